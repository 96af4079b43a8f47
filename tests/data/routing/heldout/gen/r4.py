from specs import *

@rep('h20-circular-ext4-xattr-ea-inode-syzbot.log', 'EXT4 FILE SYSTEM',
     'ext4 locks an EA inode under the owner inode xattr_sem while setxattr on a corrupted image takes xattr_sem under that inode i_rwsem',
     'syzbot "possible deadlock in ext4_xattr_set_handle" (ea_inode i_rwsem vs xattr_sem)')
def _():
    r = R('syz', SYZ, 'syz-executor.4', 6643)
    x = '&ei->xattr_sem'
    ea = '&ea_inode->i_rwsem#8/1'
    setx = ('__vfs_setxattr __vfs_setxattr_noperm __vfs_setxattr_locked vfs_setxattr do_setxattr setxattr path_setxattr '
            '__do_sys_setxattr! __se_sys_setxattr! __x64_sys_setxattr ' + SYS)
    circular(r, (x, '++++', '3:3', 'ext4_write_lock_xattr! ext4_xattr_set_handle'), (ea, '+.+.', '3:3', 'inode_lock! vfs_setxattr'),
        [(ea, '+.+.', '3:3', 'down_write inode_lock! ext4_xattr_inode_create! ext4_xattr_inode_lookup_create ext4_xattr_set_entry '
          'ext4_xattr_ibody_set ext4_xattr_set_handle ext4_xattr_set ' + setx),
         (x, '++++', '3:3', H0 + ' down_write ext4_write_lock_xattr! ext4_xattr_set_handle ext4_xattr_set ' + setx)],
        None, [('sb_writers#4', '.+.+', '0:0', 'mnt_want_write'), (ea, '+.+.', '3:3', 'inode_lock! vfs_setxattr'),
               ('jbd2_handle', '++++', '0:0', 'start_this_handle')],
        BTC + ' down_write ext4_write_lock_xattr! ext4_xattr_set_handle ext4_xattr_set ' + setx)
    return r

@rep('h21-recursive-8250-startup-console-dmesg.log', 'SERIAL DRIVERS',
     'serial8250_do_startup prints (dynamic debug) while holding the port lock; the console is the same port',
     'linux-serial "possible recursive locking detected: &port_lock_key" in serial8250_do_startup')
def _():
    r = R('plain', '', 'agetty', 812, cpu=0, ts=14.7)
    r.release, r.build = '6.1.0-rc4+', '#9'
    pl = '&port_lock_key'
    st = ('serial8250_do_startup serial8250_startup uart_port_startup uart_startup! uart_port_activate tty_port_open uart_open '
          'tty_open@drivers/tty/tty_io.c chrdev_open do_dentry_open vfs_open do_open! path_openat do_filp_open do_sys_openat2 '
          '__x64_sys_openat@fs/open.c ' + SYS)
    recursive(r, (pl, '-.-.', '2:2', 'serial8250_console_write'), (pl, '-.-.', '2:2', 'serial8250_do_startup'),
        [('&tty->legacy_mutex', '+.+.', '3:3', 'tty_lock'), ('&port->mutex', '+.+.', '3:3', 'tty_port_open'),
         (pl, '-.-.', '2:2', 'serial8250_do_startup'), ('console_lock', '+.+.', '0:0', 'vprintk_emit'),
         ('console_srcu', '....', '0:0', 'console_flush_all')],
        BTR + ' _raw_spin_lock_irqsave serial8250_console_write univ8250_console_write console_emit_next_record '
        'console_flush_all console_unlock vprintk_emit dev_vprintk_emit@drivers/base/core.c dev_printk_emit@drivers/base/core.c '
        '__dynamic_dev_dbg ' + st)
    return r

@rep('h22-circular-tls-tx-lock-sk-lock-syzbot-5.3.log', 'NETWORKING [TLS]',
     'kTLS cancels its tx work synchronously under the socket lock while the work takes tx_lock and then the socket lock',
     'syzbot "possible deadlock in tls_sw_sendmsg" (5.x, tx_lock / tx_work / sk_lock)')
def _():
    r = R('syz', '5.3.0-rc7-syzkaller', 'syz-executor.1', 10811)
    sk = 'sk_lock-AF_INET6'
    tx = '&ctx->tx_lock'
    wk = '(work_completion)(&(&sw_ctx_tx->tx_work)->work)'
    circular(r, (sk, '+.+.', None, 'lock_sock! tls_sw_sendmsg'), (tx, '+.+.', None, 'tls_sw_sendmsg'),
        [(tx, '+.+.', None, '__mutex_lock mutex_lock_nested tx_work_handler ' + KW),
         (wk, '+.+.', None, '__flush_work __cancel_work_timer cancel_delayed_work_sync tls_sw_cancel_work_tx '
          'tls_sk_proto_close inet_release __sock_release sock_close __fput task_work_run '
          'exit_to_user_mode_loop exit_to_user_mode_prepare syscall_exit_to_user_mode do_syscall_64 entry_SYSCALL_64_after_hwframe'),
         (sk, '+.+.', None, H0 + ' lock_sock_nested lock_sock! tls_sw_sendmsg inet6_sendmsg sock_sendmsg_nosec! sock_sendmsg '
          '__sys_sendto __do_sys_sendto! __se_sys_sendto! __x64_sys_sendto ' + SYS)],
        None, [(tx, '+.+.', None, 'tls_sw_sendmsg')],
        BTC + ' lock_sock_nested lock_sock! tls_sw_sendmsg inet6_sendmsg sock_sendmsg_nosec! sock_sendmsg __sys_sendto '
        '__do_sys_sendto! __se_sys_sendto! __x64_sys_sendto ' + SYS)
    return r
