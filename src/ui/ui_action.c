/* ui_action.c - the key tables (keys as data) and what is generated
 * from them: the status line and the help screen (ui_action.h) */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "i18n.h"
#include "ui_action.h"
#include "ui_curses.h"
#include "ui_text.h"

#define UI_ACTION_LABEL(id, label, help) label,
static const char *const labels[] = { UI_ACTIONS(UI_ACTION_LABEL) };
#define UI_ACTION_HELP(id, label, help) help,
static const char *const helps[] = { UI_ACTIONS(UI_ACTION_HELP) };

struct binding {
	int key;
	enum ui_action action;
	int hint;			/* shown on the status line */
};

#define K(k) UI_KEY_FN(k)
#define CTRL(c) ((c) & 0x1f)

/* The go-to keys, one per screen (ui_screens.h). */
#define GO_KEY(x, id, screen, key, label, help) { key, UI_GO_##id, 0 },

static const struct binding global_keys[] = {
	{ '?', UI_HELP, 1 }, { K(KEY_F(1)), UI_HELP, 0 },
	{ 'q', UI_BACK, 1 }, { CTRL('L'), UI_REDRAW, 0 }, { 'T', UI_GLOSSARY, 0 },
	UI_SCREENS(GO_KEY, 0)
};

/* Up/down/page movement shared by the list-like screens. */
#define MOVES \
	{ K(KEY_UP), UI_UP, 0 }, { 'k', UI_UP, 0 }, \
	{ K(KEY_DOWN), UI_DOWN, 0 }, { 'j', UI_DOWN, 0 }, \
	{ K(KEY_PPAGE), UI_PAGE_UP, 0 }, { K(KEY_NPAGE), UI_PAGE_DOWN, 0 }, \
	{ K(KEY_HOME), UI_HOME, 0 }, { 'g', UI_HOME, 0 }, \
	{ K(KEY_END), UI_END, 0 }, { 'G', UI_END, 0 }
#define ENTER(a, hint) { '\r', a, hint }, { '\n', a, 0 }, { K(KEY_ENTER), a, 0 }

static const struct binding list_keys[] = {
	ENTER(UI_OPEN, 1), { 'n', UI_NEW, 1 }, { 'e', UI_NEW_EXAMPLE, 1 },
	{ 'c', UI_COPY, 1 }, { 'r', UI_RENAME, 1 }, { 'd', UI_DELETE, 1 },
	{ K(KEY_DC), UI_DELETE, 0 }, { 'q', UI_QUIT, 1 }, MOVES,
};

static const struct binding example_keys[] = {
	ENTER(UI_OPEN, 1), { 'q', UI_BACK, 1 }, { 27, UI_BACK, 0 }, MOVES,
};

static const struct binding survey_keys[] = {
	{ 'o', UI_ANSWER_YES, 1 }, { 'O', UI_ANSWER_YES, 0 },
	{ 'x', UI_ANSWER_NO, 1 }, { 'X', UI_ANSWER_NO, 0 },
	{ ' ', UI_ANSWER_CYCLE, 1 }, ENTER(UI_ACTIVATE, 0),
	{ '-', UI_ANSWER_CLEAR, 0 }, { K(KEY_DC), UI_ANSWER_CLEAR, 0 },
	{ 'e', UI_EDIT, 1 }, { '\t', UI_NEXT_BLOCK, 1 }, { K(KEY_BTAB), UI_PREV_BLOCK, 0 },
	{ K(KEY_LEFT), UI_LEFT, 0 }, { 'h', UI_LEFT, 0 },
	{ K(KEY_RIGHT), UI_RIGHT, 0 }, { 'l', UI_RIGHT, 0 },
	{ '3', UI_GO_CMS, 1 }, { 'd', UI_ANNEX7, 0 }, MOVES,
};

/* n and N mean the next and previous match wherever there is a search
 * (less, vim, mutt); so "not applicable" is a, on every screen. */
