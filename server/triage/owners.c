// SPDX-License-Identifier: GPL-2.0
/* owners: MAINTAINERS sections for files and signatures of a kernel tree. */
#include <ctype.h>
#include <pthread.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server/triage/owners.h"

#include "db/db.h"
#include "db/owners.h"
#include "db/regress.h"
#include "parsers/alloc.h"
#include "server/triage/indexer.h"
#include "server/triage/route.h"

static bool tree_is_dir(void *data, const char *path)
{
	return gitrepo_is_dir(data, path);
}

int owners_maintainers_load(struct maintainers **out, struct gitrepo *t,
			    struct strbuf *err)
{
	struct strbuf text = STRBUF_INIT, mailmap = STRBUF_INIT,
		      ignored = STRBUF_INIT;
	int ret;

	ret = gitrepo_read(t, "MAINTAINERS", &text, err);
	if (ret)
		goto out;
	gitrepo_read(t, ".mailmap", &mailmap, &ignored);
	ret = maintainers_new(out, text.buf, text.len, mailmap.buf, mailmap.len,
			      tree_is_dir, t, err);
out:
	strbuf_release(&text);
	strbuf_release(&mailmap);
	strbuf_release(&ignored);
	return ret;
}

/*
 * The index of o->repo: stored (its commit's, else its nearest indexed
 * ancestor's), else built when build, else fallback's borrowed (origin
 * "default"), else an empty one (origin "none").
 */
static int tree_index(struct owners_tree *o, struct db *db, bool build,
		      const struct owners_tree *fallback, struct strbuf *err)
{
	struct strbuf ignored = STRBUF_INIT;
	struct fnindex_origin *org = &o->origin;
	int ret = 0;

	if (db &&
	    !(build ? fnindex_load(&o->ix, db, gitrepo_id(o->repo), &ignored) :
		      fnindex_load_nearest(&o->ix, db, o->repo, org,
					   &ignored))) {
		if (build) {
			snprintf(org->id, sizeof(org->id), "%s",
				 gitrepo_id(o->repo));
			org->from = "exact";
		}
	} else if (build) {
		ret = fnindex_build(&o->ix, o->repo, err);
		snprintf(org->id, sizeof(org->id), "%s", gitrepo_id(o->repo));
		org->from = "exact";
	} else if (fallback && fallback->ix &&
		   strcmp(fallback->origin.from, "none")) {
		o->ix = fallback->ix;
		o->ix_borrowed = true;
		snprintf(org->id, sizeof(org->id), "%s", fallback->origin.id);
		org->from = "default";
		org->distance = 0;
	} else {
		o->ix = fnindex_new();
		if (o->ix)
			fnindex_finish(o->ix);
		else
			ret = -ENOMEM;
		org->from = "none";
	}
	if (db)
		db_idle(db); /* no read transaction left open */
	strbuf_release(&ignored);
	return ret;
}

static int tree_open(struct owners_tree **out, struct gitrepo *t, struct db *db,
		     bool build, const struct owners_tree *fallback,
		     struct strbuf *err)
{
	struct owners_tree *o = calloc(1, sizeof(*o));
	int ret;

	*out = NULL;
	if (!o) {
		gitrepo_free(t);
		return -ENOMEM;
	}
	o->repo = t;
	ret = owners_maintainers_load(&o->m, t, err);
	if (!ret)
		ret = tree_index(o, db, build, fallback, err);
	if (!ret)
		ret = route_core_sections(o->m, o->ix, &o->core, &o->ncore,
					  &o->stems, &o->nstems, err);
	if (!ret && !(o->cache = route_cache_new()))
		ret = -ENOMEM;
	if (ret) {
		owners_tree_free(o);
		return ret;
	}
	*out = o;
	return 0;
}

int owners_tree_open(struct owners_tree **out, struct gitrepo *t, struct db *db,
		     struct strbuf *err)
{
	return tree_open(out, t, db, true, NULL, err);
}

void owners_tree_free(struct owners_tree *o)
{
	if (!o)
		return;
	route_cache_free(o->cache);
	free(o->core);
	route_core_stems_free(o->stems, o->nstems);
	if (!o->ix_borrowed)
		fnindex_free(o->ix);
	maintainers_free(o->m);
	gitrepo_free(o->repo);
	free(o);
}

