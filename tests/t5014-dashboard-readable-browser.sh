#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5014-dashboard-readable-browser: what a triager could not read on the
# dashboard, in real headless Chromium (tests/browser/readable.mjs) against
# a real `splatd serve`: a regression of 3 occurrences on 3 days 12 days
# ago draws them in the middle of its timeline, whose axis ends with its
# bars (they were 3 thin bars at the left end of an axis to today);
# signatures of one title whose distinguishing lock classes share a long
# prefix show where the classes differ (the rows showed the same cut
# prefix), and a recursive one names its one class once (twice before);
# a run whose only sign of lockdep is its report (a hung task's lock dump)
# says lockdep was on (it said "no sign it was on");
# the runs page lists runs by their time, a run POSTed late with
# a past started_at and one backfilled with `splatd ingest --now` below the
# runs of now (they were first: arrival order) and says when a run
# started; at 390 pixels no page is wider than the screen (a long held
# lock class widened it), no table scrolls sideways (the owners' frames
# did), the charts' labels are readable (5 px high before), the empty
# runs list says what it looked for; a run's page says "not given" for
# what the run did not say; a page opened from a link with the keyboard
# has the focus in its main part (it was on nothing); a stale link says
# "Not found" and links its list; an empty service says no run has come
# yet and where CI sends them (it drew an empty chart and "none"s), and
# each empty list says so.  Screenshots: build/screenshots/readable-*.png.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

. tests/browser/lib.sh
need_browser

NOW=$(date +%s)
DAY=86400
# the regression's signature: 3 occurrences, one a day, 12 to 10 days ago
# (backfilled before the server starts)
for d in 12 11 10; do
	"$SPLATD" ingest --db "$DB" --run-id "few-$d" --machine m1 \
		--now $((NOW - d * DAY)) "$DATA/long-class-circular.log" >/dev/null 2>&1
done
minikernel "$TMP/kernel"
start_server --static "${STATIC:-static}" --kernel-tree "$TMP/kernel"
CI=$(token ci1 ci)
TRIAGER=$(token tri1 triager)
check_eq "the signature of 3 occurrences" 3 \
	"$(sql "SELECT occurrences FROM signatures WHERE title LIKE '%probe_b%'")"
FEW=$(sql "SELECT id FROM signatures WHERE title LIKE '%probe_b%'")
check_eq "a regression of it" 201 "$(curl -s -o "$TMP/body" -w '%{http_code}' \
	-H "Authorization: Bearer $TRIAGER" -H 'Content-Type: application/json' \
	--data-binary "{\"title\": \"few & <rare>\", \"signatures\": [$FEW]}" \
	"$BASE/api/v1/regressions")"
REG=$(body .id)

# two cycles of that title told apart by classes of one long prefix
LONG='drm_atomic_helper_commit_tail_rpm_pipeline_state'
for v in alpha beta; do
	sed "s/bus_notifier/${LONG}_$v/g" "$SEED" >"$TMP/$v.txt"
	post_log "$CI" "id=long-$v&machine=m2" "$TMP/$v.txt" >/dev/null
done
ALPHA=$(body '.reports[0].signature_id')
# two recursive locking reports of one title, each of its one class twice
# (the chain is [A, A]): the list names that class once (it said "with
# ...tree_lock, ...tree_lock")
REC=tests/data/routing/heldout/h18-recursive-hfs-find-init-syzbot.log
post_log "$CI" "id=rec-1&machine=m2" "$REC" >/dev/null
sed 's/&tree->tree_lock/\&tree->node_lock/g' "$REC" >"$TMP/rec2.log"
post_log "$CI" "id=rec-2&machine=m2" "$TMP/rec2.log" >/dev/null
# a hung task's lock dump, no boot banner: the report is lockdep's, a sign
post_log "$CI" "id=hung-1&machine=m2" \
	tests/data/routing/heldout/h07-hung-task-nbd-syzbot-5.15.log >/dev/null
check_eq "the hung task run: 1 report, no lockdep_on, not turned off" \
	"1 null null" "$(body '"\(.run.reports) \(.run.lockdep_on) \(.run.lockdep_off)"')"
check_eq "two recursive signatures of one title" 2 \
	"$(sql "SELECT count(*) FROM signatures WHERE title = 'possible deadlock in hfs_find_init'")"
# runs: two of now, then one POSTed late (started 2 days ago), then one
# backfilled with --now 5 days ago while the server runs
printf '<6>[    0.000000] Linux version 6.2.0\n' >"$TMP/clean.txt"
post_log "$CI" "id=now-1&machine=m3" "$TMP/clean.txt" >/dev/null
post_log "$CI" "id=now-2&machine=m3" "$TMP/clean.txt" >/dev/null
post_log "$CI" "id=late-2d&machine=m3&started_at=$(date -u -d @$((NOW - 2 * DAY)) +%Y-%m-%dT%H:%M:%SZ)" \
	"$TMP/clean.txt" >/dev/null
"$SPLATD" ingest --db "$DB" --run-id back-5d --machine m3 \
	--now $((NOW - 5 * DAY)) "$TMP/clean.txt" >/dev/null
check_eq "a run backfilled while the server runs" 1 \
	"$(sql "SELECT count(*) FROM runs WHERE run_id = 'back-5d'")"

REG=$REG LONG=$LONG FEW=$FEW ALPHA=$ALPHA run_browser readable.mjs
stop_server

# a service nothing has been sent to yet
DB=$(new_db empty)
start_server --static "${STATIC:-static}"
EMPTY=1 run_browser readable.mjs
stop_server
finish
