// SPDX-License-Identifier: GPL-2.0
/*
 * gen_corpus: write a deterministic synthetic CI kernel log corpus (boot and
 * driver noise, other oopses, a lockdep report of a varied kind every ~200 KB)
 * and the number of reports of each kind it contains (expected.tsv).
 *
 * usage: gen_corpus [-n FILES] [-m MB_PER_FILE] [-k KB_BETWEEN] [-s SEED] DIR
 *
 * The report shapes follow ../shared/LOCKDEP-FORMAT.md §3 (6.1 text) and the
 * real logs in ../shared/corpus/real/; lock names, addresses, offsets, tasks,
 * pids and timestamps vary.  Same arguments, same bytes.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "parsers/alloc.h"
#include "parsers/strbuf.h"

enum gen_kind {
	GEN_CIRCULAR,
	GEN_RECURSIVE,
	GEN_INCONSISTENT,
	GEN_IRQ_INVERSION,
	GEN_HARDIRQ_SAFE_UNSAFE,
	GEN_SOFTIRQ_SAFE_UNSAFE,
	GEN_BAD_UNLOCK,
	GEN_HELD_LOCK_FREED,
	GEN_USER_RETURN,
	GEN_RCU,
	GEN_INVALID_WAIT,
	GEN_STILL_HAS_LOCKS,
	GEN_HUNG_TASK,
	GEN_KIND_NR
};

/* The `kind` names of `splatd parse`, in enum order. */
static const char *const kind_names[GEN_KIND_NR] = {
	"circular",
	"recursive",
	"inconsistent_lock_state",
	"irq_inversion",
	"hardirq_safe_unsafe",
	"softirq_safe_unsafe",
	"bad_unlock_balance",
	"held_lock_freed",
	"lock_held_user_return",
	"rcu_suspicious",
	"invalid_wait_context",
	"still_has_locks_held",
	"hung_task_all_locks",
};

struct lock_class {
	const char *name;
	const char *usage; /* as a normal user of the lock shows it */
	const char *wait; /* wait-type suffix, 6.1 numbering */
	const char *at; /* a typical acquire site */
};

static const struct lock_class locks[] = {
	{ "&dev->mutex", "+.+.", "3:3", "device_driver_attach" },
	{ "&mm->mmap_lock", "++++", "3:3", "do_user_addr_fault" },
	{ "rtnl_mutex", "+.+.", "3:3", "rtnl_lock" },
	{ "cpu_hotplug_lock", "++++", "0:0", "cpus_read_lock" },
	{ "cpuhp_state-up", "+.+.", "0:0", "cpuhp_thread_fun" },
	{ "fs_reclaim", "+.+.", "0:0", "fs_reclaim_acquire" },
	{ "&sb->s_type->i_mutex_key#13", "++++", "3:3", "path_openat" },
	{ "&type->s_umount_key#33", "++++", "3:3", "deactivate_super" },
	{ "sb_writers#5", ".+.+", "0:0", "vfs_write" },
	{ "kn->active#167", "++++", "0:0", "kernfs_fop_write_iter" },
	{ "&of->mutex", "+.+.", "3:3", "kernfs_fop_write_iter" },
	{ "&ei->i_data_sem/2", "++++", "3:3", "ext4_map_blocks" },
	{ "jbd2_handle", "++++", "0:0", "start_this_handle" },
	{ "(wq_completion)events", "+.+.", "0:0", "process_one_work" },
	{ "(work_completion)(&(&dev_priv->hotplug.hotplug_work)->work)", "+.+.",
	  "0:0", "process_one_work" },
	{ "&dev_priv->av_mutex", "+.+.", "3:3", "i915_audio_component_bind" },
	{ "&i915->drm.struct_mutex", "+.+.", "3:3", "i915_gem_shrink" },
	{ "reservation_ww_class_mutex", "+.+.", "3:3", "dma_resv_lock" },
	{ "&xhci->lock", "-.-.", "2:2", "xhci_irq" },
	{ "&p->pi_lock", "-.-.", "2:2", "try_to_wake_up" },
	{ "&rq->__lock", "-.-.", "2:2", "raw_spin_rq_lock_nested" },
	{ "(console_sem).lock", "-.-.", "2:2", "down_trylock" },
	{ "&q->lock", "+.-.", "2:2", "mt76_dma_cleanup" },
	{ "&dev->power.lock", "-.-.", "2:2", "pm_runtime_work" },
	{ "&ctx->wqh#2", "..-.", "2:2", "__wake_up_common_lock" },
	{ "&zone->lock", "..-.", "2:2", "rmqueue_bulk" },
	{ "pin_fs_lock", "+.+.", "2:2", "simple_pin_fs" },
	{ "&memcg->event_list_lock", "+.+.", "2:2",
	  "memcg_write_event_control" },
	{ "&fs_info->chunk_mutex", "+.+.", "3:3", "btrfs_chunk_alloc" },
	{ "&fs_devs->device_list_mutex", "+.+.", "3:3", "btrfs_run_dev_stats" },
	{ "&vcpu->mutex", "+.+.", "3:3", "kvm_vcpu_ioctl" },
	{ "&kvm->lock", "+.+.", "3:3", "kvm_vm_ioctl" },
	{ "&kvm->srcu", "....", "0:0", "vcpu_enter_guest" },
	{ "rcu_read_lock", "....", "1:2", "rcu_lock_acquire" },
	{ "&ctx->uring_lock", "+.+.", "3:3", "io_ring_submit_lock" },
	{ "&rtwdev->mutex", "+.+.", "3:3", "rtw_watch_dog_work" },
	{ "&srv->paths_mutex", "+.+.", "3:3", "rtrs_srv_close_work" },
	{ "&c->lock", "....", "3:3", "put_cpu_partial" },
	{ "&port_lock_key", "-.-.", "2:2", "serial8250_console_write" },
	{ "tasklist_lock", ".+.?", "2:2", "do_wait" },
	{ "&(&priv->bus_notifier)->rwsem", "++++", "3:3",
	  "blocking_notifier_call_chain" },
	{ "&pipe->mutex/1", "+.+.", "3:3", "pipe_write" },
	{ "system_transition_mutex", "+.+.", "3:3", "pm_suspend" },
	{ "&xa->xa_lock#14", "..-.", "2:2", "__xa_erase" },
	{ "&wb->list_lock", "+.+.", "2:2", "inode_io_list_del" },
	{ "&journal->j_state_lock", "++++", "2:2", "jbd2_journal_commit" },
};

/* Locks that are also taken from interrupts (irq-safe in a report). */
static const char *const irq_locks[] = {
	"&xhci->lock",	   "&p->pi_lock",	 "&rq->__lock",
	"&port_lock_key",  "(console_sem).lock", "&dev->power.lock",
	"&q->lock",	   "&zone->lock",	 "&ctx->wqh#2",
	"&xa->xa_lock#14",
};

struct func {
	const char *name;
	const char *module; /* NULL for built-in */
};

