// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for db/ on PostgreSQL (db/pg.c): every statement of the table
 * prepares, the migrations run once, and the core cases of tests/unit/db.c
 * (db_cases.h) through the same db/ functions.  Each test gets a schema of
 * its own in the database SPLATD_TEST_PG_URL names (a postgresql:// URL,
 * tests/unit/db_fixture.h); without it the tests are skipped, saying so.
 */
#include <errno.h>
#include <pthread.h>
#include <stdbool.h>
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
#include "server/triage/ingest.h"
#include "server/triage/regress.h"

#include "tests/unit/db_fixture.h"
#include "tests/unit/db_cases.h"

/*
 * Every statement prepares, and a row of it has as many columns as a row of
 * its SQLite spelling (a statement changed on one side only shows here);
 * the failure names each one that does not.
 */
static void pg__every_statement_prepares(void **state)
{
	struct fixture *f = *state;
	struct strbuf bad = STRBUF_INIT, path = STRBUF_INIT;
	struct db *lite = NULL;
	struct db_stmt *st, *lst;
	char dir[] = "/tmp/splatd-pg-unit.XXXXXX";
	int i, nbad = 0, n, ln;

	assert_non_null(mkdtemp(dir));
	strbuf_addf(&path, "%s/lite.db", dir);
	assert_int_equal(db_open(&lite, path.buf, &f->err), 0);
	for (i = 0; i < DB_SQL_NR; i++) {
		if (!db_sql_text_pg(i))
			continue; /* SQLite's only (db check) */
		strbuf_reset(&f->err);
		st = db_stmt(f->db, i, &f->err);
		if (st) {
			lst = db_stmt(lite, i, &f->err);
			n = db_stmt_columns(st);
			ln = lst ? db_stmt_columns(lst) : -1;
			if (n == ln)
				continue;
			print_error("statement %d: %d columns on PostgreSQL,"
				    " %d on SQLite\n  %s\n",
				    i, n, ln, db_sql_text_pg(i));
		} else {
			/* cmocka cuts a long message: a line per statement */
			print_error("%s\n  %s\n", f->err.buf,
				    db_sql_text_pg(i));
		}
		strbuf_addf(&bad, " %d", i);
		nbad++;
	}
	db_close(lite);
	unlink(path.buf);
	strbuf_addf(&path, "-wal");
	unlink(path.buf);
	strbuf_setlen(&path, path.len - 4);
	strbuf_addf(&path, "-shm");
	unlink(path.buf);
	rmdir(dir);
	strbuf_release(&path);
	if (nbad)
		print_error("statements that differ:%s\n", bad.buf);
	strbuf_release(&bad);
	if (nbad)
		fail_msg("%d statements do not prepare alike", nbad);
}

static void pg__migrations_once_and_newer_refused(void **state)
{
	struct fixture *f = *state;
	struct db *again = NULL;
	long long v = -1;
	char sql[128];

	assert_int_equal(db_scalar(f->db, DB_SQL_USER_VERSION, &v, &f->err), 0);
	assert_int_equal(v, migrate_latest());
	assert_int_equal(db_open(&again, f->path, &f->err), 0);
	assert_int_equal(db_scalar(again, DB_SQL_USER_VERSION, &v, &f->err), 0);
	assert_int_equal(v, migrate_latest());
	db_close(again);
	snprintf(sql, sizeof(sql), "UPDATE %s.splatd_schema SET version = 999",
		 f->schema);
	assert_int_equal(fixture_pg_exec(sql), 0);
	assert_int_equal(db_open(&again, f->path, &f->err), -EPROTO);
	assert_null(again);
	assert_non_null(strstr(f->err.buf, "newer"));
}

struct racer {
	const char *path;
	struct db *db;
	int ret;
	bool began; /* begin() returned */
	int (*begin)(struct db *db, struct strbuf *err); /* NULL: db_begin */
	pthread_mutex_t lock;
};

static void *begin_thread(void *arg)
{
	struct racer *r = arg;
	struct strbuf err = STRBUF_INIT;
	int ret = (r->begin ? r->begin : db_begin)(r->db, &err);

	pthread_mutex_lock(&r->lock);
	r->ret = ret;
	r->began = true;
	pthread_mutex_unlock(&r->lock);
	strbuf_release(&err);
	return NULL;
}

