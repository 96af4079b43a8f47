// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_http: libFuzzer target for what splatd does with a request: routing,
 * query parsing, run metadata, the Authorization header, JSON bodies (PATCH,
 * merge, regressions) and raw, gzip or multipart/form-data run bodies.  The real server
 * (http_serve(), one worker) runs in this process on a temporary database
 * with a ci, a triager and an admin token, two runs and a regression, and a
 * kernel tree of three files for owners and subsystems; each input is one
 * request written into a new loopback connection whose other end the daemon
 * gets with MHD_add_connection().
 *
 * Input: a request as text: "METHOD TARGET HTTP/1.1", header lines, an empty
 * line, the body (LF or CRLF line ends; seeds in tests/fuzz/seeds/http, words
 * in tests/fuzz/http.dict).  The harness frames it so that the server always
 * has the whole request: Content-Length, Transfer-Encoding and Connection
 * lines are dropped, "Content-Length: <body>" and "Connection: close" are
 * added, and a body sent with "Content-Encoding: gzip" that is not gzip yet
 * is compressed first (the fuzzer mutates the log, not its deflate stream;
 * a body starting with the gzip magic goes as it is).  The tokens are
 * splatd_c1c1..., splatd_7e7e... and splatd_adad... (40 hex digits each).
 *
 * Invariants (ASan and UBSan check the rest): the server replies, or closes,
 * within FUZZ_REPLY_MS; no reply is 5xx but 503 (the documented answer to
 * overload and to owners without a kernel tree), 501 (a transfer coding
 * other than chunked) and 505 (an HTTP version libmicrohttpd does not
 * speak); a JSON reply parses and is as long as it
 * says; the daemon has freed the connection before the next input, and
 * open fds stay flat.  tests/fuzz/seeds/http/utf8-* and query-2000-params
 * are the inputs that failed before issue 11 was fixed (a 500 for bytes
 * that are not UTF-8, no reply to 2,000 query parameters).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <jansson.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "db/db.h"
#include "db/tokens.h"
#include "parsers/alloc.h"
#include "parsers/strbuf.h"
#include "server/triage/auth.h"
#include "server/http/http.h"
#include "server/triage/ingest.h"
#include "server/triage/owners.h"
#include "server/triage/regress.h"

#define FUZZ_REPLY_MS 10000
#define FUZZ_TOKEN(c) "splatd_" c c c c c c c c c c c c c c c c c c c c
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct {
	const char *name, *role, *secret;
} fuzz_tokens[] = {
	{ "fuzz-ci", "ci", FUZZ_TOKEN("c1") },
	{ "fuzz-triager", "triager", FUZZ_TOKEN("7e") },
	{ "fuzz-admin", "admin", FUZZ_TOKEN("ad") },
};

/* Set up once by LLVMFuzzerInitialize(); read-only afterwards. */
static struct {
	char dir[64], db_path[96];
	struct http_config cfg;
	struct MHD_Daemon *daemon;
	int listen_fd;
	struct sockaddr_in addr;
	bool trace;
	pthread_mutex_t lock;
	pthread_cond_t serving;
} fuzz = { .lock = PTHREAD_MUTEX_INITIALIZER,
	   .serving = PTHREAD_COND_INITIALIZER };

static long long now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void on_serving(void *arg, struct MHD_Daemon *daemon)
{
	pthread_mutex_lock(&fuzz.lock);
	fuzz.daemon = daemon;
	pthread_cond_signal(&fuzz.serving);
	pthread_mutex_unlock(&fuzz.lock);
}

static void *serve(void *arg)
{
	struct strbuf err = STRBUF_INIT;

	http_serve(&fuzz.cfg, &err);
	fprintf(stderr, "fuzz_http: the server stopped: %s\n", err.buf);
	abort();
}

static int remove_one(const char *path, const struct stat *st, int flag,
		      struct FTW *ftw)
{
	remove(path);
	return 0;
}

static void remove_dir(void)
{
	nftw(fuzz.dir, remove_one, 8, FTW_DEPTH | FTW_PHYS);
}

