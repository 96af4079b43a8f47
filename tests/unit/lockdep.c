// SPDX-License-Identifier: GPL-2.0
/* Unit tests for parsers/lockdep and parsers/signature. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "parsers/alloc.h"
#include "parsers/lockdep.h"
#include "parsers/signature.h"
#include "parsers/symbol.h"
#include "parsers/strbuf.h"

#define MAXR 8

/* What a test looks at, copied out of the callback. */
struct rep {
	int kind;
	char chain[256]; /* names joined with '|' */
	char held[256];
	char held_at[256]; /* "fn [module]" of each held lock's site */
	char classes[256]; /* signature classes joined with '|' */
	char task[64];
	long pid;
	char kernel[96];
	char message[128];
	char irq[96];
	char title[160];
	char hex[SIGNATURE_HEX_LEN + 1];
	char culprit[96];
	char culprit_module[32];
	int nframes;
	int nedges;
	bool held_known, truncated;
	unsigned long first, last;
};

struct res {
	struct rep r[MAXR];
	int n;
	int offs;
	char off_reason[96];
	unsigned long off_line;
	struct arena arena;
};

static void join_names(char *out, size_t size, const char *name, bool first)
{
	size_t n = strlen(out);

	snprintf(out + n, size - n, "%s%s", first ? "" : "|", name);
}

static int on_report(void *ctx, const struct lockdep_report *r)
{
	struct res *res = ctx;
	struct signature sig;
	struct rep *p;
	size_t i;

	if (res->n == MAXR)
		return 0;
	p = &res->r[res->n++];
	memset(p, 0, sizeof(*p));
	p->kind = r->kind;
	for (i = 0; i < r->nchain; i++)
		join_names(p->chain, sizeof(p->chain), r->chain[i].lock.name,
			   !i);
	for (i = 0; i < r->nheld; i++) {
		char at[128];

		join_names(p->held, sizeof(p->held), r->held[i].name, !i);
		snprintf(at, sizeof(at), "%s%s%s%s",
			 r->held[i].at ? r->held[i].at : "",
			 r->held[i].at_module ? " [" : "",
			 r->held[i].at_module ? r->held[i].at_module : "",
			 r->held[i].at_module ? "]" : "");
		join_names(p->held_at, sizeof(p->held_at), at, !i);
	}
	snprintf(p->task, sizeof(p->task), "%s", r->task ? r->task : "");
	p->pid = r->pid;
	snprintf(p->kernel, sizeof(p->kernel), "%s",
		 r->kernel ? r->kernel : "");
	snprintf(p->message, sizeof(p->message), "%s",
		 r->message ? r->message : "");
	snprintf(p->irq, sizeof(p->irq), "%s|%s|%s",
		 r->irq_from ? r->irq_from : "", r->irq_to ? r->irq_to : "",
		 r->irq_class ? r->irq_class : "");
	p->nframes = (int)r->backtrace.n;
	p->held_known = r->held_known;
	p->truncated = r->truncated;
	p->first = r->first_line;
	p->last = r->last_line;
	assert_int_equal(signature_compute(&sig, r, &res->arena), 0);
	for (i = 0; i < sig.nclasses; i++)
		join_names(p->classes, sizeof(p->classes), sig.classes[i], !i);
	snprintf(p->title, sizeof(p->title), "%s", sig.title);
	memcpy(p->hex, sig.hex, sizeof(p->hex));
	snprintf(p->culprit, sizeof(p->culprit), "%s",
		 sig.culprit_function ? sig.culprit_function : "");
	snprintf(p->culprit_module, sizeof(p->culprit_module), "%s",
		 sig.culprit && sig.culprit->module ? sig.culprit->module : "");
	p->nedges = (int)sig.nedges;
	arena_reset(&res->arena);
	return 0;
}

static int on_off(void *ctx, const struct lockdep_off *off)
{
	struct res *res = ctx;

	if (!res->offs++) {
		snprintf(res->off_reason, sizeof(res->off_reason), "%s",
			 off->reason);
		res->off_line = off->line;
	}
	return 0;
}

static void parse(struct res *res, const char *text)
{
	struct lockdep_sink sink = { on_report, on_off, res };

	memset(res, 0, sizeof(*res));
	lockdep_parse_text(text, strlen(text), &sink);
	arena_release(&res->arena);
}

