# Batch 6 (h100-h119): subsystems and shapes no earlier batch or the corpus
# had (stmmac, L2TP, an ASoC codec under a machine driver's DAPM clock
# widget, the ALSA sequencer, HSR, AppArmor namespaces, ksmbd, RDS, NFC NCI,
# AMD KFD, the hwrng core, reiserfs xattrs, an I2C mux, livepatch, rbd, the
# Xen balloon, DAMON's sysfs interface, Hyper-V's VMBus channel offers,
# WireGuard and Open vSwitch), written and labelled before splatd was run on
# any of them. Several put the code that must change below core services
# (the codec under the DAPM core and a machine driver, the I2C mux under the
# I2C core, Xen's online-page callback under memory hotplug, reiserfs under
# the VFS's ACL code), some make a core-service framework the culprit of a
# hang whose blocked task sits in a driver (VMBus, hwrng core), and several
# carry `[module]` tags on the culprit's frames only.
import re
from specs import *

EXTRA.update({'__arm64_sys_ioctl': ('fs/ioctl.c', 856), '__arm64_sys_write': ('fs/read_write.c', 646),
              '__arm64_sys_openat': ('fs/open.c', 1337),
              'ret_fast_syscall': ('arch/arm/kernel/entry-common.S', 49),
              '__do_sys_exit_group': ('kernel/exit.c', 1023), '__x64_sys_exit_group': ('kernel/exit.c', 1023)})
BTP = 'dump_stack_lvl check_noncircular __lock_acquire lock_acquire'
ARM64_SYS = 'invoke_syscall el0_svc_common do_el0_svc el0_svc el0t_64_sync_handler el0t_64_sync'
ARM64_BT = 'dump_backtrace@arch/arm64/kernel/stacktrace.c show_stack@arch/arm64/kernel/stacktrace.c dump_stack_lvl dump_stack'
ARM64_KW = 'process_one_work worker_thread kthread ret_from_fork@arch/arm64/kernel/entry.S'
NL = ('netlink_rcv_skb netlink_unicast netlink_sendmsg sock_sendmsg_nosec! sock_sendmsg ____sys_sendmsg ___sys_sendmsg '
      '__sys_sendmsg ' + SYS)
SYSFS_W = 'kobj_attr_store sysfs_kf_write kernfs_fop_write_iter call_write_iter! new_sync_write! vfs_write ksys_write '
BUS_W = 'bus_attr_store sysfs_kf_write kernfs_fop_write_iter call_write_iter! new_sync_write! vfs_write ksys_write '


def old(r):
    # lockdep printed no -{wait:inner} suffix before 5.7
    r.lines = [re.sub(r'\}-\{\d:\d\}', '}', l) for l in r.lines]
    return r


@rep('h100-circular-stmmac-priv-lock-rtnl-suspend-arm64.log', 'STMMAC ETHERNET DRIVER',
     'stmmac_suspend takes rtnl (for phylink) while still holding priv->lock, while stmmac_resume takes priv->lock under rtnl; the driver must drop priv->lock before rtnl_lock, as 6.1 does',
     'netdev "possible circular locking dependency: &priv->lock --> rtnl_mutex" on system suspend of an stmmac board (5.15, fixed by releasing priv->lock before rtnl_lock in stmmac_suspend) -- sixth batch')
def _():
    r = R('plain', '', 'systemd-sleep', 1432, cpu=2, ts=512.07, arch='arm64')
    r.release, r.build = '5.15.0-rc6-00091-g1ef2e2d1e9b4', '#1'
    r.hw = 'Radxa ROCK 3 Model A (DT)'
    pl = '&priv->lock'
    rt = 'rtnl_mutex'
    pm = ('dpm_run_callback __device_suspend dpm_suspend dpm_suspend_start suspend_devices_and_enter@kernel/power/suspend.c '
          'enter_state pm_suspend@kernel/power/suspend.c state_store@kernel/power/main.c ' + SYSFS_W + '__arm64_sys_write ' + ARM64_SYS)
    sus = '__mutex_lock mutex_lock_nested rtnl_lock stmmac_suspend[stmmac] stmmac_pltfr_suspend[stmmac_platform] ' + pm
    circular(r, (rt, '+.+.', '3:3', 'rtnl_lock'), (pl, '+.+.', '3:3', 'stmmac_suspend[stmmac]'),
        [(pl, '+.+.', '3:3', '__mutex_lock mutex_lock_nested stmmac_resume[stmmac] stmmac_pltfr_resume[stmmac_platform] '
          'dpm_run_callback device_resume dpm_resume dpm_resume_end suspend_devices_and_enter@kernel/power/suspend.c '
          'enter_state pm_suspend@kernel/power/suspend.c state_store@kernel/power/main.c ' + SYSFS_W + '__arm64_sys_write ' + ARM64_SYS),
         (rt, '+.+.', '3:3', '__lock_acquire lock_acquire ' + sus)],
        None, [('sb_writers#6', '.+.+', '0:0', 'ksys_write'), ('&of->mutex', '+.+.', '3:3', 'kernfs_fop_write_iter'),
               ('kn->active#52', '.+.+', '0:0', 'kernfs_fop_write_iter'),
               ('system_transition_mutex', '+.+.', '3:3', 'pm_suspend@kernel/power/suspend.c'),
               ('&dev->mutex', '....', '3:3', '__device_suspend'), (pl, '+.+.', '3:3', 'stmmac_suspend[stmmac]')],
        ARM64_BT + ' print_circular_bug check_noncircular __lock_acquire lock_acquire ' + sus)
    return r


