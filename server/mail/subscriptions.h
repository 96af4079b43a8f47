/* SPDX-License-Identifier: GPL-2.0 */
/*
 * subscriptions: mail on top of the owners and the way out of all mail
 * (docs/mail.md, "Subscriptions and opting out").  An address subscribes to
 * a MAINTAINERS section, a lockdep kind, a tree, one signature or everything,
 * daily or weekly; it opts out of one signature or of everything with the
 * signed link of every mail (RFC 8058), no login needed.  Both front ends
 * (REST and `splatd subscription`) validate through here and print the same
 * JSON object.
 */
#ifndef SPLATD_SUBSCRIPTIONS_H
#define SPLATD_SUBSCRIPTIONS_H

#include <jansson.h>
#include <stdbool.h>

#include "db/subscriptions.h"
#include "parsers/strbuf.h"

enum subscription_what {
	SUB_SECTION, /* value: a MAINTAINERS section name */
	SUB_KIND, /* value: a lockdep kind (parsers/lockdep.h) */
	SUB_TREE, /* value: a run's tree name */
	SUB_SIGNATURE, /* value: a signature id or hash, stored as its id */
	SUB_ALL, /* no value: every signature (a CI team's list) */
	SUB_WHAT_NR
};

enum subscription_period { SUB_DAILY, SUB_WEEKLY, SUB_PERIOD_NR };

/* "section", "kind", ...; NULL when out of range */
const char *subscription_what_name(enum subscription_what what);
/* -1 when the name is unknown */
int subscription_what_from_name(const char *name);
const char *subscription_period_name(enum subscription_period period);
int subscription_period_from_name(const char *name);

/* A value's longest spelling (a section name, a tree name), in bytes. */
#define SUB_VALUE_MAX 200

/* A subscription asked for, as a front end read it (all borrowed). */
struct subscription_req {
	const char *email; /* any case; "Name <a@b>" is accepted too */
	const char *what; /* a name of enum subscription_what */
	const char *value; /* NULL or "" for all */
	const char *period; /* NULL: daily */
	const char *actor; /* the token's name, "cli" from the command line */
};

/*
 * Validate r and store it at now; *id is the new subscription's.  -EINVAL
 * with err starting with the name of the bad field ("email", "what",
 * "value", "period"): an invalid address, an unknown what, kind or period,
 * no value (or one for all), an unknown signature.  -EEXIST when the same
 * (email, what, value) is there.
 */
int subscription_add(struct db *db, const struct subscription_req *r,
		     long long now, long long *id, struct strbuf *err);

/*
 * Call fn on the subscriptions of email (NULL: everyone's), by id; -EINVAL
 * ("email ...") when email is not an address.
 */
int subscription_list(struct db *db, const char *email, db_subscription_fn fn,
		      void *ctx, struct strbuf *err);

/* The subscription as JSON: id, email, what, value, period, created,
 * actor.  New reference. */
json_t *subscription_json(const struct db_subscription *s);

/* The subscription id as JSON into *out (a new reference); -ENOENT. */
int subscription_get_json(struct db *db, long long id, json_t **out,
			  struct strbuf *err);

/* -ENOENT when there is no subscription id. */
int subscription_remove(struct db *db, long long id, struct strbuf *err);

/*
 * An unsubscribe link's request, checked: who (lower case) stops mail about
 * signature sig (0: all mail), whose title is title ("" for 0).  Filled by
 * unsubscribe_check(); released with unsubscribe_release().
 */
struct unsubscribe {
	struct strbuf email, title;
	long long sig;
	bool done; /* the opt-out is recorded (already, or just now) */
	/* a link of one signature: the address opts out of all mail too,
	 * which the link cannot undo */
	bool all_done;
};

void unsubscribe_init(struct unsubscribe *u);
void unsubscribe_release(struct unsubscribe *u);

/*
 * Check the parameters of an unsubscribe link (mail_unsub_url(): e, s, t)
 * without changing anything: -EINVAL when e or s is missing or malformed,
 * -EACCES when t is not the link's signature for (e, s) (or no link was
 * ever signed here), -ENOENT when sig names no signature.  On 0 u is
 * filled, done telling whether the opt-out is there already.
 */
int unsubscribe_check(struct db *db, const char *e, const char *s,
		      const char *t, struct unsubscribe *u, struct strbuf *err);

/* Record the opt-out of a checked u at now (reason "unsubscribe");
 * idempotent: the first one stays. */
int unsubscribe_apply(struct db *db, struct unsubscribe *u, long long now,
		      struct strbuf *err);
/* Undo it: remove the opt-out of a checked u (whatever its reason: the
 * page said "no more mail"); idempotent, u->done false after. */
int unsubscribe_undo(struct db *db, struct unsubscribe *u, struct strbuf *err);

#endif
