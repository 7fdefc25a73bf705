/* ui_survey.c - the Fig. 16 survey as the guideline draws it (IV.4.1.3
 * step 1): sections (ア)(イ), roles a-f and a-k with their component and
 * role lines, columns A/B/C; fixed ○ shown, not editable; mirrored cells
 * (同左) and cells that do not apply greyed; the four external-data
 * questions; the details and the Annex 2 pattern inputs.  The pane
 * explains the line under the cursor from the form and the catalog. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog_guidance.h"
#include "i18n.h"
#include "survey.h"
#include "ui_core.h"
#include "ui_curses.h"
#include "ui_draw.h"
#include "ui_grid.h"
#include "ui_model.h"
#include "ui_save.h"
#include "ui_text.h"

/* This screen's own state (ui_core.h: state_size). */
struct survey_state {
	struct ui_grid grid;
	struct grid_cursor cur;
	size_t top;
	int editing;			/* the detail a prompt is for */
	char *annex7;			/* Annex 7 read in full over the survey (d), or NULL */
	struct ui_reader reader;
};

static struct survey_state *survey_of(const struct ui *u)
{
	return ui_state(u, SCR_SURVEY);
}

enum { CELL_W = 5, HEAD_ROWS = 2 };

/* The details answered by a choice, and their choices (survey_details.def). */
static const char *const *choices_of(enum detail k)
{
	return survey_detail_info(k)->choices;
}

static const char *detail_label(enum detail k)
{
	return _(survey_detail_info(k)->label);
}

static int detail_lines(enum detail k)
{
	return (survey_detail_info(k)->flags & DETAIL_LINES) != 0;
}

/* ---------- geometry ---------- */

struct geom {
	int x0, bw, ix, iw, cx;		/* margin, block column, item column, cells */
	int y0, h;			/* grid rows */
};

static struct geom geom_of(const struct ui *u)
{
	const struct ui_rect *r = &u->layout.body;
	struct geom g;
	g.x0 = r->x + 1;
	g.bw = r->w >= 100 ? 22 : r->w >= 78 ? 16 : 12;
	g.ix = g.x0 + g.bw;
	g.iw = r->w - 1 - g.bw - 3 * CELL_W;
	g.cx = g.ix + g.iw;
	g.y0 = r->y + HEAD_ROWS;
	g.h = r->h - HEAD_ROWS;
	return g;
}

static const struct grid_row *row_at(const struct ui *u, size_t i)
{
	return &survey_of(u)->grid.rows[i];
}

/* ---------- one row ---------- */

/* The part of the block label that falls on this row: the label runs
 * down the block's rows like the template's first column. */
static void draw_block_label(const struct ui *u, const struct geom *g, int y,
			     const struct grid_row *r)
{
	const char *label = u->form->blocks[r->block].label;
	struct ui_lines l = { 0 };
	if (label == NULL || r->block_row < 0 || ui_wrap(label, g->bw - 1, &l) < 0) {
		ui_lines_free(&l);
		return;
	}
	if ((size_t)r->block_row < l.n) {
		const struct ui_line *ln = &l.v[r->block_row];
		int last = r->block_row == r->block_rows - 1;
		char *t = strndup(label + ln->off, last ? strlen(label + ln->off) : ln->len);
		if (t != NULL)
			ui_text_at(y, g->x0, g->bw - 1, t, ROLE_SUBHEAD);
		free(t);
	}
	ui_lines_free(&l);
}

/* What the line is about, as people read it. */
static char *line_label(const struct ui *u, const struct form_line *ln)
{
	const struct catalog *c = u->cat;
	if (ln->component >= 0)
		return strdup(c->components[ln->component].label);
	if (ln->role >= 0)
		return str_printf("%s %s", c->exec_roles[ln->role].id, c->exec_roles[ln->role].label);
	if (ln->external >= 0)
		return strdup(c->externals[ln->external].label);
	return strdup(ln->item ? ln->item : "");
}

