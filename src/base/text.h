/* text.h - text a person gives and text a terminal shows.
 *
 * What is stored: valid UTF-8 that every export can carry and that cannot
 * steer a terminal or reorder a line when shown (no C0 control but tab and
 * line feed, no DEL, no C1 control such as the 8-bit CSI U+009B, no
 * bidirectional embedding, override, isolate or mark: "Trojan Source",
 * CVE-2021-42574).  What is printed: anything that slipped in anyway (an
 * older database, a file, an error message quoting one) is escaped so that
 * one value is always one visible record. */
#ifndef IOTSCOPE_TEXT_H
#define IOTSCOPE_TEXT_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"

/* Length of the UTF-8 sequence at S (at most N bytes) and its code point
 * in *CP (CP may be NULL); 0 when malformed, cut, overlong, a surrogate or
 * beyond U+10FFFF (RFC 3629 section 4). */
size_t text_utf8_len(const char *s, size_t n, unsigned long *cp);
/* The same in a NUL-terminated string. */
size_t text_utf8_next(const char *s, unsigned long *cp);

/* A character that must never reach a terminal raw: C0, DEL, C1, the
 * bidirectional controls and marks, the Unicode line and paragraph
 * separators. */
int text_cp_unsafe(unsigned long cp);

/* The longest text stored (a note, a detail): some 20 printed pages of
 * Japanese, far below what one text of an export may hold (xmlsafe.h). */
enum { TEXT_MAX_BYTES = 64 * 1024 };

/* Is S fit to store?  At most TEXT_MAX_BYTES of valid UTF-8, no unsafe
 * character except tab and line feed, and with ONE_LINE neither of those.
 * NULL is fine.  -1 with "WHAT: ..." in d (the byte offset or the code
 * point named). */
int text_check(const char *s, const char *what, int one_line, struct diag *d);

enum text_escape_flags {
	TEXT_ESC_BACKSLASH = 1	/* also '\' as "\\": a reader can undo it */
};

/* S as a terminal may show it: each unsafe character as \n, \t, \r or
 * \u{XXXX}, each byte that is not UTF-8 as \xHH; malloc'd (NULL when out
 * of memory). */
char *text_escape(const char *s, int flags);
/* Write S escaped so to OUT; EOF on a write error. */
int text_fputs(const char *s, int flags, FILE *out);

#endif
