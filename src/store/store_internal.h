/* store_internal.h - what the store's files share: the connection, cached
 * prepared statements, transactions and the history row.  Not for
 * callers of store.h. */
#ifndef IOTSCOPE_STORE_INTERNAL_H
#define IOTSCOPE_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store.h"

/* "IOTS" in the database header: the file is ours. */
enum { STORE_APPLICATION_ID = 0x494f5453, STORE_SCHEMA_VERSION = 4 };

enum { STORE_MAX_STMTS = 128, STORE_BUSY_TIMEOUT_MS = 10000 };

struct store {
	sqlite3 *db;
	char *path, *who;
	struct {
		const char *sql;	/* a string literal: cached by address */
		sqlite3_stmt *stmt;
	} cache[STORE_MAX_STMTS];
	int ncache;
	int damaged;		/* SQLITE_CORRUPT seen: refuse every write */
	int busy_ms;		/* how long a write waits for the lock */
};

/* What to do about a damaged database (the end of a message; a %s for
 * the database's path). */
#define STORE_RESTORE_HINT "restore it from a backup (a copy 'iotscope backup' " \
	"wrote, or the %s.schema-N.bak a migration left beside it)"

/* A prepared, reset statement for SQL (a string literal), with the
 * parameters bound as FMT says: 'i' int64_t, 'n' int, 't' const char *
 * (NULL binds NULL).  NULL with d set. */
sqlite3_stmt *store_stmt(struct store *st, struct diag *d, const char *sql,
			 const char *fmt, ...);
/* Step a statement that returns no rows; then reset it.  -1 with d set. */
int store_exec(struct store *st, struct diag *d, const char *sql, const char *fmt, ...);
/* Set D from the connection's last error: "PATH: WHAT: errmsg". */
int store_fail(struct store *st, struct diag *d, const char *what);
/* The integer SQL (a PRAGMA, a count) returns in its first row, prepared
 * once (not cached).  -1 with d set. */
int store_int(struct store *st, const char *sql, long long *v, struct diag *d);
/* When that error is a full disk (SQLITE_FULL, or an I/O error from
 * ENOSPC): -1 with D saying so and where; else 0, D untouched. */
int store_fail_full(struct store *st, struct diag *d, const char *what);
/* A statement result column as a malloc'd string (NULL for SQL NULL);
 * -1 when out of memory. */
int store_column_text(sqlite3_stmt *s, int col, char **out);

/* BEGIN IMMEDIATE, COMMIT (0 only when it returned SQLITE_OK), ROLLBACK
 * when a transaction is still open. */
int store_begin(struct store *st, struct diag *d);
int store_commit(struct store *st, struct diag *d);
void store_rollback(struct store *st);

/* The current time, ISO 8601 UTC ("2026-11-21T21:48:49Z"), into BUF. */
void store_now(char buf[32]);
/* Inside a transaction: the history row of one edit, and the assessment's
 * "changed" time.  -1 with d set. */
int store_record(struct store *st, int64_t id, const char *what, const char *old_value,
		 const char *new_value, struct diag *d);
/* Inside a transaction: -1 with d set unless assessment ID exists. */
int store_require(struct store *st, int64_t id, struct diag *d);

/* The details that must be one line: the name (lists, `iotscope show NAME`). */
int store_detail_one_line(enum detail k);

/* VACUUM INTO PATH (which must not exist yet), file mode 0600. */
int store_vacuum_into(struct store *st, const char *path, struct diag *d);

/* The whole-database check (store_check.c): before anything is written,
 * PRAGMA integrity_check when it can find something (store_check_due);
 * the time and program version of the last good one in meta. */
int store_check_on_open(struct store *st, int left_behind, int *checked, struct diag *d);
int store_check_record(struct store *st, struct diag *d);
/* A database no bigger than this is checked on every open (a few ms);
 * tests lower it to reach the other rules. */
extern long long store_check_small_bytes;
/* A WAL left behind by a process that ended without closing (a crash):
 * PATH-wal has content and no connection holds PATH-shm. */
int store_wal_left_behind(const char *path);

/* Schema (store_schema.c): create a new database or migrate an older one,
 * inside the caller's BEGIN IMMEDIATE. */
int store_schema_setup(struct store *st, struct diag *d);

/* Assessments being read, sorted by id. */
struct store_batch {
	struct assessment **items;
	size_t n;
};
struct assessment *store_batch_find(const struct store_batch *b, int64_t id);

/* The details of an assessment (store_details.c; where they are kept
 * changed in schema 2).  VALUE NULL or "" removes the detail. */
int store_detail_get(struct store *st, int64_t id, enum detail k, char **value,
		     struct diag *d);
int store_detail_put(struct store *st, int64_t id, enum detail k, const char *value,
		     struct diag *d);
/* Fill the details of the assessments of B with ids LO..HI. */
int store_details_read(struct store *st, int64_t lo, int64_t hi,
		       const struct store_batch *b, struct diag *d);
int store_details_copy(struct store *st, int64_t from, int64_t to, struct diag *d);
/* The ids of the assessments named NAME (malloc'd array in *IDS). */
int store_details_named(struct store *st, const char *name, int64_t **ids, size_t *n,
			struct diag *d);

/* Inside the caller's transaction: assessment ID, NULL with d set (also
 * when there is none). */
struct assessment *store_read_one(struct store *st, int64_t id, const struct form *f,
				  struct diag *d);

#endif
