/* catalog_guidance.c - guidance-II.xml, guidance-III.xml, annex5.xml,
 * annex6.xml, glossary.xml and annex7.xml (FORMAT.md "Guidance") into
 * c->guidance, and the lookups over it */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog_guidance.h"
#include "catalog_parse.h"

/* ---------- loading ---------- */

static struct cat_guidance *guidance_of(struct loader *ld, const xmlNode *root)
{
	if (ld->c->guidance == NULL) {
		ld->c->guidance = arena_alloc(ld->c->arena, sizeof *ld->c->guidance);
		if (ld->c->guidance == NULL) {
			ld_fail(ld, root, "out of memory");
			return NULL;
		}
		memset(ld->c->guidance, 0, sizeof *ld->c->guidance);
	}
	return ld->c->guidance;
}

/* Room for one more element of SIZE in the arena array *V of N (capacity
 * *CAP): arrays grow by copying, the few old copies stay in the arena. */
static int grow(struct loader *ld, const xmlNode *n, void **v, size_t count, size_t *cap,
		size_t size)
{
	if (count < *cap)
		return 0;
	size_t nc = *cap ? *cap * 2 : 16;
	void *p = arena_array(ld->c->arena, nc, size);
	if (p == NULL)
		return ld_fail(ld, n, "out of memory");
	if (count > 0)
		memcpy(p, *v, count * size);
	memset((char *)p + count * size, 0, (nc - count) * size);
	*v = p;
	*cap = nc;
	return 0;
}

/* The texts of N's children NAME joined by '\n' (paragraphs), "" if none. */
static const char *paragraphs(struct loader *ld, const xmlNode *n, const char *name)
{
	const char **parts;
	size_t np, len = 0;
	if (ld_texts(ld, n, name, &parts, &np) < 0)
		return NULL;
	for (size_t k = 0; k < np; k++)
		len += strlen(parts[k]) + 1;
	char *out = arena_alloc(ld->c->arena, len + 1), *w = out;
	if (out == NULL) {
		ld_fail(ld, n, "out of memory");
		return NULL;
	}
	for (size_t k = 0; k < np; k++) {
		size_t pl = strlen(parts[k]);
		if (k > 0)
			*w++ = '\n';
		memcpy(w, parts[k], pl);
		w += pl;
	}
	*w = '\0';
	return out;
}

struct vec {
	void *v;
	size_t n, cap;
};

static int bp_tree(struct loader *ld, const xmlNode *e, const char *prefix, int depth,
		   struct vec *bps)
{
	for (const xmlNode *b = xml_first(e, "bp"); b; b = xml_next(b, "bp")) {
		if (grow(ld, b, &bps->v, bps->n, &bps->cap, sizeof(struct cat_bp)) < 0)
			return -1;
		struct cat_bp *x = (struct cat_bp *)bps->v + bps->n++;
		x->depth = depth;
		x->line = ld_attr_int(b, "line");
		if ((x->label = ld_attr_dup(ld, b, "label")) == NULL ||
		    (x->text = paragraphs(ld, b, "p")) == NULL)
			return -1;
		char *path = prefix ? str_printf("%s/%s", prefix, x->label) : str_printf("%s", x->label);
		x->path = path ? arena_strdup(ld->c->arena, path) : NULL;
		free(path);
		if (x->path == NULL)
			return ld_fail(ld, b, "out of memory");
		if (bp_tree(ld, b, x->path, depth + 1, bps) < 0)
			return -1;
	}
	return 0;
}

