// SPDX-License-Identifier: GPL-2.0
/* owners_cache: owners of stored signatures, computed once and kept. */
#include "server/triage/owners_cache.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/owners.h"
#include "parsers/arena.h"
#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "server/triage/owners.h"
#include "server/triage/recipients.h"

struct recompute {
	struct owners_source *src;
	const char *commit;
	json_t *obj;
	struct arena arena;
};

static int on_report(void *ctx, const struct lockdep_report *r)
{
	struct recompute *rc = ctx;
	struct signature sig;

	if (json_object_get(rc->obj, "owners") ||
	    signature_compute(&sig, r, &rc->arena))
		return 0;
	owners_source_annotate(rc->src, rc->obj, &sig, r, rc->commit);
	return 0;
}

/*
 * What owners computed now for a newest occurrence on commit (empty: none)
 * come from, "<commit>|<owners_source_cache_id()>"; stored with them, and
 * when it changes they are stale (db_owners_missing() spells the same in
 * SQL).
 */
static void owners_cache_key(struct owners_source *src, const char *commit,
			     struct strbuf *key)
{
	strbuf_addf(key, "%s|%s", commit, owners_source_cache_id(src));
}

/*
 * Owners of signature id from its newest occurrence, re-parsed from its
 * stored text; stored in the db.
 */
static int owners_cache_compute(struct db *db, pthread_mutex_t *write_lock,
				struct owners_source *src, long long id,
				struct strbuf *owners, struct strbuf *tree,
				struct strbuf *err)
{
	struct strbuf text = STRBUF_INIT, commit = STRBUF_INIT;
	struct strbuf source = STRBUF_INIT;
	struct recompute rc = { src, NULL, json_object(), ARENA_INIT };
	struct lockdep_sink sink = { on_report, NULL, &rc };
	const char **names = NULL;
	int *generic = NULL;
	json_t *list, *o;
	char *s1 = NULL, *s2 = NULL;
	unsigned long generation = owners_source_generation(src);
	long long stale;
	size_t i, n;
	int ret;

	ret = db_owners_source(db, id, &text, &commit, err);
	if (ret)
		goto out;
	rc.commit = commit.len ? commit.buf : NULL;
	owners_cache_key(src, commit.buf, &source);
	lockdep_parse_text(text.buf, text.len, &sink);
	list = json_object_get(rc.obj, "owners");
	if (!list) {
		strbuf_addstr(err, "the occurrence no longer parses");
		ret = -EINVAL;
		goto out;
	}
	n = json_array_size(list);
	names = calloc(n + 1, sizeof(*names));
	generic = calloc(n + 1, sizeof(*generic));
	s1 = json_dumps(list, JSON_COMPACT);
	s2 = json_dumps(json_object_get(rc.obj, "owners_tree"), JSON_COMPACT);
	if (!names || !generic || !s1 || !s2) {
		ret = -ENOMEM;
		goto out;
	}
	json_array_foreach(list, i, o) {
		names[i] = json_string_value(json_object_get(o, "section"));
		generic[i] = json_is_true(json_object_get(o, "generic"));
	}
	pthread_mutex_lock(write_lock);
	ret = db_begin(db, err);
	if (!ret) {
		ret = db_owners_put(
			db, id,
			json_string_value(json_object_get(
				json_object_get(rc.obj, "owners_tree"), "id")),
			source.buf, s1, s2, names, generic, n,
			(long long)time(NULL), err);
		if (!ret) /* who is mailed about it (docs/mail.md) */
			ret = recipients_store(db, id, list, err);
		if (ret)
			db_rollback(db);
		else
			ret = db_commit(db, err);
	}
	/*
	 * An index stored while these were computed may have replaced the
	 * tree they came from, and its marking of the commit's owners as
	 * stale may have come before this store: marked again, they are
	 * computed anew by the next request (docs/owners.md "Indexes").
	 */
	if (!ret && owners_source_generation(src) != generation &&
	    db_owners_stale_commit(db, commit.buf, &stale, err))
		ret = -EIO;
	pthread_mutex_unlock(write_lock);
	if (!ret) {
		strbuf_addstr(owners, s1);
		strbuf_addstr(tree, s2);
	}
out:
	free(s1);
	free(s2);
	free(names);
	free(generic);
	json_decref(rc.obj);
	arena_release(&rc.arena);
	strbuf_release(&text);
	strbuf_release(&commit);
	strbuf_release(&source);
	return ret;
}

