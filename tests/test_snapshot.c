/* test_snapshot.c - the compiled catalog and form (catalog_snapshot.c):
 * a warm load gives what a parse gives; a snapshot that is damaged, of
 * another version or made from other content is never used (and is
 * written anew); a changed catalog is parsed and its error reported with
 * file:line; no cache directory is no error. */
#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"
#include "arena.h"
#include "catalog_cache.h"
#include "catalog_guidance.h"
#include "catalog_snapshot.h"
#include "derive.h"
#include "survey.h"

static char *cache_dir;		/* $XDG_CACHE_HOME of this suite */
static size_t parsed_arena;	/* arena bytes of a parsed catalog */

static int setup(void **st)
{
	(void)st;
	xmlsafe_init();
	cache_dir = tu_tmpdir();
	if (cache_dir == NULL)
		return -1;
	setenv("XDG_CACHE_HOME", cache_dir, 1);
	struct diag d = DIAG_INIT;
	char *dir = tu_src("catalog");
	struct catalog *c = catalog_load_checked(dir, 1, &d);	/* never a snapshot */
	parsed_arena = c ? arena_used(c->arena) : 0;
	catalog_free(c);
	free(dir);
	return parsed_arena > 0 ? 0 : -1;
}

static int teardown(void **st)
{
	(void)st;
	char *cmd = str_printf("rm -rf '%s'", cache_dir);
	int rc = system(cmd);
	free(cmd);
	free(cache_dir);
	return rc == 0 ? 0 : -1;
}

/* ---------- field by field ---------- */

/* The warm side's image, while it is compared: each string and array it
 * reaches must lie in it, not in memory a pointer the walk missed still
 * points at (the cold catalog, alive in this process).  Its size is the
 * file's, header included: a bound a little loose. */
static const unsigned char *image;
static size_t image_size;

static void in_image(const void *p)
{
	uintptr_t q = (uintptr_t)p, lo = (uintptr_t)image;
	if (image != NULL && p != NULL)
		assert_true(q >= lo && q - lo < image_size);
}

static void set_image(const void *p, const char *file)
{
	struct stat sb;
	image = p;
	image_size = 0;
	if (p != NULL) {
		assert_int_equal(stat(file, &sb), 0);
		image_size = (size_t)sb.st_size;
	}
}

