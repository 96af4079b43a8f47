#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6031-digest-crash: `splatd digest` killed with -9 in the middle of
# sending.  The six digests of the #6641 story are composed and committed
# before the first is handed over; the SMTP server takes three and never
# answers the fourth; the digest is killed there.  A rerun at the same time
# composes nothing new, sends the fifth and sixth, and the fourth (with its
# original Message-ID) once its claim ran out; every maintainer ends up
# with exactly one digest.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/lib.sh
. tests/mail/digest-lib.sh
. tests/mail/outbox.sh

K=$TMP/k
minikernel "$K"
"$SPLATD" git tree add linux --repo "$K" --branch master --db "$DB" \
	>/dev/null || fail "git tree add"
T0=1780000000
for m in a b c; do ingest_at $T0 "run-$m" "shard-$m" "$SEED"; done

digest() {
	"$SPLATD" digest --db "$DB" --now "$1" --public-url "$PUB" \
		--mail-from 'splatd <splatd@splatd.example.org>' \
		--smtp-url "$SMTP_URL" 2>"$TMP/digest.err"
}
start_smtpd --stall-after 3
NOW=$((T0 + 3600))
(exec "$SPLATD" digest --db "$DB" --now $NOW --public-url "$PUB" \
	--mail-from 'splatd <splatd@splatd.example.org>' \
	--smtp-url "$SMTP_URL" 2>"$TMP/digest.err") &
DIGEST=$!
kill_in_flight "$DIGEST"
check_eq "killed: all six composed and committed, three marked sent" \
	"digest:sent digest:sent digest:sent digest:queued digest:queued digest:queued" \
	"$(sql "SELECT kind || ':' || state FROM outbox ORDER BY id" | xargs)"
sql "SELECT message_id FROM outbox ORDER BY id" >"$TMP/ids"
stop_smtpd
mv "$MAILDIR" "$TMP/first"

start_smtpd
check "rerun at the same time" digest $NOW
check_eq "... composes nothing new" 1 \
	"$(grep -c ' 0 digests' "$TMP/digest.err")"
check_eq "... sends the fifth and sixth" \
	"$(sed -n 5,6p "$TMP/ids" | xargs)" "$(ids_in "$MAILDIR" | xargs)"
check "a rerun after the lease" digest $((NOW + 600))
check_eq "... sends the fourth, with its Message-ID" \
	"$(sed -n 4,6p "$TMP/ids" | sort | xargs)" \
	"$(ids_in "$MAILDIR" | sort | xargs)"
check_eq "every digest delivered exactly once" \
	"$(sort "$TMP/ids" | xargs)" \
	"$( (ids_in "$TMP/first"; ids_in "$MAILDIR") | sort | xargs)"
check_eq "one digest per maintainer, none twice" \
	"fenghua.yu@intel.com jdelvare@suse.com joro@8bytes.org linux@roeck-us.net robin.murphy@arm.com will.deacon@example.org" \
	"$(cat "$TMP/first"/*.eml "$MAILDIR"/*.eml |
		sed -n 's/^To: <\(.*\)>\r$/\1/p' | sort | xargs)"
finish