static const struct func funcs[] = {
	{ "i915_gem_do_execbuffer", "i915" },
	{ "i915_gem_execbuffer2_ioctl", "i915" },
	{ "intel_atomic_commit_tail", "i915" },
	{ "intel_runtime_resume", "i915" },
	{ "i915_driver_probe", "i915" },
	{ "drm_ioctl_kernel", NULL },
	{ "drm_ioctl", NULL },
	{ "drm_atomic_helper_commit", NULL },
	{ "coretemp_cpu_online", "coretemp" },
	{ "cpuhp_invoke_callback", NULL },
	{ "platform_device_add", NULL },
	{ "device_add", NULL },
	{ "pci_device_probe", NULL },
	{ "really_probe", NULL },
	{ "__driver_probe_device", NULL },
	{ "driver_probe_device", NULL },
	{ "__driver_attach", NULL },
	{ "bus_for_each_dev", NULL },
	{ "bus_add_driver", NULL },
	{ "driver_register", NULL },
	{ "usb_probe_interface", NULL },
	{ "xhci_alloc_streams", NULL },
	{ "uas_probe", "uas" },
	{ "iwl_pci_probe", "iwlwifi" },
	{ "iwl_mvm_mac_start", "iwlmvm" },
	{ "ieee80211_do_open", "mac80211" },
	{ "rtw_watch_dog_work", "rtw88_core" },
	{ "mt76_dma_cleanup", "mt76" },
	{ "e1000_watchdog_task", "e1000e" },
	{ "igc_probe", "igc" },
	{ "ext4_buffered_write_iter", NULL },
	{ "ext4_da_write_begin", NULL },
	{ "ext4_evict_inode", NULL },
	{ "jbd2_journal_commit_transaction", NULL },
	{ "btrfs_commit_transaction", "btrfs" },
	{ "btrfs_chunk_alloc", "btrfs" },
	{ "xfs_ilock", "xfs" },
	{ "kernfs_fop_write_iter", NULL },
	{ "vfs_write", NULL },
	{ "ksys_write", NULL },
	{ "path_openat", NULL },
	{ "do_filp_open", NULL },
	{ "do_sys_openat2", NULL },
	{ "__x64_sys_openat", NULL },
	{ "__x64_sys_ioctl", NULL },
	{ "kvm_vcpu_ioctl", "kvm" },
	{ "kvm_arch_vcpu_ioctl_run", "kvm" },
	{ "io_issue_sqe", NULL },
	{ "io_wqe_worker", NULL },
	{ "shrink_node", NULL },
	{ "balance_pgdat", NULL },
	{ "kswapd", NULL },
	{ "__alloc_pages_slowpath.constprop.0", NULL },
	{ "__kmalloc", NULL },
	{ "netif_receive_skb_list_internal", NULL },
	{ "napi_gro_receive", NULL },
	{ "tcp_v4_rcv", NULL },
	{ "ip_finish_output2", NULL },
	{ "dev_queue_xmit", NULL },
	{ "rtnl_newlink", NULL },
	{ "rtnetlink_rcv_msg", NULL },
	{ "netlink_rcv_skb", NULL },
	{ "pm_suspend", NULL },
	{ "dpm_suspend", NULL },
	{ "pm_runtime_work", NULL },
	{ "rpm_callback", NULL },
	{ "serial8250_console_write", NULL },
	{ "console_unlock", NULL },
	{ "vprintk_emit", NULL },
	{ "call_timer_fn", NULL },
	{ "run_timer_softirq", NULL },
	{ "__do_softirq", NULL },
	{ "memcg_write_event_control", NULL },
	{ "cgroup_file_write", NULL },
	{ "snd_hda_codec_configure", "snd_hda_codec" },
	{ "azx_probe_continue", "snd_hda_intel" },
	{ "nvme_reset_work", "nvme" },
	{ "blk_mq_run_hw_queue", NULL },
	{ "scsi_queue_rq", NULL },
	{ "ata_scsi_queuecmd", "libata" },
};

/* The bottom of a stack: entry from user space, a kthread or a worker. */
static const char *const tails[][4] = {
	{ "__x64_sys_ioctl", "do_syscall_64", "entry_SYSCALL_64_after_hwframe",
	  NULL },
	{ "ksys_write", "do_syscall_64", "entry_SYSCALL_64_after_hwframe",
	  NULL },
	{ "worker_thread", "kthread", "ret_from_fork", NULL },
	{ "smpboot_thread_fn", "kthread", "ret_from_fork", NULL },
	{ "do_init_module", "load_module", "__do_sys_finit_module",
	  "do_syscall_64" },
	{ "kernel_init_freeable", "kernel_init", "ret_from_fork", NULL },
};

static const char *const tasks[] = {
	"kworker/u16:3",   "kworker/2:1",
	"cpuhp/0",	   "systemd-udevd",
	"modprobe",	   "i915_selftest",
	"kms_flip",	   "Xorg",
	"rs:main Q:Reg",   "CPU 1/KVM",
	"kswapd0",	   "fsstress",
	"btrfs-transacti", "jbd2/nvme0n1p2-8",
	"irq/127-iwlwifi", "gem_exec_fence",
	"kworker/u8:0",	   "NetworkManager",
	"iou-wrk-366",	   "systemd",
};

static const char *const hw_names[] = {
	"Intel Corporation Alder Lake Client Platform/AlderLake-P DDR4 RVP, "
	"BIOS ADLPFWI1.R00.3135.A00.2203251419 03/25/2022",
	"QEMU Standard PC (Q35 + ICH9, 2009), BIOS "
	"rel-1.16.0-0-gd239552ce722-prebuilt.qemu.org 04/01/2014",
	"Dell Inc. XPS 13 9310/0MRT12, BIOS 3.4.0 09/27/2021",
	"LENOVO 20XW0055GE/20XW0055GE, BIOS N32ET75W (1.51 ) 12/02/2021",
};

