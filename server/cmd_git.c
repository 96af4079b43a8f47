// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_git: `splatd git SUBCOMMAND`, the git side of splatd; one row per
 * sub-command in git_cmds[] (tree: configured trees, sync: fix evidence).
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
#include "server/triage/regress.h"

struct git_cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
	const char *help;
};

static int git_tree(int argc, char **argv);
static int git_sync(int argc, char **argv);

static const struct git_cmd git_cmds[] = {
	{ "tree", git_tree, "add or list the git trees searched for fixes" },
	{ "sync", git_sync, "read new commits of every tree, find fixes" },
	{ "index", cmd_git_index, "index function definitions and modules" },
};

static const char tree_usage[] =
	"usage: splatd git tree add NAME --repo PATH --branch BRANCH"
	" [--untrusted] [--db PATH]\n"
	"       splatd git tree list [--json] [--db PATH]\n"
	"\n"
	"A tree is one branch of a repository.  Fixes found on a trusted tree\n"
	"(mainline, next, stable, subsystem trees) make a regression fix_known;\n"
	"on an --untrusted one (CI topic branches) only a workaround.  The\n"
	"first trusted tree is also where `splatd serve` finds owners when no\n"
	"--kernel-* option is given; it indexes it in the background\n"
	"(docs/owners.md).  list prints a table, or JSON with --json.\n";

static void print_trees(json_t *list)
{
	static const char *const headers[] = { "NAME",	  "BRANCH",
					       "TRUSTED", "LAST SYNC",
					       "COMMITS", "REPO" };
	struct table t;
	json_t *v;
	size_t i;

	table_init(&t, ARRAY_SIZE(headers), headers);
	json_array_foreach(list, i, v) {
		table_add(&t, json_string_value(json_object_get(v, "name")));
		table_add(&t, json_string_value(json_object_get(v, "branch")));
		table_add(&t, json_is_true(json_object_get(v, "trusted")) ?
				      "yes" :
				      "no");
		table_add(&t,
			  json_string_value(json_object_get(v, "last_sync")));
		table_addf(&t, "%lld",
			   (long long)json_integer_value(
				   json_object_get(v, "commits")));
		table_add(&t, json_string_value(json_object_get(v, "repo")));
	}
	table_print(&t, stdout);
	table_release(&t);
}

static const char sync_usage[] =
	"usage: splatd git sync [--db PATH] [--window N] [--public-url URL]\n"
	"\n"
	"Walk every configured tree from its last synced commit to its head\n"
	"(a first sync reads at most --window commits, default 10000), store\n"
	"fix evidence and move regression statuses; prints what it did as\n"
	"JSON.  With --public-url (serve's), a Closes: or Link: trailer naming\n"
	"URL/regressions/N or URL/signatures/ID is evidence too.\n";

static int git_tree(int argc, char **argv)
{
	const char *db_path = DB_DEFAULT_PATH, *name = NULL, *repo = NULL;
	const char *branch = NULL, *sub = argc > 1 ? argv[1] : NULL;
	struct strbuf err = STRBUF_INIT;
	struct db *db = NULL;
	json_t *list = NULL;
	bool trusted = true, json = false;
	const struct options_row opts[] = {
		OPT_STRING("--db", &db_path),
		OPT_BOOL("--json", &json, true),
		OPT_STRING("--repo", &repo),
		OPT_STRING("--branch", &branch),
		OPT_BOOL("--untrusted", &trusted, false),
		OPT_END,
	};
	int i, ret;

	if (!sub || !strcmp(sub, "--help") || !strcmp(sub, "-h")) {
		fputs(tree_usage, sub ? stdout : stderr);
		return sub ? 0 : 2;
	}
	/* --help after the subcommand is a usage error, as before */
	i = 2;
	if (options_parse_arg(opts, argc, argv, &i, &name))
		goto usage;
	if (strcmp(sub, "add") && strcmp(sub, "list"))
		goto usage;
	if (!strcmp(sub, "list") && name) {
		fprintf(stderr, "splatd git tree list: unexpected '%s'\n",
			name);
		goto usage;
	}
	if (!strcmp(sub, "add") && (!name || !repo || !branch)) {
		fprintf(stderr, "splatd git tree add: %s is required\n",
			!name ? "a NAME" :
			!repo ? "--repo PATH" :
				"--branch BRANCH");
		goto usage;
	}
	ret = strcmp(sub, "add") ? db_open_existing(&db, db_path, &err) :
				   db_open(&db, db_path, &err);
	if (ret)
		goto out;
	if (!strcmp(sub, "add")) {
		ret = regress_tree_add(db, name, repo, branch, trusted, &err);
		if (!ret)
			printf("tree '%s' added (%s)\n", name,
			       trusted ? "trusted" : "untrusted");
	} else {
		ret = regress_tree_list_json(db, &list, &err);
		if (!ret && json)
			table_print_json(list);
		else if (!ret)
			print_trees(list);
	}
out:
	if (ret)
		fprintf(stderr, "splatd git tree %s: %s\n", sub, err.buf);
	json_decref(list);
	db_close(db);
	strbuf_release(&err);
	return ret ? 1 : 0;
usage:
	fputs(tree_usage, stderr);
	return 2;
}

static int git_sync(int argc, char **argv)
{
	struct regress_config cfg = { 0, 0, NULL, NULL };
	const char *db_path = DB_DEFAULT_PATH;
	struct strbuf err = STRBUF_INIT;
	struct regress *rg = NULL;
	struct db *db = NULL;
	json_t *out = NULL;
	const struct options_row opts[] = {
		OPT_STRING("--db", &db_path),
		OPT_UINT("--window", &cfg.window, OPTIONS_NONZERO),
		OPT_URL("--public-url", &cfg.public_url),
		OPT_END,
	};
	int i, ret;

	for (i = 1; i < argc; i++) {
		ret = options_parse(opts, argc, argv, &i);
		if (ret == OPTIONS_HELP) {
			fputs(sync_usage, stdout);
			return 0;
		}
		if (ret || i < argc)
			goto usage;
	}
	ret = db_open_existing(&db, db_path, &err);
	if (ret)
		goto out;
	rg = regress_new(&cfg);
	ret = regress_sync(rg, db, (long long)time(NULL), &out, &err);
	if (!ret)
		table_print_json(out);
out:
	if (ret)
		fprintf(stderr, "splatd git sync: %s\n", err.buf);
	json_decref(out);
	regress_free(rg);
	db_close(db);
	strbuf_release(&err);
	return ret ? 1 : 0;
usage:
	fputs(sync_usage, stderr);
	return 2;
}

static void git_usage(FILE *out)
{
	size_t i;

	fputs("usage: splatd git <subcommand> [options]\n\nsubcommands:\n",
	      out);
	for (i = 0; i < ARRAY_SIZE(git_cmds); i++)
		fprintf(out, "  %-8s %s\n", git_cmds[i].name, git_cmds[i].help);
}

int cmd_git(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		git_usage(stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		git_usage(stdout);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(git_cmds); i++)
		if (!strcmp(argv[1], git_cmds[i].name))
			return git_cmds[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "splatd git: unknown subcommand '%s'\n", argv[1]);
	git_usage(stderr);
	return 2;
}
