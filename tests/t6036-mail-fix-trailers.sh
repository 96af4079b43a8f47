#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6036-mail-fix-trailers: an item about a regression waiting for its fix
# offers the lines a fix commit pastes, as syzbot's and KernelCI's mails
# do: "Reported-by: splatd <the --mail-from address>" then "Closes:
# <public-url>/regressions/N" (checkpatch's order), at column 0, once in
# the item, in digests and escalation mails, within 72 columns, only with
# a --public-url (docs/mail.md "Fix trailers").  Pasted into a commit,
# `splatd git sync --public-url` takes them as the fix, and the next
# digest offers them no more.  The List-Id names splatd once
# (digest.splatd.example.org for --mail-from splatd@splatd.example.org,
# before digest.splatd.splatd.example.org).  Real SMTP server.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/lib.sh
. tests/mail/digest-lib.sh

K=$TMP/k
minikernel "$K"
T0=1780000000
DAY=86400
FY=fenghua.yu@intel.com
BY='Reported-by: splatd <splatd@splatd.example.org>'
CLOSES="Closes: $PUB/regressions/1"

# setup DB: the tree, the seed on 6 machines at T0, known, a regression
setup() {
	DB=$1
	"$SPLATD" git tree add linux --repo "$K" --branch master --db "$DB" \
		>/dev/null || fail "git tree add"
	for m in 1 2 3 4 5 6; do ingest_at $T0 "run-0-$m" "shard-$m" "$SEED"; done
	sql "UPDATE signatures SET status = 'known'"
	"$SPLATD" regression create --title "coretemp deadlock" \
		--signature "$(sql 'SELECT id FROM signatures')" --db "$DB" \
		>/dev/null || fail "regression create"
}
fire() {
	for m in 1 2 3 4 5 6; do
		ingest_at $((T0 + $1 * DAY - 3600)) "run-$1-$m" "shard-$m" "$SEED"
	done
}
# text FILE.eml: the body as a mail client shows it
text() { mime "$1" | jq -r '.body' | tr -d '\r'; }
digest_to() {
	grep -l "^X-Splatd-Mail: digest" "$2"/*.eml |
		xargs grep -l "^To: .*<$1>" | head -1
}
esc() { grep -l "^X-Splatd-Mail: escalation" "$1"/*.eml | head -1; }
# trailers FILE.eml: the lines that start with Reported-by: or Closes:
trailers() { text "$1" | grep -E '^(Reported-by|Closes):' | paste -sd'|'; }

setup "$DB"
run_digest "$TMP/d0" $((T0 + 3600))
D0=$(digest_to $FY "$TMP/d0")
check "Fenghua got a digest" test -n "$D0"
check_eq "the digest offers the trailers once, in checkpatch's order" \
	"$BY|$CLOSES" "$(trailers "$D0")"
check "... after the regression's lines, said what they are for" \
	eval "text $D0 | grep -B3 '^$BY' | tr -s ' \n' ' ' | grep -q 'If you fix it, add to the fix commit (splatd then follows the fix until it lands): $BY'"
check_eq "... every digest does" "$(count "$TMP/d0")" \
	"$(grep -l "^$CLOSES" "$TMP"/d0/*.eml | wc -l)"
check_eq "body lines <= 72 columns except URLs" "" \
	"$(hdr "$TMP/d0" '.body | split("\n")[] | select(length > 72) |
		select(test("^ *https?://[^ ]+$") | not)')"
check_eq "List-Id: splatd once, under the mail domain" \
	"splatd digests <digest.splatd.example.org>" \
	"$(hdr "$TMP/d0" '.headers["list-id"][0]' | sort -u)"

fire 30
run_digest "$TMP/d30" $((T0 + 30 * DAY))
E=$(esc "$TMP/d30")
check "an escalation mail" test -n "$E"
check_eq "... offers them once too" "$BY|$CLOSES" "$(trailers "$E")"
check_eq "... its List-Id alike" \
	"splatd escalations <escalation.splatd.example.org>" \
	"$(mime "$E" | jq -r '.headers["list-id"][0]')"

# the developer pastes them from the mail: the sync takes the fix
REPO=$K
commit drivers/hwmon/coretemp.c '/* hotplug lock once */' \
	-m 'hwmon: (coretemp) Fix lock order against cpu hotplug' \
	-m "$(text "$E" | grep -E '^(Reported-by|Closes):')
Signed-off-by: R <r@example.org>"
FIX=$(sha HEAD)
"$SPLATD" git sync --db "$DB" --public-url "$PUB" >/dev/null 2>&1
check_eq "the pasted lines make the commit its fix" "fix_known $FIX" \
	"$(sql "SELECT status || ' ' || fix_commit FROM regressions")"
fire 31
run_digest "$TMP/d31" $((T0 + 31 * DAY))
D31=$(digest_to $FY "$TMP/d31")
check "... the next digest says so" \
	eval "text $D31 | grep -q '^      fix: ${FIX:0:12}$'"
check_eq "... and offers the trailers no more" "" "$(trailers "$D31")"

# without --public-url: no line to paste (the default base is this host's)
DB=$(new_db nopub)
setup "$DB"
"$SPLATD" digest --db "$DB" --now $((T0 + 3600)) \
	--mail-from 'splatd <splatd@splatd.example.org>' \
	--mbox "$TMP/n.mbox" >/dev/null 2>"$TMP/n.err" ||
	fail "digest: $(cat "$TMP/n.err")"
check "without --public-url: digests" grep -q '^X-Splatd-Mail: digest' "$TMP/n.mbox"
check_eq "... with no trailer to paste" 0 \
	"$(grep -cE '^(Reported-by|Closes):|If you fix it' "$TMP/n.mbox")"
finish
