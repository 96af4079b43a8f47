# Batch 4 (h52-h75): subsystems no earlier batch or the corpus covered, weighted
# to what CI farms hit, written and labelled before splatd was run on any of them.
from specs import *

EXTRA.update({'bpf_trace_printk': ('kernel/trace/bpf_trace.c', 374), '____bpf_trace_printk': ('kernel/trace/bpf_trace.c', 374),
              'bpf_trace_run2': ('kernel/trace/bpf_trace.c', 2324), '__traceiter_contention_begin': ('include/trace/events/lock.h', 70),
              '__bpf_trace_contention_begin': ('include/trace/events/lock.h', 70),
              '__arm64_sys_write': ('fs/read_write.c', 646)})
BTP = 'dump_stack_lvl check_noncircular __lock_acquire lock_acquire'
ARM64_SYS = 'invoke_syscall el0_svc_common do_el0_svc el0_svc el0t_64_sync_handler el0t_64_sync'
BTF = '__dump_stack! dump_stack_lvl debug_check_no_locks_freed! debug_check_no_locks_freed slab_free_hook! slab_free_freelist_hook! slab_free! __kmem_cache_free@mm/slub.c'
MODLOAD = 'do_one_initcall do_init_module load_module __do_sys_finit_module! __x64_sys_finit_module ' + SYS
NL = ('genl_family_rcv_msg_doit! genl_rcv_msg netlink_rcv_skb genl_rcv netlink_unicast netlink_sendmsg sock_sendmsg_nosec! '
      'sock_sendmsg ____sys_sendmsg ___sys_sendmsg __sys_sendmsg ' + SYS)


def held_freed(r, lock, size, held, bt):
    frm = (int(r.inst(lock[0]), 16) & ~0xfff) - 0x1000
    to = frm + size - 1
    frm, to = '%016x' % frm, '%016x' % to
    r.banner('WARNING: held lock freed!', 25)
    r.L('%s/%d is freeing memory %s-%s, with a lock still held there!' % (r.comm, r.pid, frm, to))
    r.lock(*lock)
    r.held(held); r.L(''); r.L('stack backtrace:'); r.dump(bt)


@rep('h52-circular-overlayfs-copy-up-lock-rename-syzbot.log', 'OVERLAY FILESYSTEM',
     'overlayfs copy-up takes the upper work/dest directories (lock_rename) while holding the overlay inode copy-up lock, the reverse of rename on the overlay, which locks the upper dirs and then the overlay inode (ovl_nlink_start)',
     'syzbot "possible deadlock in ovl_copy_up_flags" / "in ovl_nlink_start" (ovl_i_lock vs the upper fs dir lock) -- fourth batch')
def _():
    r = R('syz', SYZ, 'syz-executor.3', 11042)
    ol = '&ovl_i_lock_key[depth]'
    ud = '&type->i_mutex_dir_key#6/1'
    cu = ('lock_rename ovl_copy_up_workdir ovl_do_copy_up ovl_copy_up_one ovl_copy_up_flags ovl_maybe_copy_up ovl_open '
          'do_dentry_open vfs_open do_open@fs/namei.c path_openat do_filp_open do_sys_openat2 do_sys_open! __do_sys_openat! '
          '__se_sys_openat! __x64_sys_openat ' + SYS)
    circular(r, (ud, '+.+.', '3:3', 'lock_rename'), (ol, '+.+.', '3:3', 'ovl_copy_up_start'),
        [(ol, '+.+.', '3:3', '__mutex_lock_common! __mutex_lock ovl_inode_lock_interruptible! ovl_nlink_start ovl_rename '
          'vfs_rename do_renameat2 __do_sys_rename! __se_sys_rename! __x64_sys_rename ' + SYS),
         (ud, '+.+.', '3:3', H0 + ' down_write_nested ' + cu)],
        None, [('sb_writers#5', '.+.+', '0:0', 'ovl_want_write'), (ol, '+.+.', '3:3', 'ovl_copy_up_start')],
        BTC + ' down_write_nested ' + cu)
    return r


@rep('h53-hung-task-fuse-request-wait-lookup-syzbot.log', 'FUSE: FILESYSTEM IN USERSPACE',
     'a FUSE lookup waits forever in request_wait_answer for a reply the daemon never sends (aborted/stuck connection), holding the parent directory lock taken by lookup_slow',
     'syzbot "INFO: task hung in lookup_slow" / "in fuse_lookup" (request_wait_answer never woken) -- fourth batch')
