#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2150-api-utf8: bytes that are not UTF-8 never hide data and never make a
# 5xx: an occurrence whose raw excerpt has them is listed (they read '?', the
# parser's rule) and pages end only at the real end; run metadata with them
# is 400 naming the field; a path, method or query value with them gets its
# 400/404/405.
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
st=$(get -X $'DEL\xff' "$BASE/api/v1/runs")
check_eq "a method not UTF-8: 405" "405 method_not_allowed" \
	"$st $(body .error)"
check "no 5xx in the access log" bash -c "! grep -q ' 5[0-9][0-9] ' '$TMP/access.log'"
stop_server
finish
