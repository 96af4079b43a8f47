/* SPDX-License-Identifier: GPL-2.0 */
/*
 * gunzip: streaming gzip decoding for request bodies (Content-Encoding:
 * gzip).  Output goes to a callback in pieces of at most GUNZIP_CHUNK bytes;
 * the consumer enforces the decompressed-size cap.  One struct gunzip is
 * reused across requests (gunzip_reset), so its window costs no new pages.
 */
#ifndef SPLATD_GUNZIP_H
#define SPLATD_GUNZIP_H

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

#endif
