# SPDX-License-Identifier: GPL-2.0
# Base reports of tests/data/parse-forms2 (written by hand from the shapes of
# real kernels), as the kernel prints them, one record a line.
A = r"""
======================================================
WARNING: possible circular locking dependency detected
6.1.0-rc5-CI_DRM_12345-g8a2c1f3b9d4e+ #1 Not tainted
------------------------------------------------------
kworker/u16:3/1234 is trying to acquire lock:
ffff888105c3a0b8 (&dev->struct_mutex){+.+.}-{3:3}, at: i915_gem_shrinker_scan+0x5d/0x1a0 [i915]

but task is already holding lock:
ffffffff82a6f400 (fs_reclaim){+.+.}-{0:0}, at: __fs_reclaim_acquire+0x0/0x30

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #1 (fs_reclaim){+.+.}-{0:0}:
       fs_reclaim_acquire+0x9d/0xd0
       kmem_cache_alloc_trace+0x2e/0x2c0
       i915_gem_object_create_shmem+0x40/0x1b0 [i915]
       i915_gem_create_ioctl+0x5c/0x110 [i915]
       drm_ioctl_kernel+0xae/0x140
       drm_ioctl+0x201/0x3d0
       __x64_sys_ioctl+0x8a/0xc0
       do_syscall_64+0x3a/0x90
       entry_SYSCALL_64_after_hwframe+0x63/0xcd

-> #0 (&dev->struct_mutex){+.+.}-{3:3}:
       __lock_acquire+0x15a2/0x2a70
       lock_acquire+0xd3/0x310
       __mutex_lock+0x99/0x960
       i915_gem_shrinker_scan+0x5d/0x1a0 [i915]
       do_shrink_slab+0x13f/0x2c0
       shrink_slab+0x1c4/0x2c0
       shrink_node+0x22c/0x680

other info that might help us debug this:

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(fs_reclaim);
                               lock(&dev->struct_mutex);
                               lock(fs_reclaim);
  lock(&dev->struct_mutex);

 *** DEADLOCK ***

2 locks held by kworker/u16:3/1234:
 #0: ffffffff82a6f400 (fs_reclaim){+.+.}-{0:0}, at: __fs_reclaim_acquire+0x0/0x30
 #1: ffffffff82b2e3d0 (shrinker_rwsem){++++}-{3:3}, at: shrink_slab+0x88/0x2c0

stack backtrace:
CPU: 2 PID: 1234 Comm: kworker/u16:3 Not tainted 6.1.0-rc5-CI_DRM_12345-g8a2c1f3b9d4e+ #1
Hardware name: Intel Corporation Tiger Lake Client Platform/TigerLake U DDR4 SODIMM RVP, BIOS TGLSFWI1.R00.3197.A00.2005110542 05/11/2020
Workqueue: events_unbound async_run_entry_fn
Call Trace:
 <TASK>
 dump_stack_lvl+0x56/0x7b
 check_noncircular+0x132/0x150
 __lock_acquire+0x15a2/0x2a70
 lock_acquire+0xd3/0x310
 __mutex_lock+0x99/0x960
 i915_gem_shrinker_scan+0x5d/0x1a0 [i915]
 do_shrink_slab+0x13f/0x2c0
 shrink_slab+0x1c4/0x2c0
 shrink_node+0x22c/0x680
 do_try_to_free_pages+0xc7/0x4f0
 try_to_free_pages+0xe5/0x2b0
 __alloc_pages_slowpath.constprop.0+0x3a7/0xd50
 __alloc_pages+0x2e3/0x320
 async_run_entry_fn+0x24/0xe0
 process_one_work+0x272/0x5b0
 worker_thread+0x4f/0x3a0
 kthread+0xf5/0x120
 ret_from_fork+0x1f/0x30
 </TASK>
"""

B = r"""
============================================
WARNING: possible recursive locking detected
5.15.0-rc3-00012-g4f1e2d3c5b6a #3 Not tainted
--------------------------------------------
kworker/1:2/217 is trying to acquire lock:
ffff00000a2c8d18 (&genpd->mlock){+.+.}-{3:3}, at: genpd_lock_mtx+0x20/0x30

but task is already holding lock:
ffff00000a2c9118 (&genpd->mlock){+.+.}-{3:3}, at: genpd_lock_mtx+0x20/0x30

other info that might help us debug this:
 Possible unsafe locking scenario:

       CPU0
       ----
  lock(&genpd->mlock);
  lock(&genpd->mlock);

 *** DEADLOCK ***

 May be due to missing lock nesting notation

3 locks held by kworker/1:2/217:
 #0: ffff000002c18138 ((wq_completion)events){+.+.}-{0:0}, at: process_one_work+0x1f0/0x6b0
 #1: ffff80000a4f3dd8 ((work_completion)(&genpd->power_off_work)){+.+.}-{0:0}, at: process_one_work+0x1f0/0x6b0
 #2: ffff00000a2c9118 (&genpd->mlock){+.+.}-{3:3}, at: genpd_lock_mtx+0x20/0x30

stack backtrace:
CPU: 1 PID: 217 Comm: kworker/1:2 Not tainted 5.15.0-rc3-00012-g4f1e2d3c5b6a #3
Hardware name: Qualcomm Technologies, Inc. SM8250 MTP (DT)
Workqueue: events genpd_power_off_work_fn
Call trace:
 dump_backtrace+0x0/0x1b0
 show_stack+0x24/0x30
 dump_stack_lvl+0x68/0x84
 dump_stack+0x18/0x34
 __lock_acquire+0x1a94/0x1e90
 lock_acquire+0x1f8/0x2a0
 __mutex_lock+0xa4/0x4d0
 mutex_lock_nested+0x64/0x70
 genpd_lock_mtx+0x20/0x30
 genpd_power_off+0x1f4/0x2b0
 genpd_power_off+0x138/0x2b0
 genpd_power_off_work_fn+0x40/0x60
 process_one_work+0x28c/0x6b0
 worker_thread+0x74/0x460
 kthread+0x138/0x150
 ret_from_fork+0x10/0x20
"""

