// SPDX-License-Identifier: GPL-2.0
/* http: libmicrohttpd glue, the route dispatcher, database pool, shutdown. */
#include "server/http/http.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <microhttpd.h>
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "db/checkpointer.h"
#include "parsers/alloc.h"
#include "parsers/compiler.h"
#include "server/http/api.h"
#include "server/http/metrics.h"
#include "server/http/routes.h"
#include "server/http/upload.h"
#include "server/kcidb/fetcher.h"
#include "server/triage/owners_cache.h"

/*
 * The longest request target and the most query parameters a request may
 * have (414 past either; docs/api.md "Limits").
 */
#define HTTP_URI_MAX 8192
#define HTTP_QUERY_MAX 256
/* A connection keeps a body buffer this large for its next request. */
#define HTTP_BODY_KEEP (64 * 1024)
/*
 * Connections past --max-conns or --max-conns-per-ip that are answered 503
 * (connguard_add()) before libmicrohttpd closes new ones without a word:
 * this many more at once, in all and from one address.
 */
#define HTTP_CONNS_ANSWERED 16
/* libmicrohttpd's lines shown a minute; the rest are counted (mhd_log()). */
#define HTTP_MHD_LINES 10
#define HTTP_MHD_WINDOW 60

/* Per TCP connection: the request in flight and buffers reused by the next. */
struct http_conn {
	struct http_request req;
	bool uri_too_long; /* set by on_uri() for the request being read */
	bool uri_nul; /* its target holds %00, which would cut a C string */
	struct connguard_conn guard;
	char peer[48]; /* the client's numeric address, for the access log */
	enum connguard_admit admit; /* past a connection cap: 503 */
};

struct http_server {
	const struct http_config *cfg;
	const struct route *routes;
	size_t nroutes;
	struct metrics *metrics;
	struct connguard *guard;
	pthread_mutex_t write_lock;
	struct db *writer; /* writes runs and regressions, under write_lock */
	pthread_mutex_t pool_lock;
	pthread_cond_t pool_cond;
	struct db **pool; /* free handles */
	size_t npool, pool_size;
	long active; /* requests in flight (atomic) */
	unsigned long long buffered; /* bytes reserved by req->body (atomic) */
	struct db_checkpointer *checkpointer;
	/* computes owners that reads found missing (owners_cache.h) */
	struct owners_filler *owners_filler;
	/* libmicrohttpd's lines in this minute: shown, and hidden */
	pthread_mutex_t log_lock;
	time_t log_window;
	unsigned log_shown;
	unsigned long log_hidden;
};

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static struct db *pool_get(struct http_server *srv)
{
	struct db *db;

	pthread_mutex_lock(&srv->pool_lock);
	while (!srv->npool)
		pthread_cond_wait(&srv->pool_cond, &srv->pool_lock);
	db = srv->pool[--srv->npool];
	pthread_mutex_unlock(&srv->pool_lock);
	return db;
}

static void pool_put(struct http_server *srv, struct db *db)
{
	pthread_mutex_lock(&srv->pool_lock);
	srv->pool[srv->npool++] = db;
	pthread_cond_signal(&srv->pool_cond);
	pthread_mutex_unlock(&srv->pool_lock);
}

const char *http_query(struct http_request *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_GET_ARGUMENT_KIND,
					   name);
}

int http_query_int(struct http_request *req, const char *name, long long def,
		   long long min, long long max, long long *out)
{
	const char *s = http_query(req, name);
	char *end;

	*out = def;
	if (!s)
		return 0;
	errno = 0;
	*out = strtoll(s, &end, 10);
	if (!*s || *end || errno || *out < min || *out > max) {
		strbuf_addf(&req->err, "%s must be an integer in %lld..%lld",
			    name, min, max);
		return -EINVAL;
	}
	return 0;
}

struct query_known {
	const char *const *names;
	const char *unknown, *twice;
	bool once; /* a name given twice is refused too */
	unsigned long long seen; /* bit i: names[i] was given */
};

static enum MHD_Result query_arg(void *cls, enum MHD_ValueKind kind,
				 const char *key, const char *value)
{
	struct query_known *q = cls;
	size_t i;

	(void)kind;
	(void)value;
	for (i = 0; q->names[i]; i++) {
		if (strcmp(key, q->names[i]))
			continue;
		if (q->once && i < 64 && (q->seen & (1ULL << i))) {
			q->twice = key;
			return MHD_NO;
		}
		q->seen |= i < 64 ? 1ULL << i : 0;
		return MHD_YES;
	}
	q->unknown = key;
	return MHD_NO;
}

static int query_check(struct http_request *req, const char *const *names,
		       bool once)
{
	struct query_known q = { .names = names, .once = once };
	size_t i;

	MHD_get_connection_values(req->conn, MHD_GET_ARGUMENT_KIND, query_arg,
				  &q);
	if (q.twice) {
		strbuf_addf(&req->err, "query parameter '%.64s' is given twice",
			    q.twice);
		return -EINVAL;
	}
	if (!q.unknown)
		return 0;
	strbuf_addf(&req->err, "unknown query parameter '%.64s' (", q.unknown);
	strbuf_addstr(&req->err, !names[0] ? "this takes none" :
				 !names[1] ? "this takes only " :
					     "this takes ");
	for (i = 0; names[i]; i++)
		strbuf_addf(&req->err, "%s%s",
			    !i		 ? "" :
			    names[i + 1] ? ", " :
					   " and ",
			    names[i]);
	strbuf_addch(&req->err, ')');
	return -EINVAL;
}

int http_query_known(struct http_request *req, const char *const *names)
{
	return query_check(req, names, false);
}

int http_query_known_once(struct http_request *req, const char *const *names)
{
	return query_check(req, names, true);
}

const char *http_header(struct http_request *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
}

const struct http_config *http_config(struct http_request *req)
{
	return req->srv->cfg;
}

struct db *http_db(struct http_request *req)
{
	if (!req->db)
		req->db = pool_get(req->srv);
	return req->db;
}

struct owners_filler *http_owners_filler(struct http_request *req)
{
	return req->srv->owners_filler;
}

pthread_mutex_t *http_write_lock(struct http_request *req)
{
	return &req->srv->write_lock;
}

struct db *http_writer(struct http_request *req)
{
	return req->srv->writer;
}

struct db *http_ingest_db(struct http_request *req, pthread_mutex_t **lock)
{
	if (db_concurrent_ingest(req->srv->writer)) {
		*lock = NULL;
		return http_db(req);
	}
	*lock = &req->srv->write_lock;
	return req->srv->writer;
}

static void ctx_release(struct http_request *req)
{
	if (req->ctx_free)
		req->ctx_free(req->ctx);
	req->ctx = NULL;
	req->ctx_free = NULL;
}

