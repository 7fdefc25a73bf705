/* ui_grid.h - the Fig. 16 survey as rows on a screen, built from the
 * one form definition (forms/fig16.xml): groups (ア)(イ), blocks a-f,
 * their lines and cells in columns A/B/C, then the assessment's details.
 * Cursor movement over it and what a key does to a cell are pure
 * functions, tested without a terminal. */
#ifndef IOTSCOPE_UI_GRID_H
#define IOTSCOPE_UI_GRID_H

#include <stddef.h>

#include "form.h"
#include "survey.h"
#include "ui_action.h"

enum grid_kind {
	GRID_GROUP,			/* (ア) ... */
	GRID_SUBHEAD,			/* an item over its component/role lines */
	GRID_LINE,			/* one form line: label and cells */
	GRID_DETAILS,			/* heading of the details */
	GRID_DETAIL,			/* one detail (name, operator, ...) */
	GRID_PATTERN			/* the Annex 2 pattern they give */
};

struct grid_row {
	enum grid_kind kind;
	int group, block, line;		/* form indexes, or -1 */
	int detail;			/* enum detail, or -1 */
	int section;			/* what Tab steps over: block, or nblocks for details */
	int block_row, block_rows;	/* this row's place in its block */
};

struct ui_grid {
	struct grid_row *rows;
	size_t nrows;
	int nsections;
};

int ui_grid_build(const struct form *f, struct ui_grid *g);
void ui_grid_free(struct ui_grid *g);

/* The drawn cell of a line in COLUMN (0 A, 1 B, 2 C), or NULL. */
const struct form_cell *ui_grid_cell(const struct form *f, const struct grid_row *r, int column);

struct grid_cursor {
	size_t row;
	int column;			/* kept on detail rows for the way back */
};

/* Can the cursor stand on ROW (at COLUMN for lines)? */
int ui_grid_focusable(const struct ui_grid *g, const struct form *f, size_t row, int column);
/* The first place the cursor can stand; -1 if none. */
int ui_grid_home(const struct ui_grid *g, const struct form *f, struct grid_cursor *c);
/* Move for UP, DOWN, LEFT, RIGHT, NEXT_BLOCK, PREV_BLOCK, PAGE_UP,
 * PAGE_DOWN (by PAGE rows), HOME, END.  Returns 1 if it moved. */
int ui_grid_move(const struct ui_grid *g, const struct form *f, struct grid_cursor *c,
		 enum ui_action a, int page);

/* What an answer key does to a cell holding CUR: o ○, x ×, space/Enter
 * cycle ○ → × → not answered → ○, clear.  CUR for any other action. */
enum answer ui_answer_after(enum answer cur, enum ui_action a);

/* How a drawn cell shows. */
enum cell_look { LOOK_FIXED, LOOK_ANSWER, LOOK_MIRROR, LOOK_GREY };
/* The look of CELL and the answer it shows (fixed cells show ○; a cell
 * whose `needs` cell is not ○ is greyed: it does not apply). */
enum cell_look ui_cell_look(const struct form *f, const struct survey *s,
			    const struct form_cell *cell, enum answer *shown);

#endif
