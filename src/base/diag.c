/* diag.c - error messages that say what and where */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"

char *str_vprintf(const char *fmt, va_list ap)
{
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		return NULL;
	char *s = malloc((size_t)n + 1);
	if (s == NULL)
		return NULL;
	if (vsnprintf(s, (size_t)n + 1, fmt, ap) != n) {
		free(s);
		return NULL;
	}
	return s;
}

char *str_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = str_vprintf(fmt, ap);
	va_end(ap);
	return s;
}

void diag_vset(struct diag *d, const char *fmt, va_list ap)
{
	if (d == NULL || d->msg != NULL)
		return;
	d->msg = str_vprintf(fmt, ap);
}

void diag_vat(struct diag *d, const char *file, long line, const char *fmt, va_list ap)
{
	if (d == NULL || d->msg != NULL)
		return;
	char *msg = str_vprintf(fmt, ap);
	if (line > 0)
		d->msg = str_printf("%s:%ld: %s", file, line, msg ? msg : "out of memory");
	else
		d->msg = str_printf("%s: %s", file, msg ? msg : "out of memory");
	free(msg);
}

void diag_set(struct diag *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vset(d, fmt, ap);
	va_end(ap);
}

void diag_prefix(struct diag *d, const char *fmt, ...)
{
	if (d == NULL)
		return;
	va_list ap;
	va_start(ap, fmt);
	char *pre = str_vprintf(fmt, ap);
	va_end(ap);
	if (pre == NULL)
		return;
	char *s = str_printf("%s: %s", pre, diag_msg(d));
	free(pre);
	if (s == NULL)
		return;
	free(d->msg);
	d->msg = s;
}

const char *diag_msg(const struct diag *d)
{
	if (d == NULL || d->msg == NULL)
		return "unknown error (out of memory?)";
	return d->msg;
}

void diag_clear(struct diag *d)
{
	if (d == NULL)
		return;
	free(d->msg);
	d->msg = NULL;
}