void *http_ctx(struct http_request *req, void *(*create)(void),
	       void (*release)(void *ctx))
{
	if (req->ctx && req->ctx_free == release)
		return req->ctx;
	ctx_release(req);
	req->ctx = create();
	req->ctx_free = release;
	return req->ctx;
}

struct metrics *http_metrics(struct http_request *req)
{
	return req->srv->metrics;
}

long http_in_flight(struct http_request *req)
{
	return __atomic_load_n(&req->srv->active, __ATOMIC_RELAXED);
}

bool http_checkpoint_failing(struct http_request *req, struct strbuf *out)
{
	return db_checkpointer_failing(req->srv->checkpointer, out);
}

/* The policy of every reply but files: it loads nothing, is never framed. */
static const char csp_none[] = "default-src 'none'; frame-ancestors 'none'";
/* The dashboard's: scripts, styles and fetches from this origin only, no
 * inline script or style attribute, no plugin, no base, never framed. */
static const char csp_files[] =
	"default-src 'none'; script-src 'self'; style-src 'self';"
	" img-src 'self' data:; connect-src 'self'; font-src 'self';"
	" base-uri 'none'; form-action 'self'; object-src 'none';"
	" frame-ancestors 'none'";

/*
 * Every reply: never framed (X-Frame-Options, CSP frame-ancestors), no
 * sniffing.  API replies load nothing and are never stored by a cache;
 * files (the dashboard) may load only from this origin.
 */
