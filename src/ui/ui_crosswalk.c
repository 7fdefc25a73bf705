/* ui_crosswalk.c - the ISO/IEC 27002:2013 crosswalk (issue 13): each
 * clause printed in Parts II/III (（※）: a cloud addition, not in ISO/IEC
 * 27002), under it the guideline items tied to it with their checklist
 * status in the open assessment -- what an ISMS auditor reads.  The rows
 * are crosswalk_build's (model/crosswalk.c, shared with `iotscope
 * crosswalk` and the export); Enter shows the item on the Checklists
 * screen. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "crosswalk.h"
#include "i18n.h"
#include "ui_annex.h"
#include "ui_core.h"
#include "ui_curses.h"
#include "ui_draw.h"
#include "ui_text.h"

/* A line of the list: a clause heading, or the item of crosswalk row ROW. */
struct cw_line {
	int heading;
	size_t row;
};

struct cw_screen {
	struct crosswalk_row *rows;
	size_t nrows;
	struct cw_line *lines;
	size_t nlines, nclauses;
	const struct assessment *built_for;	/* the rows are of this one */
	unsigned built_at;			/* ... at this u->changes */
	int built;
	size_t cur, top;			/* lines */
	char *search;
};

enum { HEAD_ROWS = 1 };

static struct cw_screen *screen(const struct ui *u)
{
	return ui_state(u, SCR_CROSSWALK);
}

static void drop(struct cw_screen *s)
{
	crosswalk_free(s->rows, s->nrows);
	free(s->lines);
	s->rows = NULL;
	s->lines = NULL;
	s->nrows = s->nlines = s->nclauses = 0;
	s->built = 0;
}

static int same_clause(const struct crosswalk_row *a, const struct crosswalk_row *b)
{
	return strcmp(a->block->clause, b->block->clause) == 0;
}

/* The rows of the open assessment as it is now (kept until it changes). */
static int build(struct ui *u)
{
	struct cw_screen *s = screen(u);
	if (s->built && s->built_for == u->a && s->built_at == u->changes)
		return 0;
	drop(s);
	if (crosswalk_build(u->cat, u->a, &s->rows, &s->nrows) < 0)
		return -1;
	s->lines = calloc(2 * s->nrows + 1, sizeof *s->lines);
	if (s->lines == NULL)
		return -1;
	for (size_t i = 0; i < s->nrows; i++) {
		if (i == 0 || !same_clause(&s->rows[i - 1], &s->rows[i])) {
			s->lines[s->nlines++] = (struct cw_line){ 1, i };
			s->nclauses++;
		}
		s->lines[s->nlines++] = (struct cw_line){ 0, i };
	}
	s->built = 1;
	s->built_for = u->a;
	s->built_at = u->changes;
	if (s->cur >= s->nlines || (s->nlines > 0 && s->lines[s->cur].heading))
		s->cur = s->nlines > 1 ? 1 : 0;	/* the first item */
	return 0;
}

/* ---------- the cursor: on item lines only ---------- */

static int step(struct cw_screen *s, int dir)
{
	for (long i = (long)s->cur + dir; i >= 0 && (size_t)i < s->nlines; i += dir)
		if (!s->lines[i].heading) {
			s->cur = (size_t)i;
			return 1;
		}
	return 0;
}

static void steps(struct cw_screen *s, int dir, int times)
{
	for (int i = 0; i < times && step(s, dir); i++)
		;
}

/* ---------- drawing ---------- */

/* "partly (1/2)" for an item with sub-items, else the status. */
static char *status_text(const struct crosswalk_row *r)
{
	if (r->subs > 0)
		return str_printf("[%s %zu/%zu]", check_status_label(r->status), r->subs_set,
				  r->subs);
	return str_printf("[%s]", check_status_label(r->status));
}

