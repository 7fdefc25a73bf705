/* store_list.c - the list of assessments, a page at a time: one query
 * over the assessments, their name and operator, and the progress table
 * (schema 3).  The figures of an assessment that an edit made stale (the
 * triggers drop its row in the edit's transaction) or that were worked
 * out under another catalog are worked out again (load + derive) and
 * kept, in one write transaction per page.  Nothing here grows with the
 * number of assessments but the walk itself (issue 11). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

enum { PAGE = 256 };

struct list_row {
	struct assessment_summary s;
	int stale;
};

/* What the figures depend on besides the assessment: the catalog's
 * content and the form's cells. */
static char *basis_of(const struct catalog *c, const struct form *f)
{
	return str_printf("%s/%zu", c->hash, f->ncells);
}

static int row_read(sqlite3_stmt *s, struct list_row *r)
{
	struct assessment_progress *p = &r->s.progress;
	memset(r, 0, sizeof *r);
	r->s.id = sqlite3_column_int64(s, 0);
	if (store_column_text(s, 1, &r->s.changed) < 0 || store_column_text(s, 2, &r->s.name) < 0 ||
	    store_column_text(s, 3, &r->s.operator_) < 0)
		return -1;
	if ((r->s.changed == NULL && (r->s.changed = strdup("")) == NULL) ||
	    (r->s.name == NULL && (r->s.name = strdup("")) == NULL))
		return -1;
	r->stale = sqlite3_column_type(s, 4) == SQLITE_NULL;
	size_t *col[] = { &p->answered, &p->cells, &p->derived, &p->reviewed, &p->dropped,
			  &p->checks_done, &p->checks };
	for (int i = 0; i < 7; i++)
		*col[i] = (size_t)sqlite3_column_int64(s, 4 + i);
	return 0;
}

static void rows_free(struct list_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].s.name);
		free(rows[i].s.operator_);
		free(rows[i].s.changed);
	}
}

static int read_page(struct store *st, const char *basis, int64_t after, size_t max,
		     struct list_row *rows, size_t *n, struct diag *d)
{
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, d,
		"SELECT a.id, a.changed, n.value, o.value, p.answered, p.cells, p.derived,"
		" p.reviewed, p.dropped, p.checks_done, p.checks FROM assessments a"
		" LEFT JOIN details n ON n.assessment_id = a.id AND n.key = 'name'"
		" LEFT JOIN details o ON o.assessment_id = a.id AND o.key = 'operator'"
		" LEFT JOIN progress p ON p.assessment_id = a.id AND p.basis = ?"
		" WHERE a.id > ? ORDER BY a.id LIMIT ?", "tii", basis, after, (int64_t)max);
	if (s == NULL)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (row_read(s, &rows[*n]) < 0) {
			rows_free(rows, *n + 1);
			sqlite3_reset(s);
			diag_set(d, "out of memory");
			return -1;
		}
		(*n)++;
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return 0;
	rows_free(rows, *n);
	return store_fail(st, d, "cannot read the list");
}

static int keep(struct store *st, const char *basis, int64_t id,
		const struct assessment_progress *p, struct diag *d)
{
	return store_exec(st, d, "INSERT OR REPLACE INTO progress (assessment_id, basis, "
			  "answered, cells, derived, reviewed, dropped, checks_done, checks) "
			  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", "itiiiiiii", id, basis,
			  (int64_t)p->answered, (int64_t)p->cells, (int64_t)p->derived,
			  (int64_t)p->reviewed, (int64_t)p->dropped, (int64_t)p->checks_done,
			  (int64_t)p->checks);
}

/* Work out the stale figures; keep them when the database can be written
 * now (a busy or damaged one still gets a right list, just not kept). */
static int refresh(struct store *st, const struct catalog *c, const struct form *f,
		   const char *basis, struct list_row *rows, size_t n, struct diag *d)
{
	size_t stale = 0;
	for (size_t i = 0; i < n; i++)
		stale += rows[i].stale;
	if (stale == 0)
		return 0;
	/* a list does not wait for another writer: it keeps the figures
	 * only when the database is free now */
	struct diag busy = DIAG_INIT;
	sqlite3_busy_timeout(st->db, 0);
	int writing = store_begin(st, &busy) == 0;
	sqlite3_busy_timeout(st->db, st->busy_ms);	/* as the caller set it */
	diag_clear(&busy);
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (!rows[i].stale)
			continue;
		struct assessment *a = writing ? store_read_one(st, rows[i].s.id, f, d)
			: store_load(st, rows[i].s.id, f, d);
		if (a == NULL) {
			rc = -1;
			break;
		}
		if (assessment_progress_of(a, c, &rows[i].s.progress) < 0)
			rc = -1, diag_set(d, "out of memory");
		else if (writing)
			rc = keep(st, basis, a->id, &rows[i].s.progress, d);
		assessment_free(a);
	}
	if (writing && rc == 0 && store_commit(st, &busy) < 0)
		diag_clear(&busy);	/* not kept: worked out again next time */
	else if (writing && rc < 0)
		store_rollback(st);
	return rc;
}

