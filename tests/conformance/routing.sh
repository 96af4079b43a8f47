#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# routing: the first owner splatd names for each report of the real corpus
# (../shared/corpus/real/) against the hand labels in
# tests/data/routing/labels.tsv, on Linux 6.1 (the tree `make conformance`
# unpacks); prints every report, the top-1 and top-3 scores, and fails below
# ROUTING_MIN percent (default 85).
#
# Another labelled set: `routing.sh LABELS DIR` scores the reports of DIR
# against LABELS (same columns), e.g. the held-out set
# tests/data/routing/heldout/labels.tsv tests/data/routing/heldout (made
# after the rules were tuned on the corpus; docs/owners.md "Measured").
#
# Paths to the corpus and labels come from tests/test-lib.sh, which also
# gives the tally.
# Environment: SPLATD (binary, default build/splatd), KTREE (unpacked tree,
# default /var/tmp/splatd-linux-6.1), CORPUS_REAL, ROUTING_MIN, ROUTING_OUT
# (keep the parse output there), ROUTING_IN (score that parse output
# instead of running splatd).
cd "$(dirname "$0")/../.." || exit 1
root=$PWD
SPLATD=${SPLATD:-build/splatd}
case $SPLATD in /*) ;; *) SPLATD=$root/$SPLATD ;; esac
. tests/test-lib.sh
KTREE=${KTREE:-/var/tmp/splatd-linux-6.1}
corpus=$CORPUS_REAL
labels=$DATA/routing/labels.tsv
if [ $# -ge 2 ]; then
	labels=$1
	corpus=$2
	case $corpus in /*) ;; *) corpus=$root/$corpus ;; esac
	case $labels in /*) ;; *) labels=$root/$labels ;; esac
fi
min=${ROUTING_MIN:-85}

if [ ! -f "$KTREE/MAINTAINERS" ]; then
	fail "routing: no kernel tree at $KTREE (make conformance unpacks one)"
	finish
fi
[ $# -ge 2 ] || need_shared "$corpus"
out=${ROUTING_OUT:-$TMP/parse.json}

files=()
while IFS=$'\t' read -r file _; do
	case $file in '#'* | '') continue ;; esac
	files+=("$corpus/$file")
done <"$labels"

start=$(date +%s)
if [ -n "${ROUTING_IN:-}" ]; then
	cp "$ROUTING_IN" "$out"
elif ! "$SPLATD" parse --owners --tree "$KTREE" "${files[@]}" >"$out"; then
	fail "routing: splatd parse --owners failed"
	finish
fi
end=$(date +%s)

total=0
agree=0
top3=0
while IFS=$'\t' read -r file want _; do
	case $file in '#'* | '') continue ;; esac
	total=$((total + 1))
	got=$(jq -r --arg f "$corpus/$file" 'select(.file == $f) |
		[.reports[0].owners[]?.section] | .[0:3] | join("|")' "$out")
	first=${got%%|*}
	why=$(jq -r --arg f "$corpus/$file" 'select(.file == $f) |
		.reports[0].owners[0]?.why // {} |
		"\(.rule // "-") \(.function // "-") \(.file // "-")"' "$out")
	if [ "$first" = "$want" ]; then
		agree=$((agree + 1))
		top3=$((top3 + 1))
		echo "ok   $file: $first ($why)"
	else
		case "|$got|" in *"|$want|"*) top3=$((top3 + 1)) ;; esac
		echo "MISS $file: want '$want', got '$got' ($why)"
	fi
done <"$labels"
echo "routing: top-1 $agree/$total ($((100 * agree / total))%)," \
	"top-3 $top3/$total, $((end - start))s on $KTREE"
check "routing: top-1 at least the ${min}% floor" \
	test $((100 * agree)) -ge $((min * total))
finish
