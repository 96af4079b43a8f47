// SPDX-License-Identifier: GPL-2.0
/* Unit tests for parsers/strbuf and parsers/arena. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parsers/arena.h"
#include "parsers/strbuf.h"

static void strbuf__add_and_format(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	int i;

	assert_int_equal(sb.len, 0);
	assert_string_equal(sb.buf, "");
	strbuf_addstr(&sb, "cpuhp/");
	strbuf_addf(&sb, "%d", 15);
	assert_string_equal(sb.buf, "cpuhp/15");
	for (i = 0; i < 1000; i++)
		strbuf_addch(&sb, 'x');
	assert_int_equal(sb.len, 1008);
	strbuf_setlen(&sb, 3);
	assert_string_equal(sb.buf, "cpu");
	strbuf_release(&sb);
	assert_int_equal(sb.alloc, 0);
}

static void strbuf__trim(void **state)
{
	struct strbuf sb = STRBUF_INIT;

	strbuf_addstr(&sb, " \t lock(x);  \r\n");
	strbuf_trim(&sb);
	assert_string_equal(sb.buf, "lock(x);");
	strbuf_release(&sb);
}

static void arena__reset_reuses(void **state)
{
	struct arena a = ARENA_INIT;
	char *s;
	int i;

	for (i = 0; i < 10000; i++) {
		s = arena_strdup(&a, "&(&priv->bus_notifier)->rwsem");
		assert_string_equal(s, "&(&priv->bus_notifier)->rwsem");
	}
	assert_true(a.total >= 10000 * 30);
	arena_reset(&a);
	assert_true(a.total <= 64 * 1024);
	s = arena_alloc(&a, 1 << 20);
	assert_non_null(s);
	assert_int_equal(s[(1 << 20) - 1], 0);
	arena_release(&a);
	assert_int_equal(a.total, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(strbuf__add_and_format),
		cmocka_unit_test(strbuf__trim),
		cmocka_unit_test(arena__reset_reuses),
	};

	return cmocka_run_group_tests_name("strbuf", tests, NULL, NULL);
}
