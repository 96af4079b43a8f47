/* SPDX-License-Identifier: GPL-2.0 */
/*
 * upload: what a request body that feeds the ingest needs (POST
 * /api/v1/runs, POST /api/v1/kcidb): the connection's ingest and gunzip,
 * kept from request to request (http_ctx()) so that their buffers cost no
 * new pages; Content-Encoding gzip or identity; a buffered JSON body's
 * memory taken at once when its length is known.
 */
#ifndef SPLATD_HTTP_UPLOAD_H
#define SPLATD_HTTP_UPLOAD_H

#include <stdbool.h>

#include "server/http/http.h"
#include "server/triage/gunzip.h"
#include "server/triage/ingest.h"

struct upload {
	struct ingest *in;
	struct gunzip *gz; /* made on the first gzip upload */
	bool gzip; /* this request's body is gzip */
};

/* Its ingest made; upload_release() frees what it holds. */
void upload_init(struct upload *up);
void upload_release(struct upload *up);
/* A struct upload alone, for http_ctx(). */
void *upload_new(void);
void upload_free(void *ctx);

/*
 * Read the request's Content-Encoding into up (gzip: its gunzip made or
 * reset): 0, or -1 after answering 415 for any other.
 */
int upload_encoding(struct http_request *req, struct upload *up);

/*
 * A JSON body not gzip whose Content-Length is given comes whole: refused
 * past --max-json, or its memory taken now.  0, or -1 after answering.
 */
int upload_json_reserve(struct http_request *req, const struct upload *up);
/*
 * Buffered JSON bodies (POST /api/v1/runs as JSON, POST /api/v1/kcidb):
 * the cap --max-json puts on len bytes after gunzip (-EFBIG with err), and
 * a gunzip_fn that appends to the request's body (ctx: the request) under
 * that cap and the memory all buffered bodies share.
 */
int upload_json_cap(struct http_request *req, unsigned long long len,
		    struct strbuf *err);
int upload_json_body_add(void *ctx, const char *buf, size_t len,
			 struct strbuf *err);

/*
 * Whether the buffered JSON body is gzip data (its first bytes 1f 8b): a
 * document compressed without Content-Encoding: gzip, or compressed twice.
 * -EINVAL saying which in the request's error buffer, else 0; JSON's parse
 * would say "'[' or '{' expected near '\u001F'".
 */
int upload_json_not_gzip(struct http_request *req, const struct upload *up);

/*
 * A stored run counted in GET /metrics (metrics: the server's struct
 * metrics; also the KCIDB import's per-run callback).
 */
void upload_counted(void *metrics, const struct ingest *in);

/* The ingest's limits of the server's configuration. */
const struct ingest_limits *upload_limits(struct http_request *req);

#endif
