/* glossary_find.h - which of the guideline's terms (I.6, catalog/
 * glossary.xml) a text uses: the workbench's T on the item under the
 * cursor (issue 13).  Pure: no curses. */
#ifndef IOTSCOPE_GLOSSARY_FIND_H
#define IOTSCOPE_GLOSSARY_FIND_H

#include <stddef.h>

#include "catalog_guidance.h"

/* Bytes of T's name as running text writes it: without the note in
 * brackets some names carry ("可用性(JIS Q 27001 を基に定義)": 可用性). */
size_t glossary_term_key(const struct cat_term *t);

/* The terms TEXT uses, as indexes into c->guidance->terms in *OUT
 * (malloc'd, free it; NULL when none), each once.  Japanese has no
 * spaces between words, so a term is found anywhere in the text, the
 * longest one where several start at the same place (利用者接点, not
 * 利用者), and a shorter term inside a longer one found is not counted
 * again; but a katakana or Latin term is not taken from inside a longer
 * katakana or Latin word (ロール is not in コントロール).  The order: the
 * longest terms (in characters) first, then by where they first occur.
 * -1 when out of memory. */
int glossary_find(const struct catalog *c, const char *text, size_t **out, size_t *n);

#endif
