// SPDX-License-Identifier: GPL-2.0
/*
 * lockdep: what a log line is to the report finder: a report's header and
 * its kind, a hung task's state line, another oops, the end of a trace,
 * lockdep's boot banner or its turning off.
 */
#include "parsers/lockdep_int.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/lockdep.h"

/*
 * Classify a header line ("WARNING: ...", "[ INFO: ... ]", "BUG: ...").
 * Returns the kind or -1.  *task gets the comm/pid text of "still has
 * locks held" headers.
 */
int lockdep_header_classify(const char *s, const char **task, size_t *task_len)
{
	const char *t = s;
	char buf[160];
	size_t n;

	if (*t == '[') {
		t = skip_ws(t + 1);
	}
	if (starts(t, "WARNING: "))
		t += 9;
	else if (starts(t, "INFO: "))
		t += 6;
	else if (starts(t, "BUG: "))
		t += 5;
	else
		return -1;
	n = strlen(t);
	while (n && (t[n - 1] == ' ' || t[n - 1] == ']'))
		n--;
	while (n && (t[n - 1] == '.' || t[n - 1] == '!'))
		n--;
	if (n >= sizeof(buf))
		return -1;
	memcpy(buf, t, n);
	buf[n] = '\0';

	if (!strcasecmp(buf, "possible circular locking dependency detected"))
		return LOCKDEP_CIRCULAR;
	if (!strcasecmp(buf, "possible recursive locking detected"))
		return LOCKDEP_RECURSIVE;
	if (!strcasecmp(buf, "inconsistent lock state"))
		return LOCKDEP_INCONSISTENT_LOCK_STATE;
	if (!strcasecmp(buf, "possible irq lock inversion dependency detected"))
		return LOCKDEP_IRQ_INVERSION;
	if (!strcasecmp(buf, "bad unlock balance detected"))
		return LOCKDEP_BAD_UNLOCK_BALANCE;
	if (!strcasecmp(buf, "bad contention detected"))
		return LOCKDEP_BAD_CONTENTION;
	if (!strcasecmp(buf, "held lock freed"))
		return LOCKDEP_HELD_LOCK_FREED;
	if (!strcasecmp(buf, "lock held when returning to user space"))
		return LOCKDEP_LOCK_HELD_USER_RETURN;
	if (!strcasecmp(buf, "suspicious RCU usage") ||
	    !strcasecmp(buf, "suspicious rcu_dereference_check() usage"))
		return LOCKDEP_RCU_SUSPICIOUS;
	if (!strcasecmp(buf, "Invalid wait context"))
		return LOCKDEP_INVALID_WAIT_CONTEXT;
	if (!strcasecmp(buf, "Nested lock was not taken"))
		return LOCKDEP_NESTED_LOCK_NOT_TAKEN;
	if (!strcasecmp(buf, "chain_key collision"))
		return LOCKDEP_CHAIN_KEY_COLLISION;
	if (n > 21 && !strcasecmp(buf + n - 21, " still has locks held")) {
		const char *slash = memrchr(buf, '/', n - 21);

		if (!slash || slash == buf)
			return -1;
		*task = t;
		*task_len = n - 21;
		return LOCKDEP_STILL_HAS_LOCKS_HELD;
	}
	if (ends_with(buf, "-unsafe lock order detected")) {
		/* HARDIRQ-safe -> HARDIRQ-unsafe, SOFTIRQ-READ-..., hard-/soft- */
		if (starts_ci(buf, "HARDIRQ") || starts_ci(buf, "hard-"))
			return LOCKDEP_HARDIRQ_SAFE_UNSAFE;
		if (starts_ci(buf, "SOFTIRQ") || starts_ci(buf, "soft-"))
			return LOCKDEP_SOFTIRQ_SAFE_UNSAFE;
	}
	return -1;
}