/* The stored owners of id into owners and tree; -ENOENT: none or stale. */
static int owners_cache_stored(struct db *db, struct owners_source *src,
			       long long id, struct strbuf *owners,
			       struct strbuf *tree, struct strbuf *err)
{
	struct strbuf source = STRBUF_INIT, now = STRBUF_INIT;
	struct strbuf text = STRBUF_INIT, commit = STRBUF_INIT;
	int ret = db_owners_get(db, id, owners, tree, &source, err);

	if (!ret) {
		int r = db_owners_source(db, id, &text, &commit, err);

		owners_cache_key(src, commit.buf, &now);
		if (r && r != -ENOENT) /* no occurrence left: keep them */
			ret = r;
		else if (!r && strcmp(now.buf, source.buf))
			ret = -ENOENT; /* stale */
	}
	strbuf_release(&source);
	strbuf_release(&now);
	strbuf_release(&text);
	strbuf_release(&commit);
	return ret;
}

/*
 * The owners of id: the stored ones, else computed by this thread, with
 * id claimed (owners_source_claim()) while it computes them.  When
 * another thread is computing them, wait for it and take what it stored
 * (wait), or return -EBUSY at once.
 */
static int owners_cache_once(struct db *db, pthread_mutex_t *write_lock,
			     struct owners_source *src, long long id, bool wait,
			     struct strbuf *owners, struct strbuf *tree,
			     struct strbuf *err)
{
	bool waited;
	int ret = owners_cache_stored(db, src, id, owners, tree, err);

	if (ret != -ENOENT)
		return ret;
	if (!owners_source_claim(src, id, wait, &waited))
		return -EBUSY;
	strbuf_reset(owners);
	strbuf_reset(tree);
	if (waited)
		ret = owners_cache_stored(db, src, id, owners, tree, err);
	if (ret == -ENOENT) {
		strbuf_reset(owners);
		strbuf_reset(tree);
		ret = owners_cache_compute(db, write_lock, src, id, owners,
					   tree, err);
	}
	owners_source_unclaim(src, id);
	return ret;
}

int owners_cache_get(struct db *db, pthread_mutex_t *write_lock,
		     struct owners_source *src, long long id,
		     struct strbuf *owners, struct strbuf *tree,
		     struct strbuf *err)
{
	return owners_cache_once(db, write_lock, src, id, true, owners, tree,
				 err);
}

static int collect_id(void *ctx, long long id)
{
	json_t *ids = ctx;

	return json_array_append_new(ids, json_integer(id)) ? -ENOMEM : 0;
}

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Compute the missing owners (of at most OWNERS_MISSING_MAX signatures) until
 * budget_ms have passed (< 0: no limit; OWNERS_FILL_MIN are computed
 * anyway) or *stop (NULL: never) is set;
 * *pending (NULL: not wanted) is how many of them are left.
 */
