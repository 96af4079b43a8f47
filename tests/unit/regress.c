// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for server/triage/regress_change.c and the bodies of
 * server/http/api_regressions.c: what the regression tracker refuses; and
 * the lifetime of regress.c's repository cache.
 */
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

#include "server/http/api_regressions.h"
#include "server/triage/gitsync.h"
#include "server/triage/regress.h"
#include "server/triage/regress_internal.h"
#include "tests/unit/db_fixture.h"

/* body, read as POST /api/v1/regressions reads it, then created */
static void refuse(struct fixture *f, const char *body, const char *why)
{
	static const struct regress_config cfg = { 0 };
	struct regress *rg = regress_new(&cfg);
	json_t *o = json_loads(body, JSON_DECODE_ANY, NULL);
	struct api_regressions_body b;
	long long id = 0;
	int ret;

	assert_non_null(o);
	strbuf_reset(&f->err);
	ret = api_regressions_body_read(&b, o, true, &f->err);
	if (!ret)
		ret = regress_create(rg, f->db, &b.change, "test", 1, &id,
				     &f->err);
	assert_int_equal(ret, -EINVAL);
	if (!strstr(f->err.buf, why))
		fail_msg("'%s': '%s', want '%s'", body, f->err.buf, why);
	assert_int_equal(id, 0);
	api_regressions_body_release(&b);
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

/* The same rules for a change read from the command line. */
static void regress__create_checks_the_change(void **state)
{
	static const char *const bad_link[] = { "not a url" };
	static const struct regress_sig_ref none[] = { { NULL, 0 } };
	struct fixture *f = *state;
	struct regress *rg = regress_new(NULL);
	struct regress_change c = { .title = "t", .status = -1 };
	long long id = 0;

	assert_int_equal(regress_create(rg, f->db, &c, "test", 1, &id, &f->err),
			 -EINVAL);
	assert_non_null(strstr(f->err.buf, "signatures must be"));
	strbuf_reset(&f->err);
	c.sigs = none;
	c.nsigs = 1;
	assert_int_equal(regress_create(rg, f->db, &c, "test", 1, &id, &f->err),
			 -EINVAL);
	assert_non_null(strstr(f->err.buf, "a signature is a 16-digit hash"));
	strbuf_reset(&f->err);
	c.set_introduced = true;
	c.introduced = "f59";
	assert_int_equal(regress_create(rg, f->db, &c, "test", 1, &id, &f->err),
			 -EINVAL);
	assert_non_null(strstr(f->err.buf, "introduced is a commit"));
	strbuf_reset(&f->err);
	c.introduced = NULL;
	c.set_links = true;
	c.links = bad_link;
	c.nlinks = 1;
	assert_int_equal(regress_create(rg, f->db, &c, "test", 1, &id, &f->err),
			 -EINVAL);
	strbuf_reset(&f->err);
	c.set_links = false;
	c.set_status = true;
	c.status = REGRESS_RESOLVED;
	assert_int_equal(regress_create(rg, f->db, &c, "test", 1, &id, &f->err),
			 -EINVAL);
	assert_int_equal(id, 0);
	regress_free(rg);
}

/*
 * A repository the cache forgets (REGRESS_MAX_REPOS newer ones opened) while
 * a caller still holds it stays readable until the caller drops it (ASan:
 * before the references, the cache freed it under the caller).  The paths
 * are symbolic links to one repository, each a cache entry of its own.
 */
static void regress__repo_outlives_cache(void **state)
{
	char dir[] = "/tmp/regress-test-XXXXXX", head[41], again[41];
	struct strbuf cmd = STRBUF_INIT, path = STRBUF_INIT;
	struct regress *rg = regress_new(NULL);
	struct gitsync_contain *held, *c;
	int i;

	assert_non_null(mkdtemp(dir));
	strbuf_addf(&cmd,
		    "cd '%s' && export GIT_CONFIG_GLOBAL=/dev/null"
		    " GIT_CONFIG_NOSYSTEM=1 && git init -q -b master r &&"
		    " git -C r -c user.name=T -c user.email=t@example.org"
		    " commit -q --allow-empty -m base && for i in $(seq 0 %d);"
		    " do ln -s r l$i; done",
		    dir, REGRESS_MAX_REPOS);
	assert_int_equal(system(cmd.buf), 0);
	strbuf_addf(&path, "%s/l0", dir);
	held = regress_repo(rg, path.buf);
	assert_non_null(held);
	assert_int_equal(gitsync_contain_resolve(held, "HEAD", head), 0);
	for (i = 1; i <= REGRESS_MAX_REPOS; i++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/l%d", dir, i);
		c = regress_repo(rg, path.buf);
		assert_non_null(c);
		gitsync_contain_free(c);
	}
	/* l0 is forgotten now; the caller's reference still reads it */
	assert_int_equal(gitsync_contain_resolve(held, "HEAD", again), 0);
	assert_string_equal(head, again);
	gitsync_contain_free(held);
	regress_free(rg);
	strbuf_reset(&cmd);
	strbuf_addf(&cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd.buf), 0);
	strbuf_release(&cmd);
	strbuf_release(&path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			regress__create_refuses_bad_bodies, setup, teardown),
		cmocka_unit_test_setup_teardown(
			regress__create_checks_the_change, setup, teardown),
		cmocka_unit_test(regress__repo_outlives_cache),
	};

	return cmocka_run_group_tests_name("regress", tests, NULL, NULL);
}
