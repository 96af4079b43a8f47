#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# run.sh: run every test (cmocka unit binaries, then the numbered shell tests
# tests/t*.sh) and end with one line "N passed, N failed".
#
# Environment: SPLATD (binary under test, default build/asan/splatd),
# TESTS (a glob filter on test names, default everything), JOBS (how many
# parser tests, t0*, run side by side; default 1: they start no server and
# read no clock, so they cannot disturb each other; every other test runs
# alone, as its limits and timeouts assume).  Output and counts come in
# name order whatever JOBS is.
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

for t in build/asan/tests/*; do
	[ -x "$t" ] || continue
	name=unit/$(basename "$t")
	[[ $name == $filter ]] || continue
	"$t" >"$tmp/out" 2>&1
	count_output "$name" "$tmp/out" $?
done

# the parser tests, JOBS at a time (one under ThreadSanitizer, whose
# reports are read from one directory per test run)
jobs=${JOBS:-1}
[[ $jobs =~ ^[1-9][0-9]*$ ]] || jobs=1
case $SPLATD in
*tsan*) jobs=1 ;;
esac
side=()
if [ "$jobs" -gt 1 ]; then
	for t in tests/t0[0-9]*.sh; do
		[ -f "$t" ] || continue
		name=$(basename "$t" .sh)
		[[ $name == $filter ]] || continue
		side+=("$name")
	done
	running=0
	for name in "${side[@]}"; do
		(
			bash "tests/$name.sh" >"$tmp/out.$name" 2>&1
			echo $? >"$tmp/rc.$name"
		) &
		running=$((running + 1))
		if [ "$running" -ge "$jobs" ]; then
			wait -n
			running=$((running - 1))
		fi
	done
	wait
	for name in "${side[@]}"; do
		count_output "$name" "$tmp/out.$name" "$(cat "$tmp/rc.$name")"
	done
fi

for t in tests/t[0-9]*.sh; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .sh)
	[[ $name == $filter ]] || continue
	[[ " ${side[*]} " == *" $name "* ]] && continue
	bash "$t" >"$tmp/out" 2>&1
	count_output "$name" "$tmp/out" $?
done

if [ ${#skipped[@]} -ne 0 ]; then
	echo "skipped: ${skipped[*]}"
fi
if [ ${#failures[@]} -ne 0 ]; then
	echo "failed: ${failures[*]}"
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
