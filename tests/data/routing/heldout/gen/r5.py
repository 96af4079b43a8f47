from specs import *

@rep('h23-recursive-team-port-change-syzbot.log', 'TEAM DRIVER',
     'team_add_slave holds team->lock while opening the port, whose NETDEV_UP notifier comes back into team_port_change_check and takes team->lock again',
     'syzbot "possible deadlock in team_port_change_check"')
def _():
    r = R('syz', SYZ, 'syz-executor.3', 9877)
    t = 'team->team_lock_key#2'
    recursive(r, (t, '+.+.', '3:3', 'team_port_change_check'), (t, '+.+.', '3:3', 'team_add_slave'),
        [('rtnl_mutex', '+.+.', '3:3', 'rtnl_lock! rtnetlink_rcv_msg'), (t, '+.+.', '3:3', 'team_add_slave')],
        BTR + ' __mutex_lock_common! __mutex_lock team_port_change_check team_device_event notifier_call_chain '
        'raw_notifier_call_chain call_netdevice_notifiers_info call_netdevice_notifiers_extack! call_netdevice_notifiers! '
        'dev_open@net/core/dev.c team_port_add team_add_slave do_set_master do_setlink __rtnl_newlink rtnl_newlink '
        'rtnetlink_rcv_msg netlink_rcv_skb netlink_unicast_kernel! netlink_unicast netlink_sendmsg ' + SENDMSG)
    return r

@rep('h24-inconsistent-vkms-composer-lock-syzbot.log', 'DRM DRIVER FOR VIRTUAL KERNEL MODESETTING (VKMS)',
     'vkms takes composer_lock with interrupts enabled in its composer work and from the vblank hrtimer in hardirq',
     'syzbot "inconsistent lock state in vkms_vblank_simulate" (5.x)')
def _():
    r = R('syz', '5.4.0-rc3-syzkaller', 'swapper/0', 0, cpu=0)
    c = '&(&out->composer_lock)->rlock'
    inconsistent(r, 'HARDIRQ-ON-W', 'IN-HARDIRQ-W', 'HC1[1]:SC0[0]:HE0:SE1', (c, '?.+.', None, 'spin_lock! vkms_vblank_simulate'),
        'lock_acquire __raw_spin_lock! _raw_spin_lock spin_lock! vkms_composer_worker ' + KW, STAMP,
        [],
        '<IRQ> ' + BTI + ' __raw_spin_lock! _raw_spin_lock spin_lock! vkms_vblank_simulate __run_hrtimer __hrtimer_run_queues '
        'hrtimer_interrupt local_apic_timer_interrupt! __sysvec_apic_timer_interrupt sysvec_apic_timer_interrupt </IRQ> <TASK> '
        'asm_sysvec_apic_timer_interrupt default_idle@arch/x86/kernel/process.c default_idle_call cpuidle_idle_call! do_idle '
        'cpu_startup_entry rest_init arch_call_rest_init start_kernel secondary_startup_64_no_verify')
    return r

@rep('h25-user-return-ublk-recovery-dmesg.log', 'UBLK USERSPACE BLOCK DRIVER',
     'ublk_ctrl_start_recovery returns to user space on an error path with ub->mutex held',
     'linux-block "WARNING: lock held when returning to user space!" from a ublk recovery test')
def _():
    r = R('plain', '', 'ublk', 1502, cpu=3, ts=77.1)
    r.release, r.build = '6.1.0-rc2+', '#5'
    user_return(r, [('&ub->mutex', '+.+.', '3:3', 'ublk_ctrl_start_recovery[ublk_drv]')])
    return r
