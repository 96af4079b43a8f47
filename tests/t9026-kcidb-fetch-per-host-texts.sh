#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9026-kcidb-fetch-per-host-texts: --kcidb-fetch-per-host counts every
# host a fetch reads from, not only its log_url's (docs/interop.md
# "Fetching log_url").  With one fetch a host: test x's log_url is on host
# B and its console among its output_files on host A, which holds the
# request until the test releases it; test y, queued after x, has its
# log_url on A; test z, queued after y, on host C.  z is fetched while x
# holds A, y is not taken (A has its one fetch: x's console), and A never
# has two requests at a time; once A answers, x and y are stored.  Before,
# x counted against B alone: y was taken and A held two.  Real servers on
# loopback (127.0.0.1 A, 127.0.0.2 B, 127.0.0.3 C); nothing here measures
# time: only what is done while what is held.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
kernel_logs
start_logserver
BBASE=$(logserver_at "$TMP/b" 127.0.0.2)
CBASE=$(logserver_at "$TMP/c" 127.0.0.3)
cp "$LOGS/taskout.log" "$TMP/b/"
# the release must come from the test, never from a time-out
start_server --kcidb-fetch-allow "$LBASE/" --kcidb-fetch-allow "$BBASE/" \
	--kcidb-fetch-allow "$CBASE/" --kcidb-fetch-per-host 1 \
	--kcidb-fetch-workers 4 --kcidb-fetch-timeout 600
CI=$(token ci1 ci)
# fetching: how many fetches the workers hold now
fetching() {
	get "$BASE/api/v1/kcidb/fetches" >/dev/null
	body .workers.fetching
}
# until_fetching N: until the workers hold N fetches (15 s)
until_fetching() {
	local i
	for i in $(seq 1 150); do
		[ "$(fetching)" = "$1" ] && return 0
		sleep 0.1
	done
	return 1
}

files_doc "$TMP/x.json" x "$BBASE/logs/taskout.log" "console.log=$LBASE/hold/console.log"
check_eq "x (log_url on B, its console on A): queued" "201 queued" \
	"$(post_kcidb "$CI" "$TMP/x.json") $(body '.tests[0].status')"
check "... A is asked for x's console (and holds it)" wait_held "$LOGS" 1
post_url y "$LBASE/hold/seed.txt" >/dev/null
post_url z "$CBASE/logs/seed.txt" >/dev/null
check "z (on C, queued after y) is fetched while A holds x's console" \
	eval 'wait_fetch maestro:z done >/dev/null'
check "... the workers then hold x alone (y not taken)" until_fetching 1
check_eq "... y still queued, never tried" "queued 0" \
	"$(sql "SELECT state, attempts FROM kcidb_fetches WHERE test_id = 'maestro:y'" | tr '|' ' ')"
check_eq "... A asked once" 1 "$(held "$LOGS")"
touch "$LOGS/release"
check "x is stored once A answers" eval 'wait_fetch maestro:x done >/dev/null'
check_eq "... from both texts, the console's report" "1 $CONSOLE_SIG" "$(run_reports x)"
check "y is stored after it" eval 'wait_fetch maestro:y done >/dev/null'
check "A never had two requests at a time" awk '$2 > 1 { exit 1 }' "$LOGS/holds"
stop_server
finish
