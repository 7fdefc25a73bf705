/* test_ui.c - the workbench's view logic without a terminal: display
 * width and wrapping, layout, key tables, cursor movement over the
 * Fig. 16 template, what a key does to a cell, the countermeasure list
 * and its filters, the line editor.  Expected values worked out by hand
 * from forms/fig16.xml and tests/expected_examples.h. */
#include "config.h"

#include <locale.h>

#include "testutil.h"
#include "derive.h"
#include "expected_examples.h"
#include "survey.h"
#include "ui_action.h"
#include "ui_cmlist.h"
#include "ui_curses.h"
#include "ui_edit.h"
#include "ui_grid.h"
#include "ui_keys.h"
#include "ui_layout.h"
#include "ui_model.h"
#include "ui_path.h"
#include "ui_text.h"

/* ---------- text ---------- */

static void test_width(void **st)
{
	(void)st;
	assert_int_equal(ui_text_width("abc"), 3);
	assert_int_equal(ui_text_width("日本語"), 6);
	assert_int_equal(ui_text_width("A日"), 3);
	assert_int_equal(ui_text_width("\xff"), 1);		/* invalid byte: '?' */
	assert_int_equal(ui_text_width("\xe6\x97"), 2);	/* cut sequence: 2 x '?' */
	assert_int_equal(ui_text_width("a\tb"), 3);		/* control: a space */
	assert_int_equal(ui_text_width(""), 0);
}

/* What reaches the terminal: never a control, never a bidi control that
 * would reorder the row and shift its right border (U+202E RLO, U+2066
 * LRI, U+009B the 8-bit CSI). */
static void test_unsafe_shown(void **st)
{
	(void)st;
	static const char *const unsafe[] = { "\xe2\x80\xae", "\xe2\x81\xa6", "\xe2\x80\x8f" };
	for (size_t i = 0; i < sizeof unsafe / sizeof *unsafe; i++) {
		wchar_t wc = 0;
		assert_int_equal(ui_text_next(unsafe[i], strlen(unsafe[i]), &wc), 3);
		assert_int_equal(wc, L'?');
	}
	wchar_t wc = 0;
	assert_int_equal(ui_text_next("\xc2\x9b", 2, &wc), 2);
	assert_int_equal(wc, L' ');
	/* one column each, so the row keeps its width */
	assert_int_equal(ui_text_width("ab\xe2\x80\xae" "cd"), 5);
}

/* The Annex filter, status by status (what an auditor works through:
 * first the unchecked, then what was found wanting). */
static void test_annex_filter(void **st)
{
	(void)st;
	static const int want[N_ANNEX_FILTERS][N_CHECK_STATUSES] = {
		/*               none impl partly not  n/a */
		[AF_ALL]         = { 1, 1, 1, 1, 1 },
		[AF_NOT_CHECKED] = { 1, 0, 0, 0, 0 },
		[AF_OPEN]        = { 0, 0, 1, 1, 0 },
		[AF_IMPLEMENTED] = { 0, 1, 0, 0, 0 },
		[AF_NA]          = { 0, 0, 0, 0, 1 },
	};
	for (int f = 0; f < N_ANNEX_FILTERS; f++)
		for (int s = 0; s < N_CHECK_STATUSES; s++)
			if (ui_annex_filter_passes((enum annex_filter)f, (enum check_status)s) !=
			    want[f][s])
				fail_msg("filter %d, status %d", f, s);
	assert_string_equal(ui_annex_filter_label(AF_OPEN), "not or partly implemented");
}

