// SPDX-License-Identifier: GPL-2.0
/* Unit tests for parsers/trailers on real commit-message shapes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parsers/trailers.h"

static size_t parse(struct trailers *t, const char *msg)
{
	return trailers_parse(t, msg, strlen(msg));
}

static void trailers__coretemp_fix(void **state)
{
	static const char msg[] =
		"hwmon/coretemp: Simplify platform device handling\n"
		"\n"
		"Coretemp's platform driver is unconventional. All the real "
		"work is done\nglobally by the initcall and CPU hotplug "
		"notifiers.\n"
		"\n"
		"Link: https://gitlab.freedesktop.org/drm/intel/-/issues/6641\n"
		"Signed-off-by: Robin Murphy <robin.murphy@arm.com>\n"
		"Signed-off-by: Janusz Krzysztofik "
		"<janusz.krzysztofik@linux.intel.com>\n"
		"Link: https://lore.kernel.org/r/20230103114620.15319-1-"
		"janusz.krzysztofik@linux.intel.com\n"
		"Signed-off-by: Guenter Roeck <linux@roeck-us.net>\n";
	struct trailers t = TRAILERS_INIT;

	assert_int_equal(parse(&t, msg), 5);
	assert_int_equal(t.v[0].kind, TRAILERS_LINK);
	assert_string_equal(
		t.v[0].value,
		"https://gitlab.freedesktop.org/drm/intel/-/issues/6641");
	assert_int_equal(t.v[1].kind, TRAILERS_OTHER);
	assert_string_equal(t.v[1].key, "Signed-off-by");
	assert_int_equal(t.v[3].kind, TRAILERS_LINK);
	trailers_release(&t);
}

static void trailers__fixes_wrapped_and_cased(void **state)
{
	static const char msg[] =
		"Revert \"iova: Add CPU hotplug handler to flush rcaches\"\n"
		"\n"
		"This reverts commit f598a497bc7d for CI only.\n"
		"\n"
		"fixes: F598A497BC7D (\"iova: Add CPU hotplug handler to flush\n"
		"rcaches\")\n"
		"Closes:  https://gitlab.freedesktop.org/drm/intel/issues/6641 \n"
		"Reported-By: CI Bug Log <ci@example.org>\n"
		"Reported-and-tested-by: Someone\n"
		"Cc: stable@vger.kernel.org # 5.13+\n";
	struct trailers t = TRAILERS_INIT;

	assert_int_equal(parse(&t, msg), 5);
	assert_int_equal(t.v[0].kind, TRAILERS_FIXES);
	assert_string_equal(t.v[0].fixes_sha, "f598a497bc7d");
	assert_string_equal(t.v[0].fixes_subject,
			    "iova: Add CPU hotplug handler to flush rcaches");
	assert_int_equal(t.v[1].kind, TRAILERS_CLOSES);
	assert_string_equal(
		t.v[1].value,
		"https://gitlab.freedesktop.org/drm/intel/issues/6641");
	assert_int_equal(t.v[2].kind, TRAILERS_REPORTED_BY);
	assert_int_equal(t.v[3].kind, TRAILERS_OTHER);
	assert_string_equal(t.v[4].value, "stable@vger.kernel.org # 5.13+");
	trailers_release(&t);
}

static void trailers__continuation_lines(void **state)
{
	static const char msg[] =
		"x: y\n\nbody\n\n"
		"Fixes: 1234567890ab (\"drm/i915: a very long subject that\n"
		"    goes on\")\n"
		"Link: https://example.org/a\n"
		"  /b\n";
	struct trailers t = TRAILERS_INIT;

	assert_int_equal(parse(&t, msg), 2);
	assert_string_equal(t.v[0].fixes_subject,
			    "drm/i915: a very long subject that goes on");
	assert_string_equal(t.v[1].value, "https://example.org/a /b");
	trailers_release(&t);
}

static void trailers__only_last_paragraph(void **state)
{
	static const char msg[] =
		"iova: fix it\n"
		"\n"
		"Fixes: 1111111111111111 (\"old\")\n"
		"Link: https://example.org/not-a-trailer-block\n"
		"\n"
		"Then a closing paragraph of prose that explains more\n"
		"and spans two lines.\n";
	struct trailers t = TRAILERS_INIT;

	assert_int_equal(parse(&t, msg), 0);
	trailers_release(&t);
}

static void trailers__subject_is_never_a_trailer(void **state)
{
	struct trailers t = TRAILERS_INIT;

	assert_int_equal(parse(&t, "Fixes: something\n"), 0);
	assert_int_equal(parse(&t, "Fixes: something\nLink: x\n\n\n"), 0);
	assert_int_equal(parse(&t, ""), 0);
	trailers_release(&t);
}

static void trailers__mixed_block(void **state)
{
	/* prose in the block: kept only with a kernel trailer and >= 25% */
	static const char mixed[] = "s\n\n"
				    "[ tglx: fixed up the changelog ]\n"
				    "Signed-off-by: A <a@b>\n";
	static const char prose[] =
		"s\n\n"
		"Note: this is prose that happens to start like a trailer\n"
		"and goes on for a while,\n"
		"and a while longer,\n"
		"and then ends.\n";
	static const char url_line[] = "s\n\nSee\nhttps://example.org/x\n";
	struct trailers t = TRAILERS_INIT;

	assert_int_equal(parse(&t, mixed), 1);
	assert_string_equal(t.v[0].key, "Signed-off-by");
	trailers_release(&t);
	assert_int_equal(parse(&t, prose), 0);
	assert_int_equal(parse(&t, url_line), 0);
	trailers_release(&t);
}

static void trailers__crlf_and_no_final_newline(void **state)
{
	static const char msg[] =
		"s\r\n\r\nbody\r\n\r\nCloses: https://example.org/1\r\n"
		"Fixes: abcdef0123456789";
	struct trailers t = TRAILERS_INIT;

	assert_int_equal(parse(&t, msg), 2);
	assert_string_equal(t.v[0].value, "https://example.org/1");
	assert_string_equal(t.v[1].fixes_sha, "abcdef0123456789");
	assert_null(t.v[1].fixes_subject);
	trailers_release(&t);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(trailers__coretemp_fix),
		cmocka_unit_test(trailers__fixes_wrapped_and_cased),
		cmocka_unit_test(trailers__continuation_lines),
		cmocka_unit_test(trailers__only_last_paragraph),
		cmocka_unit_test(trailers__subject_is_never_a_trailer),
		cmocka_unit_test(trailers__mixed_block),
		cmocka_unit_test(trailers__crlf_and_no_final_newline),
	};

	return cmocka_run_group_tests_name("trailers", tests, NULL, NULL);
}
