/* export_xml.c - the XML writer of the export walk (forms/assessment.xsd,
 * namespace urn:iotscope:assessment:1, format version 4).  Two-space
 * indentation, attributes in a fixed order, nothing that depends on the
 * time except <export generated-at>: the same data gives the same bytes. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "export_walk.h"
#include "paths.h"
#include "xmlsafe.h"

#define NS "urn:iotscope:assessment:1"
/* 4: each checklist item's guidance and ISO/IEC 27002 references (issue
 * 13); 3: owner, due date and evidence (issue 12); 2: checklists named by
 * catalog id (issue 9) and the crosswalk root (issue 13); 1 numbered the
 * annexes */
#define FORMAT_VERSION 4

static const char *const roots[N_EXPORT_WHATS] = {
	[EXPORT_ASSESSMENT] = "assessment", [EXPORT_CHECKLIST] = "annex-checklist",
	[EXPORT_COUNTERMEASURES] = "countermeasure-review", [EXPORT_CROSSWALK] = "crosswalk",
	[EXPORT_OPEN] = "open-items",
};

/* ---------- escaping ---------- */

/* S escaped for element content (ATTR 0) or a double-quoted attribute;
 * white space that attribute normalisation or line-end handling would
 * change is written as a character reference, so it reads back exact. */
static int put_esc(struct ex_ctx *x, const char *s, int attr, const char *what)
{
	if (export_text_ok(s, what, x->d) < 0)
		return -1;
	export_escape(x->out, s, attr ? "&<>\"\r\t\n" : "&<>\r");
	return 0;
}

static void indent(struct ex_ctx *x, int level)
{
	for (int i = 0; i < level; i++)
		fputs("  ", x->out);
}

/* ` name="value"`; nothing when VALUE is NULL. */
static int attr(struct ex_ctx *x, const char *name, const char *value)
{
	if (value == NULL)
		return 0;
	fputc(' ', x->out);	/* fputs, not fprintf: an export writes thousands */
	fputs(name, x->out);
	fputs("=\"", x->out);
	int rc = put_esc(x, value, 1, name);
	fputc('"', x->out);
	return rc;
}

