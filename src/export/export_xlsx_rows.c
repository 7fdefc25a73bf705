/* export_xlsx_rows.c - the sheets of the XLSX workbooks as tables of
 * columns, and the walk hooks that turn the assessment into their rows
 * (export_xlsx.h).  A column is one line of a table below: an owner or a
 * due date is one more line and, if new, one getter. */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export_xlsx.h"
#include "i18n.h"
#include "timefmt.h"

#define ANSWER_YES_MARK "\xe2\x97\x8b"	/* ○ */
#define ANSWER_NO_MARK "\xc3\x97"	/* × */


/* ---------- cell text ---------- */

static char *dup(const char *s, int *oom)
{
	if (s == NULL || s[0] == '\0')
		return NULL;
	char *r = strdup(s);
	*oom |= r == NULL;
	return r;
}

/* A time as people read it: local, with its offset (timefmt.h). */
static char *when(const char *iso, int *oom)
{
	char buf[TIME_LOCAL_SIZE];
	return dup(iso ? time_local(iso, buf) : NULL, oom);
}

static char *printf_cell(int *oom, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *printf_cell(int *oom, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = str_vprintf(fmt, ap);
	va_end(ap);
	*oom |= s == NULL;
	return s;
}

/* summary */
static char *g_label(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->label, oom);
}
static char *g_value(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->value, oom);
}

/* survey */
static char *g_group(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->x->f->groups[s->l->group].label, oom);
}
static char *g_block(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->x->f->blocks[s->l->block].label, oom);
}
static char *g_item(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	const char *subject = form_line_subject(s->x->c, s->l);
	if (subject == NULL)
		return dup(s->l->item, oom);
	return printf_cell(oom, "%s: %s", s->l->item, subject);
}
static char *g_answer(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	for (int i = 0; i < s->ncells; i++) {
		const struct ex_cell *e = &s->cells[i];
		if (e->fc->column != c->arg)
			continue;
		if (!e->applies)
			return dup("-", oom);
		return dup(e->value == ANSWER_YES ? ANSWER_YES_MARK :
			   e->value == ANSWER_NO ? ANSWER_NO_MARK : NULL, oom);
	}
	return NULL;
}

/* countermeasures and actions */
static char *g_viewpoint(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	const struct cat_viewpoint *v = &s->x->c->viewpoints[s->cm->cm->viewpoint];
	return printf_cell(oom, "%s %s", v->id, v->label);
}
static char *g_cm_number(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->cm->cm->number, oom);
}
static char *g_cm_title(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->cm->cm->title, oom);
}
static char *g_derived(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->cm->derived ? _("yes") : _("no longer"), oom);
}
static char *g_decision(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->cm->decision == DECISION_NONE ? NULL : decision_label(s->cm->decision), oom);
}
static char *g_cm_note(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->cm->review ? s->cm->review->note : NULL, oom);
}
static char *g_cm_by(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->cm->review ? s->cm->review->changed_by : NULL, oom);
}
static char *g_cm_at(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return when(s->cm->review ? s->cm->review->changed_at : NULL, oom);
}

static char *g_reasons(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	char *r = export_reasons_text(s->x, s->cm);
	*oom |= r == NULL;
	if (r != NULL && r[0] == '\0') {
		free(r);
		return NULL;
	}
	return r;
}

static char *g_ac_key(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->ac->key, oom);
}
static char *g_ac_role(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->ac->role >= 0 ? s->x->c->exec_roles[s->ac->role].label : NULL, oom);
}
static char *g_ac_text(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->ac->text, oom);
}
static char *g_ac_state(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->ac->state == ACTION_NONE ? NULL : action_state_label(s->ac->state), oom);
}
static char *g_ac_note(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->ac->review ? s->ac->review->note : NULL, oom);
}
static char *g_ac_by(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->ac->review ? s->ac->review->changed_by : NULL, oom);
}
static char *g_ac_at(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return when(s->ac->review ? s->ac->review->changed_at : NULL, oom);
}

