/* catalog_guidance.h - the guidance behind the checklist items (issue 13):
 * the Part II/III item bodies with their best practices and evaluation
 * items, the ISO/IEC 27002:2013 blocks printed in each sub-section, the
 * text of Annexes 5 and 6 by clause, the I.6 glossary and Annex 7.
 * Kept apart from struct catalog's own data: c->guidance, NULL when the
 * catalog lists none of these parts.  Read-only after the load. */
#ifndef IOTSCOPE_CATALOG_GUIDANCE_H
#define IOTSCOPE_CATALOG_GUIDANCE_H

#include <stddef.h>

#include "catalog.h"

/* A 【ベストプラクティス】 entry; entries are flattened in document order. */
struct cat_bp {
	const char *path;		/* labels from the top: "iii/e/2" */
	const char *label;		/* as printed, without punctuation: "2" */
	int depth;			/* 0 for i., 1 for a), 2 for 1) */
	const char *text;		/* its own paragraphs, joined by '\n' */
	int line;
};

/* A Part III 【評価項目】 entry (the wording; the values are in Annex 2). */
struct cat_eval {
	const char *label;		/* "a" */
	const char *text;
	int line;
};

/* A guideline item of Part II or III (the id of its Annex 1/2 entry). */
struct cat_gitem {
	const char *id;			/* II.1.1.1 */
	const char *section;		/* its sub-section: II.1.1 */
	enum level level;
	const char *text;		/* body paragraphs, joined by '\n' */
	struct cat_bp *bps;
	size_t nbps;
	struct cat_eval *evals;
	size_t nevals;
	size_t block_first, nblocks;	/* the 27002 blocks of its sub-section */
	size_t checklist;		/* c->checklists[] that lists it (by its id) */
	size_t entry;			/* its entry there */
	int line;
	const char *file;		/* for messages: the part and its line */
	int xml_line;
};

/* An ISO/IEC 27002:2013 category (【目的】) or control (【管理策】) block as
 * printed in a sub-section; tied to every item of that sub-section. */
struct cat_block {
	int control;			/* 0 category, 1 control */
	const char *clause;		/* 12.1.3 */
	const char *number;		/* as printed: "1 2.1.3" */
	const char *title;
	const char *text;		/* 目的 or 管理策 */
	int cloud;			/* （※）: not in ISO/IEC 27002 */
	const char *section;		/* sub-section it is printed in */
	size_t item_first, nitems;	/* the items of that sub-section */
	int line;
};

/* A numbered heading of Annex 5 or 6 with the text under it. */
struct cat_clause_text {
	const char *clause, *number, *title;
	const char *text;		/* paragraphs joined by '\n'; may be "" */
	int line;
};

struct cat_term {
	int number;
	const char *name, *text;
	int line;
};

/* An Annex 7 topic and the Fig. 16 blocks (environment roles) it speaks to. */
struct cat_topic {
	const char *label, *title, *text;
	unsigned roles;			/* bit per environment role */
	int line;
};

enum { GUIDANCE_ANNEX5, GUIDANCE_ANNEX6, N_GUIDANCE_ANNEXES };

struct cat_guidance {
	struct cat_gitem *items;	/* Part II then Part III, document order */
	size_t nitems;
	struct cat_block *blocks;	/* document order */
	size_t nblocks;
	struct cat_clause_text *annex[N_GUIDANCE_ANNEXES];
	size_t nannex[N_GUIDANCE_ANNEXES];
	const char *annex_title[N_GUIDANCE_ANNEXES];
	struct cat_term *terms;
	size_t nterms;
	const char *glossary_title;
	struct cat_topic *topics;
	size_t ntopics;
	const char *annex7_title;
	int seen_part[2], seen_annex[N_GUIDANCE_ANNEXES], seen_glossary, seen_annex7;
};

/* What `iotscope catalog` reports. */
struct guidance_counts {
	size_t items, bps, evals, categories, controls, clauses, cloud,
	       ties, annex[N_GUIDANCE_ANNEXES], terms, topics;
};
void guidance_count(const struct catalog *c, struct guidance_counts *n);

/* The guidance of an Annex 1/2 item id; NULL if none. */
const struct cat_gitem *guidance_item(const struct catalog *c, const char *id);
/* The blocks tied to an item: c->guidance->blocks[it->block_first ..]. */
const struct cat_block *guidance_item_block(const struct catalog *c,
					    const struct cat_gitem *it, size_t k);
/* Every item tied to CLAUSE (in any sub-section that prints it), as item
 * indexes in *OUT (malloc'd, free it), without repeats.  -1 when out of
 * memory; 0 with *N == 0 when the clause is not printed. */
int guidance_clause_items(const struct catalog *c, const char *clause,
			  size_t **out, size_t *n);
/* The distinct clauses printed in Parts II/III, in clause order (malloc'd
 * array of pointers into the catalog; free it).  -1 when out of memory. */
int guidance_clauses(const struct catalog *c, const char ***out, size_t *n);
/* Annex 5 or 6 text of a clause (annex GUIDANCE_ANNEX5/6); NULL if none. */
const struct cat_clause_text *guidance_annex_clause(const struct catalog *c,
						    int annex, const char *clause);
/* A glossary term by its name, with or without the parenthesised note
 * some names carry; NULL if none. */
const struct cat_term *guidance_term(const struct catalog *c, const char *name);
/* Glossary terms whose name or definition contains NEEDLE (bytes, case
 * as given), name matches first; indexes in *OUT (malloc'd).  -1 on OOM. */
int guidance_term_search(const struct catalog *c, const char *needle,
			 size_t **out, size_t *n);
/* The Annex 7 topics that speak to the Fig. 16 block of environment role
 * ROLE (catalog_env_role_index: provide, recommend, ...), in order: the
 * K-th such topic, NULL after the last. */
const struct cat_topic *guidance_role_topic(const struct catalog *c, int role, size_t k);
/* Compare two clause numbers numerically (6.1 < 6.1.1 < 6.2 < 12.1). */
int guidance_clause_cmp(const char *a, const char *b);

#endif
