/* store_backup.c - a consistent copy of the live database (VACUUM INTO),
 * never cp: reliability.md.  The copy is 0600 like the database. */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "store_internal.h"

int store_vacuum_into(struct store *st, const char *path, struct diag *d)
{
	struct stat sb;
	if (path[0] == '\0') {
		diag_set(d, "no file name given for the copy");
		return -1;
	}
	if (stat(path, &sb) == 0) {
		diag_set(d, "%s: exists already; give the backup a new file name", path);
		return -1;
	}
	if (errno != ENOENT) {
		diag_set(d, "%s: %s", path, strerror(errno));
		return -1;
	}
	mode_t old = umask(077);
	int rc = store_exec(st, d, "VACUUM INTO ?", "t", path);
	umask(old);
	if (rc < 0)
		diag_prefix(d, "cannot write the backup %s", path);
	return rc;
}

int store_backup(struct store *st, const char *path, struct diag *d)
{
	return store_vacuum_into(st, path, d);
}
