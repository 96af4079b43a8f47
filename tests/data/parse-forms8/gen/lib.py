# SPDX-License-Identifier: GPL-2.0
# Building blocks for round 8's reports: frames, lock lines, banners and
# the prefixes of a console, written as the kernel prints them.
import hashlib


def _h(s, mod):
    return int(hashlib.sha1(s.encode()).hexdigest()[:8], 16) % mod


def off(fn):
    """func+0xOFF/0xLEN with a stable made-up offset; 'fn [mod]' keeps the tag"""
    mod = ''
    if ' [' in fn:
        fn, mod = fn.split(' [', 1)
        mod = ' [' + mod
    if '+0x' in fn:
        return fn + mod
    ln = 0x40 + _h(fn, 0x7c0)
    o = 0x4 + _h(fn + 'o', ln - 4)
    return '%s+0x%x/0x%x%s' % (fn, o, ln, mod)


def addr(fn, bits=64, base=None):
    if base is None:
        base = 0xc0100000 if bits == 32 else 0xffffffff81000000
    a = base + _h(fn, 0x1000000) * 4
    return ('%016x' if bits == 64 else '%08x') % (a & ((1 << bits) - 1))


def saved(fns, indent=7, old=False, bits=64):
    """a trace lockdep saved (stack_trace_print): one frame a line"""
    out = []
    for f in fns:
        if f == '0xffffffff':
            out.append(' ' * indent + '[<ffffffff>] 0xffffffff')
        elif old:
            out.append(' ' * indent + '[<%s>] %s' % (addr(f, bits), off(f)))
        else:
            out.append(' ' * indent + off(f))
    return out


def x86(fns, old=False, bits=64):
    """dump_stack() frames of x86: '?f' is unreliable, '<X>' a marker"""
    out = []
    for f in fns:
        if f.startswith('<'):
            out.append(' ' + f)
            continue
        q = ''
        if f.startswith('?'):
            q, f = '? ', f[1:]
        if f == '0xffffffff':
            out.append(' [<ffffffff>] 0xffffffff')
        elif old:
            out.append(' [<%s>] %s%s' % (addr(f, bits), q, off(f)))
        else:
            out.append(' %s%s' % (q, off(f)))
    return out


def arm64(fns, marks=False):
    """arm64 'Call trace:' frames; with marks, 6.14's (C)/(L) unwinder marks"""
    out = []
    for i, f in enumerate(fns):
        s = '  ' + off(f)
        if marks:
            s += ' (C)' if i == 0 else (' (L)' if i == 1 else '')
        out.append(s)
    return out


def ppc(fns):
    out = []
    sp = 0xc00000002a5e7a00
    for i, f in enumerate(fns):
        u = ' (unreliable)' if i == 0 else ''
        out.append('[%016x] [%s] %s%s' % (sp + i * 0x60,
                                           addr(f, base=0xc000000000000000),
                                           off(f), u))
    return out


def s390(fns):
    return [' [<%s>] %s ' % (addr(f, base=0x0000000270000000), off(f))
            for f in fns]


def riscv(fns):
    return ['[<%s>] %s' % (addr(f), off(f)) for f in fns]


def decoded(fns):
    """decode_stacktrace.sh: 'func (file:line[:col])', '(inlined)' kept"""
    return [' ' + f for f in fns]


def lock(name, usage, wait=None, inst=None, at=None, idx=None, old=False,
         bits=64):
    s = ''
    if idx is not None:
        s += ' #%d: ' % idx
    s += (inst or '') + ' (%s){%s}' % (name, usage)
    if wait:
        s += '-{%s}' % wait
    if at:
        if old:
            s += ', at: [<%s>] %s' % (addr(at, bits), off(at))
        else:
            s += ', at: %s' % (at if '(' in at or ' ' in at and '[' not in at
                               else off(at))
    return s


def held(task, pid, locks, old=False, bits=64):
    """lockdep_print_held_locks(); locks: (name, usage, wait, inst, at)"""
    if not locks:
        return ['no locks held by %s/%d.' % (task, pid)]
    n = len(locks)
    out = ['%d lock%s held by %s/%d:' % (n, 's' if n > 1 else '', task, pid)]
    for i, l in enumerate(locks):
        name, usage, wait, inst, at = l
        out.append(lock(name, usage, wait, inst, at, idx=i, old=old,
                        bits=bits))
    return out


def banner(header, ident, width=None, bracket=False):
    w = width or len(header)
    if bracket:
        head = '[ %s ]' % header
        w = width or len(head)
    else:
        head = header
    out = ['', '=' * w, head]
    if ident:
        out.append(ident)
    out.append('-' * w)
    return out


def inst(name, base=0xffff888100000000):
    return '%016x' % (base + _h(name, 0x8000000) * 8)


def hashed(name):
    return '00000000%08x' % _h(name, 1 << 32)


class Console:
    """prefixes a report's lines as a console or a log collector would"""

    def __init__(self, t0=100.0, step=0.000031, caller=None, style='ts'):
        self.t = t0
        self.step = step
        self.caller = caller
        self.style = style

    def stamp(self):
        s = '[%5d.%06d]' % (int(self.t), round((self.t % 1) * 1e6) % 1000000)
        self.t += self.step
        return s

    def line(self, text, caller=None):
        c = caller or self.caller
        if self.style == 'ts':
            p = self.stamp()
            if c:
                p += '[%6s]' % c
            return p + ' ' + text if text else p
        if self.style == 'syslog':
            return 'Dec  7 10:%02d:%02d buildhost kernel: %s %s' % (
                int(self.t) // 60 % 60, int(self.t) % 60, self.stamp(),
                text)
        if self.style == 'plain':
            return text
        raise ValueError(self.style)

    def lines(self, lines, caller=None):
        return [self.line(t, caller) for t in lines]
