import json, os, sys, copy
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bases import *

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)

class Clock:
    def __init__(self, t=850.188360):
        self.t = t
    def next(self, d=0.000007):
        self.t += d
        return self.t

def kts(t):
    return '[%5d.%06d]' % (int(t), round((t - int(t)) * 1e6))

def console(lines, clk=None, caller=None, space=' '):
    clk = clk or Clock()
    out = []
    for l in lines:
        t = clk.next()
        p = kts(t)
        if caller:
            p += '[%6s]' % caller
        out.append(p + (space + l if l else ''))
    return out

def write(name, text_lines, labels, nl='\n', raw=None):
    path = os.path.join(OUT, name)
    if raw is None:
        raw = (nl.join(text_lines) + nl).encode('utf-8')
    with open(path + '.log', 'wb') as f:
        f.write(raw)
    reps = [lab for lab in labels if lab]
    with open(path + '.expected', 'w') as f:
        json.dump({"reports": reps}, f, indent=1)
        f.write('\n')

def lab(b, **kw):
    d = copy.deepcopy(b['label'])
    d.update(kw)
    return d

boot_pre = [
    'Run /sbin/init as init process',
    'EXT4-fs (vda): re-mounted. Opts: (null). Quota mode: none.',
    'random: crng init done',
]

# 01 Buildkite raw log: every line starts with an APC timestamp ESC _bk;t=ms BEL
def f01():
    ls = boot_pre + L(A)
    cl = console(ls)
    ms = 1765101601500
    out = []
    for i, l in enumerate(['--- :linux: boot kernel under QEMU'] + cl + ['^^^ +++', ':x: kernel splat found']):
        out.append('\x1b_bk;t=%d\x07%s' % (ms + i * 3, l))
    write('01-buildkite-apc-stamps', out, [lab(A)], nl='\r\n')

