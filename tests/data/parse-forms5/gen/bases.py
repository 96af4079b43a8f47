# SPDX-License-Identifier: GPL-2.0
# Base reports for round 5 of unseen forms: each as the kernel prints it
# (one string a printk line, "" an empty record, the text without any
# transport prefix) and the label a kernel engineer reads in it.

def label(kind, chain, held, task, pid, culprit, kernel):
    return {"kind": kind, "chain": chain, "held_locks": held, "task": task,
            "pid": pid, "culprit": culprit, "kernel": kernel}


class Base:
    def __init__(self, name, lines, lab, caller=None, t0=112.5, arch='x86'):
        self.name = name
        self.lines = lines
        self.label = lab
        self.caller = caller
        self.t0 = t0
        self.arch = arch


def split(text):
    out = text.split('\n')
    if out and out[0] == '':
        out = out[1:]
    if out and out[-1] == '':
        out = out[:-1]
    return [l.replace('\\0', '') for l in out]


# A: circular, 3 entries, x86-64 6.14 (PREEMPT(voluntary), UID in the CPU
# line, Tainted: [..] line), nbd config lock against fs_reclaim and the
# queue's usage counter.
A = Base('A', split(r'''
======================================================
WARNING: possible circular locking dependency detected
6.14.0-rc4-next-20250228 #1 Tainted: G        W
------------------------------------------------------
kworker/u16:7/4312 is trying to acquire lock:
ffff88810b4c6a58 (&nbd->config_lock){+.+.}-{4:4}, at: nbd_queue_rq+0x7a/0x410 [nbd]

but task is already holding lock:
ffff88810a2f1e20 (&q->q_usage_counter(io)#17){++++}-{0:0}, at: blk_mq_submit_bio+0x8bd/0xb00

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #2 (&q->q_usage_counter(io)#17){++++}-{0:0}:
       blk_queue_enter+0x1f3/0x270
       blk_mq_alloc_request+0x13a/0x370
       nbd_handle_cmd+0x5e/0x1f0 [nbd]

-> #1 (fs_reclaim){+.+.}-{0:0}:
       fs_reclaim_acquire+0xc5/0x100
       __kmalloc_cache_noprof+0x4b/0x390
       nbd_genl_connect+0x2c1/0x9a0 [nbd]
       genl_family_rcv_msg_doit+0x1f8/0x2f0

-> #0 (&nbd->config_lock){+.+.}-{4:4}:
       __lock_acquire+0x1584/0x2600
       lock_acquire+0xd8/0x2f0
       __mutex_lock+0xa7/0xd40
       nbd_queue_rq+0x7a/0x410 [nbd]
       blk_mq_dispatch_rq_list+0x19a/0x8a0
       __blk_mq_sched_dispatch_requests+0x2e1/0x6e0

other info that might help us debug this:

Chain exists of:
  &nbd->config_lock --> fs_reclaim --> &q->q_usage_counter(io)#17

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  rlock(&q->q_usage_counter(io)#17);
                               lock(fs_reclaim);
                               lock(&q->q_usage_counter(io)#17);
  lock(&nbd->config_lock);

 *** DEADLOCK ***

3 locks held by kworker/u16:7/4312:
 #0: ffff888100a4d948 ((wq_completion)writeback){+.+.}-{0:0}, at: process_one_work+0x3d5/0x7a0
 #1: ffffc90001b0fe38 ((work_completion)(&(&wb->dwork)->work)){+.+.}-{0:0}, at: process_one_work+0x1f4/0x7a0
 #2: ffff88810a2f1e20 (&q->q_usage_counter(io)#17){++++}-{0:0}, at: blk_mq_submit_bio+0x8bd/0xb00

stack backtrace:
CPU: 5 UID: 0 PID: 4312 Comm: kworker/u16:7 Tainted: G        W          6.14.0-rc4-next-20250228 #1 PREEMPT(voluntary)
Tainted: [W]=WARN
Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.3-debian-1.16.3-2 04/01/2014
Workqueue: writeback wb_workfn (flush-43:0)
Call Trace:
 <TASK>
 dump_stack_lvl+0x82/0xd0
 print_circular_bug+0x26a/0x330
 check_noncircular+0x147/0x160
 __lock_acquire+0x1584/0x2600
 lock_acquire+0xd8/0x2f0
 ? nbd_queue_rq+0x7a/0x410 [nbd]
 __mutex_lock+0xa7/0xd40
 ? nbd_queue_rq+0x7a/0x410 [nbd]
 nbd_queue_rq+0x7a/0x410 [nbd]
 blk_mq_dispatch_rq_list+0x19a/0x8a0
 __blk_mq_sched_dispatch_requests+0x2e1/0x6e0
 blk_mq_sched_dispatch_requests+0x31/0x60
 blk_mq_run_hw_queue+0x1ed/0x290
 blk_mq_flush_plug_list+0x44c/0x730
 __blk_flush_plug+0xfa/0x150
 blk_finish_plug+0x25/0x40
 wb_writeback+0x1a5/0x340
 wb_workfn+0x2b5/0x4d0
 process_one_work+0x21f/0x7a0
 worker_thread+0x1ad/0x3b0
 ? __pfx_worker_thread+0x10/0x10
 kthread+0x10e/0x220
 ? __pfx_kthread+0x10/0x10
 ret_from_fork+0x34/0x50
 ? __pfx_kthread+0x10/0x10
 ret_from_fork_asm+0x1a/0x30
 </TASK>
'''), label('circular',
            ['&q->q_usage_counter(io)#17', 'fs_reclaim', '&nbd->config_lock'],
            ['(wq_completion)writeback', '(work_completion)(&(&wb->dwork)->work)',
             '&q->q_usage_counter(io)#17'],
            'kworker/u16:7', 4312, 'nbd_queue_rq', '6.14.0-rc4-next-20250228'),
    caller='T4312', t0=1843.220117)

