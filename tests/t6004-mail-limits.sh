#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6004-mail-limits: the emergency stop and the hourly cap hold mail back
# and never drop it.  Paused: nothing reaches the SMTP server, every due
# mail waits uncounted, resume sends them.  --mail-max-per-hour 2 with five
# due: two go, three wait; an hour later two more, then the last; each
# Message-ID arrives exactly once.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/lib.sh
. tests/mail/outbox.sh

start_smtpd
$QUEUE --db "$DB" --now "$NOW" --count 3 --to maint@example.org >"$TMP/ids"

"$SPLATD" mail pause --db "$DB" >"$TMP/out"
check_eq "pause: exit 0" 0 $?
check "pause: says what it means" grep -q 'nothing is sent' "$TMP/out"
send_smtp --now "$NOW"
check_eq "paused: exit 0" 0 $?
check_eq "paused: nothing reaches the server" 0 "$(mails)"
check "paused: the three are counted as waiting" grep -q \
	'0 sent, 0 to retry, 0 failed, 3 waiting' "$TMP/send.err"
check_eq "paused: queued, no attempt counted" "3 0" \
	"$(sql "SELECT count(*), sum(attempts) FROM outbox WHERE state = 'queued'" | tr '|' ' ')"
check "paused: status says so" bash -c \
	"'$SPLATD' mail status --db '$DB' --now $NOW | grep -qx 'paused: yes'"
# an mbox file is no delivery: the stop does not apply to it
"$SPLATD" mail send --db "$DB" --now "$NOW" --dry-run >"$TMP/dry" 2>/dev/null
check_eq "paused: --dry-run still shows what is due" 3 \
	"$(grep -c '^Message-ID:' "$TMP/dry")"

"$SPLATD" mail resume --db "$DB" >/dev/null
check_eq "resume: exit 0" 0 $?
send_smtp --now "$NOW"
check_eq "resumed: the three go out" "3 3" \
	"$(mails) $(sql "SELECT count(*) FROM outbox WHERE state = 'sent'")"
check_eq "resumed: exactly the queued ones" "$(sort "$TMP/ids" | xargs)" \
	"$(ids_in | sort | xargs)"
stop_smtpd

# the hourly cap: 2 per hour, 5 due
start_smtpd
reset_db
$QUEUE --db "$DB" --now "$NOW" --count 5 --to maint@example.org >"$TMP/ids"
send_smtp --now "$NOW" --mail-max-per-hour 2
check_eq "cap: two sent" 2 "$(mails)"
check "cap: three counted as waiting" grep -q \
	'2 sent, 0 to retry, 0 failed, 3 waiting' "$TMP/send.err"
check_eq "cap: the oldest went first" "$(head -2 "$TMP/ids" | xargs)" \
	"$(ids_in | xargs)"
check_eq "cap: the rest queued, not attempted" "3 0" \
	"$(sql "SELECT count(*), sum(attempts) FROM outbox WHERE state = 'queued'" | tr '|' ' ')"
send_smtp --now "$((NOW + 1800))" --mail-max-per-hour 2
check_eq "cap: half an hour later, still two" 2 "$(mails)"
send_smtp --now "$((NOW + 3600))" --mail-max-per-hour 2
check_eq "cap: an hour later, two more" 4 "$(mails)"
send_smtp --now "$((NOW + 3601))" --mail-max-per-hour 2
check_eq "cap: not one more within that hour" 4 "$(mails)"
send_smtp --now "$((NOW + 7200))" --mail-max-per-hour 2
check_eq "cap: the last one the hour after" 5 "$(mails)"
check_eq "cap: every Message-ID exactly once" "$(sort "$TMP/ids" | xargs)" \
	"$(ids_in | sort | xargs)"
check_eq "cap: all sent, one attempt each" "5 5" \
	"$(sql "SELECT count(*), sum(attempts) FROM outbox WHERE state = 'sent'" | tr '|' ' ')"
# without the option the default cap (500) lets all through
$QUEUE --db "$DB" --now "$NOW" --count 3 --to maint@example.org >/dev/null
send_smtp --now "$((NOW + 7200))"
check_eq "default cap: all three go" 8 "$(mails)"
finish
