/* SPDX-License-Identifier: GPL-2.0 */
/*
 * import: a KCIDB document's tests as splatd runs (docs/interop.md "KCIDB
 * in").  Checkouts and builds are stored (merged); each test with a
 * log_excerpt is ingested at once, each with an allowed log_url or
 * output file that holds the kernel's log (server/kcidb/logname.c) is
 * queued for the fetcher (server/kcidb/fetcher.c) or, for the command
 * line, fetched at once, all its texts one run; the others are skipped,
 * each with its reason.  The
 * same document twice stores nothing new.
 */
#ifndef SPLATD_KCIDB_IMPORT_H
#define SPLATD_KCIDB_IMPORT_H

#include <jansson.h>
#include <pthread.h>
#include <stdbool.h>

#include "db/db.h"
#include "server/kcidb/document.h"
#include "server/kcidb/fetch.h"
#include "server/triage/ingest.h"

struct regress;

struct kcidb_import_config {
	struct db *db; /* written under write_lock */
	pthread_mutex_t *write_lock; /* NULL: the connection is ours */
	struct regress *regress; /* NULL: no regression tracking */
	const struct ingest_limits *limits;
	const struct kcidb_fetch_config *fetch;
	bool fetch_now; /* fetch log_url tests before returning */
	const atomic_bool *cancel; /* set: stop a fetch (NULL: never) */
	/* called with in after each new run (NULL: none): the metrics */
	void (*stored)(void *arg, const struct ingest *in);
	void *stored_arg;
};

/*
 * Import doc at time now through in (reused).  0 with *reply, a new
 * reference: {"checkouts": N, "builds": N, "runs_completed": N, "tests":
 * [{"id", "run_id", "status", "reason", "reports"}], "warnings": [...]}
 * ("warnings" only when doc has some; docs/api.md) and *created true when
 * something new was stored or queued; -errno with err when the database
 * failed (what was stored before stays: every run is its own transaction).
 */
int kcidb_import(const struct kcidb_import_config *cfg, struct ingest *in,
		 const struct kcidb_doc *doc, long long now, json_t **reply,
		 bool *created, struct strbuf *err);

/*
 * Which queued fetch a worker of several may take (server/kcidb/fetcher.c):
 * skip(ctx, hosts, ids) appends the host keys (db/kcidb.h's host, JSON
 * strings) and the fetch ids (JSON integers) it may not take now, which
 * the scan of the queue passes over in SQL (by the host of a fetch's
 * log_url, the row's); claim(ctx, id, hosts, n) true takes one (no other
 * worker has it, and each of the n hosts its texts are read from, its
 * log_url's first, each once, has room: skip's answer may be old by then
 * and does not look at the other texts), release(ctx, id) gives it back
 * once its outcome is recorded.
 */
struct kcidb_fetch_claim {
	void (*skip)(void *ctx, json_t *hosts, json_t *ids);
	bool (*claim)(void *ctx, long long id, char *const *hosts, size_t n);
	void (*release)(void *ctx, long long id);
	void *ctx;
};

/*
 * Fetch and store the first queued log_url test due at now (oldest first,
 * read KCIDB_FETCH_SCAN at a time, past what cl skips) that cl lets this
 * worker claim, and record its outcome on its row (retried with backoff,
 * given up after cfg->fetch->attempts).  0 with *did true when one was
 * tried, or -errno; the due rows read are added to *rows (may be NULL).
 */
#define KCIDB_FETCH_SCAN 256
int kcidb_fetch_next(const struct kcidb_import_config *cfg, struct ingest *in,
		     long long now, const struct kcidb_fetch_claim *cl,
		     bool *did, unsigned long long *rows, struct strbuf *err);

#endif
