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
#include "server/triage/ingest.h"
#include "server/triage/owners.h"
#include "server/triage/regress.h"

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
	"  --kernel-tree DIR       kernel tree for owners (MAINTAINERS)\n"
	"  --kernel-repo GITDIR    ... or a kernel git repository, read at\n"
	"                          each run's commit when it has it, else\n"
	"  --kernel-ref REF        at REF (HEAD)\n";

/* "64M", "512K", "1G", "1000" -> bytes; -EINVAL when malformed. */
static int parse_size(const char *s, unsigned long long *out)
{
	unsigned long long v;
	char *end;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (end == s || errno)
		return -EINVAL;
	switch (*end) {
	case 'G':
		v <<= 10;
		/* fall through */
	case 'M':
		v <<= 10;
		/* fall through */
	case 'K':
		v <<= 10;
		end++;
		break;
	case '\0':
		break;
	default:
		return -EINVAL;
	}
	if (*end && strcmp(end, "iB") && strcmp(end, "B"))
		return -EINVAL;
	*out = v;
	return 0;
}

int cmd_serve(int argc, char **argv)
{
	struct ingest_limits limits = INGEST_LIMITS_INIT;
	struct http_config cfg;
	struct regress_config rcfg = { 0, 0 };
	unsigned sync_interval = 600;
	struct strbuf err = STRBUF_INIT;
	struct db *owners_db = NULL;
	unsigned long long v;
	const char *log = NULL;
	const char *ktree = NULL, *krepo = NULL, *kref = "HEAD";
	struct stat st;
	char *end;
	int i, ret;

	/*
	 * Lockdep parsers (one per connection, reset between runs) and
	 * buffers grow arena chunks of >= 128 KiB: keep such blocks in the
	 * heap and do not hand freed memory back, or every request pays
	 * fresh page faults and TLB shootdowns (PERF-NOTES.md: ~12 us per
	 * 4 KiB).
	 */
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	http_config_init(&cfg);
	cfg.limits = &limits;
	if (!stat("static", &st) && S_ISDIR(st.st_mode))
		cfg.static_dir = "static";
	for (i = 1; i < argc; i++) {
		const char *a = argv[i],
			   *val = i + 1 < argc ? argv[i + 1] : NULL;
		unsigned *secs = NULL;

		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			fputs(serve_usage, stdout);
			return 0;
		} else if (!strcmp(a, "--public-read")) {
			cfg.public_read = true;
			continue;
		} else if (!strcmp(a, "--private")) {
			cfg.public_read = false;
			continue;
		} else if (!strcmp(a, "--metrics-public")) {
			cfg.metrics_public = true;
			continue;
		}
		if (!val)
			goto usage;
		i++;
		if (!strcmp(a, "--listen")) {
			cfg.listen = val;
		} else if (!strcmp(a, "--db")) {
			cfg.db_path = val;
		} else if (!strcmp(a, "--static")) {
			cfg.static_dir = val;
		} else if (!strcmp(a, "--kernel-tree")) {
			ktree = val;
		} else if (!strcmp(a, "--kernel-repo")) {
			krepo = val;
		} else if (!strcmp(a, "--kernel-ref")) {
			kref = val;
		} else if (!strcmp(a, "--access-log")) {
			log = val;
		} else if (!strcmp(a, "--sync-interval")) {
			secs = &sync_interval;
		} else if (!strcmp(a, "--header-timeout")) {
			secs = &cfg.guard.header_timeout;
		} else if (!strcmp(a, "--body-timeout")) {
			secs = &cfg.guard.body_timeout;
		} else if (!strcmp(a, "--body-min-rate")) {
			if (parse_size(val, &cfg.guard.body_min_rate))
				goto usage;
		} else if (!strcmp(a, "--fixed-after")) {
			rcfg.fixed_after = (unsigned)strtoul(val, &end, 10);
			if (*end || !rcfg.fixed_after)
				goto usage;
		} else if (!strcmp(a, "--sync-window")) {
			rcfg.window = (unsigned)strtoul(val, &end, 10);
			if (*end || !rcfg.window)
				goto usage;
		} else if (parse_size(val, &v) || !v) {
			goto usage;
		} else if (!strcmp(a, "--max-body")) {
			cfg.max_body = v;
		} else if (!strcmp(a, "--max-decompressed")) {
			limits.max_decompressed = v;
		} else if (!strcmp(a, "--max-json")) {
			cfg.max_json = v;
		} else if (!strcmp(a, "--max-buffered")) {
			cfg.max_buffered = v;
		} else if (!strcmp(a, "--max-line")) {
			limits.max_line = (size_t)v;
		} else if (!strcmp(a, "--max-reports")) {
			limits.max_reports = (unsigned)v;
		} else if (!strcmp(a, "--threads")) {
			cfg.threads = (unsigned)v;
		} else if (!strcmp(a, "--max-conns")) {
			cfg.max_conns = (unsigned)v;
		} else if (!strcmp(a, "--max-conns-per-ip")) {
			cfg.max_conns_per_ip = (unsigned)v;
		} else if (!strcmp(a, "--wal-frames")) {
			cfg.wal_frames = (unsigned)v;
		} else {
			goto usage;
		}
		if (secs) {
			*secs = (unsigned)strtoul(val, &end, 10);
			if (*end || end == val)
				goto usage;
		}
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
	if ((ktree || krepo) && (db_open(&owners_db, cfg.db_path, &err) ||
				 owners_source_new(&cfg.owners, ktree, krepo,
						   kref, owners_db, &err))) {
		fprintf(stderr, "splatd serve: kernel tree: %s\n", err.buf);
		strbuf_release(&err);
		db_close(owners_db);
		return 1;
	}
	cfg.regress = regress_new(&rcfg);
	ret = regress_sync_start(cfg.regress, cfg.db_path, sync_interval, &err);
	if (!ret)
		ret = http_serve(&cfg, &err);
	regress_free(cfg.regress);
	owners_source_free(cfg.owners);
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
