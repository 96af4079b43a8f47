# Base reports: lines as printed by the kernel (one entry per console line;
# "" = an empty record), plus labels.
A = dict(lines='''
======================================================
WARNING: possible circular locking dependency detected
6.6.0-rc3-00012-g5a6c1e9f03d2 #7 Not tainted
------------------------------------------------------
fsstress/4711 is trying to acquire lock:
ffff888112c3a8d8 (&ei->xattr_sem){++++}-{3:3}, at: ext4_xattr_set_handle+0x10f/0x1090

but task is already holding lock:
ffff88810ad1c990 (jbd2_handle){++++}-{0:0}, at: start_this_handle+0x1079/0x1560

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #1 (jbd2_handle){++++}-{0:0}:
       start_this_handle+0x10a2/0x1560
       jbd2__journal_start+0x193/0x6a0
       __ext4_journal_start_sb+0x3a1/0x4b0
       ext4_xattr_ibody_find+0x4c/0x3f0
       ext4_xattr_set_handle+0x2f5/0x1090
       ext4_initxattrs+0x8c/0xf0
       security_inode_init_security+0x1f9/0x3c0
       __ext4_new_inode+0x3b35/0x5970
       ext4_create+0x2a1/0x4e0
       lookup_open.isra.0+0xec7/0x12c0
       path_openat+0x839/0x2a90
       do_filp_open+0x1ba/0x410
       do_sys_openat2+0x16d/0x1c0
       __x64_sys_openat+0x143/0x200
       do_syscall_64+0x3c/0x90
       entry_SYSCALL_64_after_hwframe+0x6e/0xd8

-> #0 (&ei->xattr_sem){++++}-{3:3}:
       __lock_acquire+0x2e3c/0x5ea0
       lock_acquire+0x1ae/0x520
       down_write+0x93/0x200
       ext4_xattr_set_handle+0x10f/0x1090
       ext4_xattr_set+0x13b/0x260
       __vfs_setxattr+0x173/0x1e0
       __vfs_setxattr_noperm+0x7b/0x1d0
       vfs_setxattr+0x12a/0x2f0
       setxattr+0x138/0x180
       path_setxattr+0x134/0x1e0
       __x64_sys_setxattr+0xc0/0x160
       do_syscall_64+0x3c/0x90
       entry_SYSCALL_64_after_hwframe+0x6e/0xd8

other info that might help us debug this:

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  rlock(jbd2_handle);
                               lock(&ei->xattr_sem);
                               lock(jbd2_handle);
  lock(&ei->xattr_sem);

 *** DEADLOCK ***

3 locks held by fsstress/4711:
 #0: ffff888104d0c420 (sb_writers#4){.+.+}-{0:0}, at: mnt_want_write+0x3f/0x90
 #1: ffff888119a2f4c0 (&type->i_mutex_dir_key#3){++++}-{3:3}, at: vfs_setxattr+0xf1/0x2f0
 #2: ffff88810ad1c990 (jbd2_handle){++++}-{0:0}, at: start_this_handle+0x1079/0x1560

stack backtrace:
CPU: 1 PID: 4711 Comm: fsstress Not tainted 6.6.0-rc3-00012-g5a6c1e9f03d2 #7
Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-debian-1.16.2-1 04/01/2014
Call Trace:
 <TASK>
 dump_stack_lvl+0x6e/0x90
 check_noncircular+0x2fa/0x3b0
 __lock_acquire+0x2e3c/0x5ea0
 lock_acquire+0x1ae/0x520
 down_write+0x93/0x200
 ext4_xattr_set_handle+0x10f/0x1090
 ext4_xattr_set+0x13b/0x260
 __vfs_setxattr+0x173/0x1e0
 __vfs_setxattr_noperm+0x7b/0x1d0
 vfs_setxattr+0x12a/0x2f0
 setxattr+0x138/0x180
 path_setxattr+0x134/0x1e0
 __x64_sys_setxattr+0xc0/0x160
 do_syscall_64+0x3c/0x90
 entry_SYSCALL_64_after_hwframe+0x6e/0xd8
RIP: 0033:0x7f2b8e91fa3e
Code: 73 01 c3 48 8b 0d e2 33 0c 00 f7 d8 64 89 01 48 83 c8 ff c3 66 2e 0f 1f 84 00 00 00 00 00 90 f3 0f 1e fa 49 89 ca b8 bc 00 00 00 0f 05 <48> 3d 01 f0 ff ff 73 01 c3 48 8b 0d b1 33 0c 00 f7 d8 64 89 01 48
RSP: 002b:00007ffd6c0b7d88 EFLAGS: 00000246 ORIG_RAX: 00000000000000bc
RAX: ffffffffffffffda RBX: 0000000000000000 RCX: 00007f2b8e91fa3e
RDX: 0000557b3c1e2f60 RSI: 00007ffd6c0b7e30 RDI: 0000557b3c1e3a10
RBP: 0000000000000012 R08: 0000000000000000 R09: 0000000000000000
R10: 0000000000000012 R11: 0000000000000246 R12: 0000557b3c1e3a10
R13: 00007ffd6c0b7e30 R14: 0000557b3c1e2f60 R15: 0000000000000000
 </TASK>
''', label=dict(kind="circular", chain=["jbd2_handle", "&ei->xattr_sem"],
     held_locks=["sb_writers#4", "&type->i_mutex_dir_key#3", "jbd2_handle"],
     task="fsstress", pid=4711, culprit="ext4_xattr_set_handle",
     kernel="6.6.0-rc3-00012-g5a6c1e9f03d2"))

