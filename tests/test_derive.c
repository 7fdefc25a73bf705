/* test_derive.c - derivation (derivation.md section 3) against lists worked
 * out by hand from the maps of IV.4.3 (tests/expected_examples.h, with the
 * worksheets in tests/expected_examples.md). */
#include "config.h"

#include "testutil.h"
#include "derive.h"
#include "expected_examples.h"
#include "survey.h"

/* The derived ids, in order, must be exactly EXPECTED. */
static void assert_derives(const struct survey *s, const char *const *expected)
{
	struct derivation *dv = derive(tu_catalog, s);
	assert_non_null(dv);
	size_t n = 0;
	while (expected[n] != NULL)
		n++;
	for (size_t i = 0; i < dv->nitems && i < n; i++) {
		const char *got = tu_catalog->cms[dv->items[i].cm].id;
		if (strcmp(got, expected[i]) != 0)
			fail_msg("item %zu: derived %s, expected %s", i, got, expected[i]);
	}
	assert_int_equal(dv->nitems, n);
	for (size_t i = 0; i < dv->nitems; i++)
		assert_true(dv->items[i].nreasons > 0);
	derivation_free(dv);
}

static void check_example(const char *name, const char *const *expected)
{
	struct survey *s = tu_example(name);
	assert_non_null(s);
	assert_int_equal(survey_answered(s) > 0, 1);
	assert_derives(s, expected);
	survey_free(s);
}

static void test_fig20(void **st) { (void)st; check_example("fig20", expected_fig20); }
static void test_case1(void **st) { (void)st; check_example("case1", expected_case1); }
static void test_case2(void **st) { (void)st; check_example("case2", expected_case2); }
static void test_case3(void **st) { (void)st; check_example("case3", expected_case3); }
static void test_case4(void **st) { (void)st; check_example("case4", expected_case4); }
static void test_case5(void **st) { (void)st; check_example("case5", expected_case5); }
static void test_case6(void **st) { (void)st; check_example("case6", expected_case6); }

static struct survey *all_answered(enum answer a)
{
	struct survey *s = survey_new(tu_form);
	assert_non_null(s);
	for (size_t i = 0; i < tu_form->ncells; i++)
		s->answers[i] = a;
	return s;
}

static void test_all_x(void **st)
{
	(void)st;
	struct survey *s = all_answered(ANSWER_NO);
	assert_derives(s, expected_all_x);
	survey_free(s);
}

static void test_all_o(void **st)
{
	(void)st;
	struct survey *s = all_answered(ANSWER_YES);
	assert_derives(s, expected_all_o);
	assert_int_equal(tu_catalog->ncms, 100);
	survey_free(s);
}

/* Unanswered is not ×, but derives only what is always in scope; the
 * open cells are reported. */
static void test_unanswered(void **st)
{
	(void)st;
	struct survey *s = survey_new(tu_form);
	struct derivation *dv = derive(tu_catalog, s);
	assert_non_null(dv);
	assert_int_equal(dv->nopen, tu_form->ncells);
	/* same list as all-×: A always, C1 no-content always (IV.4.3 A, C①) */
	size_t n = 0;
	while (expected_all_x[n] != NULL)
		n++;
	assert_int_equal(dv->nitems, n);
	derivation_free(dv);
	/* answering one cell closes it and brings its rows */
	struct diag d = DIAG_INIT;
	assert_int_equal(survey_set(s, "provide.wan", ANSWER_YES, &d), 0);
	dv = derive(tu_catalog, s);
	assert_int_equal(dv->nopen, tu_form->ncells - 1);
	/* B① WAN: 外国法の規制を受けるリスク -> B-7 (seed line 3285) */
	assert_non_null(derivation_find(dv, catalog_cm_index(tu_catalog, "B-7")));
	assert_int_equal(dv->nitems, n + 1);
	derivation_free(dv);
	survey_free(s);
}

/* C-5 needs one of the four external-data situations (note under IV.4.3 C). */
static void test_external_gate(void **st)
{
	(void)st;
	struct survey *s = all_answered(ANSWER_YES);
	struct diag d = DIAG_INIT;
	const char *ext[] = { "external.preprocess-lan", "external.acquire-wan",
			      "external.collect-external", "external.analyze-open-data" };
	for (int i = 0; i < 4; i++)
		assert_int_equal(survey_set(s, ext[i], ANSWER_NO, &d), 0);
	struct derivation *dv = derive(tu_catalog, s);
	assert_null(derivation_find(dv, catalog_cm_index(tu_catalog, "C-5-own")));
	assert_null(derivation_find(dv, catalog_cm_index(tu_catalog, "C-5-del")));
	assert_int_equal(dv->nitems, 98);
	derivation_free(dv);
	assert_int_equal(survey_set(s, ext[3], ANSWER_YES, &d), 0);
	dv = derive(tu_catalog, s);
	assert_non_null(derivation_find(dv, catalog_cm_index(tu_catalog, "C-5-own")));
	assert_non_null(derivation_find(dv, catalog_cm_index(tu_catalog, "C-5-del")));
	derivation_free(dv);
	survey_free(s);
}