bool owners_release_commit(const char *release, struct strbuf *out)
{
	const char *p = release ? release : "";
	const char *best = NULL;
	size_t n = 0;

	strbuf_reset(out);
	for (; (p = strstr(p, "-g")); p += 2) {
		size_t k = 0;

		while (isxdigit((unsigned char)p[2 + k]))
			k++;
		if (k >= 7 && k <= 40 &&
		    (!p[2 + k] || p[2 + k] == '+' || p[2 + k] == '-' ||
		     p[2 + k] == ' ')) {
			best = p + 2;
			n = k;
		}
	}
	if (!best)
		return false;
	strbuf_add(out, best, n);
	return true;
}

json_t *owners_signature_json(const struct owners_tree *o,
			      const struct signature *sig,
			      const struct lockdep_report *r)
{
	return route_owners_json(o, sig, r);
}

struct owners_source {
	char *dir, *repo, *ref;
	struct db *db;
	struct owners_tree *deflt;
	struct owners_tree *last;
	struct strbuf last_commit;
	struct strbuf cache_id; /* owners_source_cache_id() */
	bool background; /* indexes only stored, built by server/indexer */
	struct indexer *ix; /* that indexer, NULL: none */
	char **retired; /* former cache ids */
	size_t nretired, aretired;
	unsigned long stored; /* indexes stored: owners_source_generation() */
	pthread_mutex_t lock; /* the trees are shared by HTTP workers */
	/* the signatures whose owners a thread computes now
	 * (owners_source_claim()), under busy_lock; busy_done signals one
	 * done */
	pthread_mutex_t busy_lock;
	pthread_cond_t busy_done;
	long long *busy;
	size_t nbusy, abusy;
};

/*
 * indexer_stored_fn: the index of commit was stored; the default tree or
 * the last one, when it is that commit and stood on another's index (or
 * none), is opened again here, on the indexer's thread with its
 * connection, and swapped in under the lock.  Then the owners cached for
 * signatures whose newest occurrence is on commit, which came from another
 * index since this one is new, are made stale (docs/owners.md "Indexes").
 */
static void source_stored(void *data, struct db *db, const char *repo,
			  const char *commit)
{
	struct owners_source *s = data;
	struct strbuf err = STRBUF_INIT;
	struct owners_tree *o = NULL;
	struct gitrepo *t = NULL;
	bool deflt, last;
	long long n;

	pthread_mutex_lock(&s->lock);
	deflt = strcmp(s->deflt->origin.from, "exact") &&
		!strcmp(gitrepo_id(s->deflt->repo), commit);
	last = s->last && strcmp(s->last->origin.from, "exact") &&
	       !strcmp(gitrepo_id(s->last->repo), commit);
	pthread_mutex_unlock(&s->lock);
	if (strcmp(repo, s->repo))
		goto out;
	if (!deflt && !last)
		goto stale;
	if (gitrepo_open_git(&t, s->repo, commit, &err) ||
	    tree_open(&o, t, db, false, NULL, &err)) {
		fprintf(stderr, "splatd serve: owners at %s: %s\n", commit,
			err.buf);
		goto out;
	}
	db_idle(db);
	pthread_mutex_lock(&s->lock);
	if (deflt) {
		/* the last commit's tree borrows the old default's index,
		 * or had none because the default had none yet: opened
		 * again, it takes the new one */
		if (s->last && (s->last->ix_borrowed ||
				!strcmp(s->last->origin.from, "none"))) {
			owners_tree_free(s->last);
			s->last = NULL;
			strbuf_reset(&s->last_commit);
		}
		owners_tree_free(s->deflt);
		s->deflt = o;
		/* callers may still read the old id: kept until the end */
		ALLOC_GROW(s->retired, s->nretired + 1, s->aretired);
		s->retired[s->nretired++] = strbuf_detach(&s->cache_id, NULL);
	} else if (s->last && !strcmp(gitrepo_id(s->last->repo), commit)) {
		owners_tree_free(s->last);
		s->last = o;
	} else {
		owners_tree_free(o);
	}
	pthread_mutex_unlock(&s->lock);
stale:
	/* before the marking: a computation that began before the swap
	 * and stores after this marking sees it (owners_cache.c) */
	pthread_mutex_lock(&s->lock);
	s->stored++;
	pthread_mutex_unlock(&s->lock);
	if (db_owners_stale_commit(db, commit, &n, &err))
		fprintf(stderr, "splatd serve: owners at %s: %s\n", commit,
			err.buf);
	db_idle(db);
out:
	strbuf_release(&err);
}

