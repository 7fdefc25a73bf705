/* store_life.c - creating, copying and deleting whole assessments, each
 * in one transaction with its history row. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "store_internal.h"

static const char *or_else(const char *s, const char *fallback)
{
	return s != NULL && s[0] != '\0' ? s : fallback;
}

static int put_answers(struct store *st, int64_t id, const struct survey *s,
		       struct diag *d)
{
	for (size_t i = 0; i < s->form->ncells; i++) {
		if (s->answers[i] == ANSWER_OPEN)
			continue;
		if (store_exec(st, d, "INSERT INTO answers (assessment_id, cell, value) "
			       "VALUES (?, ?, ?)", "itt", id, s->form->cells[i].id,
			       answer_code(s->answers[i])) < 0)
			return -1;
	}
	return 0;
}

/* Whether a review, action or check gets its row: only with something of
 * its own (SET: a decision, state or status other than none), as an edit
 * makes one.  An entry that only holds actions or evidence (C-2-del in
 * Annex 8 case 5) has no row in the store, and no changed-by/at in an
 * export; writing one would stamp the importer's name and time on it. */
static int has_row(int set, const char *note, const char *by, const char *at,
		   const struct tracking *t)
{
	return set || or_else(note, NULL) || or_else(by, NULL) || or_else(at, NULL) ||
	       or_else(t->owner, NULL) || or_else(t->due, NULL);
}

/* The evidence of T, attached to the row KIND KEY1 KEY2. */
static int put_evidence(struct store *st, int64_t id, const char *kind, const char *key1,
			const char *key2, const struct tracking *t, const char *now,
			struct diag *d)
{
	for (size_t i = 0; i < t->nevidence; i++) {
		const struct evidence *e = &t->evidence[i];
		if (store_exec(st, d, "INSERT INTO evidence (assessment_id, kind, key1, key2, ref, "
			       "note, sha256, size, added_by, added_at) VALUES (?, ?, ?, ?, ?, ?, "
			       "?, ?, ?, ?)", "ittttttztt", id, kind, key1, key2, e->ref,
			       or_else(e->note, NULL), or_else(e->sha256, NULL), (int64_t)e->size,
			       or_else(e->added_by, st->who), or_else(e->added_at, now)) < 0)
			return -1;
	}
	return 0;
}

static int put_review(struct store *st, int64_t id, const struct cm_review *r,
		      const char *now, struct diag *d)
{
	if ((has_row(r->decision != DECISION_NONE, r->note, r->changed_by, r->changed_at,
		     &r->track) &&
	     store_exec(st, d, "INSERT INTO reviews (assessment_id, cm, decision, note, "
			"changed_by, changed_at, owner, due) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
			"ittttttt", id, r->cm, decision_id(r->decision), or_else(r->note, NULL),
			or_else(r->changed_by, st->who), or_else(r->changed_at, now),
			or_else(r->track.owner, NULL), or_else(r->track.due, NULL)) < 0) ||
	    put_evidence(st, id, "review", r->cm, "", &r->track, now, d) < 0)
		return -1;
	for (size_t i = 0; i < r->nactions; i++) {
		const struct action_review *x = &r->actions[i];
		if ((has_row(x->state != ACTION_NONE, x->note, x->changed_by, x->changed_at,
			     &x->track) &&
		     store_exec(st, d, "INSERT INTO action_states (assessment_id, cm, key, "
				"state, note, changed_by, changed_at, owner, due) VALUES (?, ?, ?, "
				"?, ?, ?, ?, ?, ?)", "itttttttt", id, r->cm, x->key,
				action_state_id(x->state), or_else(x->note, NULL),
				or_else(x->changed_by, st->who), or_else(x->changed_at, now),
				or_else(x->track.owner, NULL), or_else(x->track.due, NULL)) < 0) ||
		    put_evidence(st, id, "action", r->cm, x->key, &x->track, now, d) < 0)
			return -1;
	}
	return 0;
}

static int put_check(struct store *st, int64_t id, const struct check_entry *e,
		     const char *now, struct diag *d)
{
	if (has_row(e->status != CHECK_NONE, e->note, e->changed_by, e->changed_at, &e->track) &&
	    store_exec(st, d, "INSERT INTO checks (assessment_id, checklist, item, status, "
		       "note, changed_by, changed_at, owner, due) VALUES (?, ?, ?, ?, ?, ?, ?, "
		       "?, ?)", "itttttttt", id, e->checklist, e->item,
		       check_status_id(e->status), or_else(e->note, NULL),
		       or_else(e->changed_by, st->who), or_else(e->changed_at, now),
		       or_else(e->track.owner, NULL), or_else(e->track.due, NULL)) < 0)
		return -1;
	return put_evidence(st, id, "check", e->checklist, e->item, &e->track, now, d);
}

