# Renders lockdep reports in the 6.1 text layout (LOCKDEP-FORMAT.md) from
# stack specs: "func" (file from the tree), "func!" (an [inline] frame, syzbot
# only), "func@path" (one of several definitions), "func[mod]" (module tag).
import hashlib, os, pickle, re
IDX = pickle.load(open(os.environ.get('KIDX', '/tmp/kidx.pkl'), 'rb'))
PREF = {'do_open': 'fs/namei.c', 'spin_lock_bh': 'include/linux/spinlock.h', 'spin_lock': 'include/linux/spinlock.h', 'queued_spin_lock': 'include/asm-generic/qspinlock.h', 'start_secondary': 'arch/x86/kernel/smpboot.c', 'load_module': 'kernel/module/main.c', 'kthread': 'kernel/kthread.c', 'evict': 'fs/inode.c', 'do_fault': 'mm/memory.c', '__mutex_lock_common': 'kernel/locking/mutex.c', '__mutex_lock': 'kernel/locking/mutex.c', 'mutex_lock_nested': 'kernel/locking/mutex.c', 'mutex_lock_interruptible_nested': 'kernel/locking/mutex.c', 'ret_from_fork': 'arch/x86/entry/entry_64.S', '__x64_sys_ioctl': 'fs/ioctl.c', 'valid_state': 'kernel/locking/lockdep.c', 'do_mmap': 'mm/mmap.c', 'ksys_mmap_pgoff': 'mm/mmap.c', '__kmem_cache_alloc_node': 'mm/slub.c', 'fs_reclaim_acquire': 'mm/page_alloc.c', '__x64_sys_sendmsg': 'net/socket.c', 'smp_call_function_single': 'kernel/smp.c'}
EXTRA = {'__arm64_sys_ioctl': ('fs/ioctl.c', 856), 'el0t_64_sync': ('arch/arm64/kernel/entry.S', 589), '__sysvec_apic_timer_interrupt': ('arch/x86/kernel/apic/apic.c', 1118), 'bpf_trace_run2': ('kernel/trace/bpf_trace.c', 2324), '____bpf_ringbuf_reserve': ('kernel/bpf/ringbuf.c', 458), '__traceiter_contention_end': ('include/trace/events/lock.h', 98), 'exc_page_fault': ('arch/x86/mm/fault.c', 1438), 'asm_exc_page_fault': ('arch/x86/include/asm/idtentry.h', 608), 'sysvec_call_function_single': ('arch/x86/kernel/smp.c', 262), 'asm_sysvec_apic_timer_interrupt': ('arch/x86/include/asm/idtentry.h', 691), 'sysvec_apic_timer_interrupt': ('arch/x86/kernel/apic/apic.c', 1118), 'bpf_ringbuf_reserve': ('kernel/bpf/ringbuf.c', 458)}

def h(s, n):
    return int(hashlib.sha256(s.encode()).hexdigest(), 16) % n

def parse(tok):
    m = re.match(r'^([\w.]+?)(!?)(?:@([\w/.\-]+))?(?:\[(\w+)\])?$', tok)
    if not m:
        raise SystemExit('bad token ' + tok)
    return m.group(1), bool(m.group(2)), m.group(3), m.group(4)

def where(fn, path):
    base = re.sub(r'\.(isra|constprop|part|cold|llvm)(\.\d+)?$', '', fn)
    if base.startswith('bpf_prog_'):
        return None
    c = IDX.get(base)
    if base in EXTRA:
        c = [EXTRA[base]]
    if not c:
        raise SystemExit('not in tree: ' + fn)
    path = path or PREF.get(base)
    if path:
        c = [x for x in c if x[0] == path]
        if not c:
            import os
            p = os.environ.get('KTREE', '/var/tmp/splatd-linux-6.1') + '/' + path
            for i, l in enumerate(open(p)) if os.path.exists(p) else []:
                if re.search(r'\b%s\b' % re.escape(base), l) and ('ENTRY' in l or 'SYM_' in l or '(' in l):
                    c = [(path, i + 1)]
                    break
        if not c:
            raise SystemExit('not in %s: %s' % (path, fn))
    files = sorted(set(x[0] for x in c))
    if len(files) > 1 and not path:
        # prefer a .c definition; fail loudly when still ambiguous
        cs = [x for x in c if x[0].endswith(('.c', '.S')) and x[0] not in ('mm/nommu.c', 'kernel/up.c')
              and (not x[0].startswith('arch/') or x[0].startswith('arch/x86/'))]
        if len(set(x[0] for x in cs)) == 1:
            c = cs
        else:
            raise SystemExit('ambiguous %s: %s' % (fn, files))
    return c[0]

