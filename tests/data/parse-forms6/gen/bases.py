# SPDX-License-Identifier: GPL-2.0
# Base reports of round 6: lines as the kernel prints them (one entry per
# console line; "" = an empty record), each with its label.

def _b(text, label):
    lines = text.split('\n')
    if lines and lines[0] == '':
        lines = lines[1:]
    if lines and lines[-1] == '':
        lines = lines[:-1]
    return dict(lines=lines, label=label)

def L(b):
    return list(b['lines'])

# A: circular, 2 entries, x86-64 6.16 (UID in CPU line, Tainted: [W]=WARN,
# PREEMPT(full)); the task is a kworker whose comm holds a slash
A = _b('''
======================================================
WARNING: possible circular locking dependency detected
6.16.0-rc3-00187-gd0b3b7b22dfa #1 Tainted: G        W
------------------------------------------------------
kworker/u16:4/2291 is trying to acquire lock:
ffff888104a2c0c8 (&card->controls_rwsem){++++}-{4:4}, at: snd_ctl_remove_id+0x4d/0x1f0

but task is already holding lock:
ffff88810f3e1a70 (&chip->mixer_mutex){+.+.}-{4:4}, at: usb_audio_disconnect+0x11c/0x7e0

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #1 (&chip->mixer_mutex){+.+.}-{4:4}:
       __mutex_lock+0x18b/0x1400
       snd_usb_mixer_get_ctl+0x6c/0x2a0
       snd_ctl_elem_read+0x20e/0x5a0
       snd_ctl_ioctl+0x6f1/0x1b40
       __x64_sys_ioctl+0x18f/0x210
       do_syscall_64+0xcd/0x4c0
       entry_SYSCALL_64_after_hwframe+0x77/0x7f

-> #0 (&card->controls_rwsem){++++}-{4:4}:
       __lock_acquire+0x2a8f/0x6290
       lock_acquire+0x1b1/0x560
       down_write+0x96/0x200
       snd_ctl_remove_id+0x4d/0x1f0
       snd_usb_mixer_disconnect+0x1c1/0x300
       usb_audio_disconnect+0x13e/0x7e0
       usb_unbind_interface+0x1dd/0x9e0
       device_release_driver_internal+0x44b/0x620
       bus_remove_device+0x22f/0x420
       device_del+0x396/0x9f0
       usb_disable_device+0x36c/0x7f0
       usb_disconnect+0x2e1/0x920
       hub_event+0x1f86/0x4ed0
       process_one_work+0x92e/0x1b60
       worker_thread+0x6c9/0xf70
       kthread+0x3c7/0x7a0
       ret_from_fork+0x4e/0x70
       ret_from_fork_asm+0x1a/0x30

other info that might help us debug this:

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&chip->mixer_mutex);
                               lock(&card->controls_rwsem);
                               lock(&chip->mixer_mutex);
  lock(&card->controls_rwsem);

 *** DEADLOCK ***

3 locks held by kworker/u16:4/2291:
 #0: ffff888100e8d948 ((wq_completion)usb_hub_wq){+.+.}-{0:0}, at: process_one_work+0x1217/0x1b60
 #1: ffffc900017e7d18 ((work_completion)(&hub->events)){+.+.}-{0:0}, at: process_one_work+0x85e/0x1b60
 #2: ffff88810f3e1a70 (&chip->mixer_mutex){+.+.}-{4:4}, at: usb_audio_disconnect+0x11c/0x7e0

stack backtrace:
CPU: 1 UID: 0 PID: 2291 Comm: kworker/u16:4 Tainted: G        W           6.16.0-rc3-00187-gd0b3b7b22dfa #1 PREEMPT(full)
Tainted: [W]=WARN
Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.3-debian-1.16.3-2 04/01/2014
Workqueue: usb_hub_wq hub_event
Call Trace:
 <TASK>
 dump_stack_lvl+0x10e/0x1f0
 print_circular_bug+0x2ee/0x310
 check_noncircular+0x134/0x160
 __lock_acquire+0x2a8f/0x6290
 lock_acquire+0x1b1/0x560
 down_write+0x96/0x200
 snd_ctl_remove_id+0x4d/0x1f0
 snd_usb_mixer_disconnect+0x1c1/0x300
 usb_audio_disconnect+0x13e/0x7e0
 usb_unbind_interface+0x1dd/0x9e0
 device_release_driver_internal+0x44b/0x620
 bus_remove_device+0x22f/0x420
 device_del+0x396/0x9f0
 usb_disable_device+0x36c/0x7f0
 usb_disconnect+0x2e1/0x920
 hub_event+0x1f86/0x4ed0
 process_one_work+0x92e/0x1b60
 worker_thread+0x6c9/0xf70
 kthread+0x3c7/0x7a0
 ret_from_fork+0x4e/0x70
 ret_from_fork_asm+0x1a/0x30
 </TASK>
''', dict(kind='circular',
          chain=['&chip->mixer_mutex', '&card->controls_rwsem'],
          held_locks=['(wq_completion)usb_hub_wq',
                      '(work_completion)(&hub->events)',
                      '&chip->mixer_mutex'],
          task='kworker/u16:4', pid=2291, culprit='snd_ctl_remove_id',
          kernel='6.16.0-rc3-00187-gd0b3b7b22dfa'))

