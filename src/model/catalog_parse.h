/* catalog_parse.h - internal to the catalog loader: the state of one load
 * and the readers the part loaders share.  Not part of the core's API. */
#ifndef IOTSCOPE_CATALOG_PARSE_H
#define IOTSCOPE_CATALOG_PARSE_H

#include "catalog.h"
#include "catalog_cache.h"
#include "xmlsafe.h"

struct loader {
	struct catalog *c;
	struct diag *d;
	const char *file;		/* part being read, for messages */
	struct cat_cm *cms;		/* grows while parts are read */
	size_t ncms, cap_cms;
	struct cat_repair *repairs;
	size_t nrepairs, cap_repairs;
	struct cat_annex *checklists;	/* grows while parts are read */
	size_t n_checklists, cap_checklists;
	int full;			/* validate always, collect the repairs */
	const char **parts;		/* the part files, as catalog.xml names them */
	size_t nparts;
	int seen_vocabulary, seen_patterns, seen_map[N_MAPS];
};


/* "file:line: message" for node N of the part being read; returns -1. */
int ld_fail(struct loader *ld, const xmlNode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Room for element *N (of SIZE bytes) of the growing array *V of *CAP,
 * which doubles from FIRST: the zeroed element, *N not yet counted; NULL
 * ("out of memory" reported at E) when there is none. */
void *ld_grow(struct loader *ld, const xmlNode *e, void *v, size_t n, size_t *cap,
	      size_t size, size_t first);
/* Folded text of N (or of N's first child NAME) in the catalog's arena;
 * NULL (with the error set) when out of memory or absent. */
const char *ld_text(struct loader *ld, const xmlNode *n);
const char *ld_child_text(struct loader *ld, const xmlNode *n, const char *name);
const char *ld_attr_dup(struct loader *ld, const xmlNode *n, const char *name);
int ld_attr_int(const xmlNode *n, const char *name);

typedef int (*lookup_fn)(const struct catalog *, const char *);
/* An id list attribute as a bit set, or one id as an index (-1 if absent). */
int ld_attr_bits(struct loader *ld, const xmlNode *n, const char *name,
		 lookup_fn lookup, unsigned *out);
int ld_attr_index(struct loader *ld, const xmlNode *n, const char *name,
		  lookup_fn lookup, int *out);
/* The texts of the children named NAME, as an arena array. */
int ld_texts(struct loader *ld, const xmlNode *parent, const char *name,
	     const char ***out, size_t *count);

/* The fixed ids of derivation.md section 5, known before vocabulary.xml. */
extern const char *const ld_component_ids[N_COMPONENTS];
extern const char *const ld_env_role_ids[N_ENV_ROLES];
extern const char *const ld_exec_role_ids[N_EXEC_ROLES];
extern const char *const ld_external_ids[N_EXTERNALS];
int ld_find_id(const char *const *ids, int n, const char *id);
int ld_component(const struct catalog *c, const char *id);
int ld_env_role(const struct catalog *c, const char *id);
int ld_exec_role(const struct catalog *c, const char *id);
int ld_external(const struct catalog *c, const char *id);

/* The part loaders, one per root element (FORMAT.md). */
int ld_vocabulary(struct loader *ld, const xmlNode *root);
int ld_patterns(struct loader *ld, const xmlNode *root);
int ld_map(struct loader *ld, const xmlNode *root);
int ld_countermeasures(struct loader *ld, const xmlNode *root);
int ld_annex(struct loader *ld, const xmlNode *root);
/* catalog_guidance.c: Parts II/III, Annexes 5-7, the glossary */
int ld_guidance(struct loader *ld, const xmlNode *root);
int ld_clauses(struct loader *ld, const xmlNode *root);
int ld_glossary(struct loader *ld, const xmlNode *root);
int ld_annex7(struct loader *ld, const xmlNode *root);
int ld_guidance_link(struct loader *ld);
/* catalog_pages.c: the table of contents */
int ld_pages(struct loader *ld, const xmlNode *root);

#endif
