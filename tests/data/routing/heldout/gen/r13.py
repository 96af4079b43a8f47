# Batch 9 (h161-h180): areas no earlier batch or the corpus had, chosen for
# shapes that stress the rules rather than for new directories: a driver
# called through a core framework's callback (the DRM atomic helpers and a
# bridge, the regulator core, the clk framework over I2C, devfreq and a
# cpufreq notifier, cpuhp callbacks, PM domains, netdev notifiers, kernfs
# show and store, configfs, perf's pmu ops), an inline helper of a header at
# the top (include/net/sock.h), stacks whose only non-core frames are in
# arch/ (x86 KVM, arm64 KVM, s390), BPF with tracing and cpuset against CPU
# hotplug. Written and labelled before splatd was run on any of them.
from specs import *
from r10 import old, BTP, ARM64_SYS, ARM64_BT, ARM64_KW, NL

EXTRA.update({'bpf_task_storage_get': ('kernel/bpf/bpf_task_storage.c', 210),
              '__traceiter_contention_begin': ('include/trace/events/lock.h', 95),
              '__arm64_sys_perf_event_open': ('kernel/events/core.c', 12181),
              '__arm64_sys_write': ('fs/read_write.c', 646), '__arm64_sys_read': ('fs/read_write.c', 627),
              '__arm64_sys_delete_module': ('kernel/module/main.c', 695),
              '__s390x_sys_write': ('fs/read_write.c', 646), 'system_call': ('arch/s390/kernel/entry.S', 306), '__arm64_sys_sendmsg': ('net/socket.c', 2609)})
KWB = 'kthread ' + RF
ARM64_KT = 'kthread ret_from_fork@arch/arm64/kernel/entry.S'
SYSFS_RD = ('dev_attr_show sysfs_kf_seq_show kernfs_seq_show seq_read_iter kernfs_fop_read_iter call_read_iter! new_sync_read! '
            'vfs_read ksys_read ')
DEV_W = 'dev_attr_store sysfs_kf_write kernfs_fop_write_iter call_write_iter! new_sync_write! vfs_write ksys_write '
RMMOD_PLAT = ('platform_remove device_remove __device_release_driver device_release_driver_internal driver_detach@drivers/base/dd.c '
              'bus_remove_driver driver_unregister platform_driver_unregister ')


@rep('h161-circular-ti-sn65dsi86-comms-mutex-aux-hw-mutex-arm64.log', 'DRM DRIVER FOR TI SN65DSI86 BRIDGE CHIP',
     'ti-sn65dsi86 keeps its comms_mutex (taken in ti_sn65dsi86_enable_comms) across link training in its atomic_enable bridge callback and so takes the DP AUX hw_mutex under it, while an AUX transfer from the aux chardev holds hw_mutex and runtime-resumes the bridge (ti_sn65dsi86_resume -> ti_sn65dsi86_enable_comms -> comms_mutex); the bridge must not hold comms_mutex across AUX transfers (made up in real functions)',
     'dri-devel / ChromeOS CI (arm64, trogdor) "possible circular locking dependency: &pdata->comms_mutex --> &aux->hw_mutex" on a modeset while fwupd reads the panel DPCD through /dev/drm_dp_aux0 (made up in real functions) -- ninth batch')
def _():
    r = R('plain', '', 'kworker/u16:7', 318, cpu=5, ts=23.6, arch='arm64')
    r.release, r.build = '6.1.0-rc4-00123-g2a3b4c5d6e7f', '#1'
    r.hw = 'Google Lazor (rev3 - 8) with LTE (DT)'
    cm = '&pdata->comms_mutex'
    hw = '&aux->hw_mutex'
    en = ('__mutex_lock mutex_lock_nested drm_dp_dpcd_access drm_dp_dpcd_write ti_sn_link_training[ti_sn65dsi86] '
          'ti_sn_bridge_atomic_enable[ti_sn65dsi86] drm_atomic_bridge_chain_enable drm_atomic_helper_commit_modeset_enables '
          'msm_atomic_commit_tail commit_tail commit_work ' + ARM64_KW)
    circular(r, (hw, '+.+.', '3:3', 'drm_dp_dpcd_access'), (cm, '+.+.', '3:3', 'ti_sn65dsi86_enable_comms[ti_sn65dsi86]'),
        [(cm, '+.+.', '3:3', '__mutex_lock mutex_lock_nested ti_sn65dsi86_enable_comms[ti_sn65dsi86] ti_sn65dsi86_resume[ti_sn65dsi86] '
          '__rpm_callback rpm_callback rpm_resume __pm_runtime_resume ti_sn_aux_transfer[ti_sn65dsi86] drm_dp_dpcd_access '
          'drm_dp_dpcd_write auxdev_write_iter vfs_write ksys_write __arm64_sys_write ' + ARM64_SYS),
         (hw, '+.+.', '3:3', '__lock_acquire lock_acquire ' + en)],
        None, [('(wq_completion)events_unbound', '+.+.', '0:0', 'process_one_work'),
               ('(work_completion)(&state->commit_work)', '+.+.', '0:0', 'process_one_work'),
               (cm, '+.+.', '3:3', 'ti_sn65dsi86_enable_comms[ti_sn65dsi86]')],
        ARM64_BT + ' print_circular_bug check_noncircular __lock_acquire lock_acquire ' + en)
    return r


@rep('h162-recursive-vctrl-regulator-ww-class-microvolts-show-dmesg.log', 'VOLTAGE AND CURRENT REGULATOR FRAMEWORK',
     'the vctrl regulator driver reads its control supply with the locking regulator_get_voltage() from its get_voltage op, which the regulator core calls with the regulator locked, so regulator_lock_dependent takes a second regulator_ww_class_mutex inside the first; the op must use the unlocked regulator_get_voltage_rdev() on the supply, as 6.1 does (the vctrl driver has no section of its own)',
     'linux-pm / LKML "possible recursive locking detected: regulator_ww_class_mutex" reading /sys/class/regulator/regulator.N/microvolts of a vctrl regulator (5.x, fixed by using regulator_get_voltage_rdev on the supply) -- ninth batch')