/* What the history row of a new assessment says: WHAT, FROM -> its name. */
struct origin {
	const char *what, *from;
};

static int put_all(struct store *st, const struct assessment *a, const struct origin *o,
		   int64_t *id, struct diag *d)
{
	char now[32];
	store_now(now);
	if (store_exec(st, d, "INSERT INTO assessments (created, changed, catalog_edition, "
		       "catalog_revision) VALUES (?, ?, ?, ?)", "tttn",
		       or_else(a->created, now), now, or_else(a->catalog_edition, ""),
		       a->catalog_revision) < 0)
		return -1;
	*id = sqlite3_last_insert_rowid(st->db);
	for (int k = 0; k < N_DETAILS; k++)
		if (a->survey->details[k] != NULL &&
		    store_detail_put(st, *id, (enum detail)k, a->survey->details[k], d) < 0)
			return -1;
	if (put_answers(st, *id, a->survey, d) < 0)
		return -1;
	for (size_t i = 0; i < a->nreviews; i++)
		if (put_review(st, *id, &a->reviews[i], now, d) < 0)
			return -1;
	for (size_t i = 0; i < a->nchecks; i++)
		if (put_check(st, *id, &a->checks[i], now, d) < 0)
			return -1;
	if (store_record(st, *id, o->what, o->from, a->survey->details[DETAIL_NAME], d) < 0)
		return -1;
	/* an imported assessment keeps the time its content last changed */
	if (or_else(a->changed, NULL) == NULL)
		return 0;
	return store_exec(st, d, "UPDATE assessments SET changed = ? WHERE id = ?", "ti",
			  a->changed, *id);
}

/* Owner, due date and evidence of T fit to store. */
static int track_ok(const struct tracking *t, struct diag *d)
{
	if (store_text_check("owner", t->owner, 1, d) < 0 ||
	    (t->due != NULL && due_date_check("due", t->due, d) < 0))
		return -1;
	for (size_t i = 0; i < t->nevidence; i++)
		if (store_text_check("evidence", t->evidence[i].ref, 1, d) < 0 ||
		    store_text_check("evidence note", t->evidence[i].note, 0, d) < 0)
			return -1;
	return 0;
}

/* Every text of A passes store_text_check before anything is written. */
static int texts_ok(const struct assessment *a, struct diag *d)
{
	for (int k = 0; k < N_DETAILS; k++)
		if (store_text_check(survey_detail_id((enum detail)k), a->survey->details[k],
				     store_detail_one_line((enum detail)k), d) < 0)
			return -1;
	for (size_t i = 0; i < a->nreviews; i++) {
		const struct cm_review *r = &a->reviews[i];
		if (store_text_check("note", r->note, 0, d) < 0 || track_ok(&r->track, d) < 0)
			return -1;
		for (size_t j = 0; j < r->nactions; j++)
			if (store_text_check("note", r->actions[j].note, 0, d) < 0 ||
			    track_ok(&r->actions[j].track, d) < 0)
				return -1;
	}
	for (size_t i = 0; i < a->nchecks; i++)
		if (store_text_check("note", a->checks[i].note, 0, d) < 0 ||
		    track_ok(&a->checks[i].track, d) < 0)
			return -1;
	return 0;
}

static int create(struct store *st, const struct assessment *a, const struct origin *o,
		  int64_t *id, struct diag *d)
{
	const char *name = a->survey->details[DETAIL_NAME];
	if (survey_detail_check(DETAIL_NAME, name ? name : "", d) < 0 || texts_ok(a, d) < 0)
		return -1;
	int64_t new_id = 0;
	if (store_begin(st, d) < 0)
		return -1;
	if (put_all(st, a, o, &new_id, d) < 0) {
		store_rollback(st);
		return -1;
	}
	if (store_commit(st, d) < 0)
		return -1;
	*id = new_id;
	return 0;
}

int store_create(struct store *st, const struct assessment *a, int64_t *id,
		 struct diag *d)
{
	const struct origin o = { "create", NULL };
	return create(st, a, &o, id, d);
}

