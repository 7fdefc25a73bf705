/* export_xlsx.c - the XLSX writer of the export walk (issue 12): what
 * auditors in Japan fill in, written with libxlsxwriter.  The sheets and
 * their columns are export_xlsx_rows.c's; here only how they look: every
 * cell a string (an id, a number or a note such as "=1+1" is never a
 * number, date or formula), the 実施チェック/decision/state columns as
 * drop-down lists, frozen heading row, autofilter, A4 landscape with the
 * heading row repeated and fit to the page width, the id column hidden
 * and the sheet protected (no password: it guards against slips, the
 * reader checks every cell anyway).  libxlsxwriter writes to a file: a
 * private temporary one, read back into the export's stream and removed
 * (export.c then writes the target atomically). */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <xlsxwriter.h>

#include "export_xlsx.h"
#include "i18n.h"
#include "text.h"
#include "xmlsafe.h"

/* What libxlsxwriter 1.1 writes for our largest workbook is ~0.2 MiB. */
#define XLSX_MAX_BYTES (64u << 20)

struct ex_xlsx_state {
	struct xs_state xs;		/* first: the rows come here */
	char *tmp;			/* the file libxlsxwriter writes */
	lxw_workbook *wb;
	int nsheets;			/* xs_nsheets() */
	lxw_worksheet **ws;		/* by sheet; NULL when not held */
	lxw_row_t *rows;		/* rows written, the heading's too */
	lxw_format *head, *text, *open, *section;
	char stamp[32];			/* the export time, SOURCE_DATE_EPOCH's */
};

static const char *tmp_dir(void)
{
	const char *t = getenv("TMPDIR");
	return t != NULL && t[0] != '\0' ? t : "/tmp";
}

static int lxw_failed(struct ex_ctx *x, const char *what, lxw_error e)
{
	diag_set(x->d, _("cannot write the XLSX workbook (%s): %s; libxlsxwriter works "
			 "in temporary files in %s"), what, lxw_strerror(e), tmp_dir());
	return -1;
}

/* SOURCE_DATE_EPOCH (reproducible builds) when set and valid, so that
 * the same assessment gives the same bytes; else -1. */
static time_t source_date(void)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	char *end;
	errno = 0;
	long long v = s ? strtoll(s, &end, 10) : -1;
	return s != NULL && errno == 0 && end != s && *end == '\0' && v >= 0 ? (time_t)v : -1;
}

/* The creation time of the workbook: SOURCE_DATE_EPOCH, else the export
 * time the caller gave (then the same export gives the same bytes), else
 * now; with SOURCE_DATE_EPOCH it is also the export time the summary
 * shows unless the caller gave one. */
static time_t created_time(struct ex_ctx *x)
{
	struct ex_xlsx_state *w = x->state;
	time_t t = source_date();
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	if (t == (time_t)-1) {
		const char *end = x->o->generated_at ?
			strptime(x->o->generated_at, "%Y-%m-%dT%H:%M:%SZ", &tm) : NULL;
		return end != NULL && *end == '\0' ? timegm(&tm) : time(NULL);
	}
	if (x->o->generated_at == NULL && gmtime_r(&t, &tm) != NULL &&
	    strftime(w->stamp, sizeof w->stamp, "%Y-%m-%dT%H:%M:%SZ", &tm) > 0)
		x->generated_at = w->stamp;
	return t;
}

