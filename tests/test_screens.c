/* test_screens.c - the workbench's screens driven as its loop drives
 * them (ui_key, then ui_draw) on an xterm drawn to /dev/null, the screen
 * read back with mvwinnwstr: every screen reached by its key from every
 * other, its tab and a line of its body drawn, `?` drawing that screen's
 * own keys, the table complete, a resize to 80x24 and to sizes below the
 * minimum.  Expected texts by hand: the keys and tab names from
 * ui_screens.h and the screens' tables, the key help from ui_action.c,
 * the checklist titles from catalog/annex1.xml and annex2.xml (the
 * checklist screen shows one, ] and [ go through them), 100
 * countermeasures in catalog/countermeasures-*.xml (14 + 32 + 40 + 14). */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <wchar.h>
#include <zip.h>

#include "testutil.h"
#include "tu_ui.h"
#include "ui.h"
#include "ui_track.h"

static struct tu_term term;
static int64_t all_yes;			/* an assessment with every cell ○ */
static char *cat_dir;

static int group_setup(void **state)
{
	if (tu_load(state) < 0 || tu_term_start(&term, "xterm-256color") < 0)
		return -1;
	all_yes = tu_ui_assessment(term.st, tu_catalog, tu_form, "screen test", ANSWER_YES);
	cat_dir = tu_src("catalog");
	return all_yes == 0 || cat_dir == NULL ? -1 : 0;
}

static int group_teardown(void **state)
{
	tu_term_stop(&term);
	free(cat_dir);
	return tu_unload(state);
}

/* A workbench on an 80x24 terminal, on the list. */
static struct ui *workbench(int rows, int cols)
{
	resize_term(rows, cols);
	struct ui *u = ui_new(tu_catalog, tu_form, term.st, term.db, cat_dir);
	assert_non_null(u);
	ui_resize(u, rows, cols);
	return u;
}

static struct ui *opened(void)
{
	struct ui *u = workbench(24, 80);
	assert_int_equal(ui_open(u, all_yes), 0);
	return u;
}

static void press(struct ui *u, int key)
{
	ui_key(u, key);
	ui_draw(u);
}

/* Row Y of the screen as drawn, in UTF-8 (malloc'd). */
static char *row(int y)
{
	wchar_t *w = calloc((size_t)COLS + 1, sizeof *w);
	assert_non_null(w);
	int n = mvwinnwstr(stdscr, y, 0, w, COLS);
	assert_true(n >= 0);
	size_t len = wcstombs(NULL, w, 0);
	assert_true(len != (size_t)-1);
	char *s = malloc(len + 1);
	assert_non_null(s);
	wcstombs(s, w, len + 1);
	free(w);
	return s;
}

/* The first row at or below FROM holding every one of TEXT (NULL
 * ended), or -1. */
static int find_from(int from, const char *text, const char *also)
{
	for (int y = from; y < LINES; y++) {
		char *r = row(y);
		int hit = strstr(r, text) != NULL && (also == NULL || strstr(r, also) != NULL);
		free(r);
		if (hit)
			return y;
	}
	return -1;
}

static int find(const char *text)
{
	return find_from(0, text, NULL);
}

/* By hand: key, screen, its tab at 80 columns, a line of its body, a
 * line of its help (keys, text) and a help line no other keymap has. */
static const struct {
	int key;
	enum ui_screen_id id;
	const char *tab, *body, *help_keys, *help, *own_help;
} by_hand[] = {
	{ '1', SCR_LIST, " 1 Assessments ", "Assessments (1) in ", "Enter",
	  "open the item under the cursor", "create a new, empty assessment" },
	{ '2', SCR_SURVEY, " 2 Survey ", "Fig. 16 survey: ", "o O",
	  "answer ○ (yes) and go to the next cell", "cycle the answer" },
	{ '3', SCR_CMS, " 3 Countermeasures ",
	  "Candidates to consider, not a list that must all be done (IV.4.1.2).", "Enter",
	  "open the item under the cursor", "filter by decision" },
	{ '4', SCR_ANNEX, " 4 Checklists ", "Annex 1 組織・運用編", "Space", "cycle the status",
	  "show the catalog's next checklist" },
	{ '5', SCR_EXPORT, " 5 Export ", "Export for auditors. Space changes a choice",
	  "Up k", "move up", "write the export" },
	{ '6', SCR_CROSSWALK, " 6 Crosswalk ", "ISO/IEC 27002:2013: ", "/",
	  "search number, title, text and actions", "show the item on its checklist" },
};
enum { N_BY_HAND = sizeof by_hand / sizeof by_hand[0] };

/* The full names: 68 columns + " 6 Crosswalk" (the last tab has no space
 * after it, ui.c tab_text) = 80. */
static const char tabs_80[] =
	" 1 Assessments  2 Survey  3 Countermeasures  4 Checklists  5 Export  6 Crosswalk";

/* The table: one entry per screen, none missing a callback it must
 * have (a hole would be a NULL called on a key, a draw or `?`). */
static void test_table_complete(void **st)
{
	(void)st;
	assert_int_equal(N_SCREENS, N_BY_HAND);
	struct ui *u = workbench(24, 80);
	for (int s = 0; s < N_SCREENS; s++) {
		const struct ui_screen *sc = u->screens[s];
		assert_non_null(sc);
		assert_non_null(sc->name);
		assert_non_null(sc->short_name);
		assert_non_null(sc->keymap);
		assert_non_null(sc->draw);
		assert_non_null(sc->act);
		assert_true(sc->state_size == 0 || ui_state(u, (enum ui_screen_id)s) != NULL);
	}
	ui_free(u);
}

/* Each screen by its key from every screen: the screen, its tab and a
 * line of its own drawn. */
