# Batch 8 (h141-h157): areas no earlier batch or the corpus had, weighted to
# what CI farms hit today: i915 display power wells under HPD polling, amdgpu
# DC (invalid wait context and HPD RX recursion), nouveau HPD work against
# runtime suspend, btrfs balance, ext4 fast commit, XFS online repair, a
# blk-mq queue freeze around a sysfs limit, nvme-tcp sending under reclaim,
# md raid5 quiesce, the mlx5 eswitch mode change, page_pool's ring, TCP-MD5,
# intel_pstate's HWP interrupt, binder's shrinker against mmap_lock. Linux
# 6.1 has no xe, bcachefs, nouveau GSP or netdev instance lock: their
# functions cannot be checked against the tree, so they are left out.
# Written and labelled before splatd was run on any of them.
from specs import *
from r10 import old, BTP, ARM64_SYS, ARM64_BT, ARM64_KW, NL, SYSFS_W

SENDMSG = 'sock_sendmsg_nosec! sock_sendmsg ____sys_sendmsg ___sys_sendmsg __sys_sendmsg ' + SYS
KWB = 'kthread ' + RF
SYSFS_Q = 'sysfs_kf_write kernfs_fop_write_iter call_write_iter! new_sync_write! vfs_write ksys_write '


@rep('h141-circular-i915-power-domains-hpd-poll-work-intel-ci.log', 'INTEL DRM DRIVERS (excluding Poulsbo, Moorestown and derivative chipsets)',
     'the VLV/CHV display power well disable path re-enables HPD polling and waits for the poll init work (cancel/flush) while holding power_domains->lock, while that work detects connectors and takes power_domains->lock through intel_display_power_get (made up in real functions)',
     'Intel CI (BAT, fi-bsw) "possible circular locking dependency: &power_domains->lock --> (work_completion)(&i915->hotplug.poll_init_work)" on runtime suspend (made up in real functions) -- eighth batch')
def _():
    r = R('plain', '', 'kworker/0:2', 211, cpu=0, ts=512.8)
    r.release, r.build = '6.1.0-CI_DRM_12345-g0a1b2c3d4e5f+', '#1'
    r.hw = 'GOOGLE Cyan/Cyan, BIOS MrChromebox 02/01/2020'
    pd = '&power_domains->lock'
    wk = '(work_completion)(&i915->display.hotplug.poll_init_work)'
    dis = ('__flush_work __cancel_work_timer cancel_work_sync intel_hpd_poll_enable[i915] vlv_display_power_well_deinit[i915] '
           'vlv_display_power_well_disable[i915] intel_power_well_disable[i915] __intel_display_power_put_domain[i915] '
           'intel_display_power_put_async_work[i915] ' + KW)
    circular(r, (wk, '+.+.', '0:0', '__flush_work'), (pd, '+.+.', '3:3', 'intel_display_power_put_async_work[i915]'),
        [(wk, '+.+.', '0:0', 'process_one_work ' + 'worker_thread ' + KWB),
         (pd, '+.+.', '3:3', '__mutex_lock mutex_lock_nested intel_display_power_get[i915] intel_dp_detect[i915] '
          'drm_helper_probe_detect drm_helper_hpd_irq_event i915_hpd_poll_init_work[i915] ' + KW),
         (wk, '+.+.', '0:0', '__lock_acquire lock_acquire ' + dis)][1:],
        None, [('(wq_completion)events', '+.+.', '0:0', 'process_one_work'),
               ('(work_completion)(&(&power_domains->async_put_work)->work)', '+.+.', '0:0', 'process_one_work'),
               (pd, '+.+.', '3:3', 'intel_display_power_put_async_work[i915]')],
        BTP + ' ' + dis)
    return r


@rep('h142-invalid-wait-amdgpu-dm-dc-lock-event-lock-dmesg.log', 'AMD DISPLAY CORE',
     'amdgpu DM takes the DC mutex (dm->dc_lock) in its commit tail while holding the DRM event spinlock (dev->event_lock, taken to arm the vblank event); the sleeping lock inside a spinning lock is an invalid wait context: the spinlock must be dropped first (made up in real functions)',
     'amd-gfx "[ BUG: Invalid wait context ]" &dm->dc_lock in amdgpu_dm_atomic_commit_tail with &dev->event_lock held (made up in real functions) -- eighth batch')
def _():
    r = R('plain', '', 'kworker/u32:5', 1893, cpu=6, ts=88.4)
    r.release, r.build = '6.1.0-rc5+', '#3'
    r.hw = 'LENOVO 21A0CTO1WW/21A0CTO1WW, BIOS R1MET43W (1.13 ) 11/05/2021'
    invalid_wait(r, ('&dm->dc_lock', '+.+.', '4:4', 'amdgpu_dm_atomic_commit_tail[amdgpu]'), '4:4',
        [('(wq_completion)events_unbound', '+.+.', '0:0', 'process_one_work'),
         ('(work_completion)(&commit->commit_work)', '+.+.', '0:0', 'process_one_work'),
         ('&dev->event_lock', '....', '3:3', 'amdgpu_dm_atomic_commit_tail[amdgpu]')],
        'dump_stack_lvl __lock_acquire lock_acquire __mutex_lock mutex_lock_nested amdgpu_dm_atomic_commit_tail[amdgpu] '
        'commit_tail commit_work ' + KW)
    return r


