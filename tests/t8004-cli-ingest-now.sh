#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t8004-cli-ingest-now: `splatd ingest --now TIME` backfills a run as
# received at TIME, in the past or up to a day ahead of the clock (skew);
# a TIME more than a day ahead is refused with one line saying so, exit
# 2 as any bad option, and nothing is stored.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh

DB=$(new_db)
NOW=$(date +%s)
ingest() {
	"$SPLATD" ingest --db "$DB" --run-id "$1" --now "$2" "$SEED" \
		>"$TMP/out" 2>"$TMP/err"
}
ingest past 1780000000
check_eq "a time in the past is a backfill: stored" "0 1780000000" \
	"$? $(sql "SELECT received_at FROM runs WHERE run_id = 'past'")"
ingest skew $((NOW + 3600))
check_eq "an hour ahead (a clock's skew): stored" "0 1" \
	"$? $(sql "SELECT count(*) FROM runs WHERE run_id = 'skew'")"
ingest future $((NOW + 2 * 86400))
check_eq "two days ahead: refused, exit 2" 2 "$?"
check "... one line saying --now is too far ahead" \
	grep -q "^splatd ingest: --now $((NOW + 2 * 86400)) is [0-9]* s ahead of this machine's clock ([0-9]*); at most a day ahead is accepted$" "$TMP/err"
check_eq "... and nothing stored" "1 0" \
	"$(wc -l <"$TMP/err") $(sql "SELECT count(*) FROM runs WHERE run_id = 'future'")"
finish
