/* ui_list.c - the assessments: the list with its progress; create, open,
 * copy, rename, delete (asking first), and new from any of the
 * guideline's filled examples (Fig. 20, Annex 8 cases 1-6). */
#include "config.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "survey.h"
#include "timefmt.h"
#include "ui_core.h"
#include "ui_curses.h"
#include "ui_draw.h"
#include "ui_text.h"

/* This screen's own state (ui_core.h: state_size). */
struct ui_example {
	char *path, *file, *name;
};

struct list_state {
	struct assessment_summary *items;	/* positions base .. base + nitems - 1 */
	size_t base, nitems;
	size_t n, cur, top;			/* n: how many in the database */
	int examples;			/* choosing an example */
	struct ui_example *ex;
	size_t nex, ex_cur, ex_top;
	int64_t pending_id;		/* what a prompt or confirmation is about */
	size_t pending_ex;
};

static struct list_state *list_of(const struct ui *u)
{
	return ui_state(u, SCR_LIST);
}

/* ---------- loading ---------- */

/* The list is read a window at a time around what is shown (issue 11:
 * the first screen and a visit cost the same with 100,000 assessments
 * as with ten); reload() counts again and lets the window go. */
enum { LIST_WINDOW = 256 };

static void drop_window(struct list_state *l)
{
	store_summaries_free(l->items, l->nitems);
	l->items = NULL;
	l->base = l->nitems = 0;
}

static void reload(struct ui *u)
{
	struct list_state *l = list_of(u);
	struct diag d = DIAG_INIT;
	size_t n;
	if (store_count(u->st, &n, &d) < 0) {
		ui_say(u, 1, "%s", diag_msg(&d));
		diag_clear(&d);
		return;
	}
	drop_window(l);
	l->n = n;
	if (l->cur >= n)
		l->cur = n ? n - 1 : 0;
}

/* Read the window that starts at position FROM. */
static void fetch(struct ui *u, size_t from)
{
	struct list_state *l = list_of(u);
	struct diag d = DIAG_INIT;
	int64_t id = 0;
	struct assessment_summary *items = NULL;
	size_t n = 0;
	if (store_id_at(u->st, from, &id, &d) < 0 ||
	    (id > 0 && store_list_range(u->st, u->cat, u->form, id - 1, LIST_WINDOW, &items, &n,
					&d) < 0)) {
		ui_say(u, 1, "%s", diag_msg(&d));
		diag_clear(&d);
		return;
	}
	drop_window(l);
	l->items = items;
	l->nitems = n;
	l->base = from;
}

/* The assessment at position K (by id), reading its window if need be. */
static const struct assessment_summary *item_at(struct ui *u, size_t k)
{
	struct list_state *l = list_of(u);
	if (k >= l->n)
		return NULL;
	if (k < l->base || k >= l->base + l->nitems)
		fetch(u, k > LIST_WINDOW / 4 ? k - LIST_WINDOW / 4 : 0);
	return k >= l->base && k < l->base + l->nitems ? &l->items[k - l->base] : NULL;
}

static int example_cmp(const void *x, const void *y)
{
	const struct ui_example *a = x, *b = y;
	/* fig20 first (IV.4.2), then Annex 8 case1..case6 */
	int fa = strncmp(a->file, "fig", 3) == 0, fb = strncmp(b->file, "fig", 3) == 0;
	return fa != fb ? fb - fa : strcmp(a->file, b->file);
}

static int add_example(struct ui *u, const char *file)
{
	struct list_state *l = list_of(u);
	struct ui_example *v = realloc(l->ex, (l->nex + 1) * sizeof *v);
	if (v == NULL)
		return -1;
	l->ex = v;
	struct ui_example *e = &v[l->nex];
	e->file = strdup(file);
	e->path = str_printf("%s/%s", u->examples_dir, file);
	e->name = NULL;
	struct diag d = DIAG_INIT;
	struct survey *s = e->path ? survey_load(u->form, e->path, &d) : NULL;
	if (s != NULL && s->details[DETAIL_NAME] != NULL)
		e->name = strdup(s->details[DETAIL_NAME]);
	survey_free(s);
	diag_clear(&d);
	if (e->file == NULL || e->path == NULL) {
		free(e->file);
		free(e->path);
		free(e->name);
		return -1;
	}
	l->nex++;
	return 0;
}

static void load_examples(struct ui *u)
{
	struct list_state *l = list_of(u);
	if (l->nex > 0)
		return;
	DIR *dir = opendir(u->examples_dir);
	if (dir == NULL) {
		ui_say(u, 1, _("%s: cannot read the examples directory"), u->examples_dir);
		return;
	}
	for (struct dirent *de; (de = readdir(dir)) != NULL;) {
		size_t n = strlen(de->d_name);
		if (n > 4 && strcmp(de->d_name + n - 4, ".xml") == 0 && add_example(u, de->d_name) < 0)
			break;
	}
	closedir(dir);
	if (l->nex > 1)
		qsort(l->ex, l->nex, sizeof *l->ex, example_cmp);
}

