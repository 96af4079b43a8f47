#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t7024-db-backup-damaged: `splatd db backup` of a database with damaged
# pages fails: exit 1, a line saying the database is damaged and naming
# the first damaged page as SQLite's integrity check does, no FILE and no
# FILE.tmp left, an older FILE kept as it was; `db check` still lists the
# pages as t7021 has it.  A sound database is still backed up.  (A
# backup copies pages as they are: the damaged file's copy was written
# and renamed, exit 0, a backup that `db check` then failed.)
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
. tests/db/lib.sh
need_sqlite "db backup is SQLite's online backup"
DB=$TMP/t.db

tokens_db "$DB"
"$SPLATD" db backup "$TMP/old.db" --db "$DB" 2>"$TMP/err"
check_eq "a sound database: backed up" 0 $?
check_eq "... the backup is sound" "$TMP/old.db: ok" \
	"$("$SPLATD" db check --db "$TMP/old.db")"
sum=$(cksum <"$TMP/old.db")

damage "$DB"
"$SPLATD" db check --db "$DB" >"$TMP/check.out" 2>"$TMP/check.err"
check_eq "db check of the damaged file: exit 1" 1 $?
first=$(sed -n 's/^integrity: \(Page [0-9]*\): .*/\1/p' "$TMP/check.out" | head -1)
check "... it lists a damaged page" test -n "$first"

"$SPLATD" db backup "$TMP/new.db" --db "$DB" >"$TMP/out" 2>"$TMP/err"
check_eq "db backup of the damaged file: exit 1" 1 $?
check "... says the database is damaged" \
	grep -q "^splatd db backup: $DB is damaged" "$TMP/err"
check "... names the first damaged page" grep -q "$first: " "$TMP/err"
check "... and the way to list them all" grep -q "splatd db check" "$TMP/err"
check "... nothing on stdout" test ! -s "$TMP/out"
check "... no backup file" test ! -e "$TMP/new.db"
check "... no FILE.tmp" test ! -e "$TMP/new.db.tmp"

"$SPLATD" db backup "$TMP/old.db" --db "$DB" 2>"$TMP/err"
check_eq "over an older backup: exit 1" 1 $?
check_eq "... the older backup kept as it was" "$sum" "$(cksum <"$TMP/old.db")"
check "... no FILE.tmp" test ! -e "$TMP/old.db.tmp"

"$SPLATD" db check --db "$DB" >"$TMP/check2.out" 2>"$TMP/check2.err"
check_eq "db check: exit 1 still" 1 $?
check_eq "... the same list as before the backups" "" \
	"$(diff "$TMP/check.out" "$TMP/check2.out")"
finish
