/* filehash.h - the SHA-256 and size of a local file, as evidence is
 * attached (issue 12: an auditor can tell whether it changed since). */
#ifndef IOTSCOPE_FILEHASH_H
#define IOTSCOPE_FILEHASH_H

#include "diag.h"

/* 64 lowercase hex digits and the NUL */
enum { FILEHASH_HEX_SIZE = 65 };

/* Hash the regular file at PATH (nettle's SHA-256, FIPS 180-4) into HEX
 * and its size in bytes into *SIZE.  A missing file, a directory, a
 * device or FIFO, or a read error: -1 with d saying what and where. */
int file_sha256(const char *path, char hex[FILEHASH_HEX_SIZE], long long *size,
		struct diag *d);

/* The same for LEN bytes at DATA (for tests and callers with bytes). */
void sha256_hex(const void *data, size_t len, char hex[FILEHASH_HEX_SIZE]);

#endif
