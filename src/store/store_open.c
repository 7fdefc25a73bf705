/* store_open.c - opening the database: refuse what is not ours (before
 * writing a byte), then WAL, synchronous=FULL, foreign keys, a busy
 * timeout, and the schema created or migrated forward. */
#include "config.h"
#include "paths.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store_internal.h"

enum { HEADER_SIZE = 100 };

static const char sqlite_magic[16] = "SQLite format 3";	/* with its NUL */

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The header of an existing file, read by hand so that nothing is
 * written to a file that turns out not to be ours. */
static int check_header(const char *path, struct diag *d)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		diag_set(d, "%s: cannot read: %s", path, strerror(errno));
		return -1;
	}
	unsigned char h[HEADER_SIZE];
	ssize_t n = read(fd, h, sizeof h);
	int err = errno;
	close(fd);
	if (n < 0) {
		diag_set(d, "%s: cannot read: %s", path, strerror(err));
		return -1;
	}
	if (n == 0)
		return 0;		/* empty: a new database */
	if (n < HEADER_SIZE || memcmp(h, sqlite_magic, sizeof sqlite_magic) != 0) {
		diag_set(d, "%s: not an iotscope database (not an SQLite file); "
			 "it was left as it is", path);
		return -1;
	}
	/* the fixed fields of the header (sqlite.org/fileformat.html 1.3):
	 * without them the numbers below mean nothing */
	if (h[21] != 64 || h[22] != 32 || h[23] != 32 || h[18] < 1 || h[18] > 2 ||
	    h[19] < 1 || h[19] > 2) {
		diag_set(d, "%s: the database is damaged (its header is not valid); it "
			 "was left as it is: restore a backup", path);
		return -1;
	}
	uint32_t app = be32(h + 68), version = be32(h + 60);
	if (app != 0 && app != STORE_APPLICATION_ID) {
		diag_set(d, "%s: not an iotscope database (an SQLite file of another "
			 "program, application id 0x%08x); it was left as it is", path, app);
		return -1;
	}
	if (app == STORE_APPLICATION_ID && version > STORE_SCHEMA_VERSION) {
		diag_set(d, "%s: made by a newer iotscope (schema %u; this one knows up to %d); "
			 "it was left as it is", path, version, STORE_SCHEMA_VERSION);
		return -1;
	}
	return 0;
}

/* Before SQLite sees PATH: an existing file must be a writable regular
 * file with our header; a new one needs a writable directory. */
static int check_path(const char *path, int *exists, struct diag *d)
{
	struct stat sb;
	*exists = stat(path, &sb) == 0;
	if (*exists) {
		if (!S_ISREG(sb.st_mode)) {
			diag_set(d, "%s: not a regular file", path);
			return -1;
		}
		/* the mode bits too: root passes access() on a read-only file */
		if (access(path, R_OK | W_OK) != 0 || (sb.st_mode & S_IWUSR) == 0) {
			diag_set(d, "%s: the database is read-only (%s); iotscope needs to "
				 "write to it: check its permissions", path,
				 (sb.st_mode & S_IWUSR) == 0 ? "no write permission" : strerror(errno));
			return -1;
		}
		/* SQLite keeps PATH-wal and PATH-shm beside it */
		char *dir = paths_dir_of(path);
		int dir_ok = dir != NULL && access(dir, W_OK | X_OK) == 0;
		if (dir != NULL && !dir_ok)
			diag_set(d, "%s: cannot write in its directory %s (%s); iotscope keeps "
				 "its journal files (-wal, -shm) beside the database", path, dir,
				 strerror(errno));
		else if (dir == NULL)
			diag_set(d, "out of memory");
		free(dir);
		return dir_ok ? check_header(path, d) : -1;
	}
	if (errno != ENOENT) {
		diag_set(d, "%s: cannot open or create the database: %s", path, strerror(errno));
		return -1;
	}
	char *dir = paths_dir_of(path);
	if (dir == NULL) {
		diag_set(d, "out of memory");
		return -1;
	}
	int rc = 0;
	if (access(dir, W_OK | X_OK) != 0) {
		diag_set(d, "%s: cannot create the database in %s: %s", path, dir,
			 strerror(errno));
		rc = -1;
	}
	free(dir);
	return rc;
}

/* Ours and not newer: read through SQLite (the header on disk may be
 * older than the WAL).  Whether it is whole, store_check.c decides. */
static int check_identity(struct store *st, struct diag *d)
{
	long long app, version, objects;
	if (store_int(st, "PRAGMA application_id", &app, d) < 0 ||
	    store_int(st, "PRAGMA user_version", &version, d) < 0 ||
	    store_int(st, "SELECT count(*) FROM sqlite_master", &objects, d) < 0)
		return -1;
	if (app != STORE_APPLICATION_ID && (app != 0 || objects != 0)) {
		diag_set(d, "%s: not an iotscope database (an SQLite file of another "
			 "program); it was left as it is", st->path);
		return -1;
	}
	if (version > STORE_SCHEMA_VERSION) {
		diag_set(d, "%s: made by a newer iotscope (schema %lld; this one knows up to "
			 "%d); it was left as it is", st->path, version, STORE_SCHEMA_VERSION);
		return -1;
	}
	return 0;
}

