// SPDX-License-Identifier: GPL-2.0
/* cmd_serve: `splatd serve`, the HTTP service on its embedded database. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <malloc.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <systemd/sd-daemon.h>
#include <unistd.h>

#include "db/db.h"
#include "db/roles.h"
#include "db/signatures.h"
#include "parsers/alloc.h"
#include "parsers/compiler.h"
#include "server/cmds.h"
#include "server/config.h"
#include "server/http/api.h"
#include "server/http/http.h"
#include "server/kcidb/fetcher.h"
#include "server/kcidb/logname.h"
#include "server/options.h"
#include "server/triage/indexer.h"
#include "server/triage/owners.h"
#include "server/triage/regress.h"
#include "server/triage/ingest.h"
#include "server/kcidb/export.h"
#include "server/mail/mail.h"
#include "server/mail/mailer.h"

static const char serve_usage[] =
	"usage: splatd serve [options]\n"
	"\n"
	"  --config FILE           read options from FILE first, one 'key =\n"
	"                          value' line per option without '--'\n"
	"                          (" CONFIG_DEFAULT_PATH " when there);\n"
	"                          options given here override it, SIGHUP\n"
	"                          re-reads it (docs/operating.md)\n"
	"  --listen HOST:PORT      address to listen on (127.0.0.1:8080;\n"
	"                          port 0 picks a free one, printed on stdout)\n"
	"  --db PATH               SQLite database (var/splatd.db)\n"
	"  --static DIR            dashboard files (./static, else the\n"
	"                          installed PREFIX/share/splatd/static)\n"
	"  --max-body SIZE         largest request body on the wire (64M)\n"
	"  --max-decompressed SIZE largest log after gunzip (256M)\n"
	"  --max-line SIZE         longest log line (64K)\n"
	"  --max-json SIZE         largest JSON upload after gunzip (16M)\n"
	"  --max-buffered SIZE     memory all buffered (JSON) bodies in\n"
	"                          flight may hold together, each counted\n"
	"                          twice; 503 past it (256M, at least twice\n"
	"                          --max-json)\n"
	"  --max-reports N         most reports in one run (1000)\n"
	"  --max-samples N         report texts kept per signature, >= 2\n"
	"                          (32; docs/storage.md)\n"
	"  --public-read           reads (GET /api/v1/..., /metrics) need no\n"
	"                          token (default)\n"
	"  --private               every data endpoint, /metrics included,\n"
	"                          needs a token; /healthz and the static files\n"
	"                          (the dashboard, which holds no data and sends\n"
	"                          the token it is given) stay open\n"
	"  --metrics-public        /metrics needs no token even with --private\n"
	"  --threads N             requests on the database at once: N + 1\n"
	"                          connections (N: one per core; 1-256);\n"
	"                          every client connection has its own\n"
	"                          thread\n"
	"  --max-conns N           open connections served in all (1000;\n"
	"                          one more is answered 503 and closed)\n"
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
	"                          'off' for none); reopened on SIGHUP\n"
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
	"                          0: never; docs/mail.md)\n"
	"  --kcidb-origin ORIGIN   the origin of GET /api/v1/kcidb's ids\n"
	"                          ([a-z0-9_]+; splatd; docs/interop.md)\n"
	"  --kcidb-fetch-allow PREFIX\n"
	"                          POST /api/v1/kcidb fetches a test's\n"
	"                          log_url when it starts with PREFIX\n"
	"                          (http:// or https://; repeatable; none:\n"
	"                          log_urls are skipped; docs/interop.md)\n"
	"  --kcidb-log-name NAME   a test's output file called NAME (or\n"
	"                          NAME.gz, case-blind) holds its kernel\n"
	"                          log, besides dmesg, console.log, ...\n"
	"                          (repeatable; docs/interop.md)\n"
	"  --kcidb-fetch-timeout SECS\n"
	"                          a log_url fetch's whole time (60)\n"
	"  --kcidb-fetch-connect-timeout SECS\n"
	"                          ... its connection's (10)\n"
	"  --kcidb-fetch-retry SECS\n"
	"                          a failed fetch is retried after SECS,\n"
	"                          doubled each time up to a day (60)\n"
	"  --kcidb-fetch-attempts N\n"
	"                          ... and given up after N attempts (8)\n"
	"  --kcidb-fetch-workers N log_url fetches at once (4; 1 to 64)\n"
	"  --kcidb-fetch-per-host N\n"
	"                          ... at most N of them from one host (2;\n"
	"                          1 to --kcidb-fetch-workers)\n" MAIL_USAGE;

/* Everything serve's options set: the destinations of its table. */
struct serve_settings {
	struct ingest_limits limits;
	struct http_config http;
	struct regress_config regress;
	struct mail_config mail;
	struct kcidb_fetch_config kcidb_fetch;
	unsigned sync_interval, digest_interval, index_budget;
	const char *config, *access_log, *ktree, *krepo, *kref;
	const char *public_url; /* --public-url as given, or NULL */
};

