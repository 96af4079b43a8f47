#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0106-parse-forms: forms real reports take in the field (issue 12), each
# rendered by tests/tools/reform.sh on real corpus reports of several kinds,
# parse to what the report parses to as printed (one section per form).
set -u
cd "$(dirname "$0")/.." || exit 1
SPLATD=${SPLATD:-build/asan/splatd}
C=${CORPUS_REAL:-../shared/corpus/real}
R=tests/tools/reform.sh
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

ok() { passed=$((passed + 1)); echo "ok - $*"; }
nok() { failed=$((failed + 1)); echo "not ok - $*"; }

for x in "$SPLATD" "$R"; do
	[ -x "$x" ] || { echo "not ok - $x missing (make test builds it)"; echo "0 passed, 1 failed"; exit 1; }
done
[ -d "$C" ] || { echo "not ok - no corpus at $C"; echo "0 passed, 1 failed"; exit 1; }

# facts FILE KIND JQFIELDS: the first KIND report's fields, compact JSON
facts() {
	"$SPLATD" parse "$1" 2>/dev/null |
		jq -c --arg k "$2" "[.reports[] | select(.kind == \$k)][0] | if . == null then null else $3 end"
}

# form FORM FILE KIND [FIELDS]: FILE rendered in FORM parses to the same
# FIELDS (default: chain, held locks, signature, truncated, backtrace
# length) as FILE itself
DEFAULT='[.chain, .chain_missing, .held_locks, .signature, .truncated, (.frames | length)]'
form() {
	local f=$1 file=$2 kind=$3 fields=${4:-$DEFAULT} want got last name
	name="$f on $(basename "$file") ($kind)"
	want=$(facts "$file" "$kind" "$fields")
	last=$("$SPLATD" parse "$file" | jq -r --arg k "$kind" '[.reports[] | select(.kind == $k)][0].lines.last')
	if ! $R "$f" "$file" "$last" >"$tmp/r" 2>"$tmp/err"; then
		nok "$name: reform.sh failed: $(cat "$tmp/err")"
		return
	fi
	if cmp -s "$tmp/r" "$file"; then
		nok "$name: the rendering changed nothing"
		return
	fi
	got=$(facts "$tmp/r" "$kind" "$fields")
	if [ "$want" = null ]; then
		nok "$name: the original has no $kind report"
	elif [ "$got" = "$want" ]; then
		ok "$name"
	else
		nok "$name"
		echo "#   got:  $got"
		echo "#   want: $want"
	fi
}

# expect FORM FILE KIND JQFIELDS WANT: FILE in FORM parses to exactly WANT
expect() {
	local f=$1 file=$2 kind=$3 fields=$4 want=$5 got
	$R "$f" "$file" >"$tmp/r" || { nok "$f on $(basename "$file"): reform.sh failed"; return; }
	got=$(facts "$tmp/r" "$kind" "$fields")
	if [ "$got" = "$want" ]; then
		ok "$f on $(basename "$file") ($kind): $want"
	else
		nok "$f on $(basename "$file") ($kind)"
		echo "#   got:  $got"
		echo "#   want: $want"
	fi
}

# ---- 1. hashed pointer placeholders ----------------------------------------
for x in "004-*:circular" "010-*:recursive" "021-*:softirq_safe_unsafe" \
	"025-*:bad_unlock_balance" "028-*:held_lock_freed" \
	"029-*:lock_held_user_return"; do
	form ptrval $C/${x%%:*}.log "${x#*:}"
done
expect ptrval $C/029-*.log lock_held_user_return '[.held[].name]' \
	'["&xfs_nondir_ilock_class"]'

# ---- 4. architecture stack and register dumps -----------------------------
for x in "010-*:recursive" "028-*:held_lock_freed" "033-*:rcu_suspicious" \
	"037-*:invalid_wait_context" "040-*:still_has_locks_held"; do
	for f in mips-stack regs-x86 regs-arm64 regs-arm regs-ppc regs-s390 \
		regs-mips regs-riscv; do
		form $f $C/${x%%:*}.log "${x#*:}"
	done
done

# ---- 7. details printed after the backtrace --------------------------------
for x in "010-*:recursive" "028-*:held_lock_freed" "033-*:rcu_suspicious" \
	"037-*:invalid_wait_context" "040-*:still_has_locks_held"; do
	form bt-first $C/${x%%:*}.log "${x#*:}"
	form bt-twice $C/${x%%:*}.log "${x#*:}"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
