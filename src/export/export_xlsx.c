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
#include "text_width.h"
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
	lxw_format *head, *text, *open, *section, *late;	/* late: an overdue row */
	char stamp[32];			/* the export time, SOURCE_DATE_EPOCH's */
	struct {			/* the open items' status lists: one per
					   run of rows of one kind */
		int sheet, col;		/* sheet -1: no run */
		lxw_row_t first, last;
		enum xs_kind kind;
	} run;
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

/* A text cell ("@": what is typed stays text, never a number or a date
 * serial), wrapped, at the top, framed; NULL when out of memory. */
static lxw_format *text_format(lxw_workbook *wb)
{
	lxw_format *f = workbook_add_format(wb);
	if (f != NULL) {
		format_set_num_format(f, "@");
		format_set_text_wrap(f);
		format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
		format_set_border(f, LXW_BORDER_THIN);
	}
	return f;
}

/* The cells' looks: text, open (to fill in, unlocked, yellow), late (an
 * overdue row: bold dark red on pink, Excel's "bad" style), heading,
 * section; -1 when out of memory. */
static int formats(struct ex_ctx *x)
{
	struct ex_xlsx_state *w = x->state;
	w->text = text_format(w->wb);
	w->open = text_format(w->wb);
	w->late = text_format(w->wb);
	w->section = text_format(w->wb);
	w->head = workbook_add_format(w->wb);
	if (w->text == NULL || w->open == NULL || w->late == NULL || w->section == NULL ||
	    w->head == NULL)
		return lxw_failed(x, "formats", LXW_ERROR_MEMORY_MALLOC_FAILED);
	format_set_unlocked(w->open);
	format_set_bg_color(w->open, 0xFFF3C4);
	format_set_bold(w->late);
	format_set_font_color(w->late, 0x9C0006);
	format_set_bg_color(w->late, 0xFFC7CE);
	format_set_bold(w->section);
	format_set_bg_color(w->section, 0xF3F3F3);
	format_set_bold(w->head);
	format_set_text_wrap(w->head);
	format_set_align(w->head, LXW_ALIGN_VERTICAL_TOP);
	format_set_border(w->head, LXW_BORDER_THIN);
	format_set_bg_color(w->head, 0xE8E8E8);
	return 0;
}

/* Row heights (issue 12): LibreOffice does not grow a row to fit the
 * wrapped text it reads, and Excel only when it edits the row, so the
 * writer sets each row as tall as its tallest cell: the lines each cell
 * wraps to, times the font's line height.
 *
 * A column WIDTH characters wide holds WIDTH digits of the default font
 * (Calibri 11: 7 px a digit at 96 dpi).  Text is measured in display
 * columns (text_width.c: East Asian wide = 2): a CJK glyph is 1 em, 11 pt
 * = 14.7 px, 5% more than two digits, and a CJK line may not start with
 * 。、」 (kinsoku), which pushes a character over; so a line is taken to
 * hold 90% of WIDTH columns.  Wrapping is greedy, as both programs do:
 * at a space, before or after a wide character, else inside a word too
 * long for a line. */
#define WRAP_SHARE 0.9

/* Lines S takes, wrapped at COLS display columns (at least 1). */
static unsigned wrapped_lines(const char *s, int cols)
{
	unsigned lines = 1;
	int col = 0, run = 0;		/* the line's columns; its last unbreakable run's */
	size_t len = strlen(s);
	while (len > 0) {
		if (*s == '\n') {
			lines++;
			col = run = 0;
			s++, len--;
			continue;
		}
		wchar_t wc;
		size_t n = text_next_shown(s, len, &wc);
		s += n, len -= n;
		int w = text_wcwidth(wc);
		if (w >= 2)
			run = 0;	/* a break is allowed before a wide character */
		if (col > 0 && col + w > cols) {
			lines++;
			if (wc == L' ') {	/* the space ends the line */
				col = run = 0;
				continue;
			}
			/* the run moves down whole, unless it was the whole line */
			col = run < col ? run : 0;
			if (col == 0)
				run = 0;
		}
		col += w;
		run = wc == L' ' || w >= 2 ? 0 : run + w;
	}
	return lines;
}

/* Points a line of the default font takes: Calibri 11 is 15 pt in Excel;
 * a Japanese line falls back to a CJK font (Yu Gothic, Noto Sans CJK:
 * ascent + descent 1.45 em = 16 pt at 11 pt), so the larger. */
#define LINE_POINTS 16.0
#define MAX_ROW_POINTS 409.0	/* Excel's tallest row */

/* The height of a row of CELLS[1..] (cells[0], the id, is hidden) in
 * SD's columns, in points: its tallest cell, at most 409; 0 for one line
 * (the default height). */
static double row_points(const struct xs_sheet_def *sd, char *const *cells)
{
	unsigned lines = 1;
	for (int c = 1; c < sd->ncols; c++)
		if (cells[c] != NULL) {
			int cols = (int)(sd->cols[c].width * WRAP_SHARE);
			unsigned n = wrapped_lines(cells[c], cols > 1 ? cols : 1);
			lines = n > lines ? n : lines;
		}
	if (lines == 1)
		return 0;
	double h = LINE_POINTS * lines + 2;	/* the cell's top and bottom padding */
	return h < MAX_ROW_POINTS ? h : MAX_ROW_POINTS;
}

