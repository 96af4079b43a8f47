#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# bench/blackbox/many.py BASE CI_TOKEN DB SPLATD: many reports per run on
# a server with the default --max-reports (1000): 1, 16, 17, 100, 999,
# 1000, 1001, the same report 10,000 times, 500 distinct signatures, and
# 100 distinct reports sent in chunks of 1, 3, 7, 64, 4093 and 65536 bytes
# (raw and gzip) so reports straddle every chunk boundary: the verdict's
# signatures, in order, must be `splatd parse`'s for the same bytes.
import gzip, json, os, socket, subprocess, sys, tempfile, time
import urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ingest_gen import report, reports  # noqa: E402
import ingest_check  # noqa: E402

u = urllib.parse.urlparse(sys.argv[1])
CI, DB, SPLATD = sys.argv[2], sys.argv[3], sys.argv[4]
accepted = {}
ingest_check.init(DB, SPLATD, accepted)
findings = 0
CASES = {}


def finding(*a):
    global findings
    findings += 1
    print("FINDING", *a, flush=True)


def parse_sigs(b):
    with tempfile.NamedTemporaryFile() as f:
        f.write(b)
        f.flush()
        out = subprocess.run([SPLATD, "parse", f.name], capture_output=True)
    return [r.get("signature") for r in json.loads(out.stdout)["reports"]
            if r.get("signature")]


def post(group, label, rid, body, size=None, enc=None, want=201):
    CASES[group] = CASES.get(group, 0) + 1
    h = (b"POST /api/v1/runs?id=%s HTTP/1.1\r\nHost: x\r\nAuthorization: "
         b"Bearer %s\r\nContent-Type: text/plain\r\n" % (rid.encode(),
                                                         CI.encode()))
    if enc:
        h += b"Content-Encoding: %s\r\n" % enc.encode()
    if size:
        h += b"Transfer-Encoding: chunked\r\n\r\n"
        for i in range(0, len(body), size):
            c = body[i:i + size]
            h += b"%x\r\n%s\r\n" % (len(c), c)
        h += b"0\r\n\r\n"
    else:
        h += b"Content-Length: %d\r\n\r\n" % len(body) + body
    s = socket.create_connection((u.hostname, u.port), timeout=120)
    t = time.time()
    try:
        s.sendall(h)
        s.shutdown(socket.SHUT_WR)
    except OSError:
        pass
    out = b""
    try:
        while True:
            d = s.recv(1 << 16)
            if not d:
                break
            out += d
    except OSError as e:
        out += b"EXC " + str(e).encode()
    s.close()
    dt = time.time() - t
    st = int(out[9:12]) if out.startswith(b"HTTP/1.1 ") else 0
    b = out.split(b"\r\n\r\n", 1)[-1]
    if st != want:
        finding("%s/%s: %s (want %s) %.1fs %r" % (group, label, st, want, dt,
                                                  b[:200]))
    if st == 201:
        v = json.loads(b)
        accepted[rid] = len(v["reports"])
        return [r["signature"] for r in v["reports"]], dt
    return None, dt


ONE = report("mnA", "mnB").encode()
g = "reports-per-run"
for n in (1, 16, 17, 100, 999, 1000, 1001):
    post(g, "%d same" % n, "same-%d" % n, ONE * n,
         want=201 if n <= 1000 else 413)
    b = reports(n, n, "mn%d" % n).encode()
    sigs, dt = post(g, "%d distinct" % n, "dist-%d" % n, b,
                    want=201 if n <= 1000 else 413)
    if sigs is not None and sigs != parse_sigs(b):
        finding("%s/%d distinct: the verdict is not parse's" % (g, n))
    print("%d distinct reports: %.2fs" % (n, dt))
_, dt = post(g, "10000 same", "same-10000", ONE * 10000, want=413)
print("10000 same reports (refused): %.2fs" % dt)
_, dt = post(g, "10000 same gzip", "same-10000-gz", gzip.compress(ONE * 10000),
             enc="gzip", want=413)
b = reports(500, 500, "five").encode()
sigs, dt = post(g, "500 distinct", "five-hundred", b)
print("500 distinct signatures in one run: %.2fs" % dt)
if sigs is not None and len(set(sigs)) != 500:
    finding("%s/500 distinct: %d signatures" % (g, len(set(sigs))))
ingest_check.check_db(g, finding)

g = "chunk-boundaries"
b = reports(100, 50, "cb").encode()
want = parse_sigs(b)
for size in (1, 3, 7, 64, 4093, 65536):
    for enc in (None, "gzip"):
        body = gzip.compress(b) if enc else b
        sigs, dt = post(g, "chunks of %d %s" % (size, enc),
                        "cb-%d-%s" % (size, enc), body, size=size, enc=enc)
        if sigs is not None and sigs != want:
            finding("%s/chunks of %d %s: verdict differs from parse" %
                    (g, size, enc))
ingest_check.check_db(g, finding)
print("cases:", json.dumps(CASES), flush=True)
print("done many.py", findings, "findings")
