/* ui.c - the full-screen workbench on top of its screens: their table,
 * one loop that reads keys, relayouts on KEY_RESIZE in one place and
 * redraws; the title, tabs, message and status rows around every
 * screen. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "paths.h"
#include "survey.h"
#include "ui.h"
#include "ui_curses.h"
#include "ui_draw.h"
#include "ui_glossary.h"
#include "ui_help.h"
#include "ui_keys.h"
#include "ui_model.h"
#include "ui_run.h"
#include "ui_save.h"
#include "ui_track.h"
#include "ui_text.h"

/* The table of screens, generated from their one list (ui_screens.h):
 * the core and the screens reach each other only through it. */
#define SCREEN_DECL(x, id, screen, key, label, help) extern const struct ui_screen screen;
UI_SCREENS(SCREEN_DECL, 0)
#define SCREEN_ENTRY(x, id, screen, key, label, help) [SCR_##id] = &screen,
static const struct ui_screen *const screens[N_SCREENS] = { UI_SCREENS(SCREEN_ENTRY, 0) };
#define SCREEN_KEY(x, id, screen, key, label, help) [SCR_##id] = key,
static const int tab_keys[N_SCREENS] = { UI_SCREENS(SCREEN_KEY, 0) };

/* What reads the keys now: the help or the glossary over the screen, or
 * the screen. */
static const struct ui_screen *on_top(const struct ui *u)
{
	return u->help ? &ui_help_overlay : u->glossary.open ? &ui_glossary_overlay : ui_current(u);
}

/* ---------- state ---------- */

/* Each screen's own state, as large as it asked (tig private_size). */
static int states_new(struct ui *u)
{
	for (int s = 0; s < N_SCREENS; s++) {
		if (screens[s]->state_size == 0)
			continue;
		u->state[s] = calloc(1, screens[s]->state_size);
		if (u->state[s] == NULL)
			return -1;
		if (screens[s]->init != NULL && screens[s]->init(u, u->state[s]) < 0)
			return -1;
	}
	return 0;
}

struct ui *ui_new(const struct catalog *c, const struct form *f, struct store *st,
		  const char *db_path, const char *catalog_dir)
{
	struct ui *u = calloc(1, sizeof *u);
	if (u == NULL)
		return NULL;
	u->cat = c;
	u->form = f;
	u->st = st;
	u->db_path = db_path;
	u->screens = screens;
	u->examples_dir = paths_examples_dir(catalog_dir);
	if (u->examples_dir == NULL || states_new(u) < 0) {
		ui_free(u);
		return NULL;
	}
	ui_resize(u, 24, 80);
	ui_go(u, SCR_LIST);
	return u;
}

void ui_free(struct ui *u)
{
	if (u == NULL)
		return;
	ui_close_assessment(u);
	for (int s = 0; s < N_SCREENS; s++) {
		if (u->state[s] != NULL && screens[s]->done != NULL)
			screens[s]->done(u->state[s]);
		free(u->state[s]);
	}
	free(u->examples_dir);
	free(u->message);
	ui_glossary_clear(u);
	free(u->prompt_label);
	free(u->confirm_label);
	ui_edit_free(&u->edit);
	ui_pending_free(u);
	ui_track_free(u);
	free(u);
}

/* ---------- prompts ---------- */

static void discard_note(struct ui *u)
{
	u->prompting = 0;
	ui_say(u, 0, "%s", _("Cancelled; the note is as it was."));
}

static void keep_editing(struct ui *u)
{
	ui_say(u, 0, "%s", _("Still editing."));
}

/* The note in $VISUAL or $EDITOR (ui_extedit.c), back in the editor
 * here to be saved with Enter. */
