#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9510-pg-copy: `splatd db copy --from PATH --to postgresql://...` moves a
# SQLite database made here (the #6641 seed on machines and kernels, a
# regression through its history, a generated log with many reports, a
# kernel tree, tokens, subscriptions, queued mail) into an empty PostgreSQL
# database: every table's rows and content checksum agree and are printed,
# the counts agree read on both sides, a second copy into the same target
# is refused, serve on the copy answers /api/v1/signatures as serve on the
# original does, and new runs on the copy get new ids.
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh
need_pg
need_exec build/bench/gen_corpus build/asan/tools/mail_queue

SRC=$TMP/src.db
K=$TMP/k
minikernel "$K"
"$SPLATD" git tree add linux --repo "$K" --branch master --db "$SRC" >/dev/null
"$SPLATD" token create --name ci1 --role ci --db "$SRC" >/dev/null
T0=1780000000
for m in 1 2 3 4 5 6; do
	"$SPLATD" ingest --run-id "seed-$m" --machine "shard-glk$m" \
		--kernel "6.2.0-rc$m" --now $((T0 + m * 3600)) --db "$SRC" \
		"$SEED" >/dev/null
done
rerender "$SEED" >"$TMP/b.txt"
"$SPLATD" ingest --run-id rerendered --machine shard-tgl1 --now $((T0 + 86400)) \
	--db "$SRC" "$TMP/b.txt" >/dev/null
