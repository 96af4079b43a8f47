#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t0011: syzkaller's lockdep corpus (../shared/corpus/syzkaller/INDEX.tsv):
# the right kind is found, culprits agree where our rule is syzkaller's.
set -u
cd "$(dirname "$0")/.." || exit 1
exec build/asan/tools/syzcorpus "${CORPUS_SYZ:-../shared/corpus/syzkaller}"
