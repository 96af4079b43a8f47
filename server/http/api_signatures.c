// SPDX-License-Identifier: GPL-2.0
/*
 * api_signatures: GET /api/v1/signatures (filters, sort, cursor),
 * GET /api/v1/signatures/{id} (chain, edges, counts, related), its
 * occurrences, PATCH (status and note) and POST .../merge.
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/dashboard.h"
#include "db/signatures.h"
#include "parsers/alloc.h"
#include "parsers/lockdep.h"
#include "server/http/api.h"
#include "server/triage/report_json.h"
#include "server/http/routes.h"

static const char *const statuses[] = { "new", "triaged", "known", "invalid" };

static bool status_valid(const char *s)
{
	size_t i;

	for (i = 0; s && i < ARRAY_SIZE(statuses); i++)
		if (!strcmp(s, statuses[i]))
			return true;
	return false;
}

struct sig_list {
	json_t *list;
	enum db_signature_sort sort;
	long long last_value, last_id;
	int rows;
};

static int add_signature(void *ctx, const struct db_signature *s)
{
	struct sig_list *l = ctx;

	json_array_append_new(l->list, api_signature_json(s));
	l->rows++;
	l->last_id = s->id;
	l->last_value = l->sort == DB_SORT_LAST_SEEN  ? s->last_run_at :
			l->sort == DB_SORT_FIRST_SEEN ? s->first_run_at :
							s->occurrences;
	return 0;
}

/* The filter NAME (a tree, machine or subsystem name): NULL when absent. */
static int list_place(struct http_request *req, const char *name,
		      const char **out)
{
	const char *v = http_query(req, name);

	*out = v && *v ? v : NULL;
	if (*out && strlen(v) > 256) {
		strbuf_addf(&req->err, "%s is longer than 256 bytes", name);
		return -EINVAL;
	}
	return 0;
}

static int list_filter(struct http_request *req, struct db_signature_filter *f,
		       struct strbuf *q)
{
	const char *kind = http_query(req, "kind");
	const char *status = http_query(req, "status");
	const char *query = http_query(req, "q");
	const char *since = http_query(req, "since");
	const char *sort = http_query(req, "sort");
	const char *cursor = http_query(req, "cursor");
	const char *dups = http_query(req, "duplicates");
	const char *escalated = http_query(req, "escalated");
	const char *first_since = http_query(req, "first_seen_since");
	static const char *const known[] = { "kind",
					     "status",
					     "q",
					     "since",
					     "first_seen_since",
					     "escalated",
					     "tree",
					     "machine",
					     "subsystem",
					     "duplicates",
					     "sort",
					     "cursor",
					     "limit",
					     NULL };
	long long limit;
	int n = 0;

	memset(f, 0, sizeof(*f));
	f->since = -1;
	/* a misspelt filter (escalted=1) would list everything */
	if (http_query_known(req, known))
		return -EINVAL;
	if (kind && lockdep_kind_from_name(kind) < 0) {
		strbuf_addf(&req->err, "unknown kind '%s'", kind);
		return -EINVAL;
	}
	f->kind = kind;
	if (status && !status_valid(status)) {
		strbuf_addstr(&req->err, "status is new, triaged, known or"
					 " invalid");
		return -EINVAL;
	}
	f->status = status;
	if (query && *query) {
		if (strlen(query) > 256) {
			strbuf_addstr(&req->err, "q is longer than 256 bytes");
			return -EINVAL;
		}
		for (; *query; query++)
			strbuf_addch(q, tolower((unsigned char)*query));
		f->q = q->buf;
	}
	if (list_place(req, "tree", &f->tree) ||
	    list_place(req, "machine", &f->machine) ||
	    list_place(req, "subsystem", &f->subsystem))
		return -EINVAL;
	if (dups && strcmp(dups, "0") && strcmp(dups, "1")) {
		strbuf_addstr(&req->err, "duplicates is 0 or 1");
		return -EINVAL;
	}
	/* merged duplicates are left out unless asked for (duplicates=1) */
	f->no_duplicates = !dups || !strcmp(dups, "0");
	if (escalated && strcmp(escalated, "0") && strcmp(escalated, "1")) {
		strbuf_addstr(&req->err, "escalated is 0 or 1");
		return -EINVAL;
	}
	f->escalated = escalated && !strcmp(escalated, "1");
	if (since && view_time_parse(since, &f->since)) {
		strbuf_addstr(&req->err, "since is a date (2026-01-31),"
					 " a UTC time or unix seconds");
		return -EINVAL;
	}
	if (first_since && view_time_parse(first_since, &f->first_since)) {
		strbuf_addstr(&req->err, "first_seen_since is a date"
					 " (2026-01-31), a UTC time or unix"
					 " seconds");
		return -EINVAL;
	}
	if (!sort || !strcmp(sort, "last_seen")) {
		f->sort = DB_SORT_LAST_SEEN;
	} else if (!strcmp(sort, "first_seen")) {
		f->sort = DB_SORT_FIRST_SEEN;
	} else if (!strcmp(sort, "count")) {
		f->sort = DB_SORT_COUNT;
	} else {
		strbuf_addstr(&req->err, "sort is last_seen, first_seen or"
					 " count");
		return -EINVAL;
	}
	/* 0: the start, as for the other lists (api_time_cursor()) */
	if (cursor && strcmp(cursor, "0")) {
		if (sscanf(cursor, "%lld.%lld%n", &f->cursor_value,
			   &f->cursor_id, &n) != 2 ||
		    cursor[n]) {
			strbuf_addstr(&req->err, "bad cursor");
			return -EINVAL;
		}
		f->has_cursor = true;
	}
	if (http_query_int(req, "limit", 50, 1, 500, &limit))
		return -EINVAL;
	f->limit = (int)limit;
	return 0;
}

