/* test_store.c - the SQLite store: round trips of every kind of data, the
 * history, copies and deletes, reviews kept when answers change, the
 * migration of a schema-1 database made by the schema-1 code
 * (tests/fixtures/), refusals that leave the file byte for byte as it was,
 * and two writers at once. */
#include "config.h"
#include "testutil.h"

#include <fcntl.h>
#include <pwd.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "assessment.h"
#include "paths.h"
#include "store.h"
#include "store_internal.h"

static char *tmpdir;

static char *tmp(const char *name)
{
	char *p = str_printf("%s/%s", tmpdir, name);
	assert_non_null(p);
	return p;
}

static struct store *open_ok(const char *path, const char *who)
{
	struct diag d = DIAG_INIT;
	struct store *st = store_open(path, who, &d);
	if (st == NULL)
		fail_msg("store_open %s: %s", path, diag_msg(&d));
	return st;
}

static int file_exists(const char *path)
{
	struct stat sb;
	return stat(path, &sb) == 0;
}

/* One integer from a raw connection of our own (not the store's). */
static long long raw_int(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	sqlite3_stmt *s;
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &s, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(s), SQLITE_ROW);
	long long v = sqlite3_column_int64(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return v;
}

static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	char *err = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("%s: %s", sql, err);
	sqlite3_close(db);
}

static int setup_dir(void **state)
{
	(void)state;
	tmpdir = tu_tmpdir();
	return tmpdir ? 0 : -1;
}

static int teardown_dir(void **state)
{
	(void)state;
	char *cmd = str_printf("rm -rf '%s'", tmpdir);
	int rc = cmd ? system(cmd) : -1;
	free(cmd);
	free(tmpdir);
	tmpdir = NULL;
	return rc == 0 ? 0 : -1;
}

/* ---------- a new database ---------- */

static void test_new_database(void **state)
{
	(void)state;
	char *path = tmp("new.db"), *wal = tmp("new.db-wal");
	struct store *st = open_ok(path, "tester");
	struct stat sb;
	assert_int_equal(stat(path, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);
	assert_int_equal(stat(wal, &sb), 0);		/* WAL while open */
	assert_int_equal(sb.st_mode & 0777, 0600);
	store_close(st);
	assert_int_equal(raw_int(path, "PRAGMA application_id"), 0x494f5453);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 4);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name IN "
				 "('assessments','details','answers','reviews','action_states',"
				 "'checks','history','meta','progress')"), 9);
	/* only names are indexed among the details (issue 11) */
	assert_int_equal(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
				 "AND tbl_name = 'details'"), 1);
	/* journal mode WAL is recorded in the header: bytes 18 and 19 are 2 */
	size_t len;
	unsigned char *h = (unsigned char *)tu_slurp(path, &len);
	assert_true(len >= 100);
	assert_int_equal(h[18], 2);
	assert_int_equal(h[19], 2);
	free(h);
	/* opening it again changes nothing in the schema */
	st = open_ok(path, "tester");
	store_close(st);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 4);
	free(path);
	free(wal);
}

/* ---------- round trip ---------- */

static const char tricky[] = "a'; DROP TABLE answers; -- \"quoted\" 改行\nline 2 ○×";

static struct assessment *full_assessment(void)
{
	struct assessment *a = assessment_new(tu_form);
	struct diag d = DIAG_INIT;
	assert_non_null(a);
	assert_int_equal(survey_set_detail(a->survey, DETAIL_NAME, "事例 round trip", &d), 0);
	assert_int_equal(survey_set_detail(a->survey, DETAIL_OPERATOR, tricky, &d), 0);
	assert_int_equal(survey_set_detail(a->survey, DETAIL_SERVICE, "温度監視", &d), 0);
	assert_int_equal(survey_set_detail(a->survey, DETAIL_DESCRIPTION, "desc", &d), 0);
	assert_int_equal(survey_set_detail(a->survey, DETAIL_ASSESSOR, "山田", &d), 0);
	assert_int_equal(survey_set_detail(a->survey, DETAIL_DATE, "2018-07-31", &d), 0);
	assert_int_equal(survey_set_detail(a->survey, DETAIL_INDUSTRY, "物流", &d), 0);
	assert_int_equal(survey_set_detail(a->survey, DETAIL_STRUCTURE, "3", &d), 0);
	assert_int_equal(survey_set_detail(a->survey, DETAIL_NOTES, "", &d), 0);
	assert_int_equal(survey_set_detail(a->survey, DETAIL_CONFIDENTIALITY, "low", &d), 0);
	assert_int_equal(survey_set_detail(a->survey, DETAIL_AVAILABILITY, "mid", &d), 0);
	assert_int_equal(survey_set(a->survey, "provide.lan", ANSWER_YES, &d), 0);
	assert_int_equal(survey_set(a->survey, "provide.wan", ANSWER_NO, &d), 0);
	assert_int_equal(survey_set(a->survey, "data-content", ANSWER_YES, &d), 0);
	assert_int_equal(survey_set(a->survey, "delegate.k", ANSWER_NO, &d), 0);
	assert_int_equal(survey_set(a->survey, "external.analyze-open-data", ANSWER_YES, &d), 0);
	a->created = strdup("2020-01-02T03:04:05Z");
	a->catalog_edition = strdup("2");
	a->catalog_revision = 7;
	assert_int_equal(assessment_set_decision(a, "A-1", DECISION_TODO, tricky, &d), 0);
	assert_int_equal(assessment_set_decision(a, "B-61", DECISION_NOT_APPLICABLE, NULL, &d), 0);
	assert_int_equal(assessment_set_action(a, "A-1", "2", ACTION_DONE, "done 2", &d), 0);
	assert_int_equal(assessment_set_action(a, "A-1", "5", ACTION_NOT_APPLICABLE, NULL, &d), 0);
	assert_int_equal(assessment_set_action(a, "C-1-del", "c.2", ACTION_NOT_DONE, "c2", &d), 0);
	assessment_review(a, "B-61")->changed_by = strdup("someone else");
	assessment_review(a, "B-61")->changed_at = strdup("2019-05-06T07:08:09Z");
	assert_int_equal(assessment_set_check(a, "annex1", "II.1.1.1", CHECK_IMPLEMENTED, "証跡", &d), 0);
	assert_int_equal(assessment_set_check(a, "annex2", "III.1.1.1.a", CHECK_PARTLY, NULL, &d), 0);
	assert_int_equal(assessment_set_check(a, "annex2", "III.1.1.1", CHECK_NOT_IMPLEMENTED, "x", &d), 0);
	assert_int_equal(assessment_set_check(a, "annex1", "II.1.1.2", CHECK_NOT_APPLICABLE, NULL, &d), 0);
	assert_null(d.msg);
	return a;
}

static void assert_same_text(const char *x, const char *y)
{
	if (x == NULL || y == NULL)
		assert_ptr_equal(x, y);
	else
		assert_string_equal(x, y);
}

/* Everything the user entered is equal (not the store's own times). */
static void assert_same(const struct assessment *x, const struct assessment *y)
{
	for (int k = 0; k < N_DETAILS; k++)
		assert_same_text(x->survey->details[k], y->survey->details[k]);
	assert_memory_equal(x->survey->answers, y->survey->answers,
			    tu_form->ncells * sizeof *x->survey->answers);
	assert_int_equal(x->nreviews, y->nreviews);
	for (size_t i = 0; i < x->nreviews; i++) {
		const struct cm_review *r = &x->reviews[i], *s = &y->reviews[i];
		assert_string_equal(r->cm, s->cm);
		assert_int_equal(r->decision, s->decision);
		assert_same_text(r->note, s->note);
		assert_int_equal(r->nactions, s->nactions);
		for (size_t k = 0; k < r->nactions; k++) {
			assert_string_equal(r->actions[k].key, s->actions[k].key);
			assert_int_equal(r->actions[k].state, s->actions[k].state);
			assert_same_text(r->actions[k].note, s->actions[k].note);
		}
	}
	assert_int_equal(x->nchecks, y->nchecks);
	for (size_t i = 0; i < x->nchecks; i++) {
		assert_string_equal(x->checks[i].checklist, y->checks[i].checklist);
		assert_string_equal(x->checks[i].item, y->checks[i].item);
		assert_int_equal(x->checks[i].status, y->checks[i].status);
		assert_same_text(x->checks[i].note, y->checks[i].note);
	}
}

