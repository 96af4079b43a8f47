// SPDX-License-Identifier: GPL-2.0
/*
 * api_subscriptions: POST /api/v1/subscriptions, GET /api/v1/subscriptions
 * [?email=] and DELETE /api/v1/subscriptions/{id} (role triager: the
 * addresses are personal data); the checks and the work are
 * server/mail/subscriptions.c's.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parsers/alloc.h"
#include "server/http/api.h"
#include "server/http/routes.h"
#include "server/mail/subscriptions.h"

static const char *const post_fields[] = { "email", "what", "value", "period" };

/* Each field of o a string (value may be an integer: a signature id) and
 * known; the first that is not named in err. */
static int read_body(json_t *o, struct subscription_req *r, char *num,
		     size_t numlen, struct strbuf *err)
{
	const char *key;
	json_t *v;

	if (api_check_fields(o, post_fields, ARRAY_SIZE(post_fields), err))
		return -EINVAL;
	json_object_foreach(o, key, v) {
		if (!strcmp(key, "value") && json_is_integer(v)) {
			snprintf(num, numlen, "%lld",
				 (long long)json_integer_value(v));
			r->value = num;
			continue;
		}
		if (!json_is_string(v)) {
			strbuf_addf(err, "%s must be a string", key);
			return -EINVAL;
		}
	}
	r->email = json_string_value(json_object_get(o, "email"));
	r->what = json_string_value(json_object_get(o, "what"));
	if (!r->value)
		r->value = json_string_value(json_object_get(o, "value"));
	r->period = json_string_value(json_object_get(o, "period"));
	if (!r->email)
		strbuf_addstr(err, "email is missing");
	else if (!r->what)
		strbuf_addstr(err, "what is missing (section, kind, tree,"
				   " signature or all)");
	return r->email && r->what ? 0 : -EINVAL;
}

void api_subscriptions_post(struct http_request *req)
{
	struct subscription_req r = { 0 };
	json_t *o = http_body_object(req), *sub = NULL;
	char num[32];
	long long id = 0;
	int ret;

	if (!o)
		return;
	r.actor = req->who.name;
	ret = read_body(o, &r, num, sizeof(num), &req->err);
	if (!ret) {
		pthread_mutex_lock(http_write_lock(req));
		ret = subscription_add(http_writer(req), &r,
				       (long long)time(NULL), &id, &req->err);
		if (!ret)
			ret = subscription_get_json(http_writer(req), id, &sub,
						    &req->err);
		pthread_mutex_unlock(http_write_lock(req));
	}
	json_decref(o);
	if (ret)
		http_reply_errno(req, ret, req->err.buf);
	else
		http_reply_json(req, 201, sub);
}

static int add_row(void *ctx, const struct db_subscription *s)
{
	json_array_append_new(ctx, subscription_json(s));
	return 0;
}

void api_subscriptions_list(struct http_request *req)
{
	json_t *list = json_array();
	int ret = subscription_list(http_db(req), http_query(req, "email"),
				    add_row, list, &req->err);

	if (ret) {
		json_decref(list);
		http_reply_errno(req, ret, req->err.buf);
		return;
	}
	http_reply_json(req, 200, json_pack("{s:o}", "subscriptions", list));
}

void api_subscriptions_delete(struct http_request *req)
{
	char *end;
	long long id;
	int ret;

	errno = 0;
	id = strtoll(req->param[0], &end, 10);
	if (!req->param[0][0] || *end || errno || id <= 0) {
		http_reply_error(req, 400, "bad_request",
				 "a subscription id is a positive integer");
		return;
	}
	pthread_mutex_lock(http_write_lock(req));
	ret = subscription_remove(http_writer(req), id, &req->err);
	pthread_mutex_unlock(http_write_lock(req));
	if (ret)
		http_reply_errno(req, ret, req->err.buf);
	else
		http_reply_json(req, 200,
				json_pack("{s:I, s:b}", "id", (json_int_t)id,
					  "deleted", 1));
}
