/* ui_track.c - owner, due date and evidence on the workbench (ui_track.h).
 * The prompts remember what they are about (the target is copied when
 * the key is pressed, so a redraw or a tick cannot change it), and the
 * evidence made from a path is kept between its two prompts (path, then
 * note).  A local file's hash is taken again only when stat says it may
 * have changed: the detail is drawn at every key. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "filehash.h"
#include "i18n.h"
#include "timefmt.h"
#include "ui_draw.h"
#include "ui_path.h"
#include "ui_save.h"
#include "ui_text.h"
#include "ui_track.h"

/* Files above this are not hashed again on display (a freeze at a key):
 * their size is still compared. */
#define REHASH_MAX (64LL * 1024 * 1024)

/* What stat said of a file when it was last hashed. */
struct hashed {
	char *path;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
	char hex[FILEHASH_HEX_SIZE];
};

struct ui_track {
	struct track_target target;	/* keys owned below */
	char *key1, *key2, *label;
	struct evidence ev;		/* made from the path, waiting for its note */
	char **refs;			/* the evidence as numbered when R was pressed */
	size_t nrefs;
	char *remove;			/* the ref R asks about */
	struct hashed *cache;
	size_t ncache;
};

/* ---------- dates ---------- */

void ui_today(char buf[UI_DATE_SIZE])
{
	time_t now = time(NULL);
	struct tm tm;
	if (localtime_r(&now, &tm) == NULL ||
	    strftime(buf, UI_DATE_SIZE, "%Y-%m-%d", &tm) != UI_DATE_SIZE - 1)
		buf[0] = '\0';
}

/* Days since 1970-01-01 of "YYYY-MM-DD" (H. Hinnant's days_from_civil:
 * no time zone, no mktime); -1 with *ok 0 when S is not a date. */
static long day_number(const char *s, int *ok)
{
	int y, m, d;
	char end;
	if (s == NULL || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &end) != 3) {
		*ok = 0;
		return -1;
	}
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

long ui_days_until(const char *due, const char *today)
{
	int ok = 1;
	long a = day_number(due, &ok), b = day_number(today, &ok);
	return ok ? a - b : 0;
}

static char *due_said(const char *due, const char *today)
{
	long n = ui_days_until(due, today);
	if (n < -1)
		return str_printf(_("%s (OVERDUE by %ld days)"), due, -n);
	if (n == -1)
		return str_printf(_("%s (OVERDUE by 1 day)"), due);
	if (n == 0)
		return str_printf(_("%s (today)"), due);
	if (n == 1)
		return str_printf(_("%s (tomorrow)"), due);
	return str_printf(_("%s (in %ld days)"), due, n);
}

/* ---------- the list row's marker ---------- */

char *ui_track_marker(const struct tracking *t, const char *today, int *overdue)
{
	*overdue = 0;
	if (t == NULL || (t->owner == NULL && t->due == NULL))
		return strdup("");
	char *owner = t->owner ? ui_text_trunc(t->owner, 8) : strdup("");
	if (owner == NULL)
		return NULL;
	char due[UI_DATE_SIZE + 1] = "";
	if (t->due != NULL) {
		*overdue = ui_days_until(t->due, today) < 0;
		/* this year's dates without the year: the row is narrow */
		int this_year = strncmp(t->due, today, 5) == 0;
		snprintf(due, sizeof due, "%s%s", this_year ? t->due + 5 : t->due,
			 *overdue ? "!" : "");
	}
	char *m = str_printf("%s%s%s%s", t->owner ? "@" : "", owner,
			     t->owner && t->due ? " " : "", due);
	free(owner);
	return m;
}

int ui_track_draw_marker(int y, int end, int max, const struct tracking *t, int here)
{
	char today[UI_DATE_SIZE];
	ui_today(today);
	int overdue;
	char *m = ui_track_marker(t, today, &overdue);
	int w = m && m[0] ? ui_text_width(m) : 0;
	if (w > max - 1)
		w = max - 1;
	if (w > 0)
		ui_text_right(y, end - w, w, m, here ? ROLE_CURSOR : overdue ? ROLE_OPEN : ROLE_GREY);
	free(m);
	return w > 0 ? w + 1 : 0;
}

