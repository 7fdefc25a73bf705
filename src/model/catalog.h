/* catalog.h - the guideline as data: Part IV vocabulary, the seven
 * derivation maps (IV.4.3), the countermeasures (IV.5), the checklists
 * (Annexes 1 and 2, or any the catalog lists) and Annex 3's patterns.
 * Loaded once from catalog/ (see catalog/FORMAT.md); read-only after. */
#ifndef IOTSCOPE_CATALOG_H
#define IOTSCOPE_CATALOG_H

#include <stddef.h>

#include "diag.h"

enum { N_VIEWPOINTS = 3, N_ENV_ROLES = 6, N_EXEC_ROLES = 11,
       N_COMPONENTS = 9, N_EXTERNALS = 4, N_PATTERNS = 6 };

enum map_id { MAP_A, MAP_B1, MAP_B2, MAP_B3, MAP_B4, MAP_C1, MAP_C2, N_MAPS };
enum map_section { SECTION_NONE, SECTION_NO_CONTENT, SECTION_CONTENT };
enum level { LEVEL_NONE, LEVEL_BASIC, LEVEL_RECOMMENDED };

struct cat_viewpoint {
	const char *id, *label, *risk, *description;
	int line;
};

struct cat_env_role {
	const char *id, *label, *definition;
	char letter;
	int line;
};

struct cat_exec_role {
	const char *id;			/* "a" .. "k" */
	const char *label, *definition;
	unsigned uses;			/* bit per component (Fig. 14) */
	int line;
};

struct cat_component {
	const char *id, *label, *description;
	int line;
};

struct cat_external {
	const char *id, *label;
	int role;			/* execution role index */
	int line;
};

/* Where a row (or an IV.5 listing) applies: the trigger of derivation.md
 * section 3.  Unused fields are -1 / 0. */
struct cat_trigger {
	enum map_id map;
	int env_role;			/* map A */
	int component;			/* maps B1, B2 */
	unsigned roles;			/* maps B3, B4, C2: bit per role */
	enum map_section section;	/* maps C1, C2 */
};

struct cat_row {
	struct cat_trigger trigger;
	unsigned uses;			/* B3/B4 component column, display only */
	const char *category, *risk;
	int *cms;			/* countermeasure indexes */
	const char **cm_ids;		/* as the file names them */
	size_t ncms;
	int line;
	const char *file;
};

struct cat_map {
	enum map_id id;
	const char *title;
	struct cat_row *rows;
	size_t nrows;
	int line;
};

struct cat_transfer {
	int role;
	const char **duties;
	size_t nduties;
	int line;
};

struct cat_cm {
	const char *id;			/* stable: C-2-own */
	const char *number;		/* as printed: C-2-ク */
	int viewpoint;			/* 0 A, 1 B, 2 C */
	enum map_id part;		/* IV.5 sub-part */
	int iot;			/* A-IoT-n / B-IoT-n */
	int has_listed;
	struct cat_trigger listed;
	const char *listed_label;
	const char *title, *cites, *text;
	const char **actions;
	size_t nactions;
	const char **leads;
	size_t nleads;
	struct cat_transfer *transfers;
	size_t ntransfers;
	int named_by_map;		/* some map row names it */
	int needs_external;		/* C-5: only with external data (IV.4.3 C note) */
	long order;			/* derivation.md section 3 sort key */
	int line;
};

enum annex_kind { ANNEX_SECTION, ANNEX_ITEM, ANNEX_SUB };

/* A checklist's entries (Annexes 1 and 2 today), flattened in document
 * order. */
struct cat_annex_entry {
	enum annex_kind kind;
	int depth;			/* sections 0.., items below */
	const char *id, *number;
	const char *text;		/* section title or item text */
	enum level level;
	const char *eval;		/* Annex 2 評価項目 */
	const char *refs[N_PATTERNS];	/* Annex 2 対策参照値: only in a
					   checklist with pattern_refs */
	unsigned required;		/* bit per pattern: the "*" mark */
	int checkable;			/* has a status of its own */
	int section;			/* index of the top-level section entry */
	int line;
};

/* The printed column headings of the Annex tables. */
enum annex_column { ACOL_NUMBER, ACOL_EVAL_NUMBER, ACOL_ITEM, ACOL_LEVEL, ACOL_EVAL,
		    ACOL_REF, ACOL_CHECK, N_ANNEX_COLUMNS };

/* A checklist (実施チェック): one catalog part, known by its id
 * everywhere (assessment, store, exports, screens); catalog.xml's order. */
struct cat_annex {
	const char *id;			/* "annex1": stable, ASCII */
	const char *name;		/* short, as people say it: "Annex 1" */
	const char *title;
	int pattern_refs;		/* items carry reference values per
					   Annex 3 pattern (Annex 2) */
	const char *columns[N_ANNEX_COLUMNS];	/* NULL where the table has none */
	const char **notes;		/* legend and footnotes */
	size_t nnotes;
	struct cat_annex_entry *entries;
	size_t nentries;
	size_t nitems;			/* checkable entries */
};

