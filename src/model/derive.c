/* derive.c - the derivation maps of IV.4.3 applied to a survey */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "derive.h"

static int is_yes(const struct survey *s, enum cell_kind kind, int index)
{
	return survey_get(s, kind, index) == ANSWER_YES;
}

static int any_role(const struct survey *s, enum cell_kind kind, unsigned roles)
{
	for (int r = 0; r < N_EXEC_ROLES; r++)
		if ((roles & (1u << r)) && is_yes(s, kind, r))
			return 1;
	return 0;
}

/* The C maps' second section needs the data-content flag (IV.4.3 C). */
static int section_in_scope(enum map_section sec, const struct survey *s)
{
	return sec != SECTION_CONTENT || is_yes(s, CELL_DATA_CONTENT, 0);
}

int derive_in_scope(const struct cat_trigger *t, const struct survey *s)
{
	switch (t->map) {
	case MAP_A:		/* 利用者契約, 構成管理, 契約管理: fixed ○ */
		return 1;
	case MAP_B1:
		return is_yes(s, CELL_PROVIDE, t->component);
	case MAP_B2:
		return is_yes(s, CELL_RECOMMEND, t->component);
	case MAP_B3:
		return any_role(s, CELL_DELEGATE, t->roles);
	case MAP_B4:
		return any_role(s, CELL_EXECUTE, t->roles);
	case MAP_C1:
		return section_in_scope(t->section, s);
	case MAP_C2:
		return any_role(s, CELL_DELEGATE, t->roles) && section_in_scope(t->section, s);
	default:
		return 0;
	}
}

/* ---------- the plan: triggers as bit sets ---------- */

/* A survey's ○ answers as bits: kind * CELL_INDEX_MAX + index. */
enum { WORDS = (N_CELL_KINDS * CELL_INDEX_MAX + 63) / 64 };
struct bits {
	uint64_t w[WORDS];
};

/* One map row, or the IV.5 listing of an item no row names. */
struct rule {
	struct bits any, all;		/* in scope: one of ANY (if any) and all of ALL */
	int never;			/* a trigger nothing can meet */
	enum map_id map;
	const struct cat_row *row;	/* NULL: a listing */
	const int *cms;
	size_t ncms;
};

struct derive_plan {
	struct rule *rules;
	size_t nrules;
	struct bits external;		/* the external-data cells */
	unsigned char *needs_external;	/* per countermeasure */
};

static void bit_set(struct bits *b, enum cell_kind kind, int index)
{
	if (index < 0 || index >= CELL_INDEX_MAX)
		return;
	unsigned k = (unsigned)kind * CELL_INDEX_MAX + (unsigned)index;
	b->w[k / 64] |= (uint64_t)1 << (k % 64);
}

static void role_bits(struct bits *b, enum cell_kind kind, unsigned roles)
{
	for (int r = 0; r < N_EXEC_ROLES; r++)
		if (roles & (1u << r))
			bit_set(b, kind, r);
}

static int bits_empty(const struct bits *b)
{
	for (int i = 0; i < WORDS; i++)
		if (b->w[i])
			return 0;
	return 1;
}

/* The trigger as derive_in_scope reads it. */
static void rule_of(const struct cat_trigger *t, struct rule *r)
{
	memset(&r->any, 0, sizeof r->any);
	memset(&r->all, 0, sizeof r->all);
	r->never = 0;
	r->map = t->map;
	switch (t->map) {
	case MAP_A:
		break;
	case MAP_B1:
	case MAP_B2:
		if (t->component < 0)
			r->never = 1;
		bit_set(&r->all, t->map == MAP_B1 ? CELL_PROVIDE : CELL_RECOMMEND, t->component);
		break;
	case MAP_B3:
	case MAP_B4:
	case MAP_C2:
		role_bits(&r->any, t->map == MAP_B4 ? CELL_EXECUTE : CELL_DELEGATE, t->roles);
		r->never = bits_empty(&r->any);
		if (t->map == MAP_C2 && t->section == SECTION_CONTENT)
			bit_set(&r->all, CELL_DATA_CONTENT, 0);
		break;
	case MAP_C1:
		if (t->section == SECTION_CONTENT)
			bit_set(&r->all, CELL_DATA_CONTENT, 0);
		break;
	default:
		r->never = 1;
	}
}

