/* SPDX-License-Identifier: GPL-2.0 */
/*
 * owners: who owns a file or a lockdep signature in a kernel tree, through
 * MAINTAINERS (parsers/maintainers) read from a gitrepo.
 */
#ifndef SPLATD_OWNERS_H
#define SPLATD_OWNERS_H

#include "parsers/maintainers.h"
#include "parsers/strbuf.h"
#include "server/gitrepo.h"

/* Load MAINTAINERS and .mailmap of t into a new *out (maintainers_free). */
int owners_maintainers_load(struct maintainers **out, struct gitrepo *t,
			    struct strbuf *err);

#endif
