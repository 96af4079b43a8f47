#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6045-mail-hostile: hostile mail fed to `splatd mail receive` (ASan and
# UBSan build): 100k lines, MIME bombs, broken base64 and quoted-printable,
# bytes that are not UTF-8, a 1 MiB line, header injection through an
# encoded Subject, a From without an address, 20 MiB.  Each is handled
# (exit 0, a clear line; 20 MiB exit 65, t6054), never crashes, applies
# nothing it should not and answers with clean headers only.
#
# As in t6040, the digest that went out is written the way `splatd digest`
# writes it (outbox, mail_items, mail_sent_about).
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
. tests/mail/lib.sh # mime

NOW=1767225600
GR=linux@roeck-us.net
DIGEST=d1.splatd@example.org
PY3=/usr/bin/python3

start_server
CI=$(token ci1 ci)
check_eq "seed stored" 201 "$(post_log "$CI" "id=s1&machine=m1" "$SEED")"
SEEDID=$(body '.reports[0].signature_id')
stop_server
sql "INSERT INTO outbox (message_id, kind, envelope_from, recipients,
	message, state, next_attempt, created, sent_at)
	VALUES ('$DIGEST', 'digest', 'splatd@example.org', '[\"$GR\"]',
	'Subject: x', 'sent', $NOW, $NOW, $NOW);
	INSERT INTO mail_items VALUES ('$DIGEST', 1, $SEEDID);
	INSERT INTO mail_sent_about VALUES ($SEEDID, '$GR', $NOW);"

receive() {
	timeout 120 "$SPLATD" mail receive --db "$DB" --now "$NOW" \
		--mail-from 'splatd <splatd@example.org>' \
		--public-url https://splatd.example.org \
		<"$1" >"$TMP/rx.out" 2>"$TMP/rx.err"
	echo $?
}
replies() { sql "SELECT count(*) FROM outbox WHERE kind = 'reply'"; }
state() {
	sql "SELECT status, (SELECT count(*) FROM signature_events),
		(SELECT count(*) FROM regressions) FROM signatures
		WHERE id = $SEEDID"
}
# hdrs ID: the headers of a reply from Guenter to the digest
hdrs() {
	printf 'From: Guenter Roeck <%s>\r\nMessage-ID: <%s>\r\n' "$GR" "$1"
	printf 'In-Reply-To: <%s>\r\nSubject: Re: digest\r\n' "$DIGEST"
}
# handled NAME FILE WHY: exit 0, no sanitizer report, WHY on stderr, and
# nothing changed or answered
handled() {
	local before=$(state) n=$(replies)
	check_eq "$1: handled" 0 "$(receive "$2")"
	check "$1: no sanitizer report" \
		not grep -q 'Sanitizer\|runtime error' "$TMP/rx.err"
	check "$1: a clear line ($3)" grep -q "$3" "$TMP/rx.err"
	check_eq "$1: nothing applied, nothing answered" "$before $n" \
		"$(state) $(replies)"
}
not() { ! "$@"; }

# ---- 100k lines ---------------------------------------------------------------
{ hdrs many1; printf '\r\n'; yes '#splatd invalid' | sed 100000q; } >"$TMP/many.eml"
handled "100k command lines" "$TMP/many.eml" "more than 50 commands"
{ hdrs hdr1; yes 'X-Filler: x' | sed 100000q; printf '\r\n#splatd invalid\r\n'; } \
	>"$TMP/hdrs.eml"
handled "100k header lines" "$TMP/hdrs.eml" "more than 1000 header lines"
{ hdrs text1; printf '\r\n'; yes 'some quoted text of a long mail' | sed 100000q
	printf '#splatd status: triaged\r\n'; } >"$TMP/long.eml"
check_eq "100k lines of text and one command: handled" 0 "$(receive "$TMP/long.eml")"
check_eq "... the command is applied, once" "1 triaged 1" \
	"$(grep -c '^applied: ' "$TMP/rx.out") $(sql "SELECT status FROM
	signatures WHERE id = $SEEDID") $(replies)"

