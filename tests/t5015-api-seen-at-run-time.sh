#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5015-api-seen-at-run-time: the dashboard counts and dates occurrences by
# the time of their run (its started_at when the runner gave one, else when
# it came), not by their arrival: a backfill of old runs is drawn on the
# days the runs ran, not as one spike today (the overview's per-day chart,
# its week, "new this week", a signature's histogram, the subsystems'
# trend); a signature's first_seen and last_seen are its first and last
# runs' times (first_received, last_received when they came), and the
# list sorts and filters (since=, first_seen_since=) by them.  A backfill
# after the overview counted the past days is counted at once.  Migration
# 23 gives stored signatures their runs' times.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

K=$TMP/k
minikernel "$K"
start_server --kernel-repo "$K"
CI=$(token ci1 ci)
MID=$(($(date +%s) / 86400 * 86400))
DAY=86400
at() { echo $((MID - $1 * DAY + 3600)); } # 01:00 UTC, N days ago
day() { date -u -d @"$(at "$1")" +%F; }
REC=$CORPUS_REAL/010-recursive-arm32-4.19-old-unwinder.log

# the seed ran 40 and 10 days ago, the recursive one 30 days ago but came
# last; all arrive now
post_log "$CI" "id=s-40&machine=m1&tree=t1&started_at=$(at 40)" "$SEED" >/dev/null
post_log "$CI" "id=s-10&machine=m2&tree=t2&started_at=$(at 10)" "$SEED" >/dev/null
post_log "$CI" "id=r-30&machine=m1&tree=t1&started_at=$(at 30)" "$REC" >/dev/null
SEEDID=$(sql "SELECT id FROM signatures WHERE culprit_function = 'coretemp_cpu_online'")
RECID=$(sql "SELECT id FROM signatures WHERE kind = 'recursive'")
NSEED=$(sql "SELECT count(*) FROM occurrences o JOIN runs r ON r.id = o.run_id WHERE r.run_id = 's-40'")
check "the seed gives occurrences" test "$NSEED" -ge 1

seen() { # ID: first_seen last_seen of signature ID
	get "$BASE/api/v1/signatures/$1" >/dev/null
	body '"\(.first_seen) \(.last_seen)"'
}
iso() { date -u -d @"$(at "$1")" +%Y-%m-%dT%H:%M:%SZ; }
check_eq "the seed: first and last seen are its runs' times" \
	"$(iso 40) $(iso 10)" "$(seen "$SEEDID")"
check_eq "the recursive one: its run's time" "$(iso 30) $(iso 30)" "$(seen "$RECID")"
check_eq "... and it came today" "$(date -u +%F)" "$(body '.last_received[0:10]')"

ids() { get "$BASE/api/v1/signatures?$1" >/dev/null; body '[.signatures[].id] | join(",")'; }
check_eq "sort=last_seen: by the last run, not the last arrival" \
	"$SEEDID,$RECID" "$(ids 'sort=last_seen')"
check_eq "sort=first_seen: by the first run" "$RECID,$SEEDID" "$(ids 'sort=first_seen')"
check_eq "since=20 days ago: the seed alone (the recursive one ran 30 days ago)" \
	"$SEEDID" "$(ids "since=$(day 20)")"
check_eq "first_seen_since=35 days ago: the recursive one alone" \
	"$RECID" "$(ids "first_seen_since=$(day 35)")"
check_eq "sort=last_seen, pages of 1: the cursor follows the runs' times" \
	"$RECID" "$(get "$BASE/api/v1/signatures?sort=last_seen&limit=1" >/dev/null
		ids "sort=last_seen&limit=1&cursor=$(body .next)")"

get "$BASE/api/v1/overview" >/dev/null
check_eq "overview: per day, on the days the runs ran; nothing today" \
	"$(day 40):$NSEED $(day 30):1 $(day 10):$NSEED" \
	"$(body '[.per_day[] | "\(.day):\(.count)"] | join(" ")')"
check_eq "overview: nothing new this week, nothing in its top" "0 0" \
	"$(body '"\(.new_week) \(.top_week | length)"')"

# a backfill of a run 60 days ago and one 3 days ago, after the overview
# counted the days before today; and a run now, without started_at
post_log "$CI" "id=s-60&machine=m3&tree=t1&started_at=$(at 60)" "$SEED" >/dev/null
post_log "$CI" "id=r-3&machine=m3&tree=t1&started_at=$(at 3)" "$REC" >/dev/null
post_log "$CI" "id=r-now&machine=m3&tree=t1" "$REC" >/dev/null
get "$BASE/api/v1/overview" >/dev/null
check_eq "overview: a backfill counts at once, on its days" \
	"$(day 60):$NSEED $(day 40):$NSEED $(day 30):1 $(day 10):$NSEED $(day 3):1 $(date -u +%F):1" \
	"$(body '[.per_day[] | "\(.day):\(.count)"] | join(" ")')"
check_eq "overview: the week's top, 3 days ago and today" "$RECID:2" \
	"$(body '[.top_week[] | "\(.id):\(.count)"] | join(" ")')"
check_eq "the seed: first seen moved back to the backfilled run" \
	"$(iso 60) $(iso 10)" "$(seen "$SEEDID")"
check_eq "the recursive one: last seen is now" "$(date -u +%F)" \
	"$(seen "$RECID" | cut -d' ' -f2 | cut -c1-10)"

get "$BASE/api/v1/signatures/$SEEDID/histogram?days=90" >/dev/null
check_eq "histogram: the seed on its runs' days" \
	"$(day 60) $(day 40) $(day 10)" "$(body '[.days[].day] | join(" ")')"
get "$BASE/api/v1/subsystems/trend?section=HARDWARE%20MONITORING" >/dev/null
# the week of a day N days ago starts 6 + 7 * (N / 7) days ago
check_eq "trend: the seed's weeks are those of its runs" \
	"$(date -u -d '62 days ago' +%F):$NSEED $(date -u -d '41 days ago' +%F):$NSEED $(date -u -d '13 days ago' +%F):$NSEED" \
	"$(body '[.subsystems[0].weeks[] | select(.occurrences > 0) | "\(.week):\(.occurrences)"] | join(" ")')"
stop_server

# a database from before migration 23: its signatures get their runs' times
schema_back 22 "$UNDO_27 $UNDO_26 $UNDO_25 $UNDO_24 $UNDO_23"
start_server --kernel-repo "$K"
check_eq "migration 23: the seed's runs' times" "$(iso 60) $(iso 10)" "$(seen "$SEEDID")"
check_eq "migration 23: the list by them" "$RECID,$SEEDID" "$(ids 'sort=last_seen')"
stop_server
finish
