// SPDX-License-Identifier: GPL-2.0
/*
 * Unit tests for parsers/syztitle: each title form, where the function
 * comes from per kind, the skip list, cut reports and reports without a
 * usable frame.  The reports are small but shaped as the kernel prints
 * them (../shared/LOCKDEP-FORMAT.md).
 */
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
#include "parsers/syztitle.h"

struct got {
	int n;
	char title[256]; /* of the first report; "(null)" for NULL */
	struct arena arena;
};

static int on_report(void *ctx, const struct lockdep_report *r)
{
	struct got *g = ctx;
	const char *t;

	if (g->n++)
		return 0;
	t = syztitle_compute(r, &g->arena);
	snprintf(g->title, sizeof(g->title), "%s", t ? t : "(null)");
	return 0;
}

static void expect_title(const char *log, const char *want)
{
	struct got g;
	struct lockdep_sink sink = { on_report, NULL, &g };

	memset(&g, 0, sizeof(g));
	assert_int_equal(lockdep_parse_text(log, strlen(log), &sink), 0);
	arena_release(&g.arena);
	assert_int_equal(g.n, 1);
	assert_string_equal(g.title, want);
}

#define CIRCULAR_HEAD(banner, acq, held)                                       \
	"======================================================\n" banner "\n" \
	"6.1.0 #1 Not tainted\n"                                               \
	"------------------------------------------------------\n"             \
	"syz-executor/1 is trying to acquire lock:\n"                          \
	"ffff888000000001 (&b->lock){+.+.}-{3:3}, at: " acq "\n"               \
	"\n"                                                                   \
	"but task is already holding lock:\n"                                  \
	"ffff888000000002 (&a->lock){+.+.}-{3:3}, at: " held "\n"              \
	"\n"                                                                   \
	"which lock already depends on the new lock.\n"                        \
	"\n"                                                                   \
	"\n"                                                                   \
	"the existing dependency chain (in reverse order) is:\n"               \
	"\n"                                                                   \
	"-> #1 (&a->lock){+.+.}-{3:3}:\n"                                      \
	"       lock_acquire+0xd3/0x310\n"                                     \
	"       __mutex_lock+0x9b/0x8d0\n"                                     \
	"       mutex_lock_nested+0x16/0x20\n"                                 \
	"       worker_a+0x1e/0x40\n"                                          \
	"       process_one_work+0x21c/0x3e0\n"                                \
	"\n"                                                                   \
	"-> #0 (&b->lock){+.+.}-{3:3}:\n"                                      \
	"       __lock_acquire+0x1232/0x2120\n"                                \
	"       lock_acquire+0xd3/0x310\n"                                     \
	"       __mutex_lock+0x9b/0x8d0\n"                                     \
	"       worker_b+0x2e/0x50\n"                                          \
	"       caller_b+0x10/0x20\n"                                          \
	"\n"                                                                   \
	"other info that might help us debug this:\n"                          \
	"\n"                                                                   \
	" Possible unsafe locking scenario:\n"                                 \
	"\n"                                                                   \
	"       CPU0                    CPU1\n"                                \
	"       ----                    ----\n"                                \
	"  lock(&a->lock);\n"                                                  \
	"                               lock(&b->lock);\n"                     \
	"                               lock(&a->lock);\n"                     \
	"  lock(&b->lock);\n"                                                  \
	"\n"                                                                   \
	" *** DEADLOCK ***\n"                                                  \
	"\n"                                                                   \
	"1 lock held by syz-executor/1:\n"                                     \
	" #0: ffff888000000002 (&a->lock){+.+.}-{3:3}, at: " held "\n"

#define CIRCULAR_TAIL                                             \
	"\n"                                                      \
	"stack backtrace:\n"                                      \
	"CPU: 0 PID: 1 Comm: syz-executor Not tainted 6.1.0 #1\n" \
	"Call Trace:\n"                                           \
	" <TASK>\n"                                               \
	" dump_stack_lvl+0x48/0x70\n"                             \
	" check_noncircular+0xfe/0x110\n"                         \
	" __lock_acquire+0x1232/0x2120\n"                         \
	" lock_acquire+0xd3/0x310\n"                              \
	" __mutex_lock+0x9b/0x8d0\n"                              \
	" worker_b+0x2e/0x50\n"                                   \
	" caller_b+0x10/0x20\n"                                   \
	" </TASK>\n"