@rep('h101-recursive-l2tp-tunnel-slock-ppp-over-l2tp-syzbot.log', 'NETWORKING [GENERAL]',
     'L2TP locks the tunnel socket (bh_lock_sock) in l2tp_xmit_core with the plain socket lock class, so a PPP session whose device routes into another L2TP tunnel takes a second UDP socket lock of the same class; l2tp must take it with its own nesting subclass (6.1 net/l2tp has no section of its own)',
     'syzbot "possible deadlock in l2tp_xmit_skb" (slock-AF_INET6 recursion through pppol2tp over a ppp device, fixed by "l2tp: fix lockdep splat") -- sixth batch')
def _():
    r = R('syz', '6.2.0-rc7-syzkaller-00018-g0983f6bf2bfc', 'syz-executor.2', 11852, cpu=1)
    sl = 'slock-AF_INET6'
    inner = ('l2tp_xmit_core! l2tp_xmit_skb pppol2tp_xmit ppp_channel_push ppp_push ppp_send_frame __ppp_xmit_process '
             'ppp_xmit_process ppp_start_xmit __netdev_start_xmit! netdev_start_xmit! xmit_one! dev_hard_start_xmit '
             '__dev_queue_xmit dev_queue_xmit! neigh_resolve_output ip6_finish_output2 __ip6_finish_output '
             'ip6_finish_output NF_HOOK_COND! ip6_output dst_output! ip6_xmit inet6_csk_xmit l2tp_xmit_core! l2tp_xmit_skb '
             'pppol2tp_sendmsg sock_sendmsg_nosec! sock_sendmsg ____sys_sendmsg ___sys_sendmsg __sys_sendmsg ' + SYS)
    recursive(r, (sl, '+.-.', '2:2', 'l2tp_xmit_skb'), (sl, '+.-.', '2:2', 'l2tp_xmit_skb'),
        [('sk_lock-AF_PPPOX', '+.+.', '0:0', 'pppol2tp_sendmsg'), ('rcu_read_lock_bh', '....', '1:2', 'l2tp_xmit_skb'),
         (sl, '+.-.', '2:2', 'l2tp_xmit_skb'), ('rcu_read_lock_bh', '....', '1:2', '__dev_queue_xmit'),
         ('_xmit_PPP#2', '+...', '2:2', '__dev_queue_xmit'), ('&ppp->wlock', '+...', '2:2', 'ppp_xmit_process'),
         ('&pch->downl', '+...', '2:2', 'ppp_push')],
        BTR + ' __raw_spin_lock! _raw_spin_lock ' + inner)
    return r


@rep('h102-circular-da7219-pll-lock-dapm-mutex-hptest-dmesg.log', 'DIALOG SEMICONDUCTOR DRIVERS',
     'the DA7219 headphone test work takes the codec pll_lock and then the card DAPM mutex, while a DAPM power sequence (platform clock widget of the machine driver) sets the codec PLL under the DAPM mutex; the codec must take the DAPM mutex first, as 6.1 does',
     'alsa-devel / Chromebook CI "possible circular locking dependency: &da7219->pll_lock --> &card->dapm_mutex" on headset insertion during playback (the hptest work locks DAPM first in 6.1) -- sixth batch')
def _():
    r = R('plain', '', 'kworker/2:3', 2214, cpu=2, ts=1201.93)
    r.release, r.build = '5.10.0-rc4-chromeos+', '#1'
    r.hw = 'Google Phaser/Phaser, BIOS Google_Phaser.10975.217.0 07/11/2022'
    pl = '&da7219->pll_lock'
    dm = '&card->dapm_mutex/1'
    circular(r, (dm, '+.+.', '3:3', 'da7219_aad_hptest_work[snd_soc_da7219]'), (pl, '+.+.', '3:3', 'da7219_aad_hptest_work[snd_soc_da7219]'),
        [(pl, '+.+.', '3:3', '__mutex_lock mutex_lock_nested da7219_set_dai_pll[snd_soc_da7219] snd_soc_dai_set_pll[snd_soc_core] '
          'platform_clock_control@sound/soc/intel/boards/sof_da7219_max98373.c[snd_soc_sof_da7219_max98373] dapm_seq_check_event[snd_soc_core] dapm_seq_run_coalesced[snd_soc_core] '
          'dapm_seq_run[snd_soc_core] dapm_power_widgets[snd_soc_core] soc_dapm_stream_event[snd_soc_core] '
          'snd_soc_dapm_stream_event[snd_soc_core] soc_pcm_prepare[snd_soc_core] snd_pcm_prepare[snd_pcm] '
          'snd_pcm_common_ioctl[snd_pcm] snd_pcm_ioctl[snd_pcm] ' + IOCTL),
         (dm, '+.+.', '3:3', '__lock_acquire lock_acquire __mutex_lock mutex_lock_nested da7219_aad_hptest_work[snd_soc_da7219] ' + KW)],
        None, [('(wq_completion)events', '+.+.', '0:0', 'process_one_work'),
               ('(work_completion)(&da7219_aad->hptest_work)', '+.+.', '0:0', 'process_one_work'),
               ('&da7219->ctrl_lock', '+.+.', '3:3', 'da7219_aad_hptest_work[snd_soc_da7219]'),
               (pl, '+.+.', '3:3', 'da7219_aad_hptest_work[snd_soc_da7219]')],
        BTP + ' __mutex_lock mutex_lock_nested da7219_aad_hptest_work[snd_soc_da7219] ' + KW)
    return r