/* ---------- has a local file changed since it was attached ---------- */

static struct hashed *cached(struct ui_track *tr, const char *path)
{
	for (size_t i = 0; i < tr->ncache; i++)
		if (strcmp(tr->cache[i].path, path) == 0)
			return &tr->cache[i];
	struct hashed *v = realloc(tr->cache, (tr->ncache + 1) * sizeof *v);
	char *p = strdup(path);
	if (v == NULL || p == NULL) {
		tr->cache = v ? v : tr->cache;
		free(p);
		return NULL;
	}
	tr->cache = v;
	v[tr->ncache] = (struct hashed){ .path = p, .size = -1 };
	return &v[tr->ncache++];
}

static int same_stat(const struct hashed *h, const struct stat *sb)
{
	return h->hex[0] != '\0' && h->dev == sb->st_dev && h->ino == sb->st_ino &&
	       h->size == sb->st_size && h->mtime.tv_sec == sb->st_mtim.tv_sec &&
	       h->mtime.tv_nsec == sb->st_mtim.tv_nsec;
}

/* The file of E as it is now, in words. */
static const char *file_now(struct ui_track *tr, const struct evidence *e)
{
	struct stat sb;
	if (stat(e->ref, &sb) < 0)
		return _("MISSING now");
	if (!S_ISREG(sb.st_mode))
		return _("CHANGED: no longer a regular file");
	if ((long long)sb.st_size != e->size)
		return _("CHANGED since attached (size differs)");
	struct hashed *h = cached(tr, e->ref);
	if (h == NULL)
		return _("not checked (out of memory)");
	if (!same_stat(h, &sb)) {
		if ((long long)sb.st_size > REHASH_MAX)
			return _("same size; not hashed again (over 64 MiB)");
		struct diag d = DIAG_INIT;
		long long size;
		h->hex[0] = '\0';
		if (file_sha256(e->ref, h->hex, &size, &d) < 0) {
			h->hex[0] = '\0';
			diag_clear(&d);
			return _("cannot be read now");
		}
		h->dev = sb.st_dev;
		h->ino = sb.st_ino;
		h->size = sb.st_size;
		h->mtime = sb.st_mtim;
	}
	return e->sha256 && strcmp(h->hex, e->sha256) == 0 ? _("unchanged since attached") :
		_("CHANGED since attached (SHA-256 differs)");
}

/* ---------- the detail's lines ---------- */

static struct ui_track *track_state(struct ui *u)
{
	if (u->track == NULL) {
		u->track = calloc(1, sizeof *u->track);
		if (u->track != NULL)
			u->track->ev.size = -1;
	}
	return u->track;
}

/* "2026-11-29 21:21": the local minute an evidence was added. */
static void added_when(const char *at, char out[TIME_LOCAL_SIZE])
{
	char buf[TIME_LOCAL_SIZE];
	const char *l = time_local(at, buf);
	snprintf(out, TIME_LOCAL_SIZE, "%s", l ? l : "");
	if (strlen(out) >= 16 && out[10] == 'T') {
		out[10] = ' ';
		out[16] = '\0';
	}
}

/* One evidence entry: "[1] ref — note" and its check. */
static char *evidence_line(struct ui *u, size_t k, const struct evidence *e)
{
	char when[TIME_LOCAL_SIZE];
	added_when(e->added_at, when);
	char *who = e->added_by ? str_printf(_("added by %s %s"), e->added_by, when) :
		strdup(_("NOT saved yet"));
	char *what;
	if (e->sha256 == NULL) {
		what = str_printf(_("URL; %s"), who ? who : "");
	} else {
		struct ui_track *tr = track_state(u);
		what = str_printf(_("sha256 %.12s…, %lld bytes; %s; %s"), e->sha256, e->size,
				  who ? who : "", tr ? file_now(tr, e) : "");
	}
	char *line = str_printf("  [%zu] %s%s%s\n      %s", k + 1, e->ref, e->note ? " — " : "",
				e->note ? e->note : "", what ? what : "");
	free(who);
	free(what);
	return line;
}