static bool racer_began(struct racer *r)
{
	bool began;

	pthread_mutex_lock(&r->lock);
	began = r->began;
	pthread_mutex_unlock(&r->lock);
	return began;
}

/* A write transaction of another connection waits for the first's end. */
static void pg__writes_are_serialized(void **state)
{
	struct fixture *f = *state;
	struct racer r = { .lock = PTHREAD_MUTEX_INITIALIZER };
	pthread_t t;

	assert_int_equal(db_open(&r.db, f->path, &f->err), 0);
	assert_int_equal(db_begin(f->db, &f->err), 0);
	assert_int_equal(pthread_create(&t, NULL, begin_thread, &r), 0);
	usleep(300 * 1000);
	assert_false(racer_began(&r));
	assert_int_equal(db_commit(f->db, &f->err), 0);
	pthread_join(t, NULL);
	assert_true(r.began);
	assert_int_equal(r.ret, 0);
	db_rollback(r.db);
	db_close(r.db);
}

/*
 * Ingests share the write lock (db_begin_ingest()): a second one begins
 * while the first is open; any other write waits for both, and an ingest
 * waits for it.
 */
static void pg__ingests_share_the_write_lock(void **state)
{
	struct fixture *f = *state;
	struct racer r = { .lock = PTHREAD_MUTEX_INITIALIZER,
			   .begin = db_begin_ingest };
	struct racer w = { .lock = PTHREAD_MUTEX_INITIALIZER };
	struct db *third = NULL;
	pthread_t t, tw;

	assert_int_equal(db_open(&r.db, f->path, &f->err), 0);
	assert_int_equal(db_open(&w.db, f->path, &f->err), 0);
	assert_int_equal(db_open(&third, f->path, &f->err), 0);
	assert_int_equal(db_begin_ingest(f->db, &f->err), 0);
	assert_int_equal(db_begin_ingest(third, &f->err), 0);
	assert_int_equal(pthread_create(&tw, NULL, begin_thread, &w), 0);
	usleep(300 * 1000);
	assert_false(racer_began(&w));
	assert_int_equal(db_commit(third, &f->err), 0);
	usleep(100 * 1000);
	assert_false(racer_began(&w));
	assert_int_equal(db_commit(f->db, &f->err), 0);
	pthread_join(tw, NULL);
	assert_int_equal(w.ret, 0);
	/* the other write is open: an ingest waits for it */
	assert_int_equal(pthread_create(&t, NULL, begin_thread, &r), 0);
	usleep(300 * 1000);
	assert_false(racer_began(&r));
	assert_int_equal(db_commit(w.db, &f->err), 0);
	pthread_join(t, NULL);
	assert_int_equal(r.ret, 0);
	db_rollback(r.db);
	db_close(r.db);
	db_close(w.db);
	db_close(third);
}

/*
 * A batch given up after some statements were sent and before its sync
 * (a bind that failed half way) ends without waiting for answers that
 * would never come, and leaves the connection usable.
 */
static void pg__batch_given_up_before_its_sync(void **state)
{
	struct fixture *f = *state;
	struct db_stmt *st;
	long long v = -1;

	assert_int_equal(db_begin(f->db, &f->err), 0);
	st = db_stmt(f->db, DB_SQL_USER_VERSION, &f->err);
	assert_non_null(st);
	assert_int_equal(db_batch_begin(f->db, &f->err), 0);
	assert_int_equal(db_send(f->db, st, "reading", &f->err), 0);
	assert_int_equal(db_send(f->db, st, "reading", &f->err), 0);
	assert_int_equal(db_batch_end(f->db, &f->err), 0);
	db_rollback(f->db);
	assert_int_equal(db_scalar(f->db, DB_SQL_USER_VERSION, &v, &f->err), 0);
	assert_int_equal(v, migrate_latest());
}

/* The server ends every other session of the database; how many. */
static long long drop_connections(struct fixture *f)
{
	return fixture_scalar(f, "SELECT count(pg_terminate_backend(pid,"
				 " 5000)) FROM pg_stat_activity"
				 " WHERE datname = current_database()"
				 " AND pid <> pg_backend_pid()"
				 " AND backend_type = 'client backend'");
}

