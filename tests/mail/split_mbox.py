#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0
"""split_mbox: every message of an mbox file as DIR/NNNN.eml (CRLF line
ends, as an SMTP server stores it), numbered after the .eml files already
in DIR, so the mail tests read `splatd digest --mbox` output exactly as they
read what tests/mail/smtpd.py accepted.

  split_mbox.py MBOX DIR
"""
import mailbox
import os
import sys


def main():
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    n = len([x for x in os.listdir(out) if x.endswith(".eml")])
    box = mailbox.mbox(src, create=False)
    for key in box.keys():
        raw = box.get_bytes(key).replace(b"\r\n", b"\n")
        raw = raw.replace(b"\n", b"\r\n")
        n += 1
        with open(os.path.join(out, "%04d.eml" % n), "wb") as f:
            f.write(raw)


if __name__ == "__main__":
    main()
