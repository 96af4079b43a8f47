// SPDX-License-Identifier: GPL-2.0
/* Unit tests for parsers/links: every spelling of one issue, one form. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parsers/alloc.h"
#include "parsers/links.h"

static void check(const char *in, const char *want)
{
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;

	if (links_normalize(&out, in, &err))
		fail_msg("'%s': %s", in, err.buf);
	if (strcmp(out.buf, want))
		fail_msg("'%s' -> '%s', want '%s'", in, out.buf, want);
	strbuf_release(&out);
	strbuf_release(&err);
}

static void links__gitlab_issue_forms(void **state)
{
	const char *want =
		"https://gitlab.freedesktop.org/drm/intel/-/issues/6641";

	check("https://gitlab.freedesktop.org/drm/intel/-/issues/6641", want);
	check("https://gitlab.freedesktop.org/drm/intel/issues/6641", want);
	check("http://gitlab.freedesktop.org/drm/intel/issues/6641/", want);
	check("https://gitlab.freedesktop.org/drm/intel/-/issues/6641#note_1",
	      want);
	check("<https://GitLab.FreeDesktop.org/DRM/Intel/-/issues/6641>", want);
	check("gitlab.freedesktop.org/drm/intel/issues/6641", want);
	check("https://gitlab.freedesktop.org:443/drm/intel/-/issues/6641/"
	      "designs",
	      want);
	/* nested groups keep every level */
	check("https://gitlab.com/a/b/c/issues/7",
	      "https://gitlab.com/a/b/c/-/issues/7");
	/* merge requests are not issues */
	check("https://gitlab.freedesktop.org/drm/intel/merge_requests/7",
	      "https://gitlab.freedesktop.org/drm/intel/-/merge_requests/7");
	assert_false(links_same(
		"https://gitlab.freedesktop.org/drm/intel/issues/6641",
		"https://gitlab.freedesktop.org/drm/intel/issues/6642"));
	assert_false(links_same(
		"https://gitlab.freedesktop.org/drm/intel/issues/6641",
		"https://gitlab.freedesktop.org/drm/intel/merge_requests/6641"));
}

static void links__lore_forms(void **state)
{
	const char *want = "https://lore.kernel.org/r/"
			   "20210524174536.GA2433@roeck-us.net";

	check("https://lore.kernel.org/r/20210524174536.GA2433@roeck-us.net",
	      want);
	check("https://lore.kernel.org/all/20210524174536.GA2433@roeck-us.net/",
	      want);
	check("https://lore.kernel.org/linux-hwmon/"
	      "20210524174536.GA2433@roeck-us.net/T/#u",
	      want);
	check("https://lore.kernel.org/lkml/"
	      "20210524174536.GA2433%40roeck-us.net/raw",
	      want);
	check("https://lore.kernel.org/r/%3C20210524174536.GA2433@roeck-us.net"
	      "%3E",
	      want);
	check("https://lkml.kernel.org/r/20210524174536.GA2433@roeck-us.net",
	      want);
	check("https://patch.msgid.link/20210524174536.GA2433@roeck-us.net",
	      want);
	check("http://lore.kernel.org/r/20210524174536.GA2433@roeck-us.net",
	      want);
	/* a '/' inside a message id stays encoded, '+' stays as it is */
	check("https://lore.kernel.org/all/a%2Fb+c@x.org/",
	      "https://lore.kernel.org/r/a%2Fb+c@x.org");
	/* message ids are case-sensitive */
	assert_false(links_same("https://lore.kernel.org/r/ABC@x.org",
				"https://lore.kernel.org/r/abc@x.org"));
	/* a list index page is not a message */
	check("https://lore.kernel.org/linux-hwmon/",
	      "https://lore.kernel.org/linux-hwmon");
}

static void links__bugzilla_forms(void **state)
{
	const char *want = "https://bugzilla.kernel.org/show_bug.cgi?id=213135";

	check("https://bugzilla.kernel.org/show_bug.cgi?id=213135", want);
	check("http://bugzilla.kernel.org/show_bug.cgi?id=213135#c4", want);
	check("https://bugzilla.kernel.org/213135", want);
	check("https://bugzilla.kernel.org/show_bug.cgi?ctype=xml&id=213135",
	      want);
	check("https://bugs.freedesktop.org/show_bug.cgi?id=110000",
	      "https://bugs.freedesktop.org/show_bug.cgi?id=110000");
	check("https://bugzilla.suse.com/show_bug.cgi?id=1186490",
	      "https://bugzilla.suse.com/show_bug.cgi?id=1186490");
}

