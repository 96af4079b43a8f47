// SPDX-License-Identifier: GPL-2.0
/*
 * rawconn: the misbehaving HTTP clients of the connection tests (t21xx) and
 * the soak bench, on raw sockets: half requests that close, connections held
 * open, a byte at a time, bodies that never end.  PREFIX arguments take C
 * escapes (\r, \n, \\).
 *
 *   rawconn half PORT N PREFIX
 *	N connections each send PREFIX and close at once.
 *   rawconn hold PORT FROM N SECONDS PREFIX
 *	N connections from address FROM send PREFIX and stay open for
 *	SECONDS; prints "open K" once K of them are still open after a
 *	second, then "closed K" at the end.
 *   rawconn trickle PORT MS MAX PREFIX
 *	Send PREFIX, then one byte every MS milliseconds, up to MAX bytes;
 *	prints "closed after N" or "reply STATUS after N" when the server
 *	answered or hung up, "open after N" when it never did.
 *   rawconn flood PORT TOTAL PREFIX
 *	Send PREFIX (headers of a chunked request), then chunks of 16 KiB up
 *	to TOTAL bytes, reading while writing; prints "sent N status S" with
 *	the bytes the server took before it answered (S) or hung up (S = 0).
 */
#include <ctype.h>
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static void die(const char *what)
{
	perror(what);
	exit(2);
}

/* C escapes in s (\\r, \\n, \\xHH, \\c for c), in place; returns the
 * length. */
static size_t unescape(char *s)
{
	char *out = s, *in = s;
	char hex[3] = { 0 };

	while (*in) {
		if (in[0] == '\\' && in[1] == 'x' &&
		    isxdigit((unsigned char)in[2]) &&
		    isxdigit((unsigned char)in[3])) {
			hex[0] = in[2];
			hex[1] = in[3];
			*out++ = (char)strtoul(hex, NULL, 16);
			in += 4;
		} else if (*in == '\\' && in[1]) {
			in++;
			*out++ = *in == 'r' ? '\r' : *in == 'n' ? '\n' : *in;
			in++;
		} else {
			*out++ = *in++;
		}
	}
	*out = '\0';
	return (size_t)(out - s);
}

static int conn_open(const char *from, int port)
{
	struct sockaddr_in a = { 0 };
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);

	if (fd < 0)
		die("socket");
	a.sin_family = AF_INET;
	if (from) {
		if (inet_pton(AF_INET, from, &a.sin_addr) != 1)
			die("bad FROM address");
		if (bind(fd, (struct sockaddr *)&a, sizeof(a)))
			die("bind");
	}
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (connect(fd, (struct sockaddr *)&a, sizeof(a)))
		die("connect");
	return fd;
}

static void send_all(int fd, const char *buf, size_t len)
{
	ssize_t w;

	while (len) {
		w = send(fd, buf, len, MSG_NOSIGNAL);
		if (w <= 0)
			return;
		buf += w;
		len -= (size_t)w;
	}
}

/* 1 when fd has something to read (data or EOF) within ms. */
static int readable(int fd, int ms)
{
	struct pollfd p = { fd, POLLIN, 0 };

	return poll(&p, 1, ms) > 0;
}

/* What the server said: its status, 0 for a hang-up, -1 for nothing yet. */
static int answer(int fd, int ms)
{
	char buf[4096];
	ssize_t r;
	int status = 0;

	if (!readable(fd, ms))
		return -1;
	r = recv(fd, buf, sizeof(buf) - 1, 0);
	if (r <= 0)
		return 0;
	buf[r] = '\0';
	if (sscanf(buf, "HTTP/1.%*d %d", &status) != 1)
		return 0;
	return status;
}

static int cmd_half(int port, int n, char *prefix)
{
	size_t len = unescape(prefix);
	int i, fd;

	for (i = 0; i < n; i++) {
		fd = conn_open(NULL, port);
		send_all(fd, prefix, len);
		close(fd);
	}
	printf("sent %d\n", n);
	return 0;
}

static int still_open(const int *fds, int n)
{
	char c;
	int i, k = 0;

	for (i = 0; i < n; i++)
		if (!readable(fds[i], 0) ||
		    recv(fds[i], &c, 1, MSG_PEEK | MSG_DONTWAIT) > 0)
			k++;
	return k;
}

static int cmd_hold(int port, const char *from, int n, int secs, char *prefix)
{
	size_t len = unescape(prefix);
	int *fds = calloc((size_t)n, sizeof(*fds));
	int i;

	if (!fds)
		die("calloc");
	for (i = 0; i < n; i++) {
		fds[i] = conn_open(from, port);
		send_all(fds[i], prefix, len);
	}
	sleep(1);
	printf("open %d\n", still_open(fds, n));
	fflush(stdout);
	sleep((unsigned)secs);
	printf("closed %d\n", n - still_open(fds, n));
	for (i = 0; i < n; i++)
		close(fds[i]);
	free(fds);
	return 0;
}

static int cmd_trickle(int port, int ms, int max, char *prefix)
{
	size_t len = unescape(prefix);
	int fd = conn_open(NULL, port), n, st = -1;

	send_all(fd, prefix, len);
	for (n = 0; n < max; n++) {
		st = answer(fd, ms);
		if (st >= 0)
			break;
		if (send(fd, "x", 1, MSG_NOSIGNAL) != 1) {
			st = 0;
			break;
		}
	}
	if (st > 0)
		printf("reply %d after %d\n", st, n);
	else if (!st)
		printf("closed after %d\n", n);
	else
		printf("open after %d\n", n);
	close(fd);
	return 0;
}

static int cmd_flood(int port, long long total, char *prefix)
{
	size_t len = unescape(prefix), off = 0, clen;
	static char chunk[16384 + 16];
	int fd = conn_open(NULL, port), st = -1;
	long long sent = 0;
	struct pollfd p;
	ssize_t w;

	clen = (size_t)snprintf(chunk, sizeof(chunk), "4000\r\n");
	memset(chunk + clen, '{', 16384);
	memcpy(chunk + clen + 16384, "\r\n", 2);
	clen += 16384 + 2;
	send_all(fd, prefix, len);
	while (sent < total) {
		p.fd = fd;
		p.events = POLLIN | POLLOUT;
		if (poll(&p, 1, 10000) <= 0)
			break;
		if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
			st = answer(fd, 0);
			break;
		}
		w = send(fd, chunk + off, clen - off,
			 MSG_NOSIGNAL | MSG_DONTWAIT);
		if (w < 0 && errno == EAGAIN)
			continue;
		if (w < 0) {
			st = answer(fd, 1000);
			break;
		}
		sent += w;
		off = (off + (size_t)w) % clen;
	}
	if (st < 0)
		st = answer(fd, 10000);
	printf("sent %lld status %d\n", sent, st < 0 ? 0 : st);
	close(fd);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 5 && !strcmp(argv[1], "half"))
		return cmd_half(atoi(argv[2]), atoi(argv[3]), argv[4]);
	if (argc == 7 && !strcmp(argv[1], "hold"))
		return cmd_hold(atoi(argv[2]), argv[3], atoi(argv[4]),
				atoi(argv[5]), argv[6]);
	if (argc == 6 && !strcmp(argv[1], "trickle"))
		return cmd_trickle(atoi(argv[2]), atoi(argv[3]), atoi(argv[4]),
				   argv[5]);
	if (argc == 5 && !strcmp(argv[1], "flood"))
		return cmd_flood(atoi(argv[2]), atoll(argv[3]), argv[4]);
	fprintf(stderr, "usage: rawconn half|hold|trickle|flood ...\n");
	return 2;
}
