#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0116-parse-forms2: a second, independent set of reports in forms the
# parser was not tuned on (tests/data/parse-forms2, labelled by hand in
# LABELS before splatd ever read them): every file reads as labelled (report
# found or, for a WARNING/KCSAN/KASAN/sleeping-in-atomic/turn-off, none;
# kind, chain, held locks, task/pid, culprit, lockdep_off), and every form
# of one report gives the same signature.  score.py does the comparing.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
D=$DATA/parse-forms2

need_exec "$SPLATD"

python3 "$D/score.py" "$SPLATD" "$D" >"$TMP/score" 2>&1
while read -r file verdict rest; do
	case $file in
	[fg][0-9]*)
		if [ "$verdict" = ok ]; then
			ok "$file reads as labelled"
		else
			fail "$file: $verdict $rest"
		fi
		;;
	group)
		if [ "${rest%% *}" = same ]; then
			ok "group ${verdict%:} one signature"
		else
			fail "group ${verdict%:} $rest"
		fi
		;;
	files) echo "# $file $verdict $rest" ;;
	*) fail "score.py: $file $verdict $rest" ;;
	esac
done <"$TMP/score"

# every file the same whole, in chunks of 1, 7 and 4096 bytes, and without
# the fast path (the short-monotonic host tag is a prefix for both paths)
TOOL=build/asan/tools/parse_chunks
if [ -x "$TOOL" ]; then
	for f in "$D"/[fg][0-9]*; do
		if ! "$TOOL" "$f" 0 1 7 4096 0s 7s >"$TMP/pc" 2>/dev/null; then
			fail "${f##*/}: parse_chunks failed"
		elif [ "$(sort -u "$TMP/pc" | wc -l)" = 1 ]; then
			ok "${f##*/}: chunked and without the fast path, the same"
		else
			fail "${f##*/}: chunking or the fast path changes the output"
		fi
	done
else
	echo "# $TOOL missing (make test builds it): chunk checks skipped"
fi
finish
