// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for db/walvfs.c on a real SQLite file: every commit is in the
 * WAL file when COMMIT returns (whole frames, the last one a commit frame)
 * and visible to a connection on the default VFS; transactions larger than
 * the buffer; a write that fails fails the commit and loses nothing else; a
 * writer killed with SIGKILL loses no commit it reported.
 */
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>
#include <sqlite3.h>

#include "db/walvfs.h"

#define PAGE 4096
#define FRAME (24 + PAGE)
#define WAL_HDR 32

struct fixture {
	char dir[64], path[96], wal[100];
	sqlite3 *a; /* walvfs */
	sqlite3 *b; /* the default VFS */
};

static void exec_ok(sqlite3 *sq, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(sq, sql, NULL, NULL, &msg);

	if (rc != SQLITE_OK)
		fail_msg("%s: %s", sql, msg ? msg : sqlite3_errstr(rc));
}

static sqlite3 *open_db(const char *path, const char *vfs)
{
	sqlite3 *sq = NULL;

	assert_int_equal(sqlite3_open_v2(path, &sq,
					 SQLITE_OPEN_READWRITE |
						 SQLITE_OPEN_CREATE,
					 vfs),
			 SQLITE_OK);
	sqlite3_busy_timeout(sq, 5000);
	exec_ok(sq, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL;"
		    "PRAGMA wal_autocheckpoint = 0;");
	return sq;
}

