/* export.h - what auditors receive: the whole assessment, one checklist
 * (the catalog's: Annex 1, Annex 2, ...) or the countermeasure review, as XML (forms/assessment.xsd),
 * CSV or HTML; and reading a whole-assessment export back.
 * One walk over an assessment feeds every writer (style.md, ncdu). */
#ifndef IOTSCOPE_EXPORT_H
#define IOTSCOPE_EXPORT_H

#include <stdio.h>

#include "assessment.h"
#include "catalog.h"
#include "diag.h"
#include "form.h"

/* EXPORT_OPEN (issue 12): what is still to do, with owner, due date and
 * evidence, overdue first (a plan of action and milestones). */
enum export_what { EXPORT_ASSESSMENT, EXPORT_CHECKLIST, EXPORT_COUNTERMEASURES,
		   EXPORT_CROSSWALK, EXPORT_OPEN, N_EXPORT_WHATS };
enum export_format { EXPORT_XML, EXPORT_CSV, EXPORT_HTML, EXPORT_XLSX, N_EXPORT_FORMATS };

struct export_options {
	enum export_what what;
	const char *checklist;		/* EXPORT_CHECKLIST: its catalog id */
	enum export_format format;
	int blank;			/* checklist as a form to hand out */
	int bom;			/* CSV: UTF-8 byte order mark */
	int raw;			/* CSV: notes verbatim, even when a
					   spreadsheet would run them as a
					   formula (=, +, -, @, tab, CR first) */
	const char *generated_at;	/* ISO 8601; NULL = now */
	int timeless;			/* no generated-at: the same data gives
					   the same bytes (derive --format xml) */
	const char *db_path;		/* the database the assessment comes from:
					   export_to_file never replaces it nor
					   its -wal/-shm/-journal (write_guard.h) */
};

/* One row per format (export_formats.c). */
struct ex_writer;
struct export_format_info {
	const char *id;			/* --format xml */
	const char *ext;		/* of the suggested file name */
	const char *ext_alias;		/* another extension of its files, or NULL */
	const char *description;	/* N_(): the export screen's choice */
	const struct ex_writer *writer;	/* export_walk.h */
	/* What the format promises, checked on what was written (RECORDS:
	 * as counted by the writer); -1 with "NAME: reason" in d. */
	int (*check)(const struct form *f, const char *buf, size_t len, size_t records,
		     const char *name, struct diag *d);
	unsigned whats;			/* bit (1 << enum export_what) it can hold */
	const char *refused;		/* N_(): why not the others; NULL generic */
	int spreadsheet;		/* --bom and --raw apply */
};
/* The row of format F; NULL when there is none (an unknown format). */
const struct export_format_info *export_format_info(int f);
/* The format whose files end in EXT ("csv", "HTM": any case), or -1. */
int export_format_of_ext(const char *ext);
/* The format ids joined by SEP: "xml|csv|html" (malloc'd; NULL no memory). */
char *export_format_choices(const char *sep);

/* What to export from its name: "assessment", "countermeasures" or the
 * id of one of C's checklists ("annex1"); sets o->what and o->checklist
 * (C's string).  -1 when C has no such thing. */
int export_what_parse(const struct catalog *c, const char *s, struct export_options *o);
/* The choices of export_what_parse joined by SEP, the checklists in the
 * catalog's order: "assessment|annex1|annex2|countermeasures|crosswalk|open" (malloc'd;
 * NULL when out of memory). */
char *export_what_choices(const struct catalog *c, const char *sep);
/* The choices of what to export from C: their number, and choice I (in
 * the order of export_what_choices) in o->what and o->checklist; -1
 * past the end.  The export screen lists them from here. */
size_t export_what_count(const struct catalog *c);
int export_what_nth(const struct catalog *c, size_t i, struct export_options *o);
/* What O exports in words, translated: "the whole assessment", "the
 * Annex 1 checklist" (malloc'd; NULL when out of memory). */
char *export_what_words(const struct catalog *c, const struct export_options *o);
/* The name of what O exports ("annex2"); "?" when it names nothing. */
const char *export_what_id(const struct export_options *o);
int export_format_parse(const char *s);
const char *export_format_id(enum export_format f);
/* Is this combination one we write?  CSV holds one table, so not the
 * whole assessment; blank is for a checklist; bom for CSV.  -1 with a
 * message in d when not (export_to_* check it too; they also refuse a
 * checklist the catalog does not have). */
