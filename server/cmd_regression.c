// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_regression: `splatd regression create|list|show|history|edit|resolve`,
 * the regression tracker from the command line (same code as the API).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "server/cmds.h"
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
static json_t *sig_value(const char *s)
{
	char *end;
	long long id = strtoll(s, &end, 10);

	if (!*end && id > 0 && strlen(s) < 16)
		return json_integer(id);
	return json_string(s);
}

int cmd_regression(int argc, char **argv)
{
	const char *db_path = DB_DEFAULT_PATH, *sub = argc > 1 ? argv[1] : NULL;
	const char *status = NULL, *reason = NULL;
	struct regress_config cfg = { 0, 0 };
	struct strbuf err = STRBUF_INIT, actor = STRBUF_INIT;
	json_t *body = json_object(), *links = NULL, *sigs = NULL;
	json_t *out = NULL;
	struct regress *rg = NULL;
	struct db *db = NULL;
	long long id = 0;
	char *end;
	int i, ret = 0;

	if (!sub || !strcmp(sub, "--help") || !strcmp(sub, "-h")) {
		fputs(regression_usage, sub ? stdout : stderr);
		json_decref(body);
		return sub ? 0 : 2;
	}
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
			json_object_set_new(body, "title", json_string(v));
		} else if (!strcmp(a, "--introduced")) {
			json_object_set_new(body, "introduced", json_string(v));
		} else if (!strcmp(a, "--link")) {
			if (!links)
				links = json_array();
			json_array_append_new(links, json_string(v));
		} else if (!strcmp(a, "--signature")) {
			if (!sigs)
				sigs = json_array();
			json_array_append_new(sigs, sig_value(v));
		} else if (!strcmp(a, "--dup-of")) {
			json_object_set_new(body, "duplicate_of", sig_value(v));
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
	if (links)
		json_object_set(body, "links", links);
	if (sigs)
		json_object_set(body, "signatures", sigs);
	if (strcmp(sub, "create") && strcmp(sub, "list") && !id)
		goto usage;
	strbuf_addf(&actor, "cli:%s", getenv("USER") ? getenv("USER") : "");
	ret = db_open(&db, db_path, &err);
	if (ret)
		goto out;
	rg = regress_new(&cfg);
	if (!strcmp(sub, "create")) {
		ret = regress_create(rg, db, body, actor.buf,
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
			json_object_set_new(body, "status",
					    json_string(strcmp(sub, "reopen") ?
								"resolved" :
								"open"));
			if (reason)
				json_object_set_new(body, "reason",
						    json_string(reason));
		}
		ret = regress_patch(rg, db, id, body, actor.buf,
				    (long long)time(NULL), &err);
		if (!ret)
			ret = regress_detail_json(rg, db, id, &out, &err);
	} else {
		goto usage;
	}
	if (!ret)
		print_json(out);
out:
	if (ret)
		fprintf(stderr, "splatd regression %s: %s\n", sub,
			ret == -ENOENT && !err.len ? "not found" : err.buf);
	json_decref(out);
	json_decref(body);
	json_decref(links);
	json_decref(sigs);
	regress_free(rg);
	db_close(db);
	strbuf_release(&err);
	strbuf_release(&actor);
	return ret ? 1 : 0;
usage:
	fputs(regression_usage, stderr);
	json_decref(body);
	json_decref(links);
	json_decref(sigs);
	return 2;
}
