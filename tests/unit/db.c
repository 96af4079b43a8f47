// SPDX-License-Identifier: GPL-2.0
/* Unit tests for db/: migrations, the statement table, runs, signatures,
 * merges and tokens, on a real SQLite file in a temporary directory. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "db/db.h"
#include "db/migrate.h"
#include "db/runs.h"
#include "db/signatures.h"
#include "db/tokens.h"
#include "tests/unit/db_fixture.h"

static void db__migrations_set_user_version(void **state)
{
	struct fixture *f = *state;
	long long v = -1;
	struct db *again = NULL;

	assert_int_equal(db_scalar(f->db, DB_SQL_USER_VERSION, &v, &f->err), 0);
	assert_int_equal(v, migrate_latest());
	/* Reopening applies nothing and keeps the data. */
	assert_int_equal(db_open(&again, f->path, &f->err), 0);
	assert_int_equal(db_scalar(again, DB_SQL_USER_VERSION, &v, &f->err), 0);
	assert_int_equal(v, migrate_latest());
	db_close(again);
	db_close(NULL);
}

static void db__newer_schema_is_refused(void **state)
{
	struct fixture *f = *state;
	struct db *again = NULL;

	assert_int_equal(sqlite3_exec(f->db->sq, "PRAGMA user_version = 999",
				      NULL, NULL, NULL),
			 SQLITE_OK);
	assert_int_equal(db_open(&again, f->path, &f->err), -EPROTO);
	assert_null(again);
	assert_non_null(strstr(f->err.buf, "newer"));
}

static void db__every_statement_prepares(void **state)
{
	struct fixture *f = *state;
	int i;

	for (i = 0; i < DB_SQL_NR; i++) {
		assert_non_null(db_sql_text(i));
		if (!db_stmt(f->db, i, &f->err))
			fail_msg("statement %d: %s", i, f->err.buf);
	}
	assert_null(db_sql_text(DB_SQL_NR));
}

static struct db_run run_a(void)
{
	struct db_run r = { 0 };

	r.run_id = "A";
	r.machine = "shard-a";
	r.received_at = 1700000000;
	r.log_size = 10;
	r.log_sha256 = "abc";
	r.reports = 1;
	return r;
}

static void db__run_insert_find_and_duplicate(void **state)
{
	struct fixture *f = *state;
	struct strbuf sha = STRBUF_INIT, verdict = STRBUF_INIT;
	struct db_run r = run_a();
	long long id = 0, found = 0;

	assert_int_equal(db_run_find(f->db, "A", &found, &sha, &verdict,
				     &f->err),
			 -ENOENT);
	assert_int_equal(db_run_insert(f->db, &r, &id, &f->err), 0);
	assert_int_equal(db_run_set_verdict(f->db, id, "{}", &f->err), 0);
	assert_int_equal(
		db_run_find(f->db, "A", &found, &sha, &verdict, &f->err), 0);
	assert_int_equal(found, id);
	assert_string_equal(sha.buf, "abc");
	assert_string_equal(verdict.buf, "{}");
	assert_int_equal(db_run_insert(f->db, &r, &id, &f->err), -EEXIST);
	strbuf_release(&sha);
	strbuf_release(&verdict);
}

static const struct db_edge edges[] = {
	{ "e1", "a", "b", "f1" },
	{ "e2", "b", "a", "f2" },
};

static struct db_signature_new sig_new(const char *hash)
{
	struct db_signature_new s = { 0 };

	s.hash = hash;
	s.algo_version = 1;
	s.kind = "circular";
	s.title = "possible deadlock in f1";
	s.classes = "[\"a\",\"b\"]";
	s.chain = "[\"a\",\"b\"]";
	s.culprit_function = "f1";
	s.search = "possible deadlock in f1\na\nb\n";
	s.edges = edges;
	s.nedges = 2;
	return s;
}

static void hit_init(struct db_signature_hit *h)
{
	memset(h, 0, sizeof(*h));
	strbuf_init(&h->hash, 0);
	strbuf_init(&h->kind, 0);
	strbuf_init(&h->title, 0);
	strbuf_init(&h->status, 0);
}