/*
 * The one table of serve's options, for argv and the configuration file
 * (its keys are these names without "--").
 */
#define SERVE_OPTIONS(s)                                                       \
	OPT_STRING("--config", &(s)->config),                                  \
		OPT_CALLBACK("--listen", &(s)->http.listen,                    \
			     http_listen_option),                              \
		OPT_STRING("--db", &(s)->http.db_path),                        \
		OPT_STRING("--static", &(s)->http.static_dir),                 \
		OPT_SIZE("--max-body", &(s)->http.max_body, OPTIONS_NONZERO),  \
		OPT_SIZE("--max-decompressed", &(s)->limits.max_decompressed,  \
			 OPTIONS_NONZERO),                                     \
		OPT_SIZE("--max-line", &(s)->limits.max_line,                  \
			 OPTIONS_NONZERO),                                     \
		OPT_SIZE("--max-json", &(s)->http.max_json, OPTIONS_NONZERO),  \
		OPT_SIZE("--max-buffered", &(s)->http.max_buffered,            \
			 OPTIONS_NONZERO),                                     \
		OPT_SIZE("--max-reports", &(s)->limits.max_reports,            \
			 OPTIONS_NONZERO),                                     \
		OPT_UINT("--max-samples", &(s)->limits.max_samples,            \
			 OPTIONS_NONZERO),                                     \
		OPT_BOOL("--public-read", &(s)->http.public_read, true),       \
		OPT_BOOL("--private", &(s)->http.public_read, false),          \
		OPT_BOOL("--metrics-public", &(s)->http.metrics_public, true), \
		OPT_CALLBACK("--threads", &(s)->http.threads,                  \
			     http_threads_option),                             \
		OPT_SIZE("--max-conns", &(s)->http.max_conns,                  \
			 OPTIONS_NONZERO),                                     \
		OPT_SIZE("--max-conns-per-ip", &(s)->http.max_conns_per_ip,    \
			 OPTIONS_NONZERO),                                     \
		OPT_UINT("--header-timeout", &(s)->http.guard.header_timeout,  \
			 0),                                                   \
		OPT_UINT("--body-timeout", &(s)->http.guard.body_timeout, 0),  \
		OPT_SIZE("--body-min-rate", &(s)->http.guard.body_min_rate,    \
			 0),                                                   \
		OPT_SIZE("--wal-frames", &(s)->http.wal_frames,                \
			 OPTIONS_NONZERO),                                     \
		OPT_STRING("--access-log", &(s)->access_log),                  \
		OPT_UINT("--fixed-after", &(s)->regress.fixed_after,           \
			 OPTIONS_NONZERO),                                     \
		OPT_UINT("--sync-interval", &(s)->sync_interval, 0),           \
		OPT_UINT("--sync-window", &(s)->regress.window,                \
			 OPTIONS_NONZERO),                                     \
		OPT_UINT("--index-budget", &(s)->index_budget, 0),             \
		OPT_STRING("--kernel-tree", &(s)->ktree),                      \
		OPT_STRING("--kernel-repo", &(s)->krepo),                      \
		OPT_STRING("--kernel-ref", &(s)->kref),                        \
		OPT_UINT("--digest-interval", &(s)->digest_interval, 0),       \
		OPT_CALLBACK_SAME("--kcidb-origin", &(s)->http.kcidb_origin,   \
				  kcidb_origin_option, options_same_string),   \
		OPT_CALLBACK_SAME("--kcidb-fetch-allow", &(s)->kcidb_fetch,    \
				  kcidb_fetch_allow_opt,                       \
				  kcidb_fetch_allow_same),                     \
		OPT_CALLBACK_SAME("--kcidb-log-name", &(s)->kcidb_fetch,       \
				  kcidb_logname_opt,                           \
				  kcidb_fetch_log_names_same),                 \
		OPT_UINT("--kcidb-fetch-timeout", &(s)->kcidb_fetch.timeout,   \
			 OPTIONS_NONZERO),                                     \
		OPT_UINT("--kcidb-fetch-connect-timeout",                      \
			 &(s)->kcidb_fetch.connect_timeout, OPTIONS_NONZERO),  \
		OPT_UINT("--kcidb-fetch-retry", &(s)->kcidb_fetch.retry,       \
			 OPTIONS_NONZERO),                                     \
		OPT_UINT("--kcidb-fetch-attempts", &(s)->kcidb_fetch.attempts, \
			 OPTIONS_NONZERO),                                     \
		OPT_UINT("--kcidb-fetch-workers", &(s)->kcidb_fetch.workers,   \
			 0),                                                   \
		OPT_UINT("--kcidb-fetch-per-host", &(s)->kcidb_fetch.per_host, \
			 0),                                                   \
		MAIL_OPTIONS(&(s)->mail), OPT_END

