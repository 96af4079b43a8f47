#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0115-parse-forms-unseen: reports the parser had never seen, in the forms
# CI hands over (tests/data/parse-forms, labelled by hand before they were
# parsed: LABELS there), read as a kernel engineer reads them: each file's
# kind, chain, held locks and task as labelled, and every form of one report
# the same report with the same signature; then what the first run of
# them got wrong, a section each.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
D=$DATA/parse-forms

need_exec "$SPLATD"

# facts FILE [N]: report N's (default 0) identity, compact JSON
FACTS='[.kind, .signature, .chain, .chain_missing, .held_locks, .task, .pid]'
facts() {
	"$SPLATD" parse "$1" 2>/dev/null | jq -c ".reports[${2:-0}] | $FACTS"
}
# field FILE JQ: JQ over the file's reports, compact
field() {
	"$SPLATD" parse "$1" 2>/dev/null | jq -c "$2"
}

# ---- every label line: the reference of its group, or the same as it -------
declare -A ref nth
while IFS=$'\t' read -r file group kind chain held task; do
	case $file in '#'* | '') continue ;; esac
	n=${nth[$file]:-0}
	nth[$file]=$((n + 1))
	if [[ $kind == "same as "* ]]; then
		IFS=: read -r rf rn <<<"${ref[$group]}"
		check_eq "$file [$n]: the same report as $rf ($group)" \
			"$(facts "$D/$rf" "$rn")" "$(facts "$D/$file" "$n")"
	elif [ -n "$task" ]; then
		ref[$group]=$file:$n
		want=$(jq -cn --arg k "$kind" --arg c "$chain" --arg h "$held" \
			--arg t "${task%% (*}" '[$k,
				($c | if . == "-" then [] else split(" | ") |
					map(if . == "?" then "" else . end) end),
				($h | if . == "-" then [] elif . == "?" then null
					else split(" | ") end),
				$t]')
		check_eq "$file [$n]: $kind as labelled ($group)" "$want" \
			"$(field "$D/$file" ".reports[$n] | [.kind, .chain,
				.held_locks, \"\\(.task)/\\(.pid)\"]")"
	fi
done <"$D/LABELS"

A=$(facts "$D/a01-console.log")
G=$(facts "$D/g02-plain.log")
F=$(facts "$D/f02-dmesg-T.log")
B=$(facts "$D/b01-plain.log")
C=$(facts "$D/c01-console.log")

# ---- two reports back to back, no blank line between them -------------------
check_eq "q02: held lock freed, then bad unlock balance" "2 $G $F" \
	"$(field $D/q02-back-to-back.log '.reports | length') $(facts $D/q02-back-to-back.log 0) $(facts $D/q02-back-to-back.log 1)"
check_eq "q03: recursive (4.9), then inconsistent lock state (5.10)" \
	"2 $B $C" \
	"$(field $D/q03-back-to-back-plain.log '.reports | length') $(facts $D/q03-back-to-back-plain.log 0) $(facts $D/q03-back-to-back-plain.log 1)"

# ---- a circular report cut before "-> #0": #0 is the lock it acquires --------
check_eq "q01: cut by a reboot in #1's stack: A's chain and signature, truncated" \
	"$(jq -c '[.[2], .[1], .[3]]' <<<"$A") true" \
	"$(field $D/q01-reboot-cut.log '.reports[0] | [.chain, .signature, .chain_missing]') $(field $D/q01-reboot-cut.log '.reports[0].truncated')"
# cut after #2: #1 is lost, #0 is still known
sed '/hci_event_packet+0x30c/q' "$D/a01-console.log" >"$TMP/cut2.log"
check_eq "a01 cut in #2's stack: [#2, (lost), #0]" \
	'[["&hdev->lock","","(work_completion)(&(&hdev->cmd_timer)->work)"],[1],true]' \
	"$(field "$TMP/cut2.log" '.reports[0] | [.chain, .chain_missing, .truncated]')"

# ---- records dropped between #0's trace and the backtrace -------------------
check_eq "q05: the Call Trace after dropped records is the backtrace" \
	'[17,11,"hci_dev_close_sync"]' \
	"$(field $D/q05-dropped-records.log '.reports[0] | [(.frames | length), (.chain_entries[2].stack | length), .culprit.function]')"
