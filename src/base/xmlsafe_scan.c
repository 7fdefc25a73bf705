/* xmlsafe_scan.c - one linear pass over the bytes before libxml2 sees them.
 *
 * Why a scanner of our own: libxml2 2.9's cost for one start tag grows
 * with the square of its attributes (the duplicate check of
 * xmlParseStartTag2, and SAX2 walking the property list to its end for
 * each new attribute): 25k attributes take seconds.  Its SAX and
 * xmlTextReader interfaces report an element only after that work is
 * done, so neither can bound it; counting the bytes first can.
 *
 * The scanner follows the parser's tokens closely enough that its counts
 * are never below the parser's, in broken input too (libxml2 keeps
 * tokenising after a fatal error, with SAX off): an attribute the parser
 * reads needs a name, '=' and a quoted value holding no '<', all before
 * the next '<'; where the parser gives up on a tag, the scanner does too,
 * and both go on with text up to the next '<'.
 *
 * Also refused here, each with one line saying where: bytes that are not
 * UTF-8, NUL bytes (libxml2 takes one for the end of the document, so
 * anything after it was ignored), and an encoding declaration other than
 * UTF-8 (the parser is told the input is UTF-8 and would ignore it). */
#include "config.h"

#include <string.h>
#include <strings.h>

#include "text.h"
#include "xmlsafe.h"

struct scan {
	const char *buf, *name;
	size_t len, pos, text;	/* text: bytes of the current run of text */
	const struct xmlsafe_limits *lim;
	struct diag *d;
	unsigned long elements;
	unsigned depth;
};

/* The line of byte POS, counted only when a message needs it. */
static long line_at(const char *buf, size_t pos)
{
	long line = 1;
	for (const char *p = buf, *end = buf + pos; (p = memchr(p, '\n', (size_t)(end - p))); p++)
		line++;
	return line;
}

/* "NAME:LINE: BEFORE LIMIT AFTER, more than any survey file has" */
static int scan_fail(struct scan *s, size_t pos, const char *before, unsigned long limit,
		     const char *after)
{
	diag_set(s->d, "%s:%ld: %s %lu %s, more than any %s has", s->name,
		 line_at(s->buf, pos), before, limit, after, s->lim->kind);
	return -1;
}

