/* test_catalog.c - the catalog holds what the guideline holds, and a
 * damaged catalog is refused with file, line and reason.  Expected
 * figures are counted by hand from the seed (line numbers cited). */
#include "config.h"

#include <sys/stat.h>
#include <unistd.h>

#include "testutil.h"
#include "catalog_cache.h"

static void test_countermeasures(void **st)
{
	(void)st;
	/* IV.5: A-IoT-1..2 + A-1..12; B-IoT-1..11 + B-1..61; C-1..7 ク and 委 */
	assert_int_equal(tu_catalog->ncms, 100);
	size_t per_vp[3] = { 0 };
	for (size_t i = 0; i < tu_catalog->ncms; i++)
		per_vp[tu_catalog->cms[i].viewpoint]++;
	assert_int_equal(per_vp[0], 14);
	assert_int_equal(per_vp[1], 72);
	assert_int_equal(per_vp[2], 14);
	char id[32];
	for (int n = 1; n <= 12; n++) {
		snprintf(id, sizeof id, "A-%d", n);
		assert_true(catalog_cm_index(tu_catalog, id) >= 0);
	}
	for (int n = 1; n <= 61; n++) {
		snprintf(id, sizeof id, "B-%d", n);
		assert_true(catalog_cm_index(tu_catalog, id) >= 0);
	}
	for (int n = 1; n <= 11; n++) {
		snprintf(id, sizeof id, "B-IoT-%d", n);
		assert_true(catalog_cm_index(tu_catalog, id) >= 0);
	}
	for (int n = 1; n <= 7; n++) {
		snprintf(id, sizeof id, "C-%d-own", n);
		assert_true(catalog_cm_index(tu_catalog, id) >= 0);
		snprintf(id, sizeof id, "C-%d-del", n);
		assert_true(catalog_cm_index(tu_catalog, id) >= 0);
	}
	assert_int_equal(catalog_cm_index(tu_catalog, "B-62"), -1);
}

/* Order of derivation.md section 3: A, B, C; IoT items first; by number. */
static void test_order(void **st)
{
	(void)st;
	const struct cat_cm *c = tu_catalog->cms;
	assert_string_equal(c[0].id, "A-IoT-1");
	assert_string_equal(c[1].id, "A-IoT-2");
	assert_string_equal(c[2].id, "A-1");
	assert_string_equal(c[13].id, "A-12");
	assert_string_equal(c[14].id, "B-IoT-1");
	assert_string_equal(c[25].id, "B-1");
	assert_string_equal(c[85].id, "B-61");
	assert_string_equal(c[86].id, "C-1-own");
	assert_string_equal(c[87].id, "C-1-del");
	assert_string_equal(c[99].id, "C-7-del");
	assert_string_equal(c[86].number, "C-1-ク");
	assert_string_equal(c[87].number, "C-1-委");
}

/* Rows per map: one per risk line.  A and B① agree with the IV.3 risk
 * lists (21 risks at seed 2822-2851, 43 from 2856); the others as
 * transcribed row by row from IV.4.3 (3347-3553), repairs in REPAIRS.md. */
static void test_map_rows(void **st)
{
	(void)st;
	static const size_t rows[N_MAPS] = { 21, 43, 35, 31, 35, 20, 59 };
	for (int m = 0; m < N_MAPS; m++) {
		if (tu_catalog->maps[m].nrows != rows[m])
			fail_msg("map %s: %zu rows, expected %zu", catalog_map_id((enum map_id)m),
				 tu_catalog->maps[m].nrows, rows[m]);
		for (size_t r = 0; r < tu_catalog->maps[m].nrows; r++) {
			const struct cat_row *row = &tu_catalog->maps[m].rows[r];
			assert_true(row->ncms > 0);
			for (size_t k = 0; k < row->ncms; k++)
				assert_true(row->cms[k] >= 0 && (size_t)row->cms[k] < tu_catalog->ncms);
		}
	}
}

/* Only A-IoT-1, B-IoT-2, B-IoT-6 and B-44 are named by no map row. */
static void test_unnamed(void **st)
{
	(void)st;
	const char *unnamed[] = { "A-IoT-1", "B-IoT-2", "B-IoT-6", "B-44" };
	size_t n = 0;
	for (size_t i = 0; i < tu_catalog->ncms; i++) {
		if (tu_catalog->cms[i].named_by_map)
			continue;
		n++;
		int known = 0;
		for (int k = 0; k < 4; k++)
			known |= strcmp(tu_catalog->cms[i].id, unnamed[k]) == 0;
		if (!known)
			fail_msg("%s is named by no map row", tu_catalog->cms[i].id);
		assert_true(tu_catalog->cms[i].has_listed);
	}
	assert_int_equal(n, 4);
}