static int attr_fmt(struct ex_ctx *x, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static int attr_fmt(struct ex_ctx *x, const char *name, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *v = str_vprintf(fmt, ap);
	va_end(ap);
	if (v == NULL) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	int rc = attr(x, name, v);
	free(v);
	return rc;
}

static int attr_size(struct ex_ctx *x, const char *name, size_t n)
{
	return attr_fmt(x, name, "%zu", n);
}

/* <name>text</name> on a line of its own; nothing when TEXT is NULL. */
static int element(struct ex_ctx *x, int level, const char *name, const char *text)
{
	if (text == NULL)
		return 0;
	indent(x, level);
	fputc('<', x->out);
	fputs(name, x->out);
	fputc('>', x->out);
	int rc = put_esc(x, text, 0, name);
	fputs("</", x->out);
	fputs(name, x->out);
	fputs(">\n", x->out);
	return rc;
}

static int changed(struct ex_ctx *x, const char *by, const char *at)
{
	return attr(x, "changed-by", by) | attr(x, "changed-at", at);
}

/* ` owner=".." due=".."` of T (NULL: none). */
static int track_attrs(struct ex_ctx *x, const struct tracking *t)
{
	return t == NULL ? 0 : attr(x, "owner", t->owner) | attr(x, "due", t->due);
}

/* Each <evidence> of T at LEVEL: ref, hash and size of a file, who
 * attached it and when; its note as content of a <note>. */
static int track_evidence(struct ex_ctx *x, int level, const struct tracking *t)
{
	int rc = 0;
	for (size_t i = 0; t != NULL && i < t->nevidence && rc == 0; i++) {
		const struct evidence *e = &t->evidence[i];
		indent(x, level);
		fputs("<evidence", x->out);
		rc |= attr(x, "ref", e->ref);
		rc |= attr(x, "sha256", e->sha256);
		if (e->size >= 0)
			rc |= attr_fmt(x, "size", "%lld", e->size);
		rc |= attr(x, "added-by", e->added_by) | attr(x, "added-at", e->added_at);
		if (e->note == NULL) {
			fputs("/>\n", x->out);
			continue;
		}
		fputs(">\n", x->out);
		rc |= element(x, level + 1, "note", e->note);
		indent(x, level);
		fputs("</evidence>\n", x->out);
	}
	return rc;
}

/* ---------- guidance (format 4) ---------- */

static int put_p(struct ex_ctx *x, const char *one, void *arg)
{
	return element(x, *(const int *)arg, "p", one);
}

/* Each paragraph of TEXT as a <p> at LEVEL. */
static int paragraphs(struct ex_ctx *x, int level, const char *text)
{
	return export_paragraphs(x, text, put_p, &level);
}

/* ` label=".." line=".."`, then the paragraphs of TEXT. */
static int labelled(struct ex_ctx *x, int level, const char *label, int line, const char *text)
{
	int rc = attr(x, "label", label);
	if (line > 0)
		rc |= attr_fmt(x, "line", "%d", line);
	fputs(">\n", x->out);
	return rc | paragraphs(x, level + 1, text);
}

/* The best practices of IT from index *K on at depth DEPTH, nested as
 * the guideline prints them (i. > a) > 1)); *K ends past the last. */
static int best_practices(struct ex_ctx *x, int level, const struct cat_gitem *it,
			  size_t *k, int depth)
{
	int rc = 0;
	while (*k < it->nbps && it->bps[*k].depth == depth && rc == 0) {
		const struct cat_bp *bp = &it->bps[(*k)++];
		indent(x, level);
		fputs("<best-practice", x->out);
		rc |= labelled(x, level, bp->label, bp->line, bp->text);
		if (*k < it->nbps && it->bps[*k].depth > depth)
			rc |= best_practices(x, level + 1, it, k, it->bps[*k].depth);
		indent(x, level);
		fputs("</best-practice>\n", x->out);
	}
	return rc;
}

/* <guidance> (body, best practices, evaluation items) and one <iso27002>
 * per ISO/IEC 27002:2013 block tied to the item (the crosswalk's ties:
 * the blocks printed in its sub-section), each with its seed line.
 * Catalog data: import does not read it (src/export/import.c). */
static int xml_guidance(struct ex_ctx *x, int level, const struct cat_gitem *it)
{
	int rc = 0;
	indent(x, level);
	fputs("<guidance", x->out);
	if (it->line > 0)
		rc |= attr_fmt(x, "line", "%d", it->line);
	fputs(">\n", x->out);
	rc |= paragraphs(x, level + 1, it->text);
	size_t k = 0;
	while (k < it->nbps && rc == 0) {	/* a stray deeper first entry still shows */
		size_t before = k;
		rc |= best_practices(x, level + 1, it, &k, it->bps[k].depth);
		if (k == before)
			break;
	}
	for (size_t i = 0; i < it->nevals && rc == 0; i++) {
		indent(x, level + 1);
		fputs("<evaluation", x->out);
		rc |= labelled(x, level + 1, it->evals[i].label, it->evals[i].line,
			       it->evals[i].text);
		indent(x, level + 1);
		fputs("</evaluation>\n", x->out);
	}
	indent(x, level);
	fputs("</guidance>\n", x->out);
	for (size_t i = 0; i < it->nblocks && rc == 0; i++) {
		const struct cat_block *b = guidance_item_block(x->c, it, i);
		indent(x, level);
		fputs("<iso27002", x->out);
		rc |= attr(x, "clause", b->clause);
		rc |= attr(x, "kind", b->control ? "control" : "category");
		if (b->cloud)
			rc |= attr(x, "cloud", "true");
		if (b->line > 0)
			rc |= attr_fmt(x, "line", "%d", b->line);
		fputc('>', x->out);
		rc |= put_esc(x, b->title ? b->title : "", 0, "iso27002");
		fputs("</iso27002>\n", x->out);
	}
	return rc;
}

/* ---------- header ---------- */

static int xml_begin(struct ex_ctx *x)
{
	const struct catalog *c = x->c;
	int rc = 0;
	fprintf(x->out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<%s xmlns=\"%s\" "
		"version=\"%d\">\n", roots[x->o->what], NS, FORMAT_VERSION);
	fputs("  <export", x->out);
	rc |= attr(x, "kind", x->kind);
	rc |= attr(x, "generated-at", x->generated_at);
	rc |= attr(x, "tool", PACKAGE_NAME);
	rc |= attr(x, "tool-version", PACKAGE_VERSION);
	fputs("/>\n  <catalog", x->out);
	rc |= attr(x, "edition", c->edition);
	rc |= attr_fmt(x, "revision", "%d", c->revision);
	fputs(">\n", x->out);
	rc |= element(x, 2, "title", c->title);
	fputs("  </catalog>\n", x->out);
	return rc ? -1 : 0;
}

static int xml_details(struct ex_ctx *x)
{
	const struct assessment *a = x->a;
	int rc = 0;
	fputs("  <details", x->out);
	rc |= attr(x, "created", a->created);
	rc |= attr(x, "changed", a->changed);
	if (x->pattern > 0)
		rc |= attr_fmt(x, "pattern", "%d", x->pattern);
	fputs(">\n", x->out);
	for (int k = 0; k < N_DETAILS; k++)
		rc |= element(x, 2, survey_detail_id((enum detail)k), a->survey->details[k]);
	fputs("  </details>\n", x->out);
	return rc ? -1 : 0;
}

/* ---------- the survey ---------- */

static int xml_survey_begin(struct ex_ctx *x)
{
	const struct form *f = x->f;
	static const char *const cols[3] = { "A", "B", "C" };
	int rc = 0;
	fputs("  <survey", x->out);
	rc |= attr_size(x, "answered", x->sum.answered);
	rc |= attr_size(x, "cells", x->sum.cells);
	fputs(">\n", x->out);
	rc |= element(x, 2, "title", f->title);
	rc |= element(x, 2, "heading", f->heading);
	for (int i = 0; i < 3; i++) {
		fprintf(x->out, "    <column id=\"%s\">", cols[i]);
		rc |= put_esc(x, f->columns[i] ? f->columns[i] : "", 0, "column");
		fputs("</column>\n", x->out);
	}
	return rc ? -1 : 0;
}

static int xml_group(struct ex_ctx *x, const struct form_group *g, int open)
{
	if (!open) {
		fputs("    </group>\n", x->out);
		return 0;
	}
	int rc = 0;
	fputs("    <group", x->out);
	rc |= attr(x, "id", g->id);
	fputs(">\n", x->out);
	rc |= element(x, 3, "label", g->label);
	return rc ? -1 : 0;
}

static int xml_block(struct ex_ctx *x, const struct form_block *b, int open)
{
	if (!open) {
		fputs("      </block>\n", x->out);
		return 0;
	}
	int rc = 0;
	fputs("      <block", x->out);
	rc |= attr(x, "id", b->id);
	if (b->line > 0)
		rc |= attr_fmt(x, "line", "%d", b->line);
	fputs(">\n", x->out);
	rc |= element(x, 4, "label", b->label);
	rc |= element(x, 4, "instruction", b->instruction);
	rc |= element(x, 4, "effect", b->effect);
	return rc ? -1 : 0;
}

static const char *cell_type(enum form_cell_type t)
{
	return t == FCELL_FIXED ? "fixed" : t == FCELL_MIRROR ? "mirror" : "answer";
}

static const char *answer_id(enum answer a)
{
	return a == ANSWER_YES ? "o" : a == ANSWER_NO ? "x" : "open";
}

static int xml_line(struct ex_ctx *x, const struct form_line *l, const struct ex_cell *cells,
		    int n)
{
	const struct catalog *c = x->c;
	static const char *const cols[3] = { "A", "B", "C" };
	int rc = 0;
	fputs("        <line", x->out);
	if (l->component >= 0)
		rc |= attr(x, "component", c->components[l->component].id);
	if (l->role >= 0)
		rc |= attr(x, "role", c->exec_roles[l->role].id);
	if (l->external >= 0)
		rc |= attr(x, "external", c->externals[l->external].id);
	fputs(">\n", x->out);
	rc |= element(x, 5, "item", l->item);
	rc |= element(x, 5, "subject", form_line_subject(c, l));
	for (int i = 0; i < n; i++) {
		const struct ex_cell *e = &cells[i];
		int col = e->fc->column >= 0 && e->fc->column < 3 ? e->fc->column : 0;
		fprintf(x->out, "          <cell column=\"%s\"", cols[col]);
		rc |= attr(x, "type", cell_type(e->fc->type));
		rc |= attr(x, "id", e->id);
		rc |= attr(x, "answer", answer_id(e->value));
		rc |= attr(x, "needs", e->needs);
		fputs("/>\n", x->out);
	}
	fputs("        </line>\n", x->out);
	return rc ? -1 : 0;
}

static int xml_survey_end(struct ex_ctx *x)
{
	fputs("  </survey>\n", x->out);
	return 0;
}

/* ---------- countermeasures ---------- */

static int xml_cms_begin(struct ex_ctx *x)
{
	int rc = 0;
	fputs("  <countermeasures", x->out);
	rc |= attr_size(x, "derived", x->sum.derived);
	rc |= attr_size(x, "reviewed", x->sum.reviewed);
	rc |= attr_size(x, "no-longer-derived", x->sum.dropped);
	fputs(">\n", x->out);
	/* the cells not answered yet: the list is what the others allow */
	for (size_t i = 0; i < x->dv->nopen; i++) {
		fputs("    <open", x->out);
		rc |= attr(x, "cell", x->f->cells[x->dv->open_cells[i]].id);
		fputs("/>\n", x->out);
	}
	return rc ? -1 : 0;
}

static int xml_reason(struct ex_ctx *x, const struct cat_cm *cm, const struct reason *r)
{
	const struct cat_trigger *t = r->row ? &r->row->trigger : &cm->listed;
	char *trig = catalog_trigger_label(x->c, t);
	if (trig == NULL) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	int rc = 0;
	fputs("      <reason", x->out);
	rc |= attr(x, "map", catalog_map_id(r->map));
	if (r->row != NULL && r->row->line > 0)
		rc |= attr_fmt(x, "line", "%d", r->row->line);
	if (r->row == NULL)
		rc |= attr(x, "listed", "true");
	fputs(">\n", x->out);
	rc |= element(x, 4, "trigger", trig);
	if (r->row != NULL) {
		rc |= element(x, 4, "category", r->row->category);
		rc |= element(x, 4, "risk", r->row->risk);
	}
	fputs("      </reason>\n", x->out);
	free(trig);
	return rc ? -1 : 0;
}

static int xml_action(struct ex_ctx *x, const struct ex_action *ac)
{
	int rc = 0;
	fputs("      <action", x->out);
	rc |= attr(x, "key", ac->key);
	if (ac->role >= 0)
		rc |= attr(x, "role", x->c->exec_roles[ac->role].id);
	rc |= attr(x, "state", action_state_id(ac->state));
	if (ac->review != NULL)
		rc |= changed(x, ac->review->changed_by, ac->review->changed_at);
	rc |= track_attrs(x, ac->review ? &ac->review->track : NULL);
	fputs(">\n", x->out);
	rc |= element(x, 4, "text", ac->text);
	if (ac->review != NULL)
		rc |= element(x, 4, "note", ac->review->note);
	rc |= track_evidence(x, 4, ac->review ? &ac->review->track : NULL);
	fputs("      </action>\n", x->out);
	return rc;
}

static int xml_cm(struct ex_ctx *x, const struct ex_cm *e)
{
	const struct cat_cm *cm = e->cm;
	int rc = 0;
	fputs("    <countermeasure", x->out);
	rc |= attr(x, "id", cm->id);
	rc |= attr(x, "number", cm->number);
	rc |= attr(x, "viewpoint", x->c->viewpoints[cm->viewpoint].id);
	rc |= attr(x, "derived", e->derived ? "true" : "false");
	rc |= attr(x, "decision", decision_id(e->decision));
	if (e->review != NULL)
		rc |= changed(x, e->review->changed_by, e->review->changed_at);
	rc |= track_attrs(x, e->review ? &e->review->track : NULL);
	fputs(">\n", x->out);
	rc |= element(x, 3, "title", cm->title);
	rc |= element(x, 3, "cites", cm->cites);
	rc |= element(x, 3, "text", cm->text);
	for (size_t i = 0; e->derived && i < e->derived->nreasons && rc == 0; i++)
		rc |= xml_reason(x, cm, &e->derived->reasons[i]);
	for (size_t i = 0; i < cm->nleads; i++)
		rc |= element(x, 3, "lead", cm->leads[i]);
	if (e->review != NULL)
		rc |= element(x, 3, "note", e->review->note);
	rc |= track_evidence(x, 3, e->review ? &e->review->track : NULL);
	for (size_t i = 0; i < e->nactions && rc == 0; i++)
		rc |= xml_action(x, &e->actions[i]);
	fputs("    </countermeasure>\n", x->out);
	return rc ? -1 : 0;
}

static int xml_cms_end(struct ex_ctx *x)
{
	fputs("  </countermeasures>\n", x->out);
	return 0;
}

/* ---------- checklists ---------- */

static int xml_checklist_begin(struct ex_ctx *x, const struct cat_annex *cl)
{
	fputs("  <checklist", x->out);
	int rc = attr(x, "id", cl->id);
	if (cl->pattern_refs && x->pattern > 0)
		rc |= attr_fmt(x, "pattern", "%d", x->pattern);
	if (x->o->blank)
		rc |= attr(x, "blank", "true");
	fputs(">\n", x->out);
	rc |= element(x, 2, "title", cl->title);
	return rc ? -1 : 0;
}

/* Annex 2 対策参照値: in the whole assessment the assessment's pattern
 * (all six while it is unknown); the checklist alone is the guideline's
 * table, all six. */
static int xml_refs(struct ex_ctx *x, const struct cat_annex_entry *e)
{
	int one = x->o->what == EXPORT_ASSESSMENT && x->pattern > 0;
	int rc = 0;
	for (int p = 1; p <= N_PATTERNS; p++) {
		if (e->refs[p - 1] == NULL || (one && p != x->pattern))
			continue;
		fprintf(x->out, "      <reference pattern=\"%d\"", p);
		if (e->required & (1u << (p - 1)))
			rc |= attr(x, "required", "true");
		fputc('>', x->out);
		rc |= put_esc(x, e->refs[p - 1], 0, "reference");
		fputs("</reference>\n", x->out);
	}
	return rc;
}

static int xml_entry(struct ex_ctx *x, const struct cat_annex *cl,
		     const struct cat_annex_entry *e, const struct cat_annex_entry *parent,
		     const struct check_entry *ck)
{
	(void)parent;
	int rc = 0;
	const struct cat_gitem *gi = export_entry_guidance(x, cl, e);
	const char *name = e->kind == ANNEX_SECTION ? "section" :
			   e->kind == ANNEX_SUB ? "sub" : "item";
	fprintf(x->out, "    <%s", name);
	rc |= attr(x, "id", e->id);
	rc |= attr(x, "number", e->number);
	rc |= attr_fmt(x, "depth", "%d", e->depth);
	if (e->kind == ANNEX_SECTION) {
		fputs(">\n", x->out);
		rc |= element(x, 3, "title", e->text);
		fputs("    </section>\n", x->out);
		return rc ? -1 : 0;
	}
	if (e->level != LEVEL_NONE) {
		rc |= attr(x, "level", export_level_id(e->level));
		rc |= attr(x, "mark", export_level_mark(e->level));
	}
	if (e->checkable && !x->o->blank)
		rc |= attr(x, "status", check_status_id(ck ? ck->status : CHECK_NONE));
	if (ck != NULL)
		rc |= changed(x, ck->changed_by, ck->changed_at);
	if (!x->o->blank)
		rc |= track_attrs(x, ck ? &ck->track : NULL);
	if (e->text == NULL && ck == NULL && gi == NULL) {
		fputs("/>\n", x->out);
		return rc ? -1 : 0;
	}
	fputs(">\n", x->out);
	rc |= element(x, 3, "text", e->text);
	rc |= element(x, 3, "eval", e->eval);
	rc |= xml_refs(x, e);
	if (gi != NULL)
		rc |= xml_guidance(x, 3, gi);
	if (ck != NULL)
		rc |= element(x, 3, "note", ck->note);
	if (!x->o->blank)
		rc |= track_evidence(x, 3, ck ? &ck->track : NULL);
	fprintf(x->out, "    </%s>\n", name);
	return rc ? -1 : 0;
}

static int xml_checklist_end(struct ex_ctx *x, const struct cat_annex *cl)
{
	(void)cl;
	fputs("  </checklist>\n", x->out);
	return 0;
}

/* ---------- summary ---------- */

static int xml_count(struct ex_ctx *x, const char *name, const char *id, size_t n)
{
	fprintf(x->out, "      <%s id=\"%s\" count=\"%zu\"/>\n", name, id, n);
	return 0;
}

static int xml_sum_cms(struct ex_ctx *x)
{
	const struct ex_summary *s = &x->sum;
	fprintf(x->out, "    <countermeasures derived=\"%zu\" reviewed=\"%zu\" "
		"no-longer-derived=\"%zu\">\n", s->derived, s->reviewed, s->dropped);
	for (int v = 0; v < N_VIEWPOINTS; v++)
		fprintf(x->out, "      <viewpoint id=\"%s\" derived=\"%zu\" reviewed=\"%zu\"/>\n",
			x->c->viewpoints[v].id, s->per_vp[v], s->reviewed_vp[v]);
	for (int k = 0; k < N_DECISIONS; k++)
		xml_count(x, "decision", decision_id((enum decision)k), s->by_decision[k]);
	for (int k = 0; k < N_ACTION_STATES; k++)
		xml_count(x, "action-state", action_state_id((enum action_state)k), s->by_state[k]);
	fputs("    </countermeasures>\n", x->out);
	return 0;
}

static int xml_sum_annex(struct ex_ctx *x, const struct cat_annex *an)
{
	const struct ex_annex_sum *s = export_sum_of(x, an);
	fputs("    <checklist", x->out);
	if (attr(x, "id", an->id) < 0)
		return -1;
	fprintf(x->out, " items=\"%zu\" done=\"%zu\">\n", s->items, s->done);
	for (int st = 0; st < N_CHECK_STATUSES; st++)
		xml_count(x, "status", check_status_id((enum check_status)st), s->by_status[st]);
	int rc = 0;
	for (size_t i = 0; i < an->nentries; i++) {
		if (an->entries[i].kind != ANNEX_SECTION || an->entries[i].depth != 0)
			continue;
		fputs("      <section", x->out);
		rc |= attr(x, "id", an->entries[i].id);
		fprintf(x->out, " items=\"%zu\" done=\"%zu\"/>\n", s->sec_items[i], s->sec_done[i]);
	}
	fputs("    </checklist>\n", x->out);
	return rc;
}

/* ---------- the crosswalk ---------- */

/* <row clause item checklist status subs subs-set [cloud]> with the clause
 * title and the notes: every value in an attribute or element of its own. */
static int xml_crosswalk_row(struct ex_ctx *x, const struct crosswalk_row *r)
{
	int rc = 0;
	fputs("  <row", x->out);
	rc |= attr(x, "clause", r->block->clause);
	rc |= attr(x, "item", r->item->id);
	rc |= attr(x, "checklist", r->checklist->id);
	rc |= attr(x, "status", check_status_id(r->status));
	rc |= attr_size(x, "subs", r->subs);
	rc |= attr_size(x, "subs-set", r->subs_set);
	if (r->block->cloud)
		rc |= attr(x, "cloud", "true");
	fputs(">\n", x->out);
	rc |= element(x, 2, "clause-title", r->block->title);
	rc |= element(x, 2, "note", r->note);
	fputs("  </row>\n", x->out);
	return rc ? -1 : 0;
}

/* ---------- open items ---------- */

static int xml_open_item(struct ex_ctx *x, const struct ex_open *o)
{
	int rc = 0;
	fputs("  <open", x->out);
	rc |= attr(x, "kind", export_open_kind_id(o->kind));
	rc |= attr(x, "id", o->id);
	rc |= attr(x, "key", o->key);
	rc |= attr(x, "number", o->number);
	rc |= attr(x, "status", o->status);
	rc |= track_attrs(x, o->track);
	if (o->overdue)
		rc |= attr(x, "overdue", "true");
	fputs(">\n", x->out);
	rc |= element(x, 2, "text", o->text);
	rc |= track_evidence(x, 2, o->track);
	fputs("  </open>\n", x->out);
	return rc ? -1 : 0;
}

static int xml_open_summary(struct ex_ctx *x)
{
	size_t overdue = 0, owned = 0;
	for (size_t i = 0; i < x->nopen; i++) {
		overdue += x->open[i].overdue != 0;
		owned += x->open[i].track != NULL && x->open[i].track->owner != NULL;
	}
	fprintf(x->out, "  <summary open=\"%zu\" overdue=\"%zu\" with-owner=\"%zu\"/>\n",
		x->nopen, overdue, owned);
	return 0;
}

static int xml_summary(struct ex_ctx *x)
{
	enum export_what w = x->o->what;
	if (w == EXPORT_OPEN)
		return xml_open_summary(x);
	if ((w == EXPORT_CHECKLIST && x->o->blank) || w == EXPORT_CROSSWALK)
		return 0;
	int rc = 0;
	fputs("  <summary>\n", x->out);
	if (w == EXPORT_ASSESSMENT || w == EXPORT_COUNTERMEASURES)
		fprintf(x->out, "    <survey answered=\"%zu\" cells=\"%zu\"/>\n",
			x->sum.answered, x->sum.cells);
	if (w == EXPORT_ASSESSMENT || w == EXPORT_COUNTERMEASURES)
		rc |= xml_sum_cms(x);
	for (size_t k = 0; k < x->c->n_checklists; k++)
		if (export_holds(x, &x->c->checklists[k]))
			rc |= xml_sum_annex(x, &x->c->checklists[k]);
	fputs("  </summary>\n", x->out);
	return rc ? -1 : 0;
}

static int xml_end(struct ex_ctx *x)
{
	fprintf(x->out, "</%s>\n", roots[x->o->what]);
	return 0;
}

const struct ex_writer export_xml_writer = {
	.begin = xml_begin,
	.details = xml_details,
	.survey_begin = xml_survey_begin,
	.group = xml_group,
	.block = xml_block,
	.line = xml_line,
	.survey_end = xml_survey_end,
	.cms_begin = xml_cms_begin,
	.cm = xml_cm,
	.cms_end = xml_cms_end,
	.checklist_begin = xml_checklist_begin,
	.entry = xml_entry,
	.checklist_end = xml_checklist_end,
	.crosswalk_row = xml_crosswalk_row,
	.open_item = xml_open_item,
	.summary = xml_summary,
	.end = xml_end,
};

/* ---------- the check of a written file ---------- */

/* Well formed, by the same safe parser import uses (building no tree).
 * Not validated against forms/assessment.xsd here: compiling the schema
 * and validating cost more than writing the file (issue 11), and what it
 * would find is a mistake of this writer, which the test suite looks for
 * by validating every export it makes (tests/export_cli.sh with xmllint,
 * tests/test_export.c).  Import validates: it reads files from anywhere.
 * No pre-scan either: that guards against hostile input, and this is our
 * own output. */
int export_xml_check(const struct form *f, const char *buf, size_t len, size_t records,
		     const char *name, struct diag *d)
{
	(void)f;
	(void)records;
	return xmlsafe_wellformed(buf, len, name, d);
}
