// SPDX-License-Identifier: GPL-2.0
/*
 * db: the statement cache, statements and transactions; each function on
 * SQLite here, on PostgreSQL through db/pg.c.  Opening (and migrating) is
 * db/open.c's.
 */
#include "db/db.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db/pg.h"
#include "db/walvfs.h"
#include "parsers/compiler.h"

/* A statement of db/sql.c prepared on one connection. */
struct db_stmt {
	struct db *db;
	sqlite3_stmt *sq; /* SQLite, or */
	struct pg_stmt *pg; /* PostgreSQL */
};

void db_close(struct db *db)
{
	size_t i;

	if (!db)
		return;
	for (i = 0; i < DB_SQL_NR; i++) {
		if (!db->stmt[i])
			continue;
		sqlite3_finalize(db->stmt[i]->sq);
		pg_stmt_free(db->stmt[i]->pg);
		free(db->stmt[i]);
	}
	sqlite3_close(db->sq);
	pg_free(db->pg);
	free(db);
}

void db_idle(struct db *db)
{
	sqlite3_stmt *st = NULL;
	size_t i;

	if (db->pg) {
		/* results are read whole: nothing holds the server */
		for (i = 0; i < DB_SQL_NR; i++)
			if (db->stmt[i])
				pg_reset(db->stmt[i]->pg);
		return;
	}
	while ((st = sqlite3_next_stmt(db->sq, st)))
		if (sqlite3_stmt_busy(st))
			sqlite3_reset(st);
}

struct db_stmt *db_stmt(struct db *db, enum db_sql id, struct strbuf *err)
{
	struct db_stmt *st = db->stmt[id];
	const char *sql;

	if (st && st->pg) {
		pg_stmt_clear(st->pg);
		return st;
	}
	if (st) {
		sqlite3_reset(st->sq);
		sqlite3_clear_bindings(st->sq);
		return st;
	}
	st = calloc(1, sizeof(*st));
	if (!st) {
		strbuf_addstr(err, "out of memory");
		return NULL;
	}
	st->db = db;
	if (db->pg) {
		sql = db_sql_text_pg(id);
		if (!sql) {
			strbuf_addf(err, "statement %d is SQLite's only",
				    (int)id);
			free(st);
			return NULL;
		}
		st->pg = pg_stmt_new(db->pg, (int)id, sql, err);
		if (!st->pg) {
			free(st);
			return NULL;
		}
		db->stmt[id] = st;
		return st;
	}
	if (sqlite3_prepare_v3(db->sq, db_sql_text(id), -1,
			       SQLITE_PREPARE_PERSISTENT, &st->sq,
			       NULL) != SQLITE_OK) {
		strbuf_addf(err, "preparing statement %d: %s", (int)id,
			    sqlite3_errmsg(db->sq));
		free(st);
		return NULL;
	}
	db->stmt[id] = st;
	return st;
}

int db_step(struct db_stmt *st)
{
	int rc;

	if (st->pg)
		return pg_step(st->pg);
	rc = sqlite3_step(st->sq);

	if (rc == SQLITE_ROW)
		return DB_ROW;
	return rc == SQLITE_DONE ? DB_DONE : DB_ERROR;
}

void db_reset(struct db_stmt *st)
{
	if (st->pg)
		pg_reset(st->pg);
	else
		sqlite3_reset(st->sq);
}

/* On PostgreSQL lastval(): the sequence the last INSERT advanced. */
long long db_last_id(struct db *db)
{
	struct strbuf ignored = STRBUF_INIT;
	long long id = 0;

	if (!db->pg)
		return sqlite3_last_insert_rowid(db->sq);
	if (db_scalar(db, DB_SQL_LAST_ID, &id, &ignored))
		id = 0;
	strbuf_release(&ignored);
	return id;
}

long long db_changes(struct db *db)
{
	return db->pg ? pg_changes(db->pg) : sqlite3_changes(db->sq);
}

bool db_constraint_failed(struct db *db)
{
	if (db->pg)
		return pg_constraint_failed(db->pg);
	return sqlite3_errcode(db->sq) == SQLITE_CONSTRAINT;
}

bool db_unique_failed(struct db *db)
{
	if (db->pg)
		return pg_unique_failed(db->pg);
	return sqlite3_extended_errcode(db->sq) == SQLITE_CONSTRAINT_UNIQUE;
}

bool db_unavailable(void)
{
	return pg_unreachable();
}

