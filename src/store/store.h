/* store.h - the assessment store: one SQLite database that never loses an
 * answer.  Every edit is its own committed transaction (BEGIN IMMEDIATE ..
 * COMMIT) and is recorded in the history; "saved" is only ever said after
 * COMMIT returned SQLITE_OK.  See shared/docs/reliability.md. */
#ifndef IOTSCOPE_STORE_H
#define IOTSCOPE_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "assessment.h"
#include "diag.h"
#include "form.h"

struct store;

/* Open (creating if missing, migrating forward if older) the database at
 * PATH.  Refuses, without writing a byte: a file that is not an iotscope
 * database, one from a newer iotscope, a corrupt one.  WHO is the name
 * recorded in the history (--assessor or the login name). */
struct store *store_open(const char *path, const char *who, struct diag *d);
void store_close(struct store *st);
/* The name the history records when no --assessor is given: the login
 * name (getlogin, else the passwd entry, else "uid N").  malloc'd. */
char *store_login_name(void);

struct assessment_summary {
	int64_t id;
	char *name, *operator_, *changed;
	struct assessment_progress progress;
};

/* All assessments, by id; the catalog and form compute the progress. */
int store_list(struct store *st, const struct catalog *c, const struct form *f,
	       struct assessment_summary **out, size_t *n, struct diag *d);
/* Those with ids above AFTER, at most MAX (0: all), by id. */
int store_list_range(struct store *st, const struct catalog *c, const struct form *f,
		     int64_t after, size_t max, struct assessment_summary **out, size_t *n,
		     struct diag *d);
void store_summaries_free(struct assessment_summary *s, size_t n);
/* The assessments with ids above AFTER, by id, at most MAX (0: all),
 * each given to FN (which may stop the walk by returning non-zero; that
 * is returned).  Memory does not grow with the database: the progress
 * comes from the progress table, worked out (and kept) only for those
 * whose figures an edit or a new catalog made stale. */
typedef int store_list_fn(const struct assessment_summary *s, void *ctx);
int store_list_each(struct store *st, const struct catalog *c, const struct form *f,
		    int64_t after, size_t max, store_list_fn *fn, void *ctx,
		    struct diag *d);
/* The number of assessments, and the position (0-based, by id) of ID. */
int store_count(struct store *st, size_t *n, struct diag *d);
int store_position(struct store *st, int64_t id, size_t *pos, struct diag *d);
/* The id of the assessment at position POS (by id); 0 when past the end. */
int store_id_at(struct store *st, size_t pos, int64_t *id, struct diag *d);

/* Create from A (its survey details and answers, reviews and checks):
 * one transaction with one history row, "create" -> the name.  A review,
 * action or check keeps the changed_by/at it has and evidence its
 * added_by/at; one without gets the store's name and the time now.  A
 * review, action or check with nothing of its own (no decision, state or
 * status, note, owner, due or changed_by/at: it only holds actions or
 * evidence) gets no row, as in the store an edit leaves none.  Sets *id. */
int store_create(struct store *st, const struct assessment *a, int64_t *id,
		 struct diag *d);
/* store_create for A read from the export FROM (its path): the
 * history row, by the store's name at the time now, says "import",
 * FROM -> the name; the rows keep the who/when the file gave them. */
int store_import(struct store *st, const struct assessment *a, const char *from,
		 int64_t *id, struct diag *d);
struct assessment *store_load(struct store *st, int64_t id, const struct form *f,
			      struct diag *d);
/* The file the store was opened on, as given. */
const char *store_path(const struct store *st);
/* Find an assessment by id ("12") or exact name; -1 with d set. */
int store_resolve(struct store *st, const char *ref, int64_t *id, struct diag *d);

/* Text a user gives (a detail, a note, a name): only what every export
 * can carry (valid UTF-8, no control character XML 1.0 cannot hold) is
 * stored; ONE_LINE text (an assessment's name) has no line break or
 * tab either.  NULL is fine.  -1 with d set naming WHAT.  Every edit
 * below checks its text so; callers that make several edits check all
 * first, so that none is half done. */
int store_text_check(const char *what, const char *s, int one_line, struct diag *d);

/* Edits: each one transaction plus one history row.  NOTE NULL = none. */
int store_set_detail(struct store *st, int64_t id, enum detail k, const char *value,
		     struct diag *d);
int store_set_answer(struct store *st, int64_t id, const char *cell, enum answer a,
		     struct diag *d);
