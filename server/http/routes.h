/* SPDX-License-Identifier: GPL-2.0 */
/*
 * routes: the one route table of the HTTP service (server/http/routes.c) and the
 * handlers it names, one file per API resource (server/api_*.c).
 */
#ifndef SPLATD_ROUTES_H
#define SPLATD_ROUTES_H

#include <stddef.h>

#include "server/triage/auth.h"
#include "server/http/http.h"

struct route {
	const char *method;
	/* "/api/v1/signatures/{}/merge": {} is one path segment, captured
	 * into req->param[]; a final {*} matches the rest of the path. */
	const char *pattern;
	http_handler_fn handler;
	enum auth_role role; /* AUTH_READ: public unless --private */
	/* Bytes of body accepted: 0 none, HTTP_BODY_STREAM the server's
	 * --max-body fed to the handler piece by piece (HTTP_DATA), else
	 * buffered whole in req->body up to this size. */
	unsigned long long body_limit;
	const char *name; /* label in /metrics and the access log */
};

const struct route *routes_table(size_t *n);

/* server/http/api_runs.c */
int api_runs_post(struct http_request *req, enum http_phase phase,
		  const char *data, size_t len);
int api_runs_list(struct http_request *req, enum http_phase phase,
		  const char *data, size_t len);
int api_runs_get(struct http_request *req, enum http_phase phase,
		 const char *data, size_t len);

/* server/http/api_signatures.c */
int api_signatures_list(struct http_request *req, enum http_phase phase,
			const char *data, size_t len);
int api_signatures_get(struct http_request *req, enum http_phase phase,
		       const char *data, size_t len);
int api_signatures_occurrences(struct http_request *req, enum http_phase phase,
			       const char *data, size_t len);
int api_signatures_patch(struct http_request *req, enum http_phase phase,
			 const char *data, size_t len);
int api_signatures_merge(struct http_request *req, enum http_phase phase,
			 const char *data, size_t len);

/* server/http/api_regressions.c */
int api_regressions_post(struct http_request *req, enum http_phase phase,
			 const char *data, size_t len);
int api_regressions_list(struct http_request *req, enum http_phase phase,
			 const char *data, size_t len);
int api_regressions_get(struct http_request *req, enum http_phase phase,
			const char *data, size_t len);
int api_regressions_history(struct http_request *req, enum http_phase phase,
			    const char *data, size_t len);
int api_regressions_patch(struct http_request *req, enum http_phase phase,
			  const char *data, size_t len);

/* server/http/api_subsystems.c */
int api_subsystems_list(struct http_request *req, enum http_phase phase,
			const char *data, size_t len);
int api_subsystems_signatures(struct http_request *req, enum http_phase phase,
			      const char *data, size_t len);
/* Add "owners" and "owners_tree" to a signature object (when serve has a
 * kernel tree); computed from its newest occurrence on first use. */
void api_owners_annotate(struct http_request *req, long long id, json_t *sig);

/* server/http/api_health.c */
int api_health_get(struct http_request *req, enum http_phase phase,
		   const char *data, size_t len);
int api_health_metrics(struct http_request *req, enum http_phase phase,
		       const char *data, size_t len);

/* server/http/static_files.c */
int static_files_get(struct http_request *req, enum http_phase phase,
		     const char *data, size_t len);

#endif
