/* import.c - a whole-assessment export read back into a struct assessment.
 * The file is untrusted (reliability.md): read through xmlsafe (size cap,
 * no DTD, no entities, no network), validated against our own
 * forms/assessment.xsd, and every id checked against the catalog and the
 * Fig. 16 form, each allowed once.  Any error refuses the whole file. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "export.h"
#include "paths.h"
#include "xmlsafe.h"

#define NS "urn:iotscope:assessment:1"
/* Version 2 names a checklist by its catalog id; version 1 (before issue
 * 9) numbered the annexes: <checklist annex="1"> is the catalog's
 * "annex1".  Both are read.  Version 3 added owner, due date and
 * evidence; version 4 each item's <guidance> and <iso27002> references.
 * Those are catalog data, like an item's <text>: they are not read back
 * (this catalog's own guidance is what the imported assessment shows),
 * so a file whose guidance differs from the catalog imports the same. */
#define FORMAT_VERSION 4

struct importer {
	const struct catalog *c;
	const struct form *f;
	const char *name;
	struct diag *d;
	struct assessment *a;
	long *cell_line;		/* per form cell: where it was answered */
	long *cm_line;			/* per catalog countermeasure */
	long **check_line;		/* per catalog checklist, per entry */
	int version;			/* the file's format version */
};

