/* ui_keys.c - escape sequences decoded whole (ui_keys.h).  The forms
 * are those of ECMA-48 (CSI params final, SS3 final) as xterm's
 * ctlseqs, PuTTY, rxvt and the Linux console send them; the numbers of
 * the VT220 editing and function keys are the DEC ones. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ui_action.h"
#include "ui_curses.h"
#include "ui_keys.h"

#define SEQ_MAX 32			/* longer than any key sequence: give up */

/* ESC [ n ~ (and rxvt's ESC [ n $ / ^ / @ with Shift, Ctrl). */
static int vt220_key(int n)
{
	static const int keys[] = { [1] = KEY_HOME, [2] = KEY_IC, [3] = KEY_DC, [4] = KEY_END,
				    [5] = KEY_PPAGE, [6] = KEY_NPAGE, [7] = KEY_HOME,
				    [8] = KEY_END };
	if (n >= 1 && n <= 8)
		return keys[n];
	if (n >= 11 && n <= 15)
		return KEY_F(n - 10);	/* F1-F5 */
	if (n >= 17 && n <= 21)
		return KEY_F(n - 11);	/* F6-F10 */
	if (n == 23 || n == 24)
		return KEY_F(n - 12);	/* F11, F12 */
	return 0;
}

/* The final letter of ESC [ ... X and ESC O X (xterm, with or without
 * modifier parameters: ESC [ 1 ; 5 H is Ctrl-Home, still Home). */
static int letter_key(unsigned char c)
{
	switch (c) {
	case 'A': return KEY_UP;
	case 'B': return KEY_DOWN;
	case 'C': return KEY_RIGHT;
	case 'D': return KEY_LEFT;
	case 'H': return KEY_HOME;
	case 'F': return KEY_END;
	case 'P': return KEY_F(1);
	case 'Q': return KEY_F(2);
	case 'R': return KEY_F(3);
	case 'S': return KEY_F(4);
	case 'Z': return KEY_BTAB;
	default: return 0;
	}
}

static enum keyseq_result found(int k, size_t len, int *key, size_t *used)
{
	*used = len;
	if (k == 0)
		return KEYSEQ_UNKNOWN;
	*key = UI_KEY_FN(k);
	return KEYSEQ_KEY;
}

/* S[0] is '[': the parameters, then one final byte. */
static enum keyseq_result csi(const unsigned char *s, size_t n, int *key, size_t *used)
{
	if (n < 2)
		return KEYSEQ_MORE;
	if (s[1] == '[') {		/* Linux console F1-F5: ESC [ [ A..E */
		if (n < 3)
			return KEYSEQ_MORE;
		return found(s[2] >= 'A' && s[2] <= 'E' ? KEY_F(s[2] - 'A' + 1) : 0, 3, key, used);
	}
	int first = -1, private = 0, more = 0;	/* more: past the first parameter */
	size_t i = 1;
	for (; i < n && s[i] >= 0x30 && s[i] <= 0x3f; i++) {
		if (s[i] >= '0' && s[i] <= '9' && !more) {
			if (first < 0)
				first = 0;
			if (first < 1000)
				first = first * 10 + (s[i] - '0');
		} else if (s[i] == ';') {
			if (first < 0)
				first = 1;	/* an empty first parameter is 1 */
			more = 1;
		} else if (s[i] == '<' || s[i] == '=' || s[i] == '>' || s[i] == '?') {
			private = 1;
		}
	}
	if (i >= n)
		return n >= SEQ_MAX ? found(0, n, key, used) : KEYSEQ_MORE;
	unsigned char f = s[i];
	if (f == '$' && first >= 0)	/* rxvt Shift: ESC [ 7 $ */
		return found(private ? 0 : vt220_key(first), i + 1, key, used);
	while (i < n && s[i] >= 0x20 && s[i] <= 0x2f)	/* intermediate bytes */
		i++;
	if (i >= n)
		return n >= SEQ_MAX ? found(0, n, key, used) : KEYSEQ_MORE;
	f = s[i];
	if (f < 0x40 || f > 0x7e)	/* not a sequence after all: drop what was read */
		return found(0, i, key, used);
	if (private)
		return found(0, i + 1, key, used);
	if (f == '~' || f == '^' || f == '@')
		return found(first >= 0 ? vt220_key(first) : 0, i + 1, key, used);
	return found(letter_key(f), i + 1, key, used);
}

