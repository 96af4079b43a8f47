#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t7021-db-check-damaged: `splatd db check` on a file with damaged b-tree
# pages lists what SQLite's integrity check found ("integrity: Page N:
# ...") even when SQLite then gives up on the file ("database disk image
# is malformed"): the list says which pages are damaged, and was dropped
# for that one error line.  Exit 1 either way.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/db/lib.sh
need_sqlite "db check is SQLite's integrity check"
DB=$TMP/t.db

tokens_db "$DB"
check_eq "the file is sound first" "$DB: ok" "$("$SPLATD" db check --db "$DB")"
damage "$DB"

"$SPLATD" db check --db "$DB" >"$TMP/out" 2>"$TMP/err"
check_eq "damaged pages: exit 1" 1 $?
check "... the damaged pages are listed" \
	grep -q '^integrity: Page [0-9]*: ' "$TMP/out"
check_eq "... as SQLite's own check lists them" \
	"$(sqlite3 "$DB" 'PRAGMA integrity_check' 2>/dev/null |
		grep -c '^Page [0-9]*: ')" \
	"$(grep -c '^integrity: Page [0-9]*: ' "$TMP/out")"
check "... and the error that stopped the check is said" \
	grep -q '^splatd db check: .*malformed' "$TMP/err"
finish
