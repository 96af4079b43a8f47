// SPDX-License-Identifier: GPL-2.0
/*
 * ingest: the ingest benchmark of `make bench`.  N client threads, each on
 * one keep-alive connection, POST realistic 256 KB CI logs (one lockdep report
 * each, a mix of known and new signatures, unique run ids; a share of the
 * logs hold many reports of a few signatures each) for a fixed time,
 * first to a minimal libmicrohttpd sink built here that reads and discards
 * the bodies (the HTTP ceiling of this machine), then to `splatd serve` on a
 * fresh database.  Prints runs/s, MB/s, p50/p99 latency, the ratio to the
 * sink and the server's peak RSS, and checks that the database holds one
 * occurrence per report the server acknowledged.  Then it builds (once,
 * cached) a database with 1,000,000 occurrences and prints the latency of
 * the top-50 list.
 *
 * usage: ingest [-c CONNS] [-d SECONDS] [-n NEW_PERCENT] [-k BODY_KB]
 *               [-r MANY_PERCENT] [-R REPORTS] [-m OCCURRENCES]
 *               [-S] [-D DB] [-I INSTANCES] [-L LISTDB]
 *               SPLATD SPLAT_FILE OUT_DIR
 * -m 0 leaves the list database out.  The postgres section (bench/run.sh)
 * adds: -S no sink, -D the database to load (a fresh one the caller made,
 * SQLite or PostgreSQL) instead of OUT_DIR/ingest.db, -I that many `splatd
 * serve` on it with the connections spread over them, -L only the list
 * latencies, on the list database LISTDB.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench/http_client.h"
#include "db/db.h"
#include "db/runs.h"
#include "db/signatures.h"
#include "parsers/alloc.h"
#include "parsers/lockdep.h"
#include "parsers/strbuf.h"
#include "server/triage/ingest.h"

#define PLACEHOLDER "bus_notifier"
#define TAG_LEN 8 /* hex digits appended to the placeholder */
#define KNOWN_TAGS 16
#define SAME_SIGNATURE 10 /* consecutive copies sharing a tag in a many log */

struct opts {
	int conns, seconds, new_percent, body_kb, many_percent, many_reports;
	int instances;
	bool no_sink;
	long occurrences;
	const char *splatd, *splat, *out, *db, *listdb;
};

/* The request body: filler dmesg lines around copies of one report whose
 * lock class carries a TAG_LEN-digit tag, rewritten per request (copy j of
 * a many-report body gets tag + j / SAME_SIGNATURE). */
struct body {
	struct strbuf text;
	size_t *tags; /* offsets of the tags */
	unsigned *copy; /* the copy each tag is in */
	size_t ntags;
	unsigned reports;
};

struct client {
	const struct opts *o;
	const struct body *tmpl, *many;
	int port, id;
	const char *token;
	uint64_t end_ns;
	uint64_t *lat;
	size_t nlat, cap;
	uint64_t bytes, errors, reports;
	unsigned seed;
};

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ULL + (uint64_t)ts.tv_nsec;
}

static void die(const char *what)
{
	fprintf(stderr, "bench ingest: %s: %s\n", what, strerror(errno));
	exit(1);
}

/* ---- the body ------------------------------------------------------------ */

static void add_filler(struct strbuf *sb, double *ts, size_t until)
{
	static const char *const lines[] = {
		"i915 0000:00:02.0: [drm] GT0: GuC firmware i915/tgl_guc_70.bin"
		" version 70.5.1",
		"usb 1-1: new high-speed USB device number 2 using xhci_hcd",
		"EXT4-fs (nvme0n1p2): mounted filesystem with ordered data mode."
		" Quota mode: none.",
		"[IGT] kms_flip: executing",
		"[IGT] kms_flip: starting subtest flip-vs-expired-vblank",
		"e1000e 0000:00:1f.6 eth0: NIC Link is Up 1000 Mbps Full Duplex,"
		" Flow Control: None",
		"systemd-journald[312]: Received client request to flush runtime"
		" journal.",
		"perf: interrupt took too long (2503 > 2500), lowering"
		" kernel.perf_event_max_sample_rate to 79750",
	};
	size_t i = 0;

	while (sb->len < until) {
		strbuf_addf(sb, "<6>[%12.6f] %s\n", *ts,
			    lines[i++ % ARRAY_SIZE(lines)]);
		*ts += 0.000731;
	}
}