@rep('h103-recursive-snd-seq-grp-list-mutex-deliver-syzbot-4.20.log', 'SOUND',
     'the sequencer delivers an event to a port\'s subscribers holding the port group\'s list_mutex for reading, and a kernel client port (seq dummy) forwards the event back into delivery, which read-locks another port\'s list_mutex of the same class; deliver_to_subscribers must annotate the nesting by hop',
     'syzbot "possible deadlock in snd_seq_deliver_event" (&grp->list_mutex read recursion, 4.20, fixed by down_read_nested with the hop count) -- sixth batch')
def _():
    r = R('syz', '4.20.0-rc3+', 'syz-executor0', 6044)
    r.build = '#131'
    lm = '&grp->list_mutex'
    recursive(r, (lm, '++++', '', 'deliver_to_subscribers'), (lm, '++++', '', 'deliver_to_subscribers'),
        [('&client->ioctl_mutex', '+.+.', '', 'snd_seq_write'), (lm, '++++', '', 'deliver_to_subscribers')],
        BTR + ' down_read deliver_to_subscribers! snd_seq_deliver_event snd_seq_kernel_client_dispatch dummy_input '
        'snd_seq_deliver_single_event deliver_to_subscribers! snd_seq_deliver_event snd_seq_client_enqueue_event '
        'snd_seq_write vfs_write ksys_write __do_sys_write! __se_sys_write! __x64_sys_write ' + SYS)
    return old(r)


@rep('h104-inconsistent-hsr-list-lock-prune-timer-syzbot.log', 'HSR NETWORK PROTOCOL',
     'HSR creates its self node taking hsr->list_lock with softirqs enabled (spin_lock from the netlink newlink path), while the node prune timer takes the same lock in softirq',
     'syzbot "inconsistent lock state in hsr_prune_nodes" ({SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W}, 5.9, fixed by spin_lock_bh in the process-context users of list_lock) -- sixth batch')
def _():
    r = R('syz', '5.9.0-rc4-syzkaller-00136-g6a22b5a97d8c', 'syz-executor.3', 0)
    r.comm = 'swapper/1'
    ll = '&hsr->list_lock'
    reg = ('lock_acquire __raw_spin_lock! _raw_spin_lock hsr_create_self_node hsr_dev_finalize hsr_newlink __rtnl_newlink '
           'rtnl_newlink rtnetlink_rcv_msg ' + NL)
    inconsistent(r, 'SOFTIRQ-ON-W', 'IN-SOFTIRQ-W', 'HC0[0]:SC1[1]:HE1:SE0', (ll, '+.?.', '2:2', 'hsr_prune_nodes'),
        reg, STAMP, [('(&hsr->prune_timer)', '+.-.', '0:0', 'lockdep_copy_map! call_timer_fn')],
        '<IRQ> ' + BTI + ' __raw_spin_lock! _raw_spin_lock hsr_prune_nodes call_timer_fn expire_timers! __run_timers '
        'run_timer_softirq __do_softirq invoke_softirq! __irq_exit_rcu irq_exit_rcu sysvec_apic_timer_interrupt </IRQ> '
        '<TASK> asm_sysvec_apic_timer_interrupt default_idle_call do_idle cpu_startup_entry start_secondary '
        'secondary_startup_64_no_verify')
    return r


@rep('h105-recursive-apparmor-ns-lock-create-ns-dmesg.log', 'APPARMOR SECURITY MODULE',
     'AppArmor creates a child policy namespace taking the child ns->lock with plain mutex_lock while holding the parent\'s ns->lock (same class); __aa_create_ns must lock by namespace level',
     'apparmor list "possible recursive locking detected: &ns->lock" on loading a policy into a nested namespace (4.13, fixed by "apparmor: fix possible recursive lock warning in __aa_create_ns") -- sixth batch')
def _():
    r = R('plain', '', 'apparmor_parser', 2870, cpu=1, ts=37.41)
    r.release, r.build = '4.13.0-rc5+', '#2'
    nl = '&ns->lock'
    recursive(r, (nl, '+.+.', '', '__aa_create_ns'), (nl, '+.+.', '', 'aa_prepare_ns'),
        [('sb_writers#9', '.+.+', '', 'ksys_write'), (nl, '+.+.', '', 'aa_prepare_ns')],
        'dump_stack_lvl __lock_acquire lock_acquire __mutex_lock mutex_lock_nested __aa_create_ns __aa_find_or_create_ns '
        'aa_prepare_ns aa_replace_profiles policy_update profile_replace vfs_write ksys_write ' + SYS)
    return old(r)


@rep('h106-circular-ksmbd-parent-inode-lock-sb-writers-dmesg.log', 'KERNEL SMB3 SERVER (KSMBD)',
     'ksmbd\'s smb2_open locks the parent directory (ksmbd_vfs_kern_path_locked) and only then takes write access to the mount (mnt_want_write for the DOS attribute xattr), the reverse of the VFS, which takes sb_writers before the parent inode lock; smb2_open must get write access first',
     'linux-cifs "possible circular locking dependency: &type->i_mutex_dir_key#6/1 --> sb_writers#8" from smb2_open (6.4-rc, fixed by "ksmbd: fix possible deadlock in smb2_open") -- sixth batch')
