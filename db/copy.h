/* SPDX-License-Identifier: GPL-2.0 */
/*
 * copy: `splatd db copy --from PATH --to postgresql://...` moves a SQLite
 * database to PostgreSQL (docs/deploy.md).  Both are first migrated to the
 * latest schema (db_open); every table of the SQLite file is copied into the
 * empty PostgreSQL database in one transaction (COPY, the tables' own
 * triggers held off: their rows are copied too), identity sequences moved
 * past the copied ids, then both sides are read again and compared: rows per
 * table and a checksum of the logical content.  The transaction commits only
 * when they agree.
 */
#ifndef SPLATD_DB_COPY_H
#define SPLATD_DB_COPY_H

#include <stdint.h>

#include "parsers/strbuf.h"

struct db_copy_table {
	char *name;
	long long rows[2]; /* SQLite, PostgreSQL */
	uint64_t checksum[2][4]; /* the same, of the rows' logical content */
};

struct db_copy_report {
	struct db_copy_table *t;
	size_t n, alloc;
};

/*
 * Copy from (a SQLite path) into to (a PostgreSQL connection string).  0
 * when copied and verified; -EEXIST when the target has rows already,
 * -EIO when they differ (nothing committed) or on any error, with err.
 * report gets every table's counts and checksums in both cases where they
 * were read; free it with db_copy_report_release().
 */
int db_copy(const char *from, const char *to, struct db_copy_report *report,
	    struct strbuf *err);
void db_copy_report_release(struct db_copy_report *report);

/* The checksum of every table together, per side, as 64 hex digits. */
void db_copy_checksum_hex(const struct db_copy_report *report, int side,
			  char hex[65]);

#endif