# 02 GitLab >= 17 runner timestamps: "ISO8601Z 00O " stream/type marker
def gl(lines, start='2026-12-07T10:00:11.000412Z', stream='01', cont=set()):
    out = []
    us = 412
    for i, l in enumerate(lines):
        us += 37
        st = '2026-12-07T10:00:%02d.%06dZ' % (11 + us // 1000000, us % 1000000)
        out.append('%s %sO%s %s' % (st, stream, '+' if i in cont else '', l))
    return out

def f02():
    ls = console(boot_pre + L(B))
    hdr = ['\x1b[0Ksection_start:1765101611:step_script\r\x1b[0K\x1b[32;1m$ ./run-qemu.sh\x1b[0;m']
    write('02-gitlab17-stream-stamps', gl(hdr + ls + ['\x1b[0Ksection_end:1765101699:step_script\r\x1b[0K']), [lab(B)])

# 03 GitLab 17: a line written in two flushes is split, the tail marked "00O+"
def f03():
    ls = console(L(A))
    out_lines, cont = [], set()
    for l in ls:
        if ', at: ' in l and (' #' in l):
            a, b = l.split(', at: ', 1)
            out_lines.append(a)
            cont.add(len(out_lines))
            out_lines.append(', at: ' + b)
        else:
            out_lines.append(l)
    write('03-gitlab17-split-flush', gl(out_lines, cont=cont), [lab(A)])

# 04 docker compose logs: "service-1  | "
def f04():
    ls = console(boot_pre + L(C), Clock(191.004311))
    out = ['qemu-1  | ' + l for l in ls]
    out.insert(20, 'runner-1  | waiting for the guest to answer on :2222')
    write('04-docker-compose-prefix', out, [lab(C)])

# 05 kubectl logs --prefix
def f05():
    ls = console(L(D), Clock(370.551209))
    out = ['[pod/kernel-test-7d9c5/qemu] ' + l for l in ls]
    write('05-kubectl-prefix', out, [lab(D)])

# 06 grabserial -t: "[abs rel] " seconds since start and since the line before
def f06():
    ls = console(boot_pre + L(E), Clock(54.201733))
    out, t = [], 61.204480
    for l in ls:
        d = 0.000131
        t += d
        out.append('[%4.6f %2.6f] %s' % (t, d, l))
    write('06-grabserial-stamps', out, [lab(E)])

# 07 tio -t: "[10:00:01.123] "
def f07():
    ls = console(boot_pre + L(F), Clock(12.771022))
    out = ['[10:00:%02d.%03d] %s' % (1 + i // 200, (i * 5) % 1000, l) for i, l in enumerate(ls)]
    write('07-tio-stamps', out, [lab(F)], nl='\r\n')

# 08 conserver log with MARK lines inside the report
def f08():
    ls = console(L(G), Clock(4410.318500))
    ls.insert(12, '[-- MARK -- Mon Dec  7 10:00:00 2026]')
    ls.insert(22, '[-- MARK -- Mon Dec  7 10:20:00 2026]')
    out = ['[Enter `^Ec?\' for help]', '[-- Console up -- Mon Dec  7 09:31:12 2026]'] + ls
    write('08-conserver-marks', out, [lab(G)])

# 09 ipmitool sol capture: \r\r\n line ends
def f09():
    ls = console(L(H), Clock(902.113045))
    out = ['[SOL Session operational.  Use ~? for help]'] + ls
    write('09-ipmitool-sol-crcr', out, [lab(H)], nl='\r\r\n')

# 10 Jenkins timestamper plain "HH:MM:SS  " (system clock, default)
def f10():
    ls = console(L(I), Clock(2211.507302))
    out = ['10:42:%02d  %s' % (7 + i // 40, l) for i, l in enumerate(ls)]
    write('10-jenkins-hhmmss', out, [lab(I)])

# 11 git log: commit message indented by 4, timestamps dropped
def f11():
    out = ['commit 3f1e9a0c4b2d7e8f9a0b1c2d3e4f5a6b7c8d9e0f',
           'Author: Jane Hacker <jane@example.org>',
           'Date:   Mon Dec 7 10:00:00 2026 +0100', '',
           '    ext4: drop xattr_sem before starting a handle', '',
           '    fsstress triggers the following report:', '']
    out += [('    ' + l) if l else '' for l in L(A)]
    out += ['', '    Fix it by taking the handle first.', '',
            '    Signed-off-by: Jane Hacker <jane@example.org>', '']
    write('11-git-log-indented', out, [lab(A)])

# 12 commit message style: indented by 2, elided with [...]
def f12():
    ls = L(B)
    keep = []
    skip = False
    for l in ls:
        if l.startswith('other info that might'):
            keep.append('[...]'); skip = True; continue
        if skip and l.startswith('2 locks held'):
            skip = False
        if skip:
            continue
        if l.startswith('Hardware name'):
            continue
        keep.append(l)
    # elide the top of the backtrace too
    i = keep.index(' dump_backtrace+0x0/0x1b0')
    keep[i:i + 4] = [' [...]']
    out = ['mmc: sdhci: do not take host->lock twice in the threaded irq', '',
           'With PREEMPT_RT, lockdep reports:', '']
    out += [('  ' + l) if l else '' for l in keep]
    out += ['', 'Fixes: 0123456789ab ("mmc: sdhci: run request_done in the threaded irq")',
            'Signed-off-by: Dev One <dev1@example.com>']
    write('12-commit-msg-elided', out, [lab(B)])

# 13 Launchpad apport: CurrentDmesg field, lines indented by one space
def f13():
    ls = console(boot_pre + L(C), Clock(191.004311))
    out = ['ProblemType: Bug', 'DistroRelease: Ubuntu 16.04', 'Package: linux-image-4.4.0-rc5+ (not installed)',
           'ProcVersionSignature: Ubuntu 4.4.0-rc5+', 'Uname: Linux 4.4.0-rc5+ x86_64', 'ApportVersion: 2.20.1-0ubuntu2',
           'Architecture: amd64', 'CurrentDmesg:']
    out += [' ' + l for l in ls]
    out += ['Date: Mon Dec  7 10:00:00 2026', 'MachineType: Dell Inc. OptiPlex 7010']
    write('13-launchpad-apport-field', out, [lab(C)])

# 14 ChromeOS /var/log/messages: "ISO8601Z LEVEL kernel: [ts] text"
def f14():
    ls = console(L(D), Clock(370.551209))
    out = []
    for i, l in enumerate(ls):
        lvl = 'ERR' if i < 4 else 'WARNING'
        out.append('2026-12-07T10:00:%02d.%06dZ %s kernel: %s' % (11 + i // 100, 500007 + i, lvl, l))
    out.insert(10, '2026-12-07T10:00:11.510000Z INFO shill[1712]: [INFO:manager.cc(1480)] Service 2 updated')
    write('14-chromeos-syslog', out, [lab(D)])

# 15 dmesg saved from PowerShell: UTF-16LE with BOM, CRLF
def f15():
    ls = console(boot_pre + L(E), Clock(54.201733))
    raw = '\ufeff' + '\r\n'.join(ls) + '\r\n'
    write('15-utf16le-powershell', None, [lab(E)], raw=raw.encode('utf-16-le'))

# 16 UTF-8 BOM + CRLF (Notepad)
def f16():
    ls = console(L(F), Clock(12.771022))
    raw = ('\ufeff' + '\r\n'.join(ls) + '\r\n').encode('utf-8')
    write('16-utf8-bom-crlf', None, [lab(F)], raw=raw)

# 17 PuTTY session log
def f17():
    ls = console(L(G), Clock(4410.318500))
    out = ['=~=~=~=~=~=~=~=~=~=~=~= PuTTY log 2026.12.07 10:00:00 =~=~=~=~=~=~=~=~=~=~=~='] + ls
    write('17-putty-log', out, [lab(G)], nl='\r\n')

# 18 Markdown issue, 4-space indented code block
def f18():
    ls = console(L(H), Clock(902.113045))
    out = ['### Describe the bug', '', 'Stopping a vsock guest on our POWER9 box gives this:', '']
    out += ['    ' + l for l in ls]
    out += ['', '### To reproduce', '', '1. start a guest with a vhost-vsock device', '2. kill it']
    write('18-markdown-indented-block', out, [lab(H)])

# 19 Bugzilla comment replying to an earlier comment, quoting the splat
def f19():
    ls = console(L(I), Clock(2211.507302))
    out = ['(In reply to Chris Wilson from comment #3)', '> Can you attach the full dmesg with lockdep enabled?', '',
           'Here it is (from comment #2):', '']
    out += ['> ' + l for l in ls]
    out += ['', 'It happens every time I scroll in firefox.']
    write('19-bugzilla-in-reply', out, [lab(I)])

# 20 console dropped records in the middle of the #1 trace
def f20():
    ls = L(A)
    i = ls.index('       ext4_xattr_ibody_find+0x4c/0x3f0')
    ls[i:i + 5] = ['** 5 printk messages dropped **']
    write('20-printk-dropped-in-chain', console(ls, Clock(77.000100)), [lab(A)])

# 21 PRINTK_TIME off, PRINTK_CALLER on: "[  T187] text"
def f21():
    out = []
    for l in boot_pre:
        out.append('[    T1] ' + l)
    for l in L(B):
        out.append('[  T187]' + (' ' + l if l else ''))
    write('21-callerid-without-time', out, [lab(B)])

# 22 PRINTK_TIME off: plain QEMU serial, systemd lines around and inside
def f22():
    ls = list(L(C))
    i = ls.index(' [<ffffffff816b3f2c>] net_rx_action+0x21c/0x3e0')
    ls.insert(i, '[  OK  ] Started Network Manager Script Dispatcher Service.')
    out = ['[  OK  ] Reached target Network.', '         Starting Network Manager...'] + ls + ['', 'Ubuntu 16.04 LTS box ttyS0', '', 'box login: ']
    write('22-qemu-notime-systemd', out, [lab(C)])

# 23 syzbot-style console log, caller ids and executor lines
def f23():
    clk = Clock(123.456789)
    out = []
    for l in ['executing program', 'executing program']:
        out.append('%s %s' % ('2026/12/07 10:00:01', l))
    out += console(L(J), clk, caller='T1')
    write('23-syzbot-console-callerid', out, [lab(J)])

# 24 report cut by a reboot in the middle of #0's trace
def f24():
    ls = L(I)
    i = ls.index('       [<ffffffff8117e2f7>] handle_pte_fault+0x97/0x9d0')
    cl = console(ls[:i], Clock(2211.507302))
    cl += ['SeaBIOS (version 1.16.2-debian-1.16.2-1)', 'iPXE (https://ipxe.org) 00:03.0 CA00 PCI2.10 PnP PMM+BEFD3A40+BEF33A40 CA00',
           'Booting from Hard Disk...', '[    0.000000] Linux version 3.10.0-rc7+ (jane@build) (gcc version 4.8.1) #4 SMP']
    write('24-reboot-cut-in-chain', cl, [lab(I, held_locks=None)])

# 25 lockdep turned itself off: not a report
def f25():
    write('25-max-entries-too-low', console(L(MAXLOW), Clock(3301.100000)), [])

# 26 RHEL 6 (2.6.32) hung task with its own held-lock list
def f26():
    ls = ['%s %s' % ('Dec  7 10:00:01 rhel6box kernel:', l) if l else 'Dec  7 10:00:01 rhel6box kernel: ' for l in L(Dold)]
    write('26-rhel6-hung-task-syslog', ls, [lab(Dold)])

# 27 RCU report followed by a circular one on the same console (caller ids)
def f27():
    clk = Clock(12.771022)
    out = console(L(F), clk, caller='T98') + console(['random: crng init done'], clk, caller='C0')
    clk.next(20.0)
    out += console(L(A), clk, caller='T4711')
    write('27-rcu-then-circular-callerid', out, [lab(F), lab(A)])

# 28 Tera Term log with its timestamps "[Mon Dec 07 10:00:01.123 2026] "
def f28():
    ls = console(L(J), Clock(1.984301))
    out = ['[Mon Dec 07 10:00:%02d.%03d 2026] %s' % (1 + i // 150, (i * 7) % 1000, l) for i, l in enumerate(ls)]
    write('28-teraterm-stamps', out, [lab(J)], nl='\r\n')

# 29 kubectl logs --timestamps: RFC 3339 with nanoseconds
def f29():
    ls = console(boot_pre + L(E), Clock(54.201733))
    out = ['2026-12-07T10:00:%02d.%09dZ %s' % (1 + i // 300, 123456789 + i * 1000, l) for i, l in enumerate(ls)]
    write('29-kubectl-timestamps-nano', out, [lab(E)])

# 30 script(1) typescript: header, \r\r\n line ends, old kernel
def f30():
    ls = console(L(Eold), Clock(5120.004400))
    out = ['Script started on 2026-12-07 10:00:00+00:00 [COMMAND="picocom -b 115200 /dev/ttyUSB0" TERM="xterm-256color" TTY="/dev/pts/3" COLUMNS="200" LINES="50"]',
           'picocom v3.1', '', 'port is        : /dev/ttyUSB0', 'Terminal ready'] + ls + ['', 'Terminating...', 'Thanks for using picocom',
           '', 'Script done on 2026-12-07 10:05:00+00:00 [COMMAND_EXIT_CODE="0"]']
    write('30-script-typescript-old-userreturn', out, [lab(Eold)], nl='\r\r\n')

# 31 old bad unlock quoted twice in mail, without timestamps
def f31():
    out = ['On Mon, Dec 7, 2026 at 10:00 AM Hans <hans@example.org> wrote:', '> On 12/6/26 9:00 PM, Mauro wrote:',
           '> > I see this with the patch applied:', '> >']
    out += ['> > ' + l if l else '> >' for l in L(Gold)]
    out += ['>', '> That is the close path releasing the lock twice.', '', 'Right, I will send a v2.']
    write('31-mail-old-bad-unlock', out, [lab(Gold)])

# 32 old RCU report through dmesg -T
def f32():
    ls = ['[Mon Dec  7 10:00:%02d 2026] %s' % (1 + i // 20, l) if l else '[Mon Dec  7 10:00:%02d 2026]' % (1 + i // 20)
          for i, l in enumerate(L(Fold))]
    write('32-dmesg-T-old-rcu', ls, [lab(Fold)])

# 33 moreutils ts -s (elapsed "HH:MM:SS ")
def f33():
    ls = console(L(H), Clock(902.113045))
    out = ['00:15:%02d %s' % (2 + i // 50, l) for i, l in enumerate(ls)]
    write('33-ts-elapsed', out, [lab(H)])

# 34 QEMU serial: userspace output glued before the kernel's prefix
def f34():
    ls = console(L(A), Clock(77.000100))
    ls[20] = 'Starting Network Manager Script Dispatcher Service...' + ls[20]
    ls[45] = '\x1b[0;32m  OK  \x1b[0m] Started Hostname Service.' + ls[45]
    write('34-qemu-userspace-glued', ls, [lab(A)])

# 35 excerpt cut at its held-lock count line
def f35():
    ls = L(B)
    i = ls.index('2 locks held by irq/56-mmc0/187:')
    cl = console(ls[:i + 1], Clock(31.000011))
    write('35-cut-at-held-count', cl, [lab(B, held_locks=None, culprit='sdhci_request_done')])

# 36 might_sleep splat with a held-lock list: not a lockdep report
def f36():
    write('36-sleeping-in-atomic-not-lockdep', console(L(SLEEP), Clock(48.220001)), [])

# 37 crash> log -m: the level after the timestamp
def f37():
    ls = ['%s <4>%s' % (kts(850.0 + i * 0.00001), l) for i, l in enumerate(L(G))]
    write('37-crash-log-m', ls, [lab(G)])

# 38 pstore dmesg-ramoops file of a panic (panic_on_warn)
def f38():
    ls = console(L(B), Clock(31.000011))
    out = ['Panic#1 Part1'] + ['<4>' + l for l in ls] + ['<0>[   31.001200] Kernel panic - not syncing: panic_on_warn set ...']
    write('38-pstore-panic-record', out, [lab(B)])

# 39 elided with "<snip>" inside #1's trace, 3.x
def f39():
    ls = L(I)
    i = ls.index('       [<ffffffff8117e5ec>] might_fault+0x8c/0xb0')
    ls[i + 1:i + 5] = ['<snip>']
    write('39-snip-in-chain', console(ls, Clock(2211.507302)), [lab(I)])

# 40 GitLab CI (older runner, no stamps): section markers, colours, CRLF
def f40():
    ls = console(boot_pre + L(Fold), Clock(14.000200))
    out = ['\x1b[0KRunning with gitlab-runner 16.5.0 (853330f9)\x1b[0;m',
           'section_start:1765101611:step_script\r\x1b[0K\x1b[0K\x1b[36;1mExecuting "step_script" stage of the job script\x1b[0;m\x1b[0;m',
           '\x1b[32;1m$ make boot-test\x1b[0;m'] + ls + ['section_end:1765101699:step_script\r\x1b[0K', '\x1b[31;1mERROR: Job failed: exit code 1\x1b[0;m']
    write('40-gitlab-sections-old-rcu', out, [lab(Fold)], nl='\r\n')

# 41 2.6.32 hung task in a plain console log, pasted in a Bugzilla attachment
def f41():
    ls = console(['EXT4-fs (dm-0): mounted filesystem with ordered data mode'] + L(Dold), Clock(1441.220071))
    write('41-console-rhel6-hung-task', ls, [lab(Dold)])

# 42 MAX_LOCKDEP_CHAIN_HLOCKS too low in a syslog: no report
def f42():
    ls = ['Dec  7 10:00:01 ci-7 kernel: [ 3301.100000] ' + l for l in L(MAXLOW)]
    ls[0] = ls[0].replace('MAX_LOCKDEP_ENTRIES', 'MAX_LOCKDEP_CHAIN_HLOCKS')
    write('42-syslog-chain-hlocks-too-low', ls, [])

for k, v in sorted(globals().items()):
    if k.startswith('f') and k[1:].isdigit():
        v()
