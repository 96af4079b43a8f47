// SPDX-License-Identifier: GPL-2.0
/* subscriptions: the statements of tables subscriptions and mail_optouts. */
#include "db/subscriptions.h"

#include <errno.h>

#include "parsers/compiler.h"

int db_subscription_insert(struct db *db, const struct db_subscription *s,
			   long long *id, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_SUB_INSERT, err);
	int ret = 0;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, s->email);
	db_bind_text(st, 2, s->what);
	db_bind_text(st, 3, s->value);
	db_bind_text(st, 4, s->period);
	db_bind_int(st, 5, s->created);
	db_bind_text(st, 6, s->actor);
	if (db_step(st) == DB_DONE) {
		*id = db_last_id(db);
	} else if (db_unique_failed(db)) {
		strbuf_addf(err, "%s is subscribed to %s '%s' already",
			    s->email, s->what, s->value);
		ret = -EEXIST;
	} else {
		ret = db_fail(db, "storing subscription", err);
	}
	db_reset(st);
	return ret;
}

struct sub_rows {
	db_subscription_fn fn;
	void *ctx;
	int rows;
};

static int sub_row(void *ctx, struct db_stmt *st)
{
	struct sub_rows *c = ctx;
	struct db_subscription s;

	s.id = db_col_int(st, 0);
	s.email = db_col_text(st, 1);
	s.what = db_col_text(st, 2);
	s.value = db_col_text(st, 3);
	s.period = db_col_text(st, 4);
	s.created = db_col_int(st, 5);
	s.actor = db_col_text(st, 6);
	c->rows++;
	return c->fn(c->ctx, &s);
}

int db_subscription_get(struct db *db, long long id, db_subscription_fn fn,
			void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_SUB_GET, err);
	struct sub_rows c = { fn, ctx, 0 };
	int ret;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	ret = db_each(db, st, sub_row, &c, "reading subscription", err);
	if (!ret && !c.rows) {
		strbuf_addf(err, "no subscription %lld", id);
		ret = -ENOENT;
	}
	return ret;
}

int db_subscription_list(struct db *db, const char *email,
			 db_subscription_fn fn, void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_SUB_LIST, err);
	struct sub_rows c = { fn, ctx, 0 };

	if (!st)
		return -EIO;
	db_bind_text(st, 1, email);
	return db_each(db, st, sub_row, &c, "listing subscriptions", err);
}

int db_subscription_delete(struct db *db, long long id, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_SUB_DELETE, err);
	int ret;

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	ret = db_step_done(db, st, "removing subscription", err);
	if (!ret && !db_changes(db)) {
		strbuf_addf(err, "no subscription %lld", id);
		ret = -ENOENT;
	}
	return ret;
}

int db_optout_insert(struct db *db, const char *email, long long sig,
		     const char *reason, long long ts, bool *added,
		     struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OPTOUT_INSERT, err);
	int ret;

	*added = false;
	if (!st)
		return -EIO;
	db_bind_text(st, 1, email);
	db_bind_int(st, 2, sig);
	db_bind_text(st, 3, reason);
	db_bind_int(st, 4, ts);
	ret = db_step_done(db, st, "storing opt-out", err);
	if (!ret)
		*added = db_changes(db) > 0;
	return ret;
}

int db_optout_delete(struct db *db, const char *email, long long sig,
		     bool *removed, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OPTOUT_DELETE, err);
	int ret;

	*removed = false;
	if (!st)
		return -EIO;
	db_bind_text(st, 1, email);
	db_bind_int(st, 2, sig);
	ret = db_step_done(db, st, "removing opt-out", err);
	if (!ret)
		*removed = db_changes(db) > 0;
	return ret;
}

static int row_seen(void *ctx, struct db_stmt *st UNUSED)
{
	*(bool *)ctx = true;
	return 0;
}

int db_optout_exists(struct db *db, const char *email, long long sig,
		     bool *exists, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OPTOUT_GET, err);

	*exists = false;
	if (!st)
		return -EIO;
	db_bind_text(st, 1, email);
	db_bind_int(st, 2, sig);
	return db_each(db, st, row_seen, exists, "reading opt-out", err);
}
