#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# Round 2 forms (g*): see make.py; labels in LABELS, "round 2" section.
import sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bases as b, bases2 as b2
from make import L, console, write, quote, TS

def short_full(lines, host="fc39"):
    return ["Mon 2026-12-07 10:00:%02d UTC %s kernel: %s" % (i // 20, host, l) for i, l in enumerate(lines)]
def short_unix(lines, host="fc39"):
    return ["%.6f %s kernel: %s" % (1765101601.5 + i * 7e-6, host, l) for i, l in enumerate(lines)]
def short_delta(lines, host="fc39"):
    return ["[%12.6f <%12.6f>] %s kernel: %s" % (61.5 + i * 7e-6, 7e-6 if i else 0, host, l) for i, l in enumerate(lines)]
def dmesg_d(lines):
    return ["[%12.6f <%12.6f>] %s" % (61.5 + i * 7e-6, 7e-6 if i else 0, l) for i, l in enumerate(lines)]
def kmsg_caller(lines, caller="T5123"):
    return ["4,%d,%d,-,caller=%s;%s" % (9000 + i, 8123456 + i * 7, caller, l) for i, l in enumerate(lines)]

def main():
    P, Q, S, T = (L(x) for x in (b2.P, b2.Q, b2.S, b2.T))
    A, G, I = L(b.A), L(b.G), L(b.I)
    write("g01-circular3-syzbot-console.log", console(P, 301.2, caller="T5123"))
    write("g02-circular3-kmsg-caller.log", kmsg_caller(P))
    write("g03-circular3-github-fence.md", ["### Describe the bug", "", "Mounting a crafted hfsplus image and truncating deadlocks:", "", "```"] + P + ["```", "", "> this looks like the one in #1234", ""])
    write("g04-circular-short-full.log", short_full(A))
    write("g05-circular-short-unix.log", short_unix(A))
    write("g06-circular-short-delta.log", short_delta(A))
    write("g07-heldfreed-dmesg-delta.log", dmesg_d(G))
    write("g08-hungtask414-console.log", console(Q, 245.1))
    write("g09-hungtask414-panic-ramoops.txt", ["Panic#1 Part1"] + console(Q, 245.1) + ["[  245.200000] Kernel panic - not syncing: hung_task: blocked tasks"])
    write("g10-recursive-rhel7-bom-crlf.txt", ["\ufeff" + console(S, 18.4)[0]] + console(S, 18.4)[1:], crlf=True)
    write("g11-recursive-rhel7-serial-crcrlf.log", [l + "\r" for l in console(S, 18.4)])
    write("g12-rcu612-console.log", console(T, 4400.0))
    write("g13-kcsan-with-held-locks.log", console(L(b2.KCSAN_HELD), 900.0))
    write("g14-hung-task-without-dump.log", console(L(b2.HUNG_NOLOCKS), 245.0))
    write("g15-invalidwait-quoted-twice.txt", ["On Tue, Dec 8 Bob wrote:", "> On Mon, Dec 7 Alice wrote:"] + quote(quote(console(I, 55.5), "> "), "> ") + ["> ", "> Is this the console lock again?", "", "Yes, see the fix in tty-next."])
main()
