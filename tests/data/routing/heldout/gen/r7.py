# Batch 3 (h30-h51): areas and report kinds the first two batches did not
# cover, written and labelled before splatd was run on any of them.
from specs import *

EXTRA.update({'__common_interrupt': ('arch/x86/kernel/irq.c', 242), 'common_interrupt': ('arch/x86/kernel/irq.c', 242), 'asm_common_interrupt': ('arch/x86/include/asm/idtentry.h', 682), 'system_call': ('arch/s390/kernel/entry.S', 259), '__s390x_sys_ioctl': ('fs/ioctl.c', 856)})
ARM64_SYS = 'invoke_syscall el0_svc_common do_el0_svc el0_svc el0t_64_sync_handler el0t_64_sync'
BTP = 'dump_stack_lvl check_noncircular __lock_acquire lock_acquire'


@rep('h30-circular-hugetlb-vma-lock-i-mmap-syzbot.log', 'HUGETLB SUBSYSTEM',
     'hugetlbfs hole punching takes the hugetlb vma_lock for write under i_mmap_rwsem while the hugetlb fault path shares PMDs (i_mmap_rwsem) under vma_lock',
     'syzbot "possible deadlock in hugetlb_fault" / "in huge_pmd_share" (6.1-rc, vma_lock vs i_mmap_rwsem) -- third batch')
def _():
    r = R('syz', '6.1.0-rc2-syzkaller-00105-gb229b6ca5abb', 'syz-executor.1', 5210)
    im = '&hugetlbfs_i_mmap_rwsem_key'
    vl = '&vma_lock->rw_sema'
    fault = ('hugetlb_fault handle_mm_fault do_user_addr_fault handle_page_fault! exc_page_fault asm_exc_page_fault')
    circular(r, (im, '++++', '3:3', 'i_mmap_lock_read! huge_pmd_share'), (vl, '++++', '3:3', 'hugetlb_vma_lock_read@mm/hugetlb.c'),
        [(vl, '++++', '3:3', 'down_write hugetlb_vma_lock_write@mm/hugetlb.c hugetlb_vmdelete_list hugetlbfs_punch_hole! '
          'hugetlbfs_fallocate vfs_fallocate ksys_fallocate! __do_sys_fallocate! __se_sys_fallocate! __x64_sys_fallocate@fs/open.c ' + SYS),
         (im, '++++', '3:3', H0 + ' down_read i_mmap_lock_read! huge_pmd_share huge_pte_alloc@mm/hugetlb.c ' + fault)],
        None, [('&mm->mmap_lock', '++++', '3:3', 'mmap_read_lock! do_user_addr_fault'),
               (vl, '++++', '3:3', 'hugetlb_vma_lock_read@mm/hugetlb.c')],
        BTC + ' down_read i_mmap_lock_read! huge_pmd_share huge_pte_alloc@mm/hugetlb.c ' + fault)
    return r


@rep('h31-circular-cpuset-rwsem-cgroup-mutex-dmesg.log', 'CONTROL GROUP - CPUSET',
     'cpuset hotplug handling moves the tasks of an emptied v1 cpuset (cgroup_transfer_tasks takes cgroup_mutex) while still holding cpuset_rwsem, inverting cgroup_mutex -> cpu_hotplug_lock -> cpuset_rwsem',
     'LKML "possible circular locking dependency: cgroup_mutex --> cpu_hotplug_lock --> cpuset_rwsem" (cpuset v1 hotplug) -- third batch')
def _():
    r = R('plain', '', 'kworker/3:2', 192, cpu=3, ts=3301.7)
    r.release, r.build = '6.1.0-rc7+', '#14'
    r.comm = 'kworker/3:2'
    cg = 'cgroup_mutex'
    hp = 'cpu_hotplug_lock'
    cs = 'cpuset_rwsem'
    wr = 'kernfs_fop_write_iter vfs_write ksys_write ' + SYS
    circular(r, (cg, '+.+.', '3:3', 'cgroup_transfer_tasks'), (cs, '++++', '0:0', 'cpuset_hotplug_workfn'),
        [(cs, '++++', '0:0', 'percpu_down_write cpuset_write_resmask cgroup_file_write ' + wr),
         (hp, '++++', '0:0', 'cpus_read_lock@kernel/cpu.c cgroup_attach_lock cgroup_procs_write_start __cgroup1_procs_write '
          'cgroup1_procs_write cgroup_file_write ' + wr),
         (cg, '+.+.', '3:3', H0 + ' __mutex_lock mutex_lock_nested cgroup_transfer_tasks remove_tasks_in_empty_cpuset '
          'hotplug_update_tasks_legacy cpuset_hotplug_update_tasks cpuset_hotplug_workfn ' + KW)],
        None, [('(wq_completion)events', '+.+.', '0:0', 'process_one_work'),
               ('cpuset_hotplug_work', '+.+.', '0:0', 'process_one_work'),
               (cs, '++++', '0:0', 'cpuset_hotplug_workfn')],
        BTP + ' __mutex_lock mutex_lock_nested cgroup_transfer_tasks remove_tasks_in_empty_cpuset '
        'hotplug_update_tasks_legacy cpuset_hotplug_update_tasks cpuset_hotplug_workfn ' + KW)
    return r


