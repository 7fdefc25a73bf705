/* export_walk.c - the one walk over an assessment behind every export:
 * the Fig. 16 survey (IV.4.1.2), the derived countermeasures with their
 * reasons (IV.4.1.3, IV.4.3) and review, the Annex 1/2 checklists and
 * the summary.  Writers only format what this walk hands them. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export_walk.h"
#include "i18n.h"
#include "text.h"

#define HOOK(w, h, ...) ((w)->h == NULL ? 0 : (w)->h(__VA_ARGS__))

const struct cat_gitem *export_entry_guidance(const struct ex_ctx *x, const struct cat_annex *cl,
					      const struct cat_annex_entry *e)
{
	if (e->kind != ANNEX_ITEM || x->c->guidance == NULL)
		return NULL;
	const struct cat_gitem *it = guidance_item(x->c, e->id);
	return it != NULL && &x->c->checklists[it->checklist] == cl ? it : NULL;
}

int export_paragraphs(struct ex_ctx *x, const char *s,
		      int (*put)(struct ex_ctx *x, const char *one, void *arg), void *arg)
{
	int rc = 0;
	for (const char *p = s; p != NULL && rc == 0; ) {
		const char *nl = strchr(p, '\n');
		char *one = nl ? strndup(p, (size_t)(nl - p)) : NULL;
		if (nl != NULL && one == NULL) {
			diag_set(x->d, "out of memory");
			return -1;
		}
		rc = put(x, one ? one : p, arg);
		free(one);
		p = nl ? nl + 1 : NULL;
	}
	return rc;
}

/* The ※ after a cloud addition, as the guideline marks it (（※）). */
char *export_iso_clauses(const struct ex_ctx *x, const struct cat_gitem *it)
{
	size_t len = 1;
	for (size_t i = 0; i < it->nblocks; i++)
		len += strlen(guidance_item_block(x->c, it, i)->clause) + sizeof "\xe2\x80\xbb, ";
	char *s = malloc(len), *p = s;
	if (s == NULL) {
		diag_set(x->d, "out of memory");
		return NULL;
	}
	*p = '\0';
	for (size_t i = 0; i < it->nblocks; i++) {
		const struct cat_block *b = guidance_item_block(x->c, it, i);
		p += sprintf(p, "%s%s%s", i ? ", " : "", b->clause, b->cloud ? "\xe2\x80\xbb" : "");
	}
	return s;
}

const char *export_level_id(enum level l)
{
	return l == LEVEL_BASIC ? "basic" : l == LEVEL_RECOMMENDED ? "recommended" : "";
}

/* Annex 2's legend: 基本 ●, 推奨 ★ (Annex 1 uses the same marks). */
const char *export_level_mark(enum level l)
{
	return l == LEVEL_BASIC ? "\xe2\x97\x8f" : l == LEVEL_RECOMMENDED ? "\xe2\x98\x85" : "";
}

/* The reasons, one a line: "B1 IoT 機器 › category › risk". */
char *export_reasons_text(const struct ex_ctx *x, const struct ex_cm *e)
{
	char *out = strdup("");
	for (size_t i = 0; e->derived && out && i < e->derived->nreasons; i++) {
		const struct reason *r = &e->derived->reasons[i];
		const struct cat_trigger *t = r->row ? &r->row->trigger : &e->cm->listed;
		char *trig = catalog_trigger_label(x->c, t);
		char *n = trig == NULL ? NULL : r->row ?
			str_printf("%s%s%s %s \xe2\x80\xba %s \xe2\x80\xba %s", out, i ? "\n" : "",
				   catalog_map_id(r->map), trig, r->row->category, r->row->risk) :
			str_printf("%s%s%s %s (IV.5)", out, i ? "\n" : "",
				   catalog_map_id(r->map), trig);
		free(trig);
		free(out);
		out = n;
	}
	if (out == NULL)
		diag_set(x->d, "out of memory");
	return out;
}

/* ---------- text that XML 1.0 (and so HTML) can hold ---------- */

static int xml_char(unsigned long c)
{
	return c == 0x9 || c == 0xa || c == 0xd || (c >= 0x20 && c <= 0xd7ff) ||
	       (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
}

int export_text_ok(const char *s, const char *what, struct diag *d)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p != '\0') {
		if (*p >= 0x20 && *p < 0x80) {	/* ASCII text: the common case */
			p++;
			continue;
		}
		unsigned long cp = 0;
		size_t n = text_utf8_next((const char *)p, &cp);
		if (n == 0) {
			diag_set(d, "%s: not valid UTF-8 at byte %zu", what,
				 (size_t)(p - (const unsigned char *)s));
			return -1;
		}
		if (!xml_char(cp)) {
			diag_set(d, "%s: holds the control character U+%04lX, which an XML "
				 "or HTML file cannot carry; remove it", what, cp);
			return -1;
		}
		p += n;
	}
	return 0;
}

