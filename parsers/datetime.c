// SPDX-License-Identifier: GPL-2.0
/* datetime: a time given as text into unix seconds (datetime.h). */
#include "parsers/datetime.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>

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

static int month_days(int y, int m)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30,
				      31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return days[m - 1] + (m == 2 && leap);
}

/* Days from 1970-01-01 to y-m-d, proleptic Gregorian (Howard Hinnant's
 * days_from_civil). */
static long long days_from_civil(long long y, int m, int d)
{
	long long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Unix seconds, digits and an optional fraction, or -1 when s is not. */
static int unix_seconds(const char *s, long long *out)
{
	const char *p = s;
	long long v = 0;

	for (; isdigit((unsigned char)*p); p++) {
		if (v > (LLONG_MAX - 9) / 10)
			return -EINVAL;
		v = v * 10 + (*p - '0');
	}
	if (p == s)
		return -EINVAL;
	if (*p == '.' && isdigit((unsigned char)p[1]))
		for (p++; isdigit((unsigned char)*p); p++)
			;
	if (*p)
		return -EINVAL;
	*out = v;
	return 0;
}

/* The date forms; strict: RFC 3339's alone. */
static int parse_date(const char *s, bool strict, long long *out)
{
	int y, mo, d, h = 0, mi = 0, sec = 0, zh, zm;
	long long zone = 0;

	y = digits(&s, 4);
	if (y < 0 || *s++ != '-' || (mo = digits(&s, 2)) < 0 || *s++ != '-' ||
	    (d = digits(&s, 2)) < 0 || mo < 1 || mo > 12 || d < 1 || d > 31)
		return -EINVAL;
	if (*s == 'T' || *s == 't' || (*s == ' ' && !strict)) {
		s++;
		if ((h = digits(&s, 2)) < 0 || *s++ != ':' ||
		    (mi = digits(&s, 2)) < 0 || h > 23 || mi > 59)
			return -EINVAL;
		if (*s == ':') {
			s++;
			if ((sec = digits(&s, 2)) < 0 || sec > 60)
				return -EINVAL;
			if (*s == '.' || (*s == ',' && !strict)) {
				s++;
				if (!isdigit((unsigned char)*s))
					return -EINVAL;
				while (isdigit((unsigned char)*s))
					s++;
			}
		} else if (strict) {
			return -EINVAL;
		}
		if (*s == 'Z' || *s == 'z') {
			s++;
		} else if (*s == '+' || *s == '-') {
			int sign = *s++ == '-' ? -1 : 1;

			if ((zh = digits(&s, 2)) < 0)
				return -EINVAL;
			if (*s == ':')
				s++;
			else if (strict)
				return -EINVAL;
			if ((zm = digits(&s, 2)) < 0 || zh > 23 || zm > 59)
				return -EINVAL;
			zone = sign * (zh * 3600LL + zm * 60LL);
		} else if (strict) {
			return -EINVAL;
		}
	} else if (strict) {
		return -EINVAL;
	}
	if (*s)
		return -EINVAL;
	if (d > month_days(y, mo))
		return -ERANGE;
	if (out)
		*out = days_from_civil(y, mo, d) * 86400LL + h * 3600LL +
		       mi * 60LL + sec - zone;
	return 0;
}

int datetime_parse(const char *s, long long *out)
{
	if (!s || !*s)
		return -EINVAL;
	if (!unix_seconds(s, out))
		return 0;
	return parse_date(s, false, out);
}

int datetime_parse_rfc3339(const char *s, long long *out)
{
	return s ? parse_date(s, true, out) : -EINVAL;
}
