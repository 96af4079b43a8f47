#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6028-digest-regression-reopened: a regression that reopened since the
# reader's last digest is news even when its signature is listed first as
# escalated (docs/mail.md, "The digest"): the summary counts it among the
# regressions that changed state, and its item says what changed, when, and
# why: the fix commit and the run on a kernel containing it.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/reply-lib.sh

DAY=86400
T0=1767225600 # 2026-01-01
GR=linux@roeck-us.net
K=$TMP/linux
minikernel "$K"
REPO=$K
commit drivers/hwmon/coretemp.c '/* take the hotplug lock once */' \
	-m 'hwmon: (coretemp) take the hotplug lock once'
FIX=$(sha HEAD)
"$SPLATD" git tree add mainline --repo "$K" --branch master --db "$DB" \
	>/dev/null || fail "git tree add"
"$SPLATD" git sync --db "$DB" >/dev/null 2>&1
# a CI team's list: a subscriber, not an owner, so the day it escalates
# the escalation mail does not go to it and its digest lists it first
CIT=ci-team@example.org
"$SPLATD" subscription add $CIT --all --db "$DB" >/dev/null
# ingest NOW RUN MACHINE COMMIT
ingest() {
	"$SPLATD" ingest --db "$DB" --now "$1" --run-id "$2" --machine "$3" \
		--tree mainline --commit "$4" "$SEED" >/dev/null 2>>"$TMP/ingest.err" ||
		fail "ingest $2: $(cat "$TMP/ingest.err")"
}
# digest NOW FILE: the mails due at NOW appended to FILE
digest() {
	"$SPLATD" digest --db "$DB" --now "$1" --mbox "$2" --public-url "$PUB" \
		--mail-from 'splatd <splatd@example.org>' 2>>"$TMP/digest.err" ||
		fail "digest: $(cat "$TMP/digest.err")"
}
# body FILE: the text of the CI team's digest, as a mail client shows it
body() {
	/usr/bin/python3 -c '
import mailbox, sys
for m in mailbox.mbox(sys.argv[1]):
	if m["To"] == "<ci-team@example.org>":
		print(m.get_payload(decode=True).decode(), end="")' "$1"
}

BASE0=$(git -C "$K" rev-parse HEAD~1)
ingest $T0 r0 m0 "$BASE0"
S=$(sql "SELECT id FROM signatures")
digest $((T0 + 3600)) "$TMP/d0.mbox"
"$SPLATD" regression create --title "coretemp deadlock" --signature "$S" \
	--db "$DB" >/dev/null
REG=$(sql "SELECT id FROM regressions")
# Guenter names the fix by reply to his digest: fix_known
D0=$(sql "SELECT last_message_id FROM mail_recipients WHERE email = '$GR'")
NOW=$((T0 + 7200))
MOPTS=(--db "$DB" --now "$NOW" --public-url "$PUB" --mail-from 'splatd <splatd@example.org>')
printf 'From: %s\nSubject: Re: x\nMessage-ID: <f1@gr>\nIn-Reply-To: <%s>\n\n#splatd fix: %s\n' \
	$GR "$D0" "$FIX" | rx >/dev/null
"$SPLATD" git sync --db "$DB" >/dev/null 2>&1
check_eq "the fix named by reply: fix_known" fix_known \
	"$(sql "SELECT status FROM regressions WHERE id = $REG")"
digest $((T0 + DAY)) "$TMP/d1.mbox"

# 15 days on it fires on five machines, on kernels with the fix: it
# reopens, and it escalates
T1=$((T0 + 15 * DAY))
for m in 1 2 3 4 5; do ingest $((T1 + m)) live-$m m$m "$FIX"; done
check_eq "the regression reopened" reopened \
	"$(sql "SELECT status FROM regressions WHERE id = $REG")"
digest $((T1 + 3600)) "$TMP/d2.mbox"
body "$TMP/d2.mbox" >"$TMP/d2.txt"
check "the signature is listed as escalated" grep -q '^== Needs attention (escalated) ==' "$TMP/d2.txt"
check "the summary counts the reopened regression" \
	grep -q '1 with a regression that changed state' <(tr '\n' ' ' <"$TMP/d2.txt" | tr -s ' ')
check "the item says it reopened, when, from what" \
	grep -q "^      reopened on 2026-01-16 (was fix_known): run live-1: seen" "$TMP/d2.txt"
check "... on a kernel with the fix, naming it" \
	grep -q "which contains fix ${FIX:0:12}" <(tr '\n' ' ' <"$TMP/d2.txt" | tr -s ' ')
check "... naming the run's commit as a commit, 12 digits, and its kernel" \
	grep -q "run live-1: seen on commit ${FIX:0:12} (kernel [^)]*), which contains fix ${FIX:0:12}" \
	<(tr '\n' ' ' <"$TMP/d2.txt" | tr -s ' ')
check "... no 40-hex id in the item" eval "! grep -q '[0-9a-f]\{40\}' $TMP/d2.txt"
check "... and the fix commit" grep -q "^      fix: ${FIX:0:12}$" "$TMP/d2.txt"
check "every line within 72 columns (URLs aside)" \
	eval "! grep -v 'https\?://' $TMP/d2.txt | awk 'length > 72' | grep -q ."
finish
