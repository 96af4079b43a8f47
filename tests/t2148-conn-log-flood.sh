#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2148-conn-log-flood: clients that hang up half way cannot flood serve's
# log: libmicrohttpd writes a line for each ("Connection was closed by
# remote side with incomplete request"), and 500 of them were 500 lines on
# stderr, where journald's rate limit then drops serve's own lines too.
# Now at most 10 of its lines a minute are shown, the rest counted: "N more
# libmicrohttpd lines ... not shown", once the minute is over or at stop.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
RAW=build/asan/tools/rawconn

start_server
$RAW half "$PORT" 500 'POST /api/v1/runs?id=x HTTP/1.1\r\nContent-Length: 100\r\n\r\nab' \
	>/dev/null
$RAW half "$PORT" 200 'GET /heal' >/dev/null
# The server answers once it has seen those closes: until then the
# connections it has not yet reaped may still count against its limits and a
# new one may be turned away (000 on a loaded machine); the last close
# reaches the server before the answer.
for i in $(seq 1 300); do
	st=$(get "$BASE/healthz")
	[ "$st" = 200 ] && break
	sleep 0.1
done
check_eq "the server answers" 200 "$st"
stop_server
shown=$(grep -c '^splatd: libmicrohttpd: ' "$TMP/serve.err")
check "at most 10 lines of libmicrohttpd's and the count ($shown)" \
	test "$shown" -le 11
check "the count of those not shown ($(grep 'not shown' "$TMP/serve.err"))" \
	grep -Eq '^splatd: libmicrohttpd: [0-9]+ more lines .*not shown' \
	"$TMP/serve.err"
finish