static void same_str(const char *a, const char *b)
{
	in_image(b);
	if (a == NULL || b == NULL)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void same_strs(const char *const *a, const char *const *b, size_t n)
{
	if (n > 0)
		in_image(b);
	for (size_t i = 0; i < n; i++)
		same_str(a[i], b[i]);
}

static void same_trigger(const struct cat_trigger *a, const struct cat_trigger *b)
{
	assert_int_equal(a->map, b->map);
	assert_int_equal(a->env_role, b->env_role);
	assert_int_equal(a->component, b->component);
	assert_int_equal(a->roles, b->roles);
	assert_int_equal(a->section, b->section);
}

static void same_vocabulary(const struct catalog *a, const struct catalog *b)
{
	for (int i = 0; i < N_VIEWPOINTS; i++) {
		const struct cat_viewpoint *x = &a->viewpoints[i], *y = &b->viewpoints[i];
		same_str(x->id, y->id), same_str(x->label, y->label);
		same_str(x->risk, y->risk), same_str(x->description, y->description);
		assert_int_equal(x->line, y->line);
	}
	for (int i = 0; i < N_ENV_ROLES; i++) {
		const struct cat_env_role *x = &a->env_roles[i], *y = &b->env_roles[i];
		same_str(x->id, y->id), same_str(x->label, y->label);
		same_str(x->definition, y->definition);
		assert_int_equal(x->letter, y->letter);
		assert_int_equal(x->line, y->line);
	}
	for (int i = 0; i < N_EXEC_ROLES; i++) {
		const struct cat_exec_role *x = &a->exec_roles[i], *y = &b->exec_roles[i];
		same_str(x->id, y->id), same_str(x->label, y->label);
		same_str(x->definition, y->definition);
		assert_int_equal(x->uses, y->uses);
		assert_int_equal(x->line, y->line);
	}
	for (int i = 0; i < N_COMPONENTS; i++) {
		const struct cat_component *x = &a->components[i], *y = &b->components[i];
		same_str(x->id, y->id), same_str(x->label, y->label);
		same_str(x->description, y->description);
		assert_int_equal(x->line, y->line);
	}
	for (int i = 0; i < N_EXTERNALS; i++) {
		const struct cat_external *x = &a->externals[i], *y = &b->externals[i];
		same_str(x->id, y->id), same_str(x->label, y->label);
		assert_int_equal(x->role, y->role);
		assert_int_equal(x->line, y->line);
	}
}

static void same_maps(const struct catalog *a, const struct catalog *b)
{
	for (int m = 0; m < N_MAPS; m++) {
		const struct cat_map *x = &a->maps[m], *y = &b->maps[m];
		assert_int_equal(x->id, y->id);
		same_str(x->title, y->title);
		assert_int_equal(x->line, y->line);
		assert_int_equal(x->nrows, y->nrows);
		for (size_t r = 0; r < x->nrows; r++) {
			const struct cat_row *p = &x->rows[r], *q = &y->rows[r];
			same_trigger(&p->trigger, &q->trigger);
			assert_int_equal(p->uses, q->uses);
			same_str(p->category, q->category), same_str(p->risk, q->risk);
			same_str(p->file, q->file);
			assert_int_equal(p->line, q->line);
			assert_int_equal(p->ncms, q->ncms);
			assert_memory_equal(p->cms, q->cms, p->ncms * sizeof *p->cms);
			same_strs(p->cm_ids, q->cm_ids, p->ncms);
		}
	}
}

static void same_cms(const struct catalog *a, const struct catalog *b)
{
	assert_int_equal(a->ncms, b->ncms);
	for (size_t i = 0; i < a->ncms; i++) {
		const struct cat_cm *x = &a->cms[i], *y = &b->cms[i];
		same_str(x->id, y->id), same_str(x->number, y->number);
		assert_int_equal(x->viewpoint, y->viewpoint);
		assert_int_equal(x->part, y->part);
		assert_int_equal(x->iot, y->iot);
		assert_int_equal(x->has_listed, y->has_listed);
		same_trigger(&x->listed, &y->listed);
		same_str(x->listed_label, y->listed_label);
		same_str(x->title, y->title), same_str(x->cites, y->cites);
		same_str(x->text, y->text);
		assert_int_equal(x->nactions, y->nactions);
		same_strs(x->actions, y->actions, x->nactions);
		assert_int_equal(x->nleads, y->nleads);
		same_strs(x->leads, y->leads, x->nleads);
		assert_int_equal(x->ntransfers, y->ntransfers);
		for (size_t k = 0; k < x->ntransfers; k++) {
			assert_int_equal(x->transfers[k].role, y->transfers[k].role);
			assert_int_equal(x->transfers[k].line, y->transfers[k].line);
			assert_int_equal(x->transfers[k].nduties, y->transfers[k].nduties);
			same_strs(x->transfers[k].duties, y->transfers[k].duties,
				  x->transfers[k].nduties);
		}
		assert_int_equal(x->named_by_map, y->named_by_map);
		assert_int_equal(x->needs_external, y->needs_external);
		assert_int_equal(x->order, y->order);
		assert_int_equal(x->line, y->line);
	}
}

static void same_annex(const struct cat_annex *x, const struct cat_annex *y)
{
	same_str(x->id, y->id), same_str(x->name, y->name);
	assert_int_equal(x->pattern_refs, y->pattern_refs);
	same_str(x->title, y->title);
	same_strs(x->columns, y->columns, N_ANNEX_COLUMNS);
	assert_int_equal(x->nnotes, y->nnotes);
	same_strs(x->notes, y->notes, x->nnotes);
	assert_int_equal(x->nitems, y->nitems);
	assert_int_equal(x->nentries, y->nentries);
	in_image(y->entries);
	for (size_t i = 0; i < x->nentries; i++) {
		const struct cat_annex_entry *p = &x->entries[i], *q = &y->entries[i];
		assert_int_equal(p->kind, q->kind);
		assert_int_equal(p->depth, q->depth);
		same_str(p->id, q->id), same_str(p->number, q->number);
		same_str(p->text, q->text), same_str(p->eval, q->eval);
		assert_int_equal(p->level, q->level);
		same_strs(p->refs, q->refs, N_PATTERNS);
		assert_int_equal(p->required, q->required);
		assert_int_equal(p->checkable, q->checkable);
		assert_int_equal(p->section, q->section);
		assert_int_equal(p->line, q->line);
	}
}

/* Issue 13's guidance, every field; B's arrays and strings in its image. */
static void same_guidance(const struct cat_guidance *a, const struct cat_guidance *b)
{
	if (a == NULL || b == NULL) {
		assert_ptr_equal(a, b);
		return;
	}
	in_image(b);
	assert_int_equal(a->nitems, b->nitems);
	in_image(b->items);
	for (size_t i = 0; i < a->nitems; i++) {
		const struct cat_gitem *x = &a->items[i], *y = &b->items[i];
		same_str(x->id, y->id), same_str(x->section, y->section);
		assert_int_equal(x->level, y->level);
		same_str(x->text, y->text);
		assert_int_equal(x->nbps, y->nbps);
		if (x->nbps > 0)
			in_image(y->bps);
		for (size_t k = 0; k < x->nbps; k++) {
			same_str(x->bps[k].path, y->bps[k].path);
			same_str(x->bps[k].label, y->bps[k].label);
			assert_int_equal(x->bps[k].depth, y->bps[k].depth);
			same_str(x->bps[k].text, y->bps[k].text);
			assert_int_equal(x->bps[k].line, y->bps[k].line);
		}
		assert_int_equal(x->nevals, y->nevals);
		if (x->nevals > 0)
			in_image(y->evals);
		for (size_t k = 0; k < x->nevals; k++) {
			same_str(x->evals[k].label, y->evals[k].label);
			same_str(x->evals[k].text, y->evals[k].text);
			assert_int_equal(x->evals[k].line, y->evals[k].line);
		}
		assert_int_equal(x->block_first, y->block_first);
		assert_int_equal(x->nblocks, y->nblocks);
		assert_int_equal(x->checklist, y->checklist);
		assert_int_equal(x->entry, y->entry);
		assert_int_equal(x->line, y->line);
		same_str(x->file, y->file);
		assert_int_equal(x->xml_line, y->xml_line);
	}
	assert_int_equal(a->nblocks, b->nblocks);
	if (a->nblocks > 0)
		in_image(b->blocks);
	for (size_t i = 0; i < a->nblocks; i++) {
		const struct cat_block *x = &a->blocks[i], *y = &b->blocks[i];
		assert_int_equal(x->control, y->control);
		same_str(x->clause, y->clause), same_str(x->number, y->number);
		same_str(x->title, y->title), same_str(x->text, y->text);
		assert_int_equal(x->cloud, y->cloud);
		same_str(x->section, y->section);
		assert_int_equal(x->item_first, y->item_first);
		assert_int_equal(x->nitems, y->nitems);
		assert_int_equal(x->line, y->line);
	}
	for (int k = 0; k < N_GUIDANCE_ANNEXES; k++) {
		same_str(a->annex_title[k], b->annex_title[k]);
		assert_int_equal(a->nannex[k], b->nannex[k]);
		if (a->nannex[k] > 0)
			in_image(b->annex[k]);
		for (size_t i = 0; i < a->nannex[k]; i++) {
			const struct cat_clause_text *x = &a->annex[k][i], *y = &b->annex[k][i];
			same_str(x->clause, y->clause), same_str(x->number, y->number);
			same_str(x->title, y->title), same_str(x->text, y->text);
			assert_int_equal(x->line, y->line);
		}
	}
	same_str(a->glossary_title, b->glossary_title);
	assert_int_equal(a->nterms, b->nterms);
	if (a->nterms > 0)
		in_image(b->terms);
	for (size_t i = 0; i < a->nterms; i++) {
		assert_int_equal(a->terms[i].number, b->terms[i].number);
		same_str(a->terms[i].name, b->terms[i].name);
		same_str(a->terms[i].text, b->terms[i].text);
		assert_int_equal(a->terms[i].line, b->terms[i].line);
	}
	same_str(a->annex7_title, b->annex7_title);
	assert_int_equal(a->ntopics, b->ntopics);
	if (a->ntopics > 0)
		in_image(b->topics);
	for (size_t i = 0; i < a->ntopics; i++) {
		const struct cat_topic *x = &a->topics[i], *y = &b->topics[i];
		same_str(x->label, y->label), same_str(x->title, y->title);
		same_str(x->text, y->text);
		assert_int_equal(x->roles, y->roles);
		assert_int_equal(x->line, y->line);
	}
	assert_memory_equal(a->seen_part, b->seen_part, sizeof a->seen_part);
	assert_memory_equal(a->seen_annex, b->seen_annex, sizeof a->seen_annex);
	assert_int_equal(a->seen_glossary, b->seen_glossary);
	assert_int_equal(a->seen_annex7, b->seen_annex7);
}

/* Every field a load gives, compared; the maps' countermeasure indexes
 * too, so the rows point at the same countermeasures. */
static void same_catalog(const struct catalog *a, const struct catalog *b)
{
	same_str(a->dir, b->dir), same_str(a->edition, b->edition);
	same_str(a->title, b->title), same_str(a->source, b->source);
	assert_int_equal(a->revision, b->revision);
	same_vocabulary(a, b);
	same_maps(a, b);
	same_strs(a->section_labels, b->section_labels, 3);
	same_cms(a, b);
	assert_int_equal(a->n_checklists, b->n_checklists);
	in_image(b->checklists);
	for (size_t i = 0; i < a->n_checklists; i++)
		same_annex(&a->checklists[i], &b->checklists[i]);
	same_str(a->patterns_title, b->patterns_title);
	assert_int_equal(a->npattern_explanations, b->npattern_explanations);
	same_strs(a->pattern_explanations, b->pattern_explanations, a->npattern_explanations);
	for (int i = 0; i < N_PATTERNS; i++) {
		assert_int_equal(a->patterns[i].id, b->patterns[i].id);
		assert_int_equal(a->patterns[i].confidentiality, b->patterns[i].confidentiality);
		assert_int_equal(a->patterns[i].availability, b->patterns[i].availability);
		same_str(a->patterns[i].services, b->patterns[i].services);
		assert_int_equal(a->patterns[i].line, b->patterns[i].line);
	}
	same_str(a->unpatterned, b->unpatterned);
	same_guidance(a->guidance, b->guidance);
	/* the table of contents (issue 12, pages.xml) */
	assert_int_equal(a->ntoc, b->ntoc);
	if (a->ntoc > 0)
		in_image(b->toc);
	for (size_t i = 0; i < a->ntoc; i++) {
		same_str(a->toc[i].id, b->toc[i].id);
		same_str(a->toc[i].title, b->toc[i].title);
		assert_int_equal(a->toc[i].page, b->toc[i].page);
		assert_int_equal(a->toc[i].last, b->toc[i].last);
		assert_int_equal(a->toc[i].line, b->toc[i].line);
	}
	assert_int_equal(a->nrepairs, b->nrepairs);
	assert_string_equal(a->hash, b->hash);
	assert_non_null(b->plan);
}

static void same_form(const struct form *a, const struct form *b)
{
	same_str(a->title, b->title), same_str(a->heading, b->heading);
	same_strs(a->columns, b->columns, 3);
	assert_int_equal(a->ngroups, b->ngroups);
	for (size_t i = 0; i < a->ngroups; i++)
		same_str(a->groups[i].id, b->groups[i].id), same_str(a->groups[i].label,
								     b->groups[i].label);
	assert_int_equal(a->nblocks, b->nblocks);
	for (size_t i = 0; i < a->nblocks; i++) {
		const struct form_block *x = &a->blocks[i], *y = &b->blocks[i];
		same_str(x->id, y->id), same_str(x->label, y->label);
		same_str(x->instruction, y->instruction), same_str(x->effect, y->effect);
		assert_int_equal(x->group, y->group);
		assert_int_equal(x->first, y->first);
		assert_int_equal(x->nlines, y->nlines);
		assert_int_equal(x->line, y->line);
	}
	assert_int_equal(a->nlines, b->nlines);
	for (size_t i = 0; i < a->nlines; i++) {
		const struct form_line *x = &a->lines[i], *y = &b->lines[i];
		assert_int_equal(x->group, y->group);
		assert_int_equal(x->block, y->block);
		same_str(x->item, y->item);
		assert_int_equal(x->component, y->component);
		assert_int_equal(x->role, y->role);
		assert_int_equal(x->external, y->external);
		assert_int_equal(x->ncells, y->ncells);
		for (int k = 0; k < x->ncells; k++) {
			assert_int_equal(x->cells[k].column, y->cells[k].column);
			assert_int_equal(x->cells[k].type, y->cells[k].type);
			assert_int_equal(x->cells[k].cell, y->cells[k].cell);
			same_str(x->cells[k].fixed_id, y->cells[k].fixed_id);
			assert_int_equal(x->cells[k].needs, y->cells[k].needs);
		}
	}
	assert_int_equal(a->ncells, b->ncells);
	for (size_t i = 0; i < a->ncells; i++) {
		same_str(a->cells[i].id, b->cells[i].id);
		assert_int_equal(a->cells[i].kind, b->cells[i].kind);
		assert_int_equal(a->cells[i].index, b->cells[i].index);
		assert_int_equal(a->cells[i].line, b->cells[i].line);
		assert_int_equal(form_cell_index(b, a->cells[i].id), (int)i);
	}
	assert_memory_equal(a->cell_of, b->cell_of, sizeof a->cell_of);
	assert_memory_equal(a->by_id, b->by_id, a->ncells * sizeof *a->by_id);
}

/* ---------- loading ---------- */

static char *snapshot_file(const char *kind, const char *dir)
{
	char *path = snapshot_path(kind, dir, 0);
	assert_non_null(path);
	return path;
}

static struct catalog *load(const char *dir)
{
	struct diag d = DIAG_INIT;
	struct catalog *c = catalog_load(dir, &d);
	if (c == NULL)
		fail_msg("%s", diag_msg(&d));
	return c;
}

/* The catalog parsed (`iotscope catalog`'s full load never reads or writes
 * a snapshot: nrepairs aside, the same data). */
static struct catalog *parsed(const char *dir)
{
	struct diag d = DIAG_INIT;
	struct catalog *c = catalog_load_checked(dir, 1, &d);
	if (c == NULL)
		fail_msg("%s", diag_msg(&d));
	assert_true(c->nrepairs > 0);
	c->nrepairs = 0;
	return c;
}

/* Did C come from a snapshot?  A parsed catalog's texts and arrays are
 * in its arena; an image holds them itself, its arena only the
 * derivation plan.  (SIZE: unused, the image's size, for the reader.) */
static int from_image(const struct catalog *c, size_t size)
{
	(void)size;
	assert_true(parsed_arena > 0);
	return arena_used(c->arena) < parsed_arena / 4;
}

static void derive_same(const struct catalog *a, const struct catalog *b,
			const struct form *fa, const struct form *fb)
{
	static const char *const cases[] = { "fig20", "case1", "case2", "case3", "case4",
					     "case5", "case6" };
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		char *path = str_printf("%s/examples/%s.xml", SRCDIR, cases[i]);
		struct diag d = DIAG_INIT;
		struct survey *sa = survey_load(fa, path, &d), *sb = survey_load(fb, path, &d);
		assert_non_null(sa);
		assert_non_null(sb);
		struct derivation *x = derive(a, sa), *y = derive(b, sb);
		assert_non_null(x);
		assert_non_null(y);
		assert_true(x->nitems > 0);
		assert_int_equal(x->nitems, y->nitems);
		for (size_t k = 0; k < x->nitems; k++) {
			assert_int_equal(x->items[k].cm, y->items[k].cm);
			assert_int_equal(x->items[k].nreasons, y->items[k].nreasons);
			for (size_t r = 0; r < x->items[k].nreasons; r++) {
				const struct reason *p = &x->items[k].reasons[r],
					*q = &y->items[k].reasons[r];
				assert_int_equal(p->map, q->map);
				assert_int_equal(p->row ? p->row->line : 0, q->row ? q->row->line : 0);
			}
		}
		assert_int_equal(x->nopen, y->nopen);
		unsigned *ca = calloc(a->ncms, sizeof *ca), *cb = calloc(b->ncms, sizeof *cb);
		assert_int_equal(derive_counts(a, sa, ca), derive_counts(b, sb, cb));
		assert_memory_equal(ca, cb, a->ncms * sizeof *ca);
		free(ca);
		free(cb);
		derivation_free(x);
		derivation_free(y);
		survey_free(sa);
		survey_free(sb);
		free(path);
	}
}

