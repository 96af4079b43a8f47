// SPDX-License-Identifier: GPL-2.0
/* form: a run uploaded as multipart/form-data (server/http/form.h). */
#include "server/http/form.h"

#include <errno.h>
#include <microhttpd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* libmicrohttpd's buffer: a log part's pieces come at most this long, and
 * a part's headers must fit in it */
#define FORM_BUFFER (64 * 1024)
#define FORM_FIELDS 16

struct form {
	struct MHD_PostProcessor *pp;
	const char *const *names;
	size_t nnames;
	/* the log part: seen, and its bytes on (through gz if gzip) */
	bool log_seen;
	struct gunzip_sniff log;
	struct strbuf field[FORM_FIELDS];
	bool seen[FORM_FIELDS];
	int ret; /* why a callback stopped the post processor */
	struct strbuf *err;
	/* "\r\n--boundary--", the bytes before this piece that may begin
	 * it, and whether it has come (the rest is the epilogue) */
	struct strbuf close, tail;
	bool closed;
};

struct form *form_new(void)
{
	struct form *f = calloc(1, sizeof(*f));
	size_t i;

	if (!f)
		abort();
	for (i = 0; i < FORM_FIELDS; i++)
		strbuf_init(&f->field[i], 0);
	strbuf_init(&f->close, 0);
	strbuf_init(&f->tail, 0);
	return f;
}

void form_free(struct form *f)
{
	size_t i;

	if (!f)
		return;
	if (f->pp)
		MHD_destroy_post_processor(f->pp);
	for (i = 0; i < FORM_FIELDS; i++)
		strbuf_release(&f->field[i]);
	strbuf_release(&f->close);
	strbuf_release(&f->tail);
	free(f);
}

static int refuse(struct form *f, int ret)
{
	f->ret = ret;
	return MHD_NO;
}

static enum MHD_Result log_part(struct form *f, const char *buf, uint64_t off,
				size_t len)
{
	int ret;

	/* each part begins at offset 0; the log's has had bytes before */
	if (f->log_seen && off == 0 && f->log.seen) {
		strbuf_addstr(f->err, "the form holds more than one \"log\""
				      " part: one log is one run");
		return refuse(f, -EINVAL);
	}
	f->log_seen = true;
	ret = gunzip_sniff_feed(&f->log, buf, len, f->err);
	return ret ? refuse(f, ret) : MHD_YES;
}

static enum MHD_Result form_part(void *cls, enum MHD_ValueKind kind,
				 const char *key, const char *filename,
				 const char *content_type,
				 const char *transfer_encoding,
				 const char *data, uint64_t off, size_t size)
{
	struct form *f = cls;
	size_t i;

	(void)kind;
	(void)filename;
	(void)content_type;
	if (!key || !*key) {
		strbuf_addstr(
			f->err,
			"a form part without a name that can be read"
			" (Content-Disposition: form-data; name=\"log\")");
		return refuse(f, -EINVAL);
	}
	/* curl's ;encoder=base64: the bytes sent are not the log's */
	if (transfer_encoding && strcasecmp(transfer_encoding, "binary") &&
	    strcasecmp(transfer_encoding, "8bit") &&
	    strcasecmp(transfer_encoding, "7bit")) {
		strbuf_addf(f->err,
			    "form part '%.64s': Content-Transfer-Encoding"
			    " %.32s is not read; send the part as it is",
			    key, transfer_encoding);
		return refuse(f, -EINVAL);
	}
	if (!strcmp(key, "log"))
		return log_part(f, data, off, size);
	for (i = 0; i < f->nnames && strcmp(key, f->names[i]); i++)
		;
	if (i == f->nnames) {
		strbuf_addf(f->err,
			    "unknown form field '%.64s': the log goes in"
			    " \"log\" (curl -F log=@dmesg.txt), metadata in",
			    key);
		for (i = 0; i < f->nnames; i++)
			strbuf_addf(f->err, "%s %s", i ? "," : "", f->names[i]);
		return refuse(f, -EINVAL);
	}
	if (f->seen[i] && off == 0 && f->field[i].len) {
		strbuf_addf(f->err, "form field '%s' is given twice", key);
		return refuse(f, -EINVAL);
	}
	f->seen[i] = true;
	if (size && memchr(data, '\0', size)) { /* it would cut the value */
		strbuf_addf(f->err, "form field '%s' holds a NUL byte", key);
		return refuse(f, -EINVAL);
	}
	if (f->field[i].len + size > FORM_FIELD_MAX) {
		strbuf_addf(f->err, "form field '%s' is longer than %d bytes",
			    key, FORM_FIELD_MAX);
		return refuse(f, -EINVAL);
	}
	strbuf_add(&f->field[i], data, size);
	return MHD_YES;
}

/*
 * The boundary of a Content-Type into b (empty when there is none to
 * read): false when a parameter follows it (libmicrohttpd takes the
 * boundary to the end of the header, so it would read that parameter as
 * part of it).
 */
