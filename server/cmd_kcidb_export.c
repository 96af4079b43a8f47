// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_kcidb_export: `splatd kcidb export [--since]` and `splatd kcidb submit
 * URL` (docs/interop.md).
 */
#include <stdio.h>

#include "parsers/compiler.h"
#include "server/cmds.h"

int cmd_kcidb_export(int argc UNUSED, char **argv UNUSED)
{
	fputs("splatd kcidb export: not built yet\n", stderr);
	return 2;
}

int cmd_kcidb_submit(int argc UNUSED, char **argv UNUSED)
{
	fputs("splatd kcidb submit: not built yet\n", stderr);
	return 2;
}
