#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2030-api-parallel: 200 runs from 8 parallel clients, each run sent twice
# in a shuffled order: every run is stored exactly once, the second copy of
# each gets the stored verdict (200), and the occurrence counts add up.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server --access-log off
CI=$(token ci1 ci)
rerender "$SEED" >"$TMP/b.txt"
export CI BASE TMP SEED

upload() {
	local id=$1 file=$SEED
	[ $((${id#run-} % 2)) -eq 1 ] && file=$TMP/b.txt
	curl -s -o /dev/null -w "%{http_code} $id\n" -X POST \
		-H "Authorization: Bearer $CI" -H 'Content-Type: text/plain' \
		--data-binary "@$file" "$BASE/api/v1/runs?id=$id&machine=m$((${id#run-} % 8))"
}
export -f upload
for i in $(seq 1 200); do echo "run-$i"; echo "run-$i"; done | shuf \
	>"$TMP/ids"
xargs -P 8 -n 1 bash -c 'upload "$0"' <"$TMP/ids" >"$TMP/statuses"

check_eq "400 requests answered" 400 "$(wc -l <"$TMP/statuses")"
check_eq "200 answered 201" 200 "$(grep -c '^201 ' "$TMP/statuses")"
check_eq "200 answered 200" 200 "$(grep -c '^200 ' "$TMP/statuses")"
check_eq "every run got one 201" 200 \
	"$(grep '^201 ' "$TMP/statuses" | cut -d' ' -f2 | sort -u | wc -l)"
check_eq "200 runs stored" 200 "$(sql 'SELECT count(*) FROM runs')"
check_eq "200 distinct run ids" 200 \
	"$(sql 'SELECT count(DISTINCT run_id) FROM runs')"
per_run=$(sql "SELECT reports FROM runs WHERE run_id = 'run-2'")
check_eq "occurrences: one per report per run" $((200 * per_run)) \
	"$(sql 'SELECT count(*) FROM occurrences')"
check_eq "signature counters match the occurrences" \
	"$(sql 'SELECT count(*) FROM occurrences')" \
	"$(sql 'SELECT coalesce(sum(occurrences), 0) FROM signatures')"
check "the seed has a report (needs the real parser)" test "$per_run" -ge 1
check_eq "seed and re-rendered seed share signatures" "$per_run" \
	"$(sql 'SELECT count(*) FROM signatures')"
stop_server
check_eq "integrity ok" ok "$(sql 'PRAGMA integrity_check')"
finish
