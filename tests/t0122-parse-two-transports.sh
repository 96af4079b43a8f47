#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0122-parse-two-transports: two different reports whose lines are
# interleaved, each on its own transport (one on the serial console, the
# other in journald's, syslog's, /dev/kmsg's or short-monotonic's copy that
# the same capture holds), give the two reports each gives alone: same
# kind, signature, chain, culprit and held locks (docs/parser.md,
# "Interleaved lines"). Line by line, in blocks of 2 to 5 lines, with the
# second transport's lines arriving late, and the other way round.
# Controls: one report copied on two transports is still one report
# (t0118), and a report with another transport's ordinary lines
# interleaved is the report alone.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
I=$DATA/parse-interleave
R=tests/tools/rerender.sh
TOOL=build/asan/tools/parse_chunks

need_exec "$SPLATD" "$R" "$TOOL"

FIELDS='.reports[] | [.kind, .signature, .chain, .culprit.function,
	.held_locks]'
# facts FILE...: one line per report, sorted (the order is not checked),
# from the one parse of every input (parse_each, after the first pass)
facts() {
	local f
	for f in "$@"; do
		printf '%s' "${PARSED[$f]}"
	done | sort
}

# mix K DELAY A B: DELAY lines of A, then K lines of B and K of A in turn,
# then what is left of either
mix() {
	awk -v k="$1" -v d="$2" -v b="$4" '
	{ a[na++] = $0 }
	END {
		while ((getline l < b) > 0)
			bl[nb++] = l
		for (i = 0; i < d && i < na; i++)
			print a[i]
		j = 0
		while (i < na || j < nb) {
			for (n = 0; n < k && j < nb; n++)
				print bl[j++]
			for (n = 0; n < k && i < na; n++)
				print a[i++]
		}
	}' "$3"
}

cp "$DATA/parse-invariance/seed-6641.splat" "$TMP/circular-6641.splat"
cp "$I"/*.splat "$TMP/"
names=()
for s in "$TMP"/*.splat; do
	n=${s##*/}
	n=${n%.splat}
	names+=("$n")
	"$R" -p console -t 7.1 "$s" >"$TMP/$n.console"
	for st in journal syslog kmsg monotonic; do
		"$R" -p $st -t 20.5 "$s" >"$TMP/$n.$st"
	done
	"$R" -p journal -t 7.1 "$TMP/$n.splat" >"$TMP/$n.copy.journal"
done
"$R" -p journal -t 20.5 "$I/ordinary.txt" >"$TMP/ordinary.journal"
"$R" -p kmsg -t 20.5 "$I/ordinary.txt" >"$TMP/ordinary.kmsg"

# The checks run twice: the first pass (gen) only writes every mix to a
# file of its own, then one parse reads them all (parse_each); the second
# (check) compares.
# next_mix K DELAY A B: the next mix file in MIX (written in the first pass)
next_mix() {
	nmix=$((nmix + 1))
	MIX=$TMP/$mixp.$nmix
	[ "$pass" = gen ] && mix "$@" >"$MIX"
	return 0
}
# c CHECK_EQ-ARGS...: check_eq, in the second pass
c() { [ "$pass" = gen ] || check_eq "$@"; }

mixp=mix
for pass in gen check; do
	nmix=0
	[ "$pass" = check ] &&
		parse_each "$FIELDS" "$TMP"/*.console "$TMP"/*.journal \
			"$TMP"/*.syslog "$TMP"/*.kmsg "$TMP"/*.monotonic "$TMP"/mix.*
	for n in "${names[@]}"; do
		c "$n: one report alone" 1 \
			"$(facts "$TMP/$n.console" | wc -l)"
	done

	# each report with the next one (the last with the first)
	nn=${#names[@]}
	for ((i = 0; i < nn; i++)); do
		a=${names[i]}
		b=${names[(i + 1) % nn]}
		for st in journal syslog kmsg monotonic; do
			want=$(facts "$TMP/$a.console" "$TMP/$b.$st")
			for m in "1 0" "2 0" "3 0" "5 0" "1 12" "4 12"; do
				set -- $m
				next_mix "$1" "$2" "$TMP/$a.console" "$TMP/$b.$st"
				c "$a console, $b $st, blocks of $1 after $2" \
					"$want" "$(facts "$MIX")"
				next_mix "$1" "$2" "$TMP/$b.$st" "$TMP/$a.console"
				c "$b $st, $a console, blocks of $1 after $2" \
					"$want" "$(facts "$MIX")"
			done
		done
	done
	[ "$pass" = gen ] && continue

	# chunks and the fast path change nothing
	for ((i = 0; i < nn; i++)); do
		a=${names[i]}
		b=${names[(i + 1) % nn]}
		mix 1 0 "$TMP/$a.console" "$TMP/$b.journal" >"$TMP/mix"
		"$TOOL" "$TMP/mix" 0 1 7 0s >"$TMP/chunks" 2>/dev/null ||
			fail "$a, $b: parse_chunks failed"
		check_eq "$a console, $b journal: the same in chunks and without the fast path" \
			1 "$(sort -u "$TMP/chunks" | wc -l)"
	done
done

# controls: a copy on another transport is one report; another
# transport's ordinary lines change nothing
mixp=control
for pass in gen check; do
	nmix=0
	[ "$pass" = check ] &&
		parse_each "$FIELDS" "$TMP"/*.console "$TMP"/*.journal "$TMP"/control.*
	for n in "${names[@]}"; do
		want=$(facts "$TMP/$n.console")
		next_mix 1 0 "$TMP/$n.console" "$TMP/$n.copy.journal"
		c "$n: console and its journal copy, line by line: one" \
			"$want" "$(facts "$MIX")"
		for o in journal kmsg; do
			next_mix 1 3 "$TMP/$n.console" "$TMP/ordinary.$o"
			c "$n: console with $o ordinary lines" \
				"$want" "$(facts "$MIX")"
		done
		next_mix 2 3 "$TMP/$n.journal" "$TMP/ordinary.kmsg"
		c "$n: journal with kmsg ordinary lines" \
			"$(facts "$TMP/$n.journal")" "$(facts "$MIX")"
	done
done

finish
