/* SPDX-License-Identifier: GPL-2.0 */
/*
 * regress: regressions tracked until really fixed (docs/regressions.md).
 *
 * States: open -> workaround (fix evidence only on untrusted trees) or
 * fix_known (evidence on a trusted tree) -> fixed (fixed_after clean runs on
 * kernels that contain the fix, lockdep active) -> reopened (seen again on a
 * kernel that contains the fix).  resolved and duplicate are set by hand.
 * Every change is appended to the regression's history with its actor.
 *
 * A struct regress lives as long as the process (serve, or one command) and
 * holds the configuration and one containment cache per repository; it is
 * safe to share between threads.  Database calls run on the caller's
 * connection; the caller serializes writers.
 */
#ifndef SPLATD_REGRESS_H
#define SPLATD_REGRESS_H

#include <jansson.h>
#include <stdbool.h>

#include "db/db.h"
#include "parsers/strbuf.h"
#include "server/triage/regress_status.h"

#define REGRESS_FIXED_AFTER 3 /* clean runs containing the fix */

struct regress_config {
	unsigned fixed_after; /* 0: REGRESS_FIXED_AFTER */
	unsigned window; /* commits on a first sync; 0: gitsync's default */
};

struct regress;

struct regress *regress_new(const struct regress_config *cfg);
void regress_free(struct regress *rg);

/*
 * POST body {"title", "signatures": [hash or id, ...], "links": [...],
 * "introduced": "sha" | "A..B"}: 0 with *id, -EINVAL (bad body, unknown
 * signature) or another -errno; runs its own transaction.
 */
int regress_create(struct regress *rg, struct db *db, json_t *body,
		   const char *actor, long long now, long long *id,
		   struct strbuf *err);
/*
 * PATCH body: "title", "links" (replace), "introduced" (string or null),
 * "signatures" (added), "status": "resolved" | "open" with "reason",
 * "duplicate_of": id.  Runs its own transaction.
 */
int regress_patch(struct regress *rg, struct db *db, long long id, json_t *body,
		  const char *actor, long long now, struct strbuf *err);

/* JSON views (new references in *out); -ENOENT for an unknown id. */
int regress_list_json(struct db *db, const char *status, json_t **out,
		      struct strbuf *err);
int regress_detail_json(struct regress *rg, struct db *db, long long id,
			json_t **out, struct strbuf *err);
int regress_history_json(struct db *db, long long id, json_t **out,
			 struct strbuf *err);

/* Register a tree after checking that repo and branch resolve. */
int regress_tree_add(struct db *db, const char *name, const char *repo,
		     const char *branch, bool trusted, struct strbuf *err);
int regress_tree_list_json(struct db *db, json_t **out, struct strbuf *err);

/*
 * Sync every configured tree: read new commits, store fix evidence, move
 * statuses.  *out (may be NULL) describes what was read and found.
 */
int regress_sync(struct regress *rg, struct db *db, long long now, json_t **out,
		 struct strbuf *err);

/*
 * serve: sync every interval seconds on a thread with its own connection to
 * db_path (errors go to stderr); stopped by regress_free().  0 or -errno.
 */
int regress_sync_start(struct regress *rg, const char *db_path,
		       unsigned interval, struct strbuf *err);

/* One ingested run as the regression tracker needs it. */
struct regress_run {
	long long run; /* runs rowid */
	const char *run_id;
	const char *commit; /* kernel commit, or NULL */
	bool lockdep_off; /* the log says lockdep turned itself off */
	bool lockdep_meta_off; /* the run's metadata says lockdep=0 */
	long long reports; /* lockdep reports in the log */
};

/*
 * Inside the ingest transaction: count the run for or against every
 * regression it concerns and annotate verdict (its "reports"[i] carry
 * "signature_id"): each report of a tracked signature gets "regression"
 * {id, status, reopened, url}, and verdict gets "regressions" [{id, status,
 * seen, counted, why, reopened}].
 */
int regress_run_apply(struct regress *rg, struct db *db,
		      const struct regress_run *run, json_t *verdict,
		      long long now, struct strbuf *err);

#endif
