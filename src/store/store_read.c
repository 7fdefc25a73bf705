/* store_read.c - reading assessments back, each inside one read
 * transaction so that it is consistent (the list: store_list.c). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

static const char *col(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

static int dup_col(sqlite3_stmt *s, int i, char **dst, struct diag *d)
{
	free(*dst);
	if (store_column_text(s, i, dst) < 0) {
		diag_set(d, "out of memory");
		return -1;
	}
	return 0;
}

static int unknown(struct store *st, const char *what, const char *v, const char *where,
		   struct diag *d)
{
	diag_set(d, "%s: unknown %s '%s' for %s (written by a newer iotscope?)", st->path,
		 what, v ? v : "", where ? where : "?");
	return -1;
}

/* ---------- one handler per table; each row is (assessment_id, ...) ---------- */

typedef int row_fn(struct store *st, struct assessment *a, sqlite3_stmt *s,
		   struct diag *d);

static int answer_row(struct store *st, struct assessment *a, sqlite3_stmt *s,
		      struct diag *d)
{
	(void)st;
	(void)d;
	const char *cell = col(s, 1), *v = col(s, 2);
	int i = cell ? form_cell_index(a->survey->form, cell) : -1;
	enum answer ans;
	if (i < 0 || v == NULL || answer_parse(v, &ans) < 0)
		return 0;	/* a cell this form does not have stays in the file */
	a->survey->answers[i] = ans;
	return 0;
}

static int review_row(struct store *st, struct assessment *a, sqlite3_stmt *s,
		      struct diag *d)
{
	const char *cm = col(s, 1);
	int dec = decision_parse(col(s, 2));
	if (cm == NULL || dec < 0)
		return unknown(st, "decision", col(s, 2), cm, d);
	if (assessment_set_decision(a, cm, (enum decision)dec, col(s, 3), d) < 0)
		return -1;
	struct cm_review *r = assessment_review(a, cm);
	return dup_col(s, 4, &r->changed_by, d) < 0 ? -1 : dup_col(s, 5, &r->changed_at, d);
}

static int action_row(struct store *st, struct assessment *a, sqlite3_stmt *s,
		      struct diag *d)
{
	const char *cm = col(s, 1), *key = col(s, 2);
	int state = action_state_parse(col(s, 3));
	if (cm == NULL || key == NULL || state < 0)
		return unknown(st, "action state", col(s, 3), cm, d);
	if (assessment_set_action(a, cm, key, (enum action_state)state, col(s, 4), d) < 0)
		return -1;
	struct action_review *x = assessment_action(a, cm, key);
	return dup_col(s, 5, &x->changed_by, d) < 0 ? -1 : dup_col(s, 6, &x->changed_at, d);
}

static int check_row(struct store *st, struct assessment *a, sqlite3_stmt *s,
		     struct diag *d)
{
	const char *checklist = col(s, 1), *item = col(s, 2);
	int status = check_status_parse(col(s, 3));
	if (checklist == NULL || item == NULL || status < 0)
		return unknown(st, "checklist status", col(s, 3), item, d);
	if (assessment_set_check(a, checklist, item, (enum check_status)status, col(s, 4), d) < 0)
		return -1;
	struct check_entry *e = assessment_check(a, checklist, item);
	return dup_col(s, 5, &e->changed_by, d) < 0 ? -1 : dup_col(s, 6, &e->changed_at, d);
}

static int read_rows(struct store *st, const char *sql, int64_t lo, int64_t hi,
		     const struct store_batch *b, row_fn *fn, struct diag *d)
{
	sqlite3_stmt *s = store_stmt(st, d, sql, "ii", lo, hi);
	if (s == NULL)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct assessment *a = store_batch_find(b, sqlite3_column_int64(s, 0));
		if (a != NULL && fn(st, a, s, d) < 0) {
			sqlite3_reset(s);
			return -1;
		}
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, d, "cannot read");
}

/* Everything but the assessments rows themselves, for ids LO..HI. */
static int read_parts(struct store *st, int64_t lo, int64_t hi, const struct store_batch *b,
		      struct diag *d)
{
	if (store_details_read(st, lo, hi, b, d) < 0)
		return -1;
	if (read_rows(st, "SELECT assessment_id, cell, value FROM answers "
		      "WHERE assessment_id BETWEEN ? AND ?", lo, hi, b, answer_row, d) < 0)
		return -1;
	if (read_rows(st, "SELECT assessment_id, cm, decision, note, changed_by, changed_at "
		      "FROM reviews WHERE assessment_id BETWEEN ? AND ?", lo, hi, b,
		      review_row, d) < 0)
		return -1;
	if (read_rows(st, "SELECT assessment_id, cm, key, state, note, changed_by, changed_at "
		      "FROM action_states WHERE assessment_id BETWEEN ? AND ?", lo, hi, b,
		      action_row, d) < 0)
		return -1;
	return read_rows(st, "SELECT assessment_id, checklist, item, status, note, changed_by, "
			 "changed_at FROM checks WHERE assessment_id BETWEEN ? AND ?", lo, hi,
			 b, check_row, d);
}

