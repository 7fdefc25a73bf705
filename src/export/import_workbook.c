/* import_workbook.c - a filled XLSX workbook against the database
 * (issue 12).  What each cell should hold comes from running the export
 * walk over the assessment as it is now, through the same sheet tables
 * the writer used (export_xlsx_rows.c); rows are matched by the id in
 * the hidden first column, never by position.  Only the auditor's
 * columns become changes; every other difference is reported. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "export_xlsx.h"
#include "grow.h"
#include "i18n.h"
#include "text.h"
#include "xmlsafe.h"

/* What the export of the assessment now holds, one row. */
struct want_row {
	int sheet;
	const char *id;
	const char **cells;
	const char **value_ids;		/* list columns: the stable id now */
	int editable;
	const char *checklist;		/* checks: the checklist id (catalog's) */
	const char *key, *key2;		/* item or countermeasure; action key */
	enum ex_open_kind of;		/* a review, an action or a checklist item */
	enum xs_kind *lists;		/* by column: the list it holds (xs_list_kind) */
	int used;			/* a workbook row matched it */
};

struct collect {
	struct arena *ar;
	struct want_row *rows;
	size_t n, cap;
};

/* The workbook's identity and words (its hidden meta sheet). */
struct meta {
	const char *format, *assessment, *created, *hash, *what, *blank;
	const char **sheet_names;	/* by sheet (xs_nsheets) */
	const char *value_ids[32], *value_labels[32];
	int nvalues;
};

struct run {
	const char *name;
	struct wb_import *out;
	struct meta m;
	struct collect want;
	size_t cap_changes, cap_ignored;
	struct diag *d;
};

/* ---------- what the database holds ---------- */

/* Which row of the database W is: its kind and keys (copied: the
 * action keys die with the walk); -1 when out of memory. */
static int row_keys(struct collect *c, const struct xs_src *s, struct want_row *w)
{
	const char *checklist = NULL, *key = NULL, *key2 = NULL;
	if (s->open != NULL) {
		w->of = s->open->kind;
		checklist = w->of == OPEN_CHECK ? s->open->id : NULL;
		key = w->of == OPEN_CHECK ? s->open->key : s->open->id;
		key2 = w->of == OPEN_ACTION ? s->open->key : NULL;
	} else {
		w->of = s->ac ? OPEN_ACTION : s->cm ? OPEN_CM : OPEN_CHECK;
		checklist = s->cl ? s->cl->id : NULL;
		key = s->e ? s->e->id : s->cm ? s->cm->id : NULL;
		key2 = s->ac ? s->ac->key : NULL;
	}
	w->checklist = checklist ? arena_strdup(c->ar, checklist) : NULL;
	w->key = key ? arena_strdup(c->ar, key) : NULL;
	w->key2 = key2 ? arena_strdup(c->ar, key2) : NULL;
	return (checklist && !w->checklist) || (key && !w->key) || (key2 && !w->key2) ? -1 : 0;
}

static int collect_row(struct ex_ctx *x, const struct xs_row *r)
{
	struct collect *c = x->sink;
	const struct xs_sheet_def *sd = xs_def(x->c, r->sheet);
	struct want_row *w = array_grow(&c->rows, c->n, &c->cap, sizeof *c->rows, 256);
	if (w == NULL)
		goto oom;
	w->sheet = r->sheet;
	w->editable = r->editable;
	w->id = arena_strdup(c->ar, r->id);
	w->cells = arena_array(c->ar, (size_t)sd->ncols, sizeof *w->cells);
	w->value_ids = arena_array(c->ar, (size_t)sd->ncols, sizeof *w->value_ids);
	w->lists = arena_array(c->ar, (size_t)sd->ncols, sizeof *w->lists);
	if (w->id == NULL || w->cells == NULL || w->value_ids == NULL || w->lists == NULL)
		goto oom;
	for (int i = 1; i < sd->ncols; i++) {
		if (r->cells[i] != NULL && (w->cells[i] = arena_strdup(c->ar, r->cells[i])) == NULL)
			goto oom;
		w->value_ids[i] = xs_value_id(r->src, sd->cols[i].kind);
		w->lists[i] = xs_list_kind(r->src, sd->cols[i].kind);
	}
	if (row_keys(c, r->src, w) < 0)
		goto oom;
	c->n++;
	return 0;
oom:
	diag_set(x->d, "out of memory");
	return -1;
}

