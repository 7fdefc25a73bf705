/* ui_cmlist.h - the countermeasure screen's list: the derived items
 * grouped by viewpoint A/B/C with counts, plus those reviewed earlier
 * that an answer has since dropped out; filtered by decision, viewpoint
 * and a search.  Pure, tested without a terminal. */
#ifndef IOTSCOPE_UI_CMLIST_H
#define IOTSCOPE_UI_CMLIST_H

#include <stddef.h>

#include "assessment.h"
#include "catalog.h"
#include "derive.h"

enum { CMF_ALL = -1, CMF_DROPPED = N_DECISIONS };

struct cm_filter {
	int decision;			/* CMF_ALL, a decision, or CMF_DROPPED */
	int viewpoint;			/* CMF_ALL or 0 A, 1 B, 2 C */
	const char *search;		/* NULL or "" for none */
};

struct cm_entry {
	int cm;				/* catalog->cms index */
	const struct derived *item;	/* NULL when dropped out */
	const struct cm_review *review;	/* NULL when not reviewed */
	enum decision decision;
	size_t done, nactions;		/* actions ticked done, of all */
};

enum cm_row_kind { CMROW_HEADER, CMROW_ITEM };

struct cm_row {
	enum cm_row_kind kind;
	int viewpoint;
	size_t entry;			/* ITEM: index into entries */
	size_t shown, derived;		/* HEADER: items shown / derived */
};

struct ui_cmlist {
	struct cm_entry *entries;	/* catalog order */
	size_t nentries;
	struct cm_row *rows;		/* headers and the items the filter lets through */
	size_t nrows;
	size_t derived, dropped, shown;
};

/* Build the list for DV and the reviews of A (A may be NULL). */
int ui_cmlist_build(struct ui_cmlist *l, const struct catalog *c, const struct derivation *dv,
		    const struct assessment *a, const struct cm_filter *f);
void ui_cmlist_free(struct ui_cmlist *l);
/* The row of countermeasure CM, or -1 when it is not shown. */
long ui_cmlist_find(const struct ui_cmlist *l, int cm);

/* Does the search Q (case-insensitive; NULL or "" matches all) find CM
 * by its number, id, title, text or one of its concrete actions? */
int ui_cm_matches(const struct cat_cm *cm, const char *q);
/* The filter choices in the order f and v step through them. */
int ui_filter_next_decision(int cur);
int ui_filter_next_viewpoint(int cur);

#endif