/* checklists, as the guideline's tables */
static char *g_number(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	/* with the Sub column (pattern_cols) a sub-item shows its parent's number */
	int sub = s->cl->pattern_refs && s->e->kind == ANNEX_SUB && s->parent != NULL;
	return dup(sub ? s->parent->number : s->e->number, oom);
}
static char *g_sub(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->e->kind == ANNEX_SUB ? s->e->number : NULL, oom);
}
static char *g_text(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->e->text, oom);
}
static char *g_level(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(export_level_mark(s->e->level), oom);
}
static char *g_eval(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->e->eval, oom);
}
/* The reference value of pattern ARG, "*" after one to be achieved. */
static char *g_ref(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	const char *v = s->e->refs[c->arg - 1];
	if (v == NULL)
		return NULL;
	return printf_cell(oom, "%s%s", v, s->e->required & (1u << (c->arg - 1)) ? "*" : "");
}
static char *g_check(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->ck && s->ck->status != CHECK_NONE ? check_status_label(s->ck->status) :
		   NULL, oom);
}
static char *g_ck_note(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->ck ? s->ck->note : NULL, oom);
}
static char *g_ck_by(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->ck ? s->ck->changed_by : NULL, oom);
}
static char *g_ck_at(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return when(s->ck ? s->ck->changed_at : NULL, oom);
}

/* owner, due date, evidence: of any row with them (xs_track) */
const struct tracking *xs_track(const struct xs_src *s)
{
	if (s->open != NULL)
		return s->open->track;
	if (s->ac != NULL)
		return s->ac->review ? &s->ac->review->track : NULL;
	if (s->cm != NULL)
		return s->cm->review ? &s->cm->review->track : NULL;
	return s->ck ? &s->ck->track : NULL;
}
static char *g_owner(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	const struct tracking *t = xs_track(s);
	return dup(t ? t->owner : NULL, oom);
}
static char *g_due(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	const struct tracking *t = xs_track(s);
	return dup(t ? t->due : NULL, oom);
}

/* The evidence of T after *OUT, one a line, PREFIX before each: "REF —
 * NOTE (sha256 0123456789abcdef…, N bytes)"; the hash's first 16 digits
 * tell files apart at a glance, the XML export has it whole. */
static int evidence_lines(char **out, const char *prefix, const struct tracking *t)
{
	for (size_t i = 0; *out != NULL && t != NULL && i < t->nevidence; i++) {
		const struct evidence *e = &t->evidence[i];
		char *hash = e->sha256 ? str_printf(" (sha256 %.16s\xe2\x80\xa6, %lld %s)", e->sha256,
						    e->size, _("bytes")) : strdup("");
		char *next = hash ? str_printf("%s%s%s%s%s%s%s", *out, (*out)[0] ? "\n" : "",
					       prefix, e->ref, e->note ? " \xe2\x80\x94 " : "",
					       e->note ? e->note : "", hash) : NULL;
		free(hash);
		free(*out);
		*out = next;
	}
	return *out == NULL ? -1 : 0;
}
static char *evidence_text(char *ev, int *oom)
{
	*oom |= ev == NULL;
	if (ev != NULL && ev[0] == '\0') {
		free(ev);
		return NULL;
	}
	return ev;
}
static char *g_evidence(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	char *ev = strdup("");
	if (ev != NULL)
		(void)evidence_lines(&ev, "", xs_track(s));
	return evidence_text(ev, oom);
}

/* open items */
static char *g_open_kind(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(export_open_kind_label(s->open->kind), oom);
}
static char *g_open_id(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->open->id, oom);
}
static char *g_open_key(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->open->key, oom);
}
static char *g_open_number(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->open->number, oom);
}
static char *g_open_text(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->open->text, oom);
}
static char *g_open_status(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(strcmp(s->open->status, "none") == 0 ? NULL : s->open->status_label, oom);
}
static char *g_open_by(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->open->changed_by, oom);
}
static char *g_open_at(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return when(s->open->changed_at, oom);
}

/* the crosswalk */
static char *g_xw_clause(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->xw->block->clause, oom);
}
static char *g_xw_cloud(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->xw->block->cloud ? "\xe2\x80\xbb" : NULL, oom);	/* ※ */
}
static char *g_xw_title(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->xw->block->title, oom);
}
static char *g_xw_item(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->xw->item->id, oom);
}
static char *g_xw_checklist(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->xw->checklist->name, oom);
}
static char *g_xw_status(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->xw->status == CHECK_NONE ? NULL : check_status_label(s->xw->status), oom);
}
static char *g_xw_subs(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return printf_cell(oom, "%zu", c->arg ? s->xw->subs : s->xw->subs_set);
}
static char *g_xw_note(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	return dup(s->xw->note, oom);
}
/* The evidence of the item and of its sub-items ("a: REF ..."), as the
 * notes are gathered (crosswalk.c). */
