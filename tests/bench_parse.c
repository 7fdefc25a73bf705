/* bench_parse.c - the worst files we could build under the limits of
 * src/base/xmlsafe.c, each read as import and derive read it, next to
 * `xmllint --noout` (libxml2 alone, no limits) on the same file, in the
 * same run.  Also: each worst file at 1/4, 1/2 and all of its size, to
 * show the time per MB stays flat (linear), and the 25k-attribute file of
 * issue 8 that the limits now refuse.  Prints figures; not a test.
 * Usage: bench_parse SRCDIR TMPDIR [RUNS] */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "assessment.h"
#include "export.h"
#include "form.h"
#include "survey.h"
#include "xmlsafe.h"

static struct catalog *cat;
static struct form *form;
static const char *tmpdir;
static int runs = 5;

struct text {
	char *s;
	size_t len, cap;
};

static void add(struct text *t, const char *s)
{
	size_t n = strlen(s);
	if (t->len + n + 1 > t->cap) {
		t->cap = (t->len + n + 1) * 2;
		if ((t->s = realloc(t->s, t->cap)) == NULL) {
			perror("bench_parse");
			exit(1);
		}
	}
	memcpy(t->s + t->len, s, n + 1);
	t->len += n;
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- the worst files: each fills LIMIT bytes with what costs most ---- */

#define ASSESSMENT_HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<assessment xmlns=\"urn:iotscope:assessment:1\" version=\"1\">\n"

/* Elements nested 14 deep (15 with the root), each with the attributes
 * ATTRS writes for its depth, repeated up to LIMIT bytes. */
static void gen_nested(struct text *t, size_t limit, void (*attrs)(struct text *, int))
{
	add(t, ASSESSMENT_HEAD);
	while (t->len + 8000 < limit) {
		for (int d = 0; d < 14; d++) {
			add(t, "<e");
			attrs(t, d);
			add(t, ">");
		}
		for (int d = 0; d < 14; d++)
			add(t, "</e>");
		add(t, "\n");
	}
	add(t, "</assessment>\n");
}

/* 16 attributes, the limit (xmlns counted). */
static void plain_attrs(struct text *t, int depth)
{
	char a[32];
	for (int i = 0; i < 16; i++) {
		snprintf(a, sizeof a, " a%d=\"%d\"", i, depth);
		add(t, a);
	}
}

/* 8 namespace declarations and 8 prefixed attributes (the parser looks
 * each prefix up among those in scope). */
static void ns_attrs(struct text *t, int depth)
{
	char a[64];
	for (int i = 0; i < 8; i++) {
		snprintf(a, sizeof a, " xmlns:p%d=\"u%d-%d\"", i, depth, i);
		add(t, a);
	}
	for (int i = 0; i < 8; i++) {
		snprintf(a, sizeof a, " p%d:a=\"1\"", i);
		add(t, a);
	}
}

static void gen_attributes(struct text *t, size_t limit)
{
	gen_nested(t, limit, plain_attrs);
}

static void gen_namespaces(struct text *t, size_t limit)
{
	gen_nested(t, limit, ns_attrs);
}

/* As many elements as the limit allows (50,000), the rest text. */
static void gen_elements(struct text *t, size_t limit)
{
	add(t, ASSESSMENT_HEAD);
	for (int i = 0; i < 49990; i++)
		add(t, i % 10 == 9 ? "<e/>\n" : "<e/>");
	while (t->len + 200 < limit)
		add(t, "<!-- a comment is no element, and costs as much -->\n");
	add(t, "</assessment>\n");
}

/* Texts at the length limit, of character and entity references. */
static void gen_text(struct text *t, size_t limit)
{
	add(t, ASSESSMENT_HEAD);
	while (t->len + 64 < limit) {
		add(t, "<notes>");
		size_t start = t->len;
		while (t->len - start < (1u << 20) - 64 && t->len + 64 < limit)
			add(t, "&#x3042;&amp;&lt;x\n");
		add(t, "</notes>\n");
	}
	add(t, "</assessment>\n");
}

/* A survey at its limits: 16 attributes on every answer, 1,000 elements,
 * the rest one long text. */
static void gen_survey(struct text *t, size_t limit)
{
	add(t, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	       "<survey xmlns=\"urn:iotscope:survey:1\" version=\"1\"><details><name>n</name>"
	       "<notes>");
	while (t->len + 300000 < limit && t->len < (256u << 10) - 64)
		add(t, "一二三四五六七八九十&amp;\n");
	add(t, "</notes></details><answers>\n");
	for (int i = 0; i < 990; i++)
		add(t, "<answer cell=\"provide.lan\" a1=\"1\" a2=\"1\" a3=\"1\" a4=\"1\" a5=\"1\" "
		       "a6=\"1\" a7=\"1\" a8=\"1\" a9=\"1\" a10=\"1\" a11=\"1\" a12=\"1\" a13=\"1\" "
		       "a14=\"1\" a15=\"1\">o</answer>\n");
	add(t, "</answers></survey>\n");
}

/* ---- timing ---- */

/* Read T as import (assessment) or derive (survey) read it: scan, parse,
 * validate, read.  The best of RUNS, in ms; the outcome in *what. */
static double time_ours(const struct text *t, int survey, char **what)
{
	double best = 1e30;
	for (int r = 0; r < runs; r++) {
		struct diag d = DIAG_INIT;
		double t0 = now_ms();
		if (survey) {
			struct survey *s = survey_parse(form, t->s, t->len, "worst.xml", &d);
			survey_free(s);
		} else {
			struct assessment *a = import_memory(cat, form, t->s, t->len, "worst.xml", &d);
			assessment_free(a);
		}
		double ms = now_ms() - t0;
		best = ms < best ? ms : best;
		if (r == 0) {
			*what = strdup(d.msg ? d.msg : "accepted");
		}
		diag_clear(&d);
	}
	return best;
}

/* xmllint --noout on the same bytes, the best of RUNS, in ms. */
static double time_xmllint(const struct text *t)
{
	char *path = str_printf("%s/worst.xml", tmpdir);
	char *cmd = str_printf("xmllint --noout '%s' 2>/dev/null", path);
	FILE *f = path ? fopen(path, "wb") : NULL;
	if (f == NULL || fwrite(t->s, 1, t->len, f) != t->len || fclose(f) != 0 || cmd == NULL) {
		perror("bench_parse: worst.xml");
		exit(1);
	}
	double best = 1e30;
	for (int r = 0; r < runs; r++) {
		double t0 = now_ms();
		int rc = system(cmd);
		double ms = now_ms() - t0;
		if (rc == -1) {
			perror("bench_parse: xmllint");
			exit(1);
		}
		best = ms < best ? ms : best;
	}
	remove(path);
	free(path);
	free(cmd);
	return best;
}

/* The scan alone (xmlsafe_scan), best of RUNS, in ms. */
static double time_scan(const struct text *t, const struct xmlsafe_limits *lim)
{
	double best = 1e30;
	for (int r = 0; r < runs; r++) {
		struct diag d = DIAG_INIT;
		double t0 = now_ms();
		xmlsafe_scan(t->s, t->len, "worst.xml", lim, &d);
		double ms = now_ms() - t0;
		best = ms < best ? ms : best;
		diag_clear(&d);
	}
	return best;
}

struct worst {
	const char *name;
	void (*gen)(struct text *, size_t);
	int survey;
};

static void bench_one(const struct worst *w)
{
	const struct xmlsafe_limits *lim = w->survey ? &xmlsafe_survey_limits
						      : &xmlsafe_assessment_limits;
	printf("%s (%s limits):\n", w->name, w->survey ? "survey" : "assessment");
	for (int part = 4; part >= 1; part /= 2) {
		struct text t = { 0 };
		w->gen(&t, lim->bytes / (size_t)part);
		char *what = NULL;
		double ours = time_ours(&t, w->survey, &what);
		double scan = time_scan(&t, lim);
		double lint = time_xmllint(&t);
		double mb = t.len / 1048576.0;
		printf("  %8zu bytes  %s %7.1f ms (%6.1f ms/MB; scan %5.1f ms)  "
		       "xmllint --noout %7.1f ms (%6.1f ms/MB)  ratio %.2f\n", t.len,
		       w->survey ? "derive's read" : "import_memory", ours, ours / mb, scan,
		       lint, lint / mb, ours / lint);
		if (part == 1)
			printf("  outcome: %.110s\n", what);
		free(what);
		free(t.s);
	}
}

/* Issue 8's file: one element, 25,000 attributes, 264 KB. */
static void bench_flood(void)
{
	struct text t = { 0 };
	add(&t, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		"<survey xmlns=\"urn:iotscope:survey:1\" version=\"1\"");
	char a[32];
	for (int i = 0; i < 25000; i++) {
		snprintf(a, sizeof a, " a%d=\"x\"", i);
		add(&t, a);
	}
	add(&t, "><details><name>n</name></details><answers/></survey>\n");
	char *what = NULL;
	int keep = runs;
	runs = 1;
	double ours = time_ours(&t, 1, &what);
	double lint = time_xmllint(&t);
	runs = keep;
	printf("issue 8's 25k attributes (%zu bytes): derive's read %.1f ms (refused: %s); "
	       "xmllint --noout %.1f ms\n", t.len, ours, what, lint);
	free(what);
	free(t.s);
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: bench_parse SRCDIR TMPDIR [RUNS]\n");
		return 2;
	}
	tmpdir = argv[2];
	if (argc > 3)
		runs = atoi(argv[3]) > 0 ? atoi(argv[3]) : runs;
	xmlsafe_init();
	struct diag d = DIAG_INIT;
	char *c = str_printf("%s/catalog", argv[1]), *f = str_printf("%s/forms", argv[1]);
	if (c == NULL || f == NULL || (cat = catalog_load(c, &d)) == NULL ||
	    (form = form_load(f, cat, &d)) == NULL) {
		fprintf(stderr, "bench_parse: %s\n", diag_msg(&d));
		return 1;
	}
	free(c);
	free(f);
	printf("best of %d runs each; xmllint includes its process start\n", runs);
	static const struct worst worst[] = {
		{ "16 attributes on every element, 14 deep", gen_attributes, 0 },
		{ "8 namespaces and 8 prefixed attributes an element, 14 deep", gen_namespaces, 0 },
		{ "50,000 elements, then comments", gen_elements, 0 },
		{ "1 MB texts of character references", gen_text, 0 },
		{ "a survey: 16 attributes on 990 answers, a 256 KB text", gen_survey, 1 },
	};
	for (size_t i = 0; i < sizeof worst / sizeof *worst; i++)
		bench_one(&worst[i]);
	bench_flood();
	form_free(form);
	catalog_free(cat);
	return 0;
}
