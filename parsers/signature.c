// SPDX-License-Identifier: GPL-2.0
/*
 * signature: the identity of a lockdep report, algorithm version 1.
 *
 * docs/signature.md is the specification; in short: class names lose
 * instance suffixes (#N), usage, wait type and address and the v5.7
 * spinlock renaming; a circular cycle is rotated to start at its smallest
 * class; every edge is hashed on its own; the culprit is the lock's
 * acquire site or the first frame of its stack that is not lockdep, a lock
 * primitive or generic plumbing (the skip list below); the hex signature
 * is SHA-256 over the versioned identity text.
 */
#include "parsers/signature.h"

#include <ctype.h>
#include <errno.h>
#include <openssl/evp.h>
#include <stdlib.h>
#include <string.h>

#include "parsers/alloc.h"
#include "parsers/strbuf.h"
#include "parsers/symbol.h"
#include "parsers/syztitle.h"

const char *signature_class_normalize(const char *name, struct arena *a)
{
	size_t n = strlen(name);
	const char *s = name;
	char *out, *hash;

	while (n && (*s == ' '))
		s++, n--;
	while (n && s[n - 1] == ' ')
		n--;
	/* v5.7 renamed spinlock_t classes: &(&x->lock)->rlock == &x->lock */
	if (n > 11 && !memcmp(s, "&(&", 3) &&
	    !memcmp(s + n - 8, ")->rlock", 8)) {
		s += 2;
		n -= 10;
	}
	out = arena_strndup(a, s, n);
	/* "#N" name_version before an optional "/N" subclass */
	hash = strrchr(out, '#');
	if (hash && isdigit((unsigned char)hash[1])) {
		char *q = hash + 1;

		while (isdigit((unsigned char)*q))
			q++;
		if (*q == '\0' || (*q == '/' && isdigit((unsigned char)q[1]))) {
			char *r = q + 1;

			if (*q == '/') {
				while (isdigit((unsigned char)*r))
					r++;
			}
			if (*q == '\0' || *r == '\0')
				memmove(hash, q, strlen(q) + 1);
		}
	}
	return out;
}

/*
 * Frames that never name the code at fault (docs/signature.md explains
 * each group).  An entry ending in '*' is a prefix.
 */
