// SPDX-License-Identifier: GPL-2.0
/* kcidb_export: the rows of the KCIDB export (see kcidb_export.h). */
#include "db/kcidb_export.h"

#include <errno.h>

struct issue_rows {
	db_kcidb_issue_fn fn;
	void *ctx;
};

static int issue_row(void *ctx, struct db_stmt *st)
{
	struct issue_rows *c = ctx;
	struct db_kcidb_issue i = {
		.id = db_col_int(st, 0),
		.hash = db_col_text(st, 1),
		.algo_version = (int)db_col_int(st, 2),
		.kind = db_col_text(st, 3),
		.title = db_col_text(st, 4),
		.chain = db_col_text(st, 5),
		.culprit_function = db_col_text(st, 6),
		.culprit_module = db_col_text(st, 7),
		.first_seen = db_col_int(st, 8),
		.status = db_col_text(st, 9),
		.note = db_col_text(st, 10),
		.version = db_col_int(st, 11),
		.merged_into = db_col_text(st, 12),
	};

	return c->fn(c->ctx, &i);
}

int db_kcidb_issues(struct db *db, long long since, db_kcidb_issue_fn fn,
		    void *ctx, struct strbuf *err)
{
	struct issue_rows c = { fn, ctx };
	struct db_stmt *st = db_stmt(db, DB_SQL_KCIDB_ISSUES, err);

	if (!st)
		return -EIO;
	db_bind_int_or_null(st, 1, since, since < 0);
	return db_each(db, st, issue_row, &c, "reading issues", err);
}

struct incident_rows {
	db_kcidb_incident_fn fn;
	void *ctx;
	bool present;
};

static int incident_row(void *ctx, struct db_stmt *st)
{
	struct incident_rows *c = ctx;
	struct db_kcidb_incident i = {
		.hash = db_col_text(st, 0),
		.version = db_col_int(st, 1),
		.test_id = db_col_text(st, 2),
		.seq = c->present ? db_col_int(st, 3) : -1,
		.present = c->present,
	};

	return c->fn(c->ctx, &i);
}

int db_kcidb_incidents(struct db *db, long long since, bool present,
		       db_kcidb_incident_fn fn, void *ctx, struct strbuf *err)
{
	struct incident_rows c = { fn, ctx, present };
	struct db_stmt *st = db_stmt(
		db, present ? DB_SQL_KCIDB_PRESENT : DB_SQL_KCIDB_ABSENT, err);

	if (!st)
		return -EIO;
	db_bind_int_or_null(st, 1, since, since < 0);
	return db_each(db, st, incident_row, &c, "reading incidents", err);
}
