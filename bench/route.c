// SPDX-License-Identifier: GPL-2.0
/*
 * route bench: the cost of routing one lockdep report (its ranked owners
 * in a kernel tree, docs/owners.md) next to the cost of parsing it and
 * computing its signature, in the same run over the same reports.
 *
 * usage: route KTREE ROUNDS FILE...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <jansson.h>

#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "server/triage/owners.h"

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct ctx {
	struct owners_source *owners; /* NULL: parse and signature only */
	struct arena arena;
	unsigned reports, routed;
	double route_s; /* time inside owners_source_annotate */
};

static int on_report(void *data, const struct lockdep_report *r)
{
	struct ctx *c = data;
	struct signature sig;
	json_t *obj;
	double t0;

	c->reports++;
	if (!signature_compute(&sig, r, &c->arena) && c->owners) {
		obj = json_object();
		t0 = now();
		owners_source_annotate(c->owners, obj, &sig, r, NULL);
		c->route_s += now() - t0;
		c->routed += json_array_size(json_object_get(obj, "owners")) >
			     0;
		json_decref(obj);
	}
	arena_reset(&c->arena);
	return 0;
}

static int on_off(void *data, const struct lockdep_off *off)
{
	return 0;
}

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (!fseek(f, 0, SEEK_END) && (n = ftell(f)) >= 0 &&
	    !fseek(f, 0, SEEK_SET) && (buf = malloc((size_t)n + 1)) &&
	    fread(buf, 1, (size_t)n, f) == (size_t)n) {
		*len = (size_t)n;
	} else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

/* One pass over every file; returns its wall time. */
static double pass(struct ctx *c, char **texts, size_t *lens, int n)
{
	struct lockdep_sink sink = { on_report, on_off, c };
	struct lockdep_parser *p = lockdep_parser_new(&sink);
	double t0 = now();
	int i;

	for (i = 0; i < n; i++) {
		lockdep_parser_feed(p, texts[i], lens[i]);
		lockdep_parser_finish(p);
		lockdep_parser_reset(p);
	}
	lockdep_parser_free(p);
	return now() - t0;
}

int main(int argc, char **argv)
{
	struct strbuf err = STRBUF_INIT;
	struct ctx plain = { 0 }, routed = { 0 };
	char **texts;
	size_t *lens;
	double t0, open_s, parse_s = 0, all_s = 0, cold_s = 0;
	unsigned cold_n = 0;
	int i, n, rounds, round;

	if (argc < 4) {
		fprintf(stderr, "usage: route KTREE ROUNDS FILE...\n");
		return 2;
	}
	rounds = atoi(argv[2]);
	n = argc - 3;
	texts = calloc((size_t)n, sizeof(*texts));
	lens = calloc((size_t)n, sizeof(*lens));
	for (i = 0; i < n; i++)
		if (!(texts[i] = slurp(argv[i + 3], &lens[i]))) {
			fprintf(stderr, "route: cannot read %s\n", argv[i + 3]);
			return 1;
		}
	t0 = now();
	if (owners_source_new(&routed.owners, argv[1], NULL, NULL, NULL,
			      &err)) {
		fprintf(stderr, "route: %s\n", err.buf);
		return 1;
	}
	open_s = now() - t0;
	for (round = 0; round < rounds; round++) {
		parse_s += pass(&plain, texts, lens, n);
		all_s += pass(&routed, texts, lens, n);
		if (!round) {
			cold_s = routed.route_s;
			cold_n = routed.reports;
		}
	}
	printf("tree open (MAINTAINERS, function index, core services): "
	       "%.1f s, once per tree\n",
	       open_s);
	printf("%u reports (%d files x %d rounds), %u with owners\n",
	       routed.reports, n, rounds, routed.routed);
	printf("parse + signature (reference): %8.1f us/report\n",
	       1e6 * parse_s / (plain.reports ? plain.reports : 1));
	printf("routing (ranked owners, why):  %8.1f us/report"
	       "  (parse + signature + routing %.1f us)\n",
	       1e6 * routed.route_s / (routed.reports ? routed.reports : 1),
	       1e6 * all_s / (routed.reports ? routed.reports : 1));
	printf("  first round, files not yet looked up: %8.1f us/report\n",
	       1e6 * cold_s / (cold_n ? cold_n : 1));
	if (routed.reports > cold_n)
		printf("  later rounds, per-tree cache warm:    %8.1f "
		       "us/report\n",
		       1e6 * (routed.route_s - cold_s) /
			       (routed.reports - cold_n));
	owners_source_free(routed.owners);
	arena_release(&plain.arena);
	arena_release(&routed.arena);
	for (i = 0; i < n; i++)
		free(texts[i]);
	free(texts);
	free(lens);
	strbuf_release(&err);
	return 0;
}