# B: recursive, arm64 PREEMPT_RT 6.6-rt, spinlock_t as a sleeping rtmutex
# ({3:3}); an irq thread takes the driver's tx lock twice.
B = Base('B', split(r'''
============================================
WARNING: possible recursive locking detected
6.6.30-rt30-imx8mp #1 Not tainted
--------------------------------------------
irq/214-eth0/812 is trying to acquire lock:
ffff000006a1c3d0 (&priv->tx_lock){+.+.}-{3:3}, at: stmmac_tx_clean+0x5c/0x4a0

but task is already holding lock:
ffff000006a1c110 (&priv->tx_lock){+.+.}-{3:3}, at: stmmac_napi_poll_tx+0x88/0x1d0

other info that might help us debug this:
 Possible unsafe locking scenario:

       CPU0
       ----
  lock(&priv->tx_lock);
  lock(&priv->tx_lock);

 *** DEADLOCK ***

 May be due to missing lock nesting notation

4 locks held by irq/214-eth0/812:
 #0: ffff80008291c0a8 (local_bh){.+.+}-{1:3}, at: __local_bh_disable_ip+0x3c/0x1b0
 #1: ffff00007fbd6a98 ((softirq_ctrl.lock)){+.+.}-{3:3}, at: __local_bh_disable_ip+0x118/0x1b0
 #2: ffff80008291a388 (rcu_read_lock){....}-{1:3}, at: rt_spin_lock+0x68/0x1b0
 #3: ffff000006a1c110 (&priv->tx_lock){+.+.}-{3:3}, at: stmmac_napi_poll_tx+0x88/0x1d0

stack backtrace:
CPU: 2 PID: 812 Comm: irq/214-eth0 Not tainted 6.6.30-rt30-imx8mp #1
Hardware name: NXP i.MX8MPlus EVK board (DT)
Call trace:
 dump_backtrace+0x98/0xf0
 show_stack+0x18/0x24
 dump_stack_lvl+0x60/0xac
 dump_stack+0x18/0x24
 __lock_acquire+0x9e4/0x1f78
 lock_acquire+0x1e8/0x318
 rt_spin_lock+0x50/0x1b0
 stmmac_tx_clean+0x5c/0x4a0
 stmmac_napi_poll_tx+0xa4/0x1d0
 __napi_poll+0x40/0x21c
 net_rx_action+0x2f4/0x36c
 handle_softirqs.isra.0+0x104/0x3a0
 __local_bh_enable_ip+0x128/0x1f0
 irq_forced_thread_fn+0x7c/0xa4
 irq_thread+0x174/0x2a0
 kthread+0x118/0x11c
 ret_from_fork+0x10/0x20
'''), label('recursive', ['&priv->tx_lock', '&priv->tx_lock'],
            ['local_bh', '(softirq_ctrl.lock)', 'rcu_read_lock', '&priv->tx_lock'],
            'irq/214-eth0', 812, 'stmmac_tx_clean', '6.6.30-rt30-imx8mp'),
    caller='T812', t0=48.902211, arch='arm64')

# C: inconsistent lock state, MIPS 4.4 (OpenWrt ath79), bracketed banner,
# six-character usage strings, MIPS "Stack :" words.
C = Base('C', split(r'''
=================================
[ INFO: inconsistent lock state ]
4.4.140 #0 Not tainted
---------------------------------
inconsistent {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} usage.
swapper/0/0 [HC0[0]:SC1[1]:HE1:SE0] takes:
 (&(&sc->tx.txq_lock)->rlock){+.?...}, at: [<82b5d1cc>] ath_tx_complete+0x4c/0x1a8 [ath9k]
{SOFTIRQ-ON-W} state was registered at:
  [<80077d48>] lock_acquire+0x6c/0x9c
  [<80444d34>] _raw_spin_lock+0x30/0x44
  [<82b5ef40>] ath_tx_start+0x2f8/0x318 [ath9k]
  [<82b5a4d8>] ath9k_tx+0xcc/0x180 [ath9k]
  [<82a1c0a8>] ieee80211_tx_frags+0x2c0/0x2f0 [mac80211]
irq event stamp: 1083232
hardirqs last  enabled at (1083232): [<8004d2c8>] __local_bh_enable_ip+0xd4/0xe8
hardirqs last disabled at (1083231): [<8004d26c>] __local_bh_enable_ip+0x78/0xe8
softirqs last  enabled at (1083220): [<82a22d80>] ieee80211_tx_skb_tid+0x94/0xbc [mac80211]
softirqs last disabled at (1083221): [<8004d5c0>] irq_exit+0x74/0xd0

other info that might help us debug this:
 Possible unsafe locking scenario:

       CPU0
       ----
  lock(&(&sc->tx.txq_lock)->rlock);
  <Interrupt>
    lock(&(&sc->tx.txq_lock)->rlock);

 *** DEADLOCK ***

no locks held by swapper/0/0.

stack backtrace:
CPU: 0 PID: 0 Comm: swapper/0 Not tainted 4.4.140 #0
Stack : 804a4b78 00000000 00000001 80580000 8053acd4 8053a7c3 804d5048 00000000
	  80587ef0 00000000 00000000 00000000 00000000 00000000 00000000 00000000
	  8007a5c0 804d6e90 00000000 00000000 00000000 00000000 805e0000 80530000
	  ...
Call Trace:
[<80071b60>] show_stack+0x64/0x7c
[<800795fc>] print_usage_bug+0x228/0x2a0
[<80079b64>] mark_lock+0x4f0/0x6c0
[<8007a8b0>] __lock_acquire+0x6e4/0x1768
[<80077d48>] lock_acquire+0x6c/0x9c
[<80444d34>] _raw_spin_lock+0x30/0x44
[<82b5d1cc>] ath_tx_complete+0x4c/0x1a8 [ath9k]
[<82b5d6b8>] ath_tx_process_buffer+0x1b0/0x2c0 [ath9k]
[<82b5f1f4>] ath_tx_tasklet+0x2a4/0x2f4 [ath9k]
[<82b55b70>] ath9k_tasklet+0x1d8/0x22c [ath9k]
[<8004d72c>] tasklet_action+0x8c/0xf0
[<8004ce4c>] __do_softirq+0x144/0x2e8
[<8004d5c0>] irq_exit+0x74/0xd0
[<80068b90>] ret_from_irq+0x0/0x4
[<80069b20>] r4k_wait_irqoff+0x18/0x20
[<8009a1f4>] cpu_startup_entry+0x150/0x1d0
[<805c0c54>] start_kernel+0x468/0x488
'''), label('inconsistent_lock_state', ['&(&sc->tx.txq_lock)->rlock'], [],
            'swapper/0', 0, 'ath_tx_complete', '4.4.140'),
    t0=3911.062508, arch='mips')

