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

/* Fetches per pass: a stop waits for at most this many time-outs. */
#define FETCHER_BATCH 4

struct kcidb_fetcher {
	struct kcidb_import_config cfg;
	struct ingest *in;
	char *db_path; /* for its role */
	pthread_t thread;
	pthread_mutex_t lock; /* guards stop, woken and stored */
	pthread_cond_t wake;
	bool stop, woken;
	/* told of each run stored (kcidb_fetcher_count()), or NULL */
	void (*stored)(void *arg, const struct ingest *in);
	void *stored_arg;
	atomic_bool cancel; /* stop, for a fetch in progress */
};

static void *fetcher_loop(void *data)
{
	struct kcidb_fetcher *f = data;
	struct strbuf err = STRBUF_INIT;
	struct timespec until;
	int done;

	pthread_mutex_lock(&f->lock);
	while (!f->stop) {
		f->woken = false;
		pthread_mutex_unlock(&f->lock);
		done = 0;
		strbuf_reset(&err);
		/* one instance of the service fetches (role "kcidb-fetch") */
		if (db_role_try(f->db_path, "kcidb-fetch") &&
		    kcidb_fetch_due(&f->cfg, f->in, (long long)time(NULL),
				    FETCHER_BATCH, &done, &err))
			fprintf(stderr, "splatd serve: kcidb fetch: %s\n",
				err.buf);
		db_idle(f->cfg.db);
		pthread_mutex_lock(&f->lock);
		if (done == FETCHER_BATCH)
			continue; /* more may be due */
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += 1;
		while (!f->stop && !f->woken &&
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

/* What kcidb_fetcher_start() made, its thread joined or never started. */
static void fetcher_free(struct kcidb_fetcher *f)
{
	db_close(f->cfg.db);
	ingest_free(f->in);
	free(f->db_path);
	pthread_cond_destroy(&f->wake);
	pthread_mutex_destroy(&f->lock);
	free(f);
}

int kcidb_fetcher_start(struct kcidb_fetcher **out,
			const struct kcidb_fetch_config *cfg,
			const struct ingest_limits *lim, struct regress *rg,
			const char *db_path, struct strbuf *err)
{
	struct kcidb_fetcher *f;
	int ret;

	*out = NULL;
	if (!cfg->nallow)
		return 0;
	f = xcalloc(1, sizeof(*f));
	f->cfg.fetch = cfg;
	f->cfg.limits = lim;
	f->cfg.regress = rg;
	f->cfg.cancel = &f->cancel;
	f->cfg.stored = fetcher_stored;
	f->cfg.stored_arg = f;
	atomic_init(&f->cancel, false);
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->wake, NULL);
	f->in = ingest_new();
	f->db_path = xstrdup(db_path);
	ret = db_open(&f->cfg.db, db_path, err);
	if (!ret) {
		ret = -pthread_create(&f->thread, NULL, fetcher_loop, f);
		if (ret)
			strbuf_addf(err,
				    "cannot start the kcidb fetch thread:"
				    " %s",
				    strerror(-ret));
	}
	if (ret) {
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
	f->woken = true;
	pthread_cond_signal(&f->wake);
	pthread_mutex_unlock(&f->lock);
}

void kcidb_fetcher_stop(struct kcidb_fetcher *f)
{
	if (!f)
		return;
	pthread_mutex_lock(&f->lock);
	f->stop = true;
	atomic_store(&f->cancel, true);
	pthread_cond_signal(&f->wake);
	pthread_mutex_unlock(&f->lock);
	pthread_join(f->thread, NULL);
	fetcher_free(f);
}
