/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mail: the tables every part of splatd's mail shares: mail_settings (key,
 * value) and the outbox (docs/mail.md, "Delivery").  Digests, escalations,
 * subscriptions and replies keep their own statements in files of their own.
 */
#ifndef SPLATD_DB_MAIL_H
#define SPLATD_DB_MAIL_H

#include "db/db.h"

/* -ENOENT when key has no value. */
int db_mail_setting_get(struct db *db, const char *key, struct strbuf *value,
			struct strbuf *err);
int db_mail_setting_set(struct db *db, const char *key, const char *value,
			struct strbuf *err);

/* An outbox row; strings borrowed (from SQLite during a callback). */
struct db_outbox_mail {
	long long id;
	const char *message_id; /* without <> */
	const char *kind; /* digest, escalation, reply, list */
	const char *envelope_from;
	const char *recipients; /* JSON array of addresses */
	const char *message; /* the whole message, CRLF line ends */
	const char *state; /* queued, sent, failed */
	long long attempts, next_attempt, created, sent_at;
	const char *last_error;
};

typedef int (*db_outbox_fn)(void *ctx, const struct db_outbox_mail *m);

/* Queue m (state queued, attempts 0); -EEXIST when its Message-ID is in. */
int db_outbox_insert(struct db *db, const struct db_outbox_mail *m,
		     struct strbuf *err);
/* Queued mails due at now (next_attempt <= now), oldest first. */
int db_outbox_due(struct db *db, long long now, long long limit,
		  db_outbox_fn fn, void *ctx, struct strbuf *err);
int db_outbox_mark_sent(struct db *db, long long id, long long now,
			struct strbuf *err);
/* One more attempt failed: retry at next (queued) or give up (failed). */
int db_outbox_mark_retry(struct db *db, long long id, long long next,
			 const char *why, struct strbuf *err);
int db_outbox_mark_failed(struct db *db, long long id, const char *why,
			  struct strbuf *err);

#endif