struct cat_pattern {
	int id;
	int confidentiality;		/* 0 high, 1 low */
	int availability;		/* 0 high, 1 mid, 2 low */
	const char *services;
	int line;
};

struct cat_repair {
	const char *file;
	int line;			/* seed line */
	const char *where;		/* what element it repairs */
	const char *text;
};

struct cat_guidance;

/* A section of the guideline's table of contents (pages.xml): the pages
 * it runs over as the contents give them, not where a passage is. */
struct cat_toc {
	const char *id;			/* "IV.4", "Annex1" */
	const char *title;
	int page;			/* its first page */
	int last;			/* the page before the next section of its
					   level or above; 0: not known (the last) */
	int line;			/* seed line of its contents entry */
};

struct catalog {
	struct arena *arena;
	const char *dir;
	const char *edition, *title, *source;
	int revision;
	struct cat_viewpoint viewpoints[N_VIEWPOINTS];
	struct cat_env_role env_roles[N_ENV_ROLES];
	struct cat_exec_role exec_roles[N_EXEC_ROLES];
	struct cat_component components[N_COMPONENTS];
	struct cat_external externals[N_EXTERNALS];
	struct cat_map maps[N_MAPS];
	const char *section_labels[3];	/* by enum map_section (C maps) */
	struct cat_cm *cms;		/* sorted by order */
	size_t ncms;
	struct cat_annex *checklists;	/* in catalog.xml's order */
	size_t n_checklists;
	const char *patterns_title;
	const char **pattern_explanations;
	size_t npattern_explanations;
	struct cat_pattern patterns[N_PATTERNS];
	const char *unpatterned;
	struct cat_repair *repairs;
	size_t nrepairs;
	struct cat_guidance *guidance;	/* catalog_guidance.h; NULL if not listed */
	struct cat_toc *toc;		/* pages.xml, contents order; NULL if not listed */
	size_t ntoc;
	char hash[17];			/* of the catalog's files: hex, 64 bits */
	struct derive_plan *plan;	/* the maps as bit sets (derive.c) */
};

/* The contents section that holds ID: the section itself, else the
 * deepest one whose id is a prefix of it at a dot ("IV.4.3" -> "IV.4");
 * NULL when the catalog has no pages.xml or none holds it. */
const struct cat_toc *catalog_toc_of(const struct catalog *c, const char *id);

/* Load and validate the catalog in DIR (catalog.xml + its parts +
 * catalog.xsd).  NULL with "file:line: reason" in d on any error.  The
 * schema validation (and the pre-scan of xmlsafe.h) is skipped for
 * content that passed it before (the hash of every file read, kept by
 * catalog_cache.c).  With FULL, what `iotscope catalog` does, it always
 * runs and the repair log (c->repairs) is collected; without, c->nrepairs
 * is 0.  catalog_load: catalog_load_checked(DIR, 0, D). */
struct catalog *catalog_load(const char *dir, struct diag *d);
struct catalog *catalog_load_checked(const char *dir, int full, struct diag *d);
/* The content hash catalog_load would give the catalog in DIR (c->hash),
 * read without parsing the parts.  -1 with d set. */
int catalog_content_hash(const char *dir, char hash[17], struct diag *d);
void catalog_free(struct catalog *c);

/* The trigger as people read it: 利用者契約, IoT 機器, 計測・駆動, ...
 * (malloc'd; NULL when out of memory). */
char *catalog_trigger_label(const struct catalog *c, const struct cat_trigger *t);

/* Lookups by stable id; -1 when unknown. */
int catalog_cm_index(const struct catalog *c, const char *id);
int catalog_component_index(const struct catalog *c, const char *id);
int catalog_env_role_index(const struct catalog *c, const char *id);
int catalog_exec_role_index(const struct catalog *c, const char *id);
int catalog_external_index(const struct catalog *c, const char *id);
int catalog_map_index(const char *id);
const char *catalog_map_id(enum map_id m);
/* The checklist with ID ("annex1"); NULL (-1) when there is none. */
const struct cat_annex *catalog_checklist(const struct catalog *c, const char *id);
int catalog_checklist_index(const struct catalog *c, const char *id);
/* Entry index of the checkable item ITEM of checklist CL; -1 if unknown. */
int catalog_item_index(const struct cat_annex *cl, const char *item);
/* The checklists' ids joined by SEP: "annex1|annex2" (malloc'd; NULL
 * when out of memory). */
char *catalog_checklist_ids(const struct catalog *c, const char *sep);
/* Pattern 1-6 from confidentiality (0 high, 1 low) and availability
 * (0 high, 1 mid, 2 low), Annex 3; 0 if either is out of range. */
int catalog_pattern_of(int confidentiality, int availability);

#endif