/* The #6641 cycle, entered at #2 = cpuhp_state-up (the seed's order). */
static const char circular_a[] =
	"[ 6.928112] ======================================================\n"
	"[ 6.928621] WARNING: possible circular locking dependency detected\n"
	"[ 6.929225] 6.0.0-rc6-CI_DRM_12164-ga1f63e144e54+ #1 Not tainted\n"
	"[ 6.929818] ------------------------------------------------------\n"
	"[ 6.930415] cpuhp/0/15 is trying to acquire lock:\n"
	"[ 6.931011] ffff888100e02a78 (&(&priv->bus_notifier)->rwsem){++++}-{3:3}, at: blocking_notifier_call_chain+0x20/0x50\n"
	"[ 6.931533] \n"
	"but task is already holding lock:\n"
	"[ 6.931534] ffffffff826490c0 (cpuhp_state-up){+.+.}-{0:0}, at: cpuhp_thread_fun+0x48/0x1f0\n"
	"[ 6.933070] \n"
	"the existing dependency chain (in reverse order) is:\n"
	"[ 6.933071] \n"
	"-> #2 (cpuhp_state-up){+.+.}-{0:0}:\n"
	"[ 6.933076]        lock_acquire+0xd3/0x310\n"
	"[ 6.933079]        cpuhp_thread_fun+0xa6/0x1f0\n"
	"[ 6.933089] \n"
	"-> #1 (cpu_hotplug_lock){++++}-{0:0}:\n"
	"[ 6.933092]        lock_acquire+0xd3/0x310\n"
	"[ 6.933094]        __cpuhp_state_add_instance+0x43/0x1c0\n"
	"[ 6.933096]        iova_domain_init_rcaches+0x199/0x1c0\n"
	"[ 6.953757] \n"
	"-> #0 (&(&priv->bus_notifier)->rwsem){++++}-{3:3}:\n"
	"[ 6.953779]        validate_chain+0xb3f/0x2000\n"
	"[ 6.953787]        lock_acquire+0xd3/0x310\n"
	"[ 6.953787]        down_read+0x39/0x140\n"
	"[ 6.953790]        blocking_notifier_call_chain+0x20/0x50\n"
	"[ 6.953799]        coretemp_cpu_online+0xe1/0x15e [coretemp]\n"
	"[ 6.958274] \n"
	"other info that might help us debug this:\n"
	"[ 6.961044] 2 locks held by cpuhp/0/15:\n"
	"[ 6.961046]  #0: ffffffff82648f10 (cpu_hotplug_lock){++++}-{0:0}, at: cpuhp_thread_fun+0x48/0x1f0\n"
	"[ 6.961053]  #1: ffffffff826490c0 (cpuhp_state-up){+.+.}-{0:0}, at: cpuhp_thread_fun+0x48/0x1f0\n"
	"[ 6.961058] \n"
	"stack backtrace:\n"
	"[ 6.961059] CPU: 0 PID: 15 Comm: cpuhp/0 Not tainted 6.0.0-rc6-CI_DRM_12164-ga1f63e144e54+ #1\n"
	"[ 6.961063] Call Trace:\n"
	"[ 6.961064]  <TASK>\n"
	"[ 6.961065]  dump_stack_lvl+0x56/0x7f\n"
	"[ 6.961093]  down_read+0x39/0x140\n"
	"[ 6.961097]  ? blocking_notifier_call_chain+0x20/0x50\n"
	"[ 6.961099]  blocking_notifier_call_chain+0x20/0x50\n"
	"[ 6.961112]  coretemp_cpu_online+0xe1/0x15e [coretemp]\n"
	"[ 6.961139]  ret_from_fork+0x1f/0x30\n"
	"[ 6.961145]  </TASK>\n"
	"[ 7.000000] e1000e: eth0 NIC Link is Up\n"
	"[ 7.000001] usb 1-1: new device\n"
	"[ 7.000002] usb 1-1: more\n";

static void lockdep__circular_seed_shape(void **state)
{
	struct res res;

	parse(&res, circular_a);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.r[0].kind, LOCKDEP_CIRCULAR);
	assert_string_equal(res.r[0].chain, "cpuhp_state-up|cpu_hotplug_lock|"
					    "&(&priv->bus_notifier)->rwsem");
	assert_string_equal(res.r[0].held, "cpu_hotplug_lock|cpuhp_state-up");
	assert_string_equal(res.r[0].task, "cpuhp/0");
	assert_int_equal(res.r[0].pid, 15);
	assert_string_equal(res.r[0].kernel,
			    "6.0.0-rc6-CI_DRM_12164-ga1f63e144e54+");
	assert_string_equal(res.r[0].culprit, "coretemp_cpu_online");
	assert_string_equal(res.r[0].culprit_module, "coretemp");
	assert_string_equal(res.r[0].title,
			    "possible deadlock in coretemp_cpu_online");
	/* acquisition order rotated to the smallest class */
	assert_string_equal(res.r[0].classes,
			    "&(&priv->bus_notifier)->rwsem|cpu_hotplug_lock|"
			    "cpuhp_state-up");
	assert_int_equal(res.r[0].nedges, 3);
	assert_int_equal(res.r[0].nframes, 6);
	assert_false(res.r[0].truncated);
	/* the report ends at its last frame, not at the driver lines */
	assert_int_equal(res.r[0].first, 2);
	assert_int_equal(res.r[0].last, 44);
	/* a report turns lockdep off */
	assert_int_equal(res.offs, 1);
	assert_string_equal(res.off_reason, "circular");
}

/*
 * A parser is reused for the next log (lockdep_parser_reset(), as the ingest
 * of the next run on a connection does) after the last log stopped inside a
 * report whose lines had grown the arena past one chunk: ingest refuses a log
 * at a NUL byte or a too long line without finishing the parser.
 */
static void lockdep__reset_inside_a_big_report(void **state)
{
	struct res res;
	struct lockdep_sink sink = { on_report, on_off, &res };
	struct lockdep_parser *p;
	struct strbuf big = STRBUF_INIT;
	int i;

	memset(&res, 0, sizeof(res));
	strbuf_addstr(&big,
		      "WARNING: possible circular locking dependency detected\n"
		      "cpuhp/0/15 is trying to acquire lock:\n");
	for (i = 0; i < 3000; i++) /* ~150 KiB of arena: three chunks */
		strbuf_addf(&big, "       lock_acquire_%d+0xd3/0x310\n", i);
	p = lockdep_parser_new(&sink);
	lockdep_parser_feed(p, big.buf, big.len);
	lockdep_parser_reset(p);
	lockdep_parser_feed(p, circular_a, strlen(circular_a));
	lockdep_parser_finish(p);
	lockdep_parser_free(p);
	arena_release(&res.arena);
	strbuf_release(&big);
	assert_int_equal(res.n, 1);
	assert_string_equal(res.r[0].chain, "cpuhp_state-up|cpu_hotplug_lock|"
					    "&(&priv->bus_notifier)->rwsem");
	assert_int_equal(res.r[0].nframes, 6);
	assert_int_equal(res.r[0].first, 2);
	assert_int_equal(res.r[0].last, 44);
}

