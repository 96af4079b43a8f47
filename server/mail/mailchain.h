/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mailchain: the locks of a signature as a mail item shows them, so that a
 * maintainer reads the deadlock from the mail alone (docs/mail.md): a
 * cycle or a chain in lock order, one lock a line, "-> B  in f" where f
 * takes B while the lock above is held (the signature's edges); irq kinds
 * with their safe and unsafe locks labelled; the held locks of the kinds
 * that are about them (from the newest report, parsed again).
 */
#ifndef SPLATD_MAILCHAIN_H
#define SPLATD_MAILCHAIN_H

#include "db/db.h"
#include "parsers/strbuf.h"

/*
 * Append the lines of signature id of kind, whose chain (names as
 * printed) and classes (normalized) are JSON array texts; nothing when it
 * names no lock.  Lines within 72 columns but for a long lock name, every
 * character of data through mail_line()/mail_wrap().  0 or -errno.
 */
int mailchain_render(struct strbuf *m, struct db *db, long long id,
		     const char *kind, const char *chain, const char *classes,
		     struct strbuf *err);

#endif
