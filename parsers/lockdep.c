// SPDX-License-Identifier: GPL-2.0
/* lockdep: lockdep reports out of a stream of kernel log bytes (stub). */
#include "parsers/lockdep.h"

#include <stdlib.h>
#include <string.h>

#include "parsers/dmesg.h"

static const char *const kind_names[LOCKDEP_KIND_NR] = {
	[LOCKDEP_CIRCULAR] = "circular",
	[LOCKDEP_RECURSIVE] = "recursive",
	[LOCKDEP_INCONSISTENT_LOCK_STATE] = "inconsistent_lock_state",
	[LOCKDEP_IRQ_INVERSION] = "irq_inversion",
	[LOCKDEP_HARDIRQ_SAFE_UNSAFE] = "hardirq_safe_unsafe",
	[LOCKDEP_SOFTIRQ_SAFE_UNSAFE] = "softirq_safe_unsafe",
	[LOCKDEP_BAD_UNLOCK_BALANCE] = "bad_unlock_balance",
	[LOCKDEP_HELD_LOCK_FREED] = "held_lock_freed",
	[LOCKDEP_LOCK_HELD_USER_RETURN] = "lock_held_user_return",
	[LOCKDEP_RCU_SUSPICIOUS] = "rcu_suspicious",
	[LOCKDEP_INVALID_WAIT_CONTEXT] = "invalid_wait_context",
	[LOCKDEP_NESTED_LOCK_NOT_TAKEN] = "nested_lock_not_taken",
	[LOCKDEP_STILL_HAS_LOCKS_HELD] = "still_has_locks_held",
	[LOCKDEP_HUNG_TASK_ALL_LOCKS] = "hung_task_all_locks",
	[LOCKDEP_BAD_CONTENTION] = "bad_contention",
	[LOCKDEP_CHAIN_KEY_COLLISION] = "chain_key_collision",
};

const char *lockdep_kind_name(enum lockdep_kind kind)
{
	return (unsigned)kind < LOCKDEP_KIND_NR ? kind_names[kind] : NULL;
}

int lockdep_kind_from_name(const char *name)
{
	int i;

	for (i = 0; i < LOCKDEP_KIND_NR; i++)
		if (!strcmp(kind_names[i], name))
			return i;
	return -1;
}

struct lockdep_parser {
	struct lockdep_sink sink;
	struct dmesg *dmesg;
	unsigned reports;
};

static int on_line(void *ctx, const struct dmesg_line *l)
{
	return 0;
}

struct lockdep_parser *lockdep_parser_new(const struct lockdep_sink *sink)
{
	struct lockdep_parser *p = calloc(1, sizeof(*p));

	if (!p)
		abort();
	p->sink = *sink;
	p->dmesg = dmesg_new(on_line, p);
	return p;
}

int lockdep_parser_feed(struct lockdep_parser *p, const char *buf, size_t len)
{
	return dmesg_feed(p->dmesg, buf, len);
}

int lockdep_parser_finish(struct lockdep_parser *p)
{
	return dmesg_finish(p->dmesg);
}

void lockdep_parser_free(struct lockdep_parser *p)
{
	if (!p)
		return;
	dmesg_free(p->dmesg);
	free(p);
}

unsigned lockdep_parser_reports(const struct lockdep_parser *p)
{
	return p->reports;
}

int lockdep_frame_parse(struct lockdep_frame *f, const char *line,
			struct arena *a)
{
	return -1;
}
