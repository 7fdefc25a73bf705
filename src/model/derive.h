/* derive.h - from survey answers to candidate countermeasures, with the
 * map rows that put each one there (IV.4.1.3 steps 1-2, derivation.md 3). */
#ifndef IOTSCOPE_DERIVE_H
#define IOTSCOPE_DERIVE_H

#include "catalog.h"
#include "survey.h"

struct reason {
	enum map_id map;
	const struct cat_row *row;	/* NULL: where IV.5 lists it (no row names it) */
};

struct derived {
	int cm;				/* index into catalog->cms */
	struct reason *reasons;
	size_t nreasons;
};

struct derivation {
	struct arena *arena;
	struct derived *items;		/* in catalog order (A, B, C; IoT first) */
	size_t nitems;
	size_t per_viewpoint[N_VIEWPOINTS];
	int *open_cells;		/* form cell indexes still unanswered */
	size_t nopen;
};

/* The maps compiled into bit sets, built once with the catalog (in its
 * arena): each trigger becomes "one of these ○" and "all of these ○"
 * over the survey's ○ answers, so each row is tested once with a few
 * word operations (issue 11).  NULL when out of memory. */
struct derive_plan *derive_plan_build(const struct catalog *c);
/* The candidate set with reason counts: COUNTS (c->ncms of them) gets
 * how many rows (or IV.5 listings) put each countermeasure there, 0 for
 * those not derived; returns how many were derived.  No allocation. */
size_t derive_counts(const struct catalog *c, const struct survey *s, unsigned *counts);

/* Is the trigger in scope for these answers?  Unanswered counts as not ○. */
int derive_in_scope(const struct cat_trigger *t, const struct survey *s);
/* NULL only when out of memory. */
struct derivation *derive(const struct catalog *c, const struct survey *s);
void derivation_free(struct derivation *dv);
/* The item for countermeasure index CM, or NULL if it was not derived. */
const struct derived *derivation_find(const struct derivation *dv, int cm);

#endif
