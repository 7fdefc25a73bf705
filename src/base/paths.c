/* paths.c - where iotscope finds its data and keeps its database */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "paths.h"

char *paths_catalog_dir(const char *override)
{
	if (override != NULL)
		return strdup(override);
	const char *env = getenv("IOTSCOPE_DATADIR");
	if (env != NULL && env[0] != '\0')
		return str_printf("%s/catalog", env);
	return strdup(PKGDATADIR "/catalog");
}

char *paths_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (slash == NULL)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

char *paths_canonical(const char *path)
{
	char *dir = paths_dir_of(path);
	char *real = dir ? realpath(dir, NULL) : NULL;
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	char *c = real ? str_printf("%s%s%s", real, strcmp(real, "/") ? "/" : "", base) : NULL;
	free(dir);
	free(real);
	return c;
}

static char *sibling(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	while (n > 1 && dir[n - 1] == '/')
		n--;
	const char *slash = memrchr(dir, '/', n);
	if (slash == NULL)
		return strdup(name);
	return str_printf("%.*s/%s", (int)(slash - dir), dir, name);
}

char *paths_forms_dir(const char *catalog_dir)
{
	return sibling(catalog_dir, "forms");
}

char *paths_examples_dir(const char *catalog_dir)
{
	return sibling(catalog_dir, "examples");
}

/* mkdir -p with mode 0700 for the parts it creates */
static int make_dirs(char *path, struct diag *d)
{
	for (char *p = path + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			diag_set(d, "%s: cannot create directory: %s", path, strerror(errno));
			*p = c;
			return -1;
		}
		*p = c;
		if (c == '\0')
			return 0;
	}
}

char *paths_default_db(struct diag *d)
{
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	char *dir;
	if (xdg != NULL && xdg[0] == '/')
		dir = str_printf("%s/iotscope", xdg);
	else if (home != NULL && home[0] != '\0')
		dir = str_printf("%s/.local/share/iotscope", home);
	else {
		diag_set(d, "neither XDG_DATA_HOME nor HOME is set: give --db PATH");
		return NULL;
	}
	if (dir == NULL || make_dirs(dir, d) < 0) {
		if (dir == NULL)
			diag_set(d, "out of memory");
		free(dir);
		return NULL;
	}
	char *db = str_printf("%s/iotscope.db", dir);
	free(dir);
	if (db == NULL)
		diag_set(d, "out of memory");
	return db;
}
