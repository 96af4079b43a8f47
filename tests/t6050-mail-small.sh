#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6050-mail-small: the small things a maintainer meets (docs/mail.md):
# `#splatd[1] status: triaged` (no space) is a command; a dry run says what
# it would send, not "sent"; `introduced:` on a resolved regression says it
# stays resolved; a digest's "... and N more" links to the dashboard's list
# filtered to the reader's MAINTAINERS section.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/reply-lib.sh

P=$DATA/parse-invariance
GR=linux@roeck-us.net
S1=$(ingest_sig s1 $P/seed-6641.splat)
S2=$(ingest_sig s2 $P/two-lock.splat)
sent_digest d1@splatd.example.org "$GR" "$S1" "$S2"
mail() { # mail ID BODY
	printf 'From: %s\nSubject: Re: [splatd] digest\nMessage-ID: <%s>\nIn-Reply-To: <d1@splatd.example.org>\n\n%s\n' \
		"$GR" "$1" "$2" | rx >/dev/null
}

# LOW1: no space between #splatd and the item
mail m1@gr '#splatd[1] status: triaged'
check_eq "#splatd[1] status: triaged is applied" "1|triaged" \
	"$(grep -c '^applied: #splatd\[1\] status: triaged' "$TMP/rx.out")|$(sql "SELECT status FROM signatures WHERE id = $S1")"

# LOW8: introduced: on a resolved regression
"$SPLATD" regression create --title r1 --signature $S1 --db "$DB" >/dev/null
REG=$(sql "SELECT id FROM regressions")
"$SPLATD" regression resolve $REG --reason "fixed by revert" --db "$DB" >/dev/null
mail m2@gr '#splatd [1] introduced: 0123456789ab..89abcdef0123'
check "introduced: on a resolved regression says it stays resolved" \
	grep -q "^applied: .*introduced 0123456789ab..89abcdef0123 (regression $REG is resolved: recorded, it stays resolved)" "$TMP/rx.out"

# LOW6: a dry run would send; it sends nothing
"$SPLATD" subscription add $GR --all --db "$DB" >/dev/null
"$SPLATD" digest --db "$DB" --now $((NOW + 3600)) --dry-run \
	--public-url "$PUB" --mail-from 'splatd <splatd@example.org>' \
	>/dev/null 2>"$TMP/dry.err"
check "digest --dry-run: 'would send N', not 'N sent'" \
	eval "grep -Eq '^splatd digest: would send [1-9][0-9]*, 0 held \(dry run: nothing sent\)$' $TMP/dry.err && ! grep -q ' sent,' $TMP/dry.err"
"$SPLATD" mail send --db "$DB" --now $((NOW + 3600)) --dry-run \
	--public-url "$PUB" >/dev/null 2>"$TMP/send.err"
check "mail send --dry-run: 'would send', not 'sent'" \
	grep -Eq '^splatd mail send: would send [1-9][0-9]*, 0 waiting \(dry run: nothing sent or marked\)$' "$TMP/send.err"

# a --public-url given with its final '/' (as a browser shows it): one '/'
# between it and every path, in every link of every mail
"$SPLATD" digest --db "$DB" --now $((NOW + 3600)) --dry-run \
	--public-url "$PUB/" --mail-from 'splatd <splatd@example.org>' \
	>"$TMP/slash.txt" 2>/dev/null
check_eq "--public-url ending in '/': links under it, none with '//'" "yes 0" \
	"$(grep -q "^ *$PUB/signatures/" "$TMP/slash.txt" && echo yes) $(grep -c "$PUB//" "$TMP/slash.txt")"

# LOW12: "... and N more" filtered to the reader's section (an owner of
# IOMMU SUBSYSTEM in the small kernel tree, with four signatures)
K=$TMP/linux
minikernel "$K"
"$SPLATD" git tree add mainline --repo "$K" --branch master --db "$DB" >/dev/null
"$SPLATD" git index --db "$DB" >/dev/null 2>&1
S4=$(ingest_sig s4 $P/kind-bad-unlock.splat)
S5=$(ingest_sig s5 $P/kind-held-lock-freed.splat)
dg() {
	"$SPLATD" digest --db "$DB" --now "$1" --dry-run --digest-top 1 \
		--public-url "$PUB" --mail-from 'splatd <splatd@example.org>' \
		2>/dev/null
}
"$SPLATD" digest --db "$DB" --now $((NOW + 7200)) --mbox "$TMP/m.mbox" \
	--public-url "$PUB" --mail-from 'splatd <splatd@example.org>' 2>/dev/null
# one of them fires again (the digest is due); the others are "Still open",
# whose top is 1 (what fired is in a section of its own, before it)
NOW=$((NOW + 86400)) ingest_sig b $P/kind-held-lock-freed.splat >/dev/null
dg $((NOW + 2 * 86400)) >"$TMP/d.txt"
awk '/^To: <joro@8bytes.org>/ { on = 1 } /^-- mail from/ && on > 1 { exit } on { on++; print }' "$TMP/d.txt" >"$TMP/joro.txt"
check "Joerg's digest: ... and N more" grep -q '^\.\.\. and [0-9]* more:$' "$TMP/joro.txt"
check_eq "... links to the list of his section" \
	"$PUB/signatures?subsystem=IOMMU%20SUBSYSTEM" \
	"$(grep -A1 '^\.\.\. and [0-9]* more:$' "$TMP/joro.txt" | tail -1)"
finish
