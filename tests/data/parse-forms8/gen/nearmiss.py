# SPDX-License-Identifier: GPL-2.0
# Round 8's near misses and the foreign text around reports: what a
# console shows that is no lockdep report.
from lib import x86, lock, off, banner, inst, held

WHY = {}


def selftest_verbose():
    """locking-selftest with debug_locks_verbose=1: the splats it provokes
    and expects, each followed by its '  ok  |' verdict"""
    rel = '6.1.0-rc2-00004-g1f2a3b4c5d6e'
    L = ['Lock dependency validator: Copyright (c) 2006 Red Hat, Inc., '
         'Ingo Molnar',
         '... MAX_LOCKDEP_SUBCLASSES:  8',
         '... MAX_LOCK_DEPTH:          48',
         '... MAX_LOCKDEP_KEYS:        8192',
         '... CLASSHASH_SIZE:          4096',
         '... MAX_LOCKDEP_ENTRIES:     32768',
         '... MAX_LOCKDEP_CHAINS:      65536',
         '... CHAINHASH_SIZE:          32768',
         ' memory used by lock dependency info: 6365 kB',
         ' memory used for stack traces: 4224 kB',
         ' per task-struct memory footprint: 1920 bytes',
         '------------------------',
         '| Locking API testsuite:',
         '----------------------------------------------------------------'
         '------------',
         '                                 | spin |wlock |rlock |mutex | '
         'wsem | rsem |rtmutex',
         '  --------------------------------------------------------------'
         '------------',
         '                     A-A deadlock:']
    L += banner('WARNING: possible recursive locking detected',
                rel + ' #1 Not tainted')
    L += ['swapper/0/0 is trying to acquire lock:',
          lock('lock_A', '+.+.', '2:2', '%016x' % 0xffffffff8379e2d8,
               at='AA_spin'),
          '', 'but task is already holding lock:',
          lock('lock_A', '+.+.', '2:2', '%016x' % 0xffffffff8379e2d8,
               at='AA_spin'),
          '', 'other info that might help us debug this:',
          ' Possible unsafe locking scenario:', '', '       CPU0',
          '       ----', '  lock(lock_A);', '  lock(lock_A);', '',
          ' *** DEADLOCK ***', '',
          ' May be due to missing lock nesting notation', '']
    L += held('swapper/0', 0, [('lock_A', '+.+.', '2:2',
                                '%016x' % 0xffffffff8379e2d8, 'AA_spin')])
    L += ['', 'stack backtrace:',
          'CPU: 0 PID: 0 Comm: swapper/0 Not tainted ' + rel + ' #1',
          'Hardware name: QEMU Standard PC (Q35 + ICH9, 2009), BIOS '
          '1.15.0-1 04/01/2014', 'Call Trace:', ' <TASK>']
    L += x86(['dump_stack_lvl', '__lock_acquire.cold', 'lock_acquire',
              '?AA_spin', '_raw_spin_lock', '?AA_spin', 'AA_spin',
              'dotest', 'locking_selftest', 'start_kernel',
              'secondary_startup_64_no_verify', '</TASK>'])
    L += ['  ok  | lockclass mask: 1, debug_locks: 0, expected: 0',
          '                    A-B-B-A deadlock:  ok  |  ok  |  ok  |  ok  '
          '|  ok  |  ok  |  ok  |',
          '  --------------------------------------------------------------'
          '------------',
          '  | Wound/wait tests |', '  ---------------------',
          '                  ww api failures:  ok  |  ok  |  ok  |',
          '               ww contexts mixing:  ok  |  ok  |',
          '             finishing ww context:  ok  |  ok  |  ok  |  ok  |',
          '  -----------------------------------------------------',
          '                                 |block | try  |context|',
          '  -----------------------------------------------------',
          '                          context:  ok  |  ok  |  ok  |',
          '                              try:  ok  |  ok  |  ok  |',
          '-------------------------------------------------------',
          'Good, all 261 testcases passed! |',
          '---------------------------------']
    return L


