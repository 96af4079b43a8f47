#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2100-conn-half-request: clients that send part of a request (its headers,
# or headers and part of a body, a run's log or a KCIDB document) and close
# free their connection at once:
# the server's open descriptors drop back and a normal request is served.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
RAW=build/asan/tools/rawconn

start_server
CI=$(token ci1 ci)
TR=$(token tr1 triager)
st=$(get "$BASE/healthz")
check_eq "healthz before" 200 "$st"
nfd() { ls "/proc/$PID/fd" | wc -l; }
base=$(nfd)

# fds_back: wait (generously) until the server holds no more descriptors
# than at the start; the check is on the outcome, not on the time taken.
fds_back() {
	local i
	for i in $(seq 1 100); do
		[ "$(nfd)" -le $((base + 2)) ] && return 0
		sleep 0.2
	done
	echo "open descriptors: $(nfd), at the start: $base"
	return 1
}

$RAW half "$PORT" 150 'GET /heal' >/dev/null
$RAW half "$PORT" 150 'GET /healthz HTTP/1.1\r\nHost: x\r\n' >/dev/null
check "half headers: descriptors drop back" fds_back
$RAW half "$PORT" 150 "POST /api/v1/runs?id=h HTTP/1.1\r\nAuthorization: Bearer $CI\r\nContent-Length: 100000\r\n\r\n" >/dev/null
$RAW half "$PORT" 150 "POST /api/v1/runs?id=h HTTP/1.1\r\nAuthorization: Bearer $CI\r\nContent-Length: 100000\r\n\r\n[    0.000000] Linux version" >/dev/null
$RAW half "$PORT" 150 "PATCH /api/v1/signatures/1 HTTP/1.1\r\nAuthorization: Bearer $TR\r\nContent-Length: 1000\r\n\r\n{\"status\"" >/dev/null
# a KCIDB document cut off, plain and gzip-encoded (its inflater is freed)
$RAW half "$PORT" 150 "POST /api/v1/kcidb HTTP/1.1\r\nAuthorization: Bearer $CI\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{\"version\": {\"major\": 5}, \"tests\": [" >/dev/null
$RAW half "$PORT" 150 "POST /api/v1/kcidb HTTP/1.1\r\nAuthorization: Bearer $CI\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: 100000\r\n\r\n\x1f\x8b\x08\x00\x00\x00\x00\x00" >/dev/null
check "half bodies: descriptors drop back" fds_back
st=$(get -m 20 "$BASE/healthz")
check_eq "a normal request is served" 200 "$st"
st=$(post_log "$CI" "id=after" "$SEED")
check_eq "an upload is stored" 201 "$st"
st=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $CI" \
	-H 'Content-Type: application/json' --data-binary \
	'{"version": {"major": 5, "minor": 3}, "tests": []}' \
	"$BASE/api/v1/kcidb")
check_eq "a KCIDB document is read" 200 "$st"
stop_server
finish