static void test_keys_reach_screens(void **st)
{
	(void)st;
	struct ui *u = opened();
	for (size_t from = 0; from < N_BY_HAND; from++)
		for (size_t to = 0; to < N_BY_HAND; to++) {
			ui_go(u, by_hand[from].id);
			press(u, by_hand[to].key);
			assert_int_equal(u->screen, by_hand[to].id);
			char *tabs = row(1);
			assert_string_equal(tabs, tabs_80);	/* the whole row: 68 + 12 */
			free(tabs);
			int y = find(by_hand[to].body);
			assert_true(y >= 2);		/* below the title and the tabs */
			for (size_t other = 0; other < N_BY_HAND; other++)
				if (strcmp(by_hand[other].body, by_hand[to].body) != 0)
					assert_int_equal(find(by_hand[other].body), -1);
		}
	/* the title: the assessment, and 0 of the 100 reviewed */
	assert_int_equal(find(" iotscope  screen test"), 0);
	assert_int_equal(find("reviewed 0/100"), 0);
	ui_free(u);
}

/* With no assessment open only the list is reached, and says why. */
static void test_needs_assessment(void **st)
{
	(void)st;
	struct ui *u = workbench(24, 80);
	for (size_t i = 1; i < N_BY_HAND; i++) {
		press(u, by_hand[i].key);
		assert_int_equal(u->screen, SCR_LIST);
		assert_int_equal(find("Open an assessment first: choose one on the list"),
				 u->layout.message.y);
	}
	ui_free(u);
}

/* `?` on every screen: the keys of that screen, not another's; any
 * other key closes it on the same screen. */
static void test_help_per_screen(void **st)
{
	(void)st;
	struct ui *u = opened();
	for (size_t i = 0; i < N_BY_HAND; i++) {
		ui_go(u, by_hand[i].id);
		press(u, '?');
		assert_true(u->help);
		assert_int_equal(find("Keys on this screen (any other key closes this help):"),
				 u->layout.body.y);
		/* the help's own keys on the status line (help_keys, ui_action.c) */
		assert_int_equal(find("q:back  PgDn:page down  PgUp:page up"), u->layout.status.y);
		int y = find_from(u->layout.body.y + 1, by_hand[i].help_keys, by_hand[i].help);
		assert_int_equal(y, u->layout.body.y + 1);	/* its first key first */
		assert_true(find(by_hand[i].own_help) > y);
		for (size_t j = 0; j < N_BY_HAND; j++)
			if (strcmp(by_hand[j].own_help, by_hand[i].own_help) != 0)
				assert_int_equal(find(by_hand[j].own_help), -1);
		press(u, 'x');
		assert_false(u->help);
		assert_int_equal(u->screen, by_hand[i].id);
		assert_true(find(by_hand[i].body) >= 2);
	}
	ui_free(u);
}

/* The go-to keys in the help come from the same list: all five, under
 * "Everywhere:" (a tall terminal: the list's help is 23 rows). */
static void test_help_go_keys(void **st)
{
	(void)st;
	static const char *const go[][2] = {
		{ "1", "go to the list of assessments" }, { "2", "go to the Fig. 16 survey" },
		{ "3", "go to the derived countermeasures" },
		{ "4", "go to the checklists (Annex 1, Annex 2, ...)" }, { "5", "go to export" },
		{ "6", "go to the ISO/IEC 27002 crosswalk" },
	};
	struct ui *u = workbench(40, 100);
	press(u, '?');
	int everywhere = find("Everywhere:");
	assert_true(everywhere > 0);
	int last = everywhere;
	for (size_t i = 0; i < sizeof go / sizeof go[0]; i++) {
		int y = find_from(everywhere, go[i][1], NULL);
		assert_true(y > last);			/* in the order of the tabs */
		char *r = row(y);
		char *k = strstr(r, go[i][0]);
		assert_non_null(k);
		assert_true(k < strstr(r, go[i][1]));	/* the key before its text */
		free(r);
		last = y;
	}
	ui_free(u);
}

/* The tab names: in full from 80 columns (all 80 used), the short
 * ones below. */
static void test_tab_names(void **st)
{
	(void)st;
	struct ui *u = opened();
	resize_term(24, 77);
	ui_resize(u, 24, 77);
	ui_draw(u);
	char *tabs = row(1);
	assert_non_null(strstr(tabs, "1 List 2 Survey 3 Measures 4 Checklists 5 Export 6 Crosswalk "));
	assert_true(strncmp(tabs, "1 List", 6) == 0);
	free(tabs);
	resize_term(24, 79);		/* 79: the full names need 80 */
	ui_resize(u, 24, 79);
	ui_draw(u);
	tabs = row(1);
	assert_true(strncmp(tabs, "1 List 2 Survey", 15) == 0);
	free(tabs);
	ui_free(u);
}

/* The one checklist screen: ] and [ go round the catalog's two
 * checklists (catalog/annex1.xml, annex2.xml), the header says which;
 * each keeps its own place: a filter set on Annex 1 (f: "not checked",
 * ui_model.c) is not on Annex 2 and is there again on the way back.
 * 110 columns: the header and the start of the title both fit. */
