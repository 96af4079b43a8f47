// SPDX-License-Identifier: GPL-2.0
/*
 * api_dashboard: what the dashboard's pages need beyond the resources:
 * GET /api/v1/signatures/{id}/histogram (occurrences by day, kernel, tree
 * and test), .../duplicates (the signatures merged into it), .../report
 * (the newest occurrence parsed: stacks per edge, held locks),
 * GET /api/v1/signatures/stats?ids= (the list's columns the list lacks),
 * GET /api/v1/overview and GET /api/v1/whoami (the token's name and role).
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/dashboard.h"
#include "db/signatures.h"
#include "parsers/alloc.h"
#include "parsers/arena.h"
#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "server/http/api.h"
#include "server/http/routes.h"
#include "server/triage/owners_cache.h"
#include "server/triage/report_json.h"
#include "server/triage/report_newest.h"

#define DAY (24LL * 60 * 60)

static int sig_id(void *ctx, const struct db_signature *s)
{
	*(long long *)ctx = s->id;
	return 0;
}

/* The signature of the path ({id} or a 16-digit hash); 0 or -errno. */
static int path_id(struct http_request *req, long long *id)
{
	const char *hash;
	int ret = api_path_signature(req, id, &hash);

	return ret ? ret :
		     db_signature_get(http_db(req), *id, hash, sig_id, id,
				      &req->err);
}

static void reply_err(struct http_request *req, int ret)
{
	http_reply_errno(req, ret,
			 ret == -ENOENT ? "no such signature" : req->err.buf);
}

struct histogram {
	json_t *days, *day; /* day: the last object of days */
	long long total;
};

static void add_to(json_t *obj, const char *key, long long n)
{
	json_t *v = json_object_get(obj, key ? key : "");

	json_object_set_new(obj, key ? key : "",
			    json_integer(json_integer_value(v) + n));
}

static int add_cell(void *ctx, const char *day, const char *kernel,
		    const char *tree, const char *test, long long n)
{
	struct histogram *h = ctx;
	const char *last = json_string_value(json_object_get(h->day, "day"));

	if (!day)
		return 0;
	if (!last || strcmp(last, day)) {
		h->day = json_pack("{s:s, s:I, s:{}, s:{}, s:{}}", "day", day,
				   "count", (json_int_t)0, "kernels", "trees",
				   "tests");
		json_array_append_new(h->days, h->day);
	}
	add_to(h->day, "count", n);
	add_to(json_object_get(h->day, "kernels"), kernel, n);
	add_to(json_object_get(h->day, "trees"), tree, n);
	add_to(json_object_get(h->day, "tests"), test, n);
	h->total += n;
	return 0;
}

void api_signatures_histogram(struct http_request *req)
{
	struct histogram h = { json_array(), NULL, 0 };
	long long id, days, since;
	int ret;

	ret = http_query_int(req, "days", 90, 1, 3650, &days);
	if (!ret)
		ret = path_id(req, &id);
	since = ((long long)time(NULL) / DAY - days + 1) * DAY;
	if (!ret)
		ret = db_dash_histogram(http_db(req), id, since, add_cell, &h,
					&req->err);
	if (ret) {
		json_decref(h.days);
		reply_err(req, ret);
		return;
	}
	http_reply_json(req, 200,
			json_pack("{s:I, s:o, s:I, s:o}", "signature_id",
				  (json_int_t)id, "since", view_time(since),
				  "total", (json_int_t)h.total, "days",
				  h.days));
}

static int add_dup(void *ctx, long long id, const char *hash, const char *title)
{
	json_array_append_new(ctx, json_pack("{s:I, s:o, s:o, s:o}", "id",
					     (json_int_t)id, "signature",
					     view_string(hash), "title",
					     view_string(title), "url",
					     api_signature_url(id)));
	return 0;
}

