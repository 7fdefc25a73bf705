/* ui_action.h - what a key can do, defined once (tig request.h, neomutt
 * functions.c): the actions with their help text, the keys of each
 * screen as data, and the help screen and status line generated from
 * them.  Pure: curses only for its key constants. */
#ifndef IOTSCOPE_UI_ACTION_H
#define IOTSCOPE_UI_ACTION_H

#include <stddef.h>

#include "i18n.h"
#include "ui_screens.h"

/* X(ID, short label for the status line, help text); the go-to actions
 * UI_GO_<screen> come from the list of screens (ui_screens.h). */
#define UI_GO_ACTION(X, id, screen, key, label, help) X(GO_##id, label, help)
#define UI_ACTIONS(X) \
	X(NONE, "", "") \
	X(QUIT, N_("quit"), N_("quit the workbench (every change is saved already)")) \
	X(BACK, N_("back"), N_("go back")) \
	X(HELP, N_("help"), N_("show the keys of this screen")) \
	X(REDRAW, N_("redraw"), N_("redraw the screen")) \
	X(GLOSSARY, N_("glossary"), N_("the guideline's terms (I.6) in the item under the cursor; none there: search by a word")) \
	UI_SCREENS(UI_GO_ACTION, X) \
	X(UP, N_("up"), N_("move up")) \
	X(DOWN, N_("down"), N_("move down")) \
	X(LEFT, N_("left"), N_("move left")) \
	X(RIGHT, N_("right"), N_("move right")) \
	X(NEXT_BLOCK, N_("next"), N_("next block or section")) \
	X(NEXT_CHECKLIST, N_("next checklist"), N_("show the catalog's next checklist")) \
	X(PREV_CHECKLIST, N_("previous checklist"), N_("show the catalog's previous checklist")) \
	X(PREV_BLOCK, N_("previous"), N_("previous block or section")) \
	X(PAGE_UP, N_("page up"), N_("one page up")) \
	X(PAGE_DOWN, N_("page down"), N_("one page down")) \
	X(HOME, N_("first"), N_("go to the first line")) \
	X(END, N_("last"), N_("go to the last line")) \
	X(OPEN, N_("open"), N_("open the item under the cursor")) \
	X(GUIDANCE, N_("guidance"), N_("the item's guidance: body, best practices, evaluation items, ISO/IEC 27002 controls")) \
	X(ANNEX7, N_("Annex 7"), N_("read in full the Annex 7 topics that speak to this block")) \
	X(SEARCH_GLOSSARY, N_("search"), N_("search the glossary by a word (Enter alone: all terms)")) \
	X(SHOW_ITEM, N_("show"), N_("show the item on its checklist")) \
	X(NEW, N_("new"), N_("create a new, empty assessment")) \
	X(NEW_EXAMPLE, N_("from example"), N_("start a new assessment from one of the guideline's filled examples")) \
	X(COPY, N_("copy"), N_("copy the assessment as a starting point")) \
	X(RENAME, N_("rename"), N_("rename the assessment")) \
	X(DELETE, N_("delete"), N_("delete the assessment (asks first)")) \
	X(ANSWER_YES, N_("○"), N_("answer ○ (yes) and go to the next cell")) \
	X(ANSWER_NO, N_("×"), N_("answer × (no) and go to the next cell")) \
	X(ANSWER_CYCLE, N_("cycle"), N_("cycle the answer: ○ → × → not answered")) \
	X(ANSWER_CLEAR, N_("clear"), N_("clear the answer (not answered yet)")) \
	X(ACTIVATE, N_("change"), N_("change the cell or field under the cursor")) \
	X(EDIT, N_("edit"), N_("edit the text field or note under the cursor")) \
	X(DECIDE_CYCLE, N_("decision"), N_("cycle the decision: to do → in place → not applicable → later → none")) \
	X(DECIDE_TODO, N_("to do"), N_("decide: to do")) \
	X(DECIDE_IN_PLACE, N_("in place"), N_("decide: already in place")) \
	X(DECIDE_NA, N_("n/a"), N_("decide: not applicable to this service")) \
	X(DECIDE_LATER, N_("later"), N_("decide: later")) \
	X(DECIDE_CLEAR, N_("undecided"), N_("clear the decision")) \
	X(STATE_CYCLE, N_("tick"), N_("tick the action: done → not done → not applicable → none")) \
	X(STATUS_CYCLE, N_("status"), N_("cycle the status: implemented → partly → not implemented → not applicable → none")) \
	X(STATUS_IMPL, N_("implemented"), N_("status: implemented")) \
	X(STATUS_PARTLY, N_("partly"), N_("status: partly implemented")) \
	X(STATUS_NOT, N_("not implemented"), N_("status: not implemented")) \
	X(STATUS_NA, N_("n/a"), N_("status: not applicable")) \
	X(STATUS_CLEAR, N_("clear"), N_("clear the status")) \
	X(OWNER, N_("owner"), N_("set who does it: the owner (empty clears)")) \
	X(DUE, N_("due"), N_("set the due date, YYYY-MM-DD (empty clears)")) \
	X(EVIDENCE, N_("evidence"), N_("attach evidence: a file (its SHA-256 and size are kept) or a URL, then a note")) \
	X(VIEW_ITEM, N_("view"), N_("the item in full: text, status, note, owner, due date, evidence")) \
	X(EVIDENCE_REMOVE, N_("remove evidence"), N_("remove an evidence entry (asks first)")) \
	X(FILTER_DECISION, N_("filter"), N_("filter by decision: all, undecided, to do, in place, n/a, later, dropped out")) \
	X(FILTER_VIEWPOINT, N_("viewpoint"), N_("filter by viewpoint: all, A, B, C")) \
	X(FILTER_STATUS, N_("filter"), N_("filter by status: all, not checked, not or partly implemented, implemented, n/a")) \
	X(SEARCH, N_("search"), N_("search number, title, text and actions (starts empty)")) \
	X(SEARCH_NEXT, N_("next match"), N_("the next match of the search")) \
	X(SEARCH_PREV, N_("previous match"), N_("the previous match of the search")) \
	X(NEXT_ITEM, N_("next item"), N_("the next item of the list, without going back to it")) \
	X(PREV_ITEM, N_("previous item"), N_("the previous item of the list, without going back to it")) \
	X(CLEAR_FILTERS, N_("show all"), N_("clear the filters and the search")) \
	X(NEXT_CHOICE, N_("change"), N_("next choice")) \
	X(PREV_CHOICE, N_("change"), N_("previous choice")) \
	X(RUN, N_("write"), N_("write the export")) \
	X(EDIT_SAVE, N_("save"), N_("save the text")) \
	X(EDIT_NEWLINE, N_("new line"), N_("break the line (also Alt-Enter)")) \
	X(EDIT_EXTERNAL, N_("$EDITOR"), N_("edit the note in $VISUAL or $EDITOR")) \
	X(EDIT_CANCEL, N_("cancel"), N_("cancel: the text stays as it was")) \
	X(YES, N_("yes"), N_("answer yes")) \
	X(NO, N_("no"), N_("answer no (any other key too)"))

