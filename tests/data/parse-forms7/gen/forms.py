# SPDX-License-Identifier: GPL-2.0
# Round 7 of unseen forms: passes the reports of bases.py through the
# capture tools, wrappers, archives and encodings that carry a log to
# splatd, and writes NN-name.log with its NN-name.expected label (stable
# output):
#     python3 gen/forms.py tests/data/parse-forms7
import base64, copy, html, json, os, quopri, sys, textwrap
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bases import R5, R6

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)


def kts(t):
    return '[%5d.%06d]' % (int(t), round((t - int(t)) * 1e6) % 1000000)


class Clock:
    def __init__(self, t=112.5):
        self.t = t

    def next(self, d=0.000013):
        self.t += d
        return self.t


def stamped(lines, t0=112.5, caller=None, step=0.000013):
    """(time, console line) for each line: the kernel's own prefix."""
    clk = Clock(t0)
    out = []
    for l in lines:
        t = clk.next(step)
        p = kts(t)
        if caller:
            p += '[%6s]' % caller
        out.append((t, p + (' ' + l if l else '')))
    return out


def console(lines, t0=112.5, caller=None):
    return [l for _, l in stamped(lines, t0, caller)]


BOOT = [
    'Run /sbin/init as init process',
    'EXT4-fs (vda): re-mounted. Quota mode: none.',
    'random: crng init done',
    'systemd[1]: Started Journal Service.',
]


def rep(b):
    """A report with a little boot before it, stamped from its t0."""
    return console(BOOT + b.lines, b.t0 - 0.02)


def write(name, labels, lines=None, nl='\n', raw=None):
    path = os.path.join(OUT, name)
    if raw is None:
        raw = (nl.join(lines) + nl).encode('utf-8')
    with open(path + '.log', 'wb') as f:
        f.write(raw)
    with open(path + '.expected', 'w') as f:
        json.dump({"reports": [copy.deepcopy(b.label) for b in labels]},
                  f, indent=1)
        f.write('\n')


def qp(text):
    return quopri.encodestring(text.encode('utf-8')).decode('ascii')


MAILHDR = '''From: Jane Doe <jane@example.org>
To: linux-kernel@vger.kernel.org
Date: Mon, 7 Dec 2026 10:14:03 +0100
Message-ID: <20261207091403.4412-1-jane@example.org>
MIME-Version: 1.0'''

# 01 Buildkite: the agent's APC stamp ESC _bk;t=<ms> BEL before every line
def f01():
    b = R6['A']
    out = ['\x1b_bk;t=1765101600001\x07~~~ Preparing working directory',
           '\x1b_bk;t=1765101600002\x07$ ./ci/boot-qemu.sh x86_64',
           '\x1b_bk;t=1765101600003\x07--- :linux: booting']
    for i, l in enumerate(rep(b)):
        out.append('\x1b_bk;t=%d\x07%s' % (1765101611000 + i, l))
    out.append('\x1b_bk;t=1765101700000\x07^^^ +++')
    out.append('\x1b_bk;t=1765101700001\x07\x1b[31m🚨 Error: The command exited with status 1\x1b[0m')
    write('01-buildkite-apc-stamps', [b], out)

# 02 Travis CI raw log: folds and time markers ended by CR ESC[0K, CRLF
def f02():
    b = R5['B']
    out = ['travis_fold:start:worker_info\r\x1b[0K\x1b[33;1mWorker information\x1b[0m',
           'hostname: 4c2a1b0f-amd64', 'travis_fold:end:worker_info\r\x1b[0K',
           'travis_time:start:0d1c2b3a\r\x1b[0K$ ./scripts/run-qemu-arm64.sh']
    out += console(BOOT + b.lines, b.t0 - 0.02, b.caller)
    out += ['\r\x1b[0Ktravis_time:end:0d1c2b3a:start=1765101600000000000,finish=1765101700000000000,duration=100000000000,event=script\r\x1b[0K',
            '\x1b[31;1mThe command "./scripts/run-qemu-arm64.sh" exited with 1.\x1b[0m']
    write('02-travis-folds', [b], out, nl='\r\n')

