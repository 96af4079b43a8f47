#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6040-mail-replies: `splatd mail receive` acts on #splatd commands in
# replies (docs/mail.md, "Replies that act"): a maintainer splatd mailed
# merges and marks a regression by reply, once; a stranger is refused; an
# address bound to a triager token may act; malformed commands are
# answered line by line; a mail without commands gets no answer; a
# splatd+<hash>@ address names the signature; every command kind applies.
#
# Digests are composed by another part of splatd (`splatd digest`); this
# test writes "a digest that went out" itself, as the digest writes it: an
# outbox row (kind digest, sent), its [n] items in mail_items and the
# recipient in mail_sent_about for each item's signature.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
. tests/mail/lib.sh # mime

D=$DATA/parse-invariance
RR=tests/tools/rerender.sh
NOW=1767225600 # 2026-01-01T00:00:00Z
GR=linux@roeck-us.net
DIGEST=d1.20260101.splatd@example.org

start_server
CI=$(token ci1 ci)
st=$(post_log "$CI" "id=s1&machine=m1" "$SEED")
check_eq "seed stored" 201 "$st"
SEEDID=$(body '.reports[0].signature_id')
bash $RR -p console "$D/two-lock.splat" >"$TMP/t1.txt"
post_log "$CI" "id=t1&machine=m3" "$TMP/t1.txt" >/dev/null
TWOID=$(body '.reports[0].signature_id')
bash $RR -p console "$D/kind-recursive.splat" >"$TMP/r1.txt"
post_log "$CI" "id=r1&machine=m1" "$TMP/r1.txt" >/dev/null
RECID=$(body '.reports[0].signature_id')
RECHASH=$(body '.reports[0].signature')
check "three signatures" test -n "$SEEDID" -a -n "$TWOID" -a -n "$RECID"

# the digest that went out to Guenter: [1] two-lock, [2] the seed, [3] the
# recursive one
sql "INSERT INTO outbox (message_id, kind, envelope_from, recipients,
	message, state, next_attempt, created, sent_at)
	VALUES ('$DIGEST', 'digest', 'splatd@example.org', '[\"$GR\"]',
	'Subject: [splatd] 3 lockdep reports', 'sent', $NOW, $NOW, $NOW);
	INSERT INTO mail_items VALUES ('$DIGEST', 1, $TWOID),
	('$DIGEST', 2, $SEEDID), ('$DIGEST', 3, $RECID);
	INSERT INTO mail_sent_about VALUES ($TWOID, '$GR', $NOW),
	($SEEDID, '$GR', $NOW), ($RECID, '$GR', $NOW);"

MOPTS=(--db "$DB" --now "$NOW" --public-url https://splatd.example.org
	--mail-from 'splatd <splatd@example.org>')
# receive FILE: splatd mail receive; stdout in $TMP/rx.out, stderr in
# $TMP/rx.err, the exit status on stdout
receive() {
	"$SPLATD" mail receive "${MOPTS[@]}" <"$1" >"$TMP/rx.out" 2>"$TMP/rx.err"
	echo $?
}
replies() { sql "SELECT count(*) FROM outbox WHERE kind = 'reply'"; }
# answer N: the N-th answer (1-based) parsed by a real MIME parser
answer() {
	sql "SELECT message FROM outbox WHERE kind = 'reply' ORDER BY id
		LIMIT 1 OFFSET $(($1 - 1))" >"$TMP/answer.eml"
	mime "$TMP/answer.eml" >"$TMP/answer.json"
}
ans() { jq -r "$1" "$TMP/answer.json"; }
events() { sql "SELECT count(*) FROM signature_events"; }
# from_gr FILE ID LINE...: a reply of Guenter's to the digest, body LINEs
from_gr() {
	local f=$1 id=$2
	shift 2
	printf 'From: %s\nSubject: Re: [splatd] 3 lockdep reports\n' "$GR" >"$f"
	printf 'Message-ID: <%s>\nIn-Reply-To: <%s>\n\n' "$id" "$DIGEST" >>"$f"
	printf '%s\n' "$@" >>"$f"
}

