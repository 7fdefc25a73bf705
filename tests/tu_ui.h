/* tu_ui.h - the workbench without a terminal, for the screen test and
 * the redraw benchmark: a scratch database, an assessment in it, and
 * curses drawing through newterm on /dev/null (tig's tests draw on
 * /dev/null the same way).  No cmocka here: the benchmark asserts
 * nothing. */
#ifndef IOTSCOPE_TU_UI_H
#define IOTSCOPE_TU_UI_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "assessment.h"
#include "catalog.h"
#include "diag.h"
#include "form.h"
#include "store.h"
#include "survey.h"
#include "ui_curses.h"
#include "ui_draw.h"

struct tu_term {
	char *dir, *db;			/* the scratch directory and database */
	struct store *st;
	FILE *out, *in;
	SCREEN *scr;
};

/* An assessment named NAME with every cell answered FILL; its id, or 0
 * with the reason on stderr. */
static inline int64_t tu_ui_assessment(struct store *st, const struct catalog *c,
				       const struct form *f, const char *name, enum answer fill)
{
	struct assessment *a = assessment_new(f);
	struct diag d = DIAG_INIT;
	int64_t id = 0;
	if (a == NULL)
		return 0;
	for (size_t i = 0; i < f->ncells; i++)
		a->survey->answers[i] = fill;
	a->catalog_edition = strdup(c->edition);
	a->catalog_revision = c->revision;
	if (a->catalog_edition == NULL || survey_set_detail(a->survey, DETAIL_NAME, name, &d) < 0 ||
	    store_create(st, a, &id, &d) < 0) {
		fprintf(stderr, "%s: %s\n", name, a->catalog_edition ? diag_msg(&d) : "out of memory");
		id = 0;
	}
	diag_clear(&d);
	assessment_free(a);
	return id;
}

/* A scratch database under $TMPDIR and a TERM terminal drawn to
 * /dev/null, made current; 0, or -1 with the reason on stderr. */
static inline int tu_term_start(struct tu_term *t, const char *term)
{
	struct diag d = DIAG_INIT;
	const char *base = getenv("TMPDIR");
	*t = (struct tu_term){ 0 };
	t->dir = str_printf("%s/iotscope-ui-XXXXXX", base ? base : "/tmp");
	if (t->dir == NULL || mkdtemp(t->dir) == NULL) {
		fprintf(stderr, "cannot make a scratch directory\n");
		return -1;
	}
	t->db = str_printf("%s/ui.db", t->dir);
	t->st = t->db ? store_open(t->db, "tester", &d) : NULL;
	t->out = fopen("/dev/null", "w");
	t->in = fopen("/dev/null", "r");
	t->scr = t->st && t->out && t->in ? newterm(term, t->out, t->in) : NULL;
	if (t->scr == NULL) {
		fprintf(stderr, "%s\n", d.msg ? d.msg : "cannot set up the terminal");
		diag_clear(&d);
		return -1;
	}
	set_term(t->scr);
	ui_theme_init();
	return 0;
}

/* The terminal ended, the database closed and removed with its journal. */
static inline void tu_term_stop(struct tu_term *t)
{
	if (t->scr != NULL) {
		endwin();
		delscreen(t->scr);
	}
	if (t->out)
		fclose(t->out);
	if (t->in)
		fclose(t->in);
	store_close(t->st);
	static const char *const tails[] = { "", "-journal", "-wal", "-shm" };
	for (size_t i = 0; t->db != NULL && i < sizeof tails / sizeof *tails; i++) {
		char *p = str_printf("%s%s", t->db, tails[i]);
		if (p != NULL)
			unlink(p);
		free(p);
	}
	if (t->dir != NULL)
		rmdir(t->dir);
	free(t->db);
	free(t->dir);
	*t = (struct tu_term){ 0 };
}

#endif
