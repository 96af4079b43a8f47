// SPDX-License-Identifier: GPL-2.0
/* regress: regressions, their links, evidence, runs, history; git trees. */
#include "db/regress.h"

#include <errno.h>

/* Step st to the end (reset after); -EIO with what in err on failure. */
static int step_done(struct db *db, sqlite3_stmt *st, const char *what,
		     struct strbuf *err)
{
	int ret = 0;

	if (sqlite3_step(st) != SQLITE_DONE)
		ret = db_fail(db, what, err);
	sqlite3_reset(st);
	return ret;
}

int db_regression_insert(struct db *db, const char *title,
			 const char *introduced, long long now, long long *id,
			 struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_INSERT, err);
	int ret;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, title);
	db_bind_text(st, 2, introduced);
	db_bind_int(st, 3, now);
	ret = step_done(db, st, "storing regression", err);
	if (!ret)
		*id = sqlite3_last_insert_rowid(db->sq);
	return ret;
}

static int each_regression(struct db *db, sqlite3_stmt *st, bool want_one,
			   db_regression_fn fn, void *ctx, struct strbuf *err)
{
	struct db_regression r;
	int rc, ret = 0, rows = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.id = sqlite3_column_int64(st, 0);
		r.title = db_col_text(st, 1);
		r.introduced = db_col_text(st, 2);
		r.status = db_col_text(st, 3);
		r.resolution = db_col_text(st, 4);
		r.duplicate_of = sqlite3_column_int64(st, 5);
		r.fix_commit = db_col_text(st, 6);
		r.fix_repo = db_col_text(st, 7);
		r.clean_runs = sqlite3_column_int64(st, 8);
		r.scanned = sqlite3_column_int(st, 9);
		r.created = sqlite3_column_int64(st, 10);
		r.updated = sqlite3_column_int64(st, 11);
		rows++;
		ret = fn(ctx, &r);
		if (ret)
			break;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = db_fail(db, "reading regressions", err);
	sqlite3_reset(st);
	if (!ret && want_one && !rows) {
		strbuf_addstr(err, "no such regression");
		ret = -ENOENT;
	}
	return ret;
}

int db_regression_get(struct db *db, long long id, db_regression_fn fn,
		      void *ctx, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_GET, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return each_regression(db, st, true, fn, ctx, err);
}

int db_regression_list(struct db *db, const char *status, int scanned,
		       int limit, db_regression_fn fn, void *ctx,
		       struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_LIST, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, status);
	db_bind_int_or_null(st, 2, scanned, scanned < 0);
	db_bind_int(st, 3, limit);
	return each_regression(db, st, false, fn, ctx, err);
}

int db_regression_update(struct db *db, const struct db_regression *r,
			 long long now, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_UPDATE, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, r->id);
	db_bind_text(st, 2, r->title);
	db_bind_text(st, 3, r->introduced);
	db_bind_text(st, 4, r->status);
	db_bind_text(st, 5, r->resolution);
	db_bind_int_or_null(st, 6, r->duplicate_of, !r->duplicate_of);
	db_bind_text(st, 7, r->fix_commit);
	db_bind_text(st, 8, r->fix_repo);
	db_bind_int(st, 9, r->clean_runs);
	db_bind_int(st, 10, r->scanned);
	db_bind_int(st, 11, now);
	return step_done(db, st, "updating regression", err);
}

int db_regression_set_scanned(struct db *db, long long id, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_SET_SCANNED, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return step_done(db, st, "updating regression", err);
}

/* Insert (id, value) with one of the two-column statements. */
static int add_pair(struct db *db, enum db_sql which, long long id,
		    const char *text, long long value, const char *what,
		    struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, which, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	if (text)
		db_bind_text(st, 2, text);
	else
		db_bind_int(st, 2, value);
	return step_done(db, st, what, err);
}

int db_regression_link_add(struct db *db, long long id, const char *url,
			   struct strbuf *err)
{
	return add_pair(db, DB_SQL_REG_LINK_ADD, id, url, 0, "storing link",
			err);
}

int db_regression_links_clear(struct db *db, long long id, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_LINK_CLEAR, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return step_done(db, st, "clearing links", err);
}

/* Call fn with column 0 of every row as text. */
static int each_text(struct db *db, sqlite3_stmt *st, db_text_fn fn, void *ctx,
		     const char *what, struct strbuf *err)
{
	int rc, ret = 0;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *s = db_col_text(st, 0);

		ret = fn(ctx, s ? s : "");
		if (ret)
			break;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = db_fail(db, what, err);
	sqlite3_reset(st);
	return ret;
}

