#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5018-api-newest-by-run-time: what the dashboard calls newest or latest
# goes by when the runs ran, not by when they came: a run backfilled after
# the others (an old started_at, posted last) is not the signature's latest
# occurrence, nor its list row's last kernel, nor the newest of a
# regression's timeline; the latest occurrences page on by run time; first
# and last seen by tree (signature_trees, migration 25) are the same
# whether ingest kept them or the migration built them from the runs.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server
CI=$(token ci1 ci)
TRIAGER=$(token tri triager)
MID=$(($(date +%s) / 86400 * 86400))
at() { echo $((MID - $1 * 86400 + 3600)); } # 01:00 UTC, N days ago
iso() { date -u -d @"$(at "$1")" +%Y-%m-%dT%H:%M:%SZ; }
# the same splat on another kernel build (its "Not tainted" line)
sed 's/CI_DRM_12164/CI_DRM_11111/g' "$SEED" >"$TMP/old.txt"
sed 's/CI_DRM_12164/CI_DRM_12000/g' "$SEED" >"$TMP/mid.txt"

# ran 10 days ago on t1, then 20 days ago on t2; last came a backfill of
# a run 40 days ago on t1, on the oldest kernel
post_log "$CI" "id=new&machine=m1&tree=t1&started_at=$(at 10)" "$SEED" >/dev/null
SIG=$(body '.reports[0].signature_id')
post_log "$CI" "id=mid&machine=m2&tree=t2&started_at=$(at 20)" "$TMP/mid.txt" >/dev/null
post_log "$CI" "id=old&machine=m3&tree=t1&started_at=$(at 40)" "$TMP/old.txt" >/dev/null
N=$(sql "SELECT count(*) FROM occurrences o JOIN runs r ON r.id = o.run_id WHERE r.run_id = 'new'")
check "the seed gives occurrences" test "$N" -ge 1

get "$BASE/api/v1/signatures/stats?ids=$SIG" >/dev/null
check_eq "the list's last kernel: the newest run's, not the backfill's" \
	"6.0.0-rc6-CI_DRM_12164-ga1f63e144e54+" "$(body '.signatures[0].last_kernel')"
check_eq "... and its three machines" 3 "$(body '.signatures[0].machines')"

get "$BASE/api/v1/signatures/$SIG/occurrences?limit=1" >/dev/null
check_eq "the latest occurrence: the newest run's" "new $(iso 10)" \
	"$(body '"\(.occurrences[0].run) \(.occurrences[0].seen)"')"
# all of them, one a page: by run time, each page after the last
runs=() cursor=
for _ in $(seq 1 $((3 * N + 1))); do
	get "$BASE/api/v1/signatures/$SIG/occurrences?limit=1${cursor:+&cursor=$cursor}" >/dev/null
	runs+=("$(body '.occurrences[0].run // empty')")
	cursor=$(body '.next // empty')
	[ -n "$cursor" ] || break
done
want=$( (for r in new mid old; do for _ in $(seq 1 "$N"); do echo $r; done; done) | paste -sd' ')
check_eq "pages of one: every occurrence once, newest run first" \
	"$want" "$(echo "${runs[@]}" | xargs)"
get "$BASE/api/v1/signatures/$SIG/occurrences?limit=$((2 * N))" >/dev/null
check_eq "a page of two runs' occurrences" "new mid" \
	"$(body '[.occurrences[].run] | unique_by(.) | sort | reverse | join(" ")')"
OLDEST=$(sql "SELECT min(id) FROM occurrences")
check_eq "an id alone (an older page's next): the ones stored before it" \
	"200 0" "$(get "$BASE/api/v1/signatures/$SIG/occurrences?cursor=$OLDEST") $(body '.occurrences | length')"
check_eq "a cursor that is no cursor" 400 \
	"$(get "$BASE/api/v1/signatures/$SIG/occurrences?cursor=12.x")"

HASH=$(sql "SELECT hash FROM signatures WHERE id = $SIG")
check_eq "a regression of it" 201 "$(api POST /api/v1/regressions "$TRIAGER" \
	"{\"title\":\"r\",\"signatures\":[\"$HASH\"]}")"
REG=$(body .id)
get "$BASE/api/v1/regressions/$REG" >/dev/null
check_eq "the regression's timeline: newest run first, at its time" \
	"new $(iso 10)" "$(body '"\(.signatures[0].timeline[0].run) \(.signatures[0].timeline[0].ts)"')"
check_eq "... the backfill last" "old $(iso 40)" \
	"$(body '"\(.signatures[0].timeline[-1].run) \(.signatures[0].timeline[-1].ts)"')"
check_eq "... its signature first and last seen by its runs" \
	"$(iso 40) $(iso 10)" "$(body '"\(.signatures[0].first_seen) \(.signatures[0].last_seen)"')"

trees() {
	get "$BASE/api/v1/signatures/$SIG" >/dev/null
	body '[.trees[] | "\(.tree):\(.occurrences):\(.first.run)@\(.first.at):\(.first.kernel):\(.last.run)@\(.last.at):\(.last.kernel)"] | join(" ")'
}
T1="t1:$((2 * N)):old@$(iso 40):6.0.0-rc6-CI_DRM_11111-ga1f63e144e54+:new@$(iso 10):6.0.0-rc6-CI_DRM_12164-ga1f63e144e54+"
T2="t2:$N:mid@$(iso 20):6.0.0-rc6-CI_DRM_12000-ga1f63e144e54+:mid@$(iso 20):6.0.0-rc6-CI_DRM_12000-ga1f63e144e54+"
check_eq "by tree: first and last runs by their time, most seen first" \
	"$T1 $T2" "$(trees)"
# a run without a tree, on the newest day
post_log "$CI" "id=none&machine=m1&started_at=$(at 5)" "$SEED" >/dev/null
T0="null:$N:none@$(iso 5):6.0.0-rc6-CI_DRM_12164-ga1f63e144e54+:none@$(iso 5):6.0.0-rc6-CI_DRM_12164-ga1f63e144e54+"
check_eq "... a run that named no tree: tree null" "$T1 $T0 $T2" "$(trees)"
BEFORE=$(trees)
check_eq "signature_trees counts every occurrence once" \
	"$(sql 'SELECT count(*) FROM occurrences')" \
	"$(sql 'SELECT sum(occurrences) FROM signature_trees')"
stop_server

# a database from before migration 25: the migration builds the trees
schema_back 24 "$UNDO_27 $UNDO_26 $UNDO_25"
start_server
check_eq "migration 25: the same trees" "$BEFORE" "$(trees)"
stop_server
finish
