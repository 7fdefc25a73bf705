/* cli.c - the command line over the core library */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "catalog_guidance.h"
#include "cli_store.h"
#include "derive.h"
#include "export.h"
#include "i18n.h"
#include "survey.h"
#include "text.h"
#include "text_width.h"

struct command {
	const char *name;
	int (*run)(struct app *a, int argc, char **argv);
	const char *args;		/* NULL: export's, from the format table */
	const char *help;
};

static const struct command *find_command(const char *name);

static int usage_error(const char *cmd, const char *why)
{
	const struct command *c = find_command(cmd);
	fprintf(stderr, "iotscope %s: %s\n%s: iotscope %s %s\n", cmd, why, _("usage"), cmd,
		c && c->args ? _(c->args) : "");
	return EXIT_USAGE;
}

/* ---------- derive ---------- */

enum format { FORMAT_TEXT, FORMAT_IDS, FORMAT_XML };

static int parse_format(const char *s, enum format *f)
{
	static const char *const names[] = { "text", "ids", "xml" };
	for (int i = 0; i < 3; i++)
		if (strcmp(s, names[i]) == 0) {
			*f = (enum format)i;
			return 0;
		}
	return -1;
}

static void print_reason(const struct catalog *c, const struct cat_cm *cm,
			 const struct reason *r)
{
	if (r->row == NULL) {
		char *where = catalog_trigger_label(c, &cm->listed);
		printf("      %s %s: %s\n", _("IV.5 lists it under"),
		       catalog_map_id(r->map), where ? where : "?");
		free(where);
		return;
	}
	char *trig = catalog_trigger_label(c, &r->row->trigger);
	printf("      %s %s › %s › %s\n", catalog_map_id(r->map), trig ? trig : "?",
	       r->row->category, r->row->risk);
	free(trig);
}

static void print_open_cells(const struct form *f, const struct derivation *dv)
{
	if (dv->nopen == 0)
		return;
	printf(_("Still open (%zu of %zu cells): "), dv->nopen, f->ncells);
	for (size_t i = 0; i < dv->nopen; i++)
		printf("%s%s", i ? " " : "", f->cells[dv->open_cells[i]].id);
	printf("\n%s\n", _("The list below is what the answers given so far allow."));
}

static void derive_text(const struct app *a, const struct survey *s,
			const struct derivation *dv, const char *source)
{
	const struct catalog *c = a->cat;
	const char *name = s->details[DETAIL_NAME];
	printf("%s: %s (%s)\n", _("Survey"), name ? cli_shown(name) : "-", cli_shown(source));
	print_open_cells(a->form, dv);
	printf(_("%zu candidate countermeasures (A %zu, B %zu, C %zu).\n"), dv->nitems,
	       dv->per_viewpoint[0], dv->per_viewpoint[1], dv->per_viewpoint[2]);
	printf("%s\n", _("As IV.4.1.2 says, these are candidates to consider against "
			 "the service as it is, not a list that must all be done."));
	int vp = -1;
	for (size_t i = 0; i < dv->nitems; i++) {
		const struct derived *it = &dv->items[i];
		const struct cat_cm *cm = &c->cms[it->cm];
		if (cm->viewpoint != vp) {
			vp = cm->viewpoint;
			printf("\n%s %s (%zu)\n", c->viewpoints[vp].id, c->viewpoints[vp].label,
			       dv->per_viewpoint[vp]);
		}
		/* C-2-ク is wider than its bytes: pad by display columns */
		int pad = 9 - text_width(cm->number);
		printf("  %s%*s %s\n", cm->number, pad > 0 ? pad : 0, "", cm->title);
		for (size_t r = 0; r < it->nreasons; r++)
			print_reason(c, cm, &it->reasons[r]);
	}
}

/* The countermeasure-review export of S with no review (forms/
 * assessment.xsd, validated before it is written): the derivation goes
 * through the export writers like every other XML file (issue 9), and
 * carries no time, so the same survey gives the same bytes. */