def _():
    r = R('plain', '', 'cat', 2318, cpu=1, ts=402.3, arch='arm64')
    r.release, r.build = '5.10.0-rc3-00021-g9b1c3d4e5f60', '#2'
    r.hw = 'Rockchip RK3399 Gru Kevin (DT)'
    ww = 'regulator_ww_class_mutex'
    rd = ('regulator_get_voltage_rdev microvolts_show ' + SYSFS_RD + '__arm64_sys_read ' + ARM64_SYS)
    recursive(r, (ww, '+.+.', '3:3', 'regulator_lock_recursive'), (ww, '+.+.', '3:3', 'regulator_lock_nested'),
        [('&p->lock', '+.+.', '3:3', 'seq_read_iter'), ('&of->mutex', '+.+.', '3:3', 'kernfs_seq_start'),
         ('kn->active#88', '.+.+', '0:0', 'kernfs_seq_start'), (ww, '+.+.', '3:3', 'regulator_lock_nested'),
         ('regulator_ww_class_acquire', '+.+.', '0:0', 'regulator_get_voltage')],
        ARM64_BT + ' __lock_acquire lock_acquire __ww_mutex_lock ww_mutex_lock@kernel/locking/mutex.c regulator_lock_recursive regulator_lock_dependent '
        'regulator_get_voltage vctrl_get_voltage ' + rd)
    return r


@rep('h163-circular-i2c-imx-bus-lock-clk-prepare-lock-si5351-arm64.log', 'FREESCALE IMX I2C DRIVER',
     'i2c-imx prepared its clock (clk_prepare_enable, the clk framework\'s prepare_lock) in its runtime resume, called from i2c_imx_xfer with the adapter\'s bus lock held, while the si5351 clock generator, a clk provider on that bus, is programmed over I2C from clk_set_rate with prepare_lock held; the controller must prepare its clock at probe and only enable it on resume, as 6.1 does',
     'linux-i2c / linux-clk "possible circular locking dependency: prepare_lock --> i2c_register_adapter" on an i.MX6 board with an SI5351 audio clock (an older i2c-imx that prepared its clock in runtime resume) -- ninth batch')
def _():
    r = R('plain', '', 'pipewire', 611, cpu=0, ts=14.3, arch='arm64')
    r.release, r.build = '5.4.0-rc2-00077-g1c2d3e4f5a6b', '#1'
    r.hw = 'NXP i.MX8MQ EVK (DT)'
    pl = 'prepare_lock'
    bl = 'i2c_register_adapter'
    sr = ('rt_mutex_lock_nested i2c_adapter_lock_bus __i2c_transfer! i2c_transfer i2c_transfer_buffer_flags regmap_i2c_write '
          '_regmap_raw_write_impl _regmap_bus_raw_write _regmap_write regmap_write si5351_msynth_set_rate[clk_si5351] clk_change_rate '
          'clk_core_set_rate_nolock clk_set_rate@drivers/clk/clk.c snd_soc_dai_set_sysclk __soc_pcm_hw_params dpcm_fe_dai_hw_params '
          'snd_pcm_hw_params snd_pcm_ioctl __arm64_sys_ioctl ' + ARM64_SYS)
    circular(r, (bl, '+.+.', '', 'i2c_adapter_lock_bus'), (pl, '+.+.', '', 'clk_prepare_lock'),
        [(pl, '+.+.', '', '__mutex_lock mutex_lock_nested clk_prepare_lock clk_prepare@drivers/clk/clk.c i2c_imx_runtime_resume[i2c_imx] '
          '__rpm_callback rpm_callback rpm_resume __pm_runtime_resume i2c_imx_xfer[i2c_imx] __i2c_transfer i2c_transfer '
          'i2c_transfer_buffer_flags regmap_i2c_write _regmap_raw_write_impl _regmap_bus_raw_write _regmap_write regmap_write '
          'regmap_update_bits_base snd_soc_component_update_bits snd_soc_dapm_new_widgets snd_soc_bind_card '
          'snd_soc_register_card devm_snd_soc_register_card platform_probe really_probe __driver_probe_device '
          'driver_probe_device __device_attach_driver bus_for_each_drv __device_attach device_initial_probe bus_probe_device '
          'deferred_probe_work_func ' + ARM64_KW),
         (bl, '+.+.', '', '__lock_acquire lock_acquire ' + sr)],
        None, [('&card->pcm_mutex', '+.+.', '', 'dpcm_fe_dai_hw_params'), ('&fe->card->pcm_mutex', '+.+.', '', '__soc_pcm_hw_params'),
               (pl, '+.+.', '', 'clk_prepare_lock')],
        ARM64_BT + ' print_circular_bug check_noncircular __lock_acquire lock_acquire ' + sr)
    return old(r)


@rep('h164-circular-tegra30-devfreq-lock-policy-rwsem-arm32.log', 'MEMORY FREQUENCY SCALING DRIVERS FOR NVIDIA TEGRA',
     'the Tegra30 ACTMON devfreq driver takes devfreq->lock in its cpufreq transition notifier (tegra_actmon_cpu_notify_cb), which cpufreq calls with policy->rwsem held, while its governor, under devfreq->lock in the ACTMON interrupt thread, reads the CPU frequency with a call that takes policy->rwsem; the notifier must only trylock devfreq->lock, as 6.1 does (the other edge made up in real functions)',
     'linux-tegra / linux-pm "possible circular locking dependency: &policy->rwsem --> &devfreq->lock" on a Tegra30 tablet with the userspace cpufreq governor (an older notifier that blocked on devfreq->lock) -- ninth batch')
