#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9300-syz-title-banner: a report whose syzkaller function cannot be found
# gets the banner as its syzbot title, without the old format's "[ ... ]"
# and without the banner's closing period: syzkaller's titles never end
# with one ("INFO: suspicious RCU usage in corrupted" for the same logs in
# its corpus, rows 34, 35 and 91 of INDEX.tsv).
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
need_shared "$CORPUS_SYZ"
for f in 34 35 91; do
	check_eq "syzkaller corpus $f: the banner without its period" \
		'"INFO: suspicious RCU usage"' \
		"$("$SPLATD" parse "$CORPUS_SYZ/$f" | jq -c '.reports[0].syz_title')"
	check_eq "... a prefix of syzkaller's own title" 0 \
		"$(awk -F'\t' -v f="$f" '$1 == f && index($3, "INFO: suspicious RCU usage") != 1' \
		"$CORPUS_SYZ/INDEX.tsv" | wc -l)"
done
check_eq "a banner without a period is kept whole (corpus 98)" \
	'"WARNING: possible circular locking dependency detected"' \
	"$("$SPLATD" parse "$CORPUS_SYZ/98" | jq -c '.reports[0].syz_title')"
finish
