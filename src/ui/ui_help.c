/* ui_help.c - `?` or F1: the keys of the current screen, generated from
 * the same key tables the screen uses (ui_action.c), over its body. */
#include "config.h"

#include <stdlib.h>

#include "i18n.h"
#include "ui.h"
#include "ui_curses.h"
#include "ui_draw.h"
#include "ui_text.h"

static enum ui_keymap below(const struct ui *u)
{
	static const struct ui_screen *const by_id[N_SCREENS] = {
		&ui_list_screen, &ui_survey_screen, &ui_cms_screen, &ui_annex_screen,
		&ui_export_screen,
	};
	return by_id[u->screen]->keymap(u);
}

struct help_row {
	const char *keys, *text;	/* keys NULL: a heading in text */
};

/* The rows: a heading, the screen's own keys, a heading, the global ones. */
static struct help_row *help_rows(const struct ui_help_line *h, size_t n, size_t *nrows)
{
	struct help_row *r = calloc(n + 2, sizeof *r);
	size_t k = 0;
	if (r == NULL)
		return NULL;
	r[k++] = (struct help_row){ NULL, _("Keys on this screen (any other key closes this help):") };
	for (size_t i = 0; i < n; i++) {
		if (h[i].global && (i == 0 || !h[i - 1].global))
			r[k++] = (struct help_row){ NULL, _("Everywhere:") };
		r[k++] = (struct help_row){ h[i].keys, _(ui_action_help(h[i].action)) };
	}
	*nrows = k;
	return r;
}

void ui_help_draw(struct ui *u)
{
	const struct ui_rect *b = &u->layout.body;
	struct ui_help_line *h = NULL;
	size_t n = 0, nrows = 0;
	struct help_row *rows = ui_help_lines(below(u), &h, &n) == 0 ? help_rows(h, n, &nrows) : NULL;
	if (rows == NULL) {
		ui_say(u, 1, "%s", _("out of memory"));
		ui_help_lines_free(h, n);
		return;
	}
	int kw = 0;
	for (size_t i = 0; i < n; i++)
		if (ui_text_width(h[i].keys) > kw)
			kw = ui_text_width(h[i].keys);
	kw = kw + 2 < b->w / 3 ? kw + 2 : b->w / 3;
	if (u->help_top + (size_t)b->h > nrows)
		u->help_top = nrows > (size_t)b->h ? nrows - (size_t)b->h : 0;
	for (int y = 0; y < b->h && u->help_top + (size_t)y < nrows; y++) {
		const struct help_row *r = &rows[u->help_top + (size_t)y];
		if (r->keys == NULL) {
			ui_text_at(b->y + y, b->x + 2, b->w - 4, r->text, ROLE_HEADING);
			continue;
		}
		ui_text_at(b->y + y, b->x + 2, kw, r->keys, ROLE_SUBHEAD);
		ui_text_at(b->y + y, b->x + 2 + kw, b->w - 4 - kw, r->text, ROLE_NORMAL);
	}
	free(rows);
	ui_help_lines_free(h, n);
}

void ui_help_act(struct ui *u, enum ui_action a)
{
	if (a == UI_DOWN || a == UI_PAGE_DOWN)
		u->help_top += a == UI_DOWN ? 1 : (size_t)(u->layout.body.h - 1);
	else if (a == UI_UP)
		u->help_top -= u->help_top > 0;
	else if (a == UI_PAGE_UP)
		u->help_top = u->help_top > (size_t)u->layout.body.h ? u->help_top -
			(size_t)u->layout.body.h : 0;
	else if (a != UI_HOME && a != UI_END) {
		u->help = 0;
		ui_resize(u, u->rows, u->cols);
	}
}