static void set_response(struct http_request *req, int status,
			 struct MHD_Response *resp, const char *type,
			 unsigned long long len, bool file)
{
	if (req->response)
		MHD_destroy_response(req->response);
	MHD_add_response_header(resp, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(resp, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(resp, "X-Frame-Options", "DENY");
	if (file) {
		MHD_add_response_header(resp, "Content-Security-Policy",
					csp_files);
		MHD_add_response_header(resp, "Referrer-Policy", "no-referrer");
	} else {
		MHD_add_response_header(resp, "Content-Security-Policy",
					csp_none);
		MHD_add_response_header(resp, MHD_HTTP_HEADER_CACHE_CONTROL,
					"no-store");
	}
	req->response = resp;
	req->reply_text = NULL;
	req->status = status;
	req->bytes_out = len;
}

void http_reply_text(struct http_request *req, int status, const char *type,
		     const char *text, size_t len)
{
	struct MHD_Response *resp = MHD_create_response_from_buffer(
		len, (void *)text, MHD_RESPMEM_MUST_COPY);

	if (!resp)
		abort();
	set_response(req, status, resp, type, len, false);
}

void http_reply_html(struct http_request *req, int status, const char *html,
		     size_t len)
{
	http_reply_text(req, status, "text/html; charset=utf-8", html, len);
	/* set_response's API policy, and forms to this origin only (the
	 * default source does not cover form-action) */
	MHD_del_response_header(req->response, "Content-Security-Policy",
				csp_none);
	MHD_add_response_header(req->response, "Content-Security-Policy",
				"default-src 'none'; form-action 'self';"
				" base-uri 'none'; frame-ancestors 'none'");
	MHD_add_response_header(req->response, "Referrer-Policy",
				"no-referrer");
}

void http_reply_fd(struct http_request *req, int status, const char *type,
		   int fd, unsigned long long size)
{
	struct MHD_Response *resp = MHD_create_response_from_fd(size, fd);

	if (!resp) {
		close(fd);
		http_reply_error(req, 500, "internal", "cannot send file");
		return;
	}
	set_response(req, status, resp, type, size, true);
}

void http_reply_json(struct http_request *req, int status, json_t *body)
{
	char *text = body ? json_dumps(body, JSON_COMPACT) : NULL;
	struct MHD_Response *resp;
	size_t len;

	json_decref(body);
	if (!text) {
		static const char oom[] = "{\"error\":\"internal\","
					  "\"detail\":\"cannot build reply\"}";
		http_reply_text(req, 500, "application/json", oom,
				sizeof(oom) - 1);
		return;
	}
	len = strlen(text);
	resp = MHD_create_response_from_buffer_with_free_callback(len, text,
								  free);
	if (!resp)
		abort();
	set_response(req, status, resp, "application/json", len, false);
	req->reply_text = text;
	req->reply_len = len;
}

/* Hold total bytes of --max-buffered for req (it may hold some already). */
static int budget_reserve(struct http_request *req, unsigned long long total,
			  struct strbuf *err)
{
	struct http_server *srv = req->srv;
	unsigned long long more, now;

	if (total <= req->reserved)
		return 0;
	if (total > srv->cfg->max_buffered) {
		/* more than an idle server has: retrying cannot help */
		strbuf_addf(err,
			    "the body needs %llu bytes of memory (its text"
			    " and its parse), more than --max-buffered %llu",
			    total, srv->cfg->max_buffered);
		return -EFBIG;
	}
	more = total - req->reserved;
	now = __atomic_add_fetch(&srv->buffered, more, __ATOMIC_RELAXED);
	if (now > srv->cfg->max_buffered) {
		__atomic_sub_fetch(&srv->buffered, more, __ATOMIC_RELAXED);
		strbuf_addf(err,
			    "the server holds its --max-buffered %llu bytes"
			    " of request bodies; retry later",
			    srv->cfg->max_buffered);
		return -EBUSY;
	}
	req->reserved = total;
	return 0;
}

static void budget_release(struct http_request *req)
{
	if (req->reserved)
		__atomic_sub_fetch(&req->srv->buffered, req->reserved,
				   __ATOMIC_RELAXED);
	req->reserved = 0;
}

int http_body_reserve(struct http_request *req, unsigned long long len,
		      struct strbuf *err)
{
	return budget_reserve(req, 2 * len, err);
}

int http_body_append(struct http_request *req, const char *data, size_t len,
		     struct strbuf *err)
{
	int ret = budget_reserve(req, 2 * (req->body.len + len), err);

	if (!ret)
		strbuf_add(&req->body, data, len);
	return ret;
}

json_t *http_body_object(struct http_request *req)
{
	json_error_t jerr;
	json_t *o = json_loadb(req->body.buf, req->body.len, 0, &jerr);

	if (!json_is_object(o)) {
		strbuf_addf(&req->err, "the body must be a JSON object: %s",
			    o ? "not an object" : jerr.text);
		http_reply_error(req, 400, "bad_request", req->err.buf);
		json_decref(o);
		return NULL;
	}
	return o;
}

void http_reply_error(struct http_request *req, int status, const char *error,
		      const char *detail)
{
	http_reply_json(req, status,
			json_pack("{s:s, s:o}", "error", error, "detail",
				  view_string(detail ? detail : "")));
}

void http_reply_errno(struct http_request *req, int err, const char *detail)
{
	switch (err) {
	case -ENOENT:
		http_reply_error(req, 404, "not_found", detail);
		break;
	case -EINVAL:
		http_reply_error(req, 400, "bad_request", detail);
		break;
	case -EFBIG:
		http_reply_error(req, 413, "payload_too_large", detail);
		break;
	case -EEXIST:
		http_reply_error(req, 409, "conflict", detail);
		break;
	case -EACCES:
		http_reply_error(req, 403, "forbidden", detail);
		break;
	case -EBUSY:
		http_reply_error(req, 503, "busy", detail);
		MHD_add_response_header(req->response,
					MHD_HTTP_HEADER_RETRY_AFTER, "5");
		break;
	default:
		if (db_unavailable() || db_storage_error(err)) {
			/* the outage is the database's (PostgreSQL down, a
			 * full disk, a file that cannot be written or was
			 * replaced): say so and when to come back, and keep
			 * the reason (libpq's message names the host) for the
			 * operator's log */
			struct strbuf log = STRBUF_INIT;

			strbuf_addstr(&log, "splatd: ");
			strbuf_add_logsafe(&log, req->method);
			strbuf_addch(&log, ' ');
			strbuf_add_logsafe(&log, req->path);
			strbuf_addstr(&log, ": database unavailable: ");
			strbuf_add_logtext(&log, detail ? detail : "");
			fprintf(stderr, "%s\n", log.buf);
			strbuf_release(&log);
			http_reply_error(req, 503, "unavailable",
					 err == -ENOSPC ?
						 "the database's disk is full;"
						 " try again later" :
						 "the database is unavailable;"
						 " try again later");
			MHD_add_response_header(req->response,
						MHD_HTTP_HEADER_RETRY_AFTER,
						"5");
			break;
		}
		http_reply_error(req, 500, "internal", detail);
		break;
	}
}

/*
 * Match path against pattern, capturing {} segments into req->param; {+}
 * captures one or more segments, all the path holds before the literal
 * rest of the pattern (which has no other {}).
 */
static bool route_match(const char *pattern, const char *path,
			struct http_request *req)
{
	const char *p = pattern, *s = path, *end;
	size_t n, nparam = 0, len;

	while (*p) {
		if (!strcmp(p, "{*}"))
			return true;
		if (!strncmp(p, "{+}", 3)) {
			n = strlen(p + 3);
			len = strlen(s);
			if (len <= n || strcmp(s + len - n, p + 3))
				return false;
			len -= n;
			if (len >= HTTP_PARAM_MAX || nparam >= 2)
				return false;
			memcpy(req->param[nparam], s, len);
			req->param[nparam++][len] = '\0';
			return true;
		}
		if (!strncmp(p, "{}", 2)) {
			end = strchr(s, '/');
			len = end ? (size_t)(end - s) : strlen(s);
			if (!len || len >= HTTP_PARAM_MAX || nparam >= 2)
				return false;
			memcpy(req->param[nparam], s, len);
			req->param[nparam++][len] = '\0';
			s += len;
			p += 2;
			continue;
		}
		end = strchr(p, '{');
		n = end ? (size_t)(end - p) : strlen(p);
		if (strncmp(p, s, n))
			return false;
		p += n;
		s += n;
	}
	return !*s;
}

/* The methods an Allow header may name, in the order it names them. */
static const char *const allow_methods[] = { "GET", "HEAD",  "POST",
					     "PUT", "PATCH", "DELETE" };

/* A route of method serves a request of req_method: HEAD is a GET's. */
static bool method_serves(const char *method, const char *req_method)
{
	return !strcmp(method, req_method) ||
	       (!strcmp(method, "GET") && !strcmp(req_method, "HEAD"));
}

/*
 * The route for method and path; when only the method differs, NULL with
 * the path's methods in *allow (a bit per allow_methods[] entry).
 */
static const struct route *route_find(struct http_request *req, unsigned *allow)
{
	const struct http_server *srv = req->srv;
	size_t i, m;

	*allow = 0;
	for (i = 0; i < srv->nroutes; i++) {
		if (!route_match(srv->routes[i].pattern, req->path, req))
			continue;
		if (!method_serves(srv->routes[i].method, req->method)) {
			/* a catch-all row does not make a path known */
			if (strstr(srv->routes[i].pattern, "{*}"))
				continue;
			for (m = 0; m < sizeof(allow_methods) /
						sizeof(allow_methods[0]);
			     m++)
				if (method_serves(srv->routes[i].method,
						  allow_methods[m]))
					*allow |= 1u << m;
			continue;
		}
		req->route_index = i;
		return &srv->routes[i];
	}
	return NULL;
}

/* 405 with an Allow header naming the path's methods. */
static void reply_405(struct http_request *req, unsigned allow)
{
	struct strbuf methods = STRBUF_INIT;
	size_t m;

	for (m = 0; m < ARRAY_SIZE(allow_methods); m++) {
		if (!(allow & (1u << m)))
			continue;
		if (methods.len)
			strbuf_addstr(&methods, ", ");
		strbuf_addstr(&methods, allow_methods[m]);
	}
	http_reply_error(req, 405, "method_not_allowed", req->method);
	MHD_add_response_header(req->response, MHD_HTTP_HEADER_ALLOW,
				methods.buf);
	strbuf_release(&methods);
}

static void release_db(struct http_request *req)
{
	if (req->db) {
		db_idle(req->db); /* no read transaction outlives a request */
		pool_put(req->srv, req->db);
		req->db = NULL;
	}
}

/* The route's handler: a stream handler in every phase, else once at
 * HTTP_END. */
static void call_handler(struct http_request *req, enum http_phase phase,
			 const char *data, size_t len)
{
	if (req->route->stream)
		req->route->stream(req, phase, data, len);
	else if (phase == HTTP_END)
		req->route->handler(req);
	release_db(req);
}

/* The headers that frame a request's body, counted (request_framing()). */
struct framing {
	unsigned clen, te;
	const char *te_value;
};

static enum MHD_Result framing_header(void *cls, enum MHD_ValueKind kind,
				      const char *key, const char *value)
{
	struct framing *f = cls;

	(void)kind;
	if (!strcasecmp(key, MHD_HTTP_HEADER_CONTENT_LENGTH)) {
		f->clen++;
	} else if (!strcasecmp(key, MHD_HTTP_HEADER_TRANSFER_ENCODING)) {
		f->te++;
		f->te_value = value;
	}
	return MHD_YES;
}

/*
 * Whether a Transfer-Encoding value is "chunked" alone, as libmicrohttpd
 * reads it: any case, but no whitespace after it (it would not take
 * "chunked " for chunked and wait for the body's end until the deadline).
 */
static bool te_is_chunked(const char *v)
{
	return !strcasecmp(v, "chunked");
}

/*
 * A body whose framing two parties could read apart (RFC 9112 6.1, 6.3):
 * Content-Length more than once (even twice the same value: no client
 * needs it, and refusing is the one reading nobody can get wrong),
 * Transfer-Encoding with Content-Length or in an HTTP/1.0 request: 400.
 * A transfer coding other than chunked alone: 501 (RFC 9112 6.1: one the
 * server does not understand).  libmicrohttpd would take the first
 * Content-Length and read the rest of the body as the next request
 * (smuggling), or wait for the end of an unknown coding's body until the
 * deadline and close without a word; it answers a Content-Length that is
 * no number itself.  The reply closes the connection (Connection:
 * close): what follows on it cannot be framed.  Returns whether it replied.
 */
static bool request_framing(struct http_request *req, const char *version)
{
	struct framing f = { 0 };
	const char *detail = NULL;
	int status = 400;

	MHD_get_connection_values(req->conn, MHD_HEADER_KIND, framing_header,
				  &f);
	if (f.clen > 1) {
		detail = "Content-Length is given more than once: the body's"
			 " length is ambiguous";
	} else if (f.clen && f.te) {
		detail = "both Transfer-Encoding and Content-Length: the"
			 " body's length is ambiguous";
	} else if (f.te && version && !strcmp(version, MHD_HTTP_VERSION_1_0)) {
		detail = "Transfer-Encoding in an HTTP/1.0 request";
	} else if (f.te > 1 || (f.te && !te_is_chunked(f.te_value))) {
		status = 501;
		detail = "the only transfer coding this server reads is"
			 " 'chunked' (alone); send the body with"
			 " Content-Length or chunked";
	}
	if (!detail)
		return false;
	req->route_index = req->srv->nroutes;
	http_reply_error(req, status,
			 status == 501 ? "not_implemented" : "bad_request",
			 detail);
	MHD_add_response_header(req->response, MHD_HTTP_HEADER_CONNECTION,
				"close");
	return true;
}

/* Route, auth and body limits once the headers are in. */
/*
 * version: the request's HTTP version.  An HTTP/1.0 request has no chunked
 * body: one that takes a body and says no Content-Length is refused with
 * 411 rather than read as empty.
 */
static void request_begin(struct http_request *req, const char *version)
{
	const struct http_config *cfg = req->srv->cfg;
	const char *auth, *clen;
	unsigned long long limit;
	unsigned allow;
	int ret;

	req->route = route_find(req, &allow);
	if (!req->route) {
		req->route_index = req->srv->nroutes;
		if (allow)
			reply_405(req, allow);
		else
			http_reply_error(req, 404, "not_found", req->path);
		return;
	}
	/* Another scheme (a proxy's Basic) is no token: ignored here, 401
	 * below only where the route needs one. */
	auth = http_header(req, MHD_HTTP_HEADER_AUTHORIZATION);
	if (auth && auth_is_bearer(auth)) {
		/* libmicrohttpd keeps the whitespace after a field's value,
		 * which is not part of it (RFC 9110 5.5): "Bearer T " is T */
		struct strbuf value = STRBUF_INIT;

		strbuf_addstr(&value, auth);
		while (value.len && (value.buf[value.len - 1] == ' ' ||
				     value.buf[value.len - 1] == '\t'))
			strbuf_setlen(&value, value.len - 1);
		ret = auth_check(http_db(req), value.buf, &req->who, &req->err);
		strbuf_release(&value);
		release_db(req);
		if (ret == -ENOENT || ret == -EACCES) {
			http_reply_error(req, 401, "unauthorized",
					 ret == -EACCES ?
						 "the token was revoked" :
						 "unknown bearer token");
			return;
		}
		if (ret) {
			http_reply_errno(req, ret, req->err.buf);
			return;
		}
	}
	/* /metrics is the one read an operator may open alone */
	if (req->route->role == AUTH_READ && req->who.role == AUTH_ANON &&
	    (cfg->public_read || (cfg->metrics_public &&
				  req->route->handler == api_health_metrics)))
		req->who.role = AUTH_READ;
	else if (req->who.role == AUTH_ANON && req->route->role > AUTH_ANON) {
		http_reply_error(req, 401, "unauthorized",
				 "this endpoint needs Authorization: Bearer"
				 " <token>");
		return;
	}
	if (!auth_allows(req->who.role, req->route->role)) {
		strbuf_reset(&req->err);
		strbuf_addf(&req->err, "this endpoint needs the %s role",
			    auth_role_name(req->route->role));
		http_reply_error(req, 403, "forbidden", req->err.buf);
		return;
	}
	limit = req->route->body_limit == HTTP_BODY_STREAM ?
			cfg->max_body :
			req->route->body_limit;
	clen = http_header(req, MHD_HTTP_HEADER_CONTENT_LENGTH);
	if (!clen && req->route->body_limit && version &&
	    !strcmp(version, MHD_HTTP_VERSION_1_0)) {
		http_reply_error(req, 411, "length_required",
				 "an HTTP/1.0 request with a body needs"
				 " Content-Length");
		return;
	}
	if (clen && strtoull(clen, NULL, 10) > limit) {
		strbuf_reset(&req->err);
		strbuf_addf(&req->err, "the body is larger than %llu bytes",
			    limit);
		http_reply_error(req, 413, "payload_too_large", req->err.buf);
		return;
	}
	/* A buffered body announced by its length: take its memory now. */
	if (clen && req->route->body_limit != HTTP_BODY_STREAM) {
		strbuf_reset(&req->err);
		ret = http_body_reserve(req, strtoull(clen, NULL, 10),
					&req->err);
		if (ret) {
			http_reply_errno(req, ret, req->err.buf);
			return;
		}
	}
	if (req->route->body_limit == HTTP_BODY_STREAM)
		call_handler(req, HTTP_BEGIN, NULL, 0);
}

static void request_data(struct http_request *req, const char *data, size_t len)
{
	const struct http_config *cfg = req->srv->cfg;
	unsigned long long limit = req->route->body_limit;
	int ret;

	req->bytes_in += len;
	if (limit == HTTP_BODY_STREAM)
		limit = cfg->max_body;
	if (req->bytes_in > limit) {
		strbuf_reset(&req->err);
		strbuf_addf(&req->err, "the body is larger than %llu bytes",
			    limit);
		http_reply_error(req, 413, "payload_too_large", req->err.buf);
		return;
	}
	if (req->route->body_limit == HTTP_BODY_STREAM) {
		call_handler(req, HTTP_DATA, data, len);
	} else {
		strbuf_reset(&req->err);
		ret = http_body_append(req, data, len, &req->err);
		if (ret)
			http_reply_errno(req, ret, req->err.buf);
	}
}

static enum MHD_Result add_header_line(void *cls, enum MHD_ValueKind kind,
				       const char *key, const char *value)
{
	(void)kind;
	strbuf_addf(cls, "%s: %s\r\n", key, value);
	return MHD_YES;
}

/*
 * Send the reply waiting in req straight to the socket and close the
 * connection: for a reply decided in the middle of a body (past its limit,
 * past the memory budget, a bad log).  libmicrohttpd 0.9.75 refuses a
 * response until the whole upload is in and would read the rest, however
 * long, before sending it.  The reply goes out with the headers set_response
 * gave it and Connection: close; then the write side is shut (FIN after the
 * reply), what already arrived is dropped so the close does not reset the
 * connection under the reply, and MHD_NO makes libmicrohttpd close it.
 */
static enum MHD_Result reply_and_close(struct http_request *req)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(
		req->conn, MHD_CONNECTION_INFO_CONNECTION_FD);
	struct strbuf head = STRBUF_INIT;
	const char *reason = MHD_get_reason_phrase_for((unsigned)req->status);
	size_t len = req->reply_text ? req->reply_len : 0;
	char drop[16384];
	int fd, i;

	strbuf_addf(&head, "HTTP/1.1 %d %s\r\n", req->status,
		    reason ? reason : "");
	MHD_get_response_headers(req->response, add_header_line, &head);
	strbuf_addf(&head, "Content-Length: %zu\r\nConnection: close\r\n\r\n",
		    len);
	if (len)
		strbuf_add(&head, req->reply_text, len);
	if (ci) {
		fd = ci->connect_fd;
		if (send(fd, head.buf, head.len, MSG_NOSIGNAL | MSG_DONTWAIT) ==
		    (ssize_t)head.len)
			req->queued = true;
		shutdown(fd, SHUT_WR);
		for (i = 0; i < 64; i++)
			if (recv(fd, drop, sizeof(drop), MSG_DONTWAIT) <= 0)
				break;
	}
	strbuf_release(&head);
	MHD_destroy_response(req->response);
	req->response = NULL;
	return MHD_NO;
}

static enum MHD_Result queue(struct http_request *req)
{
	enum MHD_Result r;

	r = MHD_queue_response(req->conn, (unsigned)req->status, req->response);
	if (r == MHD_YES) {
		MHD_destroy_response(req->response);
		req->response = NULL;
		req->reply_text = NULL;
		req->queued = true;
		connguard_replying(&req->hc->guard);
	}
	return r;
}

static void request_reset(struct http_request *req)
{
	if (req->response)
		MHD_destroy_response(req->response);
	req->response = NULL;
	req->route = NULL;
	req->param[0][0] = req->param[1][0] = '\0';
	req->who.role = AUTH_ANON;
	req->who.name[0] = '\0';
	budget_release(req);
	if (req->body.alloc > HTTP_BODY_KEEP)
		strbuf_release(&req->body); /* a big body's memory goes back */
	strbuf_reset(&req->body);
	strbuf_reset(&req->err);
	req->bytes_in = req->bytes_out = 0;
	req->status = 0;
	req->queued = req->discard = false;
}

/*
 * A connection past --max-conns or --max-conns-per-ip: 503 busy with
 * Retry-After, and closed after it (its request is not served).  Answered
 * rather than closed unread, so a client sees why and when to come back.
 */
static void reply_over_cap(struct http_request *req)
{
	const struct http_config *cfg = req->srv->cfg;

	req->route_index = req->srv->nroutes;
	if (req->hc->admit == CONNGUARD_OVER_PEER)
		strbuf_addf(&req->err,
			    "this address has --max-conns-per-ip %u"
			    " connections open; retry when one closes",
			    cfg->max_conns_per_ip);
	else
		strbuf_addf(&req->err,
			    "the server has --max-conns %u connections open;"
			    " retry later",
			    cfg->max_conns);
	http_reply_error(req, 503, "busy", req->err.buf);
	MHD_add_response_header(req->response, MHD_HTTP_HEADER_RETRY_AFTER,
				"1");
	MHD_add_response_header(req->response, MHD_HTTP_HEADER_CONNECTION,
				"close");
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn,
				  const char *url, const char *method,
				  const char *version, const char *upload_data,
				  size_t *upload_data_size, void **con_cls)
{
	struct http_server *srv = cls;
	struct http_request *req = *con_cls;
	const union MHD_ConnectionInfo *ci;
	size_t n;

	if (!req) {
		ci = MHD_get_connection_info(
			conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
		if (!ci || !ci->socket_context)
			return MHD_NO;
		req = &((struct http_conn *)ci->socket_context)->req;
		request_reset(req);
		req->srv = srv;
		req->conn = conn;
		req->method = method;
		req->path = url;
		req->start_ns = now_ns();
		req->active = true;
		__atomic_fetch_add(&srv->active, 1, __ATOMIC_RELAXED);
		*con_cls = req;
		connguard_body_start(srv->guard, &req->hc->guard);
		if (req->hc->admit != CONNGUARD_SERVED) {
			reply_over_cap(req);
		} else if (req->hc->uri_too_long) {
			req->route_index = srv->nroutes;
			strbuf_addf(&req->err,
				    "the request target is longer than %d"
				    " bytes or has more than %d query"
				    " parameters",
				    HTTP_URI_MAX, HTTP_QUERY_MAX);
			http_reply_error(req, 414, "uri_too_long",
					 req->err.buf);
		} else if (req->hc->uri_nul) {
			req->route_index = srv->nroutes;
			http_reply_error(req, 400, "bad_request",
					 "the request target holds an encoded"
					 " NUL byte (%00)");
		} else if (!request_framing(req, version)) {
			request_begin(req, version);
		}
		/* An early reply: queue it now (MHD will not read the body). */
		if (req->response)
			return queue(req);
		return MHD_YES;
	}
	if (req->queued)
		return MHD_YES;
	if (*upload_data_size) {
		n = *upload_data_size;
		*upload_data_size = 0;
		if (req->response || req->discard)
			return MHD_YES;
		request_data(req, upload_data, n);
		connguard_body_progress(srv->guard, &req->hc->guard,
					req->bytes_in);
		/* A reply in the middle of the body: send it now and close
		 * rather than read the rest. */
		if (req->response && queue(req) != MHD_YES)
			return reply_and_close(req);
		return MHD_YES;
	}
	/* The request is in: no deadline while the handler works. */
	connguard_replying(&req->hc->guard);
	if (!req->response)
		call_handler(req, HTTP_END, req->body.buf, req->body.len);
	if (!req->response)
		http_reply_error(req, 500, "internal", "no reply");
	return queue(req);
}

/*
 * libmicrohttpd calls this with the raw request target just before it
 * parses the query into records in the connection's memory pool (128 KiB).
 * A query that does not fit there (about 2,000 parameters) leaves no room
 * for the error reply either, and 0.9.75 then drops the connection without
 * a word.  So a target over HTTP_URI_MAX bytes or HTTP_QUERY_MAX parameters
 * is marked for a 414 and its query cut off at the '?' (the string lies in
 * libmicrohttpd's read buffer, which it is about to cut there itself).
 */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(
		conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	struct http_conn *hc = ci ? ci->socket_context : NULL;
	char *query = strchr(uri, '?');
	const char *p;
	size_t params = 1;

	(void)cls;
	if (!hc)
		return NULL;
	for (p = query; p && *p; p++)
		params += *p == '&';
	hc->uri_too_long = strlen(uri) > HTTP_URI_MAX ||
			   (query && params > HTTP_QUERY_MAX);
	/* MHD decodes the path and the query values: a NUL would end them
	 * early and store "run1" for "run1%00x" */
	hc->uri_nul = strstr(uri, "%00") != NULL;
	if (hc->uri_too_long && query && query[1])
		query[1] = '\0';
	return NULL;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	struct http_server *srv = cls;
	struct http_request *req = *con_cls;
	struct strbuf line;
	long long ns;
	char when[32];
	struct tm tm;
	time_t t;

	(void)conn;
	(void)toe;
	if (!req || !req->active)
		return;
	ns = now_ns() - req->start_ns;
	if (!req->queued)
		req->status = 499; /* the client went away */
	metrics_request(srv->metrics, req->route_index, req->status,
			(unsigned long long)ns);
	if (srv->cfg->access_log) {
		t = time(NULL);
		gmtime_r(&t, &tm);
		strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%SZ", &tm);
		strbuf_init(&line, 128);
		strbuf_addf(&line, "%s %s ", when,
			    req->hc->peer[0] ? req->hc->peer : "-");
		strbuf_add_logsafe(&line, req->method);
		strbuf_addch(&line, ' ');
		strbuf_add_logsafe(&line, req->path);
		strbuf_addf(&line, " %d %llu %.3fms token=", req->status,
			    req->bytes_out, (double)ns / 1e6);
		strbuf_add_logsafe(&line,
				   req->who.name[0] ? req->who.name : "-");
		strbuf_addch(&line, '\n');
		fwrite(line.buf, 1, line.len, srv->cfg->access_log);
		strbuf_release(&line);
	}
	release_db(req);
	request_reset(req);
	connguard_idle(srv->guard, &req->hc->guard);
	req->active = false;
	*con_cls = NULL;
	__atomic_fetch_sub(&srv->active, 1, __ATOMIC_RELAXED);
}

/* The client's address, numeric: "127.0.0.1", "::1"; "-" when unknown. */
static void peer_name(struct MHD_Connection *conn, char *out, size_t size)
{
	const union MHD_ConnectionInfo *ci;
	const struct sockaddr *sa;
	socklen_t len;

	snprintf(out, size, "-");
	ci = MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (!ci || !ci->client_addr)
		return;
	sa = ci->client_addr;
	len = sa->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6) :
					  sizeof(struct sockaddr_in);
	if (getnameinfo(sa, len, out, size, NULL, 0, NI_NUMERICHOST))
		snprintf(out, size, "-");
}

static void on_connection(void *cls, struct MHD_Connection *conn,
			  void **socket_context,
			  enum MHD_ConnectionNotificationCode toe)
{
	struct http_server *srv = cls;
	struct http_conn *hc = *socket_context;
	const union MHD_ConnectionInfo *ci;

	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		hc = calloc(1, sizeof(*hc));
		if (!hc)
			abort();
		strbuf_init(&hc->req.body, 0);
		strbuf_init(&hc->req.err, 0);
		hc->req.hc = hc;
		*socket_context = hc;
		peer_name(conn, hc->peer, sizeof(hc->peer));
		ci = MHD_get_connection_info(conn,
					     MHD_CONNECTION_INFO_CONNECTION_FD);
		if (ci)
			hc->admit = connguard_add(srv->guard, &hc->guard,
						  ci->connect_fd, hc->peer);
		return;
	}
	if (!hc)
		return;
	connguard_remove(srv->guard, &hc->guard);
	budget_release(&hc->req);
	if (hc->req.response)
		MHD_destroy_response(hc->req.response);
	strbuf_release(&hc->req.body);
	strbuf_release(&hc->req.err);
	ctx_release(&hc->req);
	free(hc);
	*socket_context = NULL;
}

