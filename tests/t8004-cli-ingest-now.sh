#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t8004-cli-ingest-now: `splatd ingest --now TIME` backfills a run as
# received at TIME (any form of parsers/datetime.h), in the past or up to
# a day ahead of the clock (skew); a TIME more than a day ahead is refused
# with one line saying so, exit 2 as any bad option, and nothing is
# stored.
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
# --now takes every form of the one time parser (parsers/datetime.h), as
# a run's started_at does: a zone offset, a space for the T
ingest zoned "2026-06-27T22:26:39+02:00"
check_eq "an RFC 3339 time with a zone offset: stored at its UTC second" \
	"0 1782591999" "$? $(sql "SELECT received_at FROM runs WHERE run_id = 'zoned'")"
ingest spaced "2026-06-27 20:26"
check_eq "a day and a time without seconds, a space between: stored" \
	"0 1782591960" "$? $(sql "SELECT received_at FROM runs WHERE run_id = 'spaced'")"
ingest sloppy "2026-6-27"
check_eq "a one-digit month is no time: refused" 2 "$?"
ingest future $((NOW + 2 * 86400))
check_eq "two days ahead: refused, exit 2" 2 "$?"
check "... one line saying --now is too far ahead" \
	grep -q "^splatd ingest: --now $((NOW + 2 * 86400)) is [0-9]* s ahead of this machine's clock ([0-9]*); at most a day ahead is accepted$" "$TMP/err"
check_eq "... and nothing stored" "1 0" \
	"$(wc -l <"$TMP/err") $(sql "SELECT count(*) FROM runs WHERE run_id = 'future'")"
finish
