/* text.c - what text may be stored and how a terminal is shown it
 * (text.h). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "text.h"

size_t text_utf8_len(const char *str, size_t n, unsigned long *cp)
{
	const unsigned char *p = (const unsigned char *)str;
	unsigned char c = p[0], lo = 0x80, hi = 0xbf;
	size_t k;
	if (c < 0x80) {
		if (cp != NULL)
			*cp = c;
		return 1;
	}
	/* the second byte's range rules out overlong forms ("\xc0\x80" is
	 * not a NUL), surrogates and what lies beyond U+10FFFF */
	if (c >= 0xc2 && c <= 0xdf)
		k = 2;
	else if (c >= 0xe0 && c <= 0xef)
		k = 3, lo = c == 0xe0 ? 0xa0 : 0x80, hi = c == 0xed ? 0x9f : 0xbf;
	else if (c >= 0xf0 && c <= 0xf4)
		k = 4, lo = c == 0xf0 ? 0x90 : 0x80, hi = c == 0xf4 ? 0x8f : 0xbf;
	else
		return 0;
	if (n < k || p[1] < lo || p[1] > hi)
		return 0;
	unsigned long v = (c & (0x7f >> k)) << 6 | (p[1] & 0x3f);
	for (size_t i = 2; i < k; i++) {
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
		v = v << 6 | (p[i] & 0x3f);
	}
	if (cp != NULL)
		*cp = v;
	return k;
}

size_t text_utf8_next(const char *s, unsigned long *cp)
{
	/* a NUL is no continuation byte: the decoding stops there */
	return text_utf8_len(s, 4, cp);
}

int text_cp_unsafe(unsigned long c)
{
	return c < 0x20 || (c >= 0x7f && c < 0xa0) ||	/* C0, DEL, C1 */
	       c == 0x061c || c == 0x200e || c == 0x200f ||	/* ALM, LRM, RLM */
	       (c >= 0x202a && c <= 0x202e) ||		/* LRE RLE PDF LRO RLO */
	       (c >= 0x2066 && c <= 0x2069) ||		/* LRI RLI FSI PDI */
	       c == 0x2028 || c == 0x2029 ||		/* line, paragraph sep. */
	       (c >= 0xfffe && c <= 0xffff);		/* not characters (XML) */
}

int text_check(const char *s, const char *what, int one_line, struct diag *d)
{
	if (s == NULL)
		return 0;
	size_t len = strlen(s);
	if (len > TEXT_MAX_BYTES) {
		diag_set(d, _("%s: %zu bytes long; at most %d are kept (put a long text in a "
			      "file and name the file)"), what, len, TEXT_MAX_BYTES);
		return -1;
	}
	for (const char *p = s; *p != '\0';) {
		unsigned long cp = 0;
		size_t n = text_utf8_next(p, &cp);
		if (n == 0) {
			diag_set(d, _("%s: not valid UTF-8 at byte %zu"), what, (size_t)(p - s));
			return -1;
		}
		if ((cp == '\t' || cp == '\n') && one_line) {
			diag_set(d, _("%s: give it on one line (it holds a line break or a tab)"),
				 what);
			return -1;
		}
		if (text_cp_unsafe(cp) && cp != '\t' && cp != '\n') {
			diag_set(d, _("%s: holds the control character U+%04lX at byte %zu, "
				      "which could steer a terminal or reorder the text "
				      "shown; remove it"), what, cp, (size_t)(p - s));
			return -1;
		}
		p += n;
	}
	return 0;
}

/* ---------- showing ---------- */

struct sink {
	FILE *out;		/* either a stream ... */
	char *buf;		/* ... or a growing string */
	size_t len, cap;
	int err;
};

static void put(struct sink *k, const char *s, size_t n)
{
	if (k->err)
		return;
	if (k->out != NULL) {
		k->err = fwrite(s, 1, n, k->out) != n;
		return;
	}
	if (k->len + n + 1 > k->cap) {
		size_t cap = (k->len + n + 1) * 2;
		char *b = realloc(k->buf, cap);
		if (b == NULL) {
			k->err = 1;
			return;
		}
		k->buf = b;
		k->cap = cap;
	}
	memcpy(k->buf + k->len, s, n);
	k->len += n;
	k->buf[k->len] = '\0';
}

static void escape_one(struct sink *k, const char *p, unsigned long cp, size_t n)
{
	char e[16];
	const char *named = cp == '\n' ? "\\n" : cp == '\t' ? "\\t" : cp == '\r' ? "\\r" : NULL;
	if (n == 0) {
		snprintf(e, sizeof e, "\\x%02X", (unsigned char)*p);
		named = e;
	} else if (named == NULL) {
		snprintf(e, sizeof e, "\\u{%04lX}", cp);
		named = e;
	}
	put(k, named, strlen(named));
}

static void escape_into(struct sink *k, const char *s, int flags)
{
	const char *run = s, *p = s;
	while (*p != '\0') {
		unsigned long cp = 0;
		size_t n = text_utf8_next(p, &cp);
		int esc = n == 0 || text_cp_unsafe(cp);
		int bs = (flags & TEXT_ESC_BACKSLASH) && cp == '\\' && n == 1;
		if (!esc && !bs) {
			p += n;
			continue;
		}
		put(k, run, (size_t)(p - run));
		if (bs)
			put(k, "\\\\", 2);
		else
			escape_one(k, p, cp, n);
		p += n ? n : 1;
		run = p;
	}
	put(k, run, (size_t)(p - run));
}

char *text_escape(const char *s, int flags)
{
	struct sink k = { NULL, NULL, 0, 0, 0 };
	put(&k, "", 0);
	escape_into(&k, s ? s : "", flags);
	if (k.err) {
		free(k.buf);
		return NULL;
	}
	return k.buf;
}

int text_fputs(const char *s, int flags, FILE *out)
{
	struct sink k = { out, NULL, 0, 0, 0 };
	escape_into(&k, s ? s : "", flags);
	return k.err ? EOF : 0;
}
