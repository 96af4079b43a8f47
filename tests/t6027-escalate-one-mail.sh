#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6027-escalate-one-mail: an escalation day brings an owner one mail
# about the signature, not two.  The seed, known, fires on 6 machines 30
# days on and escalates: its owners get the escalation mail, and no digest
# whose news would be that same escalation; a subscriber to the kind, who
# got no escalation mail, gets it in a digest.  When it fires again the
# owners' next digest lists it first, with every occurrence since their
# last digest; news about something else makes the digest due on the
# escalation day too, and it then lists the escalation as well.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/lib.sh
. tests/mail/digest-lib.sh

K=$TMP/k
minikernel "$K"
"$SPLATD" git tree add linux --repo "$K" --branch master --db "$DB" \
	>/dev/null || fail "git tree add"
T0=1780000000
DAY=86400
fire() {
	for m in 1 2 3 4 5 6; do
		ingest_at $((T0 + $1 * DAY - 3600)) "run-$1-$m" "shard-$m" "$SEED"
	done
}
fire 0
sql "UPDATE signatures SET status = 'known'"
"$SPLATD" subscription add circ@example.org --kind circular --db "$DB" \
	>/dev/null || fail "subscription add"
run_digest "$TMP/m0" $((T0 + 3600))
check_eq "first day: the 6 owners and the subscriber get a digest" 7 \
	"$(count "$TMP/m0")"

fire 30
M=$TMP/m30
run_digest "$M" $((T0 + 30 * DAY))
check_eq "escalated: one escalation mail to the 6 owners" \
	"1 escalation 6" \
	"$(sql 'SELECT count(*) FROM signatures WHERE escalated_at IS NOT NULL') \
$(hdr "$M" '.headers["x-splatd-mail"][0]' | sort | uniq -c | awk '$2 == "escalation" { print $2 }') \
$(hdr "$M" 'select(.headers["x-splatd-mail"][0] == "escalation") |
		"\(.headers.to[0]), \(.headers.cc[0])"' | tr ',' '\n' | grep -c @)"
check_eq "... the owners get no digest about the same escalation" "" \
	"$(hdr "$M" 'select(.headers["x-splatd-mail"][0] == "digest") | .headers.to[0]' |
		grep -v circ@example.org)"
check_eq "... the kind's subscriber, not mailed about it, gets it in a digest" \
	"circ@example.org|[1] possible deadlock in coretemp_cpu_online" \
	"$(hdr "$M" 'select(.headers["x-splatd-mail"][0] == "digest") |
		"\(.headers.to[0])|\(.body | split("\n") | map(select(startswith("[1]"))) | .[0])"')"

fire 31
M=$TMP/m31
run_digest "$M" $((T0 + 31 * DAY))
FY=$(grep -l $'^To: <fenghua.yu@intel.com>\r$' "$M"/*.eml)
check_eq "it fired again: the owners' digest lists it first" \
	"6 == Needs attention (escalated) ==|[1] possible deadlock in coretemp_cpu_online" \
	"$(hdr "$M" 'select(.headers["x-splatd-mail"][0] == "digest") | .headers.to[0]' | grep -vc circ) \
$(mime "$FY" | jq -r '.body' | grep '^== \|^\[1\]' | head -2 | paste -sd'|')"
check_eq "... counting every occurrence since the last digest" 1 \
	"$(mime "$FY" | jq -r '.body' | tr -s ' \n' ' ' | grep -c '(12 since your last digest)')"

# news about another signature makes the digest due on an escalation day
sed 's/cpuhp_state-up/cpuhp_state-down/g' "$SEED" >"$TMP/other.txt"
fire 44
ingest_at $((T0 + 44 * DAY - 3600)) run-other shard-1 "$TMP/other.txt"
M=$TMP/m44
run_digest "$M" $((T0 + 44 * DAY))
FY=$(grep -l $'^To: <fenghua.yu@intel.com>\r$' "$M"/*.eml | head -1)
check_eq "something new too: the digest comes, with the escalation in it" \
	"digest|== Needs attention (escalated) ==|== New since your last digest ==" \
	"$(mime "$FY" | jq -r '"\(.headers["x-splatd-mail"][0])|\(.body)"' |
		grep '^digest\|^== ' | sed 's/|.*//' | head -3 | paste -sd'|')"
finish
