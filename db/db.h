/* SPDX-License-Identifier: GPL-2.0 */
/*
 * db: one connection, SQLite with splatd's pragmas (WAL, busy timeout,
 * foreign keys) or PostgreSQL (db/pg.c), the schema migrated to the latest
 * version, and the statements of db/sql.c prepared once and reused.  A
 * struct db is used by one thread at a time; the server keeps one per
 * worker (server/http/http.c).
 *
 * Everything above this file reaches a statement only through struct
 * db_stmt and the db_step/db_col_ and db_bind_ functions below, never
 * through sqlite3_* itself, so the backend under them can change.
 */
#ifndef SPLATD_DB_H
#define SPLATD_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stddef.h>

#include "db/sql.h"
#include "parsers/strbuf.h"

#define DB_DEFAULT_PATH "var/splatd.db"

/* A prepared statement of db/sql.c (db/db.c). */
struct db_stmt;

struct db {
	sqlite3 *sq; /* the SQLite backend, or NULL */
	struct pg *pg; /* the PostgreSQL backend (db/pg.h), or NULL */
	struct db_stmt *stmt[DB_SQL_NR];
};

/* db_step() results */
enum { DB_ERROR = -1, DB_DONE = 0, DB_ROW = 1 };

/*
 * Open and migrate the database at path: a postgresql:// or postgres://
 * URL or a libpq keyword string ("host=... dbname=...") selects
 * PostgreSQL; "sqlite:PATH" or any other path a SQLite file, created with
 * its parent directory when missing.  *out is freed with db_close().
 * Returns 0 or -errno.
 */
int db_open(struct db **out, const char *path, struct strbuf *err);
/*
 * db_open() for a command that only reads or changes what is there: a
 * SQLite file that does not exist is -ENOENT ("no database at PATH"), and
 * one that is no splatd database (0 bytes, or no schema version) -EINVAL,
 * not a new empty database that a mistyped --db would leave behind: the
 * file is left as it was (db_sqlite_open_splatd()).
 */
int db_open_existing(struct db **out, const char *path, struct strbuf *err);
/*
 * For db/ (db_open_existing(), db/backup.c): the SQLite file at path
 * ("sqlite:" taken off) as it is, neither created, migrated nor given a
 * pragma, when it is a splatd database (there, and its user_version set);
 * else -ENOENT or -EINVAL with err naming the file.  *out: db_close().
 */
int db_sqlite_open_splatd(struct db **out, const char *path,
			  struct strbuf *err);
void db_close(struct db *db);
/*
 * For db/ (db_open(), db/backup.c): a struct db on the SQLite file at path
 * through splatd's WAL VFS with its busy timeout, opened read-write with
 * sqlite3_open_v2()'s flags besides (SQLITE_OPEN_CREATE), no pragma set,
 * nothing migrated.  0, or -errno with err.
 */
int db_sqlite_open(struct db **out, const char *path, int flags,
		   struct strbuf *err);
/* Whether path selects PostgreSQL (db_open()). */
bool db_path_is_postgres(const char *path);
/* PostgreSQL could not be reached at this process's last try and has not
 * been since: a request that failed is the database's outage (503), not
 * splatd's fault (500).  Always false on SQLite. */
bool db_unavailable(void);
/*
 * Whether err (-errno of a db_*() call) is the storage's state rather than
 * a fault: -ENOSPC (disk full), -EROFS (a file this user cannot write),
 * -ESTALE (the SQLite file was replaced since it was opened): a request
 * may be retried once an operator mended it (503, not 500).
 */
bool db_storage_error(int err);
/* 0 when this process may write the database (serve's start: a file it
 * can only read would take no run), else -EROFS with err naming it. */
int db_writable(struct db *db, struct strbuf *err);
/* Append path to out as logs may show it: a password in it as "***". */
void db_path_describe(struct strbuf *out, const char *path);
/*
 * Reset every statement still stepping: a SELECT left on a row keeps
 * a read transaction open, and an open read transaction keeps the WAL from
 * restarting (it then grows without bound).  db_commit() and db_rollback()
 * call it; so does whoever puts a connection back in a pool.
 */
