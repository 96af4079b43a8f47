/* SPDX-License-Identifier: GPL-2.0 */
/* tokens: API bearer tokens, stored as the sha256 of the secret only. */
#ifndef SPLATD_DB_TOKENS_H
#define SPLATD_DB_TOKENS_H

#include <stdbool.h>

#include "db/db.h"

struct db_token {
	long long id;
	const char *name, *role;
	long long created_at, revoked_at; /* revoked_at 0: active */
	const char *email; /* the address it is bound to (lower case), or NULL */
};

typedef int (*db_token_fn)(void *ctx, const struct db_token *t);

/* email: the address the token is bound to (lower case), or NULL for
 * none.  -EEXIST when the name is taken. */
int db_token_insert(struct db *db, const char *name, const char *role,
		    const char *hash, const char *email, long long now,
		    struct strbuf *err);
/* The token whose secret hashes to hash; -ENOENT when none. */
int db_token_find(struct db *db, const char *hash, db_token_fn fn, void *ctx,
		  struct strbuf *err);
int db_token_list(struct db *db, db_token_fn fn, void *ctx, struct strbuf *err);
/* -ENOENT when no active token has that name. */
int db_token_revoke(struct db *db, const char *name, long long now,
		    struct strbuf *err);

#endif
