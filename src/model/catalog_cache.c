/* catalog_cache.c - which catalog contents have passed their schema.
 *
 * Validating every part against catalog.xsd on every start cost more
 * than parsing it (issue 11).  The loader hashes the bytes it reads (the
 * schema, the manifest, every part) and validates only when that hash is
 * not listed here: $XDG_CACHE_HOME/iotscope/catalog-validated, one line
 * per content ("HASH CHECK", CHECK a hash of the line's own HASH, so a
 * damaged line is never trusted), written whole to a temporary file and
 * renamed over the old one.  A changed catalog has another hash and is
 * validated again, with the same file:line messages. */
#include "config.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog_cache.h"
#include "diag.h"

enum { KEEP = 16, LINE = 34 };	/* contents remembered; "16hex 16hex\n" */

void catalog_hash_init(uint64_t *h)
{
	*h = 0xcbf29ce484222325ull;	/* FNV-1a's offset basis */
}

/* FNV-1a taken eight bytes at a time, each step folded (x >> 29) so that
 * high bytes reach the low bits: a byte at a time cost 4 % of a start. */
void catalog_hash_add(uint64_t *h, const void *p, size_t n)
{
	const uint64_t prime = 0x100000001b3ull;
	const unsigned char *b = p;
	uint64_t x = *h;
	for (; n >= 8; n -= 8, b += 8) {
		uint64_t w;
		memcpy(&w, b, sizeof w);
		x = (x ^ w) * prime;
		x ^= x >> 29;
	}
	for (; n > 0; n--, b++)
		x = (x ^ *b) * prime;
	*h = x;
}

void catalog_hash_file(uint64_t *h, const char *name, const void *buf, size_t len)
{
	catalog_hash_add(h, name, strlen(name) + 1);
	catalog_hash_add(h, &len, sizeof len);
	catalog_hash_add(h, buf, len);
}

static void line_of(const char *hash, char out[LINE + 1])
{
	uint64_t h;
	catalog_hash_init(&h);
	catalog_hash_add(&h, "iotscope catalog validated ", 27);
	catalog_hash_add(&h, hash, 16);
	snprintf(out, LINE + 1, "%.16s %016llx\n", hash, (unsigned long long)h);
}

char *catalog_cache_dir(int create)
{
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	char *dir = xdg && xdg[0] == '/' ? str_printf("%s/iotscope", xdg)
		: home && home[0] == '/' ? str_printf("%s/.cache/iotscope", home) : NULL;
	if (dir == NULL)
		return NULL;
	if (create) {
		char *parent = str_printf("%.*s", (int)(strrchr(dir, '/') - dir), dir);
		if (parent != NULL && mkdir(parent, 0700) != 0 && errno != EEXIST)
			dir[0] = '\0';
		free(parent);
		if (dir[0] && mkdir(dir, 0700) != 0 && errno != EEXIST)
			dir[0] = '\0';
	}
	if (dir[0] == '\0') {
		free(dir);
		return NULL;
	}
	return dir;
}

/* The cache file's path; NULL when there is no place for it. */
static char *cache_path(int create)
{
	char *dir = catalog_cache_dir(create);
	char *path = dir ? str_printf("%s/catalog-validated", dir) : NULL;
	free(dir);
	return path;
}

/* The whole cache file, at most KEEP lines' worth; NULL if none. */
static char *cache_read(const char *path, size_t *len)
{
	FILE *in = fopen(path, "r");
	if (in == NULL)
		return NULL;
	char *buf = malloc(KEEP * LINE + 1);
	*len = buf ? fread(buf, 1, KEEP * LINE, in) : 0;
	fclose(in);
	if (buf != NULL)
		buf[*len] = '\0';
	return buf;
}

int catalog_cache_known(const char *hash)
{
	char *path = cache_path(0);
	size_t len = 0;
	char *buf = path ? cache_read(path, &len) : NULL;
	char want[LINE + 1];
	line_of(hash, want);
	int known = 0;
	for (size_t i = 0; buf != NULL && i + LINE <= len && !known; i += LINE)
		known = memcmp(buf + i, want, LINE) == 0;
	free(buf);
	free(path);
	return known;
}

void catalog_cache_remember(const char *hash)
{
	char *path = cache_path(1);
	char *tmp = path ? str_printf("%s.%ld.tmp", path, (long)getpid()) : NULL;
	size_t len = 0;
	char *old = tmp ? cache_read(path, &len) : NULL;
	char line[LINE + 1];
	line_of(hash, line);
	FILE *out = tmp ? fopen(tmp, "w") : NULL;
	if (out != NULL) {
		/* the newest first, then the others that still check out */
		int ok = fputs(line, out) >= 0;
		size_t kept = 1;
		for (size_t i = 0; old != NULL && i + LINE <= len && kept < KEEP; i += LINE) {
			char again[LINE + 1];
			line_of(old + i, again);
			if (memcmp(old + i, again, LINE) == 0 && memcmp(old + i, line, LINE) != 0) {
				ok = ok && fwrite(old + i, 1, LINE, out) == LINE;
				kept++;
			}
		}
		ok = fflush(out) == 0 && fsync(fileno(out)) == 0 && ok;
		ok = fclose(out) == 0 && ok;
		/* a cache: when it cannot be written, the next start validates */
		if (!ok || rename(tmp, path) != 0)
			unlink(tmp);
	}
	free(old);
	free(tmp);
	free(path);
}
