/* test_survey.c - the survey model and its file: three states per cell,
 * details, round trip, and every kind of bad file refused with file:line. */
#include "config.h"

#include "testutil.h"
#include "survey.h"

#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

/* derivation.md section 2: 9 provide, 6 recommend, 11 delegate,
 * 11 execute, data-content, 4 external = 42 cells */
static void test_cells(void **st)
{
	(void)st;
	assert_int_equal(tu_form->ncells, 42);
	assert_true(form_cell_index(tu_form, "recommend.iot-device") >= 0);
	assert_int_equal(form_cell_index(tu_form, "recommend.lan"), -1);
	assert_int_equal(form_cell_index(tu_form, "recommend.wan"), -1);
	assert_int_equal(form_cell_index(tu_form, "recommend.embedded-app"), -1);
	assert_true(form_is_fixed(tu_form, "fixed.contract"));
	assert_true(form_is_fixed(tu_form, "fixed.config"));
	assert_true(form_is_fixed(tu_form, "fixed.partners"));
	assert_false(form_is_fixed(tu_form, "data-content"));
}

/* The line of a cell: what it is about, named as Figs. 9 and 11 name it
 * (seed lines 2597: IoT 機器; 2552: role a 計測). */
static const struct form_line *line_of(const char *cell)
{
	int i = form_cell_index(tu_form, cell);
	assert_true(i >= 0);
	return &tu_form->lines[tu_form->cells[i].line];
}

static void test_line_subjects(void **st)
{
	(void)st;
	assert_string_equal(form_line_subject(tu_catalog, line_of("provide.iot-device")),
			    "IoT 機器");
	assert_string_equal(form_line_subject(tu_catalog, line_of("delegate.a")), "計測");
	assert_string_equal(form_line_subject(tu_catalog, line_of("execute.a")), "計測");
	assert_null(form_line_subject(tu_catalog, line_of("data-content")));
}

static void test_three_states(void **st)
{
	(void)st;
	struct survey *s = survey_new(tu_form);
	struct diag d = DIAG_INIT;
	assert_int_equal(survey_get(s, CELL_EXECUTE, 3), ANSWER_OPEN);
	assert_int_equal(survey_set(s, "execute.d", ANSWER_NO, &d), 0);
	assert_int_equal(survey_get(s, CELL_EXECUTE, 3), ANSWER_NO);
	assert_int_equal(survey_set(s, "execute.d", ANSWER_YES, &d), 0);
	assert_int_equal(survey_get(s, CELL_EXECUTE, 3), ANSWER_YES);
	assert_int_equal(survey_set(s, "execute.d", ANSWER_OPEN, &d), 0);
	assert_int_equal(survey_answered(s), 0);
	assert_int_equal(survey_set(s, "fixed.contract", ANSWER_NO, &d), -1);
	assert_non_null(strstr(diag_msg(&d), "cannot be set"));
	diag_clear(&d);
	assert_int_equal(survey_set(s, "execute.z", ANSWER_NO, &d), -1);
	assert_non_null(strstr(diag_msg(&d), "no such survey cell"));
	diag_clear(&d);
	survey_free(s);
}

static void test_details(void **st)
{
	(void)st;
	struct survey *s = survey_new(tu_form);
	struct diag d = DIAG_INIT;
	assert_int_equal(survey_pattern(s), 0);
	assert_int_equal(survey_set_detail(s, DETAIL_CONFIDENTIALITY, "low", &d), 0);
	assert_int_equal(survey_set_detail(s, DETAIL_AVAILABILITY, "mid", &d), 0);
	assert_int_equal(survey_pattern(s), 5);	/* Annex 2: 低 × 中 = パターン5 */
	assert_int_equal(survey_set_detail(s, DETAIL_STRUCTURE, "4", &d), -1);
	diag_clear(&d);
	assert_int_equal(survey_set_detail(s, DETAIL_DATE, "2018-02-30", &d), -1);
	diag_clear(&d);
	assert_int_equal(survey_set_detail(s, DETAIL_DATE, "2018-07-01", &d), 0);
	assert_int_equal(survey_set_detail(s, DETAIL_NAME, "", &d), -1);
	diag_clear(&d);
	survey_free(s);
}

/* The element names of the details in schema REL, in document order,
 * from XPATH; each is checked against the table's row of that place. */
