#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9027-kcidb-fetches-log-files: GET /api/v1/kcidb/fetches shows each
# fetch's log_files (migration 26): the URLs of the kernel-log output
# files read after its log_url, in their order, [] for a test with one
# text; a file outside the allowed prefixes is not among them.  Before,
# the list showed log_url alone: which consoles a run was read from could
# not be seen.  Real serve, real log server on loopback.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
kernel_logs
cp "$LOGS/console.log" "$LOGS/dmesg.txt"
start_logserver
start_server --kcidb-fetch-allow "$LBASE/"
CI=$(token ci1 ci)
X="$LBASE/logs"
# fetch ID: test maestro:ID's row of the list
fetch() {
	get "$BASE/api/v1/kcidb/fetches" >/dev/null
	body ".fetches[] | select(.test_id == \"maestro:$1\")"
}

files_doc "$TMP/cki.json" cki "$X/taskout.log" "console.log=$X/console.log" \
	"harness.log=$X/taskout.log" "dmesg.txt=$X/dmesg.txt" \
	"serial.log=http://elsewhere.invalid/serial.log"
check_eq "a test with two kernel-log files: queued" "201 queued" \
	"$(post_kcidb "$CI" "$TMP/cki.json") $(body '.tests[0].status')"
check "... fetched" eval 'wait_fetch maestro:cki done >/dev/null'
check_eq "... its log_url" "$X/taskout.log" "$(fetch cki | jq -r .log_url)"
check_eq "... its log_files: the two files, in order, not the others" \
	"[\"$X/console.log\",\"$X/dmesg.txt\"]" "$(fetch cki | jq -c .log_files)"

files_doc "$TMP/syz.json" syz "" "report.txt=$X/console.log" "log.txt=$X/dmesg.txt"
post_kcidb "$CI" "$TMP/syz.json" >/dev/null
check "syzbot's shape (no log_url): fetched" eval 'wait_fetch maestro:syz done >/dev/null'
check_eq "... report.txt its log_url, log.txt its log_files" \
	"$X/console.log [\"$X/dmesg.txt\"]" \
	"$(fetch syz | jq -r .log_url) $(fetch syz | jq -c .log_files)"

post_url one "$X/console.log" >/dev/null
check "a test with a log_url alone: fetched" eval 'wait_fetch maestro:one done >/dev/null'
check_eq "... its log_files []" "[]" "$(fetch one | jq -c .log_files)"
check_eq "every row has log_files, an array" "" \
	"$(get "$BASE/api/v1/kcidb/fetches" >/dev/null; body '.fetches[] | select((.log_files | type) != "array") | .test_id')"
stop_server
finish
