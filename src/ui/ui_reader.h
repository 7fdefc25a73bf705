/* ui_reader.h - a long text to read, wrapped into a rectangle and
 * scrolled by lines and pages (the glossary, the survey's Annex 7
 * topics): less's few moves, kept in one place. */
#ifndef IOTSCOPE_UI_READER_H
#define IOTSCOPE_UI_READER_H

#include <stddef.h>

#include "ui_action.h"
#include "ui_layout.h"

struct ui_reader {
	size_t top;			/* the first line shown */
	int lines;			/* the text's lines as last drawn (0: not yet) */
};

/* Draw TEXT wrapped into R from line top, moved back so that the last
 * page is a full one; " …" at the bottom right when more follows. */
void ui_reader_draw(struct ui_reader *r, const struct ui_rect *in, const char *text);
/* Scroll for A (up, down, page up or down by PAGE lines, first, last);
 * 0 when A is none of these moves. */
int ui_reader_move(struct ui_reader *r, enum ui_action a, size_t page);

#endif
