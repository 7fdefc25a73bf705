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
#include "ui.h"
#include "ui_curses.h"
#include "ui_draw.h"
#include "ui_path.h"
#include "ui_text.h"

enum field { F_WHAT, F_FORMAT, F_BLANK, F_BOM, F_PATH, F_WRITE, N_FIELDS };

/* The choices of What: the whole assessment, each of the catalog's
 * checklists in its order, the countermeasure review, and the crosswalk
 * when the catalog has the guidance it is made of (e->what counts them in
 * that order). */
static size_t n_whats(const struct ui *u)
{
	return u->cat->n_checklists + 2 + (u->cat->guidance != NULL);
}

/* The checklist choice E->what names, or NULL. */
static const struct cat_annex *what_checklist(const struct ui *u)
{
	size_t w = (size_t)u->exp.what;
	return w >= 1 && w <= u->cat->n_checklists ? &u->cat->checklists[w - 1] : NULL;
}

static enum export_what what_kind(const struct ui *u)
{
	size_t w = (size_t)u->exp.what;
	return w == 0 ? EXPORT_ASSESSMENT : what_checklist(u) ? EXPORT_CHECKLIST :
		w == u->cat->n_checklists + 1 ? EXPORT_COUNTERMEASURES : EXPORT_CROSSWALK;
}

static char *what_words(const struct ui *u)
{
	const struct cat_annex *cl = what_checklist(u);
	if (cl != NULL)
		return str_printf(_("the %s checklist"), cl->name);
	enum export_what w = what_kind(u);
	return strdup(w == EXPORT_ASSESSMENT ? _("the whole assessment") :
		      w == EXPORT_COUNTERMEASURES ? _("the countermeasure review") :
		      _("the ISO/IEC 27002 crosswalk"));
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
	const struct export_state *e = &u->exp;
	const struct cat_annex *cl = what_checklist(u);
	int checklist = cl != NULL;
	return (struct export_options){
		.what = what_kind(u),
		.checklist = cl ? cl->id : NULL,
		.format = (enum export_format)e->format,
		.blank = checklist && e->blank,
		.bom = spreadsheet(e->format) && e->bom,
		.db_path = store_path(u->st),
	};
}

/* The suggested file in the current directory, unless the user chose
 * one; a chosen one still takes the format's extension (ui_path.h). */
static void suggest(struct ui *u)
{
	struct export_state *e = &u->exp;
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
	const struct export_state *e = &u->exp;
	if (f == F_BLANK)
		return what_checklist(u) != NULL;
	if (f == F_BOM)
		return spreadsheet(e->format);
	return 1;
}

static char *value_of(const struct ui *u, int f)
{
	const struct export_state *e = &u->exp;
	switch (f) {
	case F_WHAT: {
		char *w = what_words(u);
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
	struct export_state *e = &u->exp;
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
	struct export_state *e = &u->exp;
	int *v = NULL, n = 2;
	switch (e->field) {
	case F_WHAT: v = &e->what, n = (int)n_whats(u); break;
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
	struct export_state *e = &u->exp;
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
	struct export_state *e = &u->exp;
	struct stat sb;
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
	if (text[0] == '\0') {
		u->exp.path_edited = 0;	/* back to the suggestion */
		return;
	}
	char *p = ui_path_expand(text, getenv("HOME"));
	if (p == NULL) {
		ui_say(u, 1, "%s", _("out of memory"));
		return;
	}
	free(u->exp.path);
	u->exp.path = p;
	u->exp.path_edited = 1;
}

static void export_act(struct ui *u, enum ui_action a)
{
	struct export_state *e = &u->exp;
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

const struct ui_screen ui_export_screen = {
	N_("Export"), N_("Export"), 1, 0, export_keymap, NULL, export_draw, export_act,
};
