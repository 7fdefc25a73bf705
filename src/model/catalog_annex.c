/* catalog_annex.c - a checklist part (<annex>: annex1.xml, annex2.xml, or
 * any other catalog.xml lists), flattened in document order */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog_parse.h"

struct annex_builder {
	struct cat_annex_entry *v;
	size_t n, cap;
};

static struct cat_annex_entry *annex_push(struct loader *ld, struct annex_builder *b,
					  const xmlNode *e, enum annex_kind kind, int depth)
{
	struct cat_annex_entry *x = ld_grow(ld, e, &b->v, b->n, &b->cap, sizeof *b->v, 256);
	if (x == NULL)
		return NULL;
	b->n++;
	x->kind = kind;
	x->depth = depth;
	x->line = ld_attr_int(e, "line");
	x->id = ld_attr_dup(ld, e, "id");
	if (x->id == NULL) {
		ld_fail(ld, e, "out of memory");
		return NULL;
	}
	char *lv = xml_attr(e, "level");
	x->level = lv == NULL ? LEVEL_NONE :
		   strcmp(lv, "basic") == 0 ? LEVEL_BASIC : LEVEL_RECOMMENDED;
	xmlFree(lv);
	return x;
}

/* text, eval and the six reference values of an item or sub-item */
static int annex_body(struct loader *ld, const xmlNode *e, struct cat_annex_entry *x)
{
	if ((x->text = ld_child_text(ld, e, "text")) == NULL)
		return -1;
	if (xml_first(e, "eval") && (x->eval = ld_child_text(ld, e, "eval")) == NULL)
		return -1;
	for (const xmlNode *r = xml_first(e, "ref"); r; r = xml_next(r, "ref")) {
		int p = ld_attr_int(r, "pattern");
		if (p < 1 || p > N_PATTERNS || x->refs[p - 1] != NULL)
			return ld_fail(ld, r, "pattern given twice or out of range");
		if ((x->refs[p - 1] = ld_text(ld, r)) == NULL)
			return -1;
		char *req = xml_attr(r, "required");
		if (req && (strcmp(req, "true") == 0 || strcmp(req, "1") == 0))
			x->required |= 1u << (p - 1);
		xmlFree(req);
	}
	if (x->eval != NULL && xml_first(e, "ref") == NULL)
		return ld_fail(ld, e, "evaluation item without reference values");
	if (xml_first(e, "ref") != NULL && !ld->checklists[ld->n_checklists].pattern_refs)
		return ld_fail(ld, e, "reference values in a checklist without pattern-refs=\"true\"");
	x->checkable = 1;
	return 0;
}

static int annex_item(struct loader *ld, struct annex_builder *b, const xmlNode *e,
		      int depth, int section)
{
	struct cat_annex_entry *x = annex_push(ld, b, e, ANNEX_ITEM, depth);
	if (x == NULL || (x->number = ld_attr_dup(ld, e, "number")) == NULL)
		return -1;
	x->section = section;
	if (xml_first(e, "sub") == NULL) {
		if (x->level == LEVEL_NONE)
			return ld_fail(ld, e, "item %s has no level (基本/推奨)", x->id);
		return annex_body(ld, e, x);
	}
	for (const xmlNode *s = xml_first(e, "sub"); s; s = xml_next(s, "sub")) {
		struct cat_annex_entry *y = annex_push(ld, b, s, ANNEX_SUB, depth + 1);
		if (y == NULL)
			return -1;
		y->section = section;
		char *letter = xml_attr(s, "letter");
		y->number = letter ? arena_strdup(ld->c->arena, letter) : NULL;
		xmlFree(letter);
		if (y->number == NULL || annex_body(ld, s, y) < 0)
			return -1;
	}
	return 0;
}

