#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6025-escalate: the #6641 trap.  The seed signature, marked known, still
# fires on 6 machines 30 days later: it escalates once (reason in its
# history and in the API), goes first in the next digests, and one
# escalation mail goes To: the owners of the culprit edge (coretemp, hwmon)
# and Cc: the others (iommu); not again within the week, then again in the
# same thread.  A muted signature does not escalate; one muted "until
# escalating" does and its mute ends; a spike on one machine escalates, a
# few occurrences do not; the recipient cap holds.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
. tests/mail/lib.sh
. tests/mail/digest-lib.sh

K=$TMP/k
minikernel "$K"
T0=1780000000
DAY=86400
HASH=e747893647d274c1

# setup DB: a fresh database with the tree and the seed on 6 machines at T0
setup() {
	DB=$1
	"$SPLATD" git tree add linux --repo "$K" --branch master --db "$DB" \
		>/dev/null || fail "git tree add"
	for m in 1 2 3 4 5 6; do ingest_at $T0 "run-0-$m" "shard-$m" "$SEED"; done
	sql "UPDATE signatures SET status = 'known'"
}
# fire DAYS: the seed on the 6 machines DAYS after T0
fire() {
	for m in 1 2 3 4 5 6; do
		ingest_at $((T0 + $1 * DAY - 3600)) "run-$1-$m" "shard-$m" "$SEED"
	done
}
esc() { hdr "$1" "select(.headers[\"x-splatd-mail\"][0] == \"escalation\") | $2"; }

setup "$DB"
SIG=$(sql 'SELECT id FROM signatures')
run_digest "$TMP/m0" $((T0 + 3600))
check_eq "first day: digests, no escalation (open for an hour)" "6 0" \
	"$(count "$TMP/m0") $(sql 'SELECT count(*) FROM signatures WHERE escalated_at IS NOT NULL')"
run_digest "$TMP/m1" $((T0 + 20 * DAY))
check_eq "20 days on, silent for 20 days: no escalation" 0 \
	"$(sql 'SELECT count(*) FROM signatures WHERE escalated_at IS NOT NULL')"

fire 30
M=$TMP/m30
run_digest "$M" $((T0 + 30 * DAY))
check_eq "30 days on, still firing on 6 machines while known: escalated" \
	"$((T0 + 30 * DAY))" "$(sql 'SELECT escalated_at FROM signatures')"
check_eq "... once, with its reason in the history" \
	"escalate|splatd|fired on 6 machines in the last 7 days (6 times), open for 30 days" \
	"$(sql "SELECT action, actor, value FROM signature_events WHERE signature_id = $SIG")"
start_server
st=$(get "$BASE/api/v1/signatures/$SIG")
check_eq "... and in the API" "200 fired on 6 machines in the last 7 days (6 times), open for 30 days" \
	"$st $(body '.escalated.reason')"
check_eq "... with its time" "2026-06-27T20:26:40Z" "$(body '.escalated.at')"
st=$(get "$BASE/api/v1/signatures")
check_eq "... in the list too" "$(date -u -d @$((T0 + 30 * DAY)) +%FT%TZ)" \
	"$(body '.signatures[0].escalated.at')"
stop_server

check_eq "one escalation mail" 1 "$(esc "$M" 1 | wc -l)"
check_eq "... To: the culprit edge's owners (coretemp, hwmon), by name" \
	"Fenghua Yu <fenghua.yu@intel.com>, Jean Delvare <jdelvare@suse.com>, Guenter Roeck <linux@roeck-us.net>" \
	"$(esc "$M" '.headers.to[0]')"
check_eq "... Cc: the other owning sections' (iommu), by name" \
	"Robin Murphy <robin.murphy@arm.com>, Joerg Roedel <joro@8bytes.org>, Will Deacon <will.deacon@example.org>" \
	"$(esc "$M" '.headers.cc[0]')"
check_eq "... from an address naming the signature" \
	"splatd <splatd+$HASH@splatd.example.org>" "$(esc "$M" '.headers.from[0]')"
check_eq "... List-Unsubscribe: a mailto: of that address (one mail, many readers)" \
	"<mailto:splatd+$HASH@splatd.example.org?subject=unsubscribe> null" \
	"$(esc "$M" '"\(.headers["list-unsubscribe"][0]) \(.headers["list-unsubscribe-post"])"')"
FIRST=$(esc "$M" '.headers["message-id"][0]')
check_eq "... its subject, the thread's root" \
	"[splatd] escalated: possible deadlock in coretemp_cpu_online|null" \
	"$(esc "$M" '"\(.headers.subject[0])|\(.headers["in-reply-to"])"')"
