/* ui_annex.c - the catalog's checklists (実施チェック: Annex 1, Annex 2,
 * and any other the catalog lists), one at a time (] and [ go through
 * them), grouped by section with the progress of each; every item with
 * its status and note; in a checklist with pattern reference values
 * (Annex 2) the evaluation item and the reference value for the
 * assessment's pattern (Annex 3), with the * mark where the pattern
 * requires it. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "survey.h"
#include "ui_annex.h"
#include "ui_core.h"
#include "ui_curses.h"
#include "ui_draw.h"
#include "ui_guide.h"
#include "ui_model.h"
#include "ui_reader.h"
#include "ui_save.h"
#include "ui_text.h"
#include "ui_track.h"

/* The place in one checklist: each keeps its own (] and back finds it
 * where it was left). */
struct annex_state {
	size_t cur;			/* entry index */
	size_t top;
	char *search;			/* the last search, or NULL */
	int filter;			/* enum annex_filter */
};

/* The screen's state (ui_core.h: state_size): the checklist shown and
 * a place in each of the catalog's checklists. */
struct annex_screen {
	size_t checklist;		/* index in the catalog's checklists */
	size_t n;
	struct annex_state *lists;	/* n */
	char *guide;			/* the guidance shown over the list (d), or NULL */
	struct ui_reader guide_view;	/* its place (ui_reader.h) */
};

enum { HEAD_ROWS = 1 };

static struct annex_screen *screen(const struct ui *u)
{
	return ui_state(u, SCR_ANNEX);
}

static const struct cat_annex *annex(const struct ui *u)
{
	return &u->cat->checklists[screen(u)->checklist];
}

/* The checklist as the assessment and the store know it: its id. */
static const char *checklist_id(const struct ui *u)
{
	return annex(u)->id;
}

static struct annex_state *state(const struct ui *u)
{
	struct annex_screen *sc = screen(u);
	return &sc->lists[sc->checklist];
}

static const struct cat_annex_entry *entry(const struct ui *u, size_t i)
{
	return &annex(u)->entries[i];
}

/* ---------- the filter: which entries are shown ---------- */

static int item_shown(const struct ui *u, const struct cat_annex_entry *e)
{
	const struct check_entry *c = assessment_check(u->a, checklist_id(u), e->id);
	return ui_annex_filter_passes((enum annex_filter)state(u)->filter,
				      c ? c->status : CHECK_NONE);
}

/* A checkable item that passes the filter, or a heading (a section, an
 * Annex 2 item with sub-items) with one such item under it. */
static int shown(const struct ui *u, size_t i)
{
	const struct cat_annex *ax = annex(u);
	const struct cat_annex_entry *e = &ax->entries[i];
	if (e->checkable)
		return item_shown(u, e);
	if (state(u)->filter == AF_ALL)
		return 1;
	for (size_t j = i + 1; j < ax->nentries && ax->entries[j].depth > e->depth; j++)
		if (ax->entries[j].checkable && item_shown(u, &ax->entries[j]))
			return 1;
	return 0;
}

/* ---------- the cursor: on shown checkable items only ---------- */

static int step(struct ui *u, int dir)
{
	const struct cat_annex *ax = annex(u);
	struct annex_state *s = state(u);
	for (long i = (long)s->cur + dir; i >= 0 && (size_t)i < ax->nentries; i += dir)
		if (ax->entries[i].checkable && shown(u, (size_t)i)) {
			s->cur = (size_t)i;
			return 1;
		}
	return 0;
}

static void steps(struct ui *u, int dir, int times)
{
	for (int i = 0; i < times && step(u, dir); i++)
		;
}

