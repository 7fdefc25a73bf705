/* test_limits.c - hostile files and a full disk (issue 8, items 3, 7, 8):
 * the limits each kind of XML file is held to before libxml2 sees it,
 * UTF-8 only with one-line messages, a FIFO refused without blocking, an
 * answer to a fixed cell named as such, and SQLITE_FULL said as a full
 * disk.  Every expected message, line and byte count is worked out from
 * the input built here. */
#include "config.h"

#include "testutil.h"

#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export.h"
#include "store_internal.h"
#include "survey.h"

/* A survey file: HEAD on line 1, the root's start tag on line 2. */
#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" \
	"<survey xmlns=\"urn:iotscope:survey:1\" version=\"1\""
#define BODY "<details><name>n</name></details><answers/></survey>\n"

static char *buf;		/* the file being built */
static size_t len, cap;

static void put(const char *s, size_t n)
{
	if (len + n + 1 > cap) {
		cap = (len + n + 1) * 2;
		buf = realloc(buf, cap);
		assert_non_null(buf);
	}
	memcpy(buf + len, s, n);
	buf[len += n] = '\0';
}

static void puts_(const char *s)
{
	put(s, strlen(s));
}

static void put_repeat(const char *s, size_t times)
{
	for (size_t i = 0; i < times; i++)
		puts_(s);
}

static void reset(void)
{
	len = 0;
	puts_("");
}

/* survey_parse refuses BUF, and its message contains WANT. */
static void survey_refused(const char *want)
{
	struct diag d = DIAG_INIT;
	struct survey *s = survey_parse(tu_form, buf, len, "s.xml", &d);
	if (s != NULL || d.msg == NULL || strstr(d.msg, want) == NULL)
		fail_msg("survey: got '%s', want '%s'", s ? "accepted" : diag_msg(&d), want);
	if (strchr(d.msg, '\n') != NULL)
		fail_msg("message on more than one line: '%s'", d.msg);
	diag_clear(&d);
}

static void import_refused(const char *want)
{
	struct diag d = DIAG_INIT;
	struct assessment *a = import_memory(tu_catalog, tu_form, buf, len, "a.xml", &d);
	if (a != NULL || d.msg == NULL || strstr(d.msg, want) == NULL)
		fail_msg("import: got '%s', want '%s'", a ? "accepted" : diag_msg(&d), want);
	diag_clear(&d);
}

/* The file: one element with 25,000 attributes (264 KB); libxml2
 * 2.9 took 5.5 s on it.  Refused by the scan, at the 17th attribute. */
static void test_attribute_flood(void **state)
{
	(void)state;
	reset();
	puts_(HEAD);
	char one[32];
	for (int i = 0; i < 25000; i++) {
		snprintf(one, sizeof one, " a%d=\"x\"", i);
		puts_(one);
	}
	puts_(">" BODY);
	/* ' a<i>="x"' is 6 bytes and the digits of i: 25000 * 6 + (10 * 1 +
	 * 90 * 2 + 900 * 3 + 9000 * 4 + 15000 * 5 = 113890) = 263890 */
	assert_int_equal(len, strlen(HEAD) + 263890 + 1 + strlen(BODY));
	survey_refused("s.xml:2: more than 16 attributes on one element, more than any "
		       "survey file has");
	import_refused("a.xml:2: more than 16 attributes on one element, more than any "
		       "assessment file has");
	struct diag d = DIAG_INIT;
	assert_int_equal(xmlsafe_scan(buf, len, "x", &xmlsafe_data_limits, &d), -1);
	diag_clear(&d);
}

/* 16 attributes pass the scan (the schema then refuses the unknown ones);
 * the xmlns declaration counts as one. */