static void test_checklist_cycle(void **st)
{
	(void)st;
	struct ui *u = opened();
	resize_term(24, 110);
	ui_resize(u, 24, 110);
	press(u, '4');
	int y = u->layout.body.y;
	assert_int_equal(find_from(y, "Annex 1 組織・運用編", "checklist 1 of 2 (] next)"), y);
	press(u, 'f');
	assert_int_equal(find_from(y, "filter: not checked, checklist 1 of 2 (] next)", NULL), y);
	press(u, ']');
	assert_int_equal(find_from(y, "Annex 2 物理", "checklist 2 of 2 (] next)"), y);
	assert_int_equal(find("filter:"), -1);
	assert_int_equal(find("Annex 1 組織"), -1);
	press(u, ']');			/* round the end */
	assert_int_equal(find_from(y, "filter: not checked, checklist 1 of 2 (] next)", NULL), y);
	press(u, '[');			/* and back round it */
	assert_int_equal(find_from(y, "Annex 2 物理", "checklist 2 of 2 (] next)"), y);
	press(u, '5');
	press(u, '4');			/* the screen keeps the checklist it showed */
	assert_int_equal(find_from(y, "Annex 2 物理", "checklist 2 of 2 (] next)"), y);
	assert_int_equal(u->screen, SCR_ANNEX);
	ui_free(u);
}

/* The crosswalk (catalog/guidance-II.xml from seed 000 lines 511-546):
 * section II.2.1 prints 6.1 内部組織, 6.1.1 and 6.1.2 after its items
 * II.2.1.1-3, and no section before it prints a clause, so 6.1 is the
 * first heading and II.2.1.1 its first item, all "not checked".  Enter
 * on II.2.1.2 shows it on the Checklists screen; i there sets it
 * implemented, and the crosswalk shows that under 6.1 and 6.1.1. */
static void test_crosswalk(void **st)
{
	(void)st;
	struct ui *u = opened();
	press(u, '6');
	int y = u->layout.body.y;
	assert_int_equal(find_from(y + 1, "6.1 内部組織", NULL), y + 1);
	assert_int_equal(find_from(y + 2, "II.2.1.1", "[not checked]"), y + 2);
	assert_int_equal(find_from(y + 3, "II.2.1.2", "[not checked]"), y + 3);
	assert_int_equal(find_from(y + 4, "II.2.1.3", "[not checked]"), y + 4);
	assert_int_equal(find_from(y + 5, "6.1.1 情報セキュリティの役割及び責任", NULL), y + 5);
	press(u, 'j');
	press(u, '\r');
	assert_int_equal(u->screen, SCR_ANNEX);
	assert_true(find_from(y, "> ", "II.2.1.2") > y);	/* the cursor's row */
	press(u, 'i');
	press(u, '6');
	assert_int_equal(find_from(y + 2, "II.2.1.1", "[not checked]"), y + 2);
	assert_int_equal(find_from(y + 3, "II.2.1.2", "[implemented]"), y + 3);
	assert_int_equal(find_from(y + 6, "II.2.1.2", "[implemented]"), y + 7);
	/* search: the clause title 職務の分離 is 6.1.2's; its first item */
	ui_key(u, '/');
	for (const char *q = "6.1.2"; *q; q++)
		ui_key(u, *q);
	press(u, '\r');
	assert_true(find_from(y, "6.1.2 職務の分離", NULL) > y);
	assert_true(find_from(y, ">", "II.2.1.1") > find("6.1.2 職務の分離"));
	ui_free(u);
}

/* d on a checklist item: its guidance over the list (catalog/
 * guidance-II.xml, seed 000 lines 485-500): II.1.1.1 【基本】, its body
 * from line 487, 【ベストプラクティス】 i. from line 491, and after a page
 * down iii.'s a) (line 494) and e)'s 1) (line 499), indented deeper; q
 * closes it on the same item.  II.2.1.1's ends with the 27002 blocks its
 * section prints (lines 536-546): 6.1.2 職務の分離 last, and its Annex 6
 * text (line 4704). */
static void test_item_guidance(void **st)
{
	(void)st;
	struct ui *u = opened();
	press(u, '4');
	press(u, 'g');			/* the first item: II.1.1.1 */
	press(u, 'd');
	int y = u->layout.body.y;
	assert_int_equal(find("II.1.1.1 (basic)"), y);
	assert_int_equal(find("経営陣は、情報セキュリティに関する組織的取組についての基本的な方針"),
			 y + 1);
	assert_true(find("Best practices:") > y + 1);
	assert_true(find("i. 情報セキュリティに関する組織的取組とは、") > find("Best practices:"));
	assert_int_equal(find("a) 情報セキュリティの定義、目的及び適用範囲"), -1);
	press(u, UI_KEY_FN(KEY_NPAGE));
	int a = find("a) 情報セキュリティの定義、目的及び適用範囲");
	int one = find("1) 法令、規制等の遵守");
	assert_true(a > y && one > a);
	char *ra = row(a), *r1 = row(one);
	assert_true(strstr(r1, "1)") - r1 > strstr(ra, "a)") - ra);	/* nested deeper */
	free(ra);
	free(r1);
	press(u, 'q');
	assert_int_equal(u->screen, SCR_ANNEX);
	assert_int_equal(find("Best practices:"), -1);
	assert_true(find_from(y, "Annex 1 組織・運用編", NULL) == y);
	for (int i = 0; i < 2; i++)
		press(u, 'j');		/* II.2.1.1 */
	press(u, 'd');
	assert_int_equal(find("II.2.1.1 (basic)"), y);
	press(u, 'G');
	assert_true(find("Annex 6: 6.1.2 職務の分離") > y);	/* Annex 6 (line 4704) */
	ui_free(u);
}

/* The glossary shows HEAD on the body's first row Y, then a term's NAME
 * and the start of its definition TEXT. */
static void glossary_shows(int y, const char *head, const char *name, const char *text)
{
	assert_int_equal(find(head), y);
	assert_int_equal(find(name), y + 1);
	assert_int_equal(find(text), y + 2);
}

/* q closes the glossary over screen ID. */
static void glossary_closes(struct ui *u, enum ui_screen_id id)
{
	press(u, 'q');
	assert_int_equal(u->screen, id);
	assert_int_equal(find("Glossary (I.6)"), -1);
}

