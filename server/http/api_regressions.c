// SPDX-License-Identifier: GPL-2.0
/*
 * api_regressions: POST /api/v1/regressions, GET /api/v1/regressions
 * [?status=], GET /api/v1/regressions/{id}, GET .../{id}/history and
 * PATCH /api/v1/regressions/{id}: the bodies read into the change they ask
 * for and the URLs added here, the work done by server/triage/regress*.c.
 */
#include "server/http/api_regressions.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parsers/alloc.h"
#include "server/http/api.h"
#include "server/http/routes.h"

static const char *const create_fields[] = { "title", "signatures", "links",
					     "introduced" };
static const char *const patch_fields[] = { "title",	   "links",
					    "introduced",  "signatures",
					    "status",	   "reason",
					    "duplicate_of" };

/* "links": an array of strings (a NULL for an item that is not one). */
static int read_links(struct api_regressions_body *b, json_t *v,
		      struct strbuf *err)
{
	json_t *item;
	size_t i;

	if (!json_is_array(v)) {
		strbuf_addf(err, "links must be an array of at most %d URLs",
			    REGRESS_MAX_LINKS);
		return -EINVAL;
	}
	b->links = calloc(json_array_size(v) + 1, sizeof(*b->links));
	if (!b->links)
		abort();
	json_array_foreach(v, i, item)
		b->links[i] = json_string_value(item);
	b->change.set_links = true;
	b->change.links = b->links;
	b->change.nlinks = json_array_size(v);
	return 0;
}

/* "signatures": hashes (strings) or ids (integers); others name none. */
static int read_sigs(struct api_regressions_body *b, json_t *v,
		     struct strbuf *err)
{
	json_t *item;
	size_t i;

	if (!json_is_array(v)) {
		strbuf_addf(err,
			    "signatures must be an array of 1..%d"
			    " signature hashes or ids",
			    REGRESS_MAX_SIGS);
		return -EINVAL;
	}
	b->sigs = calloc(json_array_size(v) + 1, sizeof(*b->sigs));
	if (!b->sigs)
		abort();
	json_array_foreach(v, i, item) {
		b->sigs[i].hash = json_string_value(item);
		b->sigs[i].id =
			json_is_integer(item) ? json_integer_value(item) : 0;
	}
	b->change.sigs = b->sigs;
	b->change.nsigs = json_array_size(v);
	return 0;
}

int api_regressions_body_read(struct api_regressions_body *b, json_t *json,
			      bool create, struct strbuf *err)
{
	struct regress_change *c = &b->change;
	json_t *v;
	int ret;

	memset(b, 0, sizeof(*b));
	c->status = -1;
	if (create && !json_is_object(json)) {
		strbuf_addstr(err, "the body must be a JSON object");
		return -EINVAL;
	}
	if (!create && (!json_is_object(json) || !json_object_size(json))) {
		strbuf_addstr(err, "the body must be a non-empty JSON object");
		return -EINVAL;
	}
	ret = create ? api_check_fields(json, create_fields,
					ARRAY_SIZE(create_fields), err) :
		       api_check_fields(json, patch_fields,
					ARRAY_SIZE(patch_fields), err);
	if (ret)
		return ret;
	if ((v = json_object_get(json, "title")) && !json_is_string(v)) {
		strbuf_addf(err, "title must be a string of 1..%d bytes",
			    REGRESS_MAX_TITLE);
		return -EINVAL;
	}
	c->title = json_string_value(v);
	if ((v = json_object_get(json, "introduced"))) {
		if (!json_is_null(v) && !json_is_string(v)) {
			strbuf_addstr(err, "introduced is a commit (8..40 hex"
					   " digits) or a range A..B");
			return -EINVAL;
		}
		c->set_introduced = true;
		c->introduced = json_string_value(v);
	}
	if (json_object_get(json, "reason") &&
	    !json_object_get(json, "status")) {
		strbuf_addstr(err, "reason goes with status");
		return -EINVAL;
	}
	if ((v = json_object_get(json, "links")))
		ret = read_links(b, v, err);
	if (!ret && (v = json_object_get(json, "signatures")))
		ret = read_sigs(b, v, err);
	if (ret)
		return ret;
	if ((v = json_object_get(json, "duplicate_of"))) {
		if (!json_is_integer(v)) {
			strbuf_addstr(err, "duplicate_of is the id of another"
					   " regression");
			return -EINVAL;
		}
		c->set_duplicate_of = true;
		c->duplicate_of = json_integer_value(v);
	}
	if ((v = json_object_get(json, "status"))) {
		c->set_status = true;
		c->status = regress_status_from_name(json_string_value(v));
		c->reason = json_string_value(json_object_get(json, "reason"));
	}
	return 0;
}

