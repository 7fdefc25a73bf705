/* ui_glossary.c - the guideline's terms (Part I.6, catalog/glossary.xml)
 * over any screen (issue 13).  T looks for the terms in the item under
 * the cursor (the screen's cursor_text, glossary_find.h): one found, its
 * definition; several, a list to pick one from; none, a word is asked
 * for, as / does inside: the terms whose name or definition holds it
 * (names first: guidance_term_search), an empty word lists them all.
 * q goes back (from a term picked to the list); any other key but the
 * moves closes it. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_guidance.h"
#include "glossary_find.h"
#include "i18n.h"
#include "ui_core.h"
#include "ui_curses.h"
#include "ui_draw.h"
#include "ui_glossary.h"
#include "ui_text.h"

static const struct cat_term *term(const struct ui *u, size_t k)
{
	return &u->cat->guidance->terms[u->glossary.terms[k]];
}

/* Terms FROM..TO-1 of the shown, each its name then its definition. */
static char *terms_text(const struct ui *u, size_t from, size_t to)
{
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);
	if (f == NULL)
		return NULL;
	for (size_t i = from; i < to; i++) {
		const struct cat_term *t = term(u, i);
		fprintf(f, "%s%d. %s\n%s\n", i > from ? "\n" : "", t->number, t->name, t->text);
	}
	int bad = ferror(f);
	if (fclose(f) != 0 || bad) {
		free(s);
		return NULL;
	}
	return s;
}

static char *heading(const struct ui *u)
{
	const struct ui_glossary *g = &u->glossary;
	if (g->word != NULL)
		return g->word[0] ?
			str_printf(_("Glossary (I.6): %zu terms with \"%s\""), g->nterms, g->word) :
			str_printf(_("Glossary (I.6): %zu terms"), g->nterms);
	if (g->pick && !g->reading)
		return str_printf(_("Glossary (I.6): %zu terms in the item under the cursor"),
				  g->nterms);
	if (g->pick)
		return str_printf(_("Glossary (I.6): term %zu of %zu in the item under the cursor"),
				  g->cur + 1, g->nterms);
	return strdup(_("Glossary (I.6): the term in the item under the cursor"));
}

/* The list to pick from: one term a line, the cursor's highlighted. */
static void draw_pick(struct ui *u, const struct ui_rect *in)
{
	struct ui_glossary *g = &u->glossary;
	size_t top = ui_scroll(g->text.top, g->cur, g->nterms, in->h);
	g->text.top = top;
	for (int y = 0; y < in->h && top + (size_t)y < g->nterms; y++) {
		size_t k = top + (size_t)y;
		const struct cat_term *t = term(u, k);
		char *line = str_printf("%d. %s", t->number, t->name);
		int here = k == g->cur;
		if (here)
			mvaddstr(in->y + y, in->x, ">");
		ui_text_pad_at(in->y + y, in->x + 2, in->w - 2, line ? line : "",
			       here ? ROLE_CURSOR : ROLE_NORMAL);
		free(line);
	}
}

static void glossary_draw(struct ui *u)
{
	struct ui_glossary *g = &u->glossary;
	const struct ui_rect *b = &u->layout.body;
	char *head = heading(u);
	ui_text_at(b->y, b->x + 1, b->w - 2, head ? head : "", ROLE_HEADING);
	free(head);
	struct ui_rect in = { b->y + 1, b->x + 1, b->h - 1, b->w - 2 };
	if (g->nterms == 0) {
		ui_text_at(in.y + 1, in.x, in.w, _("No term holds it: / searches again."), ROLE_GREY);
		return;
	}
	if (g->pick && !g->reading) {
		draw_pick(u, &in);
		return;
	}
	char *text = g->reading ? terms_text(u, g->cur, g->cur + 1) : terms_text(u, 0, g->nterms);
	if (text == NULL) {
		ui_say(u, 1, "%s", _("out of memory"));
		return;
	}
	ui_reader_draw(&g->text, &in, text);
	free(text);
}

void ui_glossary_close(struct ui *u)
{
	ui_glossary_clear(u);
	ui_resize(u, u->rows, u->cols);
}

