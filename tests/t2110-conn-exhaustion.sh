#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2110-conn-exhaustion: one address cannot take every connection (a probe
# of /healthz from another address answers while it holds its maximum), and
# a client that sends its headers or its body a byte at a time is closed.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
RAW=build/asan/tools/rawconn

start_server --max-conns-per-ip 20
# 1,100 idle connections from 127.0.0.1, more than the server's total (1,000):
# 20 served, 16 more kept to be answered 503 once their headers are in
# (t2147), the rest closed at once.
hold 127.0.0.1 1100 20 'GET /heal'
check_eq "one address holds its maximum and 16 to answer, no more" \
	"open 36" "$(head -n 1 "$TMP/hold.out")"
st=$(curl -s -o /dev/null -w '%{http_code}' -m 10 --interface 127.0.0.2 \
	"$BASE/healthz")
check_eq "/healthz from another address answers" 200 "$st"
kill "$HOLD"
wait "$HOLD" 2>/dev/null
stop_server

start_server --header-timeout 2 --body-timeout 2 --body-min-rate 1K
CI=$(token ci1 ci)
# A byte a second: closed after the deadline, long before the 25 bytes.
$RAW trickle "$PORT" 1000 25 'GET /healthz HTTP/1.1\r\nX-Slow: ' \
	>"$TMP/hdr.out" &
T1=$!
$RAW trickle "$PORT" 1000 25 "POST /api/v1/runs?id=slow HTTP/1.1\r\nAuthorization: Bearer $CI\r\nContent-Length: 100000\r\n\r\n" \
	>"$TMP/body.out" &
T2=$!
$RAW trickle "$PORT" 1000 25 '' >"$TMP/idle.out" &
T3=$!
wait $T1 $T2 $T3
check "headers a byte a second: closed ($(cat "$TMP/hdr.out"))" \
	grep -q '^closed' "$TMP/hdr.out"
check "a body a byte a second: closed ($(cat "$TMP/body.out"))" \
	grep -q '^closed' "$TMP/body.out"
check "a request line a byte a second: closed ($(cat "$TMP/idle.out"))" \
	grep -q '^closed' "$TMP/idle.out"
st=$(post_log "$CI" "id=fast" "$SEED")
check_eq "a normal upload is stored" 201 "$st"
check_eq "nothing of the slow upload" 0 \
	"$(sql "SELECT count(*) FROM runs WHERE run_id = 'slow'")"
stop_server
finish
