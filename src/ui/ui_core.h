/* ui_core.h - what the workbench's screens share, and the services they
 * call: the open assessment and its derivation, the terminal size, the
 * message row and its prompts, the changes not yet saved, going to
 * another screen.  A screen is a table of callbacks (tig view_ops) with
 * its own state (tig private_size); the screens depend on this core,
 * never the reverse: the core sees them only through the table ui.c
 * hands it (ui_screens.h lists them). */
#ifndef IOTSCOPE_UI_CORE_H
#define IOTSCOPE_UI_CORE_H

#include <stddef.h>
#include <stdint.h>

#include "assessment.h"
#include "catalog.h"
#include "derive.h"
#include "form.h"
#include "store.h"
#include "ui_action.h"
#include "ui_edit.h"
#include "ui_layout.h"
#include "ui_reader.h"
#include "ui_screens.h"

#define UI_SCREEN_ID(x, id, screen, key, label, help) SCR_##id,
enum ui_screen_id { UI_SCREENS(UI_SCREEN_ID, 0) N_SCREENS };
#undef UI_SCREEN_ID

struct ui;

/* Every callback but keymap, draw and act may be NULL.  A screen finds
 * its state with ui_state(u, its id). */
struct ui_screen {
	const char *name, *short_name;	/* the tab, N_() */
	int needs_assessment;
	int pane;			/* wants the explanation pane */
	int (*pane_now)(const struct ui *u);	/* NULL: pane; else whether it wants it now */
	size_t state_size;		/* calloc'd at ui_new, freed at ui_free */
	int (*init)(struct ui *u, void *state);		/* -1: out of memory */
	void (*done)(void *state);	/* frees what the state points to */
	/* the open assessment was closed (before another opens) */
	void (*reset)(struct ui *u, void *state);
	/* other programs changed the database: read again (current screen) */
	void (*refresh)(struct ui *u);
	enum ui_keymap (*keymap)(const struct ui *u);
	void (*enter)(struct ui *u);
	void (*draw)(struct ui *u);
	void (*act)(struct ui *u, enum ui_action a);
	/* the text of the item under the cursor (malloc'd; NULL: none), where
	 * T looks for the glossary's terms (ui_glossary.c) */
	char *(*cursor_text)(const struct ui *u);
};

/* The glossary over the screen (ui_glossary.c): the terms found at the
 * cursor, or those a typed word finds. */
struct ui_glossary {
	int open;
	char *word;			/* the word typed; NULL: the terms at the cursor */
	size_t *terms, nterms;		/* indexes into the catalog's glossary */
	int pick;			/* several at the cursor: a list to pick one from */
	size_t cur;			/* the list's cursor */
	int reading;			/* reading terms[cur], picked from the list */
	struct ui_reader text;
};

/* A change the store refused: kept in memory and on screen, retried. */
enum pending_kind { PEND_ANSWER, PEND_DETAIL, PEND_DECISION, PEND_REVIEW_NOTE, PEND_ACTION,
		    PEND_ACTION_NOTE, PEND_CHECK, PEND_CHECK_NOTE, PEND_OWNER, PEND_DUE,
		    PEND_EVIDENCE, PEND_EVIDENCE_REMOVE };
struct ui_pending {
	enum pending_kind kind;
	int64_t id;			/* the assessment it belongs to */
	int n;				/* answer, detail */
	int state;
	char *a, *b, *value;		/* cell/cm/item, key/checklist id, text */
	char *what;			/* in words, for the report at exit */
	struct evidence ev;		/* PEND_EVIDENCE: what is attached */
};

typedef void (*ui_text_cb)(struct ui *u, const char *text);
typedef void (*ui_yes_cb)(struct ui *u);

struct ui {
	const struct catalog *cat;
	const struct form *form;
	struct store *st;
	const char *db_path;
	char *examples_dir;

	struct assessment *a;		/* the open assessment, or NULL */
	struct derivation *dv;		/* what its answers derive */
	unsigned changes;		/* counts changes to a, dv: caches compare */

	const struct ui_screen *const *screens;	/* N_SCREENS, by id */
	void *state[N_SCREENS];		/* each screen's own */
	enum ui_screen_id screen;
	int help;			/* the help overlay is open */
	size_t help_top;
	struct ui_glossary glossary;
	struct ui_layout layout;
	int rows, cols;
	int quit;

	char *message;
	int message_error;

	int prompting;			/* a line being typed on the message row */
	char *prompt_label;
	struct ui_edit edit;
	ui_text_cb on_text;
	int confirming;			/* a y/n question on the message row */
	char *confirm_label;
	ui_yes_cb on_yes, on_no;	/* on_no may be NULL: "Cancelled." */

	struct ui_pending *pending;
	size_t npending;
	int waiting;			/* refused for the lock: retried at every tick */
	long long data_version;		/* the store's, when last read (others' commits) */
	struct ui_track *track;		/* owner, due, evidence being asked (ui_track.c) */
};

/* The state of screen ID (what its state_size asked for). */
void *ui_state(const struct ui *u, enum ui_screen_id id);
const struct ui_screen *ui_current(const struct ui *u);
void ui_resize(struct ui *u, int rows, int cols);
/* Close the glossary and free what it showed (the layout is not redone). */
void ui_glossary_clear(struct ui *u);
void ui_go(struct ui *u, enum ui_screen_id s);
int ui_open(struct ui *u, int64_t id);
void ui_close_assessment(struct ui *u);
/* Recompute the derivation after an answer changed. */
void ui_rederive(struct ui *u);
/* The line to show below: a note (error 0) or an error (1). */
void ui_say(struct ui *u, int error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Ask for a line of text (INITIAL may be NULL) or a y/n answer. */
void ui_ask_text(struct ui *u, const char *label, const char *initial, ui_text_cb cb);
void ui_ask_yes(struct ui *u, const char *question, ui_yes_cb cb);
/* Ask for a note: several lines, kept byte for byte (ui_edit.h). */
void ui_ask_note(struct ui *u, const char *label, const char *initial, ui_text_cb cb);
/* The search of a list of N lines, round its end: from CUR (included when
 * FROM_HERE) in DIR to the next line MATCH accepts for Q; says which match
 * it is of how many, or that there is none or no search yet (Q NULL).
 * Returns that line, or N. */
typedef int (*ui_match_cb)(const struct ui *u, size_t i, const char *q);
size_t ui_search_round(struct ui *u, const char *q, size_t n, size_t cur, int dir,
		       int from_here, ui_match_cb match);
/* The rows of the body a screen may use below its own header lines. */
int ui_body_rows(const struct ui *u);

#endif
