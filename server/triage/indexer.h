/* SPDX-License-Identifier: GPL-2.0 */
/*
 * indexer: serve's background thread that stores function indexes
 * (server/triage/fnindex) of kernel commits, so that owners and suspects
 * never build one on the request path (docs/owners.md "Indexes").
 *
 * One indexer per process.  At start it queues the head of every trusted
 * tree of `splatd git tree add`; afterwards the commits that runs name are
 * queued by indexer_want() when first asked for, and indexed at most
 * `budget` per hour (heads do not count).  Without a started indexer
 * indexer_want() does nothing.
 */
#ifndef SPLATD_INDEXER_H
#define SPLATD_INDEXER_H

#include "parsers/strbuf.h"

/* Most commits waiting at once; more are refused until one is done. */
#define INDEXER_QUEUE_MAX 64

/* Start the thread on its own connection to db_path; budget commits per
 * hour beyond the heads (0: heads only).  0 or -errno. */
int indexer_start(const char *db_path, unsigned budget, struct strbuf *err);
/* Stop the thread (an index being built is finished first). */
void indexer_stop(void);
/* Queue commit of the git repository repo unless it is queued already;
 * returns at once. */
void indexer_want(const char *repo, const char *commit);
struct db;
/*
 * Called on the indexer's thread, with its connection, after the index of
 * commit (a full sha) of repo was stored: the one listener (serve's owners
 * source) loads it there, off the request path.  fn NULL removes it; that
 * waits for a call in progress to return.
 */
typedef void (*indexer_stored_fn)(void *data, struct db *db, const char *repo,
				  const char *commit);
void indexer_listen(indexer_stored_fn fn, void *data);

#endif
