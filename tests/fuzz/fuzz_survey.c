/* fuzz_survey.c - survey_parse() (src/model/survey.h) on any bytes, with the
 * real catalog and Fig. 16 form.  Promises checked: a refusal says why;
 * a survey read is written back (survey_write) to a file that reads to
 * the same details and answers (IV.4.1: no answer lost on the way). */
#include "config.h"

#include <string.h>

#include "fuzz.h"
#include "survey.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_load();
	return 0;
}

static int same_text(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void check_same(const struct survey *a, const struct survey *b)
{
	for (int k = 0; k < N_DETAILS; k++)
		if (!same_text(a->details[k], b->details[k]))
			fuzz_fail("a detail changed on the round trip",
				  survey_detail_id((enum detail)k));
	for (size_t i = 0; i < a->form->ncells; i++)
		if (a->answers[i] != b->answers[i])
			fuzz_fail("an answer changed on the round trip", a->form->cells[i].id);
}

/* survey_write, then survey_parse of what it wrote. */
static void round_trip(const struct survey *s)
{
	char *buf = NULL;
	size_t len = 0;
	struct diag d = DIAG_INIT;
	FILE *out = open_memstream(&buf, &len);
	if (out == NULL)
		fuzz_fail("open_memstream", NULL);
	int rc = survey_write(s, out, &d);
	if (fclose(out) != 0 || rc < 0)
		fuzz_fail("survey_write failed", diag_msg(&d));
	struct survey *again = survey_parse(fuzz_form, buf, len, "written.xml", &d);
	if (again == NULL)
		fuzz_fail("what survey_write wrote does not read back", diag_msg(&d));
	check_same(s, again);
	survey_free(again);
	diag_clear(&d);
	free(buf);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d = DIAG_INIT;
	struct survey *s = survey_parse(fuzz_form, (const char *)data, size, FUZZ_NAME, &d);
	if (s == NULL && d.msg == NULL)
		fuzz_fail("survey_parse refused the input without a message", NULL);
	if (s != NULL)
		round_trip(s);
	survey_free(s);
	fuzz_outcome(&d);
	diag_clear(&d);
	return 0;
}
