#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# bench/blackbox/ingest_gen.py: lockdep reports for the ingest probes, each
# a two-lock circular dependency whose class names make its signature
# (report(a, b)); reports(n, d, prefix) is n of them over d signatures.
def report(a, b, ts=100.0):
    L = []
    def p(s):
        nonlocal ts
        L.append("[%12.6f] %s" % (ts, s)); ts += 0.000001
    p("======================================================")
    p("WARNING: possible circular locking dependency detected")
    p("6.1.0-rc1 #1 Not tainted")
    p("------------------------------------------------------")
    p("kworker/0:1/15 is trying to acquire lock:")
    p("ffff888100e02a78 (%s){+.+.}-{3:3}, at: %s_fn+0x20/0x50" % (b, b))
    p("")
    p("but task is already holding lock:")
    p("ffffffff826490c0 (%s){+.+.}-{3:3}, at: %s_fn+0x48/0x1f0" % (a, a))
    p("")
    p("which lock already depends on the new lock.")
    p("")
    p("the existing dependency chain (in reverse order) is:")
    p("")
    p("-> #1 (%s){+.+.}-{3:3}:" % a)
    p("       lock_acquire+0xd3/0x310")
    p("       %s_take+0xa6/0x1f0" % a)
    p("       kthread+0xed/0x120")
    p("")
    p("-> #0 (%s){+.+.}-{3:3}:" % b)
    p("       __lock_acquire+0x5a4/0xb70")
    p("       lock_acquire+0xd3/0x310")
    p("       %s_take+0x39/0x140" % b)
    p("       kthread+0xed/0x120")
    p("")
    p("other info that might help us debug this:")
    p("")
    p(" Possible unsafe locking scenario:")
    p("")
    p("       CPU0                    CPU1")
    p("       ----                    ----")
    p("  lock(%s);" % a)
    p("                               lock(%s);" % b)
    p("                               lock(%s);" % a)
    p("  lock(%s);" % b)
    p("")
    p(" *** DEADLOCK ***")
    p("")
    p("stack backtrace:")
    p("CPU: 0 PID: 15 Comm: kworker/0:1 Not tainted 6.1.0-rc1 #1")
    p("Call Trace:")
    p(" <TASK>")
    p(" dump_stack_lvl+0x56/0x7b")
    p(" %s_fn+0x20/0x50" % b)
    p(" </TASK>")
    return "\n".join(L) + "\n"


def reports(n, d, prefix="p"):
    return "".join(report("%sA_%d" % (prefix, i % d), "%sB_%d" % (prefix, i % d))
                   for i in range(n))