static void links__generic(void **state)
{
	check("HTTP://Example.COM:80/a/b/?x=1#frag",
	      "https://example.com/a/b?x=1");
	check("https://github.com/torvalds/linux/issues/1/",
	      "https://github.com/torvalds/linux/issues/1");
	check("https://example.com/%7euser/a%2fb",
	      "https://example.com/~user/a%2Fb");
	check("https://example.com:8443/x", "https://example.com:8443/x");
	check("https://example.com", "https://example.com");
	/* found by tests/fuzz/fuzz_trailers: each form is a fixed point */
	check("https://example.com/show_bug.cgi",
	      "https://example.com/show_bug.cgi");
	check("https://bugzilla.kernel.org/21313%35",
	      "https://bugzilla.kernel.org/show_bug.cgi?id=213135");
	check("https://example.com/a%00b", "https://example.com/a%00b");
	check("c.d?/#:", "https://c.d");
	check("https://c.d/x./", "https://c.d/x");
}

/*
 * normalize(normalize(x)) == normalize(x): a canonical link read back from a
 * commit must match the link it was made from.  The first input was found by
 * tests/fuzz/fuzz_trailers (a fragment hid the trailing '&' from the input
 * trim, the trim after classification then turned a generic link into a
 * bugzilla short form); the others break the same rule in other ways.
 */
static void links__idempotent(void **state)
{
	static const char *const in[] = {
		"lllbubugs.a/2&#",
		"https://bugs.example.org/2.#c1",
		"https://bugs.example.org/2%2C",
		"https://example.com/show_bug.cgi/?ID=5",
		"https://example.com/show_bug.cgi?x=1%26id=5",
		"https://example.com/a?b%3Dc",
		"https://gitlab.com/A/Issues/5/-/issues/7",
		"https://gitlab.com/a/b/c/d/e/f/g/h/i/j/k/l/m/n/issues/5",
		"https://gitlab.com/%C3%89/issues/5",
		"https://lore.kernel.org/r/%3C%3Ca@b%3E%3E",
		"https://lore.kernel.org/r/a@b%2C",
		"https://lore.kernel.org/r/%3C%3E",
		"https://lore.kernel.org/all/a@b./T/",
		"https://example.com/a%2f/show_bug.cgi?id=1",
	};
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, err = STRBUF_INIT;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(in); i++) {
		strbuf_reset(&a);
		strbuf_reset(&b);
		if (links_normalize(&a, in[i], &err))
			fail_msg("'%s': %s", in[i], err.buf);
		if (links_normalize(&b, a.buf, &err))
			fail_msg("'%s' -> '%s': %s", in[i], a.buf, err.buf);
		if (strcmp(a.buf, b.buf))
			fail_msg("'%s' -> '%s' -> '%s'", in[i], a.buf, b.buf);
	}
	strbuf_release(&a);
	strbuf_release(&b);
	strbuf_release(&err);
}

static void links__rejects_non_links(void **state)
{
	static const char *const bad[] = {
		"",
		"6641",
		"ftp://example.com/x",
		"https://",
		"not a url",
		"https://exa mple.com/",
		"javascript:alert(1)",
		"f598a497bc7d",
	};
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		strbuf_reset(&err);
		if (!links_normalize(&out, bad[i], &err))
			fail_msg("'%s' accepted as '%s'", bad[i], out.buf);
		assert_true(err.len > 0);
		assert_int_equal(out.len, 0);
	}
	assert_false(links_same("", ""));
	strbuf_release(&out);
	strbuf_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(links__gitlab_issue_forms),
		cmocka_unit_test(links__lore_forms),
		cmocka_unit_test(links__bugzilla_forms),
		cmocka_unit_test(links__generic),
		cmocka_unit_test(links__idempotent),
		cmocka_unit_test(links__rejects_non_links),
	};

	return cmocka_run_group_tests_name("links", tests, NULL, NULL);
}
