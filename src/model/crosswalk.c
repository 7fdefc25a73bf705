/* crosswalk.c - ISO/IEC 27002 clause x guideline item rows with the
 * checklist status of the item (crosswalk.h) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "crosswalk.h"
#include "text.h"

struct pair {
	size_t block, item;
	const char *clause;
};

static int cmp_pair(const void *x, const void *y)
{
	const struct pair *a = x, *b = y;
	int c = guidance_clause_cmp(a->clause, b->clause);
	if (c != 0)
		return c;
	if (a->block != b->block)
		return a->block < b->block ? -1 : 1;
	return (a->item > b->item) - (a->item < b->item);
}

/* Status of several sub-items together (crosswalk.h). */
static enum check_status combine(const size_t by[N_CHECK_STATUSES], size_t n)
{
	for (int s = 0; s < N_CHECK_STATUSES; s++)
		if (by[s] == n)
			return (enum check_status)s;
	if (by[CHECK_IMPLEMENTED] || by[CHECK_PARTLY])
		return CHECK_PARTLY;
	if (by[CHECK_NOT_IMPLEMENTED])
		return CHECK_NOT_IMPLEMENTED;
	return CHECK_NONE;
}

static int add_note(char **note, const char *label, const char *text)
{
	char *n = label ? str_printf("%s%s%s: %s", *note ? *note : "", *note ? "; " : "", label, text)
			: str_printf("%s", text);
	if (n == NULL)
		return -1;
	free(*note);
	*note = n;
	return 0;
}

/* The checklist entries of the item (itself, or its sub-items). */
static int fill_status(const struct catalog *c, const struct assessment *a,
		       struct crosswalk_row *r)
{
	const struct cat_annex *an = r->checklist;
	size_t i = r->item->entry;	/* the loader found it (ld_guidance_link) */
	size_t by[N_CHECK_STATUSES] = { 0 }, n = 0;
	for (size_t k = i; k < an->nentries && (k == i || an->entries[k].kind == ANNEX_SUB); k++) {
		const struct cat_annex_entry *e = &an->entries[k];
		if (!e->checkable)
			continue;
		const struct check_entry *ch = a ? assessment_check(a, an->id, e->id) : NULL;
		enum check_status st = ch ? ch->status : CHECK_NONE;
		by[st]++;
		n++;
		r->subs_set += e->kind == ANNEX_SUB && st != CHECK_NONE;
		if (ch && ch->note && *ch->note &&
		    add_note(&r->note, e->kind == ANNEX_SUB ? e->number : NULL, ch->note) < 0)
			return -1;
	}
	r->subs = an->entries[i].checkable ? 0 : n;
	r->status = combine(by, n);
	return 0;
}

int crosswalk_build(const struct catalog *c, const struct assessment *a,
		    struct crosswalk_row **rows, size_t *n)
{
	*rows = NULL;
	*n = 0;
	const struct cat_guidance *g = c->guidance;
	if (g == NULL)
		return -1;
	size_t np = 0;
	for (size_t b = 0; b < g->nblocks; b++)
		np += g->blocks[b].nitems;
	struct pair *p = malloc((np ? np : 1) * sizeof *p);
	struct crosswalk_row *r = calloc(np ? np : 1, sizeof *r);
	if (p == NULL || r == NULL) {
		free(p);
		free(r);
		return -1;
	}
	size_t k = 0;
	for (size_t b = 0; b < g->nblocks; b++)
		for (size_t i = 0; i < g->blocks[b].nitems; i++)
			p[k++] = (struct pair){ b, g->blocks[b].item_first + i, g->blocks[b].clause };
	qsort(p, np, sizeof *p, cmp_pair);
	for (k = 0; k < np; k++) {
		r[k].block = &g->blocks[p[k].block];
		r[k].item = &g->items[p[k].item];
		r[k].checklist = &c->checklists[r[k].item->checklist];
		if (fill_status(c, a, &r[k]) < 0) {
			free(p);
			crosswalk_free(r, k + 1);
			return -1;
		}
	}
	free(p);
	*rows = r;
	*n = np;
	return 0;
}

void crosswalk_free(struct crosswalk_row *rows, size_t n)
{
	for (size_t i = 0; rows && i < n; i++)
		free(rows[i].note);
	free(rows);
}
