#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5006-api-signature-filters: GET /api/v1/signatures filters by tree and
# machine (where a signature was seen) and by subsystem (a MAINTAINERS
# section owning it, in a test-built kernel repo), each combined with the
# others, the sort and the cursor; merged duplicates left out on asking; the
# overview's week and day counts, cached for past days, live for today.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

K=$TMP/k
minikernel "$K"
start_server --kernel-repo "$K"
CI=$(token ci1 ci)
TRIAGER=$(token tri1 triager)

post_log "$CI" "id=r-1&machine=m1&tree=drm-tip" "$SEED" >/dev/null
post_log "$CI" "id=r-2&machine=m2&tree=linux-next" "$SEED" >/dev/null
post_log "$CI" "id=r-3&machine=m2&tree=linux-next" \
	"$CORPUS_REAL/010-recursive-arm32-4.19-old-unwinder.log" >/dev/null
post_log "$CI" "id=r-4&machine=m3" \
	"$CORPUS_REAL/019-irq-inversion-arm64-5.15-openwrt.log" >/dev/null
SEEDID=$(sql "SELECT id FROM signatures WHERE culprit_function = 'coretemp_cpu_online'")
RECID=$(sql "SELECT id FROM signatures WHERE kind = 'recursive'")
check "three signatures stored" test "$(sql 'SELECT count(*) FROM signatures')" -ge 3

# ids QUERY: the ids listed by GET /api/v1/signatures?QUERY, sorted
ids() {
	local st
	st=$(get "$BASE/api/v1/signatures?$1")
	[ "$st" = 200 ] || { echo "HTTP $st $(cat "$TMP/body")"; return; }
	body '[.signatures[].id] | sort | join(",")'
}

check_eq "tree=drm-tip: the seed" "$SEEDID" "$(ids tree=drm-tip)"
check_eq "tree=linux-next: the seed and the recursive one" \
	"$(printf '%s\n' "$SEEDID" "$RECID" | sort -n | paste -sd,)" \
	"$(ids tree=linux-next)"
check_eq "tree=nosuch: none" "" "$(ids tree=nosuch)"
check_eq "machine=m1: the seed" "$SEEDID" "$(ids machine=m1)"
check_eq "machine=m2&kind=recursive: the recursive one" "$RECID" \
	"$(ids 'machine=m2&kind=recursive')"
check_eq "machine=m1&tree=linux-next: the seed (each filter is where it was seen, in any run)" \
	"$SEEDID" "$(ids 'machine=m1&tree=linux-next')"
check_eq "machine=m3&tree=drm-tip: none" "" "$(ids 'machine=m3&tree=drm-tip')"
check_eq "tree=linux-next&status=triaged: none yet" "" \
	"$(ids 'tree=linux-next&status=triaged')"
check_eq "tree=linux-next, one a page: a cursor to the next" 1 \
	"$(get "$BASE/api/v1/signatures?tree=linux-next&limit=1" >/dev/null; body '.signatures | length')"
NEXT=$(body .next)
check_eq "... the next page has the other one" 1 \
	"$(get "$BASE/api/v1/signatures?tree=linux-next&limit=1&cursor=$NEXT" >/dev/null; body '.signatures | length')"
check_eq "a tree name longer than 256 bytes is 400" 400 \
	"$(get "$BASE/api/v1/signatures?tree=$(printf 'x%.0s' $(seq 300))")"
check_eq "a machine name with quotes and markup is only a value" "" \
	"$(ids "machine=%27%20OR%201%3D1%20--%3Cb%3E")"

S="CORETEMP%20HARDWARE%20MONITORING%20DRIVER"
check_eq "subsystem=CORETEMP...: the seed" "$SEEDID" "$(ids "subsystem=$S")"
check_eq "subsystem with tree=drm-tip: the seed" "$SEEDID" \
	"$(ids "subsystem=$S&tree=drm-tip")"
check_eq "subsystem with machine=m3: none" "" "$(ids "subsystem=$S&machine=m3")"
check_eq "subsystem with kind=recursive: none" "" \
	"$(ids "subsystem=$S&kind=recursive")"
check_eq "subsystem with q=coretemp: the seed" "$SEEDID" \
	"$(ids "subsystem=$S&q=coretemp")"
check_eq "subsystem with q=nosuch: none" "" "$(ids "subsystem=$S&q=nosuch")"
check_eq "subsystem with status=new: the seed" "$SEEDID" \
	"$(ids "subsystem=$S&status=new")"
check_eq "subsystem with status=known: none" "" \
	"$(ids "subsystem=$S&status=known")"
check_eq "subsystem=nosuch: none" "" "$(ids subsystem=nosuch)"

# the overview's week: today (counted on each request) and the 6 days before
# (counted once a day, and again after a backfill), by the runs' times:
# runs that ran in the past, posted before the first request
IRQID=$(sql "SELECT id FROM signatures WHERE kind = 'irq_inversion'")
D3=$(( $(date +%s) / 86400 * 86400 - 3 * 86400 + 600 ))
D10=$(( D3 - 7 * 86400 ))
for i in 1 2 3 4 5; do
	post_log "$CI" "id=r-d3-$i&machine=m2&tree=linux-next&started_at=$D3" \
		"$CORPUS_REAL/010-recursive-arm32-4.19-old-unwinder.log" >/dev/null
