/* cli_workbook.c - `iotscope import-checks FILE.xlsx ID`: a workbook the
 * auditor filled in, read back (issue 12).  Every change is shown against
 * the database first (old -> new, who set the old value and when); they
 * are applied in one transaction only after a yes on a terminal, or with
 * --yes.  Without a terminal and without --yes nothing changes and the
 * exit status says so. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_store.h"
#include "export.h"
#include "i18n.h"

static const char args[] = "FILE.xlsx ID [--yes]";

static const enum store_field store_fields[] = {
	[WB_DECISION] = SF_DECISION, [WB_REVIEW_NOTE] = SF_REVIEW_NOTE,
	[WB_ACTION] = SF_ACTION, [WB_ACTION_NOTE] = SF_ACTION_NOTE,
	[WB_CHECK] = SF_CHECK, [WB_CHECK_NOTE] = SF_CHECK_NOTE,
	[WB_REVIEW_OWNER] = SF_REVIEW_OWNER, [WB_REVIEW_DUE] = SF_REVIEW_DUE,
	[WB_ACTION_OWNER] = SF_ACTION_OWNER, [WB_ACTION_DUE] = SF_ACTION_DUE,
	[WB_CHECK_OWNER] = SF_CHECK_OWNER, [WB_CHECK_DUE] = SF_CHECK_DUE,
};

static void print_change(const struct wb_change *c)
{
	printf("  %s: %s \xe2\x86\x92 %s", cli_shown(c->where),
	       c->old_shown ? cli_shown(c->old_shown) : "-",
	       c->new_shown ? cli_shown(c->new_shown) : "-");
	if (c->changed_at != NULL)
		printf(_("  (set by %s at %s)"), cli_shown(c->changed_by), cli_shown(c->changed_at));
	else
		printf("  %s", _("(never set)"));
	printf("\n");
}

static void print_report(const struct wb_import *w, const char *file, int64_t id,
			 const char *who)
{
	printf(_("%s against assessment %lld: changes to apply: %zu\n"), cli_shown(file), (long long)id,
	       w->nchanges);
	for (size_t i = 0; i < w->nchanges; i++)
		print_change(&w->changes[i]);
	if (w->nignored > 0) {
		printf(_("Not applied (%zu cells the workbook was not meant to change, or "
			 "cannot):\n"), w->nignored);
		for (size_t i = 0; i < w->nignored; i++)
			printf("  %s\n", cli_shown(w->ignored[i]));
	}
	if (w->nchanges > 0)
		printf(_("Each change is recorded in the history as made by %s now.\n"),
		       cli_shown(who));
}

static int confirm(size_t n)
{
	fprintf(stderr, _("Apply the changes above (%zu)? [y/N] "), n);
	char *line = NULL;
	size_t cap = 0;
	ssize_t got = getline(&line, &cap, stdin);
	int yes = got > 0 && (line[0] == 'y' || line[0] == 'Y');
	free(line);
	return yes;
}

static int apply(struct store *st, int64_t id, const struct wb_import *w, struct diag *d)
{
	struct store_change *cs = calloc(w->nchanges, sizeof *cs);
	if (cs == NULL) {
		diag_set(d, "%s", _("out of memory"));
		return -1;
	}
	for (size_t i = 0; i < w->nchanges; i++) {
		const struct wb_change *c = &w->changes[i];
		cs[i] = (struct store_change){ .field = store_fields[c->field], .checklist = c->checklist,
					       .key = c->key, .key2 = c->key2,
					       .value = c->new_value, .check_expect = 1,
					       .expect = c->old_value };
		/* an emptied list cell is "none"; an emptied text, none */
		if (cs[i].value == NULL && (c->field == WB_DECISION || c->field == WB_ACTION ||
					    c->field == WB_CHECK))
			cs[i].value = "none";
	}
	int rc = store_apply(st, id, cs, w->nchanges, d);
	free(cs);
	return rc;
}

struct workbook_req {
	const char *file, *ref;
	int yes;
};

static int parse(struct workbook_req *r, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "yes", no_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 }
	};
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "y", opts, NULL)) != -1) {
		if (c != 'y')
			return cli_usage_error(argv[0], args, _("unknown option"));
		r->yes = 1;
	}
	if (argc - optind != 2)
		return cli_usage_error(argv[0], args,
				       _("give the workbook and the assessment (id or name)"));
	r->file = argv[optind];
	r->ref = argv[optind + 1];
	return 0;
}

/* Read, show, ask, apply; the database is opened once (L) and closed on
 * every path. */
static int run(struct app *a, struct cli_loaded *l, const struct workbook_req *r,
	       const char *cmd, struct diag *d)
{
	struct wb_import w;
	int rc = import_workbook(a->cat, a->form, l->as, r->file, &w, d);
	if (rc < 0)
		return -1;
	char *who = a->assessor ? strdup(a->assessor) : store_login_name();
	print_report(&w, r->file, l->id, who ? who : "?");
	free(who);
	if (w.nchanges == 0) {
		printf("%s\n", _("Nothing to apply."));
	} else if (!r->yes && !isatty(STDIN_FILENO)) {
		fprintf(stderr, "iotscope %s: %s\n", cmd,
			_("nothing applied: standard input is not a terminal; add --yes to "
			  "apply these changes"));
		rc = 1;
	} else if (!r->yes && !confirm(w.nchanges)) {
		printf("%s\n", _("Nothing applied."));
		rc = 1;
	} else if ((rc = apply(l->st, l->id, &w, d)) == 0) {
		printf(_("Applied the changes (%zu) in one transaction; 'iotscope history %lld' "
			 "shows them.\n"), w.nchanges, (long long)l->id);
	}
	wb_import_free(&w);
	return rc;
}

int cli_workbook_command(struct app *a, int argc, char **argv)
{
	struct workbook_req r = { NULL, NULL, 0 };
	int rc = parse(&r, argc, argv);
	if (rc != 0)
		return rc;
	struct cli_loaded l;
	if (cli_store_open_load(a, argv[0], r.ref, &l) < 0)
		return EXIT_BAD_INPUT;
	struct diag d = DIAG_INIT;
	rc = run(a, &l, &r, argv[0], &d);
	cli_loaded_close(&l);
	if (rc < 0)
		return d.msg ? cli_fail(argv[0], &d) : EXIT_BAD_INPUT;
	return rc == 0 ? EXIT_OK : EXIT_BAD_INPUT;
}
