#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t7020-cli-extra-args: a command that takes no argument refuses one
# (usage error, exit 2, a line naming it) rather than doing its work as if
# it were not there: `splatd version foo`, `splatd token list foo`,
# `splatd git tree list foo`, `splatd regression list 5` (and create).
# What they do without one is unchanged.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
DB=$(new_db)
"$SPLATD" token create --name ci1 --role ci --db "$DB" --quiet >/dev/null

# refused WHAT ARGS...: exit 2, stdout empty, "splatd WHAT: unexpected
# 'EXTRA'" on stderr
refused() {
	local what=$1
	shift
	"$SPLATD" "$@" >"$TMP/out" 2>"$TMP/err"
	check_eq "splatd $*: usage error" "2 0" "$? $(wc -c <"$TMP/out")"
	check "... naming it" grep -q "^splatd $what: unexpected 'EXTRA'" \
		"$TMP/err"
}
refused version version EXTRA
refused "token list" token list EXTRA --db "$DB"
refused "token list" token list --db "$DB" EXTRA
refused "git tree list" git tree list EXTRA --db "$DB"
# regression reads a number as the ID that show, edit and resolve take
"$SPLATD" regression list 5 --db "$DB" >"$TMP/out" 2>"$TMP/err"
check_eq "splatd regression list 5: usage error" "2 0" \
	"$? $(wc -c <"$TMP/out")"
check "... naming it" grep -q "^splatd regression list: unexpected '5'" \
	"$TMP/err"
"$SPLATD" regression create 5 --title t --signature 1 --db "$DB" \
	>"$TMP/out" 2>"$TMP/err"
check_eq "splatd regression create 5 ...: usage error" "2 0" \
	"$? $(wc -c <"$TMP/out")"

check_eq "splatd version alone: the version line" \
	"$("$SPLATD" --version)" "$("$SPLATD" version)"
check "token list alone lists" \
	eval '"$SPLATD" token list --db "$DB" | grep -q "^ci1 "'
check "regression list alone: exit 0" \
	eval '"$SPLATD" regression list --db "$DB" >/dev/null'
check "git tree list alone: exit 0" \
	eval '"$SPLATD" git tree list --db "$DB" >/dev/null'
check "token revoke NAME still takes its NAME" \
	eval '"$SPLATD" token revoke ci1 --db "$DB" | grep -q revoked'
finish
