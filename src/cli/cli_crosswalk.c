/* cli_crosswalk.c - `iotscope crosswalk ID`: the ISO/IEC 27002:2013
 * clauses printed in Parts II/III, each with the guideline items tied to
 * it and their checklist status in the assessment (crosswalk.h) */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_store.h"
#include "crosswalk.h"
#include "i18n.h"

/* The status as words, with how many sub-items carry one when the item
 * has sub-items: "partly (1/2)". */
static void print_status(const struct crosswalk_row *r, int tsv)
{
	if (tsv)
		printf("%s\t%zu\t%zu", check_status_id(r->status), r->subs_set, r->subs);
	else if (r->subs > 0)
		printf("%s (%zu/%zu)", check_status_label(r->status), r->subs_set, r->subs);
	else
		printf("%s", check_status_label(r->status));
}

/* Text: a heading per clause (number, title, the （※） mark), then one
 * indented line per item.  TSV: one line per row, every field its own
 * cell (clause, cloud, title, item, checklist id, status, sub-items set, sub-items,
 * note), the first line naming them. */
static void print_rows(const struct crosswalk_row *r, size_t n, int tsv)
{
	if (tsv)
		printf("clause\tcloud\tclause_title\titem\tchecklist\tstatus\tsubs_set\tsubs\tnote\n");
	for (size_t i = 0; i < n; i++) {
		const struct cat_block *b = r[i].block;
		if (tsv) {
			printf("%s\t%s\t%s\t%s\t%s\t", b->clause, b->cloud ? "cloud" : "",
			       b->title, r[i].item->id, r[i].checklist->id);
			print_status(&r[i], 1);
			printf("\t%s\n", r[i].note ? cli_shown(r[i].note) : "");
			continue;
		}
		if (i == 0 || r[i - 1].block != b)
			printf("%s %s%s\n", b->clause, b->title, b->cloud ? " (※)" : "");
		printf("    %-10s ", r[i].item->id);
		print_status(&r[i], 0);
		if (r[i].note)
			printf("  %s", cli_shown(r[i].note));
		printf("\n");
	}
}

int cli_cmd_crosswalk(struct app *a, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ NULL, 0, NULL, 0 }
	};
	int tsv = 0, c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "f:", opts, NULL)) != -1) {
		if (c != 'f' || (strcmp(optarg, "text") != 0 && strcmp(optarg, "tsv") != 0))
			return cli_usage_error(argv[0], "ID [--format text|tsv]",
					       _("--format takes text or tsv"));
		tsv = strcmp(optarg, "tsv") == 0;
	}
	if (argc - optind != 1)
		return cli_usage_error(argv[0], "ID [--format text|tsv]", _("give one assessment"));
	if (app_core(a) < 0)
		return EXIT_BAD_INPUT;
	if (a->cat->guidance == NULL) {
		cli_print_error(argv[0], _("the catalog holds no guidance parts "
					   "(guidance-II.xml, guidance-III.xml)"));
		return EXIT_BAD_INPUT;
	}
	struct assessment *as = cli_store_load(a, argv[0], argv[optind]);
	if (as == NULL)
		return EXIT_BAD_INPUT;
	struct crosswalk_row *rows;
	size_t n;
	int rc = crosswalk_build(a->cat, as, &rows, &n);
	assessment_free(as);
	if (rc < 0) {
		cli_print_error(argv[0], _("out of memory"));
		return EXIT_BAD_INPUT;
	}
	print_rows(rows, n, tsv);
	crosswalk_free(rows, n);
	return EXIT_OK;
}