def _():
    r = R('plain', '', 'irq/36-tegra-de', 142, cpu=0, ts=61.4, arch='arm32')
    r.release, r.build = '5.10.0-rc1-next-20201030-00042-g3d4c5b6a7e8f', '#5'
    r.hw = 'NVIDIA Tegra SoC (Flattened Device Tree)'
    dl = '&devfreq->lock'
    pr = '&policy->rwsem'
    th = ('down_read cpufreq_get actmon_update_target[tegra30_devfreq] tegra_governor_get_target[tegra30_devfreq] update_devfreq '
          'actmon_thread_isr[tegra30_devfreq] irq_thread_fn irq_thread kthread ret_from_fork@arch/arm/kernel/entry-common.S')
    circular(r, (pr, '++++', '', 'cpufreq_get'), (dl, '+.+.', '', 'actmon_thread_isr[tegra30_devfreq]'),
        [(dl, '+.+.', '', '__mutex_lock mutex_lock_nested tegra_actmon_cpu_notify_cb[tegra30_devfreq] notifier_call_chain '
          'srcu_notifier_call_chain cpufreq_notify_post_transition cpufreq_freq_transition_end __cpufreq_driver_target '
          'cpufreq_set store_scaling_setspeed store@drivers/cpufreq/cpufreq.c sysfs_kf_write kernfs_fop_write_iter vfs_write ksys_write '
          'ret_fast_syscall'),
         (pr, '++++', '', '__lock_acquire lock_acquire ' + th)],
        None, [(dl, '+.+.', '', 'actmon_thread_isr[tegra30_devfreq]')],
        'dump_backtrace@arch/arm/kernel/traps.c show_stack@arch/arm/kernel/traps.c dump_stack_lvl check_noncircular __lock_acquire lock_acquire ' + th)
    return old(r)


@rep('h165-circular-coresight-mutex-cpu-hotplug-etm4-online-arm64.log', 'ARM/CORESIGHT FRAMEWORK AND DRIVERS',
     'the ETMv4 driver\'s CPU online callback (etm4_online_cpu, a cpuhp callback run under the hotplug lock) enables a boot-enabled source through coresight_enable, which takes coresight_mutex, while disabling a source from sysfs holds coresight_mutex and takes cpus_read_lock in etm4_disable_sysfs; the online callback must not take coresight_mutex (made up in real functions)',
     'coresight list / arm64 CI "possible circular locking dependency: coresight_mutex --> cpu_hotplug_lock" on echo 0 > enable_source while a CPU comes online with etm4x.boot_enable (made up in real functions) -- ninth batch')
def _():
    r = R('plain', '', 'sh', 1877, cpu=2, ts=318.2, arch='arm64')
    r.release, r.build = '6.1.0-rc6-00211-gd1e2f3a4b5c6', '#3'
    r.hw = 'Qualcomm Technologies, Inc. Robotics RB5 (DT)'
    cm = 'coresight_mutex'
    hp = 'cpu_hotplug_lock'
    st = 'cpuhp_state-up'
    ds = ('percpu_down_read! cpus_read_lock etm4_disable_sysfs[coresight_etm4x] etm4_disable[coresight_etm4x] coresight_disable_source[coresight] '
          'coresight_disable[coresight] enable_source_store[coresight] ' + DEV_W + '__arm64_sys_write ' + ARM64_SYS)
    circular(r, (hp, '++++', '0:0', 'etm4_disable_sysfs[coresight_etm4x]'), (cm, '+.+.', '3:3', 'coresight_disable[coresight]'),
        [(cm, '+.+.', '3:3', '__mutex_lock mutex_lock_nested coresight_enable[coresight] etm4_online_cpu[coresight_etm4x] '
          'cpuhp_invoke_callback cpuhp_thread_fun smpboot_thread_fn ' + ARM64_KT),
         (st, '+.+.', '0:0', 'cpuhp_kick_ap __cpuhp_kick_ap cpuhp_invoke_ap_callback cpuhp_up_callbacks _cpu_up cpu_up cpu_device_up '
          'cpu_subsys_online device_online online_store@drivers/base/core.c ' + DEV_W + '__arm64_sys_write ' + ARM64_SYS),
         (hp, '++++', '0:0', '__lock_acquire lock_acquire ' + ds)],
        None, [('sb_writers#6', '.+.+', '0:0', 'ksys_write'), ('&of->mutex', '+.+.', '3:3', 'kernfs_fop_write_iter'),
               ('kn->active#61', '.+.+', '0:0', 'kernfs_fop_write_iter'), (cm, '+.+.', '3:3', 'coresight_disable[coresight]')],
        ARM64_BT + ' print_circular_bug check_noncircular __lock_acquire lock_acquire ' + ds)
    return r


@rep('h166-recursive-genpd-mlock-imx8m-blk-ctrl-power-on-arm64.log', 'ARM/FREESCALE IMX / MXC ARM ARCHITECTURE',
     'the i.MX8M blk-ctrl power domain\'s power_on callback (imx8m_blk_ctrl_power_on, called by genpd with the child domain\'s genpd lock held) resumes the bus power domain\'s device synchronously, and genpd takes the bus domain\'s lock, another &genpd->mlock of the same class; the driver must take the parent domain with a nesting annotation or power it before (judgement: genpd could give each domain its own class)',
     'linux-arm-kernel / linux-pm "possible recursive locking detected: &genpd->mlock" on i.MX8M Mini when the VPU blk-ctrl domain powers on (made up in real functions) -- ninth batch')
def _():
    r = R('plain', '', 'kworker/u8:3', 97, cpu=3, ts=5.93, arch='arm64')
    r.release, r.build = '6.1.0-rc8-00012-g4e5d6c7b8a90', '#1'
    r.hw = 'NXP i.MX8MM EVK board (DT)'
    ml = '&genpd->mlock'
    recursive(r, (ml, '+.+.', '3:3', 'genpd_lock_mtx'), (ml, '+.+.', '3:3', 'genpd_lock_mtx'),
        [('&dev->mutex', '....', '3:3', '__device_attach'), (ml, '+.+.', '3:3', 'genpd_lock_mtx'),
         ('&bc->power_lock', '+.+.', '3:3', 'imx8m_blk_ctrl_power_on')],
        ARM64_BT + ' __lock_acquire lock_acquire __mutex_lock mutex_lock_nested genpd_lock_mtx genpd_runtime_resume __rpm_callback '
        'rpm_callback rpm_resume __pm_runtime_resume imx8m_blk_ctrl_power_on genpd_power_on genpd_runtime_resume __rpm_callback '
        'rpm_callback rpm_resume __pm_runtime_resume hantro_probe[hantro_vpu] platform_probe really_probe __driver_probe_device '
        'driver_probe_device __device_attach_driver bus_for_each_drv __device_attach device_initial_probe bus_probe_device '
        'deferred_probe_work_func ' + ARM64_KW)
    return r


