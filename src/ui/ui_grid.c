/* ui_grid.c - the Fig. 16 template as screen rows, and the cursor over
 * it (ui_grid.h) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui_grid.h"

static int push(struct ui_grid *g, size_t *cap, struct grid_row r)
{
	if (g->nrows == *cap) {
		size_t n = *cap ? *cap * 2 : 64;
		struct grid_row *v = realloc(g->rows, n * sizeof *v);
		if (v == NULL)
			return -1;
		g->rows = v;
		*cap = n;
	}
	g->rows[g->nrows++] = r;
	return 0;
}

static struct grid_row row_of(enum grid_kind k, int group, int block, int line, int detail)
{
	return (struct grid_row){ k, group, block, line, detail, block, 0, 0 };
}

/* An item heads its lines when they are about components, roles or
 * external situations and it says more than the block label. */
static int needs_subhead(const struct form_block *b, const struct form_line *ln,
			 const char *prev)
{
	if (ln->item == NULL || (ln->component < 0 && ln->role < 0 && ln->external < 0))
		return 0;
	if (prev != NULL && strcmp(prev, ln->item) == 0)
		return 0;
	return b->label == NULL || strcmp(b->label, ln->item) != 0;
}

static int build_block(const struct form *f, int bi, struct ui_grid *g, size_t *cap)
{
	const struct form_block *b = &f->blocks[bi];
	const char *prev = NULL;
	size_t first = g->nrows;
	for (size_t i = b->first; i < b->first + b->nlines && i < f->nlines; i++) {
		const struct form_line *ln = &f->lines[i];
		if (needs_subhead(b, ln, prev) &&
		    push(g, cap, row_of(GRID_SUBHEAD, b->group, bi, (int)i, -1)) < 0)
			return -1;
		prev = ln->item;
		if (push(g, cap, row_of(GRID_LINE, b->group, bi, (int)i, -1)) < 0)
			return -1;
	}
	for (size_t r = first; r < g->nrows; r++) {
		g->rows[r].block_row = (int)(r - first);
		g->rows[r].block_rows = (int)(g->nrows - first);
	}
	return 0;
}

static int build_details(const struct form *f, struct ui_grid *g, size_t *cap)
{
	int sec = (int)f->nblocks;
	struct grid_row r = row_of(GRID_DETAILS, -1, -1, -1, -1);
	r.section = sec;
	if (push(g, cap, r) < 0)
		return -1;
	for (int k = 0; k < N_DETAILS; k++) {
		r = row_of(GRID_DETAIL, -1, -1, -1, k);
		r.section = sec;
		if (push(g, cap, r) < 0)
			return -1;
	}
	r = row_of(GRID_PATTERN, -1, -1, -1, -1);
	r.section = sec;
	return push(g, cap, r);
}

int ui_grid_build(const struct form *f, struct ui_grid *g)
{
	size_t cap = 0;
	memset(g, 0, sizeof *g);
	for (size_t gi = 0; gi < f->ngroups; gi++) {
		struct grid_row r = row_of(GRID_GROUP, (int)gi, -1, -1, -1);
		r.section = -1;
		if (push(g, &cap, r) < 0)
			goto fail;
		for (size_t bi = 0; bi < f->nblocks; bi++)
			if (f->blocks[bi].group == (int)gi && build_block(f, (int)bi, g, &cap) < 0)
				goto fail;
	}
	if (build_details(f, g, &cap) < 0)
		goto fail;
	g->nsections = (int)f->nblocks + 1;
	return 0;
fail:
	ui_grid_free(g);
	return -1;
}

void ui_grid_free(struct ui_grid *g)
{
	free(g->rows);
	memset(g, 0, sizeof *g);
}

const struct form_cell *ui_grid_cell(const struct form *f, const struct grid_row *r, int column)
{
	if (r->kind != GRID_LINE || r->line < 0 || (size_t)r->line >= f->nlines)
		return NULL;
	const struct form_line *ln = &f->lines[r->line];
	for (int i = 0; i < ln->ncells; i++)
		if (ln->cells[i].column == column)
			return &ln->cells[i];
	return NULL;
}

int ui_grid_focusable(const struct ui_grid *g, const struct form *f, size_t row, int column)
{
	if (row >= g->nrows)
		return 0;
	const struct grid_row *r = &g->rows[row];
	if (r->kind == GRID_DETAIL)
		return 1;
	const struct form_cell *c = ui_grid_cell(f, r, column);
	return c != NULL && c->type == FCELL_ANSWER;
}

