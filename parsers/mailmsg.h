/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mailmsg: one received RFC 5322 message read into what a reply to splatd
 * needs (docs/mail.md, "Replies that act"): its sender, subject and thread
 * headers, the text of its first inline text/plain part (else of its
 * first inline text/html part, parsers/mailhtml.h; never an attachment
 * nor a forwarded message), and the `#splatd` commands
 * written in it.  Pure: no I/O, any bytes in, never a crash.
 *
 * Line ends may be CRLF, LF or CR.  Header values are unfolded and their
 * RFC 2047 encoded-words (B and Q) decoded; every text handed out is UTF-8
 * without control characters (a byte that is not UTF-8 reads '?').
 * Charsets utf-8, us-ascii, iso-8859-1 and windows-1252 are converted; any
 * other is read as UTF-8 with that rule.  A format=flowed text's wrapped
 * lines are joined (RFC 3676).
 */
#ifndef SPLATD_MAILMSG_H
#define SPLATD_MAILMSG_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/strbuf.h"

#define MAILMSG_MAX_SIZE (10u << 20) /* bytes of a message (the caller) */
#define MAILMSG_MAX_HEADER_LINES 1000 /* lines of one header section */
#define MAILMSG_MAX_HEADER_LEN (64u << 10) /* one unfolded header */
#define MAILMSG_MAX_BODY (4u << 20) /* the decoded text part */
#define MAILMSG_MAX_DEPTH 8 /* multipart nesting */
#define MAILMSG_MAX_PARTS 100 /* MIME parts looked at */
#define MAILMSG_MAX_COMMANDS 50 /* commands of one mail; more: error */
#define MAILMSG_MAX_REFS 100 /* References kept (the nearest) */
#define MAILMSG_MAX_ARG 200 /* bytes of a command's argument */
#define MAILMSG_MAX_MUTE_DAYS 365

enum mailmsg_verb {
	MAILMSG_UNKNOWN, /* not a command splatd knows */
	MAILMSG_FIX, /* fix: <commit or subject> */
	MAILMSG_DUP, /* dup: <[n] | signature hash | id> */
	MAILMSG_INVALID, /* invalid */
	MAILMSG_INTRODUCED, /* introduced: <commit or range> */
	MAILMSG_LINK, /* link: <http(s) url> */
	MAILMSG_MUTE, /* mute [<days>d | until-escalating] */
	MAILMSG_UNMUTE, /* unmute */
	MAILMSG_NOT_MINE, /* not-mine */
	MAILMSG_STATUS, /* status: <triaged|known|new> */
	MAILMSG_VERB_NR,
};

/* "fix", "dup", ...; "?" for MAILMSG_UNKNOWN. */
extern const char *const mailmsg_verb_names[MAILMSG_VERB_NR];

/*
 * One `#splatd` line.  The item it is about: ref (an [n] of the mail it
 * answers: written as `#splatd [n] verb` or `<n>`, else the nearest quoted
 * "> [n] ..." line above it), or sig_hash (`#splatd <16 hex digits> verb`);
 * neither: the mail's only item or signature.  A malformed command has
 * error set (why, one line) and is never applied.
 */
struct mailmsg_cmd {
	enum mailmsg_verb verb;
	char *line; /* the line as written, at most 100 bytes, for the answer */
	char *arg; /* the argument, trimmed; NULL when none */
	unsigned ref; /* 0: none */
	bool ref_explicit; /* written on the command line */
	char *sig_hash; /* lower case, or NULL */
	/* dup: exactly one of these */
	unsigned dup_ref;
	char *dup_hash;
	long long dup_id;
	/* mute: days, or until it escalates (mute without argument too) */
	unsigned mute_days;
	bool mute_until_escalating;
	char *error; /* NULL: well formed */
};

struct mailmsg {
	char *from; /* the sender's address, lower case; NULL: none valid */
	char *subject; /* "" when none */
	unsigned subject_ref; /* the first "[n]" of the subject, 0: none */
	char *message_id; /* without <>; NULL: none */
	char *in_reply_to; /* without <>; NULL: none */
	char **refs; /* References without <>, oldest first */
	size_t nrefs;
	char **rcpt; /* To and Cc addresses, lower case */
	size_t nrcpt;
	char *auto_submitted, *precedence, *list_id; /* NULL: absent */
	char *body; /* UTF-8 text of the first text/plain part, LF ends */
	size_t body_len;
	bool body_html; /* ... none: the text of the first text/html part */
	/* no text/plain part, and the HTML one was past MAILMSG_MAX_BODY
	 * (before or as text): not read, no body */
	bool html_unread;
	struct mailmsg_cmd *cmds;
	size_t ncmds;
};

/*
 * Read the len bytes at data into m (initialise it with {0}; release it
 * with mailmsg_release() whatever this returns).  0, or -E2BIG (a cap
 * above), -EMSGSIZE (larger than MAILMSG_MAX_SIZE) or -EINVAL (no header
 * section, a MIME part without its boundary) with one line in err; then m
 * holds what was read before the error.
 */
int mailmsg_parse(struct mailmsg *m, const char *data, size_t len,
		  struct strbuf *err);
void mailmsg_release(struct mailmsg *m);

/*
 * The `#splatd` commands of text (any bytes; LF, CRLF or CR lines)
 * appended to m->cmds.
 * 0, or -E2BIG past MAILMSG_MAX_COMMANDS (err says so; the first ones are
 * kept).  mailmsg_parse() calls it on the body.
 */
int mailmsg_commands(struct mailmsg *m, const char *text, size_t len,
		     struct strbuf *err);

/*
 * What the sender wrote in their own words (what a reply explains beside
 * its commands), at most max bytes of UTF-8 into out (reset first; cut at
 * a character with "..."), blanks collapsed, lines joined by a space: the
 * body's lines that are not quoted ("> "), not `#splatd` commands, not an
 * attribution ("On ..., X wrote:" before a quote), before a signature
 * ("-- ") or a forwarded/original message's banner.  Empty when none.
 */
void mailmsg_own_words(const struct mailmsg *m, size_t max, struct strbuf *out);

/*
 * "Name <a@b>", "a@b (comment)" or "a@b" -> "a@b" lower case into out
 * (reset first): printable ASCII, one '@' with text on both sides, no
 * space, quote, bracket or comma, at most 254 bytes, a domain of labels
 * of letters, digits and inner '-' joined by single dots.  false when none.
 */
bool mailmsg_addr(const char *text, size_t len, struct strbuf *out);
/* Whether a[0..n) is such an address (the rule above). */
bool mailmsg_addr_valid(const char *a, size_t n);

#endif
