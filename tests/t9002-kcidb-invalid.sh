#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
# t9002-kcidb-invalid: invalid KCIDB documents (each required field
# missing or wrong, a field the v5.3 schema refuses, a wrong version,
# garbage, invalid UTF-8, too big) are
# refused with 400 (413 for size) naming the first bad JSON path, and
# nothing is stored, through the API and the command line.
cd "$(dirname "$0")/.." || exit 1
. tests/kcidb/lib.sh
start_server --max-json 64K
CI=$(token ci1 ci)
kcidb_doc "http://127.0.0.1:1/log" >"$TMP/good.json"

# bad NAME JQ-EDIT EXPECTED-ERROR: the good document edited by JQ-EDIT
bad() {
	jq "$2" "$TMP/good.json" >"$TMP/bad.json"
	bad_file "$1" "$3"
}
bad_file() {
	check_eq "$1: 400" 400 "$(post_kcidb "$CI" "$TMP/bad.json")"
	check_eq "$1: names the path" "$2" "$(body .detail)"
	"$SPLATD" kcidb import --db "$TMP/cli.db" "$TMP/bad.json" \
		>/dev/null 2>"$TMP/cli.err"
	check_eq "$1: the CLI exits 1 with the same line" \
		"1 splatd kcidb import: $2" "$? $(cat "$TMP/cli.err")"
}

bad "no version" 'del(.version)' '$.version: required'
bad "version 3" '.version.major = 3' \
	'$.version.major: not a supported version (4 or 5)'
bad "major a string" '.version.major = "5"' '$.version.major: not an integer'
bad "minor negative" '.version.minor = -1' \
	'$.version.minor: not an integer from 0'
bad "checkouts not an array" '.checkouts = {}' '$.checkouts: not an array'
bad "a checkout not an object" '.checkouts[0] = 1' \
	'$.checkouts[0]: not an object'
bad "checkout without id" 'del(.checkouts[0].id)' '$.checkouts[0].id: required'
bad "checkout without origin" 'del(.checkouts[0].origin)' \
	'$.checkouts[0].origin: required'
bad "checkout id without origin" '.checkouts[0].id = "abc"' \
	"\$.checkouts[0].id: not an id ('<origin>:<id>', origin of [a-z0-9_])"
bad "origin upper case" '.checkouts[0].origin = "Maestro"' \
	'$.checkouts[0].origin: not an origin ([a-z0-9_]+)'
bad "commit hash short" '.checkouts[0].git_commit_hash = "4fe89d07"' \
	'$.checkouts[0].git_commit_hash: not a 40-digit lower-case commit hash'
bad "tree_name a number" '.checkouts[0].tree_name = 1' \
	'$.checkouts[0].tree_name: not a string'
bad "a git:// repository (v5: https only)" \
	'.checkouts[0].git_repository_url = "git://git.kernel.org/linux.git"' \
	'$.checkouts[0].git_repository_url: not an https:// URL (KCIDB v5)'
bad "build without checkout_id" 'del(.builds[0].checkout_id)' \
	'$.builds[0].checkout_id: required'
bad "build id null" '.builds[0].id = null' '$.builds[0].id: not a string'
bad "test without build_id" 'del(.tests[1].build_id)' \
	'$.tests[1].build_id: required'
bad "test without id" 'del(.tests[2].id)' '$.tests[2].id: required'
bad "test without origin" 'del(.tests[3].origin)' '$.tests[3].origin: required'
bad "log_url a number" '.tests[1].log_url = 7' '$.tests[1].log_url: not a string'
bad "log_excerpt an array" '.tests[0].log_excerpt = []' \
	'$.tests[0].log_excerpt: not a string'
bad "log_excerpt over 16384 characters" \
	'.tests[2].log_excerpt = ("é" * 16385)' \
	'$.tests[2].log_excerpt: longer than 16384 characters'
bad "bad path" '.tests[0].path = "ltp..sem01"' \
	'$.tests[0].path: not a dot-separated test path'
bad "bad status" '.tests[0].status = "BROKEN"' \
	'$.tests[0].status: not one of FAIL, ERROR, MISS, PASS, DONE, SKIP'
bad "bad start_time" '.tests[0].start_time = "yesterday"' \
	'$.tests[0].start_time: not an RFC 3339 date-time'
bad "start_time 30 February" '.tests[0].start_time = "2026-02-30T00:00:00Z"' \
	'$.tests[0].start_time: not an RFC 3339 date-time (no day 30 in 2026-02)'
bad "start_time 29 February 2100 (not a leap year)" \
	'.tests[0].start_time = "2100-02-29T10:00:00+01:00"' \
	'$.tests[0].start_time: not an RFC 3339 date-time (no day 29 in 2100-02)'
bad "start_time 31 April" '.tests[0].start_time = "2026-04-31T00:00:00.5Z"' \
	'$.tests[0].start_time: not an RFC 3339 date-time (no day 31 in 2026-04)'