# B: circular, 3 entries with "Chain exists of:", arm64 6.17-rc (Call trace:,
# (P)/(C) marks), btrfs
B = _b('''
======================================================
WARNING: possible circular locking dependency detected
6.17.0-rc4-next-20250905 #3 Not tainted
------------------------------------------------------
btrfs/8812 is trying to acquire lock:
ffff0000d3a4c5b0 (&fs_info->reloc_mutex){+.+.}-{4:4}, at: btrfs_record_root_in_trans+0x90/0x1a8

but task is already holding lock:
ffff0000c91e8e28 (&fs_info->qgroup_ioctl_lock){+.+.}-{4:4}, at: btrfs_quota_enable+0x108/0xa40

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #2 (&fs_info->qgroup_ioctl_lock){+.+.}-{4:4}:
       __mutex_lock+0xd8/0x8c8
       mutex_lock_nested+0x2c/0x40
       btrfs_qgroup_inherit+0x74/0x7c0
       create_pending_snapshot+0x2d8/0xd90
       create_pending_snapshots+0xa4/0xd8
       btrfs_commit_transaction+0x3a8/0x1170
       btrfs_mksubvol+0x3f4/0x5f8
       btrfs_ioctl_snap_create_transid+0x168/0x1a0
       el0_svc+0x40/0x1c8

-> #1 (btrfs_trans_num_extwriters){++++}-{0:0}:
       join_transaction+0x184/0x5a0
       start_transaction+0x11c/0x8e8
       btrfs_start_transaction+0x2c/0x40
       btrfs_relocate_block_group+0x1b0/0x4a0
       el0_svc+0x40/0x1c8

-> #0 (&fs_info->reloc_mutex){+.+.}-{4:4}:
       __lock_acquire+0x13ac/0x2468
       lock_acquire+0x1fc/0x3a8
       __mutex_lock+0xd8/0x8c8
       mutex_lock_nested+0x2c/0x40
       btrfs_record_root_in_trans+0x90/0x1a8
       start_transaction+0x5d4/0x8e8
       btrfs_quota_enable+0x1c8/0xa40
       btrfs_ioctl+0x1d0c/0x2d50
       el0_svc+0x40/0x1c8

other info that might help us debug this:

Chain exists of:
  &fs_info->reloc_mutex --> btrfs_trans_num_extwriters --> &fs_info->qgroup_ioctl_lock

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&fs_info->qgroup_ioctl_lock);
                               lock(btrfs_trans_num_extwriters);
                               lock(&fs_info->qgroup_ioctl_lock);
  lock(&fs_info->reloc_mutex);

 *** DEADLOCK ***

2 locks held by btrfs/8812:
 #0: ffff0000c1f42420 (sb_writers#13){.+.+}-{0:0}, at: mnt_want_write_file+0x28/0x48
 #1: ffff0000c91e8e28 (&fs_info->qgroup_ioctl_lock){+.+.}-{4:4}, at: btrfs_quota_enable+0x108/0xa40

stack backtrace:
CPU: 2 UID: 0 PID: 8812 Comm: btrfs Not tainted 6.17.0-rc4-next-20250905 #3 PREEMPT
Hardware name: linux,dummy-virt (DT)
Call trace:
 show_stack+0x20/0x38 (C)
 dump_stack_lvl+0x8c/0xd0
 dump_stack+0x18/0x28
 print_circular_bug+0x288/0x2a0
 check_noncircular+0x14c/0x168
 __lock_acquire+0x13ac/0x2468
 lock_acquire+0x1fc/0x3a8
 __mutex_lock+0xd8/0x8c8
 mutex_lock_nested+0x2c/0x40
 btrfs_record_root_in_trans+0x90/0x1a8
 start_transaction+0x5d4/0x8e8
 btrfs_quota_enable+0x1c8/0xa40
 btrfs_ioctl+0x1d0c/0x2d50
 __arm64_sys_ioctl+0xb4/0x100
 invoke_syscall+0x50/0x120
 el0_svc_common.constprop.0+0x48/0xf0
 do_el0_svc+0x24/0x38
 el0_svc+0x40/0x1c8
 el0t_64_sync_handler+0x10c/0x138
 el0t_64_sync+0x198/0x1a0
''', dict(kind='circular',
          chain=['&fs_info->qgroup_ioctl_lock', 'btrfs_trans_num_extwriters',
                 '&fs_info->reloc_mutex'],
          held_locks=['sb_writers#13', '&fs_info->qgroup_ioctl_lock'],
          task='btrfs', pid=8812, culprit='btrfs_record_root_in_trans',
          kernel='6.17.0-rc4-next-20250905'))