static const char *const plumbing[] = {
	/* lockdep itself and the report printers */
	"lock_acquire*",
	"__lock_acquire*",
	"lock_release*",
	"__lock_release*",
	"lock_acquired",
	"lock_contended",
	"lock_sync",
	"lock_downgrade",
	"validate_chain",
	"check_prev_add",
	"check_prevs_add",
	"check_noncircular",
	"check_deadlock",
	"check_irq_usage",
	"check_usage*",
	"check_flags",
	"print_*",
	"mark_lock*",
	"mark_usage",
	"mark_held_locks",
	"lockdep_*",
	"__lockdep_*",
	"lock_is_held*",
	"debug_check_no_locks_*",
	"hlock_class",
	"reacquire_held_locks",
	"find_held_lock",
	"match_held_lock",
	"look_up_lock_class",
	"register_lock_class",
	"__might_sleep",
	"__might_resched",
	"___might_sleep",
	"__might_fault",
	"might_fault",
	"debug_locks_off",
	"lock_map_acquire*",
	"lock_map_release*",
	"lockdep_rcu_suspicious",
	"rcu_lockdep_current_cpu_online",
	"debug_lockdep_rcu_enabled",
	"valid_state",
	"usage_match",
	"__bfs*",
	"check_path*",
	"check_wait_context",
	"check_chain_key",
	"print_lock*",
	/* stack dumping, printk and WARN plumbing */
	"dump_stack*",
	"show_stack*",
	"show_trace*",
	"dump_backtrace*",
	"unwind_backtrace",
	"arch_stack_walk",
	"stack_trace_save*",
	"trace_hardirqs_*",
	"__trace_hardirqs_*",
	"trace_irq_*",
	"printk*",
	"vprintk*",
	"_printk",
	"__printk*",
	"console_unlock",
	"__warn*",
	"warn_slowpath*",
	"report_bug",
	"handle_bug",
	"exc_invalid_op",
	"asm_exc_invalid_op",
	"__report_bad_irq",
	"panic",
	/* lock primitives and their wrappers */
	"_raw_spin_*",
	"_raw_read_*",
	"_raw_write_*",
	"raw_spin_*",
	"do_raw_spin_*",
	"__raw_spin_*",
	"__raw_read_*",
	"__raw_write_*",
	"spin_lock*",
	"spin_unlock*",
	"_spin_*",
	"rt_spin_*",
	"rt_read_*",
	"rt_write_*",
	"read_lock*",
	"write_lock*",
	"read_unlock*",
	"write_unlock*",
	"mutex_lock*",
	"mutex_unlock*",
	"mutex_trylock*",
	"__mutex_*",
	"_mutex_*",
	"mutex_remove_waiter",
	"rt_mutex*",
	"__rt_mutex*",
	"ww_mutex_*",
	"__ww_mutex_*",
	"down",
	"down_read*",
	"down_write*",
	"down_trylock",
	"down_interruptible",
	"down_killable",
	"down_timeout",
	"__down*",
	"up",
	"up_read",
	"up_write",
	"downgrade_write",
	"rwsem_*",
	"__rwsem_*",
	"percpu_down_*",
	"percpu_up_*",
	"__percpu_down_*",
	"__percpu_up_*",
	"percpu_rwsem_*",
	"cpus_read_lock",
	"cpus_read_unlock",
	"cpus_write_lock",
	"cpus_write_unlock",
	"get_online_cpus",
	"put_online_cpus",
	"cpu_hotplug_begin",
	"cpu_hotplug_done",
	"local_lock*",
	"rcu_read_lock*",
	"rcu_read_unlock*",
	"__rcu_read_lock",
	"__rcu_read_unlock",
	"srcu_read_lock*",
	"srcu_read_unlock*",
	"__srcu_read_*",
	"write_seqlock*",
	"write_sequnlock*",
	"read_seqbegin*",
	"seqcount_*",
	"osq_lock",
	"osq_unlock",
	"queued_spin_lock_slowpath",
	"native_queued_spin_lock_slowpath",
	"__pv_queued_spin_lock_slowpath",
	"queued_read_lock_slowpath",
	"queued_write_lock_slowpath",
	"lock_sock*",
	"__lock_sock*",
	"release_sock",
	"rtnl_lock*",
	"rtnl_unlock",
	"__rtnl_unlock",
	"bit_spin_lock",
	"__bit_spin_unlock",
	"lock_page*",
	"__lock_page*",
	"folio_lock*",
	"__folio_lock*",
	"unlock_page",
	"folio_unlock",
	"console_lock",
	"console_trylock*",
	"console_unlock",
	"__down_trylock_console_sem",
	"_atomic_dec_and_lock*",
	"atomic_dec_and_lock*",
	"_atomic_dec_and_raw_lock*",
	"refcount_dec_and_lock*",
	"refcount_dec_and_mutex_lock",
	"__sb_start_write*",
	"sb_start_*",
	"__sb_end_write",
	"sb_end_*",
	"percpu_ref_*",
	/* memory allocation and copying helpers */
	"kmem_cache_alloc*",
	"kmem_cache_free*",
	"__kmem_cache_*",
	"kmalloc*",
	"__kmalloc*",
	"kzalloc*",
	"kcalloc*",
	"krealloc*",
	"kvmalloc*",
	"__kvmalloc*",
	"kvzalloc*",
	"kfree",
	"kvfree",
	"vmalloc*",
	"__vmalloc*",
	"vzalloc",
	"slab_*",
	"__slab_*",
	"___slab_*",
	"might_alloc",
	"should_failslab",
	"__should_failslab",
	"__alloc_pages*",
	"alloc_pages*",
	"__get_free_pages",
	"memcpy*",
	"memset*",
	"memmove*",
	"_copy_to_user",
	"_copy_from_user",
	"copy_to_user*",
	"copy_from_user*",
	"__copy_to_user*",
	"__copy_from_user*",
	"copy_user_*",
	"strncpy_from_user",
	/* generic plumbing: notifier chains, driver core, work, threads */
	"notifier_call_chain",
	"*_notifier_call_chain",
	"__*_notifier_call_chain",
	"notifier_call_chain_robust",
	"call_netdevice_notifiers*",
	"call_netdevice_notifier",
	"device_add",
	"device_del",
	"device_register",
	"device_unregister",
	"platform_device_add",
	"platform_device_register*",
	"platform_device_unregister",
	"platform_device_del",
	"really_probe",
	"__driver_probe_device",
	"driver_probe_device",
	"__driver_attach*",
	"__device_attach*",
	"device_attach",
	"device_initial_probe",
	"bus_probe_device",
	"bus_for_each_dev",
	"bus_for_each_drv",
	"bus_add_driver",
	"driver_register",
	"driver_attach",
	"device_driver_attach",
	"kobject_uevent*",
	"kobject_add*",
	"kobject_del",
	"kobject_put",
	"process_one_work",
	"process_scheduled_works",
	"worker_thread",
	"rescuer_thread",
	"kthread",
	"ret_from_fork*",
	"smpboot_thread_fn",
	"cpuhp_invoke_callback*",
	"__cpuhp_state_add_instance*",
	"cpuhp_state_add_instance*",
	"__cpuhp_setup_state*",
	"__cpuhp_state_remove_instance",
	"cpuhp_issue_call",
	"do_one_initcall",
	"do_initcalls",
	"kernel_init*",
	"start_kernel",
	"call_timer_fn",
	"__run_timers*",
	"run_timer_softirq",
	"run_timer_base",
	"__do_softirq",
	"handle_softirqs",
	"do_softirq*",
	"__irq_exit_rcu",
	"irq_exit*",
	"run_ksoftirqd",
	"tasklet_action*",
	"__handle_irq_event_percpu",
	"handle_irq_event*",
	"asm_*",
	"sysvec_*",
	"common_interrupt",
	"__sysvec_*",
	"task_work_run",
	"exit_to_user_mode*",
	"syscall_exit_to_user_mode*",
	"__wake_up*",
	"wake_up_*",
	"try_to_wake_up",
	"complete",
	"complete_all",
	"wait_for_completion*",
	"__wait_for_common",
	"wait_for_common*",
	"__flush_work*",
	"flush_work",
	"start_flush_work",
	"__flush_workqueue",
	"flush_workqueue",
	"drain_workqueue",
	"__cancel_work_timer",
	"__cancel_work*",
	"cancel_work_sync",
	"cancel_delayed_work_sync",
	"touch_wq_lockdep_map",
	"touch_work_lockdep_map",
};

