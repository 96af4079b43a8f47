#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0117: the third round of unseen forms (tests/data/parse-forms3, labelled
# before any run): every log gives as many reports as its NAME.expected
# lists (none for the non-reports), and each report its labelled kind,
# chain, held_locks, task, pid, culprit function and kernel.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
dir=$DATA/parse-forms3

# misreads not fixed yet (check_labelled_forms in tests/test-lib.sh)
known=(
	# a static function of mm/mmap.c inlined into its caller is the
	# culprit (the label names the caller; either is defensible)
	x59-syzbot-mail-nested:0:culprit
)

check_labelled_forms "$dir"
finish
