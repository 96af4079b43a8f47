#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# bench/blackbox/logserver.py LOG: a log server that misbehaves in every
# way a KCIDB log_url's host can, on a raw socket (http.server would tidy
# its answers): a body cut short (/short, /chunktrunc), gzip cut short or
# not gzip at all under Content-Encoding: gzip (/cetrunc, /cechunktrunc,
# /badgz) or as a .gz file (/trunc.gz), an encoding splatd did not ask for
# (/cebr), bad chunks (/chunkbad), NUL bytes (/nul), an empty body, 500, a
# close without an answer, redirects to file:// and gopher://, out of the
# path and without a Location, 300 KB and 100,000 headers, HTTP/0.9 and
# garbage, 1,000 "100 Continue", a negative and a 20-digit Content-Length,
# a drip of 10 bytes every 50 ms; /ok/NAME is LOG as it should be.  Prints
# "port N" once listening; each request's path on stderr.
import socket, threading, sys, gzip, time
seed = open(sys.argv[1], 'rb').read()
def resp(c, head, body=b""):
    c.sendall(head.encode() + body)
def handle(c):
    try:
        data = b""
        while b"\r\n\r\n" not in data:
            d = c.recv(4096)
            if not d: return
            data += d
        path = data.split(b" ")[1].decode()
        sys.stderr.write(path + "\n"); sys.stderr.flush()
        L = len(seed)
        if path == "/short":
            resp(c, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % L, seed[:L//2])
        elif path == "/garbage":
            c.sendall(b"\x00\xff garbage garbage\r\n\r\n" + seed)
        elif path == "/badgz":
            resp(c, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: 10000\r\n\r\n", b"\x1f\x8b\x08\x00" + b"z"*9996)
        elif path == "/trunc.gz":
            g = gzip.compress(seed); g = g[:len(g)//2]
            resp(c, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(g), g)
        elif path == "/cetrunc":
            g = gzip.compress(seed); g = g[:len(g)//2]
            resp(c, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(g), g)
        elif path == "/cechunktrunc":
            g = gzip.compress(seed); g = g[:len(g)//2]
            resp(c, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n", b"%x\r\n" % len(g) + g + b"\r\n0\r\n\r\n")
        elif path == "/ceok":
            g = gzip.compress(seed)
            resp(c, "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Length: %d\r\n\r\n" % len(g), g)
        elif path == "/cebr":
            resp(c, "HTTP/1.1 200 OK\r\nContent-Encoding: br\r\nContent-Length: %d\r\n\r\n" % len(seed), seed)
        elif path == "/chunkbad":
            resp(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", b"10\r\n" + seed[:16] + b"\r\nZZZ\r\nxx\r\n")
        elif path == "/chunktrunc":
            resp(c, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", b"%x\r\n" % L + seed[:L//2])
        elif path == "/nul":
            b = seed + b"\x00\x00\x00binary"
            resp(c, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % len(b), b)
        elif path == "/empty":
            resp(c, "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
        elif path == "/500":
            resp(c, "HTTP/1.1 500 Oops\r\nContent-Length: 3\r\n\r\n", b"bad")
        elif path == "/close":
            pass
        elif path == "/file":
            resp(c, "HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\nContent-Length: 0\r\n\r\n")
        elif path == "/gopher":
            resp(c, "HTTP/1.1 302 Found\r\nLocation: gopher://127.0.0.1:1/x\r\nContent-Length: 0\r\n\r\n")
        elif path == "/dotdot":
            resp(c, "HTTP/1.1 302 Found\r\nLocation: /ok/../../secret\r\nContent-Length: 0\r\n\r\n")
        elif path == "/noloc":
            resp(c, "HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n")
        elif path == "/hugehdr":
            resp(c, "HTTP/1.1 200 OK\r\nX-Big: " + "a"*300000 + "\r\nContent-Length: %d\r\n\r\n" % L, seed)
        elif path == "/manyhdr":
            resp(c, "HTTP/1.1 200 OK\r\n" + "X-A: b\r\n"*100000 + "Content-Length: %d\r\n\r\n" % L, seed)
        elif path == "/http09":
            c.sendall(seed)
        elif path == "/100":
            resp(c, "HTTP/1.1 100 Continue\r\n\r\n" * 1000 + "HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % L, seed)
        elif path == "/neglen":
            resp(c, "HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n", seed)
        elif path == "/hugelenhalf":
            resp(c, "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n", seed[:L//2])
        elif path == "/hugelen":
            resp(c, "HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\n", seed)
        elif path.startswith("/ok/"):
            resp(c, "HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % L, seed)
        elif path == "/slowdrip":
            c.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: %d\r\n\r\n" % L)
            for i in range(0, L, 10):
                c.sendall(seed[i:i+10]); time.sleep(0.05)
        else:
            resp(c, "HTTP/1.1 404 NF\r\nContent-Length: 0\r\n\r\n")
    except Exception as e:
        sys.stderr.write("exc %s\n" % e)
    finally:
        c.close()
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0)); s.listen(50)
print("port", s.getsockname()[1], flush=True)
while True:
    c, _ = s.accept()
    threading.Thread(target=handle, args=(c,), daemon=True).start()
