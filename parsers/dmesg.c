// SPDX-License-Identifier: GPL-2.0
/* dmesg: logical kernel lines out of any transport (stub, being written). */
#include "parsers/dmesg.h"

#include <stdlib.h>
#include <string.h>

#include "parsers/strbuf.h"

struct dmesg {
	dmesg_line_fn fn;
	void *ctx;
	struct strbuf line;
	unsigned long long bytes;
	unsigned long lines;
};

struct dmesg *dmesg_new(dmesg_line_fn fn, void *ctx)
{
	struct dmesg *d = calloc(1, sizeof(*d));

	if (!d)
		abort();
	d->fn = fn;
	d->ctx = ctx;
	strbuf_init(&d->line, 0);
	return d;
}

static int emit(struct dmesg *d)
{
	struct dmesg_line l = { 0 };

	d->lines++;
	l.text = d->line.buf;
	l.len = d->line.len;
	l.raw = d->line.buf;
	l.raw_len = d->line.len;
	l.first = l.last = d->lines;
	l.ts = -1;
	l.level = -1;
	return d->fn(d->ctx, &l);
}

int dmesg_feed(struct dmesg *d, const char *buf, size_t len)
{
	size_t i;
	int ret;

	d->bytes += len;
	for (i = 0; i < len; i++) {
		if (buf[i] == '\n') {
			ret = emit(d);
			strbuf_reset(&d->line);
			if (ret)
				return ret;
		} else if (d->line.len < DMESG_MAX_LINE) {
			strbuf_addch(&d->line, buf[i]);
		}
	}
	return 0;
}

int dmesg_finish(struct dmesg *d)
{
	int ret = 0;

	if (d->line.len)
		ret = emit(d);
	strbuf_reset(&d->line);
	return ret;
}

void dmesg_free(struct dmesg *d)
{
	if (!d)
		return;
	strbuf_release(&d->line);
	free(d);
}

unsigned long long dmesg_bytes(const struct dmesg *d)
{
	return d->bytes;
}

unsigned long dmesg_lines(const struct dmesg *d)
{
	return d->lines;
}
