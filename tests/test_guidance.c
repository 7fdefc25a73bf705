/* test_guidance.c - the guidance parts of the catalog (issue 13) hold what
 * the seed holds, the ISO/IEC 27002 blocks are tied to the items of the
 * sub-section they are printed in, and a damaged guidance part is refused
 * with file:line.  Every expected figure was counted by hand from
 * shared/seeds/000_a2ff9dfc89857e0b.txt (the "seed"); the command or the
 * seed lines used are given beside each. */
#include "config.h"

#include "testutil.h"
#include "catalog_guidance.h"
#include "glossary_find.h"

/* Parts II and III are seed lines 462-2293 (Part IV starts on 2294).
 *   items:   grep -cE '(II|Ⅱ|III|Ⅲ)\. *[0-9]\. *[0-9]\. *[0-9]\. *【(基本|推奨)】'
 *            over 462-2293 -> 68; over 462-980 (Part II) -> 22
 *   best practices: grep -cE '^\s*- ([ivx]+\.|[a-z]\)|[0-9]+\))' -> 226
 *            (180 i., 42 a), 4 1)); over 462-980 -> 82
 *   evaluation items: one per pattern table, grep -c '^パターン<TAB>対策参照値' -> 37
 *   categories: grep -c '【目的】' -> 25; controls: grep -c '【管理策】' -> 49
 *   （※） headings: seed 676, 1252, 1256, 1260, 1759, 1873, 1877 -> 7
 *   distinct clauses: the 74 block headings, none printed twice
 *            (their numbers through sort | uniq -d print nothing)
 *   ties: blocks x items per sub-section: II.2.1 3x3, II.3.1 6x2, II.4.1 6x1,
 *            II.4.2 3x1, II.4.3 6x2, II.8.1 10x1, III.1.1 6x9, III.2.1 10x4,
 *            III.2.2 5x2, III.3.1 5x5, III.3.2 8x5, III.5.3 6x2 -> 233
 *   Annex 5 headings: grep -c '^#' over 4222-4685 -> 84; Annex 6 over
 *            4687-5379 -> 84 (the same 84 clause numbers)
 *   I.6 terms: 1. (line 199) to 66. (line 440) -> 66
 *   Annex 7 topics: '## 1.' 5382, '## 2.' 5482, '### 3.' 5497, '### 4.' 5507 -> 4 */
static void test_counts(void **st)
{
	(void)st;
	struct guidance_counts n;
	guidance_count(tu_catalog, &n);
	assert_non_null(tu_catalog->guidance);
	assert_int_equal(n.items, 68);
	assert_int_equal(n.bps, 226);
	assert_int_equal(n.evals, 37);
	assert_int_equal(n.categories, 25);
	assert_int_equal(n.controls, 49);
	assert_int_equal(n.cloud, 7);
	assert_int_equal(n.clauses, 74);
	assert_int_equal(n.ties, 233);
	assert_int_equal(n.annex[GUIDANCE_ANNEX5], 84);
	assert_int_equal(n.annex[GUIDANCE_ANNEX6], 84);
	assert_int_equal(n.terms, 66);
	assert_int_equal(n.topics, 4);
	size_t part2 = 0, bps2 = 0, depth[3] = { 0 };
	const struct cat_guidance *g = tu_catalog->guidance;
	for (size_t i = 0; i < g->nitems; i++) {
		if (strncmp(g->items[i].id, "II.", 3) == 0) {
			part2++;
			bps2 += g->items[i].nbps;
		}
		for (size_t k = 0; k < g->items[i].nbps; k++)
			depth[g->items[i].bps[k].depth]++;
	}
	assert_int_equal(part2, 22);
	assert_int_equal(bps2, 82);
	assert_int_equal(depth[0], 180);
	assert_int_equal(depth[1], 42);
	assert_int_equal(depth[2], 4);
}