#define UI_ACTION_ENUM(id, label, help) UI_##id,
enum ui_action { UI_ACTIONS(UI_ACTION_ENUM) N_UI_ACTIONS };
#undef UI_ACTION_ENUM

/* The key tables: one per screen (or mode of a screen), and the global
 * one every screen falls back to. */
enum ui_keymap { KM_GLOBAL, KM_LIST, KM_EXAMPLES, KM_SURVEY, KM_CMS, KM_CM_DETAIL,
		 KM_ANNEX, KM_GUIDE, KM_GLOSSARY, KM_CROSSWALK, KM_EXPORT, KM_HELP, KM_PROMPT, KM_NOTE, KM_CONFIRM,
		 N_KEYMAPS };

/* A key as the loop reads it: a character, or a curses function key
 * with UI_FN set (so that typed characters above 0xff never collide). */
#define UI_FN 0x1000000
#define UI_KEY_FN(k) (UI_FN | (k))

enum ui_action ui_action_for_key(enum ui_keymap km, int key);
const char *ui_action_label(enum ui_action a);	/* untranslated */
const char *ui_action_help(enum ui_action a);	/* untranslated */
/* "Up", "Enter", "Space", "F1", "^L", "q" (static; "?" if unknown). */
const char *ui_key_name(int key);

/* The status line of KM: "?:help  q:back  o:○ ..." fitted in COLS
 * display columns (malloc'd). */
char *ui_status_line(enum ui_keymap km, int cols);

/* The help of KM: every bound action once, with all its keys, the
 * screen's own first, then the global ones it does not override. */
struct ui_help_line {
	char *keys;			/* "k Up" (malloc'd) */
	enum ui_action action;
	int global;
};
/* Keys bound twice in one table (a table mistake); 0 when none. */
int ui_keymap_conflicts(void);

int ui_help_lines(enum ui_keymap km, struct ui_help_line **out, size_t *n);
void ui_help_lines_free(struct ui_help_line *h, size_t n);

#endif
