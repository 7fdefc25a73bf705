/* fuzz.h - what the fuzz targets share (reliability.md, "Fuzzing and
 * sanitizers"; tmux and libxml2 do the same).  Each tests/fuzz/fuzz_*.c
 * defines the two libFuzzer entry points below.  With --enable-fuzzing
 * they are linked with libFuzzer (clang); always, replay.c calls them on
 * every file of a corpus, so `make check` replays it with any compiler. */
#ifndef IOTSCOPE_FUZZ_H
#define IOTSCOPE_FUZZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "catalog.h"
#include "form.h"
#include "xmlsafe.h"

/* Called once before the first input (libFuzzer: if defined). */
int LLVMFuzzerInitialize(int *argc, char ***argv);
/* One input: must free all it allocates; a broken promise aborts. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* What each target calls its input in messages. */
#define FUZZ_NAME "fuzz-input.xml"

static struct catalog *fuzz_catalog;
static struct form *fuzz_form;

static inline void fuzz_unload(void)
{
	form_free(fuzz_form);
	catalog_free(fuzz_catalog);
	fuzz_form = NULL;
	fuzz_catalog = NULL;
}

/* The catalog and form of the source tree ($IOTSCOPE_SRCDIR overrides
 * the one compiled in), loaded once; exits when they cannot be. */
static inline void fuzz_load(void)
{
	const char *src = getenv("IOTSCOPE_SRCDIR");
	struct diag d = DIAG_INIT;
	char *cat = str_printf("%s/catalog", src ? src : SRCDIR);
	char *forms = str_printf("%s/forms", src ? src : SRCDIR);
	xmlsafe_init();
	if (cat != NULL && forms != NULL && (fuzz_catalog = catalog_load(cat, &d)) != NULL)
		fuzz_form = form_load(forms, fuzz_catalog, &d);
	if (fuzz_form == NULL) {
		fprintf(stderr, "fuzz set-up: %s\n", diag_msg(&d));
		exit(1);
	}
	diag_clear(&d);
	free(cat);
	free(forms);
	atexit(fuzz_unload);
}

/* A promise of the code under test was broken: say which, and crash so
 * libFuzzer keeps the input (and replay fails). */
static inline void fuzz_fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	abort();
}

/* With FUZZ_VERBOSE set (replay), what became of the input. */
static inline void fuzz_outcome(const struct diag *d)
{
	if (getenv("FUZZ_VERBOSE") != NULL)
		fprintf(stderr, "  -> %s\n", d->msg ? d->msg : "accepted");
}

#endif
