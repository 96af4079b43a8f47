// SPDX-License-Identifier: GPL-2.0
/* regress: the regression tracker's state machine and views (regress.h). */
#include "server/triage/regress.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/regress.h"
#include "db/signatures.h"
#include "parsers/links.h"
#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "server/http/api.h" /* api_run_json, api_signature_url: to go */
#include "server/triage/view.h"
#include "server/triage/fnindex.h"
#include "server/triage/gitrepo.h"
#include "server/triage/gitsync.h"

#define REGRESS_MAX_TITLE 512
#define REGRESS_MAX_LINKS 32
#define REGRESS_MAX_SIGS 64
#define REGRESS_MAX_REASON 1024
#define REGRESS_TIMELINE 20 /* occurrences shown per signature */
#define REGRESS_MAX_CHAIN 1000 /* duplicate_of steps followed */
#define REGRESS_SUSPECT_LIMIT 20000 /* commits examined for suspects */
#define REGRESS_MAX_REPOS 16

struct repo_cache {
	char *path;
	struct gitsync_contain *contain; /* NULL: could not open */
};

struct regress {
	struct regress_config cfg;
	pthread_mutex_t lock; /* guards repos[] and stop */
	struct repo_cache repos[REGRESS_MAX_REPOS];
	size_t nrepos;
	/* the periodic sync of serve */
	pthread_t thread;
	pthread_cond_t wake;
	bool running, stop;
	char *db_path;
	struct db *sync_db; /* the thread's connection */
	unsigned interval;
};

static char *xstrdup(const char *s)
{
	char *d = strdup(s ? s : "");

	if (!d)
		abort();
	return d;
}

static char *xstrdup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

struct regress *regress_new(const struct regress_config *cfg)
{
	struct regress *rg = calloc(1, sizeof(*rg));

	if (!rg)
		abort();
	if (cfg)
		rg->cfg = *cfg;
	if (!rg->cfg.fixed_after)
		rg->cfg.fixed_after = REGRESS_FIXED_AFTER;
	pthread_mutex_init(&rg->lock, NULL);
	pthread_cond_init(&rg->wake, NULL);
	return rg;
}

void regress_free(struct regress *rg)
{
	size_t i;

	if (!rg)
		return;
	if (rg->running) {
		pthread_mutex_lock(&rg->lock);
		rg->stop = true;
		pthread_cond_signal(&rg->wake);
		pthread_mutex_unlock(&rg->lock);
		pthread_join(rg->thread, NULL);
	}
	free(rg->db_path);
	pthread_cond_destroy(&rg->wake);
	for (i = 0; i < rg->nrepos; i++) {
		gitsync_contain_free(rg->repos[i].contain);
		free(rg->repos[i].path);
	}
	pthread_mutex_destroy(&rg->lock);
	free(rg);
}

/* The containment cache of repo (opened on first use); NULL on failure. */
static struct gitsync_contain *repo_contain(struct regress *rg,
					    const char *repo)
{
	struct gitsync_contain *c = NULL;
	struct strbuf err = STRBUF_INIT;
	size_t i;

	pthread_mutex_lock(&rg->lock);
	for (i = 0; i < rg->nrepos; i++) {
		if (!strcmp(rg->repos[i].path, repo)) {
			c = rg->repos[i].contain;
			goto out;
		}
	}
	c = gitsync_contain_new(repo, &err);
	if (rg->nrepos == REGRESS_MAX_REPOS) {
		/* more repositories than expected: forget the oldest */
		gitsync_contain_free(rg->repos[0].contain);
		free(rg->repos[0].path);
		memmove(rg->repos, rg->repos + 1,
			(rg->nrepos - 1) * sizeof(rg->repos[0]));
		rg->nrepos--;
	}
	rg->repos[rg->nrepos].path = xstrdup(repo);
	rg->repos[rg->nrepos].contain = c;
	rg->nrepos++;
out:
	pthread_mutex_unlock(&rg->lock);
	strbuf_release(&err);
	return c;
}

/* 1, 0, or -ENOENT when the repository or a commit is unknown. */
static int contains(struct regress *rg, const char *repo, const char *commit,
		    const char *fix)
{
	struct gitsync_contain *c;

	if (!repo || !commit || !*commit || !fix)
		return -ENOENT;
	c = repo_contain(rg, repo);
	return c ? gitsync_contains(c, commit, fix) : -ENOENT;
}

/* A regression row copied out of its callback. */
struct reg {
	long long id;
	char *title, *introduced, *resolution;
	enum regress_status status;
	long long duplicate_of;
	char *fix_commit, *fix_repo;
	long long clean_runs;
	bool scanned;
	long long created, updated;
};

static void reg_release(struct reg *r)
{
	free(r->title);
	free(r->introduced);
	free(r->resolution);
	free(r->fix_commit);
	free(r->fix_repo);
	memset(r, 0, sizeof(*r));
}

static int copy_reg(void *ctx, const struct db_regression *r)
{
	struct reg *out = ctx;
	int status = regress_status_from_name(r->status);

	reg_release(out);
	out->id = r->id;
	out->title = xstrdup(r->title);
	out->introduced = xstrdup_or_null(r->introduced);
	/* the schema admits only the names */
	out->status = status < 0 ? REGRESS_OPEN : (enum regress_status)status;
	out->resolution = xstrdup_or_null(r->resolution);
	out->duplicate_of = r->duplicate_of;
	out->fix_commit = xstrdup_or_null(r->fix_commit);
	out->fix_repo = xstrdup_or_null(r->fix_repo);
	out->clean_runs = r->clean_runs;
	out->scanned = r->scanned;
	out->created = r->created;
	out->updated = r->updated;
	return 0;
}

static int reg_load(struct db *db, long long id, struct reg *r,
		    struct strbuf *err)
{
	memset(r, 0, sizeof(*r));
	return db_regression_get(db, id, copy_reg, r, err);
}

static int reg_store(struct db *db, const struct reg *r, long long now,
		     struct strbuf *err)
{
	struct db_regression row = {
		.id = r->id,
		.title = r->title,
		.introduced = r->introduced,
		.status = regress_status_name(r->status),
		.resolution = r->resolution,
		.duplicate_of = r->duplicate_of,
		.fix_commit = r->fix_commit,
		.fix_repo = r->fix_repo,
		.clean_runs = r->clean_runs,
		.scanned = r->scanned,
	};

	return db_regression_update(db, &row, now, err);
}

/* Move r to status, with a history line; r is stored by the caller. */
static int reg_set_status(struct db *db, struct reg *r,
			  enum regress_status status, const char *actor,
			  const char *reason, long long now, struct strbuf *err)
{
	int ret;

	if (r->status == status)
		return 0;
	ret = db_regression_history_add(db, r->id, now, actor, "status",
					regress_status_name(r->status),
					regress_status_name(status), reason,
					err);
	r->status = status;
	return ret;
}