static int check_bytes(struct scan *s)
{
	const unsigned char *b = (const unsigned char *)s->buf;
	for (size_t i = 0; i < s->len;) {
		if (b[i] != 0 && b[i] < 0x80) {	/* the common case first */
			i++;
			continue;
		}
		if (b[i] == 0) {
			diag_set(s->d, "%s:%ld: a NUL byte (at byte %zu): an XML file has none; "
				 "is it damaged?", s->name, line_at(s->buf, i), i + 1);
			return -1;
		}
		size_t k = text_utf8_len((const char *)b + i, s->len - i, NULL);
		if (k == 0) {
			diag_set(s->d, "%s:%ld: byte 0x%02X (at byte %zu) is not UTF-8: only UTF-8 "
				 "files are accepted (convert it, e.g. with iconv)", s->name,
				 line_at(s->buf, i), b[i], i + 1);
			return -1;
		}
		i += k;
	}
	return 0;
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The value of NAME="..." in the XML declaration DECL (LEN bytes); its
 * length in *n, NULL when absent. */
static const char *decl_value(const char *decl, size_t len, const char *name, size_t *n)
{
	size_t k = strlen(name);
	for (size_t i = 0; i + k < len; i++) {
		if (memcmp(decl + i, name, k) != 0 || !is_blank(decl[i - (i > 0)]))
			continue;
		size_t j = i + k;
		while (j < len && is_blank(decl[j]))
			j++;
		if (j >= len || decl[j++] != '=')
			continue;
		while (j < len && is_blank(decl[j]))
			j++;
		if (j >= len || (decl[j] != '"' && decl[j] != '\''))
			continue;
		const char *end = memchr(decl + j + 1, decl[j], len - j - 1);
		if (end == NULL)
			return NULL;
		*n = (size_t)(end - (decl + j + 1));
		return decl + j + 1;
	}
	return NULL;
}

/* An encoding name as the XML grammar has it (EncName), so safe to print. */
static int enc_name(const char *v, size_t n)
{
	if (n == 0 || n > 40 || !((v[0] | 0x20) >= 'a' && (v[0] | 0x20) <= 'z'))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (!(((v[i] | 0x20) >= 'a' && (v[i] | 0x20) <= 'z') ||
		      (v[i] >= '0' && v[i] <= '9') || strchr("._-", v[i])))
			return 0;
	return 1;
}

/* The input is read as UTF-8 whatever it declares: refuse a file that
 * declares anything else rather than read it as what it is not. */
static int check_declaration(struct scan *s)
{
	size_t at = s->len >= 3 && memcmp(s->buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	if (s->len - at < 6 || memcmp(s->buf + at, "<?xml", 5) != 0 || !is_blank(s->buf[at + 5]))
		return 0;
	const char *decl = s->buf + at;
	const char *end = memchr(decl, '>', s->len - at);
	size_t n = 0, len = end ? (size_t)(end - decl) : s->len - at;
	const char *v = decl_value(decl, len, "encoding", &n);
	if (v == NULL || (n == 5 && strncasecmp(v, "UTF-8", 5) == 0))
		return 0;
	if (enc_name(v, n))
		diag_set(s->d, "%s:%ld: the file declares the encoding %.*s: only UTF-8 is "
			 "accepted (convert it, e.g. iconv -f %.*s -t UTF-8, and declare UTF-8)",
			 s->name, line_at(s->buf, (size_t)(v - s->buf)), (int)n, v, (int)n, v);
	else
		diag_set(s->d, "%s:%ld: the encoding declaration is not UTF-8: only UTF-8 is "
			 "accepted", s->name, line_at(s->buf, (size_t)(v - s->buf)));
	return -1;
}

/* Bytes of text (or of a CDATA section) added to the current run. */
static int add_text(struct scan *s, size_t n, size_t at)
{
	s->text += n;
	if (s->text > s->lim->text)
		return scan_fail(s, at, "a text of more than", (unsigned long)s->lim->text,
				 "bytes");
	return 0;
}

/* Past the next TERM after the current position; the end when none. */
static void skip_past(struct scan *s, const char *term)
{
	const char *p = memmem(s->buf + s->pos, s->len - s->pos, term, strlen(term));
	s->pos = p ? (size_t)(p - s->buf) + strlen(term) : s->len;
}

static int name_byte(char c)
{
	return !is_blank(c) && c != '=' && c != '>' && c != '/' && c != '<' &&
	       c != '"' && c != '\'';
}

static void skip_blanks(struct scan *s)
{
	while (s->pos < s->len && is_blank(s->buf[s->pos]))
		s->pos++;
}

/* One attribute at the current position: 1 read, 0 the tag is broken
 * here (the parser gives up on it too), -1 refused. */
static int scan_attribute(struct scan *s, unsigned *nattrs)
{
	size_t start = s->pos;
	while (s->pos < s->len && name_byte(s->buf[s->pos]))
		s->pos++;
	if (s->pos == start)
		return 0;
	skip_blanks(s);
	if (s->pos >= s->len || s->buf[s->pos] != '=')
		return 0;
	s->pos++;
	skip_blanks(s);
	if (s->pos >= s->len || (s->buf[s->pos] != '"' && s->buf[s->pos] != '\''))
		return 0;
	char quote = s->buf[s->pos++];
	size_t vstart = s->pos;
	while (s->pos < s->len && s->buf[s->pos] != quote && s->buf[s->pos] != '<')
		s->pos++;
	if (s->pos >= s->len || s->buf[s->pos] == '<')
		return 0;
	if (++*nattrs > s->lim->attrs)
		return scan_fail(s, start, "more than", s->lim->attrs, "attributes on one element");
	if (s->pos - vstart > s->lim->text)
		return scan_fail(s, vstart, "an attribute value of more than",
				 (unsigned long)s->lim->text, "bytes");
	s->pos++;
	return 1;
}

/* A start tag; the current position is just past its '<'. */
static int scan_start_tag(struct scan *s)
{
	size_t at = s->pos - 1;
	if (++s->elements > s->lim->elements)
		return scan_fail(s, at, "more than", s->lim->elements, "elements");
	while (s->pos < s->len && name_byte(s->buf[s->pos]))
		s->pos++;
	unsigned nattrs = 0;
	for (;;) {
		skip_blanks(s);
		if (s->pos >= s->len)
			return 0;
		if (s->buf[s->pos] == '>') {
			s->pos++;
			if (++s->depth > s->lim->depth)
				return scan_fail(s, at, "elements nested more than", s->lim->depth, "deep");
			return 0;
		}
		if (s->buf[s->pos] == '/' && s->pos + 1 < s->len && s->buf[s->pos + 1] == '>') {
			s->pos += 2;
			return 0;
		}
		int rc = scan_attribute(s, &nattrs);
		if (rc <= 0)
			return rc;	/* broken: what follows is text */
	}
}

/* The markup at the current position (a '<'). */
static int scan_markup(struct scan *s)
{
	const char *p = s->buf + s->pos;
	size_t left = s->len - s->pos;
	if (left >= 4 && memcmp(p, "<!--", 4) == 0) {
		s->pos += 4;
		skip_past(s, "-->");
	} else if (left >= 9 && memcmp(p, "<![CDATA[", 9) == 0) {
		size_t from = s->pos += 9;
		skip_past(s, "]]>");
		return add_text(s, s->pos - from, from);
	} else if (left >= 2 && (p[1] == '?' || p[1] == '!')) {
		s->pos += 2;	/* a PI, or a DTD the parser refuses */
		skip_past(s, p[1] == '?' ? "?>" : ">");
	} else if (left >= 2 && p[1] == '/') {
		s->pos += 2;
		s->depth -= s->depth > 0;
		s->text = 0;
		const char *gt = memchr(s->buf + s->pos, '>', s->len - s->pos);
		s->pos = gt ? (size_t)(gt - s->buf) + 1 : s->len;
	} else {
		s->pos++;
		s->text = 0;
		return scan_start_tag(s);
	}
	return 0;
}

static int scan_tokens(struct scan *s)
{
	while (s->pos < s->len) {
		const char *lt = memchr(s->buf + s->pos, '<', s->len - s->pos);
		size_t next = lt ? (size_t)(lt - s->buf) : s->len;
		if (next > s->pos && add_text(s, next - s->pos, s->pos) < 0)
			return -1;
		s->pos = next;
		if (s->pos < s->len && scan_markup(s) < 0)
			return -1;
	}
	return 0;
}

int xmlsafe_scan(const char *buf, size_t len, const char *name,
		 const struct xmlsafe_limits *lim, struct diag *d)
{
	struct scan s = { .buf = buf, .name = name, .len = len, .lim = lim, .d = d };
	if (len > lim->bytes) {
		diag_set(d, "%s: %zu bytes is larger than the %zu bytes accepted for a %s",
			 name, len, lim->bytes, lim->kind);
		return -1;
	}
	if (check_declaration(&s) < 0 || check_bytes(&s) < 0)
		return -1;
	return scan_tokens(&s);
}