/*
 * The dashboard `make install` puts beside the program:
 * PREFIX/share/splatd/static for PREFIX/bin/splatd, whatever PREFIX was.
 * NULL when there is none.
 */
static const char *installed_static(void)
{
	static char dir[PATH_MAX];
	char exe[PATH_MAX], rel[PATH_MAX];
	struct stat st;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	if ((size_t)snprintf(rel, sizeof(rel), "%s/../share/splatd/static",
			     exe) >= sizeof(rel) ||
	    !realpath(rel, dir) || stat(dir, &st) || !S_ISDIR(st.st_mode))
		return NULL;
	return dir;
}

/* Every setting at its default, before the file and argv. */
static void settings_init(struct serve_settings *s)
{
	const struct ingest_limits limits = INGEST_LIMITS_INIT;
	const struct kcidb_fetch_config kcidb_fetch = KCIDB_FETCH_CONFIG_INIT;
	struct stat st;

	*s = (struct serve_settings){ .limits = limits,
				      .sync_interval = 600,
				      .digest_interval = 900,
				      .index_budget = 12,
				      .kcidb_fetch = kcidb_fetch,
				      .kref = "HEAD" };
	http_config_init(&s->http);
	mail_config_init(&s->mail);
	/* NULL tells whether --public-url was given (see settings_finish) */
	s->mail.public_url = NULL;
	s->http.limits = &s->limits;
	s->http.kcidb_fetch = &s->kcidb_fetch;
	if (!stat("static", &st) && S_ISDIR(st.st_mode))
		s->http.static_dir = "static";
	else
		s->http.static_dir = installed_static();
}

/* After the file and argv: API replies link absolutely only with a
 * --public-url; mail always does, on its default. */
static void settings_finish(struct serve_settings *s)
{
	struct mail_config defaults;

	mail_config_init(&defaults);
	s->public_url = s->mail.public_url;
	/* a log_url's body is capped on the wire as a request's is */
	s->kcidb_fetch.max_body = s->http.max_body;
	if (!s->mail.public_url)
		s->mail.public_url = defaults.public_url;
}

/* Parse argv into s: 0, OPTIONS_HELP, or -EINVAL with *bad at argv[*bad]. */
static int settings_argv(struct serve_settings *s, int argc, char **argv,
			 int *bad)
{
	const struct options_row opts[] = { SERVE_OPTIONS(s) };
	int i, ret;

	for (i = 1; i < argc; i++) {
		ret = options_parse(opts, argc, argv, &i);
		if (!ret && i < argc)
			ret = -EINVAL;
		if (ret) {
			*bad = i < argc ? i : argc - 1;
			return ret;
		}
	}
	return 0;
}