@rep('h167-circular-dsa-switchdev-work-rtnl-changeupper-arm64.log', 'NETWORKING [DSA]',
     'DSA flushed its ordered switchdev workqueue (dsa_flush_workqueue) from its netdev notifier on NETDEV_CHANGEUPPER, that is under rtnl_mutex, while the deferred FDB work (dsa_slave_switchdev_event_work, programming mv88e6xxx) took rtnl_mutex itself; the work must not take rtnl or the notifier must not flush it (older DSA; 6.1\'s work runs without rtnl)',
     'netdev / OpenWrt CI (arm64, Turris Mox) "possible circular locking dependency: rtnl_mutex --> (work_completion)(&switchdev_work->work)" on removing a DSA port from a bridge (an older DSA whose switchdev work took rtnl) -- ninth batch')
def _():
    r = R('plain', '', 'ip', 3391, cpu=1, ts=77.1, arch='arm64')
    r.release, r.build = '5.12.0-rc2-00163-g5f6e7d8c9b0a', '#1'
    r.hw = 'CZ.NIC Turris Mox Board (DT)'
    rt = 'rtnl_mutex'
    wc = '(wq_completion)dsa_ordered'
    ul = ('__flush_workqueue dsa_flush_workqueue dsa_port_pre_bridge_leave dsa_slave_changeupper dsa_slave_netdevice_event '
          'raw_notifier_call_chain call_netdevice_notifiers_info __netdev_upper_dev_unlink netdev_upper_dev_unlink del_nbp '
          'br_del_if[bridge] do_set_master do_setlink __rtnl_newlink rtnl_newlink rtnetlink_rcv_msg ' + NL.replace(SYS, '__arm64_sys_sendmsg ' + ARM64_SYS))
    circular(r, (wc, '+.+.', '0:0', '__flush_workqueue'), (rt, '+.+.', '3:3', 'rtnetlink_rcv_msg'),
        [(rt, '+.+.', '3:3', '__mutex_lock mutex_lock_nested rtnl_lock dsa_slave_switchdev_event_work process_one_work '
          'worker_thread ' + ARM64_KT),
         ('(work_completion)(&switchdev_work->work)', '+.+.', '0:0', 'process_one_work worker_thread ' + ARM64_KT),
         (wc, '+.+.', '0:0', '__lock_acquire lock_acquire ' + ul)],
        None, [(rt, '+.+.', '3:3', 'rtnetlink_rcv_msg')],
        ARM64_BT + ' print_circular_bug check_noncircular __lock_acquire lock_acquire ' + ul)
    return old(r)


@rep('h168-circular-thunderbolt-tb-lock-kn-active-authorized-dmesg.log', 'THUNDERBOLT DRIVER',
     'the Thunderbolt driver took the domain lock (tb->lock) in the authorized sysfs store (tb_switch_set_authorized, running with the attribute\'s kernfs active reference), while hot-unplug removes the switch device and its sysfs files (tb_switch_remove -> device_del -> kernfs drain) with tb->lock held; the store must only trylock and restart, as 6.1 does',
     'linux-usb "possible circular locking dependency: &tb->lock --> kn->active#N" on unplugging a dock while boltd authorizes it (an older driver whose store blocked on tb->lock) -- ninth batch')
def _():
    r = R('plain', '', 'kworker/u16:2', 201, cpu=6, ts=1822.5)
    r.release, r.build = '5.3.0-rc5+', '#2'
    r.hw = 'Dell Inc. XPS 13 9370/0F6P3V, BIOS 1.10.1 04/16/2019'
    tl = '&tb->lock'
    kn = 'kn->active#188'
    rm = ('kernfs_drain __kernfs_remove kernfs_remove_by_name_ns sysfs_remove_group device_remove_attrs device_del device_unregister '
          'tb_switch_remove[thunderbolt] tb_free_unplugged_children[thunderbolt] tb_handle_hotplug[thunderbolt] ' + KW)
    circular(r, (kn, '++++', '0:0', 'kernfs_drain'), (tl, '+.+.', '3:3', 'tb_handle_hotplug[thunderbolt]'),
        [(tl, '+.+.', '3:3', '__mutex_lock mutex_lock_interruptible_nested tb_switch_set_authorized[thunderbolt] '
          'authorized_store@drivers/thunderbolt/switch.c[thunderbolt] ' + DEV_W + SYS),
         (kn, '++++', '0:0', '__lock_acquire lock_acquire ' + rm)],
        None, [('(wq_completion)thunderbolt0', '+.+.', '0:0', 'process_one_work'),
               ('(work_completion)(&ev->work)', '+.+.', '0:0', 'process_one_work'),
               (tl, '+.+.', '3:3', 'tb_handle_hotplug[thunderbolt]')],
        BTP + ' ' + rm)
    return old(r)


@rep('h169-circular-usb-gadget-configfs-gi-lock-dev-mutex-arm64.log', 'USB SUBSYSTEM',
     'the USB gadget configfs layer binds the gadget driver from the UDC attribute store with gi->lock held (gadget_dev_desc_UDC_store -> usb_gadget_register_driver_owner -> driver_attach, which locks the UDC\'s gadget device), while removing the UDC unbinds the composite driver under that device lock and the unbind takes gi->lock; configfs must not hold gi->lock across driver registration (made up in real functions; drivers/usb/gadget has no section narrower than USB SUBSYSTEM)',
     'linux-usb / Android CI (arm64) "possible circular locking dependency: &gi->lock --> &dev->mutex" on writing UDC while dwc3 is unbound (made up in real functions) -- ninth batch')
