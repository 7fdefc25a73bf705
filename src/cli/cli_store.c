/* cli_store.c - the store commands: list, new, copy, rename, delete,
 * history, backup; show, set, review and check live beside it. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_store.h"
#include "i18n.h"
#include "paths.h"
#include "text.h"
#include "timefmt.h"

/* ---------- shared helpers ---------- */

int cli_fail(const char *cmd, struct diag *d)
{
	cli_print_error(cmd, diag_msg(d));
	diag_clear(d);
	return EXIT_BAD_INPUT;
}

int cli_usage_error(const char *cmd, const char *args, const char *why)
{
	fprintf(stderr, "iotscope %s: %s\n%s: iotscope %s %s\n", cmd, why, _("usage"), cmd, args);
	return EXIT_USAGE;
}

struct store *cli_store_open(struct app *a, const char *cmd)
{
	struct diag d = DIAG_INIT;
	char *path = a->db_path ? strdup(a->db_path) : paths_default_db(&d);
	char *who = a->assessor ? strdup(a->assessor) : store_login_name();
	struct store *st = NULL;
	if (path == NULL || who == NULL) {
		if (path != NULL || a->db_path != NULL)
			diag_set(&d, "%s", _("out of memory"));
	} else {
		st = store_open(path, who, &d);
	}
	if (st == NULL)
		cli_fail(cmd, &d);
	free(path);
	free(who);
	return st;
}

int cli_resolve(struct store *st, const char *cmd, const char *ref, int64_t *id)
{
	struct diag d = DIAG_INIT;
	if (store_resolve(st, ref, id, &d) < 0) {
		cli_fail(cmd, &d);
		return -1;
	}
	return 0;
}

int cli_store_open_load(struct app *a, const char *cmd, const char *ref,
			struct cli_loaded *l)
{
	memset(l, 0, sizeof *l);
	if (app_core(a) < 0 || (l->st = cli_store_open(a, cmd)) == NULL)
		return -1;
	struct diag d = DIAG_INIT;
	if (cli_resolve(l->st, cmd, ref, &l->id) == 0 &&
	    (l->as = store_load(l->st, l->id, a->form, &d)) == NULL)
		cli_fail(cmd, &d);
	if (l->as != NULL)
		return 0;
	store_close(l->st);
	l->st = NULL;
	return -1;
}

void cli_loaded_close(struct cli_loaded *l)
{
	store_close(l->st);
	assessment_free(l->as);
	memset(l, 0, sizeof *l);
}

struct assessment *cli_store_load(struct app *a, const char *cmd, const char *ref)
{
	struct cli_loaded l;
	if (cli_store_open_load(a, cmd, ref, &l) < 0)
		return NULL;
	store_close(l.st);
	return l.as;
}

/* ---------- list ---------- */

static void print_summary(const struct assessment_summary *s)
{
	const struct assessment_progress *p = &s->progress;
	char t[TIME_LOCAL_SIZE];
	const char *changed = time_local(s->changed, t);
	printf("%4lld  %-25s  %3zu/%-3zu  %3zu/%-3zu  %3zu/%-3zu  %s  %s", (long long)s->id,
	       changed ? cli_shown(changed) : "?", p->answered, p->cells, p->reviewed, p->derived, p->checks_done,
	       p->checks, cli_shown(s->name), cli_shown(s->operator_));
	if (p->dropped)
		printf(_("  (%zu reviews no longer derived)"), p->dropped);
	printf("\n");
}

/* Each row as it comes (memory does not grow with the list), under a
 * heading printed before the first. */
static int list_row(const struct assessment_summary *s, void *ctx)
{
	size_t *n = ctx;
	if ((*n)++ == 0)
		printf("%4s  %-25s  %-7s  %-7s  %-7s  %s\n", _("id"), _("changed"), _("answers"),
		       _("reviews"), _("checks"), _("name, operator"));
	print_summary(s);
	return 0;
}

int cli_cmd_list(struct app *a, int argc, char **argv)
{
	if (argc != 1)
		return cli_usage_error(argv[0], "", _("takes no arguments"));
	if (app_core(a) < 0)
		return EXIT_BAD_INPUT;
	struct store *st = cli_store_open(a, argv[0]);
	if (st == NULL)
		return EXIT_BAD_INPUT;
	size_t n = 0;
	struct diag d = DIAG_INIT;
	int rc = store_list_each(st, a->cat, a->form, 0, 0, list_row, &n, &d);
	store_close(st);
	if (rc != 0)
		return cli_fail(argv[0], &d);
	if (n == 0)
		printf("%s\n", _("No assessments yet: create one with 'iotscope new NAME'."));
	return EXIT_OK;
}

/* ---------- new ---------- */

static const char new_args[] = "NAME [--from ID | --from-survey FILE]";

static struct assessment *new_from_survey(struct app *a, const char *file, struct diag *d)
{
	struct assessment *as = assessment_new(a->form);
	struct survey *s = as ? survey_load(a->form, file, d) : NULL;
	if (as == NULL)
		diag_set(d, "%s", _("out of memory"));
	if (s == NULL) {
		assessment_free(as);
		return NULL;
	}
	survey_free(as->survey);
	as->survey = s;
	return as;
}

