// SPDX-License-Identifier: GPL-2.0
/* Unit tests for parsers/entity: one character reference, in each set. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "parsers/entity.h"

/* The length entity_decode() gives s in set; its code point in *cp. */
static size_t dec(const char *s, enum entity_set set, unsigned long *cp)
{
	*cp = 0;
	return entity_decode(s, s + strlen(s), set, cp);
}

static void entity__named_and_numeric(void **state)
{
	unsigned long cp;

	assert_int_equal(dec("&amp;x", ENTITY_ANY, &cp), 5);
	assert_int_equal(cp, '&');
	assert_int_equal(dec("&lt;", ENTITY_ASCII, &cp), 4);
	assert_int_equal(cp, '<');
	assert_int_equal(dec("&apos;", ENTITY_ASCII, &cp), 6);
	assert_int_equal(cp, '\'');
	assert_int_equal(dec("&#60;", ENTITY_ASCII, &cp), 5);
	assert_int_equal(cp, '<');
	assert_int_equal(dec("&#X3c;", ENTITY_ASCII, &cp), 6);
	assert_int_equal(cp, '<');
	assert_int_equal(dec("&#x1F600;", ENTITY_ANY, &cp), 9);
	assert_int_equal(cp, 0x1f600);
	assert_int_equal(dec("&hellip;", ENTITY_ANY, &cp), 8);
	assert_int_equal(cp, 0x2026);
	(void)state;
}

static void entity__not_one(void **state)
{
	unsigned long cp;

	/* no ';', no digits, an unknown name, case, past the digits */
	assert_int_equal(dec("&amp", ENTITY_ANY, &cp), 0);
	assert_int_equal(dec("&#;", ENTITY_ANY, &cp), 0);
	assert_int_equal(dec("&#x;", ENTITY_ANY, &cp), 0);
	assert_int_equal(dec("&bogus;", ENTITY_ANY, &cp), 0);
	assert_int_equal(dec("&LT;", ENTITY_ANY, &cp), 0);
	assert_int_equal(dec("&#12345678;", ENTITY_ANY, &cp), 0);
	assert_int_equal(dec("&#x1234567;", ENTITY_ANY, &cp), 0);
	assert_int_equal(dec("x&amp;", ENTITY_ANY, &cp), 0);
	assert_int_equal(entity_decode("&amp;", "&amp;" + 4, ENTITY_ANY, &cp),
			 0);
	(void)state;
}

/* A kernel line takes printable ASCII only: the rest stays as written. */
static void entity__ascii_filter(void **state)
{
	unsigned long cp;

	assert_int_equal(dec("&#10;", ENTITY_ANY, &cp), 5);
	assert_int_equal(cp, '\n');
	assert_int_equal(dec("&#10;", ENTITY_ASCII, &cp), 0);
	assert_int_equal(dec("&#127;", ENTITY_ASCII, &cp), 0);
	assert_int_equal(dec("&#31;", ENTITY_ASCII, &cp), 0);
	assert_int_equal(dec("&#126;", ENTITY_ASCII, &cp), 6);
	assert_int_equal(dec("&nbsp;", ENTITY_ASCII, &cp), 0);
	assert_int_equal(dec("&nbsp;", ENTITY_ANY, &cp), 6);
	assert_int_equal(cp, 0xa0);
	assert_int_equal(dec("&ndash;", ENTITY_ASCII, &cp), 0);
	(void)state;
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(entity__named_and_numeric),
		cmocka_unit_test(entity__not_one),
		cmocka_unit_test(entity__ascii_filter),
	};

	return cmocka_run_group_tests_name("entity", tests, NULL, NULL);
}
