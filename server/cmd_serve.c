// SPDX-License-Identifier: GPL-2.0
/* cmd_serve: `splatd serve`, the HTTP service on its embedded database. */
#include <errno.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "db/db.h"
#include "server/cmds.h"
#include "server/http/http.h"
#include "server/options.h"
#include "server/triage/indexer.h"
#include "server/triage/owners.h"
#include "server/triage/regress.h"
#include "server/triage/ingest.h"
#include "server/mail/mail.h"
#include "server/mail/mailer.h"

static const char serve_usage[] =
	"usage: splatd serve [options]\n"
	"\n"
	"  --listen HOST:PORT      address to listen on (127.0.0.1:8080;\n"
	"                          port 0 picks a free one, printed on stdout)\n"
	"  --db PATH               SQLite database (var/splatd.db)\n"
	"  --static DIR            dashboard files (static/ when present)\n"
	"  --max-body SIZE         largest request body on the wire (64M)\n"
	"  --max-decompressed SIZE largest log after gunzip (256M)\n"
	"  --max-line SIZE         longest log line (64K)\n"
	"  --max-json SIZE         largest JSON upload after gunzip (16M)\n"
	"  --max-buffered SIZE     memory all buffered (JSON) bodies in\n"
	"                          flight may hold together; 503 past it\n"
	"                          (256M)\n"
	"  --max-reports N         most reports in one run (1000)\n"
	"  --public-read           reads (GET /api/v1/..., /metrics) need no\n"
	"                          token (default)\n"
	"  --private               every data endpoint, /metrics included,\n"
	"                          needs a token; /healthz and the static files\n"
	"                          (the dashboard, which holds no data and sends\n"
	"                          the token it is given) stay open\n"
	"  --metrics-public        /metrics needs no token even with --private\n"
	"  --threads N             HTTP worker threads (one per core)\n"
	"  --max-conns N           open connections in all (1000)\n"
	"  --max-conns-per-ip N    ... from one client address (64)\n"
	"  --header-timeout SECS   a request's headers must be in within SECS\n"
	"                          of the connection opening or of its\n"
	"                          previous reply (10; 0: none)\n"
	"  --body-timeout SECS     a body gets SECS (20; 0: none) ...\n"
	"  --body-min-rate SIZE    ... plus one second per SIZE bytes\n"
	"                          received (1K; 0: no body deadline)\n"
	"  --wal-frames N          checkpoint with writes held when the WAL\n"
	"                          holds more than N pages (16384)\n"
	"  --access-log FILE       access log (stderr; '-' for stdout;\n"
	"                          'off' for none)\n"
	"  --fixed-after N         clean runs on kernels containing a fix\n"
	"                          before a regression is fixed (3)\n"
	"  --sync-interval SECS    git sync of the configured trees every\n"
	"                          SECS seconds (600; 0: never)\n"
	"  --sync-window N         commits read on a tree's first sync\n"
	"                          (10000)\n"
	"  --index-budget N        function indexes of new commits that runs\n"
	"                          name built per hour in the background\n"
	"                          (12; 0: only the trees' heads;\n"
	"                          docs/owners.md)\n"
	"  --kernel-tree DIR       kernel tree for owners (MAINTAINERS;\n"
	"                          default: the first trusted tree of\n"
	"                          `splatd git tree add`)\n"
	"  --kernel-repo GITDIR    ... or a kernel git repository, read at\n"
	"                          each run's commit when it has it, else\n"
	"  --kernel-ref REF        at REF (HEAD)\n"
	"  --digest-interval SECS  compose and send due mail every SECS\n"
	"                          seconds when --smtp-url is set (900;\n"
	"                          0: never; docs/mail.md)\n" MAIL_USAGE;