static bool base_is_plumbing(const char *base)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(plumbing); i++)
		if (symbol_match(base, plumbing[i]))
			return true;
	return false;
}

bool signature_frame_is_plumbing(const char *function)
{
	char buf[256];
	const char *dot;
	size_t n;

	if (!function || !*function)
		return true;
	if (function[0] == '0' && function[1] == 'x')
		return true; /* an address, no symbol */
	n = strlen(function);
	dot = strchr(function, '.');
	if (dot)
		n = (size_t)(dot - function);
	if (n >= sizeof(buf))
		return false;
	memcpy(buf, function, n);
	buf[n] = '\0';
	return base_is_plumbing(buf);
}

/* RCU reports: the RCU machinery itself is plumbing too. */
static bool rcu_plumbing(const char *fn)
{
	return strstr(fn, "rcu") != NULL;
}

/* Hung tasks sleep in the scheduler and in waits. */
static bool hung_plumbing(const char *fn)
{
	static const char *const pfx[] = {
		"schedule", "__schedule", "io_schedule", "context_switch",
		"__switch_to", "preempt_schedule", "rwsem_down_",
		"__rwsem_down", "wait_on_", "out_of_line_wait", "bit_wait",
		"__wait_on", "wb_wait", "__wait", "wait_", "do_wait",
		"finish_wait", "prepare_to_wait", "synchronize_",
		"__synchronize",
		/* 2.6-3.x wait actions for a buffer's or a page's lock bit */
		"sync_buffer", "sync_page", "sleep_on_buffer", "sleep_on_page"
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(pfx); i++)
		if (!strncmp(fn, pfx[i], strlen(pfx[i])))
			return true;
	return false;
}

/*
 * Frames that are never the culprit, though version 1's identity frame
 * could be one (see key_frame()): compiler padding symbols, which precede
 * a function and are never running code, and what prints lockdep's and the
 * hung-task detector's reports.
 */