static void draw_cell(const struct ui *u, int y, int x, const struct form_cell *c, int cursor)
{
	enum answer shown;
	enum cell_look look = ui_cell_look(u->form, u->a->survey, c, &shown);
	const char *mark = ui_answer_mark(shown);
	char *t = NULL;
	enum ui_role role;
	switch (look) {
	case LOOK_FIXED:
		t = str_printf(" %s ", mark), role = ROLE_FIXED;
		break;
	case LOOK_MIRROR:
		t = str_printf("(%s)", mark), role = ROLE_MIRROR;
		break;
	case LOOK_GREY:
		t = strdup(" - "), role = ROLE_GREY;
		break;
	default:
		t = str_printf("[%s]", mark);
		role = shown == ANSWER_YES ? ROLE_YES : shown == ANSWER_NO ? ROLE_NO : ROLE_OPEN;
		break;
	}
	ui_text_at(y, x + 1, CELL_W - 1, t ? t : "", cursor ? ROLE_CURSOR : role);
	free(t);
}

/* Is row I below an item heading of its block? */
static int under_subhead(const struct ui *u, size_t i)
{
	int block = row_at(u, i)->block;
	while (i-- > 0 && row_at(u, i)->block == block)
		if (row_at(u, i)->kind == GRID_SUBHEAD)
			return 1;
	return 0;
}

static void draw_line(const struct ui *u, const struct geom *g, int y, size_t i, int here)
{
	const struct grid_row *r = row_at(u, i);
	const struct form_line *ln = &u->form->lines[r->line];
	draw_block_label(u, g, y, r);
	char *label = line_label(u, ln);
	int indent = under_subhead(u, i) ? 2 : 0;
	ui_text_at(y, g->ix + indent, g->iw - indent - 1, label ? label : "",
		   here ? ROLE_NOTICE : ROLE_NORMAL);
	free(label);
	for (int col = 0; col < 3; col++) {
		const struct form_cell *c = ui_grid_cell(u->form, r, col);
		if (c != NULL)
			draw_cell(u, y, g->cx + col * CELL_W, c,
				  here && survey_of(u)->cur.column == col);
	}
}

static const char *detail_value(const struct ui *u, enum detail k)
{
	return u->a->survey->details[k];
}

static void draw_detail(const struct ui *u, const struct geom *g, int y, enum detail k, int here)
{
	ui_text_at(y, g->x0, g->bw - 1, detail_label(k), here ? ROLE_NOTICE : ROLE_SUBHEAD);
	const char *v = detail_value(u, k);
	int w = g->iw + 3 * CELL_W;
	if (here)
		ui_text_pad_at(y, g->ix, w, v ? v : "", ROLE_CURSOR);
	else
		ui_text_at(y, g->ix, w, v ? v : _("(not given)"), v ? ROLE_NORMAL : ROLE_GREY);
}

static void draw_pattern(const struct ui *u, const struct geom *g, int y)
{
	int p = survey_pattern(u->a->survey);
	char *t = p > 0 ? str_printf(_("Annex 2 pattern (Annex 3): %d"), p) :
		str_printf("%s", _("Annex 2 pattern: not set yet (give confidentiality and "
				   "availability above)"));
	ui_text_at(y, g->x0, g->bw + g->iw + 3 * CELL_W, t ? t : "", p > 0 ? ROLE_HEADING : ROLE_GREY);
	free(t);
}

static void draw_row(const struct ui *u, const struct geom *g, int y, size_t i)
{
	const struct grid_row *r = row_at(u, i);
	int here = i == survey_of(u)->cur.row;
	int full = g->bw + g->iw + 3 * CELL_W;
	if (here)
		mvaddstr(y, g->x0 - 1, ">");
	switch (r->kind) {
	case GRID_GROUP:
		ui_text_at(y, g->x0, full, u->form->groups[r->group].label, ROLE_HEADING);
		break;
	case GRID_SUBHEAD:
		draw_block_label(u, g, y, r);
		ui_text_at(y, g->ix, g->iw - 1, u->form->lines[r->line].item, ROLE_GREY);
		break;
	case GRID_LINE:
		draw_line(u, g, y, i, here);
		break;
	case GRID_DETAILS:
		ui_text_at(y, g->x0, full, _("Details of the assessment, and the Annex 2 pattern "
					     "inputs"), ROLE_HEADING);
		break;
	case GRID_DETAIL:
		draw_detail(u, g, y, (enum detail)r->detail, here);
		break;
	case GRID_PATTERN:
		draw_pattern(u, g, y);
		break;
	}
}