/* To the first item of the next (DIR +1) or this/previous (-1) section. */
static void section_step(struct ui *u, int dir)
{
	const struct cat_annex *ax = annex(u);
	struct annex_state *s = state(u);
	long i = (long)s->cur;
	int passed = 0;
	for (i += dir; i >= 0 && (size_t)i < ax->nentries; i += dir) {
		if (ax->entries[i].kind == ANNEX_SECTION && ++passed >= (dir > 0 ? 1 : 2))
			break;
	}
	if (i < 0)
		i = 0;
	if ((size_t)i >= ax->nentries)
		return;
	s->cur = (size_t)i;
	if (!ax->entries[i].checkable)
		step(u, +1);
}

static void fix_cursor(struct ui *u)
{
	size_t cur = state(u)->cur;
	if ((!entry(u, cur)->checkable || !shown(u, cur)) && !step(u, +1))
		step(u, -1);
}

/* ---------- drawing ---------- */

static char *section_line(const struct ui *u, size_t i)
{
	const struct cat_annex_entry *e = entry(u, i);
	size_t done, total;
	ui_annex_progress(annex(u), u->a, (int)i, &done, &total);
	if (e->depth == 0)
		return str_printf("%s %s  [%zu/%zu]", e->number ? e->number : "", e->text, done,
				  total);
	return str_printf("%s %s", e->number ? e->number : "", e->text);
}

static int required(const struct ui *u, const struct cat_annex_entry *e, int pattern)
{
	return annex(u)->pattern_refs && pattern > 0 && (e->required & (1u << (pattern - 1))) != 0;
}

static void draw_item(struct ui *u, int y, size_t i, int pattern)
{
	const struct ui_rect *b = &u->layout.body;
	const struct cat_annex_entry *e = entry(u, i);
	int here = i == state(u)->cur;
	int x = b->x + 1 + 2 * e->depth, w = b->w - 2 - 2 * e->depth;
	if (!e->checkable) {
		char *t = str_printf("%s %s", e->id, e->text ? e->text : "");
		ui_text_at(y, x, w, t ? t : "", ROLE_NORMAL);
		free(t);
		return;
	}
	const struct check_entry *c = assessment_check(u->a, checklist_id(u), e->id);
	enum check_status st = c ? c->status : CHECK_NONE;
	enum ui_role role = here ? ROLE_CURSOR : ROLE_NORMAL;
	if (here)
		mvaddstr(y, b->x, ">");
	ui_fill(y, x, w, role);
	ui_text_at(y, x, 2, required(u, e, pattern) ? "*" : "", here ? role : ROLE_MARK);
	int sw = 17;
	char *status = str_printf("[%s]", check_status_label(st));
	ui_text_at(y, x + 2, sw - 1, status ? status : "", here ? role :
		   st == CHECK_NONE ? ROLE_OPEN : st == CHECK_IMPLEMENTED ? ROLE_DONE : ROLE_NORMAL);
	free(status);
	int tw = w - 2 - sw;
	tw -= ui_track_draw_marker(y, x + 2 + sw + tw, tw / 2, c ? &c->track : NULL, here);
	const char *id = e->kind == ANNEX_SUB ? strrchr(e->id, '.') + 1 : e->id;
	/* Annex 2 sub-items share their text: their evaluation item first */
	int sub = e->kind == ANNEX_SUB && e->eval != NULL;
	char *t = str_printf("%s%s %s%s%s", id, c && c->note ? " [n]" : "", sub ? e->eval : "",
			     sub ? " | " : "", e->text ? e->text : "");
	ui_text_at(y, x + 2 + sw, tw, t ? t : "", role);
	free(t);
}

static void draw_row(struct ui *u, int y, size_t i, int pattern)
{
	const struct cat_annex_entry *e = entry(u, i);
	const struct ui_rect *b = &u->layout.body;
	if (e->kind == ANNEX_SECTION) {
		char *t = section_line(u, i);
		int x = b->x + 1 + 2 * e->depth;
		ui_text_at(y, x, b->w - 2 - 2 * e->depth, t ? t : "",
			   e->depth == 0 ? ROLE_HEADING : ROLE_SUBHEAD);
		free(t);
		return;
	}
	draw_item(u, y, i, pattern);
}

