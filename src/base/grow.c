/* grow.c - see grow.h. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "grow.h"

void *array_grow(void *arrp, size_t n, size_t *cap, size_t size, size_t first)
{
	void **arr = arrp;
	if (n == *cap) {
		size_t c = *cap ? *cap * 2 : first;
		if (c < *cap || c > SIZE_MAX / size)
			return NULL;
		void *p = realloc(*arr, c * size);
		if (p == NULL)
			return NULL;
		*arr = p;
		*cap = c;
	}
	unsigned char *x = (unsigned char *)*arr + n * size;
	memset(x, 0, size);
	return x;
}