static const char *const never_culprit[] = {
	"__pfx_*",
	"__cfi_*",
	"debug_show_held_locks",
	"debug_show_all_locks",
	"debug_check_no_locks_held",
	"debug_check_no_obj_freed",
	"__debug_check_no_obj_freed",
	"check_hung_task",
	"check_hung_uninterruptible_tasks",
	"hung_task_*",
	"watchdog",
	"sched_show_task",
	"show_state_filter",
	"stack_trace_print",
	"__print_lock_name",
	"nmi_cpu_backtrace",
	"nmi_trigger_cpumask_backtrace",
	/* syzbot's name for dump_stack()'s inlined body ("__dump_stack
	 * lib/dump_stack.c:88 [inline]") */
	"__dump_stack",
	/* PREEMPT_RT's sleeping spinlock and rwlock/rwsem internals, under
	 * rt_spin_lock() and friends (kernel/locking/rtmutex.c, rwbase_rt.c) */
	"rtlock_*",
	"__rt_spin_*",
	"rwbase_*",
	"__rwbase_*",
	/* x86's rwsem slow-path thunks before 4.21 (arch/x86/lib/rwsem.S),
	 * under down_read()/down_write(): "call_rwsem_down_read_failed" */
	"call_rwsem_*",
};

/*
 * held lock freed: the code that freed the memory is to blame, so the
 * freeing machinery under it (slab, page allocator, KASAN and debug hooks,
 * the reference-count release dispatch) is skipped.
 */
static const char *const freeing_plumbing[] = {
	"kfree*",
	"kvfree*",
	"kzfree",
	"kmem_cache_free*",
	"__kmem_cache_free*",
	"kmem_cache_destroy",
	"slab_free*",
	"__slab_free",
	"do_slab_free",
	"discard_slab",
	"free_slab",
	"__free_slab",
	"free_debug_processing",
	"kasan_*",
	"__kasan_*",
	"____kasan_*",
	"kmemleak_free*",
	"free_pages*",
	"__free_pages*",
	"free_unref_page*",
	"__free_one_page",
	"free_pcppages_bulk",
	"vfree*",
	"__vfree*",
	"__vunmap",
	"vunmap",
	"mempool_free",
	"put_page",
	"__put_page",
	"folio_put",
	"__folio_put",
	"release_pages",
	"kref_put*",
	"kobject_put",
	"kobject_release",
	"kobject_cleanup",
	"put_device",
	"device_release",
};

#define MATCH_ANY(fn, table) symbol_match_any(fn, table, ARRAY_SIZE(table))

/*
 * Which frames a rule passes over.  RULE_KEY is version 1's identity frame,
 * kept as it was so that no signature of version 1 changes; RULE_CULPRIT is
 * the culprit shown, titled and routed: it never is an unreliable ("? ")
 * frame, a padding symbol or lockdep's reporting, and for held lock freed
 * it is the code that freed the memory (docs/signature.md).
 */
enum frame_rule { RULE_KEY, RULE_CULPRIT };

static bool frame_skipped(const struct lockdep_frame *f, enum lockdep_kind k,
			  enum frame_rule rule)
{
	if (!f->function || signature_frame_is_plumbing(f->function))
		return true;
	if (k == LOCKDEP_RCU_SUSPICIOUS && rcu_plumbing(f->function))
		return true;
	if (k == LOCKDEP_HUNG_TASK_ALL_LOCKS && hung_plumbing(f->function))
		return true;
	if (rule == RULE_KEY)
		return false;
	if (f->unreliable)
		return true;
	{
		char buf[256];
		const char *dot = strchr(f->function, '.');
		size_t n = dot ? (size_t)(dot - f->function) :
				 strlen(f->function);

		if (n >= sizeof(buf))
			return false;
		memcpy(buf, f->function, n);
		buf[n] = '\0';
		if (MATCH_ANY(buf, never_culprit))
			return true;
		if (k == LOCKDEP_HELD_LOCK_FREED &&
		    MATCH_ANY(buf, freeing_plumbing))
			return true;
	}
	return false;
}

/* Is the location "dir/file.h:N" (or without its line) in a header? */
static bool in_header(const char *file)
{
	const char *colon = strchr(file, ':');
	size_t n = colon ? (size_t)(colon - file) : strlen(file);

	return n > 2 && file[n - 2] == '.' && file[n - 1] == 'h';
}

