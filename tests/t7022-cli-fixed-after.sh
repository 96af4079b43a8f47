#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t7022-cli-fixed-after: `splatd regression --fixed-after N` takes what
# `splatd serve --fixed-after N` takes, a decimal from 1 that its integer
# holds: -1, 4294967297 (2^32 + 1), a number past 2^64 and " 5" are usage
# errors, not 4294967295, 1 or ULONG_MAX cut to 32 bits.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
DB=$(new_db)
"$SPLATD" token create --name ci1 --role ci --db "$DB" --quiet >/dev/null

for v in -1 4294967297 99999999999999999999 " 5" 0 5x ""; do
	"$SPLATD" regression list --db "$DB" --fixed-after "$v" \
		>"$TMP/out" 2>"$TMP/err"
	check_eq "--fixed-after '$v': usage error, nothing listed" "2 0" \
		"$? $(wc -c <"$TMP/out")"
done
for v in 1 3 4294967295; do
	check "--fixed-after $v is taken" eval \
		'"$SPLATD" regression list --db "$DB" --fixed-after "$v" >/dev/null'
done
finish