void api_signatures_duplicates(struct http_request *req)
{
	json_t *list = json_array();
	long long id;
	int ret;

	ret = path_id(req, &id);
	if (!ret)
		ret = db_dash_duplicates(http_db(req), id, add_dup, list,
					 &req->err);
	if (ret) {
		json_decref(list);
		reply_err(req, ret);
		return;
	}
	http_reply_json(req, 200,
			json_pack("{s:I, s:o}", "signature_id", (json_int_t)id,
				  "duplicates", list));
}

struct report_reply {
	json_t *occ, *report;
};

static int on_newest(void *ctx, const struct report_newest_occ *o,
		     const struct lockdep_report *r,
		     const struct signature *sig)
{
	struct report_reply *x = ctx;

	x->occ = json_pack("{s:I, s:o, s:o, s:o}", "id", (json_int_t)o->id,
			   "run", view_string(o->run_id), "seen",
			   view_time(o->ts), "url", api_run_url(o->run_id));
	if (r) {
		x->report = report_json(r, sig);
		json_object_del(x->report, "text");
		json_object_del(x->report, "raw");
	}
	return 0;
}

void api_signatures_report(struct http_request *req)
{
	struct report_reply x = { NULL, NULL };
	long long id;
	int ret;

	ret = path_id(req, &id);
	if (!ret)
		ret = report_newest(http_db(req), id, on_newest, &x, &req->err);
	if (ret) {
		http_reply_errno(req, ret, req->err.buf);
		goto out;
	}
	http_reply_json(req, 200,
			json_pack("{s:I, s:O, s:O}", "signature_id",
				  (json_int_t)id, "occurrence", x.occ, "report",
				  x.report ? x.report : json_null()));
out:
	json_decref(x.occ);
	json_decref(x.report);
}

static int add_count(void *ctx, const char *what, const char *key, long long n)
{
	json_t *o = ctx, *group;

	if (!strcmp(what, "new_week") || !strcmp(what, "escalated")) {
		json_object_set_new(o, what, json_integer(n));
		return 0;
	}
	group = json_object_get(o, what);
	if (group && key)
		json_object_set_new(group, key, json_integer(n));
	return 0;
}

/* Occurrences per day (days since the epoch), as counted. */
struct days {
	long long first; /* day of count[0] */
	long long count[90];
};

static int add_day(void *ctx, long long day, long long n)
{
	struct days *d = ctx;

	if (day >= d->first && day < d->first + 90)
		d->count[day - d->first] += n;
	return 0;
}

/* Occurrence counts per signature, by id. */
struct sig_counts {
	struct sig_count {
		long long id, n;
	} * v;
	size_t nr, alloc;
};

static int add_sig_count(void *ctx, long long id, long long n)
{
	struct sig_counts *c = ctx;

	ALLOC_GROW(c->v, c->nr + 1, c->alloc);
	c->v[c->nr].id = id;
	c->v[c->nr++].n = n;
	return 0;
}

/*
 * The overview counts by the runs' time (docs/dashboard.md "First seen,
 * last seen"), so the days before today change only when a run of an
 * earlier time is stored (a backfill, a run that ran before midnight):
 * the overview counts them once per day and process, all occurrences by
 * day for 90 days and per signature for the 6 days before today (the
 * week of the top list is today and those 6 days, UTC), and again when a
 * run stored since it counted (runs.id after "after") is of an earlier
 * day than today.  Today is counted on every request, its runs' range of
 * runs_time.  Nothing else is cached.
 */
static struct {
	pthread_mutex_t lock;
	long long today; /* the day the rest was counted for; 0: never */
	long long after; /* the newest run (runs.id) looked at */
	struct days past; /* the 89 days before today */
	struct sig_counts week; /* the 6 days before today, per signature */
} overview_cache = { PTHREAD_MUTEX_INITIALIZER,
		     0,
		     0,
		     { 0, { 0 } },
		     { NULL, 0, 0 } };

#define TOP_N 10

