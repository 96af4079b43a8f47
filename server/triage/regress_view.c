// SPDX-License-Identifier: GPL-2.0
/* regress_view: a regression, the list and the history as JSON (regress.h). */
#include "server/triage/regress.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <string.h>

#include "db/regress.h"
#include "server/triage/view.h"

#include "server/triage/regress_internal.h"

#define REGRESS_TIMELINE 20 /* occurrences shown per signature */

/* ---- JSON views ------------------------------------------------------ */

static int add_string(void *ctx, const char *s)
{
	json_array_append_new(ctx, json_string(s));
	return 0;
}

static json_t *reg_json(const struct reg *r)
{
	return json_pack(
		"{s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:I, s:o, s:o}", "id",
		(json_int_t)r->id, "title", r->title, "status",
		regress_status_name(r->status), "introduced",
		view_string(r->introduced), "resolution",
		view_string(r->resolution), "duplicate_of",
		r->duplicate_of ? json_integer(r->duplicate_of) : json_null(),
		"fix_commit", view_string(r->fix_commit), "clean_runs",
		(json_int_t)r->clean_runs, "created", view_time(r->created),
		"updated", view_time(r->updated));
}

static int add_sig_hash(void *ctx, const struct db_regression_sig *s)
{
	json_array_append_new(ctx, json_string(s->hash));
	return 0;
}

struct list_ctx {
	struct db *db;
	json_t *list;
	struct strbuf *err;
};

static int list_one(void *data, const struct db_regression *row)
{
	struct list_ctx *l = data;
	struct reg r = { 0 };
	json_t *o, *links = json_array(), *sigs = json_array();
	int ret;

	copy_reg(&r, row);
	o = reg_json(&r);
	reg_release(&r);
	json_object_set_new(o, "links", links);
	json_object_set_new(o, "signatures", sigs);
	json_array_append_new(l->list, o);
	ret = db_regression_links(l->db, row->id, add_string, links, l->err);
	if (!ret)
		ret = db_regression_sigs(l->db, row->id, add_sig_hash, sigs,
					 l->err);
	return ret;
}

int regress_list_json(struct db *db, const char *status, json_t **out,
		      struct strbuf *err)
{
	struct list_ctx l = { db, json_array(), err };
	int ret;

	ret = db_regression_list(db, status, -1, INT_MAX, list_one, &l, err);
	*out = ret ? NULL : l.list;
	if (ret)
		json_decref(l.list);
	return ret;
}

static int add_event(void *ctx, const struct db_regression_event *e)
{
	json_array_append_new(
		ctx,
		json_pack("{s:I, s:o, s:s, s:s, s:o, s:o, s:o}", "id",
			  (json_int_t)e->id, "ts", view_time(e->ts), "actor",
			  e->actor ? e->actor : "", "action", e->action, "old",
			  view_string(e->old), "new", view_string(e->new_value),
			  "reason", view_string(e->reason)));
	return 0;
}

int regress_history_json(struct db *db, long long id, json_t **out,
			 struct strbuf *err)
{
	struct reg r;
	json_t *list;
	int ret;

	*out = NULL;
	ret = reg_load(db, id, &r, err);
	reg_release(&r);
	if (ret)
		return ret;
	list = json_array();
	ret = db_regression_history(db, id, add_event, list, err);
	if (ret) {
		json_decref(list);
		return ret;
	}
	*out = json_pack("{s:I, s:o}", "id", (json_int_t)id, "history", list);
	return 0;
}

static int add_timeline(void *ctx, long long ts, const char *run_id,
			const char *commit, const char *machine)
{
	json_array_append_new(ctx, json_pack("{s:o, s:s, s:o, s:o}", "ts",
					     view_time(ts), "run",
					     run_id ? run_id : "", "commit",
					     view_string(commit), "machine",
					     view_string(machine)));
	return 0;
}

struct sig_ctx {
	struct db *db;
	json_t *list;
	struct strbuf *err;
};

static int add_sig(void *data, const struct db_regression_sig *s)
{
	struct sig_ctx *c = data;
	json_t *timeline = json_array();

	json_array_append_new(
		c->list,
		json_pack("{s:I, s:s, s:s, s:o, s:o, s:I, s:o, s:o, s:o}", "id",
			  (json_int_t)s->id, "signature", s->hash, "kind",
			  s->kind, "title", view_string(s->title), "classes",
			  view_json_array(s->classes), "occurrences",
			  (json_int_t)s->occurrences, "first_seen",
			  view_time(s->first_seen), "last_seen",
			  view_time(s->last_seen), "timeline", timeline));
	return db_regression_timeline(c->db, s->id, REGRESS_TIMELINE,
				      add_timeline, timeline, c->err);
}