# C: recursive, x86-64 6.14, nested overlayfs inode lock
C = _b('''
============================================
WARNING: possible recursive locking detected
6.14.0-rc7-g4701f33a1070 #12 Not tainted
--------------------------------------------
syz-executor.3/10456 is trying to acquire lock:
ffff8880535c4a00 (&ovl_i_lock_key[depth]){+.+.}-{4:4}, at: ovl_inode_lock_interruptible+0x1f/0x40

but task is already holding lock:
ffff88805349e6a0 (&ovl_i_lock_key[depth]){+.+.}-{4:4}, at: ovl_copy_up_start+0x53/0x310

other info that might help us debug this:
 Possible unsafe locking scenario:

       CPU0
       ----
  lock(&ovl_i_lock_key[depth]);
  lock(&ovl_i_lock_key[depth]);

 *** DEADLOCK ***

 May be due to missing lock nesting notation

3 locks held by syz-executor.3/10456:
 #0: ffff888027a1e420 (sb_writers#17){.+.+}-{0:0}, at: mnt_want_write+0x3f/0x90
 #1: ffff88805349e6a0 (&ovl_i_lock_key[depth]){+.+.}-{4:4}, at: ovl_copy_up_start+0x53/0x310
 #2: ffff888060a31230 (&ovl_i_mutex_dir_key[depth]){++++}-{4:4}, at: ovl_copy_up_one+0x6a2/0x2e10

stack backtrace:
CPU: 0 UID: 0 PID: 10456 Comm: syz-executor.3 Not tainted 6.14.0-rc7-g4701f33a1070 #12
Hardware name: Google Google Compute Engine/Google Compute Engine, BIOS Google 02/12/2025
Call Trace:
 <TASK>
 __dump_stack lib/dump_stack.c:94 [inline]
 dump_stack_lvl+0x241/0x360 lib/dump_stack.c:120
 print_deadlock_bug+0x483/0x620 kernel/locking/lockdep.c:3039
 check_deadlock kernel/locking/lockdep.c:3091 [inline]
 validate_chain+0x15e2/0x5920 kernel/locking/lockdep.c:3893
 __lock_acquire+0x1397/0x2100 kernel/locking/lockdep.c:5228
 lock_acquire+0x1ed/0x550 kernel/locking/lockdep.c:5851
 __mutex_lock_common kernel/locking/mutex.c:585 [inline]
 __mutex_lock+0x19c/0x1010 kernel/locking/mutex.c:730
 ovl_inode_lock_interruptible+0x1f/0x40 fs/overlayfs/overlayfs.h:659
 ovl_copy_up_start+0x95/0x310 fs/overlayfs/util.c:722
 ovl_copy_up_one+0x75a/0x2e10 fs/overlayfs/copy_up.c:1136
 ovl_copy_up_flags+0x113/0x400 fs/overlayfs/copy_up.c:1194
 ovl_setattr+0x15b/0x4c0 fs/overlayfs/inode.c:39
 notify_change+0xbca/0xe90 fs/attr.c:552
 do_truncate+0x220/0x310 fs/open.c:65
 do_sys_ftruncate+0x36d/0x4a0 fs/open.c:193
 do_syscall_x64 arch/x86/entry/common.c:52 [inline]
 do_syscall_64+0xf3/0x230 arch/x86/entry/common.c:83
 entry_SYSCALL_64_after_hwframe+0x77/0x7f
 </TASK>
''', dict(kind='recursive',
          chain=['&ovl_i_lock_key[depth]', '&ovl_i_lock_key[depth]'],
          held_locks=['sb_writers#17', '&ovl_i_lock_key[depth]',
                      '&ovl_i_mutex_dir_key[depth]'],
          task='syz-executor.3', pid=10456,
          culprit='ovl_inode_lock_interruptible',
          kernel='6.14.0-rc7-g4701f33a1070'))

