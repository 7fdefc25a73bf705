/* catalog_ids.c - the catalog's fixed ids and its lookups by id: what
 * the part loaders (catalog_vocab.c, catalog_maps.c, catalog_annex.c),
 * the form, the survey and catalog.c all use.  Below the loaders, so that
 * catalog.c calls its parts and no part calls back into catalog.c
 * (issue 9: the import circles; `make layers`). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "catalog_parse.h"

static const char *const map_ids[N_MAPS] = { "A", "B1", "B2", "B3", "B4", "C1", "C2" };

/* ---------- lookups ---------- */

#define LOOKUP(fn, array, count)					\
	int fn(const struct catalog *c, const char *id)			\
	{								\
		for (int i = 0; i < (count); i++)			\
			if (c->array[i].id && strcmp(c->array[i].id, id) == 0) \
				return i;				\
		return -1;						\
	}

LOOKUP(catalog_component_index, components, N_COMPONENTS)
LOOKUP(catalog_env_role_index, env_roles, N_ENV_ROLES)
LOOKUP(catalog_exec_role_index, exec_roles, N_EXEC_ROLES)
LOOKUP(catalog_external_index, externals, N_EXTERNALS)
LOOKUP(catalog_cm_index, cms, (int)c->ncms)

/* Components and roles are known by their fixed ids even before
 * vocabulary.xml is read, so parts can come in any order. */
int catalog_map_index(const char *id)
{
	return ld_find_id(map_ids, N_MAPS, id);
}

const char *catalog_map_id(enum map_id m)
{
	return (unsigned)m < N_MAPS ? map_ids[m] : "?";
}

int catalog_pattern_of(int confidentiality, int availability)
{
	if (confidentiality < 0 || confidentiality > 1 ||
	    availability < 0 || availability > 2)
		return 0;
	return 1 + confidentiality * 3 + availability;
}

int catalog_checklist_index(const struct catalog *c, const char *id)
{
	for (size_t i = 0; id != NULL && i < c->n_checklists; i++)
		if (strcmp(c->checklists[i].id, id) == 0)
			return (int)i;
	return -1;
}

const struct cat_annex *catalog_checklist(const struct catalog *c, const char *id)
{
	int k = catalog_checklist_index(c, id);
	return k >= 0 ? &c->checklists[k] : NULL;
}

int catalog_item_index(const struct cat_annex *cl, const char *item)
{
	for (size_t i = 0; cl != NULL && item != NULL && i < cl->nentries; i++)
		if (cl->entries[i].checkable && strcmp(cl->entries[i].id, item) == 0)
			return (int)i;
	return -1;
}

char *catalog_checklist_ids(const struct catalog *c, const char *sep)
{
	char *out = strdup("");
	for (size_t i = 0; out != NULL && i < c->n_checklists; i++) {
		char *next = str_printf("%s%s%s", out, i ? sep : "", c->checklists[i].id);
		free(out);
		out = next;
	}
	return out;
}
