/* cli_store_show.c - `iotscope show ID`: the details, the Fig. 16 answers
 * as the template lays them out, the Annex 3 pattern and the progress. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli_store.h"
#include "derive.h"
#include "i18n.h"
#include "timefmt.h"

static const char *glyph(enum answer a)
{
	return a == ANSWER_YES ? "○" : a == ANSWER_NO ? "×" : "-";
}

static void show_details(const struct assessment *as)
{
	const struct survey *s = as->survey;
	printf(_("Assessment %lld: %s\n"), (long long)as->id, cli_shown(s->details[DETAIL_NAME]));
	for (int k = 1; k < N_DETAILS; k++)
		printf("  %-16s %s\n", survey_detail_id((enum detail)k),
		       s->details[k] ? cli_shown(s->details[k]) : "-");
	int p = survey_pattern(s);
	if (p > 0)
		printf("  %-16s %d\n", _("pattern"), p);
	else
		printf("  %-16s %s\n", _("pattern"),
		       _("- (set confidentiality and availability for Annex 2)"));
	printf("  %-16s %s (%s %d)\n", _("catalog"), as->catalog_edition ? as->catalog_edition : "?",
	       _("revision"), as->catalog_revision);
	char t1[TIME_LOCAL_SIZE], t2[TIME_LOCAL_SIZE];
	const char *created = time_local(as->created, t1), *changed = time_local(as->changed, t2);
	printf("  %-16s %s\n  %-16s %s\n", _("created"), created ? cli_shown(created) : "?",
	       _("changed"), changed ? cli_shown(changed) : "?");
}

static void show_line(const struct app *a, const struct survey *s, const struct form_line *l)
{
	for (int i = 0; i < l->ncells; i++) {
		const struct form_cell *fc = &l->cells[i];
		const char *col = a->form->columns[fc->column];
		if (fc->type == FCELL_FIXED)
			printf("    %c ○  %-26s", col[0], fc->fixed_id);
		else if (fc->type == FCELL_ANSWER)
			printf("    %c %s  %-26s", col[0], glyph(s->answers[fc->cell]),
			       a->form->cells[fc->cell].id);
		else
			continue;	/* the mirror of the B cell: same answer */
		if (l->item != NULL)
			printf(" %s", l->item);
		printf(" %s\n", form_line_subject(a->cat, l) ? form_line_subject(a->cat, l) : "");
	}
}

static void show_answers(const struct app *a, const struct survey *s)
{
	const struct form *f = a->form;
	printf(_("\nFig. 16 answers (%zu of %zu cells answered; - = not yet):\n"),
	       survey_answered(s), f->ncells);
	int group = -1;
	for (size_t b = 0; b < f->nblocks; b++) {
		const struct form_block *blk = &f->blocks[b];
		if (blk->group != group) {
			group = blk->group;
			printf("  %s\n", f->groups[group].label);
		}
		printf("   %s\n", blk->label);
		for (size_t i = blk->first; i < blk->first + blk->nlines; i++)
			show_line(a, s, &f->lines[i]);
	}
}

static void show_dropped(const struct app *a, const struct assessment *as)
{
	struct derivation *dv = derive(a->cat, as->survey);
	if (dv == NULL)
		return;
	for (size_t i = 0; i < as->nreviews; i++) {
		const struct cm_review *r = &as->reviews[i];
		int cm = catalog_cm_index(a->cat, r->cm);
		if ((cm >= 0 && derivation_find(dv, cm) != NULL) ||
		    !assessment_review_written(r))
			continue;
		printf(_("  %s: reviewed (%s) but no longer derived from the answers; "
			 "the review is kept\n"), r->cm, decision_id(r->decision));
	}
	derivation_free(dv);
}

static int show_progress(const struct app *a, const struct assessment *as)
{
	struct assessment_progress p;
	char *names = NULL;
	for (size_t k = 0; k < a->cat->n_checklists; k++) {
		char *next = str_printf("%s%s%s", names ? names : "", k ? ", " : "",
					a->cat->checklists[k].name);
		free(names);
		if ((names = next) == NULL)
			return -1;
	}
	if (assessment_progress_of(as, a->cat, &p) < 0) {
		free(names);
		return -1;
	}
	printf(_("\nProgress: %zu of %zu candidate countermeasures reviewed; "
		 "%zu of %zu checklist items (%s) have a status.\n"),
	       p.reviewed, p.derived, p.checks_done, p.checks, names ? names : "");
	free(names);
	if (p.dropped > 0)
		show_dropped(a, as);
	return 0;
}

int cli_cmd_show(struct app *a, int argc, char **argv)
{
	if (argc != 2)
		return cli_usage_error(argv[0], "ID", _("give one assessment"));
	if (app_core(a) < 0)
		return EXIT_BAD_INPUT;
	struct assessment *as = cli_store_load(a, argv[0], argv[1]);
	if (as == NULL)
		return EXIT_BAD_INPUT;
	show_details(as);
	show_answers(a, as->survey);
	int rc = show_progress(a, as);
	assessment_free(as);
	if (rc < 0) {
		fprintf(stderr, "iotscope show: %s\n", _("out of memory"));
		return EXIT_BAD_INPUT;
	}
	return EXIT_OK;
}