# D: irq lock inversion, s390x 5.15 (trailing blank after each frame,
# Last Breaking-Event-Address after the trace).
D = Base('D', split(r'''
========================================================
WARNING: possible irq lock inversion dependency detected
5.15.0-91-generic #101-Ubuntu Not tainted
--------------------------------------------------------
ksoftirqd/3/31 just changed the state of lock:
00000000b3f2a1d8 (&ch->collect_lock){+.-.}-{2:2}, at: ctcmpc_chx_rx+0x5a/0x3d8 [ctcm]
but this lock was taken by another, SOFTIRQ-safe lock in the past:
 (&priv->mpcg->fsm->lock){+.-.}-{2:2}


and interrupts could create inverse lock ordering between them.


other info that might help us debug this:
 Possible interrupt unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&ch->collect_lock);
                               local_irq_disable();
                               lock(&priv->mpcg->fsm->lock);
                               lock(&ch->collect_lock);
  <Interrupt>
    lock(&priv->mpcg->fsm->lock);

 *** DEADLOCK ***

1 lock held by ksoftirqd/3/31:
 #0: 00000000b3f2a0b0 (&priv->mpcg->fsm->lock){+.-.}-{2:2}, at: fsm_event+0x48/0x80 [fsm]

the shortest dependencies between 2nd lock and 1st lock:
 -> (&priv->mpcg->fsm->lock){+.-.}-{2:2} {
    HARDIRQ-ON-W at:
                      lock_acquire+0x11e/0x3f0
                      _raw_spin_lock+0x54/0xa0
                      fsm_event+0x48/0x80 [fsm]
                      ctcmpc_open+0x4a/0x90 [ctcm]
    IN-SOFTIRQ-W at:
                      lock_acquire+0x11e/0x3f0
                      _raw_spin_lock+0x54/0xa0
                      fsm_event+0x48/0x80 [fsm]
                      mpc_action_timeout+0x2e/0x78 [ctcm]
    INITIAL USE at:
                     lock_acquire+0x11e/0x3f0
                     _raw_spin_lock+0x54/0xa0
                     fsm_event+0x48/0x80 [fsm]
                     ctcmpc_open+0x4a/0x90 [ctcm]
  }
  ... key      at: [<000003ff8016c128>] __key.0+0x0/0xffffffffffffeed8 [ctcm]
  ... acquired at:
   lock_acquire+0x11e/0x3f0
   _raw_spin_lock_bh+0x56/0xa8
   ctcmpc_chx_rx+0x5a/0x3d8 [ctcm]
   mpc_action_go_ready+0x6c/0x120 [ctcm]

-> (&ch->collect_lock){+.-.}-{2:2} {
   HARDIRQ-ON-W at:
                    lock_acquire+0x11e/0x3f0
                    _raw_spin_lock_bh+0x56/0xa8
                    ctcmpc_chx_rx+0x5a/0x3d8 [ctcm]
   IN-SOFTIRQ-W at:
                    lock_acquire+0x11e/0x3f0
                    _raw_spin_lock+0x54/0xa0
                    ctcmpc_chx_rx+0x5a/0x3d8 [ctcm]
                    ctcm_irq_tasklet+0x3c/0x60 [ctcm]
   INITIAL USE at:
                   lock_acquire+0x11e/0x3f0
                   _raw_spin_lock_bh+0x56/0xa8
                   ctcmpc_chx_rx+0x5a/0x3d8 [ctcm]
 }
 ... key      at: [<000003ff8016c138>] __key.2+0x0/0xffffffffffffeec8 [ctcm]
 ... acquired at:
   __lock_acquire+0x6ea/0x2270
   lock_acquire+0x11e/0x3f0
   _raw_spin_lock+0x54/0xa0
   ctcmpc_chx_rx+0x5a/0x3d8 [ctcm]


stack backtrace:
CPU: 3 PID: 31 Comm: ksoftirqd/3 Not tainted 5.15.0-91-generic #101-Ubuntu
Hardware name: IBM 8561 LT1 400 (z/VM 7.2.0)
Call Trace:
 [<00000000a1b4e86a>] dump_stack_lvl+0x8a/0xb8 
 [<00000000a0c4b2f0>] mark_lock_irq+0x7c8/0x8a8 
 [<00000000a0c4b62a>] mark_lock+0x25a/0x690 
 [<00000000a0c4c972>] __lock_acquire+0x4e2/0x2270 
 [<00000000a0c4eb56>] lock_acquire+0x11e/0x3f0 
 [<00000000a1b5f90c>] _raw_spin_lock+0x54/0xa0 
 [<000003ff801680ba>] ctcmpc_chx_rx+0x5a/0x3d8 [ctcm] 
 [<000003ff80164a0c>] ctcm_irq_tasklet+0x3c/0x60 [ctcm] 
 [<00000000a0bc7d32>] tasklet_action_common.constprop.0+0x122/0x160 
 [<00000000a1b60714>] __do_softirq+0x11c/0x540 
 [<00000000a0bc84f8>] run_ksoftirqd+0x50/0x80 
 [<00000000a0bf56ee>] smpboot_thread_fn+0x1a6/0x270 
 [<00000000a0bec41a>] kthread+0x17a/0x1a0 
 [<00000000a0b5a76c>] __ret_from_fork+0x3c/0x58 
 [<00000000a1b6192a>] ret_from_fork+0xa/0x30 
INFO: lockdep is turned off.
Last Breaking-Event-Address:
 [<00000000a0b4a6c2>] ftrace_graph_caller+0x0/0x16 
'''), label('irq_inversion', ['&priv->mpcg->fsm->lock', '&ch->collect_lock'],
            ['&priv->mpcg->fsm->lock'], 'ksoftirqd/3', 31, 'ctcmpc_chx_rx',
            '5.15.0-91-generic'),
    t0=22791.004100, arch='s390')

# E: SOFTIRQ-READ-safe -> SOFTIRQ-READ-unsafe, LoongArch 6.1 (MIPS-like
# Stack : words and [<addr>] frames).
E = Base('E', split(r'''
=====================================================
WARNING: SOFTIRQ-READ-safe -> SOFTIRQ-READ-unsafe lock order detected
6.1.0-loong64 #1 Not tainted
-----------------------------------------------------
bpftrace/2201 [HC0[0]:SC0[0]:HE0:SE1] is trying to acquire:
9000000107d23c48 (&htab->buckets[i].raw_lock){....}-{2:2}, at: htab_lock_bucket+0x7c/0x120

and this task is already holding:
900000010562a420 (&rq->__lock){-.-.}-{2:2}, at: raw_spin_rq_lock_nested+0x28/0x40
which would create a new lock dependency:
 (&rq->__lock){-.-.}-{2:2} -> (&htab->buckets[i].raw_lock){....}-{2:2}

but this new dependency connects a SOFTIRQ-READ-irq-safe lock:
 (tasklist_lock){.+.+}-{2:2}

... which became SOFTIRQ-READ-irq-safe at:
  lock_acquire+0x11c/0x360
  _raw_read_lock+0x50/0x80
  send_sigurg+0x7c/0x190
  sk_send_sigurg+0x34/0x80
  tcp_check_urg.isra.0+0x118/0x1a0

to a SOFTIRQ-READ-irq-unsafe lock:
 (&htab->buckets[i].raw_lock){....}-{2:2}

... which became SOFTIRQ-READ-irq-unsafe at:
...
  lock_acquire+0x11c/0x360
  _raw_spin_lock_irqsave+0x5c/0xa0
  htab_lock_bucket+0x7c/0x120
  htab_map_update_elem+0x108/0x480
  bpf_prog_7b3a8e8c11d2c6f0_sched_switch+0x1b8/0x260

other info that might help us debug this:

Chain exists of:
  tasklist_lock --> &rq->__lock --> &htab->buckets[i].raw_lock

 Possible interrupt unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&htab->buckets[i].raw_lock);
                               local_irq_disable();
                               lock(tasklist_lock);
                               lock(&rq->__lock);
  <Interrupt>
    lock(tasklist_lock);

 *** DEADLOCK ***

2 locks held by bpftrace/2201:
 #0: 900000010562a420 (&rq->__lock){-.-.}-{2:2}, at: raw_spin_rq_lock_nested+0x28/0x40
 #1: 9000000001d7a2c0 (rcu_read_lock){....}-{1:2}, at: bpf_trace_run2+0x3c/0x1b0

the dependencies between SOFTIRQ-READ-irq-safe lock and the holding lock:
 -> (tasklist_lock){.+.+}-{2:2} {
    IN-SOFTIRQ-R at:
                      lock_acquire+0x11c/0x360
                      _raw_read_lock+0x50/0x80
                      send_sigurg+0x7c/0x190
    INITIAL USE at:
                     lock_acquire+0x11c/0x360
                     _raw_write_lock_irq+0x50/0x80
                     copy_process+0x1380/0x1d20
  }
  ... key      at: [<9000000001d6c1a8>] tasklist_lock+0x18/0x40
  ... acquired at:
   lock_acquire+0x11c/0x360
   _raw_spin_lock_nested+0x48/0x80
   raw_spin_rq_lock_nested+0x28/0x40


the dependencies between the lock to be acquired
 and SOFTIRQ-READ-irq-unsafe lock:
-> (&htab->buckets[i].raw_lock){....}-{2:2} {
   INITIAL USE at:
                   lock_acquire+0x11c/0x360
                   _raw_spin_lock_irqsave+0x5c/0xa0
                   htab_lock_bucket+0x7c/0x120
 }
 ... key      at: [<9000000002a91e30>] __key.0+0x0/0x10
 ... acquired at:
   __lock_acquire+0x1a8c/0x2300
   lock_acquire+0x11c/0x360
   _raw_spin_lock_irqsave+0x5c/0xa0
   htab_lock_bucket+0x7c/0x120


stack backtrace:
CPU: 1 PID: 2201 Comm: bpftrace Not tainted 6.1.0-loong64 #1
Hardware name: Loongson Loongson-3A5000-7A1000-1w-A2101/Loongson-LS3A5000-7A1000-1w-A2101, BIOS vUDK2018-LoongArch-V2.0.pre-beta8 06/15/2022
Stack : 0000000000000000 9000000001c8f560 9000000001d4b000 9000000107a9c000
        9000000107a9f8d0 9000000107a9f8d8 0000000000000000 0000000000000000
        9000000107a9f8d8 0000000000000001 0000000000000000 9000000107a9f660
        ...
Call Trace:
[<9000000000224528>] show_stack+0x64/0x188
[<90000000016a09c8>] dump_stack_lvl+0x84/0xb8
[<90000000002c1b60>] check_irq_usage+0x6c8/0x6e0
[<90000000002c3d04>] __lock_acquire+0x1a8c/0x2300
[<90000000002c4bf0>] lock_acquire+0x11c/0x360
[<90000000016b8ae0>] _raw_spin_lock_irqsave+0x5c/0xa0
[<9000000000446ec0>] htab_lock_bucket+0x7c/0x120
[<9000000000449a10>] htab_map_update_elem+0x108/0x480
[<90000000003ff4c4>] bpf_prog_7b3a8e8c11d2c6f0_sched_switch+0x1b8/0x260
[<9000000000381e98>] bpf_trace_run2+0xc8/0x1b0
[<90000000016a6f54>] __schedule+0x8a0/0xe40
[<90000000016a7560>] schedule+0x68/0x100
[<9000000000233e04>] do_exit+0x2f0/0xa60
'''), label('softirq_safe_unsafe',
            ['tasklist_lock', '&rq->__lock', '&htab->buckets[i].raw_lock',
             '&htab->buckets[i].raw_lock'],
            ['&rq->__lock', 'rcu_read_lock'], 'bpftrace', 2201, 'htab_lock_bucket',
            '6.1.0-loong64'),
    t0=615.773014, arch='loongarch')

