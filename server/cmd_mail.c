// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_mail: `splatd mail SUBCOMMAND`, splatd's mail from the command line;
 * one row per sub-command in mail_cmds[].  (This branch holds the replies'
 * row only; the outbox's rows join it at the merge.)
 */
#include <stdio.h>
#include <string.h>

#include "parsers/alloc.h"
#include "server/cmds.h"

struct mail_cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
};

static const struct mail_cmd mail_cmds[] = {
	{ "receive", cmd_mail_receive,
	  "act on a reply read from stdin (#splatd commands)" },
};

static void mail_usage(FILE *out)
{
	size_t i;

	fputs("usage: splatd mail <subcommand> [options]\n\n", out);
	for (i = 0; i < ARRAY_SIZE(mail_cmds); i++)
		fprintf(out, "  %-10s %s\n", mail_cmds[i].name,
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
