/* text_width.h - UTF-8 text measured by display columns (wcwidth), never
 * by bytes.  Pure: no curses.  Needs an UTF-8 LC_CTYPE (main.c calls
 * setlocale).  The workbench's ui_text.h builds on it. */
#ifndef IOTSCOPE_TEXT_WIDTH_H
#define IOTSCOPE_TEXT_WIDTH_H

#include <stddef.h>
#include <wchar.h>

/* Decode one character of S (LEN bytes); *wc gets it and the return is
 * its length in bytes (>= 1).  An invalid or incomplete sequence decodes
 * as one byte shown as '?'; a control character as a space, a bidirectional
 * control (text.h) as '?'. */
size_t text_next_shown(const char *s, size_t len, wchar_t *wc);
/* Terminals that draw East Asian ambiguous characters (○ × ─ ...) two
 * columns wide (--ambiwidth=2): every text shown takes them as plain
 * ASCII (o x - ...), so curses and the terminal agree on each column. */
void text_set_ambiwide(int wide);
/* --ambiwidth, else IOTSCOPE_AMBIWIDTH: 1, 2, 0 for auto (also when
 * neither is given), -1 when the given value is none of 1, 2, auto. */
int text_ambiwidth_setting(const char *opt, const char *env);
int text_ambiwide(void);
/* WC as it is drawn: itself, or its ASCII stand-in when it is ambiguous
 * and the terminal draws those double ('?' for one with none). */
wchar_t text_shown(wchar_t wc);
/* Display columns of one decoded character (0 for combining marks). */
int text_wcwidth(wchar_t wc);
/* Display columns of S on one line. */
int text_width(const char *s);
/* Bytes of S that fit in COLS columns without cutting a character;
 * *used (may be NULL) gets the columns they take. */
size_t text_fit(const char *s, int cols, int *used);

#endif