static int add_evidence(void *ctx, const struct db_regression_evidence *e)
{
	json_array_append_new(
		ctx, json_pack("{s:s, s:s, s:b, s:s, s:o, s:s, s:o, s:o, s:o}",
			       "tree", e->tree, "branch", e->branch, "trusted",
			       e->trusted, "commit", e->commit, "subject",
			       view_string(e->subject), "how", e->how, "detail",
			       view_string(e->detail), "commit_time",
			       view_time(e->commit_time), "found",
			       view_time(e->found)));
	return 0;
}

static int add_run(void *ctx, const struct db_regression_run *r)
{
	/* "_run" only until mark_reset() has read it */
	json_array_append_new(
		ctx, json_pack("{s:s, s:o, s:b, s:b, s:s, s:I}", "run",
			       r->run_id, "commit", view_string(r->commit),
			       "seen", r->seen, "counted", r->counted, "why",
			       r->why, "_run", (json_int_t)r->run));
	return 0;
}

/* The history row where the clean-run count last started over. */
struct reset_event {
	long long id;
	json_t *out; /* {at, to, reason} once found */
};

static int find_reset(void *ctx, const struct db_regression_event *e)
{
	struct reset_event *ev = ctx;

	if (e->id == ev->id && !ev->out)
		ev->out = json_pack("{s:o, s:s, s:o}", "at", view_time(e->ts),
				    "to", e->new_value ? e->new_value : "",
				    "reason", view_string(e->reason));
	return 0;
}

/*
 * Mark the runs from before the clean-run count of r last started over (a
 * reopen, a manual reopen, a new fix): before_reset true, their "(N of M)"
 * no longer counting.  Both are stored where the count starts over
 * (reg_set_status()): the status change's history row, and the newest run
 * recorded before it.  Returns {at, to, reason} or JSON null.
 */
static json_t *mark_reset(struct db *db, const struct reg *r, json_t *runs,
			  struct strbuf *err, int *ret)
{
	struct reset_event ev = { r->reset_event, NULL };
	json_t *run;
	size_t i;

	*ret = r->reset_event ?
		       db_regression_history(db, r->id, find_reset, &ev, err) :
		       0;
	json_array_foreach(runs, i, run) {
		long long n = json_integer_value(json_object_get(run, "_run"));

		json_object_set_new(run, "before_reset",
				    json_boolean(ev.out && n <= r->reset_upto));
		json_object_del(run, "_run");
	}
	return ev.out ? ev.out : json_null();
}

/* The newest "fix_expected" event of a regression's history. */
static int last_fix_expected(void *ctx, const struct db_regression_event *e)
{
	json_t **out = ctx;

	if (strcmp(e->action, "fix_expected"))
		return 0;
	json_decref(*out);
	*out = json_pack("{s:o, s:s, s:o, s:o}", "fix",
			 view_string(e->new_value), "by",
			 e->actor ? e->actor : "", "at", view_time(e->ts),
			 "reason", view_string(e->reason));
	return 0;
}

/*
 * The fix a maintainer said to expect (`#splatd fix: <subject or commit>`):
 * {fix, by, at, reason} from the history event that named the one stored,
 * or JSON null.  Into *out (a new reference).
 */
static int fix_expected_json(struct db *db, long long id, json_t **out,
			     struct strbuf *err)
{
	struct strbuf fix = STRBUF_INIT;
	int ret;

	*out = NULL;
	ret = db_regression_fix_expected(db, id, &fix, err);
	if (!ret && fix.len)
		ret = db_regression_history(db, id, last_fix_expected, out,
					    err);
	if (!ret && fix.len && !*out) /* stored without an event */
		*out = json_pack("{s:o, s:n, s:n, s:n}", "fix",
				 view_string(fix.buf), "by", "at", "reason");
	if (!ret && *out) /* the stored one is the truth */
		json_object_set_new(*out, "fix", view_string(fix.buf));
	if (!ret && !*out)
		*out = json_null();
	strbuf_release(&fix);
	return ret;
}

/*
 * The range suspects were looked for in, always one shape: {clean, bad,
 * repo, index, reason}; reason says why there is none (then the others are
 * null), or is null.  range (a reference taken) is the object
 * regress_suspects_json() gives, or its reason string, or NULL.
 */
static json_t *suspects_range(json_t *range)
{
	json_t *o;

	if (json_is_object(range)) {
		o = json_deep_copy(range);
		json_object_set_new(o, "reason", json_null());
		return o;
	}
	o = json_pack("{s:n, s:n, s:n, s:n}", "clean", "bad", "repo", "index");
	json_object_set_new(o, "reason",
			    json_is_string(range) ? json_copy(range) :
						    json_string("no range"));
	return o;
}

