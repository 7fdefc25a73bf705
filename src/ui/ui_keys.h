/* ui_keys.h - escape sequences decoded whole.  curses decodes what the
 * terminfo entry of TERM describes; terminals that say TERM=xterm but
 * send other sequences (PuTTY, Tera Term: ESC [ 1 ~ for Home) reach us
 * as Esc followed by the rest.  This decoder knows the common variants
 * (xterm, VT220/PuTTY/Tera Term, rxvt, the Linux console, screen/tmux,
 * with xterm's modifier parameters) and tells the caller how many bytes
 * a sequence takes, so that it is never read as Esc plus keys.  A lone
 * Esc is told apart by timing by the caller (ESCDELAY), never here.
 * Pure, tested without a terminal. */
#ifndef IOTSCOPE_UI_KEYS_H
#define IOTSCOPE_UI_KEYS_H

#include <stddef.h>

enum keyseq_result {
	KEYSEQ_MORE,			/* a prefix: wait (ESCDELAY) for more bytes */
	KEYSEQ_KEY,			/* a whole sequence: *key is set */
	KEYSEQ_UNKNOWN,			/* a whole sequence of no key we know: drop it */
	KEYSEQ_NOT,			/* not a sequence: Esc, then the bytes as typed */
};

/* S holds the N bytes read after an Esc (ESC itself not included).
 * On KEYSEQ_KEY and KEYSEQ_UNKNOWN *used is the length of the sequence
 * in S; *key is UI_KEY_FN(curses key) for KEYSEQ_KEY (or '\n' for
 * Alt-Enter, a line break in the note editor). */
enum keyseq_result ui_keyseq_decode(const unsigned char *s, size_t n, int *key, size_t *used);

/* The ESCDELAY to use in milliseconds: the environment's when set
 * (ncurses reads ESCDELAY too), else a default short enough not to be
 * felt and long enough for a sequence sent over ssh in one packet. */
int ui_keys_escdelay(const char *env);

/* The curses key code as the key tables name it: VT220 Find and Select
 * (what terminfo calls ESC [ 1 ~ and ESC [ 4 ~ for vt220 and friends)
 * are Home and End, the keypad's corners likewise. */
int ui_keys_normal(int curses_key);
/* The key a terminfo extended name stands for (ncurses keyname() of a
 * code above KEY_MAX: "kEND5" is Ctrl-End, here End); 0 if none. */
int ui_keys_by_name(const char *name);

/* A cursor position report (ESC [ row ; col R) in the N bytes of S;
 * 0 and *row, *col set, or -1 when there is none (yet). */
int ui_cpr_parse(const char *s, size_t n, int *row, int *col);

#endif
