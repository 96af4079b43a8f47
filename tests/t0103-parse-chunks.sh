#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0103-parse-chunks: feeding the parser 1, 7 or 4096 bytes at a time gives
# the same reports as one big chunk and as `splatd parse` (lines split
# anywhere, even inside a UTF-8 sequence or a CRLF); the parser's fast path
# for ordinary lines changes nothing (same output with it turned off);
# --pretty prints the same objects.
set -u
cd "$(dirname "$0")/.." || exit 1
SPLATD=${SPLATD:-build/asan/splatd}
TOOL=build/asan/tools/parse_chunks
GEN=build/bench/gen_corpus
SHARED=../shared/corpus
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok - $*"; }
nok() { failed=$((failed + 1)); echo "not ok - $*"; }

for x in "$SPLATD" "$TOOL" "$GEN"; do
	[ -x "$x" ] || { echo "not ok - $x missing (make test builds it)"; echo "0 passed, 1 failed"; exit 1; }
done

# inputs: the seed thread, every real log, a generated CI log, a CRLF copy
inputs=("$SHARED/seed-6641.txt" "$SHARED"/real/*.log)
if "$GEN" -n 1 -m 1 -k 100 -s 103 "$tmp/gen" >/dev/null; then
	inputs+=("$tmp/gen/ci-00.log")
else
	nok "gen_corpus runs"
fi
sed 's/$/\r/' "$SHARED/real/009-circular-intel-ci-6.1-kmsg-interleaved.log" >"$tmp/crlf.log"
inputs+=("$tmp/crlf.log")

total=0
idx=0
"$SPLATD" parse "${inputs[@]}" >"$tmp/cli-all.json" 2>"$tmp/cli-err" ||
	nok "splatd parse of all inputs: $(head -c 300 "$tmp/cli-err")"
"$SPLATD" parse --pretty "${inputs[@]}" >"$tmp/pretty-all.json" 2>"$tmp/cli-err" ||
	nok "splatd parse --pretty of all inputs: $(head -c 300 "$tmp/cli-err")"
if [ "$(jq -cS . "$tmp/pretty-all.json")" = "$(jq -cS . "$tmp/cli-all.json")" ] &&
	[ "$(grep -c '^  "kind": ' "$tmp/pretty-all.json")" -gt 0 ]; then
	ok "--pretty prints the same objects, indented"
else
	nok "--pretty differs from the compact output"
fi
for f in "${inputs[@]}"; do
	idx=$((idx + 1))
	name=${f##*/}
	if ! "$TOOL" "$f" 0 1 7 4096 0s 7s >"$tmp/all.json" 2>"$tmp/err"; then
		nok "$name: parse_chunks failed: $(head -c 300 "$tmp/err")"
		continue
	fi
	sed -n 1p "$tmp/all.json" >"$tmp/whole.json"
	n=$(jq '.reports | length' "$tmp/whole.json")
	total=$((total + n))
	line=2
	for c in 1 7 4096; do
		sed -n ${line}p "$tmp/all.json" >"$tmp/c.json"
		line=$((line + 1))
		if cmp -s "$tmp/whole.json" "$tmp/c.json"; then
			ok "$name: chunks of $c = one chunk ($n reports)"
		else
			nok "$name: chunks of $c differ from one chunk"
			diff <(jq -S . "$tmp/whole.json") <(jq -S . "$tmp/c.json") | head -n 20
		fi
	done
	for c in 0 7; do
		sed -n ${line}p "$tmp/all.json" >"$tmp/c.json"
		line=$((line + 1))
		if cmp -s "$tmp/whole.json" "$tmp/c.json"; then
			ok "$name: without the fast path, chunks of $c: the same"
		else
			nok "$name: the fast path changes the output (chunks of $c)"
			diff <(jq -S . "$tmp/whole.json") <(jq -S . "$tmp/c.json") | head -n 20
		fi
	done
	# the tool prints what `splatd parse` prints
	sed -n ${idx}p "$tmp/cli-all.json" >"$tmp/cli.json"
	if [ "$(jq -S .reports "$tmp/cli.json")" = "$(jq -S .reports "$tmp/whole.json")" ]; then
		ok "$name: splatd parse gives the same reports"
	else
		nok "$name: splatd parse differs from one-chunk feeding"
	fi
done

# guard: the comparison means something only if reports are found
seed=$("$TOOL" "$SHARED/seed-6641.txt" 1 | jq '.reports | length')
if [ "$seed" = 1 ]; then
	ok "seed thread fed byte by byte: 1 report"
else
	nok "seed thread fed byte by byte: $seed reports, expected 1"
fi
if [ "$total" -ge ${#inputs[@]} ]; then
	ok "$total reports found over ${#inputs[@]} inputs"
else
	nok "only $total reports found over ${#inputs[@]} inputs"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
