/* test_assessment.c - the in-memory assessment: stable ids, action keys,
 * sorted setters and the progress figures.  Expected values are read off
 * the catalog files by hand (cited at each test). */
#include "testutil.h"

#include "assessment.h"

static void test_enum_ids(void **state)
{
	(void)state;
	static const char *const decisions[] = { "none", "todo", "in-place",
						 "not-applicable", "later" };
	static const char *const actions[] = { "none", "done", "not-done", "not-applicable" };
	static const char *const checks[] = { "none", "implemented", "partly",
					      "not-implemented", "not-applicable" };
	for (int i = 0; i < N_DECISIONS; i++) {
		assert_string_equal(decision_id((enum decision)i), decisions[i]);
		assert_int_equal(decision_parse(decisions[i]), i);
	}
	for (int i = 0; i < N_ACTION_STATES; i++) {
		assert_string_equal(action_state_id((enum action_state)i), actions[i]);
		assert_int_equal(action_state_parse(actions[i]), i);
	}
	for (int i = 0; i < N_CHECK_STATUSES; i++) {
		assert_string_equal(check_status_id((enum check_status)i), checks[i]);
		assert_int_equal(check_status_parse(checks[i]), i);
	}
	assert_int_equal(decision_parse("TODO"), -1);
	assert_int_equal(decision_parse(""), -1);
	assert_int_equal(decision_parse(NULL), -1);
	assert_int_equal(action_state_parse("in-place"), -1);
	assert_int_equal(check_status_parse("done"), -1);
	assert_string_equal(decision_id(N_DECISIONS), "?");
	assert_string_equal(check_status_id((enum check_status)-1), "?");
}

static const struct cat_cm *cm(const char *id)
{
	int i = catalog_cm_index(tu_catalog, id);
	assert_true(i >= 0);
	return &tu_catalog->cms[i];
}

/* A-1 (countermeasures-A.xml line 17) has five <action>s. */
static void test_action_keys_actions(void **state)
{
	(void)state;
	char **keys;
	int n = action_keys(cm("A-1"), &keys);
	assert_int_equal(n, 5);
	static const char *const want[] = { "1", "2", "3", "4", "5" };
	for (int i = 0; i < n; i++)
		assert_string_equal(keys[i], want[i]);
	action_keys_free(keys, n);
	char *k = action_key(cm("A-1"), 0, 3);
	assert_string_equal(k, "3");
	free(k);
	assert_null(action_key(cm("A-1"), 0, 0));
	assert_null(action_key(cm("A-1"), 0, 6));
	assert_null(action_key(cm("A-1"), 1, 1));	/* A-1 transfers nothing */
	const char *t = action_text(cm("A-1"), "3");
	assert_non_null(t);
	assert_non_null(strstr(t, "構成管理の対象として登録・管理している"));
}

