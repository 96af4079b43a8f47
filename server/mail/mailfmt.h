/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mailfmt: writing RFC 5322 messages safely.  Header values never carry
 * CR or LF from data (any control character becomes a space), non-ASCII
 * goes out as RFC 2047 encoded-words, bodies are wrapped at 72 columns
 * except for words (URLs) longer than that.  Every line ends in CRLF.
 */
#ifndef SPLATD_MAILFMT_H
#define SPLATD_MAILFMT_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/strbuf.h"

#define MAIL_WIDTH 72
/* RFC 5322: a line is at most 998 bytes (SMTP servers refuse longer ones);
 * header lines fold before a space past 78 columns where they can. */
#define MAIL_LINE_MAX 998
#define MAIL_HEADER_FOLD 78

/* "Name: value\r\n", value made safe (and encoded when not ASCII, or
 * when a word of it would not fit a line of 998), folded past 78 columns
 * before a space. */
void mail_header(struct strbuf *m, const char *name, const char *value);
/* "Name: display <addr>\r\n"; display may be NULL.  addr must be valid. */
void mail_header_addr(struct strbuf *m, const char *name, const char *display,
		      const char *addr);
/* The mailbox "display <addr>" alone: display quoted, or RFC 2047 encoded
 * when it is not ASCII, never a CR or LF from it; NULL or "": <addr>. */
void mail_mailbox(struct strbuf *m, const char *display, const char *addr);
/* A bare address we send to: local@domain, printable ASCII, no spaces,
 * quotes, angle brackets or commas, at most 254 bytes. */
bool mail_addr_valid(const char *addr);
/* "Name <a@b>", "a@b (comment)" or "a@b" -> "a@b" lower case into out;
 * false when there is no valid address in it (parsers/mailmsg.h's rule,
 * mailmsg_addr). */
bool mail_addr_parse(const char *text, struct strbuf *out);
/* An address an operator or a client gives (a command's --email, an API's
 * email field): mail_addr_parse(), and false too when text holds a control
 * character, so that "a@b\r\nBcc: c@d" is refused, not kept as a@b. */
bool mail_addr_given(const char *text, struct strbuf *out);
/* The domain of from ("splatd <splatd@example.org>" -> example.org). */
void mail_domain(const char *from, struct strbuf *out);
/*
 * The List-Id (RFC 2919) of splatd's mail of one kind from domain:
 * "splatd <label>s <label.splatd.domain>", a leading "splatd." of domain
 * not doubled ("digest", "splatd.example.org" and "example.org" both give
 * digest.splatd.example.org).
 */
void mail_list_id(struct strbuf *out, const char *label, const char *domain);
/* A new random Message-ID "<hex>.splatd@domain" without the angle
 * brackets; 0 or -errno. */
int mail_message_id(struct strbuf *out, const char *domain, struct strbuf *err);
/* RFC 5322 date of t (UTC). */
void mail_date(struct strbuf *out, long long t);
/*
 * Append text word-wrapped at MAIL_WIDTH columns, each line starting with
 * indent (the first with first, when not NULL), CRLF after each line.  A
 * word longer than the line stays whole on a line of its own (cut only
 * past 998 bytes).  Control characters of text become spaces.
 */
void mail_wrap(struct strbuf *out, const char *first, const char *indent,
	       const char *text);
/* One body line: text with control characters made spaces, then CRLF (a
 * line past 998 bytes is cut there, between characters). */
void mail_line(struct strbuf *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * The unsubscribe link of email for signature sig (0: everything):
 * "<public_url>/unsubscribe?e=<email>&s=<sig>&t=<token>", token an HMAC of
 * (email, sig) under secret.  mail_unsub_check() says whether token is it.
 */
void mail_unsub_url(struct strbuf *out, const char *public_url,
		    const char *secret, const char *email, long long sig);
bool mail_unsub_check(const char *secret, const char *email, long long sig,
		      const char *token);

#endif
