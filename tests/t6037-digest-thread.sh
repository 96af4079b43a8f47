#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6037-digest-thread: an address's digests of one calendar month (UTC)
# are one thread: the first of the month starts it, each later one
# answers it (In-Reply-To and References name the month's first), so a
# mail client lists them side by side under it.  Before, each answered the
# one before: a thread one level deeper each day.  A new month starts a
# new thread.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/reply-lib.sh

A=ci-team@example.org
"$SPLATD" subscription add $A --all --db "$DB" >/dev/null
P=$DATA/parse-invariance
digest_on() { # digest_on DAY RUN FILE: a run at 06:00, the digest at 07:00
	local t
	t=$(date -u -d "$1 06:00" +%s)
	NOW=$t ingest_sig "$2" "$3" >/dev/null
	"$SPLATD" digest --db "$DB" --now $((t + 3600)) --mbox "$TMP/m.mbox" \
		--public-url "$PUB" --mail-from 'splatd <splatd@example.org>' \
		>/dev/null 2>"$TMP/digest.err" || fail "digest: $(cat "$TMP/digest.err")"
}
# the digests in the mbox: "n: in-reply-to references" with each
# Message-ID replaced by the number of its digest (1 the first), - for none
threads() {
	/usr/bin/python3 - "$TMP/m.mbox" <<'PY'
import mailbox, sys
ids = {}
out = []
for i, m in enumerate(mailbox.mbox(sys.argv[1]), 1):
    ids[m["Message-ID"].strip()] = str(i)
    name = lambda h: " ".join(ids.get(x, "?") for x in (m[h] or "-").split()) if m[h] else "-"
    out.append("%d:%s/%s" % (i, name("In-Reply-To"), name("References")))
print(" ".join(out))
PY
}

digest_on 2026-01-29 r1 $P/seed-6641.splat
digest_on 2026-01-30 r2 $P/two-lock.splat
digest_on 2026-01-31 r3 $P/kind-bad-unlock.splat
check_eq "January: the first starts the thread, the others answer it" \
	"1:-/- 2:1/1 3:1/1" "$(threads)"
digest_on 2026-02-01 r4 $P/seed-6641.splat
digest_on 2026-02-02 r5 $P/two-lock.splat
check_eq "February: a new thread, its second answers its first" \
	"1:-/- 2:1/1 3:1/1 4:-/- 5:4/4" "$(threads)"
check_eq "the outbox keeps each digest's thread (its first's row)" \
	"0 1 1 0 4" "$(sql "SELECT coalesce((SELECT p.id FROM outbox p
		WHERE p.message_id = o.thread), 0) FROM outbox o ORDER BY o.id" |
		tr '\n' ' ' | sed 's/ $//')"
finish
