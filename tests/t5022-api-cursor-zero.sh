#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5022-api-cursor-zero: a cursor of 0 is the start of a list, as no
# cursor: no list gives 0 as its next (rows have ids from 1, a next is
# TIME.ID), so it means nothing else, and a client that starts from 0 is
# common.  The runs, a signature's occurrences and the signatures; any
# other cursor that is no list's next is still 400.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server
CI=$(token ci1 ci)
for i in 1 2 3; do
	post_log "$CI" "id=r$i&machine=m1" "$SEED" >/dev/null
done
SIG=$(body '.reports[0].signature_id')
same() {
	local url=$1 a b
	get "$BASE$url" >/dev/null
	a=$(jq -c . "$TMP/body")
	check_eq "$url${2:-?}cursor=0: 200, as no cursor" "200 $a" \
		"$(get "$BASE$url${2:-?}cursor=0") $(jq -c . "$TMP/body")"
}
same /api/v1/runs
same "/api/v1/runs?limit=2" "&"
same "/api/v1/signatures/$SIG/occurrences"
same "/api/v1/signatures/$SIG/occurrences?limit=1" "&"
same /api/v1/signatures
same "/api/v1/signatures?limit=1" "&"
for c in 0.0 5.0 -1 00x x 0.; do
	check_eq "runs: cursor=$c is 400" 400 "$(get "$BASE/api/v1/runs?cursor=$c")"
	check_eq "occurrences: cursor=$c is 400" 400 \
		"$(get "$BASE/api/v1/signatures/$SIG/occurrences?cursor=$c")"
done
check_eq "signatures: cursor=x is 400" 400 "$(get "$BASE/api/v1/signatures?cursor=x")"
stop_server
finish
