#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# run.sh: run every test (cmocka unit binaries, then the numbered shell tests
# tests/t*.sh) and end with one line "N passed, N failed".
#
# Environment: SPLATD (binary under test, default build/asan/splatd),
# TESTS (a glob filter on test names, default everything), JOBS (how many
# tests run side by side; default 1, `make test` 2; always 1 under
# ThreadSanitizer), TEST_TIMES (each test's wall time in the last run,
# default build/test-times.txt: the longest start first).  Output and
# counts come in name order whatever JOBS is.
#
# Side by side is the rule: each test has its own temporary directory,
# database, and servers on ephemeral ports.  A test that needs the machine
# to itself (a timed assertion, a fixed port) has a line "# run-alone: WHY"
# (a unit test: "run-alone:" in a comment line of tests/unit/NAME.c); with
# JOBS > 1 those run first, one at a time, then the rest.  See "which tests
# run, in which order" below.
set -u
cd "$(dirname "$0")/.." || exit 1
export SPLATD=${SPLATD:-build/asan/splatd}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
filter=${TESTS:-*}
passed=0
failed=0
failures=()
skipped=()
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# SPLATD=build/tsan/splatd (ThreadSanitizer): every process's reports go to
# files, so that one from a server a test killed, or from a command whose
# stderr a test kept, still fails the test that ran it (count_output);
# tests/tsan.supp holds the reports judged benign, each with its reason.
export TSAN_OPTIONS=${TSAN_OPTIONS:-second_deadlock_stack=1:suppressions=$PWD/tests/tsan.supp}
export TSAN_OPTIONS="$TSAN_OPTIONS:log_path=$tmp/tsan"