static int source_new(struct owners_source **out, const char *dir,
		      const char *repo, const char *ref, struct db *db,
		      bool background, struct indexer *ix, struct strbuf *err)
{
	struct owners_source *s = calloc(1, sizeof(*s));
	struct gitrepo *t = NULL;
	int ret;

	*out = NULL;
	if (!s)
		return -ENOMEM;
	strbuf_init(&s->last_commit, 0);
	strbuf_init(&s->cache_id, 0);
	pthread_mutex_init(&s->lock, NULL);
	pthread_mutex_init(&s->busy_lock, NULL);
	pthread_cond_init(&s->busy_done, NULL);
	s->db = db;
	s->background = background && repo && db;
	s->ix = s->background ? ix : NULL;
	s->dir = dir ? strdup(dir) : NULL;
	s->repo = repo ? strdup(repo) : NULL;
	s->ref = strdup(!repo ? "" : ref ? ref : "HEAD");
	ret = repo ? gitrepo_open_git(&t, repo, s->ref, err) :
		     gitrepo_open_dir(&t, dir ? dir : ".", err);
	if (!ret)
		ret = tree_open(&s->deflt, t, db, !s->background, NULL, err);
	if (!ret && s->background) {
		indexer_listen(s->ix, source_stored, s);
		if (strcmp(s->deflt->origin.from, "exact"))
			indexer_want(s->ix, s->repo,
				     gitrepo_id(s->deflt->repo));
	}
	if (ret) {
		owners_source_free(s);
		return ret;
	}
	*out = s;
	return 0;
}

int owners_source_new(struct owners_source **out, const char *dir,
		      const char *repo, const char *ref, struct db *db,
		      struct strbuf *err)
{
	return source_new(out, dir, repo, ref, db, false, NULL, err);
}

int owners_source_new_background(struct owners_source **out, const char *repo,
				 const char *ref, struct db *db,
				 struct indexer *ix, struct strbuf *err)
{
	return source_new(out, NULL, repo, ref, db, true, ix, err);
}

unsigned long owners_source_generation(struct owners_source *s)
{
	unsigned long g;

	pthread_mutex_lock(&s->lock);
	g = s->stored;
	pthread_mutex_unlock(&s->lock);
	return g;
}

const char *owners_source_cache_id(struct owners_source *s)
{
	pthread_mutex_lock(&s->lock);
	if (!s->cache_id.len)
		strbuf_addf(&s->cache_id, "%s+route%d",
			    gitrepo_id(s->deflt->repo), OWNERS_ROUTE_VERSION);
	/* owners chosen without the default's own index are chosen again */
	if (s->background && s->cache_id.len &&
	    !strstr(s->cache_id.buf, "+ix:"))
		strbuf_addf(&s->cache_id, "+ix:%s",
			    s->deflt->origin.from[0] == 'n' ?
				    "none" :
				    s->deflt->origin.id);
	pthread_mutex_unlock(&s->lock);
	return s->cache_id.buf;
}

static bool busy_with(const struct owners_source *s, long long id)
{
	size_t i;

	for (i = 0; i < s->nbusy; i++)
		if (s->busy[i] == id)
			return true;
	return false;
}

bool owners_source_claim(struct owners_source *s, long long id, bool wait,
			 bool *waited)
{
	bool claimed = true;

	*waited = false;
	pthread_mutex_lock(&s->busy_lock);
	while (busy_with(s, id) && wait) {
		*waited = true;
		pthread_cond_wait(&s->busy_done, &s->busy_lock);
	}
	if (busy_with(s, id)) {
		claimed = false;
	} else {
		ALLOC_GROW(s->busy, s->nbusy + 1, s->abusy);
		s->busy[s->nbusy++] = id;
	}
	pthread_mutex_unlock(&s->busy_lock);
	return claimed;
}

void owners_source_unclaim(struct owners_source *s, long long id)
{
	size_t i;

	pthread_mutex_lock(&s->busy_lock);
	for (i = 0; i < s->nbusy; i++) {
		if (s->busy[i] == id) {
			s->busy[i] = s->busy[--s->nbusy];
			break;
		}
	}
	pthread_cond_broadcast(&s->busy_done);
	pthread_mutex_unlock(&s->busy_lock);
}