C = r"""
=================================
[ INFO: inconsistent lock state ]
4.4.0-rc4+ #37 Not tainted
---------------------------------
inconsistent {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} usage.
swapper/0/0 [HC0[0]:SC1[1]:HE1:SE0] takes:
 (&(&sk->sk_lock.slock)->rlock){+.?...}, at: [<ffffffff8171a8d2>] tcp_v4_rcv+0x8b2/0xa40
{SOFTIRQ-ON-W} state was registered at:
  [<ffffffff810c2a3f>] __lock_acquire+0x5cf/0x1b60
  [<ffffffff810c4536>] lock_acquire+0xb6/0x200
  [<ffffffff81842a46>] _raw_spin_lock+0x36/0x50
  [<ffffffff816b7d5a>] lock_sock_fast+0x2a/0x90
  [<ffffffff81726f3c>] udp_destroy_sock+0x2c/0x60
  [<ffffffff816b6b88>] sk_common_release+0x18/0xd0
  [<ffffffff817251d5>] udp_lib_close+0x15/0x20
  [<ffffffff8172f2ef>] inet_release+0x6f/0xb0
  [<ffffffff816b1e14>] sock_release+0x24/0x80
irq event stamp: 1245770
hardirqs last  enabled at (1245770): [<ffffffff8184306d>] _raw_spin_unlock_irqrestore+0x3d/0x60
hardirqs last disabled at (1245769): [<ffffffff81842c8f>] _raw_spin_lock_irqsave+0x1f/0x60
softirqs last  enabled at (1245712): [<ffffffff8106f3a3>] _local_bh_enable+0x23/0x40
softirqs last disabled at (1245713): [<ffffffff81070087>] irq_exit+0xa7/0xb0

other info that might help us debug this:
 Possible unsafe locking scenario:

       CPU0
       ----
  lock(&(&sk->sk_lock.slock)->rlock);
  <Interrupt>
    lock(&(&sk->sk_lock.slock)->rlock);

 *** DEADLOCK ***

1 lock held by swapper/0/0:
 #0:  (rcu_read_lock){......}, at: [<ffffffff816ccfb0>] __netif_receive_skb_core+0x60/0xb00

stack backtrace:
CPU: 0 PID: 0 Comm: swapper/0 Not tainted 4.4.0-rc4+ #37
Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS Bochs 01/01/2011
 ffffffff81c73a60 ffff88007fc03a98 ffffffff813fa4d3 ffffffff82619b70
 ffffffff81c14500 ffff88007fc03ae8 ffffffff810bd9a5 0000000000000000
Call Trace:
 <IRQ>  [<ffffffff813fa4d3>] dump_stack+0x4b/0x68
 [<ffffffff810bd9a5>] print_usage_bug+0x215/0x240
 [<ffffffff810be0ae>] mark_lock+0x6de/0x700
 [<ffffffff810c2a97>] __lock_acquire+0x627/0x1b60
 [<ffffffff810c4536>] lock_acquire+0xb6/0x200
 [<ffffffff81842a46>] _raw_spin_lock+0x36/0x50
 [<ffffffff8171a8d2>] tcp_v4_rcv+0x8b2/0xa40
 [<ffffffff816f4c3d>] ip_local_deliver_finish+0xbd/0x320
 [<ffffffff816f5548>] ip_local_deliver+0x58/0x100
 [<ffffffff816f4cb6>] ip_rcv_finish+0x96/0x4a0
 [<ffffffff816f58a5>] ip_rcv+0x2b5/0x410
 [<ffffffff816cd8e2>] __netif_receive_skb_core+0x6f2/0xb00
 [<ffffffff816cdd08>] __netif_receive_skb+0x18/0x60
 [<ffffffff816ce1fd>] process_backlog+0x8d/0x140
 [<ffffffff816ce6c2>] net_rx_action+0x1f2/0x360
 [<ffffffff81844e0c>] __do_softirq+0xcc/0x440
 [<ffffffff81070087>] irq_exit+0xa7/0xb0
 [<ffffffff81844a16>] do_IRQ+0x66/0xf0
 [<ffffffff81843b89>] common_interrupt+0x89/0x89
 <EOI>  [<ffffffff8101e9f5>] ? default_idle+0x25/0x110
 [<ffffffff8101f34a>] arch_cpu_idle+0xa/0x10
 [<ffffffff810b4a1e>] default_idle_call+0x2e/0x30
 [<ffffffff810b4c8c>] cpu_startup_entry+0x24c/0x2e0
 [<ffffffff81834e7c>] rest_init+0x13c/0x140
"""

