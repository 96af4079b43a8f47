/* SPDX-License-Identifier: GPL-2.0 */
/*
 * connguard: the open connections, their caps and deadlines.  A new
 * connection is served while fewer than --max-conns are in all and fewer
 * than --max-conns-per-ip from its address; one past a cap is answered 503
 * by the caller and closed (docs/security.md "Limits").
 *
 * Deadlines for slow clients: each connection carries one
 * deadline: its request's headers must be in within the header timeout of
 * the connection opening or of its previous reply, and its body must keep
 * coming (the body timeout plus one second per min-rate bytes received).
 * A thread closes (shutdown(2)) every connection past its deadline; the
 * HTTP worker polling it then sees the end of the stream and frees it.
 * The connections' threads move the deadline, the guard thread only reads it.
 */
#ifndef SPLATD_CONNGUARD_H
#define SPLATD_CONNGUARD_H

#include <pthread.h>

#include "parsers/strbuf.h"

struct connguard_limits {
	unsigned header_timeout; /* seconds; 0: none */
	unsigned body_timeout; /* seconds; 0: none */
	unsigned long long body_min_rate; /* bytes per second; 0: none */
	unsigned max_conns; /* connections served in all; 0: no cap */
	unsigned max_conns_per_peer; /* ... from one address; 0: no cap */
};

/* Whether a new connection is served (connguard_add()). */
enum connguard_admit {
	CONNGUARD_SERVED,
	CONNGUARD_OVER_TOTAL, /* past max_conns */
	CONNGUARD_OVER_PEER, /* past max_conns_per_peer */
};

/* One per connection, embedded in its state; linked while it is open. */
struct connguard_conn {
	struct connguard_conn *prev, *next;
	int fd;
	long long deadline_ns; /* CLOCK_MONOTONIC; 0: none (atomic) */
	long long body_start_ns;
	const char *peer; /* the client's address, as the caller names it */
	enum connguard_admit admit;
};

struct connguard;

/* Start the guard thread; 0 or -errno with err. */
int connguard_new(struct connguard **out, const struct connguard_limits *l,
		  struct strbuf *err);
/* Stop the thread and free; NULL is a no-op.  No connection may be left. */
void connguard_free(struct connguard *g);

/*
 * A new connection on fd from peer (a string the caller keeps while the
 * connection is open): its headers are due.  Whether it is served: the
 * connections served (not those over a cap) are counted in all and from
 * peer, and one past either cap is not served; the caller answers it
 * (a 503) and closes it.
 */
enum connguard_admit connguard_add(struct connguard *g,
				   struct connguard_conn *c, int fd,
				   const char *peer);
/* The connection closes (before its fd does). */
void connguard_remove(struct connguard *g, struct connguard_conn *c);
/* The headers are in: the body (if any) is due. */
void connguard_body_start(struct connguard *g, struct connguard_conn *c);
/* bytes of body received so far. */
void connguard_body_progress(struct connguard *g, struct connguard_conn *c,
			     unsigned long long bytes);
/* A reply is on its way: no deadline of ours (the server's idle timeout). */
void connguard_replying(struct connguard_conn *c);
/* The reply went out: the next request's headers are due. */
void connguard_idle(struct connguard *g, struct connguard_conn *c);

#endif
