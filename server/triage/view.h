/* SPDX-License-Identifier: GPL-2.0 */
/*
 * view: the JSON values every view of the triage data shares (times, texts
 * under the UTF-8 rule, JSON arrays stored as text), for the REST API, the
 * commands and the domain's own JSON (verdicts, owners, regressions) alike.
 * They know no URL and no HTTP.
 */
#ifndef SPLATD_VIEW_H
#define SPLATD_VIEW_H

#include <jansson.h>

#include "db/runs.h"

/* "2026-11-25T17:02:38Z", or JSON null for t <= 0.  New reference. */
json_t *view_time(long long t);
/*
 * Unix seconds from "1700000000", "2026-11-25", "2026-11-25T17:02:38Z" or
 * any form of datetime_parse() (parsers/datetime.h, the one parser of
 * times): 0 or -EINVAL.
 */
int view_time_parse(const char *s, long long *out);
/*
 * s as a JSON string, each byte that is not UTF-8 as '?' (parsers/utf8.h:
 * the parser's rule), or JSON null for NULL.  Every text that comes from the
 * database or a request goes through it: json_string() and json_pack("s")
 * give NULL for such bytes, and the field or the whole row would vanish.
 * New reference, never NULL.
 */
json_t *view_string(const char *s);
/* A JSON array stored as text (classes, chain); [] when it does not parse.
 * New reference. */
json_t *view_json_array(const char *text);

/*
 * A run object (without its reports and without its url, which the front end
 * adds: server/http/api.c).  New reference.
 */
json_t *view_run(const struct db_run *r);

#endif
