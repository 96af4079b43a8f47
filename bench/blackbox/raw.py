#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# bench/blackbox/raw.py BASE TRIAGER_TOKEN: requests no HTTP client sends
# as they are (// and .. paths, %00, 100 KB targets, HTTP/0.9 and /2,
# Content-Length short, negative, huge or twice, bad chunks, two or folded
# Authorization headers, 200 KB and 20,000 headers, 50 pipelined GETs),
# written to a socket.  Prints each answer that is not 2xx or 4xx and each
# over 3 s; a 100 before the answer is skipped, libmicrohttpd's 505 to
# "PRI * HTTP/2.0" and no answer to a body cut short by the client (it
# hangs up) are what they should be.
import socket, sys, time, urllib.parse
u = urllib.parse.urlparse(sys.argv[1]); TR = sys.argv[2]
def raw(data, label):
    s = socket.create_connection((u.hostname, u.port), timeout=10)
    t=time.time()
    try:
        s.sendall(data)
        s.shutdown(socket.SHUT_WR) if b"NOSHUT" not in data else None
        out = b""
        while True:
            d = s.recv(65536)
            if not d: break
            out += d
    except Exception as e:
        out = b"EXC " + str(e).encode()
    dt=time.time()-t
    if out.startswith(b"HTTP/1.1 100 Continue\r\n\r\n"):
        out = out[25:]
    st = out.split(b"\r\n",1)[0]
    expected = (label == "http2 pri" and st.startswith(b"HTTP/1.1 505")) or \
        (label == "patch cl short" and not out)
    if not expected and not st.startswith(b"HTTP/1.1 4") and not st.startswith(b"HTTP/1.1 2") or dt > 3:
        print("%-40s %.1fs %r" % (label, dt, out[:200]))
    s.close()
A = ("Authorization: Bearer %s\r\n" % TR).encode()
J = b'{"status":"triaged"}'
cases = {
 "get //": b"GET //api/v1/signatures HTTP/1.1\r\nHost: x\r\n\r\n",
 "get ///": b"GET ///// HTTP/1.1\r\nHost: x\r\n\r\n",
 "get %00": b"GET /api/v1/signatures/1%00 HTTP/1.1\r\nHost: x\r\n\r\n",
 "get long": b"GET /" + b"a"*100000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
 "get dotdot": b"GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
 "get dotdot enc": b"GET /%2e%2e/%2e%2e/etc/passwd HTTP/1.1\r\nHost: x\r\n\r\n",
 "get static dotdot": b"GET /static/..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: x\r\n\r\n",
 "get abs": b"GET http://x/api/v1/signatures HTTP/1.1\r\nHost: x\r\n\r\n",
 "get star": b"OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n",
 "trace": b"TRACE / HTTP/1.1\r\nHost: x\r\n\r\n",
 "head sig": b"HEAD /api/v1/signatures HTTP/1.1\r\nHost: x\r\n\r\n",
 "http10": b"GET /api/v1/signatures HTTP/1.0\r\n\r\n",
 "http09": b"GET /api/v1/signatures\r\n\r\n",
 "http2 pri": b"PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n",
 "no host": b"GET /api/v1/signatures HTTP/1.1\r\n\r\n",
 "bad method": b"F\x00O /api HTTP/1.1\r\nHost: x\r\n\r\n",
 "patch cl short": b"PATCH /api/v1/signatures/1 HTTP/1.1\r\nHost: x\r\n" + A + b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n" + J,
 "patch cl neg": b"PATCH /api/v1/signatures/1 HTTP/1.1\r\nHost: x\r\n" + A + b"Content-Type: application/json\r\nContent-Length: -1\r\n\r\n" + J,
 "patch cl huge": b"PATCH /api/v1/signatures/1 HTTP/1.1\r\nHost: x\r\n" + A + b"Content-Type: application/json\r\nContent-Length: 99999999999999999999999\r\n\r\n" + J,
 "patch two cl": b"PATCH /api/v1/signatures/1 HTTP/1.1\r\nHost: x\r\n" + A + b"Content-Type: application/json\r\nContent-Length: 20\r\nContent-Length: 5\r\n\r\n" + J,
 "patch chunked": b"PATCH /api/v1/signatures/1 HTTP/1.1\r\nHost: x\r\n" + A + b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n14\r\n" + J + b"\r\n0\r\n\r\n",
 "patch chunked big": b"PATCH /api/v1/signatures/1 HTTP/1.1\r\nHost: x\r\n" + A + b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" + (b"1000\r\n" + b" "*4096 + b"\r\n")*40 + b"0\r\n\r\n",
 "patch chunked bad": b"PATCH /api/v1/signatures/1 HTTP/1.1\r\nHost: x\r\n" + A + b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n" + J + b"\r\n0\r\n\r\n",
 "patch te+cl": b"PATCH /api/v1/signatures/1 HTTP/1.1\r\nHost: x\r\n" + A + b"Content-Type: application/json\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n14\r\n" + J + b"\r\n0\r\n\r\n",
 "patch expect": b"PATCH /api/v1/signatures/1 HTTP/1.1\r\nHost: x\r\n" + A + b"Content-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: 20\r\n\r\n" + J,
 "patch gzip ce": b"PATCH /api/v1/signatures/1 HTTP/1.1\r\nHost: x\r\n" + A + b"Content-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 20\r\n\r\n" + J,
 "patch two auth": b"PATCH /api/v1/signatures/1 HTTP/1.1\r\nHost: x\r\n" + A + b"Authorization: Bearer zzz\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n" + J,
 "patch basic": b"PATCH /api/v1/signatures/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Basic YTpi\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n" + J,
 "patch bearer lc": b"PATCH /api/v1/signatures/1 HTTP/1.1\r\nHost: x\r\n" + A.replace(b"Bearer", b"bearer") + b"Content-Type: application/json\r\nContent-Length: 20\r\n\r\n" + J,
 "patch bearer sp": b"PATCH /api/v1/signatures/1 HTTP/1.1\r\nHost: x\r\n" + A.replace(b"Bearer ", b"Bearer    ") + b"Content-Type: application/json\r\nContent-Length: 20\r\n\r\n" + J,
 "patch tok nul": b"PATCH /api/v1/signatures/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TR.encode()[:10] + b"\x00" + TR.encode()[10:] + b"\r\nContent-Type: application/json\r\nContent-Length: 20\r\n\r\n" + J,
 "get huge hdr": b"GET /api/v1/signatures HTTP/1.1\r\nHost: x\r\nX: " + b"a"*200000 + b"\r\n\r\n",
 "get many hdr": b"GET /api/v1/signatures HTTP/1.1\r\nHost: x\r\n" + b"X: a\r\n"*20000 + b"\r\n",
 "get folded": b"GET /api/v1/signatures HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer\r\n " + TR.encode() + b"\r\n\r\n",
 "pipeline": (b"GET /api/v1/signatures?limit=1 HTTP/1.1\r\nHost: x\r\n\r\n")*50,
 "delete body": b"DELETE /api/v1/subscriptions/1 HTTP/1.1\r\nHost: x\r\n" + A + b"Content-Length: 5\r\n\r\nhello",
 "post sub ct none": b"POST /api/v1/subscriptions HTTP/1.1\r\nHost: x\r\n" + A + b"Content-Length: 2\r\n\r\n{}",
 "merge into 1e308": b"POST /api/v1/signatures/2/merge HTTP/1.1\r\nHost: x\r\n" + A + b"Content-Type: application/json\r\nContent-Length: 14\r\n\r\n{\"into\":1e308}",
}
for k, v in cases.items(): raw(v, k)
print("done raw.py")