/* A kernel tree of three files for the owners of the baseline splats. */
static int add_kernel_tree(struct strbuf *err)
{
	static const char *const files[][2] = {
		{ "MAINTAINERS",
		  "HWMON SUBSYSTEM\nM:\tGuenter Roeck <linux@roeck-us.net>\n"
		  "L:\tlinux-hwmon@vger.kernel.org\nS:\tMaintained\n"
		  "F:\tdrivers/hwmon/\n\n"
		  "IOMMU SUBSYSTEM\nM:\tJoerg Roedel <joro@8bytes.org>\n"
		  "S:\tMaintained\nF:\tdrivers/iommu/\nK:\tiova\n\n"
		  "THE REST\nM:\tLinus Torvalds <torvalds@linux-foundation.org>"
		  "\nS:\tBuried alive in reporters\nF:\t*\nF:\t*/\n" },
		{ "drivers/hwmon/coretemp.c",
		  "static int coretemp_cpu_online(unsigned int cpu)\n{\n}\n" },
		{ "drivers/iommu/iova.c",
		  "static int iova_cpuhp_dead(unsigned int cpu)\n{\n}\n" },
	};
	struct strbuf path = STRBUF_INIT;
	size_t i;
	FILE *f;

	for (i = 0; i < ARRAY_SIZE(files); i++) {
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/linux/%s", fuzz.dir, files[i][0]);
		for (char *p = path.buf + strlen(fuzz.dir) + 1; *p; p++)
			if (*p == '/') {
				*p = '\0';
				mkdir(path.buf, 0700);
				*p = '/';
			}
		f = fopen(path.buf, "w");
		if (!f || fputs(files[i][1], f) < 0 || fclose(f))
			abort();
	}
	strbuf_reset(&path);
	strbuf_addf(&path, "%s/linux", fuzz.dir);
	i = (size_t)owners_source_new(&fuzz.cfg.owners, path.buf, NULL, "HEAD",
				      NULL, err);
	strbuf_release(&path);
	return (int)i;
}

