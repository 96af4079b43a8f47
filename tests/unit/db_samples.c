// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests of the report-text sample (docs/storage.md), recorded as ingest
 * records reports (db_reports_record()): on SQLite (db/signatures.c) and,
 * with SPLATD_TEST_DB=pg, on PostgreSQL (its function, migration 13).
 */
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

/*
 * One run (tree, run kernel; NULL for none) with one report of the
 * signature of hash, recorded as ingest records it (db_reports_record():
 * on PostgreSQL its function, on SQLite db/signatures.c's steps).
 */
static void occur(struct fixture *f, const char *hash, const char *tree,
		  const char *run_kernel, const char *kernel, const char *text,
		  unsigned max)
{
	static int n;
	struct db_run r = { 0 };
	struct db_report rep = { 0 };
	struct db_signature_hit hit = { 0 };
	long long run;
	char id[32];

	snprintf(id, sizeof(id), "run-%d", ++n);
	r.run_id = id;
	r.tree = tree;
	r.kernel = run_kernel;
	r.received_at = 1700000000 + n;
	r.log_sha256 = "abc";
	rep.sig.hash = hash;
	rep.sig.algo_version = 1;
	rep.sig.kind = "circular";
	rep.sig.title = hash;
	rep.sig.classes = "[]";
	rep.sig.chain = "[]";
	rep.sig.search = "x";
	rep.pid = -1;
	rep.kernel = kernel;
	rep.text = text;
	rep.raw = "raw";
	strbuf_init(&hit.hash, 0);
	strbuf_init(&hit.kind, 0);
	strbuf_init(&hit.title, 0);
	strbuf_init(&hit.status, 0);
	assert_int_equal(db_begin_ingest(f->db, &f->err), 0);
	assert_int_equal(db_run_insert(f->db, &r, &run, &f->err), 0);
	assert_int_equal(db_reports_record(f->db, run, &rep, 1, r.received_at,
					   max, &hit, &f->err),
			 0);
	assert_int_equal(db_commit(f->db, &f->err), 0);
	assert_false(hit.is_new);
	strbuf_release(&hit.hash);
	strbuf_release(&hit.kind);
	strbuf_release(&hit.title);
	strbuf_release(&hit.status);
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

static long long scalar(struct fixture *f, const char *sql)
{
	return fixture_scalar(f, sql);
}

static long long dropped(struct fixture *f, long long sig)
{
	char sql[80];

	snprintf(sql, sizeof(sql),
		 "SELECT texts_dropped FROM signatures WHERE id = %lld", sig);
	return scalar(f, sql);
}

static long long stored_texts(struct fixture *f)
{
	return scalar(f, "SELECT count(*) FROM report_texts");
}

/* No kernel and no tree anywhere: one kernel, one tree (NULL is NULL). */
static void db_samples__null_kernel_and_tree(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	const char *h = "1111111111111111";
	long long s = new_signature(f, h);

	occur(f, h, NULL, NULL, NULL, "a", 0);
	occur(f, h, NULL, NULL, NULL, "b", 0);
	occur(f, h, NULL, NULL, NULL, "c", 0);
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
	const char *h = "2222222222222222";
	long long s = new_signature(f, h);

	occur(f, h, "t", "k1", NULL, "a", 3);
	occur(f, h, "t", "k2", NULL, "b", 3);
	occur(f, h, "t", NULL, "k2", "c", 3); /* k2 again */
	occur(f, h, "t", "k3", NULL, "d", 3); /* past the cap of 3 */
	occur(f, h, "t", "k1", NULL, "e", 3);
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
	const char *h = "3333333333333333";
	long long s = new_signature(f, h);
	const char *h2 = "4444444444444444";
	long long s2 = new_signature(f, h2);
	int i;

	for (i = 0; i < 10; i++)
		occur(f, h, "t", "k", NULL, "same", 0);
	occur(f, h2, "t", "k", NULL, "same", 0);
	assert_int_equal(stored_texts(f), 1);
	texts(f, s, &out);
	assert_string_equal(out.buf, "same - - - - - - - - same ");
	assert_int_equal(dropped(f, s), 8);
	assert_int_equal(dropped(f, s2), 0);
	strbuf_release(&out);
}

/* A new latest takes over the text row its predecessor drops: the texts
 * are right and no row is added or freed. */
static void db_samples__latest_text_row_reused(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	const char *h = "5555555555555555";
	long long s = new_signature(f, h);

	occur(f, h, "t", "k", NULL, "a", 0);
	occur(f, h, "t", "k", NULL, "b", 0);
	occur(f, h, "t", "k", NULL, "c", 0);
	occur(f, h, "t", "k", NULL, "d", 0);
	texts(f, s, &out);
	assert_string_equal(out.buf, "a - - d ");
	assert_int_equal(dropped(f, s), 2);
	assert_int_equal(stored_texts(f), 2);
	assert_int_equal(scalar(f, "SELECT max(id) FROM report_texts"), 2);
	strbuf_release(&out);
}

/* A dropped text that another occurrence still has stays as it is, in
 * the signature and in another one. */
static void db_samples__shared_text_not_reused(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	const char *h = "6666666666666666";
	long long s = new_signature(f, h);
	const char *h2 = "7777777777777777";
	long long s2 = new_signature(f, h2);

	occur(f, h, "t", "k", NULL, "a", 0);
	occur(f, h, "t", "k", NULL, "a", 0); /* the first's text */
	occur(f, h, "t", "k", NULL, "b", 0);
	texts(f, s, &out);
	assert_string_equal(out.buf, "a - b ");
	occur(f, h, "t", "k", NULL, "x", 0);
	occur(f, h2, "t", "k", NULL, "x", 0); /* s2's first has s's latest */
	occur(f, h, "t", "k", NULL, "y", 0);
	texts(f, s, &out);
	assert_string_equal(out.buf, "a - - - y ");
	texts(f, s2, &out);
	assert_string_equal(out.buf, "x ");
	assert_int_equal(stored_texts(f), 3);
	strbuf_release(&out);
}

/* Another text under a text's XXH3 key (a collision): the text is stored
 * under its sha256 key, and the other keeps its row. */
static void db_samples__key_collision_uses_sha256(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT, sql = STRBUF_INIT;
	const char *h = "8888888888888888";
	long long s = new_signature(f, h);
	unsigned char key[DB_TEXT_KEY_LEN], hash[DB_TEXT_HASH_LEN];

	db_text_key("a", 1, "raw", 3, key);
	db_text_hash("a", 1, "raw", 3, hash);
	strbuf_addstr(&sql, "INSERT INTO report_texts (hash, text, raw)"
			    " VALUES (");
	fixture_blob(f, &sql, key, sizeof(key));
	strbuf_addstr(&sql, ", 'forged', 'raw') RETURNING id");
	assert_int_equal(scalar(f, sql.buf), 1);
	occur(f, h, "t", "k", NULL, "a", 0);
	occur(f, h, "t", "k", NULL, "a", 0);
	texts(f, s, &out);
	assert_string_equal(out.buf, "a a ");
	assert_int_equal(stored_texts(f), 2);
	assert_int_equal(scalar(f, "SELECT count(*) FROM report_texts"
				   " WHERE text = 'forged' AND id = 1"),
			 1);
	strbuf_reset(&sql);
	strbuf_addstr(&sql, "SELECT count(*) FROM report_texts"
			    " WHERE text = 'a' AND hash = ");
	fixture_blob(f, &sql, hash, sizeof(hash));
	assert_int_equal(scalar(f, sql.buf), 1);
	strbuf_release(&out);
	strbuf_release(&sql);
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

static void db_samples__key_separates_text_and_raw(void **state)
{
	unsigned char a[DB_TEXT_KEY_LEN], b[DB_TEXT_KEY_LEN];

	(void)state;
	db_text_key("ab", 2, "", 0, a);
	db_text_key("a", 1, "b", 1, b);
	assert_memory_not_equal(a, b, sizeof(a));
	db_text_key("a", 1, "b", 1, a);
	assert_memory_equal(a, b, sizeof(a));
}

#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(db_samples__null_kernel_and_tree),
		T(db_samples__kernels_up_to_the_cap),
		T(db_samples__identical_texts_once),
		T(db_samples__latest_text_row_reused),
		T(db_samples__shared_text_not_reused),
		T(db_samples__key_collision_uses_sha256),
		cmocka_unit_test(db_samples__hash_separates_text_and_raw),
		cmocka_unit_test(db_samples__key_separates_text_and_raw),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