static void test_warm_equals_parsed(void **st)
{
	(void)st;
	char *dir = tu_copy_dir("catalog"), *fdir = tu_copy_dir("forms");
	char *file = snapshot_file("catalog", dir), *ffile = snapshot_file("form", fdir);
	assert_int_not_equal(access(file, F_OK), 0);
	struct catalog *cold = load(dir);		/* parses, writes the snapshot */
	struct stat sb;
	assert_int_equal(stat(file, &sb), 0);
	assert_false(from_image(cold, (size_t)sb.st_size));
	struct catalog *warm = load(dir);
	assert_true(from_image(warm, (size_t)sb.st_size));
	struct catalog *ref = parsed(dir);
	/* catalog/glossary.xml: 66 terms, the first アグリゲーションサービス;
	 * catalog/annex7.xml: 4 topics */
	assert_non_null(warm->guidance);
	assert_int_equal(warm->guidance->nterms, 66);
	assert_string_equal(warm->guidance->terms[0].name, "アグリゲーションサービス");
	assert_int_equal(warm->guidance->ntopics, 4);
	set_image(warm, file);
	same_catalog(ref, warm);
	same_catalog(cold, warm);
	set_image(NULL, NULL);

	struct diag d = DIAG_INIT;
	struct form *fcold = form_load(fdir, cold, &d);
	assert_non_null(fcold);
	assert_int_equal(access(ffile, F_OK), 0);
	struct form *fwarm = form_load(fdir, warm, &d);
	assert_non_null(fwarm);
	assert_ptr_not_equal(fwarm->arena, NULL);
	set_image(fwarm, ffile);
	same_form(fcold, fwarm);
	set_image(NULL, NULL);
	derive_same(ref, warm, fcold, fwarm);

	form_free(fwarm);
	form_free(fcold);
	catalog_free(ref);
	catalog_free(warm);
	catalog_free(cold);
	free(ffile);
	free(file);
	tu_remove_dir(fdir);
	tu_remove_dir(dir);
}

