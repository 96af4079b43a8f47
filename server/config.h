/* SPDX-License-Identifier: GPL-2.0 */
/*
 * config: splatd serve's configuration file (docs/operating.md), read with
 * libinih.  Its keys are the command's options without "--", taken from the
 * same options table the command line is parsed with, so every flag has a
 * key and no key exists that is not a flag:
 *
 *	# /etc/splatd/splatd.conf
 *	[serve]
 *	listen = 0.0.0.0:8080
 *	max-body = 64M
 *	private = true
 *
 * Lines are "key = value" (booleans true or false), outside any section or
 * in [serve]; comments start a line with '#' or ';'.  An unknown key, a bad
 * value, another section or a line that is no "key = value" is an error
 * naming FILE:LINE.
 */
#ifndef SPLATD_CONFIG_H
#define SPLATD_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/strbuf.h"
#include "server/options.h"

/* Read when serve is given no --config and the file is there. */
#define CONFIG_DEFAULT_PATH "/etc/splatd/splatd.conf"

/* The string values read, which the options' destinations point into. */
struct config {
	char **values;
	size_t nvalues, alloc;
};

#define CONFIG_INIT        \
	{                  \
		NULL, 0, 0 \
	}

/*
 * Set opts' destinations from the file at path.  must_exist false: a
 * missing file is not an error (-ENOENT is returned, nothing set).  0, or
 * -errno with err: -ENOENT (missing), -EINVAL with "FILE:LINE: reason"
 * (the first error in the file; later lines are still read, so some
 * destinations may be set).  String destinations point into c until
 * config_release().
 */
int config_read(struct config *c, const struct options_row *opts,
		const char *path, bool must_exist, struct strbuf *err);

void config_release(struct config *c);

#endif