static void test_actions(void **st)
{
	(void)st;
	for (size_t i = 0; i < tu_catalog->ncms; i++) {
		const struct cat_cm *cm = &tu_catalog->cms[i];
		assert_true(cm->nactions > 0 || cm->ntransfers > 0);
		assert_true(cm->title[0] != '\0' && cm->text[0] != '\0');
		if (cm->iot)
			assert_non_null(cm->cites);
		for (size_t t = 0; t < cm->ntransfers; t++)
			assert_true(cm->transfers[t].nduties > 0);
	}
	/* A-6 (seed 3578): two □ actions, the second about one day */
	const struct cat_cm *a6 = &tu_catalog->cms[catalog_cm_index(tu_catalog, "A-6")];
	assert_int_equal(a6->nactions, 2);
	assert_non_null(strstr(a6->actions[1], "1 日以内"));
	assert_string_equal(a6->title, "セキュリティパッチ");
	/* C-1-委 goes to 前処理, 取得 and 収集・保管 (IV.5 C②, seed 3744-3777) */
	const struct cat_cm *c1 = &tu_catalog->cms[catalog_cm_index(tu_catalog, "C-1-del")];
	unsigned roles = 0;
	for (size_t t = 0; t < c1->ntransfers; t++)
		roles |= 1u << c1->transfers[t].role;
	assert_int_equal(roles, (1u << 2) | (1u << 4) | (1u << 5));
}

static void test_vocabulary(void **st)
{
	(void)st;
	const struct catalog *c = tu_catalog;
	/* Fig. 14 (seed 2610-2620): 計測 uses IoT 機器 and 組込みアプリケーション */
	int iot = catalog_component_index(c, "iot-device");
	int emb = catalog_component_index(c, "embedded-app");
	assert_int_equal(c->exec_roles[0].uses, (1u << iot) | (1u << emb));
	assert_string_equal(c->exec_roles[0].label, "計測");
	assert_string_equal(c->exec_roles[10].label, "駆動");
	assert_string_equal(c->env_roles[0].label, "利用者契約");
	assert_string_equal(c->components[iot].label, "IoT 機器");
	for (int i = 0; i < N_COMPONENTS; i++)
		assert_non_null(c->components[i].description);
	assert_string_equal(c->viewpoints[2].id, "C");
}

static void test_annexes(void **st)
{
	(void)st;
	const struct catalog *c = tu_catalog;
	/* Annex 1: 22 items II.x.x.x at seed 3808-3857 */
	assert_int_equal(catalog_checklist(c, "annex1")->nitems, 22);
	/* Annex 2: 46 items at seed 3858-3963, 10 of them split into 23 sub-items */
	assert_int_equal(catalog_checklist(c, "annex2")->nitems, 46 - 10 + 23);
	const struct cat_annex *a2 = catalog_checklist(c, "annex2");
	int i = catalog_item_index(a2, "III.1.1.1.a");
	assert_true(i >= 0);
	const struct cat_annex_entry *e = &a2->entries[i];
	assert_int_equal(e->level, LEVEL_BASIC);
	assert_string_equal(e->eval, "死活監視インターバル（応答確認）");
	assert_string_equal(e->refs[0], "1 回以上／5 分");
	assert_string_equal(e->refs[2], "1 回以上／20 分");
	assert_int_equal(e->required, 0x3f);
	i = catalog_item_index(a2, "III.1.1.4");	/* seed 3881: ★, no eval */
	assert_true(i >= 0);
	assert_int_equal(a2->entries[i].level, LEVEL_RECOMMENDED);
	assert_null(a2->entries[i].eval);
	assert_int_equal(catalog_item_index(catalog_checklist(c, "annex1"), "II.1.1.1") >= 0, 1);
	assert_int_equal(catalog_item_index(catalog_checklist(c, "annex1"), "II.9.9.9"), -1);
	/* the checklists in catalog.xml's order, known by id (catalog/annex*.xml) */
	assert_int_equal(c->n_checklists, 2);
	assert_string_equal(c->checklists[0].id, "annex1");
	assert_string_equal(c->checklists[0].name, "Annex 1");
	assert_int_equal(c->checklists[0].pattern_refs, 0);
	assert_string_equal(c->checklists[1].id, "annex2");
	assert_int_equal(c->checklists[1].pattern_refs, 1);
	assert_int_equal(catalog_checklist_index(c, "annex2"), 1);
	assert_null(catalog_checklist(c, "annex3"));
	assert_null(catalog_checklist(c, NULL));
	char *ids = catalog_checklist_ids(c, "|");
	assert_string_equal(ids, "annex1|annex2");
	free(ids);
}