D = r"""
=====================================================
WARNING: HARDIRQ-safe -> HARDIRQ-unsafe lock order detected
4.19.0-rc2-00123-g1a2b3c4d #12 Not tainted
-----------------------------------------------------
kworker/0:1/23 [HC0[0]:SC0[0]:HE0:SE1] is trying to acquire:
(ptrval) (&(&host->lock)->rlock){+.+.}, at: (ptrval) sdhci_request+0x2c/0x17c

and this task is already holding:
(ptrval) (&(&chip->lock)->rlock){-...}, at: (ptrval) bcm2835_dma_issue_pending+0x1c/0x60
which would create a new lock dependency:
 (&(&chip->lock)->rlock){-...} -> (&(&host->lock)->rlock){+.+.}

but this new dependency connects a HARDIRQ-irq-safe lock:
 (&(&chip->lock)->rlock){-...}

... which became HARDIRQ-irq-safe at:
  lock_acquire+0xe8/0x260
  _raw_spin_lock_irqsave+0x4c/0x60
  bcm2835_dma_callback+0x24/0x110
  __handle_irq_event_percpu+0x6c/0x3a0
  handle_irq_event_percpu+0x2c/0x68
  handle_irq_event+0x40/0x64
  handle_level_irq+0xa8/0x150
  generic_handle_irq+0x24/0x34
  __handle_domain_irq+0x60/0xb4

to a HARDIRQ-irq-unsafe lock:
 (&(&host->lock)->rlock){+.+.}

... which became HARDIRQ-irq-unsafe at:
...
  lock_acquire+0xe8/0x260
  _raw_spin_lock+0x40/0x50
  sdhci_do_reset+0x24/0x80
  sdhci_init+0x30/0x180
  __sdhci_add_host+0x1ac/0x2e8
  bcm2835_sdhost_probe+0x2c4/0x3c0
  platform_drv_probe+0x50/0xa0
  really_probe+0x1f8/0x2d0

other info that might help us debug this:

 Possible interrupt unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&(&host->lock)->rlock);
                               local_irq_disable();
                               lock(&(&chip->lock)->rlock);
                               lock(&(&host->lock)->rlock);
  <Interrupt>
    lock(&(&chip->lock)->rlock);

 *** DEADLOCK ***

3 locks held by kworker/0:1/23:
 #0: (ptrval) ((wq_completion)"events_freezable"){+.+.}, at: (ptrval) process_one_work+0x1c4/0x6c8
 #1: (ptrval) ((work_completion)(&(&host->detect)->work)){+.+.}, at: (ptrval) process_one_work+0x1c4/0x6c8
 #2: (ptrval) (&(&chip->lock)->rlock){-...}, at: (ptrval) bcm2835_dma_issue_pending+0x1c/0x60

the dependencies between HARDIRQ-irq-safe lock and the holding lock:
-> (&(&chip->lock)->rlock){-...} ops: 34 {
   IN-HARDIRQ-W at:
                    lock_acquire+0xe8/0x260
                    _raw_spin_lock_irqsave+0x4c/0x60
                    bcm2835_dma_callback+0x24/0x110
   INITIAL USE at:
                   lock_acquire+0xe8/0x260
                   _raw_spin_lock_irqsave+0x4c/0x60
                   bcm2835_dma_issue_pending+0x1c/0x60
 }
 ... key      at: [<c1224a30>] __key.27612+0x0/0x8
 ... acquired at:
   _raw_spin_lock_irqsave+0x4c/0x60
   bcm2835_dma_issue_pending+0x1c/0x60


the dependencies between the lock to be acquired and HARDIRQ-irq-unsafe lock:
-> (&(&host->lock)->rlock){+.+.} ops: 512 {
   HARDIRQ-ON-W at:
                    lock_acquire+0xe8/0x260
                    _raw_spin_lock+0x40/0x50
                    sdhci_do_reset+0x24/0x80
   INITIAL USE at:
                   lock_acquire+0xe8/0x260
                   _raw_spin_lock+0x40/0x50
                   sdhci_do_reset+0x24/0x80
 }
 ... key      at: [<c1231b18>] __key.39812+0x0/0x8
 ... acquired at:
   sdhci_request+0x2c/0x17c


stack backtrace:
CPU: 0 PID: 23 Comm: kworker/0:1 Not tainted 4.19.0-rc2-00123-g1a2b3c4d #12
Hardware name: BCM2835
Workqueue: events_freezable mmc_rescan
[<c0111f6c>] (unwind_backtrace) from [<c010c8f0>] (show_stack+0x10/0x14)
[<c010c8f0>] (show_stack) from [<c083a2d8>] (dump_stack+0x98/0xc4)
[<c083a2d8>] (dump_stack) from [<c0170e30>] (check_usage+0x5f4/0x6d0)
[<c0170e30>] (check_usage) from [<c0170f6c>] (check_irq_usage+0x60/0xb8)
[<c0170f6c>] (check_irq_usage) from [<c0174c8c>] (__lock_acquire+0x13f4/0x1b40)
[<c0174c8c>] (__lock_acquire) from [<c0176a2c>] (lock_acquire+0xe8/0x260)
[<c0176a2c>] (lock_acquire) from [<c0857d40>] (_raw_spin_lock+0x40/0x50)
[<c0857d40>] (_raw_spin_lock) from [<c06a1234>] (sdhci_request+0x2c/0x17c)
[<c06a1234>] (sdhci_request) from [<c068a4f0>] (__mmc_start_request+0x6c/0x1c4)
[<c068a4f0>] (__mmc_start_request) from [<c068a6d8>] (mmc_start_request+0x90/0xb4)
[<c068a6d8>] (mmc_start_request) from [<c068a8a0>] (mmc_wait_for_req+0x68/0xe8)
[<c068a8a0>] (mmc_wait_for_req) from [<c0696c34>] (mmc_app_cmd+0x90/0xe4)
[<c0696c34>] (mmc_app_cmd) from [<c014a5b8>] (process_one_work+0x274/0x6c8)
[<c014a5b8>] (process_one_work) from [<c014b0d4>] (worker_thread+0x60/0x5b4)
[<c014b0d4>] (worker_thread) from [<c0151234>] (kthread+0x14c/0x168)
[<c0151234>] (kthread) from [<c01010e8>] (ret_from_fork+0x14/0x2c)
"""

E = r"""
=============================
WARNING: suspicious RCU usage
5.10.0-rc1-00001-gdeadbeef1234 #1 Not tainted
-----------------------------
net/core/dev.c:1234 suspicious rcu_dereference_check() usage!

other info that might help us debug this:


rcu_scheduler_active = 2, debug_locks = 1
2 locks held by ip/4711:
 #0: c000000002a1b2c8 (rtnl_mutex){+.+.}-{3:3}, at: rtnetlink_rcv_msg+0x1e4/0x5a0
 #1: c00000000ff1a0b0 (&dev->addr_list_lock_key){+...}-{2:2}, at: dev_uc_sync+0x50/0xd0

stack backtrace:
CPU: 3 PID: 4711 Comm: ip Not tainted 5.10.0-rc1-00001-gdeadbeef1234 #1
Call Trace:
[c00000001d7e7610] [c000000000b9a0c4] dump_stack+0xec/0x144 (unreliable)
[c00000001d7e7660] [c0000000001d6e4c] lockdep_rcu_suspicious+0x124/0x144
[c00000001d7e76e0] [c000000000a8d0f0] __dev_get_by_index+0xd0/0x110
[c00000001d7e7720] [c000000000ab1234] do_setlink+0x84/0xf80
[c00000001d7e7880] [c000000000ab6a5c] __rtnl_newlink+0x5fc/0x9d0
[c00000001d7e7ac0] [c000000000ab6e98] rtnl_newlink+0x68/0xa0
[c00000001d7e7b00] [c000000000aaff84] rtnetlink_rcv_msg+0x1f4/0x5a0
[c00000001d7e7ba0] [c000000000b2b3c8] netlink_rcv_skb+0x78/0x1b0
[c00000001d7e7c10] [c000000000b2a7b4] netlink_unicast+0x224/0x320
[c00000001d7e7c70] [c000000000b2ad10] netlink_sendmsg+0x2b0/0x570
[c00000001d7e7d40] [c000000000a5e0a8] sock_sendmsg+0x58/0x90
[c00000001d7e7d70] [c000000000a5f8e0] ____sys_sendmsg+0x2f0/0x320
[c00000001d7e7e10] [c00000000002f3a4] system_call_exception+0x134/0x230
[c00000001d7e7e50] [c00000000000d05c] system_call_common+0xec/0x278
"""

