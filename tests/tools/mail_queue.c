// SPDX-License-Identifier: GPL-2.0
/*
 * mail_queue: put N simple messages into the outbox of a real database the
 * way splatd's composers do (mailfmt's headers and body lines, then
 * outbox_queue() in one transaction), so the delivery tests have mail to
 * send before digests exist.  Prints each Message-ID (without <>) on a
 * line of its own, in queue order.
 *
 * usage: mail_queue --db PATH [--now TIME] [--count N] [--kind KIND]
 *                   [--from ADDR] [--subject TEXT] [--word N]
 *                   --to ADDR [--to ADDR]...
 *
 * The body has a non-ASCII line, a line starting with "." (SMTP
 * dot-stuffing) and one starting with "From " (mbox quoting); the subject
 * is TEXT then " #<n>" (n from 1), made safe by mail_header().  --word N
 * adds a body line "lock <N letters>", one word as long as a hostile lock
 * class name can be.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parsers/alloc.h"
#include "server/options.h"
#include "server/mail/mailfmt.h"
#include "server/mail/outbox.h"

#define MAX_TO 16

static const char *to[MAX_TO];
static size_t nto;
static unsigned word;

static int add_to(void *dest, const char *arg)
{
	(void)dest;
	if (nto == MAX_TO)
		return -EINVAL;
	to[nto++] = arg;
	return 0;
}

static int compose(struct db *db, const char *kind, const char *from,
		   const char *subject, unsigned n, long long now,
		   struct strbuf *err)
{
	struct strbuf m = STRBUF_INIT, id = STRBUF_INIT, v = STRBUF_INIT;
	struct strbuf dom = STRBUF_INIT, env = STRBUF_INIT;
	size_t i;
	int ret;

	mail_domain(from, &dom);
	ret = mail_message_id(&id, dom.buf, err);
	if (ret)
		goto out;
	if (!mail_addr_parse(from, &env))
		strbuf_reset(&env);
	mail_header(&m, "From", from);
	for (i = 0; i < nto; i++)
		strbuf_addf(&v, "%s%s", i ? ", " : "", to[i]);
	mail_header(&m, "To", v.buf);
	strbuf_reset(&v);
	strbuf_addf(&v, "%s #%u", subject, n);
	mail_header(&m, "Subject", v.buf);
	strbuf_reset(&v);
	mail_date(&v, now);
	mail_header(&m, "Date", v.buf);
	strbuf_reset(&v);
	strbuf_addf(&v, "<%s>", id.buf);
	mail_header(&m, "Message-ID", v.buf);
	mail_header(&m, "MIME-Version", "1.0");
	mail_header(&m, "Content-Type", "text/plain; charset=utf-8");
	mail_header(&m, "Content-Transfer-Encoding", "8bit");
	mail_header(&m, "Auto-Submitted", "auto-generated");
	strbuf_addstr(&m, "\r\n");
	mail_line(&m, "Message %u of the delivery tests.", n);
	mail_line(&m, "Grüße aus dem Postausgang: Ünïcödé survives.");
	mail_line(&m, ".a line that starts with a dot");
	mail_line(&m, "From the outbox, a line an mbox would quote.");
	mail_wrap(&m, NULL, "",
		  "A paragraph long enough to be wrapped at seventy-two"
		  " columns by mail_wrap, the way digests wrap their items,"
		  " with a link that stays whole:"
		  " https://splatd.example.org/signatures/1234567890"
		  "?a-very-long-query=that-never-breaks-across-lines");
	if (word) {
		strbuf_reset(&v);
		for (i = 0; i < word; i++)
			strbuf_addch(&v, (char)('a' + i % 26));
		mail_line(&m, "lock %s", v.buf);
	}
	mail_line(&m, "-- ");
	mail_line(&m, "splatd");
	ret = outbox_queue(db, kind, id.buf, env.buf, to, nto, m.buf, NULL, now,
			   err);
	if (!ret)
		printf("%s\n", id.buf);
out:
	strbuf_release(&m);
	strbuf_release(&id);
	strbuf_release(&v);
	strbuf_release(&dom);
	strbuf_release(&env);
	return ret;
}

int main(int argc, char **argv)
{
	const char *db_path = NULL, *kind = "digest";
	const char *from = "splatd <splatd@splatd.example.org>";
	const char *subject = "[splatd] delivery test";
	long long now = (long long)time(NULL);
	struct strbuf err = STRBUF_INIT;
	struct db *db = NULL;
	unsigned count = 1, n;
	const struct options_row opts[] = {
		OPT_STRING("--db", &db_path),
		OPT_TIME("--now", &now),
		OPT_UINT("--count", &count, 0),
		OPT_STRING("--kind", &kind),
		OPT_STRING("--from", &from),
		OPT_STRING("--subject", &subject),
		OPT_UINT("--word", &word, 0),
		OPT_CALLBACK("--to", NULL, add_to),
		OPT_END,
	};
	int i, ret;

	for (i = 1; i < argc; i++) {
		ret = options_parse(opts, argc, argv, &i);
		if (ret || i < argc) {
			fprintf(stderr,
				"usage: mail_queue --db PATH [--now T]"
				" [--count N] [--kind K] [--from A]"
				" [--subject S] [--word N] --to ADDR...\n");
			return 2;
		}
	}
	if (!db_path || !nto) {
		fprintf(stderr, "mail_queue: --db and --to are needed\n");
		return 2;
	}
	ret = db_open(&db, db_path, &err);
	if (!ret)
		ret = db_begin(db, &err);
	for (n = 1; !ret && n <= count; n++)
		ret = compose(db, kind, from, subject, n, now, &err);
	if (!ret)
		ret = db_commit(db, &err);
	else if (db)
		db_rollback(db);
	if (ret)
		fprintf(stderr, "mail_queue: %s\n", err.buf);
	db_close(db);
	strbuf_release(&err);
	return ret ? 1 : 0;
}