static struct assessment *load_ok(struct store *st, int64_t id)
{
	struct diag d = DIAG_INIT;
	struct assessment *a = store_load(st, id, tu_form, &d);
	if (a == NULL)
		fail_msg("store_load %lld: %s", (long long)id, diag_msg(&d));
	return a;
}

static void test_round_trip(void **state)
{
	(void)state;
	char *path = tmp("round.db");
	struct store *st = open_ok(path, "tester");
	struct assessment *a = full_assessment();
	struct diag d = DIAG_INIT;
	int64_t id = 0;
	assert_int_equal(store_create(st, a, &id, &d), 0);
	assert_int_equal(id, 1);		/* the first row of a new database */
	store_close(st);

	st = open_ok(path, "tester");	/* from the file, not a cache */
	struct assessment *b = load_ok(st, id);
	assert_int_equal(b->id, id);
	assert_same(a, b);
	assert_null(b->survey->details[DETAIL_NOTES]);
	assert_int_equal(b->survey->answers[form_cell_index(tu_form, "provide.wan")], ANSWER_NO);
	assert_int_equal(b->survey->answers[form_cell_index(tu_form, "provide.iot-device")],
			 ANSWER_OPEN);
	assert_string_equal(b->created, "2020-01-02T03:04:05Z");
	assert_non_null(b->changed);
	assert_int_equal(strlen(b->changed), 20);
	assert_string_equal(b->catalog_edition, "2");
	assert_int_equal(b->catalog_revision, 7);
	/* who and when: kept when given, else the store's user */
	assert_string_equal(assessment_review(b, "B-61")->changed_by, "someone else");
	assert_string_equal(assessment_review(b, "B-61")->changed_at, "2019-05-06T07:08:09Z");
	assert_string_equal(assessment_review(b, "A-1")->changed_by, "tester");
	assert_string_equal(assessment_action(b, "C-1-del", "c.2")->changed_by, "tester");
	assert_string_equal(assessment_check(b, "annex2", "III.1.1.1.a")->changed_by, "tester");
	assert_int_equal(survey_pattern(b->survey), 5);	/* 低 with 中: Annex 3 */

	/* a name is required */
	struct assessment *nameless = assessment_new(tu_form);
	assert_int_equal(store_create(st, nameless, &id, &d), -1);
	assert_non_null(strstr(diag_msg(&d), "name"));
	diag_clear(&d);
	assessment_free(nameless);
	assert_int_equal(store_check(st, &d), 0);
	store_close(st);
	assessment_free(a);
	assessment_free(b);
	free(path);
}

/* ---------- edits and the history ---------- */

static int64_t create_named(struct store *st, const char *name)
{
	struct assessment *a = assessment_new(tu_form);
	struct diag d = DIAG_INIT;
	assert_int_equal(survey_set_detail(a->survey, DETAIL_NAME, name, &d), 0);
	int64_t id = 0;
	if (store_create(st, a, &id, &d) < 0)
		fail_msg("store_create: %s", diag_msg(&d));
	assessment_free(a);
	return id;
}

struct want_history {
	const char *who, *what, *old_value, *new_value;
};

static void assert_history(struct store *st, int64_t id, const struct want_history *w,
			   size_t n)
{
	struct history_entry *h;
	size_t got;
	struct diag d = DIAG_INIT;
	assert_int_equal(store_history(st, id, &h, &got, &d), 0);
	assert_int_equal(got, n);
	for (size_t i = 0; i < n; i++) {
		assert_string_equal(h[i].who, w[i].who);
		assert_string_equal(h[i].what, w[i].what);
		assert_same_text(h[i].old_value, w[i].old_value);
		assert_same_text(h[i].new_value, w[i].new_value);
		assert_int_equal(strlen(h[i].at), 20);
		if (i > 0)
			assert_true(h[i].seq > h[i - 1].seq);
	}
	store_history_free(h, got);
}

static void test_edits(void **state)
{
	(void)state;
	char *path = tmp("edits.db");
	struct store *st = open_ok(path, "alice");
	struct diag d = DIAG_INIT;
	int64_t id = create_named(st, "E");
	assert_int_equal(store_set_answer(st, id, "provide.lan", ANSWER_YES, &d), 0);
	assert_int_equal(store_set_answer(st, id, "provide.lan", ANSWER_YES, &d), 0); /* no-op */
	assert_int_equal(store_set_answer(st, id, "provide.lan", ANSWER_NO, &d), 0);
	assert_int_equal(store_set_answer(st, id, "provide.wan", ANSWER_YES, &d), 0);
	assert_int_equal(store_set_answer(st, id, "provide.wan", ANSWER_OPEN, &d), 0);
	assert_int_equal(store_set_detail(st, id, DETAIL_OPERATOR, "ACME", &d), 0);
	assert_int_equal(store_set_detail(st, id, DETAIL_OPERATOR, "", &d), 0);
	assert_int_equal(store_set_detail(st, id, DETAIL_STRUCTURE, "4", &d), -1);
	assert_non_null(strstr(diag_msg(&d), "structure"));
	diag_clear(&d);
	assert_int_equal(store_set_detail(st, id, DETAIL_NAME, "", &d), -1);
	diag_clear(&d);
	assert_int_equal(store_set_decision(st, id, "B-61", DECISION_TODO, &d), 0);
	assert_int_equal(store_set_review_note(st, id, "B-61", tricky, &d), 0);
	assert_int_equal(store_set_decision(st, id, "B-61", DECISION_LATER, &d), 0);
	assert_int_equal(store_set_action(st, id, "C-1-del", "e.1", ACTION_DONE, &d), 0);
	assert_int_equal(store_set_action_note(st, id, "C-1-del", "e.1", "memo", &d), 0);
	assert_int_equal(store_set_check(st, id, "annex2", "III.1.1.1", CHECK_PARTLY, &d), 0);
	assert_int_equal(store_set_check_note(st, id, "annex2", "III.1.1.1", "half", &d), 0);
	assert_int_equal(store_set_check_note(st, id, "annex2", "III.1.1.1", NULL, &d), 0);
	assert_int_equal(store_rename(st, id, "E2", &d), 0);
	assert_int_equal(store_set_check(st, id, "", "III.1.1.1", CHECK_PARTLY, &d), -1);
	diag_clear(&d);
	assert_int_equal(store_set_decision(st, id, "B-61", N_DECISIONS, &d), -1);
	diag_clear(&d);
	/* an assessment that is not there */
	assert_int_equal(store_set_answer(st, id + 100, "provide.lan", ANSWER_YES, &d), -1);
	assert_non_null(strstr(diag_msg(&d), "no assessment"));
	diag_clear(&d);
	store_close(st);

	st = open_ok(path, "bob");
	struct assessment *a = load_ok(st, id);
	assert_string_equal(a->survey->details[DETAIL_NAME], "E2");
	assert_null(a->survey->details[DETAIL_OPERATOR]);
	assert_int_equal(a->survey->answers[form_cell_index(tu_form, "provide.lan")], ANSWER_NO);
	assert_int_equal(a->survey->answers[form_cell_index(tu_form, "provide.wan")], ANSWER_OPEN);
	assert_int_equal(assessment_review(a, "B-61")->decision, DECISION_LATER);
	assert_string_equal(assessment_review(a, "B-61")->note, tricky);
	assert_int_equal(assessment_action(a, "C-1-del", "e.1")->state, ACTION_DONE);
	assert_string_equal(assessment_action(a, "C-1-del", "e.1")->note, "memo");
	assert_int_equal(assessment_check(a, "annex2", "III.1.1.1")->status, CHECK_PARTLY);
	assert_null(assessment_check(a, "annex2", "III.1.1.1")->note);
	assessment_free(a);
	static const struct want_history want[] = {
		{ "alice", "create", NULL, "E" },
		{ "alice", "answer provide.lan", NULL, "o" },
		{ "alice", "answer provide.lan", "o", "x" },
		{ "alice", "answer provide.wan", NULL, "o" },
		{ "alice", "answer provide.wan", "o", NULL },
		{ "alice", "operator", NULL, "ACME" },
		{ "alice", "operator", "ACME", NULL },
		{ "alice", "decision B-61", "none", "todo" },
		{ "alice", "note B-61", NULL, tricky },
		{ "alice", "decision B-61", "todo", "later" },
		{ "alice", "action C-1-del e.1", "none", "done" },
		{ "alice", "action-note C-1-del e.1", NULL, "memo" },
		{ "alice", "check III.1.1.1", "none", "partly" },
		{ "alice", "check-note III.1.1.1", NULL, "half" },
		{ "alice", "check-note III.1.1.1", "half", NULL },
		{ "alice", "name", "E", "E2" },
	};
	assert_history(st, id, want, sizeof want / sizeof want[0]);
	assert_int_equal(store_set_answer(st, id, "data-content", ANSWER_YES, &d), 0);
	struct history_entry *h;
	size_t n;
	assert_int_equal(store_history(st, id, &h, &n, &d), 0);
	assert_string_equal(h[n - 1].who, "bob");
	store_history_free(h, n);
	store_close(st);
	free(path);
}