/*
 * Is frame i of st a header's static inline that syzbot's symbolizer
 * printed on its own line ("inode_lock include/linux/fs.h:802 [inline]"
 * before "hfsplus_file_truncate+0x2b1/0xbd0 fs/hfsplus/extents.c:595")?
 * Its caller is the code that took the lock, and the culprit.  The frame
 * says it was inlined ("[inline]") and its location is a header, any
 * header, a subsystem's own too ("ni_lock fs/ntfs3/ntfs_fs.h:1116
 * [inline]", a one-line wrapper of mutex_lock()); a static function of
 * a .c file that the compiler inlined into its caller is a function of
 * its own and stays.
 */
static bool header_inline(const struct lockdep_stack *st, size_t i)
{
	const struct lockdep_frame *f = &st->frames[i];

	return f->inlined && f->file && in_header(f->file);
}

static const struct lockdep_frame *first_frame(const struct lockdep_stack *st,
					       enum lockdep_kind k,
					       enum frame_rule rule,
					       bool reliable_only)
{
	size_t i;

	if (!st)
		return NULL;
	for (i = 0; i < st->n; i++) {
		if (reliable_only && st->frames[i].unreliable)
			continue;
		if (rule == RULE_CULPRIT && header_inline(st, i))
			continue;
		if (!frame_skipped(&st->frames[i], k, rule))
			return &st->frames[i];
	}
	return NULL;
}

/* The first frame of st the rule does not skip; RULE_KEY prefers reliable
 * frames but falls back to "? " ones, RULE_CULPRIT never takes them. */
static const struct lockdep_frame *stack_culprit(const struct lockdep_stack *st,
						 enum lockdep_kind k,
						 enum frame_rule rule)
{
	const struct lockdep_frame *f = first_frame(st, k, rule, true);

	if (f || rule == RULE_CULPRIT)
		return f;
	return first_frame(st, k, rule, false);
}

static void hex_digest(const char *text, size_t len, char *out)
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned int mdlen = 0, i;
	static const char hexd[] = "0123456789abcdef";

	EVP_Digest(text, len, md, &mdlen, EVP_sha256(), NULL);
	for (i = 0; i < SIGNATURE_HEX_LEN / 2; i++) {
		out[2 * i] = hexd[md[i] >> 4];
		out[2 * i + 1] = hexd[md[i] & 15];
	}
	out[SIGNATURE_HEX_LEN] = '\0';
}

static const char *const title_fmt[LOCKDEP_KIND_NR] = {
	[LOCKDEP_CIRCULAR] = "possible deadlock",
	[LOCKDEP_RECURSIVE] = "possible deadlock",
	[LOCKDEP_INCONSISTENT_LOCK_STATE] = "inconsistent lock state",
	[LOCKDEP_IRQ_INVERSION] = "possible deadlock",
	[LOCKDEP_HARDIRQ_SAFE_UNSAFE] = "possible deadlock",
	[LOCKDEP_SOFTIRQ_SAFE_UNSAFE] = "possible deadlock",
	[LOCKDEP_BAD_UNLOCK_BALANCE] = "bad unlock balance",
	[LOCKDEP_HELD_LOCK_FREED] = "held lock freed",
	[LOCKDEP_LOCK_HELD_USER_RETURN] =
		"lock held when returning to user space",
	[LOCKDEP_RCU_SUSPICIOUS] = "suspicious RCU usage",
	[LOCKDEP_INVALID_WAIT_CONTEXT] = "invalid wait context",
	[LOCKDEP_NESTED_LOCK_NOT_TAKEN] = "nested lock was not taken",
	[LOCKDEP_STILL_HAS_LOCKS_HELD] = "still has locks held",
	[LOCKDEP_HUNG_TASK_ALL_LOCKS] = "task hung",
	[LOCKDEP_BAD_CONTENTION] = "bad contention",
	[LOCKDEP_CHAIN_KEY_COLLISION] = "chain_key collision",
};

/* A frame that stands for an acquire site given as a bare function name. */
static const struct lockdep_frame *
site_frame(const char *fn, const char *module, enum lockdep_kind k,
	   enum frame_rule rule, struct arena *a)
{
	struct lockdep_frame *f;

	if (!fn)
		return NULL;
	f = arena_alloc(a, sizeof(*f));
	f->function = fn;
	f->module = module;
	return frame_skipped(f, k, rule) ? NULL : f;
}

