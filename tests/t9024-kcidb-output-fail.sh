#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9024-kcidb-output-fail: an output file that holds the kernel's log is
# part of its test's one fetch (docs/interop.md "Kernel logs among
# output_files"): while it is read the run is not stored, though log_url
# was read already; one that 404s is retried with the test and given up
# with it, saying which URL failed, and no run is stored from log_url
# alone; one that is not text fails for good, naming it; a 404 then 200 is stored on the second attempt; one that stalls
# times out and is retried, then given up; a test with a log_excerpt
# whose file fails for good is stored from the excerpt.  Real serve, real
# log server on loopback.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
SIG=$CONSOLE_SIG
kernel_logs
start_logserver
start_server --kcidb-fetch-allow "$LBASE/" --kcidb-fetch-timeout 2 \
	--kcidb-fetch-retry 1 --kcidb-fetch-attempts 3
CI=$(token ci1 ci)
X="$LBASE/logs"
runs() { sql "SELECT count(*) FROM runs WHERE run_id = 'maestro:$1'"; }

files_doc "$TMP/held.json" held "$X/taskout.log" \
	"console.log=$LBASE/hold/console.log"
post_kcidb "$CI" "$TMP/held.json" >/dev/null
check "console.log held by its server" wait_held "$LOGS" 1
check_eq "... log_url was read, no run stored meanwhile" "1 0" \
	"$(grep -c 'GET /logs/taskout.log' "$TMP/logserver.err") $(runs held)"
touch "$LOGS/release"
check "... released: stored" eval 'wait_fetch maestro:held done >/dev/null'
check_eq "... with the console's report" "1 $SIG" \
	"$(run_reports held)"

files_doc "$TMP/missing.json" missing "$X/taskout.log" "dmesg.txt=$X/none.txt"
post_kcidb "$CI" "$TMP/missing.json" >/dev/null
check "dmesg.txt 404s: given up after 3 attempts" \
	eval 'wait_fetch maestro:missing failed >"$TMP/row"'
check_eq "... saying which URL" "3 $X/none.txt: HTTP 404" \
	"$(jq -r '"\(.attempts) \(.last_error)"' "$TMP/row")"
check_eq "... no run from log_url alone" 0 "$(runs missing)"

printf 'ELF\0\0\1\nbinary\n' >"$LOGS/bin.txt"
files_doc "$TMP/bin.json" bin "$X/taskout.log" "dmesg.txt=$X/bin.txt" \
	"console.log=$X/console.log"
post_kcidb "$CI" "$TMP/bin.json" >/dev/null
check "dmesg.txt is not text: given up at once" \
	eval 'wait_fetch maestro:bin failed >"$TMP/row"'
check_eq "... saying so, and which file" \
	"1 the log is not text (it has NUL bytes) ($X/bin.txt)" \
	"$(jq -r '"\(.attempts) \(.last_error)"' "$TMP/row")"
check_eq "... no run" 0 "$(runs bin)"

files_doc "$TMP/flaky.json" flaky "$X/taskout.log" \
	"console.log=$LBASE/flaky/console.log"
post_kcidb "$CI" "$TMP/flaky.json" >/dev/null
check "console.log 404 then 200: stored" \
	eval 'wait_fetch maestro:flaky done >"$TMP/row"'
check_eq "... on its second attempt, with the report" "2 1 $SIG" \
	"$(jq -r .attempts "$TMP/row") $(run_reports flaky)"

files_doc "$TMP/stall.json" stall "$X/taskout.log" "serial.log=$LBASE/stall"
post_kcidb "$CI" "$TMP/stall.json" >/dev/null
check "serial.log stalls: given up after 3 attempts" \
	eval 'wait_fetch maestro:stall failed >"$TMP/row"'
check_eq "... each timed out" "3 true" \
	"$(jq -r '"\(.attempts) \(.last_error | test("timed out"))"' "$TMP/row")"
check_eq "... no run" 0 "$(runs stall)"

files_doc "$TMP/exc.json" exc "" "console.log=$X/none.txt"
jq '.tests[0].log_excerpt = "Linux version 6.1.0-rc1\nok 1 boot\n"' \
	"$TMP/exc.json" >"$TMP/exc2.json"
post_kcidb "$CI" "$TMP/exc2.json" >/dev/null
check "a log_excerpt, console.log 404s for good: stored from the excerpt" \
	eval 'wait_fetch maestro:exc done >"$TMP/row"'
check_eq "... the row says so" "$X/none.txt: HTTP 404; stored from the log_excerpt" \
	"$(jq -r .last_error "$TMP/row")"
check_eq "... the run is there" 1 "$(runs exc)"
stop_server
finish
