#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6033-digest-fix-expected: a fix a maintainer names by reply (`#splatd
# fix: <subject>`) is in every later mail about the signature, to every
# reader, with who named it and when (docs/mail.md, "The digest"), until
# the fix is known; the answer says what happens when it lands, and it
# does: the commit lands, `splatd git sync` finds it, and the next digests
# carry the fix commit in its place.  Before, the fix named was in no mail:
# the co-maintainers' digests said "regression 1 (open)" and nothing else,
# and the one who named it never saw splatd had taken it.  Real SMTP server.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/lib.sh
. tests/mail/digest-lib.sh

K=$TMP/k
minikernel "$K"
"$SPLATD" git tree add linux --repo "$K" --branch master --db "$DB" \
	>/dev/null || fail "git tree add"
"$SPLATD" git sync --db "$DB" >/dev/null 2>&1
T0=1780000000 # 2026-05-28
DAY=86400
FY=fenghua.yu@intel.com
JD=jdelvare@suse.com
SUBJ='hwmon: (coretemp) Fix lock order against cpu hotplug'
# mail TO DIR: the digest to TO in DIR
mail() {
	grep -l "^X-Splatd-Mail: digest" "$2"/*.eml |
		xargs grep -l "^To: .*<$1>" | head -1
}
# text FILE.eml: the body as a mail client shows it
text() { mime "$1" | jq -r '.body' | tr -d '\r'; }

for m in a b c; do ingest_at $T0 "run-$m" "shard-$m" "$SEED"; done
run_digest "$TMP/d1" $((T0 + 3600))
for m in d e; do ingest_at $((T0 + DAY)) "run-$m" "shard-$m" "$SEED"; done
run_digest "$TMP/d2" $((T0 + DAY + 3600))
D2=$(mail $FY "$TMP/d2")
check "Fenghua got his second digest" test -n "$D2"

# Fenghua names the fix, inline under the item of his digest
{
	printf 'From: Fenghua Yu <%s>\nTo: splatd@splatd.example.org\n' $FY
	printf 'Subject: Re: %s\n' "$(mime "$D2" | jq -r '.headers.subject[0]')"
	printf 'Message-ID: <fy1@intel.com>\nIn-Reply-To: %s\n\n' \
		"$(mime "$D2" | jq -r '.headers["message-id"][0]')"
	printf '> [1] possible deadlock in coretemp_cpu_online\n'
	printf '#splatd fix: %s\n\nThe patch is on the list.\n' "$SUBJ"
} >"$TMP/reply.eml"
"$SPLATD" mail receive --db "$DB" --now $((T0 + DAY + 5000)) \
	--public-url "$PUB" --mail-from 'splatd <splatd@splatd.example.org>' \
	<"$TMP/reply.eml" >"$TMP/rx.out" 2>&1
check "the fix is taken" grep -q "^applied: #splatd fix: $SUBJ" "$TMP/rx.out"
sql "SELECT message FROM outbox WHERE kind = 'reply'" >"$TMP/answer.eml"
check "... the answer says what happens when it lands" \
	eval "text $TMP/answer.eml | tr -s ' \n' ' ' | grep -q 'splatd watches its git trees for that commit (its id, or its subject whole): when it lands in a trusted tree the regression is fix_known and your next digest says so'"

# day 2: it fires again; both maintainers' digests show the fix named
ingest_at $((T0 + 2 * DAY)) run-f shard-f "$SEED"
run_digest "$TMP/d3" $((T0 + 2 * DAY + 3600))
for who in $JD $FY; do
	check "$who's digest: the fix expected, who named it and when" \
		eval "text $(mail $who "$TMP/d3") | tr -s ' \n' ' ' | grep -q 'regression 1 (open): possible deadlock in coretemp_cpu_online fix expected: $SUBJ (named by $FY on 2026-05-29) $PUB/regressions/1'"
done
check_eq "... within 72 columns (URLs aside)" "" \
	"$(text "$(mail $JD "$TMP/d3")" | grep -v 'https://' | awk 'length($0) > 72')"
check_eq "... the item's lines indented as its others" \
	"      fix expected: hwmon: (coretemp) Fix lock order against cpu hotplug|        (named by $FY on 2026-05-29)" \
	"$(text "$(mail $JD "$TMP/d3")" | grep -A1 '^      fix expected' | paste -sd'|')"

# the fix lands: a commit of that subject; the sync finds it
REPO=$K
commit drivers/hwmon/coretemp.c '/* hotplug lock once */' -m "$SUBJ"
FIX=$(sha HEAD)
"$SPLATD" git sync --db "$DB" >/dev/null 2>&1
check_eq "the sync made it fix_known" fix_known \
	"$(sql "SELECT status FROM regressions")"
run_digest "$TMP/d4" $((T0 + 3 * DAY + 3600))
J4=$(text "$(mail $JD "$TMP/d4")")
check "the next digest: under what changed, the fix commit" \
	eval "grep -q '^== Regressions that changed state ==' <<<\"\$J4\" && grep -q '^      fix: ${FIX:0:12}$' <<<\"\$J4\""
check_eq "... the fix expected no more" 0 "$(grep -c 'fix expected' <<<"$J4")"
finish
