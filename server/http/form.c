// SPDX-License-Identifier: GPL-2.0
/* form: a run uploaded as multipart/form-data (server/http/form.h). */
#include "server/http/form.h"

#include <errno.h>
#include <microhttpd.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
};

struct form *form_new(void)
{
	struct form *f = calloc(1, sizeof(*f));
	size_t i;

	if (!f)
		abort();
	for (i = 0; i < FORM_FIELDS; i++)
		strbuf_init(&f->field[i], 0);
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
	(void)transfer_encoding;
	if (!key || !*key) {
		strbuf_addstr(f->err, "a form part without a name");
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
	if (f->field[i].len + size > FORM_FIELD_MAX) {
		strbuf_addf(f->err, "form field '%s' is longer than %d bytes",
			    key, FORM_FIELD_MAX);
		return refuse(f, -EINVAL);
	}
	strbuf_add(&f->field[i], data, size);
	return MHD_YES;
}

/* Whether a Content-Type has a parameter after its boundary's value. */
static bool boundary_not_last(const char *type)
{
	const char *b = type ? strcasestr(type, "boundary=") : NULL;

	if (!b)
		return false;
	b += strlen("boundary=");
	if (*b == '"') {
		b = strchr(b + 1, '"');
		return b && strchr(b, ';');
	}
	return strchr(b, ';');
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
	/* libmicrohttpd takes the boundary to the end of the header: a
	 * parameter after it would be read as part of it */
	if (boundary_not_last(MHD_lookup_connection_value(
		    conn, MHD_HEADER_KIND, MHD_HTTP_HEADER_CONTENT_TYPE))) {
		strbuf_addstr(err, "multipart/form-data: a parameter after"
				   " the boundary is not read; put boundary="
				   " last");
		return -EINVAL;
	}
	f->pp = MHD_create_post_processor(conn, FORM_BUFFER, form_part, f);
	if (f->pp)
		return 0;
	strbuf_addstr(err, "multipart/form-data without a boundary");
	return -EINVAL;
}

int form_feed(void *ctx, const char *buf, size_t len, struct strbuf *err)
{
	struct form *f = ctx;

	f->err = err;
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
