/* assessment.c - one assessment in memory: the survey, the review of each
 * derived countermeasure (IV.5) and the checklists. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "assessment.h"
#include "derive.h"
#include "i18n.h"

/* ---------- stable ids of the enums ---------- */

static const char *const decision_ids[N_DECISIONS] = {
	"none", "todo", "in-place", "not-applicable", "later"
};
static const char *const action_state_ids[N_ACTION_STATES] = {
	"none", "done", "not-done", "not-applicable"
};
static const char *const check_status_ids[N_CHECK_STATUSES] = {
	"none", "implemented", "partly", "not-implemented", "not-applicable"
};

/* ---------- labels, one set for screens and exports ---------- */

static const char *const decision_labels[N_DECISIONS] = {
	N_("undecided"), N_("to do"), N_("in place"), N_("n/a"), N_("later")
};
static const char *const action_state_labels[N_ACTION_STATES] = {
	N_("not ticked"), N_("done"), N_("not done"), N_("not applicable")
};
static const char *const check_status_labels[N_CHECK_STATUSES] = {
	N_("not checked"), N_("implemented"), N_("partly"), N_("not implemented"),
	N_("n/a")
};

const char *decision_label(enum decision d)
{
	return (unsigned)d < N_DECISIONS ? _(decision_labels[d]) : "?";
}

const char *action_state_label(enum action_state s)
{
	return (unsigned)s < N_ACTION_STATES ? _(action_state_labels[s]) : "?";
}

const char *check_status_label(enum check_status s)
{
	return (unsigned)s < N_CHECK_STATUSES ? _(check_status_labels[s]) : "?";
}

static int id_parse(const char *s, const char *const *ids, int n)
{
	if (s == NULL)
		return -1;
	for (int i = 0; i < n; i++)
		if (strcmp(s, ids[i]) == 0)
			return i;
	return -1;
}

const char *decision_id(enum decision d)
{
	return (unsigned)d < N_DECISIONS ? decision_ids[d] : "?";
}

int decision_parse(const char *s)
{
	return id_parse(s, decision_ids, N_DECISIONS);
}

const char *action_state_id(enum action_state s)
{
	return (unsigned)s < N_ACTION_STATES ? action_state_ids[s] : "?";
}

int action_state_parse(const char *s)
{
	return id_parse(s, action_state_ids, N_ACTION_STATES);
}

const char *check_status_id(enum check_status s)
{
	return (unsigned)s < N_CHECK_STATUSES ? check_status_ids[s] : "?";
}

int check_status_parse(const char *s)
{
	return id_parse(s, check_status_ids, N_CHECK_STATUSES);
}

/* ---------- action keys (IV.5 □ items and C-n-del duties) ---------- */

/* Execution roles are a..k in chain order (derivation.md 5). */
static char role_letter(int role)
{
	return (char)('a' + role);
}

char *action_key(const struct cat_cm *cm, size_t transfer, size_t n)
{
	if (n == 0)
		return NULL;
	if (transfer == 0)
		return n <= cm->nactions ? str_printf("%zu", n) : NULL;
	if (transfer > cm->ntransfers || n > cm->transfers[transfer - 1].nduties)
		return NULL;
	return str_printf("%c.%zu", role_letter(cm->transfers[transfer - 1].role), n);
}

static size_t action_count(const struct cat_cm *cm)
{
	size_t n = cm->nactions;
	for (size_t t = 0; t < cm->ntransfers; t++)
		n += cm->transfers[t].nduties;
	return n;
}

int action_keys(const struct cat_cm *cm, char ***keys)
{
	size_t total = action_count(cm), k = 0;
	char **out = calloc(total ? total : 1, sizeof *out);
	if (out == NULL)
		return -1;
	for (size_t i = 1; i <= cm->nactions; i++)
		if ((out[k++] = action_key(cm, 0, i)) == NULL)
			goto oom;
	for (size_t t = 0; t < cm->ntransfers; t++)
		for (size_t i = 1; i <= cm->transfers[t].nduties; i++)
			if ((out[k++] = action_key(cm, t + 1, i)) == NULL)
				goto oom;
	*keys = out;
	return (int)total;
oom:
	action_keys_free(out, (int)k);
	return -1;
}