F = r"""
=====================================
WARNING: bad unlock balance detected!
5.4.0-rc7 #2 Not tainted
-------------------------------------
kworker/u128:0/7 is trying to release lock (&priv->lock) at:
[<000003ff8015a5b2>] qeth_l3_set_rx_mode+0x1a2/0x3f0 [qeth_l3]
but there are no more locks to release!

other info that might help us debug this:
2 locks held by kworker/u128:0/7:
 #0: 00000000c5e1a3c8 ((wq_completion)qeth_wq){+.+.}, at: process_one_work+0x1f2/0x6a0
 #1: 000003e0000cfe00 ((work_completion)(&card->rx_mode_work)){+.+.}, at: process_one_work+0x1f2/0x6a0

stack backtrace:
CPU: 4 PID: 7 Comm: kworker/u128:0 Not tainted 5.4.0-rc7 #2
Hardware name: IBM 3906 M04 704 (z/VM 6.4.0)
Workqueue: qeth_wq qeth_l3_rx_mode_work [qeth_l3]
Call Trace:
([<0000000000112f5a>] show_stack+0x8a/0xd0)
 [<0000000000b3d1e2>] dump_stack+0x8a/0xb8
 [<00000000001d5a2c>] lock_release+0x37c/0x3a0
 [<0000000000b5b7a0>] _raw_spin_unlock+0x28/0x50
 [<000003ff8015a5b2>] qeth_l3_set_rx_mode+0x1a2/0x3f0 [qeth_l3]
 [<000003ff8015a7e8>] qeth_l3_rx_mode_work+0x28/0x40 [qeth_l3]
 [<00000000001751ca>] process_one_work+0x28a/0x6a0
 [<0000000000175a2e>] worker_thread+0x24e/0x4a0
 [<000000000017db5c>] kthread+0x14c/0x168
 [<0000000000b5c57a>] ret_from_fork+0x2a/0x2c
INFO: lockdep is turned off.
"""

G = r"""
=========================
WARNING: held lock freed!
6.6.0-rc3-00045-gfeedbeef0001 #7 Not tainted
-------------------------
kworker/0:3/98 is freeing memory ff60000083a1d000-ff60000083a1d3ff, with a lock still held there!
ff60000083a1d0c0 (&dev->mutex){+.+.}-{3:3}, at: usb_disconnect+0x5e/0x2a0
2 locks held by kworker/0:3/98:
 #0: ff60000080a2a938 ((wq_completion)usb_hub_wq){+.+.}-{0:0}, at: process_one_work+0x1c0/0x4e0
 #1: ff60000083a1d0c0 (&dev->mutex){+.+.}-{3:3}, at: usb_disconnect+0x5e/0x2a0

stack backtrace:
CPU: 0 PID: 98 Comm: kworker/0:3 Not tainted 6.6.0-rc3-00045-gfeedbeef0001 #7
Hardware name: riscv-virtio,qemu (DT)
Workqueue: usb_hub_wq hub_event
Call Trace:
[<ffffffff80006c4c>] dump_backtrace+0x1c/0x24
[<ffffffff80b5a4e2>] show_stack+0x2c/0x38
[<ffffffff80b66f6a>] dump_stack_lvl+0x3c/0x54
[<ffffffff80b66f96>] dump_stack+0x14/0x1c
[<ffffffff8008d6c2>] debug_check_no_locks_freed+0x13a/0x16c
[<ffffffff8028e0a4>] kfree+0x8c/0x2d0
[<ffffffff8068aa5e>] usb_release_dev+0x3e/0x70
[<ffffffff8062c3a2>] device_release+0x30/0x84
[<ffffffff80b4e0c2>] kobject_put+0x92/0x1ac
[<ffffffff8062c6b8>] put_device+0x14/0x1c
[<ffffffff80688f3c>] usb_disconnect+0x1fc/0x2a0
[<ffffffff8068b81e>] hub_event+0x79e/0x12a8
[<ffffffff8002e4de>] process_one_work+0x226/0x4e0
[<ffffffff8002ed9a>] worker_thread+0x2c2/0x3f0
[<ffffffff80035b8c>] kthread+0xc4/0xe0
[<ffffffff80003c12>] ret_from_exception+0x0/0x64
"""

H = r"""
================================================
WARNING: lock held when returning to user space!
5.19.0-rc1-syzkaller-00123-g0abcde123456 #0 Tainted: G        W
------------------------------------------------
syz-executor.3/8812 is leaving the kernel with locks still held!
1 lock held by syz-executor.3/8812:
 #0: ffff88801c3a4d38 (&pipe->mutex/1){+.+.}-{3:3}, at: pipe_lock_nested fs/pipe.c:82 [inline]
 #0: ffff88801c3a4d38 (&pipe->mutex/1){+.+.}-{3:3}, at: pipe_lock+0x5a/0x70 fs/pipe.c:90
"""

