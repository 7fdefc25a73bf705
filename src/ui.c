/* ui.c - the full-screen workbench (placeholder until the TUI lands) */
#include "config.h"
#include <stdio.h>
#include "cli.h"
#include "i18n.h"

int ui_run(struct app *a)
{
	(void)a;
	fprintf(stderr, "iotscope: %s\n",
		_("the full-screen workbench is not part of this build yet; "
		  "use the commands listed by 'iotscope --help'"));
	return EXIT_BAD_INPUT;
}
