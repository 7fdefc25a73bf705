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

struct store_changes {
	const struct store_change *items;
	size_t n;
};

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
#define ACTION_UPSERT(col)						\
	"INSERT INTO action_states (assessment_id, cm, key, " col ", changed_by, " \
	"changed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, cm, key) " \
	"DO UPDATE SET " col " = excluded." col ", changed_by = excluded.changed_by, " \
	"changed_at = excluded.changed_at"
#define CHECK_UPSERT(col)						\
	"INSERT INTO checks (assessment_id, checklist, item, " col ", changed_by, " \
	"changed_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (assessment_id, checklist, item) " \
	"DO UPDATE SET " col " = excluded." col ", changed_by = excluded.changed_by, " \
	"changed_at = excluded.changed_at"

#define TRACK_SELECT(table, where, col) \
	"SELECT " col " FROM " table " WHERE assessment_id = ? AND " where
#define REVIEW_WHERE "cm = ?"
#define ACTION_WHERE "cm = ? AND key = ?"
#define CHECK_WHERE "checklist = ? AND item = ?"

/* What a field's value is, for its check. */
enum field_text { FT_LIST, FT_NOTE, FT_OWNER, FT_DUE };

/* Where each field lives, and how its history row is named (the owner
 * and due fields as store_set_owner/store_set_due name theirs). */
static const struct field_def {
	const char *select_sql, *upsert_sql, *keys_fmt, *what, *value_if_none;
	enum field_text text;
} fields[N_STORE_FIELDS] = {
	[SF_DECISION] = { "SELECT decision FROM reviews WHERE assessment_id = ? AND cm = ?",
			  REVIEW_UPSERT("decision"), "t", "decision", "none", FT_LIST },
	[SF_REVIEW_NOTE] = { "SELECT note FROM reviews WHERE assessment_id = ? AND cm = ?",
			     REVIEW_UPSERT("note"), "t", "note", NULL, FT_NOTE },
	[SF_ACTION] = { "SELECT state FROM action_states WHERE assessment_id = ? AND cm = ? "
			"AND key = ?", ACTION_UPSERT("state"), "tt", "action", "none", FT_LIST },
	[SF_ACTION_NOTE] = { "SELECT note FROM action_states WHERE assessment_id = ? AND "
			     "cm = ? AND key = ?", ACTION_UPSERT("note"), "tt",
			     "action-note", NULL, FT_NOTE },
	[SF_CHECK] = { "SELECT status FROM checks WHERE assessment_id = ? AND checklist = ? "
		       "AND item = ?", CHECK_UPSERT("status"), "tt", "check", "none", FT_LIST },
	[SF_CHECK_NOTE] = { "SELECT note FROM checks WHERE assessment_id = ? AND "
			    "checklist = ? AND item = ?", CHECK_UPSERT("note"), "tt",
			    "check-note", NULL, FT_NOTE },
	[SF_REVIEW_OWNER] = { TRACK_SELECT("reviews", REVIEW_WHERE, "owner"),
			      REVIEW_UPSERT("owner"), "t", "owner", NULL, FT_OWNER },
	[SF_REVIEW_DUE] = { TRACK_SELECT("reviews", REVIEW_WHERE, "due"),
			    REVIEW_UPSERT("due"), "t", "due", NULL, FT_DUE },
	[SF_ACTION_OWNER] = { TRACK_SELECT("action_states", ACTION_WHERE, "owner"),
			      ACTION_UPSERT("owner"), "tt", "action-owner", NULL, FT_OWNER },
	[SF_ACTION_DUE] = { TRACK_SELECT("action_states", ACTION_WHERE, "due"),
			    ACTION_UPSERT("due"), "tt", "action-due", NULL, FT_DUE },
	[SF_CHECK_OWNER] = { TRACK_SELECT("checks", CHECK_WHERE, "owner"),
			     CHECK_UPSERT("owner"), "tt", "check-owner", NULL, FT_OWNER },
	[SF_CHECK_DUE] = { TRACK_SELECT("checks", CHECK_WHERE, "due"),
			   CHECK_UPSERT("due"), "tt", "check-due", NULL, FT_DUE },
};

