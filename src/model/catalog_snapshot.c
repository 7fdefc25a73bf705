/* catalog_snapshot.c - the loaded catalog (and form) as one relocatable
 * image, so that a warm start parses no XML (issue 11).
 *
 * A file is a header and a body.  The body is every object the catalog
 * reaches, copied one after another (each aligned for any type), with
 * each pointer replaced by the object's offset in the body (0: NULL; the
 * root struct sits at 0 and nothing points at it).  Loading reads the body
 * into one malloc'd block and turns every offset back into a pointer; the
 * root is struct catalog at the block's start, so catalog_free's free(c)
 * releases the whole image.
 *
 * Trust: the file is a cache, never an input the user wrote.  It is used
 * only when (1) its header names this program's format version, word
 * sizes, byte order and struct sizes, (2) its checksum (over header and
 * body) holds, (3) every offset and length lies inside the body, strings
 * end inside it and every index the code subscripts with is in range,
 * and (4) the content hash it was made from is the hash of the files as
 * they are now (the same hash catalog_cache.c keeps; the files are read,
 * not parsed, to compute it), and that content is still listed as
 * validated there (so clearing that list, or a damaged line, means
 * validating and parsing again).  Anything else: the caller parses as if
 * there were no snapshot, and writes a new one (temporary file, rename).
 * A changed catalog therefore gets the parse and its file:line message.
 * The file's name is a hash of the directory's real path and of its name
 * as given, so each catalog directory has one snapshot, replaced when its
 * content changes.  A directory that is gone (a test's, an old release's)
 * would leave its snapshot for ever: writing one removes the snapshots
 * not written for SNAP_MAX_AGE (a catalog still in use pays one parse). */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "catalog_cache.h"
#include "catalog_guidance.h"
#include "catalog_snapshot.h"
#include "xmlsafe.h"

enum { ALIGN = alignof(max_align_t), KIND_CATALOG = 1, KIND_FORM = 2 };
#define SNAP_MAX ((uint64_t)64 << 20)	/* a catalog image is < 1 MiB */

struct header {
	char magic[8];			/* "iotsnap\n" */
	uint32_t version, kind, endian, word;	/* endian: 0x01020304 as written */
	uint64_t layout;		/* sizes of the structs walked */
	uint64_t hash;			/* content hash the body was made from */
	uint64_t dep;			/* form: the catalog's content hash */
	uint64_t size;			/* body bytes */
	uint64_t sum;			/* of the header (sum 0) and the body */
};

/* The body's root for a catalog: the catalog first (see above). */
struct cat_image {
	struct catalog c;
	const char **parts;		/* catalog.xml's part files, in order */
	size_t nparts;
};

/* ---------- the walk: every pointer the catalog and the form hold ---------- */

enum walk_mode { MEASURE, COPY, RELOCATE };

struct walk {
	enum walk_mode mode;
	unsigned char *base;		/* COPY: the body; RELOCATE: the block */
	size_t size, used;		/* body size; COPY/MEASURE: bytes placed */
	unsigned char *claimed;		/* RELOCATE: a bit per ALIGN bytes in use */
	int bad;
};

