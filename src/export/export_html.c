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
#include "timefmt.h"
#include "xmlsafe.h"

#define ANSWER_YES_MARK "\xe2\x97\x8b"	/* ○ */
#define ANSWER_NO_MARK "\xc3\x97"	/* × */

static const char *const kind_titles[N_EXPORT_WHATS] = {
	[EXPORT_ASSESSMENT] = N_("Assessment"),
	[EXPORT_COUNTERMEASURES] = N_("Countermeasure review"),
	[EXPORT_CROSSWALK] = N_("ISO/IEC 27002 crosswalk"),
	[EXPORT_OPEN] = N_("Open items")
};

/* The title of what is exported: a checklist is "<its name> checklist"
 * (malloc'd; NULL when out of memory). */
static char *kind_title(const struct ex_ctx *x)
{
	if (x->o->what == EXPORT_CHECKLIST)
		return str_printf(_("%s checklist"), x->only->name);
	return strdup(_(kind_titles[x->o->what]));
}

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

/* Screen and print (A4; Annex 2 on landscape pages, its own named page;
 * table headings repeated on each page; ids kept on one line).  The font
 * stack names the Japanese fonts of Linux, macOS and Windows before the
 * generic family, so that kanji are never drawn in a Chinese face. */
static const char *const style =
	"body{font-family:\"Noto Sans CJK JP\",\"Hiragino Kaku Gothic ProN\",\"Hiragino Sans\","
	"\"Yu Gothic\",\"Meiryo\",sans-serif;margin:2em;line-height:1.45;color:#000;"
	"background:#fff}\n"
	"h1{font-size:1.6em}h2{border-bottom:2px solid #333;margin-top:2em}\n"
	"table{border-collapse:collapse;margin:.5em 0 1.5em}\n"
	"th,td{border:1px solid #888;padding:.2em .45em;vertical-align:top;text-align:left}\n"
	"thead th,tr.group th{background:#e8e8e8}tr.section td{background:#f3f3f3;font-weight:bold}\n"
	"td.c{text-align:center;white-space:nowrap}td.open{background:#fff3c4}\n"
	"td.na{color:#777}td.fixed{font-weight:bold}th.chosen,td.chosen{background:#e6f0ff}\n"
	"td.n,th.n{text-align:right;white-space:nowrap}.id{white-space:nowrap}\n"
	"div.toc ol{margin:.2em 0 1em}div.toc li{margin:.1em 0}\n"
	".cm{border-top:1px solid #aaa;margin-top:1em;page-break-inside:avoid;break-inside:avoid}\n"
	".cm h4{margin:.4em 0}.dropped{color:#444}.meta,.small{color:#333;font-size:.9em}\n"
	".note{white-space:pre-wrap}.caveat{font-style:italic}\n"
	".opnote{border:1.5px solid #2a5db0;background:#f2f6fc;padding:.3em .6em;margin:.6em 0}\n"
	".opnote .by{font-size:.85em;font-weight:bold;color:#2a5db0;margin-bottom:.2em}\n"
	"td .by{font-size:.75em;color:#2a5db0}\n"
	"tr.overdue td{background:#fde2e2}div.evidence{overflow-wrap:anywhere}\n"
	".track{font-size:.8em;margin:.2em 0}\n"
	"table.checklist{table-layout:fixed;width:100%}\n"
	"table.checklist td,table.checklist th,table.crosswalk td{overflow-wrap:anywhere}\n"
	"col.num{width:7.5em}col.lvl{width:3em}col.eval{width:9em}col.ref{width:4.6em}\n"
	"col.check{width:7em}col.note{width:11em}table.blank col.check{width:10em}\n"
	"div.iso{font-size:.85em;color:#333}details.guidance{font-size:.85em}\n"
	"details.guidance summary{color:#2a5db0;cursor:pointer}details.guidance p{margin:.2em 0}\n"
	"ul.bp{margin:.1em 0;padding-left:1.2em;list-style:none}ul.bp li>p:first-of-type{display:inline}\n"
	"p.gh{font-weight:bold}\n"
	"@page{size:A4;margin:14mm 12mm}\n"
	"@page wide{size:A4 landscape;margin:10mm 10mm}\n"
	"div.wide{page:wide}\n"
	"@media print{body{margin:0;font-size:9.5pt}h2{page-break-before:always;"
	"break-before:page}h2.first{page-break-before:auto;break-before:auto}"
	"thead{display:table-header-group}tr{page-break-inside:avoid;break-inside:avoid}"
	"div.wide table.checklist{font-size:7.5pt}"
	"div.wide th,div.wide td{padding:.15em .3em}}\n";

/* The writer's place in the walk (x->state). */
struct ex_html_state {
	int viewpoint;			/* last viewpoint heading, -1 none */
	int dropped;			/* the "no longer derived" heading is out */
	int six;			/* Annex 2: six reference columns */
	int open_table;			/* the open items' table is begun */
};