/* ---------- the pane ---------- */

static char *append(char *s, const char *add)
{
	if (s == NULL || add == NULL || add[0] == '\0')
		return s;
	char *t = str_printf("%s%s%s", s, s[0] ? "\n" : "", add);
	free(s);
	return t;
}

static char *cell_state(const struct ui *u, const struct form_cell *c)
{
	const struct form *f = u->form;
	const char *id = f->cells[c->cell].id;
	enum answer a = u->a->survey->answers[c->cell];
	if (c->needs >= 0 && u->a->survey->answers[c->needs] != ANSWER_YES)
		return str_printf(_("%s: does not apply while %s is not ○"), id,
				  f->cells[c->needs].id);
	return str_printf("%s: %s", id, a == ANSWER_OPEN ? _("not answered yet") :
			  ui_answer_mark(a));
}

/* What the subject of the line is, from the catalog. */
static char *subject_text(const struct ui *u, const struct form_line *ln,
			  const struct form_block *b)
{
	const struct catalog *c = u->cat;
	if (ln->component >= 0)
		return str_printf("%s: %s", c->components[ln->component].label,
				  c->components[ln->component].description);
	if (ln->role >= 0)
		return str_printf("%s %s: %s", c->exec_roles[ln->role].id,
				  c->exec_roles[ln->role].label, c->exec_roles[ln->role].definition);
	if (ln->external >= 0)
		return strdup(c->externals[ln->external].label);
	int er = catalog_env_role_index(c, b->id);
	if (er >= 0 && c->env_roles[er].definition != NULL)
		return str_printf("%s: %s", c->env_roles[er].label, c->env_roles[er].definition);
	return NULL;
}

/* Annex 7 at the blocks it speaks to ((ア) b provide, c recommend, ...):
 * the titles of its topics when TITLES (one short line, seen at 80x24,
 * with the key that reads them in full), else each topic's first
 * paragraph (seen on a taller pane). */
static char *annex7_text(const struct ui *u, const struct form_block *b, int titles)
{
	int er = catalog_env_role_index(u->cat, b->id);
	char *s = strdup("");
	const struct cat_topic *t;
	for (size_t k = 0; er >= 0 && s != NULL && (t = guidance_role_topic(u->cat, er, k)) != NULL;
	     k++) {
		const char *nl = strchr(t->text, '\n');
		int len = nl ? (int)(nl - t->text) : (int)strlen(t->text);
		char *add = titles ? str_printf(k == 0 ? _("Annex 7 (d reads it): %s. %s") :
						"%s. %s", t->label, t->title) :
			str_printf(_("Annex 7, %s. %s: %.*s"), t->label, t->title, len, t->text);
		char *more = add == NULL ? NULL : titles && s[0] ? str_printf("%s; %s", s, add) :
			titles ? strdup(add) : NULL;
		if (titles) {
			free(s);
			s = more;
		} else {
			s = append(s, add);
		}
		free(add);
	}
	return s;
}

/* The whole of the Annex 7 topics that speak to environment role ER
 * (there is one at least), to read (d); NULL when out of memory. */
static char *annex7_full(const struct ui *u, int er)
{
	const struct cat_topic *t;
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);
	if (f == NULL)
		return NULL;
	fprintf(f, "%s\n", u->cat->guidance->annex7_title ? u->cat->guidance->annex7_title : "");
	for (size_t k = 0; (t = guidance_role_topic(u->cat, er, k)) != NULL; k++)
		fprintf(f, "\n%s. %s\n%s\n", t->label, t->title, t->text);
	int bad = ferror(f);
	if (fclose(f) != 0 || bad) {
		free(s);
		return NULL;
	}
	return s;
}

