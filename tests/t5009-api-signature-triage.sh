#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5009-api-signature-triage: what a triager does with signatures of the
# same title (three cycles "possible deadlock in coretemp_cpu_online" told
# apart by one lock class): a signature that is already a duplicate is not
# moved by a second merge (409 naming where it is merged; its root is the
# one to merge), and the target's history records what was merged into it;
# the search finds a signature by its hash or its first 6 digits or more;
# the list filters escalated ones and those first seen since a time, which
# are what the overview counts.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server
CI=$(token ci1 ci)
TRIAGER=$(token tri1 triager)
sed 's/bus_notifier/bus_notifier2/g' "$SEED" >"$TMP/seed2.txt"
sed 's/cpuhp_state-up/cpuhp_state-down/g' "$SEED" >"$TMP/seed3.txt"
ids=()
for f in "$SEED" "$TMP/seed2.txt" "$TMP/seed3.txt"; do
	post_log "$CI" "id=$(basename "$f")&machine=m1" "$f" >/dev/null
	ids+=("$(body '.reports[0].signature_id')")
done
A=${ids[0]} B=${ids[1]} C=${ids[2]}
check_eq "three signatures, one title" \
	"3 possible deadlock in coretemp_cpu_online" \
	"$(sql "SELECT count(DISTINCT id) || ' ' || min(title) FROM signatures")"

# the search box finds a signature by its hash, or 6 of its first digits
HC=$(sql "SELECT hash FROM signatures WHERE id = $C")
q() { get "$BASE/api/v1/signatures?duplicates=1&q=$1" >/dev/null; body '[.signatures[].id] | join(",")'; }
check_eq "q=the whole hash: that signature" "$C" "$(q "$HC")"
check_eq "q=its first 8 digits" "$C" "$(q "${HC:0:8}")"
check_eq "q=its first 6 digits, in capitals" "$C" "$(q "$(tr a-f A-F <<<"${HC:0:6}")")"
check_eq "q=a hash of none: none" "" "$(q 0000000000000000)"
check_eq "q=words still search the text" "$C" "$(q cpuhp_state-down)"

# escalated ones and new ones: list filters, and the overview's counts are
# those lists
sql "UPDATE signatures SET escalated_at = 1767225600, escalation_reason = 'x' WHERE id = $B"
# (first seen a month ago: its first run's time, which the list and the
# overview go by, and its arrival)
sql "UPDATE signatures SET first_seen = first_seen - 30 * 86400,
	first_run_at = first_run_at - 30 * 86400 WHERE id = $A"
ids() { get "$BASE/api/v1/signatures?$1" >/dev/null; body '[.signatures[].id] | sort | join(",")'; }
check_eq "escalated=1: the escalated one" "$B" "$(ids escalated=1)"
check_eq "escalated=0: any" 3 "$(get "$BASE/api/v1/signatures?escalated=0" >/dev/null; body '.signatures | length')"
check_eq "escalated=yes is 400" "400 escalated is 0 or 1" \
	"$(get "$BASE/api/v1/signatures?escalated=yes") $(body .detail)"
check_eq "a misspelt filter is 400 naming it, not the whole list" \
	"400 unknown query parameter 'escalted'" \
	"$(get "$BASE/api/v1/signatures?escalted=1") $(body .detail | cut -d' ' -f1-4)"
check_eq "... on the runs" "400 unknown query parameter 'machin' (this takes machine, limit and cursor)" \
	"$(get "$BASE/api/v1/runs?machin=m1") $(body .detail)"
check_eq "... and on the regressions" "400 unknown query parameter 'stauts' (this takes only status)" \
	"$(get "$BASE/api/v1/regressions?stauts=open") $(body .detail)"
check_eq "first_seen_since=a week ago: the two new ones" "$B,$C" \
	"$(ids "first_seen_since=$(date -u -d '7 days ago' +%Y-%m-%d)")"
check_eq "first_seen_since, combined with escalated=1" "$B" \
	"$(ids "first_seen_since=$(date -u -d '7 days ago' +%s)&escalated=1")"
check_eq "first_seen_since=2026-02-30 is 400" 400 \
	"$(get "$BASE/api/v1/signatures?first_seen_since=2026-02-30")"
get "$BASE/api/v1/overview" >/dev/null
NEW_SINCE=$(body .new_week_since)
check_eq "the overview's new this week is the list first seen since its new_week_since" \
	"$(body .new_week) $(body .escalated)" \
	"$(get "$BASE/api/v1/signatures?first_seen_since=$NEW_SINCE" >/dev/null; body '.signatures | length') $(ids escalated=1 | tr , '\n' | grep -c .)"

merge() { # merge ID INTO
	curl -s -o "$TMP/body" -w '%{http_code}' -X POST \
		-H "Authorization: Bearer $TRIAGER" -H 'Content-Type: application/json' \
		--data "{\"into\": $2}" "$BASE/api/v1/signatures/$1/merge"
}
check_eq "merge B into A" "200 $A" "$(merge "$B" "$A") $(body .duplicate_of)"
check_eq "merging B, a duplicate of A, into C is 409 and says where B is" \
	"409 signature $B is already a duplicate of signature $A and stays one; merge signature $A instead (its duplicates follow it)" \
	"$(merge "$B" "$C") $(body .detail)"
check_eq "... B did not move" "$A" \
	"$(get "$BASE/api/v1/signatures/$B" >/dev/null; body .duplicate_of)"
check_eq "... and nothing was recorded for it" 1 \
	"$(sql "SELECT count(*) FROM signature_events WHERE action = 'merge'")"
check_eq "merging B into A again is 409 too" 409 "$(merge "$B" "$A")"
get "$BASE/api/v1/signatures/$A" >/dev/null
check_eq "A's history: B merged into it, by whom" "merged_in $B tri1" \
	"$(body '.history[0] | "\(.action) \(.value) \(.actor)"')"
check_eq "merge A (the root) into C: B follows" "200 $C $C" \
	"$(merge "$A" "$C") $(body .duplicate_of) $(sql "SELECT duplicate_of FROM signatures WHERE id = $B")"
check_eq "C's history: A merged into it" "merged_in $A" \
	"$(get "$BASE/api/v1/signatures/$C" >/dev/null; body '.history[0] | "\(.action) \(.value)"')"

stop_server
finish