/* ---------- actions ---------- */

static void created(struct ui *u, struct assessment *a, const char *name)
{
	struct diag d = DIAG_INIT;
	int64_t id = 0;
	free(a->catalog_edition);
	a->catalog_edition = strdup(u->cat->edition);
	a->catalog_revision = u->cat->revision;
	if (a->catalog_edition == NULL)
		diag_set(&d, "out of memory");
	if (a->catalog_edition == NULL || survey_set_detail(a->survey, DETAIL_NAME, name, &d) < 0 ||
	    store_create(u->st, a, &id, &d) < 0) {
		ui_say(u, 1, "%s", diag_msg(&d));
		diag_clear(&d);
		assessment_free(a);
		return;
	}
	assessment_free(a);
	list_of(u)->examples = 0;
	reload(u);
	if (ui_open(u, id) == 0) {
		ui_go(u, SCR_SURVEY);
		ui_say(u, 0, _("Created and saved \"%s\". Answer each cell with o (○) or x (×); "
			       "3 shows the countermeasures."), name);
	}
}

static void new_named(struct ui *u, const char *name)
{
	struct assessment *a = assessment_new(u->form);
	if (a == NULL) {
		ui_say(u, 1, "%s", _("out of memory"));
		return;
	}
	created(u, a, name);
}

static void example_named(struct ui *u, const char *name)
{
	struct list_state *l = list_of(u);
	const struct ui_example *e = &l->ex[l->pending_ex];
	struct diag d = DIAG_INIT;
	struct survey *s = survey_load(u->form, e->path, &d);
	struct assessment *a = s ? assessment_new(u->form) : NULL;
	if (a == NULL) {
		ui_say(u, 1, "%s", s ? _("out of memory") : diag_msg(&d));
		diag_clear(&d);
		survey_free(s);
		return;
	}
	survey_free(a->survey);
	a->survey = s;
	created(u, a, name);
}

static const struct assessment_summary *selected(struct ui *u)
{
	return item_at(u, list_of(u)->cur);
}

static void copy_named(struct ui *u, const char *name)
{
	struct list_state *l = list_of(u);
	struct diag d = DIAG_INIT;
	int64_t id;
	if (store_copy(u->st, l->pending_id, name, &id, &d) < 0) {
		ui_say(u, 1, "%s", diag_msg(&d));
		diag_clear(&d);
		return;
	}
	reload(u);
	size_t pos;
	if (store_position(u->st, id, &pos, &d) == 0 && pos < l->n)
		l->cur = pos;	/* on the copy, to rename or open it */
	diag_clear(&d);
	ui_say(u, 0, _("Copied as \"%s\" (#%lld)."), name, (long long)id);
}

static void renamed(struct ui *u, const char *name)
{
	struct list_state *l = list_of(u);
	struct diag d = DIAG_INIT;
	if (store_rename(u->st, l->pending_id, name, &d) < 0) {
		ui_say(u, 1, "%s", diag_msg(&d));
		diag_clear(&d);
		return;
	}
	if (u->a != NULL && u->a->id == l->pending_id)
		survey_set_detail(u->a->survey, DETAIL_NAME, name, &d);
	diag_clear(&d);
	reload(u);
	ui_say(u, 0, _("Renamed to \"%s\"."), name);
}

static void deleted(struct ui *u)
{
	struct list_state *l = list_of(u);
	struct diag d = DIAG_INIT;
	if (store_delete(u->st, l->pending_id, &d) < 0) {
		ui_say(u, 1, "%s", diag_msg(&d));
		diag_clear(&d);
		return;
	}
	if (u->a != NULL && u->a->id == l->pending_id)
		ui_close_assessment(u);
	reload(u);
	ui_say(u, 0, "%s", _("Deleted."));
}

static void ask_about(struct ui *u, enum ui_action a)
{
	const struct assessment_summary *s = selected(u);
	if (s == NULL) {
		ui_say(u, 1, "%s", _("There is no assessment yet: n creates one."));
		return;
	}
	list_of(u)->pending_id = s->id;
	char *q = NULL, *def = NULL;
	if (a == UI_COPY) {
		def = str_printf(_("%s (copy)"), s->name);
		ui_ask_text(u, _("Name of the copy:"), def, copy_named);
	} else if (a == UI_RENAME) {
		ui_ask_text(u, _("New name:"), s->name, renamed);
	} else {
		q = str_printf(_("Delete \"%s\" with all its answers, reviews and checks? "
				 "This cannot be undone. (y/N)"), s->name);
		ui_ask_yes(u, q ? q : "?", deleted);
	}
	free(q);
	free(def);
}

