/* store_check.c - the whole-database check, and when it runs.
 *
 * PRAGMA integrity_check reads every page and matches every index to its
 * table, so its cost grows with the database; quick_check skips the
 * index match and so misses a damaged index (issue 8).  Neither runs on
 * every open (issue 11).  integrity_check runs, before anything is
 * written, when it can find something:
 *   - the file is small (64 KiB: a millisecond or two);
 *   - a WAL was left behind by a process that did not close (a crash);
 *   - the database is to be migrated;
 *   - this program version has not checked it yet;
 *   - the last good check is older than the interval meta records
 *     (check_interval_days, 7 unless set);
 * and on `iotscope check` and `backup` (store_check).  A damaged database
 * is refused; SQLITE_CORRUPT met later stops every write (store_fail). */
#include "config.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_internal.h"

long long store_check_small_bytes = 64 * 1024;

/* The lock byte every connection holds shared on PATH-shm while open
 * (UNIX_SHM_DMS in SQLite's os_unix.c: (22 + 8) * 4 + 8). */
enum { SHM_DMS_BYTE = 128 };

int store_wal_left_behind(const char *path)
{
	char *wal = str_printf("%s-wal", path), *shm = str_printf("%s-shm", path);
	struct stat sb;
	int left = 0;
	if (wal != NULL && shm != NULL && stat(wal, &sb) == 0 && sb.st_size > 0) {
		int fd = open(shm, O_RDONLY | O_CLOEXEC);
		struct flock fl = { .l_type = F_WRLCK, .l_whence = SEEK_SET,
				    .l_start = SHM_DMS_BYTE, .l_len = 1 };
		/* no -shm, or nobody holds it: nobody closed that WAL */
		left = fd < 0 || (fcntl(fd, F_GETLK, &fl) == 0 && fl.l_type == F_UNLCK);
		if (fd >= 0)
			close(fd);
	}
	free(wal);
	free(shm);
	return left;
}

/* Is a check due by what meta records (schema 3 on)? */
static int meta_due(struct store *st, int *due, struct diag *d)
{
	long long v = 1;
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db,
		"SELECT (SELECT value FROM meta WHERE key = 'checked_version') IS NOT ?1"
		" OR coalesce((SELECT value FROM meta WHERE key = 'checked_at') <"
		" strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-' || coalesce((SELECT value FROM meta"
		" WHERE key = 'check_interval_days'), '7') || ' days'), 1)", -1, &s, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_bind_text(s, 1, PACKAGE_VERSION, -1, SQLITE_STATIC);
	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		v = sqlite3_column_int64(s, 0);
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK)
		return store_fail(st, d, "cannot read when the database was last checked");
	*due = v != 0;
	return 0;
}

/* *DUE 0: no check; 1: a check, recorded in meta; 2: a check (small file). */
static int check_due(struct store *st, int left_behind, int *due, struct diag *d)
{
	long long pages, page_size, version, objects;
	*due = 1;
	if (left_behind)
		return 0;
	if (store_int(st, "PRAGMA page_count", &pages, d) < 0 ||
	    store_int(st, "PRAGMA page_size", &page_size, d) < 0 ||
	    store_int(st, "PRAGMA user_version", &version, d) < 0 ||
	    store_int(st, "SELECT count(*) FROM sqlite_master", &objects, d) < 0)
		return -1;
	if (objects == 0) {
		*due = 0;	/* a new database: nothing to check yet */
		return 0;
	}
	if (version < STORE_SCHEMA_VERSION)
		return 0;
	if (pages * page_size <= store_check_small_bytes) {
		*due = 2;	/* checked every time: nothing to record */
		return 0;
	}
	return meta_due(st, due, d);
}

int store_check(struct store *st, struct diag *d)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, "PRAGMA integrity_check", -1, &s, NULL);
	int bad = 0;
	while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(s, 0);
		if (t == NULL || strcmp(t, "ok") != 0) {
			if (!bad)
				diag_set(d, "%s: the database is damaged (integrity check: %s); it "
					 "was left as it is: " STORE_RESTORE_HINT, st->path,
					 t ? t : "?", st->path);
			bad = 1;
		}
		rc = SQLITE_OK;
	}
	sqlite3_finalize(s);
	if (bad) {
		st->damaged = 1;
		return -1;
	}
	if (rc != SQLITE_DONE)
		return store_fail(st, d, "integrity check failed");
	return 0;
}

int store_check_on_open(struct store *st, int left_behind, int *checked, struct diag *d)
{
	int due;
	*checked = 0;
	if (check_due(st, left_behind, &due, d) < 0)
		return -1;
	if (!due)
		return 0;
	if (store_check(st, d) < 0)
		return -1;
	*checked = due == 1;
	return 0;
}

int store_check_record(struct store *st, struct diag *d)
{
	char now[32];
	store_now(now);
	if (store_begin(st, d) < 0)
		return -1;
	static const char sql[] = "INSERT INTO meta (key, value) VALUES (?, ?) "
		"ON CONFLICT (key) DO UPDATE SET value = excluded.value";
	if (store_exec(st, d, sql, "tt", "checked_at", now) < 0 ||
	    store_exec(st, d, sql, "tt", "checked_version", PACKAGE_VERSION) < 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, d);
}
