/* ui_glossary.h - the glossary over any screen (T). */
#ifndef IOTSCOPE_UI_GLOSSARY_H
#define IOTSCOPE_UI_GLOSSARY_H

#include "ui_core.h"

extern const struct ui_screen ui_glossary_overlay;
/* Ask for a word and show the terms holding it. */
void ui_glossary_ask(struct ui *u);
/* T: the terms in the current screen's item under the cursor (its
 * cursor_text); none there, or no such text: ask for a word. */
void ui_glossary_at_cursor(struct ui *u);
void ui_glossary_close(struct ui *u);

#endif
