// SPDX-License-Identifier: GPL-2.0
/* fetcher: the KCIDB log_url queue's thread in `splatd serve`. */
#include "server/kcidb/fetcher.h"

#include <ctype.h>
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db/db.h"
#include "db/roles.h"
#include "parsers/alloc.h"
#include "server/kcidb/import.h"
#include "server/triage/ingest.h"

/*
 * Workers, each fetching one log at a time on a connection of its own, and
 * fetches of one host (scheme, host and port of the log_url) at a time: a
 * slow host holds at most FETCHER_PER_HOST workers, and its further
 * fetches only while one stays free: the others fetch from the other hosts
 * meanwhile (docs/interop.md "Fetching log_url").
 */
#define FETCHER_WORKERS 4
#define FETCHER_PER_HOST 2
#define FETCHER_HOST_MAX 256 /* bytes of a host key kept */

struct kcidb_fetcher;

struct fetch_worker {
	struct kcidb_fetcher *f;
	struct kcidb_import_config cfg; /* its own connection */
	struct ingest *in;
	pthread_t thread;
	bool started;
	/* the fetch it holds (0: none) and its host, under f->lock */
	long long id;
	char host[FETCHER_HOST_MAX];
};

struct kcidb_fetcher {
	struct fetch_worker w[FETCHER_WORKERS];
	char *db_path; /* for its role */
	pthread_mutex_t lock; /* guards stop, gen, stored and the claims */
	pthread_cond_t wake;
	bool stop;
	/* bumped by each wake and each claim given back: a worker that saw
	 * another value since its pass began looks again at once */
	unsigned long gen;
	/* told of each run stored (kcidb_fetcher_count()), or NULL */
	void (*stored)(void *arg, const struct ingest *in);
	void *stored_arg;
	atomic_bool cancel; /* stop, for a fetch in progress */
};

/* The host of url: "scheme://authority", lower case, cut at
 * FETCHER_HOST_MAX - 1 bytes. */
static void host_key(const char *url, char out[FETCHER_HOST_MAX])
{
	const char *p = strstr(url, "://");
	size_t n, i;

	n = p ? (size_t)(p - url) + 3 + strcspn(p + 3, "/?#") : strlen(url);
	if (n >= FETCHER_HOST_MAX)
		n = FETCHER_HOST_MAX - 1;
	for (i = 0; i < n; i++)
		out[i] = (char)tolower((unsigned char)url[i]);
	out[n] = '\0';
}

/* kcidb_fetch_claim.claim: id is no other worker's, and its host has
 * fewer than FETCHER_PER_HOST fetches going. */
static bool worker_claim(void *ctx, long long id, const char *log_url)
{
	struct fetch_worker *w = ctx, *o;
	struct kcidb_fetcher *f = w->f;
	char host[FETCHER_HOST_MAX];
	int busy = 0, others = 0;
	bool ok;

	host_key(log_url, host);
	pthread_mutex_lock(&f->lock);
	for (o = f->w; o < f->w + FETCHER_WORKERS; o++) {
		if (o == w || !o->id)
			continue;
		others++;
		if (o->id == id)
			busy = FETCHER_PER_HOST;
		else if (!strcmp(o->host, host))
			busy++;
	}
	/* a host's further fetch only while a worker stays free for the
	 * other hosts: two slow hosts never take all four */
	ok = !f->stop && busy < FETCHER_PER_HOST &&
	     (!busy || others + 1 < FETCHER_WORKERS);
	if (ok) {
		w->id = id;
		memcpy(w->host, host, sizeof(host));
	}
	pthread_mutex_unlock(&f->lock);
	return ok;
}

static void worker_release(void *ctx, long long id, const char *log_url)
{
	struct fetch_worker *w = ctx;
	struct kcidb_fetcher *f = w->f;

	(void)id;
	(void)log_url;
	pthread_mutex_lock(&f->lock);
	w->id = 0;
	w->host[0] = '\0';
	f->gen++;
	pthread_cond_broadcast(&f->wake);
	pthread_mutex_unlock(&f->lock);
}

