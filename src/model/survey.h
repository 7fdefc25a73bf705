/* survey.h - the answers to the Fig. 16 survey (○, ×, or not answered
 * yet) and who the survey belongs to.  derivation.md section 2. */
#ifndef IOTSCOPE_SURVEY_H
#define IOTSCOPE_SURVEY_H

#include <stdio.h>

#include "diag.h"
#include "form.h"

enum answer { ANSWER_OPEN = 0, ANSWER_YES = 1, ANSWER_NO = 2 };

/* The details, in survey_details.def's order. */
enum detail {
#define DETAIL(sym, id, label, help, choices, valid, want, flags) DETAIL_##sym,
#include "survey_details.def"
#undef DETAIL
	N_DETAILS
};

enum detail_flag {
	DETAIL_REQUIRED = 1 << 0,	/* never empty */
	DETAIL_ONE_LINE = 1 << 1,	/* one line: lists and commands show it */
	DETAIL_LINES = 1 << 2,		/* free text of several lines */
};

/* One row of survey_details.def. */
struct detail_info {
	const char *id;			/* "operator": element and `set` name */
	const char *label;		/* N_(): translate with _() */
	const char *help;		/* N_() */
	const char *const *choices;	/* NULL-terminated, or NULL: free text */
	int (*valid)(const char *value);	/* NULL: any text */
	const char *want;		/* what a bad value is not */
	unsigned flags;			/* enum detail_flag */
};

struct survey {
	const struct form *form;
	enum answer *answers;		/* one per form cell */
	char *details[N_DETAILS];	/* NULL when not given */
};

/* The row of detail K; NULL when K is not a detail. */
const struct detail_info *survey_detail_info(enum detail k);
/* The stable id of each detail, as files and `set` name it. */
const char *survey_detail_id(enum detail k);
int survey_detail_index(const char *id);
/* Check a detail value against its row (choices, validator, required);
 * -1 with d set if bad. */
int survey_detail_check(enum detail k, const char *value, struct diag *d);
/* The validators survey_details.def names: 1 when VALUE is good. */
int survey_valid_date(const char *value);

struct survey *survey_new(const struct form *f);
void survey_free(struct survey *s);

int survey_set_detail(struct survey *s, enum detail k, const char *value, struct diag *d);
/* Set cell ID ("provide.lan") to A; -1 with d set for an unknown or fixed cell. */
int survey_set(struct survey *s, const char *id, enum answer a, struct diag *d);
/* The answer of the cell of KIND and INDEX; ANSWER_OPEN if it has none. */
enum answer survey_get(const struct survey *s, enum cell_kind kind, int index);
size_t survey_answered(const struct survey *s);
/* "o", "x" or "-" and back; -1 when not an answer. */
const char *answer_code(enum answer a);
int answer_parse(const char *s, enum answer *a);
/* Annex 3 pattern 1-6 from the details, 0 while either input is missing. */
int survey_pattern(const struct survey *s);

/* Read a survey file (forms/survey.xsd); NULL with "file:line: why". */
struct survey *survey_load(const struct form *f, const char *path, struct diag *d);
struct survey *survey_parse(const struct form *f, const char *buf, size_t len,
			    const char *name, struct diag *d);
/* Write S as a survey file; -1 with d set on a write error. */
int survey_write(const struct survey *s, FILE *out, struct diag *d);

#endif