void action_keys_free(char **keys, int n)
{
	if (keys == NULL)
		return;
	for (int i = 0; i < n; i++)
		free(keys[i]);
	free(keys);
}

/* Split KEY into (transfer role or -1, 1-based n); -1 if malformed. */
static int key_split(const char *key, int *role, size_t *n)
{
	const char *num = key;
	*role = -1;
	if (key[0] >= 'a' && key[0] < 'a' + N_EXEC_ROLES && key[1] == '.') {
		*role = key[0] - 'a';
		num = key + 2;
	}
	if (num[0] < '1' || num[0] > '9')
		return -1;
	char *end;
	unsigned long v = strtoul(num, &end, 10);
	if (*end != '\0')
		return -1;
	*n = v;
	return 0;
}

const char *action_text(const struct cat_cm *cm, const char *key)
{
	int role;
	size_t n;
	if (key == NULL || key_split(key, &role, &n) < 0)
		return NULL;
	if (role < 0)
		return n <= cm->nactions ? cm->actions[n - 1] : NULL;
	for (size_t t = 0; t < cm->ntransfers; t++)
		if (cm->transfers[t].role == role)
			return n <= cm->transfers[t].nduties ? cm->transfers[t].duties[n - 1] : NULL;
	return NULL;
}

/* Order of action keys: the <action>s by number, then duties by role and
 * number; anything malformed last, by bytes. */
static int key_cmp(const char *x, const char *y)
{
	int rx, ry;
	size_t nx, ny;
	int bx = key_split(x, &rx, &nx) < 0, by = key_split(y, &ry, &ny) < 0;
	if (bx || by)
		return bx != by ? bx - by : strcmp(x, y);
	if (rx != ry)
		return rx < ry ? -1 : 1;
	return nx < ny ? -1 : nx > ny;
}

/* ---------- life cycle ---------- */

struct assessment *assessment_new(const struct form *f)
{
	struct assessment *a = calloc(1, sizeof *a);
	if (a == NULL)
		return NULL;
	a->survey = survey_new(f);
	if (a->survey == NULL) {
		free(a);
		return NULL;
	}
	return a;
}

static void action_review_clear(struct action_review *r)
{
	free(r->key);
	free(r->note);
	free(r->changed_by);
	free(r->changed_at);
	tracking_clear(&r->track);
}

static void cm_review_clear(struct cm_review *r)
{
	free(r->cm);
	free(r->note);
	free(r->changed_by);
	free(r->changed_at);
	tracking_clear(&r->track);
	for (size_t i = 0; i < r->nactions; i++)
		action_review_clear(&r->actions[i]);
	free(r->actions);
}

void assessment_free(struct assessment *a)
{
	if (a == NULL)
		return;
	survey_free(a->survey);
	free(a->created);
	free(a->changed);
	free(a->catalog_edition);
	for (size_t i = 0; i < a->nreviews; i++)
		cm_review_clear(&a->reviews[i]);
	free(a->reviews);
	for (size_t i = 0; i < a->nchecks; i++) {
		free(a->checks[i].checklist);
		free(a->checks[i].item);
		free(a->checks[i].note);
		free(a->checks[i].changed_by);
		free(a->checks[i].changed_at);
		tracking_clear(&a->checks[i].track);
	}
	free(a->checks);
	free(a);
}

/* ---------- sorted arrays ---------- */

/* Binary search: the index of the match, or -(insertion point) - 1. */
#define SORTED_FIND(arr, n, cmp_expr)					\
	do {								\
		size_t lo_ = 0, hi_ = (n);				\
		while (lo_ < hi_) {					\
			size_t mid_ = lo_ + (hi_ - lo_) / 2;		\
			int c_ = cmp_expr(&(arr)[mid_]);		\
			if (c_ == 0)					\
				return (long)mid_;			\
			if (c_ < 0)					\
				lo_ = mid_ + 1;				\
			else						\
				hi_ = mid_;				\
		}							\
		return -(long)lo_ - 1;					\
	} while (0)

static long review_find(const struct assessment *a, const char *cm)
{
#define CMP_REVIEW(r) strcmp((r)->cm, cm)
	SORTED_FIND(a->reviews, a->nreviews, CMP_REVIEW);
#undef CMP_REVIEW
}