/* The same cycle reported from another entry point: same signature. */
static void lockdep__circular_rotation_same_signature(void **state)
{
	static const char b[] =
		"WARNING: possible circular locking dependency detected\n"
		"6.1.0 #1 Not tainted\n"
		"kworker/1:2/99 is trying to acquire lock:\n"
		"ffff888100001111 (cpu_hotplug_lock){++++}-{0:0}, at: iova_domain_init_rcaches+0x1/0x2\n"
		"but task is already holding lock:\n"
		"ffff888100002222 (&(&priv->bus_notifier)->rwsem#3){++++}-{3:3}, at: x+0x1/0x2\n"
		"the existing dependency chain (in reverse order) is:\n"
		"-> #2 (&(&priv->bus_notifier)->rwsem#3){++++}-{3:3}:\n"
		"       lock_acquire+0x1/0x2\n"
		"       coretemp_cpu_online+0x1/0x2 [coretemp]\n"
		"-> #1 (cpuhp_state-up){+.+.}-{0:0}:\n"
		"       lock_acquire+0x1/0x2\n"
		"       cpuhp_thread_fun+0x1/0x2\n"
		"-> #0 (cpu_hotplug_lock){++++}-{0:0}:\n"
		"       lock_acquire+0x1/0x2\n"
		"       iova_domain_init_rcaches+0x1/0x2\n"
		"stack backtrace:\n"
		"Call Trace:\n"
		" iova_domain_init_rcaches+0x1/0x2\n";
	struct res ra, rb;

	parse(&ra, circular_a);
	parse(&rb, b);
	assert_int_equal(rb.n, 1);
	assert_string_equal(ra.r[0].classes, rb.r[0].classes);
	assert_string_equal(ra.r[0].hex, rb.r[0].hex);
}

static void lockdep__kind_changes_signature(void **state)
{
	static const char rec[] =
		"WARNING: possible recursive locking detected\n"
		"5.9.0 #1 Not tainted\n"
		"a b/7 is trying to acquire lock:\n"
		"ffff888100001111 (&sb->s_type->i_mutex_key#11){+.+.}, at: btrfs_sync_file+0x1/0x2\n"
		"but task is already holding lock:\n"
		"ffff888100001111 (&sb->s_type->i_mutex_key#11){+.+.}, at: vfs_fsync+0x1/0x2\n"
		"stack backtrace:\n"
		" btrfs_sync_file+0x1/0x2\n";
	static const char inc[] =
		"WARNING: inconsistent lock state\n"
		"inconsistent {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} usage.\n"
		"swapper/2/0 [HC0[0]:SC1[1]:HE1:SE0] takes:\n"
		"00000000d8a506e5 (&sb->s_type->i_mutex_key#12){+.?.}, at: btrfs_sync_file+0x1/0x2\n"
		"stack backtrace:\n"
		" btrfs_sync_file+0x1/0x2\n";
	struct res a, b;

	parse(&a, rec);
	parse(&b, inc);
	assert_int_equal(a.r[0].kind, LOCKDEP_RECURSIVE);
	assert_string_equal(a.r[0].task, "a b");
	assert_int_equal(a.r[0].pid, 7);
	assert_int_equal(b.r[0].kind, LOCKDEP_INCONSISTENT_LOCK_STATE);
	assert_string_equal(b.r[0].irq, "SOFTIRQ-ON-W|IN-SOFTIRQ-W|");
	assert_string_equal(b.r[0].task, "swapper/2");
	assert_int_equal(b.r[0].pid, 0);
	/* both normalize the class to the same identity ... */
	assert_string_equal(
		a.r[0].classes,
		"&sb->s_type->i_mutex_key|&sb->s_type->i_mutex_key");
	assert_string_equal(b.r[0].classes, "&sb->s_type->i_mutex_key");
	/* ... but the kind is part of it */
	assert_string_not_equal(a.r[0].hex, b.r[0].hex);
}

static void lockdep__old_bracketed_headers(void **state)
{
	static const struct {
		const char *header;
		int kind;
	} cases[] = {
		{ "[ INFO: possible circular locking dependency detected ]",
		  LOCKDEP_CIRCULAR },
		{ "[ INFO: possible recursive locking detected ]",
		  LOCKDEP_RECURSIVE },
		{ "[ INFO: inconsistent lock state ]",
		  LOCKDEP_INCONSISTENT_LOCK_STATE },
		{ "[ INFO: possible irq lock inversion dependency detected ]",
		  LOCKDEP_IRQ_INVERSION },
		{ "[ INFO: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected ]",
		  LOCKDEP_HARDIRQ_SAFE_UNSAFE },
		{ "[ INFO: SOFTIRQ-READ-safe -> SOFTIRQ-READ-unsafe lock order detected ]",
		  LOCKDEP_SOFTIRQ_SAFE_UNSAFE },
		{ "[ INFO: hard-safe -> hard-unsafe lock order detected ]",
		  LOCKDEP_HARDIRQ_SAFE_UNSAFE },
		{ "[ BUG: bad unlock balance detected! ]",
		  LOCKDEP_BAD_UNLOCK_BALANCE },
		{ "[ BUG: bad contention detected! ]", LOCKDEP_BAD_CONTENTION },
		{ "[ BUG: held lock freed! ]", LOCKDEP_HELD_LOCK_FREED },
		{ "[ BUG: lock held when returning to user space! ]",
		  LOCKDEP_LOCK_HELD_USER_RETURN },
		{ "[ BUG: Nested lock was not taken ]",
		  LOCKDEP_NESTED_LOCK_NOT_TAKEN },
		{ "[ BUG: syz-executor/31761 still has locks held! ]",
		  LOCKDEP_STILL_HAS_LOCKS_HELD },
		{ "[ INFO: suspicious RCU usage. ]", LOCKDEP_RCU_SUSPICIOUS },
		{ "[ INFO: suspicious rcu_dereference_check() usage. ]",
		  LOCKDEP_RCU_SUSPICIOUS },
		{ "[ INFO: chain_key collision ]",
		  LOCKDEP_CHAIN_KEY_COLLISION },
		{ "[ BUG: Invalid wait context ]",
		  LOCKDEP_INVALID_WAIT_CONTEXT },
		{ "WARNING: CPU 1/KVM/1802 still has locks held!",
		  LOCKDEP_STILL_HAS_LOCKS_HELD },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		struct strbuf sb = STRBUF_INIT;
		struct res res;

		strbuf_addf(&sb, "[ 1.0] %s\n[ 1.1] 2.6.30 #2\n[ 1.2] x\n",
			    cases[i].header);
		parse(&res, sb.buf);
		assert_int_equal(res.n, 1);
		assert_int_equal(res.r[0].kind, cases[i].kind);
		/* no backtrace: cut short */
		if (cases[i].kind != LOCKDEP_LOCK_HELD_USER_RETURN)
			assert_true(res.r[0].truncated);
		strbuf_release(&sb);
	}
}

