/* SPDX-License-Identifier: GPL-2.0 */
/*
 * auth: bearer tokens and roles.  A token is "splatd_" + 40 random hex
 * digits; only its sha256 is stored.  Roles: ci (ingest), triager (statuses,
 * merges), admin (everything).
 */
#ifndef SPLATD_AUTH_H
#define SPLATD_AUTH_H

#include <stdbool.h>

#include "db/db.h"
#include "parsers/strbuf.h"

#define AUTH_HASH_HEX 64
#define AUTH_NAME_MAX 64

enum auth_role {
	AUTH_ANON, /* no token: reads when the server is public */
	AUTH_READ, /* any valid token: reads when the server is private */
	AUTH_CI,
	AUTH_TRIAGER,
	AUTH_ADMIN,
};

/* The identity behind a request: role and token name ("" when none). */
struct auth_identity {
	enum auth_role role;
	char name[AUTH_NAME_MAX + 1];
};

/* "ci", "triager", "admin" -> role; -1 for anything else. */
int auth_role_from_name(const char *name);
const char *auth_role_name(enum auth_role role);
/* Whether a caller with role have may use a route that needs role need. */
bool auth_allows(enum auth_role have, enum auth_role need);

/* Hex sha256 of secret into out[AUTH_HASH_HEX + 1]. */
void auth_hash(const char *secret, char *out);
/* A new random secret appended to out; 0 or -errno. */
int auth_secret_new(struct strbuf *out, struct strbuf *err);
/* A token name must be 1..64 characters of [A-Za-z0-9._-]. */
bool auth_name_valid(const char *name);

/* Whether an Authorization header value is a bearer token at all. */
bool auth_is_bearer(const char *header);
/*
 * Resolve an Authorization header value: 0 with id filled, -ENOENT when
 * the header is not "Bearer <token>" or names no active token (-EACCES when
 * revoked), or another -errno on database errors.
 */
int auth_check(struct db *db, const char *header, struct auth_identity *id,
	       struct strbuf *err);

#endif