/* Ordinary kernel output; '@' tokens are filled in by gen_expand(). */
static const char *const noise[] = {
	"pci @b: [8086:@x4] type 00 class 0x0c0330",
	"pci @b: reg 0x10: [mem 0x@x8-0x@x8 64bit]",
	"pci @b: PME# supported from D3hot D3cold",
	"pci @b: BAR 0: assigned [mem 0x@x8-0x@x8 64bit]",
	"pcieport @b: PME: Signaling with IRQ @n",
	"usb 1-@d: new high-speed USB device number @n using xhci_hcd",
	"usb 1-@d: New USB device found, idVendor=@x4, idProduct=@x4, "
	"bcdDevice= 1.@d0",
	"usb 1-@d: Product: USB2.0 Hub",
	"hub 1-@d:1.0: @d ports detected",
	"EXT4-fs (nvme0n1p@d): mounted filesystem with ordered data mode. "
	"Quota mode: none.",
	"EXT4-fs (nvme0n1p@d): re-mounted. Quota mode: none.",
	"i915 @b: [drm] GuC firmware i915/adlp_guc_70.bin version 70.@d.@d",
	"i915 @b: [drm] HuC firmware i915/tgl_huc.bin version 7.9.3",
	"[drm] Initialized i915 1.6.0 20201103 for @b on minor @d",
	"i915 @b: [drm] *ERROR* CPU pipe A FIFO underrun",
	"[IGT] kms_flip: executing",
	"[IGT] kms_flip: starting subtest flip-vs-expired-vblank-interruptible",
	"[IGT] gem_exec_fence: finished subtest basic-await, SUCCESS",
	"e1000e @b eth0: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: "
	"Rx/Tx",
	"IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready",
	"iwlwifi @b: loaded firmware version 72.daa05125.0 "
	"QuZ-a0-hr-b0-72.ucode op_mode iwlmvm",
	"wlan0: authenticate with @m",
	"wlan0: associated",
	"audit: type=1400 audit(1664@n.@n:@n): apparmor=\"STATUS\" "
	"operation=\"profile_load\" name=\"/usr/sbin/cupsd\" pid=@n",
	"systemd[1]: Started Journal Service.",
	"systemd[1]: Mounted /boot/efi.",
	"systemd-journald[@n]: Received client request to flush runtime "
	"journal.",
	"random: crng init done",
	"NET: Registered PF_INET6 protocol family",
	"snd_hda_intel @b: bound @b (ops i915_audio_component_bind_ops [i915])",
	"nvme nvme0: @d/0/0 default/read/poll queues",
	"ACPI: \\_SB_.PCI0.GP@d: New power resource",
	"input: Power Button as /devices/LNXSYSTM:00/LNXPWRBN:00/input/input@d",
	"perf: interrupt took too long (@n > @n), lowering "
	"kernel.perf_event_max_sample_rate to @n",
	"kvm: vcpu @d: requested @n ns lapic timer period limited to 200000 ns",
	"docker0: port 1(veth@x4) entered forwarding state",
	"xhci_hcd @b: xHCI Host Controller",
	"sd 0:0:0:0: [sda] @n 512-byte logical blocks",
	"Bluetooth: hci0: Firmware revision 0.0 build 14 week 44 2021",
	"thermal thermal_zone@d: failed to read out thermal zone (-61)",
};

struct gen {
	uint64_t rng;
	FILE *out;
	int style; /* 0 "<4>[ts] ", 1 "[ts] ", 2 "[ts][T15] " */
	unsigned long long usec; /* current timestamp */
	unsigned long long bytes;
	struct strbuf line;
	struct strbuf tmp;
	char release[96];
	char taint[48];
	/* the task of the report being written */
	const char *task;
	long pid;
	long caller; /* the caller id of the lines being written */
	unsigned cpu;
	unsigned counts[GEN_KIND_NR];
	unsigned oopses;
};

static uint64_t gen_rand(struct gen *g)
{
	/* splitmix64: small, fast and good enough for synthetic text */
	uint64_t z = (g->rng += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned gen_below(struct gen *g, unsigned n)
{
	return (unsigned)(gen_rand(g) % n);
}

/* Emit one physical line with the file's transport prefix. */
static void gen_emit(struct gen *g, const char *text, size_t len)
{
	struct strbuf *sb = &g->line;
	unsigned long long s = g->usec / 1000000, us = g->usec % 1000000;

	strbuf_reset(sb);
	if (g->style == 0)
		strbuf_addstr(sb, "<4>");
	strbuf_addf(sb, "[%5llu.%06llu] ", s, us);
	if (g->style == 2) {
		char caller[24];

		snprintf(caller, sizeof(caller), "T%ld", g->caller);
		strbuf_setlen(sb, sb->len - 1);
		strbuf_addf(sb, "[%6s] ", caller);
	}
	strbuf_add(sb, text, len);
	strbuf_addch(sb, '\n');
	fwrite(sb->buf, 1, sb->len, g->out);
	g->bytes += sb->len;
	g->usec += 1 + gen_below(g, 40);
}

static __attribute__((format(printf, 2, 3))) void gen_line(struct gen *g,
							   const char *fmt, ...)
{
	va_list ap;

	strbuf_reset(&g->tmp);
	va_start(ap, fmt);
	strbuf_vaddf(&g->tmp, fmt, ap);
	va_end(ap);
	gen_emit(g, g->tmp.buf, g->tmp.len);
}

/* Fill '@' tokens of a noise template: @b BDF, @x4/@x8 hex, @n, @d, @m. */
static void gen_expand(struct gen *g, const char *t)
{
	struct strbuf *sb = &g->tmp;

	strbuf_reset(sb);
	for (; *t; t++) {
		if (*t != '@') {
			strbuf_addch(sb, *t);
			continue;
		}
		switch (*++t) {
		case 'b':
			strbuf_addf(sb, "0000:%02x:%02x.%u", gen_below(g, 256),
				    gen_below(g, 32), gen_below(g, 8));
			break;
		case 'x':
			t++;
			if (*t == '4')
				strbuf_addf(sb, "%04x", gen_below(g, 0x10000));
			else
				strbuf_addf(sb, "%08llx",
					    (unsigned long long)gen_rand(g) >>
						    32);
			break;
		case 'n':
			strbuf_addf(sb, "%u", gen_below(g, 100000));
			break;
		case 'd':
			strbuf_addf(sb, "%u", 1 + gen_below(g, 9));
			break;
		case 'm': {
			uint64_t m = gen_rand(g);

			strbuf_addf(sb, "%02x:%02x:%02x:%02x:%02x:%02x",
				    (unsigned)(m & 0xfe),
				    (unsigned)(m >> 8) & 255,
				    (unsigned)(m >> 16) & 255,
				    (unsigned)(m >> 24) & 255,
				    (unsigned)(m >> 32) & 255,
				    (unsigned)(m >> 40) & 255);
			break;
		}
		default:
			strbuf_addch(sb, '@');
			t--;
		}
	}
	gen_emit(g, sb->buf, sb->len);
}

static unsigned long long gen_heap_addr(struct gen *g)
{
	return 0xffff888100000000ULL | (gen_rand(g) & 0xffffff8ULL) << 4;
}

static unsigned long long gen_static_addr(struct gen *g)
{
	return 0xffffffff82000000ULL | (gen_rand(g) & 0xfffff8ULL);
}

/* "sym+0x1a/0x90 [mod]" into sb */
static void gen_sym(struct gen *g, struct strbuf *sb, const char *name,
		    const char *module)
{
	unsigned len = 0x40 + gen_below(g, 0x800);

	strbuf_addf(sb, "%s+0x%x/0x%x", name, gen_below(g, len), len);
	if (module)
		strbuf_addf(sb, " [%s]", module);
}

static void gen_frame(struct gen *g, const char *indent, const char *name,
		      const char *module)
{
	strbuf_reset(&g->tmp);
	strbuf_addstr(&g->tmp, indent);
	gen_sym(g, &g->tmp, name, module);
	gen_emit(g, g->tmp.buf, g->tmp.len);
}

/* A random call chain below `top` (which may be NULL), ending in a tail. */
static void gen_stack(struct gen *g, const char *indent, const char *top,
		      bool unreliable)
{
	const char *const *tail = tails[gen_below(g, ARRAY_SIZE(tails))];
	unsigned i, n = 2 + gen_below(g, 8);

	if (top)
		gen_frame(g, indent, top, NULL);
	for (i = 0; i < n; i++) {
		const struct func *f = &funcs[gen_below(g, ARRAY_SIZE(funcs))];

		if (unreliable && !gen_below(g, 5)) {
			strbuf_reset(&g->tmp);
			strbuf_addf(&g->tmp, "%s? ", indent);
			gen_sym(g, &g->tmp, f->name, f->module);
			gen_emit(g, g->tmp.buf, g->tmp.len);
			continue;
		}
		gen_frame(g, indent, f->name, f->module);
	}
	for (i = 0; i < 4 && tail[i]; i++)
		gen_frame(g, indent, tail[i], NULL);
}

/* A lockdep-saved trace (no '?' frames) of an acquisition of a lock. */
static void gen_saved_trace(struct gen *g, const char *indent,
			    const char *primitive)
{
	gen_frame(g, indent, "lock_acquire", NULL);
	gen_frame(g, indent, primitive, NULL);
	gen_stack(g, indent, NULL, false);
}

static const struct lock_class *gen_lock(struct gen *g)
{
	return &locks[gen_below(g, ARRAY_SIZE(locks))];
}

/* n distinct lock classes */
static void gen_pick_locks(struct gen *g, const struct lock_class **out,
			   unsigned n)
{
	unsigned i, j;

	for (i = 0; i < n; i++) {
again:
		out[i] = gen_lock(g);
		for (j = 0; j < i; j++)
			if (out[j] == out[i])
				goto again;
	}
}

static const struct lock_class *gen_lock_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(locks); i++)
		if (!strcmp(locks[i].name, name))
			return &locks[i];
	return &locks[0];
}

