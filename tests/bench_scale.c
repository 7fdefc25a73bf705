/* bench_scale.c - helpers for tests/bench_scale.sh (issue 11): figures
 * printed, nothing asserted.
 *
 *   bench_scale build SRCDIR DB N     N assessments through the library
 *                                     (case5's details and answers, some
 *                                     reviews and checklist statuses)
 *   bench_scale derive SRCDIR         derivations per second, one process,
 *                                     300 random surveys (fixed seed)
 *   bench_scale pair RUNS TEXT_A TEXT_B -- A... -- B...
 *                                     A and B run in turn RUNS times each
 *                                     (so that a busy machine weighs on
 *                                     both alike); prints the median ms of
 *                                     each.  TEXT "-": until the command
 *                                     exits (output to /dev/null); other
 *                                     TEXT: from the start until TEXT is
 *                                     on the screen of a pty (80x24) */
#include "config.h"

#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "assessment.h"
#include "catalog.h"
#include "derive.h"
#include "form.h"
#include "store.h"
#include "store_internal.h"
#include "survey.h"
#include "xmlsafe.h"

static double clock_s(clockid_t id)
{
	struct timespec ts;
	clock_gettime(id, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double now(void)
{
	return clock_s(CLOCK_MONOTONIC);
}

/* This process's CPU time: derivations per second do not depend on what
 * else the machine runs. */
static double cpu_now(void)
{
	return clock_s(CLOCK_PROCESS_CPUTIME_ID);
}

static void die(const char *what, struct diag *d)
{
	fprintf(stderr, "bench_scale: %s: %s\n", what, d ? diag_msg(d) : strerror(errno));
	exit(1);
}

struct core {
	struct catalog *c;
	struct form *f;
};

static struct core core_load(const char *src)
{
	struct diag d = DIAG_INIT;
	char *cat = str_printf("%s/catalog", src), *forms = str_printf("%s/forms", src);
	struct core k = { NULL, NULL };
	k.c = cat ? catalog_load(cat, &d) : NULL;
	k.f = k.c && forms ? form_load(forms, k.c, &d) : NULL;
	if (k.f == NULL)
		die("catalog", &d);
	free(cat);
	free(forms);
	return k;
}

/* ---------- build ---------- */

static struct assessment *sample(const struct core *k, const char *src)
{
	struct diag d = DIAG_INIT;
	char *path = str_printf("%s/examples/case5.xml", src);
	struct survey *s = path ? survey_load(k->f, path, &d) : NULL;
	struct assessment *a = s ? assessment_new(k->f) : NULL;
	if (a == NULL)
		die("case5", &d);
	free(path);
	memcpy(a->survey->answers, s->answers, k->f->ncells * sizeof *s->answers);
	for (int i = 0; i < N_DETAILS; i++)
		if (s->details[i] != NULL && survey_set_detail(a->survey, (enum detail)i,
							       s->details[i], &d) < 0)
			die("details", &d);
	survey_free(s);
	a->catalog_edition = strdup(k->c->edition);
	a->catalog_revision = k->c->revision;
	/* a few reviews and checks, as an assessment half done has */
	for (size_t i = 0; i < k->c->ncms && i < 12; i++)
		if (assessment_set_decision(a, k->c->cms[i].id, DECISION_IN_PLACE,
					    i % 3 ? NULL : "adopted as written", &d) < 0)
			die("review", &d);
	for (size_t i = 0, n = 0; i < k->c->checklists[0].nentries && n < 20; i++)
		if (k->c->checklists[0].entries[i].checkable) {
			if (assessment_set_check(a, "annex1", k->c->checklists[0].entries[i].id,
						 CHECK_IMPLEMENTED,
						 NULL, &d) < 0)
				die("check", &d);
			n++;
		}
	return a;
}

static int cmd_build(const char *src, const char *db, long n)
{
	struct core k = core_load(src);
	struct assessment *a = sample(&k, src);
	struct diag d = DIAG_INIT;
	struct store *st = store_open(db, "bench", &d);
	if (st == NULL)
		die("open", &d);
	/* building, not measured: no fsync per assessment */
	if (sqlite3_exec(st->db, "PRAGMA synchronous = OFF", NULL, NULL, NULL) != SQLITE_OK)
		die("pragma", NULL);
	for (long i = 1; i <= n; i++) {
		char name[48];
		snprintf(name, sizeof name, "bench assessment %ld", i);
		int64_t id;
		if (survey_set_detail(a->survey, DETAIL_NAME, name, &d) < 0 ||
		    store_create(st, a, &id, &d) < 0)
			die("create", &d);
	}
	store_close(st);
	assessment_free(a);
	form_free(k.f);
	catalog_free(k.c);
	return 0;
}

/* ---------- derive ---------- */

static int cmd_derive(const char *src)
{
	enum { SURVEYS = 300, ROUNDS = 40 };
	struct core k = core_load(src);
	struct survey *s[SURVEYS];
	unsigned seed = 11;
	for (int i = 0; i < SURVEYS; i++) {
		if ((s[i] = survey_new(k.f)) == NULL)
			die("survey", NULL);
		for (size_t c = 0; c < k.f->ncells; c++) {
			int r = rand_r(&seed) % 3;
			s[i]->answers[c] = r == 0 ? ANSWER_YES : r == 1 ? ANSWER_NO : ANSWER_OPEN;
		}
	}
	unsigned *counts = calloc(k.c->ncms, sizeof *counts);
	size_t sets = 0;
	double t0 = cpu_now();
	for (int r = 0; r < ROUNDS * 10; r++)
		for (int i = 0; i < SURVEYS; i++)
			sets += derive_counts(k.c, s[i], counts);
	double tc = cpu_now() - t0;
	free(counts);
	size_t items = 0, reasons = 0;
	t0 = cpu_now();
	for (int r = 0; r < ROUNDS; r++)
		for (int i = 0; i < SURVEYS; i++) {
			struct derivation *dv = derive(k.c, s[i]);
			if (dv == NULL)
				die("derive", NULL);
			items += dv->nitems;
			for (size_t j = 0; j < dv->nitems; j++)
				reasons += dv->items[j].nreasons;
			derivation_free(dv);
		}
	double t = cpu_now() - t0;
	printf("%.0f %.0f\n", SURVEYS * ROUNDS * 10 / tc, SURVEYS * ROUNDS / t);
	fprintf(stderr, "bench_scale derive: %d surveys x %d rounds: candidate sets with "
		"reason counts %zu items, %.3f s; full derivations %zu items, %zu reasons, "
		"%.3f s\n", SURVEYS, ROUNDS * 10, sets, tc, items, reasons, t);
	for (int i = 0; i < SURVEYS; i++)
		survey_free(s[i]);
	form_free(k.f);
	catalog_free(k.c);
	return 0;
}

/* ---------- screen ---------- */

/* The CPU seconds (user + system) the last command waited for used. */
static double last_cpu;

static pid_t wait_cpu(pid_t pid, int *status)
{
	struct rusage ru;
	pid_t r = wait4(pid, status, 0, &ru);
	last_cpu = ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6 + ru.ru_stime.tv_sec +
		ru.ru_stime.tv_usec / 1e6;
	return r;
}

/* Seconds from fork to TEXT in the output of ARGV on a pty (80x24). */
static double screen_once(const char *text, char **argv)
{
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	int fd;
	double t0 = now();
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0)
		die("forkpty", NULL);
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	size_t cap = 1 << 16, len = 0;
	char *buf = malloc(cap + 1);
	double t = -1;
	while (buf != NULL) {
		struct pollfd p = { fd, POLLIN, 0 };
		if (poll(&p, 1, 120000) <= 0)
			break;
		ssize_t r = read(fd, buf + len, cap - len);
		if (r <= 0)
			break;
		len += (size_t)r;
		buf[len] = '\0';
		if (text != NULL && strstr(buf, text) != NULL) {
			t = now() - t0;
			break;
		}
		if (len == cap)
			len = 0;
	}
	free(buf);
	if (text != NULL)
		kill(pid, SIGTERM);
	int status;
	wait_cpu(pid, &status);
	if (text == NULL)
		t = now() - t0;
	close(fd);
	return t;
}

/* Seconds ARGV takes to exit, its output to /dev/null. */
static double run_once(char **argv)
{
	double t0 = now();
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0)
		die("fork", NULL);
	if (pid == 0) {
		if (freopen("/dev/null", "r", stdin) == NULL ||
		    freopen("/dev/null", "w", stdout) == NULL ||
		    freopen("/dev/null", "w", stderr) == NULL)
			_exit(126);
		execvp(argv[0], argv);
		_exit(127);
	}
	int status;
	if (wait_cpu(pid, &status) != pid || !WIFEXITED(status) || WEXITSTATUS(status) > 1) {
		fprintf(stderr, "bench_scale: %s failed\n", argv[0]);
		exit(1);
	}
	return now() - t0;
}