# F: bad unlock balance, parisc 4.19 ("Backtrace:" instead of Call Trace).
F = Base('F', split(r'''
=====================================
WARNING: bad unlock balance detected!
4.19.0-21-parisc64 #1 Not tainted
-------------------------------------
kworker/1:2/1187 is trying to release lock (&ldata->output_lock) at:
[<00000000404bb2a4>] n_tty_write+0x3ac/0x6f0
but there are no more locks to release!

other info that might help us debug this:
2 locks held by kworker/1:2/1187:
 #0: 000000004b9f8c2e ((wq_completion)"events"){+.+.}, at: process_one_work+0x1e8/0x6c0
 #1: 00000000c19a32f1 ((work_completion)(&buf->work)){+.+.}, at: process_one_work+0x1e8/0x6c0

stack backtrace:
CPU: 1 PID: 1187 Comm: kworker/1:2 Not tainted 4.19.0-21-parisc64 #1
Hardware name: 9000/785/C8000
Workqueue: events flush_to_ldisc
Backtrace:
 [<000000004020b7b0>] show_stack+0x48/0x60
 [<00000000407f7d2c>] dump_stack+0xcc/0x120
 [<00000000402a0c68>] print_unlock_imbalance_bug.part.6+0x108/0x130
 [<00000000402a6e44>] lock_release+0x3cc/0x3f0
 [<00000000407fd8b0>] __mutex_unlock_slowpath+0x48/0x2b8
 [<000000004040bb2c>] mutex_unlock+0x1c/0x30
 [<00000000404bb2a4>] n_tty_write+0x3ac/0x6f0
 [<00000000404b5f20>] tty_write+0x1d8/0x3b8
 [<00000000404c1d44>] flush_to_ldisc+0xdc/0x138
 [<00000000402664a0>] process_one_work+0x2b0/0x6c0
 [<0000000040266d78>] worker_thread+0x4c8/0x678
 [<0000000040270fac>] kthread+0x1bc/0x1c8
 [<00000000401f301c>] ret_from_kernel_thread+0x1c/0x24
'''), label('bad_unlock_balance', ['&ldata->output_lock'],
            ['(wq_completion)"events"', '(work_completion)(&buf->work)'],
            'kworker/1:2', 1187, 'n_tty_write', '4.19.0-21-parisc64'),
    t0=8123.440019, arch='parisc')

# G: held lock freed, x86-64 6.13, frames decoded by decode_stacktrace.sh.
G = Base('G', split(r'''
=========================
WARNING: held lock freed!
6.13.0-rc7-00047-g619f0b6fad52 #3 Tainted: G                 N
-------------------------
kworker/2:4/30129 is freeing memory ffff88802a0c4000-ffff88802a0c5fff, with a lock still held there!
ffff88802a0c4db0 (&data->cmd_sync_work_lock){+.+.}-{4:4}, at: hci_cmd_sync_clear (net/bluetooth/hci_sync.c:659) bluetooth
3 locks held by kworker/2:4/30129:
 #0: ffff888100064d48 ((wq_completion)usb_hub_wq){+.+.}-{0:0}, at: process_one_work (kernel/workqueue.c:3204)
 #1: ffffc90000f5fd80 ((work_completion)(&hub->events)){+.+.}-{0:0}, at: process_one_work (kernel/workqueue.c:3205)
 #2: ffff88802a0c4db0 (&data->cmd_sync_work_lock){+.+.}-{4:4}, at: hci_cmd_sync_clear (net/bluetooth/hci_sync.c:659) bluetooth

stack backtrace:
CPU: 2 UID: 0 PID: 30129 Comm: kworker/2:4 Tainted: G                 N 6.13.0-rc7-00047-g619f0b6fad52 #3
Tainted: [N]=TEST
Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.3-2 04/01/2014
Workqueue: usb_hub_wq hub_event
Call Trace:
 <TASK>
 dump_stack_lvl (lib/dump_stack.c:123)
 debug_check_no_locks_freed (kernel/locking/lockdep.c:6603 kernel/locking/lockdep.c:6612)
 kfree (mm/slub.c:4764)
 btusb_disconnect (drivers/bluetooth/btusb.c:4046) btusb
 usb_unbind_interface (drivers/usb/core/driver.c:461)
 device_release_driver_internal (drivers/base/dd.c:1274 drivers/base/dd.c:1295)
 bus_remove_device (drivers/base/bus.c:576)
 device_del (drivers/base/core.c:3871)
 usb_disable_device (drivers/usb/core/message.c:1420)
 usb_disconnect (drivers/usb/core/hub.c:2305)
 hub_event (drivers/usb/core/hub.c:5442 drivers/usb/core/hub.c:5816)
 process_one_work (kernel/workqueue.c:3234)
 worker_thread (kernel/workqueue.c:3304 kernel/workqueue.c:3391)
 kthread (kernel/kthread.c:389)
 ret_from_fork (arch/x86/kernel/process.c:147)
 ret_from_fork_asm (arch/x86/entry/entry_64.S:257)
 </TASK>
'''), label('held_lock_freed', ['&data->cmd_sync_work_lock'],
            ['(wq_completion)usb_hub_wq', '(work_completion)(&hub->events)',
             '&data->cmd_sync_work_lock'],
            'kworker/2:4', 30129, 'btusb_disconnect', '6.13.0-rc7-00047-g619f0b6fad52'),
    caller='T30129', t0=301.118200)

