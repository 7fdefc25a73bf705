/* bench_store.c - the store against the sqlite3 shell, in the same run:
 * create N assessments (the details and 42 answers of a survey file, one
 * transaction each, WAL and synchronous=FULL), then open the database and
 * list them.  Figures printed, nothing asserted.
 *
 * usage: bench_store SRCDIR [N] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "assessment.h"
#include "catalog.h"
#include "form.h"
#include "store.h"
#include "xmlsafe.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void die(const char *what, struct diag *d)
{
	fprintf(stderr, "bench_store: %s: %s\n", what, diag_msg(d));
	exit(1);
}

/* ---------- iotscope ---------- */

static double ours_create(const char *db, const struct survey *s, int n)
{
	struct diag d = DIAG_INIT;
	double t0 = now();
	struct store *st = store_open(db, "bench", &d);
	if (st == NULL)
		die("open", &d);
	struct assessment *a = assessment_new(s->form);
	memcpy(a->survey->answers, s->answers, s->form->ncells * sizeof *s->answers);
	for (int k = 0; k < N_DETAILS; k++)
		if (s->details[k] != NULL)
			survey_set_detail(a->survey, (enum detail)k, s->details[k], &d);
	a->catalog_edition = strdup("2");
	for (int i = 1; i <= n; i++) {
		char name[32];
		snprintf(name, sizeof name, "bench %d", i);
		int64_t id;
		if (survey_set_detail(a->survey, DETAIL_NAME, name, &d) < 0 ||
		    store_create(st, a, &id, &d) < 0)
			die("create", &d);
	}
	assessment_free(a);
	store_close(st);
	return now() - t0;
}

static double ours_list(const char *db, const struct catalog *c, const struct form *f,
			size_t *count)
{
	struct diag d = DIAG_INIT;
	double t0 = now();
	struct store *st = store_open(db, "bench", &d);
	struct assessment_summary *s;
	if (st == NULL || store_list(st, c, f, &s, count, &d) < 0)
		die("list", &d);
	store_summaries_free(s, *count);
	store_close(st);
	return now() - t0;
}

/* ---------- the sqlite3 shell: the same rows, the same pragmas ---------- */

static void put_quoted(FILE *out, const char *s)
{
	fputc('\'', out);
	for (; *s; s++) {
		if (*s == '\'')
			fputc('\'', out);
		fputc(*s, out);
	}
	fputc('\'', out);
}

/* One transaction per assessment, as store_create writes it. */
static void write_script(const char *path, const struct survey *s, int n)
{
	FILE *out = fopen(path, "w");
	if (out == NULL) {
		perror(path);
		exit(1);
	}
	fprintf(out, "PRAGMA journal_mode = WAL;\nPRAGMA synchronous = FULL;\n"
		"PRAGMA foreign_keys = ON;\nPRAGMA busy_timeout = 10000;\n");
	const char *t = "2026-01-01T00:00:00Z";
	for (int i = 1; i <= n; i++) {
		fprintf(out, "BEGIN IMMEDIATE;\nINSERT INTO assessments (id, created, changed, "
			"catalog_edition, catalog_revision) VALUES (%d, '%s', '%s', '2', 0);\n",
			i, t, t);
		fprintf(out, "INSERT INTO details VALUES (%d, 'name', 'bench %d');\n", i, i);
		for (int k = 1; k < N_DETAILS; k++) {
			if (s->details[k] == NULL)
				continue;
			fprintf(out, "INSERT INTO details VALUES (%d, '%s', ", i,
				survey_detail_id((enum detail)k));
			put_quoted(out, s->details[k]);
			fprintf(out, ");\n");
		}
		for (size_t c = 0; c < s->form->ncells; c++)
			if (s->answers[c] != ANSWER_OPEN)
				fprintf(out, "INSERT INTO answers VALUES (%d, '%s', '%s');\n", i,
					s->form->cells[c].id, answer_code(s->answers[c]));
		fprintf(out, "INSERT INTO history (assessment_id, at, who, what, old_value, "
			"new_value) VALUES (%d, '%s', 'bench', 'create', NULL, 'bench %d');\n"
			"UPDATE assessments SET changed = '%s' WHERE id = %d;\nCOMMIT;\n",
			i, t, i, t, i);
	}
	if (fclose(out) != 0) {
		perror(path);
		exit(1);
	}
}