int store_list_each(struct store *st, const struct catalog *c, const struct form *f,
		    int64_t after, size_t max, store_list_fn *fn, void *ctx,
		    struct diag *d)
{
	char *basis = basis_of(c, f);
	struct list_row *rows = calloc(PAGE, sizeof *rows);
	if (basis == NULL || rows == NULL) {
		free(basis);
		free(rows);
		diag_set(d, "out of memory");
		return -1;
	}
	int rc = 0;
	for (size_t left = max ? max : SIZE_MAX; rc == 0 && left > 0;) {
		size_t n;
		if (read_page(st, basis, after, left < PAGE ? left : PAGE, rows, &n, d) < 0) {
			rc = -1;
			break;
		}
		if (refresh(st, c, f, basis, rows, n, d) < 0)
			rc = -1;
		for (size_t i = 0; i < n && rc == 0; i++)
			rc = fn(&rows[i].s, ctx);
		rows_free(rows, n);
		if (n < PAGE)
			break;
		after = rows[n - 1].s.id;
		left -= n;
	}
	free(rows);
	free(basis);
	return rc;
}

/* ---------- all of them in one array ---------- */

struct collect {
	struct assessment_summary *v;
	size_t n, cap;
};

static int collect_one(const struct assessment_summary *s, void *ctx)
{
	struct collect *k = ctx;
	if (k->n == k->cap) {
		size_t cap = k->cap ? 2 * k->cap : 64;
		struct assessment_summary *v = realloc(k->v, cap * sizeof *v);
		if (v == NULL)
			return -1;
		k->v = v;
		k->cap = cap;
	}
	struct assessment_summary *o = &k->v[k->n];
	*o = *s;
	o->name = strdup(s->name);
	o->changed = strdup(s->changed);
	o->operator_ = s->operator_ ? strdup(s->operator_) : NULL;
	k->n++;
	return o->name == NULL || o->changed == NULL ||
		(s->operator_ != NULL && o->operator_ == NULL) ? -1 : 0;
}

int store_list(struct store *st, const struct catalog *c, const struct form *f,
	       struct assessment_summary **out, size_t *n, struct diag *d)
{
	return store_list_range(st, c, f, 0, 0, out, n, d);
}

int store_list_range(struct store *st, const struct catalog *c, const struct form *f,
		     int64_t after, size_t max, struct assessment_summary **out, size_t *n,
		     struct diag *d)
{
	struct collect k = { NULL, 0, 0 };
	*out = NULL;
	*n = 0;
	int rc = store_list_each(st, c, f, after, max, collect_one, &k, d);
	if (rc != 0) {
		if (d->msg == NULL)
			diag_set(d, "out of memory");
		store_summaries_free(k.v, k.n);
		return -1;
	}
	*out = k.v;
	*n = k.n;
	return 0;
}

void store_summaries_free(struct assessment_summary *s, size_t n)
{
	if (s == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		free(s[i].name);
		free(s[i].operator_);
		free(s[i].changed);
	}
	free(s);
}

/* ---------- positions, for a list shown a page at a time ---------- */

static int one_int(struct store *st, struct diag *d, sqlite3_stmt *s, int64_t *v)
{
	if (s == NULL)
		return -1;
	int rc = sqlite3_step(s);
	*v = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : store_fail(st, d, "cannot read");
}

int store_count(struct store *st, size_t *n, struct diag *d)
{
	int64_t v;
	int rc = one_int(st, d, store_stmt(st, d, "SELECT count(*) FROM assessments", ""), &v);
	*n = (size_t)v;
	return rc;
}

int store_position(struct store *st, int64_t id, size_t *pos, struct diag *d)
{
	int64_t v;
	int rc = one_int(st, d, store_stmt(st, d, "SELECT count(*) FROM assessments "
					   "WHERE id < ?", "i", id), &v);
	*pos = (size_t)v;
	return rc;
}

int store_id_at(struct store *st, size_t pos, int64_t *id, struct diag *d)
{
	return one_int(st, d, store_stmt(st, d, "SELECT id FROM assessments ORDER BY id "
					 "LIMIT 1 OFFSET ?", "i", (int64_t)pos), id);
}
