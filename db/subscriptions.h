/* SPDX-License-Identifier: GPL-2.0 */
/*
 * subscriptions: who asked for mail on top of the owners (table
 * subscriptions) and who asked for none (table mail_optouts): add, read,
 * list and remove subscriptions, record and read opt-outs (docs/mail.md,
 * "Subscriptions and opting out").  Addresses come in lower case.
 */
#ifndef SPLATD_DB_SUBSCRIPTIONS_H
#define SPLATD_DB_SUBSCRIPTIONS_H

#include "db/db.h"

/* A subscriptions row; strings borrowed (from SQLite during a callback). */
struct db_subscription {
	long long id;
	const char *email; /* lower case */
	const char *what; /* section, kind, tree, signature, all */
	const char *value; /* "" for all; a signature's id in decimal */
	const char *period; /* daily, weekly */
	long long created;
	const char *actor; /* token name or "cli"; may be NULL */
};

typedef int (*db_subscription_fn)(void *ctx, const struct db_subscription *s);

/* Store s (its id ignored) and set *id; -EEXIST when (email, what, value)
 * is there already. */
int db_subscription_insert(struct db *db, const struct db_subscription *s,
			   long long *id, struct strbuf *err);
/* Call fn on subscription id; -ENOENT when there is none. */
int db_subscription_get(struct db *db, long long id, db_subscription_fn fn,
			void *ctx, struct strbuf *err);
/* Call fn on every subscription of email (NULL: of everyone), by id. */
int db_subscription_list(struct db *db, const char *email,
			 db_subscription_fn fn, void *ctx, struct strbuf *err);
/* -ENOENT when there is no subscription id. */
int db_subscription_delete(struct db *db, long long id, struct strbuf *err);

/*
 * Record that email wants no mail about signature sig (0: none at all)
 * for reason ("unsubscribe", "not-mine") at ts.  Idempotent: when the
 * opt-out is there already it is kept as it was and *added is false.
 */
int db_optout_insert(struct db *db, const char *email, long long sig,
		     const char *reason, long long ts, bool *added,
		     struct strbuf *err);
/*
 * Remove the opt-out of email from signature sig (0: all mail), whatever
 * its reason; *removed false when there was none.
 */
int db_optout_delete(struct db *db, const char *email, long long sig,
		     bool *removed, struct strbuf *err);
/* Whether (email, sig) is opted out exactly (sig 0 is not implied). */
int db_optout_exists(struct db *db, const char *email, long long sig,
		     bool *exists, struct strbuf *err);

#endif
