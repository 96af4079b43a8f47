#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5019-dashboard-occurrences-browser: a signature's occurrences as a
# triager reads them, in real headless Chromium
# (tests/browser/occurrences.mjs) against a real `splatd serve`: the
# latest occurrences come newest run first (a run backfilled after the
# others was listed first), "older occurrences" adds the older ones until
# every one is shown once (only the newest 5 could be seen), an occurrence
# whose text was not kept says so (it opened on an empty box); its
# kernels, trees, machines and tests show the 10 most seen and a button
# for all (100 rows of machines pushed the rest pages down); a
# regression's signatures say when they were first seen, by their runs'
# times, its timeline draws the days the runs ran, and no link yet is said
# (the line was empty).  Lock class names
# in the report text hold & < >; they stay text.  At 1280 and 390 pixels.
# Screenshots: build/screenshots/occurrences-*.png.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

. tests/browser/lib.sh
need_browser

start_server --static "${STATIC:-static}"
CI=$(token ci1 ci)
TRIAGER=$(token tri1 triager)
MID=$(($(date +%s) / 86400 * 86400))
at() { echo $((MID - $1 * 86400 + 3600)); } # 01:00 UTC, N days ago
# the seed on 4 runs 56 to 50 days ago, 8 runs 16, 14, ... 2 days ago,
# then a backfill of a run 30 days ago, which came last: 13 machines
for d in 56 54 52 50 16 14 12 10 8 6 4 2 30; do
	post_log "$CI" "id=run-$d&machine=shard-$d&tree=drm-tip&started_at=$(at "$d")" "$SEED" >/dev/null
done
SIG=$(body '.reports[0].signature_id')
N=$(sql "SELECT occurrences FROM signatures WHERE id = $SIG")
check_eq "13 runs of the seed" 13 "$(sql "SELECT count(DISTINCT run_id) FROM occurrences WHERE signature_id = $SIG")"
check "some texts were not kept" test "$(sql "SELECT texts_dropped FROM signatures WHERE id = $SIG")" -gt 0
check_eq "a regression of it" 201 "$(api POST /api/v1/regressions "$TRIAGER" \
	"{\"title\":\"seed & <friends>\",\"signatures\":[$SIG]}")"
REG=$(body .id)

SIG=$SIG REG=$REG N=$N D56=$(date -u -d @"$(at 56)" +%F) D2=$(date -u -d @"$(at 2)" +%F) \
	run_browser occurrences.mjs
stop_server
finish
