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

struct indexer;
struct regress_config {
	unsigned fixed_after; /* 0: REGRESS_FIXED_AFTER */
	unsigned window; /* commits on a first sync; 0: gitsync's default */
	/* asked for the missing index of a first bad commit; NULL: none */
	struct indexer *indexer;
	/* --public-url, borrowed: a fix's Closes:/Link: naming splatd's page
	 * of a regression or of its signature under it is evidence; NULL:
	 * none is */
	const char *public_url;
};

struct regress;

struct regress *regress_new(const struct regress_config *cfg);
void regress_free(struct regress *rg);

#define REGRESS_MAX_TITLE 512 /* bytes */
#define REGRESS_MAX_LINKS 32
#define REGRESS_MAX_SIGS 64
#define REGRESS_MAX_REASON 1024 /* bytes */

/* A signature as a caller names it: its 16-digit hash, or its id. */
struct regress_sig_ref {
	const char *hash; /* NULL: by id */
	long long id;
};

/*
 * A regression to create, or the change asked of one, as a front end read
 * it (the REST body, the command line); the strings stay the caller's.
 * The values are checked here: a title of 1..REGRESS_MAX_TITLE bytes (one
 * line of plain UTF-8, utf8_plain()), at
 * most REGRESS_MAX_LINKS links (stored canonical, parsers/links.h; a NULL
 * link is not a string), introduced a commit of 8..40 hex digits or a
 * range A..B, 1..REGRESS_MAX_SIGS known signatures (0.. for a change), a
 * status set by hand to resolved or open with a reason of
 * 1..REGRESS_MAX_REASON bytes, duplicate_of another regression.
 */
struct regress_change {
	const char *title; /* NULL: not given */
	bool set_links; /* replace the links by links[0..nlinks) */
	const char *const *links;
	size_t nlinks;
	bool set_introduced; /* introduced (NULL: not known) */
	const char *introduced;
	const struct regress_sig_ref *sigs; /* signatures added */
	size_t nsigs;
	bool set_status; /* status: a regress_status, -1 for none */
	int status;
	const char *reason; /* of the status change */
	bool set_duplicate_of;
	long long duplicate_of;
};

/*
 * A new regression from c's title, links, introduced and signatures (any
 * other field is -EINVAL): 0 with *id, -EINVAL (a value refused, an
 * unknown signature) or another -errno; runs its own transaction.
 */
int regress_create(struct regress *rg, struct db *db,
		   const struct regress_change *c, const char *actor,
		   long long now, long long *id, struct strbuf *err);
/*
 * Change regression id as c asks: title, links (replaced), introduced,
 * signatures (added), duplicate_of, status resolved (with a reason) or open
 * (starts over).  -ENOENT for an unknown id, -EINVAL for a value refused.
 * Runs its own transaction.
 */
int regress_patch(struct regress *rg, struct db *db, long long id,
		  const struct regress_change *c, const char *actor,
		  long long now, struct strbuf *err);

/*
 * Replies by mail, inside the caller's transaction (one per mail): the
 * regression signature sig belongs to (the oldest that is not a
 * duplicate), or a new one titled title holding sig when it has none
 * (*created; a "create" history line by actor with reason).
 */
int regress_of_signature(struct db *db, long long sig, const char *title,
			 const char *actor, const char *reason, long long now,
			 long long *id, bool *created, struct strbuf *err);

enum regress_note {
	REGRESS_NOTE_INTRODUCED, /* a commit or range A..B (replaces) */
	REGRESS_NOTE_LINK, /* an http(s) URL (added, canonical) */
	REGRESS_NOTE_FIX, /* the fix expected: a commit or its subject */
};

/*
 * Inside the caller's transaction: record on regression id what a
 * maintainer said (what, value), with a history line by actor with
 * reason.  -EINVAL with err when value is refused, -ENOENT for an unknown
 * id.
 */
int regress_note(struct db *db, long long id, enum regress_note what,
		 const char *value, const char *actor, const char *reason,
		 long long now, struct strbuf *err);

/*
 * JSON views (new references in *out); -ENOENT for an unknown id.  They
 * carry no URL: each front end adds its own.
 */
int regress_list_json(struct db *db, const char *status, json_t **out,
		      struct strbuf *err);
int regress_detail_json(struct regress *rg, struct db *db, long long id,
			json_t **out, struct strbuf *err);
int regress_history_json(struct db *db, long long id, json_t **out,
			 struct strbuf *err);
/*
 * For a reader without a token: the server's paths of kernel trees in a
 * regression_detail_json() (fix_repo, suspects_range.repo, the runs' why),
 * or in a run's detail (its regressions' why), written as "tree NAME"
 * (`splatd git tree add NAME`).
 */
int regress_hide_paths(struct db *db, json_t *detail, struct strbuf *err);
/*
 * Every regression, oldest first, as regzbot's regressions.json lists its
 * own (docs/interop.md "regzbot"), without url_regzbot (the front end's).
 * The configured trees are rg's, opened once (regress_contains()'s cache),
 * not once a regression.
 */
int regress_regzbot_json(struct regress *rg, struct db *db, json_t **out,
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
	bool lockdep_meta_on; /* the run's metadata says lockdep=1 */
	bool lockdep_banner; /* the log prints lockdep's boot banner */
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
