// SPDX-License-Identifier: GPL-2.0
/* Unit tests for parsers/url: an http(s) URL's authority and host key. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parsers/url.h"

static void key_is(const char *url, const char *want)
{
	struct strbuf out = STRBUF_INIT;

	url_host_key(url, &out);
	if (strcmp(out.len ? out.buf : "", want))
		fail_msg("'%s' -> '%s', want '%s'", url, out.buf, want);
	strbuf_release(&out);
}

/* One server, one key, however the URL spells its scheme and host. */
static void url__host_key(void **state)
{
	(void)state;
	key_is("http://127.0.0.1:8000/logs/a.txt", "http://127.0.0.1:8000");
	key_is("HTTP://Storage.KernelCI.org/x", "http://storage.kernelci.org");
	key_is("https://h?q=/a", "https://h");
	key_is("https://h#/a", "https://h");
	key_is("https://h", "https://h");
	key_is("https://h:443/", "https://h:443");
	key_is("no scheme/at all", "no scheme/at all");
	key_is("", "");
}

static void url__authority(void **state)
{
	const char *start;

	(void)state;
	assert_true(url_is_http("HtTpS://x"));
	assert_true(url_is_http("http://x"));
	assert_false(url_is_http("ftp://x"));
	assert_false(url_is_http("http:/x"));
	assert_int_equal(url_authority("https://user@h:1/p", &start), 8);
	assert_string_equal(start, "user@h:1/p");
	assert_int_equal(url_authority("http:///p", &start), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(url__host_key),
		cmocka_unit_test(url__authority),
	};

	return cmocka_run_group_tests_name("url", tests, NULL, NULL);
}