static char *append(char *s, char *more)
{
	if (s == NULL || more == NULL) {
		free(s);
		free(more);
		return NULL;
	}
	char *j = str_printf("%s\n%s", s, more);
	free(s);
	free(more);
	return j;
}

char *ui_track_owner_due(const struct tracking *t)
{
	char today[UI_DATE_SIZE];
	ui_today(today);
	char *due = t && t->due ? due_said(t->due, today) : strdup(_("(none; D sets it)"));
	char *s = str_printf(_("Owner: %s   Due: %s"), t && t->owner ? t->owner :
			     _("(none; o sets one)"), due ? due : "");
	free(due);
	return s;
}

char *ui_track_evidence(struct ui *u, const struct tracking *t)
{
	size_t n = t ? t->nevidence : 0;
	if (n == 0)
		return strdup(_("Evidence: none (E attaches a file or a URL)"));
	char *s = str_printf(_("Evidence (%zu; E attaches, R removes):"), n);
	for (size_t k = 0; k < n && s != NULL; k++)
		s = append(s, evidence_line(u, k, &t->evidence[k]));
	return s;
}

char *ui_track_text(struct ui *u, const struct tracking *t)
{
	return append(ui_track_owner_due(t), ui_track_evidence(u, t));
}

/* ---------- the keys ---------- */

static void refs_free(struct ui_track *tr)
{
	for (size_t i = 0; i < tr->nrefs; i++)
		free(tr->refs[i]);
	free(tr->refs);
	tr->refs = NULL;
	tr->nrefs = 0;
	free(tr->remove);
	tr->remove = NULL;
}

/* Remember TARGET, LABEL and the refs of NOW for the prompts. */
static struct ui_track *remember(struct ui *u, const struct track_target *target,
				 const char *label, const struct tracking *now)
{
	struct ui_track *tr = track_state(u);
	if (tr == NULL)
		return NULL;
	free(tr->key1);
	free(tr->key2);
	free(tr->label);
	refs_free(tr);
	evidence_free(&tr->ev);
	tr->key1 = strdup(target->key1);
	tr->key2 = target->key2 ? strdup(target->key2) : NULL;
	tr->label = strdup(label);
	int fail = tr->key1 == NULL || tr->label == NULL || (target->key2 && tr->key2 == NULL);
	size_t n = now ? now->nevidence : 0;
	tr->refs = calloc(n + 1, sizeof *tr->refs);
	fail |= tr->refs == NULL;
	for (size_t i = 0; !fail && i < n; i++) {
		tr->refs[i] = strdup(now->evidence[i].ref);
		fail |= tr->refs[i] == NULL;
		tr->nrefs++;
	}
	tr->target = (struct track_target){ target->kind, tr->key1, tr->key2 };
	return fail ? NULL : tr;
}

static void owner_entered(struct ui *u, const char *text)
{
	ui_save_owner(u, &u->track->target, u->track->label, text);
}

static void due_entered(struct ui *u, const char *text)
{
	ui_save_due(u, &u->track->target, u->track->label, text);
}

static void note_entered(struct ui *u, const char *text)
{
	struct ui_track *tr = u->track;
	if (text[0] != '\0' && (tr->ev.note = strdup(text)) == NULL) {
		ui_say(u, 1, "%s", _("out of memory: not saved"));
		return;
	}
	ui_save_evidence(u, &tr->target, tr->label, &tr->ev);
}

/* The path or URL typed: a file is hashed now (a directory, a FIFO, an
 * unreadable file refused with the reason), then its note is asked. */
