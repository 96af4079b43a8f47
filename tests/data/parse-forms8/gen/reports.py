# SPDX-License-Identifier: GPL-2.0
# Round 8's reports, each as the kernel of its version prints it (without
# the console's prefixes), with the label a kernel engineer reads in it.
from lib import (saved, x86, arm64, ppc, s390, riscv, decoded, lock, held,
                 banner, inst, hashed, addr, off)


def label(kind, chain, held_locks, task, pid, culprit, kernel):
    return {'kind': kind, 'chain': chain, 'held_locks': held_locks,
            'task': task, 'pid': pid, 'culprit': culprit, 'kernel': kernel}


def circular_2629():
    """2.6.29 i386: bracketed banner, 2.6 ident, inverted 4-char usage"""
    L = banner('INFO: possible circular locking dependency detected',
               '2.6.29-rc3 #1', bracket=True)
    L += ['Xorg/2841 is trying to acquire lock:',
          lock('&dev->struct_mutex', '--..', at='i915_gem_fault [i915]',
               old=True, bits=32),
          '', 'but task is already holding lock:',
          lock('&mm->mmap_sem', '----', at='do_page_fault', old=True,
               bits=32),
          '', 'which lock already depends on the new lock.', '', '',
          'the existing dependency chain (in reverse order) is:', '',
          '-> #1 (&mm->mmap_sem){----}:']
    L += saved(['__lock_acquire', 'lock_acquire', 'might_fault',
                'i915_gem_pwrite_ioctl [i915]', 'drm_ioctl [drm]',
                'vfs_ioctl', 'do_vfs_ioctl', 'sys_ioctl',
                'sysenter_do_call', '0xffffffff'], old=True, bits=32)
    L += ['', '-> #0 (&dev->struct_mutex){--..}:']
    L += saved(['__lock_acquire', 'lock_acquire', 'mutex_lock_nested',
                'i915_gem_fault [i915]', '__do_fault', 'handle_mm_fault',
                'do_page_fault', 'error_code', '0xffffffff'], old=True,
               bits=32)
    L += ['', 'other info that might help us debug this:', '']
    L += held('Xorg', 2841, [('&mm->mmap_sem', '----', None, None,
                              'do_page_fault')], old=True, bits=32)
    L += ['', 'stack backtrace:',
          'Pid: 2841, comm: Xorg Not tainted 2.6.29-rc3 #1', 'Call Trace:']
    L += x86(['?printk', 'print_circular_bug_tail', '__lock_acquire',
              '?mark_held_locks', 'lock_acquire', '?i915_gem_fault [i915]',
              'mutex_lock_nested', '?i915_gem_fault [i915]',
              'i915_gem_fault [i915]', '__do_fault', 'handle_mm_fault',
              'do_page_fault', '?do_page_fault', 'error_code'],
             old=True, bits=32)
    return L, label('circular', ['&mm->mmap_sem', '&dev->struct_mutex'],
                    ['&mm->mmap_sem'], 'Xorg', 2841, 'i915_gem_fault',
                    '2.6.29-rc3')


def circular_310():
    """3.10 RHEL 7 debug: [ INFO: ], 6-char usage, 3 entries, raw stack"""
    ident = ('3.10.0-514.el7.x86_64.debug #1 Tainted: G        W  OE  '
             '------------   ')
    L = banner('INFO: possible circular locking dependency detected', ident,
               bracket=True)
    L += ['kworker/u16:3/1187 is trying to acquire lock:',
          lock('&sb->s_type->i_mutex_key#17', '+.+.+.',
               at='xfs_file_buffered_aio_write [xfs]', old=True),
          '', 'but task is already holding lock:',
          lock('sb_internal#2', '.+.+.+', at='xfs_trans_alloc [xfs]',
               old=True),
          '', 'which lock already depends on the new lock.', '', '',
          'the existing dependency chain (in reverse order) is:', '',
          '-> #2 (sb_internal#2){.+.+.+}:']
    L += saved(['lock_acquire', '__sb_start_write', 'xfs_trans_alloc [xfs]',
                'xfs_vn_update_time [xfs]', 'file_update_time',
                'xfs_file_aio_write_checks [xfs]',
                'xfs_file_buffered_aio_write [xfs]',
                'xfs_file_aio_write [xfs]', 'do_sync_write', 'vfs_write',
                'SyS_write', 'system_call_fastpath'], old=True)
    L += ['', '-> #1 (&(&ip->i_iolock)->mr_lock){++++++}:']
    L += saved(['lock_acquire', 'down_write_nested', 'xfs_ilock [xfs]',
                'xfs_file_buffered_aio_write [xfs]',
                'xfs_file_aio_write [xfs]', 'do_sync_write', 'vfs_write',
                'SyS_write', 'system_call_fastpath'], old=True)
    L += ['', '-> #0 (&sb->s_type->i_mutex_key#17){+.+.+.}:']
    L += saved(['__lock_acquire', 'lock_acquire', 'mutex_lock_nested',
                'xfs_file_buffered_aio_write [xfs]',
                'xfs_file_aio_write [xfs]', 'do_sync_write',
                'xfs_end_io_direct_write [xfs]', 'process_one_work',
                'worker_thread', 'kthread', 'ret_from_fork'], old=True)
    L += ['', 'other info that might help us debug this:', '',
          'Chain exists of:',
          '  &sb->s_type->i_mutex_key#17 --> &(&ip->i_iolock)->mr_lock --> '
          'sb_internal#2', '',
          ' Possible unsafe locking scenario:', '',
          '       CPU0                    CPU1',
          '       ----                    ----',
          '  lock(sb_internal#2);',
          '                               lock(&(&ip->i_iolock)->mr_lock);',
          '                               lock(sb_internal#2);',
          '  lock(&sb->s_type->i_mutex_key#17);', '',
          ' *** DEADLOCK ***', '']
    L += held('kworker/u16:3', 1187, [
        ('(&(&ioend->io_work)->work)', '+.+.+.', None, None,
         'process_one_work'),
        ('sb_internal#2', '.+.+.+', None, None, 'xfs_trans_alloc [xfs]')],
        old=True)
    L += ['', 'stack backtrace:',
          'CPU: 3 PID: 1187 Comm: kworker/u16:3 Tainted: G        W  OE  '
          '------------   3.10.0-514.el7.x86_64.debug #1',
          'Hardware name: Dell Inc. PowerEdge R730/0WCJNT, BIOS 2.4.3 '
          '01/17/2017',
          'Workqueue: xfs-conv/dm-2 xfs_end_io [xfs]',
          ' ffffffff82a5d8b0 00000000b1c2a4f1 ffff88042c9a3a40 '
          'ffffffff816c1f4d',
          ' ffff88042c9a3a90 ffffffff816bb0e9 ffffffff81bff7e0 '
          'ffff88042c9a3ad8',
          'Call Trace:']
    L += x86(['dump_stack', 'print_circular_bug', '__lock_acquire',
              '?xfs_file_buffered_aio_write [xfs]', 'lock_acquire',
              'mutex_lock_nested', 'xfs_file_buffered_aio_write [xfs]',
              'xfs_file_aio_write [xfs]', 'do_sync_write',
              'xfs_end_io_direct_write [xfs]', 'process_one_work',
              'worker_thread', '?rescuer_thread', 'kthread',
              '?kthread_create_on_node', 'ret_from_fork'], old=True)
    return L, label('circular', ['sb_internal#2',
                                 '&(&ip->i_iolock)->mr_lock',
                                 '&sb->s_type->i_mutex_key#17'],
                    ['(&(&ioend->io_work)->work)', 'sb_internal#2'],
                    'kworker/u16:3', 1187, 'xfs_file_buffered_aio_write',
                    '3.10.0-514.el7.x86_64.debug')


def circular_419_arm64():
    """4.19 arm64: WARNING banner, hashed instances, Call trace: no marks"""
    ident = '4.19.0-rc3+ #4 Not tainted'
    L = banner('WARNING: possible circular locking dependency detected',
               ident)
    L += ['kworker/0:2/211 is trying to acquire lock:',
          lock('&genpd->mlock', '+.+.', inst=hashed('g'),
               at='genpd_lock_mtx'),
          '', 'but task is already holding lock:',
          lock('&(&host->lock)->rlock', '-.-.', inst=hashed('h'),
               at='sdhci_runtime_resume_host'),
          '', 'which lock already depends on the new lock.', '', '',
          'the existing dependency chain (in reverse order) is:', '',
          '-> #1 (&(&host->lock)->rlock){-.-.}:']
    L += saved(['lock_acquire', '_raw_spin_lock_irqsave',
                'sdhci_set_ios', 'mmc_set_initial_state',
                'mmc_power_off', 'genpd_power_off', 'genpd_runtime_suspend',
                'rpm_callback', 'rpm_suspend', 'pm_runtime_work',
                'process_one_work', 'worker_thread', 'kthread',
                'ret_from_fork'])
    L += ['', '-> #0 (&genpd->mlock){+.+.}:']
    L += saved(['lock_acquire', '__mutex_lock', 'mutex_lock_nested',
                'genpd_lock_mtx', 'genpd_runtime_resume', 'rpm_callback',
                'rpm_resume', '__pm_runtime_resume',
                'sdhci_runtime_resume_host', 'sdhci_msm_runtime_resume',
                'pm_generic_runtime_resume', 'process_one_work',
                'worker_thread', 'kthread', 'ret_from_fork'])
    L += ['', 'other info that might help us debug this:', '',
          ' Possible unsafe locking scenario:', '',
          '       CPU0                    CPU1',
          '       ----                    ----',
          '  lock(&(&host->lock)->rlock);',
          '                               lock(&genpd->mlock);',
          '                               lock(&(&host->lock)->rlock);',
          '  lock(&genpd->mlock);', '', ' *** DEADLOCK ***', '']
    L += held('kworker/0:2', 211, [
        ('(wq_completion)"pm"', '+.+.', None, hashed('pm'),
         'process_one_work'),
        ('(&dev->power.work)', '+.+.', None, hashed('pw'),
         'process_one_work'),
        ('&(&host->lock)->rlock', '-.-.', None, hashed('h'),
         'sdhci_runtime_resume_host')])
    L += ['', 'stack backtrace:',
          'CPU: 0 PID: 211 Comm: kworker/0:2 Not tainted 4.19.0-rc3+ #4',
          'Hardware name: Qualcomm Technologies, Inc. APQ 8016 SBC (DT)',
          'Workqueue: pm pm_runtime_work', 'Call trace:']
    L += arm64(['dump_backtrace', 'show_stack', 'dump_stack',
                'print_circular_bug', '__lock_acquire', 'lock_acquire',
                '__mutex_lock', 'mutex_lock_nested', 'genpd_lock_mtx',
                'genpd_runtime_resume', 'rpm_callback', 'rpm_resume',
                '__pm_runtime_resume', 'sdhci_runtime_resume_host',
                'sdhci_msm_runtime_resume', 'pm_generic_runtime_resume',
                'process_one_work', 'worker_thread', 'kthread',
                'ret_from_fork'])
    return L, label('circular', ['&(&host->lock)->rlock', '&genpd->mlock'],
                    ['(wq_completion)"pm"', '(&dev->power.work)',
                     '&(&host->lock)->rlock'],
                    'kworker/0:2', 211, 'genpd_lock_mtx', '4.19.0-rc3+')


CHAIN8 = ['&type->s_umount_key#45/1', 'sb_writers#3', '&ei->i_data_sem/2',
          'kn->active#123', '(wq_completion)events_unbound',
          '(work_completion)(&(&wb->dwork)->work)', '&wb->list_lock',
          '&sbi->s_writepages_rwsem']


