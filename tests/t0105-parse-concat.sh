#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0105-parse-concat: what comes before a report never hides it.  Transport
# state (quoted-printable, quoting, wraps, prefixes) belongs to a stretch of
# lines: every real log of ../shared/corpus concatenated into one input, in
# several seeded random orders, still yields every signature each log yields
# alone; and every log preceded by a hostile line (prose starting with "(",
# "[", ">", "=", a line ending in "=", a mail signature separator, a lone
# "-> #0", a timestamp alone, ...) still yields its signatures, whether the
# line comes first or just before the report's banner.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh

need_exec "$SPLATD"
need_shared "$CORPUS_REAL"

# sigs FILE: "kind signature" of each report, sorted
sigs() {
	"$SPLATD" parse "$1" 2>/dev/null | jq -r '.reports[] | "\(.kind) \(.signature)"' | sort
}

# missing WANT GOT: the lines of WANT that GOT lacks (as sets)
missing() { comm -23 <(sort -u "$1") <(sort -u "$2"); }

logs=("$SEED" "$CORPUS_REAL"/*.log)
alone=0
: >"$TMP/all.sigs"
parse_each -r '.reports[] | "\(.kind) \(.signature)"' "${logs[@]}"
for f in "${logs[@]}"; do
	name=${f##*/}
	printf '%s' "${PARSED[$f]}" | sort >"$TMP/$name.sigs"
	alone=$((alone + $(wc -l <"$TMP/$name.sigs")))
	cat "$TMP/$name.sigs" >>"$TMP/all.sigs"
done
if [ "$alone" -ge ${#logs[@]} ]; then
	ok "${#logs[@]} logs parsed one by one: $alone reports"
else
	fail "${#logs[@]} logs parsed one by one: only $alone reports"
fi

# ---- concatenations in seeded random orders ---------------------------------
for seed in 1 2 3 4 5; do
	printf '%s\n' "${logs[@]}" |
		awk -v seed="$seed" 'BEGIN { srand(seed) } { print rand() "\t" $0 }' |
		sort -k1,1 | cut -f2- >"$TMP/order"
	: >"$TMP/cat.log"
	while IFS= read -r f; do cat "$f" >>"$TMP/cat.log"; done <"$TMP/order"
	sigs "$TMP/cat.log" >"$TMP/cat.sigs"
	lost=$(missing "$TMP/all.sigs" "$TMP/cat.sigs")
	if [ -z "$lost" ]; then
		ok "order $seed: $(wc -l <"$TMP/cat.sigs") reports, every log's signatures found"
	else
		fail "order $seed: $(wc -l <"$TMP/cat.sigs") reports; lost $(wc -l <<<"$lost"):"
		# name the logs whose reports were lost
		while read -r kind sig; do
			grep -l -F "$kind $sig" "$TMP"/*.log.sigs "$TMP"/*.txt.sigs 2>/dev/null |
				sed 's|.*/||; s|\.sigs$||; s|^|    |'
		done <<<"$lost"
	fi
done

# ---- hostile lines before a report ------------------------------------------
hostile=(
	"(see the attached log; it happens on every boot)"
	"(and this one, which"
	"[drm] Initialized i915 1.6.0 20201103 for 0000:00:02.0 on minor 0"
	"[Note: the box has 8 GB]"
	"> I can reproduce this on my machine too."
	"= Summary ="
	"The fix sets CONFIG_PROVE_LOCKING="
	"-- "
	"-> #0"
	"#0:"
	"ffff888100e02a78"
	"(&mm->mmap_lock){++++}-{3:3}, at:"
	"[  123.456789]"
	"<4>[  123.456789] "
	"> [  123.456789]"
	"Feb 08 10:32:08 machine kernel:"
	"Call Trace:"
	"x=3D1 y=3D2"
)
# before_banner FILE LINE: FILE with LINE inserted before its first banner
# line (a row of "=" or the "=3D" of quoted-printable), not inside a
# quoted-printable soft break; nothing when it has no banner
before_banner() {
	awk -v h="$2" '
		!done && /(=====|=3D=3D=3D)/ && prev !~ /=$/ { print h; done = 1 }
		{ print; prev = $0 }
		END { exit !done }' "$1"
}
# every input in one run of splatd parse; h/LOG.N.WHERE is LOG with
# hostile line N first or before its banner
mkdir "$TMP/h"
for f in "${logs[@]}"; do
	name=${f##*/}
	for i in "${!hostile[@]}"; do
		{ printf '%s\n' "${hostile[$i]}"; cat "$f"; } >"$TMP/h/$name.$i.first"
		before_banner "$f" "${hostile[$i]}" >"$TMP/h/$name.$i.banner" ||
			rm "$TMP/h/$name.$i.banner"
	done
done
"$SPLATD" parse "$TMP"/h/* 2>"$TMP/err" |
	jq -r '.file as $f | .reports[] | "\($f) \(.kind) \(.signature)"' >"$TMP/got" ||
	fail "splatd parse of the hostile inputs: $(head -c 300 "$TMP/err")"
# lost: for each input, in order, 1 when a signature of its log is
# missing from its reports (as missing would say), else 0
inputs=("$TMP"/h/*)
printf '%s\n' "${inputs[@]}" |
	awk -v tmp="$TMP" '
	NR == FNR { p = index($0, " "); got[substr($0, 1, p - 1), substr($0, p + 1)] = 1; next }
	{
		name = $0; sub(/.*\//, "", name); sub(/\.[^.]*\.[^.]*$/, "", name)
		lost = 0
		while ((getline l < (tmp "/" name ".sigs")) > 0)
			if (!(($0, l) in got))
				lost = 1
		close(tmp "/" name ".sigs")
		print lost
	}' "$TMP/got" - >"$TMP/lost"
mapfile -t lost <"$TMP/lost"
bad=0
tried=0
for k in "${!inputs[@]}"; do
	in=${inputs[k]}
	tried=$((tried + 1))
	base=${in##*/}
	name=${base%.*.*}
	i=${base#"$name".}
	i=${i%.*}
	if [ "${lost[k]:-1}" != 0 ]; then
		bad=$((bad + 1))
		case $base in
		*.first) fail "$name after '${hostile[$i]}': report lost" ;;
		*) fail "$name with '${hostile[$i]}' before its banner: report lost" ;;
		esac
	fi
done
if [ "$bad" = 0 ] && [ "$tried" -gt ${#logs[@]} ]; then
	ok "${#hostile[@]} hostile lines x ${#logs[@]} logs ($tried inputs): every report found, same signature"
fi

finish