/* The four items no map row names (derivation.md section 3). */
static void test_unnamed_items(void **st)
{
	(void)st;
	struct survey *s = all_answered(ANSWER_NO);
	struct diag d = DIAG_INIT;
	int b44 = catalog_cm_index(tu_catalog, "B-44");
	int biot2 = catalog_cm_index(tu_catalog, "B-IoT-2");
	int biot6 = catalog_cm_index(tu_catalog, "B-IoT-6");
	struct derivation *dv = derive(tu_catalog, s);
	assert_non_null(derivation_find(dv, catalog_cm_index(tu_catalog, "A-IoT-1")));
	assert_null(derivation_find(dv, b44));
	assert_null(derivation_find(dv, biot2));
	assert_null(derivation_find(dv, biot6));
	derivation_free(dv);
	/* B-44: the operator runs 駆動 (k uses IoT 機器, Fig. 14) */
	assert_int_equal(survey_set(s, "execute.k", ANSWER_YES, &d), 0);
	assert_int_equal(survey_set(s, "provide.iot-device", ANSWER_YES, &d), 0);
	assert_int_equal(survey_set(s, "recommend.iot-device", ANSWER_YES, &d), 0);
	dv = derive(tu_catalog, s);
	const struct derived *it = derivation_find(dv, b44);
	assert_non_null(it);
	assert_int_equal(it->nreasons, 1);
	assert_null(it->reasons[0].row);
	assert_non_null(derivation_find(dv, biot2));
	assert_non_null(derivation_find(dv, biot6));
	derivation_free(dv);
	survey_free(s);
}

/* Provenance: every selected row that names a countermeasure is a reason.
 * A-5 in Fig. 20 comes from map A (利用者契約 1 row, 構成管理 4 rows) and
 * from B① エッジコンピュータ and 通信ゲートウェイ (ぜい弱性が残るリスク):
 * 7 rows, counted by hand from seed lines 3218-3240 and 3273-3281. */
static void test_provenance(void **st)
{
	(void)st;
	struct survey *s = tu_example("fig20");
	struct derivation *dv = derive(tu_catalog, s);
	const struct derived *it = derivation_find(dv, catalog_cm_index(tu_catalog, "A-5"));
	assert_non_null(it);
	assert_int_equal(it->nreasons, 7);
	int from_a = 0, from_b1 = 0;
	for (size_t i = 0; i < it->nreasons; i++) {
		from_a += it->reasons[i].map == MAP_A;
		from_b1 += it->reasons[i].map == MAP_B1;
	}
	assert_int_equal(from_a, 5);
	assert_int_equal(from_b1, 2);
	derivation_free(dv);
	survey_free(s);
}

/* The bit-set plan (derive_counts, and derive() built on it) against the
 * maps read one trigger at a time as derivation.md 3 writes them
 * (derive_in_scope), over random surveys with every answer ○, × or open:
 * the same countermeasures, with the same number of reasons. */
static void reference_counts(const struct survey *s, unsigned *want)
{
	const struct catalog *c = tu_catalog;
	int ext = 0;
	for (int x = 0; x < N_EXTERNALS; x++)
		ext |= survey_get(s, CELL_EXTERNAL, x) == ANSWER_YES;
	memset(want, 0, c->ncms * sizeof *want);
	for (int m = 0; m < N_MAPS; m++)
		for (size_t r = 0; r < c->maps[m].nrows; r++) {
			const struct cat_row *row = &c->maps[m].rows[r];
			if (!derive_in_scope(&row->trigger, s))
				continue;
			for (size_t k = 0; k < row->ncms; k++)
				want[row->cms[k]] += !c->cms[row->cms[k]].needs_external || ext;
		}
	for (size_t i = 0; i < c->ncms; i++) {
		const struct cat_cm *cm = &c->cms[i];
		if (!cm->named_by_map && cm->has_listed && derive_in_scope(&cm->listed, s))
			want[i] += !cm->needs_external || ext;
	}
}

static void test_counts_as_written(void **state)
{
	(void)state;
	const struct catalog *c = tu_catalog;
	unsigned *got = calloc(c->ncms, sizeof *got), *want = calloc(c->ncms, sizeof *want);
	assert_non_null(got);
	assert_non_null(want);
	unsigned seed = 8;
	for (int round = 0; round < 2000; round++) {
		struct survey *s = survey_new(tu_form);
		assert_non_null(s);
		int bias = round % 5;	/* from mostly ○ to mostly open */
		for (size_t i = 0; i < tu_form->ncells; i++) {
			int r = rand_r(&seed) % 5;
			s->answers[i] = r < 3 - bias / 2 ? ANSWER_YES : r == 4 ? ANSWER_NO : ANSWER_OPEN;
		}
		reference_counts(s, want);
		size_t n = derive_counts(c, s, got), m = 0;
		assert_memory_equal(got, want, c->ncms * sizeof *got);
		for (size_t i = 0; i < c->ncms; i++)
			m += want[i] > 0;
		assert_int_equal(n, m);
		struct derivation *dv = derive(c, s);
		assert_non_null(dv);
		assert_int_equal(dv->nitems, m);
		for (size_t i = 0; i < dv->nitems; i++)
			assert_int_equal(dv->items[i].nreasons, want[dv->items[i].cm]);
		derivation_free(dv);
		survey_free(s);
	}
	free(got);
	free(want);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fig20),
		cmocka_unit_test(test_case1),
		cmocka_unit_test(test_case2),
		cmocka_unit_test(test_case3),
		cmocka_unit_test(test_case4),
		cmocka_unit_test(test_case5),
		cmocka_unit_test(test_case6),
		cmocka_unit_test(test_all_x),
		cmocka_unit_test(test_all_o),
		cmocka_unit_test(test_unanswered),
		cmocka_unit_test(test_external_gate),
		cmocka_unit_test(test_unnamed_items),
		cmocka_unit_test(test_provenance),
		cmocka_unit_test(test_counts_as_written),
	};
	return cmocka_run_group_tests(tests, tu_load, tu_unload);
}