def circular_66_chain8():
    """6.6 x86: 8 entries, Chain exists of:, odd class names"""
    ident = '6.6.0-rc3-00042-gb1c6e5a9d0e4 #12 Not tainted'
    c = CHAIN8
    L = banner('WARNING: possible circular locking dependency detected',
               ident)
    L += ['umount/4471 is trying to acquire lock:',
          lock(c[-1], '++++', '0:0', inst('w'), at='ext4_writepages'),
          '', 'but task is already holding lock:',
          lock(c[0], '++++', '4:4', inst('s'), at='deactivate_super'),
          '', 'which lock already depends on the new lock.', '', '',
          'the existing dependency chain (in reverse order) is:']
    use = {'(wq_completion)events_unbound': ('+.+.', '0:0'),
           '(work_completion)(&(&wb->dwork)->work)': ('+.+.', '0:0'),
           'kn->active#123': ('++++', '0:0'),
           'sb_writers#3': ('.+.+', '0:0'),
           '&wb->list_lock': ('+.+.', '3:3')}
    traces = [
        ['lock_acquire', 'down_write_nested', 'alloc_super', 'sget_fc',
         'get_tree_bdev', 'vfs_get_tree', 'path_mount', '__x64_sys_mount',
         'do_syscall_64', 'entry_SYSCALL_64_after_hwframe'],
        ['lock_acquire', 'percpu_down_read', 'ext4_dirty_inode',
         '__mark_inode_dirty', 'generic_update_time', 'file_modified',
         'ext4_buffered_write_iter', 'vfs_write', 'ksys_write',
         'do_syscall_64', 'entry_SYSCALL_64_after_hwframe'],
        ['lock_acquire', 'down_write_nested', 'ext4_map_blocks',
         'ext4_iomap_begin', 'iomap_iter', 'iomap_fiemap', 'ext4_fiemap',
         'do_vfs_ioctl', '__x64_sys_ioctl', 'do_syscall_64',
         'entry_SYSCALL_64_after_hwframe'],
        ['lock_acquire', 'kernfs_drain', 'kernfs_remove_by_name_ns',
         'sysfs_remove_file_ns', 'bdi_unregister', 'del_gendisk',
         'loop_remove', 'loop_control_ioctl', '__x64_sys_ioctl',
         'do_syscall_64', 'entry_SYSCALL_64_after_hwframe'],
        ['lock_acquire', '__flush_workqueue', 'drain_workqueue',
         'destroy_workqueue', 'kernfs_fop_write_iter', 'vfs_write',
         'ksys_write', 'do_syscall_64', 'entry_SYSCALL_64_after_hwframe'],
        ['lock_acquire', 'process_one_work', 'worker_thread', 'kthread',
         'ret_from_fork', 'ret_from_fork_asm'],
        ['lock_acquire', '_raw_spin_lock', 'wb_writeback',
         'wb_workfn', 'process_one_work', 'worker_thread', 'kthread',
         'ret_from_fork', 'ret_from_fork_asm'],
        ['check_prev_add', '__lock_acquire', 'lock_acquire',
         'percpu_down_write', 'ext4_writepages', 'do_writepages',
         'filemap_fdatawrite_wbc', 'sync_filesystem',
         'generic_shutdown_super', 'kill_block_super', 'ext4_kill_sb',
         'deactivate_locked_super', 'cleanup_mnt', 'task_work_run',
         'exit_to_user_mode_prepare', 'syscall_exit_to_user_mode',
         'do_syscall_64', 'entry_SYSCALL_64_after_hwframe']]
    for i, name in enumerate(c):
        u, w = use.get(name, ('++++', '4:4'))
        L += ['', '-> #%d (%s){%s}-{%s}:' % (7 - i, name, u, w)]
        L += saved(traces[i])
    L += ['', 'other info that might help us debug this:', '',
          'Chain exists of:',
          '  %s --> %s --> %s' % (c[-1], c[1], c[0]), '',
          ' Possible unsafe locking scenario:', '',
          '       CPU0                    CPU1',
          '       ----                    ----',
          '  lock(%s);' % c[0],
          '                               lock(%s);' % c[1],
          '                               lock(%s);' % c[0],
          '  lock(%s);' % c[-1], '', ' *** DEADLOCK ***', '']
    L += held('umount', 4471, [(c[0], '++++', '4:4', inst('s'),
                                'deactivate_super')])
    L += ['', 'stack backtrace:',
          'CPU: 2 PID: 4471 Comm: umount Not tainted '
          '6.6.0-rc3-00042-gb1c6e5a9d0e4 #12',
          'Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS '
          '1.16.2-debian-1.16.2-1 04/01/2014', 'Call Trace:', ' <TASK>']
    L += x86(['dump_stack_lvl', 'check_noncircular', '__lock_acquire',
              'lock_acquire', '?ext4_writepages', 'percpu_down_write',
              '?ext4_writepages', 'ext4_writepages', 'do_writepages',
              'filemap_fdatawrite_wbc', 'sync_filesystem',
              'generic_shutdown_super', 'kill_block_super', 'ext4_kill_sb',
              'deactivate_locked_super', 'cleanup_mnt', 'task_work_run',
              'exit_to_user_mode_prepare', 'syscall_exit_to_user_mode',
              'do_syscall_64', 'entry_SYSCALL_64_after_hwframe'])
    L += ['RIP: 0033:0x7f3e1a2b8d57',
          'Code: 07 0d 00 f7 d8 64 89 01 48 83 c8 ff c3 66 0f 1f 44 00 00 '
          '31 f6 e9 09 00 00 00 66 0f 1f 84 00 00 00 00 00 b8 a6 00 00 00 '
          '0f 05 <48> 3d 00 f0 ff ff 77 01 c3 48 8b 15 a9 e0 0c 00 f7 d8',
          'RSP: 002b:00007ffd3d4a9b28 EFLAGS: 00000246 ORIG_RAX: '
          '00000000000000a6',
          'RAX: ffffffffffffffda RBX: 000055d0c8a5e6e0 RCX: 00007f3e1a2b8d57',
          ' </TASK>']
    return L, label('circular', list(c), [c[0]], 'umount', 4471,
                    'ext4_writepages', '6.6.0-rc3-00042-gb1c6e5a9d0e4')


def circular_614_arm64():
    """6.14 arm64: (C)/(L) unwinder marks, -rc3+, 6.12+ CPU: line"""
    ident = '6.14.0-rc3+ #1 Tainted: G        W          '
    L = banner('WARNING: possible circular locking dependency detected',
               ident)
    L += ['kworker/u8:5/312 is trying to acquire lock:',
          lock('&dev->intf_state_mutex', '+.+.', '4:4', inst('i'),
               at='mlx5_unload_one [mlx5_core]'),
          '', 'but task is already holding lock:',
          lock('(work_completion)(&health->fatal_report_work)', '+.+.',
               '0:0', inst('f', 0xffff800080000000),
               at='process_one_work'),
          '', 'which lock already depends on the new lock.', '', '',
          'the existing dependency chain (in reverse order) is:', '',
          '-> #1 ((work_completion)(&health->fatal_report_work)){+.+.}-'
          '{0:0}:']
    L += saved(['lock_acquire', '__flush_work', 'flush_work',
                'mlx5_drain_health_wq [mlx5_core]',
                'mlx5_unload_one_devl_locked [mlx5_core]',
                'mlx5_unload_one [mlx5_core]',
                'mlx5_pci_err_detected [mlx5_core]',
                'report_error_detected', 'pci_walk_bus', 'pcie_do_recovery',
                'aer_recover_work_func', 'process_one_work',
                'worker_thread', 'kthread', 'ret_from_fork'])
    L += ['', '-> #0 (&dev->intf_state_mutex){+.+.}-{4:4}:']
    L += saved(['__lock_acquire', 'lock_acquire', '__mutex_lock',
                'mutex_lock_nested', 'mlx5_unload_one [mlx5_core]',
                'mlx5_fw_fatal_reporter_err_work [mlx5_core]',
                'process_one_work', 'worker_thread', 'kthread',
                'ret_from_fork'])
    L += ['', 'other info that might help us debug this:', '',
          ' Possible unsafe locking scenario:', '',
          '       CPU0                    CPU1',
          '       ----                    ----',
          '  lock((work_completion)(&health->fatal_report_work));',
          '                               lock(&dev->intf_state_mutex);',
          '                               lock((work_completion)'
          '(&health->fatal_report_work));',
          '  lock(&dev->intf_state_mutex);', '', ' *** DEADLOCK ***', '']
    L += held('kworker/u8:5', 312, [
        ('(wq_completion)mlx5_health0000:01:00.0', '+.+.', '0:0',
         inst('q', 0xffff000080000000), 'process_one_work'),
        ('(work_completion)(&health->fatal_report_work)', '+.+.', '0:0',
         inst('f', 0xffff800080000000), 'process_one_work')])
    L += ['', 'stack backtrace:',
          'CPU: 1 UID: 0 PID: 312 Comm: kworker/u8:5 Tainted: G        W'
          '          6.14.0-rc3+ #1',
          'Tainted: [W]=WARN',
          'Hardware name: NVIDIA BlueField-3 SmartNIC Main Card/BlueField-3 '
          'SmartNIC Main Card, BIOS 4.9.0-25-g1a2b3c4 Jan 10 2025',
          'Workqueue: mlx5_health0000:01:00.0 '
          'mlx5_fw_fatal_reporter_err_work [mlx5_core]',
          'Call trace:']
    L += arm64(['show_stack', 'dump_stack_lvl', 'dump_stack',
                'print_circular_bug', 'check_noncircular', '__lock_acquire',
                'lock_acquire', '__mutex_lock', 'mutex_lock_nested',
                'mlx5_unload_one [mlx5_core]',
                'mlx5_fw_fatal_reporter_err_work [mlx5_core]',
                'process_one_work', 'worker_thread', 'kthread',
                'ret_from_fork'], marks=True)
    return L, label('circular',
                    ['(work_completion)(&health->fatal_report_work)',
                     '&dev->intf_state_mutex'],
                    ['(wq_completion)mlx5_health0000:01:00.0',
                     '(work_completion)(&health->fatal_report_work)'],
                    'kworker/u8:5', 312, 'mlx5_unload_one', '6.14.0-rc3+')


def circular_612_rt_riscv():
    """6.12 riscv64 PREEMPT_RT: #1 SMP PREEMPT_RT ident, RT lock frames"""
    rel = '6.12.8-rt5'
    ident = rel + ' #1 Not tainted'
    L = banner('WARNING: possible circular locking dependency detected',
               ident)
    L += ['irq/61-eth0/188 is trying to acquire lock:',
          lock('&priv->stats_lock', '+.+.', '3:3', inst('sl'),
               at='stmmac_get_stats64'),
          '', 'but task is already holding lock:',
          lock('(softirq_ctrl.lock)', '+.+.', '3:3', inst('sc'),
               at='__local_bh_disable_ip'),
          '', 'which lock already depends on the new lock.', '', '',
          'the existing dependency chain (in reverse order) is:', '',
          '-> #1 ((softirq_ctrl.lock)){+.+.}-{3:3}:']
    L += saved(['lock_acquire', 'rt_spin_lock', '__local_bh_disable_ip',
                'stmmac_tx_clean', 'stmmac_napi_poll_tx', '__napi_poll',
                'net_rx_action', 'handle_softirqs',
                '__local_bh_enable_ip', 'stmmac_get_stats64',
                'dev_get_stats', 'rtnl_fill_stats', 'rtnl_fill_ifinfo',
                'rtmsg_ifinfo_build_skb', 'rtnetlink_event',
                'notifier_call_chain', 'netdev_state_change',
                'linkwatch_do_dev', '__linkwatch_run_queue',
                'linkwatch_event', 'process_one_work', 'worker_thread',
                'kthread', 'ret_from_fork'])
    L += ['', '-> #0 (&priv->stats_lock){+.+.}-{3:3}:']
    L += saved(['__lock_acquire', 'lock_acquire', 'rt_spin_lock',
                'stmmac_get_stats64', 'dev_get_stats', 'stmmac_interrupt',
                'irq_forced_thread_fn', 'irq_thread', 'kthread',
                'ret_from_fork'])
    L += ['', 'other info that might help us debug this:', '',
          ' Possible unsafe locking scenario:', '',
          '       CPU0                    CPU1',
          '       ----                    ----',
          '  lock((softirq_ctrl.lock));',
          '                               lock(&priv->stats_lock);',
          '                               lock((softirq_ctrl.lock));',
          '  lock(&priv->stats_lock);', '', ' *** DEADLOCK ***', '']
    L += held('irq/61-eth0', 188, [
        ('(softirq_ctrl.lock)', '+.+.', '3:3', inst('sc'),
         '__local_bh_disable_ip'),
        ('rcu_read_lock', '....', '1:3', '%016x' % 0xffffffff81a3c0e0,
         'rt_spin_lock'),
        ('rcu_read_lock', '....', '1:3', '%016x' % 0xffffffff81a3c0e0,
         '__local_bh_disable_ip')])
    L += ['', 'stack backtrace:',
          'CPU: 3 UID: 0 PID: 188 Comm: irq/61-eth0 Not tainted '
          + rel + ' #1',
          'Hardware name: StarFive VisionFive 2 v1.3B (DT)', 'Call Trace:']
    L += riscv(['dump_backtrace', 'show_stack', 'dump_stack_lvl',
                'dump_stack', 'print_circular_bug', 'check_noncircular',
                '__lock_acquire', 'lock_acquire', 'rt_spin_lock',
                'stmmac_get_stats64', 'dev_get_stats', 'stmmac_interrupt',
                'irq_forced_thread_fn', 'irq_thread', 'kthread',
                'ret_from_fork'])
    return L, label('circular', ['(softirq_ctrl.lock)', '&priv->stats_lock'],
                    ['(softirq_ctrl.lock)', 'rcu_read_lock',
                     'rcu_read_lock'],
                    'irq/61-eth0', 188, 'stmmac_get_stats64', rel)


