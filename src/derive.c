/* derive.c - the derivation maps of IV.4.3 applied to a survey */
#include "config.h"

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

static int external_data(const struct survey *s)
{
	for (int x = 0; x < N_EXTERNALS; x++)
		if (is_yes(s, CELL_EXTERNAL, x))
			return 1;
	return 0;
}

/* Walk every selected (row, countermeasure) pair; with ITEMS NULL only
 * count reasons per countermeasure. */
static void collect(const struct catalog *c, const struct survey *s,
		    size_t *counts, struct derived *items, const int *slot)
{
	int ext = external_data(s);
	for (int m = 0; m < N_MAPS; m++) {
		const struct cat_map *map = &c->maps[m];
		for (size_t r = 0; r < map->nrows; r++) {
			const struct cat_row *row = &map->rows[r];
			if (!derive_in_scope(&row->trigger, s))
				continue;
			for (size_t k = 0; k < row->ncms; k++) {
				int cm = row->cms[k];
				if (c->cms[cm].needs_external && !ext)
					continue;
				if (items == NULL) {
					counts[cm]++;
				} else {
					struct derived *it = &items[slot[cm]];
					it->reasons[it->nreasons++] =
						(struct reason){ (enum map_id)m, row };
				}
			}
		}
	}
	/* derivation.md 3: the few items no map row names come from where
	 * IV.5 lists them. */
	for (size_t i = 0; i < c->ncms; i++) {
		const struct cat_cm *cm = &c->cms[i];
		if (cm->named_by_map || !cm->has_listed ||
		    !derive_in_scope(&cm->listed, s) || (cm->needs_external && !ext))
			continue;
		if (items == NULL) {
			counts[i]++;
		} else {
			struct derived *it = &items[slot[i]];
			it->reasons[it->nreasons++] = (struct reason){ cm->listed.map, NULL };
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
	size_t *counts = calloc(c->ncms ? c->ncms : 1, sizeof *counts);
	int *slot = calloc(c->ncms ? c->ncms : 1, sizeof *slot);
	if (dv == NULL || counts == NULL || slot == NULL ||
	    (dv->arena = arena_new()) == NULL)
		goto oom;
	collect(c, s, counts, NULL, NULL);
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
	collect(c, s, NULL, dv->items, slot);
	if (fill_open(dv, s) < 0)
		goto oom;
	free(counts);
	free(slot);
	return dv;
oom:
	free(counts);
	free(slot);
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