static void *worker_loop(void *data)
{
	struct fetch_worker *w = data;
	struct kcidb_fetcher *f = w->f;
	const struct kcidb_fetch_claim cl = { worker_claim, worker_release, w };
	struct strbuf err = STRBUF_INIT;
	struct timespec until;
	unsigned long gen;
	bool did;

	pthread_mutex_lock(&f->lock);
	while (!f->stop) {
		gen = f->gen;
		pthread_mutex_unlock(&f->lock);
		did = false;
		strbuf_reset(&err);
		/* one instance of the service fetches (role "kcidb-fetch") */
		if (db_role_try(f->db_path, "kcidb-fetch") &&
		    kcidb_fetch_next(&w->cfg, w->in, (long long)time(NULL), &cl,
				     &did, &err))
			fprintf(stderr, "splatd serve: kcidb fetch: %s\n",
				err.buf);
		db_idle(w->cfg.db);
		pthread_mutex_lock(&f->lock);
		if (did)
			continue; /* more may be due */
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += 1;
		while (!f->stop && f->gen == gen &&
		       pthread_cond_timedwait(&f->wake, &f->lock, &until) !=
			       ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&f->lock);
	strbuf_release(&err);
	return NULL;
}

/* cfg.stored: a run stored, told under the lock (a count detached after
 * kcidb_fetcher_count() returns is never called) */
static void fetcher_stored(void *arg, const struct ingest *in)
{
	struct kcidb_fetcher *f = arg;

	pthread_mutex_lock(&f->lock);
	if (f->stored)
		f->stored(f->stored_arg, in);
	pthread_mutex_unlock(&f->lock);
}

void kcidb_fetcher_count(struct kcidb_fetcher *f,
			 void (*stored)(void *arg, const struct ingest *in),
			 void *arg)
{
	if (!f)
		return;
	pthread_mutex_lock(&f->lock);
	f->stored = stored;
	f->stored_arg = arg;
	pthread_mutex_unlock(&f->lock);
}

/* What kcidb_fetcher_start() made, its threads joined or never started. */
static void fetcher_free(struct kcidb_fetcher *f)
{
	size_t i;

	for (i = 0; i < FETCHER_WORKERS; i++) {
		db_close(f->w[i].cfg.db);
		ingest_free(f->w[i].in);
	}
	free(f->db_path);
	pthread_cond_destroy(&f->wake);
	pthread_mutex_destroy(&f->lock);
	free(f);
}

/* Stop and join the workers started. */
static void fetcher_join(struct kcidb_fetcher *f)
{
	size_t i;

	pthread_mutex_lock(&f->lock);
	f->stop = true;
	atomic_store(&f->cancel, true);
	pthread_cond_broadcast(&f->wake);
	pthread_mutex_unlock(&f->lock);
	for (i = 0; i < FETCHER_WORKERS; i++)
		if (f->w[i].started)
			pthread_join(f->w[i].thread, NULL);
}

int kcidb_fetcher_start(struct kcidb_fetcher **out,
			const struct kcidb_fetch_config *cfg,
			const struct ingest_limits *lim, struct regress *rg,
			const char *db_path, struct strbuf *err)
{
	struct kcidb_fetcher *f;
	struct fetch_worker *w;
	size_t i;
	int ret = 0;

	*out = NULL;
	if (!cfg->nallow)
		return 0;
	f = xcalloc(1, sizeof(*f));
	atomic_init(&f->cancel, false);
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->wake, NULL);
	f->db_path = xstrdup(db_path);
	for (i = 0; !ret && i < FETCHER_WORKERS; i++) {
		w = &f->w[i];
		w->f = f;
		w->cfg.fetch = cfg;
		w->cfg.limits = lim;
		w->cfg.regress = rg;
		w->cfg.cancel = &f->cancel;
		w->cfg.stored = fetcher_stored;
		w->cfg.stored_arg = f;
		w->in = ingest_new();
		ret = db_open(&w->cfg.db, db_path, err);
	}
	for (i = 0; !ret && i < FETCHER_WORKERS; i++) {
		w = &f->w[i];
		ret = -pthread_create(&w->thread, NULL, worker_loop, w);
		if (ret)
			strbuf_addf(err,
				    "cannot start the kcidb fetch thread:"
				    " %s",
				    strerror(-ret));
		else
			w->started = true;
	}
	if (ret) {
		fetcher_join(f);
		fetcher_free(f);
		return ret;
	}
	*out = f;
	return 0;
}

void kcidb_fetcher_wake(struct kcidb_fetcher *f)
{
	if (!f)
		return;
	pthread_mutex_lock(&f->lock);
	f->gen++;
	pthread_cond_broadcast(&f->wake);
	pthread_mutex_unlock(&f->lock);
}

void kcidb_fetcher_stop(struct kcidb_fetcher *f)
{
	if (!f)
		return;
	fetcher_join(f);
	fetcher_free(f);
}
