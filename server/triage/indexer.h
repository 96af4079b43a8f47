/* SPDX-License-Identifier: GPL-2.0 */
/*
 * indexer: serve's background thread that stores function indexes
 * (server/triage/fnindex) of kernel commits, so that owners and suspects
 * never build one on the request path (docs/owners.md "Indexes").
 *
 * serve starts one and hands it to what asks for indexes (the owners
 * source, regression suspects).  At start it queues the head of every
 * trusted tree of `splatd git tree add`; afterwards the commits that runs
 * name are queued by indexer_want() when first asked for, and indexed at
 * most `budget` per hour (heads do not count).  Every function takes a
 * NULL indexer (none started) and then does nothing.
 */
#ifndef SPLATD_INDEXER_H
#define SPLATD_INDEXER_H

#include "parsers/strbuf.h"

/* Most commits waiting at once; more are refused until one is done. */
#define INDEXER_QUEUE_MAX 64

struct indexer;

/* Start the thread on its own connection to db_path; budget commits per
 * hour beyond the heads (0: heads only).  0 or -errno. */
int indexer_start(struct indexer **out, const char *db_path, unsigned budget,
		  struct strbuf *err);
/* Stop the thread (an index being built is finished first) and free ix. */
void indexer_stop(struct indexer *ix);
/* Queue commit of the git repository repo unless it is queued already;
 * returns at once. */
void indexer_want(struct indexer *ix, const char *repo, const char *commit);
struct db;
/*
 * Called on the indexer's thread, with its connection, after the index of
 * commit (a full sha) of repo was stored: the one listener (serve's owners
 * source) loads it there, off the request path.  fn NULL removes it; that
 * waits for a call in progress to return.
 */
typedef void (*indexer_stored_fn)(void *data, struct db *db, const char *repo,
				  const char *commit);
void indexer_listen(struct indexer *ix, indexer_stored_fn fn, void *data);

#endif
