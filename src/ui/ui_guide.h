/* ui_guide.h - an Annex 1/2 item's guidance as one text to read (issue
 * 13): its Part II/III body, best practices, evaluation items, and the
 * ISO/IEC 27002:2013 blocks of its sub-section with their Annex 5 and 6
 * text.  Shown by the Checklists screen (d). */
#ifndef IOTSCOPE_UI_GUIDE_H
#define IOTSCOPE_UI_GUIDE_H

#include "catalog_guidance.h"

/* The guidance of the Annex 1/2 entry ID (a sub-item: its item's), or
 * NULL when the catalog has none for it. */
const struct cat_gitem *ui_guide_item(const struct catalog *c, const char *id);
/* The text (malloc'd; paragraphs end in '\n'); NULL when out of memory. */
char *ui_guide_text(const struct catalog *c, const struct cat_gitem *it);

#endif
