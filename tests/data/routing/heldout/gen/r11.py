# Batch 7 (h121-h140): subsystems and shapes no earlier batch or the corpus
# had (IPsec's netlink policy defaults, the bridge's MDB, mlx4_en, the msm
# GEM shrinker, SCTP over IPv6, vhost-vsock, the RTC character device,
# remoteproc recovery, the crypto API's larvals, SELinux booleans,
# dma-buf poll, r8169, iscsi_tcp, etnaviv, PSI triggers, zram, the
# workqueue-flushing AF_VSOCK transport, regmap-irq under an MFD, the
# tracepoint registry and ksmbd-free kernel keyrings), written and labelled
# before splatd was run on any of them. Several put the code that must
# change below core services (the msm shrinker under vmscan, r8169's close
# under the rtnetlink core, iscsi_tcp under the iSCSI transport class,
# SCTP's route lookup under the socket layer), some make a core framework
# the culprit (the crypto API, dma-buf, PSI, the tracepoint registry), and
# several carry `[module]` tags on the culprit's frames only.
from specs import *
from r10 import old, BTP, ARM64_SYS, ARM64_BT, ARM64_KW, NL, SYSFS_W

EXTRA.update({'__arm64_sys_ioctl': ('fs/ioctl.c', 856), '__arm64_sys_write': ('fs/read_write.c', 646),
              '__arm64_sys_close': ('fs/open.c', 1481), '__arm64_sys_finit_module': ('kernel/module/main.c', 2954),
              '__x64_sys_close': ('fs/open.c', 1481), '__x64_sys_finit_module': ('kernel/module/main.c', 2954),
              'full_proxy_read': ('fs/debugfs/file.c', 239)})
SENDMSG = 'sock_sendmsg_nosec! sock_sendmsg ____sys_sendmsg ___sys_sendmsg __sys_sendmsg ' + SYS
CLOSE = ('__fput task_work_run resume_user_mode_work! exit_to_user_mode_loop exit_to_user_mode_prepare '
         'syscall_exit_to_user_mode do_syscall_64 entry_SYSCALL_64_after_hwframe')


@rep('h121-rcu-xfrm-notify-userpolicy-syzbot.log', 'NETWORKING [IPSEC]',
     'xfrm_notify_userpolicy dereferences the per-netns xfrm netlink socket (net->xfrm.nlsk, RCU-protected) from the XFRM_MSG_SETDEFAULT handler without an RCU read section; it must hold rcu_read_lock around the use, as 6.1 does',
     'syzbot "WARNING: suspicious RCU usage in xfrm_notify_userpolicy" (5.14, fixed by "xfrm: fix rcu lock in xfrm_notify_userpolicy()") -- seventh batch')
def _():
    r = R('syz', '5.14.0-rc4-syzkaller-00211-g9a73fa375d58', 'syz-executor.0', 10112)
    rcu(r, 'net/xfrm/xfrm_user.c:2181 suspicious rcu_dereference_check() usage!',
        [('&net->xfrm.xfrm_cfg_mutex', '+.+.', '3:3', 'xfrm_netlink_rcv')],
        BTRCU + ' xfrm_notify_userpolicy xfrm_set_default xfrm_user_rcv_msg netlink_rcv_skb xfrm_netlink_rcv '
        'netlink_unicast_kernel! netlink_unicast netlink_sendmsg ' + SENDMSG, extra='')
    return r


@rep('h122-inconsistent-bridge-multicast-lock-mdb-add-syzbot.log', 'ETHERNET BRIDGE',
     'the bridge adds a permanent MDB entry taking br->multicast_lock with softirqs enabled (plain spin_lock from the RTM_NEWMDB handler), while the port group expiry timer takes the same lock in softirq; br_mdb_add_group must use spin_lock_bh (made up in real functions: 6.1 does)',
     'syzbot "inconsistent lock state in br_multicast_port_group_expired" ({SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W}; made up in real functions) -- seventh batch')
