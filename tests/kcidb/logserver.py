#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# logserver.py DIR [ADDR]: an HTTP server on ADDR (127.0.0.1; a free
# port, printed as "port N" on stdout) serving the logs a KCIDB log_url
# names, and the ways a log server misbehaves.  Every request is logged to
# stderr after its client's address.
#   /logs/NAME          DIR/NAME as it is (plain, or a .gz file as bytes)
#   /ce/NAME            DIR/NAME gzip-compressed, Content-Encoding: gzip
#   /cecut/NAME         DIR/NAME gzip-compressed and cut in half, with
#                       Content-Encoding: gzip (a whole HTTP reply whose
#                       gzip stream stops early)
#   /lenflow/NAME       the first half of DIR/NAME under a Content-Length of
#                       20 digits, more than any integer holds, then close
#   /flaky/NAME         404 on the first request, then /logs/NAME
#   /stall              headers, then nothing for 30 s
#   /redirect?to=URL    302 to URL
#   /bomb.gz            a small gzip of 64 MB of newlines
#   /big                an endless plain body
#   /hold/NAME          /logs/NAME once the file DIR/release exists (a slow
#                       host, for as long as the test wants); each request
#                       appends "start N" / "end N" to DIR/holds, N the
#                       requests held at that moment
import gzip
import http.server
import os
import sys
import threading
import time
import urllib.parse

root = sys.argv[1]
addr = sys.argv[2] if len(sys.argv) > 2 else "127.0.0.1"
seen = set()
held = 0
held_lock = threading.Lock()


def hold_note(delta):
    global held
    with held_lock:
        held += delta
        with open(f"{root}/holds", "a") as f:
            f.write("%s %d\n" % ("start" if delta > 0 else "end", held))
bomb = gzip.compress(b"\n" * (64 << 20), 9)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def reply(self, code, body, headers=()):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def file(self, name):
        with open(f"{root}/{name}", "rb") as f:
            return f.read()

    def do_GET(self):
        u = urllib.parse.urlsplit(self.path)
        p = u.path
        try:
            if p.startswith("/logs/"):
                self.reply(200, self.file(p[6:]))
            elif p.startswith("/ce/"):
                self.reply(200, gzip.compress(self.file(p[4:])),
                           [("Content-Encoding", "gzip")])
            elif p.startswith("/cecut/"):
                z = gzip.compress(self.file(p[7:]))
                self.reply(200, z[:len(z) // 2],
                           [("Content-Encoding", "gzip")])
            elif p.startswith("/lenflow/"):
                body = self.file(p[9:])
                self.send_response(200)
                self.send_header("Content-Length", "9" * 20)
                self.end_headers()
                self.wfile.write(body[:len(body) // 2])
                self.close_connection = True
            elif p.startswith("/flaky/"):
                if p in seen:
                    self.reply(200, self.file(p[7:]))
                else:
                    seen.add(p)
                    self.reply(404, b"not yet\n")
            elif p == "/stall":
                self.send_response(200)
                self.send_header("Content-Length", "1000")
                self.end_headers()
                self.wfile.flush()
                time.sleep(30)
            elif p.startswith("/hops/"):
                # /hops/N: a redirect to /hops/N-1, ..., /hops/0 the seed
                n = int(p[6:])
                if n:
                    self.reply(302, b"", [("Location", "/hops/%d" % (n - 1))])
                else:
                    self.reply(200, self.file("seed.txt"))
            elif p.startswith("/hold/"):
                hold_note(1)
                try:
                    while not os.path.exists(f"{root}/release"):
                        time.sleep(0.05)
                    self.reply(200, self.file(p[6:]))
                finally:
                    hold_note(-1)
            elif p == "/redirect":
                to = urllib.parse.parse_qs(u.query)["to"][0]
                self.reply(302, b"", [("Location", to)])
            elif p == "/bomb.gz":
                self.reply(200, bomb)
            elif p == "/big":
                self.send_response(200)
                self.end_headers()
                line = b"x" * 1000 + b"\n"
                while True:
                    self.wfile.write(line * 1000)
            else:
                self.reply(404, b"no such log\n")
        except FileNotFoundError:
            self.reply(404, b"no such log\n")
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, fmt, *args):
        sys.stderr.write("%s %s\n" % (self.client_address[0], fmt % args))
        sys.stderr.flush()


srv = http.server.ThreadingHTTPServer((addr, 0), Handler)
srv.daemon_threads = True
print("port", srv.server_address[1], flush=True)
srv.serve_forever()
