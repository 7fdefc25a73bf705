/* ui_cms.c - the derived countermeasures (IV.4.1.3 step 2, IV.4.3 maps,
 * IV.5 items): grouped A/B/C with counts, each with number, title and
 * decision; Enter opens one: its full text, the map rows that select it,
 * its concrete actions to tick, notes.  Filters by decision and
 * viewpoint, `/` searches; items an answer has dropped out are marked.
 * The screen says, as IV.4.1.2 does, that these are candidates. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "survey.h"
#include "ui_cmlist.h"
#include "ui_core.h"
#include "ui_curses.h"
#include "ui_draw.h"
#include "ui_model.h"
#include "ui_save.h"
#include "ui_text.h"
#include "ui_track.h"

/* This screen's own state (ui_core.h: state_size). */
struct cms_state {
	struct cm_filter filter;
	char *search;
	struct ui_cmlist list;
	int stale;			/* rebuild the list (filter, search changed) */
	unsigned seen;			/* u->changes it was built at */
	size_t cur, top;		/* rows of the list */
	int cur_cm;			/* the countermeasure under the cursor, or -1 */
	int detail;			/* the detail view of one countermeasure */
	char **keys;			/* its action keys */
	int nkeys;
	int sel;			/* 0 the note, 1.. the actions */
	int follow;			/* scroll to the selection (not after PgUp/PgDn) */
	int sel_shown;			/* the selection was on screen at the last draw */
	size_t dtop;
};

static struct cms_state *cms_of(const struct ui *u)
{
	return ui_state(u, SCR_CMS);
}

enum { LIST_HEAD_ROWS = 3 };

static const char *const candidates_note =
	N_("Candidates to consider, not a list that must all be done (IV.4.1.2).");

/* ---------- the list ---------- */

static int first_item(const struct ui_cmlist *l)
{
	for (size_t r = 0; r < l->nrows; r++)
		if (l->rows[r].kind == CMROW_ITEM)
			return (int)r;
	return -1;
}

static void rebuild(struct ui *u)
{
	struct cms_state *s = cms_of(u);
	if (!s->stale && s->seen == u->changes)
		return;
	ui_cmlist_free(&s->list);
	s->filter.search = s->search;
	if (ui_cmlist_build(&s->list, u->cat, u->dv, u->a, &s->filter) < 0) {
		ui_say(u, 1, "%s", _("out of memory"));
		return;
	}
	s->stale = 0;
	s->seen = u->changes;
	long r = s->cur_cm >= 0 ? ui_cmlist_find(&s->list, s->cur_cm) : -1;
	if (r < 0)
		r = first_item(&s->list);
	s->cur = r < 0 ? 0 : (size_t)r;
	if (!s->detail)		/* the open item stays open even if filtered out */
		s->cur_cm = r < 0 ? -1 : s->list.entries[s->list.rows[r].entry].cm;
}

static const struct cm_entry *entry_at(const struct ui *u)
{
	const struct cms_state *s = cms_of(u);
	const struct ui_cmlist *l = &s->list;
	if (s->cur >= l->nrows || l->rows[s->cur].kind != CMROW_ITEM)
		return NULL;
	return &l->entries[l->rows[s->cur].entry];
}

/* Step the cursor over item rows only. */
/* Move TIMES items up (DIR -1) or down; 0 if it could not move at all. */
static int step(struct ui *u, int dir, size_t times)
{
	struct cms_state *s = cms_of(u);
	const struct ui_cmlist *l = &s->list;
	size_t at = s->cur;
	for (long r = (long)at + dir; r >= 0 && (size_t)r < l->nrows && times > 0; r += dir)
		if (l->rows[r].kind == CMROW_ITEM) {
			at = (size_t)r;
			times--;
		}
	int moved = at != s->cur;
	s->cur = at;
	const struct cm_entry *e = entry_at(u);
	s->cur_cm = e ? e->cm : -1;
	return moved;
}

