/* export_csv.c - the CSV writer of the export walk, for auditors who work
 * in spreadsheets: the countermeasure review, each checklist and the
 * ISO/IEC 27002 crosswalk (RFC 4180: CRLF records, fields with a comma,
 * quote or line break in double quotes, quotes doubled; UTF-8, with a byte order mark on request).
 * Headings and values (kind, decision, state, check, level) are in the
 * reader's language (--lang, else the locale), through the same labels as
 * the workbench; times in local time with the offset.  The XML is the
 * language-neutral form for tools.  What a person typed (notes, who, when: the columns of
 * USER_COLUMNS) is kept from being run as a spreadsheet formula unless
 * --raw asks for it verbatim (OWASP "CSV Injection"). */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "export_walk.h"
#include "i18n.h"
#include "timefmt.h"

/* ---------- fields and records ---------- */

static int needs_quotes(const char *s)
{
	return strpbrk(s, ",\"\r\n") != NULL;
}

/* A cell Excel or LibreOffice would read as a formula (or, after a tab or
 * CR, as the start of one) gets a leading apostrophe: shown as text. */
static int formula_like(const char *s)
{
	return s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL;
}

static void field(struct ex_ctx *x, int first, const char *s, int user)
{
	if (!first)
		fputc(',', x->out);
	if (s == NULL)
		return;
	const char *lead = user && !x->o->raw && formula_like(s) ? "'" : "";
	if (!needs_quotes(s)) {
		fputs(lead, x->out);
		fputs(s, x->out);
		return;
	}
	fputc('"', x->out);
	fputs(lead, x->out);
	for (const char *p = s; *p != '\0';) {
		size_t run = strcspn(p, "\"");
		fwrite(p, 1, run, x->out);
		p += run;
		if (*p == '"') {
			fputs("\"\"", x->out);
			p++;
		}
	}
	fputc('"', x->out);
}

/* One record of N fields (NULL = empty); bit i of USER set when field i
 * is what a person typed. */
static void record(struct ex_ctx *x, unsigned long user, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		field(x, i == 0, v[i], (user >> i) & 1);
	fputs("\r\n", x->out);
	x->records++;
}

#define USER_RECORD(x, user, ...) do { \
	const char *const v_[] = { __VA_ARGS__ }; \
	record((x), (user), v_, sizeof v_ / sizeof v_[0]); \
} while (0)
#define RECORD(x, ...) USER_RECORD(x, 0, __VA_ARGS__)
/* note, changed_by, changed_at: the last three columns but for reasons */
#define USER_COLUMNS(note, by, at) (1ul << (note) | 1ul << (by) | 1ul << (at))
/* The headings, translated as they are written. */
#define HEADINGS(x, ...) do { \
	const char *const h_[] = { __VA_ARGS__ }; \
	const char *t_[sizeof h_ / sizeof h_[0]]; \
	for (size_t i_ = 0; i_ < sizeof h_ / sizeof h_[0]; i_++) \
		t_[i_] = _(h_[i_]); \
	record((x), 0, t_, sizeof h_ / sizeof h_[0]); \
} while (0)

/* A stored instant in local time; BUF holds it. */
static const char *when(const char *at, char buf[TIME_LOCAL_SIZE])
{
	return at ? time_local(at, buf) : NULL;
}

static const char *level_label(enum level l)
{
	return l == LEVEL_BASIC ? _("basic") : l == LEVEL_RECOMMENDED ? _("recommended") : "";
}

static char *evidence_cell(const struct tracking *t);
/* Owner, due date and evidence (issue 12): the last three columns of
 * every table; owner and evidence are what a person typed. */
#define TRACK_USER(first) (1ul << (first) | 1ul << ((first) + 2))
#define TRACK_FIELDS(t, ev) (t) ? (t)->owner : NULL, (t) ? (t)->due : NULL, (ev)[0] ? (ev) : NULL

/* ---------- the countermeasure review ---------- */

