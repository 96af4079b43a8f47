/* SPDX-License-Identifier: GPL-2.0 */
/*
 * report_newest: the newest stored occurrence of a signature parsed again,
 * for what the signature's row does not keep (stacks per edge, held locks,
 * irq states): the dashboard's report and the lock chain of a mail item.
 */
#ifndef SPLATD_REPORT_NEWEST_H
#define SPLATD_REPORT_NEWEST_H

#include "db/db.h"
#include "parsers/lockdep.h"
#include "parsers/signature.h"

/* The occurrence read; run_id borrowed for the call only. */
struct report_newest_occ {
	long long id, ts;
	const char *run_id;
};

/*
 * r and sig: its report whose signature is still the one it was stored
 * under, or NULL both when its text reads otherwise (cut at the excerpt
 * cap, or read by a later parser) or was not kept.  Valid for the call.
 */
typedef int (*report_newest_fn)(void *ctx, const struct report_newest_occ *o,
				const struct lockdep_report *r,
				const struct signature *sig);

/*
 * Read the newest occurrence of signature id and call fn once with it;
 * -ENOENT (err says so) when the signature has none.  0, fn's non-zero
 * value, or -errno.
 */
int report_newest(struct db *db, long long id, report_newest_fn fn, void *ctx,
		  struct strbuf *err);

#endif
