#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5013-api-runs-time-order: the runs lists are in the order of each run's
# own time, its started_at when that is a time (unix seconds, a date, an
# ISO 8601 time with or without a zone; never later than it was received),
# else when it was received, newest first: a run backfilled with `splatd
# ingest --now` or POSTed late with a past started_at is listed at its
# time, not at its arrival (it was listed first before).  The cursor goes
# through runs of one time exactly (every run once, none skipped, pages
# in the order of the whole list), with the machine filter too; a bad
# cursor is 400; the cursor of older versions (a rowid) still works.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

NOW=$(date +%s)
DAY=86400
# backfilled before the server starts: 10 and 20 days ago, by their
# received time (--now)
"$SPLATD" ingest --db "$DB" --run-id back-10 --machine m1 \
	--now $((NOW - 10 * DAY)) "$SEED" >/dev/null 2>&1
"$SPLATD" ingest --db "$DB" --run-id back-20 --machine m2 \
	--now $((NOW - 20 * DAY)) "$SEED" >/dev/null 2>&1
start_server
CI=$(token ci1 ci)
printf '<6>[    0.000000] Linux version 6.2.0\n' >"$TMP/clean.txt"
post_log "$CI" "id=now-1&machine=m1" "$TMP/clean.txt" >/dev/null
# posted late: started 3 days ago (an ISO time with a zone), 15 days ago
# (unix seconds), 5 days ago (a date)
ISO3=$(date -u -d @$((NOW - 3 * DAY)) +%Y-%m-%dT%H:%M:%S.250+00:00)
post_log "$CI" "id=late-3&machine=m1&started_at=$(printf %s "$ISO3" | jq -sRr @uri)" \
	"$TMP/clean.txt" >/dev/null
post_log "$CI" "id=late-15&machine=m2&started_at=$((NOW - 15 * DAY))" "$TMP/clean.txt" >/dev/null
post_log "$CI" "id=late-5&machine=m1&started_at=$(date -u -d @$((NOW - 5 * DAY)) +%F)" \
	"$TMP/clean.txt" >/dev/null
# started_at that is not a time, or later than it came: its received time
post_log "$CI" "id=odd-words&machine=m1&started_at=yesterday" "$TMP/clean.txt" >/dev/null
post_log "$CI" "id=odd-future&machine=m1&started_at=$((NOW + 90 * DAY))" "$TMP/clean.txt" >/dev/null
# a clock never set (0, 1970): no time either; unix seconds with a
# fraction are a time
post_log "$CI" "id=odd-epoch&machine=m1&started_at=0" "$TMP/clean.txt" >/dev/null
post_log "$CI" "id=odd-1970&machine=m1&started_at=1970-01-01T00:00:05Z" "$TMP/clean.txt" >/dev/null
post_log "$CI" "id=late-7&machine=m1&started_at=$((NOW - 7 * DAY)).5" "$TMP/clean.txt" >/dev/null

ids() { jq -r '[.runs[].id] | join(" ")' "$TMP/body"; }
get "$BASE/api/v1/runs" >/dev/null
ALL=$(ids)
check_eq "the list is by time, newest first: the runs of now first (newest arrival first)" \
	"odd-1970 odd-epoch odd-future odd-words now-1" "$(echo "$ALL" | cut -d' ' -f1-5)"
check_eq "then the late and backfilled ones by their time" \
	"late-3 late-5 late-7 back-10 late-15 back-20" "$(echo "$ALL" | cut -d' ' -f6-)"
check_eq "a run says its time and what it is" \
	"$(date -u -d @$((NOW - 3 * DAY)) +%Y-%m-%dT%H:%M:%SZ) started_at" \
	"$(jq -r '.runs[] | select(.id == "late-3") | .time + " " + .time_is' "$TMP/body")"
check_eq "a backfilled run's time is when it was received" \
	"received_at" "$(jq -r '.runs[] | select(.id == "back-10") | .time_is' "$TMP/body")"