int db_writable(struct db *db, struct strbuf *err)
{
	const char *file;

	if (db->pg)
		return 0;
	file = sqlite3_db_filename(db->sq, "main");
	if (sqlite3_db_readonly(db->sq, "main") == 1) {
		strbuf_addf(err,
			    "%s: this user can only read the database (its file"
			    " or file system is read-only)",
			    file ? file : "the database");
		return -EROFS;
	}
	return 0;
}

bool db_storage_error(int err)
{
	return err == -ENOSPC || err == -EROFS || err == -ESTALE;
}

int db_fail(struct db *db, const char *what, struct strbuf *err)
{
	int code;

	if (db->pg)
		return pg_fail(db->pg, what, err);
	code = sqlite3_errcode(db->sq);

	strbuf_addf(err, "%s: %s", what, sqlite3_errmsg(db->sq));
	if (code == SQLITE_BUSY || code == SQLITE_LOCKED)
		return -EBUSY;
	if (code == SQLITE_CONSTRAINT)
		return -EEXIST;
	/* the storage's state, not splatd's fault: the caller may wait */
	if (code == SQLITE_FULL)
		return -ENOSPC;
	if (code == SQLITE_READONLY)
		return -EROFS;
	return -EIO;
}

int db_each(struct db *db, struct db_stmt *st, db_row_fn fn, void *ctx,
	    const char *what, struct strbuf *err)
{
	int rc, ret = 0;

	while ((rc = db_step(st)) == DB_ROW) {
		ret = fn(ctx, st);
		if (ret)
			break;
	}
	if (!ret && rc != DB_DONE)
		ret = db_fail(db, what, err);
	db_reset(st);
	return ret;
}

int db_step_done(struct db *db, struct db_stmt *st, const char *what,
		 struct strbuf *err)
{
	int ret = 0;

	if (db_step(st) != DB_DONE)
		ret = db_fail(db, what, err);
	db_reset(st);
	return ret;
}

static int exec_stmt(struct db *db, enum db_sql id, const char *what,
		     struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, id, err);

	if (!st)
		return -EIO;
	return db_step_done(db, st, what, err);
}

static int ignore_row(void *ctx UNUSED, struct db_stmt *st UNUSED)
{
	return 0;
}

/* BEGIN then the lock, one after the other. */
static int begin_then_lock(struct db *db, struct db_stmt *lock,
			   struct strbuf *err)
{
	int ret = exec_stmt(db, DB_SQL_BEGIN_IMMEDIATE, "begin", err);

	if (!ret)
		ret = db_each(db, lock, ignore_row, NULL,
			      "taking the write lock", err);
	return ret;
}

/*
 * PostgreSQL: statements a then b (bound, returning no row the caller
 * reads) in one batch, one round trip; what names the batch in err.
 */
static int batch_two(struct db *db, struct db_stmt *a, const char *what_a,
		     struct db_stmt *b, const char *what_b, const char *what,
		     struct strbuf *err)
{
	struct strbuf ignored = STRBUF_INIT;
	int ret = pg_ready(a->pg) || pg_ready(b->pg) ? db_fail(db, what, err) :
						       0;

	if (!ret)
		ret = db_batch_begin(db, err);
	if (ret) {
		db_reset(a);
		db_reset(b);
		return ret;
	}
	ret = db_send(db, a, what_a, err);
	if (!ret)
		ret = db_send(db, b, what_b, err);
	if (!ret)
		ret = db_batch_sync(db, what, err);
	if (!ret)
		ret = db_recv(db, a, what_a, err);
	if (!ret)
		ret = db_recv(db, b, what_b, err);
	db_reset(a);
	db_reset(b);
	if (db_batch_end(db, &ignored) && !ret)
		ret = db_fail(db, what, err);
	strbuf_release(&ignored);
	return ret;
}

/*
 * PostgreSQL: BEGIN and the lock (its statement) in one batch, one round
 * trip.  A connection the server dropped since the last statement shows
 * only now: then once more one after the other, which reconnects.
 */
static int begin_locked(struct db *db, enum db_sql id, struct strbuf *err)
{
	struct db_stmt *begin = db_stmt(db, DB_SQL_BEGIN_IMMEDIATE, err);
	struct db_stmt *lock = begin ? db_stmt(db, id, err) : NULL;
	int ret;

	if (!lock)
		return -EIO;
	ret = batch_two(db, begin, "begin", lock, "taking the write lock",
			"begin", err);
	if (ret && pg_connection_lost(db->pg)) {
		strbuf_reset(err);
		lock = db_stmt(db, id, err);
		ret = lock ? begin_then_lock(db, lock, err) : -EIO;
	}
	if (ret)
		db_rollback(db);
	return ret;
}

