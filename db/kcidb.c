// SPDX-License-Identifier: GPL-2.0
/* kcidb: store KCIDB checkouts, builds and the log_url fetch queue. */
#include "db/kcidb.h"

#include <errno.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/url.h"

const char *const db_kcidb_fetch_states[DB_KCIDB_FETCH_NR] = {
	[DB_KCIDB_FETCH_QUEUED] = "queued",
	[DB_KCIDB_FETCH_DONE] = "done",
	[DB_KCIDB_FETCH_FAILED] = "failed",
};

int db_kcidb_fetch_state_parse(const char *s, enum db_kcidb_fetch_state *out)
{
	size_t i;

	for (i = 0; s && i < ARRAY_SIZE(db_kcidb_fetch_states); i++)
		if (!strcmp(s, db_kcidb_fetch_states[i])) {
			*out = (enum db_kcidb_fetch_state)i;
			return 0;
		}
	return -EINVAL;
}

int db_kcidb_checkout_put(struct db *db, const struct db_kcidb_checkout *c,
			  long long now, bool *changed, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_KCIDB_CHECKOUT_UPSERT, err);
	int ret;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, c->id);
	db_bind_text(st, 2, c->origin);
	db_bind_text(st, 3, c->tree_name);
	db_bind_text(st, 4, c->git_repository_url);
	db_bind_text(st, 5, c->git_repository_branch);
	db_bind_text(st, 6, c->git_commit_hash);
	db_bind_text(st, 7, c->git_commit_name);
	db_bind_int(st, 8, now);
	ret = db_step_done(db, st, "storing a KCIDB checkout", err);
	*changed = !ret && db_changes(db) > 0;
	return ret;
}

int db_kcidb_build_put(struct db *db, const char *id, const char *origin,
		       const char *checkout_id, long long now, bool *changed,
		       struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_KCIDB_BUILD_UPSERT, err);
	int ret;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, id);
	db_bind_text(st, 2, origin);
	db_bind_text(st, 3, checkout_id);
	db_bind_int(st, 4, now);
	ret = db_step_done(db, st, "storing a KCIDB build", err);
	*changed = !ret && db_changes(db) > 0;
	return ret;
}

void db_kcidb_source_init(struct db_kcidb_source *src)
{
	strbuf_init(&src->tree, 0);
	strbuf_init(&src->branch, 0);
	strbuf_init(&src->commit, 0);
	strbuf_init(&src->kernel, 0);
}

void db_kcidb_source_release(struct db_kcidb_source *src)
{
	strbuf_release(&src->tree);
	strbuf_release(&src->branch);
	strbuf_release(&src->commit);
	strbuf_release(&src->kernel);
}

static int source_row(void *ctx, struct db_stmt *st)
{
	struct db_kcidb_source *src = ctx;
	struct strbuf *out[] = { &src->tree, &src->branch, &src->commit,
				 &src->kernel };
	size_t i;

	for (i = 0; i < ARRAY_SIZE(out); i++)
		if (!db_col_null(st, (int)i))
			strbuf_addstr(out[i], db_col_text(st, (int)i));
	return 1;
}

int db_kcidb_build_source(struct db *db, const char *build_id,
			  struct db_kcidb_source *src, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_KCIDB_BUILD_CHECKOUT, err);
	int ret;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, build_id);
	ret = db_each(db, st, source_row, src, "reading a KCIDB build", err);
	return ret == 1 ? 0 : ret ? ret : -ENOENT;
}

int db_kcidb_fetch_add(struct db *db, const struct db_kcidb_fetch *f,
		       long long now, bool *added, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_KCIDB_FETCH_INSERT, err);
	struct strbuf host = STRBUF_INIT;
	int ret;

	if (!st)
		return -EIO;
	url_host_key(f->log_url, &host);
	db_bind_text(st, 1, f->test_id);
	db_bind_text(st, 2, f->origin);
	db_bind_text(st, 3, f->run_id);
	db_bind_text(st, 4, f->build_id);
	db_bind_text(st, 5, f->log_url);
	db_bind_text(st, 6, f->path);
	db_bind_text(st, 7, f->machine);
	db_bind_text(st, 8, f->start_time);
	db_bind_text(st, 9, db_kcidb_fetch_states[DB_KCIDB_FETCH_QUEUED]);
	db_bind_int(st, 10, now);
	db_bind_text(st, 11, f->log_excerpt);
	db_bind_text(st, 12, f->lockdep);
	db_bind_text(st, 13, host.len ? host.buf : "");
	db_bind_text(st, 14, f->log_files);
	ret = db_step_done(db, st, "queueing a KCIDB log_url", err);
	*added = !ret && db_changes(db) > 0;
	strbuf_release(&host);
	return ret;
}

struct fetch_rows {
	db_kcidb_fetch_fn fn;
	void *ctx;
	int rows;
};

static const char *col_or_null(struct db_stmt *st, int i)
{
	return db_col_null(st, i) ? NULL : db_col_text(st, i);
}