/* print_lock(): "ADDR (NAME){USAGE}-{W}, at: SITE" with optional " #i: " */
static void gen_lock_line(struct gen *g, int idx, const struct lock_class *l,
			  const char *usage)
{
	struct strbuf *sb = &g->tmp;

	strbuf_reset(sb);
	if (idx >= 0)
		strbuf_addf(sb, " #%d: ", idx);
	strbuf_addf(sb, "%016llx (%s){%s}-{%s}, at: ",
		    l->at[0] == 'p' && !strcmp(l->at, "process_one_work") ?
			    gen_static_addr(g) :
			    gen_heap_addr(g),
		    l->name, usage ? usage : l->usage, l->wait);
	gen_sym(g, sb, l->at, NULL);
	gen_emit(g, sb->buf, sb->len);
}

static void gen_blank(struct gen *g)
{
	gen_emit(g, "", 0);
}

static void gen_banner(struct gen *g, const char *header, size_t width)
{
	char rule[80];

	if (width >= sizeof(rule))
		width = sizeof(rule) - 1;
	gen_blank(g);
	memset(rule, '=', width);
	gen_emit(g, rule, width);
	gen_emit(g, header, strlen(header));
	gen_line(g, "%s #1 %s", g->release, g->taint);
	memset(rule, '-', width);
	gen_emit(g, rule, width);
}

/* held-locks list; `last` (may be NULL) is the innermost held lock */
static void gen_held(struct gen *g, const struct lock_class *last,
		     unsigned nmore)
{
	const struct lock_class *l[6];
	unsigned i, n = nmore + (last ? 1 : 0);

	if (!n) {
		gen_line(g, "no locks held by %s/%ld.", g->task, g->pid);
		return;
	}
	gen_pick_locks(g, l, nmore);
	gen_line(g, "%u lock%s held by %s/%ld:", n, n > 1 ? "s" : "", g->task,
		 g->pid);
	for (i = 0; i < nmore; i++)
		gen_lock_line(g, (int)i, l[i], NULL);
	if (last)
		gen_lock_line(g, (int)nmore, last, NULL);
}

/* dump_stack(): the "CPU:" header and an x86 Call Trace. */
static void gen_dump_stack(struct gen *g, const char *const *lockdep_frames)
{
	const char *lf;

	gen_line(g, "CPU: %u PID: %ld Comm: %s %s %s #1", g->cpu, g->pid,
		 g->task, g->taint, g->release);
	gen_line(g, "Hardware name: %s",
		 hw_names[gen_below(g, ARRAY_SIZE(hw_names))]);
	if (!strncmp(g->task, "kworker", 7))
		gen_line(g, "Workqueue: events_unbound async_run_entry_fn");
	gen_line(g, "Call Trace:");
	gen_line(g, " <TASK>");
	gen_frame(g, " ", "dump_stack_lvl", NULL);
	for (; (lf = *lockdep_frames); lockdep_frames++)
		gen_frame(g, " ", lf, NULL);
	gen_stack(g, " ", NULL, true);
	gen_line(g, " </TASK>");
}

static void gen_backtrace(struct gen *g, const char *const *lockdep_frames)
{
	gen_blank(g);
	gen_line(g, "stack backtrace:");
	gen_dump_stack(g, lockdep_frames);
}

static void gen_task(struct gen *g)
{
	g->task = tasks[gen_below(g, ARRAY_SIZE(tasks))];
	g->pid = 1 + gen_below(g, 30000);
	g->cpu = gen_below(g, 8);
	g->caller = g->pid;
}

static void rep_circular(struct gen *g)
{
	static const char *const lf[] = { "check_noncircular", "__lock_acquire",
					  "lock_acquire", "__mutex_lock",
					  NULL };
	const struct lock_class *l[4];
	unsigned n = 2 + gen_below(g, 3), i;

	gen_pick_locks(g, l, n);
	/* l[0] = the new lock (#0), l[n-1] = the held lock (#N) */
	gen_banner(g, "WARNING: possible circular locking dependency detected",
		   54);
	gen_line(g, "%s/%ld is trying to acquire lock:", g->task, g->pid);
	gen_lock_line(g, -1, l[0], NULL);
	gen_blank(g);
	gen_line(g, "but task is already holding lock:");
	gen_lock_line(g, -1, l[n - 1], NULL);
	gen_blank(g);
	gen_line(g, "which lock already depends on the new lock.");
	gen_blank(g);
	gen_blank(g);
	gen_line(g, "the existing dependency chain (in reverse order) is:");
	for (i = n; i-- > 0;) {
		gen_blank(g);
		gen_line(g, "-> #%u (%s){%s}-{%s}:", i, l[i]->name, l[i]->usage,
			 l[i]->wait);
		if (i == 0) {
			gen_frame(g, "       ", "validate_chain", NULL);
			gen_frame(g, "       ", "__lock_acquire", NULL);
		}
		gen_saved_trace(g, "       ", "__mutex_lock");
	}
	gen_blank(g);
	gen_line(g, "other info that might help us debug this:");
	gen_blank(g);
	if (n > 2) {
		strbuf_reset(&g->tmp);
		strbuf_addf(&g->tmp, "Chain exists of:");
		gen_emit(g, g->tmp.buf, g->tmp.len);
		strbuf_reset(&g->tmp);
		strbuf_addf(&g->tmp, "  %s", l[0]->name);
		for (i = n - 1; i >= 1; i--)
			strbuf_addf(&g->tmp, " --> %s", l[i]->name);
		gen_emit(g, g->tmp.buf, g->tmp.len);
		gen_blank(g);
	}
	gen_line(g, " Possible unsafe locking scenario:");
	gen_blank(g);
	gen_line(g, "       CPU0                    CPU1");
	gen_line(g, "       ----                    ----");
	gen_line(g, "  lock(%s);", l[n - 1]->name);
	gen_line(g, "                               lock(%s);", l[n - 2]->name);
	gen_line(g, "                               lock(%s);", l[n - 1]->name);
	gen_line(g, "  lock(%s);", l[0]->name);
	gen_blank(g);
	gen_line(g, " *** DEADLOCK ***");
	gen_blank(g);
	gen_held(g, l[n - 1], gen_below(g, 3));
	gen_backtrace(g, lf);
}

