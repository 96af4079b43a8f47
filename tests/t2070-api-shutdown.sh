#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2070-api-shutdown: SIGTERM stops accepting connections but lets an upload
# in flight finish (201, stored), then exits 0 with the database closed.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server
CI=$(token ci1 ci)
{
	cat "$SEED"
	yes '<6>[   12.345678] usb 1-1: new high-speed USB device number 2' |
		head -c 600K
} >"$TMP/slow.txt"
# About 3 s on the wire at 200 KB/s.
curl -s -o "$TMP/slow.body" -w '%{http_code}' --limit-rate 200K -X POST \
	-H "Authorization: Bearer $CI" --data-binary "@$TMP/slow.txt" \
	"$BASE/api/v1/runs?id=slow" >"$TMP/slow.status" &
upload=$!
# Wait until the server has the request (its headers) in hand.
for i in $(seq 1 100); do
	# /proc/net/tcp: local address :PORT, state 01 (established)
	grep -qiE ":$(printf '%04X' "$PORT") [0-9A-F:]+ 01 " /proc/net/tcp &&
		break
	sleep 0.05
done
sleep 0.5
kill -TERM "$PID"
sleep 0.3
st=$(curl -s -o /dev/null -w '%{http_code}' "$BASE/healthz")
check_eq "no new connections after SIGTERM" 000 "$st"
wait "$upload"
check_eq "the upload in flight finishes with 201" 201 "$(cat "$TMP/slow.status")"
wait "$PID"
check_eq "the server exits 0" 0 $?
PID=
check "the server said it stopped" grep -q 'splatd: stopped' "$TMP/serve.err"
check_eq "the run is stored" 1 "$(sql "SELECT count(*) FROM runs WHERE run_id = 'slow'")"
check_eq "its report is stored" 1 "$(sql 'SELECT count(*) FROM occurrences')"
check_eq "integrity ok" ok "$(sql 'PRAGMA integrity_check')"
[ "$SPLATD_TEST_DB" = pg ] || check "the WAL was checkpointed on close" \
	test ! -s "$DB-wal"
finish
