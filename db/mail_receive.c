// SPDX-License-Identifier: GPL-2.0
/* mail_receive: the SQL of replies that act (mail_receive.h). */
#include "db/mail_receive.h"

#include <errno.h>

static int count_row(void *ctx, struct db_stmt *st)
{
	*(long long *)ctx = db_col_int(st, 0);
	return 0;
}

int db_mail_received_seen(struct db *db, const char *message_id, bool *seen,
			  struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_MAILRX_SEEN, err);
	long long n = 0;
	int ret;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, message_id);
	ret = db_each(db, st, count_row, &n, "reading received mail", err);
	*seen = n > 0;
	return ret;
}

int db_mail_received_add(struct db *db, const char *message_id,
			 const char *sender, long long ts, long long applied,
			 long long refused, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_MAILRX_INSERT, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, message_id);
	db_bind_text(st, 2, sender);
	db_bind_int(st, 3, ts);
	db_bind_int(st, 4, applied);
	db_bind_int(st, 5, refused);
	return db_step_done(db, st, "recording received mail", err);
}

struct item_rows {
	db_mail_item_fn fn;
	void *ctx;
};

static int item_row(void *ctx, struct db_stmt *st)
{
	struct item_rows *r = ctx;

	return r->fn(r->ctx, db_col_int(st, 0), db_col_int(st, 1));
}

int db_mail_items(struct db *db, const char *message_id, db_mail_item_fn fn,
		  void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_MAILRX_ITEMS, err);
	struct item_rows r = { fn, ctx };

	if (!st)
		return -EIO;
	db_bind_text(st, 1, message_id);
	return db_each(db, st, item_row, &r, "reading mail items", err);
}

struct may_act {
	bool *mailed, *token;
};

static int may_act_row(void *ctx, struct db_stmt *st)
{
	struct may_act *m = ctx;

	*m->mailed = (int)db_col_int(st, 0);
	*m->token = (int)db_col_int(st, 1);
	return 0;
}

int db_mail_may_act(struct db *db, long long root, const char *email,
		    bool *mailed, bool *token, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_MAILRX_MAY_ACT, err);
	struct may_act m = { mailed, token };

	*mailed = *token = false;
	if (!st)
		return -EIO;
	db_bind_int(st, 1, root);
	db_bind_text(st, 2, email);
	return db_each(db, st, may_act_row, &m, "checking the sender", err);
}

static int standing_row(void *ctx, struct db_stmt *st)
{
	*(bool *)ctx = db_col_int(st, 0) != 0;
	return 0;
}

int db_mail_standing(struct db *db, const char *email, bool *yes,
		     struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_MAILRX_STANDING, err);

	*yes = false;
	if (!st)
		return -EIO;
	db_bind_text(st, 1, email);
	return db_each(db, st, standing_row, yes, "checking the sender", err);
}

int db_mail_mute(struct db *db, long long sig, long long until,
		 bool until_escalating, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_MAILRX_MUTE, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, sig);
	db_bind_int_or_null(st, 2, until, !until);
	db_bind_int(st, 3, until_escalating);
	return db_step_done(db, st, "muting", err);
}

int db_mail_optout(struct db *db, const char *email, long long sig,
		   const char *reason, long long ts, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_MAILRX_OPTOUT, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, email);
	db_bind_int(st, 2, sig);
	db_bind_text(st, 3, reason);
	db_bind_int(st, 4, ts);
	return db_step_done(db, st, "recording the opt-out", err);
}

static int text_row(void *ctx, struct db_stmt *st)
{
	struct strbuf *out = ctx;

	strbuf_addstr(out, db_col_text(st, 0) ? db_col_text(st, 0) : "");
	return 0;
}

int db_mail_recipients(struct db *db, const char *message_id,
		       struct strbuf *out, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_MAILRX_RECIPIENTS, err);
	int ret;

	strbuf_reset(out);
	if (!st)
		return -EIO;
	db_bind_text(st, 1, message_id);
	ret = db_each(db, st, text_row, out, "reading a mail's recipients",
		      err);
	return !ret && !out->len ? -ENOENT : ret;
}

int db_mail_mute_mine(struct db *db, const char *email, long long sig,
		      bool until_escalating, long long ts, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_MAILRX_MUTE_MINE, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, email);
	db_bind_int(st, 2, sig);
	db_bind_text(st, 3, until_escalating ? "mute-escalating" : "mute");
	db_bind_int(st, 4, ts);
	return db_step_done(db, st, "muting for one address", err);
}

int db_mail_unmute_mine(struct db *db, const char *email, long long sig,
			bool *was, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_MAILRX_UNMUTE_MINE, err);
	int ret;

	*was = false;
	if (!st)
		return -EIO;
	db_bind_text(st, 1, email);
	db_bind_int(st, 2, sig);
	ret = db_step_done(db, st, "unmuting for one address", err);
	*was = !ret && db_changes(db) > 0;
	return ret;
}

static int exec(struct db *db, enum db_sql id, const char *what,
		struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, id, err);

	return st ? db_step_done(db, st, what, err) : -EIO;
}

int db_mail_command_begin(struct db *db, struct strbuf *err)
{
	return exec(db, DB_SQL_MAILRX_SAVEPOINT, "savepoint", err);
}

int db_mail_command_end(struct db *db, struct strbuf *err)
{
	return exec(db, DB_SQL_MAILRX_RELEASE, "release", err);
}

int db_mail_command_undo(struct db *db, struct strbuf *err)
{
	int ret = exec(db, DB_SQL_MAILRX_ROLLBACK_TO, "rollback to", err);

	return ret ? ret : exec(db, DB_SQL_MAILRX_RELEASE, "release", err);
}
