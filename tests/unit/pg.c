// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for db/ on PostgreSQL (db/pg.c): every statement of the table
 * prepares, the migrations run once, and the core cases of tests/unit/db.c
 * (db_cases.h) through the same db/ functions.  Each test gets a schema of
 * its own in the database SPLATD_TEST_PG_URL names (a postgresql:// URL,
 * tests/unit/db_fixture.h); without it the tests are skipped, saying so.
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

#include "db/db.h"
#include "db/migrate.h"

#include "tests/unit/db_fixture.h"
#include "tests/unit/db_cases.h"

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

#define T(name) cmocka_unit_test_setup_teardown(name, setup_pg, teardown)

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
