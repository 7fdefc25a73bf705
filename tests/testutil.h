/* testutil.h - shared set-up for the cmocka suites: the catalog and form
 * of the source tree, loaded once per suite, and scratch directories. */
#ifndef IOTSCOPE_TESTUTIL_H
#define IOTSCOPE_TESTUTIL_H

#include <locale.h>
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "catalog.h"
#include "form.h"
#include "survey.h"
#include "xmlsafe.h"

static struct catalog *tu_catalog;
static struct form *tu_form;

/* Path under the source tree; malloc'd. */
static inline char *tu_src(const char *rel)
{
	return str_printf("%s/%s", SRCDIR, rel);
}

static inline int tu_load(void **state)
{
	(void)state;
	xmlsafe_init();
	struct diag d = DIAG_INIT;
	char *cat = tu_src("catalog"), *forms = tu_src("forms");
	tu_catalog = catalog_load(cat, &d);
	if (tu_catalog != NULL)
		tu_form = form_load(forms, tu_catalog, &d);
	if (tu_form == NULL)
		fprintf(stderr, "test set-up: %s\n", diag_msg(&d));
	diag_clear(&d);
	free(cat);
	free(forms);
	return tu_form == NULL ? -1 : 0;
}

static inline int tu_unload(void **state)
{
	(void)state;
	form_free(tu_form);
	catalog_free(tu_catalog);
	tu_form = NULL;
	tu_catalog = NULL;
	return 0;
}

/* The UTF-8 locale the display-width tests need; -1 (and why, on
 * stderr) when the system has none: the suite then skips (77). */
static inline int tu_utf8_locale(const char *prog)
{
	if (setlocale(LC_ALL, "C.UTF-8") != NULL)
		return 0;
	fprintf(stderr, "%s: needs the C.UTF-8 locale\n", prog);
	return -1;
}

/* The survey of examples/NAME.xml ("case5", "fig20"), read against
 * tu_form; the test fails with the loader's file:line message when it
 * does not load.  The one copy for every suite (issue 9). */
static inline struct survey *tu_example(const char *name)
{
	char *rel = str_printf("examples/%s.xml", name);
	char *path = rel ? tu_src(rel) : NULL;
	assert_non_null(path);
	struct diag d = DIAG_INIT;
	struct survey *s = survey_load(tu_form, path, &d);
	if (s == NULL)
		fail_msg("%s", diag_msg(&d));
	diag_clear(&d);
	free(rel);
	free(path);
	return s;
}

/* A fresh empty directory under $TMPDIR (or /tmp); malloc'd. */
static inline char *tu_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	char *tmpl = str_printf("%s/iotscope-test-XXXXXX", base ? base : "/tmp");
	if (tmpl != NULL && mkdtemp(tmpl) == NULL) {
		free(tmpl);
		return NULL;
	}
	return tmpl;
}

/* The whole file, NUL-terminated, its length in *LEN (LEN may be NULL);
 * NULL when it cannot be opened (it does not exist).  malloc'd. */
static inline char *tu_slurp(const char *path, size_t *len)
{
	if (len != NULL)
		*len = 0;
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	do {
		if (n + 65536 + 1 > cap) {
			char *b = realloc(buf, cap = (n + 65536 + 1) * 2);
			assert_non_null(b);
			buf = b;
		}
		got = fread(buf + n, 1, 65536, f);
		n += got;
	} while (got > 0);
	assert_false(ferror(f));
	fclose(f);
	buf[n] = '\0';
	if (len != NULL)
		*len = n;
	return buf;
}

/* Write LEN bytes to a file; 0 on success. */
static inline int tu_write(const char *path, const char *buf, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		return -1;
	size_t n = fwrite(buf, 1, len, f);
	return (fclose(f) != 0 || n != len) ? -1 : 0;
}

/* A scratch copy of the source tree's WHAT ("catalog", "forms"): its .xml
 * and .xsd files; malloc'd path, remove it with tu_remove_dir. */
static inline char *tu_copy_dir(const char *what)
{
	char *dir = tu_tmpdir();
	assert_non_null(dir);
	char *cmd = str_printf("cp %s/%s/*.xml %s/%s/*.xsd %s/", SRCDIR, what, SRCDIR, what, dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	return dir;
}

static inline char *tu_copy_catalog(void)
{
	return tu_copy_dir("catalog");
}

/* rm -rf DIR, and free the path. */
static inline void tu_remove_dir(char *dir)
{
	char *cmd = str_printf("rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	free(cmd);
	free(dir);
}

/* Replace the first FROM in DIR/FILE by TO (FROM must be there). */
static inline void tu_replace(const char *dir, const char *file, const char *from,
			      const char *to)
{
	char *path = str_printf("%s/%s", dir, file);
	size_t n;
	char *buf = tu_slurp(path, &n);
	assert_non_null(buf);
	char *at = strstr(buf, from);
	assert_non_null(at);
	char *out = str_printf("%.*s%s%s", (int)(at - buf), buf, to, at + strlen(from));
	assert_int_equal(tu_write(path, out, strlen(out)), 0);
	free(out);
	free(buf);
	free(path);
}

#endif