static char *g_xw_evidence(const struct xs_src *s, const struct xs_col *c, int *oom)
{
	const struct cat_annex *an = s->xw->checklist;
	const struct assessment *a = s->x->a;
	char *ev = strdup("");
	for (size_t i = s->xw->item->entry; ev != NULL && a != NULL && i < an->nentries; i++) {
		const struct cat_annex_entry *e = &an->entries[i];
		if (i > s->xw->item->entry && e->kind != ANNEX_SUB)
			break;
		const struct check_entry *ck = assessment_check(a, an->id, e->id);
		char *prefix = e->kind == ANNEX_SUB ? str_printf("%s: ", e->number) : strdup("");
		if (prefix == NULL) {
			free(ev);
			ev = NULL;
		} else {
			(void)evidence_lines(&ev, prefix, ck ? &ck->track : NULL);
		}
		free(prefix);
	}
	return evidence_text(ev, oom);
}

/* ---------- the sheets ---------- */

#define ID_COL { N_("Id"), -1, 14, XS_FIXED, NULL, 0 }
/* who does it by when (fill-in), and the evidence attached (read only) */
#define OWNER_DUE_EVIDENCE \
	{ N_("Owner"), -1, 14, XS_OWNER, g_owner, 0 }, \
	{ N_("Due"), -1, 12, XS_DUE, g_due, 0 }, \
	{ N_("Evidence"), -1, 36, XS_EVIDENCE, g_evidence, 0 }