/* A third checklist (tests/lib.sh catalog3's fixture, between annex2.xml
 * and patterns.xml): the image holds as many as the catalog lists. */
static void test_third_checklist(void **st)
{
	(void)st;
	char *dir = tu_copy_dir("catalog"), *file = snapshot_file("catalog", dir);
	char *cmd = str_printf("cp %s/tests/fixtures/checklist3/annex3.xml %s/", SRCDIR, dir);
	assert_int_equal(system(cmd), 0);
	tu_replace(dir, "catalog.xml", "<part file=\"patterns.xml\"/>",
		   "<part file=\"annex3.xml\"/><part file=\"patterns.xml\"/>");
	struct catalog *cold = load(dir);
	struct stat sb;
	assert_int_equal(stat(file, &sb), 0);
	struct catalog *warm = load(dir);
	assert_true(from_image(warm, (size_t)sb.st_size));
	struct catalog *ref = parsed(dir);
	/* the fixture: annex3, "Annex 3x", one section and two items */
	assert_int_equal(warm->n_checklists, 3);
	const struct cat_annex *x = &warm->checklists[2];
	assert_string_equal(x->id, "annex3");
	assert_string_equal(x->name, "Annex 3x");
	assert_int_equal(x->pattern_refs, 0);
	assert_int_equal(x->nentries, 3);
	assert_int_equal(x->nitems, 2);
	assert_string_equal(x->entries[2].text, "Do the second thing.");
	assert_int_equal(x->entries[2].level, LEVEL_RECOMMENDED);
	assert_string_equal(warm->checklists[1].id, "annex2");
	assert_int_equal(warm->checklists[1].pattern_refs, 1);
	set_image(warm, file);
	same_catalog(ref, warm);
	same_catalog(cold, warm);
	set_image(NULL, NULL);
	catalog_free(ref);
	catalog_free(warm);
	catalog_free(cold);
	free(cmd);
	free(file);
	tu_remove_dir(dir);
}

