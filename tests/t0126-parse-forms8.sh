#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0126: the eighth round of unseen forms, the reports themselves
# (tests/data/parse-forms8, labelled before any run): every log gives as
# many reports as its NAME.expected lists (none for the near misses), and
# each report its labelled kind, chain, held_locks, task, pid, culprit
# function and kernel; and each reads the same in chunks and without the
# fast path.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
dir=$DATA/parse-forms8

# misreads not fixed yet (check_labelled_forms in tests/test-lib.sh)
known=(
)

check_labelled_forms "$dir"

# a hung task after which lockdep says it is off: no report, the fact
check_eq "46: lockdep_off" '"lockdep is turned off"' \
	"$("$SPLATD" parse "$dir"/46-*.log | jq -c .lockdep_off.reason)"

# every log the same whole, in chunks of 1, 7 and 4096 bytes, and without
# the fast path
check_chunked "$dir"/*.log
finish