/* T from any screen, then / for a word: the glossary (seed 000 I.6,
 * lines 199-460): 12 terms carry "(JIS Q 27001 を基に定義)" in their name
 * (by hand: grep of the seed), 7. 可用性 first with its definition (line
 * 225); q closes it on the screen it was opened from. */
static void test_glossary(void **st)
{
	(void)st;
	struct ui *u = opened();
	press(u, '3');
	press(u, 'T');			/* the terms of the first countermeasure */
	press(u, '/');			/* and a word instead */
	for (const char *q = "JIS Q 27001"; *q; q++)
		ui_key(u, *q);
	press(u, '\r');
	int y = u->layout.body.y;
	glossary_shows(y, "Glossary (I.6): 12 terms with \"JIS Q 27001\"",
		       "7. 可用性(JIS Q 27001 を基に定義)",
		       "認可されたエンティティが要求したときに、アクセス及び使用が可能");
	glossary_closes(u, SCR_CMS);
	assert_true(find(by_hand[2].body) >= 2);
	ui_free(u);
}

/* T on the item under the cursor (issue 13).  By hand, from catalog/
 * glossary.xml (seed 199-440; a term's name without its bracketed note)
 * and the texts below:
 * - Checklists, II.1.1.1 (seed 3813): 情報セキュリティ twice and no other
 *   term, so 33's definition at once (seed 352-354);
 * - Crosswalk, the first item under 6.3.2 (III.1.1.1, no text of its
 *   own): the clause 利用者接点とサプライチェーンにおける情報提供・共有 with
 *   its 管理策 (seed 1260-1262) holds ICT サプライチェーン (12 characters),
 *   クラウド利用者 twice (7), 利用者接点 (5) and 情報提供 (4), longest first;
 *   利用者 (50) only inside 利用者接点 and クラウド利用者, so not listed.
 *   Enter on the second reads 22 (seed 308-310); q goes back to the
 *   list, q again closes it;
 * - the list of assessments has no item: T asks for a word, and / in the
 *   glossary does too. */
static void test_glossary_at_cursor(void **st)
{
	(void)st;
	struct ui *u = opened();
	int y = u->layout.body.y;
	press(u, '4');
	press(u, 'g');			/* II.1.1.1 */
	press(u, 'T');
	glossary_shows(y, "Glossary (I.6): the term in the item under the cursor",
		       "33. 情報セキュリティ(JIS Q 27001 を基に定義)",
		       "情報の機密性、完全性及び可用性を維持すること。");
	glossary_closes(u, SCR_ANNEX);

	press(u, '6');
	ui_key(u, '/');
	for (const char *q = "6.3.2"; *q; q++)
		ui_key(u, *q);
	press(u, '\r');
	press(u, 'T');
	assert_int_equal(find("Glossary (I.6): 4 terms in the item under the cursor"), y);
	assert_int_equal(find_from(y + 1, "> 55. ICT サプライチェーン", NULL), y + 1);
	assert_int_equal(find_from(y + 2, "22. クラウド利用者", NULL), y + 2);
	assert_int_equal(find_from(y + 3, "51. 利用者接点", NULL), y + 3);
	assert_int_equal(find_from(y + 4, "38. 情報提供", NULL), y + 4);
	assert_int_equal(find("50. 利用者"), -1);
	press(u, 'j');
	press(u, '\r');
	glossary_shows(y, "Glossary (I.6): term 2 of 4 in the item under the cursor",
		       "22. クラウド利用者", "クラウドサービスを利用する組織。");
	assert_int_equal(find("55. ICT サプライチェーン"), -1);
	press(u, 'q');			/* back to the list, on the same term */
	assert_int_equal(find_from(y + 2, "> 22. クラウド利用者", NULL), y + 2);
	glossary_closes(u, SCR_CROSSWALK);

	press(u, '1');
	press(u, 'T');
	assert_true(u->prompting);
	assert_string_equal(u->prompt_label, "Glossary: a word (Enter alone: all terms):");
	for (const wchar_t *q = L"利用者接点"; *q; q++)	/* typed: code points */
		ui_key(u, (int)*q);
	press(u, '\r');
	assert_int_equal(find("Glossary (I.6): 1 terms with \"利用者接点\""), y);
	press(u, '/');
	assert_true(u->prompting);
	press(u, '\r');		/* Enter alone: all 66 (seed 199-440) */
	assert_int_equal(find("Glossary (I.6): 66 terms"), y);
	assert_int_equal(find("1. アグリゲーションサービス"), y + 1);
	ui_free(u);
}

/* Annex 7 in the survey pane at (ア) b, the first row: topics 1 and 2
 * speak to it (seed line 5382: 1. IoT 機器のコンポーネントリスクの処理戦略),
 * with d to read them.  d shows them in full in the rows of the list and
 * the pane: the part's title (seed 5380), topic 1 from its title; seed
 * 5402, a paragraph of its own, only on the next page; at the end the
 * last sentence of topic 2 (seed 5495); q gives the survey back. */
static void test_annex7_pane(void **st)
{
	(void)st;
	struct ui *u = opened();
	press(u, '2');
	assert_true(find("Annex 7 (d reads it): 1. IoT 機器のコンポーネントリスクの処理戦略; 2. ") >
		    u->layout.pane.y);
	int y = u->layout.body.y;
	press(u, 'd');
	assert_int_equal(u->layout.pane.h, 0);
	assert_int_equal(find("Annex 7 クラウド事業者が過度の責任を負わないための注意点"), y);
	assert_int_equal(find("1. IoT 機器のコンポーネントリスクの処理戦略"), y + 2);
	assert_int_equal(find("ハウス栽培を行う農家、アグリ事業者等"), -1);
	press(u, UI_KEY_FN(KEY_NPAGE));
	assert_true(find("ハウス栽培を行う農家、アグリ事業者等") >= y);
	assert_int_equal(find("あらかじめ契約で定めておくことが望ましい。"), -1);
	press(u, 'G');
	int last = find("あらかじめ契約で定めておくことが望ましい。");
	assert_int_equal(last, y + u->layout.body.h - 1);
	assert_int_equal(find("3. クラウド事業者が把握できていない"), -1);	/* (ア) c only */
	press(u, 'q');
	assert_true(u->layout.pane.h > 0);
	assert_true(find("Fig. 16 survey: ") >= y);
	ui_free(u);
}

