/* ui_text.c - truncation, padding and wrapping by wcwidth columns, over
 * the measuring of base/text_width.c (style.md: never crop by bytes,
 * never keep a private width table) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "ui_text.h"

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

static int push_line(struct ui_lines *l, size_t off, size_t len, int width, int indent)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		struct ui_line *v = realloc(l->v, cap * sizeof *v);
		if (v == NULL)
			return -1;
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = (struct ui_line){ off, len, width, indent };
	return 0;
}

/* Emit s[start, end) without its trailing spaces. */
static int emit(struct ui_lines *l, const char *s, size_t start, size_t end, int width,
		int indent)
{
	while (end > start && s[end - 1] == ' ') {
		end--;
		width--;
	}
	return push_line(l, start, end - start, width, indent);
}

/* May a line break between PREV and WC?  After a space; around wide
 * (Japanese) characters; never before closing or after opening marks. */
static int may_break(wchar_t prev, int prev_w, wchar_t wc, int w)
{
	if (prev == 0 || w == 0 || is_in(no_start, wc) || is_in(no_end, prev))
		return 0;
	return prev == L' ' || prev_w == 2 || w == 2;
}

/* One line from *p, drawn INDENT columns in: returns -1 when out of
 * memory, 1 when it ended at a hard line break (or the end), 0 when it
 * was wrapped. */
static int wrap_one(const char *s, size_t n, size_t *p, int cols, int indent,
		    struct ui_lines *l)
{
	cols -= indent;
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
			if (emit(l, s, start, brk, brk_width, indent) < 0)
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
	if (emit(l, s, start, i, width, indent) < 0)
		return -1;
	*p = i < n ? i + 1 : i;		/* past the '\n' */
	return 1;
}

/* The columns a wrapped line of the text line at S hangs in by: its
 * leading spaces and a list mark of up to 5 characters ending in '.' or
 * ')' ("i.", "a)", "(1)", "2.") or a "-", with the space after it, so the
 * guideline's nested best practices read as lists; at most half of COLS. */
static int hang_of(const char *s, int cols)
{
	int sp = 0;
	while (s[sp] == ' ')
		sp++;
	int mark = 0;
	while (mark < 6 && s[sp + mark] != '\0' && s[sp + mark] != ' ' && s[sp + mark] != '\n' &&
	       (unsigned char)s[sp + mark] < 0x80)
		mark++;
	int list = mark > 0 && s[sp + mark] == ' ' &&
		(mark == 1 ? s[sp] == '-' :
		 mark <= 5 && (s[sp + mark - 1] == '.' || s[sp + mark - 1] == ')'));
	int hang = sp + (list ? mark + 1 : 0);
	return hang <= cols / 2 ? hang : 0;
}

static int wrap_all(const char *s, int cols, int hanging, struct ui_lines *l)
{
	if (cols < 2)
		cols = 2;	/* room for one wide character */
	size_t n = strlen(s), p = 0;
	int indent = 0, r = 1;
	while (p < n) {
		if (r == 1)	/* a text line starts */
			indent = 0;
		int hang = r == 1 && hanging ? hang_of(s + p, cols) : indent;
		if (cols - hang < 2)
			hang = 0;
		if ((r = wrap_one(s, n, &p, cols, indent, l)) < 0)
			return -1;
		indent = hang;
	}
	return 0;
}

int ui_wrap(const char *s, int cols, struct ui_lines *l)
{
	return wrap_all(s, cols, 0, l);
}

int ui_wrap_hanging(const char *s, int cols, struct ui_lines *l)
{
	return wrap_all(s, cols, 1, l);
}

void ui_lines_free(struct ui_lines *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}