/* S[0] is 'O': one more byte (application cursor and keypad mode). */
static enum keyseq_result ss3(const unsigned char *s, size_t n, int *key, size_t *used)
{
	if (n < 2)
		return KEYSEQ_MORE;
	size_t i = 1;
	while (i < n && s[i] >= '0' && s[i] <= '9')	/* old xterm: ESC O 5 P */
		i++;
	if (i >= n)
		return KEYSEQ_MORE;
	unsigned char f = s[i];
	if (f == 'M')
		return found(KEY_ENTER, i + 1, key, used);
	if (f >= 'j' && f <= 'y') {	/* the keypad's characters: * + , - . / 0-9 */
		*used = i + 1;
		*key = "*+,-./0123456789"[f - 'j'];
		return KEYSEQ_KEY;
	}
	return found(letter_key(f), i + 1, key, used);
}

enum keyseq_result ui_keyseq_decode(const unsigned char *s, size_t n, int *key, size_t *used)
{
	*used = 0;
	if (n == 0)
		return KEYSEQ_MORE;
	switch (s[0]) {
	case '[':
		return csi(s, n, key, used);
	case 'O':
		return ss3(s, n, key, used);
	case '\r':
	case '\n':			/* Alt-Enter: a line break where one is allowed */
		*used = 1;
		*key = '\n';
		return KEYSEQ_KEY;
	default:
		return KEYSEQ_NOT;
	}
}

int ui_keys_escdelay(const char *env)
{
	if (env != NULL && env[0] != '\0') {
		char *end;
		long v = strtol(env, &end, 10);
		if (*end == '\0' && v >= 0 && v <= 10000)
			return (int)v;
	}
	return 50;
}

int ui_keys_normal(int k)
{
	switch (k) {
	case KEY_FIND: case KEY_A1: return KEY_HOME;	/* VT220 Find (ESC [ 1 ~), keypad 7 */
	case KEY_SELECT: case KEY_C1: return KEY_END;	/* VT220 Select (ESC [ 4 ~), keypad 1 */
	case KEY_A3: return KEY_PPAGE;
	case KEY_C3: return KEY_NPAGE;
	default: return k;
	}
}

int ui_keys_by_name(const char *name)
{
	/* ncurses' names of xterm's keys with modifiers: kEND5 is Ctrl-End */
	static const struct {
		const char *prefix;
		int key;
	} names[] = {
		{ "kHOM", KEY_HOME }, { "kEND", KEY_END }, { "kDC", KEY_DC }, { "kIC", KEY_IC },
		{ "kUP", KEY_UP }, { "kDN", KEY_DOWN }, { "kLFT", KEY_LEFT }, { "kRIT", KEY_RIGHT },
		{ "kNXT", KEY_NPAGE }, { "kPRV", KEY_PPAGE },
	};
	if (name == NULL)
		return 0;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		size_t n = strlen(names[i].prefix);
		if (strncmp(name, names[i].prefix, n) == 0 &&
		    (name[n] == '\0' || (name[n] >= '2' && name[n] <= '8' && name[n + 1] == '\0')))
			return names[i].key;
	}
	return 0;
}

int ui_cpr_parse(const char *s, size_t n, int *row, int *col)
{
	/* ESC [ row ; col R, perhaps after other input */
	for (size_t i = 0; i + 1 < n; i++) {
		if (s[i] != 27 || s[i + 1] != '[')
			continue;
		int r = 0, c = 0, *v = &r, digits = 0;
		size_t j = i + 2;
		for (; j < n; j++) {
			if (s[j] >= '0' && s[j] <= '9' && *v < 10000) {
				*v = *v * 10 + (s[j] - '0');
				digits++;
			} else if (s[j] == ';' && v == &r && digits > 0) {
				v = &c;
				digits = 0;
			} else {
				break;
			}
		}
		if (j < n && s[j] == 'R' && v == &c && digits > 0) {
			*row = r;
			*col = c;
			return 0;
		}
	}
	return -1;
}
