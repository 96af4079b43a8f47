/* SPDX-License-Identifier: GPL-2.0 */
/*
 * escalate: the #6641 trap, a signature marked triaged or known that keeps
 * firing (docs/mail.md, "Escalation").  A signature escalates when
 *   - it is open (status new, triaged or known; not a duplicate),
 *   - it was first seen cfg->escalate_days days ago or earlier,
 *   - it is not muted at now (muted_until in the future) - a mute "until
 *     escalating" does not hold it back: escalating ends that mute,
 *   - and in the 7 days up to now either it fired on at least
 *     cfg->escalate_machines distinct machines, or it fired at least
 *     ESCALATE_SPIKE_FLOOR times and at least cfg->escalate_spike times
 *     its average weekly count in the (up to) 4 weeks before those 7 days
 *     (Sentry's "escalating" rule compares a week with a forecast from the
 *     weeks before; this is that rule without its hourly weighting).
 * Escalating is recorded once: signatures.escalated_at and
 * escalation_reason, and a signature_events row (action "escalate", the
 * reason as its value, actor "splatd").  An escalated signature that did
 * not fire for cfg->escalate_days days is escalated no more (both cleared,
 * a "deescalate" row "no occurrence since DAY"); it may escalate again.
 *
 * An escalated open signature is mailed when the rule holds at now and it
 * fired after its last escalation mail, at most once per
 * cfg->escalate_every days: one mail To: the M: people of the sections
 * owning its culprit edge, Cc: the other owning sections' M: people (and
 * their lists with cfg->list_digests), at most cfg->max_recipients
 * addresses, from "splatd <splatd+HASH@DOMAIN>" so that a reply names the
 * signature; the first mail's Message-ID is the thread every later one
 * answers ("Re: ...").  mail_items (Message-ID, 0, signature) and
 * mail_sent_about record it for replies.
 */
#ifndef SPLATD_ESCALATE_H
#define SPLATD_ESCALATE_H

#include "db/db.h"
#include "parsers/strbuf.h"
#include "server/mail/mail.h"

#define ESCALATE_SPIKE_FLOOR 10
#define ESCALATE_WEEK (7 * 86400LL)

struct escalate_stats {
	unsigned escalated; /* signatures that escalated now */
	unsigned mailed; /* escalation mails queued */
	unsigned ended; /* escalations that ended, quiet */
};

/*
 * Escalate what is due at now, then queue the escalation mails due, inside
 * the caller's transaction (secret: the key of unsubscribe links).  0 or
 * -errno with err.
 */
int escalate_run(struct db *db, const struct mail_config *cfg,
		 const char *secret, long long now, struct escalate_stats *st,
		 struct strbuf *err);

#endif
