/* ui_guide.c - an item's guidance as one text (ui_guide.h). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "ui_guide.h"

const struct cat_gitem *ui_guide_item(const struct catalog *c, const char *id)
{
	const struct cat_gitem *it = guidance_item(c, id);
	const char *dot = strrchr(id, '.');
	if (it != NULL || dot == NULL)
		return it;
	char *parent = strndup(id, (size_t)(dot - id));	/* III.1.1.1.a: III.1.1.1 */
	it = parent ? guidance_item(c, parent) : NULL;
	free(parent);
	return it;
}

/* TEXT with every line after the first indented by INDENT spaces (the
 * wrap keeps them), then a blank line. */
static void para(FILE *f, int indent, const char *head, const char *text)
{
	fprintf(f, "%*s%s", indent, "", head);
	for (const char *p = text; *p; p++) {
		fputc(*p, f);
		if (*p == '\n')
			fprintf(f, "%*s", indent, "");
	}
	fputc('\n', f);
}

static void blocks(FILE *f, const struct catalog *c, const struct cat_gitem *it)
{
	if (it->nblocks == 0)
		return;
	fprintf(f, "\n%s\n", _("ISO/IEC 27002:2013 controls of this section:"));
	for (size_t k = 0; k < it->nblocks; k++) {
		const struct cat_block *b = guidance_item_block(c, it, k);
		fprintf(f, "\n%s %s%s\n", b->clause, b->title,
			b->cloud ? _(" (※ a cloud addition, not in ISO/IEC 27002)") : "");
		para(f, 2, b->control ? _("Control: ") : _("Objective: "), b->text);
		for (int a = 0; a < N_GUIDANCE_ANNEXES; a++) {
			const struct cat_clause_text *t = guidance_annex_clause(c, a, b->clause);
			if (t == NULL)
				continue;
			fprintf(f, "  %s %s %s\n", a == GUIDANCE_ANNEX5 ? _("Annex 5:") : _("Annex 6:"),
				t->number, t->title);
			if (t->text[0])
				para(f, 4, "", t->text);
		}
	}
}

char *ui_guide_text(const struct catalog *c, const struct cat_gitem *it)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);
	if (f == NULL)
		return NULL;
	fprintf(f, "%s (%s)\n", it->id, it->level == LEVEL_BASIC ? _("basic") :
		it->level == LEVEL_RECOMMENDED ? _("recommended") : "-");
	para(f, 0, "", it->text);
	if (it->nbps > 0)
		fprintf(f, "\n%s\n", _("Best practices:"));
	for (size_t i = 0; i < it->nbps; i++) {
		const struct cat_bp *b = &it->bps[i];
		char *head = str_printf(b->depth == 0 ? "%s. " : "%s) ", b->label);
		para(f, 2 + 3 * b->depth, head ? head : "", b->text);
		free(head);
	}
	if (it->nevals > 0)
		fprintf(f, "\n%s\n", _("Evaluation items:"));
	for (size_t i = 0; i < it->nevals; i++) {
		char *head = str_printf("%s. ", it->evals[i].label);
		para(f, 2, head ? head : "", it->evals[i].text);
		free(head);
	}
	blocks(f, c, it);
	if (ferror(f)) {
		fclose(f);
		free(s);
		return NULL;
	}
	if (fclose(f) != 0) {
		free(s);
		return NULL;
	}
	return s;
}