def circular_613_decoded():
    """6.13 -next x86 piped through decode_stacktrace.sh"""
    rel = '6.13.0-rc7-next-20250115'
    ident = rel + ' #1 Not tainted'
    L = banner('WARNING: possible circular locking dependency detected',
               ident)
    L += ['syz-executor/5820 is trying to acquire lock:',
          lock('&q->q_usage_counter(io)#52', '++++', '0:0', inst('qu'),
               at='blk_mq_submit_bio (block/blk-mq.c:3087:6)'),
          '', 'but task is already holding lock:',
          lock('&nbd->config_lock', '+.+.', '4:4', inst('nc'),
               at='nbd_ioctl (drivers/block/nbd.c:1558:2) nbd'),
          '', 'which lock already depends on the new lock.', '', '',
          'the existing dependency chain (in reverse order) is:', '',
          '-> #1 (&nbd->config_lock){+.+.}-{4:4}:']
    L += ['       lock_acquire (kernel/locking/lockdep.c:5851:2)',
          '       __mutex_lock (kernel/locking/mutex.c:585:2 '
          'kernel/locking/mutex.c:735:9)',
          '       nbd_queue_rq (drivers/block/nbd.c:1118:2) nbd',
          '       blk_mq_dispatch_rq_list (block/blk-mq.c:2120:10)',
          '       __blk_mq_sched_dispatch_requests (block/blk-mq-sched.c:'
          '301:8)',
          '       blk_mq_run_hw_queue (block/blk-mq.c:2362:3)',
          '       blk_mq_submit_bio (block/blk-mq.c:3159:3)',
          '       submit_bio_noacct_nocheck (block/blk-core.c:731:3)',
          '       submit_bh_wbc (fs/buffer.c:2818:2)',
          '       block_read_full_folio (fs/buffer.c:2449:4)',
          '       filemap_read_folio (mm/filemap.c:2362:10)',
          '       do_read_cache_folio (mm/filemap.c:3829:10)',
          '       read_part_sector (block/partitions/core.c:722:10)',
          '       bdev_disk_changed (block/partitions/core.c:680:8)',
          '       nbd_ioctl (drivers/block/nbd.c:1558:2) nbd',
          '       blkdev_ioctl (block/ioctl.c:693:10)',
          '       __x64_sys_ioctl (fs/ioctl.c:906:1)',
          '       do_syscall_64 (arch/x86/entry/common.c:83:7)',
          '       entry_SYSCALL_64_after_hwframe '
          '(arch/x86/entry/entry_64.S:130)',
          '', '-> #0 (&q->q_usage_counter(io)#52){++++}-{0:0}:',
          '       __lock_acquire (kernel/locking/lockdep.c:5228:5)',
          '       lock_acquire (kernel/locking/lockdep.c:5851:2)',
          '       blk_queue_enter (block/blk-core.c:328:3)',
          '       blk_mq_submit_bio (block/blk-mq.c:3087:6)',
          '       submit_bio_noacct_nocheck (block/blk-core.c:731:3)',
          '       nbd_ioctl (drivers/block/nbd.c:1572:9) nbd',
          '       blkdev_ioctl (block/ioctl.c:693:10)',
          '       __x64_sys_ioctl (fs/ioctl.c:906:1)',
          '       do_syscall_64 (arch/x86/entry/common.c:83:7)',
          '       entry_SYSCALL_64_after_hwframe '
          '(arch/x86/entry/entry_64.S:130)',
          '', 'other info that might help us debug this:', '',
          ' Possible unsafe locking scenario:', '',
          '       CPU0                    CPU1',
          '       ----                    ----',
          '  lock(&nbd->config_lock);',
          '                               lock(&q->q_usage_counter(io)#52);',
          '                               lock(&nbd->config_lock);',
          '  rlock(&q->q_usage_counter(io)#52);', '',
          ' *** DEADLOCK ***', '',
          '1 lock held by syz-executor/5820:',
          ' #0: %s (&nbd->config_lock){+.+.}-{4:4}, at: nbd_ioctl '
          '(drivers/block/nbd.c:1558:2) nbd' % inst('nc'),
          '', 'stack backtrace:',
          'CPU: 0 UID: 0 PID: 5820 Comm: syz-executor Not tainted ' + rel
          + ' #1',
          'Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS '
          '1.16.3-debian-1.16.3-2 04/01/2014', 'Call Trace:', ' <TASK>']
    L += decoded([
        '__dump_stack (lib/dump_stack.c:94:2) (inlined)',
        'dump_stack_lvl (lib/dump_stack.c:120:2)',
        'print_circular_bug (kernel/locking/lockdep.c:2076:2)',
        'check_noncircular (kernel/locking/lockdep.c:2208:3)',
        'check_prev_add (kernel/locking/lockdep.c:3162:8) (inlined)',
        'validate_chain (kernel/locking/lockdep.c:3904:10) (inlined)',
        '__lock_acquire (kernel/locking/lockdep.c:5228:5)',
        '? __pfx___lock_acquire (kernel/locking/lockdep.c:5103)',
        'lock_acquire (kernel/locking/lockdep.c:5851:2)',
        'blk_queue_enter (block/blk-core.c:328:3)',
        'blk_mq_submit_bio (block/blk-mq.c:3087:6)',
        'submit_bio_noacct_nocheck (block/blk-core.c:731:3)',
        'nbd_ioctl (drivers/block/nbd.c:1572:9) nbd',
        'blkdev_ioctl (block/ioctl.c:693:10)',
        '__x64_sys_ioctl (fs/ioctl.c:906:1)',
        'do_syscall_64 (arch/x86/entry/common.c:83:7)',
        'entry_SYSCALL_64_after_hwframe (arch/x86/entry/entry_64.S:130)'])
    L += [' </TASK>']
    return L, label('circular', ['&nbd->config_lock',
                                 '&q->q_usage_counter(io)#52'],
                    ['&nbd->config_lock'], 'syz-executor', 5820,
                    'blk_mq_submit_bio', rel)


def recursive_316():
    """3.16: [ INFO: possible recursive locking detected ], 6-char usage,
    subclassed name, no scenario table's 'May be' missing"""
    rel = '3.16.0-4-amd64'
    L = banner('INFO: possible recursive locking detected',
               rel + ' #1 Not tainted', bracket=True)
    L += ['rsync/2233 is trying to acquire lock:',
          lock('&ei->i_data_sem/2', '++++..', at='ext4_map_blocks [ext4]',
               old=True),
          '', 'but task is already holding lock:',
          lock('&ei->i_data_sem/2', '++++..',
               at='ext4_ext_migrate [ext4]', old=True),
          '', 'other info that might help us debug this:',
          ' Possible unsafe locking scenario:', '',
          '       CPU0', '       ----',
          '  lock(&ei->i_data_sem/2);', '  lock(&ei->i_data_sem/2);', '',
          ' *** DEADLOCK ***', '',
          ' May be due to missing lock nesting notation', '']
    L += held('rsync', 2233, [
        ('&sb->s_type->i_mutex_key#11', '+.+.+.', None, None,
         'ext4_ioctl [ext4]'),
        ('&ei->i_data_sem/2', '++++..', None, None,
         'ext4_ext_migrate [ext4]')], old=True)
    L += ['', 'stack backtrace:',
          'CPU: 1 PID: 2233 Comm: rsync Not tainted ' + rel
          + ' #1 Debian 3.16.7-ckt25-2',
          'Hardware name: LENOVO 20ANCTO1WW/20ANCTO1WW, BIOS GLET85WW '
          '(2.39 ) 09/29/2016',
          ' ffffffff823e4a30 ffff8800b2b27870 ffffffff8150a0a1 '
          'ffffffff823e4a30',
          'Call Trace:']
    L += x86(['dump_stack', '__lock_acquire', '?ext4_map_blocks [ext4]',
              'lock_acquire', '?ext4_map_blocks [ext4]', 'down_read',
              'ext4_map_blocks [ext4]', 'ext4_ext_migrate [ext4]',
              'ext4_ioctl [ext4]', 'do_vfs_ioctl', 'SyS_ioctl',
              'system_call_fast_compare_end'], old=True)
    return L, label('recursive', ['&ei->i_data_sem/2', '&ei->i_data_sem/2'],
                    ['&sb->s_type->i_mutex_key#11', '&ei->i_data_sem/2'],
                    'rsync', 2233, 'ext4_map_blocks', rel)


def recursive_68():
    """6.8 x86: {+.+.}-{3:3}, at: func [module], unreliable frames"""
    rel = '6.8.0-rc5-00113-g4f2e1a7c33b1'
    L = banner('WARNING: possible recursive locking detected',
               rel + ' #7 Tainted: G           OE     ')
    L += ['modprobe/991 is trying to acquire lock:',
          lock('&obj->lock', '+.+.', '3:3', inst('o1'),
               at='vgem_fence_attach_ioctl [vgem]'),
          '', 'but task is already holding lock:',
          lock('&obj->lock', '+.+.', '3:3', inst('o2'),
               at='vgem_fence_attach_ioctl [vgem]'),
          '', 'other info that might help us debug this:',
          ' Possible unsafe locking scenario:', '',
          '       CPU0', '       ----',
          '  lock(&obj->lock);', '  lock(&obj->lock);', '',
          ' *** DEADLOCK ***', '',
          ' May be due to missing lock nesting notation', '']
    L += held('modprobe', 991, [
        ('&obj->lock', '+.+.', '3:3', inst('o2'),
         'vgem_fence_attach_ioctl [vgem]')])
    L += ['', 'stack backtrace:',
          'CPU: 3 PID: 991 Comm: modprobe Tainted: G           OE      '
          + rel + ' #7',
          'Hardware name: Intel Corporation Alder Lake Client Platform/'
          'AlderLake-P DDR5 RVP, BIOS ADLPFWI1.R00.3084.D89.2303211034 '
          '03/21/2023', 'Call Trace:', ' <TASK>']
    L += x86(['dump_stack_lvl', 'validate_chain', '?__pfx_validate_chain',
              '__lock_acquire', 'lock_acquire', '?__pfx_lock_acquire',
              '__mutex_lock', '?vgem_fence_attach_ioctl [vgem]',
              'vgem_fence_attach_ioctl [vgem]', 'drm_ioctl_kernel [drm]',
              'drm_ioctl [drm]', '__x64_sys_ioctl', 'do_syscall_64',
              'entry_SYSCALL_64_after_hwframe'])
    L += [' </TASK>']
    return L, label('recursive', ['&obj->lock', '&obj->lock'],
                    ['&obj->lock'], 'modprobe', 991,
                    'vgem_fence_attach_ioctl', rel)


