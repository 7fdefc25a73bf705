/* store_edit.c - every edit is one BEGIN IMMEDIATE .. COMMIT with its
 * history row inside; an edit that changes nothing writes nothing. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

/* One edit: BODY runs inside the transaction once ID is known to exist. */
typedef int edit_fn(struct store *st, int64_t id, const void *arg, struct diag *d);

static int edit(struct store *st, int64_t id, edit_fn *body, const void *arg,
		struct diag *d)
{
	if (store_begin(st, d) < 0)
		return -1;
	if (store_require(st, id, d) < 0 || body(st, id, arg, d) < 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, d);
}

static int same(const char *x, const char *y)
{
	return (x == NULL && y == NULL) || (x != NULL && y != NULL && strcmp(x, y) == 0);
}

static const char *nonempty(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : NULL;
}

/* One text value of one row (SQL takes the bound keys); *OUT NULL when
 * there is no row or the value is NULL. */
static int read_value(struct store *st, struct diag *d, sqlite3_stmt *s, char **out)
{
	*out = NULL;
	if (s == NULL)
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW && store_column_text(s, 0, out) < 0)
		rc = SQLITE_NOMEM;
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, d, "cannot read");
	return 0;
}

/* After the write (its result WRITE_RC), record WHAT: OLD -> NEW. */
static int change(struct store *st, int64_t id, const char *what, const char *old_value,
		  const char *new_value, int write_rc, struct diag *d)
{
	if (write_rc < 0)
		return -1;
	return store_record(st, id, what, old_value, new_value, d);
}

/* ---------- details ---------- */

struct detail_arg {
	enum detail k;
	const char *value;
};

static int detail_body(struct store *st, int64_t id, const void *arg, struct diag *d)
{
	const struct detail_arg *x = arg;
	char *old;
	if (store_detail_get(st, id, x->k, &old, d) < 0)
		return -1;
	int rc = 0;
	if (!same(nonempty(old), x->value))
		rc = change(st, id, survey_detail_id(x->k), old, x->value,
			    store_detail_put(st, id, x->k, x->value, d), d);
	free(old);
	return rc;
}

int store_set_detail(struct store *st, int64_t id, enum detail k, const char *value,
		     struct diag *d)
{
	if ((unsigned)k >= N_DETAILS) {
		diag_set(d, "unknown detail");
		return -1;
	}
	value = nonempty(value);
	if (value == NULL && (survey_detail_info(k)->flags & DETAIL_REQUIRED))
		return survey_detail_check(k, "", d);
	if (value != NULL && (survey_detail_check(k, value, d) < 0 ||
			      store_text_check(survey_detail_id(k), value,
					       store_detail_one_line(k), d) < 0))
		return -1;
	struct detail_arg x = { k, value };
	return edit(st, id, detail_body, &x, d);
}

int store_rename(struct store *st, int64_t id, const char *name, struct diag *d)
{
	return store_set_detail(st, id, DETAIL_NAME, name, d);
}

/* ---------- answers ---------- */

struct answer_arg {
	const char *cell;
	enum answer a;
};

static int answer_body(struct store *st, int64_t id, const void *arg, struct diag *d)
{
	const struct answer_arg *x = arg;
	const char *now = x->a == ANSWER_OPEN ? NULL : answer_code(x->a);
	char *old;
	if (read_value(st, d, store_stmt(st, d, "SELECT value FROM answers WHERE "
					 "assessment_id = ? AND cell = ?", "it", id, x->cell),
		       &old) < 0)
		return -1;
	int rc = 0;
	if (!same(old, now)) {
		char *what = str_printf("answer %s", x->cell);
		int w = now == NULL
			? store_exec(st, d, "DELETE FROM answers WHERE assessment_id = ? AND "
				     "cell = ?", "it", id, x->cell)
			: store_exec(st, d, "INSERT INTO answers (assessment_id, cell, value) "
				     "VALUES (?, ?, ?) ON CONFLICT (assessment_id, cell) DO "
				     "UPDATE SET value = excluded.value", "itt", id, x->cell, now);
		rc = what ? change(st, id, what, old, now, w, d) : -1;
		if (what == NULL)
			diag_set(d, "out of memory");
		free(what);
	}
	free(old);
	return rc;
}