void db_idle(struct db *db);

/*
 * The prepared statement id, reset and with its bindings cleared, owned by
 * db.  NULL when it cannot be prepared (detail in err).
 */
struct db_stmt *db_stmt(struct db *db, enum db_sql id, struct strbuf *err);

/* Translate the connection's last error into err; returns -EBUSY or -EIO. */
int db_fail(struct db *db, const char *what, struct strbuf *err);

/*
 * The one row loop: step st to its end, calling fn(ctx, st) on every row
 * (column values are valid only during the call); the first non-zero
 * return of fn stops the loop and is returned.  A failed step returns
 * -errno with "what: <sqlite's message>" in err.  st is reset in every case.
 */
typedef int (*db_row_fn)(void *ctx, struct db_stmt *st);
int db_each(struct db *db, struct db_stmt *st, db_row_fn fn, void *ctx,
	    const char *what, struct strbuf *err);
/* Step a statement that returns no row, then reset it; 0 or -errno. */
int db_step_done(struct db *db, struct db_stmt *st, const char *what,
		 struct strbuf *err);

/*
 * BEGIN IMMEDIATE / COMMIT / ROLLBACK.  The first two return 0 or -errno.
 * On PostgreSQL db_begin() also takes splatd's write lock (an advisory
 * lock held to the end of the transaction): write transactions of every
 * connection and every instance run one at a time, as on SQLite.
 */
int db_begin(struct db *db, struct strbuf *err);
/*
 * A write transaction of an ingest, which may run beside other ingests:
 * on PostgreSQL db_begin() with the write lock shared (every other write
 * transaction still waits for all of them, and they for it); inside it
 * db_reports_record() locks the signatures it counts on, and
 * db_regressions_lock() the regressions, each held to the end of the
 * transaction.  On SQLite, where writers are one at a time anyway, these
 * are db_begin() and nothing.  A transaction that failed because two
 * ingests met (a deadlock, or the same new row stored by both) says so in
 * db_retryable(): rolled back and run again it succeeds or sees the other.
 */
int db_begin_ingest(struct db *db, struct strbuf *err);
/* Whether ingests on several connections of db run at once (PostgreSQL). */
bool db_concurrent_ingest(struct db *db);
/*
 * Round trips the connection made to its server (a statement, a batch, a
 * statement's preparation); 0 on SQLite, which has none.  What tests and
 * docs/storage.md count a run's writes in.
 */
unsigned long long db_round_trips(const struct db *db);
int db_regressions_lock(struct db *db, struct strbuf *err);
bool db_retryable(struct db *db);
int db_commit(struct db *db, struct strbuf *err);
/*
 * Step st (bound, returning no row) and COMMIT: one round trip on
 * PostgreSQL (a batch), the two in turn on SQLite.  0 or -errno with
 * "what: message" in err; on failure the caller rolls back.
 */
int db_commit_after(struct db *db, struct db_stmt *st, const char *what,
		    struct strbuf *err);
void db_rollback(struct db *db);
/*
 * A read transaction whose snapshot is fixed now (BEGIN DEFERRED, then one
 * read): every statement until db_rollback() sees the same database.
 */
int db_read_begin(struct db *db, struct strbuf *err);

/*
 * WAL checkpoints (no-ops on PostgreSQL): db_autocheckpoint(db, 0) stops this connection from
 * checkpointing when it commits (the server checkpoints from a thread of its
 * own instead, so no request waits for one); db_checkpoint() runs a passive
 * checkpoint and returns 0 or -errno.
 */
void db_autocheckpoint(struct db *db, int pages);
/* *wal_frames: frames in the WAL since it last restarted (or NULL). */
int db_checkpoint(struct db *db, int *wal_frames, struct strbuf *err);