static size_t round_up(size_t n)
{
	return (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
}

static void *get_ptr(const void *field)
{
	void *p;
	memcpy(&p, field, sizeof p);
	return p;
}

static void set_ptr(void *field, const void *p)
{
	memcpy(field, &p, sizeof p);
}

/* RELOCATE: the BYTES at OFF become one object's.  Objects may not
 * overlap (nor the root): else relocating one would rewrite another's
 * fields, counts included, after they were checked. */
static int claim(struct walk *w, size_t off, size_t bytes)
{
	for (size_t u = off / ALIGN; u < (off + bytes + ALIGN - 1) / ALIGN; u++) {
		if (w->claimed[u / 8] & (1u << (u % 8)))
			return -1;
		w->claimed[u / 8] |= (unsigned char)(1u << (u % 8));
	}
	return 0;
}

/* BYTES of the object FIELD points to.  MEASURE: count them; COPY: copy
 * them into the body and store their offset in FIELD; RELOCATE: check the
 * offset in FIELD and store the pointer.  Returns what the walk goes on
 * into (the copy, the relocated object), NULL for NULL or when bad. */
static void *place(struct walk *w, void *field, size_t bytes)
{
	if (w->bad)
		return NULL;
	if (w->mode == RELOCATE) {
		uintptr_t off;
		memcpy(&off, field, sizeof off);
		if (off == 0)
			return NULL;
		if (off % ALIGN != 0 || off > w->size || bytes > w->size - off ||
		    claim(w, off, bytes) < 0) {
			w->bad = 1;
			return NULL;
		}
		set_ptr(field, w->base + off);
		return w->base + off;
	}
	const void *p = get_ptr(field);
	if (p == NULL)
		return NULL;
	size_t at = w->used;
	w->used += round_up(bytes);
	if (w->mode == MEASURE)
		return (void *)p;
	if (w->used > w->size) {
		w->bad = 1;
		return NULL;
	}
	memcpy(w->base + at, p, bytes);
	uintptr_t off = at;
	memcpy(field, &off, sizeof off);
	return w->base + at;
}

/* An array of N elements of SIZE each. */
static void *arr(struct walk *w, void *field, size_t size, size_t n)
{
	if (size != 0 && n > SIZE_MAX / size) {
		w->bad = 1;
		return NULL;
	}
	void *p = place(w, field, n * size);
	if (p == NULL && n > 0 && get_ptr(field) == NULL && w->mode == RELOCATE)
		w->bad = 1;	/* a count with nothing to count */
	return p;
}

static void str(struct walk *w, const char **field)
{
	if (w->mode == RELOCATE) {
		uintptr_t off;
		memcpy(&off, field, sizeof off);
		const unsigned char *end = off != 0 && off < w->size && off % ALIGN == 0 ?
			memchr(w->base + off, '\0', w->size - off) : NULL;
		if (off != 0 && (end == NULL ||
				 claim(w, off, (size_t)(end - (w->base + off)) + 1) < 0)) {
			w->bad = 1;
			return;
		}
		if (off != 0)
			*field = (const char *)w->base + off;
		return;
	}
	/* strings need no alignment, but one rule for every object keeps
	 * RELOCATE's check simple; the catalog has a few thousand */
	if (*field != NULL)
		(void)place(w, (void *)field, strlen(*field) + 1);
}

/* A string the code compares without a NULL check (ids, the directory). */
static void req(struct walk *w, const char **field)
{
	str(w, field);
	if (w->mode == RELOCATE && *field == NULL)
		w->bad = 1;
}

static void strs(struct walk *w, const char ***field, size_t n)
{
	const char **a = arr(w, (void *)field, sizeof **field, n);
	for (size_t i = 0; a != NULL && i < n; i++)
		req(w, &a[i]);
}

/* RELOCATE: an index the code subscripts with must be in range. */
static void in_range(struct walk *w, long v, long lo, long hi)
{
	if (w->mode == RELOCATE && (v < lo || v >= hi))
		w->bad = 1;
}

/* RELOCATE: N elements from FIRST lie within a table of TOTAL. */
static void span(struct walk *w, size_t first, size_t n, size_t total)
{
	if (w->mode == RELOCATE && (first > total || n > total - first))
		w->bad = 1;
}

static void walk_trigger(struct walk *w, const struct cat_trigger *t)
{
	in_range(w, t->map, 0, N_MAPS);
	in_range(w, t->env_role, -1, N_ENV_ROLES);
	in_range(w, t->component, -1, N_COMPONENTS);
	in_range(w, t->section, 0, 3);
}

static void walk_maps(struct walk *w, struct catalog *c)
{
	for (int m = 0; m < N_MAPS; m++) {
		struct cat_map *map = &c->maps[m];
		str(w, &map->title);
		struct cat_row *rows = arr(w, &map->rows, sizeof *rows, map->nrows);
		for (size_t r = 0; rows != NULL && r < map->nrows; r++) {
			struct cat_row *row = &rows[r];
			walk_trigger(w, &row->trigger);
			str(w, &row->category);
			str(w, &row->risk);
			str(w, &row->file);
			int *cms = arr(w, &row->cms, sizeof *row->cms, row->ncms);
			for (size_t k = 0; cms != NULL && k < row->ncms; k++)
				in_range(w, cms[k], 0, (long)c->ncms);
			strs(w, &row->cm_ids, row->ncms);
		}
	}
}

static void walk_cms(struct walk *w, struct catalog *c)
{
	struct cat_cm *cms = arr(w, &c->cms, sizeof *c->cms, c->ncms);
	for (size_t i = 0; cms != NULL && i < c->ncms; i++) {
		struct cat_cm *cm = &cms[i];
		in_range(w, cm->viewpoint, 0, N_VIEWPOINTS);
		in_range(w, cm->part, 0, N_MAPS);
		if (cm->has_listed)
			walk_trigger(w, &cm->listed);
		req(w, &cm->id);
		const char **s[] = { &cm->number, &cm->listed_label, &cm->title,
				     &cm->cites, &cm->text };
		for (size_t k = 0; k < sizeof s / sizeof *s; k++)
			str(w, s[k]);
		strs(w, &cm->actions, cm->nactions);
		strs(w, &cm->leads, cm->nleads);
		struct cat_transfer *t = arr(w, &cm->transfers, sizeof *t, cm->ntransfers);
		for (size_t k = 0; t != NULL && k < cm->ntransfers; k++) {
			in_range(w, t[k].role, 0, N_EXEC_ROLES);
			strs(w, &t[k].duties, t[k].nduties);
		}
	}
}

static void walk_annex(struct walk *w, struct cat_annex *a)
{
	req(w, &a->id);
	req(w, &a->name);
	str(w, &a->title);
	for (int k = 0; k < N_ANNEX_COLUMNS; k++)
		str(w, &a->columns[k]);
	strs(w, &a->notes, a->nnotes);
	struct cat_annex_entry *e = arr(w, &a->entries, sizeof *e, a->nentries);
	for (size_t i = 0; e != NULL && i < a->nentries; i++) {
		in_range(w, e[i].section, 0, (long)a->nentries);
		in_range(w, e[i].level, 0, 3);
		req(w, &e[i].id);
		const char **s[] = { &e[i].number, &e[i].text, &e[i].eval };
		for (size_t k = 0; k < sizeof s / sizeof *s; k++)
			str(w, s[k]);
		for (int k = 0; k < N_PATTERNS; k++)
			str(w, &e[i].refs[k]);
	}
}

static void walk_vocabulary(struct walk *w, struct catalog *c)
{
	for (int i = 0; i < N_VIEWPOINTS; i++) {
		struct cat_viewpoint *v = &c->viewpoints[i];
		str(w, &v->id), str(w, &v->label), str(w, &v->risk), str(w, &v->description);
	}
	for (int i = 0; i < N_ENV_ROLES; i++) {
		struct cat_env_role *r = &c->env_roles[i];
		str(w, &r->id), str(w, &r->label), str(w, &r->definition);
	}
	for (int i = 0; i < N_EXEC_ROLES; i++) {
		struct cat_exec_role *r = &c->exec_roles[i];
		str(w, &r->id), str(w, &r->label), str(w, &r->definition);
	}
	for (int i = 0; i < N_COMPONENTS; i++) {
		struct cat_component *k = &c->components[i];
		str(w, &k->id), str(w, &k->label), str(w, &k->description);
	}
	for (int i = 0; i < N_EXTERNALS; i++) {
		str(w, &c->externals[i].id), str(w, &c->externals[i].label);
		in_range(w, c->externals[i].role, 0, N_EXEC_ROLES);
	}
}

/* The guidance of issue 13 (catalog_guidance.h): after the checklists,
 * whose counts its items' indexes check against.  Every string but the
 * titles of parts the catalog may leave out is one the loader always sets. */
static void walk_guidance(struct walk *w, struct catalog *c)
{
	struct cat_guidance *g = place(w, &c->guidance, sizeof *g);
	if (g == NULL)
		return;
	struct cat_gitem *it = arr(w, &g->items, sizeof *it, g->nitems);
	for (size_t i = 0; it != NULL && i < g->nitems; i++) {
		struct cat_gitem *x = &it[i];
		req(w, &x->id), req(w, &x->section), req(w, &x->text), req(w, &x->file);
		in_range(w, x->level, 0, 3);
		struct cat_bp *bp = arr(w, &x->bps, sizeof *bp, x->nbps);
		for (size_t k = 0; bp != NULL && k < x->nbps; k++)
			req(w, &bp[k].path), req(w, &bp[k].label), req(w, &bp[k].text);
		struct cat_eval *ev = arr(w, &x->evals, sizeof *ev, x->nevals);
		for (size_t k = 0; ev != NULL && k < x->nevals; k++)
			req(w, &ev[k].label), req(w, &ev[k].text);
		span(w, x->block_first, x->nblocks, g->nblocks);
		in_range(w, (long)(x->checklist < c->n_checklists), 1, 2);
		/* RELOCATE only: COPY's c->checklists is an offset by now */
		if (w->mode == RELOCATE && !w->bad)
			span(w, x->entry, 1, c->checklists[x->checklist].nentries);
	}
	struct cat_block *b = arr(w, &g->blocks, sizeof *b, g->nblocks);
	for (size_t i = 0; b != NULL && i < g->nblocks; i++) {
		req(w, &b[i].clause), req(w, &b[i].number), req(w, &b[i].title);
		req(w, &b[i].text), req(w, &b[i].section);
		span(w, b[i].item_first, b[i].nitems, g->nitems);
	}
	for (int a = 0; a < N_GUIDANCE_ANNEXES; a++) {
		str(w, &g->annex_title[a]);
		struct cat_clause_text *t = arr(w, &g->annex[a], sizeof *t, g->nannex[a]);
		for (size_t i = 0; t != NULL && i < g->nannex[a]; i++)
			req(w, &t[i].clause), req(w, &t[i].number), req(w, &t[i].title),
				req(w, &t[i].text);
	}
	str(w, &g->glossary_title);
	struct cat_term *t = arr(w, &g->terms, sizeof *t, g->nterms);
	for (size_t i = 0; t != NULL && i < g->nterms; i++)
		req(w, &t[i].name), req(w, &t[i].text);
	str(w, &g->annex7_title);
	struct cat_topic *tp = arr(w, &g->topics, sizeof *tp, g->ntopics);
	for (size_t i = 0; tp != NULL && i < g->ntopics; i++)
		req(w, &tp[i].label), req(w, &tp[i].title), req(w, &tp[i].text);
}

/* Every pointer of the catalog but the arena and the derivation plan,
 * which a load makes anew. */
static void walk_catalog(struct walk *w, struct cat_image *img)
{
	struct catalog *c = &img->c;
	req(w, &c->dir);
	const char **s[] = { &c->edition, &c->title, &c->source,
			     &c->section_labels[0], &c->section_labels[1],
			     &c->section_labels[2], &c->patterns_title, &c->unpatterned };
	for (size_t k = 0; k < sizeof s / sizeof *s; k++)
		str(w, s[k]);
	walk_vocabulary(w, c);
	walk_cms(w, c);		/* before the maps: their rows check against ncms */
	walk_maps(w, c);
	struct cat_annex *cl = arr(w, &c->checklists, sizeof *cl, c->n_checklists);
	for (size_t i = 0; cl != NULL && i < c->n_checklists; i++)
		walk_annex(w, &cl[i]);
	in_range(w, cl != NULL, 1, 2);	/* the loader insists on one at least */
	walk_guidance(w, c);
	struct cat_toc *toc = arr(w, &c->toc, sizeof *toc, c->ntoc);
	for (size_t i = 0; toc != NULL && i < c->ntoc; i++)
		req(w, &toc[i].id), req(w, &toc[i].title);
	strs(w, &c->pattern_explanations, c->npattern_explanations);
	for (int i = 0; i < N_PATTERNS; i++) {
		str(w, &c->patterns[i].services);
		in_range(w, c->patterns[i].confidentiality, 0, 2);
		in_range(w, c->patterns[i].availability, 0, 3);
	}
	struct cat_repair *r = arr(w, &c->repairs, sizeof *r, c->nrepairs);
	for (size_t i = 0; r != NULL && i < c->nrepairs; i++)
		str(w, &r[i].file), str(w, &r[i].where), str(w, &r[i].text);
	strs(w, &img->parts, img->nparts);
	if (w->mode == RELOCATE && memchr(c->hash, '\0', sizeof c->hash) == NULL)
		w->bad = 1;
}

/* The form but its arena, its schemas and its id index (made anew). */
static void walk_form(struct walk *w, struct form *f)
{
	str(w, &f->title), str(w, &f->heading);
	for (int i = 0; i < 3; i++)
		str(w, &f->columns[i]);
	struct form_group *g = arr(w, &f->groups, sizeof *g, f->ngroups);
	for (size_t i = 0; g != NULL && i < f->ngroups; i++)
		str(w, &g[i].id), str(w, &g[i].label);
	struct form_block *b = arr(w, &f->blocks, sizeof *b, f->nblocks);
	for (size_t i = 0; b != NULL && i < f->nblocks; i++) {
		str(w, &b[i].id), str(w, &b[i].label), str(w, &b[i].instruction),
			str(w, &b[i].effect);
		in_range(w, b[i].group, 0, (long)f->ngroups);
		span(w, b[i].first, b[i].nlines, f->nlines);
	}
	struct form_cell_def *d = arr(w, &f->cells, sizeof *d, f->ncells);
	for (size_t i = 0; d != NULL && i < f->ncells; i++) {
		req(w, &d[i].id);
		in_range(w, d[i].kind, 0, N_CELL_KINDS);
		in_range(w, d[i].index, 0, CELL_INDEX_MAX);
	}
	struct form_line *l = arr(w, &f->lines, sizeof *l, f->nlines);
	for (size_t i = 0; l != NULL && i < f->nlines; i++) {
		str(w, &l[i].item);
		in_range(w, l[i].group, 0, (long)f->ngroups);
		in_range(w, l[i].block, 0, (long)f->nblocks);
		in_range(w, l[i].component, -1, N_COMPONENTS);
		in_range(w, l[i].role, -1, N_EXEC_ROLES);
		in_range(w, l[i].external, -1, N_EXTERNALS);
		in_range(w, l[i].ncells, 0, 4);
		for (int k = 0; k < l[i].ncells && k < 3; k++) {
			struct form_cell *fc = &l[i].cells[k];
			str(w, &fc->fixed_id);
			in_range(w, fc->column, 0, 3);
			in_range(w, fc->cell, -1, (long)f->ncells);
			in_range(w, fc->needs, -1, (long)f->ncells);
		}
	}
	for (int k = 0; k < N_CELL_KINDS; k++)
		for (int i = 0; i < CELL_INDEX_MAX; i++)
			in_range(w, f->cell_of[k][i], -1, (long)f->ncells);
}

/* ---------- header, checksum, file ---------- */

/* Sizes of what the walks lay out: another build's structs differ here
 * (SNAPSHOT_VERSION is for changes that keep the sizes). */
static uint64_t layout(void)
{
	const size_t sizes[] = {
		sizeof(void *), sizeof(size_t), sizeof(long), sizeof(int), ALIGN,
		sizeof(struct cat_image), sizeof(struct cat_row), sizeof(struct cat_cm),
		sizeof(struct cat_transfer), sizeof(struct cat_annex),
		sizeof(struct cat_annex_entry),
		sizeof(struct cat_repair), sizeof(struct form), sizeof(struct form_line),
		sizeof(struct form_block), sizeof(struct form_cell_def),
		sizeof(struct form_group), sizeof(struct cat_guidance), sizeof(struct cat_gitem),
		sizeof(struct cat_bp), sizeof(struct cat_eval), sizeof(struct cat_block),
		sizeof(struct cat_clause_text), sizeof(struct cat_term), sizeof(struct cat_topic),
		sizeof(struct cat_toc),
	};
	uint64_t h;
	catalog_hash_init(&h);
	catalog_hash_add(&h, sizes, sizeof sizes);
	return h;
}

static void header_init(struct header *h, uint32_t kind)
{
	memset(h, 0, sizeof *h);
	memcpy(h->magic, "iotsnap\n", 8);
	h->version = SNAPSHOT_VERSION;
	h->kind = kind;
	h->endian = 0x01020304u;
	h->word = (uint32_t)sizeof(void *);
	h->layout = layout();
}

static uint64_t checksum(const struct header *hd, const void *body, size_t len)
{
	struct header z = *hd;
	z.sum = 0;
	uint64_t h;
	catalog_hash_init(&h);
	catalog_hash_add(&h, &z, sizeof z);
	catalog_hash_add(&h, body, len);
	return h;
}

void snapshot_reseal(void *buf, size_t len)
{
	struct header h;
	if (len < sizeof h)
		return;
	memcpy(&h, buf, sizeof h);
	h.sum = checksum(&h, (unsigned char *)buf + sizeof h, len - sizeof h);
	memcpy(buf, &h, sizeof h);
}

/* A file image of ROOT (of ROOT_SIZE bytes): header and body. */
static void *encode(const void *root, size_t root_size, uint32_t kind, uint64_t hash,
		    uint64_t dep, void (*walk)(struct walk *, void *), size_t *len)
{
	struct walk w = { .mode = MEASURE, .used = round_up(root_size) };
	void *live = malloc(root_size);
	if (live == NULL)
		return NULL;
	memcpy(live, root, root_size);
	walk(&w, live);
	size_t size = w.used;
	unsigned char *buf = calloc(1, sizeof(struct header) + size);
	if (buf == NULL || w.bad) {
		free(live);
		free(buf);
		return NULL;
	}
	w = (struct walk){ .mode = COPY, .base = buf + sizeof(struct header), .size = size,
			   .used = round_up(root_size) };
	memcpy(w.base, root, root_size);
	walk(&w, w.base);
	free(live);
	if (w.bad || w.used != size) {
		free(buf);
		return NULL;
	}
	struct header h;
	header_init(&h, kind);
	h.hash = hash;
	h.dep = dep;
	h.size = size;
	h.sum = checksum(&h, w.base, size);
	memcpy(buf, &h, sizeof h);
	*len = sizeof h + size;
	return buf;
}

/* The body of a file image, relocated in a block of its own; NULL when
 * any check fails.  *HD: its header. */
static void *decode(const void *buf, size_t len, uint32_t kind, size_t root_size,
		    void (*walk)(struct walk *, void *), struct header *hd)
{
	struct header want;
	header_init(&want, kind);
	if (len < sizeof *hd)
		return NULL;
	memcpy(hd, buf, sizeof *hd);
	if (memcmp(hd->magic, want.magic, 8) != 0 || hd->version != want.version ||
	    hd->kind != kind || hd->endian != want.endian || hd->word != want.word ||
	    hd->layout != want.layout || hd->size != len - sizeof *hd ||
	    hd->size < round_up(root_size) || hd->size > SNAP_MAX)
		return NULL;
	const unsigned char *body = (const unsigned char *)buf + sizeof *hd;
	if (checksum(hd, body, hd->size) != hd->sum)
		return NULL;
	struct walk w = { .mode = RELOCATE, .size = hd->size, .base = malloc(hd->size),
			  .claimed = calloc(hd->size / ALIGN / 8 + 1, 1) };
	if (w.base == NULL || w.claimed == NULL) {
		free(w.base);
		free(w.claimed);
		return NULL;
	}
	memcpy(w.base, body, hd->size);
	(void)claim(&w, 0, root_size);
	walk(&w, w.base);
	free(w.claimed);
	if (w.bad) {
		free(w.base);
		return NULL;
	}
	return w.base;
}

char *snapshot_path(const char *kind, const char *dir, int create)
{
	char *real = realpath(dir, NULL);
	char *cache = real ? catalog_cache_dir(create) : NULL;
	char *path = NULL;
	if (cache != NULL) {
		uint64_t h;
		catalog_hash_init(&h);
		/* the name as given too: the image holds it (c->dir, each
		 * row's file), so two names of one directory are two images */
		catalog_hash_add(&h, real, strlen(real) + 1);
		catalog_hash_add(&h, dir, strlen(dir));
		path = str_printf("%s/%s-%016llx.snap", cache, kind, (unsigned long long)h);
	}
	free(real);
	free(cache);
	return path;
}

/* The whole file at PATH, if it is a regular file no larger than a
 * snapshot can be (xmlsafe_slurp: any other is refused, unread). */
static void *read_file(const char *path, size_t *len)
{
	struct diag d = DIAG_INIT;
	void *buf = xmlsafe_slurp(path, SNAP_MAX + sizeof(struct header), len, &d);
	diag_clear(&d);
	return buf;
}

enum { SNAP_MAX_AGE = 90 * 24 * 3600, TMP_MAX_AGE = 24 * 3600 };

/* NAME is a snapshot ("catalog-<16 hex>.snap", "form-…") or one's
 * temporary file ("….snap.<pid>.tmp"), and not another file of the
 * cache directory; returns its longest age, or 0. */
static long snap_age(const char *name)
{
	const char *dash = strchr(name, '-'), *dot = dash ? strchr(dash, '.') : NULL;
	size_t kind = dash ? (size_t)(dash - name) : 0;
	int known = (kind == 7 && strncmp(name, "catalog", 7) == 0) ||
		(kind == 4 && strncmp(name, "form", 4) == 0);
	if (!known || dot == NULL || dot - dash != 17 || strspn(dash + 1, "0123456789abcdef") != 16)
		return 0;
	if (strcmp(dot, ".snap") == 0)
		return SNAP_MAX_AGE;
	size_t n = strlen(dot);
	return strncmp(dot, ".snap.", 6) == 0 && n > 10 && strcmp(dot + n - 4, ".tmp") == 0
		? TMP_MAX_AGE : 0;
}

/* Remove from the directory of PATH the snapshots (and the temporary
 * files of writers that died) not modified for their age.  A cache: what
 * cannot be read or removed stays. */
static void prune(const char *path)
{
	char *dir = str_printf("%.*s", (int)(strrchr(path, '/') - path), path);
	DIR *d = dir ? opendir(dir) : NULL;
	time_t now = time(NULL);
	struct dirent *e;
	while (d != NULL && (e = readdir(d)) != NULL) {
		long age = snap_age(e->d_name);
		struct stat sb;
		if (age > 0 && fstatat(dirfd(d), e->d_name, &sb, AT_SYMLINK_NOFOLLOW) == 0 &&
		    S_ISREG(sb.st_mode) && now - sb.st_mtime > age)
			(void)unlinkat(dirfd(d), e->d_name, 0);
	}
	if (d != NULL)
		closedir(d);
	free(dir);
}

/* Temporary file and rename, as catalog_cache.c: a reader sees the old
 * snapshot or the new one, never half of one. */
static void write_file(const char *path, const void *buf, size_t len)
{
	char *tmp = str_printf("%s.%ld.tmp", path, (long)getpid());
	FILE *out = tmp ? fopen(tmp, "wb") : NULL;
	if (out != NULL) {
		int ok = fwrite(buf, 1, len, out) == len;
		ok = fflush(out) == 0 && fsync(fileno(out)) == 0 && ok;
		ok = fclose(out) == 0 && ok;
		if (!ok || rename(tmp, path) != 0)
			unlink(tmp);
		else
			prune(path);
	}
	free(tmp);
}

/* ---------- the catalog ---------- */

static void walk_catalog_v(struct walk *w, void *root)
{
	walk_catalog(w, root);
}

void *catalog_snapshot_encode(const struct catalog *c, const char *const *parts,
			      size_t nparts, size_t *len)
{
	struct cat_image img;	/* memset, memcpy: padding bytes too go to the file */
	memset(&img, 0, sizeof img);
	memcpy(&img.c, c, sizeof *c);
	img.parts = (const char **)parts;
	img.nparts = nparts;
	img.c.arena = NULL;
	img.c.plan = NULL;
	uint64_t hash = strtoull(c->hash, NULL, 16);
	return encode(&img, sizeof img, KIND_CATALOG, hash, 0, walk_catalog_v, len);
}

static struct cat_image *decode_catalog(const void *buf, size_t len, uint64_t *hash)
{
	struct header hd;
	struct cat_image *img = decode(buf, len, KIND_CATALOG, sizeof *img, walk_catalog_v, &hd);
	if (img != NULL && strtoull(img->c.hash, NULL, 16) != hd.hash) {
		free(img);
		return NULL;
	}
	*hash = hd.hash;
	return img;
}

/* What catalog.c gives a loaded catalog besides its data. */
static struct catalog *finish_catalog(struct cat_image *img)
{
	struct catalog *c = &img->c;
	/* the derivation plan is built by catalog.c (derive.c is above this
	 * file: it reads surveys, whose form comes from here) */
	if ((c->arena = arena_new()) == NULL) {
		free(img);
		return NULL;
	}
	return c;
}

struct catalog *catalog_snapshot_decode(const void *buf, size_t len)
{
	uint64_t hash;
	struct cat_image *img = decode_catalog(buf, len, &hash);
	return img ? finish_catalog(img) : NULL;
}

/* The content hash of DIR's files now, as catalog.c's read_sources makes
 * it; 0 with *ok 0 when one cannot be read. */
static uint64_t content_hash(const char *dir, const struct cat_image *img, int *ok)
{
	uint64_t h;
	catalog_hash_init(&h);
	*ok = 1;
	const char *fixed[] = { "catalog.xsd", "catalog.xml" };
	for (size_t i = 0; *ok && i < 2 + img->nparts; i++) {
		const char *name = i < 2 ? fixed[i] : img->parts[i - 2];
		char *path = str_printf("%s/%s", dir, name);
		struct diag d = DIAG_INIT;
		size_t len = 0;
		char *buf = path ? xmlsafe_slurp(path, xmlsafe_data_limits.bytes, &len, &d) : NULL;
		if (buf != NULL)
			catalog_hash_file(&h, name, buf, len);
		else
			*ok = 0;
		diag_clear(&d);
		free(buf);
		free(path);
	}
	return h;
}

struct catalog *catalog_snapshot_load(const char *dir)
{
	char *path = snapshot_path("catalog", dir, 0);
	size_t len = 0;
	void *buf = path ? read_file(path, &len) : NULL;
	uint64_t hash = 0;
	struct cat_image *img = buf ? decode_catalog(buf, len, &hash) : NULL;
	free(buf);
	free(path);
	int ok = 0;
	if (img != NULL && (strcmp(img->c.dir, dir) != 0 || content_hash(dir, img, &ok) != hash ||
			    !ok || !catalog_cache_known(img->c.hash))) {
		free(img);
		return NULL;
	}
	return img ? finish_catalog(img) : NULL;
}

void catalog_snapshot_save(const struct catalog *c, const char *const *parts, size_t nparts)
{
	char *path = snapshot_path("catalog", c->dir, 1);
	size_t len = 0;
	void *buf = path ? catalog_snapshot_encode(c, parts, nparts, &len) : NULL;
	if (buf != NULL)
		write_file(path, buf, len);
	free(buf);
	free(path);
}

/* ---------- the form ---------- */

static void walk_form_v(struct walk *w, void *root)
{
	walk_form(w, root);
}

struct form *form_snapshot_load(const char *dir, const struct catalog *cat, uint64_t hash)
{
	char *path = snapshot_path("form", dir, 0);
	size_t len = 0;
	void *buf = path ? read_file(path, &len) : NULL;
	struct header hd;
	struct form *f = buf ? decode(buf, len, KIND_FORM, sizeof *f, walk_form_v, &hd) : NULL;
	free(buf);
	free(path);
	char hex[17];
	snprintf(hex, sizeof hex, "%016llx", (unsigned long long)hash);
	if (f != NULL && (hd.hash != hash || hd.dep != strtoull(cat->hash, NULL, 16) ||
			  !catalog_cache_known(hex))) {
		free(f);
		return NULL;
	}
	return f;
}

void form_snapshot_save(const struct form *f, const char *dir, const struct catalog *cat,
			uint64_t hash)
{
	char *path = snapshot_path("form", dir, 1);
	struct form img;
	memcpy(&img, f, sizeof img);
	img.arena = NULL;
	img.by_id = NULL;
	img.xsd = NULL;
	size_t len = 0;
	void *buf = path ? encode(&img, sizeof img, KIND_FORM, hash,
				  strtoull(cat->hash, NULL, 16), walk_form_v, &len) : NULL;
	if (buf != NULL)
		write_file(path, buf, len);
	free(buf);
	free(path);
}
