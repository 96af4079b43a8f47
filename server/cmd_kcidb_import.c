// SPDX-License-Identifier: GPL-2.0
/* cmd_kcidb_import: `splatd kcidb import FILE|-` (docs/interop.md). */
#include <stdio.h>

#include "parsers/compiler.h"
#include "server/cmds.h"

int cmd_kcidb_import(int argc UNUSED, char **argv UNUSED)
{
	fputs("splatd kcidb import: not built yet\n", stderr);
	return 2;
}