def _():
    r = R('syz', SYZ, 'syz-executor.2', 0)
    r.comm = 'swapper/0'
    ml = '&br->multicast_lock'
    reg = ('lock_acquire __raw_spin_lock! _raw_spin_lock br_mdb_add_group br_mdb_add rtnetlink_rcv_msg ' + NL)
    inconsistent(r, 'SOFTIRQ-ON-W', 'IN-SOFTIRQ-W', 'HC0[0]:SC1[1]:HE1:SE0', (ml, '+.?.', '2:2', 'br_multicast_port_group_expired'),
        reg, STAMP, [('(&pg->timer)', '+.-.', '0:0', 'lockdep_copy_map! call_timer_fn')],
        '<IRQ> ' + BTI + ' __raw_spin_lock! _raw_spin_lock br_multicast_port_group_expired call_timer_fn expire_timers! '
        '__run_timers run_timer_softirq __do_softirq invoke_softirq! __irq_exit_rcu irq_exit_rcu sysvec_apic_timer_interrupt '
        '</IRQ> <TASK> asm_sysvec_apic_timer_interrupt default_idle_call do_idle cpu_startup_entry rest_init '
        'arch_call_rest_init start_kernel secondary_startup_64_no_verify')
    return r


@rep('h123-circular-mlx4-en-state-lock-rtnl-restart-dmesg.log', 'MELLANOX ETHERNET DRIVER (mlx4_en)',
     'the mlx4_en restart work takes mdev->state_lock and then rtnl (to stop and start the port), while ethtool reconfiguration holds rtnl and takes state_lock; the work must take rtnl first, as 6.1\'s mlx4_en_restart does',
     'netdev "possible circular locking dependency: &mdev->state_lock --> rtnl_mutex" on a TX timeout of a ConnectX-3 while ethtool -G runs (older order of mlx4_en_restart; made up in real functions) -- seventh batch')
def _():
    r = R('plain', '', 'kworker/u64:3', 812, cpu=7, ts=4410.2)
    r.release, r.build = '4.19.0-rc7+', '#4'
    r.hw = 'HP ProLiant DL380p Gen8, BIOS P70 05/24/2019'
    sl = '&mdev->state_lock'
    rt = 'rtnl_mutex'
    rs = '__mutex_lock mutex_lock_nested rtnl_lock mlx4_en_restart[mlx4_en] ' + KW
    circular(r, (rt, '+.+.', '', 'rtnl_lock'), (sl, '+.+.', '', 'mlx4_en_restart[mlx4_en]'),
        [(sl, '+.+.', '', '__mutex_lock mutex_lock_nested mlx4_en_set_ringparam[mlx4_en] ethtool_set_ringparam '
          '__dev_ethtool dev_ethtool dev_ioctl sock_do_ioctl sock_ioctl ' + IOCTL),
         (rt, '+.+.', '', '__lock_acquire lock_acquire ' + rs)],
        None, [('(wq_completion)mlx4_en', '+.+.', '', 'process_one_work'),
               ('(work_completion)(&priv->restart_task)', '+.+.', '', 'process_one_work'),
               (sl, '+.+.', '', 'mlx4_en_restart[mlx4_en]')],
        BTP + ' ' + rs)
    return old(r)


@rep('h124-circular-msm-gem-shrinker-obj-lock-fs-reclaim-arm64.log', 'DRM DRIVER FOR MSM ADRENO GPU',
     'the msm GEM shrinker locks an object (msm_obj->lock) to purge it from reclaim, while the same lock class is held when the object\'s pages are allocated (GFP_KERNEL, entering reclaim); the shrinker must lock with its own nesting class (OBJ_LOCK_SHRINKER) or trylock',
     'freedreno / Chromebook CI "possible circular locking dependency: fs_reclaim --> &msm_obj->lock" from kswapd on an sc7180 (5.8, fixed by the shrinker\'s lock class and later by trylock) -- seventh batch')
def _():
    r = R('plain', '', 'kswapd0', 88, cpu=5, ts=2801.6, arch='arm64')
    r.release, r.build = '5.8.0-rc3-chromeos', '#1'
    r.hw = 'Google Lazor (rev1+) (DT)'
    ol = '&msm_obj->lock'
    fr = 'fs_reclaim'
    sh = ('msm_gem_purge[msm] msm_gem_shrinker_scan[msm] do_shrink_slab shrink_slab shrink_node balance_pgdat kswapd '
          'kthread ret_from_fork@arch/arm64/kernel/entry.S')
    circular(r, (ol, '+.+.', '', 'msm_gem_purge[msm]'), (fr, '+.+.', '', '__fs_reclaim_acquire@mm/page_alloc.c'),
        [(fr, '+.+.', '', 'fs_reclaim_acquire __alloc_pages alloc_pages shmem_alloc_and_acct_folio shmem_get_folio_gfp '
          'shmem_read_mapping_page_gfp drm_gem_get_pages get_pages@drivers/gpu/drm/msm/msm_gem.c[msm] '
          'msm_gem_get_and_pin_iova[msm] msm_ioctl_gem_submit[msm] drm_ioctl_kernel drm_ioctl __arm64_sys_ioctl ' + ARM64_SYS),
         (ol, '+.+.', '', '__lock_acquire lock_acquire __mutex_lock mutex_lock_nested ' + sh)],
        None, [(fr, '+.+.', '', '__fs_reclaim_acquire@mm/page_alloc.c'), ('shrinker_rwsem', '++++', '', 'shrink_slab')],
        ARM64_BT + ' print_circular_bug check_noncircular __lock_acquire lock_acquire __mutex_lock mutex_lock_nested ' + sh)
    return old(r)


