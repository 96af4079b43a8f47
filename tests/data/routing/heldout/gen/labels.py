import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import specs, r1, r2, r3, r4, r5, r6, r7, r8, r9, r10, r11
CODE = {
 'h01': 'hfsplus_file_extend fs/hfsplus/extents.c', 'h02': 'ni_fiemap fs/ntfs3/frecord.c',
 'h03': 'nilfs_transaction_begin fs/nilfs2/segment.c', 'h04': 'i915_vma_pin_ww drivers/gpu/drm/i915/i915_vma.c',
 'h05': 'snd_pcm_oss_mmap sound/core/oss/pcm_oss.c', 'h06': 'rxrpc_do_sendmsg net/rxrpc/sendmsg.c',
 'h07': 'nbd_start_device_ioctl drivers/block/nbd.c', 'h08': 'nf_tables_dump_chains net/netfilter/nf_tables_api.c',
 'h09': 'kvm_steal_time_set_preempted arch/x86/kvm/x86.c', 'h10': 'perf_cgroup_switch kernel/events/core.c',
 'h11': 'xfs_reclaim_inode fs/xfs/xfs_icache.c', 'h12': '__bpf_ringbuf_reserve kernel/bpf/ringbuf.c',
 'h13': 'elevator_switch block/elevator.c', 'h14': 'tipc_sub_report_overlap net/tipc/subscr.c',
 'h15': 'loop_configure drivers/block/loop.c', 'h16': 'rt6_age_exceptions net/ipv6/route.c',
 'h17': 'aspeed_gpio_set_type drivers/gpio/gpio-aspeed.c', 'h18': 'hfs_bmap_reserve fs/hfs/btree.c',
 'h19': 'ar5523_stop drivers/net/wireless/ath/ar5523/ar5523.c', 'h20': 'ext4_xattr_set_handle fs/ext4/xattr.c',
 'h21': 'serial8250_do_startup drivers/tty/serial/8250/8250_port.c', 'h22': 'tls_sk_proto_close net/tls/tls_main.c',
 'h23': 'team_add_slave drivers/net/team/team.c', 'h24': 'vkms_composer_worker drivers/gpu/drm/vkms/vkms_composer.c',
 'h25': 'ublk_ctrl_start_recovery drivers/block/ublk_drv.c',
 'h26': 'f2fs_create fs/f2fs/namei.c', 'h27': 'hci_dev_close_sync net/bluetooth/hci_sync.c',
 'h28': 'update_vtimer_cntvoff arch/arm64/kvm/arch_timer.c', 'h29': '__tcf_qdisc_find net/sched/cls_api.c',
 'h30': 'hugetlb_vmdelete_list fs/hugetlbfs/inode.c', 'h31': 'hotplug_update_tasks_legacy kernel/cgroup/cpuset.c',
 'h32': 'mlx5_unload_one_devl_locked drivers/net/ethernet/mellanox/mlx5/core/main.c',
 'h33': 'clk_disable_unused_subtree drivers/clk/clk.c', 'h34': 'amdgpu_device_gpu_recover drivers/gpu/drm/amd/amdgpu/amdgpu_device.c',
 'h35': 'nouveau_fence_done drivers/gpu/drm/nouveau/nouveau_fence.c', 'h36': 'uvc_queue_buffer drivers/media/usb/uvc/uvc_queue.c',
 'h37': 'nvmet_rdma_queue_connect drivers/nvme/target/rdma.c', 'h38': 'mddev_unlock drivers/md/md.c',
 'h39': 'iwl_mvm_sta_rx_agg drivers/net/wireless/intel/iwlwifi/mvm/sta.c',
 'h40': 'rpc_clnt_xprt_switch_add_xprt net/sunrpc/clnt.c', 'h41': 'send_mds_reconnect fs/ceph/mds_client.c',
 'h42': 'ocfs2_try_remove_refcount_tree fs/ocfs2/refcounttree.c', 'h43': 'io_register_iowq_max_workers io_uring/io_uring.c',
 'h44': 'fsnotify_add_mark_locked fs/notify/mark.c', 'h45': 'gsm_cleanup_mux drivers/tty/n_gsm.c',
 'h46': 'iommu_enable_translation drivers/iommu/intel/iommu.c', 'h47': 'zpci_bus_release arch/s390/pci/pci_bus.c',
 'h48': 'ath_reset_internal drivers/net/wireless/ath/ath9k/main.c', 'h49': 'gfs2_quota_sync fs/gfs2/quota.c',
 'h50': 'dm_suspend drivers/md/dm.c', 'h51': 'mlxsw_sp_router_neigh_event_work drivers/net/ethernet/mellanox/mlxsw/spectrum_router.c',
 'h52': 'ovl_copy_up_workdir fs/overlayfs/copy_up.c', 'h53': 'request_wait_answer fs/fuse/dev.c',
 'h54': 'jfs_create fs/jfs/namei.c', 'h55': 'sock_hash_free net/core/sock_map.c',
 'h56': 'mptcp_subflow_queue_clean net/mptcp/subflow.c', 'h57': 'vfio_pci_bar_rw drivers/vfio/pci/vfio_pci_rdwr.c',
 'h58': 'kvm_xen_set_evtchn arch/x86/kvm/xen.c', 'h59': 'pciehp_ist drivers/pci/hotplug/pciehp_hpc.c',
 'h60': 'hub_port_connect drivers/usb/core/hub.c', 'h61': 'loopback_prepare sound/drivers/aloop.c',
 'h62': 'uinput_request_submit drivers/input/misc/uinput.c', 'h63': 'nsim_dev_trap_report_work drivers/net/netdevsim/dev.c',
 'h64': 'qxl_process_single_command drivers/gpu/drm/qxl/qxl_ioctl.c',
 'h65': 'vivid_stop_generating_vid_cap drivers/media/test-drivers/vivid/vivid-kthread-cap.c',
 'h66': 'ufshcd_devfreq_scale drivers/ufs/core/ufshcd.c', 'h67': 'nvme_scan_work drivers/nvme/host/core.c',
 'h68': 'thermal_zone_device_update drivers/thermal/thermal_core.c', 'h69': 'cpufreq_policy_put_kobj drivers/cpufreq/cpufreq.c',
 'h70': 'cgroup_attach_lock kernel/cgroup/cgroup.c', 'h71': 'has_unmovable_pages mm/page_isolation.c',
 'h72': 'watchdog_cdev_unregister drivers/watchdog/watchdog_dev.c', 'h73': 'cfg80211_bss_update net/wireless/scan.c',
 'h74': 'bpf_trace_printk kernel/trace/bpf_trace.c', 'h75': 'hidraw_release drivers/hid/hidraw.c',
 'h76': 'p9_conn_cancel net/9p/trans_fd.c', 'h77': 'btrfs_quota_enable fs/btrfs/qgroup.c',
 'h78': 'spi_add_device drivers/spi/spi.c', 'h79': 'e1000_reset_task drivers/net/ethernet/intel/e1000/e1000_main.c',
 'h80': 'panfrost_gem_purge drivers/gpu/drm/panfrost/panfrost_gem_shrinker.c', 'h81': 'fill_balloon drivers/virtio/virtio_balloon.c',
 'h82': 'ath11k_wmi_tlv_rssi_chain_parse drivers/net/wireless/ath/ath11k/wmi.c', 'h83': 'ata_scsi_user_scan drivers/ata/libata-scsi.c',
 'h84': 'rfcomm_sock_shutdown net/bluetooth/rfcomm/sock.c', 'h85': 'j1939_sk_queue_drop_all net/can/j1939/socket.c',
 'h86': 'vc4_hdmi_reset_link drivers/gpu/drm/vc4/vc4_hdmi.c', 'h87': 'unoptimize_all_kprobes kernel/kprobes.c',
 'h88': 'at_xdmac_handle_cyclic drivers/dma/at_xdmac.c', 'h89': 'blktrans_open drivers/mtd/mtd_blkdevs.c',
 'h90': 'tpm_try_get_ops drivers/char/tpm/tpm-chip.c', 'h91': 'bfq_insert_request block/bfq-iosched.c',
 'h92': 'sync_timeline_debug_remove drivers/dma-buf/sync_debug.c', 'h93': 'bond_ab_arp_probe drivers/net/bonding/bond_main.c',
 'h94': 'mei_stop drivers/misc/mei/init.c', 'h95': 'set_selection_kernel drivers/tty/vt/selection.c',
 'h96': 'cache_refresh_path fs/smb/client/dfs_cache.c', 'h97': 'ep_poll_safewake fs/eventpoll.c',
 'h98': 'cfg80211_rfkill_set_block net/wireless/core.c',
 'h99': '__drm_fb_helper_initial_config_and_unlock drivers/gpu/drm/drm_fb_helper.c',
 'h100': 'stmmac_suspend drivers/net/ethernet/stmicro/stmmac/stmmac_main.c', 'h101': 'l2tp_xmit_core net/l2tp/l2tp_core.c',
 'h102': 'da7219_aad_hptest_work sound/soc/codecs/da7219-aad.c', 'h103': 'deliver_to_subscribers sound/core/seq/seq_clientmgr.c',
 'h104': 'hsr_create_self_node net/hsr/hsr_framereg.c', 'h105': '__aa_create_ns security/apparmor/policy_ns.c',
 'h106': 'smb2_open fs/smb/server/smb2pdu.c', 'h107': 'rds_clear_recv_queue net/rds/recv.c',
 'h108': 'nci_close_device net/nfc/nci/core.c', 'h109': 'kfd_ioctl_create_queue drivers/gpu/drm/amd/amdkfd/kfd_chardev.c',
 'h110': 'drop_current_rng drivers/char/hw_random/core.c', 'h111': 'reiserfs_new_inode fs/reiserfs/inode.c',
 'h112': 'pca954x_select_chan drivers/i2c/muxes/i2c-mux-pca954x.c', 'h113': 'klp_try_complete_transition kernel/livepatch/transition.c',
 'h114': 'rbd_dev_image_probe drivers/block/rbd.c', 'h115': 'reserve_additional_memory drivers/xen/balloon.c',
 'h116': 'damon_sysfs_cmd_request_callback mm/damon/sysfs.c', 'h117': 'vmbus_process_offer drivers/hv/channel_mgmt.c',
 'h118': 'wg_packet_send_staged_packets drivers/net/wireguard/send.c', 'h119': 'ovs_flow_cmd_get net/openvswitch/datapath.c',
 'h120': 'azx_remove sound/pci/hda/hda_intel.c',
 'h121': 'xfrm_notify_userpolicy net/xfrm/xfrm_user.c', 'h122': 'br_mdb_add_group net/bridge/br_mdb.c',
 'h123': 'mlx4_en_restart drivers/net/ethernet/mellanox/mlx4/en_netdev.c', 'h124': 'msm_gem_purge drivers/gpu/drm/msm/msm_gem.c',
 'h125': 'sctp_v6_get_dst net/sctp/ipv6.c', 'h126': 'vhost_vsock_stop drivers/vhost/vsock.c',
 'h127': 'rtc_dev_ioctl drivers/rtc/dev.c', 'h128': 'rproc_shutdown drivers/remoteproc/remoteproc_core.c',
 'h129': 'crypto_larval_wait crypto/api.c', 'h130': 'security_get_bools security/selinux/ss/services.c',
 'h131': 'dma_buf_poll drivers/dma-buf/dma-buf.c', 'h132': 'rtl8169_close drivers/net/ethernet/realtek/r8169_main.c',
 'h133': 'iscsi_sw_tcp_conn_stop drivers/scsi/iscsi_tcp.c', 'h134': 'psi_trigger_destroy kernel/sched/psi.c',
 'h135': 'writeback_store drivers/block/zram/zram_drv.c', 'h136': 'extcon_sync drivers/extcon/extcon.c',
 'h137': 'workqueue_set_unbound_cpumask kernel/workqueue.c', 'h138': 'kmemleak_seq_show mm/kmemleak.c',
 'h139': 'etnaviv_gpu_recover_hang drivers/gpu/drm/etnaviv/etnaviv_gpu.c',
 'h140': 'virtio_gpu_dequeue_ctrl_func drivers/gpu/drm/virtio/virtgpu_vq.c'}
out = open(sys.argv[1], 'w')
out.write('''# Held-out routing labels (issue 13): reports made for this set after the
# rules were tuned on ../labels.tsv (see README.md here for how and from what
# shapes), labelled before splatd was run on any of them. Column 2 is the
# MAINTAINERS section (Linux 6.1 names, looked up with `splatd owners
# --sections` on the culprit's file) a kernel engineer would mail first: the
# owner of the code that introduced the bad dependency.
# file\tsection\tcode\twhy
''')
src = open(sys.argv[2], 'w')
for n, (f, l, w, s) in sorted(specs.REPORTS.items()):
    out.write('%s\t%s\t%s\t%s\n' % (n, l, CODE[n.split('-')[0]], w))
    src.write('| %s | %s |\n' % (n, s))
