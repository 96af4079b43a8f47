// SPDX-License-Identifier: GPL-2.0
/*
 * lockdep_copy: a report that is a copy of one already handed over (a
 * console capture followed by a dmesg or /dev/kmsg dump of the same
 * records) is dropped.
 *
 * The kernel stamps each record once, so two reports in one input whose
 * header lines carry the same kernel time stamp, with the same header and
 * the same task and pid, are one splat seen twice.  Without a time stamp
 * nothing is merged: a hung task is reported again with the same text
 * every 120 s, and two pastes of one splat may be two.  Two CPUs' reports
 * in the same microsecond differ in task and pid.  A copy that holds more
 * of the splat than the report before it (lock slots read, frames, held
 * locks: that one was cut, a console lost lines) is kept as a report of
 * its own.  The last LOCKDEP_SEEN reports with a time stamp are
 * remembered, so memory stays bounded.
 */
#include "parsers/lockdep_int.h"

/* FNV-1a over s and a NUL, continuing from h. */
static unsigned long long copy_hash(unsigned long long h, const char *s)
{
	do {
		h ^= (unsigned char)*s;
		h *= 0x100000001b3ULL;
	} while (*s++);
	return h;
}

/* How much of the splat r holds: lock slots read, frames, held locks. */
static size_t copy_weight(const struct lockdep_report *r)
{
	size_t i, w = r->nheld + r->backtrace.n;

	for (i = 0; i < r->nchain; i++)
		w += !r->chain[i].missing + r->chain[i].stack.n;
	return w;
}

bool lockdep_copy_seen(struct lockdep_parser *p, const struct lockdep_report *r)
{
	struct lockdep_seen k;
	unsigned i, n;

	if (!p->start_ts || !r->header || !r->task || r->pid < 0)
		return false;
	k.ts = p->start_ts;
	k.pid = r->pid;
	k.who = copy_hash(copy_hash(0xcbf29ce484222325ULL, r->header), r->task);
	k.weight = copy_weight(r);
	n = p->nseen < LOCKDEP_SEEN ? p->nseen : LOCKDEP_SEEN;
	for (i = 0; i < n; i++) {
		struct lockdep_seen *o = &p->seen[i];

		if (o->ts != k.ts || o->pid != k.pid || o->who != k.who)
			continue;
		if (k.weight <= o->weight)
			return true;
		/* the copy has what the first lost: a report of its own */
		o->weight = k.weight;
		return false;
	}
	p->seen[p->nseen++ % LOCKDEP_SEEN] = k;
	return false;
}