def assert_held_warn():
    """lockdep_assert_held() is a WARN_ON: no lockdep report"""
    rel = '6.4.0-rc3-wt-00017-g3c4d5e6f7a8b'
    L = ['------------[ cut here ]------------',
         'WARNING: CPU: 3 PID: 1290 at net/mac80211/link.c:472 '
         + off('ieee80211_set_active_links [mac80211]'),
         'Modules linked in: ccm iwlmvm mac80211 libarc4 iwlwifi cfg80211 '
         'rfkill snd_hda_intel snd_intel_dspcfg e1000e',
         'CPU: 3 PID: 1290 Comm: wpa_supplicant Not tainted ' + rel + ' #1',
         'Hardware name: LENOVO 21CBCTO1WW/21CBCTO1WW, BIOS N3AET72W '
         '(1.37 ) 03/02/2023',
         'RIP: 0010:' + off('ieee80211_set_active_links [mac80211]'),
         'Code: 48 89 df e8 5a fe ff ff 41 89 c4 e9 6c ff ff ff 48 8d bb 80 '
         '00 00 00 be ff ff ff ff e8 0f 3a 5f e1 85 c0 0f 85 02 ff ff ff '
         '<0f> 0b e9 fb fe ff ff 0f 0b 41 bc ea ff ff ff e9 61 ff ff ff',
         'RSP: 0018:ffffc90001f6b8c8 EFLAGS: 00010246',
         'RAX: 0000000000000000 RBX: ffff888112a40900 RCX: 0000000000000001',
         'Call Trace:', ' <TASK>']
    L += x86(['?__warn', '?ieee80211_set_active_links [mac80211]',
              '?report_bug', '?handle_bug', '?exc_invalid_op',
              '?asm_exc_invalid_op', '?ieee80211_set_active_links [mac80211]',
              'ieee80211_mgd_assoc_ml_reconf [mac80211]',
              'cfg80211_assoc_ml_reconf [cfg80211]',
              'nl80211_assoc_ml_reconf [cfg80211]',
              'genl_family_rcv_msg_doit', 'genl_rcv_msg', 'netlink_rcv_skb',
              'genl_rcv', 'netlink_unicast', 'netlink_sendmsg',
              '__sys_sendto', '__x64_sys_sendto', 'do_syscall_64',
              'entry_SYSCALL_64_after_hwframe', '</TASK>'])
    L += ['irq event stamp: 180245',
          'hardirqs last  enabled at (180251): [<ffffffff811c2f6e>] '
          '__up_console_sem+0x5e/0x70',
          'hardirqs last disabled at (180256): [<ffffffff811c2f53>] '
          '__up_console_sem+0x43/0x70',
          'softirqs last  enabled at (179436): [<ffffffff81e1b2a5>] '
          'release_sock+0x95/0xb0',
          'softirqs last disabled at (179434): [<ffffffff81e1b22a>] '
          'release_sock+0x1a/0xb0',
          '---[ end trace 0000000000000000 ]---']
    return L


def debug_locks_warn_on():
    """DEBUG_LOCKS_WARN_ON and 'BUG: key ... has not been registered!'"""
    rel = '6.7.0-rc1-00055-g4d5e6f7a8b9c'
    L = ['BUG: key ffff88810b4c2e18 has not been registered!',
         '------------[ cut here ]------------',
         'DEBUG_LOCKS_WARN_ON(1)',
         'WARNING: CPU: 1 PID: 2204 at kernel/locking/lockdep.c:4920 '
         + off('lockdep_init_map_type'),
         'Modules linked in: bcachefs lz4hc_compress lz4_compress',
         'CPU: 1 PID: 2204 Comm: mount Not tainted ' + rel + ' #3',
         'Hardware name: QEMU Standard PC (i440FX + PIIX, 1996), BIOS '
         '1.16.2-debian-1.16.2-1 04/01/2014',
         'RIP: 0010:' + off('lockdep_init_map_type'),
         'RSP: 0018:ffffc90002a0f9d8 EFLAGS: 00010282',
         'Call Trace:', ' <TASK>']
    L += x86(['?__warn', '?lockdep_init_map_type', '?report_bug',
              '?handle_bug', '?exc_invalid_op', '?asm_exc_invalid_op',
              'lockdep_init_map_type', '__raw_spin_lock_init',
              'bch2_fs_btree_key_cache_init [bcachefs]',
              'bch2_fs_alloc [bcachefs]', 'bch2_fs_open [bcachefs]',
              'bch2_mount [bcachefs]', 'legacy_get_tree', 'vfs_get_tree',
              'path_mount', '__x64_sys_mount', 'do_syscall_64',
              'entry_SYSCALL_64_after_hwframe', '</TASK>'])
    L += ['---[ end trace 0000000000000000 ]---']
    return L


def non_static_key_max_chains():
    rel = '5.19.0-rc8'
    L = ['INFO: trying to register non-static key.',
         'The code is fine but needs lockdep annotation, or maybe',
         "you didn't initialize this object before use?",
         'turning off the locking correctness validator.',
         'CPU: 0 PID: 917 Comm: kworker/0:3 Not tainted ' + rel + ' #1',
         'Hardware name: Raspberry Pi 4 Model B Rev 1.4 (DT)',
         'Workqueue: events_freezable mmc_rescan',
         'Call trace:']
    from lib import arm64
    L += arm64(['dump_backtrace', 'show_stack', 'dump_stack_lvl',
                'dump_stack', 'register_lock_class', '__lock_acquire',
                'lock_acquire', '_raw_spin_lock_irqsave',
                'sdhci_request', 'mmc_start_request', 'mmc_wait_for_req',
                'mmc_wait_for_cmd', 'mmc_send_status', 'mmc_rescan',
                'process_one_work', 'worker_thread', 'kthread',
                'ret_from_fork'])
    return L