B = dict(lines='''
============================================
WARNING: possible recursive locking detected
5.15.74-rt53-yocto-preempt-rt #1 Tainted: G           O
--------------------------------------------
irq/56-mmc0/187 is trying to acquire lock:
ffff00000a3b6d68 (&host->lock){+.+.}-{3:3}, at: sdhci_request_done+0x40/0x2a0

but task is already holding lock:
ffff00000a3b6d68 (&host->lock){+.+.}-{3:3}, at: sdhci_thread_irq+0x2c/0x130

other info that might help us debug this:
 Possible unsafe locking scenario:

       CPU0
       ----
  lock(&host->lock);
  lock(&host->lock);

 *** DEADLOCK ***

 May be due to missing lock nesting notation

2 locks held by irq/56-mmc0/187:
 #0: ffff00000a3b6d68 (&host->lock){+.+.}-{3:3}, at: sdhci_thread_irq+0x2c/0x130
 #1: ffff800009a0b8b8 (rcu_read_lock){....}-{1:3}, at: rt_spin_lock+0x30/0x100

stack backtrace:
CPU: 0 PID: 187 Comm: irq/56-mmc0 Tainted: G           O      5.15.74-rt53-yocto-preempt-rt #1
Hardware name: Raspberry Pi 4 Model B Rev 1.4 (DT)
Call trace:
 dump_backtrace+0x0/0x1b0
 show_stack+0x20/0x30
 dump_stack_lvl+0x8c/0xb8
 dump_stack+0x18/0x34
 __lock_acquire+0x1a4c/0x1e80
 lock_acquire+0x2c4/0x3b0
 rt_spin_lock+0x4c/0x100
 sdhci_request_done+0x40/0x2a0
 sdhci_thread_irq+0x5c/0x130
 irq_thread_fn+0x34/0xa0
 irq_thread+0x19c/0x260
 kthread+0x164/0x180
 ret_from_fork+0x10/0x20
''', label=dict(kind="recursive", chain=["&host->lock", "&host->lock"],
     held_locks=["&host->lock", "rcu_read_lock"], task="irq/56-mmc0", pid=187,
     culprit="sdhci_request_done", kernel="5.15.74-rt53-yocto-preempt-rt"))

