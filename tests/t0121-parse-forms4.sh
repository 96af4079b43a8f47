#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0121: the fourth round of unseen forms (tests/data/parse-forms4, labelled
# before any run): every log gives as many reports as its NAME.expected
# lists (none for the non-reports), and each report its labelled kind,
# chain, held_locks, task, pid, culprit function and kernel; and each
# reads the same in chunks and without the fast path.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
dir=$DATA/parse-forms4

# misreads not fixed yet (check_labelled_forms in tests/test-lib.sh)
known=(
)

check_labelled_forms "$dir"

# every log the same whole, in chunks of 1, 7 and 4096 bytes, and without
# the fast path
check_chunked "$dir"/*.log
finish