void api_signatures_list(struct http_request *req)
{
	struct db_signature_filter f;
	struct strbuf q = STRBUF_INIT;
	struct sig_list l = { json_array(), 0, 0, 0, 0 };
	long long pending = 0;
	json_t *o;
	int ret;

	ret = list_filter(req, &f, &q);
	l.sort = f.sort;
	if (!ret && f.subsystem && !api_sections_ready(req, &pending)) {
		json_decref(l.list);
		goto out;
	}
	if (!ret)
		ret = db_signature_list(http_db(req), &f, add_signature, &l,
					&req->err);
	if (ret) {
		json_decref(l.list);
		http_reply_errno(req, ret, req->err.buf);
		goto out;
	}
	o = json_pack("{s:o, s:o}", "signatures", l.list, "next",
		      l.rows == f.limit ?
			      json_sprintf("%lld.%lld", l.last_value,
					   l.last_id) :
			      json_null());
	/* a subsystem filter sees the owners computed so far */
	if (f.subsystem)
		json_object_set_new(o, "owners_pending", json_integer(pending));
	http_reply_json(req, 200, o);
out:
	strbuf_release(&q);
}

static int get_one(void *ctx, const struct db_signature *s)
{
	json_t **out = ctx;

	*out = api_signature_json(s);
	json_object_set_new(*out, "chain", view_json_array(s->chain));
	json_object_set_new(*out, "texts_dropped",
			    json_integer(s->texts_dropped));
	return 0;
}

static int add_edge(void *ctx, const struct db_edge *e)
{
	json_array_append_new(ctx,
			      json_pack("{s:o, s:o, s:s, s:o}", "from",
					view_string(e->from), "to",
					view_string(e->to), "hash", e->hash,
					"function", view_string(e->function)));
	return 0;
}

static int add_machine(void *ctx, const char *key, long long n)
{
	json_array_append_new(ctx, json_pack("{s:o, s:I}", "machine",
					     view_string(key), "occurrences",
					     (json_int_t)n));
	return 0;
}

static int add_kernel(void *ctx, const char *key, long long n)
{
	json_array_append_new(ctx, json_pack("{s:o, s:I}", "kernel",
					     view_string(key), "occurrences",
					     (json_int_t)n));
	return 0;
}

static int add_related(void *ctx, long long id, const char *hash,
		       const char *title, long long shared)
{
	json_array_append_new(ctx, json_pack("{s:I, s:s, s:o, s:I, s:o}", "id",
					     (json_int_t)id, "signature", hash,
					     "title", view_string(title),
					     "shared_edges", (json_int_t)shared,
					     "url", api_signature_url(id)));
	return 0;
}

/* One run of a tree's span: when, which run, commit, kernel, machine. */
static json_t *tree_run_json(const struct db_dash_tree_run *r)
{
	return json_pack("{s:o, s:o, s:o, s:o, s:o, s:o}", "at",
			 view_time(r->run_at), "run", view_string(r->run_id),
			 "commit", view_string(r->commit), "kernel",
			 view_string(r->kernel), "machine",
			 view_string(r->machine), "url",
			 api_run_url(r->run_id));
}

/* Rows of a tree come together, its first before its last. */
static int add_tree_run(void *ctx, const struct db_dash_tree_run *r)
{
	json_t *trees = ctx,
	       *last = json_array_get(trees, json_array_size(trees) - 1);
	const char *tree = json_string_value(json_object_get(last, "tree"));
	bool same = last && (tree && r->tree ? !strcmp(tree, r->tree) :
					       !tree && !r->tree);

	if (!same) {
		last = json_pack("{s:o, s:I}", "tree", view_string(r->tree),
				 "occurrences", (json_int_t)r->occurrences);
		json_array_append_new(trees, last);
	}
	if (r->first)
		json_object_set_new(last, "first", tree_run_json(r));
	if (r->last)
		json_object_set_new(last, "last", tree_run_json(r));
	return 0;
}

