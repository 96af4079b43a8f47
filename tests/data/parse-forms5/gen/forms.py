# SPDX-License-Identifier: GPL-2.0
# Round 5 of unseen forms: passes the base reports of bases.py through the
# transports a CI farm and a mailing list hand over, and writes
# NN-name.log and NN-name.expected into the directory given.
#
#     python3 gen/forms.py tests/data/parse-forms5
#
# The output is stable (no clock, no randomness).
import html
import json
import os
import struct
import sys
import textwrap
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bases import *  # noqa: E402,F401,F403

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)

EPOCH = 1796637600  # Mon Dec  7 10:00:00 UTC 2026, the boot's wall clock


class Clock:
    def __init__(self, t):
        self.t = t
        self.n = 0

    def next(self):
        self.n += 1
        self.t += 0.000013 if self.n % 7 else 0.000211
        return self.t


def kts(t):
    return '[%5d.%06d]' % (int(t), round((t - int(t)) * 1e6) % 1000000)


def wall(t, fmt):
    return time.strftime(fmt, time.gmtime(EPOCH + t))


def usec(t):
    return '%06d' % (round((t - int(t)) * 1e6) % 1000000)


def console_lines(b, caller=True, lines=None):
    """Console text with the kernel's prefix: [ts][caller] text."""
    clk = Clock(b.t0)
    out = []
    for l in (lines if lines is not None else b.lines):
        t = clk.next()
        p = kts(t)
        if caller and b.caller:
            p += '[%6s]' % b.caller
        out.append(p + (' ' + l if l else ''))
    return out


def records(b):
    """The printk records: an empty line starts the next record with '\\n'
    as lockdep's pr_warn("\\n...") does; (time, text) each."""
    clk = Clock(b.t0)
    out = []
    lead = ''
    for l in b.lines:
        if l == '':
            lead += '\n'
            continue
        out.append((clk.next(), lead + l))
        lead = ''
    if lead:
        out.append((clk.next(), lead))
    return out


def level(text):
    return 4


def write(name, text, labels):
    path = os.path.join(OUT, name)
    raw = text if isinstance(text, bytes) else text.encode('utf-8')
    with open(path + '.log', 'wb') as f:
        f.write(raw)
    with open(path + '.expected', 'w') as f:
        json.dump({"reports": labels}, f, indent=1)
        f.write('\n')


def boot_noise(t, host='ci-runner', caller=None):
    c = ('[%6s]' % caller) if caller else ''
    return [kts(t - 0.8) + c + ' EXT4-fs (vda1): mounted filesystem with ordered data mode.',
            kts(t - 0.4) + c + ' random: crng init done',
            kts(t - 0.1) + c + ' IPv6: ADDRCONF(NETDEV_CHANGE): eth0: link becomes ready']


def after_noise(t, caller=None):
    c = ('[%6s]' % caller) if caller else ''
    return [kts(t + 2.5) + c + ' systemd-journald[211]: Received SIGTERM from PID 1 (systemd).',
            kts(t + 3.1) + c + ' reboot: Restarting system']


def jrec(t, msg, cursor, extra=None, prio=4):
    r = {"__CURSOR": "s=9c1f0e2a5b3d4e6f8a7b6c5d4e3f2a1b;i=%x;b=3e1c7a9d5f2b4c6e8a0b1d3f5e7c9a2b;"
                     "m=%x;t=%x;x=%016x" % (cursor, int(t * 1e6), int((EPOCH + t) * 1e6), cursor * 7919),
         "__REALTIME_TIMESTAMP": str(int((EPOCH + t) * 1e6)),
         "__MONOTONIC_TIMESTAMP": str(int(t * 1e6)),
         "_BOOT_ID": "3e1c7a9d5f2b4c6e8a0b1d3f5e7c9a2b",
         "_TRANSPORT": "kernel", "PRIORITY": str(prio), "SYSLOG_FACILITY": "0",
         "SYSLOG_IDENTIFIER": "kernel", "_MACHINE_ID": "0f5e2d7c9b1a4e3f8d6c2b0a9e7f1d3c",
         "_HOSTNAME": "ci-runner-04", "_SOURCE_MONOTONIC_TIMESTAMP": str(int(t * 1e6)),
         "MESSAGE": msg}
    if extra:
        r.update(extra)
    return r