/* The evaluation item and the pattern's reference value (NULL: none). */
static char *pane_eval(const struct ui *u, const struct cat_annex_entry *e, int pattern)
{
	if (!annex(u)->pattern_refs || e->eval == NULL)
		return NULL;
	if (pattern > 0)
		return str_printf(_("Evaluation item: %s\nReference value for pattern %d: %s%s"),
				  e->eval, pattern, e->refs[pattern - 1] ? e->refs[pattern - 1] : "-",
				  required(u, e, pattern) ? _("  (* required for this pattern)") : "");
	return str_printf(_("Evaluation item: %s\nReference values depend on the pattern: "
			    "give confidentiality and availability in the survey details."),
			  e->eval);
}

/* The item, its status and note, the evaluation item and the pattern's
 * value (tui.sh: in view at 80x24), owner and due date, then the
 * evidence (the longest, last: the pane may cut it, v shows it all).
 * Unless FULL, an item with no owner, date or evidence says nothing of
 * them: the status line has the keys. */
static char *pane_text(const struct ui *u, const struct cat_annex_entry *e, int pattern,
		       int full)
{
	const struct check_entry *c = assessment_check(u->a, checklist_id(u), e->id);
	const struct tracking *tr = c ? &c->track : NULL;
	const char *level = e->level == LEVEL_BASIC ? _("basic") :
		e->level == LEVEL_RECOMMENDED ? _("recommended") : "-";
	char *s = str_printf(_("%s (%s): %s\nStatus: %s.  Note: %s"), e->id, level,
			     e->text ? e->text : "", check_status_label(c ? c->status : CHECK_NONE),
			     c && c->note ? c->note : _("(none; e writes one)"));
	char *eval = pane_eval(u, e, pattern);
	int shown = full || (tr != NULL && tracking_written(tr));
	char *who = shown ? ui_track_owner_due(tr) : strdup("");
	char *ev = shown ? ui_track_evidence((struct ui *)u, tr) : strdup("");
	char *t = s && who && ev ? str_printf("%s%s%s%s%s%s%s", s, eval ? "\n" : "",
					     eval ? eval : "", shown ? "\n" : "", who,
					     shown ? "\n" : "", ev) : NULL;
	free(s);
	free(who);
	free(eval);
	free(ev);
	return t;
}

static void draw_pane(struct ui *u, int pattern)
{
	const struct ui_rect *p = &u->layout.pane;
	const struct cat_annex_entry *e = entry(u, state(u)->cur);
	if (p->h == 0 || !e->checkable)
		return;
	char *t = pane_text(u, e, pattern, 0);
	struct ui_rect in = { p->y, p->x + 1, p->h, p->w - 2 };
	if (t != NULL && ui_wrapped(&in, 0, t, ROLE_NORMAL) > in.h)	/* v shows the rest */
		ui_text_right(in.y + in.h - 1, in.x, in.w, " … v", ROLE_GREY);
	free(t);
}

static void draw_head(struct ui *u, int pattern)
{
	const struct ui_rect *b = &u->layout.body;
	size_t done, total;
	ui_annex_progress(annex(u), u->a, -1, &done, &total);
	char *p = !annex(u)->pattern_refs ? NULL : pattern > 0 ?
		str_printf(_("pattern %d (* required by it)"), pattern) :
		str_printf("%s", _("pattern not set (survey details)"));
	int filter = state(u)->filter;
	char *f = filter == AF_ALL ? NULL :
		str_printf(_("filter: %s"),
			   ui_annex_filter_label((enum annex_filter)filter));
	char *t = str_printf(_("%zu of %zu checked%s%s%s%s"), done, total, p ? ", " : "", p ? p : "",
			     f ? ", " : "", f ? f : "");
	free(f);
	if (t != NULL && u->cat->n_checklists > 1) {
		/* which of the catalog's checklists this is */
		char *more = str_printf(_("%s, checklist %zu of %zu (] next)"), t,
					screen(u)->checklist + 1, u->cat->n_checklists);
		free(t);
		t = more;
	}
	int tw = t ? ui_text_width(t) : 0;
	int used = ui_text_at(b->y, b->x + 1, b->w - 4 - tw, annex(u)->title, ROLE_HEADING);
	ui_text_at(b->y, b->x + 1 + used + 2, b->w - used - 3, t ? t : "", ROLE_NORMAL);
	free(t);
	free(p);
}