static void short_sha(char out[13], const char *sha)
{
	snprintf(out, 13, "%s", sha ? sha : "");
}

/* ---- validation of request bodies ---------------------------------- */

static bool introduced_valid(const char *s)
{
	const char *dots = strstr(s, "..");
	size_t i, n = strlen(s);

	if (!n || n > 200)
		return false;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("._-/~^", s[i]))
			return false;
	if (!dots) {
		/* a commit: hex of at least GITSYNC_MIN_PREFIX digits */
		if (n < GITSYNC_MIN_PREFIX || n > 40)
			return false;
		for (i = 0; i < n; i++)
			if (!isxdigit((unsigned char)s[i]))
				return false;
		return true;
	}
	return dots > s && dots[2] && !strstr(dots + 2, "..") && dots[2] != '.';
}

static int check_title(json_t *v, struct strbuf *err)
{
	const char *s = json_string_value(v);

	if (!s || !*s || strlen(s) > REGRESS_MAX_TITLE) {
		strbuf_addf(err, "title must be a string of 1..%d bytes",
			    REGRESS_MAX_TITLE);
		return -EINVAL;
	}
	return 0;
}

/* Canonical links of a JSON array into a JSON array of strings. */
static int check_links(json_t *v, json_t **out, struct strbuf *err)
{
	struct strbuf canon = STRBUF_INIT;
	json_t *item;
	size_t i;
	int ret = 0;

	*out = json_array();
	if (!json_is_array(v) || json_array_size(v) > REGRESS_MAX_LINKS) {
		strbuf_addf(err, "links must be an array of at most %d URLs",
			    REGRESS_MAX_LINKS);
		ret = -EINVAL;
		goto out;
	}
	json_array_foreach(v, i, item) {
		strbuf_reset(&canon);
		if (!json_is_string(item)) {
			strbuf_addstr(err, "links must be strings");
			ret = -EINVAL;
			goto out;
		}
		ret = links_normalize(&canon, json_string_value(item), err);
		if (ret)
			goto out;
		json_array_append_new(*out, json_string(canon.buf));
	}
out:
	strbuf_release(&canon);
	if (ret) {
		json_decref(*out);
		*out = NULL;
	}
	return ret;
}

static int found_sig(void *ctx, const struct db_signature *s)
{
	*(long long *)ctx = s->id;
	return 0;
}

/* Signature ids for a JSON array of hashes (16 hex) or numeric ids. */
static int check_sigs(struct db *db, json_t *v, bool need_one, long long **ids,
		      size_t *n, struct strbuf *err)
{
	json_t *item;
	size_t i;
	int ret = 0;

	*ids = NULL;
	*n = 0;
	if (!json_is_array(v) || (need_one && !json_array_size(v)) ||
	    json_array_size(v) > REGRESS_MAX_SIGS) {
		strbuf_addf(err,
			    "signatures must be an array of 1..%d"
			    " signature hashes or ids",
			    REGRESS_MAX_SIGS);
		return -EINVAL;
	}
	*ids = calloc(json_array_size(v) + 1, sizeof(**ids));
	if (!*ids)
		abort();
	json_array_foreach(v, i, item) {
		const char *hash = json_string_value(item);
		long long id = json_is_integer(item) ?
				       json_integer_value(item) :
				       0,
			  found = 0;

		if (!hash && id <= 0) {
			strbuf_addstr(err, "a signature is a 16-digit hash or"
					   " a numeric id");
			ret = -EINVAL;
			break;
		}
		ret = db_signature_get(db, id, hash, found_sig, &found, err);
		if (ret == -ENOENT || (!ret && !found)) {
			strbuf_reset(err);
			if (hash)
				strbuf_addf(err, "unknown signature '%.64s'",
					    hash);
			else
				strbuf_addf(err, "unknown signature %lld", id);
			ret = -EINVAL;
		}
		if (ret)
			break;
		(*ids)[(*n)++] = found;
	}
	if (ret) {
		free(*ids);
		*ids = NULL;
		*n = 0;
	}
	return ret;
}

static int check_introduced(json_t *v, struct strbuf *err)
{
	if (json_is_null(v))
		return 0;
	if (!json_is_string(v) || !introduced_valid(json_string_value(v))) {
		strbuf_addstr(err, "introduced is a commit (8..40 hex digits)"
				   " or a range A..B");
		return -EINVAL;
	}
	return 0;
}

static int store_links(struct db *db, long long id, json_t *links,
		       struct strbuf *err)
{
	json_t *item;
	size_t i;
	int ret = 0;

	json_array_foreach(links, i, item) {
		ret = db_regression_link_add(db, id, json_string_value(item),
					     err);
		if (ret)
			break;
	}
	return ret;
}

int regress_create(struct regress *rg, struct db *db, json_t *body,
		   const char *actor, long long now, long long *id,
		   struct strbuf *err)
{
	json_t *links = NULL, *intro, *empty = json_array();
	long long *sigs = NULL;
	size_t nsigs = 0, i;
	const char *key;
	json_t *v;
	int ret;

	if (!json_is_object(body)) {
		strbuf_addstr(err, "the body must be a JSON object");
		ret = -EINVAL;
		goto out;
	}
	json_object_foreach(body, key, v) {
		if (strcmp(key, "title") && strcmp(key, "signatures") &&
		    strcmp(key, "links") && strcmp(key, "introduced")) {
			strbuf_addf(err, "unknown field '%.64s'", key);
			ret = -EINVAL;
			goto out;
		}
	}
	intro = json_object_get(body, "introduced");
	ret = check_title(json_object_get(body, "title"), err);
	if (!ret && intro)
		ret = check_introduced(intro, err);
	if (!ret)
		ret = check_links(json_object_get(body, "links") ?
					  json_object_get(body, "links") :
					  empty,
				  &links, err);
	if (!ret)
		ret = check_sigs(db, json_object_get(body, "signatures"), true,
				 &sigs, &nsigs, err);
	if (ret)
		goto out;
	ret = db_begin(db, err);
	if (ret)
		goto out;
	ret = db_regression_insert(
		db, json_string_value(json_object_get(body, "title")),
		json_string_value(intro), now, id, err);
	if (!ret)
		ret = store_links(db, *id, links, err);
	for (i = 0; !ret && i < nsigs; i++)
		ret = db_regression_sig_add(db, *id, sigs[i], err);
	if (!ret)
		ret = db_regression_history_add(
			db, *id, now, actor, "create", NULL,
			json_string_value(json_object_get(body, "title")), NULL,
			err);
	if (!ret)
		ret = db_commit(db, err);
	if (ret)
		db_rollback(db);
out:
	(void)rg;
	json_decref(empty);
	json_decref(links);
	free(sigs);
	return ret;
}

static const char *const patch_fields[] = { "title",	   "links",
					    "introduced",  "signatures",
					    "status",	   "reason",
					    "duplicate_of" };

