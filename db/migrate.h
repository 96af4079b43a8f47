/* SPDX-License-Identifier: GPL-2.0 */
/*
 * migrate: numbered schema migrations keyed on PRAGMA user_version (on
 * PostgreSQL, the table splatd_schema).
 */
#ifndef SPLATD_DB_MIGRATE_H
#define SPLATD_DB_MIGRATE_H

#include <sqlite3.h>

#include "parsers/strbuf.h"

/* Number of migrations this build knows (the schema version it wants). */
int migrate_latest(void);

/*
 * Apply every migration above the database's user_version, all in one
 * transaction (a failed start leaves the schema as it was).  A database newer than this build is refused (-EPROTO).
 * Returns 0 or -errno with a line in err.
 */
int migrate_apply(sqlite3 *sq, struct strbuf *err);

struct db;
/*
 * The same on PostgreSQL (db->pg): the version in table splatd_schema,
 * the migrations in their PostgreSQL spelling, under splatd's write lock.
 */
int migrate_apply_pg(struct db *db, struct strbuf *err);

#endif