/* d: the item's guidance over the list, scrolled (ui_reader.h). */
static void draw_guide(struct ui *u)
{
	struct annex_screen *sc = screen(u);
	const struct ui_rect *b = &u->layout.body;
	struct ui_rect in = { b->y, b->x + 1, b->h, b->w - 2 };
	ui_reader_draw(&sc->guide_view, &in, sc->guide);
}

static void guide_open(struct ui *u, const struct cat_annex_entry *e)
{
	struct annex_screen *sc = screen(u);
	const struct cat_gitem *it = ui_guide_item(u->cat, e->id);
	if (it == NULL) {
		ui_say(u, 1, _("The catalog has no guidance for %s."), e->id);
		return;
	}
	free(sc->guide);
	sc->guide = ui_guide_text(u->cat, it);
	sc->guide_view = (struct ui_reader){ 0 };
	if (sc->guide == NULL)
		ui_say(u, 1, "%s", _("out of memory"));
}

static void guide_act(struct ui *u, enum ui_action a)
{
	struct annex_screen *sc = screen(u);
	size_t page = (size_t)(ui_body_rows(u) > 2 ? ui_body_rows(u) - 1 : 1);
	if (a == UI_BACK) {
		free(sc->guide);
		sc->guide = NULL;
	} else {
		ui_reader_move(&sc->guide_view, a, page);
	}
}

static void annex_draw(struct ui *u)
{
	const struct ui_rect *b = &u->layout.body;
	struct annex_state *s = state(u);
	const struct cat_annex *ax = annex(u);
	int pattern = survey_pattern(u->a->survey);
	fix_cursor(u);
	if (screen(u)->guide != NULL) {
		draw_guide(u);
		draw_pane(u, pattern);
		return;
	}
	draw_head(u, pattern);
	/* the rows shown (all entries but for a filter); s->top is a row */
	size_t *rows = malloc(ax->nentries * sizeof *rows), nrows = 0, at = 0;
	if (rows == NULL) {
		ui_say(u, 1, "%s", _("out of memory"));
		return;
	}
	for (size_t i = 0; i < ax->nentries; i++)
		if (shown(u, i)) {
			at = i == s->cur ? nrows : at;
			rows[nrows++] = i;
		}
	int h = b->h - HEAD_ROWS;
	if (nrows == 0) {
		ui_text_at(b->y + HEAD_ROWS + 1, b->x + 1, b->w - 2,
			   _("Nothing matches the filter: c shows all."), ROLE_GREY);
		free(rows);
		return;
	}
	s->top = ui_scroll(s->top, at, nrows, h);
	while (s->top > 0 && s->top + 2 > at && ax->entries[rows[s->top - 1]].kind == ANNEX_SECTION &&
	       at - (s->top - 1) < (size_t)h)
		s->top--;	/* show the sections above the first item */
	for (int i = 0; i < h && s->top + (size_t)i < nrows; i++)
		draw_row(u, b->y + HEAD_ROWS + i, rows[s->top + (size_t)i], pattern);
	free(rows);
	draw_pane(u, pattern);
}

/* ---------- actions ---------- */

static void note_entered(struct ui *u, const char *text)
{
	ui_save_check_note(u, checklist_id(u), entry(u, state(u)->cur)->id, text);
}

