/* fuzz_catalog.c - catalog_load() (src/model/catalog.h), the public loading
 * function, with one part of the real catalog replaced by the input.
 * The first byte picks the part (modulo the number of .xml files of the
 * catalog, in name order: tests/fuzz/README.md); the rest is its content.
 * A copy of the catalog is made once in a temporary directory; each input
 * is written over its part there, loaded, and the part put back.
 * Promises checked: a refusal says why; nothing leaks or crashes. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"

static char *dir;		/* the copy */
static struct part {
	char *path, *orig;
	size_t len;
} *parts;
static int nparts;

static int write_file(const char *path, const void *buf, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (f == NULL)
		return -1;
	size_t n = len ? fwrite(buf, 1, len, f) : 0;
	return (fclose(f) != 0 || n != len) ? -1 : 0;
}

static int is_xml(const struct dirent *e)
{
	size_t n = strlen(e->d_name);
	return n > 4 && strcmp(e->d_name + n - 4, ".xml") == 0;
}

static void cleanup(void)
{
	for (int i = 0; i < nparts; i++) {
		unlink(parts[i].path);
		free(parts[i].path);
		free(parts[i].orig);
	}
	free(parts);
	char *xsd = str_printf("%s/catalog.xsd", dir);
	if (xsd != NULL)
		unlink(xsd);
	free(xsd);
	rmdir(dir);
	free(dir);
}

/* Copy FILE of the source catalog SRC into the copy; its bytes in *P. */
static void copy_file(const char *src, const char *file, struct part *p)
{
	char *from = str_printf("%s/%s", src, file);
	struct diag d = DIAG_INIT;
	p->path = str_printf("%s/%s", dir, file);
	p->orig = from ? xmlsafe_slurp(from, XMLSAFE_MAX_BYTES, &p->len, &d) : NULL;
	if (p->orig == NULL || p->path == NULL || write_file(p->path, p->orig, p->len) < 0) {
		fprintf(stderr, "fuzz set-up: %s: %s\n", file, d.msg ? d.msg : strerror(errno));
		exit(1);
	}
	free(from);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	xmlsafe_init();
	const char *root = getenv("IOTSCOPE_SRCDIR");
	char *src = str_printf("%s/catalog", root ? root : SRCDIR);
	const char *tmp = getenv("TMPDIR");
	dir = str_printf("%s/iotscope-fuzz-catalog-XXXXXX", tmp ? tmp : "/tmp");
	struct dirent **names = NULL;
	int n = src ? scandir(src, &names, is_xml, alphasort) : -1;
	if (dir == NULL || mkdtemp(dir) == NULL || n <= 0 ||
	    (parts = calloc((size_t)n, sizeof *parts)) == NULL) {
		fprintf(stderr, "fuzz set-up: %s: %s\n", src ? src : "", strerror(errno));
		exit(1);
	}
	struct part xsd;
	copy_file(src, "catalog.xsd", &xsd);
	free(xsd.path);
	free(xsd.orig);
	for (int i = 0; i < n; i++) {
		copy_file(src, names[i]->d_name, &parts[i]);
		free(names[i]);
	}
	nparts = n;
	free(names);
	free(src);
	atexit(cleanup);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	struct part *p = &parts[data[0] % nparts];
	if (write_file(p->path, data + 1, size - 1) < 0)
		fuzz_fail("cannot write the part", p->path);
	struct diag d = DIAG_INIT;
	struct catalog *c = catalog_load(dir, &d);
	if (c == NULL && d.msg == NULL)
		fuzz_fail("catalog_load refused the input without a message", NULL);
	catalog_free(c);
	if (write_file(p->path, p->orig, p->len) < 0)
		fuzz_fail("cannot put the part back", p->path);
	fuzz_outcome(&d);
	diag_clear(&d);
	return 0;
}
