// SPDX-License-Identifier: GPL-2.0
/* api_health: GET /healthz (database readable) and GET /metrics (with the
 * outbox gauges). */
#include <errno.h>
#include <stdio.h>

#include "db/mail.h"
#include "db/migrate.h"
#include "db/roles.h"
#include "server/http/metrics.h"
#include "server/http/routes.h"
#include "server/mail/mail.h"
#include "server/version.h"

static void add_held(void *ctx, const char *role, bool held)
{
	if (held)
		json_array_append_new(ctx, json_string(role));
}

struct role_lines {
	struct strbuf *out;
	bool first;
};

static void render_role(void *ctx, const char *role, bool held)
{
	struct role_lines *l = ctx;

	metrics_render_role(l->out, role, held, l->first);
	l->first = false;
}

/*
 * /healthz takes no query: ?deep=1 gets no deeper check (a probe set up so
 * is told at once rather than answered the cheap one), and a misspelt
 * parameter is refused as on every list.  Returns whether it replied 400.
 */
static bool health_query_refused(struct http_request *req)
{
	static const char *const none[] = { NULL };

	if (http_query(req, "deep")) {
		http_reply_error(req, 400, "bad_request",
				 "/healthz has no deep check: it is the load"
				 " balancer's probe and reads a few pages; the"
				 " check of every page is `splatd db check`"
				 " (pg_amcheck on PostgreSQL), run beside"
				 " serve (docs/api.md)");
		return true;
	}
	if (!http_query_known(req, none))
		return false;
	http_reply_error(req, 400, "bad_request", req->err.buf);
	return true;
}

/*
 * /healthz: the database readable, and the once-per-service roles this
 * instance holds (db/roles.h; every one on SQLite).
 */
void api_health_get(struct http_request *req)
{
	json_t *roles;
	long long version = 0;
	int ret;

	if (health_query_refused(req))
		return;
	roles = json_array();
	ret = db_health(http_db(req), &req->err);

	if (!ret)
		ret = db_scalar(http_db(req), DB_SQL_USER_VERSION, &version,
				&req->err);
	if (!ret && http_checkpoint_failing(req, &req->err))
		ret = -EIO;
	if (ret) {
		json_decref(roles);
		/* libpq's words name the database's host and port: the
		 * reason goes to the operator's log, not to anyone asking */
		if (db_unavailable()) {
			struct strbuf log = STRBUF_INIT;

			strbuf_add_logtext(&log, req->err.buf);
			fprintf(stderr,
				"splatd: /healthz: database unavailable: %s\n",
				log.buf);
			strbuf_release(&log);
			strbuf_reset(&req->err);
			strbuf_addstr(&req->err,
				      "the database cannot be reached"
				      " (the reason is in splatd's"
				      " log)");
		}
		http_reply_error(req, 503, "unavailable", req->err.buf);
		return;
	}
	db_roles_each(add_held, roles);
	http_reply_json(req, 200,
			json_pack("{s:s, s:I, s:s, s:s, s:o}", "status", "ok",
				  "schema", (json_int_t)version, "version",
				  version_release(), "commit", version_commit(),
				  "roles", roles));
}

static const char *route_name(size_t i)
{
	size_t n;

	return routes_table(&n)[i].name;
}

void api_health_metrics(struct http_request *req)
{
	struct strbuf out = STRBUF_INIT;
	struct db_outbox_counts oc;
	long long signatures = -1;
	bool paused;

	db_scalar(http_db(req), DB_SQL_SIG_COUNT, &signatures, &req->err);
	metrics_render(http_metrics(req), route_name, signatures,
		       http_in_flight(req), &out);
	db_roles_each(render_role, &(struct role_lines){ &out, true });
	if (!db_outbox_counts(http_db(req), &oc, &req->err) &&
	    !mail_paused(http_db(req), &paused, &req->err))
		metrics_render_outbox(&out, oc.queued, oc.sent, oc.failed,
				      paused);
	http_reply_text(req, 200, "text/plain; version=0.0.4", out.buf,
			out.len);
	strbuf_release(&out);
}
