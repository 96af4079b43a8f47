// SPDX-License-Identifier: GPL-2.0
/*
 * dmesg_copy: a line that a second transport repeats at once (a console
 * that shows both the kernel's records and syslog's or journald's copy of
 * them, line by line) is delivered once.
 *
 * A logical line is a copy when its text equals that of the line delivered
 * just before it, one of the two came on the kernel's own transport (a
 * console or dmesg time stamp, a /dev/kmsg record) and the other through
 * syslog or the journal (a host and a "kernel:" tag, a journal record), and
 * when both carry a kernel time stamp, the stamps are equal.  The kernel
 * never repeats a line on another transport by itself: a recursion's
 * frames, blank lines and "----" separators repeat on one transport, and
 * are kept.  A copy is dropped (or delivered marked, to a consumer that
 * keeps streams apart and tells it from another report's line that says
 * the same), and so is the pair: a third equal line is compared with
 * nothing.
 */
#include "parsers/dmesg_int.h"

#include <string.h>

int dmesg_copy_deliver(struct dmesg *d, const struct dmesg_line *l, int tr)
{
	if (tr != TR_OTHER && d->last_tr != TR_OTHER && tr != d->last_tr &&
	    l->len == d->last.len && !memcmp(l->text, d->last.buf, l->len) &&
	    (!l->ts || !d->last_ts || l->ts == d->last_ts)) {
		struct dmesg_line c = *l;

		d->last_tr = TR_OTHER;
		if (!d->keep_copies)
			return 0;
		c.copy = true;
		return d->fn(d->ctx, &c);
	}
	d->last_tr = tr;
	if (tr != TR_OTHER) {
		strbuf_reset(&d->last);
		strbuf_add(&d->last, l->text, l->len);
		d->last_ts = l->ts;
	}
	return d->fn(d->ctx, l);
}