/* Every Annex 1/2 item has its guidance, and the other way round. */
static void test_items_match_annexes(void **st)
{
	(void)st;
	static const char *const ids[] = { "annex1", "annex2" };
	for (int a = 0; a < 2; a++) {
		const struct cat_annex *an = catalog_checklist(tu_catalog, ids[a]);
		assert_non_null(an);
		for (size_t i = 0; i < an->nentries; i++) {
			if (an->entries[i].kind != ANNEX_ITEM)
				continue;
			const struct cat_gitem *it = guidance_item(tu_catalog, an->entries[i].id);
			assert_non_null(it);
			/* the loader found the checklist by the item's id */
			assert_ptr_equal(&tu_catalog->checklists[it->checklist], an);
			assert_int_equal(it->entry, i);
		}
	}
	/* Part II items are Annex 1's, Part III items Annex 2's */
	assert_string_equal(tu_catalog->checklists[guidance_item(tu_catalog, "II.4.3.2")
						   ->checklist].id, "annex1");
	assert_string_equal(tu_catalog->checklists[guidance_item(tu_catalog, "III.1.1.9")
						   ->checklist].id, "annex2");
	assert_null(guidance_item(tu_catalog, "II.1.1.3"));
	assert_null(guidance_item(tu_catalog, "III.1.1.1.a"));
}

static const struct cat_bp *bp_at(const struct cat_gitem *it, const char *path)
{
	for (size_t k = 0; k < it->nbps; k++)
		if (strcmp(it->bps[k].path, path) == 0)
			return &it->bps[k];
	return NULL;
}

/* Exact texts, compared with the seed line by eye. */
static void test_texts(void **st)
{
	(void)st;
	/* seed 485-503: II.1.1.1 【基本】, best practice iii. with a)-f), e) with 1)-4) */
	const struct cat_gitem *it = guidance_item(tu_catalog, "II.1.1.1");
	assert_non_null(it);
	assert_int_equal(it->line, 485);
	assert_int_equal(it->level, LEVEL_BASIC);
	assert_string_equal(it->section, "II.1.1");
	assert_int_equal(it->nbps, 13);		/* i ii iii, a-f, 1-4 */
	const struct cat_bp *b = bp_at(it, "iii/e/2");
	assert_non_null(b);
	assert_string_equal(b->text, "教育・訓練の実施");	/* seed 500 */
	assert_int_equal(b->line, 500);
	assert_int_equal(b->depth, 2);
	assert_string_equal(bp_at(it, "iii/f")->text, "見直し及び改善への取組の宣言 等");	/* 503 */
	/* seed 1054-1067: III.1.1.1, two body paragraphs (1056, 1057), eval a. */
	it = guidance_item(tu_catalog, "III.1.1.1");
	assert_non_null(it);
	assert_non_null(strstr(it->text, "\n稼働停止を検知した場合は、利用者に速報を通知すること。"));
	assert_int_equal(it->nevals, 2);
	assert_string_equal(it->evals[0].text, "死活監視インターバル（応答確認）");
	assert_int_equal(it->evals[0].line, 1067);
	assert_string_equal(it->evals[1].label, "b");
	/* seed 1122: III.1.1.3 【推奨】 */
	assert_int_equal(guidance_item(tu_catalog, "III.1.1.3")->level, LEVEL_RECOMMENDED);
	/* seed 656-657: a best practice continued by an 例： line */
	b = bp_at(guidance_item(tu_catalog, "II.4.1.1"), "i");
	assert_non_null(strstr(b->text, "\n例： 種類、形式、所在、バックアップ情報、ライセンス情報、業務上の価値 等"));
}

/* The evaluation items are the wording Annex 2 tabulates (seed 3874-3960):
 * equal once spaces are dropped (Annex 2 prints 「UPS等」 where Part III,
 * seed 1937, prints 「UPS 等」). */
static void test_evals_match_annex2(void **st)
{
	(void)st;
	const struct cat_guidance *g = tu_catalog->guidance;
	size_t checked = 0;
	for (size_t i = 0; i < g->nitems; i++) {
		const struct cat_gitem *it = &g->items[i];
		for (size_t k = 0; k < it->nevals; k++) {
			char *sub = str_printf("%s.%s", it->id, it->evals[k].label);
			const struct cat_annex *a2 = catalog_checklist(tu_catalog, "annex2");
			int e = catalog_item_index(a2, sub);
			if (e < 0)	/* an item without sub-items: its own eval */
				e = catalog_item_index(a2, it->id);
			free(sub);
			assert_true(e >= 0);
			const char *want = a2->entries[e].eval, *got = it->evals[k].text;
			assert_non_null(want);
			while (*want || *got) {
				while (*want == ' ')
					want++;
				while (*got == ' ')
					got++;
				assert_int_equal(*want, *got);
				if (*want) {
					want++;
					got++;
				}
			}
			checked++;
		}
	}
	assert_int_equal(checked, 37);
}

