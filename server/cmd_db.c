// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_db: `splatd db backup FILE` (an online copy, safe while serve writes),
 * `splatd db check` (integrity and foreign keys); docs/operating.md.  And
 * `splatd db copy --from PATH --to postgresql://...` (a SQLite database
 * into an empty PostgreSQL one, verified); docs/deploy.md.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "db/backup.h"
#include "db/copy.h"
#include "db/db.h"
#include "parsers/alloc.h"
#include "server/cmds.h"
#include "server/options.h"

static const char db_usage[] =
	"usage: splatd db backup FILE [--db PATH]\n"
	"       splatd db check [--db PATH]\n"
	"       splatd db copy --from PATH --to postgresql://...\n"
	"\n"
	"backup copies the database (var/splatd.db) to FILE while splatd\n"
	"serve keeps running: FILE is the database as it was when the backup\n"
	"began, written to FILE.tmp, checked (a damaged database is no\n"
	"backup: exit 1, FILE.tmp removed) and renamed.  check runs SQLite's\n"
	"integrity and foreign key checks and exits 1 listing each problem.\n"
	"docs/operating.md says how to restore a backup.  copy moves a\n"
	"SQLite database into an empty PostgreSQL one in one transaction,\n"
	"committed once every table's rows and content checksum agree on\n"
	"both sides; it prints them (docs/deploy.md).\n";

/* Parse `splatd db SUB [FILE] [--db PATH]`: 0, OPTIONS_HELP or -EINVAL. */
static int db_args(int argc, char **argv, const char **db_path,
		   const char **file)
{
	const struct options_row opts[] = {
		OPT_STRING("--db", db_path),
		OPT_END,
	};
	int i = 1, ret;

	ret = options_parse_arg(opts, argc, argv, &i, file);
	if (ret == OPTIONS_HELP)
		return ret;
	if (ret) {
		fprintf(stderr, "splatd db %s: bad or incomplete option '%s'\n",
			argv[0], argv[i]);
		return ret;
	}
	return 0;
}

static int db_backup_cmd(int argc, char **argv)
{
	const char *db_path = DB_DEFAULT_PATH, *file = NULL;
	struct strbuf err = STRBUF_INIT;
	long long pages;
	int ret = db_args(argc, argv, &db_path, &file);

	if (ret == OPTIONS_HELP) {
		fputs(db_usage, stdout);
		return 0;
	}
	if (!ret && !file)
		fputs("splatd db backup: the backup FILE is missing\n", stderr);
	if (ret || !file) {
		fputs(db_usage, stderr);
		return 2;
	}
	ret = db_backup(db_path, file, &pages, &err);
	if (ret)
		fprintf(stderr, "splatd db backup: %s\n", err.buf);
	else
		fprintf(stderr, "splatd db backup: %s: %lld pages of %s\n",
			file, pages, db_path);
	strbuf_release(&err);
	return ret ? 1 : 0;
}

static int db_check_cmd(int argc, char **argv)
{
	const char *db_path = DB_DEFAULT_PATH, *file = NULL;
	struct strbuf err = STRBUF_INIT, problems = STRBUF_INIT;
	long long count = 0;
	int ret = db_args(argc, argv, &db_path, &file);

	if (ret == OPTIONS_HELP) {
		fputs(db_usage, stdout);
		return 0;
	}
	if (!ret && file)
		fprintf(stderr,
			"splatd db check: unexpected '%s' (--db PATH)\n", file);
	if (ret || file) {
		fputs(db_usage, stderr);
		return 2;
	}
	ret = db_check(db_path, &problems, &count, &err);
	/* what a check listed before SQLite gave up on the file is kept:
	 * it says which pages are damaged */
	fputs(problems.buf, stdout);
	if (ret) {
		fprintf(stderr, "splatd db check: %s\n", err.buf);
	} else if (count) {
		fprintf(stderr, "splatd db check: %s: %lld problem%s\n",
			db_path, count, count == 1 ? "" : "s");
	} else {
		printf("%s: ok\n", db_path);
	}
	strbuf_release(&problems);
	strbuf_release(&err);
	return ret || count ? 1 : 0;
}

static void print_copy(const struct db_copy_report *r)
{
	char hex[2][65];
	size_t i;

	printf("%-24s %12s %12s\n", "table", "sqlite", "postgresql");
	for (i = 0; i < r->n; i++)
		printf("%-24s %12lld %12lld%s\n", r->t[i].name, r->t[i].rows[0],
		       r->t[i].rows[1],
		       memcmp(r->t[i].checksum[0], r->t[i].checksum[1],
			      sizeof(r->t[i].checksum[0])) ?
			       "  content differs" :
			       "");
	db_copy_checksum_hex(r, 0, hex[0]);
	db_copy_checksum_hex(r, 1, hex[1]);
	printf("checksum sqlite     %s\nchecksum postgresql %s\n", hex[0],
	       hex[1]);
}

static int db_copy_cmd(int argc, char **argv)
{
	const char *from = NULL, *to = NULL, *extra = NULL;
	const struct options_row opts[] = {
		OPT_STRING("--from", &from),
		OPT_STRING("--to", &to),
		OPT_END,
	};
	struct db_copy_report report;
	struct strbuf err = STRBUF_INIT;
	int i = 1, ret;

	ret = options_parse_arg(opts, argc, argv, &i, &extra);
	if (ret == OPTIONS_HELP) {
		fputs(db_usage, stdout);
		return 0;
	}
	if (ret || extra || !from || !to) {
		if (ret)
			fprintf(stderr, "splatd db copy: bad option '%s'\n",
				argv[i]);
		else
			fputs("splatd db copy: --from PATH and --to"
			      " postgresql://... are both needed\n",
			      stderr);
		fputs(db_usage, stderr);
		return 2;
	}
	ret = db_copy(from, to, &report, &err);
	/* the table compares what was copied: none when the target was
	 * refused before the copy (its zeros would read as "verified") */
	if (report.n && ret != -EEXIST)
		print_copy(&report);
	if (ret)
		fprintf(stderr, "splatd db copy: %s; nothing copied\n",
			err.buf);
	else
		fprintf(stderr,
			"splatd db copy: %zu tables copied and"
			" verified\n",
			report.n);
	db_copy_report_release(&report);
	strbuf_release(&err);
	return ret ? 1 : 0;
}

struct db_cmd {
	const char *name;
	int (*fn)(int argc, char **argv);
};

static const struct db_cmd db_cmds[] = {
	{ "backup", db_backup_cmd },
	{ "check", db_check_cmd },
	{ "copy", db_copy_cmd },
};

int cmd_db(int argc, char **argv)
{
	size_t i;

	if (argc < 2) {
		fputs(db_usage, stderr);
		return 2;
	}
	if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
		fputs(db_usage, stdout);
		return 0;
	}
	for (i = 0; i < ARRAY_SIZE(db_cmds); i++)
		if (!strcmp(argv[1], db_cmds[i].name))
			return db_cmds[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "splatd db: unknown subcommand '%s'\n", argv[1]);
	fputs(db_usage, stderr);
	return 2;
}