@rep('h143-recursive-amdgpu-dm-dc-lock-hpd-rx-irq-dmesg.log', 'AMD DISPLAY CORE',
     'amdgpu DM handles a DP short pulse in handle_hpd_rx_irq holding dc_lock around link detection, and the detection path calls the HPD helper (handle_hpd_irq_helper), which takes dc_lock again (made up in real functions)',
     'amd-gfx "possible recursive locking detected: &adev->dm.dc_lock" from the HPD RX offload work on an MST dock (made up in real functions) -- eighth batch')
def _():
    r = R('plain', '', 'kworker/3:1', 143, cpu=3, ts=301.7)
    r.release, r.build = '6.1.0-rc7+', '#2'
    r.hw = 'Framework Laptop 13 (AMD Ryzen 7040Series)/FRANMDCP07, BIOS 03.03 10/17/2023'
    dl = '&adev->dm.dc_lock'
    recursive(r, (dl, '+.+.', '4:4', 'handle_hpd_irq_helper[amdgpu]'), (dl, '+.+.', '4:4', 'handle_hpd_rx_irq[amdgpu]'),
        [('(wq_completion)amdgpu_dm_hpd_rx_offload_wq', '+.+.', '0:0', 'process_one_work'),
         ('(work_completion)(&offload_work->work)', '+.+.', '0:0', 'process_one_work'),
         ('&aconnector->hpd_lock', '+.+.', '4:4', 'handle_hpd_rx_irq[amdgpu]'), (dl, '+.+.', '4:4', 'handle_hpd_rx_irq[amdgpu]')],
        'dump_stack_lvl __lock_acquire lock_acquire __mutex_lock mutex_lock_nested handle_hpd_irq_helper[amdgpu] '
        'handle_hpd_rx_irq[amdgpu] dm_handle_hpd_rx_offload_work[amdgpu] ' + KW)
    return r


@rep('h144-hung-task-nouveau-hpd-work-runtime-suspend-dmesg.log', 'DRM DRIVER FOR NVIDIA GEFORCE/QUADRO GPUS',
     'nouveau\'s runtime suspend (nouveau_display_fini) cancels the HPD work synchronously, while the HPD work resumes the GPU with pm_runtime_get_sync, which waits for the suspend in progress: each waits for the other; the suspend path must not wait for a work that resumes the device',
     'nouveau list / freedesktop #100228 "INFO: task kworker blocked for more than 120 seconds" in nouveau_display_hpd_work and rpm_resume on an Optimus laptop (the deadlock Lyude\'s 2018 runtime PM fixes describe; made up in real functions for 6.1) -- eighth batch')