def service_rec(t, cursor, msg):
    r = jrec(t, msg, cursor, prio=6)
    r.update({"_TRANSPORT": "journal", "SYSLOG_IDENTIFIER": "systemd", "_PID": "1",
              "_COMM": "systemd", "SYSLOG_FACILITY": "3"})
    del r["_SOURCE_MONOTONIC_TIMESTAMP"]
    return r


def journal_json(b, sep_pre, sep_post):
    out = []
    recs = records(b)
    cur = 0x41a2
    out.append(sep_pre + json.dumps(service_rec(recs[0][0] - 1.5, cur, 'Started fstests.service - run fstests.'), separators=(', ', ' : ')) + sep_post)
    for t, m in recs:
        cur += 1
        out.append(sep_pre + json.dumps(jrec(t, m, cur), separators=(', ', ' : ')) + sep_post)
    cur += 1
    out.append(sep_pre + json.dumps(service_rec(recs[-1][0] + 0.9, cur, 'fstests.service: Deactivated successfully.'), separators=(', ', ' : ')) + sep_post)
    return ''.join(out)


def export_field(k, v):
    bv = v.encode('utf-8')
    if '\n' in v or any(ord(c) < 32 for c in v if c != '\t'):
        return k.encode() + b'\n' + struct.pack('<Q', len(bv)) + bv + b'\n'
    return k.encode() + b'=' + bv + b'\n'


def journal_export(b):
    out = b''
    cur = 0x2000
    for t, m in records(b):
        cur += 1
        r = jrec(t, m, cur)
        for k, v in r.items():
            out += export_field(k, v)
        out += b'\n'
    return out


def wrap_at(line, width):
    if len(line) <= width:
        return [line]
    cut = line.rfind(' ', 0, width)
    if cut <= 0:
        return [line]
    return [line[:cut]] + wrap_at(line[cut + 1:], width)


def logcat_tag(text):
    """logd takes a kernel line's leading 'word:' for the tag."""
    s = text.lstrip('\n')
    i = s.find(': ')
    if 0 < i <= 23 and ' ' not in s[:i] and s[0].isalpha():
        return s[:i], s[i + 2:]
    return 'kernel', s


def qp_encode(line):
    enc = ''
    for ch in line:
        if ch == '=':
            enc += '=3D'
        else:
            enc += ch
    if enc.endswith(' '):
        enc = enc[:-1] + '=20'
    out = []
    while len(enc) > 76:
        cut = 75
        j = enc.rfind('=', cut - 2, cut)
        if j >= 0:
            cut = j
        out.append(enc[:cut] + '=')
        enc = enc[cut:]
    out.append(enc)
    return out


NM = []  # near misses, filled below
i = 0


def emit(name, text, labels):
    global i
    i += 1
    write('%02d-%s' % (i, name), text, labels)


# 01 journalctl -o json-seq (RFC 7464: RS before each record)
emit('journal-json-seq', journal_json(A, '\x1e', '\n'), [A.label])

# 02 journalctl -o json-sse (server-sent events: "data: " and a blank line)
emit('journal-json-sse', journal_json(I, 'data: ', '\n\n'), [I.label])

# 03 journalctl -o export, a record with a newline written in binary
emit('journal-export-binary', journal_export(B), [B.label])

# 04 dmesg --json | jq -c '.dmesg[]': one compact record a line
out = []
for t, m in records(K):
    out.append(json.dumps({"pri": 4, "time": round(t, 6), "msg": m}, separators=(',', ':')))
emit('dmesg-json-jq-compact', '\n'.join(out) + '\n', [K.label])

# 05 netconsole extended records with the release prepended and userdata
# lines (6.9+) after each record
out = []
seq = 18230
for t, m in records(G):
    seq += 1
    body = m.replace('\\', '\\x5c').replace('\n', '\\x0a')
    out.append('6.13.0-rc7-00047-g619f0b6fad52,4,%d,%d,-,caller=T30129;%s' % (seq, int(t * 1e6), body))
    out.append(' lab=rack7-u12')
    out.append(' job=kci-9918231')