static int annex_section(struct loader *ld, struct annex_builder *b, const xmlNode *e,
			 int depth, int section)
{
	struct cat_annex_entry *x = annex_push(ld, b, e, ANNEX_SECTION, depth);
	if (x == NULL)
		return -1;
	if (depth == 0)
		section = (int)(b->n - 1);
	x->section = section;
	if ((x->number = ld_attr_dup(ld, e, "number")) == NULL ||
	    (x->text = ld_child_text(ld, e, "title")) == NULL)
		return -1;
	for (const xmlNode *c = xml_first(e, NULL); c; c = xml_next(c, NULL)) {
		int rc = 0;
		if (xml_is(c, "section"))
			rc = annex_section(ld, b, c, depth + 1, section);
		else if (xml_is(c, "item"))
			rc = annex_item(ld, b, c, depth + 1, section);
		if (rc < 0)
			return -1;
	}
	return 0;
}

static int checklist_head(struct loader *ld, const xmlNode *root, struct cat_annex *a)
{
	if ((a->id = ld_attr_dup(ld, root, "id")) == NULL ||
	    (a->name = ld_attr_dup(ld, root, "name")) == NULL)
		return -1;
	/* export --what takes these besides the checklists' ids (export.c) */
	static const char *const reserved[] = { "assessment", "countermeasures", "crosswalk" };
	for (size_t k = 0; k < sizeof reserved / sizeof reserved[0]; k++)
		if (strcmp(a->id, reserved[k]) == 0)
			return ld_fail(ld, root, "checklist id '%s' is taken (export --what %s)",
				       a->id, a->id);
	for (size_t k = 0; k < ld->n_checklists; k++)
		if (strcmp(ld->checklists[k].id, a->id) == 0)
			return ld_fail(ld, root, "checklist '%s' given twice", a->id);
	char *refs = xml_attr(root, "pattern-refs");
	a->pattern_refs = refs && (strcmp(refs, "true") == 0 || strcmp(refs, "1") == 0);
	xmlFree(refs);
	if ((a->title = ld_child_text(ld, root, "title")) == NULL ||
	    ld_texts(ld, root, "note", &a->notes, &a->nnotes) < 0)
		return -1;
	static const char *const keys[N_ANNEX_COLUMNS] = {
		"number", "eval-number", "item", "level", "eval", "ref", "check"
	};
	for (const xmlNode *e = xml_first(root, "column"); e; e = xml_next(e, "column")) {
		char *key = xml_attr(e, "key");
		int k = key ? ld_find_id(keys, N_ANNEX_COLUMNS, key) : -1;
		xmlFree(key);
		if (k < 0 || (a->columns[k] = ld_text(ld, e)) == NULL)
			return -1;
	}
	return 0;
}

/* The entries, and every checkable id once. */
static int checklist_body(struct loader *ld, const xmlNode *root, struct cat_annex *a)
{
	struct annex_builder b = { NULL, 0, 0 };
	for (const xmlNode *s = xml_first(root, "section"); s; s = xml_next(s, "section"))
		if (annex_section(ld, &b, s, 0, 0) < 0) {
			free(b.v);
			return -1;
		}
	a->entries = arena_array(ld->c->arena, b.n, sizeof *a->entries);
	if (a->entries == NULL) {
		free(b.v);
		return ld_fail(ld, root, "out of memory");
	}
	memcpy(a->entries, b.v, b.n * sizeof *b.v);
	a->nentries = b.n;
	free(b.v);
	for (size_t i = 0; i < a->nentries; i++) {
		if (!a->entries[i].checkable)
			continue;
		a->nitems++;
		if (catalog_item_index(a, a->entries[i].id) != (int)i)
			return ld_fail(ld, root, "item '%s' appears twice", a->entries[i].id);
	}
	return 0;
}

int ld_annex(struct loader *ld, const xmlNode *root)
{
	/* counted once read whole: annex_body looks at it (pattern_refs) */
	struct cat_annex *a = ld_grow(ld, root, &ld->checklists, ld->n_checklists,
				      &ld->cap_checklists, sizeof *ld->checklists, 4);
	if (a == NULL || checklist_head(ld, root, a) < 0 || checklist_body(ld, root, a) < 0)
		return -1;
	ld->n_checklists++;
	return 0;
}