int db_regression_links(struct db *db, long long id, db_text_fn fn, void *ctx,
			struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_LINKS, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return each_text(db, st, fn, ctx, "reading links", err);
}

int db_regression_sig_add(struct db *db, long long id, long long sig,
			  struct strbuf *err)
{
	return add_pair(db, DB_SQL_REG_SIG_ADD, id, NULL, sig,
			"linking signature", err);
}

int db_regression_sigs(struct db *db, long long id, db_regression_sig_fn fn,
		       void *ctx, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_SIGS, err);
	struct db_regression_sig s;
	int rc, ret = 0;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		s.id = sqlite3_column_int64(st, 0);
		s.hash = db_col_text(st, 1);
		s.kind = db_col_text(st, 2);
		s.title = db_col_text(st, 3);
		s.classes = db_col_text(st, 4);
		s.occurrences = sqlite3_column_int64(st, 5);
		s.first_seen = sqlite3_column_int64(st, 6);
		s.last_seen = sqlite3_column_int64(st, 7);
		ret = fn(ctx, &s);
		if (ret)
			break;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = db_fail(db, "reading regression signatures", err);
	sqlite3_reset(st);
	return ret;
}

int db_regression_by_sig(struct db *db, long long sig, db_id_fn fn, void *ctx,
			 struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_BY_SIG, err);
	int rc, ret = 0;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ret = fn(ctx, sqlite3_column_int64(st, 0));
		if (ret)
			break;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = db_fail(db, "reading regressions", err);
	sqlite3_reset(st);
	return ret;
}

int db_regression_evidence_add(struct db *db,
			       const struct db_regression_evidence *e,
			       bool *added, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_EVIDENCE_ADD, err);
	int ret;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, e->regression_id);
	db_bind_text(st, 2, e->tree);
	db_bind_text(st, 3, e->branch);
	db_bind_text(st, 4, e->repo);
	db_bind_int(st, 5, e->trusted);
	db_bind_text(st, 6, e->commit);
	db_bind_text(st, 7, e->subject);
	db_bind_text(st, 8, e->how);
	db_bind_text(st, 9, e->detail);
	db_bind_int(st, 10, e->commit_time);
	db_bind_int(st, 11, e->found);
	ret = step_done(db, st, "storing evidence", err);
	*added = !ret && sqlite3_changes(db->sq) > 0;
	return ret;
}

int db_regression_evidence(struct db *db, long long id,
			   db_regression_evidence_fn fn, void *ctx,
			   struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_EVIDENCE, err);
	struct db_regression_evidence e;
	int rc, ret = 0;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	e.regression_id = id;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		e.tree = db_col_text(st, 0);
		e.branch = db_col_text(st, 1);
		e.repo = db_col_text(st, 2);
		e.trusted = sqlite3_column_int(st, 3);
		e.commit = db_col_text(st, 4);
		e.subject = db_col_text(st, 5);
		e.how = db_col_text(st, 6);
		e.detail = db_col_text(st, 7);
		e.commit_time = sqlite3_column_int64(st, 8);
		e.found = sqlite3_column_int64(st, 9);
		ret = fn(ctx, &e);
		if (ret)
			break;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = db_fail(db, "reading evidence", err);
	sqlite3_reset(st);
	return ret;
}

int db_regression_history_add(struct db *db, long long id, long long ts,
			      const char *actor, const char *action,
			      const char *old, const char *new_value,
			      const char *reason, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_HISTORY_ADD, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, ts);
	db_bind_text(st, 3, actor);
	db_bind_text(st, 4, action);
	db_bind_text(st, 5, old);
	db_bind_text(st, 6, new_value);
	db_bind_text(st, 7, reason);
	return step_done(db, st, "storing history", err);
}

int db_regression_history(struct db *db, long long id,
			  db_regression_event_fn fn, void *ctx,
			  struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_HISTORY, err);
	struct db_regression_event e;
	int rc, ret = 0;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		e.id = sqlite3_column_int64(st, 0);
		e.ts = sqlite3_column_int64(st, 1);
		e.actor = db_col_text(st, 2);
		e.action = db_col_text(st, 3);
		e.old = db_col_text(st, 4);
		e.new_value = db_col_text(st, 5);
		e.reason = db_col_text(st, 6);
		ret = fn(ctx, &e);
		if (ret)
			break;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = db_fail(db, "reading history", err);
	sqlite3_reset(st);
	return ret;
}