def recursive_515_ppc():
    """5.15 ppc64le: [sp] [ip] frames, s_umount_key#45/1"""
    rel = '5.15.0-rc7-00231-g6c2a5f1d8b0e'
    L = banner('WARNING: possible recursive locking detected',
               rel + ' #3 Not tainted')
    L += ['mount/3301 is trying to acquire lock:',
          lock('&type->s_umount_key#45/1', '+.+.', '3:3', inst('su1',
               0xc000000010000000), at='alloc_super'),
          '', 'but task is already holding lock:',
          lock('&type->s_umount_key#45/1', '+.+.', '3:3', inst('su2',
               0xc000000010000000), at='alloc_super'),
          '', 'other info that might help us debug this:',
          ' Possible unsafe locking scenario:', '',
          '       CPU0', '       ----',
          '  lock(&type->s_umount_key#45/1);',
          '  lock(&type->s_umount_key#45/1);', '',
          ' *** DEADLOCK ***', '',
          ' May be due to missing lock nesting notation', '']
    L += held('mount', 3301, [
        ('&type->s_umount_key#45/1', '+.+.', '3:3',
         inst('su2', 0xc000000010000000), 'alloc_super')])
    L += ['', 'stack backtrace:',
          'CPU: 6 PID: 3301 Comm: mount Not tainted ' + rel + ' #3',
          'Call Trace:']
    L += ppc(['dump_stack_lvl', '__lock_acquire', 'lock_acquire',
              'down_write_nested', 'alloc_super', 'sget_fc',
              'get_tree_nodev', 'overlay_get_tree', 'vfs_get_tree',
              'path_mount', 'sys_mount', 'system_call_exception',
              'system_call_vectored_common'])
    L += ['--- interrupt: 3000 at 0x7fff9a1b2c34',
          'NIP:  00007fff9a1b2c34 LR: 0000000000000000 CTR: '
          '0000000000000000',
          'REGS: c000000024a47e80 TRAP: 3000   Not tainted  (' + rel + ')',
          'MSR:  800000000280f033 <SF,VEC,VSX,EE,PR,FP,ME,IR,DR,RI,LE>  '
          'CR: 24002444  XER: 00000000',
          'IRQMASK: 0',
          '--- interrupt: 3000']
    return L, label('recursive', ['&type->s_umount_key#45/1',
                                  '&type->s_umount_key#45/1'],
                    ['&type->s_umount_key#45/1'], 'mount', 3301,
                    'alloc_super', rel)


def irqstamp(n, fns, old=True):
    L = ['irq event stamp: %d' % n]
    names = ['hardirqs last  enabled', 'hardirqs last disabled',
             'softirqs last  enabled', 'softirqs last disabled']
    for i, (nm, f) in enumerate(zip(names, fns)):
        L.append('%s at (%d): [<%s>] %s' % (nm, n - 3 + i, addr(f), off(f)))
    return L


def inconsistent(rel, ident, trans, ctx, task, pid, lk, usage, wait, at,
                 reg_trace, final, held_list, culprit, bracket=False,
                 old=False, inst_=None, irq=None, trace=x86, cpu_line=None,
                 pre=(), post=()):
    L = banner('INFO: inconsistent lock state' if bracket else
               'WARNING: inconsistent lock state', ident, bracket=bracket)
    L += ['inconsistent {%s} -> {%s} usage.' % trans,
          '%s/%d [%s] takes:' % (task, pid, ctx),
          lock(lk, usage, wait, inst_, at=at, old=old),
          '{%s} state was registered at:' % trans[0]]
    L += saved(reg_trace, 2, old=old)
    L += irqstamp(40123, irq or ['_raw_spin_unlock_irq', '__schedule',
                                 '__do_softirq', 'irq_exit'])
    L += ['', 'other info that might help us debug this:',
          ' Possible unsafe locking scenario:', '', '       CPU0',
          '       ----', '  lock(%s);' % lk, '  <Interrupt>',
          '    lock(%s);' % lk, '', ' *** DEADLOCK ***', '']
    L += held(task, pid, held_list, old=old)
    L += ['', 'stack backtrace:']
    L += list(pre)
    L += [cpu_line or 'CPU: 1 PID: %d Comm: %s %s %s' % (
        pid, task, ident.split(' ', 2)[2], ' '.join(ident.split()[:2]))]
    L += ['Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS '
          '1.15.0-1 04/01/2014', 'Call Trace:']
    L += trace(final)
    L += list(post)
    return L, label('inconsistent_lock_state', [lk],
                    [h[0] for h in held_list] if held_list else [],
                    task, pid, culprit, rel)


def inconsistent_61_softirq():
    rel = '6.1.0-rc4-00017-g0a1b2c3d4e5f'
    return inconsistent(
        rel, rel + ' #2 Not tainted', ('SOFTIRQ-ON-W', 'IN-SOFTIRQ-W'),
        'HC0[0]:SC1[1]:HE1:SE0', 'ksoftirqd/2', 27, '&tbl->lock', '+.?.',
        '2:2', 'neigh_managed_work',
        ['mark_lock', '__lock_acquire', 'lock_acquire', '_raw_spin_lock',
         'neigh_managed_work', 'process_one_work', 'worker_thread',
         'kthread', 'ret_from_fork'],
        ['<TASK>', 'dump_stack_lvl', 'mark_lock.cold', '?mark_lock',
         '__lock_acquire', 'lock_acquire', '?neigh_periodic_work',
         '_raw_spin_lock', '?neigh_timer_handler', 'neigh_timer_handler',
         '?__pfx_neigh_timer_handler', 'call_timer_fn', '__run_timers',
         'run_timer_softirq', '__do_softirq', 'run_ksoftirqd',
         'smpboot_thread_fn', 'kthread', 'ret_from_fork', '</TASK>'],
        [], 'neigh_timer_handler', inst_=inst('tbl'))


def inconsistent_510_hardirq():
    rel = '5.10.0-21-amd64'
    return inconsistent(
        rel, rel + ' #1 Tainted: G           O      ',
        ('IN-HARDIRQ-W', 'HARDIRQ-ON-W'), 'HC0[0]:SC0[0]:HE1:SE1',
        'kworker/1:3', 1402, '&ring->irq_lock', '?.+.', '2:2',
        'xdma_channel_irq [xdma_core]',
        ['lock_acquire', '_raw_spin_lock', 'xdma_channel_irq [xdma_core]',
         '__handle_irq_event_percpu', 'handle_irq_event',
         'handle_edge_irq', '__common_interrupt', 'common_interrupt',
         'asm_common_interrupt', 'cpuidle_enter_state', 'cpuidle_enter',
         'do_idle', 'cpu_startup_entry', 'secondary_startup_64_no_verify'],
        ['dump_stack', 'mark_lock.cold', '__lock_acquire', 'lock_acquire',
         '?xdma_engine_reset [xdma_core]', '_raw_spin_lock',
         'xdma_engine_reset [xdma_core]', 'xdma_reset_work [xdma_core]',
         'process_one_work', 'worker_thread', '?process_one_work',
         'kthread', '?__kthread_bind_mask', 'ret_from_fork'],
        [('(wq_completion)events', '+.+.', '0:0', inst('ev'),
          'process_one_work'),
         ('(work_completion)(&xdev->reset_work)', '+.+.', '0:0',
          inst('rw'), 'process_one_work')],
        'xdma_engine_reset', inst_=inst('ring'),
        pre=['Modules linked in: xdma_core(O) nls_ascii nls_cp437 vfat '
             'fat intel_rapl_msr snd_hda_intel e1000e ptp pps_core '
             'crc32_pclmul ghash_clmulni_intel [last unloaded: xdma_core]'])


def inconsistent_318_reclaim():
    rel = '3.18.14'
    return inconsistent(
        rel, rel + ' #1 Not tainted', ('RECLAIM_FS-ON-W', 'IN-RECLAIM_FS-W'),
        'HC0[0]:SC0[0]:HE1:SE1', 'kswapd0', 46,
        '&delayed_node->mutex', '+.+.?.', None, '__btrfs_release_delayed_node',
        ['mark_held_locks', 'lockdep_trace_alloc', 'kmem_cache_alloc',
         'btrfs_alloc_delayed_item', 'btrfs_insert_delayed_dir_index',
         'btrfs_insert_dir_item', 'btrfs_add_link', 'btrfs_create',
         'vfs_create', 'do_last', 'path_openat', 'do_filp_open',
         'do_sys_open', 'SyS_open', 'system_call_fastpath'],
        ['dump_stack', 'print_usage_bug', 'check_usage_forwards',
         'mark_lock', '__lock_acquire', 'lock_acquire',
         '?__btrfs_release_delayed_node', 'mutex_lock_nested',
         '?__btrfs_release_delayed_node', '__btrfs_release_delayed_node',
         'btrfs_remove_delayed_node', 'btrfs_evict_inode', 'evict',
         'dispose_list', 'prune_icache_sb', 'super_cache_scan',
         'shrink_slab_node', 'shrink_slab', 'kswapd', 'kthread',
         'ret_from_fork'],
        [('shrinker_rwsem', '++++..', None, None, 'shrink_slab'),
         ('&type->s_umount_key#27', '++++.+', None, None,
          'grab_super_passive')],
        '__btrfs_release_delayed_node', bracket=True, old=True,
        trace=lambda f: x86(f, old=True))


def inconsistent_2627_lower():
    rel = '2.6.27-rc8'
    L = banner('INFO: inconsistent lock state', rel + ' #3', bracket=True)
    L = [l if not l.startswith('=') else '=' * 33 for l in L]
    L = [l if not l.startswith('-') else '-' * 33 for l in L]
    lk = '&port_lock_key'
    L += ['inconsistent {in-hardirq-W} -> {hardirq-on-W} usage.',
          'stty/2917 [HC0[0]:SC0[0]:HE1:SE1] takes:',
          ' (%s){++..}, at: [<c02b6f2a>] serial8250_startup+0x2fa/0x6c0'
          % lk,
          '{in-hardirq-W} state was registered at:']
    L += saved(['__lock_acquire', 'lock_acquire', '_spin_lock',
                'serial8250_interrupt', 'handle_IRQ_event',
                'handle_edge_irq', 'do_IRQ', '0xffffffff'], 2, old=True,
               bits=32)
    L += ['irq event stamp: 4817',
          'hardirqs last  enabled at (4817): [<c0103a1f>] '
          'restore_nocheck_notrace+0x0/0xe',
          'hardirqs last disabled at (4816): [<c013d0f1>] '
          'trace_hardirqs_off+0xb/0xd',
          'softirqs last  enabled at (4630): [<c01261bd>] '
          '__do_softirq+0xdd/0xe3',
          'softirqs last disabled at (4611): [<c0105ae6>] '
          'do_softirq+0x56/0xad', '',
          'other info that might help us debug this:']
    L += held('stty', 2917, [('&tty->termios_mutex', '--..', None, None,
                              'tty_set_termios'),
                             ('&port->mutex', '--..', None, None,
                              'uart_startup')], old=True, bits=32)
    L += ['', 'stack backtrace:',
          'Pid: 2917, comm: stty Not tainted 2.6.27-rc8 #3']
    L += x86(['?printk', 'print_usage_bug', 'mark_lock', '__lock_acquire',
              'lock_acquire', '?serial8250_startup', '_spin_lock',
              '?serial8250_startup', 'serial8250_startup', 'uart_startup',
              'uart_set_termios', 'tty_set_termios', 'set_termios',
              'tty_mode_ioctl', 'n_tty_ioctl', 'tty_ioctl', 'vfs_ioctl',
              'do_vfs_ioctl', 'sys_ioctl', 'sysenter_do_call',
              '0xffffffff'], old=True, bits=32)
    L += [' =======================']
    return L, label('inconsistent_lock_state', [lk],
                    ['&tty->termios_mutex', '&port->mutex'], 'stty', 2917,
                    'serial8250_startup', rel)


