/* catalog.c - load the guideline data of catalog/ (FORMAT.md) */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "xmlsafe.h"

static const char *const map_ids[N_MAPS] = { "A", "B1", "B2", "B3", "B4", "C1", "C2" };

struct loader {
	struct catalog *c;
	struct diag *d;
	const char *file;		/* part being read, for messages */
	struct cat_cm *cms;		/* grows while parts are read */
	size_t ncms, cap_cms;
	struct cat_repair *repairs;
	size_t nrepairs, cap_repairs;
	int seen_vocabulary, seen_patterns, seen_annex[2], seen_map[N_MAPS];
};

/* ---------- small readers over validated nodes ---------- */

static int fail(struct loader *ld, const xmlNode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(struct loader *ld, const xmlNode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *msg = str_vprintf(fmt, ap);
	va_end(ap);
	diag_set(ld->d, "%s:%ld: %s", ld->file, n ? xmlGetLineNo(n) : 0L,
		 msg ? msg : "out of memory");
	free(msg);
	return -1;
}

static const char *text_of(struct loader *ld, const xmlNode *n)
{
	if (n == NULL)
		return NULL;
	char *t = xml_text(n);
	const char *s = t ? arena_strdup(ld->c->arena, t) : NULL;
	free(t);
	if (s == NULL)
		fail(ld, n, "out of memory");
	return s;
}

static const char *child_text(struct loader *ld, const xmlNode *n, const char *name)
{
	return text_of(ld, xml_first(n, name));
}

static const char *attr_dup(struct loader *ld, const xmlNode *n, const char *name)
{
	char *v = xml_attr(n, name);
	if (v == NULL)
		return NULL;
	const char *s = arena_strdup(ld->c->arena, v);
	xmlFree(v);
	return s;
}

static int attr_int(const xmlNode *n, const char *name)
{
	char *v = xml_attr(n, name);
	int i = v ? atoi(v) : 0;
	xmlFree(v);
	return i;
}

typedef int (*lookup_fn)(const struct catalog *, const char *);

/* A space-separated id list attribute as a bit set. */
static int attr_bits(struct loader *ld, const xmlNode *n, const char *name,
		     lookup_fn lookup, unsigned *out)
{
	*out = 0;
	char *v = xml_attr(n, name);
	if (v == NULL)
		return 0;
	char *save = NULL;
	for (char *tok = strtok_r(v, " \t\n", &save); tok != NULL;
	     tok = strtok_r(NULL, " \t\n", &save)) {
		int i = lookup(ld->c, tok);
		if (i < 0) {
			fail(ld, n, "unknown id '%s'", tok);
			xmlFree(v);
			return -1;
		}
		*out |= 1u << i;
	}
	xmlFree(v);
	return 0;
}

static int attr_index(struct loader *ld, const xmlNode *n, const char *name,
		      lookup_fn lookup, int *out)
{
	*out = -1;
	char *v = xml_attr(n, name);
	if (v == NULL)
		return 0;
	*out = lookup(ld->c, v);
	int bad = *out < 0;
	if (bad)
		fail(ld, n, "unknown id '%s'", v);
	xmlFree(v);
	return bad ? -1 : 0;
}

/* Child elements named NAME as an arena array of texts. */
static int texts_of(struct loader *ld, const xmlNode *parent, const char *name,
		    const char ***out, size_t *count)
{
	size_t n = 0;
	for (const xmlNode *e = xml_first(parent, name); e; e = xml_next(e, name))
		n++;
	*count = n;
	*out = arena_array(ld->c->arena, n ? n : 1, sizeof **out);
	if (*out == NULL)
		return fail(ld, parent, "out of memory");
	size_t i = 0;
	for (const xmlNode *e = xml_first(parent, name); e; e = xml_next(e, name))
		if (((*out)[i++] = text_of(ld, e)) == NULL)
			return -1;
	return 0;
}

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
static const char *const component_ids[N_COMPONENTS] = {
	"iot-device", "lan", "local-computer", "edge-computer", "gateway",
	"wan", "cloud", "embedded-app", "application"
};
static const char *const env_role_ids[N_ENV_ROLES] = {
	"contract", "provide", "recommend", "config", "partners", "data-watch"
};
static const char *const exec_role_ids[N_EXEC_ROLES] = {
	"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"
};
static const char *const external_ids[N_EXTERNALS] = {
	"preprocess-lan", "acquire-wan", "collect-external", "analyze-open-data"
};

static int find_id(const char *const *ids, int n, const char *id)
{
	for (int i = 0; i < n; i++)
		if (strcmp(ids[i], id) == 0)
			return i;
	return -1;
}

static int lookup_component(const struct catalog *c, const char *id)
{
	(void)c;
	return find_id(component_ids, N_COMPONENTS, id);
}

static int lookup_env_role(const struct catalog *c, const char *id)
{
	(void)c;
	return find_id(env_role_ids, N_ENV_ROLES, id);
}

static int lookup_exec_role(const struct catalog *c, const char *id)
{
	(void)c;
	return find_id(exec_role_ids, N_EXEC_ROLES, id);
}

static int lookup_external(const struct catalog *c, const char *id)
{
	(void)c;
	return find_id(external_ids, N_EXTERNALS, id);
}

int catalog_map_index(const char *id)
{
	return find_id(map_ids, N_MAPS, id);
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

int catalog_annex_index(const struct catalog *c, int annex, const char *id)
{
	if (annex < 0 || annex > 1)
		return -1;
	const struct cat_annex *a = &c->annex[annex];
	for (size_t i = 0; i < a->nentries; i++)
		if (a->entries[i].checkable && strcmp(a->entries[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* ---------- repairs: collected from every part ---------- */

static int add_repair(struct loader *ld, const xmlNode *r)
{
	if (ld->nrepairs == ld->cap_repairs) {
		size_t cap = ld->cap_repairs ? ld->cap_repairs * 2 : 64;
		void *p = realloc(ld->repairs, cap * sizeof *ld->repairs);
		if (p == NULL)
			return fail(ld, r, "out of memory");
		ld->repairs = p;
		ld->cap_repairs = cap;
	}
	const xmlNode *owner = r->parent;
	char *id = xml_attr(owner, "id");
	int line = attr_int(owner, "line");
	char *where = line > 0 ?
		str_printf("%s%s%s (line %d)", (const char *)owner->name, id ? " " : "",
			   id ? id : "", line) :
		str_printf("%s%s%s", (const char *)owner->name, id ? " " : "", id ? id : "");
	xmlFree(id);
	struct cat_repair *rep = &ld->repairs[ld->nrepairs];
	rep->file = ld->file;
	rep->line = attr_int(r, "line");
	rep->where = where ? arena_strdup(ld->c->arena, where) : NULL;
	free(where);
	rep->text = text_of(ld, r);
	if (rep->where == NULL || rep->text == NULL)
		return fail(ld, r, "out of memory");
	ld->nrepairs++;
	return 0;
}

static int collect_repairs(struct loader *ld, const xmlNode *n)
{
	for (const xmlNode *e = xml_first(n, NULL); e; e = xml_next(e, NULL)) {
		if (xml_is(e, "repair")) {
			if (add_repair(ld, e) < 0)
				return -1;
		} else if (collect_repairs(ld, e) < 0) {
			return -1;
		}
	}
	return 0;
}

/* ---------- vocabulary.xml ---------- */

static int load_vocabulary(struct loader *ld, const xmlNode *root)
{
	struct catalog *c = ld->c;
	int i = 0;
	for (const xmlNode *e = xml_first(root, "viewpoint"); e; e = xml_next(e, "viewpoint"), i++) {
		struct cat_viewpoint *v = &c->viewpoints[i];
		v->id = attr_dup(ld, e, "id");
		v->label = child_text(ld, e, "label");
		v->risk = child_text(ld, e, "risk");
		v->description = child_text(ld, e, "description");
		v->line = attr_int(e, "line");
		if (!v->id || !v->label || !v->risk || !v->description)
			return -1;
		if (v->id[0] != 'A' + i)
			return fail(ld, e, "viewpoint '%s' out of order (A, B, C)", v->id);
	}
	for (const xmlNode *e = xml_first(root, "env-role"); e; e = xml_next(e, "env-role")) {
		int k;
		if (attr_index(ld, e, "id", lookup_env_role, &k) < 0)
			return -1;
		struct cat_env_role *r = &c->env_roles[k];
		if (r->id != NULL)
			return fail(ld, e, "environment role '%s' defined twice", env_role_ids[k]);
		r->id = env_role_ids[k];
		r->letter = (char)('a' + k);
		r->label = child_text(ld, e, "label");
		r->definition = child_text(ld, e, "definition");
		r->line = attr_int(e, "line");
		if (!r->label || !r->definition)
			return -1;
	}
	for (const xmlNode *e = xml_first(root, "exec-role"); e; e = xml_next(e, "exec-role")) {
		int k;
		if (attr_index(ld, e, "id", lookup_exec_role, &k) < 0)
			return -1;
		struct cat_exec_role *r = &c->exec_roles[k];
		if (r->id != NULL)
			return fail(ld, e, "execution role '%s' defined twice", exec_role_ids[k]);
		r->id = exec_role_ids[k];
		r->label = child_text(ld, e, "label");
		r->definition = child_text(ld, e, "definition");
		r->line = attr_int(e, "line");
		if (!r->label || !r->definition ||
		    attr_bits(ld, e, "uses", lookup_component, &r->uses) < 0)
			return -1;
	}
	for (const xmlNode *e = xml_first(root, "component"); e; e = xml_next(e, "component")) {
		int k;
		if (attr_index(ld, e, "id", lookup_component, &k) < 0)
			return -1;
		struct cat_component *m = &c->components[k];
		if (m->id != NULL)
			return fail(ld, e, "component '%s' defined twice", component_ids[k]);
		m->id = component_ids[k];
		m->label = child_text(ld, e, "label");
		m->description = child_text(ld, e, "description");
		m->line = attr_int(e, "line");
		if (!m->label || !m->description)
			return -1;
	}
	for (const xmlNode *e = xml_first(root, "external"); e; e = xml_next(e, "external")) {
		int k;
		if (attr_index(ld, e, "id", lookup_external, &k) < 0)
			return -1;
		struct cat_external *x = &c->externals[k];
		if (x->id != NULL)
			return fail(ld, e, "external situation '%s' defined twice", external_ids[k]);
		x->id = external_ids[k];
		x->label = child_text(ld, e, "label");
		x->line = attr_int(e, "line");
		if (!x->label || attr_index(ld, e, "role", lookup_exec_role, &x->role) < 0)
			return -1;
	}
	ld->seen_vocabulary = 1;
	return 0;
}

/* ---------- map-*.xml ---------- */

/* The trigger attributes a row (or a <listed>) must carry, per map
 * (FORMAT.md "Maps"). */
static int read_trigger(struct loader *ld, const xmlNode *e, enum map_id map,
			struct cat_trigger *t, int *complete)
{
	memset(t, 0, sizeof *t);
	t->map = map;
	if (attr_index(ld, e, "env-role", lookup_env_role, &t->env_role) < 0 ||
	    attr_index(ld, e, "component", lookup_component, &t->component) < 0 ||
	    attr_bits(ld, e, "roles", lookup_exec_role, &t->roles) < 0)
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
		return fail(ld, e, "the trigger this map needs is missing (map %s, see FORMAT.md)",
			    map_ids[map]);
	return 0;
}

static int load_row(struct loader *ld, const xmlNode *e, enum map_id map,
		    struct cat_row *row)
{
	if (read_trigger(ld, e, map, &row->trigger, NULL) < 0 ||
	    attr_bits(ld, e, "uses", lookup_component, &row->uses) < 0)
		return -1;
	row->category = child_text(ld, e, "category");
	row->risk = child_text(ld, e, "risk");
	row->line = attr_int(e, "line");
	row->file = ld->file;
	if (!row->category || !row->risk)
		return -1;
	size_t n = 0;
	for (const xmlNode *m = xml_first(e, "cm"); m; m = xml_next(m, "cm"))
		n++;
	row->cm_ids = arena_array(ld->c->arena, n, sizeof *row->cm_ids);
	row->cms = arena_array(ld->c->arena, n, sizeof *row->cms);
	if (row->cm_ids == NULL || row->cms == NULL)
		return fail(ld, e, "out of memory");
	for (const xmlNode *m = xml_first(e, "cm"); m; m = xml_next(m, "cm")) {
		const char *ref = attr_dup(ld, m, "ref");
		if (ref == NULL)
			return fail(ld, m, "out of memory");
		for (size_t k = 0; k < row->ncms; k++)
			if (strcmp(row->cm_ids[k], ref) == 0)
				return fail(ld, m, "countermeasure '%s' named twice in one row", ref);
		row->cm_ids[row->ncms++] = ref;
	}
	return 0;
}

static int load_map(struct loader *ld, const xmlNode *root)
{
	char *id = xml_attr(root, "id");
	int m = id ? catalog_map_index(id) : -1;
	xmlFree(id);
	if (m < 0)
		return fail(ld, root, "unknown map id");
	if (ld->seen_map[m])
		return fail(ld, root, "map %s defined twice", map_ids[m]);
	ld->seen_map[m] = 1;
	struct cat_map *map = &ld->c->maps[m];
	map->id = (enum map_id)m;
	map->title = child_text(ld, root, "title");
	map->line = attr_int(root, "line");
	if (map->title == NULL)
		return -1;
	for (const xmlNode *e = xml_first(root, "section"); e; e = xml_next(e, "section")) {
		char *sid = xml_attr(e, "id");
		int k = sid && strcmp(sid, "content") == 0 ? SECTION_CONTENT : SECTION_NO_CONTENT;
		xmlFree(sid);
		if ((ld->c->section_labels[k] = text_of(ld, e)) == NULL)
			return -1;
	}
	for (const xmlNode *e = xml_first(root, "row"); e; e = xml_next(e, "row"))
		map->nrows++;
	map->rows = arena_array(ld->c->arena, map->nrows, sizeof *map->rows);
	if (map->rows == NULL)
		return fail(ld, root, "out of memory");
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
	if (ld->ncms == ld->cap_cms) {
		size_t cap = ld->cap_cms ? ld->cap_cms * 2 : 128;
		void *p = realloc(ld->cms, cap * sizeof *ld->cms);
		if (p == NULL) {
			fail(ld, e, "out of memory");
			return NULL;
		}
		ld->cms = p;
		ld->cap_cms = cap;
	}
	struct cat_cm *cm = &ld->cms[ld->ncms++];
	memset(cm, 0, sizeof *cm);
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
		return fail(ld, e, "out of memory");
	size_t i = 0;
	for (const xmlNode *t = xml_first(e, "transfer"); t; t = xml_next(t, "transfer"), i++) {
		struct cat_transfer *tr = &cm->transfers[i];
		tr->line = attr_int(t, "line");
		if (attr_index(ld, t, "role", lookup_exec_role, &tr->role) < 0 ||
		    texts_of(ld, t, "duty", &tr->duties, &tr->nduties) < 0)
			return -1;
		for (size_t k = 0; k < i; k++)
			if (cm->transfers[k].role == tr->role)
				return fail(ld, t, "role '%s' listed twice for one countermeasure",
					    exec_role_ids[tr->role]);
	}
	return 0;
}

static int load_cm(struct loader *ld, const xmlNode *e)
{
	struct cat_cm *cm = new_cm(ld, e);
	if (cm == NULL)
		return -1;
	cm->id = attr_dup(ld, e, "id");
	cm->number = attr_dup(ld, e, "number");
	char *vp = xml_attr(e, "viewpoint");
	char *part = xml_attr(e, "part");
	char *kind = xml_attr(e, "kind");
	cm->viewpoint = vp ? vp[0] - 'A' : 0;
	cm->part = part ? (enum map_id)catalog_map_index(part) : MAP_A;
	cm->iot = kind && strcmp(kind, "iot") == 0;
	xmlFree(vp);
	xmlFree(part);
	xmlFree(kind);
	cm->line = attr_int(e, "line");
	char *req = xml_attr(e, "requires");
	cm->needs_external = req != NULL;
	xmlFree(req);
	if (cm->id == NULL || cm->number == NULL)
		return fail(ld, e, "out of memory");
	if (cm->id[0] != 'A' + cm->viewpoint)
		return fail(ld, e, "countermeasure '%s' is not of its viewpoint", cm->id);
	if (cm->iot != (strstr(cm->id, "-IoT-") != NULL))
		return fail(ld, e, "countermeasure '%s': kind does not match its number", cm->id);
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
			return fail(ld, listed, "bad <listed> of '%s'", cm->id);
		cm->listed_label = attr_dup(ld, listed, "label");
	}
	cm->title = child_text(ld, e, "title");
	cm->text = child_text(ld, e, "text");
	if (cm->title == NULL || cm->text == NULL)
		return -1;
	if (xml_first(e, "cites") && (cm->cites = child_text(ld, e, "cites")) == NULL)
		return -1;
	if (texts_of(ld, e, "action", &cm->actions, &cm->nactions) < 0 ||
	    texts_of(ld, e, "lead", &cm->leads, &cm->nleads) < 0 ||
	    load_transfers(ld, e, cm) < 0)
		return -1;
	if (cm->nactions == 0 && cm->ntransfers == 0)
		return fail(ld, e, "countermeasure '%s' has no action to tick", cm->id);
	return 0;
}

static int load_countermeasures(struct loader *ld, const xmlNode *root)
{
	for (const xmlNode *e = xml_first(root, "countermeasure"); e;
	     e = xml_next(e, "countermeasure"))
		if (load_cm(ld, e) < 0)
			return -1;
	return 0;
}

/* ---------- annex1.xml / annex2.xml ---------- */

struct annex_builder {
	struct cat_annex_entry *v;
	size_t n, cap;
};

static struct cat_annex_entry *annex_push(struct loader *ld, struct annex_builder *b,
					  const xmlNode *e, enum annex_kind kind, int depth)
{
	if (b->n == b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 256;
		void *p = realloc(b->v, cap * sizeof *b->v);
		if (p == NULL) {
			fail(ld, e, "out of memory");
			return NULL;
		}
		b->v = p;
		b->cap = cap;
	}
	struct cat_annex_entry *x = &b->v[b->n++];
	memset(x, 0, sizeof *x);
	x->kind = kind;
	x->depth = depth;
	x->line = attr_int(e, "line");
	x->id = attr_dup(ld, e, "id");
	if (x->id == NULL) {
		fail(ld, e, "out of memory");
		return NULL;
	}
	char *lv = xml_attr(e, "level");
	x->level = lv == NULL ? LEVEL_NONE :
		   strcmp(lv, "basic") == 0 ? LEVEL_BASIC : LEVEL_RECOMMENDED;
	xmlFree(lv);
	return x;
}

/* text, eval and the six reference values of an item or sub-item */
static int annex_body(struct loader *ld, const xmlNode *e, struct cat_annex_entry *x)
{
	if ((x->text = child_text(ld, e, "text")) == NULL)
		return -1;
	if (xml_first(e, "eval") && (x->eval = child_text(ld, e, "eval")) == NULL)
		return -1;
	for (const xmlNode *r = xml_first(e, "ref"); r; r = xml_next(r, "ref")) {
		int p = attr_int(r, "pattern");
		if (p < 1 || p > N_PATTERNS || x->refs[p - 1] != NULL)
			return fail(ld, r, "pattern given twice or out of range");
		if ((x->refs[p - 1] = text_of(ld, r)) == NULL)
			return -1;
		char *req = xml_attr(r, "required");
		if (req && (strcmp(req, "true") == 0 || strcmp(req, "1") == 0))
			x->required |= 1u << (p - 1);
		xmlFree(req);
	}
	if (x->eval != NULL && xml_first(e, "ref") == NULL)
		return fail(ld, e, "evaluation item without reference values");
	x->checkable = 1;
	return 0;
}

static int annex_item(struct loader *ld, struct annex_builder *b, const xmlNode *e,
		      int depth, int section)
{
	struct cat_annex_entry *x = annex_push(ld, b, e, ANNEX_ITEM, depth);
	if (x == NULL || (x->number = attr_dup(ld, e, "number")) == NULL)
		return -1;
	x->section = section;
	if (xml_first(e, "sub") == NULL) {
		if (x->level == LEVEL_NONE)
			return fail(ld, e, "item %s has no level (基本/推奨)", x->id);
		return annex_body(ld, e, x);
	}
	for (const xmlNode *s = xml_first(e, "sub"); s; s = xml_next(s, "sub")) {
		struct cat_annex_entry *y = annex_push(ld, b, s, ANNEX_SUB, depth + 1);
		if (y == NULL)
			return -1;
		y->section = section;
		char *letter = xml_attr(s, "letter");
		y->number = letter ? arena_strdup(ld->c->arena, letter) : NULL;
		xmlFree(letter);
		if (y->number == NULL || annex_body(ld, s, y) < 0)
			return -1;
	}
	return 0;
}

static int annex_section(struct loader *ld, struct annex_builder *b, const xmlNode *e,
			 int depth, int section)
{
	struct cat_annex_entry *x = annex_push(ld, b, e, ANNEX_SECTION, depth);
	if (x == NULL)
		return -1;
	if (depth == 0)
		section = (int)(b->n - 1);
	x->section = section;
	if ((x->number = attr_dup(ld, e, "number")) == NULL ||
	    (x->text = child_text(ld, e, "title")) == NULL)
		return -1;
	for (const xmlNode *c = xml_first(e, NULL); c; c = xml_next(c, NULL)) {
		int rc = 0;
		if (xml_is(c, "section"))
			rc = annex_section(ld, b, c, depth + 1, section);
		else if (xml_is(c, "item"))
			rc = annex_item(ld, b, c, depth + 1, section);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int load_annex(struct loader *ld, const xmlNode *root)
{
	int which = attr_int(root, "id") - 1;
	if (which < 0 || which > 1 || ld->seen_annex[which])
		return fail(ld, root, "annex id out of range or given twice");
	ld->seen_annex[which] = 1;
	struct cat_annex *a = &ld->c->annex[which];
	if ((a->title = child_text(ld, root, "title")) == NULL ||
	    texts_of(ld, root, "note", &a->notes, &a->nnotes) < 0)
		return -1;
	static const char *const keys[N_ANNEX_COLUMNS] = {
		"number", "eval-number", "item", "level", "eval", "ref", "check"
	};
	for (const xmlNode *e = xml_first(root, "column"); e; e = xml_next(e, "column")) {
		char *key = xml_attr(e, "key");
		int k = key ? find_id(keys, N_ANNEX_COLUMNS, key) : -1;
		xmlFree(key);
		if (k < 0 || (a->columns[k] = text_of(ld, e)) == NULL)
			return -1;
	}
	struct annex_builder b = { NULL, 0, 0 };
	for (const xmlNode *s = xml_first(root, "section"); s; s = xml_next(s, "section"))
		if (annex_section(ld, &b, s, 0, 0) < 0) {
			free(b.v);
			return -1;
		}
	a->entries = arena_array(ld->c->arena, b.n, sizeof *a->entries);
	if (a->entries == NULL) {
		free(b.v);
		return fail(ld, root, "out of memory");
	}
	memcpy(a->entries, b.v, b.n * sizeof *b.v);
	a->nentries = b.n;
	free(b.v);
	for (size_t i = 0; i < a->nentries; i++) {
		if (!a->entries[i].checkable)
			continue;
		a->nitems++;
		if (catalog_annex_index(ld->c, which, a->entries[i].id) != (int)i)
			return fail(ld, root, "item '%s' appears twice", a->entries[i].id);
	}
	return 0;
}

/* ---------- patterns.xml ---------- */

static int load_patterns(struct loader *ld, const xmlNode *root)
{
	struct catalog *c = ld->c;
	if ((c->patterns_title = child_text(ld, root, "title")) == NULL ||
	    texts_of(ld, root, "explanation", &c->pattern_explanations,
		     &c->npattern_explanations) < 0)
		return -1;
	for (const xmlNode *e = xml_first(root, "pattern"); e; e = xml_next(e, "pattern")) {
		int id = attr_int(e, "id");
		char *conf = xml_attr(e, "confidentiality");
		char *avail = xml_attr(e, "availability");
		int ci = conf && strcmp(conf, "low") == 0;
		int ai = avail == NULL ? -1 : strcmp(avail, "high") == 0 ? 0 :
			 strcmp(avail, "mid") == 0 ? 1 : 2;
		xmlFree(conf);
		xmlFree(avail);
		if (catalog_pattern_of(ci, ai) != id)
			return fail(ld, e, "pattern %d does not match Annex 3's rule", id);
		struct cat_pattern *p = &c->patterns[id - 1];
		p->id = id;
		p->confidentiality = ci;
		p->availability = ai;
		p->line = attr_int(e, "line");
		if ((p->services = child_text(ld, e, "services")) == NULL)
			return -1;
	}
	if (xml_first(root, "unpatterned") &&
	    (c->unpatterned = child_text(ld, root, "unpatterned")) == NULL)
		return -1;
	ld->seen_patterns = 1;
	return 0;
}

/* ---------- the whole catalog ---------- */

static int load_part(struct loader *ld, struct xschema *xsd, const char *dir,
		     const char *file)
{
	char *path = str_printf("%s/%s", dir, file);
	if (path == NULL)
		return fail(ld, NULL, "out of memory");
	ld->file = arena_strdup(ld->c->arena, path);
	free(path);
	if (ld->file == NULL)
		return fail(ld, NULL, "out of memory");
	xmlDocPtr doc = xmlsafe_read_file(ld->file, XMLSAFE_MAX_BYTES, ld->d);
	if (doc == NULL)
		return -1;
	int rc = xmlsafe_validate(xsd, doc, ld->file, ld->d);
	const xmlNode *root = xmlDocGetRootElement(doc);
	if (rc == 0)
		rc = collect_repairs(ld, root);
	if (rc == 0) {
		if (xml_is(root, "vocabulary"))
			rc = load_vocabulary(ld, root);
		else if (xml_is(root, "map"))
			rc = load_map(ld, root);
		else if (xml_is(root, "countermeasures"))
			rc = load_countermeasures(ld, root);
		else if (xml_is(root, "annex"))
			rc = load_annex(ld, root);
		else if (xml_is(root, "patterns"))
			rc = load_patterns(ld, root);
		else
			rc = fail(ld, root, "<%s> cannot be a part of the catalog",
				  (const char *)root->name);
	}
	xmlFreeDoc(doc);
	return rc;
}

static int cmp_cm(const void *a, const void *b)
{
	long x = ((const struct cat_cm *)a)->order, y = ((const struct cat_cm *)b)->order;
	return (x > y) - (x < y);
}

/* After all parts: every part present, every id unique, every number a
 * map names defined, and each map row linked to its countermeasures. */
static int link_catalog(struct loader *ld)
{
	struct catalog *c = ld->c;
	ld->file = c->dir;
	if (!ld->seen_vocabulary || !ld->seen_patterns ||
	    !ld->seen_annex[0] || !ld->seen_annex[1])
		return fail(ld, NULL, "catalog.xml does not name every part "
			    "(vocabulary, patterns, annex 1, annex 2)");
	for (int m = 0; m < N_MAPS; m++)
		if (!ld->seen_map[m])
			return fail(ld, NULL, "map %s is missing", map_ids[m]);
	c->cms = arena_array(c->arena, ld->ncms, sizeof *c->cms);
	if (c->cms == NULL)
		return fail(ld, NULL, "out of memory");
	memcpy(c->cms, ld->cms, ld->ncms * sizeof *c->cms);
	c->ncms = ld->ncms;
	qsort(c->cms, c->ncms, sizeof *c->cms, cmp_cm);
	for (size_t i = 1; i < c->ncms; i++)
		if (strcmp(c->cms[i].id, c->cms[i - 1].id) == 0 ||
		    c->cms[i].order == c->cms[i - 1].order)
			return fail(ld, NULL, "countermeasure '%s' defined twice", c->cms[i].id);
	for (int m = 0; m < N_MAPS; m++) {
		struct cat_map *map = &c->maps[m];
		for (size_t r = 0; r < map->nrows; r++) {
			struct cat_row *row = &map->rows[r];
			for (size_t k = 0; k < row->ncms; k++) {
				row->cms[k] = catalog_cm_index(c, row->cm_ids[k]);
				if (row->cms[k] < 0) {
					diag_set(ld->d, "%s:%d: map %s names countermeasure '%s', "
						 "which IV.5 does not define", row->file, row->line,
						 map_ids[m], row->cm_ids[k]);
					return -1;
				}
				c->cms[row->cms[k]].named_by_map = 1;
			}
		}
	}
	return 0;
}

static int load_manifest(struct loader *ld, struct xschema *xsd, const char *dir)
{
	char *path = str_printf("%s/catalog.xml", dir);
	if (path == NULL)
		return fail(ld, NULL, "out of memory");
	ld->file = arena_strdup(ld->c->arena, path);
	free(path);
	xmlDocPtr doc = ld->file ? xmlsafe_read_file(ld->file, XMLSAFE_MAX_BYTES, ld->d) : NULL;
	if (doc == NULL)
		return -1;
	int rc = xmlsafe_validate(xsd, doc, ld->file, ld->d);
	const xmlNode *root = xmlDocGetRootElement(doc);
	if (rc == 0 && !xml_is(root, "catalog"))
		rc = fail(ld, root, "expected <catalog>, found <%s>", (const char *)root->name);
	if (rc == 0) {
		struct catalog *c = ld->c;
		c->edition = attr_dup(ld, root, "edition");
		c->revision = attr_int(root, "revision");
		c->title = child_text(ld, root, "title");
		c->source = child_text(ld, root, "source");
		if (!c->edition || !c->title || !c->source)
			rc = -1;
	}
	for (const xmlNode *p = rc == 0 ? xml_first(root, "part") : NULL; p && rc == 0;
	     p = xml_next(p, "part")) {
		char *file = xml_attr(p, "file");
		if (file == NULL || strchr(file, '/') != NULL || file[0] == '.')
			rc = fail(ld, p, "part file must be a plain name in the catalog directory");
		else
			rc = load_part(ld, xsd, dir, file);
		xmlFree(file);
	}
	xmlFreeDoc(doc);
	return rc;
}

struct catalog *catalog_load(const char *dir, struct diag *d)
{
	struct catalog *c = calloc(1, sizeof *c);
	struct arena *a = arena_new();
	if (c == NULL || a == NULL) {
		free(c);
		arena_free(a);
		diag_set(d, "out of memory");
		return NULL;
	}
	c->arena = a;
	c->dir = arena_strdup(a, dir);
	struct loader ld = { .c = c, .d = d, .file = dir };
	char *xsd_path = str_printf("%s/catalog.xsd", dir);
	struct xschema *xsd = xsd_path ? xschema_load(xsd_path, d) : NULL;
	free(xsd_path);
	int rc = xsd && c->dir ? load_manifest(&ld, xsd, dir) : -1;
	if (rc == 0)
		rc = link_catalog(&ld);
	if (rc == 0 && ld.nrepairs > 0) {
		c->repairs = arena_array(a, ld.nrepairs, sizeof *c->repairs);
		if (c->repairs == NULL)
			rc = fail(&ld, NULL, "out of memory");
		else
			memcpy(c->repairs, ld.repairs, ld.nrepairs * sizeof *ld.repairs);
		c->nrepairs = ld.nrepairs;
	}
	xschema_free(xsd);
	free(ld.cms);
	free(ld.repairs);
	if (rc < 0) {
		if (d->msg == NULL)
			diag_set(d, "%s: cannot load the catalog", dir);
		catalog_free(c);
		return NULL;
	}
	return c;
}

void catalog_free(struct catalog *c)
{
	if (c == NULL)
		return;
	arena_free(c->arena);
	free(c);
}

/* ---------- describing a trigger for people ---------- */

static int append(char **buf, const char *sep, const char *s)
{
	char *n = str_printf("%s%s%s", *buf ? *buf : "", *buf ? sep : "", s);
	if (n == NULL)
		return -1;
	free(*buf);
	*buf = n;
	return 0;
}

char *catalog_trigger_label(const struct catalog *c, const struct cat_trigger *t)
{
	char *out = NULL;
	int rc = 0;
	if (t->env_role >= 0 && t->env_role < N_ENV_ROLES && t->map == MAP_A)
		rc |= append(&out, "・", c->env_roles[t->env_role].label);
	if ((t->map == MAP_B1 || t->map == MAP_B2) && t->component >= 0)
		rc |= append(&out, "・", c->components[t->component].label);
	for (int r = 0; r < N_EXEC_ROLES; r++)
		if (t->roles & (1u << r))
			rc |= append(&out, "・", c->exec_roles[r].label);
	if (t->section != SECTION_NONE)
		rc |= append(&out, out ? " / " : "", c->section_labels[t->section] ?
			     c->section_labels[t->section] :
			     t->section == SECTION_CONTENT ? "content" : "no-content");
	if (out == NULL && rc == 0)
		rc = append(&out, "", catalog_map_id(t->map));
	if (rc != 0) {
		free(out);
		return NULL;
	}
	return out;
}
