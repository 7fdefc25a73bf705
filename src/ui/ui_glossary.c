/* ui_glossary.c - the guideline's terms (Part I.6, catalog/glossary.xml)
 * over any screen: T asks for a word, the overlay lists the terms whose
 * name or definition holds it (names first: guidance_term_search), an
 * empty word lists them all.  Any key but the moves closes it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_guidance.h"
#include "i18n.h"
#include "ui_core.h"
#include "ui_curses.h"
#include "ui_draw.h"
#include "ui_glossary.h"
#include "ui_text.h"

/* The terms matching u->glossary, each its name then its definition. */
static char *glossary_text(const struct ui *u, size_t *count)
{
	size_t *idx = NULL, n = 0;
	if (guidance_term_search(u->cat, u->glossary, &idx, &n) < 0)
		return NULL;
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);
	if (f == NULL) {
		free(idx);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		const struct cat_term *t = &u->cat->guidance->terms[idx[i]];
		fprintf(f, "%s%d. %s\n%s\n", i ? "\n" : "", t->number, t->name, t->text);
	}
	free(idx);
	*count = n;
	int bad = ferror(f);
	if (fclose(f) != 0 || bad) {
		free(s);
		return NULL;
	}
	return s;
}

static void glossary_draw(struct ui *u)
{
	const struct ui_rect *b = &u->layout.body;
	size_t n = 0;
	char *text = glossary_text(u, &n);
	if (text == NULL) {
		ui_say(u, 1, "%s", _("out of memory"));
		return;
	}
	char *head = u->glossary[0] ?
		str_printf(_("Glossary (I.6): %zu terms with \"%s\""), n, u->glossary) :
		str_printf(_("Glossary (I.6): %zu terms"), n);
	ui_text_at(b->y, b->x + 1, b->w - 2, head ? head : "", ROLE_HEADING);
	free(head);
	struct ui_rect in = { b->y + 1, b->x + 1, b->h - 1, b->w - 2 };
	if (n == 0)
		ui_text_at(in.y + 1, in.x, in.w, _("No term holds it: T searches again."), ROLE_GREY);
	if (u->glossary_lines > 0 && u->glossary_top + (size_t)in.h > (size_t)u->glossary_lines)
		u->glossary_top = u->glossary_lines > in.h ? (size_t)(u->glossary_lines - in.h) : 0;
	u->glossary_lines = ui_wrapped(&in, -(int)u->glossary_top, text, ROLE_NORMAL);
	if (u->glossary_top + (size_t)in.h < (size_t)u->glossary_lines)
		ui_text_right(in.y + in.h - 1, in.x, in.w, " …", ROLE_GREY);
	free(text);
}

void ui_glossary_close(struct ui *u)
{
	free(u->glossary);
	u->glossary = NULL;
	ui_resize(u, u->rows, u->cols);
}

static void glossary_act(struct ui *u, enum ui_action a)
{
	size_t page = (size_t)(u->layout.body.h > 2 ? u->layout.body.h - 2 : 1);
	switch (a) {
	case UI_UP: u->glossary_top -= u->glossary_top > 0; break;
	case UI_DOWN: u->glossary_top++; break;
	case UI_PAGE_UP: u->glossary_top = u->glossary_top > page ? u->glossary_top - page : 0; break;
	case UI_PAGE_DOWN: u->glossary_top += page; break;
	default: ui_glossary_close(u); break;
	}
}

static void searched(struct ui *u, const char *text)
{
	if (u->cat->guidance == NULL || u->cat->guidance->nterms == 0) {
		ui_say(u, 1, "%s", _("The catalog has no glossary."));
		return;
	}
	free(u->glossary);
	u->glossary = strdup(text);
	u->glossary_top = 0;
	u->glossary_lines = 0;
	if (u->glossary == NULL)
		ui_say(u, 1, "%s", _("out of memory"));
	ui_resize(u, u->rows, u->cols);
}

void ui_glossary_ask(struct ui *u)
{
	ui_ask_text(u, _("Glossary: a word (Enter alone: all terms):"), NULL, searched);
}

static enum ui_keymap glossary_keymap(const struct ui *u)
{
	(void)u;
	return KM_HELP;		/* the same keys as the help: moves, q closes */
}

/* No tab and no name: opened over a screen by T (ui.c). */
const struct ui_screen ui_glossary_overlay = {
	.keymap = glossary_keymap,
	.draw = glossary_draw,
	.act = glossary_act,
};