static int create(struct app *a, struct store *st, const char *name, const char *file,
		  int64_t *id, struct diag *d)
{
	struct assessment *as = file ? new_from_survey(a, file, d) : assessment_new(a->form);
	if (as == NULL) {
		diag_set(d, "%s", _("out of memory"));
		return -1;
	}
	as->catalog_edition = strdup(a->cat->edition);
	as->catalog_revision = a->cat->revision;
	int rc = as->catalog_edition == NULL ? -1 :
		survey_set_detail(as->survey, DETAIL_NAME, name, d);
	if (rc == 0)
		rc = store_create(st, as, id, d);
	if (as->catalog_edition == NULL)
		diag_set(d, "%s", _("out of memory"));
	assessment_free(as);
	return rc;
}

int cli_cmd_new(struct app *a, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "from-survey", required_argument, NULL, 's' },
		{ NULL, 0, NULL, 0 }
	};
	const char *from = NULL, *file = NULL;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'f')
			from = optarg;
		else if (c == 's')
			file = optarg;
		else
			return cli_usage_error(argv[0], new_args, _("unknown option"));
	}
	if (argc - optind != 1)
		return cli_usage_error(argv[0], new_args, _("give one name"));
	if (from && file)
		return cli_usage_error(argv[0], new_args, _("give --from or --from-survey, not both"));
	if (app_core(a) < 0)
		return EXIT_BAD_INPUT;
	const char *name = argv[optind];
	struct store *st = cli_store_open(a, argv[0]);
	if (st == NULL)
		return EXIT_BAD_INPUT;
	struct diag d = DIAG_INIT;
	int64_t src, id;
	int rc;
	if (from != NULL)
		rc = cli_resolve(st, argv[0], from, &src) < 0 ? 1 :
			store_copy(st, src, name, &id, &d);
	else
		rc = create(a, st, name, file, &id, &d);
	store_close(st);
	if (rc == 1)
		return EXIT_BAD_INPUT;
	if (rc < 0)
		return cli_fail(argv[0], &d);
	printf(_("Created assessment %lld: %s\n"), (long long)id, cli_shown(name));
	return EXIT_OK;
}

/* ---------- copy, rename ---------- */

int cli_cmd_copy_rename(struct app *a, int argc, char **argv)
{
	int copy = strcmp(argv[0], "copy") == 0;
	if (argc != 3)
		return cli_usage_error(argv[0], "ID NAME", _("give the assessment and a name"));
	struct store *st = cli_store_open(a, argv[0]);
	if (st == NULL)
		return EXIT_BAD_INPUT;
	int64_t id, new_id = 0;
	struct diag d = DIAG_INIT;
	int rc = cli_resolve(st, argv[0], argv[1], &id);
	if (rc == 0)
		rc = copy ? store_copy(st, id, argv[2], &new_id, &d) :
			store_rename(st, id, argv[2], &d);
	store_close(st);
	if (rc < 0)
		return d.msg ? cli_fail(argv[0], &d) : EXIT_BAD_INPUT;
	if (copy)
		printf(_("Copied assessment %lld to %lld: %s\n"), (long long)id,
		       (long long)new_id, cli_shown(argv[2]));
	else
		printf(_("Renamed assessment %lld: %s\n"), (long long)id, cli_shown(argv[2]));
	return EXIT_OK;
}

/* ---------- delete ---------- */

/* On a terminal: ask.  Returns 1 for yes. */
static int confirm(int64_t id, const char *name)
{
	fprintf(stderr, _("Delete assessment %lld (%s) with its answers, reviews and "
			  "checklists? The history is kept. [y/N] "), (long long)id, cli_shown(name));
	char *line = NULL;
	size_t cap = 0;
	ssize_t n = getline(&line, &cap, stdin);
	int yes = n > 0 && (line[0] == 'y' || line[0] == 'Y');
	free(line);
	return yes;
}

int cli_cmd_delete(struct app *a, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "yes", no_argument, NULL, 'y' },
		{ NULL, 0, NULL, 0 }
	};
	int yes = 0, c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "y", opts, NULL)) != -1) {
		if (c != 'y')
			return cli_usage_error(argv[0], "ID [--yes]", _("unknown option"));
		yes = 1;
	}
	if (argc - optind != 1)
		return cli_usage_error(argv[0], "ID [--yes]", _("give one assessment"));
	if (!yes && !isatty(STDIN_FILENO))
		return cli_usage_error(argv[0], "ID [--yes]",
				       _("not asking for confirmation: standard input is not "
					 "a terminal; add --yes"));
	struct cli_loaded l;
	if (cli_store_open_load(a, argv[0], argv[optind], &l) < 0)
		return EXIT_BAD_INPUT;
	struct diag d = DIAG_INIT;
	const char *name = l.as->survey->details[DETAIL_NAME];
	int rc = 0;
	if (!yes && !confirm(l.id, name)) {
		printf("%s\n", _("Nothing deleted."));
		rc = 1;
	}
	if (rc == 0)
		rc = store_delete(l.st, l.id, &d);
	if (rc == 0)
		printf(_("Deleted assessment %lld (%s); 'iotscope history %lld' still shows "
			 "what it was.\n"), (long long)l.id, cli_shown(name), (long long)l.id);
	cli_loaded_close(&l);
	if (rc < 0)
		return d.msg ? cli_fail(argv[0], &d) : EXIT_BAD_INPUT;
	return EXIT_OK;
}