static void move_in(size_t *cur, size_t n, enum ui_action a, int page)
{
	if (n == 0)
		return;
	size_t p = page > 1 ? (size_t)page - 1 : 1;
	switch (a) {
	case UI_UP: *cur -= *cur > 0; break;
	case UI_DOWN: *cur += *cur + 1 < n; break;
	case UI_PAGE_UP: *cur = *cur > p ? *cur - p : 0; break;
	case UI_PAGE_DOWN: *cur = *cur + p < n ? *cur + p : n - 1; break;
	case UI_HOME: *cur = 0; break;
	case UI_END: *cur = n - 1; break;
	default: break;
	}
}

static void examples_act(struct ui *u, enum ui_action a)
{
	struct list_state *l = list_of(u);
	if (a == UI_BACK) {
		l->examples = 0;
	} else if (a == UI_OPEN && l->nex > 0) {
		l->pending_ex = l->ex_cur;
		const char *name = l->ex[l->ex_cur].name;
		ui_ask_text(u, _("Name of the new assessment:"), name ? name : l->ex[l->ex_cur].file,
			    example_named);
	} else {
		move_in(&l->ex_cur, l->nex, a, ui_body_rows(u) - 3);
	}
}

static void list_act(struct ui *u, enum ui_action a)
{
	struct list_state *l = list_of(u);
	if (l->examples) {
		examples_act(u, a);
		return;
	}
	switch (a) {
	case UI_OPEN:
		if (selected(u) != NULL && ui_open(u, selected(u)->id) == 0)
			ui_go(u, SCR_SURVEY);
		break;
	case UI_NEW:
		ui_ask_text(u, _("Name of the new assessment:"), NULL, new_named);
		break;
	case UI_NEW_EXAMPLE:
		load_examples(u);
		l->examples = l->nex > 0;
		l->ex_cur = l->ex_top = 0;
		break;
	case UI_COPY: case UI_RENAME: case UI_DELETE:
		ask_about(u, a);
		break;
	case UI_BACK:
		break;
	default:
		move_in(&l->cur, l->n, a, ui_body_rows(u) - 3);
		break;
	}
}

/* ---------- drawing ---------- */

static void draw_examples(struct ui *u)
{
	const struct ui_rect *r = &u->layout.body;
	struct list_state *l = list_of(u);
	ui_text_at(r->y, r->x + 1, r->w - 2, _("Start from one of the guideline's filled "
		   "examples (Fig. 20, Annex 8 cases 1-6): Enter chooses, q goes back."), ROLE_HEADING);
	int h = r->h - 2;
	l->ex_top = ui_scroll(l->ex_top, l->ex_cur, l->nex, h);
	for (int i = 0; i < h && l->ex_top + (size_t)i < l->nex; i++) {
		size_t k = l->ex_top + (size_t)i;
		const struct ui_example *e = &l->ex[k];
		char *t = str_printf("%-12s %s", e->file, e->name ? e->name : _("(no name)"));
		if (k == l->ex_cur)
			mvaddstr(r->y + 2 + i, r->x, ">");
		ui_text_pad_at(r->y + 2 + i, r->x + 1, r->w - 2, t ? t : "",
			       k == l->ex_cur ? ROLE_CURSOR : ROLE_NORMAL);
		free(t);
	}
}

struct list_cols {
	int name, op, changed;		/* widths; 0 = column left out */
};

static struct list_cols columns_for(int w)
{
	/* "#" 5, progress 3 x 9, gaps: what is left goes to the name */
	struct list_cols c = { 0, w >= 96 ? 16 : w >= 76 ? 12 : 0, w >= 70 ? 10 : 0 };
	c.name = w - 5 - 27 - c.op - c.changed - 1 - (c.op > 0) - (c.changed > 0);
	return c;
}

static void draw_row(int y, int x, const struct list_cols *c, const char *id, const char *name,
		     const char *op, const char *changed, const char *p1, const char *p2,
		     const char *p3, enum ui_role role)
{
	/* each column cut to its width, then a blank one: a long operator
	 * never runs into the date */
	ui_text_pad_at(y, x, 5, id, role);
	x += 5;
	ui_text_pad_at(y, x, c->name, name, role);
	x += c->name + 1;
	if (c->op > 0) {
		ui_text_pad_at(y, x, c->op, op, role);
		x += c->op + 1;
	}
	if (c->changed > 0) {
		ui_text_pad_at(y, x, c->changed, changed, role);
		x += c->changed + 1;
	}
	ui_text_pad_at(y, x, 9, p1, role);
	ui_text_pad_at(y, x + 9, 9, p2, role);
	ui_text_pad_at(y, x + 18, 9, p3, role);
}

