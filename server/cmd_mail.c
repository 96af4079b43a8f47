// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_mail: `splatd mail SUBCOMMAND`, the outbox from the command line; one
 * row per sub-command in mail_cmds[] (send what is due, show the outbox,
 * the emergency stop, act on a reply: server/cmd_mail_receive.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parsers/alloc.h"
#include "server/cmds.h"
#include "server/options.h"
#include "server/mail/mail.h"
#include "server/mail/outbox.h"
#include "server/mail/smtp.h"

struct mail_cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
};

static int mail_send(int argc, char **argv);
static int mail_status(int argc, char **argv);
static int mail_pause(int argc, char **argv);
static int mail_resume(int argc, char **argv);
static int mail_retry(int argc, char **argv);

static const struct mail_cmd mail_cmds[] = {
	{ "send", mail_send, "send the mail that is due (SMTP or --mbox)" },
	{ "status", mail_status, "the outbox: queued, sent, failed, paused" },
	{ "retry", mail_retry, "queue failed mail again (--id N | --failed)" },
	{ "pause", mail_pause, "emergency stop: send nothing until resume" },
	{ "resume", mail_resume, "send again after a pause" },
	{ "receive", cmd_mail_receive,
	  "act on a reply read on stdin (#splatd commands)" },
};

static const char send_usage[] =
	"usage: splatd mail send [--db PATH] [--now TIME]\n"
	"                        [--mbox FILE | --dry-run] [mail options]\n"
	"\n"
	"Send every queued mail that is due: through --smtp-url, or appended\n"
	"to FILE in mbox format (marked sent as sending would), or printed\n"
	"(--dry-run: nothing is marked).  Over SMTP nothing is sent while mail\n"
	"is paused, and at most --mail-max-per-hour mails in any hour; what\n"
	"waits is sent by a later run.  Exit 0 when the pass ran (mails that\n"
	"wait for a retry are counted on stderr), 1 when a mail failed for\n"
	"good (`splatd mail retry` queues it again) or the server could not be\n"
	"reached or refused us (AUTH, TLS), 2 without a transport.\n"
	"--now TIME (seconds, 2026-11-25 or 2026-11-25T17:02:38Z) moves the clock.\n"
	"\n"
	"mail options:\n" MAIL_USAGE;

static const char status_usage[] =
	"usage: splatd mail status [--db PATH] [--now TIME] [--json]\n"
	"\n"
	"Counts of queued, sent and failed mails, whether mail is paused, the\n"
	"oldest queued mail and the next attempt, mails sent in the last hour\n"
	"and the last failures with the server's answer.\n";

static const char retry_usage[] =
	"usage: splatd mail retry [--db PATH] [--now TIME] (--id N | --failed)\n"
	"\n"
	"Queue failed mail again, as if new: the outbox mail N (`splatd mail\n"
	"status --json` shows the ids), or every failed one.  The next send\n"
	"sends it.  A failed digest is left failed when a later digest to the\n"
	"same address went out (it holds the same items); a failed digest that\n"
	"was not superseded counts again as its address's last digest.\n";

static const char pause_usage[] =
	"usage: splatd mail pause|resume [--db PATH]\n"
	"\n"
	"The emergency stop: while paused nothing is sent over SMTP (digests\n"
	"are still composed and wait in the outbox); resume sends again.\n";

/* Parse argv[1..] against opts; 0, or the exit status (usage printed). */
static int parse_all(const struct options_row *opts, int argc, char **argv,
		     const char *usage)
{
	int i, ret;

	for (i = 1; i < argc; i++) {
		ret = options_parse(opts, argc, argv, &i);
		if (ret == OPTIONS_HELP) {
			fputs(usage, stdout);
			return -1;
		}
		if (ret || i < argc) {
			fprintf(stderr, "splatd mail %s: bad argument '%s'\n",
				argv[0], i < argc ? argv[i] : "");
			fputs(usage, stderr);
			return 2;
		}
	}
	return 0;
}