/*
 * The line before a hung task's blocker is dumped (6.15+, with
 * CONFIG_DETECT_HUNG_TASK_BLOCKER): "INFO: task comm:pid blocked on a
 * mutex likely owned by task comm:pid." or "INFO: task comm:pid <writer>
 * blocked on an rw-semaphore likely owned by task comm:pid <writer>"; the
 * blocker's sched_show_task() follows it.
 */
bool lockdep_header_is_blocker(const char *s)
{
	return starts(s, "INFO: task ") && strstr(s, " likely owned by task ");
}

/* "INFO: task comm:pid blocked for more than N seconds." */
bool lockdep_header_is_hung(const char *s)
{
	return starts(s, "INFO: task ") && strstr(s, " blocked for more than ");
}

/* "comm D [pc] free pid ppid 0x%08lx" from the state char's " D " on. */
static bool parse_old_state(const char *s, const char *d, struct hung_state *st)
{
	long num[6];
	int n = 0, first = 0;
	const char *p = d + 3, *e = d;

	while (e > s && e[-1] == ' ')
		e--;
	if (e == s || e - s > 16)
		return false;
	for (p = skip_ws(p); *p; p = skip_ws(p)) {
		const char *q = p;
		char *x;

		if (starts(p, "0x")) {
			q = p + 2;
			while (is_hexc(*q))
				q++;
			if (*skip_ws(q))
				return false; /* the flags come last */
			break;
		}
		while (is_hexc(*q))
			q++;
		if (q == p || (*q && *q != ' ') || n == 6)
			return false;
		num[n] = strtol(p, &x, 10);
		if (x != q) {
			if (n || (q - p != 8 && q - p != 16))
				return false;
			first = 1; /* the saved pc of 2.6 / 3.x kernels */
		}
		n++;
		p = q;
	}
	if (n - first < 2)
		return false;
	st->comm = s;
	st->comm_len = (size_t)(e - s);
	st->pid = n - first >= 3 ? num[first + 1] : num[first];
	st->guess = true;
	return true;
}

/*
 * sched_show_task()'s line for a task in D state, which still names a hung
 * task when its "INFO: task ... blocked" line was cut: "task:comm
 * state:D stack:0 pid:3450 ppid:3092 flags:0x00004000" (5.x+) or, older,
 * "comm D [pc] free pid ppid 0x%08lx" (comm padded to 15 columns, or with
 * blanks collapsed).
 */
bool lockdep_header_parse_state(const char *s, struct hung_state *st)
{
	const char *q, *pid;
	size_t len;

	s = skip_ws(s);
	if (starts(s, "task:")) {
		q = strstr(s, " state:");
		pid = q ? strstr(q, " pid:") : NULL;
		if (!q || q[7] != 'D' || !pid)
			return false;
		st->comm = s + 5;
		while (q > st->comm && q[-1] == ' ')
			q--;
		st->comm_len = (size_t)(q - st->comm);
		st->pid = strtol(pid + 5, NULL, 10);
		st->guess = false;
		return st->comm_len > 0;
	}
	len = strlen(s);
	if (!ends_in_flags(s, len))
		return false;
	for (q = strstr(s, " D "); q; q = strstr(q + 1, " D "))
		if (parse_old_state(s, q, st))
			return true;
	return false;
}

/* Another oops that cuts a report short. */
bool lockdep_header_is_foreign_oops(const char *s)
{
	static const char *const pfx[] = {
		"BUG: unable to handle",
		"BUG: kernel NULL pointer",
		"Oops: ",
		"Oops#",
		"general protection fault",
		"Kernel panic - not syncing",
		"------------[ cut here ]------------",
		"Unable to handle kernel",
		"BUG: KASAN:",
		"kernel BUG at",
		"BUG: sleeping function called",
		"BUG: scheduling while atomic",
	};

	return starts_any(s, pfx, ARRAY_SIZE(pfx));
}

/*
 * A frame of lockdep itself: its file when the trace is decoded, else the
 * functions through which code enters it (the report printers sit under
 * them).  An oops whose trace holds one happened while lockdep checked or
 * printed; the frames after the last one are the code it was checking.
 */