/*
 * The address of "host:port", "[v6]:port" or ":port" (host: an IPv4
 * address, localhost, or empty for all; port 0-65535, 0 any free one).
 */
static int listen_addr(const char *spec, struct sockaddr_storage *ss,
		       socklen_t *slen)
{
	struct sockaddr_in *v4 = (struct sockaddr_in *)ss;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)ss;
	struct strbuf host = STRBUF_INIT;
	const char *colon = strrchr(spec, ':');
	char *end;
	long port;
	int ret = -EINVAL;

	memset(ss, 0, sizeof(*ss));
	if (!colon)
		return -EINVAL;
	errno = 0;
	port = strtol(colon + 1, &end, 10);
	if (*end || errno || port < 0 || port > 65535 || end == colon + 1 ||
	    !isdigit((unsigned char)colon[1]))
		return -EINVAL;
	strbuf_add(&host, spec, (size_t)(colon - spec));
	if (host.len >= 2 && host.buf[0] == '[' &&
	    host.buf[host.len - 1] == ']') {
		memmove(host.buf, host.buf + 1, host.len - 2);
		strbuf_setlen(&host, host.len - 2);
		ss->ss_family = AF_INET6;
		if (inet_pton(AF_INET6, host.buf, &v6->sin6_addr) != 1)
			goto out;
		v6->sin6_port = htons((uint16_t)port);
		*slen = sizeof(*v6);
	} else {
		ss->ss_family = AF_INET;
		if (!host.len)
			v4->sin_addr.s_addr = htonl(INADDR_ANY);
		else if (!strcasecmp(host.buf, "localhost"))
			v4->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
		else if (inet_pton(AF_INET, host.buf, &v4->sin_addr) != 1)
			goto out;
		v4->sin_port = htons((uint16_t)port);
		*slen = sizeof(*v4);
	}
	ret = 0;
