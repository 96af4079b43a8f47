#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0110-parse-lost-slots: a report whose lock lines were cut or cannot be
# read keeps its chain's shape with the slots missing and is truncated
# (docs/parser.md); reports of the kinds identified by their classes that
# lost every class are told apart by where they happened, not merged into
# one signature (docs/signature.md).
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
D=tests/data/parse-invariance
R=tests/tools/rerender.sh

need_exec "$SPLATD" "$R"
need_shared "$CORPUS_REAL"

# facts FILE JQ: JQ over the file's first report, compact
facts() {
	"$SPLATD" parse "$1" 2>"$TMP/err" | jq -c ".reports[0] | $2"
}
SHAPE='[.kind, .chain, .chain_missing, .truncated]'

# ---- recursive: two slots, whatever was lost ---------------------------------
$R -p level "$D/kind-recursive.splat" >"$TMP/full"
full=$(facts "$TMP/full" '.signature')
# the two lock lines under their phrases dropped, the held-lock list kept
awk '/is trying to acquire lock:|is already holding lock:/ { print; getline; next } 1' \
	"$TMP/full" >"$TMP/none"
check_eq "recursive, both lock lines lost: two missing slots" \
	'["recursive",["",""],[0,1],true]' "$(facts "$TMP/none" "$SHAPE")"
check_eq "recursive, both lock lines lost: the held locks are still read" \
	'["cpu_hotplug_lock","cpuhp_state-up"]' "$(facts "$TMP/none" '.held_locks')"
awk '/is already holding lock:/ { print; getline; next } 1' "$TMP/full" >"$TMP/held"
check_eq "recursive, the held lock's line lost: the second slot missing" \
	'["recursive",["cpu_hotplug_lock",""],[1],true]' "$(facts "$TMP/held" "$SHAPE")"
check_eq "recursive, the held lock's line lost: the full report's signature" \
	"$full" "$(facts "$TMP/held" '.signature')"
# a lock name longer than a line may be (docs/parser.md): unreadable
long=$(printf 'e%.0s' $(seq 1 20000))
sed "s/(cpu_hotplug_lock)/($long)/" "$TMP/full" >"$TMP/long"
check_eq "recursive, 20,000-byte lock names: two missing slots" \
	'["recursive",["",""],[0,1],true]' "$(facts "$TMP/long" "$SHAPE")"

# ---- circular: no class left ---------------------------------------------------
# the seed with every lock line and chain entry gone, blamed on two functions
$R -p level "$D/seed-6641.splat" >"$TMP/seed"
grep -v -e '^<[0-9]>\[[ 0-9.]*\] \(ffff\|-> #\)' "$TMP/seed" >"$TMP/c1"
sed 's/coretemp_cpu_online/frob_cpu_online/g' "$TMP/c1" >"$TMP/c2"
check_eq "circular without a class: no class, truncated" '["circular",[],true]' \
	"$(facts "$TMP/c1" '[.kind, .classes, .truncated]')"
a=$(facts "$TMP/c1" '[.signature, .culprit.function]')
b=$(facts "$TMP/c2" '[.signature, .culprit.function]')
if [ "${a%%,*}" != "${b%%,*}" ] && [ -n "$a" ] && [ -n "$b" ]; then
	ok "circular without a class: two culprits, two signatures ($a, $b)"
else
	fail "circular without a class: two culprits share a signature ($a, $b)"
fi
$R -p syslog -a -o "$TMP/c1" >"$TMP/c1s"
check_eq "circular without a class: the same culprit in another transport, the same signature" \
	"$a" "$(facts "$TMP/c1s" '[.signature, .culprit.function]')"
# a report with its classes keeps its signature whatever its culprit
sed 's/coretemp_cpu_online/frob_cpu_online/g' "$TMP/seed" >"$TMP/s2"
check_eq "circular with classes: the signature does not take the culprit" \
	"$(facts "$TMP/seed" '.signature')" "$(facts "$TMP/s2" '.signature')"

# ---- irq safe/unsafe: every lock line lost -------------------------------------
f=$CORPUS_REAL/022-hardirq-safe-unsafe-5.10-full.log
awk '/\(&|\(\(|\([a-z_]+\)|-> \(/ { next } 1' "$f" >"$TMP/i1"
fn=$(facts "$TMP/i1" '.culprit.function' | tr -d '"')
if [ -n "$fn" ] && [ "$fn" != null ]; then
	sed "s/\b$fn\b/frob_irq_fn/g" "$TMP/i1" >"$TMP/i2"
	check_eq "irq safe/unsafe without a class: two culprits, two signatures" \
		false "$(jq -n --argjson a "$(facts "$TMP/i1" '.signature')" \
			--argjson b "$(facts "$TMP/i2" '.signature')" '$a == $b')"
else
	fail "irq safe/unsafe without a class: no culprit to tell it by ($(facts "$TMP/i1" "$SHAPE"))"
fi
finish