/*
 * A cheap check that the database can still be read (/healthz): -ENOENT
 * when its file was removed or replaced since it was opened, -EIO when the
 * schema or a main table cannot be read; the reason in err.
 */
int db_health(struct db *db, struct strbuf *err);

/*
 * A batch: statements sent without waiting for each other, one round trip
 * for all (PostgreSQL's pipeline mode; SQLite, in process, has no round
 * trips to save and refuses with -EINVAL).  Inside a write transaction:
 * db_batch_begin(), then bind and db_send() each statement (its values are
 * copied: the same statement may be bound and sent again), db_batch_sync(),
 * then db_recv() each in the order sent and read its rows with db_step()
 * and db_col_*(), then db_batch_end(), also after a failure (a statement
 * after a failed one is skipped and fails too).  0 or -errno with "what:
 * message" in err.
 */
int db_batch_begin(struct db *db, struct strbuf *err);
/*
 * Before db_batch_begin(), for each statement the batch will send: it
 * prepared on the connection as it is now (a connection made again since
 * the statement was last used has forgotten it).
 */
int db_batch_ready(struct db *db, struct db_stmt *st, struct strbuf *err);
int db_send(struct db *db, struct db_stmt *st, const char *what,
	    struct strbuf *err);
int db_batch_sync(struct db *db, const char *what, struct strbuf *err);
int db_recv(struct db *db, struct db_stmt *st, const char *what,
	    struct strbuf *err);
int db_batch_end(struct db *db, struct strbuf *err);

/* Run a statement that returns one integer (count(*)...). */
int db_scalar(struct db *db, enum db_sql id, long long *out,
	      struct strbuf *err);

/*
 * Bind helpers: NULL text binds SQL NULL.  Text is not copied: it must stay
 * valid until the statement has been stepped.
 */
void db_bind_text(struct db_stmt *st, int i, const char *s);
void db_bind_int(struct db_stmt *st, int i, long long v);
/* Bind v, or NULL when null is true. */
void db_bind_int_or_null(struct db_stmt *st, int i, long long v, bool null);
/*
 * Arrays, PostgreSQL's (on SQLite, which has no arrays, they bind NULL);
 * copied.  Of texts (NULL elements allowed), of integers (element k NULL
 * when null and null[k]), of n blobs of each bytes at v.  The parameter's
 * type must be the array's (text[], bigint[], bytea[]).
 */
void db_bind_text_array(struct db_stmt *st, int i, const char *const *v,
			size_t n);
void db_bind_int_array(struct db_stmt *st, int i, const long long *v,
		       const bool *null, size_t n);
void db_bind_blob_array(struct db_stmt *st, int i, const void *v, size_t each,
			size_t n);
/* A blob (hash keys); copied. */
void db_bind_blob(struct db_stmt *st, int i, const void *p, size_t n);
/* Column text, or NULL for SQL NULL; valid until the next step. */
const char *db_col_text(struct db_stmt *st, int i);
/* Column as an integer (0 for NULL), and whether it is NULL. */
long long db_col_int(struct db_stmt *st, int i);
bool db_col_null(struct db_stmt *st, int i);
/*
 * The columns a row of st has (0 for a statement that returns none), or -1;
 * tests/unit/pg.c holds the two spellings of a statement to the same shape.
 */
int db_stmt_columns(struct db_stmt *st);

/*
 * Step st once: DB_ROW (a row is readable through db_col_*), DB_DONE, or
 * DB_ERROR (db_fail() says why).  db_reset() ends the statement early.
 */
int db_step(struct db_stmt *st);
void db_reset(struct db_stmt *st);

/* The id the last INSERT on db made, and the rows the last write changed. */
long long db_last_id(struct db *db);
long long db_changes(struct db *db);
/* Whether the last failed step broke a constraint / a UNIQUE constraint. */
bool db_constraint_failed(struct db *db);
bool db_unique_failed(struct db *db);

#endif