# ---- a maintainer's reply -------------------------------------------------
cat >"$TMP/reply1.eml" <<EOF
From: Guenter Roeck <Linux@Roeck-US.net>
To: splatd <splatd@example.org>
Subject: Re: [splatd] 3 lockdep reports
Message-ID: <r1.roeck@example.net>
In-Reply-To: <$DIGEST>
References: <$DIGEST>
Date: Thu, 01 Jan 2026 10:00:00 +0000

On Thu, Jan 01, 2026, splatd wrote:
> [1] possible circular locking: (bus_notifier) -> cpu_hotplug_lock
> seen 1 time on 1 machine

#splatd dup: [2]
#splatd introduced: 4cfbc2d83a04

> [2] possible circular locking dependency detected
Thanks, Guenter
EOF
check_eq "the reply is handled" 0 "$(receive "$TMP/reply1.eml")"
check_eq "one line per command, both applied" "2 2 applied" \
	"$(wc -l <"$TMP/rx.out") $(grep -c '^applied: ' "$TMP/rx.out") applied"
get "$BASE/api/v1/signatures/$TWOID" >/dev/null
check_eq "API: [1] is now a duplicate of [2]" "$SEEDID" "$(body .duplicate_of)"
get "$BASE/api/v1/regressions" >/dev/null
check_eq "API: one regression, introduced at the commit" "1 4cfbc2d83a04" \
	"$(body '"\(.regressions | length) \(.regressions[0].introduced)"')"
REG=$(body '.regressions[0].id')
get "$BASE/api/v1/regressions/$REG" >/dev/null
check_eq "API: the regression holds the seed (the root of [1])" "$SEEDID" \
	"$(body '[.signatures[].id] | join(" ")')"
check_eq "signature history names the sender, the Message-ID and their words" \
	"merge|mail:$GR|Message-ID <r1.roeck@example.net>: Thanks, Guenter" \
	"$(sql "SELECT action, actor, note FROM signature_events
		WHERE signature_id = $TWOID")"
check_eq "regression history too" \
	"create|mail:$GR|Message-ID <r1.roeck@example.net>: Thanks, Guenter
introduced|mail:$GR|Message-ID <r1.roeck@example.net>: Thanks, Guenter" \
	"$(sql "SELECT action, actor, reason FROM regression_history
		WHERE regression_id = $REG ORDER BY id")"
check_eq "answered once, to the sender alone" "1 [\"$GR\"]" \
	"$(replies) $(sql "SELECT recipients FROM outbox WHERE kind = 'reply'")"
answer 1
check_eq "answer: To the sender" "$GR" "$(ans '.headers.to[0]')"
check_eq "answer: In-Reply-To their Message-ID" "<r1.roeck@example.net>" \
	"$(ans '.headers["in-reply-to"][0]')"
check_eq "answer: References their thread" \
	"<$DIGEST> <r1.roeck@example.net>" "$(ans '.headers.references[0]')"
check_eq "answer: Re: their subject" "Re: [splatd] 3 lockdep reports" \
	"$(ans '.headers.subject[0]')"
check_eq "answer: Auto-Submitted: auto-replied" auto-replied \
	"$(ans '.headers["auto-submitted"][0]')"
check_eq "answer: plain text, utf-8, no defects" "text/plain utf-8 0" \
	"$(ans '"\(.content_type) \(.charset) \(.defects | length)"')"
check "answer: says what was done for each command" \
	grep -q "done: signature $TWOID is now a duplicate of signature $SEEDID" \
	<<<"$(ans .body | tr '\n' ' ' | tr -s ' ')"
check "answer: quotes the commands" grep -q '^> #splatd introduced: 4cfbc2d83a04$' \
	<<<"$(ans .body)"
check_eq "answer: no line over 72 columns but URLs" "" \
	"$(ans '.body | split("\n")[] | select(length > 72 and
		(test("https?://") | not))')"

# ---- the same mail again -----------------------------------------------------
ev=$(events)
check_eq "the same mail again is handled" 0 "$(receive "$TMP/reply1.eml")"
check "... and says it was received before" grep -q 'received before' "$TMP/rx.err"
check_eq "... and does nothing, answers nothing" "$ev 1 0" \
	"$(events) $(replies) $(wc -c <"$TMP/rx.out")"

# ---- a stranger ------------------------------------------------------------
sed -e 's/^From: .*/From: Mallory <mallory@evil.example>/' \
	-e 's/r1.roeck/m1.evil/' -e 's/^#splatd dup: \[2\]/#splatd invalid/' \
	"$TMP/reply1.eml" >"$TMP/stranger.eml"
