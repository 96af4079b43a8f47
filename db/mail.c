// SPDX-License-Identifier: GPL-2.0
/* mail: mail_settings and the outbox (db/mail.h). */
#include "db/mail.h"

#include <errno.h>
#include <string.h>

/* the row's first column into the strbuf ctx ("" for NULL); stops */
static int first_text_row(void *ctx, struct db_stmt *st)
{
	struct strbuf *value = ctx;

	strbuf_reset(value);
	strbuf_addstr(value, db_col_text(st, 0) ? db_col_text(st, 0) : "");
	return 1;
}

int db_mail_setting_get(struct db *db, const char *key, struct strbuf *value,
			struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_MAIL_SETTING_GET, err);
	int ret;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, key);
	ret = db_each(db, st, first_text_row, value, "reading mail settings",
		      err);
	return ret == 1 ? 0 : ret ? ret : -ENOENT;
}

int db_mail_setting_set(struct db *db, const char *key, const char *value,
			struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_MAIL_SETTING_SET, err);

	if (!st)
		return -EIO;
	db_bind_text(st, 1, key);
	db_bind_text(st, 2, value);
	return db_step_done(db, st, "storing a mail setting", err);
}

int db_outbox_insert(struct db *db, const struct db_outbox_mail *m,
		     struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OUTBOX_INSERT, err);
	int ret = 0;

	if (!st)
		return -EIO;
	db_bind_text(st, 1, m->message_id);
	db_bind_text(st, 2, m->kind);
	db_bind_text(st, 3, m->envelope_from);
	db_bind_text(st, 4, m->recipients);
	db_bind_text(st, 5, m->message);
	db_bind_int(st, 6, m->created);
	db_bind_text(st, 7, m->thread);
	if (db_step(st) != DB_DONE) {
		if (db_unique_failed(db)) {
			strbuf_addf(err, "message %s is already queued",
				    m->message_id);
			ret = -EEXIST;
		} else {
			ret = db_fail(db, "queueing a mail", err);
		}
	}
	db_reset(st);
	return ret;
}

int db_outbox_thread(struct db *db, const char *message_id, struct strbuf *root,
		     struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OUTBOX_THREAD, err);
	int ret;

	strbuf_reset(root);
	if (!st)
		return -EIO;
	db_bind_text(st, 1, message_id);
	ret = db_each(db, st, first_text_row, root, "reading a mail's thread",
		      err);
	return ret < 0 ? ret : 0;
}

struct outbox_rows {
	db_outbox_fn fn;
	void *ctx;
};

/* The OUTBOX_COLUMNS of a row (borrowed). */
static void outbox_read(struct db_stmt *st, struct db_outbox_mail *m)
{
	m->id = db_col_int(st, 0);
	m->message_id = db_col_text(st, 1);
	m->kind = db_col_text(st, 2);
	m->envelope_from = db_col_text(st, 3);
	m->recipients = db_col_text(st, 4);
	m->message = db_col_text(st, 5);
	m->state = db_col_text(st, 6);
	m->attempts = db_col_int(st, 7);
	m->next_attempt = db_col_int(st, 8);
	m->created = db_col_int(st, 9);
	m->sent_at = db_col_int(st, 10);
	m->last_error = db_col_text(st, 11);
}

static int outbox_row(void *ctx, struct db_stmt *st)
{
	struct outbox_rows *c = ctx;
	struct db_outbox_mail m;

	outbox_read(st, &m);
	return c->fn(c->ctx, &m);
}

struct failed_rows {
	db_outbox_failed_fn fn;
	void *ctx;
};

static int failed_row(void *ctx, struct db_stmt *st)
{
	struct failed_rows *f = ctx;
	struct db_outbox_mail m;

	outbox_read(st, &m);
	return f->fn(f->ctx, &m, db_col_int(st, 12) != 0);
}

int db_outbox_failed(struct db *db, long long id, db_outbox_failed_fn fn,
		     void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OUTBOX_FAILED, err);
	struct failed_rows c = { fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return db_each(db, st, failed_row, &c, "reading failed mail", err);
}

int db_outbox_requeue(struct db *db, long long id, long long now,
		      struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OUTBOX_REQUEUE, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, now);
	return db_step_done(db, st, "queueing a failed mail again", err);
}

