/* text_width.c - UTF-8 text measured by display columns (wcwidth), never
 * by bytes (style.md: never crop by bytes, never keep a private width
 * table).  In base, below both the workbench (ui_text.c pads, cuts and
 * wraps with it) and the command line (derive's columns): issue 9. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <uniwidth.h>

#include "text.h"
#include "text_width.h"

static int ambi_wide;		/* the terminal draws ambiguous characters double */

void text_set_ambiwide(int wide)
{
	ambi_wide = wide;
}

int text_ambiwidth_setting(const char *opt, const char *env)
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

int text_ambiwide(void)
{
	return ambi_wide;
}

/* East Asian ambiguous: two columns in a CJK encoding (libunistring's
 * uc_width), one for wcwidth (glibc). */
static int ambiguous(wchar_t wc)
{
	return wc >= 0xa0 && uc_width((ucs4_t)wc, "EUC-JP") == 2 && wcwidth(wc) == 1;
}

wchar_t text_shown(wchar_t wc)
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

size_t text_next_shown(const char *s, size_t len, wchar_t *wc)
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
		*wc = text_shown(*wc);
	return r;
}

int text_wcwidth(wchar_t wc)
{
	int w = wcwidth(wc);
	return w < 0 ? 1 : w;
}

int text_width(const char *s)
{
	int w = 0;
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		wchar_t wc;
		i += text_next_shown(s + i, n - i, &wc);
		w += text_wcwidth(wc);
	}
	return w;
}

size_t text_fit(const char *s, int cols, int *used)
{
	size_t n = strlen(s), i = 0;
	int w = 0;
	while (i < n) {
		wchar_t wc;
		size_t k = text_next_shown(s + i, n - i, &wc);
		int cw = text_wcwidth(wc);
		if (w + cw > cols)
			break;
		w += cw;
		i += k;
	}
	if (used != NULL)
		*used = w;
	return i;
}