void api_regressions_body_release(struct api_regressions_body *b)
{
	free(b->links);
	free(b->sigs);
	memset(b, 0, sizeof(*b));
}

void api_regressions_add_urls(json_t *reg, bool detail)
{
	json_int_t id = json_integer_value(json_object_get(reg, "id"));
	json_t *sig;
	size_t i;

	json_object_set_new(reg, "url", api_regression_url(id));
	if (!detail)
		return;
	json_array_foreach(json_object_get(reg, "signatures"), i, sig)
		json_object_set_new(sig, "url",
				    api_signature_url(json_integer_value(
					    json_object_get(sig, "id"))));
	json_object_set_new(reg, "history_url", api_regression_history_url(id));
}

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

	if (!ret && !req->who.name[0]) /* no server paths for anyone */
		ret = regress_hide_paths(http_db(req), o, &req->err);
	if (ret) {
		json_decref(o);
		http_reply_errno(req, ret,
				 ret == -ENOENT ? "no such regression" :
						  req->err.buf);
		return;
	}
	api_regressions_add_urls(o, true);
	http_reply_json(req, status, o);
}

void api_regressions_post(struct http_request *req)
{
	struct api_regressions_body b;
	json_t *o;
	long long id = 0;
	int ret;

	o = http_body_object(req);
	if (!o)
		return;
	ret = api_regressions_body_read(&b, o, true, &req->err);
	if (!ret) {
		pthread_mutex_lock(http_write_lock(req));
		ret = regress_create(http_config(req)->regress,
				     http_writer(req), &b.change, req->who.name,
				     (long long)time(NULL), &id, &req->err);
		pthread_mutex_unlock(http_write_lock(req));
	}
	api_regressions_body_release(&b);
	json_decref(o);
	if (ret)
		http_reply_errno(req, ret, req->err.buf);
	else
		reply_detail(req, 201, id);
}

void api_regressions_list(struct http_request *req)
{
	static const char *const known[] = { "status", NULL };
	const char *status = http_query(req, "status");
	json_t *list = NULL, *reg;
	size_t i;
	int ret;

	if (http_query_known(req, known)) {
		http_reply_errno(req, -EINVAL, req->err.buf);
		return;
	}
	if (status && !regress_status_valid(status)) {
		http_reply_error(req, 400, "bad_request",
				 "status is open, workaround, fix_known,"
				 " fixed, reopened, resolved or duplicate");
		return;
	}
	ret = regress_list_json(http_db(req), status, &list, &req->err);
	if (ret) {
		http_reply_errno(req, ret, req->err.buf);
		return;
	}
	json_array_foreach(list, i, reg)
		api_regressions_add_urls(reg, false);
	http_reply_json(req, 200, json_pack("{s:o}", "regressions", list));
}

void api_regressions_get(struct http_request *req)
{
	long long id = path_id(req);

	if (id)
		reply_detail(req, 200, id);
}

void api_regressions_history(struct http_request *req)
{
	long long id = path_id(req);
	json_t *o = NULL;
	int ret;

	if (!id)
		return;
	ret = regress_history_json(http_db(req), id, &o, &req->err);
	if (ret)
		http_reply_errno(req, ret,
				 ret == -ENOENT ? "no such regression" :
						  req->err.buf);
	else
		http_reply_json(req, 200, o);
}

void api_regressions_patch(struct http_request *req)
{
	struct api_regressions_body b;
	long long id;
	json_t *o;
	int ret;

	id = path_id(req);
	if (!id)
		return;
	o = http_body_object(req);
	if (!o)
		return;
	ret = api_regressions_body_read(&b, o, false, &req->err);
	if (!ret) {
		pthread_mutex_lock(http_write_lock(req));
		ret = regress_patch(http_config(req)->regress, http_writer(req),
				    id, &b.change, req->who.name,
				    (long long)time(NULL), &req->err);
		pthread_mutex_unlock(http_write_lock(req));
	}
	api_regressions_body_release(&b);
	json_decref(o);
	if (ret)
		http_reply_errno(req, ret,
				 ret == -ENOENT ? "no such regression" :
						  req->err.buf);
	else
		reply_detail(req, 200, id);
}
