from specs import *

ARM64_SYS = 'invoke_syscall el0_svc_common do_el0_svc el0_svc el0t_64_sync_handler el0t_64_sync'

@rep('h26-circular-f2fs-gc-lock-cp-rwsem-syzbot.log', 'F2FS FILE SYSTEM',
     'f2fs balances (runs GC, which checkpoints under gc_lock) while its create path still holds cp_rwsem from f2fs_lock_op',
     'syzbot "possible deadlock in f2fs_balance_fs" / "in f2fs_create" (gc_lock vs cp_rwsem) -- second batch')
def _():
    r = R('syz', SYZ, 'syz-executor.2', 5561)
    gc = '&sbi->gc_lock'
    cp = '&sbi->cp_rwsem'
    opn = ('lookup_open! open_last_lookups! path_openat do_filp_open do_sys_openat2 do_sys_open! __do_sys_openat! '
           '__se_sys_openat! __x64_sys_openat@fs/open.c ' + SYS)
    circular(r, (gc, '+.+.', '3:3', 'f2fs_down_write! f2fs_balance_fs'), (cp, '++++', '3:3', 'f2fs_down_read! f2fs_lock_op! f2fs_create'),
        [(cp, '++++', '3:3', 'down_write f2fs_down_write! f2fs_lock_all! block_operations f2fs_write_checkpoint f2fs_gc '
          'f2fs_balance_fs f2fs_write_begin generic_perform_write f2fs_buffered_write_iter! f2fs_file_write_iter ' + WRITE),
         (gc, '+.+.', '3:3', H0 + ' down_write f2fs_down_write! f2fs_balance_fs f2fs_create ' + opn)],
        None, [('sb_writers#13', '.+.+', '0:0', 'mnt_want_write'), ('&type->i_mutex_dir_key#9', '++++', '3:3', 'inode_lock! open_last_lookups!'),
               (cp, '++++', '3:3', 'f2fs_down_read! f2fs_lock_op! f2fs_create')],
        BTC + ' down_write f2fs_down_write! f2fs_balance_fs f2fs_create ' + opn)
    return r

@rep('h27-circular-bluetooth-cmd-sync-req-lock-syzbot.log', 'BLUETOOTH SUBSYSTEM',
     'closing an hci device cancels cmd_sync_work synchronously under req_lock, which that work takes',
     'syzbot "possible deadlock in hci_dev_do_close" / "in hci_cmd_sync_clear" -- second batch')
def _():
    r = R('syz', '6.0.0-rc7-syzkaller-00081-g0326074ff465', 'syz-executor.0', 7003)
    rq = '&hdev->req_lock'
    wk = '(work_completion)(&hdev->cmd_sync_work)'
    close = ('__flush_work __cancel_work_timer cancel_work_sync hci_cmd_sync_clear hci_dev_close_sync hci_dev_do_close '
             'hci_dev_close hci_sock_ioctl sock_do_ioctl sock_ioctl vfs_ioctl! __do_sys_ioctl! __se_sys_ioctl! '
             '__x64_sys_ioctl@fs/ioctl.c ' + SYS)
    circular(r, (wk, '+.+.', '0:0', '__flush_work'), (rq, '+.+.', '3:3', 'hci_dev_do_close'),
        [(rq, '+.+.', '3:3', '__mutex_lock_common! __mutex_lock hci_cmd_sync_work ' + KW),
         (wk, '+.+.', '0:0', H0 + ' ' + close)],
        None, [(rq, '+.+.', '3:3', 'hci_dev_do_close')],
        BTC + ' ' + close)
    return r

@rep('h28-circular-kvm-arm64-timer-kvm-lock.log', 'KERNEL VIRTUAL MACHINE FOR ARM64 (KVM/arm64)',
     'the arm64 timer takes kvm->lock from a vcpu ioctl (KVM_SET_ONE_REG) under vcpu->mutex, inverting the kvm->lock -> vcpu->mutex order of lock_all_vcpus',
     'kvmarm "possible circular locking dependency: &kvm->lock vs &vcpu->mutex" (update_vtimer_cntvoff, 6.2/6.3) -- second batch')
def _():
    r = R('plain', '', 'qemu-system-aar', 4218, cpu=3, ts=512.0, arch='arm64')
    r.release, r.build = '6.2.0-rc3-00017-gb1b9e1c8a5d4', '#52'
    r.hw = 'linux,dummy-virt (DT)'
    kl = '&kvm->lock'
    vm = '&vcpu->mutex'
    circular(r, (kl, '+.+.', '3:3', 'update_vtimer_cntvoff'), (vm, '+.+.', '3:3', 'kvm_vcpu_ioctl'),
        [(vm, '+.+.', '3:3', '__mutex_lock mutex_lock_nested lock_all_vcpus kvm_vgic_create vgic_create '
          'kvm_ioctl_create_device kvm_vm_ioctl __arm64_sys_ioctl ' + ARM64_SYS),
         (kl, '+.+.', '3:3', '__lock_acquire lock_acquire __mutex_lock mutex_lock_nested update_vtimer_cntvoff '
          'kvm_arm_timer_set_reg set_timer_reg! kvm_arm_set_reg kvm_arch_vcpu_ioctl@arch/arm64/kvm/arm.c kvm_vcpu_ioctl '
          '__arm64_sys_ioctl ' + ARM64_SYS)],
        None, [(vm, '+.+.', '3:3', 'kvm_vcpu_ioctl')],
        'dump_backtrace@arch/arm64/kernel/stacktrace.c show_stack@arch/arm64/kernel/stacktrace.c dump_stack_lvl '
        'dump_stack print_circular_bug check_noncircular __lock_acquire lock_acquire __mutex_lock mutex_lock_nested '
        'update_vtimer_cntvoff kvm_arm_timer_set_reg kvm_arm_set_reg kvm_arch_vcpu_ioctl@arch/arm64/kvm/arm.c '
        'kvm_vcpu_ioctl __arm64_sys_ioctl ' + ARM64_SYS)
    return r

@rep('h29-rcu-tc-qdisc-find-syzbot.log', 'TC subsystem',
     'the rtnl-unlocked tc filter path dereferences dev->qdisc before taking rcu_read_lock',
     'syzbot "WARNING: suspicious RCU usage in __tcf_qdisc_find" -- second batch')
def _():
    r = R('syz', '5.4.0-rc1-syzkaller', 'syz-executor.5', 12007)
    rcu(r, 'net/sched/cls_api.c:1110 suspicious rcu_dereference_check() usage!', [],
        BTRCU + ' __tcf_qdisc_find tc_new_tfilter rtnetlink_rcv_msg netlink_rcv_skb netlink_unicast_kernel! netlink_unicast '
        'netlink_sendmsg ' + SENDMSG)
    return r
