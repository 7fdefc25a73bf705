/* export_formats.c - the export formats, one row each: everything that
 * lists formats (the CLI's --format and its usage, the export screen,
 * --help, export_options_check, the check of a written file) reads this
 * table, so a format is a writer file plus one row here (issue 9; tig's
 * REQ_INFO, ncdu's dir_output).  A row left out is an unknown format,
 * refused, never a default. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "export_walk.h"
#include "i18n.h"

#define ALL_WHATS ((1u << N_EXPORT_WHATS) - 1)
#define WHAT(w) (1u << (w))

static const struct export_format_info formats[N_EXPORT_FORMATS] = {
	[EXPORT_XML] = {
		.id = "xml", .ext = "xml",
		.description = N_("XML (forms/assessment.xsd)"),
		.writer = &export_xml_writer, .check = export_xml_check,
		.whats = ALL_WHATS,
	},
	[EXPORT_CSV] = {
		.id = "csv", .ext = "csv",
		.description = N_("CSV (spreadsheets)"),
		.writer = &export_csv_writer, .check = export_csv_check,
		.whats = WHAT(EXPORT_CHECKLIST) | WHAT(EXPORT_COUNTERMEASURES) | WHAT(EXPORT_CROSSWALK) |
			 WHAT(EXPORT_OPEN),
		.refused = N_("CSV holds one table: export the countermeasures, a checklist, the "
			      "crosswalk or the open items as CSV, the whole assessment as XML, HTML or XLSX"),
		.spreadsheet = 1,
	},
	[EXPORT_HTML] = {
		.id = "html", .ext = "html", .ext_alias = "htm",
		.description = N_("HTML (to read or print)"),
		.writer = &export_html_writer, .check = export_html_check,
		.whats = ALL_WHATS,
	},
	[EXPORT_XLSX] = {
		.id = "xlsx", .ext = "xlsx",
		.description = N_("XLSX (Excel workbook to fill in)"),
		.writer = &export_xlsx_writer, .check = export_xlsx_check,
		.whats = ALL_WHATS,
	},
};

const struct export_format_info *export_format_info(int f)
{
	if (f < 0 || f >= N_EXPORT_FORMATS || formats[f].id == NULL)
		return NULL;
	return &formats[f];
}

int export_format_parse(const char *s)
{
	for (int i = 0; s != NULL && i < N_EXPORT_FORMATS; i++)
		if (formats[i].id != NULL && strcmp(s, formats[i].id) == 0)
			return i;
	return -1;
}

int export_format_of_ext(const char *ext)
{
	for (int i = 0; ext != NULL && i < N_EXPORT_FORMATS; i++) {
		const struct export_format_info *fi = export_format_info(i);
		if (fi != NULL && (strcasecmp(ext, fi->ext) == 0 ||
				   (fi->ext_alias && strcasecmp(ext, fi->ext_alias) == 0)))
			return i;
	}
	return -1;
}

const char *export_format_id(enum export_format f)
{
	const struct export_format_info *fi = export_format_info((int)f);
	return fi ? fi->id : "?";
}

char *export_format_choices(const char *sep)
{
	char *out = strdup("");
	for (int i = 0; out != NULL && i < N_EXPORT_FORMATS; i++) {
		if (formats[i].id == NULL)
			continue;
		char *next = str_printf("%s%s%s", out, out[0] ? sep : "", formats[i].id);
		free(out);
		out = next;
	}
	return out;
}