static void edit_outside(struct ui *u)
{
	char *text = ui_edit_text(&u->edit);
	struct diag d = DIAG_INIT;
	char *out = text ? ui_extedit(text, &d) : NULL;
	if (out == NULL) {
		ui_say(u, 1, "%s", text ? diag_msg(&d) : _("out of memory"));
	} else if (strcmp(out, text) == 0) {
		ui_say(u, 0, "%s", _("Back from the editor: no change."));
	} else {
		struct ui_edit e;
		if (ui_edit_init_lines(&e, out) < 0) {
			ui_say(u, 1, "%s", _("out of memory"));
		} else {
			ui_edit_free(&u->edit);
			u->edit = e;
			u->edit.modified = 1;
			ui_say(u, 0, "%s", _("Back from the editor: Enter saves, Esc cancels."));
		}
	}
	diag_clear(&d);
	free(out);
	free(text);
}

static void prompt_key(struct ui *u, int key)
{
	enum edit_result r = ui_edit_key(&u->edit, key);
	if (r == EDIT_GOING)
		return;
	if (r == EDIT_EXTERNAL) {
		edit_outside(u);
		return;
	}
	if (r == EDIT_CANCEL && u->edit.multiline && u->edit.modified) {
		/* typed text is never thrown away by one key */
		ui_ask_yes(u, _("Discard the changes to the note? (y/N)"), discard_note);
		u->on_no = keep_editing;
		return;
	}
	u->prompting = 0;
	if (r == EDIT_NOMEM) {
		ui_say(u, 1, "%s", _("out of memory"));
		return;
	}
	if (r == EDIT_CANCEL) {
		ui_say(u, 0, "%s", _("Cancelled."));
		return;
	}
	char *text = ui_edit_text(&u->edit);
	if (text == NULL) {
		ui_say(u, 1, "%s", _("out of memory"));
		return;
	}
	u->on_text(u, text);
	free(text);
}

static void confirm_key(struct ui *u, int key)
{
	u->confirming = 0;
	if (ui_action_for_key(KM_CONFIRM, key) == UI_YES)
		u->on_yes(u);
	else if (u->on_no != NULL)
		u->on_no(u);
	else
		ui_say(u, 0, "%s", _("Cancelled."));
}

/* ---------- keys ---------- */

static enum ui_keymap keymap_now(const struct ui *u)
{
	if (u->confirming)
		return KM_CONFIRM;
	if (u->prompting)
		return u->edit.multiline ? KM_NOTE : KM_PROMPT;
	return on_top(u)->keymap(u);
}

static void quit_now(struct ui *u)
{
	u->quit = 1;
}

static void quit(struct ui *u)
{
	if (ui_save_retry(u) == 0) {
		u->quit = 1;
		return;
	}
	char *q = str_printf(_("%zu changes could not be saved (see the message before). "
			       "Quit and lose them? (y/N)"), u->npending);
	ui_ask_yes(u, q ? q : "?", quit_now);
	free(q);
}

/* Actions every screen shares; 1 if A was one of them. */
static int global_action(struct ui *u, enum ui_action a)
{
	switch (a) {
	case UI_HELP:
		u->help = 1;
		u->help_top = 0;
		ui_resize(u, u->rows, u->cols);
		return 1;
	case UI_REDRAW:
		clearok(curscr, TRUE);
		return 1;
	case UI_GLOSSARY:
		ui_glossary_at_cursor(u);
		return 1;
	case UI_QUIT:
		quit(u);
		return 1;
#define GO_CASE(x, id, screen, key, label, help) case UI_GO_##id: ui_go(u, SCR_##id); return 1;
	UI_SCREENS(GO_CASE, 0)
#undef GO_CASE
	default:
		return 0;
	}
}

void ui_key(struct ui *u, int key)
{
	if (u->confirming) {
		confirm_key(u, key);
		return;
	}
	if (u->prompting) {
		free(u->message);
		u->message = NULL;
		prompt_key(u, key);
		return;
	}
	free(u->message);
	u->message = NULL;
	enum ui_action a = ui_action_for_key(keymap_now(u), key);
	if (u->help || u->glossary.open || !global_action(u, a))	/* an overlay takes every key */
		on_top(u)->act(u, a);
}