/* The assessments rows for ids LO..HI, appended to B. */
static int read_heads(struct store *st, int64_t lo, int64_t hi, const struct form *f,
		      struct store_batch *b, struct diag *d)
{
	sqlite3_stmt *s = store_stmt(st, d, "SELECT id, created, changed, catalog_edition, "
				     "catalog_revision FROM assessments WHERE id BETWEEN ? AND ? "
				     "ORDER BY id", "ii", lo, hi);
	if (s == NULL)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct assessment **p = realloc(b->items, (b->n + 1) * sizeof *p);
		if (p == NULL)
			goto oom;
		b->items = p;
		struct assessment *a = assessment_new(f);
		if (a == NULL)
			goto oom;
		b->items[b->n++] = a;
		a->id = sqlite3_column_int64(s, 0);
		a->catalog_revision = sqlite3_column_int(s, 4);
		if (store_column_text(s, 1, &a->created) < 0 ||
		    store_column_text(s, 2, &a->changed) < 0 ||
		    store_column_text(s, 3, &a->catalog_edition) < 0)
			goto oom;
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : store_fail(st, d, "cannot read");
oom:
	sqlite3_reset(s);
	diag_set(d, "out of memory");
	return -1;
}

static void batch_free(struct store_batch *b)
{
	for (size_t i = 0; i < b->n; i++)
		assessment_free(b->items[i]);
	free(b->items);
	b->items = NULL;
	b->n = 0;
}

/* Read ids LO..HI inside one read transaction. */
static int read_batch(struct store *st, int64_t lo, int64_t hi, const struct form *f,
		      struct store_batch *b, struct diag *d)
{
	if (sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(st, d, "cannot read");
	int rc = read_heads(st, lo, hi, f, b, d);
	if (rc == 0)
		rc = read_parts(st, lo, hi, b, d);
	sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	store_rollback(st);
	if (rc < 0)
		batch_free(b);
	return rc;
}

struct assessment *store_read_one(struct store *st, int64_t id, const struct form *f,
				  struct diag *d)
{
	struct store_batch b = { NULL, 0 };
	int rc = read_heads(st, id, id, f, &b, d);
	if (rc == 0 && b.n == 0) {
		diag_set(d, "%s: there is no assessment %lld", st->path, (long long)id);
		rc = -1;
	}
	if (rc == 0)
		rc = read_parts(st, id, id, &b, d);
	if (rc < 0) {
		batch_free(&b);
		return NULL;
	}
	struct assessment *a = b.items[0];
	free(b.items);
	return a;
}

struct assessment *store_load(struct store *st, int64_t id, const struct form *f,
			      struct diag *d)
{
	struct store_batch b = { NULL, 0 };
	if (read_batch(st, id, id, f, &b, d) < 0)
		return NULL;
	if (b.n == 0) {
		diag_set(d, "%s: there is no assessment %lld", st->path, (long long)id);
		free(b.items);
		return NULL;
	}
	struct assessment *a = b.items[0];
	free(b.items);
	return a;
}

/* ---------- finding one ---------- */

static int parse_id(const char *ref, int64_t *id)
{
	if (ref[0] < '1' || ref[0] > '9' || strlen(ref) > 18)
		return -1;
	for (const char *p = ref; *p; p++)
		if (*p < '0' || *p > '9')
			return -1;
	*id = strtoll(ref, NULL, 10);
	return 0;
}

static int id_exists(struct store *st, int64_t id, struct diag *d)
{
	sqlite3_stmt *s = store_stmt(st, d, "SELECT 1 FROM assessments WHERE id = ?", "i", id);
	if (s == NULL)
		return -1;
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, d, "cannot read");
	return rc == SQLITE_ROW;
}

int store_resolve(struct store *st, const char *ref, int64_t *id, struct diag *d)
{
	int64_t n64;
	if (parse_id(ref, &n64) == 0) {
		int e = id_exists(st, n64, d);
		if (e < 0)
			return -1;
		if (e) {
			*id = n64;
			return 0;
		}
	}
	int64_t *ids;
	size_t n;
	int rc = store_details_named(st, ref, &ids, &n, d);
	if (rc == 0 && n == 1)
		*id = ids[0];
	else if (rc == 0 && n == 0)
		diag_set(d, "no assessment with the id or name '%s' (see iotscope list)", ref), rc = -1;
	else if (rc == 0)
		diag_set(d, "%zu assessments are named '%s' (ids %lld, %lld%s): give the id",
			 n, ref, (long long)ids[0], (long long)ids[1], n > 2 ? ", ..." : ""), rc = -1;
	free(ids);
	return rc;
}

/* ---------- history ---------- */

static int history_row(sqlite3_stmt *s, struct history_entry *h)
{
	h->seq = sqlite3_column_int64(s, 0);
	return store_column_text(s, 1, &h->at) < 0 || store_column_text(s, 2, &h->who) < 0 ||
		store_column_text(s, 3, &h->what) < 0 ||
		store_column_text(s, 4, &h->old_value) < 0 ||
		store_column_text(s, 5, &h->new_value) < 0 ? -1 : 0;
}

int store_history(struct store *st, int64_t id, struct history_entry **out, size_t *n,
		  struct diag *d)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *s = store_stmt(st, d, "SELECT seq, at, who, what, old_value, new_value "
				     "FROM history WHERE assessment_id = ? ORDER BY seq", "i", id);
	if (s == NULL)
		return -1;
	int rc;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct history_entry *p = realloc(*out, (*n + 1) * sizeof *p);
		if (p != NULL) {
			*out = p;
			memset(&p[*n], 0, sizeof *p);
			(*n)++;
		}
		if (p == NULL || history_row(s, &p[*n - 1]) < 0) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return 0;
	if (rc == SQLITE_NOMEM)
		diag_set(d, "out of memory");
	else
		store_fail(st, d, "cannot read the history");
	store_history_free(*out, *n);
	*out = NULL;
	*n = 0;
	return -1;
}

void store_history_free(struct history_entry *h, size_t n)
{
	if (h == NULL)
		return;
	for (size_t i = 0; i < n; i++) {
		free(h[i].at);
		free(h[i].who);
		free(h[i].what);
		free(h[i].old_value);
		free(h[i].new_value);
	}
	free(h);
}
