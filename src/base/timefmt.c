/* timefmt.c - stored UTC instants shown in local time with the offset
 * (timefmt.h).  The zone is the C library's (TZ, else /etc/localtime);
 * localtime_r gives the offset in force at that instant (tm_gmtoff), so
 * a summer-time zone is right for dates on either side of a change. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "timefmt.h"

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	return m == 2 && leap(y) ? 29 : days[m - 1];
}

int time_parse_utc(const char *s, time_t *t)
{
	int y, mo, d, h, mi, sec, end = 0;
	if (s == NULL || strlen(s) != 20 ||
	    sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &y, &mo, &d, &h, &mi, &sec, &end) != 6 ||
	    end != 20 || y < 1970 || mo < 1 || mo > 12 || d < 1 || d > days_in(y, mo) ||
	    h > 23 || mi > 59 || sec > 60 || h < 0 || mi < 0 || sec < 0)
		return -1;
	struct tm tm = { .tm_year = y - 1900, .tm_mon = mo - 1, .tm_mday = d,
			 .tm_hour = h, .tm_min = mi, .tm_sec = sec };
	time_t v = timegm(&tm);
	if (v == (time_t)-1)
		return -1;
	*t = v;
	return 0;
}

const char *time_local(const char *s, char buf[TIME_LOCAL_SIZE])
{
	time_t t;
	struct tm tm;
	tzset();	/* localtime_r need not read TZ again (POSIX) */
	if (time_parse_utc(s, &t) < 0 || localtime_r(&t, &tm) == NULL ||
	    strftime(buf, TIME_LOCAL_SIZE, "%Y-%m-%dT%H:%M:%S", &tm) != 19)
		return s;
	long off = tm.tm_gmtoff;
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	/* minutes: zones such as Asia/Kolkata (+05:30) are not whole hours */
	snprintf(buf + 19, TIME_LOCAL_SIZE - 19, "%c%02ld:%02ld", sign, off / 3600 % 100,
		 off / 60 % 60);
	return buf;
}
