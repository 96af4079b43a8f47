// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_regression: `splatd regression create|list|show|history|edit|resolve`,
 * the regression tracker from the command line: the change asked for read
 * from argv, the same domain calls and the same objects as the API.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "parsers/alloc.h"
#include "server/cmds.h"
#include "server/http/api_regressions.h"
#include "server/options.h"
#include "server/table.h"
#include "server/triage/regress.h"

static const char regression_usage[] =
	"usage: splatd regression create --title T --signature S..."
	" [--link URL...] [--introduced C]\n"
	"       splatd regression list [--status S] [--json]\n"
	"       splatd regression show ID [--json]\n"
	"       splatd regression history ID [--json]\n"
	"       splatd regression edit ID [--title T] [--link URL...]"
	" [--introduced C] [--signature S...] [--dup-of ID]\n"
	"       splatd regression resolve ID --reason TEXT\n"
	"       splatd regression reopen ID --reason TEXT\n"
	"\n"
	"Every form takes --db PATH and --fixed-after N (clean runs containing\n"
	"the fix before a regression is fixed, default 3); changes are\n"
	"recorded in the history as cli:$USER.  list, show and history print\n"
	"tables; --json prints the API's objects (docs/regressions.md).\n";

/* The domain's words for the API's fields, in the CLI's flags. */
static const struct {
	const char *api, *cli;
} cli_words[] = {
	{ "title must be a string of ", "--title must be " },
	{ "links must be an array of at most ", "--link: at most " },
	{ "links must be strings", "--link takes a URL" },
	{ "signatures must be an array of ", "--signature: " },
	{ "introduced is a commit", "--introduced is a commit" },
	{ "duplicate_of is the id of another regression",
	  "--dup-of takes the id of another regression" },
	{ "a status change needs a reason", "--reason TEXT must be given," },
	{ "reason goes with status",
	  "--reason goes with resolve and reopen only" },
	{ "status can be set to resolved (with a reason) or open",
	  "resolve and reopen set the status" },
	{ "a new regression has a title, signatures, links and introduced;"
	  " the rest is a change of one",
	  "create takes --title, --signature, --link and --introduced;"
	  " edit changes the rest" },
};

/* err with the API's field names replaced by the CLI's flags. */
static void cli_speak(struct strbuf *err)
{
	struct strbuf out = STRBUF_INIT;
	size_t i, n;

	for (i = 0; i < ARRAY_SIZE(cli_words); i++) {
		n = strlen(cli_words[i].api);
		if (strncmp(err->buf, cli_words[i].api, n))
			continue;
		strbuf_addstr(&out, cli_words[i].cli);
		strbuf_addstr(&out, err->buf + n);
		strbuf_reset(err);
		strbuf_add(err, out.buf, out.len);
		break;
	}
	strbuf_release(&out);
}

static const char *str(json_t *o, const char *key)
{
	return json_string_value(json_object_get(o, key));
}

static long long num(json_t *o, const char *key)
{
	return (long long)json_integer_value(json_object_get(o, key));
}

static void print_list(json_t *list)
{
	static const char *const headers[] = { "ID", "STATUS", "SIGNATURES",
					       "UPDATED", "TITLE" };
	struct table t;
	json_t *r;
	size_t i;

	table_init(&t, ARRAY_SIZE(headers), headers);
	json_array_foreach(list, i, r) {
		table_addf(&t, "%lld", num(r, "id"));
		table_add(&t, str(r, "status"));
		table_addf(&t, "%zu",
			   json_array_size(json_object_get(r, "signatures")));
		table_add(&t, str(r, "updated"));
		table_add(&t, str(r, "title"));
	}
	table_print(&t, stdout);
	table_release(&t);
}

static void print_history(json_t *h)
{
	static const char *const headers[] = { "TIME", "BY", "ACTION",
					       "FROM", "TO", "REASON" };
	struct table t;
	json_t *e;
	size_t i;

	table_init(&t, ARRAY_SIZE(headers), headers);
	json_array_foreach(json_object_get(h, "history"), i, e) {
		table_add(&t, str(e, "ts"));
		table_add(&t, str(e, "actor"));
		table_add(&t, str(e, "action"));
		table_add(&t, str(e, "old"));
		table_add(&t, str(e, "new"));
		table_add(&t, str(e, "reason"));
	}
	table_print(&t, stdout);
	table_release(&t);
}

