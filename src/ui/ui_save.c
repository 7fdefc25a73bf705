/* ui_save.c - every change goes to the store at once, one transaction
 * each (store.h); only after the store said yes does the screen say
 * "saved".  A change the store refuses is kept in memory and on screen,
 * marked NOT SAVED and tried again with the next change and at quit
 * (reliability.md: keep the answer in memory and say so). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_save.h"
#include "ui_model.h"

/* ---------- applying a change in memory ---------- */

static const char *note_of_review(const struct assessment *a, const char *cm)
{
	const struct cm_review *r = assessment_review(a, cm);
	return r ? r->note : NULL;
}

/* The tracking a change of owner, due date or evidence is made on:
 * P->n its kind (store.h track_kind), P->a and P->b its keys. */
static struct tracking *track_of(struct assessment *a, const struct ui_pending *p)
{
	switch ((enum track_kind)p->n) {
	case TRACK_REVIEW: return assessment_review_track(a, p->a);
	case TRACK_ACTION: return assessment_action_track(a, p->a, p->b);
	case TRACK_CHECK: return assessment_check_track(a, p->a, p->b);
	default: return NULL;
	}
}

static int apply_track(struct ui *u, const struct ui_pending *p, struct diag *d)
{
	struct tracking *t = track_of(u->a, p);
	if (t == NULL) {
		diag_set(d, "%s", _("out of memory"));
		return -1;
	}
	switch (p->kind) {
	case PEND_OWNER: return tracking_set(t, p->value, t->due, d);
	case PEND_DUE: return tracking_set(t, t->owner, p->value, d);
	case PEND_EVIDENCE: return tracking_add_evidence(t, &p->ev, d);
	default:
		tracking_remove_evidence(t, p->value);	/* gone already: nothing to do */
		return 0;
	}
}

static int apply(struct ui *u, const struct ui_pending *p, struct diag *d)
{
	struct assessment *a = u->a;
	const struct cm_review *r;
	const struct action_review *x;
	const struct check_entry *c;
	switch (p->kind) {
	case PEND_ANSWER:
		a->survey->answers[p->n] = (enum answer)p->state;
		return 0;
	case PEND_DETAIL:
		return survey_set_detail(a->survey, (enum detail)p->n, p->value, d);
	case PEND_DECISION:
		return assessment_set_decision(a, p->a, (enum decision)p->state,
					       note_of_review(a, p->a), d);
	case PEND_REVIEW_NOTE:
		r = assessment_review(a, p->a);
		return assessment_set_decision(a, p->a, r ? r->decision : DECISION_NONE,
					       p->value, d);
	case PEND_ACTION:
		x = assessment_action(a, p->a, p->b);
		return assessment_set_action(a, p->a, p->b, (enum action_state)p->state,
					     x ? x->note : NULL, d);
	case PEND_ACTION_NOTE:
		x = assessment_action(a, p->a, p->b);
		return assessment_set_action(a, p->a, p->b, x ? x->state : ACTION_NONE,
					     p->value, d);
	case PEND_CHECK:
		c = assessment_check(a, p->b, p->a);
		return assessment_set_check(a, p->b, p->a, (enum check_status)p->state,
					    c ? c->note : NULL, d);
	case PEND_CHECK_NOTE:
		c = assessment_check(a, p->b, p->a);
		return assessment_set_check(a, p->b, p->a, c ? c->status : CHECK_NONE,
					    p->value, d);
	case PEND_OWNER: case PEND_DUE: case PEND_EVIDENCE: case PEND_EVIDENCE_REMOVE:
		return apply_track(u, p, d);
	}
	return -1;
}

/* ---------- writing it to the store ---------- */