def inconsistent_69_read():
    rel = '6.9.0-rc2-00077-g8a0f1c2b3d4e'
    return inconsistent(
        rel, rel + ' #5 Not tainted', ('IN-SOFTIRQ-R', 'SOFTIRQ-ON-W'),
        'HC0[0]:SC0[0]:HE1:SE1', 'iptables-nft', 2188, '&ipvlan->addrs_lock',
        '++-.', '2:2', 'ipvlan_addr_busy',
        ['lock_acquire', '_raw_read_lock', 'ipvlan_ht_addr_lookup',
         'ipvlan_addr_lookup', 'ipvlan_handle_frame', '__netif_receive_skb_core',
         '__netif_receive_skb_list_core', 'netif_receive_skb_list_internal',
         'napi_complete_done', 'e1000_clean', '__napi_poll',
         'net_rx_action', '__do_softirq', 'irq_exit_rcu',
         'common_interrupt', 'asm_common_interrupt'],
        ['<TASK>', 'dump_stack_lvl', 'mark_lock_irq', '?mark_lock',
         'mark_lock', '__lock_acquire', 'lock_acquire', '?ipvlan_addr_busy',
         '_raw_write_lock', '?ipvlan_add_addr', 'ipvlan_add_addr',
         'ipvlan_addr4_event', 'notifier_call_chain',
         'blocking_notifier_call_chain', '__inet_insert_ifa',
         'inet_rtm_newaddr', 'rtnetlink_rcv_msg', 'netlink_rcv_skb',
         'netlink_unicast', 'netlink_sendmsg', '____sys_sendmsg',
         '___sys_sendmsg', '__sys_sendmsg', 'do_syscall_64',
         'entry_SYSCALL_64_after_hwframe', '</TASK>'],
        [('rtnl_mutex', '+.+.', '3:3', '%016x' % 0xffffffff8a5c2e28,
          'rtnetlink_rcv_msg')],
        'ipvlan_add_addr', inst_=inst('ipv'))


def inconsistent_49_eoi():
    """4.9: <IRQ> ... <EOI>, register dump between frames"""
    rel = '4.9.0-rc8+'
    ident = rel + ' #2 Not tainted'
    fin = ['<IRQ>', 'dump_stack', 'print_usage_bug', 'mark_lock',
           '__lock_acquire', 'lock_acquire', '?rtl8169_tx_timeout [r8169]',
           '_raw_spin_lock_irqsave', 'rtl8169_interrupt [r8169]',
           'handle_irq_event_percpu', 'handle_irq_event',
           'handle_edge_irq', 'handle_irq', 'do_IRQ', 'common_interrupt',
           '<EOI>', '?cpuidle_enter_state', 'cpuidle_enter',
           'call_cpuidle', 'cpu_startup_entry', 'start_secondary']
    L, lab = inconsistent(
        rel, ident, ('HARDIRQ-ON-W', 'IN-HARDIRQ-W'),
        'HC1[1]:SC0[0]:HE0:SE1', 'swapper/1', 0, '&tp->lock', '?.+.',
        None, 'rtl8169_interrupt [r8169]',
        ['__lock_acquire', 'lock_acquire', '_raw_spin_lock',
         'rtl8169_tx_timeout [r8169]', 'dev_watchdog', 'call_timer_fn',
         'run_timer_softirq', '__do_softirq', 'irq_exit',
         'smp_apic_timer_interrupt', 'apic_timer_interrupt'],
        fin, [], 'rtl8169_interrupt', inst_=hashed('tp'))
    i = L.index(' ' + off('handle_edge_irq'))
    L[i:i] = ['RIP: 0010:[<ffffffff810a1b2c>]  [<ffffffff810a1b2c>] '
              'rtl8169_interrupt+0x5c/0x3a0 [r8169]',
              'RSP: 0018:ffff88013fc83f28  EFLAGS: 00010046',
              'RAX: 0000000000000000 RBX: ffff880136a1c000 RCX: '
              '0000000000000001']
    return L, lab


def class_header(name, usage, wait, depth, usages, key):
    """print_lock_class_header(): -> (name){u}-{w} {, usage traces, }"""
    d = ' ' * depth
    w = '-{%s}' % wait if wait else ''
    L = ['%s-> (%s){%s}%s {' % (d, name, usage, w)]
    for u, fns in usages:
        head = '%s   %s at:' % (d, u)
        L.append(head)
        L += saved(fns, len(head) - len(' at:') + 1 if False else
                   depth + len('   %s' % u) + len(' at:\n') + 1)
    L.append('%s }' % d)
    L.append('%s ... key      at: [<%s>] %s' % (d, addr(key), off(key)))
    return L


def irq_inversion_54_forwards():
    rel = '5.4.0-rc6-00209-g3ba1b4a2c5d6'
    ident = rel + ' #9 Not tainted'
    this, other = '&(&fbc->lock)->rlock', '&(&q->queue_lock)->rlock'
    L = banner('WARNING: possible irq lock inversion dependency detected',
               ident)
    L += ['kworker/3:1H/466 just changed the state of lock:',
          lock(this, '-...', inst=inst('fbc'), at='__percpu_counter_sum'),
          'but this lock took another, HARDIRQ-unsafe lock in the past:',
          ' (%s){+.+.}' % other, '', '',
          'and interrupts could create inverse lock ordering between them.',
          '', '', 'other info that might help us debug this:',
          ' Possible interrupt unsafe locking scenario:', '',
          '       CPU0                    CPU1',
          '       ----                    ----',
          '  lock(%s);' % other,
          '                               local_irq_disable();',
          '                               lock(%s);' % this,
          '                               lock(%s);' % other,
          '  <Interrupt>', '    lock(%s);' % this, '',
          ' *** DEADLOCK ***', '']
    L += held('kworker/3:1H', 466, [
        ('(wq_completion)kblockd', '+.+.', None, inst('kb'),
         'process_one_work'),
        ('(work_completion)(&(&hctx->run_work)->work)', '+.+.', None,
         inst('rw'), 'process_one_work')])
    L += ['', 'the shortest dependencies between 2nd lock and 1st lock:']
    L += class_header(other, '+.+.', None, 1, [
        ('HARDIRQ-ON-W', ['lock_acquire', '_raw_spin_lock',
                          'blk_mq_sched_dispatch_requests',
                          '__blk_mq_run_hw_queue', 'blk_mq_run_work_fn',
                          'process_one_work', 'worker_thread', 'kthread',
                          'ret_from_fork']),
        ('INITIAL USE', ['lock_acquire', '_raw_spin_lock_irq',
                         'blk_queue_flag_set', 'blk_mq_init_allocated_queue',
                         'blk_mq_init_queue', 'loop_add', 'loop_init',
                         'do_one_initcall', 'kernel_init_freeable',
                         'kernel_init', 'ret_from_fork'])],
        '__key.60312')
    L += ['  ... acquired at:']
    L += saved(['lock_acquire', '_raw_spin_lock', 'blk_mq_sched_dispatch_requests',
                '__blk_mq_run_hw_queue', 'blk_mq_run_work_fn'], 3)
    L += ['']
    L += class_header(this, '-...', None, 0, [
        ('IN-HARDIRQ-W', ['lock_acquire', '_raw_spin_lock_irqsave',
                          '__percpu_counter_sum', 'nr_free_buffer_pages',
                          'blk_mq_complete_request', 'nvme_irq',
                          '__handle_irq_event_percpu', 'handle_irq_event',
                          'handle_edge_irq', 'do_IRQ', 'ret_from_intr']),
        ('INITIAL USE', ['lock_acquire', '_raw_spin_lock_irqsave',
                         '__percpu_counter_sum', 'ext4_statfs',
                         'statfs_by_dentry', 'vfs_statfs', 'user_statfs',
                         '__se_sys_statfs', 'do_syscall_64',
                         'entry_SYSCALL_64_after_hwframe'])],
        '__key.37518')
    L += [' ... acquired at:']
    L += saved(['lock_acquire', '_raw_spin_lock_irqsave',
                '__percpu_counter_sum', 'blk_mq_dispatch_rq_list'], 3)
    L += ['', '', 'stack backtrace:',
          'CPU: 3 PID: 466 Comm: kworker/3:1H Not tainted ' + rel + ' #9',
          'Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS '
          '1.12.0-1 04/01/2014',
          'Workqueue: kblockd blk_mq_run_work_fn', 'Call Trace:']
    L += x86(['dump_stack', 'check_usage_forwards.cold', 'mark_lock',
              '?print_irq_inversion_bug', '__lock_acquire', 'lock_acquire',
              '?__percpu_counter_sum', '_raw_spin_lock_irqsave',
              '?__percpu_counter_sum', '__percpu_counter_sum',
              'blk_mq_dispatch_rq_list', 'blk_mq_sched_dispatch_requests',
              '__blk_mq_run_hw_queue', 'blk_mq_run_work_fn',
              'process_one_work', 'worker_thread', 'kthread',
              'ret_from_fork'])
    return L, label('irq_inversion', [other, this],
                    ['(wq_completion)kblockd',
                     '(work_completion)(&(&hctx->run_work)->work)'],
                    'kworker/3:1H', 466, '__percpu_counter_sum', rel)


def irq_inversion_61_backwards():
    rel = '6.1.55'
    ident = rel + ' #1 Tainted: G    B              '
    this = '&xa->xa_lock#9'
    mid = '&sighand->siglock'
    safe = '&p->pi_lock'
    L = banner('WARNING: possible irq lock inversion dependency detected',
               ident)
    L += ['fio/6120 just changed the state of lock:',
          lock(this, '+.+.', '2:2', inst('xa'), at='io_worker_handle_work'),
          'but this lock was taken by another, HARDIRQ-safe lock in the past:',
          ' (%s){-.-.}-{2:2}' % safe, '', '',
          'and interrupts could create inverse lock ordering between them.',
          '', '', 'other info that might help us debug this:',
          'Chain exists of:', '  %s --> %s --> %s' % (safe, mid, this), '',
          ' Possible interrupt unsafe locking scenario:', '',
          '       CPU0                    CPU1',
          '       ----                    ----',
          '  lock(%s);' % this,
          '                               local_irq_disable();',
          '                               lock(%s);' % safe,
          '                               lock(%s);' % mid,
          '  <Interrupt>', '    lock(%s);' % safe, '',
          ' *** DEADLOCK ***', '']
    L += held('fio', 6120, [])
    L += ['', 'the shortest dependencies between 2nd lock and 1st lock:']
    L += class_header(safe, '-.-.', '2:2', 2, [
        ('IN-HARDIRQ-W', ['lock_acquire', '_raw_spin_lock_irqsave',
                          'try_to_wake_up', 'hrtimer_wakeup',
                          '__hrtimer_run_queues', 'hrtimer_interrupt',
                          '__sysvec_apic_timer_interrupt',
                          'sysvec_apic_timer_interrupt',
                          'asm_sysvec_apic_timer_interrupt']),
        ('INITIAL USE', ['lock_acquire', '_raw_spin_lock_irqsave',
                         'rcu_gp_kthread_wake', 'rcu_init', 'start_kernel',
                         'secondary_startup_64_no_verify'])],
        'init_task')
    L += class_header(mid, '-...', '2:2', 1, [
        ('IN-HARDIRQ-W', ['lock_acquire', '_raw_spin_lock_irqsave',
                          '__lock_task_sighand', 'do_send_sig_info',
                          'kill_fasync', 'tty_flip_buffer_push',
                          'serial8250_handle_irq', 'handle_irq_event',
                          'handle_edge_irq', '__common_interrupt',
                          'common_interrupt', 'asm_common_interrupt']),
        ('INITIAL USE', ['lock_acquire', '_raw_spin_lock_irq',
                         'flush_signals', 'kthreadd', 'ret_from_fork'])],
        'sighand_cachep')
    L += ['  ... acquired at:']
    L += saved(['lock_acquire', '_raw_spin_lock', 'io_wq_worker_wake',
                'io_wq_cancel_cb', 'io_uring_cancel_generic'], 3)
    L += ['']
    L += class_header(this, '+.+.', '2:2', 0, [
        ('HARDIRQ-ON-W', ['lock_acquire', '_raw_spin_lock',
                          'io_worker_handle_work', 'io_wq_worker',
                          'ret_from_fork']),
        ('INITIAL USE', ['lock_acquire', '_raw_spin_lock',
                         'xa_store', 'io_uring_add_tctx_node',
                         '__io_uring_add_tctx_node', '__do_sys_io_uring_enter',
                         'do_syscall_64', 'entry_SYSCALL_64_after_hwframe'])],
        '__key.72')
    L += [' ... acquired at:']
    L += saved(['lock_acquire', '_raw_spin_lock', 'io_worker_handle_work',
                'io_wq_worker'], 3)
    L += ['', '', 'stack backtrace:',
          'CPU: 0 PID: 6120 Comm: fio Tainted: G    B              ' + rel
          + ' #1',
          'Hardware name: Google Google Compute Engine/Google Compute '
          'Engine, BIOS Google 09/13/2023', 'Call Trace:', ' <TASK>']
    L += x86(['dump_stack_lvl', 'mark_lock.part.0', '__lock_acquire',
              'lock_acquire', '?io_worker_handle_work', '_raw_spin_lock',
              'io_worker_handle_work', 'io_wq_worker',
              '?__pfx_io_wq_worker', 'ret_from_fork', '</TASK>'])
    return L, label('irq_inversion', [safe, mid, this], [], 'fio', 6120,
                    'io_worker_handle_work', rel)


