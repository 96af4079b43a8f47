// SPDX-License-Identifier: GPL-2.0
/*
 * regress_trees: the git trees, their sync into fix evidence and statuses,
 * and the periodic sync of serve (regress.h, docs/regressions.md "Trees and
 * sync").
 */
#include "server/triage/regress.h"

#include <ctype.h>
#include <errno.h>
#include <git2.h>
#include <limits.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parsers/alloc.h"
#include "parsers/links.h"
#include "db/regress.h"
#include "db/roles.h"
#include "server/triage/gitsync.h"
#include "server/triage/view.h"

#include "server/triage/regress_internal.h"

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

	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	c = &l->v[l->n++];
	c->name = xstrdup_or_empty(t->name);
	c->repo = xstrdup_or_empty(t->repo);
	c->branch = xstrdup_or_empty(t->branch);
	c->last = xstrdup_or_null(t->last_commit);
	c->trusted = t->trusted;
	return 0;
}

static void tree_copies_release(struct tree_copies *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].name);
		free(l->v[i].repo);
		free(l->v[i].branch);
		free(l->v[i].last);
	}
	free(l->v);
}

/* ---- the trusted trees' heads when a regression is resolved ------------ */

int regress_trusted_heads(struct regress *rg, struct db *db, struct strbuf *out,
			  struct strbuf *err)
{
	struct tree_copies l = { NULL, 0 };
	char head[41];
	size_t i;
	int ret = db_tree_list(db, copy_tree, &l, err);

	for (i = 0; !ret && i < l.n; i++) {
		const char *sha = head;

		if (!l.v[i].trusted)
			continue;
		if (regress_resolve(rg, l.v[i].repo, l.v[i].branch, head))
			sha = l.v[i].last; /* unreadable now: its last sync */
		if (!sha || !*sha)
			continue;
		if (out->len)
			strbuf_addch(out, ' ');
		strbuf_addf(out, "%s@%s", l.v[i].name, sha);
	}
	tree_copies_release(&l);
	return ret;
}

int regress_newer_than_heads(struct regress *rg, struct db *db,
			     const char *heads, const char *commit,
			     struct strbuf *why, struct strbuf *err)
{
	struct tree_copies l = { NULL, 0 };
	const char *p = heads, *end, *at;
	char full[41], sha[13];
	int ret = db_tree_list(db, copy_tree, &l, err), newer = 0;
	size_t i;

	if (ret)
		goto out;
	if (!commit || !*commit) {
		strbuf_addstr(why, "the run has no kernel commit");
		goto out;
	}
	while (*p && newer != 1) {
		char *name, *head;
		int c = -ENOENT;

		end = p + strcspn(p, " ");
		at = memchr(p, '@', (size_t)(end - p));
		if (!at)
			goto next;
		name = xstrndup(p, (size_t)(at - p));
		head = xstrndup(at + 1, (size_t)(end - at - 1));
		short_sha(sha, head);
		for (i = 0;
		     i < l.n && (!l.v[i].trusted || strcmp(l.v[i].name, name));
		     i++)
			;
		if (i < l.n)
			c = regress_contains(rg, l.v[i].repo, commit, head);
		strbuf_reset(why);
		if (i == l.n)
			strbuf_addf(why, "tree %s is gone", name);
		else if (c < 0)
			strbuf_addf(why, "kernel commit %s is unknown to %s",
				    commit, name);
		else if (c == 0)
			strbuf_addf(why,
				    "kernel %s does not contain %s's head"
				    " then, %s",
				    commit, name, sha);
		else if (!regress_resolve(rg, l.v[i].repo, commit, full) &&
			 !strcmp(full, head))
			strbuf_addf(why,
				    "kernel %s is %s's head then, the kernel"
				    " it was resolved on",
				    commit, name);
		else
			newer = 1;
		if (newer) /* the caller names the commit */
			strbuf_addf(why, "descends from %s's head then, %s",
				    name, sha);
		free(name);
		free(head);
next:
		p = *end ? end + 1 : end;
	}
	if (!*heads)
		strbuf_addstr(why, "no trusted tree's head was known then");
out:
	tree_copies_release(&l);
	return ret ? ret : newer;
}

/* One regression as a sync target; owns its strings. */
struct target {
	struct gitsync_target t;
	char **links, **classes;
	size_t nlinks, nclasses;
	char *introduced, *title, *fix_expected;
	bool scanned;
};

struct targets {
	struct target *v;
	size_t n;
	struct db *db;
	struct strbuf *err;
};

/*
 * One of splatd's own pages as a link of t: base (--public-url, its final
 * '/'s aside) then the path, in canonical form, so that a fix's "Closes:
 * <public-url>/regressions/N" matches as a link stored by hand would.
 */
static void target_own_link(struct target *t, const char *base, const char *fmt,
			    ...)
{
	struct strbuf url = STRBUF_INIT, canon = STRBUF_INIT;
	size_t len = strlen(base);
	va_list ap;

	while (len && base[len - 1] == '/')
		len--;
	strbuf_add(&url, base, len);
	va_start(ap, fmt);
	strbuf_vaddf(&url, fmt, ap);
	va_end(ap);
	if (!links_normalize(&canon, url.buf, NULL))
		regress_names_add(&t->links, &t->nlinks, canon.buf, canon.len);
	strbuf_release(&url);
	strbuf_release(&canon);
}

