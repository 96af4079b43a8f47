#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# bench/blackbox/hangup.py BASE CI_TOKEN DB SPLATD: clients of
# POST /api/v1/runs that hang up at every phase (headers half-sent, body
# half-sent, after the body before reading the reply, with a reset), many
# at once, then the same run id retried; 20 parallel retries of one run id
# with half of them aborted; runs of one signature set ingested on many
# connections at once; a client sending 1 byte a second beside others.
# A run id must be stored exactly once, never locked out, and the
# database must hold what was accepted.  Loads ingest.py's accepted runs
# ($ACCEPTED) so the counts are the whole database's.
import json, os, socket, struct, sys, threading, time, urllib.parse

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ingest_gen import report, reports  # noqa: E402

u = urllib.parse.urlparse(sys.argv[1])
CI, DB, SPLATD = sys.argv[2], sys.argv[3], sys.argv[4]
ACC = os.environ.get("ACCEPTED")
accepted = json.load(open(ACC)) if ACC and os.path.exists(ACC) else {}
lock = threading.Lock()
findings = 0
CASES = {}
RESETS = [0]
import ingest_check  # noqa: E402

ingest_check.init(DB, SPLATD, accepted)


def finding(*a):
    global findings
    with lock:
        findings += 1
        print("FINDING", *a, flush=True)


def count(group, n=1):
    with lock:
        CASES[group] = CASES.get(group, 0) + n


def head(rid, n, extra=b""):
    return (b"POST /api/v1/runs?id=%s HTTP/1.1\r\nHost: x\r\n"
            b"Authorization: Bearer %s\r\nContent-Type: text/plain\r\n"
            b"Content-Length: %d\r\n%s\r\n" % (rid.encode(), CI.encode(), n,
                                               extra))


def conn(timeout=30):
    return socket.create_connection((u.hostname, u.port), timeout=timeout)


def reset(s):
    s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    s.close()


def answer(s):
    out = b""
    try:
        while True:
            d = s.recv(65536)
            if not d:
                break
            out += d
            if b"\r\n\r\n" in out:
                hdr, body = out.split(b"\r\n\r\n", 1)
                for line in hdr.split(b"\r\n"):
                    if line.lower().startswith(b"content-length:"):
                        if len(body) >= int(line.split(b":")[1]):
                            return out
    except OSError as e:
        out += b"EXC " + str(e).encode()
    return out


def post(rid, body, timeout=30):
    s = conn(timeout)
    t = time.time()
    try:
        s.sendall(head(rid, len(body)) + body)
    except OSError:
        pass
    out = answer(s)
    s.close()
    st = int(out[9:12]) if out.startswith(b"HTTP/1.1 ") else 0
    return st, out.split(b"\r\n\r\n", 1)[-1], time.time() - t


def retried(group, label, rid, body, n):
    """the same id again after hang-ups: 201 once or 200, never else"""
    count(group)
    st, b, dt = post(rid, body)
    for _ in range(20):
        # reset unanswered at accept: the connections its client and the
        # others hung up on still count for libmicrohttpd's per-address
        # cap (--max-conns-per-ip + 16) until serve saw them end; a client
        # retries such a reset after a moment
        if st or b"reset" not in b:
            break
        with lock:
            RESETS[0] += 1
        time.sleep(0.25)
        st, b, dt = post(rid, body)
    if st not in (200, 201) or dt > 20:
        finding("%s/%s: retry of %s: %s %.1fs %r" % (group, label, rid, st,
                                                     dt, b[:200]))
        return
    with lock:
        accepted[rid] = n


ONE = report("hupA", "hupB").encode()
SEQ = [0]


def rid(p):
    with lock:
        SEQ[0] += 1
        return "%s-%d" % (p, SEQ[0])