static int no_search(struct ui *u)
{
	if (cms_of(u)->search != NULL)
		return 0;
	ui_say(u, 0, "%s", _("No search yet: / searches."));
	return 1;
}

static const char *filter_label(int decision)
{
	if (decision == CMF_ALL)
		return _("all");
	if (decision == CMF_DROPPED)
		return _("dropped out");
	return decision_label((enum decision)decision);
}

static char *summary_line(const struct ui *u)
{
	const struct derivation *dv = u->dv;
	struct assessment_progress p;
	assessment_progress_with(u->a, u->cat, dv, &p);
	char *t = str_printf(_("%zu candidates (A %zu, B %zu, C %zu), %zu reviewed, %zu dropped out"),
			     dv->nitems, dv->per_viewpoint[0], dv->per_viewpoint[1],
			     dv->per_viewpoint[2], p.reviewed, p.dropped);
	if (t != NULL && dv->nopen > 0) {
		char *o = str_printf(_("%s; %zu survey cells still open"), t, dv->nopen);
		free(t);
		t = o;
	}
	return t;
}

static char *filter_line(const struct ui *u)
{
	const struct cms_state *s = cms_of(u);
	const char *vp = s->filter.viewpoint == CMF_ALL ? _("all") :
		u->cat->viewpoints[s->filter.viewpoint].id;
	int searching = s->search != NULL && s->search[0] != '\0';
	if (s->filter.decision == CMF_ALL && s->filter.viewpoint == CMF_ALL && !searching)
		return strdup(_("Showing all (f: by decision, v: by viewpoint, /: search)"));
	return str_printf(_("Showing %zu: decision %s, viewpoint %s%s%s%s (c: show all)"),
			  s->list.shown, filter_label(s->filter.decision), vp,
			  searching ? _(", search \"") : "", searching ? s->search : "",
			  searching ? "\"" : "");
}

static void draw_header_row(const struct ui *u, int y, const struct cm_row *r)
{
	const struct ui_rect *b = &u->layout.body;
	const struct cat_viewpoint *vp = &u->cat->viewpoints[r->viewpoint];
	char *t = r->shown == r->derived ?
		str_printf("%s %s (%zu)", vp->id, vp->label, r->derived) :
		str_printf(_("%s %s (%zu, %zu shown)"), vp->id, vp->label, r->derived, r->shown);
	ui_text_at(y, b->x + 1, b->w - 2, t ? t : "", ROLE_HEADING);
	free(t);
}

static void draw_item_row(const struct ui *u, int y, const struct cm_entry *e, int here)
{
	const struct ui_rect *b = &u->layout.body;
	const struct cat_cm *cm = &u->cat->cms[e->cm];
	enum ui_role role = here ? ROLE_CURSOR : ROLE_NORMAL;
	int x = b->x + 1, w = b->w - 2;
	int dw = 11, aw = 7, nw = 11;
	if (here)
		mvaddstr(y, b->x, ">");
	ui_fill(y, x, w, role);
	ui_text_at(y, x + 1, nw - 1, cm->number, here ? role : e->item ? ROLE_SUBHEAD : ROLE_DROPPED);
	int tx = x + nw + 1, tw = w - nw - 1 - dw - aw;
	const struct cm_review *rv = assessment_review(u->a, cm->id);
	tw -= ui_track_draw_marker(y, tx + tw - 1, tw / 2, rv ? &rv->track : NULL, here);
	int used = 0;
	if (e->item == NULL)
		used = ui_text_at(y, tx, tw, _("[dropped out] "), here ? role : ROLE_DROPPED);
	ui_text_at(y, tx + used, tw - used - 1, cm->title, role);
	enum ui_role dr = here ? role : e->decision == DECISION_NONE ? ROLE_GREY : ROLE_YES;
	ui_text_at(y, x + w - dw - aw, dw, decision_label(e->decision), dr);
	if (e->nactions > 0) {
		char *a = str_printf("%zu/%zu", e->done, e->nactions);
		ui_text_right(y, x + w - aw, aw - 1, a ? a : "", here ? role : ROLE_GREY);
		free(a);
	}
}

