// SPDX-License-Identifier: GPL-2.0
/* runs: store and read CI runs (the runs table). */
#include "db/runs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

int db_run_find(struct db *db, const char *run_id, long long *id,
		struct strbuf *sha, struct strbuf *verdict, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_RUN_FIND, err);
	int rc;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, run_id);
	rc = db_step(st);
	if (rc == DB_DONE) {
		db_reset(st);
		return -ENOENT;
	}
	if (rc != DB_ROW)
		return db_fail(db, "finding run", err);
	*id = db_col_int(st, 0);
	strbuf_addstr(sha, db_col_text(st, 1));
	strbuf_addstr(verdict, db_col_text(st, 2));
	db_reset(st);
	return 0;
}

int db_run_insert(struct db *db, const struct db_run *run, long long *id,
		  struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_RUN_INSERT, err);
	int ret;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, run->run_id);
	db_bind_text(st, 2, run->tree);
	db_bind_text(st, 3, run->branch);
	db_bind_text(st, 4, run->kernel);
	db_bind_text(st, 5, run->commit);
	db_bind_text(st, 6, run->machine);
	db_bind_text(st, 7, run->test);
	db_bind_text(st, 8, run->started_at);
	db_bind_int(st, 9, run->received_at);
	db_bind_int(st, 10, run->log_size);
	db_bind_text(st, 11, run->log_sha256);
	db_bind_int_or_null(st, 12, run->lockdep_off_after, !run->lockdep_off);
	db_bind_text(st, 13, run->lockdep_off ? run->lockdep_off_reason : NULL);
	db_bind_int(st, 14, run->reports);
	db_bind_text(st, 15, run->kcidb_origin);
	db_bind_text(st, 16, run->kcidb_test_id);
	db_bind_int(st, 17, run->lockdep_meta_off);
	db_bind_text(st, 18, run->lockdep_sign);
	db_bind_int(st, 19, db_run_time(run->started_at, run->received_at));
	/* RETURNING id: the row comes at the first step (none when the id
	 * is stored: nothing done); then finish it */
	switch (db_step(st)) {
	case DB_ROW:
		*id = db_col_int(st, 0);
		ret = db_step(st) == DB_DONE ? 0 :
					       db_fail(db, "storing run", err);
		break;
	case DB_DONE:
		strbuf_addf(err, "run '%s' is stored", run->run_id);
		ret = -EALREADY;
		break;
	default:
		ret = db_fail(db, "storing run", err);
	}
	db_reset(st);
	return ret;
}

int db_run_set_verdict_commit(struct db *db, long long id, const char *verdict,
			      struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_RUN_SET_VERDICT, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, verdict);
	return db_commit_after(db, st, "storing verdict", err);
}

static void run_from_row(struct db_run *r, struct db_stmt *st)
{
	r->id = db_col_int(st, 0);
	r->run_id = db_col_text(st, 1);
	r->tree = db_col_text(st, 2);
	r->branch = db_col_text(st, 3);
	r->kernel = db_col_text(st, 4);
	r->commit = db_col_text(st, 5);
	r->machine = db_col_text(st, 6);
	r->test = db_col_text(st, 7);
	r->started_at = db_col_text(st, 8);
	r->received_at = db_col_int(st, 9);
	r->log_size = db_col_int(st, 10);
	r->log_sha256 = db_col_text(st, 11);
	r->lockdep_off = !db_col_null(st, 12);
	r->lockdep_off_after = db_col_int(st, 12);
	r->lockdep_off_reason = db_col_text(st, 13);
	r->reports = db_col_int(st, 14);
	r->lockdep_meta_off = db_col_int(st, 15) != 0;
	r->lockdep_sign = db_col_text(st, 16);
	r->run_at = db_col_int(st, 17);
}

struct run_rows {
	db_run_fn fn;
	void *ctx;
	int rows;
};

static int run_row(void *ctx, struct db_stmt *st)
{
	struct run_rows *c = ctx;
	struct db_run r;

	run_from_row(&r, st);
	c->rows++;
	return c->fn(c->ctx, &r);
}

/* Step st to the end, calling fn per run; -ENOENT when there was none and
 * want_one is set. */
static int each_run(struct db *db, struct db_stmt *st, bool want_one,
		    db_run_fn fn, void *ctx, struct strbuf *err)
{
	struct run_rows c = { fn, ctx, 0 };
	int ret = db_each(db, st, run_row, &c, "reading runs", err);

	if (!ret && want_one && !c.rows)
		ret = -ENOENT;
	return ret;
}

int db_run_get(struct db *db, const char *run_id, db_run_fn fn, void *ctx,
	       struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_RUN_GET, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, run_id);
	return each_run(db, st, true, fn, ctx, err);
}

int db_run_list(struct db *db, long long after_at, long long after_id,
		const char *machine, int limit, db_run_fn fn, void *ctx,
		struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_RUN_LIST, err);

	if (!st)
		return -EIO;
	db_bind_int_or_null(st, 1, after_at, after_at < 0);
	db_bind_text(st, 2, machine);
	db_bind_int(st, 3, limit);
	db_bind_int_or_null(st, 4, after_id, after_id <= 0);
	return each_run(db, st, false, fn, ctx, err);
}

struct run_reports_rows {
	db_run_report_fn fn;
	void *ctx;
};

static int run_reports_row(void *ctx, struct db_stmt *st)
{
	struct run_reports_rows *c = ctx;
	struct db_run_report r;

	r.seq = db_col_int(st, 0);
	r.is_new = (int)db_col_int(st, 1);
	r.signature_id = db_col_int(st, 2);
	r.hash = db_col_text(st, 3);
	r.kind = db_col_text(st, 4);
	r.title = db_col_text(st, 5);
	r.occurrences = db_col_int(st, 6);
	r.first_seen = db_col_int(st, 7);
	r.status = db_col_text(st, 8);
	r.kernel = db_col_text(st, 9);
	return c->fn(c->ctx, &r);
}

int db_run_reports(struct db *db, long long run, db_run_report_fn fn, void *ctx,
		   struct strbuf *err)
{
	struct run_reports_rows c = { fn, ctx };
	struct db_stmt *st = db_stmt(db, DB_SQL_RUN_REPORTS, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, run);
	return db_each(db, st, run_reports_row, &c, "reading reports", err);
}
