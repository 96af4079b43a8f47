#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t5021-api-trees-kcidb-later: a KCIDB test stored before its build and
# checkout is a run without a tree (t9015); when its checkout comes and
# fills the run's tree in, the signature's first and last seen by tree
# (signature_trees), its places (the list's tree= filter) and its kernels
# (signature_tallies) move as ingest would have written them had the run
# come with its tree: the same as migration 27 builds from the runs.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
start_logserver
start_server --kcidb-fetch-allow "$LBASE/"
CI=$(token ci1 ci)
kcidb_doc "$LBASE/logs/seed.txt" >"$TMP/full.json"
jq 'del(.checkouts, .builds)' "$TMP/full.json" >"$TMP/tests.json"
jq '{version, builds}' "$TMP/full.json" >"$TMP/build.json"
jq '{version, checkouts}' "$TMP/full.json" >"$TMP/checkout.json"
T1=$(jq -r '.tests[1].id' "$TMP/full.json")
TREE=$(jq -r '.checkouts[0].tree_name' "$TMP/full.json")

# raw runs: one of another tree, two that name none (they stay so), after
# the KCIDB runs' time (2026-11-30): the KCIDB runs are the first of no
# tree, which another takes when they leave
post_log "$CI" "id=raw-next&machine=m1&tree=next&started_at=2026-11-01T00:00:00Z" "$SEED" >/dev/null
SIG=$(body '.reports[0].signature_id')
post_log "$CI" "id=raw-none&machine=m1&started_at=2026-12-01T00:00:00Z" "$SEED" >/dev/null
check_eq "the tests before their build: taken" 201 "$(post_kcidb "$CI" "$TMP/tests.json")"
check "the log_url test is fetched" eval 'wait_fetch "$T1" done >/dev/null'
post_log "$CI" "id=raw-none2&machine=m1&started_at=2026-12-02T00:00:00Z" "$SEED" >/dev/null

trees() {
	get "$BASE/api/v1/signatures/$SIG" >/dev/null
	body '[.trees[] | "\(.tree):\(.occurrences):\(.first.run)@\(.first.at):\(.last.run)@\(.last.at)"] | join(" ")'
}
table() {
	sql "SELECT signature_id, tree, occurrences, first_run, first_run_at,
		last_run, last_run_at FROM signature_trees ORDER BY 1, 2" | paste -sd' '
}
tallies() {
	sql "SELECT signature_id, what, value, occurrences FROM signature_tallies
		ORDER BY 1, 2, 3" | paste -sd' '
}
listed() {
	get "$BASE/api/v1/signatures?tree=$1" >/dev/null
	body "[.signatures[] | select(.id == $SIG)] | length"
}
NONE=$(sql "SELECT count(*) FROM occurrences o JOIN runs r ON r.id = o.run_id
	WHERE o.signature_id = $SIG AND coalesce(r.tree, '') = ''")
check "the KCIDB runs count under no tree first, the first of it" \
	eval '[ "$(trees | grep -o "null:[0-9]*" | cut -d: -f2)" = "$NONE" ] &&
		[[ "$(trees)" == *"null:$NONE:maestro:"* ]]'
check_eq "... and the list by their tree does not find it yet" 0 "$(listed "$TREE")"

check_eq "the build, then its checkout: the runs completed" "201 201 3" \
	"$(post_kcidb "$CI" "$TMP/build.json") $(post_kcidb "$CI" "$TMP/checkout.json") $(body .runs_completed)"
N=$(sql "SELECT count(*) FROM occurrences o JOIN runs r ON r.id = o.run_id
	WHERE o.signature_id = $SIG AND r.run_id = 'raw-none'")
check_eq "no tree: the raw runs' occurrences alone, their first and last" \
	"null:$((2 * N)):raw-none@2026-12-01T00:00:00Z:raw-none2@2026-12-02T00:00:00Z" \
	"$(trees | grep -o 'null:[^ ]*')"
check "$TREE: the KCIDB runs' occurrences" \
	test "$(trees | grep -o "$TREE:[0-9]*" | cut -d: -f2)" -gt 0
check_eq "every occurrence once" \
	"$(sql "SELECT count(*) FROM occurrences WHERE signature_id = $SIG")" \
	"$(sql "SELECT sum(occurrences) FROM signature_trees WHERE signature_id = $SIG")"
check_eq "the list by their tree finds it" 1 "$(listed "$TREE")"
KEPT_TREES=$(trees) KEPT=$(table) KEPT_TALLIES=$(tallies)
stop_logserver
stop_server

# the same as migration 27 builds from the runs as they are now
schema_back 26 "$UNDO_27"
start_server
check_eq "migration 27: the same trees" "$KEPT" "$(table)"
check_eq "... the same page" "$KEPT_TREES" "$(trees)"
check_eq "... the same tallies" "$KEPT_TALLIES" "$(tallies)"
check_eq "... the list by their tree still finds it" 1 "$(listed "$TREE")"
stop_server
finish