/* A log of size bytes (at least) with copies of the report at splat_path. */
static void body_build(struct body *b, const char *splat_path, size_t size,
		       unsigned copies)
{
	FILE *f = fopen(splat_path, "r");
	char line[4096];
	double ts = 1.0;
	unsigned j;
	char *p, *q;

	if (!f)
		die(splat_path);
	strbuf_init(&b->text, size + 4096);
	b->tags = NULL;
	b->copy = NULL;
	b->ntags = 0;
	b->reports = copies;
	add_filler(&b->text, &ts, size / 2);
	for (j = 0; j < copies; j++) {
		rewind(f);
		while (fgets(line, sizeof(line), f)) {
			strbuf_addf(&b->text, "<4>[%12.6f] ", ts);
			ts += 0.000013;
			for (p = line; (q = strstr(p, PLACEHOLDER)); p = q) {
				q += strlen(PLACEHOLDER);
				strbuf_add(&b->text, p, (size_t)(q - p));
				b->tags = xrealloc(b->tags,
						   (b->ntags + 1) *
							   sizeof(*b->tags));
				b->copy = xrealloc(b->copy,
						   (b->ntags + 1) *
							   sizeof(*b->copy));
				b->copy[b->ntags] = j;
				b->tags[b->ntags++] = b->text.len;
				strbuf_addstr(&b->text, "00000000");
			}
			strbuf_addstr(&b->text, p);
		}
	}
	fclose(f);
	add_filler(&b->text, &ts, size);
	if (!b->ntags) {
		fprintf(stderr, "bench ingest: no '%s' in %s\n", PLACEHOLDER,
			splat_path);
		exit(1);
	}
}

static void body_tag(char *text, const struct body *b, uint32_t tag)
{
	static const char hex[] = "0123456789abcdef";
	uint32_t t;
	size_t i;
	int k;

	for (i = 0; i < b->ntags; i++) {
		t = tag + b->copy[i] / SAME_SIGNATURE;
		for (k = 0; k < TAG_LEN; k++)
			text[b->tags[i] + (size_t)k] =
				hex[(t >> (4 * (TAG_LEN - 1 - k))) & 15];
	}
}

/* ---- one HTTP/1.1 keep-alive connection ----------------------------------- */

static int conn_open(int port)
{
	int fd = http_client_open(port);

	if (fd < 0)
		die("connect");
	return fd;
}

static void record(struct client *c, uint64_t ns)
{
	ALLOC_GROW(c->lat, c->nlat + 1, c->cap);
	c->lat[c->nlat++] = ns;
}