static int mail_send(int argc, char **argv)
{
	const char *db_path = DB_DEFAULT_PATH, *mbox = NULL;
	struct strbuf err = STRBUF_INIT;
	struct outbox_sink sink = { 0 };
	struct outbox_stats st = { 0 };
	struct mail_config cfg;
	long long now = (long long)time(NULL);
	bool dry_run = false, in_tx = false;
	struct db *db = NULL;
	FILE *f = NULL;
	const struct options_row opts[] = {
		OPT_STRING("--db", &db_path),
		OPT_TIME("--now", &now),
		OPT_STRING("--mbox", &mbox),
		OPT_BOOL("--dry-run", &dry_run, true),
		MAIL_OPTIONS(&cfg),
		OPT_END,
	};
	int ret;

	mail_config_init(&cfg);
	ret = parse_all(opts, argc, argv, send_usage);
	if (ret)
		return ret < 0 ? 0 : ret;
	if (mbox && dry_run) {
		fputs("splatd mail send: --mbox or --dry-run, not both\n",
		      stderr);
		return 2;
	}
	if (!mbox && !dry_run && !cfg.smtp_url) {
		fputs("splatd mail send: no transport is configured:"
		      " --smtp-url URL (or --mbox FILE, --dry-run)\n",
		      stderr);
		return 2;
	}
	if (mbox) {
		f = fopen(mbox, "a");
		if (!f) {
			ret = -errno;
			strbuf_addf(&err, "%s: %s", mbox, strerror(-ret));
			goto out;
		}
		outbox_sink_mbox(&sink, f);
	} else if (dry_run) {
		outbox_sink_print(&sink, stdout);
	} else {
		ret = smtp_sink_new(&sink, &cfg, &err);
		if (ret)
			goto out;
	}
	ret = db_open_existing(&db, db_path, &err);
	if (!ret && dry_run) {
		ret = db_begin(db, &err);
		in_tx = !ret;
	}
	if (!ret)
		ret = outbox_send_due(db, &cfg, &sink, now, &st, &err);
	if (in_tx)
		db_rollback(db);
	if ((!ret || ret == -EAGAIN) && dry_run)
		fprintf(stderr,
			"splatd mail send: would send %u, %u waiting (dry run:"
			" nothing sent or marked)\n",
			st.sent, st.held);
	else if (!ret || ret == -EAGAIN)
		fprintf(stderr,
			"splatd mail send: %u sent, %u to retry, %u failed,"
			" %u waiting\n",
			st.sent, st.retried, st.failed, st.held);
	if (!ret && outbox_failed_note(&st, &err))
		ret = -EIO;
out:
	if (ret)
		fprintf(stderr, "splatd mail send: %s\n", err.buf);
	db_close(db);
	smtp_sink_release(&sink);
	if (f && fclose(f) && !ret) {
		fprintf(stderr, "splatd mail send: %s: %s\n", mbox,
			strerror(errno));
		ret = -EIO;
	}
	strbuf_release(&err);
	return ret ? 1 : 0;
}

static void print_time(const char *label, json_t *t)
{
	if (json_is_string(t))
		printf("%s %s", label, json_string_value(t));
}

static void print_status(json_t *o)
{
	json_t *fails = json_object_get(o, "failures"), *f, *r;
	size_t i, j;

	printf("paused: %s\n",
	       json_is_true(json_object_get(o, "paused")) ? "yes" : "no");
	printf("queued: %" JSON_INTEGER_FORMAT,
	       json_integer_value(json_object_get(o, "queued")));
	print_time(" (oldest", json_object_get(o, "oldest_queued"));
	print_time(", next attempt", json_object_get(o, "next_attempt"));
	fputs(json_is_string(json_object_get(o, "oldest_queued")) ? ")\n" :
								    "\n",
	      stdout);
	printf("sent: %" JSON_INTEGER_FORMAT " (%" JSON_INTEGER_FORMAT
	       " in the last hour)\n",
	       json_integer_value(json_object_get(o, "sent")),
	       json_integer_value(json_object_get(o, "sent_last_hour")));
	printf("failed: %" JSON_INTEGER_FORMAT "\n",
	       json_integer_value(json_object_get(o, "failed")));
	if (json_array_size(fails))
		puts("last failures:");
	json_array_foreach(fails, i, f) {
		printf("  %s %s %s to",
		       json_string_value(json_object_get(f, "state")),
		       json_string_value(json_object_get(f, "kind")),
		       json_string_value(json_object_get(f, "message_id")));
		json_array_foreach(json_object_get(f, "recipients"), j, r)
			printf(" %s", json_string_value(r));
		printf(", %" JSON_INTEGER_FORMAT " attempts: %s\n",
		       json_integer_value(json_object_get(f, "attempts")),
		       json_string_value(json_object_get(f, "last_error")));
	}
}

