#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6041-mail-reply-note: a status changed by mail keeps the triager's note.
# A triager sets "triaged" with a note over the API; the maintainer splatd
# mailed answers `#splatd status: known`, later `#splatd invalid`: the
# status changes, the note stays, and who did it by which mail is in the
# signature's history (signature_events: actor mail:ADDR, note the
# Message-ID and what the maintainer wrote in their own words: not the
# attribution, the quotes, the commands or the signature), which the API
# shows.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

NOW=1767225600
GR=linux@roeck-us.net
DIGEST=d1.20260101.splatd@example.org
NOTE='Waiting for Hans: fix in staging-next, see lore 2026-12-01'
start_server
CI=$(token ci1 ci)
TRI=$(token tri1 triager)
post_log "$CI" "id=s1&machine=m1" "$SEED" >/dev/null
SIG=$(body '.reports[0].signature_id')
st=$(curl -s -o "$TMP/body" -w '%{http_code}' -X PATCH \
	-H "Authorization: Bearer $TRI" -H 'Content-Type: application/json' \
	--data "{\"status\": \"triaged\", \"note\": \"$NOTE\"}" \
	"$BASE/api/v1/signatures/$SIG")
check_eq "the triager's note is set" "200 $NOTE" "$st $(body .note)"
sql "INSERT INTO outbox (message_id, kind, envelope_from, recipients,
	message, state, next_attempt, created, sent_at)
	VALUES ('$DIGEST', 'digest', 'splatd@example.org', '[\"$GR\"]',
	'Subject: [splatd] digest', 'sent', $NOW, $NOW, $NOW);
	INSERT INTO mail_items VALUES ('$DIGEST', 1, $SIG);
	INSERT INTO mail_sent_about VALUES ($SIG, '$GR', $NOW);"
reply() { # reply MESSAGE-ID COMMAND
	printf 'From: %s\nSubject: Re: [splatd] digest\nMessage-ID: <%s>\nIn-Reply-To: <%s>\n\n%s\n%s\n%s\n' \
		"$GR" "$1" "$DIGEST" "On Thu, Jan 01, 2026 at 10:00:00AM +0000, splatd wrote:
> [1] possible circular locking dependency detected" "$2" \
		"This is a false positive:   the two
i_mutex classes are per superblock.

> seen 1 time
-- 
Guenter" |
		"$SPLATD" mail receive --db "$DB" --now "$NOW" \
			--public-url https://splatd.example.org \
			--mail-from 'splatd <splatd@example.org>' >"$TMP/rx.out" 2>&1
}
# the maintainer's own words go with the commands: not the attribution, the
# quotes, the command or the signature
WHY="This is a false positive: the two i_mutex classes are per superblock."
reply g1@roeck "#splatd status: known"
get "$BASE/api/v1/signatures/$SIG" >/dev/null
check_eq "status: known by mail: the status changes, the note stays" \
	"known|$NOTE" "$(body '"\(.status)|\(.note)"')"
check_eq "... who and which mail are in the history" \
	"status|known|mail:$GR|Message-ID <g1@roeck>: $WHY" \
	"$(sql "SELECT action, value, actor, note FROM signature_events
		WHERE signature_id = $SIG ORDER BY id DESC LIMIT 1")"
check_eq "... and the API's history shows their words" \
	"mail:$GR|Message-ID <g1@roeck>: $WHY" \
	"$(body '.history[0] | "\(.actor)|\(.note)"')"
reply g2@roeck "#splatd invalid"
get "$BASE/api/v1/signatures/$SIG" >/dev/null
check_eq "invalid by mail: the note stays too" "invalid|$NOTE" \
	"$(body '"\(.status)|\(.note)"')"
check_eq "... and the history has it" "status|invalid|mail:$GR|Message-ID <g2@roeck>: $WHY" \
	"$(sql "SELECT action, value, actor, note FROM signature_events
		WHERE signature_id = $SIG ORDER BY id DESC LIMIT 1")"
stop_server
finish
