// SPDX-License-Identifier: GPL-2.0
/* Unit tests for parsers/alloc: ALLOC_GROW, ARRAY_SIZE, x*dup. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parsers/alloc.h"

static void alloc__grow_keeps_elements(void **state)
{
	int *v = NULL;
	size_t n = 0, alloc = 0, i;

	for (i = 0; i < 1000; i++) {
		ALLOC_GROW(v, n + 1, alloc);
		assert_true(alloc >= n + 1);
		v[n++] = (int)i;
	}
	for (i = 0; i < n; i++)
		assert_int_equal(v[i], (int)i);
	/* asking for less than there is changes nothing */
	i = alloc;
	ALLOC_GROW(v, 1, alloc);
	assert_int_equal(alloc, i);
	/* a jump past the next step gets exactly what was asked */
	ALLOC_GROW(v, 10 * alloc, alloc);
	assert_int_equal(alloc, 10 * i);
	free(v);
}

static void alloc__array_size_and_dup(void **state)
{
	static const char *const words[] = { "lock", "unlock", "trylock" };
	char *s;

	assert_int_equal(ARRAY_SIZE(words), 3);
	s = xstrndup("cpu_hotplug_lock", 3);
	assert_string_equal(s, "cpu");
	free(s);
	s = xstrndup("ab", 10);
	assert_string_equal(s, "ab");
	free(s);
	s = xstrdup("");
	assert_string_equal(s, "");
	free(s);
	free(xmalloc(0));
	free(xcalloc(0, 8));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(alloc__grow_keeps_elements),
		cmocka_unit_test(alloc__array_size_and_dup),
	};

	return cmocka_run_group_tests_name("alloc", tests, NULL, NULL);
}