def _():
    r = R('plain', '', 'init', 1, cpu=0, ts=9.8, arch='arm64')
    r.release, r.build = '6.1.43-android14-11-00001-g0f1e2d3c4b5a', '#1'
    r.hw = 'Qualcomm Technologies, Inc. SM8450 HDK (DT)'
    gl = '&gi->lock'
    dm = '&dev->mutex'
    bd = ('device_lock! __driver_attach bus_for_each_dev driver_attach bus_add_driver driver_register usb_gadget_register_driver_owner '
          'gadget_dev_desc_UDC_store configfs_write_iter vfs_write ksys_write __arm64_sys_write ' + ARM64_SYS)
    circular(r, (dm, '+.+.', '3:3', '__driver_attach'), (gl, '+.+.', '3:3', 'gadget_dev_desc_UDC_store'),
        [(gl, '+.+.', '3:3', '__mutex_lock mutex_lock_nested configfs_composite_unbind gadget_unbind_driver device_remove '
          '__device_release_driver device_release_driver_internal device_release_driver bus_remove_device device_del '
          'usb_del_gadget usb_del_gadget_udc dwc3_gadget_exit[dwc3] dwc3_remove[dwc3] ' + RMMOD_PLAT +
          '__do_sys_delete_module __arm64_sys_delete_module ' + ARM64_SYS),
         (dm, '+.+.', '3:3', '__lock_acquire lock_acquire __mutex_lock mutex_lock_nested ' + bd)],
        None, [('sb_writers#9', '.+.+', '0:0', 'ksys_write'), ('&buffer->mutex', '+.+.', '3:3', 'configfs_write_iter'),
               ('&p->frag_sem', '.+.+', '3:3', 'configfs_write_iter'), (gl, '+.+.', '3:3', 'gadget_dev_desc_UDC_store')],
        ARM64_BT + ' print_circular_bug check_noncircular __lock_acquire lock_acquire __mutex_lock mutex_lock_nested ' + bd)
    return r


@rep('h170-rcu-smc-vlan-by-tcpsk-sk-dst-get-syzbot.log', 'SHARED MEMORY COMMUNICATIONS (SMC) SOCKETS',
     'SMC reads the CLC socket\'s cached route (__sk_dst_get, an rcu_dereference_check in include/net/sock.h) in smc_vlan_by_tcpsk without the RCU read lock and without the TCP socket\'s lock; the helper is right, SMC must hold rcu_read_lock around the lookup, as 6.1 does',
     'syzbot "WARNING: suspicious RCU usage in smc_vlan_by_tcpsk" (include/net/sock.h __sk_dst_get; an older SMC without rcu_read_lock there) -- ninth batch')
def _():
    r = R('syz', '5.19.0-rc4-syzkaller-00187-g089866061428', 'syz-executor.3', 8841)
    rcu(r, 'include/net/sock.h:2264 suspicious rcu_dereference_check() usage!',
        [('sk_lock-AF_SMC', '+.+.', '0:0', 'smc_connect')],
        BTRCU + ' __sk_dst_get! smc_vlan_by_tcpsk smc_find_proposal_devices __smc_connect smc_connect '
        '__sys_connect_file __sys_connect __do_sys_connect! __se_sys_connect! __x64_sys_connect ' + SYS, rsa=2)
    return r


@rep('h171-circular-bq27xxx-di-lock-kn-active-teardown-dmesg.log', 'TI BQ27XXX POWER SUPPLY DRIVER',
     'the bq27xxx battery driver unregistered its power supply (power_supply_unregister removes the sysfs files and waits for their readers) in bq27xxx_battery_teardown with di->lock held, while reading a property through sysfs (kernfs seq_file show -> power_supply_show_property -> bq27xxx_battery_get_property) takes di->lock under the attribute\'s active reference; teardown must not hold di->lock across the unregister (made up in real functions; 6.1 drops it first)',
     'linux-pm "possible circular locking dependency: kn->active#N --> &di->lock" on unbinding bq27xxx-battery while upowerd reads capacity, on a kernel tainted by an out-of-tree module (made up in real functions) -- ninth batch')
def _():
    r = R('plain', '', 'upowerd', 977, cpu=3, ts=3301.6)
    r.release, r.build = '6.1.0-1-amd64', '#1 SMP PREEMPT_DYNAMIC Debian 6.1.4-1'
    r.taint = 'Tainted: P           OE     '
    r.hw = 'LENOVO 20L7002AUS/20L7002AUS, BIOS N22ET80W (1.57 ) 02/27/2024'
    dl = '&di->lock'
    kn = 'kn->active#203'
    gp = ('__mutex_lock mutex_lock_nested bq27xxx_battery_get_property[bq27xxx_battery] power_supply_get_property '
          'power_supply_show_property ' + SYSFS_RD + SYS)
    circular(r, (dl, '+.+.', '3:3', 'bq27xxx_battery_get_property[bq27xxx_battery]'), (kn, '++++', '0:0', 'kernfs_seq_start'),
        [(kn, '++++', '0:0', 'kernfs_drain __kernfs_remove kernfs_remove_by_name_ns sysfs_remove_group device_remove_attrs '
          'device_del device_unregister power_supply_unregister bq27xxx_battery_teardown[bq27xxx_battery] '
          'bq27xxx_battery_i2c_remove[bq27xxx_battery_i2c] i2c_device_remove device_remove __device_release_driver '
          'device_release_driver_internal unbind_store@drivers/base/bus.c drv_attr_store sysfs_kf_write kernfs_fop_write_iter vfs_write ksys_write ' + SYS),
         (dl, '+.+.', '3:3', '__lock_acquire lock_acquire ' + gp)],
        None, [('&p->lock', '+.+.', '3:3', 'seq_read_iter'), ('&of->mutex', '+.+.', '3:3', 'kernfs_seq_start'),
               (kn, '++++', '0:0', 'kernfs_seq_start')],
        BTP + ' ' + gp)
    return r


@rep('h172-recursive-kvm-sev-vcpu-mutex-move-enc-context-dmesg.log', 'KERNEL VIRTUAL MACHINE FOR X86 (KVM/x86)',
     'KVM\'s SEV intra-host migration locks every vCPU mutex of both VMs (sev_lock_vcpus_for_migration) with plain mutex_lock, so the second vcpu->mutex is a recursive acquisition of one class; it must use mutex_lock_killable_nested with a per-VM role and release the map of all but the first, as 6.1 does',
     'kvm list / selftests sev_migrate_tests "possible recursive locking detected: &vcpu->mutex" in sev_lock_vcpus_for_migration (5.16-rc, fixed by "KVM: SEV: Mark nested locking of vcpu->lock") -- ninth batch')
