/* catalog_maps.c - the derivation maps (IV.4.3) and countermeasures (IV.5) */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog_parse.h"

/* ---------- map-*.xml ---------- */

/* The trigger attributes a row (or a <listed>) must carry, per map
 * (FORMAT.md "Maps"). */
static int read_trigger(struct loader *ld, const xmlNode *e, enum map_id map,
			struct cat_trigger *t, int *complete)
{
	memset(t, 0, sizeof *t);
	t->map = map;
	if (ld_attr_index(ld, e, "env-role", ld_env_role, &t->env_role) < 0 ||
	    ld_attr_index(ld, e, "component", ld_component, &t->component) < 0 ||
	    ld_attr_bits(ld, e, "roles", ld_exec_role, &t->roles) < 0)
		return -1;
	char *sec = xml_attr(e, "section");
	t->section = sec == NULL ? SECTION_NONE :
		     strcmp(sec, "content") == 0 ? SECTION_CONTENT : SECTION_NO_CONTENT;
	xmlFree(sec);
	int ok;
	switch (map) {
	case MAP_A:
		ok = t->env_role >= 0;
		break;
	case MAP_B1:
	case MAP_B2:
		ok = t->component >= 0;
		break;
	case MAP_B3:
	case MAP_B4:
		ok = t->roles != 0;
		break;
	case MAP_C1:
		ok = t->section != SECTION_NONE;
		break;
	default:
		ok = t->section != SECTION_NONE && t->roles != 0;
		break;
	}
	if (complete != NULL) {
		*complete = ok;
		return 0;
	}
	if (!ok)
		return ld_fail(ld, e, "the trigger this map needs is missing (map %s, see FORMAT.md)",
			    catalog_map_id(map));
	return 0;
}

static int load_row(struct loader *ld, const xmlNode *e, enum map_id map,
		    struct cat_row *row)
{
	if (read_trigger(ld, e, map, &row->trigger, NULL) < 0 ||
	    ld_attr_bits(ld, e, "uses", ld_component, &row->uses) < 0)
		return -1;
	row->category = ld_child_text(ld, e, "category");
	row->risk = ld_child_text(ld, e, "risk");
	row->line = ld_attr_int(e, "line");
	row->file = ld->file;
	if (!row->category || !row->risk)
		return -1;
	size_t n = 0;
	for (const xmlNode *m = xml_first(e, "cm"); m; m = xml_next(m, "cm"))
		n++;
	row->cm_ids = arena_array(ld->c->arena, n, sizeof *row->cm_ids);
	row->cms = arena_array(ld->c->arena, n, sizeof *row->cms);
	if (row->cm_ids == NULL || row->cms == NULL)
		return ld_fail(ld, e, "out of memory");
	for (const xmlNode *m = xml_first(e, "cm"); m; m = xml_next(m, "cm")) {
		const char *ref = ld_attr_dup(ld, m, "ref");
		if (ref == NULL)
			return ld_fail(ld, m, "out of memory");
		for (size_t k = 0; k < row->ncms; k++)
			if (strcmp(row->cm_ids[k], ref) == 0)
				return ld_fail(ld, m, "countermeasure '%s' named twice in one row", ref);
		row->cm_ids[row->ncms++] = ref;
	}
	return 0;
}

int ld_map(struct loader *ld, const xmlNode *root)
{
	char *id = xml_attr(root, "id");
	int m = id ? catalog_map_index(id) : -1;
	xmlFree(id);
	if (m < 0)
		return ld_fail(ld, root, "unknown map id");
	if (ld->seen_map[m])
		return ld_fail(ld, root, "map %s defined twice", catalog_map_id((enum map_id)m));
	ld->seen_map[m] = 1;
	struct cat_map *map = &ld->c->maps[m];
	map->id = (enum map_id)m;
	map->title = ld_child_text(ld, root, "title");
	map->line = ld_attr_int(root, "line");
	if (map->title == NULL)
		return -1;
	for (const xmlNode *e = xml_first(root, "section"); e; e = xml_next(e, "section")) {
		char *sid = xml_attr(e, "id");
		int k = sid && strcmp(sid, "content") == 0 ? SECTION_CONTENT : SECTION_NO_CONTENT;
		xmlFree(sid);
		if ((ld->c->section_labels[k] = ld_text(ld, e)) == NULL)
			return -1;
	}
	for (const xmlNode *e = xml_first(root, "row"); e; e = xml_next(e, "row"))
		map->nrows++;
	map->rows = arena_array(ld->c->arena, map->nrows, sizeof *map->rows);
	if (map->rows == NULL)
		return ld_fail(ld, root, "out of memory");
	size_t i = 0;
	for (const xmlNode *e = xml_first(root, "row"); e; e = xml_next(e, "row"))
		if (load_row(ld, e, (enum map_id)m, &map->rows[i++]) < 0)
			return -1;
	return 0;
}


/* ---------- countermeasures-*.xml ---------- */

/* Sort key of derivation.md section 3: viewpoint A, B, C; the IoT items
 * first; then by number; C items own before del. */
