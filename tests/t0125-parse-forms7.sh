#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0125: the seventh round of unseen forms (tests/data/parse-forms7, labelled
# before any run): every log gives as many reports as its NAME.expected
# lists (none for the non-reports), and each report its labelled kind,
# chain, held_locks, task, pid, culprit function and kernel; and each
# reads the same in chunks and without the fast path.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
dir=$DATA/parse-forms7

# misreads not fixed yet (check_labelled_forms in tests/test-lib.sh)
known=(
	'06-efi-pstore-head-parts:0:held_locks'
	'06-efi-pstore-head-parts:0:culprit'
	'37-nm-csv-pattern-column::count'
	'38-nm-code-search-json::count'
	'39-nm-html-about-headers::count'
)

check_labelled_forms "$dir"

# every log the same whole, in chunks of 1, 7 and 4096 bytes, and without
# the fast path
check_chunked "$dir"/*.log
finish