out:
	strbuf_release(&host);
	return ret;
}

int http_listen_option(void *dest, const char *arg)
{
	struct sockaddr_storage ss;
	socklen_t slen;

	if (listen_addr(arg, &ss, &slen))
		return -EINVAL;
	*(const char **)dest = arg;
	return 0;
}

int http_threads_option(void *dest, const char *arg)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(arg, &end, 10);
	if (!isdigit((unsigned char)*arg) || *end || errno || !n ||
	    n > HTTP_THREADS_MAX)
		return -EINVAL;
	*(unsigned *)dest = (unsigned)n;
	return 0;
}

/* Bind spec (listen_addr()'s); prints the bound address. */
static int listen_on(const char *spec, struct strbuf *err)
{
	struct sockaddr_storage ss;
	struct sockaddr_in *v4 = (struct sockaddr_in *)&ss;
	struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)&ss;
	char addr[INET6_ADDRSTRLEN];
	socklen_t slen;
	int fd, one = 1;

	if (listen_addr(spec, &ss, &slen)) {
		strbuf_addf(err,
			    "bad --listen '%s' (want HOST:PORT: an IPv4"
			    " address, [IPv6], localhost or nothing, and a"
			    " port 0-65535)",
			    spec);
		return -EINVAL;
	}
	fd = socket(ss.ss_family, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fd < 0 ||
	    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one)) ||
	    bind(fd, (struct sockaddr *)&ss, slen) || listen(fd, 1024) ||
	    getsockname(fd, (struct sockaddr *)&ss, &slen)) {
		int e = errno;

		strbuf_addf(err, "listening on %s: %s", spec, strerror(e));
		if (fd >= 0)
			close(fd);
		return -e;
	}
	if (ss.ss_family == AF_INET6) {
		inet_ntop(AF_INET6, &v6->sin6_addr, addr, sizeof(addr));
		printf("splatd: listening on http://[%s]:%u\n", addr,
		       ntohs(v6->sin6_port));
	} else {
		inet_ntop(AF_INET, &v4->sin_addr, addr, sizeof(addr));
		printf("splatd: listening on http://%s:%u\n", addr,
		       ntohs(v4->sin_port));
	}
	fflush(stdout);
	return fd;
}

