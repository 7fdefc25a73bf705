/* test_crash.c - crash safety, the way SQLite's own crash tests work
 * (reliability.md): a forked writer makes a stream of edits and reports
 * each one on a pipe only after its COMMIT returned SQLITE_OK; the parent
 * kills it with SIGKILL at a random moment, reopens the database and
 * requires integrity_check "ok", every reported edit present, and each
 * edit either whole (row and history row) or absent.
 *
 * IOTSCOPE_CRASH_KILLS sets the number of kills (default 300; `make
 * crash-long` runs more), IOTSCOPE_CRASH_SEED the random seed. */
#include "testutil.h"

#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "assessment.h"
#include "store.h"

enum { KINDS = 4, MAX_DELAY_US = 25000 };

static char *db_path;

struct figures {
	long kills, reported, lost, partial, unreported_commits, not_started, checks;
};

/* ---------- the writer (child) ---------- */

static void edit_key(char *buf, size_t n, int run, int i)
{
	snprintf(buf, n, "K%d.%d", run, i);
}

static void edit_value(char *buf, size_t n, int run, int i)
{
	snprintf(buf, n, "edit %d %d", run, i);
}

/* Edit I of run RUN on assessment ID: four kinds of rows in turn. */
static int one_edit(struct store *st, int64_t id, int run, int i, struct diag *d)
{
	char key[32], value[48];
	edit_key(key, sizeof key, run, i);
	edit_value(value, sizeof value, run, i);
	switch (i % KINDS) {
	case 0:
		return store_set_review_note(st, id, key, value, d);
	case 1:
		return store_set_check_note(st, id, "annex1", key, value, d);
	case 2:
		return store_set_action_note(st, id, "A-1", key, value, d);
	default:
		return store_set_detail(st, id, DETAIL_NOTES, value, d);
	}
}

static void writer(int64_t id, int run, int fd)
{
	struct diag d = DIAG_INIT;
	struct store *st = store_open(db_path, "crash", &d);
	if (st == NULL) {
		dprintf(fd, "E %s\n", diag_msg(&d));
		_exit(3);
	}
	dprintf(fd, "R\n");		/* open: the parent may start its clock */
	for (int i = 0;; i++) {
		if (one_edit(st, id, run, i, &d) < 0) {
			dprintf(fd, "E %s\n", diag_msg(&d));
			_exit(4);
		}
		dprintf(fd, "%d\n", i);		/* only after COMMIT returned OK */
	}
}

/* ---------- the parent ---------- */

/* One line of the writer's reports, a byte at a time (so that nothing
 * after it is consumed); 0 at the end of the stream. */
static int read_line(int fd, char *line, size_t cap)
{
	size_t len = 0;
	for (;;) {
		char c;
		ssize_t n = read(fd, &c, 1);
		if (n < 0 && errno == EINTR)
			continue;
		assert_true(n >= 0);
		if (n == 0 || c == '\n') {
			line[len] = '\0';
			return n == 0 && len == 0 ? 0 : 1;
		}
		if (len < cap - 1)
			line[len++] = c;
	}
}

/* Take one report: "R" (the store is open), an edit index (in order, none
 * skipped), or "E why". */
static void take_report(const char *line, int *last)
{
	if (line[0] == 'E')
		fail_msg("writer failed: %s", line + 2);
	if (line[0] == 'R')
		return;
	int i = atoi(line);
	assert_int_equal(i, *last + 1);
	*last = i;
}

/* Read reports until edit UNTIL has been reported (-1: until the store is
 * open); returns the last edit index. */
static int wait_reports(int fd, int until)
{
	char line[512];
	int last = -1, open = 0;
	while (!open || last < until) {
		if (read_line(fd, line, sizeof line) == 0)
			fail_msg("writer stopped before edit %d", until);
		take_report(line, &last);
		open = 1;
	}
	return last;
}

/* Read what the dead writer reported after LAST: the last edit index. */
static int read_reports(int fd, int last)
{
	char line[512];
	while (read_line(fd, line, sizeof line) != 0)
		take_report(line, &last);
	return last;
}

static int64_t new_assessment(int run)
{
	struct diag d = DIAG_INIT;
	struct store *st = store_open(db_path, "crash", &d);
	if (st == NULL)
		fail_msg("reopen: %s", diag_msg(&d));
	struct assessment *a = assessment_new(tu_form);
	char name[32];
	snprintf(name, sizeof name, "run %d", run);
	assert_int_equal(survey_set_detail(a->survey, DETAIL_NAME, name, &d), 0);
	int64_t id;
	if (store_create(st, a, &id, &d) < 0)
		fail_msg("create: %s", diag_msg(&d));
	assessment_free(a);
	store_close(st);	/* never fork with an open connection */
	return id;
}

