/* survey.c - the survey model and its file */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "survey.h"
#include "text.h"
#include "xmlsafe.h"

#define CHOICES(...) ((const char *const[]){ __VA_ARGS__, NULL })
#define NO_CHOICES NULL
static const struct detail_info detail_rows[N_DETAILS] = {
#define DETAIL(sym, id_, label_, help_, choices_, valid_, want_, flags_)	\
	[DETAIL_##sym] = { .id = id_, .label = label_, .help = help_,		\
			   .choices = choices_, .valid = valid_, .want = want_,	\
			   .flags = flags_ },
#include "survey_details.def"
#undef DETAIL
};

const struct detail_info *survey_detail_info(enum detail k)
{
	return (unsigned)k < N_DETAILS ? &detail_rows[k] : NULL;
}

const char *survey_detail_id(enum detail k)
{
	return (unsigned)k < N_DETAILS ? detail_rows[k].id : "?";
}

int survey_detail_index(const char *id)
{
	for (int i = 0; i < N_DETAILS; i++)
		if (strcmp(detail_rows[i].id, id) == 0)
			return i;
	return -1;
}

static int one_of(const char *v, const char *const *set)
{
	for (; *set != NULL; set++)
		if (strcmp(v, *set) == 0)
			return 1;
	return 0;
}

int survey_valid_date(const char *v)
{
	int y, m, dd;
	char tail;
	if (strlen(v) != 10 || sscanf(v, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) != 3)
		return 0;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return y >= 1900 && m >= 1 && m <= 12 && dd >= 1 && dd <= mdays[m - 1];
}

int survey_detail_check(enum detail k, const char *v, struct diag *d)
{
	const struct detail_info *di = survey_detail_info(k);
	if (di == NULL) {
		diag_set(d, "unknown detail");
		return -1;
	}
	if (text_check(v, di->id, (di->flags & DETAIL_ONE_LINE) != 0, d) < 0)
		return -1;
	int ok = (!(di->flags & DETAIL_REQUIRED) || v[0] != '\0') &&
		(di->choices == NULL || one_of(v, di->choices)) &&
		(di->valid == NULL || di->valid(v));
	if (!ok)
		diag_set(d, "%s: '%s' is not %s", di->id, v, di->want ? di->want : "valid");
	return ok ? 0 : -1;
}

struct survey *survey_new(const struct form *f)
{
	struct survey *s = calloc(1, sizeof *s);
	if (s == NULL)
		return NULL;
	s->form = f;
	s->answers = calloc(f->ncells ? f->ncells : 1, sizeof *s->answers);
	if (s->answers == NULL) {
		free(s);
		return NULL;
	}
	return s;
}

void survey_free(struct survey *s)
{
	if (s == NULL)
		return;
	for (int i = 0; i < N_DETAILS; i++)
		free(s->details[i]);
	free(s->answers);
	free(s);
}

int survey_set_detail(struct survey *s, enum detail k, const char *value, struct diag *d)
{
	if ((unsigned)k >= N_DETAILS) {
		diag_set(d, "unknown detail");
		return -1;
	}
	char *copy = NULL;
	if (value != NULL && value[0] != '\0') {
		if (survey_detail_check(k, value, d) < 0)
			return -1;
		if ((copy = strdup(value)) == NULL) {
			diag_set(d, "out of memory");
			return -1;
		}
	} else if (detail_rows[k].flags & DETAIL_REQUIRED) {
		return survey_detail_check(k, "", d);
	}
	free(s->details[k]);
	s->details[k] = copy;
	return 0;
}

int survey_set(struct survey *s, const char *id, enum answer a, struct diag *d)
{
	int i = form_cell_index(s->form, id);
	if (i < 0) {
		if (form_is_fixed(s->form, id))
			diag_set(d, "%s: this cell is ○ for every operator and cannot be set", id);
		else
			diag_set(d, "%s: no such survey cell", id);
		return -1;
	}
	s->answers[i] = a;
	return 0;
}

enum answer survey_get(const struct survey *s, enum cell_kind kind, int index)
{
	if ((unsigned)kind >= N_CELL_KINDS || index < 0 || index >= CELL_INDEX_MAX)
		return ANSWER_OPEN;
	int i = s->form->cell_of[kind][index];
	return i < 0 ? ANSWER_OPEN : s->answers[i];
}

size_t survey_answered(const struct survey *s)
{
	size_t n = 0;
	for (size_t i = 0; i < s->form->ncells; i++)
		n += s->answers[i] != ANSWER_OPEN;
	return n;
}

const char *answer_code(enum answer a)
{
	return a == ANSWER_YES ? "o" : a == ANSWER_NO ? "x" : "-";
}

int answer_parse(const char *s, enum answer *a)
{
	if (strcmp(s, "o") == 0 || strcmp(s, "○") == 0 || strcmp(s, "yes") == 0)
		*a = ANSWER_YES;
	else if (strcmp(s, "x") == 0 || strcmp(s, "×") == 0 || strcmp(s, "no") == 0)
		*a = ANSWER_NO;
	else if (strcmp(s, "-") == 0 || strcmp(s, "open") == 0)
		*a = ANSWER_OPEN;
	else
		return -1;
	return 0;
}

int survey_pattern(const struct survey *s)
{
	const char *c = s->details[DETAIL_CONFIDENTIALITY];
	const char *a = s->details[DETAIL_AVAILABILITY];
	if (c == NULL || a == NULL)
		return 0;
	int ci = strcmp(c, "high") == 0 ? 0 : 1;
	int ai = strcmp(a, "high") == 0 ? 0 : strcmp(a, "mid") == 0 ? 1 : 2;
	return catalog_pattern_of(ci, ai);
}

