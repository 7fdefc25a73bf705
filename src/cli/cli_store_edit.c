/* cli_store_edit.c - `set`, `review` and `check`: each change one saved
 * transaction, reported only after it committed. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_store.h"
#include "derive.h"
#include "i18n.h"

/* ---------- set ---------- */

static const char set_args[] = "ID CELL o|x|-  (or ID DETAIL VALUE, - to clear)";

/* The derived count and dropped reviews of assessment ID now. */
static int progress_now(struct app *a, struct store *st, int64_t id,
			struct assessment_progress *p, struct diag *d)
{
	struct assessment *as = store_load(st, id, a->form, d);
	if (as == NULL)
		return -1;
	int rc = assessment_progress_of(as, a->cat, p);
	assessment_free(as);
	if (rc < 0)
		diag_set(d, "%s", _("out of memory"));
	return rc;
}

static int set_answer(struct app *a, struct store *st, int64_t id, const char *cell,
		      enum answer ans, struct diag *d)
{
	struct assessment_progress before, after;
	if (progress_now(a, st, id, &before, d) < 0 ||
	    store_set_answer(st, id, cell, ans, d) < 0)
		return -1;
	printf(_("Saved: %s = %s\n"), cell, answer_code(ans));
	if (progress_now(a, st, id, &after, d) < 0)
		return -1;
	printf(_("Candidate countermeasures: %zu (were %zu); %zu of %zu cells answered.\n"),
	       after.derived, before.derived, after.answered, after.cells);
	if (after.dropped > before.dropped)
		printf(_("%zu reviewed countermeasures are no longer derived; their reviews "
			 "are kept (see 'iotscope show').\n"), after.dropped - before.dropped);
	return 0;
}

/* Check CELL and VALUE before touching the database. */
static int set_parse(const struct app *a, const char *cell, const char *value,
		     int *detail, enum answer *ans, struct diag *d)
{
	*detail = survey_detail_index(cell);
	if (*detail >= 0)
		return value[0] ? survey_detail_check((enum detail)*detail, value, d) : 0;
	if (form_is_fixed(a->form, cell)) {
		diag_set(d, _("%s is printed ○ in Fig. 16 for every cloud operator: it is "
			      "fixed and cannot be set"), cell);
		return -1;
	}
	if (form_cell_index(a->form, cell) < 0) {
		diag_set(d, _("'%s' is neither a survey cell (provide.lan, delegate.a, "
			      "data-content, ...: see 'iotscope show') nor a detail (name, "
			      "operator, service, description, assessor, date, industry, "
			      "structure, notes, confidentiality, availability)"), cell);
		return -1;
	}
	if (answer_parse(value, ans) < 0) {
		diag_set(d, _("%s: '%s' is not an answer: give o (yes), x (no) or - (not "
			      "answered)"), cell, value);
		return -1;
	}
	return 0;
}

int cli_cmd_set(struct app *a, int argc, char **argv)
{
	if (argc != 4)
		return cli_usage_error(argv[0], set_args, _("give the assessment, a cell and a value"));
	if (app_core(a) < 0)
		return EXIT_BAD_INPUT;
	const char *cell = argv[2], *value = argv[3];
	if (survey_detail_index(cell) >= 0 && strcmp(value, "-") == 0)
		value = "";	/* "-" clears a detail as it clears an answer */
	int detail;
	enum answer ans = ANSWER_OPEN;
	struct diag d = DIAG_INIT;
	if (set_parse(a, cell, value, &detail, &ans, &d) < 0)
		return cli_fail(argv[0], &d);
	struct store *st = cli_store_open(a, argv[0]);
	if (st == NULL)
		return EXIT_BAD_INPUT;
	int64_t id;
	int rc = cli_resolve(st, argv[0], argv[1], &id);
	if (rc == 0 && detail >= 0) {
		rc = store_set_detail(st, id, (enum detail)detail, value, &d);
		if (rc == 0)
			printf(_("Saved: %s = %s\n"), cli_shown(cell), value[0] ? cli_shown(value) : "-");
	} else if (rc == 0) {
		rc = set_answer(a, st, id, cell, ans, &d);
	}
	store_close(st);
	if (rc < 0)
		return d.msg ? cli_fail(argv[0], &d) : EXIT_BAD_INPUT;
	return EXIT_OK;
}

