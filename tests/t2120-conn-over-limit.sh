#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2120-conn-over-limit: a chunked body past --max-body, and a JSON body past
# its route's limit, get 413 as soon as the limit is passed and the
# connection is closed; the server does not read the rest.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
RAW=build/asan/tools/rawconn

start_server --max-body 1M
CI=$(token ci1 ci)
TR=$(token tr1 triager)

# flood NAME PREFIX: a 64 MB chunked body; the server must answer 413 after
# taking well under 8 MB of it (the socket buffers hold a few MB).
flood() {
	local out sent status
	out=$($RAW flood "$PORT" $((64 << 20)) "$2")
	sent=${out#sent }
	sent=${sent%% *}
	status=${out##* }
	check_eq "$1: 413" 413 "$status"
	check "$1: answered after $sent bytes, not the whole body" \
		test "$sent" -lt $((8 << 20))
}
flood "chunked log past --max-body" \
	"POST /api/v1/runs?id=big HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer $CI\r\nTransfer-Encoding: chunked\r\n\r\n"
flood "chunked PATCH past 64 KiB" \
	"PATCH /api/v1/signatures/1 HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer $TR\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
flood "chunked regression POST past 64 KiB" \
	"POST /api/v1/regressions HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer $TR\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"

yes 'a plain line of a long kernel log' | head -c 2M >"$TMP/big.txt"
st=$(post_log "$CI" id=big "$TMP/big.txt" -H 'Transfer-Encoding: chunked')
check_eq "curl: chunked body over the cap is 413" 413 "$st"
check_eq "curl: the reply is JSON" payload_too_large "$(body .error)"
st=$(get "$BASE/healthz")
check_eq "the server is still up" 200 "$st"
check_eq "nothing was stored" 0 "$(sql 'SELECT count(*) FROM runs')"
stop_server
# ending those connections on purpose is not an error to report
check_eq "no 'internal error' in the server's log for them" 0 \
	"$(grep -c 'internal error' "$TMP/serve.err")"
finish