static void assert_schema_lists_details(const char *rel, const char *xpath)
{
	char *path = tu_src(rel);
	size_t len = 0;
	char *buf = tu_slurp(path, &len);	/* xmlsafe_init denies file loads */
	assert_non_null(buf);
	xmlDocPtr doc = xmlReadMemory(buf, (int)len, rel, NULL, XML_PARSE_NONET);
	assert_non_null(doc);
	free(buf);
	xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
	assert_non_null(ctx);
	assert_int_equal(xmlXPathRegisterNs(ctx, BAD_CAST "xs",
					    BAD_CAST "http://www.w3.org/2001/XMLSchema"), 0);
	xmlXPathObjectPtr r = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
	assert_non_null(r);
	int n = r->nodesetval ? r->nodesetval->nodeNr : 0;
	for (int i = 0; i < n && i < N_DETAILS; i++) {
		xmlChar *name = xmlGetProp(r->nodesetval->nodeTab[i], BAD_CAST "name");
		if (name == NULL || strcmp((const char *)name, survey_detail_id((enum detail)i)) != 0)
			fail_msg("%s: detail %d is <%s>, survey_details.def says '%s'", rel, i,
				 name ? (const char *)name : "?", survey_detail_id((enum detail)i));
		xmlFree(name);
	}
	if (n != N_DETAILS)
		fail_msg("%s lists %d details, survey_details.def %d", rel, n, N_DETAILS);
	xmlXPathFreeObject(r);
	xmlXPathFreeContext(ctx);
	xmlFreeDoc(doc);
	free(path);
}

/* survey_details.def is the one list (issue 9): the schemas name the same
 * details in the same order, and every row has what the screens need. */
static void test_detail_table(void **st)
{
	(void)st;
	assert_schema_lists_details("forms/survey.xsd",
				    "//xs:element[@name='details']//xs:all/xs:element");
	assert_schema_lists_details("forms/assessment.xsd",
				    "//xs:complexType[@name='details']/xs:sequence/xs:element");
	for (int k = 0; k < N_DETAILS; k++) {
		const struct detail_info *di = survey_detail_info((enum detail)k);
		assert_non_null(di);
		assert_non_null(di->label);
		assert_non_null(di->help);
		assert_int_equal(survey_detail_index(di->id), k);
		/* a detail with choices takes each of them and nothing else */
		struct diag d = DIAG_INIT;
		for (const char *const *c = di->choices; c != NULL && *c != NULL; c++)
			assert_int_equal(survey_detail_check((enum detail)k, *c, &d), 0);
		if (di->choices != NULL) {
			assert_int_equal(survey_detail_check((enum detail)k, "none-of-them", &d), -1);
			assert_non_null(strstr(diag_msg(&d), di->want));
			diag_clear(&d);
		}
	}
	assert_null(survey_detail_info(N_DETAILS));
	assert_int_equal(survey_detail_index("nonsense"), -1);
	/* the three choice details of Fig. 5 and Annex 3, hand-counted */
	assert_non_null(survey_detail_info(DETAIL_STRUCTURE)->choices);
	assert_string_equal(survey_detail_info(DETAIL_AVAILABILITY)->choices[2], "low");
	assert_null(survey_detail_info(DETAIL_AVAILABILITY)->choices[3]);
	assert_null(survey_detail_info(DETAIL_OPERATOR)->choices);
	/* the name is the one required, one-line detail; notes take lines */
	assert_int_equal(survey_detail_info(DETAIL_NAME)->flags, DETAIL_REQUIRED | DETAIL_ONE_LINE);
	assert_int_equal(survey_detail_info(DETAIL_NOTES)->flags, DETAIL_LINES);
}

static void test_round_trip(void **st)
{
	(void)st;
	struct diag d = DIAG_INIT;
	struct survey *s = tu_example("case5");
	assert_int_equal(survey_set_detail(s, DETAIL_NOTES, "a < b & \"c\"", &d), 0);
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	assert_int_equal(survey_write(s, mem, &d), 0);
	fclose(mem);
	struct survey *t = survey_parse(tu_form, buf, len, "mem", &d);
	if (t == NULL)
		fail_msg("%s", diag_msg(&d));
	assert_memory_equal(s->answers, t->answers, tu_form->ncells * sizeof *s->answers);
	for (int k = 0; k < N_DETAILS; k++) {
		if (s->details[k] == NULL)
			assert_null(t->details[k]);
		else
			assert_string_equal(s->details[k], t->details[k]);
	}
	free(buf);
	survey_free(s);
	survey_free(t);
}

/* Annex 8 case 6 quotes the seed's description (5838), which prints
 * CO<sub>2</sub> twice: written CO₂ (U+2082), as the catalog does. */
static void test_case6_subscript(void **st)
{
	(void)st;
	struct survey *s = tu_example("case6");
	const char *desc = s->details[DETAIL_DESCRIPTION];
	assert_non_null(strstr(desc, "照度計、CO\xe2\x82\x82 濃度計等"));
	assert_non_null(strstr(desc, "照度・CO\xe2\x82\x82 濃度を一定に保つ"));
	assert_null(strstr(desc, "CO2"));
	survey_free(s);
}

static void expect_bad(const char *xml, const char *want)
{
	struct diag d = DIAG_INIT;
	struct survey *s = survey_parse(tu_form, xml, strlen(xml), "bad.xml", &d);
	assert_null(s);
	if (d.msg == NULL || strstr(d.msg, want) == NULL)
		fail_msg("message '%s' does not mention '%s'", diag_msg(&d), want);
	diag_clear(&d);
}

