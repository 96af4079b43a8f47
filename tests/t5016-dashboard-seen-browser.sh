#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5016-dashboard-seen-browser: when and where a signature was seen, as a
# triager of a CI farm reads it, in real headless Chromium
# (tests/browser/seen.mjs) against a real `splatd serve`: the overview's
# chart and a signature's first and last seen go by when the runs ran (a
# backfill of runs 40 and 10 days ago was one bar today, and "first seen"
# was today), saying when a backfilled first run came; a signature's page
# lists each tree with the commit, run, machine and kernel that first and
# last showed it (there was no such table: only counts by tree); the runs
# page shows a commit on one line, a hash by its first 12 digits and a
# name (git describe's, next-YYYYMMDD) whole, at 1280 and 390 pixels (a
# hash wrapped after 11 digits, a name was cut to 12 characters and wrapped
# at its dashes); tree, machine and commit names full of markup stay text.
# Screenshots: build/screenshots/seen-*.png.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

. tests/browser/lib.sh
need_browser

start_server --static "${STATIC:-static}"
CI=$(token ci1 ci)
MID=$(($(date +%s) / 86400 * 86400))
at() { echo $((MID - $1 * 86400 + 3600)); } # 01:00 UTC, N days ago
DESCRIBE=v6.13-rc3-00412-g1a2b3c4d5e6f
HASH=3f2b1c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b
NAMED=drm-tip-2026y-12m-05d-14h-32m-10s
post_log "$CI" "id=drm-40&machine=shard-dg2-7&tree=drm-tip&commit=$DESCRIBE&started_at=$(at 40)" \
	"$SEED" >/dev/null
post_log "$CI" "id=next-10&machine=kvm-x86_64-qemu-12&tree=linux-next&commit=$HASH&started_at=$(at 10)" \
	"$SEED" >/dev/null
post_log "$CI" "id=odd-5&machine=%3Cb%3Em%26m%3C%2Fb%3E&tree=%3Ci%3Et%26t%3C%2Fi%3E&commit=%3Cb%3Ec%26d%3C%2Fb%3E&started_at=$(at 5)" \
	"$SEED" >/dev/null
post_log "$CI" "id=drm-now&machine=shard-dg2-7&tree=drm-tip&commit=$NAMED" "$SEED" >/dev/null
SIG=$(body '.reports[0].signature_id')
# a run of a long kernel name, machine and lockdep line, as a CI farm's
post_log "$CI" "id=net-7&machine=ppc64le-power9-4&tree=net-next&commit=${HASH:0:40}&started_at=$(at 7)&kernel=6.0.0-rc6-CI_DRM_12164-ga1f63e144e54%2B" \
	"$CORPUS_REAL/016-inconsistent-5.1-tab-callerid-qp.log" >/dev/null
check "the seed's signature" test -n "$SIG"

SIG=$SIG DESCRIBE=$DESCRIBE HASH=$HASH NAMED=$NAMED \
	D40=$(date -u -d @"$(at 40)" +%F) D10=$(date -u -d @"$(at 10)" +%F) \
	D5=$(date -u -d @"$(at 5)" +%F) TODAY=$(date -u +%F) run_browser seen.mjs
stop_server
finish
