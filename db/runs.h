/* SPDX-License-Identifier: GPL-2.0 */
/* runs: the runs table, one row per ingested CI run (runner's id unique). */
#ifndef SPLATD_DB_RUNS_H
#define SPLATD_DB_RUNS_H

#include <stdbool.h>

#include "db/db.h"

/* A run row; strings are borrowed (from the caller or from SQLite). */
struct db_run {
	long long id; /* rowid */
	const char *run_id; /* the runner's own id */
	const char *tree, *branch, *kernel, *commit, *machine, *test;
	const char *started_at;
	long long received_at; /* unix seconds */
	/* the run's own time, which lists order runs by (db_run_time());
	 * 0 in a row not read from the database */
	long long run_at;
	long long log_size;
	const char *log_sha256;
	long long lockdep_off_after; /* reports before lockdep turned off */
	bool lockdep_off; /* false: lockdep stayed active to the end */
	const char *lockdep_off_reason;
	long long reports;
	/* the runner said lockdep=0; what said lockdep was on: "banner" (the
	 * log printed lockdep's boot banner), "lockdep=1", or NULL: nothing */
	bool lockdep_meta_off;
	const char *lockdep_sign;
	/* the KCIDB test the run was made from (docs/interop.md), or NULL;
	 * written by db_run_insert, not read back by the run queries */
	const char *kcidb_origin, *kcidb_test_id;
};

/* One report of a run as stored, with its signature's current state. */
struct db_run_report {
	long long seq;
	bool is_new;
	long long signature_id;
	const char *hash, *kind, *title, *status;
	long long occurrences, first_seen;
	const char *kernel; /* the release the report printed, or NULL */
};

/* Rows are valid only during the callback; non-zero stops and is returned. */
typedef int (*db_run_fn)(void *ctx, const struct db_run *run);
typedef int (*db_run_report_fn)(void *ctx, const struct db_run_report *r);

/*
 * Find a run by the runner's id: 0 with its rowid, sha256 and stored verdict
 * appended to sha and verdict, or -ENOENT.
 */
int db_run_find(struct db *db, const char *run_id, long long *id,
		struct strbuf *sha, struct strbuf *verdict, struct strbuf *err);
/*
 * Insert run (inside the caller's transaction): -EALREADY, nothing done,
 * when a run with its id is stored (or being stored by a transaction that
 * then commits: this waits for it on PostgreSQL); -EEXIST when another
 * unique key is taken (its KCIDB test id).
 */
int db_run_insert(struct db *db, const struct db_run *run, long long *id,
		  struct strbuf *err);
/* Store run id's verdict, then COMMIT (db_commit_after(): one round trip). */
int db_run_set_verdict_commit(struct db *db, long long id, const char *verdict,
			      struct strbuf *err);
/* One run by the runner's id, or -ENOENT. */
int db_run_get(struct db *db, const char *run_id, db_run_fn fn, void *ctx,
	       struct strbuf *err);
/*
 * A run's own time, which lists order runs by: started_at when it is a time
 * (datetime_parse(), parsers/datetime.h: unix seconds, with a fraction or
 * not, or an ISO 8601 / RFC 3339 date or time: 2026-01-31,
 * 2026-01-31T10:00:00Z, 2026-01-31 10:00:00.5+02:00; no zone is UTC) no
 * later than received_at (a runner's clock ahead of ours
 * does not put its run first for ever) and not before DB_RUN_TIME_MIN,
 * else received_at: a run backfilled or posted late is listed at its time,
 * not at its arrival.
 */
/* 2006-01-01: earlier is a board's clock never set (0, 1970-01-01T00:00:05),
 * not a time: lockdep came with Linux 2.6.18 that September */
#define DB_RUN_TIME_MIN 1136073600LL
long long db_run_time(const char *started_at, long long received_at);
/* The runs by time, newest first, ties by rowid; after the run of time
 * after_at and rowid after_id when after_id > 0 (after_at < 0: the time of
 * the run of that rowid, the cursor of older versions); machine may be
 * NULL. */
int db_run_list(struct db *db, long long after_at, long long after_id,
		const char *machine, int limit, db_run_fn fn, void *ctx,
		struct strbuf *err);
/* The reports of run (rowid) in order. */
int db_run_reports(struct db *db, long long run, db_run_report_fn fn, void *ctx,
		   struct strbuf *err);

#endif
