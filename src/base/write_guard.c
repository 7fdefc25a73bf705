/* write_guard.c - files an export must never replace (write_guard.h) */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "i18n.h"
#include "paths.h"
#include "write_guard.h"

/* The files SQLite keeps for a database (sqlite.org/tempfiles.html). */
static const char *const companions[] = { "", "-wal", "-shm", "-journal" };

/* What the first bytes of a file say SQLite wrote it: a database
 * (fileformat.html 1.3), a WAL (4.1) or a rollback journal (3).  NULL
 * when none, or when the file cannot be read (then it is not replaced
 * on this account: the write itself reports what is wrong). */
static const char *sqlite_kind(const char *path)
{
	static const unsigned char db[16] = "SQLite format 3";
	static const unsigned char wal1[4] = { 0x37, 0x7f, 0x06, 0x82 };
	static const unsigned char wal2[4] = { 0x37, 0x7f, 0x06, 0x83 };
	static const unsigned char journal[8] = { 0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7 };
	/* non-blocking: a FIFO must not hang the check */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0)
		return NULL;
	unsigned char h[16];
	struct stat sb;
	ssize_t n = fstat(fd, &sb) == 0 && S_ISREG(sb.st_mode) ? read(fd, h, sizeof h) : -1;
	close(fd);
	if (n >= 16 && memcmp(h, db, sizeof db) == 0)
		return _("an SQLite database");
	if (n >= 4 && (memcmp(h, wal1, 4) == 0 || memcmp(h, wal2, 4) == 0))
		return _("an SQLite write-ahead log");
	if (n >= 8 && memcmp(h, journal, 8) == 0)
		return _("an SQLite rollback journal");
	return NULL;
}

/* Is TARGET the file NAME, by identity when both exist, else by the
 * resolved place? */
static int same_place(const char *target, const struct stat *ts, int texists,
		      const char *tcanon, const char *name)
{
	struct stat sb;
	if (texists && stat(name, &sb) == 0)
		return sb.st_dev == ts->st_dev && sb.st_ino == ts->st_ino;
	char *c = paths_canonical(name);
	int same = c != NULL && tcanon != NULL && strcmp(c, tcanon) == 0;
	free(c);
	return same;
}

static int check_companions(const char *target, const char *db, struct diag *d)
{
	struct stat ts;
	int texists = stat(target, &ts) == 0;
	char *tcanon = paths_canonical(target);
	int rc = 0;
	for (size_t i = 0; rc == 0 && i < sizeof companions / sizeof *companions; i++) {
		char *name = str_printf("%s%s", db, companions[i]);
		if (name == NULL) {
			diag_set(d, "out of memory");
			rc = -1;
		} else if (same_place(target, &ts, texists, tcanon, name)) {
			if (i == 0)
				diag_set(d, _("%s: is the database iotscope is working on (%s); "
					      "an export never replaces it: choose another file"),
					 target, db);
			else
				diag_set(d, _("%s: is the %s file of the database iotscope is "
					      "working on (%s); an export never replaces it: choose "
					      "another file"), target, companions[i], db);
			rc = -1;
		}
		free(name);
	}
	free(tcanon);
	return rc;
}

int write_guard_check(const char *target, const char *db, struct diag *d)
{
	if (db != NULL && check_companions(target, db, d) < 0)
		return -1;
	const char *kind = sqlite_kind(target);
	if (kind != NULL) {
		diag_set(d, _("%s: is %s; an export never replaces one: choose another file"),
			 target, kind);
		return -1;
	}
	return 0;
}
