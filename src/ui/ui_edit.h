/* ui_edit.h - the text editor of prompts: one line for names and paths,
 * several for notes (a line break is a character like any other, so a
 * note round-trips byte for byte); wide characters kept whole, the
 * visible part scrolled by display width.  Pure, tested without a
 * terminal. */
#ifndef IOTSCOPE_UI_EDIT_H
#define IOTSCOPE_UI_EDIT_H

#include <stddef.h>
#include <wchar.h>

struct ui_edit {
	wchar_t *buf;
	size_t len, cap, cur;		/* characters; cursor before buf[cur] */
	int multiline;			/* a note: line breaks kept and typed */
	int replace;			/* the first character typed replaces the text */
	int modified;			/* changed since it started */
	size_t top;			/* the first line shown (multi-line) */
};

enum edit_result { EDIT_GOING, EDIT_ACCEPT, EDIT_CANCEL, EDIT_EXTERNAL, EDIT_NOMEM };

/* Start with TEXT (UTF-8, may be NULL); -1 when out of memory.  A
 * one-line editor shows control characters as spaces; a multi-line one
 * keeps every character as it is. */
int ui_edit_init(struct ui_edit *e, const char *text);
int ui_edit_init_lines(struct ui_edit *e, const char *text);
void ui_edit_free(struct ui_edit *e);
/* One key (a character, or UI_KEY_FN(curses key)): printable characters
 * insert; Backspace, Del, Left, Right, Home/^A, End/^E, ^U (kill to the
 * start), ^K (kill to the end) edit; Enter accepts; Esc and ^G cancel.
 * Multi-line (keys in KM_NOTE): ^J and Alt-Enter break the line, Up and
 * Down move between lines, Home/End and ^U/^K work on the line, ^X asks
 * for the external editor. */
enum edit_result ui_edit_key(struct ui_edit *e, int key);
/* The text as UTF-8 (malloc'd; NULL when out of memory). */
char *ui_edit_text(const struct ui_edit *e);
/* The first character to show so the cursor fits in COLS columns. */
size_t ui_edit_first_visible(const struct ui_edit *e, int cols);
/* Multi-line: the line the cursor is on (0-based), the number of lines,
 * and where line LINE starts in buf. */
size_t ui_edit_cursor_line(const struct ui_edit *e);
size_t ui_edit_lines(const struct ui_edit *e);
size_t ui_edit_line_start(const struct ui_edit *e, size_t line);

#endif
