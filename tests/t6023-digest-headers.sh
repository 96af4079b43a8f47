#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t6023-digest-headers: the X-Splatd-* headers of a digest are for filters,
# so they name every item: X-Splatd-Signature the hash of each, in the
# order of the items, X-Splatd-Kind each kind once, folded within RFC 5322
# line limits; a subscriber's digest has X-Splatd-Subsystem too (the
# section owning each item's culprit edge), as an owner's has.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/mail/lib.sh
. tests/mail/digest-lib.sh
need_shared "$CORPUS_REAL"

K=$TMP/k
minikernel "$K"
"$SPLATD" git tree add linux --repo "$K" --branch master --db "$DB" \
	>/dev/null || fail "git tree add"
T0=1780000000
ingest_at $T0 run-0 shard-0 "$SEED"
n=0
for f in "$CORPUS_REAL"/*.log; do
	n=$((n + 1))
	ingest_at $T0 "run-$n" "shard-$n" "$f"
done
"$SPLATD" subscription add all@example.org --all --db "$DB" >/dev/null &&
	"$SPLATD" subscription add circ@example.org --kind circular \
		--db "$DB" >/dev/null || fail "subscription add"
M=$TMP/m
run_digest "$M" $((T0 + 3600))
ALL=$(grep -l '^To: <all@example.org>' "$M"/*.eml)
CIRC=$(grep -l '^To: <circ@example.org>' "$M"/*.eml)
check "the two subscribers got a digest" test -n "$ALL" -a -n "$CIRC"

items=$(mime "$ALL" | jq -r '.body' | grep -c '^\[[0-9]*\] ')
check_eq "the digest to everything holds 25 items" 25 "$items"
MID=$(mime "$ALL" | jq -r '.headers["message-id"][0]' | tr -d '<>')
ITEMS="SELECT s.hash, s.kind FROM mail_items m JOIN signatures s
	ON s.id = m.signature_id WHERE m.message_id = '$MID' ORDER BY m.ref"
check_eq "X-Splatd-Signature: the hash of every item, in their order" \
	"$(sql "$ITEMS" | cut -d'|' -f1 | paste -sd,)" \
	"$(mime "$ALL" | jq -r '.headers["x-splatd-signature"][0]' | tr -d ' \t\r\n')"
check_eq "X-Splatd-Kind: each kind of the items once, in their order" \
	"$(sql "$ITEMS" | cut -d'|' -f2 | awk '!s[$0]++' | paste -sd,)" \
	"$(mime "$ALL" | jq -r '.headers["x-splatd-kind"][0]' | tr -d ' \t\r\n')"
check_eq "... hashed and kinds folded within 78 columns" "" \
	"$(sed -n '/^X-Splatd-Kind:/,/^MIME-Version:/p' "$ALL" | tr -d '\r' |
		awk 'length($0) > 78')"
check_eq "... folded, not cut: 10 kinds, 25 hashes" "10 25" \
	"$(sed -n '/^X-Splatd-Kind:/,/^X-Splatd-S/p' "$ALL" |
		grep -o '[a-z_]*_[a-z_]*\|circular\|recursive' | grep -vc 'x_splatd') \
$(sed -n '/^X-Splatd-Signature:/,/^MIME-Version:/p' "$ALL" | grep -o '[0-9a-f]\{16\}' | wc -l)"
check_eq "a subscriber's digest names the culprit's section" \
	"CORETEMP HARDWARE MONITORING DRIVER" \
	"$(mime "$CIRC" | jq -r '.headers["x-splatd-subsystem"][0]')"
check_eq "... as does the digest to everything" 1 \
	"$(mime "$ALL" | jq -r '.headers["x-splatd-subsystem"][0]' | grep -c 'CORETEMP HARDWARE MONITORING DRIVER')"
check_eq "an owner's digest names the section it is mailed through" \
	"HARDWARE MONITORING" \
	"$(mime "$(grep -l '^To: <jdelvare@suse.com>' "$M"/*.eml)" |
		jq -r '.headers["x-splatd-subsystem"][0]')"
finish
