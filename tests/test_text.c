/* test_text.c - what text may be stored and how a terminal is shown it
 * (src/base/text.c): the expected strings are written out by hand from the
 * code points (Unicode 15: U+009B CSI, U+202E RLO, U+2066 LRI). */
#include "testutil.h"

#include "text.h"
#include "timefmt.h"

static void refused(const char *s, int one_line, const char *want)
{
	struct diag d = DIAG_INIT;
	assert_int_equal(text_check(s, "note", one_line, &d), -1);
	if (strstr(diag_msg(&d), want) == NULL)
		fail_msg("'%s' does not say '%s'", diag_msg(&d), want);
	diag_clear(&d);
}

static void accepted(const char *s, int one_line)
{
	struct diag d = DIAG_INIT;
	if (text_check(s, "note", one_line, &d) != 0)
		fail_msg("refused: %s", diag_msg(&d));
}

static void test_check(void **state)
{
	(void)state;
	accepted(NULL, 1);
	accepted("", 1);
	accepted("認知症対応型 IoT サービス ○×●★※", 1);
	accepted("two\nlines\tand a tab", 0);
	accepted("\xf0\x9f\x98\x80 U+1F600 and U+200D \xe2\x80\x8d joiner", 1);
	refused("two\nlines", 1, "note: give it on one line");
	refused("a\tb", 1, "one line");
	refused("x\x1b[2J", 0, "note: holds the control character U+001B at byte 1");
	refused("cr\r", 0, "U+000D at byte 2");
	refused("del\x7f", 0, "U+007F at byte 3");
	refused("c1 \xc2\x9b" "31m", 0, "U+009B at byte 3");
	refused("nel\xc2\x85", 0, "U+0085");
	refused("abc\xe2\x80\xae" "cba", 0, "U+202E at byte 3");
	refused("\xe2\x81\xa6", 0, "U+2066 at byte 0");
	refused("\xe2\x81\xa9", 0, "U+2069");
	refused("\xe2\x80\x8f", 0, "U+200F");
	refused("\xd8\x9c", 0, "U+061C");
	refused("ls\xe2\x80\xa8", 0, "U+2028");
	refused("\xef\xbf\xbe", 0, "U+FFFE");
	/* malformed: named as invalid UTF-8, never as a control character */
	refused("a\xc0\x80", 0, "note: not valid UTF-8 at byte 1");	/* overlong NUL */
	refused("\xe0\x80\xaf", 0, "not valid UTF-8 at byte 0");	/* overlong '/' */
	refused("\xed\xa0\x80", 0, "not valid UTF-8 at byte 0");	/* surrogate */
	refused("\xf4\x90\x80\x80", 0, "not valid UTF-8");		/* > U+10FFFF */
	refused("cut \xe3\x81", 0, "not valid UTF-8 at byte 4");
	refused("\xff", 0, "not valid UTF-8 at byte 0");
	/* the longest text kept: 65536 bytes, one more is refused */
	char *big = malloc(TEXT_MAX_BYTES + 2);
	assert_non_null(big);
	memset(big, 'a', TEXT_MAX_BYTES + 1);
	big[TEXT_MAX_BYTES + 1] = '\0';
	refused(big, 0, "note: 65537 bytes long; at most 65536 are kept");
	big[TEXT_MAX_BYTES] = '\0';
	accepted(big, 0);
	free(big);
}