/* C-1-del (countermeasures-C.xml): role c two duties, e one, f one. */
static void test_action_keys_duties(void **state)
{
	(void)state;
	char **keys;
	int n = action_keys(cm("C-1-del"), &keys);
	assert_int_equal(n, 4);
	static const char *const want[] = { "c.1", "c.2", "e.1", "f.1" };
	for (int i = 0; i < n; i++)
		assert_string_equal(keys[i], want[i]);
	action_keys_free(keys, n);
	char *k = action_key(cm("C-1-del"), 1, 2);
	assert_string_equal(k, "c.2");
	free(k);
	k = action_key(cm("C-1-del"), 3, 1);
	assert_string_equal(k, "f.1");
	free(k);
	assert_null(action_key(cm("C-1-del"), 2, 2));	/* e has one duty */
	assert_null(action_key(cm("C-1-del"), 4, 1));
	assert_null(action_key(cm("C-1-del"), 0, 1));	/* no <action>s */
	assert_non_null(strstr(action_text(cm("C-1-del"), "c.2"), "全体のデータ量を監視"));
	assert_non_null(strstr(action_text(cm("C-1-del"), "e.1"), "前処理でデータ量"));
	static const char *const bad[] = { "", "0", "1", "c.", "c.0", "c.3", "d.1", "z.1",
					   "c.1x", "c1", ".1", "01", "c.01", "e.2" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_null(action_text(cm("C-1-del"), bad[i]));
	assert_null(action_text(cm("C-1-del"), NULL));
}

static struct assessment *fresh(void)
{
	struct assessment *a = assessment_new(tu_form);
	assert_non_null(a);
	assert_int_equal(a->id, 0);
	assert_int_equal(a->nreviews, 0);
	assert_int_equal(survey_answered(a->survey), 0);
	return a;
}

static void test_reviews_sorted(void **state)
{
	(void)state;
	struct assessment *a = fresh();
	struct diag d = DIAG_INIT;
	const char *order[] = { "B-2", "A-1", "C-1-del", "B-10", "A-IoT-1" };
	for (int i = 0; i < 5; i++)
		assert_int_equal(assessment_set_decision(a, order[i], DECISION_TODO, NULL, &d), 0);
	/* byte order: "A-1" < "A-IoT-1" < "B-10" < "B-2" < "C-1-del" */
	static const char *const want[] = { "A-1", "A-IoT-1", "B-10", "B-2", "C-1-del" };
	assert_int_equal(a->nreviews, 5);
	for (int i = 0; i < 5; i++)
		assert_string_equal(a->reviews[i].cm, want[i]);
	/* an update changes the entry in place, the note NULL clears */
	assert_int_equal(assessment_set_decision(a, "B-2", DECISION_LATER, "ask ops", &d), 0);
	assert_int_equal(a->nreviews, 5);
	assert_int_equal(assessment_review(a, "B-2")->decision, DECISION_LATER);
	assert_string_equal(assessment_review(a, "B-2")->note, "ask ops");
	assert_int_equal(assessment_set_decision(a, "B-2", DECISION_IN_PLACE, NULL, &d), 0);
	assert_null(assessment_review(a, "B-2")->note);
	assert_null(assessment_review(a, "B-3"));
	assert_null(assessment_action(a, "B-3", "1"));
	assert_int_equal(assessment_set_decision(a, "B-3", N_DECISIONS, NULL, &d), -1);
	assert_non_null(d.msg);
	assert_null(assessment_review(a, "B-3"));
	diag_clear(&d);
	assessment_free(a);
}

static void test_actions_sorted(void **state)
{
	(void)state;
	struct assessment *a = fresh();
	struct diag d = DIAG_INIT;
	const char *order[] = { "10", "c.1", "2", "1", "b.3", "b.12" };
	for (int i = 0; i < 6; i++)
		assert_int_equal(assessment_set_action(a, "C-2-del", order[i], ACTION_DONE,
						       order[i], &d), 0);
	/* numbers by value, then duties by role and number */
	static const char *const want[] = { "1", "2", "10", "b.3", "b.12", "c.1" };
	const struct cm_review *r = assessment_review(a, "C-2-del");
	assert_non_null(r);
	assert_int_equal(r->decision, DECISION_NONE);
	assert_int_equal(r->nactions, 6);
	for (int i = 0; i < 6; i++) {
		assert_string_equal(r->actions[i].key, want[i]);
		assert_string_equal(r->actions[i].note, want[i]);
	}
	assert_int_equal(assessment_set_action(a, "C-2-del", "2", ACTION_NOT_APPLICABLE,
					       NULL, &d), 0);
	assert_int_equal(assessment_action(a, "C-2-del", "2")->state, ACTION_NOT_APPLICABLE);
	assert_null(assessment_action(a, "C-2-del", "2")->note);
	assert_int_equal(r->nactions, 6);
	assert_null(assessment_action(a, "C-2-del", "3"));
	assert_int_equal(assessment_set_action(a, "C-2-del", "3", (enum action_state)9, NULL, &d), -1);
	diag_clear(&d);
	assessment_free(a);
}

static void test_checks_sorted(void **state)
{
	(void)state;
	struct assessment *a = fresh();
	struct diag d = DIAG_INIT;
	assert_int_equal(assessment_set_check(a, "annex2", "III.1.1.1", CHECK_PARTLY, "half", &d), 0);
	assert_int_equal(assessment_set_check(a, "annex1", "II.2.1.1", CHECK_IMPLEMENTED, NULL, &d), 0);
	assert_int_equal(assessment_set_check(a, "annex1", "II.1.1.1", CHECK_NOT_APPLICABLE, "n/a", &d), 0);
	assert_int_equal(a->nchecks, 3);
	assert_string_equal(a->checks[0].checklist, "annex1");
	assert_string_equal(a->checks[0].item, "II.1.1.1");
	assert_string_equal(a->checks[1].item, "II.2.1.1");
	assert_string_equal(a->checks[2].checklist, "annex2");
	assert_string_equal(assessment_check(a, "annex2", "III.1.1.1")->note, "half");
	assert_null(assessment_check(a, "annex1", "III.1.1.1"));	/* annex is part of the key */
	assert_int_equal(assessment_set_check(a, "", "X", CHECK_PARTLY, NULL, &d), -1);
	assert_non_null(strstr(diag_msg(&d), "no checklist or item given"));
	diag_clear(&d);
	assert_int_equal(a->nchecks, 3);
	assessment_free(a);
}

static size_t annex_items(void)
{
	/* checkable entries, counted from the catalog data itself */
	size_t n = 0;
	for (size_t k = 0; k < tu_catalog->n_checklists; k++)
		for (size_t i = 0; i < tu_catalog->checklists[k].nentries; i++)
			n += tu_catalog->checklists[k].entries[i].checkable != 0;
	return n;
}

/* Empty answers: only map A (always in scope) and the C1 section 見なくても
 * derive (derivation.md 3), so A-1 is derived and B-61 is not. */
static void test_progress(void **state)
{
	(void)state;
	struct assessment *a = fresh();
	struct diag d = DIAG_INIT;
	struct assessment_progress p;
	assert_int_equal(assessment_progress_of(a, tu_catalog, &p), 0);
	assert_int_equal(p.answered, 0);
	assert_int_equal(p.cells, tu_form->ncells);
	assert_int_equal(p.derived, 16);	/* A 14, C1 見なくても C-1-own C-3-own */
	assert_int_equal(p.reviewed, 0);
	assert_int_equal(p.dropped, 0);
	assert_int_equal(p.checks, annex_items());
	assert_int_equal(p.checks_done, 0);

	assert_int_equal(assessment_set_decision(a, "A-1", DECISION_TODO, NULL, &d), 0);
	assert_int_equal(assessment_set_decision(a, "A-2", DECISION_NONE, "just a note", &d), 0);
	assert_int_equal(assessment_set_decision(a, "B-61", DECISION_IN_PLACE, NULL, &d), 0);
	assert_int_equal(assessment_set_action(a, "B-IoT-2", "1", ACTION_DONE, NULL, &d), 0);
	assert_int_equal(assessment_set_decision(a, "B-1", DECISION_NONE, NULL, &d), 0);
	assert_int_equal(assessment_set_check(a, "annex1", "II.1.1.1", CHECK_IMPLEMENTED, NULL, &d), 0);
	assert_int_equal(assessment_set_check(a, "annex1", "II.1.1.2", CHECK_NONE, "later", &d), 0);
	assert_int_equal(assessment_set_check(a, "annex1", "II.99", CHECK_PARTLY, NULL, &d), 0);
	assert_int_equal(assessment_set_check(a, "annex2", "II.1.1.1", CHECK_PARTLY, NULL, &d), 0);
	assert_int_equal(survey_set(a->survey, "provide.lan", ANSWER_NO, &d), 0);
	assert_int_equal(assessment_progress_of(a, tu_catalog, &p), 0);
	assert_int_equal(p.answered, 1);
	assert_int_equal(p.reviewed, 1);	/* A-1; A-2 has only a note */
	assert_int_equal(p.dropped, 2);		/* B-61 and B-IoT-2; B-1 is empty */
	assert_int_equal(p.checks_done, 1);	/* II.99 and annex-2 II.1.1.1 do not exist */

	/* IoT 機器 provided: B-IoT-2 is derived again (derivation.md 3) */
	assert_int_equal(survey_set(a->survey, "provide.iot-device", ANSWER_YES, &d), 0);
	assert_int_equal(assessment_progress_of(a, tu_catalog, &p), 0);
	assert_int_equal(p.derived, 29);	/* + B1 IoT 機器: B-IoT-1..3, B-1..B-10 */
	assert_int_equal(p.dropped, 1);
	assert_int_equal(p.reviewed, 1);	/* B-IoT-2 has no decision yet */
	assert_null(d.msg);
	assessment_free(a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_enum_ids),
		cmocka_unit_test(test_action_keys_actions),
		cmocka_unit_test(test_action_keys_duties),
		cmocka_unit_test(test_reviews_sorted),
		cmocka_unit_test(test_actions_sorted),
		cmocka_unit_test(test_checks_sorted),
		cmocka_unit_test(test_progress),
	};
	return cmocka_run_group_tests(tests, tu_load, tu_unload);
}