static int check_patch_fields(json_t *body, struct strbuf *err)
{
	const char *key;
	json_t *v;
	size_t i;

	if (!json_is_object(body) || !json_object_size(body)) {
		strbuf_addstr(err, "the body must be a non-empty JSON object");
		return -EINVAL;
	}
	json_object_foreach(body, key, v) {
		for (i = 0; i < sizeof(patch_fields) / sizeof(patch_fields[0]);
		     i++)
			if (!strcmp(key, patch_fields[i]))
				break;
		if (i == sizeof(patch_fields) / sizeof(patch_fields[0])) {
			strbuf_addf(err, "unknown field '%.64s'", key);
			return -EINVAL;
		}
	}
	return 0;
}

/* The links of a regression as one string, for history lines. */
static int join_link(void *ctx, const char *url)
{
	struct strbuf *sb = ctx;

	if (sb->len)
		strbuf_addch(sb, ' ');
	strbuf_addstr(sb, url);
	return 0;
}

static int patch_links(struct db *db, struct reg *r, json_t *v,
		       const char *actor, long long now, struct strbuf *err)
{
	struct strbuf old = STRBUF_INIT, new_links = STRBUF_INIT;
	json_t *links = NULL, *item;
	size_t i;
	int ret;

	ret = check_links(v, &links, err);
	if (!ret)
		ret = db_regression_links(db, r->id, join_link, &old, err);
	if (!ret)
		ret = db_regression_links_clear(db, r->id, err);
	if (!ret)
		ret = store_links(db, r->id, links, err);
	json_array_foreach(links, i, item)
		join_link(&new_links, json_string_value(item));
	if (!ret)
		ret = db_regression_history_add(db, r->id, now, actor, "links",
						old.buf, new_links.buf, NULL,
						err);
	r->scanned = false; /* search the trees again for the new links */
	json_decref(links);
	strbuf_release(&old);
	strbuf_release(&new_links);
	return ret;
}

static int patch_status(struct db *db, struct reg *r, json_t *body,
			const char *actor, long long now, struct strbuf *err)
{
	int status = regress_status_from_name(
		json_string_value(json_object_get(body, "status")));
	const char *reason = json_string_value(json_object_get(body, "reason"));
	enum regress_event ev = status == REGRESS_RESOLVED ?
					REGRESS_EV_RESOLVE :
					REGRESS_EV_REOPEN;

	if (status != REGRESS_RESOLVED && status != REGRESS_OPEN) {
		strbuf_addstr(err, "status can be set to resolved (with a"
				   " reason) or open; the others follow"
				   " from git and runs");
		return -EINVAL;
	}
	if (!reason || !*reason || strlen(reason) > REGRESS_MAX_REASON) {
		strbuf_addf(err,
			    "a status change needs a reason of 1..%d"
			    " bytes",
			    REGRESS_MAX_REASON);
		return -EINVAL;
	}
	free(r->resolution);
	r->resolution = ev == REGRESS_EV_RESOLVE ? xstrdup(reason) : NULL;
	if (ev == REGRESS_EV_REOPEN) {
		free(r->fix_commit);
		free(r->fix_repo);
		r->fix_commit = r->fix_repo = NULL;
		r->clean_runs = 0;
		r->duplicate_of = 0;
		r->scanned = false;
	}
	return reg_set_status(db, r, regress_status_next(r->status, ev, NULL),
			      actor, reason, now, err);
}

/*
 * -EINVAL when id is already target or one of the regressions target is a
 * duplicate of (following duplicate_of): id -> target would close a cycle
 * and leave no open root, as merging a signature into its own duplicate.
 */
static int check_no_cycle(struct db *db, long long id, const struct reg *target,
			  struct strbuf *err)
{
	long long next = target->duplicate_of;
	struct reg cur = { 0 };
	int steps, ret = 0;

	for (steps = 0; next && next != id && steps < REGRESS_MAX_CHAIN;
	     steps++) {
		ret = reg_load(db, next, &cur, err);
		next = cur.duplicate_of;
		reg_release(&cur);
		if (ret == -ENOENT) {
			strbuf_reset(err);
			return 0; /* the chain ends at a deleted row */
		}
		if (ret)
			return ret;
	}
	if (next == id || steps == REGRESS_MAX_CHAIN) {
		strbuf_addf(err,
			    "regression %lld is already a duplicate of %lld"
			    " (directly or through others): a cycle",
			    target->id, id);
		return -EINVAL;
	}
	return 0;
}

static int patch_duplicate(struct db *db, struct reg *r, json_t *v,
			   const char *actor, long long now, struct strbuf *err)
{
	struct reg target;
	char buf[32];
	int ret;

	if (!json_is_integer(v) || json_integer_value(v) == r->id) {
		strbuf_addstr(err, "duplicate_of is the id of another"
				   " regression");
		return -EINVAL;
	}
	ret = reg_load(db, json_integer_value(v), &target, err);
	if (ret == -ENOENT) {
		strbuf_reset(err);
		strbuf_addf(err, "no regression %lld",
			    (long long)json_integer_value(v));
		ret = -EINVAL;
	}
	if (!ret)
		ret = check_no_cycle(db, r->id, &target, err);
	if (ret) {
		reg_release(&target);
		return ret;
	}
	r->duplicate_of = target.id;
	snprintf(buf, sizeof(buf), "%lld", target.id);
	ret = db_regression_history_add(db, r->id, now, actor, "duplicate_of",
					NULL, buf, NULL, err);
	if (!ret)
		ret = reg_set_status(db, r,
				     regress_status_next(r->status,
							 REGRESS_EV_DUPLICATE,
							 NULL),
				     actor, buf, now, err);
	reg_release(&target);
	return ret;
}