done
post_log "$CI" "id=r-d10&machine=m3&started_at=$D10" \
	"$CORPUS_REAL/019-irq-inversion-arm64-5.15-openwrt.log" >/dev/null
check_eq "overview: 200" 200 "$(get "$BASE/api/v1/overview")"
check_eq "overview: the week starts 6 days before today (UTC)" \
	"$(date -u -d '6 days ago' +%F)T00:00:00Z" "$(body .week_since)"
check_eq "overview: the week's top, past days and today added up" \
	"$RECID:6 $SEEDID:2 $IRQID:1" \
	"$(body '[.top_week[] | "\(.id):\(.count)"] | join(" ")')"
check_eq "overview: per day, the past ones too" \
	"$(date -u -d @"$D10" +%F):1 $(date -u -d @"$D3" +%F):5 $(date -u +%F):4" \
	"$(body '[.per_day[] | "\(.day):\(.count)"] | join(" ")')"
post_log "$CI" "id=r-5&machine=m1&tree=drm-tip" "$SEED" >/dev/null
post_log "$CI" "id=r-6&machine=m1&tree=drm-tip" "$SEED" >/dev/null
get "$BASE/api/v1/overview" >/dev/null
check_eq "overview: today's new occurrences count at once" \
	"$RECID:6 $SEEDID:4 $IRQID:1" \
	"$(body '[.top_week[] | "\(.id):\(.count)"] | join(" ")')"
check_eq "overview: and today's bar" "$(date -u +%F):6" \
	"$(body '.per_day[-1] | "\(.day):\(.count)"')"

# the subsystems' trend: open signatures and occurrences per week
check_eq "trend: 200" 200 "$(get "$BASE/api/v1/subsystems/trend")"
cp "$TMP/body" "$TMP/trend-all"
check_eq "trend: 12 weeks a section, the last one ending today" \
	"12 $(date -u -d '6 days ago' +%F)" \
	"$(body '.subsystems[0].weeks | "\(length) \(.[-1].week)"')"
check_eq "trend: CORETEMP this week: the seed, its 4 occurrences" "1 4" \
	"$(body '.subsystems[] | select(.name == "CORETEMP HARDWARE MONITORING DRIVER") | .weeks[-1] | "\(.open_signatures) \(.occurrences)"')"
check_eq "trend: CORETEMP before: nothing" 0 \
	"$(body '[.subsystems[] | select(.name == "CORETEMP HARDWARE MONITORING DRIVER") | .weeks[:-1][] | .occurrences] | add')"
check_eq "trend: every section of the list is there" \
	"$(get "$BASE/api/v1/subsystems" >/dev/null; body '[.subsystems[].name] | sort | join("|")')" \
	"$(jq -r '[.subsystems[].name] | sort | join("|")' "$TMP/trend-all")"
check_eq "trend: one section, 4 weeks" \
	"HARDWARE MONITORING 4 1 4" \
	"$(get "$BASE/api/v1/subsystems/trend?weeks=4&section=HARDWARE%20MONITORING" >/dev/null
	   body '.subsystems[] | "\(.name) \(.weeks | length) \(.weeks[-1].open_signatures) \(.weeks[-1].occurrences)"')"
check_eq "trend: an unknown section is all zeros" "nosuch 0" \
	"$(get "$BASE/api/v1/subsystems/trend?section=nosuch" >/dev/null
	   body '.subsystems[] | "\(.name) \([.weeks[].occurrences] | add)"')"
check_eq "trend: weeks=0 is 400" 400 "$(get "$BASE/api/v1/subsystems/trend?weeks=0")"
check_eq "trend: weeks=53 is 400" 400 "$(get "$BASE/api/v1/subsystems/trend?weeks=53")"

# a merged duplicate is listed unless duplicates=0
curl -s -o /dev/null -X POST -H "Authorization: Bearer $TRIAGER" \
	-H 'Content-Type: application/json' -d "{\"into\": $SEEDID}" \
	"$BASE/api/v1/signatures/$RECID/merge"
check_eq "the recursive one is merged into the seed" "$SEEDID" \
	"$(sql "SELECT duplicate_of FROM signatures WHERE id = $RECID")"
check "tree=linux-next&duplicates=1 lists the duplicate" \
	grep -qx "$(printf '%s\n' "$SEEDID" "$RECID" | sort -n | paste -sd,)" \
	<(ids 'tree=linux-next&duplicates=1')
check_eq "tree=linux-next&duplicates=0 leaves it out" "$SEEDID" \
	"$(ids 'tree=linux-next&duplicates=0')"
check_eq "... and so does the default (issue 17: hidden unless asked)" \
	"$SEEDID" "$(ids 'tree=linux-next')"
check_eq "duplicates=2 is 400" 400 "$(get "$BASE/api/v1/signatures?duplicates=2")"

# the places come from ingest, once per run and signature
check_eq "one place row per distinct tree and machine of each signature" \
	"$(sql "SELECT count(*) FROM (SELECT DISTINCT 'tree', r.tree, o.signature_id FROM occurrences o JOIN runs r ON r.id = o.run_id WHERE r.tree IS NOT NULL UNION SELECT DISTINCT 'machine', r.machine, o.signature_id FROM occurrences o JOIN runs r ON r.id = o.run_id WHERE r.machine IS NOT NULL) AS places")" \
	"$(sql 'SELECT count(*) FROM signature_places')"
finish
