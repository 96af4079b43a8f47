#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6034-digest-quiet: a digest lists in full only what fired in the last 7
# days (docs/mail.md, "The digest"); the open signatures that did not are
# one count and the dashboard's link, "Open, and quiet for 7 days", until
# they fire again.  Before, "Still open" listed them, in full, in every
# digest (a lock cycle, the trees, the owners: a dozen lines each) for as
# long as they stayed open: the repetition that teaches a reader to skip
# or filter the mail (syzbot leaves out what was not seen for 14 days).
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
# the signature ids of the items of the digest in DIR, in order
items() {
	body "$1" | sed -n "s|^    $PUB/signatures/\([0-9]*\)$|\1|p" |
		paste -sd' '
}
# the text of a section of the digest in DIR
section() {
	body "$1" | awk -v s="== $2 ==" '$0 == s { on = 1; next }
		/^== / || /^-- $/ { on = 0 } on'
}
QT="Open, and quiet for 7 days"

"$SPLATD" subscription add all@example.org --all --db "$DB" >/dev/null ||
	fail "subscription add"
for i in 1 2 3; do A=$(sig $T0 a$i $P/seed-6641.splat); done
B=$(sig $T0 b1 $P/two-lock.splat)
Q=$(sig $T0 q1 $P/kind-held-lock-freed.splat)
run_digest "$TMP/d1" $((T0 + 3600))
C=$(sig $((T0 + DAY)) c1 $P/kind-bad-unlock.splat)
run_digest "$TMP/d2" $((T0 + DAY + 3600))
check_eq "day 1: what fired in the last 7 days is listed in full" \
	"$C $A $B $Q" "$(items "$TMP/d2")"
check_eq "... no quiet section" "" "$(section "$TMP/d2" "$QT")"

# day 10: A fires; B, Q and C have not for 7 days
sig $((T0 + 10 * DAY)) a4 $P/seed-6641.splat >/dev/null
run_digest "$TMP/d3" $((T0 + 10 * DAY + 3600))
check_eq "day 10: only what fired is an item" "$A" "$(items "$TMP/d3")"
check_eq "... the quiet ones counted, with the dashboard's list" \
	"3 more open signatures did not fire in the last 7 days; left out until they fire again: $PUB/signatures" \
	"$(section "$TMP/d3" "$QT" | paste -sd' ' | tr -s ' ' | sed 's/^ //; s/ $//')"
check_eq "... the summary still counts every open one" \
	"[splatd] digest: 1 fired again, 4 open" \
	"$(hdr "$TMP/d3" '.headers.subject[0]')"
check "... the headers name only the items" \
	test "$(hdr "$TMP/d3" '.headers["x-splatd-signature"][0]')" = \
	"$(sql "SELECT hash FROM signatures WHERE id = $A")"

# day 11: Q fires again: an item again; A stays listed (its 7 days)
sig $((T0 + 11 * DAY)) q2 $P/kind-held-lock-freed.splat >/dev/null
run_digest "$TMP/d4" $((T0 + 11 * DAY + 3600))
check_eq "day 11: the quiet one that fired is back, A still open" \
	"$Q $A" "$(items "$TMP/d4")"
check_eq "... two quiet" \
	"2 more open signatures did not fire in the last 7 days; left out until they fire again: $PUB/signatures" \
	"$(section "$TMP/d4" "$QT" | paste -sd' ' | tr -s ' ' | sed 's/^ //; s/ $//')"
check_eq "... every line within 72 columns (URLs aside)" "" \
	"$(body "$TMP/d4" | grep -v 'https://' | awk 'length($0) > 72')"
check_eq "... sections in order" \
	"== Fired again since your last digest ==|== Still open (most frequent in the last 7 days) ==|== $QT ==" \
	"$(body "$TMP/d4" | grep '^== ' | paste -sd'|')"
finish