/* A column of ROW the cursor can stand on, nearest to WANT; -1 if none. */
static int column_near(const struct ui_grid *g, const struct form *f, size_t row, int want)
{
	if (g->rows[row].kind == GRID_DETAIL)
		return want;
	for (int dist = 0; dist < 3; dist++)
		for (int sign = -1; sign <= 1; sign += 2) {
			int c = want + sign * dist;
			if (c >= 0 && c < 3 && ui_grid_focusable(g, f, row, c))
				return c;
		}
	return -1;
}

/* From ROW in direction DIR (+1/-1), the next row the cursor can stand on. */
static int step_row(const struct ui_grid *g, const struct form *f, size_t row, int dir,
		    int want, struct grid_cursor *out)
{
	for (long r = (long)row + dir; r >= 0 && (size_t)r < g->nrows; r += dir) {
		int c = column_near(g, f, (size_t)r, want);
		if (c >= 0) {
			out->row = (size_t)r;
			out->column = c;
			return 1;
		}
	}
	return 0;
}

int ui_grid_home(const struct ui_grid *g, const struct form *f, struct grid_cursor *c)
{
	struct grid_cursor start = { 0, 1 };
	if (ui_grid_focusable(g, f, 0, 1)) {
		*c = start;
		return 0;
	}
	return step_row(g, f, 0, +1, 1, c) ? 0 : -1;
}

static int step_column(const struct ui_grid *g, const struct form *f, struct grid_cursor *c,
		       int dir)
{
	if (g->rows[c->row].kind == GRID_DETAIL)
		return 0;
	for (int col = c->column + dir; col >= 0 && col < 3; col += dir)
		if (ui_grid_focusable(g, f, c->row, col)) {
			c->column = col;
			return 1;
		}
	return 0;
}

/* The first row the cursor can stand on in the section after (DIR +1)
 * or before (-1) the cursor's. */
static int step_section(const struct ui_grid *g, const struct form *f, struct grid_cursor *c,
			int dir)
{
	int here = g->rows[c->row].section;
	int target = here + dir;
	for (; target >= 0 && target < g->nsections; target += dir)
		for (size_t r = 0; r < g->nrows; r++) {
			if (g->rows[r].section != target)
				continue;
			int col = column_near(g, f, r, c->column);
			if (col >= 0) {
				c->row = r;
				c->column = col;
				return 1;
			}
		}
	return 0;
}

static int repeat(const struct ui_grid *g, const struct form *f, struct grid_cursor *c,
		  int dir, int times)
{
	int moved = 0;
	for (int i = 0; i < times && step_row(g, f, c->row, dir, c->column, c); i++)
		moved = 1;
	return moved;
}

int ui_grid_move(const struct ui_grid *g, const struct form *f, struct grid_cursor *c,
		 enum ui_action a, int page)
{
	if (c->row >= g->nrows)
		return 0;
	if (page < 1)
		page = 1;
	switch (a) {
	case UI_UP:
		return step_row(g, f, c->row, -1, c->column, c);
	case UI_DOWN:
		return step_row(g, f, c->row, +1, c->column, c);
	case UI_LEFT:
		return step_column(g, f, c, -1);
	case UI_RIGHT:
		return step_column(g, f, c, +1);
	case UI_NEXT_BLOCK:
		return step_section(g, f, c, +1);
	case UI_PREV_BLOCK:
		return step_section(g, f, c, -1);
	case UI_PAGE_UP:
		return repeat(g, f, c, -1, page);
	case UI_PAGE_DOWN:
		return repeat(g, f, c, +1, page);
	case UI_HOME:
		return repeat(g, f, c, -1, (int)g->nrows);
	case UI_END:
		return repeat(g, f, c, +1, (int)g->nrows);
	default:
		return 0;
	}
}

enum answer ui_answer_after(enum answer cur, enum ui_action a)
{
	switch (a) {
	case UI_ANSWER_YES:
		return ANSWER_YES;
	case UI_ANSWER_NO:
		return ANSWER_NO;
	case UI_ANSWER_CLEAR:
		return ANSWER_OPEN;
	case UI_ANSWER_CYCLE:
	case UI_ACTIVATE:
		return cur == ANSWER_OPEN ? ANSWER_YES : cur == ANSWER_YES ? ANSWER_NO : ANSWER_OPEN;
	default:
		return cur;
	}
}

enum cell_look ui_cell_look(const struct form *f, const struct survey *s,
			    const struct form_cell *cell, enum answer *shown)
{
	if (cell->type == FCELL_FIXED || cell->cell < 0 || (size_t)cell->cell >= f->ncells) {
		*shown = ANSWER_YES;
		return LOOK_FIXED;
	}
	*shown = s->answers[cell->cell];
	if (cell->needs >= 0 && (size_t)cell->needs < f->ncells &&
	    s->answers[cell->needs] != ANSWER_YES)
		return LOOK_GREY;
	return cell->type == FCELL_MIRROR ? LOOK_MIRROR : LOOK_ANSWER;
}