/* ---------- drawing ---------- */

static void draw_title(struct ui *u)
{
	const struct ui_rect *r = &u->layout.title;
	ui_fill(r->y, r->x, r->w, ROLE_TITLE);
	char *t;
	if (u->a != NULL) {
		const char *name = u->a->survey->details[DETAIL_NAME];
		t = str_printf("iotscope  %s", name ? name : "");
	} else {
		t = str_printf("iotscope  %s", _("MIC cloud guideline, Part IV (IoT)"));
	}
	char *right = NULL;
	enum ui_role role = ROLE_TITLE;
	if (u->npending > 0) {
		right = u->waiting ? str_printf(_("%zu WAITING to be saved"), u->npending) :
			str_printf(_("%zu NOT SAVED"), u->npending);
		role = ROLE_ERROR;
	} else if (u->a != NULL) {
		struct assessment_progress p;
		assessment_progress_with(u->a, u->cat, u->dv, &p);
		right = str_printf(_("survey %zu/%zu  reviewed %zu/%zu  checked %zu/%zu"),
				   p.answered, p.cells, p.reviewed, p.derived, p.checks_done, p.checks);
	}
	int rw = right ? ui_text_width(right) : 0;
	int tw = right && r->w - rw - 4 >= 24 ? r->w - rw - 4 : r->w - 2;
	ui_text_at(r->y, r->x + 1, tw, t ? t : "iotscope", ROLE_TITLE);
	if (right != NULL && tw < r->w - 2)
		ui_text_right(r->y, r->x, r->w - 1, right, role);
	free(t);
	free(right);
}

/* Tab S as shown: " 1 Assessments ", or "1 List " when SHORTER; the
 * last needs no space after it (the six full names then fit 80 columns). */
static char *tab_text(int s, int shorter)
{
	const char *name = shorter ? screens[s]->short_name : screens[s]->name;
	return str_printf(shorter ? "%s %s " : s == N_SCREENS - 1 ? " %s %s" : " %s %s ",
			  ui_key_name(tab_keys[s]), _(name));
}

/* The full names when all of them fit (and from 78 columns, where they
 * always began), else the short ones: a new screen needs no new rule. */
static int full_names_fit(int w)
{
	int used = 0;
	for (int s = 0; s < N_SCREENS && used <= w; s++) {
		char *t = tab_text(s, 0);
		used += t ? ui_text_width(t) : w + 1;
		free(t);
	}
	return w >= 78 && used <= w;
}

static void draw_tabs(struct ui *u)
{
	const struct ui_rect *r = &u->layout.tabs;
	int shorter = !full_names_fit(r->w), x = r->x;
	for (int s = 0; s < N_SCREENS && x < r->x + r->w; s++) {
		char *t = tab_text(s, shorter);
		if (t == NULL)
			continue;
		enum ui_role role = (enum ui_screen_id)s == u->screen ? ROLE_TAB_ACTIVE :
			(screens[s]->needs_assessment && u->a == NULL) ? ROLE_GREY : ROLE_TAB;
		x += ui_text_at(r->y, x, r->x + r->w - x, t, role);
		free(t);
	}
}

/* A y/n question: when it is wider than the row, its text is cut, never
 * the keys at its end ("(y/N)"), so the answer is always shown. */
static void draw_question(const struct ui_rect *r, const char *q)
{
	const char *keys = strrchr(q, '(');
	int kw = keys != NULL && q[strlen(q) - 1] == ')' ? ui_text_width(keys) : 0;
	if (kw == 0 || ui_text_width(q) <= r->w - 1 || kw + 4 > r->w) {
		ui_text_at(r->y, r->x, r->w, q, ROLE_NOTICE);
		return;
	}
	char *head = strndup(q, (size_t)(keys - q));
	char *cut = head ? ui_text_pad(head, r->w - kw - 2) : NULL;
	int x = ui_text_at(r->y, r->x, r->w - kw - 1, cut ? cut : "", ROLE_NOTICE);
	ui_text_at(r->y, r->x + x + 1, kw, keys, ROLE_NOTICE);
	free(head);
	free(cut);
}

