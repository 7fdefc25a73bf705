/* ui_draw.c - text by display columns, colour roles (ui_draw.h) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui_curses.h"
#include "ui_draw.h"
#include "ui_text.h"

struct theme_entry {
	short fg, bg;			/* -1: the terminal's own */
	attr_t colour, mono;		/* extra attributes with and without colour */
};

/* The one theme table: every role's colours and its monochrome form. */
static const struct theme_entry theme[N_ROLES] = {
	[ROLE_NORMAL] = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_TITLE] = { COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE },
	[ROLE_TAB] = { -1, -1, A_NORMAL, A_NORMAL },
	[ROLE_TAB_ACTIVE] = { COLOR_BLACK, COLOR_CYAN, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_HEADING] = { COLOR_CYAN, -1, A_BOLD, A_BOLD },
	[ROLE_SUBHEAD] = { -1, -1, A_BOLD, A_UNDERLINE },
	[ROLE_CURSOR] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD, A_REVERSE },
	[ROLE_FIXED] = { COLOR_BLUE, -1, A_BOLD, A_BOLD },
	[ROLE_YES] = { COLOR_GREEN, -1, A_BOLD, A_BOLD },
	[ROLE_NO] = { COLOR_RED, -1, A_NORMAL, A_NORMAL },
	[ROLE_OPEN] = { COLOR_YELLOW, -1, A_NORMAL, A_NORMAL },
	[ROLE_MIRROR] = { -1, -1, A_DIM, A_DIM },
	[ROLE_GREY] = { -1, -1, A_DIM, A_DIM },
	[ROLE_STATUS] = { COLOR_BLACK, COLOR_WHITE, A_NORMAL, A_REVERSE },
	[ROLE_MESSAGE] = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
	[ROLE_ERROR] = { COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD },
	[ROLE_DROPPED] = { COLOR_MAGENTA, -1, A_NORMAL, A_UNDERLINE },
	[ROLE_MARK] = { COLOR_RED, -1, A_BOLD, A_BOLD },
	[ROLE_NOTICE] = { COLOR_YELLOW, -1, A_BOLD, A_BOLD },
	[ROLE_SEP] = { COLOR_BLUE, -1, A_NORMAL, A_NORMAL },
	[ROLE_DONE] = { COLOR_GREEN, -1, A_NORMAL, A_NORMAL },
};

static int use_colour;

void ui_theme_init(void)
{
	const char *no = getenv("NO_COLOR");	/* no-color.org: set and not empty */
	use_colour = (no == NULL || no[0] == '\0') && has_colors() && start_color() == OK;
	if (!use_colour)
		return;
	if (use_default_colors() != OK) {
		use_colour = 0;
		return;
	}
	for (int r = 0; r < N_ROLES; r++)
		if (init_pair((short)(r + 1), theme[r].fg, theme[r].bg) != OK)
			use_colour = 0;
}

int ui_theme_colour(void)
{
	return use_colour;
}

static attr_t attr_of(enum ui_role role)
{
	if ((unsigned)role >= N_ROLES)
		role = ROLE_NORMAL;
	if (!use_colour)
		return theme[role].mono;
	return COLOR_PAIR(role + 1) | theme[role].colour;
}

/* Up to W columns of S as wide characters; returns the columns.  One
 * fitting walk (text_fit), then the prefix only converted. */
static int put(int y, int x, int w, const char *s)
{
	int used = 0;
	size_t n = ui_text_fit(s, w, &used), i = 0;
	wchar_t buf[64];
	int nb = 0;
	move(y, x);
	while (i < n) {
		i += ui_text_next(s + i, n - i, &buf[nb++]);
		if (nb == (int)(sizeof buf / sizeof buf[0])) {
			addnwstr(buf, nb);
			nb = 0;
		}
	}
	if (nb > 0)
		addnwstr(buf, nb);
	return used;
}

int ui_text_at(int y, int x, int w, const char *s, enum ui_role role)
{
	if (w <= 0 || s == NULL)
		return 0;
	attr_t at = attr_of(role);
	attron(at);
	int used;
	if (ui_text_width(s) <= w) {
		used = put(y, x, w, s);
	} else {
		char *t = ui_text_trunc(s, w);
		used = put(y, x, w, t ? t : "");
		free(t);
	}
	attroff(at);
	return used;
}

void ui_fill(int y, int x, int w, enum ui_role role)
{
	if (w <= 0)
		return;
	attr_t at = attr_of(role);
	attron(at);
	mvhline(y, x, ' ', w);
	attroff(at);
}

void ui_text_pad_at(int y, int x, int w, const char *s, enum ui_role role)
{
	int used = ui_text_at(y, x, w, s, role);
	ui_fill(y, x + used, w - used, role);
}

void ui_text_right(int y, int x, int w, const char *s, enum ui_role role)
{
	int sw = ui_text_width(s);
	if (sw > w)
		sw = w;
	ui_text_at(y, x + w - sw, sw, s, role);
}

int ui_wrapped(const struct ui_rect *r, int yoff, const char *s, enum ui_role role)
{
	struct ui_lines l = { 0 };
	if (s == NULL || ui_wrap_hanging(s, r->w, &l) < 0) {
		ui_lines_free(&l);
		return 0;
	}
	for (size_t i = 0; i < l.n; i++) {
		int y = yoff + (int)i;
		if (y < 0 || y >= r->h)
			continue;
		char *line = strndup(s + l.v[i].off, l.v[i].len);
		if (line != NULL)
			ui_text_at(r->y + y, r->x + l.v[i].indent, r->w - l.v[i].indent, line, role);
		free(line);
	}
	int n = (int)l.n;
	ui_lines_free(&l);
	return n;
}

void ui_separator(const struct ui_rect *r)
{
	if (r->h == 0 || r->w == 0)
		return;
	attr_t at = attr_of(ROLE_SEP);
	attron(at);
	/* the Unicode box characters themselves: the terminal is UTF-8, and
	 * the alternate character set shows as letters in some (tmux copies) */
	wchar_t hline[] = { ui_text_shown(L'\u2500'), 0 }, vline[] = { ui_text_shown(L'\u2502'), 0 };
	if (r->h == 1)
		for (int x = 0; x < r->w; x++)
			mvaddnwstr(r->y, r->x + x, hline, 1);
	else
		for (int y = 0; y < r->h; y++)
			mvaddnwstr(r->y + y, r->x, vline, 1);
	attroff(at);
}
