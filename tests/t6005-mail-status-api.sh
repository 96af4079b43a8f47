#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6005-mail-status-api: the outbox seen three ways, all agreeing with the
# database: `splatd mail status` (text and --json), GET /api/v1/mail
# (triager only: it shows addresses; 401 without a token, 403 for a ci
# token) and the /metrics gauges splatd_mail_outbox{state} and
# splatd_mail_paused.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
. tests/mail/lib.sh
. tests/mail/outbox.sh
NOW=$(date -u +%s) # the server reads the real clock

# one sent, one failed (550), one waiting for a retry (451), one queued
start_smtpd --reject gone@example.org
$QUEUE --db "$DB" --to maint@example.org >/dev/null
$QUEUE --db "$DB" --to gone@example.org >"$TMP/failed"
send_smtp
stop_smtpd
start_smtpd --fail-451 1
$QUEUE --db "$DB" --to maint@example.org >"$TMP/retry"
send_smtp
$QUEUE --db "$DB" --now "$((NOW + 86400))" --to later@example.org >/dev/null
check_eq "the outbox holds what the test made" "failed 1 queued 2 sent 1" \
	"$(sql "SELECT state, count(*) FROM outbox GROUP BY state ORDER BY state" | tr '|\n' '  ' | sed 's/ $//')"

"$SPLATD" mail status --db "$DB" >"$TMP/status"
check_eq "status: exit 0" 0 $?
check "status: not paused" grep -qx 'paused: no' "$TMP/status"
check "status: queued with oldest and next attempt" grep -qE \
	'^queued: 2 \(oldest [0-9T:Z-]+, next attempt [0-9T:Z-]+\)$' "$TMP/status"
check "status: sent in the last hour" grep -qx \
	'sent: 1 (1 in the last hour)' "$TMP/status"
check "status: failed" grep -qx 'failed: 1' "$TMP/status"
check "status: the 550 with its answer" grep -q \
	"failed digest $(cat "$TMP/failed") to gone@example.org, 1 attempts: .*550 5.1.1 no such user here" \
	"$TMP/status"
check "status: the 451 waiting" grep -q \
	"queued digest $(cat "$TMP/retry") to maint@example.org, 1 attempts: DATA: 451" \
	"$TMP/status"

"$SPLATD" mail status --db "$DB" --json >"$TMP/status.json"
check_eq "status --json: counts" "false 2 1 1 1" \
	"$(jq -r '"\(.paused) \(.queued) \(.sent) \(.failed) \(.sent_last_hour)"' "$TMP/status.json")"
check_eq "status --json: next attempt is the retry, a minute on" \
	"$(date -u -d "@$(sql "SELECT next_attempt FROM outbox WHERE message_id = '$(cat "$TMP/retry")'")" +%Y-%m-%dT%H:%M:%SZ)" \
	"$(jq -r .next_attempt "$TMP/status.json")"
check_eq "status --json: failures newest first" \
	"$(cat "$TMP/retry") $(cat "$TMP/failed")" \
	"$(jq -r '[.failures[].message_id] | join(" ")' "$TMP/status.json")"

start_server
TRIAGER=$(token tri triager)
CI=$(token ci1 ci)
check_eq "GET /api/v1/mail without a token: 401" 401 "$(get "$BASE/api/v1/mail")"
check_eq "GET /api/v1/mail with a ci token: 403" 403 \
	"$(get -H "Authorization: Bearer $CI" "$BASE/api/v1/mail")"
check_eq "GET /api/v1/mail as triager: 200" 200 \
	"$(get -H "Authorization: Bearer $TRIAGER" "$BASE/api/v1/mail")"
check_eq "API: the same counts as the command" \
	"$(jq -Sc 'del(.failures)' "$TMP/status.json")" \
	"$(jq -Sc 'del(.failures)' "$TMP/body")"
check_eq "API: the failures with their fields" \
	"failed digest gone@example.org 1 true" \
	"$(body '.failures[1] | "\(.state) \(.kind) \(.recipients | join(",")) \(.attempts) \(.last_error | test("550"))"')"

get "$BASE/metrics" >/dev/null
check "metrics: queued gauge" grep -qx 'splatd_mail_outbox{state="queued"} 2' "$TMP/body"
check "metrics: sent gauge" grep -qx 'splatd_mail_outbox{state="sent"} 1' "$TMP/body"
check "metrics: failed gauge" grep -qx 'splatd_mail_outbox{state="failed"} 1' "$TMP/body"
check "metrics: not paused" grep -qx 'splatd_mail_paused 0' "$TMP/body"
"$SPLATD" mail pause --db "$DB" >/dev/null
get "$BASE/metrics" >/dev/null
check "metrics: paused after mail pause" grep -qx 'splatd_mail_paused 1' "$TMP/body"
get -H "Authorization: Bearer $TRIAGER" "$BASE/api/v1/mail" >/dev/null
check_eq "API: paused after mail pause" true "$(body .paused)"
stop_server
finish
