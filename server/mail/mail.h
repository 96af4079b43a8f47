/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mail: what every part of splatd's mail shares (docs/mail.md): the
 * configuration `splatd digest`, `splatd mail` and `splatd serve` take (one
 * set of options, MAIL_OPTIONS), the key of unsubscribe links and the
 * emergency stop, both kept in the database (table mail_settings).
 */
#ifndef SPLATD_MAIL_H
#define SPLATD_MAIL_H

#include <stdbool.h>

#include "db/db.h"
#include "parsers/strbuf.h"

struct mail_config {
	const char *public_url; /* base of every link in mail, no final '/' */
	const char *from; /* From: of digests and escalations */
	const char *smtp_url; /* smtp://host[:port], smtps://...; NULL: none */
	const char *smtp_user;
	const char *smtp_password_file; /* else $SPLATD_SMTP_PASSWORD */
	bool smtp_tls_required; /* smtp:// must STARTTLS (else: when offered) */
	unsigned max_recipients; /* addresses in one mail (10) */
	bool list_digests; /* L: lists get a per-section digest */
	unsigned digest_top; /* "still open" items in a digest (10) */
	unsigned escalate_days; /* open this long before it escalates (14) */
	unsigned escalate_machines; /* ... and on this many machines (5) */
	unsigned escalate_spike; /* ... or this many times its earlier rate */
	unsigned escalate_every; /* days between escalation mails (7) */
	unsigned max_per_hour; /* mails sent in any hour, all kinds (500) */
};

/* Every field at its default. */
void mail_config_init(struct mail_config *cfg);

/* public_url's default: this host's, a base no reader elsewhere can use */
#define MAIL_PUBLIC_URL_DEFAULT "http://127.0.0.1:8080"

/*
 * Whether public_url is the site's own (--public-url given, other than the
 * default): only then may mail ask a fix commit to name its pages, which
 * `splatd git sync --public-url` takes as evidence.
 */
bool mail_public_url_given(const struct mail_config *cfg);

/* The options of struct mail_config, for a command's options table. */
#define MAIL_OPTIONS(c)                                                       \
	OPT_URL("--public-url", &(c)->public_url),                            \
		OPT_STRING("--mail-from", &(c)->from),                        \
		OPT_STRING("--smtp-url", &(c)->smtp_url),                     \
		OPT_STRING("--smtp-user", &(c)->smtp_user),                   \
		OPT_STRING("--smtp-password-file", &(c)->smtp_password_file), \
		OPT_BOOL("--smtp-tls-required", &(c)->smtp_tls_required,      \
			 true),                                               \
		OPT_UINT("--mail-max-recipients", &(c)->max_recipients,       \
			 OPTIONS_NONZERO),                                    \
		OPT_BOOL("--mail-lists", &(c)->list_digests, true),           \
		OPT_UINT("--digest-top", &(c)->digest_top, 0),                \
		OPT_UINT("--escalate-days", &(c)->escalate_days, 0),          \
		OPT_UINT("--escalate-machines", &(c)->escalate_machines,      \
			 OPTIONS_NONZERO),                                    \
		OPT_UINT("--escalate-spike", &(c)->escalate_spike,            \
			 OPTIONS_NONZERO),                                    \
		OPT_UINT("--escalate-every", &(c)->escalate_every, 0),        \
		OPT_UINT("--mail-max-per-hour", &(c)->max_per_hour,           \
			 OPTIONS_NONZERO)

/* Their usage lines. */
#define MAIL_USAGE                                                                 \
	"  --public-url URL        base of every link in mail and replies, an\n"   \
	"                          absolute http(s) URL (http://127.0.0.1:8080)\n" \
	"  --mail-from ADDR        From: of splatd's mail\n"                       \
	"                          (splatd <splatd@localhost>)\n"                  \
	"  --smtp-url URL          smtp://HOST[:PORT] (STARTTLS when offered)\n"   \
	"                          or smtps://HOST[:PORT]\n"                       \
	"  --smtp-user USER        SMTP AUTH user; the password is read from\n"    \
	"  --smtp-password-file F  F, else $SPLATD_SMTP_PASSWORD\n"                \
	"  --smtp-tls-required     refuse an smtp:// server without STARTTLS\n"    \
	"  --mail-max-recipients N addresses in one mail (10)\n"                   \
	"  --mail-lists            mailing lists (L:) get a digest per section\n"  \
	"  --digest-top N          \"still open\" items in a digest (10)\n"        \
	"  --escalate-days N       a signature open N days escalates ... (14)\n"   \
	"  --escalate-machines N   ... when it fires on N machines (5) ...\n"      \
	"  --escalate-spike N      ... or at N times its earlier rate (4)\n"       \
	"  --escalate-every DAYS   days between its escalation mails (7)\n"        \
	"  --mail-max-per-hour N   mails sent in any hour (500)\n"

/*
 * The key unsubscribe links are signed with (hex), made at random the first
 * time and kept in the database.  0 or -errno with err.
 */
int mail_secret(struct db *db, struct strbuf *out, struct strbuf *err);

/* The emergency stop (`splatd mail pause|resume`): nothing is sent while
 * paused; mail is still composed and waits in the outbox. */
int mail_paused(struct db *db, bool *paused, struct strbuf *err);
int mail_set_paused(struct db *db, bool paused, struct strbuf *err);

#endif
