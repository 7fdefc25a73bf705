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

/* One open item (EXPORT_OPEN): a derived countermeasure undecided or to
 * do, an action of one not ticked (none, not done), a checklist item
 * unchecked or not implemented. */
enum ex_open_kind { OPEN_CM, OPEN_ACTION, OPEN_CHECK, N_OPEN_KINDS };
struct ex_open {
	enum ex_open_kind kind;
	const char *id;			/* countermeasure id; checklist id */
	const char *key;		/* action key; item id; NULL for a countermeasure */
	const char *number;		/* as printed: "C-2-委", "II. 1. 1. 1." */
	const char *text;		/* title, action or item text */
	const char *status;		/* decision, state or status id */
	const char *status_label;	/* the same in words, translated */
	const struct tracking *track;	/* NULL: nothing set */
	int overdue;			/* due before the export's date */
	const char *changed_by, *changed_at;	/* of its row; NULL never set */
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
	struct ex_open *open;		/* EXPORT_OPEN: the open items, overdue
					   first, then by due date, then none */
	size_t nopen;
	void *sink;			/* a caller's own: where a writer that
					   does not write to out puts its rows
					   (the workbook reader's collector) */
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
	int (*open_item)(struct ex_ctx *x, const struct ex_open *o);	/* EXPORT_OPEN */
	int (*summary)(struct ex_ctx *x);
	int (*end)(struct ex_ctx *x);
	/* after the walk, whether it ended or stopped: what begin took */
	void (*release)(struct ex_ctx *x);
};

extern const struct ex_writer export_xml_writer;
extern const struct ex_writer export_csv_writer;
extern const struct ex_writer export_html_writer;
extern const struct ex_writer export_xlsx_writer;

/* Gather what the writers need (derivation, countermeasures, summary)
 * into X, whose c, f, a, o and d are set; -1 with d set.  A review or
 * check of an id this catalog does not know is refused, not dropped. */
int export_prepare(struct ex_ctx *x);
void export_release(struct ex_ctx *x);
/* export_open.c: fill x->open from the prepared X; -1 with d set. */
int export_open_prepare(struct ex_ctx *x);
/* The kind of an open item as a stable id ("countermeasure", "action",
 * "check") and in words. */
const char *export_open_kind_id(enum ex_open_kind k);
const char *export_open_kind_label(enum ex_open_kind k);

/* Run W over the prepared X, writing to x->out. */
int export_walk(struct ex_ctx *x, const struct ex_writer *w);
/* Does X's export hold checklist CL (the whole assessment: every one)? */
int export_holds(const struct ex_ctx *x, const struct cat_annex *cl);
/* The summary figures of checklist CL. */
const struct ex_annex_sum *export_sum_of(const struct ex_ctx *x, const struct cat_annex *cl);

/* The reasons of E, one a line: "B1 IoT 機器 › category › risk", or
 * "A ... (IV.5)" when IV.5 lists it (malloc'd; NULL with d set). */
char *export_reasons_text(const struct ex_ctx *x, const struct ex_cm *e);
/* The guidance (issue 13) of checklist CL's entry E: items only, in the
 * checklist that lists them; NULL when the catalog has none. */
const struct cat_gitem *export_entry_guidance(const struct ex_ctx *x, const struct cat_annex *cl,
					      const struct cat_annex_entry *e);
/* IT's ISO/IEC 27002 clauses, compact: "6.3※, 6.3.1※, 9.2" (malloc'd;
 * NULL with d set). */
char *export_iso_clauses(const struct ex_ctx *x, const struct cat_gitem *it);
/* PUT(X, paragraph, ARG) for each '\n'-separated paragraph of S (the
 * catalog joins an element's paragraphs so); stops at the first -1.  -1
 * with d set when out of memory. */
int export_paragraphs(struct ex_ctx *x, const char *s,
		      int (*put)(struct ex_ctx *x, const char *one, void *arg), void *arg);
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
int export_xlsx_check(const struct form *f, const char *buf, size_t len, size_t records,
		      const char *name, struct diag *d);
int export_html_check(const struct form *f, const char *buf, size_t len, size_t records,
		      const char *name, struct diag *d);

#endif
