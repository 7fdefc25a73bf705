/* survey.h - the answers to the Fig. 16 survey (○, ×, or not answered
 * yet) and who the survey belongs to.  derivation.md section 2. */
#ifndef IOTSCOPE_SURVEY_H
#define IOTSCOPE_SURVEY_H

#include <stdio.h>

#include "diag.h"
#include "form.h"

enum answer { ANSWER_OPEN = 0, ANSWER_YES = 1, ANSWER_NO = 2 };

enum detail { DETAIL_NAME, DETAIL_OPERATOR, DETAIL_SERVICE, DETAIL_DESCRIPTION,
	      DETAIL_ASSESSOR, DETAIL_DATE, DETAIL_INDUSTRY, DETAIL_STRUCTURE,
	      DETAIL_NOTES, DETAIL_CONFIDENTIALITY, DETAIL_AVAILABILITY, N_DETAILS };

struct survey {
	const struct form *form;
	enum answer *answers;		/* one per form cell */
	char *details[N_DETAILS];	/* NULL when not given */
};

/* The stable id of each detail, as files and `set` name it. */
const char *survey_detail_id(enum detail k);
int survey_detail_index(const char *id);
/* Check a detail value: structure 1-3, confidentiality high/low,
 * availability high/mid/low, date YYYY-MM-DD; -1 with d set if bad. */
int survey_detail_check(enum detail k, const char *value, struct diag *d);

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
