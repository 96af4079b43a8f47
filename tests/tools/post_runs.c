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
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench/http_client.h"
#include "parsers/strbuf.h"

struct job {
	int port, thread, runs;
	const char *token, *prefix;
	const struct strbuf *log;
	int ok, failed;
};

static void *job_run(void *arg)
{
	struct job *j = arg;
	int fd = http_client_open(j->port), i, n;
	char head[512], resp[65536];
	struct iovec iov[2];
	bool close_after = false;

	for (i = 0; i < j->runs; i++) {
		n = snprintf(head, sizeof(head),
			     "POST /api/v1/runs?id=%s-%d-%d HTTP/1.1\r\n"
			     "Host: 127.0.0.1\r\n"
			     "Authorization: Bearer %s\r\n"
			     "Content-Type: text/plain\r\n"
			     "Content-Length: %zu\r\n\r\n",
			     j->prefix, j->thread, i, j->token, j->log->len);
		iov[0].iov_base = head;
		iov[0].iov_len = (size_t)n;
		iov[1].iov_base = j->log->buf;
		iov[1].iov_len = j->log->len;
		if (fd < 0 || http_client_write(fd, iov, 2) ||
		    http_client_read(fd, resp, sizeof(resp), &close_after) !=
			    201) {
			j->failed++;
			close_after = true;
		} else {
			j->ok++;
		}
		if (close_after) {
			if (fd >= 0)
				close(fd);
			fd = http_client_open(j->port);
		}
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
