/* bench_derive.c - how long loading the catalog and deriving take, in
 * process (figures printed, nothing asserted: see tests/bench_derive.sh). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "catalog.h"
#include "derive.h"
#include "form.h"
#include "survey.h"
#include "xmlsafe.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: bench_derive SRCDIR SURVEY\n");
		return 2;
	}
	xmlsafe_init();
	char *cat_dir = str_printf("%s/catalog", argv[1]);
	char *forms_dir = str_printf("%s/forms", argv[1]);
	struct diag d = DIAG_INIT;
	enum { LOADS = 20, DERIVES = 20000 };
	double t0 = now();
	struct catalog *c = NULL;
	struct form *f = NULL;
	for (int i = 0; i < LOADS; i++) {
		form_free(f);
		catalog_free(c);
		c = catalog_load(cat_dir, &d);
		f = c ? form_load(forms_dir, c, &d) : NULL;
		if (f == NULL) {
			fprintf(stderr, "%s\n", diag_msg(&d));
			return 1;
		}
	}
	double load = (now() - t0) / LOADS;
	struct survey *s = survey_load(f, argv[2], &d);
	if (s == NULL) {
		fprintf(stderr, "%s\n", diag_msg(&d));
		return 1;
	}
	t0 = now();
	size_t n = 0;
	for (int i = 0; i < DERIVES; i++) {
		struct derivation *dv = derive(c, s);
		if (dv == NULL)
			return 1;
		n = dv->nitems;
		derivation_free(dv);
	}
	double der = (now() - t0) / DERIVES;
	printf("catalog+form load and validate: %.2f ms (mean of %d)\n", load * 1e3, LOADS);
	printf("derive (%zu items): %.1f us (mean of %d)\n", n, der * 1e6, DERIVES);
	survey_free(s);
	form_free(f);
	catalog_free(c);
	free(cat_dir);
	free(forms_dir);
	return 0;
}
