/* write_guard.h - files an export must never replace: the database it
 * comes from with its -wal, -shm and -journal, by whatever name they are
 * reached (another spelling, a symbolic or hard link), and any SQLite
 * database, WAL or rollback journal at all (issue: "export over the live
 * database destroys it"). */
#ifndef IOTSCOPE_WRITE_GUARD_H
#define IOTSCOPE_WRITE_GUARD_H

#include "diag.h"

/* 0 when TARGET may be written (replaced if it exists); -1 with d set
 * ("TARGET: is ...; choose another file") otherwise.  DB may be NULL. */
int write_guard_check(const char *target, const char *db, struct diag *d);

#endif