static void lockdep__still_has_locks_task_from_header(void **state)
{
	static const char s[] =
		"WARNING: CPU 1/KVM/1802 still has locks held!\n"
		"5.18.0 #1 Not tainted\n"
		"1 lock held by CPU 1/KVM/1802:\n"
		" #0: ffff0000c8e2c0a8 (&ctx->uring_lock){+.+.}-{3:3}, at: io_ring_submit_lock+0x1/0x2\n"
		"stack backtrace:\n"
		"Call trace:\n"
		" dump_backtrace.part.0+0xe4/0xf0\n"
		" io_ring_submit_lock+0x1/0x2\n";
	struct res res;

	parse(&res, s);
	assert_int_equal(res.n, 1);
	assert_string_equal(res.r[0].task, "CPU 1/KVM");
	assert_int_equal(res.r[0].pid, 1802);
	assert_string_equal(res.r[0].held, "&ctx->uring_lock");
	assert_string_equal(res.r[0].culprit, "io_ring_submit_lock");
	assert_false(res.r[0].truncated);
}

static void lockdep__user_return_ends_after_list(void **state)
{
	static const char s[] =
		"WARNING: lock held when returning to user space!\n"
		"5.3.0-rc5 #1 Not tainted\n"
		"fsstress/3/4 is leaving the kernel with locks still held!\n"
		"1 lock held by fsstress/3/4:\n"
		" #0: 000000006664ea2d (&xfs_nondir_ilock_class){++++}, at: xfs_ilock+0xd2/0x280 [xfs]\n"
		"XFS (sda): unmounting\n"
		"WARNING: possible recursive locking detected\n";
	struct res res;

	parse(&res, s);
	assert_int_equal(res.n, 2);
	assert_int_equal(res.r[0].kind, LOCKDEP_LOCK_HELD_USER_RETURN);
	assert_string_equal(res.r[0].task, "fsstress/3");
	assert_int_equal(res.r[0].pid, 4);
	assert_string_equal(res.r[0].held, "&xfs_nondir_ilock_class");
	assert_string_equal(res.r[0].culprit, "xfs_ilock");
	assert_int_equal(res.r[0].last, 5);
	assert_false(res.r[0].truncated);
	assert_int_equal(res.r[1].kind, LOCKDEP_RECURSIVE);
	assert_true(res.r[1].truncated);
}

static void lockdep__bad_unlock_release_site(void **state)
{
	static const char s[] =
		"WARNING: bad unlock balance detected!\n"
		"5.5.0-rc7+ #1 Not tainted\n"
		"swapon/4294 is trying to release lock (&sb->s_type->i_mutex_key) at:\n"
		"[<ffffffff8173a6eb>] __do_sys_swapon+0x94b/0x3550\n"
		"but there are no more locks to release!\n"
		"other info that might help us debug this:\n"
		"no locks held by swapon/4294.\n"
		"stack backtrace:\n"
		"Call Trace:\n"
		" dump_stack+0x1/0x2\n"
		" lock_release+0x1/0x2\n"
		" __do_sys_swapon+0x94b/0x3550\n";
	struct res res;

	parse(&res, s);
	assert_int_equal(res.r[0].kind, LOCKDEP_BAD_UNLOCK_BALANCE);
	assert_string_equal(res.r[0].chain, "&sb->s_type->i_mutex_key");
	assert_string_equal(res.r[0].held, "");
	assert_true(res.r[0].held_known);
	assert_string_equal(res.r[0].message, "__do_sys_swapon");
	/* arch and __do_sys_ wrappers name the syscall */
	assert_string_equal(res.r[0].culprit, "sys_swapon");
}

static void lockdep__rcu_message(void **state)
{
	static const char s[] =
		"=============================\n"
		"WARNING: suspicious RCU usage\n"
		"6.19.0 #1 Tainted: G S\n"
		"-----------------------------\n"
		"fs/btrfs/volumes.h:856 suspicious rcu_dereference_check() usage!\n"
		"other info that might help us debug this:\n"
		"rcu_scheduler_active = 2, debug_locks = 1\n"
		"no locks held by mount/5053.\n"
		"stack backtrace:\n"
		"Call Trace:\n"
		" dump_stack_lvl (lib/dump_stack.c:122)\n"
		" lockdep_rcu_suspicious.cold (kernel/locking/lockdep.c:6877)\n"
		" btrfs_dev_name (fs/btrfs/volumes.h:856 (discriminator 9)) btrfs\n";
	struct res res;

	parse(&res, s);
	assert_int_equal(res.r[0].kind, LOCKDEP_RCU_SUSPICIOUS);
	assert_string_equal(res.r[0].message,
			    "fs/btrfs/volumes.h:856 suspicious "
			    "rcu_dereference_check() usage!");
	assert_string_equal(res.r[0].culprit, "btrfs_dev_name");
	assert_string_equal(res.r[0].culprit_module, "btrfs");
	assert_string_equal(res.r[0].title,
			    "suspicious RCU usage in btrfs_dev_name");
	/* suspicious RCU usage does not turn lockdep off */
	assert_int_equal(res.offs, 0);
}

/* An at: site's [module] tag is kept with its function, and a culprit
 * taken from the site carries it: it tells functions of one name apart
 * (dm_suspend of dm_mod, not amdgpu_dm's). */
