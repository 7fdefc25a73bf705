/* import_xlsx.c - reading an XLSX workbook we do not trust (issue 12): a
 * zip (libzip) of XML parts (libxml2 through xmlsafe.h).  Before a byte
 * is inflated, the zip is refused when it is damaged or truncated
 * (ZIP_CHECKCONS), has too many members, a member named outside the
 * archive (absolute, "..", a drive or a backslash), a member or a total
 * too large once inflated, or a member that inflates more than a
 * workbook does (a zip bomb); inflating stops at the limit whatever the
 * header claims.  Each part is then read as untrusted XML (size-capped,
 * no DTD, no entities).  What comes out is each sheet as rows of strings:
 * shared strings (with their index checked), inline strings and values. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "arena.h"
#include "export_xlsx.h"
#include "i18n.h"
#include "xmlsafe.h"

/* A workbook of ours is ~0.2 MiB zipped, its largest part ~2 MiB; XML
 * compresses 5-20 times, a sheet of one repeated cell not 100. */
enum {
	XL_MAX_MEMBERS = 64,
	XL_MAX_RATIO = 100,
	XL_MAX_COLS = 64,
	XL_MAX_ROWS = 20000,
	XL_MAX_STRINGS = 200000,
};
#define XL_MAX_MEMBER ((zip_uint64_t)XMLSAFE_MAX_BYTES)
#define XL_MAX_TOTAL ((zip_uint64_t)24 << 20)

static const struct xmlsafe_limits xl_limits = {
	.kind = "workbook part", .bytes = XMLSAFE_MAX_BYTES, .text = 1u << 20,
	.elements = 400000, .depth = 16, .attrs = 32,
};

struct xl_reader {
	const char *name;		/* the file, in messages */
	zip_t *z;
	struct arena *ar;
	const char **strings;		/* shared strings */
	size_t nstrings;
	struct diag *d;
};

/* ---------- the zip ---------- */