static void draw_item(struct ui *u, int y, const struct list_cols *c, size_t k)
{
	struct list_state *l = list_of(u);
	const struct assessment_summary *s = item_at(u, k);
	if (s == NULL)
		return;
	const struct assessment_progress *p = &s->progress;
	char *id = str_printf("%4lld", (long long)s->id);
	char *p1 = str_printf("%zu/%zu", p->answered, p->cells);
	char *p2 = str_printf("%zu/%zu", p->reviewed, p->derived);
	char *p3 = str_printf("%zu/%zu", p->checks_done, p->checks);
	char t[TIME_LOCAL_SIZE];
	const char *changed = time_local(s->changed, t);	/* the local day */
	char *day = changed ? strndup(changed, 10) : NULL;
	int here = u->a != NULL && u->a->id == s->id;
	enum ui_role role = k == l->cur ? ROLE_CURSOR : here ? ROLE_HEADING : ROLE_NORMAL;
	if (k == l->cur)
		mvaddstr(y, u->layout.body.x, ">");
	draw_row(y, u->layout.body.x + 1, c, id ? id : "", s->name ? s->name : "",
		 s->operator_ ? s->operator_ : "", day ? day : "", p1 ? p1 : "", p2 ? p2 : "",
		 p3 ? p3 : "", role);
	free(id), free(p1), free(p2), free(p3), free(day);
}

static void draw_empty(struct ui *u, int y)
{
	struct ui_rect r = u->layout.body;
	r.y += y;
	r.h -= y;
	r.x += 2;
	r.w -= 4;
	int n = ui_wrapped(&r, 0, _("No assessments yet."), ROLE_HEADING);
	ui_wrapped(&r, n + 1, _("Press n to create an empty one and fill in the Fig. 16 survey, "
				"or e to start from one of the guideline's filled examples "
				"(Fig. 20, Annex 8 cases 1-6)."), ROLE_NORMAL);
}

static void draw_intro(struct ui *u, int y)
{
	struct ui_rect r = u->layout.body;
	r.x += 1;
	r.w -= 2;
	const char *intro = _("The steps: fill in the survey (2), review the candidate "
			      "countermeasures it derives (3), work through the checklists (4, "
			      "] for the next one), export (5). Every change is "
			      "saved at once. ? shows the keys.");
	struct ui_lines l = { 0 };
	if (ui_wrap_hanging(intro, r.w, &l) == 0 && y + 1 + (int)l.n <= r.h)
		ui_wrapped(&r, r.h - (int)l.n, intro, ROLE_GREY);
	ui_lines_free(&l);
}

static void list_draw(struct ui *u)
{
	if (list_of(u)->examples) {
		draw_examples(u);
		return;
	}
	const struct ui_rect *r = &u->layout.body;
	struct list_state *l = list_of(u);
	char *head = str_printf(_("Assessments (%zu) in %s"), l->n, u->db_path);
	ui_text_at(r->y, r->x + 1, r->w - 2, head ? head : "", ROLE_HEADING);
	free(head);
	struct list_cols c = columns_for(r->w - 2);
	draw_row(r->y + 1, r->x + 1, &c, "   #", _("Name"), _("Operator"), _("Changed"),
		 _("Survey"), _("Reviewed"), _("Checks"), ROLE_SUBHEAD);
	if (l->n == 0) {
		draw_empty(u, 3);
		return;
	}
	int h = r->h - 2 - (r->h > 12 ? 5 : 0);	/* room for the steps below */
	l->top = ui_scroll(l->top, l->cur, l->n, h);
	for (int i = 0; i < h && l->top + (size_t)i < l->n; i++)
		draw_item(u, r->y + 2 + i, &c, l->top + (size_t)i);
	draw_intro(u, 2 + (int)l->n);
}

static enum ui_keymap list_keymap(const struct ui *u)
{
	return list_of(u)->examples ? KM_EXAMPLES : KM_LIST;
}

/* A visit reads the count again and, when drawn, the rows shown: edits
 * made on other screens change their figures. */
static void list_enter(struct ui *u)
{
	reload(u);
}

/* Other programs changed the database: the list as it is now (not
 * while an example is being chosen). */
static void list_refresh(struct ui *u)
{
	if (!list_of(u)->examples)
		reload(u);
}

static void list_done(void *state)
{
	struct list_state *l = state;
	store_summaries_free(l->items, l->nitems);
	for (size_t i = 0; i < l->nex; i++) {
		free(l->ex[i].path);
		free(l->ex[i].file);
		free(l->ex[i].name);
	}
	free(l->ex);
}

const struct ui_screen ui_list_screen = {
	.name = N_("Assessments"), .short_name = N_("List"),
	.state_size = sizeof(struct list_state), .done = list_done, .refresh = list_refresh,
	.keymap = list_keymap, .enter = list_enter, .draw = list_draw, .act = list_act,
};