/* The guidance parts (issue 13) are in the content hash like every part:
 * an edited glossary is parsed, not served from the image. */
static void test_guidance_edited(void **st)
{
	(void)st;
	char *dir = tu_copy_dir("catalog"), *file = snapshot_file("catalog", dir);
	catalog_free(load(dir));
	struct stat sb;
	assert_int_equal(stat(file, &sb), 0);
	struct catalog *warm = load(dir);
	assert_true(from_image(warm, (size_t)sb.st_size));
	catalog_free(warm);
	tu_replace(dir, "glossary.xml", "<name>アグリゲーションサービス</name>",
		   "<name>Edited</name>");
	struct catalog *c = load(dir);
	assert_false(from_image(c, (size_t)sb.st_size));
	assert_string_equal(c->guidance->terms[0].name, "Edited");
	catalog_free(c);
	c = load(dir);		/* the new image */
	assert_true(from_image(c, (size_t)sb.st_size));
	assert_string_equal(c->guidance->terms[0].name, "Edited");
	catalog_free(c);
	free(file);
	tu_remove_dir(dir);
}

/* The snapshot file of DIR's catalog, made by a load; malloc'd. */
static char *made_snapshot(const char *dir, const char *file, size_t *len)
{
	catalog_free(load(dir));
	char *buf = tu_slurp(file, len);
	assert_non_null(buf);
	assert_true(*len > 1000);
	return buf;
}