# D: inconsistent lock state, x86_64 3.10 (bracketed INFO banner, old usage)
D = _b('''
=================================
[ INFO: inconsistent lock state ]
3.10.0-957.el7.x86_64.debug #1 Not tainted
---------------------------------
inconsistent {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} usage.
swapper/2/0 [HC0[0]:SC1[1]:HE1:SE0] takes:
 (&(&dev->tx_global_lock)->rlock){+.?...}, at: [<ffffffff8159c1d5>] dev_watchdog+0x25/0x2a0
{SOFTIRQ-ON-W} state was registered at:
  [<ffffffff8110f5d9>] __lock_acquire+0x5c9/0x1c50
  [<ffffffff811113a2>] lock_acquire+0xa2/0x1f0
  [<ffffffff816b6fa1>] _raw_spin_lock+0x41/0x80
  [<ffffffffa03c1b3e>] mlx4_en_stop_port+0x2de/0x6c0 [mlx4_en]
  [<ffffffffa03c2d12>] mlx4_en_change_mtu+0xd2/0x170 [mlx4_en]
  [<ffffffff81580c2a>] dev_set_mtu+0x4a/0xb0
  [<ffffffff81599a6e>] do_setlink+0x25e/0xa70
  [<ffffffff8159c91c>] rtnl_newlink+0x55c/0x7a0
  [<ffffffff81598e1a>] rtnetlink_rcv_msg+0xaa/0x260
  [<ffffffff815be4c9>] netlink_rcv_skb+0xa9/0xc0
  [<ffffffff816c0e49>] system_call_fastpath+0x16/0x1b
irq event stamp: 1587922
hardirqs last  enabled at (1587922): [<ffffffff816b7ae2>] _raw_spin_unlock_irq+0x32/0x60
hardirqs last disabled at (1587921): [<ffffffff816b7374>] _raw_spin_lock_irq+0x14/0x90
softirqs last  enabled at (1587898): [<ffffffff8108a3b6>] _local_bh_enable+0x26/0x50
softirqs last disabled at (1587899): [<ffffffff816c2c1c>] call_softirq+0x1c/0x30

other info that might help us debug this:
 Possible unsafe locking scenario:

       CPU0
       ----
  lock(&(&dev->tx_global_lock)->rlock);
  <Interrupt>
    lock(&(&dev->tx_global_lock)->rlock);

 *** DEADLOCK ***

1 lock held by swapper/2/0:
 #0:  ((&dev->watchdog_timer)){+.-...}, at: [<ffffffff81095f15>] call_timer_fn+0x5/0x190

stack backtrace:
CPU: 2 PID: 0 Comm: swapper/2 Not tainted 3.10.0-957.el7.x86_64.debug #1
Hardware name: HP ProLiant DL360 Gen9/ProLiant DL360 Gen9, BIOS P89 10/21/2019
 ffff8807f4a2a8a0 1b6e3ab2b0f0e2ab ffff88085fa83b40 ffffffff816a8ae4
 ffff88085fa83b90 ffffffff816a3a2f 0000000000000000 ffff880800000001
Call Trace:
 <IRQ>  [<ffffffff816a8ae4>] dump_stack+0x19/0x1b
 [<ffffffff816a3a2f>] print_usage_bug+0x1f6/0x207
 [<ffffffff8110ebe0>] mark_lock+0x1e0/0x290
 [<ffffffff8110f690>] __lock_acquire+0x680/0x1c50
 [<ffffffff811113a2>] lock_acquire+0xa2/0x1f0
 [<ffffffff816b6fa1>] _raw_spin_lock+0x41/0x80
 [<ffffffff8159c1d5>] dev_watchdog+0x25/0x2a0
 [<ffffffff81095fb6>] call_timer_fn+0xa6/0x190
 [<ffffffff81097d6c>] run_timer_softirq+0x23c/0x390
 [<ffffffff8108a82f>] __do_softirq+0xef/0x2c0
 [<ffffffff816c2c1c>] call_softirq+0x1c/0x30
 [<ffffffff8102d6a5>] do_softirq+0x65/0xa0
 [<ffffffff8108ac35>] irq_exit+0x125/0x130
 [<ffffffff816c3e58>] smp_apic_timer_interrupt+0x48/0x60
 [<ffffffff816c2372>] apic_timer_interrupt+0x72/0x80
 <EOI>  [<ffffffff81544d34>] cpuidle_enter_state+0x54/0xd0
 [<ffffffff81544e8e>] cpuidle_idle_call+0xde/0x270
 [<ffffffff8101e11e>] arch_cpu_idle+0xe/0x30
 [<ffffffff810ee6a5>] cpu_startup_entry+0x245/0x290
 [<ffffffff8104e1a7>] start_secondary+0x1b7/0x260
''', dict(kind='inconsistent_lock_state',
          chain=['&(&dev->tx_global_lock)->rlock'],
          held_locks=['(&dev->watchdog_timer)'],
          task='swapper/2', pid=0, culprit='dev_watchdog',
          kernel='3.10.0-957.el7.x86_64.debug'))

# E: suspicious RCU usage with 4 locks, x86-64 6.13, caller ids absent
E = _b('''
=============================
WARNING: suspicious RCU usage
6.13.0-rc2-00045-g3e7f8c4a1b2d #4 Not tainted
-----------------------------
net/netfilter/nf_tables_api.c:2079 suspicious rcu_dereference_protected() usage!

other info that might help us debug this:


rcu_scheduler_active = 2, debug_locks = 1
4 locks held by nft/3307:
 #0: ffffffff8a2f6b08 (nfnl_subsys_nftables){+.+.}-{4:4}, at: nfnetlink_rcv_batch+0x2c3/0x1c30
 #1: ffff8880290b4e70 (&nft_net->commit_mutex){+.+.}-{4:4}, at: nf_tables_valid_genid+0x3a/0x80
 #2: ffffffff8d9a2e40 (rcu_read_lock){....}-{1:3}, at: nf_tables_dump_flowtable+0x5c/0x7b0
 #3: ffff88802c1a7128 (&ctx->mutex){+.+.}-{4:4}, at: nf_tables_flowtable_notify+0x9e/0x290

stack backtrace:
CPU: 1 UID: 0 PID: 3307 Comm: nft Not tainted 6.13.0-rc2-00045-g3e7f8c4a1b2d #4
Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.3-1.fc40 04/01/2014
Call Trace:
 <TASK>
 dump_stack_lvl+0x84/0xd0
 lockdep_rcu_suspicious+0x15a/0x1b0
 nft_flowtable_hook_fill+0x2d1/0x3a0
 nf_tables_fill_flowtable_info+0x3c2/0x6a0
 nf_tables_flowtable_notify+0x11b/0x290
 nf_tables_commit+0x2b41/0x5d10
 nfnetlink_rcv_batch+0x1287/0x1c30
 nfnetlink_rcv+0x3a7/0x430
 netlink_unicast+0x52d/0x7b0
 netlink_sendmsg+0x8a3/0xd60
 ____sys_sendmsg+0x9c3/0xc70
 ___sys_sendmsg+0x134/0x1d0
 __sys_sendmsg+0x16d/0x220
 do_syscall_64+0x9f/0x1a0
 entry_SYSCALL_64_after_hwframe+0x77/0x7f
 </TASK>
''', dict(kind='rcu_suspicious', chain=[],
          held_locks=['nfnl_subsys_nftables', '&nft_net->commit_mutex',
                      'rcu_read_lock', '&ctx->mutex'],
          task='nft', pid=3307, culprit='nft_flowtable_hook_fill',
          kernel='6.13.0-rc2-00045-g3e7f8c4a1b2d'))

