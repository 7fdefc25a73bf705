/* timefmt.h - instants as people read them.  The store and the XML keep
 * each instant in UTC ("2026-11-29T05:45:33Z": unambiguous, sorts as
 * text); everything a person reads (the command line, the workbench, HTML
 * and CSV) shows the same instant in local time (TZ) with its offset from
 * UTC, ISO 8601: "2026-11-29T14:45:33+09:00". */
#ifndef IOTSCOPE_TIMEFMT_H
#define IOTSCOPE_TIMEFMT_H

#include <time.h>

/* "YYYY-MM-DDThh:mm:ss+hh:mm" and its NUL */
enum { TIME_LOCAL_SIZE = 26 };

/* S as written by the store ("YYYY-MM-DDThh:mm:ssZ") into *T; -1 when S
 * is not exactly that form or not a date of the calendar. */
int time_parse_utc(const char *s, time_t *t);

/* S, a stored UTC instant, in local time with the offset of that instant
 * (so a zone with summer time gives the offset in force then), written
 * to BUF, which is returned.  A value that is not such an instant (a
 * hand-made file, NULL) is returned unchanged: shown as it was given. */
const char *time_local(const char *s, char buf[TIME_LOCAL_SIZE]);

#endif