int regress_patch(struct regress *rg, struct db *db, long long id, json_t *body,
		  const char *actor, long long now, struct strbuf *err)
{
	json_t *v;
	struct reg r = { 0 };
	long long *sigs = NULL;
	size_t nsigs = 0, i;
	int ret;

	ret = check_patch_fields(body, err);
	if (ret)
		return ret;
	if ((v = json_object_get(body, "title")))
		ret = check_title(v, err);
	if (!ret && (v = json_object_get(body, "introduced")))
		ret = check_introduced(v, err);
	if (!ret && json_object_get(body, "reason") &&
	    !json_object_get(body, "status")) {
		strbuf_addstr(err, "reason goes with status");
		ret = -EINVAL;
	}
	if (!ret && (v = json_object_get(body, "signatures")))
		ret = check_sigs(db, v, false, &sigs, &nsigs, err);
	if (ret)
		goto out;
	ret = db_begin(db, err);
	if (ret)
		goto out;
	ret = reg_load(db, id, &r, err);
	if (!ret && (v = json_object_get(body, "title")) &&
	    strcmp(r.title, json_string_value(v))) {
		ret = db_regression_history_add(db, id, now, actor, "title",
						r.title, json_string_value(v),
						NULL, err);
		free(r.title);
		r.title = xstrdup(json_string_value(v));
	}
	if (!ret && (v = json_object_get(body, "introduced"))) {
		ret = db_regression_history_add(db, id, now, actor,
						"introduced", r.introduced,
						json_string_value(v), NULL,
						err);
		free(r.introduced);
		r.introduced = xstrdup_or_null(json_string_value(v));
		r.scanned = false;
	}
	if (!ret && (v = json_object_get(body, "links")))
		ret = patch_links(db, &r, v, actor, now, err);
	for (i = 0; !ret && i < nsigs; i++) {
		char buf[32];

		snprintf(buf, sizeof(buf), "%lld", sigs[i]);
		ret = db_regression_sig_add(db, id, sigs[i], err);
		if (!ret)
			ret = db_regression_history_add(db, id, now, actor,
							"signature", NULL, buf,
							NULL, err);
		r.scanned = false;
	}
	if (!ret && (v = json_object_get(body, "duplicate_of")))
		ret = patch_duplicate(db, &r, v, actor, now, err);
	if (!ret && json_object_get(body, "status"))
		ret = patch_status(db, &r, body, actor, now, err);
	if (!ret)
		ret = reg_store(db, &r, now, err);
	if (!ret)
		ret = db_commit(db, err);
	if (ret)
		db_rollback(db);
out:
	(void)rg;
	reg_release(&r);
	free(sigs);
	return ret;
}

/* ---- JSON views ------------------------------------------------------ */

static int add_string(void *ctx, const char *s)
{
	json_array_append_new(ctx, json_string(s));
	return 0;
}

static json_t *reg_json(const struct reg *r)
{
	return json_pack(
		"{s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:I, s:o, s:o,"
		" s:o}",
		"id", (json_int_t)r->id, "title", r->title, "status",
		regress_status_name(r->status), "introduced",
		view_string(r->introduced), "resolution",
		view_string(r->resolution), "duplicate_of",
		r->duplicate_of ? json_integer(r->duplicate_of) : json_null(),
		"fix_commit", view_string(r->fix_commit), "clean_runs",
		(json_int_t)r->clean_runs, "created", view_time(r->created),
		"updated", view_time(r->updated), "url",
		json_sprintf("/api/v1/regressions/%lld", r->id));
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
		json_pack("{s:I, s:s, s:s, s:o, s:o, s:I, s:o, s:o, s:o, s:o}",
			  "id", (json_int_t)s->id, "signature", s->hash, "kind",
			  s->kind, "title", view_string(s->title), "classes",
			  view_json_array(s->classes), "occurrences",
			  (json_int_t)s->occurrences, "first_seen",
			  view_time(s->first_seen), "last_seen",
			  view_time(s->last_seen), "timeline", timeline, "url",
			  api_signature_url(s->id)));
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
	json_array_append_new(
		ctx, json_pack("{s:s, s:o, s:b, s:b, s:s}", "run", r->run_id,
			       "commit", view_string(r->commit), "seen",
			       r->seen, "counted", r->counted, "why", r->why));
	return 0;
}

/* ---- suspects ---------------------------------------------------------- */

/* Function and file names from a stored report's chain stacks. */
struct frames {
	char **functions, **files;
	size_t nfunctions, nfiles;
};

static void names_add(char ***v, size_t *n, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < *n; i++)
		if (strlen((*v)[i]) == len && !strncmp((*v)[i], s, len))
			return;
	if (*n >= 256)
		return;
	*v = realloc(*v, (*n + 1) * sizeof(**v));
	if (!*v)
		abort();
	(*v)[*n] = strndup(s, len);
	if (!(*v)[*n])
		abort();
	(*n)++;
}

static void frames_release(struct frames *f)
{
	size_t i;

	for (i = 0; i < f->nfunctions; i++)
		free(f->functions[i]);
	for (i = 0; i < f->nfiles; i++)
		free(f->files[i]);
	free(f->functions);
	free(f->files);
	memset(f, 0, sizeof(*f));
}

struct frames_parse {
	struct frames *f;
	struct arena arena;
};

static int frames_on_report(void *ctx, const struct lockdep_report *r)
{
	struct frames_parse *p = ctx;
	size_t i, j;

	for (i = 0; i < r->nchain; i++) {
		const struct lockdep_stack *st = &r->chain[i].stack;

		for (j = 0; j < st->n; j++) {
			const struct lockdep_frame *fr = &st->frames[j];
			const char *base;

			if (fr->unreliable || !fr->function)
				continue;
			if (fr->file)
				names_add(&p->f->files, &p->f->nfiles, fr->file,
					  strcspn(fr->file, ":"));
			if (signature_frame_is_plumbing(fr->function))
				continue;
			base = signature_symbol_base(fr->function, &p->arena);
			names_add(&p->f->functions, &p->f->nfunctions, base,
				  strlen(base));
		}
	}
	return 0;
}

static int frames_on_off(void *ctx, const struct lockdep_off *off)
{
	return 0;
}

static int frames_from_text(void *ctx, const char *text)
{
	struct frames_parse p = { ctx, ARENA_INIT };
	struct lockdep_sink sink = { frames_on_report, frames_on_off, &p };
	struct lockdep_parser *lp = lockdep_parser_new(&sink);

	if (lp) {
		lockdep_parser_feed(lp, text, strlen(text));
		lockdep_parser_feed(lp, "\n", 1);
		lockdep_parser_finish(lp);
		lockdep_parser_free(lp);
	}
	arena_release(&p.arena);
	return 0;
}

struct repo_list {
	char *repos[REGRESS_MAX_REPOS];
	size_t n;
};

static int add_repo(void *ctx, const struct db_tree *t)
{
	struct repo_list *l = ctx;
	size_t i;

	for (i = 0; i < l->n; i++)
		if (!strcmp(l->repos[i], t->repo))
			return 0;
	if (l->n < REGRESS_MAX_REPOS)
		l->repos[l->n++] = xstrdup(t->repo);
	return 0;
}

static int add_suspect(void *ctx, const struct gitsync_suspect *s)
{
	json_t *files = json_array();
	size_t i;

	for (i = 0; i < s->nfiles; i++)
		json_array_append_new(files, view_string(s->files[i]));
	json_array_append_new(ctx, json_pack("{s:s, s:o, s:o, s:s}", "commit",
					     s->commit, "subject",
					     view_string(s->subject), "files",
					     files, "why", s->why));
	return 0;
}

/* A function defined in more files than this says nothing about a file. */
#define REGRESS_INDEX_MAX_DEFS 3

/*
 * The files that define the report's functions, from the function index
 * of the first bad kernel's tree when `splatd git index` stored one (the
 * owners issue); without an index the decoded files and function names
 * are all there is.
 */