static void hit_release(struct db_signature_hit *h)
{
	strbuf_release(&h->hash);
	strbuf_release(&h->kind);
	strbuf_release(&h->title);
	strbuf_release(&h->status);
}

static int count_edge(void *ctx, const struct db_edge *e)
{
	(*(int *)ctx)++;
	return 0;
}

static int count_related(void *ctx, long long id, const char *hash,
			 const char *title, long long shared)
{
	(*(int *)ctx)++;
	return 0;
}

static void db__signature_record_new_then_known(void **state)
{
	struct fixture *f = *state;
	struct db_signature_new s = sig_new("0123456789abcdef");
	struct db_signature_new other = sig_new("fedcba9876543210");
	struct db_signature_hit hit;
	int nedges = 0, nrelated = 0;

	hit_init(&hit);
	assert_int_equal(db_begin(f->db, &f->err), 0);
	assert_int_equal(db_signature_record(f->db, &s, 100, &hit, &f->err), 0);
	assert_true(hit.is_new);
	assert_int_equal(hit.occurrences, 1);
	assert_string_equal(hit.status.buf, "new");
	assert_int_equal(db_signature_record(f->db, &s, 200, &hit, &f->err), 0);
	assert_false(hit.is_new);
	assert_int_equal(hit.occurrences, 2);
	assert_int_equal(hit.first_seen, 100);
	assert_int_equal(db_signature_record(f->db, &other, 300, &hit, &f->err),
			 0);
	assert_true(hit.is_new);
	assert_int_equal(db_commit(f->db, &f->err), 0);
	assert_int_equal(
		db_signature_edges(f->db, 1, count_edge, &nedges, &f->err), 0);
	assert_int_equal(nedges, 2);
	/* Both signatures share edges e1 and e2: they are related. */
	assert_int_equal(db_signature_related(f->db, 1, count_related,
					      &nrelated, &f->err),
			 0);
	assert_int_equal(nrelated, 1);
	hit_release(&hit);
}

static void db__rollback_leaves_nothing(void **state)
{
	struct fixture *f = *state;
	struct db_signature_new s = sig_new("0123456789abcdef");
	struct db_signature_hit hit;
	long long n = -1;

	hit_init(&hit);
	assert_int_equal(db_begin(f->db, &f->err), 0);
	assert_int_equal(db_signature_record(f->db, &s, 100, &hit, &f->err), 0);
	db_rollback(f->db);
	assert_int_equal(db_scalar(f->db, DB_SQL_SIG_COUNT, &n, &f->err), 0);
	assert_int_equal(n, 0);
	hit_release(&hit);
}

static int list_ids(void *ctx, const struct db_signature *s)
{
	struct strbuf *sb = ctx;

	strbuf_addf(sb, "%lld ", s->id);
	return 0;
}

static void db__list_filters_sort_and_cursor(void **state)
{
	struct fixture *f = *state;
	struct db_signature_new a = sig_new("aaaaaaaaaaaaaaaa");
	struct db_signature_new b = sig_new("bbbbbbbbbbbbbbbb");
	struct db_signature_filter flt = { 0 };
	struct strbuf ids = STRBUF_INIT;
	struct db_signature_hit hit;

	b.kind = "recursive";
	b.search = "recursive locking in g\n";
	hit_init(&hit);
	assert_int_equal(db_begin(f->db, &f->err), 0);
	assert_int_equal(db_signature_record(f->db, &a, 100, &hit, &f->err), 0);
	assert_int_equal(db_signature_record(f->db, &b, 200, &hit, &f->err), 0);
	assert_int_equal(db_signature_record(f->db, &a, 50, &hit, &f->err), 0);
	assert_int_equal(db_commit(f->db, &f->err), 0);
	flt.since = -1;
	flt.limit = 10;
	flt.sort = DB_SORT_LAST_SEEN;
	assert_int_equal(
		db_signature_list(f->db, &flt, list_ids, &ids, &f->err), 0);
	assert_string_equal(ids.buf, "2 1 ");
	strbuf_reset(&ids);
	flt.sort = DB_SORT_COUNT;
	assert_int_equal(
		db_signature_list(f->db, &flt, list_ids, &ids, &f->err), 0);
	assert_string_equal(ids.buf, "1 2 ");
	strbuf_reset(&ids);
	flt.has_cursor = true; /* after (count 2, id 1) */
	flt.cursor_value = 2;
	flt.cursor_id = 1;
	assert_int_equal(
		db_signature_list(f->db, &flt, list_ids, &ids, &f->err), 0);
	assert_string_equal(ids.buf, "2 ");
	strbuf_reset(&ids);
	flt.has_cursor = false;
	flt.kind = "recursive";
	assert_int_equal(
		db_signature_list(f->db, &flt, list_ids, &ids, &f->err), 0);
	assert_string_equal(ids.buf, "2 ");
	strbuf_reset(&ids);
	flt.kind = NULL;
	flt.q = "deadlock";
	assert_int_equal(
		db_signature_list(f->db, &flt, list_ids, &ids, &f->err), 0);
	assert_string_equal(ids.buf, "1 ");
	strbuf_reset(&ids);
	flt.q = NULL;
	flt.since = 150;
	assert_int_equal(
		db_signature_list(f->db, &flt, list_ids, &ids, &f->err), 0);
	assert_string_equal(ids.buf, "2 ");
	strbuf_release(&ids);
	hit_release(&hit);
}