/* ---------- head, contents and details ---------- */

static const char *const crosswalk_heading =
	N_("ISO/IEC 27002:2013 clauses and the guideline items printed with them");

static int html_summary(struct ex_ctx *x);

/* A stored instant as the reader's local time with its offset. */
static int local_time(struct ex_ctx *x, const char *open, const char *at, const char *close)
{
	char buf[TIME_LOCAL_SIZE];
	return wrap(x, open, time_local(at, buf), close);
}

static int toc_entry(struct ex_ctx *x, const char *id, const char *label)
{
	raw(x, "<li><a href=\"#%s\">", id);
	int rc = text(x, label);
	raw(x, "</a>");
	return rc;
}

static int toc_cms(struct ex_ctx *x)
{
	int rc = toc_entry(x, "countermeasures", _("Candidate countermeasures"));
	raw(x, "\n<ol>\n");
	for (int v = 0; v < N_VIEWPOINTS; v++) {
		const struct cat_viewpoint *vp = &x->c->viewpoints[v];
		if (x->sum.per_vp[v] == 0)
			continue;
		raw(x, "<li><a href=\"#vp-%d\">", v);
		rc |= printf_text(x, "%s %s (%zu)", vp->id, vp->label, x->sum.per_vp[v]);
		raw(x, "</a></li>\n");
	}
	if (x->sum.dropped > 0) {
		rc |= toc_entry(x, "dropped", _("Reviewed earlier, no longer derived from the answers"));
		raw(x, "</li>\n");
	}
	raw(x, "</ol></li>\n");
	return rc;
}

/* The table of contents: what this export holds, in the walk's order. */
static int html_toc(struct ex_ctx *x)
{
	enum export_what w = x->o->what;
	int rc = 0;
	raw(x, "<div class=\"toc\"><p><strong>");
	rc |= text(x, _("Contents"));
	raw(x, "</strong></p>\n<ol>\n");
	if (!x->o->blank && w != EXPORT_CROSSWALK) {	/* html_summary */
		rc |= toc_entry(x, "summary", _("Summary"));
		raw(x, "</li>\n");
	}
	rc |= toc_entry(x, "details", _("Details"));
	raw(x, "</li>\n");
	if (w == EXPORT_ASSESSMENT) {
		rc |= toc_entry(x, "survey", x->f->title);
		raw(x, "</li>\n");
	}
	if (w == EXPORT_ASSESSMENT || w == EXPORT_COUNTERMEASURES)
		rc |= toc_cms(x);
	if (w == EXPORT_OPEN) {
		rc |= toc_entry(x, "open", _("Open items"));
		raw(x, "</li>\n");
	}
	for (size_t k = 0; k < x->c->n_checklists; k++) {
		const struct cat_annex *a = &x->c->checklists[k];
		if (!export_holds(x, a))
			continue;
		raw(x, "<li><a href=\"#");
		rc |= text(x, a->id);
		raw(x, "\">");
		rc |= text(x, a->title);
		raw(x, "</a></li>\n");
	}
	if (w == EXPORT_CROSSWALK) {
		rc |= toc_entry(x, "crosswalk", _(crosswalk_heading));
		raw(x, "</li>\n");
	}
	raw(x, "</ol></div>\n");
	return rc;
}

