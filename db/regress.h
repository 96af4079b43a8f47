/* SPDX-License-Identifier: GPL-2.0 */
/*
 * regress: the regression table family (regressions, regression_links,
 * regression_signatures, regression_evidence, regression_runs,
 * regression_history) and the configured git trees (git_trees).  Rows are
 * handed to callbacks; their strings are valid only during the call.
 */
#ifndef SPLATD_DB_REGRESS_H
#define SPLATD_DB_REGRESS_H

#include <stdbool.h>

#include "db/db.h"

struct db_regression {
	long long id;
	const char *title;
	const char *introduced; /* NULL when unknown */
	const char *status; /* open workaround fix_known fixed reopened
			     * resolved duplicate */
	const char *resolution; /* reason of a manual resolve, or NULL */
	long long duplicate_of; /* 0: none */
	const char *fix_commit, *fix_repo; /* trusted fix, or NULL */
	long long clean_runs; /* clean runs containing the fix */
	bool scanned; /* the trees were searched for it */
	long long created, updated;
	/* where the clean-run count last started over: the history row
	 * (id) of the status change, 0: never; and the newest run (runs.id)
	 * of its regression_runs recorded before it, 0: none */
	long long clean_runs_reset, clean_runs_reset_upto;
};

struct db_regression_sig {
	long long id;
	const char *hash, *kind, *title;
	const char *classes; /* JSON array as text */
	long long occurrences, first_seen, last_seen;
};

struct db_regression_evidence {
	long long regression_id;
	const char *tree, *branch, *repo;
	bool trusted;
	const char *commit, *subject, *how, *detail;
	long long commit_time, found;
};

struct db_regression_event {
	long long id, ts;
	const char *actor, *action, *old, *new_value, *reason;
};

struct db_regression_run {
	long long run; /* runs.id: in the order the runs came */
	const char *run_id, *commit;
	long long received_at;
	bool seen, counted;
	const char *why;
};

struct db_tree {
	long long id;
	const char *name, *repo, *branch;
	bool trusted;
	const char *last_commit; /* NULL: never synced */
	long long last_sync, commits;
};

typedef int (*db_regression_fn)(void *ctx, const struct db_regression *r);
typedef int (*db_regression_sig_fn)(void *ctx,
				    const struct db_regression_sig *s);
typedef int (*db_regression_evidence_fn)(
	void *ctx, const struct db_regression_evidence *e);
typedef int (*db_regression_event_fn)(void *ctx,
				      const struct db_regression_event *e);
typedef int (*db_regression_run_fn)(void *ctx,
				    const struct db_regression_run *r);
typedef int (*db_text_fn)(void *ctx, const char *text);
typedef int (*db_id_fn)(void *ctx, long long id);
typedef int (*db_tree_fn)(void *ctx, const struct db_tree *t);
typedef int (*db_timeline_fn)(void *ctx, long long ts, const char *run_id,
			      const char *commit, const char *machine);

int db_regression_insert(struct db *db, const char *title,
			 const char *introduced, long long now, long long *id,
			 struct strbuf *err);
/* -ENOENT when absent. */
int db_regression_get(struct db *db, long long id, db_regression_fn fn,
		      void *ctx, struct strbuf *err);
/* status and scanned (-1: any) filter; oldest first. */
int db_regression_list(struct db *db, const char *status, int scanned,
		       int limit, db_regression_fn fn, void *ctx,
		       struct strbuf *err);
/* Write every mutable column of r (by r->id) with updated = now. */
int db_regression_update(struct db *db, const struct db_regression *r,
			 long long now, struct strbuf *err);
int db_regression_set_scanned(struct db *db, long long id, struct strbuf *err);

int db_regression_link_add(struct db *db, long long id, const char *url,
			   struct strbuf *err);
int db_regression_links_clear(struct db *db, long long id, struct strbuf *err);
int db_regression_links(struct db *db, long long id, db_text_fn fn, void *ctx,
			struct strbuf *err);

int db_regression_sig_add(struct db *db, long long id, long long sig,
			  struct strbuf *err);
