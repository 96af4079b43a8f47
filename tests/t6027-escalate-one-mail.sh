#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6027-escalate-one-mail: an escalation day brings an owner one mail
# about the signature, not two.  The seed, known, fires on 6 machines 30
# days on and escalates: its owners get the escalation mail, and no digest
# whose news would be that same escalation; a subscriber to the kind, who
# got no escalation mail, gets it in a digest.  When it fires again the
# owners' next digest lists it first, with every occurrence since their
# last digest; news about something else makes the digest due on the
# escalation day too, and it then says the escalation in one line, after
# the news (the escalation mail of that day said the rest).
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
check_eq "something new too: the digest comes, led by the news, the escalation after it" \
	"digest|== New since your last digest ==|== Escalated, and splatd mailed you about it already ==" \
	"$(mime "$FY" | jq -r '"\(.headers["x-splatd-mail"][0])|\(.body)"' |
		grep '^digest\|^== ' | sed 's/|.*//' | head -3 | paste -sd'|')"
# the owners had the escalation mail of the same pass: the digest says it
# escalated in one line, with when, not the escalation mail's item again
check_eq "... the escalation mail went to the same owner that day" 1 \
	"$(grep -l '^X-Splatd-Mail: escalation' "$M"/*.eml | xargs grep -l '^To: .*<fenghua.yu@intel.com>' | wc -l)"
mime "$FY" | jq -r '.body' >"$TMP/fy44.txt"
# named by its signature's 8 digits as every item is: a new item of the
# same title is told apart from it without following the link
H8=$(sql "SELECT substr(hash, 1, 8) FROM signatures WHERE id = 1")
check "... the escalated item is one line naming its signature, saying when it escalated and when they were told" \
	eval "tr -s ' \n' ' ' <$TMP/fy44.txt | grep -q 'coretemp_cpu_online signature $H8, escalated 2026-06-27 20:26 UTC; splatd mailed you about it 2026-07-11 20:26 UTC and it has not fired since: $PUB/signatures/1'"
check_eq "... not the whole item again (no lock cycle, no count, once)" "1 1" \
	"$(grep -c 'lock cycle' "$TMP/fy44.txt") $(grep -c 'escalated 2026-06-27' "$TMP/fy44.txt")"
check_eq "... nor counted as news in the subject" "[splatd] digest: 1 new, 2 open" \
	"$(mime "$FY" | jq -r '.headers.subject[0]')"
finish
