/* catalog_pages.c - the guideline's table of contents (pages.xml, issue
 * 12): each section's first page as the contents print it, so that a
 * report can say where to read (the seed has no page markers).  A
 * section runs to the page before the next section of its level or
 * above; that is all the contents tell, so it is a range, never the page
 * of a passage. */
#include "config.h"

#include <string.h>

#include "arena.h"
#include "catalog_parse.h"

/* 0 for the parts "I" to "V"; 1 for "IV.4" and for "Annex1": the
 * annexes are the fifth part, 参考資料 (seed 105, 131), so V runs on
 * through Annex 8, to an end the contents do not give. */
static int toc_level(const char *id)
{
	return strchr(id, '.') != NULL || strncmp(id, "Annex", 5) == 0;
}

/* The page before the next section of S's level or above, or S's own
 * page when that section starts on it too; 0 when none follows. */
static int last_page(const struct cat_toc *t, size_t n, size_t i)
{
	for (size_t k = i + 1; k < n; k++)
		if (toc_level(t[k].id) <= toc_level(t[i].id))
			return t[k].page > t[i].page ? t[k].page - 1 : t[i].page;
	return 0;
}

int ld_pages(struct loader *ld, const xmlNode *root)
{
	struct catalog *c = ld->c;
	if (c->toc != NULL)
		return ld_fail(ld, root, "the table of contents is given twice");
	size_t n = 0;
	for (const xmlNode *e = xml_first(root, "section"); e; e = xml_next(e, "section"))
		n++;
	struct cat_toc *t = arena_array(c->arena, n, sizeof *t);
	if (t == NULL)
		return ld_fail(ld, root, "out of memory");
	size_t i = 0;
	for (const xmlNode *e = xml_first(root, "section"); e; e = xml_next(e, "section"), i++) {
		t[i].page = ld_attr_int(e, "page");
		t[i].line = ld_attr_int(e, "line");
		if ((t[i].id = ld_attr_dup(ld, e, "id")) == NULL ||
		    (t[i].title = ld_text(ld, e)) == NULL)
			return -1;
		for (size_t k = 0; k < i; k++)
			if (strcmp(t[k].id, t[i].id) == 0)
				return ld_fail(ld, e, "section %s is listed twice", t[i].id);
		/* printed in page order: a page that goes back is a misreading */
		if (i > 0 && t[i].page < t[i - 1].page)
			return ld_fail(ld, e, "section %s starts on page %d, before %s on page %d",
				       t[i].id, t[i].page, t[i - 1].id, t[i - 1].page);
	}
	for (i = 0; i < n; i++)
		t[i].last = last_page(t, n, i);
	c->toc = t;
	c->ntoc = n;
	return 0;
}

const struct cat_toc *catalog_toc_of(const struct catalog *c, const char *id)
{
	const struct cat_toc *best = NULL;
	for (size_t i = 0; i < c->ntoc; i++) {
		size_t len = strlen(c->toc[i].id);
		if (strncmp(id, c->toc[i].id, len) == 0 && (id[len] == '\0' || id[len] == '.') &&
		    (best == NULL || len > strlen(best->id)))
			best = &c->toc[i];
	}
	return best;
}
