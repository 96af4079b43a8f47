from specs import *

@rep('h07-hung-task-nbd-syzbot-5.15.log', 'NETWORK BLOCK DEVICE (NBD)',
     'nbd flushes its receive workqueue while holding config_lock, which the receive work needs',
     'syzbot "INFO: task hung in nbd_ioctl" / "task hung in __flush_workqueue" (5.x)')
def _():
    r = R('syz', '5.15.0-rc2-syzkaller', 'syz-executor.3', 8123)
    hung(r, 143, 'task:syz-executor.3  state:D stack:27432 pid: 8123 ppid:  6552 flags:0x00004004',
         'context_switch! __schedule schedule schedule_timeout do_wait_for_common! __wait_for_common! wait_for_common! '
         'wait_for_completion __flush_workqueue nbd_start_device_ioctl! __nbd_ioctl! nbd_ioctl blkdev_ioctl ' + IOCTL,
         [('khungtaskd/27', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('syz-executor.3/8123', [('&nbd->config_lock', '+.+.', '3:3', 'nbd_ioctl')]),
          ('kworker/u5:1/8131', [('(wq_completion)knbd0-recv', '+.+.', '0:0', 'process_one_work'),
                                 ('(work_completion)(&args->work)', '+.+.', '0:0', 'process_one_work'),
                                 ]),
          ('syz-executor.1/8140', [('&disk->open_mutex', '+.+.', '3:3', 'blkdev_get_by_dev')])])
    return r

@rep('h08-rcu-netfilter-dump-syzbot.log', 'NETFILTER',
     'nf_tables walks its RCU chain list in a dump continued from recvmsg without rcu_read_lock',
     'syzbot "WARNING: suspicious RCU usage in nf_tables_dump_..." (RCU-list traversed in non-reader section)')
def _():
    r = R('syz', SYZ, 'syz-executor.5', 9012)
    rcu(r, 'net/netfilter/nf_tables_api.c:1905 RCU-list traversed in non-reader section!!',
        [('nlk_cb_mutex-NETFILTER', '+.+.', '3:3', 'netlink_dump')],
        BTRCU + ' nf_tables_dump_chains netlink_dump netlink_recvmsg sock_recvmsg_nosec! sock_recvmsg ____sys_recvmsg '
        '___sys_recvmsg __sys_recvmsg ' + SYS)
    return r

@rep('h09-rcu-kvm-steal-time-dmesg.log', 'KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)',
     'KVM/x86 marks steal time preempted from the sched-out notifier and reads memslots without kvm->srcu',
     'kvm list "suspicious RCU usage in kvm_steal_time_set_preempted" (preempt notifier path)')
def _():
    r = R('plain', '', 'qemu-system-x86', 3412, cpu=5, ts=1184.2)
    r.release, r.build = '5.13.0-rc3+', '#27'
    r.hw = 'Dell Inc. PowerEdge R740/0WRPXK, BIOS 2.10.2 02/24/2021'
    rcu(r, 'include/linux/kvm_host.h:964 suspicious rcu_dereference_check() usage!',
        [('&vcpu->mutex', '+.+.', '3:3', 'kvm_vcpu_ioctl[kvm]')],
        BTRCU + ' kvm_steal_time_set_preempted[kvm] kvm_arch_vcpu_put@arch/x86/kvm/x86.c[kvm] kvm_sched_out[kvm] '
        '__schedule schedule kvm_vcpu_block[kvm] kvm_vcpu_halt[kvm] kvm_arch_vcpu_ioctl_run@arch/x86/kvm/x86.c[kvm] '
        'kvm_vcpu_ioctl[kvm] ' + IOCTL, rsa=2)
    return r

@rep('h10-rcu-perf-cgroup-switch-dmesg.log', 'PERFORMANCE EVENTS SUBSYSTEM',
     'perf_cgroup_switch reads the task css set on context switch without RCU protection',
     'LKML "suspicious RCU usage in perf_cgroup_switch" (perf cgroup events, 5.x)')
def _():
    r = R('plain', '', 'perf', 2307, cpu=0, ts=96.1)
    r.release, r.build = '5.18.0-rc2+', '#4'
    rcu(r, 'include/linux/cgroup.h:494 suspicious rcu_dereference_check() usage!',
        [('&rq->__lock', '-.-.', '2:2', 'raw_spin_rq_lock_nested')],
        BTRCU + ' perf_cgroup_from_task! perf_cgroup_switch __perf_event_task_sched_out '
        'perf_event_task_sched_out! prepare_task_switch! context_switch! __schedule schedule do_nanosleep hrtimer_nanosleep '
        'common_nsleep __x64_sys_clock_nanosleep@kernel/time/posix-timers.c ' + SYS)
    return r

@rep('h11-circular-xfs-kswapd-5.4.log', 'XFS FILESYSTEM',
     'xfs reclaims an inode taking the ILOCK from kswapd while its delalloc path allocates with __GFP_FS under the ILOCK',
     'linux-xfs "possible circular locking dependency: fs_reclaim --> &xfs_nondir_ilock_class"')
def _():
    r = R('plain', '', 'kswapd0', 71, cpu=6, ts=48211.9)
    r.release, r.build = '5.4.0-rc6-dgc+', '#1504'
    il = '&xfs_nondir_ilock_class'
    circular(r, (il, '++++', None, 'xfs_ilock[xfs]'), ('fs_reclaim', '+.+.', None, '__fs_reclaim_acquire'),
        [('fs_reclaim', '+.+.', None, '__fs_reclaim_acquire fs_reclaim_acquire __kmalloc@mm/slab_common.c krealloc '
          'xfs_iext_realloc_root[xfs] xfs_iext_insert[xfs] xfs_bmap_add_extent_hole_delay[xfs] '
          'xfs_bmapi_reserve_delalloc[xfs] xfs_buffered_write_iomap_begin[xfs] iomap_iter iomap_file_buffered_write '
          'xfs_file_buffered_write[xfs] xfs_file_write_iter[xfs] ' + WRITE),
         (il, '++++', None, H0 + ' down_write_nested xfs_ilock[xfs] xfs_reclaim_inode[xfs] xfs_icwalk_ag[xfs] '
          'xfs_icwalk[xfs] xfs_reclaim_inodes_nr[xfs] super_cache_scan do_shrink_slab shrink_slab shrink_node '
          'balance_pgdat kswapd kthread ' + RF)],
        None, [('fs_reclaim', '+.+.', None, '__fs_reclaim_acquire'),
               ('&type->s_umount_key#52', '++++', None, 'trylock_super')],
        BTC + ' down_write_nested xfs_ilock[xfs] xfs_reclaim_inode[xfs] xfs_icwalk_ag[xfs] xfs_icwalk[xfs] '
        'xfs_reclaim_inodes_nr[xfs] super_cache_scan do_shrink_slab shrink_slab shrink_node balance_pgdat kswapd kthread ' + RF)
    return r

@rep('h12-recursive-bpf-ringbuf-syzbot.log', 'BPF [RINGBUF]',
     'a BPF program on the contention_end tracepoint re-enters bpf_ringbuf_reserve while the ring buffer spinlock is contended',
     'syzbot "possible deadlock in __bpf_ringbuf_reserve"')
def _():
    r = R('syz', '6.1.0-rc8-syzkaller-00152-g2b3c2b1f6d56', 'syz-executor.0', 6021)
    rb = '&rb->spinlock'
    inner = ('_raw_spin_lock_irqsave __bpf_ringbuf_reserve ____bpf_ringbuf_reserve! bpf_ringbuf_reserve '
             'bpf_prog_9efe54833449f08e bpf_dispatcher_nop_func! __bpf_prog_run! bpf_prog_run! ')
    recursive(r, (rb, '-.-.', '2:2', '__bpf_ringbuf_reserve'), (rb, '-.-.', '2:2', '__bpf_ringbuf_reserve'),
        [('rcu_read_lock', '....', '1:2', '__bpf_prog_test_run_raw_tp'), (rb, '-.-.', '2:2', '__bpf_ringbuf_reserve'),
         ('rcu_read_lock', '....', '1:2', '__bpf_trace_run!')],
        BTR + ' __raw_spin_lock_irqsave! ' + inner + '__bpf_trace_run! bpf_trace_run2 __traceiter_contention_end '
        'queued_spin_lock_slowpath@kernel/locking/qspinlock.c queued_spin_lock! do_raw_spin_lock@kernel/locking/spinlock_debug.c '
        '__raw_spin_lock_irqsave! ' + inner + '__bpf_prog_test_run_raw_tp bpf_prog_test_run_raw_tp bpf_prog_test_run! '
        '__sys_bpf __do_sys_bpf! __se_sys_bpf! __x64_sys_bpf ' + SYS)
    return r

@rep('h13-circular-block-elevator-sysfs-dmesg.log', 'BLOCK LAYER',
     'the block layer removes the elevator sysfs directory (kernfs drain) while holding q->sysfs_lock, which its sysfs store handlers take under kn->active',
     'linux-block "possible circular locking dependency: kn->active#N --> &q->sysfs_lock" on scheduler switch')
def _():
    r = R('plain', '', 'bash', 1187, cpu=1, ts=311.7)
    r.release, r.build = '6.0.0-rc4+', '#3'
    kn = 'kn->active#115'
    q = '&q->sysfs_lock'
    st = 'queue_attr_store sysfs_kf_write kernfs_fop_write_iter ' + WRITE
    circular(r, (kn, '++++', '0:0', 'kernfs_remove'), (q, '+.+.', '3:3', 'queue_attr_store'),
        [(q, '+.+.', '3:3', '__mutex_lock mutex_lock_nested ' + st),
         (kn, '++++', '0:0', H0 + ' kernfs_drain __kernfs_remove kernfs_remove@fs/kernfs/dir.c sysfs_remove_dir@fs/sysfs/dir.c '
          '__kobject_del kobject_del elv_unregister_queue elevator_switch __elevator_change elv_iosched_store ' + st)],
        None, [('sb_writers#4', '.+.+', '0:0', 'ksys_write'), ('&of->mutex', '+.+.', '3:3', 'kernfs_fop_write_iter'),
               ('kn->active#116', '.+.+', '0:0', 'kernfs_fop_write_iter'), (q, '+.+.', '3:3', 'queue_attr_store'),
               ('&q->debugfs_mutex', '+.+.', '3:3', 'elevator_switch')],
        BTC + ' kernfs_drain __kernfs_remove kernfs_remove@fs/kernfs/dir.c sysfs_remove_dir@fs/sysfs/dir.c __kobject_del '
        'kobject_del elv_unregister_queue elevator_switch __elevator_change elv_iosched_store ' + st)
    return r

@rep('h14-inconsistent-tipc-sub-timeout-syzbot.log', 'TIPC NETWORK LAYER',
     'tipc takes sub->lock with softirqs enabled when reporting an overlap from bind, and in the subscription timer (softirq)',
     'syzbot "inconsistent lock state in tipc_sub_timeout"-style report')
def _():
    r = R('syz', SYZ, 'swapper/1', 0, cpu=1)
    s = '&sub->lock'
    inconsistent(r, 'SOFTIRQ-ON-W', 'IN-SOFTIRQ-W', 'HC0[0]:SC1[1]:HE1:SE0', (s, '+.?.', '2:2', 'spin_lock! tipc_sub_timeout'),
        'lock_acquire! lock_acquire __raw_spin_lock! _raw_spin_lock spin_lock! tipc_sub_report_overlap tipc_service_insert_publ '
        'tipc_nametbl_insert_publ tipc_nametbl_publish tipc_sk_publish tipc_sk_bind __tipc_bind tipc_bind __sys_bind '
        '__do_sys_bind! __se_sys_bind! __x64_sys_bind ' + SYS, STAMP,
        [('(&sub->timer)', '+.-.', '0:0', 'call_timer_fn')],
        '<IRQ> ' + BTI + ' __raw_spin_lock! _raw_spin_lock spin_lock! tipc_sub_timeout call_timer_fn expire_timers! __run_timers '
        'run_timer_softirq __do_softirq invoke_softirq! __irq_exit_rcu irq_exit_rcu sysvec_apic_timer_interrupt </IRQ> <TASK> '
        'asm_sysvec_apic_timer_interrupt default_idle@arch/x86/kernel/process.c default_idle_call cpuidle_idle_call! do_idle '
        'cpu_startup_entry start_secondary@arch/x86/kernel/smpboot.c secondary_startup_64_no_verify')
    return r
