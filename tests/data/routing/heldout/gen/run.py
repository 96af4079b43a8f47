import sys, importlib, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import specs
for m in sys.argv[2:]:
    importlib.import_module(m)
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
for n, (f, l, w, s) in sorted(specs.REPORTS.items()):
    open(os.path.join(out, n), 'w').write(f().text())
print(len(specs.REPORTS), 'written')