/* Compress body[0..len) as one gzip member into out. */
static void add_gzip(struct strbuf *out, const char *body, size_t len)
{
	z_stream z = { 0 };
	unsigned char buf[16384];
	int ret;

	if (deflateInit2(&z, 1, Z_DEFLATED, 31, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		abort();
	z.next_in = (unsigned char *)body;
	z.avail_in = (uInt)len;
	do {
		z.next_out = buf;
		z.avail_out = sizeof(buf);
		ret = deflate(&z, Z_FINISH);
		strbuf_add(out, buf, sizeof(buf) - z.avail_out);
	} while (ret == Z_OK);
	if (ret != Z_STREAM_END)
		abort();
	deflateEnd(&z);
}

/* Whether the header line l[0..n) is "name: ...", spaces allowed. */
static bool header_is(const char *l, size_t n, const char *name)
{
	const char *colon = memchr(l, ':', n);
	size_t k;

	if (!colon)
		return false;
	k = (size_t)(colon - l);
	while (k && (l[k - 1] == ' ' || l[k - 1] == '\t'))
		k--;
	while (k && (*l == ' ' || *l == '\t')) {
		l++;
		k--;
	}
	return k == strlen(name) && !strncasecmp(l, name, k);
}

/* The request the server gets for an input (see the top of the file). */
static void frame(struct strbuf *req, const char *s, size_t size)
{
	const char *end = s + size, *body = end, *l, *nl;
	const char *crlf = memmem(s, size, "\r\n\r\n", 4);
	const char *lf = memmem(s, size, "\n\n", 2);
	struct strbuf z = STRBUF_INIT;
	bool first = true, gzip = false;
	size_t n;

	if (lf && (!crlf || lf < crlf)) {
		end = lf;
		body = lf + 2;
	} else if (crlf) {
		end = crlf;
		body = crlf + 4;
	}
	for (l = s; l < end; l = nl + 1) {
		nl = memchr(l, '\n', (size_t)(end - l));
		if (!nl)
			nl = end;
		n = (size_t)(nl - l);
		if (n && l[n - 1] == '\r')
			n--;
		if (!first && (!n || header_is(l, n, "Content-Length") ||
			       header_is(l, n, "Transfer-Encoding") ||
			       header_is(l, n, "Connection")))
			continue;
		if (header_is(l, n, "Content-Encoding") &&
		    memmem(l, n, "gzip", 4))
			gzip = true;
		strbuf_add(req, l, n);
		strbuf_addstr(req, "\r\n");
		first = false;
	}
	n = (size_t)(s + size - body);
	if (gzip && !(n >= 2 && body[0] == '\x1f' && body[1] == '\x8b')) {
		add_gzip(&z, body, n);
		body = z.buf;
		n = z.len;
	}
	strbuf_addf(req, "Content-Length: %zu\r\nConnection: close\r\n\r\n", n);
	strbuf_add(req, body, n);
	strbuf_release(&z);
}

static void fail(const char *why, const struct strbuf *req,
		 const struct strbuf *reply)
{
	fprintf(stderr,
		"fuzz_http: %s\n--- request (%zu bytes) ---\n%.2000s\n"
		"--- reply (%zu bytes) ---\n%.2000s\n",
		why, req->len, req->buf, reply->len, reply->buf);
	abort();
}

/*
 * Write req into fd and read until the server closes; a reply may come
 * before the whole request is written (an early 413).
 */
static void exchange(int fd, const struct strbuf *req, struct strbuf *reply)
{
	long long deadline = now_ms() + FUZZ_REPLY_MS;
	size_t off = 0;
	char buf[16384];
	ssize_t n;

	for (;;) {
		struct pollfd p = { fd, POLLIN | (off < req->len ? POLLOUT : 0),
				    0 };
		long long left = deadline - now_ms();

		if (left <= 0)
			fail("no reply: the server hangs", req, reply);
		if (poll(&p, 1, (int)left) < 0 && errno != EINTR)
			abort();
		if (p.revents & POLLOUT) {
			n = send(fd, req->buf + off, req->len - off,
				 MSG_NOSIGNAL);
			if (n > 0)
				off += (size_t)n;
			else if (n < 0 && errno != EAGAIN && errno != EINTR)
				off = req->len; /* the server stopped reading */
		}
		if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
			n = recv(fd, buf, sizeof(buf), 0);
			if (n > 0)
				strbuf_add(reply, buf, (size_t)n);
			else if (!n || (errno != EAGAIN && errno != EINTR))
				return;
		}
	}
}

/*
 * Check every response in reply against the invariants: 1xx ones, and more
 * than one when the request bytes held more than one request (a NUL or a
 * bare CR can end a header block early, the rest is the next request).
 */
static void check_reply(const struct strbuf *req, const struct strbuf *reply)
{
	const char *s = reply->buf, *end = reply->buf + reply->len;
	const char *head_end, *body, *cl;
	/* libmicrohttpd skips empty lines before the request line */
	const char *method = req->buf + strspn(req->buf, "\r\n");
	bool head = !strncmp(method, "HEAD ", 5), json;
	json_error_t jerr;
	size_t len;
	json_t *o;
	int status;

	while (s < end) {
		if (end - s < 12 ||
		    (strncmp(s, "HTTP/1.1 ", 9) && strncmp(s, "HTTP/1.0 ", 9)))
			fail("the reply is not HTTP", req, reply);
		status = atoi(s + 9);
		head_end = memmem(s, (size_t)(end - s), "\r\n\r\n", 4);
		if (!head_end)
			fail("the reply has no end of header", req, reply);
		body = head_end + 4;
		cl = memmem(s, (size_t)(head_end - s),
			    "\r\nContent-Length: ", 18);
		len = cl ? strtoull(cl + 18, NULL, 10) : (size_t)(end - body);
		if (status < 200 && status >= 100)
			len = 0;
		if (head) /* no body, and no way to tell what follows */
			return;
		if (len > (size_t)(end - body))
			fail("a reply shorter than it says", req, reply);
		/* 505 is libmicrohttpd's answer to "HTTP/0.1", 501 ours to
		 * "Transfer-Encoding: gzip": right (RFC 9112) */
		if (status >= 500 && status != 503 && status != 501 &&
		    status != 505)
			fail("a 5xx reply", req, reply);
		json = memmem(s, (size_t)(head_end - s),
			      "Content-Type: application/json", 30);
		if (json) {
			o = json_loadb(body, len, 0, &jerr);
			if (!o)
				fail("a JSON reply that does not parse", req,
				     reply);
			json_decref(o);
		}
		s = body + len;
	}
}

/* Wait until the daemon has freed every connection. */
static void wait_idle(const struct strbuf *req, const struct strbuf *reply)
{
	long long deadline = now_ms() + FUZZ_REPLY_MS;
	const union MHD_DaemonInfo *info;

	for (;;) {
		info = MHD_get_daemon_info(fuzz.daemon,
					   MHD_DAEMON_INFO_CURRENT_CONNECTIONS);
		if (!info || !info->num_connections)
			return;
		if (now_ms() > deadline)
			fail("the connection is never freed", req, reply);
		usleep(20);
	}
}

/* The loopback socket connect_daemon() connects to. */
static void listen_loopback(void)
{
	socklen_t len = sizeof(fuzz.addr);

	fuzz.addr.sin_family = AF_INET;
	fuzz.addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	fuzz.listen_fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
	if (fuzz.listen_fd < 0 ||
	    bind(fuzz.listen_fd, (struct sockaddr *)&fuzz.addr,
		 sizeof(fuzz.addr)) ||
	    listen(fuzz.listen_fd, 16) ||
	    getsockname(fuzz.listen_fd, (struct sockaddr *)&fuzz.addr, &len))
		abort();
}

/* The harness itself cannot go on (not the server's fault): say why. */
static void harness_fail(const char *what)
{
	fprintf(stderr, "fuzz_http: %s: %s\n", what, strerror(errno));
	abort();
}

/*
 * A loopback TCP connection: the client end, the server end handed to the
 * daemon (a socketpair works too, but the daemon logs every TCP option it
 * cannot set on it).
 */
static int connect_daemon(void)
{
	struct sockaddr_in addr;
	socklen_t len = sizeof(addr), elen = sizeof(int);
	struct pollfd pfd = { -1, POLLOUT, 0 };
	int c, s, soerr = 0;

	/*
	 * Non-blocking from the start: libFuzzer's timer signal may interrupt
	 * a blocking connect() or accept() (EINTR), which is no failure of
	 * the server; wait for the connection instead.
	 */
	c = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
	if (c < 0)
		harness_fail("socket");
	pfd.fd = c;
	if (connect(c, (struct sockaddr *)&fuzz.addr, sizeof(fuzz.addr)) &&
	    errno != EINPROGRESS && errno != EINTR)
		harness_fail("connecting to the daemon");
	while (poll(&pfd, 1, FUZZ_REPLY_MS) < 0)
		if (errno != EINTR)
			harness_fail("waiting for the connection");
	if (getsockopt(c, SOL_SOCKET, SO_ERROR, &soerr, &elen) || soerr) {
		errno = soerr;
		harness_fail("connecting to the daemon");
	}
	do
		s = accept4(fuzz.listen_fd, (struct sockaddr *)&addr, &len,
			    SOCK_CLOEXEC);
	while (s < 0 && errno == EINTR);
	if (s < 0)
		harness_fail("accepting the connection");
	if (MHD_add_connection(fuzz.daemon, s, (struct sockaddr *)&addr, len) !=
	    MHD_YES) {
		/* the daemon closed s */
		fprintf(stderr, "fuzz_http: MHD_add_connection: %s\n",
			strerror(errno));
		abort();
	}
	return c;
}

/*
 * Close the client end with a reset, not a FIN: a thousand connections a
 * second would otherwise leave tens of thousands of loopback ports in
 * TIME-WAIT and run the ephemeral range dry (connect() fails with
 * EADDRNOTAVAIL after about 28,000 inputs, the harness's fault, not the
 * server's).
 */
static void close_reset(int fd)
{
	struct linger lg = { 1, 0 };

	setsockopt(fd, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg));
	close(fd);
}

