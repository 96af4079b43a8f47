#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
# receiver.py PORTFILE TOKEN SCHEMA MODE DIR: a KCIDB-NG style submission
# endpoint on 127.0.0.1 (an ephemeral port, written to PORTFILE) for the
# tests of `splatd kcidb submit` (docs/interop.md "KCIDB out").
#
#   POST /submit      needs "Authorization: Bearer TOKEN" (else 401); the
#                     body must validate against SCHEMA with the format
#                     checker (else 400 naming the first error); it is
#                     kept as DIR/submission-N.json; answers {"id": "sub-N"}
#   GET /status?id=   {"id", "status", "message"}: MODE "ok" answers
#                     "processing" once, then "processed"; "failed" answers
#                     "failed" with a reason; "never" answers "inprogress"
#                     for ever; an unknown id is "notfound"
#
# Every request is logged to DIR/requests.log ("METHOD PATH").
import json
import os
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import jsonschema

PORTFILE, TOKEN, SCHEMA, MODE, DIR = sys.argv[1:6]
VALIDATOR = jsonschema.Draft202012Validator(
    json.load(open(SCHEMA)),
    format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
POLLS = {}


class Handler(BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        pass

    def answer(self, code, obj):
        body = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log(self):
        with open(os.path.join(DIR, "requests.log"), "a") as f:
            f.write("%s %s\n" % (self.command, self.path))

    def do_POST(self):
        self.log()
        n = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(n)
        if self.path != "/submit":
            return self.answer(404, {"error": "no such endpoint"})
        if self.headers.get("Authorization") != "Bearer " + TOKEN:
            return self.answer(401, {"error": "invalid token"})
        try:
            doc = json.loads(body)
        except ValueError as e:
            return self.answer(400, {"error": "not JSON: %s" % e})
        errs = sorted(VALIDATOR.iter_errors(doc), key=lambda e: list(e.path))
        if errs:
            e = errs[0]
            return self.answer(400, {"error": "$%s: %s" % ("".join(
                "[%r]" % p for p in e.absolute_path), e.message)})
        sub = "sub-%d" % (len(POLLS) + 1)
        POLLS[sub] = 0
        with open(os.path.join(DIR, "submission-%d.json" % len(POLLS)),
                  "wb") as f:
            f.write(body)
        self.answer(200, {"id": sub})

    def do_GET(self):
        self.log()
        url = urllib.parse.urlsplit(self.path)
        if url.path != "/status":
            return self.answer(404, {"error": "no such endpoint"})
        if self.headers.get("Authorization") != "Bearer " + TOKEN:
            return self.answer(401, {"error": "invalid token"})
        sub = urllib.parse.parse_qs(url.query).get("id", [""])[0]
        if sub not in POLLS:
            return self.answer(200, {"id": sub, "status": "notfound",
                                     "message": "no such submission"})
        POLLS[sub] += 1
        if MODE == "failed":
            status, msg = "failed", "ingester: invalid <checkout> & co"
        elif MODE == "never":
            status, msg = "inprogress", ""
        else:
            status = "processing" if POLLS[sub] == 1 else "processed"
            msg = ""
        self.answer(200, {"id": sub, "status": status, "message": msg})


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(PORTFILE + ".tmp", "w") as f:
    f.write("%d\n" % server.server_address[1])
os.rename(PORTFILE + ".tmp", PORTFILE)
server.serve_forever()