/* Find the frame for fn in st (to get its module and file), else fn; the
 * culprit rule does not take it from a "? " frame. */
static const struct lockdep_frame *
resolve_site(const struct lockdep_frame *site, const struct lockdep_stack *st,
	     enum frame_rule rule)
{
	size_t i, j;

	if (!site)
		return NULL;
	for (i = 0; st && i < st->n; i++)
		if (st->frames[i].function &&
		    !(rule == RULE_CULPRIT && st->frames[i].unreliable) &&
		    !strcmp(st->frames[i].function, site->function))
			break;
	if (!st || i == st->n)
		return site;
	/* the culprit rule passes a header's inline wrapper for its caller */
	for (j = i; rule == RULE_CULPRIT && j < st->n && header_inline(st, j);
	     j++)
		;
	if (j > i && j < st->n && !st->frames[j].unreliable)
		return &st->frames[j];
	return &st->frames[i];
}

/*
 * The frame a rule blames (docs/signature.md): the printed site of the lock
 * the report is about (its release site for bad unlock, the first held
 * lock's for the held-lock kinds), else the first frame of its stack that
 * the rule does not skip, else the printed site anyway.  Inconsistent lock
 * state, RCU, hung tasks and collisions go by the stack only, and so does
 * held lock freed under the culprit rule (the stack that freed it).
 */
static const struct lockdep_frame *blame(const struct lockdep_report *r,
					 const struct lockdep_stack *main_stack,
					 enum frame_rule rule, struct arena *a)
{
	enum lockdep_kind k = r->kind;
	const struct lockdep_frame *site = NULL, *f;
	size_t i, n = r->nchain;

	switch (k) {
	case LOCKDEP_BAD_UNLOCK_BALANCE:
	case LOCKDEP_BAD_CONTENTION:
		site = site_frame(r->message, NULL, k, rule, a);
		break;
	case LOCKDEP_LOCK_HELD_USER_RETURN:
	case LOCKDEP_STILL_HAS_LOCKS_HELD:
		for (i = 0; i < r->nheld && !site; i++)
			site = site_frame(r->held[i].at, r->held[i].at_module,
					  k, rule, a);
		break;
	case LOCKDEP_INCONSISTENT_LOCK_STATE:
	case LOCKDEP_RCU_SUSPICIOUS:
	case LOCKDEP_HUNG_TASK_ALL_LOCKS:
	case LOCKDEP_CHAIN_KEY_COLLISION:
		break;
	case LOCKDEP_HELD_LOCK_FREED:
		if (rule == RULE_CULPRIT)
			break;
		/* fall through */
	default:
		if (r->primary >= 0 && (size_t)r->primary < n)
			site = site_frame(r->chain[r->primary].lock.at,
					  r->chain[r->primary].lock.at_module,
					  k, rule, a);
		break;
	}
	f = site ? resolve_site(site, main_stack, rule) : NULL;
	if (!f)
		f = stack_culprit(main_stack, k, rule);
	if (!f && main_stack != &r->backtrace)
		f = stack_culprit(&r->backtrace, k, rule);
	if (!f && r->primary >= 0 && (size_t)r->primary < n &&
	    r->chain[r->primary].lock.at) {
		/* everything was plumbing: name the printed site anyway */
		struct lockdep_frame *pf = arena_alloc(a, sizeof(*pf));

		pf->function = r->chain[r->primary].lock.at;
		pf->module = r->chain[r->primary].lock.at_module;
		f = resolve_site(pf, main_stack, rule);
	}
	return f;
}

static void add_class(struct signature *sig, struct arena *a, size_t *alloc,
		      const char *c)
{
	if (sig->nclasses == *alloc) {
		size_t n = *alloc ? *alloc * 2 : 8;

		sig->classes = arena_realloc(a, sig->classes,
					     *alloc * sizeof(*sig->classes),
					     n * sizeof(*sig->classes));
		*alloc = n;
	}
	sig->classes[sig->nclasses++] = c;
}