# F: bad unlock balance, riscv64 6.12
F = _b('''
=====================================
WARNING: bad unlock balance detected!
6.12.8-rt3-00001-g9b1cfe0c5a11 #1 Not tainted
-------------------------------------
irq/47-mmc0/152 is trying to release lock (&host->lock) at:
[<ffffffff80a3c6e4>] sdhci_thread_irq+0x5e/0x9c
but there are no more locks to release!

other info that might help us debug this:
no locks held by irq/47-mmc0/152.

stack backtrace:
CPU: 3 UID: 0 PID: 152 Comm: irq/47-mmc0 Not tainted 6.12.8-rt3-00001-g9b1cfe0c5a11 #1
Hardware name: StarFive VisionFive 2 v1.3B (DT)
Call Trace:
[<ffffffff80006a8a>] dump_backtrace+0x1c/0x24
[<ffffffff80b5ef6e>] show_stack+0x2c/0x38
[<ffffffff80b6e1d8>] dump_stack_lvl+0x5e/0x80
[<ffffffff80b6e20e>] dump_stack+0x14/0x1c
[<ffffffff800897a0>] print_unlock_imbalance_bug.part.0+0xb6/0xc0
[<ffffffff8008e2ce>] lock_release+0x1f0/0x26c
[<ffffffff80b78c2a>] rt_spin_unlock+0x22/0x98
[<ffffffff80a3c6e4>] sdhci_thread_irq+0x5e/0x9c
[<ffffffff800a4e1a>] irq_thread_fn+0x28/0x72
[<ffffffff800a5136>] irq_thread+0x128/0x1ee
[<ffffffff8004f2f6>] kthread+0xd2/0xf0
[<ffffffff80b79b6e>] ret_from_fork+0xe/0x1c
''', dict(kind='bad_unlock_balance', chain=['&host->lock'], held_locks=[],
          task='irq/47-mmc0', pid=152, culprit='sdhci_thread_irq',
          kernel='6.12.8-rt3-00001-g9b1cfe0c5a11'))

# G: hung task with an rw-semaphore blocker, x86-64 6.17 (and the
# all-locks dump)
G = _b('''
INFO: task fsync-tester:5112 blocked for more than 122 seconds.
      Not tainted 6.17.0-rc1-00099-gab0c16d2e4f1 #2
"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
task:fsync-tester    state:D stack:0     pid:5112  tgid:5112  ppid:5101   task_flags:0x400000 flags:0x00004002
Call Trace:
 <TASK>
 __schedule+0x5a1/0x1530
 schedule+0x3e/0x130
 schedule_preempt_disabled+0x15/0x30
 rwsem_down_write_slowpath+0x29d/0x8a0
 down_write+0x12c/0x140
 xfs_ilock+0x1a6/0x220
 xfs_file_fsync+0xc8/0x2b0
 __x64_sys_fsync+0x3b/0x70
 do_syscall_64+0x83/0x300
 entry_SYSCALL_64_after_hwframe+0x76/0x7e
 </TASK>
INFO: task fsync-tester:5112 <writer> blocked on an rw-semaphore likely owned by task xfsaild/vdb:611 <writer>
task:xfsaild/vdb     state:D stack:0     pid:611   tgid:611   ppid:2      task_flags:0x208040 flags:0x00004000
Call Trace:
 <TASK>
 __schedule+0x5a1/0x1530
 schedule+0x3e/0x130
 xlog_wait_on_iclog+0x1b1/0x200
 xfsaild+0x4aa/0xa30
 kthread+0x10f/0x230
 ret_from_fork+0x1d3/0x220
 ret_from_fork_asm+0x1a/0x30
 </TASK>

Showing all locks held in the system:
1 lock held by khungtaskd/41:
 #0: ffffffff9c3a6a60 (rcu_read_lock){....}-{1:3}, at: debug_show_all_locks+0x36/0x1c0
1 lock held by fsync-tester/5112:
 #0: ffff8881149e2b18 (&xfs_nondir_ilock_class){++++}-{4:4}, at: xfs_ilock+0x1a6/0x220

=============================================

''', dict(kind='hung_task_all_locks', chain=[],
          held_locks=['&xfs_nondir_ilock_class'],
          task='fsync-tester', pid=5112, culprit='xfs_ilock',
          kernel='6.17.0-rc1-00099-gab0c16d2e4f1'))