def safe_unsafe(rel, ident, irq, task, pid, ctx, nxt, prv, safe, unsafe,
                cpu_line, final, held_list, culprit, kind, bracket=False,
                old=False, chain_mid=None, trace=x86, width=None, bits=64):
    """print_bad_irq_dependency(): every section, usage dumps included.
    nxt/prv/safe/unsafe: (name, usage, wait, site)"""
    def nm(l):
        return ' (%s){%s}%s' % (l[0], l[1], '-{%s}' % l[2] if l[2] else '')
    L = banner('%s %s-safe -> %s-unsafe lock order detected' % (
        'INFO:' if bracket else 'WARNING:', irq, irq), ident,
        bracket=bracket, width=width)
    if bracket:
        L[2] = '[ INFO: %s-safe -> %s-unsafe lock order detected ]' % (
            irq, irq)
    L += ['%s/%d [%s] is trying to acquire:' % (task, pid, ctx),
          lock(nxt[0], nxt[1], nxt[2], None if old else inst(nxt[0]),
               at=nxt[3], old=old, bits=bits),
          '', 'and this task is already holding:',
          lock(prv[0], prv[1], prv[2], None if old else inst(prv[0]),
               at=prv[3], old=old, bits=bits),
          'which would create a new lock dependency:',
          nm(prv) + ' ->' + nm(nxt), '',
          'but this new dependency connects a %s-irq-safe lock:' % irq,
          nm(safe), '', '... which became %s-irq-safe at:' % irq]
    L += saved(safe[4], 2, old=old, bits=bits)
    L += ['', 'to a %s-irq-unsafe lock:' % irq, nm(unsafe), '',
          '... which became %s-irq-unsafe at:' % irq, '...']
    L += saved(unsafe[4], 2, old=old, bits=bits)
    L += ['', 'other info that might help us debug this:', '']
    if chain_mid:
        L += ['Chain exists of:', '  %s --> %s --> %s' % (
            safe[0], chain_mid, unsafe[0]), '']
    L += [' Possible interrupt unsafe locking scenario:', '',
          '       CPU0                    CPU1',
          '       ----                    ----',
          '  lock(%s);' % unsafe[0],
          '                               local_irq_disable();',
          '                               lock(%s);' % safe[0],
          '                               lock(%s);' % (chain_mid or
                                                       unsafe[0]),
          '  <Interrupt>', '    lock(%s);' % safe[0], '',
          ' *** DEADLOCK ***', '']
    L += held(task, pid, held_list, old=old, bits=bits)
    if not old:
        L += ['', 'the dependencies between %s-irq-safe lock and the '
              'holding lock:' % irq]
        L += class_header(safe[0], safe[1], safe[2], 1, [
            ('IN-%s-W' % irq, safe[4]), ('INITIAL USE', safe[4][:3])],
            '__key.0')
        L += class_header(prv[0], prv[1], prv[2], 0, [
            ('IN-%s-W' % irq, safe[4][:2] + [prv[3]]),
            ('INITIAL USE', safe[4][:2] + [prv[3]])], '__key.1')
        L += [' ... acquired at:']
        L += saved(['lock_acquire', prv[3]], 3)
        L += ['', '',
              'the dependencies between the lock to be acquired',
              ' and %s-irq-unsafe lock:' % irq]
        L += class_header(unsafe[0], unsafe[1], unsafe[2], 0, [
            ('%s-ON-W' % irq, unsafe[4]), ('INITIAL USE', unsafe[4][:3])],
            '__key.2')
        L += [' ... acquired at:']
        L += saved(['lock_acquire', '_raw_spin_lock', nxt[3]], 3)
        L += ['']
    L += ['', 'stack backtrace:'] + ([cpu_line] if cpu_line else [])
    L += trace(final)
    ch = [safe[0], prv[0], nxt[0], unsafe[0]]
    return L, label(kind, ch, [h[0] for h in held_list], task, pid,
                    culprit, rel)


def hardirq_61():
    rel = '6.1.0-rc3-00221-gd2a9b2c1f0e7'
    nxt = ('&ctx->wqh', '....', '2:2', 'eventfd_signal_mask', [])
    prv = ('&dev->event_lock', '-...', '2:2', 'vfio_pci_intx_unmask',
           ['lock_acquire'])
    safe = ('&dev->event_lock', '-...', '2:2', None,
            ['lock_acquire', '_raw_spin_lock_irqsave',
             'vfio_intx_handler [vfio_pci_core]',
             '__handle_irq_event_percpu', 'handle_irq_event',
             'handle_fasteoi_irq', '__common_interrupt',
             'common_interrupt', 'asm_common_interrupt'])
    unsafe = ('&ctx->wqh', '+.+.', '2:2', None,
              ['lock_acquire', '_raw_spin_lock', 'eventfd_ctx_read',
               'eventfd_read', 'vfs_read', 'ksys_read', 'do_syscall_64',
               'entry_SYSCALL_64_after_hwframe'])
    nxt = ('&ctx->wqh', '+.+.', '2:2', 'eventfd_signal_mask')
    prv = ('&dev->event_lock', '-...', '2:2',
           'vfio_pci_intx_unmask_handler [vfio_pci_core]')
    return safe_unsafe(
        rel, rel + ' #4 Not tainted', 'HARDIRQ', 'qemu-system-x86', 2410,
        'HC0[0]:SC0[0]:HE0:SE1', nxt, prv, safe, unsafe,
        'CPU: 5 PID: 2410 Comm: qemu-system-x86 Not tainted ' + rel + ' #4',
        ['<TASK>', 'dump_stack_lvl', 'check_irq_usage', '?__bfs',
         '__lock_acquire', 'lock_acquire', '?eventfd_signal_mask',
         '_raw_spin_lock_irqsave', 'eventfd_signal_mask',
         'vfio_pci_intx_unmask_handler [vfio_pci_core]',
         'vfio_virqfd_inject [vfio]', 'process_one_work',
         'worker_thread', 'kthread', 'ret_from_fork', '</TASK>'],
        [('&dev->igate', '+.+.', '4:4', inst('ig'),
          'vfio_pci_set_irqs_ioctl [vfio_pci_core]'),
         ('&dev->event_lock', '-...', '2:2', inst('el'),
          'vfio_pci_intx_unmask_handler [vfio_pci_core]')],
        'eventfd_signal_mask', 'hardirq_safe_unsafe')


def softirq_44():
    rel = '4.4.0-rc5+'
    fin = ['dump_stack', 'check_usage', '?check_usage_backwards',
           '__lock_acquire', 'lock_acquire', '?nf_conntrack_lock',
           '_raw_spin_lock', '?nf_conntrack_lock',
           'nf_conntrack_lock [nf_conntrack]',
           '__nf_conntrack_confirm [nf_conntrack]',
           'ipv4_confirm [nf_conntrack_ipv4]', 'nf_iterate', 'nf_hook_slow',
           'ip_output', 'ip_local_out', 'ip_send_skb', 'udp_send_skb',
           'udp_sendmsg', 'inet_sendmsg', 'sock_sendmsg', 'SYSC_sendto',
           'SyS_sendto', 'entry_SYSCALL_64_fastpath']
    nxt = ('&nf_conntrack_locks[i]', '+.+...', None,
           'nf_conntrack_lock [nf_conntrack]')
    prv = ('nf_conntrack_expect_lock', '+.-...', None,
           '__nf_conntrack_confirm [nf_conntrack]')
    safe = ('nf_conntrack_expect_lock', '+.-...', None, None,
            ['__lock_acquire', 'lock_acquire', '_raw_spin_lock_bh',
             'nf_ct_remove_expectations [nf_conntrack]',
             'nf_ct_delete [nf_conntrack]', 'death_by_timeout',
             'call_timer_fn', 'run_timer_softirq', '__do_softirq',
             'irq_exit', 'smp_apic_timer_interrupt',
             'apic_timer_interrupt'])
    unsafe = ('&nf_conntrack_locks[i]', '+.+...', None, None,
              ['__lock_acquire', 'lock_acquire', '_raw_spin_lock',
               'nf_conntrack_lock [nf_conntrack]',
               'nf_conntrack_all_lock [nf_conntrack]',
               'nf_conntrack_hash_resize [nf_conntrack]',
               'nf_conntrack_set_hashsize [nf_conntrack]',
               'param_attr_store', 'module_attr_store', 'sysfs_kf_write',
               'kernfs_fop_write', '__vfs_write', 'vfs_write', 'SyS_write',
               'entry_SYSCALL_64_fastpath'])
    return safe_unsafe(
        rel, rel + ' #21 Tainted: G        W       ', 'SOFTIRQ', 'nc', 2871,
        'HC0[0]:SC0[0]:HE1:SE0', nxt, prv, safe, unsafe,
        'CPU: 1 PID: 2871 Comm: nc Tainted: G        W       ' + rel
        + ' #21', fin,
        [('sk_lock-AF_INET', '+.+.+.', None, None, 'udp_sendmsg'),
         ('rcu_read_lock', '......', None, None, 'ip_finish_output2'),
         ('nf_conntrack_expect_lock', '+.-...', None, None,
          '__nf_conntrack_confirm [nf_conntrack]')],
        'nf_conntrack_lock', 'softirq_safe_unsafe', bracket=True,
        old=True, trace=lambda f: x86(f, old=True))


def hardirq_2622():
    """2.6.22: [ INFO: hard-safe -> hard-unsafe lock order detected ]"""
    rel = '2.6.22-rc4'
    fin = ['show_trace_log_lvl', 'show_trace', 'dump_stack',
           'check_usage', 'check_prev_add', '__lock_acquire',
           'lock_acquire', '_spin_lock', 'ide_dump_status', 'ide_error',
           'ide_intr', 'handle_IRQ_event', 'handle_level_irq', 'do_IRQ',
           '0xffffffff']
    nxt = ('&q->__queue_lock', '--..', None, 'ide_do_request')
    prv = ('ide_lock', '+...', None, 'ide_intr')
    safe = ('ide_lock', '+...', None, None,
            ['__lock_acquire', 'lock_acquire', '_spin_lock_irqsave',
             'ide_intr', 'handle_IRQ_event', 'handle_level_irq', 'do_IRQ',
             '0xffffffff'])
    unsafe = ('&q->__queue_lock', '--..', None, None,
              ['__lock_acquire', 'lock_acquire', '_spin_lock',
               'cfq_exit_single_io_context', 'cfq_exit_io_context',
               'exit_io_context', 'do_exit', 'sys_exit_group',
               'sysenter_past_esp', '0xffffffff'])
    L, lab = safe_unsafe(
        rel, '', 'hard', 'swapper', 0, 'HC1[1]:SC0[0]:HE0:SE1', nxt, prv,
        safe, unsafe, None, fin,
        [('ide_lock', '+...', None, None, 'ide_intr')],
        'ide_do_request', 'hardirq_safe_unsafe', bracket=True, old=True,
        trace=lambda f: x86(f, old=True, bits=32), width=55, bits=32)
    # 2.6.22 printed no ident and no dump_stack header line
    lab['kernel'] = None
    return L, lab


def bad_unlock_61_s390():
    rel = '6.1.0-rc6-00112-g7ac3c1d2e4f9'
    L = banner('WARNING: bad unlock balance detected!',
               rel + ' #1 Not tainted')
    L += ['kworker/u128:2/99 is trying to release lock (rcu_read_lock) at:',
          '[<%s>] %s' % (addr('qeth_l3_rx', base=0x270000000),
                         off('qeth_l3_rx [qeth_l3]')),
          'but there are no more locks to release!', '',
          'other info that might help us debug this:']
    L += held('kworker/u128:2', 99, [
        ('(wq_completion)qeth_wq', '+.+.', '0:0', inst('qw'),
         'process_one_work'),
        ('(work_completion)(&card->rx_mode_work)', '+.+.', '0:0',
         inst('rm'), 'process_one_work')])
    L += ['', 'stack backtrace:',
          'CPU: 4 PID: 99 Comm: kworker/u128:2 Not tainted ' + rel + ' #1',
          'Hardware name: IBM 8561 T01 703 (LPAR)',
          'Workqueue: qeth_wq qeth_l3_rx_mode_work [qeth_l3]',
          'Call Trace:']
    L += s390(['dump_stack_lvl', 'lock_release', 'qeth_l3_rx [qeth_l3]',
               'qeth_l3_rx_mode_work [qeth_l3]', 'process_one_work',
               'worker_thread', 'kthread', '__ret_from_fork',
               'ret_from_fork'])
    L += ['INFO: lockdep is turned off.']
    return L, label('bad_unlock_balance', ['rcu_read_lock'],
                    ['(wq_completion)qeth_wq',
                     '(work_completion)(&card->rx_mode_work)'],
                    'kworker/u128:2', 99, 'qeth_l3_rx', rel)


