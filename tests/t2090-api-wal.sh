#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2090-api-wal: under a steady stream of runs (C clients on keep-alive
# connections, no gaps between requests) the WAL stays bounded and the
# database whole.  A passive checkpoint alone never catches up with a
# stream fast enough (the bench's: 1,500 runs/s), so the WAL would never
# restart; the checkpoint thread forces a complete one past --wal-frames
# (docs/storage.md).  `make bench` prints the WAL's size after its load.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

POST=build/asan/tools/post_runs
[ -x "$POST" ] || { fail "$POST missing (make test builds it)"; finish; }

start_server --access-log off --wal-frames 256
CI=$(token ci1 ci)
out=$("$POST" "$PORT" "$CI" "$SEED" steady 8 100)
check_eq "800 runs from 8 keep-alive clients stored (201)" \
	"800 ok, 0 failed" "$out"
wal=$(($(stat -c %s "$DB-wal") / 1024))
check "the WAL stays near 256 pages (${wal} KiB <= 8192)" test "$wal" -le 8192
check_eq "no read transaction left open: a TRUNCATE checkpoint completes" \
	"0|0|0" "$(sql 'PRAGMA wal_checkpoint(TRUNCATE)')"
stop_server
check_eq "800 runs stored" 800 "$(sql 'SELECT count(*) FROM runs')"
check_eq "integrity ok" ok "$(sql 'PRAGMA integrity_check')"
finish