int export_options_check(const struct export_options *o, struct diag *d);
/* A file name suggestion: "<name>-annex2.xml" (malloc'd). */
char *export_default_name(const struct assessment *a, const struct export_options *o);

int export_to_stream(const struct catalog *c, const struct form *f,
		     const struct assessment *a, const struct export_options *o,
		     FILE *out, struct diag *d);
/* The export in memory (malloc'd *BUF of *LEN bytes), not checked: for
 * a caller that checks it another way (the import fuzz target compares
 * it with a checked export of the same assessment).  -1 with d set. */
int export_render(const struct catalog *c, const struct form *f, const struct assessment *a,
		  const struct export_options *o, char **buf, size_t *len, struct diag *d);
/* Written safely: a temporary file in the target directory, flushed and
 * fsync'd, then renamed over PATH; re-read and checked before the rename
 * (XML: validated against the schema).  -1 with d set, PATH untouched. */
int export_to_file(const struct catalog *c, const struct form *f,
		   const struct assessment *a, const struct export_options *o,
		   const char *path, struct diag *d);

/* Read a whole-assessment export (untrusted input: xmlsafe.h; the file is
 * at most XMLSAFE_MAX_BYTES, has no DTD, is valid against
 * forms/assessment.xsd, names only ids this catalog and form know, each
 * once).  Restores the details, answers, reviews and checks with who
 * changed them and when; the derived list and summary in the file are
 * not read (they follow from the rest), nor are the items' guidance and
 * ISO/IEC 27002 references of format 4 (catalog data: the assessment
 * shows this catalog's; a file whose guidance differs imports the same).  NULL with "file:line: reason" in
 * d; nothing is half-read. */
struct assessment *import_file(const struct catalog *c, const struct form *f,
			       const char *path, struct diag *d);
/* The same from LEN bytes in memory; NAME is what messages call it. */
struct assessment *import_memory(const struct catalog *c, const struct form *f,
				 const char *buf, size_t len, const char *name,
				 struct diag *d);

/* A filled XLSX workbook read back (issue 12): the auditor's cells (the
 * 実施チェック/decision/state lists and the notes) compared with
 * assessment A as the database holds it now.  The workbook must be one
 * written from A (its id and creation time) with this catalog (its
 * hash), or it is refused.  Each change says where, old -> new and who
 * set the old value when; a cell the workbook was not meant to change
 * (guideline text, ids, pattern values), a formula, a value not in the
 * list, or a value the database changed since the workbook was written,
 * is reported in IGNORED, never a change; so is a changed evidence cell
 * (a workbook cannot attach a file with its hash).  Owner and due date
 * are read back like the notes.  -1 with "file: reason" in d when the
 * file is refused (not a sound XLSX within the limits of import_xlsx.c,
 * or another assessment's, or a due date that is not YYYY-MM-DD: then
 * the message names its cell, "Sheet!L5"). */
enum wb_field { WB_DECISION, WB_REVIEW_NOTE, WB_ACTION, WB_ACTION_NOTE, WB_CHECK,
		WB_CHECK_NOTE, WB_REVIEW_OWNER, WB_REVIEW_DUE, WB_ACTION_OWNER, WB_ACTION_DUE,
		WB_CHECK_OWNER, WB_CHECK_DUE };
struct wb_change {
	enum wb_field field;
	const char *checklist;		/* checks: the checklist id */
	const char *key, *key2;		/* countermeasure or item; action key */
	const char *where;		/* "Annex 2 III.1.1.1.a, 実施チェック" */
	const char *old_value, *new_value;	/* stable ids or notes; NULL none */
	const char *old_shown, *new_shown;	/* as the workbook shows them */
	const char *changed_by, *changed_at;	/* of the old value; NULL never set */
};
struct wb_import {
	struct arena *arena;
	struct wb_change *changes;
	size_t nchanges;
	const char **ignored;		/* one line each */
	size_t nignored;
};
int import_workbook(const struct catalog *c, const struct form *f, const struct assessment *a,
		    const char *path, struct wb_import *out, struct diag *d);
/* The same from LEN bytes of BUF (NAME in messages): the fuzz target's. */
int import_workbook_memory(const struct catalog *c, const struct form *f,
			   const struct assessment *a, const char *buf, size_t len,
			   const char *name, struct wb_import *out, struct diag *d);
void wb_import_free(struct wb_import *w);

#endif