def _():
    r = R('plain', '', 'kworker/2:3', 402, cpu=2, ts=1290.4)
    r.release, r.build = '6.1.0-rc2+', '#5'
    hung(r, 122, 'task:kworker/2:3     state:D stack:    0 pid:  402 ppid:     2 flags:0x00004000',
         '__schedule schedule rpm_resume __pm_runtime_resume nouveau_display_hpd_work[nouveau] ' + KW,
         [('khungtaskd/38', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('kworker/2:3/402', [('(wq_completion)events', '+.+.', '0:0', 'process_one_work'),
                               ('(work_completion)(&drm->hpd_work)', '+.+.', '0:0', 'process_one_work')]),
          ('kworker/1:0/22', [('(wq_completion)pm', '+.+.', '0:0', 'process_one_work'),
                              ('(work_completion)(&dev->power.work)', '+.+.', '0:0', 'process_one_work')])])
    r.L('INFO: task kworker/1:0:22 blocked for more than 122 seconds.')
    r.L('      Not tainted 6.1.0-rc2+ #5')
    r.L('task:kworker/1:0     state:D stack:    0 pid:   22 ppid:     2 flags:0x00004000')
    r.calltrace('__schedule schedule schedule_timeout do_wait_for_common! __wait_for_common wait_for_completion __flush_work '
                '__cancel_work_timer cancel_work_sync nouveau_display_fini[nouveau] nouveau_display_suspend[nouveau] '
                'nouveau_do_suspend[nouveau] nouveau_pmops_runtime_suspend[nouveau] pci_pm_runtime_suspend __rpm_callback '
                'rpm_callback rpm_suspend pm_runtime_work ' + KW)
    return r


@rep('h145-circular-btrfs-balance-reclaim-bgs-lock-sb-internal-syzbot.log', 'BTRFS FILE SYSTEM',
     'btrfs balance relocates a chunk (starting transactions, sb_internal) while holding reclaim_bgs_lock, and the cleaner thread deleting unused block groups takes reclaim_bgs_lock inside a joined transaction; __btrfs_balance must not hold the lock across relocation (made up in real functions)',
     'syzbot "possible deadlock in __btrfs_balance" / "in btrfs_delete_unused_bgs" (made up in real functions) -- eighth batch')
def _():
    r = R('syz', SYZ, 'syz-executor.4', 6120)
    rb = '&fs_info->reclaim_bgs_lock'
    si = 'sb_internal#2'
    bal = ('btrfs_start_transaction btrfs_relocate_block_group btrfs_relocate_chunk __btrfs_balance btrfs_balance '
           'btrfs_ioctl_balance btrfs_ioctl ' + IOCTL)
    circular(r, (si, '.+.+', '0:0', 'btrfs_start_transaction'), (rb, '+.+.', '3:3', '__btrfs_balance'),
        [(rb, '+.+.', '3:3', '__mutex_lock_common __mutex_lock mutex_lock_nested btrfs_delete_unused_bgs cleaner_kthread ' + KWB),
         (si, '.+.+', '0:0', '__lock_acquire lock_acquire! lock_acquire percpu_down_read! __sb_start_write! sb_start_intwrite! '
          'start_transaction@fs/btrfs/transaction.c ' + bal)],
        None, [('sb_writers#14', '.+.+', '0:0', 'btrfs_ioctl_balance'), ('&fs_info->balance_mutex', '+.+.', '3:3', 'btrfs_ioctl_balance'),
               (rb, '+.+.', '3:3', '__btrfs_balance')],
        BTC + ' percpu_down_read! __sb_start_write! sb_start_intwrite! start_transaction@fs/btrfs/transaction.c ' + bal)
    return r


@rep('h146-circular-ext4-fc-lock-i-fc-lock-syzbot.log', 'EXT4 FILE SYSTEM',
     'ext4 fast commit cleanup resets each committed inode (taking ei->i_fc_lock) while holding sbi->s_fc_lock, while tracking an inode update takes s_fc_lock under i_fc_lock; ext4_fc_cleanup must drop s_fc_lock before touching the inode (made up in real functions)',
     'syzbot "possible deadlock in ext4_fc_track_template" / "in ext4_fc_cleanup" (made up in real functions) -- eighth batch')
def _():
    r = R('syz', SYZ, 'syz-executor.1', 7043)
    fl = '&sbi->s_fc_lock'
    il = '&ei->i_fc_lock'
    cl = ('ext4_fc_reset_inode ext4_fc_cleanup jbd2_fc_end_commit ext4_fc_commit ext4_sync_file vfs_fsync_range '
          'vfs_fsync! do_fsync! __do_sys_fsync! __se_sys_fsync! __x64_sys_fsync ' + SYS)
    circular(r, (il, '+.+.', '2:2', 'ext4_fc_reset_inode'), (fl, '+.+.', '2:2', 'ext4_fc_cleanup'),
        [(fl, '+.+.', '2:2', '__raw_spin_lock! _raw_spin_lock spin_lock! __track_inode ext4_fc_track_template '
          'ext4_fc_track_inode __ext4_mark_inode_dirty ext4_setattr notify_change do_truncate do_sys_ftruncate '
          '__do_sys_ftruncate! __se_sys_ftruncate! __x64_sys_ftruncate ' + SYS),
         (il, '+.+.', '2:2', '__lock_acquire lock_acquire! lock_acquire __raw_spin_lock! _raw_spin_lock spin_lock! ' + cl)],
        None, [('&journal->j_fc_wait', '+.+.', '2:2', 'ext4_fc_commit'), (fl, '+.+.', '2:2', 'ext4_fc_cleanup')],
        BTC + ' __raw_spin_lock! _raw_spin_lock spin_lock! ' + cl)
    return r


@rep('h147-circular-xfs-repair-ilock-sb-internal-dmesg.log', 'XFS FILESYSTEM',
     'XFS online repair attaches dquots to the inode under repair with the inode ILOCK held, and the dquot allocation starts a transaction (sb_internal, freeze protection), the reverse of every other transaction that locks an inode inside it; xrep_ino_dqattach must attach before locking (made up in real functions)',
     'linux-xfs / fstests xfs/3xx (xfs_scrub -y) "possible circular locking dependency: &xfs_nondir_ilock_class --> sb_internal" (made up in real functions) -- eighth batch')
def _():
    r = R('plain', '', 'xfs_scrub', 30577, cpu=1, ts=7701.9)
    r.release, r.build = '6.1.0-rc8-djwx', '#12'
    il = '&xfs_nondir_ilock_class'
    si = 'sb_internal'
    rp = ('xfs_trans_alloc[xfs] xfs_qm_dqget_inode[xfs] xfs_qm_dqattach_one[xfs] xfs_qm_dqattach_locked[xfs] '
          'xrep_ino_dqattach[xfs] xrep_attempt[xfs] xfs_scrub_metadata[xfs] xfs_ioc_scrub_metadata[xfs] xfs_file_ioctl[xfs] '
          '__x64_sys_ioctl@fs/ioctl.c do_syscall_64 entry_SYSCALL_64_after_hwframe')
    circular(r, (si, '.+.+', '0:0', 'xfs_trans_alloc[xfs]'), (il, '++++', '3:3', 'xfs_ilock[xfs]'),
        [(il, '++++', '3:3', 'down_write_nested xfs_ilock[xfs] xfs_trans_alloc_inode[xfs] xfs_setattr_nonsize[xfs] '
          'xfs_vn_setattr[xfs] notify_change chown_common do_fchownat __x64_sys_fchownat do_syscall_64 entry_SYSCALL_64_after_hwframe'),
         (si, '.+.+', '0:0', '__lock_acquire lock_acquire ' + rp)],
        None, [('sb_writers#12', '.+.+', '0:0', 'mnt_want_write_file'), (il, '++++', '3:3', 'xfs_ilock[xfs]')],
        BTP + ' ' + rp)
    return r


@rep('h148-circular-blk-mq-freeze-nr-requests-fs-reclaim-dmesg.log', 'BLOCK LAYER',
     'writing queue/nr_requests freezes the queue and then reallocates the scheduler tags with GFP_KERNEL (blk_mq_update_nr_requests -> blk_mq_tag_update_depth), so reclaim, which may write back to this very queue, runs inside the freeze; the allocation must happen before freezing or under memalloc_noio',
     'linux-block "possible circular locking dependency: &q->q_usage_counter(io)#N --> fs_reclaim" on writing nr_requests (6.13 queue freeze lockdep model; fixed by allocating before the freeze) -- eighth batch')
def _():
    r = R('plain', '', 'bash', 1502, cpu=4, ts=66.1)
    r.release, r.build = '6.13.0-rc4+', '#2'
    qu = '&q->q_usage_counter(io)#21'
    fr = 'fs_reclaim'
    st = ('fs_reclaim_acquire __kmalloc_node@mm/slab_common.c blk_mq_alloc_map_and_rqs blk_mq_tag_update_depth blk_mq_update_nr_requests '
          'queue_requests_store queue_attr_store ' + SYSFS_Q + SYS)
    circular(r, (fr, '+.+.', '0:0', 'fs_reclaim_acquire'), (qu, '++++', '0:0', 'blk_mq_freeze_queue'),
        [(qu, '++++', '0:0', 'blk_queue_enter bio_queue_enter submit_bio_noacct __swap_writepage swap_writepage pageout '
          'shrink_folio_list shrink_node balance_pgdat kswapd ' + KWB),
         (fr, '+.+.', '0:0', '__lock_acquire lock_acquire ' + st)],
        None, [('sb_writers#3', '.+.+', '0:0', 'ksys_write'), ('&of->mutex', '+.+.', '4:4', 'kernfs_fop_write_iter'),
               ('kn->active#62', '.+.+', '0:0', 'kernfs_fop_write_iter'), ('&q->sysfs_lock', '+.+.', '4:4', 'queue_attr_store'),
               (qu, '++++', '0:0', 'blk_mq_freeze_queue')],
        BTP + ' ' + st)
    return r


@rep('h149-circular-nvme-tcp-sk-lock-fs-reclaim-dmesg.log', 'NVM EXPRESS DRIVER',
     'nvme-tcp sends data with the queue socket locked and lets the socket allocate with GFP_KERNEL (tcp_stream_alloc_skb enters reclaim), while reclaim writes swap back through nvme-tcp and takes the same socket lock; the NVMe/TCP socket must allocate with GFP_NOIO (made up in real functions: 6.1 sets sk_allocation)',
     'linux-nvme / blktests nvme/tcp with swap "possible circular locking dependency: fs_reclaim --> sk_lock-AF_INET-NVME" (made up in real functions) -- eighth batch')
def _():
    r = R('plain', '', 'kworker/0:1H', 178, cpu=0, ts=2210.0)
    r.release, r.build = '6.1.0+', '#9'
    sk = 'sk_lock-AF_INET-NVME'
    fr = 'fs_reclaim'
    tx = ('fs_reclaim_acquire __alloc_pages alloc_pages tcp_stream_alloc_skb do_tcp_sendpages tcp_sendpage inet_sendpage '
          'kernel_sendpage nvme_tcp_try_send_data[nvme_tcp] nvme_tcp_try_send[nvme_tcp] nvme_tcp_io_work[nvme_tcp] ' + KW)
    circular(r, (fr, '+.+.', '0:0', 'fs_reclaim_acquire'), (sk, '+.+.', '0:0', 'tcp_sendpage'),
        [(sk, '+.+.', '0:0', 'lock_sock_nested tcp_sendpage inet_sendpage kernel_sendpage nvme_tcp_try_send_data[nvme_tcp] '
          'nvme_tcp_try_send[nvme_tcp] nvme_tcp_queue_request[nvme_tcp] nvme_tcp_queue_rq[nvme_tcp] __blk_mq_try_issue_directly '
          'blk_mq_submit_bio submit_bio_noacct __swap_writepage swap_writepage pageout shrink_folio_list shrink_node '
          'balance_pgdat kswapd ' + KWB),
         (fr, '+.+.', '0:0', '__lock_acquire lock_acquire ' + tx)],
        None, [('(wq_completion)nvme_tcp_wq', '+.+.', '0:0', 'process_one_work'),
               ('(work_completion)(&queue->io_work)', '+.+.', '0:0', 'process_one_work'),
               ('&queue->send_mutex', '+.+.', '4:4', 'nvme_tcp_io_work[nvme_tcp]'), (sk, '+.+.', '0:0', 'tcp_sendpage')],
        BTP + ' ' + tx)
    return r


@rep('h150-hung-task-md-raid5-quiesce-suspend-lo-dmesg.log', 'SOFTWARE RAID (Multiple Disks) SUPPORT',
     'raid5 quiesce (raid5_quiesce, from mddev_suspend under reconfig_mutex on a suspend_lo write) waits for active stripes to drain, while raid5d, which must finish them, blocks on reconfig_mutex in md_check_recovery; raid5_quiesce must not wait for stripes that need the daemon (made up in real functions)',
     'linux-raid / mdadm tests "INFO: task mdadm blocked for more than 120 seconds" in raid5_quiesce with raid5d stuck (made up in real functions) -- eighth batch')
def _():
    r = R('plain', '', 'mdadm', 4410, cpu=2, ts=905.5)
    r.release, r.build = '6.1.0-rc3+', '#4'
    hung(r, 122, 'task:mdadm           state:D stack:    0 pid: 4410 ppid:  4388 flags:0x00004002',
         '__schedule schedule raid5_quiesce[raid456] mddev_suspend suspend_lo_store md_attr_store ' + SYSFS_Q + SYS,
         [('khungtaskd/38', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('mdadm/4410', [('sb_writers#3', '.+.+', '0:0', 'ksys_write'), ('&of->mutex', '+.+.', '4:4', 'kernfs_fop_write_iter'),
                          ('kn->active#144', '.+.+', '0:0', 'kernfs_fop_write_iter'),
                          ('&mddev->reconfig_mutex', '+.+.', '4:4', 'suspend_lo_store')])])
    r.L('INFO: task md0_raid5:4391 blocked for more than 122 seconds.')
    r.L('      Not tainted 6.1.0-rc3+ #4')
    r.L('task:md0_raid5       state:D stack:    0 pid: 4391 ppid:     2 flags:0x00004000')
    r.calltrace('__schedule schedule schedule_preempt_disabled __mutex_lock mutex_lock_nested md_check_recovery '
                'raid5d[raid456] md_thread ' + KWB)
    return r


@rep('h151-circular-mlx5-esw-mode-lock-rtnl-dmesg.log', 'MELLANOX MLX5 core VPI driver',
     'mlx5 switching the eswitch to switchdev/legacy (devlink eswitch set) holds esw->mode_lock while unloading the VF representors, whose netdev unregister takes rtnl, while setting a VF VLAN through rtnetlink takes mode_lock under rtnl; the mode change must drop mode_lock around the representors (made up in real functions)',
     'netdev "possible circular locking dependency: &esw->mode_lock --> rtnl_mutex" on devlink dev eswitch set mode legacy with VFs (made up in real functions) -- eighth batch')
def _():
    r = R('plain', '', 'devlink', 8823, cpu=11, ts=3320.6)
    r.release, r.build = '6.1.0-rc4+', '#1'
    r.hw = 'Supermicro SYS-2029U-TN24R4T/X11DPU, BIOS 3.4 12/23/2020'
    ml = '&esw->mode_lock'
    rt = 'rtnl_mutex'
    ms = ('__mutex_lock mutex_lock_nested rtnl_lock unregister_netdev mlx5e_vport_rep_unload[mlx5_core] '
          'mlx5_esw_offloads_rep_unload[mlx5_core] mlx5_eswitch_unload_vport[mlx5_core] mlx5_eswitch_unload_vf_vports[mlx5_core] '
          'mlx5_eswitch_disable_locked[mlx5_core] mlx5_devlink_eswitch_mode_set[mlx5_core] devlink_nl_cmd_eswitch_set_doit '
          'genl_family_rcv_msg_doit genl_rcv_msg ' + NL)
    circular(r, (rt, '+.+.', '4:4', 'rtnl_lock'), (ml, '++++', '4:4', 'mlx5_devlink_eswitch_mode_set[mlx5_core]'),
        [(ml, '++++', '4:4', 'down_write mlx5_eswitch_set_vport_vlan[mlx5_core] mlx5e_set_vf_vlan[mlx5_core] do_setlink '
          'rtnl_setlink rtnetlink_rcv_msg ' + NL),
         (rt, '+.+.', '4:4', '__lock_acquire lock_acquire ' + ms)],
        None, [('cb_lock', '++++', '4:4', 'genl_rcv'), ('&devlink->lock_key#2', '+.+.', '4:4', 'devlink_nl_pre_doit'),
               (ml, '++++', '4:4', 'mlx5_devlink_eswitch_mode_set[mlx5_core]')],
        BTP + ' ' + ms)
    return r


@rep('h152-inconsistent-page-pool-ring-consumer-lock-syzbot.log', 'PAGE POOL',
     'page_pool drains its ptr_ring on release (page_pool_empty_ring from the deferred release work) taking the ring consumer lock with softirqs enabled, while NAPI refills its allocation cache from the same ring under that lock in softirq; the empty path must use the _bh consumer (made up in real functions: 6.1 does)',
     'syzbot "inconsistent lock state in page_pool_refill_alloc_cache" ({SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W}, veth XDP; made up in real functions) -- eighth batch')
def _():
    r = R('syz', SYZ, 'syz-executor.0', 0)
    r.comm = 'ksoftirqd/1'
    r.pid = 22
    cl = '&r->consumer_lock'
    reg = 'lock_acquire! lock_acquire __raw_spin_lock! _raw_spin_lock spin_lock! __ptr_ring_consume! ptr_ring_consume page_pool_empty_ring page_pool_release page_pool_release_retry ' + KW
    inconsistent(r, 'SOFTIRQ-ON-W', 'IN-SOFTIRQ-W', 'HC0[0]:SC1[1]:HE1:SE0', (cl, '+.?.', '2:2', 'page_pool_refill_alloc_cache'),
        reg, STAMP, [],
        BTI + ' __raw_spin_lock! _raw_spin_lock spin_lock! page_pool_refill_alloc_cache __page_pool_get_cached page_pool_alloc_pages '
        'veth_xdp_rcv_one veth_xdp_rcv veth_poll __napi_poll net_rx_action __do_softirq run_ksoftirqd smpboot_thread_fn ' + KWB)
    return r


@rep('h153-rcu-tcp-md5-do-lookup-send-ack-syzbot.log', 'NETWORKING [TCP]',
     'TCP looks the MD5 key up (__tcp_md5_do_lookup walks the RCU key list) while answering a request socket with an ACK from the SYN-RECV path without an RCU read section or the listener lock; the reply path must hold rcu_read_lock around the lookup (made up in real functions)',
     'syzbot "WARNING: suspicious RCU usage in __tcp_md5_do_lookup" (RCU-list traversed in non-reader section; made up in real functions) -- eighth batch')
def _():
    r = R('syz', SYZ, 'syz-executor.5', 9981)
    rcu(r, 'net/ipv4/tcp_ipv4.c:%d RCU-list traversed in non-reader section!!' % 1104,
        [('sk_lock-AF_INET', '+.+.', '0:0', 'tcp_sendmsg')],
        BTRCU + ' __tcp_md5_do_lookup tcp_md5_do_lookup! tcp_v4_reqsk_send_ack tcp_check_req tcp_v4_rcv '
        'ip_protocol_deliver_rcu ip_local_deliver_finish __netif_receive_skb_one_core process_backlog __napi_poll '
        'net_rx_action __do_softirq do_softirq __local_bh_enable_ip ip_finish_output2 ip_output __ip_queue_xmit '
        '__tcp_transmit_skb tcp_write_xmit tcp_sendmsg_locked tcp_sendmsg inet_sendmsg ' + SENDMSG)
    return r


@rep('h154-invalid-wait-intel-pstate-hwp-notify-lock-dmesg.log', 'INTEL PSTATE DRIVER',
     'intel_pstate takes its HWP notification lock (hwp_notify_lock, a spinlock_t) from the thermal interrupt (notify_hwp_interrupt), a hard interrupt context where only raw spinlocks may be taken; the lock must be a raw_spinlock_t (made up in real functions)',
     'Intel CI / LKML "[ BUG: Invalid wait context ]" &hwp_notify_lock in notify_hwp_interrupt with CONFIG_PROVE_RAW_LOCK_NESTING (made up in real functions) -- eighth batch')
def _():
    r = R('plain', '', 'swapper/5', 0, cpu=5, ts=4.2)
    r.release, r.build = '6.1.0-rc1+', '#2'
    r.hw = 'Intel Corporation Alder Lake Client Platform/AlderLake-P DDR5 RVP, BIOS ADLPFWI1.R00.3135.A00.2203251419 03/25/2022'
    invalid_wait(r, ('hwp_notify_lock', '-...', '3:3', 'notify_hwp_interrupt@drivers/cpufreq/intel_pstate.c'), '2:2', [],
        '<IRQ> dump_stack_lvl __lock_acquire lock_acquire _raw_spin_lock_irqsave notify_hwp_interrupt@drivers/cpufreq/intel_pstate.c '
        'intel_thermal_interrupt asm_sysvec_apic_timer_interrupt </IRQ> <TASK> default_idle_call do_idle cpu_startup_entry '
        'start_secondary@arch/x86/kernel/smpboot.c secondary_startup_64_no_verify')
    return r


@rep('h155-circular-binder-shrinker-mmap-lock-fs-reclaim-arm64.log', 'ANDROID DRIVERS',
     'binder\'s shrinker frees a buffer page from reclaim taking the target process\'s mmap_lock for reading (mmap_read_lock in binder_alloc_free_page), while binder allocates buffer pages with mmap_lock held; the shrinker must only trylock mmap_lock (made up in real functions: 6.1 does)',
     'Android kernel CI (arm64) "possible circular locking dependency: fs_reclaim --> &mm->mmap_lock" from kswapd in binder_alloc_free_page (made up in real functions) -- eighth batch')
def _():
    r = R('plain', '', 'kswapd0', 104, cpu=6, ts=5520.3, arch='arm64')
    r.release, r.build = '6.1.25-android14-11-g5a1b2c3d4e5f', '#1'
    r.hw = 'Google Raven (DT)'
    mm = '&mm->mmap_lock'
    fr = 'fs_reclaim'
    sh = ('down_read mmap_read_lock binder_alloc_free_page __list_lru_walk_one list_lru_walk_one binder_shrink_scan '
          'do_shrink_slab shrink_slab shrink_node balance_pgdat kswapd kthread ret_from_fork@arch/arm64/kernel/entry.S')
    circular(r, (mm, '++++', '4:4', 'binder_alloc_free_page'), (fr, '+.+.', '0:0', '__fs_reclaim_acquire@mm/page_alloc.c'),
        [(fr, '+.+.', '0:0', 'fs_reclaim_acquire __alloc_pages alloc_pages binder_update_page_range binder_alloc_new_buf '
          'binder_transaction binder_thread_write binder_ioctl __arm64_sys_ioctl ' + ARM64_SYS),
         (mm, '++++', '4:4', '__lock_acquire lock_acquire ' + sh)],
        None, [(fr, '+.+.', '0:0', '__fs_reclaim_acquire@mm/page_alloc.c'), ('shrinker_rwsem', '++++', '4:4', 'shrink_slab')],
        ARM64_BT + ' print_circular_bug check_noncircular __lock_acquire lock_acquire ' + sh)
    return r


@rep('h156-recursive-i915-psr-lock-flush-invalidate-intel-ci.log', 'INTEL DRM DRIVERS (excluding Poulsbo, Moorestown and derivative chipsets)',
     'i915 PSR frontbuffer flush holds intel_dp->psr.lock and, for a flip still pending, calls the invalidate path, which takes psr.lock again (made up in real functions)',
     'Intel CI (kms_frontbuffer_tracking on TGL) "possible recursive locking detected: &intel_dp->psr.lock" (made up in real functions) -- eighth batch')
def _():
    r = R('plain', '', 'kms_frontbuffer', 2231, cpu=2, ts=410.5)
    r.release, r.build = '6.1.0-CI_DRM_12390-g5e2c1d0f3a7b+', '#1'
    r.hw = 'Intel Corporation Tiger Lake Client Platform/TigerLake U DDR4 SODIMM RVP, BIOS TGLSFWI1.R00.3373.A00.2009091720 09/09/2020'
    pl = '&intel_dp->psr.lock'
    recursive(r, (pl, '+.+.', '4:4', 'intel_psr_invalidate[i915]'), (pl, '+.+.', '4:4', 'intel_psr_flush[i915]'),
        [(pl, '+.+.', '4:4', 'intel_psr_flush[i915]')],
        'dump_stack_lvl __lock_acquire lock_acquire __mutex_lock mutex_lock_nested intel_psr_invalidate[i915] '
        'intel_psr_flush[i915] frontbuffer_flush[i915] intel_user_framebuffer_dirty[i915] drm_mode_dirtyfb_ioctl '
        'drm_ioctl_kernel drm_ioctl __x64_sys_ioctl@fs/ioctl.c do_syscall_64 entry_SYSCALL_64_after_hwframe')
    return r


@rep('h157-rcu-intel-idle-irq-trace-hardirqs-on-dmesg.log', 'INTEL IDLE DRIVER',
     'intel_idle\'s irq-enabled C-state entry (intel_idle_irq) enables interrupts with the traced local_irq_enable inside the RCU-idle section, so the hardirqs-on tracepoint uses RCU from an extended quiescent state; it must use raw_local_irq_enable (made up in real functions: 6.1 does)',
     'LKML "WARNING: suspicious RCU usage ... include/trace/events/preemptirq.h ... RCU used illegally from idle CPU!" from intel_idle_irq on Sapphire Rapids with irqsoff tracing (made up in real functions) -- eighth batch')
def _():
    r = R('plain', '', 'swapper/3', 0, cpu=3, ts=12.9)
    r.release, r.build = '6.1.0-rc2+', '#6'
    r.hw = 'Intel Corporation ArcherCity/ArcherCity, BIOS EGSDCRB1.SYS.0090.D03.2210040200 10/04/2022'
    rcu(r, 'include/trace/events/preemptirq.h:40 suspicious rcu_dereference_check() usage!', [],
        'dump_stack_lvl lockdep_rcu_suspicious trace_hardirqs_on intel_idle_irq cpuidle_enter_state cpuidle_enter '
        'cpuidle_idle_call do_idle cpu_startup_entry start_secondary@arch/x86/kernel/smpboot.c secondary_startup_64_no_verify',
        rsa=2, extra='RCU used illegally from idle CPU!')
    i = [k for k, l in enumerate(r.lines) if l.startswith('rcu_scheduler_active')][0]
    r.lines.insert(i + 1, 'RCU used illegally from extended quiescent state!')
    return r


@rep('h158-rcu-memcg-print-oom-context-task-cgroup-syzbot.log', 'CONTROL GROUP - MEMORY RESOURCE CONTROLLER (MEMCG)',
     'the memcg OOM report prints the victim\'s memory cgroup path (task_cgroup -> task_css, an RCU-protected pointer) without rcu_read_lock in mem_cgroup_print_oom_context; it must hold the RCU read lock around it (made up in real functions: 6.1 does)',
     'syzbot "WARNING: suspicious RCU usage in mem_cgroup_print_oom_context" (made up in real functions) -- eighth batch')
def _():
    r = R('syz', SYZ, 'syz-executor.2', 12007)
    rcu(r, 'include/linux/cgroup.h:%d suspicious rcu_dereference_check() usage!' % 494,
        [('&mm->mmap_lock', '++++', '4:4', 'do_user_addr_fault'), ('oom_lock', '+.+.', '4:4', 'mem_cgroup_out_of_memory')],
        BTRCU + ' mem_cgroup_print_oom_context dump_header oom_kill_process out_of_memory mem_cgroup_out_of_memory '
        'mem_cgroup_oom! try_charge_memcg charge_memcg __mem_cgroup_charge do_anonymous_page handle_pte_fault! '
        '__handle_mm_fault handle_mm_fault@mm/memory.c do_user_addr_fault handle_page_fault! exc_page_fault asm_exc_page_fault',
        rsa=2)
    return r


@rep('h159-hung-task-rtsx-pci-card-detect-runtime-suspend-dmesg.log', 'CHAR and MISC DRIVERS',
     'rtsx_pci\'s card detect work resumes the reader (pm_runtime_get_sync) while holding pcr_mutex, and the runtime suspend already in progress blocks on pcr_mutex in rtsx_pci_runtime_suspend: the resume waits for the suspend, the suspend for the mutex; the work must resume before taking pcr_mutex (made up in real functions)',
     'LKML "INFO: task kworker blocked for more than 120 seconds" in rtsx_pci_runtime_suspend and rpm_resume on card insertion (made up in real functions) -- eighth batch')
def _():
    r = R('plain', '', 'kworker/1:2', 288, cpu=1, ts=1733.0)
    r.release, r.build = '6.1.0-rc6+', '#2'
    r.hw = 'Dell Inc. XPS 13 9380/0KTW76, BIOS 1.21.0 07/06/2022'
    hung(r, 122, 'task:kworker/1:2     state:D stack:    0 pid:  288 ppid:     2 flags:0x00004000',
         '__schedule schedule schedule_preempt_disabled __mutex_lock mutex_lock_nested rtsx_pci_runtime_suspend[rtsx_pci] '
         'pci_pm_runtime_suspend __rpm_callback rpm_callback rpm_suspend pm_runtime_work ' + KW,
         [('khungtaskd/38', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('kworker/1:2/288', [('(wq_completion)pm', '+.+.', '0:0', 'process_one_work'),
                               ('(work_completion)(&dev->power.work)', '+.+.', '0:0', 'process_one_work')]),
          ('kworker/0:3/301', [('(wq_completion)events', '+.+.', '0:0', 'process_one_work'),
                               ('(work_completion)(&(&pcr->carddet_work)->work)', '+.+.', '0:0', 'process_one_work'),
                               ('&pcr->pcr_mutex', '+.+.', '4:4', 'rtsx_pci_card_detect[rtsx_pci]')])])
    r.L('INFO: task kworker/0:3:301 blocked for more than 122 seconds.')
    r.L('      Not tainted 6.1.0-rc6+ #2')
    r.L('task:kworker/0:3     state:D stack:    0 pid:  301 ppid:     2 flags:0x00004000')
    r.calltrace('__schedule schedule rpm_resume __pm_runtime_resume rtsx_pci_card_detect[rtsx_pci] ' + KW)
    return r


@rep('h160-circular-cpufreq-cooling-cdev-lock-policy-rwsem-arm64.log', 'THERMAL/CPU_COOLING',
     'the cpufreq cooling device applies a new cooling state by updating the cpufreq policy synchronously (cpufreq_update_policy takes policy->rwsem) under the thermal zone and cooling device locks, while the cpufreq core registers and binds the cooling device (tz->lock, cdev->lock) under policy->rwsem; the cooling device must request the limit asynchronously, as 5.4\'s freq QoS conversion does',
     'linux-pm "possible circular locking dependency: &policy->rwsem --> &tz->lock --> &cdev->lock" on an arm64 board with cpufreq-dt and a CPU thermal zone (4.19-era synchronous cpufreq cooling; made up in real functions) -- eighth batch')
def _():
    r = R('plain', '', 'kworker/0:1', 54, cpu=0, ts=61.7, arch='arm64')
    r.release, r.build = '4.19.0-rc5-00037-gb3c1a9d0e4f2', '#3'
    r.hw = 'HiKey960 (DT)'
    rw = '&policy->rwsem'
    tz = '&tz->lock'
    cd = '&cdev->lock'
    reg = ('thermal_zone_bind_cooling_device bind_cdev __thermal_cooling_device_register thermal_of_cooling_device_register '
           'of_cpufreq_cooling_register cpufreq_online@drivers/cpufreq/cpufreq.c cpufreq_add_dev subsys_interface_register '
           'cpufreq_register_driver dt_cpufreq_probe platform_probe really_probe __driver_probe_device driver_probe_device '
           '__driver_attach bus_for_each_dev bus_add_driver driver_register do_one_initcall kernel_init_freeable kernel_init '
           'ret_from_fork@arch/arm64/kernel/entry.S')
    up = ('down_write cpufreq_update_policy cpufreq_set_cur_state@drivers/thermal/cpufreq_cooling.c thermal_cdev_update '
          'step_wise_throttle handle_thermal_trip thermal_zone_device_update thermal_zone_device_check ' + ARM64_KW)
    circular(r, (rw, '++++', '', 'cpufreq_update_policy'), (cd, '+.+.', '', 'thermal_cdev_update'),
        [(cd, '+.+.', '', '__mutex_lock mutex_lock_nested ' + reg),
         (tz, '+.+.', '', '__mutex_lock mutex_lock_nested ' + reg),
         (rw, '++++', '', '__lock_acquire lock_acquire ' + up)],
        None, [('(wq_completion)events_freezable_power_', '+.+.', '', 'process_one_work'),
               ('(work_completion)(&(&tz->poll_queue)->work)', '+.+.', '', 'process_one_work'),
               (tz, '+.+.', '', 'thermal_zone_device_update'), (cd, '+.+.', '', 'thermal_cdev_update')],
        ARM64_BT + ' print_circular_bug check_noncircular __lock_acquire lock_acquire ' + up)
    return old(r)
