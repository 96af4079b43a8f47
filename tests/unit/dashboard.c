// SPDX-License-Identifier: GPL-2.0
/* Unit tests for the dashboard's statements (db/sql.c, db/dashboard.c): the
 * query plans that keep the signature list and the overview fast at 20,000
 * signatures and 1,000,000 occurrences, on a real migrated SQLite file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "db/db.h"
#include "db/sql.h"
#include "tests/unit/db_fixture.h"

/* The query plan of statement id, one detail a line. */
static void plan(struct fixture *f, enum db_sql id, struct strbuf *out)
{
	struct strbuf q = STRBUF_INIT;
	sqlite3_stmt *st = NULL;

	strbuf_addstr(&q, "EXPLAIN QUERY PLAN ");
	strbuf_addstr(&q, db_sql_text(id));
	assert_int_equal(sqlite3_prepare_v2(f->db->sq, q.buf, -1, &st, NULL),
			 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		strbuf_addstr(out, (const char *)sqlite3_column_text(st, 3));
		strbuf_addch(out, '\n');
	}
	sqlite3_finalize(st);
	strbuf_release(&q);
}

static void dashboard__list_filters_search_by_key(void **state)
{
	static const enum db_sql lists[] = { DB_SQL_SIG_LIST_LAST_SEEN,
					     DB_SQL_SIG_LIST_FIRST_SEEN,
					     DB_SQL_SIG_LIST_COUNT };
	struct fixture *f = *state;
	struct strbuf p = STRBUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		strbuf_reset(&p);
		plan(f, lists[i], &p);
		/* the sort's index, never a sort of all signatures */
		assert_non_null(strstr(p.buf, "SCAN signatures USING INDEX"));
		assert_null(strstr(p.buf, "TEMP B-TREE"));
		/* tree, machine: a primary key probe per signature */
		assert_non_null(strstr(p.buf, "SEARCH p USING PRIMARY KEY"
					      " (what=? AND value=? AND"
					      " signature_id=?)"));
		/* subsystem: the section's primary key */
		assert_non_null(strstr(p.buf,
				       "SEARCH ss USING PRIMARY KEY"
				       " (signature_id=? AND section=?)"));
		/* no occurrence is read to filter */
		assert_null(strstr(p.buf, "SCAN occurrences"));
		assert_null(strstr(p.buf, "SEARCH occurrences"));
	}
	strbuf_release(&p);
}

static void dashboard__overview_reads_a_time_range(void **state)
{
	struct fixture *f = *state;
	struct strbuf p = STRBUF_INIT;

	static const enum db_sql by_run[] = { DB_SQL_DASH_SIG_COUNTS,
					      DB_SQL_DASH_PER_DAY,
					      DB_SQL_DASH_SECTION_TREND };
	size_t i;

	/* the runs of the range by their time, then each run's occurrences
	 * from a covering index: never an occurrence's row */
	for (i = 0; i < sizeof(by_run) / sizeof(by_run[0]); i++) {
		strbuf_reset(&p);
		plan(f, by_run[i], &p);
		assert_non_null(strstr(p.buf, "SEARCH r USING COVERING INDEX"
					      " runs_time (run_at>? AND"
					      " run_at<?)"));
		assert_non_null(strstr(p.buf,
				       "SEARCH o USING COVERING INDEX"
				       " occurrences_run_sig (run_id=?)"));
	}
	strbuf_reset(&p);
	plan(f, DB_SQL_SIG_RUN_SEEN, &p);
	assert_non_null(strstr(p.buf, "SEARCH signatures USING INTEGER"
				      " PRIMARY KEY"));
	assert_non_null(strstr(p.buf, "SEARCH o USING COVERING INDEX"
				      " occurrences_run_sig (run_id=?)"));
	strbuf_reset(&p);
	plan(f, DB_SQL_DASH_COUNTS, &p);
	assert_non_null(strstr(p.buf, "SEARCH signatures USING COVERING INDEX"
				      " signatures_counts (duplicate_of=?)"));
	assert_null(strstr(p.buf, "SCAN signatures"));
	strbuf_reset(&p);
	plan(f, DB_SQL_DASH_TOP, &p);
	assert_non_null(strstr(p.buf, "SEARCH s USING INTEGER PRIMARY KEY"));
	strbuf_release(&p);
}

/*
 * A signature's page: first and last seen by tree are a row of
 * signature_trees a tree and its two runs, never a sort of every
 * occurrence; the newest occurrences by run time (the latest occurrences,
 * a regression's timeline, the list's last kernel) a range of
 * (signature_id, ts) from the earliest run time of those that came last;
 * the list's stats read no occurrence but such a range.
 */