int db_regression_sigs(struct db *db, long long id, db_regression_sig_fn fn,
		       void *ctx, struct strbuf *err);
/* Regressions (not duplicates) that include signature sig. */
int db_regression_by_sig(struct db *db, long long sig, db_id_fn fn, void *ctx,
			 struct strbuf *err);
/*
 * What an ingested run may count for: db_regression_by_sig() of each of
 * sigs[0..n) into seen(seen_ctx, id), then the ids of the regressions in
 * status into listed(listed_ctx, id), oldest first.  One round trip on
 * PostgreSQL (a batch), the statements in turn on SQLite.
 */
int db_regressions_of_run(struct db *db, const long long *sigs, size_t n,
			  const char *status, db_id_fn seen, void *seen_ctx,
			  db_id_fn listed, void *listed_ctx,
			  struct strbuf *err);

/* *added is false when the same (regression, tree, commit) was known. */
int db_regression_evidence_add(struct db *db,
			       const struct db_regression_evidence *e,
			       bool *added, struct strbuf *err);
int db_regression_evidence(struct db *db, long long id,
			   db_regression_evidence_fn fn, void *ctx,
			   struct strbuf *err);

/* The fix a maintainer expects (a commit or its subject), updated = now. */
int db_regression_set_fix_expected(struct db *db, long long id, const char *fix,
				   long long now, struct strbuf *err);
/* Appended to out; out stays as it was when none is recorded. */
int db_regression_fix_expected(struct db *db, long long id, struct strbuf *out,
			       struct strbuf *err);
int db_regression_history_add(struct db *db, long long id, long long ts,
			      const char *actor, const char *action,
			      const char *old, const char *new_value,
			      const char *reason, struct strbuf *err);
int db_regression_history(struct db *db, long long id,
			  db_regression_event_fn fn, void *ctx,
			  struct strbuf *err);

/*
 * The clean-run count of regression id starts over at its history row
 * event (a status change): clean_runs 0, and the runs recorded for it so
 * far are from before (db_regression.clean_runs_reset*).
 */
int db_regression_count_restart(struct db *db, long long id, long long event,
				struct strbuf *err);
/* How run (rowid) counted for regression id; once per pair. */
int db_regression_run_add(struct db *db, long long id, long long run, bool seen,
			  bool counted, const char *why, struct strbuf *err);
int db_regression_runs(struct db *db, long long id, db_regression_run_fn fn,
		       void *ctx, struct strbuf *err);

/*
 * The first run (rowid, kernel commit) where one of the regression's
 * signatures occurred, and the last clean run before it (no report, lockdep
 * on); commits are appended to the strbufs, left empty when none.
 */
int db_regression_bounds(struct db *db, long long id, struct strbuf *clean,
			 struct strbuf *bad, struct strbuf *err);
/* The stored report texts of the regression's first occurrences. */
int db_regression_report_texts(struct db *db, long long id, db_text_fn fn,
			       void *ctx, struct strbuf *err);
/* The tree (runs.tree) of the first run that reported one of regression
 * id's signatures, into out; out stays empty when no such run names one. */
int db_regression_first_tree(struct db *db, long long id, struct strbuf *out,
			     struct strbuf *err);
/* The kernel release (runs.kernel) of run rowid run, into out; out stays
 * empty when the run has none. */
int db_regression_run_kernel(struct db *db, long long run, struct strbuf *out,
			     struct strbuf *err);
/* Newest occurrences of signature sig with their runs. */
int db_regression_timeline(struct db *db, long long sig, int limit,
			   db_timeline_fn fn, void *ctx, struct strbuf *err);
/* The run's metadata said lockdep=0. */
int db_run_set_lockdep_meta_off(struct db *db, long long run,
				struct strbuf *err);

/* -EEXIST when a tree of that name exists. */
int db_tree_insert(struct db *db, const char *name, const char *repo,
		   const char *branch, bool trusted, struct strbuf *err);
int db_tree_list(struct db *db, db_tree_fn fn, void *ctx, struct strbuf *err);
int db_tree_set_last(struct db *db, const char *name, const char *last,
		     long long now, long long commits, struct strbuf *err);

#endif
