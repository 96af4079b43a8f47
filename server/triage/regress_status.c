// SPDX-License-Identifier: GPL-2.0
/* regress_status: a regression's status, its names and its transitions. */
#include "server/triage/regress_status.h"

#include <stddef.h>
#include <string.h>

#include "parsers/alloc.h"

#define BIT(s) (1u << (s))
#define ANY ((1u << REGRESS_STATUS_NR) - 1)

static const char *const status_names[REGRESS_STATUS_NR] = {
	[REGRESS_OPEN] = "open",	   [REGRESS_WORKAROUND] = "workaround",
	[REGRESS_FIX_KNOWN] = "fix_known", [REGRESS_FIXED] = "fixed",
	[REGRESS_REOPENED] = "reopened",   [REGRESS_RESOLVED] = "resolved",
	[REGRESS_DUPLICATE] = "duplicate",
};

static const char *const event_names[REGRESS_EVENT_NR] = {
	[REGRESS_EV_FIX_TRUSTED] = "fix_trusted",
	[REGRESS_EV_FIX_UNTRUSTED] = "fix_untrusted",
	[REGRESS_EV_SEEN_WITH_FIX] = "seen_with_fix",
	[REGRESS_EV_CLEAN_RUN] = "clean_run",
	[REGRESS_EV_CLEAN_ENOUGH] = "clean_enough",
	[REGRESS_EV_RESOLVE] = "resolve",
	[REGRESS_EV_REOPEN] = "reopen",
	[REGRESS_EV_DUPLICATE] = "duplicate",
	[REGRESS_EV_SEEN_AFTER_RESOLVE] = "seen_after_resolve",
};

/*
 * Every transition: in a status of from (a bit set), event moves to to.  An
 * event with no row for a status does not apply there.
 */
static const struct transition {
	unsigned from;
	enum regress_event event;
	enum regress_status to;
	const char *why;
} transitions[] = {
	{ BIT(REGRESS_OPEN) | BIT(REGRESS_WORKAROUND) | BIT(REGRESS_REOPENED),
	  REGRESS_EV_FIX_TRUSTED, REGRESS_FIX_KNOWN,
	  "a trusted tree has the fix: its commit becomes the fix" },
	{ BIT(REGRESS_OPEN), REGRESS_EV_FIX_UNTRUSTED, REGRESS_WORKAROUND,
	  "only an untrusted tree has it: a workaround, never a fix" },
	{ BIT(REGRESS_FIX_KNOWN) | BIT(REGRESS_FIXED) | BIT(REGRESS_REOPENED),
	  REGRESS_EV_SEEN_WITH_FIX, REGRESS_REOPENED,
	  "seen on a kernel that contains the fix" },
	{ BIT(REGRESS_FIX_KNOWN), REGRESS_EV_CLEAN_RUN, REGRESS_FIX_KNOWN,
	  "a clean run with lockdep on a kernel containing the fix counts" },
	{ BIT(REGRESS_FIX_KNOWN), REGRESS_EV_CLEAN_ENOUGH, REGRESS_FIXED,
	  "enough clean runs with lockdep on kernels containing the fix" },
	{ ANY, REGRESS_EV_RESOLVE, REGRESS_RESOLVED,
	  "resolved by hand, with a reason" },
	{ ANY, REGRESS_EV_REOPEN, REGRESS_OPEN,
	  "set to open by hand: fix and clean runs start over" },
	{ ANY, REGRESS_EV_DUPLICATE, REGRESS_DUPLICATE,
	  "marked by hand as a duplicate of another regression" },
	{ BIT(REGRESS_RESOLVED), REGRESS_EV_SEEN_AFTER_RESOLVE,
	  REGRESS_REOPENED,
	  "seen on a kernel newer than its resolution: it descends from a"
	  " trusted tree's head when it was resolved" },
};

const char *regress_status_name(enum regress_status status)
{
	return (unsigned)status < REGRESS_STATUS_NR ? status_names[status] :
						      NULL;
}

int regress_status_from_name(const char *name)
{
	int i;

	for (i = 0; name && i < REGRESS_STATUS_NR; i++)
		if (!strcmp(status_names[i], name))
			return i;
	return -1;
}

bool regress_status_valid(const char *s)
{
	return regress_status_from_name(s) >= 0;
}

bool regress_status_tracked(enum regress_status status)
{
	return status != REGRESS_RESOLVED && status != REGRESS_DUPLICATE;
}

bool regress_status_restarts_count(enum regress_status from,
				   enum regress_status to)
{
	if (from == to)
		return false;
	if (to == REGRESS_REOPENED || to == REGRESS_OPEN)
		return true;
	return to == REGRESS_FIX_KNOWN && from != REGRESS_OPEN &&
	       from != REGRESS_WORKAROUND;
}

const char *regress_event_name(enum regress_event event)
{
	return (unsigned)event < REGRESS_EVENT_NR ? event_names[event] : NULL;
}

int regress_status_next(enum regress_status from, enum regress_event event,
			const char **why)
{
	size_t i;

	if (why)
		*why = NULL;
	if ((unsigned)from >= REGRESS_STATUS_NR)
		return -1;
	for (i = 0; i < ARRAY_SIZE(transitions); i++) {
		const struct transition *t = &transitions[i];

		if (t->event != event || !(t->from & BIT(from)))
			continue;
		if (why)
			*why = t->why;
		return t->to;
	}
	return -1;
}
