// SPDX-License-Identifier: GPL-2.0
/* Unit tests for server/kcidb/document on KernelCI-shaped documents. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parsers/alloc.h"
#include "server/kcidb/document.h"

/* Parse s under the default limits; err holds the reason. */
static int parse(struct kcidb_doc *doc, const char *s, struct strbuf *err)
{
	const struct kcidb_limits lim = KCIDB_LIMITS_INIT;

	strbuf_reset(err);
	return kcidb_doc_parse(doc, s, strlen(s), &lim, err);
}

/* The error of s, which must be refused with ret. */
static void refused(const char *s, int ret, const char *why)
{
	struct strbuf err = STRBUF_INIT;
	struct kcidb_doc doc;

	assert_int_equal(parse(&doc, s, &err), ret);
	assert_string_equal(err.buf, why);
	kcidb_doc_release(&doc);
	strbuf_release(&err);
}

static const char kernelci[] =
	"{\"version\": {\"major\": 5, \"minor\": 3},"
	" \"checkouts\": [{\"id\": \"maestro:c1\", \"origin\": \"maestro\","
	"  \"tree_name\": \"mainline\", \"git_repository_branch\": \"master\","
	"  \"git_commit_hash\": \"4fe89d07dcc2804c8b562f6c7896a45643d34b2f\","
	"  \"git_commit_name\": \"v6.1-rc1\", \"patchset_hash\": \"\"}],"
	" \"builds\": [{\"id\": \"maestro:b1\", \"origin\": \"maestro\","
	"  \"checkout_id\": \"maestro:c1\", \"status\": \"PASS\"}],"
	" \"tests\": [{\"id\": \"maestro:t1\", \"origin\": \"maestro\","
	"  \"build_id\": \"maestro:b1\", \"path\": \"baseline.dmesg\","
	"  \"status\": \"FAIL\", \"start_time\": \"2026-11-30T11:00:00Z\","
	"  \"environment\": {\"comment\": \"Runtime: lava\","
	"   \"misc\": {\"platform\": \"shard-glk1\"}},"
	"  \"log_excerpt\": \"[ 1.0] hello\\n\"},"
	"  {\"id\": \"maestro:t2\", \"origin\": \"maestro\","
	"   \"build_id\": \"maestro:b1\", \"log_url\": \"https://x/log\","
	"   \"environment\": {\"compatible\": [\"intel,glk\"]}},"
	"  {\"id\": \"maestro:t3\", \"origin\": \"maestro\","
	"   \"build_id\": \"maestro:b1\", \"environment\": {\"comment\": \"lab-1\"}}],"
	" \"issues\": [{\"id\": \"maestro:i1\", \"version\": 1,"
	"  \"origin\": \"maestro\", \"culprit\": {\"code\": true}}],"
	" \"incidents\": []}";

static void kcidb_document__kernelci(void **state)
{
	struct strbuf err = STRBUF_INIT;
	struct kcidb_doc doc;

	assert_int_equal(parse(&doc, kernelci, &err), 0);
	assert_int_equal(doc.major, 5);
	assert_int_equal(doc.minor, 3);
	assert_int_equal(doc.ncheckouts, 1);
	assert_int_equal(doc.nbuilds, 1);
	assert_int_equal(doc.ntests, 3);
	assert_string_equal(doc.checkouts[0].tree_name, "mainline");
	assert_string_equal(doc.checkouts[0].git_commit_name, "v6.1-rc1");
	assert_null(doc.checkouts[0].git_repository_url);
	assert_string_equal(doc.builds[0].checkout_id, "maestro:c1");
	assert_string_equal(doc.tests[0].path, "baseline.dmesg");
	assert_string_equal(doc.tests[0].status, "FAIL");
	assert_int_equal(doc.tests[0].log_excerpt_len, 13);
	assert_null(doc.tests[0].log_url);
	assert_string_equal(doc.tests[1].log_url, "https://x/log");
	kcidb_doc_release(&doc);
	strbuf_release(&err);
}

/* platform, else compatible[0], else comment */
static void kcidb_document__machine(void **state)
{
	struct strbuf err = STRBUF_INIT;
	struct kcidb_doc doc;

	assert_int_equal(parse(&doc, kernelci, &err), 0);
	assert_string_equal(doc.tests[0].machine, "shard-glk1");
	assert_string_equal(doc.tests[1].machine, "intel,glk");
	assert_string_equal(doc.tests[2].machine, "lab-1");
	kcidb_doc_release(&doc);
	strbuf_release(&err);
}