#define SEARCH_REPEAT { 'n', UI_SEARCH_NEXT, 0 }, { 'N', UI_SEARCH_PREV, 0 }

/* Who does it, by when, what shows it is done (issue 12): the same keys
 * on a countermeasure, an action and a checklist item. */
#define TRACKING(hint) \
	{ 'o', UI_OWNER, hint }, { 'D', UI_DUE, hint }, { 'E', UI_EVIDENCE, hint }, \
	{ 'R', UI_EVIDENCE_REMOVE, 0 }

#define DECISIONS \
	{ ' ', UI_DECIDE_CYCLE, 1 }, { 't', UI_DECIDE_TODO, 0 }, \
	{ 'i', UI_DECIDE_IN_PLACE, 0 }, { 'a', UI_DECIDE_NA, 0 }, \
	{ 'w', UI_DECIDE_LATER, 0 }, { '-', UI_DECIDE_CLEAR, 0 }

static const struct binding cms_keys[] = {
	ENTER(UI_OPEN, 1), DECISIONS, { 'f', UI_FILTER_DECISION, 1 },
	{ 'v', UI_FILTER_VIEWPOINT, 1 }, { '/', UI_SEARCH, 1 }, SEARCH_REPEAT,
	{ 'c', UI_CLEAR_FILTERS, 0 }, TRACKING(0), MOVES,
};

static const struct binding detail_keys[] = {
	{ ' ', UI_STATE_CYCLE, 1 }, ENTER(UI_ACTIVATE, 0), { 'e', UI_EDIT, 1 }, TRACKING(1),
	{ 't', UI_DECIDE_TODO, 1 }, { 'i', UI_DECIDE_IN_PLACE, 1 },
	{ 'a', UI_DECIDE_NA, 1 }, { 'w', UI_DECIDE_LATER, 1 }, { '-', UI_DECIDE_CLEAR, 0 },
	{ 'J', UI_NEXT_ITEM, 1 }, { 'K', UI_PREV_ITEM, 1 }, SEARCH_REPEAT,
	{ 27, UI_BACK, 0 }, { K(KEY_LEFT), UI_BACK, 0 }, MOVES,
};

static const struct binding annex_keys[] = {
	{ ' ', UI_STATUS_CYCLE, 1 }, { 'i', UI_STATUS_IMPL, 0 },
	{ 'p', UI_STATUS_PARTLY, 0 }, { 'x', UI_STATUS_NOT, 0 },
	{ 'a', UI_STATUS_NA, 0 }, { '-', UI_STATUS_CLEAR, 0 },
	{ 'e', UI_EDIT, 1 }, ENTER(UI_EDIT, 0), TRACKING(1), { 'v', UI_VIEW_ITEM, 0 },
	{ 'd', UI_GUIDANCE, 1 },
	{ '/', UI_SEARCH, 1 }, SEARCH_REPEAT, { 'f', UI_FILTER_STATUS, 1 }, { 'c', UI_CLEAR_FILTERS, 0 },
	{ ']', UI_NEXT_CHECKLIST, 1 }, { '[', UI_PREV_CHECKLIST, 0 },
	{ '\t', UI_NEXT_BLOCK, 1 }, { K(KEY_BTAB), UI_PREV_BLOCK, 0 }, MOVES,
};

/* An item's guidance over the checklist (ui_annex.c): it scrolls. */
static const struct binding guide_keys[] = {
	{ 'q', UI_BACK, 1 }, { 27, UI_BACK, 0 }, { 'd', UI_BACK, 0 }, { 'v', UI_BACK, 0 },
	{ K(KEY_LEFT), UI_BACK, 0 },
	{ ' ', UI_PAGE_DOWN, 0 }, MOVES,
};

/* The glossary over a screen (ui_glossary.c): a list of the terms at
 * the cursor to pick from, or their text; any other key closes it. */
static const struct binding glossary_keys[] = {
	{ 'q', UI_BACK, 1 }, { 27, UI_BACK, 0 }, { K(KEY_LEFT), UI_BACK, 0 },
	ENTER(UI_OPEN, 1), { '/', UI_SEARCH_GLOSSARY, 1 }, { ' ', UI_PAGE_DOWN, 0 }, MOVES,
};

