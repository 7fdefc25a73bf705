/* diag.h - error messages that say what and where ("file:line: message") */
#ifndef IOTSCOPE_DIAG_H
#define IOTSCOPE_DIAG_H

#include <stdarg.h>

struct diag {
	char *msg;		/* NULL while no error */
};

#define DIAG_INIT { NULL }

/* Set the message (the first error wins: later calls are ignored). */
void diag_set(struct diag *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void diag_vset(struct diag *d, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* "FILE:LINE: message" (LINE 0: "FILE: message"); first error wins. */
void diag_vat(struct diag *d, const char *file, long line, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));
/* Put "context: " in front of the current message. */
void diag_prefix(struct diag *d, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The message, or a fallback when an error path forgot to set one. */
const char *diag_msg(const struct diag *d);
void diag_clear(struct diag *d);

/* printf into a fresh malloc'd string; NULL when out of memory. */
char *str_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *str_vprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#endif
