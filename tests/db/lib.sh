# SPDX-License-Identifier: GPL-2.0
# lib.sh: a SQLite database with damaged pages, for the tests of `splatd db
# check` and `db backup` (t7021, t7024).  Source it after tests/test-lib.sh.

# tokens_db DB: a splatd database in DB with 5,001 tokens, a table of some
# 300 pages with interior pages, in rollback mode (no WAL beside it)
tokens_db() {
	"$SPLATD" token create --name a --role ci --db "$1" --quiet >/dev/null
	sqlite3 "$1" "PRAGMA journal_mode = DELETE;
		WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c
			WHERE i < 5000)
		INSERT INTO tokens (name, role, hash, created_at)
		SELECT 'n' || i, 'ci', printf('%064d', i), 0 FROM c" >/dev/null
}

# damage DB: three pages in the middle of DB become 0xff bytes
damage() {
	local pages
	pages=$(sqlite3 "$1" "PRAGMA page_count")
	head -c 12288 /dev/zero | tr '\0' '\377' |
		dd of="$1" bs=4096 seek=$((pages / 2)) conv=notrunc 2>/dev/null
}
