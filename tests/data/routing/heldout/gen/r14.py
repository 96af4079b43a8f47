# Batch 10 (h181-h195): weighted to what CI farms report most and to shapes
# earlier batches lacked: hung tasks in file systems and firmware whose
# blocked task is not the culprit, a held lock freed in a USB driver's
# disconnect, bad unlock balance in an IIO driver under the IIO core's at:
# site, a lock held on return to user space from the GPIO character
# device, inconsistent lock state in a softirq network driver, suspicious
# RCU in nftables and in a BPF helper reached from a sleepable program,
# CAN raw sockets against a netdev notifier, an ASoC codec under the DAPM
# core, ntfs3 and a procfs seq_file show in the cgroup core. Written and labelled
# before splatd was run on any of them.
from specs import *
from r8 import held_freed, BTF
from r10 import old, BTP, ARM64_SYS, ARM64_BT, ARM64_KW

EXTRA.update({'bpf_get_current_cgroup_id': ('kernel/bpf/helpers.c', 391),
              '____bpf_get_current_cgroup_id': ('kernel/bpf/helpers.c', 391),
              '__arm64_sys_read': ('fs/read_write.c', 627)})
SENDMSG = 'sock_sendmsg_nosec! sock_sendmsg ____sys_sendmsg ___sys_sendmsg __sys_sendmsg ' + SYS
KHUNG = ('khungtaskd/28', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')])


@rep('h181-hung-task-exfat-s-lock-write-inode-sync-syzbot.log', 'EXFAT FILE SYSTEM',
     'exfat_sync_fs holds the superblock\'s s_lock (sbi->s_lock) across the block device flush it starts, while the flusher writing back an exfat inode waits for s_lock in exfat_write_inode, so sync(2) and writeback of the same volume stall each other; the sync must not hold s_lock while it waits for I/O (made up in real functions; 6.1\'s exfat_sync_fs only clears the dirty flag under it)',
     'syzbot "INFO: task hung in exfat_write_inode" (the flusher blocked on &sbi->s_lock held by sync(2) in exfat_sync_fs; made up in real functions) -- tenth batch')
def _():
    r = R('syz', '6.1.0-rc8-syzkaller-00035-g76dcd734eca2', 'kworker/u4:5', 1261)
    hung(r, 143, 'task:kworker/u4:5    state:D stack:24432 pid: 1261 ppid:     2 flags:0x00004000',
         'context_switch! __schedule schedule schedule_preempt_disabled __mutex_lock_common! __mutex_lock exfat_write_inode '
         'write_inode! __writeback_single_inode writeback_sb_inodes __writeback_inodes_wb wb_writeback wb_do_writeback! wb_workfn ' + KW,
         [KHUNG,
          ('kworker/u4:5/1261', [('(wq_completion)writeback', '+.+.', '0:0', 'process_one_work'),
                                 ('(work_completion)(&(&wb->dwork)->work)', '+.+.', '0:0', 'process_one_work'),
                                 ('&type->s_umount_key#52', '++++', '3:3', 'trylock_super')]),
          ('syz-executor.0/5318', [('&type->s_umount_key#52', '++++', '3:3', 'iterate_supers'),
                                   ('&sbi->s_lock', '+.+.', '3:3', 'exfat_sync_fs')])])
    return r


@rep('h182-hung-task-9p-dir-rwsem-mkdir-client-rpc-syzbot.log', '9P FILE SYSTEM',
     'a 9p mkdir waits in p9_client_rpc for a reply the transport never delivers while holding the parent directory\'s i_rwsem (taken by filename_create), so every lookup in that directory blocks behind it in lookup_slow; the blocked task is plain VFS, the wait that holds the lock is the 9p client\'s, which must give up when the transport is dead (made up in real functions)',
     'syzbot "INFO: task hung in lookup_slow" (9p mount over a pipe fd; the holder sleeps in p9_client_rpc under the directory lock; made up in real functions) -- tenth batch')
def _():
    r = R('syz', SYZ, 'syz-executor.4', 7702)
    dk = '&type->i_mutex_dir_key#11'
    hung(r, 143, 'task:syz-executor.4  state:D stack:26720 pid: 7702 ppid:  3641 flags:0x00004004',
         'context_switch! __schedule schedule rwsem_down_read_slowpath down_read inode_lock_shared! lookup_slow walk_component '
         'link_path_walk! path_lookupat filename_lookup vfs_statx vfs_fstatat __do_sys_newfstatat __se_sys_newfstatat! '
         '__x64_sys_newfstatat ' + SYS,
         [KHUNG,
          ('syz-executor.1/7688', [('sb_writers#14', '.+.+', '0:0', 'filename_create'),
                                   (dk + '/1', '+.+.', '3:3', 'filename_create')])])
    return r


@rep('h183-held-lock-freed-gspca-usb-lock-disconnect-syzbot.log', 'GSPCA USB WEBCAM DRIVER',
     'gspca_disconnect holds gspca_dev->usb_lock while it unregisters the video device, and when no file is open the last reference drops inside video_unregister_device, whose release (gspca_release) frees gspca_dev and the mutex in it; the driver must drop usb_lock before the final unregister/put (made up in real functions)',
     'syzbot "WARNING: held lock freed! in gspca_disconnect" (USB fuzzing of a gspca webcam; made up in real functions) -- tenth batch')
def _():
    r = R('syz', SYZ, 'kworker/1:3', 4122)
    ul = '&gspca_dev->usb_lock'
    held_freed(r, (ul, '+.+.', '3:3', 'gspca_disconnect'), 0x2000,
        [('(wq_completion)usb_hub_wq', '+.+.', '0:0', 'process_one_work'),
         ('(work_completion)(&hub->events)', '+.+.', '0:0', 'process_one_work'),
         ('&dev->mutex', '....', '3:3', 'hub_event'), ('&dev->mutex', '....', '3:3', 'usb_disconnect@drivers/usb/core/hub.c'),
         ('&dev->mutex', '....', '3:3', 'device_release_driver_internal'), (ul, '+.+.', '3:3', 'gspca_disconnect')],
        BTF + ' kfree@mm/slab_common.c gspca_release v4l2_device_release@drivers/media/v4l2-core/v4l2-dev.c device_release@drivers/base/core.c kobject_cleanup! '
        'kobject_release! kref_put! kobject_put put_device video_unregister_device gspca_disconnect usb_unbind_interface '
        'device_remove! device_remove __device_release_driver! device_release_driver_internal bus_remove_device device_del '
        'usb_disable_device usb_disconnect@drivers/usb/core/hub.c hub_port_connect! hub_port_connect_change! port_event! hub_event ' + KW)
    return r


@rep('h184-bad-unlock-ad7606-mlock-read-raw-arm32.log', 'ANALOG DEVICES INC IIO DRIVERS',
     'ad7606_read_raw releases direct mode (iio_device_release_direct_mode unlocks indio_dev->mlock) on the path where iio_device_claim_direct_mode failed because a buffer is enabled, so it unlocks a mutex it never took; the IIO core\'s helper is the at: site, the unbalanced call is the driver\'s (made up in real functions)',
     'linux-iio "WARNING: bad unlock balance detected! ... (&indio_dev->mlock) at: iio_device_release_direct_mode" reading in_voltage0_raw while the triggered buffer runs on a Zynq board (made up in real functions) -- tenth batch')
def _():
    r = R('plain', '', 'cat', 1893, cpu=1, ts=611.4, arch='arm32')
    r.release, r.build = '5.15.0-xilinx-v2022.1', '#1'
    r.hw = 'Xilinx Zynq Platform'
    bad_unlock(r, '&indio_dev->mlock', 'iio_device_release_direct_mode[industrialio]',
        [('&p->lock', '+.+.', '', 'seq_read_iter'), ('&of->mutex', '+.+.', '', 'kernfs_seq_start'),
         ('kn->active#43', '.+.+', '', 'kernfs_seq_start')],
        'unwind_backtrace@arch/arm/kernel/unwind.c show_stack@arch/arm/kernel/traps.c dump_stack_lvl@lib/dump_stack.c '
        'print_unlock_imbalance_bug@kernel/locking/lockdep.c lock_release __mutex_unlock_slowpath '
        'iio_device_release_direct_mode[industrialio] ad7606_read_raw[ad7606] iio_read_channel_info[industrialio] dev_attr_show '
        'sysfs_kf_seq_show seq_read_iter kernfs_fop_read_iter vfs_read ksys_read ret_fast_syscall')
    return old(r)


@rep('h185-user-return-gpiolib-cdev-config-mutex-set-config-arm64.log', 'GPIO SUBSYSTEM',
     'the GPIO character device\'s GPIO_V2_LINE_SET_CONFIG_IOCTL handler (linereq_set_config) returns with lr->config_mutex held on the path where updating a line\'s edge detector fails, so the next ioctl on the request blocks for ever (made up in real functions)',
     'linux-gpio / Raspberry Pi CI (arm64) "WARNING: lock held when returning to user space!" after a failed GPIO_V2_LINE_SET_CONFIG_IOCTL from libgpiod\'s gpioset (made up in real functions) -- tenth batch')
def _():
    r = R('plain', '', 'gpioset', 2210, cpu=3, ts=95.7, arch='arm64')
    r.release, r.build = '6.1.21-v8+', '#1642'
    r.hw = 'Raspberry Pi 4 Model B Rev 1.4 (DT)'
    user_return(r, [('&lr->config_mutex', '+.+.', '3:3', 'linereq_set_config')])
    return r


@rep('h186-inconsistent-8139too-rx-lock-tx-timeout-dmesg.log', 'NETWORKING DRIVERS',
     '8139too\'s TX timeout work (rtl8139_tx_timeout_task) takes tp->rx_lock with spin_lock in process context while the NAPI poll (rtl8139_poll) takes it from softirq, so a poll on the same CPU deadlocks on it; the work must use spin_lock_bh, as 6.1 does (8139too.c has no section narrower than NETWORKING DRIVERS)',
     'netdev / QEMU rtl8139 CI "inconsistent {SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} usage" on &tp->rx_lock in rtl8139_poll after a TX timeout (an older rtl8139_tx_timeout_task that took rx_lock without disabling bottom halves) -- tenth batch')
def _():
    r = R('plain', '', 'ksoftirqd/0', 13, cpu=0, ts=1934.2)
    r.release, r.build = '5.4.0-rc3+', '#7'
    rl = '&tp->rx_lock'
    reg = ('lock_acquire __raw_spin_lock! _raw_spin_lock rtl8139_tx_timeout_task[8139too] ' + KW)
    inconsistent(r, 'SOFTIRQ-ON-W', 'IN-SOFTIRQ-W', 'HC0[0]:SC1[1]:HE1:SE0', (rl, '+.?.', '', 'rtl8139_poll[8139too]'),
        reg, STAMP, [],
        'dump_stack_lvl print_usage_bug mark_lock __lock_acquire lock_acquire _raw_spin_lock rtl8139_poll[8139too] __napi_poll '
        'net_rx_action __do_softirq run_ksoftirqd smpboot_thread_fn kthread ' + RF)
    return old(r)


@rep('h187-rcu-nft-flowtable-lookup-flow-offload-init-syzbot.log', 'NETFILTER',
     'nft_flowtable_lookup walks the table\'s flowtable list with list_for_each_entry_rcu from the flow_offload expression\'s init, which runs in the nfnetlink batch under the commit mutex and outside an RCU read section, and its lockdep condition did not name the commit mutex; the lookup must pass lockdep_is_held(&nft_net->commit_mutex), as 6.1 does',
     'syzbot "WARNING: suspicious RCU usage in nft_flowtable_lookup" ("RCU-list traversed in non-reader section!!" from nft_flow_offload_init; an older lookup without the commit_mutex condition) -- tenth batch')
def _():
    r = R('syz', '5.13.0-rc2-syzkaller-00017-g8ac91e6c6033', 'syz-executor.2', 9134)
    rcu(r, 'net/netfilter/nf_tables_api.c:7929 RCU-list traversed in non-reader section!!',
        [('&nft_net->commit_mutex', '+.+.', '3:3', 'nfnetlink_rcv_batch')],
        BTRCU + ' nft_flowtable_lookup nft_flow_offload_init nf_tables_newexpr! nf_tables_newrule nfnetlink_rcv_batch '
        'nfnetlink_rcv_skb_batch! nfnetlink_rcv netlink_unicast_kernel! netlink_unicast netlink_sendmsg ' + SENDMSG, rsa=2)
    return r


@rep('h188-rcu-bpf-get-current-cgroup-id-sleepable-lsm-syzbot.log', 'BPF [GENERAL] (Safe Dynamic Programs and Tools)',
     'the bpf_get_current_cgroup_id helper reads current\'s css_set (task_dfl_cgroup -> task_css_set, an rcu_dereference_check in include/linux/cgroup.h) assuming the program runs under rcu_read_lock, but sleepable LSM programs run without it; the helper must take rcu_read_lock itself, as 6.1 does (the header is right)',
     'syzbot "WARNING: suspicious RCU usage in bpf_get_current_cgroup_id" (a sleepable lsm.s/file_open program; an older helper without rcu_read_lock) -- tenth batch')
def _():
    r = R('syz', '5.19.0-rc2-syzkaller-00101-g5c0a4f86e6b1', 'syz-executor.1', 6620)
    rcu(r, 'include/linux/cgroup.h:494 suspicious rcu_dereference_check() usage!', [],
        BTRCU + ' task_css_set! task_dfl_cgroup! ____bpf_get_current_cgroup_id! bpf_get_current_cgroup_id '
        'bpf_prog_5b3c6c2d7a1e3f40_file_open_s __bpf_prog_enter_sleepable security_file_open do_dentry_open vfs_open '
        'do_open@fs/namei.c path_openat do_filp_open do_sys_openat2 do_sys_open! __do_sys_openat! __se_sys_openat! __x64_sys_openat ' + SYS,
        rsa=2)
    return r


@rep('h189-circular-can-raw-sk-lock-rtnl-release-syzbot.log', 'CAN NETWORK LAYER',
     'raw_release took the socket lock and then rtnl_mutex (to unregister its filters from the bound device), while unregistering a CAN device runs the raw netdev notifier (raw_notify) under rtnl_mutex and takes the socket lock; raw_release must take rtnl_mutex before lock_sock, as 6.1 does',
     'syzbot "possible deadlock in raw_release" (sk_lock-AF_CAN --> rtnl_mutex against raw_notify on vcan removal; an older raw_release that locked the socket first) -- tenth batch')
def _():
    r = R('syz', '5.10.0-rc5-syzkaller-00088-g3cea11cd5e3b', 'syz-executor.3', 10874)
    sk = 'sk_lock-AF_CAN'
    rt = 'rtnl_mutex'
    rel = ('__mutex_lock_common! __mutex_lock rtnl_lock raw_release@net/can/raw.c __sock_release sock_close __fput task_work_run '
           'resume_user_mode_work! exit_to_user_mode_loop exit_to_user_mode_prepare syscall_exit_to_user_mode ' + SYS)
    circular(r, (rt, '+.+.', '', 'raw_release@net/can/raw.c'), (sk, '+.+.', '', 'raw_release@net/can/raw.c'),
        [(sk, '+.+.', '', 'lock_sock_nested raw_notify@net/can/raw.c raw_notifier@net/can/raw.c notifier_call_chain call_netdevice_notifiers_info '
          'unregister_netdevice_many unregister_netdevice_queue rtnl_dellink rtnetlink_rcv_msg netlink_rcv_skb netlink_unicast '
          'netlink_sendmsg ' + SENDMSG),
         (rt, '+.+.', '', H0 + ' ' + rel)],
        None, [(sk, '+.+.', '', 'raw_release@net/can/raw.c')],
        BTC + ' ' + rel)
    return old(r)


@rep('h190-hung-task-efi-runtime-get-variable-efivarfs-arm64.log', 'EXTENSIBLE FIRMWARE INTERFACE (EFI)',
     'reading an EFI variable through efivarfs waits in the EFI runtime wrapper (virt_efi_get_variable queues the call to efi_rts_wq and waits for its completion without a timeout) for a GetVariable() the firmware never returns from, holding efivars_lock, so every other EFI variable access blocks too; the runtime wrappers must not wait for ever on firmware (made up in real functions)',
     'linux-efi / arm64 server CI "INFO: task cat:NNN blocked for more than 120 seconds" in virt_efi_get_variable reading /sys/firmware/efi/efivars on an Ampere Altra (made up in real functions) -- tenth batch')
def _():
    r = R('plain', '', 'cat', 3381, cpu=12, ts=489.3, arch='arm64')
    r.release, r.build = '6.1.0-rc5-00044-gb1d2e3f4a5b6', '#2'
    r.hw = 'Ampere Mt.Jade/Mt.Jade, BIOS 2.09.20220623 06/23/2022'
    hung(r, 122, 'task:cat             state:D stack:    0 pid: 3381 ppid:  3342 flags:0x00000008',
         '__switch_to@arch/arm64/kernel/process.c __schedule schedule schedule_timeout __wait_for_common wait_for_completion '
         'virt_efi_get_variable efivar_get_variable efivar_entry_size efivarfs_file_read vfs_read ksys_read '
         '__arm64_sys_read ' + ARM64_SYS,
         [('khungtaskd/543', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('kworker/u161:1/402', [('(wq_completion)efi_rts_wq', '+.+.', '0:0', 'process_one_work'),
                                  ('(work_completion)(&efi_rts_work.work)', '+.+.', '0:0', 'process_one_work')]),
          ('cat/3381', [('efivars_lock', '+.+.', '0:0', 'efivar_lock')])])
    return r


@rep('h191-circular-rt5645-jd-mutex-dapm-mutex-bias-level-dmesg.log', 'REALTEK AUDIO CODECS',
     'the RT5645 codec takes its jack-detect mutex (rt5645->jd_mutex) in its set_bias_level op, which the DAPM core calls from a power sequence with the card\'s dapm_mutex held, while the codec\'s jack-detect work holds jd_mutex and forces the mic-detect supplies on through snd_soc_dapm_force_enable_pin, which takes dapm_mutex; the bias-level op must not take jd_mutex (made up in real functions; the codec has its own section besides ASoC)',
     'alsa-devel / ChromeOS CI (x86 Chromebook, rt5645 + Intel SST) "possible circular locking dependency: &rt5645->jd_mutex --> &card->dapm_mutex" on a headset insertion during resume (made up in real functions) -- tenth batch')
def _():
    r = R('plain', '', 'kworker/1:2', 188, cpu=1, ts=73.8)
    r.release, r.build = '5.15.86-19842-g1b2c3d4e5f60', '#1'
    r.hw = 'GOOGLE Kefka/Kefka, BIOS Google_Kefka.7287.337.0 03/02/2017'
    jd = '&rt5645->jd_mutex'
    dm = '&card->dapm_mutex'
    wk = ('__mutex_lock mutex_lock_nested snd_soc_dapm_force_enable_pin[snd_soc_core] rt5645_jack_detect[snd_soc_rt5645] '
          'rt5645_jack_detect_work[snd_soc_rt5645] ' + KW)
    circular(r, (dm, '+.+.', '3:3', 'snd_soc_dapm_force_enable_pin[snd_soc_core]'), (jd, '+.+.', '3:3', 'rt5645_jack_detect_work[snd_soc_rt5645]'),
        [(jd, '+.+.', '3:3', '__mutex_lock mutex_lock_nested rt5645_set_bias_level[snd_soc_rt5645] snd_soc_component_set_bias_level[snd_soc_core] '
          'snd_soc_dapm_set_bias_level[snd_soc_core] dapm_power_widgets[snd_soc_core] snd_soc_dapm_sync_unlocked[snd_soc_core] '
          'snd_soc_dapm_sync[snd_soc_core] snd_soc_resume[snd_soc_core] dpm_run_callback device_resume async_resume '
          'async_run_entry_fn ' + KW),
         (dm, '+.+.', '3:3', '__lock_acquire lock_acquire ' + wk)],
        None, [('(wq_completion)events_power_efficient', '+.+.', '0:0', 'process_one_work'),
               ('(work_completion)(&(&rt5645->jack_detect_work)->work)', '+.+.', '0:0', 'process_one_work'),
               (jd, '+.+.', '3:3', 'rt5645_jack_detect_work[snd_soc_rt5645]')],
        BTP + ' ' + wk)
    return r


@rep('h192-recursive-ntfs3-ni-lock-set-state-unlink-syzbot.log', 'NTFS3 FILESYSTEM',
     'ntfs_set_state marks the volume dirty by locking the $Volume inode (ni_lock on sbi->volume.ni) without a nesting annotation, while its callers (ni_remove_name under ntfs_unlink_inode) already hold the ni_lock of the inode being unlinked, the same lock class; ntfs_set_state must lock with its own subclass, as 6.1 does (NTFS_INODE_MUTEX_DIRTY)',
     'syzbot "possible deadlock in ntfs_set_state" ("possible recursive locking detected" &ni->ni_lock on unlink of a corrupted image; an older ntfs_set_state without the nesting annotation) -- tenth batch')
def _():
    r = R('syz', '5.15.0-rc7-syzkaller-00043-gd25f27432f80', 'syz-executor.1', 8815)
    nl = '&ni->ni_lock'
    recursive(r, (nl, '+.+.', '3:3', 'ntfs_set_state'), (nl, '+.+.', '3:3', 'ntfs_unlink_inode'),
        [('sb_writers#12', '.+.+', '0:0', 'do_unlinkat'), ('&type->i_mutex_dir_key#8/1', '+.+.', '3:3', 'do_unlinkat'),
         ('&sb->s_type->i_mutex_key#17', '+.+.', '3:3', 'vfs_unlink'), ('&ni->ni_lock/4', '+.+.', '3:3', 'ntfs_unlink'),
         (nl, '+.+.', '3:3', 'ntfs_unlink_inode')],
        BTR + ' __mutex_lock_common! __mutex_lock ni_lock! ntfs_set_state ni_remove_name ntfs_unlink_inode ntfs_unlink '
        'vfs_unlink do_unlinkat __do_sys_unlink! __se_sys_unlink! __x64_sys_unlink ' + SYS)
    return old(r)


@rep('h193-rcu-cgroup-for-each-root-proc-cgroup-show-syzbot.log', 'CONTROL GROUP (CGROUP)',
     'proc_cgroup_show (the seq_file show of /proc/PID/cgroup) walked the cgroup hierarchies with for_each_root, an RCU list whose lockdep condition is cgroup_mutex, holding only css_set_lock; the show must hold cgroup_mutex (or rcu_read_lock) across the walk, as 6.1 does (made up in real functions)',
     'syzbot "WARNING: suspicious RCU usage in proc_cgroup_show" ("RCU-list traversed in non-reader section!!" reading /proc/PID/cgroup; made up in real functions) -- tenth batch')
def _():
    r = R('syz', '5.6.0-rc3-syzkaller-00142-gf8788d86ab28', 'syz-executor.5', 10231)
    rcu(r, 'kernel/cgroup/cgroup.c:6320 RCU-list traversed in non-reader section!!',
        [('&p->lock', '+.+.', '3:3', 'seq_read_iter'), ('css_set_lock', '..-.', '2:2', 'proc_cgroup_show')],
        BTRCU + ' proc_cgroup_show proc_single_show seq_read_iter seq_read vfs_read ksys_read '
        '__do_sys_read! __se_sys_read! __x64_sys_read ' + SYS, rsa=2)
    return r


@rep('h194-user-return-spidev-buf-lock-message-ioctl-arm64.log', 'SPI SUBSYSTEM',
     'spidev_ioctl returns to user space with spidev->buf_lock held on the SPI_IOC_MESSAGE path where copying the transfer array from user memory fails, so the next read, write or ioctl of the device blocks for ever (made up in real functions; spidev.c has no section narrower than SPI SUBSYSTEM)',
     'linux-spi / Raspberry Pi CI (arm64) "WARNING: lock held when returning to user space!" after an SPI_IOC_MESSAGE with a bad transfer pointer from a fuzzer (made up in real functions) -- tenth batch')
def _():
    r = R('plain', '', 'spi-fuzz', 1408, cpu=2, ts=388.1, arch='arm64')
    r.release, r.build = '6.1.19-v8+', '#1637'
    r.hw = 'Raspberry Pi 4 Model B Rev 1.5 (DT)'
    user_return(r, [('&spidev->buf_lock', '+.+.', '3:3', 'spidev_ioctl[spidev]')])
    return r


@rep('h195-inconsistent-mptcp-pm-lock-nl-work-add-addr-syzbot.log', 'NETWORKING [MPTCP]',
     'the MPTCP in-kernel path manager\'s worker (mptcp_pm_nl_work, run from mptcp_worker) took msk->pm.lock with spin_lock and softirqs enabled, while an incoming ADD_ADDR option is handled in softirq (tcp_data_queue -> mptcp_incoming_options -> mptcp_pm_add_addr_received) under the same lock; the worker must take it with spin_lock_bh, as 6.1 does',
     'syzbot "inconsistent lock state in mptcp_pm_add_addr_received" ({SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W} on &msk->pm.lock over loopback; an older mptcp_pm_nl_work) -- tenth batch')
def _():
    r = R('syz', '5.10.0-rc1-syzkaller-00231-g4e2fd5dd0c1e', 'syz-executor.0', 9962)
    pl = '&msk->pm.lock'
    reg = ('lock_acquire! lock_acquire __raw_spin_lock! _raw_spin_lock spin_lock! mptcp_pm_nl_work mptcp_worker ' + KW)
    inconsistent(r, 'SOFTIRQ-ON-W', 'IN-SOFTIRQ-W', 'HC0[0]:SC1[1]:HE1:SE0', (pl, '+.?.', '2:2', 'mptcp_pm_add_addr_received'),
        reg, STAMP, [('sk_lock-AF_INET', '+.+.', '0:0', 'mptcp_sendmsg'), ('rcu_read_lock_bh', '....', '1:2', 'ip_finish_output2'),
                     ('rcu_read_lock', '....', '1:2', '__netif_receive_skb_one_core'),
                     ('k-slock-AF_INET', '+.-.', '2:2', 'tcp_v4_rcv')],
        BTI + ' __raw_spin_lock_bh! _raw_spin_lock_bh mptcp_pm_add_addr_received mptcp_incoming_options tcp_data_queue '
        'tcp_rcv_established tcp_v4_do_rcv tcp_v4_rcv ip_protocol_deliver_rcu ip_local_deliver_finish ip_local_deliver '
        'ip_rcv __netif_receive_skb_one_core process_backlog __napi_poll net_rx_action __do_softirq do_softirq '
        '__local_bh_enable_ip ip_finish_output2 __ip_finish_output ip_output __ip_queue_xmit __tcp_transmit_skb tcp_write_xmit '
        '__tcp_push_pending_frames tcp_push __mptcp_push_pending mptcp_sendmsg inet_sendmsg ' + SENDMSG)
    return r