/* Is edit I of RUN in A? */
static int edit_present(const struct assessment *a, int run, int i)
{
	char key[32], value[48];
	edit_key(key, sizeof key, run, i);
	edit_value(value, sizeof value, run, i);
	const char *got = NULL;
	switch (i % KINDS) {
	case 0: {
		const struct cm_review *r = assessment_review(a, key);
		got = r ? r->note : NULL;
		break;
	}
	case 1: {
		const struct check_entry *e = assessment_check(a, "annex1", key);
		got = e ? e->note : NULL;
		break;
	}
	case 2: {
		const struct action_review *x = assessment_action(a, "A-1", key);
		got = x ? x->note : NULL;
		break;
	}
	default:
		return -1;	/* overwritten by the next: checked by the history */
	}
	return got != NULL && strcmp(got, value) == 0;
}

/* After the kill: integrity, and edits 0..C-1 whole, the rest absent,
 * with C the number of committed edits (the history rows). */
static void verify(int64_t id, int run, int last, struct figures *fig)
{
	struct diag d = DIAG_INIT;
	struct store *st = store_open(db_path, "crash", &d);
	if (st == NULL)
		fail_msg("reopen after kill %d: %s", run, diag_msg(&d));
	if (store_check(st, &d) < 0)
		fail_msg("after kill %d: %s", run, diag_msg(&d));
	fig->checks++;
	struct assessment *a = store_load(st, id, tu_form, &d);
	assert_non_null(a);
	struct history_entry *h;
	size_t n;
	assert_int_equal(store_history(st, id, &h, &n, &d), 0);
	int committed = (int)n - 1;		/* the first row is "create" */
	for (int i = 0; i < committed; i++) {
		char value[48];
		edit_value(value, sizeof value, run, i);
		fig->partial += strcmp(h[i + 1].new_value, value) != 0;
	}
	int top = last > committed ? last : committed;
	for (int i = 0; i <= top + 1; i++) {
		int present = edit_present(a, run, i);
		if (present >= 0 && present != (i < committed))
			fig->partial++;		/* row without history or back */
		if (i <= last && (i >= committed || present == 0))
			fig->lost++;
	}
	if (committed > 0 && (committed - 1) % KINDS == KINDS - 1) {
		char value[48];
		edit_value(value, sizeof value, run, committed - 1);
		const char *notes = a->survey->details[DETAIL_NOTES];
		fig->partial += notes == NULL || strcmp(notes, value) != 0;
	}
	fig->unreported_commits += committed == last + 2;
	fig->partial += committed > last + 2;	/* more commits than edits made */
	store_history_free(h, n);
	assessment_free(a);
	store_close(st);
}

static void one_kill(int run, struct figures *fig)
{
	int64_t id = new_assessment(run);
	int fds[2];
	assert_int_equal(pipe(fds), 0);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		close(fds[0]);
		writer(id, run, fds[1]);
	}
	close(fds[1]);
	/* Three kills in four start their clock once the writer has reported
	 * a random number of edits, so that they land among the edits however
	 * loaded the machine is; the fourth may land while it opens (and
	 * recovers the last WAL). */
	int last = run % 4 != 3 ? wait_reports(fds[0], rand() % 16 - 1) : -1;
	struct timespec ts = { 0, (long)(rand() % MAX_DELAY_US) * 1000 };
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
	assert_int_equal(kill(pid, SIGKILL), 0);
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	last = read_reports(fds[0], last);
	close(fds[0]);
	if (!WIFSIGNALED(status))
		fail_msg("writer %d exited by itself (status %d)", run, status);
	fig->kills++;
	fig->reported += last + 1;
	fig->not_started += last < 0;
	verify(id, run, last, fig);
}

static void test_crash(void **state)
{
	(void)state;
	const char *env = getenv("IOTSCOPE_CRASH_KILLS");
	const char *seed_env = getenv("IOTSCOPE_CRASH_SEED");
	int kills = env ? atoi(env) : 300;
	unsigned seed = seed_env ? (unsigned)strtoul(seed_env, NULL, 10) : (unsigned)time(NULL);
	srand(seed);
	struct figures fig = { 0 };
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int run = 0; run < kills; run++)
		one_kill(run, &fig);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double secs = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
	printf("crash test (seed %u): %ld kills, %ld edits reported committed, %ld lost, "
	       "%ld half-done; %ld kills fell between a COMMIT and its report (kept), "
	       "%ld before the first edit; integrity_check ok %ld of %ld times; %.1f s\n",
	       seed, fig.kills, fig.reported, fig.lost, fig.partial, fig.unreported_commits,
	       fig.not_started, fig.checks, fig.kills, secs);
	assert_int_equal(fig.lost, 0);
	assert_int_equal(fig.partial, 0);
	assert_int_equal(fig.checks, fig.kills);
	assert_true(fig.reported > fig.kills);	/* the kills did land mid-stream */
}