/* An ingest's writes of run id with one report, committed. */
static void record_one(struct fixture *f, const char *id)
{
	struct db_run r = { .run_id = id, .received_at = 1, .log_sha256 = "x" };
	struct db_report rep = { .sig = { .hash = "h",
					  .algo_version = 1,
					  .kind = "circular",
					  .title = "t",
					  .classes = "[]",
					  .chain = "[]",
					  .search = "t" },
				 .pid = -1,
				 .text = "text",
				 .raw = "raw" };
	struct db_signature_hit hit = { 0 };
	long long run;

	strbuf_init(&hit.hash, 0);
	strbuf_init(&hit.kind, 0);
	strbuf_init(&hit.title, 0);
	strbuf_init(&hit.status, 0);
	assert_int_equal(db_begin_ingest(f->db, &f->err), 0);
	assert_int_equal(db_run_insert(f->db, &r, &run, &f->err), 0);
	if (db_reports_record(f->db, run, &rep, 1, 1, 0, &hit, &f->err))
		fail_msg("%s", f->err.buf);
	assert_int_equal(db_commit(f->db, &f->err), 0);
	strbuf_release(&hit.hash);
	strbuf_release(&hit.kind);
	strbuf_release(&hit.title);
	strbuf_release(&hit.status);
}

/*
 * A connection the server dropped between two transactions (a restart,
 * a failover, an idle timeout) is made again by the next BEGIN, of either
 * kind, or read, once; nothing above db/ sees it.
 */
static void pg__dropped_connection_reconnects(void **state)
{
	struct fixture *f = *state;
	long long v = -1;

	assert_int_equal(db_scalar(f->db, DB_SQL_USER_VERSION, &v, &f->err), 0);
	assert_int_equal(drop_connections(f), 1);
	assert_int_equal(db_begin(f->db, &f->err), 0);
	assert_int_equal(db_commit(f->db, &f->err), 0);
	assert_int_equal(drop_connections(f), 1);
	assert_int_equal(db_begin_ingest(f->db, &f->err), 0);
	assert_int_equal(db_commit(f->db, &f->err), 0);
	assert_int_equal(drop_connections(f), 1);
	v = -1;
	assert_int_equal(db_scalar(f->db, DB_SQL_USER_VERSION, &v, &f->err), 0);
	assert_int_equal(v, migrate_latest());
	/* a whole ingest, its batch's statements prepared anew */
	record_one(f, "r1");
	assert_int_equal(drop_connections(f), 1);
	record_one(f, "r2");
}

static void *open_thread(void *arg)
{
	struct racer *r = arg;
	struct strbuf err = STRBUF_INIT;

	r->ret = db_open(&r->db, r->path, &err);
	strbuf_release(&err);
	return NULL;
}

/* Instances starting together on an empty schema migrate it once. */
static void pg__concurrent_opens_migrate_once(void **state)
{
	struct fixture *f = *state;
	struct racer r[4] = { 0 };
	pthread_t t[4];
	long long v = -1;
	char sql[192];
	int i;

	snprintf(sql, sizeof(sql), "DROP SCHEMA %s CASCADE; CREATE SCHEMA %s",
		 f->schema, f->schema);
	assert_int_equal(fixture_pg_exec(sql), 0);
	for (i = 0; i < 4; i++) {
		r[i].path = f->path;
		assert_int_equal(
			pthread_create(&t[i], NULL, open_thread, &r[i]), 0);
	}
	for (i = 0; i < 4; i++) {
		pthread_join(t[i], NULL);
		assert_int_equal(r[i].ret, 0);
		assert_int_equal(db_scalar(r[i].db, DB_SQL_USER_VERSION, &v,
					   &f->err),
				 0);
		assert_int_equal(v, migrate_latest());
		db_close(r[i].db);
	}
}

/*
 * The round trips of ingest_store() for run id with log (whose reports
 * must number reports), with regression tracking on.
 */
