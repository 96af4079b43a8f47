/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mail_receive: the statements of replies that act (docs/mail.md, "Replies
 * that act"): received mails (exactly once), the [n] items of the mails
 * splatd sent, who may act on a signature, mute state and opt-outs, and a
 * savepoint around each command of a mail.  Each runs inside the caller's
 * transaction.
 */
#ifndef SPLATD_DB_MAIL_RECEIVE_H
#define SPLATD_DB_MAIL_RECEIVE_H

#include <stdbool.h>

#include "db/db.h"

/* *seen: a mail with this Message-ID was received before. */
int db_mail_received_seen(struct db *db, const char *message_id, bool *seen,
			  struct strbuf *err);
int db_mail_received_add(struct db *db, const char *message_id,
			 const char *sender, long long ts, long long applied,
			 long long refused, struct strbuf *err);

/* Each [ref] item of the mail splatd sent as message_id, by ref. */
typedef int (*db_mail_item_fn)(void *ctx, long long ref, long long sig);
int db_mail_items(struct db *db, const char *message_id, db_mail_item_fn fn,
		  void *ctx, struct strbuf *err);

/*
 * Whether email may act on signature root (not a duplicate): *mailed, splatd
 * mailed it about root or a signature merged into root; *token, a live
 * triager or admin token is bound to it.
 */
int db_mail_may_act(struct db *db, long long root, const char *email,
		    bool *mailed, bool *token, struct strbuf *err);
/* Whether email has standing: splatd mailed it (about anything), it has a
 * subscription, or a live token is bound to it. */
int db_mail_standing(struct db *db, const char *email, bool *yes,
		     struct strbuf *err);

/* muted_until (0: none) and mute_until_escalating of signature sig. */
int db_mail_mute(struct db *db, long long sig, long long until,
		 bool until_escalating, struct strbuf *err);
/* email gets no more mail about sig (0: any) for reason. */
int db_mail_optout(struct db *db, const char *email, long long sig,
		   const char *reason, long long ts, struct strbuf *err);

/* The recipients (a JSON array of addresses) of the mail splatd sent as
 * message_id into out (reset first); -ENOENT when there is none. */
int db_mail_recipients(struct db *db, const char *message_id,
		       struct strbuf *out, struct strbuf *err);
/*
 * email's own mute of sig (a row of mail_optouts): until a time (reason
 * "mute", ts the end) or until it escalates ("mute-escalating", ts now).
 * It replaces an earlier mute of theirs, never their not-mine or
 * unsubscribe.
 */
int db_mail_mute_mine(struct db *db, const char *email, long long sig,
		      bool until_escalating, long long ts, struct strbuf *err);
/* email's own mute of sig lifted; *was: there was one. */
int db_mail_unmute_mine(struct db *db, const char *email, long long sig,
			bool *was, struct strbuf *err);

/* SAVEPOINT / RELEASE / ROLLBACK TO around one command. */
int db_mail_command_begin(struct db *db, struct strbuf *err);
int db_mail_command_end(struct db *db, struct strbuf *err);
int db_mail_command_undo(struct db *db, struct strbuf *err);

#endif
