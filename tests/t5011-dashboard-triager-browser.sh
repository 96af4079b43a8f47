#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5011-dashboard-triager-browser: what a triager reads on the dashboard, in
# real headless Chromium (tests/browser/triager.mjs) against a real `splatd
# serve` with a git tree: a regression whose introducing commit is unknown
# shows the range its suspects were looked for in (never "[object
# Object]"); the fix a maintainer named by mail is shown with who named it
# and when; merging a duplicate elsewhere is refused in the page, and the
# target's history shows what was merged into it; signatures of one title
# are told apart by their hashes (and the lock class only one has) in the
# list, the overview's most seen and "sharing an edge"; the overview's
# "escalated" and "new this week" link to those lists; no arrow label of
# the lock graph is under a node; times are UTC; the timeline says when it
# draws only the newest occurrences; no server path is shown to a reader
# without a token; a run's page says it reopened a regression.  Screenshots go to build/screenshots/triager-*.png.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

. tests/browser/lib.sh
need_browser

. tests/http/coretemp.sh
coretemp_start --static "${STATIC:-static}"
check_eq "a regression without introduced" 201 \
	"$(api POST /api/v1/regressions "$TRIAGER" "{\"title\":\"coretemp hotplug\",\"signatures\":[\"$SIG\"]}")"
REG=$(body .id)
# 21 more occurrences of the seed: more than a regression's timeline holds
for i in $(seq 1 21); do
	post_log "$CI" "id=again-$i&commit=$(sha bad)&machine=m1&tree=mainline" "$SEED" >/dev/null
done
# two more cycles of the same title, told apart by one lock class; B is
# merged into the seed's
sed 's/bus_notifier/bus_notifier2/g' "$SEED" >"$TMP/seed2.txt"
sed 's/cpuhp_state-up/cpuhp_state-down/g' "$SEED" >"$TMP/seed3.txt"
post_log "$CI" "id=b-1&machine=m2&tree=mainline" "$TMP/seed2.txt" >/dev/null
B=$(body '.reports[0].signature_id')
post_log "$CI" "id=c-1&machine=m2&tree=mainline" "$TMP/seed3.txt" >/dev/null
C=$(body '.reports[0].signature_id')
check_eq "B is merged into the seed's" 200 \
	"$(api POST "/api/v1/signatures/$B/merge" "$TRIAGER" "{\"into\": $SIGID}")"
# D: the seed's cycle with one very long class name (a wide, tall node)
sed 's/&(&priv->bus_notifier)->rwsem/\&(\&drm_atomic_helper_commit_tail_rpm_very_long_structure_member_name->intermediate_container_of_things)->rwsem_of_the_display_engine_pipeline_state_machine/g' \
	"$SEED" >"$TMP/seed4.txt"
post_log "$CI" "id=d-1&machine=m3&tree=mainline" "$TMP/seed4.txt" >/dev/null
D=$(body '.reports[0].signature_id')
# C is escalated
sql "UPDATE signatures SET escalated_at = 1767225600, escalation_reason = 'seen on 3 machines' WHERE id = $C"
# a maintainer's reply names the fix to expect; it lands and the splat
# comes back on it (run reopen-1)
coretemp_name_fix
coretemp_fix_lands

TRIAGER=$TRIAGER REG=$REG SIGID=$SIGID SIG=$SIG BAD=$(sha bad) BASE_SHA=$(sha base) \
	R=$R B=$B C=$C D=$D FIX=$FIX GR=$GR run_browser triager.mjs
stop_server
finish
