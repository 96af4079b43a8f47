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

#endif
