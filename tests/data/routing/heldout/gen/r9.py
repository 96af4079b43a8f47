# Batch 5 (h76-h99): subsystems and shapes no earlier batch or the corpus had
# (9p, btrfs qgroups, SPI core, e1000, panfrost, virtio-balloon, ath11k,
# libata under the SCSI scan, RFCOMM, CAN J1939, vc4, kprobes, AT91 XDMAC
# under ALSA, MTD, TPM, BFQ, sw_sync, bonding, mei, vt selection, CIFS DFS,
# epoll, cfg80211 rfkill, the DRM fbdev helper), written and labelled before
# splatd was run on any of them. Several put the code that must change below
# core services (vc4 under the DRM modeset core, BFQ under blk-mq, ath11k
# under mac80211's rhashtable walk) or make the core service itself the
# culprit (epoll, the DRM fbdev helper, the SPI core), and several name
# compiler-suffixed functions (.isra.0, .constprop.0, .part.0) as real
# reports do.
import re
from specs import *

EXTRA.update({'__arm64_sys_ioctl': ('fs/ioctl.c', 856), '__arm64_sys_write': ('fs/read_write.c', 646),
              '__irq_svc': ('arch/arm/kernel/entry-armv.S', 220),
              '__sysvec_irq_work': ('arch/x86/kernel/irq_work.c', 17), 'sysvec_irq_work': ('arch/x86/kernel/irq_work.c', 17),
              'asm_sysvec_irq_work': ('arch/x86/include/asm/idtentry.h', 728),
              '__common_interrupt': ('arch/x86/kernel/irq.c', 242), 'common_interrupt': ('arch/x86/kernel/irq.c', 242),
              'asm_common_interrupt': ('arch/x86/include/asm/idtentry.h', 682),
              '__do_sys_exit_group': ('kernel/exit.c', 1023), '__x64_sys_exit_group': ('kernel/exit.c', 1023)})
BTP = 'dump_stack_lvl check_noncircular __lock_acquire lock_acquire'
ARM64_SYS = 'invoke_syscall el0_svc_common do_el0_svc el0_svc el0t_64_sync_handler el0t_64_sync'
ARM64_BT = 'dump_backtrace@arch/arm64/kernel/stacktrace.c show_stack@arch/arm64/kernel/stacktrace.c dump_stack_lvl dump_stack'
ARM64_KW = 'process_one_work worker_thread kthread ret_from_fork@arch/arm64/kernel/entry.S'
def old(r):
    # lockdep printed no -{wait:inner} suffix before 5.7
    r.lines = [re.sub(r'\}-\{\d:\d\}', '}', l) for l in r.lines]
    return r


NL = ('netlink_rcv_skb netlink_unicast netlink_sendmsg sock_sendmsg_nosec! sock_sendmsg ____sys_sendmsg ___sys_sendmsg '
      '__sys_sendmsg ' + SYS)


@rep('h76-recursive-9p-client-lock-conn-cancel-syzbot.log', '9P FILE SYSTEM',
     '9p trans_fd cancels its pending requests holding the client lock, and the completion callback (p9_client_cb -> p9_req_put -> p9_tag_remove) takes the client lock again',
     'syzbot "possible deadlock in p9_req_put" (6.0-rc, fixed by "net/9p: use a dedicated spinlock for trans_fd") -- fifth batch')
def _():
    r = R('syz', '6.0.0-rc6-syzkaller-00210-g3800a713b607', 'kworker/1:3', 4410, cpu=1)
    cl = '&clnt->lock'
    recursive(r, (cl, '..-.', '2:2', 'p9_tag_remove!'), (cl, '..-.', '2:2', 'p9_conn_cancel'),
        [('(wq_completion)events', '+.+.', '0:0', 'process_one_work'),
         ('(work_completion)(&m->rq)', '+.+.', '0:0', 'process_one_work'), (cl, '..-.', '2:2', 'p9_conn_cancel')],
        BTR + ' __raw_spin_lock_irqsave! _raw_spin_lock_irqsave p9_tag_remove! p9_req_put p9_client_cb p9_conn_cancel '
        'p9_read_work ' + KW)
    return r


@rep('h77-circular-btrfs-qgroup-ioctl-lock-sb-internal-syzbot-5.15.log', 'BTRFS FILE SYSTEM',
     'btrfs_quota_enable starts a transaction (sb_internal, the freeze protection) while holding qgroup_ioctl_lock, the reverse of qgroup assign, which takes qgroup_ioctl_lock inside a transaction',
     'syzbot "possible deadlock in btrfs_quota_enable" (5.15; 6.1 drops qgroup_ioctl_lock before btrfs_start_transaction, see its comment) -- fifth batch')
def _():
    r = R('syz', '5.15.0-rc7-syzkaller-00039-g9c0c4d24ac00', 'syz-executor.1', 9812)
    ql = '&fs_info->qgroup_ioctl_lock'
    si = 'sb_internal#2'
    en = ('percpu_down_read! __sb_start_write! sb_start_intwrite! start_transaction@fs/btrfs/transaction.c btrfs_quota_enable btrfs_ioctl_quota_ctl '
          'btrfs_ioctl ' + IOCTL)
    circular(r, (si, '.+.+', '0:0', 'btrfs_quota_enable'), (ql, '+.+.', '3:3', 'btrfs_quota_enable'),
        [(ql, '+.+.', '3:3', '__mutex_lock_common! __mutex_lock btrfs_ioctl_qgroup_assign btrfs_ioctl ' + IOCTL),
         (si, '.+.+', '0:0', H0 + ' ' + en)],
        None, [('sb_writers#13', '.+.+', '0:0', 'mnt_want_write_file'),
               ('&fs_info->subvol_sem', '++++', '3:3', 'btrfs_ioctl_quota_ctl'), (ql, '+.+.', '3:3', 'btrfs_quota_enable')],
        BTC + ' ' + en)
    return r


