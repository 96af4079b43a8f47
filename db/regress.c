// SPDX-License-Identifier: GPL-2.0
/* regress: regressions, their links, evidence, runs, history; git trees. */
#include "db/regress.h"

#include <errno.h>
#include <limits.h>

int db_regression_insert(struct db *db, const char *title,
			 const char *introduced, long long now, long long *id,
			 struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_INSERT, err);
	int ret;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, title);
	db_bind_text(st, 2, introduced);
	db_bind_int(st, 3, now);
	ret = db_step_done(db, st, "storing regression", err);
	if (!ret)
		*id = db_last_id(db);
	return ret;
}

struct regression_rows {
	db_regression_fn fn;
	void *ctx;
	int rows;
};

static int regression_row(void *ctx, struct db_stmt *st)
{
	struct regression_rows *c = ctx;
	struct db_regression r;

	r.id = db_col_int(st, 0);
	r.title = db_col_text(st, 1);
	r.introduced = db_col_text(st, 2);
	r.status = db_col_text(st, 3);
	r.resolution = db_col_text(st, 4);
	r.duplicate_of = db_col_int(st, 5);
	r.fix_commit = db_col_text(st, 6);
	r.fix_repo = db_col_text(st, 7);
	r.clean_runs = db_col_int(st, 8);
	r.scanned = (int)db_col_int(st, 9);
	r.created = db_col_int(st, 10);
	r.updated = db_col_int(st, 11);
	r.clean_runs_reset = db_col_int(st, 12);
	r.clean_runs_reset_upto = db_col_int(st, 13);
	c->rows++;
	return c->fn(c->ctx, &r);
}

static int each_regression(struct db *db, struct db_stmt *st, bool want_one,
			   db_regression_fn fn, void *ctx, struct strbuf *err)
{
	struct regression_rows c = { fn, ctx, 0 };
	int ret =
		db_each(db, st, regression_row, &c, "reading regressions", err);

	if (!ret && want_one && !c.rows) {
		strbuf_addstr(err, "no such regression");
		ret = -ENOENT;
	}
	return ret;
}

int db_regression_get(struct db *db, long long id, db_regression_fn fn,
		      void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_GET, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return each_regression(db, st, true, fn, ctx, err);
}

int db_regression_list(struct db *db, const char *status, int scanned,
		       int limit, db_regression_fn fn, void *ctx,
		       struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_LIST, err);

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
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_UPDATE, err);

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
	return db_step_done(db, st, "updating regression", err);
}

int db_regression_set_scanned(struct db *db, long long id, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_SET_SCANNED, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return db_step_done(db, st, "updating regression", err);
}

/* Insert (id, value) with one of the two-column statements. */
static int add_pair(struct db *db, enum db_sql which, long long id,
		    const char *text, long long value, const char *what,
		    struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, which, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	if (text)
		db_bind_text(st, 2, text);
	else
		db_bind_int(st, 2, value);
	return db_step_done(db, st, what, err);
}

int db_regression_link_add(struct db *db, long long id, const char *url,
			   struct strbuf *err)
{
	return add_pair(db, DB_SQL_REG_LINK_ADD, id, url, 0, "storing link",
			err);
}

int db_regression_links_clear(struct db *db, long long id, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_LINK_CLEAR, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return db_step_done(db, st, "clearing links", err);
}

struct text_rows {
	db_text_fn fn;
	void *ctx;
};

static int text_row(void *ctx, struct db_stmt *st)
{
	struct text_rows *c = ctx;
	const char *s = db_col_text(st, 0);

	return c->fn(c->ctx, s ? s : "");
}

/* Call fn with column 0 of every row as text. */
static int each_text(struct db *db, struct db_stmt *st, db_text_fn fn,
		     void *ctx, const char *what, struct strbuf *err)
{
	struct text_rows c = { fn, ctx };

	return db_each(db, st, text_row, &c, what, err);
}

int db_regression_links(struct db *db, long long id, db_text_fn fn, void *ctx,
			struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_LINKS, err);

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

struct regression_sigs_rows {
	db_regression_sig_fn fn;
	void *ctx;
};

