// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for db/ on PostgreSQL (db/pg.c): every statement of the table
 * prepares, the migrations run once, and the core cases of tests/unit/db.c
 * through the same db/ functions.  Each test gets a schema of its own in
 * the database SPLATD_TEST_PG_URL names (a postgresql:// URL); without it
 * the tests are skipped, saying so.
 */
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
#include <libpq-fe.h>

#include "db/db.h"
#include "db/migrate.h"

struct fixture {
	char schema[64];
	struct strbuf url; /* the test's URL, its schema first in the path */
	struct db *db;
	struct strbuf err;
};

#include "tests/unit/db_cases.h"

/* Run sql on the test database itself (not through db/); 0 when it ran. */
static int admin_exec(const char *sql)
{
	PGconn *c = PQconnectdb(getenv("SPLATD_TEST_PG_URL"));
	PGresult *r = NULL;
	int ret = -1;

	if (PQstatus(c) == CONNECTION_OK) {
		r = PQexec(c, sql);
		if (PQresultStatus(r) == PGRES_COMMAND_OK)
			ret = 0;
		else
			fprintf(stderr, "%s: %s", sql, PQerrorMessage(c));
	} else {
		fprintf(stderr, "%s", PQerrorMessage(c));
	}
	PQclear(r);
	PQfinish(c);
	return ret;
}

static int setup(void **state)
{
	const char *base = getenv("SPLATD_TEST_PG_URL");
	struct fixture *f = calloc(1, sizeof(*f));
	char sql[128];
	static int n;

	if (!f)
		return -1;
	snprintf(f->schema, sizeof(f->schema), "splatd_test_%d_%d",
		 (int)getpid(), ++n);
	snprintf(sql, sizeof(sql), "CREATE SCHEMA %s", f->schema);
	if (admin_exec(sql))
		return -1;
	strbuf_init(&f->url, 0);
	strbuf_init(&f->err, 0);
	strbuf_addf(&f->url, "%s%coptions=-csearch_path%%3D%s", base,
		    strchr(base, '?') ? '&' : '?', f->schema);
	if (db_open(&f->db, f->url.buf, &f->err)) {
		fprintf(stderr, "%s\n", f->err.buf);
		return -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char sql[128];
	int ret;

	db_close(f->db);
	snprintf(sql, sizeof(sql), "DROP SCHEMA %s CASCADE", f->schema);
	ret = admin_exec(sql);
	strbuf_release(&f->url);
	strbuf_release(&f->err);
	free(f);
	return ret;
}

/* Every statement prepares; the failure names each one that does not. */
static void pg__every_statement_prepares(void **state)
{
	struct fixture *f = *state;
	struct strbuf bad = STRBUF_INIT;
	int i, nbad = 0;

	for (i = 0; i < DB_SQL_NR; i++) {
		if (!db_sql_text_pg(i))
			continue; /* SQLite's only (db check) */
		strbuf_reset(&f->err);
		if (db_stmt(f->db, i, &f->err))
			continue;
		/* cmocka cuts a long message: one line per statement */
		print_error("%s\n  %s\n", f->err.buf, db_sql_text_pg(i));
		strbuf_addf(&bad, " %d", i);
		nbad++;
	}
	if (nbad)
		fail_msg("%d statements do not prepare:%s", nbad, bad.buf);
	strbuf_release(&bad);
}

static void pg__migrations_once_and_newer_refused(void **state)
{
	struct fixture *f = *state;
	struct db *again = NULL;
	long long v = -1;
	char sql[128];

	assert_int_equal(db_scalar(f->db, DB_SQL_USER_VERSION, &v, &f->err), 0);
	assert_int_equal(v, migrate_latest());
	assert_int_equal(db_open(&again, f->url.buf, &f->err), 0);
	assert_int_equal(db_scalar(again, DB_SQL_USER_VERSION, &v, &f->err), 0);
	assert_int_equal(v, migrate_latest());
	db_close(again);
	snprintf(sql, sizeof(sql), "UPDATE %s.splatd_schema SET version = 999",
		 f->schema);
	assert_int_equal(admin_exec(sql), 0);
	assert_int_equal(db_open(&again, f->url.buf, &f->err), -EPROTO);
	assert_null(again);
	assert_non_null(strstr(f->err.buf, "newer"));
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(pg__every_statement_prepares),
		T(pg__migrations_once_and_newer_refused),
		DB_CASES(T), /* tests/unit/db_cases.h */
	};

	if (!getenv("SPLATD_TEST_PG_URL")) {
		printf("pg: skipped, SPLATD_TEST_PG_URL is not set"
		       " (make test-pg sets it)\n");
		return 0;
	}
	return cmocka_run_group_tests_name("pg", tests, NULL, NULL);
}