def _():
    r = R('plain', '', 'sev_migrate_tes', 40211, cpu=17, ts=812.4)
    r.release, r.build = '5.16.0-rc5+', '#7'
    r.hw = 'AMD Corporation DAYTONA_X/DAYTONA_X, BIOS RYM1009B 05/11/2021'
    vm = '&vcpu->mutex'
    recursive(r, (vm, '+.+.', '3:3', 'sev_lock_vcpus_for_migration[kvm_amd]'), (vm, '+.+.', '3:3', 'sev_lock_vcpus_for_migration[kvm_amd]'),
        [('&kvm->lock', '+.+.', '3:3', 'sev_vm_move_enc_context_from[kvm_amd]'),
         ('&kvm->lock/1', '+.+.', '3:3', 'sev_vm_move_enc_context_from[kvm_amd]'),
         (vm, '+.+.', '3:3', 'sev_lock_vcpus_for_migration[kvm_amd]')],
        'dump_stack_lvl __lock_acquire lock_acquire __mutex_lock mutex_lock_killable_nested@kernel/locking/mutex.c sev_lock_vcpus_for_migration[kvm_amd] '
        'sev_vm_move_enc_context_from[kvm_amd] kvm_vm_ioctl_enable_cap[kvm] kvm_vm_ioctl_enable_cap_generic[kvm] kvm_vm_ioctl[kvm] '
        '__x64_sys_ioctl@fs/ioctl.c do_syscall_64 entry_SYSCALL_64_after_hwframe')
    return r


@rep('h173-circular-kvm-arm64-config-lock-srcu-map-resources.log', 'KERNEL VIRTUAL MACHINE FOR ARM64 (KVM/arm64)',
     'KVM/arm64 maps the vGIC resources on the first vCPU run (kvm_vgic_map_resources) with the VM\'s config_lock held and registers the redistributor MMIO devices, which waits for kvm->srcu readers (kvm_io_bus_register_dev -> synchronize_srcu_expedited), while a vCPU inside kvm->srcu emulates an MMIO write to a vGIC register that takes config_lock; the map must drop config_lock before registering (made up in real functions after the 6.4 config_lock conversion)',
     'kvmarm "possible circular locking dependency: &kvm->srcu --> &kvm->arch.config_lock" on first KVM_RUN of a GICv3 guest with several vCPUs (made up in real functions) -- ninth batch')
def _():
    r = R('plain', '', 'qemu-system-aar', 5577, cpu=4, ts=211.0, arch='arm64')
    r.release, r.build = '6.4.0-rc2-00029-g6a7b8c9d0e1f', '#1'
    r.hw = 'Ampere Mt. Jade (DT)'
    cl = '&kvm->arch.config_lock'
    sr = '&kvm->srcu'
    mp = ('__synchronize_srcu synchronize_srcu_expedited kvm_io_bus_register_dev vgic_register_redist_iodev vgic_register_all_redist_iodevs '
          'vgic_v3_map_resources kvm_vgic_map_resources kvm_arch_vcpu_run_pid_change@arch/arm64/kvm/arm.c kvm_vcpu_ioctl __arm64_sys_ioctl ' + ARM64_SYS)
    circular(r, (sr, '.+.+', '0:0', '__synchronize_srcu'), (cl, '+.+.', '3:3', 'kvm_vgic_map_resources'),
        [(cl, '+.+.', '3:3', '__mutex_lock mutex_lock_nested vgic_mmio_write_v3r_ctlr dispatch_mmio_write __kvm_io_bus_write '
          'kvm_io_bus_write io_mem_abort kvm_handle_guest_abort handle_exit kvm_arch_vcpu_ioctl_run kvm_vcpu_ioctl '
          '__arm64_sys_ioctl ' + ARM64_SYS),
         (sr, '.+.+', '0:0', '__lock_acquire lock_acquire ' + mp)],
        None, [('&vcpu->mutex', '+.+.', '3:3', 'kvm_vcpu_ioctl'), (cl, '+.+.', '3:3', 'kvm_vgic_map_resources')],
        ARM64_BT + ' print_circular_bug check_noncircular __lock_acquire lock_acquire ' + mp)
    return r


@rep('h174-circular-s390-smp-cpu-state-mutex-cpu-hotplug-cpuset-s390.log', 'S390 ARCHITECTURE',
     's390\'s topology dispatching store took smp_cpu_state_mutex before cpus_read_lock, while rebuilding the scheduling domains (cpuset\'s rebuild_sched_domains under cpu_hotplug_lock and cpuset_rwsem) calls arch_update_cpu_topology, which takes smp_cpu_state_mutex; the store must take the hotplug lock first, as 6.1 does',
     'linux-s390 "possible circular locking dependency: smp_cpu_state_mutex --> cpu_hotplug_lock" (cpuset_rwsem in the chain) on chcpu -p vertical during a topology change (an older dispatching_store) -- ninth batch')
def _():
    r = R('plain', '', 'chcpu', 14120, cpu=2, ts=905.3, arch='s390')
    r.release, r.build = '5.6.0-rc3-00125-g7b8c9d0e1f2a', '#1'
    r.hw = 'IBM 8561 T01 703 (LPAR)'
    sm = 'smp_cpu_state_mutex'
    hp = 'cpu_hotplug_lock'
    cs = 'cpuset_rwsem'
    ds = ('percpu_down_read cpus_read_lock dispatching_store@arch/s390/kernel/topology.c ' + DEV_W + '__s390x_sys_write __do_syscall system_call')
    circular(r, (hp, '++++', '', 'dispatching_store'), (sm, '+.+.', '', 'dispatching_store'),
        [(sm, '+.+.', '', '__mutex_lock mutex_lock_nested __arch_update_cpu_topology arch_update_cpu_topology@arch/s390/kernel/topology.c '
          'partition_sched_domains_locked rebuild_sched_domains_locked rebuild_sched_domains topology_work_fn ' + KW.replace(RF, 'ret_from_fork@arch/s390/kernel/process.c')),
         (cs, '++++', '', 'percpu_down_write rebuild_sched_domains topology_work_fn ' + KW.replace(RF, 'ret_from_fork@arch/s390/kernel/process.c')),
         (hp, '++++', '', '__lock_acquire lock_acquire ' + ds)],
        None, [('sb_writers#4', '.+.+', '', 'ksys_write'), ('&of->mutex', '+.+.', '', 'kernfs_fop_write_iter'),
               ('kn->active#29', '.+.+', '', 'kernfs_fop_write_iter'), (sm, '+.+.', '', 'dispatching_store')],
        'dump_stack_lvl check_noncircular __lock_acquire lock_acquire ' + ds)
    return old(r)


