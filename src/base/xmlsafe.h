/* xmlsafe.h - reading XML we do not trust (reliability.md, libxml2 2.9.x):
 * size-capped, no network, no DTD, no external entities, no entity
 * expansion, validated against our own XSD, errors as file:line. */
#ifndef IOTSCOPE_XMLSAFE_H
#define IOTSCOPE_XMLSAFE_H

#include <stddef.h>
#include <libxml/tree.h>

#include "diag.h"

struct xschema;

/* What one kind of file may hold, checked by a linear scan of its bytes
 * before the parser sees them (xmlsafe_scan.c), so that every accepted
 * file parses in time linear in its size.  The figures, in xmlsafe.c,
 * are what our own files hold with a wide margin. */
struct xmlsafe_limits {
	const char *kind;	/* "survey file": what messages call it */
	size_t bytes;		/* the whole file */
	size_t text;		/* one run of text, one attribute value */
	unsigned long elements;
	unsigned depth;		/* elements open at once */
	unsigned attrs;		/* attributes (xmlns ones too) of one element */
};
/* Catalog parts, forms and schemas; Fig. 16 surveys; whole-assessment
 * exports (and every XML export, re-read before it is kept). */
extern const struct xmlsafe_limits xmlsafe_data_limits, xmlsafe_survey_limits,
	xmlsafe_assessment_limits;

/* The largest file any of them accepts. */
#define XMLSAFE_MAX_BYTES (4u * 1024u * 1024u)

/* Call once before any other function (installs the deny-all entity loader). */
void xmlsafe_init(void);

struct xschema *xschema_load(const char *path, struct diag *d);
void xschema_free(struct xschema *s);

/* Read and parse PATH; NULL with d set on any error (missing file, not a
 * regular file, beyond LIM, not well-formed, has a DTD). */
xmlDocPtr xmlsafe_read_file(const char *path, const struct xmlsafe_limits *lim,
			    struct diag *d);
/* A whole regular file of at most MAX bytes, malloc'd; NULL with d set.
 * A FIFO, device or directory is refused without blocking on it. */
char *xmlsafe_slurp(const char *path, size_t max, size_t *len, struct diag *d);
/* Parse LEN bytes of BUF (NAME in messages), scanned against LIM first;
 * LIM NULL only for content known to have passed that scan and its
 * schema before (the catalog's validation cache, catalog_cache.h). */
xmlDocPtr xmlsafe_read_memory(const char *buf, size_t len, const char *name,
			      const struct xmlsafe_limits *lim, struct diag *d);
/* 0 when LEN bytes of BUF are a well-formed document without a DTD, by
 * the same parser but building no tree; -1 with "name:line: what".  For
 * our own output (no pre-scan: that guards against hostile input). */
int xmlsafe_wellformed(const char *buf, size_t len, const char *name, struct diag *d);
/* 0 when BUF is UTF-8 without NUL bytes, declares no other encoding and
 * stays within LIM; else -1 with "name:line: what" (xmlsafe_scan.c). */
int xmlsafe_scan(const char *buf, size_t len, const char *name,
		 const struct xmlsafe_limits *lim, struct diag *d);
/* Validate DOC (read from NAME) against S; -1 with "name:line: reason". */
int xmlsafe_validate(struct xschema *s, xmlDocPtr doc, const char *name,
		     struct diag *d);

/* Helpers for walking a validated document. */
int xml_is(const xmlNode *n, const char *name);
const xmlNode *xml_first(const xmlNode *parent, const char *name);
const xmlNode *xml_next(const xmlNode *n, const char *name);
/* An attribute's value as a malloc'd string (free with xmlFree), or NULL. */
char *xml_attr(const xmlNode *n, const char *name);
/* The text of N, white space trimmed and inner runs folded to one space;
 * malloc'd (free with free()), NULL when out of memory. */
char *xml_text(const xmlNode *n);
/* The same folding from SRC into DST (room for strlen(SRC) + 1 bytes);
 * returns the length written. */
size_t xml_fold(const char *src, char *dst);
/* N's text when it is one text node and nothing else (no copy: valid as
 * long as the document), else NULL (then use xml_text). */
const char *xml_only_text(const xmlNode *n);

#endif