# H: lock held when returning to user space, x86-64 6.15
H = _b('''
================================================
WARNING: lock held when returning to user space!
6.15.0-rc5-00002-g82f2b0b97b36 #1 Tainted: G            E
------------------------------------------------
io_uring-sq/2977 is leaving the kernel with locks still held!
1 lock held by io_uring-sq/2977:
 #0: ffff888113fc28a8 (&ctx->uring_lock){+.+.}-{4:4}, at: io_sq_thread+0x3b8/0x9f0
''', dict(kind='lock_held_user_return', chain=[],
          held_locks=['&ctx->uring_lock'], task='io_uring-sq', pid=2977,
          culprit='io_sq_thread', kernel='6.15.0-rc5-00002-g82f2b0b97b36'))

# I: circular, 3.16 ARM (bracketed banner, [<addr>] frames, no wait type)
I = _b('''
======================================================
[ INFO: possible circular locking dependency detected ]
3.16.0-rc6+ #112 Not tainted
-------------------------------------------------------
kworker/0:2/1062 is trying to acquire lock:
 (&genpd->lock){+.+...}, at: [<c02f5a10>] pm_genpd_poweroff+0x20/0x3c4

but task is already holding lock:
 (&dev->power.lock){-.....}, at: [<c02efc30>] rpm_idle+0x28/0x2b4

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #1 (&dev->power.lock){-.....}:
       [<c006b6c8>] lock_acquire+0x9c/0x104
       [<c04f3f98>] _raw_spin_lock_irq+0x40/0x50
       [<c02ef69c>] __pm_runtime_resume+0x58/0x84
       [<c02f4d34>] pm_genpd_poweron+0x2c4/0x3d8
       [<c0012f80>] ret_from_fork+0x14/0x34

-> #0 (&genpd->lock){+.+...}:
       [<c006a998>] __lock_acquire+0x1874/0x1a14
       [<c006b6c8>] lock_acquire+0x9c/0x104
       [<c04ef9b0>] mutex_lock_nested+0x5c/0x3f0
       [<c02f5a10>] pm_genpd_poweroff+0x20/0x3c4
       [<c02f5dd0>] genpd_power_off_work_fn+0x1c/0x24
       [<c003d5f0>] process_one_work+0x1a0/0x494
       [<c003dc54>] worker_thread+0x2d8/0x400
       [<c0043c40>] kthread+0xd4/0xf0
       [<c0012f80>] ret_from_fork+0x14/0x34

other info that might help us debug this:

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&dev->power.lock);
                               lock(&genpd->lock);
                               lock(&dev->power.lock);
  lock(&genpd->lock);

 *** DEADLOCK ***

3 locks held by kworker/0:2/1062:
 #0:  ("events"){.+.+.+}, at: [<c003d554>] process_one_work+0x104/0x494
 #1:  ((&genpd->power_off_work)){+.+...}, at: [<c003d554>] process_one_work+0x104/0x494
 #2:  (&dev->power.lock){-.....}, at: [<c02efc30>] rpm_idle+0x28/0x2b4

stack backtrace:
CPU: 0 PID: 1062 Comm: kworker/0:2 Not tainted 3.16.0-rc6+ #112
Workqueue: events genpd_power_off_work_fn
[<c00154c8>] (unwind_backtrace) from [<c00117d4>] (show_stack+0x10/0x14)
[<c00117d4>] (show_stack) from [<c04e9e1c>] (dump_stack+0x84/0xc4)
[<c04e9e1c>] (dump_stack) from [<c04e6d9c>] (print_circular_bug+0x280/0x2d0)
[<c04e6d9c>] (print_circular_bug) from [<c006a9fc>] (__lock_acquire+0x18d8/0x1a14)
[<c006a9fc>] (__lock_acquire) from [<c006b6c8>] (lock_acquire+0x9c/0x104)
[<c006b6c8>] (lock_acquire) from [<c04ef9b0>] (mutex_lock_nested+0x5c/0x3f0)
[<c04ef9b0>] (mutex_lock_nested) from [<c02f5a10>] (pm_genpd_poweroff+0x20/0x3c4)
[<c02f5a10>] (pm_genpd_poweroff) from [<c02f5dd0>] (genpd_power_off_work_fn+0x1c/0x24)
[<c02f5dd0>] (genpd_power_off_work_fn) from [<c003d5f0>] (process_one_work+0x1a0/0x494)
[<c003d5f0>] (process_one_work) from [<c003dc54>] (worker_thread+0x2d8/0x400)
[<c003dc54>] (worker_thread) from [<c0043c40>] (kthread+0xd4/0xf0)
[<c0043c40>] (kthread) from [<c0012f80>] (ret_from_fork+0x14/0x34)
''', dict(kind='circular', chain=['&dev->power.lock', '&genpd->lock'],
          held_locks=['"events"', '(&genpd->power_off_work)',
                      '&dev->power.lock'],
          task='kworker/0:2', pid=1062, culprit='pm_genpd_poweroff',
          kernel='3.16.0-rc6+'))