/* ---------- owner, due date and evidence (issue 12) ---------- */

/* Type UTF-8 TEXT into the prompt, a character a key (as the loop reads
 * get_wch), then KEY_END (0: none). */
static void type(struct ui *u, const char *text, int end)
{
	mbstate_t ms;
	memset(&ms, 0, sizeof ms);
	size_t n = strlen(text);
	for (size_t i = 0; i < n;) {
		wchar_t wc;
		size_t k = mbrtowc(&wc, text + i, n - i, &ms);
		assert_true(k != (size_t)-1 && k != (size_t)-2 && k > 0);
		ui_key(u, (int)wc);
		i += k;
	}
	if (end)
		ui_key(u, end);
	ui_draw(u);
}

/* The dates of ui_track.c against days counted by hand: 2024 is a leap
 * year (02-28 to 03-01 is 2 days); 2020-01-01 to 2026-11-29 is 366 + 365
 * x 3 + 366 + 365 = 2192 days to 2026-01-01, then 304 (January to
 * October) + 28 = 2524.  The marker: the year dropped for today's year,
 * "!" when past; nothing set, nothing shown. */
static void test_track_dates(void **st)
{
	(void)st;
	assert_int_equal(ui_days_until("2024-03-01", "2024-02-28"), 2);
	assert_int_equal(ui_days_until("2026-01-01", "2025-12-31"), 1);
	assert_int_equal(ui_days_until("2020-01-01", "2026-11-29"), -2524);
	assert_int_equal(ui_days_until("2026-11-29", "2026-11-29"), 0);
	assert_int_equal(ui_days_until("soon", "2026-11-29"), 0);
	struct tracking t = { 0 };
	int overdue = -1;
	char *m = ui_track_marker(&t, "2026-11-29", &overdue);
	assert_string_equal(m, "");
	assert_int_equal(overdue, 0);
	free(m);
	t.owner = "山田太郎";
	t.due = "2026-11-28";
	m = ui_track_marker(&t, "2026-11-29", &overdue);
	assert_string_equal(m, "@山田太郎 11-28!");
	assert_int_equal(overdue, 1);
	free(m);
	t.owner = "長い名前の担当者";	/* 16 columns: cut to 8 */
	t.due = "2027-01-05";
	m = ui_track_marker(&t, "2026-11-29", &overdue);
	assert_string_equal(m, "@長い名… 2027-01-05");
	assert_int_equal(overdue, 0);
	free(m);
	t.owner = NULL;
	m = ui_track_marker(&t, "2026-11-29", &overdue);
	assert_string_equal(m, "2027-01-05");
	free(m);
}

/* o OWNER, D DUE, E URL and its NOTE ("": none), as typed. */
static void track_keys(struct ui *u, const char *owner, const char *due, const char *url,
		       const char *note)
{
	press(u, 'o');
	type(u, owner, '\r');
	press(u, 'D');
	type(u, due, '\r');
	press(u, 'E');
	type(u, url, '\r');
	type(u, note, '\r');
}

static size_t history_rows(int64_t id)
{
	struct history_entry *h;
	size_t n;
	struct diag d = DIAG_INIT;
	assert_int_equal(store_history(term.st, id, &h, &n, &d), 0);
	store_history_free(h, n);
	return n;
}

/* History row K (from the end: 1 the last) is WHAT, OLD -> NEW (NULL:
 * none), by the tester. */
static void history_is(int64_t id, size_t from_end, const char *what, const char *old,
		       const char *now)
{
	struct history_entry *h;
	size_t n;
	struct diag d = DIAG_INIT;
	assert_int_equal(store_history(term.st, id, &h, &n, &d), 0);
	assert_true(n >= from_end);
	const struct history_entry *e = &h[n - from_end];
	assert_string_equal(e->what, what);
	assert_string_equal(e->who, "tester");
	if (old == NULL)
		assert_null(e->old_value);
	else
		assert_string_equal(e->old_value, old);
	if (now == NULL)
		assert_null(e->new_value);
	else
		assert_string_equal(e->new_value, now);
	store_history_free(h, n);
}

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

/* The SHA-256 of "evidence v1\n" and "evidence v2\n" (12 bytes each), by
 * sha256sum. */
#define SHA_V1 "4519c18e9a62de13e54e556aab8af4e8e970348b28957551e6d106950521a99f"
#define SHA_V2 "1913a714b46ba1cb49a71712dd6335d71cb2d80bc2b6fce9a58be52f0a0ec2d2"

/* o, D, E and R by keys, as a user types them, on countermeasure B-61
 * (catalog/countermeasures-B34.xml: 3 actions; every cell ○ derives it),
 * on its action 1 and on Annex 2 item III.1.1.1.a (the first item of
 * catalog/annex2.xml); then the database read back through the store:
 * the values and the history rows, each worked out by hand.  A bad due
 * date (2026-02-29: 2026 is no leap year) writes nothing. */