check_eq "a stranger's mail is handled" 0 "$(receive "$TMP/stranger.eml")"
check_eq "... both commands refused" 2 "$(grep -c '^refused: ' "$TMP/rx.out")"
get "$BASE/api/v1/signatures/$SEEDID" >/dev/null
check_eq "... nothing changed" "new $ev" "$(body .status) $(events)"
check_eq "... and no answer: a forged From: gets no mail (no backscatter)" 1 \
	"$(replies)"
check "... stderr says why" grep -q 'the sender has no standing' "$TMP/rx.err"
# an address with standing (a subscriber) that may not act on this one
sql "INSERT INTO subscriptions (email, what, value, period, created, actor)
	VALUES ('sub@example.org', 'kind', 'recursive', 'daily', $NOW, 't')"
sed -e 's/^From: .*/From: Sub <sub@example.org>/' -e 's/m1.evil/s1.sub/' \
	"$TMP/stranger.eml" >"$TMP/sub.eml"
check_eq "a subscriber's mail about another signature is handled" 0 \
	"$(receive "$TMP/sub.eml")"
check_eq "... one polite refusal, to them" "2 [\"sub@example.org\"]" \
	"$(replies) $(sql "SELECT recipients FROM outbox WHERE kind = 'reply'
		ORDER BY id DESC LIMIT 1")"
answer "$(replies)"
check "... that says why" grep -q "sorry, sub@example.org may not change" \
	<<<"$(ans .body | tr '\n' ' ' | tr -s ' ')"

# ---- an address bound to a triager token -------------------------------------
# (`splatd token create --email` is the subscriptions part's; the column is
# set as it sets it)
token tri1 triager >/dev/null
sql "UPDATE tokens SET email = 'tri@example.org' WHERE name = 'tri1'"
cat >"$TMP/tri.eml" <<EOF
From: Tri Ager <Tri@Example.org>
Subject: Re: [splatd] 3 lockdep reports
Message-ID: <t1.tri@example.org>
In-Reply-To: <$DIGEST>

#splatd [3] status: triaged
EOF
check_eq "a triager's mail is handled" 0 "$(receive "$TMP/tri.eml")"
get "$BASE/api/v1/signatures/$RECID" >/dev/null
check_eq "... and applied (API: [3] triaged)" "1 triaged" \
	"$(grep -c '^applied: ' "$TMP/rx.out") $(body .status)"
"$SPLATD" token revoke tri1 --db "$DB" >/dev/null
sed -e 's/t1.tri/t2.tri/' -e 's/triaged/known/' "$TMP/tri.eml" >"$TMP/tri2.eml"
receive "$TMP/tri2.eml" >/dev/null
get "$BASE/api/v1/signatures/$RECID" >/dev/null
check_eq "a revoked token's address is refused" "1 triaged" \
	"$(grep -c '^refused: ' "$TMP/rx.out") $(body .status)"

# ---- malformed commands ---------------------------------------------------------
from_gr "$TMP/bad.eml" bad.roeck@example.net "#splatd frobnicate [1]" \
	"#splatd [1] mute 999d" "#splatd [2] dup: the other one" \
	"#splatd [9] invalid" "#splatd [3] introduced: not-a-commit" \
	"#splatd [3] link: javascript:alert(1)" "#splatd 20 dup: 1"
ev=$(events)
check_eq "malformed commands: handled" 0 "$(receive "$TMP/bad.eml")"
check "... an id where the item goes: says what may stand there" grep -q \
	'^refused: #splatd 20 dup: 1: between #splatd and the command only \[n\] (an item of the mail answered) or a 16-digit signature hash may stand$' \
	"$TMP/rx.out"
check_eq "... each refused, none applied" "7 0 $ev" \
	"$(grep -c '^refused: ' "$TMP/rx.out") $(grep -c '^applied: ' "$TMP/rx.out") $(events)"
answer "$(replies)"
B=$(ans .body | tr '\n' ' ' | tr -s ' ')
for why in "refused: unknown command" "1..365 days" \
	"dup: needs an item \[n\]" "has no item \[9\]" \
	"introduced is a commit" "link: needs one http"; do
	check "... the answer says: $why" grep -q "$why" <<<"$B"