# H: lock held when returning to user space, i686 3.4 (bracketed BUG
# banner, no instance, six-character usage, [<addr>] before the site).
H = Base('H', split(r'''
================================================
[ BUG: lock held when returning to user space! ]
3.4.0-rc5+ #12 Not tainted
------------------------------------------------
mount/2761 is leaving the kernel with locks still held!
1 lock held by mount/2761:
 #0:  (&type->s_umount_key#21/1){+.+.+.}, at: [<c11a7d2b>] sget+0x2ab/0x540
'''), label('lock_held_user_return', [], ['&type->s_umount_key#21/1'],
            'mount', 2761, 'sget', '3.4.0-rc5+'),
    t0=77.254981, arch='i686')

# I: suspicious RCU usage with many held locks, arm64 6.15 with the
# unwinder's (C)/(P) marks.
I = Base('I', split(r'''
=============================
WARNING: suspicious RCU usage
6.15.0-rc2-00189-g7a1e3c9d0b44 #2 Not tainted
-----------------------------
net/mac80211/sta_info.c:355 RCU-list traversed in non-reader section!!

other info that might help us debug this:


rcu_scheduler_active = 2, debug_locks = 1
6 locks held by wpa_supplicant/611:
 #0: ffffa8b7c3e4a4d0 (cb_lock){++++}-{4:4}, at: genl_rcv+0x20/0x48
 #1: ffffa8b7c3e4a3b8 (genl_mutex){+.+.}-{4:4}, at: genl_rcv_msg+0x70/0x2a8
 #2: ffffa8b7c3e3f9a8 (rtnl_mutex){+.+.}-{4:4}, at: rtnl_lock+0x1c/0x28
 #3: ffff0000c1a2c768 (&rdev->wiphy.mtx){+.+.}-{4:4}, at: nl80211_pre_doit+0x10c/0x270 [cfg80211]
 #4: ffff0000c1a2d6a0 (&local->sta_mtx){+.+.}-{4:4}, at: ieee80211_del_station+0x38/0x90 [mac80211]
 #5: ffff0000c55e0a40 (&sdata->sec_mtx){+.+.}-{4:4}, at: ieee80211_del_key+0x30/0x78 [mac80211]

stack backtrace:
CPU: 0 UID: 0 PID: 611 Comm: wpa_supplicant Not tainted 6.15.0-rc2-00189-g7a1e3c9d0b44 #2 PREEMPT
Hardware name: Raspberry Pi 4 Model B Rev 1.5 (DT)
Call trace:
 show_stack+0x18/0x24 (C)
 dump_stack_lvl+0x80/0xb4
 dump_stack+0x18/0x24
 lockdep_rcu_suspicious+0x174/0x1d0
 sta_info_get_bss+0x13c/0x158 [mac80211]
 ieee80211_del_key+0x4c/0x78 [mac80211]
 ieee80211_del_station+0x58/0x90 [mac80211]
 nl80211_del_station+0x1a4/0x238 [cfg80211]
 genl_family_rcv_msg_doit+0xc4/0x120
 genl_rcv_msg+0x1d8/0x2a8
 netlink_rcv_skb+0x5c/0x130
 genl_rcv+0x2c/0x48
 netlink_unicast+0x1d8/0x2c8
 netlink_sendmsg+0x1d0/0x418
 ____sys_sendmsg+0x1f4/0x2a0
 ___sys_sendmsg+0x80/0xd8
 __sys_sendmsg+0x70/0xd0
 __arm64_sys_sendmsg+0x24/0x34
 invoke_syscall+0x48/0x110 (P)
 el0_svc_common.constprop.0+0x40/0xe0
 do_el0_svc+0x1c/0x28
 el0_svc+0x40/0xe4
 el0t_64_sync_handler+0x120/0x12c
 el0t_64_sync+0x198/0x19c
'''), label('rcu_suspicious', [],
            ['cb_lock', 'genl_mutex', 'rtnl_mutex', '&rdev->wiphy.mtx',
             '&local->sta_mtx', '&sdata->sec_mtx'],
            'wpa_supplicant', 611, 'sta_info_get_bss', '6.15.0-rc2-00189-g7a1e3c9d0b44'),
    t0=95.041337, arch='arm64')

# J: nested lock was not taken, x86-64 6.10 (two backtraces).
J = Base('J', split(r'''
==================================
WARNING: Nested lock was not taken
6.10.0-rc5-dirty #7 Not tainted
----------------------------------
qemu-kvm/9152 is trying to lock:
ffff88812c1e6a18 (&anon_vma->rwsem){++++}-{4:4}, at: mm_take_all_locks+0x1f3/0x4b0

but this task is not holding:
mm_all_locks_mutex

stack backtrace:
CPU: 6 PID: 9152 Comm: qemu-kvm Not tainted 6.10.0-rc5-dirty #7
Hardware name: Dell Inc. PowerEdge R650/0PYXKY, BIOS 1.13.3 12/05/2023
Call Trace:
 <TASK>
 dump_stack_lvl+0x68/0xa0
 __lock_acquire+0x1bb8/0x2360
 lock_acquire+0xc4/0x2b0
 down_write_nest_lock+0x4a/0x160
 mm_take_all_locks+0x1f3/0x4b0
 __mmu_notifier_register+0x47/0x1e0
 kvm_create_vm+0x3a5/0x590 [kvm]
 kvm_dev_ioctl+0x9e/0x6f0 [kvm]
 __x64_sys_ioctl+0x8d/0xc0
 do_syscall_64+0x70/0x140
 entry_SYSCALL_64_after_hwframe+0x76/0x7e
 </TASK>

other info that might help us debug this:
1 lock held by qemu-kvm/9152:
 #0: ffff888104dd5bd8 (&mm->mmap_lock){++++}-{4:4}, at: __mmu_notifier_register+0x3f/0x1e0

stack backtrace:
CPU: 6 PID: 9152 Comm: qemu-kvm Not tainted 6.10.0-rc5-dirty #7
Hardware name: Dell Inc. PowerEdge R650/0PYXKY, BIOS 1.13.3 12/05/2023
Call Trace:
 <TASK>
 dump_stack_lvl+0x68/0xa0
 __lock_acquire+0x1c01/0x2360
 lock_acquire+0xc4/0x2b0
 down_write_nest_lock+0x4a/0x160
 mm_take_all_locks+0x1f3/0x4b0
 __mmu_notifier_register+0x47/0x1e0
 kvm_create_vm+0x3a5/0x590 [kvm]
 kvm_dev_ioctl+0x9e/0x6f0 [kvm]
 __x64_sys_ioctl+0x8d/0xc0
 do_syscall_64+0x70/0x140
 entry_SYSCALL_64_after_hwframe+0x76/0x7e
 </TASK>
'''), label('nested_lock_not_taken', ['&anon_vma->rwsem', 'mm_all_locks_mutex'],
            ['&mm->mmap_lock'], 'qemu-kvm', 9152,
            'mm_take_all_locks', '6.10.0-rc5-dirty'),
    caller='T9152', t0=4410.500102)

