/* paths.h - where iotscope finds its data and keeps its database */
#ifndef IOTSCOPE_PATHS_H
#define IOTSCOPE_PATHS_H

#include "diag.h"

/* The catalog directory: OVERRIDE if given, else $IOTSCOPE_DATADIR/catalog,
 * else the installed $(pkgdatadir)/catalog.  malloc'd. */
char *paths_catalog_dir(const char *override);
/* The directory part of PATH ("." for a bare name); malloc'd. */
char *paths_dir_of(const char *path);
/* PATH with its directory resolved (realpath: links, "..", "./") and its
 * last part kept as given, so that two spellings of one place compare
 * equal even when the file does not exist yet; malloc'd, NULL when the
 * directory cannot be resolved. */
char *paths_canonical(const char *path);
/* The forms directory beside a catalog directory (DIR/../forms). */
char *paths_forms_dir(const char *catalog_dir);
/* The examples directory beside a catalog directory. */
char *paths_examples_dir(const char *catalog_dir);
/* $XDG_DATA_HOME/iotscope/iotscope.db (or ~/.local/share/...); the
 * directory is created 0700.  NULL with d set. */
char *paths_default_db(struct diag *d);

#endif