static void test_tracking(void **st)
{
	(void)st;
	int64_t id = tu_ui_assessment(term.st, tu_catalog, tu_form, "tracking", ANSWER_YES);
	assert_true(id > 0);
	char *file = str_printf("%s/evidence.txt", term.dir);
	assert_non_null(file);
	write_file(file, "evidence v1\n");
	char *ref = realpath(file, NULL);
	assert_non_null(ref);
	struct ui *u = workbench(24, 80);
	assert_int_equal(ui_open(u, id), 0);
	size_t h0 = history_rows(id);

	/* the review of B-61: its note line selected (g) */
	press(u, '3');
	press(u, '/');
	type(u, "B-61", '\r');
	press(u, '\r');
	int y = u->layout.body.y;
	assert_int_equal(find_from(y, "B-61  ", NULL), y);
	press(u, 'g');
	press(u, 'o');
	type(u, "山田太郎", '\r');
	assert_int_equal(find("Saved: owner of B-61: 山田太郎"), u->layout.message.y);
	press(u, 'D');
	type(u, "2026-02-29", '\r');		/* refused: nothing written */
	assert_int_equal(find("'2026-02-29' is not a due date"), u->layout.message.y);
	assert_int_equal(history_rows(id), h0 + 1);
	press(u, 'D');
	type(u, "2099-01-31", '\r');
	assert_true(find("Owner: 山田太郎   Due: 2099-01-31 (in ") > y);
	press(u, 'E');
	type(u, term.dir, '\r');		/* a directory is refused */
	assert_int_equal(find("is a directory"), u->layout.message.y);
	assert_int_equal(history_rows(id), h0 + 2);
	press(u, 'E');
	type(u, file, '\r');
	type(u, "設計書 v1", '\r');
	assert_true(find("Evidence (1; E attaches, R removes):") > y);
	char *line = str_printf("[1] %s — 設計書 v1", ref);
	assert_true(find(line) > y);
	free(line);
	int sha = find("sha256 4519c18e9a62…, 12 bytes; added by tester ");
	assert_true(sha > y);
	assert_true(find_from(sha, "unchanged since attached", NULL) >= sha);
	write_file(file, "evidence v2\n");	/* the same size, another hash */
	press(u, UI_KEY_FN(KEY_LEFT));
	press(u, '\r');
	press(u, 'g');
	assert_true(find("CHANGED since attached (SHA-256 differs)") > y);

	/* its action 1: overdue, a URL without a note */
	press(u, 'j');
	track_keys(u, "Ops チーム", "2020-01-01", "https://example.com/run-book", "");
	assert_true(find("Owner: Ops チーム   Due: 2020-01-01 (OVERDUE by ") > y);
	assert_true(find("[1] https://example.com/run-book") > y);

	/* the list row's marker: the owner and the date (not this year) */
	press(u, 'q');
	assert_true(find_from(y, "B-61", "@山田太郎 2099-01-31") > y);

	/* Annex 2's first item; two evidence, the second removed by number */
	press(u, '4');
	press(u, ']');
	assert_true(find_from(y, "> ", "a 死活監視インターバル") > y);
	track_keys(u, "鈴木", "2098-12-31", "https://example.com/b", "監視設計");
	press(u, 'E');
	type(u, "https://example.com/a", '\r');
	press(u, '\r');
	/* the pane keeps the evaluation item in view; the row has the owner */
	assert_true(find_from(y, "a 死活監視インターバル", "@鈴木 2098-12-31") > y);
	press(u, 'R');				/* two: which one, then sure? */
	type(u, "3", '\r');			/* no such number: nothing */
	assert_int_equal(find("'3' is not one of the evidence numbers 1-2: nothing removed."),
			 u->layout.message.y);
	press(u, 'R');
	type(u, "2", '\r');
	assert_int_equal(find("Remove evidence [2] https://example.com/b from III.1.1.1.a? (y/N)"),
			 u->layout.message.y);
	press(u, 'n');				/* no: kept */
	press(u, 'R');
	type(u, "2", '\r');
	press(u, 'y');
	/* the whole item over the list: its text (3 rows at 78 columns),
	 * status, evaluation item, the pattern's note (2 rows: no pattern
	 * set), owner, then the evidence */
	press(u, 'v');
	assert_int_equal(find("III.1.1.1.a (basic): "), y);
	assert_int_equal(find("Owner: 鈴木   Due: 2098-12-31 (in "), y + 7);
	assert_int_equal(find("Evidence (1; E attaches, R removes):"), y + 8);
	assert_int_equal(find("[1] https://example.com/a"), y + 9);
	assert_int_equal(find("https://example.com/b"), -1);
	ui_free(u);

	/* the database, through the store */
	struct diag d = DIAG_INIT;
	struct assessment *a = store_load(term.st, id, tu_form, &d);
	assert_non_null(a);
	const struct cm_review *r = assessment_review(a, "B-61");
	assert_non_null(r);
	assert_string_equal(r->track.owner, "山田太郎");
	assert_string_equal(r->track.due, "2099-01-31");
	assert_int_equal(r->track.nevidence, 1);
	const struct evidence *e = &r->track.evidence[0];
	assert_string_equal(e->ref, ref);
	assert_string_equal(e->note, "設計書 v1");
	assert_string_equal(e->sha256, SHA_V1);	/* as attached, not as it is now */
	assert_int_equal(e->size, 12);
	assert_string_equal(e->added_by, "tester");
	const struct action_review *ar = assessment_action(a, "B-61", "1");
	assert_non_null(ar);
	assert_string_equal(ar->track.owner, "Ops チーム");
	assert_string_equal(ar->track.due, "2020-01-01");
	assert_int_equal(ar->track.nevidence, 1);
	assert_string_equal(ar->track.evidence[0].ref, "https://example.com/run-book");
	assert_null(ar->track.evidence[0].note);
	assert_null(ar->track.evidence[0].sha256);
	const struct check_entry *c = assessment_check(a, "annex2", "III.1.1.1.a");
	assert_non_null(c);
	assert_int_equal(c->status, CHECK_NONE);
	assert_string_equal(c->track.owner, "鈴木");
	assert_string_equal(c->track.due, "2098-12-31");
	assert_int_equal(c->track.nevidence, 1);
	assert_string_equal(c->track.evidence[0].ref, "https://example.com/a");
	assessment_free(a);

	/* 3 on the review, 3 on the action, 5 on the item (2 added, 1
	 * removed): 11 rows, none for the refused date and directory */
	assert_int_equal(history_rows(id), h0 + 11);
	char *said = str_printf("%s sha256:%s 12 bytes", ref, SHA_V1);
	history_is(id, 11, "owner B-61", NULL, "山田太郎");
	history_is(id, 10, "due B-61", NULL, "2099-01-31");
	history_is(id, 9, "evidence B-61", NULL, said);
	history_is(id, 8, "action-owner B-61 1", NULL, "Ops チーム");
	history_is(id, 7, "action-due B-61 1", NULL, "2020-01-01");
	history_is(id, 6, "action-evidence B-61 1", NULL, "https://example.com/run-book");
	history_is(id, 5, "check-owner III.1.1.1.a", NULL, "鈴木");
	history_is(id, 4, "check-due III.1.1.1.a", NULL, "2098-12-31");
	history_is(id, 3, "check-evidence III.1.1.1.a", NULL, "https://example.com/b");
	history_is(id, 2, "check-evidence III.1.1.1.a", NULL, "https://example.com/a");
	history_is(id, 1, "check-evidence III.1.1.1.a", "https://example.com/b", NULL);
	free(said);
	unlink(file);
	free(file);
	free(ref);
}

