#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6049-mail-mute-mine: who may act by mail, and on whom (docs/mail.md,
# "Who may act").  A maintainer's `#splatd mute` mutes the signature for
# them only, as not-mine does: the next digests still list it for the
# others.  A triager's (an address bound to a triager token) mutes it for
# everyone.  A mail that answers no mail splatd sent to its sender (a
# forged From: with no thread, or a reply to someone else's digest) acts on
# nothing.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/reply-lib.sh

P=$DATA/parse-invariance
GR=linux@roeck-us.net
RW=rafael@kernel.org
TRI=triager@example.org
S1=$(ingest_sig s1 $P/seed-6641.splat)
S2=$(ingest_sig s2 $P/two-lock.splat)
H1=$(sql "SELECT hash FROM signatures WHERE id = $S1")
for a in $GR $RW; do
	"$SPLATD" subscription add $a --all --db "$DB" >/dev/null
done
"$SPLATD" token create --name tri --role triager --email $TRI --db "$DB" \
	--quiet >/dev/null
sent_digest dgr@splatd.example.org "$GR" "$S1" "$S2"
sent_digest drw@splatd.example.org "$RW" "$S1" "$S2"
# mail ID FROM IN-REPLY-TO BODY
mail() {
	printf 'From: %s\nSubject: Re: [splatd] digest\nMessage-ID: <%s>\n%s\n%s\n' \
		"$2" "$1" "${3:+In-Reply-To: <$3>
}" "$4" >"$TMP/$1.eml"
	rx <"$TMP/$1.eml" >/dev/null
}
# digest_items ADDR NOW: the item titles of ADDR's digest due at NOW
digest_items() {
	"$SPLATD" digest --db "$DB" --now "$2" --dry-run --public-url "$PUB" \
		--mail-from 'splatd <splatd@example.org>' 2>/dev/null |
		awk -v a="To: <$1>" '/^From: / { on = 0 } $0 == a { on = 1 }
			on && /^\[[0-9]+\] / { n++ } END { print n + 0 }'
}

# Guenter mutes [1] for 30 days by reply to his digest
mail m1@gr $GR dgr@splatd.example.org "#splatd [1] mute 30d"
check "a maintainer's mute: applied, for him only" \
	grep -q "^applied: #splatd \[1\] mute 30d: $GR gets no mail about signature $S1 .* for 30 days, until 2026-01-31; the others who hear about it still do" "$TMP/rx.out"
check_eq "... the signature is not muted for everyone" "|0" \
	"$(sql "SELECT muted_until, mute_until_escalating FROM signatures WHERE id = $S1")"
T1=$((NOW + 2 * 86400))
check_eq "the next digests: Guenter's without it, Rafael's with it" "1 2" \
	"$(digest_items $GR $T1) $(digest_items $RW $T1)"
T2=$((NOW + 31 * 86400))
check_eq "after 30 days Guenter hears of it again" 2 "$(digest_items $GR $T2)"
mail m2@gr $GR dgr@splatd.example.org "#splatd [1] unmute"
check "his unmute lifts his mute" grep -q "^applied: .*$GR gets mail about signature $S1 .* again" "$TMP/rx.out"
mail m3@gr $GR dgr@splatd.example.org "#splatd [1] unmute"
check "an unmute of what is not muted says so" \
	grep -q "^refused: #splatd \[1\] unmute: signature $S1 (.*) was not muted for $GR$" "$TMP/rx.out"

# a forged From: (Rafael's) with no thread: nothing, a clear line
mail f1@x $RW "" "#splatd $H1 mute 365d
#splatd $H1 invalid"
check_eq "a forged From: with no thread acts on nothing" "0 2|new|" \
	"$(grep -c '^applied' "$TMP/rx.out") $(grep -c "^refused: .*only when it answers a mail splatd sent to that address (In-Reply-To or References): this one answers none" "$TMP/rx.out")|$(sql "SELECT status FROM signatures WHERE id = $S1")|$(sql "SELECT reason FROM mail_optouts WHERE email = '$RW'")"
# Guenter answering Rafael's digest (its Message-ID may be on a list)
mail f2@gr $GR drw@splatd.example.org "#splatd [1] invalid"
check "a reply to a digest sent to someone else: refused" \
	grep -q "^refused: .*answers one sent to others" "$TMP/rx.out"
check_eq "... nothing changed" new "$(sql "SELECT status FROM signatures WHERE id = $S1")"

# a triager's mute is everyone's
mail t1@tri $TRI "" "#splatd $H1 mute 7d"
check "a triager's mute is for everyone" \
	grep -q "^applied: .*signature $S1 (.*) is muted for everyone for 7 days" "$TMP/rx.out"
check_eq "... the digests of both leave it out" "1 1" \
	"$(digest_items $GR $T1) $(digest_items $RW $T1)"
mail m4@gr $GR dgr@splatd.example.org "#splatd [1] unmute"
check "a maintainer cannot lift a triager's mute, and is told so" \
	grep -q "^refused: .*was not muted for $GR; it is muted for everyone until 2026-01-08, which only a triager lifts" "$TMP/rx.out"
finish
