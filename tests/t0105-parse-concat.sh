#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0105-parse-concat: what comes before a report never hides it.  Transport
# state (quoted-printable, quoting, wraps, prefixes) belongs to a stretch of
# lines: every real log of ../shared/corpus concatenated into one input, in
# several seeded random orders, still yields every signature each log yields
# alone.
set -u
cd "$(dirname "$0")/.." || exit 1
SPLATD=${SPLATD:-build/asan/splatd}
SHARED=../shared/corpus
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok - $*"; }
nok() { failed=$((failed + 1)); echo "not ok - $*"; }

[ -x "$SPLATD" ] || { echo "not ok - $SPLATD missing (make test builds it)"; echo "0 passed, 1 failed"; exit 1; }

# sigs FILE: "kind signature" of each report, sorted
sigs() {
	"$SPLATD" parse "$1" 2>/dev/null | jq -r '.reports[] | "\(.kind) \(.signature)"' | sort
}

# missing WANT GOT: the lines of WANT that GOT lacks (as sets)
missing() { comm -23 <(sort -u "$1") <(sort -u "$2"); }

logs=("$SHARED/seed-6641.txt" "$SHARED"/real/*.log)
alone=0
: >"$tmp/all.sigs"
for f in "${logs[@]}"; do
	name=${f##*/}
	sigs "$f" >"$tmp/$name.sigs"
	alone=$((alone + $(wc -l <"$tmp/$name.sigs")))
	cat "$tmp/$name.sigs" >>"$tmp/all.sigs"
done
if [ "$alone" -ge ${#logs[@]} ]; then
	ok "${#logs[@]} logs parsed one by one: $alone reports"
else
	nok "${#logs[@]} logs parsed one by one: only $alone reports"
fi

# ---- concatenations in seeded random orders ---------------------------------
for seed in 1 2 3 4 5; do
	printf '%s\n' "${logs[@]}" |
		awk -v seed="$seed" 'BEGIN { srand(seed) } { print rand() "\t" $0 }' |
		sort -k1,1 | cut -f2- >"$tmp/order"
	: >"$tmp/cat.log"
	while IFS= read -r f; do cat "$f" >>"$tmp/cat.log"; done <"$tmp/order"
	sigs "$tmp/cat.log" >"$tmp/cat.sigs"
	lost=$(missing "$tmp/all.sigs" "$tmp/cat.sigs")
	if [ -z "$lost" ]; then
		ok "order $seed: $(wc -l <"$tmp/cat.sigs") reports, every log's signatures found"
	else
		nok "order $seed: $(wc -l <"$tmp/cat.sigs") reports; lost $(wc -l <<<"$lost"):"
		# name the logs whose reports were lost
		while read -r kind sig; do
			grep -l -F "$kind $sig" "$tmp"/*.log.sigs "$tmp"/*.txt.sigs 2>/dev/null |
				sed 's|.*/||; s|\.sigs$||; s|^|    |'
		done <<<"$lost"
	fi
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