static long cm_order(const char *id)
{
	long vp = id[0] - 'A';
	int iot = strncmp(id + 1, "-IoT-", 5) == 0;
	const char *num = id + (iot ? 6 : 2);
	long n = strtol(num, NULL, 10);
	int del = strstr(id, "-del") != NULL;
	return vp * 100000L + (iot ? 0 : 50000L) + n * 10 + del;
}

static struct cat_cm *new_cm(struct loader *ld, const xmlNode *e)
{
	struct cat_cm *cm = ld_grow(ld, e, &ld->cms, ld->ncms, &ld->cap_cms, sizeof *ld->cms, 128);
	if (cm == NULL)
		return NULL;
	ld->ncms++;
	return cm;
}

static int load_transfers(struct loader *ld, const xmlNode *e, struct cat_cm *cm)
{
	for (const xmlNode *t = xml_first(e, "transfer"); t; t = xml_next(t, "transfer"))
		cm->ntransfers++;
	if (cm->ntransfers == 0)
		return 0;
	cm->transfers = arena_array(ld->c->arena, cm->ntransfers, sizeof *cm->transfers);
	if (cm->transfers == NULL)
		return ld_fail(ld, e, "out of memory");
	size_t i = 0;
	for (const xmlNode *t = xml_first(e, "transfer"); t; t = xml_next(t, "transfer"), i++) {
		struct cat_transfer *tr = &cm->transfers[i];
		tr->line = ld_attr_int(t, "line");
		if (ld_attr_index(ld, t, "role", ld_exec_role, &tr->role) < 0 ||
		    ld_texts(ld, t, "duty", &tr->duties, &tr->nduties) < 0)
			return -1;
		for (size_t k = 0; k < i; k++)
			if (cm->transfers[k].role == tr->role)
				return ld_fail(ld, t, "role '%s' listed twice for one countermeasure",
					    ld_exec_role_ids[tr->role]);
	}
	return 0;
}

static int load_cm(struct loader *ld, const xmlNode *e)
{
	struct cat_cm *cm = new_cm(ld, e);
	if (cm == NULL)
		return -1;
	cm->id = ld_attr_dup(ld, e, "id");
	cm->number = ld_attr_dup(ld, e, "number");
	char *vp = xml_attr(e, "viewpoint");
	char *part = xml_attr(e, "part");
	char *kind = xml_attr(e, "kind");
	cm->viewpoint = vp ? vp[0] - 'A' : 0;
	cm->part = part ? (enum map_id)catalog_map_index(part) : MAP_A;
	cm->iot = kind && strcmp(kind, "iot") == 0;
	xmlFree(vp);
	xmlFree(part);
	xmlFree(kind);
	cm->line = ld_attr_int(e, "line");
	char *req = xml_attr(e, "requires");
	cm->needs_external = req != NULL;
	xmlFree(req);
	if (cm->id == NULL || cm->number == NULL)
		return ld_fail(ld, e, "out of memory");
	if (cm->id[0] != 'A' + cm->viewpoint)
		return ld_fail(ld, e, "countermeasure '%s' is not of its viewpoint", cm->id);
	if (cm->iot != (strstr(cm->id, "-IoT-") != NULL))
		return ld_fail(ld, e, "countermeasure '%s': kind does not match its number", cm->id);
	cm->order = cm_order(cm->id);
	const xmlNode *listed = xml_first(e, "listed");
	if (listed != NULL) {
		char *map = xml_attr(listed, "map");
		int m = map ? catalog_map_index(map) : -1;
		xmlFree(map);
		/* A listing without a full trigger (e.g. all of C1) only labels
		 * the item; it cannot derive it. */
		if (m < 0 || read_trigger(ld, listed, (enum map_id)m, &cm->listed,
					  &cm->has_listed) < 0)
			return ld_fail(ld, listed, "bad <listed> of '%s'", cm->id);
		cm->listed_label = ld_attr_dup(ld, listed, "label");
	}
	cm->title = ld_child_text(ld, e, "title");
	cm->text = ld_child_text(ld, e, "text");
	if (cm->title == NULL || cm->text == NULL)
		return -1;
	if (xml_first(e, "cites") && (cm->cites = ld_child_text(ld, e, "cites")) == NULL)
		return -1;
	if (ld_texts(ld, e, "action", &cm->actions, &cm->nactions) < 0 ||
	    ld_texts(ld, e, "lead", &cm->leads, &cm->nleads) < 0 ||
	    load_transfers(ld, e, cm) < 0)
		return -1;
	if (cm->nactions == 0 && cm->ntransfers == 0)
		return ld_fail(ld, e, "countermeasure '%s' has no action to tick", cm->id);
	return 0;
}

int ld_countermeasures(struct loader *ld, const xmlNode *root)
{
	for (const xmlNode *e = xml_first(root, "countermeasure"); e;
	     e = xml_next(e, "countermeasure"))
		if (load_cm(ld, e) < 0)
			return -1;
	return 0;
}