static void db__merge_counts_on_target(void **state)
{
	struct fixture *f = *state;
	struct db_signature_new a = sig_new("aaaaaaaaaaaaaaaa");
	struct db_signature_new b = sig_new("bbbbbbbbbbbbbbbb");
	struct db_signature_new c = sig_new("cccccccccccccccc");
	struct db_signature_hit hit;
	long long root = 0;

	hit_init(&hit);
	assert_int_equal(db_begin(f->db, &f->err), 0);
	assert_int_equal(db_signature_record(f->db, &a, 1, &hit, &f->err), 0);
	assert_int_equal(db_signature_record(f->db, &b, 1, &hit, &f->err), 0);
	assert_int_equal(db_signature_record(f->db, &c, 1, &hit, &f->err), 0);
	assert_int_equal(db_commit(f->db, &f->err), 0);
	assert_int_equal(db_signature_merge(f->db, 1, 1, "t", 2, &root,
					    &f->err),
			 -EINVAL);
	assert_int_equal(db_signature_merge(f->db, 1, 99, "t", 2, &root,
					    &f->err),
			 -ENOENT);
	assert_int_equal(
		db_signature_merge(f->db, 1, 2, "t", 2, &root, &f->err), 0);
	assert_int_equal(root, 2);
	/* 2 into 3: 1 follows to the new root; 3 into 1 would be a loop. */
	assert_int_equal(
		db_signature_merge(f->db, 2, 3, "t", 2, &root, &f->err), 0);
	assert_int_equal(db_signature_merge(f->db, 3, 1, "t", 2, &root,
					    &f->err),
			 -EINVAL);
	assert_int_equal(db_begin(f->db, &f->err), 0);
	assert_int_equal(db_signature_record(f->db, &a, 5, &hit, &f->err), 0);
	assert_int_equal(db_commit(f->db, &f->err), 0);
	assert_false(hit.is_new);
	assert_int_equal(hit.matched_id, 1);
	assert_int_equal(hit.id, 3);
	assert_int_equal(hit.occurrences, 2);
	assert_string_equal(hit.hash.buf, "cccccccccccccccc");
	hit_release(&hit);
}

static void db__status_and_unknown(void **state)
{
	struct fixture *f = *state;
	struct db_signature_new a = sig_new("aaaaaaaaaaaaaaaa");
	struct db_signature_hit hit;

	hit_init(&hit);
	assert_int_equal(db_begin(f->db, &f->err), 0);
	assert_int_equal(db_signature_record(f->db, &a, 1, &hit, &f->err), 0);
	assert_int_equal(db_commit(f->db, &f->err), 0);
	assert_int_equal(db_signature_set_status(f->db, 1, "known", "revert",
						 "tri", 2, &f->err),
			 0);
	assert_int_equal(db_signature_set_status(f->db, 7, "known", NULL, "tri",
						 2, &f->err),
			 -ENOENT);
	/* The CHECK constraint refuses statuses outside the four. */
	assert_int_not_equal(db_signature_set_status(f->db, 1, "fixed", NULL,
						     "tri", 2, &f->err),
			     0);
	assert_int_equal(db_begin(f->db, &f->err), 0);
	assert_int_equal(db_signature_record(f->db, &a, 3, &hit, &f->err), 0);
	assert_int_equal(db_commit(f->db, &f->err), 0);
	assert_string_equal(hit.status.buf, "known");
	hit_release(&hit);
}