def bad_unlock_34():
    rel = '3.4.113'
    L = banner('BUG: bad unlock balance detected!',
               rel + ' #2 Tainted: G         C  ', bracket=True)
    L += ['wpa_supplicant/1530 is trying to release lock '
          '(&local->iflist_mtx) at:',
          '[<%s>] %s' % (addr('rtl_op_config', 32),
                         off('rtl_op_config [rtlwifi]')),
          'but there are no more locks to release!', '',
          'other info that might help us debug this:']
    L += held('wpa_supplicant', 1530, [
        ('rtnl_mutex', '+.+.+.', None, None, 'rtnl_lock'),
        ('&rdev->mtx', '+.+.+.', None, None, 'cfg80211_get_dev_from_ifindex [cfg80211]')],
        old=True, bits=32)
    L += ['', 'stack backtrace:',
          'Pid: 1530, comm: wpa_supplicant Tainted: G         C   3.4.113 #2',
          'Call Trace:']
    L += x86(['?rtl_op_config [rtlwifi]', 'print_unlock_inbalance_bug',
              'lock_release_non_nested', '?rtl_op_config [rtlwifi]',
              'lock_release', '__mutex_unlock_slowpath', 'mutex_unlock',
              'rtl_op_config [rtlwifi]', 'ieee80211_hw_config [mac80211]',
              'ieee80211_set_tx_power [mac80211]',
              'cfg80211_wext_siwtxpower [cfg80211]', 'ioctl_standard_call',
              'wext_handle_ioctl', 'dev_ioctl', 'sock_ioctl', 'do_vfs_ioctl',
              'sys_ioctl', 'sysenter_do_call'], old=True, bits=32)
    return L, label('bad_unlock_balance', ['&local->iflist_mtx'],
                    ['rtnl_mutex', '&rdev->mtx'], 'wpa_supplicant', 1530,
                    'rtl_op_config', rel)


def held_freed_515_riscv():
    rel = '5.15.0-rc2'
    L = banner('WARNING: held lock freed!', rel + ' #6 Not tainted')
    lk = '&dev->lock'
    a = 0xffffffd8c2a1e000
    L += ['kworker/0:1/24 is freeing memory %016x-%016x, with a lock still '
          'held there!' % (a, a + 0x3ff),
          lock(lk, '+.+.', '3:3', '%016x' % (a + 0x1a8),
               at='usbhs_pipe_remove [renesas_usbhs]')]
    L += held('kworker/0:1', 24, [
        ('(wq_completion)events', '+.+.', '0:0', inst('ev'),
         'process_one_work'),
        ('(work_completion)(&hub->events)', '+.+.', '0:0', inst('he'),
         'process_one_work'),
        ('&dev->mutex', '....', '3:3', inst('dm'), 'hub_event'),
        (lk, '+.+.', '3:3', '%016x' % (a + 0x1a8),
         'usbhs_pipe_remove [renesas_usbhs]')])
    L += ['', 'stack backtrace:',
          'CPU: 0 PID: 24 Comm: kworker/0:1 Not tainted ' + rel + ' #6',
          'Hardware name: SiFive HiFive Unmatched A00 (DT)',
          'Workqueue: usb_hub_wq hub_event', 'Call Trace:']
    L += riscv(['dump_backtrace', 'show_stack', 'dump_stack_lvl',
                'dump_stack', 'debug_check_no_locks_freed', 'kfree',
                'usbhs_mod_gadget_remove [renesas_usbhs]',
                'usbhs_remove [renesas_usbhs]', 'platform_remove',
                'device_release_driver_internal', 'bus_remove_device',
                'device_del', 'usb_disconnect', 'hub_event',
                'process_one_work', 'worker_thread', 'kthread',
                'ret_from_exception'])
    return L, label('held_lock_freed', [lk],
                    ['(wq_completion)events',
                     '(work_completion)(&hub->events)', '&dev->mutex', lk],
                    'kworker/0:1', 24, 'usbhs_mod_gadget_remove', rel)


def still_held_63():
    rel = '6.3.0-rc1-00034-g0b9c2a7d1e3f'
    L = banner('WARNING: kworker/u8:2/77 still has locks held!',
               rel + ' #2 Not tainted', width=36)
    L += held('kworker/u8:2', 77, [
        ('&sbi->gc_lock', '+.+.', '3:3', inst('gc'),
         'f2fs_balance_fs')])
    L += ['', 'stack backtrace:',
          'CPU: 1 PID: 77 Comm: kworker/u8:2 Not tainted ' + rel + ' #2',
          'Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS '
          '1.16.0-debian-1.16.0-5 04/01/2014',
          'Workqueue: writeback wb_workfn (flush-253:16)',
          'Call Trace:', ' <TASK>']
    L += x86(['dump_stack_lvl', 'debug_check_no_locks_held',
              'try_to_freeze_unsafe', 'f2fs_balance_fs',
              'f2fs_write_single_data_page', 'f2fs_write_cache_pages',
              'f2fs_write_data_pages', 'do_writepages',
              '__writeback_single_inode', 'writeback_sb_inodes',
              '__writeback_inodes_wb', 'wb_writeback', 'wb_workfn',
              'process_one_work', 'worker_thread', 'kthread',
              'ret_from_fork', '</TASK>'])
    return L, label('still_has_locks_held', [], ['&sbi->gc_lock'],
                    'kworker/u8:2', 77, 'f2fs_balance_fs', rel)


def user_return_610():
    rel = '6.10.0-rc2-00051-g5d3c7e8a9b1f'
    L = banner('WARNING: lock held when returning to user space!',
               rel + ' #3 Not tainted')
    L += ['bpftrace/3377 is leaving the kernel with locks still held!']
    L += held('bpftrace', 3377, [
        ('rcu_read_lock_bh', '....', '1:2', '%016x' % 0xffffffff9a6c41a0,
         'bpf_prog_test_run_skb')])
    return L, label('lock_held_user_return', [], ['rcu_read_lock_bh'],
                    'bpftrace', 3377, 'bpf_prog_test_run_skb', rel)


def nested_65():
    rel = '6.5.0-rc7-00019-gc4e5f2a1b7d8'
    L = banner('WARNING: Nested lock was not taken',
               rel + ' #5 Not tainted')
    L += ['kvm-nx-lpage-re/2901 is trying to lock:',
          lock('&vcpu->mutex', '+.+.', '3:3', inst('vm'),
               at='kvm_mmu_zap_all_fast [kvm]'),
          '', 'but this task is not holding:', 'kvm->lock']
    fin = ['<TASK>', 'dump_stack_lvl', '__lock_acquire', 'lock_acquire',
           '?kvm_mmu_zap_all_fast [kvm]', '__mutex_lock',
           'kvm_mmu_zap_all_fast [kvm]', 'kvm_nx_huge_page_recovery_worker [kvm]',
           'kvm_vm_worker_thread [kvm]', 'kthread', 'ret_from_fork',
           '</TASK>']
    cpu = ['CPU: 6 PID: 2901 Comm: kvm-nx-lpage-re Not tainted ' + rel
           + ' #5', 'Hardware name: Dell Inc. PowerEdge R650/0PYXKY, BIOS '
           '1.8.2 08/09/2022', 'Call Trace:']
    L += ['', 'stack backtrace:'] + cpu + x86(fin)
    L += ['', 'other info that might help us debug this:']
    L += held('kvm-nx-lpage-re', 2901, [
        ('&kvm->srcu', '.+.+', '0:0', inst('ks'),
         'kvm_nx_huge_page_recovery_worker [kvm]')])
    L += ['', 'stack backtrace:'] + cpu + x86(fin)
    return L, label('nested_lock_not_taken', ['&vcpu->mutex', 'kvm->lock'],
                    ['&kvm->srcu'], 'kvm-nx-lpage-re', 2901,
                    'kvm_mmu_zap_all_fast', rel)


def rcu(rel, ident, msg, task, pid, held_list, cpu_line, final, culprit,
        bracket=False, extra=(), dl=1, old=False, trace=x86):
    if bracket:
        L = banner('INFO: suspicious RCU usage.', ident, bracket=True)
    else:
        L = banner('WARNING: suspicious RCU usage', ident)
    L += [msg, '', 'other info that might help us debug this:', '']
    L += list(extra)
    L += ['rcu_scheduler_active = 2, debug_locks = %d' % dl]
    if not dl and not bracket:
        L += ['Possible false positive due to lockdep disabling via '
              'debug_locks = 0']
    L += held(task, pid, held_list, old=old)
    L += ['', 'stack backtrace:', cpu_line]
    L += trace(final)
    return L, label('rcu_suspicious', [],
                    [h[0] for h in held_list], task, pid, culprit, rel)


def rcu_61_nolocks():
    rel = '6.1.0-rc1-00310-g9e2d4c1b7a05'
    return rcu(rel, rel + ' #1 Not tainted',
               'kernel/sched/core.c:9876 Illegal context switch in RCU '
               'read-side critical section!', 'swapper/0', 1, [],
               'CPU: 0 PID: 1 Comm: swapper/0 Not tainted ' + rel + ' #1',
               ['<TASK>', 'dump_stack_lvl', 'lockdep_rcu_suspicious',
                '__might_resched', '__mutex_lock', '?acpi_ut_acquire_mutex',
                'acpi_ut_acquire_mutex', 'acpi_ns_walk_namespace',
                'acpi_walk_namespace', 'acpi_bus_scan_fixed',
                'acpi_scan_init', 'acpi_init', 'do_one_initcall',
                'kernel_init_freeable', 'kernel_init', 'ret_from_fork',
                '</TASK>'], 'acpi_ut_acquire_mutex',
               extra=['RCU used illegally from extended quiescent state!'])


def rcu_44_many():
    rel = '4.4.0-rc3+'
    locks = [('&type->s_umount_key#30', '++++++', None, None,
              'iterate_supers'),
             ('&sb->s_type->i_mutex_key#9', '+.+.+.', None, None,
              'nfsd4_cld_init [nfsd]'),
             ('nfsd_mutex', '+.+.+.', None, None, 'nfsd_svc [nfsd]'),
             ('&nn->client_lock', '+.+...', None, None,
              'nfs4_state_start_net [nfsd]'),
             ('rcu_read_lock', '......', None, None,
              'nfsd4_client_tracking_init [nfsd]'),
             ('&(&clp->cl_lock)->rlock', '+.+...', None, None,
              'nfsd4_cld_grace_done [nfsd]'),
             ('rcu_read_lock', '......', None, None, 'rpc_pipe_generic_upcall [sunrpc]')]
    return rcu(rel, rel + ' #14 Not tainted',
               'net/sunrpc/rpc_pipe.c:183 suspicious '
               'rcu_dereference_check() usage!', 'rpc.nfsd', 3922, locks,
               'CPU: 2 PID: 3922 Comm: rpc.nfsd Not tainted ' + rel + ' #14',
               ['dump_stack', 'lockdep_rcu_suspicious',
                'rpc_pipe_generic_upcall [sunrpc]', 'cld_pipe_upcall [nfsd]',
                'nfsd4_cld_grace_done [nfsd]', 'nfsd4_end_grace [nfsd]',
                'nfs4_state_start_net [nfsd]', 'nfsd_svc [nfsd]',
                'write_threads [nfsd]', 'nfsctl_transaction_write [nfsd]',
                '__vfs_write', 'vfs_write', 'SyS_write',
                'entry_SYSCALL_64_fastpath'], 'rpc_pipe_generic_upcall',
               bracket=True, old=True,
               trace=lambda f: x86(f, old=True))


