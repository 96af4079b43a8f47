/* SPDX-License-Identifier: GPL-2.0 */
/*
 * roles: the once-per-service jobs of several `splatd serve` on one database
 * (the git sync, the mail sender, the function indexer, ...) run on one
 * instance at a time.  A role is a lease: on PostgreSQL a session advisory
 * lock held by a connection of its own (one per process), released by the
 * server when the process dies, so another instance takes the role at its
 * next try (within one of its poll intervals).  On SQLite there is one
 * instance: every role is granted.  docs/deploy.md.
 */
#ifndef SPLATD_DB_ROLES_H
#define SPLATD_DB_ROLES_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/strbuf.h"

/*
 * Whether this process holds role on the database at db_path, taking it
 * when no other process holds it.  Called by the job's loop before each
 * pass; a lost connection loses every role until it is taken again.
 * Thread-safe; the first db_path used is the one for the process.
 */
bool db_role_try(const char *db_path, const char *role);

/* fn(ctx, role, held) for every role this process has asked for. */
void db_roles_each(void (*fn)(void *ctx, const char *role, bool held),
		   void *ctx);

/* Close the roles' connection (the roles are released). */
void db_roles_close(void);

/*
 * One `splatd serve` per SQLite file: an exclusive flock(2) on the file,
 * held until the process exits (SQLite's own locks are fcntl(2) ones and
 * do not meet it).  -EBUSY, with the reason in err, when another process
 * holds it.  On PostgreSQL 0 at once: instances share it (the roles above).
 */
int db_instance_claim(const char *db_path, struct strbuf *err);

#endif