static void dashboard__signature_page_sorts_no_occurrences(void **state)
{
	static const enum db_sql newest[] = { DB_SQL_OCC_LIST_BY_RUN,
					      DB_SQL_REG_TIMELINE,
					      DB_SQL_DASH_STATS };
	struct fixture *f = *state;
	struct strbuf p = STRBUF_INIT;
	size_t i;

	plan(f, DB_SQL_DASH_TREE_SPANS, &p);
	assert_non_null(strstr(p.buf, "SEARCH t USING PRIMARY KEY"
				      " (signature_id=?)"));
	assert_null(strstr(p.buf, "occurrences_sig_ts"));
	assert_null(strstr(p.buf, "SCAN"));
	strbuf_reset(&p);
	plan(f, DB_SQL_SIG_TREES_SEEN, &p);
	assert_non_null(strstr(p.buf, "SEARCH o USING COVERING INDEX"
				      " occurrences_run_sig (run_id=?)"));
	assert_null(strstr(p.buf, "SCAN"));
	for (i = 0; i < sizeof(newest) / sizeof(newest[0]); i++) {
		strbuf_reset(&p);
		plan(f, newest[i], &p);
		assert_non_null(strstr(p.buf, "occurrences_sig_ts"
					      " (signature_id=? AND ts>?)"));
	}
	/* the list's machines: the signature's places, not its occurrences
	 * (every occurrence of the busiest 50 was 100-200 ms) */
	assert_non_null(strstr(p.buf, "SEARCH p USING COVERING INDEX"
				      " signature_places_sig (signature_id=?"
				      " AND what=?)"));
	strbuf_release(&p);
}

/*
 * A signature's machines and kernels tables: its rows of
 * signature_tallies, never its occurrences (a scan of every one before:
 * 1.5 ms for 625, linear beyond); ingest adds a run's from its own
 * occurrences.
 */
static void dashboard__tallies_read_no_occurrences(void **state)
{
	static const enum db_sql tables[] = { DB_SQL_SIG_BY_MACHINE,
					      DB_SQL_SIG_BY_KERNEL };
	struct fixture *f = *state;
	struct strbuf p = STRBUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		strbuf_reset(&p);
		plan(f, tables[i], &p);
		assert_non_null(strstr(p.buf, "SEARCH signature_tallies USING"
					      " PRIMARY KEY (signature_id=?"
					      " AND what=?)"));
		assert_null(strstr(p.buf, "occurrences"));
		assert_null(strstr(p.buf, "SCAN"));
	}
	strbuf_reset(&p);
	plan(f, DB_SQL_SIG_TALLIES_SEEN, &p);
	assert_non_null(strstr(p.buf, "SEARCH o USING COVERING INDEX"
				      " occurrences_run_sig (run_id=?)"));
	assert_null(strstr(p.buf, "SCAN o"));
	strbuf_release(&p);
}

/*
 * The list of a place few signatures have (db_signature_list()): that
 * place's rows of signature_places, each signature by its key, then a
 * sort of those; never a walk of every signature (a machine none was
 * seen on was 30-70 ms at 20,000 signatures).
 */
static void dashboard__list_at_a_place_reads_its_rows(void **state)
{
	static const enum db_sql lists[] = { DB_SQL_SIG_LIST_LAST_SEEN_AT,
					     DB_SQL_SIG_LIST_FIRST_SEEN_AT,
					     DB_SQL_SIG_LIST_COUNT_AT };
	struct fixture *f = *state;
	struct strbuf p = STRBUF_INIT;
	size_t i;

	for (i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		strbuf_reset(&p);
		plan(f, lists[i], &p);
		assert_true(strstr(p.buf, "SEARCH dp USING") == p.buf);
		assert_non_null(strstr(p.buf, "(what=? AND value=?)"));
		assert_non_null(strstr(p.buf, "SEARCH signatures USING INTEGER"
					      " PRIMARY KEY (rowid=?)"));
		assert_null(strstr(p.buf, "SCAN signatures"));
		assert_null(strstr(p.buf, "occurrences"));
	}
	strbuf_reset(&p);
	plan(f, DB_SQL_SIG_PLACE_COUNT, &p);
	assert_non_null(strstr(p.buf, "(what=? AND value=?)"));
	strbuf_release(&p);
}

int main(void)
{
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup_sqlite, teardown)
	const struct CMUnitTest tests[] = {
		T(dashboard__list_filters_search_by_key),
		T(dashboard__overview_reads_a_time_range),
		T(dashboard__signature_page_sorts_no_occurrences),
		T(dashboard__tallies_read_no_occurrences),
		T(dashboard__list_at_a_place_reads_its_rows),
	};
#undef T
	return cmocka_run_group_tests(tests, NULL, NULL);
}