static void forced_checkpoint(void *arg)
{
	metrics_forced_checkpoint(arg);
}

/*
 * The WAL is checkpointed off the request path (db/checkpointer.h): no
 * handle of the server checkpoints when it commits.
 */
static int checkpointer_start(struct http_server *srv, struct strbuf *err)
{
	struct db_checkpointer_config cc = {
		.path = srv->cfg->db_path,
		.max_frames = srv->cfg->wal_frames,
		.write_lock = &srv->write_lock,
		.on_forced = forced_checkpoint,
		.arg = srv->metrics,
	};
	size_t i;

	for (i = 0; i < srv->npool; i++)
		db_autocheckpoint(srv->pool[i], 0);
	db_autocheckpoint(srv->writer, 0);
	return db_checkpointer_start(&srv->checkpointer, &cc, err);
}

static void server_release(struct http_server *srv)
{
	size_t i;

	owners_filler_stop(srv->owners_filler);
	srv->owners_filler = NULL;
	db_checkpointer_stop(srv->checkpointer);
	srv->checkpointer = NULL;
	for (i = 0; i < srv->npool; i++)
		db_close(srv->pool[i]);
	free(srv->pool);
	db_close(srv->writer);
	metrics_free(srv->metrics);
	pthread_mutex_destroy(&srv->write_lock);
	pthread_mutex_destroy(&srv->pool_lock);
	pthread_mutex_destroy(&srv->log_lock);
	pthread_cond_destroy(&srv->pool_cond);
}

