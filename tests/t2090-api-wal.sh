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
need_sqlite "the WAL and its checkpoints"

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
# The server's own checkpoint thread may hold the checkpoint lock for a
# moment after the last write (SQLite then answers busy, 1|-1|-1, without
# waiting on a busy handler): try for up to 10 s.  A read transaction left
# open would make every try fail.
truncate_checkpoint() {
	local i r
	for i in $(seq 50); do
		r=$(sql 'PRAGMA wal_checkpoint(TRUNCATE)')
		[ "$r" = "0|0|0" ] && break
		sleep 0.2
	done
	echo "$r"
}
check_eq "no read transaction left open: a TRUNCATE checkpoint completes" \
	"0|0|0" "$(truncate_checkpoint)"
stop_server
check_eq "800 runs stored" 800 "$(sql 'SELECT count(*) FROM runs')"
check_eq "integrity ok" ok "$(sql 'PRAGMA integrity_check')"
finish