static void draw_list(struct ui *u)
{
	struct cms_state *s = cms_of(u);
	const struct ui_rect *b = &u->layout.body;
	ui_text_at(b->y, b->x + 1, b->w - 2, _(candidates_note), ROLE_NOTICE);
	char *sum = summary_line(u);
	ui_text_at(b->y + 1, b->x + 1, b->w - 2, sum ? sum : "", ROLE_NORMAL);
	free(sum);
	char *fl = filter_line(u);
	ui_text_at(b->y + 2, b->x + 1, b->w - 2, fl ? fl : "", ROLE_GREY);
	free(fl);
	int h = b->h - LIST_HEAD_ROWS;
	size_t n = s->list.nrows;
	s->top = ui_scroll(s->top, s->cur, n, h);
	if (s->top > 0 && s->top == s->cur && s->list.rows[s->cur - 1].kind == CMROW_HEADER)
		s->top--;		/* show the group heading with its first item */
	for (int i = 0; i < h && s->top + (size_t)i < n; i++) {
		size_t k = s->top + (size_t)i;
		const struct cm_row *r = &s->list.rows[k];
		int y = b->y + LIST_HEAD_ROWS + i;
		if (r->kind == CMROW_HEADER)
			draw_header_row(u, y, r);
		else
			draw_item_row(u, y, &s->list.entries[r->entry], k == s->cur);
	}
	if (s->list.shown == 0 && h > 4)
		ui_text_at(b->y + b->h - 1, b->x + 2, b->w - 4,
			   _("Nothing matches the filter: c shows all."), ROLE_GREY);
}

/* ---------- the detail view: a document of wrapped lines ---------- */

struct doc_line {
	char *text;
	enum ui_role role;
	int sel;			/* -1 none, 0 the note, k action k */
	int indent;			/* columns before the text */
};

struct doc {
	struct doc_line *v;
	size_t n;
	int w;
	int oom;
};

static void doc_free(struct doc *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->v[i].text);
	free(d->v);
}

/* Add TEXT (may be NULL) wrapped at the document width, INDENT columns
 * in, its continuation lines HANG columns further. */
static void doc_hang(struct doc *d, const char *text, enum ui_role role, int sel, int indent,
		     int hang)
{
	struct ui_lines l = { 0 };
	const char *t = text ? text : "";
	if (ui_wrap(t, d->w - indent - hang, &l) < 0) {
		d->oom = 1;
		return;
	}
	size_t n = l.n ? l.n : 1;
	struct doc_line *v = realloc(d->v, (d->n + n) * sizeof *v);
	if (v == NULL) {
		ui_lines_free(&l);
		d->oom = 1;
		return;
	}
	d->v = v;
	for (size_t i = 0; i < n; i++) {
		char *s = l.n ? strndup(t + l.v[i].off, l.v[i].len) : strdup("");
		d->oom |= s == NULL;
		v[d->n++] = (struct doc_line){ s, role, sel, indent + (i > 0 ? hang : 0) };
	}
	ui_lines_free(&l);
}

static void doc_add(struct doc *d, const char *text, enum ui_role role, int sel, int indent)
{
	doc_hang(d, text, role, sel, indent, 0);
}

/* The same with a malloc'd TEXT the document frees. */
static void doc_hangf(struct doc *d, enum ui_role role, int sel, int indent, int hang,
		      char *owned)
{
	if (owned == NULL)
		d->oom = 1;
	doc_hang(d, owned, role, sel, indent, hang);
	free(owned);
}

static void doc_addf(struct doc *d, enum ui_role role, int sel, int indent, char *owned)
{
	doc_hangf(d, role, sel, indent, 0, owned);
}

/* OWNED's lines (ui_track_text), each wrapped at its own indent: the
 * leading spaces of a line are columns, kept on its continuation. */
