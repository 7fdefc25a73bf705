/* catalog_snapshot.h - the loaded catalog and form as one binary image
 * under $XDG_CACHE_HOME/iotscope, so that a start whose files have not
 * changed parses no XML (issue 11).  Internal to the model layer. */
#ifndef IOTSCOPE_CATALOG_SNAPSHOT_H
#define IOTSCOPE_CATALOG_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "form.h"

/* Bump when a struct of catalog.h or form.h, or a walk of
 * catalog_snapshot.c, or what the loader computes into them changes: an
 * image of another version is ignored. */
enum { SNAPSHOT_VERSION = 4 };

/* The catalog in DIR from its snapshot, when there is one whose content
 * hash is the hash of DIR's files as they are now; NULL otherwise, with
 * nothing said (the caller parses). */
struct catalog *catalog_snapshot_load(const char *dir);
/* Write C's snapshot (PARTS: the part files catalog.xml names, in its
 * order).  Best effort: a cache that cannot be written is no error. */
void catalog_snapshot_save(const struct catalog *c, const char *const *parts, size_t nparts);

/* The form in DIR (form.xsd, fig16.xml) from its snapshot, made against
 * CAT's content; NULL otherwise.  HASH: the hash of DIR's form files. */
struct form *form_snapshot_load(const char *dir, const struct catalog *cat, uint64_t hash);
void form_snapshot_save(const struct form *f, const char *dir, const struct catalog *cat,
			uint64_t hash);

/* The file the snapshot of kind KIND ("catalog", "form") for DIR lives
 * in; NULL when there is no cache directory (CREATE: make it). */
char *snapshot_path(const char *kind, const char *dir, int create);

/* In memory, for the tests: encode C (a malloc'd file image: header and
 * body) and decode such an image (NULL when it is not a sound one; its
 * derivation plan is left for catalog.c to build, as on a load). */
void *catalog_snapshot_encode(const struct catalog *c, const char *const *parts,
			      size_t nparts, size_t *len);
struct catalog *catalog_snapshot_decode(const void *buf, size_t len);
/* Recompute the checksum of an image (tests forge damaged ones with it). */
void snapshot_reseal(void *buf, size_t len);

#endif