/*
 * A write on SQLite goes to the file this connection opened: when that
 * file was removed or replaced since (a restore over a running server),
 * the write would go to a file nobody reads again, so it is refused.
 */
static bool sqlite_moved(struct db *db)
{
	int moved = 0;

	return sqlite3_file_control(db->sq, "main", SQLITE_FCNTL_HAS_MOVED,
				    &moved) == SQLITE_OK &&
	       moved;
}

static int sqlite_begin(struct db *db, struct strbuf *err)
{
	if (sqlite_moved(db)) {
		strbuf_addstr(err, "the database file was removed or replaced"
				   " since splatd opened it: restart splatd");
		return -ESTALE;
	}
	return exec_stmt(db, DB_SQL_BEGIN_IMMEDIATE, "begin", err);
}

int db_begin(struct db *db, struct strbuf *err)
{
	if (!db->pg)
		return sqlite_begin(db, err);
	return begin_locked(db, DB_SQL_WRITE_LOCK, err);
}

int db_begin_ingest(struct db *db, struct strbuf *err)
{
	if (!db->pg)
		return sqlite_begin(db, err);
	return begin_locked(db, DB_SQL_WRITE_LOCK_SHARED, err);
}

int db_regressions_lock(struct db *db, struct strbuf *err)
{
	struct db_stmt *st;

	if (!db->pg)
		return 0;
	st = db_stmt(db, DB_SQL_REG_LOCK, err);
	return st ? db_each(db, st, ignore_row, NULL,
			    "taking the regressions' lock", err) :
		    -EIO;
}

bool db_concurrent_ingest(struct db *db)
{
	return db->pg != NULL;
}

unsigned long long db_round_trips(const struct db *db)
{
	return db->pg ? pg_round_trips(db->pg) : 0;
}

bool db_retryable(struct db *db)
{
	return db->pg && pg_retryable(db->pg);
}

int db_commit(struct db *db, struct strbuf *err)
{
	db_idle(db);
	return exec_stmt(db, DB_SQL_COMMIT, "commit", err);
}

int db_commit_after(struct db *db, struct db_stmt *st, const char *what,
		    struct strbuf *err)
{
	struct db_stmt *commit;
	int ret;

	if (!db->pg) {
		ret = db_step_done(db, st, what, err);
		return ret ? ret : db_commit(db, err);
	}
	db_idle(db);
	commit = db_stmt(db, DB_SQL_COMMIT, err);
	if (!commit) {
		db_reset(st);
		return -EIO;
	}
	return batch_two(db, st, what, commit, "commit", "commit", err);
}

void db_rollback(struct db *db)
{
	struct strbuf ignored = STRBUF_INIT;

	/* Statements still stepping would keep the transaction busy. */
	db_idle(db);
	if (db->pg ? pg_in_transaction(db->pg) :
		     !sqlite3_get_autocommit(db->sq))
		exec_stmt(db, DB_SQL_ROLLBACK, "rollback", &ignored);
	if (db->pg)
		pg_transaction_gone(db->pg);
	strbuf_release(&ignored);
}

int db_read_begin(struct db *db, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_READ_BEGIN, err);
	long long n;
	int ret;

	if (!st)
		return -EIO;
	ret = db_step_done(db, st, "begin", err);
	if (!ret)
		ret = db_scalar(db, DB_SQL_SNAPSHOT, &n, err);
	return ret;
}

void db_autocheckpoint(struct db *db, int pages)
{
	if (db->sq)
		sqlite3_wal_autocheckpoint(db->sq, pages);
}

int db_checkpoint(struct db *db, int *wal_frames, struct strbuf *err)
{
	int log = 0, done = 0;

	if (wal_frames)
		*wal_frames = 0;
	if (db->pg)
		return 0;
	if (sqlite3_wal_checkpoint_v2(db->sq, NULL, SQLITE_CHECKPOINT_PASSIVE,
				      &log, &done) != SQLITE_OK)
		return db_fail(db, "checkpoint", err);
	if (wal_frames)
		*wal_frames = log;
	return 0;
}