C = dict(lines='''
=================================
[ INFO: inconsistent lock state ]
4.4.0-rc5+ #3 Not tainted
---------------------------------
inconsistent {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} usage.
swapper/3/0 [HC0[0]:SC1[1]:HE1:SE0] takes:
 (&(&tp->lock)->rlock){+.?...}, at: [<ffffffffa0412c7e>] rtl_tx+0x4e/0x2b0 [r8169]
{SOFTIRQ-ON-W} state was registered at:
  [<ffffffff810d4e5c>] __lock_acquire+0x5ac/0x1c80
  [<ffffffff810d5a4e>] lock_acquire+0xde/0x1e0
  [<ffffffff817ff5b6>] _raw_spin_lock+0x36/0x50
  [<ffffffffa0414a15>] rtl8169_get_stats64+0x95/0x1a0 [r8169]
  [<ffffffff816a2f1e>] dev_get_stats+0x4e/0xb0
  [<ffffffff816c8a33>] rtnl_fill_stats+0x43/0x100
  [<ffffffff816c9c1e>] rtnl_fill_ifinfo+0x56e/0xf70
  [<ffffffff816ca8b5>] rtnl_dump_ifinfo+0x2b5/0x3a0
  [<ffffffff816ec13a>] netlink_dump+0x11a/0x2e0
  [<ffffffff816ecf37>] __netlink_dump_start+0x157/0x1c0
  [<ffffffff816c6bc2>] rtnetlink_rcv_msg+0x182/0x220
  [<ffffffff816ee1d4>] netlink_rcv_skb+0xa4/0xc0
  [<ffffffff816c5d45>] rtnetlink_rcv+0x25/0x40
  [<ffffffff816ed9a3>] netlink_unicast+0x173/0x220
  [<ffffffff816edd8a>] netlink_sendmsg+0x33a/0x3a0
  [<ffffffff8168a0e8>] sock_sendmsg+0x38/0x50
  [<ffffffff8168a7a1>] SYSC_sendto+0x101/0x190
  [<ffffffff8168b31e>] SyS_sendto+0xe/0x10
  [<ffffffff817ffe36>] entry_SYSCALL_64_fastpath+0x16/0x7a
irq event stamp: 239876
hardirqs last  enabled at (239876): [<ffffffff817ffb12>] _raw_spin_unlock_irqrestore+0x42/0x70
hardirqs last disabled at (239875): [<ffffffff817ff7f2>] _raw_spin_lock_irqsave+0x22/0x70
softirqs last  enabled at (239866): [<ffffffff810860c8>] _local_bh_enable+0x28/0x50
softirqs last disabled at (239867): [<ffffffff810861a5>] irq_exit+0xb5/0xc0

other info that might help us debug this:
 Possible unsafe locking scenario:

       CPU0
       ----
  lock(&(&tp->lock)->rlock);
  <Interrupt>
    lock(&(&tp->lock)->rlock);

 *** DEADLOCK ***

no locks held by swapper/3/0.

stack backtrace:
CPU: 3 PID: 0 Comm: swapper/3 Not tainted 4.4.0-rc5+ #3
Hardware name: Dell Inc. OptiPlex 7010/0WR7PY, BIOS A18 04/30/2014
 0000000000000000 ffff88021e383b48 ffffffff813c8a1c ffffffff82867a60
 ffff880214a3a880 ffff88021e383b98 ffffffff811799cb 0000000000000000
 0000000000000001 ffff880200000001 0000000000000000 ffffffff810d1f20
Call Trace:
 <IRQ>  [<ffffffff813c8a1c>] dump_stack+0x85/0xc9
 [<ffffffff811799cb>] print_usage_bug+0x1eb/0x1fc
 [<ffffffff810d1f20>] ? check_usage_forwards+0x150/0x150
 [<ffffffff810d2e15>] mark_lock+0x5d5/0x620
 [<ffffffff810d3d05>] __lock_acquire+0x6c5/0x1c80
 [<ffffffff810d5a4e>] lock_acquire+0xde/0x1e0
 [<ffffffffa0412c7e>] ? rtl_tx+0x4e/0x2b0 [r8169]
 [<ffffffff817ff5b6>] _raw_spin_lock+0x36/0x50
 [<ffffffffa0412c7e>] ? rtl_tx+0x4e/0x2b0 [r8169]
 [<ffffffffa0412c7e>] rtl_tx+0x4e/0x2b0 [r8169]
 [<ffffffffa0413a31>] rtl8169_poll+0x61/0x290 [r8169]
 [<ffffffff816b3f2c>] net_rx_action+0x21c/0x3e0
 [<ffffffff81085c0e>] __do_softirq+0xde/0x4c0
 [<ffffffff810861a5>] irq_exit+0xb5/0xc0
 [<ffffffff818023e4>] do_IRQ+0x64/0x100
 [<ffffffff818003c9>] common_interrupt+0x89/0x89
 <EOI>  [<ffffffff8166f9a5>] ? cpuidle_enter_state+0xd5/0x2f0
 [<ffffffff8166f981>] ? cpuidle_enter_state+0xb1/0x2f0
 [<ffffffff8166fbf7>] cpuidle_enter+0x17/0x20
 [<ffffffff810c7a5b>] call_cpuidle+0x3b/0x70
 [<ffffffff810c7d2e>] cpu_startup_entry+0x29e/0x370
 [<ffffffff8104e7a3>] start_secondary+0x153/0x1a0
''', label=dict(kind="inconsistent_lock_state", chain=["&(&tp->lock)->rlock"],
     held_locks=[], task="swapper/3", pid=0, culprit="rtl_tx", kernel="4.4.0-rc5+"))

D = dict(lines='''
INFO: task sync:5123 blocked for more than 122 seconds.
      Not tainted 6.1.55-dbg #1
"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
task:sync            state:D stack:0     pid:5123  ppid:5009   flags:0x00004002
Call Trace:
 <TASK>
 __schedule+0x3c8/0xbd0
 schedule+0x5e/0xd0
 rwsem_down_read_slowpath+0x2b4/0x550
 down_read+0x48/0xc0
 iterate_supers+0x8f/0x110
 ksys_sync+0x40/0xa0
 __do_sys_sync+0xa/0x20
 do_syscall_64+0x3b/0x90
 entry_SYSCALL_64_after_hwframe+0x63/0xcd
RIP: 0033:0x7f1d2b51c2bb
RSP: 002b:00007ffc1c6a1d38 EFLAGS: 00000246 ORIG_RAX: 00000000000000a2
RAX: ffffffffffffffda RBX: 00007ffc1c6a1f48 RCX: 00007f1d2b51c2bb
RDX: 0000000000000000 RSI: 0000000000000000 RDI: 0000000000000000
RBP: 0000000000000001 R08: 0000000000000000 R09: 0000000000000000
R10: 0000000000000000 R11: 0000000000000246 R12: 0000000000000000
R13: 0000000000000000 R14: 0000000000000000 R15: 0000000000000000
 </TASK>

Showing all locks held in the system:
1 lock held by rcu_tasks_kthre/12:
 #0: ffffffff82b6bd70 (rcu_tasks.tasks_gp_mutex){+.+.}-{3:3}, at: rcu_tasks_one_gp+0x31/0x420
1 lock held by khungtaskd/45:
 #0: ffffffff82b6c6e0 (rcu_read_lock){....}-{1:2}, at: debug_show_all_locks+0x23/0x190
2 locks held by umount/5071:
 #0: ffff888104e640e0 (&type->s_umount_key#31){++++}-{3:3}, at: deactivate_super+0x30/0x50
 #1: ffff888106f3a0f8 (&fs_info->cleaner_mutex){+.+.}-{3:3}, at: btrfs_commit_super+0x1f/0x80
1 lock held by sync/5123:
 #0: ffff888104e640e0 (&type->s_umount_key#31){++++}-{3:3}, at: iterate_supers+0x8f/0x110

=============================================

''', label=dict(kind="hung_task_all_locks", chain=[],
     held_locks=["&type->s_umount_key#31"], task="sync", pid=5123,
     culprit="iterate_supers", kernel="6.1.55-dbg"))