static const struct xs_col summary_cols[] = {
	ID_COL,
	{ N_("Entry"), -1, 30, XS_FIXED, g_label, 0 },
	{ N_("Value"), -1, 80, XS_FIXED, g_value, 0 },
};
static const struct xs_col survey_cols[] = {
	ID_COL,
	{ N_("Group"), -1, 20, XS_FIXED, g_group, 0 },
	{ N_("Block"), -1, 28, XS_FIXED, g_block, 0 },
	{ N_("Survey item"), -1, 50, XS_FIXED, g_item, 0 },
	{ "A", -1, 6, XS_FIXED, g_answer, 0 },
	{ "B", -1, 6, XS_FIXED, g_answer, 1 },
	{ "C", -1, 6, XS_FIXED, g_answer, 2 },
};
static const struct xs_col cm_cols[] = {
	ID_COL,
	{ N_("Viewpoint"), -1, 16, XS_FIXED, g_viewpoint, 0 },
	{ N_("Number"), -1, 10, XS_FIXED, g_cm_number, 0 },
	{ N_("Countermeasure"), -1, 40, XS_FIXED, g_cm_title, 0 },
	{ N_("Derived"), -1, 10, XS_FIXED, g_derived, 0 },
	{ N_("Decision"), -1, 16, XS_DECISION, g_decision, 0 },
	{ N_("Note"), -1, 40, XS_NOTE, g_cm_note, 0 },
	OWNER_DUE_EVIDENCE,
	{ N_("Reasons"), -1, 50, XS_FIXED, g_reasons, 0 },
	{ N_("Changed by"), -1, 14, XS_BY, g_cm_by, 0 },
	{ N_("Changed at"), -1, 26, XS_AT, g_cm_at, 0 },
};
static const struct xs_col action_cols[] = {
	ID_COL,
	{ N_("Number"), -1, 10, XS_FIXED, g_cm_number, 0 },
	{ N_("Countermeasure"), -1, 30, XS_FIXED, g_cm_title, 0 },
	{ N_("Action"), -1, 7, XS_FIXED, g_ac_key, 0 },
	{ N_("Role"), -1, 14, XS_FIXED, g_ac_role, 0 },
	{ N_("Text"), -1, 60, XS_FIXED, g_ac_text, 0 },
	{ N_("State"), -1, 14, XS_ACTION, g_ac_state, 0 },
	{ N_("Note"), -1, 40, XS_NOTE, g_ac_note, 0 },
	OWNER_DUE_EVIDENCE,
	{ N_("Changed by"), -1, 14, XS_BY, g_ac_by, 0 },
	{ N_("Changed at"), -1, 26, XS_AT, g_ac_at, 0 },
};
static const struct xs_col checklist_cols[] = {
	ID_COL,
	{ N_("Number"), ACOL_NUMBER, 12, XS_FIXED, g_number, 0 },
	{ N_("Item"), ACOL_ITEM, 70, XS_FIXED, g_text, 0 },
	{ N_("Level"), ACOL_LEVEL, 6, XS_FIXED, g_level, 0 },
	{ N_("Check"), ACOL_CHECK, 14, XS_CHECK, g_check, 0 },
	{ N_("Note"), -1, 40, XS_NOTE, g_ck_note, 0 },
	OWNER_DUE_EVIDENCE,
	{ N_("Changed by"), -1, 14, XS_BY, g_ck_by, 0 },
	{ N_("Changed at"), -1, 26, XS_AT, g_ck_at, 0 },
};
/* a checklist with pattern reference values (Annex 2) */
static const struct xs_col pattern_cols[] = {
	ID_COL,
	{ N_("Number"), ACOL_NUMBER, 12, XS_FIXED, g_number, 0 },
	{ N_("Sub"), ACOL_EVAL_NUMBER, 6, XS_FIXED, g_sub, 0 },
	{ N_("Item"), ACOL_ITEM, 50, XS_FIXED, g_text, 0 },
	{ N_("Level"), ACOL_LEVEL, 6, XS_FIXED, g_level, 0 },
	{ N_("Evaluation item"), ACOL_EVAL, 30, XS_FIXED, g_eval, 0 },
	{ N_("Pattern %d"), -1, 9, XS_FIXED, g_ref, 1 },
	{ N_("Pattern %d"), -1, 9, XS_FIXED, g_ref, 2 },
	{ N_("Pattern %d"), -1, 9, XS_FIXED, g_ref, 3 },
	{ N_("Pattern %d"), -1, 9, XS_FIXED, g_ref, 4 },
	{ N_("Pattern %d"), -1, 9, XS_FIXED, g_ref, 5 },
	{ N_("Pattern %d"), -1, 9, XS_FIXED, g_ref, 6 },
	{ N_("Check"), ACOL_CHECK, 14, XS_CHECK, g_check, 0 },
	{ N_("Note"), -1, 40, XS_NOTE, g_ck_note, 0 },
	OWNER_DUE_EVIDENCE,
	{ N_("Changed by"), -1, 14, XS_BY, g_ck_by, 0 },
	{ N_("Changed at"), -1, 26, XS_AT, g_ck_at, 0 },
};

/* the open items: every open countermeasure, action and checklist item,
 * overdue first (export_open.c); the status list is the row's own */
static const struct xs_col open_cols[] = {
	ID_COL,
	{ N_("Kind"), -1, 12, XS_FIXED, g_open_kind, 0 },
	{ N_("Id"), -1, 12, XS_FIXED, g_open_id, 0 },
	{ N_("Item"), -1, 12, XS_FIXED, g_open_key, 0 },
	{ N_("Number"), -1, 12, XS_FIXED, g_open_number, 0 },
	{ N_("Text"), -1, 50, XS_FIXED, g_open_text, 0 },
	{ N_("Status"), -1, 14, XS_STATUS, g_open_status, 0 },
	OWNER_DUE_EVIDENCE,
	{ N_("Changed by"), -1, 14, XS_BY, g_open_by, 0 },
	{ N_("Changed at"), -1, 26, XS_AT, g_open_at, 0 },
};
/* the crosswalk: one row per (ISO/IEC 27002 clause, item), as the CSV.
 * Read only, by choice: an item stands under several clauses (II.2.1.1
 * under 6.1, 6.1.1 and 6.1.2), so an editable status would be one value
 * in several cells that can be made to disagree, and an item with
 * sub-items shows their common status, which names no one sub-item to
 * set.  Status and notes are filled in on the item's checklist, where
 * each has one cell; import-checks reports any crosswalk cell changed. */
