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

static struct {
	pthread_mutex_t lock;
	pthread_cond_t wake;
	pthread_t thread;
	bool running, stop;
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
} ix_state = { .lock = PTHREAD_MUTEX_INITIALIZER,
	       .wake = PTHREAD_COND_INITIALIZER,
	       .listen_lock = PTHREAD_MUTEX_INITIALIZER };

/* Under the lock. */
static void enqueue(const char *repo, const char *commit, bool head)
{
	size_t i;

	for (i = 0; i < ix_state.n; i++)
		if (!strcmp(ix_state.queue[i].repo, repo) &&
		    !strcmp(ix_state.queue[i].commit, commit))
			return;
	if (ix_state.n == INDEXER_QUEUE_MAX)
		return;
	ix_state.queue[ix_state.n].repo = xstrdup(repo);
	ix_state.queue[ix_state.n].commit = xstrdup(commit);
	ix_state.queue[ix_state.n++].head = head;
	pthread_cond_signal(&ix_state.wake);
}

void indexer_want(const char *repo, const char *commit)
{
	if (!repo || !commit || !*commit)
		return;
	pthread_mutex_lock(&ix_state.lock);
	if (ix_state.running && !ix_state.stop)
		enqueue(repo, commit, false);
	pthread_mutex_unlock(&ix_state.lock);
}

void indexer_listen(indexer_stored_fn fn, void *data)
{
	pthread_mutex_lock(&ix_state.listen_lock);
	ix_state.listener = fn;
	ix_state.listener_data = data;
	pthread_mutex_unlock(&ix_state.listen_lock);
}

/*
 * Builds started within the last hour (the ring holds the latest
 * min(budget, 64): a budget above 64 an hour is spread as 64 per
 * 3600 * 64 / budget seconds).  Under the lock.
 */
static bool budget_left(time_t now, time_t *retry)
{
	unsigned cap = ix_state.budget < 64 ? ix_state.budget : 64;
	time_t window = ix_state.budget <= 64 ?
				3600 :
				(time_t)(3600ull * 64 / ix_state.budget);
	time_t oldest;

	if (!cap)
		return false;
	if (ix_state.nspent < cap)
		return true;
	oldest = ix_state.spent[(ix_state.nspent - cap) % 64];
	if (now - oldest >= window)
		return true;
	*retry = oldest + window;
	return false;
}