static char *explain_line(const struct ui *u, const struct grid_row *r)
{
	const struct form_block *b = &u->form->blocks[r->block];
	const struct form_line *ln = &u->form->lines[r->line];
	char *s = strdup(b->label ? b->label : "");
	s = append(s, b->instruction);
	char *subj = subject_text(u, ln, b);
	s = append(s, subj);
	free(subj);
	int col = survey_of(u)->cur.column;
	char *t;
	const struct form_cell *c = ui_grid_cell(u->form, r, col);
	if (c != NULL && c->type == FCELL_ANSWER) {
		t = cell_state(u, c);
		s = append(s, t);
		free(t);
	}
	t = annex7_text(u, b, 1);
	s = append(s, t);
	free(t);
	t = str_printf(_("Effect: %s"), b->effect ? b->effect : "-");
	s = append(s, t);
	free(t);
	t = str_printf(_("Column %s"), u->form->columns[col] ? u->form->columns[col] : "?");
	s = append(s, t);
	free(t);
	t = annex7_text(u, b, 0);		/* last: the longest, cut first */
	s = append(s, t);
	free(t);
	return s;
}

static char *detail_text(const struct ui *u, enum detail k)
{
	char *s = str_printf("%s: %s", detail_label(k), _(survey_detail_info(k)->help));
	const char *v = detail_value(u, k);
	if (s != NULL && v != NULL && detail_lines(k)) {
		char *t = str_printf("%s\n%s", s, v);	/* the whole text, not one line */
		free(s);
		s = t;
	}
	int p = survey_pattern(u->a->survey);
	if (s != NULL && (k == DETAIL_CONFIDENTIALITY || k == DETAIL_AVAILABILITY)) {
		char *t = p > 0 ? str_printf(_("%s\nThe pattern now: %d."), s, p) :
			str_printf(_("%s\nNo pattern yet: both are needed."), s);
		free(s);
		s = t;
	}
	return s;
}

static void draw_pane(struct ui *u)
{
	const struct ui_rect *p = &u->layout.pane;
	if (p->h == 0)
		return;
	const struct grid_row *r = row_at(u, survey_of(u)->cur.row);
	char *text = NULL;
	if (r->kind == GRID_LINE)
		text = explain_line(u, r);
	else if (r->kind == GRID_DETAIL)
		text = detail_text(u, (enum detail)r->detail);
	if (text == NULL)
		return;
	struct ui_rect in = { p->y, p->x + 1, p->h, p->w - 2 };
	int y = 0;
	/* one paragraph a line; a blank line between them when the pane is tall */
	for (char *para = text, *next; para != NULL && y < in.h; para = next) {
		next = strchr(para, '\n');
		if (next != NULL)
			*next++ = '\0';
		y += ui_wrapped(&in, y, para, y == 0 ? ROLE_SUBHEAD : ROLE_NORMAL);
		y += in.h >= 16;
	}
	if (y - (in.h >= 16) > in.h)
		ui_text_right(in.y + in.h - 1, in.x, in.w, " …", ROLE_GREY);
	free(text);
}

/* ---------- the screen ---------- */

static void draw_head(struct ui *u)
{
	const struct ui_rect *r = &u->layout.body;
	const struct geom g = geom_of(u);
	size_t n = survey_answered(u->a->survey), m = u->form->ncells;
	char *t = str_printf(_("Fig. 16 survey: %zu of %zu answered"), n, m);
	int used = ui_text_at(r->y, g.x0, r->w - 2, t ? t : "", n == m ? ROLE_DONE : ROLE_HEADING);
	free(t);
	const char *legend = _("[○] yes [×] no [ ] open (○) as B - n/a");
	if (used + 2 + ui_text_width(legend) <= r->w - 2)
		ui_text_right(r->y, g.x0 + used, r->w - 2 - used, legend, ROLE_GREY);
	static const char *const cols[3] = { "A", "B", "C" };
	for (int c = 0; c < 3; c++)
		ui_text_at(r->y + 1, g.cx + c * CELL_W + 2, 1, cols[c], ROLE_SUBHEAD);
	ui_text_at(r->y + 1, g.x0, g.bw + g.iw - 1, _("Operator's scope (o: ○, x: ×)"), ROLE_GREY);
}

/* d: the Annex 7 topics in full, in place of the survey and its pane. */
static void draw_annex7(struct ui *u)
{
	const struct ui_rect *b = &u->layout.body;
	struct ui_rect in = { b->y, b->x + 1, b->h, b->w - 2 };
	ui_reader_draw(&survey_of(u)->reader, &in, survey_of(u)->annex7);
}

