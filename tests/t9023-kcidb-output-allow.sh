#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9023-kcidb-output-allow: output files that hold the kernel's log are
# fetched as log_url is, within --kcidb-fetch-allow (docs/interop.md
# "Kernel logs among output_files"): one outside the prefixes is not read
# (the reply's warnings name it, nothing is asked of its host) and the
# test is read from what may be; a test with nothing else is skipped, its
# reason naming the file; one with a log_excerpt is stored from it.  Gzip
# as for log_url: a .gz file, and Content-Encoding: gzip.  Real serve,
# real log servers on loopback.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
SIG=$CONSOLE_SIG
kernel_logs
gzip -c "$CONSOLE" >"$LOGS/dmesg.gz"
start_logserver
OTHER=http://127.0.0.2:${LBASE##*:} # loopback too, outside the prefix
start_server --kcidb-fetch-allow "$LBASE/"
CI=$(token ci1 ci)
X="$LBASE/logs"

files_doc "$TMP/part.json" part "$X/taskout.log" \
	"console.log=$OTHER/logs/console.log"
check_eq "console.log outside the prefixes, log_url inside: queued" \
	"201 queued" "$(post_kcidb "$CI" "$TMP/part.json") $(body '.tests[0].status')"
check_eq "... the reply's warnings name the file" \
	'$.tests[0].output_files[0]: url not under a --kcidb-fetch-allow prefix; not read' \
	"$(body '.warnings | join("|")')"
check "... stored from log_url" eval 'wait_fetch maestro:part done >/dev/null'
check_eq "... without a report (console.log was not read)" "200 0" \
	"$(get "$BASE/api/v1/runs/maestro:part") $(body '.reports | length')"
check_eq "... nothing asked of the other address" 0 \
	"$(grep -c '^127.0.0.2 ' "$TMP/logserver.err")"

files_doc "$TMP/out.json" out "" "console.log=$OTHER/logs/console.log" \
	"repro.c=$X/repro.c"
check_eq "only console.log, outside the prefixes: skipped" "200 skipped" \
	"$(post_kcidb "$CI" "$TMP/out.json") $(body '.tests[0].status')"
check_eq "... saying why" \
	"output_files console.log: not under a --kcidb-fetch-allow prefix" \
	"$(body '.tests[0].reason')"
check_eq "... nothing queued" 0 \
	"$(queued out)"

files_doc "$TMP/exc.json" exc "" "console.log=$OTHER/logs/console.log"
jq '.tests[0].log_excerpt = "Linux version 6.1.0-rc1\nok 1 boot\n"' \
	"$TMP/exc.json" >"$TMP/exc2.json"
check_eq "... with a log_excerpt: stored from it" "201 stored" \
	"$(post_kcidb "$CI" "$TMP/exc2.json") $(body '.tests[0].status')"

files_doc "$TMP/gz.json" gz "" "dmesg.gz=$X/dmesg.gz"
post_kcidb "$CI" "$TMP/gz.json" >/dev/null
check "dmesg.gz (a .gz file): stored" eval 'wait_fetch maestro:gz done >/dev/null'
check_eq "... gunzipped: the report" "1 $SIG" \
	"$(run_reports gz)"
files_doc "$TMP/ce.json" ce "$X/taskout.log" "Console.LOG=$LBASE/ce/console.log"
post_kcidb "$CI" "$TMP/ce.json" >/dev/null
check "Console.LOG with Content-Encoding: gzip: stored" \
	eval 'wait_fetch maestro:ce done >/dev/null'
check_eq "... decoded: the report" "1 $SIG" \
	"$(run_reports ce)"
stop_server
finish
