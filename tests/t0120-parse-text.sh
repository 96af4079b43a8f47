#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0120-parse-text: `splatd parse --text` shows a kernel developer in a
# terminal what the JSON says: per file a "== FILE" line, per report
# "[n] title", its header, kind and signature, each dependency "A -> B  in
# f" of the JSON's edges, the held locks, and a closing "FILE: N lockdep
# reports" (with lockdep's stop when it turned itself off); every line
# within 80 columns but for a file name or a lock name too long alone;
# nothing of the log that a terminal would act on (escape sequences in the
# log come out as text); --pretty with --text is a usage error.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
D=tests/data/parse-invariance

need_exec "$SPLATD"

for f in "$D"/*.splat; do
	name=$(basename "$f")
	"$SPLATD" parse "$f" >"$TMP/json" || fail "$name: JSON parse failed"
	"$SPLATD" parse --text "$f" >"$TMP/text"
	check_eq "$name: exit 0" 0 $?
	n=$(jq '.reports | length' "$TMP/json")
	check_eq "$name: a '== FILE' line, then '[n] title' per report" \
		"== $f
$(jq -r '.reports | to_entries[] | "[\(.key + 1)] \(.value.title)"' "$TMP/json")" \
		"$(grep -E '^(== |\[[0-9]+\] )' "$TMP/text")"
	check_eq "$name: the closing line counts the JSON's reports" \
		"$f: $n lockdep report$([ "$n" = 1 ] || echo s)" \
		"$(grep -F "$f: " "$TMP/text")"
	# each edge of the JSON, in order, as "A -> B" (and "in f" after it,
	# on that line or the next)
	jq -r '.reports[].edges[] | "\(.from) -> \(.to)"' "$TMP/json" >"$TMP/want"
	grep -oE '^    [^ ].* -> [^ ]+' "$TMP/text" | sed 's/^    //' >"$TMP/got"
	check_eq "$name: the edges, in order" "$(cat "$TMP/want")" "$(cat "$TMP/got")"
	jq -r '.reports[].edges[] | .frame.function // empty' "$TMP/json" >"$TMP/want"
	grep -oE '(  |^        )in [^ ]+$' "$TMP/text" | sed 's/.*in //' >"$TMP/got"
	check_eq "$name: where each dependency was taken" "$(cat "$TMP/want")" \
		"$(cat "$TMP/got")"
	long=$(awk -v f="$f" 'length($0) > 80 && index($0, f) == 0 &&
		$0 !~ /^ +[^ ]+$/' "$TMP/text")
	check_eq "$name: lines within 80 columns" "" "$long"
done

"$SPLATD" parse --text "$D/seed-6641.splat" >"$TMP/seed"
check "seed: its held locks" grep -qx \
	'    held locks: cpu_hotplug_lock, cpuhp_state-up' "$TMP/seed"
check "seed: lockdep's stop after the report" grep -qE \
	'^    lockdep off since line [0-9]+ \(circular\): nothing later was checked$' \
	"$TMP/seed"
check "seed: the culprit and its module" grep -qx \
	'    culprit coretemp_cpu_online \[coretemp\]' "$TMP/seed"

# a log whose lock name carries a terminal escape sequence (ESC, BEL, CSI)
sed 's/cpu_hotplug_lock/cpu_\x1b]0;pwned\x07hotplug_\x1b[31mlock/g' \
	"$D/seed-6641.splat" >"$TMP/esc.log"
"$SPLATD" parse --text "$TMP/esc.log" >"$TMP/esc"
check_eq "escape sequences in the log: no control byte reaches the terminal" \
	0 "$(LC_ALL=C tr -d '\n' <"$TMP/esc" | LC_ALL=C grep -c '[[:cntrl:]]')"
check "... and the report is still shown" grep -q '^\[1\] ' "$TMP/esc"

printf 'no report here\n' >"$TMP/clean.log"
check_eq "a log without reports: its closing line says 0" \
	"== $TMP/clean.log
$TMP/clean.log: 0 lockdep reports" "$("$SPLATD" parse --text "$TMP/clean.log")"
check_eq "stdin as -" "== -" \
	"$("$SPLATD" parse --text - <"$D/seed-6641.splat" | head -n 1)"
"$SPLATD" parse --text --pretty "$D/seed-6641.splat" >/dev/null 2>"$TMP/err"
check_eq "--text with --pretty: usage error (2), saying why" "2 1" \
	"$? $(grep -c 'one or the other' "$TMP/err")"
finish
