/* cli_store.h - what the store commands share (cli_store*.c) */
#ifndef IOTSCOPE_CLI_STORE_H
#define IOTSCOPE_CLI_STORE_H

#include "cli.h"
#include "store.h"

/* The database of --db (or the default), opened with --assessor or the
 * login name as who; NULL after printing why. */
struct store *cli_store_open(struct app *a, const char *cmd);
/* Resolve REF (id or name); -1 after printing why. */
int cli_resolve(struct store *st, const char *cmd, const char *ref, int64_t *id);
/* Open the database, resolve REF and load it; NULL after printing why. */
struct assessment *cli_store_load(struct app *a, const char *cmd, const char *ref);
/* The same preamble for a command that then edits: the catalog
 * (app_core), the database, REF resolved and its assessment loaded, the
 * database left open in *L; 0, or -1 after printing why (nothing left
 * open).  cli_loaded_close closes and frees what it holds. */
struct cli_loaded {
	struct store *st;
	int64_t id;
	struct assessment *as;
};
int cli_store_open_load(struct app *a, const char *cmd, const char *ref,
			struct cli_loaded *l);
void cli_loaded_close(struct cli_loaded *l);
/* Print "iotscope CMD: message" and return EXIT_BAD_INPUT. */
int cli_fail(const char *cmd, struct diag *d);
int cli_usage_error(const char *cmd, const char *args, const char *why);

/* The store commands, each `iotscope NAME ARGS` with argv[0] NAME
 * (cli.c's command table); cli_store.c: */
int cli_cmd_list(struct app *a, int argc, char **argv);
int cli_cmd_new(struct app *a, int argc, char **argv);
int cli_cmd_copy_rename(struct app *a, int argc, char **argv);
int cli_cmd_delete(struct app *a, int argc, char **argv);
int cli_cmd_history(struct app *a, int argc, char **argv);
int cli_cmd_backup(struct app *a, int argc, char **argv);
/* cli_store_show.c, cli_store_edit.c: */
int cli_cmd_show(struct app *a, int argc, char **argv);
int cli_cmd_set(struct app *a, int argc, char **argv);
int cli_cmd_review(struct app *a, int argc, char **argv);
int cli_cmd_check(struct app *a, int argc, char **argv);
/* cli_crosswalk.c: ISO/IEC 27002 clauses x guideline items with statuses */
int cli_cmd_crosswalk(struct app *a, int argc, char **argv);
/* `iotscope check` alone: the whole-database check (store_check). */
int cli_check_database(struct app *a, const char *cmd);

/* cli_track.c: --owner, --due, --evidence [--evidence-note],
 * --remove-evidence (issue 12), shared by review and check. */
enum { TRACK_OPT_OWNER = 'O', TRACK_OPT_DUE = 'U', TRACK_OPT_EVIDENCE = 'E',
       TRACK_OPT_NOTE = 'N', TRACK_OPT_REMOVE = 'R', CLI_MAX_TRACK_EDITS = 64 };
/* Their lines of a getopt_long table: the one list review and check use. */
#define CLI_TRACK_OPTIONS \
	{ "owner", required_argument, NULL, TRACK_OPT_OWNER }, \
	{ "due", required_argument, NULL, TRACK_OPT_DUE }, \
	{ "evidence", required_argument, NULL, TRACK_OPT_EVIDENCE }, \
	{ "evidence-note", required_argument, NULL, TRACK_OPT_NOTE }, \
	{ "remove-evidence", required_argument, NULL, TRACK_OPT_REMOVE }
struct track_edit {
	int opt;			/* TRACK_OPT_* */
	char *key;			/* an action's key; NULL for the row itself */
	const char *text;		/* owner, due date or ref to remove */
	struct evidence ev;		/* --evidence, hashed when parsed */
};
struct track_req {
	struct track_edit edits[CLI_MAX_TRACK_EDITS];
	int n;
};
/* Check and record one option (KEY: the action's, or NULL); -1 with d set. */
int cli_track_option(struct track_req *r, int opt, const char *arg, const char *key,
		     struct diag *d);
void cli_track_free(struct track_req *r);
/* Apply E to T and say so (NAME: the checklist's name, for checks). */
int cli_track_apply(struct store *st, int64_t id, const struct track_edit *e,
		    const struct track_target *t, const char *name, struct diag *d);
/* Owner, due date and evidence of T, one per line after INDENT. */
void cli_track_print(const char *indent, const struct tracking *t);

#endif
