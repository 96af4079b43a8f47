/* SPDX-License-Identifier: GPL-2.0 */
/*
 * smtp: the outbox sink that sends mail to an SMTP server with libcurl
 * (docs/mail.md, "Delivery, exactly once").
 *
 * cfg->smtp_url is smtp://HOST[:PORT] (STARTTLS when the server offers it,
 * required with cfg->smtp_tls_required) or smtps://HOST[:PORT] (TLS from
 * the first byte).  With cfg->smtp_user the sink authenticates; the
 * password is the first line of cfg->smtp_password_file (a file others may
 * read is refused) or else $SPLATD_SMTP_PASSWORD, never an argument.  One
 * connection serves every message of a pass.  What deliver() answers:
 *
 *   OUTBOX_SENT      the server took the message for at least one
 *                    recipient; recipients it refused are named in why
 *                    (kept as the mail's last error) and do not get it:
 *                    sending again would give the others a second copy
 *   OUTBOX_TEMPFAIL  a 4xx answer (every recipient refused, one of them
 *                    with 4xx, counts as 4xx), or the connection broke or
 *                    timed out after the server's greeting
 *   OUTBOX_PERMFAIL  a 5xx answer (every recipient refused with 5xx)
 *   OUTBOX_DOWN      no connection to the server, or no greeting
 *   OUTBOX_HELD      AUTH refused (535) or required (530, 534, 538), TLS
 *                    required and not offered, or TLS failed: a problem of
 *                    the configuration, so no mail counts an attempt and
 *                    none is lost; they wait until the operator fixes it
 *
 * why always carries the server's own answer when there was one.
 */
#ifndef SPLATD_SMTP_H
#define SPLATD_SMTP_H

#include "parsers/strbuf.h"
#include "server/mail/mail.h"
#include "server/mail/outbox.h"

/* Set up s to send through cfg->smtp_url (cfg must outlive s).  0, or
 * -EINVAL with err (no or a bad URL, no password), -ENOMEM. */
int smtp_sink_new(struct outbox_sink *s, const struct mail_config *cfg,
		  struct strbuf *err);
/* Close the connection and free what smtp_sink_new() made; a sink that
 * was never set up (all zero) is fine. */
void smtp_sink_release(struct outbox_sink *s);

#endif