/* Run the shell on DB with stdin from SCRIPT; seconds, or -1. */
static double shell(const char *db, const char *script)
{
	double t0 = now();
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		if (freopen(script, "r", stdin) == NULL || freopen("/dev/null", "w", stdout) == NULL)
			_exit(126);
		execlp("sqlite3", "sqlite3", "-bail", db, (char *)NULL);
		_exit(127);
	}
	int status;
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return -1;
	return now() - t0;
}

/* The same rows store_list reads. */
static void write_select(const char *path)
{
	FILE *out = fopen(path, "w");
	if (out == NULL || fputs("PRAGMA busy_timeout = 10000;\n"
				 "SELECT id, created, changed, catalog_edition, catalog_revision "
				 "FROM assessments ORDER BY id;\n"
				 "SELECT assessment_id, key, value FROM details;\n"
				 "SELECT assessment_id, cell, value FROM answers;\n"
				 "SELECT * FROM reviews;\nSELECT * FROM action_states;\n"
				 "SELECT * FROM checks;\n", out) < 0 || fclose(out) != 0) {
		perror(path);
		exit(1);
	}
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_store SRCDIR [N]\n");
		return 2;
	}
	int n = argc > 2 ? atoi(argv[2]) : 10000;
	xmlsafe_init();
	struct diag d = DIAG_INIT;
	char *cat_dir = str_printf("%s/catalog", argv[1]);
	char *forms_dir = str_printf("%s/forms", argv[1]);
	char *survey = str_printf("%s/examples/case1.xml", argv[1]);
	struct catalog *c = catalog_load(cat_dir, &d);
	struct form *f = c ? form_load(forms_dir, c, &d) : NULL;
	struct survey *s = f ? survey_load(f, survey, &d) : NULL;
	if (s == NULL)
		die("set-up", &d);
	const char *base = getenv("TMPDIR");
	char *dir = str_printf("%s/iotscope-bench-XXXXXX", base ? base : "/tmp");
	if (dir == NULL || mkdtemp(dir) == NULL) {
		perror("mkdtemp");
		return 1;
	}
	char *ours = str_printf("%s/ours.db", dir), *theirs = str_printf("%s/shell.db", dir);
	char *script = str_printf("%s/insert.sql", dir), *select = str_printf("%s/select.sql", dir);

	printf("bench-store: %d assessments, each the details and %zu answers of "
	       "examples/case1.xml, one transaction each (WAL, synchronous=FULL)\n",
	       n, survey_answered(s));
	double create = ours_create(ours, s, n);
	size_t listed = 0;
	double list = ours_list(ours, c, f, &listed);

	/* the shell gets the same empty schema, made by the store */
	struct store *st = store_open(theirs, "bench", &d);
	if (st == NULL)
		die("open", &d);
	store_close(st);
	write_script(script, s, n);
	write_select(select);
	double sh_create = shell(theirs, script);
	double sh_list = shell(theirs, select);

	printf("  create   iotscope store_create      %8.3f s  (%.3f ms each)\n", create,
	       create * 1e3 / n);
	if (sh_create >= 0)
		printf("           sqlite3 shell, same rows   %8.3f s  (%.3f ms each)   "
		       "ratio %.2f\n", sh_create, sh_create * 1e3 / n, create / sh_create);
	printf("  open+list iotscope store_open+store_list %8.3f s  (%zu listed, each "
	       "loaded and derived for its progress)\n", list, listed);
	if (sh_list >= 0)
		printf("           sqlite3 shell, same SELECTs %8.3f s                     "
		       "ratio %.2f\n", sh_list, list / sh_list);
	if (sh_create < 0 || sh_list < 0)
		printf("  (the sqlite3 shell is not installed or failed: no comparison)\n");

	char *cmd = str_printf("rm -rf '%s'", dir);
	if (cmd == NULL || system(cmd) != 0)
		fprintf(stderr, "bench_store: could not remove %s\n", dir);
	free(cmd);
	free(ours);
	free(theirs);
	free(script);
	free(select);
	free(dir);
	free(survey);
	free(cat_dir);
	free(forms_dir);
	survey_free(s);
	form_free(f);
	catalog_free(c);
	return 0;
}
