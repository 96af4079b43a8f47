/* SPDX-License-Identifier: GPL-2.0 */
/*
 * owners_cache: the owners of a signature in the configured kernel tree
 * (server/triage/owners.h), computed from its newest stored occurrence on
 * first use and kept in the database (db/owners.h) with what they came from:
 * "<kernel commit>|<owners_source_cache_id()>".  When that changes (the
 * newest occurrence came from another kernel commit, the default tree or the
 * routing rule is another one) they are stale and computed again.  The
 * people mailed about the signature (server/triage/recipients.h) are
 * stored with them, in the same transaction.  Writes
 * take write_lock (the writers' lock of the database) around one
 * transaction on db.
 */
#ifndef SPLATD_OWNERS_CACHE_H
#define SPLATD_OWNERS_CACHE_H

#include <pthread.h>

#include "db/db.h"
#include "parsers/strbuf.h"

struct owners_source;

/*
 * The owners of signature id (a JSON array, text) and the tree they were
 * computed in (a JSON object, text) into owners and tree: the cached ones,
 * or computed and stored now.  0, or -errno with err (-EINVAL: the stored
 * occurrence no longer parses).
 */
int owners_cache_get(struct db *db, pthread_mutex_t *write_lock,
		     struct owners_source *src, long long id,
		     struct strbuf *owners, struct strbuf *tree,
		     struct strbuf *err);
/*
 * Compute and store the owners of every open signature that has none or
 * stale ones (a signature whose text does not parse stays without).
 */
int owners_cache_fill(struct db *db, pthread_mutex_t *write_lock,
		      struct owners_source *src, struct strbuf *err);

/* Most signatures one fill looks at (the rest wait for the next). */
#define OWNERS_MISSING_MAX 10000

/* Computed by a budgeted fill whatever the time: a few new signatures
 * are there at once. */
#define OWNERS_FILL_MIN 8

/*
 * The same on a request's path: computing for at most budget_ms
 * milliseconds (but OWNERS_FILL_MIN at least); *pending is how many are
 * left without (or with stale) owners, for the background filler.
 */
int owners_cache_fill_some(struct db *db, pthread_mutex_t *write_lock,
			   struct owners_source *src, long long budget_ms,
			   long long *pending, struct strbuf *err);

/*
 * The background filler: a thread on a connection of its own to db_path
 * that runs owners_cache_fill() each time it is kicked (a read found owners
 * missing), so that no read pays for thousands of them after a burst of new
 * signatures.  Stop interrupts a fill between two signatures.  Every
 * function takes a NULL filler and then does nothing.
 */
struct owners_filler;
int owners_filler_start(struct owners_filler **out, const char *db_path,
			pthread_mutex_t *write_lock, struct owners_source *src,
			struct strbuf *err);
void owners_filler_kick(struct owners_filler *f);
void owners_filler_stop(struct owners_filler *f);

#endif