def max_chains():
    rel = '6.12.0-rc5-00098-g2b4f6d8e0a1c'
    L = ['BUG: MAX_LOCKDEP_CHAINS too low!',
         'turning off the locking correctness validator.',
         'Please attach the output of /proc/lock_stat to the bug report',
         'CPU: 3 UID: 0 PID: 4409 Comm: iw Tainted: G        W          '
         + rel + ' #2', 'Tainted: [W]=WARN',
         'Hardware name: Framework Laptop 13 (AMD Ryzen 7040Series)/'
         'FRANMDCP07, BIOS 03.05 03/29/2024',
         'Call Trace:', ' <TASK>']
    L += x86(['dump_stack_lvl', 'add_chain_cache', 'validate_chain',
              '__lock_acquire', 'lock_acquire', '_raw_spin_lock_bh',
              'ieee80211_sta_flush [mac80211]', 'nl80211_del_station '
              '[cfg80211]', 'genl_family_rcv_msg_doit', 'genl_rcv_msg',
              'netlink_rcv_skb', 'genl_rcv', 'netlink_unicast',
              'netlink_sendmsg', '____sys_sendmsg', '___sys_sendmsg',
              '__sys_sendmsg', 'do_syscall_64',
              'entry_SYSCALL_64_after_hwframe', '</TASK>'])
    return L


def hung_lockdep_off():
    rel = '6.2.0-rc6'
    L = ['INFO: task kworker/1:2:187 blocked for more than 491 seconds.',
         '      Tainted: G        W          %s #1' % rel,
         '"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this '
         'message.',
         'task:kworker/1:2     state:D stack:0     pid:187   ppid:2      '
         'flags:0x00004000',
         'Workqueue: events drm_fb_helper_damage_work', 'Call Trace:',
         ' <TASK>']
    L += x86(['__schedule', 'schedule', 'schedule_preempt_disabled',
              '__mutex_lock', 'drm_fb_helper_damage_work',
              'process_one_work', 'worker_thread', 'kthread',
              'ret_from_fork'])
    # debug_show_all_locks() prints this instead of its dump, header and
    # trailer included, when lockdep is off
    L += [' </TASK>', 'INFO: lockdep is turned off.']
    return L


def kasan(task, pid, rel, where):
    L = ['=' * 66,
         'BUG: KASAN: slab-use-after-free in ' + off(where),
         'Read of size 8 at addr ffff88810a2c3e18 by task %s/%d' % (task,
                                                                   pid),
         '', 'CPU: 0 PID: %d Comm: %s Not tainted %s #1' % (pid, task, rel),
         'Call Trace:', ' <TASK>']
    L += x86(['dump_stack_lvl', 'print_report', '?' + where, 'kasan_report',
              '?' + where, where, 'io_wq_cancel_cb', 'io_uring_cancel_generic',
              'do_exit', 'do_group_exit', '__x64_sys_exit_group',
              'do_syscall_64', 'entry_SYSCALL_64_after_hwframe', '</TASK>'])
    L += ['', 'Allocated by task 6101:']
    L += x86(['kasan_save_stack', 'kasan_set_track', '__kasan_kmalloc',
              'io_wq_create', 'io_uring_alloc_task_context',
              '__io_uring_add_tctx_node', '__do_sys_io_uring_setup'])
    L += ['', 'Freed by task 6119:']
    L += x86(['kasan_save_stack', 'kasan_set_track',
              'kasan_save_free_info', '__kasan_slab_free', '__kmem_cache_free',
              'io_wq_put_and_exit', 'io_uring_clean_tctx', 'do_exit'])
    L += ['', 'The buggy address belongs to the object at ffff88810a2c3e00',
          ' which belongs to the cache kmalloc-512 of size 512',
          'The buggy address is located 24 bytes inside of',
          ' 512-byte region [ffff88810a2c3e00, ffff88810a2c4000)', '',
          'Memory state around the buggy address:',
          ' ffff88810a2c3d00: fc fc fc fc fc fc fc fc fc fc fc fc fc fc fc fc',
          '>ffff88810a2c3e00: fa fb fb fb fb fb fb fb fb fb fb fb fb fb fb fb',
          '                            ^',
          ' ffff88810a2c3f00: fb fb fb fb fb fb fb fb fb fb fb fb fb fb fb fb',
          '=' * 66]
    return L


def ubsan():
    return ['=' * 80,
            'UBSAN: shift-out-of-bounds in drivers/s390/net/qeth_l3_main.c:'
            '1422:19',
            'shift exponent 64 is too large for 64-bit type \'long unsigned '
            'int\'',
            'CPU: 4 PID: 99 Comm: kworker/u128:2 Not tainted '
            '6.1.0-rc6-00112-g7ac3c1d2e4f9 #1',
            'Hardware name: IBM 8561 T01 703 (LPAR)',
            'Call Trace:',
            ' [<0000000270a1b2c0>] dump_stack_lvl+0x90/0xc8 ',
            ' [<0000000270f1d3a8>] __ubsan_handle_shift_out_of_bounds+0x150/'
            '0x1e8 ',
            ' [<000003ff8021a6b4>] qeth_l3_set_rx_mode+0x2cc/0x310 [qeth_l3] ',
            '=' * 80]
