#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# gen.py: writes the parse-forms3 inputs (NAME.log) and their hand labels
# (NAME.expected) from the clean reports in base/ passed through the
# transports below (console, dmesg, mail, trackers, Android, kdump, ...).
# Run from this directory; the output is committed, this is its record.
import json, os, re, textwrap

BASE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "base")


def base(name):
    with open(os.path.join(BASE, name + ".txt")) as f:
        return f.read().split("\n")[:-1]


def label(name):
    with open(os.path.join(BASE, name + ".json")) as f:
        return json.load(f)


class Clock:
    def __init__(self, t):
        self.t = t

    def tick(self, d=0.000004):
        self.t += d
        return self.t


def ts(t):
    return "[%5d.%06d]" % (int(t), round((t - int(t)) * 1e6) % 1000000)


def records(lines):
    """Group lines into printk records: blank lines start a record
    ("\\nbut task is already holding lock:") that the next line ends."""
    out, cur = [], []
    for l in lines:
        if l == "":
            cur.append(l)
            continue
        cur.append(l)
        out.append(cur)
        cur = []
    if cur:
        out.append(cur)
    return out


def console(lines, clk, caller=None, lvl=""):
    out = []
    for l in lines:
        p = ts(clk.tick())
        if caller:
            p += "[%6s]" % caller
        out.append((lvl + p + " " + l).rstrip() if l else lvl + p)
    return out


def dmesg_util(lines, clk, lvl="", caller=None):
    """util-linux dmesg: prefix once per record, continuation lines
    indented to the prefix width."""
    out = []
    for rec in records(lines):
        p = lvl + ts(clk.tick())
        if caller:
            p += " [%6s]" % caller
        first = rec[0]
        out.append(p + " " + first if first else p)
        for l in rec[1:]:
            out.append(" " * (len(p) + 1) + l if l else "")
    return out


def wrap(lines, width):
    out = []
    for l in lines:
        while len(l) > width:
            cut = l.rfind(" ", 0, width)
            if cut <= 0:
                break
            out.append(l[:cut])
            l = l[cut + 1:]
        out.append(l)
    return out


def quote(lines, q="> "):
    return [(q + l).rstrip() if l else q.rstrip() for l in lines]


def indent(lines, n):
    return [" " * n + l if l else "" for l in lines]


def write(name, text, reports, crlf=False):
    d = os.path.dirname(os.path.abspath(__file__))
    data = "\n".join(text) + "\n"
    if crlf:
        data = data.replace("\n", "\r\n")
    with open(os.path.join(d, name + ".log"), "w", newline="") as f:
        f.write(data)
    with open(os.path.join(d, name + ".expected"), "w") as f:
        json.dump({"reports": reports}, f, indent=1)
        f.write("\n")


BOOT = [
    "Linux version 6.6.0-rc4-next-20231005 (builder@ci) (gcc (Debian 13.2.0-4) 13.2.0, GNU ld (GNU Binutils for Debian) 2.41) #1 SMP PREEMPT_DYNAMIC Thu Oct  5 10:00:00 UTC 2023",
    "Command line: BOOT_IMAGE=/vmlinuz root=/dev/vda1 console=ttyS0,115200 lockdep.prove_locking=1",
    "BIOS-provided physical RAM map:",
]
TAIL = [
    "e1000e 0000:00:19.0 eth0: NIC Link is Up 1000 Mbps Full Duplex, Flow Control: Rx/Tx",
    "IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready",
]


def strip_blank_edges(lines):
    while lines and lines[0] == "":
        lines = lines[1:]
    while lines and lines[-1] == "":
        lines = lines[:-1]
    return lines


