#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0010: every hand-labelled real splat in ../shared/corpus/real/ parses to
# the labelled kind, kernel, lock_chain and held_locks (SOURCES.tsv).
set -u
cd "$(dirname "$0")/.." || exit 1
SPLATD=${SPLATD:-build/asan/splatd}
corpus=${CORPUS_REAL:-../shared/corpus/real}
pass=0
fail=0

check() { # name, got, want
	if [ "$2" == "$3" ]; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL $1"
		echo "   got:  $2"
		echo "   want: $3"
	fi
}

[ -f "$corpus/SOURCES.tsv" ] || { echo "no corpus at $corpus"; echo "0 passed, 1 failed"; exit 1; }
while IFS=$'\t' read -r file source kind kernel chain held sha notes; do
	[ "$file" == "file" ] && continue
	out=$("$SPLATD" parse "$corpus/$file") || { check "$file: exit status" "$?" 0; continue; }
	report=$(jq -c --arg k "$kind" '[.reports[] | select(.kind == $k)][0]' <<<"$out")
	check "$file: a $kind report" "$(jq -r 'if . == null then "none" else .kind end' <<<"$report")" "$kind"
	[ "$report" == "null" ] && continue
	check "$file: chain" "$(jq -c '.chain' <<<"$report")" "$(jq -c . <<<"$chain")"
	check "$file: held_locks" "$(jq -c '.held_locks' <<<"$report")" "$(jq -c . <<<"$held")"
	check "$file: kernel" "$(jq -r '.kernel' <<<"$report")" "$kernel"
	check "$file: signature" "$(jq -r '.signature | test("^[0-9a-f]{16}$")' <<<"$report")" true
	check "$file: title" "$(jq -r '.title | length > 0' <<<"$report")" true
done <"$corpus/SOURCES.tsv"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
