#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""mime: read a mail the way a mail client does (Python's email package, a
real MIME parser) and print one JSON object: every header (decoded, as a
list per name), the addresses and display names of From, To and Cc, the
text body decoded, the parts' content types, and what
a strict reader complains about (defects).

  mime.py FILE.eml      one object
  mime.py DIR           one object per DIR/*.eml, in name order (JSON lines)
"""
import email
import email.policy
import email.utils
import json
import os
import sys


def describe(path):
    with open(path, "rb") as f:
        raw = f.read()
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    headers = {}
    for k, v in msg.items():
        headers.setdefault(k.lower(), []).append(str(v))
    # the bare addresses and display names of From, To and Cc
    addresses, names = {}, {}
    for k in ("from", "to", "cc"):
        pairs = email.utils.getaddresses([str(v) for v in msg.get_all(k, [])])
        addresses[k] = [a for _, a in pairs]
        names[k] = [n for n, _ in pairs]
    body = None
    part = msg.get_body(preferencelist=("plain",))
    if part is not None:
        body = part.get_content().replace("\r\n", "\n")
    raw_lines = raw.split(b"\r\n")
    return {
        "file": os.path.basename(path),
        "headers": headers,
        "addresses": addresses,
        "names": names,
        "content_type": msg.get_content_type(),
        "charset": msg.get_content_charset(),
        "multipart": msg.is_multipart(),
        "parts": [p.get_content_type() for p in msg.walk()],
        "body": body,
        "defects": [type(d).__name__ for d in msg.defects],
        "crlf": b"\n" not in raw.replace(b"\r\n", b""),
        "longest_line": max(len(x) for x in raw_lines) if raw_lines else 0,
    }


def main():
    p = sys.argv[1]
    if os.path.isdir(p):
        for name in sorted(os.listdir(p)):
            if name.endswith(".eml"):
                print(json.dumps(describe(os.path.join(p, name))))
    else:
        print(json.dumps(describe(p)))


if __name__ == "__main__":
    main()