void http_config_init(struct http_config *cfg)
{
	*cfg = (struct http_config){
		.listen = "127.0.0.1:8080",
		.db_path = DB_DEFAULT_PATH,
		.max_body = HTTP_MAX_BODY,
		.public_read = true,
		.access_log = stderr,
		.max_conns = 1000,
		.max_conns_per_ip = 64,
		.guard = { .header_timeout = 10,
			   .body_timeout = 20,
			   .body_min_rate = 1024 },
		.max_buffered = 256ULL << 20,
		.max_json = 16ULL << 20,
		.kcidb_origin = "splatd",
	};
}

/*
 * libmicrohttpd's own error lines, on stderr with our prefix.  A reply sent
 * while the body was still coming (413 past a limit) ends the connection
 * on purpose by reporting an error to the library, which then logs
 * "Application reported internal error": that line says nothing to an
 * operator and is dropped.
 */
/* The count of the lines not shown in the window that ends (log_lock). */
static void mhd_log_hidden(struct http_server *srv)
{
	if (srv->log_hidden)
		fprintf(stderr,
			"splatd: libmicrohttpd: %lu more lines in %d s not"
			" shown (at most %d a minute)\n",
			srv->log_hidden, HTTP_MHD_WINDOW, HTTP_MHD_LINES);
	srv->log_hidden = 0;
	srv->log_shown = 0;
}

/*
 * Its other lines are a few a minute, the rest counted: it writes one for
 * every client that hangs up half way ("Connection was closed by remote
 * side with incomplete request"), so any client could fill the log with
 * them, and journald's rate limit would then drop serve's own lines too.
 */
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
	struct http_server *srv = cls;
	time_t now = time(NULL);
	char line[512];

	vsnprintf(line, sizeof(line), fmt, ap);
	if (strstr(line, "Application reported internal error"))
		return;
	pthread_mutex_lock(&srv->log_lock);
	if (now - srv->log_window >= HTTP_MHD_WINDOW) {
		mhd_log_hidden(srv);
		srv->log_window = now;
	}
	if (srv->log_shown < HTTP_MHD_LINES) {
		srv->log_shown++;
		fprintf(stderr, "splatd: libmicrohttpd: %s", line);
	} else {
		srv->log_hidden++;
	}
	pthread_mutex_unlock(&srv->log_lock);
}

/*
 * The memory one buffered body can need: twice (its text and its parse)
 * the largest, a --max-json document or a small route's body.  A
 * --max-buffered below it would answer such a body 503 forever.
 */
static int check_max_buffered(const struct http_config *cfg,
			      const struct route *routes, size_t n,
			      struct strbuf *err)
{
	unsigned long long most = cfg->max_json;
	size_t i;

	for (i = 0; i < n; i++)
		if (routes[i].body_limit != HTTP_BODY_STREAM &&
		    routes[i].body_limit > most)
			most = routes[i].body_limit;
	if (cfg->max_buffered >= 2 * most)
		return 0;
	strbuf_addf(err,
		    "--max-buffered %llu is less than one request body needs"
		    " (%llu bytes: twice %s %llu, for its text and its parse)",
		    cfg->max_buffered, 2 * most,
		    most == cfg->max_json ? "--max-json" :
					    "the largest small JSON body,",
		    most);
	return -EINVAL;
}