static int wanted_begin(struct ex_ctx *x)
{
	((struct xs_state *)x->state)->row = collect_row;
	return 0;
}

static const struct ex_writer collect_writer = {
	.state_size = sizeof(struct xs_state),
	.begin = wanted_begin,
	.details = xs_details,
	.line = xs_line,
	.cm = xs_cm,
	.entry = xs_entry,
	.open_item = xs_open_item,
	.crosswalk_row = xs_crosswalk_row,
};

/* The rows an export of O would hold now (into r->want). */
static int wanted(struct run *r, const struct catalog *c, const struct form *f,
		  const struct assessment *a, const struct export_options *o)
{
	struct ex_ctx x = { .c = c, .f = f, .a = a, .o = o, .d = r->d, .generated_at = "-",
			    .kind = r->m.what };
	x.sink = &r->want;
	int rc = export_prepare(&x);
	if (rc == 0)
		rc = export_walk(&x, &collect_writer);
	export_release(&x);
	return rc;
}

/* ---------- the meta sheet ---------- */

/* The workbook's identity; what it exports into O (the catalog's words). */
static int read_meta(struct run *r, const struct catalog *c, const struct xl_book *b,
		     struct export_options *o)
{
	const struct xl_sheet *s = xl_sheet(b, XS_META_SHEET);
	struct meta *m = &r->m;
	m->sheet_names = arena_array(r->out->arena, (size_t)xs_nsheets(c), sizeof *m->sheet_names);
	if (m->sheet_names == NULL) {
		diag_set(r->d, "out of memory");
		return -1;
	}
	if (s == NULL) {
		diag_set(r->d, _("%s: not a workbook iotscope wrote (it has no %s sheet)"),
			 r->name, XS_META_SHEET);
		return -1;
	}
	for (size_t i = 0; i < s->nrows; i++) {
		const struct xl_row *row = &s->rows[i];
		const char *k = row->ncells > 0 ? row->cells[0] : NULL;
		const char *v = row->ncells > 1 ? row->cells[1] : NULL;
		const char *l = row->ncells > 2 ? row->cells[2] : NULL;
		if (k == NULL || v == NULL)
			continue;
		if (strcmp(k, "format") == 0)
			m->format = v;
		else if (strcmp(k, "assessment") == 0)
			m->assessment = v, m->created = l;
		else if (strcmp(k, "catalog") == 0)
			m->hash = v;
		else if (strcmp(k, "what") == 0)
			m->what = v;
		else if (strcmp(k, "blank") == 0)
			m->blank = v;
		else if (strcmp(k, "value") == 0 && l != NULL && m->nvalues < 32)
			m->value_ids[m->nvalues] = v, m->value_labels[m->nvalues++] = l;
		else if (strcmp(k, "sheet") == 0 && l != NULL)
			for (int t = 0; t < xs_nsheets(c); t++)
				if (strcmp(v, xs_key(c, t)) == 0)
					m->sheet_names[t] = l;
	}
	if (m->format == NULL || strcmp(m->format, XS_FORMAT) != 0 || m->what == NULL ||
	    export_what_parse(c, m->what, o) < 0) {
		diag_set(r->d, _("%s: not a workbook iotscope wrote (format %s)"), r->name,
			 m->format ? m->format : "?");
		return -1;
	}
	return 0;
}