/* ---------- copy, delete, resolve, list ---------- */

static void test_copy_delete_resolve(void **state)
{
	(void)state;
	char *path = tmp("copy.db");
	struct store *st = open_ok(path, "carol");
	struct diag d = DIAG_INIT;
	struct assessment *a = full_assessment();
	int64_t id, copy, other, got;
	assert_int_equal(store_create(st, a, &id, &d), 0);
	assert_int_equal(store_copy(st, id, "the copy", &copy, &d), 0);
	assert_true(copy > id);
	struct assessment *b = load_ok(st, copy);
	assert_string_equal(b->survey->details[DETAIL_NAME], "the copy");
	free(a->survey->details[DETAIL_NAME]);
	a->survey->details[DETAIL_NAME] = strdup("the copy");
	assert_same(a, b);
	/* the reviewer of the original is kept */
	assert_string_equal(assessment_review(b, "B-61")->changed_by, "someone else");
	assessment_free(b);
	static const struct want_history copied[] = {
		{ "carol", "copy", "事例 round trip (#1)", "the copy" },
	};
	assert_history(st, copy, copied, 1);

	/* resolve by id and name; two of a name are ambiguous */
	assert_int_equal(store_resolve(st, "the copy", &got, &d), 0);
	assert_int_equal(got, copy);
	assert_int_equal(store_resolve(st, "1", &got, &d), 0);
	assert_int_equal(got, id);
	other = create_named(st, "the copy");
	assert_int_equal(store_resolve(st, "the copy", &got, &d), -1);
	assert_non_null(strstr(diag_msg(&d), "give the id"));
	diag_clear(&d);
	assert_int_equal(store_resolve(st, "nobody", &got, &d), -1);
	assert_non_null(strstr(diag_msg(&d), "nobody"));
	diag_clear(&d);
	assert_int_equal(store_resolve(st, "999", &got, &d), -1);
	diag_clear(&d);

	/* delete: the rows go, the others stay, the history stays */
	assert_int_equal(store_delete(st, id, &d), 0);
	assert_null(store_load(st, id, tu_form, &d));
	diag_clear(&d);
	assert_int_equal(store_delete(st, id, &d), -1);
	diag_clear(&d);
	b = load_ok(st, copy);
	assert_int_equal(b->nreviews, 3);
	assessment_free(b);
	struct history_entry *h;
	size_t n;
	assert_int_equal(store_history(st, id, &h, &n, &d), 0);
	assert_int_equal(n, 2);
	assert_string_equal(h[1].what, "delete");
	assert_string_equal(h[1].old_value, "事例 round trip");
	store_history_free(h, n);
	/* ids are never reused: the history of 1 stays the history of 1 */
	int64_t again = create_named(st, "after delete");
	assert_true(again > other);
	/* no orphan rows */
	store_close(st);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM answers WHERE assessment_id = 1"), 0);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM checks WHERE assessment_id = 1"), 0);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM details WHERE assessment_id = 1"), 0);
	assessment_free(a);
	free(path);
}

static void test_list(void **state)
{
	(void)state;
	char *path = tmp("list.db");
	struct store *st = open_ok(path, "dave");
	struct diag d = DIAG_INIT;
	struct assessment_summary *s;
	size_t n;
	assert_int_equal(store_list(st, tu_catalog, tu_form, &s, &n, &d), 0);
	assert_int_equal(n, 0);
	store_summaries_free(s, n);
	int64_t a1 = create_named(st, "one");
	int64_t a2 = create_named(st, "two");
	assert_int_equal(store_set_detail(st, a2, DETAIL_OPERATOR, "Op", &d), 0);
	assert_int_equal(store_set_answer(st, a2, "provide.lan", ANSWER_YES, &d), 0);
	assert_int_equal(store_set_answer(st, a2, "execute.a", ANSWER_NO, &d), 0);
	assert_int_equal(store_set_decision(st, a2, "A-1", DECISION_IN_PLACE, &d), 0);
	assert_int_equal(store_set_check(st, a2, "annex1", "II.1.1.1", CHECK_PARTLY, &d), 0);
	assert_int_equal(store_list(st, tu_catalog, tu_form, &s, &n, &d), 0);
	assert_int_equal(n, 2);
	assert_int_equal(s[0].id, a1);
	assert_string_equal(s[0].name, "one");
	assert_null(s[0].operator_);
	assert_int_equal(s[0].progress.answered, 0);
	assert_int_equal(s[1].id, a2);
	assert_string_equal(s[1].operator_, "Op");
	assert_int_equal(s[1].progress.answered, 2);
	assert_int_equal(s[1].progress.cells, tu_form->ncells);
	assert_int_equal(s[1].progress.reviewed, 1);
	assert_int_equal(s[1].progress.checks_done, 1);
	/* expected_examples.md: A 14 and C1 見なくても C-1-own C-3-own always;
	 * B1 LAN brings B-IoT-3 B-10 */
	assert_int_equal(s[0].progress.derived, 16);
	assert_int_equal(s[1].progress.derived, 18);
	store_summaries_free(s, n);
	store_close(st);
	free(path);
}

/* The list's figures are kept in the progress table: the list fills a
 * row, an edit drops it in its own transaction, the next list works it
 * out again; a row made under another catalog is not trusted. */
static long long progress_rows(const char *path, int64_t id)
{
	char *sql = str_printf("SELECT count(*) FROM progress WHERE assessment_id = %lld",
			       (long long)id);
	long long n = raw_int(path, sql);
	free(sql);
	return n;
}

static struct assessment_progress listed_progress(struct store *st, int64_t id)
{
	struct diag d = DIAG_INIT;
	struct assessment_summary *s;
	size_t n;
	assert_int_equal(store_list(st, tu_catalog, tu_form, &s, &n, &d), 0);
	struct assessment_progress p = { 0 };
	int found = 0;
	for (size_t i = 0; i < n; i++)
		if (s[i].id == id)
			p = s[i].progress, found = 1;
	assert_true(found);
	store_summaries_free(s, n);
	return p;
}

static void test_progress_kept(void **state)
{
	(void)state;
	char *path = tmp("progress.db");
	struct store *st = open_ok(path, "erin");
	struct diag d = DIAG_INIT;
	int64_t id = create_named(st, "kept");
	assert_int_equal(listed_progress(st, id).answered, 0);
	assert_int_equal(progress_rows(path, id), 1);
	assert_int_equal(store_set_answer(st, id, "provide.lan", ANSWER_YES, &d), 0);
	assert_int_equal(progress_rows(path, id), 0);	/* dropped with the edit */
	assert_int_equal(listed_progress(st, id).answered, 1);
	assert_int_equal(store_set_decision(st, id, "A-1", DECISION_TODO, &d), 0);
	assert_int_equal(progress_rows(path, id), 0);
	assert_int_equal(store_set_check(st, id, "annex1", "II.1.1.1", CHECK_PARTLY, &d), 0);
	assert_int_equal(store_set_action(st, id, "A-1", "2", ACTION_DONE, &d), 0);
	struct assessment_progress p = listed_progress(st, id);
	assert_int_equal(p.reviewed, 1);
	assert_int_equal(p.checks_done, 1);
	/* the same figures as working them out from the assessment now */
	struct assessment *a = load_ok(st, id);
	struct assessment_progress q;
	assert_int_equal(assessment_progress_of(a, tu_catalog, &q), 0);
	assessment_free(a);
	assert_memory_equal(&p, &q, sizeof p);
	/* a kept row is what the list shows... */
	char *sql = str_printf("UPDATE progress SET answered = 41 WHERE assessment_id = %lld",
			       (long long)id);
	raw_exec(path, sql);
	free(sql);
	assert_int_equal(listed_progress(st, id).answered, 41);
	/* ...unless it was made under another catalog */
	raw_exec(path, "UPDATE progress SET basis = 'another catalog'");
	assert_int_equal(listed_progress(st, id).answered, 1);
	/* a delete takes the row with it */
	assert_int_equal(store_delete(st, id, &d), 0);
	assert_int_equal(progress_rows(path, id), 0);
	store_close(st);
	free(path);
}