static void doc_lines(struct doc *d, enum ui_role role, int sel, int indent, char *owned)
{
	if (owned == NULL)
		d->oom = 1;
	for (char *l = owned, *next; l != NULL; l = next) {
		next = strchr(l, '\n');
		if (next != NULL)
			*next++ = '\0';
		int lead = (int)strspn(l, " ");
		doc_hang(d, l + lead, role, sel, indent + lead, 0);
	}
	free(owned);
}

static const struct cat_cm *detail_cm(const struct ui *u)
{
	const struct cms_state *s = cms_of(u);
	return s->cur_cm >= 0 ? &u->cat->cms[s->cur_cm] : NULL;
}

static void doc_reasons(const struct ui *u, struct doc *d, const struct cat_cm *cm)
{
	const struct derived *it = u->dv ? derivation_find(u->dv, cms_of(u)->cur_cm) : NULL;
	doc_add(d, "", ROLE_NORMAL, -1, 0);
	if (it == NULL) {
		doc_add(d, _("No longer derived by the current answers (dropped out); its review "
			     "is kept."), ROLE_DROPPED, -1, 0);
		return;
	}
	doc_add(d, _("Why it is a candidate (the map rows of IV.4.3 that select it):"),
		ROLE_SUBHEAD, -1, 0);
	for (size_t i = 0; i < it->nreasons; i++) {
		const struct reason *r = &it->reasons[i];
		const struct cat_trigger *t = r->row ? &r->row->trigger : &cm->listed;
		char *trig = catalog_trigger_label(u->cat, t);
		if (r->row != NULL)
			doc_hangf(d, ROLE_NORMAL, -1, 2, 2, str_printf("- %s %s > %s > %s",
				 catalog_map_id(r->map), trig ? trig : "?", r->row->category,
				 r->row->risk));
		else
			doc_hangf(d, ROLE_NORMAL, -1, 2, 2, str_printf(_("- IV.5 lists it under %s: %s"),
				 catalog_map_id(r->map), trig ? trig : "?"));
		free(trig);
	}
}

/* The heading over the duties transferred to one role ("c.1", "c.2"...). */
static void doc_transfer_head(const struct ui *u, struct doc *d, const char *key,
			      const char *prev)
{
	const char *dot = strchr(key, '.');
	if (dot == NULL || (prev != NULL && strncmp(prev, key, (size_t)(dot - key) + 1) == 0))
		return;
	char *role = strndup(key, (size_t)(dot - key));
	int ri = role ? catalog_exec_role_index(u->cat, role) : -1;
	doc_addf(d, ROLE_SUBHEAD, -1, 2, str_printf(_("Duties to transfer to the partner running "
		 "%s %s:"), role ? role : "?", ri >= 0 ? u->cat->exec_roles[ri].label : ""));
	free(role);
}

static void doc_actions(const struct ui *u, struct doc *d, const struct cat_cm *cm)
{
	const struct cms_state *s = cms_of(u);
	doc_add(d, "", ROLE_NORMAL, -1, 0);
	doc_add(d, _("Concrete actions (Space ticks: done, not done, n/a, none; e writes a note):"),
		ROLE_SUBHEAD, -1, 0);
	for (int k = 0; k < s->nkeys; k++) {
		const char *key = s->keys[k];
		doc_transfer_head(u, d, key, k > 0 ? s->keys[k - 1] : NULL);
		const struct action_review *ar = assessment_action(u->a, cm->id, key);
		enum action_state st = ar ? ar->state : ACTION_NONE;
		const char *text = action_text(cm, key);
		char *line = str_printf("%s %s. ", ui_action_state_mark(st), key);
		int hang = line ? ui_text_width(line) : 4;
		doc_hangf(d, st == ACTION_DONE ? ROLE_DONE : ROLE_NORMAL, k + 1, 2, hang,
			  str_printf("%s%s", line ? line : "", text ? text : ""));
		free(line);
		if (ar != NULL && ar->note != NULL)
			doc_addf(d, ROLE_GREY, k + 1, 8, str_printf(_("Note: %s"), ar->note));
		if (ar != NULL && tracking_written(&ar->track))
			doc_lines(d, ROLE_GREY, k + 1, 8, ui_track_text((struct ui *)u, &ar->track));
	}
	if (s->nkeys == 0)
		doc_add(d, _("(the guideline lists no concrete actions for this item)"),
			ROLE_GREY, -1, 2);
}

