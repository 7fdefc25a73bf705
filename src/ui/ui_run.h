/* ui_run.h - starting the full-screen workbench: what the program
 * (main.c, above the command line and the workbench) hands it, so the
 * workbench needs nothing of the command line's (no cli.h). */
#ifndef IOTSCOPE_UI_RUN_H
#define IOTSCOPE_UI_RUN_H

#include "catalog.h"
#include "form.h"

struct ui_start {
	const struct catalog *cat;
	const struct form *form;
	const char *catalog_dir;
	const char *db_path;		/* NULL: the default database */
	const char *assessor;		/* NULL: the login name */
	const char *ambiwidth;		/* --ambiwidth 1, 2, auto, or NULL */
};

/* Run the workbench until it quits; the exit status, as the command
 * line's (cli.h): 0, 1 when it could not start or changes were not
 * saved, 2 for a bad setting, 128 + the signal that stopped it. */
int ui_run(const struct ui_start *s);

#endif