/* "a b c" of an array of strings, "-" when empty. */
static void joined(struct strbuf *sb, json_t *arr)
{
	json_t *v;
	size_t i;

	strbuf_reset(sb);
	json_array_foreach(arr, i, v)
		strbuf_addf(sb, "%s%s", i ? " " : "", json_string_value(v));
	if (!sb->len)
		strbuf_addstr(sb, "-");
}

static void print_detail(json_t *r)
{
	static const char *const sh[] = { "SIGNATURE", "KIND", "SEEN",
					  "LAST SEEN", "TITLE" };
	static const char *const eh[] = { "TREE", "TRUSTED", "COMMIT", "HOW",
					  "SUBJECT" };
	static const char *const ph[] = { "COMMIT", "FILES", "SUBJECT" };
	struct strbuf sb = STRBUF_INIT;
	json_t *range = json_object_get(r, "suspects_range"), *v, *ix;
	struct table t;
	size_t i;

	printf("regression %lld: %s\n", num(r, "id"), str(r, "title"));
	printf("status      %s\n", str(r, "status"));
	printf("introduced  %s\n", str(r, "introduced") ?: "-");
	printf("fix         %s%s%s\n", str(r, "fix_commit") ?: "-",
	       str(r, "fix_repo") ? " in " : "", str(r, "fix_repo") ?: "");
	printf("clean runs  %lld of %lld with the fix\n", num(r, "clean_runs"),
	       num(r, "fixed_after"));
	if (json_integer_value(json_object_get(r, "duplicate_of")))
		printf("dup of      %lld\n", num(r, "duplicate_of"));
	joined(&sb, json_object_get(r, "links"));
	printf("links       %s\n", sb.buf);
	printf("created     %s\nupdated     %s\n", str(r, "created"),
	       str(r, "updated"));

	table_init(&t, ARRAY_SIZE(sh), sh);
	json_array_foreach(json_object_get(r, "signatures"), i, v) {
		table_add(&t, str(v, "signature"));
		table_add(&t, str(v, "kind"));
		table_addf(&t, "%lld", num(v, "occurrences"));
		table_add(&t, str(v, "last_seen"));
		table_add(&t, str(v, "title"));
	}
	putchar('\n');
	table_print(&t, stdout);
	table_release(&t);
	if (json_array_size(json_object_get(r, "evidence"))) {
		table_init(&t, ARRAY_SIZE(eh), eh);
		json_array_foreach(json_object_get(r, "evidence"), i, v) {
			table_addf(&t, "%s/%s", str(v, "tree"),
				   str(v, "branch"));
			table_add(&t,
				  json_is_true(json_object_get(v, "trusted")) ?
					  "yes" :
					  "no");
			table_add(&t, str(v, "commit"));
			table_add(&t, str(v, "how"));
			table_add(&t, str(v, "subject"));
		}
		printf("\nfix evidence:\n");
		table_print(&t, stdout);
		table_release(&t);
	}
	if (json_is_string(range)) {
		printf("\nsuspects: %s\n", json_string_value(range));
	} else if (range && (str(range, "reason") || !str(range, "bad"))) {
		printf("\nsuspects: %s\n", str(range, "reason") ?: "no range");
	} else if (range) {
		printf("\nsuspects in %s..%s of %s", str(range, "clean") ?: "",
		       str(range, "bad"), str(range, "repo") ?: "?");
		ix = json_object_get(range, "index");
		if (json_is_object(ix))
			printf(" (function index: %s, %s, %lld back)",
			       str(ix, "from"), str(ix, "id"),
			       num(ix, "distance"));
		printf(":\n");
		table_init(&t, ARRAY_SIZE(ph), ph);
		json_array_foreach(json_object_get(r, "suspects"), i, v) {
			table_add(&t, str(v, "commit"));
			joined(&sb, json_object_get(v, "files"));
			table_add(&t, sb.buf);
			table_add(&t, str(v, "subject"));
		}
		table_print(&t, stdout);
		table_release(&t);
	}
	strbuf_release(&sb);
}

