/* ui_reader.c - a long text to read, scrolled (ui_reader.h). */
#include "config.h"

#include "ui_draw.h"
#include "ui_reader.h"

void ui_reader_draw(struct ui_reader *r, const struct ui_rect *in, const char *text)
{
	if (in->h <= 0 || in->w <= 0)
		return;
	if (r->lines > 0 && r->top + (size_t)in->h > (size_t)r->lines)
		r->top = r->lines > in->h ? (size_t)(r->lines - in->h) : 0;
	r->lines = ui_wrapped(in, -(int)r->top, text, ROLE_NORMAL);
	if (r->top + (size_t)in->h < (size_t)r->lines)
		ui_text_right(in->y + in->h - 1, in->x, in->w, " …", ROLE_GREY);
}

int ui_reader_move(struct ui_reader *r, enum ui_action a, size_t page)
{
	switch (a) {
	case UI_UP: r->top -= r->top > 0; return 1;
	case UI_DOWN: r->top++; return 1;
	case UI_PAGE_UP: r->top = r->top > page ? r->top - page : 0; return 1;
	case UI_PAGE_DOWN: r->top += page; return 1;
	case UI_HOME: r->top = 0; return 1;
	case UI_END: r->top = (size_t)(r->lines > 0 ? r->lines : 0); return 1;
	default: return 0;
	}
}