def _():
    r = R('plain', '', 'kworker/3:1', 211, cpu=3, ts=733.58)
    r.release, r.build = '6.4.0-rc2-ksmbd+', '#3'
    im = '&type->i_mutex_dir_key#6/1'
    sw = 'sb_writers#8'
    op = ('mnt_want_write ksmbd_vfs_setxattr[ksmbd] ksmbd_vfs_set_dos_attrib_xattr[ksmbd] smb2_open[ksmbd] '
          '__process_request[ksmbd] __handle_ksmbd_work[ksmbd] handle_ksmbd_work[ksmbd] ' + KW)
    circular(r, (sw, '.+.+', '0:0', 'ksmbd_vfs_setxattr[ksmbd]'), (im, '+.+.', '4:4', 'ksmbd_vfs_kern_path_locked[ksmbd]'),
        [(im, '+.+.', '4:4', 'down_write_nested filename_create do_mkdirat __x64_sys_mkdir ' + SYS),
         (sw, '.+.+', '0:0', '__lock_acquire lock_acquire percpu_down_read! __sb_start_write! sb_start_write! ' + op)],
        None, [('(wq_completion)ksmbd-io', '+.+.', '0:0', 'process_one_work'),
               ('(work_completion)(&work->work)', '+.+.', '0:0', 'process_one_work'),
               (im, '+.+.', '4:4', 'ksmbd_vfs_kern_path_locked[ksmbd]')],
        BTP + ' percpu_down_read! __sb_start_write! sb_start_write! ' + op)
    return r


@rep('h107-circular-rds-recv-lock-m-rs-lock-syzbot.log', 'RDS - RELIABLE DATAGRAM SOCKETS',
     'rds_clear_recv_queue drops the queued incoming messages (rds_inc_put, whose loopback free purges the message under m_rs_lock) while write-holding rs_recv_lock, while the send path wakes the socket (rs_recv_lock) under m_rs_lock; the queue must be emptied onto a private list first',
     'syzbot "possible deadlock in rds_wake_sk_sleep" (&rm->m_rs_lock vs &rs->rs_recv_lock over the loopback transport, fixed by dropping the messages after unlocking) -- sixth batch')
def _():
    r = R('syz', '5.0.0-rc4-syzkaller-00160-g62967898789d', 'syz-executor.5', 9013)
    ml = '&(&rm->m_rs_lock)->rlock'
    rl = '&rs->rs_recv_lock'
    snd = ('rds_wake_sk_sleep rds_send_remove_from_sock rds_send_path_drop_acked rds_send_drop_acked rds_loop_xmit '
           'rds_send_xmit rds_sendmsg sock_sendmsg_nosec! sock_sendmsg ____sys_sendmsg ___sys_sendmsg __sys_sendmsg ' + SYS)
    circular(r, (rl, '..--', '', 'rds_wake_sk_sleep'), (ml, '..-.', '', 'rds_send_remove_from_sock'),
        [(ml, '..-.', '', '__raw_spin_lock_irqsave! _raw_spin_lock_irqsave rds_message_purge rds_message_put rds_loop_inc_free '
          'rds_inc_put rds_clear_recv_queue rds_release __sock_release sock_close __fput task_work_run '
          'resume_user_mode_work! exit_to_user_mode_loop exit_to_user_mode_prepare syscall_exit_to_user_mode do_syscall_64 '
          'entry_SYSCALL_64_after_hwframe'),
         (rl, '..--', '', H0 + ' __raw_read_lock_irqsave! _raw_read_lock_irqsave ' + snd)],
        None, [(ml, '..-.', '', 'rds_send_remove_from_sock')],
        BTC + ' __raw_read_lock_irqsave! _raw_read_lock_irqsave ' + snd)
    return old(r)


@rep('h108-circular-nci-req-lock-rx-wq-close-syzbot.log', 'NFC SUBSYSTEM',
     'nci_close_device flushes the rx workqueue while holding req_lock, and an rx work that frees a raw socket deactivates its target through nci_request, which takes req_lock; rx_wq must be flushed after req_lock is dropped, as 6.1 does',
     'syzbot "possible deadlock in nci_close_device" / "in nci_request" (&ndev->req_lock vs (wq_completion)nfcN_nci_rx_wq, fixed by flushing rx_wq outside req_lock) -- sixth batch')
def _():
    r = R('syz', '5.17.0-rc6-syzkaller-00184-g3ee65c0f0778', 'syz-executor.0', 5321)
    rq = '&ndev->req_lock'
    wq = '(wq_completion)nfc2_nci_rx_wq#3'
    cl = ('nci_close_device nci_unregister_device virtual_ncidev_close@drivers/nfc/virtual_ncidev.c '
          '__fput task_work_run exit_task_work! do_exit do_group_exit __do_sys_exit_group! __se_sys_exit_group! '
          '__x64_sys_exit_group ' + SYS)
    circular(r, (wq, '+.+.', '0:0', '__flush_workqueue'), (rq, '+.+.', '3:3', 'nci_close_device'),
        [(rq, '+.+.', '3:3', '__mutex_lock_common! __mutex_lock nci_request nci_deactivate_target nfc_deactivate_target '
          'rawsock_destruct __sk_destruct sk_destruct! __sk_free sk_free sock_put! rawsock_data_exchange_complete '
          'nci_data_exchange_complete nci_rx_data_packet nci_rx_work process_one_work worker_thread kthread ' + RF),
         (wq, '+.+.', '0:0', H0 + ' __flush_workqueue ' + cl)],
        None, [(rq, '+.+.', '3:3', 'nci_close_device')],
        BTC + ' __flush_workqueue ' + cl)
    return r