static int write_one(struct ui *u, const struct ui_pending *p, struct diag *d)
{
	struct store *st = u->st;
	int64_t id = p->id;
	switch (p->kind) {
	case PEND_ANSWER:
		return store_set_answer(st, id, u->form->cells[p->n].id, (enum answer)p->state, d);
	case PEND_DETAIL:
		return store_set_detail(st, id, (enum detail)p->n, p->value, d);
	case PEND_DECISION:
		return store_set_decision(st, id, p->a, (enum decision)p->state, d);
	case PEND_REVIEW_NOTE:
		return store_set_review_note(st, id, p->a, p->value, d);
	case PEND_ACTION:
		return store_set_action(st, id, p->a, p->b, (enum action_state)p->state, d);
	case PEND_ACTION_NOTE:
		return store_set_action_note(st, id, p->a, p->b, p->value, d);
	case PEND_CHECK:
		return store_set_check(st, id, p->b, p->a, (enum check_status)p->state, d);
	case PEND_CHECK_NOTE:
		return store_set_check_note(st, id, p->b, p->a, p->value, d);
	default:
		break;
	}
	struct track_target t = { (enum track_kind)p->n, p->a, p->b };
	switch (p->kind) {
	case PEND_OWNER: return store_set_owner(st, id, &t, p->value, d);
	case PEND_DUE: return store_set_due(st, id, &t, p->value, d);
	case PEND_EVIDENCE: return store_add_evidence(st, id, &t, &p->ev, d);
	case PEND_EVIDENCE_REMOVE: return store_remove_evidence(st, id, &t, p->value, d);
	default: return -1;
	}
}

static void pending_clear(struct ui_pending *p)
{
	free(p->a);
	free(p->b);
	free(p->value);
	free(p->what);
	evidence_free(&p->ev);
}

void ui_pending_free(struct ui *u)
{
	for (size_t i = 0; i < u->npending; i++)
		pending_clear(&u->pending[i]);
	free(u->pending);
	u->pending = NULL;
	u->npending = 0;
}

static int keep(struct ui *u, const struct ui_pending *p)
{
	struct ui_pending *v = realloc(u->pending, (u->npending + 1) * sizeof *v);
	if (v == NULL)
		return -1;
	u->pending = v;
	v[u->npending++] = *p;
	return 0;
}

size_t ui_save_retry(struct ui *u)
{
	size_t kept = 0;
	for (size_t i = 0; i < u->npending; i++) {
		struct diag d = DIAG_INIT;
		if (write_one(u, &u->pending[i], &d) == 0)
			pending_clear(&u->pending[i]);
		else
			u->pending[kept++] = u->pending[i];
		diag_clear(&d);
	}
	u->npending = kept;
	return kept;
}

/* The open assessment as the store holds it now, the screens' places
 * kept (the cursor follows its countermeasure, cell and item). */
static void reread(struct ui *u)
{
	struct diag d = DIAG_INIT;
	if (u->a != NULL) {
		struct assessment *a = store_load(u->st, u->a->id, u->form, &d);
		diag_clear(&d);
		if (a == NULL)
			return;		/* busy now, or deleted: the next tick says */
		assessment_free(u->a);
		u->a = a;
		ui_rederive(u);
	}
	if (ui_current(u)->refresh != NULL)
		ui_current(u)->refresh(u);
}

int ui_tick(struct ui *u)
{
	int redraw = 0;
	if (u->npending > 0 && u->waiting) {
		if (ui_save_retry(u) == 0) {
			u->waiting = 0;
			ui_say(u, 0, "%s", _("Saved the changes that were waiting."));
		}
		redraw = 1;
	}
	long long v;
	if (u->npending > 0 || u->prompting || u->confirming ||
	    store_data_version(u->st, &v) < 0 || v == u->data_version)
		return redraw;
	u->data_version = v;
	reread(u);
	return 1;
}

void ui_save_report(const struct ui *u, FILE *out)
{
	for (size_t i = 0; i < u->npending; i++)
		fprintf(out, _("iotscope: NOT saved in assessment %lld: %s\n"),
			(long long)u->pending[i].id, u->pending[i].what);
}

/* Save P (its strings owned by P): to the store, then in memory.  The
 * message line says which, in words. */
