// SPDX-License-Identifier: GPL-2.0
/* upload: the ingest-feeding request body state (server/http/upload.h). */
#include "server/http/upload.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "server/http/api.h"
#include "server/http/metrics.h"
#include "server/http/routes.h"

void upload_init(struct upload *up)
{
	up->in = ingest_new();
	up->gz = NULL;
	up->gzip = false;
}

void upload_release(struct upload *up)
{
	ingest_free(up->in);
	gunzip_free(up->gz);
}

void *upload_new(void)
{
	struct upload *up = malloc(sizeof(*up));

	if (!up)
		abort();
	upload_init(up);
	return up;
}

void upload_free(void *ctx)
{
	if (!ctx)
		return;
	upload_release(ctx);
	free(ctx);
}

int upload_encoding(struct http_request *req, struct upload *up)
{
	const char *enc = http_header(req, "Content-Encoding");

	/* x-gzip is gzip (RFC 9110, 8.4.1.3) */
	up->gzip = enc &&
		   (!strcasecmp(enc, "gzip") || !strcasecmp(enc, "x-gzip"));
	if (enc && !up->gzip && strcasecmp(enc, "identity")) {
		http_reply_error(req, 415, "unsupported_media_type",
				 "Content-Encoding must be gzip, x-gzip or"
				 " identity");
		return -1;
	}
	if (up->gzip) {
		if (!up->gz)
			up->gz = gunzip_new();
		gunzip_reset(up->gz);
	}
	return 0;
}

/*
 * JSON bodies are buffered (their log comes as one string), capped by
 * --max-json after gunzip and by the memory all buffered bodies share.
 */
int upload_json_cap(struct http_request *req, unsigned long long len,
		    struct strbuf *err)
{
	unsigned long long max = http_config(req)->max_json;

	if (len > max) {
		/* a KCIDB document's logs are its excerpts and log_urls */
		strbuf_addf(err,
			    "the JSON document is larger than %llu bytes"
			    " (--max-json; %s)",
			    max,
			    req->route && !strcmp(req->route->name,
						  "kcidb_import_post") ?
				    "split the document, or give big logs as"
				    " log_url" :
				    "send big logs raw");
		return -EFBIG;
	}
	return 0;
}

int upload_json_body_add(void *ctx, const char *buf, size_t len,
			 struct strbuf *err)
{
	struct http_request *req = ctx;
	int ret = upload_json_cap(req, req->body.len + len, err);

	return ret ? ret : http_body_append(req, buf, len, err);
}

int upload_json_not_gzip(struct http_request *req, const struct upload *up)
{
	if (req->body.len < 2 || (unsigned char)req->body.buf[0] != 0x1f ||
	    (unsigned char)req->body.buf[1] != 0x8b)
		return 0;
	strbuf_addstr(&req->err,
		      up->gzip ? "this body unpacked is gzip data again:"
				 " compress the JSON document once" :
				 "this body is gzip data: send it with"
				 " Content-Encoding: gzip");
	return -EINVAL;
}

int upload_json_reserve(struct http_request *req, const struct upload *up)
{
	const char *clen = http_header(req, "Content-Length");
	int ret;

	if (up->gzip || !clen)
		return 0;
	ret = upload_json_cap(req, strtoull(clen, NULL, 10), &req->err);
	if (!ret)
		ret = http_body_reserve(req, strtoull(clen, NULL, 10),
					&req->err);
	if (!ret)
		return 0;
	http_reply_errno(req, ret, req->err.buf);
	return -1;
}

const struct ingest_limits *upload_limits(struct http_request *req)
{
	static const struct ingest_limits defaults = INGEST_LIMITS_INIT;

	return http_config(req)->limits ? http_config(req)->limits : &defaults;
}

void upload_counted(void *metrics, const struct ingest *in)
{
	metrics_ingest(metrics, ingest_log_bytes(in), ingest_report_count(in),
		       ingest_new_signatures(in), ingest_parse_ns(in));
}
