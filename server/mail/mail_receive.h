/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mail_receive: a received mail acted on (docs/mail.md, "Replies that
 * act").  The mail (parsers/mailmsg.h) is matched to the signatures it is
 * about (the splatd mail it answers and its [n] items, or a
 * splatd+<hash>@ address), each `#splatd` command is applied when the
 * sender may act on that signature, and one answer listing what was done
 * and what was refused (and why) is queued in the outbox, all in one
 * transaction.  A Message-ID is acted on once.
 */
#ifndef SPLATD_MAIL_RECEIVE_H
#define SPLATD_MAIL_RECEIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "db/db.h"
#include "parsers/strbuf.h"
#include "server/mail/mail.h"

struct mail_receive_result {
	bool duplicate; /* this Message-ID was received before: no-op */
	bool answered; /* an answer was queued in the outbox */
	unsigned applied, refused; /* commands */
	struct strbuf lines; /* one line per command, LF ends */
	struct strbuf why; /* why the mail was ignored or not answered */
};

#define MAIL_RECEIVE_RESULT_INIT                             \
	{                                                    \
		false, false, 0, 0, STRBUF_INIT, STRBUF_INIT \
	}

void mail_receive_result_release(struct mail_receive_result *r);

/*
 * Act on the mail in data[0..len), received at now.  0 when it was handled:
 * applied, refused (res->lines), ignored (res->why: unreadable, too large,
 * from splatd itself) or received before (res->duplicate).  -errno with
 * err on a database error: nothing changed, the mail may be offered again.
 */
int mail_receive(struct db *db, const struct mail_config *cfg, const char *data,
		 size_t len, long long now, struct mail_receive_result *res,
		 struct strbuf *err);

#endif
