/* ui_model.c - effects of keys on reviews and checklists, state marks,
 * per-section checklist progress (ui_model.h) */
#include "config.h"


#include "i18n.h"
#include "survey.h"
#include "ui_model.h"

enum decision ui_decision_after(enum decision cur, enum ui_action a)
{
	switch (a) {
	case UI_DECIDE_CYCLE:
		return (enum decision)((cur + 1) % N_DECISIONS);
	case UI_DECIDE_TODO:
		return DECISION_TODO;
	case UI_DECIDE_IN_PLACE:
		return DECISION_IN_PLACE;
	case UI_DECIDE_NA:
		return DECISION_NOT_APPLICABLE;
	case UI_DECIDE_LATER:
		return DECISION_LATER;
	case UI_DECIDE_CLEAR:
		return DECISION_NONE;
	default:
		return cur;
	}
}

enum action_state ui_action_state_after(enum action_state cur, enum ui_action a)
{
	if (a == UI_STATE_CYCLE || a == UI_ACTIVATE)
		return (enum action_state)((cur + 1) % N_ACTION_STATES);
	return cur;
}

enum check_status ui_check_after(enum check_status cur, enum ui_action a)
{
	switch (a) {
	case UI_STATUS_CYCLE:
		return (enum check_status)((cur + 1) % N_CHECK_STATUSES);
	case UI_STATUS_IMPL:
		return CHECK_IMPLEMENTED;
	case UI_STATUS_PARTLY:
		return CHECK_PARTLY;
	case UI_STATUS_NOT:
		return CHECK_NOT_IMPLEMENTED;
	case UI_STATUS_NA:
		return CHECK_NOT_APPLICABLE;
	case UI_STATUS_CLEAR:
		return CHECK_NONE;
	default:
		return cur;
	}
}

int ui_annex_filter_passes(enum annex_filter f, enum check_status s)
{
	switch (f) {
	case AF_NOT_CHECKED:
		return s == CHECK_NONE;
	case AF_OPEN:		/* checked, and found wanting */
		return s == CHECK_NOT_IMPLEMENTED || s == CHECK_PARTLY;
	case AF_IMPLEMENTED:
		return s == CHECK_IMPLEMENTED;
	case AF_NA:
		return s == CHECK_NOT_APPLICABLE;
	default:
		return 1;
	}
}

const char *ui_annex_filter_label(enum annex_filter f)
{
	static const char *const labels[N_ANNEX_FILTERS] = {
		N_("all"), N_("not checked"), N_("not or partly implemented"),
		N_("implemented"), N_("not applicable"),
	};
	return (unsigned)f < N_ANNEX_FILTERS ? _(labels[f]) : "?";
}

const char *ui_action_state_mark(enum action_state s)
{
	static const char *const marks[N_ACTION_STATES] = {
		"[ ]", "[\xe2\x9c\x93]", "[\xc3\x97]", "[-]"	/* [✓] [×] [-] */
	};
	return (unsigned)s < N_ACTION_STATES ? marks[s] : "[?]";
}

const char *ui_answer_mark(enum answer a)
{
	return a == ANSWER_YES ? "\xe2\x97\x8b" : a == ANSWER_NO ? "\xc3\x97" : " ";
}

void ui_annex_progress(const struct cat_annex *ax, const struct assessment *a,
		       int section, size_t *done, size_t *total)
{
	*done = *total = 0;
	for (size_t i = 0; i < ax->nentries; i++) {
		const struct cat_annex_entry *e = &ax->entries[i];
		if (!e->checkable || (section >= 0 && e->section != section))
			continue;
		(*total)++;
		const struct check_entry *ce = a ? assessment_check(a, ax->id, e->id) : NULL;
		*done += ce != NULL && ce->status != CHECK_NONE;
	}
}
