#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t8003-cli-missing-db: a command that only reads or changes what a
# database holds refuses a --db that does not exist, naming it, and leaves
# no empty database behind; the commands that set one up still make it.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
READERS=$PWD/$DATA/cli/db-readers.txt
cd "$TMP" || exit 1
case $SPLATD in /*) ;; *) SPLATD=$OLDPWD/$SPLATD ;; esac

while read -r cmd; do
	# shellcheck disable=SC2086 # cmd is words
	"$SPLATD" $cmd --db typo.db >out 2>err
	rc=$?
	check_eq "$cmd: exit 1" 1 "$rc"
	check "$cmd: names the file" grep -q "no database at typo.db" err
	check "$cmd: nothing on stdout" test ! -s out
	check "$cmd: no file left" test ! -e typo.db
done < <(grep -v '^#' "$READERS")

"$SPLATD" token list --db sqlite:typo.db 2>err
check_eq "sqlite: prefix: refused too" 1 "$?"
check "sqlite: prefix: no file left" test ! -e typo.db
"$SPLATD" token list --db nodir/typo.db 2>err
check_eq "a missing directory: refused" 1 "$?"
check "a missing directory: none made" test ! -e nodir

"$SPLATD" token create --name ci1 --role ci --quiet --db new.db >/dev/null
check "token create still makes the database" test -s new.db
check "and token list reads it" "$SPLATD" token list --db new.db
"$SPLATD" subscription add a@example.org --all --db sub.db >/dev/null
check "subscription add makes one" test -s sub.db
finish
