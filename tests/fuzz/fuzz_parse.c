// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_parse: libFuzzer target for the lockdep parser: the input is fed in
 * chunks whose sizes come from the input, and every report goes through
 * signature_compute() and report_json() as `splatd parse` does.
 *
 * Input layout: byte 0 = n (mod 8) schedule bytes follow; chunk i is
 * schedule[i % n] + 1 bytes long (n = 0: one chunk); the rest is the log.
 */
#include <jansson.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/arena.h"
#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "server/report_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_ctx {
	struct arena arena;
	unsigned reports;
};

/* Invariants every report must keep, whatever the input. */
static void fuzz_check(const struct lockdep_report *r,
		       const struct signature *sig, json_t *o)
{
	if (!lockdep_kind_name(r->kind))
		abort();
	if (r->first_line > r->last_line)
		abort();
	if (sig->algo_version != SIGNATURE_ALGO_VERSION ||
	    strlen(sig->hex) != SIGNATURE_HEX_LEN)
		abort();
	if (!json_is_string(json_object_get(o, "kind")) ||
	    !json_is_string(json_object_get(o, "signature")))
		abort();
}

static int fuzz_on_report(void *data, const struct lockdep_report *r)
{
	struct fuzz_ctx *ctx = data;
	struct signature sig;
	json_t *o;
	char *s;

	ctx->reports++;
	if (signature_compute(&sig, r, &ctx->arena))
		goto out;
	o = report_json(r, &sig);
	fuzz_check(r, &sig, o);
	s = json_dumps(o, JSON_COMPACT | JSON_ENSURE_ASCII);
	free(s);
	json_decref(o);
out:
	arena_reset(&ctx->arena);
	return 0;
}

static int fuzz_on_off(void *data, const struct lockdep_off *off)
{
	json_t *o = report_json_lockdep_off(off);
	char *s = json_dumps(o, JSON_COMPACT);

	free(s);
	json_decref(o);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_ctx ctx = { ARENA_INIT, 0 };
	struct lockdep_sink sink = { fuzz_on_report, fuzz_on_off, &ctx };
	struct lockdep_parser *p;
	const uint8_t *sched;
	size_t nsched, i = 0;

	if (!size)
		return 0;
	nsched = data[0] % 8;
	if (size < 1 + nsched)
		return 0;
	sched = data + 1;
	data += 1 + nsched;
	size -= 1 + nsched;

	p = lockdep_parser_new(&sink);
	if (!p)
		abort();
	while (size) {
		size_t n = nsched ? (size_t)sched[i++ % nsched] + 1 : size;

		if (n > size)
			n = size;
		lockdep_parser_feed(p, (const char *)data, n);
		data += n;
		size -= n;
	}
	lockdep_parser_finish(p);
	if (lockdep_parser_reports(p) != ctx.reports)
		abort();
	lockdep_parser_free(p);
	arena_release(&ctx.arena);
	return 0;
}