/* One input, sent and checked. */
static void send_input(const char *data, size_t size)
{
	struct strbuf req = STRBUF_INIT, reply = STRBUF_INIT;
	int fd;

	frame(&req, data, size);
	fd = connect_daemon();
	exchange(fd, &req, &reply);
	close_reset(fd);
	wait_idle(&req, &reply);
	if (fuzz.trace) /* FUZZ_HTTP_TRACE=1: what each seed gets */
		fprintf(stderr, "fuzz_http: %.*s -> %.*s %.300s\n",
			(int)strcspn(req.buf, "\r"), req.buf,
			(int)strcspn(reply.buf, "\r"), reply.buf,
			strstr(reply.buf, "\r\n\r\n") ?
				strstr(reply.buf, "\r\n\r\n") + 4 :
				"");
	check_reply(&req, &reply);
	strbuf_release(&req);
	strbuf_release(&reply);
}

/* POST the log dir/name as run id. */
static void post_log(const char *dir, const char *name, const char *id)
{
	struct strbuf in = STRBUF_INIT;
	char buf[4096];
	size_t n;
	FILE *f;

	strbuf_addf(&in, "%s/%s", dir, name);
	f = fopen(in.buf, "r");
	if (!f) {
		fprintf(stderr, "fuzz_http: no baseline run: %s\n", in.buf);
		goto out;
	}
	strbuf_reset(&in);
	strbuf_addf(&in,
		    "POST /api/v1/runs?id=%s&machine=m HTTP/1.1\n"
		    "Authorization: Bearer %s\n\n",
		    id, fuzz_tokens[0].secret);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&in, buf, n);
	fclose(f);
	send_input(in.buf, in.len);