static void draw_line(struct ui *u, int y, size_t i)
{
	const struct ui_rect *b = &u->layout.body;
	struct cw_screen *s = screen(u);
	const struct crosswalk_row *r = &s->rows[s->lines[i].row];
	if (s->lines[i].heading) {
		char *t = str_printf("%s %s%s", r->block->clause, r->block->title,
				     r->block->cloud ? " (※)" : "");
		ui_text_at(y, b->x + 1, b->w - 2, t ? t : "", ROLE_HEADING);
		free(t);
		return;
	}
	int here = i == s->cur, x = b->x + 3, w = b->w - 4;
	enum ui_role role = here ? ROLE_CURSOR : ROLE_NORMAL;
	if (here)
		mvaddstr(y, b->x + 1, ">");
	ui_fill(y, x, w, role);
	ui_text_at(y, x, 11, r->item->id, role);
	char *st = status_text(r);
	int sw = 22;
	ui_text_at(y, x + 11, sw, st ? st : "", here ? role :
		   r->status == CHECK_NONE ? ROLE_OPEN :
		   r->status == CHECK_IMPLEMENTED ? ROLE_DONE : ROLE_NORMAL);
	free(st);
	const struct cat_annex_entry *e = &r->checklist->entries[r->item->entry];
	ui_text_at(y, x + 11 + sw, w - 11 - sw, e->text ? e->text : "", role);
}

/* What the pane says of the line under the cursor: its clause with the
 * 目的/管理策 text, the item and its note; NULL when there is none. */
static char *pane_text(const struct ui *u)
{
	const struct cw_screen *s = screen(u);
	if (s->nlines == 0)
		return NULL;
	const struct crosswalk_row *r = &s->rows[s->lines[s->cur].row];
	const struct cat_annex_entry *e = &r->checklist->entries[r->item->entry];
	return str_printf(_("%s %s%s: %s\n%s: %s\nNote: %s"), r->block->clause,
			  r->block->title, r->block->cloud ? " (※)" : "", r->block->text,
			  r->item->id, e->text ? e->text : "", r->note ? r->note : _("(none)"));
}

static void draw_pane(struct ui *u)
{
	const struct ui_rect *p = &u->layout.pane;
	if (p->h == 0)
		return;
	char *t = pane_text(u);
	struct ui_rect in = { p->y, p->x + 1, p->h, p->w - 2 };
	if (t != NULL && ui_wrapped(&in, 0, t, ROLE_NORMAL) > in.h)
		ui_text_right(in.y + in.h - 1, in.x, in.w, " …", ROLE_GREY);
	free(t);
}

static void cw_draw(struct ui *u)
{
	const struct ui_rect *b = &u->layout.body;
	struct cw_screen *s = screen(u);
	if (build(u) < 0) {
		drop(s);
		ui_say(u, 1, "%s", _("out of memory"));
		return;
	}
	size_t cloud = 0;
	for (size_t i = 0; i < s->nlines; i++)
		cloud += s->lines[i].heading && s->rows[s->lines[i].row].block->cloud;
	char *head = str_printf(_("ISO/IEC 27002:2013: %zu clauses (%zu marked ※: cloud "
				  "additions), %zu items tied"), s->nclauses, cloud, s->nrows);
	ui_text_at(b->y, b->x + 1, b->w - 2, head ? head : "", ROLE_HEADING);
	free(head);
	if (s->nlines == 0) {
		ui_text_at(b->y + HEAD_ROWS + 1, b->x + 1, b->w - 2,
			   _("The catalog has no ISO/IEC 27002 controls (Parts II and III)."),
			   ROLE_GREY);
		return;
	}
	int h = b->h - HEAD_ROWS;
	s->top = ui_scroll(s->top, s->cur, s->nlines, h);
	if (s->top > 0 && s->top == s->cur && s->lines[s->top - 1].heading)
		s->top--;	/* the clause above its first item */
	for (int i = 0; i < h && s->top + (size_t)i < s->nlines; i++)
		draw_line(u, b->y + HEAD_ROWS + i, s->top + (size_t)i);
	draw_pane(u);
}

/* ---------- search: clause number or title, item id or text ---------- */

