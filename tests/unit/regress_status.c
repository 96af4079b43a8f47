// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for server/triage/regress_status.c: the names and every
 * transition of a regression's status (docs/regressions.md "Statuses").
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "server/triage/regress_status.h"

#define S(x) REGRESS_##x

static void regress_status__names_round_trip(void **state)
{
	static const char *const names[] = { "open",	  "workaround",
					     "fix_known", "fixed",
					     "reopened",  "resolved",
					     "duplicate" };
	size_t i;

	(void)state;
	assert_int_equal(sizeof(names) / sizeof(names[0]), REGRESS_STATUS_NR);
	for (i = 0; i < REGRESS_STATUS_NR; i++) {
		assert_string_equal(regress_status_name(i), names[i]);
		assert_int_equal(regress_status_from_name(names[i]), i);
		assert_true(regress_status_valid(names[i]));
	}
	assert_null(regress_status_name(REGRESS_STATUS_NR));
	assert_int_equal(regress_status_from_name("Open"), -1);
	assert_int_equal(regress_status_from_name(""), -1);
	assert_int_equal(regress_status_from_name(NULL), -1);
	assert_false(regress_status_valid("closed"));
	for (i = 0; i < REGRESS_EVENT_NR; i++)
		assert_non_null(regress_event_name(i));
	assert_null(regress_event_name(REGRESS_EVENT_NR));
}

/*
 * The whole table, status by event: -1 where the event does not apply.
 * Rows: open workaround fix_known fixed reopened resolved duplicate.
 */
static const int want[REGRESS_STATUS_NR][REGRESS_EVENT_NR] = {
	/* fix_trusted, fix_untrusted, seen_with_fix, clean_run,
	 * clean_enough, resolve, reopen, duplicate, seen_after_resolve */
	[S(OPEN)] = { S(FIX_KNOWN), S(WORKAROUND), -1, -1, -1, S(RESOLVED),
		      S(OPEN), S(DUPLICATE), -1 },
	[S(WORKAROUND)] = { S(FIX_KNOWN), -1, -1, -1, -1, S(RESOLVED), S(OPEN),
			    S(DUPLICATE), -1 },
	[S(FIX_KNOWN)] = { -1, -1, S(REOPENED), S(FIX_KNOWN), S(FIXED),
			   S(RESOLVED), S(OPEN), S(DUPLICATE), -1 },
	[S(FIXED)] = { -1, -1, S(REOPENED), -1, -1, S(RESOLVED), S(OPEN),
		       S(DUPLICATE), -1 },
	[S(REOPENED)] = { S(FIX_KNOWN), -1, S(REOPENED), -1, -1, S(RESOLVED),
			  S(OPEN), S(DUPLICATE), -1 },
	[S(RESOLVED)] = { -1, -1, -1, -1, -1, S(RESOLVED), S(OPEN),
			  S(DUPLICATE), S(REOPENED) },
	[S(DUPLICATE)] = { -1, -1, -1, -1, -1, S(RESOLVED), S(OPEN),
			   S(DUPLICATE), -1 },
};

static void regress_status__every_transition(void **state)
{
	const char *why;
	int from, ev, to;

	(void)state;
	for (from = 0; from < REGRESS_STATUS_NR; from++) {
		for (ev = 0; ev < REGRESS_EVENT_NR; ev++) {
			to = regress_status_next(from, ev, &why);
			if (to != want[from][ev])
				fail_msg("%s x %s: %d, want %d",
					 regress_status_name(from),
					 regress_event_name(ev), to,
					 want[from][ev]);
			/* a rule that applies says why; none says nothing */
			if ((to >= 0) != (why != NULL))
				fail_msg("%s x %s: why '%s'",
					 regress_status_name(from),
					 regress_event_name(ev),
					 why ? why : "(null)");
		}
	}
	assert_int_equal(regress_status_next(REGRESS_STATUS_NR,
					     REGRESS_EV_RESOLVE, &why),
			 -1);
	assert_null(why);
	assert_int_equal(regress_status_next(S(OPEN), REGRESS_EV_FIX_TRUSTED,
					     NULL),
			 S(FIX_KNOWN));
}

/* #6641: a CI-only revert never fixes; the trusted fix does, then it comes
 * back on a kernel that contains it. */
static void regress_status__story_6641(void **state)
{
	int s = S(OPEN);

	(void)state;
	s = regress_status_next(s, REGRESS_EV_FIX_UNTRUSTED, NULL);
	assert_int_equal(s, S(WORKAROUND));
	assert_int_equal(regress_status_next(s, REGRESS_EV_CLEAN_RUN, NULL),
			 -1);
	assert_int_equal(regress_status_next(s, REGRESS_EV_FIX_UNTRUSTED, NULL),
			 -1);
	s = regress_status_next(s, REGRESS_EV_FIX_TRUSTED, NULL);
	assert_int_equal(s, S(FIX_KNOWN));
	s = regress_status_next(s, REGRESS_EV_CLEAN_RUN, NULL);
	assert_int_equal(s, S(FIX_KNOWN));
	s = regress_status_next(s, REGRESS_EV_CLEAN_ENOUGH, NULL);
	assert_int_equal(s, S(FIXED));
	s = regress_status_next(s, REGRESS_EV_SEEN_WITH_FIX, NULL);
	assert_int_equal(s, S(REOPENED));
	s = regress_status_next(s, REGRESS_EV_RESOLVE, NULL);
	assert_int_equal(s, S(RESOLVED));
	assert_false(regress_status_tracked(s));
}

static void regress_status__tracked(void **state)
{
	int s;

	(void)state;
	for (s = 0; s < REGRESS_STATUS_NR; s++)
		assert_int_equal(regress_status_tracked(s),
				 s != S(RESOLVED) && s != S(DUPLICATE));
}

/* The moves that start the clean-run count over: a reopen (by a run or by
 * hand) and a new fix after one; never a first fix, nor staying put. */
static void regress_status__restarts_count(void **state)
{
	int from, to;

	(void)state;
	for (from = 0; from < REGRESS_STATUS_NR; from++)
		for (to = 0; to < REGRESS_STATUS_NR; to++)
			assert_int_equal(
				regress_status_restarts_count(from, to),
				from != to &&
					(to == S(REOPENED) || to == S(OPEN) ||
					 (to == S(FIX_KNOWN) &&
					  from != S(OPEN) &&
					  from != S(WORKAROUND))));
	assert_false(
		regress_status_restarts_count(S(WORKAROUND), S(FIX_KNOWN)));
	assert_true(regress_status_restarts_count(S(REOPENED), S(FIX_KNOWN)));
	assert_true(regress_status_restarts_count(S(FIXED), S(REOPENED)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(regress_status__names_round_trip),
		cmocka_unit_test(regress_status__every_transition),
		cmocka_unit_test(regress_status__story_6641),
		cmocka_unit_test(regress_status__tracked),
		cmocka_unit_test(regress_status__restarts_count),
	};

	return cmocka_run_group_tests_name("regress_status", tests, NULL, NULL);
}