check_eq "started_at that is no time, in the future or a clock never set: when received" \
	"received_at received_at received_at received_at" \
	"$(jq -r '[.runs[] | select(.id | startswith("odd-")) | .time_is] | join(" ")' "$TMP/body")"
check_eq "the overview's latest runs (limit=3) are the newest by time" \
	"odd-1970 odd-epoch odd-future" \
	"$(get "$BASE/api/v1/runs?limit=3" >/dev/null && ids)"

# pages of 1, 2 and 3 give the whole list exactly, in its order
pages() { # QUERY LIMIT
	local next='' out='' n=0
	while :; do
		get "$BASE/api/v1/runs?$1limit=$2${next:+&cursor=$next}" >/dev/null
		out="$out $(ids)"
		next=$(body '.next // empty')
		n=$((n + 1))
		[ -n "$next" ] && [ $n -lt 100 ] || break
	done
	echo "$out" | tr -s ' ' | sed 's/^ //; s/ $//'
}
for l in 1 2 3; do
	check_eq "pages of $l: the whole list, each run once, in order" "$ALL" "$(pages '' $l)"
done

# 7 runs of one time (started at the same second): across pages of 2, 3
ST=$((NOW - 7 * DAY))
for i in 1 2 3 4 5 6 7; do
	post_log "$CI" "id=same-$i&machine=m3&started_at=$ST" "$TMP/clean.txt" >/dev/null
done
get "$BASE/api/v1/runs?limit=500" >/dev/null
ALL=$(ids)
check_eq "runs of one time are all listed, newest arrival first" \
	"same-7 same-6 same-5 same-4 same-3 same-2 same-1" \
	"$(echo "$ALL" | tr ' ' '\n' | grep '^same-' | tr '\n' ' ' | sed 's/ $//')"
for l in 1 2 3 4; do
	check_eq "equal times, pages of $l: each run once, none skipped" "$ALL" "$(pages '' $l)"
done
get "$BASE/api/v1/runs?machine=m3&limit=500" >/dev/null
M3=$(ids)
check_eq "the machine filter, pages of 2: exact too" "$M3" "$(pages 'machine=m3&' 2)"
check_eq "... and holds the 7 runs of m3" 7 "$(echo "$M3" | wc -w)"
get "$BASE/api/v1/runs?machine=m2&limit=500" >/dev/null
check_eq "m2's runs by time" "late-15 back-20" "$(ids)"

# cursors (0 alone is the first page: t5022)
for c in '' x 1.2.3 -5.3 5. .5 '5.-1' '5.+3' '+5' ' 5' '1e3' '0.0' '5.0' \
	99999999999999999999.1 1.99999999999999999999; do
	check_eq "cursor '$c' is refused" 400 \
		"$(get "$BASE/api/v1/runs?cursor=$(printf %s "$c" | jq -sRr @uri)")"
done
check "the refusal says so" grep -q 'bad cursor' "$TMP/body"
# the cursor of older versions: a rowid, the runs after that run
ROWID=$(sql "SELECT id FROM runs WHERE run_id = 'late-5'")
get "$BASE/api/v1/runs?cursor=$ROWID&limit=500" >/dev/null
check_eq "an older cursor (a rowid) lists the runs after that run" \
	"${ALL#* late-5 }" "$(ids)"
stop_server

# a database from before migration 20 (no run_at): serve gives its runs
# their own time on both backends, the same list as above (migrations 21
# and 22's columns go too: they run again after 20)
schema_back 19 "$UNDO_27 $UNDO_26 $UNDO_25 $UNDO_24 $UNDO_23 $UNDO_22 $UNDO_21
DROP INDEX runs_time; ALTER TABLE runs DROP COLUMN run_at;"
start_server
get "$BASE/api/v1/runs?limit=500" >/dev/null
check_eq "migration 20 gives stored runs their own time" "$ALL" "$(ids)"
stop_server
finish
