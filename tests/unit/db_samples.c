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

/* One report of a run: its signature's hash, its kernel, its text. */
struct rep {
	const char *hash, *kernel, *text;
};

/*
 * One run (tree, run kernel) with the n reports rs, recorded at once as
 * ingest records a log (on PostgreSQL: a call per group of consecutive
 * reports of one signature and kernel); "new" and "occurrences" of each
 * report's hit, as the verdict shows them, appended to out.
 */
static void run_of(struct fixture *f, const char *tree, const char *run_kernel,
		   const struct rep *rs, size_t n, unsigned max,
		   struct strbuf *out)
{
	static int runs;
	struct db_report reps[8] = { 0 };
	struct db_signature_hit hits[8];
	struct db_run r = { 0 };
	long long run;
	char id[32];
	size_t i;

	assert_true(n <= 8);
	snprintf(id, sizeof(id), "many-%d", ++runs);
	r.run_id = id;
	r.tree = tree;
	r.kernel = run_kernel;
	r.received_at = 1700100000 + runs;
	r.log_sha256 = "abc";
	for (i = 0; i < n; i++) {
		reps[i].sig.hash = rs[i].hash;
		reps[i].sig.algo_version = 1;
		reps[i].sig.kind = "circular";
		reps[i].sig.title = rs[i].hash;
		reps[i].sig.classes = "[]";
		reps[i].sig.chain = "[]";
		reps[i].sig.search = "x";
		reps[i].pid = -1;
		reps[i].kernel = rs[i].kernel;
		reps[i].text = rs[i].text;
		reps[i].raw = "raw";
		memset(&hits[i], 0, sizeof(hits[i]));
		strbuf_init(&hits[i].hash, 0);
		strbuf_init(&hits[i].kind, 0);
		strbuf_init(&hits[i].title, 0);
		strbuf_init(&hits[i].status, 0);
	}
	assert_int_equal(db_begin_ingest(f->db, &f->err), 0);
	assert_int_equal(db_run_insert(f->db, &r, &run, &f->err), 0);
	assert_int_equal(db_reports_record(f->db, run, reps, n, r.received_at,
					   max, hits, &f->err),
			 0);
	assert_int_equal(db_commit(f->db, &f->err), 0);
	for (i = 0; i < n; i++) {
		strbuf_addf(out, "%s%d/%lld ", hits[i].title.buf,
			    hits[i].is_new, hits[i].occurrences);
		strbuf_release(&hits[i].hash);
		strbuf_release(&hits[i].kind);
		strbuf_release(&hits[i].title);
		strbuf_release(&hits[i].status);
	}
}

/*
 * One run (tree, run kernel; NULL for none) with one report of the
 * signature of hash, which exists already.
 */