static bool boundary_of(const char *type, struct strbuf *b)
{
	const char *v = type ? strcasestr(type, "boundary=") : NULL, *e;

	strbuf_reset(b);
	if (!v)
		return true;
	v += strlen("boundary=");
	if (*v == '"') {
		e = strchr(++v, '"');
		if (!e)
			return true;
		strbuf_add(b, v, (size_t)(e - v));
		return !strchr(e, ';');
	}
	e = v + strcspn(v, ";");
	strbuf_add(b, v, (size_t)(e - v));
	return !*e;
}

int form_begin(struct form *f, void *conn, const char *const *names, size_t n,
	       gunzip_fn log_fn, void *log_ctx, struct gunzip **gz,
	       struct strbuf *err)
{
	size_t i;

	if (f->pp)
		MHD_destroy_post_processor(f->pp);
	for (i = 0; i < FORM_FIELDS; i++) {
		strbuf_reset(&f->field[i]);
		f->seen[i] = false;
	}
	f->names = names;
	f->nnames = n < FORM_FIELDS ? n : FORM_FIELDS;
	f->log_seen = false;
	gunzip_sniff_start(&f->log, gz, log_fn, log_ctx);
	f->ret = 0;
	f->err = err;
	if (!boundary_of(
		    MHD_lookup_connection_value(conn, MHD_HEADER_KIND,
						MHD_HTTP_HEADER_CONTENT_TYPE),
		    &f->tail)) {
		strbuf_addstr(err, "multipart/form-data: a parameter after"
				   " the boundary is not read; put boundary="
				   " last");
		return -EINVAL;
	}
	/* the closing delimiter, and the CRLF before it ("--b--" may also
	 * open the body) */
	strbuf_reset(&f->close);
	strbuf_addf(&f->close, "\r\n--%s--", f->tail.buf);
	strbuf_reset(&f->tail);
	strbuf_addstr(&f->tail, "\r\n");
	f->closed = false;
	f->pp = MHD_create_post_processor(conn, FORM_BUFFER, form_part, f);
	if (f->pp)
		return 0;
	/* libmicrohttpd 0.9.75 reads no boundary shorter than 2 characters
	 * unless quoted (RFC 2046 allows 1-70) */
	strbuf_addstr(err, f->close.len == strlen("\r\n--B--") ?
				   "multipart/form-data: a boundary of one"
				   " character is not read; quote it"
				   " (boundary=\"B\") or make it longer" :
				   "multipart/form-data without a boundary");
	return -EINVAL;
}

/*
 * How many bytes of buf[0..len) the form takes: all, or up to the end of
 * its closing delimiter (found across pieces: f->tail keeps the last bytes
 * before buf).  What follows it is the epilogue, which RFC 2046 says to
 * ignore; libmicrohttpd would refuse it.
 */
static size_t until_closed(struct form *f, const char *buf, size_t len)
{
	const char *hit;
	size_t keep = f->close.len - 1, head = len < keep ? len : keep, at;

	strbuf_add(&f->tail, buf, head);
	hit = memmem(f->tail.buf, f->tail.len, f->close.buf, f->close.len);
	if (hit) {
		at = (size_t)(hit - f->tail.buf) + f->close.len;
		f->closed = true;
		return at - (f->tail.len - head);
	}
	hit = memmem(buf, len, f->close.buf, f->close.len);
	if (hit) {
		f->closed = true;
		return (size_t)(hit - buf) + f->close.len;
	}
	/* the last keep bytes, for the next piece */
	if (len >= keep) {
		strbuf_reset(&f->tail);
		strbuf_add(&f->tail, buf + len - keep, keep);
	} else if (f->tail.len > keep) {
		memmove(f->tail.buf, f->tail.buf + f->tail.len - keep, keep);
		strbuf_setlen(&f->tail, keep);
	}
	return len;
}

int form_feed(void *ctx, const char *buf, size_t len, struct strbuf *err)
{
	struct form *f = ctx;

	f->err = err;
	if (f->closed)
		return 0;
	len = until_closed(f, buf, len);
	if (MHD_post_process(f->pp, buf, len) == MHD_YES)
		return 0;
	if (f->ret)
		return f->ret;
	strbuf_addstr(err, "malformed multipart/form-data body");
	return -EINVAL;
}

int form_finish(struct form *f, struct strbuf *err)
{
	enum MHD_Result done = MHD_destroy_post_processor(f->pp);

	f->pp = NULL;
	f->err = err;
	if (done != MHD_YES) {
		strbuf_addstr(err, "the multipart/form-data body ends before"
				   " its closing boundary");
		return -EINVAL;
	}
	if (!f->log_seen) {
		strbuf_addstr(err, "the form has no \"log\" part"
				   " (curl -F log=@dmesg.txt)");
		return -EINVAL;
	}
	return gunzip_sniff_finish(&f->log, err);
}

const char *form_field(const struct form *f, size_t i)
{
	return i < f->nnames && f->seen[i] ? f->field[i].buf : NULL;
}