static void add_edge(struct signature *sig, struct arena *a, size_t *alloc,
		     const char *from, const char *to,
		     const struct lockdep_stack *st, enum lockdep_kind k)
{
	struct signature_edge *e;
	struct strbuf sb = STRBUF_INIT;

	if (sig->nedges == *alloc) {
		size_t n = *alloc ? *alloc * 2 : 8;

		sig->edges = arena_realloc(a, sig->edges,
					   *alloc * sizeof(*sig->edges),
					   n * sizeof(*sig->edges));
		*alloc = n;
	}
	e = &sig->edges[sig->nedges++];
	memset(e, 0, sizeof(*e));
	e->from = from;
	e->to = to;
	e->stack = st;
	e->frame = stack_culprit(st, k, RULE_CULPRIT);
	strbuf_addf(&sb, "splatd-edge-v%d\n%s\n%s\n", SIGNATURE_ALGO_VERSION,
		    from, to);
	hex_digest(sb.buf, sb.len, e->hash);
	strbuf_release(&sb);
}

/* Smallest rotation of a cycle (classes in acquisition order). */
static size_t best_rotation(const char **c, size_t n)
{
	size_t best = 0, r, i;

	for (r = 1; r < n; r++) {
		for (i = 0; i < n; i++) {
			int cmp = strcmp(c[(r + i) % n], c[(best + i) % n]);

			if (cmp < 0) {
				best = r;
				break;
			}
			if (cmp > 0)
				break;
		}
	}
	return best;
}

int signature_compute(struct signature *sig, const struct lockdep_report *r,
		      struct arena *a)
{
	enum lockdep_kind k = r->kind;
	struct strbuf id = STRBUF_INIT, title = STRBUF_INIT;
	size_t calloc_ = 0, ealloc = 0, i, n = r->nchain;
	const char **norm;
	const struct lockdep_frame *key, *culprit;
	const struct lockdep_stack *main_stack = &r->backtrace;
	bool with_culprit = true;

	if ((unsigned)k >= LOCKDEP_KIND_NR)
		return -EINVAL;
	memset(sig, 0, sizeof(*sig));
	sig->algo_version = SIGNATURE_ALGO_VERSION;

	norm = arena_alloc(a, (n + 1) * sizeof(*norm));
	for (i = 0; i < n; i++)
		norm[i] = signature_class_normalize(r->chain[i].lock.name, a);

	strbuf_addf(&id, "splatd-v%d\n%s\n", SIGNATURE_ALGO_VERSION,
		    lockdep_kind_name(k));

