# SPDX-License-Identifier: GPL-2.0
# Round 2 base reports (written after round 1 was scored, before any of
# these were parsed).
P = r"""
======================================================
WARNING: possible circular locking dependency detected
6.8.0-rc4-syzkaller-00180-g4f5e5092fdbf #0 Not tainted
------------------------------------------------------
syz-executor.0/5123 is trying to acquire lock:
ffff88807c3a0920 (&sb->s_type->i_mutex_key#22){++++}-{3:3}, at: inode_lock include/linux/fs.h:802 [inline]
ffff88807c3a0920 (&sb->s_type->i_mutex_key#22){++++}-{3:3}, at: hfsplus_file_truncate+0x2b1/0xbd0 fs/hfsplus/extents.c:595

but task is already holding lock:
ffff88802a1d0848 (&HFSPLUS_I(inode)->extents_lock){+.+.}-{3:3}, at: hfsplus_file_extend+0x1d6/0x1b10 fs/hfsplus/extents.c:457

which lock already depends on the new lock.


the existing dependency chain (in reverse order) is:

-> #2 (&HFSPLUS_I(inode)->extents_lock){+.+.}-{3:3}:
       __mutex_lock_common kernel/locking/mutex.c:608 [inline]
       __mutex_lock+0x136/0xd70 kernel/locking/mutex.c:752
       hfsplus_get_block+0x383/0x14e0 fs/hfsplus/extents.c:260
       block_read_full_folio+0x3c6/0xb10 fs/buffer.c:2390
       filemap_read_folio+0x19c/0x780 mm/filemap.c:2323

-> #1 (&tree->tree_lock){+.+.}-{3:3}:
       __mutex_lock_common kernel/locking/mutex.c:608 [inline]
       __mutex_lock+0x136/0xd70 kernel/locking/mutex.c:752
       hfsplus_find_init+0x14a/0x1c0 fs/hfsplus/bfind.c:28
       hfsplus_cat_write_inode+0x1e0/0xc70 fs/hfsplus/inode.c:589

-> #0 (&sb->s_type->i_mutex_key#22){++++}-{3:3}:
       check_prev_add kernel/locking/lockdep.c:3134 [inline]
       check_prevs_add kernel/locking/lockdep.c:3253 [inline]
       validate_chain+0x18cb/0x58e0 kernel/locking/lockdep.c:3869
       __lock_acquire+0x1346/0x1fd0 kernel/locking/lockdep.c:5137
       lock_acquire+0x1e3/0x530 kernel/locking/lockdep.c:5754
       down_write+0x3a/0x50 kernel/locking/rwsem.c:1579
       inode_lock include/linux/fs.h:802 [inline]
       hfsplus_file_truncate+0x2b1/0xbd0 fs/hfsplus/extents.c:595
       hfsplus_setattr+0x1b9/0x280 fs/hfsplus/inode.c:269

other info that might help us debug this:

Chain exists of:
  &sb->s_type->i_mutex_key#22 --> &tree->tree_lock --> &HFSPLUS_I(inode)->extents_lock

 Possible unsafe locking scenario:

       CPU0                    CPU1
       ----                    ----
  lock(&HFSPLUS_I(inode)->extents_lock);
                               lock(&tree->tree_lock);
                               lock(&HFSPLUS_I(inode)->extents_lock);
  lock(&sb->s_type->i_mutex_key#22);

 *** DEADLOCK ***

3 locks held by syz-executor.0/5123:
 #0: ffff888021fd6420 (sb_writers#13){.+.+}-{0:0}, at: do_sys_ftruncate+0x25c/0x390 fs/open.c:191
 #1: ffff88807c3a0920 (&sb->s_type->i_mutex_key#22){++++}-{3:3}, at: inode_lock include/linux/fs.h:802 [inline]
 #1: ffff88807c3a0920 (&sb->s_type->i_mutex_key#22){++++}-{3:3}, at: do_truncate+0x20c/0x310 fs/open.c:64
 #2: ffff88802a1d0848 (&HFSPLUS_I(inode)->extents_lock){+.+.}-{3:3}, at: hfsplus_file_extend+0x1d6/0x1b10 fs/hfsplus/extents.c:457

stack backtrace:
CPU: 1 PID: 5123 Comm: syz-executor.0 Not tainted 6.8.0-rc4-syzkaller-00180-g4f5e5092fdbf #0
Hardware name: Google Google Compute Engine/Google Compute Engine, BIOS Google 01/25/2024
Call Trace:
 <TASK>
 __dump_stack lib/dump_stack.c:88 [inline]
 dump_stack_lvl+0x1e7/0x2e0 lib/dump_stack.c:106
 check_noncircular+0x36a/0x4a0 kernel/locking/lockdep.c:2187
 check_prev_add kernel/locking/lockdep.c:3134 [inline]
 validate_chain+0x18cb/0x58e0 kernel/locking/lockdep.c:3869
 __lock_acquire+0x1346/0x1fd0 kernel/locking/lockdep.c:5137
 lock_acquire+0x1e3/0x530 kernel/locking/lockdep.c:5754
 down_write+0x3a/0x50 kernel/locking/rwsem.c:1579
 inode_lock include/linux/fs.h:802 [inline]
 hfsplus_file_truncate+0x2b1/0xbd0 fs/hfsplus/extents.c:595
 hfsplus_setattr+0x1b9/0x280 fs/hfsplus/inode.c:269
 notify_change+0xb9f/0xe70 fs/attr.c:497
 do_truncate+0x220/0x310 fs/open.c:65
 do_sys_ftruncate+0x2f7/0x390 fs/open.c:193
 do_syscall_64+0xfb/0x240
 entry_SYSCALL_64_after_hwframe+0x6d/0x75
 </TASK>
"""

