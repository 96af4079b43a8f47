#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# Writes round 8's logs and labels: python3 gen/forms.py DIR
import json
import os
import sys

import reports as R
import nearmiss as N
from lib import Console

OUT = {}


def emit(name, lines, labels, why=None):
    OUT[name] = ('\n'.join(lines) + '\n', labels, why)


def con(lines, **kw):
    return Console(**kw).lines(lines)


def boot_noise(c, n=3):
    base = ['systemd[1]: Started Journal Service.',
            'EXT4-fs (vda1): re-mounted. Quota mode: none.',
            'random: crng init done',
            'e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps Full '
            'Duplex, Flow Control: Rx/Tx',
            'audit: type=1400 audit(1733565611.208:4): apparmor="STATUS"']
    return c.lines(base[:n])


def insert_after(L, pred, new, nth=0):
    """new lines after the nth line matching pred"""
    k = 0
    for i, l in enumerate(L):
        if pred(l):
            if k == nth:
                return L[:i + 1] + new + L[i + 1:]
            k += 1
    raise ValueError('no line to insert after')


def plain(name, fn, t0=100.0, caller=None, pre=3, why=None, **kw):
    L, lab = fn()
    c = Console(t0=t0, caller=caller, **kw)
    out = boot_noise(c, pre) + c.lines(L) + boot_noise(c, 2)
    emit(name, out, lab if isinstance(lab, list) else [lab], why)


