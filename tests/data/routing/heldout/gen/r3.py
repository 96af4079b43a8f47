from specs import *

@rep('h15-circular-loop-open-mutex-syzbot-5.13.log', 'BLOCK LAYER',
     'loop rereads partitions (disk->open_mutex) while holding lo_mutex, which lo_release takes under open_mutex',
     'syzbot "possible deadlock in blkdev_put" / "in loop_reread_partitions" (5.12-5.14)')
def _():
    r = R('syz', '5.13.0-rc4-syzkaller', 'syz-executor.2', 11873)
    lo = '&lo->lo_mutex'
    om = '&disk->open_mutex'
    circular(r, (om, '+.+.', '3:3', 'loop_reread_partitions'), (lo, '+.+.', '3:3', 'loop_configure'),
        [(lo, '+.+.', '3:3', '__mutex_lock_common! __mutex_lock lo_release blkdev_put_whole blkdev_put blkdev_close __fput '
          'task_work_run resume_user_mode_work! exit_to_user_mode_loop exit_to_user_mode_prepare '
          '__syscall_exit_to_user_mode_work! syscall_exit_to_user_mode do_syscall_64 entry_SYSCALL_64_after_hwframe'),
         (om, '+.+.', '3:3', H0 + ' __mutex_lock_common! __mutex_lock loop_reread_partitions loop_configure lo_ioctl '
          'blkdev_ioctl ' + IOCTL)],
        None, [(lo, '+.+.', '3:3', 'loop_configure')],
        BTC + ' __mutex_lock_common! __mutex_lock loop_reread_partitions loop_configure lo_ioctl blkdev_ioctl ' + IOCTL)
    return r

@rep('h16-rcu-ipv6-fib6-gc-timer-syzbot.log', 'NETWORKING [IPv4/IPv6]',
     'fib6 garbage collection ages route exceptions from the gc timer dereferencing rt6i_exception_bucket without the lock its check names',
     'syzbot "WARNING: suspicious RCU usage in rt6_age_exceptions"')
def _():
    r = R('syz', SYZ, 'swapper/0', 0, cpu=0)
    rcu(r, 'net/ipv6/route.c:1870 suspicious rcu_dereference_protected() usage!',
        [('(&net->ipv6.ip6_fib_timer)', '+.-.', '0:0', 'call_timer_fn'),
         ('&net->ipv6.fib6_gc_lock', '+.-.', '2:2', 'spin_lock_bh! fib6_run_gc'),
         ('rcu_read_lock', '....', '1:2', '__fib6_clean_all')],
        '<IRQ> ' + BTRCU + ' rt6_age_exceptions fib6_age fib6_clean_node fib6_walk_continue fib6_walk fib6_clean_tree '
        '__fib6_clean_all fib6_run_gc fib6_gc_timer_cb call_timer_fn expire_timers! __run_timers run_timer_softirq '
        '__do_softirq invoke_softirq! __irq_exit_rcu irq_exit_rcu sysvec_apic_timer_interrupt </IRQ> <TASK> '
        'asm_sysvec_apic_timer_interrupt default_idle@arch/x86/kernel/process.c default_idle_call cpuidle_idle_call! do_idle '
        'cpu_startup_entry rest_init arch_call_rest_init start_kernel secondary_startup_64_no_verify', rsa=2)
    return r

@rep('h17-invalid-wait-aspeed-gpio-arm32.log', 'ARM/ASPEED MACHINE SUPPORT',
     'the aspeed gpio irqchip takes a spinlock_t from irq_set_type, called under the raw irq descriptor lock',
     'linux-gpio "[ BUG: Invalid wait context ]" in aspeed_gpio_set_type (fixed by a raw_spinlock_t conversion)')