/* One line of a multi-line note from buf[from] up to its end, in W
 * columns; where the cursor goes when it is on this line. */
static int draw_note_line(const struct ui_edit *e, int y, int x, int w, size_t from)
{
	int used = 0, cx = -1;
	move(y, x);
	size_t i = from;
	for (; i < e->len && e->buf[i] != L'\n'; i++) {
		int cw = ui_text_wcwidth(e->buf[i]);
		if (used + cw > w - 1)
			break;
		if (i == e->cur)
			cx = x + used;
		wchar_t c = e->buf[i] < L' ' || e->buf[i] == 0x7f ? L' ' : ui_text_shown(e->buf[i]);
		addnwstr(&c, 1);
		used += cw;
	}
	return i == e->cur ? x + used : cx;
}

/* The note being written, over the bottom of the body: its lines, the
 * cursor's line scrolled sideways to show the cursor. */
static void draw_note_box(struct ui *u)
{
	struct ui_edit *e = &u->edit;
	const struct ui_rect *b = &u->layout.body;
	size_t lines = ui_edit_lines(e), cl = ui_edit_cursor_line(e);
	int h = (int)lines + 1 < 4 ? 4 : (int)lines + 1;
	if (h > b->h / 2 + 1)
		h = b->h / 2 + 1;
	if (h > 12)
		h = 12;
	int rows = h - 1, y0 = b->y + b->h - h;
	if (cl < e->top)
		e->top = cl;
	if (cl >= e->top + (size_t)rows)
		e->top = cl - (size_t)rows + 1;
	char *rule = str_printf(_("─ note: line %zu of %zu "), cl + 1, lines);
	ui_fill(y0, b->x, b->w, ROLE_HEADING);
	ui_text_at(y0, b->x, b->w, rule ? rule : "", ROLE_HEADING);
	free(rule);
	int cy = y0 + 1, cx = b->x;
	for (int i = 0; i < rows; i++) {
		size_t line = e->top + (size_t)i;
		ui_fill(y0 + 1 + i, b->x, b->w, ROLE_NORMAL);
		if (line >= lines)
			continue;
		size_t from = ui_edit_line_start(e, line);
		if (line == cl)
			from = ui_edit_first_visible(e, b->w - 1);
		int x = draw_note_line(e, y0 + 1 + i, b->x + 1, b->w - 1, from);
		if (line == cl) {
			cy = y0 + 1 + i;
			cx = x >= 0 ? x : b->x + 1;
		}
	}
	move(cy, cx);
}

static void draw_message(struct ui *u)
{
	const struct ui_rect *r = &u->layout.message;
	if (u->prompting && u->edit.multiline) {
		if (!u->confirming)	/* what just happened, else what this is */
			ui_text_at(r->y, r->x, r->w, u->message ? u->message : u->prompt_label,
				   u->message && u->message_error ? ROLE_ERROR : ROLE_NOTICE);
		draw_note_box(u);	/* still shown while asking about it; the cursor */
	}
	if (u->confirming) {
		draw_question(r, u->confirm_label);
		return;
	}
	if (u->prompting && u->edit.multiline)
		return;
	if (u->prompting) {
		int lw = ui_text_at(r->y, r->x, r->w / 2, u->prompt_label, ROLE_NOTICE);
		int x = r->x + lw + 1, w = r->w - lw - 1;
		size_t first = ui_edit_first_visible(&u->edit, w);
		int used = 0, cx = x;
		move(r->y, x);
		for (size_t i = first; i < u->edit.len; i++) {
			int cw = ui_text_wcwidth(u->edit.buf[i]);
			if (used + cw > w - 1)
				break;
			if (i == u->edit.cur)
				cx = x + used;
			wchar_t c = ui_text_shown(u->edit.buf[i]);
			addnwstr(&c, 1);
			used += cw;
		}
		if (u->edit.cur >= u->edit.len || u->edit.cur < first)
			cx = x + used;
		move(r->y, cx);
		return;
	}
	if (u->message != NULL)
		ui_text_at(r->y, r->x, r->w, u->message,
			   u->message_error ? ROLE_ERROR : ROLE_MESSAGE);
}

