/* ui.h - the workbench's shared state and its screens.  A screen is a
 * table of callbacks (tig view_ops): adding one is one file and one line
 * in ui.c.  Everything here draws with curses; the pure logic it uses
 * lives in ui_text, ui_layout, ui_action, ui_grid, ui_cmlist, ui_model
 * and ui_edit. */
#ifndef IOTSCOPE_UI_H
#define IOTSCOPE_UI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "assessment.h"
#include "catalog.h"
#include "derive.h"
#include "form.h"
#include "store.h"
#include "ui_action.h"
#include "ui_cmlist.h"
#include "ui_edit.h"
#include "ui_grid.h"
#include "ui_layout.h"

enum ui_screen_id { SCR_LIST, SCR_SURVEY, SCR_CMS, SCR_ANNEX, SCR_EXPORT, N_SCREENS };

struct ui;

struct ui_screen {
	const char *name, *short_name;	/* N_() */
	int needs_assessment;
	int pane;			/* wants the explanation pane */
	enum ui_keymap (*keymap)(const struct ui *u);
	void (*enter)(struct ui *u);
	void (*draw)(struct ui *u);
	void (*act)(struct ui *u, enum ui_action a);
};

extern const struct ui_screen ui_list_screen, ui_survey_screen, ui_cms_screen,
	ui_annex_screen, ui_export_screen;

/* ---------- per-screen state ---------- */

struct ui_example {
	char *path, *file, *name;
};

struct list_state {
	struct assessment_summary *items;	/* positions base .. base + nitems - 1 */
	size_t base, nitems;
	size_t n, cur, top;			/* n: how many in the database */
	int examples;			/* choosing an example */
	struct ui_example *ex;
	size_t nex, ex_cur, ex_top;
	int64_t pending_id;		/* what a prompt or confirmation is about */
	size_t pending_ex;
};

struct survey_state {
	struct ui_grid grid;
	struct grid_cursor cur;
	size_t top;
	int editing;			/* the detail a prompt is for */
};

struct cms_state {
	struct cm_filter filter;
	char *search;
	struct ui_cmlist list;
	int stale;
	size_t cur, top;		/* rows of the list */
	int cur_cm;			/* the countermeasure under the cursor, or -1 */
	int detail;			/* the detail view of one countermeasure */
	char **keys;			/* its action keys */
	int nkeys;
	int sel;			/* 0 the note, 1.. the actions */
	int follow;			/* scroll to the selection (not after PgUp/PgDn) */
	int sel_shown;			/* the selection was on screen at the last draw */
	size_t dtop;
};

struct annex_state {
	size_t cur;			/* entry index */
	size_t top;
	char *search;			/* the last search, or NULL */
	int filter;			/* enum annex_filter */
};

struct export_state {
	int field;
	int what, format, blank, bom;
	char *path;
	int path_edited;
	int asking;			/* the replace question is open */
	char *written;			/* the last file written */
};

/* A change the store refused: kept in memory and on screen, retried. */
enum pending_kind { PEND_ANSWER, PEND_DETAIL, PEND_DECISION, PEND_REVIEW_NOTE, PEND_ACTION,
		    PEND_ACTION_NOTE, PEND_CHECK, PEND_CHECK_NOTE };
struct ui_pending {
	enum pending_kind kind;
	int64_t id;			/* the assessment it belongs to */
	int n;				/* answer, detail */
	int state;
	char *a, *b, *value;		/* cell/cm/item, key/checklist id, text */
	char *what;			/* in words, for the report at exit */
};

/* ---------- the workbench ---------- */

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

	enum ui_screen_id screen;
	int help;			/* the help overlay is open */
	size_t help_top;
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

	struct list_state list;
	struct survey_state survey;
	struct cms_state cms;
	struct annex_state *annex;	/* per catalog checklist */
	size_t checklist;		/* the one the checklist screen shows */
	struct export_state exp;
};

/* ui.c: the workbench without the terminal (used by ui_run and the
 * redraw benchmark). */
struct ui *ui_new(const struct catalog *c, const struct form *f, struct store *st,
		  const char *db_path, const char *catalog_dir);
void ui_free(struct ui *u);
void ui_resize(struct ui *u, int rows, int cols);
/* One key: a character, or UI_KEY_FN(curses key). */
void ui_key(struct ui *u, int key);
/* Draw everything into stdscr and mark it for the next doupdate(). */
void ui_draw(struct ui *u);
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

/* ui_extedit.c: TEXT edited in $VISUAL/$EDITOR on a 0600 temporary
 * file; the result (malloc'd), or NULL with D set. */
char *ui_extedit(const char *text, struct diag *d);
/* The rows of the body a screen may use below its own header lines. */
int ui_body_rows(const struct ui *u);

/* ui_term.c: the terminal itself. */
int ui_term_refuse(void);		/* 0 when this is a usable terminal */
int ui_term_start(void);
void ui_term_stop(void);
void ui_signals_install(void);
void ui_signals_restore(void);
int ui_signal_caught(void);		/* the signal number, 0 if none */
int ui_input_gone(void);
#define UI_TICK_MS 200			/* getch timeout: the loop looks at signals */
#define UI_BUSY_MS 100			/* the longest the store may wait for a lock */
int ui_term_escdelay(void);		/* ms to wait for the rest of a sequence */
/* How wide the terminal draws an East Asian ambiguous character (1 or
 * 2): it prints one and reads the cursor position back (vim's
 * ambiwidth, t_u7); 1 when the terminal does not answer in time. */
int ui_term_probe_ambiwidth(void);

/* ui_save.c: every change saved at once (store.h), mirrored in memory. */
int ui_save_answer(struct ui *u, int cell, enum answer a);
int ui_save_detail(struct ui *u, enum detail k, const char *value);
int ui_save_decision(struct ui *u, const char *cm, enum decision d);
int ui_save_review_note(struct ui *u, const char *cm, const char *note);
int ui_save_action(struct ui *u, const char *cm, const char *key, enum action_state s);
int ui_save_action_note(struct ui *u, const char *cm, const char *key, const char *note);
int ui_save_check(struct ui *u, const char *checklist, const char *item,
		  enum check_status s);
int ui_save_check_note(struct ui *u, const char *checklist, const char *item,
		       const char *note);
/* Try the refused changes again, each in the assessment it was made in
 * (whichever is open now); the number still refused. */
size_t ui_save_retry(struct ui *u);
/* Once a tick (no key): the changes waiting for the lock tried again,
 * and what other programs committed read back (PRAGMA data_version);
 * 1 when the screen must be redrawn. */
int ui_tick(struct ui *u);
/* Name each change still refused on OUT, one line each. */
void ui_save_report(const struct ui *u, FILE *out);
void ui_pending_free(struct ui *u);

/* ui_help.c: the keys of the current screen, over its body. */
void ui_help_draw(struct ui *u);
void ui_help_act(struct ui *u, enum ui_action a);

#endif
