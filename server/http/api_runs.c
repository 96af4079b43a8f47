// SPDX-License-Identifier: GPL-2.0
/*
 * api_runs: POST /api/v1/runs (a CI run's log, streamed into the parser as it
 * arrives, raw text or gzip, a multipart/form-data form, or one JSON
 * document), GET /api/v1/runs and GET /api/v1/runs/{id}.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "db/dashboard.h"
#include "db/runs.h"
#include "parsers/alloc.h"
#include "server/http/api.h"
#include "server/http/form.h"
#include "server/triage/gunzip.h"
#include "server/triage/ingest.h"
#include "server/triage/jsonw.h"
#include "server/triage/regress.h"
#include "server/http/routes.h"
#include "server/http/upload.h"

/*
 * One connection's upload state (http_ctx()): the ingest and gunzip are
 * kept from run to run (server/http/upload.h); the rest is per request,
 * reset when the headers are in.
 */
struct runs_upload {
	struct upload up;
	enum { RUNS_RAW, RUNS_JSON, RUNS_FORM } body;
	struct form *form; /* made on the first form upload */
	struct gunzip_sniff raw; /* a raw log: a gzip file sent as it is? */
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
	form_free(u->form);
	free(u);
}

static int to_ingest(void *ctx, const char *buf, size_t len, struct strbuf *err)
{
	return ingest_feed(ctx, buf, len, err);
}

/*
 * The metadata a raw upload takes from the query, a form from the query and
 * its fields, a JSON one from "run"; meta_slot(m, i) is query_meta[i]'s.
 */
static const char *const query_meta[] = { "id",	    "tree",	  "branch",
					  "kernel", "commit",	  "machine",
					  "test",   "started_at", "lockdep",
					  NULL };
#define RUNS_META (ARRAY_SIZE(query_meta) - 1)

static const char **meta_slot(struct ingest_meta *m, size_t i)
{
	const char **slot[RUNS_META] = {
		&m->id,	     &m->tree, &m->branch,     &m->kernel, &m->commit,
		&m->machine, &m->test, &m->started_at, &m->lockdep
	};

	return slot[i];
}

/* A form's fields beside the query's: a name in both is refused. */
static int form_meta(struct runs_upload *up, struct strbuf *err)
{
	const char *v;
	size_t i;

	for (i = 0; i < RUNS_META; i++) {
		v = form_field(up->form, i);
		if (!v)
			continue;
		if (*meta_slot(&up->meta, i)) {
			strbuf_addf(err,
				    "'%s' is both in the query and a form"
				    " field",
				    query_meta[i]);
			return -EINVAL;
		}
		*meta_slot(&up->meta, i) = v;
	}
	return ingest_meta_check(&up->meta, err);
}

/* A form upload: its "log" part to the ingest, its fields kept. */
static int runs_form_begin(struct http_request *req, struct runs_upload *up)
{
	if (!up->form)
		up->form = form_new();
	/* a gzip log part is unpacked, unless the body is gzip already */
	return form_begin(up->form, req->conn, query_meta, RUNS_META, to_ingest,
			  up->up.in, up->up.gzip ? NULL : &up->up.gz,
			  &req->err);
}