# J: invalid wait context, x86-64 6.15 PREEMPT_RT off, raw spinlock holder
J = _b('''
=============================
[ BUG: Invalid wait context ]
6.15.0-rc2-00310-g1c7e9a2f4d80 #5 Not tainted
-----------------------------
kworker/3:1/96 is trying to lock:
ffff88810a35d018 (&port->lock){....}-{3:3}, at: serial8250_console_write+0x2f0/0x790
other info that might help us debug this:
context-{5:5}
3 locks held by kworker/3:1/96:
 #0: ffff888100051548 ((wq_completion)events){+.+.}-{0:0}, at: process_one_work+0x6a5/0x10d0
 #1: ffffc900004f7e20 ((work_completion)(&pdev->work)){+.+.}-{0:0}, at: process_one_work+0x6cc/0x10d0
 #2: ffff88810b2c6a58 (&pdc->pdc_lock){-.-.}-{2:2}, at: pdc_timeout_work+0x3e/0x1a0
stack backtrace:
CPU: 3 UID: 0 PID: 96 Comm: kworker/3:1 Not tainted 6.15.0-rc2-00310-g1c7e9a2f4d80 #5 PREEMPT(voluntary)
Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.3-1.fc40 04/01/2014
Workqueue: events pdc_timeout_work
Call Trace:
 <TASK>
 dump_stack_lvl+0x68/0x90
 __lock_acquire+0x9a4/0x2160
 lock_acquire+0xd2/0x2e0
 _raw_spin_lock_irqsave+0x3d/0x60
 serial8250_console_write+0x2f0/0x790
 console_flush_all+0x21b/0x4f0
 console_unlock+0x86/0x130
 vprintk_emit+0x1a1/0x3a0
 _printk+0x58/0x80
 pdc_timeout_work+0xc2/0x1a0
 process_one_work+0x72d/0x10d0
 worker_thread+0x2f8/0x5a0
 kthread+0x112/0x230
 ret_from_fork+0x31/0x50
 ret_from_fork_asm+0x1a/0x30
 </TASK>
''', dict(kind='invalid_wait_context', chain=['&port->lock'],
          held_locks=['(wq_completion)events',
                      '(work_completion)(&pdev->work)', '&pdc->pdc_lock'],
          task='kworker/3:1', pid=96, culprit='serial8250_console_write',
          kernel='6.15.0-rc2-00310-g1c7e9a2f4d80'))

# K: SOFTIRQ-safe -> SOFTIRQ-unsafe, powerpc64le 5.14 (NIP/LR-less
# powerpc frames "[c000...] [c000...] func+0x../0x.. (unreliable)")
K = _b('''
=====================================================
WARNING: SOFTIRQ-safe -> SOFTIRQ-unsafe lock order detected
5.14.0-427.13.1.el9_4.ppc64le+debug #1 Not tainted
-----------------------------------------------------
ibmvnic/2201 [HC0[0]:SC0[0]:HE1:SE1] is trying to acquire:
c00000000e7d4a90 (&adapter->rwi_lock){+.+.}-{2:2}, at: ibmvnic_reset+0x6c/0x4a0 [ibmvnic]

and this task is already holding:
c00000000e7d4a30 (&adapter->state_lock){+.-.}-{2:2}, at: ibmvnic_tx_timeout+0x3c/0xb0 [ibmvnic]
which would create a new lock dependency:
 (&adapter->state_lock){+.-.}-{2:2} -> (&adapter->rwi_lock){+.+.}-{2:2}

but this new dependency connects a SOFTIRQ-irq-safe lock:
 (&adapter->state_lock){+.-.}-{2:2}

... which became SOFTIRQ-irq-safe at:
  lock_acquire+0x158/0x480
  _raw_spin_lock+0x58/0xa0
  ibmvnic_poll+0x100/0x7e0 [ibmvnic]
  __napi_poll+0x60/0x2c0
  net_rx_action+0x3a0/0x480
  __do_softirq+0x194/0x574

to a SOFTIRQ-irq-unsafe lock:
 (&adapter->rwi_lock){+.+.}-{2:2}

... which became SOFTIRQ-irq-unsafe at:
...
  lock_acquire+0x158/0x480
  _raw_spin_lock+0x58/0xa0
  __ibmvnic_reset+0x88/0x6f0 [ibmvnic]
  process_one_work+0x2f8/0x680
  worker_thread+0x7c/0x6c0
  kthread+0x194/0x1a0
  ret_from_kernel_thread+0x5c/0x64

other info that might help us debug this:

 Possible interrupt unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&adapter->rwi_lock);
                               local_irq_disable();
                               lock(&adapter->state_lock);
                               lock(&adapter->rwi_lock);
  <Interrupt>
    lock(&adapter->state_lock);

 *** DEADLOCK ***

1 lock held by ibmvnic/2201:
 #0: c00000000e7d4a30 (&adapter->state_lock){+.-.}-{2:2}, at: ibmvnic_tx_timeout+0x3c/0xb0 [ibmvnic]

the dependencies between SOFTIRQ-irq-safe lock and the holding lock:
-> (&adapter->state_lock){+.-.}-{2:2} {
   HARDIRQ-ON-W at:
                    lock_acquire+0x158/0x480
                    _raw_spin_lock+0x58/0xa0
                    ibmvnic_open+0x4c/0x180 [ibmvnic]
   IN-SOFTIRQ-W at:
                    lock_acquire+0x158/0x480
                    _raw_spin_lock+0x58/0xa0
                    ibmvnic_poll+0x100/0x7e0 [ibmvnic]
 }
 ... key      at: [<c0080000025d8e10>] __key.12+0x0/0xfffffffffffff1f0 [ibmvnic]

the dependencies between the lock to be acquired
 and SOFTIRQ-irq-unsafe lock:
-> (&adapter->rwi_lock){+.+.}-{2:2} {
   HARDIRQ-ON-W at:
                    lock_acquire+0x158/0x480
                    _raw_spin_lock+0x58/0xa0
                    __ibmvnic_reset+0x88/0x6f0 [ibmvnic]
   SOFTIRQ-ON-W at:
                    lock_acquire+0x158/0x480
                    _raw_spin_lock+0x58/0xa0
                    __ibmvnic_reset+0x88/0x6f0 [ibmvnic]
 }
 ... key      at: [<c0080000025d8e00>] __key.11+0x0/0xfffffffffffff200 [ibmvnic]

stack backtrace:
CPU: 5 PID: 2201 Comm: ibmvnic Kdump: loaded Not tainted 5.14.0-427.13.1.el9_4.ppc64le+debug #1
Call Trace:
[c000000013a4f6f0] [c000000000e8f5c4] dump_stack_lvl+0xa8/0x100 (unreliable)
[c000000013a4f730] [c000000000250b48] print_bad_irq_dependency+0x3d8/0x440
[c000000013a4f7e0] [c0000000002524c0] check_irq_usage+0x630/0x6b0
[c000000013a4f940] [c000000000256a04] __lock_acquire+0x1b04/0x2a40
[c000000013a4fa80] [c000000000258208] lock_acquire+0x158/0x480
[c000000013a4fb80] [c000000001026ef8] _raw_spin_lock+0x58/0xa0
[c000000013a4fbb0] [c0080000025c43bc] ibmvnic_reset+0x6c/0x4a0 [ibmvnic]
[c000000013a4fc40] [c0080000025c4860] ibmvnic_tx_timeout+0x70/0xb0 [ibmvnic]
[c000000013a4fc70] [c000000000c9c3e4] dev_watchdog+0x384/0x3a0
[c000000013a4fce0] [c000000000298fe4] call_timer_fn+0xd4/0x3a0
[c000000013a4fd80] [c0000000002996c8] __run_timers.part.0+0x2b8/0x3c0
[c000000013a4fe40] [c000000001027d1c] __do_softirq+0x19c/0x574
''', dict(kind='softirq_safe_unsafe',
          chain=['&adapter->state_lock', '&adapter->state_lock',
                 '&adapter->rwi_lock', '&adapter->rwi_lock'],
          held_locks=['&adapter->state_lock'], task='ibmvnic', pid=2201,
          culprit='ibmvnic_reset',
          kernel='5.14.0-427.13.1.el9_4.ppc64le+debug'))

