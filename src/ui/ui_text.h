/* ui_text.h - UTF-8 text measured by display columns (wcwidth), never
 * by bytes: width, truncating and padding, and wrapping Japanese without
 * cutting a character.  Pure: no curses, tested without a terminal.
 * Needs an UTF-8 LC_CTYPE (main.c calls setlocale). */
#ifndef IOTSCOPE_UI_TEXT_H
#define IOTSCOPE_UI_TEXT_H

#include <stddef.h>
#include <wchar.h>

/* Decode one character of S (LEN bytes); *wc gets it and the return is
 * its length in bytes (>= 1).  An invalid or incomplete sequence decodes
 * as one byte shown as '?'; a control character as a space, a bidirectional
 * control (text.h) as '?'. */
size_t ui_text_next(const char *s, size_t len, wchar_t *wc);
/* Terminals that draw East Asian ambiguous characters (○ × ─ ...) two
 * columns wide (--ambiwidth=2): every text shown takes them as plain
 * ASCII (o x - ...), so curses and the terminal agree on each column. */
void ui_text_set_ambiwide(int wide);
/* --ambiwidth, else IOTSCOPE_AMBIWIDTH: 1, 2, 0 for auto (also when
 * neither is given), -1 when the given value is none of 1, 2, auto. */
int ui_ambiwidth_setting(const char *opt, const char *env);
int ui_text_ambiwide(void);
/* WC as it is drawn: itself, or its ASCII stand-in when it is ambiguous
 * and the terminal draws those double ('?' for one with none). */
wchar_t ui_text_shown(wchar_t wc);
/* Display columns of one decoded character (0 for combining marks). */
int ui_text_wcwidth(wchar_t wc);
/* Display columns of S on one line. */
int ui_text_width(const char *s);
/* Bytes of S that fit in COLS columns without cutting a character;
 * *used (may be NULL) gets the columns they take. */
size_t ui_text_fit(const char *s, int cols, int *used);
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
};
struct ui_lines {
	struct ui_line *v;
	size_t n, cap;
};
/* Append the wrapped lines of S to L; -1 when out of memory. */
int ui_wrap(const char *s, int cols, struct ui_lines *l);
void ui_lines_free(struct ui_lines *l);

#endif
