#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0121: the fourth round of unseen forms (tests/data/parse-forms4, labelled
# before any run): every log gives as many reports as its NAME.expected
# lists (none for the non-reports), and each report its labelled kind,
# chain, held_locks, task, pid, culprit function and kernel; and each
# reads the same in chunks and without the fast path.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
dir=$DATA/parse-forms4

# Misreads not fixed yet, "NAME:INDEX:FIELD" (INDEX counts the file's
# reports from 0, "NAME::count" is the number of reports) or "NAME:*" for
# every check of a file. Such a check is reported, not counted as a
# failure; one that passes again fails until it is taken off this list.
known=(
)

is_known() {
	local k
	for k in "${known[@]}"; do
		[ "$k" == "$1" ] || [ "$k" == "${1%%:*}:*" ] && return 0
	done
	return 1
}

# expect NAME EXPECTED ACTUAL: check_eq, unless NAME is a known misread
expect() {
	if ! is_known "$1"; then
		check_eq "$@"
	elif [ "$2" == "$3" ]; then
		fail "$1 (listed as a known misread, passes now: take it off)"
	else
		echo "# known misread: $1: expected $2, got $3"
	fi
}

for exp in "$dir"/*.expected; do
	name=$(basename "$exp" .expected)
	out=$("$SPLATD" parse "$dir/$name.log") || {
		check_eq "$name: exit status" 0 "$?"
		continue
	}
	want=$(jq '.reports | length' "$exp")
	expect "$name::count" "$want" "$(jq '.reports | length' <<<"$out")"
	for ((i = 0; i < want; i++)); do
		e=$(jq -c ".reports[$i]" "$exp")
		r=$(jq -c ".reports[$i] // {}" <<<"$out")
		for f in kind chain held_locks task pid kernel; do
			expect "$name:$i:$f" "$(jq -c ".$f" <<<"$e")" "$(jq -c ".$f" <<<"$r")"
		done
		expect "$name:$i:culprit" "$(jq -c '.culprit' <<<"$e")" \
			"$(jq -c '.culprit.function // null' <<<"$r")"
	done
done

# every log the same whole, in chunks of 1, 7 and 4096 bytes, and without
# the fast path
TOOL=build/asan/tools/parse_chunks
if [ -x "$TOOL" ]; then
	for f in "$dir"/*.log; do
		if ! "$TOOL" "$f" 0 1 7 4096 0s 7s >"$TMP/pc" 2>/dev/null; then
			fail "${f##*/}: parse_chunks failed"
		elif [ "$(sort -u "$TMP/pc" | wc -l)" = 1 ]; then
			ok "${f##*/}: chunked and without the fast path, the same"
		else
			fail "${f##*/}: chunking or the fast path changes the output"
		fi
	done
else
	echo "# $TOOL missing (make test builds it): chunk checks skipped"
fi
finish
