#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6047-mail-reply-merged: a reply's commands and merges (docs/mail.md,
# "Which signature").  An item whose signature was merged since the mail
# says so in the answer ("item [3] was #S3, merged into #S1 since the mail
# you answered") and the command acts on the signature it was merged into;
# one merged more than once since is refused (which one is meant is not
# clear).  Two commands of one mail that land on the same signature and
# say two different statuses (or mutes) are both refused with a line saying
# why, not applied last-wins; the targets are the ones the sender saw.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/reply-lib.sh

P=$DATA/parse-invariance
GR=linux@roeck-us.net
TRI=triager@example.org
S1=$(ingest_sig s1 $P/seed-6641.splat)
S2=$(ingest_sig s2 $P/two-lock.splat)
S3=$(ingest_sig s3 $P/kind-recursive.splat)
S4=$(ingest_sig s4 $P/kind-bad-unlock.splat)
H3=$(sql "SELECT hash FROM signatures WHERE id = $S3")
H2=$(sql "SELECT hash FROM signatures WHERE id = $S2")
H4=$(sql "SELECT hash FROM signatures WHERE id = $S4")
"$SPLATD" token create --name tri --role triager --email $TRI --db "$DB" \
	--quiet >/dev/null
sent_digest d1@splatd.example.org "$GR" "$S1" "$S2" "$S3" "$S4"
status() { sql "SELECT status FROM signatures WHERE id = $1"; }
# mail ID FROM IN-REPLY-TO BODY
mail() {
	printf 'From: %s\nSubject: Re: [splatd] digest\nMessage-ID: <%s>\nIn-Reply-To: <%s>\n\n%s\n' \
		"$2" "$1" "$3" "$4" >"$TMP/$1.eml"
	rx <"$TMP/$1.eml" >/dev/null
}
# the triager merges [3] into [1] after the digest went out (by mail, as a
# triager may: the same merge the API does)
mail t1@tri $TRI none "#splatd $H3 dup: $S1"
check_eq "the triager's merge: #S3 is a duplicate of #S1" "$S1" \
	"$(sql "SELECT duplicate_of FROM signatures WHERE id = $S3")"

# the maintainer answers the digest: [3] now lands on #S1
mail m1@gr $GR d1@splatd.example.org "#splatd [3] status: known"
last_answer >"$TMP/a1.txt"
check_eq "a command on a merged item acts on the signature it was merged into" \
	"known|new" "$(status $S1)|$(status $S3)"
check "... and the answer says the item was merged since the mail" \
	grep -q "done: item \[3\] was #$S3, merged into #$S1 since the mail" "$TMP/a1.txt"
check "... as does the terminal's line" \
	grep -q "^applied: #splatd \[3\] status: known: item \[3\] was #$S3, merged into #$S1" "$TMP/rx.out"

# two statuses for one signature in one mail: [1] and [3] are both #S1
mail m2@gr $GR d1@splatd.example.org "#splatd [1] status: triaged
#splatd [3] invalid"
last_answer >"$TMP/a2.txt"
check_eq "two statuses for one signature in one mail: neither applied" \
	"known" "$(status $S1)"
check_eq "... both refused, on stdout" 2 "$(grep -c '^refused: .*two different statuses for one signature' "$TMP/rx.out")"
check "... the answer names the other line" \
	grep -q 'refused: this mail also says "#splatd \[3\] invalid" about' "$TMP/a2.txt"
# the same status twice is no contradiction
mail m3@gr $GR d1@splatd.example.org "#splatd [1] status: triaged
#splatd [3] status: triaged"
check_eq "the same status twice: applied" "triaged 2" \
	"$(status $S1) $(grep -c '^applied: ' "$TMP/rx.out")"
# mute and unmute of one signature
mail m4@gr $GR d1@splatd.example.org "#splatd [1] mute 30d
#splatd [3] unmute"
check_eq "a mute and an unmute of one signature: both refused" "2|" \
	"$(grep -c 'two different mutes' "$TMP/rx.out")|$(sql "SELECT muted_until FROM signatures WHERE id = $S1")"

# a dup of [2] into [1] and, in the same mail, invalid of [2]: contradict
mail m5@gr $GR d1@splatd.example.org "#splatd [2] dup: [1]
#splatd [2] invalid"
check_eq "dup and invalid of one item: neither applied" "new|" \
	"$(status $S2)|$(sql "SELECT duplicate_of FROM signatures WHERE id = $S2")"

# #S4 merged into #S2, then #S2 into #S1: which one [4] means is not clear
mail t2@tri $TRI none "#splatd $H4 dup: $S2"
mail t3@tri $TRI none "#splatd $H2 dup: $S1"
mail m6@gr $GR d1@splatd.example.org "#splatd [4] status: known"
last_answer >"$TMP/a6.txt"
check_eq "an item merged into one merged in turn: refused, nothing changed" \
	"triaged|1" "$(status $S1)|$(grep -c '^refused: ' "$TMP/rx.out")"
check "... saying so, and where it is now" \
	grep -q "item \[4\] was #$S4, merged into one merged in turn since the mail you answered (now into #$S1)" "$TMP/rx.out"
# the refusal names the signatures [4] could be meant as, hash and title,
# so the answer can name the right one
T2=$(sql "SELECT title FROM signatures WHERE id = $S2")
T1=$(sql "SELECT title FROM signatures WHERE id = $S1")
H1=$(sql "SELECT hash FROM signatures WHERE id = $S1")
check "... naming the one it was merged into, hash and title" \
	grep -qF "#$S2 $H2 \"$T2\"" "$TMP/rx.out"
check "... and the one it is in now" \
	grep -qF "#$S1 $H1 \"$T1\" (now)" "$TMP/rx.out"
check "... in the answer too" \
	eval "tr -d '\r' <$TMP/a6.txt | sed -n '/^  refused/,/^\$/p' | tr '\n' ' ' | grep -qF '$H2'"
check "... the answer within 72 columns" \
	eval "! awk 'length > 72' $TMP/a6.txt | grep -q ."
finish
