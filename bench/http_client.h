/* SPDX-License-Identifier: GPL-2.0 */
/*
 * http_client: the few lines of HTTP/1.1 over a keep-alive loopback
 * connection that the ingest bench and tests/tools/post_runs share: open,
 * write a request (headers and body as an iovec), read one response.
 */
#ifndef SPLATD_BENCH_HTTP_CLIENT_H
#define SPLATD_BENCH_HTTP_CLIENT_H

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

/* A connection to 127.0.0.1:port, or -1. */
static inline int http_client_open(int port)
{
	struct sockaddr_in a = { 0 };
	int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;

	a.sin_family = AF_INET;
	a.sin_port = htons((uint16_t)port);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	if (fd >= 0 && connect(fd, (struct sockaddr *)&a, sizeof(a))) {
		close(fd);
		return -1;
	}
	if (fd >= 0)
		setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof(one));
	return fd;
}

/* Write all of iov[0..n) (the iovec is consumed); 0 or -1. */
static inline int http_client_write(int fd, struct iovec *iov, int n)
{
	ssize_t w;

	while (n) {
		w = writev(fd, iov, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		while (n && (size_t)w >= iov->iov_len) {
			w -= (ssize_t)iov->iov_len;
			iov++;
			n--;
		}
		if (n) {
			iov->iov_base = (char *)iov->iov_base + w;
			iov->iov_len -= (size_t)w;
		}
	}
	return 0;
}

/* Read one response into buf; its status or -1; *close_after when the
 * server closes the connection after it.  Bodies longer than cap are read
 * and dropped. */
static inline int http_client_read(int fd, char *buf, size_t cap,
				   bool *close_after)
{
	size_t have = 0, need;
	char *end = NULL, *cl, *conn;
	ssize_t r;
	int status;

	while (!end) {
		if (have + 1 >= cap)
			return -1;
		r = read(fd, buf + have, cap - have - 1);
		if (r <= 0)
			return -1;
		have += (size_t)r;
		buf[have] = '\0';
		end = strstr(buf, "\r\n\r\n");
	}
	if (sscanf(buf, "HTTP/1.%*d %d", &status) != 1)
		return -1;
	conn = strcasestr(buf, "connection: close");
	*close_after = conn && conn < end;
	cl = strcasestr(buf, "content-length:");
	need = cl && cl < end ? strtoul(cl + 15, NULL, 10) : 0;
	need += (size_t)(end + 4 - buf);
	while (have < need) {
		r = read(fd, buf,
			 cap - 1 < need - have ? cap - 1 : need - have);
		if (r <= 0)
			return -1;
		have += (size_t)r;
	}
	return status;
}

#endif
