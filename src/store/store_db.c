/* store_db.c - the store's connection: prepared statements, transactions
 * and the history row (shared/docs/reliability.md, "SQLite: lose nothing"). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "paths.h"
#include "store_internal.h"
#include "text.h"

int store_fail(struct store *st, struct diag *d, const char *what)
{
	int ec = sqlite3_extended_errcode(st->db) & 0xff;
	if (ec == SQLITE_CORRUPT || ec == SQLITE_NOTADB) {
		/* found while working, not by a check: nothing more is written */
		st->damaged = 1;
		diag_set(d, "%s: %s: the database is damaged (%s); nothing more will be "
			 "written to it: " STORE_RESTORE_HINT, st->path, what,
			 sqlite3_errmsg(st->db), st->path);
		return -1;
	}
	if (store_fail_full(st, d, what) < 0)
		return -1;
	diag_set(d, "%s: %s: %s", st->path, what, sqlite3_errmsg(st->db));
	return -1;
}

/* SQLite says "disk I/O error" when the -wal or -shm cannot grow, and
 * "database or disk is full" without saying which disk: say both. */
int store_fail_full(struct store *st, struct diag *d, const char *what)
{
	int ec = sqlite3_extended_errcode(st->db) & 0xff;
	int sys = sqlite3_system_errno(st->db);
	if (ec != SQLITE_FULL && !(ec == SQLITE_IOERR && (sys == ENOSPC || sys == EDQUOT)))
		return 0;
	char *dir = paths_dir_of(st->path);
	diag_set(d, "%s: %s: the disk is full (no space left in %s): free some space, "
		 "then try again", st->path, what, dir ? dir : "its directory");
	free(dir);
	return -1;
}

static sqlite3_stmt *cached(struct store *st, const char *sql, struct diag *d)
{
	for (int i = 0; i < st->ncache; i++)
		if (st->cache[i].sql == sql)
			return st->cache[i].stmt;
	sqlite3_stmt *s = NULL;
	if (sqlite3_prepare_v3(st->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) != SQLITE_OK) {
		store_fail(st, d, "cannot prepare a statement");
		return NULL;
	}
	if (st->ncache < STORE_MAX_STMTS) {
		st->cache[st->ncache].sql = sql;
		st->cache[st->ncache++].stmt = s;
	} else {
		/* should not happen: the store has fewer statements than slots */
		sqlite3_finalize(s);
		diag_set(d, "%s: internal error: statement cache full", st->path);
		return NULL;
	}
	return s;
}

static int bind_all(sqlite3_stmt *s, const char *fmt, va_list ap)
{
	int rc = SQLITE_OK;
	for (int i = 1; *fmt != '\0' && rc == SQLITE_OK; fmt++, i++) {
		switch (*fmt) {
		case 'i':
			rc = sqlite3_bind_int64(s, i, va_arg(ap, int64_t));
			break;
		case 'n':
			rc = sqlite3_bind_int(s, i, va_arg(ap, int));
			break;
		case 't': {
			const char *t = va_arg(ap, const char *);
			rc = t ? sqlite3_bind_text(s, i, t, -1, SQLITE_TRANSIENT)
			       : sqlite3_bind_null(s, i);
			break;
		}
		default:
			rc = SQLITE_MISUSE;
		}
	}
	return rc;
}

static sqlite3_stmt *stmt_v(struct store *st, struct diag *d, const char *sql,
			    const char *fmt, va_list ap)
{
	sqlite3_stmt *s = cached(st, sql, d);
	if (s == NULL)
		return NULL;
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	if (bind_all(s, fmt, ap) != SQLITE_OK) {
		store_fail(st, d, "cannot bind a value");
		return NULL;
	}
	return s;
}

sqlite3_stmt *store_stmt(struct store *st, struct diag *d, const char *sql,
			 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sqlite3_stmt *s = stmt_v(st, d, sql, fmt, ap);
	va_end(ap);
	return s;
}

int store_exec(struct store *st, struct diag *d, const char *sql, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sqlite3_stmt *s = stmt_v(st, d, sql, fmt, ap);
	va_end(ap);
	if (s == NULL)
		return -1;
	int rc = sqlite3_step(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		store_fail(st, d, "cannot save");
		sqlite3_reset(s);
		return -1;
	}
	sqlite3_reset(s);
	return 0;
}

int store_int(struct store *st, const char *sql, long long *v, struct diag *d)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, sql, -1, &s, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		*v = sqlite3_column_int64(s, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK)
		return store_fail(st, d, "cannot read the database");
	return 0;
}

int store_column_text(sqlite3_stmt *s, int col, char **out)
{
	*out = NULL;
	const unsigned char *t = sqlite3_column_text(s, col);
	if (t == NULL)
		return sqlite3_errcode(sqlite3_db_handle(s)) == SQLITE_NOMEM ? -1 : 0;
	*out = strdup((const char *)t);
	return *out ? 0 : -1;
}

/* ---------- transactions ---------- */

/* Below store_read.c and store_details.c, which both fill a batch (so
 * neither calls the other back: `make layers`). */
struct assessment *store_batch_find(const struct store_batch *b, int64_t id)
{
	size_t lo = 0, hi = b->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int64_t x = b->items[mid]->id;
		if (x == id)
			return b->items[mid];
		if (x < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int store_begin(struct store *st, struct diag *d)
{
	if (st->damaged) {
		diag_set(d, "%s: the database is damaged; nothing is written to it: "
			 STORE_RESTORE_HINT, st->path, st->path);
		return -1;
	}
	int rc = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		return 0;
	if ((rc & 0xff) == SQLITE_BUSY)
		diag_set(d, "%s: the database stayed busy (another iotscope is writing); "
			 "nothing was changed, try again", st->path);
	return store_fail(st, d, "cannot start a transaction");
}

int store_commit(struct store *st, struct diag *d)
{
	int rc = sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
	if (rc == SQLITE_OK)
		return 0;
	store_fail(st, d, "cannot commit; the change was not saved");
	store_rollback(st);
	return -1;
}

void store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

void store_now(char buf[32])
{
	time_t t = time(NULL);
	struct tm tm;
	if (t == (time_t)-1 || gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		strcpy(buf, "1970-01-01T00:00:00Z");
}

int store_record(struct store *st, int64_t id, const char *what, const char *old_value,
		 const char *new_value, struct diag *d)
{
	char now[32];
	store_now(now);
	if (store_exec(st, d, "INSERT INTO history (assessment_id, at, who, what, old_value, "
		       "new_value) VALUES (?, ?, ?, ?, ?, ?)", "ittttt", id, now, st->who,
		       what, old_value, new_value) < 0)
		return -1;
	return store_exec(st, d, "UPDATE assessments SET changed = ? WHERE id = ?", "ti",
			  now, id);
}

int store_require(struct store *st, int64_t id, struct diag *d)
{
	sqlite3_stmt *s = store_stmt(st, d, "SELECT 1 FROM assessments WHERE id = ?", "i", id);
	if (s == NULL)
		return -1;
	int rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc == SQLITE_ROW)
		return 0;
	if (rc == SQLITE_DONE)
		diag_set(d, "%s: there is no assessment %lld (deleted by someone else?)",
			 st->path, (long long)id);
	else
		store_fail(st, d, "cannot read");
	return -1;
}

/* ---------- text a user gives ---------- */

int store_text_check(const char *what, const char *s, int one_line, struct diag *d)
{
	return text_check(s, what, one_line, d);
}

int store_detail_one_line(enum detail k)
{
	/* what lists show and commands take (survey_details.def) */
	return (survey_detail_info(k)->flags & DETAIL_ONE_LINE) != 0;
}