@rep('h125-rcu-sctp-v6-get-dst-transport-route-syzbot.log', 'SCTP PROTOCOL',
     'SCTP\'s IPv6 route lookup walks the association\'s bind address list (an RCU list) and dereferences its entries outside an RCU read section when a new association adds a peer from sendmsg; sctp_v6_get_dst must hold rcu_read_lock over the walk (made up in real functions: 6.1 does)',
     'syzbot "WARNING: suspicious RCU usage in sctp_v6_get_dst" (RCU-list traversed in non-reader section; made up in real functions) -- seventh batch')
def _():
    r = R('syz', SYZ, 'syz-executor.3', 8841)
    rcu(r, 'net/sctp/ipv6.c:%d RCU-list traversed in non-reader section!!' % 331,
        [('sk_lock-AF_INET6', '+.+.', '0:0', 'sctp_sendmsg')],
        BTRCU + ' sctp_v6_get_dst sctp_transport_route sctp_assoc_add_peer sctp_sendmsg_new_asoc sctp_sendmsg '
        'inet_sendmsg ' + SENDMSG)
    return r


@rep('h126-recursive-vhost-vsock-vq-mutex-stop-dmesg.log', 'VIRTIO AND VHOST VSOCK DRIVER',
     'vhost-vsock stops its virtqueues taking each vq->mutex (one lock class for all queues of a device) while still holding the previous queue\'s mutex; vhost_vsock_stop must take them one at a time or with a nesting subclass (made up in real functions: 6.1 takes them in turn)',
     'virtualization list "possible recursive locking detected: &vq->mutex" on closing /dev/vhost-vsock while a guest is running (made up in real functions) -- seventh batch')
def _():
    r = R('plain', '', 'qemu-system-x86', 30211, cpu=3, ts=1893.3)
    r.release, r.build = '5.10.0-rc1+', '#7'
    vm = '&vq->mutex'
    recursive(r, (vm, '+.+.', '4:4', 'vhost_vsock_stop[vhost_vsock]'), (vm, '+.+.', '4:4', 'vhost_vsock_stop[vhost_vsock]'),
        [('&vsock->dev.mutex', '+.+.', '4:4', 'vhost_vsock_stop[vhost_vsock]'), (vm, '+.+.', '4:4', 'vhost_vsock_stop[vhost_vsock]')],
        'dump_stack_lvl __lock_acquire lock_acquire __mutex_lock mutex_lock_nested vhost_vsock_stop[vhost_vsock] '
        'vhost_vsock_dev_release[vhost_vsock] __fput task_work_run exit_to_user_mode_loop exit_to_user_mode_prepare '
        'syscall_exit_to_user_mode do_syscall_64 entry_SYSCALL_64_after_hwframe')
    return r


@rep('h127-user-return-rtc-ops-lock-dev-ioctl-dmesg.log', 'REAL TIME CLOCK (RTC) SUBSYSTEM',
     'the RTC character device\'s ioctl returns to user space on an error path (RTC_WKALM_SET with an invalid time) with rtc->ops_lock still held',
     'linux-rtc "WARNING: lock held when returning to user space! ... (&rtc->ops_lock) at: rtc_dev_ioctl" from an alarm test (made up in real functions) -- seventh batch')
def _():
    r = R('plain', '', 'rtctest', 2207, cpu=0, ts=318.4)
    r.release, r.build = '6.1.0-rc4+', '#1'
    user_return(r, [('&rtc->ops_lock', '+.+.', '3:3', 'rtc_dev_ioctl')])
    return r


@rep('h128-hung-task-remoteproc-crash-handler-rproc-lock-arm64.log', 'REMOTE PROCESSOR (REMOTEPROC) SUBSYSTEM',
     'remoteproc\'s crash handler work blocks on rproc->lock for recovery while `echo stop > state` holds rproc->lock in rproc_shutdown and waits for the subdevices\' stop, which flushes the crash handler\'s workqueue; shutdown must not wait for recovery under rproc->lock (made up in real functions)',
     'linux-remoteproc "INFO: task kworker/u16:N blocked for more than 120 seconds" in rproc_crash_handler_work while the remote processor is stopped through sysfs (made up in real functions) -- seventh batch')