/* DAMAGED written over the snapshot: the next load must parse (its result
 * equal to the reference) and leave a sound snapshot in its place. */
static void expect_ignored(const char *dir, const char *file, const char *damaged,
			   size_t len, const struct catalog *ref)
{
	assert_int_equal(tu_write(file, damaged, len), 0);
	struct catalog *c = load(dir);
	assert_false(from_image(c, len + 4096));
	same_catalog(ref, c);
	catalog_free(c);
	size_t n;
	char *again = tu_slurp(file, &n);
	assert_non_null(again);
	struct catalog *img = catalog_snapshot_decode(again, n);
	assert_non_null(img);
	img->plan = derive_plan_build(img);	/* what catalog.c adds on a load */
	same_catalog(ref, img);
	catalog_free(img);
	free(again);
}

/* The header's fields, as catalog_snapshot.c lays them out: magic (8),
 * version, kind, endian, word (4 each), layout, hash, ... (8 each). */
enum { AT_VERSION = 8, AT_ENDIAN = 16, AT_HASH = 32 };

static void test_damaged_ignored(void **st)
{
	(void)st;
	char *dir = tu_copy_dir("catalog"), *file = snapshot_file("catalog", dir);
	size_t len;
	char *good = made_snapshot(dir, file, &len);
	struct catalog *ref = parsed(dir);
	char *bad = malloc(len);
	assert_non_null(bad);

	/* cut short: at the header, inside it, inside the body, one byte */
	const size_t cuts[] = { 0, 7, 40, len / 2, len - 1 };
	for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++)
		expect_ignored(dir, file, good, cuts[i], ref);
	/* one byte longer */
	char *longer = malloc(len + 1);
	memcpy(longer, good, len);
	longer[len] = 0;
	expect_ignored(dir, file, longer, len + 1, ref);
	free(longer);
	/* a bit flipped in the header and in the body */
	const size_t flips[] = { 0, AT_VERSION, AT_HASH + 3, 60, len / 3, len - 1 };
	for (size_t i = 0; i < sizeof flips / sizeof *flips; i++) {
		memcpy(bad, good, len);
		bad[flips[i]] ^= 0x10;
		expect_ignored(dir, file, bad, len, ref);
	}
	/* another format version, another byte order, a content hash that is
	 * not the catalog's: each with a checksum that holds */
	uint32_t v;
	memcpy(bad, good, len);
	memcpy(&v, bad + AT_VERSION, 4);
	v++;
	memcpy(bad + AT_VERSION, &v, 4);
	snapshot_reseal(bad, len);
	assert_null(catalog_snapshot_decode(bad, len));
	expect_ignored(dir, file, bad, len, ref);

	memcpy(bad, good, len);
	memcpy(&v, bad + AT_ENDIAN, 4);
	v = __builtin_bswap32(v);
	memcpy(bad + AT_ENDIAN, &v, 4);
	snapshot_reseal(bad, len);
	expect_ignored(dir, file, bad, len, ref);

	memcpy(bad, good, len);
	bad[AT_HASH] ^= 1;
	snapshot_reseal(bad, len);
	expect_ignored(dir, file, bad, len, ref);

	/* the snapshot of another catalog directory's content (same tree,
	 * one title edited): sound, but not of these files */
	char *other = tu_copy_dir("catalog"), *ofile = snapshot_file("catalog", other);
	tu_replace(other, "catalog.xml", "<title>", "<title>X");
	size_t olen;
	char *obuf = made_snapshot(other, ofile, &olen);
	expect_ignored(dir, file, obuf, olen, ref);
	free(obuf);
	free(ofile);
	tu_remove_dir(other);

	/* and the sound one is used again */
	assert_int_equal(tu_write(file, good, len), 0);
	struct catalog *c = load(dir);
	assert_true(from_image(c, len));
	catalog_free(c);

	free(bad);
	free(good);
	catalog_free(ref);
	free(file);
	tu_remove_dir(dir);
}

/* A bit flipped anywhere is caught by the checksum; damage with a
 * checksum that holds (forged) is caught by the bounds and index checks
 * or gives some catalog, but never reads outside the image (ASan and
 * valgrind runs of the suite see to that). */
static void test_flip_every_byte(void **st)
{
	(void)st;
	char *dir = tu_copy_dir("catalog"), *file = snapshot_file("catalog", dir);
	size_t len;
	char *good = made_snapshot(dir, file, &len);
	char *bad = malloc(len);
	assert_non_null(bad);
	memcpy(bad, good, len);
	size_t step = getenv("IOTSCOPE_SNAPSHOT_EVERY") ? 1 : 61;
	for (size_t i = 0; i < len; i += i < 4096 ? 1 : step) {
		unsigned char bit = (unsigned char)(1u << (i % 8));
		bad[i] ^= (char)bit;
		assert_null(catalog_snapshot_decode(bad, len));
		bad[i] ^= (char)bit;
	}
	size_t used = 0;
	const uint64_t values[] = { 0, 1, 16, 0x7fffffff, UINT64_MAX, (uint64_t)len,
				    (uint64_t)len - 48 };
	for (size_t i = 48; i + 8 <= len; i += i < 4096 ? 8 : 8 * 61) {
		for (size_t k = 0; k < sizeof values / sizeof *values; k++) {
			memcpy(bad + i, &values[k], 8);
			snapshot_reseal(bad, len);
			struct catalog *c = catalog_snapshot_decode(bad, len);
			used += c != NULL;
			catalog_free(c);
		}
		memcpy(bad, good, len);
	}
	assert_true(used > 0);		/* a changed number or text is loaded */
	struct catalog *c = catalog_snapshot_decode(good, len);
	assert_non_null(c);
	catalog_free(c);
	free(bad);
	free(good);
	free(file);
	tu_remove_dir(dir);
}