bad "a checkout's start_time 30 February (not kept, still refused)" \
	'.checkouts[0].start_time = "2026-02-30T00:00:00Z"' \
	'$.checkouts[0].start_time: not an RFC 3339 date-time (no day 30 in 2026-02)'
bad "a build's start_time not a date" '.builds[0].start_time = "soon"' \
	'$.builds[0].start_time: not an RFC 3339 date-time'
sed 's/"major": 5/"major": 5.5/' "$TMP/good.json" >"$TMP/bad.json"
bad_file "major 5.5" '$.version.major: not an integer'
bad "environment a string" '.tests[0].environment = "lab"' \
	'$.tests[0].environment: not an object'
bad "a compatible with a space" '.tests[1].environment.compatible[0] = "hp x360"' \
	'$.tests[1].environment.compatible[0]: not a compatible value ("vendor,model", no spaces)'
bad "compatible item a number" '.tests[1].environment.compatible[1] = 3' \
	'$.tests[1].environment.compatible[1]: not a string'
bad "a null" '.tests[3].comment = null' \
	'$.tests[3].comment: null (KCIDB takes no nulls: leave the field out)'
bad "a field v5.3 does not have" '.tests[2].waived = false' \
	'$.tests[2].waived: not a field of a test in KCIDB v5.3 (KCIDB refuses unknown fields)'

printf 'this is not json' >"$TMP/bad.json"
bad_file "garbage" "\$: malformed JSON: '[' or '{' expected near 'this' (line 1)"
printf '[1, 2]' >"$TMP/bad.json"
bad_file "an array" '$: not an object'
jq -c . "$TMP/good.json" | sed 's/mainline/main\xff\xfeline/' >"$TMP/bad.json"
bad_file "invalid UTF-8" '$: not valid UTF-8'
jq -c '.checkouts[0].id as $i | .checkouts += [.checkouts[0]]' \
	"$TMP/good.json" | sed 's/"version"/"version":{"major":5},"version"/' \
	>"$TMP/bad.json"
bad_file "a duplicate key" \
	"\$: malformed JSON: duplicate object key near '\"version\"' (line 1)"

# ---- size ------------------------------------------------------------------
jq '.tests[0].comment = ("x" * 70000)' "$TMP/good.json" >"$TMP/big.json"
check_eq "over --max-json: 413" 413 "$(post_kcidb "$CI" "$TMP/big.json")"
gzip -c "$TMP/big.json" >"$TMP/big.json.gz"
check_eq "... also gzip-compressed" 413 \
	"$(post_kcidb "$CI" "$TMP/big.json.gz" -H 'Content-Encoding: gzip')"
python3 -c 'import json; print(json.dumps({"version": {"major": 5},
	"tests": [0] * 30000}))' >"$TMP/many.json"
check_eq "too many values: 413" 413 "$(post_kcidb "$CI" "$TMP/many.json")"
"$SPLATD" kcidb import --db "$TMP/cli.db" --max-json 64K "$TMP/big.json" \
	2>"$TMP/cli.err" >/dev/null
check_eq "the CLI: over --max-json, exit 1" 1 $?
check "... says so" grep -q 'larger than 65536 bytes' "$TMP/cli.err"

check_eq "nothing stored by any of them" "0 0 0 0" \
	"$(sql "SELECT (SELECT count(*) FROM runs),
		(SELECT count(*) FROM kcidb_checkouts),
		(SELECT count(*) FROM kcidb_builds),
		(SELECT count(*) FROM kcidb_fetches)" | tr '|' ' ')"
check "... nor by the CLI (it opened no database)" test ! -e "$TMP/cli.db"
check_eq "the good document is still fine" 201 \
	"$(post_kcidb "$CI" "$TMP/good.json")"
# at the cap a document is good (characters, not bytes: 32768 bytes here;
# its tests under new ids)
jq '.tests[2].log_excerpt = ("é" * 16384) | .tests |= map(.id += "-cap")' \
	"$TMP/good.json" >"$TMP/cap.json"
check_eq "a log_excerpt of exactly 16384 characters is taken" 201 \
	"$(post_kcidb "$CI" "$TMP/cap.json")"
# JSON Schema's integer is a number without a fraction: 5.0 is 5
jq '.tests |= map(.id += "-real") | .tests[0].start_time = "2024-02-29T23:59:60Z"' \
	"$TMP/good.json" | sed 's/"major": 5,/"major": 5.0,/; s/"minor": \([0-9]*\)/"minor": \1.0/' \
	>"$TMP/real.json"
check "... (the document says 5.0)" grep -q '"major": 5.0,' "$TMP/real.json"
check_eq "version.major 5.0 (and minor N.0) is read as 5; 29 February 2024 is a date" \
	201 "$(post_kcidb "$CI" "$TMP/real.json")"
stop_server
finish
