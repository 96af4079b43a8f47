/* SPDX-License-Identifier: GPL-2.0 */
/* dashboard: the read-only counts the dashboard's pages show (histograms,
 * overview statistics); every statement is in db/sql.c's dashboard block. */
#ifndef SPLATD_DB_DASHBOARD_H
#define SPLATD_DB_DASHBOARD_H

#include <stdbool.h>

#include "db/db.h"

/* One histogram cell: occurrences on day (YYYY-MM-DD, UTC) of kernel on
 * tree in test (each NULL when the run did not say). */
typedef int (*db_dash_cell_fn)(void *ctx, const char *day, const char *kernel,
			       const char *tree, const char *test, long long n);
/* One signature merged into another. */
typedef int (*db_dash_dup_fn)(void *ctx, long long id, const char *hash,
			      const char *title);
/* One overview count: what is "kind", "status", "regressions" (key the
 * value counted), "new_week" or "escalated" (key ""). */
typedef int (*db_dash_count_fn)(void *ctx, const char *what, const char *key,
				long long n);
/* One day of all occurrences: day is days since 1970-01-01 (UTC). */
typedef int (*db_dash_day_fn)(void *ctx, long long day, long long n);
/* One signature's count of occurrences. */
typedef int (*db_dash_sig_fn)(void *ctx, long long id, long long n);
/* One signature of a given list: rank is its index in the list. */
typedef int (*db_dash_top_fn)(void *ctx, long long id, const char *hash,
			      const char *kind, const char *title,
			      const char *status, long long rank);

/* The list columns of one signature: occurrences since a time, distinct
 * machines, the kernel of its newest occurrence and its best ranked
 * specific MAINTAINERS section (NULL when not computed yet). */
typedef int (*db_dash_stats_fn)(void *ctx, long long id, long long recent,
				long long machines, const char *last_kernel,
				const char *section);

/* Occurrences of signature id (merged duplicates counted on their target)
 * with ts >= since, by day, kernel, tree and test, oldest day first. */
int db_dash_histogram(struct db *db, long long id, long long since,
		      db_dash_cell_fn fn, void *ctx, struct strbuf *err);
/* Open signatures (not duplicates, not invalid) by kind and status, those
 * first seen since week, escalated ones, regressions by status. */
int db_dash_counts(struct db *db, long long week, db_dash_count_fn fn,
		   void *ctx, struct strbuf *err);
/* All occurrences of the runs of time from <= run_at < to by day (of
 * run_at), oldest first. */
int db_dash_per_day(struct db *db, long long from, long long to,
		    db_dash_day_fn fn, void *ctx, struct strbuf *err);
/* The signatures in ids, a JSON array of ids, in its order (absent ids
 * skipped). */
int db_dash_top(struct db *db, const char *ids, db_dash_top_fn fn, void *ctx,
		struct strbuf *err);
/* One MAINTAINERS section's week: its open signatures seen that week and
 * their occurrences. */
typedef int (*db_dash_trend_fn)(void *ctx, const char *section, long long week,
				long long signatures, long long occurrences);
/* Open signatures and occurrences per section (all when section is NULL)
 * and week from since (week 0: since to since + 7 days) up to until. */
int db_dash_section_trend(struct db *db, long long since, long long until,
			  const char *section, db_dash_trend_fn fn, void *ctx,
			  struct strbuf *err);
/* The runs stored after run after (a runs.id): *newest the newest id
 * (0: none), *earliest the earliest of their times (runs.run_at). */
int db_dash_runs_after(struct db *db, long long after, long long *newest,
		       long long *earliest, struct strbuf *err);
/* Occurrences of the runs of time from <= run_at < to per signature, by
 * signature id (docs/dashboard.md "First seen, last seen"). */
int db_dash_sig_counts(struct db *db, long long from, long long to,
		       db_dash_sig_fn fn, void *ctx, struct strbuf *err);

/* The list columns of the signatures in ids, a JSON array of ids. */
int db_dash_stats(struct db *db, const char *ids, long long since,
		  db_dash_stats_fn fn, void *ctx, struct strbuf *err);

/* A regression a run counted for (a clean run) or against (seen), and
 * whether the run reopened it. */
struct db_dash_run_regression {
	long long id;
	const char *title, *status, *why;
	bool seen, counted, reopened;
};
typedef int (*db_dash_run_regression_fn)(
	void *ctx, const struct db_dash_run_regression *r);
/* The regressions of run (its row id; run_id its CI id). */
int db_dash_run_regressions(struct db *db, long long run, const char *run_id,
			    db_dash_run_regression_fn fn, void *ctx,
			    struct strbuf *err);

/* A tree's first or last run of a signature (both: its one run). */
struct db_dash_tree_run {
	const char *tree; /* NULL: runs that did not say */
	long long occurrences; /* the signature's, on that tree */
	const char *run_id, *commit, *kernel, *machine;
	long long run_at; /* the run's time (runs.run_at) */
	bool first, last;
};
typedef int (*db_dash_tree_run_fn)(void *ctx, const struct db_dash_tree_run *r);
/* Signature id's first and last runs on each tree it was seen on (the
 * first 100 trees), the trees with the most occurrences first, each
 * tree's first run before its last. */
int db_dash_tree_spans(struct db *db, long long id, db_dash_tree_run_fn fn,
		       void *ctx, struct strbuf *err);

/* The signatures merged into id (the first 1000). */
int db_dash_duplicates(struct db *db, long long id, db_dash_dup_fn fn,
		       void *ctx, struct strbuf *err);

#endif
