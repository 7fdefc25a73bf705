/* grow.h - room for one more element of a malloc'd array that doubles:
 * the one growth rule the loaders, the reports and the workbook import
 * share (each kept its own copy before). */
#ifndef IOTSCOPE_GROW_H
#define IOTSCOPE_GROW_H

#include <stddef.h>

/* Element N of the array *ARRP (elements of SIZE bytes, room for *CAP),
 * made room for by doubling from FIRST when full, and zeroed; N is not
 * counted (the caller does, once the element is filled).  NULL when out
 * of memory, the array as it was.  ARRP is the address of the array's
 * pointer (e.g. &list->items). */
void *array_grow(void *arrp, size_t n, size_t *cap, size_t size, size_t first);

#endif