/* ---------- history ---------- */

/* One entry, one line: every value shown escaped (text.h), so that a
 * note holding a line break cannot pass for another entry. */
static void print_history(const struct history_entry *h)
{
	char t[TIME_LOCAL_SIZE];
	const char *at = time_local(h->at, t);
	printf("%5lld  %s  %-12s  %s", (long long)h->seq, at ? cli_shown(at) : "?", cli_shown(h->who),
	       cli_shown(h->what));
	if (h->old_value != NULL || h->new_value != NULL)
		printf(": %s -> %s", h->old_value ? cli_shown(h->old_value) : "-",
		       h->new_value ? cli_shown(h->new_value) : "-");
	printf("\n");
}

/* For scripts: the instant in UTC as stored (like the XML); tab-separated, a heading line, "\\", "\t", "\n" and the
 * other controls escaped, an absent value as an empty field. */
static void print_history_tsv(const struct history_entry *h)
{
	const char *v[] = { h->at, h->who, h->what, h->old_value, h->new_value };
	printf("%lld", (long long)h->seq);
	for (size_t i = 0; i < sizeof v / sizeof *v; i++) {
		putchar('\t');
		text_fputs(v[i], TEXT_ESC_BACKSLASH, stdout);
	}
	putchar('\n');
}

/* A number names an assessment even after it was deleted: its history stays. */
static int history_id(struct store *st, const char *cmd, const char *ref, int64_t *id)
{
	char *end;
	long long v = strtoll(ref, &end, 10);
	if (ref[0] >= '1' && ref[0] <= '9' && *end == '\0' && v > 0) {
		*id = v;
		return 0;
	}
	return cli_resolve(st, cmd, ref, id);
}

static const char history_args[] = "ID [--format text|tsv]";

static int history_parse(int argc, char **argv, int *tsv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int c;
	*tsv = 0;
	optind = 0;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c != 'f' || (strcmp(optarg, "text") != 0 && strcmp(optarg, "tsv") != 0))
			return cli_usage_error(argv[0], history_args,
					       _("--format takes text or tsv"));
		*tsv = strcmp(optarg, "tsv") == 0;
	}
	if (argc - optind != 1)
		return cli_usage_error(argv[0], history_args, _("give one assessment"));
	return 0;
}

int cli_cmd_history(struct app *a, int argc, char **argv)
{
	int tsv, rc = history_parse(argc, argv, &tsv);
	if (rc != 0)
		return rc;
	const char *ref = argv[optind];
	struct store *st = cli_store_open(a, argv[0]);
	if (st == NULL)
		return EXIT_BAD_INPUT;
	int64_t id;
	struct history_entry *h = NULL;
	size_t n = 0;
	struct diag d = DIAG_INIT;
	rc = history_id(st, argv[0], ref, &id);
	if (rc == 0 && (rc = store_history(st, id, &h, &n, &d)) == 0 && n == 0) {
		diag_set(&d, _("no history for '%s': no such assessment"), ref);
		rc = -1;
	}
	store_close(st);
	if (rc < 0)
		return d.msg ? cli_fail(argv[0], &d) : EXIT_BAD_INPUT;
	if (tsv)
		printf("seq\tat\twho\twhat\told\tnew\n");
	for (size_t i = 0; i < n; i++)
		(tsv ? print_history_tsv : print_history)(&h[i]);
	store_history_free(h, n);
	return EXIT_OK;
}

/* ---------- the whole-database check ---------- */

int cli_check_database(struct app *a, const char *cmd)
{
	struct store *st = cli_store_open(a, cmd);
	if (st == NULL)
		return EXIT_BAD_INPUT;
	struct diag d = DIAG_INIT;
	int rc = store_check(st, &d);
	store_close(st);
	if (rc < 0)
		return cli_fail(cmd, &d);
	printf("%s\n", _("The database is whole (integrity check: ok)."));
	return EXIT_OK;
}

/* ---------- backup ---------- */

int cli_cmd_backup(struct app *a, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage_error(argv[0], "PATH", _("give the file to write"));
	struct store *st = cli_store_open(a, argv[0]);
	if (st == NULL)
		return EXIT_BAD_INPUT;
	struct diag d = DIAG_INIT;
	int rc = store_check(st, &d);
	if (rc == 0)
		rc = store_backup(st, argv[1], &d);
	store_close(st);
	if (rc < 0)
		return cli_fail(argv[0], &d);
	printf(_("Wrote a consistent copy of the database to %s\n"), argv[1]);
	return EXIT_OK;
}