E = dict(lines='''
================================================
WARNING: lock held when returning to user space!
6.8.0-rc2-next-20240201 #1 Not tainted
------------------------------------------------
nvme/2291 is leaving the kernel with locks still held!
1 lock held by nvme/2291:
 #0: ffff88810b6c5a30 (&ctrl->scan_lock){+.+.}-{3:3}, at: nvme_dev_user_cmd+0x4f/0x1d0 [nvme_core]
''', label=dict(kind="lock_held_user_return", chain=[],
     held_locks=["&ctrl->scan_lock"], task="nvme", pid=2291,
     culprit="nvme_dev_user_cmd", kernel="6.8.0-rc2-next-20240201"))

F = dict(lines='''
=============================
WARNING: suspicious RCU usage
6.9.0-rc4-00031-g1c6c31e0e8f5 #12 Not tainted
-----------------------------
drivers/net/ethernet/stmicro/stmmac/stmmac_main.c:6123 suspicious rcu_dereference_check() usage!

other info that might help us debug this:


rcu_scheduler_active = 2, debug_locks = 1
2 locks held by kworker/u8:3/98:
 #0: ff6000008009f138 ((wq_completion)events_power_efficient){+.+.}-{0:0}, at: process_one_work+0x1e4/0x5c8
 #1: ff20000000cabd68 ((work_completion)(&(&priv->service_task)->work)){+.+.}-{0:0}, at: process_one_work+0x1e4/0x5c8

stack backtrace:
CPU: 2 PID: 98 Comm: kworker/u8:3 Not tainted 6.9.0-rc4-00031-g1c6c31e0e8f5 #12
Hardware name: StarFive VisionFive 2 v1.3B (DT)
Workqueue: events_power_efficient stmmac_service_task
Call Trace:
[<ffffffff80006a9c>] dump_backtrace+0x1c/0x24
[<ffffffff80b4b0a2>] show_stack+0x2c/0x38
[<ffffffff80b5a3a4>] dump_stack_lvl+0x5a/0x7c
[<ffffffff80b5a3da>] dump_stack+0x14/0x1c
[<ffffffff80081f7c>] lockdep_rcu_suspicious+0x1a4/0x1d0
[<ffffffff807a1c2e>] stmmac_fpe_event_status+0x98/0xd4
[<ffffffff807a3e40>] stmmac_service_task+0x40/0x6c
[<ffffffff80037c5e>] process_one_work+0x22c/0x5c8
[<ffffffff8003842a>] worker_thread+0x24e/0x3b8
[<ffffffff800406b0>] kthread+0xd2/0xf4
[<ffffffff80b6a4e2>] ret_from_fork+0xe/0x1c
''', label=dict(kind="rcu_suspicious", chain=[],
     held_locks=["(wq_completion)events_power_efficient",
                 "(work_completion)(&(&priv->service_task)->work)"],
     task="kworker/u8:3", pid=98, culprit="stmmac_fpe_event_status",
     kernel="6.9.0-rc4-00031-g1c6c31e0e8f5"))

G = dict(lines='''
=====================================
WARNING: bad unlock balance detected!
5.10.178-dbg #2 Tainted: G        W
-------------------------------------
kworker/1:2/213 is trying to release lock (&ar_sdio->irq_data.mtx) at:
[<ffffffffc06a52a1>] ath10k_sdio_irq_disable+0x61/0x90 [ath10k_sdio]
but there are no more locks to release!

other info that might help us debug this:
2 locks held by kworker/1:2/213:
 #0: ffff888100063d38 ((wq_completion)events){+.+.}-{0:0}, at: process_one_work+0x1f3/0x5c0
 #1: ffffc90000a17e78 ((work_completion)(&ar->restart_work)){+.+.}-{0:0}, at: process_one_work+0x1f3/0x5c0

stack backtrace:
CPU: 1 PID: 213 Comm: kworker/1:2 Tainted: G        W         5.10.178-dbg #2
Hardware name: Intel Corporation NUC7i5BNH/NUC7i5BNB, BIOS BNKBL357.86A.0088.2022.0125.1102 01/25/2022
Workqueue: events ath10k_core_restart [ath10k_core]
Call Trace:
 dump_stack+0x8b/0xb0
 print_unlock_imbalance_bug.cold+0x114/0x123
 lock_release+0x257/0x390
 __mutex_unlock_slowpath+0x45/0x2a0
 ath10k_sdio_irq_disable+0x61/0x90 [ath10k_sdio]
 ath10k_sdio_hif_stop+0x3c/0x140 [ath10k_sdio]
 ath10k_core_restart+0x14f/0x210 [ath10k_core]
 process_one_work+0x27a/0x5c0
 worker_thread+0x50/0x3b0
 kthread+0x13d/0x160
 ret_from_fork+0x22/0x30
''', label=dict(kind="bad_unlock_balance", chain=["&ar_sdio->irq_data.mtx"],
     held_locks=["(wq_completion)events", "(work_completion)(&ar->restart_work)"],
     task="kworker/1:2", pid=213, culprit="ath10k_sdio_irq_disable",
     kernel="5.10.178-dbg"))