static void test_fit(void **st)
{
	(void)st;
	int used = -1;
	/* 5 columns hold two 2-column characters, never half of the third */
	assert_int_equal(ui_text_fit("日本語", 5, &used), 6);
	assert_int_equal(used, 4);
	assert_int_equal(ui_text_fit("日本語", 1, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(ui_text_fit("ab日", 3, &used), 2);
}

static void check_shape(char *got, const char *want)
{
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_pad_trunc(void **st)
{
	(void)st;
	check_shape(ui_text_pad("ab", 4), "ab  ");
	check_shape(ui_text_pad("日本語", 5), "日本…");
	check_shape(ui_text_pad("日本語", 4), "日… ");		/* no half character */
	check_shape(ui_text_pad("日本語", 6), "日本語");
	check_shape(ui_text_pad("abc", 0), "");
	check_shape(ui_text_trunc("abcdef", 4), "abc…");
	check_shape(ui_text_trunc("abc", 4), "abc");
	char *p = ui_text_pad("IoT 機器（組込み）", 9);
	assert_int_equal(ui_text_width(p), 9);
	free(p);
}

/* Wrap S at COLS and compare with the NULL-terminated WANT. */
static void check_wrap(const char *s, int cols, const char *const *want)
{
	struct ui_lines l = { 0 };
	assert_int_equal(ui_wrap(s, cols, &l), 0);
	size_t n = 0;
	while (want[n] != NULL)
		n++;
	for (size_t i = 0; i < l.n && i < n; i++) {
		char *got = strndup(s + l.v[i].off, l.v[i].len);
		if (strcmp(got, want[i]) != 0)
			fail_msg("line %zu: '%s', expected '%s'", i, got, want[i]);
		assert_true(l.v[i].width <= cols);
		assert_int_equal(l.v[i].width, ui_text_width(got));
		free(got);
	}
	assert_int_equal(l.n, n);
	ui_lines_free(&l);
}

static void test_wrap(void **st)
{
	(void)st;
	check_wrap("日本語のテキスト", 6,
		   (const char *const[]){ "日本語", "のテキ", "スト", NULL });
	/* 。 never starts a line: う moves down with it */
	check_wrap("あいう。えお", 6, (const char *const[]){ "あい", "う。え", "お", NULL });
	/* an odd width never cuts a character */
	check_wrap("日本語", 5, (const char *const[]){ "日本", "語", NULL });
	check_wrap("the quick brown fox", 10,
		   (const char *const[]){ "the quick", "brown fox", NULL });
	check_wrap("IoT 機器", 5, (const char *const[]){ "IoT", "機器", NULL });
	check_wrap("abcdefghij", 4, (const char *const[]){ "abcd", "efgh", "ij", NULL });
	check_wrap("a\n\nb", 10, (const char *const[]){ "a", "", "b", NULL });
	/* 「 stays with what it opens, 」 with what it closes */
	check_wrap("あい「うえ」", 6, (const char *const[]){ "あい", "「う", "え」", NULL });
	check_wrap("", 10, (const char *const[]){ NULL });
}

/* Wrap S at COLS with hanging lines: WANT is text, indent, text, ...
 * ended by NULL (the indents as strings of digits). */
static void check_hang(const char *s, int cols, const char *const *want)
{
	struct ui_lines l = { 0 };
	assert_int_equal(ui_wrap_hanging(s, cols, &l), 0);
	size_t n = 0;
	while (want[2 * n] != NULL)
		n++;
	assert_int_equal(l.n, n);
	for (size_t i = 0; i < n; i++) {
		char *got = strndup(s + l.v[i].off, l.v[i].len);
		if (strcmp(got, want[2 * i]) != 0 || l.v[i].indent != atoi(want[2 * i + 1]))
			fail_msg("line %zu: '%s' at %d, expected '%s' at %s", i, got,
				 l.v[i].indent, want[2 * i], want[2 * i + 1]);
		assert_true(l.v[i].indent + l.v[i].width <= cols);
		free(got);
	}
	ui_lines_free(&l);
}

/* A best practice wraps under its text, past "  i. " (2 spaces, the
 * mark, a space: 5 columns), as the guideline prints its lists. */
static void test_wrap_hanging(void **st)
{
	(void)st;
	/* 5 + 3 wide characters = 11 of 12; then 7 columns: 3 each */
	check_hang("  i. あいうえおかきく", 12,
		   (const char *const[]){ "  i. あいう", "0", "えおか", "5", "きく", "5", NULL });
	/* each text line starts at 0; "a)" hangs its own wrapped line */
	check_hang("ベスト:\n  a) one two three", 12,
		   (const char *const[]){ "ベスト:", "0", "  a) one two", "0", "three", "5", NULL });
	/* leading spaces alone hang too: 目的 is no list mark */
	check_hang("    目的: あいうえおかき", 14,
		   (const char *const[]){ "    目的: あい", "0", "うえおかき", "4", NULL });
	/* a clause or item number is no list mark */
	check_hang("II.1.1.1 あいうえ", 10,
		   (const char *const[]){ "II.1.1.1", "0", "あいうえ", "0", NULL });
	/* never more than half the width: 11 of 10 columns hangs nothing */
	check_hang("        i. ab", 10,
		   (const char *const[]){ "        i.", "0", "ab", "0", NULL });
	/* ui_wrap itself never hangs: the 10 columns of えおかきく fit in 12 */
	struct ui_lines l = { 0 };
	assert_int_equal(ui_wrap("  i. あいうえおかきく", 12, &l), 0);
	assert_int_equal(l.n, 2);
	assert_int_equal(l.v[1].indent, 0);
	ui_lines_free(&l);
}

/* ---------- layout ---------- */

static void check_layout(int rows, int cols, int pane, const char *want)
{
	struct ui_layout l;
	ui_layout_compute(&l, rows, cols, pane);
	char *got = ui_layout_describe(&l);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_layout(void **st)
{
	(void)st;
	/* 24 rows: 2 top, 2 bottom, 20 body = 13 + separator + 6 (20 / 3) */
	check_layout(24, 80, 1, "24x80 pane below; title 0,0 1x80; tabs 1,0 1x80; "
		     "body 2,0 13x80; sep 15,0 1x80; pane 16,0 6x80; message 22,0 1x80; "
		     "status 23,0 1x80");
	check_layout(24, 80, 0, "24x80 no pane; title 0,0 1x80; tabs 1,0 1x80; "
		     "body 2,0 20x80; message 22,0 1x80; status 23,0 1x80");
	/* 120 columns: the pane goes right, a third of the width */
	check_layout(40, 120, 1, "40x120 pane right; title 0,0 1x120; tabs 1,0 1x120; "
		     "body 2,0 36x79; sep 2,79 36x1; pane 2,80 36x40; message 38,0 1x120; "
		     "status 39,0 1x120");
	/* 60x20 still works: body 16 = 10 + 1 + 5 */
	check_layout(20, 60, 1, "20x60 pane below; title 0,0 1x60; tabs 1,0 1x60; "
		     "body 2,0 10x60; sep 12,0 1x60; pane 13,0 5x60; message 18,0 1x60; "
		     "status 19,0 1x60");
	check_layout(15, 60, 1, "too small 15x60");
	check_layout(24, 59, 1, "too small 24x59");
	check_layout(0, 0, 1, "too small 0x0");
}

/* ---------- keys ---------- */

static void test_keys(void **st)
{
	(void)st;
	assert_int_equal(ui_keymap_conflicts(), 0);
	assert_int_equal(ui_action_for_key(KM_SURVEY, 'o'), UI_ANSWER_YES);
	assert_int_equal(ui_action_for_key(KM_SURVEY, 'x'), UI_ANSWER_NO);
	assert_int_equal(ui_action_for_key(KM_SURVEY, ' '), UI_ANSWER_CYCLE);
	assert_int_equal(ui_action_for_key(KM_SURVEY, '\n'), UI_ACTIVATE);
	assert_int_equal(ui_action_for_key(KM_SURVEY, 'j'), UI_DOWN);
	assert_int_equal(ui_action_for_key(KM_SURVEY, 'l'), UI_RIGHT);
	assert_int_equal(ui_action_for_key(KM_SURVEY, '\t'), UI_NEXT_BLOCK);
	assert_int_equal(ui_action_for_key(KM_SURVEY, UI_KEY_FN(KEY_BTAB)), UI_PREV_BLOCK);
	/* global keys reach every screen ... */
	assert_int_equal(ui_action_for_key(KM_SURVEY, 'q'), UI_BACK);
	assert_int_equal(ui_action_for_key(KM_CMS, UI_KEY_FN(KEY_F(1))), UI_HELP);
	assert_int_equal(ui_action_for_key(KM_ANNEX, '3'), UI_GO_CMS);
	/* ... unless the screen takes the key over */
	assert_int_equal(ui_action_for_key(KM_LIST, 'q'), UI_QUIT);
	assert_int_equal(ui_action_for_key(KM_HELP, '1'), UI_NONE);
	/* a typed character above 0xff is not a function key */
	assert_int_equal(ui_action_for_key(KM_SURVEY, KEY_DOWN), UI_NONE);
	assert_string_equal(ui_key_name('q'), "q");
	assert_string_equal(ui_key_name(' '), "Space");
	assert_string_equal(ui_key_name(UI_KEY_FN(KEY_UP)), "Up");
	assert_string_equal(ui_key_name(12), "^L");
	assert_string_equal(ui_key_name('~'), "~");
}

static void test_status_line(void **st)
{
	(void)st;
	char *s = ui_status_line(KM_SURVEY, 80);
	assert_non_null(s);
	/* help and back first, then the screen's own hints */
	assert_int_equal(strncmp(s, "?:help  q:back  o:○  x:×  Space:cycle", 38), 0);
	assert_true(ui_text_width(s) <= 80);
	free(s);
	s = ui_status_line(KM_SURVEY, 20);
	assert_string_equal(s, "?:help  q:back  o:○");
	free(s);
	/* the list has quit, not back */
	s = ui_status_line(KM_LIST, 200);
	assert_null(strstr(s, "q:back"));
	assert_non_null(strstr(s, "q:quit"));
	free(s);
}

static const struct ui_help_line *help_find(const struct ui_help_line *h, size_t n,
					    enum ui_action a)
{
	for (size_t i = 0; i < n; i++)
		if (h[i].action == a)
			return &h[i];
	return NULL;
}

static void test_help(void **st)
{
	(void)st;
	struct ui_help_line *h;
	size_t n;
	assert_int_equal(ui_help_lines(KM_SURVEY, &h, &n), 0);
	const struct ui_help_line *l = help_find(h, n, UI_ANSWER_YES);
	assert_non_null(l);
	assert_string_equal(l->keys, "o O");
	assert_int_equal(l->global, 0);
	l = help_find(h, n, UI_DOWN);
	assert_string_equal(l->keys, "Down j");
	l = help_find(h, n, UI_ACTIVATE);
	assert_string_equal(l->keys, "Enter");		/* \n, \r, KEY_ENTER: once */
	l = help_find(h, n, UI_GO_CMS);			/* the screen's own '3' */
	assert_int_equal(l->global, 0);
	l = help_find(h, n, UI_HELP);
	assert_string_equal(l->keys, "? F1");
	assert_int_equal(l->global, 1);
	ui_help_lines_free(h, n);
	/* on the list, q quits: the global back has no key left */
	assert_int_equal(ui_help_lines(KM_LIST, &h, &n), 0);
	assert_null(help_find(h, n, UI_BACK));
	assert_string_equal(help_find(h, n, UI_QUIT)->keys, "q");
	ui_help_lines_free(h, n);
}

/* ---------- the survey grid (forms/fig16.xml) ---------- */

/* Rows, counted by hand from fig16.xml: (ア) group 0; contract 1;
 * provide subhead 2, lines 3-11; recommend subhead 12, lines 13-18;
 * config 19; partners fixed 20, data-content 21, subhead 22, delegate
 * a-k 23-33; data-watch 34; (イ) group 35; execute a-k 36-46 (no
 * subhead: the item is the block label); external group 47, lines
 * 48-51; details heading 52, 11 details 53-63; pattern 64. */
enum { R_PROVIDE_IOT = 3, R_RECOMMEND_IOT = 13, R_DATA_CONTENT = 21, R_DELEGATE_A = 23,
       R_DELEGATE_B = 24, R_DELEGATE_K = 33, R_EXECUTE_A = 36, R_EXECUTE_K = 46,
       R_EXTERNAL_1 = 48, R_EXTERNAL_4 = 51, R_NAME = 53, R_AVAILABILITY = 63, N_ROWS = 65 };

static void test_grid_rows(void **st)
{
	(void)st;
	struct ui_grid g;
	assert_int_equal(ui_grid_build(tu_form, &g), 0);
	assert_int_equal(g.nrows, N_ROWS);
	assert_int_equal(g.rows[0].kind, GRID_GROUP);
	assert_int_equal(g.rows[2].kind, GRID_SUBHEAD);
	assert_int_equal(g.rows[22].kind, GRID_SUBHEAD);
	assert_int_equal(g.rows[35].kind, GRID_GROUP);
	assert_int_equal(g.rows[52].kind, GRID_DETAILS);
	assert_int_equal(g.rows[R_NAME].detail, DETAIL_NAME);
	assert_int_equal(g.rows[64].kind, GRID_PATTERN);
	const struct form_cell *c = ui_grid_cell(tu_form, &g.rows[R_DELEGATE_B], 2);
	assert_non_null(c);
	assert_int_equal(c->type, FCELL_MIRROR);
	assert_int_equal(c->needs, form_cell_index(tu_form, "data-content"));
	c = ui_grid_cell(tu_form, &g.rows[R_DELEGATE_B], 1);
	assert_string_equal(tu_form->cells[c->cell].id, "delegate.b");
	c = ui_grid_cell(tu_form, &g.rows[1], 0);
	assert_int_equal(c->type, FCELL_FIXED);
	assert_null(ui_grid_cell(tu_form, &g.rows[R_DELEGATE_K], 2));	/* k: no C cell */
	/* the provide block: subhead + 9 lines; its label runs down them */
	assert_int_equal(g.rows[R_PROVIDE_IOT].block_rows, 10);
	assert_int_equal(g.rows[R_PROVIDE_IOT].block_row, 1);
	ui_grid_free(&g);
}

static void expect_move(const struct ui_grid *g, struct grid_cursor *c, enum ui_action a,
			int page, size_t row, int column)
{
	ui_grid_move(g, tu_form, c, a, page);
	if (c->row != row || c->column != column)
		fail_msg("action %d: at %zu,%d, expected %zu,%d", a, c->row, c->column, row,
			 column);
}

static void test_grid_moves(void **st)
{
	(void)st;
	struct ui_grid g;
	assert_int_equal(ui_grid_build(tu_form, &g), 0);
	struct grid_cursor c;
	assert_int_equal(ui_grid_home(&g, tu_form, &c), 0);
	assert_int_equal(c.row, R_PROVIDE_IOT);		/* the fixed ○ is skipped */
	assert_int_equal(c.column, 1);
	expect_move(&g, &c, UI_UP, 1, R_PROVIDE_IOT, 1);	/* nothing above */
	expect_move(&g, &c, UI_DOWN, 1, R_PROVIDE_IOT + 1, 1);
	expect_move(&g, &c, UI_PAGE_DOWN, 5, R_PROVIDE_IOT + 6, 1);
	expect_move(&g, &c, UI_NEXT_BLOCK, 1, R_RECOMMEND_IOT, 1);
	/* config has only a fixed ○: Tab goes on to partners' first cell, in C */
	expect_move(&g, &c, UI_NEXT_BLOCK, 1, R_DATA_CONTENT, 2);
	/* down to delegate a: its C cell is a mirror, so the cursor goes to B */
	expect_move(&g, &c, UI_DOWN, 1, R_DELEGATE_A, 1);
	expect_move(&g, &c, UI_RIGHT, 1, R_DELEGATE_A, 1);
	expect_move(&g, &c, UI_UP, 1, R_DATA_CONTENT, 2);
	expect_move(&g, &c, UI_LEFT, 1, R_DATA_CONTENT, 2);
	c.row = R_DELEGATE_K;
	c.column = 1;
	/* data-watch shows a mirror only: down goes to (イ) execute a */
	expect_move(&g, &c, UI_DOWN, 1, R_EXECUTE_A, 1);
	expect_move(&g, &c, UI_PREV_BLOCK, 1, R_DATA_CONTENT, 2);
	c.row = R_EXECUTE_K;
	c.column = 1;
	expect_move(&g, &c, UI_DOWN, 1, R_EXTERNAL_1, 2);
	c.row = R_EXTERNAL_4;
	expect_move(&g, &c, UI_DOWN, 1, R_NAME, 2);
	expect_move(&g, &c, UI_PREV_BLOCK, 1, R_EXTERNAL_1, 2);
	expect_move(&g, &c, UI_END, 1, R_AVAILABILITY, 2);
	expect_move(&g, &c, UI_DOWN, 1, R_AVAILABILITY, 2);	/* the pattern row is shown only */
	expect_move(&g, &c, UI_HOME, 1, R_PROVIDE_IOT, 1);
	ui_grid_free(&g);
}

static void test_answer_keys(void **st)
{
	(void)st;
	assert_int_equal(ui_answer_after(ANSWER_OPEN, UI_ANSWER_CYCLE), ANSWER_YES);
	assert_int_equal(ui_answer_after(ANSWER_YES, UI_ANSWER_CYCLE), ANSWER_NO);
	assert_int_equal(ui_answer_after(ANSWER_NO, UI_ANSWER_CYCLE), ANSWER_OPEN);
	assert_int_equal(ui_answer_after(ANSWER_NO, UI_ACTIVATE), ANSWER_OPEN);
	assert_int_equal(ui_answer_after(ANSWER_OPEN, UI_ANSWER_YES), ANSWER_YES);
	assert_int_equal(ui_answer_after(ANSWER_YES, UI_ANSWER_NO), ANSWER_NO);
	assert_int_equal(ui_answer_after(ANSWER_NO, UI_ANSWER_CLEAR), ANSWER_OPEN);
	assert_int_equal(ui_answer_after(ANSWER_YES, UI_DOWN), ANSWER_YES);
	/* a key on a survey cell, through the key table */
	enum answer a = ANSWER_OPEN;
	const int keys[] = { ' ', ' ', 'o', 'x', '-', '\n' };
	const enum answer after[] = { ANSWER_YES, ANSWER_NO, ANSWER_YES, ANSWER_NO,
				      ANSWER_OPEN, ANSWER_YES };
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		a = ui_answer_after(a, ui_action_for_key(KM_SURVEY, keys[i]));
		assert_int_equal(a, after[i]);
	}
}

static void test_cell_look(void **st)
{
	(void)st;
	struct ui_grid g;
	assert_int_equal(ui_grid_build(tu_form, &g), 0);
	struct survey *s = survey_new(tu_form);
	struct diag d = DIAG_INIT;
	enum answer shown;
	const struct form_cell *fixed = ui_grid_cell(tu_form, &g.rows[1], 0);
	assert_int_equal(ui_cell_look(tu_form, s, fixed, &shown), LOOK_FIXED);
	assert_int_equal(shown, ANSWER_YES);
	const struct form_cell *mb = ui_grid_cell(tu_form, &g.rows[R_DELEGATE_B], 2);
	const struct form_cell *ma = ui_grid_cell(tu_form, &g.rows[R_DELEGATE_A], 2);
	assert_int_equal(survey_set(s, "delegate.b", ANSWER_YES, &d), 0);
	/* data-content not answered: b's C cell does not apply yet */
	assert_int_equal(ui_cell_look(tu_form, s, mb, &shown), LOOK_GREY);
	assert_int_equal(ui_cell_look(tu_form, s, ma, &shown), LOOK_MIRROR);
	assert_int_equal(shown, ANSWER_OPEN);
	assert_int_equal(survey_set(s, "data-content", ANSWER_YES, &d), 0);
	assert_int_equal(ui_cell_look(tu_form, s, mb, &shown), LOOK_MIRROR);
	assert_int_equal(shown, ANSWER_YES);			/* 同左: same as B */
	assert_int_equal(survey_set(s, "data-content", ANSWER_NO, &d), 0);
	assert_int_equal(ui_cell_look(tu_form, s, mb, &shown), LOOK_GREY);
	const struct form_cell *b = ui_grid_cell(tu_form, &g.rows[R_DELEGATE_B], 1);
	assert_int_equal(ui_cell_look(tu_form, s, b, &shown), LOOK_ANSWER);
	survey_free(s);
	ui_grid_free(&g);
}

/* ---------- the countermeasure list ---------- */

/* expected_case2 per viewpoint, counted from the hand-worked list */
static void expected_counts(size_t per_vp[N_VIEWPOINTS])
{
	memset(per_vp, 0, N_VIEWPOINTS * sizeof *per_vp);
	for (size_t i = 0; expected_case2[i] != NULL; i++)
		per_vp[expected_case2[i][0] - 'A']++;
}

static void test_cmlist_case2(void **st)
{
	(void)st;
	struct survey *s = tu_example("case2");
	struct derivation *dv = derive(tu_catalog, s);
	assert_non_null(dv);
	size_t per_vp[N_VIEWPOINTS];
	expected_counts(per_vp);
	struct ui_cmlist l;
	assert_int_equal(ui_cmlist_build(&l, tu_catalog, dv, NULL, NULL), 0);
	assert_int_equal(l.derived, 61);
	assert_int_equal(l.dropped, 0);
	assert_int_equal(l.nrows, 61 + 3);
	size_t r = 0;
	for (int vp = 0; vp < N_VIEWPOINTS; vp++) {
		assert_int_equal(l.rows[r].kind, CMROW_HEADER);
		assert_int_equal(l.rows[r].derived, per_vp[vp]);
		r += 1 + l.rows[r].shown;
	}
	/* the items in the hand-worked order */
	size_t k = 0;
	for (r = 0; r < l.nrows; r++)
		if (l.rows[r].kind == CMROW_ITEM)
			assert_string_equal(tu_catalog->cms[l.entries[l.rows[r].entry].cm].id,
					    expected_case2[k++]);
	/* C-2-own is item 52 of expected_case2 (0-based), after the A, B and
	 * C headers: row 55 */
	assert_int_equal(ui_cmlist_find(&l, catalog_cm_index(tu_catalog, "C-2-own")), 55);
	assert_int_equal(ui_cmlist_find(&l, catalog_cm_index(tu_catalog, "C-5-own")), -1);
	ui_cmlist_free(&l);
	derivation_free(dv);
	survey_free(s);
}

/* What keeps a review of a countermeasure no longer derived on the list
 * is the core's rule (assessment_review_written): a decision, or a note
 * or an action state or note, an empty note included.  Case 2 derives
 * none of B-44 (計測/駆動 not run), B-IoT-2 (IoT 機器 not provided),
 * C-5-del and C-5-own (no external data). */
static void test_cmlist_written(void **st)
{
	(void)st;
	struct survey *s = tu_example("case2");
	struct derivation *dv = derive(tu_catalog, s);
	assert_non_null(dv);
	struct action_review untouched = { .key = (char *)"1" };
	struct action_review noted = { .key = (char *)"1", .note = (char *)"checked" };
	struct cm_review reviews[4] = {
		{ .cm = (char *)"B-44", .note = (char *)"" },		/* empty note */
		{ .cm = (char *)"B-IoT-2", .actions = &untouched, .nactions = 1 },
		{ .cm = (char *)"C-5-del", .actions = &noted, .nactions = 1 },
		{ .cm = (char *)"C-5-own", .note = (char *)"asked the vendor" },
	};
	struct assessment a = { .survey = s, .reviews = reviews, .nreviews = 4 };
	struct ui_cmlist l;
	assert_int_equal(ui_cmlist_build(&l, tu_catalog, dv, &a, NULL), 0);
	assert_int_equal(l.derived, 61);
	assert_int_equal(l.dropped, 3);			/* all but B-IoT-2 */
	assert_int_equal(l.nrows, 61 + 3 + 3);
	assert_int_equal(ui_cmlist_find(&l, catalog_cm_index(tu_catalog, "B-IoT-2")), -1);
	/* in catalog order among the derived (expected_case2's order): B-44
	 * after B-35, item 25 of B, row 1 + 14 + 1 + 25 = 41; C-5-own and
	 * C-5-del after C-4-del: C header at 52 + 1 (B-44), then C-1-own 54
	 * .. C-4-del 61, C-5-own 62, C-5-del 63 */
	const char *kept[3] = { "B-44", "C-5-del", "C-5-own" };
	const long kept_row[3] = { 41, 63, 62 };
	for (int i = 0; i < 3; i++) {
		long row = ui_cmlist_find(&l, catalog_cm_index(tu_catalog, kept[i]));
		assert_int_equal(row, kept_row[i]);
		const struct cm_entry *e = &l.entries[l.rows[row].entry];
		assert_null(e->item);			/* shown as dropped out */
		assert_int_equal(e->decision, DECISION_NONE);
		assert_int_equal(e->done, 0);
	}
	ui_cmlist_free(&l);
	/* the title bar and the list's summary count the same */
	struct assessment_progress p;
	assessment_progress_with(&a, tu_catalog, dv, &p);
	assert_int_equal(p.derived, 61);
	assert_int_equal(p.reviewed, 0);
	assert_int_equal(p.dropped, 3);
	derivation_free(dv);
	survey_free(s);
}

static void test_cmlist_filters(void **st)
{
	(void)st;
	struct survey *s = tu_example("case2");
	struct derivation *dv = derive(tu_catalog, s);
	size_t per_vp[N_VIEWPOINTS];
	expected_counts(per_vp);
	/* B-1 to do; B-IoT-2 reviewed earlier, not derived by case 2 */
	struct cm_review reviews[2] = {
		{ .cm = (char *)"B-1", .decision = DECISION_TODO },
		{ .cm = (char *)"B-IoT-2", .decision = DECISION_IN_PLACE },
	};
	struct assessment a = { .survey = s, .reviews = reviews, .nreviews = 2 };
	struct ui_cmlist l;
	struct cm_filter f = { CMF_ALL, 1, NULL };
	assert_int_equal(ui_cmlist_build(&l, tu_catalog, dv, &a, &f), 0);
	assert_int_equal(l.dropped, 1);
	assert_int_equal(l.nrows, 1 + per_vp[1] + 1);		/* B header, B items, B-IoT-2 */
	assert_int_equal(l.rows[0].derived, per_vp[1]);
	ui_cmlist_free(&l);

	f = (struct cm_filter){ DECISION_TODO, CMF_ALL, NULL };
	assert_int_equal(ui_cmlist_build(&l, tu_catalog, dv, &a, &f), 0);
	assert_int_equal(l.shown, 1);
	assert_int_equal(l.nrows, 4);
	assert_int_equal(ui_cmlist_find(&l, catalog_cm_index(tu_catalog, "B-1")), 2);
	ui_cmlist_free(&l);

	f = (struct cm_filter){ DECISION_NONE, CMF_ALL, NULL };
	assert_int_equal(ui_cmlist_build(&l, tu_catalog, dv, &a, &f), 0);
	assert_int_equal(l.shown, 60);				/* 61 less B-1 */
	ui_cmlist_free(&l);

	f = (struct cm_filter){ CMF_DROPPED, CMF_ALL, NULL };
	assert_int_equal(ui_cmlist_build(&l, tu_catalog, dv, &a, &f), 0);
	assert_int_equal(l.shown, 1);
	long row = ui_cmlist_find(&l, catalog_cm_index(tu_catalog, "B-IoT-2"));
	assert_int_equal(l.nrows, 4);		/* the A, B, C headers and B-IoT-2 */
	assert_int_equal(row, 2);
	assert_null(l.entries[l.rows[row].entry].item);
	ui_cmlist_free(&l);

	/* search: by number, case-insensitively, and in the title */
	f = (struct cm_filter){ CMF_ALL, CMF_ALL, "b-61" };
	assert_int_equal(ui_cmlist_build(&l, tu_catalog, dv, &a, &f), 0);
	assert_int_equal(l.shown, 1);
	ui_cmlist_free(&l);
	const struct cat_cm *c2 = &tu_catalog->cms[catalog_cm_index(tu_catalog, "C-2-own")];
	f = (struct cm_filter){ CMF_ALL, 2, c2->title };
	assert_int_equal(ui_cmlist_build(&l, tu_catalog, dv, &a, &f), 0);
	/* C-2-own and C-2-del share the title データの内容・精度
	 * (catalog/countermeasures-C.xml): the C header, then the two */
	assert_int_equal(l.shown, 2);
	assert_int_equal(ui_cmlist_find(&l, c2 - tu_catalog->cms), 1);
	ui_cmlist_free(&l);

	/* the search looks at the actions too: only A-5's second action
	 * (catalog/countermeasures-A.xml) says 通信ゲートウェイ */
	const struct cat_cm *a5 = &tu_catalog->cms[catalog_cm_index(tu_catalog, "A-5")];
	assert_true(ui_cm_matches(a5, "通信ゲートウェイ"));
	assert_null(strstr(a5->text, "通信ゲートウェイ"));
	assert_true(ui_cm_matches(a5, "a-5"));			/* any case */
	assert_false(ui_cm_matches(a5, "ゲートウェイ認証"));
	assert_true(ui_cm_matches(a5, ""));

	assert_int_equal(ui_filter_next_decision(CMF_ALL), DECISION_NONE);
	assert_int_equal(ui_filter_next_decision(DECISION_LATER), CMF_DROPPED);
	assert_int_equal(ui_filter_next_decision(CMF_DROPPED), CMF_ALL);
	assert_int_equal(ui_filter_next_viewpoint(2), CMF_ALL);
	derivation_free(dv);
	survey_free(s);
}

/* ---------- reviews and checklists ---------- */

static void test_effects(void **st)
{
	(void)st;
	assert_int_equal(ui_decision_after(DECISION_NONE, UI_DECIDE_CYCLE), DECISION_TODO);
	assert_int_equal(ui_decision_after(DECISION_LATER, UI_DECIDE_CYCLE), DECISION_NONE);
	assert_int_equal(ui_decision_after(DECISION_TODO, UI_DECIDE_NA),
			 DECISION_NOT_APPLICABLE);
	assert_int_equal(ui_decision_after(DECISION_TODO, UI_DECIDE_CLEAR), DECISION_NONE);
	assert_int_equal(ui_action_state_after(ACTION_NONE, UI_STATE_CYCLE), ACTION_DONE);
	assert_int_equal(ui_action_state_after(ACTION_NOT_APPLICABLE, UI_STATE_CYCLE),
			 ACTION_NONE);
	assert_int_equal(ui_check_after(CHECK_NONE, UI_STATUS_CYCLE), CHECK_IMPLEMENTED);
	assert_int_equal(ui_check_after(CHECK_NOT_APPLICABLE, UI_STATUS_CYCLE), CHECK_NONE);
	assert_int_equal(ui_check_after(CHECK_NONE, UI_STATUS_PARTLY), CHECK_PARTLY);
	assert_int_equal(ui_action_for_key(KM_CM_DETAIL, ' '), UI_STATE_CYCLE);
	assert_int_equal(ui_action_for_key(KM_ANNEX, 'x'), UI_STATUS_NOT);
	/* one meaning per key (issue 10): n/N repeat the search and a is
	 * "not applicable" on the countermeasures, their detail and the
	 * Annexes alike; / searches on all three */
	const enum ui_keymap content[] = { KM_CMS, KM_CM_DETAIL, KM_ANNEX };
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(ui_action_for_key(content[i], 'n'), UI_SEARCH_NEXT);
		assert_int_equal(ui_action_for_key(content[i], 'N'), UI_SEARCH_PREV);
		enum ui_action na = ui_action_for_key(content[i], 'a');
		assert_true(na == UI_DECIDE_NA || na == UI_STATUS_NA);
	}
	assert_int_equal(ui_action_for_key(KM_CMS, '/'), UI_SEARCH);
	assert_int_equal(ui_action_for_key(KM_ANNEX, '/'), UI_SEARCH);
	assert_int_equal(ui_action_for_key(KM_CM_DETAIL, 'J'), UI_NEXT_ITEM);
	assert_int_equal(ui_action_for_key(KM_CM_DETAIL, 'K'), UI_PREV_ITEM);
	assert_int_equal(ui_keymap_conflicts(), 0);
}

static void test_annex_progress(void **st)
{
	(void)st;
	struct check_entry checks[2] = {
		{ .checklist = (char *)"annex2", .item = (char *)"III.1.1.1.a",
		  .status = CHECK_IMPLEMENTED },
		{ .checklist = (char *)"annex2", .item = (char *)"III.1.1.2.a", .status = CHECK_NONE },
	};
	struct assessment a = { .checks = checks, .nchecks = 2 };
	size_t done, total;
	/* catalog: Annex 1 has 22 checklist items, Annex 2 59 */
	ui_annex_progress(catalog_checklist(tu_catalog, "annex1"), &a, -1, &done, &total);
	assert_int_equal(done, 0);
	assert_int_equal(total, 22);
	ui_annex_progress(catalog_checklist(tu_catalog, "annex2"), &a, -1, &done, &total);
	assert_int_equal(done, 1);
	assert_int_equal(total, 59);
	/* the first entry of Annex 2 is section III.1, which holds III.1.1.1.a:
	 * III.1.1.1-3 with sub-items a and b (6), III.1.1.4-9 without (6) */
	ui_annex_progress(catalog_checklist(tu_catalog, "annex2"), &a, 0, &done, &total);
	assert_int_equal(done, 1);
	assert_int_equal(total, 12);
}

/* ---------- the line editor ---------- */

static void check_text(const struct ui_edit *e, const char *want)
{
	char *t = ui_edit_text(e);
	assert_string_equal(t, want);
	free(t);
}

static void test_edit(void **st)
{
	(void)st;
	struct ui_edit e;
	assert_int_equal(ui_edit_init(&e, "日本"), 0);
	assert_int_equal(e.cur, 2);
	assert_int_equal(ui_edit_key(&e, 'a'), EDIT_GOING);
	check_text(&e, "日本a");
	ui_edit_key(&e, UI_KEY_FN(KEY_BACKSPACE));
	ui_edit_key(&e, UI_KEY_FN(KEY_LEFT));
	ui_edit_key(&e, 0x7f);				/* backspace removes 日 whole */
	check_text(&e, "本");
	ui_edit_key(&e, L'語');
	check_text(&e, "語本");
	ui_edit_key(&e, 1);				/* ^A */
	ui_edit_key(&e, 11);				/* ^K */
	check_text(&e, "");
	assert_int_equal(ui_edit_key(&e, UI_KEY_FN(KEY_DOWN)), EDIT_GOING);
	assert_int_equal(ui_edit_key(&e, '\n'), EDIT_ACCEPT);
	assert_int_equal(ui_edit_key(&e, 27), EDIT_CANCEL);
	ui_edit_free(&e);
	/* 7 wide characters, cursor at the end, 6 columns: the last two show */
	assert_int_equal(ui_edit_init(&e, "日本語テキスト"), 0);
	assert_int_equal(ui_edit_first_visible(&e, 6), 5);
	e.cur = 0;
	assert_int_equal(ui_edit_first_visible(&e, 6), 0);
	ui_edit_free(&e);
}

/* A note keeps its line breaks (issue 10): opened and saved unchanged,
 * and edited on another line, it is the same bytes. */
static void test_edit_lines(void **st)
{
	(void)st;
	struct ui_edit e;
	const char *note = "一行目\n2nd line\n\nlast";
	assert_int_equal(ui_edit_init_lines(&e, note), 0);
	check_text(&e, note);
	assert_int_equal(e.modified, 0);
	assert_int_equal(ui_edit_lines(&e), 4);
	assert_int_equal(ui_edit_cursor_line(&e), 3);
	assert_int_equal(ui_edit_key(&e, '\r'), EDIT_ACCEPT);	/* Enter saves */
	/* Home and End stay on the line: never the start of the note */
	ui_edit_key(&e, UI_KEY_FN(KEY_HOME));
	assert_int_equal(e.cur, ui_edit_line_start(&e, 3));
	ui_edit_key(&e, UI_KEY_FN(KEY_UP));		/* the empty line */
	ui_edit_key(&e, UI_KEY_FN(KEY_UP));		/* "2nd line", column 0 */
	ui_edit_key(&e, UI_KEY_FN(KEY_END));
	ui_edit_key(&e, '!');
	check_text(&e, "一行目\n2nd line!\n\nlast");
	assert_int_equal(e.modified, 1);
	ui_edit_key(&e, '\n');				/* ^J breaks the line */
	ui_edit_key(&e, 'x');
	check_text(&e, "一行目\n2nd line!\nx\n\nlast");
	assert_int_equal(ui_edit_cursor_line(&e), 2);
	ui_edit_key(&e, 21);				/* ^U: to the start of the line */
	check_text(&e, "一行目\n2nd line!\n\n\nlast");
	ui_edit_key(&e, 8);				/* ^H joins with the line above */
	check_text(&e, "一行目\n2nd line!\n\nlast");
	assert_int_equal(ui_edit_cursor_line(&e), 1);
	ui_edit_key(&e, UI_KEY_FN(KEY_HOME));
	ui_edit_key(&e, 11);				/* ^K: to the end of the line */
	check_text(&e, "一行目\n\n\nlast");
	assert_int_equal(ui_edit_key(&e, 24), EDIT_EXTERNAL);	/* ^X */
	assert_int_equal(ui_edit_key(&e, 27), EDIT_CANCEL);
	ui_edit_free(&e);
	/* the one-line editor still shows a line break as a space */
	assert_int_equal(ui_edit_init(&e, "a\nb"), 0);
	check_text(&e, "a b");
	assert_int_equal(ui_edit_key(&e, '\n'), EDIT_ACCEPT);
	ui_edit_free(&e);
	/* replace-on-type: a pre-filled date typed over, or kept by moving */
	assert_int_equal(ui_edit_init(&e, "2026-11-29"), 0);
	e.replace = 1;
	ui_edit_key(&e, '2');
	check_text(&e, "2");
	ui_edit_free(&e);
	assert_int_equal(ui_edit_init(&e, "2026-11-29"), 0);
	e.replace = 1;
	ui_edit_key(&e, UI_KEY_FN(KEY_BACKSPACE));
	ui_edit_key(&e, '8');
	check_text(&e, "2026-11-28");
	ui_edit_free(&e);
}

/* The export path (issue 10): ~ expanded, the extension follows the format. */
#define path_is check_shape

static void test_path(void **st)
{
	(void)st;
	path_is(ui_path_expand("~/audit/case.xml", "/home/sato"), "/home/sato/audit/case.xml");
	path_is(ui_path_expand("~", "/home/sato"), "/home/sato");
	path_is(ui_path_expand("/tmp/~x.xml", "/home/sato"), "/tmp/~x.xml");
	path_is(ui_path_expand("a~b", "/home/sato"), "a~b");
	path_is(ui_path_expand("~no-such-user-here-10/x.csv", "/home/sato"),
		"~no-such-user-here-10/x.csv");
	path_is(ui_path_follow_format("/w/audit-case.xml", "csv"), "/w/audit-case.csv");
	path_is(ui_path_follow_format("/w/audit-case.CSV", "html"), "/w/audit-case.html");
	path_is(ui_path_follow_format("/w/audit-case.htm", "xml"), "/w/audit-case.xml");
	path_is(ui_path_follow_format("/w/audit.case.html", "csv"), "/w/audit.case.csv");
	path_is(ui_path_follow_format("/w/report.txt", "csv"), "/w/report.txt");	/* the user's */
	path_is(ui_path_follow_format("/w/report", "csv"), "/w/report");
	path_is(ui_path_follow_format("/w.xml/report", "csv"), "/w.xml/report");
	path_is(ui_path_follow_format("/w/.xml", "csv"), "/w/.xml");		/* a hidden file */
}

/* Ambiguous-width terminals (issue 10): --ambiwidth=2 draws ○ × ─ ... as
 * ASCII, so the columns curses counts are the terminal's. */
static void test_ambiwidth(void **st)
{
	(void)st;
	assert_int_equal(ui_ambiwidth_setting(NULL, NULL), 0);
	assert_int_equal(ui_ambiwidth_setting("2", "1"), 2);		/* the option first */
	assert_int_equal(ui_ambiwidth_setting(NULL, "1"), 1);
	assert_int_equal(ui_ambiwidth_setting("auto", "2"), 0);
	assert_int_equal(ui_ambiwidth_setting("3", NULL), -1);
	assert_int_equal(ui_ambiwidth_setting(NULL, "wide"), -1);
	int row = 0, col = 0;
	assert_int_equal(ui_cpr_parse("\033[12;3R", 7, &row, &col), 0);
	assert_int_equal(row, 12);
	assert_int_equal(col, 3);
	assert_int_equal(ui_cpr_parse("x\033[1;2R", 7, &row, &col), 0);	/* typed before it */
	assert_int_equal(col, 2);
	assert_int_equal(ui_cpr_parse("\033[12;3", 6, &row, &col), -1);	/* not yet whole */
	assert_int_equal(ui_cpr_parse("\033[;3R", 5, &row, &col), -1);
	/* what is drawn for each character (ui_text_next feeds the drawing) */
	const char *in = "[○] ×●★※─│…日α";
	const wchar_t want_wide[] = L"[o] x***-|~日?", want[] = L"[○] ×●★※─│…日α";
	for (int wide = 0; wide < 2; wide++) {
		ui_text_set_ambiwide(wide);
		size_t n = strlen(in), k = 0;
		for (size_t i = 0; i < n; k++) {
			wchar_t wc;
			i += ui_text_next(in + i, n - i, &wc);
			assert_int_equal(wc, (wide ? want_wide : want)[k]);
		}
		assert_int_equal(k, wcslen(want));
		assert_int_equal(ui_text_width(in), 14);	/* 13 characters, 日 two columns */
	}
	ui_text_set_ambiwide(0);
}

/* ---------- escape sequences (issue 10: PuTTY's Home under TERM=xterm) ---------- */

static void seq_is(const char *s, enum keyseq_result want, int want_key, size_t want_used)
{
	int key = -1;
	size_t used = 99;
	enum keyseq_result r = ui_keyseq_decode((const unsigned char *)s, strlen(s), &key, &used);
	if (r != want)
		fprintf(stderr, "ESC %s: %d, expected %d\n", s + (s[0] == '\r'), (int)r, (int)want);
	assert_int_equal(r, want);
	if (want == KEYSEQ_KEY)
		assert_int_equal(key, want_key);
	if (want == KEYSEQ_KEY || want == KEYSEQ_UNKNOWN)
		assert_int_equal(used, want_used);
}

static void test_keyseq(void **st)
{
	(void)st;
	/* the bytes after ESC, as each terminal sends them */
	seq_is("[1~", KEYSEQ_KEY, UI_KEY_FN(KEY_HOME), 3);	/* PuTTY, Tera Term, screen */
	seq_is("[4~", KEYSEQ_KEY, UI_KEY_FN(KEY_END), 3);
	seq_is("[H", KEYSEQ_KEY, UI_KEY_FN(KEY_HOME), 2);	/* xterm normal mode */
	seq_is("[F", KEYSEQ_KEY, UI_KEY_FN(KEY_END), 2);
	seq_is("OH", KEYSEQ_KEY, UI_KEY_FN(KEY_HOME), 2);	/* xterm application mode */
	seq_is("OF", KEYSEQ_KEY, UI_KEY_FN(KEY_END), 2);
	seq_is("[7~", KEYSEQ_KEY, UI_KEY_FN(KEY_HOME), 3);	/* rxvt */
	seq_is("[8~", KEYSEQ_KEY, UI_KEY_FN(KEY_END), 3);
	seq_is("[7$", KEYSEQ_KEY, UI_KEY_FN(KEY_HOME), 3);	/* rxvt Shift-Home */
	seq_is("[8^", KEYSEQ_KEY, UI_KEY_FN(KEY_END), 3);	/* rxvt Ctrl-End */
	seq_is("[1;5H", KEYSEQ_KEY, UI_KEY_FN(KEY_HOME), 5);	/* xterm Ctrl-Home */
	seq_is("[3~", KEYSEQ_KEY, UI_KEY_FN(KEY_DC), 3);
	seq_is("[3;2~", KEYSEQ_KEY, UI_KEY_FN(KEY_DC), 5);
	seq_is("[2~", KEYSEQ_KEY, UI_KEY_FN(KEY_IC), 3);
	seq_is("[5~", KEYSEQ_KEY, UI_KEY_FN(KEY_PPAGE), 3);
	seq_is("[6~", KEYSEQ_KEY, UI_KEY_FN(KEY_NPAGE), 3);
	seq_is("[A", KEYSEQ_KEY, UI_KEY_FN(KEY_UP), 2);
	seq_is("OD", KEYSEQ_KEY, UI_KEY_FN(KEY_LEFT), 2);
	seq_is("[Z", KEYSEQ_KEY, UI_KEY_FN(KEY_BTAB), 2);
	seq_is("OP", KEYSEQ_KEY, UI_KEY_FN(KEY_F(1)), 2);	/* xterm F1-F4 */
	seq_is("OS", KEYSEQ_KEY, UI_KEY_FN(KEY_F(4)), 2);
	seq_is("[11~", KEYSEQ_KEY, UI_KEY_FN(KEY_F(1)), 4);	/* PuTTY, rxvt F1 */
	seq_is("[15~", KEYSEQ_KEY, UI_KEY_FN(KEY_F(5)), 4);
	seq_is("[17~", KEYSEQ_KEY, UI_KEY_FN(KEY_F(6)), 4);
	seq_is("[21~", KEYSEQ_KEY, UI_KEY_FN(KEY_F(10)), 4);
	seq_is("[23~", KEYSEQ_KEY, UI_KEY_FN(KEY_F(11)), 4);
	seq_is("[24~", KEYSEQ_KEY, UI_KEY_FN(KEY_F(12)), 4);
	seq_is("[1;2P", KEYSEQ_KEY, UI_KEY_FN(KEY_F(1)), 5);	/* xterm Shift-F1 */
	seq_is("[[A", KEYSEQ_KEY, UI_KEY_FN(KEY_F(1)), 3);	/* Linux console F1 */
	seq_is("[[E", KEYSEQ_KEY, UI_KEY_FN(KEY_F(5)), 3);
	seq_is("OM", KEYSEQ_KEY, UI_KEY_FN(KEY_ENTER), 2);	/* keypad Enter */
	seq_is("Op", KEYSEQ_KEY, '0', 2);			/* keypad 0 */
	seq_is("\r", KEYSEQ_KEY, '\n', 1);			/* Alt-Enter */
	/* whole but of no key we know: dropped, never read as Esc and keys */
	seq_is("[99~", KEYSEQ_UNKNOWN, 0, 4);
	seq_is("[200~", KEYSEQ_UNKNOWN, 0, 5);			/* bracketed paste start */
	seq_is("[?1;2c", KEYSEQ_UNKNOWN, 0, 6);			/* a device attribute report */
	seq_is("[[Z", KEYSEQ_UNKNOWN, 0, 3);
	/* prefixes wait for more; anything else is Esc followed by keys */
	seq_is("", KEYSEQ_MORE, 0, 0);
	seq_is("[", KEYSEQ_MORE, 0, 0);
	seq_is("[1", KEYSEQ_MORE, 0, 0);
	seq_is("[1;5", KEYSEQ_MORE, 0, 0);
	seq_is("O", KEYSEQ_MORE, 0, 0);
	seq_is("[[", KEYSEQ_MORE, 0, 0);
	seq_is("1", KEYSEQ_NOT, 0, 0);
	seq_is("q", KEYSEQ_NOT, 0, 0);
	/* the VT220 names terminfo gives Home and End */
	assert_int_equal(ui_keys_normal(KEY_FIND), KEY_HOME);
	assert_int_equal(ui_keys_normal(KEY_SELECT), KEY_END);
	assert_int_equal(ui_keys_normal(KEY_UP), KEY_UP);
	assert_int_equal(ui_keys_by_name("kEND5"), KEY_END);	/* xterm Ctrl-End */
	assert_int_equal(ui_keys_by_name("kHOM3"), KEY_HOME);
	assert_int_equal(ui_keys_by_name("kDC"), KEY_DC);
	assert_int_equal(ui_keys_by_name("kDN6"), KEY_DOWN);
	assert_int_equal(ui_keys_by_name("kDN9"), 0);
	assert_int_equal(ui_keys_by_name("kENDX"), 0);
	assert_int_equal(ui_keys_by_name(NULL), 0);
	/* ESCDELAY: the user's, else 50 ms; nonsense falls back */
	assert_int_equal(ui_keys_escdelay(NULL), 50);
	assert_int_equal(ui_keys_escdelay("300"), 300);
	assert_int_equal(ui_keys_escdelay("0"), 0);
	assert_int_equal(ui_keys_escdelay("ten"), 50);
	assert_int_equal(ui_keys_escdelay("-5"), 50);
}

int main(void)
{
	if (tu_utf8_locale("test_ui") < 0)
		return 77;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_unsafe_shown),
		cmocka_unit_test(test_annex_filter),
		cmocka_unit_test(test_fit),
		cmocka_unit_test(test_pad_trunc),
		cmocka_unit_test(test_wrap),
		cmocka_unit_test(test_wrap_hanging),
		cmocka_unit_test(test_layout),
		cmocka_unit_test(test_keys),
		cmocka_unit_test(test_status_line),
		cmocka_unit_test(test_help),
		cmocka_unit_test(test_grid_rows),
		cmocka_unit_test(test_grid_moves),
		cmocka_unit_test(test_answer_keys),
		cmocka_unit_test(test_cell_look),
		cmocka_unit_test(test_cmlist_case2),
		cmocka_unit_test(test_cmlist_filters),
		cmocka_unit_test(test_cmlist_written),
		cmocka_unit_test(test_effects),
		cmocka_unit_test(test_annex_progress),
		cmocka_unit_test(test_edit),
		cmocka_unit_test(test_keyseq),
		cmocka_unit_test(test_edit_lines),
		cmocka_unit_test(test_path),
		cmocka_unit_test(test_ambiwidth),
	};
	return cmocka_run_group_tests(tests, tu_load, tu_unload);
}