static int regression_sigs_row(void *ctx, struct db_stmt *st)
{
	struct regression_sigs_rows *c = ctx;
	struct db_regression_sig s;

	s.id = db_col_int(st, 0);
	s.hash = db_col_text(st, 1);
	s.kind = db_col_text(st, 2);
	s.title = db_col_text(st, 3);
	s.classes = db_col_text(st, 4);
	s.occurrences = db_col_int(st, 5);
	s.first_seen = db_col_int(st, 6);
	s.last_seen = db_col_int(st, 7);
	return c->fn(c->ctx, &s);
}

int db_regression_sigs(struct db *db, long long id, db_regression_sig_fn fn,
		       void *ctx, struct strbuf *err)
{
	struct regression_sigs_rows c = { fn, ctx };
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_SIGS, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return db_each(db, st, regression_sigs_row, &c,
		       "reading regression signatures", err);
}

struct regression_by_sig_rows {
	db_id_fn fn;
	void *ctx;
};

static int regression_by_sig_row(void *ctx, struct db_stmt *st)
{
	struct regression_by_sig_rows *c = ctx;

	return c->fn(c->ctx, db_col_int(st, 0));
}

int db_regression_by_sig(struct db *db, long long sig, db_id_fn fn, void *ctx,
			 struct strbuf *err)
{
	struct regression_by_sig_rows c = { fn, ctx };
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_BY_SIG, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	return db_each(db, st, regression_by_sig_row, &c, "reading regressions",
		       err);
}

static void bind_list(struct db_stmt *st, const char *status)
{
	db_bind_text(st, 1, status);
	db_bind_int_or_null(st, 2, -1, true);
	db_bind_int(st, 3, INT_MAX);
}

int db_regressions_of_run(struct db *db, const long long *sigs, size_t n,
			  const char *status, db_id_fn seen, void *seen_ctx,
			  db_id_fn listed, void *listed_ctx, struct strbuf *err)
{
	struct regression_by_sig_rows s = { seen, seen_ctx };
	struct regression_by_sig_rows l = { listed, listed_ctx };
	struct db_stmt *by = db_stmt(db, DB_SQL_REG_BY_SIG, err);
	struct db_stmt *list = by ? db_stmt(db, DB_SQL_REG_LIST, err) : NULL;
	size_t i;
	int ret = 0;

	if (!list)
		return -EIO;
	if (!db->pg) {
		for (i = 0; !ret && i < n; i++)
			ret = db_regression_by_sig(db, sigs[i], seen, seen_ctx,
						   err);
		if (ret)
			return ret;
		bind_list(list, status);
		return db_each(db, list, regression_by_sig_row, &l,
			       "reading regressions", err);
	}
	if (db_batch_ready(db, by, err) || db_batch_ready(db, list, err) ||
	    db_batch_begin(db, err))
		return -EIO;
	for (i = 0; !ret && i < n; i++) {
		db_bind_int(by, 1, sigs[i]);
		ret = db_send(db, by, "reading regressions", err);
	}
	bind_list(list, status);
	if (!ret)
		ret = db_send(db, list, "reading regressions", err);
	if (!ret)
		ret = db_batch_sync(db, "reading regressions", err);
	for (i = 0; !ret && i < n; i++) {
		ret = db_recv(db, by, "reading regressions", err);
		if (!ret)
			ret = db_each(db, by, regression_by_sig_row, &s,
				      "reading regressions", err);
	}
	if (!ret)
		ret = db_recv(db, list, "reading regressions", err);
	if (!ret)
		ret = db_each(db, list, regression_by_sig_row, &l,
			      "reading regressions", err);
	db_reset(by);
	db_reset(list);
	if (db_batch_end(db, err) && !ret)
		ret = -EIO;
	return ret;
}

int db_regression_evidence_add(struct db *db,
			       const struct db_regression_evidence *e,
			       bool *added, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_EVIDENCE_ADD, err);
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
	ret = db_step_done(db, st, "storing evidence", err);
	*added = !ret && db_changes(db) > 0;
	return ret;
}

struct regression_evidence_rows {
	db_regression_evidence_fn fn;
	void *ctx;
	long long id;
};