static void survey_draw(struct ui *u)
{
	struct survey_state *s = survey_of(u);
	const struct geom g = geom_of(u);
	if (s->annex7 != NULL) {
		draw_annex7(u);
		return;
	}
	draw_head(u);
	/* keep the group heading above the first lines in view */
	size_t want = s->cur.row;
	if (want + 1 < s->grid.nrows && row_at(u, want + 1)->kind == GRID_PATTERN)
		want++;		/* the pattern the last detail gives */
	s->top = ui_scroll(s->top, want, s->grid.nrows, g.h);
	if (s->top > 0 && s->top == want && row_at(u, want - 1)->kind != GRID_LINE)
		s->top--;
	for (int i = 0; i < g.h && s->top + (size_t)i < s->grid.nrows; i++)
		draw_row(u, &g, g.y0 + i, s->top + (size_t)i);
	draw_pane(u);
}

static void detail_entered(struct ui *u, const char *text)
{
	ui_save_detail(u, (enum detail)survey_of(u)->editing, text);
}

static void edit_detail(struct ui *u, enum detail k)
{
	char today[16] = "";
	const char *v = detail_value(u, k);
	time_t now = time(NULL);
	struct tm tm;
	if (k == DETAIL_DATE && v == NULL && gmtime_r(&now, &tm) != NULL)
		strftime(today, sizeof today, "%Y-%m-%d", &tm);
	char *label = str_printf("%s:", detail_label(k));
	survey_of(u)->editing = k;
	if (detail_lines(k))	/* free text: several lines */
		ui_ask_note(u, label ? label : "?", v, detail_entered);
	else
		ui_ask_text(u, label ? label : "?", v ? v : today, detail_entered);
	if (k == DETAIL_DATE)		/* a pre-filled date is typed over, or kept by moving */
		u->edit.replace = 1;
	free(label);
}

/* The next choice after the current value, or none after the last. */
static void cycle_detail(struct ui *u, enum detail k)
{
	const char *const *ch = choices_of(k);
	const char *v = detail_value(u, k);
	size_t i = 0;
	if (v != NULL)
		while (ch[i] != NULL && strcmp(ch[i], v) != 0)
			i++;
	const char *next = v == NULL ? ch[0] : ch[i] == NULL ? ch[0] : ch[i + 1];
	ui_save_detail(u, k, next);
}

static void detail_act(struct ui *u, enum detail k, enum ui_action a)
{
	int choice = choices_of(k) != NULL;
	if (a == UI_EDIT || ((a == UI_ACTIVATE || a == UI_ANSWER_CYCLE) && !choice))
		edit_detail(u, k);
	else if (a == UI_ACTIVATE || a == UI_ANSWER_CYCLE)
		cycle_detail(u, k);
	else if (a == UI_ANSWER_CLEAR)
		ui_save_detail(u, k, NULL);
	else if (a == UI_ANSWER_YES || a == UI_ANSWER_NO)
		ui_say(u, 1, "%s", _("This is a detail, not a ○/× cell: Enter or e edits it."));
}

static void cell_act(struct ui *u, const struct grid_row *r, enum ui_action a)
{
	const struct form_cell *c = ui_grid_cell(u->form, r, survey_of(u)->cur.column);
	if (c == NULL || c->type != FCELL_ANSWER)
		return;
	if (a == UI_EDIT) {
		ui_say(u, 1, "%s", _("Cells take o (○), x (×) or Space; e edits the details at "
				     "the end of the survey."));
		return;
	}
	enum answer old = u->a->survey->answers[c->cell];
	enum answer now = ui_answer_after(old, a);
	if (now != old)
		ui_save_answer(u, c->cell, now);
	if (a == UI_ANSWER_YES || a == UI_ANSWER_NO)	/* answered: on to the next */
		ui_grid_move(&survey_of(u)->grid, u->form, &survey_of(u)->cur, UI_DOWN, 1);
}

static void annex7_close(struct survey_state *s)
{
	free(s->annex7);
	s->annex7 = NULL;
	s->reader = (struct ui_reader){ 0 };
}

