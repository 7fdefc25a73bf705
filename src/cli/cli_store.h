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

#endif
