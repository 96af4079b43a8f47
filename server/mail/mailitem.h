/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mailitem: the parts digests and escalation mails share (docs/mail.md):
 * the message head (RFC 5322 headers through mailfmt only, one text/plain
 * utf-8 part), one signature as an item of a mail, and the help of the
 * reply commands.  Every body line is at most 72 columns except URLs.
 */
#ifndef SPLATD_MAILITEM_H
#define SPLATD_MAILITEM_H

#include <stdbool.h>

#include "db/db.h"
#include "parsers/strbuf.h"
#include "server/mail/mail.h"

/* The headers of one mail; NULL fields are left out. */
struct mailitem_head {
	const char *from_name, *from_addr;
	const char *const *to;
	const char *const *to_names; /* their display names, NULL each or all */
	size_t nto;
	const char *const *cc;
	const char *const *cc_names;
	size_t ncc;
	const char *subject;
	long long date;
	const char *message_id; /* without <> */
	const char *in_reply_to; /* without <>; also the References */
	const char *list_id; /* mail_list_id() */
	const char *unsubscribe; /* List-Unsubscribe URL (one-click) */
	/* or, for a mail to several people (one signed URL cannot fit them
	 * all), a mailto: address whose mail from the reader unsubscribes
	 * that reader (server/mail/mail_receive.c) */
	const char *unsubscribe_mailto;
	const char *kind, *subsystem, *signature; /* X-Splatd-* */
	const char *mail_kind; /* X-Splatd-Mail: digest, escalation, list */
};

/* Append the headers and the blank line that ends them. */
void mailitem_head(struct strbuf *m, const struct mailitem_head *h);

/* "Name <addr>" of cfg->from split; addr "splatd@localhost" when invalid. */
void mailitem_from(const struct mail_config *cfg, struct strbuf *name,
		   struct strbuf *addr);

/* One signature as a mail item. */
struct mailitem {
	long long ref; /* [n]; 0: none */
	long long id;
	const char *hash, *kind, *title, *status;
	const char *chain; /* JSON array text */
	const char *classes; /* JSON array text; may be NULL */
	long long first_seen, last_seen, occurrences;
	long long since; /* occurrences since the last digest; -1: none */
	long long escalated_at; /* 0: not escalated */
	long long now; /* when the mail is composed */
	/* the regression's state changes after this are told (the last
	 * digest, the last mail about it; 0: the newest one, if any) */
	long long changed_after;
	const char *escalation_reason;
	const char *why; /* the line saying why the reader gets it; or NULL */
	/* a `#regzbot introduced:` line may still be written in this mail
	 * (cleared when one is); NULL: none in it */
	bool *regzbot;
};

/*
 * Append it: title, kind and status, counts, machines, first/last seen,
 * trees and kernels, the locks in lock order (mailchain.h), why, escalation, the
 * regression with its links (and `#regzbot introduced:` for mainline,
 * next and stable trees), the dashboard URL.  0 or -errno.
 */
int mailitem_render(struct strbuf *m, struct db *db,
		    const struct mail_config *cfg, const struct mailitem *it,
		    struct strbuf *err);

/* The reply commands, briefly. */
void mailitem_help(struct strbuf *m);

/* "2026-12-06" of t. */
void mailitem_day(struct strbuf *out, long long t);

#endif