static void doc_build(const struct ui *u, struct doc *d, int w)
{
	const struct cat_cm *cm = detail_cm(u);
	memset(d, 0, sizeof *d);
	d->w = w;
	const struct cm_review *r = assessment_review(u->a, cm->id);
	enum decision dec = r ? r->decision : DECISION_NONE;
	doc_addf(d, ROLE_HEADING, -1, 0, str_printf("%s  %s", cm->number, cm->title));
	doc_addf(d, dec == DECISION_NONE ? ROLE_OPEN : ROLE_YES, -1, 0,
		 str_printf(_("Decision: %s   (t to do, i in place, a n/a, w later, - undecided)"),
			    decision_label(dec)));
	doc_addf(d, ROLE_NORMAL, 0, 0, str_printf(_("Note: %s"), r && r->note ? r->note :
						      _("(none; e writes one)")));
	doc_lines(d, ROLE_NORMAL, 0, 0, ui_track_text((struct ui *)u, r ? &r->track : NULL));
	doc_add(d, "", ROLE_NORMAL, -1, 0);
	doc_add(d, cm->text, ROLE_NORMAL, -1, 0);
	if (cm->cites != NULL)
		doc_addf(d, ROLE_GREY, -1, 0, str_printf(_("Cites: %s"), cm->cites));
	doc_reasons(u, d, cm);
	doc_actions(u, d, cm);
	if (cm->nleads > 0) {
		doc_add(d, "", ROLE_NORMAL, -1, 0);
		doc_add(d, _("What the operator leads:"), ROLE_SUBHEAD, -1, 0);
		for (size_t i = 0; i < cm->nleads; i++)
			doc_hangf(d, ROLE_NORMAL, -1, 2, 2, str_printf("- %s", cm->leads[i]));
	}
	doc_add(d, "", ROLE_NORMAL, -1, 0);
	doc_add(d, _(candidates_note), ROLE_GREY, -1, 0);
}

static void draw_detail(struct ui *u)
{
	struct cms_state *s = cms_of(u);
	const struct ui_rect *b = &u->layout.body;
	struct doc d;
	doc_build(u, &d, b->w - 2);
	if (d.oom)
		ui_say(u, 1, "%s", _("out of memory"));
	size_t first = 0, last = 0;
	int found = 0;
	for (size_t i = 0; i < d.n; i++)
		if (d.v[i].sel == s->sel) {
			first = found ? first : i;
			last = i;
			found = 1;
		}
	if (s->follow && found) {
		s->dtop = ui_scroll(s->dtop, last, d.n, b->h);
		s->dtop = ui_scroll(s->dtop, first, d.n, b->h);
		if (s->sel == 0 && last < (size_t)b->h)
			s->dtop = 0;	/* the note goes with the title and decision */
	}
	if (d.n > (size_t)b->h && s->dtop > d.n - (size_t)b->h)
		s->dtop = d.n - (size_t)b->h;
	if (d.n <= (size_t)b->h)
		s->dtop = 0;
	s->sel_shown = found && first >= s->dtop && last < s->dtop + (size_t)b->h;
	for (int i = 0; i < b->h && s->dtop + (size_t)i < d.n; i++) {
		const struct doc_line *l = &d.v[s->dtop + (size_t)i];
		int here = found && l->sel == s->sel;
		if (here)
			mvaddstr(b->y + i, b->x, ">");
		ui_text_at(b->y + i, b->x + 1 + l->indent, b->w - 2 - l->indent, l->text,
			   here ? ROLE_CURSOR : l->role);
	}
	doc_free(&d);
}

/* ---------- actions ---------- */