static int fill(struct db *db, pthread_mutex_t *write_lock,
		struct owners_source *src, long long budget_ms, const int *stop,
		long long *pending, struct strbuf *err)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;
	json_t *ids = json_array(), *v;
	long long end = budget_ms < 0 ? -1 : now_ms() + budget_ms;
	size_t i, done = 0;
	int ret;

	ret = db_owners_missing(db, OWNERS_MISSING_MAX,
				owners_source_cache_id(src), collect_id, ids,
				err);
	json_array_foreach(ids, i, v) {
		if (ret || (stop && __atomic_load_n(stop, __ATOMIC_RELAXED)) ||
		    (end >= 0 && done >= OWNERS_FILL_MIN && now_ms() >= end))
			break;
		strbuf_reset(&a);
		strbuf_reset(&b);
		/* a signature whose text does not parse stays without; one
		 * another thread (a read, the filler) computes now is left to
		 * it, one it computed since the list was read is not again */
		if (owners_cache_once(db, write_lock, src,
				      json_integer_value(v), false, &a, &b,
				      err) != -EBUSY)
			done++;
	}
	if (pending)
		*pending = ret ? 0 : (long long)(json_array_size(ids) - done);
	json_decref(ids);
	strbuf_release(&a);
	strbuf_release(&b);
	return ret;
}

int owners_cache_fill(struct db *db, pthread_mutex_t *write_lock,
		      struct owners_source *src, struct strbuf *err)
{
	return fill(db, write_lock, src, -1, NULL, NULL, err);
}

int owners_cache_fill_some(struct db *db, pthread_mutex_t *write_lock,
			   struct owners_source *src, long long budget_ms,
			   long long *pending, struct strbuf *err)
{
	return fill(db, write_lock, src, budget_ms, NULL, pending, err);
}

/* ---- the background filler ------------------------------------------- */

struct owners_filler {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	int kicked, stop; /* stop: read atomically by fill() too */
	struct db *db;
	pthread_mutex_t *write_lock;
	struct owners_source *src;
};

static void *filler_loop(void *arg)
{
	struct owners_filler *f = arg;
	struct strbuf err = STRBUF_INIT;

	pthread_mutex_lock(&f->lock);
	for (;;) {
		while (!f->kicked && !f->stop)
			pthread_cond_wait(&f->cond, &f->lock);
		if (f->stop)
			break;
		f->kicked = 0;
		pthread_mutex_unlock(&f->lock);
		strbuf_reset(&err);
		if (fill(f->db, f->write_lock, f->src, -1, &f->stop, NULL,
			 &err))
			fprintf(stderr, "splatd: computing owners: %s\n",
				err.buf);
		pthread_mutex_lock(&f->lock);
	}
	pthread_mutex_unlock(&f->lock);
	strbuf_release(&err);
	return NULL;
}

int owners_filler_start(struct owners_filler **out, const char *db_path,
			pthread_mutex_t *write_lock, struct owners_source *src,
			struct strbuf *err)
{
	struct owners_filler *f = calloc(1, sizeof(*f));
	int ret;

	*out = NULL;
	if (!f)
		return -ENOMEM;
	f->write_lock = write_lock;
	f->src = src;
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->cond, NULL);
	ret = db_open(&f->db, db_path, err);
	if (!ret) {
		ret = -pthread_create(&f->thread, NULL, filler_loop, f);
		if (ret)
			strbuf_addstr(err, "cannot start the owners thread");
	}
	if (ret) {
		db_close(f->db);
		pthread_mutex_destroy(&f->lock);
		pthread_cond_destroy(&f->cond);
		free(f);
		return ret;
	}
	*out = f;
	return 0;
}

void owners_filler_kick(struct owners_filler *f)
{
	if (!f)
		return;
	pthread_mutex_lock(&f->lock);
	f->kicked = 1;
	pthread_cond_signal(&f->cond);
	pthread_mutex_unlock(&f->lock);
}

void owners_filler_stop(struct owners_filler *f)
{
	if (!f)
		return;
	pthread_mutex_lock(&f->lock);
	__atomic_store_n(&f->stop, 1, __ATOMIC_RELAXED);
	pthread_cond_signal(&f->cond);
	pthread_mutex_unlock(&f->lock);
	pthread_join(f->thread, NULL);
	db_close(f->db);
	pthread_mutex_destroy(&f->lock);
	pthread_cond_destroy(&f->cond);
	free(f);
}
