#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5020-api-signature-tallies: a signature's machines and kernels tables
# read signature_tallies (migration 27), kept by ingest, and say what a
# count of its occurrences says: by machine ('' for a run that named
# none), by kernel (the report's, else the run's, '' for neither), most
# first, then by name; the same kept by ingest and built by migration 27;
# a run's kernel filled in after it came moves its occurrences that named
# none from one kernel's row to the other's, and its machine or tree its
# occurrences (signature_trees' first and last runs taken again when they
# were the run; signature_places).
cd "$(dirname "$0")/.." || exit 1
. tests/http/lib.sh

start_server
CI=$(token ci1 ci)
# the seed with no kernel line: its kernel is the run's
grep -v "Not tainted" "$SEED" | sed 's/ga1f63e144e54+//' >"$TMP/nokernel.txt"
sed 's/CI_DRM_12164/CI_DRM_11111/g' "$SEED" >"$TMP/other.txt"
post_log "$CI" "id=a&machine=m1&tree=t1" "$SEED" >/dev/null
SIG=$(body '.reports[0].signature_id')
post_log "$CI" "id=b&machine=m2" "$SEED" >/dev/null
post_log "$CI" "id=c&machine=m2&kernel=6.1-run" "$TMP/nokernel.txt" >/dev/null
post_log "$CI" "id=d" "$TMP/nokernel.txt" >/dev/null
post_log "$CI" "id=e&machine=m3&kernel=6.1-run" "$TMP/other.txt" >/dev/null
post_log "$CI" "id=f&machine=m2&kernel=6.1-run" "$TMP/nokernel.txt" >/dev/null
i=0
for f in "$CORPUS_REAL"/*.log; do
	i=$((i + 1))
	post_log "$CI" "id=real$i&machine=r$((i % 3))" "$f" >/dev/null
done

# what a count of the occurrences says (the statements before migration 27)
scan() {
	local expr=$1
	sql "SELECT $expr, count(*) FROM occurrences o JOIN runs r ON r.id = o.run_id
		WHERE o.signature_id = $2 GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 100" |
		tr '|' ':' | paste -sd' '
}
MSCAN="coalesce(r.machine, '')"
KSCAN="coalesce(o.kernel, r.kernel, '')"
tables() {
	get "$BASE/api/v1/signatures/$1" >/dev/null
	body '[.machines[] | "\(.machine // ""):\(.occurrences)"] | join(" ")'
	body '[.kernels[] | "\(.kernel // ""):\(.occurrences)"] | join(" ")'
}
every() {
	local s
	for s in $(sql "SELECT id FROM signatures ORDER BY id"); do
		echo "$s $(tables "$s" | paste -sd'|')"
	done
}
want="$(scan "$MSCAN" "$SIG")|$(scan "$KSCAN" "$SIG")"
check "the seed has machines and kernels of each kind" \
	eval '[[ "$want" == "m2:3 :1 "*"|"*" 6.1-run:2 :1 "* ]]'
check_eq "the seed's machines and kernels: as a count of its occurrences" \
	"$want" "$(tables "$SIG" | paste -sd'|')"
ok=0 n=0
for s in $(sql "SELECT id FROM signatures"); do
	n=$((n + 1))
	[ "$(tables "$s" | paste -sd'|')" = "$(scan "$MSCAN" "$s")|$(scan "$KSCAN" "$s")" ] &&
		ok=$((ok + 1))
done
check_eq "every signature's tables: as a count of its occurrences" "$n/$n" "$ok/$n"
check_eq "the tallies count every occurrence once by machine and once by kernel" \
	"$(sql 'SELECT 2 * count(*) FROM occurrences')" \
	"$(sql 'SELECT sum(occurrences) FROM signature_tallies')"
BEFORE=$(every)

# KCIDB's way of filling a run in later (DB_SQL_KCIDB_RUNS_COMPLETE): the
# run's kernel set where it had none, then another kernel
sql "UPDATE runs SET kernel = '6.2-later' WHERE run_id = 'd'"
check_eq "a kernel filled in: the occurrences that named none move to it" \
	"$(scan "$KSCAN" "$SIG")" "$(tables "$SIG" | sed -n 2p)"
sql "UPDATE runs SET kernel = '6.1-run', machine = 'm9' WHERE run_id = 'd'"
check_eq "... and again to another kernel, and a machine" \
	"$(scan "$MSCAN" "$SIG")|$(scan "$KSCAN" "$SIG")" "$(tables "$SIG" | paste -sd'|')"
check "... no row left empty" test "$(sql 'SELECT count(*) FROM signature_tallies WHERE occurrences <= 0')" = 0
# and a tree: b and f, the first and last run of no tree, to one; a, the
# only run of t1, to none
sql "UPDATE runs SET tree = 'later' WHERE run_id IN ('b', 'f');
	UPDATE runs SET tree = NULL WHERE run_id = 'a'"
# and every run of a tree at once (PostgreSQL fires the row triggers after
# the statement: each sees the others gone already)
sql "UPDATE runs SET tree = 'gone' WHERE tree = 'later'"
check_eq "trees filled in and taken away: the places are the runs' trees" \
	"$(sql "SELECT DISTINCT r.tree, o.signature_id FROM occurrences o JOIN runs r
		ON r.id = o.run_id WHERE r.tree IS NOT NULL ORDER BY 1, 2" | paste -sd' ')" \
	"$(sql "SELECT value, signature_id FROM signature_places WHERE what = 'tree'
		ORDER BY 1, 2" | paste -sd' ')"
trees() {
	sql "SELECT signature_id, tree, occurrences, first_run, first_run_at,
		last_run, last_run_at FROM signature_trees ORDER BY 1, 2" | paste -sd' '
}
MOVED=$(every) MOVED_TREES=$(trees)
stop_server

# a database from before migration 27: the migration builds the tallies
schema_back 26 "$UNDO_27"
start_server
check_eq "migration 27: the same tables" "$MOVED" "$(every)"
check_eq "... the same trees, their first and last runs" "$MOVED_TREES" "$(trees)"
check "... which the move changed" test "$MOVED" != "$BEFORE"
stop_server
finish