@rep('h109-user-return-kfd-process-mutex-create-queue-dmesg.log', 'AMD KFD',
     'an AMDKFD queue-creation ioctl returns to user space on an error path with the KFD process mutex (p->mutex) still held',
     'amd-gfx "WARNING: lock held when returning to user space! ... (&p->mutex) at: kfd_ioctl_create_queue" from a ROCm test (made up in real functions) -- sixth batch')
def _():
    r = R('plain', '', 'rocrtst64', 4409, cpu=5, ts=2210.7)
    r.release, r.build = '6.1.0-rc5-amd-staging+', '#2'
    user_return(r, [('&p->mutex', '+.+.', '3:3', 'kfd_ioctl_create_queue[amdgpu]')])
    return r


@rep('h110-hung-task-hwrng-rng-mutex-kthread-stop-dmesg.log', 'HARDWARE RANDOM NUMBER GENERATOR CORE',
     'unregistering the current hwrng stops the hwrng fill kthread (kthread_stop) with rng_mutex held, while the fill thread blocks on rng_mutex to get the current rng, so neither finishes; the core must not wait for the thread under rng_mutex',
     'LKML "INFO: task hwrng:NNN blocked for more than 120 seconds" in get_current_rng while rmmod virtio_rng waits in kthread_stop (hwrng core deadlock on removal) -- sixth batch')