/* ---------- the survey file ---------- */

static int read_details(struct survey *s, const xmlNode *details, const char *name,
			struct diag *d)
{
	for (const xmlNode *e = xml_first(details, NULL); e; e = xml_next(e, NULL)) {
		int k = survey_detail_index((const char *)e->name);
		if (k < 0)
			continue;	/* the schema allows only known ones */
		char *v = xml_text(e);
		int rc = v ? survey_set_detail(s, (enum detail)k, v, d) : -1;
		free(v);
		if (rc < 0) {
			diag_prefix(d, "%s:%ld", name, xmlGetLineNo(e));
			return -1;
		}
	}
	return 0;
}

static int read_answers(struct survey *s, const xmlNode *answers, const char *name,
			struct diag *d)
{
	for (const xmlNode *e = xml_first(answers, "answer"); e; e = xml_next(e, "answer")) {
		char *cell = xml_attr(e, "cell");
		char *v = xml_text(e);
		enum answer a = ANSWER_OPEN;
		int idx = cell ? form_cell_index(s->form, cell) : -1;
		int rc = -1;
		if (cell == NULL || v == NULL || answer_parse(v, &a) < 0)
			diag_set(d, "bad answer");
		else if (idx >= 0 && s->answers[idx] != ANSWER_OPEN)
			diag_set(d, "cell '%s' answered twice", cell);
		else
			rc = survey_set(s, cell, a, d);
		xmlFree(cell);
		free(v);
		if (rc < 0) {
			diag_prefix(d, "%s:%ld", name, xmlGetLineNo(e));
			return -1;
		}
	}
	return 0;
}

/* Before the schema, whose pattern message would name neither the cell
 * nor the reason: an answer to a cell the form fixes (○ for every
 * operator) or to no cell of the form. */
static int check_answer_cells(const struct form *f, const xmlNode *root, const char *name,
			      struct diag *d)
{
	const xmlNode *answers = root ? xml_first(root, "answers") : NULL;
	for (const xmlNode *e = answers ? xml_first(answers, "answer") : NULL; e;
	     e = xml_next(e, "answer")) {
		char *cell = xml_attr(e, "cell");
		if (cell != NULL && form_is_fixed(f, cell))
			diag_set(d, "%s:%ld: cell '%s' is fixed by the form (○ for every operator) "
				 "and cannot be answered: remove this answer", name,
				 xmlGetLineNo(e), cell);
		else if (cell != NULL && form_cell_index(f, cell) < 0)
			diag_set(d, "%s:%ld: '%s' is not a cell of the Fig. 16 form", name,
				 xmlGetLineNo(e), cell);
		xmlFree(cell);
		if (d->msg != NULL)
			return -1;
	}
	return 0;
}

struct survey *survey_parse(const struct form *f, const char *buf, size_t len,
			    const char *name, struct diag *d)
{
	xmlDocPtr doc = xmlsafe_read_memory(buf, len, name, &xmlsafe_survey_limits, d);
	if (doc == NULL)
		return NULL;
	struct survey *s = NULL;
	struct xschema *xsd = form_survey_xsd(f, d);
	if (check_answer_cells(f, xmlDocGetRootElement(doc), name, d) < 0 || xsd == NULL ||
	    xmlsafe_validate(xsd, doc, name, d) < 0)
		goto done;
	const xmlNode *root = xmlDocGetRootElement(doc);
	char *version = xml_attr(root, "version");
	int supported = version != NULL && strcmp(version, "1") == 0;
	xmlFree(version);
	if (!supported) {
		diag_set(d, "%s:%ld: survey format version not supported (this iotscope reads version 1)",
			 name, xmlGetLineNo(root));
		goto done;
	}
	if ((s = survey_new(f)) == NULL) {
		diag_set(d, "out of memory");
		goto done;
	}
	if (read_details(s, xml_first(root, "details"), name, d) < 0 ||
	    read_answers(s, xml_first(root, "answers"), name, d) < 0) {
		survey_free(s);
		s = NULL;
	}
done:
	xmlFreeDoc(doc);
	return s;
}

struct survey *survey_load(const struct form *f, const char *path, struct diag *d)
{
	size_t len = 0;
	char *buf = xmlsafe_slurp(path, xmlsafe_survey_limits.bytes, &len, d);
	if (buf == NULL)
		return NULL;
	struct survey *s = survey_parse(f, buf, len, path, d);
	free(buf);
	return s;
}

int survey_write(const struct survey *s, FILE *out, struct diag *d)
{
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	      "<survey xmlns=\"urn:iotscope:survey:1\" version=\"1\">\n  <details>\n", out);
	for (int k = 0; k < N_DETAILS; k++) {
		if (s->details[k] == NULL)
			continue;
		xmlChar *esc = xmlEncodeSpecialChars(NULL, (const xmlChar *)s->details[k]);
		if (esc == NULL) {
			diag_set(d, "out of memory");
			return -1;
		}
		fprintf(out, "    <%s>%s</%s>\n", detail_rows[k].id, (const char *)esc, detail_rows[k].id);
		xmlFree(esc);
	}
	fputs("  </details>\n  <answers>\n", out);
	for (size_t i = 0; i < s->form->ncells; i++)
		if (s->answers[i] != ANSWER_OPEN)
			fprintf(out, "    <answer cell=\"%s\">%s</answer>\n",
				s->form->cells[i].id, answer_code(s->answers[i]));
	fputs("  </answers>\n</survey>\n", out);
	if (fflush(out) != 0 || ferror(out)) {
		diag_set(d, "write error");
		return -1;
	}
	return 0;
}
