#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0119-parse-cr-line-ends: a log whose lines end in a bare CR (an old Mac
# file, a minicom capture) is read line by line: an input with no LF in its
# first 16 KiB but a CR ends its lines in CR (and CRLF and LF), any other
# keeps LF line ends, where a lone CR is what a terminal overwrote
# (docs/parser.md, "Line ends").  The longest line, which the server's
# --max-line checks, is measured in the same lines.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
D=tests/data/parse-invariance
R=tests/tools/rerender.sh
TOOL=build/asan/tools/parse_chunks

need_exec "$SPLATD" "$R" "$TOOL"

FIELDS='[(.reports | length), (.reports[] | .kind, .signature, .chain,
	.held_locks, .task, .pid, (.frames | length), .lines, .truncated)]'
facts() { "$SPLATD" parse "$1" 2>/dev/null | jq -c "$FIELDS"; }

for s in "$D"/*.splat; do
	n=${s##*/}
	n=${n%.splat}
	"$R" -p console "$s" >"$TMP/$n.lf"
	want=$(facts "$TMP/$n.lf")
	case $want in
	'[1,'*) ;;
	*) fail "$n: the LF rendering has no report: $want" ;;
	esac
	tr '\n' '\r' <"$TMP/$n.lf" >"$TMP/$n.cr"
	check_eq "$n: CR line ends" "$want" "$(facts "$TMP/$n.cr")"
	sed 's/$/\r/' "$TMP/$n.lf" >"$TMP/$n.crlf"
	check_eq "$n: CRLF line ends (as before)" "$want" \
		"$(facts "$TMP/$n.crlf")"
done

# 16 KiB of CR lines before the report, fed in chunks of any size
{
	for i in $(seq 400); do printf '[    1.%06d] boot line %d\r' $i $i; done
	cat "$TMP/seed-6641.cr"
} >"$TMP/long.cr"
check "the CR lines before the report are over 16 KiB" \
	test "$(stat -c %s "$TMP/long.cr")" -gt 16384
check_eq "a long CR log: its report, 400 lines down" \
	"$(facts "$TMP/seed-6641.lf" | jq -c '.[0:8] + [.[8].first + 400]')" \
	"$(facts "$TMP/long.cr" | jq -c '.[0:8] + [.[8].first]')"
# a CR log, then an LF log (a Mac capture pasted before it): in a CR log an
# LF ends a line too
"$R" -p console -t 200 "$D/two-lock.splat" >"$TMP/two-lock.lf2"
cat "$TMP/long.cr" "$TMP/two-lock.lf2" >"$TMP/crlf.mix"
check_eq "a CR log, then an LF log: both reports" \
	'["e747893647d274c1","62ecec2399c33d02"]' \
	"$("$SPLATD" parse "$TMP/crlf.mix" | jq -c '[.reports[].signature]')"
for f in "$TMP/long.cr" "$TMP/kind-recursive.cr" "$TMP/crlf.mix"; do
	"$TOOL" "$f" 0 1 7 4096 0s >"$TMP/chunks" 2>/dev/null ||
		fail "${f##*/}: parse_chunks failed"
	check_eq "${f##*/}: the same in chunks and without the fast path" 1 \
		"$(sort -u "$TMP/chunks" | wc -l)"
done

# the ingest's --max-line (64 KiB) counts the same lines: a 65 KiB CR log of
# 30 reports is stored, not refused as one overlong line
for i in $(seq 30); do
	"$R" -p console -t $((i * 130)).5 "$D/kind-recursive.splat"
done | tr '\n' '\r' >"$TMP/big.cr"
check "the CR log is over 64 KiB" \
	test "$(stat -c %s "$TMP/big.cr")" -gt 65536
check_eq "a 65 KiB CR log is ingested with its 30 reports" 30 \
	"$("$SPLATD" ingest --run-id cr --db "$TMP/cr.db" "$TMP/big.cr" \
		2>"$TMP/err" | jq '.run.reports')"

# an LF log keeps a lone CR inside a line: what a terminal overwrote, one
# line (and it counts towards the line's length)
{
	printf '[    0.500000] progress 10%%\r[    0.500001] progress 20%%\n'
	cat "$TMP/kind-recursive.lf"
} >"$TMP/lone.lf"
check_eq "an LF log with a lone CR: its report, lines one further down" \
	"$(facts "$TMP/kind-recursive.lf" | jq -c '.[1:8]')" \
	"$(facts "$TMP/lone.lf" | jq -c '.[1:8]')"
check_eq "an LF log with a lone CR: one line before the report" \
	"$(facts "$TMP/kind-recursive.lf" | jq '.[8].first + 1')" \
	"$(facts "$TMP/lone.lf" | jq '.[8].first')"

finish
