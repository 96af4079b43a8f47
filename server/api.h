/* SPDX-License-Identifier: GPL-2.0 */
/*
 * api: the JSON objects of REST API v1 shared by several resources (times,
 * runs, signatures) so that every endpoint and `splatd ingest` print the same
 * shapes (docs/api.md).
 */
#ifndef SPLATD_API_H
#define SPLATD_API_H

#include <jansson.h>
#include <stdbool.h>

#include "db/runs.h"
#include "db/signatures.h"

/* "2026-11-25T17:02:38Z", or JSON null for t <= 0.  New reference. */
json_t *api_time(long long t);
/* Unix seconds from "1700000000", "2026-11-25" or "2026-11-25T17:02:38Z". */
int api_time_parse(const char *s, long long *out);
/* report_json_string(s), for the files not switched to it yet (http.c,
 * ingest.c, regress.c, api_runs.c, api_subsystems.c); goes when they are. */
json_t *api_string(const char *s);
/* A JSON array stored as text (classes, chain); [] when it does not parse.
 * New reference. */
json_t *api_json_array(const char *text);
/* "/api/v1/signatures/ID".  New reference. */
json_t *api_signature_url(long long id);
/* A run object (without its reports).  New reference. */
json_t *api_run_json(const struct db_run *r);
/* A signature object as listed; detail adds nothing here.  New reference. */
json_t *api_signature_json(const struct db_signature *s);

#endif