static void ref_entered(struct ui *u, const char *text)
{
	struct ui_track *tr = u->track;
	if (text[0] == '\0') {
		ui_say(u, 0, "%s", _("Cancelled: no path or URL."));
		return;
	}
	char *ref = evidence_is_url(text) ? strdup(text) : ui_path_expand(text, getenv("HOME"));
	struct diag d = DIAG_INIT;
	evidence_free(&tr->ev);
	int oom = ref == NULL;
	int rc = oom ? -1 : evidence_make(ref, NULL, &tr->ev, &d);
	free(ref);
	if (rc < 0) {
		ui_say(u, 1, "%s", oom ? _("out of memory") : diag_msg(&d));
		diag_clear(&d);
		return;
	}
	const char *base = strrchr(tr->ev.ref, '/');	/* the row is narrow: the name */
	char *label = str_printf(_("Note on %s (Enter: none):"), base && base[1] ? base + 1 :
				 tr->ev.ref);
	ui_ask_text(u, label ? label : "?", NULL, note_entered);
	free(label);
}

static void remove_yes(struct ui *u)
{
	struct ui_track *tr = u->track;
	ui_save_evidence_remove(u, &tr->target, tr->label, tr->remove);
}

static void ask_remove(struct ui *u, size_t k)
{
	struct ui_track *tr = u->track;
	free(tr->remove);
	tr->remove = strdup(tr->refs[k]);
	char *q = str_printf(_("Remove evidence [%zu] %s from %s? (y/N)"), k + 1, tr->refs[k],
			     tr->label);
	if (tr->remove == NULL || q == NULL)
		ui_say(u, 1, "%s", _("out of memory"));
	else
		ui_ask_yes(u, q, remove_yes);
	free(q);
}

static void number_entered(struct ui *u, const char *text)
{
	struct ui_track *tr = u->track;
	char *end;
	long k = strtol(text, &end, 10);
	if (text[0] == '\0' || *end != '\0' || k < 1 || (size_t)k > tr->nrefs) {
		ui_say(u, 1, _("'%s' is not one of the evidence numbers 1-%zu: nothing removed."),
		       text, tr->nrefs);
		return;
	}
	ask_remove(u, (size_t)k - 1);
}

int ui_track_act(struct ui *u, enum ui_action a, const struct track_target *target,
		 const char *label, const struct tracking *now)
{
	if (a != UI_OWNER && a != UI_DUE && a != UI_EVIDENCE && a != UI_EVIDENCE_REMOVE)
		return 0;
	struct ui_track *tr = remember(u, target, label, now);
	if (tr == NULL) {
		ui_say(u, 1, "%s", _("out of memory"));
		return 1;
	}
	char *q = NULL;
	switch (a) {
	case UI_OWNER:
		q = str_printf(_("%s owner (empty clears):"), label);
		ui_ask_text(u, q ? q : "?", now ? now->owner : NULL, owner_entered);
		break;
	case UI_DUE:
		q = str_printf(_("%s due, YYYY-MM-DD:"), label);
		ui_ask_text(u, q ? q : "?", now ? now->due : NULL, due_entered);
		u->edit.replace = now && now->due;	/* a new date types over the old */
		break;
	case UI_EVIDENCE:
		q = str_printf(_("%s evidence, path or URL:"), label);
		ui_ask_text(u, q ? q : "?", NULL, ref_entered);
		break;
	default:
		if (tr->nrefs == 0) {
			ui_say(u, 1, _("%s has no evidence to remove."), label);
		} else if (tr->nrefs == 1) {
			ask_remove(u, 0);
		} else {
			q = str_printf(_("Remove which evidence of %s (1-%zu)?"), label, tr->nrefs);
			ui_ask_text(u, q ? q : "?", NULL, number_entered);
		}
		break;
	}
	free(q);
	return 1;
}

void ui_track_free(struct ui *u)
{
	struct ui_track *tr = u->track;
	if (tr == NULL)
		return;
	free(tr->key1);
	free(tr->key2);
	free(tr->label);
	refs_free(tr);
	evidence_free(&tr->ev);
	for (size_t i = 0; i < tr->ncache; i++)
		free(tr->cache[i].path);
	free(tr->cache);
	free(tr);
	u->track = NULL;
}