def frame(tok, style, ctx=''):
    fn, inl, path, mod = parse(tok)
    w = where(fn, path)
    ln = w[1] + 3 + h(ctx + fn, 60) if w else 0
    length = 0x80 + h(fn + 'l', 0x1800)
    off = 0x10 + h(ctx + fn + 'o', length - 0x18)
    if style == 'syz':
        loc = ' %s:%d' % (w[0], ln) if w else ''
        if inl:
            return '%s%s [inline]' % (fn, loc)
        return '%s+0x%x/0x%x%s' % (fn, off, length, loc)
    if inl:
        return None
    tag = ' [%s]' % mod if mod else ''
    if style == 'arm64':
        return '%s+0x%x/0x%x%s' % (fn, off & ~3, length & ~3, tag)
    return '%s+0x%x/0x%x%s' % (fn, off, length, tag)

def stack(spec, style, indent, ctx=''):
    out = []
    for tok in spec.split():
        if tok.startswith('<'):
            if style != 'arm64':
                out.append(' ' * indent + tok)
            continue
        f = frame(tok, style, ctx)
        if f:
            out.append(' ' * indent + f)
    return out

def site(tok, style):
    return frame(tok.replace('!', ''), style) if style != 'syz' else frame(tok, style)

class R:
    def __init__(s, style, release, comm, pid, cpu=0, hw=None, ts=100.0, arch='x86'):
        s.style, s.release, s.comm, s.pid, s.cpu = style, release, comm, pid, cpu
        s.hw = hw or ('Google Google Compute Engine/Google Compute Engine, BIOS Google 10/26/2022'
                      if style == 'syz' else 'QEMU Standard PC (Q35 + ICH9, 2009), BIOS 1.16.0-debian-1.16.0-5 04/01/2014')
        s.lines, s.ts = [], ts
        s.arch = arch
        s.taint = 'Not tainted'
        s.build = '#0' if style == 'syz' else '#1'
        s.addr = 0xffff888012340000 + h(comm + str(pid), 0x7fffff) * 0x100
    def L(s, text=''):
        s.lines.append(text)
    def inst(s, name):
        return '%016x' % (s.addr + h(name, 0xffff) * 8)
    def lock(s, name, usage, wait, at, idx=None):
        pre = ' #%d: ' % idx if idx is not None else ''
        if s.style == 'syz' and '!' in at.split()[0] if at else False:
            pass
        sites = at.split()
        out = []
        for t in sites:
            out.append('%s%s (%s){%s}%s, at: %s' % (pre, s.inst(name), name, usage, '-{%s}' % wait if wait else '', site(t, s.style)))
        if s.style != 'syz':
            out = out[-1:]
        for o in out:
            s.L(o)
    def banner(s, text, width=None):
        w = width or len(text)
        s.L(''); s.L('=' * w); s.L(text)
        s.L('%s %s %s' % (s.release, s.build, s.taint)); s.L('-' * w)
    def held(s, locks, who=None):
        who = who or '%s/%d' % (s.comm, s.pid)
        if not locks:
            s.L('no locks held by %s.' % who); return
        s.L('%d lock%s held by %s:' % (len(locks), '' if len(locks) == 1 else 's', who))
        for i, l in enumerate(locks):
            s.lock(*l, idx=i)
    def dump(s, spec, markers=True):
        s.L('CPU: %d PID: %d Comm: %s %s %s %s' % (s.cpu, s.pid, s.comm[:15], s.taint, s.release, s.build))
        s.L('Hardware name: %s' % s.hw)
        s.calltrace(spec, markers)
    def calltrace(s, spec, markers=True):
        if s.arch == 'arm32':
            fr = [f.strip() for f in stack(spec, 'plain', 0, 'bt')]
            for a, b in zip(fr, fr[1:]):
                name = a.split('+')[0]
                mod = (' ' + a.split(' ', 1)[1]) if ' [' in a else ''
                s.L(' %s%s from %s' % (name, mod, b))
            return
        if s.arch == 's390':
            s.L('Call Trace:')
            for f in stack(spec, 'plain', 0, 'bt'):
                s.L(' [<%016x>] %s' % (0x1f00000 + h(f, 0xfffff) * 0x10, f.strip()))
            return
        if s.arch == 'arm64':
            s.L('Call trace:')
            for f in stack(spec, 'arm64', 1, 'bt'):
                s.L(f)
            return
        s.L('Call Trace:')
        if spec.lstrip().startswith('<'):
            markers = False
            spec = spec + ' </TASK>'
        if markers: s.L(' <TASK>')
        for f in stack(spec, s.style, 1, 'bt'):
            s.L(f)
        if markers: s.L(' </TASK>')
    def text(s):
        out = []
        t = s.ts
        for l in s.lines:
            if s.style == 'syz':
                out.append(l)
            else:
                t += 0.000011 + h(l, 40) / 1e6
                out.append('[%12.6f] %s' % (t, l) if l else '[%12.6f]' % t)
        return '\n'.join(out) + '\n'