/* Owner and evidence on screen at every size down to one cell: no
 * crash, and at 80x24 again all of it is there. */
static void test_tracking_sizes(void **st)
{
	(void)st;
	int64_t id = tu_ui_assessment(term.st, tu_catalog, tu_form, "tracking sizes", ANSWER_YES);
	struct ui *u = workbench(24, 80);
	assert_int_equal(ui_open(u, id), 0);
	press(u, '4');
	press(u, 'o');
	type(u, "長い名前の担当者がいる部署の責任者", '\r');
	press(u, 'E');
	type(u, "https://example.com/evidence", '\r');
	type(u, "監視設計書の第二版", '\r');
	press(u, '3');
	press(u, '\r');
	press(u, 'g');
	press(u, 'o');
	type(u, "山田", '\r');
	static const int sizes[][2] = { { 16, 60 }, { 10, 20 }, { 3, 5 }, { 1, 1 }, { 24, 80 } };
	for (int screen = 0; screen < 2; screen++) {
		press(u, screen == 0 ? '3' : '4');
		for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
			resize_term(sizes[i][0], sizes[i][1]);
			ui_resize(u, sizes[i][0], sizes[i][1]);
			ui_draw(u);
			press(u, 'D');		/* a prompt at that size too */
			press(u, 27);
		}
	}
	assert_true(find("Owner: 長い名前の担当者がいる部署の責任者   Due: (none; D sets it)") >
		    u->layout.pane.y);
	ui_free(u);
}

/* ---------- the export screen (5) ---------- */

/* The bytes of member NAME of the zip file PATH, NUL-ended (malloc'd). */
static char *zip_member(const char *path, const char *name)
{
	int err = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &err);
	assert_non_null(z);
	zip_stat_t sb;
	assert_int_equal(zip_stat(z, name, 0, &sb), 0);
	assert_true(sb.valid & ZIP_STAT_SIZE);
	char *buf = malloc(sb.size + 1);
	assert_non_null(buf);
	zip_file_t *f = zip_fopen(z, name, 0);
	assert_non_null(f);
	assert_int_equal(zip_fread(f, buf, sb.size), (zip_int64_t)sb.size);
	buf[sb.size] = '\0';
	zip_fclose(f);
	zip_close(z);
	return buf;
}

/* Space on What until it shows WORDS ("< WORDS >" on its row, 4 of the
 * body); -1 when a whole turn of the choices never shows it. */
static int choose_what(struct ui *u, const char *words)
{
	char *want = str_printf("What             < %s >", words);
	assert_non_null(want);
	int y = -1;
	for (int i = 0; i < 12 && (y = find(want)) < 0; i++)
		press(u, ' ');
	free(want);
	return y;
}

/* What goes through the choices of `export --what` (its usage: the
 * whole assessment, annex1, annex2, countermeasures, crosswalk, open;
 * the names from catalog/annex1.xml and annex2.xml) and back; open
 * items + XLSX chosen by keys, written where typed, and read back: the
 * workbook's sheets are the summary and "Open items" (export_xlsx_rows.c
 * XS_OPEN), nothing else but the hidden iotscope sheet.  The whole
 * assessment as CSV is refused with the CLI's message, at once, even
 * over an existing file (no replace question); the crosswalk is
 * written in all four formats. */
