#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9021-kcidb-output-cki: a test whose log_url is its harness's output
# (CKI's taskout.log, a kselftest's TAP) while the kernel's console sits
# in its output_files (console.log) becomes a run read from both: the
# splat in the console is the run's report (docs/interop.md "Kernel logs
# among output_files").  An output file that is not a kernel log by its
# name (harness.log) is not fetched.  --kcidb-log-name adds a name, case-
# blind, also gzipped: as serve's configuration key, and on `splatd kcidb
# import`, which without it skips such a test naming the file.  Real serve, real log
# server on loopback.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
SIG=$CONSOLE_SIG
need_exec "$SPLATD"

# the harness's output: TAP, no kernel line
printf '%s\n' 'TAP version 13' '1..2' '# selftests: cpu-hotplug: cpu-on-off-test.sh' \
	'ok 1 selftests: cpu-hotplug: cpu-on-off-test.sh' \
	'ok 2 selftests: cpu-hotplug: cpu-on-off-test.sh # SKIP' >"$LOGS/taskout.log"
printf '[beaker] task 12345 /kernel/distribution/ltp ran\n' >"$LOGS/harness.log"
{
	printf '[    0.000000] Linux version 6.1.0-rc1 (builder@cki)\n'
	cat "$CONSOLE"
	printf '[  400.000000] reboot: Restarting system\n'
} >"$LOGS/console.log"
gzip -c "$LOGS/console.log" >"$LOGS/boot.gz"
check_eq "taskout.log holds no report" 0 \
	"$("$SPLATD" parse "$LOGS/taskout.log" | jq '.reports | length')"

start_logserver
# serve's configuration file has the option's key
printf 'kcidb-log-name = Boot-Log.TXT\n' >"$TMP/splatd.conf"
start_server --kcidb-fetch-allow "$LBASE/" --config "$TMP/splatd.conf"
CI=$(token ci1 ci)
X="$LBASE/logs"

files_doc "$TMP/cki.json" cki "$X/taskout.log" "harness.log=$X/harness.log" \
	"console.log=$X/console.log"
check_eq "CKI's test (log_url taskout.log, console.log beside it): queued" \
	"201 queued" "$(post_kcidb "$CI" "$TMP/cki.json") $(body '.tests[0].status')"
check "... fetched and stored" eval 'wait_fetch maestro:cki done >/dev/null'
check_eq "... the run has the console's report" "200 1 $SIG" \
	"$(get "$BASE/api/v1/runs/maestro:cki") $(body '"\(.reports | length) \(.reports[0].signature)"')"
check_eq "... taskout.log and console.log were fetched" "1 1" \
	"$(grep -c 'GET /logs/taskout.log' "$TMP/logserver.err") $(grep -c 'GET /logs/console.log' "$TMP/logserver.err")"
check_eq "... harness.log was not" 0 \
	"$(grep -c 'GET /logs/harness.log' "$TMP/logserver.err")"

# kcidb-log-name = Boot-Log.TXT: "boot-log.txt.gz" is a kernel log
files_doc "$TMP/lava.json" lava "$X/taskout.log" "boot-log.txt.gz=$X/boot.gz"
post_kcidb "$CI" "$TMP/lava.json" >/dev/null
check "kcidb-log-name's file (case-blind, .gz): stored" \
	eval 'wait_fetch maestro:lava done >/dev/null'
check_eq "... gunzipped, its report the run's" "1 $SIG" \
	"$(run_reports lava)"
stop_server

# the command line: the same rule, --kcidb-log-name too
files_doc "$TMP/serial.json" serial "" "serial0.txt=$X/console.log"
"$SPLATD" kcidb import --db "$TMP/cli.db" --kcidb-fetch-allow "$LBASE/" \
	"$TMP/serial.json" >"$TMP/cli.out" 2>"$TMP/cli.err"
check_eq "kcidb import: serial0.txt is no kernel log by its name: skipped" \
	"skipped no log_excerpt or log_url, and no output file named as a kernel log (saw serial0.txt; docs/interop.md)" \
	"$(jq -r '.tests[0] | "\(.status) \(.reason)"' "$TMP/cli.out")"
"$SPLATD" kcidb import --db "$TMP/cli.db" --kcidb-fetch-allow "$LBASE/" \
	--kcidb-log-name serial0.txt "$TMP/serial.json" >"$TMP/cli.out" 2>"$TMP/cli.err"
check_eq "... with --kcidb-log-name serial0.txt: stored, with the report" \
	"stored $SIG" \
	"$(jq -r '.tests[0] | "\(.status) \(.reports[0].signature)"' "$TMP/cli.out")"
check_eq "--kcidb-log-name with a '/': refused" 2 \
	"$("$SPLATD" kcidb import --db "$TMP/cli.db" --kcidb-log-name a/b \
		"$TMP/serial.json" >/dev/null 2>&1; echo $?)"
finish