# ---- MIME bombs ----------------------------------------------------------------
$PY3 - "$TMP/deep.eml" "$TMP/wide.eml" "$(hdrs deep1)" "$(hdrs wide1)" <<'EOF'
import sys
deep, wide, hd, hw = [a.rstrip("\r\n") for a in sys.argv[1:5]]
with open(deep, "w") as f:
    f.write(hd + "\r\nContent-Type: multipart/mixed; boundary=b0\r\n\r\n")
    for i in range(1, 1000):
        f.write("--b%d\r\nContent-Type: multipart/mixed; boundary=b%d\r\n\r\n"
                % (i - 1, i))
    f.write("--b999\r\nContent-Type: text/plain\r\n\r\n#splatd invalid\r\n")
with open(wide, "w") as f:
    f.write(hw + "\r\nContent-Type: multipart/mixed; boundary=w\r\n\r\n")
    for i in range(10000):
        f.write("--w\r\nContent-Type: application/octet-stream\r\n\r\nx\r\n")
    f.write("--w\r\nContent-Type: text/plain\r\n\r\n#splatd invalid\r\n--w--\r\n")
EOF
handled "multipart nested 1,000 deep" "$TMP/deep.eml" "nested deeper than 8"
handled "10,000 parts" "$TMP/wide.eml" "more than 100 MIME parts"

# ---- broken encodings, bytes that are not UTF-8 --------------------------------
{ hdrs b64; printf 'Content-Transfer-Encoding: base64\r\n\r\n'
	printf '#splatd status: known' | base64 | sed 's/^\(....\)/\1!*%%/'
	printf '====AAA=\r\n'; } >"$TMP/b64.eml"
check_eq "broken base64: handled" 0 "$(receive "$TMP/b64.eml")"
check_eq "... what decodes is read (junk skipped), the rest is dropped" \
	"1 known" "$(grep -c '^applied: ' "$TMP/rx.out") $(sql "SELECT status
	FROM signatures WHERE id = $SEEDID")"
{ hdrs qp; printf 'Content-Transfer-Encoding: quoted-printable\r\n\r\n'
	printf '#splatd fix: =ZZ=\xff=4=\r\n\r\n#splatd sta=\r\ntus: =6Eew\r\n'
	printf '#splatd mute =3'; } >"$TMP/qp.eml"
check_eq "broken quoted-printable: handled" 0 "$(receive "$TMP/qp.eml")"
check_eq "... soft breaks joined, broken escapes kept as written" \
	"applied: #splatd fix: =ZZ=?=4: new regression
applied: #splatd status: new: signature $SEEDID (possible deadlock in coretemp_cpu_online) is now new
refused: #splatd mute =3: mute takes <days>d (1..365 days) or until-escalating" \
	"$(sed -E 's/(new regression) .*/\1/' "$TMP/rx.out")"
check "... the stored fix is UTF-8" iconv -f UTF-8 -t UTF-8 \
	<(sql 'SELECT fix_expected FROM regressions') -o /dev/null
{ printf 'From: %s\r\nMessage-ID: <utf8>\r\n' "$GR"
	printf 'In-Reply-To: <%s>\r\n' "$DIGEST"
	printf 'Subject: =?utf-8?b?/w==?= \xc3\x28 \xf0\x9f\x92\xa9\r\n'
	printf 'Content-Type: text/plain; charset=iso-8859-1\r\n\r\n'
	printf '#splatd link: https://example.org/\xe9\r\n'; } >"$TMP/utf8.eml"
check_eq "not UTF-8: handled" 0 "$(receive "$TMP/utf8.eml")"
check_eq "... latin-1 read as latin-1" \
	"https://example.org/%C3%A9" "$(sql "SELECT url FROM regression_links")"
sql "SELECT message FROM outbox WHERE kind = 'reply' ORDER BY id DESC
	LIMIT 1" >"$TMP/a.eml"