static long action_find(const struct cm_review *r, const char *key)
{
#define CMP_ACTION(x) key_cmp((x)->key, key)
	SORTED_FIND(r->actions, r->nactions, CMP_ACTION);
#undef CMP_ACTION
}

static int check_cmp(const struct check_entry *e, const char *checklist, const char *item)
{
	int c = strcmp(e->checklist, checklist);
	return c != 0 ? c : strcmp(e->item, item);
}

static long check_find(const struct assessment *a, const char *checklist, const char *item)
{
#define CMP_CHECK(e) check_cmp((e), checklist, item)
	SORTED_FIND(a->checks, a->nchecks, CMP_CHECK);
#undef CMP_CHECK
}

/* Open a zeroed slot at POS of an array of *N elements of SIZE bytes. */
static void *array_insert(void **arr, size_t *n, size_t size, size_t pos)
{
	unsigned char *p = realloc(*arr, (*n + 1) * size);
	if (p == NULL)
		return NULL;
	memmove(p + (pos + 1) * size, p + pos * size, (*n - pos) * size);
	memset(p + pos * size, 0, size);
	*arr = p;
	(*n)++;
	return p + pos * size;
}

/* ---------- lookups ---------- */

struct cm_review *assessment_review(const struct assessment *a, const char *cm)
{
	long i = review_find(a, cm);
	return i >= 0 ? &a->reviews[i] : NULL;
}

struct action_review *assessment_action(const struct assessment *a, const char *cm,
					const char *key)
{
	struct cm_review *r = assessment_review(a, cm);
	if (r == NULL)
		return NULL;
	long i = action_find(r, key);
	return i >= 0 ? &r->actions[i] : NULL;
}

struct check_entry *assessment_check(const struct assessment *a, const char *checklist,
				     const char *item)
{
	if (checklist == NULL || item == NULL)
		return NULL;
	long i = check_find(a, checklist, item);
	return i >= 0 ? &a->checks[i] : NULL;
}

/* ---------- setters ---------- */

static struct cm_review *review_get(struct assessment *a, const char *cm)
{
	long i = review_find(a, cm);
	if (i >= 0)
		return &a->reviews[i];
	char *id = strdup(cm);
	struct cm_review *r = id ? array_insert((void **)&a->reviews, &a->nreviews,
						 sizeof *r, (size_t)(-i - 1)) : NULL;
	if (r == NULL) {
		free(id);
		return NULL;
	}
	r->cm = id;
	return r;
}

static struct action_review *action_get(struct cm_review *r, const char *key)
{
	long i = action_find(r, key);
	if (i >= 0)
		return &r->actions[i];
	char *k = strdup(key);
	struct action_review *x = k ? array_insert((void **)&r->actions, &r->nactions,
						    sizeof *x, (size_t)(-i - 1)) : NULL;
	if (x == NULL) {
		free(k);
		return NULL;
	}
	x->key = k;
	return x;
}

static struct check_entry *check_get(struct assessment *a, const char *checklist,
				     const char *item)
{
	long i = check_find(a, checklist, item);
	if (i >= 0)
		return &a->checks[i];
	char *cl = strdup(checklist), *id = strdup(item);
	struct check_entry *e = cl && id ? array_insert((void **)&a->checks, &a->nchecks,
							 sizeof *e, (size_t)(-i - 1)) : NULL;
	if (e == NULL) {
		free(cl);
		free(id);
		return NULL;
	}
	e->checklist = cl;
	e->item = id;
	return e;
}

static int oom(struct diag *d)
{
	diag_set(d, "out of memory");
	return -1;
}

int assessment_set_decision(struct assessment *a, const char *cm, enum decision dec,
			    const char *note, struct diag *d)
{
	if ((unsigned)dec >= N_DECISIONS) {
		diag_set(d, "%s: not a decision", cm);
		return -1;
	}
	struct cm_review *r = review_get(a, cm);
	if (r == NULL || assessment_set_text(&r->note, note) < 0)
		return oom(d);
	r->decision = dec;
	return 0;
}

int assessment_set_action(struct assessment *a, const char *cm, const char *key,
			  enum action_state st, const char *note, struct diag *d)
{
	if ((unsigned)st >= N_ACTION_STATES) {
		diag_set(d, "%s %s: not an action state", cm, key);
		return -1;
	}
	struct cm_review *r = review_get(a, cm);
	struct action_review *x = r ? action_get(r, key) : NULL;
	if (x == NULL || assessment_set_text(&x->note, note) < 0)
		return oom(d);
	x->state = st;
	return 0;
}

