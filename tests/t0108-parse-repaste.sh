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

# REPORTS: what identifies each report, one line each (parse_each)
REPORTS='.reports[] | [.kind, .signature, .chain, .held_locks]'

logs=("$SEED" "$CORPUS_REAL"/*.log)
parse_each "$REPORTS" "${logs[@]}"
for f in "${logs[@]}"; do printf '%s' "${PARSED[$f]}" >"$TMP/${f##*/}.want"; done
# KIND[NAME]: the kind of the log's first report
declare -A KIND
while IFS=$'\t' read -r name kind; do
	KIND[$name]=$kind
done < <(for f in "${logs[@]}"; do
	printf '%s\t%s\n' "${f##*/}" "$(head -n 1 "$TMP/${f##*/}.want")"
done | jq -rR 'split("\t") | "\(.[0])\t\(.[1] | select(. != "") |
	fromjson | .[0])"')

same() {
	local what=$1 opt=$2 min=$3 min_kinds=$4 f name kinds=() n
	local changed=()
	mkdir -p "$TMP/r"
	for f in "${logs[@]}"; do
		name=${f##*/}
		[[ $opt == -w* && $name == 042-* ]] && continue
		$R $opt "$f" >"$TMP/r/$name"
		cmp -s "$f" "$TMP/r/$name" && continue # nothing to reform
		changed+=("$TMP/r/$name")
	done
	parse_each "$REPORTS" "${changed[@]}"
	for f in "${changed[@]}"; do
		name=${f##*/}
		printf '%s' "${PARSED[$f]}" >"$TMP/got"
		if cmp -s "$TMP/$name.want" "$TMP/got"; then
			kinds+=("${KIND[$name]:-}")
		else
			fail "$what: $name: got $(head -c 300 "$TMP/got"), want $(head -c 300 "$TMP/$name.want")"
		fi
	done
	rm -rf "$TMP/r"
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

mixes=()
for i in "${!logs[@]}"; do
	f=${logs[$i]}
	prev=${logs[$(((i + ${#logs[@]} - 1) % ${#logs[@]}))]}
	next=${logs[$(((i + 1) % ${#logs[@]}))]}
	{ cat "$prev"; $R -n less "$f"; cat "$next"; } >"$TMP/mix.$i.log"
	mixes+=("$TMP/mix.$i.log")
done
parse_each "$REPORTS" "${mixes[@]}"
bad=0
for i in "${!logs[@]}"; do
	f=${logs[$i]}
	prev=${logs[$(((i + ${#logs[@]} - 1) % ${#logs[@]}))]}
	next=${logs[$(((i + 1) % ${#logs[@]}))]}
	cat "$TMP/${prev##*/}.want" "$TMP/${f##*/}.want" "$TMP/${next##*/}.want" | sort >"$TMP/want"
	printf '%s' "${PARSED[$TMP/mix.$i.log]}" | sort >"$TMP/got"
	if ! cmp -s "$TMP/want" "$TMP/got"; then
		bad=$((bad + 1))
		fail "${f##*/} numbered between ${prev##*/} and ${next##*/}: reports differ"
	fi
done
[ "$bad" = 0 ] && ok "each log numbered between two plain logs: the same reports"

finish
