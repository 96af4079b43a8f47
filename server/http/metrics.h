/* SPDX-License-Identifier: GPL-2.0 */
/*
 * metrics: counters and histograms of the running service, updated with
 * atomics from every connection's thread and rendered in the Prometheus text
 * format for GET /metrics.
 */
#ifndef SPLATD_METRICS_H
#define SPLATD_METRICS_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/strbuf.h"

struct metrics;

/* routes: the route table's size; route index nroutes means "no route". */
struct metrics *metrics_new(size_t nroutes);
void metrics_free(struct metrics *m);

void metrics_request(struct metrics *m, size_t route, int status,
		     unsigned long long ns);
void metrics_ingest(struct metrics *m, unsigned long long bytes,
		    unsigned reports, unsigned new_signatures,
		    unsigned long long parse_ns);

/* A checkpoint had to hold the writes to let the WAL restart. */
void metrics_forced_checkpoint(struct metrics *m);
/*
 * name(i) gives route i's label; signatures is the stored total, in_flight
 * the requests between their headers and their reply's end.
 */
void metrics_render(const struct metrics *m, const char *(*name)(size_t i),
		    long long signatures, long in_flight, struct strbuf *out);

/* The outbox gauges: splatd_mail_outbox{state="queued|sent|failed"} and
 * splatd_mail_paused (1 while `splatd mail pause` holds all mail). */
/*
 * One once-per-service role (db/roles.h) as splatd_role{role=...} 1 or 0;
 * first adds the HELP and TYPE lines.
 */
void metrics_render_role(struct strbuf *out, const char *role, bool held,
			 bool first);
void metrics_render_outbox(struct strbuf *out, long long queued, long long sent,
			   long long failed, bool paused);

#endif
