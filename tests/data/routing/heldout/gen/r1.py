from specs import *

@rep('h01-recursive-hfsplus-syzbot.log', 'HFSPLUS FILESYSTEM',
     'hfsplus extends the extents B-tree file from inside hfsplus_file_extend of a data file, taking extents_lock twice without a nesting annotation',
     'syzbot "possible deadlock in hfsplus_file_extend"')
def _():
    r = R('syz', SYZ, 'syz-executor.1', 5342, cpu=1)
    ext = '&HFSPLUS_I(inode)->extents_lock'
    recursive(r, (ext, '+.+.', '3:3', 'hfsplus_file_extend'), (ext, '+.+.', '3:3', 'hfsplus_file_extend'),
        [('sb_writers#9', '.+.+', '0:0', 'ksys_write'),
         ('&sb->s_type->i_mutex_key#17', '+.+.', '3:3', 'inode_lock! generic_file_write_iter'),
         (ext, '+.+.', '3:3', 'hfsplus_file_extend'),
         ('&tree->tree_lock', '+.+.', '3:3', 'hfs_find_init@fs/hfsplus/bfind.c')],
        BTR + ' __mutex_lock_common! __mutex_lock hfsplus_file_extend hfs_bmap_reserve@fs/hfsplus/btree.c '
        '__hfsplus_ext_write_extent __hfsplus_ext_cache_extent! hfsplus_ext_read_extent hfsplus_file_extend '
        'hfsplus_get_block __block_write_begin_int cont_write_begin hfsplus_write_begin generic_perform_write '
        '__generic_file_write_iter generic_file_write_iter ' + WRITE)
    return r

@rep('h02-circular-ntfs3-fiemap-syzbot.log', 'NTFS3 FILESYSTEM',
     'ntfs3 holds its run_lock while fiemap copies extents to user space (mmap_lock), and its get_block takes run_lock under mmap_lock in a page fault',
     'syzbot "possible deadlock in ni_fiemap"')
def _():
    r = R('syz', SYZ, 'syz-executor.4', 7911)
    run = '&ni->file.run_lock'
    mm = '&mm->mmap_lock'
    circular(r, (mm, '++++', '3:3', '__might_fault'), (run, '++++', '3:3', 'ni_fiemap'),
        [(run, '++++', '3:3', 'down_read attr_data_get_block ntfs_get_block_vbo do_mpage_readpage mpage_readahead '
          'ntfs_readahead read_pages page_cache_ra_unbounded do_page_cache_ra! page_cache_ra_order filemap_fault '
          '__do_fault do_read_fault! do_fault! handle_pte_fault! __handle_mm_fault ' + FAULT),
         (mm, '++++', '3:3', H0 + ' __might_fault _copy_to_user copy_to_user! fiemap_fill_next_extent ni_fiemap '
          'ntfs_fiemap ioctl_fiemap! do_vfs_ioctl ' + IOCTL)],
        None,
        [('&ni->ni_lock/4', '+.+.', '3:3', 'ni_lock! ntfs_fiemap'), (run, '++++', '3:3', 'ni_fiemap')],
        BTC + ' __might_fault _copy_to_user copy_to_user! fiemap_fill_next_extent ni_fiemap ntfs_fiemap '
        'ioctl_fiemap! do_vfs_ioctl ' + IOCTL)
    return r

@rep('h03-circular-nilfs2-kswapd-dmesg.log', 'NILFS2 FILESYSTEM',
     'nilfs2 begins a transaction (ns_segctor_sem) from inode eviction in kswapd while its write path allocates page cache with __GFP_FS under the same semaphore',
     'LKML/syzbot "possible deadlock in nilfs_transaction_begin" (fs_reclaim vs ns_segctor_sem)')
def _():
    r = R('plain', '6.1.0-rc3 #12', 'kswapd0', 98, cpu=3, ts=2811.4)
    r.release, r.build = '6.1.0-rc3', '#12'
    seg = '&nilfs->ns_segctor_sem'
    circular(r, (seg, '++++', '3:3', 'nilfs_transaction_begin[nilfs2]'), ('fs_reclaim', '+.+.', '0:0', 'balance_pgdat'),
        [('fs_reclaim', '+.+.', '0:0', '__fs_reclaim_acquire fs_reclaim_acquire@mm/page_alloc.c prepare_alloc_pages! __alloc_pages '
          'folio_alloc filemap_alloc_folio __filemap_get_folio pagecache_get_page grab_cache_page_write_begin '
          'block_write_begin nilfs_write_begin[nilfs2] generic_perform_write __generic_file_write_iter '
          'generic_file_write_iter ' + WRITE),
         (seg, '++++', '3:3', H0 + ' down_read nilfs_transaction_begin[nilfs2] nilfs_evict_inode[nilfs2] evict dispose_list '
          'prune_icache_sb super_cache_scan do_shrink_slab shrink_slab shrink_node_memcgs! shrink_node balance_pgdat kswapd '
          'kthread ' + RF)],
        None, [('fs_reclaim', '+.+.', '0:0', 'balance_pgdat')],
        BTC + ' down_read nilfs_transaction_begin[nilfs2] nilfs_evict_inode[nilfs2] evict dispose_list prune_icache_sb '
        'super_cache_scan do_shrink_slab shrink_slab shrink_node_memcgs! shrink_node balance_pgdat kswapd kthread ' + RF)
    return r

@rep('h04-circular-i915-vm-mutex-intel-ci.log', 'INTEL DRM DRIVERS (excluding Poulsbo, Moorestown and derivative chipsets)',
     'i915 allocates with GFP_KERNEL while holding vm->mutex, which its own shrinker takes under fs_reclaim',
     'Intel CI / intel-gfx "possible circular locking dependency: fs_reclaim --> &vm->mutex"')