static int set_pragmas(struct store *st, struct diag *d)
{
	long long fk;
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(st->db, "PRAGMA journal_mode = WAL", -1, &s, NULL);
	if (rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW) {
		const char *m = (const char *)sqlite3_column_text(s, 0);
		rc = (m != NULL && strcmp(m, "wal") == 0) ? SQLITE_OK : SQLITE_ERROR;
	} else {
		rc = SQLITE_ERROR;
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_OK && store_fail_full(st, d, "cannot switch to WAL mode") < 0)
		return -1;
	if (rc != SQLITE_OK) {
		diag_set(d, "%s: cannot switch the database to WAL mode (%s); is it on a "
			 "network filesystem?", st->path, sqlite3_errmsg(st->db));
		return -1;
	}
	if (sqlite3_exec(st->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL) != SQLITE_OK ||
	    sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK ||
	    store_int(st, "PRAGMA foreign_keys", &fk, d) < 0 || fk != 1)
		return store_fail(st, d, "cannot set up the connection");
	return 0;
}

/* file:PATH?immutable=1, the path percent-encoded (RFC 3986). */
static char *immutable_uri(const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(path);
	char *uri = malloc(3 * n + sizeof "file:?immutable=1");
	if (uri == NULL)
		return NULL;
	char *o = uri + sprintf(uri, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || strchr("/-._~", *p) != NULL) {
			*o++ = (char)*p;
		} else {
			*o++ = '%';
			*o++ = hex[*p >> 4];
			*o++ = hex[*p & 15];
		}
	}
	strcpy(o, "?immutable=1");
	return uri;
}

/* With no WAL beside it, the file alone says what it is: check it through
 * a read-only, immutable connection that creates no -wal or -shm.
 * 1 when that is not possible (a WAL with content), -1 refused. */
static int check_without_trace(struct store *st, struct diag *d)
{
	char *wal = str_printf("%s-wal", st->path);
	struct stat sb;
	int busy = wal == NULL || (stat(wal, &sb) == 0 && sb.st_size > 0);
	free(wal);
	char *uri = busy ? NULL : immutable_uri(st->path);
	if (uri == NULL)
		return 1;
	struct store probe = *st;
	probe.db = NULL;
	int rc = sqlite3_open_v2(uri, &probe.db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
	free(uri);
	rc = rc == SQLITE_OK ? check_identity(&probe, d) : 1;
	sqlite3_close(probe.db);
	return rc;
}

/* Connected, identified, and checked whole when that is due (*CHECKED). */
static int db_connect(struct store *st, int exists, int *checked, struct diag *d)
{
	*checked = 0;
	int left_behind = exists && store_wal_left_behind(st->path);
	int probed = exists ? check_without_trace(st, d) : 0;
	if (probed < 0)
		return -1;
	int flags = SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);
	if (sqlite3_open_v2(st->path, &st->db, flags, NULL) != SQLITE_OK) {
		if (st->db == NULL)
			diag_set(d, "out of memory");
		return store_fail(st, d, "cannot open the database");
	}
	sqlite3_extended_result_codes(st->db, 1);
	st->busy_ms = STORE_BUSY_TIMEOUT_MS;
	sqlite3_busy_timeout(st->db, st->busy_ms);
	/* no checkpoint on close until the file is known to be ours */
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	if (sqlite3_db_readonly(st->db, "main") == 1) {
		diag_set(d, "%s: the database can only be read (read-only file or "
			 "filesystem); iotscope needs to write to it", st->path);
		return -1;
	}
	/* again through this connection (it sees the WAL); then, before
	 * anything is written, the whole-database check if due */
	if (check_identity(st, d) < 0 || store_check_on_open(st, left_behind, checked, d) < 0)
		return -1;
	sqlite3_db_config(st->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, NULL);
	return 0;
}

struct store *store_open(const char *path, const char *who, struct diag *d)
{
	struct store *st = calloc(1, sizeof *st);
	if (st == NULL || (st->path = strdup(path)) == NULL ||
	    (st->who = strdup(who && who[0] ? who : "?")) == NULL) {
		diag_set(d, "out of memory");
		store_close(st);
		return NULL;
	}
	int exists;
	if (path[0] == '\0') {
		diag_set(d, "no database file given (the path is empty)");
		store_close(st);
		return NULL;
	}
	if (store_text_check("the assessor name", st->who, 1, d) < 0 ||
	    check_path(path, &exists, d) < 0) {
		store_close(st);
		return NULL;
	}
	/* the file, its -wal and -shm: 0600 (SQLite gives the latter two the
	 * mode of the database) */
	mode_t old = umask(077);
	int checked;
	int rc = db_connect(st, exists, &checked, d);
	if (rc == 0)
		rc = set_pragmas(st, d);
	if (rc == 0)
		rc = store_schema_setup(st, d);
	if (rc == 0 && checked)
		rc = store_check_record(st, d);
	umask(old);
	if (rc < 0) {
		store_close(st);
		return NULL;
	}
	return st;
}

const char *store_path(const struct store *st)
{
	return st->path;
}

void store_close(struct store *st)
{
	if (st == NULL)
		return;
	for (int i = 0; i < st->ncache; i++)
		sqlite3_finalize(st->cache[i].stmt);
	sqlite3_close(st->db);
	free(st->path);
	free(st->who);
	free(st);
}

char *store_login_name(void)
{
	const char *name = getlogin();
	if (name == NULL || name[0] == '\0') {
		struct passwd *pw = getpwuid(getuid());
		name = pw != NULL ? pw->pw_name : NULL;
	}
	if (name != NULL && name[0] != '\0')
		return strdup(name);
	return str_printf("uid %ld", (long)getuid());
}
