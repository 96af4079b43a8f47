// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_digest: `splatd digest`, one pass of maintainer mail at --now: owners
 * (and so recipients) brought up to date in the configured kernel tree,
 * escalations, digests composed and committed, then delivered (docs/mail.md).
 */
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "server/cmds.h"
#include "server/options.h"
#include "server/mail/digest.h"
#include "server/mail/outbox.h"
#include "server/mail/smtp.h"

static const char digest_usage[] =
	"usage: splatd digest [--db PATH] [--now TIME] [--dry-run | --mbox FILE]\n"
	"                     [mail options]\n"
	"\n"
	"Compose what is due at --now (default: the current time; seconds\n"
	"since the epoch or YYYY-MM-DDTHH:MM:SSZ): escalations first, then\n"
	"one digest per recipient per period.  The owners come from the first\n"
	"trusted tree of `splatd git tree add`.  --dry-run prints the mails\n"
	"and keeps none of them (only the owners cache is filled); --mbox\n"
	"FILE appends them to FILE and marks them sent; with --smtp-url they\n"
	"are sent (with what else is due in the outbox), otherwise they stay\n"
	"queued for `splatd mail send`.  Exit 1 when a mail failed for good\n"
	"(`splatd mail retry` queues it again) or the SMTP server could not\n"
	"be reached or refused us.\n"
	"\n" MAIL_USAGE;

/* Deliver what is due through sink; prints what became of it (a dry run
 * sends nothing: what it would send). */
static int deliver(struct db *db, const struct mail_config *cfg,
		   const struct outbox_sink *sink, long long now, bool dry_run,
		   struct strbuf *err)
{
	struct outbox_stats os;
	int ret = outbox_send_due(db, cfg, sink, now, &os, err);

	if (!ret && dry_run)
		fprintf(stderr,
			"splatd digest: would send %u, %u held (dry run:"
			" nothing sent)\n",
			os.sent, os.held);
	else if (!ret)
		fprintf(stderr,
			"splatd digest: %u sent, %u to retry, %u failed,"
			" %u held\n",
			os.sent, os.retried, os.failed, os.held);
	if (!ret && outbox_failed_note(&os, err))
		ret = -EIO;
	return ret;
}

int cmd_digest(int argc, char **argv)
{
	const char *db_path = DB_DEFAULT_PATH, *mbox = NULL;
	pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
	struct strbuf err = STRBUF_INIT;
	struct mail_config cfg;
	struct digest_stats st;
	struct outbox_sink sink = { 0 };
	long long now = (long long)time(NULL);
	bool dry_run = false, have_tree = false;
	struct db *db = NULL;
	FILE *f = NULL;
	int i, ret;

	mail_config_init(&cfg);
	{
		const struct options_row opts[] = {
			OPT_STRING("--db", &db_path),
			OPT_TIME("--now", &now),
			OPT_BOOL("--dry-run", &dry_run, true),
			OPT_STRING("--mbox", &mbox),
			MAIL_OPTIONS(&cfg),
			OPT_END,
		};

		for (i = 1; i < argc; i++) {
			ret = options_parse(opts, argc, argv, &i);
			if (ret == OPTIONS_HELP) {
				fputs(digest_usage, stdout);
				return 0;
			}
			if (ret || i < argc) {
				fprintf(stderr,
					"splatd digest: bad option '%s'\n",
					argv[i]);
				fputs(digest_usage, stderr);
				return 2;
			}
		}
	}
	if (dry_run && mbox) {
		fputs("splatd digest: --dry-run or --mbox, not both\n", stderr);
		return 2;
	}
	ret = db_open_existing(&db, db_path, &err);
	if (ret)
		goto out;
	if (mbox) {
		f = fopen(mbox, "a");
		if (!f) {
			strbuf_addf(&err, "%s: %s", mbox, strerror(errno));
			ret = -errno;
			goto out;
		}
	}
	/* owners first: they commit on their own, a dry run keeps them */
	ret = digest_owners_fill(db, &lock, &have_tree, &err);
	if (ret)
		goto out;
	if (!have_tree)
		fputs("splatd digest: no kernel tree (splatd git tree add):"
		      " owners are not updated, only the people known and"
		      " subscriptions get mail\n",
		      stderr);
	if (dry_run) {
		ret = db_begin(db, &err);
		if (ret)
			goto out;
		ret = digest_compose(db, &cfg, now, &st, &err);
		outbox_sink_print(&sink, stdout);
		if (!ret)
			ret = deliver(db, &cfg, &sink, now, true, &err);
		db_rollback(db);
	} else {
		ret = digest_run(db, &cfg, now, &st, &err);
	}
	if (ret)
		goto out;
	fprintf(stderr,
		"splatd digest: %u escalated, %u escalation mails, %u digests,"
		" %u list digests%s\n",
		st.escalated, st.escalations, st.digests, st.lists,
		dry_run ? " (dry run: nothing kept)" : "");
	if (f) {
		outbox_sink_mbox(&sink, f);
		ret = deliver(db, &cfg, &sink, now, false, &err);
	} else if (!dry_run && cfg.smtp_url) {
		ret = smtp_sink_new(&sink, &cfg, &err);
		if (!ret)
			ret = deliver(db, &cfg, &sink, now, false, &err);
		smtp_sink_release(&sink);
	} else if (!dry_run) {
		fprintf(stderr,
			"splatd digest: %u mails queued; no --smtp-url, so"
			" `splatd mail send` sends them\n",
			st.escalations + st.digests + st.lists);
	}
out:
	if (f && fclose(f) && !ret) {
		strbuf_addf(&err, "%s: %s", mbox, strerror(errno));
		ret = -EIO;
	}
	if (ret)
		fprintf(stderr, "splatd digest: %s\n", err.buf);
	db_close(db);
	strbuf_release(&err);
	return ret ? 1 : 0;
}