/* A countermeasure that drops out keeps its review (issue 3). */
static void test_dropped_review_kept(void **state)
{
	(void)state;
	char *path = tmp("drop.db");
	struct store *st = open_ok(path, "erin");
	struct diag d = DIAG_INIT;
	int64_t id = create_named(st, "drop");
	/* B-IoT-2 is derived when IoT 機器 is provided (derivation.md 3) */
	assert_int_equal(store_set_answer(st, id, "provide.iot-device", ANSWER_YES, &d), 0);
	assert_int_equal(store_set_decision(st, id, "B-IoT-2", DECISION_IN_PLACE, &d), 0);
	assert_int_equal(store_set_action(st, id, "B-IoT-2", "1", ACTION_DONE, &d), 0);
	struct assessment *a = load_ok(st, id);
	struct assessment_progress p;
	assert_int_equal(assessment_progress_of(a, tu_catalog, &p), 0);
	assert_int_equal(p.reviewed, 1);
	assert_int_equal(p.dropped, 0);
	assessment_free(a);
	assert_int_equal(store_set_answer(st, id, "provide.iot-device", ANSWER_NO, &d), 0);
	a = load_ok(st, id);
	assert_int_equal(assessment_review(a, "B-IoT-2")->decision, DECISION_IN_PLACE);
	assert_int_equal(assessment_action(a, "B-IoT-2", "1")->state, ACTION_DONE);
	assert_int_equal(assessment_progress_of(a, tu_catalog, &p), 0);
	assert_int_equal(p.reviewed, 0);
	assert_int_equal(p.dropped, 1);
	assessment_free(a);
	assert_int_equal(store_set_answer(st, id, "provide.iot-device", ANSWER_YES, &d), 0);
	a = load_ok(st, id);
	assert_int_equal(assessment_progress_of(a, tu_catalog, &p), 0);
	assert_int_equal(p.reviewed, 1);
	assert_int_equal(p.dropped, 0);
	assessment_free(a);
	store_close(st);
	free(path);
}

/* ---------- migration from schema 1 ---------- */

/* Opened again: no second migration, no second backup (BAK2). */
static void reopened_once(const char *path, const char *bak2_name)
{
	char *bak2 = tmp(bak2_name);
	struct store *st = open_ok(path, "migrator");
	store_close(st);
	assert_false(file_exists(bak2));
	free(bak2);
}

/* PATH: a copy of the fixture tests/fixtures/NAME. */
static void copy_fixture(const char *name, const char *path)
{
	char *rel = str_printf("tests/fixtures/%s", name);
	char *fixture = tu_src(rel);
	size_t len;
	char *orig = tu_slurp(fixture, &len);
	assert_non_null(orig);
	assert_int_equal(tu_write(path, orig, len), 0);
	free(orig);
	free(fixture);
	free(rel);
}

/* tests/fixtures/store-v1.db was written by the schema-1 store with the
 * commands listed in tests/fixtures/README.md; what it holds is read off
 * those commands. */
static void test_migration_v1(void **state)
{
	(void)state;
	char *path = tmp("v1.db"), *bak = tmp("v1.db.schema-1.bak");
	copy_fixture("store-v1.db", path);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 1);

	struct store *st = open_ok(path, "migrator");
	store_close(st);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 4);
	assert_int_equal(raw_int(bak, "PRAGMA user_version"), 1);
	assert_int_equal(raw_int(bak, "SELECT count(*) FROM history"), 18);
	struct stat sb;
	assert_int_equal(stat(bak, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0600);

	st = open_ok(path, "migrator");
	struct diag d = DIAG_INIT;
	assert_int_equal(store_check(st, &d), 0);
	struct assessment *a = load_ok(st, 1);
	assert_string_equal(a->survey->details[DETAIL_NAME], "事例1 温度監視");
	assert_string_equal(a->survey->details[DETAIL_OPERATOR], "株式会社サンプル");
	assert_string_equal(a->survey->details[DETAIL_INDUSTRY], "物流");
	assert_string_equal(a->survey->details[DETAIL_STRUCTURE], "2");
	assert_string_equal(a->survey->details[DETAIL_CONFIDENTIALITY], "high");
	assert_string_equal(a->survey->details[DETAIL_AVAILABILITY], "mid");
	assert_null(a->survey->details[DETAIL_SERVICE]);
	assert_null(a->survey->details[DETAIL_NOTES]);
	assert_int_equal(survey_pattern(a->survey), 2);
	/* examples/case1.xml answers every cell; embedded-app was x, then set o */
	assert_int_equal(survey_answered(a->survey), tu_form->ncells);
	assert_int_equal(a->survey->answers[form_cell_index(tu_form, "provide.embedded-app")],
			 ANSWER_YES);
	assert_int_equal(a->survey->answers[form_cell_index(tu_form, "provide.lan")], ANSWER_YES);
	assert_int_equal(a->nreviews, 3);
	assert_int_equal(assessment_review(a, "A-1")->decision, DECISION_TODO);
	assert_string_equal(assessment_review(a, "A-1")->note, "契約書を見直す");
	assert_int_equal(assessment_review(a, "B-61")->decision, DECISION_IN_PLACE);
	assert_int_equal(assessment_action(a, "C-2-del", "c.1")->state, ACTION_DONE);
	assert_string_equal(assessment_action(a, "C-2-del", "c.1")->note, "業者Aに移転済み");
	assert_string_equal(assessment_action(a, "C-2-del", "c.1")->changed_by, "alice");
	assert_int_equal(a->nchecks, 2);
	assert_int_equal(assessment_check(a, "annex1", "II.1.1.1")->status, CHECK_IMPLEMENTED);
	assert_string_equal(assessment_check(a, "annex1", "II.1.1.1")->note, "手順書 v3");
	assert_int_equal(assessment_check(a, "annex2", "III.1.1.1.a")->status, CHECK_PARTLY);
	assessment_free(a);
	a = load_ok(st, 2);
	assert_string_equal(a->survey->details[DETAIL_NAME], "Empty one");
	assert_string_equal(a->survey->details[DETAIL_NOTES], "to be filled");
	assert_int_equal(survey_answered(a->survey), 0);
	assessment_free(a);
	a = load_ok(st, 3);
	assert_string_equal(a->survey->details[DETAIL_NAME], "Copy of case 1");
	assert_int_equal(a->survey->answers[form_cell_index(tu_form, "provide.lan")], ANSWER_NO);
	assert_int_equal(assessment_review(a, "A-1")->decision, DECISION_LATER);
	assert_string_equal(assessment_review(a, "A-1")->changed_by, "bob");
	assessment_free(a);
	struct history_entry *h;
	size_t n;
	assert_int_equal(store_history(st, 3, &h, &n, &d), 0);
	assert_int_equal(n, 3);
	assert_string_equal(h[0].what, "copy");
	assert_string_equal(h[0].old_value, "事例1 温度監視 (#1)");
	assert_string_equal(h[0].new_value, "Copy of case 1");
	assert_string_equal(h[1].what, "answer provide.lan");
	assert_string_equal(h[1].old_value, "o");
	assert_string_equal(h[2].what, "decision A-1");
	assert_string_equal(h[2].old_value, "todo");
	assert_string_equal(h[2].new_value, "later");
	store_history_free(h, n);
	assert_int_equal(store_history(st, 1, &h, &n, &d), 0);
	assert_int_equal(n, 13);
	store_history_free(h, n);
	int64_t got;
	assert_int_equal(store_resolve(st, "Empty one", &got, &d), 0);
	assert_int_equal(got, 2);

	/* schema 2 behaviour on migrated data: a delete keeps the history, a
	 * new assessment gets a new id */
	assert_int_equal(store_delete(st, 2, &d), 0);
	int64_t id = create_named(st, "after migration");
	assert_int_equal(id, 4);
	assert_int_equal(store_history(st, 2, &h, &n, &d), 0);
	assert_int_equal(n, 3);
	assert_string_equal(h[2].what, "delete");
	store_history_free(h, n);
	store_close(st);
	reopened_once(path, "v1.db.schema-1.bak.2");
	free(path);
	free(bak);
}

