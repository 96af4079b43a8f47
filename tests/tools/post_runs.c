// SPDX-License-Identifier: GPL-2.0
/*
 * post_runs: a steady stream of POST /api/v1/runs, the way a busy CI farm
 * sends them: C client threads, each on one keep-alive connection, sending
 * FILE as the log of runs PREFIX-<thread>-<n> back to back.  curl in a shell
 * loop leaves gaps between requests; this does not.  Prints "N ok, N failed"
 * (a 201 is ok) and exits non-zero when any failed.
 *
 * usage: post_runs PORT TOKEN FILE PREFIX THREADS RUNS_PER_THREAD
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#include "parsers/strbuf.h"

struct job {
	int port, thread, runs;
	const char *token, *prefix;
	const struct strbuf *log;
	int ok, failed;
};

static int conn_open(int port)
{
	struct sockaddr_in a = { 0 };
	int fd = socket(AF_INET, SOCK_STREAM, 0);

	a.sin_family = AF_INET;
	a.sin_port = htons((unsigned short)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof(a))) {
		close(fd);
		return -1;
	}
	return fd;
}

static int send_all(int fd, const char *p, size_t n)
{
	while (n) {
		ssize_t w = write(fd, p, n);

		if (w <= 0)
			return -1;
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Read one response; its status, or -1.  Bodies are small (no chunking). */
static int read_reply(int fd)
{
	char buf[65536], *hdr_end, *cl;
	size_t have = 0, want;
	ssize_t r;
	int status;

	for (;;) {
		r = read(fd, buf + have, sizeof(buf) - 1 - have);
		if (r <= 0)
			return -1;
		have += (size_t)r;
		buf[have] = '\0';
		hdr_end = strstr(buf, "\r\n\r\n");
		if (!hdr_end)
			continue;
		cl = strcasestr(buf, "Content-Length:");
		if (!cl || cl > hdr_end)
			return -1;
		want = (size_t)(hdr_end + 4 - buf) + strtoul(cl + 15, NULL, 10);
		if (want >= sizeof(buf))
			return -1;
		if (have >= want)
			break;
	}
	if (sscanf(buf, "HTTP/1.%*d %d", &status) != 1)
		return -1;
	return status;
}

static void *job_run(void *arg)
{
	struct job *j = arg;
	int fd = conn_open(j->port), i;
	char head[512];

	for (i = 0; i < j->runs; i++) {
		int n = snprintf(head, sizeof(head),
				 "POST /api/v1/runs?id=%s-%d-%d HTTP/1.1\r\n"
				 "Host: 127.0.0.1\r\n"
				 "Authorization: Bearer %s\r\n"
				 "Content-Type: text/plain\r\n"
				 "Content-Length: %zu\r\n\r\n",
				 j->prefix, j->thread, i, j->token,
				 j->log->len);

		if (fd < 0 || send_all(fd, head, (size_t)n) ||
		    send_all(fd, j->log->buf, j->log->len) ||
		    read_reply(fd) != 201) {
			j->failed++;
			if (fd >= 0)
				close(fd);
			fd = conn_open(j->port);
			continue;
		}
		j->ok++;
	}
	if (fd >= 0)
		close(fd);
	return NULL;
}

int main(int argc, char **argv)
{
	struct strbuf log = STRBUF_INIT;
	struct job *jobs;
	pthread_t *th;
	int threads, i, ok = 0, failed = 0;
	char buf[65536];
	size_t n;
	FILE *f;

	if (argc != 7) {
		fputs("usage: post_runs PORT TOKEN FILE PREFIX THREADS RUNS\n",
		      stderr);
		return 2;
	}
	f = fopen(argv[3], "rb");
	if (!f) {
		perror(argv[3]);
		return 2;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&log, buf, n);
	fclose(f);
	threads = atoi(argv[5]);
	if (threads < 1)
		threads = 1;
	jobs = calloc((size_t)threads, sizeof(*jobs));
	th = calloc((size_t)threads, sizeof(*th));
	if (!jobs || !th)
		return 2;
	for (i = 0; i < threads; i++) {
		jobs[i] = (struct job){ atoi(argv[1]),
					i,
					atoi(argv[6]),
					argv[2],
					argv[4],
					&log,
					0,
					0 };
		pthread_create(&th[i], NULL, job_run, &jobs[i]);
	}
	for (i = 0; i < threads; i++) {
		pthread_join(th[i], NULL);
		ok += jobs[i].ok;
		failed += jobs[i].failed;
	}
	printf("%d ok, %d failed\n", ok, failed);
	free(jobs);
	free(th);
	strbuf_release(&log);
	return failed ? 1 : 0;
}
