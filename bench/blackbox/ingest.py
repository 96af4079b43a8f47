#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# bench/blackbox/ingest.py BASE CI_TOKEN DB SPLATD: the fourth black-box
# run's probes of POST /api/v1/runs, written to a socket: every limit at
# its boundary (the server runs with small ones, ingest.sh), each
# Content-Encoding, chunked framing oddities, Expect: 100-continue, many
# reports per run, mixed transports in one body, and clients that hang up
# at every phase followed by retries of the same run id.  After each group
# it compares the database with what was accepted.  Prints each finding
# (a 5xx, a hang, a dropped answer, a status other than the expected one,
# a database that does not hold what was accepted), then "done ingest.py".
import gzip, json, os, socket, sys, time
import urllib.parse, zlib

u = urllib.parse.urlparse(sys.argv[1])
CI, DB, SPLATD = sys.argv[2], sys.argv[3], sys.argv[4]
LIM = json.loads(os.environ["LIMITS"])
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from ingest_gen import report, reports  # noqa: E402
import ingest_check  # noqa: E402

accepted = {}  # run id -> number of reports the verdict listed
findings = 0
CASES = {}
ingest_check.init(DB, SPLATD, accepted)


def finding(*a):
    global findings
    findings += 1
    print("FINDING", *a, flush=True)


def count(group):
    CASES[group] = CASES.get(group, 0) + 1


def request(path, body=b"", headers=None, method="POST", tok=None):
    h = b"%s %s HTTP/1.1\r\nHost: x\r\n" % (method.encode(), path.encode())
    h += b"Authorization: Bearer %s\r\n" % (CI if tok is None else tok).encode()
    for k, v in (headers or {}).items():
        h += b"%s: %s\r\n" % (k.encode(), v if isinstance(v, bytes)
                               else v.encode())
    return h


def send(raw, timeout=30, shut=True):
    """send raw bytes, read the answer; (status, body, seconds)"""
    s = socket.create_connection((u.hostname, u.port), timeout=timeout)
    t = time.time()
    out = b""
    try:
        s.sendall(raw)
        if shut:
            s.shutdown(socket.SHUT_WR)
    except OSError:
        pass  # an early answer closed the connection: read it
    try:
        while True:
            d = s.recv(65536)
            if not d:
                break
            out += d
    except socket.timeout:
        out += b"TIMEOUT"
    except OSError as e:
        if not out:
            out += b"EXC " + str(e).encode()
    s.close()
    dt = time.time() - t
    while out.startswith(b"HTTP/1.1 100 Continue\r\n\r\n"):
        out = out[25:]
    st = 0
    if out.startswith(b"HTTP/1.1 "):
        st = int(out[9:12])
    return st, out.split(b"\r\n\r\n", 1)[-1], dt


def post(group, label, rid, body, headers=None, expect=(201,), query="",
         chunked=None, raw_tail=None):
    """POST body as run rid; expect one of the statuses"""
    count(group)
    hd = {"Content-Type": "text/plain"}
    hd.update(headers or {})
    path = "/api/v1/runs?id=" + urllib.parse.quote(rid, safe="") + query
    if chunked is not None:
        hd["Transfer-Encoding"] = "chunked"
        raw = request(path, headers=hd) + b"\r\n" + chunked
    else:
        if "Content-Length" not in hd:
            hd["Content-Length"] = str(len(body))
        raw = request(path, headers=hd) + b"\r\n" + body
    if raw_tail is not None:
        raw += raw_tail
    st, b, dt = send(raw)
    if st not in expect or dt > 20:
        finding("%s/%s: status %s (want %s) %.1fs %r" %
                (group, label, st, expect, dt, b[:200]))
    if st in (200, 201):
        try:
            n = len(json.loads(b)["reports"])
        except Exception as e:
            finding("%s/%s: verdict not JSON: %s %r" % (group, label, e,
                                                        b[:200]))
            n = None
        if rid in accepted and accepted[rid] != n:
            finding("%s/%s: %s answered %s reports, first %s" %
                    (group, label, rid, n, accepted[rid]))
        accepted.setdefault(rid, n)
    return st, b


def check_db(group):
    ingest_check.check_db(group, finding)


def gz(b, level=6):
    return gzip.compress(b, level)


def chunks(b, size):
    out = b""
    for i in range(0, len(b), size):
        c = b[i:i + size]
        out += b"%x\r\n%s\r\n" % (len(c), c)
    return out + b"0\r\n\r\n"


