// SPDX-License-Identifier: GPL-2.0
/*
 * api_kcidb_export: GET /api/v1/kcidb?since=TIME, splatd's issues and
 * incidents as a KCIDB v5.3 document (server/kcidb/export.h), written to
 * an unlinked temporary file and sent from it: the reply's size does not
 * bound the server's memory.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "server/http/api.h"
#include "server/http/routes.h"
#include "server/kcidb/export.h"

void api_kcidb_export(struct http_request *req)
{
	const char *since = http_query(req, "since");
	struct kcidb_export_opts o = { http_config(req)->kcidb_origin,
				       api_public_url(), -1 };
	static const char *const known[] = { "since", NULL };
	FILE *f = NULL;
	long size;
	int fd, ret;

	if (http_query_known(req, known)) {
		http_reply_errno(req, -EINVAL, req->err.buf);
		return;
	}
	if (since && view_time_parse(since, &o.since)) {
		http_reply_error(req, 400, "bad_request",
				 "since is a date (2026-01-31), a UTC time or"
				 " unix seconds");
		return;
	}
	f = tmpfile();
	if (!f) {
		strbuf_addf(&req->err, "a temporary file: %s", strerror(errno));
		http_reply_errno(req, -EIO, req->err.buf);
		return;
	}
	ret = kcidb_export(http_db(req), &o, f, NULL, &req->err);
	size = ret ? -1 : ftell(f);
	fd = size < 0 ? -1 : dup(fileno(f));
	if (!ret && fd < 0) {
		ret = -EIO;
		strbuf_addf(&req->err, "the temporary file: %s",
			    strerror(errno));
	}
	if (ret)
		http_reply_errno(req, ret, req->err.buf);
	else
		http_reply_fd(req, 200, "application/json", fd,
			      (unsigned long long)size);
	fclose(f);
}
