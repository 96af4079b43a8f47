#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6000-mail-smtp: `splatd mail send` hands queued mail to a real SMTP
# server (tests/mail/smtpd.py) byte for byte: headers a MIME parser reads
# back (a subject with CR LF and non-ASCII stays one header), the envelope,
# a body with a leading dot; the mail is marked sent once and not sent
# again; lines past 998 bytes never leave.  Without a transport it says
# so (exit 2); --mbox and --dry-run;
# an unreachable server stops the pass after one attempt.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/lib.sh
. tests/mail/outbox.sh

start_smtpd
ID=$($QUEUE --db "$DB" --now "$NOW" --to maint@example.org \
	--to other@example.org --subject $'Grüße\r\nBcc: evil@example.org')
check "one mail queued" test -n "$ID"
check_eq "queued, not attempted" "queued 0" \
	"$(sql "SELECT state, attempts FROM outbox" | tr '|' ' ')"

# no transport: nothing happens, exit 2 with a line saying what is missing
"$SPLATD" mail send --db "$DB" --now "$NOW" 2>"$TMP/err"
check_eq "no transport: exit 2" 2 $?
check "no transport: says so" grep -q 'no transport is configured' "$TMP/err"
check_eq "no transport: still queued" "queued 0" \
	"$(sql "SELECT state, attempts FROM outbox" | tr '|' ' ')"

send_smtp --now "$NOW"
check_eq "send: exit 0" 0 $?
check_eq "the server got one mail" 1 "$(mails)"
check_eq "marked sent at --now after one attempt" "sent 1 $NOW" \
	"$(sql "SELECT state, attempts, sent_at FROM outbox" | tr '|' ' ')"

# the envelope
check_eq "envelope sender" splatd@splatd.example.org \
	"$(jq -r .mail_from "$MAILDIR/0001.json")"
check_eq "envelope recipients" "maint@example.org other@example.org" \
	"$(jq -r '.rcpt_tos | join(" ")' "$MAILDIR/0001.json")"
# byte for byte what was queued (SMTP dot-stuffing undone by the server)
sql "SELECT message FROM outbox" | head -c -1 >"$TMP/queued.eml"
check "the message arrives byte for byte" cmp -s "$TMP/queued.eml" \
	"$MAILDIR/0001.eml"

# as a mail client reads it
mime "$MAILDIR/0001.eml" >"$TMP/m.json"
check_eq "Message-ID is the queued one" "<$ID>" \
	"$(jq -r '.headers["message-id"][0]' "$TMP/m.json")"
check_eq "the subject decodes back (CR LF made spaces)" \
	"Grüße  Bcc: evil@example.org #1" \
	"$(jq -r '.headers.subject[0]' "$TMP/m.json")"
check_eq "no header came out of the subject" "null 1" \
	"$(jq -r '"\(.headers.bcc) \(.headers.subject | length)"' "$TMP/m.json")"
check_eq "no MIME defects, CRLF everywhere" "[] true" \
	"$(jq -c '.defects' "$TMP/m.json") $(jq -r .crlf "$TMP/m.json")"
check_eq "text/plain utf-8, one part" "text/plain utf-8 false" \
	"$(jq -r '"\(.content_type) \(.charset) \(.multipart)"' "$TMP/m.json")"
jq -r .body "$TMP/m.json" >"$TMP/body.txt"
check "body: non-ASCII intact" grep -qx \
	'Grüße aus dem Postausgang: Ünïcödé survives.' "$TMP/body.txt"
check "body: the leading dot survives SMTP" grep -qx \
	'.a line that starts with a dot' "$TMP/body.txt"
check "body: the long URL stays whole" grep -qx \
	'https://splatd.example.org/signatures/1234567890?a-very-long-query=that-never-breaks-across-lines' \
	"$TMP/body.txt"

send_smtp --now "$((NOW + 3600))"
check_eq "a second send sends nothing" "1 1" \
	"$(mails) $(sql "SELECT attempts FROM outbox")"

# hostile lengths: a 2000-byte word in the subject, a 3000-byte word in
# the body; SMTP servers refuse lines past 998 bytes (RFC 5322)
LONG=$(head -c 2000 /dev/zero | tr '\0' x)
ID=$($QUEUE --db "$DB" --now "$NOW" --to maint@example.org \
	--subject "$LONG" --word 3000)
send_smtp --now "$NOW"
check_eq "long words: delivered" "2 sent" \
	"$(mails) $(sql "SELECT state FROM outbox WHERE message_id = '$ID'")"
mime "$MAILDIR/0002.eml" >"$TMP/m.json"
check_eq "long words: no line past 998 bytes" true \
	"$(jq '.longest_line <= 998' "$TMP/m.json")"
check_eq "long words: the subject decodes back whole" "$LONG #1" \
	"$(jq -r '.headers.subject[0]' "$TMP/m.json")"
check_eq "long words: the body word is all there" 3000 \
	"$(jq -r .body "$TMP/m.json" | sed -n '/^lock /,/^-- $/p' | sed '$d' | tr -d '\n' | sed 's/^lock //' | wc -c)"

# --mbox: written and marked sent as sending would; the server sees nothing
$QUEUE --db "$DB" --now "$NOW" --count 2 --to a@example.org >"$TMP/ids"
send --now "$NOW" --mbox "$TMP/out.mbox"
check_eq "--mbox: both marked sent" 4 \
	"$(sql "SELECT count(*) FROM outbox WHERE state = 'sent'")"
check_eq "--mbox: two messages in the file" 2 \
	"$(grep -c '^From splatd@splatd.example.org ' "$TMP/out.mbox")"
check_eq "--mbox: a body line starting with From is quoted" 2 \
	"$(grep -c '^>From the outbox' "$TMP/out.mbox")"
check_eq "--mbox: the server saw nothing" 2 "$(mails)"

# --dry-run: printed, nothing marked
$QUEUE --db "$DB" --now "$NOW" --to b@example.org >"$TMP/id3"
send --now "$NOW" --dry-run >"$TMP/dry.out"
check "--dry-run prints the mail" grep -q "Message-ID: <$(cat "$TMP/id3")>" \
	"$TMP/dry.out"
check_eq "--dry-run marks nothing" "queued 0" \
	"$(sql "SELECT state, attempts FROM outbox WHERE message_id = '$(cat "$TMP/id3")'" | tr '|' ' ')"
"$SPLATD" mail send --db "$DB" --dry-run --mbox "$TMP/x" 2>/dev/null
check_eq "--dry-run and --mbox together: exit 2" 2 $?

# an unreachable server: one attempt, then the pass stops; nothing is lost
$QUEUE --db "$DB" --now "$NOW" --count 2 --to c@example.org >/dev/null
stop_smtpd
send_smtp --now "$NOW"
check_eq "server down: exit 1" 1 $?
check "server down: says so" grep -q 'no connection' "$TMP/send.err"
check_eq "server down: one attempt, the others untouched" "1 0 0" \
	"$(sql "SELECT attempts FROM outbox WHERE state = 'queued' ORDER BY id" | xargs)"
check_eq "server down: retried a minute later" "$((NOW + 60))" \
	"$(sql "SELECT next_attempt FROM outbox WHERE state = 'queued' AND attempts = 1")"

start_smtpd
send_smtp --now "$((NOW + 60))"
check_eq "server back: the three waiting mails go out" "3 0" \
	"$(mails) $(sql "SELECT count(*) FROM outbox WHERE state <> 'sent'")"
check_eq "one connection served the whole pass" 1 \
	"$(cat "$MAILDIR"/*.json | jq -r .peer | sort -u | wc -l)"
finish
