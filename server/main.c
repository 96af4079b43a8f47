// SPDX-License-Identifier: GPL-2.0
/* main: the splatd command table; reading it tells the whole program. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/compiler.h"
#include "server/cmds.h"
#include "server/version.h"

struct cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
};

static int cmd_version(int argc, char **argv);

static const struct cmd commands[] = {
	{ "parse", cmd_parse, "parse kernel logs offline and print JSON" },
	{ "serve", cmd_serve, "run the HTTP service and REST API" },
	{ "ingest", cmd_ingest, "store a run's log without the server" },
	{ "token", cmd_token, "create, list and revoke API tokens" },
	{ "owners", cmd_owners,
	  "MAINTAINERS owners of files (get_maintainer.pl)" },
	{ "git", cmd_git, "register git trees, sync fixes from them" },
	{ "regression", cmd_regression,
	  "track regressions: create, list, show, edit, resolve" },
	{ "digest", cmd_digest, "mail digests and escalations to maintainers" },
	{ "mail", cmd_mail, "mail: send, status, pause, resume, receive" },
	{ "subscription", cmd_subscription,
	  "mail subscriptions: add, list, remove" },
	{ "db", cmd_db, "database backup (online) and integrity check" },
	{ "kcidb", cmd_kcidb, "KCIDB documents: import runs, export issues" },
	{ "version", cmd_version, "print the version (as --version does)" },
};

/* `splatd version`: it takes no argument (`splatd version foo` is 2). */
static int cmd_version(int argc, char **argv)
{
	if (argc > 1) {
		fprintf(stderr, "splatd version: unexpected '%s'\n", argv[1]);
		return 2;
	}
	puts(version_line());
	return 0;
}

/*
 * --version anywhere before a "--" (`splatd --version`, `splatd serve
 * --version`, `splatd git tree add --version`): every command answers it
 * the same way, before its own options are looked at.
 */
static bool wants_version(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], "--version"))
			return true;
	return false;
}

static void usage(FILE *out)
{
	size_t i;

	fputs("usage: splatd <command> [options]\n\ncommands:\n", out);
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		fprintf(out, "  %-12s %s\n", commands[i].name,
			commands[i].help);
	fputs("\nRun 'splatd <command> --help' for a command's options.\n",
	      out);
}

int main(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return 2;
	}
	if (wants_version(argc, argv)) {
		puts(version_line());
		return 0;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h") ||
	    !strcmp(argv[1], "help")) {
		usage(stdout);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(commands); i++)
		if (!strcmp(argv[1], commands[i].name))
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "splatd: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return 2;
}