# Near misses (no report a kernel engineer would count)
NM_KEYS = [
    'BUG: MAX_LOCKDEP_KEYS too low!',
    'turning off the locking correctness validator.',
    'CPU: 0 UID: 0 PID: 4102 Comm: modprobe Not tainted 6.16.0 #1 PREEMPT(voluntary)',
    'Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.3-debian-1.16.3-2 04/01/2014',
    'Call Trace:',
    ' <TASK>',
    ' dump_stack_lvl+0x5d/0x80',
    ' register_lock_class+0x6a2/0x7a0',
    ' __lock_acquire+0x6d/0x2160',
    ' lock_acquire+0xd2/0x2e0',
    ' _raw_spin_lock_init+0x3a/0x60',
    ' </TASK>',
]

NM_SELFTEST = '''
------------------------
| Locking API testsuite:
----------------------------------------------------------------------------
                                 | spin |wlock |rlock |mutex | wsem | rsem |rtmutex
  --------------------------------------------------------------------------
                     A-A deadlock:  ok  |  ok  |  ok  |  ok  |  ok  |  ok  |  ok  |
                 A-B-B-A deadlock:  ok  |  ok  |  ok  |  ok  |  ok  |  ok  |  ok  |
             A-B-B-C-C-A deadlock:  ok  |  ok  |  ok  |  ok  |  ok  |  ok  |  ok  |
                   double unlock:  ok  |  ok  |  ok  |  ok  |  ok  |  ok  |  ok  |
                 initialize held:  ok  |  ok  |  ok  |  ok  |  ok  |  ok  |  ok  |
  --------------------------------------------------------------------------
              recursive read-lock:             |  ok  |             |  ok  |
  --------------------------------------------------------------------------
  | Wound/wait tests |
  ---------------------
                  ww api failures:  ok  |  ok  |  ok  |
  --------------------------------------------------------------------------
  | queued read lock tests |
  ---------------------------
      hardirq read-lock/lock-read:  ok  |
-------------------------------------------------------
Good, all 290 testcases passed! |
---------------------------------
'''.strip('\n').split('\n')

NM_PROSE = [
    'On Mon, Dec 1, 2025 at 10:02 AM Jane Doe <jane@example.org> wrote:',
    '> Could the lockdep splat you saw last week come from this change?',
    '',
    'No: that was a possible circular locking dependency between',
    'mixer_mutex and controls_rwsem, which this patch does not touch;',
    'the report has not reproduced on 6.16-rc4 since.',
    '',
    'Thanks,',
    'John',
]
