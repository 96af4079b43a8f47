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

int cmd_regression(int argc, char **argv)
{
	const char *db_path = DB_DEFAULT_PATH, *sub = argc > 1 ? argv[1] : NULL;
	const char *status = NULL, *reason = NULL;
	const char **links = NULL;
	struct regress_sig_ref *sigs = NULL;
	struct regress_change c = { .status = -1 };
	struct regress_config cfg = { 0, 0 };
	struct strbuf err = STRBUF_INIT, actor = STRBUF_INIT;
	json_t *out = NULL;
	struct regress *rg = NULL;
	struct db *db = NULL;
	long long id = 0;
	bool dup_bad = false;
	char *end;
	int i, ret = 0;

	if (!sub || !strcmp(sub, "--help") || !strcmp(sub, "-h")) {
		fputs(regression_usage, sub ? stdout : stderr);
		return sub ? 0 : 2;
	}
	/* at most one --link or --signature every two arguments */
	links = calloc(argc, sizeof(*links));
	sigs = calloc(argc, sizeof(*sigs));
	if (!links || !sigs)
		abort();
	c.links = links;
	c.sigs = sigs;
	for (i = 2; i < argc; i++) {
		const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (a[0] != '-' && !id) {
			id = strtoll(a, &end, 10);
			if (*end || id <= 0)
				goto usage;
			continue;
		}
		if (!v)
			goto usage;
		i++;
		if (!strcmp(a, "--db")) {
			db_path = v;
		} else if (!strcmp(a, "--title")) {
			c.title = v;
		} else if (!strcmp(a, "--introduced")) {
			c.set_introduced = true;
			c.introduced = v;
		} else if (!strcmp(a, "--link")) {
			c.set_links = true;
			links[c.nlinks++] = v;
		} else if (!strcmp(a, "--signature")) {
			sigs[c.nsigs++] = sig_ref(v);
		} else if (!strcmp(a, "--dup-of")) {
			struct regress_sig_ref ref = sig_ref(v);

			c.set_duplicate_of = true;
			c.duplicate_of = ref.id;
			dup_bad = !ref.id;
		} else if (!strcmp(a, "--status")) {
			status = v;
		} else if (!strcmp(a, "--reason")) {
			reason = v;
		} else if (!strcmp(a, "--fixed-after")) {
			cfg.fixed_after = (unsigned)strtoul(v, &end, 10);
			if (*end || !cfg.fixed_after)
				goto usage;
		} else {
			goto usage;
		}
	}
	if (strcmp(sub, "create") && strcmp(sub, "list") && !id)
		goto usage;
	strbuf_addf(&actor, "cli:%s", getenv("USER") ? getenv("USER") : "");
	ret = db_open(&db, db_path, &err);
	if (ret)
		goto out;
	rg = regress_new(&cfg);
	if (!strcmp(sub, "create")) {
		ret = regress_create(rg, db, &c, actor.buf,
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
			c.set_status = true;
			c.status = strcmp(sub, "reopen") ? REGRESS_RESOLVED :
							   REGRESS_OPEN;
			c.reason = reason;
		}
		if (dup_bad) {
			strbuf_addstr(&err, "duplicate_of is the id of another"
					    " regression");
			ret = -EINVAL;
		} else if (!c.title && !c.set_links && !c.set_introduced &&
			   !c.nsigs && !c.set_status && !c.set_duplicate_of) {
			strbuf_addstr(&err, "nothing to change");
			ret = -EINVAL;
		} else {
			ret = regress_patch(rg, db, id, &c, actor.buf,
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
	free(links);
	free(sigs);
	regress_free(rg);
	db_close(db);
	strbuf_release(&err);
	strbuf_release(&actor);
	return ret ? 1 : 0;
usage:
	fputs(regression_usage, stderr);
	free(links);
	free(sigs);
	return 2;
}