/* A changed catalog is parsed, whatever snapshot there is: a valid edit
 * shows, an invalid one gives the parser's file:line message. */
static void test_changed_catalog(void **st)
{
	(void)st;
	char *dir = tu_copy_dir("catalog"), *file = snapshot_file("catalog", dir);
	catalog_free(load(dir));
	struct catalog *c = load(dir);
	struct stat sb;
	assert_int_equal(stat(file, &sb), 0);
	assert_true(from_image(c, (size_t)sb.st_size));
	char *title = strdup(c->maps[MAP_A].title);
	catalog_free(c);

	tu_replace(dir, "map-A.xml", "<title>", "<title>Edited ");
	c = load(dir);
	assert_false(from_image(c, (size_t)sb.st_size));
	assert_non_null(strstr(c->maps[MAP_A].title, "Edited "));
	assert_string_equal(c->maps[MAP_A].title + strlen("Edited "), title);
	catalog_free(c);
	c = load(dir);			/* the new content's snapshot */
	assert_int_equal(stat(file, &sb), 0);
	assert_true(from_image(c, (size_t)sb.st_size));
	assert_non_null(strstr(c->maps[MAP_A].title, "Edited "));
	catalog_free(c);

	/* made invalid: an attribute catalog.xsd does not allow */
	tu_replace(dir, "map-A.xml", "<row env-role=\"contract\" line=\"3217\">",
		   "<row env-role=\"contract\" line=\"3217\" unknown=\"1\">");
	struct diag d = DIAG_INIT;
	assert_null(catalog_load(dir, &d));
	if (strstr(diag_msg(&d), "map-A.xml:4:") == NULL)
		fail_msg("message '%s' does not say map-A.xml:4:", diag_msg(&d));
	diag_clear(&d);
	/* not well formed */
	tu_replace(dir, "map-A.xml", "</map>", "</mapp>");
	assert_null(catalog_load(dir, &d));
	if (strstr(diag_msg(&d), "map-A.xml:") == NULL)
		fail_msg("message '%s' does not name map-A.xml", diag_msg(&d));
	diag_clear(&d);
	/* a part gone */
	char *part = str_printf("%s/map-A.xml", dir);
	assert_int_equal(unlink(part), 0);
	assert_null(catalog_load(dir, &d));
	if (strstr(diag_msg(&d), "map-A.xml") == NULL)
		fail_msg("message '%s' does not name map-A.xml", diag_msg(&d));
	diag_clear(&d);
	free(part);
	free(title);
	free(file);
	tu_remove_dir(dir);
}

/* A file in the cache directory, modified AGE seconds ago; a directory
 * when DIR. */