int store_set_answer(struct store *st, int64_t id, const char *cell, enum answer a,
		     struct diag *d)
{
	if (cell == NULL || cell[0] == '\0' || (a != ANSWER_OPEN && a != ANSWER_YES &&
						  a != ANSWER_NO)) {
		diag_set(d, "not a survey answer");
		return -1;
	}
	struct answer_arg x = { cell, a };
	return edit(st, id, answer_body, &x, d);
}

/* ---------- reviews, actions, checks: one text column of one row ---------- */

/* Where a value lives: the SQL to read it, to write it (upsert), and the
 * keys (bound after the id) that name the row. */
struct column_edit {
	const char *select_sql, *upsert_sql;
	const char *keys_fmt;		/* "t" or "tt" */
	const char *key1, *key2;
	const char *value;		/* NULL = none */
	const char *value_if_none;	/* what NULL reads as ("none" for a state) */
	char *what;
};

static sqlite3_stmt *column_read(struct store *st, const struct column_edit *e,
				 int64_t id, struct diag *d)
{
	if (strcmp(e->keys_fmt, "t") == 0)
		return store_stmt(st, d, e->select_sql, "it", id, e->key1);
	return store_stmt(st, d, e->select_sql, "itt", id, e->key1, e->key2);
}

static int column_write(struct store *st, const struct column_edit *e, int64_t id,
			struct diag *d)
{
	char now[32];
	store_now(now);
	if (strcmp(e->keys_fmt, "t") == 0)
		return store_exec(st, d, e->upsert_sql, "itttt", id, e->key1, e->value,
				  st->who, now);
	return store_exec(st, d, e->upsert_sql, "ittttt", id, e->key1, e->key2,
			  e->value, st->who, now);
}

static int column_body(struct store *st, int64_t id, const void *arg, struct diag *d)
{
	const struct column_edit *e = arg;
	char *old;
	if (read_value(st, d, column_read(st, e, id, d), &old) < 0)
		return -1;
	const char *was = old ? old : e->value_if_none;
	const char *now = e->value ? e->value : e->value_if_none;
	int rc = 0;
	if (!same(was, now))
		rc = change(st, id, e->what, was, now, column_write(st, e, id, d), d);
	free(old);
	return rc;
}

static int column_edit_run(struct store *st, int64_t id, struct column_edit *e,
			   struct diag *d)
{
	if (e->what == NULL) {
		diag_set(d, "out of memory");
		return -1;
	}
	int rc = edit(st, id, column_body, e, d);
	free(e->what);
	return rc;
}

static int bad_key(const char *k, const char *what, struct diag *d)
{
	if (k != NULL && k[0] != '\0')
		return 0;
	diag_set(d, "no %s given", what);
	return -1;
}

#define REVIEW_UPSERT(col)						\
	"INSERT INTO reviews (assessment_id, cm, " col ", changed_by, changed_at) " \
	"VALUES (?, ?, ?, ?, ?) ON CONFLICT (assessment_id, cm) DO UPDATE SET " \
	col " = excluded." col ", changed_by = excluded.changed_by, "	\
	"changed_at = excluded.changed_at"

int store_set_decision(struct store *st, int64_t id, const char *cm, enum decision dec,
		       struct diag *d)
{
	if (bad_key(cm, "countermeasure", d) < 0)
		return -1;
	if ((unsigned)dec >= N_DECISIONS) {
		diag_set(d, "%s: not a decision", cm);
		return -1;
	}
	struct column_edit e = {
		"SELECT decision FROM reviews WHERE assessment_id = ? AND cm = ?",
		REVIEW_UPSERT("decision"), "t", cm, NULL, decision_id(dec), "none",
		str_printf("decision %s", cm)
	};
	return column_edit_run(st, id, &e, d);
}

