// SPDX-License-Identifier: GPL-2.0
/*
 * fuzz_parse: libFuzzer target for the lockdep parser: the input is fed in
 * chunks whose sizes come from the input, and every report goes through
 * signature_compute() (syz_title included) and report_json() as `splatd
 * parse` does.  Three differential checks: report_json_write() prints
 * exactly what jansson
 * dumps of the object read back (report_json(), compact and indented), the
 * parser's fast path for ordinary lines changes nothing (the input is parsed
 * with and without), and a parser reset after a log parses the next one as a
 * new parser does.
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
#include "parsers/strbuf.h"
#include "server/triage/jsonw.h"
#include "server/triage/report_json.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fuzz_ctx {
	struct arena arena;
	unsigned reports;
	struct strbuf out; /* every report and lockdep_off, compact */
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
	/* syzkaller's title: known for every kind but three, never empty,
	 * and a function title is "<form> in <function>" */
	if (sig->syz_title) {
		const char *in = strstr(sig->syz_title, " in ");

		if (!*sig->syz_title || (in && !in[4]) ||
		    strcmp(sig->syz_title,
			   json_string_value(json_object_get(o, "syz_title")) ?:
				   ""))
			abort();
	} else if (r->kind != LOCKDEP_HUNG_TASK_ALL_LOCKS &&
		   r->kind != LOCKDEP_BAD_CONTENTION &&
		   r->kind != LOCKDEP_CHAIN_KEY_COLLISION && r->header &&
		   *r->header) {
		abort();
	}
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
	for (int indent = 0; indent <= 2; indent += 2) {
		struct strbuf mine = STRBUF_INIT;
		struct jsonw w;

		s = json_dumps(o,
			       (indent ? JSON_INDENT(indent) : JSON_COMPACT) |
				       JSON_ENSURE_ASCII);
		jsonw_init(&w, &mine, indent);
		report_json_write(&w, r, &sig);
		if (!s || strcmp(s, mine.buf))
			abort();
		if (!indent)
			strbuf_addstr(&ctx->out, s);
		free(s);
		strbuf_release(&mine);
	}
	json_decref(o);
out:
	arena_reset(&ctx->arena);
	return 0;
}

static int fuzz_on_off(void *data, const struct lockdep_off *off)
{
	struct fuzz_ctx *ctx = data;
	json_t *o = report_json_lockdep_off(off);
	char *s = json_dumps(o, JSON_COMPACT);

	strbuf_addstr(&ctx->out, s);
	free(s);
	json_decref(o);
	return 0;
}

/* Parse the log in the chunks the schedule says; the output lands in ctx. */
static void parse(struct fuzz_ctx *ctx, const uint8_t *data, size_t size,
		  const uint8_t *sched, size_t nsched, bool fast)
{
	struct lockdep_sink sink = { fuzz_on_report, fuzz_on_off, ctx };
	struct lockdep_parser *p = lockdep_parser_new(&sink);
	size_t i = 0;

	if (!p)
		abort();
	lockdep_parser_set_fast_path(p, fast);
	if (!fast) {
		/* a used parser, reset, must behave as a new one */
		lockdep_parser_feed(p, (const char *)data, size / 2);
		lockdep_parser_reset(p);
		ctx->reports = 0;
		strbuf_reset(&ctx->out);
		arena_reset(&ctx->arena);
	}
	while (size) {
		size_t n = nsched ? (size_t)sched[i++ % nsched] + 1 : size;

		if (n > size)
			n = size;
		lockdep_parser_feed(p, (const char *)data, n);
		data += n;
		size -= n;
	}
	lockdep_parser_finish(p);
	if (lockdep_parser_reports(p) != ctx->reports)
		abort();
	lockdep_parser_free(p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_ctx fast = { ARENA_INIT, 0, STRBUF_INIT };
	struct fuzz_ctx slow = { ARENA_INIT, 0, STRBUF_INIT };
	const uint8_t *sched;
	size_t nsched;

	if (!size)
		return 0;
	nsched = data[0] % 8;
	if (size < 1 + nsched)
		return 0;
	sched = data + 1;
	data += 1 + nsched;
	size -= 1 + nsched;

	parse(&fast, data, size, sched, nsched, true);
	parse(&slow, data, size, sched, nsched, false);
	if (fast.reports != slow.reports || strcmp(fast.out.buf, slow.out.buf))
		abort();
	arena_release(&fast.arena);
	arena_release(&slow.arena);
	strbuf_release(&fast.out);
	strbuf_release(&slow.out);
	return 0;
}