static int mail_status(int argc, char **argv)
{
	const char *db_path = DB_DEFAULT_PATH;
	struct strbuf err = STRBUF_INIT;
	long long now = (long long)time(NULL);
	bool as_json = false;
	struct db *db = NULL;
	json_t *o = NULL;
	char *s;
	const struct options_row opts[] = {
		OPT_STRING("--db", &db_path),
		OPT_TIME("--now", &now),
		OPT_BOOL("--json", &as_json, true),
		OPT_END,
	};
	int ret = parse_all(opts, argc, argv, status_usage);

	if (ret)
		return ret < 0 ? 0 : ret;
	ret = db_open_existing(&db, db_path, &err);
	if (!ret)
		ret = outbox_status_json(db, now, 10, &o, &err);
	if (!ret && as_json) {
		s = json_dumps(o, JSON_INDENT(2) | JSON_SORT_KEYS);
		if (s)
			puts(s);
		free(s);
	} else if (!ret) {
		print_status(o);
	}
	if (ret)
		fprintf(stderr, "splatd mail status: %s\n", err.buf);
	json_decref(o);
	db_close(db);
	strbuf_release(&err);
	return ret ? 1 : 0;
}

static int mail_retry(int argc, char **argv)
{
	const char *db_path = DB_DEFAULT_PATH;
	struct strbuf err = STRBUF_INIT;
	struct outbox_retry_stats st;
	long long now = (long long)time(NULL), id = 0;
	unsigned id_arg = 0;
	bool all = false;
	struct db *db = NULL;
	const struct options_row opts[] = {
		OPT_STRING("--db", &db_path),
		OPT_TIME("--now", &now),
		OPT_UINT("--id", &id_arg, 0),
		OPT_BOOL("--failed", &all, true),
		OPT_END,
	};
	int ret = parse_all(opts, argc, argv, retry_usage);

	if (ret)
		return ret < 0 ? 0 : ret;
	if (!id_arg == !all) {
		fprintf(stderr, "splatd mail retry: --id N or --failed\n%s",
			retry_usage);
		return 2;
	}
	id = id_arg;
	ret = db_open_existing(&db, db_path, &err);
	if (!ret)
		ret = outbox_retry(db, id, now, &st, &err);
	if (!ret && id && !st.queued) {
		strbuf_addf(&err,
			    st.superseded ?
				    "mail %lld is a digest a later one to the"
				    " same address superseded: not queued" :
				    "no failed mail %lld",
			    id);
		ret = -ENOENT;
	}
	if (ret)
		fprintf(stderr, "splatd mail retry: %s\n", err.buf);
	else
		printf("%u queued again (the next send sends them), %u"
		       " superseded digests left failed\n",
		       st.queued, st.superseded);
	db_close(db);
	strbuf_release(&err);
	return ret ? 1 : 0;
}

static int set_paused(int argc, char **argv, bool paused)
{
	const char *db_path = DB_DEFAULT_PATH;
	struct strbuf err = STRBUF_INIT;
	struct db *db = NULL;
	const struct options_row opts[] = {
		OPT_STRING("--db", &db_path),
		OPT_END,
	};
	int ret = parse_all(opts, argc, argv, pause_usage);

	if (ret)
		return ret < 0 ? 0 : ret;
	ret = db_open_existing(&db, db_path, &err);
	if (!ret)
		ret = mail_set_paused(db, paused, &err);
	if (ret)
		fprintf(stderr, "splatd mail %s: %s\n", argv[0], err.buf);
	else if (paused)
		puts("mail paused: nothing is sent until `splatd mail resume`");
	else
		puts("mail resumed: due mail goes out at the next send");
	db_close(db);
	strbuf_release(&err);
	return ret ? 1 : 0;
}

static int mail_pause(int argc, char **argv)
{
	return set_paused(argc, argv, true);
}

static int mail_resume(int argc, char **argv)
{
	return set_paused(argc, argv, false);
}

static void mail_usage(FILE *out)
{
	size_t i;

	fputs("usage: splatd mail <subcommand> [options]\n\nsubcommands:\n",
	      out);
	for (i = 0; i < ARRAY_SIZE(mail_cmds); i++)
		fprintf(out, "  %-8s %s\n", mail_cmds[i].name,
			mail_cmds[i].help);
}

int cmd_mail(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		mail_usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		mail_usage(stdout);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(mail_cmds); i++)
		if (!strcmp(argv[1], mail_cmds[i].name))
			return mail_cmds[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "splatd mail: unknown subcommand '%s'\n", argv[1]);
	mail_usage(stderr);
	return 2;
}