check_eq "... saying why in its body" 1 \
	"$(esc "$M" '.body' | tr -s ' \n' ' ' | grep -c 'escalated 2026-06-27: fired on 6 machines')"
check_eq "... recorded for replies" "1 6" \
	"$(sql "SELECT count(*) FROM mail_items WHERE ref = 0 AND message_id = '${FIRST:1:-1}'") $(sql 'SELECT count(*) FROM mail_sent_about')"
check_eq "... headers and lines as every mail" "1" \
	"$(esc "$M" 'select(.content_type == "text/plain" and .charset == "utf-8"
		and (.defects | length) == 0 and .headers["auto-submitted"][0] == "auto-generated"
		and ([.body | split("\n")[] | select(length > 72) |
			select(test("^ *https?://[^ ]+$") | not)] | length) == 0) | 1')"
check_eq "... and no digest saying it again that day (t6027)" 1 "$(count "$M")"

fire 31
M=$TMP/m31
run_digest "$M" $((T0 + 31 * DAY))
check_eq "the next day: no escalation mail (once a week), digests yes" "0 6" \
	"$(esc "$M" 1 | wc -l) $(count "$M")"
FY=$(grep -l $'^To: <fenghua.yu@intel.com>\r$' "$M"/*.eml)
check_eq "the digests put it first, under needs attention" \
	"== Needs attention (escalated) ==|[1] possible deadlock in coretemp_cpu_online" \
	"$(mime "$FY" | jq -r '.body' | grep '^== \|^\[1\]' | head -2 | paste -sd'|')"
check_eq "... and it did not escalate again" 1 \
	"$(sql "SELECT count(*) FROM signature_events WHERE action = 'escalate'")"
fire 37
M=$TMP/m37
run_digest "$M" $((T0 + 37 * DAY))
check_eq "a week after the first: again, in its thread" \
	"Re: [splatd] escalated: possible deadlock in coretemp_cpu_online|$FIRST|$FIRST" \
	"$(esc "$M" '"\(.headers.subject[0])|\(.headers["in-reply-to"][0])|\(.headers.references[0])"')"

# muted: not escalated; muted until escalating: escalated, the mute ends
setup "$TMP/muted.db"
sql "UPDATE signatures SET muted_until = $((T0 + 60 * DAY))"
fire 30
run_digest "$TMP/mm" $((T0 + 30 * DAY))
check_eq "a muted signature does not escalate, nor is it mailed" "0 0" \
	"$(sql 'SELECT count(*) FROM signatures WHERE escalated_at IS NOT NULL') $(count "$TMP/mm")"
setup "$TMP/until.db"
sql "UPDATE signatures SET mute_until_escalating = 1"
run_digest "$TMP/mu0" $((T0 + 3600))
check_eq "muted until escalating: no digest about it meanwhile" 0 "$(count "$TMP/mu0")"
fire 30
run_digest "$TMP/mu" $((T0 + 30 * DAY)) --mail-max-recipients 4
check_eq "... it escalates when the condition is met, ending the mute" "1 0" \
	"$(sql 'SELECT escalated_at IS NOT NULL, mute_until_escalating FROM signatures' | tr '|' ' ')"
check_eq "the recipient cap: 4 addresses, the culprit's first" \
	"fenghua.yu@intel.com, jdelvare@suse.com, linux@roeck-us.net|robin.murphy@arm.com" \
	"$(esc "$TMP/mu" '"\(.addresses.to | join(", "))|\(.addresses.cc | join(", "))"')"

# the spike rule: one machine, once at T0, then 12 times in the last week
setup() { :; }
DB=$(new_db spike)
"$SPLATD" git tree add linux --repo "$K" --branch master --db "$DB" >/dev/null
ingest_at $T0 run-s0 shard-1 "$SEED"
for i in $(seq 1 5); do ingest_at $((T0 + 29 * DAY + i)) "run-s$i" shard-1 "$SEED"; done
run_digest "$TMP/s1" $((T0 + 30 * DAY))
check_eq "5 times in a week on one machine: below the floor" 0 \
	"$(sql 'SELECT count(*) FROM signatures WHERE escalated_at IS NOT NULL')"
for i in $(seq 6 12); do ingest_at $((T0 + 30 * DAY + i)) "run-s$i" shard-1 "$SEED"; done
run_digest "$TMP/s2" $((T0 + 30 * DAY + 100))
check_eq "12 times, 4x its earlier weekly rate: escalated" \
	"fired 12 times in the last 7 days, 4 or more times its weekly average of 0.3 before" \
	"$(sql 'SELECT escalation_reason FROM signatures')"
finish