H = dict(lines='''
=========================
WARNING: held lock freed!
6.1.0-rc5-00107-g4c3bdd8a2e43 #2 Not tainted
-------------------------
vhost-vsock/1831 is freeing memory c00000000c7e4000-c00000000c7e7fff, with a lock still held there!
c00000000c7e40b0 (&vq->mutex){+.+.}-{3:3}, at: vhost_vsock_dev_release+0x8c/0x230 [vhost_vsock]
1 lock held by vhost-vsock/1831:
 #0: c00000000c7e40b0 (&vq->mutex){+.+.}-{3:3}, at: vhost_vsock_dev_release+0x8c/0x230 [vhost_vsock]

stack backtrace:
CPU: 3 PID: 1831 Comm: vhost-vsock Not tainted 6.1.0-rc5-00107-g4c3bdd8a2e43 #2
Hardware name: IBM pSeries (emulated by qemu) POWER9 (raw) 0x4e1202 0xf000005 of:SLOF,HEAD pSeries
Call Trace:
[c00000000a4b7980] [c000000000e4c0a4] dump_stack_lvl+0x98/0xe0 (unreliable)
[c00000000a4b79c0] [c0000000001e8f4c] debug_check_no_locks_freed+0x1bc/0x1d0
[c00000000a4b7a50] [c0000000004b3c4c] kvfree+0x5c/0x80
[c00000000a4b7a80] [c008000001a51d38] vhost_vsock_dev_release+0x1a8/0x230 [vhost_vsock]
[c00000000a4b7b10] [c000000000574b1c] __fput+0xdc/0x370
[c00000000a4b7b70] [c0000000001a6d84] task_work_run+0xe4/0x170
[c00000000a4b7bc0] [c000000000023f5c] do_notify_resume+0x45c/0x4a0
[c00000000a4b7c70] [c000000000033d7c] interrupt_exit_user_prepare_main+0x1cc/0x2d0
[c00000000a4b7cd0] [c000000000034234] syscall_exit_prepare+0xc4/0x1e0
[c00000000a4b7e10] [c00000000000c7b8] system_call_vectored_common+0xf8/0x278
--- interrupt: 3000 at 0x7fff9b6a31d4
NIP:  00007fff9b6a31d4 LR: 0000000000000000 CTR: 0000000000000000
REGS: c00000000a4b7e80 TRAP: 3000   Not tainted  (6.1.0-rc5-00107-g4c3bdd8a2e43)
MSR:  800000000280f033 <SF,VEC,VSX,EE,PR,FP,ME,IR,DR,RI,LE>  CR: 24002404  XER: 00000000
IRQMASK: 0
--- interrupt: 3000
''', label=dict(kind="held_lock_freed", chain=["&vq->mutex"],
     held_locks=["&vq->mutex"], task="vhost-vsock", pid=1831,
     culprit="vhost_vsock_dev_release", kernel="6.1.0-rc5-00107-g4c3bdd8a2e43"))