/* The history lines GET /signatures/{id} carries, newest first. */
#define HISTORY_MAX 100

static int add_event(void *ctx, long long ts, const char *actor,
		     const char *action, const char *value, const char *note)
{
	return json_array_append_new(ctx,
				     json_pack("{s:o, s:o, s:o, s:o, s:o}",
					       "at", view_time(ts), "actor",
					       view_string(actor), "action",
					       view_string(action), "value",
					       view_string(value), "note",
					       view_string(note))) ?
		       -ENOMEM :
		       0;
}

void api_signatures_get(struct http_request *req)
{
	json_t *sig = NULL, *edges = json_array(), *machines = json_array();
	json_t *kernels = json_array(), *related = json_array();
	json_t *history = json_array(), *trees = json_array();
	struct db *db = http_db(req);
	long long id, muted_until = 0;
	int ret, until_escalating = 0;
	const char *hash;

	ret = api_path_signature(req, &id, &hash);
	if (!ret)
		ret = db_signature_get(db, id, hash, get_one, &sig, &req->err);
	if (!ret) {
		id = json_integer_value(json_object_get(sig, "id"));
		ret = db_signature_edges(db, id, add_edge, edges, &req->err);
	}
	if (!ret)
		ret = db_signature_by_machine(db, id, add_machine, machines,
					      &req->err);
	if (!ret)
		ret = db_signature_by_kernel(db, id, add_kernel, kernels,
					     &req->err);
	if (!ret)
		ret = db_dash_tree_spans(db, id, add_tree_run, trees,
					 &req->err);
	if (!ret)
		ret = db_signature_related(db, id, add_related, related,
					   &req->err);
	if (!ret)
		ret = db_signature_events(db, id, HISTORY_MAX, add_event,
					  history, &req->err);
	if (!ret)
		ret = db_signature_mute(db, id, &muted_until, &until_escalating,
					&req->err);
	if (ret) {
		http_reply_errno(req, ret,
				 ret == -ENOENT ? "no such signature" :
						  req->err.buf);
		json_decref(sig);
		json_decref(edges);
		json_decref(machines);
		json_decref(kernels);
		json_decref(related);
		json_decref(history);
		json_decref(trees);
		return;
	}
	json_object_set_new(sig, "history", history);
	json_object_set_new(sig, "muted_until", view_time(muted_until));
	json_object_set_new(sig, "mute_until_escalating",
			    json_boolean(until_escalating));
	json_object_set_new(sig, "edges", edges);
	json_object_set_new(sig, "machines", machines);
	json_object_set_new(sig, "kernels", kernels);
	json_object_set_new(sig, "trees", trees);
	json_object_set_new(sig, "related", related);
	api_owners_annotate(req, id, sig);
	http_reply_json(req, 200, sig);
}

struct occ_list {
	json_t *list;
	long long last, last_at; /* the last row's id and run time */
	int rows; /* rows read, whether or not they printed */
	long long id, texts_dropped; /* of the signature */
};

static int add_occurrence(void *ctx, const struct db_occurrence *o)
{
	struct occ_list *l = ctx;

	json_array_append_new(
		l->list,
		json_pack(
			"{s:I, s:o, s:o, s:o, s:o, s:o, s:o, s:o, s:b, s:o, s:o,"
			" s:b}",
			"id", (json_int_t)o->id, "run", view_string(o->run_id),
			"machine", view_string(o->machine), "kernel",
			view_string(o->kernel), "seen", view_time(o->run_at),
			"received", view_time(o->ts), "task",
			view_string(o->task), "pid",
			o->pid >= 0 ? json_integer(o->pid) : json_null(), "new",
			o->is_new, "text",
			o->text_kept ? view_string(o->text) : json_null(),
			"raw", o->text_kept ? view_string(o->raw) : json_null(),
			"text_kept", o->text_kept));
	l->last = o->id;
	l->last_at = o->run_at;
	l->rows++;
	return 0;
}

static int check_exists(void *ctx, const struct db_signature *s)
{
	*(long long *)ctx = s->id;
	return 0;
}

static int occ_signature(void *ctx, const struct db_signature *s)
{
	struct occ_list *l = ctx;

	l->id = s->id;
	l->texts_dropped = s->texts_dropped;
	return 0;
}