def build():
    plain('01-circular-2.6.29-i386-bracketed', R.circular_2629, t0=412.5)
    plain('02-circular-3.10-rhel7-chain3-stackwords', R.circular_310,
          t0=8812.0)
    plain('03-circular-4.19-arm64-hashed-callerid', R.circular_419_arm64,
          caller='T211')

    # 04: 8 entries; the console dropped the scenario table's records
    L, lab = R.circular_66_chain8()
    i = L.index(' Possible unsafe locking scenario:')
    j = L.index(' *** DEADLOCK ***')
    L = L[:i] + ['** 12 printk messages dropped **'] + L[j + 1:]
    c = Console(t0=77.0)
    emit('04-circular-6.6-chain8-dropped-scenario',
         boot_noise(c) + c.lines(L), [lab])

    plain('05-circular-6.14-arm64-unwinder-marks', R.circular_614_arm64,
          caller='T312')
    plain('06-circular-6.13-next-decode-stacktrace', R.circular_613_decoded)
    plain('07-circular-6.12-rt-riscv64', R.circular_612_rt_riscv,
          caller='T188')

    # 08: cut by a reboot in #1's trace
    L, lab = R.circular_310()
    i = L.index('-> #1 (&(&ip->i_iolock)->mr_lock){++++++}:')
    L = L[:i + 4]
    c = Console(t0=9100.0)
    out = boot_noise(c) + c.lines(L)
    out += ['', 'U-Boot SPL 2019.10 (Oct 12 2019 - 10:11:12 +0000)', '',
            '[    0.000000] Linux version 3.10.0-514.el7.x86_64.debug '
            '(mockbuild@x86-034.build.eng.bos.redhat.com) (gcc version '
            '4.8.5 20150623 (Red Hat 4.8.5-11) (GCC) ) #1 SMP Wed Oct 19 '
            '11:24:13 EDT 2016',
            '[    0.000000] Command line: BOOT_IMAGE=/vmlinuz-3.10.0 '
            'root=/dev/mapper/rhel-root ro']
    lab['held_locks'] = None
    emit('08-circular-3.10-cut-by-reboot', out, [lab])

    # 09: the same report twice: serial console, then the netconsole copy
    L, lab = R.circular_614_arm64()
    c = Console(t0=3411.0)
    serial = c.lines(L)
    emit('09-circular-6.14-serial-then-netconsole-copy',
         boot_noise(Console(t0=3400.0)) + serial +
         ['--- netconsole capture (nc -u -l 6666) ---'] + serial,
         [lab, dict(lab)])

    # 10: a report printed inside a WARNING block
    L, lab = R.recursive_68()
    c = Console(t0=512.0)
    warn = ['------------[ cut here ]------------',
            'WARNING: CPU: 3 PID: 991 at drivers/gpu/drm/vgem/vgem_fence.c:'
            '187 vgem_fence_attach_ioctl+0x2f1/0x3a0 [vgem]',
            'Modules linked in: vgem(OE) drm_shmem_helper drm_kms_helper drm '
            'snd_hda_codec_hdmi snd_hda_intel i915 e1000e',
            'CPU: 3 PID: 991 Comm: modprobe Tainted: G           OE      '
            '6.8.0-rc5-00113-g4f2e1a7c33b1 #7',
            'RIP: 0010:vgem_fence_attach_ioctl+0x2f1/0x3a0 [vgem]',
            'RSP: 0018:ffffc90001e27c40 EFLAGS: 00010246',
            'Call Trace:', ' <TASK>', ' ? __warn+0x81/0x130',
            ' ? vgem_fence_attach_ioctl+0x2f1/0x3a0 [vgem]']
    tail = [' drm_ioctl_kernel+0xb4/0x100 [drm]',
            ' drm_ioctl+0x26c/0x4b0 [drm]', ' __x64_sys_ioctl+0x8d/0xd0',
            ' do_syscall_64+0x5d/0xe0',
            ' entry_SYSCALL_64_after_hwframe+0x6e/0x76', ' </TASK>',
            'irq event stamp: 28451',
            '---[ end trace 0000000000000000 ]---']
    emit('10-recursive-6.8-inside-warning-block',
         boot_noise(c) + c.lines(warn) + c.lines(L) + c.lines(tail), [lab])

    plain('11-recursive-3.16-bracketed-6char', R.recursive_316, t0=1702.3)

    # 12: another CPU's and a driver's lines inside the report
    L, lab = R.recursive_68()
    L = insert_after(L, lambda l: '__lock_acquire+' in l,
                     ['e1000e 0000:00:1f.6 eno1: NIC Link is Up 1000 Mbps '
                      'Full Duplex, Flow Control: None'])
    L = insert_after(L, lambda l: l.startswith('1 lock held by'),
                     ['usb 1-2: new high-speed USB device number 3 using '
                      'xhci_hcd'])
    L = insert_after(L, lambda l: l == 'but task is already holding lock:',
                     ['IPv6: ADDRCONF(NETDEV_CHANGE): eno1: link becomes '
                      'ready'])
    plain('12-recursive-6.8-other-cpu-lines', lambda: (L, lab), t0=640.0)

    plain('13-recursive-5.15-ppc64le', R.recursive_515_ppc, t0=212.0)

    # 14: KASAN right after the report
    L, lab = R.inconsistent_61_softirq()
    c = Console(t0=320.0)
    emit('14-inconsistent-6.1-softirq-then-kasan',
         boot_noise(c) + c.lines(L) +
         c.lines(N.kasan('ksoftirqd/2', 27, '6.1.0-rc4-00017-g0a1b2c3d4e5f',
                         'neigh_timer_handler')), [lab])

    plain('15-inconsistent-5.10-hardirq-modules', R.inconsistent_510_hardirq,
          caller='T1402')
    plain('16-inconsistent-3.18-reclaim-fs', R.inconsistent_318_reclaim,
          t0=50211.0)
    plain('17-inconsistent-2.6.27-lowercase-states',
          R.inconsistent_2627_lower, t0=33.0)
    plain('18-inconsistent-6.9-read-syslog', R.inconsistent_69_read,
          style='syslog')
    plain('19-inconsistent-4.9-irq-eoi-registers', R.inconsistent_49_eoi,
          caller='C1')
    plain('20-irqinv-5.4-forwards-hardirq', R.irq_inversion_54_forwards)

    # 21: KASAN right before (the taint B the ident shows)
    L, lab = R.irq_inversion_61_backwards()
    c = Console(t0=1500.0)
    emit('21-irqinv-6.1-backwards-after-kasan',
         boot_noise(c) + c.lines(N.kasan('fio', 6119, '6.1.55',
                                         'io_wq_worker_wake')) +
         c.lines(L), [lab])

    plain('22-hardirq-6.1-full-dependency-sections', R.hardirq_61,
          caller='T2410')
    plain('23-softirq-4.4-bracketed-6char', R.softirq_44)
    plain('24-hardirq-2.6.22-hard-safe-noident', R.hardirq_2622, t0=14.0)

    # 25: UBSAN right after
    L, lab = R.bad_unlock_61_s390()
    c = Console(t0=88.0)
    emit('25-badunlock-6.1-s390-then-ubsan',
         boot_noise(c) + c.lines(L) + c.lines(N.ubsan()), [lab])

    plain('26-badunlock-3.4-bracketed', R.bad_unlock_34)
    plain('27-heldfreed-5.15-riscv64', R.held_freed_515_riscv)
    plain('28-stillheld-6.3-slash-comm', R.still_held_63)

    # 29: two different reports back to back, no blank line between
    L1, lab1 = R.user_return_610()
    L2, lab2 = R.recursive_515_ppc()
    c = Console(t0=700.0)
    emit('29-userret-then-recursive-no-blank',
         boot_noise(c) + c.lines(L1) + c.lines(L2[1:]), [lab1, lab2])

    plain('30-nested-6.5-two-backtraces', R.nested_65)
    plain('31-rcu-6.1-no-locks-eqs', R.rcu_61_nolocks, t0=0.912)
    plain('32-rcu-4.4-seven-locks-bracketed', R.rcu_44_many)

    # 33: MAX_LOCKDEP_CHAINS too low turned lockdep off; RCU still reports
    L, lab = R.rcu_612_list()
    c = Console(t0=4000.0)
    emit('33-max-chains-then-rcu-debuglocks0',
         boot_noise(c) + c.lines(N.max_chains()) + c.lines(L), [lab])

    L, labs = R.hung_61()
    c = Console(t0=1230.0)
    emit('34-hung-6.1-two-tasks-many-holders', boot_noise(c) + c.lines(L),
         labs)
    plain('35-hung-6.14-blocked-on-mutex-owner', R.hung_614_mutex)
    plain('36-invalidwait-6.12-rq-lock', R.invalid_wait_612, caller='T87')

    # 37: cut by another CPU's panic after the backtrace's header
    L, lab = R.invalid_wait_510()
    i = L.index('Call Trace:')
    L = L[:i + 5]
    c = Console(t0=1.8)
    emit('37-invalidwait-5.10-cut-by-panic',
         c.lines(L) + c.lines([
             'Kernel panic - not syncing: Watchdog detected hard LOCKUP '
             'on cpu 1',
             'CPU: 1 PID: 0 Comm: swapper/1 Not tainted 5.10.0-rc4 #1',
             'Call Trace:', ' <NMI>', ' dump_stack+0x8b/0xb0',
             ' panic+0x107/0x2d8', ' watchdog_overflow_callback.cold+0x1e/'
             '0x33', ' </NMI>',
             'Kernel Offset: disabled',
             '---[ end Kernel panic - not syncing: Watchdog detected hard '
             'LOCKUP on cpu 1 ]---']), [lab])

    # 38: syslog, a driver's line inside the chain
    L, lab = R.circular_66_chain8()
    L = insert_after(L, lambda l: l.startswith('-> #4'),
                     ['loop5: detected capacity change from 0 to 8192'])
    c = Console(t0=77.0, style='syslog')
    emit('38-circular-6.6-chain8-syslog-driver-line',
         boot_noise(c) + c.lines(L), [lab])

    # 39: RCU (lockdep stays on) then a circular
    L1, lab1 = R.rcu_61_nolocks()
    L2, lab2 = R.circular_613_decoded()
    c = Console(t0=2.0)
    emit('39-rcu-then-circular', c.lines(L1) + boot_noise(c, 2) +
         c.lines(L2), [lab1, lab2])

    # 40: held lock freed then still has locks held, no blank between
    L1, lab1 = R.held_freed_515_riscv()
    L2, lab2 = R.still_held_63()
    c = Console(t0=2600.0)
    emit('40-heldfreed-then-stillheld-no-blank',
         boot_noise(c) + c.lines(L1) + c.lines(L2[1:]), [lab1, lab2])

    # 41: 4.19 report with caller ids, another task's records interleaved
    L, lab = R.circular_419_arm64()
    c = Console(t0=61.0, caller='T211')
    out = []
    for k, l in enumerate(c.lines(L)):
        out.append(l)
        if k % 9 == 4:
            out.append(c.line('mmc0: new HS200 MMC card at address 0001',
                              caller='C0'))
    emit('41-circular-4.19-arm64-interleaved-callers', out, [lab])

    # near misses: no lockdep report a kernel engineer would count
    c = Console(t0=0.0)
    emit('42-nm-locking-selftest-verbose', c.lines(N.selftest_verbose()),
         [], 'the locking API self-test provokes the splat it expects '
         '(debug_locks_verbose=1), between its "| Locking API testsuite:" '
         'banner and "Good, all 261 testcases passed!"; no bug')
    c = Console(t0=145.0)
    emit('43-nm-lockdep-assert-held-warn', boot_noise(c) +
         c.lines(N.assert_held_warn()), [],
         'lockdep_assert_held() is a WARN_ON at its caller, not a report '
         'of lockdep')
    c = Console(t0=31.0)
    emit('44-nm-key-not-registered-debug-locks-warn-on', boot_noise(c) +
         c.lines(N.debug_locks_warn_on()), [],
         'BUG: key ... has not been registered! and DEBUG_LOCKS_WARN_ON: '
         'lockdep turning itself off, no lock dependency reported')
    c = Console(t0=4.2)
    emit('45-nm-non-static-key', boot_noise(c) +
         c.lines(N.non_static_key_max_chains()), [],
         'INFO: trying to register non-static key: a missing annotation '
         'that turns lockdep off, no report')
    c = Console(t0=983.0)
    emit('46-nm-hung-task-lockdep-off', boot_noise(c) +
         c.lines(N.hung_lockdep_off()), [],
         'a hung task whose lock dump says "INFO: lockdep is turned off.": '
         'no locks known, not a lockdep report')


def main():
    d = sys.argv[1]
    build()
    for name, (text, labels, why) in sorted(OUT.items()):
        with open(os.path.join(d, name + '.log'), 'w') as f:
            f.write(text)
        doc = {'reports': labels}
        if why:
            doc = {'near_miss': why, 'reports': labels}
        with open(os.path.join(d, name + '.expected'), 'w') as f:
            json.dump(doc, f, indent=1)
            f.write('\n')


if __name__ == '__main__':
    main()