I = dict(lines='''
======================================================
[ INFO: possible circular locking dependency detected ]
3.10.0-rc7+ #4 Not tainted
-------------------------------------------------------
Xorg/1243 is trying to acquire lock:
 (&dev->struct_mutex){+.+.+.}, at: [<ffffffffa00a5a5e>] i915_gem_fault+0x4e/0x270 [i915]

but task is already holding lock:
 (&mm->mmap_sem){++++++}, at: [<ffffffff8163f6d2>] __do_page_fault+0x152/0x4d0

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #1 (&mm->mmap_sem){++++++}:
       [<ffffffff810b5aa2>] lock_acquire+0xa2/0x1f0
       [<ffffffff8117e5ec>] might_fault+0x8c/0xb0
       [<ffffffffa00a3d1e>] i915_gem_do_execbuffer.isra.12+0x2be/0x1530 [i915]
       [<ffffffffa00a5203>] i915_gem_execbuffer2+0xb3/0x2b0 [i915]
       [<ffffffffa0029d95>] drm_ioctl+0x4e5/0x630 [drm]
       [<ffffffff811c3f35>] do_vfs_ioctl+0x305/0x530
       [<ffffffff811c41e1>] SyS_ioctl+0x81/0xa0
       [<ffffffff81643a82>] system_call_fastpath+0x16/0x1b

-> #0 (&dev->struct_mutex){+.+.+.}:
       [<ffffffff810b4e03>] __lock_acquire+0x1a13/0x1b20
       [<ffffffff810b5aa2>] lock_acquire+0xa2/0x1f0
       [<ffffffff81632a07>] mutex_lock_interruptible_nested+0x77/0x3b0
       [<ffffffffa00a5a5e>] i915_gem_fault+0x4e/0x270 [i915]
       [<ffffffff8117ad33>] __do_fault+0x73/0x4f0
       [<ffffffff8117e2f7>] handle_pte_fault+0x97/0x9d0
       [<ffffffff8117f0a9>] handle_mm_fault+0x289/0x600
       [<ffffffff8163f74d>] __do_page_fault+0x1cd/0x4d0
       [<ffffffff8163fa5e>] do_page_fault+0xe/0x10
       [<ffffffff8163c0b2>] page_fault+0x22/0x30

other info that might help us debug this:

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&mm->mmap_sem);
                               lock(&dev->struct_mutex);
                               lock(&mm->mmap_sem);
  lock(&dev->struct_mutex);

 *** DEADLOCK ***

1 lock held by Xorg/1243:
 #0:  (&mm->mmap_sem){++++++}, at: [<ffffffff8163f6d2>] __do_page_fault+0x152/0x4d0

stack backtrace:
CPU: 1 PID: 1243 Comm: Xorg Not tainted 3.10.0-rc7+ #4
Hardware name: LENOVO 2356GCG/2356GCG, BIOS G7ET94WW (2.54 ) 04/30/2013
 ffffffff82260ed0 ffff8800b1e47a18 ffffffff81629a2b ffff8800b1e47a68
 ffffffff81625116 ffff8800b1e47a58 ffff8800b2e3c8e8 ffff8800b2e3c140
 0000000000000001 0000000000000001 ffff8800b2e3c8e8 0000000000000000
Call Trace:
 [<ffffffff81629a2b>] dump_stack+0x19/0x1b
 [<ffffffff81625116>] print_circular_bug+0x1fb/0x20c
 [<ffffffff810b4e03>] __lock_acquire+0x1a13/0x1b20
 [<ffffffff810b5aa2>] lock_acquire+0xa2/0x1f0
 [<ffffffffa00a5a5e>] ? i915_gem_fault+0x4e/0x270 [i915]
 [<ffffffff81632a07>] mutex_lock_interruptible_nested+0x77/0x3b0
 [<ffffffffa00a5a5e>] ? i915_gem_fault+0x4e/0x270 [i915]
 [<ffffffffa00a5a5e>] i915_gem_fault+0x4e/0x270 [i915]
 [<ffffffff8117ad33>] __do_fault+0x73/0x4f0
 [<ffffffff8117e2f7>] handle_pte_fault+0x97/0x9d0
 [<ffffffff8117f0a9>] handle_mm_fault+0x289/0x600
 [<ffffffff8163f74d>] __do_page_fault+0x1cd/0x4d0
 [<ffffffff8163fa5e>] do_page_fault+0xe/0x10
 [<ffffffff8163c0b2>] page_fault+0x22/0x30
''', label=dict(kind="circular", chain=["&mm->mmap_sem", "&dev->struct_mutex"],
     held_locks=["&mm->mmap_sem"], task="Xorg", pid=1243, culprit="i915_gem_fault",
     kernel="3.10.0-rc7+"))

J = dict(lines='''
=============================
[ BUG: Invalid wait context ]
6.12.0-rc3-00145-g8f7a1c2d3e4b #1 Not tainted
-----------------------------
swapper/0/1 is trying to lock:
ffffffff83a1e9d8 (&port_lock_key){....}-{3:3}, at: serial8250_console_write+0x1b4/0x7a0
other info that might help us debug this:
context-{5:5}
3 locks held by swapper/0/1:
 #0: ffffffff83a05f60 (console_lock){+.+.}-{0:0}, at: vprintk_emit+0x11d/0x3a0
 #1: ffffffff83a06040 (console_srcu){....}-{0:0}, at: console_flush_all+0x4e/0x5c0
 #2: ffffffff83b2c738 (&irq_desc_lock_class){-.-.}-{2:2}, at: __irq_get_desc_lock+0x6e/0xd0
stack backtrace:
CPU: 0 UID: 0 PID: 1 Comm: swapper/0 Not tainted 6.12.0-rc3-00145-g8f7a1c2d3e4b #1
Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.3-debian-1.16.3-2 04/01/2014
Call Trace:
 <TASK>
 dump_stack_lvl+0x7d/0xa0
 __lock_acquire+0x9a5/0x2160
 lock_acquire+0xd1/0x2e0
 _raw_spin_lock_irqsave+0x42/0x60
 serial8250_console_write+0x1b4/0x7a0
 console_flush_all+0x1f6/0x5c0
 console_unlock+0x9e/0x150
 vprintk_emit+0x285/0x3a0
 _printk+0x53/0x70
 irq_domain_debug_show_one+0x34/0x90
 setup_irq_thread+0x6d/0x120
 ? __pfx_irq_thread+0x10/0x10
 kernel_init_freeable+0x1ca/0x2e0
 ? __pfx_kernel_init+0x10/0x10
 kernel_init+0x1a/0x140
 ret_from_fork+0x34/0x50
 ? __pfx_kernel_init+0x10/0x10
 ret_from_fork_asm+0x1a/0x30
 </TASK>
''', label=dict(kind="invalid_wait_context", chain=["&port_lock_key"],
     held_locks=["console_lock", "console_srcu", "&irq_desc_lock_class"],
     task="swapper/0", pid=1, culprit="serial8250_console_write",
     kernel="6.12.0-rc3-00145-g8f7a1c2d3e4b"))