@rep('h78-recursive-spi-add-lock-spi-mux-arm64.log', 'SPI SUBSYSTEM',
     'the SPI core gives every controller\'s add_lock one lock class, so registering a controller (spi-mux) from a device probed under its parent controller\'s add_lock nests the same class; the core must key the class per controller',
     'linux-spi "possible recursive locking detected: &ctlr->add_lock" on boards with an spi-mux under a SoC SPI controller -- fifth batch')
def _():
    r = R('plain', '', 'kworker/u8:1', 52, cpu=1, ts=3.91, arch='arm64')
    r.release, r.build = '6.1.0-rc5-next-20221116', '#1'
    r.hw = 'Pine64 RockPro64 v2.1 (DT)'
    al = '&ctlr->add_lock'
    inner = ('__mutex_lock mutex_lock_nested spi_add_device of_register_spi_device of_register_spi_devices spi_register_controller '
             'devm_spi_register_controller spi_mux_probe[spi_mux] spi_probe call_driver_probe@drivers/base/dd.c really_probe '
             '__driver_probe_device driver_probe_device __device_attach_driver bus_for_each_drv __device_attach device_initial_probe '
             'bus_probe_device device_add __spi_add_device spi_add_device of_register_spi_device of_register_spi_devices '
             'spi_register_controller devm_spi_register_controller rockchip_spi_probe platform_probe really_probe '
             '__driver_probe_device driver_probe_device __device_attach_driver bus_for_each_drv __device_attach '
             'device_initial_probe bus_probe_device deferred_probe_work_func ' + ARM64_KW)
    recursive(r, (al, '+.+.', '3:3', 'spi_add_device'), (al, '+.+.', '3:3', 'spi_add_device'),
        [('(wq_completion)events_unbound', '+.+.', '0:0', 'process_one_work'),
         ('deferred_probe_work', '+.+.', '0:0', 'process_one_work'), ('&dev->mutex', '....', '3:3', '__device_attach'),
         (al, '+.+.', '3:3', 'spi_add_device'), ('&dev->mutex', '....', '3:3', '__device_attach')],
        ARM64_BT + ' __lock_acquire lock_acquire ' + inner)
    return r


@rep('h79-circular-e1000-reset-task-rtnl-dmesg.log', 'INTEL ETHERNET DRIVERS',
     'e1000 cancels its reset task synchronously from ndo_stop (rtnl held by the caller), while the reset task takes rtnl',
     'netdev "possible circular locking dependency: rtnl_mutex --> (work_completion)(&adapter->reset_task)" on `ip link set down` (e1000 reset task taking rtnl) -- fifth batch')
def _():
    r = R('plain', '', 'ip', 2288, cpu=0, ts=912.2)
    r.release, r.build = '5.10.0-rc3+', '#2'
    rt = 'rtnl_mutex'
    wc = '(work_completion)(&adapter->reset_task)'
    dn = ('__flush_work __cancel_work_timer cancel_work_sync e1000_down_and_stop[e1000] e1000_down[e1000] e1000_close[e1000] '
          '__dev_close_many __dev_change_flags dev_change_flags do_setlink __rtnl_newlink rtnl_newlink rtnetlink_rcv_msg ' + NL)
    circular(r, (wc, '+.+.', '0:0', '__flush_work'), (rt, '+.+.', '3:3', 'rtnetlink_rcv_msg'),
        [(rt, '+.+.', '3:3', '__mutex_lock mutex_lock_nested rtnl_lock e1000_reset_task@drivers/net/ethernet/intel/e1000/e1000_main.c[e1000] ' + KW),
         (wc, '+.+.', '0:0', '__lock_acquire lock_acquire ' + dn)],
        None, [(rt, '+.+.', '3:3', 'rtnetlink_rcv_msg')],
        BTP + ' ' + dn)
    return r


@rep('h80-circular-panfrost-shrinker-pages-lock-fs-reclaim-arm64.log', 'ARM MALI PANFROST DRM DRIVER',
     'the panfrost shrinker takes each BO\'s shmem pages_lock (mutex_lock) from reclaim, while pages are allocated under pages_lock; the shrinker must only trylock',
     'dri-devel "possible circular locking dependency: fs_reclaim --> &shmem->pages_lock" from kswapd (5.4-rc, fixed by "drm/panfrost: Fix shrinker lock dependency chain") -- fifth batch')
def _():
    r = R('plain', '', 'kswapd0', 71, cpu=3, ts=402.8, arch='arm64')
    r.release, r.build = '5.4.0-rc1-00042-g9c7db5004280', '#3'
    r.hw = 'Radxa ROCK Pi 4B (DT)'
    fr = 'fs_reclaim'
    pl = '&shmem->pages_lock'
    sh = ('__mutex_lock mutex_lock_nested panfrost_gem_purge.isra.0[panfrost] panfrost_gem_shrinker_scan[panfrost] do_shrink_slab '
          'shrink_slab shrink_node_memcgs shrink_node balance_pgdat kswapd kthread ret_from_fork@arch/arm64/kernel/entry.S')
    circular(r, (pl, '+.+.', '3:3', 'panfrost_gem_purge.isra.0[panfrost]'), (fr, '+.+.', '0:0', '__fs_reclaim_acquire'),
        [(fr, '+.+.', '0:0', 'fs_reclaim_acquire@mm/page_alloc.c __alloc_pages shmem_alloc_folio shmem_alloc_and_acct_folio '
          'shmem_get_folio_gfp shmem_read_mapping_page_gfp drm_gem_get_pages drm_gem_shmem_get_pages_locked '
          'drm_gem_shmem_get_pages_sgt panfrost_mmu_map[panfrost] panfrost_gem_open[panfrost] drm_gem_handle_create_tail '
          'panfrost_ioctl_create_bo[panfrost] drm_ioctl_kernel drm_ioctl __arm64_sys_ioctl ' + ARM64_SYS),
         (pl, '+.+.', '3:3', '__lock_acquire lock_acquire ' + sh)],
        None, [(fr, '+.+.', '0:0', '__fs_reclaim_acquire'), ('shrinker_rwsem', '++++', '0:0', 'shrink_slab'),
               ('&pfdev->shrinker_lock', '+.+.', '3:3', 'panfrost_gem_shrinker_scan[panfrost]')],
        ARM64_BT + ' print_circular_bug check_noncircular __lock_acquire lock_acquire ' + sh)
    return old(r)