/* The TOP_N signatures of past + today (both sorted by id), most first. */
static size_t rank_top(const struct sig_counts *past,
		       const struct sig_counts *today,
		       struct sig_count top[TOP_N])
{
	size_t i = 0, j = 0, nr = 0, k;
	struct sig_count c;

	while (i < past->nr || j < today->nr) {
		if (j >= today->nr ||
		    (i < past->nr && past->v[i].id < today->v[j].id)) {
			c = past->v[i++];
		} else if (i >= past->nr || today->v[j].id < past->v[i].id) {
			c = today->v[j++];
		} else {
			c = past->v[i++];
			c.n += today->v[j++].n;
		}
		/* ties: the lower id first, and ids come in increasing order */
		if (nr == TOP_N && c.n <= top[TOP_N - 1].n)
			continue;
		for (k = nr < TOP_N ? nr++ : TOP_N - 1;
		     k > 0 && top[k - 1].n < c.n; k--)
			top[k] = top[k - 1];
		top[k] = c;
	}
	return nr;
}

/* Occurrences per day for 90 days and the week's top signatures. */
static int overview_counts(struct db *db, long long today, struct days *out,
			   struct sig_count top[TOP_N], size_t *top_nr,
			   struct strbuf *err)
{
	struct days fresh = { today - 89, { 0 } };
	struct sig_counts week = { NULL, 0, 0 }, now = { NULL, 0, 0 };
	long long newest, earliest;
	int ret;

	pthread_mutex_lock(&overview_cache.lock);
	ret = db_dash_runs_after(db, overview_cache.after, &newest, &earliest,
				 err);
	if (!ret && newest) {
		overview_cache.after = newest;
		if (earliest < today * DAY)
			overview_cache.today = 0;
	}
	if (!ret && overview_cache.today != today) {
		ret = db_dash_per_day(db, fresh.first * DAY, today * DAY,
				      add_day, &fresh, err);
		if (!ret)
			ret = db_dash_sig_counts(db, (today - 6) * DAY,
						 today * DAY, add_sig_count,
						 &week, err);
		if (!ret) {
			free(overview_cache.week.v);
			overview_cache.week = week;
			week.v = NULL;
			overview_cache.past = fresh;
			overview_cache.today = today;
		}
	}
	*out = overview_cache.past;
	if (!ret)
		ret = db_dash_sig_counts(db, today * DAY, (today + 1) * DAY,
					 add_sig_count, &now, err);
	if (!ret)
		*top_nr = rank_top(&overview_cache.week, &now, top);
	pthread_mutex_unlock(&overview_cache.lock);
	if (!ret)
		ret = db_dash_per_day(db, today * DAY, (today + 1) * DAY,
				      add_day, out, err);
	free(week.v);
	free(now.v);
	return ret;
}

static json_t *days_json(const struct days *d)
{
	json_t *list = json_array();
	char day[16];
	struct tm tm;
	time_t t;
	int i;

	for (i = 0; i < 90; i++) {
		if (!d->count[i])
			continue;
		t = (time_t)((d->first + i) * DAY);
		gmtime_r(&t, &tm);
		strftime(day, sizeof(day), "%Y-%m-%d", &tm);
		json_array_append_new(list, json_pack("{s:s, s:I}", "day", day,
						      "count",
						      (json_int_t)d->count[i]));
	}
	return list;
}

struct top_rows {
	json_t *list;
	const struct sig_count *top;
	size_t nr;
};

static int add_top(void *ctx, long long id, const char *hash, const char *kind,
		   const char *title, const char *status, long long rank)
{
	struct top_rows *t = ctx;

	if (rank < 0 || (size_t)rank >= t->nr)
		return 0;
	json_array_append_new(
		t->list,
		json_pack("{s:I, s:o, s:o, s:o, s:o, s:I, s:o}", "id",
			  (json_int_t)id, "signature", view_string(hash),
			  "kind", view_string(kind), "title",
			  view_string(title), "status", view_string(status),
			  "count", (json_int_t)t->top[rank].n, "url",
			  api_signature_url(id)));
	return 0;
}

