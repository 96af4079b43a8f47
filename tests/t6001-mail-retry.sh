#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6001-mail-retry: what a real SMTP server's answers do to the outbox.
# 451 then 250: nothing is sent before the backoff (1, 2, 4 minutes)
# elapsed, then the mail goes out exactly once; 550: recorded as failed
# with the server's answer and never tried again; a recipient refused
# among accepted ones does not hold the others' mail, an invalid address
# never reaches the server; 451 for two days: given up, recorded.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/lib.sh
. tests/mail/outbox.sh
at() { send_smtp --now "$1"; }
row() { sql "SELECT state, attempts, next_attempt - $NOW FROM outbox WHERE message_id = '$1'" | tr '|' ' '; }

# 451 three times, then 250
start_smtpd --fail-451 3
ID=$($QUEUE --db "$DB" --now "$NOW" --to maint@example.org)
at "$NOW"
check_eq "451: queued, one attempt, retry in 1 minute" "queued 1 60" "$(row "$ID")"
check "451: the server's answer is kept" test \
	"$(sql "SELECT last_error FROM outbox")" = "DATA: 451 4.3.0 try again later"
at "$((NOW + 59))"
check_eq "before the backoff: not attempted" "queued 1 60 0" "$(row "$ID") $(mails)"
at "$((NOW + 60))"
check_eq "second 451: retry 2 minutes later" "queued 2 180" "$(row "$ID")"
at "$((NOW + 180))"
check_eq "third 451: retry 4 minutes later" "queued 3 420" "$(row "$ID")"
at "$((NOW + 419))"
check_eq "still nothing before it is due" 0 "$(mails)"
at "$((NOW + 420))"
check_eq "then 250: sent once, four attempts" "1 sent 4" \
	"$(mails) $(sql "SELECT state, attempts FROM outbox" | tr '|' ' ')"
check_eq "sent: no error left" "" "$(sql "SELECT last_error FROM outbox")"
at "$((NOW + 86400))"
check_eq "and never again" 1 "$(mails)"
check_eq "the delivered mail is the queued one" "<$ID>" \
	"$(mime "$MAILDIR/0001.eml" | jq -r '.headers["message-id"][0]')"
stop_smtpd

# 550: failed for good, with the server's answer
start_smtpd --reject gone@example.org
ID=$($QUEUE --db "$DB" --now "$NOW" --to gone@example.org)
at "$NOW"
check_eq "550: exit 1 (a mail failed for good)" 1 $?
check_eq "550: failed after one attempt" "failed 1" \
	"$(row "$ID" | cut -d' ' -f1-2)"
check_eq "550: the server's answer is recorded" \
	"every recipient refused: gone@example.org (550 5.1.1 no such user here)" \
	"$(sql "SELECT last_error FROM outbox WHERE message_id = '$ID'")"
check "550: counted as failed on stderr" grep -q ', 1 failed,' "$TMP/send.err"
at "$((NOW + 3 * 86400))"
check_eq "550: a later send does not retry it" "failed 1 0" \
	"$(row "$ID" | cut -d' ' -f1-2) $(mails)"

# one recipient refused among accepted ones: the others get it, once
ID=$($QUEUE --db "$DB" --now "$NOW" --to maint@example.org \
	--to gone@example.org --to other@example.org)
at "$NOW"
check_eq "partly refused: sent to the accepted ones" \
	"maint@example.org other@example.org" \
	"$(jq -r '.rcpt_tos | join(" ")' "$MAILDIR/0001.json")"
check_eq "partly refused: marked sent, not retried" "sent 1" \
	"$(row "$ID" | cut -d' ' -f1-2)"
check_eq "partly refused: the refused address is recorded" \
	"refused recipients: gone@example.org (550 5.1.1 no such user here)" \
	"$(sql "SELECT last_error FROM outbox WHERE message_id = '$ID'")"

# an address that is no address never reaches the server
ID=$($QUEUE --db "$DB" --now "$NOW" --to maint@example.org \
	--to $'evil@example.org>\r\nRCPT TO:<x@example.org')
at "$NOW"
check_eq "bad address: sent to the good one only" "maint@example.org" \
	"$(jq -r '.rcpt_tos | join(" ")' "$MAILDIR/0002.json")"
check "bad address: recorded as refused" test \
	"$(sql "SELECT last_error FROM outbox WHERE message_id = '$ID'")" = \
	'refused recipients: evil@example.org>\x0d\x0aRCPT\x20TO:<x@example.org (not a valid address)'
ID=$($QUEUE --db "$DB" --now "$NOW" --to 'no address')
at "$NOW"
check_eq "no valid address at all: failed, nothing sent" "failed 2" \
	"$(sql "SELECT state FROM outbox WHERE message_id = '$ID'") $(mails)"
stop_smtpd

# 451 for more than two days: given up, recorded
start_smtpd --fail-451 1000
ID=$($QUEUE --db "$DB" --now "$NOW" --to maint@example.org)
t=$NOW
for i in $(seq 1 40); do
	at "$t"
	[ "$(sql "SELECT state FROM outbox WHERE message_id = '$ID'")" = queued ] || break
	t=$(sql "SELECT next_attempt FROM outbox WHERE message_id = '$ID'")
done
check_eq "451 for two days: failed" failed \
	"$(sql "SELECT state FROM outbox WHERE message_id = '$ID'")"
check "451 for two days: retried at most 2 hours apart" test \
	"$((t - NOW))" -ge $((2 * 86400 - 7200))
check_eq "451 for two days: says it gave up" \
	"gave up after two days: DATA: 451 4.3.0 try again later" \
	"$(sql "SELECT last_error FROM outbox WHERE message_id = '$ID'")"
check_eq "451 for two days: nothing delivered" 0 "$(mails)"
finish