static int g_item(struct loader *ld, struct cat_guidance *g, const xmlNode *e,
		  const char *section, size_t *cap)
{
	if (grow(ld, e, (void **)&g->items, g->nitems, cap, sizeof *g->items) < 0)
		return -1;
	struct cat_gitem *it = &g->items[g->nitems++];
	it->line = ld_attr_int(e, "line");
	it->file = ld->file;
	it->xml_line = (int)xmlGetLineNo(e);
	it->section = section;
	if ((it->id = ld_attr_dup(ld, e, "id")) == NULL ||
	    (it->text = paragraphs(ld, e, "p")) == NULL)
		return -1;
	size_t sl = strlen(section);
	if (strncmp(it->id, section, sl) != 0 || it->id[sl] != '.' || strchr(it->id + sl + 1, '.'))
		return ld_fail(ld, e, "item %s is not an item of section %s", it->id, section);
	char *lv = xml_attr(e, "level");
	it->level = lv && strcmp(lv, "basic") == 0 ? LEVEL_BASIC : LEVEL_RECOMMENDED;
	xmlFree(lv);
	struct vec bps = { NULL, 0, 0 }, evs = { NULL, 0, 0 };
	if (bp_tree(ld, e, NULL, 0, &bps) < 0)
		return -1;
	for (const xmlNode *v = xml_first(e, "eval"); v; v = xml_next(v, "eval")) {
		if (grow(ld, v, &evs.v, evs.n, &evs.cap, sizeof(struct cat_eval)) < 0)
			return -1;
		struct cat_eval *x = (struct cat_eval *)evs.v + evs.n++;
		x->line = ld_attr_int(v, "line");
		if ((x->label = ld_attr_dup(ld, v, "label")) == NULL ||
		    (x->text = paragraphs(ld, v, "p")) == NULL)
			return -1;
	}
	it->bps = bps.v;
	it->nbps = bps.n;
	it->evals = evs.v;
	it->nevals = evs.n;
	return 0;
}

/* Dots in a clause id: 1 for a category (6.1), 2 for a control (6.1.1). */
static int clause_depth(const char *clause)
{
	int d = 0;
	for (const char *p = clause; *p; p++)
		d += *p == '.';
	return d;
}

static int g_block(struct loader *ld, struct cat_guidance *g, const xmlNode *e,
		   const char *section, size_t item_first, size_t *cap)
{
	if (grow(ld, e, (void **)&g->blocks, g->nblocks, cap, sizeof *g->blocks) < 0)
		return -1;
	struct cat_block *b = &g->blocks[g->nblocks++];
	b->control = xml_is(e, "control");
	b->line = ld_attr_int(e, "line");
	b->section = section;
	b->item_first = item_first;
	char *cloud = xml_attr(e, "cloud");
	b->cloud = cloud && (strcmp(cloud, "true") == 0 || strcmp(cloud, "1") == 0);
	xmlFree(cloud);
	if ((b->clause = ld_attr_dup(ld, e, "clause")) == NULL ||
	    (b->number = ld_attr_dup(ld, e, "number")) == NULL ||
	    (b->title = ld_child_text(ld, e, "title")) == NULL ||
	    (b->text = paragraphs(ld, e, b->control ? "measure" : "purpose")) == NULL)
		return -1;
	if (clause_depth(b->clause) != 1 + b->control)
		return ld_fail(ld, e, "%s %s: a category has a two-part number, a control three",
			       b->control ? "control" : "category", b->clause);
	return 0;
}

struct caps {
	size_t items, blocks;
};

static int g_section(struct loader *ld, struct cat_guidance *g, const xmlNode *s,
		     struct caps *caps)
{
	const char *id = ld_attr_dup(ld, s, "id");
	if (id == NULL)
		return ld_fail(ld, s, "out of memory");
	for (const xmlNode *c = xml_first(s, "section"); c; c = xml_next(c, "section"))
		if (g_section(ld, g, c, caps) < 0)
			return -1;
	size_t item_first = g->nitems, block_first = g->nblocks;
	for (const xmlNode *c = xml_first(s, "item"); c; c = xml_next(c, "item"))
		if (g_item(ld, g, c, id, &caps->items) < 0)
			return -1;
	for (const xmlNode *c = xml_first(s, NULL); c; c = xml_next(c, NULL))
		if ((xml_is(c, "category") || xml_is(c, "control")) &&
		    g_block(ld, g, c, id, item_first, &caps->blocks) < 0)
			return -1;
	if (g->nblocks > block_first && g->nitems == item_first)
		return ld_fail(ld, s, "section %s prints ISO/IEC 27002 blocks but has no item "
			       "to tie them to", id);
	for (size_t i = item_first; i < g->nitems; i++) {
		g->items[i].block_first = block_first;
		g->items[i].nblocks = g->nblocks - block_first;
	}
	for (size_t b = block_first; b < g->nblocks; b++)
		g->blocks[b].nitems = g->nitems - item_first;
	return 0;
}