/* tests/fixtures/store-v2.db was written by the schema-2 store with the
 * commands listed in tests/fixtures/README.md. */
static void test_migration_v2(void **state)
{
	(void)state;
	char *path = tmp("v2.db"), *bak = tmp("v2.db.schema-2.bak");
	copy_fixture("store-v2.db", path);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 2);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name = "
				 "'details_value'"), 1);

	struct store *st = open_ok(path, "migrator");
	store_close(st);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 4);
	assert_int_equal(raw_int(bak, "PRAGMA user_version"), 2);
	assert_int_equal(raw_int(bak, "SELECT count(*) FROM history"), 19);
	/* the index of every detail value is gone; names are indexed */
	assert_int_equal(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name = "
				 "'details_value'"), 0);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name = "
				 "'details_name'"), 1);
	/* checked whole before the migration, and that recorded */
	assert_int_equal(raw_int(path, "SELECT count(*) FROM meta WHERE key = 'checked_version'"),
			 1);

	st = open_ok(path, "migrator");
	struct diag d = DIAG_INIT;
	assert_int_equal(store_check(st, &d), 0);
	struct assessment *a = load_ok(st, 1);
	assert_string_equal(a->survey->details[DETAIL_NAME], "事例1 温度監視");
	assert_string_equal(a->survey->details[DETAIL_OPERATOR], "株式会社サンプル");
	assert_string_equal(a->survey->details[DETAIL_CONFIDENTIALITY], "high");
	assert_int_equal(a->survey->answers[form_cell_index(tu_form, "provide.embedded-app")],
			 ANSWER_YES);
	assert_int_equal(assessment_review(a, "A-1")->decision, DECISION_TODO);
	assert_string_equal(assessment_review(a, "A-1")->note, "契約書を見直す");
	assert_int_equal(assessment_action(a, "C-2-del", "c.1")->state, ACTION_DONE);
	assert_int_equal(assessment_check(a, "annex2", "III.1.1.1.a")->status, CHECK_PARTLY);
	struct assessment_progress want1;
	assert_int_equal(assessment_progress_of(a, tu_catalog, &want1), 0);
	assessment_free(a);
	int64_t got;
	assert_int_equal(store_resolve(st, "Copy of case 1", &got, &d), 0);
	assert_int_equal(got, 3);
	assert_int_equal(store_resolve(st, "Empty one", &got, &d), -1);	/* deleted */
	diag_clear(&d);
	struct history_entry *h;
	size_t n;
	assert_int_equal(store_history(st, 2, &h, &n, &d), 0);
	assert_int_equal(n, 3);
	assert_string_equal(h[2].what, "delete");
	store_history_free(h, n);
	/* the list after the migration: ids 1 and 3, figures worked out */
	struct assessment_summary *s;
	assert_int_equal(store_list(st, tu_catalog, tu_form, &s, &n, &d), 0);
	assert_int_equal(n, 2);
	assert_int_equal(s[0].id, 1);
	assert_int_equal(s[1].id, 3);
	assert_string_equal(s[1].name, "Copy of case 1");
	assert_memory_equal(&s[0].progress, &want1, sizeof want1);
	assert_int_equal(s[0].progress.answered, tu_form->ncells);
	assert_int_equal(s[0].progress.checks_done, 2);
	store_summaries_free(s, n);
	store_close(st);
	reopened_once(path, "v2.db.schema-2.bak.2");
	free(path);
	free(bak);
}

/* One check of A as the fixture's README lists it. */
static void assert_check(const struct assessment *a, const char *checklist, const char *item,
			 enum check_status st, const char *note)
{
	const struct check_entry *e = assessment_check(a, checklist, item);
	if (e == NULL)
		fail_msg("no check %s %s", checklist, item);
	assert_int_equal(e->status, st);
	if (note == NULL)
		assert_null(e->note);
	else
		assert_string_equal(e->note, note);
	assert_string_equal(e->changed_by, "fixture");
}

/* tests/fixtures/store-v3.db was written by the schema-3 store (checks
 * numbered by annex, 1 or 2) with the commands of
 * tests/fixtures/README.md: schema 4 keeps every check under its
 * checklist's id, and the progress triggers on the new table. */
static void test_migration_v3(void **state)
{
	(void)state;
	char *path = tmp("v3.db"), *bak = tmp("v3.db.schema-3.bak");
	copy_fixture("store-v3.db", path);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 3);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM checks WHERE annex = 2"), 3);

	struct store *st = open_ok(path, "migrator");
	struct assessment *a = load_ok(st, 1);
	assert_int_equal(a->nchecks, 4);
	assert_check(a, "annex1", "II.1.1.1", CHECK_IMPLEMENTED, "方針文書 v3");
	assert_check(a, "annex1", "II.2.1.3", CHECK_PARTLY, NULL);
	assert_check(a, "annex2", "III.1.1.1.a", CHECK_NOT_IMPLEMENTED, "監視 1 回/10 分");
	assert_check(a, "annex2", "III.1.1.4", CHECK_NOT_APPLICABLE, NULL);
	assessment_free(a);
	a = load_ok(st, 2);
	assert_int_equal(a->nchecks, 2);
	assert_check(a, "annex1", "II.1.1.2", CHECK_PARTLY, "second");
	assert_check(a, "annex2", "III.1.1.2.b", CHECK_IMPLEMENTED, NULL);
	assessment_free(a);
	struct diag d = DIAG_INIT;
	/* a check edit still drops that assessment's cached progress */
	assert_int_equal(store_set_check(st, 1, "annex2", "III.1.1.4", CHECK_PARTLY, &d), 0);
	store_close(st);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 4);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM checks WHERE checklist = 'annex2'"), 3);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM progress WHERE assessment_id = 1"), 0);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM progress WHERE assessment_id = 2"), 1);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
				 " AND tbl_name = 'checks'"), 3);
	assert_int_equal(raw_int(bak, "PRAGMA user_version"), 3);
	assert_int_equal(raw_int(bak, "SELECT count(*) FROM checks"), 6);
	free(path);
	free(bak);
}

/* ---------- refusals: a clear error, the file unchanged ---------- */

static void refuse(const char *name, const char *content, size_t len, const char *want)
{
	char *path = tmp(name);
	if (content != NULL)
		assert_int_equal(tu_write(path, content, len), 0);
	size_t before_len, after_len;
	char *before = tu_slurp(path, &before_len);
	struct diag d = DIAG_INIT;
	struct store *st = store_open(path, "tester", &d);
	assert_null(st);
	if (strstr(diag_msg(&d), want) == NULL)
		fail_msg("%s: message '%s' does not say '%s'", name, diag_msg(&d), want);
	assert_non_null(strstr(diag_msg(&d), path));	/* says where */
	diag_clear(&d);
	char *after = tu_slurp(path, &after_len);
	if (before == NULL) {
		assert_null(after);
	} else {
		assert_int_equal(before_len, after_len);
		assert_memory_equal(before, after, before_len);
	}
	free(before);
	free(after);
	free(path);
}

