/* ui_text.c - display width, truncation and wrapping by wcwidth columns
 * (style.md: never crop by bytes, never keep a private width table) */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <uniwidth.h>

#include "text.h"
#include "ui_text.h"

static int ambi_wide;		/* the terminal draws ambiguous characters double */

void ui_text_set_ambiwide(int wide)
{
	ambi_wide = wide;
}

int ui_ambiwidth_setting(const char *opt, const char *env)
{
	const char *v = opt != NULL ? opt : env;
	if (v == NULL || v[0] == '\0' || strcmp(v, "auto") == 0)
		return 0;
	if (strcmp(v, "1") == 0 || strcmp(v, "single") == 0)
		return 1;
	if (strcmp(v, "2") == 0 || strcmp(v, "double") == 0)
		return 2;
	return -1;
}

int ui_text_ambiwide(void)
{
	return ambi_wide;
}

/* East Asian ambiguous: two columns in a CJK encoding (libunistring's
 * uc_width), one for wcwidth (glibc). */
static int ambiguous(wchar_t wc)
{
	return wc >= 0xa0 && uc_width((ucs4_t)wc, "EUC-JP") == 2 && wcwidth(wc) == 1;
}

wchar_t ui_text_shown(wchar_t wc)
{
	if (!ambi_wide || !ambiguous(wc))
		return wc;
	/* plain ASCII for the marks and frames (○ × ● ★ ※ ─ │ ...); one
	 * column as curses counts it, whatever the terminal does */
	static const struct {
		wchar_t from;
		char to;
	} ascii[] = {
		{ L'\u25cb', 'o' }, { L'\u00d7', 'x' }, { L'\u25cf', '*' }, { L'\u2605', '*' },
		{ L'\u203b', '*' }, { L'\u2500', '-' }, { L'\u2502', '|' }, { L'\u2026', '~' },
		{ L'\u2192', '>' }, { L'\u2190', '<' }, { L'\u2194', '-' }, { L'\u25a0', '#' },
		{ L'\u25a1', '#' }, { L'\u2013', '-' }, { L'\u2014', '-' }, { L'\u2018', '\'' },
		{ L'\u2019', '\'' }, { L'\u201c', '"' }, { L'\u201d', '"' }, { L'\u00b7', '.' },
		{ L'\u2162', '3' }, { L'\u2161', '2' }, { L'\u2160', '1' }, { L'\u2163', '4' },
	};
	for (size_t i = 0; i < sizeof ascii / sizeof ascii[0]; i++)
		if (ascii[i].from == wc)
			return (wchar_t)ascii[i].to;
	if (wc >= 0x2460 && wc <= 0x2468)	/* ①..⑨ */
		return (wchar_t)('1' + (wc - 0x2460));
	return L'?';
}

size_t ui_text_next(const char *s, size_t len, wchar_t *wc)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t r = mbrtowc(wc, s, len, &st);
	if (r == (size_t)-1 || r == (size_t)-2) {
		*wc = L'?';
		return 1;
	}
	if (r == 0)
		r = 1;
	if (*wc < 0x20 || (*wc >= 0x7f && *wc < 0xa0))
		*wc = L' ';
	else if (text_cp_unsafe((unsigned long)*wc) || wcwidth(*wc) < 0)
		*wc = L'?';	/* a bidi control would reorder the row (text.h) */
	else
		*wc = ui_text_shown(*wc);
	return r;
}

int ui_text_wcwidth(wchar_t wc)
{
	int w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

int ui_text_width(const char *s)
{
	int w = 0;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		wchar_t wc;
		i += ui_text_next(s + i, n - i, &wc);
		w += ui_text_wcwidth(wc);
	}
	return w;
}