/* ---------- search: the next checkable item whose id, number, text,
 * evaluation item or reference values hold the query ---------- */

static int entry_matches(const struct cat_annex_entry *e, const char *q)
{
	if (!e->checkable)
		return 0;
	const char *fields[3 + N_PATTERNS] = { e->id, e->text, e->eval };
	for (int p = 0; p < N_PATTERNS; p++)
		fields[3 + p] = e->refs[p];
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (fields[i] != NULL && strcasestr(fields[i], q) != NULL)
			return 1;
	return 0;
}

/* A match among the entries the filter shows. */
static int found(const struct ui *u, size_t i, const char *q)
{
	return entry_matches(&annex(u)->entries[i], q) && shown(u, i);
}

static void search_go(struct ui *u, int dir, int from_here)
{
	struct annex_state *s = state(u);
	size_t n = annex(u)->nentries;
	size_t at = ui_search_round(u, s->search, n, s->cur, dir, from_here, found);
	if (at < n)
		s->cur = at;
}

static void search_entered(struct ui *u, const char *text)
{
	struct annex_state *s = state(u);
	free(s->search);
	s->search = text[0] ? strdup(text) : NULL;
	if (s->search != NULL)
		search_go(u, +1, 1);
}

/* The catalog's next (DIR +1) or previous checklist, round the end. */
static void cycle(struct ui *u, int dir)
{
	struct annex_screen *sc = screen(u);
	size_t n = sc->n;
	sc->checklist = (sc->checklist + (size_t)(dir > 0 ? 1 : n - 1)) % n;
	fix_cursor(u);
	ui_say(u, 0, "%s", annex(u)->title);
}

static void annex_act(struct ui *u, enum ui_action a)
{
	const struct cat_annex_entry *e = entry(u, state(u)->cur);
	int h = ui_body_rows(u) - HEAD_ROWS - 1;
	if (screen(u)->guide != NULL) {
		guide_act(u, a);
		return;
	}
	switch (a) {
	case UI_GUIDANCE:
		if (shown(u, state(u)->cur))
			guide_open(u, e);
		break;
	case UI_VIEW_ITEM:		/* what the pane cuts, scrolled over the list */
		if (e->checkable && shown(u, state(u)->cur)) {
			free(screen(u)->guide);
			screen(u)->guide = pane_text(u, e, survey_pattern(u->a->survey), 1);
			screen(u)->guide_view = (struct ui_reader){ 0 };
		}
		break;
	case UI_UP: step(u, -1); break;
	case UI_DOWN: step(u, +1); break;
	case UI_PAGE_UP: steps(u, -1, h); break;
	case UI_PAGE_DOWN: steps(u, +1, h); break;
	case UI_HOME: steps(u, -1, (int)annex(u)->nentries); break;
	case UI_END: steps(u, +1, (int)annex(u)->nentries); break;
	case UI_NEXT_BLOCK: section_step(u, +1); break;
	case UI_PREV_BLOCK: section_step(u, -1); break;
	case UI_BACK: ui_go(u, SCR_CMS); break;
	case UI_NEXT_CHECKLIST: cycle(u, +1); break;
	case UI_PREV_CHECKLIST: cycle(u, -1); break;
	case UI_SEARCH:			/* starts empty */
		ui_ask_text(u, _("Search (n next, N previous):"), NULL,
			    search_entered);
		break;
	case UI_SEARCH_NEXT: search_go(u, +1, 0); break;
	case UI_FILTER_STATUS:
		state(u)->filter = (state(u)->filter + 1) % N_ANNEX_FILTERS;
		state(u)->top = 0;
		fix_cursor(u);
		break;
	case UI_CLEAR_FILTERS:
		state(u)->filter = AF_ALL;
		free(state(u)->search);
		state(u)->search = NULL;
		break;
	case UI_SEARCH_PREV: search_go(u, -1, 0); break;
	case UI_OWNER: case UI_DUE: case UI_EVIDENCE: case UI_EVIDENCE_REMOVE: {
		if (!e->checkable || !shown(u, state(u)->cur))
			break;
		const struct check_entry *c = assessment_check(u->a, checklist_id(u), e->id);
		struct track_target t = { TRACK_CHECK, checklist_id(u), e->id };
		ui_track_act(u, a, &t, e->id, c ? &c->track : NULL);
		break;
	}
	case UI_EDIT: {
		if (!shown(u, state(u)->cur))
			break;		/* nothing shown: nothing to change */
		const struct check_entry *c = assessment_check(u->a, checklist_id(u), e->id);
		char *label = str_printf(_("Note on %s:"), e->id);
		ui_ask_note(u, label ? label : "?", c ? c->note : NULL, note_entered);
		free(label);
		break;
	}
	default: {
		if (!e->checkable || !shown(u, state(u)->cur))
			break;
		const struct check_entry *c = assessment_check(u->a, checklist_id(u), e->id);
		enum check_status old = c ? c->status : CHECK_NONE;
		enum check_status now = ui_check_after(old, a);
		if (now != old)
			ui_save_check(u, checklist_id(u), e->id, now);
		break;
	}
	}
}

