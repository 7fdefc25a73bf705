/* ui_extedit.c - a note in the user's own editor, as mutt, git and tig
 * do: $VISUAL, else $EDITOR, else editor(1) or vi, on a temporary file
 * made by mkstemp (0600, in $TMPDIR or /tmp) and removed afterwards; the
 * terminal is handed over with def_prog_mode/endwin and taken back with
 * reset_prog_mode; ^C in the editor is the editor's, not ours. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "diag.h"
#include "i18n.h"
#include "ui.h"
#include "ui_curses.h"

static const char *editor_command(void)
{
	const char *names[] = { "VISUAL", "EDITOR" };
	for (int i = 0; i < 2; i++) {
		const char *v = getenv(names[i]);
		if (v != NULL && v[0] != '\0')
			return v;
	}
	return access("/usr/bin/editor", X_OK) == 0 ? "/usr/bin/editor" : "vi";
}

/* TEXT into the open file FD, which is closed; 0 when all of it is there. */
static int write_text(int fd, const char *text, size_t n)
{
	FILE *f = fdopen(fd, "w");
	if (f == NULL) {
		close(fd);
		return -1;
	}
	int ok = fwrite(text, 1, n, f) == n;
	ok &= fclose(f) == 0;
	return ok ? 0 : -1;
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	while (buf != NULL) {
		if (n + 1 >= cap) {
			char *b = cap < (1u << 24) ? realloc(buf, cap *= 2) : NULL;
			if (b == NULL) {	/* over 16 MB is no note */
				free(buf);
				buf = NULL;
				break;
			}
			buf = b;
		}
		size_t r = fread(buf + n, 1, cap - n - 1, f);
		n += r;
		if (r == 0) {
			if (ferror(f)) {
				free(buf);
				buf = NULL;
			}
			break;
		}
	}
	fclose(f);
	if (buf != NULL)
		buf[n] = '\0';
	return buf;
}

/* Run the editor on PATH with the terminal handed over; its exit status. */
static int run_editor(const char *path)
{
	struct sigaction ign, old_int, old_quit;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	def_prog_mode();
	endwin();
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		char *cmd = str_printf("%s \"$1\"", editor_command());
		if (cmd != NULL)
			execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
		_exit(127);
	}
	int status = -1;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	if (pid < 0)
		return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

char *ui_extedit(const char *text, struct diag *d)
{
	const char *tmpdir = getenv("TMPDIR");
	char *path = str_printf("%s/iotscope-note-XXXXXX",
				tmpdir != NULL && tmpdir[0] == '/' ? tmpdir : "/tmp");
	if (path == NULL) {
		diag_set(d, "%s", _("out of memory"));
		return NULL;
	}
	int fd = mkstemp(path);		/* 0600, a name no one else has */
	if (fd < 0) {
		diag_set(d, _("cannot create a temporary file %s: %s"), path, strerror(errno));
		free(path);
		return NULL;
	}
	size_t n = strlen(text);
	int ok = write_text(fd, text, n) == 0;
	int rc = ok ? run_editor(path) : -1;
	char *out = ok && rc == 0 ? read_all(path) : NULL;
	if (!ok)
		diag_set(d, _("cannot write the temporary file %s: %s"), path, strerror(errno));
	else if (rc != 0)
		diag_set(d, _("the editor (%s) ended with status %d; the note is unchanged"),
			 editor_command(), rc);
	else if (out == NULL)
		diag_set(d, _("cannot read the temporary file %s back"), path);
	unlink(path);
	free(path);
	/* editors end the last line with a newline: not part of the note
	 * unless the note had one */
	size_t m = out ? strlen(out) : 0;
	if (m > 0 && out[m - 1] == '\n' && (n == 0 || text[n - 1] != '\n'))
		out[m - 1] = '\0';
	return out;
}
