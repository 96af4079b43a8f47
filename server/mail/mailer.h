/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mailer: `splatd serve`'s mail thread.  Every --digest-interval seconds it
 * does what `splatd digest` does once: escalate and compose what is due
 * (digest_run) and send what the outbox holds (outbox_send_due over SMTP),
 * on a database connection of its own.  It runs only when an SMTP server is
 * configured (--smtp-url).
 */
#ifndef SPLATD_MAILER_H
#define SPLATD_MAILER_H

#include "parsers/strbuf.h"
#include "server/mail/mail.h"

struct mailer;

/* Start the thread (a NULL *out when cfg has no SMTP server or interval is
 * 0); cfg must outlive it.  0 or -errno with err. */
int mailer_start(struct mailer **out, const struct mail_config *cfg,
		 const char *db_path, unsigned interval, struct strbuf *err);
/* Stop the thread (waiting for a pass in progress) and free; NULL is a
 * no-op. */
void mailer_stop(struct mailer *m);

#endif
