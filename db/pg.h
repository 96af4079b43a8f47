/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pg: the PostgreSQL side of db/db.c, on libpq.  One struct pg is one
 * connection; a struct pg_stmt is one statement of db/sql.c prepared on it
 * (named, prepared once, prepared again after the connection was reset),
 * its bound values kept as text, its result read whole and walked row by
 * row.  Only db/db.c and db/migrate.c use this file (docs/storage.md,
 * "PostgreSQL").
 */
#ifndef SPLATD_DB_PG_H
#define SPLATD_DB_PG_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/strbuf.h"

struct pg;
struct pg_stmt;

/*
 * Whether a --db value names a PostgreSQL database: a postgresql:// or
 * postgres:// URL, or a libpq keyword string ("host=... dbname=...": it
 * starts with a lower-case keyword and '=').  "sqlite:a=b.db" names a
 * SQLite file whose name would read as one.
 */
bool pg_is_conninfo(const char *s);

/*
 * Append conninfo to out with its password, if any, as "***" (the URL's
 * user:password@, a password=... keyword): for logs.
 */
void pg_describe(struct strbuf *out, const char *conninfo);

/* Connect; *out is freed with pg_free().  0 or -EIO with err. */
int pg_new(struct pg **out, const char *conninfo, struct strbuf *err);
void pg_free(struct pg *pg);

/*
 * Run sql (one or more statements, no parameters: the migrations) through
 * the simple protocol.  0 or -errno with "what: message" in err.
 */
int pg_exec(struct pg *pg, const char *sql, const char *what,
	    struct strbuf *err);

/*
 * Prepare sql (its ?N parameters become $N) as statement number id of the
 * connection.  NULL with err when it does not prepare.
 */
struct pg_stmt *pg_stmt_new(struct pg *pg, int id, const char *sql,
			    struct strbuf *err);
void pg_stmt_free(struct pg_stmt *st);
/* Forget the result and the bound values. */
void pg_stmt_clear(struct pg_stmt *st);

/* As db_step()/db_reset(): the first step runs the statement. */
int pg_step(struct pg_stmt *st);
void pg_reset(struct pg_stmt *st);

/*
 * A pipeline inside an open transaction: pg_pipeline_enter(), pg_send()
 * of statements prepared before (their bound values are copied), then
 * pg_pipeline_sync() and one pg_recv() per statement sent, in order (its
 * rows through pg_step()/pg_col_*), then pg_pipeline_exit(), also after a
 * failure.  0 or -EIO (pg_fail() says why).
 */
int pg_pipeline_enter(struct pg *pg);
/*
 * Before a pipeline outside a transaction: the connection reset if it was
 * lost and st prepared on it.  0 or -EIO.
 */
int pg_ready(struct pg_stmt *st);
/* Whether the connection was lost outside a transaction (then reset by
 * the next pg_ready() or statement). */
bool pg_connection_lost(struct pg *pg);
/* The last connection attempt of this process failed (the server is down
 * or unreachable), none succeeded since. */
bool pg_unreachable(void);
int pg_send(struct pg_stmt *st);
int pg_pipeline_sync(struct pg *pg);
int pg_recv(struct pg_stmt *st);
int pg_pipeline_exit(struct pg *pg);
/* Arrays as one parameter (db/db.h), in the binary form. */
void pg_bind_text_array(struct pg_stmt *st, int i, const char *const *v,
			size_t n);
void pg_bind_int_array(struct pg_stmt *st, int i, const long long *v,
		       const bool *null, size_t n);
void pg_bind_blob_array(struct pg_stmt *st, int i, const void *v, size_t each,
			size_t n);

/* Parameters are 1-based, as in db/db.h; text is not copied. */
void pg_bind_text(struct pg_stmt *st, int i, const char *s);
void pg_bind_int(struct pg_stmt *st, int i, long long v);
void pg_bind_blob(struct pg_stmt *st, int i, const void *p, size_t n);

/* Columns are 0-based; booleans read as "1"/"0". */
const char *pg_col_text(struct pg_stmt *st, int i);
long long pg_col_int(struct pg_stmt *st, int i);
bool pg_col_null(struct pg_stmt *st, int i);
/* The columns a row of the prepared statement has (one round trip), or -1. */
int pg_stmt_columns(struct pg_stmt *st);

/* Rows the last INSERT, UPDATE or DELETE changed. */
long long pg_changes(struct pg *pg);
bool pg_constraint_failed(struct pg *pg);
bool pg_unique_failed(struct pg *pg);
/* Whether the last error was a deadlock, a serialization failure or a
 * unique violation: what two concurrent writers can cause each other. */
bool pg_retryable(struct pg *pg);
/* The last error as "what: message" in err: -EBUSY, -EEXIST or -EIO. */
int pg_fail(struct pg *pg, const char *what, struct strbuf *err);
/*
 * Whether a transaction is open (or failed, or its connection lost, and not
 * yet rolled back): a lost connection is not reset under an open one.
 */
bool pg_in_transaction(struct pg *pg);
/* After ROLLBACK, whether it worked or not: the transaction is over. */
void pg_transaction_gone(struct pg *pg);
/* Round trips made on the connection: statements, preparations, batches. */
unsigned long long pg_round_trips(const struct pg *pg);

#endif
