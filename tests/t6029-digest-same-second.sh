#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6029-digest-same-second: no occurrence is lost between two digests
# (docs/mail.md, "The digest"): the window of "since your last digest" is
# [last digest, now), so an occurrence stored in the very second of a
# digest, before or after it, is counted once, in the next digest.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/reply-lib.sh

DAY=86400
S=$((NOW + 3600))
GR=linux@roeck-us.net
"$SPLATD" subscription add $GR --all --db "$DB" >/dev/null
P=$DATA/parse-invariance
# ingest AT RUN FILE
ingest() {
	bash tests/tools/rerender.sh -p console "$3" >"$TMP/$2.txt"
	"$SPLATD" ingest --db "$DB" --now "$1" --run-id "$2" --machine m1 \
		--tree mainline "$TMP/$2.txt" >/dev/null 2>>"$TMP/ingest.err" ||
		fail "ingest $2: $(cat "$TMP/ingest.err")"
}
# digest AT: the mails due at AT into $TMP/AT.mbox; stderr's "N sent"
digest() {
	"$SPLATD" digest --db "$DB" --now "$1" --mbox "$TMP/$1.mbox" \
		--public-url "$PUB" --mail-from 'splatd <splatd@example.org>' \
		2>&1 | sed -n 's/^splatd digest: \([0-9]*\) sent.*/\1/p'
}
text() { # the digest of AT as one line of text
	/usr/bin/python3 -c '
import mailbox, sys
for m in mailbox.mbox(sys.argv[1]):
	print(" ".join(m.get_payload(decode=True).decode().split()))' "$TMP/$1.mbox"
}

ingest $NOW r1 $P/seed-6641.splat
check_eq "the first digest" 1 "$(digest $S)"
# second S + 1 day: one occurrence stored before that second's digest
# pass, one after it
ingest $((S + DAY)) r2 $P/seed-6641.splat
D1=$(digest $((S + DAY)))
ingest $((S + DAY)) r3 $P/seed-6641.splat
D2=$(digest $((S + 3 * DAY)))
since() { text $1 | grep -o 'seen [0-9]* times ([0-9]* since' | grep -o '([0-9]*' | tr -d '('; }
N1=$( [ "$D1" = 1 ] && since $((S + DAY)) || echo 0)
N2=$( [ "$D2" = 1 ] && since $((S + 3 * DAY)) || echo 0)
check_eq "r2 and r3, stored in the second of a digest, are each counted once" \
	"2" "$((N1 + N2))"
check_eq "... the one stored after the digest is in the next digest" 1 "$D2"
check_eq "then nothing is due" 0 "$(digest $((S + 5 * DAY)))"

# a signature first seen in the second of a digest is new in the next one
ingest $((S + 7 * DAY)) r4 $P/two-lock.splat
digest $((S + 7 * DAY)) >/dev/null
check_eq "a signature first seen in a digest's second: new in the next" \
	"1 1 new" "$(digest $((S + 9 * DAY))) $(text $((S + 9 * DAY)) |
		grep -o '[0-9]* new, ' | head -1 | sed 's/, *$//')"
finish
