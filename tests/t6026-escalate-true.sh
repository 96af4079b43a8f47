#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6026-escalate-true: an escalation mail is true when it is sent.  The
# seed escalates on day 30 (6 machines) and is mailed; then it stops: no
# mail a week later, nor after 2 occurrences (the rule does not hold);
# quiet for --escalate-days (14) it is escalated no more (a history row
# says since when).  It fires on 6 machines again: it escalates again and
# the mail, in the first one's thread, gives the current facts.  A second
# week of firing mails again, saying it fired again since the last mail.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/lib.sh
. tests/mail/digest-lib.sh

K=$TMP/k
minikernel "$K"
T0=1780000000
DAY=86400
"$SPLATD" git tree add linux --repo "$K" --branch master --db "$DB" \
	>/dev/null || fail "git tree add"
fire() { # fire DAY [machines]
	local m
	for m in $(seq 1 "${2:-6}"); do
		ingest_at $((T0 + $1 * DAY - 3600)) "run-$1-$m" "shard-$m" "$SEED"
	done
}
esc() { hdr "$1" "select(.headers[\"x-splatd-mail\"][0] == \"escalation\") | $2"; }
body() { esc "$1" '.body' | tr -s ' \n' ' '; }
fire 0
sql "UPDATE signatures SET status = 'known'"
run_digest "$TMP/d0" $((T0 + 3600))
fire 30
run_digest "$TMP/d30" $((T0 + 30 * DAY))
check_eq "day 30: escalated, one mail" 1 "$(esc "$TMP/d30" 1 | wc -l)"
FIRST=$(esc "$TMP/d30" '.headers["message-id"][0]')
check "... saying what holds now, and the last occurrence" \
	grep -q 'splatd escalated this signature: it is open and it fired on 6 machines in the last 7 days (6 times), open for 30 days; last seen 2026-06-27\.' \
	<(body "$TMP/d30")

run_digest "$TMP/d37" $((T0 + 37 * DAY))
check_eq "day 37, no occurrence since: no escalation mail" 0 \
	"$(esc "$TMP/d37" 1 | wc -l)"
check_eq "... nor a false 'keeps firing' anywhere" 0 \
	"$(cat "$TMP"/d37/*.eml 2>/dev/null | grep -c 'keeps firing')"
fire 40 2
run_digest "$TMP/d44" $((T0 + 44 * DAY))
check_eq "day 44, fired on 2 machines: the rule does not hold, no mail" 0 \
	"$(esc "$TMP/d44" 1 | wc -l)"
check_eq "... still escalated (quiet for 4 days only)" 1 \
	"$(sql 'SELECT count(*) FROM signatures WHERE escalated_at IS NOT NULL')"
sql "INSERT INTO subscriptions (email, what, value, period, created, actor)
	VALUES ('ci@example.org', 'all', '', 'daily', $T0, 't')"
run_digest "$TMP/d48" $((T0 + 48 * DAY))
check "day 48, a digest says it is quiet since day 40" \
	grep -q 'no occurrence since 2026-07-07' \
	<(mime "$TMP/d48" | jq -r 'select(.headers.to[0] == "ci@example.org") | .body' | tr -s ' \n' ' ')
run_digest "$TMP/d54" $((T0 + 54 * DAY))
check_eq "day 54, quiet for 14 days: escalated no more" "0" \
	"$(sql 'SELECT count(*) FROM signatures WHERE escalated_at IS NOT NULL')"
check_eq "... a history row says why" \
	"deescalate|splatd|no occurrence since 2026-07-07" \
	"$(sql "SELECT action, actor, value FROM signature_events WHERE action = 'deescalate'")"
check_eq "... out of the digests' needs attention" 0 \
	"$(cat "$TMP"/d54/*.eml 2>/dev/null | grep -c 'Needs attention')"

fire 70
run_digest "$TMP/d70" $((T0 + 70 * DAY))
check_eq "day 70, 6 machines again: escalated again" 2 \
	"$(sql "SELECT count(*) FROM signature_events WHERE action = 'escalate'")"
check_eq "... its mail in the first one's thread" "$FIRST" \
	"$(esc "$TMP/d70" '.headers["in-reply-to"][0]')"
check "... with the current facts" \
	grep -q 'splatd escalated this signature again (the last mail about it was on 2026-06-27): it is open and it fired on 6 machines in the last 7 days (6 times), open for 70 days; last seen 2026-08-06\.' \
	<(body "$TMP/d70")
fire 76 5
run_digest "$TMP/d77" $((T0 + 77 * DAY))
check "a week on, still firing (5 machines): mailed, saying so" \
	grep -q 'fired again since splatd last mailed about it on 2026-08-06: it fired on 5 machines in the last 7 days (5 times), open for 77 days; last seen 2026-08-12\.' \
	<(body "$TMP/d77")
finish