static const struct xs_col crosswalk_cols[] = {
	ID_COL,
	{ N_("Clause"), -1, 9, XS_FIXED, g_xw_clause, 0 },
	{ N_("Added by the guideline"), -1, 8, XS_FIXED, g_xw_cloud, 0 },
	{ N_("Clause title"), -1, 30, XS_FIXED, g_xw_title, 0 },
	{ N_("Item"), -1, 12, XS_FIXED, g_xw_item, 0 },
	{ N_("Checklist"), -1, 14, XS_FIXED, g_xw_checklist, 0 },
	{ N_("Check"), -1, 14, XS_FIXED, g_xw_status, 0 },
	{ N_("Sub-items checked"), -1, 9, XS_FIXED, g_xw_subs, 0 },
	{ N_("Sub-items"), -1, 9, XS_FIXED, g_xw_subs, 1 },
	{ N_("Note"), -1, 40, XS_FIXED, g_xw_note, 0 },
	{ N_("Evidence"), -1, 36, XS_FIXED, g_xw_evidence, 0 },
};

#define SHEET(key, name, cols, compared) \
	{ key, name, cols, (int)(sizeof cols / sizeof cols[0]), compared }
static const struct xs_sheet_def fixed_sheets[XS_CHECKLISTS] = {
	[XS_SUMMARY] = SHEET("summary", N_("Summary"), summary_cols, 0),
	[XS_SURVEY] = SHEET("survey", N_("Survey"), survey_cols, 1),
	[XS_CMS] = SHEET("countermeasures", N_("Countermeasures"), cm_cols, 1),
	[XS_ACTIONS] = SHEET("actions", N_("Actions"), action_cols, 1),
	[XS_OPEN] = SHEET("open", N_("Open items"), open_cols, 1),
	[XS_CROSSWALK] = SHEET("crosswalk", N_("Crosswalk"), crosswalk_cols, 1),
};
/* key and name come from the checklist (xs_key, xs_name) */
static const struct xs_sheet_def checklist_sheet = SHEET(NULL, NULL, checklist_cols, 1);
static const struct xs_sheet_def pattern_sheet = SHEET(NULL, NULL, pattern_cols, 1);

int xs_nsheets(const struct catalog *c)
{
	return XS_CHECKLISTS + (int)c->n_checklists;
}

const struct cat_annex *xs_checklist(const struct catalog *c, int s)
{
	return s >= XS_CHECKLISTS && s < xs_nsheets(c) ? &c->checklists[s - XS_CHECKLISTS] : NULL;
}

const struct xs_sheet_def *xs_def(const struct catalog *c, int s)
{
	if (s >= 0 && s < XS_CHECKLISTS)
		return &fixed_sheets[s];
	const struct cat_annex *cl = xs_checklist(c, s);
	return cl == NULL ? NULL : cl->pattern_refs ? &pattern_sheet : &checklist_sheet;
}

const char *xs_key(const struct catalog *c, int s)
{
	const struct cat_annex *cl = xs_checklist(c, s);
	return cl ? cl->id : s >= 0 && s < XS_CHECKLISTS ? fixed_sheets[s].key : "?";
}

const char *xs_name(const struct catalog *c, int s)
{
	const struct cat_annex *cl = xs_checklist(c, s);
	return cl ? cl->name : s >= 0 && s < XS_CHECKLISTS ? _(fixed_sheets[s].name) : "?";
}

int xs_holds(const struct ex_ctx *x, int s)
{
	enum export_what w = x->o->what;
	switch (s) {
	case XS_SUMMARY:
		return 1;
	case XS_SURVEY:
		return w == EXPORT_ASSESSMENT;
	case XS_CMS:
	case XS_ACTIONS:
		return w == EXPORT_ASSESSMENT || w == EXPORT_COUNTERMEASURES;
	case XS_OPEN:
		return w == EXPORT_OPEN;
	case XS_CROSSWALK:
		return w == EXPORT_CROSSWALK;
	default: {
		const struct cat_annex *cl = xs_checklist(x->c, s);
		return cl != NULL && export_holds(x, cl);
	}
	}
}

char *xs_heading(const struct ex_ctx *x, int s, const struct xs_col *c)
{
	const struct cat_annex *cl = xs_checklist(x->c, s);
	const char *printed = c->acol >= 0 && cl != NULL ? cl->columns[c->acol] : NULL;
	if (printed != NULL)
		return strdup(printed);
	if (c->get == g_ref)
		return c->arg == x->pattern ? str_printf(_("Pattern %d (this service)"), c->arg) :
			str_printf(_("Pattern %d"), c->arg);
	return strdup(_(c->heading));
}

