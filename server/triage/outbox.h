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

#include <stdio.h>

#include "db/db.h"
#include "parsers/strbuf.h"
#include "server/triage/mail.h"

/*
 * Queue one composed message (the whole RFC 5322 text with CRLF line ends,
 * its Message-ID without <>) for rcpt[0..n) inside the caller's
 * transaction.  kind: digest, escalation, reply, list.  0 or -errno.
 */
int outbox_queue(struct db *db, const char *kind, const char *message_id,
		 const char *envelope_from, const char *const *rcpt, size_t n,
		 const char *message, long long now, struct strbuf *err);

enum outbox_result {
	OUTBOX_SENT, /* the sink took it */
	OUTBOX_TEMPFAIL, /* try again later (SMTP 4xx, no connection) */
	OUTBOX_PERMFAIL, /* never (SMTP 5xx): recorded, not retried */
};

/* Where mail goes; deliver() says what became of one message and why. */
struct outbox_sink {
	const char *name;
	enum outbox_result (*deliver)(void *ctx, const char *envelope_from,
				      const char *const *rcpt, size_t n,
				      const char *message, size_t len,
				      struct strbuf *why);
	void *ctx;
};

/* Append each message to f in mbox format ("From " line, ">From" quoted). */
void outbox_sink_mbox(struct outbox_sink *s, FILE *f);
/* Print each message to f as a mail client shows its source (LF ends). */
void outbox_sink_print(struct outbox_sink *s, FILE *f);

struct outbox_stats {
	unsigned sent, retried, failed;
	unsigned held; /* due but held back (paused, hourly cap) */
};

/*
 * Hand every due queued mail to sink and mark what became of it: sent,
 * retried later (backoff), or failed.  0 or -errno with err.
 */
int outbox_send_due(struct db *db, const struct mail_config *cfg,
		    const struct outbox_sink *sink, long long now,
		    struct outbox_stats *st, struct strbuf *err);

#endif
