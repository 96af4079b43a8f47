// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_kcidb: `splatd kcidb import|export|submit` (docs/interop.md): KCIDB
 * documents in (server/cmd_kcidb_import.c) and out
 * (server/cmd_kcidb_export.c); the work itself is in server/kcidb/.
 */
#include <stdio.h>
#include <string.h>

#include "parsers/alloc.h"
#include "server/cmds.h"

struct kcidb_cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
};

static const struct kcidb_cmd kcidb_cmds[] = {
	{ "import", cmd_kcidb_import,
	  "store the runs of a KCIDB document (FILE or -)" },
	{ "export", cmd_kcidb_export,
	  "print splatd's issues and incidents as a KCIDB v5.3 document" },
	{ "submit", cmd_kcidb_submit,
	  "post that document to a KCIDB submission endpoint" },
};

static void kcidb_usage(FILE *f)
{
	size_t i;

	fputs("usage: splatd kcidb SUBCOMMAND [options]\n\n", f);
	for (i = 0; i < ARRAY_SIZE(kcidb_cmds); i++)
		fprintf(f, "  %-8s %s\n", kcidb_cmds[i].name,
			kcidb_cmds[i].help);
	fputs("\n'splatd kcidb SUBCOMMAND --help' for its options;"
	      " docs/interop.md.\n",
	      f);
}

int cmd_kcidb(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		kcidb_usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		kcidb_usage(stdout);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(kcidb_cmds); i++)
		if (!strcmp(argv[1], kcidb_cmds[i].name))
			return kcidb_cmds[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "splatd kcidb: unknown subcommand '%s'\n", argv[1]);
	kcidb_usage(stderr);
	return 2;
}