/* ---------- lists ---------- */

int xs_list(enum xs_kind k, const char *ids[8], const char *labels[8])
{
	int n = 0;
	switch (k) {
	case XS_CHECK:
		for (int i = 1; i < N_CHECK_STATUSES; i++, n++) {
			ids[n] = check_status_id((enum check_status)i);
			labels[n] = check_status_label((enum check_status)i);
		}
		return n;
	case XS_DECISION:
		for (int i = 1; i < N_DECISIONS; i++, n++) {
			ids[n] = decision_id((enum decision)i);
			labels[n] = decision_label((enum decision)i);
		}
		return n;
	case XS_ACTION:
		for (int i = 1; i < N_ACTION_STATES; i++, n++) {
			ids[n] = action_state_id((enum action_state)i);
			labels[n] = action_state_label((enum action_state)i);
		}
		return n;
	default:
		return 0;
	}
}

enum xs_kind xs_list_kind(const struct xs_src *s, enum xs_kind k)
{
	if (k != XS_STATUS)
		return k;
	if (s->open == NULL)
		return XS_FIXED;
	return s->open->kind == OPEN_CM ? XS_DECISION : s->open->kind == OPEN_ACTION ?
		XS_ACTION : XS_CHECK;
}

const char *xs_value_id(const struct xs_src *s, enum xs_kind k)
{
	if (k == XS_STATUS)
		return s->open ? s->open->status : NULL;
	switch (k) {
	case XS_CHECK:
		return check_status_id(s->ck ? s->ck->status : CHECK_NONE);
	case XS_DECISION:
		return decision_id(s->cm->decision);
	case XS_ACTION:
		return action_state_id(s->ac->state);
	default:
		return NULL;
	}
}

/* ---------- rows ---------- */

static int emit_row(struct ex_ctx *x, int sheet, const char *id, const struct xs_src *src,
		    int section, int editable, int overdue)
{
	const struct xs_sheet_def *sd = xs_def(x->c, sheet);
	char **cells = calloc((size_t)sd->ncols, sizeof *cells);
	int oom = cells == NULL, rc = -1;
	for (int i = 1; !oom && i < sd->ncols; i++)
		cells[i] = sd->cols[i].get(src, &sd->cols[i], &oom);
	if (!oom) {
		struct xs_row r = { sheet, id, cells, src, section, editable, overdue };
		rc = ((struct xs_state *)x->state)->row(x, &r);
	} else {
		diag_set(x->d, "out of memory");
	}
	for (int i = 0; cells != NULL && i < sd->ncols; i++)
		free(cells[i]);
	free(cells);
	return rc;
}

static int emit(struct ex_ctx *x, int sheet, const char *id, const struct xs_src *src,
		int section, int editable)
{
	return emit_row(x, sheet, id, src, section, editable, 0);
}

static int summary_row(struct ex_ctx *x, const char *id, const char *label, const char *value)
{
	struct xs_src s = { .x = x, .label = label, .value = value };
	return emit(x, XS_SUMMARY, id, &s, 0, 0);
}

int xs_details(struct ex_ctx *x)
{
	const struct survey *sv = x->a->survey;
	int rc = summary_row(x, "kind", _("Export"), x->kind);
	for (int k = 0; k < N_DETAILS && rc == 0; k++)
		rc = summary_row(x, survey_detail_id((enum detail)k), _(survey_detail_info((enum detail)k)->label),
				 sv->details[k]);
	return rc;
}

int xs_line(struct ex_ctx *x, const struct form_line *l, const struct ex_cell *cells, int n)
{
	char id[32];
	snprintf(id, sizeof id, "line-%zu", (size_t)(l - x->f->lines) + 1);
	struct xs_src s = { .x = x, .l = l, .cells = cells, .ncells = n };
	return emit(x, XS_SURVEY, id, &s, 0, 0);
}

