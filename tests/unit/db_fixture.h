/* SPDX-License-Identifier: GPL-2.0 */
/*
 * db_fixture: the cmocka fixture of the db/ unit tests.  setup() gives each
 * test a fresh migrated database: a real SQLite file (db_open() creates and
 * migrates it, and its missing var/ parent directory, as it does for
 * var/splatd.db) in a fresh temporary directory, removed after; or, with
 * SPLATD_TEST_DB=pg and SPLATD_TEST_PG_URL set (tests/pg/run.sh), a schema
 * of its own on that PostgreSQL database, dropped after.  setup_sqlite()
 * is always SQLite (tests that read the file itself), setup_pg() always
 * PostgreSQL.  Include after <cmocka.h>.
 */
#ifndef SPLATD_TESTS_DB_FIXTURE_H
#define SPLATD_TESTS_DB_FIXTURE_H

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "db/db.h"
#include "db/signatures.h"

struct fixture {
	char dir[64]; /* SQLite: the temporary directory */
	char schema[64]; /* PostgreSQL: the test's schema */
	char path[512]; /* the --db value: the file, or the schema's URL */
	struct db *db;
	struct strbuf err;
};

/* Run sql on SPLATD_TEST_PG_URL itself (not through db/): 0 when it ran. */
static inline int fixture_pg_exec(const char *sql)
{
	PGconn *c = PQconnectdb(getenv("SPLATD_TEST_PG_URL"));
	PGresult *r = NULL;
	int ret = -1;

	if (PQstatus(c) == CONNECTION_OK) {
		r = PQexec(c, "SET client_min_messages = warning");
		PQclear(r);
		r = PQexec(c, sql);
		if (PQresultStatus(r) == PGRES_COMMAND_OK)
			ret = 0;
	}
	if (ret)
		fprintf(stderr, "%s: %s", sql, PQerrorMessage(c));
	PQclear(r);
	PQfinish(c);
	return ret;
}

static inline int fixture_open(struct fixture *f, void **state)
{
	strbuf_init(&f->err, 0);
	if (db_open(&f->db, f->path, &f->err)) {
		fprintf(stderr, "%s\n", f->err.buf);
		return -1;
	}
	*state = f;
	return 0;
}

static inline int setup_sqlite(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	snprintf(f->dir, sizeof(f->dir), "/tmp/splatd-db-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/var/test.db", f->dir);
	return fixture_open(f, state);
}

/* The test's URL puts its schema first in the search path. */
static inline int setup_pg(void **state)
{
	const char *base = getenv("SPLATD_TEST_PG_URL");
	struct fixture *f = calloc(1, sizeof(*f));
	char sql[128];
	static int n;

	if (!f || !base)
		return -1;
	snprintf(f->schema, sizeof(f->schema), "splatd_test_%d_%d",
		 (int)getpid(), ++n);
	snprintf(sql, sizeof(sql), "CREATE SCHEMA %s", f->schema);
	if (fixture_pg_exec(sql))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s%coptions=-csearch_path%%3D%s",
		 base, strchr(base, '?') ? '&' : '?', f->schema);
	return fixture_open(f, state);
}

static inline bool fixture_wants_pg(void)
{
	const char *db = getenv("SPLATD_TEST_DB");

	return db && !strcmp(db, "pg") && getenv("SPLATD_TEST_PG_URL");
}

static inline int setup(void **state)
{
	return fixture_wants_pg() ? setup_pg(state) : setup_sqlite(state);
}

static inline int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[160];
	int ret;

	db_close(f->db);
	strbuf_release(&f->err);
	if (f->schema[0]) {
		snprintf(cmd, sizeof(cmd), "DROP SCHEMA %s CASCADE", f->schema);
		ret = fixture_pg_exec(cmd);
	} else {
		snprintf(cmd, sizeof(cmd), "rm -rf %s", f->dir);
		ret = system(cmd) ? -1 : 0;
	}
	free(f);
	return ret;
}

/* A new circular signature of hash and title, first seen at ts; its id. */
static inline long long fixture_signature(struct fixture *f, const char *hash,
					  const char *title, long long ts)
{
	struct db_signature_new s = { 0 };
	struct db_signature_hit hit;
	long long id;

	s.hash = hash;
	s.algo_version = 1;
	s.kind = "circular";
	s.title = title;
	s.classes = "[\"a\",\"b\"]";
	s.chain = "[\"a\",\"b\"]";
	s.search = "x";
	memset(&hit, 0, sizeof(hit));
	strbuf_init(&hit.hash, 0);
	strbuf_init(&hit.kind, 0);
	strbuf_init(&hit.title, 0);
	strbuf_init(&hit.status, 0);
	assert_int_equal(db_begin(f->db, &f->err), 0);
	assert_int_equal(db_signature_record(f->db, &s, ts, &hit, &f->err), 0);
	assert_int_equal(db_commit(f->db, &f->err), 0);
	assert_true(hit.is_new);
	id = hit.id;
	strbuf_release(&hit.hash);
	strbuf_release(&hit.kind);
	strbuf_release(&hit.title);
	strbuf_release(&hit.status);
	return id;
}

/*
 * The one integer sql returns, on the test's database whichever the
 * backend (not through db/: checks of what db/ stored).
 */
static inline long long fixture_scalar(struct fixture *f, const char *sql)
{
	long long n = -1;

	if (f->schema[0]) {
		PGconn *c = PQconnectdb(f->path);
		PGresult *r = PQexec(c, sql);

		if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
			n = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
		else
			fail_msg("%s: %s", sql, PQerrorMessage(c));
		PQclear(r);
		PQfinish(c);
	} else {
		sqlite3_stmt *st;

		assert_int_equal(sqlite3_prepare_v2(f->db->sq, sql, -1, &st,
						    NULL),
				 SQLITE_OK);
		assert_int_equal(sqlite3_step(st), SQLITE_ROW);
		n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return n;
}

/* A blob literal of n bytes in the backend's spelling. */
static inline void fixture_blob(struct fixture *f, struct strbuf *out,
				const unsigned char *p, size_t n)
{
	size_t i;

	strbuf_addstr(out, f->schema[0] ? "'\\x" : "X'");
	for (i = 0; i < n; i++)
		strbuf_addf(out, "%02x", p[i]);
	strbuf_addstr(out, f->schema[0] ? "'::bytea" : "'");
}

#endif