@rep('h175-recursive-bpf-task-storage-lock-contention-begin-syzbot.log', 'BPF [STORAGE & CGROUPS]',
     'a tracing program attached to the lock contention tracepoint calls bpf_task_storage_get, whose update takes the task storage\'s raw spinlock, and the contention it traces is on that very lock inside bpf_local_storage_update: the storage helper recursed into its own lock; task storage must refuse to nest (bpf_task_storage_trylock, as 6.1 does)',
     'syzbot "possible deadlock in bpf_local_storage_update" (task storage from a contention_begin tracing program; an older kernel without the busy counter) -- ninth batch')
def _():
    r = R('syz', '5.19.0-syzkaller-02972-g200e340f2196', 'syz-executor.1', 7730)
    sl = '&storage->lock'
    recursive(r, (sl, '-.-.', '2:2', 'bpf_local_storage_update'), (sl, '-.-.', '2:2', 'bpf_local_storage_update'),
        [('rcu_read_lock', '....', '1:2', 'bpf_task_storage_get'), (sl, '-.-.', '2:2', 'bpf_local_storage_update'),
         ('rcu_read_lock', '....', '1:2', 'bpf_trace_run2')],
        BTR + ' __raw_spin_lock_irqsave! _raw_spin_lock_irqsave bpf_local_storage_update bpf_task_storage_get '
        'bpf_prog_6deef7357e7b4530 bpf_trace_run2 __traceiter_contention_begin queued_spin_lock_slowpath queued_spin_lock! '
        'do_raw_spin_lock __raw_spin_lock_irqsave! _raw_spin_lock_irqsave bpf_local_storage_update bpf_task_storage_get '
        'bpf_prog_6deef7357e7b4530 bpf_trace_run2 __traceiter_contention_begin queued_spin_lock_slowpath queued_spin_lock! '
        'do_raw_spin_lock futex_wake __do_sys_futex! __se_sys_futex! __x64_sys_futex ' + SYS)
    return r


@rep('h176-invalid-wait-qcom-l2-pmu-lock-perf-ctx-lock-arm64.log', 'ARM PMU PROFILING AND DEBUGGING',
     'the Qualcomm L2 cache PMU driver takes its cluster pmu_lock, a spinlock_t, in its pmu start callback (l2_cache_event_start -> cluster_pmu_set_resr), which perf calls with the raw context lock held; with PROVE_RAW_LOCK_NESTING the sleeping-on-RT lock inside the raw one is an invalid wait context: pmu_lock must be a raw_spinlock_t (judgement: ARM/QUALCOMM SUPPORT also claims the file; drivers/perf goes through the PMU maintainers)',
     'linux-arm-kernel / arm64 CI (Centriq) "[ BUG: Invalid wait context ]" &cluster->pmu_lock in cluster_pmu_set_resr under &ctx->lock on perf stat -e l2cache_0/... (made up in real functions) -- ninth batch')
def _():
    r = R('plain', '', 'perf', 6021, cpu=9, ts=1120.2, arch='arm64')
    r.release, r.build = '6.1.0-rc3-00044-g8c9d0e1f2a3b', '#1'
    r.hw = 'Qualcomm Centriq 2400 QDF2400 (ACPI)'
    invalid_wait(r, ('&cluster->pmu_lock', '....', '3:3', 'cluster_pmu_set_resr'), '4:4',
        [('&ctx->mutex', '+.+.', '4:4', 'perf_event_ctx_lock_nested'), ('&cpuctx_lock', '....', '2:2', '__perf_install_in_context'),
         ('&ctx->lock', '....', '2:2', '__perf_install_in_context')],
        ARM64_BT + ' __lock_acquire lock_acquire _raw_spin_lock_irqsave cluster_pmu_set_resr l2_cache_event_start l2_cache_event_add '
        'event_sched_in merge_sched_in visit_groups_merge ctx_flexible_sched_in ctx_sched_in perf_event_sched_in ctx_resched '
        '__perf_install_in_context remote_function generic_exec_single smp_call_function_single perf_install_in_context '
        '__do_sys_perf_event_open __arm64_sys_perf_event_open ' + ARM64_SYS)
    return r


@rep('h177-inconsistent-batadv-tt-changes-list-lock-syzbot.log', 'BATMAN ADVANCED',
     'batman-adv recorded a local translation-table event (batadv_tt_local_event) taking tt.changes_list_lock with softirqs enabled from the multicast listener update work, while the soft interface\'s transmit path, run from softirq when a bridge forwards into bat0, takes the same lock when it learns a new client; the event must take the lock with spin_lock_bh, as 6.1 does',
     'syzbot "inconsistent lock state in batadv_tt_local_add" ({SOFTIRQ-ON-W} -> {IN-SOFTIRQ-W}; an older batadv_tt_local_event) -- ninth batch')