/* The title, then what a reader wants first: the contents and the summary. */
static int html_begin(struct ex_ctx *x)
{
	((struct ex_html_state *)x->state)->viewpoint = -1;
	const char *name = x->a->survey->details[DETAIL_NAME];
	const struct catalog *c = x->c;
	char *kind = kind_title(x);
	if (kind == NULL) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	int rc = 0;
	raw(x, "<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>");
	rc |= printf_text(x, "%s \xe2\x80\x94 %s", name ? name : "", kind);
	raw(x, "</title>\n<style>\n%s</style>\n</head>\n<body>\n", style);
	rc |= wrap(x, "<h1>", name, "</h1>\n");
	rc |= wrap(x, "<p><strong>", kind, "</strong>");
	free(kind);
	if (x->o->blank)
		rc |= wrap(x, " (", _("blank form"), ")");
	raw(x, "</p>\n<p class=\"meta\">");
	char at[TIME_LOCAL_SIZE];
	rc |= printf_text(x, _("Exported %s by %s %s."), time_local(x->generated_at, at),
			  PACKAGE_NAME, PACKAGE_VERSION);
	raw(x, "<br>");
	rc |= printf_text(x, _("Catalog: %s, edition %s, data revision %d."), c->title,
			  c->edition, c->revision);
	raw(x, "</p>\n");
	rc |= html_toc(x);
	rc |= html_summary(x);
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
		rc |= wrap(x, "<tr><th>", _(survey_detail_info((enum detail)k)->label), "</th>");
		rc |= wrap(x, "<td class=\"note\">", a->survey->details[k], "</td></tr>\n");
	}
	if (x->pattern > 0) {
		rc |= wrap(x, "<tr><th>", _("Pattern (Annex 3)"), "</th>");
		raw(x, "<td>%d</td></tr>\n", x->pattern);
	}
	if (a->created != NULL) {
		rc |= wrap(x, "<tr><th>", _("Created"), "</th>");
		rc |= local_time(x, "<td>", a->created, "</td></tr>\n");
	}
	if (a->changed != NULL) {
		rc |= wrap(x, "<tr><th>", _("Last changed"), "</th>");
		rc |= local_time(x, "<td>", a->changed, "</td></tr>\n");
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
	/* external-data lines have a subject but no 調査項目: no separator then */
	const char *subject = form_line_subject(x->c, l);
	rc |= wrap(x, "<td>", l->item, "");
	if (subject != NULL)
		rc |= wrap(x, l->item != NULL && l->item[0] != '\0' ? ": " : "", subject, "");
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
	if (x->c->ntoc > 0) {
		raw(x, "<p class=\"small\">");
		rc |= text(x, _("Pages are those of the guideline's section as its table of "
				"contents gives them (from the section's first page to the page "
				"before the next section), not the page of the passage."));
		raw(x, "</p>\n");
	}
	return rc ? -1 : 0;
}

static int html_cm_heading(struct ex_ctx *x, const struct ex_cm *e)
{
	struct ex_html_state *h = x->state;
	int rc = 0;
	if (e->derived == NULL && !h->dropped) {
		h->dropped = 1;
		raw(x, "<h3 id=\"dropped\">");
		rc |= text(x, _("Reviewed earlier, no longer derived from the answers"));
		raw(x, "</h3>\n");
	} else if (e->derived != NULL && e->cm->viewpoint != h->viewpoint) {
		const struct cat_viewpoint *vp = &x->c->viewpoints[e->cm->viewpoint];
		h->viewpoint = e->cm->viewpoint;
		raw(x, "<h3 id=\"vp-%d\">", h->viewpoint);
		rc |= printf_text(x, "%s %s (%zu)", vp->id, vp->label,
				  x->sum.per_vp[e->cm->viewpoint]);
		raw(x, "</h3>\n");
	}
	return rc;
}

/* The sections the countermeasure review cites: the maps are the tables
 * of IV.4.3, the countermeasures are listed in IV.5. */
#define MAPS_SECTION "IV.4.3"
#define CMS_SECTION "IV.5"

/* "p. 121–145": the pages of the contents section that holds ID (issue
 * 12), the range the table of contents gives, not the page of a passage
 * (malloc'd); "" when the catalog has no contents; NULL out of memory. */
static char *toc_pages(struct ex_ctx *x, const char *id)
{
	const struct cat_toc *t = catalog_toc_of(x->c, id);
	char *s = t == NULL ? strdup("") :
		  t->last == 0 ? str_printf(_("p. %d\xe2\x80\x93"), t->page) :
		  t->last == t->page ? str_printf(_("p. %d"), t->page) :
		  str_printf(_("p. %d\xe2\x80\x93%d"), t->page, t->last);
	if (s == NULL)
		diag_set(x->d, "out of memory");
	return s;
}

/* Where a reader finds the row: the IV.4.3 table by its printed name
 * ("B① 機器等提供"; map A's title starts with its letter already), with
 * the pages of IV.4 that hold it. */
static char *map_reference(struct ex_ctx *x, enum map_id m)
{
	const char *id = catalog_map_id(m), *title = x->c->maps[m].title;
	int lettered = title[0] == id[0];
	char *name = str_printf("%.*s%s", lettered ? 0 : 1, id, title);
	char *pages = name ? toc_pages(x, MAPS_SECTION) : NULL;
	char *ref = pages == NULL ? NULL : pages[0] ?
		str_printf(_("IV.4.3 %s table (%s)"), name, pages) :
		str_printf(_("IV.4.3 %s table"), name);
	free(name);
	free(pages);
	if (ref == NULL)
		diag_set(x->d, "out of memory");
	return ref;
}

/* Each reason by the guideline's own references: the table, the cell
 * that fired, the category and the risk (the XML keeps the seed line). */