/* ---------- review ---------- */

static const char review_args[] =
	"ID CM [--decision D] [--action KEY=STATE] [--note TEXT] [--action-note KEY=TEXT] "
	"[--owner NAME] [--due YYYY-MM-DD] [--evidence PATH|URL [--evidence-note TEXT]] "
	"[--remove-evidence PATH|URL] [--action-owner KEY=NAME] [--action-due KEY=DATE] "
	"[--action-evidence KEY=PATH|URL] [--action-remove-evidence KEY=PATH|URL]";

/* A countermeasure by id ("C-2-own") or as printed ("C-2-ク"). */
static const struct cat_cm *find_cm(const struct catalog *c, const char *ref)
{
	int i = catalog_cm_index(c, ref);
	if (i >= 0)
		return &c->cms[i];
	for (size_t k = 0; k < c->ncms; k++)
		if (strcmp(c->cms[k].number, ref) == 0)
			return &c->cms[k];
	return NULL;
}

enum { MAX_REVIEW_EDITS = 64 };

struct review_edit {
	char kind;			/* 'd' decision, 'n' note, 'a' action, 'm' action note */
	int value;
	char *key;			/* action key, malloc'd */
	const char *text;
};

struct review_req {
	const struct cat_cm *cm;
	struct review_edit edits[MAX_REVIEW_EDITS];
	int n;
	struct track_req track;		/* owner, due date, evidence */
};

/* --action-owner and the like: the letter of the option for one action,
 * and the shared option it stands for. */
static int action_track_opt(int opt)
{
	return opt == 'o' ? TRACK_OPT_OWNER : opt == 'u' ? TRACK_OPT_DUE
		: opt == 'e' ? TRACK_OPT_EVIDENCE : opt == 'x' ? TRACK_OPT_REMOVE : 0;
}

static int key_value(const struct cat_cm *cm, const char *arg, char **key,
		     const char **value, struct diag *d)
{
	const char *eq = strchr(arg, '=');
	if (eq == NULL || eq == arg) {
		diag_set(d, _("'%s': write KEY=VALUE, e.g. --action 1=done, --action c.2=not-done "
			      "or --action-note 1=TEXT"), arg);
		return -1;
	}
	if ((*key = strndup(arg, (size_t)(eq - arg))) == NULL) {
		diag_set(d, "%s", _("out of memory"));
		return -1;
	}
	*value = eq + 1;
	if (action_text(cm, *key) == NULL) {
		diag_set(d, _("%s has no action '%s' (see 'iotscope review ID %s')"), cm->id,
			 *key, cm->id);
		return -1;
	}
	return 0;
}

static int review_track_option(struct review_req *r, int opt, const char *arg,
			       struct diag *d)
{
	int shared = action_track_opt(opt);
	if (shared == 0)
		return cli_track_option(&r->track, opt, arg, NULL, d);
	char *key = NULL;
	const char *value;
	int rc = key_value(r->cm, arg, &key, &value, d) < 0 ? -1
		: cli_track_option(&r->track, shared, value, key, d);
	free(key);
	return rc;
}