static int field_is_check(enum store_field f)
{
	return f == SF_CHECK || f == SF_CHECK_NOTE || f == SF_CHECK_OWNER || f == SF_CHECK_DUE;
}

/* The value of C is one its field takes; -1 with d set. */
static int change_ok(const struct store_change *c, struct diag *d)
{
	if ((unsigned)c->field >= N_STORE_FIELDS) {
		diag_set(d, "unknown field");
		return -1;
	}
	const int check = field_is_check(c->field);
	const int action = c->field == SF_ACTION || c->field == SF_ACTION_NOTE ||
		c->field == SF_ACTION_OWNER || c->field == SF_ACTION_DUE;
	/* the store keeps any checklist id (the catalog says which exist) */
	if ((check && bad_key(c->checklist, "checklist", d) < 0) ||
	    bad_key(c->key, check ? "checklist item" : "countermeasure", d) < 0 ||
	    (action && bad_key(c->key2, "action", d) < 0))
		return -1;
	switch (fields[c->field].text) {
	case FT_NOTE:
		return store_text_check("note", c->value, 0, d);
	case FT_OWNER:
		return store_text_check("owner", c->value, 1, d);
	case FT_DUE:
		return nonempty(c->value) ? due_date_check("due", c->value, d) : 0;
	case FT_LIST:
		break;
	}
	int ok = c->field == SF_DECISION ? decision_parse(c->value) >= 0 :
		 c->field == SF_ACTION ? action_state_parse(c->value) >= 0 :
		 check_status_parse(c->value) >= 0;
	if (!ok)
		diag_set(d, "%s: '%s' is not a %s", c->key, c->value ? c->value : "",
			 c->field == SF_DECISION ? "decision" : c->field == SF_ACTION ?
			 "action state" : "checklist status");
	return ok ? 0 : -1;
}

static void column_of(const struct store_change *c, struct column_edit *e)
{
	const struct field_def *f = &fields[c->field];
	const int check = field_is_check(c->field);
	/* a check's row is named by checklist and item; its history by item */
	*e = (struct column_edit){ f->select_sql, f->upsert_sql, f->keys_fmt,
				   check ? c->checklist : c->key, check ? c->key : c->key2,
				   f->text != FT_LIST ? nonempty(c->value) : c->value,
				   f->value_if_none, NULL };
	e->what = c->key2 != NULL && !check ?
		str_printf("%s %s %s", f->what, c->key, c->key2) :
		str_printf("%s %s", f->what, c->key);
}

/* Inside the transaction: CHANGES, each only while its field still holds
 * what the caller saw (expect). */