static int fail(struct importer *im, const xmlNode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int fail(struct importer *im, const xmlNode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vat(im->d, im->name, n ? xmlGetLineNo(n) : 0L, fmt, ap);
	va_end(ap);
	return -1;
}

/* The text of N exactly as written (notes keep their lines); malloc'd. */
static char *exact_text(const xmlNode *n)
{
	xmlChar *t = xmlNodeGetContent(n);
	char *s = t ? strdup((const char *)t) : NULL;
	xmlFree(t);
	return s;
}

/* Attribute NAME of N as a malloc'd string (free()), or NULL. */
static char *attr(const xmlNode *n, const char *name)
{
	char *v = xml_attr(n, name);
	char *s = v ? strdup(v) : NULL;
	xmlFree(v);
	return s;
}

/* Replace *field with attribute NAME of N (NULL when absent). */
static int take_attr(struct importer *im, const xmlNode *n, const char *name, char **field)
{
	char *v = xml_attr(n, name);
	char *s = v ? strdup(v) : NULL;
	xmlFree(v);
	if (v != NULL && s == NULL)
		return fail(im, n, "out of memory");
	free(*field);
	*field = s;
	return 0;
}

static int has_changed(const xmlNode *n)
{
	return xmlHasProp(n, (const xmlChar *)"changed-by") != NULL ||
	       xmlHasProp(n, (const xmlChar *)"changed-at") != NULL;
}

static int set_changed(struct importer *im, const xmlNode *n, char **by, char **at)
{
	return take_attr(im, n, "changed-by", by) | take_attr(im, n, "changed-at", at);
}

/* ---------- what the file is ---------- */

static int check_root(struct importer *im, const xmlNode *root)
{
	const char *ns = root->ns && root->ns->href ? (const char *)root->ns->href : "";
	if (strcmp(ns, NS) != 0)
		return fail(im, root, "not an iotscope export: namespace '%s', expected '%s'",
			    ns, NS);
	if (!xml_is(root, "assessment"))
		return fail(im, root, "a <%s> export holds part of an assessment; only a "
			    "whole-assessment export (<assessment>) can be imported",
			    (const char *)root->name);
	char *v = xml_attr(root, "version");
	im->version = v == NULL ? 0 : strcmp(v, "1") == 0 ? 1 : strcmp(v, "2") == 0 ? 2
		: strcmp(v, "3") == 0 ? 3 : strcmp(v, "4") == 0 ? 4 : 0;
	int rc = im->version != 0 ? 0 :
		fail(im, root, "format version '%s': this iotscope reads versions 1 to %d",
		     v ? v : "", FORMAT_VERSION);
	xmlFree(v);
	return rc;
}

static int validate(struct importer *im, xmlDocPtr doc)
{
	struct xschema *xsd = form_assessment_xsd(im->f, im->d);
	return xsd != NULL ? xmlsafe_validate(xsd, doc, im->name, im->d) : -1;
}

/* ---------- header and details ---------- */

static int read_catalog(struct importer *im, const xmlNode *cat)
{
	char *ed = attr(cat, "edition"), *rev = attr(cat, "revision");
	int rc = 0;
	if (ed == NULL || rev == NULL)
		rc = fail(im, cat, "out of memory");
	else if (strcmp(ed, im->c->edition) != 0)
		rc = fail(im, cat, "made with guideline edition %s; this catalog is edition %s",
			  ed, im->c->edition);
	if (rc == 0) {
		free(im->a->catalog_edition);
		im->a->catalog_edition = ed;
		im->a->catalog_revision = atoi(rev);
		ed = NULL;
	}
	free(ed);
	free(rev);
	return rc;
}

static int read_details(struct importer *im, const xmlNode *details)
{
	struct assessment *a = im->a;
	if (take_attr(im, details, "created", &a->created) < 0 ||
	    take_attr(im, details, "changed", &a->changed) < 0)
		return -1;
	for (const xmlNode *e = xml_first(details, NULL); e; e = xml_next(e, NULL)) {
		int k = survey_detail_index((const char *)e->name);
		char *v = exact_text(e);
		if (k < 0 || v == NULL) {
			free(v);
			return fail(im, e, k < 0 ? "unknown detail" : "out of memory");
		}
		int rc = survey_set_detail(a->survey, (enum detail)k, v, im->d);
		free(v);
		if (rc < 0) {
			diag_prefix(im->d, "%s:%ld", im->name, xmlGetLineNo(e));
			return -1;
		}
	}
	return 0;
}

/* ---------- the survey ---------- */

static int parse_answer(const char *v, enum answer *a)
{
	if (v != NULL && strcmp(v, "open") == 0) {
		*a = ANSWER_OPEN;
		return 0;
	}
	return v != NULL && strcmp(v, "-") != 0 ? answer_parse(v, a) : -1;
}

static int read_answer_cell(struct importer *im, const xmlNode *e, const char *id,
			    enum answer val)
{
	int i = form_cell_index(im->f, id);
	if (i < 0)
		return fail(im, e, "unknown survey cell '%s'", id);
	if (im->cell_line[i] != 0)
		return fail(im, e, "survey cell '%s' given twice (first on line %ld)", id,
			    im->cell_line[i]);
	im->cell_line[i] = xmlGetLineNo(e);
	im->a->survey->answers[i] = val;
	return 0;
}

/* A fixed cell must be one of the form's, ○; a mirror must show what the
 * cell it mirrors is answered. */
static int check_shown_cell(struct importer *im, const xmlNode *e, const char *type,
			    const char *id, enum answer val)
{
	if (strcmp(type, "fixed") == 0) {
		if (!form_is_fixed(im->f, id))
			return fail(im, e, "unknown fixed cell '%s'", id);
		if (val != ANSWER_YES)
			return fail(im, e, "'%s' is \xe2\x97\x8b for every operator", id);
		return 0;
	}
	int i = form_cell_index(im->f, id);
	if (i < 0)
		return fail(im, e, "mirror of an unknown survey cell '%s'", id);
	if (im->a->survey->answers[i] != val)
		return fail(im, e, "this cell shows '%s' as '%s', but it is answered '%s'", id,
			    answer_code(val), answer_code(im->a->survey->answers[i]));
	return 0;
}

/* Pass 1 (ANSWERS set): the answer cells.  Pass 2: fixed cells and
 * mirrors, checked against the form and the answers read. */
static int read_cell(struct importer *im, const xmlNode *e, int answers)
{
	char *type = xml_attr(e, "type"), *id = xml_attr(e, "id"), *v = xml_attr(e, "answer");
	enum answer val = ANSWER_OPEN;
	int rc = 0;
	if (type == NULL || id == NULL || parse_answer(v, &val) < 0)
		rc = fail(im, e, "a cell needs a type, an id and an answer o, x or open");
	else if (strcmp(type, "answer") == 0)
		rc = answers ? read_answer_cell(im, e, id, val) : 0;
	else
		rc = answers ? 0 : check_shown_cell(im, e, type, id, val);
	xmlFree(type);
	xmlFree(id);
	xmlFree(v);
	return rc;
}

static int read_survey_pass(struct importer *im, const xmlNode *survey, int answers)
{
	for (const xmlNode *g = xml_first(survey, "group"); g; g = xml_next(g, "group"))
		for (const xmlNode *b = xml_first(g, "block"); b; b = xml_next(b, "block"))
			for (const xmlNode *l = xml_first(b, "line"); l; l = xml_next(l, "line"))
				for (const xmlNode *c = xml_first(l, "cell"); c;
				     c = xml_next(c, "cell"))
					if (read_cell(im, c, answers) < 0)
						return -1;
	return 0;
}

/* ---------- owner, due date, evidence (version 3) ---------- */

static int has_tracking(const xmlNode *e)
{
	return xmlHasProp(e, (const xmlChar *)"owner") != NULL ||
	       xmlHasProp(e, (const xmlChar *)"due") != NULL || xml_first(e, "evidence") != NULL;
}

static int read_evidence(struct importer *im, const xmlNode *ev, struct tracking *t)
{
	struct evidence e = { NULL, NULL, NULL, -1, NULL, NULL };
	char *size = NULL;
	const xmlNode *nn = xml_first(ev, "note");
	int rc = take_attr(im, ev, "ref", &e.ref) | take_attr(im, ev, "sha256", &e.sha256) |
		take_attr(im, ev, "size", &size) | take_attr(im, ev, "added-by", &e.added_by) |
		take_attr(im, ev, "added-at", &e.added_at);
	if (rc == 0 && nn != NULL && (e.note = exact_text(nn)) == NULL)
		rc = fail(im, ev, "out of memory");
	if (rc == 0 && size != NULL)
		e.size = strtoll(size, NULL, 10);	/* the schema says digits */
	if (rc == 0 && (e.sha256 == NULL) != (size == NULL))
		rc = fail(im, ev, "evidence '%s': a file's sha256 and size go together",
			  e.ref ? e.ref : "");
	if (rc == 0 && tracking_add_evidence(t, &e, im->d) < 0)
		rc = -1;
	free(size);
	evidence_free(&e);
	return rc;
}

/* Owner, due date and evidence of E into T (NULL: out of memory). */
static int read_tracking(struct importer *im, const xmlNode *e, struct tracking *t)
{
	if (t == NULL)
		return fail(im, e, "out of memory");
	char *owner = NULL, *due = NULL;
	int rc = take_attr(im, e, "owner", &owner) | take_attr(im, e, "due", &due);
	struct diag scratch = DIAG_INIT;
	if (rc == 0 && due != NULL && due_date_check("due", due, &scratch) < 0)
		rc = fail(im, e, "due date '%s' is not a day of the calendar (YYYY-MM-DD)", due);
	diag_clear(&scratch);
	if (rc == 0 && tracking_set(t, owner, due, im->d) < 0)
		rc = -1;
	for (const xmlNode *ev = xml_first(e, "evidence"); ev && rc == 0;
	     ev = xml_next(ev, "evidence"))
		rc = read_evidence(im, ev, t);
	free(owner);
	free(due);
	return rc;
}

/* ---------- countermeasure reviews ---------- */

static int action_has_content(const xmlNode *e, enum action_state st)
{
	return st != ACTION_NONE || xml_first(e, "note") != NULL || has_changed(e);
}

static int read_action(struct importer *im, const struct cat_cm *cm, const xmlNode *e,
		       long *seen, char **keys, int nkeys)
{
	char *key = xml_attr(e, "key"), *state = xml_attr(e, "state");
	int k = 0;
	while (key != NULL && k < nkeys && strcmp(keys[k], key) != 0)
		k++;
	int st = state ? action_state_parse(state) : -1;
	int rc = 0;
	if (key == NULL || k == nkeys)
		rc = fail(im, e, "countermeasure %s has no action '%s'", cm->id, key ? key : "");
	else if (seen[k] != 0)
		rc = fail(im, e, "action '%s' of %s given twice (first on line %ld)", key,
			  cm->id, seen[k]);
	else if (st < 0)
		rc = fail(im, e, "unknown action state '%s'", state ? state : "");
	seen[k] = rc == 0 ? xmlGetLineNo(e) : seen[k];
	if (rc == 0 && action_has_content(e, (enum action_state)st)) {
		const xmlNode *nn = xml_first(e, "note");
		char *note = nn ? exact_text(nn) : NULL;
		struct action_review *ar = NULL;
		if (assessment_set_action(im->a, cm->id, key, (enum action_state)st, note,
					  im->d) < 0 ||
		    (ar = assessment_action(im->a, cm->id, key)) == NULL)
			rc = im->d->msg ? -1 : fail(im, e, "out of memory");
		if (rc == 0)
			rc = set_changed(im, e, &ar->changed_by, &ar->changed_at);
		free(note);
	}
	if (rc == 0 && has_tracking(e))
		rc = read_tracking(im, e, assessment_action_track(im->a, cm->id, key));
	xmlFree(key);
	xmlFree(state);
	return rc;
}

static int read_actions(struct importer *im, const struct cat_cm *cm, const xmlNode *e)
{
	char **keys = NULL;
	int n = action_keys(cm, &keys);
	long *seen = n >= 0 ? calloc((size_t)n + 1, sizeof *seen) : NULL;
	int rc = seen ? 0 : fail(im, e, "out of memory");
	for (const xmlNode *ac = xml_first(e, "action"); ac && rc == 0; ac = xml_next(ac, "action"))
		rc = read_action(im, cm, ac, seen, keys, n);
	free(seen);
	if (n >= 0)
		action_keys_free(keys, n);
	return rc;
}

static int review_has_content(const xmlNode *e, int dec)
{
	if (dec != DECISION_NONE || xml_first(e, "note") != NULL || has_changed(e))
		return 1;
	return 0;
}

static int read_review(struct importer *im, const struct cat_cm *cm, const xmlNode *e,
		       int dec)
{
	if (!review_has_content(e, dec))
		return 0;
	const xmlNode *nn = xml_first(e, "note");
	char *note = nn ? exact_text(nn) : NULL;
	int rc = 0;
	struct cm_review *r = NULL;
	if (nn != NULL && note == NULL)
		rc = fail(im, e, "out of memory");
	else if (assessment_set_decision(im->a, cm->id, (enum decision)dec, note, im->d) < 0 ||
		 (r = assessment_review(im->a, cm->id)) == NULL)
		rc = im->d->msg ? -1 : fail(im, e, "out of memory");
	if (rc == 0)
		rc = set_changed(im, e, &r->changed_by, &r->changed_at);
	free(note);
	return rc;
}

static int read_countermeasure(struct importer *im, const xmlNode *e)
{
	char *id = xml_attr(e, "id"), *dv = xml_attr(e, "decision");
	int i = id ? catalog_cm_index(im->c, id) : -1;
	int dec = dv ? decision_parse(dv) : -1;
	int rc = 0;
	if (i < 0)
		rc = fail(im, e, "unknown countermeasure '%s'", id ? id : "");
	else if (im->cm_line[i] != 0)
		rc = fail(im, e, "countermeasure '%s' given twice (first on line %ld)", id,
			  im->cm_line[i]);
	else if (dec < 0)
		rc = fail(im, e, "unknown decision '%s'", dv ? dv : "");
	if (rc == 0) {
		im->cm_line[i] = xmlGetLineNo(e);
		rc = read_review(im, &im->c->cms[i], e, dec);
	}
	if (rc == 0 && has_tracking(e))
		rc = read_tracking(im, e, assessment_review_track(im->a, id));
	if (rc == 0)
		rc = read_actions(im, &im->c->cms[i], e);
	xmlFree(id);
	xmlFree(dv);
	return rc;
}

/* ---------- checklists ---------- */

static int entry_index(const struct cat_annex *an, const char *id)
{
	for (size_t i = 0; i < an->nentries; i++)
		if (strcmp(an->entries[i].id, id) == 0)
			return (int)i;
	return -1;
}

static int read_check(struct importer *im, int k, const xmlNode *e)
{
	const struct cat_annex *cl = &im->c->checklists[k];
	char *id = xml_attr(e, "id"), *sv = xml_attr(e, "status");
	int i = id ? entry_index(cl, id) : -1;
	int st = sv ? check_status_parse(sv) : CHECK_NONE;
	int rc = 0;
	if (i < 0)
		rc = fail(im, e, "unknown %s entry '%s'", cl->name, id ? id : "");
	else if (im->check_line[k][i] != 0)
		rc = fail(im, e, "%s entry '%s' given twice (first on line %ld)", cl->name, id,
			  im->check_line[k][i]);
	else if (st < 0)
		rc = fail(im, e, "unknown check status '%s'", sv);
	else if (!cl->entries[i].checkable &&
		 (sv != NULL || xml_first(e, "note") != NULL || has_changed(e) ||
		  has_tracking(e)))
		rc = fail(im, e, "%s entry '%s' has no status of its own", cl->name, id);
	if (rc == 0)
		im->check_line[k][i] = xmlGetLineNo(e);
	const xmlNode *nn = rc == 0 ? xml_first(e, "note") : NULL;
	if (rc == 0 && (st != CHECK_NONE || nn != NULL || has_changed(e))) {
		char *note = nn ? exact_text(nn) : NULL;
		struct check_entry *ck = NULL;
		if (nn != NULL && note == NULL)
			rc = fail(im, e, "out of memory");
		else if (assessment_set_check(im->a, cl->id, id, (enum check_status)st, note,
					      im->d) < 0 ||
			 (ck = assessment_check(im->a, cl->id, id)) == NULL)
			rc = im->d->msg ? -1 : fail(im, e, "out of memory");
		if (rc == 0)
			rc = set_changed(im, e, &ck->changed_by, &ck->changed_at);
		free(note);
	}
	if (rc == 0 && has_tracking(e))
		rc = read_tracking(im, e, assessment_check_track(im->a, cl->id, id));
	xmlFree(id);
	xmlFree(sv);
	return rc;
}

/* Which catalog checklist LIST is: by id (version 2), or the annex
 * number n of version 1, which was the catalog's "annexn". */
static int checklist_of(struct importer *im, const xmlNode *list)
{
	char *id = xml_attr(list, "id"), *an = xml_attr(list, "annex");
	int v1 = im->version == 1;
	char *name = NULL;
	int k = -1;
	if (v1 ? an == NULL || id != NULL : id == NULL || an != NULL)
		fail(im, list, "a version %d file names a checklist by %s", im->version,
		     v1 ? "annex=\"n\"" : "id=\"...\"");
	else if ((name = v1 ? str_printf("annex%s", an) : strdup(id)) == NULL)
		fail(im, list, "out of memory");
	else if ((k = catalog_checklist_index(im->c, name)) < 0)
		fail(im, list, "no checklist '%s' in this catalog", name);
	free(name);
	xmlFree(id);
	xmlFree(an);
	return k;
}

static int read_checklist(struct importer *im, const xmlNode *list, int *seen)
{
	int k = checklist_of(im, list);
	if (k < 0)
		return -1;
	if (seen[k]++)
		return fail(im, list, "the %s checklist is given twice", im->c->checklists[k].name);
	for (const xmlNode *e = xml_first(list, NULL); e; e = xml_next(e, NULL)) {
		if (xml_is(e, "title"))
			continue;
		if (read_check(im, k, e) < 0)
			return -1;
	}
	return 0;
}

/* ---------- the whole file ---------- */

static int read_assessment(struct importer *im, const xmlNode *root)
{
	if (read_catalog(im, xml_first(root, "catalog")) < 0 ||
	    read_details(im, xml_first(root, "details")) < 0)
		return -1;
	const xmlNode *survey = xml_first(root, "survey");
	if (read_survey_pass(im, survey, 1) < 0 || read_survey_pass(im, survey, 0) < 0)
		return -1;
	const xmlNode *cms = xml_first(root, "countermeasures");
	for (const xmlNode *e = xml_first(cms, "countermeasure"); e;
	     e = xml_next(e, "countermeasure"))
		if (read_countermeasure(im, e) < 0)
			return -1;
	int *seen = calloc(im->c->n_checklists + 1, sizeof *seen);
	if (seen == NULL)
		return fail(im, root, "out of memory");
	int rc = 0;
	for (const xmlNode *e = xml_first(root, "checklist"); e && rc == 0;
	     e = xml_next(e, "checklist"))
		rc = read_checklist(im, e, seen);
	free(seen);
	return rc;
}

static int alloc_seen(struct importer *im)
{
	im->cell_line = calloc(im->f->ncells + 1, sizeof *im->cell_line);
	im->cm_line = calloc(im->c->ncms + 1, sizeof *im->cm_line);
	size_t n = im->c->n_checklists;
	im->check_line = calloc(n + 1, sizeof *im->check_line);
	for (size_t k = 0; im->check_line != NULL && k < n; k++)
		if ((im->check_line[k] = calloc(im->c->checklists[k].nentries + 1,
						sizeof(long))) == NULL)
			return fail(im, NULL, "out of memory");
	if (!im->cell_line || !im->cm_line || !im->check_line)
		return fail(im, NULL, "out of memory");
	return 0;
}

static void free_seen(struct importer *im)
{
	free(im->cell_line);
	free(im->cm_line);
	for (size_t k = 0; im->check_line != NULL && k < im->c->n_checklists; k++)
		free(im->check_line[k]);
	free(im->check_line);
}

struct assessment *import_memory(const struct catalog *c, const struct form *f,
				 const char *buf, size_t len, const char *name,
				 struct diag *d)
{
	struct importer im = { .c = c, .f = f, .name = name, .d = d };
	xmlDocPtr doc = xmlsafe_read_memory(buf, len, name, &xmlsafe_assessment_limits, d);
	if (doc == NULL)
		return NULL;
	const xmlNode *root = xmlDocGetRootElement(doc);
	int rc = root ? check_root(&im, root) : fail(&im, NULL, "no root element");
	if (rc == 0)
		rc = validate(&im, doc);
	if (rc == 0)
		rc = alloc_seen(&im);
	if (rc == 0 && (im.a = assessment_new(f)) == NULL)
		rc = fail(&im, NULL, "out of memory");
	if (rc == 0)
		rc = read_assessment(&im, root);
	free_seen(&im);
	xmlFreeDoc(doc);
	if (rc < 0) {
		assessment_free(im.a);
		return NULL;
	}
	return im.a;
}

struct assessment *import_file(const struct catalog *c, const struct form *f,
			       const char *path, struct diag *d)
{
	size_t len = 0;
	char *buf = xmlsafe_slurp(path, xmlsafe_assessment_limits.bytes, &len, d);
	if (buf == NULL)
		return NULL;
	struct assessment *a = import_memory(c, f, buf, len, path, d);
	free(buf);
	return a;
}