check_eq "q05: the same signature as A" "$(jq -c '.[1]' <<<"$A")" \
	"$(field $D/q05-dropped-records.log '.reports[0].signature')"

# ---- nested lock not taken, cut by an oops printing the nest lock's name -----
for f in o01-console.log o02-plain.log; do
	check_eq "$f: [lock, (lost nest lock)], truncated, the stack lockdep reported" \
		'[["&kvm->mmu_lock",""],[1],true,"kvm_mmu_zap_all_fast"]' \
		"$(field $D/$f '.reports[0] | [.chain, .chain_missing, .truncated, .culprit.function]')"
done

# ---- hung tasks: one the whole lock dump does not list holds no lock ----------
for f in k01-console.log k02-journal.log; do
	check_eq "$f: neither hung task is truncated" '[false,false]' \
		"$(field $D/$f '[.reports[].truncated]')"
done
# a dump without its trailer may have lost the task's lines: unknown
sed '/^.*=====*$/d' "$D/k01-console.log" >"$TMP/k-cut.log"
check_eq "k01 without the dump's trailer: jbd2's locks unknown" '[null,true]' \
	"$(field "$TMP/k-cut.log" '.reports[0] | [.held_locks, .truncated]')"

# ---- culprits: never syzbot's __dump_stack, never PREEMPT_RT's internals ------
for f in e01-syz-console.log e02-plain.log; do
	check_eq "$f: culprit do_sigaction (not __dump_stack)" \
		'"possible deadlock in do_sigaction"' \
		"$(field $D/$f '.reports[0].title')"
done
for f in l01-console.log l02-wrap80-crlf.log; do
	check_eq "$f: culprit iwl_pcie_irq_handler [iwlwifi] (not rtlock_slowlock_locked)" \
		'["iwl_pcie_irq_handler","iwlwifi"]' \
		"$(field $D/$f '.reports[0].culprit | [.function, .module]')"
done

# ---- CI wrappers: their own lines inside a report are no kernel lines --------
# a harness line under the same GitHub Actions stamp between two frames, and
# LAVA's own lines ("lvl": "info") between two of the target's
awk 'NR == 30 { print "2026-12-07T10:00:11.0123456Z ##[group]Run ./ci/collect-logs.sh" } { print }' \
	"$D/r01-gha.log" >"$TMP/gha.log"
check_eq "r01 with a harness line between frames: the same report" \
	"$(facts "$D/r01-gha.log")" "$(facts "$TMP/gha.log")"
awk 'NR == 40 { print "- {\"dt\": \"2026-12-07T10:00:11.500000\", \"lvl\": \"info\", \"msg\": \"Matched prompt #5: \\\"root@qemu:~#\\\"\"}" } { print }' \
	"$D/r08-lava-yaml.log" >"$TMP/lava.log"
check_eq "r08 with a LAVA info line inside: the same report" \
	"$(facts "$D/r08-lava-yaml.log")" "$(facts "$TMP/lava.log")"

# ---- a screen's fixed column: harness lines after long lines stay apart -----
# the guard of t0113 on these reports: after every console line of 60
# columns or more a harness line, and never three rows in a row of one width
awk '{ print } length($0) >= 60 { print "ok " NR " kselftest: step " NR }' \
	"$D/a01-console.log" >"$TMP/harness.log"
check_eq "a01 with a harness line after every long line: the same report" \
	"$(facts "$D/a01-console.log")" "$(facts "$TMP/harness.log")"

# ---- a report at the very top of a screen copy ------------------------------
# each body rendered as a console cut at column 80 with nothing before it:
# the same report as the console's whole lines once three rows were cut (the
# width is learnt from three; with fewer a screen is not told from a log)
for body in "$D"/src/b*.txt; do
	b=$(basename "$body" .txt)
	python3 "$D/src/forms.py" console "$body" >"$TMP/$b-console.log"
	python3 "$D/src/forms.py" wrap80 "$body" >"$TMP/$b-top80.log"
	cuts=$(awk 'prev && !/^\[/ { n++ } { prev = length($0) == 80 && /^\[/ }
		END { print n + 0 }' "$TMP/$b-top80.log")
	[ "$cuts" -ge 3 ] || continue
	check_eq "$b cut at 80 from its first line ($cuts cuts): the same report" \
		"$(facts "$TMP/$b-console.log")" "$(facts "$TMP/$b-top80.log")"
done

finish