static void expect_items(const char *clause, const char *const *want, size_t nwant)
{
	size_t *v, n;
	assert_int_equal(guidance_clause_items(tu_catalog, clause, &v, &n), 0);
	assert_int_equal(n, nwant);
	for (size_t k = 0; k < n; k++)
		assert_string_equal(tu_catalog->guidance->items[v[k]].id, want[k]);
	free(v);
}

/* Clause -> items, read off the seed: the blocks printed after a
 * sub-section's items belong to that sub-section.
 *   6.1 (536) and 6.1.2 (544): in II.2.1 (511), items 513, 524, 528
 *   15.1.3 (614): in II.3.1 (586), items 588, 597
 *   8.1.5（※） (676): in II.4.1 (648), item 650
 *   17.2.1 (2282): in III.5.3 (2221), items 2223, 2233
 *   9.5.1（※） (1877): in III.3.2 (1773), items III.3.2.1-5 (1775-1832) */
static void test_clause_ties(void **st)
{
	(void)st;
	static const char *const s621[] = { "II.2.1.1", "II.2.1.2", "II.2.1.3" };
	expect_items("6.1", s621, 3);
	expect_items("6.1.2", s621, 3);
	static const char *const s1513[] = { "II.3.1.1", "II.3.1.2" };
	expect_items("15.1.3", s1513, 2);
	static const char *const s815[] = { "II.4.1.1" };
	expect_items("8.1.5", s815, 1);
	static const char *const s1721[] = { "III.5.3.1", "III.5.3.2" };
	expect_items("17.2.1", s1721, 2);
	static const char *const s951[] = { "III.3.2.1", "III.3.2.2", "III.3.2.3",
					    "III.3.2.4", "III.3.2.5" };
	expect_items("9.5.1", s951, 5);
	expect_items("5.1", NULL, 0);		/* ISO/IEC 27002 5.1: not printed */

	/* item -> blocks: II.1.1.1 has none (483-508 print no block); II.8.1.1
	 * (916) has the ten of 925-969, 16.1 first, 18.1.5 last */
	const struct cat_gitem *it = guidance_item(tu_catalog, "II.1.1.1");
	assert_int_equal(it->nblocks, 0);
	assert_null(guidance_item_block(tu_catalog, it, 0));
	it = guidance_item(tu_catalog, "II.8.1.1");
	assert_int_equal(it->nblocks, 10);
	const struct cat_block *b = guidance_item_block(tu_catalog, it, 0);
	assert_string_equal(b->clause, "16.1");
	assert_string_equal(b->number, "1 6 . 1");	/* as printed, seed 925 */
	assert_int_equal(b->control, 0);
	assert_string_equal(guidance_item_block(tu_catalog, it, 9)->clause, "18.1.5");

	/* seed 606-608: category 1 5.1 with its 【目的】 */
	it = guidance_item(tu_catalog, "II.3.1.1");
	b = guidance_item_block(tu_catalog, it, 0);
	assert_string_equal(b->clause, "15.1");
	assert_string_equal(b->title, "供給者関係における情報セキュリティ");
	assert_string_equal(b->text, "供給者がアクセスできる組織の資産の保護を確実にするため。");
	assert_int_equal(b->line, 606);
	/* seed 540-542: control 6.1.1 with its 【管理策】 */
	b = guidance_item_block(tu_catalog, guidance_item(tu_catalog, "II.2.1.1"), 1);
	assert_string_equal(b->clause, "6.1.1");
	assert_int_equal(b->control, 1);
	assert_string_equal(b->text, "全ての情報セキュリティの責任を定め、割り当てることが望ましい。");
	/* seed 676: 8.1.5 ... の返却（※）: the mark is a flag, not title text */
	b = guidance_item_block(tu_catalog, guidance_item(tu_catalog, "II.4.1.1"), 3);
	assert_string_equal(b->clause, "8.1.5");
	assert_true(b->cloud);
	assert_string_equal(b->title, "クラウド利用者から預託された情報の返却");

	/* the distinct clauses in clause order: 6.1 first, 18.2.3 last */
	const char **cl;
	size_t n;
	assert_int_equal(guidance_clauses(tu_catalog, &cl, &n), 0);
	assert_int_equal(n, 74);
	assert_string_equal(cl[0], "6.1");
	assert_string_equal(cl[n - 1], "18.2.3");
	for (size_t k = 1; k < n; k++)
		assert_true(guidance_clause_cmp(cl[k - 1], cl[k]) < 0);
	free(cl);
	assert_true(guidance_clause_cmp("9.5", "12.1") < 0);
	assert_true(guidance_clause_cmp("6.1", "6.1.1") < 0);
}

