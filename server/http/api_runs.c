// SPDX-License-Identifier: GPL-2.0
/*
 * api_runs: POST /api/v1/runs (a CI run's log, streamed into the parser as it
 * arrives, raw text or gzip, or one JSON document), GET /api/v1/runs and
 * GET /api/v1/runs/{id}.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "db/runs.h"
#include "parsers/alloc.h"
#include "server/http/api.h"
#include "server/triage/gunzip.h"
#include "server/triage/ingest.h"
#include "server/triage/jsonw.h"
#include "server/http/routes.h"
#include "server/http/upload.h"

/*
 * One connection's upload state (http_ctx()): the ingest and gunzip are
 * kept from run to run (server/http/upload.h); the rest is per request,
 * reset when the headers are in.
 */
struct runs_upload {
	struct upload up;
	bool json;
	struct ingest_meta meta;
};

static void *runs_upload_new(void)
{
	struct runs_upload *u = calloc(1, sizeof(*u));

	if (!u)
		abort();
	upload_init(&u->up);
	return u;
}

static void runs_upload_free(void *ctx)
{
	struct runs_upload *u = ctx;

	if (!u)
		return;
	upload_release(&u->up);
	free(u);
}

static int to_ingest(void *ctx, const char *buf, size_t len, struct strbuf *err)
{
	return ingest_feed(ctx, buf, len, err);
}

/* The metadata a raw upload takes from the query, a JSON one from "run". */
static const char *const query_meta[] = { "id",	    "tree",	  "branch",
					  "kernel", "commit",	  "machine",
					  "test",   "started_at", "lockdep" };

static void runs_begin(struct http_request *req)
{
	const char *type = http_header(req, "Content-Type");
	struct runs_upload *up =
		http_ctx(req, runs_upload_new, runs_upload_free);
	size_t i;

	memset(&up->meta, 0, sizeof(up->meta));
	up->json = type && !strncasecmp(type, "application/json", 16);
	for (i = 0; up->json && i < ARRAY_SIZE(query_meta); i++) {
		if (!http_query(req, query_meta[i]))
			continue;
		/* not silently dropped: the runner meant something by it */
		strbuf_addf(&req->err,
			    "a JSON upload takes its metadata from its \"run\""
			    " object, not the query (%s=)",
			    query_meta[i]);
		http_reply_error(req, 400, "bad_request", req->err.buf);
		return;
	}
	if (upload_encoding(req, &up->up) ||
	    (up->json && upload_json_reserve(req, &up->up)))
		return;
	if (up->json)
		return;
	up->meta.id = http_query(req, "id");
	up->meta.tree = http_query(req, "tree");
	up->meta.branch = http_query(req, "branch");
	up->meta.kernel = http_query(req, "kernel");
	up->meta.commit = http_query(req, "commit");
	up->meta.machine = http_query(req, "machine");
	up->meta.test = http_query(req, "test");
	up->meta.started_at = http_query(req, "started_at");
	up->meta.lockdep = http_query(req, "lockdep");
	up->meta.regress = http_config(req)->regress;
	if (ingest_meta_check(&up->meta, &req->err)) {
		http_reply_error(req, 400, "bad_request", req->err.buf);
		return;
	}
	ingest_start(up->up.in, upload_limits(req));
}

static void runs_data(struct http_request *req, const char *data, size_t len)
{
	struct runs_upload *up = req->ctx;
	int ret;

	if (up->up.gzip)
		ret = gunzip_feed(up->up.gz, data, len,
				  up->json ? upload_json_body_add : to_ingest,
				  up->json ? (void *)req : (void *)up->up.in,
				  &req->err);
	else if (up->json)
		ret = upload_json_body_add(req, data, len, &req->err);
	else
		ret = ingest_feed(up->up.in, data, len, &req->err);
	if (ret)
		http_reply_errno(req, ret, req->err.buf);
}

static const char *json_meta(json_t *run, const char *key, int *bad)
{
	json_t *v = json_object_get(run, key);

	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_string(v)) {
		*bad = 1;
		return NULL;
	}
	return json_string_value(v);
}

/*
 * At most this many values in a JSON upload: {run: {nine strings}, log}
 * needs a dozen.  Parsed, a value costs jansson some 50 bytes however short
 * its text ("0,"), so 16 MB of them would take 400 MB past the budget.
 */
#define RUNS_JSON_VALUES 256

/* Parse {"run": {...}, "log": "..."} and feed its log. */
static int runs_json(struct http_request *req, struct runs_upload *up,
		     json_t **doc)
{
	json_error_t jerr;
	json_t *run, *log;
	int bad = 0, ret;

	if (jsonw_count_values(req->body.buf, req->body.len) >
	    RUNS_JSON_VALUES) {
		strbuf_addf(&req->err,
			    "the JSON document has more than %d values;"
			    " it must be {\"run\": {...}, \"log\": \"...\"}",
			    RUNS_JSON_VALUES);
		return -EINVAL;
	}
	*doc = json_loadb(req->body.buf, req->body.len, 0, &jerr);
	if (!*doc) {
		strbuf_addf(&req->err, "malformed JSON: %s (line %d)",
			    jerr.text, jerr.line);
		return -EINVAL;
	}
	run = json_object_get(*doc, "run");
	log = json_object_get(*doc, "log");
	if (!json_is_object(run) || !json_is_string(log)) {
		strbuf_addstr(&req->err, "the body must be {\"run\": {...},"
					 " \"log\": \"...\"}");
		return -EINVAL;
	}
	up->meta.id = json_meta(run, "id", &bad);
	up->meta.tree = json_meta(run, "tree", &bad);
	up->meta.branch = json_meta(run, "branch", &bad);
	up->meta.kernel = json_meta(run, "kernel", &bad);
	up->meta.commit = json_meta(run, "commit", &bad);
	up->meta.machine = json_meta(run, "machine", &bad);
	up->meta.test = json_meta(run, "test", &bad);
	up->meta.started_at = json_meta(run, "started_at", &bad);
	up->meta.lockdep = json_meta(run, "lockdep", &bad);
	up->meta.regress = http_config(req)->regress;
	if (bad) {
		strbuf_addstr(&req->err, "run metadata values must be strings");
		return -EINVAL;
	}
	ret = ingest_meta_check(&up->meta, &req->err);
	if (ret)
		return ret;
	ingest_start(up->up.in, upload_limits(req));
	return ingest_feed(up->up.in, json_string_value(log),
			   json_string_length(log), &req->err);
}

