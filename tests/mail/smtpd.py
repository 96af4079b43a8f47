#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""smtpd: the real SMTP server of the mail tests (Debian python3-aiosmtpd).

Listens on 127.0.0.1 (a free port, written to --port-file), stores each
message it accepts as DIR/NNNN.eml with DIR/NNNN.json holding the envelope
({"mail_from", "rcpt_tos", "auth", "peer": the client's address and port,
one per connection}), and can misbehave on purpose:

  --fail-451 N      answer the first N DATA commands with 451 (try later)
  --fail-554 N      answer the first N DATA commands with 554 (never)
  --crash-data N    fail in the first N DATA commands as a handler whose
                    Maildir is gone does: aiosmtpd answers 500 and keeps
                    the transaction, so a MAIL after it is a "503 nested
                    MAIL command" until RSET or a new connection
  --reject ADDR     answer RCPT TO:<ADDR> with 550 (may be repeated)
  --stall-after N   after accepting N messages, never answer DATA again
  --hold-after N    after accepting N messages, store the next one but
                    never answer its DATA (the sender cannot know it went)
  --auth USER:PASS  require AUTH PLAIN/LOGIN with these credentials

Runs until killed (SIGTERM).
"""
import argparse
import asyncio
import json
import os
import signal
import socket
import threading

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword


class Handler:
    def __init__(self, args):
        self.dir = args.dir
        self.fail451 = args.fail_451
        self.fail554 = args.fail_554
        self.crash = args.crash_data
        self.reject = set(a.lower() for a in args.reject)
        self.stall_after = args.stall_after
        self.hold_after = args.hold_after
        self.accepted = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address,
                          rcpt_options):
        if address.lower() in self.reject:
            return "550 5.1.1 no such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            stall = hold = False
            if self.fail451 > 0:
                self.fail451 -= 1
                return "451 4.3.0 try again later"
            if self.fail554 > 0:
                self.fail554 -= 1
                return "554 5.3.0 transaction failed"
            if self.crash > 0:
                self.crash -= 1
                raise OSError("maildir gone")
            if self.stall_after >= 0 and self.accepted >= self.stall_after:
                stall = True
            else:
                hold = 0 <= self.hold_after <= self.accepted
                self.accepted += 1
                n = self.accepted
        if stall:
            await asyncio.sleep(3600)
            return "451 4.3.0 stalled"
        base = os.path.join(self.dir, "%04d" % n)
        with open(base + ".json", "w") as f:
            json.dump({"mail_from": envelope.mail_from,
                       "rcpt_tos": envelope.rcpt_tos,
                       "auth": bool(session.authenticated),
                       "peer": "%s:%s" % tuple(session.peer[:2])}, f)
        with open(base + ".eml.tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(base + ".eml.tmp", base + ".eml")
        if hold:
            await asyncio.sleep(3600)
        return "250 OK message accepted"


def authenticator_for(user, password):
    def check(server, session, envelope, mechanism, auth_data):
        if (isinstance(auth_data, LoginPassword)
                and auth_data.login.decode() == user
                and auth_data.password.decode() == password):
            return AuthResult(success=True)
        return AuthResult(success=False, handled=False)
    return check


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--fail-451", type=int, default=0)
    ap.add_argument("--fail-554", type=int, default=0)
    ap.add_argument("--crash-data", type=int, default=0)
    ap.add_argument("--reject", action="append", default=[])
    ap.add_argument("--stall-after", type=int, default=-1)
    ap.add_argument("--hold-after", type=int, default=-1)
    ap.add_argument("--auth")
    args = ap.parse_args()
    os.makedirs(args.dir, exist_ok=True)
    kw = {}
    if args.auth:
        user, password = args.auth.split(":", 1)
        kw = dict(authenticator=authenticator_for(user, password),
                  auth_required=True, auth_require_tls=False)
    # aiosmtpd 1.4 connects to its own port to see it up: pick one first
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    c = Controller(Handler(args), hostname="127.0.0.1", port=port,
                   server_hostname="smtp.test", ready_timeout=10, **kw)
    c.start()
    with open(args.port_file + ".tmp", "w") as f:
        f.write("%d\n" % port)
    os.rename(args.port_file + ".tmp", args.port_file)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *a: done.set())
    signal.signal(signal.SIGINT, lambda *a: done.set())
    done.wait()
    c.stop()


if __name__ == "__main__":
    main()