@rep('h81-recursive-virtio-balloon-lock-oom-notify-dmesg.log', 'VIRTIO BALLOON',
     'virtio_balloon inflates (allocates pages) holding balloon_lock, and an allocation that ends in the OOM killer calls the balloon OOM notifier, which deflates under balloon_lock',
     'virtualization list "possible recursive locking detected: &vb->balloon_lock" under memory pressure (4.14, fixed by "virtio_balloon: fix deadlock on OOM") -- fifth batch')
def _():
    r = R('plain', '', 'kworker/0:1', 31, cpu=0, ts=3120.55)
    r.release, r.build = '4.14.0-rc4+', '#1'
    bl = '&vb->balloon_lock'
    recursive(r, (bl, '+.+.', '3:3', 'leak_balloon[virtio_balloon]'), (bl, '+.+.', '3:3', 'fill_balloon[virtio_balloon]'),
        [('"events_freezable"', '+.+.', '0:0', 'process_one_work'),
         ('(&vb->update_balloon_size_work)', '+.+.', '0:0', 'process_one_work'),
         (bl, '+.+.', '3:3', 'fill_balloon[virtio_balloon]'), ('oom_lock', '+.+.', '3:3', '__alloc_pages_may_oom')],
        'dump_stack_lvl print_deadlock_bug __lock_acquire lock_acquire __mutex_lock mutex_lock_nested leak_balloon[virtio_balloon] '
        'virtio_balloon_oom_notify[virtio_balloon] blocking_notifier_call_chain out_of_memory __alloc_pages_may_oom '
        '__alloc_pages_slowpath.constprop.0 __alloc_pages balloon_page_alloc fill_balloon[virtio_balloon] '
        'update_balloon_size_func[virtio_balloon] ' + KW)
    return old(r)


@rep('h82-rcu-ath11k-rssi-chain-find-sta-dmesg.log', 'QUALCOMM ATHEROS ATH11K WIRELESS DRIVER',
     'ath11k parses the per-chain RSSI firmware stats from its WMI event tasklet and looks the station up with ieee80211_find_sta_by_ifaddr (an RCU rhashtable walk) without rcu_read_lock',
     'linux-wireless "WARNING: suspicious RCU usage ... net/mac80211/sta_info.c ... ath11k_wmi_tlv_rssi_chain_parse" (6.1-rc, fixed by taking rcu_read_lock there) -- fifth batch')
def _():
    r = R('plain', '', 'swapper/2', 0, cpu=2, ts=188.42)
    r.release, r.build = '6.1.0-rc4-wt-ath+', '#1'
    r.hw = 'LENOVO 21CBCTO1WW/21CBCTO1WW, BIOS N3AET70W (1.35 ) 09/26/2022'
    rcu(r, 'net/mac80211/sta_info.c:1514 suspicious rcu_dereference_check() usage!', [],
        '<IRQ> ' + BTRCU + ' sta_info_hash_lookup[mac80211] ieee80211_find_sta_by_ifaddr[mac80211] '
        'ath11k_wmi_tlv_rssi_chain_parse[ath11k] ath11k_wmi_tlv_iter[ath11k] ath11k_wmi_tlv_fw_stats_parse[ath11k] '
        'ath11k_wmi_tlv_iter[ath11k] ath11k_wmi_pull_fw_stats[ath11k] ath11k_update_stats_event[ath11k] '
        'ath11k_wmi_tlv_op_rx[ath11k] ath11k_htc_rx_completion_handler[ath11k] ath11k_ce_recv_process_cb[ath11k] '
        'ath11k_ce_per_engine_service[ath11k] ath11k_pcic_ce_tasklet[ath11k] tasklet_action_common.constprop.0 '
        'tasklet_action __do_softirq __irq_exit_rcu irq_exit_rcu common_interrupt </IRQ> <TASK> asm_common_interrupt '
        'cpuidle_enter_state cpuidle_enter cpuidle_idle_call! do_idle cpu_startup_entry start_secondary '
        'secondary_startup_64_no_verify', rsa=2)
    return r


@rep('h83-hung-task-libata-user-scan-wait-eh-dmesg.log', 'LIBATA SUBSYSTEM (Serial and Parallel ATA drivers)',
     'a user-requested SCSI host scan blocks in libata\'s ata_scsi_user_scan waiting for an error handler that never finishes (a port stuck in EH), holding the SCSI host scan_mutex every other scan needs',
     'linux-ide "INFO: task bash blocked for more than 120 seconds" in ata_port_wait_eh from store_scan (echo "- - -" > /sys/class/scsi_host/hostN/scan) -- fifth batch')