static int save(struct ui *u, struct ui_pending *p, const char *what)
{
	struct diag d = DIAG_INIT;
	if (u->a == NULL) {
		pending_clear(p);
		return -1;
	}
	ui_save_retry(u);
	int stored = write_one(u, p, &d) == 0;
	if (!stored && store_was_busy(u->st)) {
		u->waiting = 1;		/* another writer: no freeze, retried each tick */
		ui_say(u, 1, "%s", _("Waiting: another program holds the database; saved as soon "
				     "as it lets go."));
		diag_clear(&d);
	} else if (!stored) {
		ui_say(u, 1, _("NOT saved: %s. The change stays on screen and will be tried "
			       "again with the next change."), diag_msg(&d));
		diag_clear(&d);
	}
	if (apply(u, p, &d) < 0) {
		ui_say(u, 1, "%s", diag_msg(&d));
		diag_clear(&d);
	} else if (stored) {
		ui_say(u, 0, _("Saved: %s"), what);
	}
	/* who attached it and when are the store's: read them back */
	int reload = stored && p->kind == PEND_EVIDENCE;
	if (stored || keep(u, p) < 0)
		pending_clear(p);
	if (reload && u->npending == 0)
		reread(u);
	return stored ? 0 : -1;
}

/* A copy of S (NULL stays NULL); *fail set when out of memory. */
static char *dup_or_null(const char *s, int *fail)
{
	if (s == NULL)
		return NULL;
	char *c = strdup(s);
	*fail |= c == NULL;
	return c;
}

static int save_new(struct ui *u, enum pending_kind k, int n, int state, const char *a,
		    const char *b, const char *value, const char *what)
{
	int fail = 0;
	struct ui_pending p = { k, u->a ? u->a->id : 0, n, state, dup_or_null(a, &fail),
				dup_or_null(b, &fail), dup_or_null(value, &fail),
				dup_or_null(what, &fail), { .size = -1 } };
	if (fail) {
		pending_clear(&p);
		ui_say(u, 1, "%s", _("out of memory: not saved"));
		return -1;
	}
	return save(u, &p, what);
}

int ui_save_answer(struct ui *u, int cell, enum answer a)
{
	const char *mark = a == ANSWER_OPEN ? _("not answered") : ui_answer_mark(a);
	char *what = str_printf("%s = %s", u->form->cells[cell].id, mark);
	int rc = save_new(u, PEND_ANSWER, cell, a, NULL, NULL, NULL, what ? what : "");
	free(what);
	ui_rederive(u);
	return rc;
}

int ui_save_detail(struct ui *u, enum detail k, const char *value)
{
	struct diag d = DIAG_INIT;
	if (value != NULL && value[0] != '\0' && survey_detail_check(k, value, &d) < 0) {
		ui_say(u, 1, "%s", diag_msg(&d));	/* refused before anything is written */
		diag_clear(&d);
		return -1;
	}
	if (k == DETAIL_NAME && (value == NULL || value[0] == '\0')) {
		ui_say(u, 1, "%s", _("the name cannot be empty"));
		return -1;
	}
	char *what = str_printf("%s = %s", survey_detail_id(k), value ? value : "");
	int rc = save_new(u, PEND_DETAIL, k, 0, NULL, NULL, value, what ? what : "");
	free(what);
	return rc;
}

int ui_save_decision(struct ui *u, const char *cm, enum decision dec)
{
	char *what = str_printf("%s: %s", cm, decision_label(dec));
	int rc = save_new(u, PEND_DECISION, 0, dec, cm, NULL, NULL, what ? what : "");
	free(what);
	u->changes++;
	return rc;
}

int ui_save_review_note(struct ui *u, const char *cm, const char *note)
{
	char *what = str_printf(_("note of %s"), cm);
	int rc = save_new(u, PEND_REVIEW_NOTE, 0, 0, cm, NULL, note, what ? what : "");
	free(what);
	u->changes++;
	return rc;
}