/* The one UTF-8 rule (RFC 3629) the store and the XML pre-scan share. */
static void test_utf8_len(void **state)
{
	(void)state;
	unsigned long cp = 0;
	assert_int_equal(text_utf8_len("\xe3\x81\x82", 3, &cp), 3);	/* あ */
	assert_int_equal(cp, 0x3042);
	assert_int_equal(text_utf8_len("\xe3\x81\x82", 2, NULL), 0);	/* cut by N */
	assert_int_equal(text_utf8_len("\xf0\x9f\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1f600);
	assert_int_equal(text_utf8_len("\xc3\xa9", 2, &cp), 2);
	assert_int_equal(cp, 0xe9);
	assert_int_equal(text_utf8_len("\xc1\xbf", 2, NULL), 0);		/* overlong */
	assert_int_equal(text_utf8_len("\xf4\x90\x80\x80", 4, NULL), 0);	/* > U+10FFFF */
	assert_int_equal(text_utf8_len("\xed\xbf\xbf", 3, NULL), 0);	/* surrogate */
	assert_int_equal(text_utf8_len("\xee\x80\x80", 3, &cp), 3);	/* U+E000 */
	assert_int_equal(cp, 0xe000);
}

static void escaped(const char *s, int flags, const char *want)
{
	char *got = text_escape(s, flags);
	assert_non_null(got);
	assert_string_equal(got, want);
	free(got);
}

static void test_escape(void **state)
{
	(void)state;
	escaped("", 0, "");
	escaped(NULL, 0, "");
	escaped("plain 日本語 text", 0, "plain 日本語 text");
	escaped("a\nb\tc\rd", 0, "a\\nb\\tc\\rd");
	escaped("\x1b[31m", 0, "\\u{001B}[31m");
	escaped("x\xc2\x9b" "2J", 0, "x\\u{009B}2J");
	escaped("evil\xe2\x80\xaetxt.exe", 0, "evil\\u{202E}txt.exe");
	escaped("bad\xff\xfe", 0, "bad\\xFF\\xFE");
	escaped("\xc0\x80", 0, "\\xC0\\x80");
	escaped("C:\\new", 0, "C:\\new");
	escaped("C:\\new\n", TEXT_ESC_BACKSLASH, "C:\\\\new\\n");
}

static void test_fputs(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	assert_non_null(f);
	assert_int_equal(text_fputs("n\xc3\xa9\n\xe2\x81\xa7", 0, f), 0);
	assert_int_equal(fclose(f), 0);
	assert_string_equal(buf, "n\xc3\xa9\\n\\u{2067}");
	free(buf);
}

/* Every code point a terminal could be steered by is unsafe; printable
 * ones are not (ranges from Unicode's Cc and bidi control lists). */
static void test_unsafe(void **state)
{
	(void)state;
	for (unsigned long c = 0; c < 0x20; c++)
		assert_true(text_cp_unsafe(c));
	for (unsigned long c = 0x7f; c < 0xa0; c++)
		assert_true(text_cp_unsafe(c));
	for (unsigned long c = 0x202a; c <= 0x202e; c++)
		assert_true(text_cp_unsafe(c));
	for (unsigned long c = 0x2066; c <= 0x2069; c++)
		assert_true(text_cp_unsafe(c));
	for (unsigned long c = 0x20; c < 0x7f; c++)
		assert_false(text_cp_unsafe(c));
	assert_false(text_cp_unsafe(0xa0));
	assert_false(text_cp_unsafe(0x3042));	/* あ */
	assert_false(text_cp_unsafe(0x200d));	/* ZWJ: emoji sequences */
	assert_false(text_cp_unsafe(0x1f600));
}

/* Stored UTC instants in local time with the offset in force then; the
 * expected strings worked out by hand: Tokyo is UTC+9 all year, Kolkata
 * UTC+5:30; New York is UTC-4 from 8 March 2026 02:00 EST to 1 November
 * 2026 02:00 EDT (06:00 UTC; both Sundays), UTC-5 outside. */
static void in_zone(const char *tz, const char *utc, const char *want)
{
	char buf[TIME_LOCAL_SIZE];
	assert_int_equal(setenv("TZ", tz, 1), 0);
	assert_string_equal(time_local(utc, buf), want);
}

static void test_time_local(void **state)
{
	(void)state;
	in_zone("Asia/Tokyo", "2026-11-29T05:45:33Z", "2026-11-29T14:45:33+09:00");
	in_zone("Asia/Tokyo", "2026-11-29T20:30:00Z", "2026-11-30T05:30:00+09:00");
	in_zone("Asia/Tokyo", "2024-02-29T15:00:00Z", "2024-03-01T00:00:00+09:00");
	in_zone("UTC", "2026-11-29T05:45:33Z", "2026-11-29T05:45:33+00:00");
	in_zone("Asia/Kolkata", "2026-11-29T05:45:33Z", "2026-11-29T11:15:33+05:30");
	in_zone("America/New_York", "2026-07-01T12:00:00Z", "2026-07-01T08:00:00-04:00");
	in_zone("America/New_York", "2026-11-29T05:45:33Z", "2026-11-29T00:45:33-05:00");
	in_zone("America/New_York", "2026-11-01T05:59:59Z", "2026-11-01T01:59:59-04:00");
	in_zone("America/New_York", "2026-11-01T06:00:00Z", "2026-11-01T01:00:00-05:00");
	in_zone("America/New_York", "2026-03-08T06:59:59Z", "2026-03-08T01:59:59-05:00");
	in_zone("America/New_York", "2026-03-08T07:00:00Z", "2026-03-08T03:00:00-04:00");
	/* not a stored instant: shown as given, the same pointer */
	char buf[TIME_LOCAL_SIZE];
	const char *odd[] = { "2026-11-29 05:45:33", "2026-02-29T00:00:00Z",
			      "2026-11-29T05:45:33+09:00", "2026-11-29T05:45:33Zx",
			      "2026-11-29T24:00:00Z", "yesterday", "" };
	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
		assert_ptr_equal(time_local(odd[i], buf), odd[i]);
	assert_null(time_local(NULL, buf));
	time_t t;
	assert_int_equal(time_parse_utc("1970-01-02T00:00:01Z", &t), 0);
	assert_int_equal((long long)t, 86401);
	assert_int_equal(setenv("TZ", "UTC", 1), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_utf8_len),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_fputs),
		cmocka_unit_test(test_unsafe),
		cmocka_unit_test(test_time_local),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
