#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2090-api-wal: under a steady stream of runs (C clients on keep-alive
# connections, no gaps between requests) the WAL stays bounded and the
# database whole.  A passive checkpoint alone never catches up with a
# stream fast enough (the bench's: 1,500 runs/s), so the WAL would never
# restart; the checkpoint thread forces a complete one past --wal-frames
# (docs/storage.md), counted in /metrics.  `make bench` prints the WAL's
# size after its load.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

POST=build/asan/tools/post_runs
need_exec "$POST"

forced() {
	curl -s "$BASE/metrics" |
		sed -n 's/^splatd_wal_forced_checkpoints_total //p'
}

start_server --access-log off --wal-frames 32
CI=$(token ci1 ci)
before=$(forced)
check "the counter is in /metrics" test -n "$before"
out=$("$POST" "$PORT" "$CI" "$SEED" steady 8 100)
check_eq "800 runs from 8 keep-alive clients stored (201)" \
	"800 ok, 0 failed" "$out"
n=$(forced)
check "the WAL went past 32 pages and checkpoints held the writes ($before -> $n)" \
	test "${n:-0}" -gt "${before:-0}"
# 800 runs write ~45 MB of WAL frames; with the forced checkpoint out of
# reach (--wal-frames 1000000000) the WAL held them all (44.8 MB)
wal=$(($(stat -c %s "$DB-wal") / 1024))
check "the WAL restarts (${wal} KiB <= 24576)" test "$wal" -le 24576
# (with a busy timeout: the server's own checkpointer may hold the lock
# for a moment after the last write; a read transaction left open would
# still make it fail after 10 s)
check_eq "no read transaction left open: a TRUNCATE checkpoint completes" \
	"0|0|0" "$(sqlite3 -cmd '.timeout 10000' "$DB" \
		'PRAGMA wal_checkpoint(TRUNCATE)')"
stop_server
check_eq "800 runs stored" 800 "$(sql 'SELECT count(*) FROM runs')"
check_eq "integrity ok" ok "$(sql 'PRAGMA integrity_check')"
finish
