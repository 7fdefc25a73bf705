/* ui_help.h - `?` or F1: the keys of the current screen over its body,
 * generated from the key table that screen uses.  An overlay with the
 * callbacks of a screen (ui_core.h); it has no tab and no state of its
 * own beyond its scroll position (ui.help_top). */
#ifndef IOTSCOPE_UI_HELP_H
#define IOTSCOPE_UI_HELP_H

#include "ui_core.h"

extern const struct ui_screen ui_help_overlay;

#endif