int cmd_serve(int argc, char **argv)
{
	struct ingest_limits limits = INGEST_LIMITS_INIT;
	struct http_config cfg;
	struct regress_config rcfg = { 0, 0 };
	struct mail_config mcfg;
	struct mailer *mailer = NULL;
	unsigned sync_interval = 600, digest_interval = 900;
	unsigned index_budget = 12;
	struct strbuf err = STRBUF_INIT;
	struct db *owners_db = NULL;
	const char *log = NULL;
	const char *ktree = NULL, *krepo = NULL, *kref = "HEAD";
	const struct options_row opts[] = {
		OPT_STRING("--listen", &cfg.listen),
		OPT_STRING("--db", &cfg.db_path),
		OPT_STRING("--static", &cfg.static_dir),
		OPT_SIZE("--max-body", &cfg.max_body, OPTIONS_NONZERO),
		OPT_SIZE("--max-decompressed", &limits.max_decompressed,
			 OPTIONS_NONZERO),
		OPT_SIZE("--max-line", &limits.max_line, OPTIONS_NONZERO),
		OPT_SIZE("--max-json", &cfg.max_json, OPTIONS_NONZERO),
		OPT_SIZE("--max-buffered", &cfg.max_buffered, OPTIONS_NONZERO),
		OPT_SIZE("--max-reports", &limits.max_reports, OPTIONS_NONZERO),
		OPT_BOOL("--public-read", &cfg.public_read, true),
		OPT_BOOL("--private", &cfg.public_read, false),
		OPT_BOOL("--metrics-public", &cfg.metrics_public, true),
		OPT_SIZE("--threads", &cfg.threads, OPTIONS_NONZERO),
		OPT_SIZE("--max-conns", &cfg.max_conns, OPTIONS_NONZERO),
		OPT_SIZE("--max-conns-per-ip", &cfg.max_conns_per_ip,
			 OPTIONS_NONZERO),
		OPT_UINT("--header-timeout", &cfg.guard.header_timeout, 0),
		OPT_UINT("--body-timeout", &cfg.guard.body_timeout, 0),
		OPT_SIZE("--body-min-rate", &cfg.guard.body_min_rate, 0),
		OPT_SIZE("--wal-frames", &cfg.wal_frames, OPTIONS_NONZERO),
		OPT_STRING("--access-log", &log),
		OPT_UINT("--fixed-after", &rcfg.fixed_after, OPTIONS_NONZERO),
		OPT_UINT("--sync-interval", &sync_interval, 0),
		OPT_UINT("--sync-window", &rcfg.window, OPTIONS_NONZERO),
		OPT_UINT("--index-budget", &index_budget, 0),
		OPT_STRING("--kernel-tree", &ktree),
		OPT_STRING("--kernel-repo", &krepo),
		OPT_STRING("--kernel-ref", &kref),
		OPT_UINT("--digest-interval", &digest_interval, 0),
		MAIL_OPTIONS(&mcfg),
		OPT_END,
	};
	struct stat st;
	int i, ret;

	/*
	 * Lockdep parsers (one per connection, reset between runs) and
	 * buffers grow arena chunks of >= 128 KiB: keep such blocks in the
	 * heap and do not hand freed memory back, or every request pays
	 * fresh page faults and TLB shootdowns (../shared/PERF-NOTES.md,
	 * outside this tree: 10-13 us per 4 KiB page).
	 */
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	http_config_init(&cfg);
	mail_config_init(&mcfg);
	cfg.limits = &limits;
	if (!stat("static", &st) && S_ISDIR(st.st_mode))
		cfg.static_dir = "static";
	for (i = 1; i < argc; i++) {
		ret = options_parse(opts, argc, argv, &i);
		if (ret == OPTIONS_HELP) {
			fputs(serve_usage, stdout);
			return 0;
		}
		if (ret || i < argc)
			goto usage;
	}
	if (log && !strcmp(log, "off")) {
		cfg.access_log = NULL;
	} else if (log && !strcmp(log, "-")) {
		cfg.access_log = stdout;
	} else if (log) {
		cfg.access_log = fopen(log, "a");
		if (!cfg.access_log) {
			fprintf(stderr, "splatd serve: %s: %s\n", log,
				strerror(errno));
			return 1;
		}
		setvbuf(cfg.access_log, NULL, _IOLBF, 0);
	}
	if (cfg.access_log == stdout)
		setvbuf(stdout, NULL, _IOLBF, 0);
	/*
	 * The owners source gets a connection of its own (it is used under the
	 * source's lock): trees whose function index `splatd git index`
	 * stored load in milliseconds instead of being rebuilt (~30 s for a
	 * full kernel tree).
	 */
	if (db_open(&owners_db, cfg.db_path, &err) ||
	    indexer_start(cfg.db_path, index_budget, &err) ||
	    ((ktree || krepo) ?
		     owners_source_new(&cfg.owners, ktree, krepo, kref,
				       owners_db, &err) :
		     owners_source_from_trees(&cfg.owners, owners_db, &err))) {
		fprintf(stderr, "splatd serve: kernel tree: %s\n", err.buf);
		strbuf_release(&err);
		indexer_stop();
		db_close(owners_db);
		return 1;
	}
	cfg.regress = regress_new(&rcfg);
	ret = regress_sync_start(cfg.regress, cfg.db_path, sync_interval, &err);
	if (!ret)
		ret = mailer_start(&mailer, &mcfg, cfg.db_path, digest_interval,
				   &err);
	if (!ret)
		ret = http_serve(&cfg, &err);
	mailer_stop(mailer);
	regress_free(cfg.regress);
	owners_source_free(cfg.owners);
	indexer_stop();
	db_close(owners_db);
	if (ret)
		fprintf(stderr, "splatd serve: %s\n", err.buf);
	if (cfg.access_log && cfg.access_log != stderr &&
	    cfg.access_log != stdout)
		fclose(cfg.access_log);
	strbuf_release(&err);
	return ret ? 1 : 0;
usage:
	fprintf(stderr, "splatd serve: bad or incomplete option '%s'\n",
		argv[i]);
	fputs(serve_usage, stderr);
	return 2;
}
