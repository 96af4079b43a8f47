#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2147-conn-cap-503: a connection past --max-conns-per-ip (from its
# address) or past --max-conns (in all) is answered, not dropped: 503
# "busy" with Retry-After and Connection: close, logged like any request;
# other addresses are served meanwhile, and the address is served again as
# soon as its connections close.  Before, libmicrohttpd closed such a
# connection without a word (curl: status 000, "connection reset").
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server --max-conns-per-ip 4 --max-conns 8
CI=$(token ci1 ci)

# status_from ADDR [curl args] URL: the status of one request from ADDR,
# its headers in $TMP/headers, its body in $TMP/body
status_from() {
	local from=$1
	shift
	curl -s -m 10 --interface "$from" -D "$TMP/headers" -o "$TMP/body" \
		-w '%{http_code}' "$@"
}

hold 127.0.0.1 4 60 'GET /heal'
check_eq "127.0.0.1 holds its 4 connections" "open 4" \
	"$(head -n 1 "$TMP/hold.out")"
check_eq "a 5th from 127.0.0.1 gets 503" 503 \
	"$(status_from 127.0.0.1 "$BASE/healthz")"
check_eq "... the error is busy" busy "$(body .error)"
check "... the detail names the flag ($(body .detail))" \
	grep -q -- '--max-conns-per-ip 4' <(body .detail)
check "... with Retry-After" grep -qi '^Retry-After: [0-9]' "$TMP/headers"
check "... and Connection: close" grep -qi '^Connection: close' \
	"$TMP/headers"
check_eq "an upload from it gets 503 too, and nothing is stored" "503 0" \
	"$(status_from 127.0.0.1 -H "Authorization: Bearer $CI" \
		--data-binary "@$SEED" "$BASE/api/v1/runs?id=over") $(sql \
		"SELECT count(*) FROM runs")"
check_eq "127.0.0.2 is served meanwhile" 200 \
	"$(status_from 127.0.0.2 "$BASE/healthz")"
check "the 503 is in the access log" logged "$TMP/access.log" \
	'127.0.0.1 POST /api/v1/runs 503'

# 4 more from another address: 8 in all, --max-conns
HOLD1=$HOLD
hold 127.0.0.2 4 60 'GET /heal'
check_eq "127.0.0.2 holds 4 more: 8 in all" "open 4" \
	"$(head -n 1 "$TMP/hold.out")"
check_eq "a connection from a third address gets 503" 503 \
	"$(status_from 127.0.0.3 "$BASE/healthz")"
check "... the detail names --max-conns" grep -q -- '--max-conns 8' \
	<(body .detail)
kill "$HOLD" "$HOLD1"
wait "$HOLD" "$HOLD1" 2>/dev/null

# served again once its connections closed (the server frees them at
# once; a few tries allow for the moment that takes)
for i in $(seq 1 50); do
	st=$(status_from 127.0.0.1 "$BASE/healthz")
	[ "$st" = 200 ] && break
	sleep 0.1
done
check_eq "127.0.0.1 is served again" 200 "$st"
check_eq "an upload from it is stored" 201 \
	"$(status_from 127.0.0.1 -H "Authorization: Bearer $CI" \
		--data-binary "@$SEED" "$BASE/api/v1/runs?id=after")"
stop_server
finish
