import os, re, sys, pickle
root=os.environ.get('KTREE', '/var/tmp/splatd-linux-6.1')
hdr=re.compile(r'^(?!(?:if|for|while|return|switch|else|do)\b)(?:[A-Za-z_][\w \t\*,()]*?[\s\*])?(\w+)\s*\(')
sysc=re.compile(r'^(?:COMPAT_)?SYSCALL_DEFINE\d\((\w+)')
idx={}
for d,ds,fs in os.walk(root):
    rel=os.path.relpath(d,root)
    if rel.startswith(('tools','scripts','Documentation','samples')): continue
    for f in fs:
        if f.endswith('.S'):
            p=os.path.join(d,f); rp=os.path.relpath(p,root)
            for i,l in enumerate(open(p,errors='replace')):
                m=re.match(r'^\s*SYM_\w+\((\w+)',l)
                if m: idx.setdefault(m.group(1),[]).append((rp,i+1))
            continue
        if not (f.endswith('.c') or f.endswith('.h')): continue
        p=os.path.join(d,f); rp=os.path.relpath(p,root)
        try: lines=open(p,errors='replace').read().split('\n')
        except: continue
        for i,l in enumerate(lines):
            if not l or l[0] in ' \t#/*}{': continue
            m=sysc.match(l)
            if m:
                idx.setdefault('__do_sys_'+m.group(1),[]).append((rp,i+1)); idx.setdefault('__x64_sys_'+m.group(1),[]).append((rp,i+1)); idx.setdefault('__se_sys_'+m.group(1),[]).append((rp,i+1)); continue
            if l.rstrip().endswith(';'): continue
            m=hdr.match(l)
            if not m: continue
            # look ahead for '{' before ';'
            ok=False
            for j in range(i,min(i+12,len(lines))):
                s=lines[j]
                if '{' in s and (j>i or s.rstrip().endswith('{')): ok=True;break
                if s.rstrip().endswith(';'): break
            if ok: idx.setdefault(m.group(1),[]).append((rp,i+1))
pickle.dump(idx,open(os.environ.get('KIDX', '/tmp/kidx.pkl'),'wb'))
print(len(idx))