/* Our own database with one assessment, as bytes. */
static char *our_database(const char *name, size_t *len)
{
	char *path = tmp(name);
	struct store *st = open_ok(path, "tester");
	struct assessment *a = full_assessment();
	int64_t id;
	struct diag d = DIAG_INIT;
	for (int i = 0; i < 20; i++)
		assert_int_equal(store_create(st, a, &id, &d), 0);
	assessment_free(a);
	store_close(st);
	char *bytes = tu_slurp(path, len);
	assert_non_null(bytes);
	free(path);
	return bytes;
}

static void test_refuse_not_ours(void **state)
{
	(void)state;
	static const char text[] = "name,operator\nfoo,bar\nthis is a CSV file, not a database\n"
		"padding padding padding padding padding padding padding padding\n";
	refuse("text.csv", text, sizeof text - 1, "not an iotscope database");
	refuse("short.bin", "SQLite format 3", 16, "not an iotscope database");

	/* an SQLite file of another program: tables, no application id */
	char *other = tmp("other.sqlite");
	raw_exec(other, "CREATE TABLE t (x); INSERT INTO t VALUES (1);");
	free(other);
	refuse("other.sqlite", NULL, 0, "another program");
	/* an SQLite file with another application id */
	char *fossil = tmp("fossil.db");
	raw_exec(fossil, "PRAGMA application_id = 252006673; CREATE TABLE t (x);");
	free(fossil);
	refuse("fossil.db", NULL, 0, "another program");
	/* a directory */
	char *dir = tmp("a-directory.db");
	assert_int_equal(mkdir(dir, 0700), 0);
	struct diag d = DIAG_INIT;
	assert_null(store_open(dir, "tester", &d));
	assert_non_null(strstr(diag_msg(&d), "not a regular file"));
	diag_clear(&d);
	free(dir);
}

/* A foreign database in WAL mode whose tables sit only in its -wal (its
 * writer never checkpointed): the main file alone looks like an empty
 * SQLite file, so only a check through a connection that reads the WAL
 * can tell; main file and -wal must stay byte for byte as they were. */
static void test_refuse_foreign_wal(void **state)
{
	(void)state;
	char *path = tmp("wal-only.sqlite"), *wal = str_printf("%s-wal", path);
	sqlite3 *db;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_db_config(db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, "PRAGMA journal_mode = WAL; CREATE TABLE t (x); "
				      "INSERT INTO t VALUES ('their data');", NULL, NULL, NULL),
			 SQLITE_OK);
	sqlite3_close(db);
	size_t mlen, wlen, mlen2, wlen2;
	char *main_before = tu_slurp(path, &mlen), *wal_before = tu_slurp(wal, &wlen);
	assert_non_null(main_before);
	assert_non_null(wal_before);
	assert_true(wlen > 0);		/* the data is in the -wal only */
	struct diag d = DIAG_INIT;
	assert_null(store_open(path, "tester", &d));
	assert_non_null(strstr(diag_msg(&d), "another program"));
	diag_clear(&d);
	char *main_after = tu_slurp(path, &mlen2), *wal_after = tu_slurp(wal, &wlen2);
	assert_non_null(main_after);
	assert_non_null(wal_after);
	assert_int_equal(mlen, mlen2);
	assert_memory_equal(main_before, main_after, mlen);
	assert_int_equal(wlen, wlen2);
	assert_memory_equal(wal_before, wal_after, wlen);
	free(main_before);
	free(main_after);
	free(wal_before);
	free(wal_after);
	free(wal);
	free(path);
}

/* A foreign WAL-mode file (checkpointed: no -wal) whose name needs
 * escaping in a URI ('#' ends the path, '?' starts the query, '%' and a
 * space are escaped) is checked through a read-only immutable connection
 * that leaves no -wal or -shm beside it. */
static void test_refuse_foreign_no_trace(void **state)
{
	(void)state;
	static const char *const names[] = { "their db#1.sqlite", "a?b=c.db", "100% done.db" };
	for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
		char *path = tmp(names[i]);
		char *wal = str_printf("%s-wal", path), *shm = str_printf("%s-shm", path);
		raw_exec(path, "PRAGMA journal_mode = WAL; CREATE TABLE t (x);");
		assert_false(file_exists(wal));
		refuse(names[i], NULL, 0, "another program");
		if (file_exists(wal) || file_exists(shm))
			fail_msg("'%s': a -wal or -shm was left beside it", names[i]);
		free(wal);
		free(shm);
		free(path);
	}
}

static void test_refuse_newer(void **state)
{
	(void)state;
	size_t len;
	char *bytes = our_database("newer-src.db", &len);
	char *path = tmp("newer.db");
	assert_int_equal(tu_write(path, bytes, len), 0);
	raw_exec(path, "PRAGMA user_version = 5;");
	free(bytes);
	free(path);
	refuse("newer.db", NULL, 0, "newer iotscope");
}

static void test_refuse_corrupt(void **state)
{
	(void)state;
	size_t len;
	char *bytes = our_database("corrupt-src.db", &len);
	assert_true(len > 3 * 4096);
	/* garbage over page 2 (a b-tree page): the header is still ours */
	char *bad = malloc(len);
	memcpy(bad, bytes, len);
	memset(bad + 4096, 0xa5, 4096);
	refuse("corrupt.db", bad, len, "damaged");
	/* cut off in the middle */
	refuse("truncated.db", bytes, len / 2 + 100, "damaged");
	free(bad);
	free(bytes);
}

/* Issue 8 item 6: four bytes flipped at offset 20000 of a small database
 * land in an index page (page 5, the root of the details' name index):
 * quick_check passes, integrity_check does not.  Refused as damaged, the
 * file unchanged (before, quick_check let it through and the edit was
 * written into it). */
enum { FLIP_AT = 20000 };

static char *flipped(const char *bytes, size_t len)
{
	assert_true(len > FLIP_AT + 4);
	char *bad = malloc(len);
	assert_non_null(bad);
	memcpy(bad, bytes, len);
	for (int i = 0; i < 4; i++)
		bad[FLIP_AT + i] ^= (char)0xff;
	return bad;
}

/* The damage is of the kind only integrity_check sees (checked on a copy:
 * a plain sqlite3 connection leaves the file as it was, but to be sure). */
static void assert_index_damage(const char *bad, size_t len)
{
	char *probe = tmp("flip-probe.db");
	assert_int_equal(tu_write(probe, bad, len), 0);
	assert_int_equal(raw_int(probe, "SELECT count(*) FROM pragma_quick_check "
				 "WHERE quick_check <> 'ok'"), 0);
	assert_true(raw_int(probe, "SELECT count(*) FROM pragma_integrity_check "
			    "WHERE integrity_check <> 'ok'") > 0);
	free(probe);
}

/* 40 assessments with only a name, as `iotscope new NAME` makes them: the
 * names' index fits its root page, page 5 (in schema 2 as in 3). */
static char *named_database(const char *name, size_t *len)
{
	char *path = tmp(name);
	struct store *st = open_ok(path, "tester");
	for (int i = 1; i <= 40; i++) {
		char *n = str_printf("assessment number %d", i);
		create_named(st, n);
		free(n);
	}
	store_close(st);
	char *bytes = tu_slurp(path, len);
	assert_non_null(bytes);
	free(path);
	return bytes;
}

static void test_refuse_index_damage(void **state)
{
	(void)state;
	size_t len;
	char *bytes = named_database("flip-src.db", &len);
	char *bad = flipped(bytes, len);
	assert_index_damage(bad, len);
	refuse("flip.db", bad, len, "damaged");
	free(bad);
	free(bytes);
}

/* When the whole-database check runs on open (store_check.c), with the
 * small-file rule turned off so that the other rules are what decides. */
static char *meta_changed(const char *name, const char *good, size_t len, const char *sql)
{
	char *path = tmp(name);
	assert_int_equal(tu_write(path, good, len), 0);
	raw_exec(path, sql);
	size_t n;
	char *bytes = tu_slurp(path, &n);
	assert_int_equal(n, len);
	char *bad = flipped(bytes, n);
	assert_index_damage(bad, n);
	free(bytes);
	free(path);
	return bad;
}