def _():
    r = R('plain', '', 'hwrng', 118, cpu=0, ts=246.2)
    r.release, r.build = '5.18.0-rc2+', '#1'
    hung(r, 122, 'task:hwrng           state:D stack:    0 pid:  118 ppid:     2 flags:0x00004000',
         '__schedule schedule schedule_preempt_disabled __mutex_lock mutex_lock_nested get_current_rng hwrng_fillfn kthread ' + RF,
         [('khungtaskd/37', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('hwrng/118', []),
          ('rmmod/1990', [('rng_mutex', '+.+.', '3:3', 'hwrng_unregister')])])
    return r


@rep('h111-circular-reiserfs-write-lock-xattr-dir-new-inode-syzbot.log', 'REISERFS FILE SYSTEM',
     'reiserfs_new_inode inherits the directory\'s default ACL (opening the xattr directory, I_MUTEX_XATTR) while holding the reiserfs write lock, while an xattr lookup takes the write lock in reiserfs_lookup under the xattr directory\'s inode lock; the write lock must be dropped around the ACL inheritance',
     'syzbot "possible deadlock in open_xa_dir" (&sbi->lock vs &type->i_mutex_dir_key#N/3, reiserfs with acl/user_xattr) -- sixth batch')
def _():
    r = R('syz', SYZ, 'syz-executor.1', 7741)
    sb = '&sbi->lock'
    xd = '&type->i_mutex_dir_key#6/3'
    cr = ('open_xa_dir xattr_lookup reiserfs_xattr_set_handle __reiserfs_set_acl reiserfs_inherit_default_acl reiserfs_new_inode '
          'reiserfs_create lookup_open! open_last_lookups path_openat do_filp_open do_sys_openat2 do_sys_open! '
          '__do_sys_openat! __se_sys_openat! __x64_sys_openat ' + SYS)
    circular(r, (xd, '+.+.', '4:4', 'open_xa_dir'), (sb, '+.+.', '3:3', 'reiserfs_write_lock'),
        [(sb, '+.+.', '3:3', '__mutex_lock_common! __mutex_lock reiserfs_write_lock reiserfs_lookup __lookup_slow lookup_one_len '
          'xattr_lookup reiserfs_xattr_get reiserfs_get_acl get_acl posix_acl_permission! acl_permission_check! generic_permission '
          'reiserfs_permission inode_permission may_open do_open@fs/namei.c path_openat do_filp_open do_sys_openat2 '
          'do_sys_open! __do_sys_openat! __se_sys_openat! __x64_sys_openat ' + SYS),
         (xd, '+.+.', '4:4', H0 + ' down_write_nested inode_lock_nested! ' + cr)],
        None, [('sb_writers#9', '.+.+', '0:0', 'path_openat'), ('&type->i_mutex_dir_key#6', '++++', '4:4', 'open_last_lookups'),
               (sb, '+.+.', '3:3', 'reiserfs_write_lock')],
        BTC + ' down_write_nested inode_lock_nested! ' + cr)
    return r


@rep('h112-recursive-i2c-mux-bus-lock-pca954x-select-arm32.log', 'I2C MUXES',
     'the PCA954x mux writes its channel register with the locked i2c_smbus_write_byte from its select callback, which the I2C core calls with the parent adapter\'s bus lock already held (parent-locked mux); select must use the unlocked __i2c_smbus_xfer',
     'linux-i2c "possible recursive locking detected: i2c_register_adapter" (&adap->bus_lock at depth 0 twice) on an i.MX6 board with a PCA9548 (made up in real functions) -- sixth batch')
def _():
    r = R('plain', '', 'sensors', 733, cpu=0, ts=95.4, arch='arm32')
    r.release, r.build = '5.4.0-rc3-imx+', '#2'
    r.hw = 'Freescale i.MX6 Quad/DualLite (Device Tree)'
    bl = 'i2c_register_adapter'
    recursive(r, (bl, '+.+.', '', 'i2c_adapter_lock_bus'), (bl, '+.+.', '', 'i2c_adapter_lock_bus'),
        [('&p->lock', '+.+.', '', 'seq_read_iter'), ('&of->mutex', '+.+.', '', 'kernfs_seq_start'),
         ('kn->active#31', '.+.+', '', 'kernfs_seq_start'), (bl, '+.+.', '', 'i2c_adapter_lock_bus')],
        'unwind_backtrace@arch/arm/kernel/unwind.c show_stack@arch/arm/kernel/traps.c dump_stack_lvl@lib/dump_stack.c '
        '__lock_acquire lock_acquire rt_mutex_lock_nested i2c_adapter_lock_bus i2c_smbus_xfer i2c_smbus_write_byte '
        'pca954x_select_chan[i2c_mux_pca954x] __i2c_mux_smbus_xfer[i2c_mux] '
        '__i2c_smbus_xfer i2c_smbus_xfer i2c_smbus_read_word_data lm75_read[lm75] hwmon_attr_show '
        'dev_attr_show sysfs_kf_seq_show seq_read_iter vfs_read ksys_read ret_fast_syscall@arch/arm/kernel/entry-common.S')
    return old(r)


@rep('h113-circular-livepatch-klp-mutex-kn-active-transition-dmesg.log', 'LIVE PATCHING',
     'the livepatch transition completes and releases the patch kobject (removing its sysfs directory, which drains kn->active) while holding klp_mutex, while writing the patch\'s sysfs `enabled` attribute holds kn->active and takes klp_mutex; the kobject must be put outside klp_mutex',
     'live-patching list "possible circular locking dependency: klp_mutex --> kn->active#N" on disabling a patch through sysfs (4.x, fixed by moving kobject_put outside klp_mutex, see klp_free_patch_finish) -- sixth batch')
def _():
    r = R('plain', '', 'kworker/1:0', 17, cpu=1, ts=188.9)
    r.release, r.build = '4.20.0-rc1+', '#6'
    km = 'klp_mutex'
    ka = 'kn->active#91'
    tr = ('kernfs_drain __kernfs_remove kernfs_remove_by_name_ns kernfs_remove_by_name! remove_files sysfs_remove_group sysfs_remove_groups __kobject_del kobject_del '
          'kobject_cleanup! kobject_release! kref_put! kobject_put klp_free_patch_finish klp_try_complete_transition '
          'klp_transition_work_fn ' + KW)
    circular(r, (ka, '++++', '', 'kernfs_drain'), (km, '+.+.', '', 'klp_transition_work_fn'),
        [(km, '+.+.', '', '__mutex_lock mutex_lock_nested enabled_store@kernel/livepatch/core.c ' + SYSFS_W + SYS),
         (ka, '++++', '', '__lock_acquire lock_acquire ' + tr)],
        None, [('(wq_completion)events', '+.+.', '', 'process_one_work'),
               ('(work_completion)(&(&klp_transition_work)->work)', '+.+.', '', 'process_one_work'),
               (km, '+.+.', '', 'klp_transition_work_fn')],
        BTP + ' ' + tr)
    return old(r)


@rep('h114-circular-rbd-header-rwsem-watch-notify-flush-dmesg.log', 'RADOS BLOCK DEVICE (RBD)',
     'rbd_dev_image_probe\'s error path unregisters the watch (flushing the ceph notify workqueue) with header_rwsem still held, while a header-update notify refreshes the device under header_rwsem from that workqueue; header_rwsem must be released first, as 6.1 does',
     'ceph-devel "possible circular locking dependency: &rbd_dev->header_rwsem --> (wq_completion)ceph-watch-notify" on a failed `rbd map` (5.6, fixed by "rbd: avoid a deadlock on header_rwsem when flushing notifies") -- sixth batch')
def _():
    r = R('plain', '', 'rbd', 6602, cpu=0, ts=3304.4)
    r.release, r.build = '5.6.0-rc4-ceph-g1c4e3ef2b6b1', '#1'
    hr = '&rbd_dev->header_rwsem'
    wq = '(wq_completion)ceph-watch-notify'
    pr = ('__flush_workqueue ceph_osdc_flush_notifies[libceph] rbd_unregister_watch[rbd] rbd_dev_image_probe[rbd] do_rbd_add[rbd] '
          'add_store@drivers/block/rbd.c[rbd] ' + BUS_W + SYS)
    circular(r, (wq, '+.+.', '', '__flush_workqueue'), (hr, '++++', '', 'rbd_dev_image_probe[rbd]'),
        [(hr, '++++', '', 'down_write rbd_dev_refresh[rbd] rbd_watch_cb[rbd] do_watch_notify[libceph] ' + KW),
         (wq, '+.+.', '', '__lock_acquire lock_acquire ' + pr)],
        None, [('sb_writers#5', '.+.+', '', 'ksys_write'),
               ('&of->mutex', '+.+.', '', 'kernfs_fop_write_iter'), ('kn->active#114', '.+.+', '', 'kernfs_fop_write_iter'),
               (hr, '++++', '', 'rbd_dev_image_probe[rbd]')],
        BTP + ' ' + pr)
    return old(r)


@rep('h115-recursive-xen-balloon-mutex-online-page-dmesg.log', 'XEN HYPERVISOR INTERFACE',
     'the Xen balloon thread hotplugs new memory (add_memory_resource, which onlines it) while holding balloon_mutex, and onlining calls the balloon\'s online-page callback, which takes balloon_mutex again; the balloon must drop its mutex around the hotplug, as 6.1 does',
     'xen-devel "possible recursive locking detected: balloon_mutex" in xen_online_page with memory hotplug auto-online (fixed by releasing balloon_mutex around add_memory_resource) -- sixth batch')
def _():
    r = R('plain', '', 'xen-balloon', 41, cpu=0, ts=66.12)
    r.release, r.build = '5.2.0-rc3-xen+', '#1'
    r.hw = 'Xen HVM domU, BIOS 4.12.1 06/28/2019'
    bm = 'balloon_mutex'
    recursive(r, (bm, '+.+.', '', 'xen_online_page'), (bm, '+.+.', '', 'balloon_thread'),
        [(bm, '+.+.', '', 'balloon_thread'), ('mem_hotplug_lock.rw_sem', '++++', '', 'online_pages'),
         ('&dev->mutex', '+.+.', '', 'device_online')],
        'dump_stack_lvl __lock_acquire lock_acquire __mutex_lock mutex_lock_nested xen_online_page online_pages_range online_pages '
        'memory_block_online memory_block_change_state memory_subsys_online device_online online_memory_block walk_memory_blocks '
        'add_memory_resource reserve_additional_memory@drivers/xen/balloon.c balloon_thread kthread ' + RF)
    return old(r)


@rep('h116-hung-task-damon-sysfs-lock-kdamond-stop-dmesg.log', 'DATA ACCESS MONITOR',
     'DAMON\'s sysfs request callback, run by kdamond after each aggregation, blocks on damon_sysfs_lock while `echo off > state` holds that lock and waits for kdamond to stop (kthread_stop); the callback must only trylock the lock, as 6.1 does',
     'linux-mm "INFO: task kdamond.0 blocked for more than 120 seconds" in damon_sysfs_cmd_request_callback while `state` is written off (5.19-rc, fixed by mutex_trylock) -- sixth batch')
def _():
    r = R('plain', '', 'kdamond.0', 2281, cpu=3, ts=901.5)
    r.release, r.build = '5.19.0-rc4-damon+', '#2'
    hung(r, 122, 'task:kdamond.0       state:D stack:    0 pid: 2281 ppid:     2 flags:0x00004000',
         '__schedule schedule schedule_preempt_disabled __mutex_lock mutex_lock_nested damon_sysfs_cmd_request_callback '
         'kdamond_fn kthread ' + RF,
         [('khungtaskd/39', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('bash/2267', [('sb_writers#7', '.+.+', '0:0', 'ksys_write'), ('&of->mutex', '+.+.', '3:3', 'kernfs_fop_write_iter'),
                         ('kn->active#203', '.+.+', '0:0', 'kernfs_fop_write_iter'),
                         ('damon_sysfs_lock', '+.+.', '3:3', 'state_store@mm/damon/sysfs.c')]),
          ('kdamond.0/2281', [('damon_lock', '+.+.', '3:3', 'kdamond_fn')])])
    return r


@rep('h117-hung-task-hv-netvsc-rtnl-subchannel-offer-dmesg.log', 'Hyper-V/Azure CORE AND DRIVERS',
     'VMBus handles primary and sub-channel offers on one workqueue: a second NIC\'s netvsc_probe blocks on rtnl in that work, while the first NIC\'s sub-channel setup holds rtnl and waits for sub-channel offers queued behind it; vmbus_process_offer must use separate workqueues, as 6.1 does',
     'linux-hyperv "INFO: task kworker/u:N blocked for more than 120 seconds" in netvsc_probe / rtnl_lock on an Azure VM with several accelerated NICs (fixed by "Drivers: hv: vmbus: Use a separate workqueue for primary and sub-channels") -- sixth batch')
def _():
    r = R('plain', '', 'kworker/u128:1', 316, cpu=0, ts=245.01)
    r.release, r.build = '5.0.0-1012-azure', '#12~18.04.1-Ubuntu'
    r.hw = 'Microsoft Corporation Virtual Machine/Virtual Machine, BIOS 090008  12/07/2018'
    hung(r, 120, 'task:kworker/u128:1  state:D stack:    0 pid:  316 ppid:     2 flags:0x80004000',
         '__schedule schedule schedule_preempt_disabled __mutex_lock mutex_lock_nested rtnl_lock netvsc_probe[hv_netvsc] '
         'vmbus_probe call_driver_probe@drivers/base/dd.c really_probe __driver_probe_device driver_probe_device '
         '__device_attach_driver bus_for_each_drv __device_attach device_initial_probe bus_probe_device device_add '
         'vmbus_device_register vmbus_add_channel_work ' + KW,
         [('khungtaskd/219', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('kworker/u128:1/316', [('(wq_completion)hv_vmbus_con', '+.+.', '0:0', 'process_one_work'),
                                  ('(work_completion)(&newchannel->add_channel_work)', '+.+.', '0:0', 'process_one_work'),
                                  ('&dev->mutex', '....', '3:3', '__device_attach')]),
          ('kworker/3:2/402', [('(wq_completion)events', '+.+.', '0:0', 'process_one_work'),
                               ('(work_completion)(&nvdev->subchan_work)', '+.+.', '0:0', 'process_one_work'),
                               ('rtnl_mutex', '+.+.', '3:3', 'netvsc_subchan_work[hv_netvsc]')])])
    return r


@rep('h118-rcu-wireguard-keypair-get-staged-packets-dmesg.log', 'WIREGUARD SECURE NETWORK TUNNEL',
     'WireGuard takes a reference on the peer\'s current keypair (wg_noise_keypair_get) from the staged-packet send path outside an RCU-bh read section',
     'wireguard list "WARNING: suspicious RCU usage ... Taking noise keypair reference without holding the RCU BH read lock" from wg_packet_send_staged_packets (made up in real functions) -- sixth batch')
def _():
    r = R('plain', '', 'kworker/0:2', 188, cpu=0, ts=61.33)
    r.release, r.build = '5.6.0-rc1-wg+', '#1'
    rcu(r, 'drivers/net/wireguard/noise.c:%d Taking noise keypair reference without holding the RCU BH read lock!' % 144,
        [('(wq_completion)wg-kex-wg0', '+.+.', '0:0', 'process_one_work'),
         ('(work_completion)(&peer->transmit_handshake_work)', '+.+.', '0:0', 'process_one_work')],
        BTRCU + ' wg_noise_keypair_get[wireguard] wg_packet_send_staged_packets[wireguard] '
        'wg_packet_send_keepalive[wireguard] wg_packet_handshake_send_worker[wireguard] ' + KW)
    return old(r)


@rep('h119-rcu-openvswitch-flow-lookup-ufid-syzbot.log', 'OPENVSWITCH',
     'Open vSwitch looks a flow up by UFID (an RCU hlist walk that needs ovs_mutex or an RCU reader) from the flow get command without holding ovs_mutex',
     'syzbot "WARNING: suspicious RCU usage in ovs_flow_tbl_lookup_ufid" (RCU-list traversed in non-reader section; made up in real functions) -- sixth batch')
def _():
    r = R('syz', SYZ, 'syz-executor.4', 13377)
    rcu(r, 'net/openvswitch/flow_table.c:932 RCU-list traversed in non-reader section!!',
        [('cb_lock', '++++', '0:0', 'genl_rcv')],
        BTRCU + ' ovs_flow_tbl_lookup_ufid ovs_flow_cmd_get genl_family_rcv_msg_doit genl_family_rcv_msg! genl_rcv_msg '
        'netlink_rcv_skb genl_rcv netlink_unicast_kernel! netlink_unicast netlink_sendmsg sock_sendmsg_nosec! sock_sendmsg '
        '____sys_sendmsg ___sys_sendmsg __sys_sendmsg ' + SYS)
    return r


# h120, written after batch 6 was scored and its one rule change made
# (OWNERS_ROUTE_VERSION 17), labelled and committed before splatd was run
# on it: a hung task whose wait is in workqueue code (generic sections) and
# whose held lock the driver core took, the driver between them.
EXTRA.update({'azx_driver_exit': ('sound/pci/hda/hda_intel.c', 2880)})


@rep('h120-hung-task-hda-intel-remove-cancel-probe-work-dmesg.log', 'SOUND',
     'azx_remove cancels the controller\'s probe work synchronously while the PCI device lock (taken by the driver core for remove) is held, and the probe work loads a codec driver whose attach waits for that lock as the codec\'s parent; the driver must drop the device lock around the cancel, as 6.1 does (its FIXME says why)',
     'alsa-devel "INFO: task rmmod:NNNN blocked for more than 120 seconds" in cancel_delayed_work_sync from azx_remove while the HDA probe work is still loading codec modules (fixed by unlocking the controller device around the cancel) -- sixth batch, written after its rule change')
def _():
    r = R('plain', '', 'rmmod', 1872, cpu=1, ts=371.6)
    r.release, r.build = '4.20.0-rc2+', '#3'
    hung(r, 120, 'task:rmmod           state:D stack:    0 pid: 1872 ppid:  1841 flags:0x00004000',
         '__schedule schedule schedule_timeout do_wait_for_common! __wait_for_common wait_for_completion __flush_work '
         '__cancel_work_timer cancel_delayed_work_sync azx_remove[snd_hda_intel] pci_device_remove device_remove '
         'device_release_driver_internal driver_detach@drivers/base/dd.c bus_remove_driver driver_unregister '
         'pci_unregister_driver@drivers/pci/pci-driver.c azx_driver_exit[snd_hda_intel] __do_sys_delete_module! '
         '__se_sys_delete_module! __x64_sys_delete_module ' + SYS,
         [('khungtaskd/38', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('kworker/1:2/203', [('(wq_completion)events', '+.+.', '0:0', 'process_one_work'),
                               ('(work_completion)(&(&hda->probe_work)->work)', '+.+.', '0:0', 'process_one_work')]),
          ('rmmod/1872', [('&dev->mutex', '....', '3:3', 'device_release_driver_internal')])])
    return old(r)