# K: still has locks held, x86-64 5.10 (io_uring sqpoll thread exit).
K = Base('K', split(r'''
====================================
WARNING: iou-sqp-4207/4209 still has locks held!
5.10.0-rc2-next-20201106 #1 Not tainted
------------------------------------
1 lock held by iou-sqp-4207/4209:
 #0: ffff88801f3ba3e8 (&ctx->uring_lock){+.+.}-{3:3}, at: io_sq_thread+0x8d1/0xd30

stack backtrace:
CPU: 1 PID: 4209 Comm: iou-sqp-4207 Not tainted 5.10.0-rc2-next-20201106 #1
Hardware name: Google Google Compute Engine/Google Compute Engine, BIOS Google 01/01/2011
Call Trace:
 dump_stack+0x8b/0xb0
 do_exit+0x93b/0xc50
 io_sq_thread+0x5fb/0xd30
 ? __pfx_autoremove_wake_function+0x0/0x10
 kthread+0x13a/0x150
 ? io_sq_thread_stop+0x50/0x50
 ret_from_fork+0x22/0x30
'''), label('still_has_locks_held', [], ['&ctx->uring_lock'], 'iou-sqp-4207', 4209,
            'io_sq_thread', '5.10.0-rc2-next-20201106'),
    t0=912.731660)

# L: hung task, x86-64 6.15 with CONFIG_DETECT_HUNG_TASK_BLOCKER: the
# blocked-on line and the owner's sched_show_task() (state S), then the
# system's lock dump.
L = Base('L', split(r'''
INFO: task kworker/u8:2:98 blocked for more than 122 seconds.
      Not tainted 6.15.0-rc1-00031-gc4a9f12e7d88 #5
"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
task:kworker/u8:2    state:D stack:0     pid:98    tgid:98    ppid:2      task_flags:0x4208060 flags:0x00004000
Workqueue: nvme-wq nvme_scan_work [nvme_core]
Call Trace:
 <TASK>
 __schedule+0x4f2/0x1330
 schedule+0x3e/0x120
 schedule_preempt_disabled+0x15/0x30
 __mutex_lock+0x5a1/0xbb0
 ? nvme_scan_work+0x2a/0x2f0 [nvme_core]
 nvme_scan_work+0x2a/0x2f0 [nvme_core]
 process_one_work+0x21f/0x6a0
 worker_thread+0x1ad/0x3b0
 ? __pfx_worker_thread+0x10/0x10
 kthread+0x10c/0x220
 ? __pfx_kthread+0x10/0x10
 ret_from_fork+0x34/0x50
 ? __pfx_kthread+0x10/0x10
 ret_from_fork_asm+0x1a/0x30
 </TASK>
INFO: task kworker/u8:2:98 is blocked on a mutex likely owned by task nvme:1523.
task:nvme            state:S stack:0     pid:1523  tgid:1523  ppid:1490   task_flags:0x400100 flags:0x00000002
Call Trace:
 <TASK>
 __schedule+0x4f2/0x1330
 schedule+0x3e/0x120
 schedule_timeout+0xa1/0x110
 __wait_for_common+0x90/0x1c0
 blk_mq_freeze_queue_wait+0x5b/0x90
 nvme_passthru_start+0x7c/0x190 [nvme_core]
 nvme_submit_user_cmd+0x5a/0x190 [nvme_core]
 nvme_dev_ioctl+0x136/0x200 [nvme_core]
 __x64_sys_ioctl+0x8d/0xc0
 do_syscall_64+0x75/0x180
 entry_SYSCALL_64_after_hwframe+0x76/0x7e
 </TASK>

Showing all locks held in the system:
1 lock held by khungtaskd/41:
 #0: ffffffff83b5f6a0 (rcu_read_lock){....}-{1:3}, at: debug_show_all_locks+0x36/0x1c0
3 locks held by kworker/u8:2/98:
 #0: ffff888103289548 ((wq_completion)nvme-wq){+.+.}-{0:0}, at: process_one_work+0x3d3/0x6a0
 #1: ffffc9000044fe38 ((work_completion)(&ctrl->scan_work)){+.+.}-{0:0}, at: process_one_work+0x1f6/0x6a0
 #2: ffff88810a6e1a70 (&ctrl->scan_lock){+.+.}-{4:4}, at: nvme_scan_work+0x2a/0x2f0 [nvme_core]
1 lock held by nvme/1523:
 #0: ffff88810a6e1a70 (&ctrl->scan_lock){+.+.}-{4:4}, at: nvme_passthru_start+0x60/0x190 [nvme_core]

=============================================

'''), label('hung_task_all_locks', [],
            ['(wq_completion)nvme-wq', '(work_completion)(&ctrl->scan_work)',
             '&ctrl->scan_lock'], 'kworker/u8:2', 98, 'nvme_scan_work',
            '6.15.0-rc1-00031-gc4a9f12e7d88'),
    t0=369.881200)

# M: invalid wait context, x86-64 6.13 with PROVE_RAW_LOCK_NESTING.
M = Base('M', split(r'''
=============================
[ BUG: Invalid wait context ]
6.13.0-rc3-00099-g2d5404caa8c7 #12 Not tainted
-----------------------------
swapper/3/0 is trying to lock:
ffff88810026b4d8 (&n->list_lock){-.-.}-{3:3}, at: get_partial_node+0x4a/0x3a0
other info that might help us debug this:
context-{2:2}
1 lock held by swapper/3/0:
 #0: ffff88813bd84098 (krc.lock){..-.}-{2:2}, at: kvfree_call_rcu+0xe3/0x4c0
stack backtrace:
CPU: 3 UID: 0 PID: 0 Comm: swapper/3 Not tainted 6.13.0-rc3-00099-g2d5404caa8c7 #12
Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.3-debian-1.16.3-2 04/01/2014
Call Trace:
 <IRQ>
 dump_stack_lvl+0x82/0xd0
 __lock_acquire+0x921/0x2150
 lock_acquire+0xd8/0x2f0
 ? get_partial_node+0x4a/0x3a0
 _raw_spin_lock_irqsave+0x48/0x60
 ? get_partial_node+0x4a/0x3a0
 get_partial_node+0x4a/0x3a0
 ___slab_alloc+0x5f3/0x10a0
 __kmalloc_cache_noprof+0x2d3/0x330
 kvfree_call_rcu+0x1b6/0x4c0
 rcu_do_batch+0x1c4/0x5e0
 rcu_core+0x2f7/0x4c0
 handle_softirqs+0xe0/0x3e0
 irq_exit_rcu+0x95/0xc0
 sysvec_apic_timer_interrupt+0x6e/0x80
 </IRQ>
'''), label('invalid_wait_context', ['&n->list_lock'], ['krc.lock'], 'swapper/3', 0,
            'get_partial_node', '6.13.0-rc3-00099-g2d5404caa8c7'),
    caller='C3', t0=14.660213)

