/* i18n.c - choosing the language of the messages at run time (--lang),
 * the way GNU gettext documents it: LANGUAGE names the catalogs to try,
 * and _nl_msg_cat_cntr is bumped so that translations already looked up
 * are looked up again ("Being a gettext grok", gettext manual 11.2.2). */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"

extern int _nl_msg_cat_cntr;

/* The languages there are messages for: English (the sources' own) and
 * what po/LINGUAS lists. */
static const char *const languages[] = { "en", "ja" };

int i18n_language_known(const char *lang)
{
	for (size_t i = 0; i < sizeof languages / sizeof languages[0]; i++)
		if (lang != NULL && strcmp(lang, languages[i]) == 0)
			return 1;
	return 0;
}

int i18n_use_language(const char *lang)
{
	if (!i18n_language_known(lang) || setenv("LANGUAGE", lang, 1) != 0)
		return -1;
	/* gettext ignores LANGUAGE in the "C" locale; C.UTF-8 is not "C" */
	const char *cur = setlocale(LC_MESSAGES, NULL);
	if (cur == NULL || strcmp(cur, "C") == 0 || strcmp(cur, "POSIX") == 0)
		if (setlocale(LC_MESSAGES, "C.UTF-8") == NULL)
			return -1;
	/* the messages in UTF-8 whatever LC_CTYPE says: the files are UTF-8 */
	if (bind_textdomain_codeset(PACKAGE, "UTF-8") == NULL)
		return -1;
	++_nl_msg_cat_cntr;
	return 0;
}
