/* assessment.h - everything one assessment holds, in memory: who and
 * what it is (the survey details), the Fig. 16 answers, the review of
 * each countermeasure and its actions, and the checklists (Annexes 1
 * and 2: the catalog's, each known by its id).
 * The store keeps it in SQLite; export writes it; import reads it back. */
#ifndef IOTSCOPE_ASSESSMENT_H
#define IOTSCOPE_ASSESSMENT_H

#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "diag.h"
#include "survey.h"

/* The review of a derived countermeasure. */
enum decision { DECISION_NONE, DECISION_TODO, DECISION_IN_PLACE,
		DECISION_NOT_APPLICABLE, DECISION_LATER, N_DECISIONS };
/* The state of one concrete action (□) or duty to transfer. */
enum action_state { ACTION_NONE, ACTION_DONE, ACTION_NOT_DONE,
		    ACTION_NOT_APPLICABLE, N_ACTION_STATES };
/* A checklist item's 実施チェック. */
enum check_status { CHECK_NONE, CHECK_IMPLEMENTED, CHECK_PARTLY,
		    CHECK_NOT_IMPLEMENTED, CHECK_NOT_APPLICABLE, N_CHECK_STATUSES };

/* Stable ASCII names ("todo", "in-place", ...), used by files, the
 * database and the command line; parse returns -1 when unknown. */
const char *decision_id(enum decision d);
int decision_parse(const char *s);
const char *action_state_id(enum action_state s);
int action_state_parse(const char *s);
const char *check_status_id(enum check_status s);
int check_status_parse(const char *s);

/* Words for people, translated, one set for screens and exports
 * ("undecided", "to do", ...; "?" when out of range). */
const char *decision_label(enum decision d);
const char *action_state_label(enum action_state s);
const char *check_status_label(enum check_status s);

/* A reference to what shows the work is done: a local file or a URL.
 * For a file, its SHA-256 and size when it was attached, so that an
 * auditor can tell whether it changed since. */
struct evidence {
	char *ref;			/* the path or URL, as given */
	char *note;			/* NULL if none */
	char *sha256;			/* 64 lowercase hex digits; NULL for a URL */
	long long size;			/* bytes; -1 for a URL */
	char *added_by, *added_at;
};

/* Who does it, by when, and the evidence (issue 12): on each review,
 * action and checklist item. */
struct tracking {
	char *owner;			/* NULL if none */
	char *due;			/* "YYYY-MM-DD", NULL if none */
	struct evidence *evidence;	/* sorted by ref */
	size_t nevidence;
};

struct action_review {
	char *key;			/* action_key() */
	enum action_state state;
	char *note;			/* NULL if none */
	char *changed_by, *changed_at;
	struct tracking track;
};

struct cm_review {
	char *cm;			/* countermeasure id: "B-61", "C-2-del" */
	enum decision decision;
	char *note;
	char *changed_by, *changed_at;
	struct tracking track;
	struct action_review *actions;
	size_t nactions;
};

struct check_entry {
	char *checklist;		/* its catalog id: "annex1", "annex2" */
	char *item;			/* "II.1.1.1", "III.1.1.1.a" */
	enum check_status status;
	char *note;
	char *changed_by, *changed_at;	/* ISO 8601 UTC */
	struct tracking track;
};

struct assessment {
	int64_t id;			/* store row id; 0 when not stored */
	struct survey *survey;		/* details and answers */
	char *created, *changed;	/* ISO 8601 UTC, "2026-11-21T21:48:49Z" */
	char *catalog_edition;
	int catalog_revision;
	struct cm_review *reviews;	/* sorted by cm id */
	size_t nreviews;
	struct check_entry *checks;	/* sorted by checklist id, item */
	size_t nchecks;
};

/* The key of an action of a countermeasure: "1", "2", ... for the n-th
 * <action>; "<role>.<n>" ("c.2") for the n-th duty transferred to a role
 * (C-n-del items).  Stable across catalog revisions that keep the order.
 * TRANSFER 0 names cm->actions, TRANSFER t (1-based) cm->transfers[t-1];
 * N is 1-based.  malloc'd; NULL when out of range or out of memory. */
