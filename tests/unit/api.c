// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for server/http/api: the front end adds the urls to a verdict
 * the domain built without them (the run's, each report's, each
 * regression's), in the places docs/api.md shows.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "server/http/api.h"

static void check(const char *in, const char *want)
{
	json_t *v = json_loads(in, 0, NULL);
	char *out;

	assert_non_null(v);
	api_verdict_urls(v);
	out = json_dumps(v, JSON_COMPACT);
	if (strcmp(out, want))
		fail_msg("'%s' -> '%s', want '%s'", in, out, want);
	free(out);
	json_decref(v);
}

static const char with_urls[] =
	"{\"run\":{\"id\":\"A\",\"reports\":2,\"lockdep_off\":null,"
	"\"url\":\"/api/v1/runs/A\"},"
	"\"reports\":[{\"signature_id\":7,\"new\":true,\"status\":\"new\","
	"\"url\":\"/api/v1/signatures/7\"},"
	"{\"signature_id\":9,\"new\":false,\"status\":\"known\","
	"\"url\":\"/api/v1/signatures/9\",\"regression\":{\"id\":1,"
	"\"url\":\"/api/v1/regressions/1\"}}],"
	"\"lockdep_off\":null,\"regressions\":[{\"id\":1,\"status\":\"fixed\","
	"\"url\":\"/api/v1/regressions/1\"}]}";

static void api__verdict_urls_added_in_place(void **state)
{
	check("{\"run\":{\"id\":\"A\",\"reports\":2,\"lockdep_off\":null},"
	      "\"reports\":[{\"signature_id\":7,\"new\":true,\"status\":\"new\"},"
	      "{\"signature_id\":9,\"new\":false,\"status\":\"known\","
	      "\"regression\":{\"id\":1}}],"
	      "\"lockdep_off\":null,"
	      "\"regressions\":[{\"id\":1,\"status\":\"fixed\"}]}",
	      with_urls);
}

static void api__verdict_urls_stored_with_urls_unchanged(void **state)
{
	check(with_urls, with_urls);
}

static void api__verdict_urls_no_reports(void **state)
{
	check("{\"run\":{\"id\":\"B\"},\"reports\":[],\"lockdep_off\":null}",
	      "{\"run\":{\"id\":\"B\",\"url\":\"/api/v1/runs/B\"},"
	      "\"reports\":[],\"lockdep_off\":null}");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(api__verdict_urls_added_in_place),
		cmocka_unit_test(api__verdict_urls_stored_with_urls_unchanged),
		cmocka_unit_test(api__verdict_urls_no_reports),
	};

	return cmocka_run_group_tests_name("api", tests, NULL, NULL);
}
