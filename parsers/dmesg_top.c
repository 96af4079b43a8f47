// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg: the top of the input held back until a screen's fixed width is
 * known, so that a log that starts with a report cut at that width is read
 * as joined as one with boot lines before it.
 *
 * Steps 3-6 learn a screen's width from three rows cut at it (dmesg_wrap.c,
 * wrap_event()); the lines before that are read unjoined.  At the first row
 * that may be such a cut (a prefixed row of at least DMESG_WRAP_COLUMN
 * columns that an unprefixed row continues), while no width was ever learnt
 * in this input, the state is copied into a probe that reads on alone while
 * the physical lines are held (the fast path is off meanwhile: as_read()).
 * Three rows of one width in a row are no proof of a screen (a plain log's
 * banner, header and dashes are as wide, and a harness line may follow
 * each; a mail client that wrapped at a blank before column 72 leaves rows
 * of exactly 72 where the blank fell there), but on a screen no row is ever
 * wider and every row it cut is as wide: so when DMESG_TOP_LINES lines have
 * passed, or the input ends, and the probe learnt a width and kept it, and
 * saw no row of another width (of DMESG_WRAP_COLUMN or more) continued, the
 * held lines are read again with that width known from the first cut; else
 * they are read as they would have been.  Either way this happens once per
 * input, and the lines reach the consumer once.
 */
#include "parsers/dmesg_int.h"

#include <string.h>

#include "parsers/strbuf.h"

/* Lines held from the first cut: the width must be learnt and kept so long. */
#define DMESG_TOP_LINES 64

/* A held physical line, as dmesg_process() was given it; its text follows. */
struct top_line {
	unsigned long first, last;
	size_t len;
	bool clean;
};

static int probe_line(void *ctx, const struct dmesg_line *l)
{
	(void)ctx;
	(void)l;
	return 0;
}

/* Make the probe a copy of d's state, with buffers of its own. */
static void probe_load(struct dmesg *pr, struct dmesg *d)
{
	struct dmesg keep = *pr;

	dmesg_wrap_pend_own(d);
	*pr = *d;
#define OWN(sb)           \
	pr->sb = keep.sb; \
	strbuf_reset(&pr->sb);
	DMESG_BUFFERS(OWN)
#undef OWN
	pr->fn = probe_line;
	pr->skip = NULL;
	pr->ctx = NULL;
	pr->probe = NULL;
	pr->top_done = true;
	pr->wrap_odd = false;
	pr->feed_lo = pr->feed_hi = NULL;
	strbuf_add(&pr->text, d->text.buf, d->text.len);
	strbuf_add(&pr->raw, d->raw.buf, d->raw.len);
	strbuf_add(&pr->blank_raw, d->blank_raw.buf, d->blank_raw.len);
	strbuf_add(&pr->jv_msg, d->jv_msg.buf, d->jv_msg.len);
	strbuf_add(&pr->carry, d->carry.buf, d->carry.len);
	pr->borrowed = false;
	pr->ptext = pr->text.buf;
	pr->plen = pr->text.len;
	pr->praw = pr->raw.buf;
	pr->prawlen = pr->raw.len;
}

int dmesg_top_open(struct dmesg *d, const char *s, size_t len,
		   unsigned long first, bool clean)
{
	if (!d->probe)
		d->probe = dmesg_new(probe_line, NULL);
	probe_load(d->probe, d);
	strbuf_reset(&d->top);
	d->top_w = 0;
	return dmesg_top_hold(d, s, len, first, clean);
}

int dmesg_top_hold(struct dmesg *d, const char *s, size_t len,
		   unsigned long first, bool clean)
{
	struct top_line t = { first, d->lineno, len, clean };

	strbuf_add(&d->top, &t, sizeof(t));
	strbuf_add(&d->top, s, len);
	d->top_n++;
	d->probe->lineno = d->lineno;
	dmesg_process(d->probe, s, len, first, clean);
	if (d->probe->wrap_odd)
		return dmesg_top_end(d, 0); /* rows cut at two widths */
	if (!d->top_w)
		d->top_w = d->probe->wrap_w;
	else if (d->probe->wrap_w != d->top_w)
		return dmesg_top_end(d, 0); /* a wider row: no screen */
	if (d->top_n >= DMESG_TOP_LINES)
		return dmesg_top_end(d, d->top_w);
	return 0;
}

int dmesg_top_end(struct dmesg *d, size_t width)
{
	const char *p = d->top.buf, *e = p + d->top.len;
	unsigned long keep = d->lineno;
	int ret = 0;

	d->top_n = 0;
	d->top_done = true;
	if (width) {
		d->wrap_w = d->wrap_cand = width;
		d->wrap_seen = DMESG_WRAP_SAME;
	}
	while (p < e && !ret) {
		struct top_line t;

		memcpy(&t, p, sizeof(t));
		p += sizeof(t);
		d->lineno = t.last;
		ret = dmesg_process(d, p, t.len, t.first, t.clean);
		p += t.len;
	}
	d->lineno = keep;
	strbuf_reset(&d->top);
	return ret;
}
