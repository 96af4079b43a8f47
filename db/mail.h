/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mail: the tables every part of splatd's mail shares: mail_settings (key,
 * value) and the outbox (docs/mail.md, "Delivery").  Digests, escalations,
 * subscriptions and replies keep their own statements in files of their own.
 */
#ifndef SPLATD_DB_MAIL_H
#define SPLATD_DB_MAIL_H

#include <stdbool.h>

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
	/* the Message-ID of the first mail of its thread; NULL: it is the
	 * first (written by db_outbox_insert() only) */
	const char *thread;
};

typedef int (*db_outbox_fn)(void *ctx, const struct db_outbox_mail *m);

/* Queue m (state queued, attempts 0); -EEXIST when its Message-ID is in. */
int db_outbox_insert(struct db *db, const struct db_outbox_mail *m,
		     struct strbuf *err);
/*
 * The thread of the mail with message_id into root (its first mail's
 * Message-ID, message_id itself when it started one); "" when no such
 * mail is in the outbox.
 */
int db_outbox_thread(struct db *db, const char *message_id, struct strbuf *root,
		     struct strbuf *err);
/* Failed mails (all for id 0, else that one), oldest first; superseded: a
 * digest (or list digest) after which the same address got a later one
 * that did not fail. */
typedef int (*db_outbox_failed_fn)(void *ctx, const struct db_outbox_mail *m,
				   bool superseded);
int db_outbox_failed(struct db *db, long long id, db_outbox_failed_fn fn,
		     void *ctx, struct strbuf *err);
/* Failed mail id queued again at now, as if new (attempts 0, the two days
 * of retries from now, no error). */
int db_outbox_requeue(struct db *db, long long id, long long now,
		      struct strbuf *err);
/* The digest in outbox row id failed: when it is its recipient's last,
 * mail_recipients goes back to the one before it that did not fail (or to
 * none), so that the next pass composes a digest again. */
int db_digest_recipient_undo(struct db *db, long long id, struct strbuf *err);
/* Queued mails due at now (next_attempt <= now), oldest first. */
int db_outbox_due(struct db *db, long long now, long long limit,
		  db_outbox_fn fn, void *ctx, struct strbuf *err);
/*
 * Take mail id for one attempt: when it is still queued and due at now, its
 * attempts go up by one and its next_attempt moves to until (a lease: a
 * sender that dies leaves it to the next one after until).  *claimed says
 * whether this call took it (another sender may have been first).
 */
int db_outbox_claim(struct db *db, long long id, long long now, long long until,
		    bool *claimed, struct strbuf *err);
/* Give a claimed mail back uncounted: attempts down by one, due at next,
 * why kept as its last error. */
int db_outbox_unclaim(struct db *db, long long id, long long next,
		      const char *why, struct strbuf *err);
/* The attempt of a claimed mail ended: sent at now (note: NULL, or what
 * the server refused on the way, kept as last_error), to be retried at
 * next, or failed for good. */
int db_outbox_mark_sent(struct db *db, long long id, long long now,
			const char *note, struct strbuf *err);
int db_outbox_mark_retry(struct db *db, long long id, long long next,
			 const char *why, struct strbuf *err);
int db_outbox_mark_failed(struct db *db, long long id, const char *why,
			  struct strbuf *err);

/* Queued mails due at now. */
int db_outbox_count_due(struct db *db, long long now, long long *n,
			struct strbuf *err);
/* Mails marked sent in (from, to]. */
int db_outbox_sent_between(struct db *db, long long from, long long to,
			   long long *n, struct strbuf *err);

/* The outbox at a glance (read from the index outbox_due). */
struct db_outbox_counts {
	long long queued, sent, failed;
	long long next_attempt; /* earliest of the queued; 0 when none */
	long long oldest_queued; /* created of the oldest queued; 0: none */
};
int db_outbox_counts(struct db *db, struct db_outbox_counts *c,
		     struct strbuf *err);
/* Queued or failed mails with a last error, newest first, at most limit;
 * m->message is "" (not read). */
int db_outbox_problems(struct db *db, long long limit, db_outbox_fn fn,
		       void *ctx, struct strbuf *err);

#endif