static void index_files(struct db *db, const char *repo, const char *bad,
			struct frames *f)
{
	struct strbuf err = STRBUF_INIT;
	struct gitrepo *t = NULL;
	struct fnindex *ix = NULL;
	size_t i, j, n;

	if (gitrepo_open_git(&t, repo, bad, &err) ||
	    fnindex_load(&ix, db, gitrepo_id(t), &err))
		goto out;
	n = f->nfunctions;
	for (i = 0; i < n; i++) {
		const struct fnindex_def *defs;
		size_t ndefs = fnindex_lookup(ix, f->functions[i], &defs);

		if (ndefs > REGRESS_INDEX_MAX_DEFS)
			continue;
		for (j = 0; j < ndefs; j++)
			names_add(&f->files, &f->nfiles, defs[j].file,
				  strlen(defs[j].file));
	}
out:
	fnindex_free(ix);
	gitrepo_free(t);
	strbuf_release(&err);
}

/*
 * Commits in (last clean .. first bad] touching the report's files or
 * naming its functions, in the first configured repository that knows
 * both ends.  Sets *range to {clean, bad, repo} (or a reason string).
 */
static int suspects_json(struct db *db, long long id, json_t *out,
			 json_t **range, struct strbuf *err)
{
	struct strbuf clean = STRBUF_INIT, bad = STRBUF_INIT;
	struct strbuf gerr = STRBUF_INIT;
	struct repo_list repos = { { 0 }, 0 };
	struct frames f = { 0 };
	size_t i;
	int ret;

	*range = NULL;
	ret = db_regression_bounds(db, id, &clean, &bad, err);
	if (!ret)
		ret = db_tree_list(db, add_repo, &repos, err);
	if (!ret)
		ret = db_regression_report_texts(db, id, frames_from_text, &f,
						 err);
	if (ret)
		goto out;
	if (!bad.len) {
		*range =
			json_string("no run with a kernel commit shows it yet");
		goto out;
	}
	for (i = 0; i < repos.n; i++) {
		index_files(db, repos.repos[i], bad.buf, &f);
		strbuf_reset(&gerr);
		if (gitsync_suspects(
			    repos.repos[i], clean.len ? clean.buf : NULL,
			    bad.buf, (const char *const *)f.files, f.nfiles,
			    (const char *const *)f.functions, f.nfunctions,
			    REGRESS_SUSPECT_LIMIT, add_suspect, out, &gerr))
			continue;
		*range = json_pack("{s:o, s:s, s:s}", "clean",
				   view_string(clean.len ? clean.buf : NULL),
				   "bad", bad.buf, "repo", repos.repos[i]);
		goto out;
	}
	*range = json_sprintf("no configured repository knows %s", bad.buf);
out:
	for (i = 0; i < repos.n; i++)
		free(repos.repos[i]);
	frames_release(&f);
	strbuf_release(&clean);
	strbuf_release(&bad);
	strbuf_release(&gerr);
	return ret;
}

int regress_detail_json(struct regress *rg, struct db *db, long long id,
			json_t **out, struct strbuf *err)
{
	struct reg r;
	json_t *o = NULL, *links = json_array(), *sigs = json_array();
	json_t *evidence = json_array(), *runs = json_array();
	json_t *suspects = json_array(), *range = NULL;
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
	if (!ret && !r.introduced)
		ret = suspects_json(db, id, suspects, &range, err);
	if (ret)
		goto out;
	o = reg_json(&r);
	json_object_set_new(o, "fixed_after",
			    json_integer(rg->cfg.fixed_after));
	json_object_set_new(o, "fix_repo", view_string(r.fix_repo));
	json_object_set(o, "links", links);
	json_object_set(o, "signatures", sigs);
	json_object_set(o, "evidence", evidence);
	json_object_set(o, "suspects", suspects);
	json_object_set_new(o, "suspects_range",
			    range ? range : json_string("introduced is known"));
	range = NULL;
	json_object_set(o, "runs", runs);
	json_object_set_new(o, "history_url",
			    json_sprintf("/api/v1/regressions/%lld/history",
					 id));
	*out = o;
out:
	reg_release(&r);
	json_decref(range);
	json_decref(links);
	json_decref(sigs);
	json_decref(evidence);
	json_decref(runs);
	json_decref(suspects);
	return ret;
}

/* ---- git trees and sync ------------------------------------------------ */

static bool tree_name_valid(const char *s)
{
	size_t i, n = s ? strlen(s) : 0;

	if (!n || n > 64)
		return false;
	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]) && !strchr("._-", s[i]))
			return false;
	return true;
}

int regress_tree_add(struct db *db, const char *name, const char *repo,
		     const char *branch, bool trusted, struct strbuf *err)
{
	struct gitsync_contain *c = NULL;
	char *abs = NULL, head[41];
	int ret;

	if (!tree_name_valid(name)) {
		strbuf_addstr(err, "a tree name is 1..64 characters of"
				   " [A-Za-z0-9._-]");
		return -EINVAL;
	}
	if (!branch || !*branch || !repo || !*repo) {
		strbuf_addstr(err, "a tree needs --repo and --branch");
		return -EINVAL;
	}
	abs = realpath(repo, NULL);
	c = abs ? gitsync_contain_new(abs, err) : NULL;
	if (!c) {
		if (!abs)
			strbuf_addf(err, "no repository at '%s'", repo);
		ret = -EINVAL;
		goto out;
	}
	if (gitsync_contain_resolve(c, branch, head)) {
		strbuf_addf(err, "branch '%s' not found in %s", branch, abs);
		ret = -EINVAL;
		goto out;
	}
	ret = db_tree_insert(db, name, abs, branch, trusted, err);
out:
	gitsync_contain_free(c);
	free(abs);
	return ret;
}

static int add_tree(void *ctx, const struct db_tree *t)
{
	json_array_append_new(
		ctx, json_pack("{s:s, s:s, s:s, s:b, s:o, s:o, s:I}", "name",
			       t->name, "repo", t->repo, "branch", t->branch,
			       "trusted", t->trusted, "last_commit",
			       view_string(t->last_commit), "last_sync",
			       view_time(t->last_sync), "commits",
			       (json_int_t)t->commits));
	return 0;
}

int regress_tree_list_json(struct db *db, json_t **out, struct strbuf *err)
{
	json_t *list = json_array();
	int ret = db_tree_list(db, add_tree, list, err);

	*out = ret ? NULL : list;
	if (ret)
		json_decref(list);
	return ret;
}

/* Trees copied out of the database. */
struct tree_copy {
	char *name, *repo, *branch, *last;
	bool trusted;
};

struct tree_copies {
	struct tree_copy *v;
	size_t n;
};