def main():
    A, B, C, D, D2, D3 = (base(n) for n in ("A", "B", "C", "D", "D2", "D3"))
    E, F, G, H, I, J = (base(n) for n in ("E", "F", "G", "H", "I", "J"))
    K, K2, L, M, N, P = (base(n) for n in ("K", "K2", "L", "M", "N", "P"))
    Q, R, S = (base(n) for n in ("Q", "R", "S"))
    lab = {n: label(n) for n in "A B C D D2 D3 E F G H I J K K2 L M N P Q R S".split()}

    # 01: serial console with PRINTK_CALLER ids, boot lines around it.
    c = Clock(1842.700001)
    t = console(BOOT, Clock(0.0), caller="T0")
    t += console(["systemd[1]: Started Journal Service."], c, caller="T1")
    t += console(A, c, caller="T98")
    t += console(TAIL, c, caller="T311")
    write("a01-console-callerid", t, [lab["A"]])

    # 02: a GitHub issue: prose, a fenced block of util-linux dmesg.
    c = Clock(1842.700001)
    t = ["### Describe the bug", "",
         "After upgrading to next-20231005, kswapd triggers a lockdep splat as soon as memory",
         "pressure starts (running `stress-ng --vm 4`). Full `dmesg` below:", "", "```"]
    t += dmesg_util(A, c)
    t += ["```", "", "### Environment", "", "- xfs on virtio-blk, 4 vCPUs, 2 GiB", ""]
    write("a02-github-fenced", t, [lab["A"]])

    # 03: two boots: the first report is cut by a reboot inside #0's
    # trace, the console then shows the next boot from 0.
    c = Clock(611.204001)
    cut = A.index("       xfs_icwalk+0x4c/0xd0 [xfs]")
    t = console(A[:cut], c)
    t += ["", "U-Boot SPL 2023.07 (Oct 05 2023 - 10:00:00 +0000)"]
    t += console(BOOT, Clock(0.0))
    t += console(A, Clock(1280.550001))
    a_cut = dict(lab["A"], held_locks=None)
    write("a03-two-boots", t, [a_cut, lab["A"]])

    # 04: Intel CI: dmesg -r with <N> levels, IGT lines between records.
    c = Clock(355.437866)
    t = dmesg_util(["[IGT] gem_mmap_gtt: executing"], c, lvl="<7>")
    t += dmesg_util(["[IGT] gem_mmap_gtt: starting subtest fault-concurrent"], c, lvl="<7>")
    rb = dmesg_util(B, c, lvl="<4>")
    rb.insert(30, "<6>[  355.438102] i915 0000:00:02.0: [drm] GT0: GuC firmware i915/tgl_guc_70.bin version 70.5.1")
    t += rb
    t += dmesg_util(["[IGT] gem_mmap_gtt: exiting, ret=0"], c, lvl="<7>")
    write("b04-dmesg-r-intel-ci", t, [lab["B"]])

    # 05: lkml reply quoting the report, wrapped at 72 by the sender's
    # mail client and then quoted.
    c = Clock(88.120301)
    t = ["On Tue, Nov 02, 2021 at 10:21:33AM +0100, CI Bug Log wrote:"]
    t += quote(wrap(console(B, c), 72))
    t += ["", "This is the old relocation path taking mmap_lock under vm->mutex;",
          "the fix is to pre-fault the relocation entries. Patch follows.", "", "-Chris"]
    write("b05-lkml-quoted-wrap72", t, [lab["B"]])

    # 06: a reply to a reply: the report is quoted twice ("> > "), it
    # was wrapped at 78 by the first poster.
    c = Clock(201.338112)
    t = ["On 12/3/15 4:10 PM, Al Viro wrote:",
         "> On Thu, Dec 03, 2015 at 03:55:01PM -0800, Tester wrote:",
         "> > Running renameat2 tests on today's tree:", "> >"]
    t += quote(quote(wrap(console(C, c), 78)))
    t += [">", "> Looks like lock_rename() on two directories of the same fs where",
          "> the subclasses were not set. Which filesystem is that?", "",
          "overlayfs on top of tmpfs, the upper dir is the same as the work dir."]
    write("c06-lkml-nested-quote-wrap78", t, [lab["C"]])

    # 07: the 4.4 console as it was, bracketed banner, raw stack words.
    t = console(C, Clock(201.338112))
    write("c07-console-4.4-bracketed", t, [lab["C"]])

    # 08: Android logcat -b kernel (threadtime): logd splits a leading
    # "word:" off as a tag, the rest of the line is the message.
    t = ["--------- beginning of kernel"]
    tm = 0
    for l in D:
        tm += 1
        m = re.match(r"^([A-Za-z][A-Za-z0-9_.-]{0,22}): (.*)$", l)
        tag, msg = (m.group(1), m.group(2)) if m else ("", l)
        t.append("12-07 10:11:%02d.%03d     0     0 W %-8s: %s" % (12 + tm // 1000, tm % 1000, tag, msg))
    write("d08-android-logcat-kernel", t, [lab["D"]])

    # 09: an Android bugreport's dmesg: caller ids, softirq context C0.
    t = console(["binder: 1221:1300 ioctl c0306201 7a2c3e90 returned -14"], Clock(4021.0111), caller="T1300")
    t += console(D, Clock(4021.113001), caller="C0")
    t += console(["healthd: battery l=81 v=4102 t=31.2 h=2 st=3 c=-312500 fc=4451000 cc=12 chg="], Clock(4021.2), caller="T532")
    write("d09-android-dmesg-caller-C0", t, [lab["D"]])

    # 10: a noisy serial line: characters dropped or doubled in the free
    # text (hardware name, register dump, irq stamps), systemd output.
    noisy = []
    for l in D2:
        if l.startswith("Hardware name:"):
            l = l.replace("LENOVO", "LENOOVO").replace("BIOS", "BIS")
        elif l.startswith("RSP:"):
            l = l.replace("EFLAGS", "EFLLAGS")
        elif l.startswith("Code:"):
            l = l[:60] + l[61:]
        elif l.startswith("softirqs last  enabled"):
            l = l.replace("enabled", "enaabled")
        noisy.append(l)
    c = Clock(14.882010)
    t = console(noisy[:40], c)
    t += ["[  OK  ] Started Load Kernel Modules."]
    t += console(noisy[40:55], c)
    t += ["         Starting Apply Kernel Variables..."]
    t += console(noisy[55:], c)
    write("d2-10-serial-noise", t, [lab["D2"]])

    # 11: PuTTY log of the serial console: header, CR CR LF endings.
    t = ["=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2020.11.12 14:03:22 =~=~=~=~=~=~=~=~=~=~=~="]
    t += console(D2, Clock(14.882010))
    write("d2-11-putty-log", [l + "\r" for l in t], [lab["D2"]], crlf=True)

    # 12: a bugzilla attachment saved on Windows (CRLF).
    t = console(D3, Clock(2461.009911))
    write("d3-12-bugzilla-crlf", t, [lab["D3"]], crlf=True)

    # 13: the same 4.9 report quoted in a reply, not wrapped.
    t = ["On Thu, Nov 17, 2016 at 09:02:11PM +0100, Dave Tester wrote:",
         "> With next-20161117 I get this on every kswapd run:", ">"]
    t += quote(console(D3, Clock(2461.009911)))
    t += ["", "That's the known false positive of the reclaim annotation, see the",
          "KM_NOFS discussion."]
    write("d3-13-lkml-quoted", t, [lab["D3"]])

    # 14: a GitHub comment with the log as an indented (4 blanks)
    # markdown code block; the report was printed from an irq (C1).
    t = ["I see the same thing on 6.3-rc1 with a userfaultfd test:", ""]
    t += indent(console(E, Clock(73.556012), caller="C1"), 4)
    t += ["", "Happens once per boot."]
    write("e14-github-indented-caller", t, [lab["E"]])

    # 15: crash> log -m (level after the timestamp) from a vmcore.
    t = ["crash> log -m | tail -220"]
    c = Clock(9876.040012)
    for l in F:
        t.append("%s <4>%s" % (ts(c.tick()), l) if l else "%s <4>" % ts(c.tick()))
    t += ["crash> "]
    write("f15-crash-log-m", t, [lab["F"]])

    # 16: a syzkaller console log: executor lines between kernel lines.
    c = Clock(88.301200)
    t = ["2019/11/25 10:01:02 executing program 2:",
         "r0 = socket$unix(0x1, 0x2, 0x0)",
         "sendmmsg$unix(r0, &(0x7f0000003e40)=[{0x0, 0x0, 0x0}], 0x1, 0x0)"]
    kf = console(F, c)
    kf.insert(20, "2019/11/25 10:01:02 executing program 5:")
    kf.insert(21, "r0 = socket$inet_tcp(0x2, 0x1, 0x0)")
    t += kf
    write("f16-syzkaller-console", t, [lab["F"]])

    # 17: a GitHub issue, ```text fence, the whole paste indented by two.
    t = ["**Kernel:** 6.8.0-rc5, liburing test suite `register-restrictions.t`", "", "```text"]
    t += indent(dmesg_util(G, Clock(512.77001)), 2)
    t += ["```"]
    write("g17-github-fenced-indented", t, [lab["G"]])

    # 18: kselftest runner output: each line of the test's output
    # (here it cats the kernel log) behind "# ".
    t = ["TAP version 13", "1..1", "# selftests: io_uring: exit_work.sh", "# dumping the kernel log:"]
    t += ["# " + l for l in console(G, Clock(512.77001))]
    t += ["not ok 1 selftests: io_uring: exit_work.sh # exit=1"]
    write("g18-kselftest-hash-prefix", t, [lab["G"]])

    # 19: syzbot's report mail.
    SYZ_HEAD = ["Hello,", "", "syzbot found the following issue on:", "",
                "HEAD commit:    8a9c6c40432e Merge tag 'io_uring-6.10-20240703' of git://git.kernel.dk/linux",
                "git tree:       upstream",
                "console output: https://syzkaller.appspot.com/x/log.txt?x=13a8f2e1980000",
                "kernel config:  https://syzkaller.appspot.com/x/.config?x=42a432cfd0e579e0",
                "dashboard link: https://syzkaller.appspot.com/bug?extid=8e1a3b2c4d5f6a7b8c9d",
                "compiler:       Debian clang version 15.0.6, GNU ld (GNU Binutils for Debian) 2.40",
                "", "Unfortunately, I don't have any reproducer for this issue yet.", "",
                "IMPORTANT: if you fix the issue, please add the following tag to the commit:",
                "Reported-by: syzbot+8e1a3b2c4d5f6a7b8c9d@syzkaller.appspotmail.com", ""]
    SYZ_TAIL = ["", "", "---", "This report is generated by a bot. It may contain errors.",
                "See https://goo.gl/tpsmEJ for more information about syzbot.",
                "syzbot engineers can be reached at syzkaller@googlegroups.com.", "",
                "syzbot will keep track of this issue. See:",
                "https://goo.gl/tpsmEJ#status for how to communicate with syzbot."]
    t = SYZ_HEAD + H + SYZ_TAIL
    write("h19-syzbot-mail", t, [lab["H"]])

    # 20: a reply to the syzbot mail, quoting it.
    t = ["On Thu, 04 Jul 2024 02:12:20 -0700, syzbot wrote:"]
    t += quote(SYZ_HEAD[:16] + H[:40])
    t += ["> [...]", "", "hci_release_dev() frees hdev while hci_dev_close_sync() still holds",
          "hdev->lock; the put must move after hci_dev_unlock(). #syz test"]
    h_trim = dict(lab["H"])
    write("h20-syzbot-mail-quoted", t, [h_trim])

    # 21: two boots: the report is in the first, then the machine
    # restarts and timestamps begin again at 0.
    t = console(I, Clock(77.003001))
    t += console(["reboot: Restarting system"], Clock(80.1))
    t += console(BOOT, Clock(0.0))
    write("i21-two-boots", t, [lab["I"]])

    # 22: git log: a commit message (indented by 4) quoting the report
    # indented by 2 more, timestamps cut.
    t = ["commit 5e0b2c1d7a3f9e8d6c5b4a3928171605f4e3d2c1",
         "Author: Pavel Tester <pavel@example.com>",
         "Date:   Tue Feb 7 11:02:03 2023 +0000", "",
         "    io_uring: drop uring_lock before returning from io_submit_sqes()", "",
         "    fio with sqpoll disabled hits:", ""]
    t += indent(strip_blank_edges(I), 6)
    t += ["", "    Fixes: 0a1b2c3d4e5f (\"io_uring: batch submissions\")",
          "    Signed-off-by: Pavel Tester <pavel@example.com>", ""]
    write("i22-git-log-message", t, [lab["I"]])

    # 23: riscv console with another CPU's lines between frames.
    c = Clock(12.407711)
    rj = console(J, c)
    rj.insert(14, ts(c.t) + " virtio_blk virtio1: [vda] 4194304 512-byte logical blocks (2.15 GB/2.00 GiB)")
    rj.insert(17, ts(c.t) + " EXT4-fs (vda1): unmounting filesystem 8a9b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d.")
    write("j23-riscv-console-interleaved", rj, [lab["J"]])

    # 24: a patch mail: the report in the changelog (indented by two,
    # no timestamps), then the diff.
    t = ["From: Jan Tester <jan@example.com>",
         "Subject: [PATCH] jbd2: release j_checkpoint_mutex on the exit path", "",
         "When the journal thread exits after an aborted flush it keeps",
         "j_checkpoint_mutex and lockdep reports:", ""]
    t += indent(strip_blank_edges(J), 2)
    t += ["", "Release it before kthread_exit().", "",
          "Signed-off-by: Jan Tester <jan@example.com>", "---",
          " fs/jbd2/journal.c | 1 +", " 1 file changed, 1 insertion(+)", "",
          "diff --git a/fs/jbd2/journal.c b/fs/jbd2/journal.c",
          "--- a/fs/jbd2/journal.c", "+++ b/fs/jbd2/journal.c",
          "@@ -2491,6 +2491,7 @@ int jbd2_journal_flush(journal_t *journal, unsigned int flags)",
          " \tif (is_journal_aborted(journal))",
          " \t\treturn -EIO;",
          "+\tmutex_unlock(&journal->j_checkpoint_mutex);",
          " \tmutex_lock_io(&journal->j_checkpoint_mutex);",
          " \tif (!err) {", "--", "2.43.0"]
    write("j24-patch-mail", t, [lab["J"]])

    # 25: powerpc console.
    write("k25-ppc-console", console(K, Clock(33.100012)), [lab["K"]])

    # 26: the same quoted in a reply and wrapped at 72.
    t = ["Michael Tester <mt@example.com> writes:", "> Seen on a P9 guest with CONFIG_PROVE_RCU:"]
    t += quote(wrap(console(K, Clock(33.100012)), 72))
    t += ["", "addrconf_dad_begin() needs rtnl held there, it is a real bug."]
    write("k26-ppc-lkml-wrap72", t, [lab["K"]])

    # 27: two reports back to back, a console that lost every blank
    # record: an RCU report (which leaves lockdep on), then a circular.
    c = Clock(1840.003001)
    t = console([l for l in K2 if l], c) + console([l for l in A if l], c)
    write("k2a27-back-to-back-no-blanks", t, [lab["K2"], lab["A"]])

    # 28: util-linux dmesg of the wireguard RCU report (a class name
    # of 400 characters).
    write("k2-28-dmesg-long-class", dmesg_util(K2, Clock(1840.003001)), [lab["K2"]])

    # 29: journalctl -k (short) with the host name.
    t = []
    for l in L:
        t.append(("Dec 07 10:02:%02d debian12 kernel: %s" % (11, l)).rstrip())
    write("l29-journalctl-hung", t, [lab["L"]])

    # 30: console: the hung task report with another CPU's lines and a
    # second hung task that holds no locks.
    c = Clock(1233.900101)
    extra = ["INFO: task sync:3402 blocked for more than 122 seconds.",
             "      Not tainted 6.1.0-13-amd64 #1 Debian 6.1.55-1",
             "\"echo 0 > /proc/sys/kernel/hung_task_timeout_secs\" disables this message.",
             "task:sync            state:D stack:0     pid:3402  ppid:3390   flags:0x00004002",
             "Call Trace:", " <TASK>", " __schedule+0x351/0xa20", " schedule+0x5d/0xe0",
             " wb_wait_for_completion+0x82/0xb0", " sync_inodes_sb+0xdb/0x2b0",
             " iterate_supers+0x9b/0x100", " ksys_sync+0x40/0xa0", " __do_sys_sync+0xa/0x20",
             " do_syscall_64+0x5b/0xc0", " entry_SYSCALL_64_after_hwframe+0x64/0xce", " </TASK>"]
    hl = L[:L.index("Showing all locks held in the system:") - 1]
    rest = L[len(hl):]
    t = console(hl, c)
    t += [ts(c.t) + " e1000e 0000:00:19.0 eth0: Detected Hardware Unit Hang:"]
    t += console(extra + rest, c)
    write("l30-console-two-hung", t, [lab["L"], {"kind": "hung_task_all_locks", "chain": [], "held_locks": [], "task": "sync", "pid": 3402, "culprit": "sync_inodes_sb", "kernel": "6.1.0-13-amd64"}])

    # 31: bugzilla, CRLF, a RHEL 7 console.
    write("m31-bugzilla-crlf-rhel7", console(M, Clock(5521.88001)), [lab["M"]], crlf=True)

    # 32: RHEL 7 /var/log/messages.
    t = ["Dec  7 10:00:%02d rhel7-test kernel: %s" % (1, l) for l in M]
    write("m32-var-log-messages", [l.rstrip() for l in t], [lab["M"]])

    # 33: dmesg -r of a 6.12 kernel with caller ids.
    write("n33-dmesg-r-caller", dmesg_util(N, Clock(3.882100), lvl="<4>", caller="C3"), [lab["N"]])

    # 34: a GitLab CI job log: ANSI colours, section markers, CR.
    t = ["\x1b[0Ksection_start:1733565600:boot_qemu\r\x1b[0K\x1b[36;1mBooting the kernel\x1b[0;m"]
    t += ["\x1b[32m" + l + "\x1b[0m" for l in console(N, Clock(3.882100))]
    t += ["\x1b[0Ksection_end:1733565660:boot_qemu\r\x1b[0K"]
    write("n34-gitlab-ansi", t, [lab["N"]])

    # 35: syzbot's mail of the ntfs3 report.
    t = SYZ_HEAD[:4] + ["HEAD commit:    bee0e7762ad2 Merge tag 'for-linus-iommufd' of git://git.kernel.org/pub/scm/linux/kernel/git/jgg/iommufd",
                        "git tree:       upstream"] + SYZ_HEAD[10:] + P + SYZ_TAIL
    write("p35-syzbot-mail-inline", t, [lab["P"]])

    # 36: the syzkaller console of it: caller ids, executor lines.
    c = Clock(109.551003)
    rp = console(P, c, caller="T5123")
    rp.insert(12, ts(c.t) + "[ T5130] ntfs3: loop0: Different NTFS sector size (4096) and media sector size (512).")
    t = ["2023/12/08 10:11:12 executing program 0:"] + rp
    write("p36-syzkaller-console-caller", t, [lab["P"]])

    # 37: arm64 console.
    write("q37-arm64-console", console(Q, Clock(6.204401)), [lab["Q"]])

    # 38: arm64 in a GitHub fence, pasted from a terminal session.
    t = ["```console", "$ dmesg | tail -n 120"] + dmesg_util(Q, Clock(6.204401)) + ["$ ", "```"]
    write("q38-github-terminal", t, [lab["Q"]])

    # 39: powerpc inconsistent lock state in a hardirq.
    write("r39-ppc-console-interrupt", console(R, Clock(412.3001)), [lab["R"]])

    # 40: the same quoted and wrapped at 78.
    t = ["On Wed, Jun 21, 2023 at 11:02:01AM +1000, Nick Tester wrote:"]
    t += quote(wrap(console(R, Clock(412.3001)), 78))
    t += ["", "stats_lock needs the irqsave variant in ibmvnic_get_stats64()."]
    write("r40-ppc-lkml-wrap78", t, [lab["R"]])

    # 41: s390 console (trailing blanks after the frames).
    write("s41-s390-console", console(S, Clock(1123.400101)), [lab["S"]])

    # 42: s390 in a reply, wrapped at 72.
    t = ["On 7/28/21 4:01 PM, Halil Tester wrote:"]
    t += quote(wrap(console(S, Clock(1123.400101)), 72))
    t += ["", "We take kvm->lock under pqap_hook_rwsem in the vfio_ap path."]
    write("s42-s390-lkml-wrap72", t, [lab["S"]])

    # Non-reports.
    for z, nm in (("Z1", "z43-selftest-table"), ("Z2", "z44-non-static-key"),
                  ("Z3", "z45-hung-without-lock-dump"), ("Z4", "z46-debug-locks-warn-on"),
                  ("Z5", "z47-sleeping-in-atomic-held-locks"), ("Z6", "z48-sysrq-show-locks")):
        write(nm, console(base(z), Clock(300.000101)), [])
    write("z49-mail-prose", base("Z7"), [])



def main2():
    """The second batch, labelled and committed before any run of it."""
    B, D, G, M, Q = (base(n) for n in ("B", "D", "G", "M", "Q"))
    T, U, V, W, X, Y = (base(n) for n in ("T", "U", "V", "W", "X", "Y"))
    lab = {n: label(n) for n in "B D G M Q T U V W X Y".split()}

    # 50: Amlogic vendor kernels print the CPU after the timestamp.
    c = Clock(6.204401)
    t = ["[%5d.%06d@1] %s" % (int(c.t), 0, "meson-drm ff900000.vpu: CVBS Output connector not available")]
    for l in Q:
        x = c.tick()
        t.append(("[%5d.%06d@1] %s" % (int(x), round((x - int(x)) * 1e6), l)).rstrip())
    write("q50-amlogic-cpu-in-timestamp", t, [lab["Q"]])

    # 51: MediaTek's printk prefix: (cpu)[pid:comm] glued to the text.
    c = Clock(4021.113001)
    t = [ts(c.tick()) + " (1)[1300:Binder:1221_2]binder: 1221:1300 transaction failed 29189/-22"]
    t += [ts(c.tick()) + " (0)[0:swapper/0]" + l for l in D]
    write("d51-mediatek-prefix", t, [lab["D"]])

    # 52: Samsung Exynos kernels: [cpu:  comm:  pid] after the timestamp.
    c = Clock(4021.113001)
    t = [("<4>%s  [0:%15s:%5d] %s" % (ts(c.tick()), "swapper/0", 0, l)).rstrip() for l in D]
    write("d52-samsung-prefix", t, [lab["D"]])

    # 53: OpenWrt logread (busybox syslog with facility.level).
    c = Clock(53.120001)
    t = ["Mon Dec  7 10:00:%02d 2026 kern.warn kernel: %s %s" % (int(c.tick() - 53) + 10, ts(c.t), l) for l in T]
    t = [l.rstrip() for l in t]
    t.insert(30, "Mon Dec  7 10:00:10 2026 daemon.notice netifd: Network device 'wlan0' link is up")
    write("t53-openwrt-logread", t, [lab["T"]])

    # 54: ChromeOS /var/log/messages: ISO time, level word, "kernel:".
    c = Clock(88.120301)
    t = ["2026-12-07T10:00:01.%06dZ WARNING kernel: %s %s" % (int((c.tick() % 1) * 1e6), ts(c.t), l) for l in B]
    t = [l.rstrip() for l in t]
    t.insert(3, "2026-12-07T10:00:01.120400Z INFO powerd: [daemon.cc(1123)] Battery at 81.2%")
    write("b54-chromeos-messages", t, [lab["B"]])

    # 55: util-linux dmesg --json.
    c = Clock(512.77001)
    recs = []
    for rec in records(G):
        recs.append({"pri": 4, "time": round(c.tick(), 6), "msg": "\n".join(rec)})
    t = ["{", '   "dmesg": [']
    for i, r in enumerate(recs):
        t += ["      {", '         "pri": %d,' % r["pri"], '         "time": %12.6f,' % r["time"],
              '         "msg": %s' % json.dumps(r["msg"]), "      }" + ("," if i + 1 < len(recs) else "")]
    t += ["   ]", "}"]
    write("g55-dmesg-json", t, [lab["G"]])

    # 56: a bugzilla XML export: the comment text with XML entities.
    def xml(l):
        return l.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    t = ['<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>', "<bugzilla>", "<bug>",
         "<bug_id>1983321</bug_id>", "<long_desc isprivate=\"0\">", "<who name=\"QE\">qe@example.com</who>",
         "<thetext>Seen during splice tests on the debug kernel:", ""]
    t += [xml(l) for l in console(M, Clock(5521.88001))]
    t[-1] += "</thetext>"
    t += ["</long_desc>", "</bug>", "</bugzilla>"]
    write("m56-bugzilla-xml", t, [lab["M"]])

    # 57: the HARDIRQ-safe -> unsafe report on a console.
    write("w57-console", console(W, Clock(42.500003)), [lab["W"]])

    # 58: the same in a reply, wrapped at 72.
    t = ["On Tue, Nov 22, 2022 at 03:11:10PM +0200, Andy Tester wrote:"]
    t += quote(wrap(console(W, Clock(42.500003)), 72))
    t += ["", "irq_set_wake must not call into the gpio direction path."]
    write("w58-lkml-wrap72", t, [lab["W"]])

    # 59: syzbot's mail of a nested-lock report.
    t = ["Hello,", "", "syzbot found the following issue on:", "",
         "HEAD commit:    5b4c3d2e1f0a Merge tag 'mm-hotfixes-stable'",
         "git tree:       upstream", "", "Reported-by: syzbot+0a1b2c3d4e5f60718293@syzkaller.appspotmail.com", ""]
    t += X + ["", "", "---", "This report is generated by a bot. It may contain errors."]
    write("x59-syzbot-mail-nested", t, [lab["X"]])

    # 60: a forum post that stripped every line's leading blanks.
    t = ["Posted: Sun Jul 17, 2022 9:14 pm", "[code]"]
    t += [l.lstrip() for l in dmesg_util(Y, Clock(311.2))]
    t += ["[/code]", "Any idea? Firefox freezes right after this."]
    write("y60-forum-leading-blanks-lost", t, [lab["Y"]])

    # 61: sparc64 console.
    write("u61-sparc64-console", console(U, Clock(2.118001)), [lab["U"]])

    # 62: dmesg -w piped through moreutils' ts.
    c = Clock(812.330001)
    t = ["Dec 07 10:13:%02d %s %s" % (int(c.tick() - 812) + 30, ts(c.t), l) for l in V]
    write("v62-dmesg-w-ts", [l.rstrip() for l in t], [lab["V"]])

    # 63: MIPS console as is.
    write("t63-mips-console", console(T, Clock(53.120001)), [lab["T"]])

    # 64: a non-report: lockdep ran out of chain hlocks.
    write("z64-max-chain-hlocks", console(base("Z8"), Clock(900.1)), [])


main()
main2()