# 03 Azure Pipelines: sections and groups between stamped lines
def f03():
    b = R6['E']
    out = ['2026-12-07T10:00:00.1000000Z ##[section]Starting: Boot test',
           '2026-12-07T10:00:00.1100000Z ##[group]Run ./boot.sh',
           '2026-12-07T10:00:00.1200000Z ##[endgroup]']
    for i, l in enumerate(rep(b)):
        out.append('2026-12-07T10:00:%02d.%07dZ %s' % (11 + i // 50, (i * 1373) % 10000000, l))
    out += ['2026-12-07T10:01:40.0000000Z ##[error]Bash exited with code \'1\'.',
            '2026-12-07T10:01:40.0100000Z ##[section]Finishing: Boot test']
    write('03-azure-pipelines-sections', [b], out)

# 04 pstore ramoops dmesg-ramoops-0: a Panic#1 Part1 header, <N> levels,
# NUL padded to the record size
def f04():
    b = R5['A']
    out = ['Panic#1 Part1']
    for l in console(BOOT + b.lines + ['Kernel panic - not syncing: sysrq triggered crash'],
                     b.t0 - 0.02, b.caller):
        out.append('<4>' + l)
    raw = ('\n'.join(out) + '\n').encode()
    raw += b'\0' * (16384 - len(raw) % 16384)
    write('04-ramoops-panic-record', [b], raw=raw)

# 05 console-ramoops-0 of the boot before: the ring wrapped (the file
# starts inside a line) and 3.x's ECC line at the end
def f05():
    b = R6['I']
    lines = console(BOOT + b.lines, 871.2)
    out = ['ch: 0x00000002 rt_hdr: 0xf0a1', lines[0][30:]] + lines[1:]
    out += ['Rebooting in 5 seconds..', 'No errors detected']
    write('05-console-ramoops-wrapped', [b], out)

# 06 EFI pstore: one report in 1 KiB parts, printed by `head` over the
# pstore files (Part1 is the newest chunk, file names sort it first)
def f06():
    b = R5['G']
    lines = ['<4>' + l for l in console(BOOT * 3 + b.lines, b.t0 - 0.05, b.caller)]
    parts = []
    cur = []
    for l in reversed(lines):
        if sum(len(x) + 1 for x in cur) + len(l) + 1 > 1000:
            parts.append(cur)
            cur = []
        cur.insert(0, l)
    parts.append(cur)
    out = []
    for n, p in enumerate(parts, 1):
        if out:
            out.append('')
        out.append('==> /sys/fs/pstore/dmesg-efi-1765101611%02d001 <==' % n)
        out.append('Oops#1 Part%d' % n)
        out += p
    write('06-efi-pstore-head-parts', [b], out)

# 07 mtdoops: a raw read of the MTD partition (8-byte record headers,
# erased flash 0xff after each record's text)
def f07():
    b = R5['C']
    rs = 8192
    raw = b''
    rec0 = ['<6>' + l for l in console(BOOT + ['Kernel panic - not syncing: Attempted to kill init! exitcode=0x0000000b'], 12.1)]
    rec1 = ['<4>' + l for l in console(BOOT + b.lines, b.t0 - 0.02)]
    for n, rec in enumerate([rec0, rec1]):
        body = ('\n'.join(rec) + '\n').encode()
        hdr = n.to_bytes(4, 'little') + (0x5d005d00).to_bytes(4, 'little')
        r = hdr + body
        assert len(r) <= rs
        raw += r + b'\xff' * (rs - len(r))
    write('07-mtdoops-raw-partition', [b], raw=raw)

# 08 cat /dev/kmsg: device records carry SUBSYSTEM=/DEVICE= lines
def f08():
    b = R5['M']
    out = []
    seq = 1830
    devs = {1: ('usb 1-1: new high-speed USB device number 2 using xhci_hcd', 'usb', 'c189:1'),
            3: ('sd 2:0:0:0: [sdb] Attached SCSI removable disk', 'scsi', '+scsi:2:0:0:0')}
    for i, (t, l) in enumerate(stamped(BOOT + b.lines, b.t0 - 0.02)):
        text = l[15:]
        out.append('4,%d,%d,-,caller=%s;%s' % (seq, int(t * 1e6), b.caller, text))
        seq += 1
        if i in devs:
            m, s, d = devs[i]
            out.append('6,%d,%d,-,caller=T88;%s' % (seq, int(t * 1e6) + 3, m))
            out.append(' SUBSYSTEM=%s' % s)
            out.append(' DEVICE=%s' % d)
            seq += 1
    write('08-dev-kmsg-device-keys', [b], out)

# 09 metalog: "Dec  7 10:00:11 [kernel] " before the console line
def f09():
    b = R5['E']
    out = ['Dec  7 10:00:09 [dhcpcd] eth0: leased 10.0.2.15 for 86400 seconds']
    for i, l in enumerate(rep(b)):
        out.append('Dec  7 10:%02d:%02d [kernel] %s' % (0 + (11 + i // 40) // 60, (11 + i // 40) % 60, l))
    write('09-metalog-kernel', [b], out)

# 10 socklog: TAI64N stamps and facility.level before every line
def f10():
    b = R6['C']
    out = []
    for i, l in enumerate(rep(b)):
        out.append('@4000000069355a2b%08x kern.warn: %s' % (0x1d3b2c44 + i * 13000, l))
    out.insert(2, '@4000000069355a2b1d3b2c40 daemon.info: dhcpcd[812]: eth0: rebinding lease of 10.0.2.15')
    write('10-socklog-tai64n', [b], out)

# 11 svlogd -tt: human-readable stamps with an underscore
def f11():
    b = R6['F']
    out = []
    for i, l in enumerate(rep(b)):
        out.append('2026-12-07_10:00:%02d.%05d kern.warn: %s' % (11 + i // 30, (i * 733) % 100000, l))
    write('11-svlogd-tt', [b], out)

# 12 PuTTY session log: its header line, CRLF
def f12():
    b = R6['J']
    out = ['=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2026.12.07 10:00:00 =~=~=~=~=~=~=~=~=~=~=~=']
    out += rep(b)
    write('12-putty-session-log', [b], out, nl='\r\n')

# 13 script(1) typescript of `dmesg | less`: a prompt with a typo erased by
# backspaces, less's screens and its ':' prompt erased by CR ESC[K
def f13():
    b = R5['I']
    out = ['Script started on 2026-12-07 10:00:00+00:00 [TERM="xterm-256color" TTY="/dev/pts/0" COLUMNS="200" LINES="30"]',
           '\x1b[?2004h\x1b]0;root@rk3588: ~\x07root@rk3588:~# dmesg | lesss\x08 \x08',
           '\x1b[?2004l\r\x1b[?1049h\x1b[22;0;0t\x1b[?1h\x1b=\r']
    lines = console(BOOT + b.lines, b.t0 - 0.02)
    for i, l in enumerate(lines):
        if i and i % 29 == 0:
            l = ':\x1b[K\r\x1b[K' + l
        out.append(l)
    out += [':\x1b[K\r\x1b[K\x1b[?1l\x1b>\x1b[?1049l\x1b[23;0;0t\x1b[?2004h\x1b]0;root@rk3588: ~\x07root@rk3588:~# exit',
            '\x1b[?2004l\rexit', '', 'Script done on 2026-12-07 10:03:11+00:00 [COMMAND_EXIT_CODE="0"]']
    write('13-script-typescript-less', [b], out, nl='\r\n')

# 14 ipmitool sol activate: the session banner, the BIOS and GRUB screens'
# cursor sequences, a reconnect's banner inside the report
def f14():
    b = R5['P']
    out = ['[SOL Session operational.  Use ~? for help]',
           '\x1b[2J\x1b[01;01H\x1b[=3h\x1b[2J\x1b[01;01HPress <DEL> or <F2> to enter setup.',
           '\x1b[0m\x1b[30m\x1b[40m\x1b[2J\x1b[01;01H\x1b[0m\x1b[37m\x1b[40m  Booting `Gentoo GNU/Linux\'',
           '\x1b[02;01H']
    lines = console(BOOT + b.lines, b.t0 - 0.02)
    out.append('\x1b[0m\x1b[30m\x1b[40m\x1b[2J\x1b[01;01H' + lines[0])
    for i, l in enumerate(lines[1:]):
        if i == 30:
            out += ['', '[SOL Session operational.  Use ~? for help]']
        out.append(l)
    out += ['~.', '[terminated ipmitool]']
    write('14-ipmitool-sol', [b], out, nl='\r\n')

# 15 conserver logfile: console up, activity and MARK lines inside the report
def f15():
    b = R6['D']
    out = ['[-- Console up -- Mon Dec  7 09:58:02 2026]',
           '[-- attach ops@jump01 Mon Dec  7 09:59:40 2026]']
    for i, l in enumerate(rep(b)):
        if i == 25:
            out.append('[-- MARK -- Mon Dec  7 10:00:00 2026]')
        if i == 47:
            out.append('[-- detach ops@jump01 Mon Dec  7 10:00:12 2026]')
        out.append(l)
    write('15-conserver-marks', [b], out, nl='\r\n')

# 16 U-Boot, then the kernel, on one serial line
def f16():
    b = R6['B']
    out = ['', 'U-Boot SPL 2024.01 (Jan 08 2024 - 12:01:44 +0000)', 'Trying to boot from MMC1',
           '', '', 'U-Boot 2024.01 (Jan 08 2024 - 12:01:44 +0000)', '',
           'Model: Radxa ROCK 5B', 'DRAM:  16 GiB', 'Hit any key to stop autoboot:  0 ',
           '=> ', 'Scanning mmc 1:1...', 'Found /extlinux/extlinux.conf',
           '## Flattened Device Tree blob at 12000000',
           '   Booting using the fdt blob at 0x12000000', '', 'Starting kernel ...', '',
           'EFI stub: Booting Linux Kernel...']
    out += console(['Booting Linux on physical CPU 0x0000000000 [0x412fd050]'] + BOOT + b.lines, 0.0 + 1e-6)[:1]
    out += console(BOOT + b.lines, 231.07)
    write('16-uboot-then-kernel', [b], out)

# 17 crash "log -m": the level after the time stamp
def f17():
    b = R5['K']
    out = ['crash> log -m']
    for l in rep(b):
        out.append(l[:14] + ' <4>' + l[15:] if len(l) > 14 else l + ' <4>')
    out.append('crash> ')
    write('17-crash-log-m', [b], out)

# 18 kdump: the first kernel's report and panic, then the capture kernel
def f18():
    b = R6['G']
    out = rep(b)
    out += console(['Kernel panic - not syncing: hung_task: blocked tasks',
                    'Kernel Offset: 0x2a000000 from 0xffffffff81000000 (relocation range: 0xffffffff80000000-0xffffffffbfffffff)',
                    'Starting crashdump kernel...', 'Bye!'], 1232.0)
    out += console(['Linux version 6.17.0-rc1-00099-gab0c16d2e4f1 (builder@ci) (gcc (GCC) 14.2.1) #1 SMP PREEMPT_DYNAMIC',
                    'Command line: BOOT_IMAGE=/vmlinuz irqpoll nr_cpus=1 reset_devices cgroup_disable=memory udev.children-max=2 panic=10 acpi_no_memhotplug elfcorehdr=0x6f000000',
                    'kdump: saving vmcore-dmesg.txt to /var/crash/127.0.0.1-2026-12-07-10:20:31/',
                    'kdump: saving vmcore', 'kdump: saving vmcore complete'], 0.0)
    write('18-kdump-capture-kernel', [b], out)

# 19 a mail with the log as a base64 text/plain attachment
def f19():
    b = R5['O']
    att = '\n'.join(console(BOOT + b.lines, b.t0 - 0.02, b.caller)) + '\n'
    enc = base64.encodebytes(att.encode()).decode().rstrip('\n').split('\n')
    out = MAILHDR.split('\n') + [
        'Subject: [BUG] bcachefs: possible recursive locking in btree node read',
        'Content-Type: multipart/mixed; boundary="000000000000a1b2c3d4e5f6"', '',
        '--000000000000a1b2c3d4e5f6',
        'Content-Type: text/plain; charset="UTF-8"', '',
        'Hi Kent,', '', 'ktest hit the attached lockdep report on the last rc.', '',
        'Jane', '',
        '--000000000000a1b2c3d4e5f6',
        'Content-Type: text/plain; charset="US-ASCII"; name="dmesg.txt"',
        'Content-Disposition: attachment; filename="dmesg.txt"',
        'Content-Transfer-Encoding: base64',
        'X-Attachment-Id: f_m4b7q1x90', ''] + enc + ['',
        '--000000000000a1b2c3d4e5f6--']
    write('19-mail-base64-attachment', [b], out)

# 20 format=flowed; delsp=yes: long lines cut inside words, space-stuffing
def f20():
    b = R5['J']
    body = []
    for l in console(BOOT + b.lines, b.t0 - 0.02, b.caller):
        if l.startswith((' ', '>', 'From ')):
            l = ' ' + l
        while len(l) > 72:
            body.append(l[:71] + ' ')
            l = l[71:]
        body.append(l)
    out = MAILHDR.split('\n') + [
        'Subject: Re: [PATCH] mm: take the nest lock in mm_take_all_locks',
        'Content-Type: text/plain; charset=utf-8; format=flowed; delsp=yes',
        'Content-Transfer-Encoding: 7bit', '',
        'This is what I get with the patch applied: ', '', ''] + body + ['', '-- ', 'Jane']
    write('20-mail-flowed-delsp', [b], out)

# 21 a Mailman digest: two messages, each with a report
def f21():
    b1, b2 = R6['H'], R5['H']
    out = ['Send linux-fsdevel-digest mailing list submissions to',
           '\tlinux-fsdevel-digest@lists.example.org', '',
           "Today's Topics:", '',
           '   1. io_uring: lock held returning to user (John Roe)',
           '   2. Re: ext3 still fails with 3.4-rc5 (Jane Doe)', '',
           '----------------------------------------------------------------------', '',
           'Message: 1', 'Date: Mon, 7 Dec 2026 09:12:44 +0000', 'From: John Roe <john@example.org>',
           'Subject: io_uring: lock held returning to user',
           'Message-ID: <x1@example.org>', 'Content-Type: text/plain; charset="us-ascii"', '',
           'Seen on every run of the sq-poll test:', '']
    out += console(b1.lines, 402.2)
    out += ['', '', '------------------------------', '',
            'Message: 2', 'Date: Mon, 7 Dec 2026 09:40:01 +0000', 'From: Jane Doe <jane@example.org>',
            'Subject: Re: ext3 still fails with 3.4-rc5',
            'Message-ID: <x2@example.org>', 'Content-Type: text/plain; charset="us-ascii"', '',
            'John Roe wrote:', '> Does it still happen?', '', 'Yes, on 3.4-rc5:', '']
    out += ['> ' + l for l in console(b2.lines, b2.t0)]
    out += ['', '', '------------------------------', '',
            '_______________________________________________',
            'linux-fsdevel-digest mailing list', '',
            'End of linux-fsdevel-digest Digest, Vol 212, Issue 7',
            '****************************************************']
    write('21-mailman-digest', [b1, b2], out)

# 22 Outlook: top-posted reply, the original quoted with "> " under its
# From:/Sent: block, CRLF
def f22():
    b = R5['L']
    out = ['Hi Jane,', '', 'we see the same hang on our side, log below.', '',
           'Regards,', 'Max', '',
           '-----Original Message-----',
           'From: Jane Doe <jane@example.org> ',
           'Sent: Monday, December 7, 2026 10:14 AM',
           'To: Max Power <max@example.com>',
           'Cc: linux-kernel@vger.kernel.org',
           'Subject: [BUG] hung task in jbd2 with 6.15-rc1', '',
           '> Hello,', '> ', '> the box hung during the fio run:', '> ']
    out += ['> ' + l for l in rep(b)]
    out += ['> ', '> Thanks, Jane']
    write('22-outlook-original-message', [b], out, nl='\r\n')

# 23 Gmail "Forward": the forwarded block's header in the body
def f23():
    b = R5['A']
    out = MAILHDR.split('\n') + ['Subject: Fwd: nbd lockdep splat',
           'Content-Type: text/plain; charset="UTF-8"', '', 'FYI', '',
           '---------- Forwarded message ---------',
           'From: CI Bot <ci@example.org>',
           'Date: Sun, Dec 6, 2026 at 11:02 PM',
           'Subject: nbd lockdep splat', 'To: <jane@example.org>', '', '']
    out += console(BOOT + b.lines, b.t0 - 0.02, b.caller)
    write('23-gmail-forwarded-block', [b], out)

# 24 Bugzilla XML export: the report in a comment's <thetext>
def f24():
    b = R5['N']
    text = '\n'.join(['Seen on my laptop with 2.6.24-rc3:', ''] + console(b.lines, b.t0))
    out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes" ?>',
           '<!DOCTYPE bugzilla SYSTEM "https://bugzilla.kernel.org/page.cgi?id=bugzilla.dtd">',
           '<bugzilla version="5.1.2" urlbase="https://bugzilla.kernel.org/" maintainer="helpdesk@kernel.org">',
           '    <bug>', '          <bug_id>9571</bug_id>',
           '          <short_desc>ext3: possible circular locking dependency</short_desc>',
           '          <long_desc isprivate="0" >', '            <commentid>21010</commentid>',
           '            <comment_count>0</comment_count>',
           '            <who name="Jane Doe">jane@example.org</who>',
           '            <bug_when>2007-12-07 10:00:11 +0000</bug_when>',
           '            <thetext>' + html.escape(text, quote=True) + '</thetext>',
           '          </long_desc>', '    </bug>', '</bugzilla>']
    write('24-bugzilla-xml-thetext', [b], out)

# 25 Gitea/Forgejo issue from the REST API: Go escapes <, > and & as
# \u003c, \u003e, \u0026; the body has CRLF and a code fence
def f25():
    b = R6['J']
    body = '\r\n'.join(['Running the printk selftests on 6.15-rc2 gives:', '', '```'] +
                       rep(b) + ['```', '', 'Config attached.'])
    doc = {"id": 4412, "number": 87, "title": "invalid wait context in printk",
           "body": body, "state": "open",
           "user": {"login": "jdoe"}, "created_at": "2026-12-07T10:00:11Z"}
    s = json.dumps(doc, ensure_ascii=False, separators=(',', ':'))
    s = s.replace('<', '\\u003c').replace('>', '\\u003e').replace('&', '\\u0026')
    write('25-gitea-issue-json', [b], [s])

# 26 Zulip messages API (apply_markdown=false), pretty-printed
def f26():
    b = R5['D']
    content = '\n'.join(['Our s390 CI hit this on 5.15:', '```text'] +
                        console(b.lines, b.t0) + ['```'])
    doc = {"result": "success", "msg": "",
           "messages": [{"id": 1811, "sender_full_name": "Jane Doe",
                         "content": content, "content_type": "text/x-markdown",
                         "timestamp": 1765101611, "subject": "ctcm lockdep"}]}
    write('26-zulip-messages-json', [b], json.dumps(doc, indent=4).split('\n'))

# 27 irssi log: "HH:MM < nick> " before each pasted line
def f27():
    b = R5['H']
    out = ['--- Log opened Mon Dec 07 10:00:00 2026', '10:00 -!- jdoe [~jdoe@host] has joined #kernelnewbies',
           '10:01 < jdoe> got this on 3.4-rc5, what does it mean?']
    for l in console(b.lines, b.t0):
        out.append('10:01 < jdoe> ' + l)
    out += ['10:02 < mentor> a lock held when returning to user space, look at the held lock',
            '--- Log closed Mon Dec 07 10:30:00 2026']
    write('27-irssi-log-paste', [b], out)

# 28 WeeChat log: date, TAB, nick, TAB, message
def f28():
    b = R5['F']
    out = ['2026-12-07 10:00:01\t-->\tjdoe (~jdoe@host) has joined #parisc']
    for i, l in enumerate(console(b.lines, b.t0)):
        out.append('2026-12-07 10:00:%02d\tjdoe\t%s' % (11 + i // 10, l))
    out.append('2026-12-07 10:01:00\tdeller\tthanks, looking')
    write('28-weechat-log', [b], out)

# 29 PowerShell Out-File of a plink serial capture: UTF-16LE, BOM, CRLF
def f29():
    b = R6['K']
    text = '\r\n'.join(['plink -serial COM4 -sercfg 115200'] + rep(b)) + '\r\n'
    write('29-powershell-utf16le', [b], raw=b'\xff\xfe' + text.encode('utf-16-le'))

# 30 a pexpect-based harness logs each read as a Python bytes repr: chunks
# of up to 1024 bytes, lines split across them, \r\n escaped
def f30():
    b = R6['A']
    data = ('\r\n'.join(rep(b)) + '\r\n').encode()
    out = ['2026-12-07 10:00:10,998 INFO harness: waiting for "login:"']
    for i in range(0, len(data), 1024):
        out.append('2026-12-07 10:00:11,%03d DEBUG pexpect: read %r' % (i // 1024, data[i:i + 1024]))
    out.append('2026-12-07 10:00:40,001 ERROR harness: timeout waiting for "login:"')
    write('30-pexpect-bytes-repr', [b], out)

# 31 a JSON-lines harness log whose console event is one line of >64 KiB
def f31():
    b = R5['P']
    boot = ['pci 0000:00:%02x.0: [8086:%04x] type 00 class 0x060000 conventional PCI endpoint' % (i % 32, i)
            for i in range(1100)]
    text = '\n'.join(console(boot + b.lines, b.t0 - 2)) + '\n'
    assert len(text) > 65536
    out = [json.dumps({"ts": "2026-12-07T10:00:10Z", "level": "info", "event": "boot started"}),
           json.dumps({"ts": "2026-12-07T10:01:10Z", "level": "info", "event": "console", "data": text}),
           json.dumps({"ts": "2026-12-07T10:01:11Z", "level": "error", "event": "boot failed"})]
    write('31-jsonl-long-console-line', [b], out)

# 32 ser2net telnet capture: IAC negotiation bytes at the start and on a
# second client's connect
def f32():
    b = R6['F']
    lines = rep(b)
    raw = b'\xff\xfb\x01\xff\xfb\x03\xff\xfd\x18\xff\xfd\x1f'
    for i, l in enumerate(lines):
        if i == 12:
            raw += b'\xff\xfb\x01\xff\xfb\x03'
        raw += l.encode() + b'\r\n'
    write('32-ser2net-telnet-iac', [b], raw=raw)

# 33 adb bugreport: the KERNEL LOG section with caller ids
def f33():
    b = R5['B']
    out = ['========================================================',
           '== dumpstate: 2026-12-07 10:00:30', '========================================================',
           '', '------ KERNEL LOG (dmesg) ------']
    out += console(BOOT + b.lines, b.t0 - 0.02, b.caller)
    out += ["------ 0.082s was the duration of 'KERNEL LOG (dmesg)' ------",
            '------ LAST KMSG (/sys/fs/pstore/console-ramoops-0) ------',
            '*** /sys/fs/pstore/console-ramoops-0: No such file or directory']
    write('33-adb-bugreport-kernel-log', [b], out)

# 34 journalctl -k -o json --output-fields=MESSAGE,PRIORITY: records
# without _TRANSPORT or SYSLOG_IDENTIFIER
def f34():
    b = R6['E']
    out = []
    for i, (t, l) in enumerate(stamped(BOOT + b.lines, 408.1)):
        rec = {"__CURSOR": "s=8c1f0b2a4e4d4c1b9a4f2b2d3a1c0e9f;i=%x;b=4d2c;m=%x;t=%x;x=%x" % (0x5a10 + i, int(t * 1e6), 1765101611000000 + i, i * 7919),
               "__REALTIME_TIMESTAMP": str(1765101611000000 + i),
               "__MONOTONIC_TIMESTAMP": str(int(t * 1e6)),
               "_BOOT_ID": "4d2c8f0c1a2b4c3d9e8f7a6b5c4d3e2f",
               "PRIORITY": "4", "MESSAGE": l[15:]}
        out.append(json.dumps(rec))
    write('34-journalctl-json-output-fields', [b], out)

# 35 a collector that cut the console into 4096-byte reads and ended each
# with a newline
def f35():
    b = R6['B']
    data = '\n'.join(rep(b)) + '\n'
    chunks = [data[i:i + 4096] for i in range(0, len(data), 4096)]
    raw = ''.join(c if c.endswith('\n') else c + '\n' for c in chunks)
    write('35-collector-4096-cuts', [b], raw=raw.encode())

# 36 an HTML-only mail (webmail): each line ends in <br>, the part is
# quoted-printable, so soft breaks cut the HTML anywhere
def f36():
    b = R6['I']
    h = '<div dir="ltr">Hi,<br><br>this is on our imx6 board:<br><br><div>'
    for l in console(b.lines, b.t0 if hasattr(b, 't0') else 112.5):
        e = html.escape(l, quote=False)
        e = e.replace('  ', '&nbsp; ')
        h += e + '<br>'
    h += '</div><br>Thanks<br></div>\n'
    out = MAILHDR.split('\n') + ['Subject: imx6: circular locking in clk prepare',
           'Content-Type: text/html; charset="UTF-8"',
           'Content-Transfer-Encoding: quoted-printable', ''] + qp(h).rstrip('\n').split('\n')
    write('36-html-only-mail-qp', [b], out)

# Near misses: no report a kernel engineer would count.

# 37 a test-results CSV whose middle column holds the text a negative test
# must not see (the last column is the result)
def f37():
    pat = '\n'.join(['======================================================',
                     'WARNING: possible circular locking dependency detected',
                     '------------------------------------------------------',
                     'kworker/u16:4/2291 is trying to acquire lock:',
                     'ffff888104a2c0c8 (&card->controls_rwsem){++++}-{4:4}, at: snd_ctl_remove_id+0x4d/0x1f0'])
    rows = [['test', 'must_not_match', 'result'],
            ['snd-usb-unplug', pat, 'pass'],
            ['snd-usb-replug', pat, 'pass']]
    out = []
    for r in rows:
        out.append(','.join('"%s"' % c.replace('"', '""') for c in r))
    write('37-nm-csv-pattern-column', [], out)

# 38 a code search API answer: JSON fragments of lockdep.c's printk strings
# and of lockdep-design.rst's example
def f38():
    frag1 = '\n'.join(['\tpr_warn("\\n");',
                       '\tpr_warn("======================================================\\n");',
                       '\tpr_warn("WARNING: possible circular locking dependency detected\\n");',
                       '\tprint_kernel_ident();',
                       '\tpr_warn("------------------------------------------------------\\n");',
                       '\tpr_warn("%s/%d is trying to acquire lock:\\n",',
                       '\t\tcurr->comm, task_pid_nr(curr));'])
    frag2 = '\n'.join(['The bit position indicates STATE, STATE-read, for each of the states',
                       'listed above, and the character displayed at each bit position indicates:',
                       '',
                       'WARNING: possible circular locking dependency detected',
                       '',
                       '   modprobe/2287 is trying to acquire lock:',
                       '    (&sio_locks[i].lock){-.-.}, at: [<c02867fd>] mutex_lock+0x21/0x24',
                       '',
                       '   but task is already holding lock:',
                       '    (&sio_locks[i].lock){-.-.}, at: [<c02867fd>] mutex_lock+0x21/0x24'])
    doc = {"total_count": 2, "items": [
        {"path": "kernel/locking/lockdep.c", "text_matches": [{"fragment": frag1}]},
        {"path": "Documentation/locking/lockdep-design.rst", "text_matches": [{"fragment": frag2}]}]}
    write('38-nm-code-search-json', [], json.dumps(doc, indent=2).split('\n'))

# 39 a web page about lockdep's formats: headers in <code> on lines of
# their own, ending in <br>
def f39():
    out = ['<!DOCTYPE html>', '<html><head><title>Reading lockdep reports</title></head><body>',
           '<h1>Reading lockdep reports</h1>',
           '<p>Every report starts with a header line. The common ones are:<br>',
           '<code>WARNING: possible circular locking dependency detected</code><br>',
           '<code>WARNING: possible recursive locking detected</code><br>',
           '<code>WARNING: inconsistent lock state</code><br>',
           '<code>WARNING: suspicious RCU usage</code><br>',
           'and each is followed by the task, as in<br>',
           '<code>&lt;comm&gt;/&lt;pid&gt; is trying to acquire lock:</code><br>',
           '<code>ffff888104a2c0c8 (&amp;card-&gt;controls_rwsem){++++}-{4:4}, at: snd_ctl_remove_id+0x4d/0x1f0</code><br>',
           '</p>', '</body></html>']
    write('39-nm-html-about-headers', [], out)

# 40 a mail with a screenshot attachment (base64 PNG) and a .config
def f40():
    png = bytes(range(256)) * 12
    enc = base64.encodebytes(b'\x89PNG\r\n\x1a\n' + png).decode().rstrip('\n').split('\n')
    cfg = base64.encodebytes(b'CONFIG_LOCKDEP=y\nCONFIG_PROVE_LOCKING=y\nCONFIG_DEBUG_LOCKDEP=y\n'
                             b'# WARNING: possible circular locking dependency detected is what we look for\n').decode().rstrip('\n').split('\n')
    out = MAILHDR.split('\n') + ['Subject: screen of the hang',
           'Content-Type: multipart/mixed; boundary="b1"', '', '--b1',
           'Content-Type: text/plain; charset="UTF-8"', '',
           'The console froze, a photo of the screen and my .config attached.', '',
           '--b1', 'Content-Type: image/png; name="screen.png"',
           'Content-Transfer-Encoding: base64', ''] + enc + [
           '--b1', 'Content-Type: text/plain; name="config"',
           'Content-Transfer-Encoding: base64', ''] + cfg + ['--b1--']
    write('40-nm-mail-png-attachment', [], out)

# 41 an IRC channel where a bot announces regressions by title
def f41():
    out = ['--- Log opened Mon Dec 07 10:00:00 2026',
           '10:00 < kernelci-bot> [next-20251205] WARNING: possible circular locking dependency detected in snd_ctl_remove_id',
           '10:00 < kernelci-bot> [6.17-rc4] WARNING: suspicious RCU usage in dev_deactivate_queue',
           '10:01 < jdoe> the first one again? is that not fixed in sound-next',
           '10:02 < tiwai> fix queued, will be in the next pull']
    write('41-nm-irc-bot-titles', [], out)

# 42 a patchwork JSON whose "diff" edits lockdep-design.rst's example
def f42():
    diff = '\n'.join([
        'diff --git a/Documentation/locking/lockdep-design.rst b/Documentation/locking/lockdep-design.rst',
        '--- a/Documentation/locking/lockdep-design.rst',
        '+++ b/Documentation/locking/lockdep-design.rst',
        '@@ -52,12 +52,12 @@ The validator tracks lock-class usage',
        ' For example, the report::',
        ' ',
        '     ======================================================',
        '     WARNING: possible circular locking dependency detected',
        '     ------------------------------------------------------',
        '-    modprobe/2287 is trying to acquire lock:',
        '+    modprobe/2287 is trying to acquire lock (example):',
        '      (&sio_locks[i].lock){-.-.}, at: [<c02867fd>] mutex_lock+0x21/0x24',
        ' ',
        '     but task is already holding lock:',
        '      (&sio_locks[i].lock){-.-.}, at: [<c02867fd>] mutex_lock+0x21/0x24'])
    doc = {"id": 14122, "name": "[v2] docs: lockdep-design: mark the example",
           "diff": diff, "state": "new"}
    write('42-nm-patchwork-doc-diff', [], [json.dumps(doc)])


for f in [f01, f02, f03, f04, f05, f06, f07, f08, f09, f10, f11, f12, f13,
          f14, f15, f16, f17, f18, f19, f20, f21, f22, f23, f24, f25, f26,
          f27, f28, f29, f30, f31, f32, f33, f34, f35, f36, f37, f38, f39,
          f40, f41, f42]:
    f()