/* A signature argument: a numeric id or a hash. */
static struct regress_sig_ref sig_ref(const char *s)
{
	struct regress_sig_ref ref = { s, 0 };
	char *end;
	long long id = strtoll(s, &end, 10);

	if (!*end && id > 0 && strlen(s) < 16) {
		ref.hash = NULL;
		ref.id = id;
	}
	return ref;
}

/* The URLs the API adds (server/http/api_regressions.c): the same objects. */
static void add_urls(json_t *out, const char *sub)
{
	json_t *reg;
	size_t i;

	if (strcmp(sub, "list")) {
		api_regressions_add_urls(out, true);
		return;
	}
	json_array_foreach(out, i, reg)
		api_regressions_add_urls(reg, false);
}

/* What the options change, with room for every --link and --signature. */
struct regression_args {
	struct regress_change c;
	const char **links;
	struct regress_sig_ref *sigs;
};

static int opt_introduced(void *dest, const char *arg)
{
	struct regression_args *a = dest;

	a->c.set_introduced = true;
	a->c.introduced = arg;
	return 0;
}

static int opt_link(void *dest, const char *arg)
{
	struct regression_args *a = dest;

	a->c.set_links = true;
	a->links[a->c.nlinks++] = arg;
	return 0;
}

static int opt_signature(void *dest, const char *arg)
{
	struct regression_args *a = dest;

	a->sigs[a->c.nsigs++] = sig_ref(arg);
	return 0;
}

/* Not a regression id (0) is refused later, by the edit forms only. */
static int opt_dup_of(void *dest, const char *arg)
{
	struct regression_args *a = dest;

	a->c.set_duplicate_of = true;
	a->c.duplicate_of = sig_ref(arg).id;
	return 0;
}