size_t ui_text_fit(const char *s, int cols, int *used)
{
	size_t n = strlen(s), i = 0;
	int w = 0;
	while (i < n) {
		wchar_t wc;
		size_t k = ui_text_next(s + i, n - i, &wc);
		int cw = ui_text_wcwidth(wc);
		if (w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	if (used != NULL)
		*used = w;
	return i;
}

static const char ellipsis[] = "\xe2\x80\xa6";	/* U+2026, one column */

/* The first columns of S, "…" if cut, then spaces up to COLS if PAD. */
static char *shape(const char *s, int cols, int pad)
{
	if (cols < 0)
		cols = 0;
	int width = ui_text_width(s), used = 0;
	size_t keep = strlen(s);
	int cut = width > cols;
	if (cut)
		keep = cols > 0 ? ui_text_fit(s, cols - 1, &used) : 0;
	else
		used = width;
	size_t fill = pad ? (size_t)(cols - used - (cut && cols > 0)) : 0;
	char *out = malloc(keep + sizeof ellipsis + fill + 1);
	if (out == NULL)
		return NULL;
	memcpy(out, s, keep);
	size_t o = keep;
	if (cut && cols > 0) {
		memcpy(out + o, ellipsis, sizeof ellipsis - 1);
		o += sizeof ellipsis - 1;
	}
	memset(out + o, ' ', fill);
	out[o + fill] = '\0';
	return out;
}

char *ui_text_pad(const char *s, int cols)
{
	return shape(s, cols, 1);
}

char *ui_text_trunc(const char *s, int cols)
{
	return shape(s, cols, 0);
}

/* ---------- wrapping ---------- */

/* No line starts with these (closing brackets, small kana, marks). */
static const wchar_t no_start[] =
	L"、。，．・：；？！ー）」』】〕〉》｝］ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮ,.;:!?)]}%";
/* No line ends with these (opening brackets). */
static const wchar_t no_end[] = L"（「『【〔〈《｛［([{";

static int is_in(const wchar_t *set, wchar_t wc)
{
	return wc != 0 && wcschr(set, wc) != NULL;
}

static int push_line(struct ui_lines *l, size_t off, size_t len, int width)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		struct ui_line *v = realloc(l->v, cap * sizeof *v);
		if (v == NULL)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = (struct ui_line){ off, len, width };
	return 0;
}

/* Emit s[start, end) without its trailing spaces. */
static int emit(struct ui_lines *l, const char *s, size_t start, size_t end, int width)
{
	while (end > start && s[end - 1] == ' ') {
		end--;
		width--;
	}
	return push_line(l, start, end - start, width);
}

/* May a line break between PREV and WC?  After a space; around wide
 * (Japanese) characters; never before closing or after opening marks. */
static int may_break(wchar_t prev, int prev_w, wchar_t wc, int w)
{
	if (prev == 0 || w == 0 || is_in(no_start, wc) || is_in(no_end, prev))
		return 0;
	return prev == L' ' || prev_w == 2 || w == 2;
}

/* One line from *p: returns -1 when out of memory. */
static int wrap_one(const char *s, size_t n, size_t *p, int cols, struct ui_lines *l)
{
	size_t start = *p, i = start, brk = start;
	int width = 0, brk_width = 0, prev_w = 0;
	wchar_t prev = 0;
	while (i < n && s[i] != '\n') {
		wchar_t wc;
		size_t k = ui_text_next(s + i, n - i, &wc);
		int w = ui_text_wcwidth(wc);
		int can = may_break(prev, prev_w, wc, w);
		if (can) {
			brk = i;
			brk_width = width;
		}
		if (width + w > cols && i > start) {
			if (wc == L' ' || can || brk == start) {
				brk = i;	/* break here (forced if no chance) */
				brk_width = width;
			}
			if (emit(l, s, start, brk, brk_width) < 0)
				return -1;
			while (brk < n && s[brk] == ' ')
				brk++;
			*p = brk;
			return 0;
		}
		width += w;
		prev = wc;
		prev_w = w;
		i += k;
	}
	if (emit(l, s, start, i, width) < 0)
		return -1;
	*p = i < n ? i + 1 : i;		/* past the '\n' */
	return 0;
}

int ui_wrap(const char *s, int cols, struct ui_lines *l)
{
	if (cols < 2)
		cols = 2;	/* room for one wide character */
	size_t n = strlen(s), p = 0;
	while (p < n)
		if (wrap_one(s, n, &p, cols, l) < 0)
			return -1;
	return 0;
}

void ui_lines_free(struct ui_lines *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}
