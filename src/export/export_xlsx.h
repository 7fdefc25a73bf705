/* export_xlsx.h - the sheets of the XLSX workbooks (issue 12), shared by
 * the writer (export_xlsx.c) and the reader of a filled workbook
 * (import_xlsx.c): each sheet a table of columns, each column a heading,
 * a width, what it holds and how its text is made from the walk.  The
 * reader runs the same walk over the database to know what every cell
 * should hold, so writer and reader cannot drift apart.  Internal to the
 * export module. */
#ifndef IOTSCOPE_EXPORT_XLSX_H
#define IOTSCOPE_EXPORT_XLSX_H

#include "export_walk.h"

/* The sheets: these four, then one per catalog checklist in the
 * catalog's order (sheet XS_CHECKLISTS + i is checklist i), so that a
 * checklist is catalog data only (issue 9). */
enum xs_sheet { XS_SUMMARY, XS_SURVEY, XS_CMS, XS_ACTIONS, XS_OPEN, XS_CROSSWALK,
		XS_CHECKLISTS };

/* What a column holds.  FIXED: from the catalog or the database, never
 * read back (a change there is reported); EVIDENCE: the evidence
 * attached (ref, note, hash), never read back either (a workbook cannot
 * attach a file with its hash); BY/AT: who changed the row and when (the
 * version the workbook was made from); from NOTE on the auditor's, read
 * back: a note, an owner, a due date (text YYYY-MM-DD), or one value of a
 * drop-down list.  STATUS is the open items' list: a decision, an action
 * state or a checklist status by the row (xs_list_kind). */
enum xs_kind { XS_FIXED, XS_EVIDENCE, XS_BY, XS_AT, XS_NOTE, XS_OWNER, XS_DUE, XS_CHECK,
	       XS_DECISION, XS_ACTION, XS_STATUS };

/* Where a row's text comes from (the walk's arguments). */
struct xs_src {
	struct ex_ctx *x;
	const struct cat_annex *cl;		/* checklists */
	const struct cat_annex_entry *e, *parent;
	const struct check_entry *ck;
	const struct ex_cm *cm;			/* countermeasures, actions */
	const struct ex_action *ac;		/* actions */
	const struct form_line *l;		/* survey */
	const struct ex_cell *cells;
	int ncells;
	const char *label, *value;		/* summary */
	const struct ex_open *open;		/* the open items */
	const struct crosswalk_row *xw;		/* the crosswalk */
};

struct xs_col;
/* The text of a cell (malloc'd), NULL for an empty cell; on no memory
 * NULL with *oom set. */
typedef char *xs_get_fn(const struct xs_src *s, const struct xs_col *col, int *oom);

struct xs_col {
	const char *heading;		/* N_() */
	int acol;			/* the Annex table's own heading (enum
					   annex_column) when it prints one, or -1 */
	double width;
	enum xs_kind kind;
	xs_get_fn *get;
	int arg;			/* pattern 1-6; survey column 0-2 */
};

struct xs_sheet_def {
	const char *key;		/* "countermeasures": the meta sheet names it */
	const char *name;		/* N_(): the tab */
	const struct xs_col *cols;	/* cols[0]: the row's id, hidden */
	int ncols;
	int compared;			/* its FIXED cells are checked on reading */
};

/* The number of sheets with C's checklists. */
int xs_nsheets(const struct catalog *c);
/* The columns of sheet S (a checklist with pattern reference values has
 * the pattern columns); NULL when C has no sheet S. */
const struct xs_sheet_def *xs_def(const struct catalog *c, int s);
/* The checklist of sheet S; NULL for the others. */
const struct cat_annex *xs_checklist(const struct catalog *c, int s);
/* Sheet S's key ("survey", a checklist's id) and its tab in the user's
 * language (a checklist's name from the catalog). */
const char *xs_key(const struct catalog *c, int s);
const char *xs_name(const struct catalog *c, int s);
/* Does the workbook of X (x->o, x->only) hold sheet S? */
int xs_holds(const struct ex_ctx *x, int s);
/* The heading of column C of sheet S in the user's language (the
 * guideline's own for the Annex tables); malloc'd, NULL no memory. */
char *xs_heading(const struct ex_ctx *x, int s, const struct xs_col *c);

/* A row, given to the sink with the text of each column. */
struct xs_row {
	int sheet;
	const char *id;
	char **cells;			/* ncols of them, NULL = empty */
	const struct xs_src *src;
	int section;			/* a heading row (bold, no list) */
	int editable;			/* its lists and notes may be filled */
	int overdue;			/* open items: due before the export's day */
};

/* The first member of a writer's (or reader's) state: where rows go. */
struct xs_state {
	int (*row)(struct ex_ctx *x, const struct xs_row *r);
};

/* The walk hooks that make rows (summary, survey lines, countermeasures
 * and their actions, checklist entries). */
int xs_details(struct ex_ctx *x);
int xs_line(struct ex_ctx *x, const struct form_line *l, const struct ex_cell *cells, int n);
int xs_cm(struct ex_ctx *x, const struct ex_cm *cm);
int xs_entry(struct ex_ctx *x, const struct cat_annex *cl, const struct cat_annex_entry *e,
	     const struct cat_annex_entry *parent, const struct check_entry *ck);
int xs_summary(struct ex_ctx *x);
int xs_open_item(struct ex_ctx *x, const struct ex_open *o);
int xs_crosswalk_row(struct ex_ctx *x, const struct crosswalk_row *r);

/* The list a column of KIND holds in the row of SRC: KIND itself, or
 * for XS_STATUS the open item's (decision, action state, status). */
enum xs_kind xs_list_kind(const struct xs_src *s, enum xs_kind k);
/* The owner, due date and evidence of the row of SRC; NULL when none. */
const struct tracking *xs_track(const struct xs_src *s);

/* The stable id of the value a list column of SRC holds now ("implemented",
 * "todo", "done"; "none" when unset), or NULL for other kinds. */
const char *xs_value_id(const struct xs_src *s, enum xs_kind k);
/* The words of a list (labels in the user's language, without "none"):
 * N entries, ids[i] <-> labels[i]; 0 when K has no list. */
int xs_list(enum xs_kind k, const char *ids[8], const char *labels[8]);

/* A workbook read back (import_xlsx.c): each sheet as rows of strings. */
struct xl_row {
	long r;				/* 1-based, as the sheet numbers it */
	int ncells;
	char **cells;			/* by column, NULL = empty */
	unsigned char *formula;		/* by column: the cell holds a formula */
};
struct xl_sheet {
	char *name;
	struct xl_row *rows;
	size_t nrows;
};
struct xl_book {
	struct arena *arena;
	struct xl_sheet *sheets;
	size_t nsheets;
};
/* Read LEN bytes of BUF (NAME in messages): refused, with a message, when
 * not a sound XLSX zip within the limits; NULL with d set. */
struct xl_book *xl_read(const char *buf, size_t len, const char *name, struct diag *d);
void xl_free(struct xl_book *b);
const struct xl_sheet *xl_sheet(const struct xl_book *b, const char *name);

/* The meta sheet: hidden, the workbook's identity for the reader. */
#define XS_META_SHEET "iotscope"
#define XS_FORMAT "iotscope-workbook-1"

#endif