char *action_key(const struct cat_cm *cm, size_t transfer, size_t n);
/* Every action key of CM in catalog order (malloc'd array of malloc'd
 * strings); returns the count, or -1 when out of memory. */
int action_keys(const struct cat_cm *cm, char ***keys);
void action_keys_free(char **keys, int n);
/* The text of the action with KEY, or NULL if CM has no such action. */
const char *action_text(const struct cat_cm *cm, const char *key);

struct assessment *assessment_new(const struct form *f);
void assessment_free(struct assessment *a);

/* Lookups; NULL when there is none yet. */
struct cm_review *assessment_review(const struct assessment *a, const char *cm);
struct action_review *assessment_action(const struct assessment *a, const char *cm,
					const char *key);
struct check_entry *assessment_check(const struct assessment *a, const char *checklist,
				     const char *item);

/* Setters that create the entry when missing and keep the arrays
 * sorted.  NOTE may be NULL (no note).  -1 with d set (out of memory). */
int assessment_set_decision(struct assessment *a, const char *cm, enum decision dec,
			    const char *note, struct diag *d);
int assessment_set_action(struct assessment *a, const char *cm, const char *key,
			  enum action_state st, const char *note, struct diag *d);
int assessment_set_check(struct assessment *a, const char *checklist, const char *item,
			 enum check_status st, const char *note, struct diag *d);

/* Replace *DST by a copy of SRC (NULL or "" clears); -1 when out of memory. */
int assessment_set_text(char **dst, const char *src);
/* A due date: exactly "YYYY-MM-DD", a day of the calendar; -1 with d
 * set (saying what WHERE names) when not. */
int due_date_check(const char *where, const char *s, struct diag *d);
/* Owner and due date of T (NULL or "" clears); -1 with d set. */
int tracking_set(struct tracking *t, const char *owner, const char *due, struct diag *d);
/* Add a copy of E to T, replacing the evidence with the same ref. */
int tracking_add_evidence(struct tracking *t, const struct evidence *e, struct diag *d);
/* Remove the evidence REF from T; 0, or -1 when T has none. */
int tracking_remove_evidence(struct tracking *t, const char *ref);
/* The evidence of T with REF, or NULL. */
const struct evidence *tracking_evidence(const struct tracking *t, const char *ref);
/* Evidence from what a user gives: a URL (scheme://...) is kept as it
 * is; anything else is a local file, kept by its absolute path with its
 * SHA-256 and size now.  *E's strings are malloc'd (evidence_free);
 * -1 with d set (a missing file, a directory, ...). */
int evidence_make(const char *ref, const char *note, struct evidence *e, struct diag *d);
void evidence_free(struct evidence *e);
/* Is REF a URL (scheme://...)? */
int evidence_is_url(const char *ref);
/* Anything set on T? */
int tracking_written(const struct tracking *t);
void tracking_clear(struct tracking *t);
/* The tracking of a review, an action or a check, created when missing
 * (status and decision "none"); NULL when out of memory. */
struct tracking *assessment_review_track(struct assessment *a, const char *cm);
struct tracking *assessment_action_track(struct assessment *a, const char *cm,
					 const char *key);
struct tracking *assessment_check_track(struct assessment *a, const char *checklist,
					const char *item);

/* Has the user written anything into R: a decision, a note, an action
 * state or note?  (Such a review is kept when its countermeasure drops out.) */
int assessment_review_written(const struct cm_review *r);

/* Progress figures for lists and summaries. */
struct assessment_progress {
	size_t answered, cells;		/* survey cells */
	size_t derived, reviewed;	/* derived countermeasures, with a decision */
	size_t dropped;			/* reviewed but no longer derived */
	size_t checks_done, checks;	/* every checklist's items, with a status */
};

/* Fill P, deriving from the answers now (a review counts as "dropped"
 * when its countermeasure is no longer derived and it holds a decision,
 * a note or an action state).  -1 when out of memory. */
int assessment_progress_of(const struct assessment *a, const struct catalog *c,
			   struct assessment_progress *p);
/* The same from a derivation already made (DV NULL: nothing derived). */
struct derivation;
void assessment_progress_with(const struct assessment *a, const struct catalog *c,
			      const struct derivation *dv, struct assessment_progress *p);

#endif
