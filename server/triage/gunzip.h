/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gunzip: streaming gzip decoding for request bodies (Content-Encoding:
 * gzip).  Output goes to a callback in pieces of at most GUNZIP_CHUNK bytes;
 * the consumer enforces the decompressed-size cap.  One struct gunzip is
 * reused across requests (gunzip_reset), so its window costs no new pages.
 */
#ifndef SPLATD_GUNZIP_H
#define SPLATD_GUNZIP_H

#include <stdbool.h>
#include <stddef.h>

#include "parsers/strbuf.h"

#define GUNZIP_CHUNK (64 * 1024)

struct gunzip;

/* Non-zero stops decoding and is returned by gunzip_feed. */
typedef int (*gunzip_fn)(void *ctx, const char *buf, size_t len,
			 struct strbuf *err);

struct gunzip *gunzip_new(void);
void gunzip_free(struct gunzip *g);
void gunzip_reset(struct gunzip *g);
/* 0, -EINVAL for data that is not gzip, or the callback's value. */
int gunzip_feed(struct gunzip *g, const void *buf, size_t len, gunzip_fn fn,
		void *ctx, struct strbuf *err);
/* -EINVAL when the stream stopped before its end. */
int gunzip_finish(struct gunzip *g, struct strbuf *err);

/*
 * A log that may be a gzip file sent or served as it is (no
 * Content-Encoding; `splatd ingest dmesg.gz`): its first two bytes decide
 * (1f 8b), then its bytes go to fn(ctx) through *gz (made there when first
 * needed, the caller's to free), or as they are.  gz NULL: the stream is
 * already a gzip body's inside, and gzip in it is refused.
 */
struct gunzip_sniff {
	struct gunzip **gz;
	gunzip_fn fn;
	void *ctx;
	unsigned long long seen; /* bytes so far */
	unsigned char first; /* held while it comes alone */
	bool gzip;
};

void gunzip_sniff_start(struct gunzip_sniff *s, struct gunzip **gz,
			gunzip_fn fn, void *ctx);
/* A gunzip_fn (ctx: the struct gunzip_sniff): 0, -EINVAL, or fn's value. */
int gunzip_sniff_feed(void *ctx, const char *buf, size_t len,
		      struct strbuf *err);
/* The end: a byte still held goes on; a gzip stream must be whole. */
int gunzip_sniff_finish(struct gunzip_sniff *s, struct strbuf *err);

#endif
