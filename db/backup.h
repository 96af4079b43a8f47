/* SPDX-License-Identifier: GPL-2.0 */
/*
 * backup: a copy of a live splatd database (SQLite's online backup API) and
 * its integrity check, for `splatd db backup|check` (docs/operating.md).
 * Neither migrates nor otherwise writes the database it reads.  Both are
 * SQLite's: on a PostgreSQL --db they return -ENOTSUP, the err naming
 * PostgreSQL's own tools (pg_dump, pg_amcheck).
 */
#ifndef SPLATD_DB_BACKUP_H
#define SPLATD_DB_BACKUP_H

#include "parsers/strbuf.h"

/*
 * Copy the database at path to dest while others read and write it: the
 * copy is the consistent snapshot of the moment the backup began (one read
 * transaction held across small backup steps, so writers never wait and
 * the copy never restarts).  It is written to dest.tmp (mode 0600) and
 * renamed to dest once complete and synced, so dest is the old file or the
 * whole new one; a copy SQLite's integrity check finds damaged (the
 * database was) is no backup: -EIO, dest left as it was.  *pages gets the
 * pages copied.  0, or -errno with err:
 * -ENOENT when path is missing, -EINVAL when it is not a splatd database.
 */
int db_backup(const char *path, const char *dest, long long *pages,
	      struct strbuf *err);

/*
 * PRAGMA integrity_check and foreign_key_check on the database at path:
 * each problem found is one line appended to problems ("integrity: ...",
 * "foreign key: runs row 3 -> machines"), *count their number.  0 (even
 * with problems) or -errno with err when the checks could not run.
 */
int db_check(const char *path, struct strbuf *problems, long long *count,
	     struct strbuf *err);

#endif