int ld_guidance(struct loader *ld, const xmlNode *root)
{
	struct cat_guidance *g = guidance_of(ld, root);
	if (g == NULL)
		return -1;
	char *part = xml_attr(root, "part");
	int which = part && strcmp(part, "III") == 0;
	xmlFree(part);
	if (g->seen_part[which])
		return ld_fail(ld, root, "Part %s guidance given twice", which ? "III" : "II");
	if (which == 0 && g->seen_part[1])
		return ld_fail(ld, root, "Part II guidance must be listed before Part III");
	g->seen_part[which] = 1;
	/* capacities are those of the arrays as they stand: grow() doubles */
	struct caps caps = { g->nitems, g->nblocks };
	for (const xmlNode *s = xml_first(root, "section"); s; s = xml_next(s, "section"))
		if (g_section(ld, g, s, &caps) < 0)
			return -1;
	return 0;
}

/* A part read once: *SEEN set, else "WHAT given twice"; its title. */
static int part_once(struct loader *ld, const xmlNode *root, int *seen, const char *what,
		     const char **title)
{
	if (*seen)
		return ld_fail(ld, root, "%s given twice", what);
	*seen = 1;
	return (*title = ld_child_text(ld, root, "title")) == NULL ? -1 : 0;
}

int ld_clauses(struct loader *ld, const xmlNode *root)
{
	struct cat_guidance *g = guidance_of(ld, root);
	if (g == NULL)
		return -1;
	int which = ld_attr_int(root, "annex") == 6 ? GUIDANCE_ANNEX6 : GUIDANCE_ANNEX5;
	if (part_once(ld, root, &g->seen_annex[which], which ? "Annex 6" : "Annex 5",
		      &g->annex_title[which]) < 0)
		return -1;
	size_t cap = 0;
	for (const xmlNode *e = xml_first(root, "clause"); e; e = xml_next(e, "clause")) {
		if (grow(ld, e, (void **)&g->annex[which], g->nannex[which], &cap,
			 sizeof(struct cat_clause_text)) < 0)
			return -1;
		struct cat_clause_text *x = &g->annex[which][g->nannex[which]];
		x->line = ld_attr_int(e, "line");
		if ((x->clause = ld_attr_dup(ld, e, "id")) == NULL ||
		    (x->number = ld_attr_dup(ld, e, "number")) == NULL ||
		    (x->title = ld_child_text(ld, e, "title")) == NULL ||
		    (x->text = paragraphs(ld, e, "p")) == NULL)
			return -1;
		if (guidance_annex_clause(ld->c, which, x->clause) != NULL)
			return ld_fail(ld, e, "clause %s appears twice in Annex %d", x->clause,
				       5 + which);
		g->nannex[which]++;
	}
	return 0;
}

int ld_glossary(struct loader *ld, const xmlNode *root)
{
	struct cat_guidance *g = guidance_of(ld, root);
	if (g == NULL)
		return -1;
	if (part_once(ld, root, &g->seen_glossary, "the glossary", &g->glossary_title) < 0)
		return -1;
	size_t cap = 0;
	for (const xmlNode *e = xml_first(root, "term"); e; e = xml_next(e, "term")) {
		if (grow(ld, e, (void **)&g->terms, g->nterms, &cap, sizeof *g->terms) < 0)
			return -1;
		struct cat_term *t = &g->terms[g->nterms];
		t->number = ld_attr_int(e, "number");
		t->line = ld_attr_int(e, "line");
		/* I.6 numbers its terms 1, 2, ... in order: a gap is a lost term */
		if (t->number != (int)g->nterms + 1)
			return ld_fail(ld, e, "term number %d where %zu was expected",
				       t->number, g->nterms + 1);
		if ((t->name = ld_child_text(ld, e, "name")) == NULL ||
		    (t->text = paragraphs(ld, e, "p")) == NULL)
			return -1;
		g->nterms++;
	}
	return 0;
}

int ld_annex7(struct loader *ld, const xmlNode *root)
{
	struct cat_guidance *g = guidance_of(ld, root);
	if (g == NULL)
		return -1;
	if (part_once(ld, root, &g->seen_annex7, "Annex 7", &g->annex7_title) < 0)
		return -1;
	size_t cap = 0;
	for (const xmlNode *e = xml_first(root, "topic"); e; e = xml_next(e, "topic")) {
		if (grow(ld, e, (void **)&g->topics, g->ntopics, &cap, sizeof *g->topics) < 0)
			return -1;
		struct cat_topic *t = &g->topics[g->ntopics];
		t->line = ld_attr_int(e, "line");
		if ((t->label = ld_attr_dup(ld, e, "label")) == NULL ||
		    (t->title = ld_child_text(ld, e, "title")) == NULL ||
		    (t->text = paragraphs(ld, e, "p")) == NULL ||
		    ld_attr_bits(ld, e, "roles", ld_env_role, &t->roles) < 0)
			return -1;
		g->ntopics++;
	}
	return 0;
}

