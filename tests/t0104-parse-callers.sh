#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0104-parse-callers: with PRINTK_CALLER ids ("[ts][  T100] ", "[ts] [ T100] ",
# "[ts][    C2] "), a report printed by one task does not hide the next report
# printed by another task, with or without other tasks' lines in between.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
GEN=build/bench/gen_corpus
R=tests/tools/rerender.sh
D=tests/data/parse-invariance

need_exec "$SPLATD" "$GEN" "$R"

# expect FILE WHAT KIND...: the reports of FILE have exactly these kinds
expect() {
	local f=$1 what=$2 want got
	shift 2
	want=$(printf '%s\n' "$@" | jq -R . | jq -s -c .)
	got=$("$SPLATD" parse "$f" 2>"$TMP/err" | jq -c '[.reports[].kind]')
	if [ "$got" = "$want" ]; then
		ok "$what: $got"
	else
		fail "$what: got ${got:-nothing} $(head -c 200 "$TMP/err"), want $want"
	fi
}

noise() { echo "[   11.000000][$(printf '%6s' "$1")] usb 1-4: new high-speed USB device number 3 using xhci_hcd"; }

{ $R -p caller -c T100 -t 10 "$D/kind-recursive.splat"; $R -p caller -c T300 -t 12 "$D/seed-6641.splat"; } >"$TMP/1"
expect "$TMP/1" "T100 recursive, then T300 circular" recursive circular
{ $R -p caller -c T100 -t 10 "$D/seed-6641.splat"; noise T200; $R -p caller -c T300 -t 12 "$D/kind-recursive.splat"; } >"$TMP/2"
expect "$TMP/2" "T100 circular, a T200 line, T300 recursive" circular recursive
{ $R -p caller -c T100 -t 10 "$D/seed-6641.splat"; noise T100; $R -p caller -c T300 -t 12 "$D/kind-recursive.splat"; } >"$TMP/3"
expect "$TMP/3" "T100 circular, a T100 line, T300 recursive" circular recursive
{ $R -p caller -c C2 -t 10 "$D/kind-bad-unlock.splat"; $R -p caller -c T300 -t 12 "$D/kind-still-has-locks.splat"; } >"$TMP/4"
expect "$TMP/4" "C2 bad unlock, then T300 still has locks" bad_unlock_balance still_has_locks_held
{ $R -p dmesg-caller -c T100 -t 10 "$D/kind-user-return.splat"; $R -p dmesg-caller -c T300 -t 12 "$D/seed-6641.splat"; } >"$TMP/5"
expect "$TMP/5" "util-linux dmesg: T100 user return, then T300 circular" lock_held_user_return circular
{ $R -p caller -c T100 -t 10 "$D/seed-6641.splat"; $R -p caller -c T100 -t 12 "$D/kind-recursive.splat"; } >"$TMP/6"
expect "$TMP/6" "control: both reports from T100" circular recursive

# a generated CI log with caller ids on every line (reports from their task,
# noise from many others)
if "$GEN" -n 3 -m 1 -k 50 -s 102 "$TMP/gen" >/dev/null; then
	want=$(sed -n 4p "$TMP/gen/expected.tsv" | cut -f3)
	got=$("$SPLATD" parse "$TMP/gen/ci-02.log" | jq '.reports | length')
	if [ "$got" = "$want" ]; then
		ok "generated log with caller ids: $want reports"
	else
		fail "generated log with caller ids: ${got:-no} reports, want $want"
	fi
else
	fail "gen_corpus failed"
fi

finish
