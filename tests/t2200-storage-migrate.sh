#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t2200-storage-migrate: migration 8 on a database made by the previous
# schema (tests/data/storage-m7.sql.gz, made by tests/data/storage-m7.sh
# with splatd 790eb2e): every occurrence keeps its row, the sample keeps its
# text byte for byte, identical texts are stored once, the rest is counted;
# the API says which texts were kept; the migration keeps the same sample as
# ingesting the same runs does (docs/storage.md).
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
need_sqlite "migrates an old SQLite fixture"

D=$DATA/parse-invariance
ORIG=$TMP/orig.db
zcat "$DATA/storage-m7.sql.gz" | sqlite3 "$ORIG"
cp "$ORIG" "$DB"
check_eq "the fixture is a schema 7 database of 41 occurrences" "7 41" \
	"$(sqlite3 "$ORIG" 'PRAGMA user_version; SELECT count(*) FROM occurrences' | xargs)"

# the newest schema, as a new database gets it
"$SPLATD" token create --name fresh --role ci --quiet --db "$TMP/fresh.db" >/dev/null
LATEST=$(sqlite3 "$TMP/fresh.db" 'PRAGMA user_version')
start_server
check_eq "serve migrates it to schema 8 and on to the newest" "$LATEST" \
	"$(sql 'PRAGMA user_version')"
check_eq "integrity and foreign keys hold" "ok" \
	"$(sql 'PRAGMA integrity_check; PRAGMA foreign_key_check')"

# every row stays, with everything but its text
ROW="o.id, r.run_id, o.signature_id, o.matched_signature_id, o.seq, o.ts,"
ROW="$ROW o.is_new, o.kernel, o.task, o.pid"
rows() { sqlite3 "$1" "SELECT $ROW FROM occurrences o JOIN runs r ON r.id = o.run_id ORDER BY o.id" | md5sum; }
check_eq "every occurrence keeps its row (run, time, kernel, task, pid)" \
	"$(rows "$ORIG")" "$(rows "$DB")"
# (the columns the fixture has: later migrations may add some)
RUNCOLS=$(sqlite3 "$ORIG" \
	"SELECT group_concat(name, ', ') FROM pragma_table_info('runs')")
check_eq "runs are unchanged" \
	"$(sqlite3 "$ORIG" "SELECT $RUNCOLS FROM runs ORDER BY id" | md5sum)" \
	"$(sql "SELECT $RUNCOLS FROM runs ORDER BY id" | md5sum)"

# the kept texts are the old ones, byte for byte
check_eq "each kept text is its occurrence's old text and raw" 0 \
	"$(sql "ATTACH '$ORIG' AS old; SELECT count(*) FROM occurrences o
	JOIN report_texts t ON t.id = o.text_id JOIN old.occurrences p
	ON p.id = o.id WHERE t.text IS NOT p.text OR t.raw IS NOT p.raw")"
check_eq "two-lock keeps the first, a kernel, a tree and the latest" \
	"m7-1:7 m7-4:2 m7-5:4 m7-7:8" \
	"$(sql "SELECT group_concat(r.run_id || ':' || o.sample, ' ') FROM
	occurrences o JOIN runs r ON r.id = o.run_id WHERE o.signature_id = 1
	AND o.text_id IS NOT NULL ORDER BY o.id")"
check_eq "identical texts stored once: 2 for two-lock, 1 for recursive" \
	"1|2 2|1" \
	"$(sql 'SELECT signature_id, count(DISTINCT text_id) FROM occurrences
	GROUP BY 1' | xargs)"
check_eq "report_texts holds 3 texts" 3 "$(sql 'SELECT count(*) FROM report_texts')"
check_eq "recursive: 31 samples and the latest kept past the cap, 2 dropped" \
	"34 32" \
	"$(sql 'SELECT count(*), count(text_id) FROM occurrences
	WHERE signature_id = 2' | tr '|' ' ')"
check_eq "dropped texts are counted per signature" "1|3 2|2" \
	"$(sql 'SELECT id, texts_dropped FROM signatures ORDER BY id' | xargs)"
check_eq "no text without an occurrence" 0 \
	"$(sql 'SELECT count(*) FROM report_texts t WHERE NOT EXISTS
	(SELECT 1 FROM occurrences o WHERE o.text_id = t.id)')"

