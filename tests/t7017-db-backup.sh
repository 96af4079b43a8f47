#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t7017-db-backup: `splatd db backup FILE` while a writer posts runs in a
# loop gives a consistent snapshot: `db check` finds it sound, its runs are
# exactly the live database's first K runs (no gap, none half-stored), each
# with all its occurrences and identical rows, and its counters agree with
# its rows; restored (stop, copy back, start) serve answers with its
# content.  `db check` lists broken foreign keys and damaged pages (exit 1);
# a failed backup leaves no file behind.
#
# "Identical" under load: the backup equals the database as of one moment
# (the backup's read transaction); runs and occurrences are never changed
# once stored, so their rows in the backup must equal the live rows of the
# same runs, while counters that later runs move (signatures.occurrences,
# last_seen) are checked against the backup's own rows.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
need_sqlite "splatd db backup and db check are SQLite's (PostgreSQL: pg_dump, docs/deploy.md)"

start_server
CI=$(token ci1 ci)
rerender "$SEED" >"$TMP/other.txt"
cat "$SEED" "$TMP/other.txt" >"$TMP/two.txt"
printf '[    0.000000] Linux version 6.1.0 (clean run)\n' >"$TMP/clean.txt"

# the writer: runs with 1, 2 and 0 reports until $TMP/stop exists
(
	i=0
	while [ ! -e "$TMP/stop" ]; do
		i=$((i + 1))
		case $((i % 3)) in
		0) f=$TMP/clean.txt ;;
		1) f=$SEED ;;
		2) f=$TMP/two.txt ;;
		esac
		post_log "$CI" "id=w$i&machine=m$((i % 5))" "$f" >>"$TMP/writer.status"
		echo >>"$TMP/writer.status"
	done
) &
WRITER=$!
at_exit "touch $TMP/stop; kill $WRITER 2>/dev/null"
runs() { sql "SELECT count(*) FROM runs"; }
for i in $(seq 1 200); do [ "$(runs)" -ge 10 ] && break; sleep 0.05; done

for b in 1 2 3; do
	before=$(runs)
	"$SPLATD" db backup "$TMP/b$b.db" --db "$DB" 2>"$TMP/backup.err"
	st=$?
	after=$(runs)
	check_eq "backup $b during ingest: exit 0" 0 $st
	check "backup $b: FILE.tmp is gone" test ! -e "$TMP/b$b.db.tmp"
	k=$(sqlite3 "$TMP/b$b.db" "SELECT count(*) FROM runs")
	check "backup $b: holds $k runs, between $before (before) and $after (after)" \
		test "$k" -ge "$before" -a "$k" -le "$after"
	sleep 0.3
done
touch "$TMP/stop"
wait "$WRITER"
check_eq "the writer's runs were all stored (201)" "" \
	"$(grep -v '^201$' "$TMP/writer.status" | grep -v '^$')"
check_eq "the backup is not readable by others" 600 "$(stat -c %a "$TMP/b1.db")"

B=$TMP/b3.db
check_eq "db check on the backup: ok, exit 0" "$B: ok 0" \
	"$("$SPLATD" db check --db "$B") $?"
q() { sqlite3 "$1" "$2"; }
M=$(q "$B" "SELECT max(id) FROM runs")
check_eq "its runs are the live runs 1..$M, no gap" "$M $M" \
	"$(q "$B" "SELECT count(*) || ' ' || max(id) FROM runs")"
check_eq "... with identical rows" \
	"$(q "$DB" "SELECT * FROM runs WHERE id <= $M ORDER BY id" | sha256sum)" \
	"$(q "$B" "SELECT * FROM runs ORDER BY id" | sha256sum)"
OCC="SELECT id, signature_id, matched_signature_id, run_id, seq, ts, is_new,
	kernel, task, pid FROM occurrences"
check_eq "every run has all its occurrences, identical" \
	"$(q "$DB" "$OCC WHERE run_id <= $M ORDER BY id" | sha256sum)" \
	"$(q "$B" "$OCC ORDER BY id" | sha256sum)"
check_eq "each run's report count matches its occurrences" 0 \
	"$(q "$B" "SELECT count(*) FROM runs r WHERE r.reports <>
		(SELECT count(*) FROM occurrences o WHERE o.run_id = r.id)")"
check_eq "the signatures' counters match the backup's occurrences" \
	"$(q "$B" "SELECT count(*) FROM occurrences")" \
	"$(q "$B" "SELECT sum(occurrences) FROM signatures")"