mime "$TMP/a.eml" >"$TMP/a.json"
check_eq "... the answer's subject is clean UTF-8" \
	"Re: ? ?( 💩" "$(jq -r '.headers.subject[0]' "$TMP/a.json")"

# ---- a 1 MiB line -----------------------------------------------------------------
{ hdrs line1; printf '\r\n#splatd fix: '; yes A | head -c 1048576 | tr -d '\n'
	printf '\r\n'; } >"$TMP/line.eml"
before=$(state)
check_eq "a 1 MiB command line: handled" 0 "$(receive "$TMP/line.eml")"
check "... refused: too long" grep -q '^refused: .*longer than 200 bytes' "$TMP/rx.out"
check_eq "... nothing applied" "$before" "$(state)"
check "... the terminal line is short" test "$(wc -c <"$TMP/rx.out")" -lt 300
{ hdrs hline; printf 'X-Long: '; yes B | head -c 1048576 | tr -d '\n'
	printf '\r\n\r\n#splatd invalid\r\n'; } >"$TMP/hline.eml"
handled "a 1 MiB header line" "$TMP/hline.eml" "header longer than 64 KiB"

# ---- header injection --------------------------------------------------------------
{ printf 'From: %s\r\nMessage-ID: <inj1>\r\nIn-Reply-To: <%s>\r\n' "$GR" "$DIGEST"
	printf 'Subject: =?utf-8?q?hi=0D=0ABcc:_victim@example.org=0D=0A=0D=0Abody?=\r\n'
	printf '\r\n#splatd status: triaged\r\n'; } >"$TMP/inj.eml"
check_eq "an encoded CR LF Bcc: in the subject: handled" 0 "$(receive "$TMP/inj.eml")"
sql "SELECT message FROM outbox WHERE kind = 'reply' ORDER BY id DESC
	LIMIT 1" >"$TMP/inj-a.eml"
mime "$TMP/inj-a.eml" >"$TMP/inj.json"
check_eq "... the answer has only splatd's headers" \
	"auto-submitted content-transfer-encoding content-type date from in-reply-to message-id mime-version references subject to" \
	"$(jq -r '.headers | keys | join(" ")' "$TMP/inj.json")"
check_eq "... the subject is one line of text" \
	"Re: hi  Bcc: victim@example.org    body" \
	"$(jq -r '.headers.subject[0]' "$TMP/inj.json")"
check_eq "... sent only to the sender" "[\"$GR\"]" \
	"$(sql "SELECT recipients FROM outbox WHERE kind = 'reply' ORDER BY id
		DESC LIMIT 1")"
check_eq "... no defects" 0 "$(jq '.defects | length' "$TMP/inj.json")"

# ---- a From without an address ---------------------------------------------------
n=$(replies)
{ printf 'From: Guenter Roeck\r\nMessage-ID: <noaddr>\r\n'
	printf 'In-Reply-To: <%s>\r\n\r\n#splatd invalid\r\n' "$DIGEST"; } >"$TMP/noaddr.eml"
check_eq "a From with no address: handled" 0 "$(receive "$TMP/noaddr.eml")"
check "... refused: no sender address" grep -q '^refused: .*no sender address' \
	"$TMP/rx.out"
check_eq "... not invalid, no answer" "triaged $n" "$(sql "SELECT status
	FROM signatures WHERE id = $SEEDID") $(replies)"

# ---- 20 MiB ------------------------------------------------------------------------
{ hdrs big; printf '\r\n#splatd invalid\r\n'; head -c 20971520 /dev/zero | tr '\0' x; } \
	>"$TMP/big.eml"
# past the cap receive reads no further and exits 65 (EX_DATAERR: the mail
# system bounces it; t6054)
before="$(state) $(replies)"
check_eq "20 MiB: refused, exit 65" 65 "$(receive "$TMP/big.eml")"
check "20 MiB: a clear line" grep -q "larger than 10 MiB" "$TMP/rx.err"
check_eq "20 MiB: nothing applied, nothing answered" "$before" \
	"$(state) $(replies)"
finish