static void test_check_policy(void **state)
{
	(void)state;
	long long small = store_check_small_bytes;
	store_check_small_bytes = 0;
	size_t len;
	char *bytes = named_database("policy-src.db", &len);
	char *path = tmp("policy.db");
	assert_int_equal(tu_write(path, bytes, len), 0);
	/* never checked by this version: checked now, and that recorded */
	struct store *st = open_ok(path, "tester");
	store_close(st);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM meta WHERE key = 'checked_version'"
				 " AND value = '" PACKAGE_VERSION "'"), 1);
	assert_int_equal(raw_int(path, "SELECT value > strftime('%Y-%m-%dT%H:%M:%SZ', 'now', "
				 "'-1 hour') FROM meta WHERE key = 'checked_at'"), 1);
	size_t n;
	char *good = tu_slurp(path, &n);
	assert_int_equal(n, len);

	/* not due: the damage is found by `iotscope check` (store_check), and
	 * from then on nothing is written */
	char *bad = flipped(good, len);
	assert_index_damage(bad, len);
	assert_int_equal(tu_write(path, bad, len), 0);
	st = open_ok(path, "tester");
	struct diag d = DIAG_INIT;
	assert_int_equal(store_check(st, &d), -1);
	assert_non_null(strstr(diag_msg(&d), "damaged"));
	assert_non_null(strstr(diag_msg(&d), "backup"));
	diag_clear(&d);
	assert_int_equal(store_set_detail(st, 1, DETAIL_NOTES, "more", &d), -1);
	assert_non_null(strstr(diag_msg(&d), "damaged"));
	diag_clear(&d);
	store_close(st);
	char *after = tu_slurp(path, &n);
	assert_int_equal(n, len);
	assert_memory_equal(after, bad, len);
	free(after);
	free(bad);

	/* due: the last check is older than the interval */
	bad = meta_changed("old-check-src.db", good, len, "UPDATE meta SET value = "
			   "'2000-01-01T00:00:00Z' WHERE key = 'checked_at'");
	refuse("old-check.db", bad, len, "damaged");
	free(bad);
	/* due: another version of iotscope checked it last */
	bad = meta_changed("old-version-src.db", good, len, "UPDATE meta SET value = "
			   "'0.0.1' WHERE key = 'checked_version'");
	refuse("old-version.db", bad, len, "damaged");
	free(bad);
	/* due: a shorter interval recorded in the database */
	bad = meta_changed("interval-src.db", good, len, "UPDATE meta SET value = "
			   "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days') WHERE key = "
			   "'checked_at'; UPDATE meta SET value = '1' WHERE key = "
			   "'check_interval_days'");
	refuse("interval.db", bad, len, "damaged");
	free(bad);
	store_check_small_bytes = small;
	free(good);
	free(bytes);
	free(path);
}

/* A WAL with content that no connection holds was left by a process that
 * did not close (a crash): store_check.c checks the database then. */
static void test_wal_left_behind(void **state)
{
	(void)state;
	char *path = tmp("wal.db"), *wal = tmp("wal.db-wal"), *shm = tmp("wal.db-shm");
	struct store *st = open_ok(path, "tester");
	int64_t id = create_named(st, "held open");
	assert_int_equal(id, 1);		/* the first row of a new database */
	/* held by this connection: another process sees it held */
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(store_wal_left_behind(path) == 0 ? 0 : 1);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	store_close(st);
	/* closed: no WAL with content */
	assert_int_equal(store_wal_left_behind(path), 0);
	/* a WAL with content and nobody holding it */
	assert_int_equal(tu_write(wal, "not empty", 9), 0);
	unlink(shm);
	assert_int_equal(store_wal_left_behind(path), 1);
	assert_int_equal(tu_write(shm, "", 0), 0);
	assert_int_equal(store_wal_left_behind(path), 1);
	unlink(wal);
	unlink(shm);
	free(path);
	free(wal);
	free(shm);
}

static void test_refuse_read_only(void **state)
{
	(void)state;
	size_t len;
	char *bytes = our_database("ro-src.db", &len);
	char *path = tmp("ro.db");
	assert_int_equal(tu_write(path, bytes, len), 0);
	assert_int_equal(chmod(path, 0400), 0);
	refuse("ro.db", NULL, 0, "read-only");
	free(bytes);
	free(path);
}

static void test_refuse_uncreatable_dir(void **state)
{
	(void)state;
	char *file = tmp("plain-file");
	assert_int_equal(tu_write(file, "x", 1), 0);
	refuse("plain-file/sub/iotscope.db", NULL, 0, "create the database");
	refuse("no-such-dir/iotscope.db", NULL, 0, "create the database");
	char *nodir = tmp("no-such-dir");
	assert_false(file_exists(nodir));
	/* the default place: $XDG_DATA_HOME/iotscope cannot be made */
	char *xdg = str_printf("%s/plain-file/xdg", tmpdir);
	char *saved = getenv("XDG_DATA_HOME") ? strdup(getenv("XDG_DATA_HOME")) : NULL;
	setenv("XDG_DATA_HOME", xdg, 1);
	struct diag d = DIAG_INIT;
	assert_null(paths_default_db(&d));
	assert_non_null(strstr(diag_msg(&d), "cannot create directory"));
	diag_clear(&d);
	if (saved)
		setenv("XDG_DATA_HOME", saved, 1);
	else
		unsetenv("XDG_DATA_HOME");
	size_t len;
	char *content = tu_slurp(file, &len);
	assert_int_equal(len, 1);
	free(content);
	free(saved);
	free(xdg);
	free(nodir);
	free(file);
}

/* Random bytes over the header fields after the magic (a damaged header):
 * refused as damaged, not read as "a newer iotscope" from a garbage
 * schema number. */
static void test_refuse_damaged_header(void **state)
{
	(void)state;
	size_t len;
	char *bytes = our_database("header-src.db", &len);
	char *bad = malloc(len);
	assert_non_null(bad);
	memcpy(bad, bytes, len);
	for (int i = 16; i < 66; i++)
		bad[i] = (char)(0x5b + 37 * i);
	refuse("bad-header.db", bad, len, "damaged");
	/* one fixed field wrong (payload fraction 64 -> 5) is enough */
	memcpy(bad, bytes, len);
	bad[21] = 5;
	refuse("bad-fraction.db", bad, len, "header");
	free(bad);
	free(bytes);
}

/* An empty path is no database (SQLite would open a temporary one and
 * lose everything) and no backup (VACUUM INTO '' writes nothing). */
static void test_refuse_empty_paths(void **state)
{
	(void)state;
	struct diag d = DIAG_INIT;
	assert_null(store_open("", "tester", &d));
	assert_non_null(strstr(diag_msg(&d), "no database file"));
	diag_clear(&d);
	char *path = tmp("backup-src.db");
	struct store *st = open_ok(path, "tester");
	assert_int_equal(store_backup(st, "", &d), -1);
	assert_non_null(strstr(diag_msg(&d), "no file name"));
	diag_clear(&d);
	store_close(st);
	free(path);
}

/* The history length of assessment ID. */
static size_t history_len(struct store *st, int64_t id)
{
	struct history_entry *h;
	size_t n;
	struct diag d = DIAG_INIT;
	assert_int_equal(store_history(st, id, &h, &n, &d), 0);
	store_history_free(h, n);
	return n;
}

static void assert_refused(int rc, struct diag *d, const char *want)
{
	assert_int_equal(rc, -1);
	if (strstr(diag_msg(d), want) == NULL)
		fail_msg("message '%s' does not say '%s'", diag_msg(d), want);
	diag_clear(d);
}

/* Text no export could carry is refused when it is given, not found
 * later by the export; labels are one line; nothing is written. */