static int html_reason(struct ex_ctx *x, const struct ex_cm *e, const struct reason *r)
{
	char *ref = map_reference(x, r->map);
	char *trig = ref ? catalog_trigger_label(x->c, r->row ? &r->row->trigger : &e->cm->listed)
			 : NULL;
	if (trig == NULL) {
		free(ref);
		diag_set(x->d, "out of memory");
		return -1;
	}
	int rc = wrap(x, "<tr><td>", ref, "</td>");
	rc |= wrap(x, "<td>", trig, "</td>");
	free(ref);
	free(trig);
	if (r->row != NULL) {
		rc |= wrap(x, "<td>", r->row->category, "</td>");
		rc |= wrap(x, "<td>", r->row->risk, "</td></tr>\n");
	} else {
		rc |= wrap(x, "<td colspan=\"2\">", _("no map row names it: IV.5 lists it here"),
			   "</td></tr>\n");
	}
	return rc;
}

static int html_reasons(struct ex_ctx *x, const struct ex_cm *e)
{
	if (e->derived == NULL || e->derived->nreasons == 0)
		return 0;
	int rc = 0;
	raw(x, "<table class=\"reasons\"><thead><tr>");
	rc |= wrap(x, "<th>", _("Reference"), "</th>");
	rc |= wrap(x, "<th>", _("Trigger"), "</th>");
	rc |= wrap(x, "<th>", _("Category"), "</th>");
	rc |= wrap(x, "<th>", _("Risk"), "</th>");
	raw(x, "</tr></thead>\n");
	for (size_t i = 0; i < e->derived->nreasons; i++)
		if (html_reason(x, e, &e->derived->reasons[i]) < 0)
			return -1;
	raw(x, "</table>\n");
	return rc;
}

/* Who set a value and when, as a small line under it in a table cell. */
static int cell_by(struct ex_ctx *x, const char *by, const char *at)
{
	if (by == NULL && at == NULL)
		return 0;
	char buf[TIME_LOCAL_SIZE];
	raw(x, "<div class=\"by\">");
	int rc = printf_text(x, _("%s, by %s"), at ? time_local(at, buf) : "?", by ? by : "?");
	raw(x, "</div>");
	return rc;
}

/* A note the operator wrote, set apart from the guideline's words: a box
 * headed with who wrote it and when. */
static int operator_note(struct ex_ctx *x, const char *note, const char *by, const char *at)
{
	char buf[TIME_LOCAL_SIZE];
	raw(x, "<div class=\"opnote\"><div class=\"by\">");
	int rc = printf_text(x, _("Note by %s, %s"), by ? by : "?",
			     at ? time_local(at, buf) : "?");
	rc |= wrap(x, "</div><div class=\"note\">", note, "</div></div>\n");
	return rc;
}

static int html_evidence(struct ex_ctx *x, const struct tracking *t);

/* Owner, due date and evidence of T (issue 12) inside the cell or block
 * that holds its status: small lines under it, the columns unchanged. */
