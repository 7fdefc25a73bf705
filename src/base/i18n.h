/* i18n.h - how gettext is used: _() for strings, N_() in static tables */
#ifndef IOTSCOPE_I18N_H
#define IOTSCOPE_I18N_H

#include <libintl.h>

/* gettext("") would return the catalog header: an empty string stays empty.
 * format_arg keeps printf(_("%zu ..."), n) checked, as with gettext. */
static inline __attribute__((format_arg(1))) char *i18n_gettext(const char *s)
{
	return s[0] != '\0' ? gettext(s) : (char *)s;
}
#define _(s) i18n_gettext(s)
#define N_(s) (s)

/* Is LANG ("en", "ja") a language there are messages for? */
int i18n_language_known(const char *lang);
/* The messages in LANG from now on, whatever the locale says (--lang);
 * -1 when LANG is not known or the C library refuses. */
int i18n_use_language(const char *lang);

#endif
