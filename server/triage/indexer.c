// SPDX-License-Identifier: GPL-2.0
/* indexer: function indexes of kernel commits, built in the background. */
#include "server/triage/indexer.h"

#include <errno.h>
#include <git2.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "db/fnindex.h"
#include "db/regress.h"
#include "db/roles.h"
#include "parsers/alloc.h"
#include "server/triage/fnindex.h"
#include "server/triage/gitrepo.h"

/* how often an instance without the "index" role asks for it, seconds */
#define INDEXER_ROLE_POLL 10

struct job {
	char *repo, *commit;
	bool head; /* a tree's head: outside the budget */
};

struct indexer {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	pthread_t thread;
	bool running, stop; /* running: the thread was started */
	struct db *db;
	char *db_path; /* for its role (db/roles.h) */
	struct job queue[INDEXER_QUEUE_MAX];
	size_t n;
	unsigned budget;
	time_t spent[64]; /* when the last budgeted builds started, a ring */
	unsigned nspent;
	pthread_mutex_t listen_lock; /* held while the listener runs */
	indexer_stored_fn listener;
	void *listener_data;
};

/* Under the lock. */
static void enqueue(struct indexer *ix, const char *repo, const char *commit,
		    bool head)
{
	size_t i;

	for (i = 0; i < ix->n; i++)
		if (!strcmp(ix->queue[i].repo, repo) &&
		    !strcmp(ix->queue[i].commit, commit))
			return;
	if (ix->n == INDEXER_QUEUE_MAX)
		return;
	ix->queue[ix->n].repo = xstrdup(repo);
	ix->queue[ix->n].commit = xstrdup(commit);
	ix->queue[ix->n++].head = head;
	pthread_cond_signal(&ix->wake);
}

void indexer_want(struct indexer *ix, const char *repo, const char *commit)
{
	if (!ix || !repo || !commit || !*commit)
		return;
	pthread_mutex_lock(&ix->lock);
	if (!ix->stop)
		enqueue(ix, repo, commit, false);
	pthread_mutex_unlock(&ix->lock);
}

void indexer_listen(struct indexer *ix, indexer_stored_fn fn, void *data)
{
	if (!ix)
		return;
	pthread_mutex_lock(&ix->listen_lock);
	ix->listener = fn;
	ix->listener_data = data;
	pthread_mutex_unlock(&ix->listen_lock);
}

/*
 * Builds started within the last hour (the ring holds the latest
 * min(budget, 64): a budget above 64 an hour is spread as 64 per
 * 3600 * 64 / budget seconds).  Under the lock.
 */
static bool budget_left(struct indexer *ix, time_t now, time_t *retry)
{
	unsigned cap = ix->budget < 64 ? ix->budget : 64;
	time_t window = ix->budget <= 64 ? 3600 :
					   (time_t)(3600ull * 64 / ix->budget);
	time_t oldest;

	if (!cap)
		return false;
	if (ix->nspent < cap)
		return true;
	oldest = ix->spent[(ix->nspent - cap) % 64];
	if (now - oldest >= window)
		return true;
	*retry = oldest + window;
	return false;
}

