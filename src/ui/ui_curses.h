/* ui_curses.h - the one place that decides how curses is included
 * (wide-character ncursesw; htop ProvideCurses.h).  Only the workbench
 * includes it: the core library stays free of curses.  <term.h> is left
 * out on purpose: its capability macros (lines, columns, ...) would
 * rename ordinary variables; tigetstr() is declared in <curses.h>. */
#ifndef IOTSCOPE_UI_CURSES_H
#define IOTSCOPE_UI_CURSES_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <curses.h>

#endif