static void *client_run(void *arg)
{
	struct client *c = arg;
	char *one = malloc(c->tmpl->text.len), head[512], resp[65536];
	char *many = malloc(c->many->text.len), *text;
	const struct body *b;
	struct iovec iov[2];
	uint64_t i = 0, t0;
	bool close_after = false;
	int fd = conn_open(c->port), n, status;
	uint32_t tag;

	if (!one || !many)
		die("malloc");
	memcpy(one, c->tmpl->text.buf, c->tmpl->text.len);
	memcpy(many, c->many->text.buf, c->many->text.len);
	while (now_ns() < c->end_ns) {
		i++;
		if ((int)(rand_r(&c->seed) % 100) < c->o->many_percent) {
			b = c->many;
			text = many;
		} else {
			b = c->tmpl;
			text = one;
		}
		if ((int)(rand_r(&c->seed) % 100) < c->o->new_percent)
			tag = 0x80000000u | ((uint32_t)c->id << 24) |
			      (uint32_t)(i & 0xffffff);
		else
			tag = (uint32_t)(rand_r(&c->seed) % KNOWN_TAGS);
		body_tag(text, b, tag);
		n = snprintf(head, sizeof(head),
			     "POST /api/v1/runs?id=bench-%d-%d-%llu&machine=m%d"
			     " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
			     "Authorization: Bearer %s\r\n"
			     "Content-Type: text/plain\r\n"
			     "Content-Length: %zu\r\n\r\n",
			     (int)getpid(), c->id, (unsigned long long)i, c->id,
			     c->token, b->text.len);
		iov[0].iov_base = head;
		iov[0].iov_len = (size_t)n;
		iov[1].iov_base = text;
		iov[1].iov_len = b->text.len;
		t0 = now_ns();
		if (http_client_write(fd, iov, 2) ||
		    (status = http_client_read(fd, resp, sizeof(resp),
					       &close_after)) < 0) {
			c->errors++;
			close(fd);
			fd = conn_open(c->port);
			continue;
		}
		record(c, now_ns() - t0);
		if (status != 201 && status != 200) {
			c->errors++;
		} else {
			c->bytes += b->text.len;
			c->reports += b->reports;
		}
		if (close_after) {
			close(fd);
			fd = conn_open(c->port);
		}
	}
	close(fd);
	free(one);
	free(many);
	return NULL;
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

struct result {
	double runs_s, mb_s, p50_ms, p99_ms;
	uint64_t runs, errors, reports;
};

static struct result load(const struct opts *o, const struct body *b,
			  const struct body *many, const int *ports, int nports,
			  const char *token)
{
	struct client *c = calloc((size_t)o->conns, sizeof(*c));
	pthread_t *th = calloc((size_t)o->conns, sizeof(*th));
	struct result r = { 0 };
	uint64_t *all, bytes = 0, start = now_ns();
	size_t n = 0, i, k;
	double secs;

	for (i = 0; i < (size_t)o->conns; i++) {
		c[i].o = o;
		c[i].tmpl = b;
		c[i].many = many;
		c[i].port = ports[i % (size_t)nports];
		c[i].id = (int)i;
		c[i].token = token;
		c[i].end_ns = start + (uint64_t)o->seconds * 1000000000ULL;
		c[i].seed = (unsigned)(i * 7919 + 1);
		pthread_create(&th[i], NULL, client_run, &c[i]);
	}
	for (i = 0; i < (size_t)o->conns; i++) {
		pthread_join(th[i], NULL);
		n += c[i].nlat;
	}
	secs = (double)(now_ns() - start) / 1e9;
	all = malloc((n + 1) * sizeof(*all));
	for (n = 0, i = 0; i < (size_t)o->conns; i++) {
		for (k = 0; k < c[i].nlat; k++)
			all[n++] = c[i].lat[k];
		bytes += c[i].bytes;
		r.errors += c[i].errors;
		r.reports += c[i].reports;
		free(c[i].lat);
	}
	qsort(all, n, sizeof(*all), cmp_u64);
	r.runs = n - r.errors;
	r.runs_s = (double)r.runs / secs;
	r.mb_s = (double)bytes / 1e6 / secs;
	r.p50_ms = n ? (double)all[n / 2] / 1e6 : 0;
	r.p99_ms = n ? (double)all[n * 99 / 100] / 1e6 : 0;
	free(all);
	free(c);
	free(th);
	return r;
}

/* ---- the sink: libmicrohttpd reading and discarding bodies --------------- */

static enum MHD_Result sink_request(void *cls, struct MHD_Connection *conn,
				    const char *url, const char *method,
				    const char *version, const char *data,
				    size_t *size, void **con_cls)
{
	static const char reply[] = "{\"reports\":[]}";
	static int started;
	struct MHD_Response *resp;
	enum MHD_Result ret;

	if (!*con_cls) {
		*con_cls = &started;
		return MHD_YES;
	}
	if (*size) {
		*size = 0; /* discard */
		return MHD_YES;
	}
	resp = MHD_create_response_from_buffer(sizeof(reply) - 1, (void *)reply,
					       MHD_RESPMEM_PERSISTENT);
	ret = MHD_queue_response(conn, 201, resp);
	MHD_destroy_response(resp);
	return ret;
}

static struct MHD_Daemon *sink_start(int *port)
{
	struct sockaddr_in a = { 0 };
	socklen_t len = sizeof(a);
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;
	struct MHD_Daemon *d;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);

	a.sin_family = AF_INET;
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
	if (bind(fd, (struct sockaddr *)&a, sizeof(a)) || listen(fd, 1024) ||
	    getsockname(fd, (struct sockaddr *)&a, &len))
		die("sink listen");
	*port = ntohs(a.sin_port);
	d = MHD_start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL, 0,
			     NULL, NULL, sink_request, NULL,
			     MHD_OPTION_LISTEN_SOCKET, fd,
			     MHD_OPTION_THREAD_POOL_SIZE,
			     (unsigned)(cores > 0 ? cores : 1),
			     MHD_OPTION_CONNECTION_MEMORY_LIMIT,
			     (size_t)(128 * 1024), MHD_OPTION_END);
	if (!d)
		die("sink start");
	return d;
}