static void annex7_open(struct ui *u, const struct grid_row *r)
{
	struct survey_state *s = survey_of(u);
	int er = r->kind == GRID_LINE ?
		catalog_env_role_index(u->cat, u->form->blocks[r->block].id) : -1;
	if (er < 0 || guidance_role_topic(u->cat, er, 0) == NULL) {
		ui_say(u, 0, "%s", _("No Annex 7 topic speaks to this line."));
		return;
	}
	char *t = annex7_full(u, er);
	if (t == NULL) {
		ui_say(u, 1, "%s", _("out of memory"));
		return;
	}
	annex7_close(s);
	s->annex7 = t;
	ui_resize(u, u->rows, u->cols);		/* the text takes the pane's rows too */
}

static void survey_act(struct ui *u, enum ui_action a)
{
	struct survey_state *s = survey_of(u);
	const struct grid_row *r = row_at(u, s->cur.row);
	if (s->annex7 != NULL) {
		size_t page = (size_t)(u->layout.body.h > 2 ? u->layout.body.h - 1 : 1);
		if (!ui_reader_move(&s->reader, a, page)) {
			annex7_close(s);
			ui_resize(u, u->rows, u->cols);
		}
		return;
	}
	switch (a) {
	case UI_ANNEX7:
		annex7_open(u, r);
		break;
	case UI_ANSWER_YES: case UI_ANSWER_NO: case UI_ANSWER_CYCLE:
	case UI_ANSWER_CLEAR: case UI_ACTIVATE: case UI_EDIT:
		if (r->kind == GRID_DETAIL)
			detail_act(u, (enum detail)r->detail, a);
		else
			cell_act(u, r, a);
		break;
	case UI_BACK:
		ui_go(u, SCR_LIST);
		break;
	default:
		ui_grid_move(&s->grid, u->form, &s->cur, a, geom_of(u).h - 1);
		break;
	}
}

static int survey_pane_now(const struct ui *u)
{
	return survey_of(u)->annex7 == NULL;
}

static enum ui_keymap survey_keymap(const struct ui *u)
{
	return survey_of(u)->annex7 != NULL ? KM_GUIDE : KM_SURVEY;
}

/* For T (ui_glossary.c): the line and what the pane says of it, the
 * detail, or the Annex 7 text being read. */
static char *survey_cursor_text(const struct ui *u)
{
	const struct survey_state *s = survey_of(u);
	const struct grid_row *r = row_at(u, s->cur.row);
	if (s->annex7 != NULL)
		return strdup(s->annex7);
	if (r->kind == GRID_DETAIL)
		return detail_text(u, (enum detail)r->detail);
	if (r->kind != GRID_LINE)
		return NULL;
	const struct form_block *b = &u->form->blocks[r->block];
	char *label = line_label(u, &u->form->lines[r->line]);
	char *subj = subject_text(u, &u->form->lines[r->line], b);
	char *t = str_printf("%s\n%s\n%s\n%s", b->label ? b->label : "",
			     b->instruction ? b->instruction : "", label ? label : "", subj ? subj : "");
	free(label);
	free(subj);
	return t;
}

static int survey_init(struct ui *u, void *state)
{
	struct survey_state *s = state;
	if (ui_grid_build(u->form, &s->grid) < 0)
		return -1;
	ui_grid_home(&s->grid, u->form, &s->cur);
	return 0;
}

static void survey_done(void *state)
{
	struct survey_state *s = state;
	ui_grid_free(&s->grid);
	annex7_close(s);
}

/* The next assessment starts at the first cell. */
static void survey_reset(struct ui *u, void *state)
{
	struct survey_state *s = state;
	s->top = 0;
	annex7_close(s);
	ui_grid_home(&s->grid, u->form, &s->cur);
}

const struct ui_screen ui_survey_screen = {
	.name = N_("Survey"), .short_name = N_("Survey"), .needs_assessment = 1, .pane = 1,
	.state_size = sizeof(struct survey_state), .init = survey_init, .done = survey_done,
	.reset = survey_reset, .keymap = survey_keymap, .draw = survey_draw, .act = survey_act,
	.cursor_text = survey_cursor_text, .pane_now = survey_pane_now,
};
