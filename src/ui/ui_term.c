/* ui_term.c - the terminal: refuse what cannot carry a full screen,
 * start and stop curses, and the signals (reliability.md, ncurses):
 * newterm rather than initscr, our own check for cursor addressing,
 * handlers that only set a flag. */
#include "config.h"

#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "i18n.h"
#include "ui.h"
#include "ui_curses.h"
#include "ui_draw.h"
#include "ui_keys.h"
#include <term.h>		/* setupterm, here only: its macros stay in this file */

static SCREEN *screen;
static int escdelay_ms = 50;
static volatile sig_atomic_t caught;

static const int handled[] = { SIGINT, SIGTERM, SIGHUP };
static struct sigaction saved[3], saved_pipe;

static void on_signal(int sig)
{
	caught = sig;
}

void ui_signals_install(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < 3; i++)
		sigaction(handled[i], &sa, &saved[i]);
	sa.sa_handler = SIG_IGN;
	sigaction(SIGPIPE, &sa, &saved_pipe);
}

void ui_signals_restore(void)
{
	for (int i = 0; i < 3; i++)
		sigaction(handled[i], &saved[i], NULL);
	sigaction(SIGPIPE, &saved_pipe, NULL);
}

int ui_signal_caught(void)
{
	return caught;
}

static void refuse(const char *why)
{
	fprintf(stderr, "iotscope: %s\n%s\n", why,
		_("The workbench needs a terminal with cursor addressing. Everything it does "
		  "is also a command: iotscope list, new, show, set, derive, review, check, "
		  "export (see 'iotscope --help')."));
}

/* The catalog is Japanese: the screen needs an UTF-8 locale. */
static int utf8_locale(void)
{
	const char *cs = nl_langinfo(CODESET);
	if (cs != NULL && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0))
		return 1;
	return setlocale(LC_CTYPE, "C.UTF-8") != NULL;
}

/* Look the terminal up before curses starts (newterm leaks what it set
 * up when it fails): known, and able to move the cursor ("cup";
 * TERM=dumb and the like cannot). */
static int term_unusable(const char *term)
{
	int err = 0;
	if (setupterm(term, STDOUT_FILENO, &err) != OK) {
		char *why = str_printf(_("unknown terminal type TERM=%s"), term);
		refuse(why ? why : _("unknown terminal type"));
		free(why);
		return 1;
	}
	const char *cup = tigetstr("cup");
	int unusable = cup == NULL || cup == (char *)-1;
	del_curterm(cur_term);
	if (unusable)
		refuse(_("this terminal cannot move the cursor (no \"cup\" capability)"));
	return unusable;
}

int ui_term_refuse(void)
{
	const char *term = getenv("TERM");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		refuse(_("standard input and output are not a terminal"));
		return 1;
	}
	if (term == NULL || term[0] == '\0') {
		refuse(_("TERM is not set"));
		return 1;
	}
	if (strcmp(term, "dumb") == 0) {
		refuse(_("TERM=dumb cannot move the cursor"));
		return 1;
	}
	if (!utf8_locale()) {
		refuse(_("no UTF-8 locale: set LANG, e.g. LANG=C.UTF-8"));
		return 1;
	}
	return term_unusable(term);
}

int ui_term_start(void)
{
	screen = newterm(NULL, stdout, stdin);
	if (screen == NULL) {
		char *why = str_printf(_("unknown terminal type TERM=%s"), getenv("TERM"));
		refuse(why ? why : _("unknown terminal type"));
		free(why);
		return -1;
	}
	set_term(screen);
	const char *cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		ui_term_stop();
		refuse(_("this terminal cannot move the cursor (no \"cup\" capability)"));
		return -1;
	}
	cbreak();			/* ^C still sends SIGINT: the flag ends the loop */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	/* a lone Esc is told from a sequence by time only: ESCDELAY as
	 * ncurses and vim (ttimeoutlen) do, the user's when set */
	escdelay_ms = ui_keys_escdelay(getenv("ESCDELAY"));
	set_escdelay(escdelay_ms);
	curs_set(0);
	timeout(UI_TICK_MS);		/* the loop looks at the signal flag 5 times a second */
	ui_theme_init();
	return 0;
}

/* Print ○ (U+25CB, ambiguous) at the start of the line, ask where the
 * cursor is (DSR 6) and read the report for up to 300 ms in raw mode;
 * column 3 means two columns.  The line is cleared afterwards. */
int ui_term_probe_ambiwidth(void)
{
	struct termios old, raw;
	if (tcgetattr(STDIN_FILENO, &old) != 0)
		return 1;
	raw = old;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0)
		return 1;
	static const char ask[] = "\r\xe2\x97\x8b\033[6n";
	int width = 1;
	if (write(STDOUT_FILENO, ask, sizeof ask - 1) == (ssize_t)(sizeof ask - 1)) {
		char buf[64];
		size_t n = 0;
		int row, col;
		struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
		while (n < sizeof buf && poll(&p, 1, 300) > 0) {
			ssize_t r = read(STDIN_FILENO, buf + n, sizeof buf - n);
			if (r <= 0)
				break;
			n += (size_t)r;
			if (ui_cpr_parse(buf, n, &row, &col) == 0) {
				width = col >= 3 ? 2 : 1;
				break;
			}
		}
	}
	static const char wipe[] = "\r   \r";
	if (write(STDOUT_FILENO, wipe, sizeof wipe - 1) < 0)
		width = 1;		/* nothing more to do: curses redraws it all */
	tcsetattr(STDIN_FILENO, TCSANOW, &old);
	return width;
}

int ui_term_escdelay(void)
{
	return escdelay_ms;
}

void ui_term_stop(void)
{
	if (screen == NULL)
		return;
	curs_set(1);
	endwin();
	delscreen(screen);
	screen = NULL;
}

/* Input closed (the terminal went away): getch would return ERR at
 * once for ever, so the loop must stop. */
int ui_input_gone(void)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };
	if (poll(&p, 1, 0) < 0)
		return 0;
	return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}