static int same_assessment(struct run *r, const struct catalog *c, const struct assessment *a)
{
	const struct meta *m = &r->m;
	char id[32];
	snprintf(id, sizeof id, "%lld", (long long)a->id);
	if (m->assessment == NULL || strcmp(m->assessment, id) != 0 || m->created == NULL ||
	    a->created == NULL || strcmp(m->created, a->created) != 0) {
		diag_set(r->d, _("%s: this workbook is of another assessment (%s, created %s), "
				 "not of assessment %s (created %s); nothing read"), r->name,
			 m->assessment ? m->assessment : "?", m->created ? m->created : "?", id,
			 a->created ? a->created : "?");
		return -1;
	}
	if (m->hash == NULL || strcmp(m->hash, c->hash) != 0) {
		diag_set(r->d, _("%s: this workbook was written with another catalog (%s; this "
				 "one is %s): export the workbook again"), r->name,
			 m->hash ? m->hash : "?", c->hash);
		return -1;
	}
	return 0;
}

/* ---------- reports ---------- */

static int ignored(struct run *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int ignored(struct run *r, const char *fmt, ...)
{
	struct wb_import *o = r->out;
	const char **slot = array_grow(&o->ignored, o->nignored, &r->cap_ignored,
					sizeof *o->ignored, 32);
	if (slot == NULL)
		goto oom;
	va_list ap;
	va_start(ap, fmt);
	char *s = str_vprintf(fmt, ap);
	va_end(ap);
	const char *kept = s ? arena_strdup(o->arena, s) : NULL;
	free(s);
	if (kept == NULL)
		goto oom;
	*slot = kept;
	o->nignored++;
	return 0;
oom:
	diag_set(r->d, "out of memory");
	return -1;
}

static struct wb_change *new_change(struct run *r)
{
	struct wb_import *o = r->out;
	struct wb_change *c = array_grow(&o->changes, o->nchanges, &r->cap_changes,
					 sizeof *o->changes, 32);
	if (c == NULL) {
		diag_set(r->d, "out of memory");
		return NULL;
	}
	o->nchanges++;
	return c;
}

/* ---------- cells ---------- */

static int same(const char *x, const char *y)
{
	x = x && x[0] ? x : NULL;
	y = y && y[0] ? y : NULL;
	return (x == NULL && y == NULL) || (x != NULL && y != NULL && strcmp(x, y) == 0);
}

/* S, a time as the workbook shows it (time_local: "...T14:45:33+09:00",
 * or UTC "...Z"), into *T; -1 when it is not that form. */
static int instant(const char *s, time_t *t)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	const char *p = s ? strptime(s, "%Y-%m-%dT%H:%M:%S", &tm) : NULL;
	long off = 0;
	if (p == NULL)
		return -1;
	if (p[0] == 'Z' && p[1] == '\0') {
		off = 0;
	} else if ((p[0] == '+' || p[0] == '-') && strlen(p) == 6 && p[3] == ':' &&
		   strspn(p + 1, "0123456789") == 2 && strspn(p + 4, "0123456789") == 2) {
		off = ((p[1] - '0') * 10L + (p[2] - '0')) * 3600 + ((p[4] - '0') * 10L + (p[5] - '0')) * 60;
		off = p[0] == '-' ? -off : off;
	} else {
		return -1;
	}
	*t = timegm(&tm) - off;
	return 0;
}

/* Two "changed at" cells: the same instant, whatever zone each was shown
 * in (the workbook may have been written under another TZ). */
static int same_time(const char *x, const char *y)
{
	time_t tx, ty;
	return same(x, y) || (instant(x, &tx) == 0 && instant(y, &ty) == 0 && tx == ty);
}

/* Room for "XFD1048576". */
#define LXW_CELL_NAME 16

/* The stable id a list cell names: a label of the workbook's lists or an
 * id, valid for KIND; "none" for an empty cell; NULL when neither. */
static const char *list_value(const struct meta *m, enum xs_kind k, const char *cell)
{
	if (cell == NULL || cell[0] == '\0')
		return "none";
	int (*parse)(const char *) = k == XS_CHECK ? check_status_parse :
		k == XS_DECISION ? decision_parse : action_state_parse;
	for (int i = 0; i < m->nvalues; i++)
		if (strcmp(cell, m->value_labels[i]) == 0 && parse(m->value_ids[i]) > 0)
			return m->value_ids[i];
	const char *ids[8], *labels[8];
	int n = xs_list(k, ids, labels);
	for (int i = 0; i < n; i++)
		if (strcmp(cell, ids[i]) == 0 || strcmp(cell, labels[i]) == 0)
			return ids[i];
	return NULL;
}

