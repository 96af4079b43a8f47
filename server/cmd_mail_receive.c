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
#include "server/config.h"
#include "server/cmds.h"
#include "server/options.h"
#include "server/mail/mail.h"
#include "server/mail/mail_receive.h"

static const char receive_usage[] =
	"usage: splatd mail receive [--config FILE] [--db PATH] [--now TIME]\n"
	"                           [mail options] < MESSAGE\n"
	"\n"
	"Read one RFC 5322 message on stdin and apply its #splatd commands\n"
	"(docs/mail.md, \"Replies that act\"); the answer is queued in the\n"
	"outbox and sent with the rest of splatd's mail.  One line per\n"
	"command on stdout.  Exit 0 when the mail was handled (applied,\n"
	"refused or ignored; a mail seen before is a no-op), 75 (EX_TEMPFAIL:\n"
	"the mail system tries again later) on a database error, 65\n"
	"(EX_DATAERR: it bounces the mail) for a message over 10 MiB, read\n"
	"no further, 2 on a usage error.\n"
	"--now TIME (seconds, 2026-11-25 or 2026-11-25T17:02:38Z) moves the clock.\n"
	"The answer is mailed as serve's mail is: the settings (db, public-url,\n"
	"mail-from, smtp-...) come from serve's configuration file, --config\n"
	"FILE, else " CONFIG_DEFAULT_PATH " when it is there, and the\n"
	"command line over it.  Without a mail-from and a public-url from either\n"
	"nothing is done (exit 75): an answer from splatd@localhost with links\n"
	"to 127.0.0.1 would reach no one.\n"
	"\n"
	"mail options:\n" MAIL_USAGE;

/*
 * stdin into *out, at most max bytes: 0, -EMSGSIZE as soon as there is
 * more (the rest is not read: endless input, /dev/zero or a stuck pipe,
 * would never end; the writer gets EPIPE, and the exit status tells the
 * mail system why), -errno.
 */
static int read_stdin(struct strbuf *out, size_t max, struct strbuf *err)
{
	char buf[65536];
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
			return 0;
		if ((size_t)n > max - out->len)
			return -EMSGSIZE;
		strbuf_add(out, buf, (size_t)n);
	}
}

/*
 * argv over cfg and *db_path: 0, OPTIONS_HELP or -EINVAL with *bad.  With
 * config non-NULL, --config's value goes there.
 */
static int receive_argv(struct mail_config *cfg, const char **db_path,
			const char **config, long long *now, int argc,
			char **argv, int *bad)
{
	const struct options_row opts[] = {
		OPT_STRING("--config", config),
		OPT_STRING("--db", db_path),
		OPT_TIME("--now", now),
		MAIL_OPTIONS(cfg),
		OPT_END,
	};
	int i = 1, ret = options_parse(opts, argc, argv, &i);

	if (!ret && i < argc)
		ret = -EINVAL;
	*bad = i;
	return ret;
}

/*
 * The settings the answer is mailed with: serve's configuration file
 * (--config, else the default one when it is there), then argv over it.
 * 0, 2 on a usage error (printed), EX_TEMPFAIL when the file is bad or no
 * mail-from or public-url is set (printed), -1 for --help (printed).
 */
static int receive_settings(struct config *c, struct mail_config *cfg,
			    const char **db_path, long long *now, int argc,
			    char **argv)
{
	const char *config = NULL, *ignored = NULL;
	struct strbuf err = STRBUF_INIT;
	int bad, ret;

	/* argv alone first: usage errors, --help and --config */
	mail_config_init(cfg);
	ret = receive_argv(cfg, db_path, &config, now, argc, argv, &bad);
	if (ret == OPTIONS_HELP) {
		fputs(receive_usage, stdout);
		return -1;
	}
	if (ret) {
		fprintf(stderr, "splatd mail receive: bad argument '%s'\n",
			bad < argc ? argv[bad] : "");
		fputs(receive_usage, stderr);
		return 2;
	}
	/* NULL until the file or argv sets them */
	mail_config_init(cfg);
	cfg->from = cfg->public_url = NULL;
	*db_path = DB_DEFAULT_PATH;
	ret = serve_config_mail(config, c, cfg, db_path, &err);
	if (ret && (config || ret != -ENOENT)) {
		fprintf(stderr,
			"splatd mail receive: %s; nothing done (the mail may"
			" be offered again)\n",
			err.buf);
		strbuf_release(&err);
		return EX_TEMPFAIL;
	}
	strbuf_release(&err);
	receive_argv(cfg, db_path, &ignored, now, argc, argv, &bad);
	if (!cfg->from || !cfg->public_url) {
		fprintf(stderr,
			"splatd mail receive: no %s: give --config FILE (serve's"
			" configuration, with mail-from and public-url), have"
			" " CONFIG_DEFAULT_PATH " or give --mail-from and"
			" --public-url; an answer would come from"
			" splatd@localhost with links to http://127.0.0.1:8080;"
			" nothing done (the mail may be offered again)\n",
			!cfg->from && !cfg->public_url ? "mail-from and no"
							 " public-url" :
			!cfg->from		       ? "mail-from" :
							 "public-url");
		return EX_TEMPFAIL;
	}
	return 0;
}

int cmd_mail_receive(int argc, char **argv)
{
	const char *db_path = DB_DEFAULT_PATH;
	long long now = (long long)time(NULL);
	struct mail_config cfg;
	struct config c = CONFIG_INIT;
	struct mail_receive_result res = MAIL_RECEIVE_RESULT_INIT;
	struct strbuf msg = STRBUF_INIT, err = STRBUF_INIT;
	struct db *db = NULL;
	int ret, status = 0;

	ret = receive_settings(&c, &cfg, &db_path, &now, argc, argv);
	if (ret) {
		config_release(&c);
		return ret < 0 ? 0 : ret;
	}
	ret = read_stdin(&msg, MAILMSG_MAX_SIZE, &err);
	if (ret == -EMSGSIZE) {
		fprintf(stderr,
			"splatd mail receive: refused: the message is larger"
			" than %u MiB (not read further); nothing done\n",
			MAILMSG_MAX_SIZE >> 20);
		status = EX_DATAERR;
		goto out;
	}
	if (ret) {
		status = EX_TEMPFAIL;
		goto fail;
	}
	/* a mistyped --db would take every reply as a stranger's into a
	 * new empty database and say it was handled */
	ret = db_open_existing(&db, db_path, &err);
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
	config_release(&c);
	return status;
}