int db_health(struct db *db, struct strbuf *err)
{
	struct db_stmt *st;

	if (db->pg)
		goto probe;
	if (sqlite_moved(db)) {
		strbuf_addstr(err, "the database file was removed or replaced"
				   " since it was opened");
		return -ENOENT;
	}
	/* read the file, not this connection's cached copy of it */
	sqlite3_db_release_memory(db->sq);
probe:
	st = db_stmt(db, DB_SQL_HEALTH_PROBE, err);
	if (!st)
		return -EIO;
	if (db_step(st) != DB_ROW)
		return db_fail(db, "reading the database", err);
	db_reset(st);
	return 0;
}

int db_batch_begin(struct db *db, struct strbuf *err)
{
	if (!db->pg) {
		strbuf_addstr(err, "batches are PostgreSQL's");
		return -EINVAL;
	}
	if (pg_pipeline_enter(db->pg))
		return pg_fail(db->pg, "starting a batch", err);
	return 0;
}

int db_batch_ready(struct db *db, struct db_stmt *st, struct strbuf *err)
{
	if (!db->pg)
		return 0;
	return pg_ready(st->pg) ? pg_fail(db->pg, "preparing a batch", err) : 0;
}

int db_send(struct db *db, struct db_stmt *st, const char *what,
	    struct strbuf *err)
{
	return pg_send(st->pg) ? pg_fail(db->pg, what, err) : 0;
}

int db_batch_sync(struct db *db, const char *what, struct strbuf *err)
{
	return pg_pipeline_sync(db->pg) ? pg_fail(db->pg, what, err) : 0;
}

int db_recv(struct db *db, struct db_stmt *st, const char *what,
	    struct strbuf *err)
{
	return pg_recv(st->pg) ? pg_fail(db->pg, what, err) : 0;
}

int db_batch_end(struct db *db, struct strbuf *err)
{
	return pg_pipeline_exit(db->pg) ?
		       pg_fail(db->pg, "ending a batch", err) :
		       0;
}

int db_scalar(struct db *db, enum db_sql id, long long *out, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, id, err);

	if (!st)
		return -EIO;
	if (db_step(st) != DB_ROW)
		return db_fail(db, "query", err);
	*out = db_col_int(st, 0);
	db_reset(st);
	return 0;
}

void db_bind_text(struct db_stmt *st, int i, const char *s)
{
	if (st->pg)
		pg_bind_text(st->pg, i, s);
	else if (s)
		sqlite3_bind_text(st->sq, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st->sq, i);
}

void db_bind_int(struct db_stmt *st, int i, long long v)
{
	if (st->pg)
		pg_bind_int(st->pg, i, v);
	else
		sqlite3_bind_int64(st->sq, i, v);
}

void db_bind_int_or_null(struct db_stmt *st, int i, long long v, bool null)
{
	if (null)
		db_bind_text(st, i, NULL);
	else
		db_bind_int(st, i, v);
}

void db_bind_text_array(struct db_stmt *st, int i, const char *const *v,
			size_t n)
{
	if (st->pg)
		pg_bind_text_array(st->pg, i, v, n);
	else
		sqlite3_bind_null(st->sq, i);
}

void db_bind_int_array(struct db_stmt *st, int i, const long long *v,
		       const bool *null, size_t n)
{
	if (st->pg)
		pg_bind_int_array(st->pg, i, v, null, n);
	else
		sqlite3_bind_null(st->sq, i);
}

void db_bind_blob_array(struct db_stmt *st, int i, const void *v, size_t each,
			size_t n)
{
	if (st->pg)
		pg_bind_blob_array(st->pg, i, v, each, n);
	else
		sqlite3_bind_null(st->sq, i);
}

void db_bind_blob(struct db_stmt *st, int i, const void *p, size_t n)
{
	if (st->pg)
		pg_bind_blob(st->pg, i, p, n);
	else
		sqlite3_bind_blob(st->sq, i, p, (int)n, SQLITE_TRANSIENT);
}

const char *db_col_text(struct db_stmt *st, int i)
{
	if (st->pg)
		return pg_col_text(st->pg, i);
	return (const char *)sqlite3_column_text(st->sq, i);
}

long long db_col_int(struct db_stmt *st, int i)
{
	if (st->pg)
		return pg_col_int(st->pg, i);
	return sqlite3_column_int64(st->sq, i);
}

int db_stmt_columns(struct db_stmt *st)
{
	if (st->pg)
		return pg_stmt_columns(st->pg);
	return sqlite3_column_count(st->sq);
}

bool db_col_null(struct db_stmt *st, int i)
{
	if (st->pg)
		return pg_col_null(st->pg, i);
	return sqlite3_column_type(st->sq, i) == SQLITE_NULL;
}
