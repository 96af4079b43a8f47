#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# score.py SPLATD [DIR]: scores `SPLATD parse` on DIR's files against LABELS.
# Prints one row a file (found, kind, chain, held, task, culprit, off) and
# the signature groups, then the totals. Exit 1 when anything misreads.
import json, os, subprocess, sys
splatd = sys.argv[1]
d = sys.argv[2] if len(sys.argv) > 2 else os.path.dirname(os.path.abspath(__file__))
labels = {}
for line in open(os.path.join(d, "LABELS"), encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    f = [x.strip() for x in line.rstrip("\n").split("|")]
    labels.setdefault(f[0], []).append(f[1:])
cols = ["found", "kind", "chain", "held", "task", "culprit", "off"]
tot = {c: [0, 0] for c in cols}
groups, bad = {}, 0
def lst(s):
    return [] if s in ("-", "") else s.split(";")
for fn in sorted(labels):
    out = subprocess.run([splatd, "parse", os.path.join(d, fn)], capture_output=True)
    try:
        j = json.loads(out.stdout)
    except Exception:
        j = {"reports": [], "lockdep_off": None}
    reps = j["reports"]
    row = {}
    want = labels[fn][0]
    if want[0] == "none":
        row["found"] = len(reps) == 0
        row["off"] = (j["lockdep_off"] is not None) == want[6].startswith("yes")
    else:
        row["found"] = len(reps) == len(labels[fn])
        r = reps[0] if reps else None
        if r is not None:
            row["kind"] = r["kind"] == want[0]
            row["chain"] = r["chain"] == lst(want[1])
            row["held"] = (r["held_locks"] or []) == lst(want[2])
            row["task"] = "%s/%s" % (r["task"], r["pid"]) == want[3]
            cul = (r["culprit"] or {}).get("function")
            row["culprit"] = cul in want[4].split(" or ")
            groups.setdefault(want[5], []).append((fn, r["signature"]))
            row["_got"] = "kind=%s chain=%s held=%s task=%s/%s culprit=%s n=%d" % (r["kind"], r["chain"], r["held_locks"], r["task"], r["pid"], cul, len(reps))
        else:
            for c in ("kind", "chain", "held", "task", "culprit"):
                row[c] = False
            groups.setdefault(want[5], []).append((fn, None))
        row["off"] = (j["lockdep_off"] is not None) == want[6].startswith("yes")
    for c in cols:
        if c in row:
            tot[c][0] += row[c]; tot[c][1] += 1
    miss = [c for c in cols if c in row and not row[c]]
    bad += bool(miss)
    print("%-46s %s%s" % (fn, "ok" if not miss else "MISS " + ",".join(miss), "" if not miss else "   [" + row.get("_got", "n=%d" % len(reps)) + "]"))
gbad = 0
for g, fs in sorted(groups.items()):
    sigs = {s for _, s in fs}
    okg = len(sigs) == 1 and None not in sigs
    gbad += not okg
    print("group %s: %s %s" % (g, "same" if okg else "DIFFER", " ".join("%s=%s" % (f[:3], s) for f, s in fs)))
print("files %d, misread %d; " % (len(labels), bad) + ", ".join("%s %d/%d" % (c, t[0], t[1]) for c, t in tot.items()) + "; groups %d/%d same" % (len(groups) - gbad, len(groups)))
sys.exit(1 if bad or gbad else 0)
