// SPDX-License-Identifier: GPL-2.0
/* logname: the output_files of a KCIDB test that hold the kernel's log. */
#include "server/kcidb/logname.h"

#include <errno.h>
#include <string.h>
#include <strings.h>

#include "parsers/alloc.h"
#include "parsers/utf8.h"

/*
 * The names CIs give the kernel's console or dmesg (docs/interop.md):
 * syzbot's report.txt and log.txt (the report and the console around
 * it), CKI's and LAVA's console.log, and dmesg, kmsg, console, serial
 * and kernel captures as a file of that name, .txt or .log.
 */
static const char *const log_names[] = {
	"report.txt", "log.txt",     "dmesg",	    "dmesg.txt",
	"dmesg.log",  "kmsg",	     "kmsg.txt",    "kmsg.log",
	"console",    "console.txt", "console.log", "serial",
	"serial.txt", "serial.log",  "kernel.log",  "kernel.txt",
};

int kcidb_logname_opt(void *dest, const char *arg)
{
	struct kcidb_fetch_config *cfg = dest;

	if (!*arg || strchr(arg, '/') || utf8_has_control(arg) ||
	    cfg->nlog_names >= KCIDB_FETCH_MAX_LOG_NAMES)
		return -EINVAL;
	cfg->log_names[cfg->nlog_names++] = arg;
	return 0;
}

/* The length of name without a final ".gz" (case-blind). */
static size_t unzipped_len(const char *name)
{
	size_t n = strlen(name);

	return n > 3 && !strcasecmp(name + n - 3, ".gz") ? n - 3 : n;
}

/* Whether name (n bytes, ".gz" cut) is want (".gz" cut), case-blind. */
static bool same_name(const char *name, size_t n, const char *want)
{
	return unzipped_len(want) == n && !strncasecmp(name, want, n);
}

bool kcidb_logname_match(const struct kcidb_fetch_config *cfg, const char *name)
{
	size_t i, n;

	if (!name)
		return false;
	n = unzipped_len(name);
	for (i = 0; i < ARRAY_SIZE(log_names); i++)
		if (same_name(name, n, log_names[i]))
			return true;
	for (i = 0; i < cfg->nlog_names; i++)
		if (same_name(name, n, cfg->log_names[i]))
			return true;
	return false;
}
