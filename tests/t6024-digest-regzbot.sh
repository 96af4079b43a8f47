#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6024-digest-regzbot: the `#regzbot introduced:` line only where regzbot
# takes it right (docs/mail.md, "The digest"): a regression seen on a tree
# named exactly mainline, next or stable (drm-intel-next-fixes is none of
# them), once a mail, never in a list's digest of several items (regzbot
# takes a mail on a list as one report), with short commit ids, within 72
# columns.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/reply-lib.sh

K=$TMP/linux
minikernel "$K"
P=$DATA/parse-invariance
A=$(printf 'a%.0s' {1..40}) B=$(printf 'b%.0s' {1..40})
C=$(printf 'c%.0s' {1..40}) D=$(printf 'd%.0s' {1..40})
E=$(printf 'e%.0s' {1..40}) F=$(printf 'f%.0s' {1..40})
TREE=mainline S1=$(ingest_sig s1 $P/seed-6641.splat)
TREE=next S2=$(ingest_sig s2 $P/two-lock.splat)
TREE=drm-intel-next-fixes S4=$(ingest_sig s4 $P/kind-bad-unlock.splat)
"$SPLATD" git tree add mainline --repo "$K" --branch master --db "$DB" >/dev/null
"$SPLATD" git index --db "$DB" >/dev/null 2>&1
reg() { # reg SIG RANGE
	"$SPLATD" regression create --title "r$1" --signature "$1" \
		--introduced "$2" --db "$DB" >/dev/null || fail "regression $1"
}
reg $S1 "$A..$B"
reg $S2 "$C..$D"
reg $S4 "$E..$F"
"$SPLATD" digest --db "$DB" --now $((NOW + 3600)) --dry-run --mail-lists \
	--public-url "$PUB" --mail-from 'splatd <splatd@example.org>' \
	>"$TMP/mails.txt" 2>/dev/null
/usr/bin/python3 -c '
import email, email.policy, re, sys
text = open(sys.argv[1], "rb").read()
for raw in re.split(rb"\r?\n(?=From: )", text):
	m = email.message_from_bytes(raw, policy=email.policy.default)
	if m["To"] is None:
		continue
	with open(sys.argv[2] + "/" + m["To"].strip("<>") + ".txt", "w") as f:
		f.write(m.get_content())' "$TMP/mails.txt" "$TMP"
GRD=$TMP/linux@roeck-us.net.txt
check "Guenter's digest (mainline and next) is there" test -s "$GRD"
check_eq "... with one regzbot line, the first item's, short ids" \
	"#regzbot introduced: ${A:0:12}..${B:0:12}" \
	"$(grep '^#regzbot' "$GRD")"
check "... within 72 columns" eval "! grep '^#regzbot' $GRD | awk 'length > 72' | grep -q ."
check_eq "... the item's introduced: line with the same 12-digit ids" \
	"introduced: ${A:0:12}..${B:0:12}" "$(grep '^ *introduced: ' "$GRD" | sed 's/^ *//' | head -1)"
check "... every line within 72 columns (URLs aside)" \
	eval "! grep -v 'https\?://' $GRD | awk 'length > 72' | grep -q ."
check_eq "the list's digest of several items: no regzbot line" "2 0" \
	"$(grep -c '^\[[0-9]' "$TMP/linux-hwmon@vger.kernel.org.txt") $(grep -c '^#regzbot' "$TMP/linux-hwmon@vger.kernel.org.txt")"
check_eq "drm-intel-next-fixes is not next: no line for its regression" 0 \
	"$(cat "$TMP"/*.txt | grep -c "^#regzbot introduced: ${E:0:12}")"
finish