static int review_option(struct review_req *r, int opt, const char *arg, struct diag *d)
{
	if (strchr("OUENRouex", opt) != NULL)
		return review_track_option(r, opt, arg, d);
	if (r->n == MAX_REVIEW_EDITS) {
		diag_set(d, "%s", _("too many changes in one command"));
		return -1;
	}
	struct review_edit *e = &r->edits[r->n++];
	memset(e, 0, sizeof *e);
	e->kind = (char)opt;
	if (opt == 'd' && (e->value = decision_parse(arg)) < 0)
		diag_set(d, _("'%s' is not a decision: give none, todo, in-place, "
			      "not-applicable or later"), arg);
	else if (opt == 'n' && store_text_check("--note", arg, 0, d) == 0)
		e->text = arg;
	else if (opt == 'a' && key_value(r->cm, arg, &e->key, &e->text, d) == 0 &&
		 (e->value = action_state_parse(e->text)) < 0)
		diag_set(d, _("'%s' is not an action state: give none, done, not-done or "
			      "not-applicable"), e->text);
	else if (opt == 'm' && key_value(r->cm, arg, &e->key, &e->text, d) == 0)
		store_text_check("--action-note", e->text, 0, d);
	return d->msg ? -1 : 0;
}

static void review_req_free(struct review_req *r)
{
	for (int i = 0; i < r->n; i++)
		free(r->edits[i].key);
	cli_track_free(&r->track);
}

static int review_apply(struct store *st, int64_t id, const struct review_req *r,
			struct diag *d)
{
	const char *cm = r->cm->id;
	for (int i = 0; i < r->n; i++) {
		const struct review_edit *e = &r->edits[i];
		int rc = e->kind == 'd' ? store_set_decision(st, id, cm, e->value, d)
			: e->kind == 'n' ? store_set_review_note(st, id, cm, e->text, d)
			: e->kind == 'a' ? store_set_action(st, id, cm, e->key, e->value, d)
			: store_set_action_note(st, id, cm, e->key, e->text, d);
		if (rc < 0)
			return -1;
		if (e->kind == 'd')
			printf(_("Saved: %s decision %s\n"), cm, decision_id(e->value));
		else if (e->kind == 'a')
			printf(_("Saved: %s action %s %s\n"), cm, e->key, action_state_id(e->value));
		else
			printf(_("Saved: %s note%s%s\n"), cm, e->key ? " " : "", e->key ? e->key : "");
	}
	for (int i = 0; i < r->track.n; i++) {
		const struct track_edit *e = &r->track.edits[i];
		struct track_target t = { e->key ? TRACK_ACTION : TRACK_REVIEW, cm, e->key };
		if (cli_track_apply(st, id, e, &t, NULL, d) < 0)
			return -1;
	}
	return 0;
}

static void review_print(const struct assessment *as, const struct cat_cm *cm)
{
	const struct cm_review *r = assessment_review(as, cm->id);
	printf("%s %s %s\n", cm->id, cm->number, cm->title);
	printf("  %s: %s\n", _("decision"), decision_id(r ? r->decision : DECISION_NONE));
	if (r && r->note)
		printf("  %s: %s\n", _("note"), cli_shown(r->note));
	if (r)
		cli_track_print("  ", &r->track);
	char **keys;
	int n = action_keys(cm, &keys);
	for (int i = 0; i < n; i++) {
		const struct action_review *x = assessment_action(as, cm->id, keys[i]);
		printf("  [%s] %-14s %s\n", keys[i],
		       action_state_id(x ? x->state : ACTION_NONE), action_text(cm, keys[i]));
		if (x && x->note)
			printf("       %s: %s\n", _("note"), cli_shown(x->note));
		if (x)
			cli_track_print("       ", &x->track);
	}
	action_keys_free(keys, n);
}

static int review_parse(int argc, char **argv, struct review_req *r, struct diag *d)
{
	static const struct option opts[] = {
		{ "decision", required_argument, NULL, 'd' },
		{ "note", required_argument, NULL, 'n' },
		{ "action", required_argument, NULL, 'a' },
		{ "action-note", required_argument, NULL, 'm' },
		CLI_TRACK_OPTIONS,
		{ "action-owner", required_argument, NULL, 'o' },
		{ "action-due", required_argument, NULL, 'u' },
		{ "action-evidence", required_argument, NULL, 'e' },
		{ "action-remove-evidence", required_argument, NULL, 'x' },
		{ NULL, 0, NULL, 0 }
	};
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == '?')
			return 2;
		if (r->cm != NULL && review_option(r, c, optarg, d) < 0)
			return -1;
	}
	return argc - optind == 2 ? 0 : 2;
}

