#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0103-parse-chunks: feeding the parser 1, 7 or 4096 bytes at a time gives
# the same reports as one big chunk and as `splatd parse` (lines split
# anywhere, even inside a UTF-8 sequence or a CRLF); the parser's fast path
# for ordinary lines changes nothing (same output with it turned off);
# --pretty prints the same objects.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
TOOL=build/asan/tools/parse_chunks
GEN=build/bench/gen_corpus

need_exec "$SPLATD" "$TOOL" "$GEN"
need_shared "$CORPUS_REAL"

# inputs: the seed thread, every real log, a generated CI log, a CRLF copy
inputs=("$SEED" "$CORPUS_REAL"/*.log)
if "$GEN" -n 1 -m 1 -k 100 -s 103 "$TMP/gen" >/dev/null; then
	inputs+=("$TMP/gen/ci-00.log")
else
	fail "gen_corpus runs"
fi
sed 's/$/\r/' "$CORPUS_REAL/009-circular-intel-ci-6.1-kmsg-interleaved.log" >"$TMP/crlf.log"
inputs+=("$TMP/crlf.log")

total=0
idx=0
"$SPLATD" parse "${inputs[@]}" >"$TMP/cli-all.json" 2>"$TMP/cli-err" ||
	fail "splatd parse of all inputs: $(head -c 300 "$TMP/cli-err")"
"$SPLATD" parse --pretty "${inputs[@]}" >"$TMP/pretty-all.json" 2>"$TMP/cli-err" ||
	fail "splatd parse --pretty of all inputs: $(head -c 300 "$TMP/cli-err")"
if [ "$(jq -cS . "$TMP/pretty-all.json")" = "$(jq -cS . "$TMP/cli-all.json")" ] &&
	[ "$(grep -c '^      "kind": ' "$TMP/pretty-all.json")" -gt 0 ]; then
	ok "--pretty prints the same objects, indented"
else
	fail "--pretty differs from the compact output"
fi
for f in "${inputs[@]}"; do
	idx=$((idx + 1))
	name=${f##*/}
	if ! "$TOOL" "$f" 0 1 7 4096 0s 7s >"$TMP/all.json" 2>"$TMP/err"; then
		fail "$name: parse_chunks failed: $(head -c 300 "$TMP/err")"
		continue
	fi
	sed -n 1p "$TMP/all.json" >"$TMP/whole.json"
	n=$(jq '.reports | length' "$TMP/whole.json")
	total=$((total + n))
	line=2
	for c in 1 7 4096; do
		sed -n ${line}p "$TMP/all.json" >"$TMP/c.json"
		line=$((line + 1))
		if cmp -s "$TMP/whole.json" "$TMP/c.json"; then
			ok "$name: chunks of $c = one chunk ($n reports)"
		else
			fail "$name: chunks of $c differ from one chunk"
			diff <(jq -S . "$TMP/whole.json") <(jq -S . "$TMP/c.json") | head -n 20
		fi
	done
	for c in 0 7; do
		sed -n ${line}p "$TMP/all.json" >"$TMP/c.json"
		line=$((line + 1))
		if cmp -s "$TMP/whole.json" "$TMP/c.json"; then
			ok "$name: without the fast path, chunks of $c: the same"
		else
			fail "$name: the fast path changes the output (chunks of $c)"
			diff <(jq -S . "$TMP/whole.json") <(jq -S . "$TMP/c.json") | head -n 20
		fi
	done
	# the tool prints what `splatd parse` prints
	sed -n ${idx}p "$TMP/cli-all.json" >"$TMP/cli.json"
	if [ "$(jq -S .reports "$TMP/cli.json")" = "$(jq -S .reports "$TMP/whole.json")" ]; then
		ok "$name: splatd parse gives the same reports"
	else
		fail "$name: splatd parse differs from one-chunk feeding"
	fi
done

# guard: the comparison means something only if reports are found
seed=$("$TOOL" "$SEED" 1 | jq '.reports | length')
if [ "$seed" = 1 ]; then
	ok "seed thread fed byte by byte: 1 report"
else
	fail "seed thread fed byte by byte: $seed reports, expected 1"
fi
if [ "$total" -ge ${#inputs[@]} ]; then
	ok "$total reports found over ${#inputs[@]} inputs"
else
	fail "only $total reports found over ${#inputs[@]} inputs"
fi

finish
