/* cli.h - the command line: a thin layer over the core library */
#ifndef IOTSCOPE_CLI_H
#define IOTSCOPE_CLI_H

#include <stdio.h>

#include "catalog.h"
#include "form.h"

enum { EXIT_OK = 0, EXIT_BAD_INPUT = 1, EXIT_USAGE = 2 };

struct app {
	char *catalog_dir, *forms_dir;
	char *db_path;			/* --db, or NULL for the default */
	const char *assessor;		/* --assessor, or the login name */
	const char *ambiwidth;		/* --ambiwidth: 1, 2, auto (workbench) */
	struct catalog *cat;
	struct form *form;
	int validate_catalog;		/* against its schema even if known valid */
	/* the full-screen workbench (main.c sets ui_run): the command line
	 * runs it without depending on the workbench's files */
	int (*workbench)(struct app *a);
};

/* Load catalog and form once; print the reason and return -1 on error. */
int app_core(struct app *a);
void app_free(struct app *a);

/* S as the terminal may be shown it: controls, bidirectional controls and
 * bytes that are not UTF-8 escaped (text.h), so that a stored value can
 * neither steer the terminal nor forge a line of output.  Never NULL;
 * valid until CLI_SHOWN_SLOTS more calls. */
enum { CLI_SHOWN_SLOTS = 8 };
const char *cli_shown(const char *s);
/* "iotscope[ CMD]: message" on standard error, the message shown so. */
void cli_print_error(const char *cmd, const char *msg);

/* Run COMMAND ARGS... (argv[0] is the command); returns the exit status. */
int cli_run(struct app *a, int argc, char **argv);
/* C (may be NULL) gives export --what its choices. */
void cli_usage(FILE *out, const struct catalog *c);

/* Command families, each in its own file (cli_store.c, cli_export.c). */
int cli_export_command(struct app *a, int argc, char **argv);
/* The arguments of `export`, its --format choices from the format table
 * (malloc'd; NULL when out of memory). */
char *cli_export_args(const struct catalog *c);
/* The full-screen workbench (ui.c); returns the exit status. */
/* ui.c: the workbench; main.c hands it to the commands (app.workbench) */
int ui_run(struct app *a);

#endif