Dold = dict(lines='''
INFO: task jbd2/dm-0-8:456 blocked for more than 120 seconds.
"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
jbd2/dm-0-8   D 0000000000000001     0   456      2 0x00000000
 ffff88021a7d3c70 0000000000000046 0000000000000000 ffffffff81087c70
 ffff88021a7d3c20 ffffffff810bb1f5 ffff88021a7d3fd8 ffff88021a7d3fd8
 ffff88021a7a1148 ffff88021a7d3fd8 000000000000fbc8 ffff88021a7a1148
Call Trace:
 [<ffffffff8155a1b3>] io_schedule+0x73/0xc0
 [<ffffffff811c57ed>] sync_buffer+0x3d/0x50
 [<ffffffff8155ac6f>] __wait_on_bit+0x5f/0x90
 [<ffffffff811c57b0>] ? sync_buffer+0x0/0x50
 [<ffffffff8155ad18>] out_of_line_wait_on_bit+0x78/0x90
 [<ffffffff810a6920>] ? wake_bit_function+0x0/0x50
 [<ffffffff811c57a6>] __wait_on_buffer+0x26/0x30
 [<ffffffffa00a0d1e>] jbd2_journal_commit_transaction+0x11be/0x1510 [jbd2]
 [<ffffffffa00a6c48>] kjournald2+0xb8/0x220 [jbd2]
 [<ffffffff810a6880>] ? autoremove_wake_function+0x0/0x40
 [<ffffffffa00a6b90>] ? kjournald2+0x0/0x220 [jbd2]
 [<ffffffff810a63ee>] kthread+0x9e/0xc0
 [<ffffffff8100c28a>] child_rip+0xa/0x20
 [<ffffffff810a6350>] ? kthread+0x0/0xc0
 [<ffffffff8100c280>] ? child_rip+0x0/0x20
1 lock held by jbd2/dm-0-8/456:
 #0:  (&journal->j_checkpoint_mutex){+.+...}, at: [<ffffffffa00a6c2a>] kjournald2+0x9a/0x220 [jbd2]
''', label=dict(kind="hung_task_all_locks", chain=[],
     held_locks=["&journal->j_checkpoint_mutex"], task="jbd2/dm-0-8", pid=456,
     culprit="jbd2_journal_commit_transaction", kernel=None))

Eold = dict(lines='''
================================================
[ BUG: lock held when returning to user space! ]
3.19.0-rc4+ #14 Not tainted
------------------------------------------------
trinity-c1/2876 is leaving the kernel with locks still held!
1 lock held by trinity-c1/2876:
 #0:  (&ep->mtx){+.+.+.}, at: [<ffffffff81252c8e>] SyS_epoll_ctl+0x58e/0x9f0
''', label=dict(kind="lock_held_user_return", chain=[], held_locks=["&ep->mtx"],
     task="trinity-c1", pid=2876, culprit="SyS_epoll_ctl", kernel="3.19.0-rc4+"))

Gold = dict(lines='''
=====================================
[ BUG: bad unlock balance detected! ]
4.4.0-rc1+ #2 Not tainted
-------------------------------------
v4l2-ctl/1890 is trying to release lock (&dev->lock) at:
[<ffffffff817ffa1e>] mutex_unlock+0xe/0x10
but there are no more locks to release!

other info that might help us debug this:
no locks held by v4l2-ctl/1890.

stack backtrace:
CPU: 2 PID: 1890 Comm: v4l2-ctl Not tainted 4.4.0-rc1+ #2
Hardware name: Gigabyte Technology Co., Ltd. To be filled by O.E.M./Z77X-D3H, BIOS F14 05/31/2012
 ffffffff82a4f540 ffff8800c83b7c98 ffffffff813c8a1c ffff8800c8b32780
 ffffffff82a4f540 ffff8800c83b7cc8 ffffffff810d3b5c ffff8800c8b32780
 ffffffff817ffa1e 00000000ffffffff ffff8800c8b32ff8 ffff8800c83b7d48
Call Trace:
 [<ffffffff813c8a1c>] dump_stack+0x85/0xc9
 [<ffffffff810d3b5c>] print_unlock_imbalance_bug+0xec/0x100
 [<ffffffff817ffa1e>] ? mutex_unlock+0xe/0x10
 [<ffffffff810d7a9d>] lock_release+0x35d/0x4c0
 [<ffffffff817fd3c1>] __mutex_unlock_slowpath+0x91/0x1a0
 [<ffffffff817ffa1e>] mutex_unlock+0xe/0x10
 [<ffffffffa05e1f2c>] em28xx_v4l2_close+0x9c/0x1c0 [em28xx_v4l2]
 [<ffffffffa03a4a1b>] v4l2_release+0x3b/0x80 [videodev]
 [<ffffffff811e3e3c>] __fput+0xec/0x200
 [<ffffffff811e3f8e>] ____fput+0xe/0x10
 [<ffffffff8109b4ae>] task_work_run+0x7e/0xa0
 [<ffffffff81003207>] exit_to_usermode_loop+0xd7/0xe0
 [<ffffffff81003b88>] syscall_return_slowpath+0xb8/0xc0
 [<ffffffff817ffdd8>] int_ret_from_sys_call+0x25/0x8f
''', label=dict(kind="bad_unlock_balance", chain=["&dev->lock"], held_locks=[],
     task="v4l2-ctl", pid=1890, culprit="em28xx_v4l2_close", kernel="4.4.0-rc1+"))

