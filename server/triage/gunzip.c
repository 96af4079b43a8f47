// SPDX-License-Identifier: GPL-2.0
/* gunzip: inflate gzip request bodies chunk by chunk with zlib. */
#include "server/triage/gunzip.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <zlib.h>

#include "parsers/alloc.h"

struct gunzip {
	z_stream z;
	bool ended; /* the last member ended and no byte followed yet */
	bool any; /* some input was seen */
	char out[GUNZIP_CHUNK];
};

struct gunzip *gunzip_new(void)
{
	struct gunzip *g = xcalloc(1, sizeof(*g));

	/* 15 + 16: gzip wrapper only. */
	if (inflateInit2(&g->z, 15 + 16) != Z_OK)
		abort();
	return g;
}

void gunzip_free(struct gunzip *g)
{
	if (!g)
		return;
	inflateEnd(&g->z);
	free(g);
}

void gunzip_reset(struct gunzip *g)
{
	inflateReset(&g->z);
	g->ended = false;
	g->any = false;
}

int gunzip_feed(struct gunzip *g, const void *buf, size_t len, gunzip_fn fn,
		void *ctx, struct strbuf *err)
{
	int rc, ret;

	g->z.next_in = (Bytef *)buf;
	g->z.avail_in = (uInt)len;
	if (len)
		g->any = true;
	for (;;) {
		if (g->ended) {
			if (!g->z.avail_in)
				break;
			/* Concatenated gzip members (gzip -c a b). */
			inflateReset(&g->z);
			g->ended = false;
		}
		g->z.next_out = (Bytef *)g->out;
		g->z.avail_out = sizeof(g->out);
		rc = inflate(&g->z, Z_NO_FLUSH);
		if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR) {
			strbuf_addf(err, "invalid gzip data: %s",
				    g->z.msg ? g->z.msg : "corrupt stream");
			return -EINVAL;
		}
		if (g->z.avail_out < sizeof(g->out)) {
			ret = fn(ctx, g->out, sizeof(g->out) - g->z.avail_out,
				 err);
			if (ret)
				return ret;
		}
		if (rc == Z_STREAM_END) {
			g->ended = true;
			continue;
		}
		/* Done when the input is used up and the output not full. */
		if (rc == Z_BUF_ERROR || (!g->z.avail_in && g->z.avail_out))
			break;
	}
	return 0;
}

int gunzip_finish(struct gunzip *g, struct strbuf *err)
{
	if (!g->ended) {
		strbuf_addstr(err, g->any ? "truncated gzip data" :
					    "empty gzip body");
		return -EINVAL;
	}
	return 0;
}