def phases(r, body):
    """one hang-up of each phase for run r"""
    h = head(r, len(body))
    for cut in (h[:5], h[:len(h) // 2], h[:-2], h + body[:1],
                h + body[:len(body) // 2], h + body[:-1]):
        for how in ("close", "reset"):
            s = conn()
            s.sendall(cut)
            reset(s) if how == "reset" else s.close()
            yield
    # the whole body, then gone before the reply (the write may be done)
    for how in ("close", "reset", "shut-then-close"):
        s = conn()
        s.sendall(h + body)
        if how == "shut-then-close":
            s.shutdown(socket.SHUT_WR)
            time.sleep(0.01)
            s.close()
        elif how == "reset":
            reset(s)
        else:
            s.close()
        yield


# ---- every phase, one client, then the retry ----
g = "hangup-phases"
for body, n in ((ONE, 1), (reports(16, 16, "hp").encode(), 16)):
    r = rid("hp")
    for _ in phases(r, body):
        count(g)
        retried(g, "after each phase", r, body, n)
    # a retry that hangs up too, then one that waits
    s = conn()
    s.sendall(head(r, len(body)) + body[:100])
    reset(s)
    retried(g, "during a retry", r, body, n)
ingest_check.check_db(g, finding)

# ---- many at once, then retries ----
g = "hangup-many"
ids = [rid("hm") for _ in range(40)]
bodies = {i: report("hmA%d" % k, "hmB%d" % k).encode()
          for k, i in enumerate(ids)}


def abort_all(i):
    for _ in phases(i, bodies[i]):
        count(g)


ts = [threading.Thread(target=abort_all, args=(i,)) for i in ids]
[t.start() for t in ts]
[t.join() for t in ts]
ts = [threading.Thread(target=retried, args=(g, "after many", i, bodies[i],
                                             1)) for i in ids]
[t.start() for t in ts]
[t.join() for t in ts]
ingest_check.check_db(g, finding)

# ---- 20 parallel retries of one id, half aborted ----
g = "parallel-retries"
for body, n in ((ONE, 1), (reports(16, 8, "pr").encode(), 16)):
    r = rid("pr")
    res = []

    def one(k):
        count(g)
        if k % 2:
            s = conn()
            h = head(r, len(body))
            s.sendall((h + body)[:len(h) + len(body) * (k % 4) // 4])
            reset(s)
            return
        st, b, dt = post(r, body)
        with lock:
            res.append(st)
    ts = [threading.Thread(target=one, args=(k,)) for k in range(20)]
    [t.start() for t in ts]
    [t.join() for t in ts]
    if res.count(201) != 1 or set(res) - {200, 201}:
        finding("%s: 10 retries of %s answered %s" % (g, r, sorted(res)))
    accepted[r] = n
    retried(g, "after the parallel ones", r, body, n)
# the same id with different logs at once: one 201, the others 409
r = rid("pr")
res = []


def other(k):
    count(g)
    st, b, dt = post(r, report("prA%d" % k, "prB%d" % k).encode())
    with lock:
        res.append(st)


ts = [threading.Thread(target=other, args=(k,)) for k in range(20)]
[t.start() for t in ts]
[t.join() for t in ts]
if res.count(201) != 1 or set(res) - {201, 409}:
    finding("%s: 20 logs for one id answered %s" % (g, sorted(res)))
accepted[r] = 1
ingest_check.check_db(g, finding)

# ---- one signature set on many connections at once ----
g = "collide"
body = reports(16, 16, "co").encode()
res = []


def coll(k):
    count(g)
    i = rid("co")
    st, b, dt = post(i, body)
    with lock:
        res.append(st)
        if st == 201:
            accepted[i] = 16
        if st == 201 and k == 0:
            pass


ts = [threading.Thread(target=coll, args=(k,)) for k in range(30)]
[t.start() for t in ts]
[t.join() for t in ts]
if set(res) != {201}:
    finding("%s: 30 runs of one signature set: %s" % (g, sorted(res)))
n = ingest_check.sql("SELECT count(*) FROM signatures WHERE classes LIKE "
                     "'%coA%'")
if n != "16":
    finding("%s: %s signatures for 16 distinct reports" % (g, n))
ingest_check.check_db(g, finding)

# ---- a slow client (1 byte a second) beside others ----
g = "slow"
slow_r = rid("sl")
stop = threading.Event()


def slow():
    s = conn(60)
    data = head(slow_r, len(ONE)) + ONE
    try:
        for i in range(len(data)):
            if stop.is_set():
                break
            s.sendall(data[i:i + 1])
            time.sleep(1)
    except OSError:
        pass
    s.close()


sl = [threading.Thread(target=slow) for _ in range(8)]
[t.start() for t in sl]
time.sleep(1)
worst = 0
for k in range(30):
    count(g)
    i = rid("sf")
    st, b, dt = post(i, report("slA%d" % k, "slB%d" % k).encode())
    worst = max(worst, dt)
    if st != 201:
        finding("%s: a run beside slow clients: %s %r" % (g, st, b[:100]))
    else:
        accepted[i] = 1
if worst > 5:
    finding("%s: a run beside 8 slow clients took %.1fs" % (g, worst))
print("slow: the slowest of 30 runs beside 8 slow clients: %.2fs" % worst)
# the slow client's id, sent at speed while it still dribbles
retried(g, "id of a slow client", slow_r, ONE, 1)
stop.set()
[t.join() for t in sl]
retried(g, "id of a slow client, after", slow_r, ONE, 1)
ingest_check.check_db(g, finding)

# ---- after all that: no connection slot leaked ----
# --max-conns-per-ip (64) connections at once from this address, each
# held open after its answer, must all be served: a slot a hung-up
# client left counted would make the last ones 503 for good
g = "slots"
time.sleep(1)
held, sts = [], []
for k in range(64):
    count(g)
    s = conn(20)
    s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
    out = answer(s)
    sts.append(int(out[9:12]) if out.startswith(b"HTTP/1.1 ") else 0)
    held.append(s)
if set(sts) != {200}:
    finding("%s: 64 connections held open: %s" % (g, sorted(set(sts))))
count(g)
s = conn(20)
s.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
out = answer(s)
if not out.startswith(b"HTTP/1.1 503"):
    finding("%s: the 65th connection: %r" % (g, out[:60]))
s.close()
for s in held:
    s.close()
time.sleep(0.5)
count(g)
r = rid("sl")
st, b, dt = post(r, ONE)
if st != 201:
    finding("%s: a run after the 64 closed: %s %r" % (g, st, b[:100]))
else:
    accepted[r] = 1
ingest_check.check_db(g, finding)
print("retries reset unanswered at accept, tried again:", RESETS[0])
print("cases:", json.dumps(CASES), flush=True)
print("done hangup.py", findings, "findings")