/* ---- splatd serve as a child process ------------------------------------- */

static pid_t splatd_start(const char *splatd, const char *db, int *port)
{
	char line[256];
	int pfd[2];
	pid_t pid;
	FILE *f;

	if (pipe(pfd))
		die("pipe");
	pid = fork();
	if (pid < 0)
		die("fork");
	if (!pid) {
		dup2(pfd[1], 1);
		close(pfd[0]);
		execl(splatd, splatd, "serve", "--listen", "127.0.0.1:0",
		      "--db", db, "--access-log", "off", (char *)NULL);
		_exit(127);
	}
	close(pfd[1]);
	f = fdopen(pfd[0], "r");
	*port = 0;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "splatd: listening on http://127.0.0.1:%d",
			   port) == 1)
			break;
	if (!*port) {
		fprintf(stderr, "bench ingest: splatd serve did not start\n");
		exit(1);
	}
	/* keep the pipe open but unread: splatd prints nothing more */
	return pid;
}

static long peak_rss_kb(pid_t pid)
{
	char path[64], line[256];
	long kb = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/status", (int)pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* utime + stime of pid in seconds */
static double cpu_seconds(pid_t pid)
{
	char path[64], buf[1024], *p;
	unsigned long long ut = 0, st = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/stat", (int)pid);
	f = fopen(path, "r");
	if (!f || !fgets(buf, sizeof(buf), f)) {
		if (f)
			fclose(f);
		return 0;
	}
	fclose(f);
	p = strrchr(buf, ')');
	if (!p || sscanf(p + 2,
			 "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u"
			 " %llu %llu",
			 &ut, &st) != 2)
		return 0;
	return (double)(ut + st) / (double)sysconf(_SC_CLK_TCK);
}

/*
 * The CPU seconds of the PostgreSQL cluster in $SPLATD_PG_DIR (bench/run.sh,
 * tests/pg/cluster.sh): its postmaster's and those of the backends it has
 * reaped; -1 without one.
 */
static double pg_cpu_seconds(void)
{
	const char *dir = getenv("SPLATD_PG_DIR");
	unsigned long long ut, st, cut, cst;
	char path[600], buf[1024], *p;
	int pid = 0;
	FILE *f;

	if (!dir)
		return -1;
	snprintf(path, sizeof(path), "%s/data/postmaster.pid", dir);
	f = fopen(path, "r");
	if (!f || fscanf(f, "%d", &pid) != 1) {
		if (f)
			fclose(f);
		return -1;
	}
	fclose(f);
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	f = fopen(path, "r");
	if (!f || !fgets(buf, sizeof(buf), f)) {
		if (f)
			fclose(f);
		return -1;
	}
	fclose(f);
	p = strrchr(buf, ')');
	if (!p || sscanf(p + 2,
			 "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u"
			 " %llu %llu %llu %llu",
			 &ut, &st, &cut, &cst) != 4)
		return -1;
	return (double)(ut + st + cut + cst) / (double)sysconf(_SC_CLK_TCK);
}

/* One core, in process: the parser alone, then the whole ingest path
 * (caps, sha256, parser, signature copies) without HTTP and SQLite. */
static void parse_alone(const struct body *b)
{
	struct ingest_limits lim = INGEST_LIMITS_INIT;
	struct strbuf err = STRBUF_INIT;
	struct ingest *in = ingest_new();
	struct lockdep_sink sink = { NULL, NULL, NULL };
	struct lockdep_parser *p;
	uint64_t t0;
	int i, n = 200;

	t0 = now_ns();
	for (i = 0; i < n; i++) {
		p = lockdep_parser_new(&sink);
		lockdep_parser_feed(p, b->text.buf, b->text.len);
		lockdep_parser_finish(p);
		lockdep_parser_free(p);
	}
	printf("%-22s %8.0f bodies/s on one core (lockdep_parser_feed)\n",
	       "parser alone:", n / ((double)(now_ns() - t0) / 1e9));
	t0 = now_ns();
	for (i = 0; i < n; i++) {
		ingest_start(in, &lim);
		if (ingest_feed(in, b->text.buf, b->text.len, &err) ||
		    ingest_finish(in, &err) || ingest_report_count(in) != 1) {
			fprintf(stderr, "bench ingest: ingest: %s\n", err.buf);
			exit(1);
		}
	}
	printf("%-22s %8.0f bodies/s on one core (+ caps, sha256, copies)\n",
	       "ingest path alone:", n / ((double)(now_ns() - t0) / 1e9));
	ingest_free(in);
	strbuf_release(&err);
}

/* How many occurrences and runs the database at path holds (either
 * backend, through db/). */
static void stored_counts(const char *path, long long *occ, long long *runs)
{
	struct strbuf err = STRBUF_INIT;
	struct db *db = NULL;

	*occ = *runs = -1;
	if (!db_open(&db, path, &err) &&
	    db_scalar(db, DB_SQL_OCC_COUNT, occ, &err) == 0)
		db_scalar(db, DB_SQL_RUN_COUNT, runs, &err);
	db_close(db);
	strbuf_release(&err);
}

static void splatd_stop(pid_t pid)
{
	int st;

	kill(pid, SIGTERM);
	waitpid(pid, &st, 0);
}

static void token_create(const char *splatd, const char *db, char *out,
			 size_t n)
{
	struct strbuf cmd = STRBUF_INIT;
	char line[256];
	FILE *p;

	strbuf_addf(&cmd, "'%s' token create --name bench --role ci --db '%s'",
		    splatd, db);
	p = popen(cmd.buf, "r");
	if (!p)
		die("popen");
	out[0] = '\0';
	while (fgets(line, sizeof(line), p))
		snprintf(out, n, "%.*s", (int)strcspn(line, "\n"), line);
	pclose(p);
	strbuf_release(&cmd);
	if (strncmp(out, "splatd_", 7)) {
		fprintf(stderr, "bench ingest: no token from splatd\n");
		exit(1);
	}
}

/* ---- the 1,000,000-occurrence database and the top-50 list --------------- */

static void must(int ret, const struct strbuf *err)
{
	if (ret) {
		fprintf(stderr, "bench ingest: %s\n", err->buf);
		exit(1);
	}
}

static void list_db_build(const char *path, long occurrences)
{
	struct strbuf err = STRBUF_INIT, runid = STRBUF_INIT;
	struct strbuf title = STRBUF_INIT, search = STRBUF_INIT;
	struct db_signature_hit hit = { 0 };
	struct db_signature_new s = { 0 };
	struct db_occurrence occ = { 0 };
	struct db_run run = { 0 };
	struct db_edge edge = { 0 };
	char hash[17], ehash[17];
	const long per_run = 10, nsig = 20000;
	long r, j, sig;
	unsigned seed = 42;
	struct db *db;
	double u;

	must(db_open(&db, path, &err), &err);
	/* A throwaway bench database: no syncs, checkpoint in big steps. */
	sqlite3_exec(db->sq, "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	db_autocheckpoint(db, 100000);
	strbuf_init(&hit.hash, 0);
	strbuf_init(&hit.kind, 0);
	strbuf_init(&hit.title, 0);
	strbuf_init(&hit.status, 0);
	s.algo_version = 1;
	s.kind = "circular";
	s.classes = "[\"cpu_hotplug_lock\",\"cpuhp_state-up\"]";
	s.chain = s.classes;
	s.culprit_module = "coretemp";
	s.edges = &edge;
	s.nedges = 1;
	edge.hash = ehash;
	edge.from = "cpu_hotplug_lock";
	edge.to = "cpuhp_state-up";
	edge.function = "cpuhp_thread_fun";
	run.log_sha256 = "0";
	run.log_size = 262144;
	run.reports = per_run;
	occ.kernel = "6.0.0-rc6";
	occ.task = "cpuhp/0";
	occ.pid = 15;
	occ.text = "WARNING: possible circular locking dependency detected\n"
		   "cpuhp/0/15 is trying to acquire lock:\n"
		   "(&(&priv->bus_notifier)->rwsem) at: "
		   "blocking_notifier_call_chain";
	occ.raw = occ.text;
	for (r = 0; r < occurrences / per_run; r++) {
		if (r % 20000 == 0)
			must(db_begin(db, &err), &err);
		strbuf_reset(&runid);
		strbuf_addf(&runid, "list-%ld", r);
		run.run_id = runid.buf;
		run.machine = r % 3 ? "shard-glk1" : "shard-tglb2";
		run.received_at = 1700000000 + r;
		must(db_run_insert(db, &run, &run.id, &err), &err);
		for (j = 0; j < per_run; j++) {
			/* skewed: a few signatures are very common */
			u = (double)rand_r(&seed) / RAND_MAX;
			sig = (long)(u * u * u * (double)nsig);
			snprintf(hash, sizeof(hash), "%016lx",
				 (unsigned long)sig * 2654435761UL);
			snprintf(ehash, sizeof(ehash), "%016lx",
				 (unsigned long)(sig % 500) * 40503UL);
			strbuf_reset(&title);
			strbuf_addf(&title, "possible deadlock in fn_%ld", sig);
			strbuf_reset(&search);
			strbuf_addf(&search, "%s\ncpu_hotplug_lock\n",
				    title.buf);
			s.hash = hash;
			s.title = title.buf;
			s.culprit_function = title.buf + 21;
			s.search = search.buf;
			must(db_signature_record(db, &s, run.received_at, &hit,
						 &err),
			     &err);
			occ.signature_id = hit.id;
			occ.matched_id = hit.matched_id;
			occ.run = run.id;
			occ.seq = j;
			occ.ts = run.received_at;
			occ.is_new = hit.is_new;
			must(db_occurrence_insert(db, &occ, &err), &err);
		}
		if (r % 20000 == 19999 || r == occurrences / per_run - 1)
			must(db_commit(db, &err), &err);
	}
	db_close(db);
	strbuf_release(&err);
	strbuf_release(&runid);
	strbuf_release(&title);
	strbuf_release(&search);
	strbuf_release(&hit.hash);
	strbuf_release(&hit.kind);
	strbuf_release(&hit.title);
	strbuf_release(&hit.status);
}

static void list_latency(const char *label, int port, const char *path, int n)
{
	uint64_t *lat = calloc((size_t)n, sizeof(*lat)), t0;
	char head[512], resp[1 << 20];
	struct iovec iov;
	bool close_after;
	int fd = conn_open(port), i, len, status;

	for (i = -20; i < n; i++) { /* 20 warm-up requests */
		len = snprintf(head, sizeof(head),
			       "GET %s HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
			       path);
		iov.iov_base = head;
		iov.iov_len = (size_t)len;
		t0 = now_ns();
		if (http_client_write(fd, &iov, 1) ||
		    (status = http_client_read(fd, resp, sizeof(resp),
					       &close_after)) != 200) {
			fprintf(stderr, "bench ingest: GET %s failed\n", path);
			exit(1);
		}
		if (i >= 0)
			lat[i] = now_ns() - t0;
		if (close_after) {
			close(fd);
			fd = conn_open(port);
		}
	}
	close(fd);
	qsort(lat, (size_t)n, sizeof(*lat), cmp_u64);
	printf("%-34s p50 %7.3f ms  p99 %7.3f ms  (%d requests)\n", label,
	       (double)lat[n / 2] / 1e6, (double)lat[n * 99 / 100] / 1e6, n);
	free(lat);
}

/* The top-50 list on the list database at path (serve started on it). */
static void list_latencies(const struct opts *o, const char *path)
{
	int port;
	pid_t pid = splatd_start(o->splatd, path, &port);

	printf("top-50 signatures with %ld occurrences (goal p50 < 5 ms):\n",
	       o->occurrences);
	list_latency("  GET /api/v1/signatures?limit=50", port,
		     "/api/v1/signatures?limit=50", 1000);
	list_latency("  ... &sort=count", port,
		     "/api/v1/signatures?limit=50&sort=count", 1000);
	list_latency("  ... &kind=circular&status=new", port,
		     "/api/v1/signatures?limit=50&kind=circular&status=new",
		     1000);
	splatd_stop(pid);
}

static void usage(void)
{
	fputs("usage: ingest [-c CONNS] [-d SECONDS] [-n NEW_PERCENT]"
	      " [-k BODY_KB] [-m OCCURRENCES] [-S] [-D DB] [-I INSTANCES]"
	      " [-L LISTDB] SPLATD SPLAT_FILE OUT_DIR\n",
	      stderr);
	exit(2);
}

int main(int argc, char **argv)
{
	struct opts o = { .conns = 4,
			  .seconds = 10,
			  .new_percent = 10,
			  .body_kb = 256,
			  .many_percent = 10,
			  .many_reports = 50,
			  .instances = 1,
			  .occurrences = 1000000 };
	enum { MAX_INSTANCES = 8 };
	pid_t pids[MAX_INSTANCES];
	int ports[MAX_INSTANCES], k;
	struct strbuf db = STRBUF_INIT, listdb = STRBUF_INIT;
	struct strbuf tmpdb = STRBUF_INIT;
	struct result sink = { 0 }, srv;
	struct MHD_Daemon *d;
	struct body b, many;
	long long occ, runs;
	char token[128], label[32];
	struct stat st;
	double cpu, wal, pg_cpu;
	long rss;
	int opt, port;

	while ((opt = getopt(argc, argv, "c:d:n:k:m:r:R:SD:I:L:")) != -1) {
		switch (opt) {
		case 'c':
			o.conns = atoi(optarg);
			break;
		case 'd':
			o.seconds = atoi(optarg);
			break;
		case 'n':
			o.new_percent = atoi(optarg);
			break;
		case 'k':
			o.body_kb = atoi(optarg);
			break;
		case 'm':
			o.occurrences = atol(optarg);
			break;
		case 'r':
			o.many_percent = atoi(optarg);
			break;
		case 'R':
			o.many_reports = atoi(optarg);
			break;
		case 'S':
			o.no_sink = true;
			break;
		case 'D':
			o.db = optarg;
			break;
		case 'I':
			o.instances = atoi(optarg);
			break;
		case 'L':
			o.listdb = optarg;
			break;
		default:
			usage();
		}
	}
	if (argc - optind != 3 || o.conns < 1 || o.seconds < 1 ||
	    o.many_reports < 1 || o.instances < 1 ||
	    o.instances > MAX_INSTANCES)
		usage();
	o.splatd = argv[optind];
	o.splat = argv[optind + 1];
	o.out = argv[optind + 2];
	signal(SIGPIPE, SIG_IGN);
	mkdir(o.out, 0755);
	if (o.listdb) {
		list_latencies(&o, o.listdb);
		return 0;
	}
	body_build(&b, o.splat, (size_t)o.body_kb * 1024, 1);
	body_build(&many, o.splat, (size_t)o.body_kb * 1024,
		   (unsigned)o.many_reports);
	printf("ingest: %d keep-alive connections, %d s each, %zu-byte logs"
	       " with one report, %d%% new signatures;\n"
	       "        %d%% of the logs hold %d reports of %d signatures"
	       " (%zu bytes)\n",
	       o.conns, o.seconds, b.text.len, o.new_percent, o.many_percent,
	       o.many_reports,
	       (o.many_reports + SAME_SIGNATURE - 1) / SAME_SIGNATURE,
	       many.text.len);

	if (!o.no_sink) {
		d = sink_start(&port);
		sink = load(&o, &b, &many, &port, 1, "sink");
		MHD_stop_daemon(d);
		printf("%-22s %8.0f bodies/s %8.1f MB/s  p50 %6.2f ms"
		       "  p99 %6.2f ms\n",
		       "libmicrohttpd sink:", sink.runs_s, sink.mb_s,
		       sink.p50_ms, sink.p99_ms);
	}

	if (o.db) {
		strbuf_addstr(&db, o.db);
	} else {
		strbuf_addf(&db, "%s/ingest.db", o.out);
		unlink(db.buf);
		strbuf_addstr(&db, "-wal");
		unlink(db.buf);
		strbuf_setlen(&db, db.len - 4);
	}
	token_create(o.splatd, db.buf, token, sizeof(token));
	cpu = 0;
	for (k = 0; k < o.instances; k++) {
		pids[k] = splatd_start(o.splatd, db.buf, &ports[k]);
		cpu -= cpu_seconds(pids[k]);
	}
	pg_cpu = o.db && db_path_is_postgres(o.db) ? pg_cpu_seconds() : -1;
	srv = load(&o, &b, &many, ports, o.instances, token);
	rss = peak_rss_kb(pids[0]);
	for (k = 0; k < o.instances; k++)
		cpu += cpu_seconds(pids[k]);
	strbuf_addstr(&db, "-wal");
	wal = o.db || stat(db.buf, &st) ? 0 : (double)st.st_size / 1e6;
	strbuf_setlen(&db, db.len - 4);
	for (k = 0; k < o.instances; k++)
		splatd_stop(pids[k]);
	if (pg_cpu >= 0) {
		usleep(300 * 1000); /* the postmaster reaps the backends */
		pg_cpu = pg_cpu_seconds() - pg_cpu;
	}
	stored_counts(db.buf, &occ, &runs);
	snprintf(label, sizeof(label), "splatd serve%s:",
		 o.instances > 1 ? (o.instances == 2 ? " x2" : " xN") : "");
	printf("%-22s %8.0f runs/s   %8.1f MB/s  p50 %6.2f ms  p99 %6.2f ms"
	       "  errors %llu\n",
	       label, srv.runs_s, srv.mb_s, srv.p50_ms, srv.p99_ms,
	       (unsigned long long)srv.errors);
	printf("stored:                %lld runs, %lld occurrences for %llu"
	       " runs and %llu reports acknowledged (%s)\n",
	       runs, occ, (unsigned long long)srv.runs,
	       (unsigned long long)srv.reports,
	       runs == (long long)srv.runs && occ == (long long)srv.reports ?
		       "exact" :
		       "MISMATCH");
	if (!o.no_sink)
		printf("ratio splatd/sink:     %.2f   (goal >= 0.25; p99 goal"
		       " < 20 ms)\n",
		       sink.runs_s > 0 ? srv.runs_s / sink.runs_s : 0);
	printf("splatd serve CPU:      %.2f ms per run (user + system)\n",
	       srv.runs ? cpu * 1e3 / (double)srv.runs : 0);
	if (pg_cpu >= 0 && srv.runs) {
		double per_run = (cpu + pg_cpu) * 1e3 / (double)srv.runs;

		printf("postgres CPU:          %.2f ms per run (the cluster's"
		       " processes, user + system)\n",
		       pg_cpu * 1e3 / (double)srv.runs);
		printf("CPU bound:             splatd + postgres %.2f ms a run:"
		       " at most %.0f runs/s on this machine's %ld cores\n",
		       per_run,
		       per_run > 0 ?
			       1e3 * (double)sysconf(_SC_NPROCESSORS_ONLN) /
				       per_run :
			       0,
		       sysconf(_SC_NPROCESSORS_ONLN));
	}
	printf("splatd serve peak RSS: %.1f MB   (goal < 64 MB)\n",
	       (double)rss / 1024);
	if (!o.db)
		printf("WAL after the load:    %.1f MB   (bounded:"
		       " --wal-frames)\n",
		       wal);
	if (!o.no_sink)
		parse_alone(&b);
	if (o.occurrences <= 0) /* -m 0: no list database (bench storage) */
		goto out;

	strbuf_addf(&listdb, "%s/list-%ld.db", o.out, o.occurrences);
	if (stat(listdb.buf, &st)) {
		printf("building %s (%ld occurrences, once) ...\n", listdb.buf,
		       o.occurrences);
		fflush(stdout);
		/* Build under another name: an interrupted build is not
		 * mistaken for a finished one next time. */
		strbuf_addf(&tmpdb, "%s.tmp", listdb.buf);
		unlink(tmpdb.buf);
		list_db_build(tmpdb.buf, o.occurrences);
		if (rename(tmpdb.buf, listdb.buf))
			die("rename");
	}
	list_latencies(&o, listdb.buf);
out:
	strbuf_release(&db);
	strbuf_release(&listdb);
	strbuf_release(&tmpdb);
	strbuf_release(&b.text);
	free(b.tags);
	free(b.copy);
	strbuf_release(&many.text);
	free(many.tags);
	free(many.copy);
	return 0;
}