int http_config_check(const struct http_config *cfg, struct strbuf *err)
{
	size_t n;
	const struct route *routes = routes_table(&n);

	return check_max_buffered(cfg, routes, n, err);
}

/* libmicrohttpd's cap for our cap n: n and the connections answered 503. */
static unsigned with_answered(unsigned n)
{
	return n > UINT_MAX - HTTP_CONNS_ANSWERED ? UINT_MAX :
						    n + HTTP_CONNS_ANSWERED;
}

int http_serve(const struct http_config *cfg, struct strbuf *err)
{
	struct http_server srv = { 0 };
	struct connguard_limits guard;
	struct MHD_Daemon *d = NULL;
	struct strbuf shown = STRBUF_INIT;
	sigset_t sigs;
	unsigned threads = cfg->threads;
	long cores, waited;
	int fd = -1, sig = 0, ret = 0;
	size_t i;

	if (!threads) {
		cores = sysconf(_SC_NPROCESSORS_ONLN);
		threads = cores > 0 ? (unsigned)cores : 1;
	}
	srv.cfg = cfg;
	srv.routes = routes_table(&srv.nroutes);
	ret = check_max_buffered(cfg, srv.routes, srv.nroutes, err);
	if (ret)
		return ret;
	srv.metrics = metrics_new(srv.nroutes);
	/* the runs the KCIDB fetcher stores count as the uploads' do */
	kcidb_fetcher_count(cfg->kcidb_fetcher, upload_counted, srv.metrics);
	pthread_mutex_init(&srv.write_lock, NULL);
	pthread_mutex_init(&srv.pool_lock, NULL);
	pthread_mutex_init(&srv.log_lock, NULL);
	pthread_cond_init(&srv.pool_cond, NULL);
	srv.pool_size = threads + 1;
	srv.pool = calloc(srv.pool_size, sizeof(*srv.pool));
	if (!srv.pool)
		abort();
	for (i = 0; i < srv.pool_size; i++) {
		ret = db_open(&srv.pool[srv.npool], cfg->db_path, err);
		if (ret)
			goto out;
		srv.npool++;
	}
	ret = db_open(&srv.writer, cfg->db_path, err);
	if (ret)
		goto out;
	ret = checkpointer_start(&srv, err);
	if (!ret && cfg->owners)
		ret = owners_filler_start(&srv.owners_filler, cfg->db_path,
					  &srv.write_lock, cfg->owners, err);
	if (ret)
		goto out;
	fd = listen_on(cfg->listen, err);
	if (fd < 0) {
		ret = fd;
		goto out;
	}
	/* Worker threads inherit the mask: only this thread takes signals. */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	if (cfg->on_signal)
		sigaddset(&sigs, SIGHUP);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	signal(SIGPIPE, SIG_IGN);
	guard = cfg->guard;
	guard.max_conns = cfg->max_conns;
	guard.max_conns_per_peer = cfg->max_conns_per_ip;
	ret = connguard_new(&srv.guard, &guard, err);
	if (ret)
		goto out;
	/*
	 * poll(), not epoll: libmicrohttpd 0.9.75 registers sockets with
	 * EPOLLET and takes a short read for "nothing more to read", so a
	 * client whose last bytes and FIN arrive together is never read
	 * again and sits in CLOSE-WAIT until the timeout.  poll() is level
	 * triggered: the EOF is seen on the next round and the connection
	 * freed at once (t2100).
	 *
	 * A thread per connection, not a pool of threads each serving its
	 * share of the connections in turn: a request that waits (an ingest
	 * for the write lock, a big log's parse) holds up no other client.
	 * With a pool, the kernel handed keep-alive connections to threads
	 * unevenly, and all of a load's connections on one thread served
	 * them one at a time: the ingest bench measured 870 runs/s in one run
	 * out of three and 1,400 in the others; 1,370-1,430 in every run
	 * now (t2035).  --threads sizes the database pool instead: requests
	 * that need a connection beyond it wait for one (pool_get()).
	 */
	d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD |
			MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL |
			MHD_USE_ITC | MHD_USE_ERROR_LOG,
		0, NULL, NULL, on_request, &srv, MHD_OPTION_EXTERNAL_LOGGER,
		mhd_log, &srv, MHD_OPTION_LISTEN_SOCKET, fd,
		MHD_OPTION_NOTIFY_COMPLETED, on_completed, &srv,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, &srv,
		MHD_OPTION_URI_LOG_CALLBACK, on_uri, &srv,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(128 * 1024),
		MHD_OPTION_CONNECTION_TIMEOUT, 120u,
		MHD_OPTION_CONNECTION_LIMIT, with_answered(cfg->max_conns),
		MHD_OPTION_PER_IP_CONNECTION_LIMIT,
		with_answered(cfg->max_conns_per_ip), MHD_OPTION_END);
	if (!d) {
		strbuf_addstr(err, "cannot start the HTTP daemon");
		ret = -EIO;
		goto out;
	}
	db_path_describe(&shown, cfg->db_path);
	fprintf(stderr,
		"splatd: serving %s, %zu database connections, database %s\n",
		cfg->listen, srv.pool_size, shown.buf);
	if (cfg->static_dir)
		fprintf(stderr, "splatd: dashboard from %s\n", cfg->static_dir);
	else
		fputs("splatd: no dashboard files (no ./static, nor"
		      " share/splatd/static beside the program): give"
		      " --static DIR; the API serves without them\n",
		      stderr);
	strbuf_release(&shown);
	if (cfg->on_serving)
		cfg->on_serving(cfg->on_serving_arg, d);
	for (;;) {
		if (sigwait(&sigs, &sig))
			continue;
		if (cfg->on_signal)
			cfg->on_signal(cfg->on_signal_arg, sig);
		if (sig != SIGHUP)
			break;
	}
	fprintf(stderr, "splatd: signal %d, finishing requests\n", sig);
	fd = MHD_quiesce_daemon(d);
	if (fd >= 0)
		close(fd);
	fd = -1;
	for (waited = 0; waited < 3000 &&
			 __atomic_load_n(&srv.active, __ATOMIC_RELAXED) > 0;
	     waited++)
		usleep(10000);
	MHD_stop_daemon(d);
	mhd_log_hidden(&srv);
	fprintf(stderr, "splatd: stopped\n");
out:
	if (fd >= 0)
		close(fd);
	connguard_free(srv.guard);
	kcidb_fetcher_count(cfg->kcidb_fetcher, NULL, NULL);
	server_release(&srv);
	return ret;
}
