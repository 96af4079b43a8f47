/* SPDX-License-Identifier: GPL-2.0 */
/*
 * routes: the one route table of the HTTP service (server/http/routes.c) and the
 * handlers it names, one file per API resource (server/http/api_*.c).
 */
#ifndef SPLATD_ROUTES_H
#define SPLATD_ROUTES_H

#include <stddef.h>

#include "server/triage/auth.h"
#include "server/http/http.h"

struct route {
	const char *method;
	/* "/api/v1/signatures/{}/merge": {} is one path segment, captured
	 * into req->param[]; {+} one or more segments before the literal rest
	 * of the pattern; a final {*} matches the rest of the path. */
	const char *pattern;
	/* One of the two: handler (most routes), or stream (the routes
	 * whose body limit is HTTP_BODY_STREAM). */
	http_handler_fn handler;
	http_stream_fn stream;
	enum auth_role role; /* AUTH_READ: public unless --private */
	/* Bytes of body accepted: 0 none, HTTP_BODY_STREAM the server's
	 * --max-body fed to the stream handler piece by piece (HTTP_DATA),
	 * else buffered whole in req->body up to this size. */
	unsigned long long body_limit;
	const char *name; /* label in /metrics and the access log */
};

const struct route *routes_table(size_t *n);

/* server/http/api_runs.c */
void api_runs_post(struct http_request *req, enum http_phase phase,
		   const char *data, size_t len);
void api_runs_list(struct http_request *req);
void api_runs_get(struct http_request *req);
void api_kcidb_import_post(struct http_request *req, enum http_phase phase,
			   const char *data, size_t len);
void api_kcidb_fetches_list(struct http_request *req);

/* server/http/api_signatures.c */
void api_signatures_list(struct http_request *req);
void api_signatures_get(struct http_request *req);
void api_signatures_occurrences(struct http_request *req);
void api_signatures_patch(struct http_request *req);
void api_signatures_merge(struct http_request *req);

/* server/http/api_dashboard.c */
void api_signatures_histogram(struct http_request *req);
void api_signatures_report(struct http_request *req);
void api_signatures_duplicates(struct http_request *req);
void api_overview_get(struct http_request *req);
void api_subsystems_trend(struct http_request *req);
/*
 * Before a view by MAINTAINERS section (api_dashboard.c): the sections of
 * open signatures computed in the configured kernel tree, for at most
 * API_OWNERS_BUDGET_MS on this request; *pending is how many are left, which
 * the background filler (server/triage/owners_cache.h) computes and the
 * reply says (owners_pending).  Without a tree the reply is sent (503) and
 * false returned, as on an error (sent too).  api_owners_fill() is the same
 * where a tree is known to be configured: 0 or -errno.
 */
#define API_OWNERS_BUDGET_MS 200
bool api_sections_ready(struct http_request *req, long long *pending);
int api_owners_fill(struct http_request *req, long long *pending);
void api_whoami_get(struct http_request *req);
void api_signatures_stats(struct http_request *req);

/* server/http/api_regressions.c */
void api_regressions_post(struct http_request *req);
void api_regressions_list(struct http_request *req);
void api_regressions_get(struct http_request *req);
void api_regressions_history(struct http_request *req);
void api_regressions_patch(struct http_request *req);

/* server/http/api_regzbot.c */
void api_regzbot_regressions(struct http_request *req);

/* server/http/api_subsystems.c */
void api_subsystems_list(struct http_request *req);
void api_subsystems_signatures(struct http_request *req);
/* Add "owners" and "owners_tree" to a signature object (when serve has a
 * kernel tree); computed from its newest occurrence on first use. */
void api_owners_annotate(struct http_request *req, long long id, json_t *sig);

/* server/http/api_kcidb_export.c */
void api_kcidb_export(struct http_request *req);

/* server/http/api_mail.c */
void api_mail_get(struct http_request *req);

/* server/http/api_health.c */
void api_health_get(struct http_request *req);
void api_health_metrics(struct http_request *req);

/* server/http/api_subscriptions.c */
void api_subscriptions_post(struct http_request *req);
void api_subscriptions_list(struct http_request *req);
void api_subscriptions_delete(struct http_request *req);

/* server/http/unsubscribe.c */
void unsubscribe_get(struct http_request *req);
void unsubscribe_post(struct http_request *req);

/* server/http/static_files.c */
void static_files_get(struct http_request *req);

#endif