count_output() {
	# $1 = name, $2 = output file, $3 = exit status
	local p f line
	line=$(grep -E '^[A-Za-z]*:? ?[0-9]+ passed, [0-9]+ failed' "$2" | tail -n 1)
	if [ -n "$line" ]; then
		p=$(sed -E 's/^[^0-9]*([0-9]+) passed.*/\1/' <<<"$line")
		f=$(sed -E 's/.* passed, ([0-9]+) failed.*/\1/' <<<"$line")
	else
		p=$(grep -E '^\[  PASSED  \] [0-9]+ test' "$2" | sed -E 's/[^0-9]*([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
		f=$(grep -E '^\[  FAILED  \] [0-9]+ test' "$2" | sed -E 's/[^0-9]*([0-9]+).*/\1/' | awk '{s+=$1} END {print s+0}')
	fi
	if [ "$3" -ne 0 ] && [ "$f" -eq 0 ]; then
		f=1 # crashed or exited non-zero without saying why
	fi
	local nrace=0
	if compgen -G "$tmp/tsan.*" >/dev/null; then
		# ThreadSanitizer reports: one failure each (at least one)
		cat "$tmp"/tsan.* >"$tmp/races"
		rm -f "$tmp"/tsan.*
		nrace=$(grep -cE '^(WARNING|==[0-9]+==ERROR): ThreadSanitizer' \
			"$tmp/races")
		[ "$nrace" -gt 0 ] || nrace=1
		f=$((f + nrace))
	fi
	passed=$((passed + p))
	failed=$((failed + f))
	if [ "$f" -ne 0 ]; then
		failures+=("$1")
		echo "---- $1 (exit $3) ----"
		tail -n 40 "$2"
	fi
	if [ "$nrace" -ne 0 ]; then
		echo "---- $1: $nrace ThreadSanitizer reports, the first ----"
		head -n 60 "$tmp/races"
	fi
	printf '%-40s %4d passed, %d failed\n' "$1" "$p" "$f"
	# a test that skipped itself (need_sqlite, ...) says why
	line=$(grep -m1 '^# skip' "$2")
	if [ -n "$line" ]; then
		echo "$line"
		skipped+=("$1")
	fi
}

# ---- which tests run, in which order ----------------------------------------
# Every test runs in its own process with its own temporary directory, its
# own database and servers on ephemeral ports (tests/http/lib.sh
# start_server, the mail and KCIDB helpers), so JOBS of them can run side
# by side.  A test that depends on having the machine to itself (a timed
# assertion, a deadline that holds only on an idle machine, a fixed port)
# says so near its top with a line
#
#	# run-alone: WHY
#
# and runs first, one at a time, before the others.  A new test runs side
# by side unless it says it must not.
jobs=${JOBS:-1}
[[ $jobs =~ ^[1-9][0-9]*$ ]] || jobs=1
case $SPLATD in
*tsan*) jobs=1 ;; # its reports are read from one directory per test run
esac
# The longest tests start first (wall times of the last run, in
# $TEST_TIMES), so that no long one is left running alone at the end.
times=${TEST_TIMES:-build/test-times.txt}
names=()
for t in build/asan/tests/*; do
	[ -x "$t" ] || continue
	name=unit/$(basename "$t")
	[[ $name == $filter ]] && names+=("$name")
done
for t in tests/t[0-9]*.sh; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .sh)
	[[ $name == $filter ]] && names+=("$name")
done

# source_of NAME: the file a test is written in
source_of() {
	case $1 in
	unit/*) echo "tests/$1.c" ;;
	*) echo "tests/$1.sh" ;;
	esac
}
alone=()
side=()
for name in "${names[@]}"; do
	if [ "$jobs" -gt 1 ] &&
		grep -qsE '^(#|//| \*) run-alone:' "$(source_of "$name")"; then
		alone+=("$name")
	else
		side+=("$name")
	fi
done
# by_time FILE: the names on stdin, longest first by the times in FILE
# ("SECONDS NAME" lines); a name without a time before those, and the unit
# binaries (seconds all told) before all, so that the output, which is in
# name order, starts at once
by_time() {
	awk -v f="$1" 'BEGIN { while ((getline l < f) > 0) {
			split(l, w, " "); t[w[2]] = w[1] } }
		{ print ($1 ~ /^unit\// ? 1e10 : $1 in t ? t[$1] : 1e9), $1 }' |
		sort -s -k1,1gr | cut -d' ' -f2
}
[ "$jobs" -gt 1 ] && mapfile -t side < <(printf '%s\n' "${side[@]}" | by_time "$times")

# run_one NAME: run it, its output in $tmp/out.NAME (NAME with / as _),
# its exit status in $tmp/rc.NAME, its wall time in $tmp/time.NAME
run_one() {
	local f=${1//\//_} start=$EPOCHREALTIME
	if [[ $1 == unit/* ]]; then
		"build/asan/tests/${1#unit/}" >"$tmp/out.$f" 2>&1
	else
		bash "tests/$1.sh" >"$tmp/out.$f" 2>&1
	fi
	echo $? >"$tmp/rc.$f.tmp"
	echo "$start $EPOCHREALTIME" | awk '{ printf "%.1f\n", $2 - $1 }' \
		>"$tmp/time.$f"
	mv "$tmp/rc.$f.tmp" "$tmp/rc.$f"
}

# report_done: count and print, in name order, every test finished so far
# whose predecessors have all been printed
next=0
report_done() {
	local f
	while [ "$next" -lt ${#names[@]} ]; do
		f=${names[$next]//\//_}
		[ -f "$tmp/rc.$f" ] || break
		count_output "${names[$next]}" "$tmp/out.$f" "$(cat "$tmp/rc.$f")"
		next=$((next + 1))
	done
}

if [ "$jobs" -eq 1 ]; then
	for name in "${names[@]}"; do
		run_one "$name"
		report_done
	done
else
	for name in "${alone[@]}"; do
		run_one "$name"
	done
	report_done
	running=0
	for name in "${side[@]}"; do
		run_one "$name" &
		running=$((running + 1))
		if [ "$running" -ge "$jobs" ]; then
			wait -n
			running=$((running - 1))
			report_done
		fi
	done
	wait
	report_done
fi

# this run's wall times for the next run's order (the other tests' kept)
if [ -d "$(dirname "$times")" ] && [ ${#names[@]} -gt 0 ]; then
	for name in "${names[@]}"; do
		echo "$(cat "$tmp/time.${name//\//_}") $name"
	done | awk -v f="$times" 'BEGIN { while ((getline l < f) > 0) {
			split(l, w, " "); t[w[2]] = w[1] } }
		{ t[$2] = $1 } END { for (n in t) print t[n], n }' |
		sort -k2 >"$times.tmp" && mv "$times.tmp" "$times"
fi

if [ ${#skipped[@]} -ne 0 ]; then
	echo "skipped: ${skipped[*]}"
fi
if [ ${#failures[@]} -ne 0 ]; then
	echo "failed: ${failures[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