static int derive_xml(const struct app *a, struct survey *s)
{
	struct assessment *as = assessment_new(a->form);
	if (as == NULL) {
		fprintf(stderr, "iotscope derive: %s\n", _("out of memory"));
		return EXIT_BAD_INPUT;
	}
	survey_free(as->survey);
	as->survey = s;			/* borrowed, given back below */
	struct export_options o = { .what = EXPORT_COUNTERMEASURES, .format = EXPORT_XML,
				    .timeless = 1 };
	struct diag d = DIAG_INIT;
	int rc = export_to_stream(a->cat, a->form, as, &o, stdout, &d);
	if (rc < 0)
		cli_print_error("derive", diag_msg(&d));
	diag_clear(&d);
	as->survey = NULL;
	assessment_free(as);
	return rc < 0 ? EXIT_BAD_INPUT : EXIT_OK;
}

/* A survey file (a path, or a name ending in .xml), else an assessment
 * of the store by id or name; NULL after saying why. */
static struct survey *derive_source(struct app *a, const char *source)
{
	size_t len = strlen(source);
	int file_like = strchr(source, '/') != NULL ||
		(len >= 4 && strcmp(source + len - 4, ".xml") == 0);
	if (!file_like && access(source, F_OK) != 0) {
		struct assessment *as = cli_store_load(a, "derive", source);
		if (as == NULL)
			return NULL;
		struct survey *s = as->survey;
		as->survey = NULL;
		assessment_free(as);
		return s;
	}
	struct diag d = DIAG_INIT;
	struct survey *s = survey_load(a->form, source, &d);
	if (s == NULL)
		cli_print_error(NULL, diag_msg(&d));
	diag_clear(&d);
	return s;
}

static int cmd_derive(struct app *a, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	enum format fmt = FORMAT_TEXT;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "f:", opts, NULL)) != -1) {
		if (c != 'f')
			return usage_error("derive", _("unknown option"));
		if (parse_format(optarg, &fmt) < 0)
			return usage_error("derive", _("--format takes text, ids or xml"));
	}
	if (argc - optind != 1)
		return usage_error("derive", _("give one survey file or assessment"));
	if (app_core(a) < 0)
		return EXIT_BAD_INPUT;
	const char *source = argv[optind];
	struct survey *s = derive_source(a, source);
	if (s == NULL)
		return EXIT_BAD_INPUT;
	struct derivation *dv = fmt == FORMAT_XML ? NULL : derive(a->cat, s);
	int rc = EXIT_OK;
	if (fmt == FORMAT_XML) {
		rc = derive_xml(a, s);	/* the export derives it */
	} else if (dv == NULL) {
		fprintf(stderr, "iotscope derive: %s\n", _("out of memory"));
		rc = EXIT_BAD_INPUT;
	} else if (fmt == FORMAT_IDS) {
		for (size_t i = 0; i < dv->nitems; i++)
			printf("%s\n", a->cat->cms[dv->items[i].cm].id);
	} else {
		derive_text(a, s, dv, source);
	}
	derivation_free(dv);
	survey_free(s);
	return rc;
}

/* ---------- catalog ---------- */

static void print_repairs(const struct catalog *c)
{
	printf("# %s\n\n", _("Repair log of the catalog"));
	printf("%s\n\n", _("Every place where the catalog is not a straight copy of one line "
			   "of the seed text, with the seed line and what was restored. "
			   "Generated by `iotscope catalog --repairs` from the <repair> "
			   "elements beside the data."));
	const char *file = NULL;
	for (size_t i = 0; i < c->nrepairs; i++) {
		const struct cat_repair *r = &c->repairs[i];
		if (file == NULL || strcmp(file, r->file) != 0) {
			file = r->file;
			const char *base = strrchr(file, '/');
			printf("\n## %s\n\n", base ? base + 1 : file);
		}
		printf("- seed line %d, %s: %s\n", r->line, r->where, r->text);
	}
}

