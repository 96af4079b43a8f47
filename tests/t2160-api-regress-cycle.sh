#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2160-api-regress-cycle: duplicate_of never closes a cycle (1 -> 2 -> 1,
# 1 -> 2 -> 3 -> 1): refused with 400, like merging a signature into its own
# duplicate, and nothing changes; a chain that ends at an open root is fine.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

api() { # api METHOD PATH TOKEN [JSON]
	curl -s -o "$TMP/body" -w '%{http_code}' -X "$1" \
		-H "Authorization: Bearer $3" -H 'Content-Type: application/json' \
		${4:+--data-binary "$4"} "$BASE$2"
}
start_server
CI=$(token ci1 ci)
TRI=$(token tri1 triager)
check_eq "seed stored" 201 "$(post_log "$CI" "id=r1" "$SEED")"
SIG=$(body '.reports[0].signature')
for n in 1 2 3; do
	st=$(api POST /api/v1/regressions "$TRI" \
		"{\"title\":\"r$n\",\"signatures\":[\"$SIG\"]}")
	check_eq "regression $n filed" 201 "$st"
	eval "R$n=\$(body .id)"
done

check_eq "$R1 duplicate of $R2" 200 \
	"$(api PATCH "/api/v1/regressions/$R1" "$TRI" "{\"duplicate_of\":$R2}")"
st=$(api PATCH "/api/v1/regressions/$R2" "$TRI" "{\"duplicate_of\":$R1}")
check_eq "$R2 duplicate of $R1 closes a cycle: 400" "400 bad_request" \
	"$st $(body .error)"
get "$BASE/api/v1/regressions/$R2" >/dev/null
check_eq "$R2 is unchanged" "open null" "$(body .status) $(body .duplicate_of)"
check_eq "$R2 duplicate of $R3" 200 \
	"$(api PATCH "/api/v1/regressions/$R2" "$TRI" "{\"duplicate_of\":$R3}")"
st=$(api PATCH "/api/v1/regressions/$R3" "$TRI" "{\"duplicate_of\":$R1}")
check_eq "$R3 duplicate of $R1 closes a longer cycle: 400" 400 "$st"
get "$BASE/api/v1/regressions/$R3" >/dev/null
check_eq "$R3 stays the open root" "open null" \
	"$(body .status) $(body .duplicate_of)"
st=$(api PATCH "/api/v1/regressions/$R3" "$TRI" "{\"duplicate_of\":$R3}")
check_eq "a duplicate of itself: 400" 400 "$st"
stop_server
finish