/* Annexes 5 and 6 by clause, with the damaged heading numbers repaired:
 * seed 4387 prints 「1.2 運用のセキュリティ」 (chapter 12), 4524 「1.5
 * 供給者関係」, 4560 「1 5 . 2 供給者のサービス提供の管理」, 5163 「1.3.1.4」. */
static void test_annexes_5_6(void **st)
{
	(void)st;
	const struct cat_clause_text *x = guidance_annex_clause(tu_catalog, GUIDANCE_ANNEX5, "12");
	assert_non_null(x);
	assert_string_equal(x->number, "1.2");
	assert_string_equal(x->title, "運用のセキュリティ");
	assert_int_equal(x->line, 4387);
	x = guidance_annex_clause(tu_catalog, GUIDANCE_ANNEX5, "15");
	assert_string_equal(x->number, "1.5");
	assert_int_equal(x->line, 4524);
	x = guidance_annex_clause(tu_catalog, GUIDANCE_ANNEX5, "15.2");
	assert_string_equal(x->number, "1 5 . 2");
	assert_int_equal(x->line, 4560);
	x = guidance_annex_clause(tu_catalog, GUIDANCE_ANNEX6, "13.1.4");
	assert_string_equal(x->number, "1.3.1.4");
	assert_string_equal(x->title, "仮想ネットワークにおいて重視すべきぜい弱性");
	assert_int_equal(x->line, 5163);
	/* seed 4694-4702: Annex 6 6.1.1, its (a) entry kept with its label */
	x = guidance_annex_clause(tu_catalog, GUIDANCE_ANNEX6, "6.1.1");
	assert_int_equal(x->line, 4694);
	assert_non_null(strstr(x->text, "\n(a) クラウド利用者の情報資産の保護と特定の情報セキュ"));
	/* seed 4706: Annex 6 6.1.2 prints 「管理用インターフェ이스」 with Hangul
	 * 이스 (U+C774 U+C2A4, read i-seu); repaired to インターフェイス, the
	 * spelling of the same phrase in Annex 5 15.1.1 at seed 4546 (REPAIRS.md) */
	x = guidance_annex_clause(tu_catalog, GUIDANCE_ANNEX6, "6.1.2");
	assert_int_equal(x->line, 4704);
	assert_non_null(strstr(x->text, "誤運用、管理用インターフェイスの悪用、DDoS/DoS 攻撃等"));
	assert_null(strstr(x->text, "\xec\x9d\xb4"));	/* 이 */
	/* seed 4405-4407: a sentence split by a page break, joined */
	x = guidance_annex_clause(tu_catalog, GUIDANCE_ANNEX5, "12.1.3");
	assert_non_null(strstr(x->text, "クラウドサービスの提供に支障を来すおそれが生じる。"));
	assert_null(guidance_annex_clause(tu_catalog, GUIDANCE_ANNEX5, "7.1"));
	/* every block printed in Parts II/III has its text in both annexes,
	 * under the same title but for the seed's own spellings: 12.6 and
	 * 12.6.1 print せい弱性 in Part III (2262, 2266) and ぜい弱性 in the
	 * annexes (4478, 4482, 5135, 5137); 13.1.4 prints ぜい弱性 in Part III
	 * (1759) and 脆弱性 in Annex 5 (4500) */
	const struct cat_guidance *g = tu_catalog->guidance;
	size_t differ = 0;
	for (size_t b = 0; b < g->nblocks; b++)
		for (int an = 0; an < N_GUIDANCE_ANNEXES; an++) {
			x = guidance_annex_clause(tu_catalog, an, g->blocks[b].clause);
			assert_non_null(x);
			differ += strcmp(x->title, g->blocks[b].title) != 0;
		}
	assert_int_equal(differ, 5);
}

/* The terms a text uses (glossary_find), worked by hand from the names
 * (seed 199-440) and each text:
 * - Annex 5 (seed 4323): クラウドサービス (8 characters) twice, クラウド
 *   利用者 (7), クラウド事業者 (7), 情報セキュリティ (8, its note in
 *   brackets not written); コントロール holds ロール (53) but inside a
 *   katakana word, so not it; 利用者 only inside クラウド利用者.  Longest
 *   first, then by place: 18, 33, 22, 19;
 * - "IoT サービス利用者が": 63 only (not IoT, IoT サービス, 利用者 inside);
 * - 7, 54 and 56 are written without their notes; no text, no term. */