static void test_patterns(void **st)
{
	(void)st;
	/* Annex 2 header (seed 3863-3865): 機密性 高 = 1-3, 低 = 4-6 */
	assert_int_equal(catalog_pattern_of(0, 0), 1);
	assert_int_equal(catalog_pattern_of(0, 2), 3);
	assert_int_equal(catalog_pattern_of(1, 1), 5);
	assert_int_equal(catalog_pattern_of(2, 0), 0);
	for (int p = 0; p < N_PATTERNS; p++)
		assert_int_equal(tu_catalog->patterns[p].id, p + 1);
	/* the repair log: collected by a full load (iotscope catalog) only */
	assert_int_equal(tu_catalog->nrepairs, 0);
	struct diag d = DIAG_INIT;
	char *dir = tu_src("catalog");
	struct catalog *full = catalog_load_checked(dir, 1, &d);
	assert_non_null(full);
	/* the "- seed line" lines of catalog/REPAIRS.md: 188 in Part IV and
	 * Annexes 1-3, 115 in the guidance parts (114, and since issue 13's
	 * export the Hangul in 「インターフェ이스」 of seed 4706) (grep -c
	 * "^- seed line") */
	assert_int_equal(full->nrepairs, 303);
	catalog_free(full);
	free(dir);
}

/* ---------- a damaged catalog is refused ---------- */

/* Replace FROM by TO in DIR/FILE, load, and expect an error mentioning WANT. */
static void expect_refused(const char *file, const char *from, const char *to,
			   const char *want)
{
	char *dir = tu_copy_catalog();
	char *path = str_printf("%s/%s", dir, file);
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	static char buf[1 << 20];
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	char *out;
	if (from == NULL) {
		out = strdup(to);
	} else {
		char *at = strstr(buf, from);
		assert_non_null(at);
		out = str_printf("%.*s%s%s", (int)(at - buf), buf, to, at + strlen(from));
	}
	assert_int_equal(tu_write(path, out, strlen(out)), 0);
	struct diag d = DIAG_INIT;
	struct catalog *c = catalog_load(dir, &d);
	assert_null(c);
	assert_non_null(d.msg);
	if (strstr(d.msg, want) == NULL)
		fail_msg("message '%s' does not mention '%s'", d.msg, want);
	diag_clear(&d);
	free(out);
	free(path);
	tu_remove_dir(dir);
}

static void test_refuse_malformed(void **st)
{
	(void)st;
	expect_refused("map-B1.xml", "</map>", "</mop>", "map-B1.xml:");
}

static void test_refuse_unknown_cm(void **st)
{
	(void)st;
	/* a map naming a number IV.5 does not define */
	expect_refused("map-A.xml", "<cm ref=\"A-1\"/>", "<cm ref=\"A-13\"/>",
		       "which IV.5 does not define");
}

static void test_refuse_schema(void **st)
{
	(void)st;
	expect_refused("map-C2.xml", "section=\"content\"", "section=\"contents\"",
		       "map-C2.xml:");
	expect_refused("vocabulary.xml", "id=\"lan\"", "id=\"lan2\"", "vocabulary.xml:");
}

static void test_refuse_empty_and_missing(void **st)
{
	(void)st;
	expect_refused("annex1.xml", NULL, "", "empty file");
	char *dir = tu_copy_catalog();
	char *path = str_printf("%s/patterns.xml", dir);
	assert_int_equal(unlink(path), 0);
	struct diag d = DIAG_INIT;
	assert_null(catalog_load(dir, &d));
	assert_non_null(strstr(diag_msg(&d), "patterns.xml"));
	diag_clear(&d);
	free(path);
	tu_remove_dir(dir);
	assert_null(catalog_load("/nonexistent/catalog", &d));
	assert_non_null(strstr(diag_msg(&d), "/nonexistent/catalog"));
	diag_clear(&d);
}

static void test_refuse_dtd(void **st)
{
	(void)st;
	expect_refused("catalog.xml", "<catalog ",
		       "<!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n<catalog ",
		       "DTD");
}

