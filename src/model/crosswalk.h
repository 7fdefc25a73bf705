/* crosswalk.h - ISO/IEC 27002:2013 clauses against the guideline items
 * (issue 13): one row per (clause, item) tie of the catalog's guidance,
 * with the status of the item in its checklist in an assessment.  What an
 * ISMS auditor reads, and the draft of a statement of applicability. */
#ifndef IOTSCOPE_CROSSWALK_H
#define IOTSCOPE_CROSSWALK_H

#include <stddef.h>

#include "assessment.h"
#include "catalog_guidance.h"

struct crosswalk_row {
	const struct cat_block *block;	/* the clause: number, title, cloud mark */
	const struct cat_gitem *item;	/* the guideline item */
	const struct cat_annex *checklist;	/* the one that lists it */
	enum check_status status;	/* the item's, or its sub-items' together */
	size_t subs, subs_set;		/* sub-items, and those with a status */
	char *note;			/* the notes ("a: ..." per sub-item); NULL if none */
};

/* The rows in clause order (6.1 < 6.1.1 < ... < 18.2.3), each clause's
 * items in document order.  A (nil) A gives every status CHECK_NONE.  An
 * item with sub-items takes their common status when all agree; when they
 * differ: partly if one is implemented or partly, else not implemented if
 * one is, else none.  -1 when out of memory (or the catalog has no
 * guidance: *N is 0). */
int crosswalk_build(const struct catalog *c, const struct assessment *a,
		    struct crosswalk_row **rows, size_t *n);
void crosswalk_free(struct crosswalk_row *rows, size_t n);

#endif