static unsigned long long ingest_trips(struct fixture *f, struct regress *rg,
				       const char *id, const char *log,
				       unsigned reports)
{
	static const struct ingest_limits lim = INGEST_LIMITS_INIT;
	struct ingest_meta m = { .id = id, .commit = "c0ffee", .regress = rg };
	struct ingest *in = ingest_new();
	enum ingest_outcome outcome;
	unsigned long long before;
	json_t *verdict = NULL;

	ingest_start(in, &lim);
	assert_int_equal(ingest_feed(in, log, strlen(log), &f->err), 0);
	assert_int_equal(ingest_finish(in, &f->err), 0);
	assert_int_equal(ingest_report_count(in), reports);
	before = db_round_trips(f->db);
	if (ingest_store(in, f->db, NULL, &m, 1, &outcome, &verdict, &f->err))
		fail_msg("%s", f->err.buf);
	assert_int_equal(outcome, INGEST_STORED);
	json_decref(verdict);
	ingest_free(in);
	return db_round_trips(f->db) - before;
}

/*
 * What a run costs in round trips, the figure docs/storage.md gives: a
 * run with one report of a known signature 5 (BEGIN with the write lock,
 * the run's row, the reports' batch with the signature's lock, the
 * regressions it may count for, the verdict with COMMIT); a run without
 * reports 4.  The first run prepares the statements and creates the
 * signature: not counted.
 */
static void pg__ingest_round_trips(void **state)
{
	struct fixture *f = *state;
	struct regress *rg = regress_new(NULL);
	struct strbuf log = STRBUF_INIT;
	FILE *in = fopen("tests/data/parse-invariance/seed-6641.splat", "r");
	char buf[4096];
	size_t n;

	assert_non_null(in);
	while ((n = fread(buf, 1, sizeof(buf), in)))
		strbuf_add(&log, buf, n);
	fclose(in);
	ingest_trips(f, rg, "warm", log.buf, 1);
	ingest_trips(f, rg, "warm-clean", "[    0.000000] Linux version 6.1\n",
		     0);
	assert_int_equal(ingest_trips(f, rg, "one", log.buf, 1), 5);
	assert_int_equal(ingest_trips(f, rg, "clean",
				      "[    0.000000] Linux version 6.1\n", 0),
			 4);
	strbuf_release(&log);
	regress_free(rg);
}

/*
 * A run whose KCIDB test another run holds is refused (-EEXIST) at once:
 * one transaction (BEGIN with its lock, the run's insert, ROLLBACK and,
 * its first use here, its preparation: 4 round trips), not the retries
 * of two ingests that met, which would give the same answer.
 */
static void pg__kcidb_test_taken_refused_at_once(void **state)
{
	static const struct ingest_limits lim = INGEST_LIMITS_INIT;
	static const char log[] = "[    0.000000] Linux version 6.1\n";
	struct fixture *f = *state;
	struct ingest_meta m = { .kcidb_origin = "ci",
				 .kcidb_test_id = "ci:t1" };
	struct ingest *in = ingest_new();
	enum ingest_outcome outcome;
	unsigned long long before;
	json_t *verdict = NULL;
	const char *ids[] = { "first", "second" };
	int i, ret;

	for (i = 0; i < 2; i++) {
		m.id = ids[i];
		ingest_start(in, &lim);
		assert_int_equal(ingest_feed(in, log, strlen(log), &f->err), 0);
		assert_int_equal(ingest_finish(in, &f->err), 0);
		before = db_round_trips(f->db);
		ret = ingest_store(in, f->db, NULL, &m, 1, &outcome, &verdict,
				   &f->err);
		json_decref(verdict);
		verdict = NULL;
	}
	assert_int_equal(ret, -EEXIST);
	assert_int_equal(db_round_trips(f->db) - before, 4);
	ingest_free(in);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_pg, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(pg__every_statement_prepares),
		T(pg__migrations_once_and_newer_refused),
		T(pg__writes_are_serialized),
		T(pg__ingests_share_the_write_lock),
		T(pg__dropped_connection_reconnects),
		T(pg__batch_given_up_before_its_sync),
		T(pg__concurrent_opens_migrate_once),
		T(pg__ingest_round_trips),
		T(pg__kcidb_test_taken_refused_at_once),
		DB_CASES(T), /* tests/unit/db_cases.h */
	};

	if (!getenv("SPLATD_TEST_PG_URL")) {
		printf("pg: skipped, SPLATD_TEST_PG_URL is not set"
		       " (make test-pg sets it)\n");
		return 0;
	}
	return cmocka_run_group_tests_name("pg", tests, NULL, NULL);
}