#define WARN_CIRCULAR "WARNING: possible circular locking dependency detected"

/* circular: the acquire site, with its clone suffix cut off */
static void syztitle__circular_site(void **state)
{
	(void)state;
	expect_title(CIRCULAR_HEAD(WARN_CIRCULAR, "worker_b.isra.0+0x2e/0x50",
				   "worker_a+0x1e/0x40") CIRCULAR_TAIL,
		     "possible deadlock in worker_b");
}

/* a skipped acquire site (perf_trace*, corpus 192): the held site */
static void syztitle__circular_held_site(void **state)
{
	(void)state;
	expect_title(CIRCULAR_HEAD(WARN_CIRCULAR, "perf_trace_init+0x58/0xab0",
				   "worker_a+0x1e/0x40") CIRCULAR_TAIL,
		     "possible deadlock in worker_a");
}

/* both sites skipped (corpus 467): the first -> #N stack as printed, its
 * lock primitives skipped */
static void syztitle__circular_chain(void **state)
{
	(void)state;
	expect_title(CIRCULAR_HEAD(WARN_CIRCULAR,
				   "process_one_work+0x8c0/0x17b0",
				   "flush_workqueue+0xe6/0x1520") CIRCULAR_TAIL,
		     "possible deadlock in worker_a");
}

/* the old "[ INFO: ... ]" banner: the printed site, skip list or not
 * (corpus 27) */
static void syztitle__circular_info_era(void **state)
{
	(void)state;
	expect_title(
		CIRCULAR_HEAD(
			"[ INFO: possible circular locking dependency detected ]",
			"flush_workqueue+0x0/0xb0", "worker_a+0x1e/0x40")
			CIRCULAR_TAIL,
		"possible deadlock in flush_workqueue");
}

/* cut after the first lock line, every candidate skipped: the banner, as
 * syzkaller titles a report it cannot match (corpus 98, 152) */
static void syztitle__truncated(void **state)
{
	(void)state;
	expect_title(
		"======================================================\n" WARN_CIRCULAR
		"\n"
		"6.1.0 #1 Not tainted\n"
		"------------------------------------------------------\n"
		"syz-executor/1 is trying to acquire lock:\n"
		"ffff888000000001 (&b->lock){+.+.}-{3:3}, at: "
		"process_one_work+0x8c0/0x17b0\n",
		WARN_CIRCULAR);
}

#define INCONSISTENT(frames)                                                \
	"================================\n"                                \
	"WARNING: inconsistent lock state\n"                                \
	"6.1.0 #1 Not tainted\n"                                            \
	"--------------------------------\n"                                \
	"inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage.\n"            \
	"syz-executor/1 [HC0[0]:SC0[0]:HE1:SE1] takes:\n"                   \
	"ffff888000000003 (&q->lock){?.-.}-{2:2}, at: site_fn+0xc8/0x130\n" \
	"{IN-HARDIRQ-W} state was registered at:\n"                         \
	"  lock_acquire+0x100/0x1f8\n"                                      \
	"  _raw_spin_lock_irqsave+0x6c/0xb4\n"                              \
	"  irq_fn+0x88/0x254\n"                                             \
	"irq event stamp: 1\n"                                              \
	"\n"                                                                \
	"other info that might help us debug this:\n"                       \
	" Possible unsafe locking scenario:\n"                              \
	"\n"                                                                \
	"       CPU0\n"                                                     \
	"       ----\n"                                                     \
	"  lock(&q->lock);\n"                                               \
	"  <Interrupt>\n"                                                   \
	"    lock(&q->lock);\n"                                             \
	"\n"                                                                \
	" *** DEADLOCK ***\n"                                               \
	"\n"                                                                \
	"no locks held by syz-executor/1.\n"                                \
	"\n"                                                                \
	"stack backtrace:\n"                                                \
	"CPU: 0 PID: 1 Comm: syz-executor Not tainted 6.1.0 #1\n"           \
	"Call trace:\n" frames

/* inconsistent lock state: the backtrace, not the site; "? " frames are
 * not frames; "iput" is skipped as a whole name only (corpus 557, 665) */