I = r"""
=============================
[ BUG: Invalid wait context ]
6.1.0-rc2-rt1+ #4 Not tainted
-----------------------------
gst-plügin/2201 is trying to lock:
ffffffff83a1c2d8 (&port_lock_key){....}-{3:3}, at: serial8250_console_write+0x2b5/0x500
other info that might help us debug this:
context-{5:5}
3 locks held by gst-plügin/2201:
 #0: ffff888100c4a958 (&p->pi_lock){-.-.}-{2:2}, at: try_to_wake_up+0x57/0x6c0
 #1: ffffffff82c5f860 (console_lock){+.+.}-{0:0}, at: vprintk_emit+0x10e/0x290
 #2: ffffffff82c5f6c0 (console_owner){-...}-{0:0}, at: console_emit_next_record+0x16c/0x300
stack backtrace:
CPU: 1 PID: 2201 Comm: gst-plügin Not tainted 6.1.0-rc2-rt1+ #4
Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.0-debian-1.16.0-4 04/01/2014
Call Trace:
 <TASK>
 dump_stack_lvl+0x5b/0x77
 __lock_acquire+0xb2e/0x1da0
 lock_acquire+0xce/0x2d0
 rt_spin_lock+0x2b/0xd0
 serial8250_console_write+0x2b5/0x500
 console_emit_next_record+0x1b6/0x300
 console_unlock+0xb5/0x1c0
 vprintk_emit+0x124/0x290
 _printk+0x58/0x73
 try_to_wake_up+0x4c2/0x6c0
 wake_up_q+0x4a/0x90
 futex_wake+0x15a/0x190
 do_futex+0x11b/0x1c0
 __x64_sys_futex+0x73/0x1d0
 do_syscall_64+0x3a/0x90
 entry_SYSCALL_64_after_hwframe+0x63/0xcd
 </TASK>
"""

J = r"""
==================================
WARNING: Nested lock was not taken
5.18.0-rc4-next-20220428 #1 Not tainted
----------------------------------
kvm-nx-lpage-re/3190 is trying to lock:
ffff88810b2f1a98 (&mm->page_table_lock){+.+.}-{2:2}, at: kvm_mmu_zap_all_fast+0x71/0x1d0 [kvm]

but this task is not holding:
&kvm->mmu_lock

stack backtrace:
CPU: 5 PID: 3190 Comm: kvm-nx-lpage-re Not tainted 5.18.0-rc4-next-20220428 #1
Hardware name: Dell Inc. PowerEdge R640/0W23H8, BIOS 2.12.2 07/09/2021
Call Trace:
 <TASK>
 dump_stack_lvl+0x45/0x59
 __lock_acquire.cold+0x26b/0x2d9
 lock_acquire+0xd0/0x300
 _raw_spin_lock_nest_lock+0x2c/0x40
 kvm_mmu_zap_all_fast+0x71/0x1d0 [kvm]
 kvm_nx_lpage_recovery_worker+0x1a5/0x2b0 [kvm]
 kvm_vm_worker_thread+0x83/0x130 [kvm]
 kthread+0xe8/0x110
 ret_from_fork+0x22/0x30
 </TASK>

other info that might help us debug this:
1 lock held by kvm-nx-lpage-re/3190:
 #0: ffffc90001b4e188 (&kvm->srcu){....}-{0:0}, at: kvm_nx_lpage_recovery_worker+0x55/0x2b0 [kvm]

stack backtrace:
CPU: 5 PID: 3190 Comm: kvm-nx-lpage-re Not tainted 5.18.0-rc4-next-20220428 #1
Hardware name: Dell Inc. PowerEdge R640/0W23H8, BIOS 2.12.2 07/09/2021
Call Trace:
 <TASK>
 dump_stack_lvl+0x45/0x59
 __lock_acquire.cold+0x26b/0x2d9
 lock_acquire+0xd0/0x300
 _raw_spin_lock_nest_lock+0x2c/0x40
 kvm_mmu_zap_all_fast+0x71/0x1d0 [kvm]
 kvm_nx_lpage_recovery_worker+0x1a5/0x2b0 [kvm]
 kvm_vm_worker_thread+0x83/0x130 [kvm]
 kthread+0xe8/0x110
 ret_from_fork+0x22/0x30
 </TASK>
"""

K = r"""
====================================
WARNING: Web Content/3344 still has locks held!
5.2.0-1.fc31.x86_64+debug #1 Not tainted
------------------------------------
1 lock held by Web Content/3344:
 #0: 000000006e1d7a4c (&sb->s_type->i_mutex_key#13){+.+.}, at: nfs_start_io_write+0x19/0x60 [nfs]

stack backtrace:
CPU: 3 PID: 3344 Comm: Web Content Not tainted 5.2.0-1.fc31.x86_64+debug #1
Hardware name: LENOVO 20HRCTO1WW/20HRCTO1WW, BIOS N1MET54W (1.39 ) 04/16/2019
Call Trace:
 dump_stack+0x85/0xc0
 try_to_freeze_unsafe+0x5a/0x60
 get_signal+0x134/0x8f0
 do_signal+0x36/0x680
 exit_to_usermode_loop+0x7f/0x100
 do_syscall_64+0x1a9/0x1e0
 entry_SYSCALL_64_after_hwframe+0x49/0xbe
"""

