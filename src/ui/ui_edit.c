/* ui_edit.c - the one-line editor (ui_edit.h) */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "ui_action.h"
#include "ui_curses.h"
#include "ui_edit.h"
#include "ui_text.h"

#define CTRL(c) ((c) & 0x1f)

static int reserve(struct ui_edit *e, size_t need)
{
	if (need <= e->cap)
		return 0;
	size_t cap = e->cap ? e->cap : 32;
	while (cap < need)
		cap *= 2;
	wchar_t *b = realloc(e->buf, cap * sizeof *b);
	if (b == NULL)
		return -1;
	e->buf = b;
	e->cap = cap;
	return 0;
}

static int insert(struct ui_edit *e, wchar_t wc)
{
	if (reserve(e, e->len + 1) < 0)
		return -1;
	e->modified = 1;
	memmove(e->buf + e->cur + 1, e->buf + e->cur, (e->len - e->cur) * sizeof *e->buf);
	e->buf[e->cur++] = wc;
	e->len++;
	return 0;
}

/* One character of TEXT as it is (multi-line: a line break stays one). */
static size_t next_as_is(const char *s, size_t n, wchar_t *wc)
{
	mbstate_t st;
	memset(&st, 0, sizeof st);
	size_t r = mbrtowc(wc, s, n, &st);
	if (r == (size_t)-1 || r == (size_t)-2) {
		*wc = L'\xfffd';		/* the store keeps UTF-8 only: not reached */
		return 1;
	}
	return r == 0 ? 1 : r;
}

static int init(struct ui_edit *e, const char *text, int multiline)
{
	memset(e, 0, sizeof *e);
	e->multiline = multiline;
	if (reserve(e, 32) < 0)
		return -1;
	size_t n = text ? strlen(text) : 0;
	for (size_t i = 0; i < n;) {
		wchar_t wc;
		i += multiline ? next_as_is(text + i, n - i, &wc) : ui_text_next(text + i, n - i, &wc);
		if (insert(e, wc) < 0) {
			ui_edit_free(e);
			return -1;
		}
	}
	e->modified = 0;
	return 0;
}

int ui_edit_init(struct ui_edit *e, const char *text)
{
	return init(e, text, 0);
}

int ui_edit_init_lines(struct ui_edit *e, const char *text)
{
	return init(e, text, 1);
}

void ui_edit_free(struct ui_edit *e)
{
	free(e->buf);
	memset(e, 0, sizeof *e);
}

static void cut_range(struct ui_edit *e, size_t from, size_t to)
{
	e->modified |= to > from;
	memmove(e->buf + from, e->buf + to, (e->len - to) * sizeof *e->buf);
	e->len -= to - from;
	e->cur = from;
}

size_t ui_edit_line_start(const struct ui_edit *e, size_t line)
{
	size_t i = 0;
	for (; i < e->len && line > 0; i++)
		line -= e->buf[i] == L'\n';
	return i;
}

static size_t line_begin(const struct ui_edit *e, size_t at)
{
	while (e->multiline && at > 0 && e->buf[at - 1] != L'\n')
		at--;
	return e->multiline ? at : 0;
}

static size_t line_end(const struct ui_edit *e, size_t at)
{
	while (e->multiline && at < e->len && e->buf[at] != L'\n')
		at++;
	return e->multiline ? at : e->len;
}

size_t ui_edit_cursor_line(const struct ui_edit *e)
{
	size_t n = 0;
	for (size_t i = 0; i < e->cur; i++)
		n += e->buf[i] == L'\n';
	return n;
}

size_t ui_edit_lines(const struct ui_edit *e)
{
	size_t n = 1;
	for (size_t i = 0; i < e->len; i++)
		n += e->buf[i] == L'\n';
	return n;
}

/* Up (DIR -1) or down a line, at the same column or the line's end. */
static void line_move(struct ui_edit *e, int dir)
{
	size_t b = line_begin(e, e->cur), col = e->cur - b, start;
	if (dir < 0) {
		if (b == 0)
			return;
		start = line_begin(e, b - 1);
	} else {
		size_t end = line_end(e, e->cur);
		if (end >= e->len)
			return;
		start = end + 1;
	}
	size_t end = line_end(e, start);
	e->cur = start + col < end ? start + col : end;
}

