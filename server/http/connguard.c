// SPDX-License-Identifier: GPL-2.0
/* connguard: the open connections: caps on those served, deadlines for slow
 * ones. */
#include "server/http/connguard.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>

#include "parsers/alloc.h"

#define NS 1000000000LL
#define CONNGUARD_TICK_MS 250

struct connguard {
	struct connguard_limits limits;
	pthread_mutex_t lock; /* the list, and stop */
	pthread_cond_t stop_cond;
	struct connguard_conn head; /* list sentinel */
	pthread_t thread;
	bool stop;
};

static long long mono_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * NS + ts.tv_nsec;
}

static void set_deadline(struct connguard_conn *c, long long ns)
{
	__atomic_store_n(&c->deadline_ns, ns, __ATOMIC_RELAXED);
}

/* Shut every connection past its deadline (once); the list lock is held. */
static void close_late(struct connguard *g)
{
	long long now = mono_ns(), deadline;
	struct connguard_conn *c;

	for (c = g->head.next; c != &g->head; c = c->next) {
		deadline = __atomic_load_n(&c->deadline_ns, __ATOMIC_RELAXED);
		if (!deadline || now < deadline)
			continue;
		set_deadline(c, 0);
		shutdown(c->fd, SHUT_RDWR);
	}
}

static void *connguard_run(void *arg)
{
	struct connguard *g = arg;
	struct timespec until;

	pthread_mutex_lock(&g->lock);
	while (!g->stop) {
		clock_gettime(CLOCK_REALTIME, &until);
		until.tv_nsec += CONNGUARD_TICK_MS * 1000000L;
		if (until.tv_nsec >= NS) {
			until.tv_sec++;
			until.tv_nsec -= NS;
		}
		pthread_cond_timedwait(&g->stop_cond, &g->lock, &until);
		close_late(g);
	}
	pthread_mutex_unlock(&g->lock);
	return NULL;
}

int connguard_new(struct connguard **out, const struct connguard_limits *l,
		  struct strbuf *err)
{
	struct connguard *g = xcalloc(1, sizeof(*g));

	g->limits = *l;
	g->head.prev = g->head.next = &g->head;
	pthread_mutex_init(&g->lock, NULL);
	pthread_cond_init(&g->stop_cond, NULL);
	if (pthread_create(&g->thread, NULL, connguard_run, g)) {
		strbuf_addstr(err, "cannot start the connection guard thread");
		pthread_mutex_destroy(&g->lock);
		pthread_cond_destroy(&g->stop_cond);
		free(g);
		return -EAGAIN;
	}
	*out = g;
	return 0;
}

void connguard_free(struct connguard *g)
{
	if (!g)
		return;
	pthread_mutex_lock(&g->lock);
	g->stop = true;
	pthread_cond_broadcast(&g->stop_cond);
	pthread_mutex_unlock(&g->lock);
	pthread_join(g->thread, NULL);
	pthread_mutex_destroy(&g->lock);
	pthread_cond_destroy(&g->stop_cond);
	free(g);
}

/*
 * Whether the client of o has hung up (its FIN is in, the server's thread
 * for it may not have read it yet).  o's fd stays open while o is linked
 * (connguard_remove() comes first), and the list lock is held.
 */
static bool hung_up(const struct connguard_conn *o)
{
	struct pollfd p = { o->fd, POLLRDHUP, 0 };

	return poll(&p, 1, 0) == 1 &&
	       (p.revents & (POLLRDHUP | POLLHUP | POLLERR));
}

/*
 * Whether c may be served beside the connections served now (lock held).
 * Past a cap, those whose client has hung up are not counted: a client
 * that closes its connections and opens new ones at once would otherwise
 * meet its old ones still counted, for the moment their threads take to
 * see the end (a 503 for a retry after an aborted upload).
 */
static enum connguard_admit admit(struct connguard *g,
				  const struct connguard_conn *c, bool live)
{
	const struct connguard_conn *o;
	unsigned total = 0, peer = 0;
	enum connguard_admit a = CONNGUARD_SERVED;

	for (o = g->head.next; o != &g->head; o = o->next) {
		if (o->admit != CONNGUARD_SERVED || (live && hung_up(o)))
			continue;
		total++;
		peer += !strcmp(o->peer, c->peer);
	}
	if (g->limits.max_conns && total >= g->limits.max_conns)
		a = CONNGUARD_OVER_TOTAL;
	else if (g->limits.max_conns_per_peer &&
		 peer >= g->limits.max_conns_per_peer)
		a = CONNGUARD_OVER_PEER;
	return a == CONNGUARD_SERVED || live ? a : admit(g, c, true);
}

enum connguard_admit connguard_add(struct connguard *g,
				   struct connguard_conn *c, int fd,
				   const char *peer)
{
	c->fd = fd;
	c->peer = peer;
	connguard_idle(g, c);
	pthread_mutex_lock(&g->lock);
	c->admit = admit(g, c, false);
	c->next = &g->head;
	c->prev = g->head.prev;
	c->prev->next = c;
	g->head.prev = c;
	pthread_mutex_unlock(&g->lock);
	return c->admit;
}

void connguard_remove(struct connguard *g, struct connguard_conn *c)
{
	if (!c->next)
		return;
	pthread_mutex_lock(&g->lock);
	c->prev->next = c->next;
	c->next->prev = c->prev;
	c->prev = c->next = NULL;
	pthread_mutex_unlock(&g->lock);
}

void connguard_body_start(struct connguard *g, struct connguard_conn *c)
{
	c->body_start_ns = mono_ns();
	connguard_body_progress(g, c, 0);
}

void connguard_body_progress(struct connguard *g, struct connguard_conn *c,
			     unsigned long long bytes)
{
	long long ns = 0;

	if (g->limits.body_timeout)
		ns = c->body_start_ns + g->limits.body_timeout * NS;
	/* in 128 bits: bytes * NS wraps round in 64 past 18 GB */
	if (ns && g->limits.body_min_rate) {
		unsigned __int128 more =
			(unsigned __int128)bytes * NS / g->limits.body_min_rate;

		ns = more > (unsigned __int128)(LLONG_MAX - ns) ?
			     LLONG_MAX :
			     ns + (long long)more;
	} else {
		ns = 0;
	}
	set_deadline(c, ns);
}

void connguard_replying(struct connguard_conn *c)
{
	set_deadline(c, 0);
}

void connguard_idle(struct connguard *g, struct connguard_conn *c)
{
	set_deadline(c, g->limits.header_timeout ?
				mono_ns() + g->limits.header_timeout * NS :
				0);
}