static void detail_close(struct cms_state *s)
{
	action_keys_free(s->keys, s->nkeys);
	s->keys = NULL;
	s->nkeys = 0;
	s->detail = 0;
}

static void detail_open(struct ui *u)
{
	struct cms_state *s = cms_of(u);
	const struct cm_entry *e = entry_at(u);
	if (e == NULL)
		return;
	char **keys = NULL;
	int n = action_keys(&u->cat->cms[e->cm], &keys);
	if (n < 0) {
		ui_say(u, 1, "%s", _("out of memory"));
		return;
	}
	s->cur_cm = e->cm;
	s->keys = keys;
	s->nkeys = n;
	s->detail = 1;
	s->sel = n > 0 ? 1 : 0;		/* the first action, once it is in view */
	s->dtop = 0;
	s->follow = 0;
	s->sel_shown = 0;
}

static void decide(struct ui *u, enum ui_action a)
{
	const struct cat_cm *cm = detail_cm(u);
	if (cm == NULL || (!cms_of(u)->detail && entry_at(u) == NULL))
		return;
	const struct cm_review *r = assessment_review(u->a, cm->id);
	enum decision old = r ? r->decision : DECISION_NONE;
	enum decision now = ui_decision_after(old, a);
	if (now != old)
		ui_save_decision(u, cm->id, now);
}

static void note_entered(struct ui *u, const char *text)
{
	struct cms_state *s = cms_of(u);
	const struct cat_cm *cm = detail_cm(u);
	if (cm == NULL)
		return;
	if (s->detail && s->sel > 0)
		ui_save_action_note(u, cm->id, s->keys[s->sel - 1], text);
	else
		ui_save_review_note(u, cm->id, text);
}

static void edit_note(struct ui *u)
{
	const struct cat_cm *cm = detail_cm(u);
	if (cm == NULL || (!cms_of(u)->detail && entry_at(u) == NULL))
		return;
	const char *note = NULL;
	char *label;
	if (cms_of(u)->detail && cms_of(u)->sel > 0) {
		const char *key = cms_of(u)->keys[cms_of(u)->sel - 1];
		const struct action_review *ar = assessment_action(u->a, cm->id, key);
		note = ar ? ar->note : NULL;
		label = str_printf(_("Note on %s action %s:"), cm->number, key);
	} else {
		const struct cm_review *r = assessment_review(u->a, cm->id);
		note = r ? r->note : NULL;
		label = str_printf(_("Note on %s:"), cm->number);
	}
	ui_ask_note(u, label ? label : "?", note, note_entered);
	free(label);
}

static void tick(struct ui *u, enum ui_action a)
{
	struct cms_state *s = cms_of(u);
	const struct cat_cm *cm = detail_cm(u);
	if (!s->sel_shown) {		/* never tick what is not on screen: show it */
		s->follow = 1;
		ui_say(u, 0, "%s", _("This is the action Space ticks; press it again to tick."));
		return;
	}
	if (s->sel == 0) {
		edit_note(u);
		return;
	}
	const char *key = s->keys[s->sel - 1];
	const struct action_review *ar = assessment_action(u->a, cm->id, key);
	enum action_state old = ar ? ar->state : ACTION_NONE;
	ui_save_action(u, cm->id, key, ui_action_state_after(old, a));
}

/* o, D, E, R on the countermeasure's review (the list, or the detail
 * with its note selected) or on the selected action; 0 if A is none of
 * them. */