void api_overview_get(struct http_request *req)
{
	long long now = (long long)time(NULL), today = now / DAY;
	/* "this week" is today and the 6 days before, UTC days, for the new
	 * signatures as for the most seen */
	long long since = (today - 89) * DAY, week = (today - 6) * DAY;
	json_t *o = json_pack("{s:{}, s:{}, s:{}, s:I, s:I}", "kind", "status",
			      "regressions", "new_week", (json_int_t)0,
			      "escalated", (json_int_t)0);
	struct sig_count top[TOP_N];
	struct top_rows rows = { json_array(), top, 0 };
	struct strbuf ids = STRBUF_INIT;
	struct db *db = http_db(req);
	struct days days;
	size_t i;
	int ret;

	ret = db_dash_counts(db, week, add_count, o, &req->err);
	if (!ret)
		ret = overview_counts(db, today, &days, top, &rows.nr,
				      &req->err);
	strbuf_addch(&ids, '[');
	for (i = 0; !ret && i < rows.nr; i++)
		strbuf_addf(&ids, "%s%lld", i ? "," : "", top[i].id);
	strbuf_addch(&ids, ']');
	if (!ret)
		ret = db_dash_top(db, ids.buf, add_top, &rows, &req->err);
	if (ret) {
		json_decref(o);
		json_decref(rows.list);
		http_reply_errno(req, ret, req->err.buf);
		goto out;
	}
	json_object_set_new(o, "since", view_time(since));
	json_object_set_new(o, "per_day", days_json(&days));
	json_object_set_new(o, "week_since", view_time((today - 6) * DAY));
	/* new_week counts those first seen at or after it */
	json_object_set_new(o, "new_week_since", view_time(week));
	json_object_set_new(o, "top_week", rows.list);
	http_reply_json(req, 200, o);
out:
	strbuf_release(&ids);
}

static int add_stats(void *ctx, long long id, long long recent,
		     long long machines, const char *last_kernel,
		     const char *section)
{
	json_array_append_new(ctx,
			      json_pack("{s:I, s:I, s:I, s:o, s:o}", "id",
					(json_int_t)id, "last_7_days",
					(json_int_t)recent, "machines",
					(json_int_t)machines, "last_kernel",
					view_string(last_kernel), "subsystem",
					view_string(section)));
	return 0;
}

/* ids: up to 500 positive decimal ids, comma separated, as a JSON array. */
static int ids_json(const char *s, struct strbuf *out, struct strbuf *err)
{
	long long id;
	char *end;
	int n = 0;

	strbuf_addch(out, '[');
	while (s && *s) {
		errno = 0;
		id = strtoll(s, &end, 10);
		if (end == s || errno || id <= 0 || (*end && *end != ',') ||
		    ++n > 500) {
			strbuf_addstr(err, "ids is up to 500 signature ids,"
					   " comma separated");
			return -EINVAL;
		}
		strbuf_addf(out, "%s%lld", n > 1 ? "," : "", id);
		s = *end ? end + 1 : end;
	}
	strbuf_addch(out, ']');
	return 0;
}

void api_signatures_stats(struct http_request *req)
{
	struct strbuf ids = STRBUF_INIT;
	json_t *list = json_array();
	long long week = (long long)time(NULL) - 7 * DAY;
	int ret;

	ret = ids_json(http_query(req, "ids"), &ids, &req->err);
	if (!ret)
		ret = db_dash_stats(http_db(req), ids.buf, week, add_stats,
				    list, &req->err);
	if (ret) {
		json_decref(list);
		http_reply_errno(req, ret, req->err.buf);
	} else {
		http_reply_json(req, 200,
				json_pack("{s:o}", "signatures", list));
	}
	strbuf_release(&ids);
}