struct derive_plan *derive_plan_build(const struct catalog *c)
{
	struct derive_plan *p = arena_alloc(c->arena, sizeof *p);
	size_t n = 0;
	for (int m = 0; m < N_MAPS; m++)
		n += c->maps[m].nrows;
	for (size_t i = 0; i < c->ncms; i++)
		n += !c->cms[i].named_by_map && c->cms[i].has_listed;
	if (p == NULL || (p->rules = arena_array(c->arena, n ? n : 1, sizeof *p->rules)) == NULL ||
	    (p->needs_external = arena_array(c->arena, c->ncms ? c->ncms : 1, 1)) == NULL)
		return NULL;
	p->nrules = 0;
	for (int m = 0; m < N_MAPS; m++)
		for (size_t r = 0; r < c->maps[m].nrows; r++) {
			struct rule *u = &p->rules[p->nrules++];
			const struct cat_row *row = &c->maps[m].rows[r];
			rule_of(&row->trigger, u);
			u->map = (enum map_id)m;
			u->row = row;
			u->cms = row->cms;
			u->ncms = row->ncms;
		}
	/* derivation.md 3: the few items no map row names come from where
	 * IV.5 lists them. */
	for (size_t i = 0; i < c->ncms; i++) {
		const struct cat_cm *cm = &c->cms[i];
		p->needs_external[i] = (unsigned char)cm->needs_external;
		if (cm->named_by_map || !cm->has_listed)
			continue;
		struct rule *u = &p->rules[p->nrules];
		int *one = arena_alloc(c->arena, sizeof *one);
		if (one == NULL)
			return NULL;
		*one = (int)i;
		rule_of(&cm->listed, u);
		u->row = NULL;
		u->cms = one;
		u->ncms = 1;
		p->nrules++;
	}
	memset(&p->external, 0, sizeof p->external);
	for (int x = 0; x < N_EXTERNALS; x++)
		bit_set(&p->external, CELL_EXTERNAL, x);
	return p;
}

static struct bits yes_bits(const struct survey *s)
{
	struct bits b = { { 0 } };
	const struct form *f = s->form;
	for (size_t i = 0; i < f->ncells; i++)
		if (s->answers[i] == ANSWER_YES)
			bit_set(&b, f->cells[i].kind, f->cells[i].index);
	return b;
}

static int in_scope(const struct rule *r, const struct bits *yes)
{
	uint64_t any = 0, hit = 0, miss = 0;
	for (int i = 0; i < WORDS; i++) {
		any |= r->any.w[i];
		hit |= r->any.w[i] & yes->w[i];
		miss |= r->all.w[i] & ~yes->w[i];
	}
	return !r->never && (any == 0 || hit != 0) && miss == 0;
}

static int any_of(const struct bits *b, const struct bits *yes)
{
	uint64_t hit = 0;
	for (int i = 0; i < WORDS; i++)
		hit |= b->w[i] & yes->w[i];
	return hit != 0;
}

/* Mark the rules in scope (each tested once) and count the reasons. */
static size_t scope(const struct catalog *c, const struct survey *s, unsigned char *on,
		    unsigned *counts)
{
	const struct derive_plan *p = c->plan;
	struct bits yes = yes_bits(s);
	int ext = any_of(&p->external, &yes);
	size_t n = 0;
	memset(counts, 0, c->ncms * sizeof *counts);
	for (size_t r = 0; r < p->nrules; r++) {
		const struct rule *u = &p->rules[r];
		int hit = in_scope(u, &yes);
		if (on != NULL)
			on[r] = (unsigned char)hit;
		if (!hit)
			continue;
		for (size_t k = 0; k < u->ncms; k++) {
			int cm = u->cms[k];
			if (p->needs_external[cm] && !ext)
				continue;
			n += counts[cm]++ == 0;
		}
	}
	return n;
}

