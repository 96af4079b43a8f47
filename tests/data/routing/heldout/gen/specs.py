import os, sys
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lib import *

RF = 'ret_from_fork@arch/x86/entry/entry_64.S'
SYS = 'do_syscall_x64! do_syscall_64 entry_SYSCALL_64_after_hwframe'
KW = 'process_one_work worker_thread kthread ' + RF
H0 = 'check_prev_add! check_prevs_add! validate_chain! __lock_acquire lock_acquire! lock_acquire'
BTC = '__dump_stack! dump_stack_lvl check_noncircular ' + H0
BTR = '__dump_stack! dump_stack_lvl print_deadlock_bug! check_deadlock! validate_chain! __lock_acquire lock_acquire! lock_acquire'
BTI = '__dump_stack! dump_stack_lvl print_usage_bug valid_state!@kernel/locking/lockdep.c mark_lock_irq! mark_lock mark_usage! __lock_acquire lock_acquire! lock_acquire'
BTRCU = '__dump_stack! dump_stack_lvl lockdep_rcu_suspicious'
WRITE = 'call_write_iter! new_sync_write! vfs_write ksys_write ' + SYS
IOCTL = 'vfs_ioctl! __do_sys_ioctl! __se_sys_ioctl! __x64_sys_ioctl@fs/ioctl.c ' + SYS
SENDMSG = 'sock_sendmsg_nosec! sock_sendmsg ____sys_sendmsg ___sys_sendmsg __sys_sendmsg ' + SYS
FAULT = 'handle_mm_fault do_user_addr_fault handle_page_fault! exc_page_fault asm_exc_page_fault'
STAMP = ['irq event stamp: 216642',
         'hardirqs last  enabled at (216642): [<ffffffff89c0a21b>] _raw_spin_unlock_irqrestore+0x3b/0x70',
         'hardirqs last disabled at (216641): [<ffffffff89c09f6e>] _raw_spin_lock_irqsave+0x4e/0x50',
         'softirqs last  enabled at (216530): [<ffffffff815169e3>] __irq_exit_rcu+0x123/0x180',
         'softirqs last disabled at (216535): [<ffffffff815169e3>] __irq_exit_rcu+0x123/0x180']
SYZ = '6.1.0-rc6-syzkaller-00012-g6d464646530f'
REPORTS = {}

def rep(name, label, why, src):
    def deco(fn):
        REPORTS[name] = (fn, label, why, src)
        return fn
    return deco