/* Index one commit unless it is stored already; errors to stderr. */
static void build(struct indexer *ix, const struct job *j)
{
	struct strbuf err = STRBUF_INIT;
	struct gitrepo *t = NULL;
	struct fnindex *fn = NULL;
	bool has = false;
	struct timespec t0, t1;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (gitrepo_open_git(&t, j->repo, j->commit, &err) ||
	    db_fn_tree_has(ix->db, gitrepo_id(t), &has, &err))
		goto fail;
	db_idle(ix->db);
	if (has)
		goto out;
	if (fnindex_build(&fn, t, &err) ||
	    fnindex_store_chunked(fn, ix->db, gitrepo_id(t), "git", j->commit,
				  &err))
		goto fail;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(stderr,
		"splatd serve: indexed %s at %s (%zu definitions, %.1f s)\n",
		j->repo, gitrepo_id(t), fnindex_ndefs(fn),
		(double)(t1.tv_sec - t0.tv_sec) +
			(double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	pthread_mutex_lock(&ix->listen_lock);
	if (ix->listener)
		ix->listener(ix->listener_data, ix->db, j->repo, gitrepo_id(t));
	pthread_mutex_unlock(&ix->listen_lock);
	goto out;
fail:
	fprintf(stderr, "splatd serve: indexing %s at %s: %s\n", j->repo,
		j->commit, err.buf);
out:
	db_idle(ix->db);
	fnindex_free(fn);
	gitrepo_free(t);
	strbuf_release(&err);
}

/* The next job to run now (heads first), removed from the queue; false
 * with *retry set when only budgeted ones wait and the budget is spent. */
static bool next_job(struct indexer *ix, struct job *j, time_t *retry)
{
	time_t now = time(NULL);
	size_t i, pick = ix->n;

	*retry = 0;
	for (i = 0; i < ix->n && pick == ix->n; i++)
		if (ix->queue[i].head)
			pick = i;
	if (pick == ix->n && ix->n) {
		if (!budget_left(ix, now, retry))
			return false;
		pick = 0;
		ix->spent[ix->nspent++ % 64] = now;
	}
	if (pick == ix->n)
		return false;
	*j = ix->queue[pick];
	memmove(&ix->queue[pick], &ix->queue[pick + 1],
		(ix->n - pick - 1) * sizeof(ix->queue[0]));
	ix->n--;
	return true;
}

/* Whether this instance holds the "index" role; under the lock, which it
 * lets go while it asks (a query on its own connection). */
static bool role_held(struct indexer *ix)
{
	bool held;

	pthread_mutex_unlock(&ix->lock);
	held = db_role_try(ix->db_path, "index");
	pthread_mutex_lock(&ix->lock);
	return held;
}

static void *index_loop(void *arg)
{
	struct indexer *ix = arg;
	struct job j;
	time_t retry;

	pthread_mutex_lock(&ix->lock);
	while (!ix->stop) {
		/*
		 * One instance of the service indexes (role "index"); the
		 * others keep their queue and ask again every
		 * INDEXER_ROLE_POLL s, building it (what is still missing)
		 * once the holder is gone.
		 */
		if (ix->n && !role_held(ix)) {
			struct timespec until = {
				time(NULL) + INDEXER_ROLE_POLL, 0
			};

			pthread_cond_timedwait(&ix->wake, &ix->lock, &until);
			continue;
		}
		if (!next_job(ix, &j, &retry)) {
			struct timespec until = { retry, 0 };

			if (retry)
				pthread_cond_timedwait(&ix->wake, &ix->lock,
						       &until);
			else
				pthread_cond_wait(&ix->wake, &ix->lock);
			continue;
		}
		pthread_mutex_unlock(&ix->lock);
		build(ix, &j);
		free(j.repo);
		free(j.commit);
		pthread_mutex_lock(&ix->lock);
	}
	pthread_mutex_unlock(&ix->lock);
	return NULL;
}

static int on_tree(void *ctx, const struct db_tree *t)
{
	if (t->trusted)
		enqueue(ctx, t->repo, t->branch, true);
	return 0;
}

int indexer_start(struct indexer **out, const char *db_path, unsigned budget,
		  struct strbuf *err)
{
	struct indexer *ix = xcalloc(1, sizeof(*ix));
	int ret;

	*out = NULL;
	pthread_mutex_init(&ix->lock, NULL);
	pthread_cond_init(&ix->wake, NULL);
	pthread_mutex_init(&ix->listen_lock, NULL);
	ix->budget = budget;
	ix->db_path = xstrdup(db_path);
	ret = db_open(&ix->db, db_path, err);
	if (ret)
		goto fail;
	pthread_mutex_lock(&ix->lock);
	ret = db_tree_list(ix->db, on_tree, ix, err);
	pthread_mutex_unlock(&ix->lock);
	db_idle(ix->db);
	if (ret)
		goto fail;
	/* held while the thread lives, as the git sync thread does */
	git_libgit2_init();
	ret = -pthread_create(&ix->thread, NULL, index_loop, ix);
	if (ret) {
		git_libgit2_shutdown();
		strbuf_addf(err, "cannot start the indexer thread: %s",
			    strerror(-ret));
		goto fail;
	}
	ix->running = true;
	*out = ix;
	return 0;
fail:
	indexer_stop(ix);
	return ret;
}

void indexer_stop(struct indexer *ix)
{
	size_t i;

	if (!ix)
		return;
	if (ix->running) {
		pthread_mutex_lock(&ix->lock);
		ix->stop = true;
		pthread_cond_signal(&ix->wake);
		pthread_mutex_unlock(&ix->lock);
		pthread_join(ix->thread, NULL);
		git_libgit2_shutdown();
	}
	for (i = 0; i < ix->n; i++) {
		free(ix->queue[i].repo);
		free(ix->queue[i].commit);
	}
	db_close(ix->db);
	free(ix->db_path);
	pthread_mutex_destroy(&ix->lock);
	pthread_cond_destroy(&ix->wake);
	pthread_mutex_destroy(&ix->listen_lock);
	free(ix);
}
