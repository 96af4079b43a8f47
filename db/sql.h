/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sql: every SQL statement of splatd, one table indexed by enum db_sql.
 * Statements take bound parameters only; add a row at the end of the enum and
 * the same name in db/sql.c (docs/storage.md).
 */
#ifndef SPLATD_DB_SQL_H
#define SPLATD_DB_SQL_H

enum db_sql {
	DB_SQL_BEGIN_IMMEDIATE,
	DB_SQL_COMMIT,
	DB_SQL_ROLLBACK,
	DB_SQL_USER_VERSION,

	DB_SQL_RUN_FIND,
	DB_SQL_RUN_INSERT,
	DB_SQL_RUN_SET_VERDICT,
	DB_SQL_RUN_GET,
	DB_SQL_RUN_LIST,
	DB_SQL_RUN_REPORTS,
	DB_SQL_RUN_COUNT,

	DB_SQL_SIG_FIND_HASH,
	DB_SQL_SIG_INSERT,
	DB_SQL_SIG_BUMP,
	DB_SQL_SIG_GET,
	DB_SQL_SIG_LIST_LAST_SEEN,
	DB_SQL_SIG_LIST_FIRST_SEEN,
	DB_SQL_SIG_LIST_COUNT,
	DB_SQL_SIG_SET_STATUS,
	DB_SQL_SIG_SET_DUPLICATE,
	DB_SQL_SIG_REPOINT_DUPLICATES,
	DB_SQL_SIG_EVENT_INSERT,
	DB_SQL_SIG_COUNT,
	DB_SQL_SIG_BY_MACHINE,
	DB_SQL_SIG_BY_KERNEL,
	DB_SQL_SIG_RELATED,

	DB_SQL_EDGE_UPSERT,
	DB_SQL_SIG_EDGE_INSERT,
	DB_SQL_SIG_EDGES,

	DB_SQL_OCC_INSERT,
	DB_SQL_OCC_LIST,
	DB_SQL_OCC_COUNT,

	DB_SQL_TOKEN_INSERT,
	DB_SQL_TOKEN_FIND_HASH,
	DB_SQL_TOKEN_LIST,
	DB_SQL_TOKEN_REVOKE,

	DB_SQL_NR
};

/* The text of statement id (never NULL for id < DB_SQL_NR). */
const char *db_sql_text(enum db_sql id);

#endif
