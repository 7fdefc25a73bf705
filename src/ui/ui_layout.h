/* ui_layout.h - where everything goes, as a pure function of the
 * terminal's rows x columns (style.md; neomutt test/gui/reflow.c).
 * Below the minimum the screen says "terminal too small" and nothing else. */
#ifndef IOTSCOPE_UI_LAYOUT_H
#define IOTSCOPE_UI_LAYOUT_H

#include <stddef.h>

enum { UI_MIN_ROWS = 16, UI_MIN_COLS = 60, UI_SIDE_PANE_COLS = 120 };

struct ui_rect {
	int y, x, h, w;
};

struct ui_layout {
	int rows, cols;
	int too_small;
	int side;			/* the pane is at the right, not below */
	struct ui_rect title;		/* row 0: program, assessment, screen */
	struct ui_rect tabs;		/* row 1: the screens and their keys */
	struct ui_rect body;		/* the screen's own content */
	struct ui_rect sep;		/* line between body and pane (h or w 0: none) */
	struct ui_rect pane;		/* explanation pane (h or w 0: none) */
	struct ui_rect message;		/* "saved", errors, prompts */
	struct ui_rect status;		/* the most useful keys */
};

/* Lay out ROWS x COLS; PANE asks for an explanation pane. */
void ui_layout_compute(struct ui_layout *l, int rows, int cols, int pane);
/* The first row to show of N rows in H, moved as little as possible
 * from TOP so that row CUR is in view. */
size_t ui_scroll(size_t top, size_t cur, size_t n, int h);
/* "body 2,0 13x80; pane ..." for tests (malloc'd). */
char *ui_layout_describe(const struct ui_layout *l);

#endif