done
check_eq "... and no regression was created by the refused introduced" 1 \
	"$(sql 'SELECT count(*) FROM regressions')"

# ---- no command, no answer ---------------------------------------------------
n=$(replies)
from_gr "$TMP/thanks.eml" thanks.roeck@example.net \
	"Thanks, I will look at it. #splatd is great." "> #splatd invalid"
check_eq "a mail without commands is handled" 0 "$(receive "$TMP/thanks.eml")"
check_eq "... gets no answer and changes nothing" "$n 0" \
	"$(replies) $(wc -c <"$TMP/rx.out")"
check_eq "... and is remembered" 1 \
	"$(sql "SELECT count(*) FROM mail_received
		WHERE message_id = 'thanks.roeck@example.net'")"

# ---- splatd+<hash>@ and every command kind ----------------------------------
JD=jdelvare@suse.com
ESC=e1.20260101.splatd@example.org
# the escalation mail Jean got about the recursive one (ref 0)
sql "INSERT INTO outbox (message_id, kind, envelope_from, recipients,
	message, state, next_attempt, created, sent_at)
	VALUES ('$ESC', 'escalation', 'splatd@example.org', '[\"$JD\"]',
	'Subject: [splatd] escalated', 'sent', $NOW, $NOW, $NOW);
	INSERT INTO mail_items VALUES ('$ESC', 0, $RECID);
	INSERT INTO mail_sent_about VALUES ($RECID, '$JD', $NOW)"
# plus FILE ID COMMAND...: a mail from Jean to splatd+<hash>@, answering
# the escalation mail splatd sent him
plus() {
	local f=$1 id=$2
	shift 2
	{
		printf 'From: Jean Delvare <%s>\n' "$JD"
		printf 'To: "splatd" <splatd+%s@lists.example.org>\n' "$RECHASH"
		printf 'Subject: recursive locking in hwmon\nMessage-ID: <%s>\n' "$id"
		printf 'In-Reply-To: <%s>\n\n' "$ESC"
		printf '%s\n' "$@"
	} >"$f"
}
# a From: costs nothing to forge: without the thread, nothing
plus "$TMP/p0.eml" p0@suse.com "#splatd status: known"
sed -i '/^In-Reply-To/d' "$TMP/p0.eml"
receive "$TMP/p0.eml" >/dev/null
check "a mail answering no mail splatd sent to the sender: refused" \
	grep -q "^refused: .*only when it answers a mail splatd sent to that address.*answers none$" \
	"$TMP/rx.out"
plus "$TMP/p1.eml" p1@suse.com "#splatd mute 30d"
check_eq "a maintainer's mute 30d applied" "0 1" \
	"$(receive "$TMP/p1.eml") $(grep -c '^applied: ' "$TMP/rx.out")"
check "... the answer names the signature and the mute's end, for Jean only" grep -q \
	"^applied: #splatd mute 30d: $JD gets no mail about signature $RECID (.*) for 30 days, until 2026-01-31; the others who hear about it still do$" \
	"$TMP/rx.out"
check_eq "... his own mute, 30 days on; the signature is not muted for all" \
	"mute|$((NOW + 30 * 86400))||0" \
	"$(sql "SELECT reason, ts FROM mail_optouts WHERE email = '$JD'
		AND signature_id = $RECID")|$(sql "SELECT muted_until,
		mute_until_escalating FROM signatures WHERE id = $RECID")"
plus "$TMP/p2.eml" p2@suse.com "#splatd mute until-escalating" \
	"#splatd link: https://lore.kernel.org/r/20260101.hwmon@suse.com" \
	"#splatd fix: hwmon: (coretemp) take the lock once"
receive "$TMP/p2.eml" >/dev/null
check_eq "mute until-escalating, link, fix: applied" 3 \
	"$(grep -c '^applied: ' "$TMP/rx.out")"
check_eq "... mute state: Jean's, until it escalates" "mute-escalating|$NOW" \
	"$(sql "SELECT reason, ts FROM mail_optouts WHERE email = '$JD'
		AND signature_id = $RECID")"
