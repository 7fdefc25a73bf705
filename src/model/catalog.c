/* catalog.c - load the guideline data of catalog/ (FORMAT.md) */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "catalog_parse.h"
#include "catalog_snapshot.h"
#include "derive.h"
#include "xmlsafe.h"

/* ---------- repairs: collected from every part ---------- */

static int add_repair(struct loader *ld, const xmlNode *r)
{
	if (ld_grow(ld, r, &ld->repairs, ld->nrepairs, &ld->cap_repairs, sizeof *ld->repairs,
		    64) == NULL)
		return -1;
	const xmlNode *owner = r->parent;
	char *id = xml_attr(owner, "id");
	int line = ld_attr_int(owner, "line");
	char *where = line > 0 ?
		str_printf("%s%s%s (line %d)", (const char *)owner->name, id ? " " : "",
			   id ? id : "", line) :
		str_printf("%s%s%s", (const char *)owner->name, id ? " " : "", id ? id : "");
	xmlFree(id);
	struct cat_repair *rep = &ld->repairs[ld->nrepairs];
	rep->file = ld->file;
	rep->line = ld_attr_int(r, "line");
	rep->where = where ? arena_strdup(ld->c->arena, where) : NULL;
	free(where);
	rep->text = ld_text(ld, r);
	if (rep->where == NULL || rep->text == NULL)
		return ld_fail(ld, r, "out of memory");
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

/* ---------- the whole catalog ---------- */

/* A file of the catalog as read: its bytes go into the content hash. */
struct src {
	const char *file;	/* in the arena, for messages */
	char *buf;
	size_t len;
};

static int read_src(struct loader *ld, const char *dir, const char *name, struct src *s,
		    uint64_t *h)
{
	char *path = str_printf("%s/%s", dir, name);
	s->file = path ? arena_strdup(ld->c->arena, path) : NULL;
	free(path);
	if (s->file == NULL)
		return ld_fail(ld, NULL, "out of memory");
	ld->file = s->file;
	if ((s->buf = xmlsafe_slurp(s->file, xmlsafe_data_limits.bytes, &s->len, ld->d)) == NULL)
		return -1;
	catalog_hash_file(h, name, s->buf, s->len);
	return 0;
}

/* One part: scanned and validated against XSD unless it is NULL (content
 * known valid: it passed both before), parsed, then read by the loader of
 * its root element. */
static int load_part(struct loader *ld, struct xschema *xsd, const struct src *s)
{
	ld->file = s->file;
	xmlDocPtr doc = xmlsafe_read_memory(s->buf, s->len, s->file,
					    xsd ? &xmlsafe_data_limits : NULL, ld->d);
	if (doc == NULL)
		return -1;
	int rc = xsd ? xmlsafe_validate(xsd, doc, ld->file, ld->d) : 0;
	const xmlNode *root = xmlDocGetRootElement(doc);
	if (rc == 0 && ld->full)	/* only 'iotscope catalog' shows them */
		rc = collect_repairs(ld, root);
	if (rc == 0) {
		if (xml_is(root, "vocabulary"))
			rc = ld_vocabulary(ld, root);
		else if (xml_is(root, "map"))
			rc = ld_map(ld, root);
		else if (xml_is(root, "countermeasures"))
			rc = ld_countermeasures(ld, root);
		else if (xml_is(root, "annex"))
			rc = ld_annex(ld, root);
		else if (xml_is(root, "patterns"))
			rc = ld_patterns(ld, root);
		else if (xml_is(root, "guidance"))
			rc = ld_guidance(ld, root);
		else if (xml_is(root, "clauses"))
			rc = ld_clauses(ld, root);
		else if (xml_is(root, "glossary"))
			rc = ld_glossary(ld, root);
		else if (xml_is(root, "annex7"))
			rc = ld_annex7(ld, root);
		else if (xml_is(root, "pages"))
			rc = ld_pages(ld, root);
		else
			rc = ld_fail(ld, root, "<%s> cannot be a part of the catalog",
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
	if (!ld->seen_vocabulary || !ld->seen_patterns || ld->n_checklists == 0)
		return ld_fail(ld, NULL, "catalog.xml does not name every part "
			    "(vocabulary, patterns, a checklist)");
	for (int m = 0; m < N_MAPS; m++)
		if (!ld->seen_map[m])
			return ld_fail(ld, NULL, "map %s is missing", catalog_map_id((enum map_id)m));
	c->cms = arena_array(c->arena, ld->ncms, sizeof *c->cms);
	c->checklists = arena_array(c->arena, ld->n_checklists, sizeof *c->checklists);
	if (c->cms == NULL || c->checklists == NULL)
		return ld_fail(ld, NULL, "out of memory");
	memcpy(c->cms, ld->cms, ld->ncms * sizeof *c->cms);
	memcpy(c->checklists, ld->checklists, ld->n_checklists * sizeof *c->checklists);
	c->n_checklists = ld->n_checklists;
	c->ncms = ld->ncms;
	qsort(c->cms, c->ncms, sizeof *c->cms, cmp_cm);
	for (size_t i = 1; i < c->ncms; i++)
		if (strcmp(c->cms[i].id, c->cms[i - 1].id) == 0 ||
		    c->cms[i].order == c->cms[i - 1].order)
			return ld_fail(ld, NULL, "countermeasure '%s' defined twice", c->cms[i].id);
	for (int m = 0; m < N_MAPS; m++) {
		struct cat_map *map = &c->maps[m];
		for (size_t r = 0; r < map->nrows; r++) {
			struct cat_row *row = &map->rows[r];
			for (size_t k = 0; k < row->ncms; k++) {
				row->cms[k] = catalog_cm_index(c, row->cm_ids[k]);
				if (row->cms[k] < 0) {
					diag_set(ld->d, "%s:%d: map %s names countermeasure '%s', "
						 "which IV.5 does not define", row->file, row->line,
						 catalog_map_id((enum map_id)m), row->cm_ids[k]);
					return -1;
				}
				c->cms[row->cms[k]].named_by_map = 1;
			}
		}
	}
	return 0;
}

/* Everything a load reads, so that its hash is known before the schema
 * is needed. */
struct sources {
	struct src xsd, top;
	struct src *parts;
	size_t nparts;
	xmlDocPtr doc;		/* catalog.xml */
};

static void sources_free(struct sources *m)
{
	free(m->xsd.buf);
	free(m->top.buf);
	for (size_t i = 0; i < m->nparts; i++)
		free(m->parts[i].buf);
	free(m->parts);
	xmlFreeDoc(m->doc);
}

static int read_parts(struct loader *ld, const char *dir, struct sources *m, uint64_t *h)
{
	const xmlNode *root = xmlDocGetRootElement(m->doc);
	size_t n = 0;
	for (const xmlNode *p = xml_first(root, "part"); p; p = xml_next(p, "part"))
		n++;
	if ((m->parts = calloc(n ? n : 1, sizeof *m->parts)) == NULL)
		return ld_fail(ld, NULL, "out of memory");
	for (const xmlNode *p = xml_first(root, "part"); p; p = xml_next(p, "part")) {
		char *file = xml_attr(p, "file");
		ld->file = m->top.file;
		int rc = file == NULL || strchr(file, '/') != NULL || file[0] == '.' ?
			ld_fail(ld, p, "part file must be a plain name in the catalog directory") :
			read_src(ld, dir, file, &m->parts[m->nparts++], h);
		xmlFree(file);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* Read every file; RC < 0 when one cannot be: then a manifest that does
 * not match its schema is what gets reported, as when it was checked
 * first. */
static int read_sources(struct loader *ld, const char *dir, struct sources *m)
{
	uint64_t h;
	catalog_hash_init(&h);
	int rc = read_src(ld, dir, "catalog.xsd", &m->xsd, &h);
	if (rc == 0)
		rc = read_src(ld, dir, "catalog.xml", &m->top, &h);
	if (rc == 0 && (m->doc = xmlsafe_read_memory(m->top.buf, m->top.len, m->top.file, &xmlsafe_data_limits,
						     ld->d)) == NULL)
		rc = -1;
	if (rc == 0 && read_parts(ld, dir, m, &h) < 0) {
		struct diag md = DIAG_INIT;
		struct xschema *xsd = xschema_load(m->xsd.file, &md);
		if (xsd != NULL && xmlsafe_validate(xsd, m->doc, m->top.file, &md) < 0) {
			diag_clear(ld->d);
			diag_set(ld->d, "%s", diag_msg(&md));
		}
		xschema_free(xsd);
		diag_clear(&md);
		rc = -1;
	}
	snprintf(ld->c->hash, sizeof ld->c->hash, "%016llx", (unsigned long long)h);
	return rc;
}

static int load_manifest(struct loader *ld, const char *dir)
{
	struct sources m = { .parts = NULL };
	struct xschema *xsd = NULL;
	int rc = read_sources(ld, dir, &m);
	int known = rc == 0 && !ld->full && catalog_cache_known(ld->c->hash);
	ld->file = m.top.file;
	if (rc == 0 && !known) {
		xsd = xschema_load(m.xsd.file, ld->d);
		rc = xsd ? xmlsafe_validate(xsd, m.doc, m.top.file, ld->d) : -1;
	}
	const xmlNode *root = rc == 0 ? xmlDocGetRootElement(m.doc) : NULL;
	if (rc == 0 && !xml_is(root, "catalog"))
		rc = ld_fail(ld, root, "expected <catalog>, found <%s>", (const char *)root->name);
	if (rc == 0) {
		struct catalog *c = ld->c;
		c->edition = ld_attr_dup(ld, root, "edition");
		c->revision = ld_attr_int(root, "revision");
		c->title = ld_child_text(ld, root, "title");
		c->source = ld_child_text(ld, root, "source");
		if (!c->edition || !c->title || !c->source)
			rc = -1;
	}
	for (size_t i = 0; i < m.nparts && rc == 0; i++)
		rc = load_part(ld, xsd, &m.parts[i]);
	/* the part names, for the snapshot (catalog_snapshot.c) */
	size_t skip = strlen(dir) + 1;
	if (rc == 0 && (ld->parts = calloc(m.nparts ? m.nparts : 1, sizeof *ld->parts)) != NULL)
		for (size_t i = 0; i < m.nparts; i++)
			ld->parts[ld->nparts++] = m.parts[i].file + skip;
	if (rc == 0 && !known)
		catalog_cache_remember(ld->c->hash);
	xschema_free(xsd);
	sources_free(&m);
	return rc;
}

int catalog_content_hash(const char *dir, char hash[17], struct diag *d)
{
	struct catalog c = { .arena = arena_new() };
	struct loader ld = { .c = &c, .d = d, .file = dir };
	struct sources m = { .parts = NULL };
	int rc = c.arena ? read_sources(&ld, dir, &m) : ld_fail(&ld, NULL, "out of memory");
	memcpy(hash, c.hash, sizeof c.hash);
	sources_free(&m);
	arena_free(c.arena);
	return rc;
}

struct catalog *catalog_load(const char *dir, struct diag *d)
{
	return catalog_load_checked(dir, 0, d);
}

struct catalog *catalog_load_checked(const char *dir, int full, struct diag *d)
{
	/* a warm start: the image of these very files, no XML parsed */
	struct catalog *c = full ? NULL : catalog_snapshot_load(dir);
	if (c != NULL && (c->plan = derive_plan_build(c)) == NULL) {
		catalog_free(c);
		diag_set(d, "out of memory");
		return NULL;
	}
	if (c != NULL)
		return c;
	c = calloc(1, sizeof *c);
	struct arena *a = arena_new();
	if (c == NULL || a == NULL) {
		free(c);
		arena_free(a);
		diag_set(d, "out of memory");
		return NULL;
	}
	c->arena = a;
	c->dir = arena_strdup(a, dir);
	struct loader ld = { .c = c, .d = d, .file = dir, .full = full };
	int rc = c->dir ? load_manifest(&ld, dir) : -1;
	if (rc == 0)
		rc = link_catalog(&ld);
	if (rc == 0)
		rc = ld_guidance_link(&ld);
	if (rc == 0 && (c->plan = derive_plan_build(c)) == NULL)
		rc = ld_fail(&ld, NULL, "out of memory");
	if (rc == 0 && ld.nrepairs > 0) {
		c->repairs = arena_array(a, ld.nrepairs, sizeof *c->repairs);
		if (c->repairs == NULL)
			rc = ld_fail(&ld, NULL, "out of memory");
		else
			memcpy(c->repairs, ld.repairs, ld.nrepairs * sizeof *ld.repairs);
		c->nrepairs = ld.nrepairs;
	}
	if (rc == 0 && !full && ld.parts != NULL)
		catalog_snapshot_save(c, ld.parts, ld.nparts);
	free(ld.parts);
	free(ld.cms);
	free(ld.repairs);
	free(ld.checklists);
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