size_t derive_counts(const struct catalog *c, const struct survey *s, unsigned *counts)
{
	return scope(c, s, NULL, counts);
}

/* The reasons of the rules marked ON, in plan order (maps A..C2 row by
 * row, then the listings), as derivation.md 3 orders them. */
static void collect(const struct catalog *c, const struct survey *s, const unsigned char *on,
		    struct derived *items, const int *slot)
{
	const struct derive_plan *p = c->plan;
	struct bits yes = yes_bits(s);
	int ext = any_of(&p->external, &yes);
	for (size_t r = 0; r < p->nrules; r++) {
		const struct rule *u = &p->rules[r];
		if (!on[r])
			continue;
		for (size_t k = 0; k < u->ncms; k++) {
			int cm = u->cms[k];
			if (p->needs_external[cm] && !ext)
				continue;
			struct derived *it = &items[slot[cm]];
			it->reasons[it->nreasons++] = (struct reason){ u->map, u->row };
		}
	}
}

static int fill_open(struct derivation *dv, const struct survey *s)
{
	const struct form *f = s->form;
	dv->open_cells = arena_array(dv->arena, f->ncells ? f->ncells : 1, sizeof(int));
	if (dv->open_cells == NULL)
		return -1;
	for (size_t i = 0; i < f->ncells; i++)
		if (s->answers[i] == ANSWER_OPEN)
			dv->open_cells[dv->nopen++] = (int)i;
	return 0;
}

struct derivation *derive(const struct catalog *c, const struct survey *s)
{
	struct derivation *dv = calloc(1, sizeof *dv);
	unsigned *counts = calloc(c->ncms ? c->ncms : 1, sizeof *counts);
	int *slot = calloc(c->ncms ? c->ncms : 1, sizeof *slot);
	unsigned char *on = malloc(c->plan->nrules ? c->plan->nrules : 1);
	if (dv == NULL || counts == NULL || slot == NULL || on == NULL ||
	    (dv->arena = arena_new()) == NULL)
		goto oom;
	scope(c, s, on, counts);
	for (size_t i = 0; i < c->ncms; i++)
		if (counts[i] > 0)
			slot[i] = (int)dv->nitems++;
	dv->items = arena_array(dv->arena, dv->nitems ? dv->nitems : 1, sizeof *dv->items);
	if (dv->items == NULL)
		goto oom;
	for (size_t i = 0; i < c->ncms; i++) {
		if (counts[i] == 0)
			continue;
		struct derived *it = &dv->items[slot[i]];
		it->cm = (int)i;
		it->reasons = arena_array(dv->arena, counts[i], sizeof *it->reasons);
		if (it->reasons == NULL)
			goto oom;
		dv->per_viewpoint[c->cms[i].viewpoint]++;
	}
	collect(c, s, on, dv->items, slot);
	if (fill_open(dv, s) < 0)
		goto oom;
	free(counts);
	free(slot);
	free(on);
	return dv;
oom:
	free(counts);
	free(slot);
	free(on);
	derivation_free(dv);
	return NULL;
}

void derivation_free(struct derivation *dv)
{
	if (dv == NULL)
		return;
	arena_free(dv->arena);
	free(dv);
}

static int cmp_item(const void *key, const void *elem)
{
	int a = *(const int *)key, b = ((const struct derived *)elem)->cm;
	return (a > b) - (a < b);
}

const struct derived *derivation_find(const struct derivation *dv, int cm)
{
	return bsearch(&cm, dv->items, dv->nitems, sizeof *dv->items, cmp_item);
}