# N: circular, i386 2.6.24 (bracketed INFO banner, ident without taint,
# no instance, four-character usage of that time, [<addr>] frames,
# Pid: line and the ======== terminator).
N = Base('N', split(r'''
=======================================================
[ INFO: possible circular locking dependency detected ]
2.6.24-rc3 #1
-------------------------------------------------------
pdflush/229 is trying to acquire lock:
 (&ei->truncate_mutex){--..}, at: [<c01c28ab>] ext3_get_blocks_handle+0x9b/0x8f0

but task is already holding lock:
 (jbd_handle){--..}, at: [<c01d8c5f>] journal_start+0xcf/0x110

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #1 (jbd_handle){--..}:
       [<c0144e8d>] __lock_acquire+0x10cd/0x1350
       [<c014512a>] lock_acquire+0x1a/0x20
       [<c01d8cb1>] journal_start+0x121/0x110
       [<c01c7f32>] ext3_truncate+0x162/0x8b0
       [<c0160521>] vmtruncate+0x91/0x140
       [<c0185d2c>] inode_setattr+0x5c/0x180
       [<c01c80d1>] ext3_setattr+0x151/0x1f0

-> #0 (&ei->truncate_mutex){--..}:
       [<c0144c75>] __lock_acquire+0xeb5/0x1350
       [<c014512a>] lock_acquire+0x1a/0x20
       [<c0322f1f>] mutex_lock_nested+0x9f/0x290
       [<c01c28ab>] ext3_get_blocks_handle+0x9b/0x8f0
       [<c01c31f4>] ext3_get_block+0x74/0xf0
       [<c0196ffa>] __block_write_full_page+0x13a/0x330
       [<c01972d8>] block_write_full_page+0xe8/0x100

other info that might help us debug this:

2 locks held by pdflush/229:
 #0:  (&type->s_umount_key#19){----}, at: [<c017b8b9>] writeback_inodes+0x69/0xf0
 #1:  (jbd_handle){--..}, at: [<c01d8c5f>] journal_start+0xcf/0x110

stack backtrace:
Pid: 229, comm: pdflush Not tainted 2.6.24-rc3 #1
 [<c0105c0d>] show_trace_log_lvl+0x1a/0x2f
 [<c01066f2>] show_trace+0x12/0x14
 [<c010670a>] dump_stack+0x16/0x18
 [<c0142fe8>] print_circular_bug_tail+0x68/0x71
 [<c0144c75>] __lock_acquire+0xeb5/0x1350
 [<c014512a>] lock_acquire+0x1a/0x20
 [<c0322f1f>] mutex_lock_nested+0x9f/0x290
 [<c01c28ab>] ext3_get_blocks_handle+0x9b/0x8f0
 [<c01c31f4>] ext3_get_block+0x74/0xf0
 [<c0196ffa>] __block_write_full_page+0x13a/0x330
 [<c01972d8>] block_write_full_page+0xe8/0x100
 [<c01c4d66>] ext3_ordered_writepage+0xc6/0x1a0
 [<c0162f0b>] __writepage+0xb/0x30
 [<c01635ab>] write_cache_pages+0x1eb/0x2f0
 [<c01636d1>] generic_writepages+0x21/0x30
 [<c016371c>] do_writepages+0x3c/0x40
 [<c018e5e1>] __writeback_single_inode+0x91/0x380
 [<c018eb3b>] sync_sb_inodes+0x1bb/0x2b0
 [<c018ed45>] writeback_inodes+0xa5/0xf0
 [<c0163a4b>] background_writeout+0x9b/0xc0
 [<c0164229>] pdflush+0x109/0x1a0
 [<c0136d92>] kthread+0x42/0x70
 [<c0104e2f>] kernel_thread_helper+0x7/0x18
 =======================
'''), label('circular', ['jbd_handle', '&ei->truncate_mutex'],
            ['&type->s_umount_key#19', 'jbd_handle'], 'pdflush', 229,
            'ext3_get_blocks_handle', '2.6.24-rc3'),
    t0=1312.402871, arch='i386')

# O: recursive with the lock comparison function line (6.7+, bcachefs).
O = Base('O', split(r'''
============================================
WARNING: possible recursive locking detected
6.8.0-rc6-ktest-00120-g5f2a6fbbc0ea #3 Not tainted
--------------------------------------------
bch-copygc/sdb/1712 is trying to acquire lock:
ffff88811c6a2168 (bcachefs_btree){++++}-{0:0}, at: __bch2_btree_node_lock_write+0x5e/0x110 [bcachefs]

but task is already holding lock:
ffff88811c6a3a08 (bcachefs_btree){++++}-{0:0}, at: bch2_btree_node_lock_write_nofail+0x28/0x40 [bcachefs]
and the lock comparison function returns 0:

other info that might help us debug this:
 Possible unsafe locking scenario:

       CPU0
       ----
  lock(bcachefs_btree);
  lock(bcachefs_btree);

 *** DEADLOCK ***

 May be due to missing lock nesting notation

2 locks held by bch-copygc/sdb/1712:
 #0: ffff888112a05b10 (&c->btree_trans_barrier){.+.+}-{0:0}, at: __bch2_trans_get+0x1bb/0x3b0 [bcachefs]
 #1: ffff88811c6a3a08 (bcachefs_btree){++++}-{0:0}, at: bch2_btree_node_lock_write_nofail+0x28/0x40 [bcachefs]

stack backtrace:
CPU: 1 PID: 1712 Comm: bch-copygc/sdb Not tainted 6.8.0-rc6-ktest-00120-g5f2a6fbbc0ea #3
Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.16.2-debian-1.16.2-1 04/01/2014
Call Trace:
 <TASK>
 dump_stack_lvl+0x6f/0xb0
 __lock_acquire+0x1203/0x1ed0
 lock_acquire+0xcf/0x2c0
 ? __bch2_btree_node_lock_write+0x5e/0x110 [bcachefs]
 six_lock_ip_write+0x33/0x60
 __bch2_btree_node_lock_write+0x5e/0x110 [bcachefs]
 bch2_btree_node_rewrite+0x1b9/0x590 [bcachefs]
 bch2_move_btree+0x337/0x4a0 [bcachefs]
 bch2_copygc_thread+0x2d6/0x3b0 [bcachefs]
 kthread+0xf3/0x120
 ? __pfx_kthread+0x10/0x10
 ret_from_fork+0x34/0x50
 ? __pfx_kthread+0x10/0x10
 ret_from_fork_asm+0x1b/0x30
 </TASK>
'''), label('recursive', ['bcachefs_btree', 'bcachefs_btree'],
            ['&c->btree_trans_barrier', 'bcachefs_btree'], 'bch-copygc/sdb', 1712,
            '__bch2_btree_node_lock_write', '6.8.0-rc6-ktest-00120-g5f2a6fbbc0ea'),
    caller='T1712', t0=207.339915)

