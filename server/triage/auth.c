// SPDX-License-Identifier: GPL-2.0
/* auth: token secrets, their hashes, roles and the bearer check. */
#include "server/triage/auth.h"

#include <errno.h>
#include <stdio.h>
#include <openssl/evp.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>

#include "db/tokens.h"

static const char *const role_names[] = {
	[AUTH_ANON] = "anonymous",  [AUTH_READ] = "reader", [AUTH_CI] = "ci",
	[AUTH_TRIAGER] = "triager", [AUTH_ADMIN] = "admin",
};

int auth_role_from_name(const char *name)
{
	int i;

	for (i = AUTH_CI; i <= AUTH_ADMIN; i++)
		if (name && !strcmp(name, role_names[i]))
			return i;
	return -1;
}

const char *auth_role_name(enum auth_role role)
{
	return role <= AUTH_ADMIN ? role_names[role] : "unknown";
}

bool auth_allows(enum auth_role have, enum auth_role need)
{
	if (need <= AUTH_ANON)
		return true;
	if (need == AUTH_READ)
		return have >= AUTH_READ;
	return have == need || have == AUTH_ADMIN;
}

static void hex(const unsigned char *in, size_t n, char *out)
{
	static const char digits[] = "0123456789abcdef";
	size_t i;

	for (i = 0; i < n; i++) {
		out[2 * i] = digits[in[i] >> 4];
		out[2 * i + 1] = digits[in[i] & 15];
	}
	out[2 * n] = '\0';
}

void auth_hash(const char *secret, char *out)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int n = 0;

	EVP_Digest(secret, strlen(secret), md, &n, EVP_sha256(), NULL);
	hex(md, 32, out);
}

int auth_secret_new(struct strbuf *out, struct strbuf *err)
{
	unsigned char raw[20];
	char text[2 * sizeof(raw) + 1];
	size_t got = 0;
	ssize_t n;

	while (got < sizeof(raw)) {
		n = getrandom(raw + got, sizeof(raw) - got, 0);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			strbuf_addf(err, "getrandom: %s", strerror(errno));
			return -errno;
		}
		got += (size_t)n;
	}
	hex(raw, sizeof(raw), text);
	strbuf_addstr(out, "splatd_");
	strbuf_addstr(out, text);
	return 0;
}

bool auth_name_valid(const char *name)
{
	size_t n = strlen(name);

	return n > 0 && n <= AUTH_NAME_MAX &&
	       strspn(name, "abcdefghijklmnopqrstuvwxyz"
			    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == n;
}

static int copy_identity(void *ctx, const struct db_token *t)
{
	struct auth_identity *id = ctx;
	int role = auth_role_from_name(t->role);

	if (t->revoked_at)
		return -EACCES;
	id->role = role < 0 ? AUTH_ANON : (enum auth_role)role;
	snprintf(id->name, sizeof(id->name), "%s", t->name);
	return 0;
}

bool auth_is_bearer(const char *header)
{
	return header && !strncasecmp(header, "Bearer ", 7);
}

int auth_check(struct db *db, const char *header, struct auth_identity *id,
	       struct strbuf *err)
{
	char hash[AUTH_HASH_HEX + 1];
	int ret;

	id->role = AUTH_ANON;
	id->name[0] = '\0';
	if (!auth_is_bearer(header))
		return -ENOENT;
	header += 7;
	while (*header == ' ')
		header++;
	if (!*header || strlen(header) > 256)
		return -ENOENT;
	auth_hash(header, hash);
	ret = db_token_find(db, hash, copy_identity, id, err);
	if (ret) {
		id->role = AUTH_ANON;
		id->name[0] = '\0';
	}
	return ret;
}
