#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6002-mail-crash: exactly once under kill -9 (docs/mail.md, "Delivery,
# exactly once").  Six mails queued; the server takes three and never
# answers the fourth; `splatd mail send` is killed there.  A rerun against
# a working server sends the fifth and sixth at once and the fourth when
# its claim ran out, with its original Message-ID; none of the first three
# again.  Then the one case that sends twice, as documented: the server
# stored a mail but the sender died before it heard so.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/lib.sh
. tests/mail/outbox.sh

start_smtpd --stall-after 3
$QUEUE --db "$DB" --now "$NOW" --count 6 --to maint@example.org >"$TMP/ids"
check_eq "six queued" 6 "$(wc -l <"$TMP/ids")"
"$SPLATD" mail send --db "$DB" --now "$NOW" --smtp-url "$SMTP_URL" \
	2>"$TMP/send1.err" &
SENDER=$!
kill_in_flight "$SENDER"
check_eq "killed: three marked sent" "sent sent sent queued queued queued" \
	"$(sql "SELECT state FROM outbox ORDER BY id" | xargs)"
check_eq "killed: the fourth is claimed for the lease" "1 $((NOW + 600))" \
	"$(sql "SELECT attempts, next_attempt FROM outbox ORDER BY id LIMIT 1 OFFSET 3" | tr '|' ' ')"
stop_smtpd
mv "$MAILDIR" "$TMP/first"

start_smtpd
"$SPLATD" mail send --db "$DB" --now "$NOW" --smtp-url "$SMTP_URL" 2>/dev/null
check_eq "rerun at once: the fifth and sixth go" \
	"$(sed -n 5,6p "$TMP/ids" | xargs)" "$(ids_in "$MAILDIR" | xargs)"
check_eq "rerun at once: the claimed fourth waits" queued \
	"$(sql "SELECT state FROM outbox ORDER BY id LIMIT 1 OFFSET 3")"
"$SPLATD" mail send --db "$DB" --now "$((NOW + 600))" \
	--smtp-url "$SMTP_URL" 2>/dev/null
check_eq "after the lease: the fourth goes, with its Message-ID" \
	"$(sed -n 4,6p "$TMP/ids" | sort | xargs)" \
	"$(ids_in "$MAILDIR" | sort | xargs)"
check_eq "every Message-ID delivered exactly once" \
	"$(sort "$TMP/ids" | xargs)" \
	"$( (ids_in "$TMP/first"; ids_in "$MAILDIR") | sort | xargs)"
check_eq "none of the first three again" \
	"$(head -3 "$TMP/ids" | sort | xargs)" "$(ids_in "$TMP/first" | sort | xargs)"
check_eq "all six sent" 6 "$(sql "SELECT count(*) FROM outbox WHERE state = 'sent'")"
stop_smtpd

# The server stored the mail, the sender died before the 250: the rerun
# sends it again, with the same Message-ID (documented; a reader can
# drop the copy by its Message-ID).
start_smtpd --hold-after 0
ID=$($QUEUE --db "$DB" --now "$NOW" --to maint@example.org)
"$SPLATD" mail send --db "$DB" --now "$NOW" --smtp-url "$SMTP_URL" \
	2>/dev/null &
SENDER=$!
one_stored() { [ "$(mails)" = 1 ]; }
check "held: the server stored it" wait_for one_stored
sleep 0.5
kill -9 "$SENDER"
wait "$SENDER" 2>/dev/null
stop_smtpd
mv "$MAILDIR" "$TMP/held"
start_smtpd
"$SPLATD" mail send --db "$DB" --now "$((NOW + 600))" \
	--smtp-url "$SMTP_URL" 2>/dev/null
check_eq "held: sent again after the lease, same Message-ID" "$ID $ID" \
	"$(ids_in "$TMP/held") $(ids_in "$MAILDIR")"
check_eq "held: now marked sent, two attempts" "sent 2" \
	"$(sql "SELECT state, attempts FROM outbox WHERE message_id = '$ID'" | tr '|' ' ')"
finish