SEQ = [0]


def rid(prefix):
    SEQ[0] += 1
    return "%s-%d" % (prefix, SEQ[0])


ONE = report("probeA", "probeB").encode()
MB, ML, MR, MD = LIM["max_body"], LIM["max_line"], LIM["max_reports"], \
    LIM["max_decompressed"]
TOO = (413,)

# ---- limits: --max-body at its boundary, each encoding ----
g = "max-body"
for name, n, want in [("at", MB, (201, 400)), ("under", MB - 1, (201, 400)),
                      ("over", MB + 1, TOO), ("far over", MB * 8, TOO)]:
    body = ONE + b"\n" * (n - len(ONE))
    post(g, "identity " + name, rid("mb"), body, expect=want if n > MB else
         (201,))
    post(g, "chunked " + name, rid("mb"), b"", chunked=chunks(body, 4096),
         expect=want if n > MB else (201,))
    post(g, "chunked 1-byte " + name, rid("mb"), b"",
         chunked=chunks(body, 1) if n <= MB * 2 else chunks(body, 65536),
         expect=want if n > MB else (201,))
    # a gzip body of exactly n bytes on the wire: stored padding in a
    # second member, zeros after it cannot be counted on, so use level 0
    z = gz(ONE, 9)
    zb = z + b"\0" * (n - len(z))
    post(g, "gzip padded " + name, rid("mb"), zb,
         headers={"Content-Encoding": "gzip"},
         expect=want if n > MB else (201,))
check_db(g)

# ---- --max-decompressed: a small body that inflates past it ----
g = "max-decompressed"
for name, n, want in [("at", MD, (201,)), ("under", MD - 1, (201,)),
                      ("over", MD + 1, TOO), ("bomb", MD * 64, TOO)]:
    body = ONE + b"\n" * (n - len(ONE))
    for enc in ("gzip", "x-gzip", "GZIP", None):
        hd = {"Content-Encoding": enc} if enc else {}
        post(g, "%s %s" % (enc or "sniffed", name), rid("md"), gz(body, 9),
             headers=hd, expect=want)
    post(g, "gzip chunked 7 " + name, rid("md"), b"",
         chunked=chunks(gz(body, 9), 7),
         headers={"Content-Encoding": "gzip"}, expect=want)