/* The checklist that lists item ID (as an item, with or without
 * sub-items): its index in c->checklists, *ENTRY the entry; -1 when none
 * does, -2 when two do (the guidance could not say whose item it is). */
static int checklist_of(const struct catalog *c, const char *id, size_t *entry)
{
	int found = -1;
	for (size_t k = 0; k < c->n_checklists; k++) {
		const struct cat_annex *a = &c->checklists[k];
		for (size_t i = 0; i < a->nentries; i++)
			if (a->entries[i].kind == ANNEX_ITEM && strcmp(a->entries[i].id, id) == 0) {
				if (found >= 0)
					return -2;
				found = (int)k;
				*entry = i;
			}
	}
	return found;
}

static int has_item_of(const struct cat_guidance *g, size_t k)
{
	for (size_t i = 0; i < g->nitems; i++)
		if (g->items[i].checklist == k)
			return 1;
	return 0;
}

/* After every part: each guidance item is the item of one checklist (found
 * by its id) and each item of a checklist with guidance has its guidance. */
int ld_guidance_link(struct loader *ld)
{
	struct cat_guidance *g = ld->c->guidance;
	if (g == NULL)
		return 0;
	for (size_t i = 0; i < g->nitems; i++) {
		struct cat_gitem *it = &g->items[i];
		int k = checklist_of(ld->c, it->id, &it->entry);
		if (k < 0) {
			diag_set(ld->d, k == -1 ? "%s:%d: guidance for item %s, which no checklist lists"
					       : "%s:%d: guidance for item %s, which two checklists list",
				 it->file, it->xml_line, it->id);
			return -1;
		}
		it->checklist = (size_t)k;
		for (size_t j = 0; j < i; j++)
			if (strcmp(g->items[j].id, it->id) == 0) {
				diag_set(ld->d, "%s:%d: guidance for item %s given twice",
					 it->file, it->xml_line, it->id);
				return -1;
			}
	}
	for (size_t k = 0; k < ld->c->n_checklists; k++) {
		const struct cat_annex *an = &ld->c->checklists[k];
		if (!has_item_of(g, k))
			continue;
		for (size_t i = 0; i < an->nentries; i++)
			if (an->entries[i].kind == ANNEX_ITEM &&
			    guidance_item(ld->c, an->entries[i].id) == NULL)
				return ld_fail(ld, NULL, "%s item %s has no guidance",
					       an->name, an->entries[i].id);
	}
	return 0;
}

/* ---------- lookups ---------- */

const struct cat_gitem *guidance_item(const struct catalog *c, const char *id)
{
	const struct cat_guidance *g = c->guidance;
	for (size_t i = 0; g && i < g->nitems; i++)
		if (strcmp(g->items[i].id, id) == 0)
			return &g->items[i];
	return NULL;
}

const struct cat_block *guidance_item_block(const struct catalog *c,
					    const struct cat_gitem *it, size_t k)
{
	if (c->guidance == NULL || it == NULL || k >= it->nblocks)
		return NULL;
	return &c->guidance->blocks[it->block_first + k];
}

int guidance_clause_items(const struct catalog *c, const char *clause, size_t **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	const struct cat_guidance *g = c->guidance;
	if (g == NULL)
		return 0;
	size_t max = 0;
	for (size_t b = 0; b < g->nblocks; b++)
		if (strcmp(g->blocks[b].clause, clause) == 0)
			max += g->blocks[b].nitems;
	if (max == 0)
		return 0;
	if ((*out = malloc(max * sizeof **out)) == NULL)
		return -1;
	for (size_t b = 0; b < g->nblocks; b++) {
		const struct cat_block *x = &g->blocks[b];
		if (strcmp(x->clause, clause) != 0)
			continue;
		for (size_t i = x->item_first; i < x->item_first + x->nitems; i++) {
			size_t k = 0;
			while (k < *n && (*out)[k] != i)
				k++;
			if (k == *n)
				(*out)[(*n)++] = i;
		}
	}
	return 0;
}

