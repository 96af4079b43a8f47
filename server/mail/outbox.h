/* SPDX-License-Identifier: GPL-2.0 */
/*
 * outbox: every mail splatd sends goes through the outbox table.  A mail is
 * composed and committed first (outbox_queue, in the composer's
 * transaction), then handed to a sink (SMTP, an mbox file, a terminal),
 * then marked sent.  A crash between the hand-over and the mark sends it
 * again with the same Message-ID (docs/mail.md, "Delivery").
 */
#ifndef SPLATD_OUTBOX_H
#define SPLATD_OUTBOX_H

#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>

#include "db/db.h"
#include "parsers/strbuf.h"
#include "server/mail/mail.h"

/*
 * Queue one composed message (the whole RFC 5322 text with CRLF line ends,
 * its Message-ID without <>) for rcpt[0..n) inside the caller's
 * transaction.  kind: digest, escalation, reply, list.  thread: the
 * Message-ID of its thread's first mail (db_outbox_thread()), NULL when
 * it starts one or its kind keeps no threads of its own.  0 or -errno.
 */
int outbox_queue(struct db *db, const char *kind, const char *message_id,
		 const char *envelope_from, const char *const *rcpt, size_t n,
		 const char *message, const char *thread, long long now,
		 struct strbuf *err);

enum outbox_result {
	OUTBOX_SENT, /* the sink took it */
	OUTBOX_TEMPFAIL, /* try again later (SMTP 4xx, a time-out) */
	OUTBOX_PERMFAIL, /* never (SMTP 5xx): recorded, not retried */
	/* no connection to the server: this mail is retried later (as
	 * TEMPFAIL) and the pass stops, the others wait untouched */
	OUTBOX_DOWN,
	/* the transport refuses all mail for now (AUTH refused or required,
	 * TLS required and not offered): not this mail's fault, so its
	 * attempt is not counted; the pass stops and everything waits */
	OUTBOX_HELD,
};

/* Where mail goes; deliver() says what became of one message and why. */
struct outbox_sink {
	const char *name;
	enum outbox_result (*deliver)(void *ctx, const char *envelope_from,
				      const char *const *rcpt, size_t n,
				      const char *message, size_t len,
				      struct strbuf *why);
	void *ctx;
	/* it sends mail to people: the emergency stop and the hourly cap
	 * apply (SMTP); an mbox file or a terminal is not limited */
	bool limited;
};

/* Append each message to f in mbox format ("From " line, ">From" quoted). */
void outbox_sink_mbox(struct outbox_sink *s, FILE *f);
/* Print each message to f as a mail client shows its source (LF ends). */
void outbox_sink_print(struct outbox_sink *s, FILE *f);

struct outbox_stats {
	unsigned sent, retried, failed;
	unsigned held; /* due but held back (paused, hourly cap, stopped) */
};

/* Retry after 1, 2, 4 ... minutes, at most 2 hours apart; a mail still
 * not sent two days after it was queued has failed for good. */
#define OUTBOX_RETRY_FIRST 60
#define OUTBOX_RETRY_MAX (2 * 3600)
#define OUTBOX_GIVE_UP (2 * 86400)
/* A mail handed to a sink is claimed this long: a sender that dies
 * mid-send leaves it to the next pass after that (docs/mail.md). */
#define OUTBOX_LEASE 600

/*
 * Hand every due queued mail to sink, oldest first, and mark what became
 * of it: sent, retried later (backoff), or failed.  Each mail is claimed
 * (OUTBOX_LEASE) before the hand-over and marked after it, one statement
 * each, so this runs inside a caller's transaction (a dry run) or without
 * one, and two senders never hand over the same mail.  For a limited sink
 * nothing is sent while mail is paused, and no more than
 * cfg->max_per_hour mails are sent in any hour (0: no cap): what exceeds
 * waits, counted in st->held.  0, or -EAGAIN when the sink stopped the
 * pass (OUTBOX_DOWN, OUTBOX_HELD; why in err), or -errno with err.
 */
int outbox_send_due(struct db *db, const struct mail_config *cfg,
		    const struct outbox_sink *sink, long long now,
		    struct outbox_stats *st, struct strbuf *err);

/* When mails of a pass failed for good, the line saying so and what to do
 * into err; whether they did. */
bool outbox_failed_note(const struct outbox_stats *st, struct strbuf *err);

struct outbox_retry_stats {
	unsigned queued; /* failed mails queued again */
	unsigned superseded; /* failed digests left: a later one went out */
};

/*
 * Queue failed mail again at now, as if new (docs/mail.md, "Failed
 * mail"): the one of outbox id id, or every failed one for id 0.  A failed
 * digest that a later digest to the same address superseded is left
 * failed (that one holds its items); one that was not becomes its
 * address's last digest again.  One transaction; 0 or -errno with err.
 */
int outbox_retry(struct db *db, long long id, long long now,
		 struct outbox_retry_stats *st, struct strbuf *err);

/*
 * The state of the outbox at now as JSON: {paused, queued, sent, failed,
 * sent_last_hour, oldest_queued, next_attempt, failures: [{message_id,
 * kind, state, recipients, attempts, last_error}]} (at most nfail of those,
 * newest first: failed mails and queued ones waiting for a retry).  It
 * holds addresses.  *out is a new reference; 0 or -errno with err.
 */
int outbox_status_json(struct db *db, long long now, unsigned nfail,
		       json_t **out, struct strbuf *err);

#endif
