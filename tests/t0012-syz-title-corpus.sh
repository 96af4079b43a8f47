#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0012: syz_title against syzkaller's own titles in its report corpus
# (../shared/corpus/syzkaller/INDEX.tsv), wherever syzkaller's title names a
# function and is about a lockdep report: prints the agreement and every
# disagreement with both titles, and fails below the threshold.
#
# Compared: rows whose title is "<form> in <function>" (not "in corrupted":
# syzkaller's marker for a report it could not read), whose type is LOCKDEP
# or unset (a KASAN or BUG type is another crash in the same log), and in
# whose file `splatd parse` finds a report.  The first report is compared,
# as syzkaller titles the first crash of a log; a row agrees when that
# report's syz_title is the title or one of its alt_titles.
#
# Threshold 90%: the rules were read off this corpus, so the figure is an
# upper bound on what unseen reports get.  Below it a rule has regressed;
# the remaining misses are listed in docs/signature.md "syzbot titles".
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
need_exec "$SPLATD"
need_shared "$CORPUS_SYZ" "$CORPUS_REAL"
THRESHOLD=${SYZ_TITLE_THRESHOLD:-90}

total=0 agree=0 skipped=0
while IFS=$'\x1f' read -r file title alt type; do
	fn=${title##* in }
	if [ "$fn" = "$title" ] || [ "$fn" = corrupted ] ||
		{ [ -n "$type" ] && [ "$type" != LOCKDEP ]; }; then
		continue
	fi
	got=$("$SPLATD" parse "$CORPUS_SYZ/$file" |
		jq -r '.reports[0] | if . == null then "" else .syz_title // "(null)" end')
	if [ -z "$got" ]; then
		skipped=$((skipped + 1))
		echo "# $file: no lockdep report splatd parses ($title)"
		continue
	fi
	total=$((total + 1))
	match=no
	[ "$got" = "$title" ] && match=yes
	IFS='|' read -r -a alts <<<"$alt"
	for a in "${alts[@]}"; do
		a=${a# } a=${a% }
		[ -n "$a" ] && [ "$got" = "$a" ] && match=yes
	done
	if [ $match = yes ]; then
		agree=$((agree + 1))
	else
		echo "# $file: syzkaller '$title', splatd '$got'"
	fi
done < <(awk -F'\t' 'NR > 1 { printf "%s\x1f%s\x1f%s\x1f%s\n", $1, $3, $4, $5 }' \
	"$CORPUS_SYZ/INDEX.tsv")

echo "# syz_title agrees with syzkaller on $agree of $total reports" \
	"($skipped rows name a function but hold no report splatd parses)"
check "the corpus has titles to compare" test "$total" -ge 50
check "agreement >= $THRESHOLD%" test $((agree * 100)) -ge $((THRESHOLD * total))

# The rule on real reports outside syzkaller's corpus: an irq inversion is
# titled by the site of the lock whose state changed, when it is printed.
n=0
for f in "$CORPUS_REAL"/*.log; do
	site=$(grep -A1 'just changed the state of lock' "$f" | tail -1 |
		sed -n 's/.*, at: \([A-Za-z0-9_]*\).*/\1/p')
	[ -n "$site" ] || continue
	n=$((n + 1))
	check_eq "$(basename "$f"): irq inversion titled by the changed lock's site" \
		"possible deadlock in $site" \
		"$("$SPLATD" parse "$f" | jq -r '.reports[0].syz_title')"
done
check "the real corpus has irq inversions with a site" test "$n" -ge 1
finish
