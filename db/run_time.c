// SPDX-License-Identifier: GPL-2.0
/*
 * run_time: a run's own time from its started_at (db_run_time()), which
 * the runs lists order by; no SQL, so the fuzz targets that build a run's
 * view link it without the database.
 */
#include "db/runs.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <time.h>

/* n digits at *s as a number (advancing *s), or -1. */
static int digits(const char **s, int n)
{
	int v = 0;

	for (; n > 0; n--, (*s)++) {
		if (!isdigit((unsigned char)**s))
			return -1;
		v = v * 10 + (**s - '0');
	}
	return v;
}

/* s as unix seconds (db_run_time()'s forms), or -1. */
static long long parse_time(const char *s)
{
	struct tm tm = { 0 }, back;
	long long t, zone = 0;
	int y, mo, d, h = 0, mi = 0, sec = 0, zh, zm;
	char *end;
	time_t tt;

	if (!s || !*s)
		return -1;
	if (isdigit((unsigned char)*s)) {
		errno = 0;
		t = strtoll(s, &end, 10);
		/* 1700000000.5: the fraction is dropped, as an ISO time's */
		if (*end == '.' && isdigit((unsigned char)end[1])) {
			end++;
			while (isdigit((unsigned char)*end))
				end++;
		}
		if (!*end)
			return errno ? -1 : t;
	}
	y = digits(&s, 4);
	if (y < 0 || *s++ != '-' || (mo = digits(&s, 2)) < 0 || *s++ != '-' ||
	    (d = digits(&s, 2)) < 0)
		return -1;
	if (*s == 'T' || *s == 't' || *s == ' ') {
		s++;
		if ((h = digits(&s, 2)) < 0 || *s++ != ':' ||
		    (mi = digits(&s, 2)) < 0)
			return -1;
		if (*s == ':') {
			s++;
			if ((sec = digits(&s, 2)) < 0)
				return -1;
			if (*s == '.' || *s == ',') {
				s++;
				if (!isdigit((unsigned char)*s))
					return -1;
				while (isdigit((unsigned char)*s))
					s++;
			}
		}
		if (*s == 'Z' || *s == 'z') {
			s++;
		} else if (*s == '+' || *s == '-') {
			int sign = *s++ == '-' ? -1 : 1;

			if ((zh = digits(&s, 2)) < 0)
				return -1;
			if (*s == ':')
				s++;
			if ((zm = digits(&s, 2)) < 0 || zh > 23 || zm > 59)
				return -1;
			zone = sign * (zh * 3600LL + zm * 60LL);
		}
	}
	if (*s)
		return -1;
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	back = tm;
	tt = timegm(&tm);
	/* 2026-02-30 or 24:00 would come back as another day */
	if (tt == (time_t)-1 || tm.tm_year != back.tm_year ||
	    tm.tm_mon != back.tm_mon || tm.tm_mday != back.tm_mday ||
	    tm.tm_hour != back.tm_hour || tm.tm_min != back.tm_min ||
	    tm.tm_sec != back.tm_sec)
		return -1;
	return (long long)tt - zone;
}

long long db_run_time(const char *started_at, long long received_at)
{
	long long t = parse_time(started_at);

	return t >= DB_RUN_TIME_MIN && t < received_at ? t : received_at;
}