/* ---------- kills during the migration of a schema-1 database ---------- */

static void copy_file(const char *from, const char *to)
{
	FILE *in = fopen(from, "rb"), *out = fopen(to, "wb");
	assert_non_null(in);
	assert_non_null(out);
	char buf[8192];
	size_t n;
	while ((n = fread(buf, 1, sizeof buf, in)) > 0)
		assert_int_equal(fwrite(buf, 1, n, out), n);
	fclose(in);
	assert_int_equal(fclose(out), 0);
}

/* What tests/fixtures/README.md says the fixture holds, read through the
 * current store (which finishes the migration if a kill undid it). */
static void verify_migrated(const char *path)
{
	struct diag d = DIAG_INIT;
	struct store *st = store_open(path, "crash", &d);
	if (st == NULL)
		fail_msg("reopen after a kill in the migration: %s", diag_msg(&d));
	assert_int_equal(store_check(st, &d), 0);
	struct assessment *a = store_load(st, 1, tu_form, &d);
	assert_non_null(a);
	assert_string_equal(a->survey->details[DETAIL_NAME], "事例1 温度監視");
	assert_string_equal(a->survey->details[DETAIL_OPERATOR], "株式会社サンプル");
	assert_int_equal(assessment_review(a, "A-1")->decision, DECISION_TODO);
	assessment_free(a);
	static const size_t rows[] = { 13, 2, 3 };
	for (int id = 1; id <= 3; id++) {
		struct history_entry *h;
		size_t n;
		assert_int_equal(store_history(st, id, &h, &n, &d), 0);
		assert_int_equal(n, rows[id - 1]);
		store_history_free(h, n);
	}
	store_close(st);
}

static pid_t migrate_child(const char *fixture, const char *path)
{
	copy_file(fixture, path);
	fflush(NULL);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct diag d = DIAG_INIT;
		struct store *st = store_open(path, "crash", &d);
		store_close(st);
		_exit(st ? 0 : 3);
	}
	return pid;
}

static double seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void test_crash_migration(void **state)
{
	(void)state;
	char *fixture = tu_src("tests/fixtures/store-v1.db");
	char *path = str_printf("%s.v1", db_path), *bak = str_printf("%s.schema-1.bak", path);
	char *rm = str_printf("rm -f '%s' '%s'-* '%s'.*", path, path, path);
	/* how long one whole run takes: the kills fall within it */
	double t0 = seconds();
	int status;
	pid_t pid = migrate_child(fixture, path);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	long span_us = (long)((seconds() - t0) * 1.2e6) + 1;
	assert_int_equal(system(rm), 0);
	int kills = 60, before_backup = 0, after_backup = 0, finished = 0;
	for (int run = 0; run < kills; run++) {
		pid = migrate_child(fixture, path);
		struct timespec ts = { 0, (rand() % span_us) * 1000 };
		nanosleep(&ts, NULL);
		kill(pid, SIGKILL);
		assert_int_equal(waitpid(pid, &status, 0), pid);
		if (WIFEXITED(status)) {
			assert_int_equal(WEXITSTATUS(status), 0);
			finished++;
		} else if (access(bak, F_OK) == 0) {
			after_backup++;
		} else {
			before_backup++;
		}
		verify_migrated(path);
		assert_int_equal(system(rm), 0);
	}
	printf("migration crash test: %d kills within %.1f ms (%d before the backup, %d "
	       "after it, %d too late); every database whole after reopening\n", kills,
	       span_us / 1e3, before_backup, after_backup, finished);
	free(rm);
	free(bak);
	free(path);
	free(fixture);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crash),
		cmocka_unit_test(test_crash_migration),
	};
	char *dir = tu_tmpdir();
	if (dir == NULL || tu_load(NULL) < 0)
		return 1;
	db_path = str_printf("%s/crash.db", dir);
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	tu_unload(NULL);
	char *cmd = str_printf("rm -rf '%s'", dir);
	if (rc == 0 && cmd != NULL && system(cmd) != 0)
		rc = 1;
	free(cmd);
	free(db_path);
	free(dir);
	return rc;
}
