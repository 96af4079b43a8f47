/* SPDX-License-Identifier: GPL-2.0 */
/*
 * http: the HTTP glue of `splatd serve` on libmicrohttpd (poll, a worker
 * pool sized to the cores).  It matches a request against the route table,
 * checks its token and role, enforces body caps, streams or buffers the
 * body, calls the route's handler and queues its reply, writes one access-log
 * line per request and feeds /metrics.
 */
#ifndef SPLATD_HTTP_H
#define SPLATD_HTTP_H

#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>

#include "db/db.h"
#include "parsers/strbuf.h"
#include "server/triage/auth.h"
#include "server/http/connguard.h"

#define HTTP_BODY_STREAM (~0ULL)
/* --max-body's default: bytes of a request body on the wire. */
#define HTTP_MAX_BODY (64ULL << 20)
#define HTTP_PARAM_MAX 160

struct MHD_Daemon;

struct http_config {
	const char *listen; /* "127.0.0.1:8080", "[::1]:0", ":8080" */
	const char *db_path;
	const char *static_dir; /* NULL: no static files */
	unsigned long long max_body; /* bytes on the wire */
	/* caps on a run's log (server/triage/ingest.h); NULL: the defaults */
	const struct ingest_limits *limits;
	bool public_read;
	unsigned threads; /* database pool: threads + 1; 0: one per core */
	unsigned wal_frames; /* forced checkpoint above this; 0: default */
	FILE *access_log; /* NULL: none */
	struct regress
		*regress; /* regression tracker (server/triage/regress.h) */
	struct owners_source *owners; /* kernel tree for owners, or NULL */
	bool metrics_public; /* /metrics needs no token even when private */
	unsigned max_conns; /* open connections in all */
	unsigned max_conns_per_ip; /* ... from one address */
	struct connguard_limits guard; /* header and body deadlines */
	unsigned long long max_buffered; /* all buffered bodies together */
	unsigned long long max_json; /* a runs JSON document after gunzip */
	const char *kcidb_origin; /* of GET /api/v1/kcidb's ids */
	/* KCIDB in (server/kcidb/): which log_urls may be fetched, and the
	 * thread that fetches them (NULL: none; queued tests wait) */
	const struct kcidb_fetch_config *kcidb_fetch;
	struct kcidb_fetcher *kcidb_fetcher;
	/* Called with the running daemon once it serves: splatd serve tells
	 * systemd it is ready; tests hand the daemon connections of their
	 * own (with MHD_add_connection, tests/fuzz/fuzz_http.c). */
	void (*on_serving)(void *arg, struct MHD_Daemon *daemon);
	void *on_serving_arg;
	/* Called, when set, in the thread that takes the signals for each
	 * one taken: SIGHUP (then it goes on serving; without the hook
	 * SIGHUP is not waited for), SIGTERM or SIGINT (then it stops). */
	void (*on_signal)(void *arg, int sig);
	void *on_signal_arg;
};

enum http_phase {
	HTTP_BEGIN, /* headers are in; a reply here ends the request */
	HTTP_DATA, /* a piece of a streamed body */
	HTTP_END, /* the whole body is in (req->body when buffered) */
};

struct http_request;
struct http_conn;
struct http_server;
struct route;
struct regress;
struct owners_source;
struct ingest_limits;
struct kcidb_fetch_config;
struct kcidb_fetcher;

/*
 * A route's handler, called once the whole request is in (its body, when
 * the route takes one, in req->body); it answers with http_reply_*().
 */
typedef void (*http_handler_fn)(struct http_request *req);
/*
 * A streaming route's handler (body limit HTTP_BODY_STREAM), called in every
 * phase; it may answer with http_reply_*() in any, which ends the request.
 */
typedef void (*http_stream_fn)(struct http_request *req, enum http_phase phase,
			       const char *data, size_t len);

/* One request; lives in its connection's state and is reused. */
struct http_request {
	struct http_server *srv;
	struct http_conn *hc;
	void *conn; /* struct MHD_Connection */
	const struct route *route;
	size_t route_index;
	const char *method, *path;
	char param[2][HTTP_PARAM_MAX]; /* {} captures, URL-decoded */
	struct auth_identity who;
	struct strbuf body; /* buffered body (routes with a body limit) */
	struct strbuf err; /* scratch for error details */
	unsigned long long bytes_in, bytes_out;
	unsigned long long reserved; /* of the server's --max-buffered */
	long long start_ns;
	int status;
	void *response; /* struct MHD_Response waiting to be queued */
	const char *reply_text; /* its JSON body (freed with it), or NULL */
	size_t reply_len;
	bool queued, discard, active;
	struct db *db; /* from the pool while a handler runs */
	/* The handler's own state (http_ctx()), kept for the connection's
	 * next request and freed with ctx_free(ctx) when it closes. */
	void *ctx;
	void (*ctx_free)(void *ctx);
};

/* Run the service until SIGTERM/SIGINT; returns 0 or -errno with err. */
/* Every field at splatd serve's default (docs/security.md, Limits). */
void http_config_init(struct http_config *cfg);

