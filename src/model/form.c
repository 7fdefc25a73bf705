/* form.c - load the Fig. 16 template */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog_cache.h"
#include "catalog_snapshot.h"
#include "form.h"
#include "xmlsafe.h"

static const char *const kind_prefix[N_CELL_KINDS] = {
	"provide.", "recommend.", "delegate.", "execute.", "data-content", "external."
};

struct fload {
	struct form *f;
	const struct catalog *cat;
	struct diag *d;
	const char *file;
	size_t cap_lines, cap_cells;
};

static int ferr(struct fload *ld, const xmlNode *n, const char *what, const char *arg)
{
	diag_set(ld->d, "%s:%ld: %s%s%s", ld->file, n ? xmlGetLineNo(n) : 0L, what,
		 arg ? " " : "", arg ? arg : "");
	return -1;
}

static const char *ftext(struct fload *ld, const xmlNode *n)
{
	if (n == NULL)
		return NULL;
	char *t = xml_text(n);
	const char *s = t ? arena_strdup(ld->f->arena, t) : NULL;
	free(t);
	return s;
}

static const char *fattr(struct fload *ld, const xmlNode *n, const char *name)
{
	char *v = xml_attr(n, name);
	const char *s = v ? arena_strdup(ld->f->arena, v) : NULL;
	xmlFree(v);
	return s;
}

/* "provide.lan" -> CELL_PROVIDE, component 1; -1 when not a known id. */
static int parse_cell_id(const struct catalog *cat, const char *id,
			 enum cell_kind *kind, int *index)
{
	for (int k = 0; k < N_CELL_KINDS; k++) {
		size_t n = strlen(kind_prefix[k]);
		if (strncmp(id, kind_prefix[k], n) != 0)
			continue;
		const char *rest = id + n;
		*kind = (enum cell_kind)k;
		switch (k) {
		case CELL_PROVIDE:
		case CELL_RECOMMEND:
			*index = catalog_component_index(cat, rest);
			break;
		case CELL_DELEGATE:
		case CELL_EXECUTE:
			*index = catalog_exec_role_index(cat, rest);
			break;
		case CELL_EXTERNAL:
			*index = catalog_external_index(cat, rest);
			break;
		default:
			*index = *rest == '\0' ? 0 : -1;
			break;
		}
		return *index >= 0 && *index < CELL_INDEX_MAX ? 0 : -1;
	}
	return -1;
}

/* Cells by id, for a binary search: each stored row names its cell
 * (the list read every cell of every assessment by a linear scan). */
static const struct form *sorting;

static int by_id_cmp(const void *x, const void *y)
{
	return strcmp(sorting->cells[*(const int *)x].id, sorting->cells[*(const int *)y].id);
}

