/* export_open.c - the open items (issue 12; OSCAL's plan of action and
 * milestones, STIG Manager's open findings): every derived countermeasure
 * undecided or to do, every action of one (unless it was found not
 * applicable) not ticked, every checklist item unchecked or not
 * implemented; with owner, due date and evidence; overdue first, then by
 * due date, then those without one.  Worked out once, here, for every
 * writer. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "export_walk.h"
#include "grow.h"
#include "i18n.h"
#include "timefmt.h"

const char *export_open_kind_id(enum ex_open_kind k)
{
	static const char *const ids[N_OPEN_KINDS] = { "countermeasure", "action", "check" };
	return (unsigned)k < N_OPEN_KINDS ? ids[k] : "?";
}

const char *export_open_kind_label(enum ex_open_kind k)
{
	static const char *const labels[N_OPEN_KINDS] = {
		N_("countermeasure"), N_("action"), N_("checklist item")
	};
	return (unsigned)k < N_OPEN_KINDS ? _(labels[k]) : "?";
}

struct open_list {
	struct ex_open *items;
	size_t n, cap;
};

static struct ex_open *open_add(struct ex_ctx *x, struct open_list *l)
{
	struct ex_open *o = array_grow(&l->items, l->n, &l->cap, sizeof *l->items, 64);
	if (o == NULL) {
		diag_set(x->d, "out of memory");
		return NULL;
	}
	l->n++;
	return o;
}

/* The export's day (local time), "YYYY-MM-DD"; "" when timeless. */
static void today_of(const struct ex_ctx *x, char day[11])
{
	time_t t;
	struct tm tm;
	day[0] = '\0';
	if (x->generated_at == NULL || time_parse_utc(x->generated_at, &t) < 0 ||
	    localtime_r(&t, &tm) == NULL)
		return;
	strftime(day, 11, "%Y-%m-%d", &tm);
}

static int cms_open(struct ex_ctx *x, struct open_list *l)
{
	for (size_t i = 0; i < x->ncms; i++) {
		const struct ex_cm *e = &x->cms[i];
		if (e->derived == NULL)
			continue;
		const struct tracking *t = e->review ? &e->review->track : NULL;
		if (e->decision == DECISION_NONE || e->decision == DECISION_TODO) {
			struct ex_open *o = open_add(x, l);
			if (o == NULL)
				return -1;
			*o = (struct ex_open){ OPEN_CM, e->id, NULL, e->cm->number, e->cm->title,
					       decision_id(e->decision),
					       decision_label(e->decision), t, 0,
					       e->review ? e->review->changed_by : NULL,
					       e->review ? e->review->changed_at : NULL };
		}
		if (e->decision == DECISION_NOT_APPLICABLE)
			continue;
		for (size_t k = 0; k < e->nactions; k++) {
			const struct ex_action *ac = &e->actions[k];
			if (ac->state != ACTION_NONE && ac->state != ACTION_NOT_DONE)
				continue;
			struct ex_open *o = open_add(x, l);
			if (o == NULL)
				return -1;
			*o = (struct ex_open){ OPEN_ACTION, e->id, ac->key, e->cm->number, ac->text,
					       action_state_id(ac->state),
					       action_state_label(ac->state),
					       ac->review ? &ac->review->track : NULL, 0,
					       ac->review ? ac->review->changed_by : NULL,
					       ac->review ? ac->review->changed_at : NULL };
		}
	}
	return 0;
}

static int checks_open(struct ex_ctx *x, struct open_list *l)
{
	for (size_t k = 0; k < x->c->n_checklists; k++) {
		const struct cat_annex *an = &x->c->checklists[k];
		for (size_t i = 0; i < an->nentries; i++) {
			const struct cat_annex_entry *en = &an->entries[i];
			if (!en->checkable)
				continue;
			const struct check_entry *ck = assessment_check(x->a, an->id, en->id);
			enum check_status st = ck ? ck->status : CHECK_NONE;
			if (st != CHECK_NONE && st != CHECK_NOT_IMPLEMENTED)
				continue;
			struct ex_open *o = open_add(x, l);
			if (o == NULL)
				return -1;
			*o = (struct ex_open){ OPEN_CHECK, an->id, en->id, en->number, en->text,
					       check_status_id(st), check_status_label(st),
					       ck ? &ck->track : NULL, 0,
					       ck ? ck->changed_by : NULL, ck ? ck->changed_at : NULL };
		}
	}
	return 0;
}

static const char *due_of(const struct ex_open *o)
{
	return o->track != NULL ? o->track->due : NULL;
}

/* By due date (ISO dates sort as text), those without one last; the
 * order found in (countermeasures, actions, checklists) breaks ties. */
static int open_cmp(const void *pa, const void *pb)
{
	const struct ex_open *a = pa, *b = pb;
	const char *da = due_of(a), *db = due_of(b);
	if ((da == NULL) != (db == NULL))
		return da == NULL ? 1 : -1;
	int c = da ? strcmp(da, db) : 0;
	if (c != 0)
		return c;
	/* overdue is set to the index found in until the sort is done */
	return a->overdue < b->overdue ? -1 : a->overdue > b->overdue;
}

int export_open_prepare(struct ex_ctx *x)
{
	struct open_list l = { NULL, 0, 0 };
	if (cms_open(x, &l) < 0 || checks_open(x, &l) < 0) {
		free(l.items);
		return -1;
	}
	for (size_t i = 0; i < l.n; i++)
		l.items[i].overdue = (int)i;
	if (l.n > 1)
		qsort(l.items, l.n, sizeof *l.items, open_cmp);
	char today[11];
	today_of(x, today);
	for (size_t i = 0; i < l.n; i++) {
		const char *due = due_of(&l.items[i]);
		l.items[i].overdue = today[0] != '\0' && due != NULL && strcmp(due, today) < 0;
	}
	x->open = l.items;
	x->nopen = l.n;
	return 0;
}