static void rep_recursive(struct gen *g)
{
	static const char *const lf[] = { "print_deadlock_bug",
					  "__lock_acquire", "lock_acquire",
					  "__mutex_lock", NULL };
	const struct lock_class *l = gen_lock(g);

	gen_banner(g, "WARNING: possible recursive locking detected", 44);
	gen_line(g, "%s/%ld is trying to acquire lock:", g->task, g->pid);
	gen_lock_line(g, -1, l, NULL);
	gen_blank(g);
	gen_line(g, "but task is already holding lock:");
	gen_lock_line(g, -1, l, NULL);
	gen_blank(g);
	gen_line(g, "other info that might help us debug this:");
	gen_line(g, " Possible unsafe locking scenario:");
	gen_blank(g);
	gen_line(g, "       CPU0");
	gen_line(g, "       ----");
	gen_line(g, "  lock(%s);", l->name);
	gen_line(g, "  lock(%s);", l->name);
	gen_blank(g);
	gen_line(g, " *** DEADLOCK ***");
	gen_blank(g);
	gen_line(g, " May be due to missing lock nesting notation");
	gen_blank(g);
	gen_held(g, l, gen_below(g, 3));
	gen_backtrace(g, lf);
}

static void gen_irq_stamp(struct gen *g)
{
	unsigned long stamp = 1000 + gen_below(g, 2000000);

	gen_line(g, "irq event stamp: %lu", stamp);
	gen_line(g,
		 "hardirqs last  enabled at (%lu): [<%016llx>] "
		 "_raw_spin_unlock_irqrestore+0x34/0x54",
		 stamp - 1, gen_static_addr(g));
	gen_line(g,
		 "hardirqs last disabled at (%lu): [<%016llx>] "
		 "_raw_spin_lock_irqsave+0x5d/0x60",
		 stamp, gen_static_addr(g));
	gen_line(g,
		 "softirqs last  enabled at (%lu): [<%016llx>] "
		 "__do_softirq+0x467/0x6e1",
		 stamp - 11, gen_static_addr(g));
	gen_line(g,
		 "softirqs last disabled at (%lu): [<%016llx>] "
		 "irq_exit_rcu+0xa/0x20",
		 stamp - 6, gen_static_addr(g));
}

static void rep_inconsistent(struct gen *g)
{
	static const char *const lf[] = { "mark_lock", "__lock_acquire",
					  "lock_acquire",
					  "_raw_spin_lock_irqsave", NULL };
	static const char *const tr[][2] = {
		{ "SOFTIRQ-ON-W", "IN-SOFTIRQ-W" },
		{ "IN-SOFTIRQ-W", "SOFTIRQ-ON-W" },
		{ "HARDIRQ-ON-W", "IN-HARDIRQ-W" },
		{ "IN-HARDIRQ-W", "HARDIRQ-ON-W" },
	};
	const char *const *t = tr[gen_below(g, ARRAY_SIZE(tr))];
	const struct lock_class *l = gen_lock_by_name(
		irq_locks[gen_below(g, ARRAY_SIZE(irq_locks))]);

	gen_banner(g, "WARNING: inconsistent lock state", 32);
	gen_line(g, "inconsistent {%s} -> {%s} usage.", t[0], t[1]);
	gen_line(g, "%s/%ld [HC%d[%d]:SC%d[%d]:HE%d:SE%d] takes:", g->task,
		 g->pid, t[1][3] == 'H', t[1][3] == 'H', t[1][3] == 'S',
		 t[1][3] == 'S', t[1][3] != 'H', t[1][3] != 'S');
	gen_lock_line(g, -1, l, t[1][3] == 'H' ? "?.-." : "+.?.");
	gen_line(g, "{%s} state was registered at:", t[0]);
	gen_saved_trace(g, "  ", "_raw_spin_lock");
	gen_irq_stamp(g);
	gen_blank(g);
	gen_line(g, "other info that might help us debug this:");
	gen_line(g, " Possible unsafe locking scenario:");
	gen_blank(g);
	gen_line(g, "       CPU0");
	gen_line(g, "       ----");
	gen_line(g, "  lock(%s);", l->name);
	gen_line(g, "  <Interrupt>");
	gen_line(g, "    lock(%s);", l->name);
	gen_blank(g);
	gen_line(g, " *** DEADLOCK ***");
	gen_blank(g);
	gen_held(g, NULL, gen_below(g, 3));
	gen_backtrace(g, lf);
}

/* print_lock_class_header() + usage traces, as in "shortest dependencies" */
static void gen_class_block(struct gen *g, const struct lock_class *l,
			    const char *lead, bool irq_safe, const char *irq)
{
	gen_line(g, "%s-> (%s){%s}-{%s} {", lead, l->name, l->usage, l->wait);
	if (irq_safe) {
		gen_line(g, "%s   IN-%s-W at:", lead, irq);
		gen_saved_trace(g, "                    ",
				"_raw_spin_lock_irqsave");
	} else {
		gen_line(g, "%s   %s-ON-W at:", lead, irq);
		gen_saved_trace(g, "                    ", "_raw_spin_lock");
	}
	gen_line(g, "%s   INITIAL USE at:", lead);
	gen_saved_trace(g, "                   ", "_raw_spin_lock");
	gen_line(g, "%s }", lead);
	gen_line(g, "%s ... key      at: [<%016llx>] __key.%u+0x0/0x10", lead,
		 gen_static_addr(g), gen_below(g, 90000));
}

static void rep_irq_inversion(struct gen *g)
{
	static const char *const lf[] = { "print_irq_inversion_bug.part.0",
					  "mark_lock", "__lock_acquire",
					  "lock_acquire", NULL };
	const char *irq = gen_below(g, 2) ? "SOFTIRQ" : "HARDIRQ";
	const struct lock_class *safe = gen_lock_by_name(
		irq_locks[gen_below(g, ARRAY_SIZE(irq_locks))]);
	const struct lock_class *this;

	do
		this = gen_lock(g);
	while (this == safe);
	gen_banner(g,
		   "WARNING: possible irq lock inversion dependency detected",
		   56);
	gen_line(g, "%s/%ld just changed the state of lock:", g->task, g->pid);
	gen_lock_line(g, -1, this, NULL);
	gen_line(g,
		 "but this lock was taken by another, %s-safe lock in the "
		 "past:",
		 irq);
	gen_line(g, " (%s){%s}-{%s}", safe->name, safe->usage, safe->wait);
	gen_blank(g);
	gen_blank(g);
	gen_line(g, "and interrupts could create inverse lock ordering between "
		    "them.");
	gen_blank(g);
	gen_blank(g);
	gen_line(g, "other info that might help us debug this:");
	gen_line(g, " Possible interrupt unsafe locking scenario:");
	gen_blank(g);
	gen_line(g, "       CPU0                    CPU1");
	gen_line(g, "       ----                    ----");
	gen_line(g, "  lock(%s);", this->name);
	gen_line(g, "                               local_irq_disable();");
	gen_line(g, "                               lock(%s);", safe->name);
	gen_line(g, "                               lock(%s);", this->name);
	gen_line(g, "  <Interrupt>");
	gen_line(g, "    lock(%s);", safe->name);
	gen_blank(g);
	gen_line(g, " *** DEADLOCK ***");
	gen_blank(g);
	gen_held(g, NULL, 1 + gen_below(g, 2));
	gen_blank(g);
	gen_line(g, "the shortest dependencies between 2nd lock and 1st lock:");
	gen_class_block(g, safe, " ", true, irq);
	gen_line(g, "  ... acquired at:");
	gen_saved_trace(g, "   ", "_raw_spin_lock");
	gen_blank(g);
	gen_class_block(g, this, "", false, irq);
	gen_backtrace(g, lf);
}

