/* ui_layout.c - rows x columns -> rectangles (ui_layout.h) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "ui_layout.h"

static struct ui_rect rect(int y, int x, int h, int w)
{
	return (struct ui_rect){ y, x, h > 0 ? h : 0, w > 0 ? w : 0 };
}

static int clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

/* Split the body between content and pane: at the right from
 * UI_SIDE_PANE_COLS columns, else below. */
static void split_pane(struct ui_layout *l)
{
	struct ui_rect b = l->body;
	if (l->cols >= UI_SIDE_PANE_COLS) {
		int pw = clamp(l->cols / 3, 36, 60);
		l->side = 1;
		l->body = rect(b.y, b.x, b.h, b.w - pw - 1);
		l->sep = rect(b.y, b.x + b.w - pw - 1, b.h, 1);
		l->pane = rect(b.y, b.x + b.w - pw, b.h, pw);
		return;
	}
	int ph = clamp(b.h / 3, 4, 8);
	l->body = rect(b.y, b.x, b.h - ph - 1, b.w);
	l->sep = rect(b.y + b.h - ph - 1, b.x, 1, b.w);
	l->pane = rect(b.y + b.h - ph, b.x, ph, b.w);
}

void ui_layout_compute(struct ui_layout *l, int rows, int cols, int pane)
{
	memset(l, 0, sizeof *l);
	l->rows = rows;
	l->cols = cols;
	if (rows < UI_MIN_ROWS || cols < UI_MIN_COLS) {
		l->too_small = 1;
		l->body = rect(0, 0, rows, cols);
		return;
	}
	l->title = rect(0, 0, 1, cols);
	l->tabs = rect(1, 0, 1, cols);
	l->body = rect(2, 0, rows - 4, cols);
	l->message = rect(rows - 2, 0, 1, cols);
	l->status = rect(rows - 1, 0, 1, cols);
	if (pane)
		split_pane(l);
}

char *ui_layout_describe(const struct ui_layout *l)
{
	if (l->too_small)
		return str_printf("too small %dx%d", l->rows, l->cols);
	const struct ui_rect *r[] = { &l->title, &l->tabs, &l->body, &l->sep, &l->pane,
				      &l->message, &l->status };
	static const char *const names[] = { "title", "tabs", "body", "sep", "pane",
					     "message", "status" };
	char *out = str_printf("%dx%d %s", l->rows, l->cols,
				l->pane.h == 0 ? "no pane" : l->side ? "pane right" : "pane below");
	for (size_t i = 0; i < sizeof r / sizeof r[0] && out != NULL; i++) {
		if (r[i]->h == 0 || r[i]->w == 0)
			continue;
		char *next = str_printf("%s; %s %d,%d %dx%d", out, names[i], r[i]->y, r[i]->x,
					r[i]->h, r[i]->w);
		free(out);
		out = next;
	}
	return out;
}

size_t ui_scroll(size_t top, size_t cur, size_t n, int h)
{
	if (h <= 0)
		return cur;
	size_t hh = (size_t)h;
	if (cur < top)
		top = cur;
	else if (cur >= top + hh)
		top = cur - hh + 1;
	if (n > hh && top > n - hh)
		top = n - hh;
	if (n <= hh)
		top = 0;
	return top;
}