# the API
st=$(get "$BASE/api/v1/signatures/1/occurrences")
check_eq "occurrences listing: 200, all 7, 3 dropped" "200 7 3" \
	"$st $(body '.occurrences | length') $(body '.texts_dropped')"
check_eq "kept, newest first" "true false true true false false true" \
	"$(body '[.occurrences[].text_kept] | join(" ")')"
check_eq "a dropped one says so: text and raw null, its row is there" \
	"null null false m7-6" \
	"$(body '.occurrences[1] | "\(.text) \(.raw) \(.text_kept) \(.run)"')"
check_eq "the latest has its old text" \
	"$(sqlite3 "$ORIG" 'SELECT text FROM occurrences WHERE id = 7' | md5sum)" \
	"$(body '.occurrences[0].text' | md5sum)"
get "$BASE/api/v1/signatures/2" >/dev/null
check_eq "the signature counts its dropped texts" 2 "$(body '.texts_dropped')"
stop_server

# ingesting the same runs keeps the same sample
NEW=$TMP/new.db
sed 's/6\.0\.0-rc6-CI_DRM_12164-ga1f63e144e54+/6.1.0-rc1+/' \
	"$D/two-lock.splat" >"$TMP/two-k2"
n=0
run() {
	n=$((n + 1))
	"$SPLATD" ingest --db "$NEW" --run-id "m7-$n" --tree "$2" \
		--now "$((1700000000 + n * 60))" "$1" >/dev/null || fail "ingest m7-$n"
}
for f in "$D/two-lock.splat" "$D/two-lock.splat" "$D/two-lock.splat" \
	"$TMP/two-k2" "$TMP/two-k2:b" "$D/two-lock.splat" "$D/two-lock.splat"; do
	tree=a
	case $f in *:b) f=${f%:b} tree=b ;; esac
	run "$f" "$tree"
done
for i in $(seq 1 34); do run "$D/kind-recursive.splat" "t$i"; done
sample() { sqlite3 "$1" 'SELECT r.run_id, o.sample, o.text_id IS NULL,
	(SELECT texts_dropped FROM signatures s WHERE s.id = o.signature_id)
	FROM occurrences o JOIN runs r ON r.id = o.run_id ORDER BY o.id'; }
check_eq "the migration keeps the sample ingest keeps" \
	"$(sample "$NEW" | md5sum)" "$(sample "$DB" | md5sum)"
check_eq "... and stores as many texts" \
	"$(sqlite3 "$NEW" 'SELECT count(*) FROM report_texts')" \
	"$(sql 'SELECT count(*) FROM report_texts')"

check_eq "migration 11: signatures stored before have no syz_title yet" \
	"0 2" "$(sql 'SELECT count(syz_title), count(*) FROM signatures' | tr '|' ' ')"

# after the migration: a repeat takes the latest place, shares a text
"$SPLATD" ingest --db "$DB" --run-id m8-1 --tree a "$D/two-lock.splat" >/dev/null
SYZ=$("$SPLATD" parse "$D/two-lock.splat" | jq -r '.reports[0].syz_title')
check_eq "seen again, it gets its syz_title; the other stays NULL" \
	"1|$SYZ 2|" "$(sql 'SELECT id, syz_title FROM signatures ORDER BY id' | xargs -d '\n')"
check_eq "... and is found by it (the list's q)" 1 \
	"$(sql "SELECT id FROM signatures WHERE instr(search, lower('$SYZ')) > 0")"
check_eq "a new repeat: the old latest loses its text, none added" \
	"4 3 m8-1" \
	"$(sql "SELECT texts_dropped FROM signatures WHERE id = 1;
	SELECT count(*) FROM report_texts;
	SELECT r.run_id FROM occurrences o JOIN runs r ON r.id = o.run_id
	WHERE o.signature_id = 1 AND o.sample & 8" | xargs)"
check_eq "m7-7 kept no text" 1 \
	"$(sql "SELECT o.text_id IS NULL FROM occurrences o JOIN runs r
	ON r.id = o.run_id WHERE r.run_id = 'm7-7'")"
finish