L = r"""
=========================================================
[ INFO: possible irq lock inversion dependency detected ]
4.9.0-rc1+ #1 Not tainted
---------------------------------------------------------
kswapd0/52 just changed the state of lock:
 (&(&ctx->ctx_lock)->rlock){..-...}, at: [<ffffffff8124cf5e>] free_ioctx_users+0x2e/0xf0
but this lock took another, SOFTIRQ-unsafe lock in the past:
 (&(&ctx->completion_lock)->rlock){+.+...}

and interrupts could create inverse lock ordering between them.


other info that might help us debug this:
 Possible interrupt unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&(&ctx->completion_lock)->rlock);
                               local_irq_disable();
                               lock(&(&ctx->ctx_lock)->rlock);
                               lock(&(&ctx->completion_lock)->rlock);
  <Interrupt>
    lock(&(&ctx->ctx_lock)->rlock);

 *** DEADLOCK ***

2 locks held by kswapd0/52:
 #0:  (rcu_callback){......}, at: [<ffffffff810f3f40>] rcu_process_callbacks+0x2a0/0x7a0
 #1:  (rcu_read_lock_sched){......}, at: [<ffffffff813a8a05>] percpu_ref_switch_to_atomic_rcu+0x5/0x110

the shortest dependencies between 2nd lock and 1st lock:
 -> (&(&ctx->completion_lock)->rlock){+.+...} ops: 12 {
    HARDIRQ-ON-W at:
                      [<ffffffff810d3ad5>] __lock_acquire+0x5c5/0x1a50
                      [<ffffffff810d5316>] lock_acquire+0xe6/0x1f0
                      [<ffffffff817e2dd6>] _raw_spin_lock_irq+0x36/0x50
                      [<ffffffff8124d6b5>] aio_read_events+0x55/0x2f0
    SOFTIRQ-ON-W at:
                      [<ffffffff810d3b01>] __lock_acquire+0x5f1/0x1a50
                      [<ffffffff810d5316>] lock_acquire+0xe6/0x1f0
                      [<ffffffff817e2dd6>] _raw_spin_lock_irq+0x36/0x50
                      [<ffffffff8124d6b5>] aio_read_events+0x55/0x2f0
    INITIAL USE at:
                     [<ffffffff810d35fe>] __lock_acquire+0xee/0x1a50
                     [<ffffffff810d5316>] lock_acquire+0xe6/0x1f0
                     [<ffffffff817e2dd6>] _raw_spin_lock_irq+0x36/0x50
                     [<ffffffff8124d6b5>] aio_read_events+0x55/0x2f0
  }
  ... key      at: [<ffffffff82c24b20>] __key.44516+0x0/0x8
  ... acquired at:
   [<ffffffff810d5316>] lock_acquire+0xe6/0x1f0
   [<ffffffff817e2a9a>] _raw_spin_lock+0x3a/0x50
   [<ffffffff8124cbbc>] aio_migratepage+0x9c/0x1d0

-> (&(&ctx->ctx_lock)->rlock){..-...} ops: 27 {
   IN-SOFTIRQ-W at:
                    [<ffffffff810d3b7b>] __lock_acquire+0x66b/0x1a50
                    [<ffffffff810d5316>] lock_acquire+0xe6/0x1f0
                    [<ffffffff817e2d8e>] _raw_spin_lock_irq+0x3e/0x50
                    [<ffffffff8124cf5e>] free_ioctx_users+0x2e/0xf0
   INITIAL USE at:
                   [<ffffffff810d35fe>] __lock_acquire+0xee/0x1a50
                   [<ffffffff810d5316>] lock_acquire+0xe6/0x1f0
                   [<ffffffff817e2d8e>] _raw_spin_lock_irq+0x3e/0x50
                   [<ffffffff8124c87c>] aio_migratepage+0x5c/0x1d0
 }
 ... key      at: [<ffffffff82c24b30>] __key.44518+0x0/0x8
 ... acquired at:
   [<ffffffff810d2b81>] check_usage_forwards+0x91/0xf0
   [<ffffffff810d47b2>] mark_lock+0x1b2/0x2d0


stack backtrace:
CPU: 1 PID: 52 Comm: kswapd0 Not tainted 4.9.0-rc1+ #1
Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.9.3-20161025_171302-gandalf 04/01/2014
 ffff88003e603c88 ffffffff813d3a8b ffffffff82840000 ffffffff8284ca70
Call Trace:
 <IRQ> 
 [<ffffffff813d3a8b>] dump_stack+0x67/0x9c
 [<ffffffff810d1e5a>] print_irq_inversion_bug.part.36+0x1ba/0x1c0
 [<ffffffff810d2c2b>] check_usage_forwards+0xeb/0xf0
 [<ffffffff810d47b2>] mark_lock+0x1b2/0x2d0
 [<ffffffff810d3b7b>] __lock_acquire+0x66b/0x1a50
 [<ffffffff810d5316>] lock_acquire+0xe6/0x1f0
 [<ffffffff817e2d8e>] _raw_spin_lock_irq+0x3e/0x50
 [<ffffffff8124cf5e>] free_ioctx_users+0x2e/0xf0
 [<ffffffff813a8c7a>] percpu_ref_switch_to_atomic_rcu+0xca/0x110
 [<ffffffff810f3fcb>] rcu_process_callbacks+0x32b/0x7a0
 [<ffffffff817e5ae9>] __do_softirq+0xc9/0x4a0
 [<ffffffff8107d45d>] irq_exit+0xbd/0xd0
 [<ffffffff817e583e>] smp_apic_timer_interrupt+0x3e/0x50
 [<ffffffff817e4b5c>] apic_timer_interrupt+0x8c/0xa0
 <EOI> 
"""

M = r"""
=================================
[ BUG: bad contention detected! ]
3.10.0-327.el7.i686.debug #1 Not tainted
---------------------------------
ifconfig/231 is trying to contend lock (pmutex) at:
[<c067118c>] __mutex_lock+0x2e8/0x890
but there are no locks held!

other info that might help us debug this:
no locks held by ifconfig/231.

stack backtrace:
CPU: 0 PID: 231 Comm: ifconfig Not tainted 3.10.0-327.el7.i686.debug #1
 c0a1b2c4 00000000 f3c35d84 c0664e02 f3c4a3a0 f3c35db0 c01a6b11 c0a2d1c8
Call Trace:
 [<c0664e02>] dump_stack+0x16/0x18
 [<c01a6b11>] print_lock_contention_bug+0xd1/0xe0
 [<c01aa5c3>] lock_contended+0x1b3/0x3b0
 [<c067118c>] __mutex_lock+0x2e8/0x890
 [<c06716a3>] mutex_lock_nested+0x23/0x30
 [<f8a1c2b5>] pch_gbe_set_multi+0x25/0xd0 [pch_gbe]
 [<c05b2a7e>] __dev_set_rx_mode+0x5e/0xa0
 [<c05b2b08>] dev_set_rx_mode+0x28/0x40
 [<c05aa6a1>] __dev_open+0xc1/0x140
 [<c05aa9ae>] __dev_change_flags+0x9e/0x160
 [<c05aaa9d>] dev_change_flags+0x2d/0x70
 [<c06184c2>] devinet_ioctl+0x632/0x760
 [<c0619f88>] inet_ioctl+0x88/0xb0
 [<c0584d44>] sock_ioctl+0x1f4/0x2b0
 [<c0289a0a>] do_vfs_ioctl+0x30a/0x550
 [<c0289cb7>] SyS_ioctl+0x67/0x80
 [<c06754c4>] sysenter_do_call+0x12/0x12
"""