int assessment_set_check(struct assessment *a, const char *checklist, const char *item,
			 enum check_status st, const char *note, struct diag *d)
{
	if (checklist == NULL || checklist[0] == '\0' || item == NULL || item[0] == '\0') {
		diag_set(d, "%s: no checklist or item given", item ? item : "check");
		return -1;
	}
	if ((unsigned)st >= N_CHECK_STATUSES) {
		diag_set(d, "%s: not a checklist status", item);
		return -1;
	}
	struct check_entry *e = check_get(a, checklist, item);
	if (e == NULL || assessment_set_text(&e->note, note) < 0)
		return oom(d);
	e->status = st;
	return 0;
}

struct tracking *assessment_review_track(struct assessment *a, const char *cm)
{
	struct cm_review *r = review_get(a, cm);
	return r ? &r->track : NULL;
}

struct tracking *assessment_action_track(struct assessment *a, const char *cm,
					 const char *key)
{
	struct cm_review *r = review_get(a, cm);
	struct action_review *x = r ? action_get(r, key) : NULL;
	return x ? &x->track : NULL;
}

struct tracking *assessment_check_track(struct assessment *a, const char *checklist,
					const char *item)
{
	struct check_entry *e = check_get(a, checklist, item);
	return e ? &e->track : NULL;
}

/* ---------- progress ---------- */

int assessment_review_written(const struct cm_review *r)
{
	if (r->decision != DECISION_NONE || r->note != NULL || tracking_written(&r->track))
		return 1;
	for (size_t i = 0; i < r->nactions; i++)
		if (r->actions[i].state != ACTION_NONE || r->actions[i].note != NULL ||
		    tracking_written(&r->actions[i].track))
			return 1;
	return 0;
}

/* Is catalog countermeasure I derived now: by DV when given, else by
 * COUNTS (NULL: nothing is). */
static int cm_is_derived(const struct catalog *c, const struct derivation *dv,
			 const unsigned *counts, const char *id)
{
	int i = catalog_cm_index(c, id);
	if (i < 0)
		return 0;
	return dv ? derivation_find(dv, i) != NULL : counts != NULL && counts[i] > 0;
}

/* The one rule for progress, whichever way "derived" was found. */
static void progress_fill(const struct assessment *a, const struct catalog *c,
			  const struct derivation *dv, const unsigned *counts,
			  struct assessment_progress *p)
{
	p->cells = a->survey->form->ncells;
	p->answered = survey_answered(a->survey);
	for (size_t i = 0; i < a->nreviews; i++) {
		const struct cm_review *r = &a->reviews[i];
		if (cm_is_derived(c, dv, counts, r->cm))
			p->reviewed += r->decision != DECISION_NONE;
		else
			p->dropped += assessment_review_written(r);
	}
	for (size_t k = 0; k < c->n_checklists; k++)
		p->checks += c->checklists[k].nitems;
	for (size_t i = 0; i < a->nchecks; i++) {
		const struct check_entry *e = &a->checks[i];
		/* catalog_item_index finds checkable items only */
		p->checks_done += e->status != CHECK_NONE &&
			catalog_item_index(catalog_checklist(c, e->checklist), e->item) >= 0;
	}
}

int assessment_progress_of(const struct assessment *a, const struct catalog *c,
			   struct assessment_progress *p)
{
	memset(p, 0, sizeof *p);
	/* the candidate set is all it needs: no reasons (derive_counts) */
	unsigned *counts = malloc((c->ncms ? c->ncms : 1) * sizeof *counts);
	if (counts == NULL)
		return -1;
	p->derived = derive_counts(c, a->survey, counts);
	progress_fill(a, c, NULL, counts, p);
	free(counts);
	return 0;
}

void assessment_progress_with(const struct assessment *a, const struct catalog *c,
			      const struct derivation *dv, struct assessment_progress *p)
{
	memset(p, 0, sizeof *p);
	p->derived = dv ? dv->nitems : 0;
	progress_fill(a, c, dv, NULL, p);
}