static void test_attributes_at_the_limit(void **state)
{
	(void)state;
	reset();
	puts_(HEAD);
	put_repeat(" a=\"1\"", 14);	/* xmlns, version and 14 more: 16 */
	puts_(">" BODY);
	struct diag d = DIAG_INIT;
	assert_int_equal(xmlsafe_scan(buf, len, "s.xml", &xmlsafe_survey_limits, &d), 0);
	reset();
	puts_(HEAD);
	put_repeat(" a=\"1\"", 15);
	puts_(">" BODY);
	assert_int_equal(xmlsafe_scan(buf, len, "s.xml", &xmlsafe_survey_limits, &d), -1);
	assert_string_equal(d.msg, "s.xml:2: more than 16 attributes on one element, more "
			    "than any survey file has");
	diag_clear(&d);
}

/* A tag the parser gives up on still counts up to where it broke, and
 * the text after it is text: '=' in text is no attribute. */
static void test_broken_tags(void **state)
{
	(void)state;
	struct diag d = DIAG_INIT;
	reset();
	puts_("<r>");
	put_repeat("<e a=\"1\" b c=\"2\">x=1 y=2 z=3 \"q\"=4</e>", 100);
	puts_("</r>");
	assert_int_equal(xmlsafe_scan(buf, len, "b.xml", &xmlsafe_survey_limits, &d), 0);
	/* a quote never closed: the attributes before it still count */
	reset();
	puts_("<r>\n<e");
	put_repeat(" a=\"1\"", 17);
	puts_(" b=\"never closed");
	assert_int_equal(xmlsafe_scan(buf, len, "b.xml", &xmlsafe_survey_limits, &d), -1);
	assert_string_equal(d.msg, "b.xml:2: more than 16 attributes on one element, more "
			    "than any survey file has");
	diag_clear(&d);
	/* '<' inside a value ends the tag there, as it does for the parser */
	reset();
	puts_("<r><e a=\"<");
	put_repeat(" a=\"1\"", 17);
	puts_(">");
	assert_int_equal(xmlsafe_scan(buf, len, "b.xml", &xmlsafe_survey_limits, &d), -1);
	diag_clear(&d);
}

static void test_elements_depth_text(void **state)
{
	(void)state;
	reset();
	puts_(HEAD ">\n<details><name>n</name></details><answers>\n");
	put_repeat("<answer cell=\"provide.lan\">o</answer>\n", 998);
	puts_("</answers></survey>\n");
	/* survey, details, name, answers: 4; 996 answers make 1,000; answer
	 * K is on line 3 + K */
	struct diag d = DIAG_INIT;
	assert_int_equal(xmlsafe_scan(buf, len, "s.xml", &xmlsafe_survey_limits, &d), -1);
	/* the 1,001st element is the 997th answer */
	assert_string_equal(d.msg, "s.xml:1000: more than 1000 elements, more than any "
			    "survey file has");
	diag_clear(&d);

	reset();
	puts_(HEAD ">\n");
	put_repeat("<x>\n", 16);	/* lines 3-18: survey and 16 more: 17 deep */
	assert_int_equal(xmlsafe_scan(buf, len, "s.xml", &xmlsafe_survey_limits, &d), -1);
	assert_string_equal(d.msg, "s.xml:18: elements nested more than 16 deep, more than "
			    "any survey file has");
	diag_clear(&d);

	reset();
	puts_(HEAD "><details><name>");
	put_repeat("あいう\n", 262144 / 10 + 1);	/* 10 bytes a line */
	puts_("</name></details><answers/></survey>");
	survey_refused("s.xml:2: a text of more than 262144 bytes, more than any survey "
		       "file has");

	reset();
	puts_(HEAD " cell=\"");
	put_repeat("x", 262145);
	puts_("\">" BODY);
	survey_refused("s.xml:2: an attribute value of more than 262144 bytes");
}

