/* SPDX-License-Identifier: GPL-2.0 */
/*
 * digest: one mail per recipient per period about the signatures it owns or
 * subscribed to (docs/mail.md, "The digest").  A recipient is an address of
 * signature_people (server/triage/recipients.h; its L: lists only with
 * cfg->list_digests) or of subscriptions, not opted out of everything.  Its
 * period is a day, or a week when its only reasons are weekly
 * subscriptions; a digest is due when the period has passed since its last
 * one and there is something new for it: a signature first seen, an
 * occurrence, an escalation or a regression state change after its last
 * digest.  Addressed To: that address alone.  Sections, in order: needs
 * attention (escalated), new since your last digest, regressions that
 * changed state (fix_known, fixed, reopened, workaround), fired again since
 * your last digest (most occurrences since it first), still open (of the
 * others, the cfg->digest_top most frequent of the last 7 days), escalated
 * and mailed about already (one line each); each signature once, in the
 * first section it belongs to, numbered [n] across the mail.  Opt-outs (mail_optouts) and mutes are
 * honoured as the mail is composed.  Each mail is queued in the outbox with
 * its records (mail_recipients, mail_items, mail_sent_about) in the
 * caller's transaction: all of them or none.
 */
#ifndef SPLATD_DIGEST_H
#define SPLATD_DIGEST_H

#include <pthread.h>
#include <stdbool.h>

#include "db/db.h"
#include "parsers/strbuf.h"
#include "server/mail/mail.h"

/* At most this many items in each section but "Still open". */
#define DIGEST_SECTION_MAX 25

struct digest_stats {
	unsigned escalated; /* signatures that escalated */
	unsigned escalations; /* escalation mails queued */
	unsigned digests; /* digests queued (people and subscribers) */
	unsigned lists; /* digests queued to L: lists */
	unsigned quiet; /* recipients due but with nothing new */
};

/*
 * Escalate, then compose and queue every mail due at now, inside the
 * caller's transaction (no sending).  0 or -errno with err.
 */
int digest_compose(struct db *db, const struct mail_config *cfg, long long now,
		   struct digest_stats *st, struct strbuf *err);
/*
 * The same with transactions of its own (what `serve` and `splatd digest`
 * call): the escalation step in one, then each mail in one with its
 * records, so that the writers' lock is never held for the whole pass.
 */
int digest_run(struct db *db, const struct mail_config *cfg, long long now,
	       struct digest_stats *st, struct strbuf *err);

/*
 * Compute and store the owners (and so the people) of every open signature
 * that has none or stale ones, in the first trusted tree of `splatd git
 * tree add` (its repository at its branch, with the function index `splatd
 * git index` stored); *have_tree is false when no tree is configured.
 * With a tree or without, owners stored without their people (computed
 * before the people were kept) get them (recipients_backfill()).
 * write_lock as owners_cache_fill().  0 or -errno.
 */
int digest_owners_fill(struct db *db, pthread_mutex_t *write_lock,
		       bool *have_tree, struct strbuf *err);

#endif
