// SPDX-License-Identifier: GPL-2.0
/* metrics: Prometheus counters and histograms for GET /metrics. */
#include "server/http/metrics.h"

#include <stdlib.h>

#include "parsers/alloc.h"

static const int statuses[] = { 200, 201, 204, 206, 304, 400, 401, 403,
				404, 405, 409, 411, 413, 415, 500, 503 };
#define NSTATUS (ARRAY_SIZE(statuses) + 1) /* + other */

/* Histogram bucket bounds in seconds. */
static const double bounds[] = { 0.0005, 0.001, 0.0025, 0.005, 0.01,
				 0.025,	 0.05,	0.1,	0.25,  0.5,
				 1,	 2.5,	5,	10 };
#define NBOUNDS ARRAY_SIZE(bounds)

struct histogram {
	unsigned long long bucket[NBOUNDS + 1]; /* last is +Inf */
	unsigned long long sum_ns, count;
};

struct metrics {
	size_t nroutes;
	unsigned long long *requests; /* [(nroutes + 1) * NSTATUS] */
	unsigned long long bytes, runs, reports, new_signatures;
	unsigned long long forced_checkpoints;
	struct histogram request, parse;
};

struct metrics *metrics_new(size_t nroutes)
{
	struct metrics *m = xcalloc(1, sizeof(*m));

	m->nroutes = nroutes;
	m->requests = xcalloc((nroutes + 1) * NSTATUS, sizeof(*m->requests));
	return m;
}

void metrics_free(struct metrics *m)
{
	if (!m)
		return;
	free(m->requests);
	free(m);
}

static void add(unsigned long long *p, unsigned long long v)
{
	__atomic_fetch_add(p, v, __ATOMIC_RELAXED);
}

static unsigned long long get(const unsigned long long *p)
{
	return __atomic_load_n(p, __ATOMIC_RELAXED);
}

static void observe(struct histogram *h, unsigned long long ns)
{
	double s = (double)ns / 1e9;
	size_t i;

	for (i = 0; i < NBOUNDS && s > bounds[i]; i++)
		;
	add(&h->bucket[i], 1);
	add(&h->sum_ns, ns);
	add(&h->count, 1);
}

void metrics_forced_checkpoint(struct metrics *m)
{
	add(&m->forced_checkpoints, 1);
}

void metrics_request(struct metrics *m, size_t route, int status,
		     unsigned long long ns)
{
	size_t s;

	if (route > m->nroutes)
		route = m->nroutes;
	for (s = 0; s < NSTATUS - 1 && statuses[s] != status; s++)
		;
	add(&m->requests[route * NSTATUS + s], 1);
	observe(&m->request, ns);
}

void metrics_ingest(struct metrics *m, unsigned long long bytes,
		    unsigned reports, unsigned new_signatures,
		    unsigned long long parse_ns)
{
	add(&m->bytes, bytes);
	add(&m->runs, 1);
	add(&m->reports, reports);
	add(&m->new_signatures, new_signatures);
	observe(&m->parse, parse_ns);
}

static void render_histogram(const struct histogram *h, const char *name,
			     const char *help, struct strbuf *out)
{
	unsigned long long cum = 0;
	size_t i;

	strbuf_addf(out, "# HELP %s %s\n# TYPE %s histogram\n", name, help,
		    name);
	for (i = 0; i < NBOUNDS; i++) {
		cum += get(&h->bucket[i]);
		strbuf_addf(out, "%s_bucket{le=\"%g\"} %llu\n", name, bounds[i],
			    cum);
	}
	cum += get(&h->bucket[NBOUNDS]);
	strbuf_addf(out, "%s_bucket{le=\"+Inf\"} %llu\n", name, cum);
	strbuf_addf(out, "%s_sum %.9f\n%s_count %llu\n", name,
		    (double)get(&h->sum_ns) / 1e9, name, get(&h->count));
}

static void render_counter(struct strbuf *out, const char *name,
			   const char *help, unsigned long long v)
{
	strbuf_addf(out, "# HELP %s %s\n# TYPE %s counter\n%s %llu\n", name,
		    help, name, name, v);
}

void metrics_render(const struct metrics *m, const char *(*name)(size_t i),
		    long long signatures, long in_flight, struct strbuf *out)
{
	unsigned long long v;
	size_t r, s;

	strbuf_addstr(out, "# HELP splatd_http_requests_total HTTP requests"
			   " by route and status.\n"
			   "# TYPE splatd_http_requests_total counter\n");
	for (r = 0; r <= m->nroutes; r++) {
		for (s = 0; s < NSTATUS; s++) {
			v = get(&m->requests[r * NSTATUS + s]);
			if (!v)
				continue;
			strbuf_addf(out,
				    "splatd_http_requests_total{route=\"%s\","
				    "status=\"",
				    r < m->nroutes ? name(r) : "none");
			if (s < NSTATUS - 1)
				strbuf_addf(out, "%d", statuses[s]);
			else
				strbuf_addstr(out, "other");
			strbuf_addf(out, "\"} %llu\n", v);
		}
	}
	render_counter(out, "splatd_ingest_bytes_total",
		       "Log bytes ingested (decompressed).", get(&m->bytes));
	render_counter(out, "splatd_runs_total", "Runs stored.", get(&m->runs));
	render_counter(out, "splatd_reports_total", "Lockdep reports stored.",
		       get(&m->reports));
	render_counter(out, "splatd_signatures_new_total",
		       "Signatures created.", get(&m->new_signatures));
	render_counter(
		out, "splatd_wal_forced_checkpoints_total",
		"Checkpoints run with writes held (WAL over --wal-frames).",
		get(&m->forced_checkpoints));
	strbuf_addf(out,
		    "# HELP splatd_signatures Signatures in the database.\n"
		    "# TYPE splatd_signatures gauge\nsplatd_signatures %lld\n",
		    signatures);
	strbuf_addf(out,
		    "# HELP splatd_http_requests_in_flight Requests received"
		    " and not yet answered.\n"
		    "# TYPE splatd_http_requests_in_flight gauge\n"
		    "splatd_http_requests_in_flight %ld\n",
		    in_flight);
	render_histogram(&m->request, "splatd_http_request_duration_seconds",
			 "Time from request headers to reply.", out);
	render_histogram(&m->parse, "splatd_parse_duration_seconds",
			 "Time spent in the parser per run.", out);
}

void metrics_render_role(struct strbuf *out, const char *role, bool held,
			 bool first)
{
	if (first)
		strbuf_addstr(out, "# HELP splatd_role 1 while this instance"
				   " holds the role (docs/deploy.md).\n"
				   "# TYPE splatd_role gauge\n");
	strbuf_addf(out, "splatd_role{role=\"%s\"} %d\n", role, held ? 1 : 0);
}

void metrics_render_outbox(struct strbuf *out, long long queued, long long sent,
			   long long failed, bool paused)
{
	strbuf_addf(out,
		    "# HELP splatd_mail_outbox Mails in the outbox by state.\n"
		    "# TYPE splatd_mail_outbox gauge\n"
		    "splatd_mail_outbox{state=\"queued\"} %lld\n"
		    "splatd_mail_outbox{state=\"sent\"} %lld\n"
		    "splatd_mail_outbox{state=\"failed\"} %lld\n",
		    queued, sent, failed);
	strbuf_addf(out,
		    "# HELP splatd_mail_paused 1 while mail is paused"
		    " (splatd mail pause).\n"
		    "# TYPE splatd_mail_paused gauge\nsplatd_mail_paused %d\n",
		    paused ? 1 : 0);
}