/* The guidance parts of issue 13, when the catalog lists them. */
static void print_guidance_counts(const struct catalog *c)
{
	struct guidance_counts n;
	guidance_count(c, &n);
	if (c->guidance == NULL)
		return;
	printf(_("Parts II/III guidance: %zu items, %zu best-practice entries, "
		 "%zu evaluation items\n"), n.items, n.bps, n.evals);
	printf(_("ISO/IEC 27002 blocks: %zu categories, %zu controls, %zu distinct clauses, "
		 "%zu marked (※) as cloud additions, %zu ties to items\n"),
	       n.categories, n.controls, n.clauses, n.cloud, n.ties);
	printf(_("Annex 5: %zu headings; Annex 6: %zu headings\n"),
	       n.annex[GUIDANCE_ANNEX5], n.annex[GUIDANCE_ANNEX6]);
	printf(_("I.6 glossary: %zu terms; Annex 7: %zu topics\n"), n.terms, n.topics);
}

static void print_counts(const struct catalog *c)
{
	printf("%s: %s (%s)\n", _("Catalog"), c->title, c->dir);
	printf("%s %s, %s %d\n", _("edition"), c->edition, _("data revision"), c->revision);
	size_t actions = 0, duties = 0, rows = 0;
	size_t per_vp[N_VIEWPOINTS] = { 0 }, iot = 0;
	for (size_t i = 0; i < c->ncms; i++) {
		per_vp[c->cms[i].viewpoint]++;
		iot += c->cms[i].iot;
		actions += c->cms[i].nactions;
		for (size_t t = 0; t < c->cms[i].ntransfers; t++)
			duties += c->cms[i].transfers[t].nduties;
	}
	printf(_("countermeasures: %zu (A %zu, B %zu, C %zu; %zu IoT guideline points), "
		 "%zu actions, %zu duties to transfer\n"),
	       c->ncms, per_vp[0], per_vp[1], per_vp[2], iot, actions, duties);
	printf("%s:", _("map rows"));
	for (int m = 0; m < N_MAPS; m++) {
		printf(" %s %zu", catalog_map_id((enum map_id)m), c->maps[m].nrows);
		rows += c->maps[m].nrows;
	}
	printf(" (%s %zu)\n", _("total"), rows);
	for (size_t k = 0; k < c->n_checklists; k++) {
		const struct cat_annex *cl = &c->checklists[k];
		size_t basic = 0, subs = 0;
		for (size_t i = 0; i < cl->nentries; i++) {
			const struct cat_annex_entry *e = &cl->entries[i];
			basic += e->checkable && e->level == LEVEL_BASIC;
			subs += e->kind == ANNEX_SUB;
		}
		printf(_("%s: %zu checklist items (%zu basic, %zu recommended; %zu sub-items)\n"),
		       cl->name, cl->nitems, basic, cl->nitems - basic, subs);
	}
	printf(_("Annex 3: %d patterns\n"), N_PATTERNS);
	print_guidance_counts(c);
	if (c->ntoc > 0)
		printf(_("table of contents: %zu sections, from page %d to page %d\n"), c->ntoc,
		       c->toc[0].page, c->toc[c->ntoc - 1].page);
	printf(_("repairs of the damaged source tables: %zu\n"), c->nrepairs);
	printf("%s\n", _("valid: every part matches catalog.xsd and every number a map names exists"));
}

static int cmd_catalog(struct app *a, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "repairs", no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	int repairs = 0, c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "r", opts, NULL)) != -1) {
		if (c != 'r')
			return usage_error("catalog", _("unknown option"));
		repairs = 1;
	}
	if (optind != argc)
		return usage_error("catalog", _("takes no arguments"));
	a->validate_catalog = 1;	/* the command that checks the catalog */
	if (app_core(a) < 0)
		return EXIT_BAD_INPUT;
	if (repairs)
		print_repairs(a->cat);
	else
		print_counts(a->cat);
	return EXIT_OK;
}

/* ---------- the table ---------- */

/* The help names the catalog's checklists when the catalog loads; it is
 * printed all the same when it does not. */
static int cmd_help(struct app *a, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	struct diag d = DIAG_INIT;
	struct catalog *c = a->cat ? NULL : catalog_load(a->catalog_dir, &d);
	diag_clear(&d);
	cli_usage(stdout, a->cat ? a->cat : c);
	catalog_free(c);
	return EXIT_OK;
}

static int cmd_workbench(struct app *a, int argc, char **argv);

