/* SPDX-License-Identifier: GPL-2.0 */
/*
 * form: a run uploaded as multipart/form-data (`curl -F log=@dmesg.txt -F
 * id=...`, Python requests' files=): the part named "log" streamed to a
 * callback as it arrives (gunzipped first when it is a gzip file), the
 * other parts kept as short text fields of the names the caller allows.
 * libmicrohttpd's post processor splits the parts.  One struct form lives
 * on a connection and is reused request after request.
 */
#ifndef SPLATD_HTTP_FORM_H
#define SPLATD_HTTP_FORM_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/strbuf.h"
#include "server/triage/gunzip.h"

/* A field's value longer than this is refused (the metadata's own limits
 * are checked later, in characters). */
#define FORM_FIELD_MAX 1024

struct form;

struct form *form_new(void);
void form_free(struct form *f);

/*
 * Begin a request on conn (struct MHD_Connection, whose Content-Type is
 * multipart/form-data) whose part "log" goes to log_fn(log_ctx) and whose
 * fields may be those of names[n] (another name is refused: the runner
 * meant something by it).  gz: where a gunzip for a log part that is a gzip
 * file is kept (struct gunzip_sniff; NULL: refused).  0, or -EINVAL with
 * err (no boundary).
 */
int form_begin(struct form *f, void *conn, const char *const *names, size_t n,
	       gunzip_fn log_fn, void *log_ctx, struct gunzip **gz,
	       struct strbuf *err);
/* A body piece (a gunzip_fn: ctx is the form): 0, -EINVAL for a malformed
 * body or a refused part, or log_fn's value. */
int form_feed(void *ctx, const char *buf, size_t len, struct strbuf *err);
/* The body's end: 0, or -EINVAL when it stopped before its last boundary
 * or held no "log" part. */
int form_finish(struct form *f, struct strbuf *err);
/* The value of field names[i], or NULL when the form did not hold it. */
const char *form_field(const struct form *f, size_t i);

#endif
