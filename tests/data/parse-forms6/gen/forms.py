# SPDX-License-Identifier: GPL-2.0
# Round 6 of unseen forms: passes the reports of bases.py through the
# capture tools, CI systems, log stores and archives that carry them, and
# writes NN-name.log with its NN-name.expected label (stable output):
#     python3 gen/forms.py tests/data/parse-forms6
import base64, copy, html, json, os, sys, textwrap
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bases import *

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)


class Clock:
    def __init__(self, t=1473.529114):
        self.t = t

    def next(self, d=0.000011):
        self.t += d
        return self.t


def kts(t):
    return '[%5d.%06d]' % (int(t), round((t - int(t)) * 1e6) % 1000000)


def console(lines, clk=None, caller=None):
    clk = clk or Clock()
    out = []
    for l in lines:
        p = kts(clk.next())
        if caller:
            p += '[%6s]' % caller
        out.append(p + (' ' + l if l else ''))
    return out


def write(name, lines, labels, nl='\n', raw=None):
    path = os.path.join(OUT, name)
    if raw is None:
        raw = (nl.join(lines) + nl).encode('utf-8')
    with open(path + '.log', 'wb') as f:
        f.write(raw)
    with open(path + '.expected', 'w') as f:
        json.dump({"reports": [copy.deepcopy(b['label']) for b in labels]},
                  f, indent=1)
        f.write('\n')


boot = [
    'Run /sbin/init as init process',
    'EXT4-fs (vda): re-mounted. Quota mode: none.',
    'random: crng init done',
]
after = ['systemd-journald[211]: Received SIGTERM from PID 1 (systemd).']

# 01 Jenkins pipeline console with [Pipeline] blocks and hidden console
# notes (ESC[8mha:////...ESC[0m) before some lines
def f01():
    note = '\x1b[8mha:////4Kq3xYbP3mVQk2b0Rz1L0yXcN5mUAAAA\x1b[0m'
    out = ['Started by upstream project "kernel-ci/main" build number 4412',
           '[Pipeline] Start of Pipeline', '[Pipeline] node',
           'Running on qemu-x86-07 in /srv/jenkins/workspace/boot-test',
           '[Pipeline] {', '[Pipeline] stage', '[Pipeline] { (Boot)',
           '[Pipeline] sh', note + '+ ./boot-qemu.sh bzImage']
    for i, l in enumerate(console(boot + L(A))):
        out.append((note if i % 9 == 0 else '') + l)
    out += ['[Pipeline] }', '[Pipeline] // stage', '[Pipeline] }',
            '[Pipeline] End of Pipeline', 'Finished: FAILURE']
    write('01-jenkins-pipeline-notes', out, [A])

# 02 Tekton: tkn pipelinerun logs, "[task : step] " before every line
def f02():
    out = ['[boot-test : step-boot] ' + l for l in console(boot + L(B))]
    out = ['[fetch : git-clone] + git fetch origin'] + out
    write('02-tekton-tkn-logs', out, [B])

