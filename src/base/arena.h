/* arena.h - bump allocation for data that lives and dies together
 * (a loaded catalog, a derivation).  One free releases all of it. */
#ifndef IOTSCOPE_ARENA_H
#define IOTSCOPE_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
void arena_free(struct arena *a);
/* Zeroed memory, aligned for any type; NULL when out of memory. */
void *arena_alloc(struct arena *a, size_t size);
/* Room for n elements of size each, with overflow checked. */
void *arena_array(struct arena *a, size_t n, size_t size);
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Bytes handed out so far (for the benchmarks). */
size_t arena_used(const struct arena *a);

#endif