static long long query_ll(sqlite3 *sq, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v;

	assert_int_equal(sqlite3_prepare_v2(sq, sql, -1, &st, NULL), SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void assert_intact(sqlite3 *sq)
{
	sqlite3_stmt *st = NULL;

	assert_int_equal(sqlite3_prepare_v2(sq, "PRAGMA integrity_check", -1,
					    &st, NULL),
			 SQLITE_OK);
	assert_int_equal(sqlite3_step(st), SQLITE_ROW);
	assert_string_equal((const char *)sqlite3_column_text(st, 0), "ok");
	sqlite3_finalize(st);
}

/* One row of n bytes in its own transaction; the COMMIT's result code. */
static int insert_blob(sqlite3 *sq, long long id, int n)
{
	sqlite3_stmt *st = NULL;
	char *blob = malloc(n ? (size_t)n : 1);
	int rc;

	memset(blob, (int)(id & 0xff), n ? (size_t)n : 1);
	exec_ok(sq, "BEGIN IMMEDIATE");
	assert_int_equal(sqlite3_prepare_v2(sq,
					    "INSERT INTO t(id, v) VALUES(?, ?)",
					    -1, &st, NULL),
			 SQLITE_OK);
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_blob(st, 2, blob, n, SQLITE_TRANSIENT);
	assert_int_equal(sqlite3_step(st), SQLITE_DONE);
	sqlite3_finalize(st);
	free(blob);
	rc = sqlite3_exec(sq, "COMMIT", NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		sqlite3_exec(sq, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	assert_non_null(walvfs_name());
	snprintf(f->dir, sizeof(f->dir), "/tmp/splatd-walvfs-XXXXXX");
	if (!mkdtemp(f->dir))
		return -1;
	snprintf(f->path, sizeof(f->path), "%s/t.db", f->dir);
	snprintf(f->wal, sizeof(f->wal), "%s-wal", f->path);
	f->a = open_db(f->path, walvfs_name());
	exec_ok(f->a, "PRAGMA page_size = 4096;"
		      "CREATE TABLE t(id INTEGER PRIMARY KEY, v BLOB)");
	f->b = open_db(f->path, NULL);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[128];

	sqlite3_close(f->a);
	sqlite3_close(f->b);
	snprintf(cmd, sizeof(cmd), "rm -rf %s", f->dir);
	if (system(cmd))
		return -1;
	free(f);
	return 0;
}

/* The WAL holds whole frames and the last one is a commit frame. */
static void assert_wal_ends_in_commit(const char *wal)
{
	unsigned char hdr[24];
	struct stat st;
	FILE *fp;

	assert_int_equal(stat(wal, &st), 0);
	assert_true(st.st_size > WAL_HDR);
	assert_int_equal((st.st_size - WAL_HDR) % FRAME, 0);
	fp = fopen(wal, "rb");
	assert_non_null(fp);
	assert_int_equal(fseek(fp, (long)(st.st_size - FRAME), SEEK_SET), 0);
	assert_int_equal(fread(hdr, 1, sizeof(hdr), fp), sizeof(hdr));
	fclose(fp);
	assert_true(hdr[4] | hdr[5] | hdr[6] | hdr[7]);
}

static void walvfs__every_commit_is_in_the_file(void **state)
{
	struct fixture *f = *state;
	long long bytes = 0, id;
	int n;

	srand(6641);
	for (id = 1; id <= 300; id++) {
		n = id % 7 ? rand() % 3000 : rand() % 40000; /* 1 to 11 pages */
		assert_int_equal(insert_blob(f->a, id, n), SQLITE_OK);
		bytes += n;
		assert_wal_ends_in_commit(f->wal);
		assert_int_equal(query_ll(f->b, "SELECT count(*) FROM t"), id);
		assert_int_equal(query_ll(f->b,
					  "SELECT total(length(v)) FROM t"),
				 bytes);
	}
	assert_intact(f->b);
	assert_intact(f->a);
}

static void walvfs__transactions_larger_than_the_buffer(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(insert_blob(f->a, 1, 3 * 1024 * 1024), SQLITE_OK);
	assert_int_equal(insert_blob(f->a, 2, 100), SQLITE_OK);
	assert_wal_ends_in_commit(f->wal);
	assert_int_equal(query_ll(f->b, "SELECT total(length(v)) FROM t"),
			 3 * 1024 * 1024 + 100);
	/* a checkpoint from the other connection copies it all back */
	exec_ok(f->b, "PRAGMA wal_checkpoint(TRUNCATE)");
	assert_int_equal(insert_blob(f->a, 3, 5000), SQLITE_OK);
	assert_int_equal(query_ll(f->b, "SELECT count(*) FROM t"), 3);
	assert_intact(f->b);
}

static void walvfs__a_failed_write_fails_the_commit(void **state)
{
	struct fixture *f = *state;
	struct rlimit old, lim;
	struct stat st;
	int rc;

	assert_int_equal(insert_blob(f->a, 1, 1000), SQLITE_OK);
	assert_int_equal(stat(f->wal, &st), 0);
	/* the file may grow by two frames: the next commit needs ten */
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	lim = old;
	lim.rlim_cur = (rlim_t)st.st_size + 2 * FRAME;
	signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &lim), 0);
	rc = insert_blob(f->a, 2, 9 * PAGE);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, SIG_DFL);
	assert_int_not_equal(rc, SQLITE_OK);
	/* nothing of it is visible, the first row is, the file is sound */
	assert_int_equal(query_ll(f->b, "SELECT count(*) FROM t"), 1);
	assert_int_equal(query_ll(f->a, "SELECT count(*) FROM t"), 1);
	assert_intact(f->b);
	/* and the connection goes on */
	assert_int_equal(insert_blob(f->a, 3, 9 * PAGE), SQLITE_OK);
	assert_wal_ends_in_commit(f->wal);
	assert_int_equal(query_ll(f->b, "SELECT count(*) FROM t"), 2);
	assert_intact(f->b);
}

static void walvfs__sigkill_loses_no_reported_commit(void **state)
{
	struct fixture *f = *state;
	long long reported = 0, v;
	int fds[2], status;
	pid_t pid;
	sqlite3 *c;

	/* no connection may cross a fork: SQLite keeps per-process lock state */
	sqlite3_close(f->a);
	sqlite3_close(f->b);
	f->a = f->b = NULL;
	assert_int_equal(pipe(fds), 0);
	pid = fork();
	assert_true(pid >= 0);
	if (!pid) {
		sqlite3 *w = open_db(f->path, walvfs_name());
		long long id;

		close(fds[0]);
		for (id = 1;; id++) {
			if (insert_blob(w, id, (int)(id % 5) * 3000) !=
			    SQLITE_OK)
				_exit(1);
			if (write(fds[1], &id, sizeof(id)) != sizeof(id))
				_exit(1);
		}
	}
	close(fds[1]);
	while (reported < 400 &&
	       read(fds[0], &v, sizeof(v)) == (ssize_t)sizeof(v))
		reported = v;
	kill(pid, SIGKILL);
	while (read(fds[0], &v, sizeof(v)) == (ssize_t)sizeof(v))
		reported = v;
	close(fds[0]);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	c = open_db(f->path, NULL);
	v = query_ll(c, "SELECT count(*) FROM t");
	assert_true(v >= reported);
	assert_true(v <= reported + 1); /* at most the one not yet reported */
	assert_int_equal(query_ll(c, "SELECT max(id) FROM t"), v);
	assert_intact(c);
	sqlite3_close(c);
}

#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
	const struct CMUnitTest tests[] = {
		T(walvfs__every_commit_is_in_the_file),
		T(walvfs__transactions_larger_than_the_buffer),
		T(walvfs__a_failed_write_fails_the_commit),
		T(walvfs__sigkill_loses_no_reported_commit),
	};

	return cmocka_run_group_tests_name("walvfs", tests, NULL, NULL);
}