/* / first: Enter's text is this screen's own (test_screens). */
static const struct binding crosswalk_keys[] = {
	{ '/', UI_SEARCH, 1 }, ENTER(UI_SHOW_ITEM, 1), SEARCH_REPEAT,
	{ '\t', UI_NEXT_BLOCK, 1 }, { K(KEY_BTAB), UI_PREV_BLOCK, 0 }, MOVES,
};

static const struct binding export_keys[] = {
	{ K(KEY_UP), UI_UP, 0 }, { 'k', UI_UP, 0 },
	{ K(KEY_DOWN), UI_DOWN, 0 }, { 'j', UI_DOWN, 0 }, { '\t', UI_DOWN, 0 },
	{ ' ', UI_NEXT_CHOICE, 1 }, { K(KEY_RIGHT), UI_NEXT_CHOICE, 0 },
	{ 'l', UI_NEXT_CHOICE, 0 }, { K(KEY_LEFT), UI_PREV_CHOICE, 0 },
	{ 'h', UI_PREV_CHOICE, 0 }, ENTER(UI_ACTIVATE, 1), { 'w', UI_RUN, 1 },
};

static const struct binding help_keys[] = {
	{ 'q', UI_BACK, 1 }, { 27, UI_BACK, 0 }, { '?', UI_BACK, 0 },
	{ K(KEY_F(1)), UI_BACK, 0 }, { K(KEY_NPAGE), UI_PAGE_DOWN, 1 },
	{ K(KEY_PPAGE), UI_PAGE_UP, 1 }, { K(KEY_UP), UI_UP, 0 }, { 'k', UI_UP, 0 },
	{ K(KEY_DOWN), UI_DOWN, 0 }, { 'j', UI_DOWN, 0 },
};

/* The editors of prompts (ui_edit.c); the other keys edit the text. */
static const struct binding prompt_keys[] = {
	ENTER(UI_EDIT_SAVE, 1), { 27, UI_EDIT_CANCEL, 1 }, { CTRL('G'), UI_EDIT_CANCEL, 0 },
};

static const struct binding note_keys[] = {
	{ '\r', UI_EDIT_SAVE, 1 }, { K(KEY_ENTER), UI_EDIT_SAVE, 0 },
	{ '\n', UI_EDIT_NEWLINE, 1 }, { CTRL('X'), UI_EDIT_EXTERNAL, 1 },
	{ 27, UI_EDIT_CANCEL, 1 }, { CTRL('G'), UI_EDIT_CANCEL, 0 },
};

/* A y/n question: anything but y is no. */
static const struct binding confirm_keys[] = {
	{ 'y', UI_YES, 1 }, { 'Y', UI_YES, 0 }, { 'n', UI_NO, 1 }, { 27, UI_NO, 1 },
};

struct keymap {
	const struct binding *b;
	size_t n;
	int global;			/* falls back to global_keys */
};

#define KEYMAP(t, g) { t, sizeof t / sizeof t[0], g }
static const struct keymap keymaps[N_KEYMAPS] = {
	[KM_GLOBAL] = KEYMAP(global_keys, 0),
	[KM_LIST] = KEYMAP(list_keys, 1),
	[KM_EXAMPLES] = KEYMAP(example_keys, 1),
	[KM_SURVEY] = KEYMAP(survey_keys, 1),
	[KM_CMS] = KEYMAP(cms_keys, 1),
	[KM_CM_DETAIL] = KEYMAP(detail_keys, 1),
	[KM_ANNEX] = KEYMAP(annex_keys, 1),
	[KM_GUIDE] = KEYMAP(guide_keys, 1),
	[KM_GLOSSARY] = KEYMAP(glossary_keys, 0),
	[KM_CROSSWALK] = KEYMAP(crosswalk_keys, 1),
	[KM_EXPORT] = KEYMAP(export_keys, 1),
	[KM_HELP] = KEYMAP(help_keys, 0),
	[KM_PROMPT] = KEYMAP(prompt_keys, 0),
	[KM_NOTE] = KEYMAP(note_keys, 0),
	[KM_CONFIRM] = KEYMAP(confirm_keys, 0),
};