N = r"""
INFO: task jbd2/sda1-8:345 blocked for more than 122 seconds.
      Not tainted 6.1.0-rc8-ci-lockdep #1
"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
task:jbd2/sda1-8     state:D stack:0     pid:345   ppid:2      flags:0x00004000
Call Trace:
 <TASK>
 __schedule+0x3d5/0xb50
 schedule+0x5d/0xe0
 jbd2_journal_commit_transaction+0x2e4/0x1bf0 [jbd2]
 kjournald2+0xc3/0x2a0 [jbd2]
 kthread+0xe8/0x110
 ret_from_fork+0x22/0x30
 </TASK>

Showing all locks held in the system:
1 lock held by rcu_tasks_kthre/11:
 #0: ffffffff82f4d430 (rcu_tasks.tasks_gp_mutex){+.+.}-{3:3}, at: rcu_tasks_one_gp+0x30/0x3f0
1 lock held by khungtaskd/38:
 #0: ffffffff82f4e120 (rcu_read_lock){....}-{1:2}, at: debug_show_all_locks+0x15/0x183
1 lock held by jbd2/sda1-8/345:
 #0: ffff88810a3c6170 (jbd2_handle){++++}-{0:0}, at: jbd2_journal_commit_transaction+0x2d8/0x1bf0 [jbd2]
3 locks held by dd/2188:
 #0: ffff888104c1e460 (sb_writers#3){.+.+}-{0:0}, at: ksys_write+0x69/0xf0
 #1: ffff88810b9d51d0 (&sb->s_type->i_mutex_key#9){++++}-{3:3}, at: ext4_buffered_write_iter+0x4e/0x160
 #2: ffff88810a3c6170 (jbd2_handle){++++}-{0:0}, at: start_this_handle+0x114/0x560

=============================================

"""

O = r"""
======================================================
WARNING: possible circular locking dependency detected
4.17.0-rc3+ #109 Not tainted
------------------------------------------------------
cpuhp/1/16 is trying to acquire lock:
(____ptrval____) (cpuhp_state-up){+.+.}, at: cpuhp_thread_fun+0x5d/0x1b0

but task is already holding lock:
(____ptrval____) (cpu_hotplug_lock.rw_sem){++++}, at: cpuhp_thread_fun+0x3e/0x1b0

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #1 (cpu_hotplug_lock.rw_sem){++++}:
       cpus_read_lock+0x3e/0x80
       __cpuhp_setup_state+0x2e/0x170
       page_alloc_init_late+0x2a/0x40
       kernel_init_freeable+0x1d4/0x27c
       kernel_init+0xa/0x110
       ret_from_fork+0x3a/0x50

-> #0 (cpuhp_state-up){+.+.}:
       lock_acquire+0x9e/0x1d0
       cpuhp_thread_fun+0x7f/0x1b0
       smpboot_thread_fn+0x1d6/0x2c0
       kthread+0x11a/0x130
       ret_from_fork+0x3a/0x50

other info that might help us debug this:

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(cpu_hotplug_lock.rw_sem);
                               lock(cpuhp_state-up);
                               lock(cpu_hotplug_lock.rw_sem);
  lock(cpuhp_state-up);

 *** DEADLOCK ***

1 lock held by cpuhp/1/16:
 #0: (____ptrval____) (cpu_hotplug_lock.rw_sem){++++}, at: cpuhp_thread_fun+0x3e/0x1b0

stack backtrace:
CPU: 1 PID: 16 Comm: cpuhp/1 Not tainted 4.17.0-rc3+ #109
Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.10.2-1 04/01/2014
Call Trace:
 dump_stack+0x85/0xcb
 print_circular_bug.isra.35+0x1d0/0x1e0
 __lock_acquire+0x1240/0x1350
 lock_acquire+0x9e/0x1d0
 cpuhp_thread_fun+0x7f/0x1b0
 smpboot_thread_fn+0x1d6/0x2c0
 kthread+0x11a/0x130
 ret_from_fork+0x3a/0x50
"""

# not lockdep reports: must give no report
ASSERT_HELD = r"""
------------[ cut here ]------------
WARNING: CPU: 2 PID: 517 at net/mac80211/sta_info.c:1024 __sta_info_destroy_part1+0x3c/0x1e0 [mac80211]
Modules linked in: iwlmvm mac80211 iwlwifi cfg80211 snd_hda_intel i915
CPU: 2 PID: 517 Comm: wpa_supplicant Tainted: G        W          6.5.0-rc2+ #3
Hardware name: LENOVO 20XWCTO1WW/20XWCTO1WW, BIOS N32ET75W (1.51 ) 12/13/2021
RIP: 0010:__sta_info_destroy_part1+0x3c/0x1e0 [mac80211]
Code: 41 54 55 48 89 fd 53 48 8b 9f 98 00 00 00 48 85 db 74 1c 48 8d bb 80 0b 00 00 be ff ff ff ff e8 9e 2c 3b d0 <0f> 0b
RSP: 0018:ffffc9000117f8d8 EFLAGS: 00010246
RAX: 0000000000000000 RBX: ffff88810a3c0900 RCX: 0000000000000001
Call Trace:
 <TASK>
 ? __warn+0x81/0x130
 ? __sta_info_destroy_part1+0x3c/0x1e0 [mac80211]
 ? report_bug+0x171/0x1a0
 ? handle_bug+0x3c/0x80
 ? exc_invalid_op+0x17/0x70
 ? asm_exc_invalid_op+0x1a/0x20
 __sta_info_destroy_part1+0x3c/0x1e0 [mac80211]
 sta_info_destroy_addr+0x37/0x60 [mac80211]
 ieee80211_del_station+0x2d/0x50 [mac80211]
 nl80211_del_station+0x1c4/0x240 [cfg80211]
 genl_family_rcv_msg_doit+0xe7/0x140
 genl_rcv_msg+0x186/0x2a0
 netlink_rcv_skb+0x58/0x110
 </TASK>
irq event stamp: 127380
hardirqs last  enabled at (127379): [<ffffffff81f3a3d4>] _raw_spin_unlock_irqrestore+0x44/0x60
hardirqs last disabled at (127380): [<ffffffff81f2d5b1>] __schedule+0x8a1/0xc80
softirqs last  enabled at (127350): [<ffffffff81d23a1e>] lock_sock_nested+0x6e/0x80
softirqs last disabled at (127348): [<ffffffff81d239bd>] lock_sock_nested+0xd/0x80
---[ end trace 0000000000000000 ]---
"""