/* A member name that stays inside the archive. */
static int name_ok(const char *n)
{
	if (n[0] == '\0' || n[0] == '/' || strchr(n, '\\') != NULL || strchr(n, ':') != NULL)
		return 0;
	for (const unsigned char *p = (const unsigned char *)n; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	for (const char *seg = n; seg != NULL; seg = strchr(seg, '/') ? strchr(seg, '/') + 1 : NULL)
		if (strncmp(seg, "..", 2) == 0 && (seg[2] == '/' || seg[2] == '\0'))
			return 0;
	return 1;
}

static int members_ok(struct xl_reader *r)
{
	zip_int64_t n = zip_get_num_entries(r->z, 0);
	if (n < 0 || n > XL_MAX_MEMBERS) {
		diag_set(r->d, _("%s: %lld members in the zip, a workbook has at most %d"),
			 r->name, (long long)n, XL_MAX_MEMBERS);
		return -1;
	}
	zip_uint64_t total = 0;
	for (zip_int64_t i = 0; i < n; i++) {
		zip_stat_t st;
		if (zip_stat_index(r->z, (zip_uint64_t)i, 0, &st) != 0 ||
		    !(st.valid & ZIP_STAT_NAME) || !(st.valid & ZIP_STAT_SIZE) ||
		    !(st.valid & ZIP_STAT_COMP_SIZE)) {
			diag_set(r->d, _("%s: member %lld of the zip cannot be read"), r->name,
				 (long long)i);
			return -1;
		}
		if (!name_ok(st.name)) {
			diag_set(r->d, _("%s: the member name '%s' points outside the archive; "
					 "refused"), r->name, st.name);
			return -1;
		}
		if (st.size > XL_MAX_MEMBER) {
			diag_set(r->d, _("%s: %s inflates to %llu bytes, more than the %llu a "
					 "workbook part may have"), r->name, st.name,
				 (unsigned long long)st.size, (unsigned long long)XL_MAX_MEMBER);
			return -1;
		}
		if (st.size > 4096 && st.size / (st.comp_size ? st.comp_size : 1) > XL_MAX_RATIO) {
			diag_set(r->d, _("%s: %s inflates %llu times (a zip bomb?); refused"),
				 r->name, st.name,
				 (unsigned long long)(st.size / (st.comp_size ? st.comp_size : 1)));
			return -1;
		}
		total += st.size;
	}
	if (total > XL_MAX_TOTAL) {
		diag_set(r->d, _("%s: the members inflate to %llu bytes in all, more than the "
				 "%llu a workbook may have"), r->name, (unsigned long long)total,
			 (unsigned long long)XL_MAX_TOTAL);
		return -1;
	}
	return 0;
}

/* Member NAME inflated, no more than its header says (members_ok capped
 * that) whatever the data holds; NULL (with d set unless OPTIONAL and
 * absent). */
static char *member(struct xl_reader *r, const char *name, size_t *len, int optional)
{
	zip_int64_t i = zip_name_locate(r->z, name, 0);
	zip_stat_t st;
	if (i < 0 || zip_stat_index(r->z, (zip_uint64_t)i, 0, &st) != 0) {
		if (!optional || i >= 0)
			diag_set(r->d, _("%s: not an XLSX workbook (it has no %s)"), r->name, name);
		return NULL;
	}
	zip_file_t *f = zip_fopen_index(r->z, (zip_uint64_t)i, 0);
	char *buf = f ? malloc((size_t)st.size + 1) : NULL;
	zip_int64_t got = 0, n = 0;
	while (buf != NULL && (zip_uint64_t)got <= st.size &&
	       (n = zip_fread(f, buf + got, st.size + 1 - (zip_uint64_t)got)) > 0)
		got += n;
	if (f == NULL || buf == NULL || n < 0 || (zip_uint64_t)got != st.size) {
		diag_set(r->d, _("%s: %s cannot be inflated: %s"), r->name, name,
			 buf == NULL && f != NULL ? _("out of memory") :
			 f != NULL && n >= 0 ? _("larger than its header says") :
			 zip_strerror(r->z));
		free(buf);
		buf = NULL;
	}
	if (f != NULL)
		zip_fclose(f);
	*len = (size_t)got;
	return buf;
}

static xmlDocPtr part(struct xl_reader *r, const char *name, int optional)
{
	size_t len = 0;
	char *buf = member(r, name, &len, optional);
	if (buf == NULL)
		return NULL;
	char *where = str_printf("%s:%s", r->name, name);
	xmlDocPtr doc = where ? xmlsafe_read_memory(buf, len, where, &xl_limits, r->d) : NULL;
	if (where == NULL)
		diag_set(r->d, "out of memory");
	free(where);
	free(buf);
	return doc;
}

/* ---------- text ---------- */

static const xmlNode *child(const xmlNode *n, const char *name)
{
	return n ? xml_first(n, name) : NULL;
}

static char *node_text(struct xl_reader *r, const xmlNode *n)
{
	xmlChar *t = xmlNodeGetContent(n);
	char *s = arena_strdup(r->ar, t ? (const char *)t : "");
	xmlFree(t);
	return s;
}

/* The text of a rich string (<si> or <is>): its <t>, or the <t> of each
 * run <r>; the phonetic guides (<rPh>) Japanese Excel adds are not text. */
static char *rich_text(struct xl_reader *r, const xmlNode *si)
{
	const xmlNode *t = child(si, "t");
	if (t != NULL)
		return node_text(r, t);
	char *out = arena_strdup(r->ar, "");
	for (const xmlNode *run = child(si, "r"); run != NULL && out != NULL;
	     run = xml_next(run, "r")) {
		char *piece = node_text(r, child(run, "t"));
		char *joined = piece ? str_printf("%s%s", out, piece) : NULL;
		out = joined ? arena_strdup(r->ar, joined) : NULL;
		free(joined);
	}
	return out;
}

static int shared_strings(struct xl_reader *r)
{
	xmlDocPtr doc = part(r, "xl/sharedStrings.xml", 1);
	if (doc == NULL)
		return r->d->msg ? -1 : 0;
	const xmlNode *root = xmlDocGetRootElement(doc);
	size_t n = 0;
	for (const xmlNode *si = child(root, "si"); si != NULL; si = xml_next(si, "si"))
		n++;
	int rc = 0;
	if (!xml_is(root, "sst") || n > XL_MAX_STRINGS) {
		diag_set(r->d, _("%s: xl/sharedStrings.xml is not a table of strings"), r->name);
		rc = -1;
	}
	r->strings = rc ? NULL : arena_array(r->ar, n + 1, sizeof *r->strings);
	for (const xmlNode *si = child(root, "si"); r->strings && si; si = xml_next(si, "si"))
		if ((r->strings[r->nstrings++] = rich_text(r, si)) == NULL)
			break;
	if (rc == 0 && (r->strings == NULL || r->nstrings != n)) {
		diag_set(r->d, "out of memory");
		rc = -1;
	}
	xmlFreeDoc(doc);
	return rc;
}

/* ---------- sheets ---------- */

/* "BC12" -> column 54 (0-based), row 12; -1 when not a cell reference. */
static int cell_ref(const char *s, int *col, long *row)
{
	int c = 0, letters = 0;
	for (; *s >= 'A' && *s <= 'Z' && letters < 3; s++, letters++)
		c = c * 26 + (*s - 'A' + 1);
	char *end;
	long rw = strtol(s, &end, 10);
	if (letters == 0 || *s < '1' || *s > '9' || *end != '\0' || rw > 1048576)
		return -1;
	*col = c - 1;
	*row = rw;
	return 0;
}

static int cell_value(struct xl_reader *r, const xmlNode *c, const char *sheet, long row,
		      char **out)
{
	char *t = xml_attr(c, "t");
	const xmlNode *v = child(c, "v");
	int rc = 0;
	*out = NULL;
	if (t != NULL && strcmp(t, "inlineStr") == 0) {
		*out = rich_text(r, child(c, "is"));
	} else if (t != NULL && strcmp(t, "s") == 0) {
		char *txt = v ? node_text(r, v) : NULL, *end = NULL;
		long long i = txt ? strtoll(txt, &end, 10) : -1;
		if (txt == NULL || end == txt || *end != '\0' || i < 0 ||
		    (unsigned long long)i >= r->nstrings) {
			diag_set(r->d, _("%s: sheet %s row %ld: shared string %s out of range "
					 "(the workbook has %zu)"), r->name, sheet, row,
				 txt ? txt : "?", r->nstrings);
			rc = -1;
		} else {
			*out = (char *)r->strings[i];
		}
	} else if (v != NULL) {
		*out = node_text(r, v);
	}
	xmlFree(t);
	return rc;
}

static int add_row(struct xl_reader *r, struct xl_sheet *s, long rnum, const xmlNode *row)
{
	if (s->nrows >= XL_MAX_ROWS) {
		diag_set(r->d, _("%s: sheet %s has more than %d rows"), r->name, s->name,
			 XL_MAX_ROWS);
		return -1;
	}
	struct xl_row *x = &s->rows[s->nrows++];
	x->r = rnum;
	x->cells = arena_array(r->ar, XL_MAX_COLS, sizeof *x->cells);
	x->formula = arena_array(r->ar, XL_MAX_COLS, 1);
	if (x->cells == NULL || x->formula == NULL) {
		diag_set(r->d, "out of memory");
		return -1;
	}
	int col = -1;
	for (const xmlNode *c = child(row, "c"); c != NULL; c = xml_next(c, "c")) {
		char *ref = xml_attr(c, "r");
		long rr = rnum;
		int ok = ref == NULL ? (col++, 1) : cell_ref(ref, &col, &rr) == 0 && rr == rnum;
		xmlFree(ref);
		if (!ok) {
			diag_set(r->d, _("%s: sheet %s row %ld: a cell with a bad reference"),
				 r->name, s->name, rnum);
			return -1;
		}
		if (col >= XL_MAX_COLS)
			continue;
		if (cell_value(r, c, s->name, rnum, &x->cells[col]) < 0)
			return -1;
		x->formula[col] = child(c, "f") != NULL;
		if (col + 1 > x->ncells)
			x->ncells = col + 1;
	}
	return 0;
}

static int read_sheet(struct xl_reader *r, struct xl_sheet *s, const char *path)
{
	xmlDocPtr doc = part(r, path, 0);
	if (doc == NULL)
		return -1;
	const xmlNode *root = xmlDocGetRootElement(doc);
	const xmlNode *data = xml_is(root, "worksheet") ? child(root, "sheetData") : NULL;
	size_t n = 0;
	for (const xmlNode *row = child(data, "row"); row != NULL; row = xml_next(row, "row"))
		n++;
	int rc = 0;
	if (data == NULL) {
		diag_set(r->d, _("%s: %s is not a worksheet"), r->name, path);
		rc = -1;
	} else if (n > XL_MAX_ROWS) {
		diag_set(r->d, _("%s: sheet %s has more than %d rows"), r->name, s->name,
			 XL_MAX_ROWS);
		rc = -1;
	} else if ((s->rows = arena_array(r->ar, n + 1, sizeof *s->rows)) == NULL) {
		diag_set(r->d, "out of memory");
		rc = -1;
	}
	long last = 0;
	for (const xmlNode *row = child(data, "row"); rc == 0 && row != NULL;
	     row = xml_next(row, "row")) {
		char *rattr = xml_attr(row, "r"), *end = NULL;
		long rnum = rattr ? strtol(rattr, &end, 10) : last + 1;
		int bad = rattr != NULL && (end == rattr || *end != '\0');
		xmlFree(rattr);
		if (bad || rnum <= last || rnum > 1048576) {
			diag_set(r->d, _("%s: sheet %s: rows out of order"), r->name, s->name);
			rc = -1;
			break;
		}
		last = rnum;
		rc = add_row(r, s, rnum, row);
	}
	xmlFreeDoc(doc);
	return rc;
}

/* The target of relationship ID in xl/_rels/workbook.xml.rels, as a
 * member name ("xl/worksheets/sheet1.xml"). */
static char *sheet_path(struct xl_reader *r, xmlDocPtr rels, const char *id)
{
	const xmlNode *root = xmlDocGetRootElement(rels);
	for (const xmlNode *n = child(root, "Relationship"); n; n = xml_next(n, "Relationship")) {
		char *rid = xml_attr(n, "Id"), *target = xml_attr(n, "Target");
		char *path = NULL;
		if (rid && target && strcmp(rid, id) == 0) {
			char *p = target[0] == '/' ? str_printf("%s", target + 1) :
				  str_printf("xl/%s", target);
			path = p && name_ok(p) ? arena_strdup(r->ar, p) : NULL;
			if (p != NULL && !name_ok(p))
				diag_set(r->d, _("%s: the sheet part '%s' points outside the "
						 "archive; refused"), r->name, target);
			free(p);
		}
		xmlFree(rid);
		xmlFree(target);
		if (path != NULL || r->d->msg != NULL)
			return path;
	}
	diag_set(r->d, _("%s: sheet relationship %s has no part"), r->name, id);
	return NULL;
}

static int read_sheets(struct xl_reader *r, struct xl_book *b)
{
	xmlDocPtr wb = part(r, "xl/workbook.xml", 0);
	xmlDocPtr rels = wb ? part(r, "xl/_rels/workbook.xml.rels", 0) : NULL;
	const xmlNode *sheets = wb ? child(xmlDocGetRootElement(wb), "sheets") : NULL;
	size_t n = 0;
	for (const xmlNode *s = child(sheets, "sheet"); s != NULL; s = xml_next(s, "sheet"))
		n++;
	int rc = rels != NULL && sheets != NULL && n <= XL_MAX_MEMBERS ? 0 : -1;
	if (rc < 0 && rels != NULL)
		diag_set(r->d, _("%s: not an XLSX workbook (no sheets)"), r->name);
	b->sheets = rc == 0 ? arena_array(r->ar, n + 1, sizeof *b->sheets) : NULL;
	for (const xmlNode *s = child(sheets, "sheet"); rc == 0 && s; s = xml_next(s, "sheet")) {
		struct xl_sheet *sh = &b->sheets[b->nsheets++];
		char *name = xml_attr(s, "name"), *rid = xml_attr(s, "id");
		sh->name = name ? arena_strdup(r->ar, name) : NULL;
		char *path = name && rid ? sheet_path(r, rels, rid) : NULL;
		rc = path != NULL && sh->name != NULL ? read_sheet(r, sh, path) : -1;
		if (rc < 0 && r->d->msg == NULL)
			diag_set(r->d, _("%s: a sheet without a name or part"), r->name);
		xmlFree(name);
		xmlFree(rid);
	}
	xmlFreeDoc(rels);
	xmlFreeDoc(wb);
	return rc;
}

struct xl_book *xl_read(const char *buf, size_t len, const char *name, struct diag *d)
{
	struct xl_reader r = { .name = name, .d = d, .ar = arena_new() };
	struct xl_book *b = r.ar ? arena_alloc(r.ar, sizeof *b) : NULL;
	if (b == NULL) {
		arena_free(r.ar);
		diag_set(d, "out of memory");
		return NULL;
	}
	memset(b, 0, sizeof *b);
	b->arena = r.ar;
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(buf, len, 0, &ze);
	r.z = src ? zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &ze) : NULL;
	if (r.z == NULL) {
		diag_set(d, _("%s: not a workbook: the zip cannot be opened (%s); a truncated "
			      "or damaged file?"), name, zip_error_strerror(&ze));
		zip_source_free(src);
		zip_error_fini(&ze);
		arena_free(r.ar);
		return NULL;
	}
	zip_error_fini(&ze);
	int rc = members_ok(&r);
	if (rc == 0) {
		xmlDocPtr ct = part(&r, "[Content_Types].xml", 0);
		rc = ct ? 0 : -1;
		xmlFreeDoc(ct);
	}
	if (rc == 0)
		rc = shared_strings(&r);
	if (rc == 0)
		rc = read_sheets(&r, b);
	zip_discard(r.z);
	if (rc < 0) {
		arena_free(r.ar);
		return NULL;
	}
	return b;
}

