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
#include "tests/unit/db_cases.h"

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

/* --db values: which backend, and how logs show them */
static void db__path_selects_and_describes(void **state)
{
	static const struct {
		const char *path, *shown;
		bool pg;
	} cases[] = {
		{ "var/splatd.db", "var/splatd.db", false },
		{ "sqlite:a=b.db", "sqlite:a=b.db", false },
		{ "/tmp/password=x.db", "/tmp/password=x.db", false },
		{ "postgresql://u:s3@h:5432/db", "postgresql://u:***@h:5432/db",
		  true },
		{ "postgres://u@h/db", "postgres://u@h/db", true },
		{ "postgresql://h/db?password=s3&sslmode=require",
		  "postgresql://h/db?password=***&sslmode=require", true },
		{ "host=/run/postgresql dbname=x",
		  "host=/run/postgresql dbname=x", true },
		{ "host=h password='a b' dbname=x",
		  "host=h password=*** dbname=x", true },
	};
	struct strbuf sb = STRBUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(db_path_is_postgres(cases[i].path),
				 cases[i].pg);
		strbuf_reset(&sb);
		db_path_describe(&sb, cases[i].path);
		assert_string_equal(sb.buf, cases[i].shown);
	}
	strbuf_release(&sb);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup_sqlite, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(db__migrations_set_user_version),
		T(db__newer_schema_is_refused),
		T(db__every_statement_prepares),
		DB_CASES(T), /* tests/unit/db_cases.h */
		T(db__each_stops_resets_and_translates),
		cmocka_unit_test(db__path_selects_and_describes),
	};

	return cmocka_run_group_tests_name("db", tests, NULL, NULL);
}
