#!/usr/bin/env python3
# Renders a hand-written report body (one printk record per line, a blank
# line = an empty record) in a transport's form. Used once to write
# tests/data/parse-forms/*.log; the labels were written by hand before any
# of them was parsed.
import sys, re

def lines(path):
    return open(path).read().split('\n')[:-1]

def ts(i, base=112.0):
    t = base + i * 0.000041
    return '[%12.6f]' % t

def console(body, base=112.0, caller=None, level=None):
    out = []
    for i, l in enumerate(body):
        p = ''
        if level is not None:
            p += '<%d>' % level
        p += ts(i, base)
        if caller:
            p += '[%6s]' % caller
        out.append(p + (' ' + l if l else ''))
    return out

def dmesg_T(body):
    return ['[Mon Dec  7 10:0%d:%02d 2026] %s' % (0, 11 + i // 40, l) if l else
            '[Mon Dec  7 10:0%d:%02d 2026]' % (0, 11 + i // 40) for i, l in enumerate(body)]

def journal(body, host='ci-runner-07'):
    return ['Dec 07 10:00:%02d %s kernel: %s' % (11 + i // 50, host, l) for i, l in enumerate(body)]

def syslog(body, host='gx110'):
    # rsyslog: empty record + next record folded with #012
    out = []
    pend = False
    for i, l in enumerate(body):
        stamp = 'Dec  7 10:00:%02d %s kernel: [%12.6f] ' % (11 + i // 50, host, 135.9 + i * 0.00004)
        if not l:
            if pend:
                out.append(stamp)
            pend = True
            continue
        out.append(stamp + ('#012' if pend else '') + l)
        pend = False
    return out

def dmesg_x(body, split_locks=False):
    out = []
    for i, l in enumerate(body):
        p = 'kern  :warn  : ' + ts(i)
        if not l:
            out.append(p)
            continue
        m = re.match(r'^( #\d+: )?([0-9a-f]{8,16})( \(.*\)\{[-+.?]+\}(?:-\{\d:\d\})?)(, at: .*)$', l)
        if split_locks and m:
            first = (m.group(1) or '') + m.group(2)
            out.append(p + ' ' + first)
            out.append(p + ' ' + m.group(3))
            out.append(p + ' ' + m.group(4))
        else:
            out.append(p + ' ' + l)
    return out

def kmsg(body, caller='T142'):
    out = []
    nl = 0
    for i, l in enumerate(body):
        l = l.replace('\\', '\\x5c')
        if not l and i > 0 and i + 1 < len(body):
            nl += 1
            continue
        l = '\\x0a' * nl + l
        nl = 0
        out.append('4,%d,%d,-,caller=%s;%s' % (5100 + i, 112000000 + i * 41, caller, l))
    return out

def wrap(rows, col=80):
    out = []
    for r in rows:
        while len(r) > col:
            out.append(r[:col])
            r = r[col:]
        out.append(r)
    return out

if __name__ == '__main__':
    form, path = sys.argv[1], sys.argv[2]
    b = lines(path)
    f = {'console': lambda: console(b),
         'level': lambda: console(b, level=4),
         'caller': lambda: console(b, caller=sys.argv[3] if len(sys.argv) > 3 else 'T142'),
         'T': lambda: dmesg_T(b),
         'journal': lambda: journal(b),
         'syslog': lambda: syslog(b),
         'x': lambda: dmesg_x(b, True),
         'kmsg': lambda: kmsg(b, sys.argv[3] if len(sys.argv) > 3 else 'T142'),
         'plain': lambda: b,
         'wrap80': lambda: wrap(console(b)),
         }[form]()
    sys.stdout.write('\n'.join(f) + '\n')