# members: two gzip members whose sum passes the cap
half = ONE + b"\n" * (MD // 2 - len(ONE))
post(g, "two members at", rid("md"), gz(half) + gz(b"\n" * (MD - len(half))),
     headers={"Content-Encoding": "gzip"})
post(g, "two members over", rid("md"),
     gz(half) + gz(b"\n" * (MD - len(half) + 1)),
     headers={"Content-Encoding": "gzip"}, expect=TOO)
post(g, "1000 members", rid("md"), b"".join(gz(ONE) for _ in range(3)) +
     b"".join(gz(b"\n") for _ in range(1000)),
     headers={"Content-Encoding": "gzip"})
check_db(g)

# ---- gzip shapes ----
g = "gzip"
B400 = (400,)
post(g, "zero-length gzip", rid("gz"), b"",
     headers={"Content-Encoding": "gzip"}, expect=B400)
post(g, "empty member", rid("gz"), gz(b""),
     headers={"Content-Encoding": "gzip"}, expect=B400)
post(g, "empty member then log", rid("gz"), gz(b"") + gz(ONE),
     headers={"Content-Encoding": "gzip"})
post(g, "trailing garbage", rid("gz"), gz(ONE) + b"garbage",
     headers={"Content-Encoding": "gzip"}, expect=B400)
post(g, "trailing 1f", rid("gz"), gz(ONE) + b"\x1f",
     headers={"Content-Encoding": "gzip"}, expect=B400)
post(g, "trailing 1f8b", rid("gz"), gz(ONE) + b"\x1f\x8b",
     headers={"Content-Encoding": "gzip"}, expect=B400)
post(g, "trailing zeros", rid("gz"), gz(ONE) + b"\0" * 1000,
     headers={"Content-Encoding": "gzip"})
post(g, "zeros then garbage", rid("gz"), gz(ONE) + b"\0" * 10 + b"x",
     headers={"Content-Encoding": "gzip"}, expect=B400)
post(g, "truncated", rid("gz"), gz(ONE)[:-4],
     headers={"Content-Encoding": "gzip"}, expect=B400)
post(g, "bad crc", rid("gz"), gz(ONE)[:-8] + b"\0\0\0\0" + gz(ONE)[-4:],
     headers={"Content-Encoding": "gzip"}, expect=B400)
post(g, "bad isize", rid("gz"), gz(ONE)[:-4] + b"\0\0\0\0",
     headers={"Content-Encoding": "gzip"}, expect=B400)
post(g, "header only", rid("gz"), gz(ONE)[:10],
     headers={"Content-Encoding": "gzip"}, expect=B400)
post(g, "sniffed trailing garbage", rid("gz"), gz(ONE) + b"garbage",
     expect=B400)
post(g, "sniffed 1 byte 1f", rid("gz"), b"\x1f")  # a 1-byte log
post(g, "sniffed 2 bytes 1f8b", rid("gz"), b"\x1f\x8b", expect=B400)
post(g, "gzip in gzip", rid("gz"), gz(gz(ONE)),
     headers={"Content-Encoding": "gzip"}, expect=B400)
post(g, "deflate", rid("gz"), zlib.compress(ONE),
     headers={"Content-Encoding": "deflate"}, expect=(415,))
post(g, "br", rid("gz"), ONE, headers={"Content-Encoding": "br"},
     expect=(415,))
post(g, "gzip, identity", rid("gz"), gz(ONE),
     headers={"Content-Encoding": "gzip, identity"}, expect=(415,))
post(g, "empty encoding", rid("gz"), ONE, headers={"Content-Encoding": ""},
     expect=(415, 201))
post(g, "identity", rid("gz"), ONE, headers={"Content-Encoding": "identity"})
post(g, "identity with gzip body", rid("gz"), gz(ONE),
     headers={"Content-Encoding": "identity"})
# two Content-Encoding headers: the body is gzip twice
raw = gz(gz(ONE))
post(g, "two CE headers, gzip twice", rid("gz"), raw,
     headers={"Content-Encoding": "gzip\r\nContent-Encoding: gzip"},
     expect=(400, 415, 201))
post(g, "CE identity then gzip", rid("gz"), gz(ONE),
     headers={"Content-Encoding": "identity\r\nContent-Encoding: gzip"},
     expect=(400, 415, 201))
post(g, "gzip with FEXTRA/FNAME/FCOMMENT", rid("gz"),
     b"\x1f\x8b\x08\x1c\0\0\0\0\0\x03\x04\0abcdname\0comment\0" +
     zlib.compress(ONE)[2:-4] + zlib.crc32(ONE).to_bytes(4, "little") +
     len(ONE).to_bytes(4, "little"), headers={"Content-Encoding": "gzip"})
post(g, "gzip FHCRC wrong", rid("gz"),
     b"\x1f\x8b\x08\x02\0\0\0\0\0\x03\xde\xad" +
     zlib.compress(ONE)[2:-4] + zlib.crc32(ONE).to_bytes(4, "little") +
     len(ONE).to_bytes(4, "little"), headers={"Content-Encoding": "gzip"},
     expect=B400)
check_db(g)

# ---- chunked framing ----
g = "chunked"
post(g, "only last chunk", rid("ch"), b"", chunked=b"0\r\n\r\n",
     expect=B400)
post(g, "1-byte chunks", rid("ch"), b"", chunked=chunks(ONE, 1))
post(g, "extension", rid("ch"), b"",
     chunked=b"%x;name=value\r\n%s\r\n0;x\r\n\r\n" % (len(ONE), ONE))
post(g, "trailer", rid("ch"), b"",
     chunked=b"%x\r\n%s\r\n0\r\nX-Trailer: 1\r\nAuthorization: Bearer"
     b" zz\r\n\r\n" % (len(ONE), ONE))
post(g, "hex garbage", rid("ch"), b"", chunked=b"zz\r\n" + ONE,
     expect=(400,))
post(g, "size 0x prefix", rid("ch"), b"",
     chunked=b"0x%x\r\n%s\r\n0\r\n\r\n" % (len(ONE), ONE), expect=(400,))
post(g, "negative size", rid("ch"), b"",
     chunked=b"-1\r\n%s\r\n0\r\n\r\n" % ONE, expect=(400,))
post(g, "huge size", rid("ch"), b"",
     chunked=b"ffffffffffffffff\r\n" + ONE, expect=(0,))  # cut short
post(g, "huge size, body past max-body", rid("ch"), b"",
     chunked=b"ffffffffffffffff\r\n" + b"x" * (MB + 1), expect=TOO)
post(g, "huge size 2^64", rid("ch"), b"",
     chunked=b"10000000000000000\r\n" + ONE, expect=(400, 413))
post(g, "size over body", rid("ch"), b"",
     chunked=b"%x\r\n%s\r\n0\r\n\r\n" % (len(ONE) + 100, ONE),
     expect=(400, 0))
post(g, "size under body", rid("ch"), b"",
     chunked=b"%x\r\n%s\r\n0\r\n\r\n" % (len(ONE) - 100, ONE),
     expect=(400,))
post(g, "leading zeros", rid("ch"), b"",
     chunked=b"0000000000000000000000%x\r\n%s\r\n0\r\n\r\n" % (len(ONE),
                                                              ONE))
post(g, "LF only", rid("ch"), b"",
     chunked=b"%x\n%s\n0\n\n" % (len(ONE), ONE), expect=(201, 400))
post(g, "no final chunk", rid("ch"), b"",
     chunked=b"%x\r\n%s\r\n" % (len(ONE), ONE), expect=(400, 0))
post(g, "huge chunk over max-body", rid("ch"), b"",
     chunked=b"%x\r\n" % (MB + 1) + b"x" * (MB + 1) + b"\r\n0\r\n\r\n",
     expect=TOO)
# a chunk line (size and extensions) longer than the connection's 128 KiB
# buffer: libmicrohttpd 0.9.75's own 500 page (docs/api.md), under it 201
post(g, "extension of 120 KiB", rid("ch"), b"",
     chunked=b"%x;%s\r\n%s\r\n0\r\n\r\n" % (len(ONE), b"e" * 120000, ONE))
post(g, "extension of 200 KiB", rid("ch"), b"",
     chunked=b"%x;%s\r\n%s\r\n0\r\n\r\n" % (len(ONE), b"e" * 200000, ONE),
     expect=(400, 500))
post(g, "200,000 leading zeros", rid("ch"), b"",
     chunked=b"%s%x\r\n%s\r\n0\r\n\r\n" % (b"0" * 200000, len(ONE), ONE),
     expect=(400, 500))
post(g, "8 KiB extension on each 1-byte chunk", rid("ch"), b"",
     chunked=b"".join(b"1;%s\r\n%s\r\n" % (b"e" * 8000, ONE[i:i + 1])
                      for i in range(len(ONE))) + b"0\r\n\r\n")
post(g, "trailer of 200 KiB", rid("ch"), b"",
     chunked=b"%x\r\n%s\r\n0\r\nX: %s\r\n\r\n" % (len(ONE), ONE,
                                                    b"t" * 200000),
     expect=(431,))
post(g, "gzip 1-byte chunks", rid("ch"), b"", chunked=chunks(gz(ONE), 1),
     headers={"Content-Encoding": "gzip"})
check_db(g)

# ---- Expect: 100-continue ----
g = "expect"
post(g, "with body", rid("ex"), ONE, headers={"Expect": "100-continue"})
post(g, "gzip with body", rid("ex"), gz(ONE),
     headers={"Expect": "100-continue", "Content-Encoding": "gzip"})
post(g, "over max-body", rid("ex"), b"",
     headers={"Expect": "100-continue", "Content-Length": str(MB + 1)},
     expect=TOO)
post(g, "no body, cl", rid("ex"), b"",
     headers={"Expect": "100-continue", "Content-Length": str(len(ONE))},
     expect=(400, 0))
post(g, "unknown expectation", rid("ex"), ONE,
     headers={"Expect": "200-ok"}, expect=(417, 201, 400))
count(g)
# the body after the 100 only
s = socket.create_connection((u.hostname, u.port), timeout=20)
r = rid("ex")
s.sendall(request("/api/v1/runs?id=" + r, headers={
    "Content-Type": "text/plain", "Expect": "100-continue",
    "Content-Length": str(len(ONE))}) + b"\r\n")
first = s.recv(100)
if not first.startswith(b"HTTP/1.1 100"):
    finding("expect: no 100 before the body: %r" % first[:80])
s.sendall(ONE)
out = b""
while b"\r\n\r\n" not in out or not out.rstrip().endswith(b"}"):
    d = s.recv(65536)
    if not d:
        break
    out += d
s.close()
if b" 201 " not in out[:40]:
    finding("expect: body after 100: %r" % out[:120])
else:
    accepted[r] = 1
check_db(g)

# ---- per-line length ----
g = "max-line"
for name, n, want in [("at", ML, (201,)), ("under", ML - 1, (201,)),
                      ("over", ML + 1, TOO), ("far over", ML * 64, TOO)]:
    line = b"y" * n
    for term, tname in ((b"\n", "LF"), (b"\r\n", "CRLF"), (b"\r", "CR")):
        body = ONE + line + term + ONE
        # a lone CR in an LF log stays inside its line (parser.md)
        w = TOO if tname == "CR" else want
        post(g, "%s %s" % (name, tname), rid("ml"), body, expect=w)
        post(g, "%s %s gzip" % (name, tname), rid("ml"), gz(body),
             headers={"Content-Encoding": "gzip"}, expect=w)
    post(g, "%s last line no LF" % name, rid("ml"), ONE + line, expect=want)
# a long line inside a report (its stack)
mid = ONE.split(b"\n")
mid.insert(20, b"  " + b"z" * (ML - 2))
post(g, "at, inside a report", rid("ml"), b"\n".join(mid))
mid[20] += b"z"
post(g, "over, inside a report", rid("ml"), b"\n".join(mid), expect=TOO)
check_db(g)

# ---- --max-reports ----
g = "max-reports"
for n in (1, MR - 1, MR, MR + 1, MR * 10):
    post(g, "%d same" % n, rid("mr"), ONE * n,
         expect=(201,) if n <= MR else TOO)
    post(g, "%d distinct" % n, rid("mr"),
         reports(n, n, "d%d" % n).encode(),
         expect=(201,) if n <= MR else TOO)
    post(g, "%d gzip" % n, rid("mr"), gz(ONE * n),
         headers={"Content-Encoding": "gzip"},
         expect=(201,) if n <= MR else TOO)
check_db(g)

# ---- run id and metadata ----
g = "meta"
for n, want in ((1, 201), (127, 201), (128, 201), (129, 400), (4000, 400)):
    post(g, "id %d" % n, ("i%d-" % SEQ[0] + "r" * n)[:n] if n > 1 else
         "Z", ONE, expect=(want, 414) if n > 1000 else (want,))
    SEQ[0] += 1
post(g, "id empty", "", ONE, expect=(400,))
for dots in (".", ".."):
    post(g, "id %s" % dots, dots, ONE, expect=(400,))
for ch in "._:+@=-":
    post(g, "id with %s" % ch, rid("c" + ch + "x"), ONE)
for ch in " /%\x01\xe9?#&":
    post(g, "id with %r" % ch, rid("c" + ch + "x"), ONE, expect=(400,))
for key in ("tree", "branch", "kernel", "commit", "machine", "test",
            "started_at"):
    for n, want in ((256, 201), (257, 400)):
        for c in ("a", "\u00e9", "\U0001f600"):
            post(g, "%s %d x %r" % (key, n, c), rid("m"), ONE,
                 query="&%s=%s" % (key, urllib.parse.quote(c * n)),
                 expect=(want, 400) if key == "started_at" else (want,))
    post(g, "%s empty" % key, rid("m"), ONE, query="&%s=" % key,
         expect=(201, 400))
    post(g, "%s twice" % key, rid("m"), ONE,
         query="&%s=a&%s=b" % (key, key), expect=(400,))
    post(g, "%s invalid utf-8" % key, rid("m"), ONE,
         query="&%s=%%ff" % key, expect=(400,))
    post(g, "%s bare key" % key, rid("m"), ONE, query="&%s" % key,
         expect=(201, 400))
post(g, "all keys at 256", rid("m"), ONE, query="".join(
    "&%s=%s" % (k, "b" * 256) for k in ("tree", "branch", "kernel",
                                        "commit", "machine", "test")))
post(g, "256 params", rid("m"), ONE, query="&x=1" * 254, expect=(400,))
post(g, "257 params", rid("m"), ONE, query="&x=1" * 256, expect=(414,))
post(g, "unknown key", rid("m"), ONE, query="&machnie=a", expect=(400,))
post(g, "lockdep=1", rid("m"), ONE, query="&lockdep=1", expect=(201, 400))
check_db(g)

# ---- tokens ----
g = "token"
for t, want in (("", 401), ("x", 401), ("splatd_" + "0" * 40, 401),
                ("splatd_" + "0" * 39, 401), ("splatd_" + "0" * 41, 401),
                (CI[:-1], 401), (CI + "0", 401), (CI + " ", 201),
                (CI + "\t", 201), ("x" * 8000, 401),
                ("x" * 200000, 431)):
    post(g, "token len %d" % len(t), rid("t"), ONE, expect=(want,)) \
        if False else None
    count(g)
    r = rid("t")
    raw = request("/api/v1/runs?id=" + r, tok=t, headers={
        "Content-Type": "text/plain", "Content-Length": str(len(ONE))}) + \
        b"\r\n" + ONE
    st, b, dt = send(raw)
    if st != want:
        finding("token/%r...(%d): %s want %s %r" % (t[:12], len(t), st, want,
                                                   b[:100]))
    if st == 201:
        accepted[r] = 1
check_db(g)

# ---- mixed transports ----
g = "mixed"
serial = ONE.decode().split("\n")
jrnl = ["Dec 07 12:00:00 host kernel: " + re for re in
        report("jA", "jB").split("\n")]
sysl = ["<4>1 2026-12-07T12:00:00Z host kernel - - - " + re for re in
        report("sA", "sB").split("\n")]
kmsg = ["4,%d,%d,-;" % (i, i * 10) + re.split("] ", 1)[-1] for i, re in
        enumerate(report("kA", "kB").split("\n"))]
inter = []
for i in range(max(len(serial), len(jrnl))):
    for src in (serial, jrnl, sysl, kmsg):
        if i < len(src):
            inter.append(src[i])
for name, body in [
        ("interleaved 4 transports", "\n".join(inter)),
        ("one after another", "\n".join(serial + jrnl + sysl + kmsg)),
        ("split across two", "\n".join(serial[:20] + jrnl[20:])),
        ("CRLF and LF mixed", "\n".join(
            l + ("\r" if i % 2 else "") for i, l in enumerate(serial))),
        ("CR only", "\r".join(serial)),
        ("NUL in the middle", "\n".join(serial[:10] + ["a\0b"] +
                                        serial[10:])),
        ("NUL in a lock name", ONE.decode().replace("probeA", "pro\0beA")),
        ("invalid utf-8 lock", ONE.decode("latin1").replace(
            "probeA", "pro\xff\xfebeA")),
        ("1 MiB line inside", "\n".join(serial[:20] + ["q" * (1 << 20)] +
                                        serial[20:])),
        ("BOM first", "\ufeff" + ONE.decode()),
        ("UTF-16", ONE.decode()), ]:
    b = body.encode("latin1") if "invalid" in name else \
        body.encode("utf-16") if name == "UTF-16" else body.encode()
    want = (400,) if "NUL" in name or "UTF-16" in name else \
        TOO if "1 MiB" in name else (201,)
    post(g, name, rid("mx"), b, expect=want)
    post(g, name + " gzip", rid("mx"), gz(b),
         headers={"Content-Encoding": "gzip"}, expect=want)
check_db(g)

# ---- JSON and form uploads at their limits ----
g = "json"


def jpost(label, r, doc, want, raw=None, hd=None):
    body = raw if raw is not None else json.dumps(doc).encode()
    h = {"Content-Type": "application/json"}
    h.update(hd or {})
    count(g)
    st, b, dt = send(request("/api/v1/runs", headers=dict(
        h, **{"Content-Length": str(len(body))})) + b"\r\n" + body)
    if st not in want:
        finding("%s/%s: %s want %s %r" % (g, label, st, want, b[:200]))
    if st in (200, 201):
        accepted.setdefault(r, len(json.loads(b)["reports"]))


L = ONE.decode()
for key in ("machine", "tree", "kernel"):
    for n, want in ((256, (201,)), (257, (400,))):
        r = rid("js")
        jpost("%s %d" % (key, n), r, {"run": {"id": r, key: "m" * n},
                                       "log": L}, want)
r = rid("js")
jpost("NUL escape in log", r, {"run": {"id": r}, "log": "a\u0000" + L},
      (400,))
r = rid("js")
jpost("lone surrogate in log", r, {"run": {"id": r}}, (400,),
      raw=b'{"run":{"id":"%s"},"log":"\\ud800%s"}' % (
          r.encode(), json.dumps(L)[1:-1].encode()))
r = rid("js")
jpost("raw 0xff in log", r, {}, (400,), raw=b'{"run":{"id":"%s"},"log":"'
      b'\xff%s"}' % (r.encode(), json.dumps(L)[1:-1].encode()))
r = rid("js")
jpost("log not a string", r, {"run": {"id": r}, "log": 5}, (400,))
r = rid("js")
jpost("id not a string", r, {"run": {"id": 5}, "log": L}, (400,))
r = rid("js")
jpost("log with 17 reports", r, {"run": {"id": r}, "log": L * (MR + 1)}, TOO)
r = rid("js")
jpost("log with a line over", r, {"run": {"id": r},
                                   "log": L + "w" * (ML + 1) + "\n"}, TOO)
r = rid("js")
jpost("gzip json", r, {}, (201,), raw=gz(json.dumps(
    {"run": {"id": r}, "log": L}).encode()), hd={"Content-Encoding": "gzip"})
r = rid("js")
jpost("gzip json, no CE", r, {}, (400,), raw=gz(json.dumps(
    {"run": {"id": r}, "log": L}).encode()))
r = rid("js")
jpost("json, the log gzip base64", r, {"run": {"id": r}, "log": "H4sI"},
      (400, 201))
r = rid("js")
jpost("json trailing garbage", r, {}, (400,), raw=json.dumps(
    {"run": {"id": r}, "log": L}).encode() + b"x")
r = rid("js")
jpost("json two documents", r, {}, (400,), raw=json.dumps(
    {"run": {"id": r}, "log": L}).encode() * 2)
r = rid("js")
jpost("json deep", r, {}, (400,), raw=b"[" * 30000 + b"]" * 30000)
check_db(g)

g = "form"
for n, want in ((1024, (201,)), (1025, (400,))):
    r = rid("fm")
    bd = b"XyZzy"
    body = (b"--%s\r\nContent-Disposition: form-data; name=\"id\"\r\n\r\n%s"
            b"\r\n--%s\r\nContent-Disposition: form-data; name=\"test\"\r\n"
            b"\r\n%s\r\n--%s\r\nContent-Disposition: form-data; name=\"log\";"
            b" filename=\"l.txt\"\r\n\r\n%s\r\n--%s--\r\n" % (
                bd, r.encode(), bd, b"t" * n, bd, ONE, bd))
    want = (400,)  # a test name of 1024 bytes is past metadata's 256
    post(g, "field %d" % n, r, body, headers={
        "Content-Type": "multipart/form-data; boundary=XyZzy"},
        expect=want)
for size in (1, 2, 5, 64, 4096):
    r = rid("fm")
    body = (b"--XyZzy\r\nContent-Disposition: form-data; name=\"log\"; "
            b"filename=\"l\"\r\n\r\n%s\r\n--XyZzy--\r\n" % gz(ONE * 3))
    post(g, "gzip log part, chunks of %d" % size, r, b"",
         chunked=chunks(body, size), headers={
             "Content-Type": "multipart/form-data; boundary=XyZzy"})
    r = rid("fm")
    body = (b"--XyZzy\r\nContent-Disposition: form-data; name=\"log\"; "
            b"filename=\"l\"\r\n\r\n%s\r\n--XyZzy--\r\n" % (ONE * (MR + 1)))
    post(g, "17 reports, chunks of %d" % size, r, b"",
         chunked=chunks(body, size), headers={
             "Content-Type": "multipart/form-data; boundary=XyZzy"},
         expect=TOO)
    r = rid("fm")
    body = (b"--XyZzy\r\nContent-Disposition: form-data; name=\"log\"; "
            b"filename=\"l\"\r\n\r\n%s\r\n--XyZzy--\r\n" % (
                ONE + b"\r\n--XyZz" + ONE))
    post(g, "near-boundary in log, chunks of %d" % size, r, b"",
         chunked=chunks(body, size), headers={
             "Content-Type": "multipart/form-data; boundary=XyZzy"})
r = rid("fm")
post(g, "form without closing boundary", r,
     b"--XyZzy\r\nContent-Disposition: form-data; name=\"log\"\r\n\r\n" + ONE,
     headers={"Content-Type": "multipart/form-data; boundary=XyZzy"},
     expect=(400,))
check_db(g)

# ---- keep-alive sequences and pipelining on one connection ----
g = "keepalive"


def seq(label, reqs, wants):
    """send reqs one after another on one connection, read each answer"""
    count(g)
    s = socket.create_connection((u.hostname, u.port), timeout=20)
    got = []
    buf = b""
    for raw, r in reqs:
        try:
            s.sendall(raw)
        except OSError:
            got.append(0)
            continue
        while True:
            if b"\r\n\r\n" in buf:
                hdr, rest = buf.split(b"\r\n\r\n", 1)
                if hdr.startswith(b"HTTP/1.1 100"):
                    buf = rest
                    continue
                cl = [int(x.split(b":")[1]) for x in hdr.split(b"\r\n")
                      if x.lower().startswith(b"content-length:")]
                if cl and len(rest) >= cl[0]:
                    st = int(hdr[9:12])
                    got.append(st)
                    if st in (200, 201):
                        accepted.setdefault(r, len(json.loads(
                            rest[:cl[0]])["reports"]))
                    buf = rest[cl[0]:]
                    break
            try:
                d = s.recv(65536)
            except OSError:
                d = b""
            if not d:
                got.append(0)
                break
            buf += d
    s.close()
    if got != wants:
        finding("%s/%s: %s want %s" % (g, label, got, wants))


def req(r, body, hd=None, te=None):
    h = {"Content-Type": "text/plain"}
    h.update(hd or {})
    if te:
        h["Transfer-Encoding"] = "chunked"
        return request("/api/v1/runs?id=" + r, headers=h) + b"\r\n" + \
            chunks(body, te), r
    h["Content-Length"] = str(len(body))
    return request("/api/v1/runs?id=" + r, headers=h) + b"\r\n" + body, r


GZ = {"Content-Encoding": "gzip"}
a, b2, c = rid("ka"), rid("ka"), rid("ka")
seq("gzip truncated then plain", [req(a, gz(ONE)[:-3], GZ), req(b2, ONE)],
    [400, 201])
a, b2 = rid("ka"), rid("ka")
seq("sniffed gzip then plain starting 1f", [req(a, gz(ONE)),
                                              req(b2, b"\x1f" + ONE)],
    [201, 201])
a, b2 = rid("ka"), rid("ka")
seq("gzip bad crc then gzip good", [req(a, gz(ONE)[:-8] + b"\0" * 8, GZ),
                                    req(b2, gz(ONE), GZ)], [400, 0])
a, b2 = rid("ka"), rid("ka")
# a log refused as its bytes come is answered with Connection: close
seq("NUL log then good", [req(a, b"\0" + ONE), req(b2, ONE)], [400, 0])
a, b2 = rid("ka"), rid("ka")
seq("empty then good", [req(a, b""), req(b2, ONE)], [400, 201])
a = rid("ka")
seq("same id three times", [req(a, ONE), req(a, gz(ONE), GZ),
                            req(a, ONE, te=5)], [201, 200, 200])
a = rid("ka")
seq("same id, other log", [req(a, ONE), req(a, ONE + ONE)], [201, 409])
a, b2 = rid("ka"), rid("ka")
seq("409 then a new id", [req(a, ONE), req(a, ONE * 2), req(b2, ONE)],
    [201, 409, 201])
a, b2 = rid("ka"), rid("ka")
seq("16 reports then 1 (state reused)", [req(a, ONE * MR), req(b2, ONE)],
    [201, 201])
a, b2 = rid("ka"), rid("ka")
seq("a CR log then an LF log", [req(a, ONE.replace(b"\n", b"\r")),
                                req(b2, ONE)], [201, 201])
a, b2 = rid("ka"), rid("ka")
seq("a log without final LF then another", [req(a, ONE[:-1]),
                                            req(b2, ONE)], [201, 201])
# pipelined: both requests in one write
a, b2 = rid("ka"), rid("ka")
count(g)
st, body, dt = send(req(a, ONE)[0] + req(b2, ONE)[0])
if st != 201 or body.count(b"HTTP/1.1 201") != 1:
    finding("%s/pipelined: %s %r" % (g, st, body[-200:]))
else:
    accepted[a] = accepted[b2] = 1
check_db(g)
print("cases:", json.dumps(CASES), flush=True)
json.dump(accepted, open(os.environ.get("ACCEPTED", "/dev/null"), "w"))
print("done ingest.py", findings, "findings")
