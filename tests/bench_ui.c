/* bench_ui.c - the redraw benchmark: from a keystroke to the redrawn
 * screen (ui_key + ui_draw + doupdate), with the full catalog derived
 * (every cell ○: all 100 countermeasures), drawn through newterm on
 * /dev/null as an xterm-256color at 80x24 and 120x40.  Prints figures
 * (median, 95th percentile, worst) against one 60 Hz frame, 16.7 ms;
 * asserts nothing.  `make bench-ui`. */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "form.h"
#include "store.h"
#include "survey.h"
#include "ui.h"
#include "ui_curses.h"
#include "ui_draw.h"
#include "xmlsafe.h"

enum { ROUNDS = 400 };

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* One key as the workbench's loop handles it, timed to the screen written. */
static double timed_key(struct ui *u, int key)
{
	double t0 = now_ms();
	ui_key(u, key);
	ui_draw(u);
	doupdate();
	return now_ms() - t0;
}

struct scenario {
	const char *what;
	enum ui_screen_id screen;
	int keys[4];			/* pressed in turn */
	int nkeys;
	int rounds;
};

static void run(struct ui *u, const struct scenario *s, int rows, int cols)
{
	double *t = calloc((size_t)s->rounds, sizeof *t);
	if (t == NULL)
		return;
	/* each scenario starts at the first cell, on the screen itself */
	u->prompting = u->confirming = 0;
	ui_grid_home(&u->survey.grid, u->form, &u->survey.cur);
	ui_go(u, s->screen);
	ui_draw(u);
	doupdate();
	for (int i = 0; i < s->rounds; i++)
		t[i] = timed_key(u, s->keys[i % s->nkeys]);
	qsort(t, (size_t)s->rounds, sizeof *t, cmp);
	printf("%3dx%-3d  %-44s %5d keys  median %6.3f ms  p95 %6.3f ms  worst %6.3f ms\n",
	       cols, rows, s->what, s->rounds, t[s->rounds / 2], t[s->rounds * 95 / 100],
	       t[s->rounds - 1]);
	free(t);
}

#define K(k) UI_KEY_FN(k)
static const struct scenario scenarios[] = {
	{ "survey: move down/up the Fig. 16 grid", SCR_SURVEY, { 'j', 'j', 'k', 'k' }, 4, ROUNDS },
	{ "survey: Tab from block to block", SCR_SURVEY, { '\t' }, 1, ROUNDS },
	{ "survey: answer a cell (saved, re-derived)", SCR_SURVEY, { ' ' }, 1, 60 },
	{ "countermeasures: move down the list", SCR_CMS, { 'j', 'j', 'j', 'k' }, 4, ROUNDS },
	{ "countermeasures: page down/up", SCR_CMS, { K(KEY_NPAGE), K(KEY_PPAGE) }, 2, ROUNDS },
	{ "countermeasures: open an item / back", SCR_CMS, { '\r', 'q' }, 2, ROUNDS },
	{ "countermeasures: viewpoint filter", SCR_CMS, { 'v' }, 1, ROUNDS },
	{ "checklists (Annex 1): move down/up", SCR_ANNEX, { 'j', 'j', 'k', 'k' }, 4, ROUNDS },
	{ "help: open / close", SCR_SURVEY, { '?', 'q' }, 2, ROUNDS },
};

/* An assessment with every cell ○, so that the list holds the whole catalog. */
static int64_t all_yes(struct store *st, const struct catalog *c, const struct form *f)
{
	struct assessment *a = assessment_new(f);
	struct diag d = DIAG_INIT;
	int64_t id = 0;
	if (a == NULL)
		return 0;
	for (size_t i = 0; i < f->ncells; i++)
		a->survey->answers[i] = ANSWER_YES;
	a->catalog_edition = strdup(c->edition);
	a->catalog_revision = c->revision;
	if (survey_set_detail(a->survey, DETAIL_NAME, "bench: every cell yes", &d) < 0 ||
	    store_create(st, a, &id, &d) < 0) {
		fprintf(stderr, "bench_ui: %s\n", diag_msg(&d));
		id = 0;
	}
	diag_clear(&d);
	assessment_free(a);
	return id;
}

static int bench(const char *srcdir, const char *db)
{
	struct diag d = DIAG_INIT;
	char *cat_dir = str_printf("%s/catalog", srcdir), *forms_dir = str_printf("%s/forms", srcdir);
	struct catalog *c = cat_dir ? catalog_load(cat_dir, &d) : NULL;
	struct form *f = c && forms_dir ? form_load(forms_dir, c, &d) : NULL;
	struct store *st = f ? store_open(db, "bench", &d) : NULL;
	int64_t id = st ? all_yes(st, c, f) : 0;
	FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
	SCREEN *scr = id && out && in ? newterm("xterm-256color", out, in) : NULL;
	int rc = 1;
	if (scr == NULL) {
		fprintf(stderr, "bench_ui: %s\n", d.msg ? d.msg : "cannot set up the terminal");
	} else {
		set_term(scr);
		ui_theme_init();
		struct ui *u = ui_new(c, f, st, db, cat_dir);
		if (u != NULL && ui_open(u, id) == 0) {
			printf("%zu countermeasures derived of %zu in the catalog; output: "
			       "xterm-256color on /dev/null, colour %s\n", u->dv->nitems, c->ncms,
			       ui_theme_colour() ? "on" : "off");
			static const int sizes[][2] = { { 24, 80 }, { 40, 120 } };
			for (size_t z = 0; z < 2; z++) {
				resize_term(sizes[z][0], sizes[z][1]);
				ui_resize(u, sizes[z][0], sizes[z][1]);
				for (size_t s = 0; s < sizeof scenarios / sizeof scenarios[0]; s++)
					run(u, &scenarios[s], sizes[z][0], sizes[z][1]);
			}
			rc = 0;
		}
		ui_free(u);
		endwin();
		delscreen(scr);
	}
	if (out)
		fclose(out);
	if (in)
		fclose(in);
	store_close(st);
	form_free(f);
	catalog_free(c);
	free(cat_dir);
	free(forms_dir);
	diag_clear(&d);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: bench_ui SRCDIR\n");
		return 2;
	}
	if (setlocale(LC_ALL, "C.UTF-8") == NULL) {
		fprintf(stderr, "bench_ui: needs the C.UTF-8 locale\n");
		return 1;
	}
	xmlsafe_init();
	const char *base = getenv("TMPDIR");
	char *dir = str_printf("%s/iotscope-bench-XXXXXX", base ? base : "/tmp");
	if (dir == NULL || mkdtemp(dir) == NULL) {
		fprintf(stderr, "bench_ui: cannot make a scratch directory\n");
		return 1;
	}
	char *db = str_printf("%s/bench.db", dir);
	int rc = db ? bench(argv[1], db) : 1;
	/* the store's files: the database and any journal left */
	const char *const tails[] = { "", "-journal", "-wal", "-shm" };
	for (size_t i = 0; db != NULL && i < 4; i++) {
		char *p = str_printf("%s%s", db, tails[i]);
		if (p != NULL)
			unlink(p);
		free(p);
	}
	rmdir(dir);
	free(db);
	free(dir);
	return rc;
}
