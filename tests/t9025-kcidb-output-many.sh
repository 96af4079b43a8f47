#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9025-kcidb-output-many: a test reads at most 8 texts (KCIDB_MAX_TEXTS:
# its log_url and its kernel-log output files), each URL once: a document
# naming nine consoles for one test has eight fetched and the ninth
# warned of, not a fetch per name however many there are; the same URL
# named twice is fetched once.  Before, every name was fetched.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
SIG=$CONSOLE_SIG
kernel_logs
for i in 1 2 3 4 5 6 7 8 9; do cp "$CONSOLE" "$LOGS/c$i.log"; done
start_logserver
start_server --kcidb-fetch-allow "$LBASE/"
CI=$(token ci1 ci)
X="$LBASE/logs"
fetches() { grep -c "GET /logs/$1" "$TMP/logserver.err"; }

# at the limit: log_url and 7 files, 8 texts
files_doc "$TMP/eight.json" eight "$X/taskout.log" \
	$(for i in 1 2 3 4 5 6 7; do echo "console.log=$X/c$i.log"; done)
check_eq "8 texts: queued, no warning" "201 queued null" \
	"$(post_kcidb "$CI" "$TMP/eight.json") $(body '.tests[0].status') $(body '.warnings')"
check "... stored" eval 'wait_fetch maestro:eight done >/dev/null'
check_eq "... each fetched once, the report once" "1 1 1 $SIG" \
	"$(fetches c1.log) $(fetches c7.log) $(run_reports eight)"

# one past it: the ninth text is not read, and said so
files_doc "$TMP/nine.json" nine "$X/taskout.log" \
	$(for i in 1 2 3 4 5 6 7 8; do echo "console.log=$X/c$i.log"; done)
check_eq "9 texts: queued" "201 queued" \
	"$(post_kcidb "$CI" "$TMP/nine.json") $(body '.tests[0].status')"
check_eq "... the 9th warned of" \
	'$.tests[0].output_files[7]: more than 8 kernel logs for one test; not read' \
	"$(body '.warnings | join("|")')"
check "... stored" eval 'wait_fetch maestro:nine done >/dev/null'
check_eq "... c8.log never asked for" 0 "$(fetches c8.log)"

# the same URL under two names: one text
files_doc "$TMP/dup.json" dup "" "console.log=$X/c9.log" "dmesg=$X/c9.log"
post_kcidb "$CI" "$TMP/dup.json" >/dev/null
check "the same URL twice: stored" eval 'wait_fetch maestro:dup done >/dev/null'
check_eq "... fetched once, the report once" "1 1 $SIG" \
	"$(fetches c9.log) $(run_reports dup)"
stop_server
finish