check "later runs are not in it" test "$(runs)" -gt "$M"

# ---- restore: stop, copy back, start --------------------------------------
stop_server
total=$(runs)
mkdir "$TMP/old"
mv "$DB" "$DB-wal" "$DB-shm" "$TMP/old/" 2>/dev/null
cp "$B" "$DB"
start_server
check_eq "restored: /healthz 200" 200 "$(get "$BASE/healthz")"
check_eq "restored: the API lists the backup's $M runs" "$M" \
	"$(get "$BASE/api/v1/runs?limit=500" >/dev/null; body '.runs | length')"
check_eq "restored: the seed's occurrences are the backup's" \
	"$(q "$B" "SELECT max(occurrences) FROM signatures")" \
	"$(get "$BASE/api/v1/signatures" >/dev/null; body '[.signatures[].occurrences] | max')"
check_eq "restored: ingest goes on" 201 "$(post_log "$CI" id=after "$SEED")"
stop_server
check "the live database had more ($total)" test "$total" -gt "$M"

# ---- db check finds problems ----------------------------------------------
cp "$B" "$TMP/fk.db"
q "$TMP/fk.db" "PRAGMA foreign_keys = OFF;
	UPDATE occurrences SET run_id = 999999 WHERE id = (SELECT min(id) FROM occurrences);"
"$SPLATD" db check --db "$TMP/fk.db" >"$TMP/check.out" 2>"$TMP/check.err"
check_eq "a broken foreign key: exit 1" 1 $?
check "... listed" grep -q "^foreign key: occurrences row [0-9]* -> runs$" "$TMP/check.out"
check "... counted" grep -q "1 problem$" "$TMP/check.err"
cp "$B" "$TMP/bad.db"
q "$TMP/bad.db" "PRAGMA journal_mode = DELETE" >/dev/null
pages=$(q "$TMP/bad.db" "PRAGMA page_count")
dd if=/dev/urandom of="$TMP/bad.db" bs=4096 seek=$((pages / 2)) count=3 \
	conv=notrunc 2>/dev/null
"$SPLATD" db check --db "$TMP/bad.db" >"$TMP/check.out" 2>"$TMP/check.err"
check_eq "damaged pages: exit 1" 1 $?
check "... said" grep -Eq "integrity:|malformed|not a database" \
	"$TMP/check.out" "$TMP/check.err"

# ---- failures leave nothing behind ----------------------------------------
"$SPLATD" db backup "$TMP/x.db" --db "$TMP/missing.db" 2>"$TMP/err"
check_eq "a missing database: exit 1" 1 $?
check "... no backup, no database created" \
	test ! -e "$TMP/x.db" -a ! -e "$TMP/x.db.tmp" -a ! -e "$TMP/missing.db"
"$SPLATD" db backup "$TMP/no/such/dir/x.db" --db "$B" 2>"$TMP/err"
check_eq "an unwritable destination: exit 1" 1 $?
echo "not sqlite" >"$TMP/text.db"
"$SPLATD" db backup "$TMP/y.db" --db "$TMP/text.db" 2>"$TMP/err"
check_eq "not a database: exit 1" 1 $?
check "... and no backup" test ! -e "$TMP/y.db" -a ! -e "$TMP/y.db.tmp"
ino=$(stat -c %i "$B")
"$SPLATD" db backup "$B" --db "$B" 2>"$TMP/err"
check_eq "a backup over its own database: exit 1, saying so" "1 1" \
	"$? $(grep -c 'is the database' "$TMP/err")"
"$SPLATD" db backup "$B-wal" --db "$B" 2>"$TMP/err"
check_eq "... over its WAL: exit 1" 1 $?
ln -sf "$B" "$TMP/link.db"
"$SPLATD" db backup "$TMP/link.db" --db "$B" 2>"$TMP/err"
check_eq "... through a symlink: exit 1" 1 $?
check_eq "... the database is the same file, sound" "$ino ok" \
	"$(stat -c %i "$B") $("$SPLATD" db check --db "$B" 2>/dev/null | tail -n 1 |
		grep -o ok)"
"$SPLATD" db backup --db "$B" 2>/dev/null
check_eq "no FILE: usage, exit 2" 2 $?
"$SPLATD" db check "$B" 2>/dev/null
check_eq "db check takes no argument but --db: exit 2" 2 $?
finish