static int track(struct ui *u, enum ui_action a)
{
	struct cms_state *s = cms_of(u);
	const struct cat_cm *cm = detail_cm(u);
	if (a != UI_OWNER && a != UI_DUE && a != UI_EVIDENCE && a != UI_EVIDENCE_REMOVE)
		return 0;
	if (cm == NULL || (!s->detail && entry_at(u) == NULL))
		return 1;
	if (s->detail && !s->sel_shown) {	/* never change what is not on screen */
		s->follow = 1;
		ui_say(u, 0, "%s", _("This is what the key changes; press it again."));
		return 1;
	}
	const char *key = s->detail && s->sel > 0 ? s->keys[s->sel - 1] : NULL;
	struct track_target t = { key ? TRACK_ACTION : TRACK_REVIEW, cm->id, key };
	const struct tracking *now = NULL;
	char *label;
	if (key != NULL) {
		const struct action_review *ar = assessment_action(u->a, cm->id, key);
		now = ar ? &ar->track : NULL;
		label = str_printf(_("%s action %s"), cm->number, key);
	} else {
		const struct cm_review *r = assessment_review(u->a, cm->id);
		now = r ? &r->track : NULL;
		label = strdup(cm->number);
	}
	ui_track_act(u, a, &t, label ? label : "?", now);
	free(label);
	return 1;
}

static void detail_open(struct ui *u);

/* From one detail to the next (DIR +1) or previous item of the list as
 * it is shown (filtered, searched), as mutt's J and K do. */
static void detail_next(struct ui *u, int dir)
{
	struct cms_state *s = cms_of(u);
	long r = ui_cmlist_find(&s->list, s->cur_cm);
	if (r >= 0)
		s->cur = (size_t)r;
	if (r < 0 || !step(u, dir, 1)) {
		ui_say(u, 0, "%s", dir > 0 ? _("This is the last one of the list.") :
		       _("This is the first one of the list."));
		return;
	}
	int cm = s->cur_cm;
	detail_close(s);
	s->cur_cm = cm;
	detail_open(u);
}

static void detail_act(struct ui *u, enum ui_action a)
{
	struct cms_state *s = cms_of(u);
	int page = ui_body_rows(u) - 1;
	switch (a) {
	case UI_BACK:
		detail_close(s);
		break;
	case UI_STATE_CYCLE: case UI_ACTIVATE:
		tick(u, a);
		break;
	case UI_EDIT:
		edit_note(u);
		break;
	case UI_UP: case UI_DOWN:
		if (!s->sel_shown) {	/* the first move shows where the selection is */
			s->follow = 1;
			break;
		}
		/* fall through */
	case UI_HOME: case UI_END:
		s->sel = a == UI_HOME ? 0 : a == UI_END ? s->nkeys :
			a == UI_UP ? (s->sel > 0 ? s->sel - 1 : 0) :
			(s->sel < s->nkeys ? s->sel + 1 : s->nkeys);
		s->follow = 1;
		break;
	case UI_PAGE_UP:
		s->dtop = s->dtop > (size_t)page ? s->dtop - (size_t)page : 0;
		s->follow = 0;
		break;
	case UI_PAGE_DOWN:
		s->dtop += (size_t)page;
		s->follow = 0;
		break;
	case UI_SEARCH_NEXT: case UI_SEARCH_PREV:
		if (!no_search(u))
			detail_next(u, a == UI_SEARCH_NEXT ? +1 : -1);
		break;
	case UI_NEXT_ITEM: case UI_PREV_ITEM:
		detail_next(u, a == UI_NEXT_ITEM ? +1 : -1);
		break;
	default:
		if (!track(u, a))
			decide(u, a);
		break;
	}
}

static void search_entered(struct ui *u, const char *text)
{
	struct cms_state *s = cms_of(u);
	free(s->search);
	s->search = text[0] ? strdup(text) : NULL;
	s->stale = 1;
}