/*
 * A header's inline wrapper ("[inline]" under include/) is passed for the
 * code that called it, even when that code was inlined too (no offset on
 * it: "ext4_xattr_inode_create fs/ext4/xattr.c:1423 [inline]"); the frame
 * says it was inlined, nothing is guessed from the offsets around it.
 */
static void lockdep__header_inline_is_the_frames_own(void **state)
{
	static const char s[] =
		"=============================\n"
		"WARNING: suspicious RCU usage\n"
		"6.1.0-syzkaller #0 Not tainted\n"
		"-----------------------------\n"
		"include/linux/fs.h:792 suspicious rcu_dereference_check() usage!\n"
		"other info that might help us debug this:\n"
		"rcu_scheduler_active = 2, debug_locks = 1\n"
		"no locks held by syz-executor/5053.\n"
		"stack backtrace:\n"
		"Call Trace:\n"
		" <TASK>\n"
		" __dump_stack lib/dump_stack.c:88 [inline]\n"
		" dump_stack_lvl+0x1b1/0x290 lib/dump_stack.c:106\n"
		" lockdep_rcu_suspicious+0x220/0x340 kernel/locking/lockdep.c:6711\n"
		" inode_lock include/linux/fs.h:792 [inline]\n"
		" ext4_xattr_inode_create fs/ext4/xattr.c:1423 [inline]\n"
		" ext4_xattr_inode_lookup_create+0x25b/0x4a1 fs/ext4/xattr.c:1538\n"
		" </TASK>\n";
	struct res res;

	parse(&res, s);
	assert_int_equal(res.n, 1);
	assert_string_equal(res.r[0].culprit, "ext4_xattr_inode_create");
}

static void lockdep__site_keeps_its_module(void **state)
{
	static const char s[] =
		"================================================\n"
		"WARNING: lock held when returning to user space!\n"
		"6.1.0-rc3-dm+ #8 Not tainted\n"
		"------------------------------------------------\n"
		"dmsetup/7126 is leaving the kernel with locks still held!\n"
		"1 lock held by dmsetup/7126:\n"
		" #0: ffff888072e91198 (&md->suspend_lock){+.+.}-{3:3}, at: "
		"dm_suspend+0xaab/0x15b1 [dm_mod]\n";
	struct res res;

	(void)state;
	parse(&res, s);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.r[0].kind, LOCKDEP_LOCK_HELD_USER_RETURN);
	assert_string_equal(res.r[0].held_at, "dm_suspend [dm_mod]");
	assert_string_equal(res.r[0].culprit, "dm_suspend");
	assert_string_equal(res.r[0].culprit_module, "dm_mod");
	/* the title names the function only, as before */
	assert_string_equal(res.r[0].title,
			    "lock held when returning to user space in "
			    "dm_suspend");
}

static void lockdep__hung_tasks_share_one_dump(void **state)
{
	static const char s[] =
		"INFO: task fsstress:20611 blocked for more than 122 seconds.\n"
		"      Not tainted 5.8.0-rc2 #2\n"
		"task:fsstress state:D stack:0 pid:20611 ppid:1 flags:0x4000\n"
		"Call Trace:\n"
		" __schedule+0x1/0x2\n"
		" schedule+0x1/0x2\n"
		" rwsem_down_read_slowpath+0x1/0x2\n"
		" iterate_supers+0x1/0x2\n"
		"INFO: task quotaon:3450 blocked for more than 122 seconds.\n"
		"      Not tainted 5.8.0-rc2 #2\n"
		"Call Trace:\n"
		" schedule+0x1/0x2\n"
		" dquot_disable+0x1/0x2\n"
		"\n"
		"Showing all locks held in the system:\n"
		"1 lock held by khungtaskd/30:\n"
		" #0: ffffffff82a (rcu_read_lock){....}-{1:2}, at: debug_show_all_locks+0x1/0x2\n"
		"1 lock held by fsstress/20611:\n"
		" #0: ffff8 (&type->s_umount_key#36){++++}-{3:3}, at: iterate_supers+0x1/0x2\n"
		"2 locks held by quotaon/3450:\n"
		" #0: ffff9 (&type->s_umount_key#33){++++}-{3:3}, at: x+0x1/0x2\n"
		" #1: ffff9 (&s->s_sync_lock){+.+.}-{3:3}, at: y+0x1/0x2\n"
		"\n"
		"=============================================\n";
	struct res res;

	parse(&res, s);
	assert_int_equal(res.n, 2);
	assert_int_equal(res.r[0].kind, LOCKDEP_HUNG_TASK_ALL_LOCKS);
	assert_string_equal(res.r[0].task, "fsstress");
	assert_int_equal(res.r[0].pid, 20611);
	assert_string_equal(res.r[0].kernel, "5.8.0-rc2");
	assert_string_equal(res.r[0].held, "&type->s_umount_key#36");
	assert_string_equal(res.r[0].culprit, "iterate_supers");
	assert_string_equal(res.r[1].task, "quotaon");
	assert_string_equal(res.r[1].held,
			    "&type->s_umount_key#33|&s->s_sync_lock");
	assert_string_equal(res.r[1].culprit, "dquot_disable");
}

/* Records dropped inside the dump may have held the hung task's own entry:
 * its locks are unknown then, not none. */