def rcu_612_list():
    rel = '6.12.0-rc5-00098-g2b4f6d8e0a1c'
    locks = [('cb_lock', '++++', '4:4', '%016x' % 0xffffffffa33a0ed0,
              'genl_rcv'),
             ('genl_mutex', '+.+.', '4:4', '%016x' % 0xffffffffa33a0d88,
              'genl_rcv_msg'),
             ('rtnl_mutex', '+.+.', '4:4', '%016x' % 0xffffffffa3395d48,
              'nl80211_pre_doit [cfg80211]'),
             ('&rdev->wiphy.mtx', '+.+.', '4:4', inst('wm'),
              'nl80211_pre_doit [cfg80211]')]
    return rcu(rel, rel + ' #2 Tainted: G        W          ',
               'net/mac80211/sta_info.c:1027 RCU-list traversed in '
               'non-reader section!!', 'iw', 4410, locks,
               'CPU: 3 UID: 0 PID: 4410 Comm: iw Tainted: G        W'
               '          ' + rel + ' #2',
               ['<TASK>', 'dump_stack_lvl', 'lockdep_rcu_suspicious',
                'sta_info_get_bss [mac80211]',
                'ieee80211_del_station [mac80211]',
                'nl80211_del_station [cfg80211]', 'genl_family_rcv_msg_doit',
                'genl_rcv_msg', '?__pfx_nl80211_pre_doit [cfg80211]',
                'netlink_rcv_skb', 'genl_rcv', 'netlink_unicast',
                'netlink_sendmsg', '____sys_sendmsg', '___sys_sendmsg',
                '__sys_sendmsg', 'do_syscall_64',
                'entry_SYSCALL_64_after_hwframe', '</TASK>'],
               'sta_info_get_bss', dl=0)


def hung_61():
    rel = '6.1.0-rc8'
    L = ['INFO: task jbd2/sda1-8:412 blocked for more than 122 seconds.',
         '      Not tainted %s #1' % rel,
         '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this '
         'message.',
         'task:jbd2/sda1-8    state:D stack:0     pid:412   ppid:2      '
         'flags:0x00004000', 'Call Trace:', ' <TASK>']
    L += x86(['__schedule', 'schedule', 'io_schedule', 'bit_wait_io',
              '__wait_on_bit', 'out_of_line_wait_on_bit',
              'jbd2_journal_commit_transaction', 'kjournald2', 'kthread',
              'ret_from_fork'])
    L += [' </TASK>',
          'INFO: task kworker/u16:7:2210 blocked for more than 122 seconds.',
          '      Not tainted %s #1' % rel,
          '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this '
          'message.',
          'task:kworker/u16:7   state:D stack:0     pid:2210  ppid:2      '
          'flags:0x00004000',
          'Workqueue: writeback wb_workfn (flush-8:0)',
          'Call Trace:', ' <TASK>']
    L += x86(['__schedule', 'schedule', 'rwsem_down_read_slowpath',
              'down_read', 'ext4_map_blocks', 'ext4_writepages',
              'do_writepages', '__writeback_single_inode',
              'writeback_sb_inodes', 'wb_writeback', 'wb_workfn',
              'process_one_work', 'worker_thread', 'kthread',
              'ret_from_fork'])
    L += [' </TASK>', '', 'Showing all locks held in the system:']
    L += held('rcu_tasks_kthre', 12, [('rcu_tasks.tasks_gp_mutex', '+.+.',
                                       '3:3', '%016x' % 0xffffffff9b8c1e50,
                                       'rcu_tasks_one_gp')])
    L += held('rcu_tasks_trace', 13, [('rcu_tasks_trace.tasks_gp_mutex',
                                       '+.+.', '3:3',
                                       '%016x' % 0xffffffff9b8c1b90,
                                       'rcu_tasks_one_gp')])
    L += held('khungtaskd', 61, [('rcu_read_lock', '....', '1:2',
                                  '%016x' % 0xffffffff9b8c2a60,
                                  'debug_show_all_locks')])
    L += held('jbd2/sda1-8', 412, [])[1:] if False else []
    L += held('kworker/u16:7', 2210, [
        ('(wq_completion)writeback', '+.+.', '0:0', inst('wb'),
         'process_one_work'),
        ('(work_completion)(&(&wb->dwork)->work)', '+.+.', '0:0',
         inst('dw'), 'process_one_work'),
        ('&type->s_umount_key#31', '++++', '3:3', inst('su'),
         'super_trylock_shared'),
        ('&sbi->s_writepages_rwsem', '++++', '0:0', inst('wr'),
         'do_writepages'),
        ('jbd2_handle', '++++', '0:0', inst('jh'),
         'start_this_handle'),
        ('&ei->i_data_sem', '++++', '3:3', inst('ds'),
         'ext4_map_blocks')])
    L += ['4 locks held by rs:main Q:Reg/766:']
    L += held('dd', 3310, [
        ('sb_writers#3', '.+.+', '0:0', inst('sw'), 'ksys_write'),
        ('&sb->s_type->i_mutex_key#13', '++++', '3:3', inst('im'),
         'ext4_buffered_write_iter'),
        ('jbd2_handle', '++++', '0:0', inst('jh'), 'start_this_handle'),
        ('&ei->i_data_sem', '++++', '3:3', inst('ds'), 'ext4_map_blocks')])
    L += ['', '=============================================', '']
    return L, [label('hung_task_all_locks', [], [], 'jbd2/sda1-8', 412,
                     'jbd2_journal_commit_transaction', rel),
               label('hung_task_all_locks', [],
                     ['(wq_completion)writeback',
                      '(work_completion)(&(&wb->dwork)->work)',
                      '&type->s_umount_key#31', '&sbi->s_writepages_rwsem',
                      'jbd2_handle', '&ei->i_data_sem'],
                     'kworker/u16:7', 2210, 'ext4_map_blocks', rel)]


def hung_614_mutex():
    rel = '6.14.0-rc1-00003-g1a2b3c4d5e6f'
    L = ['INFO: task systemd-udevd:711 blocked for more than 143 seconds.',
         '      Not tainted %s #1' % rel,
         '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this '
         'message.',
         'task:systemd-udevd   state:D stack:0     pid:711   tgid:711   '
         'ppid:1      task_flags:0x400140 flags:0x00004002',
         'Call Trace:', ' <TASK>']
    L += x86(['__schedule', 'schedule', 'schedule_preempt_disabled',
              '__mutex_lock', '?blkdev_get_by_dev', 'bdev_open',
              'blkdev_open', 'do_dentry_open', 'vfs_open', 'path_openat',
              'do_filp_open', 'do_sys_openat2', '__x64_sys_openat',
              'do_syscall_64', 'entry_SYSCALL_64_after_hwframe'])
    L += ['RIP: 0033:0x7f0c2e51b6d4',
          'RSP: 002b:00007ffe5a3c8e10 EFLAGS: 00000246 ORIG_RAX: '
          '0000000000000101',
          ' </TASK>',
          'INFO: task systemd-udevd:711 is blocked on a mutex likely owned '
          'by task nbd-client:2950.',
          'task:nbd-client      state:S stack:0     pid:2950  tgid:2950  '
          'ppid:2949   task_flags:0x400100 flags:0x00000002',
          'Call Trace:', ' <TASK>']
    L += x86(['__schedule', 'schedule', 'schedule_timeout',
              'wait_for_completion_interruptible_timeout',
              'nbd_start_device_ioctl [nbd]', 'nbd_ioctl [nbd]',
              'blkdev_ioctl', '__x64_sys_ioctl', 'do_syscall_64',
              'entry_SYSCALL_64_after_hwframe'])
    L += [' </TASK>', '', 'Showing all locks held in the system:']
    L += held('khungtaskd', 38, [('rcu_read_lock', '....', '1:3',
                                  '%016x' % 0xffffffff8a7c3e20,
                                  'debug_show_all_locks')])
    L += held('systemd-udevd', 711, [
        ('&disk->open_mutex', '+.+.', '4:4', inst('om'), 'bdev_open')])
    L += held('nbd-client', 2950, [
        ('&disk->open_mutex', '+.+.', '4:4', inst('om'),
         'blkdev_ioctl'),
        ('&nbd->config_lock', '+.+.', '4:4', inst('nc'),
         'nbd_ioctl [nbd]')])
    L += ['', '=============================================', '']
    return L, [label('hung_task_all_locks', [], ['&disk->open_mutex'],
                     'systemd-udevd', 711, 'bdev_open', rel)]


def invalid_wait_612():
    rel = '6.12.0-rc1-00007-g8c1d2e3f4a5b'
    L = ['', '=============================', '[ BUG: Invalid wait context ]',
         rel + ' #1 Not tainted', '-----------------------------',
         'kworker/2:1/87 is trying to lock:',
         lock('&c->lock', '..-.', '3:3', inst('cl'), at='put_cpu_partial'),
         'other info that might help us debug this:', 'context-{2:2}']
    L += held('kworker/2:1', 87, [
        ('(wq_completion)events', '+.+.', '0:0', inst('ev'),
         'process_one_work'),
        ('(work_completion)(&rq->push_work)', '+.+.', '0:0', inst('pw'),
         'process_one_work'),
        ('&rq->__lock', '-.-.', '2:2', inst('rq'), 'raw_spin_rq_lock_nested')])
    L += ['stack backtrace:',
          'CPU: 2 UID: 0 PID: 87 Comm: kworker/2:1 Not tainted ' + rel
          + ' #1', 'Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), '
          'BIOS 1.16.3-debian-1.16.3-2 04/01/2014',
          'Workqueue: events rq_push_work', 'Call Trace:', ' <TASK>']
    L += x86(['dump_stack_lvl', '__lock_acquire', 'lock_acquire',
              '?put_cpu_partial', '_raw_spin_lock_irqsave',
              '?put_cpu_partial', 'put_cpu_partial', '__slab_free',
              'kfree', 'sched_free_push_ctx', 'rq_push_work',
              'process_one_work', 'worker_thread', 'kthread',
              'ret_from_fork', 'ret_from_fork_asm', '</TASK>'])
    return L, label('invalid_wait_context', ['&c->lock'],
                    ['(wq_completion)events',
                     '(work_completion)(&rq->push_work)', '&rq->__lock'],
                    'kworker/2:1', 87, 'put_cpu_partial', rel)


def invalid_wait_510():
    rel = '5.10.0-rc4'
    L = ['', '=============================', '[ BUG: Invalid wait context ]',
         rel + ' #1 Not tainted', '-----------------------------',
         'swapper/0/1 is trying to lock:',
         lock('&port_lock_key', '-.-.', '3:3', '%016x' % 0xffffffff84c2e3a0,
              at='serial8250_console_write'),
         'other info that might help us debug this:', 'context-{2:2}']
    L += held('swapper/0', 1, [
        ('console_lock', '+.+.', '0:0', '%016x' % 0xffffffff82a9bf20,
         'vprintk_emit'),
        ('console_owner', '-...', '0:0', '%016x' % 0xffffffff82a9bee0,
         'console_unlock'),
        ('(console_sem).lock', '-.-.', '2:2', '%016x' % 0xffffffff82a9c058,
         'up')])
    L += ['stack backtrace:',
          'CPU: 0 PID: 1 Comm: swapper/0 Not tainted ' + rel + ' #1',
          'Call Trace:']
    L += x86(['dump_stack', '__lock_acquire.cold', 'lock_acquire',
              '?serial8250_console_write', '_raw_spin_lock_irqsave',
              '?serial8250_console_write', 'serial8250_console_write',
              'console_unlock', 'vprintk_emit', 'printk',
              'serial8250_config_port', 'uart_add_one_port',
              'serial8250_register_8250_port', 'dw8250_probe',
              'platform_drv_probe', 'really_probe', 'driver_probe_device',
              'device_driver_attach', '__driver_attach', 'bus_for_each_dev',
              'bus_add_driver', 'driver_register', 'do_one_initcall',
              'kernel_init_freeable', 'kernel_init', 'ret_from_fork'])
    return L, label('invalid_wait_context', ['&port_lock_key'],
                    ['console_lock', 'console_owner', '(console_sem).lock'],
                    'swapper/0', 1, 'serial8250_console_write', rel)
