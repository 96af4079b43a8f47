/* SPDX-License-Identifier: GPL-2.0 */
/*
 * logname: which of a KCIDB test's output_files hold the kernel's log
 * (docs/interop.md "Kernel logs among output_files"), by their name: a
 * fixed list of the names syzbot, CKI, KernelCI and others give a console
 * or dmesg capture, case-blind, also with ".gz", and the names the
 * operator adds (--kcidb-log-name NAME, repeatable).
 */
#ifndef SPLATD_KCIDB_LOGNAME_H
#define SPLATD_KCIDB_LOGNAME_H

#include <stdbool.h>

#include "server/kcidb/fetch.h"

/* The option callback of --kcidb-log-name NAME (dest: a struct
 * kcidb_fetch_config): a file name (no '/', not empty, no control
 * characters), at most KCIDB_FETCH_MAX_LOG_NAMES of them. */
int kcidb_logname_opt(void *dest, const char *arg);

/* Whether an output file called name holds the kernel's log: its name,
 * without a final ".gz", is one of the list's or cfg's, case-blind. */
bool kcidb_logname_match(const struct kcidb_fetch_config *cfg,
			 const char *name);

#endif
