/* form.h - the Fig. 16 survey template (forms/fig16.xml) and the survey
 * cells it defines.  Screens and exports render from this one definition. */
#ifndef IOTSCOPE_FORM_H
#define IOTSCOPE_FORM_H

#include <stddef.h>

#include "catalog.h"
#include "diag.h"

struct xschema;

/* What a survey cell answers (derivation.md section 5). */
enum cell_kind { CELL_PROVIDE, CELL_RECOMMEND, CELL_DELEGATE, CELL_EXECUTE,
		 CELL_DATA_CONTENT, CELL_EXTERNAL, N_CELL_KINDS };
enum { CELL_INDEX_MAX = 16 };

struct form_cell_def {			/* one answerable cell */
	const char *id;			/* "provide.lan" */
	enum cell_kind kind;
	int index;			/* component, role or external; 0 */
	int line;			/* the form line it sits on */
};

enum form_cell_type { FCELL_ANSWER, FCELL_FIXED, FCELL_MIRROR };

struct form_cell {			/* one drawn cell of a line */
	int column;			/* 0 A, 1 B, 2 C */
	enum form_cell_type type;
	int cell;			/* answer/mirror: cell index; fixed: -1 */
	const char *fixed_id;		/* "fixed.contract" */
	int needs;			/* cell index that must be ○, or -1 */
};

struct form_line {
	int group, block;
	const char *item;		/* 調査項目 */
	int component, role, external;	/* what the line is about, or -1 */
	struct form_cell cells[3];
	int ncells;
};

struct form_block {
	const char *id, *label, *instruction, *effect;
	int group;
	size_t first, nlines;		/* its lines */
	int line;			/* seed line */
};

struct form_group {
	const char *id, *label;
};

struct form {
	struct arena *arena;
	const char *title, *heading;
	const char *columns[3];
	struct form_group *groups;
	size_t ngroups;
	struct form_block *blocks;
	size_t nblocks;
	struct form_line *lines;
	size_t nlines;
	struct form_cell_def *cells;
	size_t ncells;
	int cell_of[N_CELL_KINDS][CELL_INDEX_MAX];	/* -1 if none */
	int *by_id;			/* cell indexes sorted by id */
	struct form_schemas {		/* compiled on first use */
		char *path[2];
		struct xschema *schema[2];
	} *xsd;
};

/* forms/survey.xsd and forms/assessment.xsd (exports), compiled on
 * first use; NULL with d set. */
struct xschema *form_survey_xsd(const struct form *f, struct diag *d);
struct xschema *form_assessment_xsd(const struct form *f, struct diag *d);

/* Load forms/fig16.xml (with form.xsd, survey.xsd) from DIR, checking
 * every id against the catalog.  NULL with d set on error. */
struct form *form_load(const char *dir, const struct catalog *cat, struct diag *d);
void form_free(struct form *f);

int form_cell_index(const struct form *f, const char *id);
/* What line L is about, as the catalog names it: a component, an
 * execution role or an external-data situation; NULL for none. */
const char *form_line_subject(const struct catalog *c, const struct form_line *l);
/* Is ID one of the printed ○ cells ("fixed.contract" ...)? */
int form_is_fixed(const struct form *f, const char *id);

#endif