static void test_glossary_find(void **st)
{
	(void)st;
	const struct cat_term *terms = tu_catalog->guidance->terms;
	static const char annex5_4323[] = "クラウドサービスでは、クラウド利用者が、クラウド事業者の"
		"情報セキュリティの管理外からアクセスすることが一般的である。このため、アクセス"
		"制御の対象となるクラウドサービスに供するネットワーク、ネットワークサービス等が"
		"適切にコントロールされていない場合には、第三者による不正アクセスをもたらすおそれ"
		"がある。";
	static const int want[] = { 18, 33, 22, 19 };
	size_t *v, n;
	assert_int_equal(glossary_find(tu_catalog, annex5_4323, &v, &n), 0);
	assert_int_equal(n, 4);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(terms[v[i]].number, want[i]);
	free(v);
	assert_int_equal(glossary_find(tu_catalog, "IoT サービス利用者が", &v, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(terms[v[0]].number, 63);
	free(v);
	assert_int_equal(glossary_find(tu_catalog, "ロールとコントロール", &v, &n), 0);
	assert_int_equal(n, 1);		/* the first is the term, the second is not */
	assert_int_equal(terms[v[0]].number, 53);
	free(v);
	assert_int_equal(glossary_term_key(&terms[6]), strlen("可用性"));
	assert_int_equal(glossary_term_key(&terms[53]), strlen("IaaS"));
	assert_int_equal(glossary_term_key(&terms[55]), strlen("IoT"));
	assert_int_equal(glossary_find(tu_catalog, "", &v, &n), 0);
	assert_int_equal(n, 0);
	assert_null(v);
}

/* I.6 (seed 197-443): term 7 on line 223, 51 on line 393. */
static void test_glossary(void **st)
{
	(void)st;
	const struct cat_term *t = guidance_term(tu_catalog, "可用性");
	assert_non_null(t);		/* the name without its (JIS Q 27001 を基に定義) */
	assert_int_equal(t->number, 7);
	assert_int_equal(t->line, 223);
	assert_string_equal(t->text, "認可されたエンティティが要求したときに、アクセス及び使用が可能である特性。");
	assert_string_equal(guidance_term(tu_catalog, "可用性(JIS Q 27001 を基に定義)")->name,
			    t->name);
	t = guidance_term(tu_catalog, "利用者接点");
	assert_int_equal(t->number, 51);
	assert_null(guidance_term(tu_catalog, "可用"));
	/* 18 クラウドサービス (272): a word split over 280/282, joined */
	t = &tu_catalog->guidance->terms[17];
	assert_non_null(strstr(t->text, "自社開発システム"));
	/* search: 利用者接点 is the name of 51 only, then in no definition
	 * (grep -n 利用者接点 over 197-443 -> line 393 only) */
	size_t *v, n;
	assert_int_equal(guidance_term_search(tu_catalog, "利用者接点", &v, &n), 0);
	assert_int_equal(n, 1);
	assert_int_equal(tu_catalog->guidance->terms[v[0]].number, 51);
	free(v);
	/* ロール (grep -n ロール over 197-443): the name of 53 (line 397)
	 * first, then the definitions of 20 (300, コントロール) and 62 (424) */
	assert_int_equal(guidance_term_search(tu_catalog, "ロール", &v, &n), 0);
	assert_int_equal(n, 3);
	assert_int_equal(tu_catalog->guidance->terms[v[0]].number, 53);
	assert_int_equal(tu_catalog->guidance->terms[v[1]].number, 20);
	assert_int_equal(tu_catalog->guidance->terms[v[2]].number, 62);
	free(v);
}

/* Annex 7 (seed 5380-5510): topic 1 (5382) weighs providing IoT devices
 * against recommending them; 3 (5497) is the recommending case only. */
static void test_annex7(void **st)
{
	(void)st;
	const struct cat_guidance *g = tu_catalog->guidance;
	int provide = catalog_env_role_index(tu_catalog, "provide");
	int recommend = catalog_env_role_index(tu_catalog, "recommend");
	assert_true(provide >= 0 && recommend >= 0);
	assert_string_equal(g->topics[0].title, "IoT 機器のコンポーネントリスクの処理戦略");
	assert_int_equal(g->topics[0].line, 5382);
	assert_int_equal(g->topics[0].roles, (1u << provide) | (1u << recommend));
	assert_int_equal(g->topics[2].roles, 1u << recommend);
	/* the survey pane at (ア) c 機器等推奨 shows topics 1, 2 and 3; at b
	 * 機器等提供 1 and 2; at d 構成管理 none */
	assert_string_equal(guidance_role_topic(tu_catalog, recommend, 0)->label, "1");
	assert_string_equal(guidance_role_topic(tu_catalog, recommend, 2)->label, "3");
	assert_null(guidance_role_topic(tu_catalog, recommend, 3));
	assert_string_equal(guidance_role_topic(tu_catalog, provide, 1)->label, "2");
	assert_null(guidance_role_topic(tu_catalog, provide, 2));
	assert_null(guidance_role_topic(tu_catalog,
					catalog_env_role_index(tu_catalog, "config"), 0));
	/* seed 5434-5435: the second example's heading, split by a hard break */
	assert_non_null(strstr(g->topics[0].text, "IoT 機器の推奨に留め、提供はしないケース】"));
	/* seed 5394 and 5410 print CO<sub>2</sub>: written CO₂ (U+2082) */
	assert_non_null(strstr(g->topics[0].text, "土壌内の温度・水分量、CO\xe2\x82\x82 濃度等"));
	assert_non_null(strstr(g->topics[0].text, "土壌センサー、CO\xe2\x82\x82 濃度計等"));
	assert_null(strstr(g->topics[0].text, "CO2"));
}

/* ---------- a damaged guidance part is refused with file:line ---------- */

static void expect_refused(const char *file, const char *from, const char *to,
			   const char *want_file, const char *want)
{
	char *dir = tu_copy_catalog();
	tu_replace(dir, file, from, to);
	struct diag d = DIAG_INIT;
	struct catalog *c = catalog_load(dir, &d);
	assert_null(c);
	assert_non_null(d.msg);
	/* "DIR/FILE:LINE: ..." */
	char *where = str_printf("%s/%s:", dir, want_file);
	if (strstr(d.msg, where) == NULL || strstr(d.msg, want) == NULL)
		fail_msg("message '%s' does not say '%s' and '%s'", d.msg, where, want);
	const char *num = strstr(d.msg, where) + strlen(where);
	assert_true(*num >= '1' && *num <= '9');
	diag_clear(&d);
	free(where);
	tu_remove_dir(dir);
}

/* The table of contents (pages.xml, issue 12), read by hand from the
 * seed's 目次 (000_…txt): line 42 "IV. 4. … 導出	121", 43 "IV. 5. リスク
 * 対応策	146", 38 "IV. … 対応方針編	85", 45 "V. 参考資料 ..... 167",
 * 46 "Annex 1 … ..... 169", 47 "Annex 2 … ..... 173", 50 "Annex 5 …
 * ..... 197", 51 "Annex 6 … ..... 225", 53 "Annex 8 … ..... 269", 22
 * "I. 7. 参考文献	16", 23 "II. 組織・運用編	17"; 38 entries on lines
 * 15-43 and 45-53.  The body agrees: III.1.1 refers to "Annex 5 199～200
 * ページ" (seed 1266), inside Annex 5's 197-224. */
static void test_pages(void **st)
{
	(void)st;
	const struct catalog *c = tu_catalog;
	assert_int_equal(c->ntoc, 38);
	const struct cat_toc *t = catalog_toc_of(c, "IV.4");
	assert_non_null(t);
	assert_string_equal(t->id, "IV.4");
	assert_int_equal(t->page, 121);
	assert_int_equal(t->last, 145);
	assert_int_equal(t->line, 42);
	/* IV.4.3 is not in the contents: its section IV.4 holds it */
	assert_ptr_equal(catalog_toc_of(c, "IV.4.3"), t);
	t = catalog_toc_of(c, "IV.5");
	assert_int_equal(t->page, 146);
	assert_int_equal(t->last, 166);
	t = catalog_toc_of(c, "IV");	/* to the page before V */
	assert_int_equal(t->page, 85);
	assert_int_equal(t->last, 166);
	t = catalog_toc_of(c, "Annex1");
	assert_int_equal(t->page, 169);
	assert_int_equal(t->last, 172);
	assert_string_equal(t->title, "組織・運用編 対策項目一覧表");
	t = catalog_toc_of(c, "Annex5");
	assert_true(t->page <= 199 && 200 <= t->last);
	assert_int_equal(t->last, 224);
	t = catalog_toc_of(c, "I.7");	/* the page before II */
	assert_int_equal(t->page, 16);
	assert_int_equal(t->last, 16);
	/* V, 参考資料, holds the annexes (seed 105: five parts, the fifth
	 * 参考資料; 131: the annexes attached as 参考資料), so it runs on to
	 * the end, which the contents do not give */
	t = catalog_toc_of(c, "V");
	assert_int_equal(t->page, 167);
	assert_int_equal(t->last, 0);
	t = catalog_toc_of(c, "Annex7");	/* the page before Annex 8 */
	assert_int_equal(t->page, 263);
	assert_int_equal(t->last, 268);
	t = catalog_toc_of(c, "Annex8");	/* the last: its end not given */
	assert_int_equal(t->page, 269);
	assert_int_equal(t->last, 0);
	assert_int_equal(t->line, 53);
	assert_null(catalog_toc_of(c, "VI"));
	/* a prefix only at a dot: IV.45 is not in IV.4 (but in IV) */
	assert_string_equal(catalog_toc_of(c, "IV.45")->id, "IV");
	assert_ptr_equal(catalog_toc_of(c, "II.1.1.1"), catalog_toc_of(c, "II.1"));
}

static void test_refuse_damaged(void **st)
{
	(void)st;
	/* the table of contents: a page that goes back, a section twice, a
	 * page that is not a number */
	expect_refused("pages.xml", "id=\"IV.5\" page=\"146\"", "id=\"IV.5\" page=\"112\"",
		       "pages.xml", "section IV.5 starts on page 112, before IV.4 on page 121");
	expect_refused("pages.xml", "id=\"IV.5\"", "id=\"IV.4\"",
		       "pages.xml", "section IV.4 is listed twice");
	expect_refused("pages.xml", "page=\"146\"", "page=\"1x6\"", "pages.xml", "page");
	/* an item Annex 1 does not have */
	expect_refused("guidance-II.xml", "id=\"II.1.1.2\"", "id=\"II.1.1.9\"",
		       "guidance-II.xml", "which no checklist lists");
	/* an item filed under another sub-section */
	expect_refused("guidance-II.xml", "id=\"II.1.1.2\"", "id=\"II.2.1.9\"",
		       "guidance-II.xml", "is not an item of section II.1.1");
	/* a control numbered like a category */
	expect_refused("guidance-II.xml", "<control clause=\"6.1.1\"", "<control clause=\"6.1\"",
		       "guidance-II.xml", "a category has a two-part number");
	/* a clause outside ISO/IEC 27002's chapters 5-18: the schema */
	expect_refused("guidance-III.xml", "<category clause=\"6.3\"", "<category clause=\"4.3\"",
		       "guidance-III.xml", "clause");
	/* a lost glossary term */
	expect_refused("glossary.xml", "<term number=\"2\"", "<term number=\"3\"",
		       "glossary.xml", "term number 3 where 2 was expected");
	/* a clause given twice in Annex 6 */
	expect_refused("annex6.xml", "<clause id=\"6.1.2\"", "<clause id=\"6.1.1\"",
		       "annex6.xml", "clause 6.1.1 appears twice in Annex 6");
	/* an Annex 7 topic naming no Fig. 16 block */
	expect_refused("annex7.xml", "roles=\"recommend\"", "roles=\"recomend\"",
		       "annex7.xml", "recomend");
	/* a text cut short: not well-formed */
	expect_refused("annex5.xml", "</clauses>", "</clause>", "annex5.xml", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_counts),
		cmocka_unit_test(test_items_match_annexes),
		cmocka_unit_test(test_texts),
		cmocka_unit_test(test_evals_match_annex2),
		cmocka_unit_test(test_clause_ties),
		cmocka_unit_test(test_annexes_5_6),
		cmocka_unit_test(test_glossary),
		cmocka_unit_test(test_glossary_find),
		cmocka_unit_test(test_annex7),
		cmocka_unit_test(test_pages),
		cmocka_unit_test(test_refuse_damaged),
	};
	return cmocka_run_group_tests(tests, tu_load, tu_unload);
}
