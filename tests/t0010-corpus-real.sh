#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0010: every hand-labelled real splat in ../shared/corpus/real/ parses to
# the labelled kind, kernel, lock_chain and held_locks (SOURCES.tsv).
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
corpus=$CORPUS_REAL
need_shared "$corpus/SOURCES.tsv"

while IFS=$'\t' read -r file source kind kernel chain held sha notes; do
	[ "$file" == "file" ] && continue
	out=$("$SPLATD" parse "$corpus/$file") || { check_eq "$file: exit status" 0 "$?"; continue; }
	report=$(jq -c --arg k "$kind" '[.reports[] | select(.kind == $k)][0]' <<<"$out")
	check_eq "$file: a $kind report" "$kind" "$(jq -r 'if . == null then "none" else .kind end' <<<"$report")"
	[ "$report" == "null" ] && continue
	check_eq "$file: chain" "$(jq -c . <<<"$chain")" "$(jq -c '.chain' <<<"$report")"
	check_eq "$file: held_locks" "$(jq -c . <<<"$held")" "$(jq -c '.held_locks' <<<"$report")"
	check_eq "$file: kernel" "$kernel" "$(jq -r '.kernel' <<<"$report")"
	check_eq "$file: signature" true "$(jq -r '.signature | test("^[0-9a-f]{16}$")' <<<"$report")"
	check_eq "$file: title" true "$(jq -r '.title | length > 0' <<<"$report")"
done <"$corpus/SOURCES.tsv"
finish
