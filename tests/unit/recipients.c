// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for server/triage/recipients.c: the people of a signature from
 * its owners JSON, stored in a real SQLite file (signature_people).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "db_fixture.h"
#include "db/signatures.h"
#include "server/triage/recipients.h"

/* Owners shaped as owners_signature_json() makes them. */
static const char owners_json[] =
	"[{\"section\": \"CORETEMP\", \"generic\": false,"
	"  \"why\": {\"edge\": 2, \"file\": \"drivers/hwmon/coretemp.c\","
	"   \"function\": \"coretemp_cpu_online\"},"
	"  \"people\": [{\"name\": \"Fenghua Yu\","
	"    \"email\": \"Fenghua.Yu@Intel.com\", \"role\": \"maintainer\"},"
	"   {\"name\": \"Rev Iewer\", \"email\": \"rev@example.org\","
	"    \"role\": \"reviewer\"}],"
	"  \"lists\": [{\"address\": \"linux-hwmon@vger.kernel.org\"}]},"
	" {\"section\": \"HWMON\", \"generic\": false,"
	"  \"why\": {\"edge\": 2, \"file\": \"drivers/hwmon/coretemp.c\","
	"   \"function\": \"coretemp_cpu_online\"},"
	"  \"people\": [{\"name\": \"Fenghua Yu\","
	"    \"email\": \"fenghua.yu@intel.com\", \"role\": \"maintainer\"},"
	"   {\"name\": \"Bad\", \"email\": \"not an address\","
	"    \"role\": \"maintainer\"},"
	"   {\"name\": \"Jean\", \"email\": \"Jean <JD@suse.com>\","
	"    \"role\": \"maintainer\"}],"
	"  \"lists\": [{\"address\": \"linux-hwmon@vger.kernel.org\"}]},"
	" {\"section\": \"IOMMU\", \"generic\": false,"
	"  \"why\": {\"edge\": 0, \"function\": \"iova_domain_init_rcaches\"},"
	"  \"people\": [{\"name\": \"Robin\", \"email\": \"robin@arm.com\","
	"    \"role\": \"maintainer\"}], \"lists\": []},"
	" {\"section\": \"THE REST\", \"generic\": true,"
	"  \"why\": {\"edge\": 2},"
	"  \"people\": [{\"name\": \"Linus\", \"email\": \"torvalds@lf.org\","
	"    \"role\": \"maintainer\"}],"
	"  \"lists\": [{\"address\": \"linux-kernel@vger.kernel.org\"}]}]";

static long long new_signature(struct fixture *f)
{
	struct db_signature_new s = { .hash = "0123456789abcdef",
				      .algo_version = 1,
				      .kind = "circular",
				      .title = "t",
				      .classes = "[]",
				      .chain = "[]",
				      .search = "t" };
	struct db_signature_hit hit = { 0 };

	assert_int_equal(db_begin(f->db, &f->err), 0);
	assert_int_equal(db_signature_record(f->db, &s, 1, &hit, &f->err), 0);
	assert_int_equal(db_commit(f->db, &f->err), 0);
	strbuf_release(&hit.hash);
	strbuf_release(&hit.kind);
	strbuf_release(&hit.title);
	strbuf_release(&hit.status);
	return hit.id;
}

/* The rows as "email|rank|culprit|is_list|why" lines, by rank and email. */
static void rows(struct fixture *f, struct strbuf *out)
{
	sqlite3_stmt *st = NULL;

	assert_int_equal(
		sqlite3_prepare_v2(f->db->sq,
				   "SELECT email, rank, culprit,"
				   " is_list, why FROM signature_people"
				   " ORDER BY rank, is_list, email",
				   -1, &st, NULL),
		SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW)
		strbuf_addf(out, "%s|%d|%d|%d|%s\n", sqlite3_column_text(st, 0),
			    sqlite3_column_int(st, 1),
			    sqlite3_column_int(st, 2),
			    sqlite3_column_int(st, 3),
			    sqlite3_column_text(st, 4));
	sqlite3_finalize(st);
}

static void recipients__maintainers_of_specific_sections(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	long long sig = new_signature(f);
	json_t *owners = json_loads(owners_json, 0, NULL);

	assert_non_null(owners);
	assert_int_equal(recipients_store(f->db, sig, owners, &f->err), 0);
	rows(f, &out);
	assert_string_equal(
		out.buf,
		"fenghua.yu@intel.com|0|1|0|CORETEMP: drivers/hwmon/coretemp.c,"
		" coretemp_cpu_online\n"
		"linux-hwmon@vger.kernel.org|0|1|1|CORETEMP:"
		" drivers/hwmon/coretemp.c, coretemp_cpu_online\n"
		"jd@suse.com|1|1|0|HWMON: drivers/hwmon/coretemp.c,"
		" coretemp_cpu_online\n"
		"robin@arm.com|2|0|0|IOMMU: iova_domain_init_rcaches\n");
	json_decref(owners);
	strbuf_release(&out);
}

