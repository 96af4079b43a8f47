// SPDX-License-Identifier: GPL-2.0
/* tokens: create, find, list and revoke API tokens (the tokens table). */
#include "db/tokens.h"

#include <errno.h>

int db_token_insert(struct db *db, const char *name, const char *role,
		    const char *hash, const char *email, long long now,
		    struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_TOKEN_INSERT, err);
	int ret = 0;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, name);
	db_bind_text(st, 2, role);
	db_bind_text(st, 3, hash);
	db_bind_int(st, 4, now);
	db_bind_text(st, 5, email);
	if (db_step(st) != DB_DONE) {
		if (db_constraint_failed(db)) {
			strbuf_addf(err, "a token named '%s' exists", name);
			ret = -EEXIST;
		} else {
			ret = db_fail(db, "storing token", err);
		}
	}
	db_reset(st);
	return ret;
}

struct token_rows {
	db_token_fn fn;
	void *ctx;
	int rows;
};

static int token_row(void *ctx, struct db_stmt *st)
{
	struct token_rows *c = ctx;
	struct db_token t;

	t.id = db_col_int(st, 0);
	t.name = db_col_text(st, 1);
	t.role = db_col_text(st, 2);
	t.created_at = db_col_int(st, 3);
	t.revoked_at = db_col_int(st, 4);
	t.email = db_col_text(st, 5);
	c->rows++;
	return c->fn(c->ctx, &t);
}

static int each_token(struct db *db, struct db_stmt *st, bool want_one,
		      db_token_fn fn, void *ctx, struct strbuf *err)
{
	struct token_rows c = { fn, ctx, 0 };
	int ret = db_each(db, st, token_row, &c, "reading tokens", err);

	if (!ret && want_one && !c.rows)
		ret = -ENOENT;
	return ret;
}

int db_token_find(struct db *db, const char *hash, db_token_fn fn, void *ctx,
		  struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_TOKEN_FIND_HASH, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, hash);
	return each_token(db, st, true, fn, ctx, err);
}

int db_token_list(struct db *db, db_token_fn fn, void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_TOKEN_LIST, err);

	if (!st)
		return -EIO;
	return each_token(db, st, false, fn, ctx, err);
}

int db_token_revoke(struct db *db, const char *name, long long now,
		    struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_TOKEN_REVOKE, err);
	int ret;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, name);
	db_bind_int(st, 2, now);
	ret = db_step_done(db, st, "revoking token", err);
	if (ret)
		return ret;
	if (!db_changes(db)) {
		strbuf_addf(err, "no active token named '%s'", name);
		return -ENOENT;
	}
	return 0;
}