static void rep_safe_unsafe(struct gen *g, const char *irq)
{
	static const char *const lf[] = {
		"print_bad_irq_dependency", "check_irq_usage",
		"__lock_acquire",	    "lock_acquire",
		"_raw_spin_lock",	    NULL
	};
	const struct lock_class *prev = gen_lock_by_name(
		irq_locks[gen_below(g, ARRAY_SIZE(irq_locks))]);
	const struct lock_class *next;

	do
		next = gen_lock(g);
	while (next == prev);
	gen_banner(g,
		   irq[0] == 'H' ?
			   "WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock "
			   "order detected" :
			   "WARNING: SOFTIRQ-safe -> SOFTIRQ-unsafe lock "
			   "order detected",
		   53);
	gen_line(g, "%s/%ld [HC0[0]:SC0[0]:HE0:SE1] is trying to acquire:",
		 g->task, g->pid);
	gen_lock_line(g, -1, next, NULL);
	gen_blank(g);
	gen_line(g, "and this task is already holding:");
	gen_lock_line(g, -1, prev, NULL);
	gen_line(g, "which would create a new lock dependency:");
	gen_line(g, " (%s){%s}-{%s} -> (%s){%s}-{%s}", prev->name, prev->usage,
		 prev->wait, next->name, next->usage, next->wait);
	gen_blank(g);
	gen_line(g,
		 "but this new dependency connects a %s-irq-safe lock:", irq);
	gen_line(g, " (%s){%s}-{%s}", prev->name, prev->usage, prev->wait);
	gen_blank(g);
	gen_line(g, "... which became %s-irq-safe at:", irq);
	gen_saved_trace(g, "  ", "_raw_spin_lock_irqsave");
	gen_blank(g);
	gen_line(g, "to a %s-irq-unsafe lock:", irq);
	gen_line(g, " (%s){%s}-{%s}", next->name, next->usage, next->wait);
	gen_blank(g);
	gen_line(g, "... which became %s-irq-unsafe at:", irq);
	gen_line(g, "...");
	gen_saved_trace(g, "  ", "_raw_spin_lock");
	gen_blank(g);
	gen_line(g, "other info that might help us debug this:");
	gen_blank(g);
	gen_line(g, " Possible interrupt unsafe locking scenario:");
	gen_blank(g);
	gen_line(g, "       CPU0                    CPU1");
	gen_line(g, "       ----                    ----");
	gen_line(g, "  lock(%s);", next->name);
	gen_line(g, "                               local_irq_disable();");
	gen_line(g, "                               lock(%s);", prev->name);
	gen_line(g, "                               lock(%s);", next->name);
	gen_line(g, "  <Interrupt>");
	gen_line(g, "    lock(%s);", prev->name);
	gen_blank(g);
	gen_line(g, " *** DEADLOCK ***");
	gen_blank(g);
	gen_held(g, prev, gen_below(g, 3));
	gen_blank(g);
	gen_line(g,
		 "the dependencies between %s-irq-safe lock and the holding "
		 "lock:",
		 irq);
	gen_class_block(g, prev, "", true, irq);
	gen_blank(g);
	gen_line(g, "the dependencies between the lock to be acquired");
	gen_line(g, " and %s-irq-unsafe lock:", irq);
	gen_class_block(g, next, "", false, irq);
	gen_line(g, " ... acquired at:");
	gen_saved_trace(g, "   ", "_raw_spin_lock");
	gen_backtrace(g, lf);
}

static void rep_bad_unlock(struct gen *g)
{
	static const char *const lf[] = { "print_unlock_imbalance_bug.part.0",
					  "lock_release", "mutex_unlock",
					  NULL };
	const struct lock_class *l = gen_lock(g);
	const char *hash = strchr(l->name, '#');
	int len = hash ? (int)(hash - l->name) : (int)strlen(l->name);
	const struct func *f = &funcs[gen_below(g, ARRAY_SIZE(funcs))];

	gen_banner(g, "WARNING: bad unlock balance detected!", 37);
	gen_line(g, "%s/%ld is trying to release lock (%.*s) at:", g->task,
		 g->pid, len, l->name);
	strbuf_reset(&g->tmp);
	strbuf_addf(&g->tmp, "[<%016llx>] ", gen_static_addr(g));
	gen_sym(g, &g->tmp, f->name, f->module);
	gen_emit(g, g->tmp.buf, g->tmp.len);
	gen_line(g, "but there are no more locks to release!");
	gen_blank(g);
	gen_line(g, "other info that might help us debug this:");
	gen_held(g, NULL, gen_below(g, 3));
	gen_backtrace(g, lf);
}

static void rep_held_lock_freed(struct gen *g)
{
	static const char *const lf[] = { "debug_check_no_locks_freed", "kfree",
					  NULL };
	const struct lock_class *l = gen_lock(g);
	unsigned long long a = gen_heap_addr(g);

	gen_banner(g, "WARNING: held lock freed!", 25);
	gen_line(g,
		 "%s/%ld is freeing memory %016llx-%016llx, with a lock "
		 "still held there!",
		 g->task, g->pid, a, a + 0x7ff);
	gen_lock_line(g, -1, l, NULL);
	gen_held(g, l, gen_below(g, 3));
	gen_backtrace(g, lf);
}

static void rep_user_return(struct gen *g)
{
	gen_banner(g, "WARNING: lock held when returning to user space!", 48);
	gen_line(g, "%s/%ld is leaving the kernel with locks still held!",
		 g->task, g->pid);
	gen_held(g, gen_lock(g), 0);
}

