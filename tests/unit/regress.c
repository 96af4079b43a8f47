// SPDX-License-Identifier: GPL-2.0
/* Unit tests for server/triage/regress.c: what the regression tracker refuses. */
#include <errno.h>
#include <jansson.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "server/triage/regress.h"
#include "tests/unit/db_fixture.h"

static void refuse(struct fixture *f, const char *body, const char *why)
{
	static const struct regress_config cfg = { 0, 0 };
	struct regress *rg = regress_new(&cfg);
	json_t *o = json_loads(body, JSON_DECODE_ANY, NULL);
	long long id = 0;

	assert_non_null(o);
	strbuf_reset(&f->err);
	assert_int_equal(regress_create(rg, f->db, o, "test", 1, &id, &f->err),
			 -EINVAL);
	if (!strstr(f->err.buf, why))
		fail_msg("'%s': '%s', want '%s'", body, f->err.buf, why);
	assert_int_equal(id, 0);
	json_decref(o);
	regress_free(rg);
}

/* Found by tests/fuzz/fuzz_http: these leaked the empty links array. */
static void regress__create_refuses_bad_bodies(void **state)
{
	struct fixture *f = *state;

	refuse(f, "{\"title\": \"t\", \"iid=oduced\": \"f598a497bc7d\"}",
	       "unknown field 'iid=oduced'");
	refuse(f, "[]", "the body must be a JSON object");
	refuse(f, "{\"title\": \"\"}", "title");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			regress__create_refuses_bad_bodies, setup, teardown),
	};

	return cmocka_run_group_tests_name("regress", tests, NULL, NULL);
}