static int csv_begin(struct ex_ctx *x)
{
	if (x->o->bom)
		fputs("\xef\xbb\xbf", x->out);
	switch (x->o->what) {
	case EXPORT_COUNTERMEASURES:
		HEADINGS(x, N_("Kind"), N_("Viewpoint"), N_("Id"), N_("Number"), N_("Title"),
			 N_("Derived"), N_("Decision"), N_("Action"), N_("Role"), N_("Text"),
			 N_("State"), N_("Note"), N_("Reasons"), N_("Changed by"),
			 N_("Changed at"), N_("Owner"), N_("Due"), N_("Evidence"));
		return 0;
	case EXPORT_CHECKLIST: {
		if (!x->only->pattern_refs) {
			HEADINGS(x, N_("Kind"), N_("Id"), N_("Number"), N_("Text"), N_("Level"),
				 N_("Mark"), N_("Check"), N_("Note"), N_("Changed by"),
				 N_("Changed at"), N_("Owner"), N_("Due"), N_("Evidence"),
				 N_("ISO/IEC 27002:2013"));
			return 0;
		}
		char *pat[N_PATTERNS] = { NULL };
		int rc = 0;
		for (int p = 0; p < N_PATTERNS && rc == 0; p++) {
			pat[p] = str_printf(p + 1 == x->pattern ? _("Pattern %d (this service)") :
					    _("Pattern %d"), p + 1);
			rc = pat[p] == NULL ? -1 : 0;
		}
		if (rc == 0)
			RECORD(x, _("Kind"), _("Id"), _("Number"), _("Sub"), _("Text"), _("Level"),
			       _("Mark"), _("Evaluation item"), pat[0], pat[1], pat[2], pat[3],
			       pat[4], pat[5], _("Check"), _("Note"), _("Changed by"),
			       _("Changed at"), _("Owner"), _("Due"), _("Evidence"),
			       _("ISO/IEC 27002:2013"));
		for (int p = 0; p < N_PATTERNS; p++)
			free(pat[p]);
		if (rc < 0)
			diag_set(x->d, "out of memory");
		return rc;
	}
	case EXPORT_CROSSWALK:
		HEADINGS(x, N_("Clause"), N_("Added by the guideline"), N_("Clause title"), N_("Item"),
			 N_("Checklist"), N_("Check"), N_("Sub-items checked"), N_("Sub-items"),
			 N_("Note"));
		return 0;
	case EXPORT_OPEN:
		HEADINGS(x, N_("Kind"), N_("Id"), N_("Item"), N_("Number"), N_("Text"),
			 N_("Status"), N_("Owner"), N_("Due"), N_("Overdue"), N_("Evidence"));
		return 0;
	default:
		diag_set(x->d, "CSV holds one table: export the countermeasures, a checklist, "
			 "the crosswalk or the open items as CSV, the whole assessment as XML, "
			 "HTML or XLSX");
		return -1;
	}
}

static int csv_cm(struct ex_ctx *x, const struct ex_cm *e)
{
	const struct cat_cm *cm = e->cm;
	const char *vp = x->c->viewpoints[cm->viewpoint].id;
	const char *derived = e->derived ? _("yes") : _("no longer");
	const struct cm_review *r = e->review;
	char *reasons = export_reasons_text(x, e);
	if (reasons == NULL)
		return -1;
	char at[TIME_LOCAL_SIZE];
	const struct tracking *t = r ? &r->track : NULL;
	char *ev = evidence_cell(t);
	if (ev != NULL)
		USER_RECORD(x, USER_COLUMNS(11, 13, 14) | TRACK_USER(15), _("countermeasure"), vp,
			    cm->id, cm->number, cm->title, derived, decision_label(e->decision),
			    NULL, NULL, cm->text, NULL, r ? r->note : NULL, reasons,
			    r ? r->changed_by : NULL, when(r ? r->changed_at : NULL, at),
			    TRACK_FIELDS(t, ev));
	free(reasons);
	for (size_t i = 0; ev != NULL && i < e->nactions; i++) {
		const struct ex_action *ac = &e->actions[i];
		const struct action_review *ar = ac->review;
		t = ar ? &ar->track : NULL;
		free(ev);
		if ((ev = evidence_cell(t)) == NULL)
			break;
		USER_RECORD(x, USER_COLUMNS(11, 13, 14) | TRACK_USER(15), _("action"), vp, cm->id,
			    cm->number, cm->title, derived, NULL, ac->key,
			    ac->role >= 0 ? x->c->exec_roles[ac->role].label : NULL, ac->text,
			    action_state_label(ac->state), ar ? ar->note : NULL, NULL,
			    ar ? ar->changed_by : NULL, when(ar ? ar->changed_at : NULL, at),
			    TRACK_FIELDS(t, ev));
	}
	if (ev == NULL) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	free(ev);
	return 0;
}