static void rep_rcu(struct gen *g)
{
	static const char *const lf[] = { "lockdep_rcu_suspicious", NULL };
	static const char *const msgs[] = {
		"include/linux/rcupdate.h:737 rcu_read_lock() used illegally "
		"while idle!",
		"net/core/dev.c:2345 suspicious rcu_dereference_check() usage!",
		"kernel/sched/core.c:9872 Illegal context switch in RCU "
		"read-side critical section!",
		"drivers/gpu/drm/i915/gt/intel_engine_cs.c:1234 suspicious "
		"rcu_dereference_protected() usage!",
		"fs/btrfs/volumes.c:6120 RCU-list traversed in non-reader "
		"section!!",
	};

	gen_banner(g, "WARNING: suspicious RCU usage", 29);
	gen_line(g, "%s", msgs[gen_below(g, ARRAY_SIZE(msgs))]);
	gen_blank(g);
	gen_line(g, "other info that might help us debug this:");
	gen_blank(g);
	gen_blank(g);
	gen_line(g, "rcu_scheduler_active = 2, debug_locks = 1");
	gen_held(g, NULL, gen_below(g, 4));
	gen_backtrace(g, lf);
}

static void rep_invalid_wait(struct gen *g)
{
	static const char *const lf[] = { "__lock_acquire", "lock_acquire",
					  "__mutex_lock", NULL };
	const struct lock_class *l = gen_lock(g);

	gen_banner(g, "[ BUG: Invalid wait context ]", 29);
	gen_line(g, "%s/%ld is trying to lock:", g->task, g->pid);
	gen_lock_line(g, -1, l, NULL);
	gen_line(g, "other info that might help us debug this:");
	gen_line(g, "context-{%d:%d}", 2, 2);
	gen_held(g, NULL, gen_below(g, 3));
	gen_line(g, "stack backtrace:");
	gen_dump_stack(g, lf);
}

static void rep_still_has_locks(struct gen *g)
{
	static const char *const lf[] = { "debug_check_no_locks_held",
					  "do_exit", NULL };
	char header[128];

	snprintf(header, sizeof(header),
		 "WARNING: %s/%ld still has locks held!", g->task, g->pid);
	gen_banner(g, header, 36);
	gen_held(g, gen_lock(g), gen_below(g, 2));
	gen_backtrace(g, lf);
}

static void rep_hung_task(struct gen *g)
{
	unsigned i, others = 1 + gen_below(g, 4);

	gen_line(g, "INFO: task %s:%ld blocked for more than %u seconds.",
		 g->task, g->pid, 120 + gen_below(g, 4) * 122);
	gen_line(g, "      %s %s #1", g->taint, g->release);
	gen_line(g, "\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" "
		    "disables this message.");
	gen_line(g,
		 "task:%-15.15s state:D stack:0     pid:%-5ld ppid:%-5u "
		 "flags:0x00004000",
		 g->task, g->pid, 1 + gen_below(g, 5000));
	gen_line(g, "Call Trace:");
	gen_line(g, " <TASK>");
	gen_frame(g, " ", "__schedule", NULL);
	gen_frame(g, " ", "schedule", NULL);
	gen_frame(g, " ", "schedule_preempt_disabled", NULL);
	gen_stack(g, " ", "__mutex_lock", true);
	gen_line(g, " </TASK>");
	gen_blank(g);
	gen_line(g, "Showing all locks held in the system:");
	gen_line(g, "1 lock held by khungtaskd/58:");
	gen_line(g,
		 " #0: %016llx (rcu_read_lock){....}-{1:2}, at: "
		 "debug_show_all_locks+0x15/0x183",
		 gen_static_addr(g));
	for (i = 0; i < others; i++) {
		const char *task = g->task;
		long pid = g->pid;

		/* other tasks, then the hung one */
		if (i + 1 < others) {
			g->task = tasks[gen_below(g, ARRAY_SIZE(tasks))];
			g->pid = 1 + gen_below(g, 30000);
		}
		gen_held(g, gen_lock(g), gen_below(g, 2));
		g->task = task;
		g->pid = pid;
	}
	gen_blank(g);
	gen_line(g, "=============================================");
	gen_blank(g);
}

/* Other oopses and WARNINGs that are not lockdep reports. */
static void gen_oops(struct gen *g)
{
	const struct func *f = &funcs[gen_below(g, ARRAY_SIZE(funcs))];

	gen_task(g);
	g->oopses++;
	strbuf_reset(&g->tmp);
	switch (gen_below(g, 3)) {
	case 0:
		strbuf_addf(&g->tmp,
			    "WARNING: CPU: %u PID: %ld at "
			    "drivers/gpu/drm/i915/display/"
			    "intel_display.c:%u ",
			    g->cpu, g->pid, 1000 + gen_below(g, 9000));
		gen_sym(g, &g->tmp, f->name, f->module);
		gen_emit(g, g->tmp.buf, g->tmp.len);
		gen_line(g, "Modules linked in: snd_hda_codec_hdmi i915 "
			    "coretemp e1000e mei_me i2c_i801 video");
		break;
	case 1:
		gen_line(g,
			 "BUG: kernel NULL pointer dereference, address: "
			 "%016x",
			 8 * gen_below(g, 64));
		gen_line(g, "#PF: supervisor read access in kernel mode");
		gen_line(g, "#PF: error_code(0x0000) - not-present page");
		gen_line(g, "Oops: 0000 [#1] PREEMPT SMP NOPTI");
		break;
	default:
		gen_line(g,
			 "BUG: sleeping function called from invalid "
			 "context at kernel/locking/mutex.c:%u",
			 200 + gen_below(g, 400));
		gen_line(g,
			 "in_atomic(): 1, irqs_disabled(): 0, non_block: "
			 "0, pid: %ld, name: %s",
			 g->pid, g->task);
		gen_line(g, "preempt_count: 1, expected: 0");
		gen_line(g, "RCU nest depth: 0, expected: 0");
		gen_held(g, NULL, 1 + gen_below(g, 2));
		gen_line(g, "Preemption disabled at:");
		strbuf_reset(&g->tmp);
		strbuf_addf(&g->tmp, "[<%016llx>] ", gen_static_addr(g));
		gen_sym(g, &g->tmp, f->name, f->module);
		gen_emit(g, g->tmp.buf, g->tmp.len);
		gen_dump_stack(g,
			       (const char *const[]){ "__might_resched",
						      "__mutex_lock", NULL });
		return;
	}
	gen_line(g, "CPU: %u PID: %ld Comm: %s %s %s #1", g->cpu, g->pid,
		 g->task, g->taint, g->release);
	gen_line(g, "Hardware name: %s",
		 hw_names[gen_below(g, ARRAY_SIZE(hw_names))]);
	strbuf_reset(&g->tmp);
	strbuf_addstr(&g->tmp, "RIP: 0010:");
	gen_sym(g, &g->tmp, f->name, f->module);
	gen_emit(g, g->tmp.buf, g->tmp.len);
	gen_line(g, "Code: 48 8b 45 c8 48 85 c0 74 0a 48 8b 00 <48> 8b 40 08 "
		    "ff e0 90 31 c0 c3 cc cc cc cc 66 90");
	gen_line(g, "RSP: 0018:ffffc90000%06x EFLAGS: 00010246",
		 gen_below(g, 1u << 24));
	gen_line(g, "RAX: 0000000000000000 RBX: %016llx RCX: 0000000000000000",
		 gen_heap_addr(g));
	gen_line(g, "Call Trace:");
	gen_line(g, " <TASK>");
	gen_stack(g, " ", f->name, true);
	gen_line(g, " </TASK>");
	gen_irq_stamp(g);
	gen_line(g, "---[ end trace 0000000000000000 ]---");
}

