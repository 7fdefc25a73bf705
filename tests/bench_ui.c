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

#include "catalog.h"
#include "form.h"
#include "store.h"
#include "survey.h"
#include "ui.h"
#include "ui_curses.h"
#include "ui_draw.h"
#include "xmlsafe.h"
#include "tu_ui.h"

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
	/* each scenario starts at the first cell, on the screen itself */
	u->prompting = u->confirming = 0;
	if (ui_open(u, u->a->id) < 0)	/* every screen back to its start */
		return;
	double *t = calloc((size_t)s->rounds, sizeof *t);
	if (t == NULL)
		return;
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

static int bench(const char *srcdir)
{
	struct diag d = DIAG_INIT;
	char *cat_dir = str_printf("%s/catalog", srcdir), *forms_dir = str_printf("%s/forms", srcdir);
	struct catalog *c = cat_dir ? catalog_load(cat_dir, &d) : NULL;
	struct form *f = c && forms_dir ? form_load(forms_dir, c, &d) : NULL;
	struct tu_term t = { 0 };
	int rc = 1;
	if (f == NULL)
		fprintf(stderr, "bench_ui: %s\n", diag_msg(&d));
	else if (tu_term_start(&t, "xterm-256color") == 0) {
		/* every cell ○, so that the list holds the whole catalog */
		int64_t id = tu_ui_assessment(t.st, c, f, "bench: every cell yes", ANSWER_YES);
		struct ui *u = id ? ui_new(c, f, t.st, t.db, cat_dir) : NULL;
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
	}
	tu_term_stop(&t);
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
	return bench(argv[1]);
}