/* ---------- countermeasures ---------- */

static int action_role(const struct catalog *c, const char *key)
{
	const char *dot = strchr(key, '.');
	if (dot == NULL || dot - key != 1)
		return -1;
	char role[2] = { key[0], '\0' };
	return catalog_exec_role_index(c, role);
}

/* Every action of the catalog in order, with its state; an action review
 * whose key the catalog does not know is refused. */
static int fill_actions(struct ex_ctx *x, struct ex_cm *e)
{
	char **keys = NULL;
	int n = action_keys(e->cm, &keys);
	if (n < 0) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	e->actions = calloc(n > 0 ? (size_t)n : 1, sizeof *e->actions);
	if (e->actions == NULL) {
		action_keys_free(keys, n);
		diag_set(x->d, "out of memory");
		return -1;
	}
	e->nactions = (size_t)n;
	e->keys = keys;
	for (int i = 0; i < n; i++) {
		struct ex_action *ac = &e->actions[i];
		ac->key = keys[i];
		ac->text = action_text(e->cm, keys[i]);
		ac->review = assessment_action(x->a, e->id, keys[i]);
		ac->role = action_role(x->c, keys[i]);
		ac->state = ac->review ? ac->review->state : ACTION_NONE;
	}
	if (e->review == NULL)
		return 0;
	for (size_t i = 0; i < e->review->nactions; i++) {
		const char *key = e->review->actions[i].key;
		if (action_text(e->cm, key) == NULL) {
			diag_set(x->d, "review of %s: action '%s' is not in catalog revision %d",
				 e->id, key, x->c->revision);
			return -1;
		}
	}
	return 0;
}

static int add_cm(struct ex_ctx *x, const struct cat_cm *cm, const struct derived *dv)
{
	struct ex_cm *e = &x->cms[x->ncms++];
	e->id = cm->id;
	e->cm = cm;
	e->derived = dv;
	e->review = assessment_review(x->a, cm->id);
	e->decision = e->review ? e->review->decision : DECISION_NONE;
	return fill_actions(x, e);
}

/* Derived ones in derivation order; then reviews of countermeasures no
 * longer derived, in catalog order, kept so no decision is lost. */
static int gather_cms(struct ex_ctx *x)
{
	const struct assessment *a = x->a;
	for (size_t i = 0; i < a->nreviews; i++)
		if (catalog_cm_index(x->c, a->reviews[i].cm) < 0) {
			diag_set(x->d, "review of %s: no such countermeasure in catalog revision %d",
				 a->reviews[i].cm, x->c->revision);
			return -1;
		}
	x->cms = calloc(x->dv->nitems + a->nreviews + 1, sizeof *x->cms);
	if (x->cms == NULL) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < x->dv->nitems; i++)
		if (add_cm(x, &x->c->cms[x->dv->items[i].cm], &x->dv->items[i]) < 0)
			return -1;
	for (size_t i = 0; i < x->c->ncms; i++) {
		const struct cm_review *r = assessment_review(a, x->c->cms[i].id);
		if (r != NULL && derivation_find(x->dv, (int)i) == NULL &&
		    assessment_review_written(r) && add_cm(x, &x->c->cms[i], NULL) < 0)
			return -1;
	}
	return 0;
}

/* ---------- the summary ---------- */

/* The totals are the core's (the figures the screens and the store
 * show); the walk adds only the breakdowns by viewpoint and state. */
static void count_cms(struct ex_ctx *x)
{
	struct ex_summary *s = &x->sum;
	struct assessment_progress p;
	assessment_progress_with(x->a, x->c, x->dv, &p);
	s->answered = p.answered;
	s->cells = p.cells;
	s->derived = p.derived;
	s->reviewed = p.reviewed;
	s->dropped = p.dropped;
	for (size_t i = 0; i < x->ncms; i++) {
		const struct ex_cm *e = &x->cms[i];
		if (e->derived == NULL)
			continue;
		int vp = e->cm->viewpoint;
		s->per_vp[vp]++;
		s->by_decision[e->decision]++;
		if (e->decision != DECISION_NONE)
			s->reviewed_vp[vp]++;
		for (size_t k = 0; k < e->nactions; k++)
			s->by_state[e->actions[k].state]++;
	}
}