static int token_role(void *ctx, const struct db_token *t)
{
	struct strbuf *sb = ctx;

	strbuf_addf(sb, "%s:%s:%d ", t->name, t->role, t->revoked_at != 0);
	return 0;
}

static void db__tokens(void **state)
{
	struct fixture *f = *state;
	struct strbuf out = STRBUF_INIT;

	assert_int_equal(
		db_token_insert(f->db, "ci1", "ci", "h1", NULL, 1, &f->err), 0);
	assert_int_equal(db_token_insert(f->db, "ci1", "ci", "h2", NULL, 1,
					 &f->err),
			 -EEXIST);
	assert_int_not_equal(
		db_token_insert(f->db, "x", "root", "h3", NULL, 1, &f->err), 0);
	assert_int_equal(db_token_find(f->db, "h1", token_role, &out, &f->err),
			 0);
	assert_string_equal(out.buf, "ci1:ci:0 ");
	assert_int_equal(db_token_find(f->db, "nope", token_role, &out,
				       &f->err),
			 -ENOENT);
	assert_int_equal(db_token_revoke(f->db, "ci1", 5, &f->err), 0);
	assert_int_equal(db_token_revoke(f->db, "ci1", 6, &f->err), -ENOENT);
	strbuf_reset(&out);
	assert_int_equal(db_token_list(f->db, token_role, &out, &f->err), 0);
	assert_string_equal(out.buf, "ci1:ci:1 ");
	strbuf_release(&out);
}

static int count_until(void *ctx, struct db_stmt *st)
{
	int *n = ctx;

	return ++*n == 2 ? 7 : 0;
}

static void db__each_stops_resets_and_translates(void **state)
{
	struct fixture *f = *state;
	struct db_stmt *st;
	sqlite3_stmt *busy = NULL;
	int n = 0;

	assert_int_equal(
		db_token_insert(f->db, "a", "ci", "h1", NULL, 1, &f->err), 0);
	assert_int_equal(
		db_token_insert(f->db, "b", "ci", "h2", NULL, 1, &f->err), 0);
	assert_int_equal(
		db_token_insert(f->db, "c", "ci", "h3", NULL, 1, &f->err), 0);
	st = db_stmt(f->db, DB_SQL_TOKEN_LIST, &f->err);
	assert_non_null(st);
	/* fn's first non-zero return stops the loop and comes back */
	assert_int_equal(db_each(f->db, st, count_until, &n, "x", &f->err), 7);
	assert_int_equal(n, 2);
	while ((busy = sqlite3_next_stmt(f->db->sq, busy)))
		assert_false(sqlite3_stmt_busy(busy));
	assert_string_equal(f->err.buf, "");
	/* a failing step is translated once, with what it was doing */
	st = db_stmt(f->db, DB_SQL_TOKEN_INSERT, &f->err);
	assert_non_null(st);
	db_bind_text(st, 1, "a");
	db_bind_text(st, 2, "ci");
	db_bind_text(st, 3, "h4");
	db_bind_int(st, 4, 1);
	n = 0;
	assert_int_equal(db_each(f->db, st, count_until, &n, "inserting",
				 &f->err),
			 -EEXIST);
	assert_int_equal(n, 0);
	assert_non_null(strstr(f->err.buf, "inserting: "));
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(db__migrations_set_user_version),
		T(db__newer_schema_is_refused),
		T(db__every_statement_prepares),
		T(db__run_insert_find_and_duplicate),
		T(db__signature_record_new_then_known),
		T(db__rollback_leaves_nothing),
		T(db__list_filters_sort_and_cursor),
		T(db__merge_counts_on_target),
		T(db__status_and_unknown),
		T(db__tokens),
		T(db__each_stops_resets_and_translates),
	};

	return cmocka_run_group_tests_name("db", tests, NULL, NULL);
}