#define HEAD "<survey xmlns=\"urn:iotscope:survey:1\" version=\"1\"><details><name>n</name></details>"

static void test_bad_files(void **st)
{
	(void)st;
	expect_bad("", "bad.xml:1: empty file");
	expect_bad(HEAD "<answers>", "bad.xml:1:");
	expect_bad(HEAD "<answers><answer cell=\"provide.toaster\">o</answer></answers></survey>",
		   "bad.xml:1:");
	expect_bad(HEAD "<answers><answer cell=\"execute.d\">maybe</answer></answers></survey>",
		   "bad.xml:1:");
	expect_bad(HEAD "<answers><answer cell=\"execute.d\">o</answer>\n"
		   "<answer cell=\"execute.d\">x</answer></answers></survey>",
		   "bad.xml:2: cell 'execute.d' answered twice");
	expect_bad("<survey xmlns=\"urn:other\" version=\"1\"/>", "bad.xml:1:");
	expect_bad("<?xml version=\"1.0\"?>\n<!DOCTYPE survey [<!ENTITY a \"aaaa\">"
		   "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]>\n" HEAD "<answers/></survey>",
		   "DTD");
	expect_bad("\xff\xfe<\0s\0/\0>\0", "UTF-16 is not accepted");
	expect_bad("<survey xmlns=\"urn:iotscope:survey:1\" version=\"2\"><details><name>n</name>"
		   "</details><answers/></survey>", "version not supported");
	struct diag d = DIAG_INIT;
	assert_null(survey_load(tu_form, "/nonexistent/survey.xml", &d));
	assert_non_null(strstr(diag_msg(&d), "/nonexistent/survey.xml: No such file"));
	diag_clear(&d);
	assert_null(survey_load(tu_form, "/", &d));
	assert_non_null(strstr(diag_msg(&d), "/: a directory, not a file"));
	diag_clear(&d);
}

/* ---------- a damaged copy of forms/ is refused, saying where ---------- */

/* forms/ copied to a scratch directory with FROM replaced by TO (once) in
 * fig16.xml; form_load must refuse it with WANT in the message. */
static void damaged_form(const char *from, const char *to, const char *want)
{
	char *dir = tu_tmpdir();
	assert_non_null(dir);
	static const char *const files[] = { "form.xsd", "survey.xsd", "assessment.xsd" };
	for (size_t i = 0; i < sizeof files / sizeof *files; i++) {
		char *src = str_printf("%s/forms/%s", SRCDIR, files[i]);
		char *dst = str_printf("%s/%s", dir, files[i]);
		char *text = tu_slurp(src, NULL);
		assert_non_null(text);
		assert_int_equal(tu_write(dst, text, strlen(text)), 0);
		free(text);
		free(src);
		free(dst);
	}
	char *src = tu_src("forms/fig16.xml"), *dst = str_printf("%s/fig16.xml", dir);
	char *text = tu_slurp(src, NULL);
	assert_non_null(text);
	char *at = strstr(text, from);
	assert_non_null(at);
	char *damaged = str_printf("%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
	assert_int_equal(tu_write(dst, damaged, strlen(damaged)), 0);
	struct diag d = DIAG_INIT;
	struct form *f = form_load(dir, tu_catalog, &d);
	if (f != NULL)
		fail_msg("a form with '%s' for '%s' was accepted", to, from);
	if (strstr(diag_msg(&d), want) == NULL)
		fail_msg("message '%s' does not say '%s'", diag_msg(&d), want);
	diag_clear(&d);
	free(damaged);
	free(text);
	free(src);
	free(dst);
	char *cmd = str_printf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(dir);
}

static void test_damaged_forms(void **st)
{
	(void)st;
	/* forms/fig16.xml line 24 is provide.lan, after provide.iot-device */
	damaged_form("answer=\"provide.lan\"", "answer=\"provide.iot-device\"",
		     "fig16.xml:24: survey cell defined twice: provide.iot-device");
	damaged_form("answer=\"provide.lan\"", "answer=\"provide.toaster\"",
		     "fig16.xml:24: unknown survey cell");
	damaged_form("mirror=\"delegate.a\"", "mirror=\"delegate.z\"",
		     "fig16.xml:55:");
	damaged_form("needs=\"data-content\"", "needs=\"external.nothing\"",
		     "fig16.xml:56:");
	damaged_form("<cell column=\"C\" mirror=\"delegate.a\"/>", "<cell column=\"C\"/>",
		     "fig16.xml:55:");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cells),
		cmocka_unit_test(test_line_subjects),
		cmocka_unit_test(test_three_states),
		cmocka_unit_test(test_details),
		cmocka_unit_test(test_detail_table),
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_case6_subscript),
		cmocka_unit_test(test_bad_files),
		cmocka_unit_test(test_damaged_forms),
	};
	return cmocka_run_group_tests(tests, tu_load, tu_unload);
}