/* Show the terms IDX (N of them, taken over) found for WORD (taken
 * over; NULL: at the cursor). */
static void show(struct ui *u, char *word, size_t *idx, size_t n)
{
	ui_glossary_clear(u);
	struct ui_glossary *g = &u->glossary;
	g->open = 1;
	g->word = word;
	g->terms = idx;
	g->nterms = n;
	g->pick = word == NULL && n > 1;
	ui_resize(u, u->rows, u->cols);
}

static int has_glossary(struct ui *u)
{
	if (u->cat->guidance != NULL && u->cat->guidance->nterms > 0)
		return 1;
	ui_say(u, 1, "%s", _("The catalog has no glossary."));
	return 0;
}

static void searched(struct ui *u, const char *text)
{
	if (!has_glossary(u))
		return;
	size_t all = u->cat->guidance->nterms, *idx = NULL, n = 0;
	char *word = strdup(text);
	int bad = word == NULL;
	if (!bad && text[0] == '\0') {		/* Enter alone: all of them */
		bad = (idx = malloc(all * sizeof *idx)) == NULL;
		for (; !bad && n < all; n++)
			idx[n] = n;
	} else if (!bad) {
		bad = guidance_term_search(u->cat, text, &idx, &n) < 0;
	}
	if (bad) {
		ui_say(u, 1, "%s", _("out of memory"));
		free(word);
		free(idx);
		return;
	}
	show(u, word, idx, n);
}

void ui_glossary_ask(struct ui *u)
{
	ui_ask_text(u, _("Glossary: a word (Enter alone: all terms):"), NULL, searched);
}

void ui_glossary_at_cursor(struct ui *u)
{
	if (!has_glossary(u))
		return;
	const struct ui_screen *s = ui_current(u);
	char *text = s->cursor_text != NULL ? s->cursor_text(u) : NULL;
	size_t *idx = NULL, n = 0;
	int bad = text != NULL && glossary_find(u->cat, text, &idx, &n) < 0;
	free(text);
	if (bad)
		ui_say(u, 1, "%s", _("out of memory"));
	else if (n == 0)
		ui_glossary_ask(u);
	else
		show(u, NULL, idx, n);
	if (n == 0)
		free(idx);
}

static void pick_act(struct ui *u, enum ui_action a)
{
	struct ui_glossary *g = &u->glossary;
	size_t page = (size_t)(u->layout.body.h > 2 ? u->layout.body.h - 2 : 1), last = g->nterms - 1;
	switch (a) {
	case UI_UP: g->cur -= g->cur > 0; break;
	case UI_DOWN: g->cur += g->cur < last; break;
	case UI_PAGE_UP: g->cur = g->cur > page ? g->cur - page : 0; break;
	case UI_PAGE_DOWN: g->cur = g->cur + page < last ? g->cur + page : last; break;
	case UI_HOME: g->cur = 0; break;
	case UI_END: g->cur = last; break;
	case UI_OPEN:
		g->reading = 1;
		g->text = (struct ui_reader){ 0 };
		break;
	default: ui_glossary_close(u); break;
	}
}

static void glossary_act(struct ui *u, enum ui_action a)
{
	struct ui_glossary *g = &u->glossary;
	size_t page = (size_t)(u->layout.body.h > 2 ? u->layout.body.h - 2 : 1);
	if (a == UI_SEARCH_GLOSSARY) {
		ui_glossary_ask(u);
	} else if (g->pick && !g->reading && g->nterms > 0) {
		pick_act(u, a);
	} else if (a == UI_BACK && g->reading) {
		g->reading = 0;		/* back to the list */
		g->text = (struct ui_reader){ 0 };
	} else if (a != UI_OPEN && !ui_reader_move(&g->text, a, page)) {
		ui_glossary_close(u);
	}
}

static enum ui_keymap glossary_keymap(const struct ui *u)
{
	(void)u;
	return KM_GLOSSARY;
}

/* No tab and no name: opened over a screen by T (ui.c). */
const struct ui_screen ui_glossary_overlay = {
	.keymap = glossary_keymap,
	.draw = glossary_draw,
	.act = glossary_act,
};
