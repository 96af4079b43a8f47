// SPDX-License-Identifier: GPL-2.0
/* Unit tests for server/http/html: the one escaper of the server's pages. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "server/http/html.h"

static void check(const char *in, const char *want)
{
	struct strbuf out = STRBUF_INIT;

	html_escape(&out, in);
	if (strcmp(out.buf, want))
		fail_msg("'%s' -> '%s', want '%s'", in, out.buf, want);
	strbuf_release(&out);
}

static void html__escape(void **state)
{
	check("", "");
	check(NULL, "");
	check("plain text", "plain text");
	check("&<b>x\"y'z", "&amp;&lt;b&gt;x&quot;y&#39;z");
	check("\"><img src=x onerror=alert(1)>",
	      "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
	check("&amp;", "&amp;amp;");
	check("a\r\nb\tc\x1b[0m", "a \nb\tc [0m");
	check("caf\xc3\xa9", "caf\xc3\xa9");
}

static void html__page_frame(void **state)
{
	struct strbuf out = STRBUF_INIT;

	html_begin(&out, "<t>");
	html_end(&out);
	assert_non_null(strstr(out.buf, "<title>&lt;t&gt;</title>"));
	assert_non_null(strstr(out.buf, "<meta charset=\"utf-8\">"));
	assert_null(strstr(out.buf, "<script"));
	assert_null(strstr(out.buf, "<t>"));
	assert_string_equal(out.buf + out.len - 15, "</body></html>\n");
	strbuf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(html__escape),
		cmocka_unit_test(html__page_frame),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