int cmd_regression(int argc, char **argv)
{
	const char *db_path = DB_DEFAULT_PATH, *sub = argc > 1 ? argv[1] : NULL;
	const char *status = NULL, *reason = NULL;
	bool json = false;
	struct regression_args a = { .c = { .status = -1 } };
	struct regress_change *c = &a.c;
	struct regress_config cfg = { 0, 0, NULL, NULL };
	struct strbuf err = STRBUF_INIT, actor = STRBUF_INIT;
	json_t *out = NULL;
	struct regress *rg = NULL;
	struct db *db = NULL;
	long long id = 0;
	char *end;
	int i, ret = 0;
	const struct options_row opts[] = {
		OPT_STRING("--db", &db_path),
		OPT_STRING("--title", &c->title),
		OPT_CALLBACK("--introduced", &a, opt_introduced),
		OPT_CALLBACK("--link", &a, opt_link),
		OPT_CALLBACK("--signature", &a, opt_signature),
		OPT_CALLBACK("--dup-of", &a, opt_dup_of),
		OPT_STRING("--status", &status),
		OPT_STRING("--reason", &reason),
		OPT_BOOL("--json", &json, true),
		OPT_UINT("--fixed-after", &cfg.fixed_after, OPTIONS_NONZERO),
		OPT_END,
	};

	if (!sub || !strcmp(sub, "--help") || !strcmp(sub, "-h")) {
		fputs(regression_usage, sub ? stdout : stderr);
		return sub ? 0 : 2;
	}
	/* at most one --link or --signature every two arguments */
	a.links = calloc(argc, sizeof(*a.links));
	a.sigs = calloc(argc, sizeof(*a.sigs));
	if (!a.links || !a.sigs)
		abort();
	c->links = a.links;
	c->sigs = a.sigs;
	/* --help after the subcommand is refused, as any unknown option */
	for (i = 2; i < argc; i++) {
		if (options_parse(opts, argc, argv, &i))
			goto usage;
		if (i == argc)
			break;
		if (id)
			goto usage;
		id = strtoll(argv[i], &end, 10);
		if (*end || id <= 0)
			goto usage;
	}
	if ((!strcmp(sub, "create") || !strcmp(sub, "list")) && id) {
		/* not ignored: `regression list 5` meant `show 5` */
		fprintf(stderr, "splatd regression %s: unexpected '%lld'\n",
			sub, id);
		goto usage;
	}
	if (strcmp(sub, "create") && strcmp(sub, "list") && !id) {
		fprintf(stderr,
			"splatd regression %s: which regression? give its ID\n",
			sub);
		goto usage;
	}
	if (!strcmp(sub, "create") && (!c->title || !c->nsigs)) {
		fprintf(stderr, "splatd regression create: %s is required\n",
			!c->title ? "--title T" : "--signature S");
		goto usage;
	}
	if ((!strcmp(sub, "resolve") || !strcmp(sub, "reopen")) && !reason) {
		fprintf(stderr,
			"splatd regression %s: --reason TEXT is required (why"
			" it is %s; kept in its history)\n",
			sub,
			strcmp(sub, "resolve") ? "open again" : "resolved");
		goto usage;
	}
	options_actor(&actor);
	ret = strcmp(sub, "create") ? db_open_existing(&db, db_path, &err) :
				      db_open(&db, db_path, &err);
	if (ret)
		goto out;
	rg = regress_new(&cfg);
	if (!strcmp(sub, "create")) {
		ret = regress_create(rg, db, c, actor.buf,
				     (long long)time(NULL), &id, &err);
		if (!ret)
			ret = regress_detail_json(rg, db, id, &out, &err);
	} else if (!strcmp(sub, "list")) {
		if (status && !regress_status_valid(status)) {
			strbuf_addf(&err, "unknown status '%s'", status);
			ret = -EINVAL;
		} else {
			ret = regress_list_json(db, status, &out, &err);
		}
	} else if (!strcmp(sub, "show")) {
		ret = regress_detail_json(rg, db, id, &out, &err);
	} else if (!strcmp(sub, "history")) {
		ret = regress_history_json(db, id, &out, &err);
	} else if (!strcmp(sub, "edit") || !strcmp(sub, "resolve") ||
		   !strcmp(sub, "reopen")) {
		if (strcmp(sub, "edit")) {
			c->set_status = true;
			c->status = strcmp(sub, "reopen") ? REGRESS_RESOLVED :
							    REGRESS_OPEN;
			c->reason = reason;
		}
		if (c->set_duplicate_of && !c->duplicate_of) {
			strbuf_addstr(&err, "--dup-of takes the id of another"
					    " regression");
			ret = -EINVAL;
		} else if (!c->title && !c->set_links && !c->set_introduced &&
			   !c->nsigs && !c->set_status &&
			   !c->set_duplicate_of) {
			strbuf_addstr(&err, "nothing to change: give --title,"
					    " --link, --introduced,"
					    " --signature or --dup-of");
			ret = -EINVAL;
		} else {
			ret = regress_patch(rg, db, id, c, actor.buf,
					    (long long)time(NULL), &err);
		}
		if (!ret)
			ret = regress_detail_json(rg, db, id, &out, &err);
	} else {
		goto usage;
	}
	if (!ret && strcmp(sub, "history"))
		add_urls(out, sub);
	if (!ret && json)
		table_print_json(out);
	else if (!ret && !strcmp(sub, "list"))
		print_list(out);
	else if (!ret && !strcmp(sub, "history"))
		print_history(out);
	else if (!ret)
		print_detail(out);
out:
	if (ret)
		cli_speak(&err);
	if (ret)
		fprintf(stderr, "splatd regression %s: %s\n", sub,
			ret == -ENOENT && !err.len ? "not found" : err.buf);
	json_decref(out);
	free(a.links);
	free(a.sigs);
	regress_free(rg);
	db_close(db);
	strbuf_release(&err);
	strbuf_release(&actor);
	return ret ? 1 : 0;
usage:
	fputs(regression_usage, stderr);
	free(a.links);
	free(a.sigs);
	return 2;
}
