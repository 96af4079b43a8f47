#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t7030-cli-read-while-writing: a command that only reads a database that
# is already at this splatd's schema takes no write lock to open it: while
# another connection holds SQLite's write lock (a serve busy storing runs,
# an operator's long `db copy`), `token list`, `regression list` and
# `owners`-side reads answer at once instead of waiting out the 10 s busy
# timeout and failing "migrating schema: database is locked"; and a
# database at an older schema is still migrated, in one write transaction,
# by the first command that opens it.
cd "$(dirname "$0")/.." || exit 1
. tests/test-lib.sh
need_sqlite "SQLite's write lock"
DB=$(new_db)
"$SPLATD" token create --name ci1 --role ci --db "$DB" --quiet >/dev/null ||
	fail "token create"

# hold the write lock from another process until told to stop
python3 - "$DB" "$TMP/held" "$TMP/stop" <<'PY' &
import sqlite3, sys, os, time
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
c.execute("BEGIN IMMEDIATE")
c.execute("UPDATE tokens SET name = name")
open(sys.argv[2], "w").close()
while not os.path.exists(sys.argv[3]):
    time.sleep(0.05)
c.execute("ROLLBACK")
PY
holder=$!
at_exit "touch '$TMP/stop'; wait $holder 2>/dev/null"
for _ in $(seq 200); do
	[ -e "$TMP/held" ] && break
	sleep 0.05
done
check "the other process holds the write lock" test -e "$TMP/held"

"$SPLATD" token list --db "$DB" >"$TMP/out" 2>"$TMP/err"
check_eq "token list under a held write lock: exit 0" 0 "$?"
check "token list names the token" grep -q ci1 "$TMP/out"
check_eq "token list printed no error" "" "$(cat "$TMP/err")"
"$SPLATD" regression list --db "$DB" >"$TMP/out" 2>"$TMP/err"
check_eq "regression list under a held write lock: exit 0" 0 "$?"
"$SPLATD" db check --db "$DB" >"$TMP/out" 2>"$TMP/err"
check_eq "db check under a held write lock: exit 0" 0 "$?"
touch "$TMP/stop"
wait $holder

# an older schema is still migrated by the next command that opens it
latest=$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA user_version').fetchone()[0])" "$DB")
undo=UNDO_$latest
schema_back $((latest - 1)) "${!undo}"
"$SPLATD" token list --db "$DB" >"$TMP/out" 2>"$TMP/err"
check_eq "token list on an older schema: exit 0" 0 "$?"
check_eq "and the schema is migrated to the latest" "$latest" \
	"$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute('PRAGMA user_version').fetchone()[0])" "$DB")"
finish