static void test_sizes(void **state)
{
	(void)state;
	reset();
	puts_(HEAD "><details><name>n</name><notes>");
	put_repeat("0123456789abcdef", (1u << 20) / 16);
	puts_("</notes></details><answers/></survey>");
	survey_refused("s.xml: 1048732 bytes is larger than the 1048576 bytes accepted "
		       "for a survey file");
	assert_int_equal(len, 1048732);
	/* every shipped example is far below the survey limits */
	const char *ex[] = { "fig20", "case1", "case2", "case3", "case4", "case5", "case6" };
	for (size_t i = 0; i < sizeof ex / sizeof *ex; i++)
		survey_free(tu_example(ex[i]));
}

/* UTF-8 only, each refusal one line saying what and where. */
static void test_encodings(void **state)
{
	(void)state;
	static const struct {
		const char *xml, *want;
	} bad[] = {
		{ "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<survey>caf\xe9</survey>",
		  "s.xml:1: the file declares the encoding ISO-8859-1: only UTF-8 is accepted "
		  "(convert it, e.g. iconv -f ISO-8859-1 -t UTF-8, and declare UTF-8)" },
		{ "<?xml version='1.0' encoding = 'EBCDIC-US' ?><survey/>",
		  "s.xml:1: the file declares the encoding EBCDIC-US: only UTF-8 is accepted" },
		{ "\xef\xbb\xbf<?xml version=\"1.0\" encoding=\"US-ASCII\"?><survey/>",
		  "the file declares the encoding US-ASCII" },
		{ "<?xml version=\"1.0\"?>\n<survey>\n<x>caf\xe9</x></survey>",
		  "s.xml:3: byte 0xE9 (at byte 38) is not UTF-8: only UTF-8 files are accepted" },
		{ "<survey>\xc0\x80</survey>", "s.xml:1: byte 0xC0 (at byte 9) is not UTF-8" },
		{ "<survey>\xed\xa0\x80</survey>", "s.xml:1: byte 0xED (at byte 9) is not UTF-8" },
		{ "<survey>\xf4\x90\x80\x80</survey>", "byte 0xF4 (at byte 9) is not UTF-8" },
		{ "<survey>\xe3\x81</survey>", "byte 0xE3 (at byte 9) is not UTF-8" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		reset();
		puts_(bad[i].xml);
		survey_refused(bad[i].want);
	}
	/* "utf-8" in any case is UTF-8 */
	reset();
	puts_("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	      "<survey xmlns=\"urn:iotscope:survey:1\" version=\"1\">" BODY);
	struct diag d = DIAG_INIT;
	struct survey *s = survey_parse(tu_form, buf, len, "s.xml", &d);
	if (s == NULL)
		fail_msg("%s", diag_msg(&d));
	survey_free(s);
}

/* libxml2 takes a NUL for the end of the input: what follows was ignored. */
static void test_nul_bytes(void **state)
{
	(void)state;
	reset();
	puts_(HEAD ">" BODY);
	size_t at = len;
	put("\0\0\0\0", 4);
	survey_refused("s.xml:3: a NUL byte");
	char want[64];
	snprintf(want, sizeof want, "(at byte %zu)", at + 1);
	survey_refused(want);
	reset();
	puts_("<r>");
	put("\0", 1);
	puts_("</r>");
	import_refused("a.xml:1: a NUL byte (at byte 4): an XML file has none; is it damaged?");
}

static void test_fixed_cell(void **state)
{
	(void)state;
	reset();
	puts_(HEAD ">\n<details><name>n</name></details>\n<answers>\n"
	      "<answer cell=\"provide.lan\">o</answer>\n"
	      "<answer cell=\"fixed.contract\">o</answer>\n</answers></survey>\n");
	survey_refused("s.xml:6: cell 'fixed.contract' is fixed by the form (○ for every "
		       "operator) and cannot be answered: remove this answer");
	reset();
	puts_(HEAD ">\n<details><name>n</name></details>\n<answers>\n"
	      "<answer cell=\"provide.nowhere\">o</answer>\n</answers></survey>\n");
	survey_refused("s.xml:5: 'provide.nowhere' is not a cell of the Fig. 16 form");
}

/* A FIFO: refused at once, not read (the old code waited for a writer
 * forever: the alarm ends the test there instead). */
static void test_fifo(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	assert_non_null(dir);
	char *fifo = str_printf("%s/survey.xml", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	alarm(20);
	struct diag d = DIAG_INIT;
	struct survey *s = survey_load(tu_form, fifo, &d);
	assert_null(s);
	char *want = str_printf("%s: a FIFO (named pipe), not a file", fifo);
	assert_non_null(strstr(diag_msg(&d), want));
	diag_clear(&d);
	assert_null(import_file(tu_catalog, tu_form, fifo, &d));
	assert_non_null(strstr(diag_msg(&d), want));
	diag_clear(&d);
	size_t n;
	assert_null(xmlsafe_slurp("/dev/null", 100, &n, &d));
	assert_string_equal(d.msg, "/dev/null: a character device, not a file: give the path "
			    "of an XML file");
	diag_clear(&d);
	alarm(0);
	unlink(fifo);
	rmdir(dir);
	free(want);
	free(fifo);
	free(dir);
}

/* SQLITE_FULL (forced with max_page_count) says the disk is full, and
 * where; the edit is not saved. */
static void test_disk_full(void **state)
{
	(void)state;
	char *dir = tu_tmpdir();
	assert_non_null(dir);
	char *path = str_printf("%s/full.db", dir);
	struct diag d = DIAG_INIT;
	struct store *st = store_open(path, "tester", &d);
	if (st == NULL)
		fail_msg("%s", diag_msg(&d));
	struct assessment *a = assessment_new(tu_form);
	assert_non_null(a);
	assert_int_equal(survey_set_detail(a->survey, DETAIL_NAME, "full", &d), 0);
	int64_t id = 0;
	assert_int_equal(store_create(st, a, &id, &d), 0);
	assessment_free(a);
	assert_int_equal(sqlite3_exec(st->db, "PRAGMA max_page_count = 1", NULL, NULL, NULL),
			 SQLITE_OK);
	size_t big = 60000;	/* under TEXT_MAX_BYTES, over what the file has room for */
	char *note = malloc(big + 1);
	assert_non_null(note);
	memset(note, 'n', big);
	note[big] = '\0';
	assert_int_equal(store_set_detail(st, id, DETAIL_NOTES, note, &d), -1);
	char *want = str_printf("the disk is full (no space left in %s): free some space, "
				"then try again", dir);
	if (strstr(diag_msg(&d), want) == NULL || strstr(diag_msg(&d), path) != diag_msg(&d))
		fail_msg("got '%s', want '%s'", diag_msg(&d), want);
	diag_clear(&d);
	char *value = NULL;
	assert_int_equal(store_detail_get(st, id, DETAIL_NOTES, &value, &d), 0);
	assert_null(value);
	store_close(st);
	free(note);
	free(want);
	char *files[] = { path, NULL, NULL };
	files[1] = str_printf("%s-wal", path);
	files[2] = str_printf("%s-shm", path);
	for (int i = 0; i < 3; i++) {
		unlink(files[i]);
		if (i > 0)
			free(files[i]);
	}
	rmdir(dir);
	free(path);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_attribute_flood),
		cmocka_unit_test(test_attributes_at_the_limit),
		cmocka_unit_test(test_broken_tags),
		cmocka_unit_test(test_elements_depth_text),
		cmocka_unit_test(test_sizes),
		cmocka_unit_test(test_encodings),
		cmocka_unit_test(test_nul_bytes),
		cmocka_unit_test(test_fixed_cell),
		cmocka_unit_test(test_fifo),
		cmocka_unit_test(test_disk_full),
	};
	int rc = cmocka_run_group_tests(tests, tu_load, tu_unload);
	free(buf);
	return rc;
}