/* Keys that move or delete; 1 if KEY was one of them. */
static int edit_motion(struct ui_edit *e, int key)
{
	if (e->multiline && (key == UI_KEY_FN(KEY_UP) || key == UI_KEY_FN(KEY_DOWN))) {
		line_move(e, key == UI_KEY_FN(KEY_UP) ? -1 : 1);
		return 1;
	}
	if (key == UI_KEY_FN(KEY_BACKSPACE) || key == 0x7f || key == CTRL('H')) {
		if (e->cur > 0)
			cut_range(e, e->cur - 1, e->cur);
	} else if (key == UI_KEY_FN(KEY_DC) || key == CTRL('D')) {
		if (e->cur < e->len)
			cut_range(e, e->cur, e->cur + 1);
	} else if (key == UI_KEY_FN(KEY_LEFT) || key == CTRL('B')) {
		e->cur -= e->cur > 0;
	} else if (key == UI_KEY_FN(KEY_RIGHT) || key == CTRL('F')) {
		e->cur += e->cur < e->len;
	} else if (key == UI_KEY_FN(KEY_HOME) || key == CTRL('A')) {
		e->cur = line_begin(e, e->cur);
	} else if (key == UI_KEY_FN(KEY_END) || key == CTRL('E')) {
		e->cur = line_end(e, e->cur);
	} else if (key == CTRL('U')) {
		cut_range(e, line_begin(e, e->cur), e->cur);
	} else if (key == CTRL('K')) {
		size_t end = line_end(e, e->cur);
		cut_range(e, e->cur, end == e->cur && end < e->len ? end + 1 : end);
	} else {
		return 0;
	}
	return 1;
}

enum edit_result ui_edit_key(struct ui_edit *e, int key)
{
	switch (ui_action_for_key(e->multiline ? KM_NOTE : KM_PROMPT, key)) {
	case UI_EDIT_SAVE: return EDIT_ACCEPT;
	case UI_EDIT_CANCEL: return EDIT_CANCEL;
	case UI_EDIT_EXTERNAL: return EDIT_EXTERNAL;
	case UI_EDIT_NEWLINE:
		e->replace = 0;
		return insert(e, L'\n') < 0 ? EDIT_NOMEM : EDIT_GOING;
	default: break;
	}
	if (edit_motion(e, key)) {
		e->replace = 0;
		return EDIT_GOING;
	}
	if ((key & UI_FN) == 0 && key >= ' ' && iswprint((wint_t)key)) {
		if (e->replace)		/* a pre-filled value typed over (a date) */
			cut_range(e, 0, e->len);
		e->replace = 0;
		return insert(e, (wchar_t)key) < 0 ? EDIT_NOMEM : EDIT_GOING;
	}
	return EDIT_GOING;
}

char *ui_edit_text(const struct ui_edit *e)
{
	size_t cap = e->len * MB_CUR_MAX + 1, o = 0;
	char *out = malloc(cap);
	if (out == NULL)
		return NULL;
	mbstate_t st;
	memset(&st, 0, sizeof st);
	for (size_t i = 0; i < e->len; i++) {
		size_t k = wcrtomb(out + o, e->buf[i], &st);
		if (k == (size_t)-1)
			out[o++] = '?';
		else
			o += k;
	}
	out[o] = '\0';
	return out;
}

size_t ui_edit_first_visible(const struct ui_edit *e, int cols)
{
	if (cols < 2)
		cols = 2;
	size_t first = line_begin(e, e->cur);
	int w = 0;
	for (size_t i = first; i < e->cur; i++)
		w += ui_text_wcwidth(e->buf[i]);
	/* the cursor itself takes a column after the text before it */
	while (first < e->cur && w + 1 > cols) {
		w -= ui_text_wcwidth(e->buf[first]);
		first++;
	}
	return first;
}
