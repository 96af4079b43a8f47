// SPDX-License-Identifier: GPL-2.0
/* dashboard: the dashboard's counts in SQL (db/dashboard.h). */
#include "db/dashboard.h"

#include <errno.h>

struct rows {
	void *fn;
	void *ctx;
};

static int cell_row(void *ctx, struct db_stmt *st)
{
	struct rows *r = ctx;

	return ((db_dash_cell_fn)r->fn)(r->ctx, db_col_text(st, 0),
					db_col_text(st, 1), db_col_text(st, 2),
					db_col_text(st, 3), db_col_int(st, 4));
}

int db_dash_histogram(struct db *db, long long id, long long since,
		      db_dash_cell_fn fn, void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_DASH_HISTOGRAM, err);
	struct rows r = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, since);
	return db_each(db, st, cell_row, &r, "reading a histogram", err);
}

static int count_row(void *ctx, struct db_stmt *st)
{
	struct rows *r = ctx;

	return ((db_dash_count_fn)r->fn)(r->ctx, db_col_text(st, 0),
					 db_col_text(st, 1), db_col_int(st, 2));
}

int db_dash_counts(struct db *db, long long week, db_dash_count_fn fn,
		   void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_DASH_COUNTS, err);
	struct rows r = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, week);
	return db_each(db, st, count_row, &r, "counting signatures", err);
}

/* A pair of integers (a day or a signature id, and a count). */
static int day_row(void *ctx, struct db_stmt *st)
{
	struct rows *r = ctx;

	return ((db_dash_day_fn)r->fn)(r->ctx, db_col_int(st, 0),
				       db_col_int(st, 1));
}

/* Statement id on [from, to), a pair of integers a row. */
static int count_range(struct db *db, enum db_sql id, long long from,
		       long long to, db_dash_day_fn fn, void *ctx,
		       struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, id, err);
	struct rows r = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, from);
	db_bind_int(st, 2, to);
	return db_each(db, st, day_row, &r, "counting occurrences", err);
}

int db_dash_per_day(struct db *db, long long from, long long to,
		    db_dash_day_fn fn, void *ctx, struct strbuf *err)
{
	return count_range(db, DB_SQL_DASH_PER_DAY, from, to, fn, ctx, err);
}

static int top_row(void *ctx, struct db_stmt *st)
{
	struct rows *r = ctx;

	return ((db_dash_top_fn)r->fn)(r->ctx, db_col_int(st, 0),
				       db_col_text(st, 1), db_col_text(st, 2),
				       db_col_text(st, 3), db_col_text(st, 4),
				       db_col_int(st, 5));
}

int db_dash_top(struct db *db, const char *ids, db_dash_top_fn fn, void *ctx,
		struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_DASH_TOP, err);
	struct rows r = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_text(st, 1, ids);
	return db_each(db, st, top_row, &r, "reading top signatures", err);
}

static int runs_after_row(void *ctx, struct db_stmt *st)
{
	long long *out = ctx;

	if (db_col_null(st, 0))
		return 0;
	out[0] = db_col_int(st, 0);
	out[1] = db_col_int(st, 1);
	return 0;
}

int db_dash_runs_after(struct db *db, long long after, long long *newest,
		       long long *earliest, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_DASH_RUNS_AFTER, err);
	long long out[2] = { 0, 0 };
	int ret;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, after);
	ret = db_each(db, st, runs_after_row, out, "reading the new runs", err);
	*newest = out[0];
	*earliest = out[1];
	return ret;
}

int db_dash_sig_counts(struct db *db, long long from, long long to,
		       db_dash_sig_fn fn, void *ctx, struct strbuf *err)
{
	/* db_dash_sig_fn is the same function type as db_dash_day_fn */
	return count_range(db, DB_SQL_DASH_SIG_COUNTS, from, to, fn, ctx, err);
}

