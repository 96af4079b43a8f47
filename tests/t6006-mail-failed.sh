#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6006-mail-failed: a mail that failed for good is not lost.  A server
# that fails one DATA the way aiosmtpd does when its handler breaks (500,
# the transaction kept) does not fail the mails after it: each gets a
# clean connection.  `splatd mail send` and `splatd digest` exit 1 and say
# what failed and how to send it again; `splatd mail retry --id N` and
# `--failed` queue failed mail again and the next send delivers it.  A
# digest that failed does not count as the recipient's: the next pass
# composes one again, and the failed one, superseded, is not retried.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/lib.sh
. tests/mail/outbox.sh
state() { sql "SELECT state FROM outbox ORDER BY id" | paste -sd' '; }

start_smtpd --crash-data 1
for i in 1 2 3; do $QUEUE --db "$DB" --now "$NOW" --to "m$i@example.org" >/dev/null; done
send_smtp --now "$NOW"
check_eq "a DATA the server broke on: that mail failed, exit 1" "1 failed sent sent" \
	"$? $(state)"
check_eq "... the next mails were sent on a clean connection" 2 "$(mails)"
check_eq "... the server's answer kept" "DATA: 500 Error: (OSError) maildir gone" \
	"$(sql "SELECT last_error FROM outbox WHERE state = 'failed'")"
check "... stderr says so and what to do" grep -q \
	'1 mail failed for good: `splatd mail status` says why, `splatd mail retry --failed` queues it again' \
	"$TMP/send.err"
ID=$(sql "SELECT id FROM outbox WHERE state = 'failed'")
"$SPLATD" mail retry --db "$DB" --now "$((NOW + 60))" --id "$ID" >"$TMP/retry.out"
check_eq "mail retry --id: queued again, as new" "0 queued|0|$((NOW + 60))|" \
	"$? $(sql "SELECT state, attempts, next_attempt, last_error FROM outbox WHERE id = $ID")"
send_smtp --now "$((NOW + 60))"
check_eq "... the next send delivers it" "0 sent sent sent 3" "$? $(state) $(mails)"
"$SPLATD" mail retry --db "$DB" --id "$ID" 2>"$TMP/retry.err"
check_eq "retry of a mail that did not fail: exit 1, said" "1 no failed mail $ID" \
	"$? $(sed 's/^splatd mail retry: //' "$TMP/retry.err")"
"$SPLATD" mail retry --db "$DB" 2>/dev/null
check_eq "retry without --id or --failed: usage, 2" 2 $?
stop_smtpd

start_smtpd --fail-554 2
for i in 4 5; do $QUEUE --db "$DB" --now "$NOW" --to "m$i@example.org" >/dev/null; done
send_smtp --now "$((NOW + 120))"
check_eq "554 twice: both failed, exit 1" "1 sent sent sent failed failed" "$? $(state)"
"$SPLATD" mail retry --db "$DB" --now "$((NOW + 180))" --failed >"$TMP/retry.out"
check_eq "mail retry --failed queues both" \
	"2 queued again (the next send sends them), 0 superseded digests left failed" \
	"$(cat "$TMP/retry.out")"
send_smtp --now "$((NOW + 180))"
check_eq "... and they go" "0 sent sent sent sent sent" "$? $(state)"
stop_smtpd

# a digest that failed: the recipient's period does not count it
. tests/mail/digest-lib.sh
reset_db
K=$TMP/k
minikernel "$K"
"$SPLATD" git tree add linux --repo "$K" --branch master --db "$DB" >/dev/null
T0=1780000000
ingest_at $T0 run-1 shard-1 "$SEED"
start_smtpd --fail-554 6
"$SPLATD" digest --db "$DB" --now $((T0 + 3600)) --public-url "$PUB" \
	--mail-from 'splatd <splatd@splatd.example.org>' --smtp-url "$SMTP_URL" \
	2>"$TMP/digest.err"
check_eq "digest: all 6 failed, exit 1" "1 6" \
	"$? $(sql "SELECT count(*) FROM outbox WHERE state = 'failed'")"
check "... saying so" grep -q '6 mails failed for good' "$TMP/digest.err"
check_eq "... no recipient's period counts them" 0 \
	"$(sql "SELECT count(*) FROM mail_recipients WHERE last_digest > 0")"
run_digest "$TMP/d2" $((T0 + 7200))
check_eq "the next pass, an hour later: 6 first digests again" "6 6" \
	"$(count "$TMP/d2") $(grep -l 'Your first splatd digest' "$TMP"/d2/*.eml | wc -l)"
"$SPLATD" mail retry --db "$DB" --failed >"$TMP/retry.out"
check_eq "the failed ones are superseded: not retried" \
	"0 queued again (the next send sends them), 6 superseded digests left failed" \
	"$(cat "$TMP/retry.out")"
finish