static void lockdep__hung_task_dump_with_dropped_records(void **state)
{
	static const char *const marks[] = {
		"** 6 printk messages dropped **\n",
		"printk: 12 messages suppressed.\n",
		"debug_show_all_locks: 3 callbacks suppressed\n",
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(marks); i++) {
		struct strbuf sb = STRBUF_INIT;
		struct res res;

		strbuf_addf(
			&sb,
			"INFO: task jbd2/sda1-8:345 blocked for more than 122"
			" seconds.\n"
			"      Not tainted 5.8.0-rc2 #2\n"
			"Call Trace:\n"
			" schedule+0x1/0x2\n"
			" jbd2_journal_commit_transaction+0x1/0x2\n"
			"\n"
			"Showing all locks held in the system:\n"
			"1 lock held by khungtaskd/30:\n"
			" #0: ffffffff82a (rcu_read_lock){....}-{1:2}, at: "
			"debug_show_all_locks+0x1/0x2\n"
			"%s"
			"\n"
			"=============================================\n",
			marks[i]);
		parse(&res, sb.buf);
		assert_int_equal(res.n, 1);
		assert_int_equal(res.r[0].kind, LOCKDEP_HUNG_TASK_ALL_LOCKS);
		assert_false(res.r[0].held_known);
		assert_true(res.r[0].truncated);
		strbuf_release(&sb);
	}
}

static void lockdep__lockdep_off_facts(void **state)
{
	static const char *const lines[] = {
		"INFO: lockdep is turned off.\n",
		"BUG: MAX_LOCKDEP_KEYS too low!\n",
		"turning off the locking correctness validator.\n",
		"DEBUG_LOCKS_WARN_ON(1)\n",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(lines); i++) {
		struct strbuf sb = STRBUF_INIT;
		struct res res;

		strbuf_addf(&sb, "[ 1.0] boot\n[ 2.0] %s", lines[i]);
		parse(&res, sb.buf);
		assert_int_equal(res.n, 0);
		assert_int_equal(res.offs, 1);
		assert_int_equal(res.off_line, 2);
		strbuf_release(&sb);
	}
}

/*
 * The locking self-test's splats (debug_locks_verbose) are the ones it
 * expects, inside its table: no reports, and its WARNs turn nothing off;
 * a report after its verdict is one, and so is one after a table whose
 * verdict was lost, once the lines after it are none of the table's.
 */
static void lockdep__selftest_splats_are_not_reports(void **state)
{
	static const char banner[] =
		"[ 0.1] ------------------------\n"
		"[ 0.1] | Locking API testsuite:\n"
		"[ 0.1] ------------------------------------------------------\n"
		"[ 0.1]                                  | spin |wlock |rlock |\n"
		"[ 0.1]                      A-A deadlock:\n";
	static const char verdict_ok[] =
		"[ 0.2]   ok  | lockclass mask: 1, debug_locks: 0, expected: 0\n"
		"[ 0.2]   | Wound/wait tests |\n"
		"[ 0.2] DEBUG_LOCKS_WARN_ON(1)\n"
		"[ 0.2]                   ww api failures:  ok  |  ok  |\n"
		"[ 0.3] Good, all 261 testcases passed! |\n";
	static const char verdict_bad[] =
		"[ 0.3] BUG:   1 unexpected failures (out of 261) - debugging "
		"disabled! |\n";
	struct strbuf sb = STRBUF_INIT;
	struct res res;
	int i;

	strbuf_addf(&sb, "%s%s%s", banner, circular_a, verdict_ok);
	parse(&res, sb.buf);
	assert_int_equal(res.n, 0);
	assert_int_equal(res.offs, 0);
	strbuf_addstr(&sb, circular_a);
	parse(&res, sb.buf);
	assert_int_equal(res.n, 1);
	assert_int_equal(res.offs, 1); /* after the report */

	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s%s%s", banner, circular_a, verdict_bad);
	parse(&res, sb.buf);
	assert_int_equal(res.n, 0);
	assert_int_equal(res.offs, 1);
	assert_string_equal(res.off_reason, "locking selftest failed");

	/* the verdict lost: the boot goes on past the table */
	strbuf_reset(&sb);
	strbuf_addf(&sb, "%s%s", banner, circular_a);
	for (i = 0; i < 64; i++)
		strbuf_addf(&sb, "[ 1.%d] pci 0000:00:%02x.0: enabled\n", i, i);
	strbuf_addstr(&sb, circular_a);
	parse(&res, sb.buf);
	assert_int_equal(res.n, 1);
	strbuf_release(&sb);
}

/* Banner line of text (1-based, 0: none), with the fast path on or off. */
static unsigned long banner_of(const char *text, bool fast)
{
	struct lockdep_sink sink = { NULL, NULL, NULL };
	struct lockdep_parser *p = lockdep_parser_new(&sink);
	unsigned long line;

	lockdep_parser_set_fast_path(p, fast);
	lockdep_parser_feed(p, text, strlen(text));
	lockdep_parser_finish(p);
	line = lockdep_parser_banner(p);
	lockdep_parser_free(p);
	return line;
}