RREG=$(sql "SELECT regression_id FROM regression_signatures
	WHERE signature_id = $RECID")
check "... a regression was created for the signature" test -n "$RREG"
get "$BASE/api/v1/regressions/$RREG" >/dev/null
check_eq "API: titled as the signature, with the link" \
	"$(sql "SELECT title FROM signatures WHERE id = $RECID")|https://lore.kernel.org/r/20260101.hwmon@suse.com" \
	"$(body '"\(.title)|\(.links | join(" "))"')"
check_eq "... fix_expected recorded with its history line" \
	"hwmon: (coretemp) take the lock once|fix_expected|mail:$JD" \
	"$(sql "SELECT r.fix_expected, h.action, h.actor FROM regressions r
		JOIN regression_history h ON h.regression_id = r.id
		WHERE r.id = $RREG AND h.action = 'fix_expected'")"
plus "$TMP/p3.eml" p3@suse.com "#splatd unmute" "#splatd not-mine" \
	"#splatd invalid"
receive "$TMP/p3.eml" >/dev/null
check_eq "unmute, not-mine, invalid: applied" 3 "$(grep -c '^applied: ' "$TMP/rx.out")"
check_eq "... opted out of that signature" "not-mine|$NOW" \
	"$(sql "SELECT reason, ts FROM mail_optouts WHERE email = '$JD'
		AND signature_id = $RECID")"
get "$BASE/api/v1/signatures/$RECID" >/dev/null
check_eq "API: invalid" invalid "$(body .status)"
check_eq "every command is in the signature's history" \
	"mute mute unmute not-mine status" \
	"$(sql "SELECT action FROM signature_events
		WHERE signature_id = $RECID AND actor = 'mail:$JD' ORDER BY id" |
		xargs)"
plus "$TMP/p4.eml" p4@suse.com "#splatd status: known"
sed -i -e 's/^To: .*/To: splatd+0000000000000000@example.org/' \
	-e '/^In-Reply-To/d' "$TMP/p4.eml"
receive "$TMP/p4.eml" >/dev/null
check "an unknown splatd+hash@ is refused: which signature?" \
	grep -q '^refused: .*which signature' "$TMP/rx.out"

# ---- no answer to automatic mail, or to splatd itself ------------------------
n=$(replies)
plus "$TMP/a1.eml" a1@suse.com "#splatd status: known"
sed -i '1i Auto-Submitted: auto-replied' "$TMP/a1.eml"
receive "$TMP/a1.eml" >/dev/null
check_eq "Auto-Submitted: no answer" "$n" "$(replies)"
plus "$TMP/a2.eml" a2@suse.com "#splatd status: new"
sed -i '1i Precedence: bulk' "$TMP/a2.eml"
receive "$TMP/a2.eml" >/dev/null
check_eq "Precedence: bulk: no answer" "$n" "$(replies)"
plus "$TMP/a3.eml" a3@suse.com "#splatd status: known"
sed -i 's/^From: .*/From: splatd <SPLATD@example.org>/' "$TMP/a3.eml"
receive "$TMP/a3.eml" >/dev/null
check_eq "splatd's own mail: ignored, no answer" "$n 0" \
	"$(replies) $(wc -c <"$TMP/rx.out")"
check "... says so" grep -q 'from splatd itself' "$TMP/rx.err"

# ---- no Message-ID: the sha256 of the bytes ---------------------------------
plus "$TMP/n1.eml" x "#splatd status: new"
sed -i '/^Message-ID/d' "$TMP/n1.eml"
receive "$TMP/n1.eml" >/dev/null
check_eq "a mail without Message-ID is acted on" 1 "$(grep -c '^applied: ' "$TMP/rx.out")"
check_eq "... under the sha256 of its bytes" 1 "$(sql "SELECT count(*)
	FROM mail_received WHERE message_id = '$(sha256sum <"$TMP/n1.eml" | cut -c1-64)'")"
receive "$TMP/n1.eml" >/dev/null
check "... once" grep -q 'received before' "$TMP/rx.err"

# ---- a database error: EX_TEMPFAIL -------------------------------------------
st=$("$SPLATD" mail receive "${MOPTS[@]}" --db /proc/none/x.db <"$TMP/reply1.eml" \
	2>"$TMP/rx.err"; echo $?)
check_eq "no database: exit 75 so the mail system retries" 75 "$st"
check "... and says the mail may be offered again" grep -q 'offered again' \
	"$TMP/rx.err"