/* The field a column of KIND is in a row OF: its note, owner, due date
 * or list value. */
static enum wb_field field_of(enum xs_kind kind, enum ex_open_kind of)
{
	static const enum wb_field fields[N_OPEN_KINDS][4] = {
		[OPEN_CM] = { WB_REVIEW_NOTE, WB_REVIEW_OWNER, WB_REVIEW_DUE, WB_DECISION },
		[OPEN_ACTION] = { WB_ACTION_NOTE, WB_ACTION_OWNER, WB_ACTION_DUE, WB_ACTION },
		[OPEN_CHECK] = { WB_CHECK_NOTE, WB_CHECK_OWNER, WB_CHECK_DUE, WB_CHECK },
	};
	return fields[of][kind == XS_NOTE ? 0 : kind == XS_OWNER ? 1 : kind == XS_DUE ? 2 : 3];
}

/* A column of typed text (not a list): note, owner, due date. */
static int typed(enum xs_kind k)
{
	return k == XS_NOTE || k == XS_OWNER || k == XS_DUE;
}

/* "L5": column COL (0-based) of sheet row R, as the spreadsheet names it. */
static void cell_name(char out[LXW_CELL_NAME], long r, int col)
{
	char letters[4];
	int n = 0;
	for (int c = col + 1; c > 0 && n < 3; c = (c - 1) / 26)
		letters[n++] = (char)('A' + (c - 1) % 26);
	int k = 0;
	while (n > 0)
		out[k++] = letters[--n];
	snprintf(out + k, LXW_CELL_NAME - (size_t)k, "%ld", r);
}

static int column_index(const struct xs_sheet_def *sd, enum xs_kind k)
{
	for (int i = 0; i < sd->ncols; i++)
		if (sd->cols[i].kind == k)
			return i;
	return -1;
}

struct cell_ctx {
	struct run *r;
	const struct xs_sheet_def *sd;
	const char *sheet;		/* as the workbook names it */
	const struct xl_row *row;
	struct want_row *w;
	int col;
	const char *heading;
};

static const char *cell_at(const struct xl_row *row, int col)
{
	return col >= 0 && col < row->ncells ? row->cells[col] : NULL;
}

/* What the auditor typed in a cell of KIND: a due date YYYY-MM-DD, an
 * owner on one line, a note the store takes (text.h); else the whole
 * workbook is refused, naming the cell ("Annex 1!H12"), as the store
 * would refuse the transaction without saying where.  A date Excel made
 * a number of is no due date either: the column is text. */
static int typed_ok(struct cell_ctx *k, enum xs_kind kind, const char *got)
{
	char cell[LXW_CELL_NAME];
	cell_name(cell, k->row->r, k->col);
	char *where = str_printf(_("%s: %s!%s (%s, %s)"), k->r->name, k->sheet, cell, k->w->id,
				 k->heading);
	if (where == NULL) {
		diag_set(k->r->d, "out of memory");
		return -1;
	}
	int rc = kind == XS_DUE ? due_date_check(where, got, k->r->d) :
		text_check(got, where, kind == XS_OWNER, k->r->d);
	free(where);
	char *m = rc < 0 ? str_printf(_("%s; nothing applied"), diag_msg(k->r->d)) : NULL;
	if (m != NULL) {
		free(k->r->d->msg);
		k->r->d->msg = m;
	}
	return rc;
}

/* The auditor's cell differs from the database: a change, unless the
 * database changed since the workbook was written (its "changed at"). */
