/* cli_app.c - what every command shares: the core loaded once (app_core),
 * text shown safely, error lines.  The lowest file of the command line:
 * cli.c dispatches to the command files, and they call down to this one,
 * never back into cli.c (issue 9: the import circles; `make layers`). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "text.h"

static char *shown_slot[CLI_SHOWN_SLOTS];

const char *cli_shown(const char *s)
{
	static unsigned next;
	if (s == NULL)
		return "";
	char **p = &shown_slot[next++ % CLI_SHOWN_SLOTS];
	free(*p);
	*p = text_escape(s, 0);
	return *p != NULL ? *p : "?";
}

void cli_print_error(const char *cmd, const char *msg)
{
	fprintf(stderr, "iotscope%s%s: %s\n", cmd ? " " : "", cmd ? cli_shown(cmd) : "",
		cli_shown(msg));
}

int app_core(struct app *a)
{
	if (a->cat != NULL)
		return 0;
	struct diag d = DIAG_INIT;
	a->cat = catalog_load_checked(a->catalog_dir, a->validate_catalog, &d);
	if (a->cat != NULL)
		a->form = form_load(a->forms_dir, a->cat, &d);
	if (a->form == NULL) {
		cli_print_error(NULL, diag_msg(&d));
		if (a->cat == NULL)	/* no catalog there: say how to give one */
			fprintf(stderr, _("iotscope: no catalog in %s; name it with --catalog DIR "
					  "(the catalog folder) or IOTSCOPE_DATADIR=DIR (the folder that "
					  "holds catalog/ and forms/)\n"), cli_shown(a->catalog_dir));
		diag_clear(&d);
		catalog_free(a->cat);
		a->cat = NULL;
		return -1;
	}
	return 0;
}

void app_free(struct app *a)
{
	form_free(a->form);
	catalog_free(a->cat);
	free(a->catalog_dir);
	free(a->forms_dir);
	free(a->db_path);
	memset(a, 0, sizeof *a);
	for (int i = 0; i < CLI_SHOWN_SLOTS; i++) {
		free(shown_slot[i]);
		shown_slot[i] = NULL;
	}
}