static void runs_begin(struct http_request *req)
{
	const char *type = http_header(req, "Content-Type");
	struct runs_upload *up =
		http_ctx(req, runs_upload_new, runs_upload_free);
	size_t i;

	memset(&up->meta, 0, sizeof(up->meta));
	/* a MIME body of another kind would be stored, framing and all */
	if (type && !strncasecmp(type, "multipart/", 10) &&
	    strncasecmp(type, "multipart/form-data", 19)) {
		http_reply_error(req, 415, "unsupported_media_type",
				 "a multipart body other than"
				 " multipart/form-data: send the log raw,"
				 " as a form or as JSON");
		return;
	}
	up->body = !type					 ? RUNS_RAW :
		   !strncasecmp(type, "application/json", 16)	 ? RUNS_JSON :
		   !strncasecmp(type, "multipart/form-data", 19) ? RUNS_FORM :
								   RUNS_RAW;
	for (i = 0; up->body == RUNS_JSON && i < RUNS_META; i++) {
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
	/* a misspelt or repeated name would be dropped unseen, and the run
	 * filed under another machine or test (docs/api.md) */
	if (http_query_known_once(req, up->body == RUNS_JSON ?
					       query_meta + RUNS_META :
					       query_meta)) {
		http_reply_error(req, 400, "bad_request", req->err.buf);
		return;
	}
	if (upload_encoding(req, &up->up) ||
	    (up->body == RUNS_JSON && upload_json_reserve(req, &up->up)))
		return;
	if (up->body == RUNS_JSON)
		return;
	for (i = 0; i < RUNS_META; i++)
		*meta_slot(&up->meta, i) = http_query(req, query_meta[i]);
	up->meta.regress = http_config(req)->regress;
	if (up->body == RUNS_RAW) /* a .gz sent as it is is unpacked */
		gunzip_sniff_start(&up->raw, up->up.gzip ? NULL : &up->up.gz,
				   to_ingest, up->up.in);
	/* a form's metadata is complete at its end: checked there */
	if ((up->body == RUNS_FORM && runs_form_begin(req, up)) ||
	    (up->body == RUNS_RAW && ingest_meta_check(&up->meta, &req->err))) {
		http_reply_error(req, 400, "bad_request", req->err.buf);
		return;
	}
	ingest_start(up->up.in, upload_limits(req));
}

static void runs_data(struct http_request *req, const char *data, size_t len)
{
	struct runs_upload *up = req->ctx;
	gunzip_fn fn = up->body == RUNS_JSON ? upload_json_body_add :
		       up->body == RUNS_FORM ? form_feed :
					       gunzip_sniff_feed;
	void *ctx = up->body == RUNS_JSON ? (void *)req :
		    up->body == RUNS_FORM ? (void *)up->form :
					    (void *)&up->raw;
	int ret;

	if (up->up.gzip)
		ret = gunzip_feed(up->up.gz, data, len, fn, ctx, &req->err);
	else
		ret = fn(ctx, data, len, &req->err);
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
 * Whether every key of the upload's document is "run" or "log" and every
 * key of its "run" a metadata name; else -EINVAL naming the first other
 * one (a misspelt "machnie" would be dropped unseen).
 */
static int runs_json_keys(json_t *doc, json_t *run, struct strbuf *err)
{
	const char *key;
	json_t *v;
	size_t i;

	json_object_foreach(doc, key, v) {
		if (strcmp(key, "run") && strcmp(key, "log")) {
			strbuf_addf(err,
				    "unknown key '%.64s' in the JSON document"
				    " (it takes \"run\" and \"log\")",
				    key);
			return -EINVAL;
		}
	}
	json_object_foreach(run, key, v) {
		for (i = 0; i < RUNS_META; i++)
			if (!strcmp(key, query_meta[i]))
				break;
		if (i < RUNS_META)
			continue;
		strbuf_addf(err, "unknown key '%.64s' in \"run\" (it takes ",
			    key);
		for (i = 0; i < RUNS_META; i++)
			strbuf_addf(err, "%s%s",
				    !i		      ? "" :
				    i + 1 < RUNS_META ? ", " :
							" and ",
				    query_meta[i]);
		strbuf_addch(err, ')');
		return -EINVAL;
	}
	return 0;
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
	size_t i;

	if (jsonw_count_values(req->body.buf, req->body.len) >
	    RUNS_JSON_VALUES) {
		strbuf_addf(&req->err,
			    "the JSON document has more than %d values;"
			    " it must be {\"run\": {...}, \"log\": \"...\"}",
			    RUNS_JSON_VALUES);
		return -EINVAL;
	}
	/* a key twice would be read as its last value, unseen */
	*doc = json_loadb(req->body.buf, req->body.len, JSON_REJECT_DUPLICATES,
			  &jerr);
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
	ret = runs_json_keys(*doc, run, &req->err);
	if (ret)
		return ret;
	for (i = 0; i < RUNS_META; i++)
		*meta_slot(&up->meta, i) = json_meta(run, query_meta[i], &bad);
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
	if (!ret && up->body == RUNS_JSON)
		ret = upload_json_not_gzip(req, &up->up);
	if (!ret && up->body == RUNS_JSON)
		ret = runs_json(req, up, &doc);
	if (!ret && up->body == RUNS_RAW)
		ret = gunzip_sniff_finish(&up->raw, &req->err);
	if (!ret && up->body == RUNS_FORM)
		ret = form_finish(up->form, &req->err);
	if (!ret && up->body == RUNS_FORM)
		ret = form_meta(up, &req->err);
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
	long long last_at, last_id;
};

static int add_run(void *ctx, const struct db_run *r)
{
	struct run_list *l = ctx;

	json_array_append_new(l->runs, api_run_json(r));
	l->last_at = r->run_at;
	l->last_id = r->id;
	return 0;
}

void api_runs_list(struct http_request *req)
{
	static const char *const known[] = { "machine", "limit", "cursor",
					     NULL };
	struct run_list l = { json_array(), 0, 0 };
	long long limit, at, id;
	int ret;

	ret = http_query_known(req, known) ? -EINVAL : 0;
	if (!ret)
		ret = http_query_int(req, "limit", 50, 1, 500, &limit);
	if (!ret)
		ret = api_time_cursor(req, &at, &id);
	if (!ret)
		ret = db_run_list(http_db(req), at, id,
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
					  json_sprintf("%lld.%lld", l.last_at,
						       l.last_id) :
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

static int add_regression(void *ctx, const struct db_dash_run_regression *g)
{
	json_t *o = json_pack("{s:I, s:o, s:o, s:b, s:b, s:b, s:o, s:o}", "id",
			      (json_int_t)g->id, "title", view_string(g->title),
			      "status", view_string(g->status), "seen", g->seen,
			      "counted", g->counted, "reopened", g->reopened,
			      "why", view_string(g->why), "url",
			      api_regression_url(g->id));

	json_array_append_new(ctx, o);
	return 0;
}

void api_runs_get(struct http_request *req)
{
	struct run_detail d = { NULL, 0 };
	json_t *reports = json_array(), *regs = json_array(), *o;
	int ret;

	ret = db_run_get(http_db(req), req->param[0], get_run, &d, &req->err);
	if (!ret)
		ret = db_run_reports(http_db(req), d.id, add_report, reports,
				     &req->err);
	if (!ret)
		ret = db_dash_run_regressions(
			http_db(req), d.id,
			json_string_value(json_object_get(d.run, "id")),
			add_regression, regs, &req->err);
	o = ret ? NULL :
		  json_pack("{s:O, s:O, s:O}", "run", d.run, "reports", reports,
			    "regressions", regs);
	if (o && !req->who.name[0]) /* no server paths for anyone */
		ret = regress_hide_paths(http_db(req), o, &req->err);
	json_decref(d.run);
	json_decref(reports);
	json_decref(regs);
	if (ret) {
		json_decref(o);
		http_reply_errno(req, ret,
				 ret == -ENOENT ? "no such run" : req->err.buf);
		return;
	}
	run_kernel_release(json_object_get(o, "run"),
			   json_object_get(o, "reports"));
	http_reply_json(req, 200, o);
}