static void formats(struct ex_xlsx_state *w)
{
	w->text = workbook_add_format(w->wb);
	format_set_num_format(w->text, "@");
	format_set_text_wrap(w->text);
	format_set_align(w->text, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(w->text, LXW_BORDER_THIN);
	w->open = workbook_add_format(w->wb);
	format_set_num_format(w->open, "@");
	format_set_text_wrap(w->open);
	format_set_align(w->open, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(w->open, LXW_BORDER_THIN);
	format_set_unlocked(w->open);
	format_set_bg_color(w->open, 0xFFF3C4);
	w->head = workbook_add_format(w->wb);
	format_set_bold(w->head);
	format_set_text_wrap(w->head);
	format_set_align(w->head, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(w->head, LXW_BORDER_THIN);
	format_set_bg_color(w->head, 0xE8E8E8);
	w->section = workbook_add_format(w->wb);
	format_set_bold(w->section);
	format_set_num_format(w->section, "@");
	format_set_text_wrap(w->section);
	format_set_border(w->section, LXW_BORDER_THIN);
	format_set_bg_color(w->section, 0xF3F3F3);
}

/* The lines TEXT takes in a column WIDTH characters wide (in tenths: a
 * character from U+1100 on, CJK, is 1.7 of a digit's width in the default
 * fonts), wrapped as a spreadsheet does roughly.  LibreOffice does not grow a row to fit wrapped text it
 * reads, so the writer sets each row's height: an estimate, but the
 * guideline's text is then shown whole when printed. */
static unsigned text_lines(const char *s, double width)
{
	unsigned lines = 1, col = 0, per = width > 3 ? (unsigned)(width * 10) - 10 : 20;
	while (*s != '\0') {
		unsigned long cp = 0;
		size_t n = text_utf8_next(s, &cp);
		if (n == 0)
			break;
		s += n;
		unsigned w = cp >= 0x1100 ? 17 : 10;
		if (cp == '\n' || col + w > per) {
			lines++;
			col = 0;
		}
		if (cp != '\n')
			col += w;
	}
	return lines;
}

/* Points per line of the default font (Calibri 11), and Excel's tallest row. */
#define LINE_POINTS 15.0
#define MAX_ROW_POINTS 409.0

/* Row ROW as tall as its tallest cell, CELLS[1..] (cells[0], the id, is
 * hidden). */
static lxw_error row_height(lxw_worksheet *ws, lxw_row_t row, const struct xs_sheet_def *sd,
			    char *const *cells)
{
	unsigned lines = 1;
	for (int c = 1; c < sd->ncols; c++)
		if (cells[c] != NULL) {
			unsigned n = text_lines(cells[c], sd->cols[c].width);
			lines = n > lines ? n : lines;
		}
	if (lines == 1)
		return LXW_NO_ERROR;
	double h = LINE_POINTS * lines;
	return worksheet_set_row(ws, row, h < MAX_ROW_POINTS ? h : MAX_ROW_POINTS, NULL);
}

/* A sheet's headings, widths and print setup. */
static int sheet_begin(struct ex_ctx *x, int s)
{
	struct ex_xlsx_state *w = x->state;
	const struct xs_sheet_def *sd = xs_def(x->c, s);
	const char *name = xs_name(x->c, s);
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, name);
	if (ws == NULL)
		return lxw_failed(x, name, LXW_ERROR_MEMORY_MALLOC_FAILED);
	w->ws[s] = ws;
	lxw_row_col_options hidden = { .hidden = 1 };
	lxw_error e = LXW_NO_ERROR;
	char **heads = calloc((size_t)sd->ncols, sizeof *heads);
	for (int c = 0; heads != NULL && c < sd->ncols && e == LXW_NO_ERROR; c++) {
		char *h = heads[c] = xs_heading(x, s, &sd->cols[c]);
		e = h ? worksheet_set_column_opt(ws, (lxw_col_t)c, (lxw_col_t)c, sd->cols[c].width,
						 NULL, c == 0 ? &hidden : NULL) :
			LXW_ERROR_MEMORY_MALLOC_FAILED;
		if (e == LXW_NO_ERROR)
			e = worksheet_write_string(ws, 0, (lxw_col_t)c, h, w->head);
	}
	if (heads == NULL)
		e = LXW_ERROR_MEMORY_MALLOC_FAILED;
	else if (e == LXW_NO_ERROR)
		e = row_height(ws, 0, sd, heads);
	for (int c = 0; heads != NULL && c < sd->ncols; c++)
		free(heads[c]);
	free(heads);
	if (e != LXW_NO_ERROR)
		return lxw_failed(x, name, e);
	w->rows[s] = 1;
	worksheet_freeze_panes(ws, 1, 0);
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);		/* A4 */
	worksheet_fit_to_pages(ws, 1, 0);	/* one page wide, as long as it takes */
	worksheet_set_margins(ws, 0.4, 0.4, 0.5, 0.5);
	e = worksheet_repeat_rows(ws, 0, 0);
	return e == LXW_NO_ERROR ? 0 : lxw_failed(x, name, e);
}

/* The hidden sheet the reader identifies the workbook by. */
static int meta_row(struct ex_ctx *x, lxw_worksheet *ws, lxw_row_t *r, const char *k,
		    const char *v, const char *label)
{
	lxw_error e = worksheet_write_string(ws, *r, 0, k, NULL);
	if (e == LXW_NO_ERROR && v != NULL)
		e = worksheet_write_string(ws, *r, 1, v, NULL);
	if (e == LXW_NO_ERROR && label != NULL)
		e = worksheet_write_string(ws, *r, 2, label, NULL);
	(*r)++;
	return e == LXW_NO_ERROR ? 0 : lxw_failed(x, XS_META_SHEET, e);
}

static int meta_sheet(struct ex_ctx *x)
{
	struct ex_xlsx_state *w = x->state;
	lxw_worksheet *ws = workbook_add_worksheet(w->wb, XS_META_SHEET);
	if (ws == NULL)
		return lxw_failed(x, XS_META_SHEET, LXW_ERROR_MEMORY_MALLOC_FAILED);
	worksheet_hide(ws);
	lxw_row_t r = 0;
	char id[32], rev[16];
	snprintf(id, sizeof id, "%lld", (long long)x->a->id);
	snprintf(rev, sizeof rev, "%d", x->c->revision);
	int rc = meta_row(x, ws, &r, "format", XS_FORMAT, NULL);
	rc |= meta_row(x, ws, &r, "assessment", id, x->a->created);
	rc |= meta_row(x, ws, &r, "catalog", x->c->hash, rev);
	rc |= meta_row(x, ws, &r, "what", x->kind, NULL);
	rc |= meta_row(x, ws, &r, "blank", x->o->blank ? "1" : "0", NULL);
	for (int s = 0; s < w->nsheets; s++)
		if (w->ws[s] != NULL)
			rc |= meta_row(x, ws, &r, "sheet", xs_key(x->c, s), xs_name(x->c, s));
	static const enum xs_kind lists[] = { XS_CHECK, XS_DECISION, XS_ACTION };
	for (size_t k = 0; k < sizeof lists / sizeof lists[0]; k++) {
		const char *ids[8], *labels[8];
		int n = xs_list(lists[k], ids, labels);
		for (int i = 0; i < n; i++)
			rc |= meta_row(x, ws, &r, "value", ids[i], labels[i]);
	}
	return rc ? -1 : 0;
}

static int xlsx_row(struct ex_ctx *x, const struct xs_row *r);

static int xlsx_begin(struct ex_ctx *x)
{
	struct ex_xlsx_state *w = x->state;
	w->xs.row = xlsx_row;
	w->tmp = str_printf("%s/iotscope-xlsx.XXXXXX", tmp_dir());
	int fd = w->tmp ? mkstemp(w->tmp) : -1;
	if (fd < 0) {
		diag_set(x->d, _("cannot write the XLSX workbook: cannot create a temporary "
				 "file in %s: %s"), tmp_dir(), strerror(errno));
		free(w->tmp);
		w->tmp = NULL;
		return -1;
	}
	close(fd);
	lxw_workbook_options opt = { .tmpdir = (char *)tmp_dir() };
	w->wb = workbook_new_opt(w->tmp, &opt);
	if (w->wb == NULL)
		return lxw_failed(x, w->tmp, LXW_ERROR_CREATING_XLSX_FILE);
	const char *name = x->a->survey->details[DETAIL_NAME];
	lxw_doc_properties props = { .title = (char *)(name ? name : ""),
				     .comments = (char *)PACKAGE_STRING,
				     .created = created_time(x) };
	lxw_error e = workbook_set_properties(w->wb, &props);
	if (e != LXW_NO_ERROR)
		return lxw_failed(x, w->tmp, e);
	formats(w);
	w->nsheets = xs_nsheets(x->c);
	w->ws = calloc((size_t)w->nsheets, sizeof *w->ws);
	w->rows = calloc((size_t)w->nsheets, sizeof *w->rows);
	if (w->ws == NULL || w->rows == NULL) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	for (int s = 0; s < w->nsheets; s++)
		if (xs_holds(x, s) && sheet_begin(x, s) < 0)
			return -1;
	return meta_sheet(x);
}

static int xlsx_row(struct ex_ctx *x, const struct xs_row *r)
{
	struct ex_xlsx_state *w = x->state;
	const struct xs_sheet_def *sd = xs_def(x->c, r->sheet);
	lxw_worksheet *ws = w->ws[r->sheet];
	lxw_row_t row = w->rows[r->sheet]++;
	if (ws == NULL)
		return 0;
	lxw_error e = worksheet_write_string(ws, row, 0, r->id, w->text);
	for (int c = 1; c < sd->ncols && e == LXW_NO_ERROR; c++) {
		const char *v = r->cells[c];
		if (v != NULL && export_text_ok(v, r->id, x->d) < 0)
			return -1;
		int open = r->editable && sd->cols[c].kind >= XS_NOTE;
		lxw_format *f = r->section ? w->section : open ? w->open : w->text;
		e = v != NULL ? worksheet_write_string(ws, row, (lxw_col_t)c, v, f) :
			worksheet_write_blank(ws, row, (lxw_col_t)c, f);
	}
	if (e == LXW_NO_ERROR)
		e = row_height(ws, row, sd, r->cells);
	x->records++;
	return e == LXW_NO_ERROR ? 0 : lxw_failed(x, xs_name(x->c, r->sheet), e);
}

/* The lists, the filter and the protection, once the rows are known. */
static int sheet_end(struct ex_ctx *x, int s)
{
	struct ex_xlsx_state *w = x->state;
	const struct xs_sheet_def *sd = xs_def(x->c, s);
	lxw_worksheet *ws = w->ws[s];
	lxw_row_t last = w->rows[s] > 1 ? w->rows[s] - 1 : 1;
	lxw_error e = worksheet_autofilter(ws, 0, 0, last, (lxw_col_t)(sd->ncols - 1));
	for (int c = 1; c < sd->ncols && e == LXW_NO_ERROR; c++) {
		const char *ids[8], *labels[9] = { NULL };
		int n = xs_list(sd->cols[c].kind, ids, labels);
		if (n == 0)
			continue;
		labels[n] = NULL;
		lxw_data_validation dv = {
			.validate = LXW_VALIDATION_TYPE_LIST,
			.value_list = (char **)labels,
			.ignore_blank = LXW_VALIDATION_ON,
			.show_error = LXW_VALIDATION_ON,
		};
		e = worksheet_data_validation_range(ws, 1, (lxw_col_t)c, last, (lxw_col_t)c, &dv);
	}
	if (e != LXW_NO_ERROR)
		return lxw_failed(x, xs_name(x->c, s), e);
	lxw_protection p = { .format_columns = 1, .format_rows = 1, .sort = 1,
			     .autofilter = 1 };
	worksheet_protect(ws, NULL, &p);
	return 0;
}

static int xlsx_close(struct ex_ctx *x)
{
	struct ex_xlsx_state *w = x->state;
	lxw_error e = workbook_close(w->wb);
	w->wb = NULL;
	if (e != LXW_NO_ERROR)
		return lxw_failed(x, w->tmp, e);
	size_t len = 0;
	char *buf = xmlsafe_slurp(w->tmp, XLSX_MAX_BYTES, &len, x->d);
	if (buf == NULL)
		return -1;
	int rc = fwrite(buf, 1, len, x->out) == len ? 0 : -1;
	if (rc < 0)
		diag_set(x->d, "out of memory");
	free(buf);
	return rc;
}

static int xlsx_end(struct ex_ctx *x)
{
	struct ex_xlsx_state *w = x->state;
	for (int s = 0; s < w->nsheets; s++)
		if (w->ws[s] != NULL && sheet_end(x, s) < 0)
			return -1;
	return xlsx_close(x);
}

/* Whether the walk ended or stopped: no workbook or file left behind. */
static void xlsx_release(struct ex_ctx *x)
{
	struct ex_xlsx_state *w = x->state;
	if (w->wb != NULL)
		(void)workbook_close(w->wb);
	if (w->tmp != NULL)
		(void)unlink(w->tmp);
	free(w->tmp);
	free(w->ws);
	free(w->rows);
}

const struct ex_writer export_xlsx_writer = {
	.state_size = sizeof(struct ex_xlsx_state),
	.begin = xlsx_begin,
	.details = xs_details,
	.line = xs_line,
	.cm = xs_cm,
	.entry = xs_entry,
	.summary = xs_summary,
	.end = xlsx_end,
	.release = xlsx_release,
};
