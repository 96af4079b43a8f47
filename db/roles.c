// SPDX-License-Identifier: GPL-2.0
/* roles: one instance at a time for each once-per-service job. */
#include "db/roles.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <time.h>
#include <unistd.h>

#include "db/db.h"
#include "parsers/alloc.h"

/* pg_try_advisory_lock(int, int)'s first key: 'splt' */
#define ROLE_LOCK_CLASS 0x73706c74

enum { MAX_ROLES = 16 };

static struct {
	pthread_mutex_t lock;
	struct db *db; /* the roles' own connection */
	char *path;
	const char *name[MAX_ROLES]; /* roles asked for, in order */
	bool held[MAX_ROLES];
	size_t n;
	time_t retry; /* no reconnect before this after a failure */
} roles = { .lock = PTHREAD_MUTEX_INITIALIZER };

/* FNV-1a of the role's name, as a positive int4 */
static long long role_key(const char *role)
{
	unsigned h = 2166136261u;

	for (; *role; role++)
		h = (h ^ (unsigned char)*role) * 16777619u;
	return h & 0x7fffffff;
}

static size_t role_slot(const char *role)
{
	size_t i;

	for (i = 0; i < roles.n; i++)
		if (!strcmp(roles.name[i], role))
			return i;
	if (roles.n == MAX_ROLES)
		return MAX_ROLES;
	roles.name[roles.n] = xstrdup(role);
	roles.held[roles.n] = false;
	return roles.n++;
}

/* Drop the connection: its locks went with it (or go now). */
static void roles_lost(void)
{
	size_t i;

	db_close(roles.db);
	roles.db = NULL;
	for (i = 0; i < roles.n; i++)
		roles.held[i] = false;
}

bool db_role_try(const char *db_path, const char *role)
{
	struct strbuf err = STRBUF_INIT;
	struct db_stmt *st;
	bool held = false;
	size_t i;

	pthread_mutex_lock(&roles.lock);
	if (!roles.path)
		roles.path = xstrdup(db_path);
	i = role_slot(role);
	if (i == MAX_ROLES)
		goto out;
	if (!roles.db && time(NULL) >= roles.retry &&
	    db_open(&roles.db, roles.path, &err)) {
		fprintf(stderr, "splatd: roles: %s\n", err.buf);
		roles.db = NULL;
		roles.retry = time(NULL) + 1;
	}
	if (!roles.db)
		goto out;
	st = db_stmt(roles.db, DB_SQL_ROLE_TRY, &err);
	if (st) {
		db_bind_int(st, 1, ROLE_LOCK_CLASS);
		db_bind_int(st, 2, role_key(role));
	}
	if (!st || db_step(st) != DB_ROW) {
		if (st)
			db_fail(roles.db, "role", &err);
		fprintf(stderr, "splatd: roles: %s: %s\n", role, err.buf);
		roles_lost();
		goto out;
	}
	held = db_col_int(st, 0) == 1;
	db_reset(st);
	db_idle(roles.db);
	if (held != roles.held[i])
		fprintf(stderr, "splatd: role %s %s\n", role,
			held ? "taken" : "lost");
	roles.held[i] = held;
out:
	pthread_mutex_unlock(&roles.lock);
	strbuf_release(&err);
	return held;
}

void db_roles_each(void (*fn)(void *ctx, const char *role, bool held),
		   void *ctx)
{
	size_t i;

	pthread_mutex_lock(&roles.lock);
	for (i = 0; i < roles.n; i++)
		fn(ctx, roles.name[i], roles.held[i]);
	pthread_mutex_unlock(&roles.lock);
}

void db_roles_close(void)
{
	size_t i;

	pthread_mutex_lock(&roles.lock);
	roles_lost();
	for (i = 0; i < roles.n; i++)
		free((char *)roles.name[i]);
	roles.n = 0;
	free(roles.path);
	roles.path = NULL;
	pthread_mutex_unlock(&roles.lock);
}

int db_instance_claim(const char *db_path, struct strbuf *err)
{
	static int fd = -1; /* held, never closed: the claim is the process's */
	int ret;

	if (db_path_is_postgres(db_path) || fd >= 0)
		return 0;
	if (!strncmp(db_path, "sqlite:", 7))
		db_path += 7;
	fd = open(db_path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		ret = -errno;
		strbuf_addf(err, "%s: %s", db_path, strerror(-ret));
		return ret;
	}
	if (!flock(fd, LOCK_EX | LOCK_NB))
		return 0;
	ret = errno == EWOULDBLOCK ? -EBUSY : -errno;
	if (ret == -EBUSY)
		strbuf_addf(err,
			    "%s is in use by another splatd serve: one instance"
			    " per SQLite file (its background jobs would run"
			    " twice); several instances share a PostgreSQL"
			    " database (docs/deploy.md)",
			    db_path);
	else
		strbuf_addf(err, "%s: locking: %s", db_path, strerror(-ret));
	close(fd);
	fd = -1;
	return ret;
}