int store_import(struct store *st, const struct assessment *a, const char *from,
		 int64_t *id, struct diag *d)
{
	const struct origin o = { "import", from };
	return create(st, a, &o, id, d);
}

/* ---------- copy ---------- */

static int copy_rows(struct store *st, int64_t from, int64_t to, struct diag *d)
{
	return store_details_copy(st, from, to, d) < 0 ||
		store_exec(st, d, "INSERT INTO answers (assessment_id, cell, value) "
			   "SELECT ?, cell, value FROM answers WHERE assessment_id = ?",
			   "ii", to, from) < 0 ||
		store_exec(st, d, "INSERT INTO reviews (assessment_id, cm, decision, note, "
			   "changed_by, changed_at, owner, due) SELECT ?, cm, decision, note, "
			   "changed_by, changed_at, owner, due FROM reviews WHERE assessment_id = ?",
			   "ii", to, from) < 0 ||
		store_exec(st, d, "INSERT INTO action_states (assessment_id, cm, key, state, "
			   "note, changed_by, changed_at, owner, due) SELECT ?, cm, key, state, "
			   "note, changed_by, changed_at, owner, due FROM action_states WHERE "
			   "assessment_id = ?", "ii", to, from) < 0 ||
		store_exec(st, d, "INSERT INTO checks (assessment_id, checklist, item, status, "
			   "note, changed_by, changed_at, owner, due) SELECT ?, checklist, item, "
			   "status, note, changed_by, changed_at, owner, due FROM checks WHERE "
			   "assessment_id = ?", "ii", to, from) < 0 ||
		store_exec(st, d, "INSERT INTO evidence (assessment_id, kind, key1, key2, ref, "
			   "note, sha256, size, added_by, added_at) SELECT ?, kind, key1, key2, "
			   "ref, note, sha256, size, added_by, added_at FROM evidence WHERE "
			   "assessment_id = ?", "ii", to, from) < 0 ? -1 : 0;
}

static int copy_body(struct store *st, int64_t id, const char *name, int64_t *new_id,
		     struct diag *d)
{
	char now[32], *old_name = NULL;
	store_now(now);
	if (store_require(st, id, d) < 0 ||
	    store_exec(st, d, "INSERT INTO assessments (created, changed, catalog_edition, "
		       "catalog_revision) SELECT ?, ?, catalog_edition, catalog_revision "
		       "FROM assessments WHERE id = ?", "tti", now, now, id) < 0)
		return -1;
	*new_id = sqlite3_last_insert_rowid(st->db);
	if (copy_rows(st, id, *new_id, d) < 0 ||
	    store_detail_get(st, id, DETAIL_NAME, &old_name, d) < 0)
		return -1;
	char *from = str_printf("%s (#%lld)", old_name ? old_name : "", (long long)id);
	free(old_name);
	int rc = from == NULL ? -1 :
		store_detail_put(st, *new_id, DETAIL_NAME, name, d) < 0 ? -1 :
		store_record(st, *new_id, "copy", from, name, d);
	if (from == NULL)
		diag_set(d, "out of memory");
	free(from);
	return rc;
}

int store_copy(struct store *st, int64_t id, const char *name, int64_t *new_id,
	       struct diag *d)
{
	if (survey_detail_check(DETAIL_NAME, name ? name : "", d) < 0 ||
	    store_text_check("name", name, 1, d) < 0)
		return -1;
	int64_t made = 0;
	if (store_begin(st, d) < 0)
		return -1;
	if (copy_body(st, id, name, &made, d) < 0) {
		store_rollback(st);
		return -1;
	}
	if (store_commit(st, d) < 0)
		return -1;
	*new_id = made;
	return 0;
}

/* ---------- delete ---------- */

static int delete_body(struct store *st, int64_t id, struct diag *d)
{
	char *name = NULL;
	if (store_require(st, id, d) < 0 ||
	    store_detail_get(st, id, DETAIL_NAME, &name, d) < 0)
		return -1;
	/* the rows go with it (ON DELETE CASCADE); the history stays */
	int rc = store_exec(st, d, "DELETE FROM assessments WHERE id = ?", "i", id) < 0 ? -1 :
		store_record(st, id, "delete", name, NULL, d);
	free(name);
	return rc;
}

int store_delete(struct store *st, int64_t id, struct diag *d)
{
	if (store_begin(st, d) < 0)
		return -1;
	if (delete_body(st, id, d) < 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, d);
}
