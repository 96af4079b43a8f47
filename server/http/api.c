// SPDX-License-Identifier: GPL-2.0
/* api: JSON shapes shared by the REST API v1 resources. */
#include "server/http/api.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parsers/utf8.h"
#include "server/http/http.h"

/* Set before the server's threads start, read-only after (api.h). */
static const char *api_base = "";
static int api_base_len;

void api_set_public_url(const char *base)
{
	size_t n = base ? strlen(base) : 0;

	/* "https://x.org/" and "https://x.org" give the same urls */
	while (n && base[n - 1] == '/')
		n--;
	api_base = base ? base : "";
	api_base_len = n > 4096 ? 4096 : (int)n;
}

const char *api_public_url(void)
{
	return api_base_len ? api_base : NULL;
}

json_t *api_signature_url(long long id)
{
	return json_sprintf("%.*s/api/v1/signatures/%lld", api_base_len,
			    api_base, id);
}

json_t *api_run_url(const char *run_id)
{
	return json_sprintf("%.*s/api/v1/runs/%s", api_base_len, api_base,
			    run_id);
}

json_t *api_regression_url(long long id)
{
	return json_sprintf("%.*s/api/v1/regressions/%lld", api_base_len,
			    api_base, id);
}

json_t *api_regression_history_url(long long id)
{
	return json_sprintf("%.*s/api/v1/regressions/%lld/history",
			    api_base_len, api_base, id);
}

json_t *api_run_json(const struct db_run *r)
{
	json_t *run = view_run(r);

	json_object_set_new(run, "url", api_run_url(r->run_id));
	return run;
}

/* A regression outcome in a verdict (or NULL) gets its url, last. */
static void regression_url(json_t *reg)
{
	json_int_t id = json_integer_value(json_object_get(reg, "id"));

	if (json_is_object(reg) && id)
		json_object_set_new(reg, "url", api_regression_url(id));
}

/* rep with its url after "status"; a new reference (rep itself when it has
 * one already). */
static json_t *report_with_url(json_t *rep)
{
	json_int_t id =
		json_integer_value(json_object_get(rep, "signature_id"));
	const char *key;
	json_t *out, *v;

	if (json_object_get(rep, "url")) {
		json_object_set_new(rep, "url", api_signature_url(id));
		return json_incref(rep);
	}
	out = json_object();
	json_object_foreach(rep, key, v) {
		json_object_set(out, key, v);
		if (!strcmp(key, "status"))
			json_object_set_new(out, "url", api_signature_url(id));
	}
	if (!json_object_get(out, "url"))
		json_object_set_new(out, "url", api_signature_url(id));
	return out;
}

void api_verdict_urls(json_t *verdict)
{
	json_t *run = json_object_get(verdict, "run");
	json_t *reports = json_object_get(verdict, "reports"), *rep;
	const char *id = json_string_value(json_object_get(run, "id"));
	size_t i;

	if (id)
		json_object_set_new(run, "url", api_run_url(id));
	json_array_foreach(reports, i, rep) {
		regression_url(json_object_get(rep, "regression"));
		json_array_set_new(reports, i, report_with_url(rep));
	}
	json_array_foreach(json_object_get(verdict, "regressions"), i, rep)
		regression_url(rep);
}

json_t *api_signature_json(const struct db_signature *s)
{
	json_t *culprit = json_null(), *escalated = json_null();

	if (s->escalated_at)
		escalated = json_pack("{s:o, s:s?}", "at",
				      view_time(s->escalated_at), "reason",
				      s->escalation_reason);
	if (s->culprit_function)
		culprit = json_pack("{s:o, s:o}", "function",
				    view_string(s->culprit_function), "module",
				    view_string(s->culprit_module));
	/* first_seen, last_seen: the times of its runs; first_received,
	 * last_received: when they came (docs/dashboard.md) */
	return json_pack(
		"{s:I, s:s, s:i, s:s, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:o,"
		" s:I, s:s, s:o, s:o, s:o, s:o}",
		"id", (json_int_t)s->id, "signature", s->hash, "algo_version",
		s->algo_version, "kind", s->kind, "title",
		view_string(s->title), "syz_title", view_string(s->syz_title),
		"classes", view_json_array(s->classes), "culprit", culprit,
		"first_seen", view_time(s->first_run_at), "last_seen",
		view_time(s->last_run_at), "first_received",
		view_time(s->first_seen), "last_received",
		view_time(s->last_seen), "occurrences",
		(json_int_t)s->occurrences, "status", s->status, "note",
		view_string(s->note), "duplicate_of",
		s->duplicate_of ? json_integer(s->duplicate_of) : json_null(),
		"url", api_signature_url(s->id), "escalated", escalated);
}

json_t *api_page_url(const char *what, long long id)
{
	return json_sprintf("%.*s/%s/%lld", api_base_len, api_base, what, id);
}

static void regression_page(json_t *reg)
{
	json_int_t id = json_integer_value(json_object_get(reg, "id"));

	if (json_is_object(reg) && id)
		json_object_set_new(reg, "page",
				    api_page_url("regressions", id));
}

void api_verdict_pages(json_t *verdict)
{
	json_t *rep;
	size_t i;

	if (!api_base_len)
		return;
	json_array_foreach(json_object_get(verdict, "reports"), i, rep) {
		json_object_set_new(
			rep, "page",
			api_page_url("signatures",
				     json_integer_value(json_object_get(
					     rep, "signature_id"))));
		regression_page(json_object_get(rep, "regression"));
	}
	json_array_foreach(json_object_get(verdict, "regressions"), i, rep)
		regression_page(rep);
}

int api_path_signature(struct http_request *req, long long *id,
		       const char **hash)
{
	const char *s = req->param[0];
	char *end;

	*hash = NULL;
	*id = 0;
	if (strlen(s) == 16 && strspn(s, "0123456789abcdef") == 16) {
		*hash = s;
		return 0;
	}
	errno = 0;
	*id = strtoll(s, &end, 10);
	if (*end || errno || *id <= 0) {
		strbuf_addstr(&req->err, "a signature is a numeric id or a"
					 " 16-digit hex signature");
		return -EINVAL;
	}
	return 0;
}

int api_check_fields(json_t *json, const char *const *fields, size_t n,
		     struct strbuf *err)
{
	const char *key;
	json_t *v;
	size_t i;

	json_object_foreach(json, key, v) {
		for (i = 0; i < n; i++)
			if (!strcmp(key, fields[i]))
				break;
		if (i == n) {
			strbuf_addf(err, "unknown field '%.64s'", key);
			return -EINVAL;
		}
	}
	return 0;
}

int api_time_cursor(struct http_request *req, long long *at, long long *id)
{
	const char *c = http_query(req, "cursor"), *p;
	char *end;

	*at = -1;
	*id = 0;
	if (!c)
		return 0;
	for (p = c; isdigit((unsigned char)*p) || (*p == '.' && p > c); p++)
		;
	errno = 0;
	/* *c first: p[-1] of an empty cursor is before the string */
	if (*c && !*p && isdigit((unsigned char)p[-1])) {
		*id = strtoll(c, &end, 10);
		if (*end == '.') {
			*at = *id;
			*id = strtoll(end + 1, &end, 10);
		}
		if (!*end && !errno && *id > 0)
			return 0;
		/* an id alone of 0: no row is before it, and no list ever
		 * gave it as its next: the start, as a client begins */
		if (!*end && !errno && !*id && *at < 0)
			return 0;
	}
	strbuf_addstr(&req->err,
		      "bad cursor: it is the list's next, TIME.ROWID");
	return -EINVAL;
}