/* lockdep's boot banner says the kernel had it, in any transport. */
static void lockdep__boot_banner(void **state)
{
	static const struct {
		const char *text;
		unsigned long line;
	} cases[] = {
		{ "<6>[ 0.0] Linux version 6.1.0\n"
		  "<4>[ 0.1] Lock dependency validator: Copyright (c) 2006 Red"
		  " Hat, Inc., Ingo Molnar\n<4>[ 0.1] ... MAX_LOCKDEP_SUBCLASSES:"
		  "  8\n",
		  2 },
		/* syzbot's console, only the second line (the first was lost) */
		{ "[    0.7][    T0] console [ttyS0] enabled\n"
		  "[    0.7][    T0] ... MAX_LOCKDEP_SUBCLASSES:  8\n",
		  2 },
		/* 2.6.x: four spaces; a journal; a wrapped validator line */
		{ "[   24.4] ... MAX_LOCKDEP_SUBCLASSES:    8\n", 1 },
		{ "Dec 07 08:00:00 host kernel: Lock dependency validator:"
		  " Copyright (c) 2006 Red Hat, Inc.,\n"
		  "Dec 07 08:00:00 host kernel: Ingo Molnar\n",
		  1 },
		/* no banner: a defconfig boot, a quote of a word, a lookalike */
		{ "[ 0.0] Linux version 6.1.0\n[ 5.0] login: root\n", 0 },
		{ "[ 0.0] Lock torture test\n[ 0.1] ... MAX_LOCK_DEPTH: 48\n",
		  0 },
		{ "[ 0.0] lock dependency validator: copyright\n", 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		assert_int_equal(banner_of(cases[i].text, true), cases[i].line);
		assert_int_equal(banner_of(cases[i].text, false),
				 cases[i].line);
	}
	/* seen inside a report's lines too (a report cut by a reboot) */
	{
		struct strbuf sb = STRBUF_INIT;

		strbuf_addstr(&sb, "[ 6.9] WARNING: possible circular locking"
				   " dependency detected\n"
				   "[ 0.0] Lock dependency validator: Copyright"
				   " (c) 2006 Red Hat, Inc., Ingo Molnar\n");
		assert_int_equal(banner_of(sb.buf, true), 2);
		strbuf_release(&sb);
	}
}

static void lockdep__lost_end_does_not_swallow_the_log(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct res res;
	int i;

	strbuf_addstr(
		&sb,
		"[ 1.0] WARNING: possible circular locking dependency detected\n"
		"[ 1.0] 6.1.0 #1 Not tainted\n"
		"[ 1.0] a/1 is trying to acquire lock:\n"
		"[ 1.0] ffff888100001111 (x){+.+.}-{3:3}, at: f+0x1/0x2\n"
		"[ 1.1] ** 1234 printk messages dropped **\n");
	for (i = 0; i < 40; i++)
		strbuf_addf(&sb, "[ 2.%d] e1000e: eth%d NIC Link is Up\n", i,
			    i);
	strbuf_addstr(&sb, "[ 3.0] INFO: lockdep is turned off.\n");
	parse(&res, sb.buf);
	assert_int_equal(res.n, 1);
	assert_true(res.r[0].truncated);
	assert_true(res.r[0].last < 10);
	/* the fact after the lost end is still seen (after the report's) */
	assert_int_equal(res.offs, 2);
	strbuf_release(&sb);
}

static void lockdep__other_tasks_lines_end_a_report(void **state)
{
	struct strbuf sb = STRBUF_INIT;
	struct res res;
	int i;

	/* a user-return report whose list is followed only by other tasks */
	strbuf_addstr(
		&sb,
		"[ 1.0][ T9322] WARNING: lock held when returning to user space!\n"
		"[ 1.0][ T9322] 6.1.0 #1 Not tainted\n"
		"[ 1.0][ T9322] kworker/2:1/9322 is leaving the kernel with locks still held!\n"
		"[ 1.0][ T9322] 1 lock held by kworker/2:1/9322:\n"
		"[ 1.0][ T9322]  #0: ffff8881d80bb980 (&i915->drm.struct_mutex){+.+.}-{3:3}, at: i915_gem_shrink+0x198/0x374\n");
	for (i = 0; i < 20; i++)
		strbuf_addf(&sb, "[ 2.%d][ T%d] usb 1-%d: new device\n", i,
			    100 + i, i);
	strbuf_addstr(
		&sb,
		"[ 3.0][ T77] WARNING: possible recursive locking detected\n");
	parse(&res, sb.buf);
	assert_int_equal(res.n, 2);
	assert_int_equal(res.r[0].kind, LOCKDEP_LOCK_HELD_USER_RETURN);
	assert_string_equal(res.r[0].held, "&i915->drm.struct_mutex");
	assert_false(res.r[0].truncated);
	assert_int_equal(res.r[1].kind, LOCKDEP_RECURSIVE);
	strbuf_release(&sb);
}

static void lockdep__frames(void **state)
{
	static const struct {
		const char *line;
		const char *function, *offset, *module, *file;
		bool unreliable;
	} cases[] = {
		{ " ? blocking_notifier_call_chain+0x20/0x50",
		  "blocking_notifier_call_chain", "0x20/0x50", NULL, NULL,
		  true },
		{ "coretemp_cpu_online+0xe1/0x15e [coretemp]",
		  "coretemp_cpu_online", "0xe1/0x15e", "coretemp", NULL,
		  false },
		{ "igc_poll+0x1/0x2 [igc beed6d83546b18fcf82fbbfaeea59871823bceeb]",
		  "igc_poll", "0x1/0x2", "igc", NULL, false },
		{ "[<ffffffff811a1f5a>] lock_acquire+0x1aa/0x240",
		  "lock_acquire", "0x1aa/0x240", NULL, NULL, false },
		{ "[c000000002973610] [c000000000552e8c] .dump_stack_lvl+0x98/0xe0 (unreliable)",
		  "dump_stack_lvl", "0x98/0xe0", NULL, NULL, true },
		{ " [<00000002010e7ef0>] show_stack+0x90/0xf8 ", "show_stack",
		  "0x90/0xf8", NULL, NULL, false },
		{ "[<c0112420>] (unwind_backtrace) from [<c010df5c>] (show_stack+0x10/0x14)",
		  "unwind_backtrace", NULL, NULL, NULL, false },
		{ " rtw_leave_lps [rtw88_core] from rtw_watch_dog_work+0x1b8/0x2e8 [rtw88_core]",
		  "rtw_leave_lps", NULL, "rtw88_core", NULL, false },
		{ "show_stack+0x14/0x1c (C)", "show_stack", "0x14/0x1c", NULL,
		  NULL, false },
		{ "dump_stack_lvl (lib/dump_stack.c:122)", "dump_stack_lvl",
		  NULL, NULL, "lib/dump_stack.c:122", false },
		{ "btrfs_dev_name (fs/btrfs/volumes.h:856 (discriminator 9) fs/btrfs/volumes.h:851) btrfs",
		  "btrfs_dev_name", NULL, "btrfs", "fs/btrfs/volumes.h:856",
		  false },
		{ "lock_acquire+0x1aa/0x240 kernel/locking/lockdep.c:5754",
		  "lock_acquire", "0x1aa/0x240", NULL,
		  "kernel/locking/lockdep.c:5754", false },
		{ "kernfs_remove fs/kernfs/dir.c:1396 [inline]",
		  "kernfs_remove", NULL, NULL, "fs/kernfs/dir.c:1396", false },
		{ "__this_module+0x3e0/0xffffffffffffa840 [mt76]",
		  "__this_module", "0x3e0/0xffffffffffffa840", "mt76", NULL,
		  false },
		{ "i801_probe.cold.25+0xa9/0x3a7 [i2c_i801]",
		  "i801_probe.cold.25", "0xa9/0x3a7", "i2c_i801", NULL, false },
	};
	static const char *const not_frames[] = {
		"but task is already holding lock:",
		"other info that might help us debug this:",
		"CPU0                    CPU1",
		"lock(&rtwdev->mutex);",
		"",
	};
	struct arena a = ARENA_INIT;
	struct lockdep_frame f;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		assert_int_equal(lockdep_frame_parse(&f, cases[i].line, &a), 0);
		assert_string_equal(f.function, cases[i].function);
		if (cases[i].offset)
			assert_string_equal(f.offset, cases[i].offset);
		else
			assert_null(f.offset);
		if (cases[i].module)
			assert_string_equal(f.module, cases[i].module);
		else
			assert_null(f.module);
		if (cases[i].file)
			assert_string_equal(f.file, cases[i].file);
		else
			assert_null(f.file);
		assert_int_equal(f.unreliable, cases[i].unreliable);
	}
	for (i = 0; i < ARRAY_SIZE(not_frames); i++)
		assert_int_not_equal(lockdep_frame_parse(&f, not_frames[i], &a),
				     0);
	arena_release(&a);
}

