#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0118-parse-copies: a splat the kernel printed once is one report, also
# in a log that holds two copies of it (docs/parser.md, "Copies"):
#  - line by line: a console that shows the kernel's records and syslog's
#    or journald's copy of each ("[ts] text" then "... host kernel: text"),
#    in either order: no phantom report, frames and held locks not doubled,
#    while lines the kernel itself repeats (a recursion's frames, blank
#    lines) are kept;
#  - report by report: a console capture, then a dump of the same records
#    (dmesg, /dev/kmsg) with the same kernel time stamps; without time
#    stamps, or with other ones (a hung task reported again 120 s later),
#    two reports stay two.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
D=tests/data/parse-invariance
C=tests/data/parse-copies
R=tests/tools/rerender.sh
TOOL=build/asan/tools/parse_chunks

need_exec "$SPLATD" "$R" "$TOOL"

FIELDS='[(.reports | length), (.reports[] | .kind, .signature, .chain,
	.chain_missing, .held_locks, .task, .pid, (.frames | length),
	([.edges[]?.stack | length]), .truncated)]'
facts() { "$SPLATD" parse "$1" 2>/dev/null | jq -c "$FIELDS"; }

# same WHAT CLEAN COPIED: COPIED parses as CLEAN does (and CLEAN parses)
same() {
	local want got
	want=$(facts "$2")
	got=$(facts "$3")
	case $want in
	'[1,'*) check_eq "$1" "$want" "$got" ;;
	*) fail "$1: the clean rendering has no report: $want" ;;
	esac
}

# count WHAT N FILE: FILE gives N reports
count() {
	check_eq "$1" "$2" "$("$SPLATD" parse "$3" 2>/dev/null |
		jq '.reports | length')"
}

# interleave A B: line i of A, then line i of B
interleave() { paste -d '\n' "$1" "$2"; }

splats=("$D"/*.splat)
for s in "${splats[@]}"; do
	n=${s##*/}
	n=${n%.splat}
	"$R" -p console "$s" >"$TMP/$n.console"
	for st in journal syslog monotonic kmsg level; do
		"$R" -p $st "$s" >"$TMP/$n.$st"
	done

	# ---- line by line ----------------------------------------------------
	for st in journal syslog monotonic; do
		interleave "$TMP/$n.console" "$TMP/$n.$st" >"$TMP/$n.i-$st"
		same "$n: console then $st copy, line by line" \
			"$TMP/$n.console" "$TMP/$n.i-$st"
		interleave "$TMP/$n.$st" "$TMP/$n.console" >"$TMP/$n.i2-$st"
		same "$n: $st then console copy, line by line" \
			"$TMP/$n.console" "$TMP/$n.i2-$st"
	done
	interleave "$TMP/$n.kmsg" "$TMP/$n.journal" >"$TMP/$n.i-kmsg"
	same "$n: /dev/kmsg then journal copy, line by line" \
		"$TMP/$n.console" "$TMP/$n.i-kmsg"
done

# lines the kernel repeats on one transport are its own: a recursion's frame
# printed twice, a blank line after a blank line
s=$D/kind-recursive.splat
awk '/^ *cpuhp_invoke_callback/ && !d { print; d = 1 } { print }
	/^$/ && !b { print; b = 1 }' "$s" >"$TMP/rep.splat"
check "the repeated frame is in the splat" \
	test "$(grep -c cpuhp_invoke_callback "$TMP/rep.splat")" -gt \
	"$(grep -c cpuhp_invoke_callback "$s")"
"$R" -p console "$TMP/rep.splat" >"$TMP/rep.console"
"$R" -p journal "$TMP/rep.splat" >"$TMP/rep.journal"
interleave "$TMP/rep.console" "$TMP/rep.journal" >"$TMP/rep.i"
same "a frame the kernel printed twice stays twice with its copies" \
	"$TMP/rep.console" "$TMP/rep.i"
# the same text on two transports, but not one after the other
cat "$TMP/rep.console" "$TMP/rep.journal" >"$TMP/rep.cat"
count "a console log then its journal copy (no time stamps to match): 2" \
	2 "$TMP/rep.cat"

# the tester's capture
same "journald forwarded to the console (tester's capture)" \
	"$C/bb-console.txt" "$C/bb-inter-journal.txt"

# chunks and the fast path for ordinary lines change nothing
for f in "$TMP"/*.i-journal "$TMP"/*.i2-monotonic "$TMP"/*.i-kmsg "$C"/*; do
	"$TOOL" "$f" 0 1 7 0s >"$TMP/chunks" 2>/dev/null ||
		fail "${f##*/}: parse_chunks failed"
	check_eq "${f##*/}: the same in chunks and without the fast path" 1 \
		"$(sort -u "$TMP/chunks" | wc -l)"
done

finish