/*
 * The configuration file (the one argv names, else the default when it is
 * there), then argv over it.  argv was checked already (settings_argv).
 */
static int settings_load(struct serve_settings *s, struct config *c,
			 const char *path, int argc, char **argv,
			 struct strbuf *err)
{
	const struct options_row opts[] = { SERVE_OPTIONS(s) };
	int bad, ret;

	settings_init(s);
	ret = config_read(c, opts, path ? path : CONFIG_DEFAULT_PATH, !!path,
			  err);
	if (ret && (path || ret != -ENOENT))
		return ret;
	s->config = NULL;
	settings_argv(s, argc, argv, &bad);
	settings_finish(s);
	return 0;
}

int serve_config_mail(const char *path, struct config *c,
		      struct mail_config *mail, const char **db_path,
		      struct strbuf *err)
{
	struct serve_settings s;
	const struct options_row opts[] = { SERVE_OPTIONS(&s) };
	int ret;

	settings_init(&s);
	s.mail = *mail;
	s.http.db_path = *db_path;
	ret = config_read(c, opts, path ? path : CONFIG_DEFAULT_PATH, !!path,
			  err);
	if (ret)
		return ret;
	*mail = s.mail;
	*db_path = s.http.db_path;
	return 0;
}

/* Whether the access log is a file (not stderr, '-' or 'off'). */
static bool log_is_file(const char *log)
{
	return log && strcmp(log, "off") && strcmp(log, "-");
}

static int open_access_log(struct serve_settings *s, struct strbuf *err)
{
	const char *log = s->access_log;

	if (log && !strcmp(log, "off")) {
		s->http.access_log = NULL;
	} else if (log && !strcmp(log, "-")) {
		s->http.access_log = stdout;
	} else if (log) {
		s->http.access_log = fopen(log, "ae");
		if (!s->http.access_log) {
			strbuf_addf(err, "%s: %s", log, strerror(errno));
			return -errno;
		}
		setvbuf(s->http.access_log, NULL, _IOLBF, 0);
	}
	if (s->http.access_log == stdout)
		setvbuf(stdout, NULL, _IOLBF, 0);
	return 0;
}

/* What SIGHUP needs: how serve was started and what it runs with. */
struct serve_state {
	struct serve_settings *cur;
	const char *config_path; /* --config, or NULL for the default */
	int argc;
	char **argv;
	char *access_log; /* the running log's path after a reload */
};

/*
 * Reopen the access log at path onto the running stream (logrotate moves
 * the file away, then sends SIGHUP): the workers keep writing through the
 * same FILE, now into the new file.
 */
static int reopen_access_log(FILE *log, const char *path, struct strbuf *err)
{
	int fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
	int ret = 0;

	if (fd < 0) {
		ret = -errno;
		strbuf_addf(err, "%s: %s", path, strerror(errno));
		return ret;
	}
	fflush(log);
	if (dup3(fd, fileno(log), O_CLOEXEC) < 0) {
		ret = -errno;
		strbuf_addf(err, "%s: %s", path, strerror(errno));
	}
	close(fd);
	return ret;
}

/*
 * SIGHUP: read the configuration file and argv again.  What changed is
 * applied when that is safe while requests run (the access log: reopened,
 * also when its path is the same); anything else is read by running
 * threads without a lock, or fixed when they started (listen address,
 * database, threads, limits, mail), and is logged as taking effect at the
 * next restart.  A file that no longer reads leaves everything as it was.
 */
