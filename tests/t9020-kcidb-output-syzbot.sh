#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9020-kcidb-output-syzbot: syzbot's KCIDB export has no log_url, only
# output_files (report.txt, log.txt, repro.c, repro.syz.txt,
# machine_info.txt; google/syzkaller pkg/kcidb/client.go).  Its test
# becomes a run read from report.txt and log.txt, the files whose names
# say they hold the kernel's log (docs/interop.md "Kernel logs among
# output_files"): both hold the same report (report.txt the report alone,
# without console prefixes; log.txt the console around it), which the run
# counts once.  The reproducer and machine_info are not fetched.  A test
# whose output files hold no kernel log is skipped, its reason naming
# them.  Real serve, real log server on loopback.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
REPORT=tests/data/routing/heldout/h36-circular-uvc-queue-mutex-mmap-lock-syzbot.log
SIG=5fc04049ae2e31a8 # its signature, as `splatd parse` gives it
need_exec "$SPLATD"

# syzbot's report.txt is the report as the dashboard shows it; log.txt
# the console: boot lines, the report under time stamps and caller ids
cp "$REPORT" "$LOGS/report.txt"
{
	printf '[    0.000000][    T0] Linux version 6.1.0-rc6-syzkaller\n'
	printf '[   50.100000][ T3000] audit: type=1400 audit(1.1:2): avc\n'
	awk '{ printf "[  %d.%06d][ T8812] %s\n", 60 + int(NR / 100), NR, $0 }' \
		"$REPORT"
	printf '[   99.000000][    C0] Kernel panic - not syncing\n'
} >"$LOGS/log.txt"
printf 'r0 = openat$uvc(0x0, 0x0, 0x0, 0x0)\n' >"$LOGS/repro.syz"
printf 'int main(void) { return 0; }\n' >"$LOGS/repro.c"
printf 'CPU: Intel(R) Xeon(R) CPU @ 2.20GHz\n' >"$LOGS/machine_info"
check_eq "log.txt alone gives the report's signature" "$SIG 1" \
	"$("$SPLATD" parse "$LOGS/log.txt" |
		jq -r '"\(.reports[0].signature) \(.reports | length)"')"

start_logserver
start_server --kcidb-fetch-allow "$LBASE/"
CI=$(token ci1 ci)
X="$LBASE/logs"

files_doc "$TMP/syz.json" syz "" "report.txt=$X/report.txt?x=1" \
	"log.txt=$X/log.txt?x=2" "repro.c=$X/repro.c?x=3" \
	"repro.syz.txt=$X/repro.syz?x=4" "machine_info.txt=$X/machine_info?x=5"
check_eq "syzbot's test (no log_url, five output files): queued" \
	"201 queued" "$(post_kcidb "$CI" "$TMP/syz.json") $(body '.tests[0].status')"
check "... fetched and stored" eval 'wait_fetch maestro:syz done >"$TMP/row"'
check_eq "... its queued row's log_url is report.txt's" "$X/report.txt?x=1" \
	"$(jq -r .log_url "$TMP/row")"
check_eq "... the run has the report once" "200 1 $SIG" \
	"$(get "$BASE/api/v1/runs/maestro:syz") $(body '"\(.reports | length) \(.reports[0].signature)"')"
check_eq "... one occurrence of the signature" 1 \
	"$(sql "SELECT count(*) FROM occurrences o JOIN signatures s
		ON s.id = o.signature_id WHERE s.hash = '$SIG'")"
check_eq "... report.txt and log.txt were fetched, once each" "1 1" \
	"$(grep -c 'GET /logs/report.txt' "$TMP/logserver.err") $(grep -c 'GET /logs/log.txt' "$TMP/logserver.err")"
check_eq "... the reproducers and machine_info were not" 0 \
	"$(grep -c 'GET /logs/repro\|GET /logs/machine_info' "$TMP/logserver.err")"
check_eq "... the run's log is both texts: its size is theirs" \
	"$(($(wc -c <"$LOGS/report.txt") + $(wc -c <"$LOGS/log.txt")))" \
	"$(sql "SELECT log_size FROM runs WHERE run_id = 'maestro:syz'")"

check_eq "the same document again: already stored" "200 already_stored" \
	"$(post_kcidb "$CI" "$TMP/syz.json") $(body '.tests[0].status')"

# a bug of syzbot's with the console only (no report.txt): read the same
files_doc "$TMP/log.json" log "" "log.txt=$X/log.txt?x=6" \
	"repro.c=$X/repro.c?x=7"
post_kcidb "$CI" "$TMP/log.json" >/dev/null
check "log.txt alone: stored" eval 'wait_fetch maestro:log done >/dev/null'
check_eq "... the same report" "1 $SIG" \
	"$(run_reports log)"

# output files, none of them a kernel log: skipped, naming them
files_doc "$TMP/repro.json" repro "" "repro.c=$X/repro.c?x=8" \
	"machine_info.txt=$X/machine_info?x=9"
check_eq "only a reproducer and machine_info: skipped" "200 skipped" \
	"$(post_kcidb "$CI" "$TMP/repro.json") $(body '.tests[0].status')"
check_eq "... the reason names the files it saw" \
	"no log_excerpt or log_url, and no output file named as a kernel log (saw repro.c, machine_info.txt; docs/interop.md)" \
	"$(body '.tests[0].reason')"
check_eq "... nothing queued for it" 0 \
	"$(queued repro)"
stop_server
finish
