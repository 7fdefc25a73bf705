/* ui_core.c - the services every screen calls (ui_core.h): its state,
 * going to another screen, the open assessment, the message row and its
 * prompts.  It knows the screens only through u->screens. */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui_core.h"

void *ui_state(const struct ui *u, enum ui_screen_id id)
{
	return u->state[id];
}

const struct ui_screen *ui_current(const struct ui *u)
{
	return u->screens[u->screen];
}

void ui_resize(struct ui *u, int rows, int cols)
{
	u->rows = rows;
	u->cols = cols;
	const struct ui_screen *s = ui_current(u);
	int pane = s->pane_now != NULL ? s->pane_now(u) : s->pane;
	ui_layout_compute(&u->layout, rows, cols, pane && !u->help && !u->glossary.open);
}

void ui_glossary_clear(struct ui *u)
{
	free(u->glossary.word);
	free(u->glossary.terms);
	memset(&u->glossary, 0, sizeof u->glossary);
}

int ui_body_rows(const struct ui *u)
{
	return u->layout.body.h;
}

void ui_say(struct ui *u, int error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *m = str_vprintf(fmt, ap);
	va_end(ap);
	free(u->message);
	u->message = m;
	u->message_error = error;
}

void ui_go(struct ui *u, enum ui_screen_id s)
{
	if (u->screens[s]->needs_assessment && u->a == NULL) {
		ui_say(u, 1, "%s", _("Open an assessment first: choose one on the list and "
				     "press Enter, or n to create one."));
		s = SCR_LIST;
	}
	u->screen = s;
	u->help = 0;
	ui_glossary_clear(u);
	ui_resize(u, u->rows, u->cols);
	if (u->screens[s]->enter != NULL)
		u->screens[s]->enter(u);
}

void ui_rederive(struct ui *u)
{
	derivation_free(u->dv);
	u->dv = u->a ? derive(u->cat, u->a->survey) : NULL;
	if (u->a != NULL && u->dv == NULL)
		ui_say(u, 1, "%s", _("out of memory deriving the countermeasures"));
	u->changes++;
}

void ui_close_assessment(struct ui *u)
{
	if (u->a == NULL)
		return;
	assessment_free(u->a);
	u->a = NULL;
	derivation_free(u->dv);
	u->dv = NULL;
	u->changes++;
	for (int s = 0; s < N_SCREENS; s++)
		if (u->screens[s]->reset != NULL)
			u->screens[s]->reset(u, u->state[s]);
}

int ui_open(struct ui *u, int64_t id)
{
	struct diag d = DIAG_INIT;
	struct assessment *a = store_load(u->st, id, u->form, &d);
	if (a == NULL) {
		ui_say(u, 1, "%s", diag_msg(&d));
		diag_clear(&d);
		return -1;
	}
	ui_close_assessment(u);
	u->a = a;
	ui_rederive(u);
	return 0;
}

/* ---------- prompts ---------- */

void ui_ask_text(struct ui *u, const char *label, const char *initial, ui_text_cb cb)
{
	ui_edit_free(&u->edit);
	free(u->prompt_label);
	u->prompt_label = strdup(label);
	if (u->prompt_label == NULL || ui_edit_init(&u->edit, initial) < 0) {
		ui_say(u, 1, "%s", _("out of memory"));
		return;
	}
	u->prompting = 1;
	u->on_text = cb;
}

void ui_ask_note(struct ui *u, const char *label, const char *initial, ui_text_cb cb)
{
	ui_ask_text(u, label, initial, cb);
	if (!u->prompting)
		return;
	ui_edit_free(&u->edit);		/* the same text again, line breaks kept */
	if (ui_edit_init_lines(&u->edit, initial) < 0) {
		u->prompting = 0;
		ui_say(u, 1, "%s", _("out of memory"));
	}
}

void ui_ask_yes(struct ui *u, const char *question, ui_yes_cb cb)
{
	free(u->confirm_label);
	u->confirm_label = strdup(question);
	u->confirming = u->confirm_label != NULL;
	u->on_yes = cb;
	u->on_no = NULL;
}

size_t ui_search_round(struct ui *u, const char *q, size_t n, size_t cur, int dir,
		       int from_here, ui_match_cb match)
{
	if (q == NULL) {
		ui_say(u, 0, "%s", _("No search yet: / searches."));
		return n;
	}
	size_t matches = 0, at = n;
	for (size_t i = 0; i < n; i++)
		matches += match(u, i, q) != 0;
	for (size_t k = from_here ? 0 : 1; k <= n && at == n; k++) {
		size_t i = dir > 0 ? (cur + k) % n : (cur + n - k % n) % n;
		if (match(u, i, q))
			at = i;
	}
	if (at == n) {
		ui_say(u, 1, _("Not found: \"%s\""), q);
		return n;
	}
	size_t nth = 0;
	for (size_t i = 0; i <= at; i++)
		nth += match(u, i, q) != 0;
	ui_say(u, 0, _("\"%s\": %zu of %zu (n next, N previous)"), q, nth, matches);
	return at;
}