static void serve_reload(struct serve_state *st)
{
	struct serve_settings n;
	struct config c = CONFIG_INIT;
	struct strbuf err = STRBUF_INIT;
	const struct options_row cur[] = { SERVE_OPTIONS(st->cur) };
	const struct options_row now[] = { SERVE_OPTIONS(&n) };
	const char *old_log = st->access_log ? st->access_log :
					       st->cur->access_log;
	size_t i, j;

	sd_notify(0, "RELOADING=1");
	if (settings_load(&n, &c, st->config_path, st->argc, st->argv, &err)) {
		fprintf(stderr, "splatd serve: reload: %s; nothing changed\n",
			err.buf);
		goto out;
	}
	for (i = 0; cur[i].name; i++) {
		if (!strcmp(cur[i].name, "--access-log") ||
		    options_same(&cur[i], &now[i]))
			continue;
		/* --public-read and --private: one setting, said once
		 * (--kcidb-fetch-allow and --kcidb-log-name fill one struct,
		 * each its own part: each is said) */
		for (j = 0; j < i && (cur[j].dest != cur[i].dest ||
				      cur[j].cb != cur[i].cb);
		     j++)
			;
		if (j < i)
			continue;
		fprintf(stderr,
			"splatd serve: reload: %s changed; it takes effect"
			" at the next restart\n",
			cur[i].name + 2);
	}
	if (log_is_file(old_log) && log_is_file(n.access_log)) {
		if (reopen_access_log(st->cur->http.access_log, n.access_log,
				      &err)) {
			fprintf(stderr, "splatd serve: reload: access log %s\n",
				err.buf);
			goto out;
		}
		free(st->access_log);
		st->access_log = xstrdup(n.access_log);
		fprintf(stderr, "splatd serve: reload: access log %s\n",
			n.access_log);
	} else if (!(old_log == n.access_log ||
		     (old_log && n.access_log &&
		      !strcmp(old_log, n.access_log)))) {
		fprintf(stderr,
			"splatd serve: reload: access-log changed to or from"
			" stderr, '-' or 'off'; it takes effect at the next"
			" restart\n");
	}
	if (st->config_path || !access(CONFIG_DEFAULT_PATH, F_OK))
		fprintf(stderr, "splatd serve: reloaded %s\n",
			st->config_path ? st->config_path :
					  CONFIG_DEFAULT_PATH);
	else
		fprintf(stderr, "splatd serve: reloaded (no configuration"
				" file, the command line only)\n");
out:
	sd_notify(0, "READY=1");
	config_release(&c);
	strbuf_release(&err);
}

/* http_serve's signal hook: SIGHUP reloads, the others stop it. */
static void serve_signal(void *arg, int sig)
{
	if (sig == SIGHUP)
		serve_reload(arg);
	else
		sd_notify(0, "STOPPING=1");
}

/* Listening: tell systemd (Type=notify; nothing without $NOTIFY_SOCKET). */
static void serve_ready(void *arg UNUSED, struct MHD_Daemon *d UNUSED)
{
	sd_notify(0, "READY=1");
}