/* Index one commit unless it is stored already; errors to stderr. */
static void build(const struct job *j)
{
	struct strbuf err = STRBUF_INIT;
	struct gitrepo *t = NULL;
	struct fnindex *ix = NULL;
	bool has = false;
	struct timespec t0, t1;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (gitrepo_open_git(&t, j->repo, j->commit, &err) ||
	    db_fn_tree_has(ix_state.db, gitrepo_id(t), &has, &err))
		goto fail;
	db_idle(ix_state.db);
	if (has)
		goto out;
	if (fnindex_build(&ix, t, &err) ||
	    fnindex_store_chunked(ix, ix_state.db, gitrepo_id(t), "git",
				  j->commit, &err))
		goto fail;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(stderr,
		"splatd serve: indexed %s at %s (%zu definitions, %.1f s)\n",
		j->repo, gitrepo_id(t), fnindex_ndefs(ix),
		(double)(t1.tv_sec - t0.tv_sec) +
			(double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	pthread_mutex_lock(&ix_state.listen_lock);
	if (ix_state.listener)
		ix_state.listener(ix_state.listener_data, ix_state.db, j->repo,
				  gitrepo_id(t));
	pthread_mutex_unlock(&ix_state.listen_lock);
	goto out;
fail:
	fprintf(stderr, "splatd serve: indexing %s at %s: %s\n", j->repo,
		j->commit, err.buf);
out:
	db_idle(ix_state.db);
	fnindex_free(ix);
	gitrepo_free(t);
	strbuf_release(&err);
}

/* The next job to run now (heads first), removed from the queue; false
 * with *retry set when only budgeted ones wait and the budget is spent. */
static bool next_job(struct job *j, time_t *retry)
{
	time_t now = time(NULL);
	size_t i, pick = ix_state.n;

	*retry = 0;
	for (i = 0; i < ix_state.n && pick == ix_state.n; i++)
		if (ix_state.queue[i].head)
			pick = i;
	if (pick == ix_state.n && ix_state.n) {
		if (!budget_left(now, retry))
			return false;
		pick = 0;
		ix_state.spent[ix_state.nspent++ % 64] = now;
	}
	if (pick == ix_state.n)
		return false;
	*j = ix_state.queue[pick];
	memmove(&ix_state.queue[pick], &ix_state.queue[pick + 1],
		(ix_state.n - pick - 1) * sizeof(ix_state.queue[0]));
	ix_state.n--;
	return true;
}

/* Whether this instance holds the "index" role; under the lock, which it
 * lets go while it asks (a query on its own connection). */
static bool role_held(void)
{
	bool held;

	pthread_mutex_unlock(&ix_state.lock);
	held = db_role_try(ix_state.db_path, "index");
	pthread_mutex_lock(&ix_state.lock);
	return held;
}

static void *index_loop(void *arg)
{
	struct job j;
	time_t retry;

	(void)arg;
	pthread_mutex_lock(&ix_state.lock);
	while (!ix_state.stop) {
		/*
		 * One instance of the service indexes (role "index"); the
		 * others keep their queue and ask again every
		 * INDEXER_ROLE_POLL s, building it (what is still missing)
		 * once the holder is gone.
		 */
		if (ix_state.n && !role_held()) {
			struct timespec until = {
				time(NULL) + INDEXER_ROLE_POLL, 0
			};

			pthread_cond_timedwait(&ix_state.wake, &ix_state.lock,
					       &until);
			continue;
		}
		if (!next_job(&j, &retry)) {
			struct timespec until = { retry, 0 };

			if (retry)
				pthread_cond_timedwait(&ix_state.wake,
						       &ix_state.lock, &until);
			else
				pthread_cond_wait(&ix_state.wake,
						  &ix_state.lock);
			continue;
		}
		pthread_mutex_unlock(&ix_state.lock);
		build(&j);
		free(j.repo);
		free(j.commit);
		pthread_mutex_lock(&ix_state.lock);
	}
	pthread_mutex_unlock(&ix_state.lock);
	return NULL;
}

static int on_tree(void *ctx, const struct db_tree *t)
{
	(void)ctx;
	if (t->trusted)
		enqueue(t->repo, t->branch, true);
	return 0;
}

int indexer_start(const char *db_path, unsigned budget, struct strbuf *err)
{
	int ret;

	if (ix_state.running)
		return 0;
	ret = db_open(&ix_state.db, db_path, err);
	if (ret)
		return ret;
	ix_state.db_path = xstrdup(db_path);
	ix_state.budget = budget;
	ix_state.stop = false;
	pthread_mutex_lock(&ix_state.lock);
	ret = db_tree_list(ix_state.db, on_tree, NULL, err);
	pthread_mutex_unlock(&ix_state.lock);
	db_idle(ix_state.db);
	if (ret)
		goto fail;
	/* held while the thread lives, as the git sync thread does */
	git_libgit2_init();
	ret = -pthread_create(&ix_state.thread, NULL, index_loop, NULL);
	if (ret) {
		git_libgit2_shutdown();
		strbuf_addf(err, "cannot start the indexer thread: %s",
			    strerror(-ret));
		goto fail;
	}
	pthread_mutex_lock(&ix_state.lock);
	ix_state.running = true;
	pthread_mutex_unlock(&ix_state.lock);
	return 0;
fail:
	db_close(ix_state.db);
	ix_state.db = NULL;
	free(ix_state.db_path);
	ix_state.db_path = NULL;
	return ret;
}

void indexer_stop(void)
{
	size_t i;

	if (!ix_state.running)
		return;
	pthread_mutex_lock(&ix_state.lock);
	ix_state.stop = true;
	pthread_cond_signal(&ix_state.wake);
	pthread_mutex_unlock(&ix_state.lock);
	pthread_join(ix_state.thread, NULL);
	git_libgit2_shutdown();
	for (i = 0; i < ix_state.n; i++) {
		free(ix_state.queue[i].repo);
		free(ix_state.queue[i].commit);
	}
	ix_state.n = 0;
	db_close(ix_state.db);
	ix_state.db = NULL;
	free(ix_state.db_path);
	ix_state.db_path = NULL;
	pthread_mutex_lock(&ix_state.lock);
	ix_state.running = false;
	pthread_mutex_unlock(&ix_state.lock);
}
