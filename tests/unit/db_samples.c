// SPDX-License-Identifier: GPL-2.0
/* Unit tests of the report-text sample of db/signatures.c (docs/storage.md). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "db/db.h"
#include "db/runs.h"
#include "db/signatures.h"
#include "tests/unit/db_fixture.h"

static long long new_signature(struct fixture *f, const char *hash)
{
	return fixture_signature(f, hash, hash, 1);
}

/* One run (tree, run kernel; NULL for none) with one occurrence of sig. */
static void occur(struct fixture *f, long long sig, const char *tree,
		  const char *run_kernel, const char *kernel, const char *text,
		  unsigned max)
{
	static int n;
	struct db_run r = { 0 };
	struct db_occurrence o = { 0 };
	char id[32];

	snprintf(id, sizeof(id), "run-%d", ++n);
	r.run_id = id;
	r.tree = tree;
	r.kernel = run_kernel;
	r.received_at = 1700000000 + n;
	r.log_sha256 = "abc";
	assert_int_equal(db_run_insert(f->db, &r, &o.run, &f->err), 0);
	o.signature_id = sig;
	o.matched_id = sig;
	o.ts = r.received_at;
	o.pid = -1;
	o.kernel = kernel;
	o.text = text;
	o.raw = "raw";
	o.max_samples = max;
	assert_int_equal(db_occurrence_insert(f->db, &o, &f->err), 0);
}

/* Listing is newest first: put each text in front, oldest first. */
static int add_text(void *ctx, const struct db_occurrence *o)
{
	struct strbuf *out = ctx, t = STRBUF_INIT;

	strbuf_addf(&t, "%s %s", o->text_kept ? o->text : "-", out->buf);
	strbuf_reset(out);
	strbuf_addstr(out, t.buf);
	strbuf_release(&t);
	return 0;
}

/* The texts of sig's occurrences, oldest first, "-" when not kept. */
static void texts(struct fixture *f, long long sig, struct strbuf *out)
{
	strbuf_reset(out);
	assert_int_equal(db_occurrence_list(f->db, sig, 0, 100, add_text, out,
					    &f->err),
			 0);
}

static long long dropped(struct fixture *f, long long sig)
{
	sqlite3_stmt *st;
	long long n;

	assert_int_equal(sqlite3_prepare_v2(f->db->sq,
					    "SELECT texts_dropped FROM"
					    " signatures WHERE id = ?1",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_int64(st, 1, sig);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

static long long stored_texts(struct fixture *f)
{
	sqlite3_stmt *st;
	long long n;

	assert_int_equal(sqlite3_prepare_v2(f->db->sq,
					    "SELECT count(*) FROM report_texts",
					    -1, &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	n = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* No kernel and no tree anywhere: one kernel, one tree (NULL is NULL). */
static void db_samples__null_kernel_and_tree(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	long long s = new_signature(f, "1111111111111111");

	occur(f, s, NULL, NULL, NULL, "a", 0);
	occur(f, s, NULL, NULL, NULL, "b", 0);
	occur(f, s, NULL, NULL, NULL, "c", 0);
	texts(f, s, &out);
	assert_string_equal(out.buf, "a - c ");
	assert_int_equal(dropped(f, s), 1);
	/* b was deleted with the last occurrence that pointed at it */
	assert_int_equal(stored_texts(f), 2);
	strbuf_release(&out);
}

/* The run's kernel stands in for the occurrence's; the cap holds. */
static void db_samples__kernels_up_to_the_cap(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	long long s = new_signature(f, "2222222222222222");

	occur(f, s, "t", "k1", NULL, "a", 3);
	occur(f, s, "t", "k2", NULL, "b", 3);
	occur(f, s, "t", NULL, "k2", "c", 3); /* k2 again */
	occur(f, s, "t", "k3", NULL, "d", 3); /* past the cap of 3 */
	occur(f, s, "t", "k1", NULL, "e", 3);
	texts(f, s, &out);
	assert_string_equal(out.buf, "a b - - e ");
	assert_int_equal(dropped(f, s), 2);
	strbuf_release(&out);
}

/* Identical texts are stored once; the latest survives the next one only
 * when it is also a sample. */
static void db_samples__identical_texts_once(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	long long s = new_signature(f, "3333333333333333");
	long long s2 = new_signature(f, "4444444444444444");
	int i;

	for (i = 0; i < 10; i++)
		occur(f, s, "t", "k", NULL, "same", 0);
	occur(f, s2, "t", "k", NULL, "same", 0);
	assert_int_equal(stored_texts(f), 1);
	texts(f, s, &out);
	assert_string_equal(out.buf, "same - - - - - - - - same ");
	assert_int_equal(dropped(f, s), 8);
	assert_int_equal(dropped(f, s2), 0);
	strbuf_release(&out);
}

/* The key separates text from raw. */
static void db_samples__hash_separates_text_and_raw(void **state)
{
	unsigned char a[DB_TEXT_HASH_LEN], b[DB_TEXT_HASH_LEN];

	(void)state;
	db_text_hash("ab", 2, "", 0, a);
	db_text_hash("a", 1, "b", 1, b);
	assert_memory_not_equal(a, b, sizeof(a));
	db_text_hash("a", 1, "b", 1, a);
	assert_memory_equal(a, b, sizeof(a));
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup_sqlite, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(db_samples__null_kernel_and_tree),
		T(db_samples__kernels_up_to_the_cap),
		T(db_samples__identical_texts_once),
		cmocka_unit_test(db_samples__hash_separates_text_and_raw),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
