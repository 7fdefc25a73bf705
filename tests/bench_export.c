/* bench_export.c - how long an export of Annex 8 case 5 takes, in
 * process, and how big each kind is.  Prints figures; not a test.
 * Usage: bench_export SRCDIR OUT.xml [RUNS]
 * Leaves the whole-assessment XML in OUT.xml for bench_export.sh to time
 * `xmllint --noout` on the same file. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assessment.h"
#include "export.h"
#include "xmlsafe.h"

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int die(const char *what, struct diag *d)
{
	fprintf(stderr, "bench_export: %s: %s\n", what, diag_msg(d));
	return 1;
}

/* A few reviews and checks, as an assessor would have set. */
static int annotate(struct assessment *a, struct diag *d)
{
	return assessment_set_decision(a, "A-1", DECISION_IN_PLACE, "契約書 7 条", d) |
	       assessment_set_action(a, "A-1", "1", ACTION_DONE, NULL, d) |
	       assessment_set_decision(a, "C-2-own", DECISION_TODO, "next quarter", d) |
	       assessment_set_check(a, "annex1", "II.1.1.1", CHECK_IMPLEMENTED, NULL, d) |
	       assessment_set_check(a, "annex2", "III.1.1.1.a", CHECK_PARTLY, "1/10 min", d);
}

static size_t size_of(const struct catalog *c, const struct form *f,
		      const struct assessment *a, const char *w, enum export_format fm)
{
	struct export_options o = { .format = fm, .generated_at = "2026-01-01T00:00:00Z" };
	if (export_what_parse(c, w, &o) < 0)
		return 0;
	char *buf = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&buf, &len);
	struct diag d = DIAG_INIT;
	int rc = out ? export_to_stream(c, f, a, &o, out, &d) : -1;
	if (out != NULL)
		fclose(out);
	free(buf);
	diag_clear(&d);
	return rc == 0 ? len : 0;
}

static void print_sizes(const struct catalog *c, const struct form *f,
			const struct assessment *a)
{
	printf("export sizes for examples/case5.xml (bytes):\n");
	static const char *const whats[] = { "assessment", "annex1", "annex2", "countermeasures" };
	for (size_t w = 0; w < sizeof whats / sizeof whats[0]; w++) {
		printf("  %-16s", whats[w]);
		for (int fm = 0; fm < N_EXPORT_FORMATS; fm++) {
			size_t n = size_of(c, f, a, whats[w], (enum export_format)fm);
			if (n > 0)
				printf("  %s %7zu", export_format_id((enum export_format)fm), n);
			else
				printf("  %s %7s", export_format_id((enum export_format)fm), "-");
		}
		printf("\n");
	}
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench_export SRCDIR OUT.xml [RUNS]\n");
		return 2;
	}
	int runs = argc > 3 ? atoi(argv[3]) : 20;
	xmlsafe_init();
	struct diag d = DIAG_INIT;
	char *cdir = str_printf("%s/catalog", argv[1]), *fdir = str_printf("%s/forms", argv[1]);
	char *survey = str_printf("%s/examples/case5.xml", argv[1]);
	struct catalog *c = catalog_load(cdir, &d);
	struct form *f = c ? form_load(fdir, c, &d) : NULL;
	struct assessment *a = f ? assessment_new(f) : NULL;
	if (a == NULL)
		return die("set-up", &d);
	survey_free(a->survey);
	if ((a->survey = survey_load(f, survey, &d)) == NULL || annotate(a, &d) != 0)
		return die(survey, &d);
	print_sizes(c, f, a);
	struct export_options o = { .what = EXPORT_ASSESSMENT, .format = EXPORT_XML };
	double t0 = now_ms();
	for (int i = 0; i < runs; i++)
		if (export_to_file(c, f, a, &o, argv[2], &d) != 0)
			return die(argv[2], &d);
	double t1 = now_ms();
	FILE *null = fopen("/dev/null", "w");
	for (int i = 0; null && i < runs; i++)
		if (export_to_stream(c, f, a, &o, null, &d) != 0)
			return die("stream", &d);
	double t2 = now_ms();
	for (int i = 0; i < runs; i++) {
		struct assessment *b = import_file(c, f, argv[2], &d);
		if (b == NULL)
			return die("import", &d);
		assessment_free(b);
	}
	double t3 = now_ms();
	if (null != NULL)
		fclose(null);
	printf("export_to_file, whole assessment XML (render, validate, write, fsync, "
	       "read back, rename): %.2f ms per run\n", (t1 - t0) / runs);
	printf("export_to_stream to /dev/null (render, validate):                "
	       "              %.2f ms per run\n", (t2 - t1) / runs);
	printf("import_file of the same file (parse, validate, check ids):       "
	       "              %.2f ms per run\n", (t3 - t2) / runs);
	assessment_free(a);
	form_free(f);
	catalog_free(c);
	free(cdir);
	free(fdir);
	free(survey);
	return 0;
}