# 03 Prow build-log.txt: glog lines of the test driver carry the console
def f03():
    out = ['I1207 10:00:11.118210      21 boot.go:71] starting qemu']
    us = 118210
    for l in console(boot + L(C)):
        us += 431
        out.append('I1207 10:00:%02d.%06d      21 console.go:88] %s' %
                   (11 + us // 1000000, us % 1000000, l))
    out.append('E1207 10:01:02.003112      21 boot.go:130] kernel warning found')
    write('03-prow-glog-console', out, [C])

# 04 tuxrun logs.yaml: a YAML flow mapping a line, level target
def f04():
    out = []
    us = 0
    for l in console(boot + L(E)):
        us += 1200
        out.append('- {"dt": "2026-12-07T10:00:%02d.%06d", "lvl": "target", "msg": %s}' %
                   (11 + us // 1000000, us % 1000000, json.dumps(l)))
    out.insert(0, '- {"dt": "2026-12-07T10:00:10.998000", "lvl": "info", "msg": "Running: qemu-system-x86_64 -nographic"}')
    write('04-tuxrun-logs-yaml', out, [E])

# 05 LKP dmesg -kx with caller ids and user-space lines between
def f05():
    out = []
    clk = Clock(282.72376)
    for i, l in enumerate(L(A)):
        out.append('kern  :warn  : %s [   T2291] %s' % (kts(clk.next()), l) if l
                   else 'kern  :warn  : %s [   T2291]' % kts(clk.next()))
        if i == 30:
            out.append('user  :notice: [  282.729112] [  T5053] LKP: stdout: 285: HOSTNAME lkp-icl-2sp5, MAC 3c:ec:ef:a2:11:26')
    write('05-lkp-dmesg-kx-callers', out, [A])

# 06 KernelCI HTML log: one <span> a line, entities
def f06():
    out = ['<!DOCTYPE html>', '<html><head><title>kernelci boot log</title></head><body>',
           '<pre id="log">']
    for l in console(boot + L(I)):
        out.append('<span class="kernel">%s</span>' % html.escape(l, quote=False))
    out += ['</pre>', '</body></html>']
    write('06-kernelci-html-spans', out, [I])

# 07 GNU screen logfile: CRLF, erase-line sequences, a status line
def f07():
    out = ['\x1b[?1049h\x1b[H\x1b[2J']
    for l in console(boot + L(J)):
        out.append(l + '\x1b[K')
    write('07-screen-logfile', out, [J], nl='\r\n')

# 08 picocom capture with its banner
def f08():
    out = ['picocom v3.1', '', 'port is        : /dev/ttyUSB0',
           'flowcontrol    : none', 'baudrate is    : 115200',
           'parity is      : none', 'escape is      : C-a',
           'logfile is     : boot.cap', 'Type [C-a] [C-h] to see available commands',
           'Terminal ready'] + console(boot + L(F)) + ['', 'Terminating...', 'Thanks for using picocom']
    write('08-picocom-capture', out, [F], nl='\r\n')

# 09 cu: CR CR LF line ends
def f09():
    out = ['Connected.'] + console(boot + L(K)) + ['~.', 'Disconnected.']
    write('09-cu-crcrlf', out, [K], nl='\r\r\n')

# 10 virsh console with its greeting
def f10():
    out = ["Connected to domain 'ci-guest-12'", 'Escape character is ^] (Ctrl + ])',
           ''] + console(boot + L(B))
    write('10-virsh-console', out, [B], nl='\r\n')

# 11 xl console: (XEN) hypervisor lines interleaved with the guest's
def f11():
    out = []
    for i, l in enumerate(console(boot + L(C))):
        out.append(l)
        if i in (12, 30):
            out.append('(XEN) d1v0 Unhandled: vec 14, #PF[0000]')
    write('11-xl-console-xen-lines', out, [C])

# 12 VMware serial file: NULs from the UART at the start, CRLF
def f12():
    lines = console(boot + L(D))
    raw = b'\x00\x00\x00' + ('\r\n'.join(lines) + '\r\n').encode()
    write('12-vmware-serial-nul', None, [D], raw=raw)

# 13 AWS ec2 get-console-output: the whole console a JSON string
def f13():
    text = '\r\n'.join(console(boot + L(A))) + '\r\n'
    doc = {"InstanceId": "i-0b5d3c1e7f2a94d18", "Timestamp": "2026-12-07T10:02:11+00:00",
           "Output": text}
    write('13-aws-console-output-json', None, [A],
          raw=(json.dumps(doc, indent=4) + '\n').encode())

# 14 GCE serial port output (gcloud), with its trailing hint
def f14():
    out = console(boot + L(E)) + [
        '', 'Specify --start=128311 in the next get-serial-port-output invocation to get only the new output starting from here.']
    write('14-gce-serial-port', out, [E], nl='\r\n')

# 15 Azure boot diagnostics serial log: colour escapes around the banner
def f15():
    out = []
    for l in console(boot + L(H)):
        out.append(l)
    out.insert(1, '\x1b[0;32m  OK  \x1b[0m] Started \x1b[0;1;39mJournal Service\x1b[0m.')
    write('15-azure-bootdiag', out, [H], nl='\r\n')

# 16 CRI-O / containerd log: "TIME stdout F msg", long lines split with P
def f16():
    out = []
    ns = 100000000
    for l in console(boot + L(B)):
        ns += 1731
        st = '2026-12-07T10:00:11.%09dZ' % ns
        if len(l) > 70:
            out.append('%s stdout P %s' % (st, l[:50]))
            out.append('%s stdout F %s' % (st, l[50:]))
        else:
            out.append('%s stdout F %s' % (st, l))
    write('16-cri-partial-lines', out, [B])

# 17 podman/conmon k8s-file: zoned times, stderr stream
def f17():
    out = []
    for i, l in enumerate(console(boot + L(C))):
        out.append('2026-12-07T10:00:%02d.%09d+00:00 stderr F %s' % (11 + i // 50, 1000 * i, l))
    write('17-conmon-k8s-file', out, [C])

# 18 fluent-bit stdout output of the kmsg input
def f18():
    out = []
    seq = 1812
    clk = Clock()
    for l in boot + L(D):
        t = clk.next()
        seq += 1
        out.append('[0] kmsg.0: [1765101611.%09d, {"priority"=>4, "sequence"=>%d, "sec"=>%d, "usec"=>%d, "msg"=>%s}]' %
                   (seq * 1000, seq, int(t), round((t - int(t)) * 1e6) % 1000000, json.dumps(l)))
    write('18-fluentbit-kmsg-stdout', out, [D])

# 19 fluentd file output: TIME TAB TAG TAB JSON
def f19():
    out = ['2026-12-07T10:00:11+00:00\tsyslog.kern.warning\t%s' %
           json.dumps({"host": "ci-07", "ident": "kernel", "message": l})
           for l in console(boot + L(F))]
    write('19-fluentd-out-file', out, [F])

# 20 Loki logcli query output: TIME {labels} line
def f20():
    out = ['2026-12-07T10:00:11Z {host="ci-07", job="kmsg"} ' + l
           for l in console(boot + L(G))]
    write('20-loki-logcli', out, [G])

# 21 Elasticsearch search response, one hit a line, pretty-printed
def f21():
    hits = []
    for i, l in enumerate(console(boot + L(K))):
        hits.append({"_index": "kernel-2026.12.07", "_id": "k%05d" % i, "_score": None,
                     "_source": {"@timestamp": "2026-12-07T10:00:11.%03dZ" % (i % 1000),
                                 "host": {"name": "p9-lpar3"}, "message": l},
                     "sort": [1765101611000 + i]})
    doc = {"took": 12, "timed_out": False, "hits": {"total": {"value": len(hits), "relation": "eq"},
                                                    "max_score": None, "hits": hits}}
    write('21-elasticsearch-hits', None, [K], raw=(json.dumps(doc, indent=2) + '\n').encode())

# 22 Splunk CSV export of syslog events
def f22():
    out = ['"_time","host","source","_raw"']
    for l in console(boot + L(J)):
        raw = 'Dec  7 10:00:11 ci-07 kernel: ' + l
        out.append('"2026-12-07T10:00:11.000+0000","ci-07","/var/log/kern.log","%s"' %
                   raw.replace('"', '""'))
    write('22-splunk-csv', out, [J], nl='\r\n')

# 23 public-inbox raw message with format=flowed (soft breaks, stuffing)
def flowed(lines, width=72):
    out = []
    for l in lines:
        if l.startswith(' ') or l.startswith('>') or l.startswith('From '):
            l = ' ' + l
        while len(l) > width:
            cut = l.rfind(' ', 0, width)
            if cut <= 0:
                break
            out.append(l[:cut + 1])
            l = l[cut + 1:]
        out.append(l.rstrip(' '))
    return out


def f23():
    hdr = ['From 5a3b0e Mon Sep 17 00:00:00 2001', 'From: Tester <tester@example.com>',
           'To: linux-btrfs@vger.kernel.org', 'Subject: [BUG] lockdep splat in btrfs_quota_enable',
           'Date: Sun, 7 Dec 2025 09:11:02 +0100', 'Message-ID: <c0ffee.1@example.com>',
           'MIME-Version: 1.0', 'Content-Type: text/plain; charset=UTF-8; format=flowed',
           'Content-Transfer-Encoding: 8bit', '',
           'Hi, enabling quotas during balance gives this on next-20250905:', '']
    write('23-public-inbox-flowed', hdr + flowed(console(L(B))), [B])

# 24 spinics.net HTML: <pre> with entities, no line stamps
def f24():
    out = ['<HTML><HEAD><TITLE>possible recursive locking in ovl_copy_up_start &mdash; Linux Unionfs</TITLE></HEAD><BODY>',
           '<!--X-Body-of-Message-->', '<pre>syzbot found the following issue on:', '', 'HEAD commit:    4701f33a1070', '']
    for l in console(L(C)):
        out.append(html.escape(l, quote=True))
    out += ['</pre>', '<!--X-Body-of-Message-End-->', '</BODY></HTML>']
    write('24-spinics-html', out, [C])

# 25 mail-archive.com HTML: <br> line ends, &nbsp; runs for indentation
def f25():
    out = ['<div class="msgBody">']
    for l in L(I):
        e = html.escape(l, quote=False)
        n = len(e) - len(e.lstrip(' '))
        out.append('&nbsp;' * n + e.lstrip(' ') + '<br>')
    out.append('</div>')
    write('25-mail-archive-br', out, [I])

# 26 patchwork REST API comment: the body a JSON string
def f26():
    body = 'Hi,\n\nThis patch gives a lockdep warning here:\n\n' + '\n'.join(console(L(E))) + '\n\n-- \nCI bot\n'
    doc = [{"id": 3311872, "web_url": "https://patchwork.kernel.org/comment/3311872/",
            "msgid": "<ci.3311872@example.org>", "date": "2026-12-07T10:05:11",
            "subject": "Re: [PATCH net-next] netfilter: nf_tables: notify flowtable hooks",
            "submitter": {"id": 1, "name": "CI bot"}, "content": body}]
    write('26-patchwork-comment-json', None, [E], raw=(json.dumps(doc) + '\n').encode())

# 27 Launchpad comment HTML: <br /> and <wbr></wbr> inside long words
def f27():
    out = ['<div class="comment-text editable-message-text" itemprop="commentText"><p>']
    for l in L(D):
        e = html.escape(l, quote=False)
        # Launchpad breaks words over 30 characters with <wbr></wbr>
        words = []
        for w in e.split(' '):
            if len(w) > 30:
                w = '<wbr></wbr>'.join(w[i:i + 30] for i in range(0, len(w), 30))
            words.append(w)
        out.append(' '.join(words) + '<br />')
    out.append('</p></div>')
    write('27-launchpad-wbr', out, [D])

# 28 GitHub issue markdown: <details> and a fenced block inside, quoted
# again in a reply
def f28():
    out = ['### Describe the bug', '', 'Unplugging the USB DAC prints:', '',
           '<details><summary>dmesg</summary>', '', '```text'] + console(L(A)) + [
           '```', '', '</details>']
    write('28-github-details', out, [A])

# 29 Bugzilla attachment: CRLF, a UTF-8 BOM, journalctl -k --no-hostname
def f29():
    out = ['Dec 07 10:00:11 kernel: ' + l if l else 'Dec 07 10:00:11 kernel:' for l in L(G)]
    raw = b'\xef\xbb\xbf' + ('\r\n'.join(out) + '\r\n').encode()
    write('29-bugzilla-bom-crlf', None, [G], raw=raw)

# 30 Jira wiki markup: {noformat} around the report, {code} elsewhere
def f30():
    out = ['h3. Steps', '# boot with {{lockdep}} on', '# unplug the DAC', '',
           'h3. Console', '{noformat}'] + console(L(A)) + ['{noformat}', '',
           '{code:bash}', 'echo 1 > /sys/bus/usb/devices/1-1/remove', '{code}']
    write('30-jira-noformat', out, [A])

# 31 journalctl -o cat: kernel messages without a prefix, userspace mixed
def f31():
    out = ['Started Session 3 of User ci.', 'ci-runner[1041]: starting xfstests generic/388']
    for i, l in enumerate(L(G)):
        out.append(l)
        if i == 20:
            out.append('systemd[1]: Starting systemd-tmpfiles-clean.service...')
    write('31-journalctl-cat-mixed', out, [G])

# 32 printk caller ids without timestamps (printk.time=0)
def f32():
    out = ['[%6s] %s' % ('T3307', l) if l else '[ T3307]' for l in L(E)]
    out.insert(0, '[    T1] Run /sbin/init as init process')
    write('32-caller-no-time', out, [E])

# 33 caller id [C1] of an interrupt without timestamps; kernel with
# printk.time=0 and the id padded as printk does
def f33():
    out = ['[%6s] %s' % ('C2', l) if l else '[    C2]' for l in L(D)]
    write('33-caller-cpu-no-time', out, [D])

# 34 a mail quoted three deep, re-wrapped by the last client at 78
def f34():
    out = ['On 12/7/25 10:00, Maintainer wrote:', '> On Sun, Dec 7, Tester wrote:']
    for l in console(L(J)):
        q = '> > > ' + l
        out += textwrap.wrap(q, 78, subsequent_indent='> > > ', break_long_words=False,
                             break_on_hyphens=False, drop_whitespace=False) or ['> > >']
    out += ['> > ', '> Looks like the console lock nesting again.', '', 'Indeed.']
    write('34-mail-quoted3-wrap78', out, [J])

# 35 ser2net with timestamped trace (trace-read with timestamp)
def f35():
    out = []
    for i, l in enumerate(console(boot + L(F))):
        out.append('2026/12/07 10:00:%02d %s' % (11 + i // 40, l))
    write('35-ser2net-trace-stamps', out, [F], nl='\r\n')

# 36 labgrid console log via Python logging
def f36():
    out = ['2026-12-07 10:00:11,%03d labgrid.driver.serialdriver.SerialDriver: %s' % (i % 1000, l)
           for i, l in enumerate(console(boot + L(K)))]
    write('36-labgrid-serialdriver', out, [K])

# 37 two reports in one serial log: RCU (lockdep stays on) then circular
def f37():
    clk = Clock(611.0)
    out = console(boot + L(E), clk) + console(['nft: flowtable ft0 added'] + L(A), clk)
    write('37-two-reports-rcu-then-circular', out, [E, A])

# 38 near miss: MAX_LOCKDEP_KEYS too low, under Tekton
def f38():
    out = ['[boot-test : step-boot] ' + l for l in console(boot + NM_KEYS)]
    write('38-nearmiss-max-keys', out, [])

# 39 near miss: the locking selftest table passing, through screen
def f39():
    write('39-nearmiss-selftest-table', console(NM_SELFTEST) + console(boot), [], nl='\r\n')

# 40 near miss: a reply naming the report without its text
def f40():
    write('40-nearmiss-prose-reply', NM_PROSE, [])

# 41 Buildbot stdio download: header lines, then the console
def f41():
    out = ['qemu-system-aarch64 -M virt -cpu max -nographic -kernel Image',
           ' in dir /home/buildbot/worker/arm64-next/build (timeout 3600 secs)',
           ' watching logfiles {}', ' argv: [b\'./run-qemu.sh\']',
           ' using PTY: False'] + console(boot + L(B)) + [
           'program finished with exit code 1', 'elapsedTime=412.337102']
    write('41-buildbot-stdio', out, [B])


for name, fn in sorted(globals().items()):
    if name.startswith('f') and name[1:].isdigit():
        fn()