void xl_free(struct xl_book *b)
{
	if (b != NULL)
		arena_free(b->arena);
}

const struct xl_sheet *xl_sheet(const struct xl_book *b, const char *name)
{
	for (size_t i = 0; i < b->nsheets; i++)
		if (strcmp(b->sheets[i].name, name) == 0)
			return &b->sheets[i];
	return NULL;
}

/* What the export promises: the workbook reads back, with the meta
 * sheet and as many rows with an id as were written. */
int export_xlsx_check(const struct form *f, const char *buf, size_t len, size_t records,
		      const char *name, struct diag *d)
{
	(void)f;
	struct xl_book *b = xl_read(buf, len, name, d);
	if (b == NULL)
		return -1;
	size_t rows = 0;
	for (size_t i = 0; i < b->nsheets; i++)
		if (strcmp(b->sheets[i].name, XS_META_SHEET) != 0)
			for (size_t k = 1; k < b->sheets[i].nrows; k++)
				rows += b->sheets[i].rows[k].ncells > 0 &&
					b->sheets[i].rows[k].cells[0] != NULL;
	int ok = xl_sheet(b, XS_META_SHEET) != NULL && rows == records;
	xl_free(b);
	if (!ok)
		diag_set(d, "%s: %zu rows read back, %zu written", name, rows, records);
	return ok ? 0 : -1;
}