static int copy_tree(void *ctx, const struct db_tree *t)
{
	struct tree_copies *l = ctx;
	struct tree_copy *c;

	l->v = realloc(l->v, (l->n + 1) * sizeof(*l->v));
	if (!l->v)
		abort();
	c = &l->v[l->n++];
	c->name = xstrdup(t->name);
	c->repo = xstrdup(t->repo);
	c->branch = xstrdup(t->branch);
	c->last = xstrdup_or_null(t->last_commit);
	c->trusted = t->trusted;
	return 0;
}

/* One regression as a sync target; owns its strings. */
struct target {
	struct gitsync_target t;
	char **links, **classes;
	size_t nlinks, nclasses;
	char *introduced, *title;
	bool scanned;
};

struct targets {
	struct target *v;
	size_t n;
	struct db *db;
	struct strbuf *err;
};

static int target_link(void *ctx, const char *url)
{
	struct target *t = ctx;

	names_add(&t->links, &t->nlinks, url, strlen(url));
	return 0;
}

static int target_sig(void *ctx, const struct db_regression_sig *s)
{
	struct target *t = ctx;
	json_t *classes = view_json_array(s->classes);
	json_t *c;
	size_t i;

	json_array_foreach(classes, i, c)
		if (json_is_string(c))
			names_add(&t->classes, &t->nclasses,
				  json_string_value(c),
				  strlen(json_string_value(c)));
	json_decref(classes);
	return 0;
}

static int copy_target(void *ctx, const struct db_regression *r)
{
	struct targets *l = ctx;
	struct target *t;

	if (!regress_status_tracked(regress_status_from_name(r->status)))
		return 0;
	l->v = realloc(l->v, (l->n + 1) * sizeof(*l->v));
	if (!l->v)
		abort();
	t = &l->v[l->n++];
	memset(t, 0, sizeof(*t));
	t->t.id = r->id;
	t->introduced = xstrdup_or_null(r->introduced);
	t->title = xstrdup(r->title);
	t->scanned = r->scanned;
	return 0;
}

static void targets_release(struct targets *l)
{
	size_t i, j;

	for (i = 0; i < l->n; i++) {
		struct target *t = &l->v[i];

		for (j = 0; j < t->nlinks; j++)
			free(t->links[j]);
		for (j = 0; j < t->nclasses; j++)
			free(t->classes[j]);
		free(t->links);
		free(t->classes);
		free(t->introduced);
		free(t->title);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

static int targets_load(struct db *db, struct targets *l, struct strbuf *err)
{
	size_t i;
	int ret;

	ret = db_regression_list(db, NULL, -1, INT_MAX, copy_target, l, err);
	for (i = 0; !ret && i < l->n; i++) {
		struct target *t = &l->v[i];

		ret = db_regression_links(db, t->t.id, target_link, t, err);
		if (!ret)
			ret = db_regression_sigs(db, t->t.id, target_sig, t,
						 err);
		t->t.links = (const char *const *)t->links;
		t->t.nlinks = t->nlinks;
		t->t.classes = (const char *const *)t->classes;
		t->t.nclasses = t->nclasses;
		t->t.introduced = t->introduced;
		t->t.title = t->title;
	}
	return ret;
}

/* Evidence found during a walk, stored after it in one transaction. */
struct found {
	struct db_regression_evidence *v;
	size_t n;
};

static int collect_evidence(void *ctx, const struct gitsync_evidence *ev)
{
	struct found *f = ctx;
	struct db_regression_evidence *e;

	f->v = realloc(f->v, (f->n + 1) * sizeof(*f->v));
	if (!f->v)
		abort();
	e = &f->v[f->n++];
	e->regression_id = ev->target_id;
	e->tree = xstrdup(ev->tree->name);
	e->branch = xstrdup(ev->tree->branch);
	e->repo = xstrdup(ev->tree->repo);
	e->trusted = ev->tree->trusted;
	e->commit = xstrdup(ev->commit);
	e->subject = xstrdup(ev->subject);
	e->how = xstrdup(ev->how);
	e->detail = xstrdup(ev->detail);
	e->commit_time = ev->time;
	e->found = 0;
	return 0;
}

static void found_release(struct found *f)
{
	size_t i;

	for (i = 0; i < f->n; i++) {
		free((char *)f->v[i].tree);
		free((char *)f->v[i].branch);
		free((char *)f->v[i].repo);
		free((char *)f->v[i].commit);
		free((char *)f->v[i].subject);
		free((char *)f->v[i].how);
		free((char *)f->v[i].detail);
	}
	free(f->v);
	f->v = NULL;
	f->n = 0;
}

/* New evidence e for its regression: history, and the status it implies. */
static int apply_evidence(struct db *db, const struct db_regression_evidence *e,
			  long long now, json_t *changes, struct strbuf *err)
{
	struct strbuf what = STRBUF_INIT, why = STRBUF_INIT;
	struct reg r;
	char sha[13];
	int to, ret;

	ret = reg_load(db, e->regression_id, &r, err);
	if (ret)
		goto out;
	short_sha(sha, e->commit);
	strbuf_addf(&what, "%s %s (%s) on %s/%s%s: %s", e->how, sha, e->subject,
		    e->tree, e->branch, e->trusted ? "" : " (untrusted)",
		    e->detail ? e->detail : "");
	ret = db_regression_history_add(db, r.id, now, "git-sync", "evidence",
					NULL, what.buf, NULL, err);
	if (ret)
		goto out;
	to = regress_status_next(r.status,
				 e->trusted ? REGRESS_EV_FIX_TRUSTED :
					      REGRESS_EV_FIX_UNTRUSTED,
				 NULL);
	if (to == REGRESS_FIX_KNOWN) {
		free(r.fix_commit);
		free(r.fix_repo);
		r.fix_commit = xstrdup(e->commit);
		r.fix_repo = xstrdup(e->repo);
		r.clean_runs = 0;
		strbuf_addf(&why, "fix %s (\"%s\") on trusted tree %s", sha,
			    e->subject, e->tree);
	} else if (to == REGRESS_WORKAROUND) {
		strbuf_addf(&why,
			    "%s (\"%s\") only on untrusted tree %s: a"
			    " workaround, never a fix",
			    sha, e->subject, e->tree);
	}
	if (to >= 0) {
		json_array_append_new(changes,
				      json_pack("{s:I, s:s, s:s}", "id",
						(json_int_t)r.id, "from",
						regress_status_name(r.status),
						"to", regress_status_name(to)));
		ret = reg_set_status(db, &r, to, "git-sync", why.buf, now, err);
		if (!ret)
			ret = reg_store(db, &r, now, err);
	}
out:
	reg_release(&r);
	strbuf_release(&what);
	strbuf_release(&why);
	return ret;
}

/* Walk one tree for some targets; store what it found. */
static int sync_walk(struct regress *rg, struct db *db,
		     const struct tree_copy *tc, const char *last,
		     struct targets *l, bool scanned, long long now,
		     json_t *trees, json_t *changes, size_t *nevidence,
		     struct strbuf *err)
{
	struct gitsync_tree tree = { tc->name, tc->repo, tc->branch,
				     tc->trusted, last };
	struct gitsync_target *ts = calloc(l->n + 1, sizeof(*ts));
	struct gitsync_result res;
	struct found f = { NULL, 0 };
	size_t i, n = 0;
	int ret;

	if (!ts)
		abort();
	for (i = 0; i < l->n; i++)
		if (l->v[i].scanned == scanned)
			ts[n++] = l->v[i].t;
	ret = gitsync_tree_sync(&tree, ts, n, rg->cfg.window, collect_evidence,
				&f, &res, err);
	if (ret)
		goto out;
	ret = db_begin(db, err);
	if (ret)
		goto out;
	for (i = 0; !ret && i < f.n; i++) {
		bool added;

		f.v[i].found = now;
		ret = db_regression_evidence_add(db, &f.v[i], &added, err);
		if (!ret && added) {
			(*nevidence)++;
			ret = apply_evidence(db, &f.v[i], now, changes, err);
		}
	}
	if (!ret && scanned)
		ret = db_tree_set_last(db, tc->name, res.head, now,
				       (long long)res.commits, err);
	if (!ret)
		ret = db_commit(db, err);
	if (ret) {
		db_rollback(db);
		goto out;
	}
	json_array_append_new(
		trees, json_pack("{s:s, s:s, s:b, s:s, s:I, s:b, s:b, s:I}",
				 "tree", tc->name, "pass",
				 scanned ? "new commits" : "new regressions",
				 "trusted", tc->trusted, "head", res.head,
				 "commits", (json_int_t)res.commits, "windowed",
				 res.windowed, "rewound", res.rewound,
				 "evidence", (json_int_t)res.evidence));
out:
	found_release(&f);
	free(ts);
	return ret;
}

int regress_sync(struct regress *rg, struct db *db, long long now, json_t **out,
		 struct strbuf *err)
{
	struct tree_copies tl = { NULL, 0 };
	struct targets l = { NULL, 0, db, err };
	json_t *trees = json_array(), *changes = json_array();
	size_t i, nevidence = 0;
	bool any_new = false;
	int ret;

	if (out)
		*out = NULL;
	ret = db_tree_list(db, copy_tree, &tl, err);
	if (!ret)
		ret = targets_load(db, &l, err);
	if (ret)
		goto out;
	for (i = 0; i < l.n; i++)
		any_new |= !l.v[i].scanned;
	for (i = 0; !ret && i < tl.n; i++) {
		/* regressions not searched yet: a first-sync window */
		if (any_new)
			ret = sync_walk(rg, db, &tl.v[i], NULL, &l, false, now,
					trees, changes, &nevidence, err);
		/* the others: only what is new since the last sync */
		if (!ret)
			ret = sync_walk(rg, db, &tl.v[i], tl.v[i].last, &l,
					true, now, trees, changes, &nevidence,
					err);
		if (ret) {
			struct strbuf msg = STRBUF_INIT;

			strbuf_addf(&msg, "tree %s: %s", tl.v[i].name,
				    err->buf);
			strbuf_reset(err);
			strbuf_addstr(err, msg.buf);
			strbuf_release(&msg);
		}
	}
	for (i = 0; !ret && tl.n && i < l.n; i++)
		if (!l.v[i].scanned)
			ret = db_regression_set_scanned(db, l.v[i].t.id, err);
	if (!ret && out)
		*out = json_pack("{s:O, s:I, s:O}", "trees", trees, "evidence",
				 (json_int_t)nevidence, "status_changes",
				 changes);
out:
	for (i = 0; i < tl.n; i++) {
		free(tl.v[i].name);
		free(tl.v[i].repo);
		free(tl.v[i].branch);
		free(tl.v[i].last);
	}
	free(tl.v);
	targets_release(&l);
	json_decref(trees);
	json_decref(changes);
	return ret;
}

/* ---- runs ---------------------------------------------------------------- */

struct ids {
	long long *v;
	size_t n;
};

static int add_id(void *ctx, long long id)
{
	struct ids *l = ctx;
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i] == id)
			return 0;
	l->v = realloc(l->v, (l->n + 1) * sizeof(*l->v));
	if (!l->v)
		abort();
	l->v[l->n++] = id;
	return 0;
}