Q = r"""
INFO: task kworker/u8:2:143 blocked for more than 120 seconds.
      Tainted: G        W       4.14.0-rc3+ #221
"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
kworker/u8:2    D12864   143      2 0x80000000
Workqueue: writeback wb_workfn (flush-8:0)
Call Trace:
 __schedule+0x2dc/0xba0
 schedule+0x33/0x90
 rwsem_down_read_failed+0x10e/0x170
 call_rwsem_down_read_failed+0x18/0x30
 down_read+0x5c/0x70
 xfs_ilock+0x13f/0x190 [xfs]
 xfs_map_blocks+0x68/0x3c0 [xfs]
 xfs_do_writepage+0x2b4/0x7b0 [xfs]
 write_cache_pages+0x1f4/0x5a0
 xfs_vm_writepages+0x4a/0x70 [xfs]
 do_writepages+0x1a/0x70
 __writeback_single_inode+0x3d/0x640
 writeback_sb_inodes+0x221/0x4f0
 wb_workfn+0x2b4/0x5a0
 process_one_work+0x206/0x640
 worker_thread+0x4a/0x3f0
 kthread+0x141/0x180
 ret_from_fork+0x2a/0x40

Showing all locks held in the system:
2 locks held by khungtaskd/39:
 #0:  (rcu_read_lock){....}, at: [<ffffffff810f4c70>] watchdog+0x0/0x440
 #1:  (tasklist_lock){.+.+}, at: [<ffffffff810cd95d>] debug_show_all_locks+0x3d/0x1a0
2 locks held by kworker/u8:2/143:
 #0:  ("writeback"){+.+.}, at: [<ffffffff8109c7a6>] process_one_work+0x176/0x640
 #1:  ((&(&wb->dwork)->work)){+.+.}, at: [<ffffffff8109c7a6>] process_one_work+0x176/0x640
3 locks held by fsstress/2811:
 #0:  (sb_writers#8){.+.+}, at: [<ffffffff8125a3f4>] mnt_want_write+0x24/0x50
 #1:  (&sb->s_type->i_mutex_key#13){++++}, at: [<ffffffffa0389d6a>] xfs_ilock+0x11a/0x190 [xfs]
 #2:  (&xfs_nondir_ilock_class){++++}, at: [<ffffffffa0389d43>] xfs_ilock+0xf3/0x190 [xfs]

=============================================

"""

KCSAN_HELD = r"""
==================================================================
BUG: KCSAN: data-race in ext4_mark_iloc_dirty / ext4_sync_file

write to 0xffff888103d2c1b0 of 4 bytes by task 3321 on cpu 2:
 ext4_mark_iloc_dirty+0x3a5/0x4a0
 __ext4_mark_inode_dirty+0x1a2/0x3e0
 ext4_dirty_inode+0x6a/0x90

read to 0xffff888103d2c1b0 of 4 bytes by task 3322 on cpu 0:
 ext4_sync_file+0x1c4/0x6a0
 vfs_fsync_range+0x107/0x120

2 locks held by fsync-test/3322:
 #0: ffff888103d2c3f8 (&sb->s_type->i_mutex_key#9){++++}-{3:3}, at: ext4_sync_file+0x8e/0x6a0
 #1: ffff8881040a1f90 (jbd2_handle){++++}-{0:0}, at: start_this_handle+0x69b/0x9c0
irq event stamp: 28811
hardirqs last  enabled at (28811): [<ffffffff8130fd0e>] kmem_cache_free+0x1be/0x310
hardirqs last disabled at (28810): [<ffffffff8130fc6a>] kmem_cache_free+0x11a/0x310

Reported by Kernel Concurrency Sanitizer on:
CPU: 0 PID: 3322 Comm: fsync-test Not tainted 6.3.0-rc1-kcsan+ #2
Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS 1.15.0-1 04/01/2014
==================================================================
"""