void owners_source_free(struct owners_source *s)
{
	if (!s)
		return;
	if (s->background)
		indexer_listen(s->ix, NULL, NULL);
	owners_tree_free(s->deflt);
	owners_tree_free(s->last);
	strbuf_release(&s->last_commit);
	strbuf_release(&s->cache_id);
	while (s->nretired)
		free(s->retired[--s->nretired]);
	free(s->retired);
	pthread_mutex_destroy(&s->lock);
	pthread_mutex_destroy(&s->busy_lock);
	pthread_cond_destroy(&s->busy_done);
	free(s->busy);
	free(s->dir);
	free(s->repo);
	free(s->ref);
	free(s);
}

/* The tree at commit, opened and cached; NULL when the repo lacks it. */
static struct owners_tree *tree_at(struct owners_source *s, const char *commit)
{
	struct strbuf err = STRBUF_INIT;
	struct gitrepo *t = NULL;
	struct owners_tree *o = NULL;

	if (s->last && !strcmp(s->last_commit.buf, commit))
		return s->last;
	if (gitrepo_open_git(&t, s->repo, commit, &err) ||
	    tree_open(&o, t, s->db, !s->background, s->deflt, &err)) {
		strbuf_release(&err);
		return NULL;
	}
	if (s->background && strcmp(o->origin.from, "exact"))
		indexer_want(s->ix, s->repo, gitrepo_id(o->repo));
	strbuf_release(&err);
	owners_tree_free(s->last);
	s->last = o;
	strbuf_reset(&s->last_commit);
	strbuf_addstr(&s->last_commit, commit);
	return o;
}

void owners_source_annotate(struct owners_source *s, json_t *obj,
			    const struct signature *sig,
			    const struct lockdep_report *r,
			    const char *kernel_commit)
{
	struct strbuf commit = STRBUF_INIT;
	struct owners_tree *o = NULL;
	const char *from = "default";

	pthread_mutex_lock(&s->lock);
	if (s->repo && kernel_commit && *kernel_commit) {
		o = tree_at(s, kernel_commit);
		from = "run";
	}
	if (!o && s->repo && r && owners_release_commit(r->kernel, &commit)) {
		o = tree_at(s, commit.buf);
		from = "kernel-release";
	}
	if (!o) {
		o = s->deflt;
		from = "default";
	}
	json_object_set_new(obj, "owners", owners_signature_json(o, sig, r));
	json_object_set_new(
		obj, "owners_tree",
		json_pack("{s:s, s:s, s:s, s:s, s:o}", "kind",
			  gitrepo_kind(o->repo), "id", gitrepo_id(o->repo),
			  "ref", o == s->deflt ? s->ref : s->last_commit.buf,
			  "from", from, "index",
			  o->origin.from[0] == 'n' ?
				  json_null() :
				  fnindex_origin_json(&o->origin)));
	pthread_mutex_unlock(&s->lock);
	strbuf_release(&commit);
}

/* The first trusted tree of `splatd git tree add`, copied. */
struct first_tree {
	struct strbuf *repo, *branch;
	bool *found;
};

static int on_tree(void *ctx, const struct db_tree *t)
{
	struct first_tree *f = ctx;

	if (*f->found || !t->trusted)
		return 0;
	strbuf_addstr(f->repo, t->repo);
	strbuf_addstr(f->branch, t->branch);
	*f->found = true;
	return 0;
}

int owners_first_tree(struct db *db, struct strbuf *repo, struct strbuf *branch,
		      bool *found, struct strbuf *err)
{
	struct first_tree f = { repo, branch, found };

	*found = false;
	return db_tree_list(db, on_tree, &f, err);
}

int owners_source_from_trees(struct owners_source **out, struct db *db,
			     struct indexer *ix, struct strbuf *err)
{
	struct strbuf repo = STRBUF_INIT, branch = STRBUF_INIT;
	bool found;
	int ret = owners_first_tree(db, &repo, &branch, &found, err);

	*out = NULL;
	db_idle(db);
	if (!ret && found)
		ret = owners_source_new_background(out, repo.buf, branch.buf,
						   db, ix, err);
	if (ret == -ENOENT) {
		/* a tree kept for regression tracking alone (no MAINTAINERS):
		 * serve goes on without owners, as with no trusted tree */
		fprintf(stderr,
			"splatd serve: owners unavailable: %s (%s); the"
			" rest is served\n",
			err->buf, repo.buf);
		strbuf_reset(err);
		ret = 0;
	}
	strbuf_release(&repo);
	strbuf_release(&branch);
	return ret;
}
