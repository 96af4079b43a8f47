// SPDX-License-Identifier: GPL-2.0
/*
 * parse_chunks: feed a file to the lockdep parser in chunks of a fixed size
 * (0 = the whole file at once) and print what `splatd parse` would print for
 * it, keys sorted, one line per chunk size, so they can be compared.  A
 * chunk size ending in 's' ("0s") parses with the fast path for ordinary
 * lines turned off (lockdep_parser_set_fast_path), which must change nothing.
 *
 * usage: parse_chunks FILE CHUNK[s]...
 */
#include <errno.h>
#include <jansson.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/arena.h"
#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "parsers/strbuf.h"
#include "server/triage/report_json.h"

struct chunks_ctx {
	json_t *reports;
	json_t *offs;
	struct arena arena;
};

static int chunks_on_report(void *data, const struct lockdep_report *r)
{
	struct chunks_ctx *ctx = data;
	struct signature sig;

	if (signature_compute(&sig, r, &ctx->arena))
		json_array_append_new(ctx->reports,
				      json_string("signature_compute failed"));
	else
		json_array_append_new(ctx->reports, report_json(r, &sig));
	arena_reset(&ctx->arena);
	return 0;
}

static int chunks_on_off(void *data, const struct lockdep_off *off)
{
	struct chunks_ctx *ctx = data;

	json_array_append_new(ctx->offs, report_json_lockdep_off(off));
	return 0;
}

/* Read all of path into sb; 0 or -errno. */
static int chunks_read(struct strbuf *sb, const char *path)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t n;
	int ret = 0;

	if (!f)
		return -errno;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(sb, buf, n);
	if (ferror(f))
		ret = -EIO;
	fclose(f);
	return ret;
}

/* Parse in with the given chunk size and print one JSON line; 0 or -1. */
static int chunks_parse(const struct strbuf *in, size_t chunk, bool fast)
{
	struct chunks_ctx ctx = { json_array(), json_array(), ARENA_INIT };
	struct lockdep_sink sink = { chunks_on_report, chunks_on_off, &ctx };
	struct lockdep_parser *p = lockdep_parser_new(&sink);
	size_t off = 0;
	json_t *o = NULL;
	int ret = -1;

	lockdep_parser_set_fast_path(p, fast);
	if (!chunk)
		chunk = in->len ? in->len : 1;
	while (off < in->len) {
		size_t n = in->len - off < chunk ? in->len - off : chunk;

		lockdep_parser_feed(p, in->buf + off, n);
		off += n;
	}
	lockdep_parser_finish(p);
	o = json_pack("{s:O, s:O, s:I}", "reports", ctx.reports, "lockdep_off",
		      ctx.offs, "count", (json_int_t)lockdep_parser_reports(p));
	if (!o || json_dumpf(o, stdout, JSON_SORT_KEYS | JSON_ENSURE_ASCII))
		goto out;
	fputc('\n', stdout);
	ret = 0;
out:
	json_decref(o);
	json_decref(ctx.reports);
	json_decref(ctx.offs);
	lockdep_parser_free(p);
	arena_release(&ctx.arena);
	return ret;
}

int main(int argc, char **argv)
{
	struct strbuf in = STRBUF_INIT;
	int i, err, ret = 1;

	if (argc < 3) {
		fputs("usage: parse_chunks FILE CHUNK[s]...\n", stderr);
		goto out;
	}
	err = chunks_read(&in, argv[1]);
	if (err) {
		fprintf(stderr, "parse_chunks: %s: %s\n", argv[1],
			strerror(-err));
		goto out;
	}
	for (i = 2; i < argc; i++) {
		char *end;
		size_t chunk = strtoul(argv[i], &end, 10);

		if (chunks_parse(&in, chunk, *end != 's'))
			goto out;
	}
	ret = 0;
out:
	strbuf_release(&in);
	return ret;
}