static int add_reg_id(void *ctx, const struct db_regression *r)
{
	return add_id(ctx, r->id);
}

static bool ids_has(const struct ids *l, long long id)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (l->v[i] == id)
			return true;
	return false;
}

/* Why a run without the splat proves nothing, or NULL when it counts. */
static const char *clean_run_blocker(const struct regress_run *run)
{
	if (!run->commit || !*run->commit)
		return "the run has no kernel commit: counts for nothing";
	if (run->lockdep_meta_off)
		return "run metadata says lockdep=0: counts for nothing";
	if (run->lockdep_off)
		return "lockdep turned itself off in this log: counts for"
		       " nothing";
	if (run->reports > 0)
		return "lockdep already reported another splat and turned"
		       " itself off: counts for nothing";
	return NULL;
}

/* One regression against one run; appends to summary. */
static int apply_run(struct regress *rg, struct db *db, long long id, bool seen,
		     const struct regress_run *run, long long now,
		     json_t *summary, bool *reopened, struct strbuf *err)
{
	struct strbuf why = STRBUF_INIT, reason = STRBUF_INIT;
	struct reg r;
	bool counted = false, changed = false;
	char sha[13];
	int c, to, ret;

	*reopened = false;
	ret = reg_load(db, id, &r, err);
	if (ret)
		goto out;
	short_sha(sha, r.fix_commit);
	if (!regress_status_tracked(r.status)) {
		strbuf_addf(&why, "%s: not tracked",
			    regress_status_name(r.status));
	} else if (seen) {
		c = r.fix_commit ? contains(rg, r.fix_repo, run->commit,
					    r.fix_commit) :
				   -ENOENT;
		if (!r.fix_commit)
			strbuf_addstr(&why, "seen; no fix known");
		else if (c == 1)
			strbuf_addf(&why,
				    "seen on kernel %s which contains"
				    " fix %s",
				    run->commit, sha);
		else if (c == 0)
			strbuf_addf(&why, "seen on a kernel without fix %s",
				    sha);
		else
			strbuf_addf(&why,
				    "seen; kernel commit %s unknown to"
				    " %s",
				    run->commit ? run->commit : "(none)",
				    r.fix_repo);
		to = c == 1 ? regress_status_next(r.status,
						  REGRESS_EV_SEEN_WITH_FIX,
						  NULL) :
			      -1;
		if (to >= 0) {
			*reopened = true;
			if ((int)r.status != to) {
				strbuf_addf(&reason, "run %s: %s", run->run_id,
					    why.buf);
				ret = reg_set_status(db, &r, to, "ingest",
						     reason.buf, now, err);
				r.clean_runs = 0;
				changed = true;
			}
		}
	} else if (regress_status_next(r.status, REGRESS_EV_CLEAN_RUN, NULL) >=
		   0) {
		const char *blocker = clean_run_blocker(run);

		c = blocker ?
			    0 :
			    contains(rg, r.fix_repo, run->commit, r.fix_commit);
		if (blocker)
			strbuf_addstr(&why, blocker);
		else if (c < 0)
			strbuf_addf(&why,
				    "kernel commit %s is unknown to %s:"
				    " counts for nothing",
				    run->commit, r.fix_repo);
		else if (c == 0)
			strbuf_addf(&why,
				    "kernel %s does not contain fix %s:"
				    " counts for nothing",
				    run->commit, sha);
		if (!blocker && c == 1) {
			counted = true;
			r.clean_runs++;
			changed = true;
			strbuf_addf(&why,
				    "clean run with lockdep on a kernel"
				    " containing fix %s (%lld of %u)",
				    sha, r.clean_runs, rg->cfg.fixed_after);
			ret = db_regression_history_add(db, r.id, now, "ingest",
							"clean_run", NULL,
							run->run_id, why.buf,
							err);
			to = regress_status_next(r.status,
						 REGRESS_EV_CLEAN_ENOUGH, NULL);
			if (!ret && r.clean_runs >= rg->cfg.fixed_after &&
			    to >= 0) {
				strbuf_addf(&reason,
					    "%lld clean runs with"
					    " lockdep on kernels"
					    " containing fix %s",
					    r.clean_runs, sha);
				ret = reg_set_status(db, &r, to, "ingest",
						     reason.buf, now, err);
			}
		}
	} else {
		goto out; /* not seen and nothing to count */
	}
	if (!ret && changed)
		ret = reg_store(db, &r, now, err);
	if (!ret)
		ret = db_regression_run_add(db, r.id, run->run, seen, counted,
					    why.buf, err);
	if (!ret)
		json_array_append_new(
			summary,
			json_pack("{s:I, s:s, s:b, s:b, s:b, s:s, s:o}", "id",
				  (json_int_t)r.id, "status",
				  regress_status_name(r.status), "seen", seen,
				  "counted", counted, "reopened", *reopened,
				  "why", why.buf, "url",
				  json_sprintf("/api/v1/regressions/%lld",
					       r.id)));
out:
	reg_release(&r);
	strbuf_release(&why);
	strbuf_release(&reason);
	return ret;
}