static int track_block(struct ex_ctx *x, const struct tracking *t)
{
	if (t == NULL || !tracking_written(t))
		return 0;
	int rc = 0;
	raw(x, "<div class=\"track\">");
	if (t->owner != NULL)
		rc |= printf_text(x, _("Owner: %s"), t->owner);
	if (t->owner != NULL && t->due != NULL)
		raw(x, "; ");
	if (t->due != NULL)
		rc |= printf_text(x, _("Due: %s"), t->due);
	rc |= html_evidence(x, t);
	raw(x, "</div>");
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
		rc |= wrap(x, "<td>", action_state_label(ac->state), "");
		if (ac->review != NULL)
			rc |= cell_by(x, ac->review->changed_by, ac->review->changed_at) |
				track_block(x, &ac->review->track);
		rc |= wrap(x, "</td><td class=\"note\">", ac->review ? ac->review->note : NULL,
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
	char *pages = toc_pages(x, CMS_SECTION);
	if (pages == NULL)
		return -1;
	if (pages[0] != '\0')
		rc |= printf_text(x, " (%s, %s)", CMS_SECTION, pages);
	free(pages);
	raw(x, "</h4>\n<p><strong>");
	rc |= text(x, _("Decision:"));
	raw(x, "</strong> ");
	rc |= text(x, decision_label(e->decision));
	if (r != NULL && r->changed_at != NULL) {
		char at[TIME_LOCAL_SIZE];
		raw(x, " <span class=\"small\">(");
		rc |= printf_text(x, _("%s, by %s"), time_local(r->changed_at, at),
				  r->changed_by ? r->changed_by : "?");
		raw(x, ")</span>");
	}
	raw(x, "</p>\n");
	if (r != NULL)
		rc |= track_block(x, &r->track);
	rc |= wrap(x, "<p>", cm->text, "</p>\n");
	if (cm->cites != NULL)
		rc |= wrap(x, "<p class=\"small\">", cm->cites, "</p>\n");
	if (r != NULL && r->note != NULL)
		rc |= operator_note(x, r->note, r->changed_by, r->changed_at);
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

static int html_checklist_notes(struct ex_ctx *x, const struct cat_annex *a)
{
	int rc = 0;
	raw(x, "<p class=\"small\">");
	if (a->nnotes == 0)
		rc |= text(x, _("Level: \xe2\x97\x8f basic, \xe2\x98\x85 recommended."));
	for (size_t i = 0; i < a->nnotes; i++) {
		raw(x, i ? "<br>" : "");
		rc |= text(x, a->notes[i]);
	}
	if (a->pattern_refs) {
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

/* The column widths (CSS col.*): fixed ones for numbers, marks and
 * short values, the rest to the item's text; on a blank form a wider
 * 実施チェック column to write in. */
static void checklist_cols(struct ex_ctx *x, const struct cat_annex *a, int nrefs)
{
	raw(x, "<colgroup><col class=\"num\"><col><col class=\"lvl\">");
	if (a->pattern_refs) {
		raw(x, "<col class=\"eval\">");
		for (int i = 0; i < nrefs; i++)
			raw(x, "<col class=\"ref\">");
	}
	raw(x, "<col class=\"check\"><col class=\"note\"></colgroup>\n");
}

/* The pattern reference values (Annex 2): one column for the pattern of this
 * service, else six narrow ones under one heading. */
static int ref_headings(struct ex_ctx *x, const struct cat_annex *a, int *second_row)
{
	struct ex_html_state *h = x->state;
	const char *printed = a->columns[ACOL_REF];
	int rc = 0;
	if (!h->six) {
		raw(x, "<th class=\"chosen\" rowspan=\"%d\">", *second_row ? 2 : 1);
		rc |= printf_text(x, _("Pattern %d"), x->pattern);
		raw(x, "</th>");
		return rc;
	}
	*second_row = 1;
	raw(x, "<th colspan=\"%d\">", N_PATTERNS);
	rc |= text(x, printed ? printed : _("Reference value"));
	raw(x, "</th>");
	return rc;
}

static int html_checklist_begin(struct ex_ctx *x, const struct cat_annex *a)
{
	struct ex_html_state *h = x->state;
	int rc = 0;
	h->six = a->pattern_refs && !(x->o->what == EXPORT_ASSESSMENT && x->pattern > 0);
	int two = a->pattern_refs && h->six;	/* a second heading row: patterns 1-6 */
	const char *span = two ? " rowspan=\"2\"" : "";
	/* a checklist with pattern values (Annex 2) on landscape pages: its
	 * own named page in the print CSS */
	raw(x, a->pattern_refs ? "<div class=\"wide\">\n" : "<div>\n");
	raw(x, "<h2 id=\"");
	rc |= text(x, a->id);
	raw(x, "\">");
	rc |= text(x, a->title);
	raw(x, "</h2>\n");
	rc |= html_checklist_notes(x, a);
	raw(x, "<table class=\"checklist%s\">\n", x->o->blank ? " blank" : "");
	checklist_cols(x, a, a->pattern_refs ? (h->six ? N_PATTERNS : 1) : 0);
	raw(x, "<thead><tr>");
	const char *const *cols = a->columns;
	raw(x, "<th%s>", span);
	if (a->pattern_refs && cols[ACOL_NUMBER] && cols[ACOL_EVAL_NUMBER])
		rc |= printf_text(x, "%s / %s", cols[ACOL_NUMBER], cols[ACOL_EVAL_NUMBER]);
	else
		rc |= text(x, cols[ACOL_NUMBER] ? cols[ACOL_NUMBER] : _("Number"));
	raw(x, "</th><th%s>", span);
	rc |= text(x, cols[ACOL_ITEM] ? cols[ACOL_ITEM] : _("Item"));
	raw(x, "</th><th%s>", span);
	rc |= text(x, cols[ACOL_LEVEL] ? cols[ACOL_LEVEL] : _("Level"));
	raw(x, "</th>");
	if (a->pattern_refs) {
		raw(x, "<th%s>", span);
		rc |= text(x, cols[ACOL_EVAL] ? cols[ACOL_EVAL] : _("Evaluation item"));
		raw(x, "</th>");
		rc |= ref_headings(x, a, &two);
	}
	raw(x, "<th%s>", span);
	rc |= text(x, cols[ACOL_CHECK] ? cols[ACOL_CHECK] : _("Check"));
	raw(x, "</th><th%s>", span);
	rc |= text(x, _("Note"));
	raw(x, "</th></tr>\n");
	if (two) {
		raw(x, "<tr>");
		for (int p = 1; p <= N_PATTERNS; p++)
			raw(x, "<th class=\"n\">%d</th>", p);
		raw(x, "</tr>\n");
	}
	raw(x, "</thead>\n<tbody>\n");
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

/* ---------- an item's guidance (issue 13) ---------- */

static int put_p(struct ex_ctx *x, const char *one, void *arg)
{
	(void)arg;
	return wrap(x, "<p>", one, "</p>");
}

/* Each paragraph of S as a <p>. */
static int paragraphs(struct ex_ctx *x, const char *s)
{
	return export_paragraphs(x, s, put_p, NULL);
}

/* The best practices from *K on at DEPTH as a nested list, labelled as
 * printed: i. > a) > 1). */
static int html_bps(struct ex_ctx *x, const struct cat_gitem *it, size_t *k, int depth)
{
	int rc = 0;
	raw(x, "<ul class=\"bp\">");
	while (*k < it->nbps && it->bps[*k].depth == depth && rc == 0) {
		const struct cat_bp *bp = &it->bps[(*k)++];
		raw(x, "<li>");
		rc |= printf_text(x, depth == 0 ? "%s. " : "%s) ", bp->label);
		rc |= paragraphs(x, bp->text);
		if (*k < it->nbps && it->bps[*k].depth > depth)
			rc |= html_bps(x, it, k, it->bps[*k].depth);
		raw(x, "</li>");
	}
	raw(x, "</ul>");
	return rc;
}

/* Under the item's text: its ISO/IEC 27002 clauses on one line, then the
 * guideline's text behind it folded in a <details> (closed, so the
 * printed report stays as long as before). */
static int html_guidance(struct ex_ctx *x, const struct cat_gitem *it)
{
	int rc = 0;
	if (it->nblocks > 0) {
		char *cl = export_iso_clauses(x, it);
		if (cl == NULL)
			return -1;
		rc |= wrap(x, "<div class=\"iso\">ISO/IEC 27002: ", cl, "</div>");
		free(cl);
	}
	raw(x, "<details class=\"guidance\"><summary>");
	rc |= text(x, _("Guidance"));
	raw(x, "</summary>");
	rc |= paragraphs(x, it->text);
	if (it->nbps > 0)
		rc |= wrap(x, "<p class=\"gh\">", _("Best practices:"), "</p>");
	for (size_t k = 0; k < it->nbps && rc == 0; ) {
		size_t before = k;
		rc |= html_bps(x, it, &k, it->bps[k].depth);
		if (k == before)
			break;
	}
	if (it->nevals > 0)
		rc |= wrap(x, "<p class=\"gh\">", _("Evaluation items:"), "</p>");
	if (it->nevals > 0)
		raw(x, "<ul class=\"bp\">");
	for (size_t i = 0; i < it->nevals && rc == 0; i++) {
		raw(x, "<li>");
		rc |= printf_text(x, "%s) ", it->evals[i].label);
		rc |= paragraphs(x, it->evals[i].text);
		raw(x, "</li>");
	}
	raw(x, it->nevals > 0 ? "</ul></details>" : "</details>");
	return rc;
}

static int html_entry(struct ex_ctx *x, const struct cat_annex *a,
		      const struct cat_annex_entry *e, const struct cat_annex_entry *parent,
		      const struct check_entry *ck)
{
	struct ex_html_state *h = x->state;
	int cols = !a->pattern_refs ? 5 : 6 + (h->six ? N_PATTERNS : 1);
	int rc = 0;
	if (e->kind == ANNEX_SECTION) {
		raw(x, "<tr class=\"section\"><td colspan=\"%d\">", cols);
		rc |= printf_text(x, "%s %s", e->number, e->text);
		raw(x, "</td></tr>\n");
		return rc ? -1 : 0;
	}
	(void)parent;
	/* a<n>-<item>: n the checklist's place in the catalog (a1-, a2-) */
	raw(x, "<tr id=\"a%td-", a - x->c->checklists + 1);
	rc |= text(x, e->id);
	raw(x, "\">");
	/* Annex 2: a 評価項目 (sub) shows its letter under its item's number */
	rc |= wrap(x, e->kind == ANNEX_SUB ? "<td class=\"id c\">" : "<td class=\"id\">",
		   e->number, "</td>");
	const struct cat_gitem *gi = export_entry_guidance(x, a, e);
	rc |= wrap(x, "<td>", e->text, gi ? "" : "</td>");
	if (gi != NULL) {
		rc |= html_guidance(x, gi);
		raw(x, "</td>");
	}
	rc |= wrap(x, "<td class=\"c\">", export_level_mark(e->level), "</td>");
	if (a->pattern_refs) {
		rc |= wrap(x, "<td>", e->eval, "</td>");
		rc |= html_refs(x, e);
	}
	const char *status = !e->checkable || x->o->blank ? "" :
		check_status_label(ck ? ck->status : CHECK_NONE);
	rc |= wrap(x, "<td>", status, "</td>");
	/* the note, then who set the status or note and when */
	rc |= wrap(x, "<td><div class=\"note\">", ck ? ck->note : NULL, "</div>");
	if (ck != NULL)
		rc |= cell_by(x, ck->changed_by, ck->changed_at) | track_block(x, &ck->track);
	raw(x, "</td></tr>\n");
	return rc ? -1 : 0;
}

static int html_checklist_end(struct ex_ctx *x, const struct cat_annex *a)
{
	(void)a;
	raw(x, "</tbody>\n</table>\n</div>\n");
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

/* The order of the status columns: what is done, then what is not. */
static const enum check_status sum_statuses[N_CHECK_STATUSES] = {
	CHECK_IMPLEMENTED, CHECK_PARTLY, CHECK_NOT_IMPLEMENTED, CHECK_NOT_APPLICABLE, CHECK_NONE
};

static int html_sum_annex(struct ex_ctx *x, const struct cat_annex *an)
{
	const struct ex_annex_sum *s = export_sum_of(x, an);
	int rc = 0;
	raw(x, "<table class=\"summary\"><thead><tr><th>");
	rc |= printf_text(x, _("%s section"), an->name);
	raw(x, "</th>");
	rc |= wrap(x, "<th class=\"n\">", _("Items"), "</th>");
	for (int i = 0; i < N_CHECK_STATUSES; i++)
		rc |= wrap(x, "<th class=\"n\">", check_status_label(sum_statuses[i]), "</th>");
	raw(x, "</tr></thead>\n");
	for (size_t i = 0; i < an->nentries; i++) {
		const struct cat_annex_entry *e = &an->entries[i];
		if (e->kind != ANNEX_SECTION || e->depth != 0)
			continue;
		raw(x, "<tr><td>");
		rc |= printf_text(x, "%s %s", e->number, e->text);
		raw(x, "</td><td class=\"n\">%zu</td>", s->sec_items[i]);
		for (int j = 0; j < N_CHECK_STATUSES; j++)
			raw(x, "<td class=\"n\">%zu</td>", s->sec_status[i][sum_statuses[j]]);
		raw(x, "</tr>\n");
	}
	rc |= wrap(x, "<tr><th>", _("Total"), "</th>");
	raw(x, "<th class=\"n\">%zu</th>", s->items);
	for (int j = 0; j < N_CHECK_STATUSES; j++)
		raw(x, "<th class=\"n\">%zu</th>", s->by_status[sum_statuses[j]]);
	raw(x, "</tr>\n</table>\n");
	return rc;
}

/* ---------- the crosswalk ---------- */

static int html_crosswalk_begin(struct ex_ctx *x)
{
	int rc = 0;
	raw(x, "<h2 id=\"crosswalk\">");	/* a new page in print (style) */
	rc |= text(x, _(crosswalk_heading));
	raw(x, "</h2>\n<table class=\"crosswalk\">\n<thead><tr>");
	rc |= wrap(x, "<th>", _("Clause"), "</th>");
	rc |= wrap(x, "<th>", _("Title"), "</th>");
	rc |= wrap(x, "<th>", _("Item"), "</th>");
	rc |= wrap(x, "<th>", _("Check"), "</th>");
	rc |= wrap(x, "<th>", _("Note"), "</th>");
	raw(x, "</tr></thead>\n<tbody>\n");
	return rc ? -1 : 0;
}

/* The clause and the item in cells of their own; （※） after a clause the
 * guideline adds; "partly (1/2)" for an item with sub-items. */
static int html_crosswalk_row(struct ex_ctx *x, const struct crosswalk_row *r)
{
	int rc = wrap(x, "<tr><td>", r->block->clause, "</td>");
	raw(x, "<td>");
	rc |= text(x, r->block->title);
	if (r->block->cloud)
		raw(x, " (\xe2\x80\xbb)");
	raw(x, "</td>");
	rc |= wrap(x, "<td>", r->item->id, "</td><td>");
	rc |= r->subs > 0 ? printf_text(x, "%s (%zu/%zu)", check_status_label(r->status),
					  r->subs_set, r->subs)
			  : text(x, check_status_label(r->status));
	rc |= wrap(x, "</td><td>", r->note, "</td></tr>\n");
	return rc ? -1 : 0;
}

static int html_crosswalk_end(struct ex_ctx *x)
{
	raw(x, "</tbody>\n</table>\n");
	return 0;
}

/* ---------- open items (issue 12) ---------- */

static int html_open_summary(struct ex_ctx *x)
{
	size_t overdue = 0, owned = 0;
	for (size_t i = 0; i < x->nopen; i++) {
		overdue += x->open[i].overdue != 0;
		owned += x->open[i].track != NULL && x->open[i].track->owner != NULL;
	}
	raw(x, "<p>");
	int rc = printf_text(x, _("%zu open items: %zu overdue, %zu with an owner."), x->nopen,
			     overdue, owned);
	raw(x, "</p>\n");
	return rc;
}

static int html_evidence(struct ex_ctx *x, const struct tracking *t)
{
	int rc = 0;
	for (size_t i = 0; t != NULL && i < t->nevidence; i++) {
		const struct evidence *e = &t->evidence[i];
		raw(x, "<div class=\"evidence\">");
		rc |= text(x, e->ref);
		if (e->sha256 != NULL) {
			raw(x, "<div class=\"by\">");
			rc |= printf_text(x, "sha256 %s, %lld %s", e->sha256, e->size, _("bytes"));
			raw(x, "</div>");
		}
		rc |= cell_by(x, e->added_by, e->added_at);
		if (e->note != NULL)
			rc |= wrap(x, "<div class=\"note\">", e->note, "</div>");
		raw(x, "</div>");
	}
	return rc;
}

static int html_open_item(struct ex_ctx *x, const struct ex_open *o)
{
	struct ex_html_state *hs = x->state;
	int rc = 0;
	if (!hs->open_table) {
		hs->open_table = 1;
		raw(x, "<h2 id=\"open\">");
		rc |= text(x, _("Open items"));
		raw(x, "</h2>\n<table class=\"open\">\n<thead><tr>");
		static const char *const heads[] = {
			N_("Kind"), N_("Number"), N_("Text"), N_("Status"), N_("Owner"), N_("Due"),
			N_("Evidence")
		};
		for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
			rc |= wrap(x, "<th>", _(heads[i]), "</th>");
		raw(x, "</tr></thead>\n<tbody>\n");
	}
	raw(x, "<tr%s>", o->overdue ? " class=\"overdue\"" : "");
	rc |= wrap(x, "<td>", export_open_kind_label(o->kind), "</td>");
	rc |= wrap(x, "<td class=\"id\">", o->number, "");
	if (o->kind == OPEN_ACTION)
		rc |= wrap(x, " [", o->key, "]");
	raw(x, "</td>");
	rc |= wrap(x, "<td>", o->text, "</td>");
	rc |= wrap(x, "<td>", o->status_label, "</td>");
	const struct tracking *t = o->track;
	rc |= wrap(x, "<td>", t ? t->owner : NULL, "</td>");
	rc |= wrap(x, "<td class=\"id\">", t ? t->due : NULL, "");
	if (o->overdue)
		rc |= wrap(x, "<div class=\"by\"><strong>", _("overdue"), "</strong></div>");
	raw(x, "</td><td>");
	rc |= html_evidence(x, t);
	raw(x, "</td></tr>\n");
	return rc ? -1 : 0;
}

static int html_summary(struct ex_ctx *x)
{
	enum export_what w = x->o->what;
	if (x->o->blank || w == EXPORT_CROSSWALK)
		return 0;
	int rc = 0;
	raw(x, "<h2 class=\"first\" id=\"summary\">");
	rc |= text(x, _("Summary"));
	raw(x, "</h2>\n");
	if (w == EXPORT_OPEN)
		return html_open_summary(x) | rc ? -1 : 0;
	raw(x, "<p>");
	rc |= printf_text(x, _("%zu of %zu survey cells answered."), x->sum.answered, x->sum.cells);
	raw(x, "</p>\n");
	if (w == EXPORT_ASSESSMENT || w == EXPORT_COUNTERMEASURES)
		rc |= html_sum_cms(x);
	for (size_t k = 0; k < x->c->n_checklists; k++)
		if (export_holds(x, &x->c->checklists[k]))
			rc |= html_sum_annex(x, &x->c->checklists[k]);
	return rc ? -1 : 0;
}

static int html_end(struct ex_ctx *x)
{
	struct ex_html_state *hs = x->state;
	if (hs->open_table)
		raw(x, "</tbody>\n</table>\n");
	else if (x->o->what == EXPORT_OPEN && wrap(x, "<h2 id=\"open\">", _("Open items"),
						   "</h2>\n") | wrap(x, "<p>", _("Nothing is open."),
								       "</p>\n"))
		return -1;
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
	.crosswalk_begin = html_crosswalk_begin,
	.crosswalk_row = html_crosswalk_row,
	.crosswalk_end = html_crosswalk_end,
	.open_item = html_open_item,
	/* the summary is written after the title (html_begin), not at the end */
	.end = html_end,
};

/* ---------- the check of a written file ---------- */

/* libxml2's parser knows HTML 4: the HTML5 <details> and <summary> we
 * write (an item's folded guidance) are unknown tags to it, not errors. */
static int html5_tag(const xmlError *err)
{
	return err->code == XML_HTML_UNKNOWN_TAG && err->str1 != NULL &&
	       (strcmp(err->str1, "details") == 0 || strcmp(err->str1, "summary") == 0);
}

static void count_error(void *ctx, xmlErrorPtr err)
{
	int *n = ctx;
	if (err != NULL && err->level != XML_ERR_WARNING && !html5_tag(err))
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
