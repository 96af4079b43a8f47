// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_subscription: `splatd subscription add|list|remove`, the subscriptions
 * of docs/mail.md from the command line: the same checks and the same JSON
 * objects as /api/v1/subscriptions (server/mail/subscriptions.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parsers/alloc.h"
#include "server/cmds.h"
#include "server/options.h"
#include "server/table.h"
#include "server/mail/subscriptions.h"

static const char subscription_usage[] =
	"usage: splatd subscription add EMAIL (--section NAME | --kind KIND |"
	" --tree NAME |\n"
	"                                      --signature ID|HASH | --all)"
	" [--weekly] [--json]\n"
	"       splatd subscription list [--email ADDR] [--json]\n"
	"       splatd subscription remove ID\n"
	"\n"
	"Every form takes --db PATH.  EMAIL gets a digest (daily, or weekly\n"
	"with --weekly) of the signatures in that MAINTAINERS section, of that\n"
	"lockdep kind, seen on that tree, of that one signature, or of all\n"
	"(--all, for a CI team's list), on top of what its owners get.\n"
	"Addresses are stored lower case; the actor is cli:$USER (the login name when USER is unset).\n";

static int print_row(void *ctx, const struct db_subscription *s)
{
	struct table *t = ctx;
	char created[32];

	table_time(created, sizeof(created), s->created);
	table_addf(t, "%lld", s->id);
	table_add(t, s->email);
	table_add(t, s->what);
	table_add(t, s->value);
	table_add(t, s->period);
	table_add(t, created);
	table_add(t, s->actor);
	return 0;
}

static int add_row(void *ctx, const struct db_subscription *s)
{
	json_array_append_new(ctx, subscription_json(s));
	return 0;
}

static int list(struct db *db, const char *email, bool json, struct strbuf *err)
{
	static const char *const headers[] = { "ID",	"EMAIL",  "WHAT",
					       "VALUE", "PERIOD", "CREATED",
					       "ACTOR" };
	json_t *arr = json_array();
	struct table t;
	int ret;

	table_init(&t, ARRAY_SIZE(headers), headers);
	if (json) {
		ret = subscription_list(db, email, add_row, arr, err);
		if (!ret)
			table_print_json(arr);
	} else {
		ret = subscription_list(db, email, print_row, &t, err);
		if (!ret)
			table_print(&t, stdout);
	}
	table_release(&t);
	json_decref(arr);
	return ret;
}

/* A subscription's target as the options gave it. */
struct target {
	const char *section, *kind, *tree, *signature;
	bool all;
};

/* The one target option given into r; else a usage error in err. */
static int target_of(const struct target *t, struct subscription_req *r,
		     struct strbuf *err)
{
	int n = !!t->section + !!t->kind + !!t->tree + !!t->signature + t->all;

	if (n != 1) {
		strbuf_addf(err,
			    "add needs %s of --section, --kind, --tree,"
			    " --signature or --all",
			    n ? "only one" : "one");
		return -EINVAL;
	}
	r->what = t->section   ? "section" :
		  t->kind      ? "kind" :
		  t->tree      ? "tree" :
		  t->signature ? "signature" :
				 "all";
	r->value = t->section ? t->section :
		   t->kind    ? t->kind :
		   t->tree    ? t->tree :
				t->signature;
	return 0;
}

static int add(struct db *db, struct subscription_req *r, bool json,
	       struct strbuf *err)
{
	struct strbuf actor = STRBUF_INIT;
	json_t *o = NULL;
	long long id;
	int ret;

	options_actor(&actor);
	r->actor = actor.buf;
	ret = subscription_add(db, r, (long long)time(NULL), &id, err);
	if (!ret)
		ret = subscription_get_json(db, id, &o, err);
	if (!ret && json) {
		json_dumpf(o, stdout, JSON_INDENT(2) | JSON_SORT_KEYS);
		putchar('\n');
	} else if (!ret)
		printf("subscription %lld: %s gets %s mail about %s%s%s\n", id,
		       json_string_value(json_object_get(o, "email")),
		       json_string_value(json_object_get(o, "period")), r->what,
		       *r->what == 'a' ? "" : " ",
		       json_string_value(json_object_get(o, "value")));
	json_decref(o);
	strbuf_release(&actor);
	return ret;
}

static int remove_id(struct db *db, const char *arg, struct strbuf *err)
{
	char *end;
	long long id;
	int ret;

	errno = 0;
	id = strtoll(arg, &end, 10);
	if (!*arg || *end || errno || id <= 0) {
		strbuf_addstr(err, "remove needs an ID, a positive integer");
		return -EINVAL;
	}
	ret = subscription_remove(db, id, err);
	if (!ret)
		printf("subscription %lld removed\n", id);
	return ret;
}

int cmd_subscription(int argc, char **argv)
{
	const char *db_path = DB_DEFAULT_PATH, *sub = argc > 1 ? argv[1] : NULL;
	const char *email = NULL, *arg = NULL;
	struct subscription_req r = { 0 };
	struct target t = { 0 };
	bool weekly = false, json = false;
	const struct options_row opts[] = {
		OPT_STRING("--db", &db_path),
		OPT_STRING("--section", &t.section),
		OPT_STRING("--kind", &t.kind),
		OPT_STRING("--tree", &t.tree),
		OPT_STRING("--signature", &t.signature),
		OPT_BOOL("--all", &t.all, true),
		OPT_BOOL("--weekly", &weekly, true),
		OPT_STRING("--email", &email),
		OPT_BOOL("--json", &json, true),
		OPT_END,
	};
	struct strbuf err = STRBUF_INIT;
	struct db *db = NULL;
	int i = 2, ret;

	if (!sub || !strcmp(sub, "--help") || !strcmp(sub, "-h")) {
		fputs(subscription_usage, sub ? stdout : stderr);
		return sub ? 0 : 2;
	}
	ret = options_parse_arg(opts, argc, argv, &i, &arg);
	if (ret == OPTIONS_HELP) {
		fputs(subscription_usage, stdout);
		return 0;
	}
	if (ret) {
		if (i == argc - 1 && argv[i][0] == '-' &&
		    strcmp(argv[i], "--all") && strcmp(argv[i], "--weekly") &&
		    strcmp(argv[i], "--json"))
			fprintf(stderr,
				"splatd subscription: %s needs a value\n",
				argv[i]);
		else
			fprintf(stderr,
				"splatd subscription: bad argument '%s'\n",
				i < argc ? argv[i] : "");
		goto usage;
	}
	if (!strcmp(sub, "add")) {
		if (!arg)
			strbuf_addstr(&err, "add needs an EMAIL");
		else if (email)
			strbuf_addstr(&err, "add takes the address as EMAIL,"
					    " not --email");
		else if (!target_of(&t, &r, &err))
			r.email = arg;
	} else if (!strcmp(sub, "list")) {
		if (arg || t.section || t.kind || t.tree || t.signature ||
		    t.all || weekly)
			strbuf_addstr(&err, "list takes only --email ADDR,"
					    " --json and --db");
	} else if (!strcmp(sub, "remove")) {
		if (!arg)
			strbuf_addstr(&err, "remove needs an ID");
		else if (email || t.section || t.kind || t.tree ||
			 t.signature || t.all || weekly || json)
			strbuf_addstr(&err, "remove takes only ID and --db");
	} else {
		strbuf_addf(&err, "unknown subcommand '%s'", sub);
	}
	if (err.len) {
		fprintf(stderr, "splatd subscription: %s\n", err.buf);
		goto usage;
	}
	r.period = weekly ? "weekly" : "daily";
	ret = strcmp(sub, "add") ? db_open_existing(&db, db_path, &err) :
				   db_open(&db, db_path, &err);
	if (ret)
		goto out;
	if (!strcmp(sub, "add"))
		ret = add(db, &r, json, &err);
	else if (!strcmp(sub, "list"))
		ret = list(db, email, json, &err);
	else
		ret = remove_id(db, arg, &err);
out:
	if (ret)
		fprintf(stderr, "splatd subscription %s: %s\n", sub, err.buf);
	db_close(db);
	strbuf_release(&err);
	return ret ? 1 : 0;
usage:
	strbuf_release(&err);
	fputs(subscription_usage, stderr);
	return 2;
}