static void test_refuse_bad_text(void **state)
{
	(void)state;
	char *path = tmp("text.db");
	struct store *st = open_ok(path, "tester");
	int64_t id = create_named(st, "Text"), copy = 0;
	size_t before = history_len(st, id);
	struct diag d = DIAG_INIT;
	assert_refused(store_set_detail(st, id, DETAIL_NOTES, "bad\xff\xfe", &d), &d,
		       "notes: not valid UTF-8 at byte 3");
	assert_refused(store_set_detail(st, id, DETAIL_NAME, "cut \xc3", &d), &d,
		       "not valid UTF-8");
	assert_refused(store_set_detail(st, id, DETAIL_OPERATOR, "esc\x1b[31m", &d), &d,
		       "operator: holds the control character U+001B");
	assert_refused(store_set_detail(st, id, DETAIL_NAME, "two\nlines", &d), &d,
		       "one line");
	assert_refused(store_rename(st, id, "tab\there", &d), &d, "one line");
	assert_refused(store_copy(st, id, "x\ny", &copy, &d), &d, "one line");
	assert_refused(store_set_review_note(st, id, "A-1", "\x01", &d), &d, "U+0001");
	assert_refused(store_set_action_note(st, id, "A-1", "1", "\x80", &d), &d,
		       "not valid UTF-8");
	assert_refused(store_set_check_note(st, id, "annex1", "II.1.1.1", "\x02", &d), &d, "U+0002");
	/* keys the store is not told of are refused by the store itself */
	assert_refused(store_set_check(st, id, "", "II.1.1.1", CHECK_IMPLEMENTED, &d), &d,
		       "no checklist given");
	assert_refused(store_set_check(st, id, "annex1", "II.1.1.1", N_CHECK_STATUSES, &d), &d,
		       "II.1.1.1: not a checklist status");
	assert_refused(store_set_check_note(st, id, NULL, "II.1.1.1", "x", &d), &d,
		       "no checklist given");
	assert_refused(store_set_answer(st, id, "provide.lan", (enum answer)7, &d), &d,
		       "not a survey answer");
	assert_refused(store_set_answer(st, id, "", ANSWER_YES, &d), &d, "not a survey answer");
	assert_int_equal(history_len(st, id), before);
	/* other details and notes may hold lines and tabs; Japanese is fine */
	assert_int_equal(store_set_detail(st, id, DETAIL_DESCRIPTION, "一行目\n\t二行目", &d), 0);
	assert_int_equal(store_set_check_note(st, id, "annex1", "II.1.1.1", "証跡\nあり", &d), 0);
	/* store_create checks every text of the assessment before writing */
	struct assessment *a = assessment_new(tu_form);
	assert_int_equal(survey_set_detail(a->survey, DETAIL_NAME, "New", &d), 0);
	assert_int_equal(assessment_set_check(a, "annex1", "II.1.1.1", CHECK_IMPLEMENTED, "\xff", &d), 0);
	int64_t made = 0;
	assert_refused(store_create(st, a, &made, &d), &d, "not valid UTF-8");
	assessment_free(a);
	struct assessment_summary *sum;
	size_t n;
	assert_int_equal(store_list(st, tu_catalog, tu_form, &sum, &n, &d), 0);
	assert_int_equal(n, 1);
	store_summaries_free(sum, n);
	store_close(st);
	/* the name the history records (--assessor) too */
	assert_null(store_open(path, "who\xff", &d));
	assert_non_null(strstr(diag_msg(&d), "assessor"));
	diag_clear(&d);
	free(path);
}

/* Who the history names when no --assessor is given: the login name, or
 * the password database's name for this uid, or "uid N". */
static void test_login_name(void **state)
{
	(void)state;
	char *got = store_login_name();
	assert_non_null(got);
	const char *login = getlogin();
	struct passwd *pw = getpwuid(getuid());
	const char *want = login != NULL && login[0] != '\0' ? login :
		pw != NULL && pw->pw_name[0] != '\0' ? pw->pw_name : NULL;
	if (want != NULL) {
		assert_string_equal(got, want);
	} else {
		char uid[32];
		snprintf(uid, sizeof uid, "uid %ld", (long)getuid());
		assert_string_equal(got, uid);
	}
	free(got);
}

/* ---------- two writers at once ---------- */

enum { WRITER_EDITS = 150 };

/* A child: its own cells, and one cell both write.  Exit 0 iff every
 * edit returned 0. */
static void writer(const char *path, int k)
{
	char who[8];
	snprintf(who, sizeof who, "w%d", k);
	struct diag d = DIAG_INIT;
	struct store *st = store_open(path, who, &d);
	if (st == NULL)
		_exit(10);
	for (int i = 0; i < WRITER_EDITS; i++) {
		char item[32], note[32];
		snprintf(item, sizeof item, "W%d.%d", k, i);
		snprintf(note, sizeof note, "w%d %d", k, i);
		if (store_set_check_note(st, 1, "annex1", item, note, &d) < 0 ||
		    store_set_detail(st, 1, DETAIL_NOTES, note, &d) < 0) {
			fprintf(stderr, "writer %d: %s\n", k, diag_msg(&d));
			_exit(11);
		}
	}
	store_close(st);
	_exit(0);
}

static void test_two_writers(void **state)
{
	(void)state;
	char *path = tmp("two.db");
	struct store *st = open_ok(path, "parent");
	int64_t id = create_named(st, "shared");
	assert_int_equal(id, 1);
	store_close(st);	/* never fork with an open connection */
	fflush(NULL);
	pid_t pid[2];
	for (int k = 0; k < 2; k++) {
		pid[k] = fork();
		assert_true(pid[k] >= 0);
		if (pid[k] == 0)
			writer(path, k);
	}
	for (int k = 0; k < 2; k++) {
		int status;
		assert_int_equal(waitpid(pid[k], &status, 0), pid[k]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	st = open_ok(path, "parent");
	struct diag d = DIAG_INIT;
	assert_int_equal(store_check(st, &d), 0);
	struct assessment *a = load_ok(st, id);
	assert_int_equal(a->nchecks, 2 * WRITER_EDITS);
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < WRITER_EDITS; i++) {
			char item[32], note[32];
			snprintf(item, sizeof item, "W%d.%d", k, i);
			snprintf(note, sizeof note, "w%d %d", k, i);
			assert_string_equal(assessment_check(a, "annex1", item)->note, note);
		}
	/* last writer wins: the cell holds one writer's last value */
	const char *last = a->survey->details[DETAIL_NOTES];
	char last0[32], last1[32];
	snprintf(last0, sizeof last0, "w0 %d", WRITER_EDITS - 1);
	snprintf(last1, sizeof last1, "w1 %d", WRITER_EDITS - 1);
	assert_true(strcmp(last, last0) == 0 || strcmp(last, last1) == 0);
	assessment_free(a);
	/* and the history shows both: every notes edit of each writer */
	struct history_entry *h;
	size_t n, notes[2] = { 0, 0 };
	assert_int_equal(store_history(st, id, &h, &n, &d), 0);
	for (size_t i = 0; i < n; i++)
		if (strcmp(h[i].what, "notes") == 0)
			notes[h[i].who[1] - '0']++;
	assert_int_equal(notes[0], WRITER_EDITS);
	assert_int_equal(notes[1], WRITER_EDITS);
	assert_int_equal(n, 1 + 4 * WRITER_EDITS);
	store_history_free(h, n);
	store_close(st);
	free(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_new_database),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_edits),
		cmocka_unit_test(test_copy_delete_resolve),
		cmocka_unit_test(test_list),
		cmocka_unit_test(test_progress_kept),
		cmocka_unit_test(test_dropped_review_kept),
		cmocka_unit_test(test_migration_v2),
		cmocka_unit_test(test_migration_v3),
		cmocka_unit_test(test_migration_v1),
		cmocka_unit_test(test_refuse_not_ours),
		cmocka_unit_test(test_refuse_foreign_wal),
		cmocka_unit_test(test_refuse_foreign_no_trace),
		cmocka_unit_test(test_refuse_newer),
		cmocka_unit_test(test_refuse_corrupt),
		cmocka_unit_test(test_refuse_index_damage),
		cmocka_unit_test(test_check_policy),
		cmocka_unit_test(test_wal_left_behind),
		cmocka_unit_test(test_refuse_read_only),
		cmocka_unit_test(test_refuse_uncreatable_dir),
		cmocka_unit_test(test_refuse_damaged_header),
		cmocka_unit_test(test_refuse_empty_paths),
		cmocka_unit_test(test_refuse_bad_text),
		cmocka_unit_test(test_login_name),
		cmocka_unit_test(test_two_writers),
	};
	int rc = tu_load(NULL);
	if (rc == 0 && setup_dir(NULL) == 0) {
		rc = cmocka_run_group_tests(tests, NULL, NULL);
		teardown_dir(NULL);
	}
	tu_unload(NULL);
	return rc;
}
