/* ui_path.c - typed file names (ui_path.h) */
#include "config.h"

#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "export.h"
#include "ui_path.h"

/* The home of USER (LEN bytes; the current user when LEN is 0). */
static const char *home_of(const char *user, size_t len)
{
	struct passwd *pw;
	if (len == 0) {
		pw = getpwuid(getuid());
	} else {
		char *name = strndup(user, len);
		if (name == NULL)
			return NULL;
		pw = getpwnam(name);
		free(name);
	}
	return pw != NULL ? pw->pw_dir : NULL;
}

char *ui_path_expand(const char *text, const char *home)
{
	if (text[0] != '~')
		return strdup(text);
	size_t ulen = strcspn(text + 1, "/");
	const char *dir = ulen == 0 && home != NULL && home[0] != '\0' ? home :
		home_of(text + 1, ulen);
	if (dir == NULL)		/* no such user: as typed, as the shell does */
		return strdup(text);
	return str_printf("%s%s", dir, text + 1 + ulen);
}

char *ui_path_follow_format(const char *path, const char *ext)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	if (dot == NULL || dot == base)
		return strdup(path);
	if (export_format_of_ext(dot + 1) >= 0)	/* one of ours (export_formats.c) */
		return str_printf("%.*s.%s", (int)(dot - path), path, ext);
	return strdup(path);
}