static lxw_error row_height(lxw_worksheet *ws, lxw_row_t row, const struct xs_sheet_def *sd,
			    char *const *cells)
{
	double h = row_points(sd, cells);
	return h > 0 ? worksheet_set_row(ws, row, h, NULL) : LXW_NO_ERROR;
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
	w->run.sheet = -1;
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
	if (formats(x) < 0)
		return -1;
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

/* The drop-down list of KIND on the cells FIRST..LAST of column C. */
static lxw_error list_range(lxw_worksheet *ws, lxw_row_t first, lxw_row_t last, lxw_col_t c,
			    enum xs_kind kind)
{
	const char *ids[8], *labels[9] = { NULL };
	int n = xs_list(kind, ids, labels);
	if (n == 0)
		return LXW_NO_ERROR;
	labels[n] = NULL;
	lxw_data_validation dv = {
		.validate = LXW_VALIDATION_TYPE_LIST,
		.value_list = (char **)labels,
		.ignore_blank = LXW_VALIDATION_ON,
		.show_error = LXW_VALIDATION_ON,
	};
	return worksheet_data_validation_range(ws, first, c, last, c, &dv);
}

/* The list of the run of rows so far, if any. */
static lxw_error run_end(struct ex_xlsx_state *w)
{
	lxw_error e = LXW_NO_ERROR;
	if (w->run.sheet >= 0)
		e = list_range(w->ws[w->run.sheet], w->run.first, w->run.last,
			       (lxw_col_t)w->run.col, w->run.kind);
	w->run.sheet = -1;
	return e;
}

/* An open item's status takes its own list (decision, action state or
 * status): one data validation per run of rows of one kind, not one a
 * row. */
static lxw_error row_list(struct ex_xlsx_state *w, int sheet, lxw_row_t row, int col,
			  enum xs_kind kind)
{
	lxw_error e = LXW_NO_ERROR;
	if (w->run.sheet == sheet && w->run.col == col && w->run.kind == kind &&
	    w->run.last + 1 == row) {
		w->run.last = row;
		return e;
	}
	e = run_end(w);
	w->run.sheet = sheet;
	w->run.col = col;
	w->run.first = w->run.last = row;
	w->run.kind = kind;
	return e;
}

/* A due date column: text YYYY-MM-DD (the cells are text, "@", so Excel
 * keeps what is typed and never makes it a date serial), checked as it
 * is typed by its shape, with a message on entering the cell. */
static lxw_error due_range(lxw_worksheet *ws, lxw_row_t last, lxw_col_t c)
{
	char col[LXW_MAX_COL_NAME_LENGTH], *formula;
	lxw_col_to_name(col, c, 0);
	formula = str_printf("=AND(LEN(%s2)=10,MID(%s2,5,1)=\"-\",MID(%s2,8,1)=\"-\","
			     "ISNUMBER(VALUE(LEFT(%s2,4)&MID(%s2,6,2)&RIGHT(%s2,2))))",
			     col, col, col, col, col, col);
	if (formula == NULL)
		return LXW_ERROR_MEMORY_MALLOC_FAILED;
	lxw_data_validation dv = {
		.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA,
		.value_formula = formula,
		.ignore_blank = LXW_VALIDATION_ON,
		.show_input = LXW_VALIDATION_ON,
		.show_error = LXW_VALIDATION_ON,
		.input_title = (char *)_("Due date"),
		.input_message = (char *)_("Write it as YYYY-MM-DD, e.g. 2026-12-31"),
		.error_title = (char *)_("Due date"),
		.error_message = (char *)_("Write it as YYYY-MM-DD, e.g. 2026-12-31"),
	};
	lxw_error e = worksheet_data_validation_range(ws, 1, c, last, c, &dv);
	free(formula);
	return e;
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
		lxw_format *f = r->section ? w->section : open ? w->open :
			r->overdue ? w->late : w->text;
		e = v != NULL ? worksheet_write_string(ws, row, (lxw_col_t)c, v, f) :
			worksheet_write_blank(ws, row, (lxw_col_t)c, f);
		if (e == LXW_NO_ERROR && sd->cols[c].kind == XS_STATUS && r->editable)
			e = row_list(w, r->sheet, row, c, xs_list_kind(r->src, XS_STATUS));
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
	lxw_error e = w->run.sheet == s ? run_end(w) : LXW_NO_ERROR;
	if (e == LXW_NO_ERROR)
		e = worksheet_autofilter(ws, 0, 0, last, (lxw_col_t)(sd->ncols - 1));
	for (int c = 1; c < sd->ncols && e == LXW_NO_ERROR; c++)
		e = sd->cols[c].kind == XS_DUE ? due_range(ws, last, (lxw_col_t)c) :
			list_range(ws, 1, last, (lxw_col_t)c, sd->cols[c].kind);
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
	.crosswalk_row = xs_crosswalk_row,
	.open_item = xs_open_item,
	.summary = xs_summary,
	.end = xlsx_end,
	.release = xlsx_release,
};