/* Numeric comparison of dotted numbers, shorter first on a tie. */
int guidance_clause_cmp(const char *a, const char *b)
{
	while (*a && *b) {
		char *ea, *eb;
		long x = strtol(a, &ea, 10), y = strtol(b, &eb, 10);
		if (x != y)
			return x < y ? -1 : 1;
		a = *ea == '.' ? ea + 1 : ea;
		b = *eb == '.' ? eb + 1 : eb;
		if (ea == a && eb == b)
			break;
	}
	return (*a != '\0') - (*b != '\0');
}

static int cmp_clause_ptr(const void *x, const void *y)
{
	return guidance_clause_cmp(*(const char *const *)x, *(const char *const *)y);
}

int guidance_clauses(const struct catalog *c, const char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	const struct cat_guidance *g = c->guidance;
	if (g == NULL || g->nblocks == 0)
		return 0;
	const char **v = malloc(g->nblocks * sizeof *v);
	if (v == NULL)
		return -1;
	for (size_t b = 0; b < g->nblocks; b++)
		v[b] = g->blocks[b].clause;
	qsort(v, g->nblocks, sizeof *v, cmp_clause_ptr);
	size_t k = 0;
	for (size_t b = 0; b < g->nblocks; b++)
		if (k == 0 || strcmp(v[k - 1], v[b]) != 0)
			v[k++] = v[b];
	*out = v;
	*n = k;
	return 0;
}

const struct cat_clause_text *guidance_annex_clause(const struct catalog *c, int annex,
						    const char *clause)
{
	const struct cat_guidance *g = c->guidance;
	if (g == NULL || annex < 0 || annex >= N_GUIDANCE_ANNEXES)
		return NULL;
	for (size_t i = 0; i < g->nannex[annex]; i++)
		if (strcmp(g->annex[annex][i].clause, clause) == 0)
			return &g->annex[annex][i];
	return NULL;
}

/* NAME is the term as printed, or without the note in parentheses that
 * follows some terms: 可用性 for 可用性(JIS Q 27001 を基に定義). */
const struct cat_term *guidance_term(const struct catalog *c, const char *name)
{
	const struct cat_guidance *g = c->guidance;
	size_t len = strlen(name);
	for (size_t i = 0; g && len > 0 && i < g->nterms; i++) {
		const char *t = g->terms[i].name;
		if (strncmp(t, name, len) != 0)
			continue;
		t += len;
		while (*t == ' ')
			t++;
		if (*t == '\0' || *t == '(' || strncmp(t, "（", strlen("（")) == 0)
			return &g->terms[i];
	}
	return NULL;
}

int guidance_term_search(const struct catalog *c, const char *needle, size_t **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	const struct cat_guidance *g = c->guidance;
	if (g == NULL || g->nterms == 0 || needle == NULL || *needle == '\0')
		return 0;
	if ((*out = malloc(g->nterms * sizeof **out)) == NULL)
		return -1;
	for (int pass = 0; pass < 2; pass++)	/* names first, then definitions */
		for (size_t i = 0; i < g->nterms; i++) {
			int in_name = strstr(g->terms[i].name, needle) != NULL;
			if (pass == 0 ? in_name : !in_name && strstr(g->terms[i].text, needle))
				(*out)[(*n)++] = i;
		}
	return 0;
}

const struct cat_topic *guidance_role_topic(const struct catalog *c, int role, size_t k)
{
	const struct cat_guidance *g = c->guidance;
	if (g == NULL || role < 0 || role >= N_ENV_ROLES)
		return NULL;
	for (size_t i = 0; i < g->ntopics; i++)
		if ((g->topics[i].roles & (1u << role)) && k-- == 0)
			return &g->topics[i];
	return NULL;
}

void guidance_count(const struct catalog *c, struct guidance_counts *n)
{
	memset(n, 0, sizeof *n);
	const struct cat_guidance *g = c->guidance;
	if (g == NULL)
		return;
	n->items = g->nitems;
	for (size_t i = 0; i < g->nitems; i++) {
		n->bps += g->items[i].nbps;
		n->evals += g->items[i].nevals;
	}
	for (size_t b = 0; b < g->nblocks; b++) {
		const struct cat_block *x = &g->blocks[b];
		*(x->control ? &n->controls : &n->categories) += 1;
		n->cloud += x->cloud != 0;
		n->ties += x->nitems;
	}
	const char **cl;
	if (guidance_clauses(c, &cl, &n->clauses) == 0)
		free(cl);
	for (int a = 0; a < N_GUIDANCE_ANNEXES; a++)
		n->annex[a] = g->nannex[a];
	n->terms = g->nterms;
	n->topics = g->ntopics;
}
