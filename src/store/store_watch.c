/* store_watch.c - what an interactive program needs to share the
 * database with others (issue 10): a short busy wait so the screen never
 * freezes, whether the last refusal was the lock, and PRAGMA data_version
 * to notice what other connections committed. */
#include "config.h"

#include "store_internal.h"

void store_set_busy_wait(struct store *st, int ms)
{
	st->busy_ms = ms;
	sqlite3_busy_timeout(st->db, ms);
}

int store_was_busy(const struct store *st)
{
	int rc = sqlite3_extended_errcode(st->db) & 0xff;
	return rc == SQLITE_BUSY || rc == SQLITE_LOCKED;
}

int store_data_version(struct store *st, long long *version)
{
	struct diag d = DIAG_INIT;
	int rc = store_int(st, "PRAGMA data_version", version, &d);
	diag_clear(&d);
	return rc;
}