static void kcidb_document__v4_and_empty(void **state)
{
	struct strbuf err = STRBUF_INIT;
	struct kcidb_doc doc;

	assert_int_equal(parse(&doc,
			       "{\"version\": {\"major\": 4, \"minor\": 1},"
			       " \"tests\": [{\"id\": \"a:1\", \"origin\":"
			       " \"a\", \"build_id\": \"a:b\","
			       " \"waived\": false}]}",
			       &err),
			 0);
	assert_int_equal(doc.major, 4);
	assert_int_equal(doc.ntests, 1);
	assert_null(doc.tests[0].machine);
	kcidb_doc_release(&doc);
	assert_int_equal(parse(&doc, "{\"version\": {\"major\": 5}}", &err), 0);
	assert_int_equal(doc.ntests + doc.nbuilds + doc.ncheckouts, 0);
	kcidb_doc_release(&doc);
	strbuf_release(&err);
}

static void kcidb_document__paths(void **state)
{
	refused("{}", -EINVAL, "$.version: required");
	refused("{\"version\": {\"major\": 6}}", -EINVAL,
		"$.version.major: not a supported version (4 or 5)");
	refused("{\"version\": {\"major\": 5}, \"tests\": [{}]}", -EINVAL,
		"$.tests[0].id: required");
	refused("{\"version\": {\"major\": 5}, \"tests\": [{\"id\": \"a:1\","
		" \"origin\": \"a\", \"build_id\": \"a:b\"}, {\"id\": \"a:2\","
		" \"origin\": \"a\", \"build_id\": \"a:b\", \"log_url\": 1}]}",
		-EINVAL, "$.tests[1].log_url: not a string");
	refused("{\"version\": {\"major\": 5}, \"builds\": [{\"id\": \"a:1\","
		" \"origin\": \"a\", \"checkout_id\": \":x\"}]}",
		-EINVAL,
		"$.builds[0].checkout_id: not an id ('<origin>:<id>', origin"
		" of [a-z0-9_])");
	refused("{\"version\": {\"major\": 5}, \"tests\": [{\"id\": \"a:1\","
		" \"origin\": \"a\", \"build_id\": \"a:b\", \"environment\":"
		" {\"misc\": []}}]}",
		-EINVAL, "$.tests[0].environment.misc: not an object");
}

/* Valid under the v5.3 schema: taken, what splatd cannot keep said. */
static void kcidb_document__schema_valid(void **state)
{
	struct strbuf err = STRBUF_INIT;
	struct kcidb_doc doc;

	assert_int_equal(
		parse(&doc,
		      "{\"version\": {\"major\": 5, \"minor\": 3}, \"tests\":"
		      " [{\"id\": \"a:1\", \"origin\": \"a\", \"build_id\":"
		      " \"a:b\", \"misc\": {\"lockdep\": \"yes\", \"x\": [null]},"
		      " \"environment\": {\"comment\": \"lab\\nrack 4\","
		      " \"misc\": {\"platform\": 7},"
		      " \"compatible\": [\"google,kevin\"]},"
		      " \"number\": {\"value\": 1.5, \"prefix\": \"binary\"},"
		      " \"duration\": 3, \"output_files\": [{\"name\":"
		      " \"log.txt\", \"url\": \"https://x/log.txt\"}]}]}",
		      &err),
		0);
	assert_null(doc.tests[0].lockdep);
	assert_string_equal(doc.tests[0].machine, "google,kevin");
	assert_int_equal(json_array_size(doc.warnings), 1);
	assert_string_equal(json_string_value(json_array_get(doc.warnings, 0)),
			    "$.tests[0].misc.lockdep: not true/false, 1/0 or"
			    " \"on\"/\"off\"; ignored");
	kcidb_doc_release(&doc);
	/* a newer minor may add fields */
	assert_int_equal(parse(&doc,
			       "{\"version\": {\"major\": 5, \"minor\": 4},"
			       " \"new\": 1, \"tests\": [{\"id\": \"a:1\","
			       " \"origin\": \"a\", \"build_id\": \"a:b\","
			       " \"new\": 2}]}",
			       &err),
			 0);
	assert_null(doc.warnings);
	kcidb_doc_release(&doc);
	strbuf_release(&err);
}

/* Invalid under the v5.3 schema in a field splatd does not read. */
static void kcidb_document__schema_invalid(void **state)
{
	static const char head[] = "{\"version\": {\"major\": 5, \"minor\": 3},"
				   " \"tests\": [{\"id\": \"a:1\", \"origin\":"
				   " \"a\", \"build_id\": \"a:b\", ";
	static const char *const cases[][2] = {
		{ "\"comment\": null",
		  "$.tests[0].comment: null (KCIDB takes no nulls: leave the"
		  " field out)" },
		{ "\"duration\": \"long\"",
		  "$.tests[0].duration: not a number" },
		{ "\"foo\": 1", "$.tests[0].foo: not a field of a test in KCIDB"
				" v5.3 (KCIDB refuses unknown fields)" },
		{ "\"number\": {\"unit\": \"s\"}",
		  "$.tests[0].number.value: required" },
		{ "\"output_files\": [{\"name\": \"a/b\", \"url\": \"x:y\"}]",
		  "$.tests[0].output_files[0]: name: not a file name (not"
		  " empty, no '/')" },
		{ "\"environment\": {\"compatible\": [\"a b\"]}",
		  "$.tests[0].environment.compatible[0]: not a compatible"
		  " value (\"vendor,model\", no spaces)" },
	};
	struct strbuf text = STRBUF_INIT;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		strbuf_reset(&text);
		strbuf_addf(&text, "%s%s}]}", head, cases[i][0]);
		refused(text.buf, -EINVAL, cases[i][1]);
	}
	refused("{\"version\": {\"major\": 5}, \"issues\": [{\"id\": \"a:1\","
		" \"origin\": \"a\"}]}",
		-EINVAL, "$.issues[0].version: required");
	refused("{\"version\": {\"major\": 5}, \"extra\": []}", -EINVAL,
		"$.extra: not a field of a document in KCIDB v5.3 (KCIDB"
		" refuses unknown fields)");
	strbuf_release(&text);
}

