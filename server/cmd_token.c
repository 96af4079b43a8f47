// SPDX-License-Identifier: GPL-2.0
/* cmd_token: `splatd token create|list|revoke`, API bearer tokens. */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db/tokens.h"
#include "parsers/alloc.h"
#include "parsers/compiler.h"
#include "server/http/api.h"
#include "server/triage/auth.h"
#include "server/mail/mailfmt.h"
#include "server/cmds.h"
#include "server/options.h"
#include "server/table.h"
#include "server/triage/view.h"

static const char token_usage[] =
	"usage: splatd token create --name NAME --role ci|triager|admin"
	" [--email ADDR]\n"
	"                           [--quiet] [--db PATH]\n"
	"       splatd token list [--json] [--db PATH]\n"
	"       splatd token revoke NAME [--db PATH]\n"
	"\n"
	"create prints the new secret once, alone on the last line (with\n"
	"--quiet, alone: TOKEN=$(splatd token create ... --quiet) && ...); only\n"
	"its sha256 is stored; a name in use is refused (exit 1).  list prints\n"
	"a table, or a JSON array with --json.  Roles: ci ingests runs; triager sets statuses and\n"
	"merges signatures; admin may do everything.  --email binds the token\n"
	"to an address (stored lower case): a reply mail from it may act with\n"
	"the token's role (docs/mail.md).\n";

static int add_token(void *ctx, const struct db_token *t)
{
	struct table *tab = ctx;
	char created[32], revoked[32];

	table_time(created, sizeof(created), t->created_at);
	table_time(revoked, sizeof(revoked), t->revoked_at);
	table_add(tab, t->name);
	table_add(tab, t->role);
	table_add(tab, created);
	table_add(tab, t->revoked_at ? "revoked" : "active");
	table_add(tab, revoked);
	table_add(tab, t->email);
	return 0;
}

static int add_token_json(void *ctx, const struct db_token *t)
{
	json_array_append_new(
		ctx, json_pack("{s:s, s:s, s:o, s:o, s:o}", "name", t->name,
			       "role", t->role, "created",
			       view_time(t->created_at), "revoked",
			       t->revoked_at ? view_time(t->revoked_at) :
					       json_null(),
			       "email", view_string(t->email)));
	return 0;
}

static int token_list(struct db *db, bool json, struct strbuf *err)
{
	static const char *const headers[] = { "NAME",	 "ROLE",    "CREATED",
					       "STATUS", "REVOKED", "EMAIL" };
	struct table tab;
	json_t *arr = json_array();
	int ret;

	table_init(&tab, ARRAY_SIZE(headers), headers);
	ret = json ? db_token_list(db, add_token_json, arr, err) :
		     db_token_list(db, add_token, &tab, err);
	if (!ret && json)
		table_print_json(arr);
	else if (!ret)
		table_print(&tab, stdout);
	table_release(&tab);
	json_decref(arr);
	return ret;
}

static int token_create(struct db *db, const char *name, const char *role,
			const char *email, bool quiet, struct strbuf *err)
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
	if (email && !mail_addr_given(email, &addr)) {
		strbuf_addstr(err,
			      "--email must be a mail address (local@domain)"
			      " without control characters");
		return -EINVAL;
	}
	ret = auth_secret_new(&secret, err);
	if (ret)
		goto out;
	auth_hash(secret.buf, hash);
	ret = db_token_insert(db, name, role, hash, email ? addr.buf : NULL,
			      (long long)time(NULL), err);
	if (ret == -EEXIST) {
		strbuf_reset(err);
		strbuf_addf(err,
			    "a token named '%s' already exists (splatd token"
			    " list shows it; a revoked one keeps its name):"
			    " no token was created, pick another --name",
			    name);
	}
	if (ret)
		goto out;
	if (quiet)
		printf("%s\n", secret.buf);
	else if (email)
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
	bool json = false, quiet = false;
	const char *sub = argc > 1 ? argv[1] : NULL;
	const struct options_row opts[] = {
		OPT_STRING("--db", &db_path),
		OPT_STRING("--name", &name),
		OPT_STRING("--role", &role),
		OPT_STRING("--email", &email),
		OPT_BOOL("--json", &json, true),
		OPT_BOOL("--quiet", &quiet, true),
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
	if (!strcmp(sub, "list") && name) { /* not ignored: a typo, say */
		fprintf(stderr, "splatd token list: unexpected '%s'\n", name);
		goto usage;
	}
	if ((json && strcmp(sub, "list")) || (quiet && strcmp(sub, "create"))) {
		fprintf(stderr, "splatd token %s: %s is for token %s only\n",
			sub, json ? "--json" : "--quiet",
			json ? "list" : "create");
		return 2;
	}
	ret = strcmp(sub, "create") ? db_open_existing(&db, db_path, &err) :
				      db_open(&db, db_path, &err);
	if (ret)
		goto out;
	if (!strcmp(sub, "create"))
		ret = token_create(db, name, role, email, quiet, &err);
	else if (!strcmp(sub, "list"))
		ret = token_list(db, json, &err);
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