static void old_file(const char *cache, const char *name, long age, int dir)
{
	char *path = str_printf("%s/%s", cache, name);
	assert_non_null(path);
	if (dir)
		assert_int_equal(mkdir(path, 0700), 0);
	else
		assert_int_equal(tu_write(path, "x", 1), 0);
	struct timespec t[2] = { { time(NULL) - age, 0 }, { time(NULL) - age, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
	free(path);
}

static int exists(const char *cache, const char *name)
{
	char *path = str_printf("%s/%s", cache, name);
	int r = access(path, F_OK) == 0;
	free(path);
	return r;
}

/* Writing a snapshot removes the snapshots nobody wrote for 90 days (a
 * catalog directory that is gone) and the temporary files of writers
 * that died a day ago; nothing else of the cache directory. */
static void test_prune(void **st)
{
	(void)st;
	const long day = 24 * 3600;
	char *cache = catalog_cache_dir(1);
	assert_non_null(cache);
	old_file(cache, "catalog-0123456789abcdef.snap", 100 * day, 0);	/* gone */
	old_file(cache, "form-0123456789abcdef.snap", 91 * day, 0);	/* gone */
	old_file(cache, "form-fedcba9876543210.snap", 10 * day, 0);	/* kept: in use */
	old_file(cache, "catalog-0000000000000001.snap.77.tmp", 2 * day, 0);	/* gone */
	old_file(cache, "catalog-0000000000000002.snap.78.tmp", 60, 0);	/* a writer now */
	old_file(cache, "notes.txt", 400 * day, 0);			/* not ours */
	old_file(cache, "catalog-0123456789abcdeX.snap", 400 * day, 0);	/* not a hash */
	old_file(cache, "catalog-00000000000000aa.snap", 400 * day, 1);	/* a directory */
	char *dir = tu_copy_dir("catalog"), *file = snapshot_file("catalog", dir);
	catalog_free(load(dir));	/* a new directory: its snapshot is written */
	assert_int_equal(access(file, F_OK), 0);
	assert_false(exists(cache, "catalog-0123456789abcdef.snap"));
	assert_false(exists(cache, "form-0123456789abcdef.snap"));
	assert_true(exists(cache, "form-fedcba9876543210.snap"));
	assert_false(exists(cache, "catalog-0000000000000001.snap.77.tmp"));
	assert_true(exists(cache, "catalog-0000000000000002.snap.78.tmp"));
	assert_true(exists(cache, "notes.txt"));
	assert_true(exists(cache, "catalog-0123456789abcdeX.snap"));
	assert_true(exists(cache, "catalog-00000000000000aa.snap"));
	free(file);
	tu_remove_dir(dir);
	free(cache);
}

/* The validation list cleared: the snapshot is not used either, as its
 * content is no longer known to have passed the schema. */
static void test_validation_list_cleared(void **st)
{
	(void)st;
	char *dir = tu_copy_dir("catalog"), *file = snapshot_file("catalog", dir);
	catalog_free(load(dir));
	char *list = str_printf("%s/iotscope/catalog-validated", cache_dir);
	assert_int_equal(unlink(list), 0);
	struct catalog *c = load(dir);
	assert_false(from_image(c, 1u << 20));
	catalog_free(c);
	free(list);
	free(file);
	tu_remove_dir(dir);
}

/* A form snapshot made against other catalog content is not used. */
static void test_form_follows_catalog(void **st)
{
	(void)st;
	char *dir = tu_copy_dir("catalog"), *fdir = tu_copy_dir("forms");
	struct catalog *c = load(dir);
	struct diag d = DIAG_INIT;
	struct form *f = form_load(fdir, c, &d);
	assert_non_null(f);
	form_free(f);
	catalog_free(c);
	char *ffile = snapshot_file("form", fdir);
	size_t len;
	char *before = tu_slurp(ffile, &len);
	assert_non_null(before);

	tu_replace(dir, "catalog.xml", "<title>", "<title>X");
	c = load(dir);
	assert_non_null(f = form_load(fdir, c, &d));
	size_t n;
	char *after = tu_slurp(ffile, &n);
	assert_non_null(after);
	assert_int_equal(n, len);
	assert_memory_not_equal(before, after, len);	/* made again: another catalog */
	form_free(f);
	catalog_free(c);

	/* and an invalid form is refused with its line, snapshot or not */
	tu_replace(fdir, "fig16.xml", "<group ", "<group bogus=\"1\" ");
	c = load(dir);
	assert_null(form_load(fdir, c, &d));
	if (strstr(diag_msg(&d), "fig16.xml:") == NULL)
		fail_msg("message '%s' does not name fig16.xml", diag_msg(&d));
	diag_clear(&d);
	catalog_free(c);
	free(after);
	free(before);
	free(ffile);
	tu_remove_dir(fdir);
	tu_remove_dir(dir);
}

/* No place for a cache: everything loads, nothing is written. */
static void test_no_cache_dir(void **st)
{
	(void)st;
	char *dir = tu_copy_dir("catalog"), *fdir = tu_copy_dir("forms");
	char *blocker = str_printf("%s/not-a-dir", cache_dir);
	assert_int_equal(tu_write(blocker, "x", 1), 0);
	const char *homes[][2] = { { blocker, NULL }, { "relative", NULL }, { NULL, NULL },
				   { NULL, blocker } };
	char *saved_home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;
	for (size_t i = 0; i < sizeof homes / sizeof *homes; i++) {
		if (homes[i][0])
			setenv("XDG_CACHE_HOME", homes[i][0], 1);
		else
			unsetenv("XDG_CACHE_HOME");
		if (homes[i][1])
			setenv("HOME", homes[i][1], 1);
		else
			unsetenv("HOME");
		for (int k = 0; k < 2; k++) {
			struct catalog *c = load(dir);
			assert_false(from_image(c, 1u << 20));
			struct diag d = DIAG_INIT;
			struct form *f = form_load(fdir, c, &d);
			assert_non_null(f);
			form_free(f);
			catalog_free(c);
		}
		assert_null(snapshot_path("catalog", dir, 1));
	}
	if (saved_home)
		setenv("HOME", saved_home, 1);
	free(saved_home);
	setenv("XDG_CACHE_HOME", cache_dir, 1);
	/* a directory we may not write to (root may: then it is written) */
	char *ro = str_printf("%s/ro", cache_dir);
	assert_int_equal(mkdir(ro, 0500), 0);
	setenv("XDG_CACHE_HOME", ro, 1);
	for (int k = 0; k < 2; k++)
		catalog_free(load(dir));
	setenv("XDG_CACHE_HOME", cache_dir, 1);
	assert_int_equal(chmod(ro, 0700), 0);
	free(ro);
	free(blocker);
	tu_remove_dir(fdir);
	tu_remove_dir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_warm_equals_parsed),
		cmocka_unit_test(test_third_checklist),
		cmocka_unit_test(test_guidance_edited),
		cmocka_unit_test(test_damaged_ignored),
		cmocka_unit_test(test_flip_every_byte),
		cmocka_unit_test(test_changed_catalog),
		cmocka_unit_test(test_validation_list_cleared),
		cmocka_unit_test(test_form_follows_catalog),
		cmocka_unit_test(test_no_cache_dir),
		cmocka_unit_test(test_prune),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
