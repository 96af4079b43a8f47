// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_kcidb_export: `splatd kcidb export` prints splatd's issues and
 * incidents as a KCIDB v5.3 document; `splatd kcidb submit URL` posts that
 * document to a KCIDB-NG style endpoint and waits for its verdict
 * (docs/interop.md "KCIDB out").
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/compiler.h"
#include "server/cmds.h"
#include "server/kcidb/export.h"
#include "server/options.h"

#define EXPORT_OPTIONS_USAGE                                                       \
	"  --db PATH               SQLite database (var/splatd.db)\n"              \
	"  --since TIME            only what changed at or after TIME (unix\n"     \
	"                          seconds, 2026-11-25 or 2026-11-25T17:02:38Z)\n" \
	"  --kcidb-origin ORIGIN   the origin of every id ([a-z0-9_]+; splatd)\n"  \
	"  --public-url URL        the dashboard's base: issues' report_url\n"     \
	"                          (none without it)\n"

static const char export_usage[] =
	"usage: splatd kcidb export [options]\n"
	"\n"
	"Print a KCIDB v5.3 document: one issue per signature, one incident\n"
	"per occurrence in a run made from a KCIDB test, an absent incident\n"
	"per clean run from a KCIDB test that counted toward a fix.\n"
	"\n" EXPORT_OPTIONS_USAGE;

/* What both commands take. */
struct export_args {
	const char *db_path;
	struct kcidb_export_opts o;
};

#define EXPORT_OPTIONS(a)                                                      \
	OPT_STRING("--db", &(a)->db_path), OPT_TIME("--since", &(a)->o.since), \
		OPT_CALLBACK("--kcidb-origin", &(a)->o.origin,                 \
			     kcidb_origin_option),                             \
		OPT_STRING("--public-url", &(a)->o.public_url)

static void export_args_init(struct export_args *a)
{
	*a = (struct export_args){ DB_DEFAULT_PATH,
				   { KCIDB_ORIGIN_DEFAULT, NULL, -1 } };
}

/* Parse argv: 0, 1 for --help (printed), 2 for a usage error (said). */
static int parse(const struct options_row *opts, int argc, char **argv,
		 const char *usage, const char **arg)
{
	int i = 1, ret;

	ret = arg ? options_parse_arg(opts, argc, argv, &i, arg) :
		    options_parse(opts, argc, argv, &i);
	if (ret == OPTIONS_HELP) {
		fputs(usage, stdout);
		return 1;
	}
	if (ret || i < argc) {
		fprintf(stderr, "splatd kcidb %s: bad option or value '%s'\n",
			argv[0], argv[i < argc ? i : argc - 1]);
		fputs(usage, stderr);
		return 2;
	}
	return 0;
}

/* Export into f; prints why on failure. */
static int export_to(const struct export_args *a, FILE *f,
		     struct kcidb_export_counts *n, const char *cmd)
{
	struct strbuf err = STRBUF_INIT;
	struct db *db = NULL;
	int ret;

	ret = db_open(&db, a->db_path, &err);
	if (!ret)
		ret = kcidb_export(db, &a->o, f, n, &err);
	if (ret)
		fprintf(stderr, "splatd kcidb %s: %s\n", cmd, err.buf);
	db_close(db);
	strbuf_release(&err);
	return ret;
}

int cmd_kcidb_export(int argc, char **argv)
{
	struct export_args a;
	int ret;

	export_args_init(&a);
	{
		const struct options_row opts[] = { EXPORT_OPTIONS(&a),
						    OPT_END };

		ret = parse(opts, argc, argv, export_usage, NULL);
		if (ret)
			return ret == 1 ? 0 : 2;
	}
	return export_to(&a, stdout, NULL, "export") ? 1 : 0;
}

int cmd_kcidb_submit(int argc UNUSED, char **argv UNUSED)
{
	fputs("splatd kcidb submit: not built yet\n", stderr);
	return 2;
}
