#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# Renders the base reports of bases.py in the transports real CI and real
# bug reports carry them in (one file a form). The labels are in LABELS,
# written by hand from the base texts, not from splatd's output.
import json, sys
sys.path.insert(0, __import__("os").path.dirname(__file__) or ".")
import bases as b

def L(s):
    return s.strip("\n").split("\n")

class TS:
    def __init__(self, t): self.t = t
    def next(self):
        self.t += 0.000007
        return self.t

def console(lines, t0, noise=None, caller=None, level=None):
    """serial console / dmesg / vmcore-dmesg: [ ts] text; noise: {index: [text...]} printed before line index"""
    ts, out = TS(t0), []
    for i, l in enumerate(lines):
        for n in (noise or {}).get(i, []):
            out.append(n if n.startswith("!") is False and n.startswith("@") is False else n[1:]) if n[:1] in "!@" else out.append("[%12.6f] %s" % (ts.next(), n))
        p = ""
        if level is not None: p += "<%d>" % level
        p += "[%12.6f]" % ts.next()
        if caller: p += "[%6s]" % caller
        out.append(p + " " + l)
    return out

def plain(lines): return list(lines)

def short_precise(lines, host="tgl-ci", t0=36001.123456):
    ts, out = TS(t0), []
    for l in lines:
        t = ts.next(); s = int(t)
        out.append("Dec 07 %02d:%02d:%02d.%06d %s kernel: %s" % (s // 3600 % 24, s // 60 % 60, s % 60, int((t - s) * 1e6), host, l))
    return out

def journal_json(lines, t0=1701943201.123456, mono=123.4):
    ts, out = TS(t0), []
    for i, l in enumerate(lines):
        t = ts.next()
        out.append(json.dumps({"__CURSOR": "s=3f2a9c1d;i=%x;b=5c2e;m=%x;t=%x;x=9a1b" % (0x1a2b + i, int(mono * 1e6) + i, int(t * 1e6)),
            "__REALTIME_TIMESTAMP": str(int(t * 1e6)), "__MONOTONIC_TIMESTAMP": str(int(mono * 1e6) + i * 7),
            "_BOOT_ID": "5c2e8f0a1b2c4d6e8f0a1b2c3d4e5f60", "_TRANSPORT": "kernel", "PRIORITY": "4",
            "SYSLOG_FACILITY": "0", "SYSLOG_IDENTIFIER": "kernel", "_HOSTNAME": "ci-host",
            "_SOURCE_MONOTONIC_TIMESTAMP": str(int(mono * 1e6) + i * 7), "MESSAGE": l}, ensure_ascii=False))
    return out

def journal_verbose(lines, t0=36001.5):
    ts, out = TS(t0), []
    for i, l in enumerate(lines):
        t = ts.next(); s = int(t)
        out.append("Mon 2026-12-07 %02d:%02d:%02d.%06d UTC [s=3f2a9c1d;i=%x;b=5c2e8f0a;m=%x;t=60b2%08x;x=9a1b%04x]" % (s // 3600 % 24, s // 60 % 60, s % 60, int((t - s) * 1e6), 0x4d2 + i, 0x75bcd15 + i * 7, i, i))
        out += ["    _SOURCE_MONOTONIC_TIMESTAMP=%d" % (12345678 + i * 7), "    _TRANSPORT=kernel", "    PRIORITY=4",
                "    SYSLOG_FACILITY=0", "    SYSLOG_IDENTIFIER=kernel", "    MESSAGE=" + l,
                "    _BOOT_ID=5c2e8f0a1b2c4d6e8f0a1b2c3d4e5f60", "    _MACHINE_ID=0d1e2f3a4b5c6d7e8f90a1b2c3d4e5f6", "    _HOSTNAME=rpi3"]
    return out

def iso(lines, t0=1.5):
    ts, out = TS(t0), []
    for l in lines:
        t = ts.next(); s = int(t)
        out.append("2026-12-07T10:%02d:%02d,%06d+01:00 %s" % (s // 60 % 60, s % 60, int((t - s) * 1e6), l))
    return out

def dmesg_T(lines):
    return ["[Mon Dec  7 10:%02d:%02d 2026] %s" % (i // 60 % 60, 11, l) for i, l in enumerate(lines)]

def netcon_ext(lines, seq=2211, usec=51234567):
    return ["4,%d,%d,-;%s" % (seq + i, usec + i * 9, l) for i, l in enumerate(lines)]

def quote(lines, mark="> "): return [mark + l for l in lines]

def write(name, lines, crlf=False, enc="utf-8"):
    data = ("\r\n" if crlf else "\n").join(lines) + ("\r\n" if crlf else "\n")
    with open(name, "wb") as f:
        f.write(data.encode(enc) if enc else data)

BOOT = ["[    0.000000] Booting Linux on physical CPU 0x0000000000 [0x411fd050]",
        "[    0.000000] Linux version 6.1.0 (ci@builder) (gcc (Debian 12.2.0-14) 12.2.0, GNU ld (GNU Binutils for Debian) 2.40) #1 SMP PREEMPT",
        "[    0.000000] Command line: BOOT_IMAGE=/vmlinuz root=/dev/nvme0n1p2 ro console=ttyS0,115200n8 lockdep.prove_locking=1",
        "[    0.412345] random: crng init done",
        "[    2.104512] systemd[1]: Detected architecture x86-64.",
        "[  OK  ] Started Journal Service.",
        "[  OK  ] Reached target Local File Systems.",
        "         Starting Load Kernel Modules...",
        "[   11.902114] i915 0000:00:02.0: [drm] GuC firmware i915/tgl_guc_70.bin version 70.5.1",
        "tgl-ci login: root (automatic login)",
        "root@tgl-ci:~# /usr/libexec/igt-gpu-tools/gem_shrink --run-subtest reclaims-and-oom",
        "IGT-Version: 1.27-gd1b2c3 (x86_64) (Linux: 6.1.0-rc5-CI_DRM_12345-g8a2c1f3b9d4e+ x86_64)",
        "Starting subtest: reclaims-and-oom"]

def main():
    A, Bb, C, D, E, F, G, H, I, J, K, Lr, M, N, O = (L(x) for x in (b.A, b.B, b.C, b.D, b.E, b.F, b.G, b.H, b.I, b.J, b.K, b.L, b.M, b.N, b.O))

    # A: circular, i915
    ia = {A.index("       kmem_cache_alloc_trace+0x2e/0x2c0"): ["e1000e 0000:00:1f.6 eno1: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx"],
          A.index(" #1: ffffffff82b2e3d0 (shrinker_rwsem){++++}-{3:3}, at: shrink_slab+0x88/0x2c0"): ["usb 1-3: new high-speed USB device number 4 using xhci_hcd"],
          A.index(" do_shrink_slab+0x13f/0x2c0"): ["IPv6: ADDRCONF(NETDEV_CHANGE): eno1: link becomes ready"]}
    write("f01-circular-serial-interleaved.log", BOOT + console(A, 123.4, ia) + ["Subtest reclaims-and-oom: SUCCESS (12.345s)"])
    write("f02-circular-journal-short-precise.log", short_precise(A))
    write("f03-circular-journal-json.log", journal_json(A))
    write("f04-circular-syzbot-reply-crlf.txt", ["On Mon, Dec 7, 2026 at 10:12 AM CI Bot <ci@example.org> wrote:", "> Hello,", ">", "> the CI found the following report on drm-tip:", ">"] + quote(console(A, 88.1)) + [">", "", "Looks like the shrinker again; Chris?", ""], crlf=True)
    write("f05-circular-after-kcsan-callerid.log", console(L(b.KCSAN), 120.1, caller="T2876") + console(A, 123.4, caller="T1234"))
    rl = {A.index("-> #0 (&dev->struct_mutex){+.+.}-{3:3}:"): ["i915 0000:00:02.0: [drm] *ERROR* GT0: GUC: CT: Failed to process request 6000 (-EOPNOTSUPP)", "__ratelimit: 12 callbacks suppressed"],
          A.index("2 locks held by kworker/u16:3/1234:"): ["i915_gem_shrinker_scan: 37 callbacks suppressed"],
          A.index(" shrink_slab+0x1c4/0x2c0"): ["printk: systemd-journal: 4 output lines suppressed due to ratelimiting"]}
    write("f06-circular-ratelimit-lines.log", console(A, 123.4, rl))

    # B: recursive, arm64
    write("f07-recursive-dmesg-raw.log", console(Bb, 45.6, level=4))
    write("f08-recursive-dmesg-iso.log", iso(Bb))
    lava = ["+ lava-test-case genpd-suspend --shell ./suspend.sh", "<LAVA_SIGNAL_STARTTC genpd-suspend>", "[   44.100000] PM: suspend entry (s2idle)"]
    write("f09-recursive-after-kasan-kernelci.log", lava + console(L(b.KASAN), 44.2) + ["[   45.000001] Disabling lock debugging due to kernel taint"] + console(Bb, 45.6) + ["<LAVA_SIGNAL_ENDTC genpd-suspend>", "<LAVA_SIGNAL_TESTCASE TEST_CASE_ID=genpd-suspend RESULT=fail>"])

    # C: inconsistent, 4.4
    write("f10-inconsistent-pstore-console-ramoops.txt", ["[  212.118871] e1000: eth0 NIC Link is Up 1000 Mbps Full Duplex, Flow Control: RX"] + console(C, 212.5) + ["[  213.000012] Kernel panic - not syncing: softlockup: hung tasks", "[  213.000100] Kernel Offset: disabled", "[  213.000200] Rebooting in 10 seconds.."])
    write("f11-inconsistent-vmcore-dmesg.txt", console(C, 212.5) + ["[  213.100000] sysrq: SysRq : Trigger a crash"])
    write("f12-inconsistent-tracker-tabs-trailing.txt", ["Steps: run netperf -t UDP_RR against a qemu guest, after ~10 min:", ""] + [("\t" + l.lstrip(" ") if l.startswith("  ") else l) + ("  " if i % 3 == 0 else "\t" if i % 5 == 0 else "") for i, l in enumerate(C)] + ["", "Kernel config attached."])

    # D: hardirq safe/unsafe, arm32 4.19
    uboot = ["U-Boot 2018.09 (Oct 12 2018 - 10:02:11 +0000)", "DRAM:  948 MiB", "RPI 3 Model B (0xa02082)", "Starting kernel ...", "", "[    0.000000] Booting Linux on physical CPU 0x0"]
    write("f13-hardirq-arm32-serial-ptrval.log", uboot + console(D, 3.2, {D.index(" #1: (ptrval) ((work_completion)(&(&host->detect)->work)){+.+.}, at: (ptrval) process_one_work+0x1c4/0x6c8"): ["mmc1: queuing unknown CIS tuple 0x80 (2 bytes)"]}))
    write("f14-hardirq-journal-verbose.log", journal_verbose(D))
    write("f38-hardirq-dmesg-ramoops.txt", ["Oops#1 Part1"] + console(D, 3.2))

    # E: RCU, ppc64
    ie = {E.index(" #1: c00000000ff1a0b0 (&dev->addr_list_lock_key){+...}-{2:2}, at: dev_uc_sync+0x50/0xd0"): ["ibmveth 30000002 eth0: Link is up"],
          E.index("[c00000001d7e7720] [c000000000ab1234] do_setlink+0x84/0xf80"): ["rcu: INFO: rcu_sched self-detected stall on CPU"]}
    write("f15-rcu-ppc64-console-interleaved.log", console(E, 812.3, ie))
    write("f16-rcu-netconsole-extended.log", netcon_ext(E))

    # F: bad unlock, s390
    write("f17-badunlock-s390-raw-nots.log", ["<6>qeth 0.0.f500: MAC address 02:00:00:1a:2b:3c successfully registered"] + ["<4>" + l for l in F])
    write("f18-badunlock-journal-json.log", journal_json(F, mono=7000.1))

    # G: held lock freed, riscv
    harness = ["+ echo 1-1 > /sys/bus/usb/drivers/usb/unbind", "<LAVA_SIGNAL_STARTTC usb-unbind>"]
    gi = {G.index("[<ffffffff8062c3a2>] device_release+0x30/0x84"): ["@+ sleep 1"], G.index(" #1: ff60000083a1d0c0 (&dev->mutex){+.+.}-{3:3}, at: usb_disconnect+0x5e/0x2a0"): ["@<LAVA_SIGNAL_TESTCASE TEST_CASE_ID=usb-bind RESULT=pass>"]}
    write("f19-heldfreed-riscv-kernelci.log", harness + console(G, 301.7, gi) + ["<LAVA_SIGNAL_ENDTC usb-unbind>"])
    write("f20-heldfreed-crlf-tabs.txt", ["Hi, got this on our VisionFive2 board:", ""] + [l.replace("        ", "\t") + " " for l in console(G, 301.7)], crlf=True)

    # H: user return, syzbot
    syz = ["Hello,", "", "syzbot found the following issue on:", "", "HEAD commit:    0abcde123456 Merge tag 'pipe-fixes'", "git tree:       upstream",
           "console output: https://syzkaller.appspot.com/x/log.txt?x=12a3b4c5d6e7f800", "dashboard link: https://syzkaller.appspot.com/bug?extid=0123456789abcdef0123",
           "", "IMPORTANT: if you fix the issue, please add the following tag to the commit:", "Reported-by: syzbot+0123456789abcdef0123@syzkaller.appspotmail.com", ""]
    write("f21-userret-syzbot-mail.txt", syz + H + ["", "", "---", "This report is generated by a bot. It may contain errors."])
    write("f22-userret-syzbot-reply-quoted.txt", ["On Tue, 07 Dec 2026 syzbot wrote:"] + quote(syz + H + [""], "> ") + ["", "Does this still happen with the patch below?", ""])

    # I: invalid wait, UTF-8 comm
    write("f23-invalidwait-utf8-comm.log", console(I, 55.5))
    moj = [l.encode("utf-8").decode("latin-1") for l in I]
    write("f24-invalidwait-mojibake-short-precise.log", short_precise(moj))

    # J: nested lock
    write("f25-nested-console.log", console(J, 1500.1, {J.index(" #0: ffffc90001b4e188 (&kvm->srcu){....}-{0:0}, at: kvm_nx_lpage_recovery_worker+0x55/0x2b0 [kvm]"): ["kvm: vcpu 0: requested 191999 ns lapic timer period limited to 200000 ns"]}))
    # K: still has locks held, comm with a space
    write("f26-stillheld-dmesg-T.log", dmesg_T(K))
    # L: irq inversion, 4.9
    write("f27-irqinv-console.log", console(Lr, 612.0))
    # M: bad contention, i686
    write("f28-contention-i686-console.log", console(M, 33.3))
    # N: hung task with all locks
    write("f29-hungtask-console.log", console(N, 245.9, {N.index("Showing all locks held in the system:"): ["INFO: task dd:2188 blocked for more than 122 seconds."]} if False else None))
    # O: circular, (____ptrval____), early boot
    write("f30-circular-ptrval-console.log", console(O, 1.23))
    write("f31-circular-ptrval-short-monotonic.log", ["[%12.6f] qemu kernel: %s" % (1.23 + i * 7e-6, l) for i, l in enumerate(O)])

    # negatives and neighbours
    write("f32-assert-held-warning.log", console(L(b.ASSERT_HELD), 77.7))
    write("f33-sleeping-with-held-locks.log", console(L(b.SLEEPING), 80.0))
    write("f34-max-entries-turnoff.log", console(L(b.MAXENT), 9999.9))
    write("f35-assert-held-then-rcu.log", console(L(b.ASSERT_HELD), 811.0) + console(E, 812.3))
    write("f36-kasan-then-circular-raw.log", console(L(b.KASAN), 120.0, level=3) + console(A, 123.4, level=4))
    write("f37-rcu-dmesg-iso.log", iso(E, t0=12.0))

main()