int api_owners_fill(struct http_request *req, long long *pending)
{
	int ret = owners_cache_fill_some(http_db(req), http_write_lock(req),
					 http_config(req)->owners,
					 API_OWNERS_BUDGET_MS, pending,
					 &req->err);

	if (!ret && *pending)
		owners_filler_kick(http_owners_filler(req));
	return ret;
}

bool api_sections_ready(struct http_request *req, long long *pending)
{
	int ret;

	if (!http_config(req)->owners) {
		http_reply_error(req, 503, "unavailable",
				 "no kernel tree is configured (splatd serve "
				 "--kernel-tree DIR or --kernel-repo GITDIR)");
		return false;
	}
	ret = api_owners_fill(req, pending);
	if (ret)
		http_reply_errno(req, ret, req->err.buf);
	return !ret;
}

struct trend {
	json_t *list, *cur; /* cur: the weeks of the last section added */
	long long since, weeks;
};

/* The section's entry with every week at zero. */
static json_t *trend_section(struct trend *t, const char *name)
{
	json_t *weeks = json_array();
	char day[16];
	struct tm tm;
	time_t when;
	long long i;

	for (i = 0; i < t->weeks; i++) {
		when = (time_t)(t->since + i * 7 * DAY);
		gmtime_r(&when, &tm);
		strftime(day, sizeof(day), "%Y-%m-%d", &tm);
		json_array_append_new(weeks,
				      json_pack("{s:s, s:i, s:i}", "week", day,
						"open_signatures", 0,
						"occurrences", 0));
	}
	json_array_append_new(t->list,
			      json_pack("{s:o, s:o}", "name", view_string(name),
					"weeks", weeks));
	return weeks;
}

static int add_trend(void *ctx, const char *section, long long week,
		     long long signatures, long long occurrences)
{
	struct trend *t = ctx;
	json_t *last = json_array_get(t->list, json_array_size(t->list) - 1);
	json_t *w;

	if (!last || strcmp(json_string_value(json_object_get(last, "name")),
			    section ? section : ""))
		t->cur = trend_section(t, section);
	w = json_array_get(t->cur, (size_t)week);
	if (!w)
		return 0;
	json_object_set_new(w, "open_signatures", json_integer(signatures));
	json_object_set_new(w, "occurrences", json_integer(occurrences));
	return 0;
}

void api_subsystems_trend(struct http_request *req)
{
	const char *section = http_query(req, "section");
	long long today = (long long)time(NULL) / DAY;
	struct trend t = { json_array(), NULL, 0, 12 };
	long long pending = 0;
	int ret;

	if (section && (!*section || strlen(section) > 256)) {
		http_reply_error(req, 400, "bad_request",
				 "section is a MAINTAINERS section name");
		goto out;
	}
	if (http_query_int(req, "weeks", 12, 1, 52, &t.weeks)) {
		http_reply_errno(req, -EINVAL, req->err.buf);
		goto out;
	}
	if (!api_sections_ready(req, &pending))
		goto out;
	t.since = (today + 1 - 7 * t.weeks) * DAY;
	ret = db_dash_section_trend(http_db(req), t.since, (today + 1) * DAY,
				    section, add_trend, &t, &req->err);
	if (ret) {
		http_reply_errno(req, ret, req->err.buf);
		goto out;
	}
	if (section && !json_array_size(t.list))
		trend_section(&t, section);
	http_reply_json(req, 200,
			json_pack("{s:o, s:I, s:O, s:I}", "since",
				  view_time(t.since), "weeks",
				  (json_int_t)t.weeks, "subsystems", t.list,
				  "owners_pending", (json_int_t)pending));
out:
	json_decref(t.list);
}

void api_whoami_get(struct http_request *req)
{
	http_reply_json(req, 200,
			req->who.name[0] ?
				json_pack("{s:s, s:s}", "name", req->who.name,
					  "role",
					  auth_role_name(req->who.role)) :
				json_pack("{s:n, s:n}", "name", "role"));
}