Fold = dict(lines='''
===============================
[ INFO: suspicious RCU usage. ]
3.2.0-rc1-00061-g4ef1e3c #38 Not tainted
-------------------------------
include/linux/cgroup.h:548 suspicious rcu_dereference_check() usage!

other info that might help us debug this:


rcu_scheduler_active = 1, debug_locks = 0
1 lock held by libvirtd/3021:
 #0:  (cgroup_mutex){+.+.+.}, at: [<ffffffff810a6c4c>] cgroup_lock_live_group+0x1c/0x60

stack backtrace:
Pid: 3021, comm: libvirtd Not tainted 3.2.0-rc1-00061-g4ef1e3c #38
Call Trace:
 [<ffffffff8108a5f5>] lockdep_rcu_suspicious+0xe5/0x100
 [<ffffffff81051e5a>] cpu_cgroup_can_attach+0x7a/0x90
 [<ffffffff810a8d27>] cgroup_attach_task+0x97/0x2b0
 [<ffffffff810a9128>] attach_task_by_pid+0x1e8/0x250
 [<ffffffff810a91c3>] cgroup_tasks_write+0x13/0x20
 [<ffffffff810a6ed4>] cgroup_file_write+0x174/0x2c0
 [<ffffffff81165f98>] vfs_write+0xc8/0x190
 [<ffffffff81166151>] sys_write+0x51/0x90
 [<ffffffff815c1902>] system_call_fastpath+0x16/0x1b
''', label=dict(kind="rcu_suspicious", chain=[], held_locks=["cgroup_mutex"],
     task="libvirtd", pid=3021, culprit="cpu_cgroup_can_attach",
     kernel="3.2.0-rc1-00061-g4ef1e3c"))

MAXLOW = dict(lines='''
BUG: MAX_LOCKDEP_ENTRIES too low!
turning off the locking correctness validator.
CPU: 5 PID: 17241 Comm: kworker/5:3 Not tainted 6.5.0-rc7-00109-g6a3c0e4f61a2 #1
Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.2-debian-1.16.2-1 04/01/2014
Workqueue: events_unbound async_run_entry_fn
Call Trace:
 <TASK>
 dump_stack_lvl+0x6e/0x90
 add_lock_to_list+0x137/0x150
 check_prev_add+0x1f8/0xd50
 validate_chain+0x77c/0xb20
 __lock_acquire+0x8d1/0x2190
 lock_acquire+0xd1/0x2d0
 _raw_spin_lock+0x2f/0x40
 scsi_device_unbusy+0x8a/0x120
 scsi_end_request+0x120/0x1b0
 scsi_io_completion+0x57/0x6e0
 blk_complete_reqs+0x3e/0x50
 __do_softirq+0xd4/0x3d9
 </TASK>
''', label=None)

SLEEP = dict(lines='''
BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580
in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 2931, name: modprobe
preempt_count: 1, expected: 0
RCU nest depth: 0, expected: 0
2 locks held by modprobe/2931:
 #0: ffff888103a2c1a8 (&dev->mutex){....}-{3:3}, at: __driver_attach+0xd7/0x1e0
 #1: ffff88810d6e4e18 (&priv->lock){+.+.}-{2:2}, at: foo_probe+0x133/0x3a0 [foo_drv]
Preemption disabled at:
[<ffffffffc0a1b133>] foo_probe+0x133/0x3a0 [foo_drv]
CPU: 2 PID: 2931 Comm: modprobe Not tainted 6.3.0-rc2 #5
Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS rel-1.16.2-0-gea1b7a073390-prebuilt.qemu.org 04/01/2014
Call Trace:
 <TASK>
 dump_stack_lvl+0x5b/0x80
 __might_resched+0x1f3/0x2d0
 __mutex_lock+0x4f/0xa30
 foo_setup_irq+0x4c/0x120 [foo_drv]
 foo_probe+0x1a8/0x3a0 [foo_drv]
 pci_device_probe+0xa7/0x150
 really_probe+0x19b/0x3e0
 __driver_probe_device+0x78/0x160
 driver_probe_device+0x1f/0x90
 __driver_attach+0xe2/0x1e0
 bus_for_each_dev+0x7a/0xd0
 bus_add_driver+0x1b1/0x200
 driver_register+0x8f/0xf0
 do_one_initcall+0x5b/0x320
 do_init_module+0x60/0x230
 __do_sys_finit_module+0xa2/0x100
 do_syscall_64+0x3b/0x90
 entry_SYSCALL_64_after_hwframe+0x72/0xdc
 </TASK>
''', label=None)

def L(b):
    ls = b['lines'].split('\n')
    assert ls[0] == '' and ls[-1] == ''
    return ls[1:-1]
