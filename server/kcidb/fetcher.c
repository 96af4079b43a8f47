// SPDX-License-Identifier: GPL-2.0
/* fetcher: the KCIDB log_url queue's thread in `splatd serve`. */
#include "server/kcidb/fetcher.h"

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
 * Workers (cfg->workers), each fetching one log at a time on a connection
 * of its own, and fetches of one host (scheme, host and port of a URL:
 * url_host_key()) at a time: a slow host holds at most cfg->per_host
 * workers, and its further fetches only while one stays free: the others
 * fetch from the other hosts meanwhile (docs/interop.md "Fetching
 * log_url").  A fetch counts against every host its texts are read from
 * (its log_url's and its output files').
 */
struct kcidb_fetcher;

struct fetch_worker {
	struct kcidb_fetcher *f;
	struct kcidb_import_config cfg; /* its own connection */
	struct ingest *in;
	pthread_t thread;
	bool started;
	/* the fetch it holds (0: none) and the hosts of its texts, under
	 * f->lock */
	long long id;
	char *hosts[KCIDB_MAX_TEXTS];
	size_t nhosts;
};

struct kcidb_fetcher {
	struct fetch_worker *w;
	unsigned nw, per_host; /* cfg->workers, cfg->per_host */
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
	atomic_ullong rows; /* due rows the workers read */
};

/* Whether worker o's fetch reads from host; under f->lock. */
static bool holds_host(const struct fetch_worker *o, const char *host)
{
	size_t i;

	for (i = 0; i < o->nhosts; i++)
		if (!strcmp(o->hosts[i], host))
			return true;
	return false;
}

/* The fetches of host that workers other than w hold, and how many of
 * them hold one at all (*others); under f->lock. */
static unsigned host_busy(const struct fetch_worker *w, const char *host,
			  unsigned *others)
{
	const struct kcidb_fetcher *f = w->f;
	unsigned i, busy = 0;

	*others = 0;
	for (i = 0; i < f->nw; i++) {
		if (&f->w[i] == w || !f->w[i].id)
			continue;
		++*others;
		busy += holds_host(&f->w[i], host);
	}
	return busy;
}

/* Whether w may take a fetch of a host that busy other workers fetch from
 * already, with others holding one: below the host's limit, and a host's
 * further fetch only while a worker stays free for the other hosts (two
 * slow hosts never take all of them). */
static bool host_room(const struct fetch_worker *w, unsigned busy,
		      unsigned others)
{
	return busy < w->f->per_host && (!busy || others + 1 < w->f->nw);
}

/* Whether a worker before o (not w) holds host: said at that one. */
static bool host_seen(const struct fetch_worker *w,
		      const struct fetch_worker *o, const char *host)
{
	const struct fetch_worker *e;

	for (e = w->f->w; e < o; e++)
		if (e != w && e->id && holds_host(e, host))
			return true;
	return false;
}

/* kcidb_fetch_claim.skip: what the other workers hold, and the hosts that
 * have no room for w. */
static void worker_skip(void *ctx, json_t *hosts, json_t *ids)
{
	struct fetch_worker *w = ctx, *o;
	struct kcidb_fetcher *f = w->f;
	unsigned busy, others;
	size_t h;

	pthread_mutex_lock(&f->lock);
	for (o = f->w; o < f->w + f->nw; o++) {
		if (o == w || !o->id)
			continue;
		json_array_append_new(ids, json_integer(o->id));
		for (h = 0; h < o->nhosts; h++) {
			/* each host once, at its first holder */
			if (host_seen(w, o, o->hosts[h]))
				continue;
			busy = host_busy(w, o->hosts[h], &others);
			if (!host_room(w, busy, others))
				json_array_append_new(hosts,
						      json_string(o->hosts[h]));
		}
	}
	pthread_mutex_unlock(&f->lock);
}

/* kcidb_fetch_claim.claim: id is no other worker's, and each host of its
 * texts has room. */
static bool worker_claim(void *ctx, long long id, char *const *hosts, size_t n)
{
	struct fetch_worker *w = ctx;
	struct kcidb_fetcher *f = w->f;
	unsigned busy, others, i;
	size_t h;
	bool ok;

	pthread_mutex_lock(&f->lock);
	ok = !f->stop;
	for (h = 0; ok && h < n; h++) {
		busy = host_busy(w, hosts[h], &others);
		ok = host_room(w, busy, others);
	}
	for (i = 0; ok && i < f->nw; i++)
		ok = &f->w[i] == w || f->w[i].id != id;
	if (ok) {
		w->id = id;
		for (h = 0; h < n && h < ARRAY_SIZE(w->hosts); h++)
			w->hosts[h] = xstrdup(hosts[h]);
		w->nhosts = h;
	}
	pthread_mutex_unlock(&f->lock);
	return ok;
}

static void worker_release(void *ctx, long long id)
{
	struct fetch_worker *w = ctx;
	struct kcidb_fetcher *f = w->f;

	(void)id;
	pthread_mutex_lock(&f->lock);
	w->id = 0;
	while (w->nhosts)
		free(w->hosts[--w->nhosts]);
	f->gen++;
	pthread_cond_broadcast(&f->wake);
	pthread_mutex_unlock(&f->lock);
}

static void *worker_loop(void *data)
{
	struct fetch_worker *w = data;
	struct kcidb_fetcher *f = w->f;
	const struct kcidb_fetch_claim cl = { worker_skip, worker_claim,
					      worker_release, w };
	struct strbuf err = STRBUF_INIT;
	struct timespec until;
	unsigned long gen;
	unsigned long long rows;
	bool did;

	pthread_mutex_lock(&f->lock);
	while (!f->stop) {
		gen = f->gen;
		pthread_mutex_unlock(&f->lock);
		did = false;
		rows = 0;
		strbuf_reset(&err);
		/* one instance of the service fetches (role "kcidb-fetch") */
		if (db_role_try(f->db_path, "kcidb-fetch") &&
		    kcidb_fetch_next(&w->cfg, w->in, (long long)time(NULL), &cl,
				     &did, &rows, &err))
			fprintf(stderr, "splatd serve: kcidb fetch: %s\n",
				err.buf);
		atomic_fetch_add(&f->rows, rows);
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

	for (i = 0; i < f->nw; i++) {
		db_close(f->w[i].cfg.db);
		ingest_free(f->w[i].in);
	}
	free(f->w);
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
	for (i = 0; i < f->nw; i++)
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
	f->nw = cfg->workers ? cfg->workers : 1;
	f->per_host = cfg->per_host ? cfg->per_host : 1;
	f->w = xcalloc(f->nw, sizeof(*f->w));
	atomic_init(&f->cancel, false);
	atomic_init(&f->rows, 0);
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->wake, NULL);
	f->db_path = xstrdup(db_path);
	for (i = 0; !ret && i < f->nw; i++) {
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
	for (i = 0; !ret && i < f->nw; i++) {
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

void kcidb_fetcher_stats(struct kcidb_fetcher *f,
			 struct kcidb_fetcher_stats *out)
{
	unsigned i;

	*out = (struct kcidb_fetcher_stats){ 0 };
	if (!f)
		return;
	pthread_mutex_lock(&f->lock);
	out->workers = f->nw;
	out->per_host = f->per_host;
	for (i = 0; i < f->nw; i++)
		out->fetching += !!f->w[i].id;
	pthread_mutex_unlock(&f->lock);
	out->rows_read = atomic_load(&f->rows);
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
