// SPDX-License-Identifier: GPL-2.0
/*
 * open: db_open(), which picks the backend from the --db value, opens it
 * with splatd's settings (SQLite's pragmas, PostgreSQL's session) and
 * migrates the schema (db/migrate.c); db/db.c does the rest.
 */
#include "db/db.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db/migrate.h"
#include "db/pg.h"
#include "db/walvfs.h"

/* Create every missing directory above path ("var/splatd.db" -> "var"). */
static int make_parent_dirs(const char *path, struct strbuf *err)
{
	struct strbuf dir = STRBUF_INIT;
	size_t i;
	int ret = 0;

	strbuf_addstr(&dir, path);
	for (i = 1; i < dir.len; i++) {
		if (dir.buf[i] != '/')
			continue;
		dir.buf[i] = '\0';
		if (mkdir(dir.buf, 0755) && errno != EEXIST) {
			ret = -errno;
			strbuf_addf(err, "creating %s: %s", dir.buf,
				    strerror(errno));
			goto out;
		}
		dir.buf[i] = '/';
	}
out:
	strbuf_release(&dir);
	return ret;
}

static const char pragmas[] = "PRAGMA journal_mode = WAL;"
			      "PRAGMA synchronous = NORMAL;"
			      "PRAGMA foreign_keys = ON;"
			      "PRAGMA temp_store = MEMORY;"
			      "PRAGMA cache_size = -8192;";

bool db_path_is_postgres(const char *path)
{
	return pg_is_conninfo(path);
}

void db_path_describe(struct strbuf *out, const char *path)
{
	pg_describe(out, path);
}

static int open_postgres(struct db **out, const char *conninfo,
			 struct strbuf *err)
{
	struct db *db = calloc(1, sizeof(*db));
	int ret;

	if (!db)
		return -ENOMEM;
	ret = pg_new(&db->pg, conninfo, err);
	if (!ret)
		ret = migrate_apply_pg(db, err);
	if (ret) {
		db_close(db);
		return ret;
	}
	*out = db;
	return 0;
}

int db_sqlite_open(struct db **out, const char *path, int flags,
		   struct strbuf *err)
{
	struct db *db = calloc(1, sizeof(*db));

	*out = NULL;
	if (!db)
		return -ENOMEM;
	if (sqlite3_open_v2(path, &db->sq,
			    SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX | flags,
			    walvfs_name()) != SQLITE_OK) {
		strbuf_addf(err, "opening %s: %s", path,
			    db->sq ? sqlite3_errmsg(db->sq) : "out of memory");
		/* "unable to open database file" alone hides why */
		if (db->sq && sqlite3_system_errno(db->sq))
			strbuf_addf(err, " (%s)",
				    strerror(sqlite3_system_errno(db->sq)));
		db_close(db);
		return -EIO;
	}
	sqlite3_busy_timeout(db->sq, 10000);
	*out = db;
	return 0;
}

int db_open(struct db **out, const char *path, struct strbuf *err)
{
	struct db *db = NULL;
	char *msg = NULL;
	int ret;

	*out = NULL;
	if (db_path_is_postgres(path))
		return open_postgres(out, path, err);
	if (!strncmp(path, "sqlite:", 7))
		path += 7;
	ret = make_parent_dirs(path, err);
	if (ret)
		return ret;
	ret = db_sqlite_open(&db, path, SQLITE_OPEN_CREATE, err);
	if (ret)
		return ret;
	if (sqlite3_exec(db->sq, pragmas, NULL, NULL, &msg) != SQLITE_OK) {
		strbuf_addf(err, "%s: %s", path,
			    msg ? msg : sqlite3_errmsg(db->sq));
		ret = -EIO;
		goto fail;
	}
	ret = migrate_apply(db->sq, err);
	if (ret)
		goto fail;
	*out = db;
	return 0;
fail:
	sqlite3_free(msg);
	db_close(db);
	return ret;
}

int db_sqlite_open_splatd(struct db **out, const char *path, struct strbuf *err)
{
	struct db *db = NULL;
	long long version = 0;
	struct stat st;
	int ret;

	*out = NULL;
	if (!strncmp(path, "sqlite:", 7))
		path += 7;
	if (stat(path, &st)) {
		ret = -errno;
		if (ret == -ENOENT)
			strbuf_addf(err, "no database at %s (is --db right?)",
				    path);
		else
			strbuf_addf(err, "%s: %s", path, strerror(-ret));
		return ret;
	}
	ret = db_sqlite_open(&db, path, 0, err);
	if (ret)
		return ret;
	/* a 0-byte file is a database to SQLite, with version 0; its WAL
	 * (a new file not yet checkpointed) is read for it */
	ret = db_scalar(db, DB_SQL_USER_VERSION, &version, err);
	if (!ret && version <= 0) {
		strbuf_addf(err,
			    "%s is not a splatd database (%s; is --db right?)",
			    path, st.st_size ? "no schema version" : "0 bytes");
		ret = -EINVAL;
	}
	if (ret) {
		db_close(db);
		return ret;
	}
	*out = db;
	return 0;
}

int db_open_existing(struct db **out, const char *path, struct strbuf *err)
{
	struct db *db = NULL;
	int ret;

	*out = NULL;
	if (db_path_is_postgres(path))
		return db_open(out, path, err);
	ret = db_sqlite_open_splatd(&db, path, err);
	db_close(db);
	return ret ? ret : db_open(out, path, err);
}
