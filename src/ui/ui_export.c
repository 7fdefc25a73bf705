/* ui_export.c - export for auditors (export.h): choose what, the format
 * and where; the file is written safely by export_to_file (checked by
 * re-reading before it replaces anything) from what the store holds,
 * and the screen reports the path written. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "export.h"
#include "i18n.h"
#include "ui_core.h"
#include "ui_curses.h"
#include "ui_draw.h"
#include "ui_path.h"
#include "ui_text.h"

/* This screen's own state (ui_core.h: state_size). */
struct export_state {
	int field;
	int what, format, blank, bom;
	char *path;
	int path_edited;
	int asking;			/* the replace question is open */
	char *written;			/* the last file written */
};

static struct export_state *exp_of(const struct ui *u)
{
	return ui_state(u, SCR_EXPORT);
}

enum field { F_WHAT, F_FORMAT, F_BLANK, F_BOM, F_PATH, F_WRITE, N_FIELDS };

/* The choices of What are the core's (export_what_nth: what the CLI's
 * --what takes, in its order); e->what is the index of one. */
static struct export_options what_chosen(const struct ui *u)
{
	struct export_options o = { .what = EXPORT_ASSESSMENT };
	if (export_what_nth(u->cat, (size_t)exp_of(u)->what, &o) < 0)
		o.what = N_EXPORT_WHATS;	/* none: export_options_check refuses it */
	return o;
}

static int what_checklist(const struct ui *u)
{
	return what_chosen(u).what == EXPORT_CHECKLIST;
}
static const char *const field_labels[N_FIELDS] = {
	N_("What"), N_("Format"), N_("Blank form"), N_("Byte order mark"), N_("Where"), "",
};

/* --bom applies (the format table, export.h). */
static int spreadsheet(int format)
{
	const struct export_format_info *fi = export_format_info(format);
	return fi != NULL && fi->spreadsheet;
}

static struct export_options options(const struct ui *u)
{
	const struct export_state *e = exp_of(u);
	struct export_options o = what_chosen(u);
	o.format = (enum export_format)e->format;
	o.blank = o.what == EXPORT_CHECKLIST && e->blank;
	o.bom = spreadsheet(e->format) && e->bom;
	o.db_path = store_path(u->st);
	return o;
}

/* The suggested file in the current directory, unless the user chose
 * one; a chosen one still takes the format's extension (ui_path.h). */
static void suggest(struct ui *u)
{
	struct export_state *e = exp_of(u);
	struct export_options o = options(u);
	if (e->path_edited && e->path != NULL) {
		char *p = ui_path_follow_format(e->path, export_format_info(o.format)->ext);
		if (p != NULL) {
			free(e->path);
			e->path = p;
		}
		return;
	}
	char *name = export_default_name(u->a, &o);
	char *cwd = getcwd(NULL, 0);
	free(e->path);
	e->path = name && cwd ? str_printf("%s/%s", cwd, name) : NULL;
	free(name);
	free(cwd);
}

static int applies(const struct ui *u, int f)
{
	const struct export_state *e = exp_of(u);
	if (f == F_BLANK)
		return what_checklist(u);
	if (f == F_BOM)
		return spreadsheet(e->format);
	return 1;
}

static char *value_of(const struct ui *u, int f)
{
	const struct export_state *e = exp_of(u);
	switch (f) {
	case F_WHAT: {
		struct export_options o = what_chosen(u);
		char *w = export_what_words(u->cat, &o);
		char *t = w ? str_printf("< %s >", w) : NULL;
		free(w);
		return t;
	}
	case F_FORMAT:
		return str_printf("< %s >", _(export_format_info(e->format)->description));
	case F_BLANK:
		return str_printf("< %s >", e->blank ? _("yes: a form to hand out, no answers") :
				  _("no: with the statuses and notes"));
	case F_BOM:
		return str_printf("< %s >", e->bom ? _("yes (for Excel)") : _("no"));
	case F_PATH:
		return strdup(e->path ? e->path : "");
	default:
		return str_printf("[ %s ]", _("Write the file"));
	}
}

static void export_draw(struct ui *u)
{
	const struct ui_rect *b = &u->layout.body;
	struct export_state *e = exp_of(u);
	suggest(u);
	ui_text_at(b->y, b->x + 1, b->w - 2, _("Export for auditors. Space changes a choice, "
		   "Enter edits the path, w writes."), ROLE_HEADING);
	int lw = 17;
	for (int f = 0; f < N_FIELDS; f++) {
		int y = b->y + 2 + f;
		int here = f == e->field;
		enum ui_role role = !applies(u, f) ? ROLE_GREY : here ? ROLE_CURSOR : ROLE_NORMAL;
		if (here)
			mvaddstr(y, b->x, ">");
		ui_text_at(y, b->x + 2, lw - 1, _(field_labels[f]), ROLE_SUBHEAD);
		char *v = value_of(u, f);
		ui_text_at(y, b->x + 2 + lw, b->w - 3 - lw, v ? v : "", role);
		free(v);
	}
	int y = b->y + 3 + N_FIELDS;
	e->asking &= u->confirming;
	if (e->asking && y + 1 < b->y + b->h) {	/* the whole name, not cut */
		struct ui_rect r = { y, b->x + 2, b->y + b->h - y, b->w - 4 };
		char *t = str_printf(_("This file exists and would be replaced: %s"), e->path);
		y += ui_wrapped(&r, 0, t ? t : "", ROLE_ERROR) + 1;
		free(t);
	}
	if (e->written != NULL && y + 1 < b->y + b->h) {
		struct ui_rect r = { y, b->x + 2, b->y + b->h - y, b->w - 4 };
		char *t = str_printf(_("Last written: %s"), e->written);
		ui_wrapped(&r, 0, t ? t : "", ROLE_DONE);
		free(t);
	}
}