static void draw_status(struct ui *u)
{
	const struct ui_rect *r = &u->layout.status;
	char *s = ui_status_line(keymap_now(u), r->w - 1);
	ui_text_pad_at(r->y, r->x, r->w, "", ROLE_STATUS);
	if (s != NULL)
		ui_text_at(r->y, r->x, r->w - 1, s, ROLE_STATUS);
	free(s);
}

static void draw_too_small(struct ui *u)
{
	char *t = str_printf(_("Terminal too small: %dx%d, needs at least %dx%d."), u->cols,
			     u->rows, UI_MIN_COLS, UI_MIN_ROWS);
	struct ui_rect r = { 0, 0, u->rows, u->cols };
	if (t != NULL && r.h > 0 && r.w > 0) {
		int n = ui_wrapped(&r, 0, t, ROLE_ERROR);
		if (n < r.h)
			ui_wrapped(&r, n, _("Enlarge the window, or press q to quit."), ROLE_NORMAL);
	}
	free(t);
}

void ui_draw(struct ui *u)
{
	erase();
	curs_set(0);
	if (u->layout.too_small) {
		draw_too_small(u);
		wnoutrefresh(stdscr);
		return;
	}
	draw_title(u);
	draw_tabs(u);
	on_top(u)->draw(u);
	ui_separator(&u->layout.sep);
	draw_status(u);
	draw_message(u);		/* last: it places the cursor when typing */
	if (u->prompting && !u->confirming)
		curs_set(1);
	wnoutrefresh(stdscr);
}

/* ---------- the loop ---------- */

/* The exit statuses ui_run returns (ui_run.h: the command line's). */
enum { UI_EXIT_OK = 0, UI_EXIT_FAILED = 1, UI_EXIT_USAGE = 2 };

static char *open_store(const struct ui_start *start, struct store **st)
{
	struct diag d = DIAG_INIT;
	char *path = start->db_path ? strdup(start->db_path) : paths_default_db(&d);
	char *who = start->assessor ? strdup(start->assessor) : store_login_name();
	if (path != NULL && who != NULL)
		*st = store_open(path, who, &d);
	if (*st == NULL)
		fprintf(stderr, "iotscope: %s\n", path == NULL || who == NULL ?
			(d.msg ? d.msg : _("out of memory")) : diag_msg(&d));
	diag_clear(&d);
	free(who);
	if (*st == NULL) {
		free(path);
		return NULL;
	}
	return path;
}

/* After an Esc: the rest of a sequence curses did not know (its bytes
 * follow within ESCDELAY), decoded whole; a lone Esc when nothing
 * follows in time (ui_keys.h).  0 for a sequence of no known key. */
static int read_escape(void)
{
	unsigned char seq[40];
	wint_t got[40];
	size_t n = 0;
	int key = 27;
	timeout(ui_term_escdelay());
	for (;;) {
		wint_t wc;
		int r = get_wch(&wc);
		if (r == ERR) {		/* nothing more in time */
			key = n == 0 ? 27 : 0;
			break;
		}
		if (r == KEY_CODE_YES) {	/* Alt and a key curses knows */
			key = UI_KEY_FN(ui_keys_normal((int)wc));
			break;
		}
		got[n] = wc;
		seq[n++] = wc < 0x80 ? (unsigned char)wc : 0xff;
		size_t used;
		enum keyseq_result res = ui_keyseq_decode(seq, n, &key, &used);
		if (res == KEYSEQ_MORE && n < sizeof seq)
			continue;
		if (res == KEYSEQ_NOT) {	/* Esc, then what was typed */
			while (n > 0)
				unget_wch(got[--n]);
			key = 27;
		} else if (res != KEYSEQ_KEY) {
			key = 0;
		}
		break;
	}
	timeout(UI_TICK_MS);
	return key;
}