static int auditor_cell(struct cell_ctx *k, const char *got)
{
	struct run *r = k->r;
	enum xs_kind kind = k->sd->cols[k->col].kind, list = k->w->lists[k->col];
	const char *old = typed(kind) ? k->w->cells[k->col] : k->w->value_ids[k->col];
	const char *now = typed(kind) ? got : list_value(&r->m, list, got);
	int blank = r->m.blank && strcmp(r->m.blank, "1") == 0;
	if (typed(kind) && got != NULL && got[0] != '\0' && !same(old, now) &&
	    typed_ok(k, kind, got) < 0)
		return -1;
	if (now == NULL && !typed(kind))
		return ignored(r, _("%s row %ld (%s), %s: '%s' is not one of the list's "
				    "values; not applied"), k->sheet, k->row->r, k->w->id,
			       k->heading, got);
	if (same(old, now) || (blank && (got == NULL || got[0] == '\0')))
		return 0;
	int at = column_index(k->sd, XS_AT);
	if (!blank && !same_time(cell_at(k->row, at), k->w->cells[at]))
		return ignored(r, _("%s row %ld (%s), %s: changed in the database since the "
				    "workbook was written (by %s at %s); not applied"), k->sheet,
			       k->row->r, k->w->id, k->heading,
			       k->w->cells[column_index(k->sd, XS_BY)] ?
			       k->w->cells[column_index(k->sd, XS_BY)] : "?",
			       k->w->cells[at] ? k->w->cells[at] : "?");
	struct wb_change *c = new_change(r);
	if (c == NULL)
		return -1;
	struct arena *ar = r->out->arena;
	c->field = field_of(kind, k->w->of);
	c->checklist = k->w->checklist;
	c->key = k->w->key;
	c->key2 = k->w->key2;
	char *where = str_printf("%s %s, %s", k->sheet, k->w->id, k->heading);
	c->where = where ? arena_strdup(ar, where) : NULL;
	free(where);
	c->old_value = old && strcmp(old, "none") != 0 ? old : NULL;
	c->new_value = now && now[0] && strcmp(now, "none") != 0 ? arena_strdup(ar, now) : NULL;
	c->old_shown = k->w->cells[k->col];
	c->new_shown = got && got[0] ? arena_strdup(ar, got) : NULL;
	c->changed_by = k->w->cells[column_index(k->sd, XS_BY)];
	c->changed_at = k->w->cells[at];
	if (c->where == NULL || (now && now[0] && strcmp(now, "none") && !c->new_value) ||
	    (got && got[0] && !c->new_shown)) {
		diag_set(r->d, "out of memory");
		return -1;
	}
	return 0;
}

static int one_cell(struct cell_ctx *k)
{
	struct run *r = k->r;
	const struct xs_col *col = &k->sd->cols[k->col];
	const char *got = cell_at(k->row, k->col);
	const char *want = k->w->cells[k->col];
	if (k->col < k->row->ncells && k->row->formula[k->col])
		return ignored(r, _("%s row %ld (%s), %s: holds a formula; not read"), k->sheet,
			       k->row->r, k->w->id, k->heading);
	if (col->kind == XS_BY || col->kind == XS_AT)
		return 0;
	if (col->kind == XS_EVIDENCE && !same(got, want))
		return ignored(r, _("%s row %ld (%s), %s: evidence is attached with "
				    "'iotscope review/check --evidence' (a workbook cannot attach a "
				    "file with its hash); not applied"), k->sheet, k->row->r,
			       k->w->id, k->heading);
	if (col->kind == XS_EVIDENCE)
		return 0;
	if (col->kind == XS_FIXED || !k->w->editable) {
		if (same(got, want) || !k->sd->compared)
			return 0;
		return ignored(r, _("%s row %ld (%s), %s: the workbook has '%s', the database "
				    "'%s'; this column is not read back"), k->sheet, k->row->r,
			       k->w->id, k->heading, got ? got : "", want ? want : "");
	}
	return auditor_cell(k, got);
}

static struct want_row *find_want(struct run *r, int sheet, const char *id)
{
	for (size_t i = 0; i < r->want.n; i++)
		if (r->want.rows[i].sheet == sheet && strcmp(r->want.rows[i].id, id) == 0)
			return &r->want.rows[i];
	return NULL;
}

