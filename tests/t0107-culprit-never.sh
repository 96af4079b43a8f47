#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0107-culprit-never: over every real and syzkaller corpus report, as
# printed and with its backtrace rendered unreliable ("? sym", as unwinders
# print frames found by scanning), the culprit and the title never name an
# unreliable frame, a compiler padding symbol (__pfx_*, __cfi_*) or
# lockdep's own reporting (docs/signature.md).
set -u
cd "$(dirname "$0")/.." || exit 1
SPLATD=${SPLATD:-build/asan/splatd}
C=${CORPUS_REAL:-../shared/corpus/real}
S=${CORPUS_SYZ:-../shared/corpus/syzkaller}
R=tests/tools/reform.sh
passed=0
failed=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

for x in "$SPLATD" "$R"; do
	[ -x "$x" ] || { echo "not ok - $x missing (make test builds it)"; echo "0 passed, 1 failed"; exit 1; }
done

# One line per report that breaks the rule: kind, title, culprit.  A frame
# the culprit may come from is a printed site (at:, release site) or a
# reliable frame; a function printed only as "? fn" is none of them.
# Names are compared as the culprit prints them: without compiler suffixes,
# a syscall wrapper as its syscall.
BAD='def base: if . == null then null else
		sub("\\..*$"; "") | sub("^__([a-z0-9]+_)?(compat_)?sys_"; "sys_") end;
	.reports[] | (.culprit.function // "") as $c |
	([.chain_entries[].at, .held[].at, .message] +
	 [.chain_entries[].stack[], .frames[] | select(.unreliable | not) |
	  .function] | map(base)) as $ok |
	select(($c | test("^__(pfx|cfi)_")) or
	       (.title | test("__(pfx|cfi)_")) or
	       ($c | test("^(print_|check_noncircular|check_prev|lockdep_|__lockdep_|debug_show_|debug_check_no_locks|dump_stack|show_stack|__lock_acquire|lock_acquire|validate_chain|mark_lock|valid_state)")) or
	       ($c != "" and ($ok | index($c)) == null and
		([.frames[] | select((.function | base) == $c)] | length) > 0)) |
	[.kind, .title, $c] | @tsv'

check() { # NAME FILE
	local bad
	bad=$("$SPLATD" parse "$2" 2>/dev/null | jq -r "$BAD")
	if [ -z "$bad" ]; then
		passed=$((passed + 1))
		echo "ok - $1"
	else
		failed=$((failed + 1))
		echo "not ok - $1: $bad"
	fi
}

n=0
for f in "$C"/*.log "$S"/[0-9]* "$S"/extended/[0-9]*; do
	[ -f "$f" ] || continue
	name=${f#"${C%/*}"/}
	check "$name" "$f"
	$R unreliable "$f" >"$tmp/u"
	check "$name, backtrace unreliable" "$tmp/u"
	n=$((n + 1))
done
[ "$n" -ge 100 ] || { failed=$((failed + 1)); echo "not ok - only $n corpus files"; }

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