static void list_act(struct ui *u, enum ui_action a)
{
	struct cms_state *s = cms_of(u);
	size_t page = (size_t)(ui_body_rows(u) > 4 ? ui_body_rows(u) - 4 : 1);
	switch (a) {
	case UI_OPEN:
		detail_open(u);
		break;
	case UI_UP: step(u, -1, 1); break;
	case UI_DOWN: step(u, +1, 1); break;
	case UI_PAGE_UP: step(u, -1, page); break;
	case UI_PAGE_DOWN: step(u, +1, page); break;
	case UI_HOME: step(u, -1, s->list.nrows); break;
	case UI_END: step(u, +1, s->list.nrows); break;
	case UI_FILTER_DECISION:
		s->filter.decision = ui_filter_next_decision(s->filter.decision);
		s->stale = 1;
		break;
	case UI_FILTER_VIEWPOINT:
		s->filter.viewpoint = ui_filter_next_viewpoint(s->filter.viewpoint);
		s->stale = 1;
		break;
	case UI_SEARCH:			/* starts empty: typing never appends to the last one */
		ui_ask_text(u, _("Search (empty: show all):"), NULL,
			    search_entered);
		break;
	case UI_SEARCH_NEXT: case UI_SEARCH_PREV:
		if (no_search(u))
			break;
		/* the list shows the matches only: the next one, round the end */
		if (!step(u, a == UI_SEARCH_NEXT ? +1 : -1, 1))
			step(u, a == UI_SEARCH_NEXT ? -1 : +1, s->list.nrows);
		break;
	case UI_CLEAR_FILTERS:
		s->filter.decision = s->filter.viewpoint = CMF_ALL;
		free(s->search);
		s->search = NULL;
		s->stale = 1;
		break;
	case UI_BACK:
		ui_go(u, SCR_SURVEY);
		break;
	default:
		if (!track(u, a))
			decide(u, a);
		break;
	}
}

static void cms_act(struct ui *u, enum ui_action a)
{
	rebuild(u);
	if (cms_of(u)->detail)
		detail_act(u, a);
	else
		list_act(u, a);
}

static void cms_draw(struct ui *u)
{
	rebuild(u);
	if (cms_of(u)->detail && detail_cm(u) != NULL)
		draw_detail(u);
	else
		draw_list(u);
}

static void cms_enter(struct ui *u)
{
	struct cms_state *s = cms_of(u);
	if (s->detail)
		detail_close(s);
	s->stale = 1;
}

static enum ui_keymap cms_keymap(const struct ui *u)
{
	return cms_of(u)->detail ? KM_CM_DETAIL : KM_CMS;
}

static int cms_init(struct ui *u, void *state)
{
	(void)u;
	struct cms_state *s = state;
	s->filter = (struct cm_filter){ CMF_ALL, CMF_ALL, NULL };
	s->stale = 1;
	s->cur_cm = -1;
	return 0;
}

/* The assessment closed: its list, its open item and their keys go. */
static void cms_reset(struct ui *u, void *state)
{
	(void)u;
	struct cms_state *s = state;
	action_keys_free(s->keys, s->nkeys);
	s->keys = NULL;
	s->nkeys = 0;
	s->detail = 0;
	s->cur_cm = -1;
	s->stale = 1;
	ui_cmlist_free(&s->list);
	s->cur = s->top = 0;
}

static void cms_done(void *state)
{
	struct cms_state *s = state;
	cms_reset(NULL, s);
	free(s->search);
}

/* For T (ui_glossary.c): the countermeasure under the cursor, or in the
 * open one the action selected. */
static char *cms_cursor_text(const struct ui *u)
{
	const struct cms_state *s = cms_of(u);
	const struct cm_entry *e = entry_at(u);
	const struct cat_cm *cm = s->detail ? detail_cm(u) : e ? &u->cat->cms[e->cm] : NULL;
	if (cm == NULL)
		return NULL;
	const char *action = s->detail && s->sel > 0 && s->sel <= s->nkeys ?
		action_text(cm, s->keys[s->sel - 1]) : NULL;
	return action ? strdup(action) : str_printf("%s\n%s", cm->title, cm->text);
}

const struct ui_screen ui_cms_screen = {
	.name = N_("Countermeasures"), .short_name = N_("Measures"), .needs_assessment = 1,
	.state_size = sizeof(struct cms_state), .init = cms_init, .done = cms_done,
	.reset = cms_reset, .keymap = cms_keymap, .enter = cms_enter, .draw = cms_draw,
	.act = cms_act, .cursor_text = cms_cursor_text,
};
