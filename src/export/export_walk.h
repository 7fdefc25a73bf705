/* export_walk.h - the one walk over an assessment that feeds every export
 * writer (style.md: ncdu's dir_output).  The walk decides what is written
 * and in which order; a writer (export_xml.c, export_csv.c,
 * export_html.c) decides only how.  Internal to the export module. */
#ifndef IOTSCOPE_EXPORT_WALK_H
#define IOTSCOPE_EXPORT_WALK_H

#include <stdio.h>

#include "assessment.h"
#include "crosswalk.h"
#include "derive.h"
#include "export.h"

/* One drawn cell of a Fig. 16 line. */
struct ex_cell {
	const struct form_cell *fc;
	const char *id;			/* answer: its id; mirror: the cell shown; fixed */
	enum answer value;		/* fixed: ANSWER_YES */
	const char *needs;		/* id of the cell it needs, or NULL */
	int applies;			/* 0: NEEDS is not ○, the cell does not matter */
};

/* One action (□) or duty of a countermeasure, with its state. */
struct ex_action {
	const char *key;
	const char *text;		/* NULL: this catalog has no such action */
	int role;			/* C-n-委 duty: execution role index; else -1 */
	const struct action_review *review;	/* NULL: none yet */
	enum action_state state;
};

/* One countermeasure: derived now, or reviewed earlier and no longer derived. */
struct ex_cm {
	const char *id;
	const struct cat_cm *cm;	/* NULL: unknown to this catalog */
	const struct derived *derived;	/* NULL: no longer derived */
	const struct cm_review *review;	/* NULL: not reviewed */
	enum decision decision;
	struct ex_action *actions;
	size_t nactions;
	char **keys;			/* action_keys(), owned */
};

struct ex_annex_sum {
	size_t items, done;			/* checkable items, with a status */
	size_t by_status[N_CHECK_STATUSES];
	size_t *sec_items, *sec_done;		/* per entry index of a top-level section */
	size_t (*sec_status)[N_CHECK_STATUSES];	/* the same, by status */
};

/* The figures of the summary: the totals are the core's progress
 * (assessment_progress_with), the breakdowns counted by the walk; never
 * by a writer. */
struct ex_summary {
	size_t answered, cells;
	size_t derived, reviewed, dropped;
	size_t per_vp[N_VIEWPOINTS], reviewed_vp[N_VIEWPOINTS];
	size_t by_decision[N_DECISIONS];	/* derived countermeasures */
	size_t by_state[N_ACTION_STATES];	/* their actions */
	struct ex_annex_sum *checklists;	/* per catalog checklist, its order */
};

struct ex_ctx {
	const struct catalog *c;
	const struct form *f;
	const struct assessment *a;
	const struct export_options *o;
	const char *kind;		/* export_what_id(o), passed in so
					   that a writer does not call export.c */
	const char *generated_at;
	struct derivation *dv;
	int pattern;			/* Annex 3 pattern 1-6, 0 unknown */
	const struct cat_annex *only;	/* EXPORT_CHECKLIST: that checklist */
	struct ex_cm *cms;		/* derived first, then no longer derived */
	size_t ncms;
	struct ex_summary sum;
	FILE *out;
	struct diag *d;
	void *state;			/* the writer's own, state_size bytes
					   zeroed by export_walk (tig's
					   private_size) */
	size_t records;			/* CSV: records written, for the check */
};

/* A writer: every hook may be NULL; each returns 0 or -1 with x->d set. */
struct ex_writer {
	size_t state_size;		/* of what x->state points to */
	int (*begin)(struct ex_ctx *x);
	int (*details)(struct ex_ctx *x);
	int (*survey_begin)(struct ex_ctx *x);
	int (*group)(struct ex_ctx *x, const struct form_group *g, int open);
	int (*block)(struct ex_ctx *x, const struct form_block *b, int open);
	int (*line)(struct ex_ctx *x, const struct form_line *l,
		    const struct ex_cell *cells, int ncells);
	int (*survey_end)(struct ex_ctx *x);
	int (*cms_begin)(struct ex_ctx *x);
	int (*cm)(struct ex_ctx *x, const struct ex_cm *cm);
	int (*cms_end)(struct ex_ctx *x);
	int (*checklist_begin)(struct ex_ctx *x, const struct cat_annex *cl);
	int (*entry)(struct ex_ctx *x, const struct cat_annex *cl, const struct cat_annex_entry *e,
		     const struct cat_annex_entry *parent, const struct check_entry *ck);
	int (*checklist_end)(struct ex_ctx *x, const struct cat_annex *cl);
	/* --what crosswalk: one row per (ISO/IEC 27002 clause, item) tie */
	int (*crosswalk_begin)(struct ex_ctx *x);
	int (*crosswalk_row)(struct ex_ctx *x, const struct crosswalk_row *r);
	int (*crosswalk_end)(struct ex_ctx *x);
	int (*summary)(struct ex_ctx *x);
	int (*end)(struct ex_ctx *x);
};

extern const struct ex_writer export_xml_writer;
extern const struct ex_writer export_csv_writer;
extern const struct ex_writer export_html_writer;

/* Gather what the writers need (derivation, countermeasures, summary)
 * into X, whose c, f, a, o and d are set; -1 with d set.  A review or
 * check of an id this catalog does not know is refused, not dropped. */
int export_prepare(struct ex_ctx *x);
void export_release(struct ex_ctx *x);
/* Run W over the prepared X, writing to x->out. */
int export_walk(struct ex_ctx *x, const struct ex_writer *w);
/* Does X's export hold checklist CL (the whole assessment: every one)? */
int export_holds(const struct ex_ctx *x, const struct cat_annex *cl);
/* The summary figures of checklist CL. */
const struct ex_annex_sum *export_sum_of(const struct ex_ctx *x, const struct cat_annex *cl);

/* A checklist item's level id ("basic"), mark ("●"); "" for none. */
const char *export_level_id(enum level l);
const char *export_level_mark(enum level l);
/* Is S valid UTF-8 without characters XML 1.0 cannot hold?  -1 with d
 * set naming WHAT when not. */
int export_text_ok(const char *s, const char *what, struct diag *d);
/* Write S with each character of SPECIAL ("&<>\"'\r\t\n" or a subset)
 * as its entity or character reference. */
void export_escape(FILE *out, const char *s, const char *special);

/* The format-specific checks of a rendered export (re-read from disk);
 * the check of export_format_info. */
int export_xml_check(const struct form *f, const char *buf, size_t len, size_t records,
		     const char *name, struct diag *d);
int export_csv_check(const struct form *f, const char *buf, size_t len, size_t records,
		     const char *name, struct diag *d);
int export_html_check(const struct form *f, const char *buf, size_t len, size_t records,
		      const char *name, struct diag *d);

#endif