def _():
    r = R('plain', '', 'kworker/u16:4', 377, cpu=2, ts=988.0, arch='arm64')
    r.release, r.build = '5.15.0-rc5-qcom', '#2'
    r.hw = 'Qualcomm Technologies, Inc. SM8250 MTP (DT)'
    hung(r, 122, 'task:kworker/u16:4   state:D stack:    0 pid:  377 ppid:     2 flags:0x00000008',
         '__switch_to@arch/arm64/kernel/process.c __schedule schedule schedule_preempt_disabled __mutex_lock mutex_lock_interruptible_nested '
         'rproc_trigger_recovery rproc_crash_handler_work ' + ARM64_KW,
         [('khungtaskd/54', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('kworker/u16:4/377', [('(wq_completion)rproc_recovery_wq', '+.+.', '0:0', 'process_one_work'),
                                 ('(work_completion)(&rproc->crash_handler)', '+.+.', '0:0', 'process_one_work')]),
          ('sh/1602', [('sb_writers#7', '.+.+', '0:0', 'ksys_write'), ('&of->mutex', '+.+.', '3:3', 'kernfs_fop_write_iter'),
                       ('kn->active#88', '.+.+', '0:0', 'kernfs_fop_write_iter'),
                       ('&rproc->lock', '+.+.', '3:3', 'rproc_shutdown')])])
    return r


@rep('h129-hung-task-crypto-larval-wait-module-init-dmesg.log', 'CRYPTO API',
     'a module\'s init looks up an algorithm whose larval is waiting for its self-test, and the test manager thread needs a module whose load waits for that init to finish; the crypto API must not let the lookup wait for a test that depends on module loading (made up in real functions)',
     'linux-crypto "INFO: task modprobe:NNN blocked for more than 120 seconds" in crypto_larval_wait from a module init at boot (made up in real functions) -- seventh batch')
def _():
    r = R('plain', '', 'modprobe', 402, cpu=1, ts=247.9)
    r.release, r.build = '5.18.0-rc1+', '#1'
    hung(r, 122, 'task:modprobe        state:D stack:    0 pid:  402 ppid:   398 flags:0x00004000',
         '__schedule schedule schedule_timeout do_wait_for_common! __wait_for_common wait_for_completion_killable_timeout '
         'crypto_larval_wait crypto_alg_mod_lookup crypto_alloc_tfm_node crypto_alloc_shash libcrc32c_mod_init '
         'do_one_initcall do_init_module load_module __do_sys_finit_module! __se_sys_finit_module! __x64_sys_finit_module ' + SYS,
         [('khungtaskd/37', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')])])
    return r


@rep('h130-rcu-selinux-get-bools-policy-load-syzbot.log', 'SELINUX SECURITY MODULE',
     'SELinux reads the loaded policy\'s booleans (selinux_state.policy, RCU-protected) while rebuilding the selinuxfs bool directory after a policy load, neither in an RCU read section nor with the policy mutex the dereference names (made up in real functions)',
     'syzbot "WARNING: suspicious RCU usage in security_get_bools" (made up in real functions) -- seventh batch')
def _():
    r = R('syz', SYZ, 'syz-executor.5', 9902)
    rcu(r, 'security/selinux/ss/services.c:%d suspicious rcu_dereference_check() usage!' % 3041,
        [('sb_writers#12', '.+.+', '0:0', 'ksys_write'), ('&fsi->mutex', '+.+.', '3:3', 'sel_write_load')],
        BTRCU + ' security_get_bools sel_make_bools sel_make_policy_nodes sel_write_load vfs_write ksys_write '
        '__do_sys_write! __se_sys_write! __x64_sys_write ' + SYS)
    return r


@rep('h131-inconsistent-dma-buf-poll-lock-fence-irq-syzbot.log', 'DMA BUFFER SHARING FRAMEWORK',
     'dma-buf\'s poll takes the buffer\'s poll wait-queue lock with interrupts enabled, while the fence callback (dma_buf_poll_cb, run from dma_fence_signal in a hard interrupt) takes the same lock; dma_buf_poll must disable interrupts (made up in real functions: 6.1 uses spin_lock_irq)',
     'syzbot "inconsistent lock state in dma_buf_poll_cb" ({HARDIRQ-ON-W} -> {IN-HARDIRQ-W}; made up in real functions) -- seventh batch')
def _():
    r = R('syz', SYZ, 'syz-executor.1', 0)
    r.comm = 'swapper/1'
    pl = '&dmabuf->poll'
    reg = ('lock_acquire __raw_spin_lock! _raw_spin_lock dma_buf_poll vfs_poll! do_pollfd! do_poll!@fs/select.c do_sys_poll '
           '__do_sys_ppoll! __se_sys_ppoll! __x64_sys_ppoll ' + SYS)
    inconsistent(r, 'HARDIRQ-ON-W', 'IN-HARDIRQ-W', 'HC1[1]:SC0[0]:HE0:SE1', (pl, '?.+.', '2:2', '__wake_up_common_lock'),
        reg, STAMP, [('&fence->lock', '-...', '2:2', 'dma_fence_signal')],
        '<IRQ> ' + BTI + ' __raw_spin_lock_irqsave! _raw_spin_lock_irqsave __wake_up_common_lock dma_buf_poll_cb '
        'dma_fence_signal_timestamp_locked dma_fence_signal vgem_fence_timeout@drivers/gpu/drm/vgem/vgem_fence.c '
        'call_timer_fn expire_timers! __run_timers run_timer_softirq __do_softirq invoke_softirq! __irq_exit_rcu irq_exit_rcu '
        'sysvec_apic_timer_interrupt </IRQ> <TASK> asm_sysvec_apic_timer_interrupt default_idle_call do_idle '
        'cpu_startup_entry start_secondary secondary_startup_64_no_verify')
    return r


@rep('h132-circular-r8169-close-cancel-task-rtnl-dmesg.log', '8169 10/100/1000 GIGABIT ETHERNET DRIVER',
     'r8169\'s ndo_stop (run under rtnl) cancels the driver\'s reset task synchronously, and that task takes rtnl; rtl8169_close must not wait for the task under rtnl (6.1 uses the non-waiting cancel_work there)',
     'netdev "possible circular locking dependency: rtnl_mutex --> (work_completion)(&tp->wk.work)" on `ip link set down` after a TX timeout (fixed by not waiting for the reset task in rtl8169_close) -- seventh batch')
def _():
    r = R('plain', '', 'ip', 1518, cpu=2, ts=702.55)
    r.release, r.build = '5.9.0-rc5+', '#2'
    r.hw = 'ASUS System Product Name/PRIME B360M-A, BIOS 2010 06/29/2020'
    wk = '(work_completion)(&tp->wk.work)'
    rt = 'rtnl_mutex'
    cl = ('__flush_work __cancel_work_timer cancel_work_sync rtl8169_close[r8169] __dev_close_many __dev_change_flags '
          'dev_change_flags do_setlink __rtnl_newlink rtnl_newlink rtnetlink_rcv_msg ' + NL)
    circular(r, (wk, '+.+.', '0:0', '__flush_work'), (rt, '+.+.', '3:3', 'rtnetlink_rcv_msg'),
        [(rt, '+.+.', '3:3', '__mutex_lock mutex_lock_nested rtnl_lock rtl_task[r8169] ' + KW),
         (wk, '+.+.', '0:0', '__lock_acquire lock_acquire ' + cl)],
        None, [(rt, '+.+.', '3:3', 'rtnetlink_rcv_msg')],
        BTP + ' ' + cl)
    return r


@rep('h133-circular-iscsi-tcp-frwd-lock-sk-callback-lock-dmesg.log', 'ISCSI',
     'iscsi_tcp stops a connection releasing its socket callbacks (sk_callback_lock) while holding the session\'s frwd_lock, while the socket\'s data_ready callback, under sk_callback_lock, fails the connection, which takes frwd_lock; iscsi_sw_tcp_conn_stop must release the socket outside frwd_lock (made up in real functions)',
     'open-iscsi "possible circular locking dependency: &session->frwd_lock --> clock-AF_INET" on logout during a target reset (made up in real functions) -- seventh batch')
def _():
    r = R('plain', '', 'iscsid', 1133, cpu=1, ts=5120.4)
    r.release, r.build = '5.16.0-rc2+', '#1'
    fl = '&session->frwd_lock'
    cb = 'clock-AF_INET'
    st = ('_raw_write_lock_bh iscsi_sw_tcp_release_conn[iscsi_tcp] iscsi_sw_tcp_conn_stop[iscsi_tcp] '
          'iscsi_if_stop_conn[scsi_transport_iscsi] iscsi_if_recv_msg[scsi_transport_iscsi] iscsi_if_rx[scsi_transport_iscsi] '
          'netlink_unicast netlink_sendmsg ' + SENDMSG)
    circular(r, (cb, '++.-', '2:2', 'iscsi_sw_tcp_release_conn[iscsi_tcp]'), (fl, '+.-.', '2:2', 'iscsi_sw_tcp_conn_stop[iscsi_tcp]'),
        [(fl, '+.-.', '2:2', '_raw_spin_lock_bh iscsi_conn_failure[libiscsi] iscsi_tcp_recv_skb[libiscsi_tcp] '
          'iscsi_sw_tcp_recv[iscsi_tcp] tcp_read_sock iscsi_sw_tcp_recv_data[iscsi_tcp] iscsi_sw_tcp_data_ready[iscsi_tcp] '
          'tcp_data_queue tcp_rcv_established tcp_v4_do_rcv tcp_v4_rcv ip_protocol_deliver_rcu ip_local_deliver_finish '
          '__netif_receive_skb_one_core process_backlog __napi_poll net_rx_action __do_softirq'),
         (cb, '++.-', '2:2', '__lock_acquire lock_acquire ' + st)],
        None, [('rx_queue_mutex', '+.+.', '3:3', 'iscsi_if_rx[scsi_transport_iscsi]'),
               ('&conn->ep_mutex', '+.+.', '3:3', 'iscsi_if_stop_conn[scsi_transport_iscsi]'),
               (fl, '+.-.', '2:2', 'iscsi_sw_tcp_conn_stop[iscsi_tcp]')],
        BTP + ' ' + st)
    return r


@rep('h134-hung-task-psi-rtpoll-trigger-lock-destroy-dmesg.log', 'PRESSURE STALL INFORMATION (PSI)',
     'PSI destroys a polling trigger stopping the group\'s rtpoll kthread (kthread_stop) while holding rtpoll_trigger_lock, and the kthread, in its poll work, blocks on that lock; the thread must be stopped after the lock is dropped, as 6.1\'s psi_trigger_destroy does (its comment says why)',
     'LKML "INFO: task psimon:NNN blocked for more than 120 seconds" in psi_rtpoll_work while a monitor closes its /proc/pressure/memory trigger (5.2-rc, fixed by destroying the kthread outside the trigger lock) -- seventh batch')
def _():
    r = R('plain', '', 'psimon', 1207, cpu=2, ts=860.3)
    r.release, r.build = '5.2.0-rc1+', '#3'
    hung(r, 122, 'task:psimon          state:D stack:    0 pid: 1207 ppid:     2 flags:0x00004000',
         '__schedule schedule schedule_preempt_disabled __mutex_lock mutex_lock_nested psi_rtpoll_work psi_rtpoll_worker '
         'kthread ' + RF,
         [('khungtaskd/36', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('lmkd/701', [('&group->rtpoll_trigger_lock', '+.+.', '3:3', 'psi_trigger_destroy')])])
    return old(r)


@rep('h135-user-return-zram-init-lock-writeback-store-dmesg.log', 'ZRAM COMPRESSED RAM BLOCK DEVICE DRVIER',
     'zram\'s writeback sysfs store returns to user space on an error path (no backing device page) with zram->init_lock still held for reading',
     'LKML "WARNING: lock held when returning to user space! ... (&zram->init_lock) at: writeback_store" from a zram writeback test on Android (made up in real functions) -- seventh batch')
def _():
    r = R('plain', '', 'sh', 4318, cpu=6, ts=1530.2)
    r.release, r.build = '5.15.41-android13-8-00055-g8e5f3b2a8d71', '#1'
    user_return(r, [('&zram->init_lock', '++++', '3:3', 'writeback_store[zram]')])
    return r


@rep('h136-recursive-extcon-edev-lock-usb-phy-notifier-arm64.log', 'EXTERNAL CONNECTOR SUBSYSTEM (EXTCON)',
     'the extcon core calls the cable\'s notifier chain with edev->lock held, and a USB PHY\'s charger-type notifier reads the cable state back with extcon_get_state, which takes edev->lock again; extcon_sync must call the notifiers outside its lock (made up in real functions: 6.1 does)',
     'linux-usb "possible recursive locking detected: &edev->lock" on charger plug-in of a phone board (made up in real functions) -- seventh batch')
def _():
    r = R('plain', '', 'irq/61-axp288_e', 204, cpu=0, ts=49.7, arch='arm64')
    r.release, r.build = '5.5.0-rc2+', '#1'
    r.hw = 'Qualcomm Technologies, Inc. APQ 8016 SBC (DT)'
    el = '&edev->lock'
    recursive(r, (el, '-...', '', 'extcon_get_state'), (el, '-...', '', 'extcon_sync'),
        [(el, '-...', '', 'extcon_sync')],
        ARM64_BT + ' __lock_acquire lock_acquire __raw_spin_lock_irqsave! _raw_spin_lock_irqsave extcon_get_state '
        '__usb_phy_get_charger_type usb_phy_get_charger_type raw_notifier_call_chain extcon_sync extcon_set_state_sync '
        'axp288_handle_chrg_det_event[extcon_axp288] axp288_extcon_isr[extcon_axp288] irq_thread_fn irq_thread kthread '
        'ret_from_fork@arch/arm64/kernel/entry.S')
    return old(r)


@rep('h137-circular-workqueue-wq-pool-mutex-cpu-hotplug-cpumask-dmesg.log', 'WORKQUEUE',
     'setting the unbound workqueue cpumask through sysfs takes wq_pool_mutex and then the CPU hotplug lock (to apply the attributes to online CPUs), while CPU onlining holds the hotplug lock and takes wq_pool_mutex in workqueue_online_cpu; the workqueue core must take cpus_read_lock first (apply_wqattrs_lock), as 6.1 does (made up in real functions)',
     'LKML "possible circular locking dependency: wq_pool_mutex --> cpu_hotplug_lock" on writing /sys/devices/virtual/workqueue/cpumask during CPU hotplug tests (made up in real functions: 6.1 takes the hotplug lock first in apply_wqattrs_lock) -- seventh batch')
def _():
    r = R('plain', '', 'bash', 3870, cpu=1, ts=640.8)
    r.release, r.build = '4.13.0-rc4+', '#12'
    hp = 'cpu_hotplug_lock.rw_sem'
    pm = 'wq_pool_mutex'
    st = ('cpus_read_lock apply_wqattrs_prepare workqueue_apply_unbound_cpumask workqueue_set_unbound_cpumask '
          'wq_unbound_cpumask_store dev_attr_store sysfs_kf_write kernfs_fop_write_iter call_write_iter! new_sync_write! '
          'vfs_write ksys_write ' + SYS)
    circular(r, (hp, '++++', '', 'cpus_read_lock'), (pm, '+.+.', '', 'workqueue_set_unbound_cpumask'),
        [(pm, '+.+.', '', '__mutex_lock mutex_lock_nested workqueue_online_cpu cpuhp_invoke_callback cpuhp_thread_fun '
          'smpboot_thread_fn kthread ' + RF),
         ('cpuhp_state-up', '+.+.', '', 'cpuhp_thread_fun smpboot_thread_fn kthread ' + RF),
         (hp, '++++', '', '__lock_acquire lock_acquire ' + st)],
        None, [('sb_writers#5', '.+.+', '', 'ksys_write'), ('&of->mutex', '+.+.', '', 'kernfs_fop_write_iter'),
               ('kn->active#21', '.+.+', '', 'kernfs_fop_write_iter'), (pm, '+.+.', '', 'workqueue_set_unbound_cpumask')],
        BTP + ' ' + st)
    return old(r)


@rep('h138-recursive-kmemleak-lock-print-alloc-dmesg.log', 'KMEMLEAK',
     'kmemleak prints an unreferenced object while holding kmemleak_lock, and the console path allocates memory, which kmemleak tracks by taking kmemleak_lock again; kmemleak must not print or allocate under its lock (made up in real functions)',
     'linux-mm "possible recursive locking detected: kmemleak_lock" from `cat /sys/kernel/debug/kmemleak` with a netconsole (made up in real functions) -- seventh batch')
def _():
    r = R('plain', '', 'cat', 2981, cpu=3, ts=3002.1)
    r.release, r.build = '5.17.0-rc3+', '#2'
    kl = 'kmemleak_lock'
    recursive(r, (kl, '-.-.', '2:2', '__create_object'), (kl, '-.-.', '2:2', 'kmemleak_seq_show@mm/kmemleak.c'),
        [('&p->lock', '+.+.', '3:3', 'seq_read_iter'), (kl, '-.-.', '2:2', 'kmemleak_seq_show@mm/kmemleak.c'),
         ('&object->lock', '-.-.', '2:3', 'kmemleak_seq_show@mm/kmemleak.c')],
        'dump_stack_lvl __lock_acquire lock_acquire _raw_spin_lock_irqsave __create_object kmemleak_alloc '
        '__kmem_cache_alloc_node __kmalloc_node_track_caller@mm/slab_common.c kmalloc_reserve __alloc_skb find_skb@net/core/netpoll.c '
        'netpoll_send_udp write_msg@drivers/net/netconsole.c console_emit_next_record console_unlock vprintk_emit '
        'vprintk _printk print_unreferenced kmemleak_seq_show@mm/kmemleak.c seq_read_iter seq_read '
        'full_proxy_read vfs_read ksys_read ' + SYS)
    return r


@rep('h139-bad-unlock-etnaviv-gpu-lock-recover-hang-arm32.log', 'DRM DRIVERS FOR VIVANTE GPU IP',
     'etnaviv\'s hang recovery unlocks gpu->lock on the path where the runtime PM resume failed, after skipping the lock; the unlock must stay on the locked path (made up in real functions)',
     'etnaviv list "WARNING: bad unlock balance detected! ... (&gpu->lock) at: etnaviv_gpu_recover_hang" from a GPU hang on an i.MX6 whose GPU power domain failed to resume (made up in real functions) -- seventh batch')
def _():
    r = R('plain', '', 'kworker/u8:2', 96, cpu=1, ts=3120.7, arch='arm32')
    r.release, r.build = '5.4.0-rc6-imx+', '#3'
    r.hw = 'Freescale i.MX6 Quad/DualLite (Device Tree)'
    bad_unlock(r, '&gpu->lock', 'etnaviv_gpu_recover_hang[etnaviv]',
        [('(wq_completion)etnaviv', '+.+.', '', 'process_one_work'),
         ('(work_completion)(&(&sched->work_tdr)->work)', '+.+.', '', 'process_one_work')],
        'unwind_backtrace@arch/arm/kernel/unwind.c show_stack@arch/arm/kernel/traps.c dump_stack_lvl@lib/dump_stack.c '
        'print_unlock_imbalance_bug@kernel/locking/lockdep.c lock_release __mutex_unlock_slowpath '
        'etnaviv_gpu_recover_hang[etnaviv] etnaviv_sched_timedout_job[etnaviv] drm_sched_job_timedout[gpu_sched] '
        'process_one_work worker_thread kthread ret_from_fork@arch/arm/kernel/entry-common.S')
    return old(r)


@rep('h140-circular-virtio-gpu-obj-free-lock-resv-dmesg.log', 'VIRTIO GPU DRIVER',
     'virtio-gpu\'s dequeue work frees finished objects (taking their reservation lock) from the control queue\'s completion path while holding the control queue lock, and a command queued under an object\'s reservation lock takes the control queue lock; the freeing must be done after the queue lock is dropped (made up in real functions)',
     'dri-devel "possible circular locking dependency: &vgdev->ctrlq.qlock --> reservation_ww_class_mutex" on a QEMU guest with virgl (made up in real functions) -- seventh batch')
def _():
    r = R('plain', '', 'kworker/0:3', 412, cpu=0, ts=301.4)
    r.release, r.build = '5.12.0-rc2+', '#1'
    ql = '&vgdev->ctrlq.qlock'
    rv = 'reservation_ww_class_mutex'
    dq = ('__ww_mutex_lock! ww_mutex_lock@kernel/locking/mutex.c dma_resv_lock! virtio_gpu_cleanup_object[virtio_gpu] '
          'virtio_gpu_dequeue_ctrl_func[virtio_gpu] ' + KW)
    circular(r, (rv, '+.+.', '', 'virtio_gpu_cleanup_object[virtio_gpu]'), (ql, '+.+.', '', 'virtio_gpu_dequeue_ctrl_func[virtio_gpu]'),
        [(ql, '+.+.', '', '_raw_spin_lock virtio_gpu_queue_ctrl_sgs[virtio_gpu] virtio_gpu_queue_fenced_ctrl_buffer[virtio_gpu] '
          'virtio_gpu_cmd_submit[virtio_gpu] virtio_gpu_execbuffer_ioctl[virtio_gpu] drm_ioctl_kernel drm_ioctl ' + IOCTL),
         ('reservation_ww_class_acquire', '+.+.', '', 'drm_gem_lock_reservations virtio_gpu_array_lock_resv[virtio_gpu] '
          'virtio_gpu_execbuffer_ioctl[virtio_gpu] drm_ioctl_kernel drm_ioctl ' + IOCTL),
         (rv, '+.+.', '', '__lock_acquire lock_acquire ' + dq)],
        None, [('(wq_completion)events', '+.+.', '', 'process_one_work'),
               ('(work_completion)(&vgdev->ctrlq.dequeue_work)', '+.+.', '', 'process_one_work'),
               (ql, '+.+.', '', 'virtio_gpu_dequeue_ctrl_func[virtio_gpu]')],
        BTP + ' ' + dq)
    return old(r)