static int is_derived(const struct app *a, const struct assessment *as,
		      const struct cat_cm *cm)
{
	struct derivation *dv = derive(a->cat, as->survey);
	int yes = dv == NULL || derivation_find(dv, (int)(cm - a->cat->cms)) != NULL;
	derivation_free(dv);
	return yes;
}

static int review_run(struct app *a, char **argv, struct review_req *r, struct diag *d)
{
	struct store *st = cli_store_open(a, argv[0]);
	if (st == NULL)
		return EXIT_BAD_INPUT;
	int64_t id;
	int rc = cli_resolve(st, argv[0], argv[optind], &id);
	struct assessment *as = rc == 0 ? store_load(st, id, a->form, d) : NULL;
	if (as != NULL && !is_derived(a, as, r->cm))
		fprintf(stderr, _("note: %s is not derived from the current answers; its "
				  "review is kept all the same\n"), r->cm->id);
	if (as != NULL && r->n == 0 && r->track.n == 0)
		review_print(as, r->cm);
	else if (as != NULL)
		rc = review_apply(st, id, r, d);
	assessment_free(as);
	store_close(st);
	if (rc < 0 || (as == NULL && d->msg))
		return d->msg ? cli_fail(argv[0], d) : EXIT_BAD_INPUT;
	return EXIT_OK;
}

int cli_cmd_review(struct app *a, int argc, char **argv)
{
	if (app_core(a) < 0)
		return EXIT_BAD_INPUT;
	static struct review_req r0;	/* zeroed; large (the evidence) */
	struct review_req r = r0;
	struct diag d = DIAG_INIT;
	/* first pass finds the countermeasure, the second checks the options */
	if (review_parse(argc, argv, &r, &d) != 0)
		return cli_usage_error(argv[0], review_args, _("give the assessment and a countermeasure"));
	if ((r.cm = find_cm(a->cat, argv[optind + 1])) == NULL) {
		diag_set(&d, _("no countermeasure '%s' (ids like A-1, B-IoT-2, C-2-own)"),
			 argv[optind + 1]);
		return cli_fail(argv[0], &d);
	}
	int rc = review_parse(argc, argv, &r, &d);
	if (rc == 0)
		rc = review_run(a, argv, &r, &d);
	else if (rc < 0)
		rc = cli_fail(argv[0], &d);
	review_req_free(&r);
	return rc;
}

/* ---------- check ---------- */

static const char check_args[] = "ID ITEM [STATUS] [--checklist ID] [--note TEXT] "
	"[--owner NAME] [--due YYYY-MM-DD] [--evidence PATH|URL [--evidence-note TEXT]] "
	"[--remove-evidence PATH|URL]";

/* The checklist that has ITEM: the one named (--checklist), else the
 * only one of the catalog's that has it; NULL with d set. */
static const struct cat_annex *checklist_with(const struct catalog *c, const char *named,
					      const char *item, struct diag *d)
{
	if (named != NULL) {
		const struct cat_annex *cl = catalog_checklist(c, named);
		char *ids = cl ? NULL : catalog_checklist_ids(c, ", ");
		if (cl == NULL)
			diag_set(d, _("no checklist '%s': the catalog has %s"), named, ids ? ids : "");
		else if (catalog_item_index(cl, item) < 0)
			diag_set(d, _("no checklist item '%s' in %s"), item, cl->name);
		free(ids);
		return d->msg ? NULL : cl;
	}
	const struct cat_annex *found = NULL;
	for (size_t k = 0; k < c->n_checklists; k++) {
		if (catalog_item_index(&c->checklists[k], item) < 0)
			continue;
		if (found != NULL) {
			diag_set(d, _("'%s' is an item of %s and of %s: name one with --checklist"),
				 item, found->id, c->checklists[k].id);
			return NULL;
		}
		found = &c->checklists[k];
	}
	if (found == NULL)
		diag_set(d, _("no checklist item '%s' in the catalog's checklists (ids like "
			      "II.1.1.1, III.1.1.1.a)"), item);
	return found;
}

