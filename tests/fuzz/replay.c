/* replay.c - a main() without libFuzzer: feeds each file of a corpus to
 * the target's LLVMFuzzerTestOneInput, once, in name order, so the
 * corpus is a regression suite in `make check` (as libxml2 does).
 * Arguments: files or directories; none: the target's own corpus
 * (FUZZ_CORPUS).  Exit 0 when every input ran; a broken promise or a
 * sanitizer report ends it, naming the input. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* The whole file, in a buffer of exactly its size (so ASan sees any
 * read past the end); NULL with errno set. */
static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	uint8_t *buf = NULL;
	size_t n = 0;
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && (buf = malloc(st.st_size > 0 ? (size_t)st.st_size : 1)))
		n = fread(buf, 1, (size_t)st.st_size, f);
	int bad = buf == NULL || ferror(f) || n != (size_t)st.st_size;
	fclose(f);
	if (bad) {
		free(buf);
		errno = errno ? errno : EIO;
		return NULL;
	}
	*len = n;
	return buf;
}

static int replay_file(const char *path)
{
	size_t len = 0;
	errno = 0;
	uint8_t *buf = slurp(path, &len);
	if (buf == NULL) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

static int skip_name(const struct dirent *e)
{
	return e->d_name[0] != '.';
}

/* Every file of DIR in name order; the count in *n. */
static int replay_dir(const char *dir, size_t *n)
{
	struct dirent **names = NULL;
	int k = scandir(dir, &names, skip_name, alphasort);
	if (k < 0) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	int rc = 0;
	for (int i = 0; i < k; i++) {
		char *path = str_printf("%s/%s", dir, names[i]->d_name);
		if (path == NULL || replay_file(path) < 0)
			rc = -1;
		free(path);
		free(names[i]);
	}
	free(names);
	*n += (size_t)k;
	return rc;
}

static int replay_path(const char *path, size_t *n)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode))
		return replay_dir(path, n);
	(*n)++;
	return replay_file(path);
}

int main(int argc, char **argv)
{
	static char *fallback[] = { NULL, FUZZ_CORPUS, NULL };
	if (argc < 2) {
		fallback[0] = argv[0];
		argc = 2;
		argv = fallback;
	}
	LLVMFuzzerInitialize(&argc, &argv);
	size_t n = 0;
	int rc = 0;
	for (int i = 1; i < argc; i++)
		if (replay_path(argv[i], &n) < 0)
			rc = 1;
	if (n == 0) {
		fprintf(stderr, "replay: no inputs: a corpus that tests nothing\n");
		rc = 1;
	}
	printf("replay: %zu inputs, %s\n", n, rc == 0 ? "all ran" : "some could not be read");
	return rc;
}
