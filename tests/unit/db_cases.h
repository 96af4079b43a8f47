/* SPDX-License-Identifier: GPL-2.0 */
/*
 * db_cases: the core cases of db/ (runs, signatures and their edges,
 * rollback, the list's filters and cursor, merges, statuses, tokens),
 * written once through the db/ functions and run on both backends:
 * tests/unit/db.c on SQLite, tests/unit/pg.c on PostgreSQL.  Each takes a
 * struct fixture (f->db fresh and migrated, f->err).  Include after
 * <cmocka.h> and the fixture.
 */
#ifndef SPLATD_TESTS_DB_CASES_H
#define SPLATD_TESTS_DB_CASES_H

#include "db/runs.h"
#include "db/signatures.h"
#include "db/tokens.h"

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
	assert_int_equal(db_begin(f->db, &f->err), 0);
	assert_int_equal(db_run_insert(f->db, &r, &id, &f->err), 0);
	assert_int_equal(db_run_set_verdict_commit(f->db, id, "{}", &f->err),
			 0);
	assert_int_equal(
		db_run_find(f->db, "A", &found, &sha, &verdict, &f->err), 0);
	assert_int_equal(found, id);
	assert_string_equal(sha.buf, "abc");
	assert_string_equal(verdict.buf, "{}");
	assert_int_equal(db_run_insert(f->db, &r, &id, &f->err), -EALREADY);
	assert_int_equal(db_scalar(f->db, DB_SQL_RUN_COUNT, &id, &f->err), 0);
	assert_int_equal(id, 1);
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
	/* the list goes by the runs' times, which ingest sets after the
	 * occurrences (db_signature_runs_seen()); here, without runs, as
	 * runs that started when they came */
	assert_int_equal(
		fixture_scalar(
			f,
			f->schema[0] ?
				"WITH u AS (UPDATE signatures SET first_run_at = first_seen,"
				" last_run_at = last_seen RETURNING 1) SELECT count(*) FROM u" :
				"SELECT count(*) FROM signatures"),
		2);
	if (!f->schema[0])
		assert_int_equal(
			sqlite3_exec(
				f->db->sq,
				"UPDATE signatures SET first_run_at = first_seen,"
				" last_run_at = last_seen",
				NULL, NULL, NULL),
			SQLITE_OK);
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
	assert_int_equal(db_signature_patch(f->db, 1, "known", true, "revert",
					    "tri", 2, &f->err),
			 0);
	assert_int_equal(db_signature_patch(f->db, 7, "known", true, NULL,
					    "tri", 2, &f->err),
			 -ENOENT);
	/* The CHECK constraint refuses statuses outside the four. */
	assert_int_not_equal(db_signature_patch(f->db, 1, "fixed", true, NULL,
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

/* The cases as entries of a CMUnitTest array, each through T(). */
#define DB_CASES(T)                                                       \
	T(db__run_insert_find_and_duplicate),                             \
		T(db__signature_record_new_then_known),                   \
		T(db__rollback_leaves_nothing),                           \
		T(db__list_filters_sort_and_cursor),                      \
		T(db__merge_counts_on_target), T(db__status_and_unknown), \
		T(db__tokens)

#endif