static void test_export_choices(void **st)
{
	(void)st;
	struct ui *u = opened();
	press(u, '5');
	assert_int_equal(u->screen, SCR_EXPORT);
	static const char *const whats[] = {
		"the whole assessment", "the Annex 1 checklist", "the Annex 2 checklist",
		"the countermeasure review", "the ISO/IEC 27002 crosswalk", "the open items",
	};
	for (size_t i = 0; i < sizeof whats / sizeof whats[0]; i++) {
		char *want = str_printf("What             < %s >", whats[i]);
		assert_non_null(want);
		assert_true(find(want) >= 0);
		free(want);
		press(u, ' ');
	}
	assert_true(find("What             < the whole assessment >") >= 0);	/* round */

	char *dir = tu_tmpdir();
	assert_non_null(dir);
	char *path = str_printf("%s/open.xlsx", dir);
	assert_non_null(path);
	assert_true(choose_what(u, "the open items") >= 0);
	press(u, UI_KEY_FN(KEY_DOWN));
	for (int i = 0; i < 3; i++)	/* XML -> CSV -> HTML -> XLSX */
		press(u, ' ');
	assert_true(find("Format           < XLSX (Excel workbook to fill in) >") >= 0);
	for (int i = 0; i < 3; i++)	/* Blank, BOM (both grey), Where */
		press(u, UI_KEY_FN(KEY_DOWN));
	press(u, '\r');
	assert_true(u->prompting);
	ui_key(u, 'U' & 0x1f);	/* C-u: the suggestion out */
	type(u, path, '\r');
	press(u, 'w');
	char *written = str_printf("Written: %s (", path);
	assert_non_null(written);
	assert_non_null(u->message);
	assert_true(strncmp(u->message, written, strlen(written)) == 0);
	free(written);
	char *wb = zip_member(path, "xl/workbook.xml");
	assert_non_null(strstr(wb, "<sheet name=\"Summary\" sheetId=\"1\""));
	assert_non_null(strstr(wb, "<sheet name=\"Open items\" sheetId=\"2\""));
	assert_non_null(strstr(wb, "<sheet name=\"iotscope\" sheetId=\"3\" state=\"hidden\""));
	assert_null(strstr(wb, "sheetId=\"4\""));
	free(wb);

	/* the whole assessment as CSV: refused as `export --format csv` is */
	for (int i = 0; i < 4; i++)
		press(u, UI_KEY_FN(KEY_UP));	/* Where -> What */
	assert_true(choose_what(u, "the whole assessment") >= 0);
	press(u, UI_KEY_FN(KEY_DOWN));
	press(u, ' ');			/* XLSX -> XML */
	press(u, ' ');			/* -> CSV */
	char *csv = str_printf("%s/open.csv", dir);	/* the name followed the format */
	assert_non_null(csv);
	write_file(csv, "keep\n");
	press(u, 'w');
	assert_false(u->confirming);
	assert_string_equal(u->message, "Not written: CSV holds one table: export the "
			    "countermeasures, a checklist, the crosswalk or the open items as CSV, "
			    "the whole assessment as XML, HTML or XLSX");
	FILE *f = fopen(csv, "r");
	char line[16] = "";
	assert_non_null(f);
	assert_non_null(fgets(line, sizeof line, f));
	fclose(f);
	assert_string_equal(line, "keep\n");

	/* the crosswalk in every format: CSV, HTML, XLSX, XML from here */
	press(u, UI_KEY_FN(KEY_UP));
	assert_true(choose_what(u, "the ISO/IEC 27002 crosswalk") >= 0);
	press(u, UI_KEY_FN(KEY_DOWN));
	static const char *const exts[] = { "csv", "html", "xlsx", "xml" };
	for (size_t i = 0; i < 4; i++) {
		char *p = str_printf("%s/open.%s", dir, exts[i]);
		assert_non_null(p);
		press(u, 'w');
		if (u->confirming)	/* open.csv and open.xlsx are there */
			press(u, 'y');
		struct stat sb;
		assert_int_equal(stat(p, &sb), 0);
		assert_true(sb.st_size > 0);
		assert_true(strncmp(u->message, "Written: ", 9) == 0);
		press(u, ' ');
		free(p);
	}
	char *cw = zip_member(path, "xl/workbook.xml");
	assert_non_null(strstr(cw, "<sheet name=\"Crosswalk\" sheetId=\"2\""));
	free(cw);
	free(csv);
	free(path);
	tu_remove_dir(dir);
	ui_free(u);
}

/* 80x24 draws the whole frame; below the minimum (60x16, ui_layout.h)
 * the screen says so; sizes down to one cell draw without a crash, and
 * back at 80x24 everything is there again. */
static void test_resize(void **st)
{
	(void)st;
	struct ui *u = opened();
	ui_go(u, SCR_CMS);
	static const int sizes[][2] = { { 24, 80 }, { 15, 59 }, { 10, 20 }, { 3, 5 }, { 1, 1 },
					{ 24, 80 } };
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
		resize_term(sizes[i][0], sizes[i][1]);
		ui_resize(u, sizes[i][0], sizes[i][1]);
		ui_draw(u);
		int small = sizes[i][0] < 16 || sizes[i][1] < 60;
		assert_int_equal(u->layout.too_small, small);
		if (sizes[i][1] >= 20) {
			assert_int_equal(find("Terminal too") == 0, small);
			assert_int_equal(find("60x16.") >= 0, small);
		}
		if (!small) {
			char *tabs = row(1);
			assert_string_equal(tabs, tabs_80);
			free(tabs);
			assert_true(find(by_hand[2].body) >= 2);
		}
	}
	assert_int_equal(u->screen, SCR_CMS);
	ui_free(u);
}

int main(void)
{
	if (tu_utf8_locale("test_screens") < 0)
		return 77;
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table_complete),
		cmocka_unit_test(test_keys_reach_screens),
		cmocka_unit_test(test_needs_assessment),
		cmocka_unit_test(test_help_per_screen),
		cmocka_unit_test(test_help_go_keys),
		cmocka_unit_test(test_tab_names),
		cmocka_unit_test(test_checklist_cycle),
		cmocka_unit_test(test_crosswalk),
		cmocka_unit_test(test_item_guidance),
		cmocka_unit_test(test_glossary),
		cmocka_unit_test(test_glossary_at_cursor),
		cmocka_unit_test(test_annex7_pane),
		cmocka_unit_test(test_track_dates),
		cmocka_unit_test(test_tracking),
		cmocka_unit_test(test_tracking_sizes),
		cmocka_unit_test(test_export_choices),
		cmocka_unit_test(test_resize),
	};
	return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
