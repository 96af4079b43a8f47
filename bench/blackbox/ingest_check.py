#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
# bench/blackbox/ingest_check.py: the ingest probes' look at the database:
# it holds exactly the runs accepted, their reports as occurrences, each
# signature's counter equal to its occurrences, and `splatd db check`
# passes (SQLite file or postgresql:// URL).
import subprocess

DB = SPLATD = None
accepted = {}


def init(db, splatd, acc):
    global DB, SPLATD, accepted
    DB, SPLATD, accepted = db, splatd, acc


def sql(q):
    if DB.startswith("postgres"):
        return subprocess.run(["psql", "-qAt", DB, "-c", q],
                              capture_output=True, text=True).stdout.strip()
    return subprocess.run(["sqlite3", DB, q], capture_output=True,
                          text=True).stdout.strip()


def check_db(group, finding):
    runs = int(sql("SELECT count(*) FROM runs") or -1)
    if runs != len(accepted):
        have = set(sql("SELECT run_id FROM runs").split("\n")) - {""}
        finding("%s: db has %d runs, %d accepted; extra %s missing %s" %
                (group, runs, len(accepted),
                 sorted(have - set(accepted))[:5],
                 sorted(set(accepted) - have)[:5]))
    occ = int(sql("SELECT count(*) FROM occurrences") or -1)
    want = sum(n for n in accepted.values() if n is not None)
    if occ != want:
        finding("%s: db has %d occurrences, %d accepted" % (group, occ, want))
    bad = sql("SELECT count(*) FROM runs r WHERE reports != "
              "(SELECT count(*) FROM occurrences o WHERE o.run_id = r.id)")
    if bad != "0":
        finding("%s: %s runs whose reports differ from their occurrences" %
                (group, bad))
    bad = sql("SELECT count(*) FROM signatures s WHERE occurrences != "
              "(SELECT count(*) FROM occurrences o WHERE o.signature_id = "
              "s.id)")
    if bad != "0":
        finding("%s: %s signatures whose counter differs from their "
                "occurrences" % (group, bad))
    if DB.startswith("postgres"):
        return  # pg_amcheck, not splatd db check, on PostgreSQL
    r = subprocess.run([SPLATD, "db", "check", "--db", DB],
                       capture_output=True, text=True)
    if r.returncode:
        finding("%s: db check: %s" % (group, r.stdout + r.stderr))