/* A checklist part that breaks the rules of FORMAT.md ("Checklists"). */
static void test_refuse_checklists(void **st)
{
	(void)st;
	/* two parts with one id */
	expect_refused("annex2.xml", "id=\"annex2\"", "id=\"annex1\"",
		       "checklist 'annex1' given twice");
	/* ids export --what takes for itself */
	expect_refused("annex2.xml", "id=\"annex2\"", "id=\"assessment\"",
		       "checklist id 'assessment' is taken");
	expect_refused("annex2.xml", "id=\"annex2\"", "id=\"crosswalk\"",
		       "checklist id 'crosswalk' is taken");
	/* reference values only where the checklist says it has them */
	expect_refused("annex2.xml", " pattern-refs=\"true\"", "",
		       "reference values in a checklist without pattern-refs");
	/* the id is ASCII lower case (catalog.xsd) */
	expect_refused("annex1.xml", "id=\"annex1\"", "id=\"Annex 1\"", "annex1.xml:");
	/* no checklist at all */
	expect_refused("catalog.xml", "<part file=\"annex1.xml\"/>\n  <part file=\"annex2.xml\"/>",
		       "", "a checklist");
}

/* The schema runs only for content that has not passed it before
 * (catalog_cache.c).  An unknown attribute breaks the schema but not the
 * loader, which shows when the schema ran: with the copy's hash listed
 * the copy loads; with the cache damaged, cut short or listing only other
 * content, the same file:line message as ever. */
static void expect_schema_error(const char *dir, int validate)
{
	struct diag d = DIAG_INIT;
	assert_null(catalog_load_checked(dir, validate, &d));
	if (strstr(diag_msg(&d), "map-A.xml:4:") == NULL)
		fail_msg("message '%s' does not say map-A.xml:4:", diag_msg(&d));
	diag_clear(&d);
}

static void test_validation_cache(void **st)
{
	(void)st;
	char *dir = tu_copy_catalog(), *cache = tu_tmpdir();
	char *saved = getenv("XDG_CACHE_HOME") ? strdup(getenv("XDG_CACHE_HOME")) : NULL;
	setenv("XDG_CACHE_HOME", cache, 1);
	struct diag d = DIAG_INIT;
	struct catalog *c = catalog_load(dir, &d);
	assert_non_null(c);
	char h[17], h2[17];
	assert_int_equal(catalog_content_hash(dir, h, &d), 0);
	assert_string_equal(h, c->hash);
	assert_true(catalog_cache_known(h));	/* validated, so listed */
	catalog_free(c);

	tu_replace(dir, "map-A.xml", "<row env-role=\"contract\" line=\"3217\">",
		  "<row env-role=\"contract\" line=\"3217\" unknown=\"1\">");
	expect_schema_error(dir, 0);
	assert_int_equal(catalog_content_hash(dir, h2, &d), 0);
	assert_string_not_equal(h, h2);
	assert_false(catalog_cache_known(h2));	/* failed: not listed */

	/* listed as if it had passed: the schema is skipped, the copy loads */
	catalog_cache_remember(h2);
	assert_non_null(c = catalog_load(dir, &d));
	catalog_free(c);
	expect_schema_error(dir, 1);		/* `iotscope catalog` validates anyway */

	/* a damaged line is not trusted (h2's line is the newest: the first) */
	char *file = str_printf("%s/iotscope/catalog-validated", cache);
	size_t n;
	char *buf = tu_slurp(file, &n);
	assert_non_null(buf);
	assert_true(n >= 68 && strncmp(buf, h2, 16) == 0);
	buf[32] = buf[32] == '0' ? '1' : '0';
	assert_int_equal(tu_write(file, buf, n), 0);
	expect_schema_error(dir, 0);
	/* nor one cut short */
	catalog_cache_remember(h2);
	assert_non_null(c = catalog_load(dir, &d));
	catalog_free(c);
	assert_int_equal(tu_write(file, buf, 20), 0);
	expect_schema_error(dir, 0);
	free(buf);
	free(file);

	if (saved)
		setenv("XDG_CACHE_HOME", saved, 1);
	else
		unsetenv("XDG_CACHE_HOME");
	free(saved);
	tu_remove_dir(cache);
	tu_remove_dir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_countermeasures),
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_map_rows),
		cmocka_unit_test(test_unnamed),
		cmocka_unit_test(test_actions),
		cmocka_unit_test(test_vocabulary),
		cmocka_unit_test(test_annexes),
		cmocka_unit_test(test_patterns),
		cmocka_unit_test(test_refuse_malformed),
		cmocka_unit_test(test_refuse_unknown_cm),
		cmocka_unit_test(test_refuse_schema),
		cmocka_unit_test(test_refuse_empty_and_missing),
		cmocka_unit_test(test_refuse_dtd),
		cmocka_unit_test(test_refuse_checklists),
		cmocka_unit_test(test_validation_cache),
	};
	return cmocka_run_group_tests(tests, tu_load, tu_unload);
}
