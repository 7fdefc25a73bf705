/* cli_store.c - the store commands (placeholder until the store lands) */
#include "config.h"
#include <stdio.h>
#include "cli.h"
#include "i18n.h"

int cli_store_command(struct app *a, int argc, char **argv)
{
	(void)a;
	(void)argc;
	fprintf(stderr, "iotscope %s: %s\n", argv[0], _("not available in this build"));
	return EXIT_BAD_INPUT;
}
