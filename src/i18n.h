/* i18n.h - how gettext is used: _() for strings, N_() in static tables */
#ifndef IOTSCOPE_I18N_H
#define IOTSCOPE_I18N_H

#include <libintl.h>

#define _(s) gettext(s)
#define N_(s) (s)

#endif
