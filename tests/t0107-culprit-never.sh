#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0107-culprit-never: over every real and syzkaller corpus report, as
# printed and with its backtrace rendered unreliable ("? sym", as unwinders
# print frames found by scanning), the culprit and the title never name an
# unreliable frame, a compiler padding symbol (__pfx_*, __cfi_*) or
# lockdep's own reporting (docs/signature.md).
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
R=tests/tools/reform.sh

need_exec "$SPLATD" "$R"
need_shared "$CORPUS_REAL" "$CORPUS_SYZ"

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

# culprit_ok NAME FILE: no report of FILE breaks the rule
# culprit_ok NAME FILE: pass when FILE (parsed by parse_each) has no bad
# culprit
culprit_ok() {
	local bad=${PARSED[$2]%$'\n'}
	if [ -z "$bad" ]; then ok "$1"; else fail "$1: $bad"; fi
}

n=0
files=()
for f in "$CORPUS_REAL"/*.log "$CORPUS_SYZ"/[0-9]* "$CORPUS_SYZ"/extended/[0-9]*; do
	[ -f "$f" ] || continue
	$R unreliable "$f" >"$TMP/u.$n"
	files+=("$f")
	n=$((n + 1))
done
parse_each -r "$BAD" "${files[@]}" "$TMP"/u.*
for ((i = 0; i < n; i++)); do
	f=${files[i]}
	name=${f#"$CORPUS"/}
	culprit_ok "$name" "$f"
	culprit_ok "$name, backtrace unreliable" "$TMP/u.$i"
done
[ "$n" -ge 100 ] || fail "only $n corpus files"

finish