static int regression_evidence_row(void *ctx, struct db_stmt *st)
{
	struct regression_evidence_rows *c = ctx;
	struct db_regression_evidence e;

	e.regression_id = c->id;
	e.tree = db_col_text(st, 0);
	e.branch = db_col_text(st, 1);
	e.repo = db_col_text(st, 2);
	e.trusted = (int)db_col_int(st, 3);
	e.commit = db_col_text(st, 4);
	e.subject = db_col_text(st, 5);
	e.how = db_col_text(st, 6);
	e.detail = db_col_text(st, 7);
	e.commit_time = db_col_int(st, 8);
	e.found = db_col_int(st, 9);
	return c->fn(c->ctx, &e);
}

int db_regression_evidence(struct db *db, long long id,
			   db_regression_evidence_fn fn, void *ctx,
			   struct strbuf *err)
{
	struct regression_evidence_rows c = { fn, ctx, id };
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_EVIDENCE, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return db_each(db, st, regression_evidence_row, &c, "reading evidence",
		       err);
}

int db_regression_set_fix_expected(struct db *db, long long id, const char *fix,
				   long long now, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_SET_FIX_EXPECTED, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, fix);
	db_bind_int(st, 3, now);
	return db_step_done(db, st, "storing the expected fix", err);
}

static int fix_row(void *ctx, struct db_stmt *st)
{
	strbuf_addstr(ctx, db_col_text(st, 0));
	return 0;
}

int db_regression_fix_expected(struct db *db, long long id, struct strbuf *out,
			       struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_GET_FIX_EXPECTED, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return db_each(db, st, fix_row, out, "reading the expected fix", err);
}

int db_regression_history_add(struct db *db, long long id, long long ts,
			      const char *actor, const char *action,
			      const char *old, const char *new_value,
			      const char *reason, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_HISTORY_ADD, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, ts);
	db_bind_text(st, 3, actor);
	db_bind_text(st, 4, action);
	db_bind_text(st, 5, old);
	db_bind_text(st, 6, new_value);
	db_bind_text(st, 7, reason);
	return db_step_done(db, st, "storing history", err);
}

struct regression_history_rows {
	db_regression_event_fn fn;
	void *ctx;
};

static int regression_history_row(void *ctx, struct db_stmt *st)
{
	struct regression_history_rows *c = ctx;
	struct db_regression_event e;

	e.id = db_col_int(st, 0);
	e.ts = db_col_int(st, 1);
	e.actor = db_col_text(st, 2);
	e.action = db_col_text(st, 3);
	e.old = db_col_text(st, 4);
	e.new_value = db_col_text(st, 5);
	e.reason = db_col_text(st, 6);
	return c->fn(c->ctx, &e);
}

int db_regression_history(struct db *db, long long id,
			  db_regression_event_fn fn, void *ctx,
			  struct strbuf *err)
{
	struct regression_history_rows c = { fn, ctx };
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_HISTORY, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return db_each(db, st, regression_history_row, &c, "reading history",
		       err);
}

int db_regression_count_restart(struct db *db, long long id, long long event,
				struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_COUNT_RESTART, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, event);
	return db_step_done(db, st, "restarting the clean-run count", err);
}

int db_regression_run_add(struct db *db, long long id, long long run, bool seen,
			  bool counted, const char *why, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_RUN_ADD, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, run);
	db_bind_int(st, 3, seen);
	db_bind_int(st, 4, counted);
	db_bind_text(st, 5, why);
	return db_step_done(db, st, "storing regression run", err);
}

struct regression_runs_rows {
	db_regression_run_fn fn;
	void *ctx;
};

static int regression_runs_row(void *ctx, struct db_stmt *st)
{
	struct regression_runs_rows *c = ctx;
	struct db_regression_run r;

	r.run_id = db_col_text(st, 0);
	r.commit = db_col_text(st, 1);
	r.received_at = db_col_int(st, 2);
	r.seen = (int)db_col_int(st, 3);
	r.counted = (int)db_col_int(st, 4);
	r.why = db_col_text(st, 5);
	r.run = db_col_int(st, 6);
	return c->fn(c->ctx, &r);
}

int db_regression_runs(struct db *db, long long id, db_regression_run_fn fn,
		       void *ctx, struct strbuf *err)
{
	struct regression_runs_rows c = { fn, ctx };
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_RUNS, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return db_each(db, st, regression_runs_row, &c,
		       "reading regression runs", err);
}