/* What check asks for; TRACK's evidence is hashed while parsing. */
struct check_req {
	const char *note, *named, *item, *status;
	struct track_req track;
};

static int check_parse(int argc, char **argv, struct check_req *r, struct diag *d)
{
	static const struct option opts[] = {
		{ "note", required_argument, NULL, 'n' },
		{ "checklist", required_argument, NULL, 'c' },
		CLI_TRACK_OPTIONS,
		{ NULL, 0, NULL, 0 }
	};
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'n')
			r->note = optarg;
		else if (c == 'c')
			r->named = optarg;
		else if (c == '?')
			return 2;
		else if (cli_track_option(&r->track, c, optarg, NULL, d) < 0)
			return -1;
	}
	/* STATUS may be left out when only owner, due date or evidence change */
	int n = argc - optind;
	if (n != 3 && !(n == 2 && r->track.n > 0 && r->note == NULL))
		return 2;
	r->item = argv[optind + 1];
	r->status = n == 3 ? argv[optind + 2] : NULL;
	return 0;
}

static int check_apply(struct store *st, int64_t id, const struct cat_annex *cl,
		       const struct check_req *r, int s, struct diag *d)
{
	if (r->status != NULL) {
		if (store_set_check(st, id, cl->id, r->item, s, d) < 0)
			return -1;
		printf(_("Saved: %s %s %s\n"), cl->name, r->item, check_status_id(s));
	}
	if (r->note != NULL) {
		if (store_set_check_note(st, id, cl->id, r->item, r->note, d) < 0)
			return -1;
		printf(_("Saved: %s %s note\n"), cl->name, r->item);
	}
	struct track_target t = { TRACK_CHECK, cl->id, r->item };
	for (int i = 0; i < r->track.n; i++)
		if (cli_track_apply(st, id, &r->track.edits[i], &t, cl->name, d) < 0)
			return -1;
	return 0;
}

static int check_run(struct app *a, char **argv, const struct check_req *r, struct diag *d)
{
	int s = r->status == NULL || strcmp(r->status, "-") == 0 ? CHECK_NONE
		: check_status_parse(r->status);
	if (store_text_check("--note", r->note, 0, d) < 0)
		return cli_fail(argv[0], d);
	const struct cat_annex *cl = checklist_with(a->cat, r->named, r->item, d);
	if (cl == NULL)
		;			/* d says why */
	else if (s < 0)
		diag_set(d, _("'%s' is not a status: give implemented, partly, "
			      "not-implemented, not-applicable or none"), r->status);
	if (d->msg)
		return cli_fail(argv[0], d);
	struct store *st = cli_store_open(a, argv[0]);
	if (st == NULL)
		return EXIT_BAD_INPUT;
	int64_t id;
	int rc = cli_resolve(st, argv[0], argv[optind], &id);
	if (rc == 0)
		rc = check_apply(st, id, cl, r, s, d);
	store_close(st);
	if (rc < 0)
		return d->msg ? cli_fail(argv[0], d) : EXIT_BAD_INPUT;
	return EXIT_OK;
}

int cli_cmd_check(struct app *a, int argc, char **argv)
{
	if (argc == 1)
		return cli_check_database(a, argv[0]);
	static struct check_req r0;	/* zeroed; large (the evidence) */
	struct check_req r = r0;
	struct diag d = DIAG_INIT;
	int rc = check_parse(argc, argv, &r, &d);
	if (rc == 2)
		rc = cli_usage_error(argv[0], check_args,
				     _("give the assessment, an item and a status"));
	else if (rc < 0)
		rc = cli_fail(argv[0], &d);
	else if (app_core(a) < 0)
		rc = EXIT_BAD_INPUT;
	else
		rc = check_run(a, argv, &r, &d);
	cli_track_free(&r.track);
	return rc;
}
