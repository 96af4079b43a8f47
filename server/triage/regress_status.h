/* SPDX-License-Identifier: GPL-2.0 */
/*
 * regress_status: a regression's status and the one rule that moves it
 * (docs/regressions.md "Statuses").  The names are what the database stores
 * and the API and the command line show.
 */
#ifndef SPLATD_REGRESS_STATUS_H
#define SPLATD_REGRESS_STATUS_H

#include <stdbool.h>

enum regress_status {
	REGRESS_OPEN,
	REGRESS_WORKAROUND, /* fix evidence only on untrusted trees */
	REGRESS_FIX_KNOWN, /* fix evidence on a trusted tree */
	REGRESS_FIXED, /* clean runs on kernels that contain the fix */
	REGRESS_REOPENED, /* seen again on a kernel that contains the fix, or
			   * on one newer than its resolution */
	REGRESS_RESOLVED, /* by hand, with a reason */
	REGRESS_DUPLICATE, /* by hand, duplicate_of another */
	REGRESS_STATUS_NR
};

/* What happens to a regression. */
enum regress_event {
	REGRESS_EV_FIX_TRUSTED, /* a git sync found evidence on a trusted tree */
	REGRESS_EV_FIX_UNTRUSTED, /* ... on an untrusted tree */
	REGRESS_EV_SEEN_WITH_FIX, /* a run on a kernel with the fix shows it */
	REGRESS_EV_CLEAN_RUN, /* a clean run with lockdep on, fix contained */
	REGRESS_EV_CLEAN_ENOUGH, /* the fixed_after-th such clean run */
	REGRESS_EV_RESOLVE, /* resolved by hand */
	REGRESS_EV_REOPEN, /* set to open by hand: start over */
	REGRESS_EV_DUPLICATE, /* marked as a duplicate by hand */
	/* a run on a kernel newer than its resolution shows it */
	REGRESS_EV_SEEN_AFTER_RESOLVE,
	REGRESS_EVENT_NR
};

/* "open", "fix_known", ...; NULL for a value out of range. */
const char *regress_status_name(enum regress_status status);
/* The status called name, or -1. */
int regress_status_from_name(const char *name);
/* true when s is a status name */
bool regress_status_valid(const char *s);
/*
 * false for resolved and duplicate: git no longer moves them, nor do runs,
 * but for a resolved one seen on a kernel newer than its resolution
 * (REGRESS_EV_SEEN_AFTER_RESOLVE).
 */
bool regress_status_tracked(enum regress_status status);
/*
 * Whether a move from from to to starts the clean-run count over: to
 * reopened, to open (by hand), or to fix_known from a status that had a
 * fix (a new fix).  A first fix, from open or workaround, does not: no run
 * was counted before it.
 */
bool regress_status_restarts_count(enum regress_status from,
				   enum regress_status to);
/* "fix_evidence_trusted", ...; NULL for a value out of range. */
const char *regress_event_name(enum regress_event event);

/*
 * The status event moves a regression in status from to (from itself when
 * the event applies and changes nothing, as a counted clean run), or -1 when
 * the event does not apply in from.  *why (may be NULL) gets the rule, a
 * phrase for a reader, or NULL with -1.
 */
int regress_status_next(enum regress_status from, enum regress_event event,
			const char **why);

#endif