def _():
    r = R('plain', '', 'swapper/0', 1, cpu=0, ts=2.3, arch='arm32')
    r.release, r.build = '6.1.0-rc1-00124-g7b7bc2d4a1e2', '#8'
    r.hw = 'Generic DT based system'
    invalid_wait(r, ('&gpio->lock', '....', '3:3', 'aspeed_gpio_set_type'), '4:4',
        [('&dev->mutex', '....', '4:4', '__driver_attach'), ('&desc->request_mutex', '+.+.', '4:4', '__setup_irq'),
         ('&irq_desc_lock_class', '-.-.', '2:2', '__setup_irq')],
        'unwind_backtrace@arch/arm/kernel/unwind.c show_stack@arch/arm/kernel/traps.c dump_stack_lvl@lib/dump_stack.c '
        '__lock_acquire lock_acquire _raw_spin_lock_irqsave aspeed_gpio_set_type __irq_set_trigger __setup_irq '
        'request_threaded_irq devm_request_threaded_irq devm_request_any_context_irq gpio_keys_probe platform_probe '
        'really_probe __driver_probe_device driver_probe_device __driver_attach bus_for_each_dev bus_add_driver '
        'driver_register do_one_initcall kernel_init_freeable kernel_init ret_from_fork@arch/arm/kernel/entry-common.S')
    return r

@rep('h18-recursive-hfs-find-init-syzbot.log', 'HFS FILESYSTEM',
     'hfs grows the catalog B-tree file while holding the catalog tree_lock and then looks up the extents tree, taking the same tree_lock class again',
     'syzbot "possible deadlock in hfs_find_init"')
def _():
    r = R('syz', '6.1.0-syzkaller-13822-g6feb57c2fd7c', 'syz-executor.0', 5077)
    t = '&tree->tree_lock'
    recursive(r, (t, '+.+.', '3:3', 'hfs_find_init@fs/hfs/bfind.c'), (t, '+.+.', '3:3', 'hfs_find_init@fs/hfs/bfind.c'),
        [('sb_writers#12', '.+.+', '0:0', 'mnt_want_write'), ('&type->i_mutex_dir_key#7', '++++', '3:3', 'inode_lock! open_last_lookups!'),
         (t, '+.+.', '3:3', 'hfs_find_init@fs/hfs/bfind.c'), ('&HFS_I(tree->inode)->extents_lock', '+.+.', '3:3', 'hfs_extend_file')],
        BTR + ' __mutex_lock_common! __mutex_lock hfs_find_init@fs/hfs/bfind.c hfs_ext_read_extent hfs_extend_file '
        'hfs_bmap_reserve@fs/hfs/btree.c hfs_cat_create hfs_create lookup_open! open_last_lookups! path_openat do_filp_open '
        'do_sys_openat2 do_sys_open! __do_sys_openat! __se_sys_openat! __x64_sys_openat ' + SYS)
    return r

@rep('h19-circular-ar5523-tx-wd-work-dmesg.log', 'USB AR5523 WIRELESS DRIVER',
     'ar5523_stop cancels tx_wd_work synchronously while holding ar->mutex, which the work takes',
     'linux-wireless "possible circular locking dependency: (work_completion)(&ar->tx_wd_work) --> &ar->mutex"')
def _():
    r = R('plain', '', 'NetworkManager', 733, cpu=2, ts=1422.8)
    r.release, r.build = '6.1.0-rc5+', '#2'
    r.hw = 'LENOVO 20HRCTO1WW/20HRCTO1WW, BIOS N1MET63W (1.48 ) 07/23/2020'
    m = '&ar->mutex'
    w = '(work_completion)(&ar->tx_wd_work)'
    stop = ('ar5523_stop[ar5523] drv_stop@net/mac80211/driver-ops.c[mac80211] ieee80211_stop_device[mac80211] '
            'ieee80211_do_stop[mac80211] ieee80211_stop[mac80211] __dev_close_many __dev_change_flags dev_change_flags '
            'do_setlink __rtnl_newlink rtnl_newlink rtnetlink_rcv_msg netlink_rcv_skb netlink_unicast netlink_sendmsg '
            'sock_sendmsg __sys_sendto __x64_sys_sendto ' + SYS)
    circular(r, (w, '+.+.', '0:0', '__flush_work'), (m, '+.+.', '3:3', 'ar5523_stop[ar5523]'),
        [(m, '+.+.', '3:3', '__mutex_lock mutex_lock_nested ar5523_tx_wd_work[ar5523] ' + KW),
         (w, '+.+.', '0:0', H0 + ' __flush_work __cancel_work_timer cancel_work_sync ' + stop)],
        None, [('rtnl_mutex', '+.+.', '3:3', 'rtnetlink_rcv_msg'), (m, '+.+.', '3:3', 'ar5523_stop[ar5523]')],
        BTC + ' __flush_work __cancel_work_timer cancel_work_sync ' + stop)
    return r
