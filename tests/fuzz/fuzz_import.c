/* fuzz_import.c - import_memory() (src/export/export.h), the whole-assessment
 * import, on any bytes, with the real catalog and Fig. 16 form.
 * Promises checked: a refusal says why; an assessment read is exported
 * again (reliability.md: check every export by re-reading it) to a file
 * that imports, and exporting that gives the same bytes. */
#include "config.h"

#include <string.h>

#include "export.h"
#include "fuzz.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_load();
	return 0;
}

/* The whole assessment as XML, at a fixed time. */
static const struct export_options xml_options = {
	.what = EXPORT_ASSESSMENT, .format = EXPORT_XML, .generated_at = "2018-01-01T00:00:00Z"
};

/* That export, checked (export_to_stream); malloc'd. */
static char *export_xml(const struct assessment *a, size_t *len)
{
	struct diag d = DIAG_INIT;
	char *buf = NULL;
	FILE *out = open_memstream(&buf, len);
	if (out == NULL)
		fuzz_fail("open_memstream", NULL);
	int rc = export_to_stream(fuzz_catalog, fuzz_form, a, &xml_options, out, &d);
	if (fclose(out) != 0 || rc < 0)
		fuzz_fail("an imported assessment does not export", diag_msg(&d));
	diag_clear(&d);
	return buf;
}

/* export, import that, export again: the same bytes.  The second export
 * is rendered without the export's own check (parse and validate): being
 * the same bytes as the first, checked, export proves it valid, and that
 * check was a quarter of the time of an accepted input. */
static void round_trip(const struct assessment *a)
{
	size_t len = 0, len2 = 0;
	char *first = export_xml(a, &len), *second = NULL;
	struct diag d = DIAG_INIT;
	struct assessment *again = import_memory(fuzz_catalog, fuzz_form, first, len,
						 "exported.xml", &d);
	if (again == NULL)
		fuzz_fail("the export of an imported assessment does not import", diag_msg(&d));
	if (export_render(fuzz_catalog, fuzz_form, again, &xml_options, &second, &len2, &d) < 0)
		fuzz_fail("a re-imported assessment does not export", diag_msg(&d));
	if (len != len2 || memcmp(first, second, len) != 0)
		fuzz_fail("export, import, export does not give the same file", NULL);
	assessment_free(again);
	free(first);
	free(second);
	diag_clear(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diag d = DIAG_INIT;
	struct assessment *a = import_memory(fuzz_catalog, fuzz_form, (const char *)data, size,
					     FUZZ_NAME, &d);
	if (a == NULL && d.msg == NULL)
		fuzz_fail("import_memory refused the input without a message", NULL);
	if (a != NULL)
		round_trip(a);
	assessment_free(a);
	fuzz_outcome(&d);
	diag_clear(&d);
	return 0;
}