static double time_once(const char *text, char **argv)
{
	if (strcmp(text, "-") == 0)
		return run_once(argv);
	double t = screen_once(text, argv);
	if (t < 0) {
		fprintf(stderr, "bench_scale: '%s' never showed\n", text);
		exit(1);
	}
	return t;
}

static int cmp_double(const void *x, const void *y)
{
	double a = *(const double *)x, b = *(const double *)y;
	return (a > b) - (a < b);
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Wall and CPU medians of A and B, in ms: "wallA wallB cpuA cpuB". */
static int cmd_pair(int runs, const char *ta, const char *tb, char **a, char **b)
{
	double *v = calloc(4 * (size_t)runs, sizeof *v);
	if (v == NULL)
		die("memory", NULL);
	double *x = v, *y = v + runs, *cx = v + 2 * runs, *cy = v + 3 * runs;
	for (int i = 0; i < runs; i++) {
		x[i] = time_once(ta, a);
		cx[i] = last_cpu;
		y[i] = time_once(tb, b);
		cy[i] = last_cpu;
	}
	printf("%.2f %.2f %.2f %.2f\n", median(x, runs) * 1e3, median(y, runs) * 1e3,
	       median(cx, runs) * 1e3, median(cy, runs) * 1e3);
	free(v);
	return 0;
}

int main(int argc, char **argv)
{
	xmlsafe_init();
	if (argc == 5 && strcmp(argv[1], "build") == 0)
		return cmd_build(argv[2], argv[3], atol(argv[4]));
	if (argc == 3 && strcmp(argv[1], "derive") == 0)
		return cmd_derive(argv[2]);
	if (argc >= 9 && strcmp(argv[1], "pair") == 0 && strcmp(argv[5], "--") == 0) {
		char **b = argv + 6;
		while (*b != NULL && strcmp(*b, "--") != 0)
			b++;
		if (*b != NULL && b[1] != NULL && b != argv + 6) {
			*b = NULL;
			return cmd_pair(atoi(argv[2]), argv[3], argv[4], argv + 6, b + 1);
		}
	}
	fprintf(stderr, "usage: bench_scale build SRCDIR DB N | derive SRCDIR | "
		"pair RUNS TEXT_A TEXT_B -- A... -- B...\n");
	return 2;
}
