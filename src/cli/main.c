/* main.c - iotscope: the MIC cloud guideline's IoT part as a workbench */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "i18n.h"
#include "paths.h"
#include "text_width.h"
#include "xmlsafe.h"

static void version(void)
{
	printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
}

/* Output that could not be written is an error, even for --help. */
static int finish(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "iotscope: %s\n", _("error writing standard output"));
		return EXIT_BAD_INPUT;
	}
	return rc;
}

/* Run from the build tree (not installed): this very program, so its
 * catalog and translations are those of the tree it was built from. */
static int in_build_tree(void)
{
#ifdef BUILD_PROGRAM
	char *self = realpath("/proc/self/exe", NULL);
	char *built = realpath(BUILD_PROGRAM, NULL);
	int same = self != NULL && built != NULL && strcmp(self, built) == 0;
	free(self);
	free(built);
	return same;
#else
	return 0;
#endif
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	int uninstalled = in_build_tree();
#ifdef BUILD_PROGRAM
	bindtextdomain(PACKAGE, uninstalled ? BUILD_LOCALEDIR : LOCALEDIR);
#else
	bindtextdomain(PACKAGE, LOCALEDIR);
#endif
	textdomain(PACKAGE);
	xmlsafe_init();

	static const struct option opts[] = {
		{ "catalog", required_argument, NULL, 'c' },
		{ "db", required_argument, NULL, 'd' },
		{ "assessor", required_argument, NULL, 'a' },
		{ "ambiwidth", required_argument, NULL, 'W' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct app app = { .workbench = ui_run };
	const char *catalog = NULL;
	int help = 0;
	int c;
	/* "+": options after the command belong to the command */
	while ((c = getopt_long(argc, argv, "+c:d:a:hV", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			catalog = optarg;
			break;
		case 'd':
			if (optarg[0] == '\0') {
				fprintf(stderr, "iotscope: %s\n", _("--db needs a file name"));
				cli_usage(stderr, NULL);
				free(app.db_path);
				return EXIT_USAGE;
			}
			free(app.db_path);
			app.db_path = strdup(optarg);
			break;
		case 'a':
			app.assessor = optarg;
			break;
		case 'W':
			if (text_ambiwidth_setting(optarg, NULL) < 0) {
				fprintf(stderr, "iotscope: %s\n",
					_("--ambiwidth takes 1, 2 or auto (how wide the terminal "
					  "draws ○ × ─: one column, two, or ask it)"));
				free(app.db_path);
				return EXIT_USAGE;
			}
			app.ambiwidth = optarg;
			break;
		case 'h':		/* once the catalog is known: it names the checklists */
			help = 1;
			break;
		case 'V':
			version();
			free(app.db_path);
			return finish(EXIT_OK);
		default:
			cli_usage(stderr, NULL);
			free(app.db_path);
			return EXIT_USAGE;
		}
	}
#ifdef BUILD_PROGRAM
	const char *env = getenv("IOTSCOPE_DATADIR");
	if (catalog == NULL && (env == NULL || env[0] == '\0') && uninstalled)
		catalog = BUILD_SRCDIR "/catalog";
#endif
	app.catalog_dir = paths_catalog_dir(catalog);
	app.forms_dir = app.catalog_dir ? paths_forms_dir(app.catalog_dir) : NULL;
	if (app.catalog_dir == NULL || app.forms_dir == NULL) {
		fprintf(stderr, "iotscope: %s\n", _("out of memory"));
		app_free(&app);
		return EXIT_BAD_INPUT;
	}
	int rc;
	if (help) {
		char *cmd[] = { (char *)"help", NULL };
		rc = cli_run(&app, 1, cmd);
	} else if (optind >= argc) {
		char *workbench[] = { (char *)"workbench", NULL };
		rc = cli_run(&app, 1, workbench);
	} else {
		rc = cli_run(&app, argc - optind, argv + optind);
	}
	app_free(&app);
	return finish(rc);
}
