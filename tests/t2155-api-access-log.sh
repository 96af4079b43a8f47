#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2155-api-access-log: a request cannot forge or colour access-log lines:
# control bytes, backslashes and bytes past ASCII in the method, the path
# and the token name are written as \xNN escapes, one line per request,
# each naming the client's address after the time.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server
get --path-as-is "$BASE/x%0a2026-01-01T00:00:00Z%20GET%20/forged%20200%201%200.1ms%20token=admin" >/dev/null
get -g --path-as-is "$BASE/y%1b[31mred%1b[0m%c3%a9%5c" >/dev/null
get -X $'GE\x1bT' "$BASE/healthz" >/dev/null
get "$BASE/healthz" >/dev/null
stop_server

check_eq "one line per request" 4 "$(wc -l <"$TMP/access.log")"
check "no line starts with the forged time" \
	bash -c "! grep -q '^2026-01-01T00:00:00Z' '$TMP/access.log'"
check "the newline and spaces are escaped in the path" \
	grep -qF ' /x\x0a2026-01-01T00:00:00Z\x20GET\x20/forged\x20200\x201\x200.1ms\x20token=admin 404 ' "$TMP/access.log"
check "ESC, non-ASCII and backslash are escaped" \
	grep -qF ' /y\x1b[31mred\x1b[0m\xc3\xa9\x5c 404 ' "$TMP/access.log"
check "each line names the client: time, address, method" \
	bash -c "! grep -qv '^[0-9TZ:-]* 127\.0\.0\.1 [^ ]* /' '$TMP/access.log'"
check "the method is escaped" grep -qF 'GE\x1bT /healthz' "$TMP/access.log"
check "no control byte in the log" \
	bash -c "! LC_ALL=C grep -q \$'[\\x01-\\x09\\x0b-\\x1f\\x7f-\\xff]' '$TMP/access.log'"
finish
