#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9022-kcidb-output-same-console: a run is one test, its reports those of
# the texts read, each once (docs/interop.md "Kernel logs among
# output_files"): the same console as log_url and as an output file
# (dmesg.txt) gives its report once, not twice; a report in one text only
# counts (the texts are read together); a text that holds a report more
# often than another (a hung task reported twice, 120 s apart) gives each
# of its copies, the other text's copy being one of them.  Real serve,
# real log server on loopback.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
H=tests/data/routing/heldout
A=$H/h03-circular-nilfs2-kswapd-dmesg.log
SIGA=623ea9d61952207c
B=$H/h04-circular-i915-vm-mutex-intel-ci.log
SIGB=5273ebe0628244ff
HUNG=$H/h34-hung-task-amdgpu-gpu-recover-dmesg.log
need_exec "$SPLATD"

cp "$A" "$LOGS/a.txt"
cp "$B" "$LOGS/b.txt"
cp "$HUNG" "$LOGS/hung1.txt"
# the hung task reported again, 120 s later: two reports in one text
{
	cat "$HUNG"
	sed 's/^\[ *\([0-9]*\)\./[\1./' "$HUNG" | awk '{
		if (match($0, /^\[[0-9]+\./)) {
			n = substr($0, 2, RLENGTH - 2) + 120
			printf "[%6d.%s\n", n, substr($0, RLENGTH + 1)
		} else print }'
} >"$LOGS/hung2.txt"
check_eq "hung2.txt holds two reports" 2 \
	"$("$SPLATD" parse "$LOGS/hung2.txt" | jq '.reports | length')"

start_logserver
start_server --kcidb-fetch-allow "$LBASE/"
CI=$(token ci1 ci)
X="$LBASE/logs"

reports() {
	get "$BASE/api/v1/runs/maestro:$1" >/dev/null
	body '[.reports[].signature] | join(" ")'
}
occurrences() {
	sql "SELECT count(*) FROM occurrences o JOIN runs r ON r.id = o.run_id
		WHERE r.run_id = 'maestro:$1'"
}

files_doc "$TMP/same.json" same "$X/a.txt" "dmesg.txt=$X/a.txt"
post_kcidb "$CI" "$TMP/same.json" >/dev/null
check "the same console as log_url and dmesg.txt: stored" \
	eval 'wait_fetch maestro:same done >/dev/null'
check_eq "... its report once" "$SIGA" "$(reports same)"
check_eq "... one occurrence" 1 "$(occurrences same)"
check_eq "... the signature counts one occurrence" 1 \
	"$(sql "SELECT count(*) FROM occurrences o JOIN signatures s
		ON s.id = o.signature_id WHERE s.hash = '$SIGA'")"

files_doc "$TMP/two.json" two "$X/a.txt" "console.log=$X/b.txt"
post_kcidb "$CI" "$TMP/two.json" >/dev/null
check "another report in console.log: stored" \
	eval 'wait_fetch maestro:two done >/dev/null'
check_eq "... both reports, log_url's first" "$SIGA $SIGB" "$(reports two)"

files_doc "$TMP/hung.json" hung "$X/hung1.txt" "kmsg=$X/hung2.txt"
post_kcidb "$CI" "$TMP/hung.json" >/dev/null
check "a hung task once in log_url, twice in kmsg: stored" \
	eval 'wait_fetch maestro:hung done >/dev/null'
check_eq "... two reports (kmsg's two, log_url's one of them)" 2 \
	"$(occurrences hung)"
stop_server
finish