@rep('h32-circular-mlx5-health-work-intf-state-dmesg.log', 'MELLANOX MLX5 core VPI driver',
     'mlx5 drains its health workqueue (cancels fatal_report_work) while holding intf_state_mutex in unload, and the fatal-report work reloads the device under intf_state_mutex',
     'netdev "possible circular locking dependency: (work_completion)(&health->fatal_report_work) --> &dev->intf_state_mutex" on devlink reload -- third batch')
def _():
    r = R('plain', '', 'devlink', 3391, cpu=11, ts=905.3)
    r.release, r.build = '6.1.0-rc5-for-upstream-dbg-2022-11-20-13-02+', '#1'
    r.hw = 'QEMU Standard PC (Q35 + ICH9, 2009), BIOS rel-1.13.0-0-gf21b5a4aeb02-prebuilt.qemu.org 04/01/2014'
    st = '&dev->intf_state_mutex'
    wk = '(work_completion)(&health->fatal_report_work)'
    rl = ('__flush_work __cancel_work_timer cancel_work_sync mlx5_drain_health_wq[mlx5_core] mlx5_unload_one_devl_locked[mlx5_core] '
          'mlx5_devlink_reload_down[mlx5_core] devlink_reload devlink_nl_cmd_reload genl_family_rcv_msg_doit! genl_rcv_msg '
          'netlink_rcv_skb genl_rcv netlink_unicast netlink_sendmsg sock_sendmsg __sys_sendto __x64_sys_sendto ' + SYS)
    circular(r, (wk, '+.+.', '0:0', '__flush_work'), (st, '+.+.', '3:3', 'mlx5_unload_one_devl_locked[mlx5_core]'),
        [(st, '+.+.', '3:3', '__mutex_lock mutex_lock_nested mlx5_load_one_devl_locked[mlx5_core] mlx5_health_try_recover[mlx5_core] '
          'mlx5_fw_fatal_reporter_recover[mlx5_core] devlink_health_reporter_recover devlink_health_report '
          'mlx5_fw_fatal_reporter_err_work[mlx5_core] ' + KW),
         (wk, '+.+.', '0:0', '__lock_acquire lock_acquire ' + rl)],
        None, [('cb_lock', '++++', '3:3', 'genl_rcv'), ('&devlink->lock_key', '+.+.', '3:3', 'devlink_nl_pre_doit'),
               (st, '+.+.', '3:3', 'mlx5_unload_one_devl_locked[mlx5_core]')],
        BTP + ' ' + rl)
    return r


@rep('h33-circular-clk-prepare-lock-genpd-arm64.log', 'COMMON CLK FRAMEWORK',
     'the clk core resumes a clock controller through runtime PM (genpd lock) while holding prepare_lock in clk_disable_unused, and genpd powers domains on with clk_prepare under its lock',
     'linux-clk / linux-arm-msm "possible circular locking dependency: prepare_lock --> &genpd->mlock" (clk_disable_unused vs genpd, Qualcomm boards) -- third batch')
def _():
    r = R('plain', '', 'swapper/0', 1, cpu=4, ts=9.42, arch='arm64')
    r.release, r.build = '6.1.0-rc8-next-20221207-00021-g8ed9bbe5a1a7', '#3'
    r.hw = 'Qualcomm Technologies, Inc. SC8280XP CRD (DT)'
    pl = 'prepare_lock'
    gp = '&genpd->mlock'
    init = 'do_one_initcall kernel_init_freeable kernel_init ret_from_fork@arch/arm64/kernel/entry.S'
    rpm = ('genpd_lock_mtx genpd_runtime_resume __rpm_callback rpm_callback rpm_resume __pm_runtime_resume@drivers/base/power/runtime.c '
           'clk_pm_runtime_get clk_disable_unused_subtree clk_disable_unused_subtree clk_disable_unused ' + init)
    circular(r, (gp, '+.+.', '3:3', 'genpd_lock_mtx'), (pl, '+.+.', '3:3', 'clk_prepare_lock'),
        [(pl, '+.+.', '3:3', '__mutex_lock mutex_lock_nested clk_prepare_lock clk_prepare@drivers/clk/clk.c '
          'clk_bulk_prepare@drivers/clk/clk-bulk.c pm_clk_resume genpd_runtime_resume __rpm_callback rpm_callback rpm_resume '
          '__pm_runtime_resume@drivers/base/power/runtime.c ' + init),
         (gp, '+.+.', '3:3', '__lock_acquire lock_acquire __mutex_lock mutex_lock_nested ' + rpm)],
        None, [(pl, '+.+.', '3:3', 'clk_prepare_lock')],
        'dump_backtrace@arch/arm64/kernel/stacktrace.c show_stack@arch/arm64/kernel/stacktrace.c dump_stack_lvl dump_stack '
        'print_circular_bug check_noncircular __lock_acquire lock_acquire __mutex_lock mutex_lock_nested ' + rpm)
    return r


@rep('h34-hung-task-amdgpu-gpu-recover-dmesg.log', 'RADEON and AMDGPU DRM DRIVERS',
     'amdgpu GPU recovery waits for fences of the hung ring while holding the reset domain semaphore; the job that never signals is its own',
     'amd-gfx "INFO: task kworker blocked for more than 120 seconds" in amdgpu_device_gpu_recover with reset_domain->sem held -- third batch')