static int target_link(void *ctx, const char *url)
{
	struct target *t = ctx;

	regress_names_add(&t->links, &t->nlinks, url, strlen(url));
	return 0;
}

struct target_sigs {
	struct target *t;
	const char *base; /* --public-url; NULL: none */
};

static int target_sig(void *ctx, const struct db_regression_sig *s)
{
	struct target_sigs *ts = ctx;
	struct target *t = ts->t;
	json_t *classes = view_json_array(s->classes);
	json_t *c;
	size_t i;

	json_array_foreach(classes, i, c)
		if (json_is_string(c))
			regress_names_add(&t->classes, &t->nclasses,
					  json_string_value(c),
					  strlen(json_string_value(c)));
	json_decref(classes);
	/* its dashboard page, by id as mail links it, or by its hash */
	if (ts->base) {
		target_own_link(t, ts->base, "/signatures/%lld", s->id);
		if (s->hash && *s->hash)
			target_own_link(t, ts->base, "/signatures/%s", s->hash);
	}
	return 0;
}

static int copy_target(void *ctx, const struct db_regression *r)
{
	struct targets *l = ctx;
	struct target *t;

	if (!regress_status_tracked(regress_status_from_name(r->status)))
		return 0;
	l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
	t = &l->v[l->n++];
	memset(t, 0, sizeof(*t));
	t->t.id = r->id;
	t->introduced = xstrdup_or_null(r->introduced);
	t->title = xstrdup_or_empty(r->title);
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
		free(t->fix_expected);
	}
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/*
 * The tracked regressions as sync targets.  With base (--public-url) their
 * links include splatd's own pages of them and of their signatures
 * (docs/regressions.md "Fix evidence"); without one no path of splatd's is
 * evidence: "/regressions/1" names a regression of any instance.
 */
static int targets_load(struct db *db, const char *base, struct targets *l,
			struct strbuf *err)
{
	size_t i;
	int ret;

	ret = db_regression_list(db, NULL, -1, INT_MAX, copy_target, l, err);
	for (i = 0; !ret && i < l->n; i++) {
		struct target *t = &l->v[i];
		struct target_sigs ts = { t, base };
		struct strbuf fix = STRBUF_INIT;

		ret = db_regression_fix_expected(db, t->t.id, &fix, err);
		t->fix_expected = fix.len ? strbuf_detach(&fix, NULL) : NULL;
		strbuf_release(&fix);
		if (!ret)
			ret = db_regression_links(db, t->t.id, target_link, t,
						  err);
		if (!ret)
			ret = db_regression_sigs(db, t->t.id, target_sig, &ts,
						 err);
		if (!ret && base)
			target_own_link(t, base, "/regressions/%lld", t->t.id);
		t->t.links = (const char *const *)t->links;
		t->t.nlinks = t->nlinks;
		t->t.classes = (const char *const *)t->classes;
		t->t.nclasses = t->nclasses;
		t->t.introduced = t->introduced;
		t->t.title = t->title;
		t->t.fix_expected = t->fix_expected;
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

	f->v = xrealloc(f->v, (f->n + 1) * sizeof(*f->v));
	e = &f->v[f->n++];
	e->regression_id = ev->target_id;
	e->tree = xstrdup_or_empty(ev->tree->name);
	e->branch = xstrdup_or_empty(ev->tree->branch);
	e->repo = xstrdup_or_empty(ev->tree->repo);
	e->trusted = ev->tree->trusted;
	e->commit = xstrdup_or_empty(ev->commit);
	e->subject = xstrdup_or_empty(ev->subject);
	e->how = xstrdup_or_empty(ev->how);
	e->detail = xstrdup_or_empty(ev->detail);
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
		r.fix_commit = xstrdup_or_empty(e->commit);
		r.fix_repo = xstrdup_or_empty(e->repo);
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
		ret = targets_load(db, rg->cfg.public_url, &l, err);
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
	tree_copies_release(&tl);
	targets_release(&l);
	json_decref(trees);
	json_decref(changes);
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
		/* one instance of the service syncs (role "sync") */
		if (db && db_role_try(rg->db_path, "sync") &&
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
	rg->db_path = xstrdup_or_empty(db_path);
	rg->interval = interval;
	/* migrate here, before the server opens its own connections */
	ret = db_open(&rg->sync_db, db_path, err);
	if (ret)
		return ret;
	/*
	 * Hold libgit2 initialised while the thread lives (regress_free
	 * releases it): its per-thread error state is freed when the thread
	 * exits only while the library is initialised, and every sync opens
	 * and closes the library itself.
	 */
	git_libgit2_init();
	ret = pthread_create(&rg->thread, NULL, sync_loop, rg);
	if (ret) {
		git_libgit2_shutdown();
		db_close(rg->sync_db);
		rg->sync_db = NULL;
		strbuf_addf(err, "cannot start the git sync thread: %s",
			    strerror(ret));
		return -ret;
	}
	rg->running = true;
	return 0;
}