static void signature__class_normalize(void **state)
{
	static const char *const cases[][2] = {
		{ "&sb->s_type->i_mutex_key#13", "&sb->s_type->i_mutex_key" },
		{ "&type->s_umount_key#45/1", "&type->s_umount_key/1" },
		{ "&pipe->mutex/1", "&pipe->mutex/1" },
		{ "&(&memcg->event_list_lock)->rlock",
		  "&memcg->event_list_lock" },
		{ "&(&priv->bus_notifier)->rwsem",
		  "&(&priv->bus_notifier)->rwsem" },
		{ "(wq_completion)events_unbound",
		  "(wq_completion)events_unbound" },
		{ "ptlock_ptr(ptdesc)#2", "ptlock_ptr(ptdesc)" },
		{ "lock#3", "lock" },
		{ "kn->active#167", "kn->active" },
	};
	struct arena a = ARENA_INIT;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		assert_string_equal(signature_class_normalize(cases[i][0], &a),
				    cases[i][1]);
	arena_release(&a);
}

static void signature__symbol_base(void **state)
{
	static const char *const cases[][2] = {
		{ "i801_add_tco_spt.isra.18", "i801_add_tco_spt" },
		{ "pm_suspend.cold.7", "pm_suspend" },
		{ "memcg_offline_kmem.part.44", "memcg_offline_kmem" },
		{ "foo.constprop.0.isra.0", "foo" },
		{ "bar.llvm.1234567", "bar" },
		{ "__x64_sys_ioctl", "sys_ioctl" },
		{ "__arm64_sys_rt_sigreturn", "sys_rt_sigreturn" },
		{ "_Z8fakeNameiii", "fakeName" },
		{ "plain", "plain" },
	};
	struct arena a = ARENA_INIT;
	size_t i;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		assert_string_equal(symbol_function(cases[i][0], &a),
				    cases[i][1]);
	arena_release(&a);
}

static void signature__plumbing(void **state)
{
	static const char *const yes[] = {
		"lock_acquire",
		"__lock_acquire.cold",
		"_raw_spin_lock_irqsave",
		"mutex_lock_nested",
		"down_read",
		"blocking_notifier_call_chain",
		"process_one_work",
		"dump_stack_lvl",
		"0xffffffffc03f0000",
		"kmem_cache_alloc_node",
	};
	static const char *const no[] = {
		"coretemp_cpu_online",	    "cpuhp_thread_fun",
		"iova_domain_init_rcaches", "fs_reclaim_acquire",
		"shutdown_device",	    "xfs_ilock",
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(yes); i++)
		assert_true(signature_frame_is_plumbing(yes[i]));
	for (i = 0; i < ARRAY_SIZE(no); i++)
		assert_false(signature_frame_is_plumbing(no[i]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lockdep__circular_seed_shape),
		cmocka_unit_test(lockdep__reset_inside_a_big_report),
		cmocka_unit_test(lockdep__circular_rotation_same_signature),
		cmocka_unit_test(lockdep__kind_changes_signature),
		cmocka_unit_test(lockdep__old_bracketed_headers),
		cmocka_unit_test(lockdep__still_has_locks_task_from_header),
		cmocka_unit_test(lockdep__user_return_ends_after_list),
		cmocka_unit_test(lockdep__bad_unlock_release_site),
		cmocka_unit_test(lockdep__rcu_message),
		cmocka_unit_test(lockdep__hung_tasks_share_one_dump),
		cmocka_unit_test(lockdep__lockdep_off_facts),
		cmocka_unit_test(lockdep__selftest_splats_are_not_reports),
		cmocka_unit_test(lockdep__boot_banner),
		cmocka_unit_test(lockdep__lost_end_does_not_swallow_the_log),
		cmocka_unit_test(lockdep__other_tasks_lines_end_a_report),
		cmocka_unit_test(lockdep__frames),
		cmocka_unit_test(lockdep__site_keeps_its_module),
		cmocka_unit_test(lockdep__header_inline_is_the_frames_own),
		cmocka_unit_test(lockdep__hung_task_dump_with_dropped_records),
		cmocka_unit_test(signature__class_normalize),
		cmocka_unit_test(signature__symbol_base),
		cmocka_unit_test(signature__plumbing),
	};

	return cmocka_run_group_tests_name("lockdep", tests, NULL, NULL);
}