static int count_annex(struct ex_ctx *x, size_t k)
{
	const struct cat_annex *an = &x->c->checklists[k];
	struct ex_annex_sum *s = &x->sum.checklists[k];
	s->sec_items = calloc(an->nentries + 1, sizeof *s->sec_items);
	s->sec_done = calloc(an->nentries + 1, sizeof *s->sec_done);
	s->sec_status = calloc(an->nentries + 1, sizeof *s->sec_status);
	if (s->sec_items == NULL || s->sec_done == NULL || s->sec_status == NULL) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < an->nentries; i++) {
		const struct cat_annex_entry *e = &an->entries[i];
		if (!e->checkable)
			continue;
		const struct check_entry *ck = assessment_check(x->a, an->id, e->id);
		enum check_status st = ck ? ck->status : CHECK_NONE;
		s->items++;
		s->by_status[st]++;
		s->sec_items[e->section]++;
		s->sec_status[e->section][st]++;
		if (st != CHECK_NONE) {
			s->done++;
			s->sec_done[e->section]++;
		}
	}
	return 0;
}

static int check_items_known(struct ex_ctx *x)
{
	for (size_t i = 0; i < x->a->nchecks; i++) {
		const struct check_entry *ck = &x->a->checks[i];
		if (catalog_item_index(catalog_checklist(x->c, ck->checklist), ck->item) < 0) {
			diag_set(x->d, "check of %s item %s: not in catalog revision %d",
				 ck->checklist, ck->item, x->c->revision);
			return -1;
		}
	}
	return 0;
}

/* The checklist an EXPORT_CHECKLIST names, and the summaries' room. */
static int checklists_prepare(struct ex_ctx *x)
{
	if (x->o->what == EXPORT_CHECKLIST &&
	    (x->only = catalog_checklist(x->c, x->o->checklist)) == NULL) {
		diag_set(x->d, _("the catalog has no checklist '%s'"),
			 x->o->checklist ? x->o->checklist : "");
		return -1;
	}
	x->sum.checklists = calloc(x->c->n_checklists + 1, sizeof *x->sum.checklists);
	if (x->sum.checklists == NULL) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	for (size_t k = 0; k < x->c->n_checklists; k++)
		if (count_annex(x, k) < 0)
			return -1;
	return 0;
}

int export_holds(const struct ex_ctx *x, const struct cat_annex *cl)
{
	return x->o->what == EXPORT_ASSESSMENT ||
		(x->o->what == EXPORT_CHECKLIST && x->only == cl);
}

const struct ex_annex_sum *export_sum_of(const struct ex_ctx *x, const struct cat_annex *cl)
{
	return &x->sum.checklists[cl - x->c->checklists];
}

int export_prepare(struct ex_ctx *x)
{
	if (x->a == NULL || x->a->survey == NULL) {
		diag_set(x->d, "nothing to export");
		return -1;
	}
	x->dv = derive(x->c, x->a->survey);
	if (x->dv == NULL) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	x->pattern = survey_pattern(x->a->survey);
	if (gather_cms(x) < 0 || check_items_known(x) < 0 || checklists_prepare(x) < 0)
		return -1;
	count_cms(x);
	return x->o->what == EXPORT_OPEN ? export_open_prepare(x) : 0;
}

void export_release(struct ex_ctx *x)
{
	for (size_t i = 0; i < x->ncms; i++) {
		action_keys_free(x->cms[i].keys, (int)x->cms[i].nactions);
		free(x->cms[i].actions);
	}
	free(x->cms);
	for (size_t k = 0; x->sum.checklists != NULL && k < x->c->n_checklists; k++) {
		free(x->sum.checklists[k].sec_items);
		free(x->sum.checklists[k].sec_done);
		free(x->sum.checklists[k].sec_status);
	}
	free(x->sum.checklists);
	x->sum.checklists = NULL;
	free(x->open);
	x->open = NULL;
	x->nopen = 0;
	derivation_free(x->dv);
	x->cms = NULL;
	x->ncms = 0;
	x->dv = NULL;
}

/* ---------- the walk ---------- */

static int walk_line(struct ex_ctx *x, const struct ex_writer *w, const struct form_line *l)
{
	const struct form *f = x->f;
	const enum answer *ans = x->a->survey->answers;
	struct ex_cell cells[3];
	int n = l->ncells < 3 ? l->ncells : 3;
	for (int i = 0; i < n; i++) {
		const struct form_cell *fc = &l->cells[i];
		struct ex_cell *c = &cells[i];
		c->fc = fc;
		c->needs = fc->needs >= 0 ? f->cells[fc->needs].id : NULL;
		c->applies = fc->needs < 0 || ans[fc->needs] == ANSWER_YES;
		if (fc->type == FCELL_FIXED) {
			c->id = fc->fixed_id;
			c->value = ANSWER_YES;
		} else {
			c->id = f->cells[fc->cell].id;
			c->value = ans[fc->cell];
		}
	}
	return HOOK(w, line, x, l, cells, n);
}