emit('netconsole-release-userdata', '\n'.join(out) + '\n', [G.label])

# 06 RFC 5424 with the BOM RFC 5424 allows before MSG
out = []
for t, m in records(E):
    ts = wall(t, '%Y-%m-%dT%H:%M:%S.') + usec(t) + '+08:00'
    body = kts(t) + ' ' + m.replace('\n', '#012')
    out.append('<4>1 %s loongson-3a5000 kernel - - - \ufeff%s' % (ts, body))
emit('rfc5424-bom', '\n'.join(out) + '\n', [E.label])

# 07 adb logcat -b kernel -v brief
out = ['--------- beginning of kernel']
for t, m in records(B):
    tag, msg = logcat_tag(m)
    for piece in msg.split('\n'):
        out.append('W/%-8s(%5d): %s' % (tag, 0, piece))
emit('logcat-brief', '\n'.join(out) + '\n', [B.label])

# 08 adb logcat -b kernel -v long
out = ['--------- beginning of kernel']
for t, m in records(I):
    tag, msg = logcat_tag(m)
    out.append('[ %s.%03d %5d:%5d W/%-8s ]' % (wall(t, '%m-%d %H:%M:%S'),
                                                int(usec(t)) // 1000, 0, 0, tag))
    out.extend(msg.split('\n'))
    out.append('')
emit('logcat-long', '\n'.join(out) + '\n', [I.label])

# 09 adb logcat -b kernel -v threadtime,year,uid (Cuttlefish x86_64)
out = ['--------- beginning of kernel']
for t, m in records(J):
    tag, msg = logcat_tag(m)
    for piece in msg.split('\n'):
        out.append('%s.%03d  root     0     0 W %-8s: %s' % (
            wall(t, '%Y-%m-%d %H:%M:%S'), int(usec(t)) // 1000, tag, piece))
emit('logcat-year-uid', '\n'.join(out) + '\n', [J.label])

# 10 crash> log -T (human time with the zone)
clk = Clock(F.t0)
out = ['crash> log -T | tail -n 40']
for l in F.lines:
    t = clk.next()
    out.append('[%s] %s' % (wall(t, '%a %b %e %H:%M:%S UTC %Y'), l) if l else
               '[%s]' % wall(t, '%a %b %e %H:%M:%S UTC %Y'))
out.append('crash> ')
emit('crash-log-T', '\n'.join(out) + '\n', [F.label])

# 11 a lore mail quoted at depth 3, the first client's wrap at 78, the
# last client's reflow of the quote at 72
body = []
for l in console_lines(A):
    body.extend(wrap_at(l, 78))
q = []
for l in body:
    for piece in wrap_at('> > > ' + l, 72):
        q.append(piece if piece.startswith('> > > ') else '> > > ' + piece)
text = ['On Tue, Mar 04, 2025 at 09:12:44AM +0100, Jan Kara wrote:',
        '> On Mon 03-03-25 18:01:02, Ming Lei wrote:',
        '> > On Sat, Mar 01, 2025 at 11:20:33PM +0800, kernel test robot wrote:',
        '> > > Hello,', '> > >',
        '> > > kernel test robot noticed "possible_circular_locking_dependency_detected" on:',
        '> > >'] + q + ['> >', '> > Looks like nbd takes config_lock under the queue freeze.',
                      '>', '> Agreed.', '', 'Fixed by the patch below.', '']
emit('lore-quoted3-reflow72', '\n'.join(text), [A.label])

# 12 mailman 2 pipermail HTML archive: quoted lines as <I>&gt;<i>
body = console_lines(H)
text = ['<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 3.2//EN">', '<HTML>', ' <HEAD>',
        '   <TITLE> [PATCH] vfs: drop s_umount on the sget error path', '   </TITLE>',
        ' </HEAD>', ' <BODY BGCOLOR="#ffffff">',
        '   <H1>[PATCH] vfs: drop s_umount on the sget error path</H1>',
        '<!--beginarticle-->', '<PRE>On Wed, May 02, 2012 at 10:11:12PM +0200, Sasha Levin wrote:']
first = True
for l in body:
    e = html.escape(l, quote=False)
    text.append(('<I>&gt;<i> ' if first else '</I>&gt;<i> ') + e)
    first = False
text += ['</I>', 'The error path in sget() returns with s_umount held. Patch below.', '',
         '<!--endarticle-->', '</PRE>', '</BODY>', '</HTML>']
emit('pipermail-html', '\n'.join(text) + '\n', [H.label])

# 13 lore.kernel.org HTML: the quote in <span class="q">
body = console_lines(K)
text = ['<html><head><title>Re: [PATCH] io_uring: drop uring_lock before sqpoll exit</title></head>',
        '<body><pre id=b><span class="head"><b>From: Pavel Begunkov &lt;asml.silence@gmail.com&gt;</b>',
        'To: Jens Axboe &lt;axboe@kernel.dk&gt;</span>', '',
        'On 11/6/20 5:41 PM, syzbot wrote:']
for n, l in enumerate(body):
    e = '&gt; ' + html.escape(l, quote=False)
    if n == 0:
        e = '<span class="q">' + e
    if n == len(body) - 1:
        e += '</span>'
    text.append(e)
text += ['', 'Yes, sqpoll returns with uring_lock held on that path.', '</pre></body></html>']
emit('lore-html-span', '\n'.join(text) + '\n', [K.label])

# 14 lkml.org: a line a <br />, runs of blanks as &nbsp;
body = console_lines(N)
text = ['<div class="article">', 'Hi,<br />', '<br />',
        'running 2.6.24-rc3 with lockdep, dirtying a file and truncating it:<br />', '<br />']
for l in body:
    e = html.escape(l, quote=False)
    while '  ' in e:
        e = e.replace('  ', '&nbsp; ', 1)
    if e.startswith(' '):
        e = '&nbsp;' + e[1:]
    text.append(e + '<br />')
text += ['<br />', 'Thanks,<br />', 'Ingo<br />', '</div>']
emit('lkmlorg-br-nbsp', '\n'.join(text) + '\n', [N.label])

# 15 Zuul job-output.txt: "date time | node | "
clk = Clock(P.t0)
out = ['2026-12-07 11:24:40.118203 | compute-0 | TASK [Collect kernel log]']
for l in console_lines(P):
    t = clk.next()
    out.append('%s.%s | compute-0 | %s' % (wall(t, '%Y-%m-%d %H:%M:%S'), usec(t), l))
out.append('2026-12-07 11:24:41.902113 | compute-0 | ok: Runtime: 0:00:01.220177')
emit('zuul-job-output', '\n'.join(out) + '\n', [P.label])

# 16 TeamCity build log: "[hh:mm:ss] :\t\t [Step 2/3] "
out = ['[10:00:12] :\t [Step 2/3] Starting: /bin/sh -c "dmesg"']
clk = Clock(M.t0)
for l in console_lines(M):
    t = clk.next()
    out.append('[%s] :\t\t [Step 2/3] %s' % (wall(t, '%H:%M:%S'), l))
out.append('[10:00:16]W:\t [Step 2/3] Process exited with code 0')
emit('teamcity-step', '\n'.join(out) + '\n', [M.label])

# 17 LAVA log as JSON lines (one object a line, no YAML list dash)
clk = Clock(O.t0)
out = [json.dumps({"dt": "2026-12-07T10:03:27.004512", "lvl": "info", "msg": "start: 2.4.4 auto-login-action (timeout 00:04:00) [common]"})]
for l in console_lines(O):
    t = clk.next()
    out.append(json.dumps({"dt": wall(t, '%Y-%m-%dT%H:%M:%S.') + usec(t), "lvl": "target", "msg": l}))
out.append(json.dumps({"dt": "2026-12-07T10:03:31.551023", "lvl": "results", "msg": {"case": "bcachefs-copygc", "result": "fail"}}))
emit('lava-jsonl', '\n'.join(out) + '\n', [O.label])

# 18 LAVA YAML, the kernel's lines at level "feedback" with a namespace
clk = Clock(L.t0)
out = ['- {"dt": "2026-12-07T10:06:08.110233", "lvl": "info", "msg": "[tlxc] Listened to connection for namespace \'tlxc\' done"}']
for l in console_lines(L):
    t = clk.next()
    out.append('- {"dt": "%s", "lvl": "feedback", "msg": %s, "ns": "tlxc"}' % (
        wall(t, '%Y-%m-%dT%H:%M:%S.') + usec(t), json.dumps(l)))
emit('lava-feedback-ns', '\n'.join(out) + '\n', [L.label])

# 19 lavacli jobs logs: the dt (no zone) and the message
clk = Clock(D.t0)
out = ['2026-12-07T16:19:50.332108 start: 2.2 boot-zvm-action (timeout 00:10:00)']
for l in console_lines(D):
    t = clk.next()
    out.append('%s %s' % (wall(t, '%Y-%m-%dT%H:%M:%S.') + usec(t), l))
emit('lavacli-logs', '\n'.join(out) + '\n', [D.label])

# 20 dmesg --time-format=delta: [<    0.000013>] and the caller id
prev = None
out = []
for t, m in records(G):
    d = 0.0 if prev is None else t - prev
    prev = t
    first, *rest = m.lstrip('\n').split('\n') if m.strip('\n') else ['']
    lines = m.split('\n')
    pre = '[<%12.6f>] [%7s] ' % (d, G.caller)
    out.append(pre + lines[0])
    for l in lines[1:]:
        out.append(' ' * len(pre) + l)
emit('dmesg-delta', '\n'.join(out) + '\n', [G.label])

# 21 QEMU serial: ncurses sgr0 ESC ( B before every line, OSC titles
# ended by ST, cursor mode switches, CRLF
out = ['\x1b]0;root@ci-kvm: ~\x1b\\\x1b[?25l\x1b[2J\x1b[H\x1b(B\x1b[mSeaBIOS (version 1.16.3-debian-1.16.3-2)']
for n, l in enumerate(console_lines(P)):
    out.append('\x1b(B\x1b[m' + l)
    if n == 40:
        out.append('\x1b]0;vm-7811 - running\x1b\\\x1b[?25h\x1b(B\x1b[m')
emit('qemu-sgr0-osc-st', '\r\n'.join(out) + '\r\n', [P.label])

# 22 moreutils ts '[%Y-%m-%d %H:%M:%S]' on the serial of an OpenWrt board
clk = Clock(C.t0)
out = []
for l in console_lines(C):
    t = clk.next()
    out.append('[%s] %s' % (wall(t, '%Y-%m-%d %H:%M:%S'), l))
emit('ts-bracket-datetime', '\n'.join(out) + '\n', [C.label])

# 23 GitLab raw job trace: section markers with \r ESC[0K, colours
out = ['\x1b[0Ksection_start:1765102215:dmesg_dump[collapsed=true]\r\x1b[0K\x1b[0;33mKernel log\x1b[0;m',
       '\x1b[32;1m$ ssh loongson-3a5000 dmesg\x1b[0;m']
out += console_lines(E)
out.append('\x1b[0Ksection_end:1765102216:dmesg_dump\r\x1b[0K')
out.append('\x1b[31;1mERROR: Job failed: exit code 1\x1b[0;m')
emit('gitlab-raw-sections', '\n'.join(out) + '\n', [E.label])

# 24 marc.info: <pre> page, entities, obfuscated addresses
text = ['<html><head><title>\'Re: ath9k: inconsistent lock state in ath_tx_complete\' - MARC</title></head>',
        '<body bgcolor="#ffffff" text="#000000"><pre>',
        '[<a href="?l=linux-wireless&amp;m=153101112517714&amp;w=2">prev in list</a>] [<a href="?l=linux-wireless&amp;m=153101158717736&amp;w=2">next in list</a>]',
        'List:       <a href="?l=linux-wireless&amp;r=1&amp;w=2">linux-wireless</a>',
        'Subject:    <a href="?t=153101113800001&amp;r=1&amp;w=2">Re: ath9k: inconsistent lock state in ath_tx_complete</a>',
        'From:       Felix Fietkau &lt;nbd () nbd ! name&gt;',
        'Date:       <a href="?l=linux-wireless&amp;r=1&amp;w=2&amp;b=201807">2018-07-09 7:32:05</a>', '',
        'On 2018-07-08 21:14, Hauke Mehrtens wrote:']
for l in console_lines(C):
    text.append('&gt; ' + html.escape(l, quote=False))
text += ['', 'tx.txq_lock is taken with softirqs enabled in ath_tx_start.', '', '</pre></body></html>']
emit('marc-info-entities', '\n'.join(text) + '\n', [C.label])

# 25 a reply quoted at depth 2, then sent quoted-printable
text = ['Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: quoted-printable', '',
        'On Thu, Jun 27, 2024 at 02:01:10PM -0700, Sean Christopherson wrote:',
        '> On Wed, Jun 26, 2024, Paolo Bonzini wrote:', '> > Running the selftests on kvm/next:', '> >']
for l in console_lines(J):
    text.extend(qp_encode('> > ' + l))
text += ['> ', '> mm_take_all_locks() wants mmap_lock as the nest lock.', '',
         'Right, the annotation names the wrong lock.', '']
emit('lore-qp-depth2', '\n'.join(text), [J.label])

# 26 raw RFC 3164 datagrams as received by `nc -lu 514`
out = []
for t, m in records(A):
    out.append('<4>%s ci-runner-04 kernel: %s[%6s] %s' % (
        wall(t, '%b %e %H:%M:%S'), kts(t), A.caller, m.replace('\n', '#012')))
emit('rfc3164-udp-raw', '\n'.join(out) + '\n', [A.label])

# 27..34 consoles of new, old and other-architecture kernels
def plain(b, caller=True):
    return '\n'.join(boot_noise(b.t0, caller=b.caller if caller else None)
                     + console_lines(b, caller)
                     + after_noise(b.t0 + 1, caller=b.caller if caller else None)) + '\n'


emit('console-hung-blocker-6.15', plain(L), [L.label])
emit('console-s390-5.15', plain(D), [D.label])
emit('console-loongarch-6.1', plain(E), [E.label])
emit('console-parisc-4.19', plain(F), [F.label])
emit('console-mips-4.4', plain(C), [C.label])
emit('console-i386-2.6.24', plain(N), [N.label])
emit('console-arm64-rt', plain(B), [B.label])
emit('console-bcachefs-cmp', plain(O), [O.label])

# 35, 36 two boots in one serial log
reboot = ['', 'U-Boot SPL 2024.01 (Jan 08 2024 - 10:00:00 +0000)', 'Trying to boot from MMC1',
          'Starting kernel ...', '']
emit('console-two-boots-nested-stillheld',
     '\n'.join(console_lines(J) + after_noise(J.t0 + 1) + reboot
               + ['[    0.000000] Linux version 5.10.0-rc2-next-20201106 (gcc 10.2.0) #1 SMP']
               + console_lines(K)) + '\n', [J.label, K.label])
emit('console-two-boots-freed-invalidwait',
     '\n'.join(console_lines(G) + after_noise(G.t0 + 1) + reboot
               + ['[    0.000000][    T0] Linux version 6.13.0-rc3-00099-g2d5404caa8c7 (gcc 14.2.0) #12 SMP PREEMPT_DYNAMIC']
               + console_lines(M)) + '\n', [G.label, M.label])

# 37..40 near misses: lockdep's own messages, no report
nm = Base('nm', NM_CHAIN_HLOCKS, None, t0=6012.5)
emit('nm-max-chain-hlocks', plain(nm), [])
clk = Clock(3.2)
out = []
for l in NM_NONSTATIC:
    t = clk.next()
    out.append('%s ci-runner-04 kernel: %s' % (wall(t, '%b %d %H:%M:%S'), l))
emit('nm-nonstatic-key-journal', '\n'.join(out) + '\n', [])
nm = Base('nm', NM_LOCKDEP_WARN, None, t0=88.1)
emit('nm-debug-locks-warn', plain(nm), [])
clk = Clock(530.0)
out = []
for l in NM_SLEEPING:
    t = clk.next()
    out.append('kern  :warn  : %s %s' % (kts(t), l))
emit('nm-sleeping-held-locks-dmesg-x', '\n'.join(out) + '\n', [])

# 41 an i686 3.4 console
emit('console-i686-3.4-userreturn', plain(H), [H.label])
