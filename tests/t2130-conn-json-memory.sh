#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2130-conn-json-memory: gzip JSON uploads are capped early (--max-json)
# and all buffered bodies share one budget (--max-buffered): the server's
# memory stays bounded under parallel gzip JSON bombs and under a JSON
# document of millions of tiny values, and a body past the budget gets 503
# with Retry-After.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server
CI=$(token ci1 ci)
# {"run": {"id": "bomb"}, "log": "aaaa..."}: 64 MB of JSON, < 1 MB of gzip
{
	printf '{"run": {"id": "bomb"}, "log": "'
	head -c 64M /dev/zero | tr '\0' a
	printf '"}'
} | gzip -c >"$TMP/bomb.json.gz"
check "the bomb is small on the wire" \
	test "$(stat -c %s "$TMP/bomb.json.gz")" -lt 1048576
hwm() { awk '/^VmHWM:/ { print $2 }' "/proc/$PID/status"; }
before=$(hwm)
pids=()
for i in 1 2 3 4; do
	curl -s -o "$TMP/bomb$i.out" -w '%{http_code}\n' -X POST \
		-H "Authorization: Bearer $CI" \
		-H 'Content-Type: application/json' \
		-H 'Content-Encoding: gzip' --data-binary "@$TMP/bomb.json.gz" \
		"$BASE/api/v1/runs" >"$TMP/bomb$i.st" &
	pids+=($!)
done
wait "${pids[@]}"
for i in 1 2 3 4; do
	check "bomb $i refused: 413 or 503 (got $(cat "$TMP/bomb$i.st"))" \
		grep -qx '413\|503' "$TMP/bomb$i.st"
done
grew=$((($(hwm) - before) / 1024))
# Before: each bomb buffered 256 MB and parsed it (GBs for four).  Now at
# most 16 MB each, twice, plus allocator slack (ASan keeps freed memory).
check "peak RSS grew by $grew MB under 4 parallel bombs (< 400 MB)" \
	test "$grew" -lt 400
# 15 MB of "0," under --max-json: millions of values for jansson to build
{
	printf '{"run": {"id": "pad"}, "log": "x", "pad": ['
	yes '0,' | head -c 15M | tr -d '\n'
	printf '0]}'
} | gzip -c >"$TMP/pad.json.gz"
before=$(hwm)
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X POST \
	-H "Authorization: Bearer $CI" -H 'Content-Type: application/json' \
	-H 'Content-Encoding: gzip' --data-binary "@$TMP/pad.json.gz" \
	"$BASE/api/v1/runs")
check_eq "a JSON upload of millions of values: 400" 400 "$st"
grew=$((($(hwm) - before) / 1024))
check "peak RSS grew by $grew MB for it (< 150 MB)" test "$grew" -lt 150
st=$(get "$BASE/healthz")
check_eq "the server is up" 200 "$st"
stop_server

start_server --max-buffered 1M --max-json 400K # room for one document: 800K
# A client holds a 400 KB JSON body half sent (800 KB of the budget).
hold 127.0.0.1 1 20 "POST /api/v1/runs HTTP/1.1\r\nAuthorization: Bearer $CI\r\nContent-Type: application/json\r\nContent-Length: 400000\r\n\r\n{\"run\": "
{ cat "$SEED"; yes '[    1.000000] filler line of a long log' | head -c 150K; } |
	jq -Rs '{run: {id: "j1"}, log: .}' >"$TMP/j1.json"
post_json() {
	curl -s -D "$TMP/headers" -o "$TMP/body" -w '%{http_code}' -X POST \
		-H "Authorization: Bearer $CI" \
		-H 'Content-Type: application/json' \
		--data-binary "@$TMP/j1.json" "$BASE/api/v1/runs"
}
st=$(post_json)
check_eq "past the budget: 503" 503 "$st"
check_eq "... busy" busy "$(body .error)"
check "... with Retry-After" grep -qi '^Retry-After: [0-9]' "$TMP/headers"
kill "$HOLD"
wait "$HOLD" 2>/dev/null
ok=
for i in $(seq 1 50); do
	st=$(post_json)
	[ "$st" = 201 ] && ok=1 && break
	sleep 0.2
done
check_eq "once the other body is gone, the upload is stored" 201 "$st"
stop_server
finish
