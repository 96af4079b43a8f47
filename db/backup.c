// SPDX-License-Identifier: GPL-2.0
/* backup: online backup and integrity check of a database (see backup.h). */
#include "db/backup.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "db/db.h"
#include "parsers/alloc.h"

/* Pages copied per sqlite3_backup_step(): small, so memory stays small. */
#define BACKUP_STEP_PAGES 256

/*
 * Open an existing splatd database without creating, migrating or setting
 * pragmas (a struct db with no statement prepared yet): SQLite's only.
 */
static int open_existing(struct db **out, const char *path, struct strbuf *err)
{
	*out = NULL;
	if (db_path_is_postgres(path)) {
		strbuf_addstr(err,
			      "db backup and db check are SQLite's: on"
			      " PostgreSQL use pg_dump (or a streaming"
			      " replica) and pg_amcheck (docs/storage.md)");
		return -ENOTSUP;
	}
	return db_sqlite_open_splatd(out, path, err);
}

/* fsync the file at path (the backup) or directory holding it. */
static int sync_path(const char *path, int flags, struct strbuf *err)
{
	int fd = open(path, flags | O_CLOEXEC);
	int ret = 0;

	if (fd < 0 || fsync(fd))
		ret = -errno;
	if (ret)
		strbuf_addf(err, "syncing %s: %s", path, strerror(-ret));
	if (fd >= 0)
		close(fd);
	return ret;
}

/* The directory of path ("." when it has none), into dir. */
static void dir_of(const char *path, struct strbuf *dir)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		strbuf_addstr(dir, ".");
	else if (slash == path)
		strbuf_addstr(dir, "/");
	else
		strbuf_add(dir, path, (size_t)(slash - path));
}

/* Copy src's snapshot into the empty file tmp, step by step. */
static int copy_into(struct db *src, const char *tmp, long long *pages,
		     struct strbuf *err)
{
	sqlite3_backup *b = NULL;
	sqlite3 *dst = NULL;
	int rc, ret = 0;

	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE, NULL) !=
	    SQLITE_OK) {
		strbuf_addf(err, "opening %s: %s", tmp,
			    dst ? sqlite3_errmsg(dst) : "out of memory");
		ret = -EIO;
		goto out;
	}
	b = sqlite3_backup_init(dst, "main", src->sq, "main");
	if (!b) {
		strbuf_addf(err, "backup: %s", sqlite3_errmsg(dst));
		ret = -EIO;
		goto out;
	}
	do {
		rc = sqlite3_backup_step(b, BACKUP_STEP_PAGES);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			usleep(10000);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
	*pages = sqlite3_backup_pagecount(b);
	rc = sqlite3_backup_finish(b);
	if (rc != SQLITE_OK) {
		strbuf_addf(err, "backup: %s", sqlite3_errstr(rc));
		ret = rc == SQLITE_NOMEM ? -ENOMEM : -EIO;
	}
out:
	if (dst && sqlite3_close(dst) != SQLITE_OK && !ret) {
		strbuf_addf(err, "closing %s: %s", tmp, sqlite3_errmsg(dst));
		ret = -EIO;
	}
	return ret;
}

/* Whether file a is file b (or, b missing, never). */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	return !stat(a, &sa) && !stat(b, &sb) && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/*
 * A backup written over the database it copies, or over its WAL or
 * shared-memory file (or its dest.tmp over one), would replace the live
 * file under a running server: refused before anything is written.
 */
static int not_the_database(const char *path, const char *dest, const char *tmp,
			    struct strbuf *err)
{
	static const char *const sides[] = { "", "-wal", "-shm", "-journal" };
	struct strbuf f = STRBUF_INIT;
	size_t i;
	int ret = 0;

	if (!strncmp(path, "sqlite:", 7))
		path += 7;
	for (i = 0; i < ARRAY_SIZE(sides) && !ret; i++) {
		strbuf_reset(&f);
		strbuf_addf(&f, "%s%s", path, sides[i]);
		if (same_file(dest, f.buf) || same_file(tmp, f.buf)) {
			strbuf_addf(err,
				    "%s is the database %s%s: a backup goes to"
				    " another file",
				    same_file(dest, f.buf) ? dest : tmp, path,
				    *sides[i] ? " (its WAL or shared memory)" :
						"");
			ret = -EINVAL;
		}
	}
	strbuf_release(&f);
	return ret;
}

struct check_ctx {
	struct strbuf *problems;
	long long count;
};

/*
 * A row of integrity_check: "ok", or problems, several in one row after a
 * "*** in database main ***" line: one "integrity: " line each.
 */
static int integrity_row(void *arg, struct db_stmt *st)
{
	struct check_ctx *c = arg;
	const char *msg = db_col_text(st, 0), *p, *nl;
	size_t n;

	if (msg && !strcmp(msg, "ok"))
		return 0;
	for (p = msg ? msg : "(null)"; *p; p = nl + !!*nl) {
		nl = strchrnul(p, '\n');
		n = (size_t)(nl - p);
		if (!n || !strncmp(p, "*** in database ", 16))
			continue;
		strbuf_addf(c->problems, "integrity: %.*s\n", (int)n, p);
		c->count++;
	}
	return 0;
}