/* A key, or ERR on timeout; KEY_RESIZE and function keys get UI_FN. */
static int read_key(void)
{
	wint_t wc;
	int r = get_wch(&wc);
	if (r == ERR)
		return ERR;
	if (r == KEY_CODE_YES && (int)wc > KEY_MAX) {	/* xterm's keys with modifiers */
		int k = ui_keys_by_name(keyname((int)wc));
		return k ? UI_KEY_FN(k) : 0;
	}
	if (r == KEY_CODE_YES)
		return UI_KEY_FN(ui_keys_normal((int)wc));
	return wc == 27 ? read_escape() : (int)wc;
}

static void loop(struct ui *u)
{
	int dirty = 1;
	while (!u->quit && ui_signal_caught() == 0) {
		if (dirty) {
			ui_draw(u);
			doupdate();
			dirty = 0;
		}
		int key = read_key();
		if (ui_signal_caught() != 0)
			break;
		if (key == ERR) {
			if (ui_input_gone())
				break;
			dirty = ui_tick(u);
			continue;
		}
		if (key == 0)		/* a sequence of no key we know: ignored */
			continue;
		dirty = 1;
		if (key == UI_KEY_FN(KEY_RESIZE))
			ui_resize(u, LINES, COLS);	/* the one place that relayouts */
		else if (u->layout.too_small && (key == 'q' || key == 'Q'))
			quit(u);
		else if (!u->layout.too_small)
			ui_key(u, key);
	}
}

int ui_run(const struct ui_start *start)
{
	int ambi = ui_ambiwidth_setting(start->ambiwidth, getenv("IOTSCOPE_AMBIWIDTH"));
	if (ambi < 0) {
		fprintf(stderr, "iotscope: %s\n", _("IOTSCOPE_AMBIWIDTH takes 1, 2 or auto"));
		return UI_EXIT_USAGE;
	}
	if (ui_term_refuse())
		return UI_EXIT_FAILED;
	struct store *st = NULL;
	char *db = open_store(start, &st);
	if (db == NULL)
		return UI_EXIT_FAILED;
	/* others may write the same database: wait for their lock only
	 * briefly, and keep a refused change to retry (ui_tick) */
	store_set_busy_wait(st, UI_BUSY_MS);
	struct ui *u = ui_new(start->cat, start->form, st, db, start->catalog_dir);
	if (u == NULL) {
		fprintf(stderr, "iotscope: %s\n", _("out of memory"));
		store_close(st);
		free(db);
		return UI_EXIT_FAILED;
	}
	if (store_data_version(st, &u->data_version) < 0)
		u->data_version = -1;
	ui_signals_install();
	int rc = UI_EXIT_FAILED;
	if (ambi == 0)			/* auto: ask the terminal, as vim does */
		ambi = ui_term_probe_ambiwidth();
	ui_text_set_ambiwide(ambi == 2);
	if (ui_term_start() == 0) {
		ui_resize(u, LINES, COLS);
		loop(u);
		ui_term_stop();
		rc = UI_EXIT_OK;
	}
	ui_signals_restore();
	int sig = ui_signal_caught();
	/* stopped by a signal: the refused changes get one more try */
	size_t lost = sig != 0 && u->npending > 0 ? ui_save_retry(u) : u->npending;
	ui_save_report(u, stderr);
	ui_free(u);
	store_close(st);
	free(db);
	if (sig != 0) {
		fprintf(stderr, "iotscope: %s (%s)\n", lost == 0 ?
			_("stopped by a signal; every change made before it was saved") :
			_("stopped by a signal; the changes above were NOT saved, every other "
			  "change was"), strsignal(sig));
		return 128 + sig;
	}
	return lost > 0 ? UI_EXIT_FAILED : rc;
}
