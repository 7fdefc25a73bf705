/* ui_screens.h - the one list of the workbench's screens (tig's
 * VIEW_INFO).  Their order is the tab order.  From each line come the
 * screen id SCR_<ID> (ui_core.h), the go-to action UI_GO_<ID> with its
 * status-line label and help text (ui_action.h), its key in every
 * screen (ui_action.c), the tab and the table of screens (ui.c).
 *
 * A new screen is one file defining `const struct ui_screen <name>`
 * (ui_core.h) and one line here.
 *
 * S(X, ID, the screen's struct, key, action label, action help); X is
 * passed through untouched, for lists built inside other X-macros. */
#ifndef IOTSCOPE_UI_SCREENS_H
#define IOTSCOPE_UI_SCREENS_H

#include "i18n.h"

#define UI_SCREENS(S, X) \
	S(X, LIST, ui_list_screen, '1', N_("assessments"), N_("go to the list of assessments")) \
	S(X, SURVEY, ui_survey_screen, '2', N_("survey"), N_("go to the Fig. 16 survey")) \
	S(X, CMS, ui_cms_screen, '3', N_("countermeasures"), N_("go to the derived countermeasures")) \
	S(X, ANNEX, ui_annex_screen, '4', N_("checklists"), N_("go to the checklists (Annex 1, Annex 2, ...)")) \
	S(X, EXPORT, ui_export_screen, '5', N_("export"), N_("go to export")) \
	S(X, CROSSWALK, ui_crosswalk_screen, '6', N_("crosswalk"), N_("go to the ISO/IEC 27002 crosswalk"))

#endif
