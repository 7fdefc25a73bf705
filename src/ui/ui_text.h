/* ui_text.h - UTF-8 text cut, padded and wrapped by display columns:
 * truncating and padding, and wrapping Japanese without cutting a
 * character, over base/text_width.h.  Pure: no curses, tested without a
 * terminal. */
#ifndef IOTSCOPE_UI_TEXT_H
#define IOTSCOPE_UI_TEXT_H

#include <stddef.h>
#include <wchar.h>

#include "text_width.h"

/* The measuring is base/text_width.h; the screens call it by these
 * names. */
#define ui_text_next text_next_shown
#define ui_text_set_ambiwide text_set_ambiwide
#define ui_ambiwidth_setting text_ambiwidth_setting
#define ui_text_ambiwide text_ambiwide
#define ui_text_shown text_shown
#define ui_text_wcwidth text_wcwidth
#define ui_text_width text_width
#define ui_text_fit text_fit

/* S on one line of exactly COLS columns: cut with "…" when too long,
 * padded with spaces when short (malloc'd; NULL when out of memory). */
char *ui_text_pad(const char *s, int cols);
/* S cut to at most COLS columns with "…" when cut, not padded. */
char *ui_text_trunc(const char *s, int cols);

/* Wrapping: lines of at most COLS columns; a line breaks at "\n", after
 * a space in Latin text, or between any two characters of Japanese text,
 * but never before closing punctuation (。、」 ...: a light kinsoku). */
struct ui_line {
	size_t off, len;		/* bytes of the source */
	int width;			/* columns */
	int indent;			/* columns before it (ui_wrap_hanging) */
};
struct ui_lines {
	struct ui_line *v;
	size_t n, cap;
};
/* Append the wrapped lines of S to L; -1 when out of memory. */
int ui_wrap(const char *s, int cols, struct ui_lines *l);
/* The same, with the lines a text line wraps onto indented under its
 * text: past its leading spaces and its list mark ("i. ", "a) "). */
int ui_wrap_hanging(const char *s, int cols, struct ui_lines *l);
void ui_lines_free(struct ui_lines *l);

#endif
