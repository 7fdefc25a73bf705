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
	memmove(e->buf + e->cur + 1, e->buf + e->cur, (e->len - e->cur) * sizeof *e->buf);
	e->buf[e->cur++] = wc;
	e->len++;
	return 0;
}

int ui_edit_init(struct ui_edit *e, const char *text)
{
	memset(e, 0, sizeof *e);
	if (reserve(e, 32) < 0)
		return -1;
	size_t n = text ? strlen(text) : 0;
	for (size_t i = 0; i < n;) {
		wchar_t wc;
		i += ui_text_next(text + i, n - i, &wc);
		if (insert(e, wc) < 0) {
			ui_edit_free(e);
			return -1;
		}
	}
	return 0;
}

void ui_edit_free(struct ui_edit *e)
{
	free(e->buf);
	memset(e, 0, sizeof *e);
}

static void cut_range(struct ui_edit *e, size_t from, size_t to)
{
	memmove(e->buf + from, e->buf + to, (e->len - to) * sizeof *e->buf);
	e->len -= to - from;
	e->cur = from;
}

/* Keys that move or delete; 1 if KEY was one of them. */
static int edit_motion(struct ui_edit *e, int key)
{
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
		e->cur = 0;
	} else if (key == UI_KEY_FN(KEY_END) || key == CTRL('E')) {
		e->cur = e->len;
	} else if (key == CTRL('U')) {
		cut_range(e, 0, e->cur);
	} else if (key == CTRL('K')) {
		e->len = e->cur;
	} else {
		return 0;
	}
	return 1;
}

enum edit_result ui_edit_key(struct ui_edit *e, int key)
{
	if (key == '\n' || key == '\r' || key == UI_KEY_FN(KEY_ENTER))
		return EDIT_ACCEPT;
	if (key == 27 || key == CTRL('G'))
		return EDIT_CANCEL;
	if (edit_motion(e, key))
		return EDIT_GOING;
	if ((key & UI_FN) == 0 && key >= ' ' && iswprint((wint_t)key))
		return insert(e, (wchar_t)key) < 0 ? EDIT_NOMEM : EDIT_GOING;
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
	size_t first = 0;
	int w = 0;
	for (size_t i = 0; i < e->cur; i++)
		w += ui_text_wcwidth(e->buf[i]);
	/* the cursor itself takes a column after the text before it */
	while (first < e->cur && w + 1 > cols) {
		w -= ui_text_wcwidth(e->buf[first]);
		first++;
	}
	return first;
}