out:
	strbuf_release(&in);
}

/*
 * What the seeds act on: signatures 1 (#6641) and 2, regression 1.  The
 * logs are found from the binary: build/fuzz/fuzz_http -> tests/data/.
 */
static void add_baseline(void)
{
	struct strbuf dir = STRBUF_INIT, in = STRBUF_INIT;
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe));

	while (n > 0 && exe[n - 1] != '/')
		n--;
	strbuf_add(&dir, exe, n > 0 ? (size_t)n : 0);
	strbuf_addstr(&dir, "../../tests/data/parse-invariance");
	post_log(dir.buf, "seed-6641.splat", "fuzz-base-1");
	post_log(dir.buf, "two-lock.splat", "fuzz-base-2");
	strbuf_addf(
		&in,
		"POST /api/v1/regressions HTTP/1.1\n"
		"Authorization: Bearer %s\n\n"
		"{\"title\": \"coretemp\", \"signatures\": [1], \"links\":"
		" [\"https://gitlab.freedesktop.org/drm/intel/issues/6641\"]}",
		fuzz_tokens[1].secret);
	send_input(in.buf, in.len);
	strbuf_release(&dir);
	strbuf_release(&in);
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	static const struct regress_config rcfg = { 0 };
	struct strbuf err = STRBUF_INIT;
	char hash[AUTH_HASH_HEX + 1];
	struct db *db;
	pthread_t thread;
	size_t i;

	snprintf(fuzz.dir, sizeof(fuzz.dir), "/tmp/splatd-fuzz-http.XXXXXX");
	if (!mkdtemp(fuzz.dir))
		abort();
	atexit(remove_dir);
	snprintf(fuzz.db_path, sizeof(fuzz.db_path), "%s/splatd.db", fuzz.dir);
	if (db_open(&db, fuzz.db_path, &err))
		goto fail;
	for (i = 0; i < ARRAY_SIZE(fuzz_tokens); i++) {
		auth_hash(fuzz_tokens[i].secret, hash);
		if (db_token_insert(db, fuzz_tokens[i].name,
				    fuzz_tokens[i].role, hash, NULL, 1, &err))
			goto fail;
	}
	db_close(db);

	http_config_init(&fuzz.cfg);
	fuzz.cfg.listen = "127.0.0.1:0";
	fuzz.cfg.db_path = fuzz.db_path;
	fuzz.cfg.static_dir = "static";
	fuzz.cfg.threads = 1;
	fuzz.cfg.access_log = fopen("/dev/null", "w"); /* formatted, not kept */
	fuzz.cfg.regress = regress_new(&rcfg);
	fuzz.cfg.on_serving = on_serving;
	if (add_kernel_tree(&err))
		goto fail;
	fuzz.trace = getenv("FUZZ_HTTP_TRACE");
	listen_loopback();
	if (pthread_create(&thread, NULL, serve, NULL))
		abort();
	pthread_mutex_lock(&fuzz.lock);
	while (!fuzz.daemon)
		pthread_cond_wait(&fuzz.serving, &fuzz.lock);
	pthread_mutex_unlock(&fuzz.lock);
	add_baseline();
	strbuf_release(&err);
	return 0;
fail:
	fprintf(stderr, "fuzz_http: %s\n", err.buf);
	abort();
}

static int count_fds(void)
{
	DIR *d = opendir("/proc/self/fd");
	int n = 0;

	if (!d)
		abort();
	while (readdir(d))
		n++;
	closedir(d);
	return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static unsigned long runs;
	static int fds;
	int n;

	send_input((const char *)data, size);
	/* every connection's fds are closed: the count stays flat */
	if (++runs % 1024 == 0) {
		n = count_fds();
		if (!fds)
			fds = n;
		if (n > fds + 8) {
			fprintf(stderr, "fuzz_http: %d fds open, %d before\n",
				n, fds);
			abort();
		}
	}
	return 0;
}