static void recipients__replaced_with_the_owners(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	long long sig = new_signature(f);
	json_t *owners = json_loads(owners_json, 0, NULL);
	json_t *fewer = json_loads("[{\"section\": \"IOMMU\", \"generic\":"
				   " false, \"why\": {\"edge\": 0}, \"people\":"
				   " [{\"email\": \"robin@arm.com\", \"role\":"
				   " \"maintainer\"}]}]",
				   0, NULL);

	assert_int_equal(recipients_store(f->db, sig, owners, &f->err), 0);
	assert_int_equal(recipients_store(f->db, sig, fewer, &f->err), 0);
	rows(f, &out);
	/* alone now, so its section owns the culprit edge */
	assert_string_equal(out.buf, "robin@arm.com|0|1|0|IOMMU\n");
	assert_int_equal(recipients_store(f->db, sig, NULL, &f->err), 0);
	strbuf_reset(&out);
	rows(f, &out);
	assert_string_equal(out.buf, "");
	json_decref(owners);
	json_decref(fewer);
	strbuf_release(&out);
}

/* A file only guessed from the function's name is said to be a guess. */
static void recipients__guessed_place(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	long long sig = new_signature(f);
	json_t *owners = json_loads(
		"[{\"section\": \"IOMMU\", \"generic\": false, \"why\":"
		" {\"edge\": 0, \"file\": \"drivers/iommu/\", \"function\":"
		" \"iommu_new_fn\", \"how\": \"prefix-dir\"}, \"people\":"
		" [{\"email\": \"robin@arm.com\", \"role\": \"maintainer\"}]},"
		" {\"section\": \"HWMON\", \"generic\": false, \"why\":"
		" {\"edge\": 0, \"file\": \"drivers/hwmon/coretemp.c\","
		" \"function\": \"coretemp_cpu_online\", \"how\": \"index\"},"
		" \"people\": [{\"email\": \"jd@suse.com\", \"role\":"
		" \"maintainer\"}]}]",
		0, NULL);

	assert_non_null(owners);
	assert_int_equal(recipients_store(f->db, sig, owners, &f->err), 0);
	rows(f, &out);
	assert_string_equal(out.buf,
			    "robin@arm.com|0|1|0|IOMMU: drivers/iommu/,"
			    " iommu_new_fn (its place guessed from its name)\n"
			    "jd@suse.com|1|1|0|HWMON: drivers/hwmon/coretemp.c,"
			    " coretemp_cpu_online\n");
	json_decref(owners);
	strbuf_release(&out);
}

/*
 * A section that owns a signature only through a K: keyword of MAINTAINERS
 * (why.rule "keyword": no file of it on any stack) is not mailed: a keyword
 * casts get_maintainer.pl's net wide for patches, and a report's reader
 * whose code is on none of its stacks is the syzbot complaint about mail to
 * people merely in Cc.  Nor does it own the culprit edge.
 */
static void recipients__keyword_only_not_mailed(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	long long sig = new_signature(f);
	json_t *owners = json_loads(
		"[{\"section\": \"CLANG/LLVM BUILD SUPPORT\", \"generic\":"
		" false, \"why\": {\"rule\": \"keyword\", \"edge\": 1,"
		" \"file\": \"mm/slab_common.c\", \"function\":"
		" \"create_cache\"}, \"people\": [{\"email\":"
		" \"nathan@kernel.org\", \"role\": \"maintainer\"}],"
		" \"lists\": [{\"address\": \"llvm@lists.linux.dev\"}]},"
		" {\"section\": \"SLAB ALLOCATOR\", \"generic\": false,"
		" \"why\": {\"rule\": \"frame\", \"edge\": 0, \"file\":"
		" \"mm/slab_common.c\", \"function\": \"create_cache\"},"
		" \"people\": [{\"email\": \"cl@linux.com\", \"role\":"
		" \"maintainer\"}]}]",
		0, NULL);

	assert_non_null(owners);
	assert_int_equal(recipients_store(f->db, sig, owners, &f->err), 0);
	rows(f, &out);
	assert_string_equal(out.buf, "cl@linux.com|1|1|0|SLAB ALLOCATOR:"
				     " mm/slab_common.c, create_cache\n");
	json_decref(owners);
	strbuf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
			recipients__maintainers_of_specific_sections,
			setup_sqlite, teardown),
		cmocka_unit_test_setup_teardown(
			recipients__replaced_with_the_owners, setup_sqlite,
			teardown),
		cmocka_unit_test_setup_teardown(recipients__guessed_place,
						setup_sqlite, teardown),
		cmocka_unit_test_setup_teardown(
			recipients__keyword_only_not_mailed, setup_sqlite,
			teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