def _():
    r = R('plain', '', 'i915_selftest', 6110, cpu=2, ts=355.43)
    r.release, r.build = '6.1.0-rc2-CI_DRM_12295-g3844a56a0922+', '#1'
    r.taint = 'Tainted: G     U            '
    r.hw = 'Intel Corporation Alder Lake Client Platform/AlderLake-P DDR4 RVP, BIOS ADLPFWI1.R00.3135.A00.2203251419 03/25/2022'
    vm = '&vm->mutex'
    circular(r, ('fs_reclaim', '+.+.', '0:0', 'kmalloc_trace'), (vm, '+.+.', '3:3', 'i915_vma_pin_ww[i915]'),
        [(vm, '+.+.', '3:3', 'i915_gem_shrinker_taints_mutex[i915] i915_address_space_init[i915] gen8_ppgtt_create[i915] '
          'i915_ppgtt_create[i915] i915_gem_create_context[i915] i915_gem_context_create_ioctl[i915] drm_ioctl_kernel drm_ioctl '
          + IOCTL),
         ('fs_reclaim', '+.+.', '0:0', H0 + ' fs_reclaim_acquire@mm/page_alloc.c __kmem_cache_alloc_node@mm/slub.c kmalloc_trace '
          'i915_vma_resource_alloc[i915] i915_vma_pin_ww[i915] i915_ggtt_pin[i915] intel_ring_pin[i915] '
          '__intel_context_do_pin_ww[i915] __intel_context_do_pin[i915] live_active_context[i915] '
          '__i915_subtests[i915] __run_selftests[i915] i915_live_selftests[i915] i915_pci_probe[i915] local_pci_probe '
          'pci_device_probe really_probe __driver_probe_device driver_probe_device __driver_attach bus_for_each_dev '
          'bus_add_driver driver_register do_one_initcall do_init_module load_module __do_sys_finit_module ' + SYS)],
        None,
        [('&dev->mutex', '....', '3:3', '__driver_attach'), ('reservation_ww_class_acquire', '+.+.', '0:0', '__intel_context_do_pin[i915]'),
         ('reservation_ww_class_mutex', '+.+.', '3:3', 'i915_gem_object_lock! __intel_context_do_pin_ww[i915]'),
         (vm, '+.+.', '3:3', 'i915_vma_pin_ww[i915]')],
        BTC + ' fs_reclaim_acquire@mm/page_alloc.c __kmem_cache_alloc_node@mm/slub.c kmalloc_trace i915_vma_resource_alloc[i915] '
        'i915_vma_pin_ww[i915] i915_ggtt_pin[i915] intel_ring_pin[i915] __intel_context_do_pin_ww[i915] '
        '__intel_context_do_pin[i915] live_active_context[i915] __i915_subtests[i915] __run_selftests[i915] '
        'i915_live_selftests[i915] i915_pci_probe[i915] local_pci_probe pci_device_probe really_probe __driver_probe_device '
        'driver_probe_device __driver_attach bus_for_each_dev bus_add_driver driver_register do_one_initcall do_init_module '
        'load_module __do_sys_finit_module ' + SYS)
    return r

@rep('h05-circular-snd-pcm-oss-syzbot-5.10.log', 'SOUND',
     'the OSS emulation takes params_lock under mmap_lock in its mmap handler while its write path copies from user space under params_lock',
     'syzbot "possible deadlock in snd_pcm_oss_..." (2021-22, fixed by trylock in snd_pcm_oss_mmap)')
def _():
    r = R('syz', '5.10.0-rc4-syzkaller', 'syz-executor.0', 10244)
    p = '&runtime->oss.params_lock'
    mm = '&mm->mmap_lock'
    circular(r, (p, '+.+.', '3:3', 'snd_pcm_oss_change_params'), (mm, '++++', '3:3', 'vm_mmap_pgoff'),
        [(mm, '++++', '3:3', '__might_fault snd_pcm_oss_write1 snd_pcm_oss_write vfs_write ksys_write ' + SYS),
         (p, '+.+.', '3:3', H0 + ' __mutex_lock_common! __mutex_lock mutex_lock_interruptible_nested snd_pcm_oss_change_params '
          'snd_pcm_oss_mmap call_mmap! mmap_region do_mmap vm_mmap_pgoff ksys_mmap_pgoff@mm/mmap.c ' + SYS)],
        None, [(mm, '++++', '3:3', 'mmap_write_lock_killable! vm_mmap_pgoff')],
        BTC + ' __mutex_lock_common! __mutex_lock mutex_lock_interruptible_nested snd_pcm_oss_change_params snd_pcm_oss_mmap '
        'call_mmap! mmap_region do_mmap vm_mmap_pgoff ksys_mmap_pgoff@mm/mmap.c ' + SYS)
    return r

@rep('h06-bad-unlock-rxrpc-syzbot.log', 'RXRPC SOCKETS (AF_RXRPC)',
     'rxrpc_do_sendmsg releases call->user_mutex on an error path where it was already dropped',
     'syzbot "WARNING: bad unlock balance in rxrpc_do_sendmsg"')
def _():
    r = R('syz', SYZ, 'syz-executor.2', 4411)
    bad_unlock(r, '&call->user_mutex', 'rxrpc_do_sendmsg', [],
        '__dump_stack! dump_stack_lvl print_unlock_imbalance_bug __lock_release! lock_release __mutex_unlock_slowpath '
        'rxrpc_do_sendmsg rxrpc_sendmsg ' + SENDMSG)
    return r