static void step_choice(struct ui *u, int dir)
{
	struct export_state *e = exp_of(u);
	int *v = NULL, n = 2;
	switch (e->field) {
	case F_WHAT: v = &e->what, n = (int)export_what_count(u->cat); break;
	case F_FORMAT: v = &e->format, n = N_EXPORT_FORMATS; break;
	case F_BLANK: v = &e->blank; break;
	case F_BOM: v = &e->bom; break;
	default: return;
	}
	if (!applies(u, e->field))
		return;
	*v = (*v + dir + n) % n;
}

static void write_file(struct ui *u)
{
	struct export_state *e = exp_of(u);
	struct diag d = DIAG_INIT;
	struct export_options o = options(u);
	/* export what the store holds, not what the screen holds */
	struct assessment *a = store_load(u->st, u->a->id, u->form, &d);
	if (a == NULL || export_to_file(u->cat, u->form, a, &o, e->path, &d) < 0) {
		ui_say(u, 1, _("Not written: %s"), diag_msg(&d));
		diag_clear(&d);
		assessment_free(a);
		return;
	}
	assessment_free(a);
	char *real = realpath(e->path, NULL);
	struct stat sb;
	long long size = stat(e->path, &sb) == 0 ? (long long)sb.st_size : -1;
	free(e->written);
	e->written = str_printf(_("%s (%lld bytes)"), real ? real : e->path, size);
	free(real);
	ui_say(u, 0, _("Written: %s"), e->written ? e->written : e->path);
	if (u->npending > 0)
		ui_say(u, 1, _("Written, but %zu changes on screen are not saved and are not in "
			       "the file."), u->npending);
}

/* A file is never replaced without an explicit yes: the question names
 * it, and anything but y leaves it as it was. */
static void write_now(struct ui *u)
{
	struct export_state *e = exp_of(u);
	struct stat sb;
	struct export_options o = options(u);
	struct diag d = DIAG_INIT;
	if (export_options_check(&o, &d) < 0) {	/* the CLI's refusal, before any question */
		ui_say(u, 1, _("Not written: %s"), diag_msg(&d));
		diag_clear(&d);
		return;
	}
	if (e->path == NULL || stat(e->path, &sb) != 0) {
		write_file(u);		/* nothing there: export_to_file says why if it fails */
		return;
	}
	if (S_ISDIR(sb.st_mode)) {
		ui_say(u, 1, _("Not written: %s is a folder; give a file name."), e->path);
		return;
	}
	const char *base = strrchr(e->path, '/');
	char *q = str_printf(_("Replace the existing %s (%lld bytes)? (y/N)"),
			     base && base[1] ? base + 1 : e->path, (long long)sb.st_size);
	ui_ask_yes(u, q ? q : "?", write_file);
	free(q);
	e->asking = 1;
}

static void path_entered(struct ui *u, const char *text)
{
	struct export_state *e = exp_of(u);
	if (text[0] == '\0') {
		e->path_edited = 0;	/* back to the suggestion */
		return;
	}
	char *p = ui_path_expand(text, getenv("HOME"));
	if (p == NULL) {
		ui_say(u, 1, "%s", _("out of memory"));
		return;
	}
	free(e->path);
	e->path = p;
	e->path_edited = 1;
}

static void export_act(struct ui *u, enum ui_action a)
{
	struct export_state *e = exp_of(u);
	suggest(u);
	switch (a) {
	case UI_UP: e->field = (e->field + N_FIELDS - 1) % N_FIELDS; break;
	case UI_DOWN: e->field = (e->field + 1) % N_FIELDS; break;
	case UI_NEXT_CHOICE: step_choice(u, +1); break;
	case UI_PREV_CHOICE: step_choice(u, -1); break;
	case UI_RUN: write_now(u); break;
	case UI_BACK: ui_go(u, SCR_LIST); break;
	case UI_ACTIVATE:
		if (e->field == F_PATH)
			ui_ask_text(u, _("Write to (empty: the suggestion):"), e->path, path_entered);
		else if (e->field == F_WRITE)
			write_now(u);
		else
			step_choice(u, +1);
		break;
	default: break;
	}
}

static enum ui_keymap export_keymap(const struct ui *u)
{
	(void)u;
	return KM_EXPORT;
}

/* A new assessment gets its own suggestion, and no "written" line. */
static void export_reset(struct ui *u, void *state)
{
	(void)u;
	struct export_state *e = state;
	free(e->written);
	e->written = NULL;
	free(e->path);
	e->path = NULL;
	e->path_edited = 0;
}

static void export_done(void *state)
{
	export_reset(NULL, state);
}

const struct ui_screen ui_export_screen = {
	.name = N_("Export"), .short_name = N_("Export"), .needs_assessment = 1,
	.state_size = sizeof(struct export_state), .done = export_done, .reset = export_reset,
	.keymap = export_keymap, .draw = export_draw, .act = export_act,
};
