// SPDX-License-Identifier: GPL-2.0
/* cmd_token: `splatd token create|list|revoke`, API bearer tokens. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db/tokens.h"
#include "parsers/compiler.h"
#include "server/http/api.h"
#include "server/triage/auth.h"
#include "server/mail/mailfmt.h"
#include "server/cmds.h"
#include "server/options.h"

static const char token_usage[] =
	"usage: splatd token create --name NAME --role ci|triager|admin"
	" [--email ADDR]\n"
	"                           [--db PATH]\n"
	"       splatd token list [--db PATH]\n"
	"       splatd token revoke NAME [--db PATH]\n"
	"\n"
	"create prints the new secret once, alone on the last line; only its\n"
	"sha256 is stored.  Roles: ci ingests runs; triager sets statuses and\n"
	"merges signatures; admin may do everything.  --email binds the token\n"
	"to an address (stored lower case): a reply mail from it may act with\n"
	"the token's role (docs/mail.md).\n";

static int print_token(void *ctx UNUSED, const struct db_token *t)
{
	char created[32] = "-", revoked[32] = "-";
	time_t c = (time_t)t->created_at, r = (time_t)t->revoked_at;
	struct tm tm;

	if (gmtime_r(&c, &tm))
		strftime(created, sizeof(created), "%Y-%m-%dT%H:%M:%SZ", &tm);
	if (t->revoked_at && gmtime_r(&r, &tm))
		strftime(revoked, sizeof(revoked), "%Y-%m-%dT%H:%M:%SZ", &tm);
	printf("%-24s %-8s created %s  %s%s", t->name, t->role, created,
	       t->revoked_at ? "revoked " : "active",
	       t->revoked_at ? revoked : "");
	if (t->email)
		printf("  email %s", t->email);
	putchar('\n');
	return 0;
}

static int token_create(struct db *db, const char *name, const char *role,
			const char *email, struct strbuf *err)
{
	struct strbuf secret = STRBUF_INIT, addr = STRBUF_INIT;
	char hash[AUTH_HASH_HEX + 1];
	int ret;

	if (!name || !auth_name_valid(name)) {
		strbuf_addstr(err, "--name must be 1-64 characters of"
				   " [A-Za-z0-9._-]");
		return -EINVAL;
	}
	if (auth_role_from_name(role) < 0) {
		strbuf_addstr(err, "--role must be ci, triager or admin");
		return -EINVAL;
	}
	if (email && !mail_addr_parse(email, &addr)) {
		strbuf_addstr(err,
			      "--email must be a mail address (local@domain)");
		return -EINVAL;
	}
	ret = auth_secret_new(&secret, err);
	if (ret)
		goto out;
	auth_hash(secret.buf, hash);
	ret = db_token_insert(db, name, role, hash, email ? addr.buf : NULL,
			      (long long)time(NULL), err);
	if (ret)
		goto out;
	if (email)
		printf("token '%s' (%s) created for %s; it is shown only"
		       " once:\n%s\n",
		       name, role, addr.buf, secret.buf);
	else
		printf("token '%s' (%s) created; it is shown only once:\n%s\n",
		       name, role, secret.buf);
out:
	strbuf_release(&addr);
	strbuf_release(&secret);
	return ret;
}

int cmd_token(int argc, char **argv)
{
	const char *db_path = DB_DEFAULT_PATH, *name = NULL, *role = NULL;
	const char *email = NULL;
	const char *sub = argc > 1 ? argv[1] : NULL;
	const struct options_row opts[] = {
		OPT_STRING("--db", &db_path),
		OPT_STRING("--name", &name),
		OPT_STRING("--role", &role),
		OPT_STRING("--email", &email),
		OPT_END,
	};
	struct strbuf err = STRBUF_INIT;
	struct db *db = NULL;
	int i, ret;

	if (!sub || !strcmp(sub, "--help") || !strcmp(sub, "-h")) {
		fputs(token_usage, sub ? stdout : stderr);
		return sub ? 0 : 2;
	}
	/* --help after the subcommand is a usage error, as before */
	i = 2;
	if (options_parse_arg(opts, argc, argv, &i, &name))
		goto usage;
	if (strcmp(sub, "create") && strcmp(sub, "list") &&
	    strcmp(sub, "revoke"))
		goto usage;
	ret = db_open(&db, db_path, &err);
	if (ret)
		goto out;
	if (!strcmp(sub, "create"))
		ret = token_create(db, name, role, email, &err);
	else if (!strcmp(sub, "list"))
		ret = db_token_list(db, print_token, NULL, &err);
	else if (!name)
		ret = -EINVAL, strbuf_addstr(&err, "revoke needs a NAME");
	else
		ret = db_token_revoke(db, name, (long long)time(NULL), &err);
	if (!ret && !strcmp(sub, "revoke"))
		printf("token '%s' revoked\n", name);
out:
	if (ret)
		fprintf(stderr, "splatd token %s: %s\n", sub, err.buf);
	db_close(db);
	strbuf_release(&err);
	return ret ? 1 : 0;
usage:
	fputs(token_usage, stderr);
	return 2;
}
