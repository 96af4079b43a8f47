#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0010: every hand-labelled real splat in ../shared/corpus/real/ parses to
# the labelled kind, kernel, lock_chain and held_locks (SOURCES.tsv).
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
corpus=$CORPUS_REAL
need_shared "$corpus/SOURCES.tsv"

# what each check compares, from one jq: the first report of KIND (or
# none), then want and got of each field, a line each
FACTS='([.reports[] | select(.kind == $k)][0]) as $r |
	(if $r == null then "none" else $r.kind end), ($r == null),
	(try ($chain | fromjson | tojson) catch ""), ($r.chain | tojson),
	(try ($held | fromjson | tojson) catch ""), ($r.held_locks | tojson),
	($r.kernel | if type == "string" then . else tojson end),
	(try ($r.signature | test("^[0-9a-f]{16}$")) catch ""),
	(try ($r.title | length > 0) catch "")'

# every log in one splatd parse (each on a parser of its own); when that
# fails, each log on its own, as its exit status says which one
files=()
while IFS=$'\t' read -r file _; do
	[ "$file" == "file" ] || files+=("$corpus/$file")
done <"$corpus/SOURCES.tsv"
declare -A OUT
if "$SPLATD" parse "${files[@]}" >"$TMP/all.json"; then
	while IFS= read -r line; do
		OUT[${line%%$'\t'*}]=${line#*$'\t'}
	done < <(jq -r '"\(.file)\t\(tojson)"' "$TMP/all.json")
fi

while IFS=$'\t' read -r file source kind kernel chain held sha notes; do
	[ "$file" == "file" ] && continue
	out=${OUT[$corpus/$file]:-}
	if [ -z "$out" ]; then
		out=$("$SPLATD" parse "$corpus/$file") || { check_eq "$file: exit status" 0 "$?"; continue; }
	fi
	mapfile -t v < <(jq -r --arg k "$kind" --arg chain "$chain" \
		--arg held "$held" "$FACTS" <<<"$out")
	check_eq "$file: a $kind report" "$kind" "${v[0]:-}"
	[ "${v[1]:-}" == true ] && continue
	check_eq "$file: chain" "${v[2]:-}" "${v[3]:-}"
	check_eq "$file: held_locks" "${v[4]:-}" "${v[5]:-}"
	check_eq "$file: kernel" "$kernel" "${v[6]:-}"
	check_eq "$file: signature" true "${v[7]:-}"
	check_eq "$file: title" true "${v[8]:-}"
done <"$corpus/SOURCES.tsv"
finish
