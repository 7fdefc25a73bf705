/* ui_annex.h - what other screens ask of the Checklists screen. */
#ifndef IOTSCOPE_UI_ANNEX_H
#define IOTSCOPE_UI_ANNEX_H

#include <stddef.h>

#include "ui_core.h"

/* Go to the Checklists screen at entry ENTRY of c->checklists[CHECKLIST]
 * (a heading: its first item); its filter is cleared when it hides it. */
void ui_annex_show(struct ui *u, size_t checklist, size_t entry);

#endif
