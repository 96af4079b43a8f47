// SPDX-License-Identifier: GPL-2.0
/*
 * api_regressions: POST /api/v1/regressions, GET /api/v1/regressions
 * [?status=], GET /api/v1/regressions/{id}, GET .../{id}/history and
 * PATCH /api/v1/regressions/{id} (server/triage/regress*.c do the work).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server/triage/regress.h"
#include "server/http/routes.h"

/* The {id} of the path, or 0 after replying 400. */
static long long path_id(struct http_request *req)
{
	char *end;
	long long id;

	errno = 0;
	id = strtoll(req->param[0], &end, 10);
	if (!req->param[0][0] || *end || errno || id <= 0) {
		http_reply_error(req, 400, "bad_request",
				 "a regression id is a positive integer");
		return 0;
	}
	return id;
}

static void reply_detail(struct http_request *req, int status, long long id)
{
	json_t *o = NULL;
	int ret = regress_detail_json(http_config(req)->regress, http_db(req),
				      id, &o, &req->err);

	if (ret)
		http_reply_errno(req, ret,
				 ret == -ENOENT ? "no such regression" :
						  req->err.buf);
	else
		http_reply_json(req, status, o);
}

int api_regressions_post(struct http_request *req, enum http_phase phase,
			 const char *data, size_t len)
{
	json_t *o;
	long long id = 0;
	int ret;

	if (phase != HTTP_END)
		return 0;
	o = http_body_object(req);
	if (!o)
		return 0;
	pthread_mutex_lock(http_write_lock(req));
	ret = regress_create(http_config(req)->regress, http_writer(req), o,
			     req->who.name, (long long)time(NULL), &id,
			     &req->err);
	pthread_mutex_unlock(http_write_lock(req));
	json_decref(o);
	if (ret)
		http_reply_errno(req, ret, req->err.buf);
	else
		reply_detail(req, 201, id);
	return 0;
}

int api_regressions_list(struct http_request *req, enum http_phase phase,
			 const char *data, size_t len)
{
	const char *status = http_query(req, "status");
	json_t *list = NULL;
	int ret;

	if (status && !regress_status_valid(status)) {
		http_reply_error(req, 400, "bad_request",
				 "status is open, workaround, fix_known,"
				 " fixed, reopened, resolved or duplicate");
		return 0;
	}
	ret = regress_list_json(http_db(req), status, &list, &req->err);
	if (ret)
		http_reply_errno(req, ret, req->err.buf);
	else
		http_reply_json(req, 200,
				json_pack("{s:o}", "regressions", list));
	return 0;
}

int api_regressions_get(struct http_request *req, enum http_phase phase,
			const char *data, size_t len)
{
	long long id = path_id(req);

	if (id)
		reply_detail(req, 200, id);
	return 0;
}

int api_regressions_history(struct http_request *req, enum http_phase phase,
			    const char *data, size_t len)
{
	long long id = path_id(req);
	json_t *o = NULL;
	int ret;

	if (!id)
		return 0;
	ret = regress_history_json(http_db(req), id, &o, &req->err);
	if (ret)
		http_reply_errno(req, ret,
				 ret == -ENOENT ? "no such regression" :
						  req->err.buf);
	else
		http_reply_json(req, 200, o);
	return 0;
}

int api_regressions_patch(struct http_request *req, enum http_phase phase,
			  const char *data, size_t len)
{
	long long id;
	json_t *o;
	int ret;

	if (phase != HTTP_END)
		return 0;
	id = path_id(req);
	if (!id)
		return 0;
	o = http_body_object(req);
	if (!o)
		return 0;
	pthread_mutex_lock(http_write_lock(req));
	ret = regress_patch(http_config(req)->regress, http_writer(req), id, o,
			    req->who.name, (long long)time(NULL), &req->err);
	pthread_mutex_unlock(http_write_lock(req));
	json_decref(o);
	if (ret)
		http_reply_errno(req, ret,
				 ret == -ENOENT ? "no such regression" :
						  req->err.buf);
	else
		reply_detail(req, 200, id);
	return 0;
}