bool lockdep_header_is_lockdep_frame(const struct lockdep_frame *f)
{
	static const char *const entry[] = {
		"lock_acquire",
		"__lock_acquire",
		"lock_release",
		"__lock_release",
		"lock_acquired",
		"lock_contended",
		"lock_sync",
		"lock_downgrade",
		"lock_set_class",
		"lockdep_rcu_suspicious",
		"lockdep_sys_exit",
		"debug_check_no_locks_freed",
		"debug_check_no_locks_held",
	};
	const char *fn = f->function;
	size_t i, n;

	if (f->unreliable || !fn)
		return false;
	if (f->file && (starts(f->file, "kernel/locking/lockdep.c") ||
			starts(f->file, "kernel/lockdep.c")))
		return true;
	n = strcspn(fn, "."); /* lock_acquire.part.0, .cold */
	for (i = 0; i < ARRAY_SIZE(entry); i++)
		if (strlen(entry[i]) == n && !memcmp(fn, entry[i], n))
			return true;
	return false;
}

bool lockdep_header_is_end_trace(const char *s)
{
	return starts(s, "---[ end trace") || starts(s, "---[ end Kernel");
}

/* A log-level fact that lockdep is off from here on; its reason or NULL. */
const char *lockdep_header_off_reason(const char *s)
{
	if (starts(s, "INFO: lockdep is turned off"))
		return "lockdep is turned off";
	if (starts(s, "turning off the locking correctness validator"))
		return "turning off the locking correctness validator";
	if (starts(s, "BUG: MAX_") && strstr(s, "too low"))
		return "lockdep table overflow";
	if (starts(s, "DEBUG_LOCKS_WARN_ON("))
		return "debug_locks_off";
	if (starts(s, "WARNING: ") && strstr(s, "kernel/locking/lockdep.c"))
		return "debug_locks_off";
	return NULL;
}

/*
 * lockdep's boot banner (lockdep_init(), lockdep_info() in older kernels:
 * the same two lines since 2.6.18), the sign that the kernel was built
 * with lockdep: "Lock dependency validator: Copyright (c) 2006 Red Hat,
 * Inc., Ingo Molnar" (wrapped by narrow consoles after "Inc.," or "Ingo")
 * and "... MAX_LOCKDEP_SUBCLASSES:  8" (more spaces in 2.6 kernels).
 */
bool lockdep_header_is_banner(const char *t, size_t len)
{
	static const char validator[] = "Lock dependency validator:";
	static const char subclasses[] = "... MAX_LOCKDEP_SUBCLASSES:";

	if (t[0] == 'L')
		return len >= sizeof(validator) - 1 &&
		       !memcmp(t, validator, sizeof(validator) - 1);
	if (t[0] == '.')
		return len >= sizeof(subclasses) - 1 &&
		       !memcmp(t, subclasses, sizeof(subclasses) - 1);
	return false;
}

/*
 * %p before its hashing key is ready (4.15 to 5.x, and early boot) prints
 * "(____ptrval____)" on 64-bit and "(ptrval)" on 32-bit instead of hex: an
 * address all the same.  Returns the end of the placeholder or NULL.
 */
const char *lockdep_header_skip_ptrval(const char *p)
{
	if (p[0] != '(' || (p[1] != '_' && p[1] != 'p'))
		return NULL;
	if (starts(p, "(____ptrval____)"))
		return p + 16;
	if (starts(p, "(ptrval)"))
		return p + 8;
	return NULL;
}

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

bool lockdep_is_held_header(const char *s)
{
	const char *q = s;

	if (starts(s, "no locks held by "))
		return true;
	while (isdigit((unsigned char)*q))
		q++;
	return q > s &&
	       (starts(q, " lock held by ") || starts(q, " locks held by "));
}

bool lockdep_is_lock_item(const char *s)
{
	const char *q = s;

	if (*q != '#')
		return false;
	q++;
	while (isdigit((unsigned char)*q))
		q++;
	return q > s + 1 && *q == ':';
}
