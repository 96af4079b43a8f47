#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9001-kcidb-cli: `splatd kcidb import FILE|-` stores the same runs as the
# API, fetching the log_url at once (gzip served as a .gz file); twice
# stores nothing new; a v4 document reads the same; usage errors exit 2.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
need_shared "$SHARED/kcidb/v05_03.schema.json"
start_logserver
T2=maestro:67a1b2c3d4e5f6a7b8c9d0f2
kcidb_doc "$LBASE/logs/seed.txt.gz" >"$TMP/doc.json"
imp() { "$SPLATD" kcidb import --db "$DB" "$@"; }

imp --kcidb-fetch-allow "$LBASE/logs/" "$TMP/doc.json" >"$TMP/out.json"
check_eq "import exits 0" 0 $?
check_eq "per test: the log_url is fetched at once" \
	"stored stored stored skipped" \
	"$(jq -r '[.tests[].status] | join(" ")' "$TMP/out.json")"
check_eq "the .gz log's splat is the seed's" e747893647d274c1 \
	"$(jq -r '.tests[1].reports[0].signature' "$TMP/out.json")"
check_eq "the fetch is recorded done" "done|1|" \
	"$(sql "SELECT state, attempts, last_error FROM kcidb_fetches
		WHERE test_id = '$T2'")"
check_eq "runs from the checkout" "3|mainline|master" \
	"$(sql "SELECT count(*), min(tree), min(branch) FROM runs")"

before=$(sql "SELECT count(*), max(id) FROM runs; SELECT count(*) FROM
	occurrences; SELECT count(*) FROM kcidb_fetches")
imp --kcidb-fetch-allow "$LBASE/logs/" - <"$TMP/doc.json" >"$TMP/out2.json"
check_eq "again from stdin: exit 0" 0 $?
check_eq "per test: already stored" \
	"already_stored already_stored already_stored skipped" \
	"$(jq -r '[.tests[].status] | join(" ")' "$TMP/out2.json")"
check_eq "nothing new stored" "$before" \
	"$(sql "SELECT count(*), max(id) FROM runs; SELECT count(*) FROM
	occurrences; SELECT count(*) FROM kcidb_fetches")"
check_eq "... nor fetched again" 1 \
	"$(grep -c 'GET /logs/seed.txt.gz' "$TMP/logserver.err")"

# ---- v4 ----------------------------------------------------------------------
kcidb_doc "$LBASE/logs/seed.txt" 4 >"$TMP/doc4.json"
imp --db "$TMP/v4.db" --kcidb-fetch-allow "$LBASE/" "$TMP/doc4.json" \
	>"$TMP/out4.json"
check_eq "a v4 document: exit 0" 0 $?
check_eq "... the same tests stored" "stored stored stored skipped" \
	"$(jq -r '[.tests[].status] | join(" ")' "$TMP/out4.json")"
check_eq "... the same run fields" "3|mainline|v6.1-rc1-12-g4fe89d07dcc2" \
	"$(sqlite3 "$TMP/v4.db" "SELECT count(*), min(tree), min(kernel)
		FROM runs")"

# ---- the test document is what KCIDB accepts ---------------------------------
check "the v5 document validates against the v5.3 schema" python3 -c '
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.validate(json.load(open(sys.argv[2])), schema,
                    format_checker=jsonschema.FormatChecker())' \
	"$SHARED/kcidb/v05_03.schema.json" "$TMP/doc.json"

# ---- a test with both: the whole log at log_url when allowed ----------------
jq --arg u "$LBASE/logs/seed.txt" '.tests = [.tests[2] | .id = "maestro:both"
	| .log_url = $u]' "$TMP/doc.json" >"$TMP/both.json"
imp --db "$TMP/both.db" --kcidb-fetch-allow "$LBASE/" "$TMP/both.json" \
	>"$TMP/both.out"
check_eq "log_url and a clean excerpt: the log_url's splat is stored" \
	"stored e747893647d274c1" \
	"$(jq -r '.tests[0] | "\(.status) \(.reports[0].signature)"' "$TMP/both.out")"
imp --db "$TMP/both2.db" "$TMP/both.json" >"$TMP/both2.out"
check_eq "... without an allowed prefix, the excerpt (clean)" "stored 0" \
	"$(jq -r '.tests[0] | "\(.status) \(.reports | length)"' "$TMP/both2.out")"
imp --db "$TMP/both2.db" --kcidb-fetch-allow "$LBASE/" "$TMP/both.json" \
	>"$TMP/both3.out"
check_eq "... then allowed: already stored, nothing queued" "already_stored 0" \
	"$(jq -r '.tests[0].status' "$TMP/both3.out") $(sqlite3 "$TMP/both2.db" \
		"SELECT count(*) FROM kcidb_fetches")"

# ---- without an allowed prefix, usage ---------------------------------------
imp --db "$TMP/none.db" "$TMP/doc.json" >"$TMP/out5.json"
check_eq "no --kcidb-fetch-allow: the log_url test is skipped" \
	"skipped: log_url is not under a --kcidb-fetch-allow prefix" \
	"$(jq -r '.tests[1] | "\(.status): \(.reason)"' "$TMP/out5.json")"
"$SPLATD" kcidb import --db "$DB" 2>/dev/null
check_eq "no FILE: exit 2" 2 $?
"$SPLATD" kcidb import --kcidb-fetch-allow ftp://x/ "$TMP/doc.json" 2>/dev/null
check_eq "an ftp:// prefix is refused: exit 2" 2 $?
"$SPLATD" kcidb import --db "$DB" "$TMP/missing.json" 2>"$TMP/err"
check_eq "a missing file: exit 1" 1 $?
check "... named" grep -q "missing.json: No such file" "$TMP/err"
finish