build/bench/gen_corpus -n 1 -m 1 -k 4 -s 7 "$TMP/gen" >/dev/null
"$SPLATD" ingest --run-id many --machine shard-icl1 --db "$SRC" \
	"$TMP"/gen/*.log >/dev/null
HASH=$(sql 'SELECT hash FROM signatures ORDER BY id LIMIT 1' "$SRC")
"$SPLATD" regression create --title 'coretemp deadlock (#6641)' \
	--signature "$(sql 'SELECT id FROM signatures ORDER BY id LIMIT 1' "$SRC")" \
	--link https://gitlab.freedesktop.org/drm/intel/-/issues/6641 \
	--db "$SRC" >/dev/null
REG=$(sql 'SELECT id FROM regressions' "$SRC")
"$SPLATD" regression resolve "$REG" --reason 'looks fixed' --db "$SRC" >/dev/null
"$SPLATD" regression reopen "$REG" --reason 'fired again' --db "$SRC" >/dev/null
"$SPLATD" subscription add jdelvare@suse.com --all --db "$SRC" >/dev/null
build/asan/tools/mail_queue --db "$SRC" --now $T0 --count 3 \
	--to maint@example.org >/dev/null
check "the source has runs, signatures, history, mail" test \
	"$(sql 'SELECT (SELECT count(*) FROM runs) >= 8 AND
		(SELECT count(*) FROM signatures) > 1 AND
		(SELECT count(*) FROM regression_history) >= 3 AND
		(SELECT count(*) FROM outbox) = 3' "$SRC")" = 1

# ---- the copy ---------------------------------------------------------------
"$SPLATD" db copy --from "$SRC" --to "$DB" >"$TMP/copy.out" 2>"$TMP/copy.err"
check_eq "db copy succeeds" 0 $?
cat "$TMP/copy.out" "$TMP/copy.err" | sed 's/^/# /'
check "it says how many tables it copied and verified" \
	grep -q 'tables copied and verified' "$TMP/copy.err"
check_eq "every table's rows agree as printed" "" \
	"$(awk 'NR > 1 && $1 != "checksum" && $2 != $3' "$TMP/copy.out")"
check_eq "the two checksums are printed and equal" 1 \
	"$(awk '$1 == "checksum" {print $3}' "$TMP/copy.out" | sort -u | wc -l)"
tables=$(sql "SELECT name FROM sqlite_schema WHERE type = 'table'
	AND name NOT LIKE 'sqlite%' ORDER BY 1" "$SRC")
check_eq "every table of the source is listed" "$tables" \
	"$(awk 'NR > 1 && $1 != "checksum" {print $1}' "$TMP/copy.out" | sort)"
for t in $tables; do
	echo "$t $(sql "SELECT count(*) FROM $t" "$SRC")"
done >"$TMP/want"
for t in $tables; do echo "$t $(sql "SELECT count(*) FROM \"$t\"")"; done >"$TMP/got"
check_eq "counts read on both sides agree" "" "$(diff "$TMP/want" "$TMP/got")"
check_eq "the seed's signature kept its hash and counters" \
	"$(sql "SELECT occurrences, first_seen, last_seen FROM signatures
		WHERE hash = '$HASH'" "$SRC")" \
	"$(sql "SELECT occurrences, first_seen, last_seen FROM signatures
		WHERE hash = '$HASH'")"

"$SPLATD" db copy --from "$SRC" --to "$DB" >"$TMP/again.out" 2>"$TMP/again.err"
check_eq "a second copy into the same database is refused" 1 $?
check "... saying the target is not empty" grep -q 'not empty' "$TMP/again.err"
check_eq "... with no table of zeros on stdout to read as verified" "" "$(cat "$TMP/again.out")"
check_eq "... and nothing changed" "" \
	"$(for t in $tables; do echo "$t $(sql "SELECT count(*) FROM \"$t\"")"; done |
		diff "$TMP/want" -)"
"$SPLATD" db copy --from "$TMP/missing.db" --to "$DB" 2>"$TMP/missing.err"
check_eq "a missing source: exit 1" 1 $?
check "... said" grep -q 'missing.db' "$TMP/missing.err"
"$SPLATD" db copy --from "$SRC" 2>/dev/null
check_eq "no --to: usage, exit 2" 2 $?
for to in "$TMP/target.db" "sqlite:$TMP/target2.db"; do
	"$SPLATD" db copy --from "$SRC" --to "$to" >/dev/null 2>"$TMP/to.err"
	check_eq "--to $to (not PostgreSQL): exit 1" 1 $?
	check "... saying --to must be PostgreSQL" grep -q -- '--to must be a PostgreSQL database' "$TMP/to.err"
	check "... and creating no file" test ! -e "${to#sqlite:}"
done
"$SPLATD" db copy --from "$DB" --to "$DB" >/dev/null 2>"$TMP/from.err"
check_eq "--from PostgreSQL: exit 1" 1 $?
check "... saying --from is the SQLite file" grep -q -- '--from is the SQLite file' "$TMP/from.err"
"$SPLATD" db copy --from "sqlite:$SRC" --to "$DB" >/dev/null 2>"$TMP/prefixed.err"
check "--from sqlite:PATH is read as PATH (here: refused for the non-empty target)" \
	grep -q 'not empty' "$TMP/prefixed.err"

# ---- serve on the copy answers as serve on the original ---------------------
signatures() {
	get "$BASE/api/v1/signatures?limit=100" >/dev/null
	body '.' | jq -S 'del(.. | .url? // empty)'
}
start_server --access-log off
ON_PG=$(signatures)
CI=$(token ci2 ci)
check_eq "a new run on the copy is stored" 201 \
	"$(post_log "$CI" "id=new-on-pg&machine=m9" "$SEED")"
check_eq "... with a new id past the copied ones" 1 \
	"$(sql "SELECT CASE WHEN (SELECT id FROM runs WHERE run_id = 'new-on-pg')
		> (SELECT max(id) FROM runs WHERE run_id <> 'new-on-pg') THEN 1 END")"
stop_server
PGDB=$DB DB=$SRC
start_server --access-log off
ON_SQLITE=$(signatures)
stop_server
DB=$PGDB
check "the original lists signatures" test "$(jq '.signatures | length' <<<"$ON_SQLITE")" -gt 1
check_eq "/api/v1/signatures is the same on the copy" "$ON_SQLITE" "$ON_PG"
finish