HUNG_NOLOCKS = r"""
INFO: task systemd-udevd:412 blocked for more than 120 seconds.
      Not tainted 5.15.0-91-generic #101-Ubuntu
"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.
task:systemd-udevd   state:D stack:    0 pid:  412 ppid:     1 flags:0x00004004
Call Trace:
 <TASK>
 __schedule+0x24e/0x590
 schedule+0x69/0x110
 schedule_preempt_disabled+0xe/0x20
 __mutex_lock.constprop.0+0x267/0x490
 __mutex_lock_slowpath+0x13/0x20
 mutex_lock+0x38/0x50
 __blkdev_get+0x1ab/0x2e0
 </TASK>
"""

S = r"""
=============================================
[ INFO: possible recursive locking detected ]
3.10.0-1160.el7.x86_64.debug #1 Tainted: G           OE  ------------   
---------------------------------------------
systemd-udevd/812 is trying to acquire lock:
 (&bdev->bd_mutex){+.+.+.}, at: [<ffffffff8129b5d5>] __blkdev_get+0x65/0x490

but task is already holding lock:
 (&bdev->bd_mutex){+.+.+.}, at: [<ffffffff8129b5d5>] __blkdev_get+0x65/0x490

other info that might help us debug this:
 Possible unsafe locking scenario:

       CPU0
       ----
  lock(&bdev->bd_mutex);
  lock(&bdev->bd_mutex);

 *** DEADLOCK ***

 May be due to missing lock nesting notation

1 lock held by systemd-udevd/812:
 #0:  (&bdev->bd_mutex){+.+.+.}, at: [<ffffffff8129b5d5>] __blkdev_get+0x65/0x490

stack backtrace:
CPU: 3 PID: 812 Comm: systemd-udevd Tainted: G           OE  ------------   3.10.0-1160.el7.x86_64.debug #1
Hardware name: Red Hat KVM, BIOS 0.5.1 01/01/2011
Call Trace:
 [<ffffffff817abc32>] dump_stack+0x19/0x1b
 [<ffffffff81104ac1>] __lock_acquire+0x1191/0x1a50
 [<ffffffff81105a12>] lock_acquire+0xb2/0x1f0
 [<ffffffff817b10f0>] mutex_lock_nested+0x80/0x3a0
 [<ffffffff8129b5d5>] __blkdev_get+0x65/0x490
 [<ffffffff8129b7c8>] __blkdev_get+0x258/0x490
 [<ffffffff8129bb35>] blkdev_get+0x1e5/0x380
 [<ffffffff8129bd2b>] blkdev_open+0x5b/0x80
 [<ffffffff8125a3b7>] do_dentry_open+0x1a7/0x2e0
 [<ffffffff8125a5a6>] vfs_open+0x56/0xb0
 [<ffffffff8126b8e4>] do_last+0x1f4/0x12a0
 [<ffffffff8126cb5d>] path_openat+0xcd/0x5a0
 [<ffffffff8126e74b>] do_filp_open+0x4b/0xb0
 [<ffffffff8125bb16>] do_sys_open+0x136/0x240
 [<ffffffff8125bc3e>] SyS_open+0x1e/0x20
 [<ffffffff817c0ddb>] system_call_fastpath+0x22/0x27
"""

T = r"""
=============================
WARNING: suspicious RCU usage
6.12.0-rc7-next-20241115-00002-gb1c2d3e4f5a6 #1 Not tainted
-----------------------------
kernel/sched/core.c:8815 Illegal context switch in RCU read-side critical section!

other info that might help us debug this:


rcu_scheduler_active = 2, debug_locks = 1
1 lock held by kworker/2:1/77:
 #0: ffffffff9e7b1f60 (rcu_read_lock){....}-{1:3}, at: nfnetlink_rcv_batch+0x1a5/0x10b0 [nfnetlink]

stack backtrace:
CPU: 2 UID: 0 PID: 77 Comm: kworker/2:1 Not tainted 6.12.0-rc7-next-20241115-00002-gb1c2d3e4f5a6 #1
Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.3-debian-1.16.3-2 04/01/2014
Workqueue: events nf_tables_trans_destroy_work [nf_tables]
Call Trace:
 <TASK>
 dump_stack_lvl+0x9d/0xd0
 lockdep_rcu_suspicious+0x146/0x200
 __might_resched+0x29e/0x3a0
 __mutex_lock+0x7b/0xd80
 nft_chain_validate+0x4d/0x1b0 [nf_tables]
 nfnetlink_rcv_batch+0x6d3/0x10b0 [nfnetlink]
 nfnetlink_rcv+0x1c1/0x200 [nfnetlink]
 process_one_work+0x21c/0x5b0
 worker_thread+0x1c8/0x390
 kthread+0xe6/0x110
 ret_from_fork+0x34/0x50
 ret_from_fork_asm+0x1a/0x30
 </TASK>
"""
