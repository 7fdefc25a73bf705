/* export_html.c - the HTML writer of the export walk: a report a person
 * opens in a browser and prints.  Every piece of text, from the catalog or
 * from the assessment, is escaped; there is no script and nothing is
 * loaded from elsewhere. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>

#include "export_walk.h"
#include "i18n.h"
#include "xmlsafe.h"

#define ANSWER_YES_MARK "\xe2\x97\x8b"	/* ○ */
#define ANSWER_NO_MARK "\xc3\x97"	/* × */

static const char *const kind_titles[N_EXPORT_WHATS] = {
	N_("Assessment"), N_("Annex 1 checklist"), N_("Annex 2 checklist"),
	N_("Countermeasure review")
};

/* ---------- output ---------- */

static int text(struct ex_ctx *x, const char *s)
{
	if (s == NULL)
		return 0;
	if (export_text_ok(s, "text", x->d) < 0)
		return -1;
	export_escape(x->out, s, "&<>\"'");
	return 0;
}

/* Markup only: never called with data in FMT. */
static void raw(struct ex_ctx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void raw(struct ex_ctx *x, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vfprintf(x->out, fmt, ap);
	va_end(ap);
}

/* <tag>escaped text</tag> */
static int wrap(struct ex_ctx *x, const char *open, const char *s, const char *close)
{
	fputs(open, x->out);
	int rc = text(x, s);
	fputs(close, x->out);
	return rc;
}

static int printf_text(struct ex_ctx *x, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static int printf_text(struct ex_ctx *x, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = str_vprintf(fmt, ap);
	va_end(ap);
	if (s == NULL) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	int rc = text(x, s);
	free(s);
	return rc;
}

static const char *const style =
	"body{font-family:sans-serif;margin:2em;line-height:1.45;color:#000;background:#fff}\n"
	"h1{font-size:1.6em}h2{border-bottom:2px solid #333;margin-top:2em}\n"
	"table{border-collapse:collapse;margin:.5em 0 1.5em}\n"
	"th,td{border:1px solid #888;padding:.2em .45em;vertical-align:top;text-align:left}\n"
	"thead th,tr.group th{background:#e8e8e8}tr.section td{background:#f3f3f3;font-weight:bold}\n"
	"td.c{text-align:center;white-space:nowrap}td.open{background:#fff3c4}\n"
	"td.na{color:#777}td.fixed{font-weight:bold}th.chosen,td.chosen{background:#e6f0ff}\n"
	".cm{border-top:1px solid #aaa;margin-top:1em;page-break-inside:avoid;break-inside:avoid}\n"
	".cm h4{margin:.4em 0}.dropped{color:#444}.meta,.small{color:#333;font-size:.9em}\n"
	".note{white-space:pre-wrap}.caveat{font-style:italic}\n"
	"@media print{body{margin:0;font-size:10pt}h2{page-break-before:always}"
	"h2.first{page-break-before:auto}thead{display:table-header-group}}\n";

/* The writer's place in the walk (x->state). */
struct ex_html_state {
	int viewpoint;			/* last viewpoint heading, -1 none */
	int dropped;			/* the "no longer derived" heading is out */
	int six;			/* Annex 2: six reference columns */
};

/* ---------- head and details ---------- */

static int html_begin(struct ex_ctx *x)
{
	((struct ex_html_state *)x->state)->viewpoint = -1;
	const char *name = x->a->survey->details[DETAIL_NAME];
	const struct catalog *c = x->c;
	int rc = 0;
	raw(x, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	rc |= printf_text(x, "%s \xe2\x80\x94 %s", name ? name : "", _(kind_titles[x->o->what]));
	raw(x, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
	rc |= wrap(x, "<h1>", name, "</h1>\n");
	rc |= wrap(x, "<p><strong>", _(kind_titles[x->o->what]), "</strong>");
	if (x->o->blank)
		rc |= wrap(x, " (", _("blank form"), ")");
	raw(x, "</p>\n<p class=\"meta\">");
	rc |= printf_text(x, _("Exported %s by %s %s."), x->generated_at, PACKAGE_NAME,
			  PACKAGE_VERSION);
	raw(x, "<br>");
	rc |= printf_text(x, _("Catalog: %s, edition %s, data revision %d."), c->title,
			  c->edition, c->revision);
	raw(x, "</p>\n");
	return rc ? -1 : 0;
}

static int html_details(struct ex_ctx *x)
{
	const struct assessment *a = x->a;
	int rc = 0;
	raw(x, "<h2 class=\"first\" id=\"details\">");
	rc |= text(x, _("Details"));
	raw(x, "</h2>\n<table class=\"details\">\n");
	for (int k = 0; k < N_DETAILS; k++) {
		if (a->survey->details[k] == NULL)
			continue;
		rc |= wrap(x, "<tr><th>", export_detail_label((enum detail)k), "</th>");
		rc |= wrap(x, "<td class=\"note\">", a->survey->details[k], "</td></tr>\n");
	}
	if (x->pattern > 0) {
		rc |= wrap(x, "<tr><th>", _("Pattern (Annex 3)"), "</th>");
		raw(x, "<td>%d</td></tr>\n", x->pattern);
	}
	if (a->created != NULL) {
		rc |= wrap(x, "<tr><th>", _("Created"), "</th>");
		rc |= wrap(x, "<td>", a->created, "</td></tr>\n");
	}
	if (a->changed != NULL) {
		rc |= wrap(x, "<tr><th>", _("Last changed"), "</th>");
		rc |= wrap(x, "<td>", a->changed, "</td></tr>\n");
	}
	raw(x, "</table>\n");
	return rc ? -1 : 0;
}

/* ---------- the survey as Fig. 16 ---------- */

static int html_survey_begin(struct ex_ctx *x)
{
	const struct form *f = x->f;
	int rc = 0;
	rc |= wrap(x, "<h2 id=\"survey\">", f->title, "</h2>\n");
	rc |= wrap(x, "<p>", f->heading, "</p>\n<p>");
	rc |= printf_text(x, _("%zu of %zu cells answered."), x->sum.answered, x->sum.cells);
	raw(x, " ");
	rc |= text(x, _("A fixed cell is \xe2\x97\x8b for every operator; "
			"\"not answered\" is open still; a greyed cell does not matter "
			"while the cell it depends on is not \xe2\x97\x8b."));
	raw(x, "</p>\n<table class=\"survey\">\n<thead><tr><th></th><th></th>");
	for (int i = 0; i < 3; i++)
		rc |= wrap(x, "<th>", f->columns[i], "</th>");
	raw(x, "</tr></thead>\n<tbody>\n");
	return rc ? -1 : 0;
}

static int html_group(struct ex_ctx *x, const struct form_group *g, int open)
{
	if (!open)
		return 0;
	return wrap(x, "<tr class=\"group\"><th colspan=\"5\">", g->label, "</th></tr>\n");
}

static int html_cell(struct ex_ctx *x, const struct ex_cell *e)
{
	const char *cls = e->fc->type == FCELL_FIXED ? "c fixed" : !e->applies ? "c na" :
			  e->value == ANSWER_OPEN ? "c open" : "c";
	const char *v = e->value == ANSWER_YES ? ANSWER_YES_MARK :
			e->value == ANSWER_NO ? ANSWER_NO_MARK : _("not answered");
	raw(x, "<td class=\"%s\" title=\"", cls);
	int rc = text(x, e->id);
	raw(x, "\">");
	rc |= text(x, v);
	if (e->fc->type == FCELL_MIRROR)
		rc |= wrap(x, " <span class=\"small\">(", _("same as left"), ")</span>");
	raw(x, "</td>");
	return rc;
}

static int html_line(struct ex_ctx *x, const struct form_line *l, const struct ex_cell *cells,
		     int n)
{
	const struct form *f = x->f;
	const struct form_block *b = &f->blocks[l->block];
	int rc = 0;
	raw(x, "<tr>");
	if (l == &f->lines[b->first]) {
		raw(x, "<th rowspan=\"%zu\">", b->nlines);
		rc |= text(x, b->label);
		if (b->instruction != NULL)
			rc |= wrap(x, "<div class=\"small\">", b->instruction, "</div>");
		if (b->effect != NULL)
			rc |= wrap(x, "<div class=\"small\">", b->effect, "</div>");
		raw(x, "</th>");
	}
	const char *subject = l->component >= 0 ? x->c->components[l->component].label :
			      l->role >= 0 ? x->c->exec_roles[l->role].label :
			      l->external >= 0 ? x->c->externals[l->external].label : NULL;
	rc |= wrap(x, "<td>", l->item, "");
	if (subject != NULL)
		rc |= wrap(x, ": ", subject, "");
	raw(x, "</td>");
	for (int col = 0; col < 3; col++) {
		const struct ex_cell *e = NULL;
		for (int i = 0; i < n; i++)
			if (cells[i].fc->column == col)
				e = &cells[i];
		if (e == NULL)
			raw(x, "<td></td>");
		else
			rc |= html_cell(x, e);
	}
	raw(x, "</tr>\n");
	return rc ? -1 : 0;
}

static int html_survey_end(struct ex_ctx *x)
{
	raw(x, "</tbody>\n</table>\n");
	return 0;
}

/* ---------- countermeasures ---------- */

static int html_cms_begin(struct ex_ctx *x)
{
	const struct ex_summary *s = &x->sum;
	int rc = 0;
	raw(x, "<h2 id=\"countermeasures\">");
	rc |= text(x, _("Candidate countermeasures"));
	raw(x, "</h2>\n<p>");
	rc |= printf_text(x, _("%zu derived (A %zu, B %zu, C %zu), %zu of them with a "
			       "decision; %zu reviewed earlier and no longer derived."),
			  s->derived, s->per_vp[0], s->per_vp[1], s->per_vp[2], s->reviewed,
			  s->dropped);
	raw(x, "</p>\n<p class=\"caveat\">");
	rc |= text(x, _("As IV.4.1.2 says, these are candidates to consider against "
			"the service as it is, not a list that must all be done."));
	raw(x, "</p>\n");
	return rc ? -1 : 0;
}

static int html_cm_heading(struct ex_ctx *x, const struct ex_cm *e)
{
	struct ex_html_state *h = x->state;
	int rc = 0;
	if (e->derived == NULL && !h->dropped) {
		h->dropped = 1;
		raw(x, "<h3>");
		rc |= text(x, _("Reviewed earlier, no longer derived from the answers"));
		raw(x, "</h3>\n");
	} else if (e->derived != NULL && e->cm->viewpoint != h->viewpoint) {
		const struct cat_viewpoint *vp = &x->c->viewpoints[e->cm->viewpoint];
		h->viewpoint = e->cm->viewpoint;
		raw(x, "<h3>");
		rc |= printf_text(x, "%s %s (%zu)", vp->id, vp->label,
				  x->sum.per_vp[e->cm->viewpoint]);
		raw(x, "</h3>\n");
	}
	return rc;
}

static int html_reasons(struct ex_ctx *x, const struct ex_cm *e)
{
	if (e->derived == NULL || e->derived->nreasons == 0)
		return 0;
	int rc = 0;
	raw(x, "<table class=\"reasons\"><thead><tr>");
	rc |= wrap(x, "<th>", _("Map"), "</th>");
	rc |= wrap(x, "<th>", _("Trigger"), "</th>");
	rc |= wrap(x, "<th>", _("Category"), "</th>");
	rc |= wrap(x, "<th>", _("Risk"), "</th>");
	rc |= wrap(x, "<th>", _("Seed line"), "</th>");
	raw(x, "</tr></thead>\n");
	for (size_t i = 0; i < e->derived->nreasons; i++) {
		const struct reason *r = &e->derived->reasons[i];
		char *trig = catalog_trigger_label(x->c, r->row ? &r->row->trigger : &e->cm->listed);
		if (trig == NULL) {
			diag_set(x->d, "out of memory");
			return -1;
		}
		rc |= wrap(x, "<tr><td>", catalog_map_id(r->map), "</td>");
		rc |= wrap(x, "<td>", trig, "</td>");
		free(trig);
		if (r->row != NULL) {
			rc |= wrap(x, "<td>", r->row->category, "</td>");
			rc |= wrap(x, "<td>", r->row->risk, "</td>");
			raw(x, "<td>%d</td></tr>\n", r->row->line);
		} else {
			rc |= wrap(x, "<td colspan=\"3\">", _("no map row names it: IV.5 lists it here"),
				   "</td></tr>\n");
		}
	}
	raw(x, "</table>\n");
	return rc;
}

static int html_actions(struct ex_ctx *x, const struct ex_cm *e)
{
	if (e->nactions == 0)
		return 0;
	int roles = e->cm->ntransfers > 0;
	int rc = 0;
	raw(x, "<table class=\"actions\"><thead><tr>");
	rc |= wrap(x, "<th>", _("Key"), "</th>");
	if (roles)
		rc |= wrap(x, "<th>", _("Role"), "</th>");
	rc |= wrap(x, "<th>", roles ? _("Duty transferred") : _("Action"), "</th>");
	rc |= wrap(x, "<th>", _("State"), "</th>");
	rc |= wrap(x, "<th>", _("Note"), "</th>");
	raw(x, "</tr></thead>\n");
	for (size_t i = 0; i < e->nactions; i++) {
		const struct ex_action *ac = &e->actions[i];
		rc |= wrap(x, "<tr><td>", ac->key, "</td>");
		if (roles)
			rc |= wrap(x, "<td>", ac->role >= 0 ? x->c->exec_roles[ac->role].label : "",
				   "</td>");
		rc |= wrap(x, "<td>", ac->text, "</td>");
		rc |= wrap(x, "<td>", action_state_label(ac->state), "</td>");
		rc |= wrap(x, "<td class=\"note\">", ac->review ? ac->review->note : NULL,
			   "</td></tr>\n");
	}
	raw(x, "</table>\n");
	return rc;
}

static int html_cm(struct ex_ctx *x, const struct ex_cm *e)
{
	const struct cat_cm *cm = e->cm;
	const struct cm_review *r = e->review;
	int rc = html_cm_heading(x, e);
	raw(x, "<div class=\"cm%s\" id=\"cm-", e->derived ? "" : " dropped");
	rc |= text(x, cm->id);
	raw(x, "\">\n<h4>");
	rc |= printf_text(x, "%s %s", cm->number, cm->title);
	raw(x, "</h4>\n<p><strong>");
	rc |= text(x, _("Decision:"));
	raw(x, "</strong> ");
	rc |= text(x, decision_label(e->decision));
	if (r != NULL && r->changed_at != NULL) {
		raw(x, " <span class=\"small\">(");
		rc |= printf_text(x, _("%s, by %s"), r->changed_at,
				  r->changed_by ? r->changed_by : "?");
		raw(x, ")</span>");
	}
	raw(x, "</p>\n");
	if (r != NULL && r->note != NULL)
		rc |= wrap(x, "<p class=\"note\">", r->note, "</p>\n");
	rc |= wrap(x, "<p>", cm->text, "</p>\n");
	if (cm->cites != NULL)
		rc |= wrap(x, "<p class=\"small\">", cm->cites, "</p>\n");
	rc |= html_reasons(x, e);
	if (cm->nleads > 0) {
		rc |= wrap(x, "<p>", _("Roles the operator should lead:"), "</p>\n<ul>\n");
		for (size_t i = 0; i < cm->nleads; i++)
			rc |= wrap(x, "<li>", cm->leads[i], "</li>\n");
		raw(x, "</ul>\n");
	}
	rc |= html_actions(x, e);
	raw(x, "</div>\n");
	return rc ? -1 : 0;
}

/* ---------- checklists ---------- */

/* A column heading as the guideline prints it, else our own. */
static int heading(struct ex_ctx *x, int annex, enum annex_column col, const char *ours)
{
	const char *printed = x->c->annex[annex - 1].columns[col];
	return wrap(x, "<th>", printed ? printed : ours, "</th>");
}

static int html_checklist_notes(struct ex_ctx *x, int annex)
{
	const struct cat_annex *a = &x->c->annex[annex - 1];
	int rc = 0;
	raw(x, "<p class=\"small\">");
	if (a->nnotes == 0)
		rc |= text(x, _("Level: \xe2\x97\x8f basic, \xe2\x98\x85 recommended."));
	for (size_t i = 0; i < a->nnotes; i++) {
		raw(x, i ? "<br>" : "");
		rc |= text(x, a->notes[i]);
	}
	if (annex == 2) {
		raw(x, "<br>");
		if (x->pattern > 0)
			rc |= printf_text(x, _("Reference values for pattern %d (Annex 3); "
					       "* marks a value to be achieved."), x->pattern);
		else
			rc |= text(x, _("The pattern (Annex 3) is not known yet: all six are "
					"shown; * marks a value to be achieved."));
	}
	raw(x, "</p>\n");
	return rc;
}

static int html_checklist_begin(struct ex_ctx *x, int annex)
{
	struct ex_html_state *h = x->state;
	int rc = 0;
	h->six = annex == 2 && !(x->o->what == EXPORT_ASSESSMENT && x->pattern > 0);
	raw(x, "<h2 id=\"annex%d\">", annex);
	rc |= text(x, x->c->annex[annex - 1].title);
	raw(x, "</h2>\n");
	rc |= html_checklist_notes(x, annex);
	raw(x, "<table class=\"checklist\">\n<thead><tr>");
	rc |= heading(x, annex, ACOL_NUMBER, _("Number"));
	if (annex == 2)
		rc |= heading(x, annex, ACOL_EVAL_NUMBER, _("Sub"));
	rc |= heading(x, annex, ACOL_ITEM, _("Item"));
	rc |= heading(x, annex, ACOL_LEVEL, _("Level"));
	if (annex == 2) {
		rc |= heading(x, annex, ACOL_EVAL, _("Evaluation item"));
		for (int p = 1; p <= N_PATTERNS; p++) {
			if (!h->six && p != x->pattern)
				continue;
			raw(x, "<th%s>", p == x->pattern ? " class=\"chosen\"" : "");
			rc |= printf_text(x, _("Pattern %d"), p);
			raw(x, "</th>");
		}
	}
	rc |= heading(x, annex, ACOL_CHECK, _("Check"));
	rc |= wrap(x, "<th>", _("Note"), "</th>");
	raw(x, "</tr></thead>\n<tbody>\n");
	return rc ? -1 : 0;
}

static int html_refs(struct ex_ctx *x, const struct cat_annex_entry *e)
{
	struct ex_html_state *h = x->state;
	int rc = 0;
	for (int p = 1; p <= N_PATTERNS; p++) {
		if (!h->six && p != x->pattern)
			continue;
		raw(x, "<td%s>", p == x->pattern ? " class=\"chosen\"" : "");
		rc |= text(x, e->refs[p - 1]);
		if (e->refs[p - 1] != NULL && (e->required & (1u << (p - 1))))
			raw(x, "*");
		raw(x, "</td>");
	}
	return rc;
}

static int html_entry(struct ex_ctx *x, int annex, const struct cat_annex_entry *e,
		      const struct cat_annex_entry *parent, const struct check_entry *ck)
{
	struct ex_html_state *h = x->state;
	int cols = annex == 1 ? 5 : 7 + (h->six ? N_PATTERNS : 1);
	int rc = 0;
	if (e->kind == ANNEX_SECTION) {
		raw(x, "<tr class=\"section\"><td colspan=\"%d\">", cols);
		rc |= printf_text(x, "%s %s", e->number, e->text);
		raw(x, "</td></tr>\n");
		return rc ? -1 : 0;
	}
	(void)parent;
	raw(x, "<tr id=\"a%d-", annex);
	rc |= text(x, e->id);
	raw(x, "\">");
	if (annex == 2) {
		rc |= wrap(x, "<td>", e->kind == ANNEX_SUB ? "" : e->number, "</td>");
		rc |= wrap(x, "<td>", e->kind == ANNEX_SUB ? e->number : "", "</td>");
	} else {
		rc |= wrap(x, "<td>", e->number, "</td>");
	}
	rc |= wrap(x, "<td>", e->text, "</td>");
	rc |= wrap(x, "<td class=\"c\">", export_level_mark(e->level), "</td>");
	if (annex == 2) {
		rc |= wrap(x, "<td>", e->eval, "</td>");
		rc |= html_refs(x, e);
	}
	const char *status = !e->checkable || x->o->blank ? "" :
		check_status_label(ck ? ck->status : CHECK_NONE);
	rc |= wrap(x, "<td>", status, "</td>");
	rc |= wrap(x, "<td class=\"note\">", ck ? ck->note : NULL, "</td></tr>\n");
	return rc ? -1 : 0;
}

static int html_checklist_end(struct ex_ctx *x, int annex)
{
	(void)annex;
	raw(x, "</tbody>\n</table>\n");
	return 0;
}

/* ---------- summary and end ---------- */

static int html_sum_cms(struct ex_ctx *x)
{
	const struct ex_summary *s = &x->sum;
	int rc = 0;
	raw(x, "<table class=\"summary\"><thead><tr>");
	rc |= wrap(x, "<th>", _("Viewpoint"), "</th>");
	rc |= wrap(x, "<th>", _("Derived"), "</th>");
	rc |= wrap(x, "<th>", _("With a decision"), "</th></tr></thead>\n");
	for (int v = 0; v < N_VIEWPOINTS; v++) {
		raw(x, "<tr><td>");
		rc |= printf_text(x, "%s %s", x->c->viewpoints[v].id, x->c->viewpoints[v].label);
		raw(x, "</td><td>%zu</td><td>%zu</td></tr>\n", s->per_vp[v], s->reviewed_vp[v]);
	}
	raw(x, "</table>\n<table class=\"summary\"><thead><tr>");
	rc |= wrap(x, "<th>", _("Decision"), "</th>");
	rc |= wrap(x, "<th>", _("Countermeasures"), "</th></tr></thead>\n");
	for (int k = 0; k < N_DECISIONS; k++) {
		rc |= wrap(x, "<tr><td>", decision_label((enum decision)k), "</td>");
		raw(x, "<td>%zu</td></tr>\n", s->by_decision[k]);
	}
	raw(x, "</table>\n");
	return rc;
}

static int html_sum_annex(struct ex_ctx *x, int k)
{
	const struct ex_annex_sum *s = &x->sum.annex[k];
	const struct cat_annex *an = &x->c->annex[k];
	int rc = 0;
	raw(x, "<table class=\"summary\"><thead><tr><th>");
	rc |= printf_text(x, _("Annex %d section"), k + 1);
	raw(x, "</th>");
	rc |= wrap(x, "<th>", _("Items"), "</th>");
	rc |= wrap(x, "<th>", _("Checked"), "</th></tr></thead>\n");
	for (size_t i = 0; i < an->nentries; i++) {
		const struct cat_annex_entry *e = &an->entries[i];
		if (e->kind != ANNEX_SECTION || e->depth != 0)
			continue;
		raw(x, "<tr><td>");
		rc |= printf_text(x, "%s %s", e->number, e->text);
		raw(x, "</td><td>%zu</td><td>%zu</td></tr>\n", s->sec_items[i], s->sec_done[i]);
	}
	rc |= wrap(x, "<tr><th>", _("Total"), "</th>");
	raw(x, "<th>%zu</th><th>%zu</th></tr>\n</table>\n", s->items, s->done);
	return rc;
}

static int html_summary(struct ex_ctx *x)
{
	enum export_what w = x->o->what;
	if (x->o->blank)
		return 0;
	int rc = 0;
	raw(x, "<h2 id=\"summary\">");
	rc |= text(x, _("Summary"));
	raw(x, "</h2>\n<p>");
	rc |= printf_text(x, _("%zu of %zu survey cells answered."), x->sum.answered, x->sum.cells);
	raw(x, "</p>\n");
	if (w == EXPORT_ASSESSMENT || w == EXPORT_COUNTERMEASURES)
		rc |= html_sum_cms(x);
	if (w == EXPORT_ASSESSMENT || w == EXPORT_ANNEX1)
		rc |= html_sum_annex(x, 0);
	if (w == EXPORT_ASSESSMENT || w == EXPORT_ANNEX2)
		rc |= html_sum_annex(x, 1);
	return rc ? -1 : 0;
}

static int html_end(struct ex_ctx *x)
{
	raw(x, "</body>\n</html>\n");
	return 0;
}

const struct ex_writer export_html_writer = {
	.state_size = sizeof(struct ex_html_state),
	.begin = html_begin,
	.details = html_details,
	.survey_begin = html_survey_begin,
	.group = html_group,
	.line = html_line,
	.survey_end = html_survey_end,
	.cms_begin = html_cms_begin,
	.cm = html_cm,
	.checklist_begin = html_checklist_begin,
	.entry = html_entry,
	.checklist_end = html_checklist_end,
	.summary = html_summary,
	.end = html_end,
};

/* ---------- the check of a written file ---------- */

static void count_error(void *ctx, xmlErrorPtr err)
{
	int *n = ctx;
	if (err != NULL && err->level != XML_ERR_WARNING)
		(*n)++;
}

/* libxml2's HTML parser reads it without an error and finds <html><body>. */
int export_html_check(const struct form *f, const char *buf, size_t len, size_t records,
		      const char *name, struct diag *d)
{
	(void)f;
	(void)records;
	int errors = 0;
	if (len > (size_t)INT32_MAX) {
		diag_set(d, "%s: too large to check", name);
		return -1;
	}
	xmlSetStructuredErrorFunc(&errors, count_error);
	htmlDocPtr doc = htmlReadMemory(buf, (int)len, name, "UTF-8",
					HTML_PARSE_NONET | HTML_PARSE_NOERROR |
					HTML_PARSE_NOWARNING);
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlNodePtr root = doc ? xmlDocGetRootElement(doc) : NULL;
	int ok = root != NULL && errors == 0 && xml_is(root, "html");
	xmlFreeDoc(doc);
	if (!ok) {
		diag_set(d, "%s: the HTML written does not read back cleanly (%d errors)",
			 name, errors);
		return -1;
	}
	return 0;
}
