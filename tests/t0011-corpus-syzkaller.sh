#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0011: syzkaller's lockdep corpus (../shared/corpus/syzkaller/INDEX.tsv):
# the right kind is found, culprits agree where our rule is syzkaller's
# (tests/tools/syzcorpus does the checks and prints its own tally).
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
need_exec build/asan/tools/syzcorpus
need_shared "$CORPUS_SYZ"
check_tally build/asan/tools/syzcorpus "$CORPUS_SYZ"
finish