/*
 * The copy at tmp is damaged when the database was (a backup copies pages
 * as they are): SQLite's integrity check of it, and -EIO with err naming
 * path and the first problem when it finds any or gives up on the file.
 * Read from the copy, so the live database's read transaction is not held
 * longer.
 */
static int check_copy(const char *path, const char *tmp, struct strbuf *err)
{
	struct strbuf problems = STRBUF_INIT, why = STRBUF_INIT;
	struct check_ctx c = { &problems, 0 };
	struct db *db = NULL;
	struct db_stmt *st;
	int ret;

	if (!strncmp(path, "sqlite:", 7))
		path += 7;
	ret = db_sqlite_open(&db, tmp, 0, err);
	if (ret)
		goto out;
	st = db_stmt(db, DB_SQL_INTEGRITY_CHECK, &why);
	ret = st ? db_each(db, st, integrity_row, &c, "integrity_check", &why) :
		   -EIO;
	if (!ret && !c.count)
		goto out;
	strbuf_addf(err, "%s is damaged: ", path);
	if (c.count) {
		/* the first "integrity: ...\n" line, without its label */
		strbuf_add(err, problems.buf + 11,
			   strcspn(problems.buf + 11, "\n"));
		strbuf_addf(err, " (%lld problem%s)", c.count,
			    c.count == 1 ? "" : "s");
	} else {
		strbuf_add(err, why.buf, why.len);
	}
	strbuf_addf(err,
		    "; no backup written (splatd db check --db %s lists"
		    " what is wrong; docs/operating.md \"Restore\")",
		    path);
	ret = -EIO;
out:
	db_close(db);
	strbuf_release(&why);
	strbuf_release(&problems);
	return ret;
}

int db_backup(const char *path, const char *dest, long long *pages,
	      struct strbuf *err)
{
	struct strbuf tmp = STRBUF_INIT, dir = STRBUF_INIT;
	struct db *src = NULL;
	bool created = false;
	int fd, ret;

	*pages = 0;
	strbuf_addf(&tmp, "%s.tmp", dest);
	dir_of(dest, &dir);
	ret = open_existing(&src, path, err);
	if (!ret)
		ret = not_the_database(path, dest, tmp.buf, err);
	if (ret)
		goto out;
	/* a stale dest.tmp is an earlier backup that did not finish */
	if (unlink(tmp.buf) && errno != ENOENT) {
		ret = -errno;
		strbuf_addf(err, "%s: %s", tmp.buf, strerror(errno));
		goto out;
	}
	fd = open(tmp.buf, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0) {
		ret = -errno;
		strbuf_addf(err, "%s: %s", tmp.buf, strerror(errno));
		goto out;
	}
	close(fd);
	created = true;
	ret = db_read_begin(src, err);
	if (!ret)
		ret = copy_into(src, tmp.buf, pages, err);
	db_rollback(src);
	if (!ret)
		ret = check_copy(path, tmp.buf, err);
	if (!ret)
		ret = sync_path(tmp.buf, O_RDONLY, err);
	if (!ret && rename(tmp.buf, dest)) {
		ret = -errno;
		strbuf_addf(err, "renaming %s to %s: %s", tmp.buf, dest,
			    strerror(errno));
	}
	if (!ret) {
		created = false;
		ret = sync_path(dir.buf, O_RDONLY | O_DIRECTORY, err);
	}
out:
	if (created)
		unlink(tmp.buf);
	db_close(src);
	strbuf_release(&dir);
	strbuf_release(&tmp);
	return ret;
}

static int foreign_key_row(void *arg, struct db_stmt *st)
{
	struct check_ctx *c = arg;
	const char *table = db_col_text(st, 0), *parent = db_col_text(st, 2);

	strbuf_addf(c->problems, "foreign key: %s row %lld -> %s\n",
		    table ? table : "?", (long long)db_col_int(st, 1),
		    parent ? parent : "?");
	c->count++;
	return 0;
}

int db_check(const char *path, struct strbuf *problems, long long *count,
	     struct strbuf *err)
{
	struct check_ctx c = { problems, 0 };
	struct db *db = NULL;
	struct db_stmt *st;
	int ret;

	*count = 0;
	ret = open_existing(&db, path, err);
	if (ret)
		goto out;
	st = db_stmt(db, DB_SQL_INTEGRITY_CHECK, err);
	ret = st ? db_each(db, st, integrity_row, &c, "integrity_check", err) :
		   -EIO;
	if (ret)
		goto out;
	st = db_stmt(db, DB_SQL_FOREIGN_KEY_CHECK, err);
	ret = st ? db_each(db, st, foreign_key_row, &c, "foreign_key_check",
			   err) :
		   -EIO;
	*count = c.count;
out:
	db_close(db);
	return ret;
}