int db_regression_run_add(struct db *db, long long id, long long run, bool seen,
			  bool counted, const char *why, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_RUN_ADD, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, run);
	db_bind_int(st, 3, seen);
	db_bind_int(st, 4, counted);
	db_bind_text(st, 5, why);
	return step_done(db, st, "storing regression run", err);
}

int db_regression_runs(struct db *db, long long id, db_regression_run_fn fn,
		       void *ctx, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_RUNS, err);
	struct db_regression_run r;
	int rc, ret = 0;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r.run_id = db_col_text(st, 0);
		r.commit = db_col_text(st, 1);
		r.received_at = sqlite3_column_int64(st, 2);
		r.seen = sqlite3_column_int(st, 3);
		r.counted = sqlite3_column_int(st, 4);
		r.why = db_col_text(st, 5);
		ret = fn(ctx, &r);
		if (ret)
			break;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = db_fail(db, "reading regression runs", err);
	sqlite3_reset(st);
	return ret;
}

int db_regression_bounds(struct db *db, long long id, struct strbuf *clean,
			 struct strbuf *bad, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_FIRST_BAD, err);
	long long bad_run = 0;
	int rc;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		bad_run = sqlite3_column_int64(st, 0);
		strbuf_addstr(bad, db_col_text(st, 1));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, "reading runs", err);
	if (!bad_run)
		return 0;
	st = db_stmt(db, DB_SQL_REG_LAST_CLEAN, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, bad_run);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		strbuf_addstr(clean, db_col_text(st, 0));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, "reading runs", err);
	return 0;
}

int db_regression_report_texts(struct db *db, long long id, db_text_fn fn,
			       void *ctx, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_REPORT_TEXT, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return each_text(db, st, fn, ctx, "reading occurrences", err);
}

int db_regression_timeline(struct db *db, long long sig, int limit,
			   db_timeline_fn fn, void *ctx, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_REG_TIMELINE, err);
	int rc, ret = 0;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	db_bind_int(st, 2, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ret = fn(ctx, sqlite3_column_int64(st, 0), db_col_text(st, 1),
			 db_col_text(st, 2), db_col_text(st, 3));
		if (ret)
			break;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = db_fail(db, "reading occurrences", err);
	sqlite3_reset(st);
	return ret;
}

int db_run_set_lockdep_meta_off(struct db *db, long long run,
				struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_RUN_SET_LOCKDEP_META, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, run);
	return step_done(db, st, "updating run", err);
}

int db_tree_insert(struct db *db, const char *name, const char *repo,
		   const char *branch, bool trusted, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_TREE_INSERT, err);
	int ret = 0;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, repo);
	db_bind_text(st, 3, branch);
	db_bind_int(st, 4, trusted);
	if (sqlite3_step(st) != SQLITE_DONE) {
		if (sqlite3_errcode(db->sq) == SQLITE_CONSTRAINT) {
			strbuf_addf(err, "a tree named '%s' exists", name);
			ret = -EEXIST;
		} else {
			ret = db_fail(db, "storing tree", err);
		}
	}
	sqlite3_reset(st);
	return ret;
}

int db_tree_list(struct db *db, db_tree_fn fn, void *ctx, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_TREE_LIST, err);
	struct db_tree t;
	int rc, ret = 0;

	if (!st)
		return -EIO;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		t.id = sqlite3_column_int64(st, 0);
		t.name = db_col_text(st, 1);
		t.repo = db_col_text(st, 2);
		t.branch = db_col_text(st, 3);
		t.trusted = sqlite3_column_int(st, 4);
		t.last_commit = db_col_text(st, 5);
		t.last_sync = sqlite3_column_int64(st, 6);
		t.commits = sqlite3_column_int64(st, 7);
		ret = fn(ctx, &t);
		if (ret)
			break;
	}
	if (!ret && rc != SQLITE_DONE)
		ret = db_fail(db, "reading trees", err);
	sqlite3_reset(st);
	return ret;
}

int db_tree_set_last(struct db *db, const char *name, const char *last,
		     long long now, long long commits, struct strbuf *err)
{
	sqlite3_stmt *st = db_stmt(db, DB_SQL_TREE_SET_LAST, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, last);
	db_bind_int(st, 3, now);
	db_bind_int(st, 4, commits);
	return step_done(db, st, "updating tree", err);
}