static int walk_survey(struct ex_ctx *x, const struct ex_writer *w)
{
	const struct form *f = x->f;
	if (HOOK(w, survey_begin, x) < 0)
		return -1;
	for (size_t g = 0; g < f->ngroups; g++) {
		if (HOOK(w, group, x, &f->groups[g], 1) < 0)
			return -1;
		for (size_t b = 0; b < f->nblocks; b++) {
			const struct form_block *blk = &f->blocks[b];
			if (blk->group != (int)g)
				continue;
			if (HOOK(w, block, x, blk, 1) < 0)
				return -1;
			for (size_t i = blk->first; i < blk->first + blk->nlines; i++)
				if (walk_line(x, w, &f->lines[i]) < 0)
					return -1;
			if (HOOK(w, block, x, blk, 0) < 0)
				return -1;
		}
		if (HOOK(w, group, x, &f->groups[g], 0) < 0)
			return -1;
	}
	return HOOK(w, survey_end, x);
}

static int walk_cms(struct ex_ctx *x, const struct ex_writer *w)
{
	if (HOOK(w, cms_begin, x) < 0)
		return -1;
	for (size_t i = 0; i < x->ncms; i++)
		if (HOOK(w, cm, x, &x->cms[i]) < 0)
			return -1;
	return HOOK(w, cms_end, x);
}

static int walk_checklist(struct ex_ctx *x, const struct ex_writer *w,
			  const struct cat_annex *an)
{
	if (HOOK(w, checklist_begin, x, an) < 0)
		return -1;
	const struct cat_annex_entry *parent = NULL;
	for (size_t i = 0; i < an->nentries; i++) {
		const struct cat_annex_entry *e = &an->entries[i];
		if (e->kind == ANNEX_ITEM)
			parent = e;
		const struct check_entry *ck = e->checkable && !x->o->blank ?
			assessment_check(x->a, an->id, e->id) : NULL;
		if (HOOK(w, entry, x, an, e, e->kind == ANNEX_SUB ? parent : NULL, ck) < 0)
			return -1;
	}
	return HOOK(w, checklist_end, x, an);
}

/* The rows of crosswalk.h, clause by clause; a catalog without the
 * guidance parts has none to give. */
static int walk_crosswalk(struct ex_ctx *x, const struct ex_writer *w)
{
	struct crosswalk_row *rows;
	size_t n;
	if (x->c->guidance == NULL) {
		diag_set(x->d, "the catalog holds no guidance parts (guidance-II.xml, "
			 "guidance-III.xml): there is no crosswalk to export");
		return -1;
	}
	if (crosswalk_build(x->c, x->a, &rows, &n) < 0) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	int rc = HOOK(w, crosswalk_begin, x);
	for (size_t i = 0; i < n && rc == 0; i++)
		rc = HOOK(w, crosswalk_row, x, &rows[i]);
	if (rc == 0)
		rc = HOOK(w, crosswalk_end, x);
	crosswalk_free(rows, n);
	return rc;
}

static int walk(struct ex_ctx *x, const struct ex_writer *w)
{
	enum export_what what = x->o->what;
	if (HOOK(w, begin, x) < 0 || HOOK(w, details, x) < 0)
		return -1;
	if (what == EXPORT_ASSESSMENT && walk_survey(x, w) < 0)
		return -1;
	if ((what == EXPORT_ASSESSMENT || what == EXPORT_COUNTERMEASURES) && walk_cms(x, w) < 0)
		return -1;
	for (size_t i = 0; what == EXPORT_OPEN && i < x->nopen; i++)
		if (HOOK(w, open_item, x, &x->open[i]) < 0)
			return -1;
	for (size_t k = 0; k < x->c->n_checklists; k++)
		if (export_holds(x, &x->c->checklists[k]) &&
		    walk_checklist(x, w, &x->c->checklists[k]) < 0)
			return -1;
	if (what == EXPORT_CROSSWALK && walk_crosswalk(x, w) < 0)
		return -1;
	if (HOOK(w, summary, x) < 0)
		return -1;
	return HOOK(w, end, x);
}

int export_walk(struct ex_ctx *x, const struct ex_writer *w)
{
	x->state = w->state_size > 0 ? calloc(1, w->state_size) : NULL;
	if (w->state_size > 0 && x->state == NULL) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	int rc = walk(x, w);
	if (w->release != NULL)
		w->release(x);
	free(x->state);
	x->state = NULL;
	return rc;
}

void export_escape(FILE *out, const char *s, const char *special)
{
	for (const char *p = s; *p != '\0';) {
		size_t run = strcspn(p, special);
		fwrite(p, 1, run, out);
		p += run;
		if (*p == '\0')
			break;
		switch (*p++) {
		case '&': fputs("&amp;", out); break;
		case '<': fputs("&lt;", out); break;
		case '>': fputs("&gt;", out); break;
		case '"': fputs("&quot;", out); break;
		case '\'': fputs("&#39;", out); break;
		case '\r': fputs("&#13;", out); break;
		case '\t': fputs("&#9;", out); break;
		default: fputs("&#10;", out); break;
		}
	}
}
