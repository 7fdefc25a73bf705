/* ui_edit.h - a one-line text editor for names, notes and paths: wide
 * characters kept whole, the visible part scrolled by display width.
 * Pure, tested without a terminal. */
#ifndef IOTSCOPE_UI_EDIT_H
#define IOTSCOPE_UI_EDIT_H

#include <stddef.h>
#include <wchar.h>

struct ui_edit {
	wchar_t *buf;
	size_t len, cap, cur;		/* characters; cursor before buf[cur] */
};

enum edit_result { EDIT_GOING, EDIT_ACCEPT, EDIT_CANCEL, EDIT_NOMEM };

/* Start with TEXT (UTF-8, may be NULL); -1 when out of memory. */
int ui_edit_init(struct ui_edit *e, const char *text);
void ui_edit_free(struct ui_edit *e);
/* One key (a character, or UI_KEY_FN(curses key)): printable characters
 * insert; Backspace, Del, Left, Right, Home/^A, End/^E, ^U (kill to the
 * start), ^K (kill to the end) edit; Enter accepts; Esc and ^G cancel. */
enum edit_result ui_edit_key(struct ui_edit *e, int key);
/* The text as UTF-8 (malloc'd; NULL when out of memory). */
char *ui_edit_text(const struct ui_edit *e);
/* The first character to show so the cursor fits in COLS columns. */
size_t ui_edit_first_visible(const struct ui_edit *e, int cols);

#endif
