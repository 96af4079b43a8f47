#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# logserver.py DIR: an HTTP server on 127.0.0.1 (a free port, printed as
# "port N" on stdout) serving the logs a KCIDB log_url names, and the ways
# a log server misbehaves.  Every request is logged to stderr after its
# client's address.
#   /logs/NAME          DIR/NAME as it is (plain, or a .gz file as bytes)
#   /ce/NAME            DIR/NAME gzip-compressed, Content-Encoding: gzip
#   /flaky/NAME         404 on the first request, then /logs/NAME
#   /stall              headers, then nothing for 30 s
#   /redirect?to=URL    302 to URL
#   /bomb.gz            a small gzip of 64 MB of newlines
#   /big                an endless plain body
import gzip
import http.server
import sys
import time
import urllib.parse

root = sys.argv[1]
seen = set()
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


srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
srv.daemon_threads = True
print("port", srv.server_address[1], flush=True)
srv.serve_forever()
