// SPDX-License-Identifier: GPL-2.0
/* Unit tests for parsers/datetime: every form the one time parser takes,
 * and the ones it refuses. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "parsers/datetime.h"

static void ok(const char *s, long long want)
{
	long long t = -1;
	int ret = datetime_parse(s, &t);

	if (ret || t != want)
		fail_msg("'%s': %d, %lld, want %lld", s, ret, t, want);
}

static void bad(const char *s, int want)
{
	long long t = 42;
	int ret = datetime_parse(s, &t);

	if (ret != want || t != 42)
		fail_msg("'%s': %d (%lld), want %d", s, ret, t, want);
}

/* 2026-06-27T20:26:39Z */
#define T 1782591999LL

static void datetime__forms(void **state)
{
	(void)state;
	ok("0", 0);
	ok("1782592000", 1782592000);
	ok("1782592000.75", 1782592000);
	ok("2026-06-27", 1782518400);
	ok("2026-06-27T20:26", 1782591960);
	ok("2026-06-27t20:26:39", 1782591999);
	ok("2026-06-27 20:26:39", 1782591999);
	ok("2026-06-27T20:26:39Z", 1782591999);
	ok("2026-06-27T20:26:39z", 1782591999);
	ok("2026-06-27T20:26:39.123Z", 1782591999);
	ok("2026-06-27T20:26:39,5", 1782591999);
	ok("2026-06-27T22:26:39+02:00", 1782591999);
	ok("2026-06-27T14:56:39-0530", 1782591999);
	ok("1970-01-01T00:00:00Z", 0);
	ok("2000-02-29", 951782400);
	/* a leap second is the second after :59 */
	ok("2016-12-31T23:59:60Z", 1483228800);
}

static void datetime__refused(void **state)
{
	(void)state;
	bad("", -EINVAL);
	bad(NULL, -EINVAL);
	bad(" 1782592000", -EINVAL);
	bad("+1782592000", -EINVAL);
	bad("-5", -EINVAL);
	bad("99999999999999999999", -EINVAL);
	bad("1782592000.", -EINVAL);
	bad("2026-6-27", -EINVAL);
	bad("2026-06-27Z", -EINVAL);
	bad("2026-06-27T24:00:00", -EINVAL);
	bad("2026-06-27T20:60", -EINVAL);
	bad("2026-06-27T20:26:61", -EINVAL);
	bad("2026-13-01", -EINVAL);
	bad("2026-00-01", -EINVAL);
	bad("2026-06-00", -EINVAL);
	bad("2026-06-27T20:26:39+24:00", -EINVAL);
	bad("2026-06-27T20:26:39.", -EINVAL);
	bad("2026-06-27T20:26:39 ", -EINVAL);
	bad("yesterday", -EINVAL);
	/* the shape of a date, not a day */
	bad("2026-02-30", -ERANGE);
	bad("2026-02-29T00:00:00Z", -ERANGE);
	bad("2100-02-29", -ERANGE);
	bad("2026-04-31", -ERANGE);
}

static void datetime__rfc3339(void **state)
{
	long long t = 0;

	(void)state;
	assert_int_equal(datetime_parse_rfc3339("2026-06-27T20:26:39Z", &t), 0);
	assert_int_equal(t, T);
	assert_int_equal(datetime_parse_rfc3339("2026-06-27t20:26:39.5z", &t),
			 0);
	assert_int_equal(
		datetime_parse_rfc3339("2026-06-27T22:26:39+02:00", &t), 0);
	assert_int_equal(t, T);
	assert_int_equal(datetime_parse_rfc3339("2026-06-27T20:26:39Z", NULL),
			 0);
	/* the lenient forms are none of RFC 3339's */
	assert_int_equal(datetime_parse_rfc3339("1782591999", &t), -EINVAL);
	assert_int_equal(datetime_parse_rfc3339("2026-06-27", &t), -EINVAL);
	assert_int_equal(datetime_parse_rfc3339("2026-06-27 20:26:39Z", &t),
			 -EINVAL);
	assert_int_equal(datetime_parse_rfc3339("2026-06-27T20:26Z", &t),
			 -EINVAL);
	assert_int_equal(datetime_parse_rfc3339("2026-06-27T20:26:39", &t),
			 -EINVAL);
	assert_int_equal(datetime_parse_rfc3339("2026-06-27T20:26:39+0200", &t),
			 -EINVAL);
	assert_int_equal(datetime_parse_rfc3339("2026-06-27T20:26:39,5Z", &t),
			 -EINVAL);
	assert_int_equal(datetime_parse_rfc3339("2026-02-30T00:00:00Z", &t),
			 -ERANGE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(datetime__forms),
		cmocka_unit_test(datetime__refused),
		cmocka_unit_test(datetime__rfc3339),
	};

	return cmocka_run_group_tests_name("datetime", tests, NULL, NULL);
}