static const struct command commands[] = {
	{ "workbench", cmd_workbench, "",
	  N_("open the full-screen workbench (the default)") },
	{ "derive", cmd_derive, "[--format text|ids|xml] SURVEY.xml|ID",
	  N_("print the candidate countermeasures a survey derives, with their reasons") },
	{ "catalog", cmd_catalog, "[--repairs]",
	  N_("validate the catalog and print what it holds, or its repair log") },
	/* cli_store.c, cli_store_show.c, cli_store_edit.c */
	{ "list", cli_cmd_list, "", N_("list the assessments in the database") },
	{ "new", cli_cmd_new, "NAME [--from ID | --from-survey FILE]",
	  N_("create an assessment, empty or from another or from a survey file") },
	{ "show", cli_cmd_show, "ID", N_("show an assessment: details, answers, progress") },
	{ "set", cli_cmd_set, "ID CELL o|x|-",
	  N_("answer a survey cell (or set a detail: name, operator, ...)") },
	{ "review", cli_cmd_review, "ID CM [--decision D] [--action KEY=STATE] [--note TEXT]",
	  N_("review a derived countermeasure and tick its actions") },
	{ "check", cli_cmd_check, "ID ITEM STATUS [--checklist ID] [--note TEXT]",
	  N_("set the status of a checklist item (Annex 1, 2, ...); with no arguments, "
	     "check the whole database") },
	{ "copy", cli_cmd_copy_rename, "ID NAME", N_("copy an assessment as a starting point") },
	{ "rename", cli_cmd_copy_rename, "ID NAME", N_("rename an assessment") },
	{ "delete", cli_cmd_delete, "ID [--yes]", N_("delete an assessment (asks first)") },
	{ "history", cli_cmd_history, "ID [--format text|tsv]", N_("show who changed what, and when") },
	{ "crosswalk", cli_cmd_crosswalk, "ID [--format text|tsv]",
	  N_("list the ISO/IEC 27002 clauses with the guideline items tied to each "
	     "and their checklist status") },
	{ "backup", cli_cmd_backup, "PATH", N_("write a consistent copy of the database") },
	/* cli_export.c */
	{ "export", cli_export_command, NULL, N_("export for auditors") },
	{ "import", cli_export_command, "FILE.xml", N_("create an assessment from an export") },
	/* cli_workbook.c */
	{ "import-checks", cli_workbook_command, "FILE.xlsx ID [--yes]",
	  N_("read a filled XLSX workbook back: show each change, apply them after a yes") },
	{ "help", cmd_help, "", N_("print this help") },
};

static const struct command *find_command(const char *name)
{
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static int cmd_workbench(struct app *a, int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return usage_error("workbench", _("takes no arguments"));
	if (app_core(a) < 0)
		return EXIT_BAD_INPUT;
	if (a->workbench == NULL) {	/* a program built without one */
		fprintf(stderr, "iotscope: %s\n", _("no workbench in this program"));
		return EXIT_BAD_INPUT;
	}
	return a->workbench(a);
}

void cli_usage(FILE *out, const struct catalog *cat)
{
	fprintf(out, "%s: iotscope [--catalog DIR] [--db PATH] [--assessor NAME] [--ambiwidth 1|2|auto] "
		"[COMMAND [ARGS]]\n\n",
		_("usage"));
	fprintf(out, "%s\n\n", _("Derive and review the IoT countermeasures of the MIC cloud "
				 "security guideline (2nd ed., 2018), Part IV."));
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		const struct command *c = &commands[i];
		char *args = c->args == NULL ? cli_export_args(cat) : NULL;
		fprintf(out, "  %-10s %s\n  %-10s   %s\n", c->name,
			args ? args : c->args ? _(c->args) : "", "", _(c->help));
		free(args);
	}
	fprintf(out, "\n%s\n", _("Exit status: 0 success, 1 bad input, 2 usage error."));
}

int cli_run(struct app *a, int argc, char **argv)
{
	const struct command *c = find_command(argv[0]);
	if (c == NULL) {
		fprintf(stderr, "iotscope: %s '%s'\n", _("unknown command"), argv[0]);
		cli_usage(stderr, a->cat);
		return EXIT_USAGE;
	}
	return c->run(a, argc, argv);
}