static void syztitle__inconsistent_backtrace(void **state)
{
	(void)state;
	expect_title(INCONSISTENT(" dump_backtrace+0x1c4/0x1f0\n"
				  " show_stack+0x2c/0x54\n"
				  " dump_stack_lvl+0x104/0x16c\n"
				  " print_usage_bug.part.0+0x39c/0x3cc\n"
				  " mark_lock_irq+0x4a8/0x4b4\n"
				  " mark_lock+0x154/0x1b4\n"
				  " __lock_acquire+0x5f8/0x30a4\n"
				  " lock_acquire+0x100/0x1f8\n"
				  " _raw_spin_lock+0x54/0x6c\n"
				  " _atomic_dec_and_lock+0xc8/0x130\n"
				  " ? stale_fn+0x10/0x20\n"
				  " iput+0x50/0x324\n"
				  " input_release+0x1254/0x14a4\n"
				  " vfs_get_tree+0x40/0x140\n"),
		     "inconsistent lock state in input_release");
}

/* nothing usable in the backtrace: the banner */
static void syztitle__no_usable_frame(void **state)
{
	(void)state;
	expect_title(INCONSISTENT(" dump_stack+0x1c/0x58\n"
				  " ? worker_thread+0x10/0x20\n"
				  " mark_lock+0x154/0x1b4\n"
				  " 0xffffffff81000000\n"),
		     "WARNING: inconsistent lock state");
}

/* suspicious RCU usage: the banner's word is kept; entries match inside
 * names (corpus 166: bpf_prog_array_copy_to_user is skipped) */
static void syztitle__rcu_substring(void **state)
{
	(void)state;
	expect_title(
		"=============================\n"
		"WARNING: suspicious RCU usage\n"
		"4.15.0 #1 Not tainted\n"
		"-----------------------------\n"
		"./include/linux/rcupdate.h:302 Illegal context switch in "
		"RCU read-side critical section!\n"
		"\n"
		"other info that might help us debug this:\n"
		"\n"
		"\n"
		"rcu_scheduler_active = 2, debug_locks = 1\n"
		"no locks held by syz-executor/1.\n"
		"\n"
		"stack backtrace:\n"
		"CPU: 0 PID: 1 Comm: syz-executor Not tainted 4.15.0 #1\n"
		"Call Trace:\n"
		" dump_stack+0x194/0x257\n"
		" lockdep_rcu_suspicious+0x123/0x170\n"
		" ___might_sleep+0x385/0x470\n"
		" __might_fault+0xab/0x1d0\n"
		" _copy_to_user+0x2c/0xc0\n"
		" bpf_prog_array_copy_to_user+0x217/0x4d0\n"
		" bpf_prog_array_copy_info+0x17b/0x1c0\n"
		" entry_SYSCALL_64_fastpath+0x29/0xa0\n",
		"WARNING: suspicious RCU usage in bpf_prog_array_copy_info");
}

/* bad unlock balance in the old banner: "BUG:" kept; the release site */
static void syztitle__bad_unlock_old_banner(void **state)
{
	(void)state;
	expect_title(
		"=====================================\n"
		"[ BUG: bad unlock balance detected! ]\n"
		"4.9.0 #1 Not tainted\n"
		"-------------------------------------\n"
		"syz-executor/1 is trying to release lock (rtnl_mutex) at:\n"
		"[<ffffffff83a6a370>] ipmr_mfc_seq_stop+0x2e/0x40\n"
		"but there are no more locks to release!\n"
		"\n"
		"other info that might help us debug this:\n"
		"no locks held by syz-executor/1.\n"
		"\n"
		"stack backtrace:\n"
		"CPU: 0 PID: 1 Comm: syz-executor Not tainted 4.9.0 #1\n"
		"Call Trace:\n"
		" [<ffffffff81a1b2c3>] dump_stack+0x194/0x257\n"
		" [<ffffffff81a1b2c4>] print_unlock_imbalance_bug+0x1/0x2\n"
		" [<ffffffff81a1b2c5>] lock_release+0x1/0x2\n"
		" [<ffffffff81a1b2c6>] seq_read+0x1/0x2\n",
		"BUG: bad unlock balance in ipmr_mfc_seq_stop");
}

/* invalid wait context: titled "WARNING: locking bug in", from the
 * backtrace (corpus 528), the syscall wrapper naming the syscall */
