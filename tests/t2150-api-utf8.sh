#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2150-api-utf8: bytes that are not UTF-8 never hide data and never make a
# 5xx: an occurrence whose raw excerpt has them is listed (they read '?', the
# parser's rule) and pages end only at the real end; run metadata with them
# is 400 naming the field, so is metadata with a character that reorders or
# hides what is shown (bidi overrides, isolates, marks); a path, method or
# query value with them gets its 400/404/405; a target with %00 (a NUL once decoded) is 400, never cut.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server
CI=$(token ci1 ci)

# the seed with two bytes that are not UTF-8 inside the report
sed '76s/lock\./lock. \xff\xfe/' "$SEED" >"$TMP/bad.txt"
check_eq "run 1 (valid) stored" 201 "$(post_log "$CI" "id=u1" "$SEED")"
check_eq "run 2 (valid) stored" 201 "$(post_log "$CI" "id=u2" "$SEED")"
check_eq "run 3 (not UTF-8) stored" 201 "$(post_log "$CI" "id=u3" "$TMP/bad.txt")"
SIG=$(body '.reports[0].signature_id')
check_eq "all three count on one signature" 3 "$(body '.reports[0].occurrences')"

st=$(get "$BASE/api/v1/signatures/$SIG/occurrences")
check_eq "occurrences lists every stored run" "200 u3 u2 u1 null" \
	"$st $(body '[.occurrences[].run] | join(" ")') $(body .next)"
check "the bytes read '?' in raw" grep -q 'lock\. ??' \
	<(body '.occurrences[0].raw')
runs=""
cursor=""
for i in 1 2 3 4 5; do
	get "$BASE/api/v1/signatures/$SIG/occurrences?limit=1$cursor" >/dev/null
	runs="$runs $(body '[.occurrences[].run] | join(" ")')"
	next=$(body .next)
	[ "$next" = null ] && break
	cursor="&cursor=$next"
done
check_eq "pages of one reach the oldest" "u3 u2 u1" "$(echo $runs)"

for f in machine tree branch kernel commit test started_at; do
	st=$(post_log "$CI" "id=m-$f&$f=x%ffy" "$SEED")
	check_eq "query metadata $f not UTF-8: 400 naming it" "400 true" \
		"$st $(body ".detail | contains(\"$f\")")"
done
check_eq "nothing stored for them" 3 "$(sql 'SELECT count(*) FROM runs')"
printf '{"run":{"id":"j1","machine":"\xff"},"log":"x"}' >"$TMP/bad.json"
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $CI" \
	-H 'Content-Type: application/json' --data-binary "@$TMP/bad.json" \
	"$BASE/api/v1/runs")
check_eq "JSON metadata not UTF-8: 400" 400 "$st"

st=$(get "$BASE/api/v1/%ff")
check_eq "a path not UTF-8: 404 with a JSON reply" "404 not_found" \
	"$st $(body .error)"
st=$(get "$BASE/api/v1/runs/%ff%fe")
check_eq "a run id not UTF-8: 404" 404 "$st"
st=$(get "$BASE/api/v1/signatures?kind=%ff")
check_eq "a query value not UTF-8: 400" "400 bad_request" "$st $(body .error)"
# metadata is at most 256 characters (not bytes), no control character
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
n=$(sql 'SELECT count(*) FROM runs')
for v in "256 x é|$(enc "$(printf 'é%.0s' $(seq 1 256))")|201" \
	"257 x é|$(enc "$(printf 'é%.0s' $(seq 1 257))")|400" \
	"64 x 4-byte emoji|$(enc "$(printf '\U0001F600%.0s' $(seq 1 64))")|201" \
	"256 x a|$(printf 'a%.0s' $(seq 1 256))|201" \
	"257 x a|$(printf 'a%.0s' $(seq 1 257))|400" \
	"U+0085 (C1 control)|a%C2%85b|400" "U+009F|a%C2%9Fb|400" \
	"U+00A0 (no control)|a%C2%A0b|201" "DEL|a%7Fb|400" "tab|a%09b|400" \
	"U+202E (right-to-left override)|a%E2%80%AEb|400" \
	"U+202A|a%E2%80%AAb|400" "U+2066 (isolate)|a%E2%81%A6b|400" \
	"U+2069|a%E2%81%A9b|400" "U+200E (LRM)|a%E2%80%8Eb|400" \
	"U+200F (RLM)|a%E2%80%8Fb|400" "U+200B (zero width)|a%E2%80%8Bb|400" \
	"U+2028 (line separator)|a%E2%80%A8b|400" \
	"U+2010 (hyphen, no format)|a%E2%80%90b|201" \
	"U+2065 (unassigned beside)|a%E2%81%A5b|201"; do
	IFS='|' read -r what val want <<<"$v"
	n=$((n + 1))
	st=$(post_log "$CI" "id=meta-$n&machine=$val" "$SEED")
	check_eq "machine of $what: $want" "$want" "$st"
done
st=$(post_log "$CI" "id=bidi1&test=a%E2%80%AEb" "$SEED")
check_eq "a bidi override in test: 400 naming the field" "400 true" \
	"$st $(body '.detail | startswith("test must be")')"
printf '{"run":{"id":"bidi2","tree":"a\\u202eb"},"log":"x"}' >"$TMP/bidi.json"
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -H "Authorization: Bearer $CI" \
	-H 'Content-Type: application/json' --data-binary "@$TMP/bidi.json" \
	"$BASE/api/v1/runs")
check_eq "... and in JSON's tree: 400 naming it" "400 true" \
	"$st $(body '.detail | startswith("tree must be")')"
st=$(post_log "$CI" "id=CI+123" "$SEED")
check_eq "run id with a literal '+' (a space once decoded): 400 saying to send %2B" \
	"400 true" "$st $(body '.detail | contains("%2B")')"
check_eq "... and as %2B: 201" 201 "$(post_log "$CI" "id=CI%2B123" "$SEED")"

# %00 decodes to a NUL, which would end the value early: "run1%00x" stored
# as "run1", a second runner's "run1%00y" refused as run1's other log
before=$(sql 'SELECT count(*) FROM runs')
for q in "id=n1%00x" "id=n2&machine=ab%00cd" "id=n3&machine=%00evil" "id=n4&test=t%00"; do
	st=$(post_log "$CI" "$q" "$SEED")
	check_eq "query $q: 400 naming the NUL" "400 true" "$st $(body '.detail | contains("NUL")')"
done
check_eq "nothing stored for them" "$before" "$(sql 'SELECT count(*) FROM runs')"
for p in "runs/u1%00junk" "signatures/$SIG%00abc" "signatures?kind=circular%00x"; do
	st=$(get "$BASE/api/v1/$p")
	check_eq "GET $p: 400" "400 bad_request" "$st $(body .error)"
done
st=$(get "$BASE/healthz%00x")
check_eq "GET /healthz%00x: 400" 400 "$st"
st=$(get -X $'DEL\xff' "$BASE/api/v1/runs")
check_eq "a method not UTF-8: 405" "405 method_not_allowed" \
	"$st $(body .error)"
# the status is the field after the path (a size of 544 bytes is no 5xx)
check_eq "no 5xx in the access log" "" "$(awk '$4 ~ /^5[0-9][0-9]$/' "$TMP/access.log")"
stop_server
finish