int regress_detail_json(struct regress *rg, struct db *db, long long id,
			json_t **out, struct strbuf *err)
{
	struct reg r;
	json_t *o = NULL, *links = json_array(), *sigs = json_array();
	json_t *evidence = json_array(), *runs = json_array();
	json_t *suspects = json_array(), *range = NULL, *fix = NULL;
	json_t *reset = NULL;
	struct sig_ctx sc = { db, sigs, err };
	int ret;

	*out = NULL;
	ret = reg_load(db, id, &r, err);
	if (!ret)
		ret = db_regression_links(db, id, add_string, links, err);
	if (!ret)
		ret = db_regression_sigs(db, id, add_sig, &sc, err);
	if (!ret)
		ret = db_regression_evidence(db, id, add_evidence, evidence,
					     err);
	if (!ret)
		ret = db_regression_runs(db, id, add_run, runs, err);
	if (!ret)
		reset = mark_reset(db, &r, runs, err, &ret);
	if (!ret)
		ret = fix_expected_json(db, id, &fix, err);
	if (!ret && !r.introduced)
		ret = regress_suspects_json(rg, db, id, suspects, &range, err);
	if (!ret && r.introduced) {
		struct strbuf why = STRBUF_INIT;

		ret = regress_introduced_reason(rg, db, r.introduced, &why,
						err);
		range = json_string(why.buf);
		strbuf_release(&why);
	}
	if (ret)
		goto out;
	o = reg_json(&r);
	json_object_set_new(o, "fixed_after",
			    json_integer(rg->cfg.fixed_after));
	json_object_set_new(o, "fix_repo", view_string(r.fix_repo));
	/* each signature's timeline: its newest occurrences, this many */
	json_object_set_new(o, "timeline_limit",
			    json_integer(REGRESS_TIMELINE));
	json_object_set(o, "fix_expected", fix);
	json_object_set(o, "links", links);
	json_object_set(o, "signatures", sigs);
	json_object_set(o, "evidence", evidence);
	json_object_set(o, "suspects", suspects);
	json_object_set_new(o, "suspects_range", suspects_range(range));
	json_object_set(o, "runs", runs);
	json_object_set(o, "clean_runs_reset", reset);
	*out = o;
out:
	reg_release(&r);
	json_decref(range);
	json_decref(reset);
	json_decref(fix);
	json_decref(links);
	json_decref(sigs);
	json_decref(evidence);
	json_decref(runs);
	json_decref(suspects);
	return ret;
}

/* ---- paths ----------------------------------------------------------- */

struct tree_names {
	json_t *repos; /* path -> name */
};

static int add_tree_name(void *ctx, const struct db_tree *t)
{
	struct tree_names *n = ctx;

	if (t->repo && t->name && !json_object_get(n->repos, t->repo))
		json_object_set_new(n->repos, t->repo, view_string(t->name));
	return 0;
}

/* Whether c may be part of a path's name (then a match that c starts or
 * ends is inside a longer path: /srv/linux in /srv/linux-stable). */
static bool path_char(char c)
{
	return isalnum((unsigned char)c) || c == '-' || c == '_' || c == '.';
}

/* s with every path of repos written as its tree's name (NULL: none). */
static json_t *unpathed(json_t *repos, const char *s)
{
	struct strbuf out = STRBUF_INIT;
	const char *path, *hit;
	json_t *name, *v;
	bool changed = false;

	strbuf_addstr(&out, s);
	json_object_foreach(repos, path, name) {
		struct strbuf next = STRBUF_INIT;
		const char *p = out.buf;

		if (!*path)
			continue;
		for (hit = strstr(p, path); hit; hit = strstr(hit + 1, path)) {
			const char *end = hit + strlen(path);

			if ((hit > out.buf &&
			     (path_char(hit[-1]) || hit[-1] == '/')) ||
			    (end[-1] != '/' && path_char(*end)))
				continue;
			strbuf_add(&next, p, (size_t)(hit - p));
			strbuf_addf(&next, "tree %s", json_string_value(name));
			p = end;
			hit = end - 1;
			changed = true;
		}
		strbuf_addstr(&next, p);
		strbuf_reset(&out);
		strbuf_add(&out, next.buf, next.len);
		strbuf_release(&next);
	}
	v = changed ? view_string(out.buf) : NULL;
	strbuf_release(&out);
	return v;
}

/* The string member key of o, its paths written as tree names. */
static void unpath_member(json_t *repos, json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key), *n;

	if (json_is_string(v) && (n = unpathed(repos, json_string_value(v))))
		json_object_set_new(o, key, n);
}

int regress_hide_paths(struct db *db, json_t *detail, struct strbuf *err)
{
	struct tree_names n = { json_object() };
	json_t *run;
	size_t i;
	int ret = db_tree_list(db, add_tree_name, &n, err);

	if (!ret) {
		unpath_member(n.repos, detail, "fix_repo");
		unpath_member(n.repos,
			      json_object_get(detail, "suspects_range"),
			      "repo");
		json_array_foreach(json_object_get(detail, "runs"), i, run)
			unpath_member(n.repos, run, "why");
		/* a run's detail: the regressions it counted for */
		json_array_foreach(json_object_get(detail, "regressions"), i,
				   run)
			unpath_member(n.repos, run, "why");
	}
	json_decref(n.repos);
	return ret;
}