/* ---------- the checklists, as the guideline's tables ---------- */

static const char *kind_name(enum annex_kind k)
{
	return k == ANNEX_SECTION ? _("section") : k == ANNEX_SUB ? _("sub") : _("item");
}

/* The ISO/IEC 27002 column (issue 13): the clauses of the item, or of
 * the item a sub-item belongs to ("6.3※, 6.3.1※, 9.2"), so that a filter
 * on a clause finds every row to check; NULL when none (*ISO "" then). */
static int iso_cell(struct ex_ctx *x, const struct cat_annex *cl,
		    const struct cat_annex_entry *e, const struct cat_annex_entry *parent,
		    char **iso)
{
	const struct cat_gitem *gi = export_entry_guidance(x, cl,
		e->kind == ANNEX_SUB && parent != NULL ? parent : e);
	*iso = gi != NULL && gi->nblocks > 0 ? export_iso_clauses(x, gi) : NULL;
	return gi != NULL && gi->nblocks > 0 && *iso == NULL ? -1 : 0;
}

static int csv_entry1(struct ex_ctx *x, const struct cat_annex_entry *e,
		      const struct check_entry *ck, const char *iso)
{
	const char *status = e->checkable && !x->o->blank ?
		check_status_label(ck ? ck->status : CHECK_NONE) : NULL;
	char at[TIME_LOCAL_SIZE];
	const struct tracking *t = ck ? &ck->track : NULL;
	char *ev = evidence_cell(t);
	if (ev == NULL) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	USER_RECORD(x, USER_COLUMNS(7, 8, 9) | TRACK_USER(10), kind_name(e->kind), e->id,
		    e->number, e->text, level_label(e->level), export_level_mark(e->level), status,
		    ck ? ck->note : NULL, ck ? ck->changed_by : NULL,
		    when(ck ? ck->changed_at : NULL, at), TRACK_FIELDS(t, ev), iso);
	free(ev);
	return 0;
}

/* A checklist with pattern reference values (Annex 2): six reference
 * columns, "*" after a value to be achieved. */
static int csv_entry2(struct ex_ctx *x, const struct cat_annex_entry *e,
		      const struct cat_annex_entry *parent, const struct check_entry *ck,
		      const char *iso)
{
	char *ref[N_PATTERNS] = { NULL };
	int rc = 0;
	for (int p = 0; p < N_PATTERNS && rc == 0; p++) {
		if (e->refs[p] == NULL)
			continue;
		ref[p] = str_printf("%s%s", e->refs[p], e->required & (1u << p) ? "*" : "");
		rc = ref[p] == NULL ? -1 : 0;
	}
	const char *status = e->checkable && !x->o->blank ?
		check_status_label(ck ? ck->status : CHECK_NONE) : NULL;
	char at[TIME_LOCAL_SIZE];
	const char *number = e->kind == ANNEX_SUB && parent ? parent->number : e->number;
	const char *sub = e->kind == ANNEX_SUB ? e->number : NULL;
	const struct tracking *t = ck ? &ck->track : NULL;
	char *ev = rc == 0 ? evidence_cell(t) : NULL;
	rc = ev == NULL ? -1 : 0;
	if (rc == 0)
		USER_RECORD(x, USER_COLUMNS(15, 16, 17) | TRACK_USER(18), kind_name(e->kind), e->id,
		       number, sub, e->text,
		       level_label(e->level), export_level_mark(e->level), e->eval,
		       ref[0], ref[1], ref[2], ref[3], ref[4], ref[5], status,
		       ck ? ck->note : NULL, ck ? ck->changed_by : NULL,
		       when(ck ? ck->changed_at : NULL, at), TRACK_FIELDS(t, ev), iso);
	free(ev);
	for (int p = 0; p < N_PATTERNS; p++)
		free(ref[p]);
	if (rc < 0)
		diag_set(x->d, "out of memory");
	return rc;
}

static int csv_entry(struct ex_ctx *x, const struct cat_annex *cl,
		     const struct cat_annex_entry *e, const struct cat_annex_entry *parent,
		     const struct check_entry *ck)
{
	char *iso;
	if (iso_cell(x, cl, e, parent, &iso) < 0)
		return -1;
	int rc = cl->pattern_refs ? csv_entry2(x, e, parent, ck, iso) : csv_entry1(x, e, ck, iso);
	free(iso);
	return rc;
}

