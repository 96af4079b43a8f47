/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kcidb_export: what the KCIDB export reads (server/kcidb/export.c,
 * docs/interop.md "KCIDB out"): every signature with its issue version, the
 * occurrences seen in runs made from KCIDB tests, and the clean runs from
 * KCIDB tests that counted toward a regression's fix.
 */
#ifndef SPLATD_DB_KCIDB_EXPORT_H
#define SPLATD_DB_KCIDB_EXPORT_H

#include <stdbool.h>

#include "db/db.h"

/* A signature as an issue; strings borrowed, valid during the callback. */
struct db_kcidb_issue {
	long long id;
	const char *hash;
	int algo_version;
	const char *kind, *title;
	const char *chain; /* JSON array as text */
	const char *culprit_function, *culprit_module; /* may be NULL */
	long long first_seen;
	const char *status, *note; /* note may be NULL */
	/* its status and merge events: grows with every change of either */
	long long version;
	/* the hash of the signature its last merge event names, or NULL */
	const char *merged_into;
};

/* An occurrence (present) or a counted clean run (absent) of an issue. */
struct db_kcidb_incident {
	const char *hash; /* the signature's */
	long long version; /* its issue version now */
	const char *test_id; /* runs.kcidb_test_id */
	long long seq; /* present: the report's index in its run */
	bool present;
};

typedef int (*db_kcidb_issue_fn)(void *ctx, const struct db_kcidb_issue *i);
typedef int (*db_kcidb_incident_fn)(void *ctx,
				    const struct db_kcidb_incident *i);

/*
 * Every signature first seen at or after since, or whose status or merge
 * changed then (since < 0: every one), in id order.  0 or -errno.
 */
int db_kcidb_issues(struct db *db, long long since, db_kcidb_issue_fn fn,
		    void *ctx, struct strbuf *err);
/*
 * The present incidents (occurrences stored at or after since in runs
 * with a KCIDB test id), or the absent ones (clean runs received at or
 * after since, with a KCIDB test id, that counted toward the fix of a
 * regression: one per signature of that regression).  0 or -errno.
 */
int db_kcidb_incidents(struct db *db, long long since, bool present,
		       db_kcidb_incident_fn fn, void *ctx, struct strbuf *err);

#endif
