/* ui_model.h - what a key does to a review, an action or a checklist
 * item, the marks the screens show for each state, and per-section
 * checklist progress.  Pure, tested without a terminal. */
#ifndef IOTSCOPE_UI_MODEL_H
#define IOTSCOPE_UI_MODEL_H

#include <stddef.h>

#include "assessment.h"
#include "catalog.h"
#include "derive.h"
#include "ui_action.h"

/* Cycles: decision none → to do → in place → n/a → later → none;
 * action none → done → not done → n/a → none; check status none →
 * implemented → partly → not implemented → n/a → none.  The direct keys
 * set their state; any other action leaves CUR. */
enum decision ui_decision_after(enum decision cur, enum ui_action a);
enum action_state ui_action_state_after(enum action_state cur, enum ui_action a);
enum check_status ui_check_after(enum check_status cur, enum ui_action a);
/* The Annex screens' status filter (f cycles it): what is left to do
 * first, as an auditor works through a checklist. */
enum annex_filter { AF_ALL, AF_NOT_CHECKED, AF_OPEN, AF_IMPLEMENTED, AF_NA, N_ANNEX_FILTERS };
int ui_annex_filter_passes(enum annex_filter f, enum check_status s);
const char *ui_annex_filter_label(enum annex_filter f);

/* Marks for the screens (the words are the core's: decision_label ...). */
const char *ui_action_state_mark(enum action_state s);	/* "[✓]" ... */
const char *ui_answer_mark(enum answer a);		/* ○ × or blank */

/* Annex ANNEX (1 or 2, as the assessment numbers them): the checkable
 * items below the top-level section entry SECTION (all sections when
 * -1), and how many of them have a status in A. */
void ui_annex_progress(const struct cat_annex *ax, const struct assessment *a,
		       int section, size_t *done, size_t *total);

#endif
