#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2020-api-limits: garbage, a gzip bomb, a body over the cap (with and
# without Content-Length), an overlong line, too many reports and malformed
# JSON each get a 4xx and leave the database unchanged.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server --max-body 1M --max-decompressed 4M --max-line 8K \
	--max-reports 2
CI=$(token ci1 ci)
st=$(post_log "$CI" "id=seed" "$SEED")
check_eq "the seed is stored" 201 "$st"

state() {
	sql 'SELECT (SELECT count(*) FROM runs) || "/" ||
		(SELECT count(*) FROM signatures) || "/" ||
		(SELECT count(*) FROM occurrences) || "/" ||
		(SELECT coalesce(sum(occurrences), 0) FROM signatures)'
}
before=$(state)

# expect NAME STATUS ERROR: the last request got STATUS with ERROR
expect() {
	check_eq "$1: status" "$2" "$st"
	check_eq "$1: error" "$3" "$(body .error)"
	check "$1: detail says why" test -n "$(body .detail)"
	check_eq "$1: database unchanged" "$before" "$(state)"
}

: >"$TMP/empty"
st=$(post_log "$CI" id=empty "$TMP/empty")
expect "empty log" 400 bad_request

head -c 200000 /dev/urandom >"$TMP/garbage"
st=$(post_log "$CI" id=garbage "$TMP/garbage")
expect "binary garbage" 400 bad_request

st=$(post_log "$CI" id=notgzip "$SEED" -H 'Content-Encoding: gzip')
expect "gzip header on plain text" 400 bad_request

head -c 100K "$SEED" | gzip -c | head -c 2000 >"$TMP/trunc.gz"
st=$(post_log "$CI" id=truncgz "$TMP/trunc.gz" -H 'Content-Encoding: gzip')
expect "truncated gzip" 400 bad_request

yes 'lockdep lockdep lockdep lockdep lockdep lockdep lockdep' |
	head -c 64M | gzip -c >"$TMP/bomb.gz"
check "the bomb is small on the wire" \
	test "$(stat -c %s "$TMP/bomb.gz")" -lt 1048576
st=$(post_log "$CI" id=bomb "$TMP/bomb.gz" -H 'Content-Encoding: gzip')
expect "gzip bomb" 413 payload_too_large

yes 'a plain line of a long kernel log' | head -c 2M >"$TMP/big.txt"
st=$(post_log "$CI" id=big "$TMP/big.txt")
expect "body over the cap" 413 payload_too_large
st=$(post_log "$CI" id=big "$TMP/big.txt" -H 'Transfer-Encoding: chunked')
expect "chunked body over the cap" 413 payload_too_large

head -c 20000 /dev/zero | tr '\0' x >"$TMP/line.txt"
st=$(post_log "$CI" id=line "$TMP/line.txt")
expect "overlong line" 413 payload_too_large
# the line limit's boundary (8K = 8192 bytes), LF and CRLF alike: the CR
# before the LF is part of the line's end, not of its length
for v in "8192 LF|8192|\n|201" "8192 CRLF|8192|\r\n|201" "8193 LF|8193|\n|413" \
	"8193 CRLF|8193|\r\n|413" "8192 and a lone CR inside|8191|\r|413"; do
	IFS='|' read -r what n end want <<<"$v"
	{ head -c "$n" /dev/zero | tr '\0' y; printf "$end"; [ "$what" = "8192 and a lone CR inside" ] && printf 'yy\n'; cat "$SEED"; } >"$TMP/edge.txt"
	st=$(post_log "$CI" "id=edge-${what// /-}" "$TMP/edge.txt")
	check_eq "a line of $what: $want" "$want" "$st"
done
before=$(state)

cat "$SEED" "$SEED" "$SEED" >"$TMP/three.txt"
st=$(post_log "$CI" id=three "$TMP/three.txt")
expect "too many reports" 413 payload_too_large

json() {
	curl -s -o "$TMP/body" -w '%{http_code}' -X POST \
		-H "Authorization: Bearer $CI" -H 'Content-Type: application/json' \
		--data-binary "$1" "$BASE/api/v1/runs"
}
st=$(json '{"run": {"id": "j1"}, "log": "x')
expect "malformed JSON" 400 bad_request
st=$(json '{"run": {"id": "j2"}}')
expect "JSON without a log" 400 bad_request
st=$(json '{"run": {"machine": "m"}, "log": "x"}')
expect "JSON without a run id" 400 bad_request
st=$(json '{"run": {"id": "j3", "machine": 7}, "log": "x"}')
expect "JSON with a non-string field" 400 bad_request
st=$(post_log "$CI" "machine=m" "$SEED")
expect "raw upload without an id" 400 bad_request
st=$(post_log "$CI" "id=a/b" "$SEED")
expect "run id with a slash" 400 bad_request
st=$(post_log "$CI" id=enc "$SEED" -H 'Content-Encoding: br')
expect "unknown Content-Encoding" 415 unsupported_media_type

st=$(get "$BASE/api/v1/signatures?sort=bogus")
check_eq "bad sort is 400" 400 "$st"
st=$(get "$BASE/api/v1/signatures?limit=100000")
check_eq "bad limit is 400" 400 "$st"
st=$(get "$BASE/api/v1/signatures?kind=nope")
check_eq "bad kind is 400" 400 "$st"
st=$(get "$BASE/api/v1/signatures?cursor=x")
check_eq "bad cursor is 400" 400 "$st"
st=$(get "$BASE/api/v1/runs?limit=0")
check_eq "runs: limit 0 is 400" 400 "$st"
st=$(get "$BASE/api/v1/runs?cursor=-1")
check_eq "runs: negative cursor is 400" 400 "$st"
check_eq "the reason names the parameter and its form" \
	"bad cursor: it is the list's next, TIME.ROWID" "$(body .detail)"

st=$(get "$BASE/healthz")
check_eq "the server is still up" 200 "$st"
stop_server
check_eq "integrity ok" ok "$(sql 'PRAGMA integrity_check')"
check_eq "database unchanged at the end" "$before" "$(state)"
finish
