/* ui.h - the workbench as a whole: made, fed keys and drawn (ui.c, on
 * top of the screens), and the terminal it runs in.  What the screens
 * share is ui_core.h; the list of screens is ui_screens.h.  Everything
 * here draws with curses; the pure logic it uses lives in ui_text,
 * ui_layout, ui_action, ui_grid, ui_cmlist, ui_model and ui_edit. */
#ifndef IOTSCOPE_UI_H
#define IOTSCOPE_UI_H

#include <stdio.h>

#include "diag.h"
#include "ui_core.h"

/* ui.c: the workbench without the terminal (used by ui_run and the
 * redraw benchmark). */
struct ui *ui_new(const struct catalog *c, const struct form *f, struct store *st,
		  const char *db_path, const char *catalog_dir);
void ui_free(struct ui *u);
/* One key: a character, or UI_KEY_FN(curses key). */
void ui_key(struct ui *u, int key);
/* Draw everything into stdscr and mark it for the next doupdate(). */
void ui_draw(struct ui *u);

/* ui_extedit.c: TEXT edited in $VISUAL/$EDITOR on a 0600 temporary
 * file; the result (malloc'd), or NULL with D set. */
char *ui_extedit(const char *text, struct diag *d);

/* ui_term.c: the terminal itself. */
int ui_term_refuse(void);		/* 0 when this is a usable terminal */
int ui_term_start(void);
void ui_term_stop(void);
void ui_signals_install(void);
void ui_signals_restore(void);
int ui_signal_caught(void);		/* the signal number, 0 if none */
int ui_input_gone(void);
#define UI_TICK_MS 200			/* getch timeout: the loop looks at signals */
#define UI_BUSY_MS 100			/* the longest the store may wait for a lock */
int ui_term_escdelay(void);		/* ms to wait for the rest of a sequence */
/* How wide the terminal draws an East Asian ambiguous character (1 or
 * 2): it prints one and reads the cursor position back (vim's
 * ambiwidth, t_u7); 1 when the terminal does not answer in time. */
int ui_term_probe_ambiwidth(void);

#endif