static void kcidb_document__times(void **state)
{
	static const char *const good[] = { "2026-11-30T11:00:00Z",
					    "2026-11-30t11:00:00.123456+00:00",
					    "2026-11-30T11:00:00-07:30" };
	static const char *const bad[] = { "2026-11-30",
					   "2026-11-30T11:00Z",
					   "2026-11-30T11:00:00",
					   "2026-11-30T11:00:00.Z",
					   "2026-11-30T11:00:00+0000",
					   "2026-13-30T11:00:00Z",
					   "2026-11-30T24:00:00Z" };
	struct strbuf doc_text = STRBUF_INIT, err = STRBUF_INIT;
	struct kcidb_doc doc;
	size_t i;

	for (i = 0; i < 10; i++) {
		const char *t = i < 3 ? good[i] : bad[i - 3];

		strbuf_reset(&doc_text);
		strbuf_addf(&doc_text,
			    "{\"version\": {\"major\": 5}, \"tests\": [{\"id\":"
			    " \"a:1\", \"origin\": \"a\", \"build_id\":"
			    " \"a:b\", \"start_time\": \"%s\"}]}",
			    t);
		assert_int_equal(parse(&doc, doc_text.buf, &err),
				 i < 3 ? 0 : -EINVAL);
		kcidb_doc_release(&doc);
	}
	strbuf_release(&doc_text);
	strbuf_release(&err);
}

static void kcidb_document__limits(void **state)
{
	struct kcidb_limits lim = KCIDB_LIMITS_INIT;
	struct strbuf err = STRBUF_INIT;
	struct kcidb_doc doc;

	/* each cap at its value passes, one below it refuses */
	lim.max_bytes = strlen(kernelci);
	assert_int_equal(kcidb_doc_parse(&doc, kernelci, strlen(kernelci), &lim,
					 &err),
			 0);
	kcidb_doc_release(&doc);
	lim.max_bytes = strlen(kernelci) - 1;
	assert_int_equal(kcidb_doc_parse(&doc, kernelci, strlen(kernelci), &lim,
					 &err),
			 -EFBIG);
	kcidb_doc_release(&doc);
	strbuf_reset(&err);
	lim.max_bytes = 100;
	assert_int_equal(kcidb_doc_parse(&doc, kernelci, strlen(kernelci), &lim,
					 &err),
			 -EFBIG);
	assert_string_equal(err.buf,
			    "$: the document is larger than 100 bytes");
	kcidb_doc_release(&doc);
	lim = (struct kcidb_limits)KCIDB_LIMITS_INIT;
	lim.max_objects = 5; /* one checkout, one build, three tests */
	assert_int_equal(kcidb_doc_parse(&doc, kernelci, strlen(kernelci), &lim,
					 &err),
			 0);
	kcidb_doc_release(&doc);
	lim.max_objects = 4;
	strbuf_reset(&err);
	assert_int_equal(kcidb_doc_parse(&doc, kernelci, strlen(kernelci), &lim,
					 &err),
			 -EFBIG);
	assert_string_equal(err.buf,
			    "$: more than 4 checkouts, builds and tests");
	kcidb_doc_release(&doc);
	refused("{\"version\": {\"major\": 5}, \"x\": \"\xc3\"}", -EINVAL,
		"$: not valid UTF-8");
	refused("{\"version\": {\"major\": 5}, \"x\": \"a\\u0000b\"}", -EINVAL,
		"$: malformed JSON: \\u0000 is not allowed without"
		" JSON_ALLOW_NUL near '\"a\\u0000b\"' (line 1)");
	strbuf_release(&err);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(kcidb_document__kernelci),
		cmocka_unit_test(kcidb_document__machine),
		cmocka_unit_test(kcidb_document__v4_and_empty),
		cmocka_unit_test(kcidb_document__paths),
		cmocka_unit_test(kcidb_document__schema_valid),
		cmocka_unit_test(kcidb_document__schema_invalid),
		cmocka_unit_test(kcidb_document__times),
		cmocka_unit_test(kcidb_document__limits),
	};

	return cmocka_run_group_tests_name("kcidb_document", tests, NULL, NULL);
}