CIRC = 'WARNING: possible circular locking dependency detected'

def circular(r, nxt, prv, chain, scenario, held, bt):
    """nxt/prv: (name, usage, wait, site); chain: [(name, usage, wait, trace)] from #N to #0."""
    r.banner(CIRC)
    r.L('%s/%d is trying to acquire lock:' % (r.comm, r.pid))
    r.lock(*nxt); r.L(''); r.L('but task is already holding lock:'); r.lock(*prv)
    r.L(''); r.L('which lock already depends on the new lock.'); r.L(''); r.L('')
    r.L('the existing dependency chain (in reverse order) is:')
    n = len(chain) - 1
    for i, (name, usage, wait, trace) in enumerate(chain):
        r.L(''); r.L('-> #%d (%s){%s}%s:' % (n - i, name, usage, '-{%s}' % wait if wait else ''))
        for f in stack(trace, r.style if r.arch != 'arm64' else 'arm64', 7, 'c%d' % i):
            r.L(f)
    r.L(''); r.L('other info that might help us debug this:'); r.L('')
    if n >= 2:
        r.L('Chain exists of:')
        r.L('  ' + ' --> '.join([chain[-1][0]] + [c[0] for c in chain[1:-1]] + [chain[0][0]]))
        r.L('')
    r.L(' Possible unsafe locking scenario:'); r.L('')
    r.L('       CPU0                    CPU1'); r.L('       ----                    ----')
    a, b, c_ = chain[0][0], chain[1][0] if n >= 1 else chain[0][0], chain[-1][0]
    r.L('  lock(%s);' % chain[0][0])
    r.L('                               lock(%s);' % chain[1][0])
    r.L('                               lock(%s);' % chain[0][0])
    r.L('  lock(%s);' % chain[-1][0])
    r.L(''); r.L(' *** DEADLOCK ***'); r.L('')
    r.held(held); r.L(''); r.L('stack backtrace:'); r.dump(bt)

def recursive(r, nxt, prv, held, bt):
    r.banner('WARNING: possible recursive locking detected')
    r.L('%s/%d is trying to acquire lock:' % (r.comm, r.pid)); r.lock(*nxt); r.L('')
    r.L('but task is already holding lock:'); r.lock(*prv); r.L('')
    r.L('other info that might help us debug this:')
    r.L(' Possible unsafe locking scenario:'); r.L('')
    r.L('       CPU0'); r.L('       ----'); r.L('  lock(%s);' % prv[0]); r.L('  lock(%s);' % nxt[0])
    r.L(''); r.L(' *** DEADLOCK ***'); r.L(''); r.L(' May be due to missing lock nesting notation'); r.L('')
    r.held(held); r.L(''); r.L('stack backtrace:'); r.dump(bt)

def inconsistent(r, frm, to, ctx, this, reg, stamp, held, bt):
    r.banner('WARNING: inconsistent lock state')
    r.L('inconsistent {%s} -> {%s} usage.' % (frm, to))
    r.L('%s/%d [%s] takes:' % (r.comm, r.pid, ctx)); r.lock(*this)
    r.L('{%s} state was registered at:' % frm)
    for f in stack(reg, r.style if r.arch != 'arm64' else 'arm64', 2, 'reg'):
        r.L(f)
    for l in stamp:
        r.L(l)
    r.L(''); r.L('other info that might help us debug this:')
    r.L(' Possible unsafe locking scenario:'); r.L('')
    r.L('       CPU0'); r.L('       ----'); r.L('  lock(%s);' % this[0]); r.L('  <Interrupt>')
    r.L('    lock(%s);' % this[0]); r.L(''); r.L(' *** DEADLOCK ***'); r.L('')
    r.held(held); r.L(''); r.L('stack backtrace:'); r.dump(bt)

def rcu(r, msg, held, bt, rsa=1, dl=1, extra=None):
    r.banner('WARNING: suspicious RCU usage')
    r.L(msg); r.L(''); r.L('other info that might help us debug this:'); r.L('')
    if extra: r.L(extra)
    r.L('rcu_scheduler_active = %d, debug_locks = %d' % (rsa, dl))
    r.held(held); r.L(''); r.L('stack backtrace:'); r.dump(bt)

