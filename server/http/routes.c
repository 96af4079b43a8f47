// SPDX-License-Identifier: GPL-2.0
/*
 * routes: every endpoint of the HTTP service, one row each (method, path,
 * handler, role, body limit).  Rows are tried in order; the README lists the
 * endpoints in the same order.  To add one, add a row here and its handler in
 * the resource's server/api_*.c (docs/storage.md).
 */
#include "parsers/alloc.h"
#include "server/http/routes.h"

#define KiB 1024ULL

static const struct route routes[] = {
	{ "GET", "/healthz", api_health_get, NULL, AUTH_ANON, 0, "healthz" },
	{ "GET", "/metrics", api_health_metrics, NULL, AUTH_READ, 0,
	  "metrics" },
	{ "POST", "/api/v1/runs", NULL, api_runs_post, AUTH_CI,
	  HTTP_BODY_STREAM, "runs_post" },
	{ "GET", "/api/v1/runs", api_runs_list, NULL, AUTH_READ, 0,
	  "runs_list" },
	{ "GET", "/api/v1/runs/{}", api_runs_get, NULL, AUTH_READ, 0,
	  "runs_get" },
	{ "POST", "/api/v1/kcidb", NULL, api_kcidb_import_post, AUTH_CI,
	  HTTP_BODY_STREAM, "kcidb_import_post" },
	{ "GET", "/api/v1/kcidb/fetches", api_kcidb_fetches_list, NULL,
	  AUTH_READ, 0, "kcidb_fetches_list" },
	{ "GET", "/api/v1/kcidb", api_kcidb_export, NULL, AUTH_READ, 0,
	  "kcidb_export" },
	{ "GET", "/api/v1/signatures", api_signatures_list, NULL, AUTH_READ, 0,
	  "signatures_list" },
	/* before {}: "stats" is neither an id nor a signature */
	{ "GET", "/api/v1/signatures/stats", api_signatures_stats, NULL,
	  AUTH_READ, 0, "signatures_stats" },
	{ "GET", "/api/v1/signatures/{}", api_signatures_get, NULL, AUTH_READ,
	  0, "signatures_get" },
	{ "GET", "/api/v1/signatures/{}/occurrences",
	  api_signatures_occurrences, NULL, AUTH_READ, 0,
	  "signatures_occurrences" },
	{ "GET", "/api/v1/signatures/{}/histogram", api_signatures_histogram,
	  NULL, AUTH_READ, 0, "signatures_histogram" },
	{ "GET", "/api/v1/signatures/{}/duplicates", api_signatures_duplicates,
	  NULL, AUTH_READ, 0, "signatures_duplicates" },
	{ "GET", "/api/v1/signatures/{}/report", api_signatures_report, NULL,
	  AUTH_READ, 0, "signatures_report" },
	{ "GET", "/api/v1/overview", api_overview_get, NULL, AUTH_READ, 0,
	  "overview_get" },
	{ "GET", "/api/v1/whoami", api_whoami_get, NULL, AUTH_READ, 0,
	  "whoami_get" },
	{ "PATCH", "/api/v1/signatures/{}", api_signatures_patch, NULL,
	  AUTH_TRIAGER, 64 * KiB, "signatures_patch" },
	{ "POST", "/api/v1/signatures/{}/merge", api_signatures_merge, NULL,
	  AUTH_TRIAGER, 64 * KiB, "signatures_merge" },
	{ "GET", "/api/v1/subsystems", api_subsystems_list, NULL, AUTH_READ, 0,
	  "subsystems_list" },
	/* {+}: a MAINTAINERS name may hold "/" (KVM/s390), decoded before
	 * routing: the name is all before the suffix */
	{ "GET", "/api/v1/subsystems/{+}/signatures", api_subsystems_signatures,
	  NULL, AUTH_READ, 0, "subsystems_signatures" },
	{ "GET", "/api/v1/subsystems/trend", api_subsystems_trend, NULL,
	  AUTH_READ, 0, "subsystems_trend" },
	{ "POST", "/api/v1/regressions", api_regressions_post, NULL,
	  AUTH_TRIAGER, 64 * KiB, "regressions_post" },
	{ "GET", "/api/v1/regressions", api_regressions_list, NULL, AUTH_READ,
	  0, "regressions_list" },
	{ "GET", "/api/v1/regressions.json", api_regzbot_regressions, NULL,
	  AUTH_READ, 0, "regressions_regzbot" },
	{ "GET", "/api/v1/regressions/{}", api_regressions_get, NULL, AUTH_READ,
	  0, "regressions_get" },
	{ "GET", "/api/v1/regressions/{}/history", api_regressions_history,
	  NULL, AUTH_READ, 0, "regressions_history" },
	{ "PATCH", "/api/v1/regressions/{}", api_regressions_patch, NULL,
	  AUTH_TRIAGER, 64 * KiB, "regressions_patch" },
	{ "GET", "/api/v1/mail", api_mail_get, NULL, AUTH_TRIAGER, 0,
	  "mail_get" },
	{ "POST", "/api/v1/subscriptions", api_subscriptions_post, NULL,
	  AUTH_TRIAGER, 64 * KiB, "subscriptions_post" },
	{ "GET", "/api/v1/subscriptions", api_subscriptions_list, NULL,
	  AUTH_TRIAGER, 0, "subscriptions_list" },
	{ "DELETE", "/api/v1/subscriptions/{}", api_subscriptions_delete, NULL,
	  AUTH_TRIAGER, 0, "subscriptions_delete" },
	/* the link of every mail: no login, even with --private */
	{ "GET", "/unsubscribe", unsubscribe_get, NULL, AUTH_ANON, 0,
	  "unsubscribe_get" },
	{ "POST", "/unsubscribe", unsubscribe_post, NULL, AUTH_ANON, 4 * KiB,
	  "unsubscribe_post" },
	{ "GET", "/{*}", static_files_get, NULL, AUTH_ANON, 0, "static" },
};

const struct route *routes_table(size_t *n)
{
	*n = ARRAY_SIZE(routes);
	return routes;
}