static const struct binding *find(const struct keymap *m, int key)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->b[i].key == key)
			return &m->b[i];
	return NULL;
}

enum ui_action ui_action_for_key(enum ui_keymap km, int key)
{
	if ((unsigned)km >= N_KEYMAPS)
		return UI_NONE;
	const struct binding *b = find(&keymaps[km], key);
	if (b == NULL && keymaps[km].global)
		b = find(&keymaps[KM_GLOBAL], key);
	return b ? b->action : UI_NONE;
}

const char *ui_action_label(enum ui_action a)
{
	return (unsigned)a < N_UI_ACTIONS ? labels[a] : "";
}

const char *ui_action_help(enum ui_action a)
{
	return (unsigned)a < N_UI_ACTIONS ? helps[a] : "";
}

static const struct {
	int key;
	const char *name;
} key_names[] = {
	{ K(KEY_UP), "Up" }, { K(KEY_DOWN), "Down" }, { K(KEY_LEFT), "Left" },
	{ K(KEY_RIGHT), "Right" }, { K(KEY_PPAGE), "PgUp" }, { K(KEY_NPAGE), "PgDn" },
	{ K(KEY_HOME), "Home" }, { K(KEY_END), "End" }, { K(KEY_ENTER), "Enter" },
	{ K(KEY_BTAB), "S-Tab" }, { K(KEY_DC), "Del" }, { K(KEY_BACKSPACE), "BS" },
	{ K(KEY_F(1)), "F1" }, { '\r', "Enter" }, { '\t', "Tab" },
	{ ' ', "Space" }, { 27, "Esc" },
};

const char *ui_key_name(int key)
{
	static const char ctrl[] = "^@\0^A\0^B\0^C\0^D\0^E\0^F\0^G\0^H\0^I\0^J\0^K\0^L\0^M\0"
				   "^N\0^O\0^P\0^Q\0^R\0^S\0^T\0^U\0^V\0^W\0^X\0^Y\0^Z";
	static const char ascii[] = " \0!\0\"\0#\0$\0%\0&\0'\0(\0)\0*\0+\0,\0-\0.\0/\0"
				    "0\0001\0002\0003\0004\0005\0006\0007\0008\0009\0"
				    ":\0;\0<\0=\0>\0?\0@\0A\0B\0C\0D\0E\0F\0G\0H\0I\0J\0K\0L\0M\0"
				    "N\0O\0P\0Q\0R\0S\0T\0U\0V\0W\0X\0Y\0Z\0[\0\\\0]\0^\0_\0`\0"
				    "a\0b\0c\0d\0e\0f\0g\0h\0i\0j\0k\0l\0m\0n\0o\0p\0q\0r\0s\0t\0"
				    "u\0v\0w\0x\0y\0z\0{\0|\0}\0~";
	for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
		if (key_names[i].key == key)
			return key_names[i].name;
	if (key > ' ' && key < 0x7f)
		return ascii + 2 * (key - ' ');
	if (key >= 0 && key <= 26)
		return ctrl + 3 * key;
	return "?";
}

/* Append "KEY:label" to *out if it still fits in COLS columns. */
static int hint_add(char **out, int *width, int cols, const struct binding *b)
{
	const char *label = _(ui_action_label(b->action));
	char *item = str_printf("%s%s:%s", (*out)[0] ? "  " : "", ui_key_name(b->key), label);
	if (item == NULL)
		return -1;
	int w = ui_text_width(item);
	if (*width + w <= cols) {
		char *joined = str_printf("%s%s", *out, item);
		if (joined == NULL) {
			free(item);
			return -1;
		}
		free(*out);
		*out = joined;
		*width += w;
	}
	free(item);
	return 0;
}