static void gen_report(struct gen *g)
{
	enum gen_kind k = (enum gen_kind)gen_below(g, GEN_KIND_NR);

	gen_task(g);
	g->counts[k]++;
	switch (k) {
	case GEN_CIRCULAR:
		rep_circular(g);
		break;
	case GEN_RECURSIVE:
		rep_recursive(g);
		break;
	case GEN_INCONSISTENT:
		rep_inconsistent(g);
		break;
	case GEN_IRQ_INVERSION:
		rep_irq_inversion(g);
		break;
	case GEN_HARDIRQ_SAFE_UNSAFE:
		rep_safe_unsafe(g, "HARDIRQ");
		break;
	case GEN_SOFTIRQ_SAFE_UNSAFE:
		rep_safe_unsafe(g, "SOFTIRQ");
		break;
	case GEN_BAD_UNLOCK:
		rep_bad_unlock(g);
		break;
	case GEN_HELD_LOCK_FREED:
		rep_held_lock_freed(g);
		break;
	case GEN_USER_RETURN:
		rep_user_return(g);
		break;
	case GEN_RCU:
		rep_rcu(g);
		break;
	case GEN_INVALID_WAIT:
		rep_invalid_wait(g);
		break;
	case GEN_STILL_HAS_LOCKS:
		rep_still_has_locks(g);
		break;
	case GEN_HUNG_TASK:
		rep_hung_task(g);
		break;
	case GEN_KIND_NR:
		break;
	}
	/* the next record comes a little later */
	g->usec += 1000 + gen_below(g, 2000000);
}

static void gen_boot(struct gen *g)
{
	gen_line(g,
		 "Linux version %s (ci@kbuild) (gcc (Debian 12.2.0-14) "
		 "12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP "
		 "PREEMPT_DYNAMIC",
		 g->release);
	gen_line(g,
		 "Command line: BOOT_IMAGE=/boot/vmlinuz root=/dev/nvme0n1p2 "
		 "ro console=ttyS0,115200n8 log_buf_len=4M");
	gen_line(g, "Lock dependency validator: Copyright (c) 2006 Red Hat, "
		    "Inc., Ingo Molnar");
	gen_line(g, "... MAX_LOCKDEP_SUBCLASSES:  8");
	gen_line(g, "... MAX_LOCK_DEPTH:          48");
	gen_line(g, "... MAX_LOCKDEP_KEYS:        8192");
}

/* Write one file of about `bytes` bytes; returns 0 or -errno. */
static int gen_file(struct gen *g, const char *path, unsigned long long bytes,
		    unsigned long long between)
{
	unsigned long long next_report, next_oops;
	int ret = 0;

	g->out = fopen(path, "w");
	if (!g->out)
		return -errno;
	setvbuf(g->out, NULL, _IOFBF, 1 << 20);
	g->bytes = 0;
	g->usec = gen_below(g, 1000);
	gen_boot(g);
	next_report = between / 2 + gen_below(g, (unsigned)between);
	next_oops = 4 * between + gen_below(g, 8 * (unsigned)between);
	while (g->bytes < bytes) {
		if (g->bytes >= next_report) {
			gen_report(g);
			next_report = g->bytes + between / 2 +
				      gen_below(g, (unsigned)between);
		} else if (g->bytes >= next_oops) {
			gen_oops(g);
			next_oops = g->bytes + 4 * between +
				    gen_below(g, 8 * (unsigned)between);
		} else {
			g->caller = 1 + gen_below(g, 2000);
			gen_expand(g, noise[gen_below(g, ARRAY_SIZE(noise))]);
			g->usec += gen_below(g, 20000);
		}
	}
	if (fclose(g->out))
		ret = -errno;
	g->out = NULL;
	return ret;
}

static void usage(void)
{
	fputs("usage: gen_corpus [-n FILES] [-m MB_PER_FILE] [-k KB_BETWEEN] "
	      "[-s SEED] DIR\n",
	      stderr);
}

int main(int argc, char **argv)
{
	unsigned long nfiles = 4, mb = 128, kb = 200, seed = 6641;
	struct gen g = { 0 };
	struct strbuf path = STRBUF_INIT;
	const char *dir = NULL;
	FILE *exp = NULL;
	unsigned long f;
	int i, k, ret = 1;

	for (i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "-n") && i + 1 < argc)
			nfiles = strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "-m") && i + 1 < argc)
			mb = strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "-k") && i + 1 < argc)
			kb = strtoul(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "-s") && i + 1 < argc)
			seed = strtoul(argv[++i], NULL, 10);
		else if (argv[i][0] != '-' && !dir)
			dir = argv[i];
		else {
			usage();
			return 2;
		}
	}
	if (!dir || !nfiles || !mb || !kb || nfiles > 99) {
		usage();
		return 2;
	}
	if (mkdir(dir, 0777) && errno != EEXIST) {
		fprintf(stderr, "gen_corpus: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	strbuf_init(&g.line, 256);
	strbuf_init(&g.tmp, 256);
	strbuf_addf(&path, "%s/expected.tsv", dir);
	exp = fopen(path.buf, "w");
	if (!exp) {
		fprintf(stderr, "gen_corpus: %s: %s\n", path.buf,
			strerror(errno));
		goto out;
	}
	fputs("file\tbytes\treports\toopses", exp);
	for (k = 0; k < GEN_KIND_NR; k++)
		fprintf(exp, "\t%s", kind_names[k]);
	fputc('\n', exp);
	for (f = 0; f < nfiles; f++) {
		unsigned n = 0;
		int err;

		g.rng = seed * 1000003ULL + f;
		memset(g.counts, 0, sizeof(g.counts));
		g.oopses = 0;
		g.style = (int)(f % 3);
		snprintf(g.release, sizeof(g.release),
			 "6.%u.0-rc%u-CI_DRM_%05u-g%012llx+",
			 1 + gen_below(&g, 8), 1 + gen_below(&g, 7),
			 12000 + gen_below(&g, 2000),
			 (unsigned long long)(gen_rand(&g) &
					      0xffffffffffffULL));
		snprintf(g.taint, sizeof(g.taint), "%s",
			 f % 2 ? "Tainted: G     U  W" : "Not tainted");
		strbuf_reset(&path);
		strbuf_addf(&path, "%s/ci-%02lu.log", dir, f);
		err = gen_file(&g, path.buf, mb << 20, kb << 10);
		if (err) {
			fprintf(stderr, "gen_corpus: %s: %s\n", path.buf,
				strerror(-err));
			goto out;
		}
		for (k = 0; k < GEN_KIND_NR; k++) {
			n += g.counts[k];
		}
		fprintf(exp, "ci-%02lu.log\t%llu\t%u\t%u", f, g.bytes, n,
			g.oopses);
		for (k = 0; k < GEN_KIND_NR; k++)
			fprintf(exp, "\t%u", g.counts[k]);
		fputc('\n', exp);
	}
	ret = 0;
out:
	if (exp && fclose(exp))
		ret = 1;
	strbuf_release(&path);
	strbuf_release(&g.line);
	strbuf_release(&g.tmp);
	return ret;
}