int store_set_review_note(struct store *st, int64_t id, const char *cm, const char *note,
			  struct diag *d)
{
	if (bad_key(cm, "countermeasure", d) < 0 || store_text_check("note", note, 0, d) < 0)
		return -1;
	struct column_edit e = {
		"SELECT note FROM reviews WHERE assessment_id = ? AND cm = ?",
		REVIEW_UPSERT("note"), "t", cm, NULL, nonempty(note), NULL,
		str_printf("note %s", cm)
	};
	return column_edit_run(st, id, &e, d);
}

#define ACTION_UPSERT(col)						\
	"INSERT INTO action_states (assessment_id, cm, key, " col ", changed_by, " \
	"changed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, cm, key) " \
	"DO UPDATE SET " col " = excluded." col ", changed_by = excluded.changed_by, " \
	"changed_at = excluded.changed_at"

int store_set_action(struct store *st, int64_t id, const char *cm, const char *key,
		     enum action_state s, struct diag *d)
{
	if (bad_key(cm, "countermeasure", d) < 0 || bad_key(key, "action", d) < 0)
		return -1;
	if ((unsigned)s >= N_ACTION_STATES) {
		diag_set(d, "%s %s: not an action state", cm, key);
		return -1;
	}
	struct column_edit e = {
		"SELECT state FROM action_states WHERE assessment_id = ? AND cm = ? AND key = ?",
		ACTION_UPSERT("state"), "tt", cm, key, action_state_id(s), "none",
		str_printf("action %s %s", cm, key)
	};
	return column_edit_run(st, id, &e, d);
}

int store_set_action_note(struct store *st, int64_t id, const char *cm, const char *key,
			  const char *note, struct diag *d)
{
	if (bad_key(cm, "countermeasure", d) < 0 || bad_key(key, "action", d) < 0 ||
	    store_text_check("note", note, 0, d) < 0)
		return -1;
	struct column_edit e = {
		"SELECT note FROM action_states WHERE assessment_id = ? AND cm = ? AND key = ?",
		ACTION_UPSERT("note"), "tt", cm, key, nonempty(note), NULL,
		str_printf("action-note %s %s", cm, key)
	};
	return column_edit_run(st, id, &e, d);
}

#define CHECK_UPSERT(col)						\
	"INSERT INTO checks (assessment_id, checklist, item, " col ", changed_by, " \
	"changed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, checklist, item) " \
	"DO UPDATE SET " col " = excluded." col ", changed_by = excluded.changed_by, " \
	"changed_at = excluded.changed_at"

/* The store keeps any checklist id (the catalog says which exist). */
static int bad_check_key(const char *checklist, const char *item, struct diag *d)
{
	return bad_key(checklist, "checklist", d) < 0 ? -1 : bad_key(item, "checklist item", d);
}

int store_set_check(struct store *st, int64_t id, const char *checklist, const char *item,
		    enum check_status s, struct diag *d)
{
	if (bad_check_key(checklist, item, d) < 0)
		return -1;
	if ((unsigned)s >= N_CHECK_STATUSES) {
		diag_set(d, "%s: not a checklist status", item);
		return -1;
	}
	struct column_edit e = {
		"SELECT status FROM checks WHERE assessment_id = ? AND checklist = ? AND item = ?",
		CHECK_UPSERT("status"), "tt", checklist, item, check_status_id(s), "none",
		str_printf("check %s", item)
	};
	return column_edit_run(st, id, &e, d);
}

int store_set_check_note(struct store *st, int64_t id, const char *checklist, const char *item,
			 const char *note, struct diag *d)
{
	if (bad_check_key(checklist, item, d) < 0 || store_text_check("note", note, 0, d) < 0)
		return -1;
	struct column_edit e = {
		"SELECT note FROM checks WHERE assessment_id = ? AND checklist = ? AND item = ?",
		CHECK_UPSERT("note"), "tt", checklist, item, nonempty(note), NULL,
		str_printf("check-note %s", item)
	};
	return column_edit_run(st, id, &e, d);
}