/* One record per (clause, item): the clause and the item in cells of
 * their own, the notes a person typed kept from running as formulas. */
static int csv_crosswalk_row(struct ex_ctx *x, const struct crosswalk_row *r)
{
	char set[24], subs[24];
	snprintf(set, sizeof set, "%zu", r->subs_set);
	snprintf(subs, sizeof subs, "%zu", r->subs);
	/* （※）: the mark as printed, a clause the guideline adds */
	USER_RECORD(x, 1ul << 8, r->block->clause, r->block->cloud ? "\xe2\x80\xbb" : "",
		    r->block->title, r->item->id, r->checklist->name,
		    check_status_label(r->status), set, subs, r->note);
	return 0;
}

/* ---------- the open items (issue 12) ---------- */

/* Every evidence of T, one a line: "REF (sha256 HEX, N bytes) NOTE". */
static char *evidence_cell(const struct tracking *t)
{
	char *out = strdup("");
	for (size_t i = 0; out != NULL && t != NULL && i < t->nevidence; i++) {
		const struct evidence *e = &t->evidence[i];
		char *hash = e->sha256 ? str_printf(" (sha256 %s, %lld %s)", e->sha256, e->size,
						    _("bytes")) : strdup("");
		char *next = hash ? str_printf("%s%s%s%s%s%s", out, i ? "\n" : "", e->ref, hash,
					       e->note ? " " : "", e->note ? e->note : "") : NULL;
		free(hash);
		free(out);
		out = next;
	}
	return out;
}

static int csv_open_item(struct ex_ctx *x, const struct ex_open *o)
{
	char *ev = evidence_cell(o->track);
	if (ev == NULL) {
		diag_set(x->d, "out of memory");
		return -1;
	}
	const struct tracking *t = o->track;
	/* owner and evidence are what a person typed */
	USER_RECORD(x, 1ul << 6 | 1ul << 9, export_open_kind_label(o->kind), o->id, o->key,
		    o->number, o->text, o->status_label, t ? t->owner : NULL, t ? t->due : NULL,
		    o->overdue ? _("overdue") : NULL, ev[0] ? ev : NULL);
	free(ev);
	return 0;
}

const struct ex_writer export_csv_writer = {
	.begin = csv_begin,
	.cm = csv_cm,
	.entry = csv_entry,
	.crosswalk_row = csv_crosswalk_row,
	.open_item = csv_open_item,
};

/* ---------- the check of a written file ---------- */

/* Step over the quoted field starting at *I, to the byte after its
 * closing quote; -1 if it never closes. */
static int skip_quoted(const char *buf, size_t len, size_t *i)
{
	size_t k = *i + 1;
	for (;;) {
		if (k >= len)
			return -1;
		if (buf[k] == '"') {
			if (k + 1 < len && buf[k + 1] == '"') {
				k += 2;
				continue;
			}
			*i = k + 1;
			return 0;
		}
		k++;
	}
}

/* Parse BUF as RFC 4180; every record must have as many fields as the
 * first, and there must be RECORDS of them. */
int export_csv_check(const struct form *f, const char *buf, size_t len, size_t records,
		     const char *name, struct diag *d)
{
	(void)f;
	size_t i = 0, nrec = 0, fields = 1, want = 0;
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len) {
		if (buf[i] == '"') {
			if (skip_quoted(buf, len, &i) < 0) {
				diag_set(d, "%s: record %zu: unterminated quoted field", name, nrec + 1);
				return -1;
			}
			continue;
		}
		if (buf[i] == ',') {
			fields++;
		} else if (buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n') {
			if (nrec == 0)
				want = fields;
			if (fields != want) {
				diag_set(d, "%s: record %zu has %zu fields, the header %zu",
					 name, nrec + 1, fields, want);
				return -1;
			}
			nrec++;
			fields = 1;
			i++;
		} else if (buf[i] == '\r' || buf[i] == '\n' || buf[i] == '"') {
			diag_set(d, "%s: record %zu: a line break or quote outside quotes",
				 name, nrec + 1);
			return -1;
		}
		i++;
	}
	if (len == 0 || buf[len - 1] != '\n' || nrec != records) {
		diag_set(d, "%s: %zu records read back, %zu written", name, nrec, records);
		return -1;
	}
	return 0;
}
