#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2202-storage-ingest-cost: what migration 12 changed to make ingest as
# cheap as before the sample (docs/storage.md, "Where an ingest's time
# goes"), each with the same result: signature_places written by ingest
# once per run and signature instead of a trigger on every occurrence (the
# counted signature, a merge target once merged); report texts keyed by
# XXH3 (16 bytes) instead of sha256, identical texts still once; a database
# of the schema before converted (the trigger gone, every key re-made).
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
# (on PostgreSQL the places are checked through the list filters, t5006)
need_sqlite "migration 12 of a SQLite file, its trigger and text keys"

need_shared "$CORPUS_REAL/010-recursive-arm32-4.19-old-unwinder.log"
REC=$CORPUS_REAL/010-recursive-arm32-4.19-old-unwinder.log
start_server
CI=$(token ci1 ci)
TRIAGER=$(token tri1 triager)
# (migration 27's triggers are on a run's update, not on ingest's inserts)
check_eq "no trigger writes on every occurrence" "" \
	"$(sql "SELECT name FROM sqlite_master WHERE type = 'trigger'
		AND (tbl_name <> 'runs' OR sql NOT LIKE '%AFTER UPDATE OF%')")"

# one log with the seed three times and the recursive splat twice
{ cat "$SEED"; rerender "$SEED"; cat "$REC" "$SEED" "$REC"; } >"$TMP/five.txt"
st=$(post_log "$CI" "id=r1&machine=m1&tree=t1" "$TMP/five.txt")
check_eq "five reports of two signatures" "201 5 2" \
	"$st $(body '.reports | length') $(body '[.reports[].signature_id] | unique | length')"
places() { sql "SELECT group_concat(what || '=' || value || ':' ||
	signature_id, ' ') FROM (SELECT * FROM signature_places
	ORDER BY signature_id, what, value)"; }
SEEDID=$(sql "SELECT id FROM signatures WHERE kind = 'circular'")
RECID=$(sql "SELECT id FROM signatures WHERE kind = 'recursive'")
check_eq "one machine and one tree a signature" \
	"machine=m1:$SEEDID tree=t1:$SEEDID machine=m1:$RECID tree=t1:$RECID" \
	"$(places)"
post_log "$CI" "id=r2&machine=m2" "$TMP/five.txt" >/dev/null
check_eq "a run without a tree adds its machine only" \
	"machine=m1:$SEEDID machine=m2:$SEEDID tree=t1:$SEEDID machine=m1:$RECID machine=m2:$RECID tree=t1:$RECID" \
	"$(places)"

# merged: the places of later runs go to the target, as the counts do
st=$(curl -s -o /dev/null -w '%{http_code}' -X POST \
	-H "Authorization: Bearer $TRIAGER" -H 'Content-Type: application/json' \
	-d "{\"into\": $SEEDID}" "$BASE/api/v1/signatures/$RECID/merge")
check_eq "the recursive one merged into the seed" 200 "$st"
post_log "$CI" "id=r3&machine=m3&tree=t3" "$REC" >/dev/null
check_eq "a run of the merged one: places of the target" \
	"machine=m1:$SEEDID machine=m2:$SEEDID machine=m3:$SEEDID tree=t1:$SEEDID tree=t3:$SEEDID machine=m1:$RECID machine=m2:$RECID tree=t1:$RECID" \
	"$(places)"
check_eq "the filters see them" "$SEEDID" \
	"$(get "$BASE/api/v1/signatures?machine=m3&tree=t3" >/dev/null
	   body '[.signatures[].id] | join(",")')"

# the keys: 16 bytes, identical texts once
check_eq "texts keyed by 16 bytes" "16" \
	"$(sql 'SELECT group_concat(DISTINCT length(hash)) FROM report_texts')"
n=$(sql 'SELECT count(*) FROM report_texts')
post_log "$CI" "id=r4&machine=m4&tree=t1" "$SEED" >/dev/null
post_log "$CI" "id=r5&machine=m5&tree=t1" "$SEED" >/dev/null
check_eq "the same text again adds no text" "$n" \
	"$(sql 'SELECT count(*) FROM report_texts')"
stop_server

# the schema before migration 12: the trigger, sha256-sized keys (their
# value does not matter: the migration makes every key from the text),
# without the columns migrations 16 to 22 add
V=$(sql 'PRAGMA user_version')
cp "$DB" "$TMP/after.db"
sql "PRAGMA user_version = 11; $UNDO_27 $UNDO_26 $UNDO_25 $UNDO_24 $UNDO_23 $UNDO_22 $UNDO_21
	ALTER TABLE kcidb_fetches DROP COLUMN log_excerpt;
	ALTER TABLE kcidb_fetches DROP COLUMN lockdep;
	ALTER TABLE runs DROP COLUMN kcidb_named_at;
	ALTER TABLE runs DROP COLUMN lockdep_sign;
	DROP INDEX runs_time;
	ALTER TABLE runs DROP COLUMN run_at;
	UPDATE report_texts SET hash = randomblob(32);
	CREATE TRIGGER signature_places_add AFTER INSERT ON occurrences BEGIN
	INSERT OR IGNORE INTO signature_places (what, value, signature_id)
	SELECT 'tree', tree, NEW.signature_id FROM runs
	WHERE id = NEW.run_id AND tree IS NOT NULL
	UNION ALL SELECT 'machine', machine, NEW.signature_id FROM runs
	WHERE id = NEW.run_id AND machine IS NOT NULL; END"
start_server
check_eq "serve migrates it" "$V" "$(sql 'PRAGMA user_version')"
check_eq "the trigger is gone" "" \
	"$(sql "SELECT name FROM sqlite_master WHERE type = 'trigger'
		AND tbl_name = 'occurrences'")"
keys() { sqlite3 "$1" 'SELECT group_concat(hex(hash)) FROM
	(SELECT hash FROM report_texts ORDER BY id)'; }
check_eq "every key as ingest makes it" "$(keys "$TMP/after.db")" "$(keys "$DB")"
post_log "$CI" "id=r6&machine=m4&tree=t1" "$SEED" >/dev/null
check_eq "a text stored before is found by its new key" "$n" \
	"$(sql 'SELECT count(*) FROM report_texts')"
stop_server
finish
