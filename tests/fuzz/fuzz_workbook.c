/* fuzz_workbook.c - import_workbook_memory() (src/export/export.h), a
 * filled XLSX workbook read back (issue 12), on any bytes: the zip
 * (libzip), its XML parts (xmlsafe) and the comparison with an
 * assessment, Annex 8 case 5 as assessment 1 created at FIXTURE_CREATED
 * (the seeds in corpus/workbook/ are workbooks of it).  Promises checked:
 * a refusal says why; every change names where, and a status change a
 * value of its list; nothing leaks. */
#include "config.h"

#include <string.h>

#include "export.h"
#include "fuzz.h"

#define FIXTURE_CREATED "2026-01-01T00:00:00Z"

static struct assessment *fixture;

static void fixture_free(void)
{
	assessment_free(fixture);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_load();
	const char *src = getenv("IOTSCOPE_SRCDIR");
	char *path = str_printf("%s/examples/case5.xml", src ? src : SRCDIR);
	struct diag d = DIAG_INIT;
	struct survey *s = path ? survey_load(fuzz_form, path, &d) : NULL;
	fixture = s ? assessment_new(fuzz_form) : NULL;
	if (fixture == NULL || (fixture->created = strdup(FIXTURE_CREATED)) == NULL)
		fuzz_fail("fixture", diag_msg(&d));
	survey_free(fixture->survey);
	fixture->survey = s;
	fixture->id = 1;
	free(path);
	diag_clear(&d);
	atexit(fixture_free);
	return 0;
}

static void check_change(const struct wb_change *c)
{
	if (c->where == NULL || c->key == NULL)
		fuzz_fail("a change without a place or key", NULL);
	if (c->field == WB_CHECK && c->new_value && check_status_parse(c->new_value) < 0)
		fuzz_fail("a status change to no status", c->new_value);
	if (c->field == WB_DECISION && c->new_value && decision_parse(c->new_value) < 0)
		fuzz_fail("a decision change to no decision", c->new_value);
	if (c->field == WB_ACTION && c->new_value && action_state_parse(c->new_value) < 0)
		fuzz_fail("an action change to no state", c->new_value);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d = DIAG_INIT;
	struct wb_import w;
	int rc = import_workbook_memory(fuzz_catalog, fuzz_form, fixture, (const char *)data,
					size, "fuzz-input.xlsx", &w, &d);
	if (rc < 0 && d.msg == NULL)
		fuzz_fail("import_workbook_memory refused the input without a message", NULL);
	for (size_t i = 0; rc == 0 && i < w.nchanges; i++)
		check_change(&w.changes[i]);
	if (rc == 0)
		wb_import_free(&w);
	fuzz_outcome(&d);
	diag_clear(&d);
	return 0;
}
