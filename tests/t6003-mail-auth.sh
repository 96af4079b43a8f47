#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6003-mail-auth: SMTP AUTH against a real server that requires it.  The
# password comes from --smtp-password-file (its first line; a file others
# may read is refused) or $SPLATD_SMTP_PASSWORD, never from an argument.
# A wrong password, or none where the server wants one, loses no mail: it
# stays queued with no attempt counted, the reason recorded, the password
# nowhere in it.  TLS required (--smtp-tls-required, smtps://) of a server
# without it holds the mail too.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/lib.sh
. tests/mail/outbox.sh
unset SPLATD_SMTP_PASSWORD

start_smtpd --auth splatd:s3cret-pw
$QUEUE --db "$DB" --now "$NOW" --count 2 --to maint@example.org >/dev/null

# no AUTH where the server wants it (530): held, not failed
send_smtp --now "$NOW"
check_eq "no AUTH: exit 1" 1 $?
check "no AUTH: says the server wants it" grep -q \
	'MAIL: 530 5.7.0 Authentication required (the server wants AUTH: --smtp-user)' \
	"$TMP/send.err"
check_eq "no AUTH: both queued, no attempt counted" "queued 0 queued 0" \
	"$(sql "SELECT state, attempts FROM outbox ORDER BY id" | tr '|\n' '  ' | sed 's/ $//')"
check_eq "no AUTH: the reason is recorded" 1 \
	"$(sql "SELECT count(*) FROM outbox WHERE last_error LIKE '%530%'")"

# a wrong password from the environment: held, not failed, not leaked
SPLATD_SMTP_PASSWORD=wr0ng-pw send_smtp --now "$NOW" --smtp-user splatd
check_eq "wrong password: exit 1" 1 $?
check "wrong password: says AUTH was refused" grep -q 'SMTP AUTH refused: 535' \
	"$TMP/send.err"
check_eq "wrong password: still queued, no attempt counted" "0 0" \
	"$(sql "SELECT count(*) FILTER (WHERE state <> 'queued'), sum(attempts) FROM outbox" | tr '|' ' ')"
check_eq "wrong password: nothing delivered" 0 "$(mails)"
sql "SELECT last_error FROM outbox" >"$TMP/errors"
b64=$(printf 'wr0ng-pw' | base64)
check "wrong password: not in the recorded error" \
	bash -c "! grep -q -e wr0ng-pw -e '$b64' '$TMP/errors' '$TMP/send.err'"

# TLS demanded of a server that has none: held, nothing goes in clear
SPLATD_SMTP_PASSWORD=s3cret-pw send_smtp --now "$NOW" --smtp-user splatd \
	--smtp-tls-required
check_eq "--smtp-tls-required without STARTTLS: exit 1" 1 $?
check "--smtp-tls-required without STARTTLS: says TLS" grep -q 'TLS' \
	"$TMP/send.err"
SPLATD_SMTP_PASSWORD=s3cret-pw send --now "$NOW" --smtp-user splatd \
	--smtp-url "smtps://${SMTP_URL#smtp://}"
check_eq "smtps:// to a server without TLS: exit 1" 1 $?
check_eq "no TLS: nothing delivered, nothing counted" "0 0 queued" \
	"$(mails) $(sql "SELECT sum(attempts) FROM outbox") $(sql "SELECT DISTINCT state FROM outbox")"

# a password on the command line is no option at all
"$SPLATD" mail send --db "$DB" --smtp-url "$SMTP_URL" --smtp-user splatd \
	--smtp-password s3cret-pw 2>/dev/null
check_eq "--smtp-password is refused" 2 $?

# a password file others may read is refused before anything is tried
printf 's3cret-pw\n' >"$TMP/pw"
chmod 644 "$TMP/pw"
send_smtp --now "$NOW" --smtp-user splatd --smtp-password-file "$TMP/pw"
check_eq "world-readable password file: exit 1" 1 $?
check "world-readable password file: says why" grep -q 'others may read it' \
	"$TMP/send.err"
check_eq "world-readable password file: nothing tried" 0 \
	"$(sql "SELECT sum(attempts) FROM outbox")"

# the right password from a file (trailing newline stripped)
chmod 600 "$TMP/pw"
send_smtp --now "$NOW" --smtp-user splatd --smtp-password-file "$TMP/pw"
check_eq "password file: exit 0" 0 $?
check_eq "password file: both mails in, authenticated" "2 true true" \
	"$(mails) $(jq -r .auth "$MAILDIR/0001.json" "$MAILDIR/0002.json" | xargs)"
check_eq "password file: one connection, one AUTH for both" 1 \
	"$(cat "$MAILDIR"/000[12].json | jq -r .peer | sort -u | wc -l)"

# the right password from the environment
$QUEUE --db "$DB" --now "$NOW" --to maint@example.org >/dev/null
SPLATD_SMTP_PASSWORD=s3cret-pw send_smtp --now "$NOW" --smtp-user splatd
check_eq "environment: exit 0" 0 $?
check_eq "environment: sent, authenticated" "3 true" \
	"$(mails) $(jq -r .auth "$MAILDIR/0003.json")"

# --smtp-user without any password: refused at once
$QUEUE --db "$DB" --now "$NOW" --to maint@example.org >/dev/null
send_smtp --now "$NOW" --smtp-user splatd
check_eq "no password at all: exit 1" 1 $?
check "no password at all: says where it is read from" grep -q \
	'SPLATD_SMTP_PASSWORD' "$TMP/send.err"
finish
