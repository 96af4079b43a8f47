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
			/* zeros after the last member pad a block (tar, tape):
			 * gzip -d ignores them */
			while (g->z.avail_in && !*g->z.next_in) {
				g->z.next_in++;
				g->z.avail_in--;
			}
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

void gunzip_sniff_start(struct gunzip_sniff *s, struct gunzip **gz,
			gunzip_fn fn, void *ctx)
{
	*s = (struct gunzip_sniff){ .gz = gz, .fn = fn, .ctx = ctx };
}

static int sniff_pass(struct gunzip_sniff *s, const char *buf, size_t len,
		      struct strbuf *err)
{
	return s->gzip ? gunzip_feed(*s->gz, buf, len, s->fn, s->ctx, err) :
			 s->fn(s->ctx, buf, len, err);
}

int gunzip_sniff_feed(void *ctx, const char *buf, size_t len,
		      struct strbuf *err)
{
	struct gunzip_sniff *s = ctx;
	unsigned char b0, b1;
	int ret = 0;

	if (!len)
		return 0;
	if (s->seen >= 2 || (s->seen == 0 && len == 1)) {
		if (s->seen == 0)
			s->first = (unsigned char)buf[0];
		s->seen += len;
		return s->seen == 1 ? 0 : sniff_pass(s, buf, len, err);
	}
	/* the first two bytes are here now */
	b0 = s->seen ? s->first : (unsigned char)buf[0];
	b1 = (unsigned char)buf[s->seen ? 0 : 1];
	s->gzip = b0 == 0x1f && b1 == 0x8b;
	if (s->gzip && !s->gz) {
		strbuf_addstr(err, "the log is gzip inside gzip:"
				   " compress it once");
		return -EINVAL;
	}
	if (s->gzip && !*s->gz)
		*s->gz = gunzip_new();
	else if (s->gzip)
		gunzip_reset(*s->gz);
	if (s->seen)
		ret = sniff_pass(s, (const char *)&s->first, 1, err);
	s->seen += len;
	return ret ? ret : sniff_pass(s, buf, len, err);
}

int gunzip_sniff_finish(struct gunzip_sniff *s, struct strbuf *err)
{
	/* a one-byte log never learnt whether it was gzip */
	if (s->seen == 1)
		return s->fn(s->ctx, (const char *)&s->first, 1, err);
	return s->gzip ? gunzip_finish(*s->gz, err) : 0;
}