def _():
    r = R('syz', '5.8.0-rc4-syzkaller-00211-g0aea6d5c5be3', 'syz-executor.5', 0)
    r.comm, r.pid = 'ksoftirqd/0', 12
    cl = '&bat_priv->tt.changes_list_lock'
    reg = ('lock_acquire! lock_acquire __raw_spin_lock! _raw_spin_lock spin_lock! batadv_tt_local_event batadv_tt_local_remove '
           'batadv_mcast_mla_tt_retract! __batadv_mcast_mla_update batadv_mcast_mla_update ' + KW)
    inconsistent(r, 'SOFTIRQ-ON-W', 'IN-SOFTIRQ-W', 'HC0[0]:SC1[1]:HE1:SE0', (cl, '+.?.', '2:2', 'batadv_tt_local_event'),
        reg, STAMP, [('rcu_read_lock', '....', '1:2', 'netif_receive_skb_internal'),
                     ('rcu_read_lock_bh', '....', '1:2', '__dev_queue_xmit')],
        BTI + ' __raw_spin_lock! _raw_spin_lock spin_lock! batadv_tt_local_event batadv_tt_local_add batadv_interface_tx '
        '__netdev_start_xmit! netdev_start_xmit! xmit_one! dev_hard_start_xmit __dev_queue_xmit dev_queue_xmit! br_dev_queue_push_xmit '
        'br_forward_finish __br_forward br_forward br_handle_frame_finish br_handle_frame __netif_receive_skb_core '
        '__netif_receive_skb_one_core process_backlog __napi_poll net_rx_action __do_softirq run_ksoftirqd smpboot_thread_fn ' + KWB)
    return r


# Written after batch 9 was scored and the tie rule changed, labelled and
# committed before splatd was run on it.
@rep('h178-circular-loop-q-usage-counter-fs-reclaim-nfs-fsync-dmesg.log', 'BLOCK LAYER',
     'loop changes the block size with its queue frozen (loop_set_block_size -> blk_mq_freeze_queue) and then updates direct I/O, which fsyncs the backing file (loop_update_dio -> __loop_update_dio -> vfs_fsync): on an NFS backing file the writeback allocates with GFP_KERNEL inside the freeze, and reclaim may wait for I/O to this very queue; loop must fsync before freezing (6.1 code under the 6.13 queue freeze lockdep model; drivers/block/loop.c has no section narrower than BLOCK LAYER)',
     'linux-block / blktests loop on an NFS-backed image "possible circular locking dependency: &q->q_usage_counter(io)#N --> fs_reclaim" on losetup --sector-size (loop_update_dio fsyncing under a frozen queue, 6.13 queue freeze lockdep model) -- ninth batch, after its rule change')
def _():
    r = R('plain', '', 'losetup', 5120, cpu=3, ts=742.9)
    r.release, r.build = '6.13.0-rc6+', '#4'
    qu = '&q->q_usage_counter(io)#24'
    fr = 'fs_reclaim'
    bs = ('fs_reclaim_acquire kmem_cache_alloc@mm/slub.c mempool_alloc nfs_writehdr_alloc[nfs] nfs_pgio_header_alloc[nfs] '
          'nfs_generic_pg_pgios[nfs] nfs_pageio_doio[nfs] nfs_pageio_complete[nfs] nfs_writepages[nfs] do_writepages '
          'filemap_fdatawrite_wbc __filemap_fdatawrite_range file_write_and_wait_range nfs_file_fsync[nfs] vfs_fsync_range '
          'vfs_fsync __loop_update_dio[loop] loop_update_dio[loop] loop_set_block_size[loop] lo_simple_ioctl[loop] lo_ioctl[loop] '
          'blkdev_ioctl __x64_sys_ioctl@fs/ioctl.c do_syscall_64 entry_SYSCALL_64_after_hwframe')
    circular(r, (fr, '+.+.', '0:0', 'fs_reclaim_acquire'), (qu, '++++', '0:0', 'blk_mq_freeze_queue'),
        [(qu, '++++', '0:0', 'blk_alloc_queue blk_mq_init_queue_data __blk_mq_alloc_disk loop_add[loop] loop_control_ioctl[loop] '
          '__x64_sys_ioctl@fs/ioctl.c do_syscall_64 entry_SYSCALL_64_after_hwframe'),
         (fr, '+.+.', '0:0', '__lock_acquire lock_acquire ' + bs)],
        None, [('&lo->lo_mutex', '+.+.', '4:4', 'loop_set_block_size[loop]'), (qu, '++++', '0:0', 'blk_mq_freeze_queue'),
               ('&q->q_usage_counter(queue)#8', '+.+.', '0:0', 'blk_mq_freeze_queue')],
        BTP + ' ' + bs)
    return r


@rep('h179-circular-io-uring-uring-lock-seq-file-fdinfo-syzbot.log', 'IO_URING',
     'io_uring printed a ring\'s fdinfo (io_uring_show_fdinfo, called by the seq_file show of /proc/PID/fdinfo with the seq_file\'s p->lock held) taking ctx->uring_lock, while the ring itself, submitting under uring_lock, reads a /proc seq_file inline (io_read -> seq_read_iter -> p->lock); the fdinfo show must only trylock uring_lock, as 6.1 does (its comment says why)',
     'syzbot "possible deadlock in io_uring_show_fdinfo" (io_uring reading a procfs seq_file against /proc/PID/fdinfo of the ring; an older fdinfo that blocked on uring_lock) -- ninth batch, after its rule change')
def _():
    r = R('syz', '5.11.0-rc5-syzkaller-00011-g2ab38c17aac1', 'syz-executor.2', 10422)
    ul = '&ctx->uring_lock'
    pl = '&p->lock'
    fd = ('__mutex_lock_common __mutex_lock mutex_lock_nested __io_uring_show_fdinfo! io_uring_show_fdinfo seq_show@fs/proc/fd.c '
          'seq_read_iter seq_read vfs_read ksys_read ' + SYS)
    circular(r, (ul, '+.+.', '3:3', '__io_uring_show_fdinfo'), (pl, '+.+.', '3:3', 'seq_read_iter'),
        [(pl, '+.+.', '3:3', '__mutex_lock_common __mutex_lock mutex_lock_nested seq_read_iter call_read_iter! '
          'io_iter_do_read! io_read@io_uring/rw.c io_issue_sqe io_queue_sqe io_submit_sqe! io_submit_sqes '
          '__do_sys_io_uring_enter __se_sys_io_uring_enter! __x64_sys_io_uring_enter ' + SYS),
         (ul, '+.+.', '3:3', '__lock_acquire lock_acquire! lock_acquire ' + fd)],
        None, [(pl, '+.+.', '3:3', 'seq_read_iter')],
        BTC + ' ' + fd)
    return old(r)