static void syztitle__invalid_wait(void **state)
{
	(void)state;
	expect_title(
		"=============================\n"
		"[ BUG: Invalid wait context ]\n"
		"5.9.0 #15 Not tainted\n"
		"-----------------------------\n"
		"syz-executor.0/4448 is trying to lock:\n"
		"ffff00004a747498 (&mm->mmap_lock){++++}-{3:3}, at: "
		"__might_fault+0x108/0x1b0\n"
		"other info that might help us debug this:\n"
		"context-{4:4}\n"
		"1 lock held by syz-executor.0/4448:\n"
		" #0: ffffa00019769560 (rcu_read_lock){....}-{1:2}, at: "
		"count_memcg_event_mm+0x24/0x2f0\n"
		"stack backtrace:\n"
		"CPU: 0 PID: 4448 Comm: syz-executor.0 Not tainted 5.9.0 #15\n"
		"Call trace:\n"
		" dump_backtrace+0x0/0x4d0\n"
		" show_stack+0x2c/0x80\n"
		" dump_stack+0x1b0/0x254\n"
		" __lock_acquire+0x1a04/0x4930\n"
		" lock_acquire+0x278/0xb88\n"
		" __might_fault+0x138/0x1b0\n"
		" __arm64_sys_wait4+0x8c/0xd0\n"
		" el0_svc_common.constprop.0+0x158/0x530\n",
		"WARNING: locking bug in sys_wait4");
}

/* a kind whose syzkaller title the corpus does not show: NULL */
static void syztitle__unknown_kind(void **state)
{
	struct lockdep_report r;
	struct arena a;

	(void)state;
	memset(&r, 0, sizeof(r));
	memset(&a, 0, sizeof(a));
	r.kind = LOCKDEP_HUNG_TASK_ALL_LOCKS;
	r.primary = -1;
	assert_null(syztitle_compute(&r, &a));
	r.kind = LOCKDEP_KIND_NR;
	assert_null(syztitle_compute(&r, &a));
	arena_release(&a);
}

static void syztitle__skip_list(void **state)
{
	(void)state;
	/* substrings */
	assert_true(syztitle_frame_skipped("_raw_spin_lock_irqsave",
					   LOCKDEP_CIRCULAR));
	assert_true(syztitle_frame_skipped("bpf_prog_array_copy_to_user",
					   LOCKDEP_RCU_SUSPICIOUS));
	assert_true(syztitle_frame_skipped("lockdep_rcu_suspicious",
					   LOCKDEP_RCU_SUSPICIOUS));
	/* anchored: iput, not input_event */
	assert_true(
		syztitle_frame_skipped("iput", LOCKDEP_NESTED_LOCK_NOT_TAKEN));
	assert_false(syztitle_frame_skipped("input_event",
					    LOCKDEP_HARDIRQ_SAFE_UNSAFE));
	assert_false(syztitle_frame_skipped("iput_final",
					    LOCKDEP_INCONSISTENT_LOCK_STATE));
	/* a kind's own entries apply to that kind only */
	assert_true(
		syztitle_frame_skipped("process_one_work", LOCKDEP_CIRCULAR));
	assert_false(syztitle_frame_skipped("process_one_work",
					    LOCKDEP_INCONSISTENT_LOCK_STATE));
	/* the functions syzkaller titles stay */
	assert_false(syztitle_frame_skipped("rtnl_lock", LOCKDEP_RECURSIVE));
	assert_false(syztitle_frame_skipped("fs_reclaim_acquire",
					    LOCKDEP_INCONSISTENT_LOCK_STATE));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(syztitle__circular_site),
		cmocka_unit_test(syztitle__circular_held_site),
		cmocka_unit_test(syztitle__circular_chain),
		cmocka_unit_test(syztitle__circular_info_era),
		cmocka_unit_test(syztitle__truncated),
		cmocka_unit_test(syztitle__inconsistent_backtrace),
		cmocka_unit_test(syztitle__no_usable_frame),
		cmocka_unit_test(syztitle__rcu_substring),
		cmocka_unit_test(syztitle__bad_unlock_old_banner),
		cmocka_unit_test(syztitle__invalid_wait),
		cmocka_unit_test(syztitle__unknown_kind),
		cmocka_unit_test(syztitle__skip_list),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
