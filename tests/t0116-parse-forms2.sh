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
finish
