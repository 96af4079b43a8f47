// SPDX-License-Identifier: GPL-2.0
/*
 * api_kcidb_import: POST /api/v1/kcidb (a KCIDB document's tests as runs,
 * server/kcidb/import.c) and GET /api/v1/kcidb/fetches (the log_url queue
 * and what became of each), docs/api.md and docs/interop.md.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "db/kcidb.h"
#include "server/http/api.h"
#include "server/http/routes.h"
#include "server/kcidb/fetcher.h"
#include "server/http/upload.h"
#include "server/kcidb/import.h"
#include "server/triage/gunzip.h"
#include "server/triage/view.h"

/*
 * A KCIDB document is JSON: a form (curl -F, any multipart type) is refused with
 * 415 before its body is read.  Other types are read as JSON (curl's
 * --data-binary says application/x-www-form-urlencoded unless told).
 */
static void kcidb_begin(struct http_request *req)
{
	const char *type = http_header(req, "Content-Type");
	struct upload *up;

	if (type && !strncasecmp(type, "multipart/", 10)) {
		http_reply_error(req, 415, "unsupported_media_type",
				 "POST /api/v1/kcidb takes one KCIDB JSON"
				 " document (Content-Type: application/json),"
				 " not a form; a log alone goes to"
				 " /api/v1/runs");
		return;
	}
	up = http_ctx(req, upload_new, upload_free);
	if (!upload_encoding(req, up))
		upload_json_reserve(req, up);
}

static void kcidb_data(struct http_request *req, const char *data, size_t len)
{
	struct upload *up = req->ctx;

	if (!up)
		return; /* refused in kcidb_begin */
	int ret = up->gzip ? gunzip_feed(up->gz, data, len,
					 upload_json_body_add, req, &req->err) :
			     upload_json_body_add(req, data, len, &req->err);

	if (ret)
		http_reply_errno(req, ret, req->err.buf);
}

static void kcidb_end(struct http_request *req)
{
	static const struct kcidb_fetch_config no_fetch =
		KCIDB_FETCH_CONFIG_INIT;
	const struct http_config *hc = http_config(req);
	struct upload *up = req->ctx;
	struct kcidb_limits lim = KCIDB_LIMITS_INIT;
	const struct kcidb_import_config cfg = {
		.db = http_writer(req),
		.write_lock = http_write_lock(req),
		.regress = hc->regress,
		.limits = upload_limits(req),
		.fetch = hc->kcidb_fetch ? hc->kcidb_fetch : &no_fetch,
		.stored = upload_counted,
		.stored_arg = http_metrics(req),
	};
	struct kcidb_doc doc = { 0 };
	json_t *reply = NULL, *test;
	bool created = false;
	size_t i;
	int ret = 0;

	if (!up)
		return; /* refused in kcidb_begin */
	lim.max_bytes = hc->max_json;
	if (up->gzip)
		ret = gunzip_finish(up->gz, &req->err);
	if (!ret)
		ret = upload_json_not_gzip(req, up);
	if (!ret)
		ret = kcidb_doc_parse(&doc, req->body.buf, req->body.len, &lim,
				      &req->err);
	if (!ret)
		ret = kcidb_import(&cfg, up->in, &doc, (long long)time(NULL),
				   &reply, &created, &req->err);
	kcidb_doc_release(&doc);
	if (ret) {
		http_reply_errno(req, ret, req->err.buf);
		return;
	}
	kcidb_fetcher_wake(hc->kcidb_fetcher);
	/* each test's reports with their urls, as POST /api/v1/runs's */
	json_array_foreach(json_object_get(reply, "tests"), i, test) {
		api_verdict_urls(test);
		api_verdict_pages(test);
	}
	http_reply_json(req, created ? 201 : 200, reply);
}

void api_kcidb_import_post(struct http_request *req, enum http_phase phase,
			   const char *data, size_t len)
{
	switch (phase) {
	case HTTP_BEGIN:
		kcidb_begin(req);
		break;
	case HTTP_DATA:
		kcidb_data(req, data, len);
		break;
	case HTTP_END:
		kcidb_end(req);
		break;
	}
}

struct fetch_list {
	json_t *fetches;
	long long last;
};

/* A fetch's log_files column (a JSON array of URLs, NULL: none) as the
 * array the API shows, [] for none. */
static json_t *log_files_json(const char *log_files)
{
	json_t *a = log_files ? json_loads(log_files, 0, NULL) : NULL;

	if (json_is_array(a))
		return a;
	json_decref(a);
	return json_array();
}

static int add_fetch(void *ctx, const struct db_kcidb_fetch *f)
{
	struct fetch_list *l = ctx;

	json_array_append_new(
		l->fetches,
		json_pack("{s:s, s:s, s:o, s:s, s:o, s:s, s:I, s:o, s:o, s:o, "
			  "s:o}",
			  "test_id", f->test_id, "run_id", f->run_id, "run",
			  f->state == DB_KCIDB_FETCH_DONE ?
				  api_run_url(f->run_id) :
				  json_null(),
			  "log_url", f->log_url, "log_files",
			  log_files_json(f->log_files), "state",
			  db_kcidb_fetch_states[f->state], "attempts",
			  (json_int_t)f->attempts, "next_attempt",
			  f->state == DB_KCIDB_FETCH_QUEUED ?
				  view_time(f->next_attempt) :
				  json_null(),
			  "last_error", view_string(f->last_error), "queued_at",
			  view_time(f->created_at), "updated_at",
			  view_time(f->updated_at)));
	l->last = f->id;
	return 0;
}

/* This instance's fetch workers, or null when it has none (no prefix is
 * allowed: nothing is fetched). */
static json_t *workers_json(struct kcidb_fetcher *f)
{
	struct kcidb_fetcher_stats st;

	if (!f)
		return json_null();
	kcidb_fetcher_stats(f, &st);
	return json_pack("{s:I, s:I, s:I, s:I}", "workers",
			 (json_int_t)st.workers, "per_host",
			 (json_int_t)st.per_host, "fetching",
			 (json_int_t)st.fetching, "rows_read",
			 (json_int_t)st.rows_read);
}

void api_kcidb_fetches_list(struct http_request *req)
{
	struct fetch_list l = { json_array(), 0 };
	enum db_kcidb_fetch_state state;
	const char *s = http_query(req, "state");
	static const char *const known[] = { "state", "limit", "cursor", NULL };
	long long limit, cursor;
	int ret = http_query_known(req, known);

	if (!ret && s && db_kcidb_fetch_state_parse(s, &state)) {
		strbuf_addstr(&req->err,
			      "state must be queued, done or failed");
		ret = -EINVAL;
	}
	if (!ret)
		ret = http_query_int(req, "limit", 50, 1, 500, &limit);
	if (!ret)
		ret = http_query_int(req, "cursor", 0, 0, (1LL << 62), &cursor);
	if (!ret)
		ret = db_kcidb_fetch_list(http_db(req), s ? (int)state : -1,
					  cursor, (int)limit, add_fetch, &l,
					  &req->err);
	if (ret) {
		json_decref(l.fetches);
		http_reply_errno(req, ret, req->err.buf);
		return;
	}
	http_reply_json(
		req, 200,
		json_pack("{s:o, s:o, s:o}", "fetches", l.fetches, "next",
			  json_array_size(l.fetches) == (size_t)limit ?
				  json_sprintf("%lld", l.last) :
				  json_null(),
			  "workers",
			  workers_json(http_config(req)->kcidb_fetcher)));
}
