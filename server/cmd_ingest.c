// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_ingest: `splatd ingest --run-id ID [meta] FILE`, the same as POST
 * /api/v1/runs without a server: parse, store, print the verdict.
 */
#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "server/cmds.h"
#include "server/triage/regress.h"
#include "server/triage/gunzip.h"
#include "server/triage/ingest.h"
#include "server/options.h"
#include "server/http/api.h"

static const char ingest_usage[] =
	"usage: splatd ingest --run-id ID [--tree T] [--branch B]\n"
	"                     [--kernel K] [--commit C] [--machine M]\n"
	"                     [--test T] [--started-at TIME] [--db PATH]\n"
	"                     [--lockdep 0|1] [--now TIME]\n"
	"                     [--max-samples N] [--pretty] FILE|-\n"
	"\n"
	"Store one CI run's log (plain or gzip) as POST /api/v1/runs does and\n"
	"print its verdict as JSON.  Exit 0 when stored or already stored with\n"
	"the same log, 1 on errors (a different log for the same id is one).\n"
	"--now stores it as received at TIME instead of now (a backfill); a\n"
	"TIME more than a day ahead of this machine's clock is refused.\n";

/* How far ahead of the clock --now may be: a day covers any time zone
 * mistake's worth of skew, and no backfill is of the future. */
#define INGEST_NOW_AHEAD_MAX 86400LL

static int to_ingest(void *ctx, const char *buf, size_t len, struct strbuf *err)
{
	return ingest_feed(ctx, buf, len, err);
}

/* Feed the file at path (gzip or not) into in. */
static int feed_file(struct ingest *in, const char *path, struct strbuf *err)
{
	struct gunzip *gz = NULL;
	struct gunzip_sniff log;
	int fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC) : 0;
	char *buf = malloc(1 << 16);
	ssize_t n;
	int ret = 0;

	if (fd < 0 || !buf) {
		strbuf_addf(err, "%s: %s", path, strerror(errno));
		ret = -errno;
		goto out;
	}
	gunzip_sniff_start(&log, &gz, to_ingest, in);
	while ((n = read(fd, buf, 1 << 16)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			strbuf_addf(err, "%s: %s", path, strerror(errno));
			ret = -errno;
			goto out;
		}
		ret = gunzip_sniff_feed(&log, buf, (size_t)n, err);
		if (ret)
			goto out;
	}
	ret = gunzip_sniff_finish(&log, err);
out:
	gunzip_free(gz);
	if (fd > 0)
		close(fd);
	free(buf);
	return ret;
}

int cmd_ingest(int argc, char **argv)
{
	struct ingest_limits lim = INGEST_LIMITS_INIT;
	struct ingest_meta meta = { 0 };
	struct strbuf err = STRBUF_INIT;
	const char *db_path = DB_DEFAULT_PATH, *file = NULL;
	struct ingest *in = NULL;
	struct regress *rg = NULL;
	struct db *db = NULL;
	json_t *verdict = NULL;
	size_t flags = JSON_COMPACT;
	bool pretty = false;
	const long long clock = (long long)time(NULL);
	long long now = clock;
	const struct options_row opts[] = {
		OPT_BOOL("--pretty", &pretty, true),
		OPT_STRING("--run-id", &meta.id),
		OPT_STRING("--tree", &meta.tree),
		OPT_STRING("--branch", &meta.branch),
		OPT_STRING("--kernel", &meta.kernel),
		OPT_STRING("--commit", &meta.commit),
		OPT_STRING("--machine", &meta.machine),
		OPT_STRING("--test", &meta.test),
		OPT_STRING("--started-at", &meta.started_at),
		OPT_STRING("--lockdep", &meta.lockdep),
		OPT_STRING("--db", &db_path),
		OPT_TIME("--now", &now),
		OPT_UINT("--max-samples", &lim.max_samples, OPTIONS_NONZERO),
		OPT_END,
	};
	enum ingest_outcome outcome;
	const char *release;
	int i, ret, exit_code = 1;

	for (i = 1; i < argc; i++) {
		ret = options_parse(opts, argc, argv, &i);
		if (ret == OPTIONS_HELP) {
			fputs(ingest_usage, stdout);
			return 0;
		}
		if (!ret && i < argc && !file) {
			file = argv[i];
			continue;
		}
		if (ret || i < argc) {
			fprintf(stderr, "splatd ingest: bad option '%s'\n",
				argv[i]);
			fputs(ingest_usage, stderr);
			return 2;
		}
	}
	if (pretty)
		flags = JSON_INDENT(2);
	if (!file || !meta.id) {
		fprintf(stderr, "splatd ingest: %s\n",
			!meta.id ? "--run-id ID is required (the CI run's id)" :
				   "which log? give a FILE, or - for stdin");
		fputs(ingest_usage, stderr);
		return 2;
	}
	/* a run received in the future would sort before every run that
	 * really comes until then, and its occurrences would be "last seen"
	 * ahead of them */
	if (now > clock + INGEST_NOW_AHEAD_MAX) {
		fprintf(stderr,
			"splatd ingest: --now %lld is %lld s ahead of this"
			" machine's clock (%lld); at most a day ahead is"
			" accepted\n",
			now, now - clock, clock);
		return 2;
	}
	if (lim.max_samples < DB_MIN_SAMPLES) {
		fputs("splatd ingest: --max-samples must be at least 2\n",
		      stderr);
		return 2;
	}
	ret = ingest_meta_check(&meta, &err);
	if (!ret)
		ret = db_open(&db, db_path, &err);
	if (ret)
		goto out;
	in = ingest_new();
	rg = regress_new(NULL);
	meta.regress = rg;
	ingest_start(in, &lim);
	ret = feed_file(in, file, &err);
	if (!ret)
		ret = ingest_finish(in, &err);
	if (!ret)
		ret = ingest_store(in, db, NULL, &meta, now, &outcome, &verdict,
				   &err);
	if (ret)
		goto out;
	api_verdict_urls(verdict);
	release = json_string_value(json_object_get(
		json_object_get(verdict, "run"), "kernel_release"));
	if (release)
		fprintf(stderr,
			"splatd ingest: note: --kernel %s, but the log"
			" prints release %s (both are kept: the run's kernel"
			" is --kernel, each report's is the log's)\n",
			meta.kernel, release);
	json_dumpf(verdict, stdout, flags);
	fputc('\n', stdout);
	exit_code = 0;
out:
	if (ret)
		fprintf(stderr, "splatd ingest: %s\n", err.buf);
	json_decref(verdict);
	ingest_free(in);
	regress_free(rg);
	db_close(db);
	strbuf_release(&err);
	return exit_code;
}