void ui_annex_show(struct ui *u, size_t checklist, size_t entry)
{
	struct annex_screen *sc = screen(u);
	if (checklist >= sc->n || entry >= u->cat->checklists[checklist].nentries)
		return;
	sc->checklist = checklist;
	state(u)->cur = entry;
	free(sc->guide);
	sc->guide = NULL;
	if (!shown(u, entry))
		state(u)->filter = AF_ALL;
	ui_go(u, SCR_ANNEX);
}

static enum ui_keymap annex_keymap(const struct ui *u)
{
	return screen(u)->guide != NULL ? KM_GUIDE : KM_ANNEX;
}

static void annex_enter(struct ui *u)
{
	fix_cursor(u);
}

static int annex_init(struct ui *u, void *state)
{
	struct annex_screen *sc = state;
	sc->n = u->cat->n_checklists;
	sc->lists = calloc(sc->n + 1, sizeof *sc->lists);	/* +1: never calloc(0) */
	return sc->lists != NULL ? 0 : -1;
}

/* Another assessment: each checklist from its top (search and filter
 * stay, as on the other screens). */
static void annex_reset(struct ui *u, void *state)
{
	(void)u;
	struct annex_screen *sc = state;
	for (size_t k = 0; k < sc->n; k++)
		sc->lists[k].cur = sc->lists[k].top = 0;
	free(sc->guide);
	sc->guide = NULL;
}

static void annex_done(void *state)
{
	struct annex_screen *sc = state;
	for (size_t k = 0; sc->lists != NULL && k < sc->n; k++)
		free(sc->lists[k].search);
	free(sc->lists);
	free(sc->guide);
}

/* For T (ui_glossary.c): the item under the cursor, or its guidance
 * being read. */
static char *annex_cursor_text(const struct ui *u)
{
	const struct annex_screen *sc = screen(u);
	if (sc->guide != NULL)
		return strdup(sc->guide);
	if (state(u)->cur >= annex(u)->nentries)
		return NULL;
	const struct cat_annex_entry *e = entry(u, state(u)->cur);
	return str_printf("%s\n%s", e->text ? e->text : "", e->eval ? e->eval : "");
}

const struct ui_screen ui_annex_screen = {
	.name = N_("Checklists"), .short_name = N_("Checklists"), .needs_assessment = 1,
	.pane = 1, .state_size = sizeof(struct annex_screen), .init = annex_init,
	.done = annex_done, .reset = annex_reset,
	.keymap = annex_keymap, .enter = annex_enter, .draw = annex_draw, .act = annex_act,
	.cursor_text = annex_cursor_text,
};
