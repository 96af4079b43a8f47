// SPDX-License-Identifier: GPL-2.0
/* Unit tests for server/http/connguard: the connection caps and the body
 * deadline. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>
#include <cmocka.h>

#include "server/http/connguard.h"

#define NCONN 8

struct fixture {
	struct connguard *g;
	struct connguard_conn c[NCONN];
	int fd[NCONN][2]; /* [0] the server's end, [1] the client's */
};

static struct connguard *guard_new(const struct connguard_limits *l)
{
	struct strbuf err = STRBUF_INIT;
	struct connguard *g = NULL;

	assert_int_equal(connguard_new(&g, l, &err), 0);
	strbuf_release(&err);
	return g;
}

static void conns_open(struct fixture *f)
{
	int i;

	for (i = 0; i < NCONN; i++)
		assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, f->fd[i]),
				 0);
}

static void conns_close(struct fixture *f, int n)
{
	int i;

	for (i = 0; i < n; i++)
		connguard_remove(f->g, &f->c[i]);
	connguard_free(f->g);
	for (i = 0; i < NCONN; i++) {
		close(f->fd[i][0]);
		if (f->fd[i][1] >= 0)
			close(f->fd[i][1]);
	}
}

/* Served while under both caps; one past a cap is not, and is not
 * counted: the next one past the cap is refused for the same reason. */
static void connguard__caps(void **state)
{
	struct connguard_limits l = { .max_conns = 5, .max_conns_per_peer = 2 };
	struct fixture f = { .g = guard_new(&l) };

	conns_open(&f);
	assert_int_equal(connguard_add(f.g, &f.c[0], f.fd[0][0], "10.0.0.1"),
			 CONNGUARD_SERVED);
	assert_int_equal(connguard_add(f.g, &f.c[1], f.fd[1][0], "10.0.0.1"),
			 CONNGUARD_SERVED);
	assert_int_equal(connguard_add(f.g, &f.c[2], f.fd[2][0], "10.0.0.1"),
			 CONNGUARD_OVER_PEER);
	assert_int_equal(connguard_add(f.g, &f.c[3], f.fd[3][0], "10.0.0.2"),
			 CONNGUARD_SERVED);
	assert_int_equal(connguard_add(f.g, &f.c[4], f.fd[4][0], "10.0.0.2"),
			 CONNGUARD_SERVED);
	assert_int_equal(connguard_add(f.g, &f.c[5], f.fd[5][0], "10.0.0.3"),
			 CONNGUARD_SERVED);
	/* 5 served in all: the cap in all comes first */
	assert_int_equal(connguard_add(f.g, &f.c[6], f.fd[6][0], "10.0.0.4"),
			 CONNGUARD_OVER_TOTAL);
	/* one served closes: its place is free again */
	connguard_remove(f.g, &f.c[5]);
	assert_int_equal(connguard_add(f.g, &f.c[7], f.fd[7][0], "10.0.0.4"),
			 CONNGUARD_SERVED);
	connguard_remove(f.g, &f.c[6]);
	connguard_remove(f.g, &f.c[7]);
	conns_close(&f, 5);
}

/* A connection whose client hung up is not counted past a cap, even while
 * it is still open on the server's side. */
static void connguard__hung_up(void **state)
{
	struct connguard_limits l = { .max_conns_per_peer = 2 };
	struct fixture f = { .g = guard_new(&l) };

	conns_open(&f);
	assert_int_equal(connguard_add(f.g, &f.c[0], f.fd[0][0], "10.0.0.1"),
			 CONNGUARD_SERVED);
	assert_int_equal(connguard_add(f.g, &f.c[1], f.fd[1][0], "10.0.0.1"),
			 CONNGUARD_SERVED);
	close(f.fd[0][1]);
	f.fd[0][1] = -1;
	assert_int_equal(connguard_add(f.g, &f.c[2], f.fd[2][0], "10.0.0.1"),
			 CONNGUARD_SERVED);
	assert_int_equal(connguard_add(f.g, &f.c[3], f.fd[3][0], "10.0.0.1"),
			 CONNGUARD_OVER_PEER);
	connguard_remove(f.g, &f.c[3]);
	conns_close(&f, 3);
}

/* The body deadline of a huge body is later than its start, never a
 * product that wrapped round: 20 s + 1 s a KiB for 20 GB is 20 million s. */
static void connguard__body_deadline(void **state)
{
	struct connguard_limits l = { .body_timeout = 20,
				      .body_min_rate = 1024 };
	struct fixture f = { .g = guard_new(&l) };
	unsigned long long gb20 = 20000000000ULL;

	conns_open(&f);
	connguard_add(f.g, &f.c[0], f.fd[0][0], "10.0.0.1");
	connguard_body_start(f.g, &f.c[0]);
	connguard_body_progress(f.g, &f.c[0], 1024);
	assert_int_equal(f.c[0].deadline_ns - f.c[0].body_start_ns,
			 21000000000LL);
	connguard_body_progress(f.g, &f.c[0], gb20);
	assert_true(f.c[0].deadline_ns - f.c[0].body_start_ns ==
		    20000000000LL + (long long)(gb20 / 1024) * 1000000000LL +
			    (long long)(gb20 % 1024 * 1000000000ULL / 1024));
	conns_close(&f, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(connguard__caps),
		cmocka_unit_test(connguard__hung_up),
		cmocka_unit_test(connguard__body_deadline),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