int xs_cm(struct ex_ctx *x, const struct ex_cm *cm)
{
	struct xs_src s = { .x = x, .cm = cm };
	if (emit(x, XS_CMS, cm->id, &s, 0, 1) < 0)
		return -1;
	for (size_t i = 0; i < cm->nactions; i++) {
		char *id = str_printf("%s#%s", cm->id, cm->actions[i].key);
		s.ac = &cm->actions[i];
		int rc = id ? emit(x, XS_ACTIONS, id, &s, 0, 1) : -1;
		if (id == NULL)
			diag_set(x->d, "out of memory");
		free(id);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int xs_entry(struct ex_ctx *x, const struct cat_annex *cl, const struct cat_annex_entry *e,
	     const struct cat_annex_entry *parent, const struct check_entry *ck)
{
	struct xs_src s = { .x = x, .cl = cl, .e = e, .parent = parent, .ck = ck };
	return emit(x, XS_CHECKLISTS + (int)(cl - x->c->checklists), e->id, &s,
		    e->kind == ANNEX_SECTION, e->checkable);
}

/* A checklist's summary row: "Annex 1 items checked", "12 of 84". */
static int checklist_row(struct ex_ctx *x, const struct cat_annex *cl)
{
	const struct ex_annex_sum *cs = export_sum_of(x, cl);
	char *label = str_printf(_("%s items checked"), cl->name);
	char *value = str_printf(_("%zu of %zu"), cs->done, cs->items);
	int rc = label && value ? summary_row(x, cl->id, label, value) : -1;
	if (label == NULL || value == NULL)
		diag_set(x->d, "out of memory");
	free(label);
	free(value);
	return rc;
}

/* The summary's figures (the walk's, as every format shows them). */
int xs_summary(struct ex_ctx *x)
{
	const struct ex_summary *s = &x->sum;
	char at[TIME_LOCAL_SIZE];
	char *v[4] = { NULL };
	v[0] = str_printf("%s %s, %s %d (%s)", x->c->title, x->c->edition, _("data revision"),
			  x->c->revision, x->c->hash);
	v[1] = x->pattern > 0 ? str_printf("%d", x->pattern) : strdup("-");
	v[2] = str_printf(_("%zu of %zu"), s->answered, s->cells);
	v[3] = str_printf(_("%zu derived, %zu reviewed, %zu no longer derived"),
			  s->derived, s->reviewed, s->dropped);
	int rc = 0;
	for (int i = 0; i < 4; i++)
		if (v[i] == NULL)
			rc = -1;
	if (rc < 0)
		diag_set(x->d, "out of memory");
	if (rc == 0)
		rc = summary_row(x, "generated", _("Exported"),
				 time_local(x->generated_at, at));
	if (rc == 0)
		rc = summary_row(x, "catalog", _("Catalog"), v[0]);
	if (rc == 0)
		rc = summary_row(x, "pattern", _("Annex 3 pattern"), v[1]);
	if (rc == 0)
		rc = summary_row(x, "answered", _("Survey cells answered"), v[2]);
	if (rc == 0)
		rc = summary_row(x, "countermeasures", _("Countermeasures"), v[3]);
	for (size_t i = 0; rc == 0 && i < x->c->n_checklists; i++)
		rc = checklist_row(x, &x->c->checklists[i]);
	for (int i = 0; i < 4; i++)
		free(v[i]);
	return rc;
}

/* An open item's row; its id says what it is: "countermeasure:B-61",
 * "action:B-61#1", "check:annex1:II.1.1.1". */
int xs_open_item(struct ex_ctx *x, const struct ex_open *o)
{
	struct xs_src s = { .x = x, .open = o };
	char *id = o->kind == OPEN_CM ? str_printf("%s:%s", export_open_kind_id(o->kind), o->id) :
		str_printf("%s:%s%s%s", export_open_kind_id(o->kind), o->id,
			   o->kind == OPEN_ACTION ? "#" : ":", o->key);
	if (id == NULL) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	int rc = emit_row(x, XS_OPEN, id, &s, 0, 1, o->overdue);
	free(id);
	return rc;
}

/* A crosswalk row, "6.1.1 II.2.1.1": the tie is unique. */
int xs_crosswalk_row(struct ex_ctx *x, const struct crosswalk_row *r)
{
	struct xs_src s = { .x = x, .xw = r };
	char *id = str_printf("%s %s", r->block->clause, r->item->id);
	if (id == NULL) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	int rc = emit(x, XS_CROSSWALK, id, &s, 0, 0);
	free(id);
	return rc;
}