int ui_save_action(struct ui *u, const char *cm, const char *key, enum action_state s)
{
	char *what = str_printf(_("%s action %s: %s"), cm, key, ui_action_state_mark(s));
	int rc = save_new(u, PEND_ACTION, 0, s, cm, key, NULL, what ? what : "");
	free(what);
	u->changes++;
	return rc;
}

int ui_save_action_note(struct ui *u, const char *cm, const char *key, const char *note)
{
	char *what = str_printf(_("note of %s action %s"), cm, key);
	int rc = save_new(u, PEND_ACTION_NOTE, 0, 0, cm, key, note, what ? what : "");
	free(what);
	u->changes++;
	return rc;
}

int ui_save_check(struct ui *u, const char *checklist, const char *item,
		  enum check_status s)
{
	char *what = str_printf("%s: %s", item, check_status_label(s));
	int rc = save_new(u, PEND_CHECK, 0, s, item, checklist, NULL, what ? what : "");
	free(what);
	u->changes++;		/* the crosswalk caches by it */
	return rc;
}

int ui_save_check_note(struct ui *u, const char *checklist, const char *item,
		       const char *note)
{
	char *what = str_printf(_("note of %s"), item);
	int rc = save_new(u, PEND_CHECK_NOTE, 0, 0, item, checklist, note, what ? what : "");
	free(what);
	u->changes++;
	return rc;
}

/* ---------- owner, due date, evidence (issue 12) ---------- */

/* Save a change of T's tracking: VALUE the owner, due date or ref, EV
 * (moved into the change, may be NULL) what is attached. */
static int save_track(struct ui *u, enum pending_kind k, const struct track_target *t,
		      const char *value, struct evidence *ev, char *what)
{
	int fail = what == NULL;
	struct ui_pending p = { k, u->a ? u->a->id : 0, (int)t->kind, 0,
				dup_or_null(t->key1, &fail), dup_or_null(t->key2, &fail),
				dup_or_null(value, &fail), what, { .size = -1 } };
	if (ev != NULL) {
		p.ev = *ev;
		memset(ev, 0, sizeof *ev);
		ev->size = -1;
	}
	u->changes++;
	if (fail) {
		pending_clear(&p);
		ui_say(u, 1, "%s", _("out of memory: not saved"));
		return -1;
	}
	return save(u, &p, p.what);
}

static int empty(const char *s)
{
	return s == NULL || s[0] == '\0';
}

int ui_save_owner(struct ui *u, const struct track_target *t, const char *label,
		  const char *owner)
{
	char *what = empty(owner) ? str_printf(_("owner of %s cleared"), label) :
		str_printf(_("owner of %s: %s"), label, owner);
	return save_track(u, PEND_OWNER, t, owner, NULL, what);
}

int ui_save_due(struct ui *u, const struct track_target *t, const char *label, const char *due)
{
	struct diag d = DIAG_INIT;
	if (!empty(due) && due_date_check(_("due date"), due, &d) < 0) {
		ui_say(u, 1, "%s", diag_msg(&d));	/* refused before anything is written */
		diag_clear(&d);
		return -1;
	}
	char *what = empty(due) ? str_printf(_("due date of %s cleared"), label) :
		str_printf(_("due date of %s: %s"), label, due);
	return save_track(u, PEND_DUE, t, due, NULL, what);
}

int ui_save_evidence(struct ui *u, const struct track_target *t, const char *label,
		     struct evidence *e)
{
	char *what = str_printf(_("evidence on %s: %s"), label, e->ref);
	return save_track(u, PEND_EVIDENCE, t, e->ref, e, what);	/* ref copied before E moves */
}

int ui_save_evidence_remove(struct ui *u, const struct track_target *t, const char *label,
			    const char *ref)
{
	char *what = str_printf(_("evidence removed from %s: %s"), label, ref);
	return save_track(u, PEND_EVIDENCE_REMOVE, t, ref, NULL, what);
}
