/* ui_draw.h - drawing by display columns into stdscr, and the colour
 * roles (one theme table; ncdu util.h, htop CRT.c).  Text is cut and
 * padded by wcwidth, never by bytes. */
#ifndef IOTSCOPE_UI_DRAW_H
#define IOTSCOPE_UI_DRAW_H

#include "ui_layout.h"

enum ui_role {
	ROLE_NORMAL, ROLE_TITLE, ROLE_TAB, ROLE_TAB_ACTIVE, ROLE_HEADING, ROLE_SUBHEAD,
	ROLE_CURSOR, ROLE_FIXED, ROLE_YES, ROLE_NO, ROLE_OPEN, ROLE_MIRROR, ROLE_GREY,
	ROLE_STATUS, ROLE_MESSAGE, ROLE_ERROR, ROLE_DROPPED, ROLE_MARK, ROLE_NOTICE,
	ROLE_SEP, ROLE_DONE, N_ROLES
};

/* Colour when the terminal has it and NO_COLOR is not set; else the
 * monochrome attributes of the same table. */
void ui_theme_init(void);
int ui_theme_colour(void);

/* Draw S at Y,X in at most W columns with ROLE (cut with "…" when too
 * long); returns the columns drawn. */
int ui_text_at(int y, int x, int w, const char *s, enum ui_role role);
/* The same, padded with spaces to exactly W columns. */
void ui_text_pad_at(int y, int x, int w, const char *s, enum ui_role role);
/* Right-aligned in the W columns ending before X + W. */
void ui_text_right(int y, int x, int w, const char *s, enum ui_role role);
void ui_fill(int y, int x, int w, enum ui_role role);
/* Wrap S into R from its line FIRST, a wrapped list entry hanging under
 * its text (ui_wrap_hanging); returns the number of lines S takes in all
 * (so a caller can tell it was cut). */
int ui_wrapped(const struct ui_rect *r, int yoff, const char *s, enum ui_role role);
/* The separator between body and pane. */
void ui_separator(const struct ui_rect *r);

#endif
