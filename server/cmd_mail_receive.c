// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_mail_receive: `splatd mail receive`, one received mail on stdin acted
 * on (server/mail/mail_receive.h): for .forward, procmail, fetchmail or
 * a public-inbox watcher.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "parsers/alloc.h"
#include "parsers/mailmsg.h"
#include "server/cmds.h"
#include "server/options.h"
#include "server/mail/mail.h"
#include "server/mail/mail_receive.h"

static const char receive_usage[] =
	"usage: splatd mail receive [--db PATH] [--now TIME] [mail options]"
	" < MESSAGE\n"
	"\n"
	"Read one RFC 5322 message on stdin and apply its #splatd commands\n"
	"(docs/mail.md, \"Replies that act\"); the answer is queued in the\n"
	"outbox and sent with the rest of splatd's mail.  One line per\n"
	"command on stdout.  Exit 0 when the mail was handled (applied,\n"
	"refused or ignored; a mail seen before is a no-op), 75 (EX_TEMPFAIL:\n"
	"the mail system tries again later) on a database error, 2 on a\n"
	"usage error.  Messages over 10 MiB are refused unread.\n"
	"--now TIME (seconds, 2026-11-25 or 2026-11-25T17:02:38Z) moves the clock.\n"
	"\n"
	"mail options:\n" MAIL_USAGE;

/*
 * stdin into *out, at most max bytes: 0, -EMSGSIZE when there is more (the
 * rest is read and dropped so the writer is not blocked), -errno.
 */
static int read_stdin(struct strbuf *out, size_t max, struct strbuf *err)
{
	char buf[65536];
	size_t total = 0;
	ssize_t n;

	for (;;) {
		n = read(STDIN_FILENO, buf, sizeof(buf));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			strbuf_addf(err, "reading stdin: %s", strerror(errno));
			return -errno;
		}
		if (!n)
			break;
		if (total + (size_t)n <= max)
			strbuf_add(out, buf, (size_t)n);
		total += (size_t)n;
	}
	return total > max ? -EMSGSIZE : 0;
}

int cmd_mail_receive(int argc, char **argv)
{
	const char *db_path = DB_DEFAULT_PATH;
	long long now = (long long)time(NULL);
	struct mail_config cfg;
	struct mail_receive_result res = MAIL_RECEIVE_RESULT_INIT;
	struct strbuf msg = STRBUF_INIT, err = STRBUF_INIT;
	struct db *db = NULL;
	const struct options_row opts[] = {
		OPT_STRING("--db", &db_path),
		OPT_TIME("--now", &now),
		MAIL_OPTIONS(&cfg),
		OPT_END,
	};
	int i = 1, ret, status = 0;

	mail_config_init(&cfg);
	ret = options_parse(opts, argc, argv, &i);
	if (ret == OPTIONS_HELP) {
		fputs(receive_usage, stdout);
		return 0;
	}
	if (ret || i < argc) {
		fprintf(stderr, "splatd mail receive: bad argument '%s'\n",
			i < argc ? argv[i] : "");
		fputs(receive_usage, stderr);
		return 2;
	}
	ret = read_stdin(&msg, MAILMSG_MAX_SIZE, &err);
	if (ret == -EMSGSIZE) {
		fprintf(stderr,
			"splatd mail receive: refused: the message is larger"
			" than %u MiB; nothing done\n",
			MAILMSG_MAX_SIZE >> 20);
		goto out;
	}
	if (ret) {
		status = EX_TEMPFAIL;
		goto fail;
	}
	ret = db_open(&db, db_path, &err);
	if (!ret)
		ret = mail_receive(db, &cfg, msg.buf, msg.len, now, &res, &err);
	if (ret) {
		status = EX_TEMPFAIL;
		goto fail;
	}
	fputs(res.lines.buf, stdout);
	if (res.duplicate)
		fputs("splatd mail receive: this Message-ID was received"
		      " before; nothing done\n",
		      stderr);
	if (res.why.len)
		fprintf(stderr, "splatd mail receive: %s\n", res.why.buf);
	if (res.answered)
		fputs("splatd mail receive: the answer is queued in the"
		      " outbox\n",
		      stderr);
	goto out;
fail:
	fprintf(stderr,
		"splatd mail receive: %s (the mail may be offered"
		" again)\n",
		err.buf);
out:
	db_close(db);
	mail_receive_result_release(&res);
	strbuf_release(&msg);
	strbuf_release(&err);
	return status;
}
