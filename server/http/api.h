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
#include "server/triage/view.h"

/* "/api/v1/signatures/ID".  New reference. */
json_t *api_signature_url(long long id);
/* A run object (without its reports).  New reference. */
json_t *api_run_json(const struct db_run *r);
/* A signature object as listed; detail adds nothing here.  New reference. */
json_t *api_signature_json(const struct db_signature *s);

#endif