int db_digest_recipient_undo(struct db *db, long long id, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_DIGEST_RECIPIENT_UNDO, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	return db_step_done(db, st, "giving a failed digest's period back",
			    err);
}

int db_outbox_due(struct db *db, long long now, long long limit,
		  db_outbox_fn fn, void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OUTBOX_DUE, err);
	struct outbox_rows c = { fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, now);
	db_bind_int(st, 2, limit);
	return db_each(db, st, outbox_row, &c, "reading the outbox", err);
}

int db_outbox_claim(struct db *db, long long id, long long now, long long until,
		    bool *claimed, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OUTBOX_CLAIM, err);
	int ret;

	*claimed = false;
	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, now);
	db_bind_int(st, 3, until);
	ret = db_step_done(db, st, "claiming a mail", err);
	if (!ret)
		*claimed = db_changes(db) == 1;
	return ret;
}

int db_outbox_unclaim(struct db *db, long long id, long long next,
		      const char *why, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OUTBOX_UNCLAIM, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, next);
	db_bind_text(st, 3, why);
	return db_step_done(db, st, "giving a mail back", err);
}

int db_outbox_mark_sent(struct db *db, long long id, long long now,
			const char *note, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OUTBOX_MARK_SENT, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, now);
	db_bind_text(st, 3, note && *note ? note : NULL);
	return db_step_done(db, st, "marking a mail sent", err);
}

int db_outbox_mark_retry(struct db *db, long long id, long long next,
			 const char *why, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OUTBOX_MARK_RETRY, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_int(st, 2, next);
	db_bind_text(st, 3, why);
	return db_step_done(db, st, "marking a mail for retry", err);
}

int db_outbox_mark_failed(struct db *db, long long id, const char *why,
			  struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OUTBOX_MARK_FAILED, err);

	if (!st)
		return -EIO;
	db_bind_int(st, 1, id);
	db_bind_text(st, 2, why);
	return db_step_done(db, st, "marking a mail failed", err);
}

static int count_row(void *ctx, struct db_stmt *st)
{
	*(long long *)ctx = db_col_int(st, 0);
	return 0;
}

int db_outbox_count_due(struct db *db, long long now, long long *n,
			struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OUTBOX_COUNT_DUE, err);

	*n = 0;
	if (!st)
		return -EIO;
	db_bind_int(st, 1, now);
	return db_each(db, st, count_row, n, "counting due mail", err);
}

int db_outbox_sent_between(struct db *db, long long from, long long to,
			   long long *n, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OUTBOX_SENT_BETWEEN, err);

	*n = 0;
	if (!st)
		return -EIO;
	db_bind_int(st, 1, from);
	db_bind_int(st, 2, to);
	return db_each(db, st, count_row, n, "counting sent mail", err);
}

static int state_row(void *ctx, struct db_stmt *st)
{
	struct db_outbox_counts *c = ctx;

	c->queued = db_col_int(st, 0);
	c->sent = db_col_int(st, 1);
	c->failed = db_col_int(st, 2);
	c->next_attempt = db_col_int(st, 3);
	return 0;
}

int db_outbox_counts(struct db *db, struct db_outbox_counts *c,
		     struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OUTBOX_STATES, err);
	int ret;

	memset(c, 0, sizeof(*c));
	if (!st)
		return -EIO;
	ret = db_each(db, st, state_row, c, "counting the outbox", err);
	st = ret ? NULL : db_stmt(db, DB_SQL_OUTBOX_OLDEST, err);
	if (!ret && !st)
		ret = -EIO;
	if (!ret)
		ret = db_each(db, st, count_row, &c->oldest_queued,
			      "reading the outbox", err);
	return ret;
}

int db_outbox_problems(struct db *db, long long limit, db_outbox_fn fn,
		       void *ctx, struct strbuf *err)
{
	struct db_stmt *st = db_stmt(db, DB_SQL_OUTBOX_PROBLEMS, err);
	struct outbox_rows c = { fn, ctx };

	if (!st)
		return -EIO;
	db_bind_int(st, 1, limit);
	return db_each(db, st, outbox_row, &c, "reading the outbox", err);
}