static int one_row(struct run *r, const struct ex_ctx *x, int s, const struct xl_sheet *sh,
		   const struct xl_row *row)
{
	const struct xs_sheet_def *sd = xs_def(x->c, s);
	const char *id = cell_at(row, 0);
	if (id == NULL) {
		for (int c = 1; c < row->ncells; c++)
			if (row->cells[c] != NULL && row->cells[c][0] != '\0')
				return ignored(r, _("%s row %ld: no id in its first (hidden) "
						    "column; not read"), sh->name, row->r);
		return 0;
	}
	struct want_row *w = find_want(r, s, id);
	if (w == NULL)
		return ignored(r, _("%s row %ld: '%s' is not a row of this assessment; not read"),
			       sh->name, row->r, id);
	if (w->used)
		return ignored(r, _("%s row %ld: '%s' appears twice; this row not read"),
			       sh->name, row->r, id);
	w->used = 1;
	for (int c = 1; c < sd->ncols; c++) {
		char *h = xs_heading(x, s, &sd->cols[c]);
		if (h == NULL) {
			diag_set(r->d, "out of memory");
			return -1;
		}
		struct cell_ctx k = { r, sd, sh->name, row, w, c, h };
		int rc = one_cell(&k);
		free(h);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int compare(struct run *r, const struct catalog *c, const struct xl_book *b,
		   const struct export_options *o)
{
	struct ex_ctx x = { .c = c, .o = o, .only = catalog_checklist(c, o->checklist) };
	for (int s = 0; s < xs_nsheets(c); s++) {
		if (!xs_holds(&x, s) || s == XS_SUMMARY)
			continue;
		const char *name = r->m.sheet_names[s];
		const struct xl_sheet *sh = name ? xl_sheet(b, name) : NULL;
		if (sh == NULL) {
			diag_set(r->d, _("%s: the sheet '%s' is missing"), r->name,
				 name ? name : xs_key(c, s));
			return -1;
		}
		for (size_t i = 0; i < sh->nrows; i++)
			if (sh->rows[i].r > 1 && one_row(r, &x, s, sh, &sh->rows[i]) < 0)
				return -1;
	}
	return 0;
}

/* ---------- the whole ---------- */

int import_workbook_memory(const struct catalog *c, const struct form *f,
			   const struct assessment *a, const char *buf, size_t len,
			   const char *name, struct wb_import *out, struct diag *d)
{
	memset(out, 0, sizeof *out);
	struct run r = { .name = name, .out = out, .d = d };
	out->arena = arena_new();
	r.want.ar = out->arena;
	if (out->arena == NULL) {
		diag_set(d, "out of memory");
		return -1;
	}
	struct xl_book *b = xl_read(buf, len, name, d);
	struct export_options o = { .format = EXPORT_XLSX, .generated_at = "-" };
	int rc = b ? read_meta(&r, c, b, &o) : -1;
	if (rc == 0)
		rc = same_assessment(&r, c, a);
	if (rc == 0)
		rc = wanted(&r, c, f, a, &o);
	if (rc == 0)
		rc = compare(&r, c, b, &o);
	free(r.want.rows);
	xl_free(b);
	if (rc < 0)
		wb_import_free(out);
	return rc;
}

/* An XLSX is read whole into memory; ours are ~0.2 MiB. */
#define WORKBOOK_MAX_BYTES (16u << 20)

int import_workbook(const struct catalog *c, const struct form *f, const struct assessment *a,
		    const char *path, struct wb_import *out, struct diag *d)
{
	size_t len = 0;
	memset(out, 0, sizeof *out);
	char *buf = xmlsafe_slurp(path, WORKBOOK_MAX_BYTES, &len, d);
	if (buf == NULL)
		return -1;
	int rc = import_workbook_memory(c, f, a, buf, len, path, out, d);
	free(buf);
	return rc;
}

void wb_import_free(struct wb_import *w)
{
	free(w->changes);
	free(w->ignored);
	arena_free(w->arena);
	memset(w, 0, sizeof *w);
}