int store_set_decision(struct store *st, int64_t id, const char *cm, enum decision dec,
		       struct diag *d);
int store_set_review_note(struct store *st, int64_t id, const char *cm, const char *note,
			  struct diag *d);
int store_set_action(struct store *st, int64_t id, const char *cm, const char *key,
		     enum action_state s, struct diag *d);
int store_set_action_note(struct store *st, int64_t id, const char *cm, const char *key,
			  const char *note, struct diag *d);
int store_set_check(struct store *st, int64_t id, const char *checklist, const char *item,
		    enum check_status s, struct diag *d);
int store_set_check_note(struct store *st, int64_t id, const char *checklist, const char *item,
			 const char *note, struct diag *d);

/* Owner, due date and evidence (issue 12) of a review (KEY1 the
 * countermeasure), an action (KEY1 the countermeasure, KEY2 the action
 * key) or a checklist item (KEY1 the checklist id, KEY2 the item). */
enum track_kind { TRACK_REVIEW, TRACK_ACTION, TRACK_CHECK, N_TRACK_KINDS };
struct track_target {
	enum track_kind kind;
	const char *key1, *key2;	/* KEY2 NULL for a review */
};
/* "review", "action", "check": the evidence table's kind. */
const char *track_kind_id(enum track_kind k);
/* OWNER one line, NULL or "" clears; DUE YYYY-MM-DD, NULL or "" clears. */
int store_set_owner(struct store *st, int64_t id, const struct track_target *t,
		    const char *owner, struct diag *d);
int store_set_due(struct store *st, int64_t id, const struct track_target *t,
		  const char *due, struct diag *d);
/* Attach E (made by evidence_make: its hash and size already taken),
 * replacing the evidence with the same ref; added_by/at are the store's. */
int store_add_evidence(struct store *st, int64_t id, const struct track_target *t,
		       const struct evidence *e, struct diag *d);
/* Remove the evidence REF; -1 with d set when there is none. */
int store_remove_evidence(struct store *st, int64_t id, const struct track_target *t,
			  const char *ref, struct diag *d);
/* Several edits in one transaction (the filled workbook read back):
 * each a field of a review, action or checklist item, KEY the
 * countermeasure or item, KEY2 the action; VALUE the stable id
 * ("implemented", "todo", "done"), the note, owner or due date (NULL or
 * "" none; a due date YYYY-MM-DD, an owner one line).  With
 * CHECK_EXPECT, the field must still hold EXPECT (NULL none) or nothing
 * is applied: the database changed since the caller looked.  All or
 * nothing; one history row per field changed. */
enum store_field { SF_DECISION, SF_REVIEW_NOTE, SF_ACTION, SF_ACTION_NOTE, SF_CHECK,
		   SF_CHECK_NOTE, SF_REVIEW_OWNER, SF_REVIEW_DUE, SF_ACTION_OWNER,
		   SF_ACTION_DUE, SF_CHECK_OWNER, SF_CHECK_DUE, N_STORE_FIELDS };
struct store_change {
	enum store_field field;
	const char *checklist;		/* checks: the checklist id */
	const char *key, *key2;
	const char *value;
	int check_expect;
	const char *expect;
};
int store_apply(struct store *st, int64_t id, const struct store_change *c, size_t n,
		struct diag *d);

int store_copy(struct store *st, int64_t id, const char *name, int64_t *new_id,
	       struct diag *d);
int store_rename(struct store *st, int64_t id, const char *name, struct diag *d);
int store_delete(struct store *st, int64_t id, struct diag *d);

struct history_entry {
	int64_t seq;
	char *at, *who, *what, *old_value, *new_value;	/* values NULL if none */
};
int store_history(struct store *st, int64_t id, struct history_entry **out, size_t *n,
		  struct diag *d);
void store_history_free(struct history_entry *h, size_t n);

/* PRAGMA integrity_check over the whole database; 0 when "ok", else the
 * database is refused from then on (no more writes). */
int store_check(struct store *st, struct diag *d);
/* A consistent copy of the live database to PATH (VACUUM INTO). */
int store_backup(struct store *st, const char *path, struct diag *d);

/* store_watch.c: sharing the database with other writers (the
 * workbench).  The busy wait in milliseconds (10 s by default); whether
 * the last call was refused because another connection held the lock;
 * PRAGMA data_version, which changes when another connection commits. */
void store_set_busy_wait(struct store *st, int ms);
int store_was_busy(const struct store *st);
int store_data_version(struct store *st, long long *version);

#endif