static int line_matches(const struct ui *u, size_t i, const char *q)
{
	const struct cw_screen *s = screen(u);
	if (s->lines[i].heading)
		return 0;
	const struct crosswalk_row *r = &s->rows[s->lines[i].row];
	const struct cat_annex_entry *e = &r->checklist->entries[r->item->entry];
	const char *fields[] = { r->block->clause, r->block->title, r->item->id, e->text };
	for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++)
		if (fields[k] != NULL && strcasestr(fields[k], q) != NULL)
			return 1;
	return 0;
}

static void search_go(struct ui *u, int dir, int from_here)
{
	struct cw_screen *s = screen(u);
	size_t at = ui_search_round(u, s->search, s->nlines, s->cur, dir, from_here,
				    line_matches);
	if (at < s->nlines)
		s->cur = at;
}

static void search_entered(struct ui *u, const char *text)
{
	struct cw_screen *s = screen(u);
	free(s->search);
	s->search = text[0] ? strdup(text) : NULL;
	if (s->search != NULL)
		search_go(u, +1, 1);
}

/* To the first item of the next (DIR +1) or previous (-1) clause. */
static void clause_step(struct cw_screen *s, int dir)
{
	size_t i = s->cur;
	while (i > 0 && !s->lines[i].heading)
		i--;			/* this clause's heading */
	if (dir > 0) {
		for (i = s->cur + 1; i < s->nlines && !s->lines[i].heading; i++)
			;
	} else if (i > 0) {
		for (i--; i > 0 && !s->lines[i].heading; i--)
			;
	}
	if (i < s->nlines) {
		s->cur = i;
		step(s, +1);
	}
}

static void cw_act(struct ui *u, enum ui_action a)
{
	struct cw_screen *s = screen(u);
	int h = ui_body_rows(u) - HEAD_ROWS - 1;
	if (build(u) < 0 || s->nlines == 0) {
		if (a == UI_BACK)
			ui_go(u, SCR_ANNEX);
		return;
	}
	switch (a) {
	case UI_UP: step(s, -1); break;
	case UI_DOWN: step(s, +1); break;
	case UI_PAGE_UP: steps(s, -1, h); break;
	case UI_PAGE_DOWN: steps(s, +1, h); break;
	case UI_HOME: steps(s, -1, (int)s->nlines); break;
	case UI_END: steps(s, +1, (int)s->nlines); break;
	case UI_NEXT_BLOCK: clause_step(s, +1); break;
	case UI_PREV_BLOCK: clause_step(s, -1); break;
	case UI_BACK: ui_go(u, SCR_ANNEX); break;
	case UI_SEARCH:
		ui_ask_text(u, _("Search (n next, N previous):"), NULL, search_entered);
		break;
	case UI_SEARCH_NEXT: search_go(u, +1, 0); break;
	case UI_SEARCH_PREV: search_go(u, -1, 0); break;
	case UI_SHOW_ITEM: {
		const struct cat_gitem *it = s->rows[s->lines[s->cur].row].item;
		ui_annex_show(u, it->checklist, it->entry);
		break;
	}
	default: break;
	}
}

static enum ui_keymap cw_keymap(const struct ui *u)
{
	(void)u;
	return KM_CROSSWALK;
}

/* Another assessment: from the top (the search stays). */
static void cw_reset(struct ui *u, void *state)
{
	(void)u;
	struct cw_screen *s = state;
	drop(s);
	s->cur = s->top = 0;
}

static void cw_done(void *state)
{
	struct cw_screen *s = state;
	drop(s);
	free(s->search);
}

const struct ui_screen ui_crosswalk_screen = {
	.name = N_("Crosswalk"), .short_name = N_("Crosswalk"), .needs_assessment = 1,
	.cursor_text = pane_text,	/* for T (ui_glossary.c) */
	.pane = 1, .state_size = sizeof(struct cw_screen), .done = cw_done, .reset = cw_reset,
	.keymap = cw_keymap, .draw = cw_draw, .act = cw_act,
};