char *ui_status_line(enum ui_keymap km, int cols)
{
	char *out = strdup("");
	int width = 0;
	if (out == NULL || (unsigned)km >= N_KEYMAPS)
		return out;
	/* the global hints (help, back) first: they must always fit */
	const struct keymap *own = &keymaps[km];
	const struct keymap *m[2] = { own->global ? &keymaps[KM_GLOBAL] : NULL, own };
	for (int t = 0; t < 2; t++)
		for (size_t i = 0; m[t] != NULL && i < m[t]->n; i++) {
			const struct binding *b = &m[t]->b[i];
			if (!b->hint || (m[t] != own && find(own, b->key) != NULL))
				continue;
			if (hint_add(&out, &width, cols, b) < 0) {
				free(out);
				return NULL;
			}
		}
	return out;
}

int ui_keymap_conflicts(void)
{
	int n = 0;
	for (int k = 0; k < N_KEYMAPS; k++)
		for (size_t i = 0; i < keymaps[k].n; i++)
			for (size_t j = 0; j < i; j++)
				n += keymaps[k].b[i].key == keymaps[k].b[j].key;
	return n;
}

/* ---------- help ---------- */

static int listed(const struct ui_help_line *h, size_t n, enum ui_action a)
{
	for (size_t i = 0; i < n; i++)
		if (h[i].action == a)
			return 1;
	return 0;
}

/* All the names of the keys bound to A in M (not those the screen's own
 * map OWN takes over), each once: "k Up". */
static char *keys_of(const struct keymap *m, const struct keymap *own, enum ui_action a)
{
	char *out = strdup("");
	for (size_t i = 0; i < m->n && out != NULL; i++) {
		if (m->b[i].action != a || (own != NULL && find(own, m->b[i].key) != NULL))
			continue;
		/* ^J is Enter where both do the same */
		const struct binding *cr = find(m, '\r');
		if (m->b[i].key == '\n' && cr != NULL && cr->action == a)
			continue;
		const char *name = ui_key_name(m->b[i].key);
		int dup = 0;
		for (size_t j = 0; j < i; j++)
			dup |= m->b[j].action == a && strcmp(ui_key_name(m->b[j].key), name) == 0;
		if (dup)
			continue;
		char *next = str_printf("%s%s%s", out, out[0] ? " " : "", name);
		free(out);
		out = next;
	}
	return out;
}

static int help_add(struct ui_help_line **h, size_t *n, const struct keymap *m,
		    const struct keymap *own, enum ui_action a, int global)
{
	char *keys = keys_of(m, own, a);
	if (keys == NULL)
		return -1;
	if (keys[0] == '\0') {
		free(keys);
		return 0;
	}
	struct ui_help_line *v = realloc(*h, (*n + 1) * sizeof *v);
	if (v == NULL) {
		free(keys);
		return -1;
	}
	v[*n] = (struct ui_help_line){ keys, a, global };
	*h = v;
	(*n)++;
	return 0;
}

int ui_help_lines(enum ui_keymap km, struct ui_help_line **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if ((unsigned)km >= N_KEYMAPS)
		return 0;
	const struct keymap *own = &keymaps[km];
	for (size_t i = 0; i < own->n; i++)
		if (!listed(*out, *n, own->b[i].action) &&
		    help_add(out, n, own, NULL, own->b[i].action, 0) < 0)
			goto fail;
	if (!own->global || km == KM_GLOBAL)
		return 0;
	const struct keymap *g = &keymaps[KM_GLOBAL];
	for (size_t i = 0; i < g->n; i++)
		if (!listed(*out, *n, g->b[i].action) &&
		    help_add(out, n, g, own, g->b[i].action, 1) < 0)
			goto fail;
	return 0;
fail:
	ui_help_lines_free(*out, *n);
	*out = NULL;
	*n = 0;
	return -1;
}

void ui_help_lines_free(struct ui_help_line *h, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(h[i].keys);
	free(h);
}