# ---- dup by signature id and by hash ---------------------------------------
from_gr "$TMP/dupid.eml" dupid.roeck@example.net \
	"#splatd [3] dup: 0123456789abcdef" "#splatd [3] dup: $SEEDID"
receive "$TMP/dupid.eml" >/dev/null
check_eq "dup: an unknown hash refused, a signature id applied" \
	"refused: #splatd [3] dup: 0123456789abcdef: no signature 0123456789abcdef
applied" "$(sed -e '2s/:.*//' "$TMP/rx.out")"
get "$BASE/api/v1/signatures/$RECID" >/dev/null
check_eq "API: [3] is a duplicate of the seed" "$SEEDID" "$(body .duplicate_of)"
answer "$(replies)"
check_eq "its answer's References: the digest (their In-Reply-To), then theirs" \
	"<$DIGEST> <dupid.roeck@example.net>" "$(ans '.headers.references[0]')"

# ---- List-Unsubscribe mailto: (escalation mails) ---------------------------
# a mail to splatd+<hash>@ whose subject is "unsubscribe", as a mail client
# sends it for List-Unsubscribe: <mailto:...?subject=unsubscribe>
{
	printf 'From: Someone Else <someone@example.net>\n'
	printf 'To: <splatd+%s@lists.example.org>\n' "$RECHASH"
	printf 'Subject: unsubscribe\nMessage-ID: <unsub-1@example.net>\n\n'
} >"$TMP/unsub.eml"
n=$(replies)
# (the signature was merged above: its root is meant)
ROOT=$(sql "SELECT coalesce(duplicate_of, id) FROM signatures WHERE id = $RECID")
check_eq "mailto unsubscribe: handled" 0 "$(receive "$TMP/unsub.eml")"
check_eq "... the sender is dropped from that signature" \
	"someone@example.net $ROOT unsubscribe" \
	"$(sql "SELECT email || ' ' || signature_id || ' ' || reason FROM
		mail_optouts WHERE email = 'someone@example.net'")"
check_eq "... in the history, and not answered" "1 $n" \
	"$(sql "SELECT count(*) FROM signature_events WHERE signature_id =
		$ROOT AND action = 'unsubscribe'") $(replies)"
sed -e 's/^Subject: .*/Subject: please unsubscribe me/' \
	-e 's/unsub-1@/unsub-2@/' "$TMP/unsub.eml" >"$TMP/unsub2.eml"
receive "$TMP/unsub2.eml" >/dev/null
check_eq "... only the exact word: another subject unsubscribes nobody" 1 \
	"$(sql "SELECT count(*) FROM mail_optouts
		WHERE email = 'someone@example.net'")"

# Thunderbird's default, format=flowed: its wrap of a long fix subject is
# a space at the line's end, and the subject is one line again
{
	printf 'From: %s\nSubject: Re: [splatd] 3 lockdep reports\n' "$GR"
	printf 'Message-ID: <flowed-1@roeck>\nIn-Reply-To: <%s>\n' "$DIGEST"
	printf 'Content-Type: text/plain; charset=UTF-8; format=flowed\n'
	printf 'Content-Transfer-Encoding: 7bit\n\n'
	printf '> [2] possible deadlock in coretemp_cpu_online \n\n'
	printf '#splatd fix: hwmon: (coretemp) Replace sensor_device_attribute \n'
	printf 'with device_attribute and take the lock once\n'
} >"$TMP/flowed.eml"
receive "$TMP/flowed.eml" >/dev/null
FREG=$(sql "SELECT regression_id FROM regression_signatures
	WHERE signature_id = $SEEDID")
check_eq "format=flowed: the wrapped fix subject is recorded whole" \
	"hwmon: (coretemp) Replace sensor_device_attribute with device_attribute and take the lock once" \
	"$(sql "SELECT fix_expected FROM regressions WHERE id = '$FREG'")"

check_eq "usage: --help 0, an unknown option 2, no subcommand 2" "0 2 2" \
	"$("$SPLATD" mail receive --help >/dev/null; echo $?) $("$SPLATD" mail \
	receive --frob </dev/null 2>/dev/null; echo $?) $("$SPLATD" mail \
	2>/dev/null; echo $?)"
stop_server
finish