static int apply_body(struct store *st, int64_t id, const void *arg, struct diag *d)
{
	const struct store_changes *cs = arg;
	for (size_t i = 0; i < cs->n; i++) {
		const struct store_change *c = &cs->items[i];
		struct column_edit e;
		column_of(c, &e);
		int rc = 0;
		char *old = NULL;
		if (e.what == NULL) {
			diag_set(d, "out of memory");
			rc = -1;
		} else if (c->check_expect) {
			rc = read_value(st, d, column_read(st, &e, id, d), &old);
			if (rc == 0 && !same(old ? old : e.value_if_none,
					     nonempty(c->expect) ? c->expect : e.value_if_none)) {
				diag_set(d, "%s: changed in the database meanwhile (now %s); "
					 "nothing was applied", e.what, old ? old : "empty");
				rc = -1;
			}
		}
		if (rc == 0)
			rc = column_body(st, id, &e, d);
		free(old);
		free(e.what);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int store_apply(struct store *st, int64_t id, const struct store_change *items, size_t n,
		struct diag *d)
{
	for (size_t i = 0; i < n; i++)
		if (change_ok(&items[i], d) < 0)
			return -1;
	struct store_changes cs = { items, n };
	return edit(st, id, apply_body, &cs, d);
}

static int apply_one(struct store *st, int64_t id, enum store_field f,
		     const char *checklist, const char *key, const char *key2,
		     const char *value, struct diag *d)
{
	struct store_change c = { .field = f, .checklist = checklist, .key = key,
				  .key2 = key2, .value = value };
	return store_apply(st, id, &c, 1, d);
}

int store_set_decision(struct store *st, int64_t id, const char *cm, enum decision dec,
		       struct diag *d)
{
	if ((unsigned)dec >= N_DECISIONS) {
		diag_set(d, "%s: not a decision", cm ? cm : "");
		return -1;
	}
	return apply_one(st, id, SF_DECISION, NULL, cm, NULL, decision_id(dec), d);
}

int store_set_review_note(struct store *st, int64_t id, const char *cm, const char *note,
			  struct diag *d)
{
	return apply_one(st, id, SF_REVIEW_NOTE, NULL, cm, NULL, note, d);
}

int store_set_action(struct store *st, int64_t id, const char *cm, const char *key,
		     enum action_state s, struct diag *d)
{
	if ((unsigned)s >= N_ACTION_STATES) {
		diag_set(d, "%s %s: not an action state", cm ? cm : "", key ? key : "");
		return -1;
	}
	return apply_one(st, id, SF_ACTION, NULL, cm, key, action_state_id(s), d);
}

int store_set_action_note(struct store *st, int64_t id, const char *cm, const char *key,
			  const char *note, struct diag *d)
{
	return apply_one(st, id, SF_ACTION_NOTE, NULL, cm, key, note, d);
}

int store_set_check(struct store *st, int64_t id, const char *checklist, const char *item,
		    enum check_status s, struct diag *d)
{
	if ((unsigned)s >= N_CHECK_STATUSES) {
		diag_set(d, "%s: not a checklist status", item ? item : "");
		return -1;
	}
	return apply_one(st, id, SF_CHECK, checklist, item, NULL, check_status_id(s), d);
}

int store_set_check_note(struct store *st, int64_t id, const char *checklist, const char *item,
			 const char *note, struct diag *d)
{
	return apply_one(st, id, SF_CHECK_NOTE, checklist, item, NULL, note, d);
}

/* ---------- owner, due date, evidence (issue 12) ---------- */

/* The owner and due fields of each kind of row (fields[] above). */
static const enum store_field track_fields[N_TRACK_KINDS][2] = {
	[TRACK_REVIEW] = { SF_REVIEW_OWNER, SF_REVIEW_DUE },
	[TRACK_ACTION] = { SF_ACTION_OWNER, SF_ACTION_DUE },
	[TRACK_CHECK] = { SF_CHECK_OWNER, SF_CHECK_DUE },
};

const char *track_kind_id(enum track_kind k)
{
	static const char *const ids[N_TRACK_KINDS] = { "review", "action", "check" };
	return (unsigned)k < N_TRACK_KINDS ? ids[k] : "?";
}

static int bad_target(const struct track_target *t, struct diag *d)
{
	if ((unsigned)t->kind >= N_TRACK_KINDS) {
		diag_set(d, "unknown kind of row");
		return -1;
	}
	if (bad_key(t->key1, t->kind == TRACK_CHECK ? "checklist" : "countermeasure", d) < 0)
		return -1;
	if (t->kind == TRACK_REVIEW)
		return 0;
	return bad_key(t->key2, t->kind == TRACK_CHECK ? "checklist item" : "action", d);
}

/* "owner B-61", "action-due B-61 1", "check-owner II.1.1.1": like the
 * note edits' history names. */
static char *track_what(const struct track_target *t, const char *field)
{
	static const char *const prefix[N_TRACK_KINDS] = { "", "action-", "check-" };
	const char *pre = prefix[t->kind];
	if (t->kind == TRACK_REVIEW)
		return str_printf("%s %s", field, t->key1);
	if (t->kind == TRACK_CHECK)
		return str_printf("%s%s %s", pre, field, t->key2);
	return str_printf("%s%s %s %s", pre, field, t->key1, t->key2);
}

/* COLUMN 0 owner, 1 due: the field of store_apply (one edit, one
 * transaction), as import-checks sets them in its one. */
static int track_column(struct store *st, int64_t id, const struct track_target *t,
			int column, const char *value, struct diag *d)
{
	if (bad_target(t, d) < 0)
		return -1;
	const int check = t->kind == TRACK_CHECK;
	return apply_one(st, id, track_fields[t->kind][column], check ? t->key1 : NULL,
			 check ? t->key2 : t->key1, check ? NULL : t->key2, value, d);
}

int store_set_owner(struct store *st, int64_t id, const struct track_target *t,
		    const char *owner, struct diag *d)
{
	return track_column(st, id, t, 0, owner, d);
}

int store_set_due(struct store *st, int64_t id, const struct track_target *t,
		  const char *due, struct diag *d)
{
	return track_column(st, id, t, 1, due, d);
}

/* What the history says of evidence E: "REF sha256:HEX SIZE bytes". */
static char *evidence_said(const char *ref, const char *sha, long long size)
{
	if (sha == NULL)
		return str_printf("%s", ref);
	return str_printf("%s sha256:%s %lld bytes", ref, sha, size);
}

struct evidence_arg {
	const struct track_target *t;
	const struct evidence *e;	/* NULL: remove REF */
	const char *ref;
};

/* The stored evidence REF of T as the history says it; *OUT NULL if none. */
static int evidence_old(struct store *st, int64_t id, const struct evidence_arg *x,
			char **out, struct diag *d)
{
	*out = NULL;
	sqlite3_stmt *s = store_stmt(st, d, "SELECT ref, sha256, size FROM evidence WHERE "
				     "assessment_id = ? AND kind = ? AND key1 = ? AND key2 = ? "
				     "AND ref = ?", "itttt", id, track_kind_id(x->t->kind),
				     x->t->key1, x->t->key2 ? x->t->key2 : "", x->ref);
	if (s == NULL)
		return -1;
	int rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		const char *sha = (const char *)sqlite3_column_text(s, 1);
		*out = evidence_said(x->ref, sha, sqlite3_column_int64(s, 2));
		if (*out == NULL)
			rc = SQLITE_NOMEM;
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(st, d, "cannot read");
	return 0;
}

static int evidence_body(struct store *st, int64_t id, const void *arg, struct diag *d)
{
	const struct evidence_arg *x = arg;
	const struct track_target *t = x->t;
	const char *key2 = t->key2 ? t->key2 : "";
	char *old, *now = NULL, now_at[32];
	if (evidence_old(st, id, x, &old, d) < 0)
		return -1;
	int w;
	if (x->e == NULL && old == NULL) {
		diag_set(d, ("no evidence '%s' on %s%s%s"), x->ref, t->key1, t->key2 ? " " : "",
			 key2);
		return -1;
	}
	store_now(now_at);
	if (x->e == NULL) {
		w = store_exec(st, d, "DELETE FROM evidence WHERE assessment_id = ? AND kind = ? "
			       "AND key1 = ? AND key2 = ? AND ref = ?", "itttt", id,
			       track_kind_id(t->kind), t->key1, key2, x->ref);
	} else {
		now = evidence_said(x->e->ref, x->e->sha256, x->e->size);
		w = store_exec(st, d, "INSERT OR REPLACE INTO evidence (assessment_id, kind, key1, "
			       "key2, ref, note, sha256, size, added_by, added_at) VALUES "
			       "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "ittttttztt", id,
			       track_kind_id(t->kind), t->key1, key2, x->e->ref,
			       nonempty(x->e->note), x->e->sha256, (int64_t)x->e->size, st->who,
			       now_at);
	}
	char *what = track_what(t, "evidence");
	int rc = what ? change(st, id, what, old, now, w, d) : -1;
	free(what);
	free(old);
	free(now);
	return rc;
}

static int evidence_run(struct store *st, int64_t id, const struct evidence_arg *x,
			struct diag *d)
{
	if (bad_target(x->t, d) < 0 || store_text_check("evidence", x->ref, 1, d) < 0)
		return -1;
	if (x->ref == NULL || x->ref[0] == '\0') {
		diag_set(d, "evidence without a path or URL");
		return -1;
	}
	return edit(st, id, evidence_body, x, d);
}

int store_add_evidence(struct store *st, int64_t id, const struct track_target *t,
		       const struct evidence *e, struct diag *d)
{
	if (store_text_check("--evidence-note", e->note, 0, d) < 0)
		return -1;
	struct evidence_arg x = { t, e, e->ref };
	return evidence_run(st, id, &x, d);
}

int store_remove_evidence(struct store *st, int64_t id, const struct track_target *t,
			  const char *ref, struct diag *d)
{
	struct evidence_arg x = { t, NULL, ref };
	return evidence_run(st, id, &x, d);
}
