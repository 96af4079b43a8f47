// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_regression: `splatd regression create|list|show|history|edit|resolve`,
 * the regression tracker from the command line: the change asked for read
 * from argv, the same domain calls and the same objects as the API.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server/cmds.h"
#include "server/http/api_regressions.h"
#include "server/options.h"
#include "server/triage/regress.h"

static const char regression_usage[] =
	"usage: splatd regression create --title T --signature S..."
	" [--link URL...] [--introduced C]\n"
	"       splatd regression list [--status S]\n"
	"       splatd regression show ID\n"
	"       splatd regression history ID\n"
	"       splatd regression edit ID [--title T] [--link URL...]"
	" [--introduced C] [--signature S...] [--dup-of ID]\n"
	"       splatd regression resolve ID --reason TEXT\n"
	"       splatd regression reopen ID --reason TEXT\n"
	"\n"
	"Every form takes --db PATH and --fixed-after N (clean runs containing\n"
	"the fix before a regression is fixed, default 3); changes are\n"
	"recorded in the history as cli:$USER.\n";

static void print_json(json_t *o)
{
	char *s = json_dumps(o, JSON_INDENT(2) | JSON_SORT_KEYS);

	if (s)
		puts(s);
	free(s);
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

/* Nonzero after the cast to unsigned (OPT_UINT checks before it). */
static int opt_fixed_after(void *dest, const char *arg)
{
	unsigned *n = dest;
	char *end;

	*n = (unsigned)strtoul(arg, &end, 10);
	return *end || !*n ? -EINVAL : 0;
}

int cmd_regression(int argc, char **argv)
{
	const char *db_path = DB_DEFAULT_PATH, *sub = argc > 1 ? argv[1] : NULL;
	const char *status = NULL, *reason = NULL;
	struct regression_args a = { .c = { .status = -1 } };
	struct regress_change *c = &a.c;
	struct regress_config cfg = { 0, 0 };
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
		OPT_CALLBACK("--fixed-after", &cfg.fixed_after,
			     opt_fixed_after),
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
	if (strcmp(sub, "create") && strcmp(sub, "list") && !id)
		goto usage;
	strbuf_addf(&actor, "cli:%s", getenv("USER") ? getenv("USER") : "");
	ret = db_open(&db, db_path, &err);
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
			strbuf_addstr(&err, "duplicate_of is the id of another"
					    " regression");
			ret = -EINVAL;
		} else if (!c->title && !c->set_links && !c->set_introduced &&
			   !c->nsigs && !c->set_status &&
			   !c->set_duplicate_of) {
			strbuf_addstr(&err, "nothing to change");
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
	if (!ret)
		print_json(out);
out:
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