KCSAN = r"""
==================================================================
BUG: KCSAN: data-race in do_mpage_readpage / mpage_end_io

write to 0xffff8881045b1a38 of 8 bytes by interrupt on cpu 1:
 mpage_end_io+0x6a/0x140
 bio_endio+0x2e0/0x300
 blk_update_request+0x2bb/0x7a0

read to 0xffff8881045b1a38 of 8 bytes by task 2876 on cpu 0:
 do_mpage_readpage+0x4b8/0xd80
 mpage_readahead+0x1b4/0x2e0
 read_pages+0x90/0x4f0

Reported by Kernel Concurrency Sanitizer on:
CPU: 0 PID: 2876 Comm: systemd-udevd Not tainted 6.1.0-rc5-CI_DRM_12345-g8a2c1f3b9d4e+ #1
Hardware name: Intel Corporation Tiger Lake Client Platform/TigerLake U DDR4 SODIMM RVP, BIOS TGLSFWI1.R00.3197.A00.2005110542 05/11/2020
==================================================================
"""

KASAN = r"""
==================================================================
BUG: KASAN: slab-use-after-free in genpd_power_off+0x2a4/0x2b0
Read of size 8 at addr ffff00000a2c9130 by task kworker/1:2/217

CPU: 1 PID: 217 Comm: kworker/1:2 Not tainted 5.15.0-rc3-00012-g4f1e2d3c5b6a #3
Hardware name: Qualcomm Technologies, Inc. SM8250 MTP (DT)
Workqueue: events genpd_power_off_work_fn
Call trace:
 dump_backtrace+0x0/0x1b0
 show_stack+0x24/0x30
 dump_stack_lvl+0x68/0x84
 print_address_description.constprop.0+0x74/0x2b8
 kasan_report+0x1e4/0x250
 __asan_load8+0x98/0xd4
 genpd_power_off+0x2a4/0x2b0
 genpd_power_off_work_fn+0x40/0x60
 process_one_work+0x28c/0x6b0

Allocated by task 1:
 kasan_save_stack+0x2c/0x60
 __kasan_kmalloc+0x90/0xb4
 genpd_alloc_data+0x34/0x1f0

The buggy address belongs to the object at ffff00000a2c9000
 which belongs to the cache kmalloc-1k of size 1024
==================================================================
"""

SLEEPING = r"""
BUG: sleeping function called from invalid context at kernel/locking/mutex.c:580
in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 1893, name: kworker/3:0
preempt_count: 1, expected: 0
RCU nest depth: 0, expected: 0
3 locks held by kworker/3:0/1893:
 #0: ffff888100059d38 ((wq_completion)events){+.+.}-{0:0}, at: process_one_work+0x1e8/0x5a0
 #1: ffffc900018efe78 ((work_completion)(&hdev->power_on)){+.+.}-{0:0}, at: process_one_work+0x1e8/0x5a0
 #2: ffff88810c2e9078 (&hdev->lock){+.+.}-{2:2}, at: hci_power_on+0x3e/0x1d0 [bluetooth]
Preemption disabled at:
[<ffffffffc0a1b3de>] hci_power_on+0x3e/0x1d0 [bluetooth]
CPU: 3 PID: 1893 Comm: kworker/3:0 Tainted: G        W          6.0.0-rc3+ #11
Hardware name: Dell Inc. XPS 13 9310/0DXP1F, BIOS 3.6.0 11/09/2021
Workqueue: events hci_power_on [bluetooth]
Call Trace:
 <TASK>
 dump_stack_lvl+0x5b/0x77
 __might_resched.cold+0xff/0x13a
 __mutex_lock+0x4e/0x960
 hci_dev_open_sync+0x4c/0x1b0 [bluetooth]
 hci_power_on+0x5d/0x1d0 [bluetooth]
 process_one_work+0x272/0x5a0
 worker_thread+0x4f/0x3a0
 kthread+0xf5/0x120
 ret_from_fork+0x1f/0x30
 </TASK>
"""

MAXENT = r"""
BUG: MAX_LOCKDEP_ENTRIES too low!
turning off the locking correctness validator.
CPU: 6 PID: 30512 Comm: syz-executor.1 Not tainted 6.12.0-rc4-syzkaller-00087-g1d2a3b4c5d6e #0
Hardware name: Google Compute Engine/Google Compute Engine, BIOS Google 09/13/2024
Call Trace:
 <TASK>
 dump_stack_lvl+0x116/0x1b0
 add_lock_to_list+0x2a4/0x300
 check_prev_add+0x2d4/0x1270
 validate_chain+0xb3b/0x1200
 __lock_acquire+0x12ad/0x3b30
 lock_acquire+0x1b1/0x560
 down_write+0x93/0x200
 do_mprotect_pkey+0x2a4/0xc10
 __x64_sys_mprotect+0x78/0xc0
 do_syscall_64+0xcd/0x250
 entry_SYSCALL_64_after_hwframe+0x77/0x7f
 </TASK>
"""