static int stats_row(void *ctx, struct db_stmt *st)
{
	struct rows *r = ctx;

	return ((db_dash_stats_fn)r->fn)(r->ctx, db_col_int(st, 0),
					 db_col_int(st, 1), db_col_int(st, 2),
					 db_col_text(st, 3),
					 db_col_text(st, 4));
}

int db_dash_stats(struct db *db, const char *ids, long long since,
		  db_dash_stats_fn fn, void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_DASH_STATS, err);
	struct rows r = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_text(st, 1, ids);
	db_bind_int(st, 2, since);
	return db_each(db, st, stats_row, &r, "reading signature counts", err);
}

static int tree_run_row(void *ctx, struct db_stmt *st)
{
	struct rows *r = ctx;
	struct db_dash_tree_run t = {
		.tree = db_col_text(st, 0),
		.occurrences = db_col_int(st, 1),
		.run_id = db_col_text(st, 2),
		.run_at = db_col_int(st, 3),
		.commit = db_col_text(st, 4),
		.kernel = db_col_text(st, 5),
		.machine = db_col_text(st, 6),
		.first = db_col_int(st, 7) != 0,
		.last = db_col_int(st, 8) != 0,
	};

	return ((db_dash_tree_run_fn)r->fn)(r->ctx, &t);
}

int db_dash_tree_spans(struct db *db, long long id, db_dash_tree_run_fn fn,
		       void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_DASH_TREE_SPANS, err);
	struct rows r = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return db_each(db, st, tree_run_row, &r, "reading a signature's trees",
		       err);
}

static int dup_row(void *ctx, struct db_stmt *st)
{
	struct rows *r = ctx;

	return ((db_dash_dup_fn)r->fn)(r->ctx, db_col_int(st, 0),
				       db_col_text(st, 1), db_col_text(st, 2));
}

int db_dash_duplicates(struct db *db, long long id, db_dash_dup_fn fn,
		       void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_DASH_DUPLICATES, err);
	struct rows r = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return db_each(db, st, dup_row, &r, "listing duplicates", err);
}

static int trend_row(void *ctx, struct db_stmt *st)
{
	struct rows *r = ctx;

	return ((db_dash_trend_fn)r->fn)(r->ctx, db_col_text(st, 0),
					 db_col_int(st, 1), db_col_int(st, 2),
					 db_col_int(st, 3));
}

int db_dash_section_trend(struct db *db, long long since, long long until,
			  const char *section, db_dash_trend_fn fn, void *ctx,
			  struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_DASH_SECTION_TREND, err);
	struct rows r = { (void *)fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, since);
	db_bind_int(st, 2, until);
	db_bind_text(st, 3, section);
	return db_each(db, st, trend_row, &r, "counting subsystem weeks", err);
}

static int run_regression_row(void *ctx, struct db_stmt *st)
{
	struct rows *r = ctx;
	struct db_dash_run_regression g = {
		.id = db_col_int(st, 0),
		.title = db_col_text(st, 1),
		.status = db_col_text(st, 2),
		.seen = db_col_int(st, 3) != 0,
		.counted = db_col_int(st, 4) != 0,
		.why = db_col_text(st, 5),
		.reopened = db_col_int(st, 6) != 0,
	};

	return ((db_dash_run_regression_fn)r->fn)(r->ctx, &g);
}

int db_dash_run_regressions(struct db *db, long long run, const char *run_id,
			    db_dash_run_regression_fn fn, void *ctx,
			    struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_DASH_RUN_REGRESSIONS, err);
	struct rows r = { (void *)fn, ctx };
	struct strbuf prefix = STRBUF_INIT;
	int ret;

	if (!st)
		return -EIO;
	strbuf_addf(&prefix, "run %s:", run_id);
	db_bind_int(st, 1, run);
	db_bind_text(st, 2, prefix.buf);
	ret = db_each(db, st, run_regression_row, &r,
		      "listing a run's regressions", err);
	strbuf_release(&prefix);
	return ret;
}