def _():
    r = R('plain', '', 'kworker/u64:3', 417, cpu=9, ts=1966.0)
    r.release, r.build = '6.1.0-rc4-amd-staging-drm-next+', '#2'
    r.taint = 'Tainted: G        W'
    hung(r, 122, 'task:kworker/u64:3   state:D stack:0     pid:417   ppid:2      flags:0x00004000',
         '__schedule schedule schedule_timeout dma_fence_default_wait dma_fence_wait_timeout amdgpu_fence_wait_empty[amdgpu] '
         'amdgpu_device_ip_suspend_phase2[amdgpu] amdgpu_device_ip_suspend[amdgpu] amdgpu_device_pre_asic_reset[amdgpu] '
         'amdgpu_device_gpu_recover[amdgpu] amdgpu_job_timedout[amdgpu] drm_sched_job_timedout[gpu_sched] ' + KW,
         [('khungtaskd/104', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('kworker/u64:3/417', [('(wq_completion)amdgpu-reset-dev', '+.+.', '0:0', 'process_one_work'),
                                 ('(work_completion)(&(&sched->work_tdr)->work)', '+.+.', '0:0', 'process_one_work'),
                                 ('&reset_domain->sem', '++++', '3:3', 'amdgpu_device_lock_reset_domain[amdgpu]')]),
          ('Xorg/1822', [('reservation_ww_class_acquire', '+.+.', '0:0', 'amdgpu_cs_ioctl[amdgpu]'),
                         ('reservation_ww_class_mutex', '+.+.', '3:3', 'amdgpu_cs_ioctl[amdgpu]')])])
    return r


@rep('h35-inconsistent-nouveau-fence-lock-dmesg.log', 'DRM DRIVER FOR NVIDIA GEFORCE/QUADRO GPUS',
     'nouveau takes the fence context lock without disabling interrupts in nouveau_fence_done, while the fifo non-stall interrupt signals fences under the same lock in hardirq',
     'nouveau list "inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage: &fctx->lock" -- third batch')
def _():
    r = R('plain', '', 'gnome-shell', 1410, cpu=1, ts=88.6)
    r.release, r.build = '6.1.0-rc6+', '#7'
    r.hw = 'Dell Inc. Precision T3610/09M8Y8, BIOS A19 07/27/2020'
    fl = '&fctx->lock'
    reg = ('lock_acquire _raw_spin_lock_irqsave nouveau_fence_wait_uevent_handler[nouveau] nvif_notify[nouveau] '
           'nvkm_notify_send[nouveau] nvkm_event_send[nouveau] nvkm_fifo_uevent[nouveau] gf100_fifo_intr[nouveau] '
           'nvkm_mc_intr[nouveau] nvkm_pci_intr[nouveau] __handle_irq_event_percpu handle_irq_event handle_edge_irq '
           '__common_interrupt common_interrupt asm_common_interrupt')
    inconsistent(r, 'IN-HARDIRQ-W', 'HARDIRQ-ON-W', 'HC0[0]:SC0[0]:HE1:SE1', (fl, '{-...', None, 'nouveau_fence_done[nouveau]'),
        reg, STAMP, [('reservation_ww_class_mutex', '+.+.', '3:3', 'nouveau_gem_ioctl_pushbuf[nouveau]')],
        BTI + ' _raw_spin_lock nouveau_fence_done[nouveau] nouveau_fence_wait[nouveau] nouveau_gem_ioctl_pushbuf[nouveau] '
        'drm_ioctl_kernel drm_ioctl nouveau_drm_ioctl[nouveau] ' + IOCTL)
    return r


@rep('h36-circular-uvc-queue-mutex-mmap-lock-syzbot.log', 'USB VIDEO CLASS',
     'uvcvideo holds its queue mutex across vb2 QBUF of a USERPTR buffer (pinning user pages takes mmap_lock) while its mmap handler takes the queue mutex under mmap_lock',
     'syzbot "possible deadlock in uvc_queue_mmap" / "in vb2_mmap" (queue->mutex vs mmap_lock) -- third batch')
def _():
    r = R('syz', SYZ, 'syz-executor.4', 8812)
    qm = '&queue->mutex'
    ml = '&mm->mmap_lock'
    mm = ('uvc_queue_mmap uvc_v4l2_mmap@drivers/media/usb/uvc/uvc_v4l2.c v4l2_mmap call_mmap! mmap_region do_mmap@mm/mmap.c '
          'vm_mmap_pgoff ksys_mmap_pgoff@mm/mmap.c ' + SYS)
    circular(r, (qm, '+.+.', '3:3', 'uvc_queue_mmap'), (ml, '++++', '3:3', 'mmap_write_lock_killable! vm_mmap_pgoff'),
        [(ml, '++++', '3:3', '__might_fault internal_get_user_pages_fast pin_user_pages_fast get_vaddr_frames '
          'vb2_create_framevec vb2_vmalloc_get_userptr __prepare_userptr! __buf_prepare vb2_core_qbuf vb2_qbuf uvc_queue_buffer '
          'uvc_ioctl_qbuf __video_do_ioctl video_usercopy v4l2_ioctl ' + IOCTL),
         (qm, '+.+.', '3:3', H0 + ' __mutex_lock_common! __mutex_lock ' + mm)],
        None, [(ml, '++++', '3:3', 'mmap_write_lock_killable! vm_mmap_pgoff')],
        BTC + ' __mutex_lock_common! __mutex_lock ' + mm)
    return r


@rep('h37-circular-nvmet-rdma-release-work-handler-mutex-dmesg.log', 'NVM EXPRESS TARGET DRIVER',
     'nvmet-rdma flushes its queue release work from the RDMA CM event handler (handler_mutex held) while that work destroys the cm_id, which takes handler_mutex',
     'linux-nvme / blktests "possible circular locking dependency: (work_completion)(&queue->release_work) --> &id_priv->handler_mutex" -- third batch')
def _():
    r = R('plain', '', 'kworker/u8:1', 61, cpu=0, ts=412.5)
    r.release, r.build = '6.1.0-rc3+', '#11'
    hm = '&id_priv->handler_mutex'
    rw = '(work_completion)(&queue->release_work)'
    cm = ('__flush_workqueue nvmet_rdma_queue_connect[nvmet_rdma] nvmet_rdma_cm_handler[nvmet_rdma] cma_cm_event_handler[rdma_cm] '
          'cma_ib_req_handler[rdma_cm] cm_process_work[ib_cm] cm_req_handler[ib_cm] cm_work_handler@drivers/infiniband/core/cm.c[ib_cm] ' + KW)
    circular(r, ('(wq_completion)nvmet-wq', '+.+.', '0:0', '__flush_workqueue'), (hm, '+.+.', '3:3', 'cma_ib_req_handler[rdma_cm]'),
        [(hm, '+.+.', '3:3', '__mutex_lock mutex_lock_nested rdma_destroy_id[rdma_cm] nvmet_rdma_free_queue[nvmet_rdma] '
          'nvmet_rdma_release_queue_work[nvmet_rdma] ' + KW),
         (rw, '+.+.', '0:0', 'process_one_work worker_thread kthread ' + RF),
         ('(wq_completion)nvmet-wq', '+.+.', '0:0', '__lock_acquire lock_acquire ' + cm)],
        None, [('(wq_completion)ib_cm', '+.+.', '0:0', 'process_one_work'),
               ('(work_completion)(&(&work->work)->work)', '+.+.', '0:0', 'process_one_work'),
               (hm, '+.+.', '3:3', 'cma_ib_req_handler[rdma_cm]')],
        BTP + ' ' + cm)
    return r


@rep('h38-circular-md-reconfig-mutex-sysfs-dmesg.log', 'SOFTWARE RAID (Multiple Disks) SUPPORT',
     'md removes the redundancy sysfs group (kernfs drain of sync_action) in mddev_unlock while reconfig_mutex is still held, and action_store takes reconfig_mutex under that file active reference',
     'linux-raid "possible circular locking dependency: kn->active#N --> &mddev->reconfig_mutex" on stopping an array through array_state (the deadlock mddev_unlock comments on) -- third batch')
def _():
    r = R('plain', '', 'mdadm', 2244, cpu=2, ts=640.2)
    r.release, r.build = '6.1.0-rc1-md-next+', '#3'
    rc = '&mddev->reconfig_mutex'
    ka = 'kn->active#164'
    wr = 'sysfs_kf_write kernfs_fop_write_iter vfs_write ksys_write ' + SYS
    circular(r, (ka, '++++', '0:0', '__kernfs_remove'), (rc, '+.+.', '3:3', 'mddev_lock[md_mod]'),
        [(rc, '+.+.', '3:3', '__mutex_lock mutex_lock_interruptible_nested mddev_lock[md_mod] action_store@drivers/md/md.c[md_mod] '
          'md_attr_store[md_mod] ' + wr),
         (ka, '++++', '0:0', '__lock_acquire lock_acquire kernfs_drain __kernfs_remove kernfs_remove_by_name_ns remove_files '
          'sysfs_remove_group mddev_unlock[md_mod] array_state_store[md_mod] md_attr_store[md_mod] ' + wr)],
        None, [('sb_writers#3', '.+.+', '0:0', 'ksys_write'), ('&of->mutex', '+.+.', '3:3', 'kernfs_fop_write_iter'),
               ('kn->active#160', '++++', '0:0', 'kernfs_fop_write_iter'), (rc, '+.+.', '3:3', 'mddev_lock[md_mod]')],
        BTP + ' kernfs_drain __kernfs_remove kernfs_remove_by_name_ns remove_files sysfs_remove_group mddev_unlock[md_mod] '
        'array_state_store[md_mod] md_attr_store[md_mod] ' + wr)
    return r


@rep('h39-circular-iwlmvm-mutex-sta-mtx-dmesg.log', 'INTEL WIRELESS WIFI LINK (iwlwifi)',
     'iwlmvm cancels/flushes its BA session handling under mvm->mutex from the ampdu_action callback path while mac80211 calls it with sta_mtx held and the mvm async handler takes sta_mtx via mac80211 under mvm->mutex',
     'linux-wireless "possible circular locking dependency: &local->sta_mtx --> &mvm->mutex" (iwlmvm, deauth vs BA teardown) -- third batch')
def _():
    r = R('plain', '', 'wpa_supplicant', 866, cpu=3, ts=7200.4)
    r.release, r.build = '6.1.0-rc6-wt+', '#1'
    r.hw = 'LENOVO 21CBCTO1WW/21CBCTO1WW, BIOS N3AET69W (1.34 ) 10/13/2022'
    sm = '&local->sta_mtx'
    mm = '&mvm->mutex'
    de = ('iwl_mvm_mac_sta_state[iwlmvm] drv_sta_state[mac80211] sta_info_move_state[mac80211] __sta_info_destroy_part2[mac80211] '
          'sta_info_destroy_addr[mac80211] ieee80211_set_disassoc[mac80211] ieee80211_mgd_deauth[mac80211] cfg80211_mlme_deauth[cfg80211] '
          'nl80211_deauthenticate[cfg80211] genl_family_rcv_msg_doit genl_rcv_msg netlink_rcv_skb genl_rcv netlink_unicast '
          'netlink_sendmsg sock_sendmsg ____sys_sendmsg ___sys_sendmsg __sys_sendmsg ' + SYS)
    circular(r, (mm, '+.+.', '3:3', 'iwl_mvm_mac_sta_state[iwlmvm]'), (sm, '+.+.', '3:3', 'ieee80211_set_disassoc[mac80211]'),
        [(sm, '+.+.', '3:3', '__mutex_lock mutex_lock_nested ieee80211_sta_tear_down_BA_sessions[mac80211] '
          'iwl_mvm_sta_rx_agg[iwlmvm] iwl_mvm_async_handlers_wk[iwlmvm] ' + KW),
         (mm, '+.+.', '3:3', '__lock_acquire lock_acquire __mutex_lock mutex_lock_nested ' + de)],
        None, [('cb_lock', '++++', '3:3', 'genl_rcv'), ('rtnl_mutex', '+.+.', '3:3', 'nl80211_pre_doit[cfg80211]'),
               ('&wdev->mtx', '+.+.', '3:3', 'nl80211_deauthenticate[cfg80211]'), (sm, '+.+.', '3:3', 'ieee80211_set_disassoc[mac80211]')],
        BTP + ' __mutex_lock mutex_lock_nested ' + de)
    return r


@rep('h40-rcu-sunrpc-xprt-switch-add-nfs-trunk-dmesg.log', 'NFS, SUNRPC, AND LOCKD CLIENTS',
     'the RPC client adds a trunked transport to its xprt switch dereferencing cl_xpi.xpi_xpswitch without rcu_read_lock (called from NFSv4.1 session trunking at mount)',
     'linux-nfs "WARNING: suspicious RCU usage ... net/sunrpc/clnt.c ... rpc_clnt_xprt_switch_add_xprt" (nconnect/trunking mount) -- third batch')
def _():
    r = R('plain', '', 'mount.nfs', 4107, cpu=1, ts=233.9)
    r.release, r.build = '6.0.0-rc2+', '#19'
    rcu(r, 'net/sunrpc/clnt.c:3189 suspicious rcu_dereference_check() usage!',
        [('&type->s_umount_key#53/1', '+.+.', '0:0', 'alloc_super')],
        BTRCU + ' rpc_clnt_xprt_switch_add_xprt[sunrpc] nfs4_test_session_trunk[nfsv4] rpc_clnt_add_xprt[sunrpc] '
        'nfs4_add_trunk[nfsv4] nfs4_init_client[nfsv4] nfs_get_client[nfs] nfs4_set_client[nfsv4] nfs4_create_server[nfsv4] '
        'nfs4_try_get_tree[nfsv4] vfs_get_tree path_mount __x64_sys_mount@fs/namespace.c ' + SYS, rsa=2)
    return r


@rep('h41-circular-ceph-session-mutex-mdsc-mutex-dmesg.log', 'CEPH DISTRIBUTED FILE SYSTEM CLIENT (CEPH)',
     'ceph flushes dirty caps of a session (s_mutex) while holding mdsc->mutex on reconnect, and the caps message path takes mdsc->mutex under s_mutex',
     'ceph-devel "possible circular locking dependency: &mdsc->mutex --> &s->s_mutex" (MDS reconnect vs cap grant) -- third batch')
def _():
    r = R('plain', '', 'kworker/2:0', 4471, cpu=2, ts=5120.0)
    r.release, r.build = '6.1.0-rc2-ceph-g6b7d1b87a2d4', '#1'
    mx = '&mdsc->mutex'
    sm = '&s->s_mutex'
    rc = ('send_mds_reconnect[ceph] check_new_map[ceph] ceph_mdsc_handle_mdsmap[ceph] mds_dispatch[ceph] '
          'ceph_con_process_message[libceph] ceph_con_workfn[libceph] ' + KW)
    circular(r, (sm, '+.+.', '3:3', 'send_mds_reconnect[ceph]'), (mx, '+.+.', '3:3', 'ceph_mdsc_handle_mdsmap[ceph]'),
        [(mx, '+.+.', '3:3', '__mutex_lock mutex_lock_nested handle_cap_grant[ceph] ceph_handle_caps[ceph] mds_dispatch[ceph] '
          'ceph_con_process_message[libceph] ceph_con_workfn[libceph] ' + KW),
         (sm, '+.+.', '3:3', '__lock_acquire lock_acquire __mutex_lock mutex_lock_nested ' + rc)],
        None, [('(wq_completion)ceph-msgr', '+.+.', '0:0', 'process_one_work'),
               ('(work_completion)(&(&con->work)->work)', '+.+.', '0:0', 'process_one_work'),
               (mx, '+.+.', '3:3', 'ceph_mdsc_handle_mdsmap[ceph]')],
        BTP + ' __mutex_lock mutex_lock_nested ' + rc)
    return r


@rep('h42-circular-ocfs2-xattr-sem-alloc-sem-syzbot.log', 'ORACLE CLUSTER FILESYSTEM 2 (OCFS2)',
     'ocfs2_try_remove_refcount_tree takes ip_xattr_sem and then ip_alloc_sem, the reverse of the order its truncate path takes them',
     'syzbot "possible deadlock in ocfs2_try_remove_refcount_tree" (ip_xattr_sem vs ip_alloc_sem) -- third batch')
def _():
    r = R('syz', '6.1.0-rc5-syzkaller-00008-ge01d50cbd6ee', 'syz-executor.3', 14770)
    xs = '&oi->ip_xattr_sem'
    al = '&oi->ip_alloc_sem'
    ref = ('ocfs2_try_remove_refcount_tree ocfs2_reflink_ioctl ocfs2_ioctl@fs/ocfs2/ioctl.c ' + IOCTL)
    circular(r, (al, '++++', '3:3', 'ocfs2_try_remove_refcount_tree'), (xs, '++++', '3:3', 'ocfs2_try_remove_refcount_tree'),
        [(xs, '++++', '3:3', 'down_read ocfs2_xattr_set ocfs2_set_acl ocfs2_iop_set_acl set_posix_acl@fs/posix_acl.c '
          'ocfs2_setattr notify_change chmod_common do_fchmodat __x64_sys_chmod@fs/open.c ' + SYS),
         (al, '++++', '3:3', H0 + ' down_write ' + ref)],
        None, [('sb_writers#14', '.+.+', '0:0', 'mnt_want_write_file'), ('&sb->s_type->i_mutex_key#21', '++++', '3:3', 'inode_lock!'),
               (xs, '++++', '3:3', 'ocfs2_try_remove_refcount_tree')],
        BTC + ' down_write ' + ref)
    return r


@rep('h43-circular-io-uring-sqd-lock-uring-lock-syzbot-5.15.log', 'IO_URING',
     'io_uring IORING_REGISTER_IOWQ_MAX_WORKERS takes sqd->lock while holding ctx->uring_lock, the reverse of the SQPOLL thread, which takes uring_lock under sqd->lock',
     'syzbot "possible deadlock in io_sq_thread" / "in io_register_iowq_max_workers" (5.15) -- third batch')
def _():
    r = R('syz', '5.15.0-rc2-syzkaller', 'syz-executor.0', 10233)
    ul = '&ctx->uring_lock'
    sq = '&sqd->lock'
    reg = ('io_register_iowq_max_workers __io_uring_register __do_sys_io_uring_register! __se_sys_io_uring_register! '
           '__x64_sys_io_uring_register ' + SYS)
    circular(r, (sq, '+.+.', '3:3', 'io_register_iowq_max_workers'), (ul, '+.+.', '3:3', '__do_sys_io_uring_register!'),
        [(ul, '+.+.', '3:3', '__mutex_lock_common! __mutex_lock __io_sq_thread io_sq_thread ret_from_fork@arch/x86/entry/entry_64.S'),
         (sq, '+.+.', '3:3', H0 + ' __mutex_lock_common! __mutex_lock ' + reg)],
        None, [(ul, '+.+.', '3:3', '__do_sys_io_uring_register!')],
        BTC + ' __mutex_lock_common! __mutex_lock ' + reg)
    return r


@rep('h44-circular-fsnotify-mark-mutex-fs-reclaim-syzbot.log', 'FSNOTIFY: FILESYSTEM NOTIFICATION INFRASTRUCTURE',
     'fsnotify allocates a mark connector with GFP_KERNEL under the group mark_mutex, which inode eviction from reclaim takes to destroy marks',
     'syzbot "possible deadlock in fsnotify_destroy_mark" (fs_reclaim vs &group->mark_mutex, 5.18) -- third batch')
def _():
    r = R('syz', '5.18.0-rc4-syzkaller-00064-g7203062db4ad', 'kswapd0', 110, cpu=1)
    mx = '&group->mark_mutex'
    rec = ('fsnotify_destroy_mark inotify_freeing_mark fsnotify_free_mark fsnotify_destroy_marks fsnotify_inode_delete! '
           '__destroy_inode destroy_inode evict@fs/inode.c dispose_list prune_icache_sb super_cache_scan do_shrink_slab shrink_slab '
           'shrink_node balance_pgdat kswapd ' + RF)
    circular(r, (mx, '+.+.', '3:3', 'fsnotify_destroy_mark'), ('fs_reclaim', '+.+.', '0:0', '__fs_reclaim_acquire@mm/page_alloc.c'),
        [('fs_reclaim', '+.+.', '0:0', H0 + ' __fs_reclaim_acquire@mm/page_alloc.c fs_reclaim_acquire@mm/page_alloc.c '
          '__kmem_cache_alloc_node@mm/slub.c kmalloc_trace fsnotify_attach_connector_to_object! fsnotify_add_mark_list '
          'fsnotify_add_mark_locked inotify_new_watch! inotify_update_watch __do_sys_inotify_add_watch! '
          '__se_sys_inotify_add_watch! __x64_sys_inotify_add_watch ' + SYS),
         (mx, '+.+.', '3:3', H0 + ' __mutex_lock_common! __mutex_lock ' + rec)],
        None, [('fs_reclaim', '+.+.', '0:0', '__fs_reclaim_acquire@mm/page_alloc.c'), ('shrinker_rwsem', '++++', '3:3', 'shrink_slab'),
               ('&type->s_umount_key#31', '++++', '0:0', 'super_cache_scan')],
        BTC + ' __mutex_lock_common! __mutex_lock ' + rec)
    return r


@rep('h45-hung-task-n-gsm-cleanup-mux-syzbot.log', 'TTY LAYER',
     'n_gsm waits for a DLCI to close in gsm_cleanup_mux while holding gsm->mutex, and the close never completes on a dead link',
     'syzbot "INFO: task hung in gsm_cleanup_mux" / "in gsmld_ioctl" -- third batch')
def _():
    r = R('syz', SYZ, 'syz-executor.2', 6095)
    hung(r, 143, 'task:syz-executor.2  state:D stack:26536 pid: 6095 ppid:  3650 flags:0x00004004',
         'context_switch! __schedule schedule gsm_cleanup_mux gsm_config! gsmld_ioctl tty_ioctl@drivers/tty/tty_io.c ' + IOCTL,
         [('khungtaskd/28', [('rcu_read_lock', '....', '1:2', 'debug_show_all_locks@kernel/locking/lockdep.c')]),
          ('syz-executor.2/6095', [('&tty->ldisc_sem', '++++', '0:0', 'tty_ldisc_ref_wait'),
                                   ('&gsm->mutex', '+.+.', '3:3', 'gsm_cleanup_mux')])])
    return r


@rep('h46-inconsistent-intel-iommu-register-lock-dmesg.log', 'INTEL IOMMU (VT-d)',
     'VT-d enables translation taking register_lock without disabling interrupts, while the DMAR fault interrupt handler takes register_lock in hardirq',
     'iommu list "inconsistent {IN-HARDIRQ-W} -> {HARDIRQ-ON-W} usage: &iommu->register_lock" at boot -- third batch')
def _():
    r = R('plain', '', 'swapper/0', 1, cpu=0, ts=1.903)
    r.release, r.build = '6.1.0-rc4-iommu-next+', '#6'
    r.hw = 'Intel Corporation Raptor Lake Client Platform/RPL-S ADP-S DDR5 UDIMM CRB, BIOS RPLSFWI1.R00.3301.A01.2208050712 08/05/2022'
    rl = '&iommu->register_lock'
    reg = ('lock_acquire _raw_spin_lock_irqsave dmar_fault __handle_irq_event_percpu handle_irq_event handle_edge_irq '
           '__common_interrupt common_interrupt asm_common_interrupt')
    inconsistent(r, 'IN-HARDIRQ-W', 'HARDIRQ-ON-W', 'HC0[0]:SC0[0]:HE1:SE1', (rl, '{-...', None, 'iommu_enable_translation'),
        reg, STAMP, [('dmar_global_lock', '++++', '0:0', 'init_dmars')],
        BTI + ' _raw_spin_lock iommu_enable_translation init_dmars intel_iommu_init@drivers/iommu/intel/iommu.c '
        'pci_iommu_init@arch/x86/kernel/pci-dma.c do_one_initcall kernel_init_freeable kernel_init ' + RF)
    return r


@rep('h47-circular-s390-zpci-bus-list-lock-rescan-s390.log', 'S390 PCI SUBSYSTEM',
     'releasing a zPCI bus takes zbus_list_lock while still holding pci_rescan_remove_lock, the reverse of zpci_bus_scan_busses',
     'linux-s390 "possible circular locking dependency: pci_rescan_remove_lock --> zbus_list_lock" on a PCI function deconfigure event -- third batch')
def _():
    r = R('plain', '', 'kmcheck', 53, cpu=0, ts=1774.2, arch='s390')
    r.release, r.build = '6.1.0-rc7-00132-g3b6fd6a8f7f2', '#1'
    r.hw = 'IBM 3931 A01 703 (LPAR)'
    zl = 'zbus_list_lock'
    rr = 'pci_rescan_remove_lock'
    ev = ('zpci_bus_release zpci_bus_device_unregister zpci_release_device zpci_zdev_put __zpci_event_availability '
          'zpci_event_availability chsc_process_sei_nt2 chsc_process_event_information chsc_process_crw crw_collect_info '
          'kthread __ret_from_fork ret_from_fork@arch/s390/kernel/entry.S')
    circular(r, (zl, '+.+.', '3:3', 'zpci_bus_release'), (rr, '+.+.', '3:3', 'pci_lock_rescan_remove'),
        [(rr, '+.+.', '3:3', '__mutex_lock mutex_lock_nested pci_lock_rescan_remove zpci_bus_scan_bus zpci_bus_scan_busses '
          'pci_base_init do_one_initcall kernel_init_freeable kernel_init __ret_from_fork ret_from_fork@arch/s390/kernel/entry.S'),
         (zl, '+.+.', '3:3', '__lock_acquire lock_acquire __mutex_lock mutex_lock_nested ' + ev)],
        None, [(rr, '+.+.', '3:3', 'pci_lock_rescan_remove')],
        'dump_stack_lvl check_noncircular __lock_acquire lock_acquire __mutex_lock mutex_lock_nested ' + ev)
    return r


@rep('h48-irq-inversion-ath9k-pcu-lock-dmesg.log', 'QUALCOMM ATHEROS ATH9K WIRELESS DRIVER',
     'ath9k takes sc_pcu_lock in its softirq tasklet and, in process context, takes the softirq-unsafe chan_lock under it during a reset',
     'linux-wireless "possible irq lock inversion dependency detected: &sc->sc_pcu_lock" (ath9k tasklet vs channel context reset) -- third batch')
def _():
    r = R('plain', '', 'kworker/1:1', 74, cpu=1, ts=311.8)
    r.release, r.build = '6.1.0-rc5-wl+', '#4'
    pcu = '&sc->sc_pcu_lock'
    ch = '&sc->chan_lock'
    irq_inversion(r, (pcu, '+.-.', '2:2', 'ath9k_tasklet[ath9k]'), (ch, '+.+.', '2:2', None), 'SOFTIRQ', False, (pcu, ch),
        [],
        [(ch, '+.+.', '2:2', 'SOFTIRQ-ON-W', '_raw_spin_lock ath_chanctx_work[ath9k] ' + KW,
          '_raw_spin_lock ath_reset_internal[ath9k] ath_reset[ath9k] ath9k_config[ath9k] ' + KW),
         (pcu, '+.-.', '2:2', 'IN-SOFTIRQ-W', '_raw_spin_lock ath9k_tasklet[ath9k] tasklet_action_common tasklet_action '
          '__do_softirq invoke_softirq! __irq_exit_rcu irq_exit_rcu common_interrupt asm_common_interrupt', None)],
        '<IRQ> dump_stack_lvl print_irq_inversion_bug check_usage_forwards mark_lock_irq! mark_lock __lock_acquire lock_acquire '
        '_raw_spin_lock ath9k_tasklet[ath9k] tasklet_action_common tasklet_action __do_softirq invoke_softirq! __irq_exit_rcu '
        'irq_exit_rcu common_interrupt </IRQ> <TASK> asm_common_interrupt ath_chanctx_work[ath9k] ' + KW)
    return r


@rep('h49-bad-unlock-gfs2-quota-sync-syzbot.log', 'GFS2 FILE SYSTEM',
     'gfs2 quota sync drops sd_quota_sync_mutex a second time on its error path',
     'syzbot "WARNING: bad unlock balance in gfs2_quota_sync" -- third batch')
def _():
    r = R('syz', '6.1.0-rc8-syzkaller-00035-g5f4b2a8e0a8b', 'syz-executor.5', 9988)
    bad_unlock(r, '&sdp->sd_quota_sync_mutex', 'gfs2_quota_sync', [('&type->s_umount_key#59', '++++', '3:3', 'iterate_supers')],
        '__dump_stack! dump_stack_lvl print_unlock_imbalance_bug __lock_release! lock_release __mutex_unlock_slowpath '
        'gfs2_quota_sync gfs2_sync_fs sync_fs_one_sb iterate_supers ksys_sync __do_sys_sync! __x64_sys_sync ' + SYS)
    return r


@rep('h50-user-return-dm-suspend-lock-dmesg.log', 'DEVICE-MAPPER  (LVM)',
     'device-mapper returns from a DM_DEV_SUSPEND ioctl error path with md->suspend_lock still held',
     'dm-devel "WARNING: lock held when returning to user space!" (&md->suspend_lock) from an lvm2 test -- third batch')
def _():
    r = R('plain', '', 'dmsetup', 7126, cpu=0, ts=518.3)
    r.release, r.build = '6.1.0-rc3-dm+', '#8'
    user_return(r, [('&md->suspend_lock', '+.+.', '3:3', 'dm_suspend@drivers/md/dm.c[dm_mod]')])
    return r


@rep('h51-rcu-mlxsw-router-rhashtable-dmesg.log', 'MELLANOX ETHERNET SWITCH DRIVERS',
     'the mlxsw router looks a neighbour entry up in its rhashtable (rhashtable_lookup needs RCU or the table mutex) from its neighbour update work with neither held',
     'netdev "WARNING: suspicious RCU usage ... include/linux/rhashtable.h" from mlxsw_sp_router_neigh_event_work -- third batch')
def _():
    r = R('plain', '', 'kworker/0:3', 2981, cpu=0, ts=6607.1)
    r.release, r.build = '6.1.0-rc6-net-next-mlxsw+', '#1'
    r.hw = 'Mellanox Technologies Ltd. MSN2700/SA000874, BIOS 4.6.5 03/08/2016'
    rcu(r, 'include/linux/rhashtable.h:600 suspicious rcu_dereference_check() usage!',
        [('(wq_completion)events', '+.+.', '0:0', 'process_one_work'),
         ('(work_completion)(&net_work->work)', '+.+.', '0:0', 'process_one_work'),
         ('rtnl_mutex', '+.+.', '3:3', 'mlxsw_sp_router_neigh_event_work[mlxsw_spectrum]')],
        BTRCU + ' rht_key_hashfn! __rhashtable_lookup! rhashtable_lookup! mlxsw_sp_neigh_entry_lookup[mlxsw_spectrum] '
        'mlxsw_sp_router_neigh_event_work[mlxsw_spectrum] ' + KW, rsa=2)
    return r
