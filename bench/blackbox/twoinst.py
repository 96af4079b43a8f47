#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# bench/blackbox/twoinst.py BASE1 BASE2 CI_TOKEN PG_URL: two `splatd serve`
# instances on one PostgreSQL database, given runs of one new signature set
# on 20 connections at once, split between them, and one run id sent to
# both at once 20 times (half aborted), five rounds: every run is 201 once,
# a retried id 201 once and 200 after, no signature twice, every
# signature's counter its occurrences.  Run by hand (docs/bench.md).
import socket, struct, sys, threading, time, json, urllib.parse, subprocess
sys.path.insert(0, __import__('os').path.dirname(__import__('os').path.abspath(__file__)))
from ingest_gen import report, reports
B = [urllib.parse.urlparse(x) for x in sys.argv[1:3]]; CI = sys.argv[3]; DB = sys.argv[4]
def post(b, rid, body, abort=None):
    s = socket.create_connection((b.hostname, b.port), timeout=60)
    h = b"POST /api/v1/runs?id=%s HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % (rid.encode(), CI.encode(), len(body))
    data = h + body
    if abort is not None:
        s.sendall(data[:abort]); s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)); s.close(); return None
    s.sendall(data)
    out = b""
    while True:
        try: d = s.recv(65536)
        except OSError: break
        if not d: break
        out += d
        if out.rstrip().endswith(b"}"): break
    s.close()
    return int(out[9:12]) if out.startswith(b"HTTP/1.1") else 0, out
res = []
lock = threading.Lock()
for rnd in range(5):
    body = reports(16, 16, "two%d" % rnd).encode()
    def go(k):
        st, out = post(B[k % 2], "two-%d-%d" % (rnd, k), body)
        with lock: res.append((st, out[-150:] if st != 201 else b""))
    ts = [threading.Thread(target=go, args=(k,)) for k in range(20)]
    [t.start() for t in ts]; [t.join() for t in ts]
    # one id on both instances at once, half aborted
    same = []
    def go2(k):
        if k % 2: post(B[k % 4 // 2], "same-%d" % rnd, body, abort=len(body) // (k % 3 + 1)); return
        st, out = post(B[k % 4 // 2], "same-%d" % rnd, body)
        with lock: same.append(st)
    ts = [threading.Thread(target=go2, args=(k,)) for k in range(20)]
    [t.start() for t in ts]; [t.join() for t in ts]
    print("round", rnd, "same id:", sorted(same))
from collections import Counter
print(Counter(r[0] for r in res)); [print(r) for r in res if r[0] != 201][:5]
q = lambda x: subprocess.run(["psql", "-qAt", DB, "-c", x], capture_output=True, text=True).stdout.strip()
print("runs", q("select count(*) from runs"), "occ", q("select count(*) from occurrences"), "sigs", q("select count(*) from signatures"))
print("bad sig counters", q("SELECT count(*) FROM signatures s WHERE occurrences != (SELECT count(*) FROM occurrences o WHERE o.signature_id = s.id)"))
print("dup hashes", q("select count(*) from (select hash from signatures group by hash having count(*)>1) x"))