def _():
    r = R('syz', SYZ, 'syz-executor.1', 7734)
    hung(r, 143, 'task:syz-executor.1  state:D stack:27432 pid: 7734 ppid:  3649 flags:0x00004004',
         'context_switch! __schedule schedule request_wait_answer __fuse_request_send fuse_simple_request fuse_lookup_name '
         'fuse_lookup __lookup_slow lookup_slow! walk_component path_lookupat filename_lookup vfs_statx vfs_fstatat '
         '__do_sys_newfstatat __se_sys_newfstatat! __x64_sys_newfstatat ' + SYS,
         [('khungtaskd/28', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('syz-executor.1/7734', [('&type->i_mutex_dir_key#9', '++++', '3:3', 'lookup_slow!')])])
    return r


@rep('h54-circular-jfs-commit-mutex-im-aglock-syzbot.log', 'JFS FILESYSTEM',
     'jfs allocates an inode (diAlloc takes the AG lock) while holding the parent commit_mutex in jfs_create, and freeing an inode takes the commit_mutex of the inode under the AG lock',
     'syzbot "possible deadlock in diAlloc" / "in jfs_create" (commit_mutex vs im_aglock) -- fourth batch')
def _():
    r = R('syz', '6.1.0-rc8-syzkaller-00152-g2f6b7b0a2a4a', 'syz-executor.0', 13121)
    cm = '&jfs_ip->commit_mutex'
    ag = '&(imap->im_aglock[index])'
    cr = ('diAllocAG diAlloc ialloc jfs_create lookup_open! open_last_lookups path_openat do_filp_open do_sys_openat2 '
          'do_sys_open! __do_sys_creat! __se_sys_creat! __x64_sys_creat ' + SYS)
    circular(r, (ag, '+.+.', '3:3', 'diAlloc'), (cm, '+.+.', '3:3', 'jfs_create'),
        [(cm, '+.+.', '3:3', '__mutex_lock_common! __mutex_lock txCommit diFree jfs_evict_inode evict@fs/inode.c iput_final! '
          'iput jfs_unlink vfs_unlink do_unlinkat __do_sys_unlink! __se_sys_unlink! __x64_sys_unlink ' + SYS),
         (ag, '+.+.', '3:3', H0 + ' __mutex_lock_common! __mutex_lock ' + cr)],
        None, [('sb_writers#12', '.+.+', '0:0', 'mnt_want_write'), ('&type->i_mutex_dir_key#8', '++++', '3:3', 'inode_lock!'),
               (cm, '+.+.', '3:3', 'jfs_create')],
        BTC + ' __mutex_lock_common! __mutex_lock ' + cr)
    return r


@rep('h55-inconsistent-sockmap-bucket-lock-syzbot.log', 'BPF [L7 FRAMEWORK] (sockmap)',
     'sockmap frees a sockhash map from the deferred free work taking the bucket lock with softirqs enabled, while the same lock is taken in softirq when a verdict program deletes from the map on receive',
     'syzbot "inconsistent lock state in sock_hash_delete_elem" / "in sock_hash_free" ({IN-SOFTIRQ-W} -> {SOFTIRQ-ON-W}) -- fourth batch')
def _():
    r = R('syz', SYZ, 'kworker/0:4', 5902)
    bl = '&htab->buckets[i].lock'
    reg = ('lock_acquire! lock_acquire __raw_spin_lock_bh! _raw_spin_lock_bh sock_hash_delete_elem bpf_prog_3f6ba3bdb7bd0d3a '
           'bpf_prog_run_pin_on_cpu! sk_psock_verdict_recv tcp_read_skb sk_psock_verdict_data_ready tcp_data_queue '
           'tcp_rcv_established tcp_v4_do_rcv tcp_v4_rcv ip_protocol_deliver_rcu ip_local_deliver_finish ip_local_deliver '
           'ip_rcv __netif_receive_skb_one_core process_backlog __napi_poll net_rx_action __do_softirq do_softirq '
           '__local_bh_enable_ip ip_finish_output2 __dev_queue_xmit')
    inconsistent(r, 'IN-SOFTIRQ-W', 'SOFTIRQ-ON-W', 'HC0[0]:SC0[0]:HE1:SE1', (bl, '+.?.', '2:2', 'sock_hash_free'),
        reg, STAMP, [('(wq_completion)events', '+.+.', '0:0', 'process_one_work'),
                     ('(work_completion)(&map->work)', '+.+.', '0:0', 'process_one_work')],
        BTI + ' __raw_spin_lock! _raw_spin_lock sock_hash_free bpf_map_free_deferred ' + KW)
    return r


@rep('h56-circular-mptcp-subflow-queue-clean-syzbot.log', 'NETWORKING [MPTCP]',
     'MPTCP closing a listener locks each pending msk (mptcp_subflow_queue_clean) while holding the listening subflow socket lock, the reverse of the msk -> subflow order everywhere else',
     'syzbot "possible deadlock in mptcp_subflow_queue_clean" (k-sk_lock-AF_INET vs sk_lock-AF_INET) -- fourth batch')
def _():
    r = R('syz', '6.1.0-rc7-syzkaller-00101-g0ba09b173387', 'syz-executor.5', 4399)
    ms = 'k-sk_lock-AF_INET'
    sl = 'sk_lock-AF_INET'
    cl = ('lock_sock_nested mptcp_subflow_queue_clean inet_csk_listen_stop tcp_close __mptcp_close_ssk mptcp_destroy_common '
          '__mptcp_destroy_sock mptcp_close inet_release __sock_release sock_close __fput task_work_run '
          'resume_user_mode_work! exit_to_user_mode_loop exit_to_user_mode_prepare __syscall_exit_to_user_mode_work! '
          'syscall_exit_to_user_mode do_syscall_64 entry_SYSCALL_64_after_hwframe')
    circular(r, (ms, '+.+.', '0:0', 'mptcp_subflow_queue_clean'), (sl, '+.+.', '0:0', 'tcp_close'),
        [(sl, '+.+.', '0:0', 'lock_sock_nested __mptcp_close_ssk mptcp_close_ssk mptcp_pm_nl_rm_subflow_received mptcp_pm_nl_work '
          'mptcp_worker ' + KW),
         (ms, '+.+.', '0:0', H0 + ' ' + cl)],
        None, [('&sb->s_type->i_mutex_key#10', '+.+.', '3:3', '__sock_release'), ('k-sk_lock-AF_INET', '+.+.', '0:0', 'mptcp_close'),
               (sl, '+.+.', '0:0', 'tcp_close')],
        BTC + ' ' + cl)
    return r


@rep('h57-circular-vfio-pci-memory-lock-mmap-lock-dmesg.log', 'VFIO DRIVER',
     'vfio-pci copies BAR data to user space (may fault, mmap_lock) while holding memory_lock in vfio_pci_bar_rw, and its mmap fault handler takes memory_lock under mmap_lock',
     'kvm list "possible circular locking dependency: &vdev->memory_lock --> &mm->mmap_lock" (vfio-pci BAR read vs mmap fault, QEMU) -- fourth batch')
def _():
    r = R('plain', '', 'qemu-system-x86', 6011, cpu=7, ts=1204.6)
    r.release, r.build = '6.1.0-rc3-vfio+', '#2'
    r.hw = 'Supermicro SYS-1029P-WTR/X11DDW-L, BIOS 3.4 06/10/2021'
    ml = '&mm->mmap_lock'
    vm = '&vdev->memory_lock'
    rd = ('__might_fault _copy_to_user@lib/usercopy.c vfio_pci_bar_rw[vfio_pci_core] vfio_pci_rw[vfio_pci_core] '
          'vfio_pci_core_read[vfio_pci_core] vfio_device_fops_read[vfio] vfs_read ksys_pread64 __x64_sys_pread64 ' + SYS)
    circular(r, (ml, '++++', '0:0', '__might_fault'), (vm, '++++', '3:3', 'vfio_pci_bar_rw[vfio_pci_core]'),
        [(vm, '++++', '3:3', 'down_read vfio_pci_mmap_fault[vfio_pci_core] __do_fault do_read_fault! do_fault@mm/memory.c '
          '__handle_mm_fault handle_mm_fault@mm/memory.c do_user_addr_fault exc_page_fault asm_exc_page_fault'),
         (ml, '++++', '0:0', '__lock_acquire lock_acquire ' + rd)],
        None, [(vm, '++++', '3:3', 'vfio_pci_bar_rw[vfio_pci_core]')],
        BTP + ' ' + rd)
    return r


@rep('h58-circular-kvm-xen-evtchn-kvm-lock-srcu-dmesg.log', 'KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)',
     'KVM Xen event channel delivery takes kvm->lock from a vCPU hypercall inside the kvm->srcu read side, while setting the Xen shared info page under kvm->lock waits for an SRCU grace period',
     'kvm list / syzbot "possible circular locking dependency: &kvm->lock --> &kvm->srcu" in kvm_xen_set_evtchn (6.2-rc, fixed by xen_lock) -- fourth batch')
def _():
    r = R('plain', '', 'xen_shinfo_test', 2270, cpu=2, ts=88.1)
    r.release, r.build = '6.2.0-rc1-kvm-x86+', '#4'
    kl = '&kvm->lock'
    sr = '&kvm->srcu'
    hc = ('kvm_xen_set_evtchn[kvm] kvm_xen_hcall_evtchn_send[kvm] kvm_xen_hypercall[kvm] kvm_emulate_hypercall[kvm] '
          '__vmx_handle_exit[kvm_intel] vmx_handle_exit[kvm_intel] vcpu_enter_guest[kvm] vcpu_run[kvm] '
          'kvm_arch_vcpu_ioctl_run@arch/x86/kvm/x86.c[kvm] kvm_vcpu_ioctl[kvm] ' + IOCTL.replace('vfs_ioctl! ', ''))
    sa = ('__synchronize_srcu synchronize_srcu@kernel/rcu/srcutree.c kvm_xen_shared_info_init[kvm] kvm_xen_hvm_set_attr[kvm] '
          'kvm_arch_vm_ioctl@arch/x86/kvm/x86.c[kvm] kvm_vm_ioctl[kvm] ' + IOCTL.replace('vfs_ioctl! ', ''))
    circular(r, (sr, '.+.+', '0:0', '__synchronize_srcu'), (kl, '+.+.', '3:3', 'kvm_xen_hvm_set_attr[kvm]'),
        [(kl, '+.+.', '3:3', '__mutex_lock mutex_lock_nested ' + hc),
         (sr, '.+.+', '0:0', '__lock_acquire lock_acquire ' + sa)],
        None, [(kl, '+.+.', '3:3', 'kvm_xen_hvm_set_attr[kvm]')],
        BTP + ' ' + sa)
    return r


@rep('h59-circular-pciehp-reset-lock-device-lock-dmesg.log', 'PCI SUBSYSTEM',
     'pciehp holds reset_lock across unconfiguring the slot on a presence change (device_lock of the removed devices), while a reset through sysfs takes reset_lock under device_lock',
     'linux-pci "possible circular locking dependency: &ctrl->reset_lock --> &dev->mutex" (pciehp_ist vs pci_reset_function, fixed in pciehp) -- fourth batch')
def _():
    r = R('plain', '', 'irq/124-pciehp', 141, cpu=5, ts=2210.3)
    r.release, r.build = '6.1.0-rc2+', '#9'
    r.hw = 'Dell Inc. PowerEdge R750/0PJ80M, BIOS 1.6.5 04/22/2022'
    dm = '&dev->mutex'
    rl = '&ctrl->reset_lock'
    ist = ('device_release_driver_internal device_release_driver pci_stop_bus_device pci_stop_and_remove_bus_device '
           'pciehp_unconfigure_device remove_board@drivers/pci/hotplug/pciehp_ctrl.c pciehp_disable_slot '
           'pciehp_handle_presence_or_link_change pciehp_ist irq_thread_fn irq_thread kthread ' + RF)
    circular(r, (dm, '....', '3:3', 'device_release_driver_internal'), (rl, '.+.+', '3:3', 'pciehp_ist'),
        [(rl, '.+.+', '3:3', 'down_write_nested pciehp_reset_slot pci_reset_hotplug_slot pci_reset_bus_function '
          '__pci_reset_function_locked pci_reset_function reset_store@drivers/pci/pci-sysfs.c dev_attr_store sysfs_kf_write '
          'kernfs_fop_write_iter vfs_write ksys_write ' + SYS),
         (dm, '....', '3:3', '__lock_acquire lock_acquire __mutex_lock mutex_lock_nested ' + ist)],
        None, [(rl, '.+.+', '3:3', 'pciehp_ist'), ('pci_rescan_remove_lock', '+.+.', '3:3', 'pciehp_unconfigure_device')],
        BTP + ' __mutex_lock mutex_lock_nested ' + ist)
    return r


@rep('h60-circular-usb-hub-status-lock-address0-mutex-dmesg.log', 'USB SUBSYSTEM',
     'the USB hub driver takes hcd->address0_mutex and port_dev->status_lock in opposite orders in hub_port_connect (enumeration retry) and usb_reset_and_verify_device',
     'linux-usb "possible circular locking dependency: &port_dev->status_lock --> hcd->address0_mutex" (5.16-rc, fixed by "usb: hub: Fix locking issues with address0_mutex") -- fourth batch')
def _():
    r = R('plain', '', 'kworker/0:2', 82, cpu=0, ts=64.09)
    r.release, r.build = '5.16.0-rc2+', '#3'
    r.hw = 'LENOVO 20XW0055US/20XW0055US, BIOS N32ET75W (1.51 ) 12/02/2021'
    sl = '&port_dev->status_lock'
    am = 'hcd->address0_mutex'
    hub = 'hub_port_connect hub_port_connect_change port_event hub_event ' + KW
    circular(r, (sl, '+.+.', '3:3', 'hub_port_connect'), (am, '+.+.', '3:3', 'hub_port_connect'),
        [(am, '+.+.', '3:3', '__mutex_lock mutex_lock_nested usb_reset_and_verify_device usb_reset_device hub_port_connect_change '
          'port_event hub_event ' + KW),
         (sl, '+.+.', '3:3', '__lock_acquire lock_acquire __mutex_lock mutex_lock_nested usb_lock_port ' + hub)],
        None, [('(wq_completion)usb_hub_wq', '+.+.', '0:0', 'process_one_work'),
               ('(work_completion)(&hub->events)', '+.+.', '0:0', 'process_one_work'),
               ('&dev->mutex', '+.+.', '3:3', 'hub_event'), (am, '+.+.', '3:3', 'hub_port_connect')],
        BTP + ' __mutex_lock mutex_lock_nested usb_lock_port ' + hub)
    return r


@rep('h61-inconsistent-snd-aloop-cable-lock-syzbot.log', 'SOUND',
     'snd-aloop takes cable->lock with interrupts and softirqs enabled in its prepare callback, while the jiffies timer takes it in softirq',
     'syzbot "inconsistent lock state in loopback_jiffies_timer_function" / "in loopback_prepare" -- fourth batch')
def _():
    r = R('syz', SYZ, 'syz-executor.2', 20031)
    cl = '&cable->lock'
    reg = ('lock_acquire! lock_acquire __raw_spin_lock_irqsave! _raw_spin_lock_irqsave loopback_jiffies_timer_function '
           'call_timer_fn __run_timers! run_timer_softirq __do_softirq invoke_softirq! __irq_exit_rcu irq_exit_rcu '
           'sysvec_apic_timer_interrupt asm_sysvec_apic_timer_interrupt')
    inconsistent(r, 'IN-SOFTIRQ-W', 'SOFTIRQ-ON-W', 'HC0[0]:SC0[0]:HE1:SE1', (cl, '+.?.', '2:2', 'loopback_prepare'),
        reg, STAMP, [('&pcm->open_mutex', '+.+.', '3:3', 'snd_pcm_prepare'), ('&loopback->cable_lock', '+.+.', '3:3', 'loopback_prepare')],
        BTI + ' __raw_spin_lock! _raw_spin_lock loopback_prepare snd_pcm_do_prepare snd_pcm_action_single snd_pcm_prepare '
        'snd_pcm_common_ioctl snd_pcm_ioctl ' + IOCTL)
    return r


@rep('h62-circular-uinput-mutex-ff-upload-syzbot.log', 'INPUT (KEYBOARD, MOUSE, JOYSTICK, TOUCHSCREEN) DRIVERS',
     'uinput destroys its input device (evdev disconnect takes evdev->mutex) while holding udev->mutex, and an evdev force-feedback upload waits on udev->mutex under evdev->mutex',
     'syzbot "possible deadlock in uinput_request_submit" / "in evdev_cleanup" -- fourth batch')
def _():
    r = R('syz', SYZ, 'syz-executor.4', 8870)
    um = '&udev->mutex'
    em = '&evdev->mutex'
    ds = ('evdev_cleanup evdev_disconnect __input_unregister_device input_unregister_device uinput_destroy_device '
          'uinput_ioctl_handler uinput_ioctl ' + IOCTL)
    circular(r, (em, '+.+.', '3:3', 'evdev_cleanup'), (um, '+.+.', '3:3', 'uinput_ioctl_handler'),
        [(um, '+.+.', '3:3', '__mutex_lock_common! __mutex_lock uinput_request_send! uinput_request_submit uinput_dev_upload_effect '
          'input_ff_upload evdev_do_ioctl evdev_ioctl_handler evdev_ioctl ' + IOCTL),
         (em, '+.+.', '3:3', H0 + ' __mutex_lock_common! __mutex_lock ' + ds)],
        None, [(um, '+.+.', '3:3', 'uinput_ioctl_handler'), ('input_mutex', '+.+.', '3:3', '__input_unregister_device')],
        BTC + ' __mutex_lock_common! __mutex_lock ' + ds)
    return r


@rep('h63-circular-netdevsim-trap-work-devlink-lock-syzbot.log', 'NETDEVSIM',
     'netdevsim cancels its trap report work synchronously under the devlink instance lock on reload, while that work takes the devlink lock',
     'syzbot "possible deadlock in nsim_dev_trap_report_work" / "in devlink_reload" (fixed by devl_trylock in the work) -- fourth batch')
def _():
    r = R('syz', '6.1.0-rc3-syzkaller-00005-gee6050c8af96', 'syz-executor.0', 3713)
    dl = '&devlink->lock_key#4'
    tw = '(work_completion)(&(&nsim_trap_data->trap_report_dw)->work)'
    rl = ('__flush_work __cancel_work_timer cancel_delayed_work_sync nsim_dev_traps_exit nsim_dev_reload_destroy '
          'nsim_dev_reload_down devlink_reload devlink_nl_cmd_reload ' + NL)
    circular(r, (tw, '+.+.', '0:0', '__flush_work'), (dl, '+.+.', '3:3', 'devlink_nl_pre_doit'),
        [(dl, '+.+.', '3:3', '__mutex_lock_common! __mutex_lock devl_lock nsim_dev_trap_report_work process_one_work worker_thread '
          'kthread ' + RF),
         (tw, '+.+.', '0:0', H0 + ' ' + rl)],
        None, [('cb_lock', '++++', '3:3', 'genl_rcv'), ('genl_mutex', '+.+.', '3:3', 'genl_lock!'),
               (dl, '+.+.', '3:3', 'devlink_nl_pre_doit')],
        BTC + ' ' + rl)
    return r


@rep('h64-circular-qxl-release-resv-mmap-lock-dmesg.log', 'DRM DRIVER FOR QXL VIRTUAL GPU',
     'qxl copies relocations from user space (may fault, mmap_lock) in its execbuffer ioctl with the release buffers reserved (dma_resv ww mutex), while a fault on a TTM mapping reserves the buffer under mmap_lock',
     'dri-devel "possible circular locking dependency: reservation_ww_class_mutex --> &mm->mmap_lock" (qxl execbuffer vs ttm_bo_vm_fault, spice guests) -- fourth batch')
def _():
    r = R('plain', '', 'Xorg', 1342, cpu=1, ts=31.44)
    r.release, r.build = '6.1.0-rc4+', '#1'
    rw = 'reservation_ww_class_mutex'
    ml = '&mm->mmap_lock'
    ex = ('__might_fault _copy_from_user@lib/usercopy.c qxl_process_single_command[qxl] qxl_execbuffer_ioctl[qxl] drm_ioctl_kernel '
          'drm_ioctl ' + IOCTL.replace('vfs_ioctl! ', ''))
    circular(r, (ml, '++++', '0:0', '__might_fault'), (rw, '+.+.', '3:3', 'qxl_release_reserve_list[qxl]'),
        [(rw, '+.+.', '3:3', '__ww_mutex_lock ww_mutex_lock@kernel/locking/mutex.c ttm_bo_vm_reserve[ttm] ttm_bo_vm_fault[ttm] '
          '__do_fault do_read_fault! do_fault@mm/memory.c __handle_mm_fault handle_mm_fault@mm/memory.c do_user_addr_fault '
          'exc_page_fault asm_exc_page_fault'),
         (ml, '++++', '0:0', '__lock_acquire lock_acquire ' + ex)],
        None, [('reservation_ww_class_acquire', '+.+.', '0:0', 'qxl_release_reserve_list[qxl]'),
               (rw, '+.+.', '3:3', 'qxl_release_reserve_list[qxl]')],
        BTP + ' ' + ex)
    return r


@rep('h65-hung-task-vivid-stop-generating-syzbot.log', 'VIVID VIRTUAL VIDEO DRIVER',
     'vivid stops its capture thread (kthread_stop) while holding dev->mutex, and the thread blocks on dev->mutex before it can see the stop',
     'syzbot "INFO: task hung in vivid_stop_generating_vid_cap" -- fourth batch')
def _():
    r = R('syz', SYZ, 'syz-executor.3', 12212)
    hung(r, 143, 'task:syz-executor.3  state:D stack:25880 pid:12212 ppid:  3652 flags:0x00004004',
         'context_switch! __schedule schedule schedule_timeout do_wait_for_common! __wait_for_common wait_for_completion '
         'kthread_stop vivid_stop_generating_vid_cap vid_cap_stop_streaming __vb2_queue_cancel vb2_core_streamoff '
         'vb2_ioctl_streamoff v4l_streamoff __video_do_ioctl video_usercopy v4l2_ioctl ' + IOCTL,
         [('khungtaskd/28', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('vivid-000-vid-c/12215', [('&dev->mutex#3', '+.+.', '3:3', 'vivid_thread_vid_cap')]),
          ('syz-executor.3/12212', [('&dev->mutex#3', '+.+.', '3:3', '__video_do_ioctl')])])
    return r


@rep('h66-circular-ufs-clk-scaling-lock-dev-cmd-devfreq-arm64.log', 'UNIVERSAL FLASH STORAGE HOST CONTROLLER DRIVER',
     'the UFS devfreq target toggles the write booster (dev_cmd.lock) while holding clk_scaling_lock, the reverse of device commands, which take clk_scaling_lock under dev_cmd.lock',
     'linux-scsi "possible circular locking dependency: &hba->clk_scaling_lock --> &hba->dev_cmd.lock" under devfreq_monitor (fixed by "scsi: ufs: core: Fix devfreq deadlocks") -- fourth batch')
def _():
    r = R('plain', '', 'kworker/u16:5', 318, cpu=6, ts=45.22, arch='arm64')
    r.release, r.build = '6.1.0-rc5-next-20221118', '#1'
    r.hw = 'Qualcomm Technologies, Inc. SM8450 HDK (DT)'
    cs = '&hba->clk_scaling_lock'
    dc = '&hba->dev_cmd.lock'
    df = ('ufshcd_query_flag ufshcd_query_flag_retry __ufshcd_wb_toggle ufshcd_wb_toggle ufshcd_devfreq_scale '
          'ufshcd_devfreq_target devfreq_set_target devfreq_update_target update_devfreq devfreq_monitor ' + KW.replace(RF, 'ret_from_fork@arch/arm64/kernel/entry.S'))
    circular(r, (dc, '+.+.', '3:3', 'ufshcd_query_flag'), (cs, '++++', '3:3', 'ufshcd_devfreq_scale'),
        [(cs, '++++', '3:3', 'down_read ufshcd_exec_dev_cmd ufshcd_query_flag ufshcd_query_flag_retry ufshcd_wl_resume '
          '__rpm_callback rpm_callback rpm_resume __pm_runtime_resume@drivers/base/power/runtime.c ufshcd_clkscale_enable_store '
          'dev_attr_store sysfs_kf_write kernfs_fop_write_iter vfs_write ksys_write __arm64_sys_write ' + ARM64_SYS),
         (dc, '+.+.', '3:3', '__lock_acquire lock_acquire __mutex_lock mutex_lock_nested ' + df)],
        None, [('(wq_completion)devfreq_wq', '+.+.', '0:0', 'process_one_work'),
               ('(work_completion)(&(&devfreq->work)->work)', '+.+.', '0:0', 'process_one_work'),
               ('&devfreq->lock', '+.+.', '3:3', 'devfreq_monitor'), (cs, '++++', '3:3', 'ufshcd_devfreq_scale')],
        'dump_backtrace@arch/arm64/kernel/stacktrace.c show_stack@arch/arm64/kernel/stacktrace.c dump_stack_lvl dump_stack '
        'print_circular_bug check_noncircular __lock_acquire lock_acquire __mutex_lock mutex_lock_nested ' + df)
    return r


@rep('h67-hung-task-nvme-scan-freeze-queue-dmesg.log', 'NVM EXPRESS DRIVER',
     'nvme namespace scanning freezes a queue (waits for in-flight I/O) while holding scan_lock during a controller reset that cannot complete the I/O',
     'linux-nvme / blktests "INFO: task kworker/u:N blocked" in blk_mq_freeze_queue_wait from nvme_scan_work (scan vs reset) -- fourth batch')
def _():
    r = R('plain', '', 'kworker/u32:7', 1960, cpu=4, ts=1351.2)
    r.release, r.build = '6.1.0-rc6+', '#5'
    r.taint = 'Not tainted'
    hung(r, 245, 'task:kworker/u32:7   state:D stack:0     pid:1960  ppid:2      flags:0x00004000',
         '__schedule schedule blk_mq_freeze_queue_wait nvme_update_ns_info[nvme_core] nvme_validate_ns[nvme_core] '
         'nvme_scan_ns[nvme_core] nvme_scan_ns_list[nvme_core] nvme_scan_work[nvme_core] ' + KW,
         [('khungtaskd/98', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('kworker/u32:7/1960', [('(wq_completion)nvme-wq', '+.+.', '0:0', 'process_one_work'),
                                  ('(work_completion)(&ctrl->scan_work)', '+.+.', '0:0', 'process_one_work'),
                                  ('&ctrl->scan_lock', '+.+.', '3:3', 'nvme_scan_work[nvme_core]')])])
    return r


@rep('h68-bad-unlock-thermal-zone-lock-dmesg.log', 'THERMAL',
     'the thermal core drops tz->lock a second time on the error path of a zone update when reading the temperature fails',
     'linux-pm "WARNING: bad unlock balance detected! ... (&tz->lock) at: thermal_zone_device_update" -- fourth batch')
def _():
    r = R('plain', '', 'kworker/3:1', 96, cpu=3, ts=622.0)
    r.release, r.build = '6.1.0-rc5-pm+', '#2'
    r.hw = 'Google Volteer/Volteer, BIOS Google_Volteer.13672.224.0 06/22/2021'
    bad_unlock(r, '&tz->lock', 'thermal_zone_device_update',
        [('(wq_completion)events_freezable_power_', '+.+.', '0:0', 'process_one_work'),
         ('(work_completion)(&(&tz->poll_queue)->work)', '+.+.', '0:0', 'process_one_work')],
        'dump_stack_lvl print_unlock_imbalance_bug lock_release __mutex_unlock_slowpath thermal_zone_device_update '
        'thermal_zone_device_check ' + KW)
    return r


@rep('h69-circular-cpufreq-policy-rwsem-kn-active-dmesg.log', 'CPU FREQUENCY SCALING FRAMEWORK',
     'the cpufreq core removes the stats sysfs group (kernfs drain) with policy->rwsem held when a policy is freed, while reading a stats attribute takes policy->rwsem under the file active reference',
     'linux-pm "possible circular locking dependency: kn->active#N --> &policy->rwsem" on cpufreq driver unload (cpufreq_stats_free_table under the policy rwsem) -- fourth batch')
def _():
    r = R('plain', '', 'rmmod', 3120, cpu=1, ts=508.9)
    r.release, r.build = '6.1.0-rc4+', '#6'
    ka = 'kn->active#118'
    pr = '&policy->rwsem'
    rm = ('kernfs_drain __kernfs_remove kernfs_remove_by_name_ns@fs/kernfs/dir.c remove_files sysfs_remove_group@fs/sysfs/group.c '
          'cpufreq_stats_free_table@drivers/cpufreq/cpufreq_stats.c cpufreq_policy_put_kobj cpufreq_policy_free cpufreq_remove_dev '
          'subsys_interface_unregister cpufreq_unregister_driver acpi_cpufreq_exit@drivers/cpufreq/acpi-cpufreq.c[acpi_cpufreq] '
          '__do_sys_delete_module __x64_sys_delete_module ' + SYS)
    circular(r, (ka, '++++', '0:0', '__kernfs_remove'), (pr, '++++', '3:3', 'cpufreq_policy_put_kobj'),
        [(pr, '++++', '3:3', 'down_read show@drivers/cpufreq/cpufreq.c sysfs_kf_seq_show seq_read_iter kernfs_fop_read_iter '
          'vfs_read ksys_read __x64_sys_read ' + SYS),
         (ka, '++++', '0:0', '__lock_acquire lock_acquire ' + rm)],
        None, [(pr, '++++', '3:3', 'cpufreq_policy_put_kobj')],
        BTP + ' ' + rm)
    return r


@rep('h70-circular-cgroup-threadgroup-rwsem-cpu-hotplug-dmesg.log', 'CONTROL GROUP (CGROUP)',
     'cgroup write-locks cgroup_threadgroup_rwsem before cpus_read_lock when migrating tasks, and cpuset attach then takes cpu_hotplug_lock under it, while CPU hotplug creates tasks (threadgroup read) under cpu_hotplug_lock',
     'LKML "possible circular locking dependency: cgroup_threadgroup_rwsem --> cpu_hotplug_lock" (fixed in cgroup_attach_lock, 5.19) -- fourth batch')
def _():
    r = R('plain', '', 'systemd', 1, cpu=0, ts=12.74)
    r.release, r.build = '5.19.0-rc2+', '#1'
    hp = 'cpu_hotplug_lock'
    tg = 'cgroup_threadgroup_rwsem'
    at = ('cpus_read_lock@kernel/cpu.c cpuset_attach cgroup_migrate_execute cgroup_migrate cgroup_attach_task __cgroup_procs_write '
          'cgroup_procs_write cgroup_file_write kernfs_fop_write_iter vfs_write ksys_write ' + SYS)
    circular(r, (hp, '++++', '0:0', 'cpuset_attach'), (tg, '++++', '0:0', 'cgroup_procs_write_start'),
        [(tg, '++++', '0:0', 'percpu_down_read cgroup_can_fork@kernel/cgroup/cgroup.c copy_process kernel_clone kernel_thread '
          'create_kthread kthreadd ' + RF),
         (hp, '++++', '0:0', '__lock_acquire lock_acquire ' + at)],
        None, [('sb_writers#8', '.+.+', '0:0', 'ksys_write'), ('&of->mutex', '+.+.', '3:3', 'kernfs_fop_write_iter'),
               ('cgroup_mutex', '+.+.', '3:3', 'cgroup_kn_lock_live'), (tg, '++++', '0:0', 'cgroup_procs_write_start'),
               ('cpuset_rwsem', '++++', '0:0', 'cpuset_attach')],
        BTP + ' ' + at)
    return r


@rep('h71-circular-page-isolation-zone-lock-console-owner-dmesg.log', 'MEMORY MANAGEMENT',
     'page isolation dumps an unmovable page (printk to the serial console) while holding zone->lock, and the tty layer allocates pages under the port lock the console takes',
     'linux-mm "possible circular locking dependency: &port->lock --> &zone->lock --> console_owner" on memory offline (has_unmovable_pages dump_page under zone->lock) -- fourth batch')
def _():
    r = R('plain', '', 'kworker/u8:2', 271, cpu=2, ts=1877.3)
    r.release, r.build = '6.1.0-rc3-mm+', '#1'
    co = 'console_owner'
    zl = '&zone->lock'
    pl = '&port_lock_key'
    dp = ('console_lock_spinning_enable console_emit_next_record console_flush_all console_unlock vprintk_emit '
          'vprintk_default _printk@kernel/printk/printk.c __dump_page dump_page has_unmovable_pages set_migratetype_isolate '
          'start_isolate_page_range offline_pages@mm/memory_hotplug.c memory_subsys_offline device_offline '
          'state_store@drivers/base/memory.c dev_attr_store sysfs_kf_write kernfs_fop_write_iter vfs_write ksys_write ' + SYS)
    circular(r, (co, '-...', '0:0', 'console_lock_spinning_enable'), (zl, '-.-.', '2:2', 'start_isolate_page_range'),
        [(zl, '-.-.', '2:2', '_raw_spin_lock rmqueue_bulk __rmqueue_pcplist rmqueue_pcplist! rmqueue get_page_from_freelist '
          '__alloc_pages __kmalloc@mm/slab_common.c tty_buffer_alloc __tty_buffer_request_room tty_insert_flip_string_fixed_flag '
          'tty_insert_flip_string_and_push_buffer pty_write n_tty_write file_tty_write tty_write vfs_write ksys_write ' + SYS),
         (pl, '-.-.', '2:2', '_raw_spin_lock_irqsave serial8250_console_write univ8250_console_write call_console_driver! '
          'console_emit_next_record console_flush_all console_unlock vprintk_emit vprintk_default _printk@kernel/printk/printk.c '
          'dev_printk_emit@drivers/base/core.c __dev_printk! _dev_info ' + KW),
         (co, '-...', '0:0', '__lock_acquire lock_acquire ' + dp)],
        None, [('kn->active#52', '++++', '0:0', 'kernfs_fop_write_iter'), ('device_hotplug_lock', '+.+.', '3:3', 'lock_device_hotplug_sysfs'),
               ('&dev->mutex', '+.+.', '3:3', 'device_offline'), ('mem_hotplug_lock', '++++', '0:0', 'offline_pages'),
               (zl, '-.-.', '2:2', 'start_isolate_page_range')],
        BTP + ' ' + dp)
    return r


@rep('h72-circular-watchdog-wd-data-lock-ping-work-dmesg.log', 'WATCHDOG DEVICE DRIVERS',
     'the watchdog core cancels the ping kthread work synchronously while holding wd_data->lock on unregister, and the ping work takes wd_data->lock',
     'linux-watchdog "possible circular locking dependency: (work_completion)(&wd_data->work) --> &wd_data->lock" on watchdog driver unbind (5.x) -- fourth batch')
def _():
    r = R('plain', '', 'rmmod', 2451, cpu=0, ts=730.5)
    r.release, r.build = '5.4.0-rc3+', '#2'
    wl = '&wd_data->lock'
    ww = '(work_completion)(&wd_data->work)'
    un = ('kthread_cancel_work_sync watchdog_cdev_unregister watchdog_dev_unregister watchdog_unregister_device '
          'devm_watchdog_unregister_device@drivers/watchdog/watchdog_core.c release_nodes devres_release_all '
          'device_release_driver_internal driver_detach@drivers/base/dd.c bus_remove_driver driver_unregister '
          'platform_driver_unregister softdog_exit@drivers/watchdog/softdog.c[softdog] __do_sys_delete_module __x64_sys_delete_module ' + SYS)
    circular(r, (ww, '+.+.', '0:0', '__kthread_cancel_work_sync@kernel/kthread.c'), (wl, '+.+.', '3:3', 'watchdog_cdev_unregister'),
        [(wl, '+.+.', '3:3', '__mutex_lock mutex_lock_nested watchdog_ping_work kthread_worker_fn kthread ' + RF),
         (ww, '+.+.', '0:0', '__lock_acquire lock_acquire __kthread_cancel_work_sync@kernel/kthread.c ' + un)],
        None, [('&dev->mutex', '....', '3:3', 'device_release_driver_internal'), (wl, '+.+.', '3:3', 'watchdog_cdev_unregister')],
        BTP + ' __kthread_cancel_work_sync@kernel/kthread.c ' + un)
    return r


@rep('h73-rcu-cfg80211-bss-update-ies-syzbot.log', '802.11 (including CFG80211/NL80211)',
     'cfg80211 dereferences the RCU-protected BSS IEs while updating a scan entry under bss_lock without rcu_read_lock',
     'syzbot "WARNING: suspicious RCU usage in cfg80211_bss_update" (mac80211_hwsim scan results) -- fourth batch')
def _():
    r = R('syz', SYZ, 'kworker/u4:5', 1071)
    rcu(r, 'net/wireless/scan.c:1784 suspicious rcu_dereference_check() usage!',
        [('(wq_completion)phy11', '+.+.', '0:0', 'process_one_work'),
         ('(work_completion)(&local->restart_work)', '+.+.', '0:0', 'process_one_work'),
         ('&rdev->bss_lock', '+.-.', '2:2', 'cfg80211_inform_single_bss_frame_data')],
        BTRCU + ' cfg80211_bss_update cfg80211_inform_single_bss_frame_data cfg80211_inform_bss_frame_data '
        'ieee80211_bss_info_update ieee80211_scan_rx __ieee80211_rx_handle_packet! ieee80211_rx_list ieee80211_rx_napi '
        'ieee80211_tasklet_handler tasklet_action_common tasklet_action __do_softirq', rsa=2)
    return r


@rep('h74-recursive-bpf-trace-printk-lock-syzbot.log', 'BPF [TRACING]',
     'bpf_trace_printk takes trace_printk_lock, whose contention fires the contention_begin tracepoint, and a BPF program attached there calls bpf_trace_printk again',
     'syzbot "possible deadlock in bpf_trace_printk" (trace_printk_lock recursion through the lock contention tracepoint) -- fourth batch')
def _():
    r = R('syz', '6.1.0-rc1-syzkaller-00404-g2c1ff2a6f6f0', 'syz-executor.2', 3688)
    tl = 'trace_printk_lock'
    inner = ('bpf_trace_printk bpf_prog_0605f9f479290f07 bpf_dispatcher_nop_func! __bpf_prog_run! bpf_trace_run2 '
             '__bpf_trace_contention_begin __traceiter_contention_begin queued_spin_lock_slowpath@kernel/locking/qspinlock.c '
             'queued_spin_lock! do_raw_spin_lock! __raw_spin_lock_irqsave! _raw_spin_lock_irqsave ')
    outer = ('bpf_trace_printk bpf_prog_0605f9f479290f07 bpf_dispatcher_nop_func! __bpf_prog_run! bpf_trace_run2 '
             '__bpf_trace_contention_begin __traceiter_contention_begin queued_spin_lock_slowpath@kernel/locking/qspinlock.c '
             'queued_spin_lock! do_raw_spin_lock! __raw_spin_lock_irqsave! _raw_spin_lock_irqsave __wake_up_common_lock '
             'pipe_write call_write_iter! new_sync_write! vfs_write ksys_write ' + SYS)
    recursive(r, (tl, '....', '2:2', 'bpf_trace_printk'), (tl, '....', '2:2', 'bpf_trace_printk'),
        [('&pipe->wait', '....', '2:2', '__wake_up_common_lock'), (tl, '....', '2:2', 'bpf_trace_printk')],
        BTR + ' __raw_spin_lock_irqsave! _raw_spin_lock_irqsave ' + inner + outer)
    return r


@rep('h75-held-lock-freed-hidraw-release-syzbot.log', 'HID CORE LAYER',
     'hidraw_release takes the per-open list read_mutex to wait out a reader and frees the list (kfree) before unlocking it',
     'syzbot "WARNING: held lock freed in hidraw_release" -- fourth batch')
def _():
    r = R('syz', SYZ, 'syz-executor.5', 9410)
    held_freed(r, ('&list->read_mutex', '+.+.', '3:3', 'hidraw_release'), 0x4000,
        [('minors_lock', '+.+.', '3:3', 'hidraw_release'), ('&list->read_mutex', '+.+.', '3:3', 'hidraw_release')],
        BTF + ' kfree@mm/slab_common.c hidraw_release __fput task_work_run resume_user_mode_work! exit_to_user_mode_loop '
        'exit_to_user_mode_prepare __syscall_exit_to_user_mode_work! syscall_exit_to_user_mode do_syscall_64 '
        'entry_SYSCALL_64_after_hwframe')
    return r
