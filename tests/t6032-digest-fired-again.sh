#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6032-digest-fired-again: a digest names first what changed since the
# last one (docs/mail.md, "The digest"): the signatures that fired since the
# reader's last digest are in "Fired again since your last digest", most
# occurrences since first, before "Still open", whose 7-day top holds the
# others.  Before, a signature that fired but ranked below the 7-day top
# was named nowhere: the summary counted its occurrences, and "Still open"
# listed others "(0 since your last digest)".  The subject and the summary
# count what fired again (a reader of the subject alone in a list must see
# that something of theirs fired); before, they counted only escalated and
# new signatures: "[splatd] digest: 4 open" for a day two of them fired.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/lib.sh
. tests/mail/digest-lib.sh

P=$DATA/parse-invariance
T0=1780000000
DAY=86400
# sig AT RUN FILE.splat: store one report; prints its signature id
sig() {
	bash tests/tools/rerender.sh -p console "$3" >"$TMP/$2.txt"
	"$SPLATD" ingest --db "$DB" --now "$1" --run-id "$2" --machine m1 \
		--tree mainline "$TMP/$2.txt" >"$TMP/ingest.out" \
		2>>"$TMP/ingest.err" || fail "ingest $2: $(cat "$TMP/ingest.err")"
	jq -r '.reports[0].signature_id' "$TMP/ingest.out"
}
body() { mime "$1" | jq -r '.body' | tr -d '\r'; }
# the signatures of a section of the digest in DIR, in order (the ids of
# their dashboard URLs: two signatures may have one title)
section() {
	body "$1" | awk -v s="== $2 ==" '$0 == s { on = 1; next }
		/^== / || /^-- $/ { on = 0 } on' |
		sed -n "s|^    $PUB/signatures/\([0-9]*\)$|\1|p"
}

"$SPLATD" subscription add all@example.org --all --db "$DB" >/dev/null ||
	fail "subscription add"
# day 0: busy (3), twolock (4), quiet (1), other (1)
for i in 1 2 3; do BUSY=$(sig $T0 busy$i $P/seed-6641.splat); done
for i in 1 2 3 4; do TWO=$(sig $T0 two$i $P/two-lock.splat); done
QUIET=$(sig $T0 quiet1 $P/kind-held-lock-freed.splat)
sig $T0 other1 $P/kind-bad-unlock.splat >/dev/null
run_digest "$TMP/d1" $((T0 + 3600)) --digest-top 1
check_eq "the first digest" 1 "$(count "$TMP/d1")"
check_eq "... has no section of what fired again (all of it is new)" "" \
	"$(section "$TMP/d1" "Fired again since your last digest")"
check_eq "... its subject counts what is new" "[splatd] digest: 4 new, 4 open" \
	"$(hdr "$TMP/d1" '.headers.subject[0]')"

# day 1: quiet fires twice, twolock once; busy and other not at all
sig $((T0 + DAY)) quiet2 $P/kind-held-lock-freed.splat >/dev/null
sig $((T0 + DAY)) quiet3 $P/kind-held-lock-freed.splat >/dev/null
sig $((T0 + DAY)) two5 $P/two-lock.splat >/dev/null
run_digest "$TMP/d2" $((T0 + DAY + 3600)) --digest-top 1
check_eq "the second digest" 1 "$(count "$TMP/d2")"
check_eq "its subject counts what fired again" \
	"[splatd] digest: 2 fired again, 4 open" \
	"$(hdr "$TMP/d2" '.headers.subject[0]')"
check "... and so does its summary" \
	grep -q '^Your splatd digest: since your last one on 2026-05-28: 0 signatures escalated, 0 new, 2 fired again, 0 with a regression that changed state, 3 new occurrences; 4 open in all\.$' \
	<(body "$TMP/d2" | awk '/^$/ { exit } 1' | paste -sd' ')
check_eq "what fired since the last digest is named, most since first" \
	"$QUIET|$TWO" \
	"$(section "$TMP/d2" "Fired again since your last digest" | paste -sd'|')"
check "... with its count since" \
	grep -q '^    .*seen 3 times (2 since your last digest)' \
	<(body "$TMP/d2")
check_eq "... before \"Still open\", whose 7-day top holds the others" \
	"$BUSY" \
	"$(section "$TMP/d2" "Still open (most frequent in the last 7 days)")"
check_eq "... the rest of them behind a link" "... and 1 more:" \
	"$(body "$TMP/d2" | grep '^\.\.\. and')"
check_eq "sections in order" \
	"== Fired again since your last digest ==|== Still open (most frequent in the last 7 days) ==" \
	"$(body "$TMP/d2" | grep '^== ' | paste -sd'|')"
check_eq "the mail is at most 78 columns (URLs aside)" "" \
	"$(body "$TMP/d2" | grep -v 'https://' | awk 'length($0) > 78')"
check_eq "each signature once, the one that did not fire left out" \
	"$(printf '%s\n' "$BUSY" "$QUIET" "$TWO" | sort -n | paste -sd' ')" \
	"$(body "$TMP/d2" | sed -n "s|^    $PUB/signatures/\([0-9]*\)$|\1|p" |
		sort -n | paste -sd' ')"

# day 2: a new signature, and busy fires again: both counted, apart
sig $((T0 + 2 * DAY)) busy4 $P/seed-6641.splat >/dev/null
sig $((T0 + 2 * DAY)) rec1 $P/kind-recursive.splat >/dev/null
run_digest "$TMP/d3" $((T0 + 2 * DAY + 3600)) --digest-top 1
check_eq "new and fired again, each counted once" \
	"[splatd] digest: 1 new, 1 fired again, 5 open" \
	"$(hdr "$TMP/d3" '.headers.subject[0]')"

# days 3 and 4: nothing fired, nothing new: no digest
run_digest "$TMP/d4" $((T0 + 4 * DAY + 3600)) --digest-top 1
check_eq "nothing fired: no digest" 0 "$(count "$TMP/d4")"
finish
