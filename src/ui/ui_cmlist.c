/* ui_cmlist.c - derived countermeasures as a filtered, grouped list
 * (ui_cmlist.h; derivation.md section 3 for the order) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui_cmlist.h"

static const struct cm_review *review_of(const struct assessment *a, const char *cm)
{
	for (size_t i = 0; a != NULL && i < a->nreviews; i++)
		if (strcmp(a->reviews[i].cm, cm) == 0)
			return &a->reviews[i];
	return NULL;
}

static size_t actions_of(const struct cat_cm *cm)
{
	size_t n = cm->nactions;
	for (size_t t = 0; t < cm->ntransfers; t++)
		n += cm->transfers[t].nduties;
	return n;
}

static size_t done_of(const struct cm_review *r)
{
	size_t n = 0;
	for (size_t i = 0; r != NULL && i < r->nactions; i++)
		n += r->actions[i].state == ACTION_DONE;
	return n;
}

static int has_text(const char *hay, const char *needle)
{
	return hay != NULL && strcasestr(hay, needle) != NULL;
}

static int passes(const struct catalog *c, const struct cm_entry *e, const struct cm_filter *f)
{
	const struct cat_cm *cm = &c->cms[e->cm];
	if (f == NULL)
		return 1;
	if (f->viewpoint != CMF_ALL && cm->viewpoint != f->viewpoint)
		return 0;
	if (f->decision == CMF_DROPPED && e->item != NULL)
		return 0;
	if (f->decision >= 0 && f->decision < N_DECISIONS && (int)e->decision != f->decision)
		return 0;
	return f->search == NULL || ui_cm_matches(cm, f->search);
}

int ui_cm_matches(const struct cat_cm *cm, const char *q)
{
	if (q == NULL || q[0] == '\0')
		return 1;
	if (has_text(cm->number, q) || has_text(cm->id, q) || has_text(cm->title, q) ||
	    has_text(cm->text, q))
		return 1;
	for (size_t i = 0; i < cm->nactions; i++)	/* A-5's actions name 通信ゲートウェイ */
		if (has_text(cm->actions[i], q))
			return 1;
	return 0;
}

static int collect(struct ui_cmlist *l, const struct catalog *c, const struct derivation *dv,
		   const struct assessment *a)
{
	l->entries = calloc(c->ncms ? c->ncms : 1, sizeof *l->entries);
	if (l->entries == NULL)
		return -1;
	for (size_t i = 0; i < c->ncms; i++) {
		const struct derived *it = dv ? derivation_find(dv, (int)i) : NULL;
		const struct cm_review *r = review_of(a, c->cms[i].id);
		if (it == NULL && (r == NULL || !assessment_review_written(r)))
			continue;
		struct cm_entry *e = &l->entries[l->nentries++];
		*e = (struct cm_entry){ (int)i, it, r, r ? r->decision : DECISION_NONE,
					done_of(r), actions_of(&c->cms[i]) };
		l->derived += it != NULL;
		l->dropped += it == NULL;
	}
	return 0;
}

int ui_cmlist_build(struct ui_cmlist *l, const struct catalog *c, const struct derivation *dv,
		    const struct assessment *a, const struct cm_filter *f)
{
	memset(l, 0, sizeof *l);
	if (collect(l, c, dv, a) < 0)
		return -1;
	l->rows = calloc(l->nentries + N_VIEWPOINTS, sizeof *l->rows);
	if (l->rows == NULL) {
		ui_cmlist_free(l);
		return -1;
	}
	for (int vp = 0; vp < N_VIEWPOINTS; vp++) {
		if (f != NULL && f->viewpoint != CMF_ALL && f->viewpoint != vp)
			continue;
		struct cm_row *head = &l->rows[l->nrows++];
		*head = (struct cm_row){ CMROW_HEADER, vp, 0, 0, 0 };
		for (size_t i = 0; i < l->nentries; i++) {
			const struct cm_entry *e = &l->entries[i];
			if (c->cms[e->cm].viewpoint != vp)
				continue;
			head->derived += e->item != NULL;
			if (!passes(c, e, f))
				continue;
			l->rows[l->nrows++] = (struct cm_row){ CMROW_ITEM, vp, i, 0, 0 };
			head->shown++;
			l->shown++;
		}
	}
	return 0;
}

void ui_cmlist_free(struct ui_cmlist *l)
{
	free(l->entries);
	free(l->rows);
	memset(l, 0, sizeof *l);
}

long ui_cmlist_find(const struct ui_cmlist *l, int cm)
{
	for (size_t r = 0; r < l->nrows; r++)
		if (l->rows[r].kind == CMROW_ITEM && l->entries[l->rows[r].entry].cm == cm)
			return (long)r;
	return -1;
}

int ui_filter_next_decision(int cur)
{
	return cur >= CMF_DROPPED ? CMF_ALL : cur + 1;
}

int ui_filter_next_viewpoint(int cur)
{
	return cur >= N_VIEWPOINTS - 1 ? CMF_ALL : cur + 1;
}