void api_signatures_occurrences(struct http_request *req)
{
	struct occ_list l = { json_array(), 0, 0, 0, 0, 0 };
	long long id, limit, at, cursor;
	const char *hash;
	int ret;

	ret = api_path_signature(req, &id, &hash);
	if (!ret)
		ret = http_query_int(req, "limit", 50, 1, 500, &limit);
	if (!ret)
		ret = api_time_cursor(req, &at, &cursor);
	if (!ret)
		ret = db_signature_get(http_db(req), id, hash, occ_signature,
				       &l, &req->err);
	/* newest by their runs' time; an id alone (an older cursor): the
	 * rows after it by id */
	if (!ret && at < 0 && cursor > 0)
		ret = db_occurrence_list(http_db(req), l.id, cursor, (int)limit,
					 add_occurrence, &l, &req->err);
	else if (!ret)
		ret = db_occurrence_list_by_run(http_db(req), l.id, at, cursor,
						(int)limit, add_occurrence, &l,
						&req->err);
	if (ret) {
		json_decref(l.list);
		http_reply_errno(req, ret,
				 ret == -ENOENT ? "no such signature" :
						  req->err.buf);
		return;
	}
	http_reply_json(
		req, 200,
		json_pack("{s:o, s:o, s:I}", "occurrences", l.list, "next",
			  l.rows == limit ?
				  json_sprintf("%lld.%lld", l.last_at, l.last) :
				  json_null(),
			  "texts_dropped", (json_int_t)l.texts_dropped));
}

/* Reply with the signature id (after a change). */
static void reply_signature(struct http_request *req, long long id)
{
	json_t *sig = NULL;
	int ret = db_signature_get(http_db(req), id, NULL, get_one, &sig,
				   &req->err);

	if (ret)
		http_reply_errno(req, ret, req->err.buf);
	else
		http_reply_json(req, 200, sig);
}

static const char *const patch_fields[] = { "status", "note" };

/*
 * {"status", "note"}, either or both: a field left out keeps its value
 * (a note alone is a note on the signature as it stands), "note": null
 * clears it.
 */
void api_signatures_patch(struct http_request *req)
{
	json_t *o, *note, *jstatus;
	const char *hash, *status;
	long long id;
	int ret;

	if (api_path_signature(req, &id, &hash)) {
		http_reply_error(req, 400, "bad_request", req->err.buf);
		return;
	}
	o = http_body_object(req);
	if (!o)
		return;
	if (api_check_fields(o, patch_fields, ARRAY_SIZE(patch_fields),
			     &req->err)) {
		http_reply_error(req, 400, "bad_request", req->err.buf);
		goto out;
	}
	jstatus = json_object_get(o, "status");
	status = json_string_value(jstatus);
	note = json_object_get(o, "note");
	if (!jstatus && !note) {
		http_reply_error(req, 400, "bad_request",
				 "give status, note or both");
		goto out;
	}
	if (jstatus && !status_valid(status)) {
		http_reply_error(req, 400, "bad_request",
				 "status is new, triaged, known or invalid");
		goto out;
	}
	if (note && !json_is_null(note) && !json_is_string(note)) {
		http_reply_error(req, 400, "bad_request",
				 "note must be a string");
		goto out;
	}
	if (hash)
		ret = db_signature_get(http_db(req), 0, hash, check_exists, &id,
				       &req->err);
	else
		ret = 0;
	if (!ret)
		ret = db_signature_patch(http_db(req), id, status, !!note,
					 json_string_value(note), req->who.name,
					 (long long)time(NULL), &req->err);
	if (ret)
		http_reply_errno(req, ret,
				 ret == -ENOENT ? "no such signature" :
						  req->err.buf);
	else
		reply_signature(req, id);
out:
	json_decref(o);
}

void api_signatures_merge(struct http_request *req)
{
	long long id, into, root = 0;
	const char *hash;
	json_t *o, *v;
	int ret;

	if (api_path_signature(req, &id, &hash)) {
		http_reply_error(req, 400, "bad_request", req->err.buf);
		return;
	}
	o = http_body_object(req);
	if (!o)
		return;
	v = json_object_get(o, "into");
	if (!json_is_integer(v) || json_integer_value(v) <= 0) {
		http_reply_error(req, 400, "bad_request",
				 "the body must be {\"into\": <signature id>}");
		goto out;
	}
	into = json_integer_value(v);
	ret = hash ? db_signature_get(http_db(req), 0, hash, check_exists, &id,
				      &req->err) :
		     0;
	if (!ret)
		ret = db_signature_merge(http_db(req), id, into, req->who.name,
					 (long long)time(NULL), &root,
					 &req->err);
	if (ret)
		http_reply_errno(req, ret,
				 ret == -ENOENT ? "no such signature" :
						  req->err.buf);
	else
		reply_signature(req, id);
out:
	json_decref(o);
}