static int fetch_row(void *ctx, struct db_stmt *st)
{
	struct fetch_rows *c = ctx;
	struct db_kcidb_fetch f;

	f.id = db_col_int(st, 0);
	f.test_id = db_col_text(st, 1);
	f.origin = db_col_text(st, 2);
	f.run_id = db_col_text(st, 3);
	f.build_id = db_col_text(st, 4);
	f.log_url = db_col_text(st, 5);
	f.path = col_or_null(st, 6);
	f.machine = col_or_null(st, 7);
	f.start_time = col_or_null(st, 8);
	if (db_kcidb_fetch_state_parse(db_col_text(st, 9), &f.state))
		f.state = DB_KCIDB_FETCH_FAILED;
	f.attempts = db_col_int(st, 10);
	f.next_attempt = db_col_int(st, 11);
	f.last_error = col_or_null(st, 12);
	f.created_at = db_col_int(st, 13);
	f.updated_at = db_col_int(st, 14);
	f.log_excerpt = col_or_null(st, 15);
	f.lockdep = col_or_null(st, 16);
	f.host = db_col_text(st, 17);
	f.log_files = col_or_null(st, 18);
	c->rows++;
	return c->fn(c->ctx, &f);
}

static int each_fetch(struct db *db, struct db_stmt *st, bool want_one,
		      db_kcidb_fetch_fn fn, void *ctx, struct strbuf *err)
{
	struct fetch_rows c = { fn, ctx, 0 };
	int ret = db_each(db, st, fetch_row, &c, "reading KCIDB fetches", err);

	if (!ret && want_one && !c.rows)
		ret = -ENOENT;
	return ret;
}

int db_kcidb_fetch_find(struct db *db, const char *test_id,
			db_kcidb_fetch_fn fn, void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_KCIDB_FETCH_FIND, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, test_id);
	return each_fetch(db, st, true, fn, ctx, err);
}

int db_kcidb_fetch_due(struct db *db, long long now, long long after_next,
		       long long after_id, int limit, const char *skip_hosts,
		       const char *skip_ids, db_kcidb_fetch_fn fn, void *ctx,
		       struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_KCIDB_FETCH_DUE, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, db_kcidb_fetch_states[DB_KCIDB_FETCH_QUEUED]);
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, limit);
	db_bind_int(st, 4, after_next);
	db_bind_int(st, 5, after_id);
	db_bind_text(st, 6, skip_hosts ? skip_hosts : "[]");
	db_bind_text(st, 7, skip_ids ? skip_ids : "[]");
	return each_fetch(db, st, false, fn, ctx, err);
}

int db_kcidb_fetch_update(struct db *db, long long id,
			  enum db_kcidb_fetch_state state, long long attempts,
			  long long next_attempt, const char *error,
			  long long now, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_KCIDB_FETCH_UPDATE, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, db_kcidb_fetch_states[state]);
	db_bind_int(st, 3, attempts);
	db_bind_int(st, 4, next_attempt);
	db_bind_text(st, 5, error);
	db_bind_int(st, 6, now);
	return db_step_done(db, st, "updating a KCIDB fetch", err);
}

int db_kcidb_fetch_list(struct db *db, int state, long long before_id,
			int limit, db_kcidb_fetch_fn fn, void *ctx,
			struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_KCIDB_FETCH_LIST, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1,
		     state >= 0 && state < DB_KCIDB_FETCH_NR ?
			     db_kcidb_fetch_states[state] :
			     NULL);
	db_bind_int_or_null(st, 2, before_id, before_id <= 0);
	db_bind_int(st, 3, limit);
	return each_fetch(db, st, false, fn, ctx, err);
}

int db_kcidb_run_name(struct db *db, const char *run_id, const char *origin,
		      const char *test_id, const char *commit, long long now,
		      struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_KCIDB_RUN_NAME, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, run_id);
	db_bind_text(st, 2, origin);
	db_bind_text(st, 3, test_id);
	db_bind_int(st, 4, now);
	db_bind_text(st, 5, commit);
	return db_step_done(db, st, "naming a run by its KCIDB test", err);
}

static int named_row(void *ctx, struct db_stmt *st)
{
	*(bool *)ctx = !db_col_null(st, 0);
	return 1; /* one row: the run is stored */
}

int db_kcidb_run_test(struct db *db, const char *run_id, bool *stored,
		      bool *named, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_KCIDB_RUN_TEST, err);
	int ret;

	*stored = *named = false;
	if (!st)
		return -EIO;
	db_bind_text(st, 1, run_id);
	ret = db_each(db, st, named_row, named, "reading a run", err);
	*stored = ret == 1;
	return ret < 0 ? ret : 0;
}

int db_kcidb_run_build(struct db *db, const char *run_id, const char *test_id,
		       const char *build_id, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_KCIDB_RUN_BUILD, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, run_id);
	db_bind_text(st, 2, build_id);
	db_bind_text(st, 3, test_id);
	return db_step_done(db, st, "recording a run's KCIDB build", err);
}

int db_kcidb_runs_complete(struct db *db, const char *checkout_id, long long *n,
			   struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_KCIDB_RUNS_COMPLETE, err);
	int ret;

	*n = 0;
	if (!st)
		return -EIO;
	db_bind_text(st, 1, checkout_id);
	ret = db_step_done(db, st, "completing runs from their checkout", err);
	if (!ret)
		*n = db_changes(db);
	return ret;
}