static int index_cells(struct form *f, struct diag *d)
{
	if ((f->by_id = malloc((f->ncells ? f->ncells : 1) * sizeof *f->by_id)) == NULL) {
		diag_set(d, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < f->ncells; i++)
		f->by_id[i] = (int)i;
	sorting = f;
	qsort(f->by_id, f->ncells, sizeof *f->by_id, by_id_cmp);
	sorting = NULL;
	return 0;
}

int form_cell_index(const struct form *f, const char *id)
{
	if (f->by_id == NULL) {	/* while loading: the duplicate check */
		for (size_t i = 0; i < f->ncells; i++)
			if (strcmp(f->cells[i].id, id) == 0)
				return (int)i;
		return -1;
	}
	size_t lo = 0, hi = f->ncells;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int k = f->by_id[mid], c = strcmp(f->cells[k].id, id);
		if (c == 0)
			return k;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

const char *form_line_subject(const struct catalog *c, const struct form_line *l)
{
	if (l->component >= 0)
		return c->components[l->component].label;
	if (l->role >= 0)
		return c->exec_roles[l->role].label;
	if (l->external >= 0)
		return c->externals[l->external].label;
	return NULL;
}

int form_is_fixed(const struct form *f, const char *id)
{
	for (size_t i = 0; i < f->nlines; i++)
		for (int c = 0; c < f->lines[i].ncells; c++)
			if (f->lines[i].cells[c].type == FCELL_FIXED &&
			    strcmp(f->lines[i].cells[c].fixed_id, id) == 0)
				return 1;
	return 0;
}

static int add_cell_def(struct fload *ld, const xmlNode *n, const char *id, int line)
{
	struct form *f = ld->f;
	enum cell_kind kind;
	int index;
	if (parse_cell_id(ld->cat, id, &kind, &index) < 0)
		return ferr(ld, n, "unknown survey cell", id);
	if (form_cell_index(f, id) >= 0)
		return ferr(ld, n, "survey cell defined twice:", id);
	if (f->ncells == ld->cap_cells)
		return ferr(ld, n, "too many survey cells", NULL);
	struct form_cell_def *c = &f->cells[f->ncells];
	c->id = arena_strdup(f->arena, id);
	c->kind = kind;
	c->index = index;
	c->line = line;
	if (c->id == NULL)
		return ferr(ld, n, "out of memory", NULL);
	f->cell_of[kind][index] = (int)f->ncells++;
	return 0;
}

static int read_cell(struct fload *ld, const xmlNode *e, struct form_line *line, int lineno)
{
	struct form_cell *cell = &line->cells[line->ncells++];
	char *col = xml_attr(e, "column");
	cell->column = col ? col[0] - 'A' : 0;
	xmlFree(col);
	cell->cell = -1;
	cell->needs = -1;
	char *answer = xml_attr(e, "answer"), *fixed = xml_attr(e, "fixed");
	char *mirror = xml_attr(e, "mirror"), *needs = xml_attr(e, "needs");
	int rc = 0;
	if (answer != NULL) {
		cell->type = FCELL_ANSWER;
		rc = add_cell_def(ld, e, answer, lineno);
		cell->cell = rc == 0 ? (int)ld->f->ncells - 1 : -1;
	} else if (fixed != NULL) {
		cell->type = FCELL_FIXED;
		cell->fixed_id = arena_strdup(ld->f->arena, fixed);
		rc = cell->fixed_id ? 0 : ferr(ld, e, "out of memory", NULL);
	} else if (mirror != NULL) {
		cell->type = FCELL_MIRROR;
		cell->cell = form_cell_index(ld->f, mirror);
		if (cell->cell < 0)
			rc = ferr(ld, e, "mirror of a cell not defined above:", mirror);
	} else {
		rc = ferr(ld, e, "a cell must be answer, fixed or mirror", NULL);
	}
	if (rc == 0 && needs != NULL && (cell->needs = form_cell_index(ld->f, needs)) < 0)
		rc = ferr(ld, e, "needs a cell not defined above:", needs);
	xmlFree(answer);
	xmlFree(fixed);
	xmlFree(mirror);
	xmlFree(needs);
	return rc;
}

static int read_line(struct fload *ld, const xmlNode *e, int group, int block)
{
	struct form *f = ld->f;
	if (f->nlines == ld->cap_lines)
		return ferr(ld, e, "too many lines", NULL);
	struct form_line *line = &f->lines[f->nlines];
	line->group = group;
	line->block = block;
	line->item = fattr(ld, e, "item");
	char *v = xml_attr(e, "component");
	line->component = v ? catalog_component_index(ld->cat, v) : -1;
	int bad = v && line->component < 0;
	xmlFree(v);
	v = xml_attr(e, "role");
	line->role = v ? catalog_exec_role_index(ld->cat, v) : -1;
	bad |= v && line->role < 0;
	xmlFree(v);
	v = xml_attr(e, "external");
	line->external = v ? catalog_external_index(ld->cat, v) : -1;
	bad |= v && line->external < 0;
	xmlFree(v);
	if (bad)
		return ferr(ld, e, "unknown component, role or external id", NULL);
	for (const xmlNode *c = xml_first(e, "cell"); c; c = xml_next(c, "cell"))
		if (read_cell(ld, c, line, (int)f->nlines) < 0)
			return -1;
	f->nlines++;
	return 0;
}

static int count(const xmlNode *root, const char *a, const char *b, const char *c)
{
	int n = 0;
	for (const xmlNode *x = xml_first(root, a); x; x = xml_next(x, a))
		for (const xmlNode *y = xml_first(x, b); y; y = xml_next(y, b)) {
			if (c == NULL)
				n++;
			else
				for (const xmlNode *z = xml_first(y, c); z; z = xml_next(z, c))
					n++;
		}
	return n;
}

static int read_form(struct fload *ld, const xmlNode *root)
{
	struct form *f = ld->f;
	f->title = ftext(ld, xml_first(root, "title"));
	f->heading = ftext(ld, xml_first(root, "heading"));
	int i = 0;
	for (const xmlNode *c = xml_first(root, "column"); c && i < 3; c = xml_next(c, "column"))
		f->columns[i++] = ftext(ld, c);
	for (const xmlNode *g = xml_first(root, "group"); g; g = xml_next(g, "group"))
		f->ngroups++;
	f->nblocks = (size_t)count(root, "group", "block", NULL);
	ld->cap_lines = (size_t)count(root, "group", "block", "line");
	ld->cap_cells = ld->cap_lines * 3;
	f->groups = arena_array(f->arena, f->ngroups, sizeof *f->groups);
	f->blocks = arena_array(f->arena, f->nblocks, sizeof *f->blocks);
	f->lines = arena_array(f->arena, ld->cap_lines, sizeof *f->lines);
	f->cells = arena_array(f->arena, ld->cap_cells, sizeof *f->cells);
	if (!f->title || !f->heading || !f->groups || !f->blocks || !f->lines || !f->cells)
		return ferr(ld, root, "out of memory", NULL);
	size_t gi = 0, bi = 0;
	for (const xmlNode *g = xml_first(root, "group"); g; g = xml_next(g, "group"), gi++) {
		f->groups[gi].id = fattr(ld, g, "id");
		f->groups[gi].label = ftext(ld, xml_first(g, "label"));
		for (const xmlNode *b = xml_first(g, "block"); b; b = xml_next(b, "block"), bi++) {
			struct form_block *blk = &f->blocks[bi];
			blk->id = fattr(ld, b, "id");
			blk->group = (int)gi;
			blk->label = ftext(ld, xml_first(b, "label"));
			blk->instruction = ftext(ld, xml_first(b, "instruction"));
			blk->effect = ftext(ld, xml_first(b, "effect"));
			char *ln = xml_attr(b, "line");
			blk->line = ln ? atoi(ln) : 0;
			xmlFree(ln);
			blk->first = f->nlines;
			for (const xmlNode *l = xml_first(b, "line"); l; l = xml_next(l, "line"))
				if (read_line(ld, l, (int)gi, (int)bi) < 0)
					return -1;
			blk->nlines = f->nlines - blk->first;
		}
	}
	return 0;
}

/* The form's files as read: their hash keys the validation cache and
 * the snapshot (catalog_cache.c, catalog_snapshot.c). */
struct form_src {
	char *buf;
	size_t len;
	uint64_t hash;
};

static int read_form_src(const char *xsd_path, const char *path, struct form_src *s,
			 struct diag *d)
{
	size_t nx = 0;
	char *x = xmlsafe_slurp(xsd_path, xmlsafe_data_limits.bytes, &nx, d);
	s->buf = x ? xmlsafe_slurp(path, xmlsafe_data_limits.bytes, &s->len, d) : NULL;
	catalog_hash_init(&s->hash);
	catalog_hash_add(&s->hash, "form", 5);
	catalog_hash_add(&s->hash, &nx, sizeof nx);
	catalog_hash_add(&s->hash, x ? x : "", nx);
	catalog_hash_add(&s->hash, s->buf ? s->buf : "", s->len);
	free(x);
	return s->buf ? 0 : -1;
}

/* Parsed, and validated when this content has not passed before. */
static xmlDocPtr read_checked(const char *xsd_path, const char *path,
			      const struct form_src *s, struct diag *d)
{
	char hash[17];
	snprintf(hash, sizeof hash, "%016llx", (unsigned long long)s->hash);
	xmlDocPtr doc = xmlsafe_read_memory(s->buf, s->len, path, &xmlsafe_data_limits, d);
	if (doc == NULL || catalog_cache_known(hash))
		return doc;
	struct xschema *xsd = xschema_load(xsd_path, d);
	if (xsd == NULL || xmlsafe_validate(xsd, doc, path, d) < 0) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xschema_free(xsd);
	if (doc != NULL)
		catalog_cache_remember(hash);
	return doc;
}

/* A schema compiled on first use (most commands read no survey and
 * write no export). */
static struct xschema *lazy_schema(const struct form *f, int which, struct diag *d)
{
	struct form_schemas *x = f->xsd;
	if (x->schema[which] == NULL)
		x->schema[which] = xschema_load(x->path[which], d);
	return x->schema[which];
}

struct xschema *form_survey_xsd(const struct form *f, struct diag *d)
{
	return lazy_schema(f, 0, d);
}

struct xschema *form_assessment_xsd(const struct form *f, struct diag *d)
{
	return lazy_schema(f, 1, d);
}

/* What a form needs besides its data: its arena, the places of its
 * schemas, its id index.  F is the parsed form or a snapshot's image. */
static int form_finish(struct form *f, const char *dir, struct diag *d)
{
	if ((f->arena == NULL && (f->arena = arena_new()) == NULL) ||
	    (f->xsd = calloc(1, sizeof *f->xsd)) == NULL ||
	    (f->xsd->path[0] = str_printf("%s/survey.xsd", dir)) == NULL ||
	    (f->xsd->path[1] = str_printf("%s/assessment.xsd", dir)) == NULL) {
		diag_set(d, "out of memory");
		return -1;
	}
	return f->by_id == NULL ? index_cells(f, d) : 0;
}

/* Parse DIR's form (S: its files as read). */
static struct form *form_parse(const char *dir, const char *xsd_path, const char *form_path,
			       const struct form_src *s, const struct catalog *cat,
			       struct diag *d)
{
	struct form *f = calloc(1, sizeof *f);
	if (f == NULL || (f->arena = arena_new()) == NULL) {
		free(f);
		diag_set(d, "out of memory");
		return NULL;
	}
	memset(f->cell_of, -1, sizeof f->cell_of);
	struct fload ld = { .f = f, .cat = cat, .d = d, .file = form_path };
	xmlDocPtr doc = read_checked(xsd_path, form_path, s, d);
	int rc = doc != NULL && read_form(&ld, xmlDocGetRootElement(doc)) == 0 &&
		index_cells(f, d) == 0 ? 0 : -1;
	xmlFreeDoc(doc);
	if (rc == 0)
		form_snapshot_save(f, dir, cat, s->hash);
	if (rc == 0)
		rc = form_finish(f, dir, d);
	if (rc < 0) {
		form_free(f);
		return NULL;
	}
	return f;
}

struct form *form_load(const char *dir, const struct catalog *cat, struct diag *d)
{
	char *xsd_path = str_printf("%s/form.xsd", dir);
	char *form_path = str_printf("%s/fig16.xml", dir);
	struct form_src s = { .buf = NULL };
	struct form *f = NULL;
	if (!xsd_path || !form_path)
		diag_set(d, "out of memory");
	else if (read_form_src(xsd_path, form_path, &s, d) == 0 &&
		 (f = form_snapshot_load(dir, cat, s.hash)) != NULL) {
		if (form_finish(f, dir, d) < 0) {	/* a warm start: no XML parsed */
			form_free(f);
			f = NULL;
		}
	} else if (s.buf != NULL) {
		f = form_parse(dir, xsd_path, form_path, &s, cat, d);
	}
	free(s.buf);
	free(xsd_path);
	free(form_path);
	return f;
}

void form_free(struct form *f)
{
	if (f == NULL)
		return;
	for (int i = 0; f->xsd != NULL && i < 2; i++) {
		xschema_free(f->xsd->schema[i]);
		free(f->xsd->path[i]);
	}
	free(f->xsd);
	free(f->by_id);
	arena_free(f->arena);
	free(f);
}