/* Attach the regression outcome to every report of its signatures. */
static void annotate_reports(struct db *db, json_t *reports, json_t *summary,
			     struct strbuf *err)
{
	json_t *rep, *s;
	size_t i, j;

	json_array_foreach(reports, i, rep) {
		struct ids regs = { NULL, 0 };
		json_int_t sig = json_integer_value(
			json_object_get(rep, "signature_id"));

		if (!sig || db_regression_by_sig(db, sig, add_id, &regs, err))
			goto next;
		json_array_foreach(summary, j, s) {
			if (!ids_has(&regs, json_integer_value(
						    json_object_get(s, "id"))))
				continue;
			json_object_set_new(
				rep, "regression",
				json_pack("{s:O, s:O, s:O, s:O}", "id",
					  json_object_get(s, "id"), "status",
					  json_object_get(s, "status"),
					  "reopened",
					  json_object_get(s, "reopened"), "url",
					  json_object_get(s, "url")));
			break;
		}
next:
		free(regs.v);
	}
}

int regress_run_apply(struct regress *rg, struct db *db,
		      const struct regress_run *run, json_t *verdict,
		      long long now, struct strbuf *err)
{
	json_t *reports = json_object_get(verdict, "reports"), *rep;
	json_t *summary = json_array();
	struct ids seen = { NULL, 0 }, all = { NULL, 0 };
	size_t i;
	int ret = 0;

	if (run->lockdep_meta_off)
		ret = db_run_set_lockdep_meta_off(db, run->run, err);
	json_array_foreach(reports, i, rep) {
		json_int_t sig = json_integer_value(
			json_object_get(rep, "signature_id"));

		if (!ret && sig)
			ret = db_regression_by_sig(db, sig, add_id, &seen, err);
	}
	for (i = 0; i < seen.n; i++)
		add_id(&all, seen.v[i]);
	if (!ret)
		ret = db_regression_list(db,
					 regress_status_name(REGRESS_FIX_KNOWN),
					 -1, INT_MAX, add_reg_id, &all, err);
	for (i = 0; !ret && i < all.n; i++) {
		bool reopened;

		ret = apply_run(rg, db, all.v[i], ids_has(&seen, all.v[i]), run,
				now, summary, &reopened, err);
	}
	if (!ret) {
		annotate_reports(db, reports, summary, err);
		json_object_set(verdict, "regressions", summary);
	}
	free(seen.v);
	free(all.v);
	json_decref(summary);
	return ret;
}

/* ---- periodic sync (serve) ------------------------------------------- */

static void *sync_loop(void *data)
{
	struct regress *rg = data;
	struct strbuf err = STRBUF_INIT;
	struct db *db = rg->sync_db; /* opened (and migrated) by the caller */
	struct timespec until;

	pthread_mutex_lock(&rg->lock);
	while (!rg->stop) {
		pthread_mutex_unlock(&rg->lock);
		strbuf_reset(&err);
		if (!db && db_open(&db, rg->db_path, &err))
			db = NULL;
		if (db &&
		    regress_sync(rg, db, (long long)time(NULL), NULL, &err))
			fprintf(stderr, "splatd serve: git sync: %s\n",
				err.buf);
		if (db)
			db_idle(db); /* no read transaction while it sleeps */
		else if (!db)
			fprintf(stderr, "splatd serve: git sync: %s\n",
				err.buf);
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += rg->interval;
		pthread_mutex_lock(&rg->lock);
		while (!rg->stop && pthread_cond_timedwait(&rg->wake, &rg->lock,
							   &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&rg->lock);
	db_close(db);
	strbuf_release(&err);
	return NULL;
}

int regress_sync_start(struct regress *rg, const char *db_path,
		       unsigned interval, struct strbuf *err)
{
	int ret;

	if (!interval || rg->running)
		return 0;
	rg->db_path = xstrdup(db_path);
	rg->interval = interval;
	/* migrate here, before the server opens its own connections */
	ret = db_open(&rg->sync_db, db_path, err);
	if (ret)
		return ret;
	ret = pthread_create(&rg->thread, NULL, sync_loop, rg);
	if (ret) {
		db_close(rg->sync_db);
		rg->sync_db = NULL;
		strbuf_addf(err, "cannot start the git sync thread: %s",
			    strerror(ret));
		return -ret;
	}
	rg->running = true;
	return 0;
}