int cmd_serve(int argc, char **argv)
{
	struct serve_settings s, first;
	struct serve_state state = { &s, NULL, argc, argv, NULL };
	struct config c = CONFIG_INIT;
	struct mailer *mailer = NULL;
	struct kcidb_fetcher *fetcher = NULL;
	struct indexer *indexer = NULL;
	struct strbuf err = STRBUF_INIT;
	struct db *owners_db = NULL;
	sigset_t sigs;
	int bad = 0, ret;

	/*
	 * Lockdep parsers (one per connection, reset between runs) and
	 * buffers grow arena chunks of >= 128 KiB: keep such blocks in the
	 * heap and do not hand freed memory back, or every request pays
	 * fresh page faults and TLB shootdowns (../shared/PERF-NOTES.md,
	 * outside this tree: 10-13 us per 4 KiB page).
	 */
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 256 << 20);
	/* argv alone first: usage errors, --help and --config */
	settings_init(&first);
	ret = settings_argv(&first, argc, argv, &bad);
	if (ret == OPTIONS_HELP) {
		fputs(serve_usage, stdout);
		return 0;
	}
	if (ret)
		goto usage;
	state.config_path = first.config;
	ret = settings_load(&s, &c, state.config_path, argc, argv, &err);
	if (ret) {
		fprintf(stderr, "splatd serve: %s\n", err.buf);
		config_release(&c);
		strbuf_release(&err);
		return 2;
	}
	if (http_config_check(&s.http, &err)) {
		fprintf(stderr, "splatd serve: %s\n", err.buf);
		config_release(&c);
		strbuf_release(&err);
		return 2;
	}
	if (kcidb_fetch_config_check(&s.kcidb_fetch, &err)) {
		fprintf(stderr, "splatd serve: %s\n", err.buf);
		config_release(&c);
		strbuf_release(&err);
		return 2;
	}
	if (s.limits.max_samples < DB_MIN_SAMPLES) {
		fputs("splatd serve: --max-samples must be at least 2\n",
		      stderr);
		config_release(&c);
		strbuf_release(&err);
		return 2;
	}
	if (open_access_log(&s, &err)) {
		fprintf(stderr, "splatd serve: %s\n", err.buf);
		config_release(&c);
		strbuf_release(&err);
		return 1;
	}
	api_set_public_url(s.public_url);
	/*
	 * Signals go to the thread that waits for them (http_serve): block
	 * them before any thread starts, as threads inherit the mask.
	 */
	sigemptyset(&sigs);
	sigaddset(&sigs, SIGHUP);
	sigaddset(&sigs, SIGINT);
	sigaddset(&sigs, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &sigs, NULL);
	s.http.on_serving = serve_ready;
	s.http.on_signal = serve_signal;
	s.http.on_signal_arg = &state;
	/*
	 * The owners source gets a connection of its own (it is used under the
	 * source's lock): trees whose function index `splatd git index`
	 * stored load in milliseconds instead of being rebuilt (~30 s for a
	 * full kernel tree).
	 */
	if (db_open(&owners_db, s.http.db_path, &err) ||
	    db_writable(owners_db, &err) ||
	    db_instance_claim(s.http.db_path, &err)) {
		fprintf(stderr, "splatd serve: %s\n", err.buf);
		ret = 1;
		goto out;
	}
	/* a directory has no commit to find a stored index by: it is built
	 * before the service listens (docs/owners.md), so say why it waits */
	if (s.ktree && !s.krepo)
		fprintf(stderr,
			"splatd serve: building the function index of %s before"
			" listening (about half a minute for a full kernel"
			" tree; a tree added with `splatd git tree add` and"
			" indexed with `splatd git index` loads in"
			" milliseconds)\n",
			s.ktree);
	if (indexer_start(&indexer, s.http.db_path, s.index_budget, &err) ||
	    ((s.ktree || s.krepo) ?
		     owners_source_new(&s.http.owners, s.ktree, s.krepo, s.kref,
				       owners_db, &err) :
		     owners_source_from_trees(&s.http.owners, owners_db,
					      indexer, &err))) {
		fprintf(stderr, "splatd serve: kernel tree: %s\n", err.buf);
		indexer_stop(indexer);
		ret = 1;
		goto out;
	}
	s.regress.indexer = indexer;
	s.regress.public_url = s.public_url; /* splatd's own pages as fixes' */
	s.http.regress = regress_new(&s.regress);
	ret = regress_sync_start(s.http.regress, s.http.db_path,
				 s.sync_interval, &err);
	if (!ret)
		ret = mailer_start(&mailer, &s.mail, s.http.db_path,
				   s.digest_interval, &err);
	if (!ret)
		ret = kcidb_fetcher_start(&fetcher, &s.kcidb_fetch, &s.limits,
					  s.http.regress, s.http.db_path, &err);
	s.http.kcidb_fetcher = fetcher;
	if (!ret)
		ret = http_serve(&s.http, &err);
	kcidb_fetcher_stop(fetcher);
	mailer_stop(mailer);
	regress_free(s.http.regress);
	owners_source_free(s.http.owners);
	indexer_stop(indexer);
	db_roles_close();
	if (ret)
		fprintf(stderr, "splatd serve: %s\n", err.buf);
	ret = ret ? 1 : 0;
out:
	db_close(owners_db);
	if (s.http.access_log && s.http.access_log != stderr &&
	    s.http.access_log != stdout)
		fclose(s.http.access_log);
	free(state.access_log);
	config_release(&c);
	strbuf_release(&err);
	return ret;
usage:
	fprintf(stderr, "splatd serve: bad or incomplete option '%s'\n",
		argv[bad]);
	fputs(serve_usage, stderr);
	return 2;
}