static void runs_end(struct http_request *req)
{
	struct runs_upload *up = req->ctx;
	struct ingest *in = up->up.in;
	enum ingest_outcome outcome = INGEST_STORED;
	json_t *doc = NULL, *verdict = NULL;
	int ret = 0;

	if (up->up.gzip)
		ret = gunzip_finish(up->up.gz, &req->err);
	if (!ret && up->json)
		ret = runs_json(req, up, &doc);
	if (!ret)
		ret = ingest_finish(in, &req->err);
	if (!ret) {
		pthread_mutex_t *lock;
		struct db *db = http_ingest_db(req, &lock);

		ret = ingest_store(in, db, lock, &up->meta,
				   (long long)time(NULL), &outcome, &verdict,
				   &req->err);
	}
	if (ret) {
		http_reply_errno(req, ret, req->err.buf);
		goto out;
	}
	if (outcome == INGEST_STORED)
		upload_counted(http_metrics(req), in);
	api_verdict_urls(verdict);
	api_verdict_pages(verdict);
	http_reply_json(req, outcome == INGEST_STORED ? 201 : 200, verdict);
out:
	json_decref(doc);
}

void api_runs_post(struct http_request *req, enum http_phase phase,
		   const char *data, size_t len)
{
	switch (phase) {
	case HTTP_BEGIN:
		runs_begin(req);
		break;
	case HTTP_DATA:
		runs_data(req, data, len);
		break;
	case HTTP_END:
		runs_end(req);
		break;
	}
}

struct run_list {
	json_t *runs;
	long long last;
};

static int add_run(void *ctx, const struct db_run *r)
{
	struct run_list *l = ctx;

	json_array_append_new(l->runs, api_run_json(r));
	l->last = r->id;
	return 0;
}

void api_runs_list(struct http_request *req)
{
	struct run_list l = { json_array(), 0 };
	long long limit, cursor;
	int ret;

	ret = http_query_int(req, "limit", 50, 1, 500, &limit);
	if (!ret)
		ret = http_query_int(req, "cursor", 0, 0, (1LL << 62), &cursor);
	if (!ret)
		ret = db_run_list(http_db(req), cursor,
				  http_query(req, "machine"), (int)limit,
				  add_run, &l, &req->err);
	if (ret) {
		json_decref(l.runs);
		http_reply_errno(req, ret, req->err.buf);
		return;
	}
	http_reply_json(req, 200,
			json_pack("{s:o, s:o}", "runs", l.runs, "next",
				  json_array_size(l.runs) == (size_t)limit ?
					  json_sprintf("%lld", l.last) :
					  json_null()));
}

struct run_detail {
	json_t *run;
	long long id;
};

static int get_run(void *ctx, const struct db_run *r)
{
	struct run_detail *d = ctx;

	d->run = api_run_json(r);
	d->id = r->id;
	return 0;
}

static int add_report(void *ctx, const struct db_run_report *r)
{
	json_array_append_new(
		ctx,
		json_pack("{s:I, s:s, s:s, s:o, s:b, s:I, s:o, s:s, s:o, s:o}",
			  "signature_id", (json_int_t)r->signature_id,
			  "signature", r->hash, "kind", r->kind, "title",
			  view_string(r->title), "new", r->is_new,
			  "occurrences", (json_int_t)r->occurrences,
			  "first_seen", view_time(r->first_seen), "status",
			  r->status, "kernel", view_string(r->kernel), "url",
			  api_signature_url(r->signature_id)));
	return 0;
}

/*
 * As in the ingest verdict (docs/api.md, "Which kernel is shown where"):
 * when the log's release (its first report that printed one) differs from
 * the run's kernel, the run shows it too, as kernel_release.
 */
static void run_kernel_release(json_t *run, json_t *reports)
{
	const char *kernel = json_string_value(json_object_get(run, "kernel"));
	const char *release;
	json_t *rep;
	size_t i;

	json_array_foreach(reports, i, rep) {
		release = json_string_value(json_object_get(rep, "kernel"));
		if (!release)
			continue;
		if (kernel && strcmp(kernel, release))
			json_object_set_new(run, "kernel_release",
					    json_string(release));
		return;
	}
}

void api_runs_get(struct http_request *req)
{
	struct run_detail d = { NULL, 0 };
	json_t *reports = json_array();
	int ret;

	ret = db_run_get(http_db(req), req->param[0], get_run, &d, &req->err);
	if (!ret)
		ret = db_run_reports(http_db(req), d.id, add_report, reports,
				     &req->err);
	if (ret) {
		json_decref(d.run);
		json_decref(reports);
		http_reply_errno(req, ret,
				 ret == -ENOENT ? "no such run" : req->err.buf);
		return;
	}
	run_kernel_release(d.run, reports);
	http_reply_json(req, 200,
			json_pack("{s:o, s:o}", "run", d.run, "reports",
				  reports));
}