int http_serve(const struct http_config *cfg, struct strbuf *err);
/*
 * The settings' checks http_serve() makes before it listens, for serve to
 * make before its slow start (a kernel tree's index): 0 or -EINVAL with err.
 */
int http_config_check(const struct http_config *cfg, struct strbuf *err);
/*
 * Options callbacks (server/options.h) of serve's --listen (a HOST:PORT
 * listen_on() can bind: checked when the option or the configuration
 * file's line is read, before anything is opened) and --threads (1 to
 * HTTP_THREADS_MAX: each is a database connection, and 100,000 would run
 * out of file descriptors at start).  0 or -EINVAL.
 */
#define HTTP_THREADS_MAX 256
int http_listen_option(void *dest, const char *arg);
int http_threads_option(void *dest, const char *arg);

const char *http_query(struct http_request *req, const char *name);
/*
 * Query parameter name as an integer in [min, max], def when absent; else
 * -EINVAL with the reason in the request's error buffer.
 */
int http_query_int(struct http_request *req, const char *name, long long def,
		   long long min, long long max, long long *out);
/*
 * 0 when every query parameter is one of names (NULL-terminated); else
 * -EINVAL, the first other one and the known ones named in the request's
 * error buffer (a typo, ?sinse=, is not silently ignored).
 */
int http_query_known(struct http_request *req, const char *const *names);
/* The same, and a name given twice (?id=a&id=b) is refused too. */
int http_query_known_once(struct http_request *req, const char *const *names);
const char *http_header(struct http_request *req, const char *name);
const struct http_config *http_config(struct http_request *req);
/* A database handle for this thread until the handler returns. */
struct db *http_db(struct http_request *req);
pthread_mutex_t *http_write_lock(struct http_request *req);
/* The thread computing owners off the request path (NULL without a kernel
 * tree): server/triage/owners_cache.h. */
struct owners_filler;
struct owners_filler *http_owners_filler(struct http_request *req);
/*
 * The one connection the ingest and regression writes go through, only with
 * http_write_lock() held: its page cache stays valid from one run to the
 * next, where a pool handle would find it dropped by every other writer's
 * commit and read the pages back.
 */
struct db *http_writer(struct http_request *req);
/*
 * The connection a run's ingest goes through, and the lock to hold (NULL:
 * none): http_writer() under http_write_lock() where writers are one at a
 * time anyway (SQLite), the request's own pool connection where the
 * database lets ingests run beside each other (PostgreSQL,
 * db_concurrent_ingest()).
 */
struct db *http_ingest_db(struct http_request *req, pthread_mutex_t **lock);
/*
 * The handler's state for this connection: the one create() made for an
 * earlier request when it is there, else a new one (release frees whatever
 * another handler left).  It lives until the connection closes, so its
 * buffers stay warm from request to request; the handler resets what is
 * per request.
 */
void *http_ctx(struct http_request *req, void *(*create)(void),
	       void (*release)(void *ctx));
struct metrics *http_metrics(struct http_request *req);
/* Requests between their headers and the end of their reply. */
long http_in_flight(struct http_request *req);
/* Whether the WAL checkpoints fail (the file cannot be written); why in out. */
bool http_checkpoint_failing(struct http_request *req, struct strbuf *out);

/* Reply with body (reference stolen) serialized as JSON. */
void http_reply_json(struct http_request *req, int status, json_t *body);
/*
 * Append to the buffered body within the memory every buffered body of the
 * server may hold together (--max-buffered; each byte counts twice, for the
 * buffer and the document parsed from it).  0, or -EBUSY with err: the
 * caller answers 503 (http_reply_errno adds Retry-After).
 */
int http_body_append(struct http_request *req, const char *data, size_t len,
		     struct strbuf *err);
/* Take the memory of a body of len bytes (its Content-Length) up front. */
int http_body_reserve(struct http_request *req, unsigned long long len,
		      struct strbuf *err);
/* The buffered body as a JSON object (new reference), or NULL after a 400. */
json_t *http_body_object(struct http_request *req);
/* {"error": error, "detail": detail} */
void http_reply_error(struct http_request *req, int status, const char *error,
		      const char *detail);
/* Reply with -errno mapped to a status: ENOENT 404, EINVAL 400, EFBIG 413,
 * EEXIST 409, EACCES 403, anything else 500. */
void http_reply_errno(struct http_request *req, int err, const char *detail);
/* Reply with a copy of text and the given content type. */
void http_reply_text(struct http_request *req, int status, const char *type,
		     const char *text, size_t len);
/*
 * Reply with a page the server wrote (server/http/html.h), under a strict
 * Content-Security-Policy: it loads nothing, runs no script, its forms
 * post only to this origin and it is never framed or cached.
 */
void http_reply_html(struct http_request *req, int status, const char *html,
		     size_t len);
/* Reply with the open file fd of size bytes (fd is taken). */
void http_reply_fd(struct http_request *req, int status, const char *type,
		   int fd, unsigned long long size);

#endif