static void occur(struct fixture *f, const char *hash, const char *tree,
		  const char *run_kernel, const char *kernel, const char *text,
		  unsigned max)
{
	const struct rep one = { hash, kernel, text };
	struct strbuf hit = STRBUF_INIT;

	run_of(f, tree, run_kernel, &one, 1, max, &hit);
	assert_non_null(strstr(hit.buf, "0/")); /* not new */
	strbuf_release(&hit);
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

/* The first occurrence of each run tree is kept, a repeat of a tree is not
 * (the tree is the run's: PostgreSQL's function reads it from the kept
 * occurrence's run). */
static void db_samples__first_of_each_tree(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;
	const char *h = "2323232323232323";
	long long s = new_signature(f, h);

	occur(f, h, "t1", "k", NULL, "a", 0);
	occur(f, h, "t1", "k", NULL, "b", 0);
	occur(f, h, "t2", "k", NULL, "c", 0); /* first of t2 */
	occur(f, h, "t1", "k", NULL, "d", 0);
	occur(f, h, "t2", "k", NULL, "e", 0); /* t2 again */
	texts(f, s, &out);
	assert_string_equal(out.buf, "a - c - e ");
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

/* Four reports of one signature in one log, then one more in another:
 * as four runs of one report each would store them. */
static void db_samples__one_log_many_reports(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT, hits = STRBUF_INIT;
	const struct rep rs[] = { { "h1", "k", "a" },
				  { "h1", "k", "b" },
				  { "h1", "k", "c" },
				  { "h1", "k", "d" } };
	const struct rep more[] = { { "h1", "k", "e" } };

	run_of(f, "t", "k", rs, 4, 0, &hits);
	assert_string_equal(hits.buf, "h11/1 h10/2 h10/3 h10/4 ");
	texts(f, 1, &out);
	assert_string_equal(out.buf, "a - - d ");
	assert_int_equal(dropped(f, 1), 2);
	assert_int_equal(stored_texts(f), 2);
	strbuf_reset(&hits);
	run_of(f, "t", "k", more, 1, 0, &hits);
	assert_string_equal(hits.buf, "h10/5 ");
	texts(f, 1, &out);
	assert_string_equal(out.buf, "a - - - e ");
	assert_int_equal(dropped(f, 1), 3);
	assert_int_equal(stored_texts(f), 2);
	assert_int_equal(scalar(f, "SELECT occurrences FROM signatures"
				   " WHERE hash = 'h1'"),
			 5);
	strbuf_release(&out);
	strbuf_release(&hits);
}

/*
 * Signatures and kernels interleaved in one log, under a cap of 3
 * samples: each report sees what the reports before it left (a second
 * kernel is sampled until the cap, a sample keeps its text, the latest
 * only is dropped for the next), new only on its first report.
 */
static void db_samples__one_log_interleaved(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT, hits = STRBUF_INIT;
	const struct rep rs[] = { { "h1", "k1", "a" }, { "h1", "k2", "b" },
				  { "h2", "k1", "x" }, { "h1", "k2", "c" },
				  { "h1", "k2", "d" }, { "h2", "k1", "y" } };

	run_of(f, "t", "k1", rs, 6, 3, &hits);
	assert_string_equal(hits.buf, "h11/1 h10/2 h21/1 h10/3 h10/4 h20/2 ");
	texts(f, 1, &out);
	assert_string_equal(out.buf, "a b - d ");
	texts(f, 2, &out);
	assert_string_equal(out.buf, "x y ");
	assert_int_equal(dropped(f, 1), 1);
	assert_int_equal(dropped(f, 2), 0);
	assert_int_equal(scalar(f, "SELECT count(*) FROM occurrences"
				   " WHERE sample & 2 <> 0 AND kernel = 'k2'"),
			 1);
	strbuf_release(&out);
	strbuf_release(&hits);
}

/*
 * Logs of three reports of a signature whose latest holds only that
 * sample: the first two drop their texts at once (on PostgreSQL they are
 * stored so and their texts never written, migration 14), and the row the
 * latest's text frees holds the last one's; unless another signature
 * shares that row: it keeps its text, the last report gets a new row.
 */
static void db_samples__one_log_after_a_latest(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT, hits = STRBUF_INIT;
	const struct rep first[] = { { "h1", "k", "a" },
				     { "h1", "k", "b" },
				     { "h1", "k", "c" },
				     { "h1", "k", "d" } };
	const struct rep more[] = { { "h1", "k", "e" },
				    { "h1", "k", "f" },
				    { "h1", "k", "g" } };
	const struct rep other[] = { { "h2", "k", "g" } };
	const struct rep last[] = { { "h1", "k", "x" },
				    { "h1", "k", "y" },
				    { "h1", "k", "z" } };

	run_of(f, "t", "k", first, 4, 0, &hits);
	run_of(f, "t", "k", more, 3, 0, &hits);
	texts(f, 1, &out);
	assert_string_equal(out.buf, "a - - - - - g ");
	assert_int_equal(dropped(f, 1), 5);
	assert_int_equal(stored_texts(f), 2);
	assert_int_equal(scalar(f, "SELECT max(id) FROM report_texts"), 2);
	run_of(f, "t", "k", other, 1, 0, &hits); /* h2 shares h1's "g" */
	run_of(f, "t", "k", last, 3, 0, &hits);
	texts(f, 1, &out);
	assert_string_equal(out.buf, "a - - - - - - - - z ");
	texts(f, 2, &out);
	assert_string_equal(out.buf, "g ");
	assert_int_equal(dropped(f, 1), 8);
	assert_int_equal(stored_texts(f), 3);
	assert_string_equal(hits.buf, "h11/1 h10/2 h10/3 h10/4 h10/5 h10/6 "
				      "h10/7 h21/1 h10/8 h10/9 h10/10 ");
	strbuf_release(&out);
	strbuf_release(&hits);
}

/* Texts with quotes and backslashes (a PostgreSQL array's escapes) come
 * back as they went. */
static void db_samples__quotes_and_backslashes(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT, hits = STRBUF_INIT;
	const struct rep rs[] = { { "h1", "k", "say \"hi\"\\" },
				  { "h1", "k2", "\\\"{a,b}\"\\" } };

	run_of(f, "t", "k", rs, 2, 0, &hits);
	texts(f, 1, &out);
	assert_string_equal(out.buf, "say \"hi\"\\ \\\"{a,b}\"\\ ");
	strbuf_release(&out);
	strbuf_release(&hits);
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
		T(db_samples__first_of_each_tree),
		T(db_samples__kernels_up_to_the_cap),
		T(db_samples__identical_texts_once),
		T(db_samples__latest_text_row_reused),
		T(db_samples__shared_text_not_reused),
		T(db_samples__key_collision_uses_sha256),
		T(db_samples__one_log_many_reports),
		T(db_samples__one_log_interleaved),
		T(db_samples__one_log_after_a_latest),
		T(db_samples__quotes_and_backslashes),
		cmocka_unit_test(db_samples__hash_separates_text_and_raw),
		cmocka_unit_test(db_samples__key_separates_text_and_raw),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