	switch (k) {
	case LOCKDEP_CIRCULAR: {
		/* printed #N..#0; acquisition order is #0 -> #1 -> .. -> #N */
		const char **acq = arena_alloc(a, (n + 1) * sizeof(*acq));
		size_t rot;

		for (i = 0; i < n; i++)
			acq[i] = norm[n - 1 - i];
		rot = n ? best_rotation(acq, n) : 0;
		for (i = 0; i < n; i++)
			add_class(sig, a, &calloc_, acq[(rot + i) % n]);
		for (i = 0; i < sig->nclasses; i++)
			strbuf_addf(&id, "%s\n", sig->classes[i]);
		/* entry #k (printed n-1-k): #k-1 held while #k acquired */
		for (i = 1; i < n; i++)
			add_edge(sig, a, &ealloc, acq[i - 1], acq[i],
				 &r->chain[n - 1 - i].stack, k);
		if (n >= 2)
			add_edge(sig, a, &ealloc, acq[n - 1], acq[0],
				 &r->chain[n - 1].stack, k);
		if (n)
			main_stack = &r->chain[n - 1].stack;
		if (!main_stack->n)
			main_stack = &r->backtrace;
		with_culprit = false;
		break;
	}
	case LOCKDEP_RECURSIVE:
		for (i = 0; i < n; i++)
			if (!r->chain[i].missing)
				add_class(sig, a, &calloc_, norm[i]);
		if (n)
			strbuf_addf(&id, "%s\n", norm[0]);
		if (n >= 2 && !r->chain[0].missing && !r->chain[1].missing)
			add_edge(sig, a, &ealloc, norm[1], norm[0],
				 &r->backtrace, k);
		break;
	case LOCKDEP_HARDIRQ_SAFE_UNSAFE:
	case LOCKDEP_SOFTIRQ_SAFE_UNSAFE:
		/* a missing slot is left out, as version 1 left it out */
		for (i = 0; i < n; i++) {
			if (r->chain[i].missing)
				continue;
			add_class(sig, a, &calloc_, norm[i]);
			strbuf_addf(&id, "%s\n", norm[i]);
		}
		strbuf_addf(&id, "%s\n", r->irq_class ? r->irq_class : "");
		if (n == 4 && !r->chain[1].missing && !r->chain[2].missing)
			add_edge(sig, a, &ealloc, norm[1], norm[2],
				 &r->backtrace, k);
		with_culprit = false;
		break;
	case LOCKDEP_IRQ_INVERSION:
		for (i = 0; i < n; i++) {
			if (r->chain[i].missing)
				continue;
			add_class(sig, a, &calloc_, norm[i]);
			strbuf_addf(&id, "%s\n", norm[i]);
		}
		strbuf_addf(&id, "%s\n", r->irq_class ? r->irq_class : "");
		for (i = 1; i < n; i++)
			if (!r->chain[i - 1].missing && !r->chain[i].missing)
				add_edge(sig, a, &ealloc, norm[i - 1], norm[i],
					 &r->chain[i].stack, k);
		with_culprit = false;
		break;
	case LOCKDEP_INCONSISTENT_LOCK_STATE:
		for (i = 0; i < n; i++) {
			add_class(sig, a, &calloc_, norm[i]);
			strbuf_addf(&id, "%s\n", norm[i]);
		}
		strbuf_addf(&id, "%s -> %s\n", r->irq_from ? r->irq_from : "",
			    r->irq_to ? r->irq_to : "");
		break;
	default:
		for (i = 0; i < n; i++) {
			add_class(sig, a, &calloc_, norm[i]);
			strbuf_addf(&id, "%s\n", norm[i]);
		}
		if (k == LOCKDEP_INVALID_WAIT_CONTEXT) {
			strbuf_addf(&id, "%s\n", r->message ? r->message : "");
			if (r->nheld)
				strbuf_addf(&id, "%s\n",
					    signature_class_normalize(
						    r->held[r->nheld - 1].name,
						    a));
		} else if (k == LOCKDEP_RCU_SUSPICIOUS && r->message) {
			/* file and message; the line number drifts */
			const char *colon = strchr(r->message, ':');
			const char *sp = strchr(r->message, ' ');

			if (colon && sp && colon < sp)
				strbuf_addf(&id, "%.*s%s\n",
					    (int)(colon - r->message),
					    r->message, sp);
			else
				strbuf_addf(&id, "%s\n", r->message);
		} else if (k == LOCKDEP_LOCK_HELD_USER_RETURN ||
			   k == LOCKDEP_STILL_HAS_LOCKS_HELD ||
			   k == LOCKDEP_HUNG_TASK_ALL_LOCKS) {
			for (i = 0; i < r->nheld; i++) {
				const char *c = signature_class_normalize(
					r->held[i].name, a);

				add_class(sig, a, &calloc_, c);
				strbuf_addf(&id, "%s\n", c);
			}
		}
		break;
	}

	/*
	 * Kinds identified by their classes alone lost them all (every lock
	 * line cut or unreadable): the place in the code tells such reports
	 * apart, not one catch-all signature for all of them.
	 */
	if (!with_culprit) {
		with_culprit = true;
		for (i = 0; i < sig->nclasses && with_culprit; i++)
			with_culprit = !*sig->classes[i];
	}

	/*
	 * Version 1's identity frame and the culprit are the same frame but
	 * in a few cases (an unreliable or padding frame, lockdep's own
	 * reporting, held lock freed): see blame() and docs/signature.md.
	 */
	key = blame(r, main_stack, RULE_KEY, a);
	culprit = blame(r, main_stack, RULE_CULPRIT, a);
	sig->culprit = culprit;
	if (culprit)
		sig->culprit_function = symbol_function(culprit->function, a);
	if (key && with_culprit)
		strbuf_addf(&id, "@%s\n", symbol_function(key->function, a));

	strbuf_addstr(&title, title_fmt[k]);
	if (sig->culprit_function)
		strbuf_addf(&title, " in %s", sig->culprit_function);
	else if (sig->nclasses)
		strbuf_addf(&title, " on %s", sig->classes[0]);
	sig->title = arena_strndup(a, title.buf, title.len);
	sig->syz_title = syztitle_compute(r, a);
	hex_digest(id.buf, id.len, sig->hex);
	strbuf_release(&id);
	strbuf_release(&title);
	return 0;
}
