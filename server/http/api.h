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

struct http_request;
#include "server/triage/view.h"

/*
 * serve --public-url: the base every url below starts with ("https://
 * splatd.example.org", no final '/'), set once at start-up before any
 * thread runs; NULL (the default, and splatd's other commands): relative
 * urls.  The string must live as long as the process serves.
 */
void api_set_public_url(const char *base);

/* The base api_set_public_url() set, as given, or NULL without one. */
const char *api_public_url(void);
/* "[BASE]/api/v1/signatures/ID".  New reference. */
json_t *api_signature_url(long long id);
/* "[BASE]/api/v1/runs/ID".  New reference. */
json_t *api_run_url(const char *run_id);
/* "[BASE]/api/v1/regressions/ID".  New reference. */
json_t *api_regression_url(long long id);
/* "[BASE]/api/v1/regressions/ID/history".  New reference. */
json_t *api_regression_history_url(long long id);
/* "[BASE]/WHAT/ID", a dashboard page ("regressions", 3).  New reference. */
json_t *api_page_url(const char *what, long long id);
/* A run object (without its reports): view_run() and its url.  New
 * reference. */
json_t *api_run_json(const struct db_run *r);
/*
 * Add the urls to an ingest verdict (server/triage/ingest.h), which the
 * domain builds and stores without them: "run"."url" last, each
 * "reports"[i]."url" after its "status" (docs/api.md).  A url already there
 * (verdicts stored before they left the domain) is overwritten in place with
 * the same value.
 */
void api_verdict_urls(json_t *verdict);
/*
 * Add "page", the dashboard page of each report's signature and of each
 * regression (<base>/signatures/{id}, <base>/regressions/{id}: the links
 * mail uses too), to a verdict, under the base api_set_public_url() set;
 * nothing without one.
 */
void api_verdict_pages(json_t *verdict);
/* A signature object as listed; detail adds nothing here.  New reference. */
json_t *api_signature_json(const struct db_signature *s);

/*
 * -EINVAL with "unknown field 'KEY'" in err for the first key of the
 * object json that is not among the n names of fields, else 0.
 */
int api_check_fields(json_t *json, const char *const *fields, size_t n,
		     struct strbuf *err);

/*
 * The {} of a /signatures/{} path: a 16-digit hex signature into *hash
 * (*id 0), or a numeric id into *id (*hash NULL); -EINVAL with the reason
 * in the request's error buffer for anything else.
 */
int api_path_signature(struct http_request *req, long long *id,
		       const char **hash);

/*
 * A list's cursor by time: "TIME.ROWID" (a page's next: the time and id of
 * its last row) into *at and *id, or an id alone (the cursor of older
 * versions, *at -1); none, or "0" (a client that starts from 0; no list
 * gives it as its next): *at -1, *id 0.  -EINVAL with the reason in the
 * request's error buffer for anything else.
 */
int api_time_cursor(struct http_request *req, long long *at, long long *id);

#endif
