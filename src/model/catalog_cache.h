/* catalog_cache.h - which contents of the catalog (and of the form) have
 * passed their schema: a 64-bit FNV-1a (by words) over the bytes read, as
 * 16 hex digits, listed under $XDG_CACHE_HOME (catalog_cache.c). */
#ifndef IOTSCOPE_CATALOG_CACHE_H
#define IOTSCOPE_CATALOG_CACHE_H

#include <stddef.h>
#include <stdint.h>

void catalog_hash_init(uint64_t *h);
void catalog_hash_add(uint64_t *h, const void *p, size_t n);
/* One file of a content: its name, length and bytes. */
void catalog_hash_file(uint64_t *h, const char *name, const void *buf, size_t len);
/* $XDG_CACHE_HOME/iotscope (or ~/.cache/iotscope), made 0700 with
 * CREATE; NULL when there is none (malloc'd). */
char *catalog_cache_dir(int create);
/* Has content HASH (16 hex digits) passed its schema before? */
int catalog_cache_known(const char *hash);
/* Remember that it has (best effort: a cache that cannot be written
 * only means validating again next time). */
void catalog_cache_remember(const char *hash);

#endif
