#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0108-parse-repaste: a log passed on by a bug tracker, a mail client or a
# line-numbering viewer (tests/tools/repaste.sh) gives the same reports as the
# log itself: kind, signature, chain and held locks, for every real log of
# ../shared/corpus.
#  - wraps: trackers and mail clients hard-wrap long lines and the
#    continuation has no prefix: "-> #0" alone with the class on the next
#    line (circular reports only print "-> #N"), a held lock's "#N:
#    instance" alone, a lock line cut after ", at:", "... is trying to
#    acquire" / "lock:".  042 is left out: two copies of its log are
#    byte-interleaved, so most of its lock lines start after a fragment of
#    the other copy, and a wrap cuts that garbage.
#  - line numbers: cat -n, less -N or an editor put a right-aligned number
#    and a tab or a blank before every line; also when a mail quotes the
#    paste, and when only a stretch of the input is numbered, between plain
#    logs.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
R=tests/tools/repaste.sh

need_exec "$SPLATD" "$R"
need_shared "$CORPUS_REAL"

# reports FILE: what identifies each report, one line each
reports() {
	"$SPLATD" parse "$1" 2>/dev/null |
		jq -c '.reports[] | [.kind, .signature, .chain, .held_locks]'
}

logs=("$SEED" "$CORPUS_REAL"/*.log)
for f in "${logs[@]}"; do reports "$f" >"$TMP/${f##*/}.want"; done

# same WHAT OPTION: each log reformed with OPTION gives its own reports;
# at least MIN logs of MIN_KINDS kinds were changed by it
same() {
	local what=$1 opt=$2 min=$3 min_kinds=$4 f name kinds=() n
	for f in "${logs[@]}"; do
		name=${f##*/}
		[[ $opt == -w* && $name == 042-* ]] && continue
		$R $opt "$f" >"$TMP/r.log"
		cmp -s "$f" "$TMP/r.log" && continue # nothing to reform
		reports "$TMP/r.log" >"$TMP/got"
		if cmp -s "$TMP/$name.want" "$TMP/got"; then
			kinds+=("$(jq -r '.[0]' "$TMP/$name.want" | head -n 1)")
		else
			fail "$what: $name: got $(head -c 300 "$TMP/got"), want $(head -c 300 "$TMP/$name.want")"
		fi
	done
	n=$(printf '%s\n' "${kinds[@]}" | sort -u | grep -c .)
	if [ "${#kinds[@]}" -ge "$min" ] && [ "$n" -ge "$min_kinds" ]; then
		ok "$what: ${#kinds[@]} logs of $n kinds give the same reports"
	else
		fail "$what: only ${#kinds[@]} logs of $n kinds changed and passed"
	fi
}

same "'-> #N' wrapped" "-w arrow" 3 1
same "held lock wrapped after its instance" "-w held" 3 3
same "lock line wrapped after ', at:'" "-w at" 3 3
same "'is trying to acquire' / 'lock:' wrapped" "-w phrase" 3 3
same "all wraps at once" "-w all" 3 3
same "cat -n view" "-n cat" ${#logs[@]} 3
same "less -N view" "-n less" ${#logs[@]} 3
same "editor view" "-n vim" ${#logs[@]} 3
same "less -N view quoted '> '" "-n less -q >" ${#logs[@]} 3

# a numbered stretch between plain logs
bad=0
for i in "${!logs[@]}"; do
	f=${logs[$i]}
	prev=${logs[$(((i + ${#logs[@]} - 1) % ${#logs[@]}))]}
	next=${logs[$(((i + 1) % ${#logs[@]}))]}
	{ cat "$prev"; $R -n less "$f"; cat "$next"; } >"$TMP/mix.log"
	cat "$TMP/${prev##*/}.want" "$TMP/${f##*/}.want" "$TMP/${next##*/}.want" | sort >"$TMP/want"
	reports "$TMP/mix.log" | sort >"$TMP/got"
	if ! cmp -s "$TMP/want" "$TMP/got"; then
		bad=$((bad + 1))
		fail "${f##*/} numbered between ${prev##*/} and ${next##*/}: reports differ"
	fi
done
[ "$bad" = 0 ] && ok "each log numbered between two plain logs: the same reports"

finish
