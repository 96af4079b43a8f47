/* SPDX-License-Identifier: GPL-2.0 */
/*
 * fetcher: `splatd serve`'s KCIDB log_url workers.  POST /api/v1/kcidb only
 * queues the tests whose log is behind a log_url; cfg->workers threads
 * (--kcidb-fetch-workers, 4) fetch and store them (kcidb_fetch_next), each
 * on a database connection of its own, at most cfg->per_host
 * (--kcidb-fetch-per-host, 2) from one host at a time (a slow host never
 * holds them all), woken by each import, each fetch that ends and at least every
 * second, and record failures on the queued rows for GET
 * /api/v1/kcidb/fetches (docs/interop.md).  They run only when some prefix
 * is allowed (--kcidb-fetch-allow).
 */
#ifndef SPLATD_KCIDB_FETCHER_H
#define SPLATD_KCIDB_FETCHER_H

#include "parsers/strbuf.h"
#include "server/kcidb/fetch.h"

struct kcidb_fetcher;
struct ingest_limits;
struct regress;

/* Start the thread (a NULL *out when cfg allows no prefix); cfg, lim and
 * rg (may be NULL) must outlive it.  0 or -errno with err. */
int kcidb_fetcher_start(struct kcidb_fetcher **out,
			const struct kcidb_fetch_config *cfg,
			const struct ingest_limits *lim, struct regress *rg,
			const char *db_path, struct strbuf *err);
/*
 * Tell stored(arg, in) of each run the thread stores from now on (the
 * server's metrics); NULL stops it, and once that returns it is called no
 * more.  f NULL is a no-op.
 */
void kcidb_fetcher_count(struct kcidb_fetcher *f,
			 void (*stored)(void *arg, const struct ingest *in),
			 void *arg);
/* What GET /api/v1/kcidb/fetches tells of the workers. */
struct kcidb_fetcher_stats {
	unsigned workers, per_host; /* as configured */
	unsigned fetching; /* workers holding a fetch now */
	unsigned long long rows_read; /* due rows read to choose fetches */
};

/* f's numbers now (all 0 when f is NULL: no fetcher). */
void kcidb_fetcher_stats(struct kcidb_fetcher *f,
			 struct kcidb_fetcher_stats *out);
/* Something was queued: fetch it now.  NULL is a no-op. */
void kcidb_fetcher_wake(struct kcidb_fetcher *f);
/* Stop the thread (a fetch in progress is cancelled, stays queued) and
 * free; NULL is a no-op. */
void kcidb_fetcher_stop(struct kcidb_fetcher *f);

#endif
