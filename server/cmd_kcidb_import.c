// SPDX-License-Identifier: GPL-2.0
/*
 * cmd_kcidb_import: `splatd kcidb import FILE|-`, the same as POST
 * /api/v1/kcidb without a server, log_url tests fetched at once
 * (docs/interop.md "KCIDB in").
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
#include "server/kcidb/import.h"
#include "server/kcidb/logname.h"
#include "server/options.h"
#include "server/triage/regress.h"

static const char import_usage[] =
	"usage: splatd kcidb import [--db PATH] [--kcidb-fetch-allow PREFIX]...\n"
	"                           [--kcidb-log-name NAME]...\n"
	"                           [--kcidb-fetch-timeout SECS] [--max-json SIZE]\n"
	"                           [--now TIME] [--pretty] FILE|-\n"
	"\n"
	"Store the runs of a KCIDB document (v4 or v5) as POST /api/v1/kcidb\n"
	"does; tests with a log_url, or output files that hold the kernel's\n"
	"log (dmesg, console.log, ...; NAME too), under an allowed prefix\n"
	"are fetched now\n"
	"(a failure stays queued for `splatd serve` to retry).  Prints one\n"
	"line per test in a JSON reply.  Exit 0 when the document was read,\n"
	"1 when it is invalid (the first bad JSON path on stderr) or on\n"
	"errors, 2 on usage errors.\n";

/* All of path (or stdin) into out, at most max bytes: 0 or -errno. */
static int read_doc(const char *path, unsigned long long max,
		    struct strbuf *out, struct strbuf *err)
{
	int fd = strcmp(path, "-") ? open(path, O_RDONLY | O_CLOEXEC) : 0;
	ssize_t n;
	int ret = 0;

	if (fd < 0) {
		strbuf_addf(err, "%s: %s", path, strerror(errno));
		return -errno;
	}
	for (;;) {
		strbuf_grow(out, 1 << 16);
		n = read(fd, out->buf + out->len, 1 << 16);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			ret = -errno;
			strbuf_addf(err, "%s: %s", path, strerror(errno));
			break;
		}
		if (!n)
			break;
		strbuf_setlen(out, out->len + (size_t)n);
		if (out->len > max) {
			strbuf_addf(err,
				    "$: the document is larger than %llu"
				    " bytes (--max-json)",
				    max);
			ret = -EFBIG;
			break;
		}
	}
	if (fd > 0)
		close(fd);
	return ret;
}

int cmd_kcidb_import(int argc, char **argv)
{
	struct kcidb_limits klim = KCIDB_LIMITS_INIT;
	struct kcidb_fetch_config fetch = KCIDB_FETCH_CONFIG_INIT;
	const struct ingest_limits lim = INGEST_LIMITS_INIT;
	struct kcidb_import_config cfg = { .limits = &lim,
					   .fetch = &fetch,
					   .fetch_now = true };
	struct strbuf err = STRBUF_INIT, text = STRBUF_INIT;
	const char *db_path = DB_DEFAULT_PATH, *file = NULL;
	struct kcidb_doc doc = { 0 };
	struct ingest *in = NULL;
	json_t *reply = NULL;
	bool pretty = false, created;
	long long now = (long long)time(NULL);
	const struct options_row opts[] = {
		OPT_BOOL("--pretty", &pretty, true),
		OPT_STRING("--db", &db_path),
		OPT_CALLBACK("--kcidb-fetch-allow", &fetch,
			     kcidb_fetch_allow_opt),
		OPT_CALLBACK("--kcidb-log-name", &fetch, kcidb_logname_opt),
		OPT_UINT("--kcidb-fetch-timeout", &fetch.timeout,
			 OPTIONS_NONZERO),
		OPT_SIZE("--max-json", &klim.max_bytes, OPTIONS_NONZERO),
		OPT_TIME("--now", &now),
		OPT_END,
	};
	int i, ret, exit_code = 1;

	for (i = 1; i < argc; i++) {
		ret = options_parse(opts, argc, argv, &i);
		if (ret == OPTIONS_HELP) {
			fputs(import_usage, stdout);
			return 0;
		}
		if (!ret && i < argc && !file) {
			file = argv[i];
			continue;
		}
		if (ret || i < argc) {
			fprintf(stderr,
				"splatd kcidb import: bad option '%s'\n",
				argv[i < argc ? i : argc - 1]);
			fputs(import_usage, stderr);
			return 2;
		}
	}
	if (!file) {
		fputs("splatd kcidb import: which document? give a FILE, or -"
		      " for stdin\n",
		      stderr);
		fputs(import_usage, stderr);
		return 2;
	}
	ret = read_doc(file, klim.max_bytes, &text, &err);
	if (!ret)
		ret = kcidb_doc_parse(&doc, text.buf, text.len, &klim, &err);
	if (!ret)
		ret = db_open(&cfg.db, db_path, &err);
	if (ret)
		goto out;
	in = ingest_new();
	cfg.regress = regress_new(NULL);
	ret = kcidb_import(&cfg, in, &doc, now, &reply, &created, &err);
	if (ret)
		goto out;
	json_dumpf(reply, stdout, pretty ? JSON_INDENT(2) : JSON_COMPACT);
	fputc('\n', stdout);
	exit_code = 0;
out:
	if (ret)
		fprintf(stderr, "splatd kcidb import: %s\n", err.buf);
	json_decref(reply);
	ingest_free(in);
	regress_free(cfg.regress);
	db_close(cfg.db);
	kcidb_doc_release(&doc);
	strbuf_release(&text);
	strbuf_release(&err);
	return exit_code;
}