def bad_unlock(r, lockname, at, held, bt):
    r.banner('WARNING: bad unlock balance detected!')
    r.L('%s/%d is trying to release lock (%s) at:' % (r.comm, r.pid, lockname))
    r.L('[<ffffffff%08x>] %s' % (0x81000000 + h(at, 0xffffff), site(at, 'plain' if r.style == 'syz' else r.style).split(' ')[0]))
    r.L('but there are no more locks to release!'); r.L('')
    r.L('other info that might help us debug this:')
    r.held(held); r.L(''); r.L('stack backtrace:'); r.dump(bt)

def invalid_wait(r, lock, ctx, held, bt):
    r.L(''); r.L('=' * 29); r.L('[ BUG: Invalid wait context ]')
    r.L('%s %s %s' % (r.release, r.build, r.taint)); r.L('-' * 29)
    r.L('%s/%d is trying to lock:' % (r.comm, r.pid)); r.lock(*lock)
    r.L('other info that might help us debug this:'); r.L('context-{%s}' % ctx)
    r.held(held); r.L('stack backtrace:'); r.dump(bt)

def hung(r, secs, state_line, bt, all_locks):
    r.L('INFO: task %s:%d blocked for more than %d seconds.' % (r.comm, r.pid, secs))
    r.L('      %s %s %s' % (r.taint, r.release, r.build))
    r.L('"echo 0 > /proc/sys/kernel/hung_task_timeout_secs" disables this message.')
    r.L(state_line)
    r.calltrace(bt)
    r.L(''); r.L('Showing all locks held in the system:')
    for who, locks in all_locks:
        r.held(locks, who)
    r.L(''); r.L('=============================================='); r.L('')

def user_return(r, held):
    r.banner('WARNING: lock held when returning to user space!')
    r.L('%s/%d is leaving the kernel with locks still held!' % (r.comm, r.pid))
    r.held(held)

def irq_inversion(r, this, other, irq, backwards, scenario, held, deps, bt):
    """this/other: (name, usage, wait, site); deps: [(name, usage, wait, usage_name, trace, acquired)] leaf first."""
    r.banner('WARNING: possible irq lock inversion dependency detected')
    r.L('%s/%d just changed the state of lock:' % (r.comm, r.pid)); r.lock(*this)
    if backwards:
        r.L('but this lock was taken by another, %s-safe lock in the past:' % irq)
    else:
        r.L('but this lock took another, %s-unsafe lock in the past:' % irq)
    r.L(' (%s){%s}%s' % (other[0], other[1], '-{%s}' % other[2] if other[2] else ''))
    r.L(''); r.L(''); r.L('and interrupts could create inverse lock ordering between them.'); r.L(''); r.L('')
    r.L('other info that might help us debug this:')
    r.L(' Possible interrupt unsafe locking scenario:'); r.L('')
    r.L('       CPU0                    CPU1'); r.L('       ----                    ----')
    safe, unsafe = scenario
    r.L('  lock(%s);' % unsafe); r.L('                               local_irq_disable();')
    r.L('                               lock(%s);' % safe); r.L('                               lock(%s);' % unsafe)
    r.L('  <Interrupt>'); r.L('    lock(%s);' % safe); r.L(''); r.L(' *** DEADLOCK ***'); r.L('')
    r.held(held); r.L('')
    r.L('the shortest dependencies between 2nd lock and 1st lock:')
    st = r.style if r.arch != 'arm64' else 'arm64'
    for i, (name, usage, wait, uname, trace, acq) in enumerate(deps):
        r.L('%s-> (%s){%s}%s {' % (' ' * (len(deps) - 1 - i), name, usage, '-{%s}' % wait if wait else ''))
        r.L('    %s at:' % uname)
        for f in stack(trace, st, 22, 'd%d' % i):
            r.L(f)
        r.L('    INITIAL USE at:')
        for f in stack(trace, st, 22, 'i%d' % i):
            r.L(f)
        r.L('  }')
        r.L('  ... key      at: [<ffffffff%08x>] __key.%d+0x0/0x40' % (0x8f000000 + h(name, 0xffffff), h(name, 90000)))
        if acq:
            r.L('  ... acquired at:')
            for f in stack(acq, st, 3, 'a%d' % i):
                r.L(f)
        r.L('')
    r.L(''); r.L('stack backtrace:'); r.dump(bt)