int db_regression_bounds(struct db *db, long long id, struct strbuf *clean,
			 struct strbuf *bad, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_FIRST_BAD, err);
	long long bad_run = 0;
	int rc;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	rc = db_step(st);
	if (rc == DB_ROW) {
		bad_run = db_col_int(st, 0);
		strbuf_addstr(bad, db_col_text(st, 1));
	}
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(db, "reading runs", err);
	if (!bad_run)
		return 0;
	st = db_stmt(db, DB_SQL_REG_LAST_CLEAN, err);
	if (!st)
		return -EIO;
	db_bind_int(st, 1, bad_run);
	rc = db_step(st);
	if (rc == DB_ROW)
		strbuf_addstr(clean, db_col_text(st, 0));
	db_reset(st);
	if (rc != DB_ROW && rc != DB_DONE)
		return db_fail(db, "reading runs", err);
	return 0;
}

int db_regression_report_texts(struct db *db, long long id, db_text_fn fn,
			       void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_REPORT_TEXT, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return each_text(db, st, fn, ctx, "reading occurrences", err);
}

struct regression_timeline_rows {
	db_timeline_fn fn;
	void *ctx;
};

static int regression_timeline_row(void *ctx, struct db_stmt *st)
{
	struct regression_timeline_rows *c = ctx;

	return c->fn(c->ctx, db_col_int(st, 0), db_col_text(st, 1),
		     db_col_text(st, 2), db_col_text(st, 3));
}

int db_regression_timeline(struct db *db, long long sig, int limit,
			   db_timeline_fn fn, void *ctx, struct strbuf *err)
{
	struct regression_timeline_rows c = { fn, ctx };
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_TIMELINE, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	db_bind_int(st, 2, limit);
	return db_each(db, st, regression_timeline_row, &c,
		       "reading occurrences", err);
}

int db_run_set_lockdep_meta_off(struct db *db, long long run,
				struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_RUN_SET_LOCKDEP_META, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, run);
	return db_step_done(db, st, "updating run", err);
}

int db_tree_insert(struct db *db, const char *name, const char *repo,
		   const char *branch, bool trusted, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_TREE_INSERT, err);
	int ret = 0;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, repo);
	db_bind_text(st, 3, branch);
	db_bind_int(st, 4, trusted);
	if (db_step(st) != DB_DONE) {
		if (db_constraint_failed(db)) {
			strbuf_addf(err, "a tree named '%s' exists", name);
			ret = -EEXIST;
		} else {
			ret = db_fail(db, "storing tree", err);
		}
	}
	db_reset(st);
	return ret;
}

struct tree_list_rows {
	db_tree_fn fn;
	void *ctx;
};

static int tree_list_row(void *ctx, struct db_stmt *st)
{
	struct tree_list_rows *c = ctx;
	struct db_tree t;

	t.id = db_col_int(st, 0);
	t.name = db_col_text(st, 1);
	t.repo = db_col_text(st, 2);
	t.branch = db_col_text(st, 3);
	t.trusted = (int)db_col_int(st, 4);
	t.last_commit = db_col_text(st, 5);
	t.last_sync = db_col_int(st, 6);
	t.commits = db_col_int(st, 7);
	return c->fn(c->ctx, &t);
}

int db_tree_list(struct db *db, db_tree_fn fn, void *ctx, struct strbuf *err)
{
	struct tree_list_rows c = { fn, ctx };
	struct db_stmt *st = db_stmt(db, DB_SQL_TREE_LIST, err);

	if (!st)
		return -EIO;
	return db_each(db, st, tree_list_row, &c, "reading trees", err);
}

int db_tree_set_last(struct db *db, const char *name, const char *last,
		     long long now, long long commits, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_TREE_SET_LAST, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, last);
	db_bind_int(st, 3, now);
	db_bind_int(st, 4, commits);
	return db_step_done(db, st, "updating tree", err);
}

static int add_text(void *ctx, const char *text)
{
	strbuf_addstr(ctx, text);
	return 0;
}

int db_regression_first_tree(struct db *db, long long id, struct strbuf *out,
			     struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_FIRST_TREE, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return each_text(db, st, add_text, out, "reading the first tree", err);
}

int db_regression_run_kernel(struct db *db, long long run, struct strbuf *out,
			     struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_REG_RUN_KERNEL, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, run);
	return each_text(db, st, add_text, out, "reading the run's kernel",
			 err);
}