def _():
    r = R('plain', '', 'bash', 3381, cpu=2, ts=1642.7)
    r.release, r.build = '6.1.0-rc2-ata+', '#4'
    hung(r, 122, 'task:bash            state:D stack:0     pid:3381  ppid:3377   flags:0x00004002',
         '__schedule schedule ata_port_wait_eh ata_scsi_user_scan scsi_scan_host_selected store_scan dev_attr_store '
         'sysfs_kf_write kernfs_fop_write_iter vfs_write ksys_write ' + SYS,
         [('khungtaskd/57', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('scsi_eh_2/214', []),
          ('bash/3381', [('sb_writers#4', '.+.+', '0:0', 'ksys_write'), ('&of->mutex', '+.+.', '3:3', 'kernfs_fop_write_iter'),
                         ('kn->active#79', '.+.+', '0:0', 'kernfs_fop_write_iter'),
                         ('&shost->scan_mutex', '+.+.', '3:3', 'scsi_scan_host_selected')])])
    return r


@rep('h84-circular-rfcomm-dlc-lock-sk-lock-syzbot.log', 'BLUETOOTH SUBSYSTEM',
     'RFCOMM shutdown closes the DLC (rfcomm_dlc_lock) while holding the socket lock, and the DLC state callback rfcomm_sk_state_change locks the socket under the DLC lock',
     'syzbot "possible deadlock in rfcomm_sk_state_change" (sk_lock-AF_BLUETOOTH-BTPROTO_RFCOMM vs &d->lock) -- fifth batch')
def _():
    r = R('syz', SYZ, 'krfcommd', 3102)
    sk = 'sk_lock-AF_BLUETOOTH-BTPROTO_RFCOMM'
    dl = '&d->lock'
    st = ('lock_sock_nested rfcomm_sk_state_change __rfcomm_dlc_close rfcomm_dlc_close rfcomm_session_close! '
          'rfcomm_check_connection! rfcomm_process_sessions! rfcomm_run kthread ' + RF)
    circular(r, (sk, '+.+.', '0:0', 'rfcomm_sk_state_change'), (dl, '+.+.', '3:3', '__rfcomm_dlc_close'),
        [(dl, '+.+.', '3:3', '__mutex_lock_common! __mutex_lock __rfcomm_dlc_close rfcomm_dlc_close '
          '__rfcomm_sock_close rfcomm_sock_shutdown __sys_shutdown_sock! __sys_shutdown __do_sys_shutdown! '
          '__se_sys_shutdown! __x64_sys_shutdown ' + SYS),
         (sk, '+.+.', '0:0', H0 + ' ' + st)],
        None, [('rfcomm_mutex', '+.+.', '3:3', 'rfcomm_run'), (dl, '+.+.', '3:3', '__rfcomm_dlc_close')],
        BTC + ' ' + st)
    return r


@rep('h85-inconsistent-j1939-session-queue-lock-syzbot.log', 'CAN-J1939 NETWORK LAYER',
     'j1939 drops a socket\'s queued sessions taking sk_session_queue_lock with softirqs enabled (sendmsg error path), while the transport timer activates the next session under the same lock in softirq',
     'syzbot "inconsistent lock state in j1939_sk_queue_activate_next" ({IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W}, fixed by spin_lock_bh) -- fifth batch')
def _():
    r = R('syz', '5.10.0-rc2-syzkaller-00144-gf2e0b4f5ac4f', 'syz-executor.4', 16710)
    ql = '&jsk->sk_session_queue_lock'
    reg = ('lock_acquire! lock_acquire __raw_spin_lock! _raw_spin_lock j1939_sk_queue_activate_next '
           'j1939_session_deactivate_activate_next j1939_tp_txtimer __run_hrtimer! __hrtimer_run_queues '
           'hrtimer_run_softirq __do_softirq invoke_softirq! __irq_exit_rcu irq_exit_rcu sysvec_apic_timer_interrupt '
           'asm_sysvec_apic_timer_interrupt')
    inconsistent(r, 'IN-SOFTIRQ-W', 'SOFTIRQ-ON-W', 'HC0[0]:SC0[0]:HE1:SE1', (ql, '+.?.', '2:2', 'j1939_sk_queue_drop_all'),
        reg, STAMP, [('sk_lock-AF_CAN', '+.+.', '0:0', 'j1939_sk_sendmsg')],
        BTI + ' __raw_spin_lock! _raw_spin_lock j1939_sk_queue_drop_all j1939_sk_send_loop! j1939_sk_sendmsg '
        'sock_sendmsg_nosec! sock_sendmsg ____sys_sendmsg ___sys_sendmsg __sys_sendmsg ' + SYS)
    return r


@rep('h86-bad-unlock-vc4-hdmi-reset-link-arm64.log', 'DRM DRIVERS FOR VC4',
     'vc4 HDMI drops the CRTC modeset lock on the -EDEADLK path of its link reset although drm_modeset_lock did not take it (the acquire context unlocks on backoff)',
     'dri-devel "WARNING: bad unlock balance detected! ... (crtc_ww_class_mutex) at: drm_modeset_unlock" on HDMI hotplug, Raspberry Pi 4 -- fifth batch')
def _():
    r = R('plain', '', 'kworker/1:2', 98, cpu=1, ts=77.3, arch='arm64')
    r.release, r.build = '6.1.0-rc6-v8-vc4+', '#12'
    r.hw = 'Raspberry Pi 4 Model B Rev 1.4 (DT)'
    bad_unlock(r, 'crtc_ww_class_mutex', 'drm_modeset_unlock',
        [('(wq_completion)events', '+.+.', '0:0', 'process_one_work'),
         ('(work_completion)(&(&dev->mode_config.output_poll_work)->work)', '+.+.', '0:0', 'process_one_work'),
         ('&dev->mode_config.mutex', '+.+.', '3:3', 'output_poll_execute'),
         ('crtc_ww_class_acquire', '+.+.', '0:0', 'drm_helper_probe_detect_ctx'),
         ('crtc_ww_class_mutex', '+.+.', '3:3', 'drm_modeset_lock'), ('&vc4_hdmi->mutex', '+.+.', '3:3', 'vc4_hdmi_connector_detect_ctx[vc4]')],
        ARM64_BT + ' print_unlock_imbalance_bug lock_release ww_mutex_unlock@kernel/locking/mutex.c drm_modeset_unlock '
        'vc4_hdmi_reset_link[vc4] vc4_hdmi_handle_hotplug[vc4] vc4_hdmi_connector_detect_ctx[vc4] drm_helper_probe_detect_ctx '
        'output_poll_execute ' + ARM64_KW)
    return r


@rep('h87-circular-kprobes-optimizer-work-kprobe-mutex-dmesg.log', 'KPROBES',
     'unoptimize_all_kprobes waits for the kprobe optimizer work (flush_delayed_work) while still holding kprobe_mutex, which the optimizer work takes',
     'LKML "possible circular locking dependency: kprobe_mutex --> (work_completion)(&(&optimizing_work)->work)" on sysctl debug.kprobes-optimization=0 (4.x) -- fifth batch')
def _():
    r = R('plain', '', 'sysctl', 1877, cpu=3, ts=301.16)
    r.release, r.build = '5.4.0-rc6+', '#7'
    km = 'kprobe_mutex'
    ow = '(work_completion)(&(&optimizing_work)->work)'
    un = ('__flush_work flush_delayed_work wait_for_kprobe_optimizer unoptimize_all_kprobes proc_kprobes_optimization_handler '
          'proc_sys_call_handler proc_sys_write vfs_write ksys_write ' + SYS)
    circular(r, (ow, '+.+.', '0:0', '__flush_work'), (km, '+.+.', '3:3', 'unoptimize_all_kprobes'),
        [(km, '+.+.', '3:3', '__mutex_lock mutex_lock_nested kprobe_optimizer ' + KW),
         (ow, '+.+.', '0:0', '__lock_acquire lock_acquire ' + un)],
        None, [('sb_writers#3', '.+.+', '0:0', 'ksys_write'), ('kprobe_sysctl_mutex', '+.+.', '3:3', 'proc_kprobes_optimization_handler'),
               (km, '+.+.', '3:3', 'unoptimize_all_kprobes')],
        BTP + ' ' + un)
    return old(r)


@rep('h88-recursive-at-xdmac-chan-lock-cyclic-callback-arm32.log', 'MICROCHIP AT91 DMA DRIVERS',
     'the AT91 XDMAC driver calls a cyclic transfer\'s completion callback with the channel lock held, and the ALSA dmaengine PCM callback asks the channel for its residue (at_xdmac_tx_status takes the lock again)',
     'linux-arm-kernel "possible recursive locking detected: &atchan->lock" during audio playback on SAMA5D2 (fixed by releasing the lock before callbacks) -- fifth batch')
def _():
    r = R('plain', '', 'aplay', 612, cpu=0, ts=58.9, arch='arm32')
    r.release, r.build = '5.17.0-rc3-at91+', '#5'
    r.hw = 'Atmel SAMA5'
    cl = '&atchan->lock'
    recursive(r, (cl, '-...', '2:2', 'at_xdmac_tx_status'), (cl, '-...', '2:2', 'at_xdmac_handle_cyclic'),
        [(cl, '-...', '2:2', 'at_xdmac_handle_cyclic'), ('&group->lock', '-...', '2:2', 'snd_pcm_period_elapsed')],
        'unwind_backtrace@arch/arm/kernel/unwind.c show_stack@arch/arm/kernel/traps.c dump_stack_lvl@lib/dump_stack.c '
        '__lock_acquire lock_acquire _raw_spin_lock_irqsave at_xdmac_tx_status snd_dmaengine_pcm_pointer '
        'dmaengine_pcm_pointer snd_soc_pcm_component_pointer soc_pcm_pointer snd_pcm_update_hw_ptr0 '
        'snd_pcm_period_elapsed_under_stream_lock snd_pcm_period_elapsed dmaengine_pcm_dma_complete at_xdmac_handle_cyclic '
        'at_xdmac_tasklet tasklet_action_common tasklet_action __do_softirq irq_exit generic_handle_arch_irq '
        '__irq_svc@arch/arm/kernel/entry-armv.S default_idle_call do_idle cpu_startup_entry rest_init '
        'arch_call_rest_init start_kernel')
    return r


@rep('h89-circular-mtd-blktrans-open-table-mutex-syzbot-5.14.log', 'MEMORY TECHNOLOGY DEVICES (MTD)',
     'mtd_blkdevs takes mtd_table_mutex in blktrans_open under the disk open_mutex, while removing an MTD device holds mtd_table_mutex into del_gendisk, which takes open_mutex',
     'syzbot / LKML "possible circular locking dependency: &disk->open_mutex --> mtd_table_mutex" (5.14, fixed by "mtd_blkdevs: don\'t hold del_mtd_blktrans_dev in blktrans_{open, release}") -- fifth batch')
def _():
    r = R('syz', '5.14.0-rc5-syzkaller-00102-g57b8a2dbe9f0', 'syz-executor.0', 8501)
    om = '&disk->open_mutex'
    mt = 'mtd_table_mutex'
    op = ('__mutex_lock_common! __mutex_lock blktrans_open blkdev_get_whole blkdev_get_by_dev blkdev_open do_dentry_open '
          'do_open@fs/namei.c path_openat do_filp_open do_sys_openat2 do_sys_open! __do_sys_openat! __se_sys_openat! '
          '__x64_sys_openat ' + SYS)
    circular(r, (mt, '+.+.', '3:3', 'blktrans_open'), (om, '+.+.', '3:3', 'blkdev_get_by_dev'),
        [(om, '+.+.', '3:3', '__mutex_lock_common! __mutex_lock del_gendisk del_mtd_blktrans_dev mtdblock_remove_dev@drivers/mtd/mtdblock.c '
          'blktrans_notify_remove del_mtd_device mtd_device_unregister cleanup_mtdram@drivers/mtd/devices/mtdram.c '
          '__do_sys_delete_module! __se_sys_delete_module! __x64_sys_delete_module ' + SYS),
         (mt, '+.+.', '3:3', H0 + ' ' + op)],
        None, [(om, '+.+.', '3:3', 'blkdev_get_by_dev')],
        BTC + ' ' + op)
    return r


@rep('h90-user-return-tpm-mutex-common-write-dmesg.log', 'TPM DEVICE DRIVER',
     'a TPM character device write returns to user space on an error path with the chip tpm_mutex still held (tpm_try_get_ops without tpm_put_ops)',
     'linux-integrity "WARNING: lock held when returning to user space! ... (&chip->tpm_mutex) at: tpm_try_get_ops" from a vtpm proxy test -- fifth batch')
def _():
    r = R('plain', '', 'tpm2_selftest', 4211, cpu=1, ts=733.0)
    r.release, r.build = '6.1.0-rc7-tpm+', '#3'
    user_return(r, [('&chip->tpm_mutex', '+.+.', '3:3', 'tpm_try_get_ops')])
    return r


@rep('h91-circular-bfq-lock-ioc-lock-merge-free-dmesg.log', 'BFQ I/O SCHEDULER',
     'BFQ frees a request merged at insert time (blk_mq_free_request -> put_io_context takes ioc->lock) while holding bfqd->lock, while exiting an io_context calls bfq_exit_icq, which takes bfqd->lock, under ioc->lock',
     'linux-block "possible circular locking dependency: &bfqd->lock --> &ioc->lock" (5.16, fixed by "blk: Fix lock inversion between ioc lock and bfqd lock") -- fifth batch')
def _():
    r = R('plain', '', 'fio', 5120, cpu=6, ts=840.33)
    r.release, r.build = '5.16.0-rc4+', '#1'
    il = '&ioc->lock'
    bq = '&bfqd->lock'
    ins = ('_raw_spin_lock_irqsave put_io_context blk_mq_free_request blk_attempt_req_merge elv_attempt_insert_merge '
           'blk_mq_sched_try_insert_merge bfq_insert_request.isra.0 bfq_insert_requests blk_mq_sched_insert_requests '
           'blk_mq_flush_plug_list __blk_flush_plug blk_finish_plug ext4_writepages do_writepages filemap_fdatawrite_wbc '
           '__filemap_fdatawrite_range file_write_and_wait_range ext4_sync_file vfs_fsync_range do_fsync '
           '__x64_sys_fdatasync ' + SYS)
    circular(r, (il, '..-.', '2:2', 'put_io_context'), (bq, '-.-.', '2:2', 'bfq_insert_requests'),
        [(bq, '-.-.', '2:2', '_raw_spin_lock_irqsave bfq_exit_icq_bfqq bfq_exit_icq ioc_exit_icq ioc_exit_icqs exit_io_context '
          'do_exit do_group_exit __x64_sys_exit_group ' + SYS),
         (il, '..-.', '2:2', '__lock_acquire lock_acquire ' + ins)],
        None, [(bq, '-.-.', '2:2', 'bfq_insert_requests')],
        BTP + ' ' + ins)
    return r


@rep('h92-inconsistent-sw-sync-timeline-list-lock-syzbot.log', 'SYNC FILE FRAMEWORK',
     'sw_sync frees a timeline from the last fence release, which can run in hard interrupt context (a fence array signalled from irq_work), taking sync_timeline_list_lock without disabling interrupts',
     'syzbot "inconsistent lock state in sync_timeline_debug_remove" ({HARDIRQ-ON-W} -> {IN-HARDIRQ-W}) -- fifth batch')
def _():
    r = R('syz', '5.13.0-rc3-syzkaller-00017-g2f06bf4c1b22', 'syz-executor.5', 14207)
    tl = 'sync_timeline_list_lock'
    reg = ('lock_acquire! lock_acquire __raw_spin_lock! _raw_spin_lock sync_timeline_debug_add sync_timeline_create! '
           'sw_sync_debugfs_open full_proxy_open do_dentry_open do_open@fs/namei.c path_openat do_filp_open do_sys_openat2 '
           'do_sys_open! __do_sys_openat! __se_sys_openat! __x64_sys_openat ' + SYS)
    inconsistent(r, 'HARDIRQ-ON-W', 'IN-HARDIRQ-W', 'HC1[1]:SC0[0]:HE0:SE1', (tl, '?.+.', '2:2', 'sync_timeline_debug_remove'),
        reg, STAMP, [],
        '<IRQ> ' + BTI + ' __raw_spin_lock! _raw_spin_lock sync_timeline_debug_remove sync_timeline_free kref_put! sync_timeline_put! '
        'timeline_fence_release dma_fence_release kref_put! dma_fence_put! dma_fence_array_release dma_fence_release '
        'kref_put! dma_fence_put! irq_dma_fence_array_work irq_work_single irq_work_run_list! irq_work_run '
        '__sysvec_irq_work sysvec_irq_work </IRQ> <TASK> asm_sysvec_irq_work sync_file_merge! sync_file_ioctl_merge! '
        'sync_file_ioctl ' + IOCTL)
    return r


@rep('h93-rcu-bonding-arp-probe-curr-arp-slave-syzbot.log', 'BONDING DRIVER',
     'bonding\'s active-backup ARP monitor reads current_arp_slave with rcu_dereference in bond_ab_arp_probe while holding only rtnl, outside any RCU reader',
     'syzbot "WARNING: suspicious RCU usage in bond_ab_arp_probe" (fixed by rtnl_dereference there) -- fifth batch')
def _():
    r = R('syz', '6.0.0-rc2-syzkaller-00248-g4c612826bec1', 'kworker/u4:6', 2204)
    rcu(r, 'drivers/net/bonding/bond_main.c:3768 suspicious rcu_dereference_check() usage!',
        [('(wq_completion)bond0', '+.+.', '0:0', 'process_one_work'),
         ('(work_completion)(&(&bond->arp_work)->work)', '+.+.', '0:0', 'process_one_work'),
         ('rtnl_mutex', '+.+.', '3:3', 'bond_activebackup_arp_mon')],
        BTRCU + ' bond_ab_arp_probe bond_activebackup_arp_mon bond_arp_monitor ' + KW, rsa=2)
    return r


@rep('h94-circular-mei-device-lock-reset-work-dmesg.log', 'INTEL MANAGEMENT ENGINE (mei)',
     'mei_stop cancels the reset work synchronously while holding device_lock, and the reset work takes device_lock',
     'LKML "possible circular locking dependency: &dev->device_lock --> (work_completion)(&dev->reset_work)" on suspend / unbind of mei_me (4.x) -- fifth batch')
def _():
    r = R('plain', '', 'systemd-sleep', 2933, cpu=2, ts=4410.2)
    r.release, r.build = '4.19.0-rc8+', '#3'
    r.hw = 'Dell Inc. Latitude 7490/0KP0FT, BIOS 1.8.3 04/24/2019'
    dl = '&dev->device_lock'
    rw = '(work_completion)(&dev->reset_work)'
    st = ('__flush_work __cancel_work_timer cancel_work_sync mei_cancel_work[mei] mei_stop[mei] mei_me_pci_suspend[mei_me] '
          'pci_pm_suspend dpm_run_callback __device_suspend async_suspend async_run_entry_fn ' + KW)
    circular(r, (rw, '+.+.', '0:0', '__flush_work'), (dl, '+.+.', '3:3', 'mei_stop[mei]'),
        [(dl, '+.+.', '3:3', '__mutex_lock mutex_lock_nested mei_reset_work[mei] ' + KW),
         (rw, '+.+.', '0:0', '__lock_acquire lock_acquire ' + st)],
        None, [('(wq_completion)events_unbound', '+.+.', '0:0', 'process_one_work'),
               ('(work_completion)(&entry->work)', '+.+.', '0:0', 'process_one_work'),
               ('&dev->mutex', '+.+.', '3:3', '__device_suspend'), (dl, '+.+.', '3:3', 'mei_stop[mei]')],
        BTP + ' ' + st)
    return r


@rep('h95-circular-vt-selection-sel-lock-console-lock-syzbot.log', 'TTY LAYER',
     'the vt selection code takes its selection mutex under console_lock in set_selection_kernel, while paste_selection feeds the tty (termios_rwsem) under the selection mutex and a tty write takes console_lock under termios_rwsem',
     'syzbot "possible deadlock in set_selection_kernel" / "in paste_selection" (5.6-rc, fixed by "vt: selection, push sel_lock up") -- fifth batch')
def _():
    r = R('syz', '5.6.0-rc3-syzkaller-00021-gdb01ee2a2e5a', 'syz-executor.2', 10327)
    cl = 'console_lock'
    tr = '&tty->termios_rwsem'
    sl = 'sel_lock'
    ss = ('__mutex_lock_common! __mutex_lock vc_selection_store_chars vc_do_selection vc_selection set_selection_kernel '
          'set_selection_user tioclinux vt_ioctl tty_ioctl ' + IOCTL)
    circular(r, (sl, '+.+.', '3:3', 'vc_selection_store_chars'), (cl, '+.+.', '0:0', 'set_selection_kernel'),
        [(cl, '+.+.', '0:0', 'console_lock do_con_write con_write n_tty_write file_tty_write tty_write vfs_write ksys_write '
          + SYS),
         (tr, '++++', '0:0', 'down_read n_tty_receive_buf_common n_tty_receive_buf tty_ldisc_receive_buf paste_selection '
          'tioclinux vt_ioctl tty_ioctl ' + IOCTL),
         (sl, '+.+.', '3:3', H0 + ' ' + ss)],
        None, [('&tty->ldisc_sem', '++++', '0:0', 'tty_ldisc_ref_wait'), (cl, '+.+.', '0:0', 'set_selection_kernel')],
        BTC + ' ' + ss)
    return old(r)


@rep('h96-recursive-cifs-dfs-htable-rw-lock-reconnect-dmesg.log', 'COMMON INTERNET FILE SYSTEM CLIENT (CIFS and SMB3)',
     'the CIFS DFS cache refreshes a path holding htable_rw_lock across the referral request, whose session reconnect looks the DFS cache up and takes htable_rw_lock again',
     'linux-cifs "possible recursive locking detected: htable_rw_lock" on a DFS mount reconnect (6.2-rc, fixed by "cifs: fix potential deadlock in cache_refresh_path") -- fifth batch')
def _():
    r = R('plain', '', 'kworker/4:1', 1260, cpu=4, ts=2840.0)
    r.release, r.build = '6.2.0-rc2-cifs+', '#1'
    hl = 'htable_rw_lock'
    recursive(r, (hl, '++++', '0:0', 'dfs_cache_noreq_find[cifs]'), (hl, '++++', '0:0', 'cache_refresh_path[cifs]'),
        [('(wq_completion)cifsiod', '+.+.', '0:0', 'process_one_work'),
         ('(work_completion)(&(&server->reconnect)->work)', '+.+.', '0:0', 'process_one_work'),
         (hl, '++++', '0:0', 'cache_refresh_path[cifs]'), ('&ses->session_mutex', '+.+.', '3:3', 'smb2_reconnect[cifs]')],
        'dump_stack_lvl print_deadlock_bug __lock_acquire lock_acquire down_read dfs_cache_noreq_find[cifs] '
        'cifs_tree_connect[cifs] smb2_reconnect[cifs] smb2_plain_req_init[cifs] SMB2_ioctl_init[cifs] SMB2_ioctl[cifs] '
        'smb2_get_dfs_refer[cifs] get_dfs_referral[cifs] cache_refresh_path[cifs] dfs_cache_find[cifs] '
        'cifs_tree_connect[cifs] smb2_reconnect[cifs] smb2_reconnect_server[cifs] ' + KW)
    return r


@rep('h97-recursive-epoll-poll-wait-nested-syzbot.log', 'FILESYSTEMS (VFS and infrastructure)',
     'epoll wakes a nested epoll\'s poll_wait queue from ep_poll_callback with the outer queue\'s lock held and the same lock class; epoll must pass its nesting depth to the wakeup (the code of the fix is in fs/eventpoll.c, the VFS\'s)',
     'syzbot "possible deadlock in ep_poll_callback" (&ep->poll_wait recursion through nested epoll file descriptors, 5.x) -- fifth batch')
def _():
    r = R('syz', '5.4.0-rc7-syzkaller-00003-g45a6e2bee1f4', 'syz-executor.3', 11580)
    pw = '&ep->poll_wait'
    wk = ('ep_poll_safewake ep_poll_callback __wake_up_common __wake_up_common_lock ep_poll_safewake ep_poll_callback '
          '__wake_up_common __wake_up_common_lock __wake_up eventfd_write vfs_write ksys_write ' + SYS)
    recursive(r, (pw, '....', '2:2', '__wake_up_common_lock'), (pw, '....', '2:2', '__wake_up_common_lock'),
        [('&ctx->wqh', '....', '2:2', 'eventfd_write'), ('&ep->lock', '....', '2:2', 'ep_poll_callback'),
         (pw, '....', '2:2', '__wake_up_common_lock'), ('&ep->lock', '....', '2:2', 'ep_poll_callback')],
        BTR + ' __raw_spin_lock_irqsave! _raw_spin_lock_irqsave __wake_up_common_lock ' + wk)
    return old(r)


@rep('h98-circular-cfg80211-rfkill-set-block-rtnl-syzbot.log', '802.11 (including CFG80211/NL80211)',
     'cfg80211\'s rfkill set_block callback takes rtnl under rfkill_global_mutex (rfkill core holds it around the callback), while registering a wiphy under rtnl registers its rfkill, which takes rfkill_global_mutex',
     'syzbot "possible deadlock in cfg80211_rfkill_set_block" / "in rfkill_register" (5.12, fixed by taking the wiphy lock instead of rtnl) -- fifth batch')
def _():
    r = R('syz', '5.12.0-rc2-syzkaller-00118-g144c79ef3353', 'syz-executor.0', 9003)
    rm = 'rfkill_global_mutex'
    rt = 'rtnl_mutex'
    reg = ('__mutex_lock_common! __mutex_lock rfkill_register wiphy_register ieee80211_register_hw mac80211_hwsim_new_radio@drivers/net/wireless/mac80211_hwsim.c '
           'hwsim_new_radio_nl@drivers/net/wireless/mac80211_hwsim.c genl_family_rcv_msg_doit! genl_rcv_msg ' + NL)
    circular(r, (rm, '+.+.', '3:3', 'rfkill_register'), (rt, '+.+.', '3:3', 'ieee80211_register_hw'),
        [(rt, '+.+.', '3:3', '__mutex_lock_common! __mutex_lock rtnl_lock cfg80211_rfkill_set_block rfkill_set_block@net/rfkill/core.c '
          'rfkill_fop_write vfs_write ksys_write ' + SYS),
         (rm, '+.+.', '3:3', H0 + ' ' + reg)],
        None, [('cb_lock', '++++', '3:3', 'genl_rcv'), ('genl_mutex', '+.+.', '3:3', 'genl_lock!'),
               (rt, '+.+.', '3:3', 'ieee80211_register_hw')],
        BTC + ' ' + reg)
    return r


@rep('h99-circular-drm-fb-helper-lock-console-lock-dmesg.log', 'DRM DRIVERS AND MISC GPU PATCHES',
     'the DRM fbdev helper registers the framebuffer (fbcon takes console_lock) while holding helper->lock, and fbcon blanking under console_lock calls the helper\'s blank hook, which takes helper->lock',
     'dri-devel "possible circular locking dependency: &helper->lock --> console_lock" on bochs/virtio-gpu probe (fixed by dropping the lock before register_framebuffer: __drm_fb_helper_initial_config_and_unlock) -- fifth batch')
def _():
    r = R('plain', '', 'systemd-udevd', 233, cpu=0, ts=4.71)
    r.release, r.build = '5.1.0-rc2+', '#6'
    hl = '&helper->lock'
    cl = 'console_lock'
    pr = ('console_lock fbcon_fb_registered do_register_framebuffer register_framebuffer '
          '__drm_fb_helper_initial_config_and_unlock drm_fb_helper_initial_config drm_fbdev_client_hotplug drm_client_register '
          'drm_fbdev_generic_setup bochs_pci_probe[bochs_drm] local_pci_probe pci_device_probe really_probe '
          '__driver_probe_device driver_probe_device __driver_attach bus_for_each_dev bus_add_driver driver_register '
          'do_one_initcall do_init_module load_module __do_sys_finit_module! __x64_sys_finit_module ' + SYS)
    circular(r, (cl, '+.+.', '0:0', 'fbcon_fb_registered'), (hl, '+.+.', '3:3', '__drm_fb_helper_initial_config_and_unlock'),
        [(hl, '+.+.', '3:3', '__mutex_lock mutex_lock_nested drm_fb_helper_dpms drm_fb_helper_blank fb_blank fbcon_blank '
          'do_blank_screen console_callback ' + KW),
         (cl, '+.+.', '0:0', '__lock_acquire lock_acquire ' + pr)],
        None, [('&dev->mutex', '....', '3:3', '__driver_attach'), (hl, '+.+.', '3:3', '__drm_fb_helper_initial_config_and_unlock'),
               ('registration_lock', '+.+.', '3:3', 'register_framebuffer')],
        BTP + ' ' + pr)
    return old(r)
