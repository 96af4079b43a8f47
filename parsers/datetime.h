/* SPDX-License-Identifier: GPL-2.0 */
/*
 * datetime: the one parser of a time given as text (a run's started_at, a
 * `since` of the API, a --now of the command line, a KCIDB start_time),
 * into unix seconds.  Pure: no clock, no time zone of the machine.
 *
 * The forms datetime_parse() takes, the union of what the three parsers
 * it replaced took (db/run_time.c, view_time_parse(), KCIDB's date-time
 * check):
 *
 *   1700000000          unix seconds, digits only (no sign, no space);
 *   1700000000.5        a fraction of a second is dropped;
 *   2026-06-27          a day: its midnight, UTC;
 *   2026-06-27T20:26    a day and a time, seconds optional; 'T', 't' or
 *   2026-06-27 20:26:58 one space between them (RFC 3339 allows both);
 *   ...:58.123 ...:58,1 a fraction of a second ('.' or ','), dropped;
 *   ...Z ...z           UTC, as no zone at all;
 *   ...+02:00 ...-0530  a zone offset, with or without its colon, hours
 *                       0-23 and minutes 0-59.
 *
 * Year 4 digits, month, day, hour, minute and second 2 digits each.  A
 * day not in its month (2026-02-30) is none, nor hour 24; second 60 (a
 * leap second, RFC 3339) is the second after :59.  Where the old parsers
 * differed, this decides: view_time_parse() (strptime) took one-digit
 * months and days, leading spaces and a sign before unix seconds, and a
 * day followed by "Z": none of those is a time here; db/run_time.c
 * refused second 60: it is taken here, as KCIDB's check took it.
 */
#ifndef SPLATD_PARSERS_DATETIME_H
#define SPLATD_PARSERS_DATETIME_H

#include <stdbool.h>

/*
 * s in any of the forms above into *out: 0, or -EINVAL when it is none
 * of them, -ERANGE when it has their shape but its day is not in its
 * month (*out untouched then).
 */
int datetime_parse(const char *s, long long *out);
/*
 * s as RFC 3339's date-time (JSON Schema's "date-time", the KCIDB
 * schema's): only YYYY-MM-DD[Tt]HH:MM:SS[.frac] and Z, z or +HH:MM /
 * -HH:MM, into *out (may be NULL).  0, -EINVAL or -ERANGE as
 * datetime_parse().
 */
int datetime_parse_rfc3339(const char *s, long long *out);

#endif
