/* cli_export.c - `iotscope export` (for auditors: XML, CSV, HTML) and
 * `iotscope import` (a whole-assessment export back into the store, in
 * one transaction, only when the whole file is valid). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli_store.h"
#include "export.h"
#include "i18n.h"

char *cli_export_args(const struct catalog *c)
{
	char *formats = export_format_choices("|");
	char *whats = c ? export_what_choices(c, "|") : strdup("assessment|CHECKLIST|countermeasures|crosswalk|open");
	char *args = formats && whats ? str_printf("ID [--what %s] [--format %s] [--blank] [--bom] "
						   "[--raw] [--lang en|ja] [-o FILE]", whats, formats) : NULL;
	free(formats);
	free(whats);
	return args;
}

static const struct catalog *export_catalog;	/* for the usage: --what's choices */

static int export_usage(const char *why)
{
	char *args = cli_export_args(export_catalog);
	int rc = cli_usage_error("export", args ? args : "", why);
	free(args);
	return rc;
}

/* An unknown --format names itself and the formats there are. */
static int format_refused(const char *arg)
{
	char *formats = export_format_choices(", ");
	char *why = str_printf(_("unknown format '%s': --format takes %s"), arg,
			       formats ? formats : "");
	int rc = export_usage(why ? why : arg);
	free(why);
	free(formats);
	return rc;
}
static const char import_args[] = "FILE.xml";

struct export_req {
	struct export_options o;
	const char *output;		/* NULL: standard output */
	const char *ref;
};

/* --what: the choices come from the catalog (a checklist it adds is one) */
static int what_refused(const char *arg)
{
	(void)arg;
	char *ids = export_what_choices(export_catalog, ", ");
	char *why = str_printf(_("--what takes one of %s"), ids ? ids : "");
	int rc = export_usage(why ? why : arg);
	free(why);
	free(ids);
	return rc;
}

static int export_option(struct export_req *r, int c, const char *arg)
{
	int v;
	switch (c) {
	case 'w':
		if (export_what_parse(export_catalog, arg, &r->o) < 0)
			return what_refused(arg);
		return 0;
	case 'f':
		if ((v = export_format_parse(arg)) < 0)
			return format_refused(arg);
		r->o.format = (enum export_format)v;
		return 0;
	case 'b':
		r->o.blank = 1;
		return 0;
	case 'B':
		r->o.bom = 1;
		return 0;
	case 'R':
		r->o.raw = 1;
		return 0;
	case 'L':			/* headings and values of CSV and HTML */
		if (i18n_use_language(arg) < 0)
			return export_usage(_("--lang takes en or ja"));
		return 0;
	case 'o':			/* "-" is standard output, as for cc and pandoc */
		r->output = strcmp(arg, "-") == 0 ? NULL : arg;
		return 0;
	default:
		return export_usage(_("unknown option"));
	}
}

static int export_parse(struct export_req *r, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "what", required_argument, NULL, 'w' },
		{ "format", required_argument, NULL, 'f' },
		{ "blank", no_argument, NULL, 'b' },
		{ "bom", no_argument, NULL, 'B' },
		{ "raw", no_argument, NULL, 'R' },
		{ "lang", required_argument, NULL, 'L' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 }
	};
	int c, rc;
	optind = 0;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1)
		if ((rc = export_option(r, c, optarg)) != 0)
			return rc;
	if (argc - optind != 1)
		return export_usage(_("give one assessment (id or name)"));
	r->ref = argv[optind];
	struct diag d = DIAG_INIT;
	if (r->o.format == EXPORT_XLSX && r->output == NULL && isatty(STDOUT_FILENO))
		return export_usage(_("an XLSX workbook is not for a terminal: give -o FILE.xlsx"));
	if (export_options_check(&r->o, &d) < 0) {
		rc = export_usage(diag_msg(&d));
		diag_clear(&d);
		return rc;
	}
	return 0;
}

/* The assessment (whether the database is whole, store_open checks
 * when that is due: store_check.c; a whole-database check on every export
 * cost more than the export, issue 11), and in *DB the database's path,
 * which the export must never replace. */
static struct assessment *export_load(struct app *a, const char *ref, char **db)
{
	struct store *st = cli_store_open(a, "export");
	if (st == NULL)
		return NULL;
	struct diag d = DIAG_INIT;
	struct assessment *as = NULL;
	int64_t id;
	if (cli_resolve(st, "export", ref, &id) == 0 &&
		 (as = store_load(st, id, a->form, &d)) == NULL)
		cli_fail("export", &d);
	if (as != NULL && (*db = strdup(store_path(st))) == NULL) {
		fprintf(stderr, "iotscope export: %s\n", _("out of memory"));
		assessment_free(as);
		as = NULL;
	}
	store_close(st);
	return as;
}

static int cmd_export(struct app *a, int argc, char **argv)
{
	struct export_req r;
	memset(&r, 0, sizeof r);
	if (app_core(a) < 0)
		return EXIT_BAD_INPUT;
	export_catalog = a->cat;
	int rc = export_parse(&r, argc, argv);
	if (rc != 0)
		return rc;
	char *db = NULL;
	struct assessment *as = export_load(a, r.ref, &db);
	if (as == NULL)
		return EXIT_BAD_INPUT;
	r.o.db_path = db;
	struct diag d = DIAG_INIT;
	if (r.output != NULL)
		rc = export_to_file(a->cat, a->form, as, &r.o, r.output, &d);
	else
		rc = export_to_stream(a->cat, a->form, as, &r.o, stdout, &d);
	assessment_free(as);
	free(db);
	if (rc < 0)
		return cli_fail("export", &d);
	if (r.output != NULL)
		fprintf(stderr, _("Wrote %s.\n"), r.output);
	return EXIT_OK;
}

static int cmd_import(struct app *a, int argc, char **argv)
{
	if (argc != 2 || argv[1][0] == '-')
		return cli_usage_error("import", import_args, _("give one exported assessment file"));
	if (app_core(a) < 0)
		return EXIT_BAD_INPUT;
	struct diag d = DIAG_INIT;
	/* the whole file is read and checked before the database is opened */
	struct assessment *as = import_file(a->cat, a->form, argv[1], &d);
	if (as == NULL)
		return cli_fail("import", &d);
	struct store *st = cli_store_open(a, "import");
	int64_t id = 0, opened = st != NULL;
	/* the history names the file by its absolute path, as evidence is */
	char *from = realpath(argv[1], NULL);
	int rc = opened ? store_import(st, as, from ? from : argv[1], &id, &d) : -1;
	free(from);
	store_close(st);
	if (rc == 0)
		printf(_("Imported as assessment %lld: %s\n"), (long long)id,
		       cli_shown(as->survey->details[DETAIL_NAME]));
	assessment_free(as);
	if (rc < 0)
		return opened ? cli_fail("import", &d) : EXIT_BAD_INPUT;
	return EXIT_OK;
}

int cli_export_command(struct app *a, int argc, char **argv)
{
	if (strcmp(argv[0], "import") == 0)
		return cmd_import(a, argc, argv);
	return cmd_export(a, argc, argv);
}