# P: circular, SRCU sync( scenario verb (6.4+ / 6.1.y), x86-64 6.6 stable,
# 2 locks.
P = Base('P', split(r'''
======================================================
WARNING: possible circular locking dependency detected
6.6.63-gentoo-dist #1 Tainted: G           OE
------------------------------------------------------
kvm-nx-lpage-re/7811 is trying to acquire lock:
ffffc9000b2f1ea0 (&kvm->srcu){.+.+}-{0:0}, at: kvm_mmu_recover_huge_pages+0x52/0x2f0 [kvm]

but task is already holding lock:
ffffc9000b2f1f48 (&kvm->slots_lock){+.+.}-{3:3}, at: kvm_nx_huge_page_recovery_worker+0x4a/0x2a0 [kvm]

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #1 (&kvm->slots_lock){+.+.}-{3:3}:
       __mutex_lock+0x9b/0xb20
       kvm_set_memory_region+0x25/0x60 [kvm]
       kvm_vm_ioctl+0x4d3/0x1490 [kvm]
       __x64_sys_ioctl+0x94/0xd0

-> #0 (&kvm->srcu){.+.+}-{0:0}:
       __lock_acquire+0x1564/0x2700
       lock_sync+0x7a/0xc0
       __synchronize_srcu+0x4e/0x190
       kvm_mmu_recover_huge_pages+0x52/0x2f0 [kvm]
       kvm_nx_huge_page_recovery_worker+0x1b2/0x2a0 [kvm]

other info that might help us debug this:

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&kvm->slots_lock);
                               lock(&kvm->srcu);
                               lock(&kvm->slots_lock);
  sync(&kvm->srcu);

 *** DEADLOCK ***

1 lock held by kvm-nx-lpage-re/7811:
 #0: ffffc9000b2f1f48 (&kvm->slots_lock){+.+.}-{3:3}, at: kvm_nx_huge_page_recovery_worker+0x4a/0x2a0 [kvm]

stack backtrace:
CPU: 11 PID: 7811 Comm: kvm-nx-lpage-re Tainted: G           OE      6.6.63-gentoo-dist #1
Hardware name: ASUS System Product Name/ROG STRIX X670E-E GAMING WIFI, BIOS 2413 03/26/2024
Call Trace:
 <TASK>
 dump_stack_lvl+0x5b/0x90
 check_noncircular+0x13d/0x150
 __lock_acquire+0x1564/0x2700
 lock_sync+0x7a/0xc0
 ? __synchronize_srcu+0x5/0x190
 __synchronize_srcu+0x4e/0x190
 kvm_mmu_recover_huge_pages+0x52/0x2f0 [kvm]
 kvm_nx_huge_page_recovery_worker+0x1b2/0x2a0 [kvm]
 kvm_vm_worker_thread+0x10d/0x1c0 [kvm]
 kthread+0xe6/0x120
 ? __pfx_kthread+0x10/0x10
 ret_from_fork+0x34/0x50
 ret_from_fork_asm+0x1b/0x30
 </TASK>
'''), label('circular', ['&kvm->slots_lock', '&kvm->srcu'], ['&kvm->slots_lock'],
            'kvm-nx-lpage-re', 7811, 'kvm_mmu_recover_huge_pages', '6.6.63-gentoo-dist'),
    t0=5102.887301)

BASES = [A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P]

# Near misses: lockdep's own messages and warnings a kernel engineer does
# not count as a lockdep report.
NM_CHAIN_HLOCKS = split(r'''
BUG: MAX_LOCKDEP_CHAIN_HLOCKS too low!
turning off the locking correctness validator.
Please attach the output of /proc/lock_stat to the bug report
CPU: 7 UID: 0 PID: 18832 Comm: syz-executor.3 Not tainted 6.14.0-rc1 #4
Hardware name: Google Compute Engine/Google Compute Engine, BIOS Google 02/12/2025
Call Trace:
 <TASK>
 dump_stack_lvl+0x82/0xd0
 add_chain_cache+0x2a1/0x330
 __lock_acquire+0x10d6/0x2600
 lock_acquire+0xd8/0x2f0
 _raw_spin_lock+0x30/0x40
 tcp_v4_rcv+0x1af3/0x1d70
 ip_protocol_deliver_rcu+0x3e/0x1b0
 </TASK>
''')

NM_NONSTATIC = split(r'''
INFO: trying to register non-static key.
The code is fine but needs lockdep annotation, or maybe
you didn't initialize this object before use?
turning off the locking correctness validator.
CPU: 0 PID: 512 Comm: modprobe Not tainted 6.1.0-27-amd64 #1  Debian 6.1.115-1
Hardware name: LENOVO 20XW0055GE/20XW0055GE, BIOS N32ET86W (1.62 ) 07/18/2023
Call Trace:
 <TASK>
 dump_stack_lvl+0x44/0x5c
 register_lock_class+0x4a7/0x4c0
 __lock_acquire+0x6e/0x2090
 lock_acquire+0xc2/0x2b0
 _raw_spin_lock_irqsave+0x3d/0x60
 snd_hdac_bus_exit+0x2c/0x70 [snd_hda_core]
 azx_probe_continue+0x1c8/0x2a0 [snd_hda_intel]
 </TASK>
''')

NM_LOCKDEP_WARN = split(r'''
------------[ cut here ]------------
DEBUG_LOCKS_WARN_ON(lock->magic != lock)
WARNING: CPU: 2 PID: 1201 at kernel/locking/mutex.c:582 __mutex_lock+0x7b4/0xc50
Modules linked in: xt_conntrack nft_chain_nat
CPU: 2 UID: 0 PID: 1201 Comm: ip Not tainted 6.13.0 #1
RIP: 0010:__mutex_lock+0x7b4/0xc50
Call Trace:
 <TASK>
 ? __warn+0x8c/0x190
 ? __mutex_lock+0x7b4/0xc50
 ? report_bug+0x16d/0x190
 wg_set_device+0x55/0x6a0 [wireguard]
 genl_family_rcv_msg_doit+0xe4/0x140
 </TASK>
---[ end trace 0000000000000000 ]---
''')

NM_SLEEPING = split(r'''
BUG: sleeping function called from invalid context at kernel/locking/mutex.c:283
in_atomic(): 1, irqs_disabled(): 0, non_block: 0, pid: 2331, name: ethtool
preempt_count: 201, expected: 0
RCU nest depth: 0, expected: 0
2 locks held by ethtool/2331:
 #0: ffffffff8b2b1b28 (rtnl_mutex){+.+.}-{4:4}, at: ethnl_set_channels+0xb8/0x3c0
 #1: ffff88810c1d6a40 (&adapter->stats_lock){+...}-{3:3}, at: igc_update_stats+0x41/0x7e0 [igc]
irq event stamp: 18452
hardirqs last  enabled at (18451): [<ffffffff81a3a5fd>] _raw_spin_unlock_irqrestore+0x2d/0x50
hardirqs last disabled at (18452): [<ffffffff81a3a3a4>] _raw_spin_lock_irqsave+0x54/0x60
softirqs last  enabled at (18440): [<ffffffff8112a7b5>] handle_softirqs+0x2f5/0x3e0
softirqs last disabled at (18445): [<ffffffff8112a93c>] __irq_exit_rcu+0x9c/0xc0
CPU: 4 UID: 0 PID: 2331 Comm: ethtool Tainted: G        W          6.12.6 #2
Tainted: [W]=WARN
Call Trace:
 <TASK>
 dump_stack_lvl+0x82/0xd0
 __might_resched+0x22d/0x2a0
 __mutex_lock+0x5a/0xc50
 igc_update_stats+0x3d7/0x7e0 [igc]
 igc_ethtool_set_channels+0x6a/0x150 [igc]
 </TASK>
''')
