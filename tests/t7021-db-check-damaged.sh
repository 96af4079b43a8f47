#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t7021-db-check-damaged: `splatd db check` on a file with damaged b-tree
# pages lists what SQLite's integrity check found ("integrity: Page N:
# ...") even when SQLite then gives up on the file ("database disk image
# is malformed"): the list says which pages are damaged, and was dropped
# for that one error line.  Exit 1 either way.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
need_sqlite "db check is SQLite's integrity check"
DB=$TMP/t.db
q() { sqlite3 "$DB" "$1"; }

"$SPLATD" token create --name a --role ci --db "$DB" --quiet >/dev/null
# 5,000 tokens: a table of some 300 pages, with interior pages
q "PRAGMA journal_mode = DELETE;
	WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c
		WHERE i < 5000)
	INSERT INTO tokens (name, role, hash, created_at)
	SELECT 'n' || i, 'ci', printf('%064d', i), 0 FROM c" >/dev/null
check_eq "the file is sound first" "$DB: ok" "$("$SPLATD" db check --db "$DB")"
pages=$(q "PRAGMA page_count")
# three pages in the middle become 0xff bytes
head -c 12288 /dev/zero | tr '\0' '\377' |
	dd of="$DB" bs=4096 seek=$((pages / 2)) conv=notrunc 2>/dev/null

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
