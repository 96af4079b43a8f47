# SPDX-License-Identifier: GPL-2.0
# tests/mail/outbox.sh: what the delivery tests (t6000-t6019) share, sourced
# after tests/mail/lib.sh.
#   $QUEUE            tests/tools/mail_queue: queues simple mails, prints
#                     their Message-IDs
#   $DB               the test database (new_db mail unless already set,
#                     as tests/http/lib.sh does)
#   $NOW              a fixed clock for --now: 2026-12-01T10:00:00Z
#   send ARGS...      splatd mail send --db $DB ARGS, stderr in
#                     $TMP/send.err
#   send_smtp ARGS... the same through the test's SMTP server
#   ids_in [DIR]      the Message-IDs of the mails in DIR ($MAILDIR)
#   wait_for CMD...   poll up to 30 s until CMD succeeds
#   kill_in_flight PID  once the server (--stall-after 3) took three mails
#                     and the fourth is claimed and on the wire, kill -9 PID
#                     (one check: "three delivered, the fourth in flight")
QUEUE=build/asan/tools/mail_queue
need_exec "$SPLATD" "$QUEUE"
DB=${DB:-$(new_db mail)}
NOW=$(date -u -d 2026-12-01T10:00:00Z +%s)

send() { "$SPLATD" mail send --db "$DB" "$@" 2>"$TMP/send.err"; }

send_smtp() { send --smtp-url "$SMTP_URL" "$@"; }

ids_in() {
	cat "${1:-$MAILDIR}"/*.eml 2>/dev/null |
		sed -n 's/^Message-ID: <\(.*\)>\r$/\1/p'
}

wait_for() {
	local i
	for i in $(seq 300); do
		"$@" && return 0
		sleep 0.1
	done
	return 1
}

fourth_claimed() {
	[ "$(mails)" = 3 ] &&
		[ "$(sql "SELECT attempts FROM outbox ORDER BY id LIMIT 1 OFFSET 3")" = 1 ]
}

kill_in_flight() {
	check "three delivered, the fourth in flight" wait_for fourth_claimed
	sleep 0.5 # the fourth's DATA is on the wire, unanswered
	kill -9 "$1"
	wait "$1" 2>/dev/null
}
